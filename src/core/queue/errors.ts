// Why a lifecycle operation did not happen. Each operation returns only the codes it can produce,
// so an edge that maps them (Record<Code, I18nKey>, an HTTP status) fails to compile when one is missing.
import type { DeadlineKind } from '../casework/deadlines.js';
import type { CaseView, RequestStatus } from '../model.js';
import { canApply, type QueueAction } from './transitions.js';

export const QUEUE_ERROR_CODES = [
  /** No request with this id. */
  'NOT_FOUND',
  /** The request waits in another centre's queue (e.g. it was escalated upward). */
  'WRONG_CENTRE',
  /** Someone (possibly the same specialist, a moment earlier) already holds it. */
  'ALREADY_CLAIMED',
  /** The specialist does not hold the request (never did, lease expired, or a colleague took it). */
  'NOT_CLAIMER',
  /** The case is closed; nothing more can happen to it. */
  'CLOSED',
  /** The specialist holds it, but this action is not allowed from its status (e.g. release after answering). */
  'ILLEGAL_TRANSITION',
  /** Escalation asked for a request whose centre has no parent; it stays where it is. */
  'AT_TOP',
  /** A message with nothing in it. */
  'EMPTY_TEXT',
  /** A close while the case still owes a mandatory notice (children's service, police). */
  'NOTICE_OWED',
] as const;

export type QueueErrorCode = (typeof QUEUE_ERROR_CODES)[number];

export interface QueueError<C extends QueueErrorCode = QueueErrorCode> {
  code: C;
  requestId: string;
  /** The request's status when the operation was refused; null when it does not exist. */
  status: RequestStatus | null;
}

export type ClaimError = QueueError<'NOT_FOUND' | 'CLOSED' | 'ALREADY_CLAIMED' | 'WRONG_CENTRE'>;
/** Release and close: only the claimer may, and only from the statuses the table allows. */
export type ClaimerError = QueueError<'NOT_FOUND' | 'CLOSED' | 'NOT_CLAIMER' | 'ILLEGAL_TRANSITION'>;
export type AnswerError = QueueError<ClaimerError['code'] | 'EMPTY_TEXT'>;
/** A close is refused like a release, and also while a mandatory notice is owed (which ones, and by when). */
export type CloseError =
  | ClaimerError
  | (QueueError<'NOTICE_OWED'> & { owed: { kind: DeadlineKind; dueAt: Date }[] });
export type ReporterMessageError = QueueError<'NOT_FOUND' | 'CLOSED' | 'EMPTY_TEXT'>;
export type EscalateError = QueueError<'NOT_FOUND' | 'CLOSED' | 'ILLEGAL_TRANSITION' | 'AT_TOP'>;

export function queueError<C extends QueueErrorCode>(
  code: C,
  requestId: string,
  current: CaseView | null,
): QueueError<C> {
  return { code, requestId, status: current?.status ?? null };
}

// The explain* functions read a fresh copy of the request and say why the action cannot apply to it,
// or return null when it could (the caller then lets the guarded update decide).

export function explainClaim(
  requestId: string,
  current: CaseView | null,
  specialist: { centreId: string },
): ClaimError | null {
  if (!current) return queueError('NOT_FOUND', requestId, null);
  if (current.status === 'CLOSED') return queueError('CLOSED', requestId, current);
  if (!canApply('claim', current.status)) return queueError('ALREADY_CLAIMED', requestId, current);
  if (current.centreId !== specialist.centreId) return queueError('WRONG_CENTRE', requestId, current);
  return null;
}

export function explainClaimerAction(
  action: Extract<QueueAction, 'release' | 'answer' | 'close'>,
  requestId: string,
  current: CaseView | null,
  specialist: { id: string },
): ClaimerError | null {
  if (!current) return queueError('NOT_FOUND', requestId, null);
  if (current.status === 'CLOSED') return queueError('CLOSED', requestId, current);
  if (current.claimedById !== specialist.id) return queueError('NOT_CLAIMER', requestId, current);
  if (!canApply(action, current.status)) return queueError('ILLEGAL_TRANSITION', requestId, current);
  return null;
}

export function explainEscalate(requestId: string, current: CaseView | null): EscalateError | null {
  if (!current) return queueError('NOT_FOUND', requestId, null);
  if (current.status === 'CLOSED') return queueError('CLOSED', requestId, current);
  if (!canApply('escalate', current.status)) return queueError('ILLEGAL_TRANSITION', requestId, current);
  return null;
}
