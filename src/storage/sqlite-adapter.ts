// The better-sqlite3 driver adapter, made safe for an app that serves many chats at once and shares
// its database file with other processes (a CLI import, a second worker).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { sqliteFileOf } from './database-url.js';

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** One async lock: the next holder starts when the previous one releases. */
class Lock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * Wraps one better-sqlite3 connection. Two things the stock adapter does not do:
 * 1. It runs queries issued outside a transaction on the same connection while a transaction is
 *    open, so they would silently join (and roll back with) someone else's transaction. Here they
 *    wait until the transaction ends.
 * 2. It opens transactions with a deferred BEGIN: a transaction that reads before it writes then
 *    fails at once with SQLITE_BUSY when another process wrote in between (the busy timeout does not
 *    apply to upgrading a read snapshot). BEGIN IMMEDIATE takes the write lock first, waiting up to
 *    the busy timeout, so transactions from several processes queue up instead of failing.
 * The lock is shared by every connection to the same file in this process: better-sqlite3 waits for
 * a busy file synchronously, so a second connection in the same process waiting on the first would
 * block the event loop the first needs to finish its transaction (measured: 10 s stalls, then
 * SQLITE_BUSY). Across processes, SQLite's own locking and the busy timeout take over.
 */
function serialized(inner: SqlDriverAdapter, lock: Lock): SqlDriverAdapter {
  const outside = <T>(work: () => Promise<T>) => lock.run(work);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => outside(() => inner.queryRaw(q)),
    executeRaw: (q) => outside(() => inner.executeRaw(q)),
    executeScript: (s) => outside(() => inner.executeScript(s)),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: false },
    dispose: () => lock.run(() => inner.dispose()),
    startTransaction: async (isolationLevel?: IsolationLevel): Promise<Transaction> => {
      if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
        throw new Error(`SQLite transactions are always SERIALIZABLE, not ${isolationLevel}`);
      }
      const release = await lock.acquire();
      try {
        await inner.executeRaw(statement('BEGIN IMMEDIATE'));
      } catch (error) {
        release();
        throw error;
      }
      let ended = false;
      const end = async () => {
        if (ended) return;
        ended = true;
        release();
      };
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        // Prisma sends COMMIT / ROLLBACK itself through executeRaw, then calls commit()/rollback().
        options: { usePhantomQuery: false },
        queryRaw: (q) => inner.queryRaw(q),
        executeRaw: (q) => inner.executeRaw(q),
        commit: end,
        rollback: end,
        createSavepoint: async (name) => void (await inner.executeRaw(statement(`SAVEPOINT ${name}`))),
        rollbackToSavepoint: async (name) => void (await inner.executeRaw(statement(`ROLLBACK TO ${name}`))),
        releaseSavepoint: async (name) =>
          void (await inner.executeRaw(statement(`RELEASE SAVEPOINT ${name}`))),
      };
    },
  };
}

const locksByFile = new Map<string, Lock>();

/**
 * Adapter factory for the app's SQLite file: creates its folder, turns on WAL (readers never block
 * the writer, and it persists in the file) and foreign keys (SQLite leaves them off per connection,
 * and the schema relies on them for cascades), and serializes transactions as described above.
 */
export function sqliteAdapterFactory(databaseUrl: string): SqlDriverAdapterFactory {
  const file = sqliteFileOf(databaseUrl);
  mkdirSync(dirname(file), { recursive: true });
  const inner = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    provider: 'sqlite',
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      const lock = locksByFile.get(file) ?? new Lock();
      locksByFile.set(file, lock);
      await lock.run(() => adapter.executeScript('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;'));
      return serialized(adapter, lock);
    },
  };
}
