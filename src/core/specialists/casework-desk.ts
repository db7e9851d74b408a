// The specialist's casework commands in the bot: /record (the case card), /note, /notify (guided:
// recipient → way → reference), /address, /assessed, /transfer (guided: centre → reason), and the
// ⏰ marks of /queue and /cases. Thin: every change is a core casework service, the same ones the
// web console calls; this file only chooses the words and keeps the guided step.
import type { CaseworkError, CaseworkErrorCode } from '../casework/access.js';
import type { CaseworkPolicy } from '../casework/deadlines.js';
import {
  NOTICE_WAYS,
  RECIPIENTS,
  type StaffActor,
  TRANSFER_REASONS,
  type TransferReason,
} from '../casework/model.js';
import type { RecordChange } from '../casework/ports.js';
import {
  acknowledgeNotice,
  addNote,
  type CaseworkContext,
  caseCard,
  deadlinesOfCases,
  recordAssessment,
  recordNotice,
  referralContactsFor,
  updateRecord,
} from '../casework/service.js';
import { transferTargets } from '../casework/transfer.js';
import type { Reply, Text } from '../conversation/types.js';
import type { CaseView, Directory, Specialist } from '../model.js';
import type { Result } from '../result.js';
import { type ActiveCase, saveActive, savePending } from './active-case.js';
import { transferAndTell } from './case-actions.js';
import {
  centreChoice,
  cw,
  cwSay,
  fieldChoice,
  overdueMark,
  RECORD_FIELD_NAMES,
  RECORD_FIELDS,
  reasonChoice,
  recipientChoice,
  recordCard,
  referenceQuestion,
  wayChoice,
} from './casework-replies.js';
import type { DeskContext } from './desk.js';

export interface CaseworkDeskDeps {
  directory: () => Directory;
  now: () => Date;
  policy: CaseworkPolicy;
}

export const CASEWORK_COMMANDS = ['record', 'note', 'notify', 'address', 'assessed', 'transfer'] as const;

const REFUSAL: Record<CaseworkErrorCode, string> = {
  NOT_FOUND: 'error.notFound',
  NOT_HOLDER: 'error.notHolder',
  CLOSED: 'error.closed',
  INVALID: 'error.invalid',
};
const refused = (e: CaseworkError): Reply[] => [cwSay(REFUSAL[e.code], { code: e.caseCode ?? '' })];

const actorOf = (s: Specialist): StaffActor => ({ id: s.id, centreId: s.centreId, role: s.role });

