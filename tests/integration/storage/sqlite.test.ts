// The embedded database: a file the app creates on first start and shares with other processes.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/storage/migrations.js';
import { openDatabase } from '../../../src/storage/prisma.js';
import { createStore } from '../../../src/storage/store.js';
import { addReporter, caseCode, directory, newRequest } from './fixtures.js';

describe('SQLite file', () => {
  const root = mkdtempSync(join(tmpdir(), 'poruch-sqlite-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is created with its folder, migrated, and opened in WAL mode with foreign keys on', async () => {
    const url = `file:${join(root, 'data', 'nested', 'poruch.db')}`;
    const applied = await applyMigrations(url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual([]);
    expect(existsSync(join(root, 'data', 'nested', 'poruch.db'))).toBe(true);

    const db = openDatabase(url);
    try {
      const [journal] = await db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      const [keys] = await db.prisma.$queryRawUnsafe<{ foreign_keys: unknown }[]>('PRAGMA foreign_keys');
      expect(journal?.journal_mode).toBe('wal');
      expect(Number(keys?.foreign_keys)).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('cascades deletes through foreign keys (a deleted request takes its messages along)', async () => {
    const url = `file:${join(root, 'cascade.db')}`;
    await applyMigrations(url);
    const store = createStore(url);
    try {
      await store.directory.replace(directory);
      const reporter = await addReporter(store.database.prisma);
      const request = await store.requests.create({
        ...newRequest(reporter),
        caseCode: caseCode(),
        continuationHash: null,
      });
      await store.messages.add(request?.id ?? '', 'REPORTER', 'текст');
      await store.database.prisma.request.delete({ where: { id: request?.id ?? '' } });
      expect(await store.database.prisma.message.count()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('refuses :memory:, which the migrator and the app could never share', () => {
    expect(() => openDatabase('file::memory:')).toThrow(/database file/);
  });
});
