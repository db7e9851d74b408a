// Long polling for local use (no public URL needed): getUpdates in a loop, each update through the
// same handler as the webhook. The offset moves past an update only once it has been handled, so
// an update whose handling failed is fetched again, as Telegram would redeliver a webhook call.
// After a stop, Telegram may resend the last batch on the next start; the Inbox drops duplicates.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Telegram } from 'telegraf';
import type { Logger } from '../../core/ports/index.js';
import { asCallSignal } from './client.js';
import { ALLOWED_UPDATES } from './schema.js';
import { errorSummary, type HandleUpdate } from './updates.js';

export interface PollingOptions {
  telegram: Telegram;
  handleUpdate: HandleUpdate;
  logger: Logger;
  /** Long-poll duration asked of Telegram. */
  timeoutSeconds?: number;
  limit?: number;
  /** Pause after an empty answer; 0 for Telegram, which waits itself (emulators answer at once). */
  idleDelayMs?: number;
  /** First pause after a failure; doubles up to maxErrorDelayMs. */
  errorDelayMs?: number;
  maxErrorDelayMs?: number;
}

export interface Polling {
  /** Stops after the update being handled, aborting the pending getUpdates call. */
  stop(): Promise<void>;
}

export function startPolling(options: PollingOptions): Polling {
  const { telegram, handleUpdate, logger } = options;
  const firstErrorDelay = options.errorDelayMs ?? 1_000;
  const maxErrorDelay = options.maxErrorDelayMs ?? 30_000;
  const controller = new AbortController();
  const signal = controller.signal;
  let offset = 0;
  let errorDelay = firstErrorDelay;

  async function pause(ms: number): Promise<void> {
    if (ms <= 0) return;
    await sleep(ms, undefined, { signal }).catch(() => undefined);
  }

  async function failed(message: string, error: unknown): Promise<void> {
    logger.error({ err: errorSummary(error), retryInMs: errorDelay }, message);
    await pause(errorDelay);
    errorDelay = Math.min(errorDelay * 2, maxErrorDelay);
  }

  async function fetchBatch(): Promise<unknown[] | null> {
    try {
      const payload = {
        offset,
        timeout: options.timeoutSeconds ?? 25,
        limit: options.limit ?? 100,
        allowed_updates: [...ALLOWED_UPDATES],
      };
      const updates: unknown = await telegram.callApi('getUpdates', payload, {
        signal: asCallSignal(signal),
      });
      return Array.isArray(updates) ? updates : [];
    } catch (error) {
      if (!signal.aborted) await failed('telegram polling: getUpdates failed', error);
      return null;
    }
  }

  async function loop(): Promise<void> {
    while (!signal.aborted) {
      const batch = await fetchBatch();
      if (batch === null) continue;
      if (batch.length === 0) await pause(options.idleDelayMs ?? 0);
      for (const update of batch) {
        if (signal.aborted) return;
        try {
          await handleUpdate(update);
        } catch (error) {
          await failed('telegram polling: update failed; fetching it again', error);
          break;
        }
        errorDelay = firstErrorDelay;
        offset = Math.max(offset, nextOffset(update));
      }
    }
  }

  const running = loop();
  logger.info({}, 'telegram polling started');
  return {
    async stop() {
      controller.abort();
      await running;
      logger.info({}, 'telegram polling stopped');
    },
  };
}

// A well-formed update moves the offset past itself; one without a usable id cannot, and the next
// well-formed one will (Telegram confirms everything below the offset).
function nextOffset(update: unknown): number {
  const id =
    typeof update === 'object' && update !== null ? (update as { update_id?: unknown }).update_id : null;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id + 1 : 0;
}
