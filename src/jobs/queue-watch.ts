// The queue's clock: returns stale claims to their queue (announcing them again to the centre's
// specialists, and telling the one whose claim lapsed) and moves requests nobody took in time up
// to the parent centre, telling that centre's admins through the outbox; and alerts overdue legal
// deadlines of casework (src/core/casework/watch.ts). Runs on a timer; each request moves in its own
// guarded update, so several instances running it at once do no harm, and each announcement is
// written in the transaction of its move, so a crash cannot lose it. It also deletes the per-chat
// limit counters whose window has closed.
import type { CaseworkPolicy } from '../core/casework/deadlines.js';
import { watchDeadlines } from '../core/casework/watch.js';
import type { CaseView, Directory } from '../core/model.js';
import type { Clock, Logger, Store } from '../core/ports/index.js';
import type { OverdueThresholds, Queue } from '../core/queue/index.js';
import { notifyDeadlineAlert, notifyEscalated, notifyReturned } from '../core/specialists/notify.js';
import { periodic } from './periodic.js';

export interface QueueWatchDeps {
  queue: Queue;
  /** For the deadline alerts' transactions and purging the per-chat limit counters. */
  store: Store;
  clock: Clock;
  directory: () => Directory;
  thresholds: OverdueThresholds;
  logger: Logger;
  /** Called when specialists were told something: wakes the outbox dispatcher. */
  onNotified: () => void;
  intervalMs?: number;
  /** The legal deadlines to watch; without it only the queue moves are watched. */
  casework?: CaseworkPolicy;
}

export interface QueueWatchReport {
  expired: CaseView[];
  escalated: CaseView[];
  atTop: CaseView[];
  /** Deadline alerts sent (one per case, deadline and level). */
  deadlineAlerts: number;
}

export interface QueueWatch {
  runOnce(): Promise<QueueWatchReport>;
  start(): void;
  stop(): Promise<void>;
}

export function createQueueWatch(deps: QueueWatchDeps): QueueWatch {
  const notify = { directory: deps.directory, now: () => deps.clock.now() };

  async function runOnce(): Promise<QueueWatchReport> {
    let told = 0;
    const expired = await deps.queue.expireLeases(async (tx, returned, formerClaimerId) => {
      told += await notifyReturned(tx, notify, returned, formerClaimerId);
    });
    const { escalated, atTop } = await deps.queue.escalateOverdue(deps.thresholds, async (tx, request) => {
      told += await notifyEscalated(tx, notify, request);
    });
    const policy = deps.casework;
    const deadlineAlerts = policy
      ? await watchDeadlines({
          store: deps.store,
          clock: deps.clock,
          policy,
          directory: deps.directory,
          tell: async (tx, to, request, alert) => {
            told += await notifyDeadlineAlert(tx, notify, to, request, alert, policy.calendar.timeZone);
          },
        })
      : 0;
    if (told > 0) deps.onNotified();
    // The per-chat limit counters are worth nothing once their window closed (an hour at most):
    // deleted on the same minute timer, so none outlives its use by more than a minute.
    const purged = await deps.store.limits.purgeExpired(deps.clock.now());
    if (purged > 0) deps.logger.info({ purged }, 'expired limit counters deleted');
    if (expired.length + escalated.length + atTop.length + deadlineAlerts > 0) {
      deps.logger.info(
        { expired: expired.length, escalated: escalated.length, atTop: atTop.length, deadlineAlerts, told },
        'queue watch moved requests or alerted deadlines',
      );
    }
    return { expired, escalated, atTop, deadlineAlerts };
  }

  const timer = periodic(runOnce, deps.intervalMs ?? 60_000, (error) =>
    deps.logger.error({ err: error }, 'queue watch run failed'),
  );
  return { runOnce, start: timer.start, stop: timer.stop };
}
