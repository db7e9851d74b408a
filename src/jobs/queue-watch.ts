// The queue's clock: returns stale claims to their queue (announcing them again to the centre's
// specialists, and telling the one whose claim lapsed) and moves requests nobody took in time up
// to the parent centre, telling that centre's admins through the outbox. Runs on a timer; each
// request moves in its own guarded update, so several instances running it at once do no harm, and
// each announcement is written in the transaction of its move, so a crash cannot lose it. It also
// deletes the per-chat limit counters whose window has closed.

import type { ChatLimitStore } from '../core/limits/ports.js';
import type { CaseView, Directory } from '../core/model.js';
import type { Clock } from '../core/ports.js';
import type { OverdueThresholds, Queue } from '../core/queue/index.js';
import { notifyEscalated, notifyReturned } from '../core/specialists/notify.js';
import type { DispatcherLogger } from './outbox-dispatcher.js';
import { periodic } from './periodic.js';

export interface QueueWatchDeps {
  queue: Queue;
  clock: Clock;
  /** Per-chat limit counters, purged once their window has closed. */
  limits: ChatLimitStore;
  directory: () => Directory;
  thresholds: OverdueThresholds;
  logger: DispatcherLogger;
  /** Called when specialists were told something: wakes the outbox dispatcher. */
  onNotified: () => void;
  intervalMs?: number;
}

export interface QueueWatchReport {
  expired: CaseView[];
  escalated: CaseView[];
  atTop: CaseView[];
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
    if (told > 0) deps.onNotified();
    // The per-chat limit counters are worth nothing once their window closed (an hour at most):
    // deleted on the same minute timer, so none outlives its use by more than a minute.
    const purged = await deps.limits.purgeExpired(deps.clock.now());
    if (purged > 0) deps.logger.info({ purged }, 'expired limit counters deleted');
    if (expired.length + escalated.length + atTop.length > 0) {
      deps.logger.info(
        { expired: expired.length, escalated: escalated.length, atTop: atTop.length, told },
        'queue watch moved requests',
      );
    }
    return { expired, escalated, atTop };
  }

  const timer = periodic(runOnce, deps.intervalMs ?? 60_000, (error) =>
    deps.logger.error({ err: error }, 'queue watch run failed'),
  );
  return { runOnce, start: timer.start, stop: timer.stop };
}
