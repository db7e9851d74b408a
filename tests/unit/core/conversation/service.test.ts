import { describe, expect, it } from 'vitest';
import { type ConversationState, serializeState } from '../../../../src/core/conversation/state.js';
import { type Logger, silentLogger } from '../../../../src/core/ports/index.js';
import { bundledDirectory } from '../flows/directory.js';
import { MemoryConversationStore, newWorld, Person, personAtMenu, type World } from '../flows/harness.js';

const STORY = 'Батьки третій день п’ють, діти голодні й не ходять до школи.';

async function atSummary(world: World) {
  const person = await personAtMenu(world);
  await person.press('Повідомити про дитину в біді');
  await person.press('Батьки п');
  await person.press('Ні');
  await person.write('Костянтинівка');
  await person.write(STORY);
  await person.press('Без телефону');
  person.expectToSee('Перевірте, будь ласка');
  return person;
}

function recordingLog() {
  const entries: { level: string; fields: object; message: string }[] = [];
  const log: Logger = {
    ...silentLogger,
    warn: (fields, message) => entries.push({ level: 'warn', fields, message }),
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
  };
  return { log, entries };
}

describe('the conversation service', () => {
  it('a double tap on "Send" creates one request; the second tap is told it is on its way', async () => {
    const world = newWorld(bundledDirectory());
    const person = await atSummary(world);
    const send = person.seen[0]?.buttons.flat().find((b) => b.label.includes('Надіслати'));
    const tap = () => person.service.handle(person.chat, { type: 'choice', value: send?.value ?? '' });

    const [first, second] = await Promise.all([tap(), tap()]);

    expect(world.requests.requests).toHaveLength(1);
    const keys = [first, second].map((r) => r.replies.map((x) => x.text.key));
    expect(keys).toContainEqual(['summary.stillSending']);
    expect(keys).toContainEqual(['submitted.concern', 'submitted.secret', 'menu.prompt']);
  });

  it('when storage fails to take the request, nothing is lost and "Send" works again', async () => {
    const { log, entries } = recordingLog();
    const world = newWorld(bundledDirectory(), { log });
    const person = await atSummary(world);
    world.requests.failNext = 1;

    await person.press('Надіслати');
    expect(person.keys).toEqual(['summary.failed', 'concern.summary']);
    person.expectToSee(STORY);
    expect(world.requests.requests).toHaveLength(0);
    expect(entries).toMatchObject([{ level: 'error', fields: { effect: 'submitRequest' } }]);

    await person.press('Надіслати');
    expect(world.requests.requests).toHaveLength(1);
    expect(world.requests.requests[0]?.description).toBe(STORY);
  });

  it('when the conversation store is down, the person still gets an answer with 112, and the log has no message text', async () => {
    const { log, entries } = recordingLog();
    const broken = new MemoryConversationStore();
    broken.load = async () => {
      throw new Error('SQLITE_BUSY: database is locked');
    };
    const person = new Person(newWorld(bundledDirectory(), { store: broken, log }));
    await person.write(STORY);
    expect(person.keys).toEqual(['errors.temporary']);
    person.expectToSee('112');
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries, (_, v) => (v instanceof Error ? v.message : v))).not.toContain('п’ють');
  });

  it('a state from an unknown release is reset gracefully, in the language it had', async () => {
    const world = newWorld(bundledDirectory());
    world.store.rows.set('handle-1', {
      state: JSON.stringify({ v: 7, locale: 'ru', step: { flow: 'wizard', page: 3 } }),
      version: 12,
    });
    const person = new Person(world);
    await person.write('привет');
    expect(person.keys).toEqual(['errors.stateReset', 'menu.typedText', 'menu.prompt']);
    expect(person.locale).toBe('ru');
    // Written over (twice: the text at the menu asks storage whether a specialist holds a case).
    expect(world.store.rows.get('handle-1')?.version).toBe(14);
  });

  it('a report left "sending" by a crash is offered again once the wait is clearly over', async () => {
    const world = newWorld(bundledDirectory());
    const person = await atSummary(world);
    const stored = JSON.parse(world.store.rows.get('handle-1')?.state ?? '{}') as ConversationState;
    const crashed = {
      ...stored,
      step: { ...stored.step, at: 'submitting', since: '2025-11-20T09:50:00.000Z' },
    } as ConversationState;
    world.store.rows.set('handle-1', { state: serializeState(crashed), version: 99 });

    await person.write('алло?');
    expect(person.keys).toEqual(['summary.interrupted', 'concern.summary']);
    await person.press('Надіслати');
    expect(world.requests.requests).toHaveLength(1);
  });

  it('two chats never see each other’s state', async () => {
    const world = newWorld(bundledDirectory());
    await atSummary(world);
    const other = new Person(world, { handleId: 'handle-2', channel: 'VIBER', locale: null });
    await other.start();
    expect(other.keys).toEqual(['language.firstAsk']);
  });
});
