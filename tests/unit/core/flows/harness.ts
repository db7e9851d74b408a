// A person talking to the conversation service, as a channel would carry it: events in, replies
// rendered in their language out. The ports are small in-memory stand-ins for storage (which has
// its own tests against real databases); they keep the same rules (versions, ownership of cases).
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  type ConversationDeps,
  createConversationService,
} from '../../../../src/core/conversation/service.js';
import type { InboundEvent, MyRequest, Reply, Text } from '../../../../src/core/conversation/types.js';
import type { Directory, Locale, NewRequest, RequestStatus } from '../../../../src/core/model.js';
import type {
  ChatRef,
  ChatSafety,
  ConversationStore,
  ReporterCases,
  RequestIntake,
  StoredConversation,
} from '../../../../src/core/ports/index.js';
import { drawCaseCode, drawContinuationSecret } from '../../../../src/core/queue/case-codes.js';
import { err, ok } from '../../../../src/core/result.js';
import { createI18n, type RenderedReply } from '../../../../src/i18n/index.js';

export const LOCALES_DIR = fileURLToPath(new URL('../../../../locales', import.meta.url));
export const i18n = createI18n(LOCALES_DIR, {
  onMissingKey: (key, locale) => {
    throw new Error(`missing locale key ${key} (${locale})`);
  },
});

/** Every text key the service has produced in this test process, for the locale coverage test. */
export const seenKeys = new Set<string>();

function collectKeys(text: Text): void {
  seenKeys.add(text.key);
  for (const param of Object.values(text.params ?? {})) {
    if (Array.isArray(param)) param.forEach(collectKeys);
    else if (typeof param === 'object') collectKeys(param);
  }
}

export function collectReplyKeys(replies: Reply[]): void {
  for (const reply of replies) {
    collectKeys(reply.text);
    for (const row of reply.buttons ?? []) for (const b of row) collectKeys(b.label);
  }
}

export class MemoryConversationStore implements ConversationStore {
  readonly rows = new Map<string, StoredConversation>();
  async load(handleId: string) {
    return this.rows.get(handleId) ?? null;
  }
  async save(handleId: string, state: string, expectedVersion: number | null) {
    const current = this.rows.get(handleId)?.version ?? null;
    if (current !== expectedVersion) return null;
    const version = (current ?? 0) + 1;
    this.rows.set(handleId, { state, version });
    return version;
  }
}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

interface StoredRequest extends NewRequest {
  caseCode: string;
  secret: string | null;
  status: RequestStatus;
  createdAt: Date;
  thread: string[];
}

/** The requests "storage" holds: enough for the intake and "my requests" ports. */
export class MemoryRequests implements RequestIntake, ReporterCases {
  readonly requests: StoredRequest[] = [];
  failNext = 0;

  async submit(request: NewRequest) {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('database is unavailable');
    }
    const caseCode = drawCaseCode(random);
    const secret = drawContinuationSecret(random);
    this.requests.push({ ...request, caseCode, secret, status: 'NEW', createdAt: new Date(), thread: [] });
    return { caseCode, continuationSecret: secret };
  }

  async listMine(handleId: string): Promise<MyRequest[]> {
    return this.requests
      .filter((r) => r.reporterHandleId === handleId)
      .map((r) => ({
        caseCode: r.caseCode,
        kind: r.kind,
        category: r.category,
        status: r.status,
        createdAt: r.createdAt,
      }));
  }

  async addInformation(handleId: string, caseCode: string, text: string) {
    const found = this.requests.find((r) => r.caseCode === caseCode && r.reporterHandleId === handleId);
    if (!found) return err('NOT_FOUND' as const);
    if (found.status === 'CLOSED') return err('CLOSED' as const);
    found.thread.push(text);
    return ok(undefined);
  }

  async continueCase(handleId: string, secret: string, caseCode?: string) {
    const found = this.requests.find((r) => r.secret === secret && (!caseCode || r.caseCode === caseCode));
    if (!found) return err('NOT_FOUND' as const);
    found.secret = null;
    found.reporterHandleId = handleId;
    return ok({ caseCode: found.caseCode });
  }

  /** A case counts as held by a specialist once its status says so (CLAIMED or ANSWERED); newest first. */
  async tellSpecialist(handleId: string, text: string) {
    const held = this.requests
      .filter((r) => r.reporterHandleId === handleId && (r.status === 'CLAIMED' || r.status === 'ANSWERED'))
      .at(-1);
    if (!held) return err('NO_CASE' as const);
    held.thread.push(text);
    return ok({ caseCode: held.caseCode });
  }

  byCode(code: string): StoredRequest {
    const found = this.requests.find((r) => r.caseCode === code);
    if (!found) throw new Error(`no request ${code}`);
    return found;
  }
}

