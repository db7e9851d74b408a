// SQLite runs one transaction at a time per file. Each transaction's work gets its own handles; what
// runs outside (other requests, the outbox dispatcher) waits its turn and is never part of it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src/storage/prisma.js';
import { freshSqliteUrl } from '../../helpers/db.js';

const RECORD = 'INSERT INTO "ProcessedUpdate" ("channel", "updateId", "createdAt") VALUES (?, ?, ?)';

describe('SQLite transactions', () => {
  let url: string;
  let db: Database;
  beforeEach(() => {
    url = freshSqliteUrl();
    db = openDatabase(url);
  });
  afterEach(() => db.close());

  const recorded = async () =>
    (await db.prisma.processedUpdate.findMany({ select: { updateId: true } })).map((r) => r.updateId).sort();

  it('fifty updates at once: the failing ones leave no trace, the others are all kept', async () => {
    const fails = (i: number) => i % 7 === 3;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction(async ({ sql }) => {
          await sql.run(RECORD, ['TELEGRAM', `u${i}`, new Date()]);
          if (fails(i)) throw new Error(`update ${i} failed half-way`);
          return i;
        }),
      ),
    );
    const kept = results.flatMap((r) => (r.status === 'fulfilled' ? [`u${r.value}`] : []));
    expect(kept).toHaveLength(43);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(7);
    expect(await recorded()).toEqual(kept.sort());
  });

  it('an ORM write inside the transaction is undone with it', async () => {
    await expect(
      db.transaction(async ({ db: tx, sql }) => {
        await sql.run(RECORD, ['TELEGRAM', 'plain', new Date()]);
        await tx.processedUpdate.create({ data: { channel: 'VIBER', updateId: 'orm' } });
        throw new Error('undo both');
      }),
    ).rejects.toThrow('undo both');
    expect(await recorded()).toEqual([]);
  });

  it('a transaction resolves only once it is committed: another connection already sees it', async () => {
    await Promise.all(
      ['a', 'b', 'c'].map((id) => db.transaction(({ sql }) => sql.run(RECORD, ['TELEGRAM', id, new Date()]))),
    );
    const other = openDatabase(url);
    try {
      expect(await other.prisma.processedUpdate.count()).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('a write from outside waits for the open transaction and is not undone with it', async () => {
    let entered = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const failing = db.transaction(async ({ sql }) => {
      await sql.run(RECORD, ['TELEGRAM', 'inside', new Date()]);
      entered();
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('abort');
    });
    await inside;
    const outside = db.sql.run(RECORD, ['TELEGRAM', 'outside', new Date()]);
    await expect(failing).rejects.toThrow('abort');
    expect(await outside).toBe(1);
    expect(await recorded()).toEqual(['outside']);
  });

  it('the ORM inside and outside a transaction, in the same tick, never wait on each other', async () => {
    // Prisma batches findUnique calls of one tick per client: the transaction's client is its own,
    // so a read from outside can never be batched into (and wait behind) the transaction's.
    let go: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      go = resolve;
    });
    const outside = gate.then(() => db.prisma.request.findUnique({ where: { id: 'asked-from-outside' } }));
    const inside = db.transaction(async ({ db: tx }) => {
      go();
      await Promise.resolve();
      return tx.request.findUnique({ where: { id: 'asked-inside' } });
    });
    expect(await Promise.all([outside, inside])).toEqual([null, null]);
  });

  it('commits to the write-ahead log without an fsync per commit (synchronous = NORMAL)', async () => {
    const [mode] = await db.sql.all<{ journal_mode: string }>('PRAGMA journal_mode');
    const [sync] = await db.sql.all<{ synchronous: number }>('PRAGMA synchronous');
    expect(mode?.journal_mode).toBe('wal');
    expect(Number(sync?.synchronous)).toBe(1);
  });
});
