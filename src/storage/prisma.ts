// The Prisma client factory: one data model, two generated clients (SQLite and PostgreSQL), one
// client type for the rest of src/storage.
import { PrismaPg } from '@prisma/adapter-pg';
import { type Provider, providerOf } from './database-url.js';
import { PrismaClient as PostgresClient } from './generated/postgres/client.js';
import { type Prisma, PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import { sqliteAdapterFactory } from './sqlite-adapter.js';

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

export interface Database {
  prisma: Db;
  provider: Provider;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL: connections this process may hold (pg's default: 10). SQLite always uses one. */
  maxConnections?: number;
}

/** Opens (lazily: the first query connects) the database named by `databaseUrl`. */
export function openDatabase(databaseUrl: string, options: DatabaseOptions = {}): Database {
  const provider = providerOf(databaseUrl);
  const prisma =
    provider === 'sqlite'
      ? new SqliteClient({ adapter: sqliteAdapterFactory(databaseUrl) })
      : (new PostgresClient({
          adapter: new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 }),
        }) as unknown as Db);
  return { prisma, provider, close: () => prisma.$disconnect() };
}
