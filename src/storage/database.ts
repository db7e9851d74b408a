// The types every part of src/storage shares: the Prisma client type and what one open database
// offers. A leaf module (types only), so that the backends (sqlite-adapter.ts,
// postgres-connection.ts) and the factory that picks one (prisma.ts) do not import each other.
import type { Provider } from './database-url.js';
import type { Prisma, PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import type { Sql } from './sql.js';

/**
 * The client type the repositories are written against. Both clients are generated from the same
 * models (scripts/schema-variants.ts changes only the provider and output path), so their model
 * delegates, argument and result types are identical; the PostgreSQL client is presented under the
 * SQLite client's type. The only API the SQLite type lacks is PostgreSQL-only options (e.g.
 * createMany's skipDuplicates, case-insensitive mode), which storage therefore does not use.
 */
export type Db = SqliteClient;
/** The client as seen inside a transaction. */
export type DbTx = Prisma.TransactionClient;

/**
 * What storage code gets inside one transaction: the ORM and plain SQL, both bound to that
 * transaction's connection. Only the transaction's own work holds these; they are its unit of work.
 */
export interface TransactionScope {
  db: DbTx;
  sql: Sql;
}

/** One backend's connection(s), as sqlite-adapter.ts and postgres-connection.ts build them. */
export interface Connection {
  /** The ORM outside any transaction: each query stands alone. */
  prisma: Db;
  /** Plain SQL outside any transaction (see sql.ts for why it exists). */
  sql: Sql;
  /**
   * Runs `work` in one transaction, opened natively rather than as Prisma's interactive
   * transaction (which cost more than the work of a typical update on both backends), and commits
   * it when `work` resolves (rolls back when it throws). `work` must use the scope it is given:
   * the connection-wide `prisma` and `sql` are not in the transaction.
   */
  transaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Database extends Connection {
  provider: Provider;
}

export interface DatabaseOptions {
  /**
   * PostgreSQL: connections this process may hold for work outside transactions (default 10).
   * SQLite always uses one.
   */
  maxConnections?: number;
  /** PostgreSQL: connections for transactions (default TRANSACTION_CONNECTIONS, at most maxConnections). */
  transactionConnections?: number;
}
