// The platforms' rate limits as Poruch paces itself against them.
// Telegram: about 30 messages a second per bot and, in one chat, "no more than one message per
// second; short bursts may go over". Above that it answers 429 with retry_after. Viber publishes no
// per-second figure for send_message; its bot rate is configured separately.
import type { DeliveryRules } from '../ports/index.js';

export interface Rates {
  botPerSecond: number;
  chatPerSecond: number;
}

/**
 * Per bot: `botPerSecond` on average; ordinary messages may catch up by three when rounds come
 * 100 ms apart (each round is a commit: on a busy disk they cannot come every 33 ms), and two more
 * tokens are kept for the emergency numbers, so that they never wait for the bucket behind a
 * backlog. Per chat: `chatPerSecond` on average; a reply of up to three messages
 * goes at once (as bots usually answer), and one more token is kept for the emergency numbers, so
 * that they do not wait behind messages the chat has just been sent.
 */
export function deliveryRules(rates: Rates): DeliveryRules {
  return {
    bot: { perSecond: rates.botPerSecond, burst: 6, reserved: 2 },
    chat: { perSecond: rates.chatPerSecond, burst: 4, reserved: 1 },
  };
}