/** Safe mode as the flows see it: which chats asked to erase or be forgotten. */
export class MemorySafety implements ChatSafety {
  erased: string[] = [];
  forgotten: string[] = [];
  /** Telegram can delete messages; set false for Viber. */
  canDelete = true;
  async erase(chat: ChatRef) {
    this.erased.push(chat.handleId);
    return this.canDelete;
  }
  async forget(chat: ChatRef) {
    this.forgotten.push(chat.handleId);
  }
}

export interface World {
  store: MemoryConversationStore;
  requests: MemoryRequests;
  safety: MemorySafety;
  directory: Directory;
  deps: ConversationDeps;
}

export function newWorld(directory: Directory, overrides: Partial<ConversationDeps> = {}): World {
  const store = new MemoryConversationStore();
  const requests = new MemoryRequests();
  const safety = new MemorySafety();
  const deps: ConversationDeps = {
    store,
    intake: requests,
    cases: requests,
    safety,
    directory: () => directory,
    clock: { now: () => new Date('2025-11-20T10:00:00Z') },
    ...overrides,
  };
  return { store, requests, safety, directory, deps };
}

/** One person in one chat. Every call returns what they see, already in their language. */
export class Person {
  readonly service;
  seen: RenderedReply[] = [];
  raw: Reply[] = [];
  locale: Locale = 'uk';

  constructor(
    readonly world: World,
    readonly chat: ChatRef = { handleId: 'handle-1', channel: 'TELEGRAM', locale: null },
  ) {
    this.service = createConversationService(world.deps);
  }

  async send(event: InboundEvent): Promise<RenderedReply[]> {
    const result = await this.service.handle(this.chat, event);
    collectReplyKeys(result.replies);
    this.raw = result.replies;
    this.locale = result.locale;
    this.seen = result.replies.map((r) => i18n.renderReply(r, result.locale));
    return this.seen;
  }

  start = () => this.send({ type: 'start' });
  write = (text: string) => this.send({ type: 'text', text });
  command = (name: string, args = '') => this.send({ type: 'command', name, args });
  shareLocation = (lat: number, lon: number) => this.send({ type: 'location', lat, lon });

  /** Presses the button whose label contains `label`, on the latest replies (as a person would). */
  press(label: string): Promise<RenderedReply[]> {
    const all = this.seen.flatMap((r) => r.buttons.flat());
    const button = all.find((b) => b.label.includes(label));
    if (!button) {
      throw new Error(`no button "${label}" among: ${all.map((b) => b.label).join(' | ') || '(none)'}`);
    }
    return this.send({ type: 'choice', value: button.value });
  }

  /** Everything said in the latest replies, as one text. */
  get text(): string {
    return this.seen.map((r) => r.text).join('\n---\n');
  }

  get keys(): string[] {
    return this.raw.map((r) => r.text.key);
  }

  expectToSee(...fragments: string[]): void {
    for (const f of fragments) expect(this.text).toContain(f);
  }
}

/** A new chat that has chosen its language and sees the menu. */
export async function personAtMenu(world: World, locale: Locale = 'uk', chat?: ChatRef): Promise<Person> {
  const person = new Person(world, chat);
  await person.start();
  await person.press(locale === 'uk' ? 'Українська' : 'Русский');
  return person;
}

/** Files a complete concern (bullying in Бахмут, no phone) and leaves the person at the menu. */
export async function fileBullyingReport(person: Person): Promise<void> {
  await person.press('Повідомити про дитину в біді');
  await person.press('Цькування');
  await person.press('Ні');
  await person.write('Бахмут');
  await person.write('Однокласники щодня знущаються з дівчинки, вчителі мовчать.');
  await person.press('Без телефону');
  await person.press('Надіслати');
}

/** A person in Ukrainian who has filed one report; `code` is its case code. */
export async function reporterWithOneCase(
  directory: Directory,
): Promise<{ world: World; person: Person; code: string }> {
  const world = newWorld(directory);
  const person = await personAtMenu(world);
  await fileBullyingReport(person);
  return { world, person, code: world.requests.requests[0]?.caseCode ?? '' };
}
