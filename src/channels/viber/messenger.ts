// The core's Messenger for Viber: renders a Reply and calls send_message, turning Viber's answer into
// a SendOutcome the outbox acts on.
//
// Viber cannot edit a sent message. `edit` therefore sends the new version as a new message: for
// the person this reads as an update below the old one, which is what a specialist's "claimed by a
// colleague" notice needs.
import { createHash } from 'node:crypto';
import type { Reply } from '../../core/conversation/types.js';
import type { Locale } from '../../core/model.js';
import type { Logger, Messenger, SendOutcome } from '../../core/ports/index.js';
import { describeApiError, type ViberApiError, type ViberClient, type ViberSender } from './client.js';
import { type RenderText, renderReply } from './renderer.js';
import { VIBER_STATUS } from './status.js';

export interface ViberMessengerDeps {
  client: ViberClient;
  sender: ViberSender;
  render: RenderText;
  logger: Logger;
  now?: () => number;
}

export function toSendOutcome(error: ViberApiError): SendOutcome {
  const reason = describeApiError(error);
  switch (error.kind) {
    case 'status':
      if (
        error.status === VIBER_STATUS.receiverNotSubscribed ||
        error.status === VIBER_STATUS.receiverNotRegistered
      ) {
        return { ok: false, kind: 'unreachable', reason };
      }
      // The bot as a whole is over Viber's rate: the dispatcher pauses the bot, not this message.
      if (error.status === VIBER_STATUS.tooManyRequests) return { ok: false, kind: 'throttled', reason };
      return { ok: false, kind: 'rejected', reason };
    case 'http':
      if (error.httpStatus >= 500 || error.httpStatus === 429 || error.httpStatus === 408) {
        const after = error.retryAfterSeconds;
        const kind = error.httpStatus === 429 ? 'throttled' : 'retry';
        return { ok: false, kind, reason, ...(after ? { retryAfterSeconds: after } : {}) };
      }
      return { ok: false, kind: 'rejected', reason };
    case 'network':
    case 'malformed':
      return { ok: false, kind: 'retry', reason };
  }
}

export function createViberMessenger(deps: ViberMessengerDeps): Messenger {
  const locationAsked = new LocationAsked(deps.now ?? Date.now);

  async function send(platformId: string, reply: Reply, locale: Locale): Promise<SendOutcome> {
    const merge = Boolean(reply.buttons?.length) && locationAsked.has(platformId);
    const messages = renderReply(reply, locale, { render: deps.render, withLocationPicker: merge });
    let messageId: string | null = null;
    for (const message of messages) {
      const sent = await deps.client.sendMessage(platformId, deps.sender, message);
      if (!sent.ok) {
        const outcome = toSendOutcome(sent.error);
        deps.logger.warn(
          { channel: 'VIBER', reason: sent.error.kind, outcome: outcome.ok ? 'ok' : outcome.kind },
          'viber: send failed',
        );
        return outcome;
      }
      messageId = sent.value.messageToken;
    }
    if (reply.requestLocation) locationAsked.mark(platformId);
    else if (merge) locationAsked.clear(platformId);
    return { ok: true, messageId };
  }

  return {
    channel: 'VIBER',
    send,
    edit: (platformId, _messageId, reply, locale) => send(platformId, reply, locale),
  };
}

/**
 * The flows ask for a location in one message and offer a list of places in the next. On Telegram
 * both controls stay visible; on Viber the second keyboard replaces the first, and the location
 * picker would vanish before anyone could tap it. So when a chat was just asked for its location,
 * the next keyboard carries the picker too. Kept in memory for a couple of minutes under a hash of
 * the chat id: losing it (a restart, another instance) only costs that convenience.
 */
class LocationAsked {
  private readonly until = new Map<string, number>();
  private static readonly TTL_MS = 2 * 60_000;

  constructor(private readonly now: () => number) {}

  mark(platformId: string): void {
    const now = this.now();
    for (const [key, expires] of this.until) if (expires <= now) this.until.delete(key);
    this.until.set(key(platformId), now + LocationAsked.TTL_MS);
  }

  has(platformId: string): boolean {
    return (this.until.get(key(platformId)) ?? 0) > this.now();
  }

  clear(platformId: string): void {
    this.until.delete(key(platformId));
  }
}

function key(platformId: string): string {
  return createHash('sha256').update(platformId).digest('base64url');
}
