// Driver adapters for the wasm schema engine. They work around three measured problems (each
// explained where it is handled below: multi-statement scripts on SQLite, PostgreSQL's shadow
// database, adapter-pg reading "char" columns) and keep track of every connection, because the
// engine does not close what it opens.
import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { providerOf, sqliteFileOf, withDatabase } from './database-url.js';

export interface MigrationConnections {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Closes every connection the engine opened, and drops any shadow database. */
  close(): Promise<void>;
}

export function migrationConnections(databaseUrl: string): MigrationConnections {
  return providerOf(databaseUrl) === 'sqlite'
    ? sqliteConnections(databaseUrl)
    : postgresConnections(databaseUrl);
}

/** Delegates everything to `inner`, so that single methods can be replaced. */
export function delegate(inner: SqlDriverAdapter, overrides: Partial<SqlDriverAdapter>): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => inner.queryRaw(q),
    executeRaw: (q) => inner.executeRaw(q),
    executeScript: (s) => inner.executeScript(s),
    startTransaction: (level) => inner.startTransaction(level),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: false },
    dispose: () => inner.dispose(),
    ...overrides,
  };
}

const isMultiStatementError = (error: unknown) =>
  error instanceof Error && /more than one statement/i.test(`${error.message} ${String(error.cause ?? '')}`);

function sqliteConnections(databaseUrl: string): MigrationConnections {
  const inner = new PrismaBetterSqlite3({ url: sqliteFileOf(databaseUrl), timeout: 10_000 });
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    let disposed = false;
    const wrapped = delegate(adapter, {
      // better-sqlite3 prepares one statement at a time; the engine sends whole migration scripts
      // through executeRaw (P3006 "contains more than one statement"), so those go to exec().
      executeRaw: async (query: SqlQuery) => {
        try {
          return await adapter.executeRaw(query);
        } catch (error) {
          if (query.args.length > 0 || !isMultiStatementError(error)) throw error;
          await adapter.executeScript(query.sql);
          return 0;
        }
      },
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        open.delete(wrapped);
        await adapter.dispose();
      },
    });
    open.add(wrapped);
    return wrapped;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'sqlite',
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    // An in-memory shadow database, owned by this one connection.
    connectToShadowDb: async () => track(await inner.connectToShadowDb()),
  };
  return {
    factory,
    close: async () => {
      for (const adapter of [...open]) await adapter.dispose();
    },
  };
}

/** The character type "char" (oid 18, e.g. pg_constraint.contype) as plain text. */
const PG_CHAR = 18;
const PG_TEXT = 25;

/**
 * adapter-pg rejects result columns of type "char" (UnsupportedNativeDataType), which the engine's
 * introspection queries return. Reporting them as text is exact: a "char" is one character.
 */
class IntrospectionPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
        return res;
      }) as never;
    }
    return result as never;
  }
}

function postgresConnections(databaseUrl: string): MigrationConnections {
  const pools = new Set<pg.Pool>();
  const shadowDatabases = new Set<string>();
  const poolFor = (url: string) => {
    const pool = new IntrospectionPool({ connectionString: url, max: 2 });
    pool.on('error', () => {}); // an idle client dropped by the server; the next query reconnects
    pools.add(pool);
    return pool;
  };
  const main = poolFor(databaseUrl);
  const adapterOn = (pool: pg.Pool) => new PrismaPg(pool).connect();

  const dropShadow = async (name: string) => {
    if (!shadowDatabases.delete(name)) return;
    await main.query(`DROP DATABASE IF EXISTS "${name}"`);
  };

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => adapterOn(main),
    // adapter-pg's own shadow database keeps the name from the connection string, i.e. it would
    // migrate the real database; this one creates, uses and drops a temporary database.
    connectToShadowDb: async () => {
      const name = `poruch_shadow_${randomUUID().replaceAll('-', '')}`;
      await main.query(`CREATE DATABASE "${name}"`);
      shadowDatabases.add(name);
      const pool = poolFor(withDatabase(databaseUrl, name));
      const adapter = await adapterOn(pool);
      return delegate(adapter, {
        dispose: async () => {
          if (!pools.delete(pool)) return;
          await pool.end();
          await dropShadow(name);
        },
      });
    },
  };
  return {
    factory,
    close: async () => {
      for (const pool of [...pools].filter((p) => p !== main)) await pool.end();
      pools.clear();
      for (const name of [...shadowDatabases]) await dropShadow(name);
      await main.end();
    },
  };
}
