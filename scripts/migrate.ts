// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default file:./data/poruch.db).
// `npm run db:migrate:create -- NAME`: writes prisma/migrations/{sqlite,postgres}/<timestamp>_<name>/
// migration.sql from the difference between the existing migrations and prisma/schema.prisma.
// Both run on Prisma's wasm schema engine (@prisma/schema-engine-wasm), so the native engine, which
// Prisma's CLI would download, is not needed. Creating the PostgreSQL migration needs a live server
// (POSTGRES_URL): the engine diffs against a real shadow database.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerOf } from '../src/storage/database-url.js';
import { diffMigrationsToSchema } from '../src/storage/migration-diff.js';
import {
  applyMigrations,
  LOCKFILE,
  lockfileContent,
  migrationsDirFor,
  readMigrations,
} from '../src/storage/migrations.js';
import { type Provider, schemaFor, schemaPath } from './schema-variants.js';

const DEFAULT_DATABASE_URL = 'file:./data/poruch.db';
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';

/** Credentials never reach the terminal. */
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

async function deploy(): Promise<void> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const applied = await applyMigrations(url);
  console.log(
    applied.length === 0
      ? `${redact(url)}: up to date (${providerOf(url)})`
      : `${redact(url)}: applied ${applied.join(', ')}`,
  );
}

/** The CLI's timestamp: UTC, YYYYMMDDHHMMSS. */
const timestamp = (d = new Date()) => d.toISOString().replace(/\D/g, '').slice(0, 14);

/** Like the CLI: lower case, anything but letters, digits and _ becomes _, at most 200 characters. */
const slug = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);

async function diffFor(provider: Provider, workUrl: string): Promise<string | null> {
  return diffMigrationsToSchema({
    workDatabaseUrl: workUrl,
    migrationsDir: migrationsDirFor(provider),
    schema: { path: schemaPath, content: schemaFor(provider) },
  });
}

async function create(rawName: string | undefined): Promise<void> {
  const name = slug(rawName ?? '');
  if (!name) throw new UsageError('usage: npm run db:migrate:create -- NAME   (e.g. add_outcome_note)');

  const postgresUrl = process.env.POSTGRES_URL || DEFAULT_POSTGRES_URL;
  const scratch = mkdtempSync(join(tmpdir(), 'poruch-migrate-'));
  // Both diffs first, then write: the two histories must not drift apart if PostgreSQL is down.
  let scripts: Record<Provider, string | null>;
  try {
    const sqlite = await diffFor('sqlite', `file:${join(scratch, 'work.db')}`);
    const postgresql = await diffFor('postgresql', postgresUrl).catch((error: unknown) => {
      throw new UsageError(
        `PostgreSQL is needed to create the PostgreSQL migration but ${redact(postgresUrl)} failed: ` +
          `${error instanceof Error ? error.message : String(error)}\nStart it or set POSTGRES_URL; nothing was written.`,
      );
    });
    scripts = { sqlite, postgresql };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const folder = `${timestamp()}_${name}`;
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const dir = migrationsDirFor(provider);
    const script = scripts[provider];
    if (script === null) {
      console.log(`${provider}: no changes`);
      continue;
    }
    await mkdir(join(dir, folder), { recursive: true });
    await writeFile(join(dir, folder, 'migration.sql'), script);
    if ((await readMigrations(dir)).lockfile.content === null) {
      await writeFile(join(dir, LOCKFILE), lockfileContent(provider));
    }
    console.log(`${provider}: wrote ${join(dir, folder, 'migration.sql')}`);
  }
}

class UsageError extends Error {}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'deploy') await deploy();
  else if (command === 'create') await create(args.find((a) => !a.startsWith('-')));
  else throw new UsageError('usage: tsx scripts/migrate.ts deploy | create NAME');
} catch (error) {
  console.error(error instanceof UsageError ? error.message : error);
  process.exitCode = 1;
}
