// Moving requests nobody took in time up to the parent centre. Each level waits its own interval:
// a request is due for level k+1 once it has waited (k+1) thresholds since it was created, so an
// urgent request at a hromada centre reaches the district after 15 minutes and the oblast after 30
// (with the default thresholds), while a normal one waits a day per level. CaseView carries no
// escalatedAt, and creation time alone gives the same schedule for requests that were never claimed.
import type { CaseView, Urgency } from '../model.js';
import type { Repositories } from '../ports/index.js';
import { err, ok, type Result } from '../result.js';
import { AUDIT_ACTIONS, SYSTEM } from './audit.js';
import { decide, ownTransactions } from './decide.js';
import { minutesAfter, type QueueDeps } from './deps.js';
import { type EscalateError, explainEscalate, queueError } from './errors.js';
import { TRANSITIONS, targetStatus } from './transitions.js';

export interface OverdueThresholds {
  urgentAfterMinutes: number;
  normalAfterMinutes: number;
}

export interface EscalationReport {
  escalated: CaseView[];
  /** Overdue requests already at a centre with no parent: they stay, and whoever runs the job is told. */
  atTop: CaseView[];
}

type ParentOf = (centreId: string) => string | null;

/**
 * What to do, in the escalation's own transaction, once a request has moved up (announce it to the
 * new centre through the outbox): the announcement commits exactly when the move does, so a crash
 * in between cannot leave a moved request that nobody was told about.
 */
export type OnEscalated = (tx: Repositories, escalated: CaseView) => Promise<void>;
/** When a waiting request is due to move up from its current level (see the schedule above). */
export function escalationDueAt(
  request: Pick<CaseView, 'createdAt' | 'escalationLevel' | 'urgency'>,
  thresholds: OverdueThresholds,
): Date {
  const after = request.urgency === 'URGENT' ? thresholds.urgentAfterMinutes : thresholds.normalAfterMinutes;
  return minutesAfter(request.createdAt, (request.escalationLevel + 1) * after);
}

/** Read outside any transaction: on SQLite a second query while a transaction is open would wait on it. */
async function parentLookup(deps: QueueDeps): Promise<ParentOf> {
  if (deps.parentCentreOf) return deps.parentCentreOf;
  const { centres } = await deps.store.directory.load();
  const parents = new Map(centres.map((c) => [c.id, c.parentId]));
  return (centreId) => parents.get(centreId) ?? null;
}

type NotDue = { code: 'NOT_DUE' };

async function escalateOne(
  deps: QueueDeps,
  requestId: string,
  parentOf: ParentOf,
  isDue: (current: CaseView) => boolean,
  onEscalated: OnEscalated | undefined,
): Promise<Result<CaseView, EscalateError | NotDue>> {
  const now = deps.clock.now();
  return decide<CaseView, EscalateError | NotDue>(
    ownTransactions(deps.store),
    requestId,
    (current) => {
      const why = explainEscalate(requestId, current);
      if (why || !current) return err(why ?? queueError('NOT_FOUND', requestId, null));
      if (!isDue(current)) return err({ code: 'NOT_DUE' });
      const parent = parentOf(current.centreId);
      if (!parent) return err(queueError('AT_TOP', requestId, current));
      return ok({
        // Pinning the centre makes concurrent escalations of the same request count once.
        guard: { statuses: TRANSITIONS.escalate.from, claimedById: null, centreId: current.centreId },
        change: {
          status: targetStatus('escalate'),
          centreId: parent,
          escalationLevel: current.escalationLevel + 1,
          escalatedAt: now,
        },
      });
    },
    async (tx, updated, before) => {
      await tx.audit.record({
        requestId,
        actor: SYSTEM,
        action: AUDIT_ACTIONS.escalated,
        detail: {
          from: before.status,
          to: updated.status,
          fromCentreId: before.centreId,
          toCentreId: updated.centreId,
          escalationLevel: updated.escalationLevel,
          urgency: updated.urgency,
        },
      });
      await onEscalated?.(tx, updated);
      return updated;
    },
  );
}

/** Moves a waiting request one level up now, whatever its age. */
export async function escalate(
  deps: QueueDeps,
  requestId: string,
  onEscalated?: OnEscalated,
): Promise<Result<CaseView, EscalateError>> {
  const result = await escalateOne(deps, requestId, await parentLookup(deps), () => true, onEscalated);
  if (result.ok || result.error.code !== 'NOT_DUE') return result as Result<CaseView, EscalateError>;
  throw new Error('unreachable: an unconditional escalation is always due');
}

/** For the escalation job: every waiting request that sat too long at its current level moves up. */
export async function escalateOverdue(
  deps: QueueDeps,
  thresholds: OverdueThresholds,
  onEscalated?: OnEscalated,
): Promise<EscalationReport> {
  const now = deps.clock.now();
  const parentOf = await parentLookup(deps);
  const report: EscalationReport = { escalated: [], atTop: [] };
  const after: Record<Urgency, number> = {
    URGENT: thresholds.urgentAfterMinutes,
    NORMAL: thresholds.normalAfterMinutes,
  };
  const isDue = (request: CaseView) => escalationDueAt(request, thresholds) <= now;

  for (const urgency of ['URGENT', 'NORMAL'] as const) {
    const candidates = await deps.store.requests.listWaitingSince(
      urgency,
      minutesAfter(now, -after[urgency]),
    );
    for (const candidate of candidates.filter(isDue)) {
      const result = await escalateOne(deps, candidate.id, parentOf, isDue, onEscalated);
      if (result.ok) report.escalated.push(result.value);
      else if (result.error.code === 'AT_TOP') report.atTop.push(candidate);
      // Anything else (claimed or closed meanwhile, escalated by a concurrent run) needs nothing.
    }
  }
  return report;
}
