// The app migrates its own database at start, offline, and records it exactly as `prisma migrate
// deploy` would, so that a team with the Prisma CLI can take over the same database.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { applyMigrations, migrationsDirFor } from '../../../src/storage/migrations.js';
import { openDatabase } from '../../../src/storage/prisma.js';
import { describeBackends } from '../../helpers/db.js';

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  applied_steps_count: unknown;
}

describeBackends('applyMigrations on an empty database', { empty: true }, (backend) => {
  const onDisk = () => {
    const dir = migrationsDirFor(backend.provider);
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
      .map((name) => ({
        name,
        checksum: createHash('sha256')
          .update(readFileSync(join(dir, name, 'migration.sql')))
          .digest('hex'),
      }));
  };

  it('applies every migration once and records each with its checksum, like migrate deploy', async () => {
    const expected = onDisk();
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations(backend.url)).toEqual(expected.map((m) => m.name));

    const db = openDatabase(backend.url);
    try {
      const rows = await db.prisma.$queryRawUnsafe<MigrationRow[]>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(expected);
      for (const row of rows) {
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(Number(row.applied_steps_count)).toBe(1);
      }
      // The schema is really there: the tables the app uses answer queries.
      expect(await db.prisma.request.count()).toBe(0);
      expect(await db.prisma.centre.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(backend.url)).toEqual([]);
  });

  it('applies only the migration added since the last run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'poruch-migrations-'));
    const folder = backend.provider === 'sqlite' ? 'sqlite' : 'postgres';
    cpSync(migrationsDirFor(backend.provider), join(root, folder), { recursive: true });
    const later = '29991231235959_add_note';
    mkdirSync(join(root, folder, later));
    writeFileSync(
      join(root, folder, later, 'migration.sql'),
      'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n',
    );
    try {
      expect(await applyMigrations(backend.url, { migrationsRoot: root })).toEqual([later]);
      expect(await applyMigrations(backend.url, { migrationsRoot: root })).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
