// Claim, release, answer, close, and lease expiry: the moves a specialist (or the lease clock) makes.
import { DEFAULT_CASEWORK_POLICY, deadlinesOf, owedToClose } from '../casework/deadlines.js';
import type { CaseMessage, CaseOutcome, CaseView } from '../model.js';
import type { Repositories, RequestGuard } from '../ports/index.js';
import { err, ok, type Result } from '../result.js';
import { AUDIT_ACTIONS, type AuditAction, SYSTEM, specialistActor } from './audit.js';
import { decide, ownTransactions, type Unit } from './decide.js';
import { minutesAfter, type QueueDeps, type SpecialistRef } from './deps.js';
import {
  type AnswerError,
  type ClaimError,
  type ClaimerError,
  type CloseError,
  explainClaim,
  explainClaimerAction,
  queueError,
} from './errors.js';
import { type BackToQueue, canApply, TRANSITIONS, targetStatus } from './transitions.js';

export function claim(deps: QueueDeps, unit: Unit, requestId: string, specialist: SpecialistRef) {
  const now = deps.clock.now();
  return decide<CaseView, ClaimError>(
    unit,
    requestId,
    (current) => {
      const why = explainClaim(requestId, current, specialist);
      if (why) return err(why);
      return ok({
        guard: { statuses: TRANSITIONS.claim.from, claimedById: null, centreId: specialist.centreId },
        change: {
          status: targetStatus('claim'),
          claimedById: specialist.id,
          claimedAt: now,
          leaseExpiresAt: minutesAfter(now, deps.leaseMinutes),
        },
      });
    },
    async (tx, updated, before) => {
      await tx.audit.record({
        requestId,
        actor: specialistActor(specialist.id),
        action: AUDIT_ACTIONS.claimed,
        detail: { from: before.status, to: updated.status, leaseExpiresAt: updated.leaseExpiresAt },
      });
      return updated;
    },
  );
}

/** Back to the waiting queue of the centre it is in, with no claimer and no lease. */
const backToQueue = (current: CaseView, action: BackToQueue) => ({
  status: targetStatus(action, current),
  claimedById: null,
  claimedAt: null,
  leaseExpiresAt: null,
});

export function release(unit: Unit, requestId: string, specialist: SpecialistRef) {
  return decide<CaseView, ClaimerError>(
    unit,
    requestId,
    (current) => {
      const why = explainClaimerAction('release', requestId, current, specialist);
      if (why || !current) return err(why ?? queueError('NOT_FOUND', requestId, null));
      return ok({
        // Escalation always moves a request to another centre, so pinning the centre pins the
        // escalation level that the target status (NEW or ESCALATED) was computed from.
        guard: { statuses: TRANSITIONS.release.from, claimedById: specialist.id, centreId: current.centreId },
        change: backToQueue(current, 'release'),
      });
    },
    async (tx, updated, before) => {
      await tx.audit.record({
        requestId,
        actor: specialistActor(specialist.id),
        action: AUDIT_ACTIONS.released,
        detail: { from: before.status, to: updated.status },
      });
      return updated;
    },
  );
}

export async function answer(
  unit: Unit,
  requestId: string,
  specialist: SpecialistRef,
  text: string,
): Promise<Result<{ request: CaseView; message: CaseMessage }, AnswerError>> {
  if (text.trim() === '') {
    const current = await unit.reads.requests.findById(requestId);
    return err(queueError(current ? 'EMPTY_TEXT' : 'NOT_FOUND', requestId, current));
  }
  return decide<{ request: CaseView; message: CaseMessage }, AnswerError>(
    unit,
    requestId,
    (current) => {
      const why = explainClaimerAction('answer', requestId, current, specialist);
      if (why) return err(why);
      return ok({
        guard: { statuses: TRANSITIONS.answer.from, claimedById: specialist.id },
        // Once the person has heard from a specialist the case is theirs: no lease to run out.
        change: { status: targetStatus('answer'), leaseExpiresAt: null },
      });
    },
    async (tx, updated, before) => {
      const message = await tx.messages.add(requestId, 'SPECIALIST', text, specialist.id);
      await tx.audit.record({
        requestId,
        actor: specialistActor(specialist.id),
        action: AUDIT_ACTIONS.answered,
        detail: { from: before.status, to: updated.status, messageId: message.id },
      });
      return { request: updated, message };
    },
  );
}

/**
 * The claimer records an outcome. Refused while the case owes a mandatory notice (the children's
 * service, the police): the procedure requires it, and a closed case is no longer watched. A case
 * closed as a duplicate owes nothing of its own: the notices belong to the case it repeats.
 */
