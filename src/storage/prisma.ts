// Opens the database a URL names: SQLite (sqlite-adapter.ts) or PostgreSQL (postgres-connection.ts),
// each behind the same Database interface (database.ts).
import type { Database, DatabaseOptions } from './database.js';
import { providerOf } from './database-url.js';
import { postgresConnection } from './postgres-connection.js';
import { sqliteConnection } from './sqlite-adapter.js';

export type { Database, DatabaseOptions, Db, DbTx, TransactionScope } from './database.js';

/**
 * PostgreSQL connections that hold transactions. A transaction keeps its connection until COMMIT
 * has been flushed to disk, and an fdatasync takes ~2.7 ms on this machine (pg_test_fsync): with 4
 * connections intake could not pass ~4 commits per fsync, which is about where
 * `npm run bench -- --postgres` stopped (605 updates/s on a quiet machine). With more, commits that
 * arrive together share one fsync (PostgreSQL's group commit); 16 gave ~1.5x the updates/s of 4 on
 * the busy machine. 8 leaves room for four instances (with their other pools) within PostgreSQL's
 * default of 100 connections. Slots open only when needed; each is a server process and a Prisma client.
 */
export const TRANSACTION_CONNECTIONS = 8;

/** Opens (lazily: the first query connects) the database named by `databaseUrl`. */
export function openDatabase(databaseUrl: string, options: DatabaseOptions = {}): Database {
  const provider = providerOf(databaseUrl);
  if (provider === 'sqlite') return { provider, ...sqliteConnection(databaseUrl) };
  const maxConnections = options.maxConnections ?? 10;
  const postgres = postgresConnection(databaseUrl, {
    maxConnections,
    transactionConnections:
      options.transactionConnections ?? Math.min(maxConnections, TRANSACTION_CONNECTIONS),
  });
  return { provider, ...postgres };
}
