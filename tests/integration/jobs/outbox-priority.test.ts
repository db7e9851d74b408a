// Who goes first, through the real outbox: emergency numbers, replies, staff notices, bulk; oldest
// first within each; the numbers pass earlier messages of their own chat, all else keeps its order.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PRIORITY, type Priority } from '../../../src/core/delivery/priority.js';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createOutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { TestClock } from '../queue/world.js';
import { queueOf, scriptedMessenger, silent } from './outbox-world.js';

describeBackends('outbox priority', (backend) => {
  let store: StoreWithDatabase;
  let clock: TestClock;
  const cipher = createHandleCipher(randomBytes(32));
  beforeEach(async () => {
    // Storage stamps entries with this clock, so they are due at its time.
    clock = new TestClock();
    store = createStore(await backend.another(), { cipher, clock });
  });
  afterEach(() => store.close());

  async function queued(platformId: string, key: string, priority: Priority): Promise<void> {
    const chat = await store.handles.resolve('TELEGRAM', platformId);
    await store.transaction((tx) =>
      tx.outbox.enqueue({ handleId: chat.handleId, locale: 'uk', messages: [{ text: { key } }], priority }),
    );
  }

  async function sendOrder(): Promise<string[]> {
    const { messenger, calls } = scriptedMessenger();
    const dispatcher = createOutboxDispatcher({
      queue: queueOf(store, cipher),
      messengers: { TELEGRAM: messenger },
      clock,
      logger: silent,
      maxInFlight: 1,
    });
    for (let step = 0; step < 40; step++) {
      await dispatcher.drain();
      clock.advanceMinutes(0.5 / 60);
    }
    return calls.map((c) => c.key);
  }

  it('across chats: by priority, then oldest first', async () => {
    await queued('1', 'bulk', PRIORITY.BULK);
    await queued('2', 'staff', PRIORITY.STAFF);
    await queued('3', 'reply-old', PRIORITY.REPLY);
    await queued('4', 'reply-new', PRIORITY.REPLY);
    await queued('5', 'emergency', PRIORITY.EMERGENCY);
    expect(await sendOrder()).toEqual(['emergency', 'reply-old', 'reply-new', 'staff', 'bulk']);
  });

  it('in one chat: the numbers pass earlier questions; everything else in order', async () => {
    await queued('7', 'q1', PRIORITY.REPLY);
    await queued('7', 'q2', PRIORITY.REPLY);
    await queued('7', 'numbers', PRIORITY.EMERGENCY);
    await queued('7', 'q3', PRIORITY.REPLY);
    expect(await sendOrder()).toEqual(['numbers', 'q1', 'q2', 'q3']);
  });
});