export function close(
  deps: QueueDeps,
  unit: Unit,
  requestId: string,
  specialist: SpecialistRef,
  outcome: CaseOutcome,
) {
  const now = deps.clock.now();
  return decide<CaseView, CloseError>(
    unit,
    requestId,
    async (current, tx) => {
      const why = explainClaimerAction('close', requestId, current, specialist);
      if (why || !current) return err(why ?? queueError('NOT_FOUND', requestId, null));
      const owed = outcome === 'DUPLICATE' ? [] : await owedNotices(tx, current, deps);
      if (owed.length > 0) return err({ ...queueError('NOTICE_OWED', requestId, current), owed });
      return ok({
        guard: { statuses: TRANSITIONS.close.from, claimedById: specialist.id },
        change: { status: targetStatus('close'), outcome, closedAt: now, leaseExpiresAt: null },
      });
    },
    async (tx, updated, before) => {
      await tx.audit.record({
        requestId,
        actor: specialistActor(specialist.id),
        action: AUDIT_ACTIONS.closed,
        detail: { from: before.status, to: updated.status, outcome },
      });
      return updated;
    },
  );
}

async function owedNotices(tx: Repositories, current: CaseView, deps: QueueDeps) {
  const [facts] = await tx.casework.factsOf([current.id]);
  if (!facts) return [];
  return owedToClose(deadlinesOf(facts, deps.casework ?? DEFAULT_CASEWORK_POLICY)).map((d) => ({
    kind: d.kind,
    dueAt: d.dueAt,
  }));
}

/**
 * What to do, in the same transaction, once a lapsed claim is back in its queue (e.g. announce it
 * again through the outbox): the announcement commits exactly when the move does.
 */
export type OnLeaseLapsed = (
  tx: Repositories,
  returned: CaseView,
  formerClaimerId: string | null,
) => Promise<void>;

/**
 * Returns every claim whose lease ran out to its queue. A request that the claimer answered or
 * released in the meantime fails the guard and is simply skipped: it is no longer stale.
 */
export async function expireLeases(deps: QueueDeps, onLapsed?: OnLeaseLapsed): Promise<CaseView[]> {
  const now = deps.clock.now();
  return returnEach(deps, await deps.store.requests.listExpiredLeases(now), onLapsed, {
    action: 'expire',
    audit: AUDIT_ACTIONS.leaseExpired,
    stillApplies: (current) => current.leaseExpiresAt !== null && current.leaseExpiresAt < now,
    guard: { leaseExpiredBefore: now },
  });
}

/**
 * A specialist left the centre: each open case they hold (claimed or answered) goes back to its
 * queue, one guarded move per case, and `onReturned` announces it in that move's transaction. A case
 * closed or moved in the meantime fails the guard and is skipped.
 */
export async function handBack(
  deps: QueueDeps,
  specialistId: string,
  onReturned?: OnLeaseLapsed,
): Promise<CaseView[]> {
  return returnEach(deps, await deps.store.specialists.casesOf(specialistId), onReturned, {
    action: 'handOver',
    audit: AUDIT_ACTIONS.handedBack,
    stillApplies: () => true,
  });
}

interface ReturnMove {
  action: Exclude<BackToQueue, 'release'>;
  audit: AuditAction;
  /** Whether the request, as it is now, still qualifies; otherwise it is skipped. */
  stillApplies(current: CaseView): boolean;
  /** Conditions the guarded update adds to status, claimer and centre. */
  guard?: Partial<RequestGuard>;
}

/**
 * The system's returns to the queue: one guarded move per candidate, each in its own transaction
 * with its audit event and `onReturned`. A candidate whose claimer or status changed meanwhile is
 * skipped.
 */
async function returnEach(
  deps: QueueDeps,
  candidates: CaseView[],
  onReturned: OnLeaseLapsed | undefined,
  move: ReturnMove,
): Promise<CaseView[]> {
  const returned: CaseView[] = [];
  for (const candidate of candidates) {
    const result = await decide<CaseView, null>(
      ownTransactions(deps.store),
      candidate.id,
      (current) => {
        const applies =
          current !== null &&
          current.claimedById === candidate.claimedById &&
          canApply(move.action, current.status) &&
          move.stillApplies(current);
        if (!current || !applies) return err(null);
        return ok({
          guard: {
            statuses: TRANSITIONS[move.action].from,
            claimedById: current.claimedById,
            centreId: current.centreId,
            ...move.guard,
          },
          change: backToQueue(current, move.action),
        });
      },
      async (tx, updated, before) => {
        await tx.audit.record({
          requestId: candidate.id,
          actor: SYSTEM,
          action: move.audit,
          detail: { from: before.status, to: updated.status, specialistId: before.claimedById },
        });
        await onReturned?.(tx, updated, before.claimedById);
        return updated;
      },
    );
    if (result.ok) returned.push(result.value);
  }
  return returned;
}
