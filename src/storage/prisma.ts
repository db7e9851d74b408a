// The Prisma client factory: one data model, two generated clients (SQLite and PostgreSQL), one
// client type for the rest of src/storage.
import { type Provider, providerOf } from './database-url.js';
import { type Prisma, PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import { postgresConnection } from './postgres-connection.js';
import type { Sql } from './sql.js';
import { sqliteConnection } from './sqlite-adapter.js';

/**
 * The client type the repositories are written against. Both clients are generated from the same
 * models (scripts/schema-variants.ts changes only the provider and output path), so their model
 * delegates, argument and result types are identical; the PostgreSQL client is presented under the
 * SQLite client's type. The only API the SQLite type lacks is PostgreSQL-only options (e.g.
 * createMany's skipDuplicates, case-insensitive mode), which storage therefore does not use.
 */
export type Db = SqliteClient;
/** The client as seen inside an interactive transaction. */
export type DbTx = Prisma.TransactionClient;

/** What storage code uses inside one transaction: the ORM and plain SQL, both in it. */
export interface TransactionScope {
  db: DbTx;
  sql: Sql;
}

export interface Database {
  prisma: Db;
  provider: Provider;
  /** Plain SQL outside any transaction (see sql.ts for why it exists). */
  sql: Sql;
  /**
   * One transaction, opened natively rather than as Prisma's interactive transaction (which cost
   * more than the work of a typical update on both backends). SQLite: BEGIN IMMEDIATE (see
   * sqlite-adapter.ts); PostgreSQL: BEGIN on a held connection (see postgres-connection.ts).
   */
  transaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

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

export interface DatabaseOptions {
  /**
   * PostgreSQL: connections this process may hold for work outside transactions (default 10).
   * SQLite always uses one.
   */
  maxConnections?: number;
  /** PostgreSQL: connections for transactions (default TRANSACTION_CONNECTIONS, at most maxConnections). */
  transactionConnections?: number;
}

/** Opens (lazily: the first query connects) the database named by `databaseUrl`. */
export function openDatabase(databaseUrl: string, options: DatabaseOptions = {}): Database {
  const provider = providerOf(databaseUrl);
  if (provider === 'sqlite') {
    const connection = sqliteConnection(databaseUrl, () => prisma.$connect());
    const prisma: Db = new SqliteClient({ adapter: connection.factory });
    return {
      prisma,
      provider,
      sql: connection.sql,
      transaction: (work) => connection.transaction(() => work({ db: prisma, sql: connection.sql })),
      close: () => prisma.$disconnect(),
    };
  }
  const maxConnections = options.maxConnections ?? 10;
  const postgres = postgresConnection(databaseUrl, {
    maxConnections,
    transactionConnections:
      options.transactionConnections ?? Math.min(maxConnections, TRANSACTION_CONNECTIONS),
  });
  return { provider, ...postgres };
}
