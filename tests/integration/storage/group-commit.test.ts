// SQLite commits transactions that queue up at the same moment together (one fsync per group). Each
// still stands or falls on its own, and nobody hears "done" before the group is on disk.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src/storage/prisma.js';
import { createStore } from '../../../src/storage/store.js';
import { freshSqliteUrl } from '../../helpers/db.js';

const RECORD = 'INSERT INTO "ProcessedUpdate" ("channel", "updateId", "createdAt") VALUES (?, ?, ?)';

describe('SQLite group commit', () => {
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

  it('a transaction resolves only once its group is committed: another connection already sees it', async () => {
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

  it('a write outside any transaction joins a group too, and a read waits for the group', async () => {
    const inside = db.transaction(async ({ sql }) => {
      await sql.run(RECORD, ['TELEGRAM', 'inside', new Date()]);
      return 'inside';
    });
    const outside = db.sql.run(RECORD, ['TELEGRAM', 'outside', new Date()]);
    expect(await Promise.all([inside, outside])).toEqual(['inside', 1]);
    const rows = await db.sql.all<{ updateId: string }>(
      'SELECT "updateId" FROM "ProcessedUpdate" ORDER BY 1',
    );
    expect(rows.map((r) => r.updateId)).toEqual(['inside', 'outside']);
  });

  it('a read from outside and one inside a transaction, in the same tick, never wait on each other', async () => {
    // Prisma batches findUnique calls of one tick across callers and runs the batch in the first
    // caller's context: outside the transaction, it would wait for the lock the transaction holds
    // while the transaction waits for the batch. Storage therefore reads with findFirst.
    const store = createStore(url);
    try {
      let go: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        go = resolve;
      });
      // Registered here, so it runs outside the transaction, in the same tick as the read inside.
      const outside = gate.then(() => store.requests.findById('asked-from-outside'));
      const inside = store.transaction(async (tx) => {
        go();
        await Promise.resolve();
        return tx.requests.findById('asked-inside');
      });
      expect(await Promise.all([outside, inside])).toEqual([null, null]);
    } finally {
      await store.close();
    }
  });

  it('storage code never reads with findUnique, so no other repository can bring that back', () => {
    const dir = new URL('../../../src/storage/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files)
      expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/\.findUnique/);
  });
});
