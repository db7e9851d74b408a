// What the outbox tests share: a platform scripted per call, the rate limits Poruch uses for
// Telegram, and a dispatcher on a real store with a clock that moves only when told.
import type { Reply } from '../../../src/core/conversation/types.js';
import { deliveryRules } from '../../../src/core/delivery/limits.js';
import type { DeliveryQueue, Messenger, SendOutcome } from '../../../src/core/ports/index.js';
import { silentLogger } from '../../../src/core/ports/index.js';
import type { HandleCipher } from '../../../src/crypto/handle-cipher.js';
import { deliveryQueue } from '../../../src/storage/outbox.js';
import type { StoreWithDatabase } from '../../../src/storage/store.js';

export const silent = silentLogger;

export const TELEGRAM_RULES = deliveryRules({ botPerSecond: 30, chatPerSecond: 1 });

export function queueOf(store: StoreWithDatabase, cipher: HandleCipher, owner = 'instance-a'): DeliveryQueue {
  return deliveryQueue(store.database, cipher, {
    owner,
    rules: { TELEGRAM: TELEGRAM_RULES, VIBER: TELEGRAM_RULES },
  });
}

export interface Call {
  platformId: string;
  key: string;
}

/** A platform that answers with the scripted outcomes in turn (then "ok"), recording every call. */
export function scriptedMessenger(script: SendOutcome[] = [], channel: Messenger['channel'] = 'TELEGRAM') {
  const calls: Call[] = [];
  const messenger: Messenger = {
    channel,
    async send(platformId, reply: Reply) {
      calls.push({ platformId, key: reply.text.key });
      return script.shift() ?? { ok: true, messageId: String(calls.length) };
    },
    async edit() {
      throw new Error('no edits in this story');
    },
  };
  return { messenger, calls };
}
