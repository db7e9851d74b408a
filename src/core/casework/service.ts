// The case record's services: read the card, change the record, add notes and notices, record the
// needs assessment. Each is a function of (context with the transaction, actor, input) returning a
// typed result, so the bot and the web console call the same code. Every change is an AuditEvent
// naming ids and kinds, never the words written.
import type { CaseView, Directory } from '../model.js';
import type { Repositories } from '../ports.js';
import { err, ok, type Result } from '../result.js';
import { type CaseworkError, caseworkError, changeable, readable } from './access.js';
import { isCaseCategory } from './categories.js';
import { type CaseworkPolicy, type Deadline, deadlinesOf } from './deadlines.js';
import {
  type CaseFields,
  type CaseNote,
  type CaseNotice,
  CHILD_AGES,
  CHILD_SEXES,
  NOTICE_WAYS,
  type NoticeWay,
  RECIPIENTS,
  type Recipient,
  RISK_LEVELS,
  type StaffActor,
} from './model.js';
import type { CaseworkRepository, RecordChange, ReferralContact } from './ports.js';

export interface CaseworkContext {
  tx: Repositories;
  now: Date;
  policy: CaseworkPolicy;
  directory: () => Directory;
}

export const CASEWORK_AUDIT = {
  recordUpdated: 'case.record_updated',
  noteAdded: 'case.note_added',
  noticeRecorded: 'case.notice_recorded',
  noticeAcknowledged: 'case.notice_acknowledged',
  assessed: 'case.assessed',
  transferred: 'case.transferred',
  registered: 'case.registered',
  deadlineOverdue: 'case.deadline_overdue',
} as const;

const actorOf = (a: StaffActor) => ({ type: 'SPECIALIST' as const, id: a.id });
const NOTE_MAX = 4000;
const REFERENCE_MAX = 100;
const ADDRESS_MAX = 300;

export interface CaseCard {
  request: CaseView;
  fields: CaseFields;
  /** Decrypted for the owning centre's staff only (the card is never built for anyone else). */
  address: string | null;
  notes: CaseNote[];
  notices: CaseNotice[];
  deadlines: Deadline[];
}

export async function caseCard(
  ctx: CaseworkContext,
  actor: StaffActor,
  requestId: string,
): Promise<Result<CaseCard, CaseworkError>> {
  const found = await readable(ctx.tx, actor, requestId);
  if (!found.ok) return found;
  const card = await recordOf(ctx, found.value, { withAddress: true });
  return card ? ok(card) : err(caseworkError('NOT_FOUND', requestId));
}

/**
 * The record of a case the caller has already let this reader see. The exact address is decrypted
 * only when `withAddress` (the reader is of the owning centre): an oblast supervisor reading a
 * district's case sees everything but the address.
 */
export async function recordOf(
  ctx: Pick<CaseworkContext, 'tx' | 'policy'>,
  request: CaseView,
  { withAddress }: { withAddress: boolean },
): Promise<CaseCard | null> {
  const fields = await ctx.tx.casework.fields(request.id);
  if (!fields) return null;
  const notices = await ctx.tx.casework.notices(request.id);
  return {
    request,
    fields,
    address: withAddress && fields.hasAddress ? await ctx.tx.casework.addressOf(request.id) : null,
    notes: await ctx.tx.casework.notes(request.id),
    notices,
    deadlines: deadlinesOf({ request, fields, notices }, ctx.policy),
  };
}

/** The deadlines of each of these cases, by request id (for the ⏰ of queues and case lists). */
export async function deadlinesOfCases(
  repository: CaseworkRepository,
  policy: CaseworkPolicy,
  requestIds: string[],
): Promise<Map<string, Deadline[]>> {
  const facts = requestIds.length > 0 ? await repository.factsOf(requestIds) : [];
  return new Map(facts.map((f) => [f.request.id, deadlinesOf(f, policy)]));
}

/** The referral directory's bodies of the case's oblast: whom to tell, with their contacts. */
export function referralContactsFor(
  ctx: Pick<CaseworkContext, 'tx' | 'directory'>,
  request: CaseView,
  recipient?: Recipient,
): Promise<ReferralContact[]> {
  const oblastId = ctx.directory().centres.find((x) => x.id === request.centreId)?.oblastId ?? '';
  return ctx.tx.casework.referralContacts(oblastId, recipient);
}

const oneOf = (values: readonly string[], v: string | undefined) => v === undefined || values.includes(v);

function validChange(change: RecordChange): boolean {
  if (change.caseCategory !== undefined && !isCaseCategory(change.caseCategory)) return false;
  if (typeof change.address === 'string') {
    const address = change.address.trim();
    if (address === '' || address.length > ADDRESS_MAX) return false;
  }
  return (
    oneOf(RISK_LEVELS, change.riskLevel) &&
    oneOf(CHILD_AGES, change.childAge) &&
    oneOf(CHILD_SEXES, change.childSex)
  );
}

