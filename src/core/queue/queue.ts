// The Queue service: the request lifecycle as the rest of Poruch sees it (flows, specialist pages,
// jobs). Every state change is one guarded update plus its audit event in one transaction; expected
// refusals come back as typed errors (./errors.ts), never as exceptions.
//
// Each move comes in two forms, and the call site shows which: `queue.claim(...)` is the outermost
// caller and opens its own transaction; `queue.in(tx).claim(...)` runs in the transaction the caller
// opened (the Inbox's update, a console action), which then commits it with the caller's own writes.
import type { CaseMessage, CaseOutcome, CaseView, NewRequest } from '../model.js';
import type { Repositories } from '../ports/index.js';
import type { Result } from '../result.js';
import { callersTransaction, ownTransactions, type Unit } from './decide.js';
import type { QueueDeps, SpecialistRef } from './deps.js';
import type {
  AnswerError,
  ClaimError,
  ClaimerError,
  CloseError,
  EscalateError,
  ReporterMessageError,
} from './errors.js';
import {
  type EscalationReport,
  escalate,
  escalateOverdue,
  type OnEscalated,
  type OverdueThresholds,
} from './escalation.js';
import { addReporterMessage, type Enqueued, enqueue } from './intake.js';
import { answer, claim, close, expireLeases, handBack, type OnLeaseLapsed, release } from './lifecycle.js';

/** The moves on one request, in a transaction (see the top of this file for whose). */
export interface QueueMoves {
  /** Stores a new request (status NEW) with a fresh case code and continuation secret. */
  enqueue(request: NewRequest): Promise<Enqueued>;
  /** The centre's waiting requests: urgent first, then oldest first. */
  list(centreId: string, limit?: number): Promise<CaseView[]>;
  /** Takes a waiting request of the specialist's own centre; the lease runs `leaseMinutes`. */
  claim(requestId: string, specialist: SpecialistRef): Promise<Result<CaseView, ClaimError>>;
  /** Gives an unanswered claim back to the queue. */
  release(requestId: string, specialist: SpecialistRef): Promise<Result<CaseView, ClaimerError>>;
  /** Records the claimer's message to the person; the case becomes ANSWERED and loses its lease. */
  answer(
    requestId: string,
    specialist: SpecialistRef,
    text: string,
  ): Promise<Result<{ request: CaseView; message: CaseMessage }, AnswerError>>;
  /** A further message from the person on any request that is not closed. */
  addReporterMessage(requestId: string, text: string): Promise<Result<CaseMessage, ReporterMessageError>>;
  close(
    requestId: string,
    specialist: SpecialistRef,
    outcome: CaseOutcome,
  ): Promise<Result<CaseView, CloseError>>;
}

export interface Queue extends QueueMoves {
  /** The same moves inside the caller's open transaction `tx`: they neither open nor commit one. */
  in(tx: Repositories): QueueMoves;
  /**
   * Returns stale claims to their queue; the requests returned are the ones moved. `onLapsed` runs
   * in each move's own transaction (to announce it through the outbox).
   */
  expireLeases(onLapsed?: OnLeaseLapsed): Promise<CaseView[]>;
  /** A specialist left: their open cases go back to the queue (`onReturned` as for expireLeases). */
  handBack(specialistId: string, onReturned?: OnLeaseLapsed): Promise<CaseView[]>;
  /**
   * Moves a waiting request to the parent centre now (AT_TOP when there is none); `onEscalated` runs
   * in the move's transaction (to announce it through the outbox).
   */
  escalate(requestId: string, onEscalated?: OnEscalated): Promise<Result<CaseView, EscalateError>>;
  /**
   * For the escalation job: moves up every waiting request that waited too long at its level, each
   * move with its `onEscalated` in its own transaction.
   */
  escalateOverdue(thresholds: OverdueThresholds, onEscalated?: OnEscalated): Promise<EscalationReport>;
}

export function createQueue(deps: QueueDeps): Queue {
  if (!(deps.leaseMinutes > 0)) throw new Error('leaseMinutes must be positive');
  const moves = (unit: Unit): QueueMoves => ({
    enqueue: (request) => enqueue(deps, unit, request),
    list: (centreId, limit) => unit.reads.requests.listQueue(centreId, limit),
    claim: (requestId, specialist) => claim(deps, unit, requestId, specialist),
    release: (requestId, specialist) => release(unit, requestId, specialist),
    answer: (requestId, specialist, text) => answer(unit, requestId, specialist, text),
    addReporterMessage: (requestId, text) => addReporterMessage(unit, requestId, text),
    close: (requestId, specialist, outcome) => close(deps, unit, requestId, specialist, outcome),
  });
  return {
    ...moves(ownTransactions(deps.store)),
    in: (tx) => moves(callersTransaction(tx)),
    expireLeases: (onLapsed) => expireLeases(deps, onLapsed),
    handBack: (specialistId, onReturned) => handBack(deps, specialistId, onReturned),
    escalate: (requestId, onEscalated) => escalate(deps, requestId, onEscalated),
    escalateOverdue: (thresholds, onEscalated) => escalateOverdue(deps, thresholds, onEscalated),
  };
}
