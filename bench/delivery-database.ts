// The database a delivery benchmark runs on: a new SQLite file, or a new database on the PostgreSQL
// server BENCH_DATABASE_URL names (dropped afterwards), so that every run starts empty.
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../src/storage/database-url.js';

export interface BenchDatabase {
  kind: 'SQLite' | 'PostgreSQL';
  url: string;
  drop(): Promise<void>;
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function benchDatabase(serverUrl: string | undefined, workDir: string): Promise<BenchDatabase> {
  if (!serverUrl)
    return { kind: 'SQLite', url: `file:${path.join(workDir, 'bench.db')}`, drop: async () => {} };
  const name = `poruch_bench_${Date.now()}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    kind: 'PostgreSQL',
    url: withDatabase(serverUrl, name),
    drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