export async function updateRecord(
  ctx: CaseworkContext,
  actor: StaffActor,
  requestId: string,
  change: RecordChange,
): Promise<Result<CaseView, CaseworkError>> {
  const found = await changeable(ctx.tx, actor, requestId);
  if (!found.ok) return found;
  if (!validChange(change)) return err(caseworkError('INVALID', requestId, found.value));
  const trimmed = typeof change.address === 'string' ? { ...change, address: change.address.trim() } : change;
  await ctx.tx.casework.updateFields(requestId, trimmed);
  await ctx.tx.audit.record({
    requestId,
    actor: actorOf(actor),
    action: CASEWORK_AUDIT.recordUpdated,
    // Which fields changed, and the coded values; never the address itself.
    detail: {
      ...change,
      ...(change.address !== undefined && { address: change.address ? 'set' : 'cleared' }),
    },
  });
  return ok(found.value);
}

export async function addNote(
  ctx: CaseworkContext,
  actor: StaffActor,
  requestId: string,
  text: string,
): Promise<Result<CaseNote, CaseworkError>> {
  const found = await changeable(ctx.tx, actor, requestId);
  if (!found.ok) return found;
  const body = text.trim();
  if (body === '' || body.length > NOTE_MAX) return err(caseworkError('INVALID', requestId, found.value));
  const note = await ctx.tx.casework.addNote(requestId, actor.id, body, ctx.now);
  await ctx.tx.audit.record({
    requestId,
    actor: actorOf(actor),
    action: CASEWORK_AUDIT.noteAdded,
    detail: { noteId: note.id },
  });
  return ok(note);
}

export interface NoticeInput {
  recipient: Recipient;
  way: NoticeWay;
  reference: string | null;
  recipientName?: string | null;
  /** When it was sent; now when not given (a notice made by phone an hour ago is recorded as such). */
  sentAt?: Date;
}

export async function recordNotice(
  ctx: CaseworkContext,
  actor: StaffActor,
  requestId: string,
  input: NoticeInput,
): Promise<Result<{ request: CaseView; notice: CaseNotice }, CaseworkError>> {
  const found = await changeable(ctx.tx, actor, requestId);
  if (!found.ok) return found;
  const request = found.value;
  const sentAt = input.sentAt ?? ctx.now;
  const reference = input.reference?.trim() || null;
  const fits =
    RECIPIENTS.includes(input.recipient) &&
    NOTICE_WAYS.includes(input.way) &&
    (reference?.length ?? 0) <= REFERENCE_MAX &&
    sentAt <= ctx.now &&
    sentAt >= request.createdAt;
  if (!fits) return err(caseworkError('INVALID', requestId, request));
  const notice = await ctx.tx.casework.addNotice({
    requestId,
    recipient: input.recipient,
    recipientName: input.recipientName ?? null,
    way: input.way,
    sentAt,
    specialistId: actor.id,
    reference,
  });
  await ctx.tx.audit.record({
    requestId,
    actor: actorOf(actor),
    action: CASEWORK_AUDIT.noticeRecorded,
    detail: { noticeId: notice.id, recipient: notice.recipient, way: notice.way },
  });
  return ok({ request, notice });
}

export async function acknowledgeNotice(
  ctx: CaseworkContext,
  actor: StaffActor,
  requestId: string,
  noticeId: string,
): Promise<Result<CaseNotice, CaseworkError>> {
  const found = await changeable(ctx.tx, actor, requestId);
  if (!found.ok) return found;
  const notice = await ctx.tx.casework.acknowledge(requestId, noticeId, ctx.now);
  if (!notice) return err(caseworkError('NOT_FOUND', requestId, found.value));
  await ctx.tx.audit.record({
    requestId,
    actor: actorOf(actor),
    action: CASEWORK_AUDIT.noticeAcknowledged,
    detail: { noticeId },
  });
  return ok(notice);
}

/** The needs assessment (оцінка потреб) is done: the 5-working-day deadline is met now. */
export async function recordAssessment(
  ctx: CaseworkContext,
  actor: StaffActor,
  requestId: string,
): Promise<Result<CaseView, CaseworkError>> {
  const found = await changeable(ctx.tx, actor, requestId);
  if (!found.ok) return found;
  await ctx.tx.casework.updateFields(requestId, { assessedAt: ctx.now });
  await ctx.tx.audit.record({ requestId, actor: actorOf(actor), action: CASEWORK_AUDIT.assessed });
  return ok(found.value);
}
