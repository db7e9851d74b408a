// Everything a database copy or a backup would hold, as text to search: for SQLite the raw bytes of
// the file and its write-ahead log (old versions of overwritten rows live on there), for PostgreSQL
// every row of every table as pg_dump would write it. Both are returned as bytes (see asBytes).
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { providerOf, sqliteFileOf } from '../../src/storage/database-url.js';

export async function rawDatabaseText(databaseUrl: string): Promise<string> {
  if (providerOf(databaseUrl) === 'sqlite') {
    const file = sqliteFileOf(databaseUrl);
    const parts = [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
    // latin1 keeps every byte as one character, so ASCII secrets are found wherever they sit.
    return parts.map((bytes) => bytes.toString('latin1')).join('\n');
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const rows: string[] = [];
    for (const { name } of tables.rows) {
      const dump = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
      rows.push(...dump.rows.map((r) => r.row));
    }
    return asBytes(rows.join('\n'));
  } finally {
    await client.end();
  }
}

/** A text as its UTF-8 bytes, one character per byte: how it is searched for in raw data. */
export const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** The needles found in raw data, so that a failing test names what leaked. */
export function leaked(raw: string, needles: string[]): string[] {
  return needles.filter((needle) => raw.includes(asBytes(needle)));
}
