// The outbox against a flaky platform, on a real SQLite database: Telegram says "429, retry after
// 30 s", then fails with a 500, then takes the message. It is sent exactly once, and the retry after
// the 429 is not attempted before the platform allowed.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/conversation/types.js';
import type { Messenger, SendOutcome } from '../../../src/core/delivery/ports.js';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createOutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';
import { deliveryQueue } from '../../../src/storage/outbox.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { freshSqliteUrl } from '../../helpers/db.js';
import { TestClock } from '../queue/world.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** A platform that answers with the scripted outcomes in turn, recording every call. */
function scriptedMessenger(script: SendOutcome[]) {
  const calls: { platformId: string; reply: Reply }[] = [];
  const messenger: Messenger = {
    channel: 'TELEGRAM',
    async send(platformId, reply) {
      calls.push({ platformId, reply });
      return script.shift() ?? { ok: true, messageId: String(calls.length) };
    },
    async edit() {
      throw new Error('no edits in this story');
    },
  };
  return { messenger, calls };
}

describe('outbox dispatcher with a flaky platform', () => {
  let store: StoreWithDatabase;
  let clock: TestClock;
  const cipher = createHandleCipher(randomBytes(32));

  beforeEach(() => {
    clock = new TestClock();
    store = createStore(freshSqliteUrl(), { cipher, clock });
  });
  afterEach(() => store.close());

  it('sends once after a 429 with retry_after and a 500, honouring retry_after', async () => {
    const chat = await store.handles.resolve('TELEGRAM', '424242');
    const outboxId = await store.transaction((tx) =>
      tx.outbox.enqueue({
        handleId: chat.handleId,
        locale: 'uk',
        messages: [{ text: { key: 'menu.prompt' } }],
      }),
    );
    const { messenger, calls } = scriptedMessenger([
      { ok: false, kind: 'retry', reason: '429 Too Many Requests', retryAfterSeconds: 30 },
      { ok: false, kind: 'retry', reason: '500 Internal Server Error' },
      { ok: true, messageId: '77' },
    ]);
    const dispatcher = createOutboxDispatcher({
      queue: deliveryQueue(store.database, cipher),
      messengers: { TELEGRAM: messenger },
      clock,
      logger: silent,
    });
    const row = () => store.database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: outboxId } });

    const startedAt = clock.now().getTime();
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 1, abandoned: 0 });
    const afterThrottle = await row();
    expect(afterThrottle).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(afterThrottle.nextAttemptAt.getTime() - startedAt).toBeGreaterThanOrEqual(30_000);

    // Not due yet: 29 seconds later nothing is attempted.
    clock.advanceMinutes(29 / 60);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 0, abandoned: 0 });
    expect(calls).toHaveLength(1);

    clock.advanceMinutes(2 / 60);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 1, abandoned: 0 });
    expect(await row()).toMatchObject({ status: 'PENDING', attempts: 2 });

    clock.advanceMinutes(1);
    expect(await dispatcher.drain()).toEqual({ sent: 1, retried: 0, abandoned: 0 });
    expect(await row()).toMatchObject({ status: 'SENT', sentMessageId: '77', sentCount: 1 });
    expect(calls.map((c) => c.platformId)).toEqual(['424242', '424242', '424242']);

    // Nothing is sent a second time, however often the dispatcher runs.
    clock.advanceMinutes(60);
    expect(await dispatcher.drain()).toEqual({ sent: 0, retried: 0, abandoned: 0 });
    expect(calls).toHaveLength(3);
  });
});
