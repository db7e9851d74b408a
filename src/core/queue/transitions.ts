// The one table of legal moves in a request's life. Every lifecycle operation takes its guard
// (which statuses it may start from) and its target status from here, so the rules live in one place.
import type { RequestStatus } from '../model.js';

export const REQUEST_STATUSES = [
  'NEW',
  'CLAIMED',
  'ANSWERED',
  'ESCALATED',
  'CLOSED',
] as const satisfies readonly RequestStatus[];

/** Statuses of a request waiting in a centre's queue for someone to claim it. */
export const WAITING = ['NEW', 'ESCALATED'] as const satisfies readonly RequestStatus[];

export type QueueAction = 'claim' | 'release' | 'expire' | 'handOver' | 'answer' | 'close' | 'escalate';

interface Move {
  readonly from: readonly RequestStatus[];
  readonly to: readonly RequestStatus[];
}

/**
 * Which statuses each action starts from and where it may lead. A new request starts as NEW
 * (enqueue is creation, not a move). CLOSED is terminal.
 */
export const TRANSITIONS = {
  /** A specialist of the request's current centre takes it; their lease starts. */
  claim: { from: WAITING, to: ['CLAIMED'] },
  /** The claimer gives it back: NEW, or ESCALATED if it had been escalated (it keeps its place higher up). */
  release: { from: ['CLAIMED'], to: ['NEW', 'ESCALATED'] },
  /** The lease ran out without an answer: back to the queue like a release. */
  expire: { from: ['CLAIMED'], to: ['NEW', 'ESCALATED'] },
  /**
   * The claimer no longer works for the centre (switched off by an admin): their open cases, answered
   * ones too, go back to the queue so that a colleague continues them. The thread stays with the case.
   */
  handOver: { from: ['CLAIMED', 'ANSWERED'], to: ['NEW', 'ESCALATED'] },
  /** The claimer writes to the person; from then on the case is theirs (no lease) until closed. */
  answer: { from: ['CLAIMED', 'ANSWERED'], to: ['ANSWERED'] },
  /** The claimer records an outcome. */
  close: { from: ['CLAIMED', 'ANSWERED'], to: ['CLOSED'] },
  /** Nobody took it in time: it moves to the parent centre's queue. Claimed cases are never moved. */
  escalate: { from: WAITING, to: ['ESCALATED'] },
} as const satisfies Record<QueueAction, Move>;

export const QUEUE_ACTIONS = Object.keys(TRANSITIONS) as QueueAction[];

/** The actions that return a request to its queue (NEW, or ESCALATED if it ever was). */
export type BackToQueue = 'release' | 'expire' | 'handOver';

/** May `action` be applied to a request in `status`? */
export function canApply(action: QueueAction, status: RequestStatus): boolean {
  return (TRANSITIONS[action].from as readonly RequestStatus[]).includes(status);
}

/** Is there any action that moves a request from `from` to `to`? */
export function isLegalMove(from: RequestStatus, to: RequestStatus): boolean {
  return QUEUE_ACTIONS.some(
    (action) => canApply(action, from) && (TRANSITIONS[action].to as readonly RequestStatus[]).includes(to),
  );
}

/**
 * Where `action` takes a request. Only a return to the queue has two possible targets: a request
 * that was ever escalated goes back as ESCALATED, so staff of the higher centre still see why it is there.
 */
export function targetStatus(action: BackToQueue, request: { escalationLevel: number }): RequestStatus;
export function targetStatus(action: Exclude<QueueAction, BackToQueue>): RequestStatus;
export function targetStatus(action: QueueAction, request?: { escalationLevel: number }): RequestStatus {
  if (action === 'release' || action === 'expire' || action === 'handOver') {
    return (request?.escalationLevel ?? 0) > 0 ? 'ESCALATED' : 'NEW';
  }
  return TRANSITIONS[action].to[0];
}
