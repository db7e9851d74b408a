// Opens the database a URL names: SQLite (sqlite-adapter.ts) or PostgreSQL (postgres-connection.ts),
// each behind the same Database interface (database.ts).
import type { Database, DatabaseOptions } from './database.js';
import { providerOf } from './database-url.js';
import { postgresConnection } from './postgres-connection.js';
import { sqliteConnection } from './sqlite-adapter.js';

export type { Database, DatabaseOptions, Db, DbTx, TransactionScope } from './database.js';

/** Opens (lazily: the first query connects) the database named by `databaseUrl`. */
export function openDatabase(databaseUrl: string, options: DatabaseOptions = {}): Database {
  const provider = providerOf(databaseUrl);
  if (provider === 'sqlite') return { provider, ...sqliteConnection(databaseUrl) };
  const maxConnections = options.maxConnections ?? 10;
  const postgres = postgresConnection(databaseUrl, {
    maxConnections,
    transactionConnections: Math.min(maxConnections, 4),
  });
  return { provider, ...postgres };
}
