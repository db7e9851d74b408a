// The benchmark's databases: a temp SQLite file, or a fresh PostgreSQL database per run (dropped after).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../src/storage/database-url.js';

/** Where `npm run bench -- --postgres` makes its databases (trust auth, as in development). */
export const BENCH_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

export function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'poruch-bench-'));
  return {
    url: `file:${path.join(dir, 'bench.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** An EMPTY database: the instances migrate it and load the directory themselves, as in production. */
export async function postgresDatabase(): Promise<BenchDatabase> {
  const name = `poruch_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(BENCH_POSTGRES_URL, name),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
