// Deletes on the platform what /erase asked for (the chat's messages of the last 48 hours), after
// the request committed. Woken like the outbox dispatcher (which could share woken-loop.ts too; it
// is being reworked elsewhere), and on a timer for retries. Each message
// is locked by one conditional update, so several app instances never delete one twice.

import type { Channel } from '../core/model.js';
import type { Clock, ErasureQueue, Logger, Messenger } from '../core/ports/index.js';
import { createWokenLoop, type WokenLoop } from './woken-loop.js';

export interface EraserDeps {
  queue: ErasureQueue;
  messengers: Partial<Record<Channel, Messenger>>;
  clock: Clock;
  logger: Logger;
  batchSize?: number;
  /** How long a message stays locked to this instance; also the wait before a failed delete is retried. */
  lockMs?: number;
  pollIntervalMs?: number;
}

export interface Eraser extends WokenLoop {
  /** Deletes what is due now; returns how many messages were dealt with. */
  runOnce(): Promise<number>;
  /** Runs until nothing is due (for tests and shutdown). */
  drain(maxRuns?: number): Promise<number>;
}

export function createEraser(deps: EraserDeps): Eraser {
  const batchSize = deps.batchSize ?? 30;
  const lockMs = deps.lockMs ?? 30_000;

  async function runOnce(): Promise<number> {
    const due = await deps.queue.takeDue(deps.clock.now(), batchSize, lockMs);
    const outcomes = { deleted: 0, gone: 0, retry: 0 };
    for (const erasure of due) {
      const messenger = deps.messengers[erasure.channel];
      const platformId = await deps.queue.recipientOf(erasure.handleId);
      if (!messenger?.delete || platformId === null) {
        // Nothing can delete it any more: forget the id rather than keep it.
        await deps.queue.done(erasure.id);
        outcomes.gone += 1;
        continue;
      }
      const outcome = await messenger.delete(platformId, erasure.messageId);
      if (!outcome.ok && outcome.kind === 'retry') {
        // Stays locked until lockMs has passed: that is the wait before the next try.
        outcomes.retry += 1;
        continue;
      }
      // Deleted, or Telegram will never allow it (older than 48 hours, already deleted by the person).
      await deps.queue.done(erasure.id);
      outcomes[outcome.ok ? 'deleted' : 'gone'] += 1;
    }
    if (due.length > 0) deps.logger.info(outcomes, 'erased messages on request');
    return outcomes.deleted + outcomes.gone;
  }

  async function drain(maxRuns = 100): Promise<number> {
    let total = 0;
    for (let run = 0; run < maxRuns; run++) {
      const handled = await runOnce();
      total += handled;
      if (handled === 0) break;
    }
    return total;
  }

  const loop = createWokenLoop({
    run: drain,
    onError: (error) => deps.logger.error({ err: error }, 'eraser run failed'),
    pollIntervalMs: deps.pollIntervalMs ?? 5_000,
  });
  return { ...loop, runOnce, drain };
}
