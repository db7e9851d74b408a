// The better-sqlite3 driver adapter, made safe for an app that serves many chats at once and shares
// its database file with other processes (a CLI import, a second worker).
import { AsyncLocalStorage } from 'node:async_hooks';
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
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { sqliteFileOf } from './database-url.js';
import { nestable, savepoint } from './savepoint.js';
import { type Sql, sqliteSql } from './sql.js';

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

/** Which connection's native transaction the current async context is inside, if any. */
interface Holding {
  connection: object;
  /** False once the transaction ended: late continuations of its work must queue like anyone. */
  open: boolean;
}
const holding = new AsyncLocalStorage<Holding>();

/**
 * One SQLite connection as the store sees it: Prisma's adapter (for the ORM), plain SQL with
 * prepared statements (for the hot path, see sql.ts), and native transactions that both join.
 */
export interface SqliteConnection {
  readonly factory: SqlDriverAdapterFactory;
  /** Plain SQL; outside a transaction each statement queues for the connection's lock. */
  readonly sql: Sql;
  /**
   * BEGIN IMMEDIATE ... COMMIT on the connection, without Prisma's interactive-transaction
   * machinery. Inside `work`, plain SQL and ORM calls made through the client that owns this
   * connection run in the transaction; an ORM call that wants its own transaction gets a savepoint.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

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
function serialized(
  inner: SqlDriverAdapter,
  lock: Lock,
  guard: <T>(work: () => Promise<T>) => Promise<T>,
  owns: () => boolean,
): SqlDriverAdapter {
  let savepoints = 0;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => guard(() => inner.queryRaw(q)),
    executeRaw: (q) => guard(() => inner.executeRaw(q)),
    executeScript: (s) => guard(() => inner.executeScript(s)),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: false },
    dispose: () => lock.run(() => inner.dispose()),
    startTransaction: async (isolationLevel?: IsolationLevel): Promise<Transaction> => {
      if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
        throw new Error(`SQLite transactions are always SERIALIZABLE, not ${isolationLevel}`);
      }
      if (owns()) return savepoint(inner, `poruch_${++savepoints}`);
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
        ...nestable(inner),
        // Prisma sends COMMIT / ROLLBACK itself through executeRaw, then calls commit()/rollback().
        options: { usePhantomQuery: false },
        commit: end,
        rollback: end,
      };
    },
  };
}

const locksByFile = new Map<string, Lock>();

/** A transaction waiting for its group. */
interface Waiting {
  work: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Transactions per commit at most, so that one group does not hold the write lock for long. */
const MAX_GROUP = 64;

/** The better-sqlite3 handle inside Prisma's adapter (a public field of its queryable). */
function clientOf(adapter: SqlDriverAdapter): Database.Database {
  const client = (adapter as unknown as { client?: Database.Database }).client;
  if (!client || typeof client.prepare !== 'function') {
    throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its client; see sqlite-adapter.ts');
  }
  return client;
}

/**
 * The app's SQLite file: creates its folder, turns on WAL (readers never block the writer, and it
 * persists in the file) and foreign keys (SQLite leaves them off per connection, and the schema
 * relies on them for cascades), and serializes transactions as described above. The connection is
 * opened when Prisma first connects (`connect`, called by the store before a native transaction).
 */
export function sqliteConnection(databaseUrl: string, connect: () => Promise<void>): SqliteConnection {
  const file = sqliteFileOf(databaseUrl);
  mkdirSync(dirname(file), { recursive: true });
  const inner = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const lock = locksByFile.get(file) ?? new Lock();
  locksByFile.set(file, lock);
  const self = {};
  let client: Database.Database | null = null;

  const owns = () => {
    const held = holding.getStore();
    return held !== undefined && held.connection === self && held.open;
  };
  // Inside this connection's open transaction: run now. Otherwise: wait for the lock.
  const guard = <T>(work: () => T | Promise<T>): Promise<T> => {
    if (!owns()) return lock.run(async () => work());
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const open = async (): Promise<Database.Database> => {
    if (!client) await connect();
    if (!client) throw new Error('SQLite connection did not open');
    return client;
  };
  let plain: ReturnType<typeof sqliteSql> | null = null;
  const sql: Sql = {
    all: async (text, params) => {
      plain ??= sqliteSql(await open(), guard);
      return plain.all(text, params);
    },
    // A write outside a transaction joins the next commit group instead of paying its own commit
    // (the outbox dispatcher marks every sent message this way), at the front: one statement costs
    // microseconds, and behind a burst of webhook transactions a sent message stayed unmarked (and
    // its send slot taken) for seconds.
    run: async (text, params) => {
      plain ??= sqliteSql(await open(), guard);
      const statements = plain;
      return owns() ? statements.run(text, params) : transaction(() => statements.run(text, params), true);
    },
  };

  // Group commit. Transactions that queue up while one runs are run one after another inside the
  // same BEGIN IMMEDIATE ... COMMIT, each in its own savepoint (a failing one is undone alone), and
  // are resolved only after the COMMIT. The commit and its fsync are shared instead of paid per
  // update: under load that was the largest single cost of a webhook update.
  const waiting: Waiting[] = [];
  let committing = false;

  function transaction<T>(work: () => Promise<T>, first = false): Promise<T> {
    // Already inside this connection's transaction (e.g. storage code calling back in): join it.
    if (owns()) return work();
    return new Promise<T>((resolve, reject) => {
      const entry = { work, resolve: resolve as (value: unknown) => void, reject };
      if (first) waiting.unshift(entry);
      else waiting.push(entry);
      if (!committing) void commitGroups();
    });
  }

  async function commitGroups(): Promise<void> {
    committing = true;
    try {
      while (waiting.length > 0) {
        // One turn of the event loop first: requests that have already arrived get to queue their
        // transactions and join this group (statements never yield to I/O, so they could not).
        await new Promise((resolve) => setImmediate(resolve));
        await commitGroup(await open());
      }
    } catch (error) {
      // The connection could not be opened (or the group machinery itself failed): nobody waits forever.
      for (const entry of waiting.splice(0)) entry.reject(error);
    } finally {
      committing = false;
    }
  }

  let savepointStatements: { begin: Statement; release: Statement; undo: Statement } | null = null;

  async function commitGroup(db: Database.Database): Promise<void> {
    savepointStatements ??= {
      begin: db.prepare('SAVEPOINT poruch_group'),
      release: db.prepare('RELEASE SAVEPOINT poruch_group'),
      undo: db.prepare('ROLLBACK TO SAVEPOINT poruch_group'),
    };
    const savepoint = savepointStatements;
    const release = await lock.acquire();
    const committed: Array<{ entry: Waiting; value: unknown }> = [];
    try {
      // Waits up to the busy timeout while another process writes.
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      release();
      for (const entry of waiting.splice(0, MAX_GROUP)) entry.reject(error);
      return;
    }
    try {
      for (let n = 0; n < MAX_GROUP && waiting.length > 0; n++) {
        const entry = waiting.shift() as Waiting;
        const held: Holding = { connection: self, open: true };
        try {
          savepoint.begin.run();
          committed.push({ entry, value: await holding.run(held, entry.work) });
          savepoint.release.run();
        } catch (error) {
          entry.reject(error);
          // Some errors make SQLite roll the whole transaction back: the group's earlier work is gone.
          if (!db.inTransaction) throw error;
          savepoint.undo.run();
          savepoint.release.run();
        } finally {
          held.open = false;
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const { entry } of committed) entry.reject(error);
      return;
    } finally {
      release();
    }
    for (const { entry, value } of committed) entry.resolve(value);
  }

  return {
    sql,
    factory: {
      provider: 'sqlite',
      adapterName: inner.adapterName,
      connect: async () => {
        const adapter = await inner.connect();
        // secure_delete: what is deleted or overwritten (a sent payload, a draft, a case's words
        // after retention) is zeroed in the file, not left readable in free space.
        await lock.run(() =>
          adapter.executeScript(
            'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;',
          ),
        );
        client = clientOf(adapter);
        plain = null;
        savepointStatements = null;
        return serialized(adapter, lock, guard, owns);
      },
    },
    transaction,
  };
}
