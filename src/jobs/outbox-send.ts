// Sending the next message of one outbox entry, and recording at once what came of it: a message is
// marked sent right after the platform took it, so a crash (kill -9) between the two can repeat at
// most that one message, never a batch.

import { MAX_ATTEMPTS, nextAttemptDelayMs } from '../core/delivery/retry.js';
import type { Channel } from '../core/model.js';
import type { Clock, Delivery, DeliveryQueue, Logger, Messenger } from '../core/ports/index.js';

export interface SendDeps {
  queue: DeliveryQueue;
  messengers: Partial<Record<Channel, Messenger>>;
  clock: Clock;
  logger: Logger;
}

export type Step = 'sent' | 'retried' | 'throttled' | 'abandoned';

/** Telegram always names retry_after with a 429; should a platform not, the bot pauses this long. */
const THROTTLE_WITHOUT_RETRY_AFTER_S = 2;

export function createSender(deps: SendDeps) {
  const { queue, clock, logger: log } = deps;

  async function abandon(d: Delivery, status: 'DEAD' | 'UNREACHABLE', reason: string): Promise<Step> {
    await queue.abandon(d.id, status, reason, clock.now());
    log.warn({ outboxId: d.id, status, reason }, 'outbox entry abandoned');
    return 'abandoned';
  }

  async function retry(d: Delivery, reason: string, retryAfter?: number): Promise<Step> {
    const attempts = d.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) return abandon(d, 'DEAD', `gave up after ${attempts} attempts: ${reason}`);
    const at = new Date(clock.now().getTime() + nextAttemptDelayMs(attempts, retryAfter));
    await queue.retryAt(d.id, at, attempts, reason);
    log.warn({ outboxId: d.id, attempts, retryAt: at.toISOString(), reason }, 'send failed; will retry');
    return 'retried';
  }

  /** The platform's 429 pauses the whole bot; the entry keeps its place and its attempts. */
  async function throttled(d: Delivery, reason: string, retryAfter?: number): Promise<Step> {
    const seconds = retryAfter ?? THROTTLE_WITHOUT_RETRY_AFTER_S;
    const until = new Date(clock.now().getTime() + seconds * 1000);
    await queue.throttled(d.channel, d.id, until, reason);
    log.warn({ outboxId: d.id, channel: d.channel, until: until.toISOString() }, 'bot throttled; pausing');
    return 'throttled';
  }

  async function sent(d: Delivery, messageId: string | null): Promise<Step> {
    const count = d.sentCount + 1;
    if (count >= d.messages.length) await queue.finish(d.id, clock.now(), count, messageId);
    else await queue.progress(d.id, count, messageId);
    return 'sent';
  }

  /** Sends the entry's next unsent message (the dispatcher holds its lease). */
  return async function sendNext(d: Delivery): Promise<Step> {
    const messenger = deps.messengers[d.channel];
    if (!messenger) return retry(d, `channel ${d.channel} is off`);
    const platformId = await queue.recipientOf(d.handleId);
    if (platformId === null) return abandon(d, 'UNREACHABLE', 'chat unknown or unsubscribed');
    const reply = d.messages[d.sentCount];
    if (!reply) return sent(d, null);
    const outcome =
      d.replacesMessageId !== null
        ? await messenger.edit(platformId, d.replacesMessageId, reply, d.locale)
        : await messenger.send(platformId, reply, d.locale);
    if (outcome.ok) {
      // Where the channel can delete messages, /erase needs to know which ones are ours.
      const ids = outcome.messageIds ?? (outcome.messageId ? [outcome.messageId] : []);
      if (messenger.delete && d.replacesMessageId === null && ids.length > 0)
        await queue.rememberSent(d.handleId, ids, clock.now());
      return sent(d, outcome.messageId);
    }
    switch (outcome.kind) {
      case 'throttled':
        return throttled(d, outcome.reason, outcome.retryAfterSeconds);
      case 'retry':
        return retry(d, outcome.reason, outcome.retryAfterSeconds);
      case 'unreachable':
        return abandon(d, 'UNREACHABLE', outcome.reason);
      case 'rejected':
        // Resending cannot help; the entry's further messages still can be sent.
        log.error({ outboxId: d.id, index: d.sentCount, reason: outcome.reason }, 'message refused');
        return sent(d, null);
    }
  };
}

export type SendNext = ReturnType<typeof createSender>;
