// What a DATABASE_URL names: an SQLite file (`file:./data/poruch.db`) or a PostgreSQL database.
import { resolve } from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  throw new Error('database URL must start with file: or postgresql://');
}

/** Absolute path of an SQLite file URL; relative paths are taken from the working directory. */
export function sqliteFileOf(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '');
  if (path === '' || path === ':memory:') {
    // The migrator and the app use separate connections, which never share an in-memory database.
    throw new Error('SQLite needs a database file, not :memory:');
  }
  return resolve(path);
}

/** The same server and credentials, another database (for shadow and test databases). */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
