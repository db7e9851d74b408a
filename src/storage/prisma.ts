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

export interface DatabaseOptions {
  /**
   * PostgreSQL: connections this process may hold for work outside transactions (default 10), and
   * for transactions (at most 4, see postgres-connection.ts). SQLite always uses one.
   */
  maxConnections?: number;
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
    transactionConnections: Math.min(maxConnections, 4),
  });
  return { provider, ...postgres };
}
