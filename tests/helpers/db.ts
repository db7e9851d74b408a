// Real databases for tests, one per test file (or per call): never a mock of our own storage.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { type Provider, withDatabase } from '../../src/storage/database-url.js';
import { POSTGRES_URL, postgresAvailable, redacted } from './postgres.js';

export { POSTGRES_URL, postgresAvailable };

const newDir = () => mkdtempSync(join(inject('sqliteDir'), 'file-'));

/** A copy of the migrated template: a fresh, migrated SQLite database. */
export function freshSqliteUrl(): string {
  const file = join(newDir(), 'poruch.db');
  copyFileSync(inject('sqliteTemplate'), file);
  return `file:${file}`;
}

/** A file that does not exist yet: for testing migrations themselves. */
export function emptySqliteUrl(): string {
  return `file:${join(newDir(), 'empty.db')}`;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const uniqueName = () => `${inject('runId')}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

/** A new database; migrated (a copy of the template database) unless `empty`. Drop it with dropPostgres. */
export async function freshPostgresUrl(options: { empty?: boolean } = {}): Promise<string> {
  const template = inject('postgresTemplate');
  if (!template) throw new Error(`PostgreSQL not reachable at ${redacted(POSTGRES_URL)}`);
  const name = uniqueName();
  await admin((c) => c.query(`CREATE DATABASE "${name}"${options.empty ? '' : ` TEMPLATE "${template}"`}`));
  return withDatabase(POSTGRES_URL, name);
}

/** Drops a database made by freshPostgresUrl, even if a test left connections open. */
export async function dropPostgres(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith(inject('runId'))) throw new Error(`refusing to drop ${name}: not a test database`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface Backend {
  readonly provider: Provider;
  /** The database of this suite; ready in the suite's own beforeAll hooks and tests. */
  readonly url: string;
  /** Another database of the same backend, dropped with the suite. */
  another(options?: { empty?: boolean }): Promise<string>;
}

const isCi = () => ['1', 'true'].includes((process.env.CI ?? '').toLowerCase());

function suiteOn(
  provider: Provider,
  title: string,
  options: { empty?: boolean },
  fn: (b: Backend) => void,
  define: (title: string, body: () => void) => void = describe,
) {
  let url: string | undefined;
  const extra: string[] = [];
  const another = async (o: { empty?: boolean } = {}) => {
    const made =
      provider === 'sqlite' ? (o.empty ? emptySqliteUrl() : freshSqliteUrl()) : await freshPostgresUrl(o);
    extra.push(made);
    return made;
  };
  const backend: Backend = {
    provider,
    get url() {
      if (!url) throw new Error('the database is ready only inside hooks and tests');
      return url;
    },
    another,
  };
  define(title, () => {
    beforeAll(async () => {
      url = await another(options);
    });
    afterAll(async () => {
      if (provider === 'postgresql') for (const made of extra) await dropPostgres(made);
    });
    fn(backend);
  });
}

/**
 * Runs the same suite on SQLite and on PostgreSQL, each with its own fresh database. Without a
 * reachable PostgreSQL the PostgreSQL suite is skipped with a message, except under CI=true, where
 * it fails: CI must never pass without having tested PostgreSQL.
 */
export function describeBackends(name: string, fn: (backend: Backend) => void): void;
export function describeBackends(
  name: string,
  options: { empty?: boolean },
  fn: (backend: Backend) => void,
): void;
export function describeBackends(
  name: string,
  optionsOrFn: { empty?: boolean } | ((backend: Backend) => void),
  maybeFn?: (backend: Backend) => void,
): void {
  const [options, fn] = typeof optionsOrFn === 'function' ? [{}, optionsOrFn] : [optionsOrFn, maybeFn];
  if (!fn) throw new Error('describeBackends needs a suite function');
  suiteOn('sqlite', `${name} [sqlite]`, options, fn);
  describePostgres(name, options, fn);
}

/**
 * A suite that only PostgreSQL has (LISTEN/NOTIFY, planner statistics), with its own fresh
 * database: skipped with a message without PostgreSQL, and failing under CI=true.
 */
export function describePostgres(
  name: string,
  options: { empty?: boolean },
  fn: (backend: Backend) => void,
): void {
  if (inject('postgresTemplate')) {
    suiteOn('postgresql', `${name} [postgresql]`, options, fn);
    return;
  }
  const message = `PostgreSQL not reachable at ${redacted(POSTGRES_URL)}; skipping PostgreSQL tests`;
  if (isCi()) {
    describe(`${name} [postgresql]`, () => {
      it('needs PostgreSQL under CI=true', () => {
        throw new Error(`${message.replace('; skipping PostgreSQL tests', '')}: CI=true requires it`);
      });
    });
  } else {
    console.warn(message);
    suiteOn('postgresql', `${name} [postgresql] (${message})`, options, fn, describe.skip);
  }
}
