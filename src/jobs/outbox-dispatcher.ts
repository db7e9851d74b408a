// Sends what the outbox holds. Woken right after a transaction commits (so replies leave within
// milliseconds) and also on a timer (retries, entries left by a crashed process). Chats are served in
// parallel, each chat's entries strictly in order. Safe with several app instances: each entry is
// locked by one conditional update before it is sent.
import type { Delivery, DeliveryQueue, Messenger } from '../core/delivery/ports.js';
import { MAX_ATTEMPTS, nextAttemptDelayMs } from '../core/delivery/retry.js';
import type { Channel } from '../core/model.js';
import type { Clock } from '../core/ports.js';

export interface DispatcherLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DispatcherDeps {
  queue: DeliveryQueue;
  messengers: Partial<Record<Channel, Messenger>>;
  clock: Clock;
  logger: DispatcherLogger;
  /** Entries sent at once (different chats); bounded so a backlog cannot flood the platform. */
  batchSize?: number;
  /** How long an entry stays locked to this instance while it is being sent. */
  lockMs?: number;
  pollIntervalMs?: number;
}

export interface RunReport {
  sent: number;
  retried: number;
  abandoned: number;
}

export interface OutboxDispatcher {
  /** Ask for a run soon; calls while a run is going are coalesced into one more run. */
  wake(): void;
  runOnce(): Promise<RunReport>;
  /** Runs until the outbox has nothing due (for tests). */
  drain(maxRuns?: number): Promise<RunReport>;
  start(): void;
  /** Lets the batch in hand finish, starts no other (a backlog waits for the next start). */
  stop(): Promise<void>;
}

type Step = 'sent' | 'retried' | 'abandoned';

export function createOutboxDispatcher(deps: DispatcherDeps): OutboxDispatcher {
  const batchSize = deps.batchSize ?? 16;
  const lockMs = deps.lockMs ?? 30_000;
  const log = deps.logger;
  let running: Promise<RunReport> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;

  async function deliver(entry: Delivery): Promise<Step> {
    const messenger = deps.messengers[entry.channel];
    const abandon = async (status: 'DEAD' | 'UNREACHABLE', reason: string): Promise<Step> => {
      await deps.queue.abandon(entry.id, status, reason, deps.clock.now());
      log.warn({ outboxId: entry.id, status, reason }, 'outbox entry abandoned');
      return 'abandoned';
    };
    if (!messenger) return retry(entry, `channel ${entry.channel} is off`);
    const platformId = await deps.queue.recipientOf(entry.handleId);
    if (platformId === null) return abandon('UNREACHABLE', 'chat unknown or unsubscribed');

    let index = entry.sentCount;
    let lastMessageId: string | null = null;
    // Progress is recorded after each message but the last, whose record is the finish itself.
    const sent = async (messageId: string | null) => {
      index += 1;
      lastMessageId = messageId;
      if (index < entry.messages.length) await deps.queue.progress(entry.id, index, messageId);
    };
    while (index < entry.messages.length) {
      const reply = entry.messages[index] as Delivery['messages'][number];
      const outcome =
        entry.replacesMessageId !== null
          ? await messenger.edit(platformId, entry.replacesMessageId, reply, entry.locale)
          : await messenger.send(platformId, reply, entry.locale);
      if (outcome.ok) {
        // Where the channel can delete messages, /erase needs to know which ones are ours.
        const ids = outcome.messageIds ?? (outcome.messageId ? [outcome.messageId] : []);
        if (messenger.delete && entry.replacesMessageId === null && ids.length > 0)
          await deps.queue.rememberSent(entry.handleId, ids, deps.clock.now());
        await sent(outcome.messageId);
        continue;
      }
      if (outcome.kind === 'retry') return retry(entry, outcome.reason, outcome.retryAfterSeconds);
      if (outcome.kind === 'unreachable') return abandon('UNREACHABLE', outcome.reason);
      // Refused by the platform: resending cannot help, but the rest of the batch still can be sent.
      log.error({ outboxId: entry.id, index, reason: outcome.reason }, 'message refused by the platform');
      await sent(null);
    }
    await deps.queue.finish(entry.id, deps.clock.now(), index, lastMessageId);
    return 'sent';
  }

  async function retry(entry: Delivery, reason: string, retryAfter?: number): Promise<Step> {
    const attempts = entry.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      await deps.queue.abandon(
        entry.id,
        'DEAD',
        `gave up after ${attempts} attempts: ${reason}`,
        deps.clock.now(),
      );
      log.error({ outboxId: entry.id, attempts, reason }, 'outbox entry given up');
      return 'abandoned';
    }
    const at = new Date(deps.clock.now().getTime() + nextAttemptDelayMs(attempts, retryAfter));
    await deps.queue.retryAt(entry.id, at, attempts, reason);
    log.warn({ outboxId: entry.id, attempts, retryAt: at.toISOString(), reason }, 'send failed; will retry');
    return 'retried';
  }

  async function runOnce(): Promise<RunReport> {
    const report: RunReport = { sent: 0, retried: 0, abandoned: 0 };
    const due = await deps.queue.takeDue(deps.clock.now(), batchSize, lockMs);
    const results = await Promise.allSettled(due.map(deliver));
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') report[result.value] += 1;
      else
        log.error(
          { outboxId: due[i]?.id, err: result.reason },
          'outbox delivery crashed; the lock will expire',
        );
    }
    return report;
  }

  async function drain(maxRuns = 1000, stopWhen: () => boolean = () => false): Promise<RunReport> {
    const total: RunReport = { sent: 0, retried: 0, abandoned: 0 };
    for (let run = 0; run < maxRuns && !stopWhen(); run++) {
      const report = await runOnce();
      total.sent += report.sent;
      total.retried += report.retried;
      total.abandoned += report.abandoned;
      if (report.sent + report.retried + report.abandoned === 0) break;
    }
    return total;
  }

  function wake(): void {
    if (running) {
      again = true;
      return;
    }
    // Shutdown must fit the platform's grace period (Docker: 10 s), so a stop ends the drain.
    running = drain(1000, () => stopped)
      .catch((error) => {
        log.error({ err: error }, 'outbox run failed');
        return { sent: 0, retried: 0, abandoned: 0 };
      })
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          wake();
        }
      });
  }

  return {
    wake() {
      if (!stopped) wake();
    },
    runOnce,
    drain,
    start() {
      stopped = false;
      timer = setInterval(wake, deps.pollIntervalMs ?? 1_000);
      timer.unref();
      wake();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
