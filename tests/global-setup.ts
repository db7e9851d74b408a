// Runs once per `vitest run`: migrates one template SQLite file and (when reachable) one template
// PostgreSQL database, so each test file gets its own database by a cheap copy instead of a migration.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../src/storage/database-url.js';
import { applyMigrations } from '../src/storage/migrations.js';
import { POSTGRES_URL, postgresAvailable } from './helpers/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prefix of every database and temp folder of this run, so teardown finds all of them. */
    runId: string;
    /** Folder of this run's SQLite files. */
    sqliteDir: string;
    /** A migrated SQLite file to copy. */
    sqliteTemplate: string;
    /** Name of a migrated PostgreSQL database to use as CREATE DATABASE ... TEMPLATE; null when unreachable. */
    postgresTemplate: string | null;
  }
}

async function dropRunDatabases(runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${runId}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const RUN_PREFIX = 'poruch_test_';

/** A run killed before its teardown (Ctrl-C, timeout) leaves databases and files; its process is gone. */
const isStale = (name: string) => {
  const pid = Number(name.slice(RUN_PREFIX.length).split('_')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

async function removeStaleRuns(withPostgres: boolean): Promise<void> {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(RUN_PREFIX) && isStale(n))) {
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  if (!withPostgres) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${RUN_PREFIX}%`],
    );
    for (const { datname } of rows.filter((r) => isStale(r.datname))) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const runId = `${RUN_PREFIX}${process.pid}_${Date.now().toString(36)}`;
  const withPostgres = await postgresAvailable();
  await removeStaleRuns(withPostgres);
  const sqliteDir = join(tmpdir(), runId);
  mkdirSync(sqliteDir, { recursive: true });
  const sqliteTemplate = join(sqliteDir, 'template.db');
  await applyMigrations(`file:${sqliteTemplate}`);

  let postgresTemplate: string | null = null;
  if (withPostgres) {
    postgresTemplate = `${runId}_template`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${postgresTemplate}"`);
    await admin.end();
    // applyMigrations closes its connections: a template database must have none when copied.
    await applyMigrations(withDatabase(POSTGRES_URL, postgresTemplate));
  }

  project.provide('runId', runId);
  project.provide('sqliteDir', sqliteDir);
  project.provide('sqliteTemplate', sqliteTemplate);
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(sqliteDir, { recursive: true, force: true });
    if (postgresTemplate) await dropRunDatabases(runId);
  };
}