export function createCaseworkDesk(deps: CaseworkDeskDeps) {
  const tz = deps.policy.calendar.timeZone;
  const context = (ctx: DeskContext): CaseworkContext => ({
    tx: ctx.tx,
    now: deps.now(),
    policy: deps.policy,
    directory: deps.directory,
  });
  const done = async <T>(result: Result<T, CaseworkError>, then: (v: T) => Reply[] | Promise<Reply[]>) =>
    result.ok ? then(result.value) : refused(result.error);

  async function card(ctx: DeskContext, s: Specialist, requestId: string): Promise<Reply[]> {
    return done(await caseCard(context(ctx), actorOf(s), requestId), (c) => [recordCard(c, deps.now(), tz)]);
  }

  async function transferChoice(ctx: DeskContext, s: Specialist, c: CaseView): Promise<Reply[]> {
    const others = transferTargets(deps.directory(), c);
    if (!(await mayChange(ctx, s, c.id)))
      return refused({ code: 'NOT_HOLDER', requestId: c.id, caseCode: c.caseCode });
    return [centreChoice(c, others, ctx.locale)];
  }

  const mayChange = async (ctx: DeskContext, s: Specialist, id: string) =>
    (await caseCard(context(ctx), actorOf(s), id)).ok;

  async function command(
    ctx: DeskContext,
    s: Specialist,
    current: CaseView | null,
    name: string,
    args: string,
  ) {
    if (!current) return [cwSay('noActive')];
    const cw_ = context(ctx);
    switch (name) {
      case 'record':
        return card(ctx, s, current.id);
      case 'note':
        if (!args.trim()) return [cwSay('note.usage')];
        return done(await addNote(cw_, actorOf(s), current.id, args), () => [
          cwSay('note.saved', { code: current.caseCode }),
        ]);
      case 'notify':
        return [recipientChoice(current)];
      case 'address': {
        if (!args.trim()) return [cwSay('address.usage')];
        const address = args.trim() === '-' ? null : args;
        return done(await updateRecord(cw_, actorOf(s), current.id, { address }), () => [
          cwSay(address ? 'address.saved' : 'address.cleared', { code: current.caseCode }),
        ]);
      }
      case 'assessed':
        return done(await recordAssessment(cw_, actorOf(s), current.id), () => [
          cwSay('assessed', { code: current.caseCode }),
        ]);
      default:
        return transferChoice(ctx, s, current);
    }
  }

  async function noticeWithReference(
    ctx: DeskContext,
    s: Specialist,
    active: ActiveCase,
    reference: string | null,
  ) {
    const pending = active.pending;
    if (pending?.type !== 'notice') return [cwSay('nothingPending')];
    await savePending(ctx.tx, ctx.chat.handleId, null);
    const result = await recordNotice(context(ctx), actorOf(s), pending.requestId, {
      recipient: pending.recipient,
      way: pending.way,
      reference,
    });
    return done(result, ({ request, notice }) => [
      {
        text: cw('notify.saved', { code: request.caseCode, recipient: cw(`recipient.${notice.recipient}`) }),
        buttons: [[{ label: cw('notify.acknowledgeButton'), value: `ack:${request.id}:${notice.id}` }]],
      },
    ]);
  }

  async function referenceStep(ctx: DeskContext, s: Specialist, c: CaseView, ri: number, wi: number) {
    const recipient = RECIPIENTS[ri];
    const way = NOTICE_WAYS[wi];
    if (!recipient || !way) return [cwSay('error.invalid', { code: c.caseCode })];
    if (!(await mayChange(ctx, s, c.id)))
      return refused({ code: 'NOT_HOLDER', requestId: c.id, caseCode: c.caseCode });
    await savePending(ctx.tx, ctx.chat.handleId, { type: 'notice', requestId: c.id, recipient, way });
    const contacts = await referralContactsFor(context(ctx), c, recipient);
    const lines: Text[] = contacts.slice(0, 5).map((x) =>
      cw('notify.contact', {
        name: ctx.locale === 'ru' ? x.nameRu : x.nameUk,
        phone: x.phone ?? '',
        email: x.email ?? '',
      }),
    );
    return [referenceQuestion(lines)];
  }

  async function transfer(ctx: DeskContext, s: Specialist, active: ActiveCase, reason: TransferReason) {
    const pending = active.pending;
    if (pending?.type !== 'transfer') return [cwSay('nothingPending')];
    await savePending(ctx.tx, ctx.chat.handleId, null);
    const moved = await transferAndTell(context(ctx), actorOf(s), pending.requestId, {
      toCentreId: pending.toCentreId,
      reason,
    });
    return done(moved, async ({ request }) => {
      if (active.requestId === request.id) await saveActive(ctx.tx, ctx.chat.handleId, null);
      const centre = deps.directory().centres.find((x) => x.id === request.centreId);
      const name = centre ? (ctx.locale === 'ru' ? centre.nameRu : centre.nameUk) : request.centreId;
      return [cwSay('transfer.done', { code: request.caseCode, centre: name })];
    });
  }

  /** A button of the casework screens; null when the value is not one of ours. */
  async function choice(
    ctx: DeskContext,
    s: Specialist,
    active: ActiveCase,
    value: string,
  ): Promise<Reply[] | null> {
    const [kind = '', id = '', a = '', b = ''] = value.split(':');
    if (kind === 'nref') return noticeWithReference(ctx, s, active, null);
    if (kind === 'ncancel') {
      await savePending(ctx.tx, ctx.chat.handleId, null);
      return [cwSay('cancelled')];
    }
    if (kind === 'tr') {
      const reason = TRANSFER_REASONS.find((r) => r === id);
      return reason ? transfer(ctx, s, active, reason) : null;
    }
    if (!['rf', 'rv', 'nn', 'nr', 'nw', 'ack', 'as', 'tc'].includes(kind)) return null;
    const c = await ctx.tx.requests.findById(id);
    if (!c || c.centreId !== s.centreId) return [cwSay('error.notFound', { code: '' })];
    const cx = context(ctx);
    switch (kind) {
      case 'rf':
        return [fieldChoice(c, Number(a)) ?? cwSay('error.invalid', { code: c.caseCode })];
      case 'rv': {
        const field = RECORD_FIELD_NAMES[Number(a)];
        const picked = field ? RECORD_FIELDS[field][Number(b)] : undefined;
        if (!field || picked === undefined) return [cwSay('error.invalid', { code: c.caseCode })];
        const change = { [field]: picked } as RecordChange;
        return done(await updateRecord(cx, actorOf(s), c.id, change), () => card(ctx, s, c.id));
      }
      case 'nn':
        return [recipientChoice(c)];
      case 'nr':
        return [wayChoice(c, Number(a))];
      case 'nw':
        return referenceStep(ctx, s, c, Number(a), Number(b));
      case 'ack':
        return done(await acknowledgeNotice(cx, actorOf(s), c.id, a), () => [
          cwSay('notify.acknowledged', { code: c.caseCode }),
        ]);
      case 'as':
        return done(await recordAssessment(cx, actorOf(s), c.id), () => [
          cwSay('assessed', { code: c.caseCode }),
        ]);
      default: {
        if (!deps.directory().centres.some((x) => x.id === a))
          return [cwSay('error.invalid', { code: c.caseCode })];
        if (!(await mayChange(ctx, s, c.id)))
          return refused({ code: 'NOT_HOLDER', requestId: c.id, caseCode: c.caseCode });
        await savePending(ctx.tx, ctx.chat.handleId, { type: 'transfer', requestId: c.id, toCentreId: a });
        return [reasonChoice()];
      }
    }
  }

  /** ⏰ for each of these cases with an overdue deadline. */
  async function overdueMarks(ctx: DeskContext, cases: CaseView[]): Promise<Map<string, Text>> {
    const marks = new Map<string, Text>();
    const now = deps.now();
    const deadlines = await deadlinesOfCases(
      ctx.tx.casework,
      deps.policy,
      cases.map((c) => c.id),
    );
    for (const [id, list] of deadlines) {
      const mark = overdueMark(list, now);
      if (mark) marks.set(id, mark);
    }
    return marks;
  }

  return {
    isCommand: (name: string) => (CASEWORK_COMMANDS as readonly string[]).includes(name),
    command,
    choice,
    /** Plain text while /notify waits for a reference number: it is the number, not a message to the person. */
    pendingText: (ctx: DeskContext, s: Specialist, active: ActiveCase, text: string) =>
      active.pending?.type === 'notice' ? noticeWithReference(ctx, s, active, text) : null,
    overdueMarks,
  };
}

export type CaseworkDesk = ReturnType<typeof createCaseworkDesk>;
