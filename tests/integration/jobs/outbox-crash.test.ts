// kill -9 between "sent" and "marked sent": each message is marked as soon as the platform took it,
// so a crash repeats at most the one message caught in between (one per send in flight; the
// workers here send one at a time, so that the count is exact). Two instances in turn are killed
// (SIGKILL, a real child process each) right after a send; a third takes over after their short
// leases. The platform counts what it received.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Messenger } from '../../../src/core/ports/index.js';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createOutboxDispatcher } from '../../../src/jobs/outbox-dispatcher.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { TestClock } from '../queue/world.js';
import { queueOf, silent } from './outbox-world.js';

const workerFile = fileURLToPath(new URL('./outbox-crash-worker.ts', import.meta.url));
const CHATS = 6;
const MESSAGES_PER_CHAT = 4;

/**
 * The platform: counts every message it accepts. `holdAfter(n)`: the n-th accepted message from
 * now is answered with `hold`, and until `open()` nothing more is accepted (requests wait), so
 * exactly one message is sent-but-unmarked when the worker dies.
 */
async function startPlatform() {
  const received = new Map<string, number>();
  let holdAt: number | null = null;
  let held = false;
  let accepted = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (held) return; // never answered: the worker dies with it in flight
      const { chat, key } = JSON.parse(body) as { chat: string; key: string };
      received.set(`${chat}/${key}`, (received.get(`${chat}/${key}`) ?? 0) + 1);
      accepted += 1;
      held = accepted === holdAt;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ hold: held }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    received,
    holdAfter(n: number) {
      holdAt = accepted + n;
    },
    open() {
      held = false;
      holdAt = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const started: ChildProcess[] = [];

/** A worker instance, loaded and connected (starting one takes seconds on a busy machine). */
function startWorker(args: string[]): Promise<ChildProcess> {
  const child: ChildProcess = fork(workerFile, args, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

/** Lets the worker send, and SIGKILLs it the moment it has sent a message it has not marked. */
function runUntilKilled(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.removeAllListeners('exit');
    child.once('message', () => child.kill('SIGKILL'));
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`worker exited by itself (${signal})`)),
    );
    child.send('go');
  });
}

describeBackends('outbox: kill -9 between send and mark', (backend) => {
  let store: StoreWithDatabase;
  let databaseUrl: string;
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  const handleKey = randomBytes(32);
  const cipher = createHandleCipher(handleKey);
  beforeEach(async () => {
    databaseUrl = await backend.another();
    store = createStore(databaseUrl, { cipher });
    platform = await startPlatform();
  });
  afterEach(async () => {
    // A failed run must not leave workers behind.
    for (const child of started.splice(0))
      if (child.exitCode === null && !child.killed) child.kill('SIGKILL');
    await platform.close();
    await store.close();
  });

  it('leaves at most one duplicate per crash, and every message arrives', async () => {
    for (let c = 0; c < CHATS; c++) {
      const chat = await store.handles.resolve('TELEGRAM', `chat-${c}`);
      await store.transaction((tx) =>
        tx.outbox.enqueue({
          handleId: chat.handleId,
          locale: 'uk',
          messages: Array.from({ length: MESSAGES_PER_CHAT }, (_, m) => ({ text: { key: `m${m}` } })),
        }),
      );
    }
    const args = (owner: string) => [databaseUrl, handleKey.toString('hex'), platform.url, owner];
    const workers = await Promise.all([startWorker(args('crashing-1')), startWorker(args('crashing-2'))]);
    // Two crashes: after the 5th message of the first instance, after the 7th of the second.
    for (const [n, worker] of [
      [5, workers[0]],
      [7, workers[1]],
    ] as const) {
      platform.holdAfter(n);
      await runUntilKilled(worker);
      platform.open();
    }

    // A living instance takes over once the killed ones' one-second leases have run out (the
    // workers ran on the real clock, so this one starts there).
    const clock = new TestClock(new Date());
    clock.advanceMinutes(2 / 60);
    const messenger: Messenger = {
      channel: 'TELEGRAM',
      async send(platformId, reply) {
        await fetch(platform.url, {
          method: 'POST',
          body: JSON.stringify({ chat: platformId, key: reply.text.key }),
        });
        return { ok: true, messageId: null };
      },
      async edit() {
        throw new Error('no edits here');
      },
    };
    const survivor = createOutboxDispatcher({
      queue: queueOf(store, cipher, 'survivor'),
      messengers: { TELEGRAM: messenger },
      clock,
      logger: silent,
    });
    for (let second = 0; second < 20; second++) {
      await survivor.drain();
      clock.advanceMinutes(1 / 60);
    }

    const counts = [...platform.received.values()];
    expect(platform.received.size).toBe(CHATS * MESSAGES_PER_CHAT);
    const duplicated = [...platform.received].filter(([, n]) => n > 1);
    expect(duplicated.every(([, n]) => n === 2)).toBe(true);
    expect(duplicated.length).toBeLessThanOrEqual(2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(CHATS * MESSAGES_PER_CHAT + duplicated.length);
    expect(await store.database.prisma.outboxMessage.count({ where: { status: { not: 'SENT' } } })).toBe(0);
  }, 180_000);
});
