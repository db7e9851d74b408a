// The outbox against a platform that pushes back, on real SQLite and PostgreSQL databases and a
// clock that moves only when the test says so. Telegram's 429 pauses the whole bot for retry_after
// and is never held against the message; a message that fails on its own backs off alone.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createOutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { TestClock } from '../queue/world.js';
import { queueOf, scriptedMessenger, silent } from './outbox-world.js';

const seconds = (clock: TestClock, s: number) => clock.advanceMinutes(s / 60);

describeBackends('outbox dispatcher with a platform that pushes back', (backend) => {
  let store: StoreWithDatabase;
  let clock: TestClock;
  const cipher = createHandleCipher(randomBytes(32));
  beforeEach(async () => {
    // Storage stamps entries with this clock, so the dispatcher finds them due at its time.
    clock = new TestClock();
    store = createStore(await backend.another(), { cipher, clock });
  });
  afterEach(() => store.close());

  async function queued(platformId: string, keys: string[]): Promise<string> {
    const chat = await store.handles.resolve('TELEGRAM', platformId);
    return store.transaction((tx) =>
      tx.outbox.enqueue({
        handleId: chat.handleId,
        locale: 'uk',
        messages: keys.map((key) => ({ text: { key } })),
      }),
    );
  }
  const row = (id: string) => store.database.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

  it('a 429 pauses the whole bot for retry_after, and is not a failed attempt', async () => {
    const first = await queued('100', ['one']);
    await queued('200', ['two']);
    await queued('300', ['three']);
    const { messenger, calls } = scriptedMessenger([
      {
        ok: false,
        kind: 'throttled',
        reason: 'telegram 429: Too Many Requests: retry after 30',
        retryAfterSeconds: 30,
      },
    ]);
    const dispatcher = createOutboxDispatcher({
      queue: queueOf(store, cipher),
      messengers: { TELEGRAM: messenger },
      clock,
      logger: silent,
      maxInFlight: 1,
    });

    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0, throttled: 1 });
    expect(await row(first)).toMatchObject({ status: 'PENDING', attempts: 0, lockedUntil: null });

    // The other chats were due too, but the bot is paused: nothing goes for 30 seconds.
    seconds(clock, 29.9);
    expect(await dispatcher.drain()).toMatchObject({ sent: 0, throttled: 0 });
    expect(calls).toHaveLength(1);

    // Then at the bot's pace again: two at once, one more a thirtieth of a second later.
    seconds(clock, 0.2);
    expect(await dispatcher.drain()).toMatchObject({ sent: 2, retried: 0 });
    seconds(clock, 0.05);
    expect(await dispatcher.drain()).toMatchObject({ sent: 1, retried: 0 });
    expect(calls.map((c) => c.key)).toEqual(['one', 'one', 'two', 'three']);
    expect(await row(first)).toMatchObject({ status: 'SENT', attempts: 0 });
  });

  it('a failed send backs off alone: other chats go on, its own chat keeps its order', async () => {
    const failing = await queued('100', ['first']);
    await queued('100', ['second']);
    await queued('200', ['other chat']);
    const { messenger, calls } = scriptedMessenger([
      { ok: false, kind: 'retry', reason: 'telegram 502: Bad Gateway' },
    ]);
    const dispatcher = createOutboxDispatcher({
      queue: queueOf(store, cipher),
      messengers: { TELEGRAM: messenger },
      clock,
      logger: silent,
    });

    expect(await dispatcher.drain()).toMatchObject({ sent: 1, retried: 1 });
    expect(calls.map((c) => c.key)).toEqual(['first', 'other chat']);
    expect(await row(failing)).toMatchObject({ status: 'PENDING', attempts: 1 });

    seconds(clock, 3); // the first backoff is 2 seconds
    expect(await dispatcher.drain()).toMatchObject({ sent: 2 });
    expect(calls.map((c) => c.key)).toEqual(['first', 'other chat', 'first', 'second']);
  });

  it('marks every message of an entry as soon as it is sent', async () => {
    const entry = await queued('100', ['a', 'b', 'c', 'd', 'e']);
    const { messenger, calls } = scriptedMessenger();
    const dispatcher = createOutboxDispatcher({
      queue: queueOf(store, cipher),
      messengers: { TELEGRAM: messenger },
      clock,
      logger: silent,
    });
    // A quiet chat takes three at once; the rest one a second.
    expect(await dispatcher.drain()).toMatchObject({ sent: 3 });
    expect(await row(entry)).toMatchObject({ status: 'PENDING', sentCount: 3, lockedUntil: null });
    seconds(clock, 1);
    expect(await dispatcher.drain()).toMatchObject({ sent: 1 });
    seconds(clock, 1);
    expect(await dispatcher.drain()).toMatchObject({ sent: 1 });
    expect(await row(entry)).toMatchObject({ status: 'SENT', sentCount: 5 });
    expect(calls.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
