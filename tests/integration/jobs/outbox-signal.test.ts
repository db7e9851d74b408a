// Two app instances on one PostgreSQL database: a reply written through one is sent by the other at
// once, because LISTEN/NOTIFY wakes it (its poll here is ten minutes away, so nothing else could);
// and when the LISTEN connection is cut (a server restart, pg_terminate_backend), the instance opens
// it again (trying until the database accepts connections) and hears the next notice.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type DeliveryQueue, silentLogger } from '../../../src/core/ports/index.js';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';
import {
  listenForOutbox,
  type OutboxSignal,
  SIGNAL_APPLICATION,
} from '../../../src/storage/outbox-signal.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describePostgres, POSTGRES_URL } from '../../helpers/db.js';
import { within } from '../../helpers/within.js';
import { TestClock } from '../queue/world.js';
import { queueOf, scriptedMessenger, silent } from './outbox-world.js';

const TEN_MINUTES = 10 * 60_000;

/** Resolves `reached(n)` once the n-th call of `count()` happened. */
function counter() {
  let count = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  return {
    get value() {
      return count;
    },
    count() {
      count += 1;
      for (const w of waiting.filter((w) => w.n <= count)) w.resolve();
    },
    reached(n: number): Promise<void> {
      if (count >= n) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ n, resolve }));
    },
  };
}

/** A logger that remembers its messages and tells when one arrives. */
function listeningLogger() {
  const messages: string[] = [];
  const heard = new Map<string, () => void>();
  const note = (_: object, msg: string) => {
    messages.push(msg);
    heard.get(msg)?.();
  };
  return {
    log: { ...silentLogger, info: note, warn: note },
    messages,
    next: (msg: string) => new Promise<void>((resolve) => heard.set(msg, resolve)),
  };
}

/** On the server's own database, so that it works while the test's database refuses connections. */
async function asAdmin(text: string, params: unknown[] = []) {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    return await admin.query(text, params);
  } finally {
    await admin.end();
  }
}

describePostgres('outbox wake-ups between instances', {}, (backend) => {
  const cipher = createHandleCipher(randomBytes(32));
  let clock: TestClock;
  let url: string;
  let writer: StoreWithDatabase;
  let reader: StoreWithDatabase;
  const closing: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    clock = new TestClock();
    url = await backend.another();
    writer = createStore(url, { cipher, clock });
    reader = createStore(url, { cipher, clock });
  });
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    await writer.close();
    await reader.close();
  });

  async function replyThroughA(platformId: string, key: string): Promise<void> {
    const chat = await writer.handles.resolve('TELEGRAM', platformId);
    await writer.transaction((tx) =>
      tx.outbox.enqueue({ handleId: chat.handleId, locale: 'uk', messages: [{ text: { key } }] }),
    );
  }

  /** What a server restart or an administrator does to B's LISTEN connection; how many were cut. */
  async function cutListenerOfB(): Promise<number> {
    const cut = await asAdmin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
      [databaseName(), `${SIGNAL_APPLICATION} instance-b`],
    );
    return cut.rowCount ?? 0;
  }
  const databaseName = () => new URL(url).pathname.slice(1);

  /** Instance B: a dispatcher that polls only every ten minutes, woken by its LISTEN connection. */
  async function instanceB(log = listeningLogger().log) {
    const rounds = counter();
    const sent = counter();
    const { messenger, calls } = scriptedMessenger();
    const send = messenger.send.bind(messenger);
    messenger.send = async (...args) => {
      const outcome = await send(...args);
      sent.count();
      return outcome;
    };
    const queue = queueOf(reader, cipher, 'instance-b');
    const counted: DeliveryQueue = {
      ...queue,
      takeRound: async (...args) => {
        const round = await queue.takeRound(...args);
        rounds.count();
        return round;
      },
    };
    const dispatcher: OutboxDispatcher = createOutboxDispatcher({
      queue: counted,
      messengers: { TELEGRAM: messenger },
      clock,
      logger: silent,
      pollIntervalMs: TEN_MINUTES,
    });
    const signal = await listenForOutbox(url, 'instance-b', () => dispatcher.wake(), log, {
      reconnectMs: 20,
    });
    closing.push(
      () => signal.close(),
      () => dispatcher.stop(),
    );
    dispatcher.start();
    await within('first round of B', rounds.reached(1)); // found nothing; now asleep for ten minutes
    return { rounds, sent, calls };
  }

  async function instanceA(): Promise<OutboxSignal> {
    const signal = await listenForOutbox(url, 'instance-a', () => {}, silentLogger);
    closing.push(() => signal.close());
    return signal;
  }

  it("a reply written through instance A is sent by B at once, woken by A's notice", async () => {
    const b = await instanceB();
    const a = await instanceA();
    expect(b.rounds.value).toBe(1);

    await replyThroughA('100', 'reply');
    a.announce();

    await within('send by B', b.sent.reached(1));
    expect(b.calls.map((c) => c.key)).toEqual(['reply']);
  });

  it('B opens its LISTEN connection again when it is cut, catches up, and hears the next notice', async () => {
    const logger = listeningLogger();
    const b = await instanceB(logger.log);
    const a = await instanceA();
    const restored = logger.next('outbox LISTEN connection restored');

    expect(await cutListenerOfB()).toBe(1);

    await within('restored LISTEN connection', restored);
    expect(logger.messages).toContain('outbox LISTEN connection lost');
    // Notices sent while it was away are lost, so the restored connection wakes B for one round.
    await within('round after the reconnect', b.rounds.reached(2));

    await replyThroughA('200', 'after-reconnect');
    a.announce();
    await within('send by B after the reconnect', b.sent.reached(1));
    expect(b.calls.map((c) => c.key)).toEqual(['after-reconnect']);
  });

  it('B keeps trying while the database refuses connections, and is back as soon as it accepts them', async () => {
    const logger = listeningLogger();
    const b = await instanceB(logger.log);
    const a = await instanceA();
    const refused = logger.next('outbox LISTEN reconnect failed');
    const restored = logger.next('outbox LISTEN connection restored');

    await asAdmin(`ALTER DATABASE "${databaseName()}" ALLOW_CONNECTIONS false`);
    try {
      expect(await cutListenerOfB()).toBe(1);
      await within('refused reconnect', refused);
    } finally {
      await asAdmin(`ALTER DATABASE "${databaseName()}" ALLOW_CONNECTIONS true`);
    }
    await within('restored LISTEN connection', restored);
    await within('round after the reconnect', b.rounds.reached(2));

    await replyThroughA('300', 'after-refusal');
    a.announce();
    await within('send by B after the refusal', b.sent.reached(1));
    expect(b.calls.map((c) => c.key)).toEqual(['after-refusal']);
  });
});
