// Planner statistics for the outbox while a backlog builds (src/storage/outbox-statistics.ts): on
// PostgreSQL a dispatcher round that sees a full page of candidates ANALYZEs the outbox tables, at
// most once per 15 s of the injected clock; a quiet round never does; SQLite never does.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandleCipher } from '../../../src/crypto/handle-cipher.js';
import { outboxStatisticsSettled } from '../../../src/storage/outbox-statistics.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describePostgres, freshSqliteUrl } from '../../helpers/db.js';
import { within } from '../../helpers/within.js';
import { queueOf } from '../jobs/outbox-world.js';
import { TestClock } from '../queue/world.js';

/** More waiting chats than a round looks at (64), even after three rounds took 8 each. */
const BACKLOG_CHATS = 100;
const LEASE_MS = 60_000;
const seconds = (clock: TestClock, s: number) => clock.advanceMinutes(s / 60);
const cipher = createHandleCipher(randomBytes(32));

async function repliesWaiting(store: StoreWithDatabase, chats: number): Promise<void> {
  for (let i = 0; i < chats; i++) {
    const chat = await store.handles.resolve('TELEGRAM', String(1_000 + i));
    await store.transaction((tx) =>
      tx.outbox.enqueue({ handleId: chat.handleId, locale: 'uk', messages: [{ text: { key: `to-${i}` } }] }),
    );
  }
}

/** A dispatcher round, and the ANALYZE it may have started (it runs beside the sends, not before). */
async function round(store: StoreWithDatabase, clock: TestClock) {
  const taken = await queueOf(store, cipher).takeRound('TELEGRAM', clock.now(), 8, LEASE_MS);
  await outboxStatisticsSettled(store.database);
  return taken;
}

describePostgres('outbox planner statistics', {}, (backend) => {
  let url: string;
  let store: StoreWithDatabase;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock();
    url = await backend.another();
    store = createStore(url, { cipher, clock });
  });
  afterEach(() => store.close());

  /** Manual ANALYZEs of the three tables the heads query reads (autovacuum's are counted apart). */
  async function analyzed(): Promise<Record<string, number>> {
    const rows = await store.database.sql.all<{ relname: string; analyze_count: unknown }>(
      `SELECT relname, analyze_count FROM pg_stat_user_tables
       WHERE relname IN ('OutboxMessage', 'ChatHandle', 'SendPace') ORDER BY relname`,
      [],
    );
    return Object.fromEntries(rows.map((r) => [r.relname, Number(r.analyze_count)]));
  }

  it('a backlogged round analyzes the outbox tables, again only after 15 s by the clock', async () => {
    await repliesWaiting(store, BACKLOG_CHATS);
    const before = await analyzed();
    expect(before).toEqual({ ChatHandle: 0, OutboxMessage: 0, SendPace: 0 });

    expect((await round(store, clock)).picked.length).toBeGreaterThan(0);
    expect(await analyzed()).toEqual({ ChatHandle: 1, OutboxMessage: 1, SendPace: 1 });

    seconds(clock, 14.9);
    expect((await round(store, clock)).picked.length).toBeGreaterThan(0);
    expect(await analyzed()).toEqual({ ChatHandle: 1, OutboxMessage: 1, SendPace: 1 });

    seconds(clock, 0.1);
    expect((await round(store, clock)).picked.length).toBeGreaterThan(0);
    expect(await analyzed()).toEqual({ ChatHandle: 2, OutboxMessage: 2, SendPace: 2 });
  });

  it('the picked entries do not wait for an ANALYZE held up by a lock (autovacuum, another instance)', async () => {
    await repliesWaiting(store, BACKLOG_CHATS);
    // What autovacuum or another instance's ANALYZE holds: a lock every ANALYZE of SendPace waits for.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('LOCK TABLE "SendPace" IN SHARE UPDATE EXCLUSIVE MODE');
      const taken = await within(
        'end of a round behind the lock',
        queueOf(store, cipher).takeRound('TELEGRAM', clock.now(), 8, LEASE_MS),
      );
      expect(taken.picked.length).toBeGreaterThan(0);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    await within('end of the ANALYZE after the lock', outboxStatisticsSettled(store.database));
    expect(await analyzed()).toEqual({ ChatHandle: 1, OutboxMessage: 1, SendPace: 1 });
  });

  it('a round with less than a page of candidates leaves the statistics to autovacuum', async () => {
    await repliesWaiting(store, 10);
    expect((await round(store, clock)).picked.length).toBeGreaterThan(0);
    expect(await analyzed()).toEqual({ ChatHandle: 0, OutboxMessage: 0, SendPace: 0 });
  });
});

describe('outbox planner statistics [sqlite]', () => {
  let store: StoreWithDatabase;
  const clock = new TestClock();
  beforeEach(() => {
    store = createStore(freshSqliteUrl(), { cipher, clock });
  });
  afterEach(() => store.close());

  it('SQLite never analyzes, backlog or not (it would leave sqlite_stat1 behind)', async () => {
    await repliesWaiting(store, BACKLOG_CHATS);
    expect((await round(store, clock)).picked.length).toBeGreaterThan(0);
    const stat = await store.database.sql.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'",
      [],
    );
    expect(stat).toEqual([]);
  });
});
