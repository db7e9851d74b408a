// Once a day, removes what Poruch no longer needs to keep (core/retention/policy.ts). Logs how many
// rows each step removed, never what they held. Every step is one conditional statement, so a run
// that overlaps with another instance's, or is repeated, removes nothing twice.
import type { Clock, Logger } from '../core/ports/index.js';
import {
  type RetentionCounts,
  type RetentionPeriods,
  type RetentionStore,
  runRetention,
} from '../core/retention/policy.js';

export interface RetentionJobDeps {
  store: RetentionStore;
  clock: Clock;
  periods: RetentionPeriods;
  logger: Logger;
  intervalMs?: number;
  /** The first run, a little after start (not in the middle of starting up). */
  firstRunAfterMs?: number;
}

export interface RetentionJob {
  runOnce(options?: { dryRun?: boolean }): Promise<RetentionCounts>;
  start(): void;
  stop(): Promise<void>;
}

export function createRetentionJob(deps: RetentionJobDeps): RetentionJob {
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> | null = null;

  async function runOnce(options: { dryRun?: boolean } = {}): Promise<RetentionCounts> {
    const dryRun = options.dryRun ?? false;
    const counts = await runRetention(deps.store, deps.clock, deps.periods, { dryRun });
    deps.logger.info({ dryRun, ...counts }, dryRun ? 'retention: would remove' : 'retention: removed');
    return counts;
  }

  function tick() {
    if (running) return;
    running = runOnce()
      .catch((error) => deps.logger.error({ err: error }, 'retention run failed; next run tomorrow'))
      .finally(() => {
        running = null;
      });
  }

  return {
    runOnce,
    start() {
      const first = setTimeout(tick, deps.firstRunAfterMs ?? 60_000);
      const daily = setInterval(tick, deps.intervalMs ?? 86_400_000);
      for (const timer of [first, daily]) timer.unref();
      timers.push(first, daily);
    },
    async stop() {
      for (const timer of timers.splice(0)) clearTimeout(timer);
      await running;
    },
  };
}
