// SQLite as the store sees it: Prisma's better-sqlite3 driver adapter on one connection per process,
// the ORM and plain SQL (sql.ts) on that connection, and transactions that we open ourselves.
//
// One writer at a time. A transaction takes the file's in-process lock, then BEGIN IMMEDIATE, and
// keeps both until COMMIT or ROLLBACK:
// - BEGIN IMMEDIATE takes SQLite's write lock first, waiting up to the busy timeout while another
//   process (a CLI import, a second worker) writes. A deferred BEGIN would fail at once with
//   SQLITE_BUSY when a transaction that read first tries to write after another process wrote.
// - The in-process lock: better-sqlite3 waits for a busy file synchronously, so two connections of
//   one process waiting on each other would block the event loop the first one needs to finish.
//   It is shared by every connection to the same file in this process.
//
// Who runs in the transaction is explicit. `transaction(work)` hands `work` a scope (an ORM client
// and a `Sql`) that run straight on the connection, and may only be used while that transaction is
// open. The connection-wide `prisma` and `sql` queue for the lock like any other transaction, so a
// query from elsewhere never lands inside someone else's open transaction (better-sqlite3 would
// simply run it there, and roll it back with that transaction).
//
// Transactions that arrive while one runs share the next COMMIT (group commit, see below); each
// still stands or falls on its own.
//
// Durability: WAL with synchronous=NORMAL. A commit is appended to the WAL without an fsync; the WAL
// is fsynced when SQLite checkpoints it into the database file. A killed or crashed process loses
// nothing committed (the operating system still writes the WAL out, and the next open replays it);
// only a power loss or an operating-system crash can lose the commits since the last checkpoint.
// Chosen over synchronous=FULL (an fsync per commit, or per group) because that fsync was the
// largest single cost of a webhook update. A server that must keep the last seconds of intake
// through a power cut should use PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';
import type { Connection, Db, TransactionScope } from './database.js';
import { sqliteFileOf } from './database-url.js';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import { delegate } from './migration-adapters.js';
import { nestable, savepoint } from './savepoint.js';
import { driverSql } from './sql.js';

/** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/**
 * How long work waits for this process's lock, or a transaction for its group, before failing. Far
 * above any real queue (a transaction takes about a millisecond); reached when code waits for
 * itself (it used the store, or opened a transaction, inside the transaction it was given `tx` for),
 * which would otherwise hang forever.
 */
export const LOCK_WAIT_MS = 30_000;

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** An async lock with a queue; `first` puts a waiter at the front. */
class WriteLock {
  #held = false;
  #waiting: Array<() => void> = [];

  acquire(first = false): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(this.#releaser());
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(grant), 1);
        reject(
          new Error(`waited ${LOCK_WAIT_MS} ms for the SQLite write lock (used outside its transaction?)`),
        );
      }, LOCK_WAIT_MS);
      if (first) this.#waiting.unshift(grant);
      else this.#waiting.push(grant);
    });
  }

  async run<T>(work: () => Promise<T>, first = false): Promise<T> {
    const release = await this.acquire(first);
    try {
      return await work();
    } finally {
      release();
    }
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#held = false;
    };
  }
}

const locksByFile = new Map<string, WriteLock>();

/** A transaction waiting for its group. */
interface Waiting {
  work: (scope: TransactionScope) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  timer?: NodeJS.Timeout;
}

/** Transactions per COMMIT at most, so that one group does not hold the write lock for long. */
const MAX_GROUP = 64;

/** An adapter for the ORM outside transactions: each query, and each ORM transaction, takes the lock. */
function queued(adapter: SqlDriverAdapter, lock: WriteLock): SqlDriverAdapter {
  return delegate(adapter, {
    queryRaw: (q) => lock.run(() => adapter.queryRaw(q)),
    executeRaw: (q) => lock.run(() => adapter.executeRaw(q)),
    executeScript: (s) => lock.run(() => adapter.executeScript(s)),
    startTransaction: async (isolationLevel): Promise<Transaction> => {
      if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
        throw new Error(`SQLite transactions are always SERIALIZABLE, not ${isolationLevel}`);
      }
      const release = await lock.acquire();
      try {
        await adapter.executeRaw(statement('BEGIN IMMEDIATE'));
      } catch (error) {
        release();
        throw error;
      }
      return {
        ...nestable(adapter),
        // Prisma sends COMMIT / ROLLBACK itself through executeRaw, then calls commit()/rollback().
        options: { usePhantomQuery: false },
        commit: async () => release(),
        rollback: async () => release(),
      };
    },
    // The connection is closed once, by sqliteConnection's close().
    dispose: async () => {},
  });
}

/**
 * An adapter for the ORM inside our transaction: queries run straight on the connection (the
 * transaction holds the lock), an ORM transaction becomes a savepoint, and any use after the
 * transaction ended fails instead of running unguarded.
 */
function inTransaction(adapter: SqlDriverAdapter, assertOpen: () => void): SqlDriverAdapter {
  let savepoints = 0;
  return delegate(adapter, {
    queryRaw: async (q) => {
      assertOpen();
      return adapter.queryRaw(q);
    },
    executeRaw: async (q) => {
      assertOpen();
      return adapter.executeRaw(q);
    },
    startTransaction: async () => {
      assertOpen();
      return savepoint(adapter, `poruch_${++savepoints}`);
    },
    dispose: async () => {},
  });
}

const factoryOf = (connect: () => Promise<SqlDriverAdapter>): SqlDriverAdapterFactory => ({
  provider: 'sqlite',
  adapterName: '@prisma/adapter-better-sqlite3',
  connect,
});

/**
 * The app's SQLite file: creates its folder, turns on WAL (readers never block the writer, and it
 * persists in the file), synchronous=NORMAL (see above), foreign keys (SQLite leaves them off per
 * connection, and the schema relies on them for cascades) and secure_delete (what is deleted or
 * overwritten, such as a sent payload, a draft, a case's words after retention, is zeroed in the
 * file, not left readable in free space).
 */
/** The page cache's upper bound per connection, in KiB (see the PRAGMA below). */
export const SQLITE_CACHE_KIB = 128 * 1024;

export function sqliteConnection(databaseUrl: string): Connection {
  const file = sqliteFileOf(databaseUrl);
  mkdirSync(dirname(file), { recursive: true });
  // iso8601: dates are text that sorts in time order (Prisma's default, stated here on purpose).
  const factory = new PrismaBetterSqlite3(
    { url: file, timeout: SQLITE_BUSY_TIMEOUT_MS },
    { timestampFormat: 'iso8601' },
  );
  const lock = locksByFile.get(file) ?? new WriteLock();
  locksByFile.set(file, lock);

  let opened: Promise<SqlDriverAdapter> | null = null;
  const connection = (): Promise<SqlDriverAdapter> => {
    opened ??= (async () => {
      const adapter = await factory.connect();
      // cache_size: SQLite's page cache is 2 MB by default; the statistics page's queries, run one
      // after another over a year of an oblast (a 300 MB file in bench:reports), pushed each other's
      // pages out. 128 MB (a cap, filled only as pages are read) took the 365-day oblast roll-up from
      // 320 to 293 ms median; 32 MB gave 320 ms.
      await lock.run(() =>
        adapter.executeScript(
          'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; ' +
            `PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA cache_size = -${SQLITE_CACHE_KIB};`,
        ),
      );
      return adapter;
    })().catch((error) => {
      opened = null;
      throw error;
    });
    return opened;
  };

  // True while this connection's transaction is open: only then may its scope's handles run.
  let open = false;
  const assertOpen = () => {
    if (!open) throw new Error('a transaction scope was used after its transaction ended');
  };

  const prisma: Db = new SqliteClient({ adapter: factoryOf(async () => queued(await connection(), lock)) });
  const scopeDb: Db = new SqliteClient({
    adapter: factoryOf(async () => inTransaction(await connection(), assertOpen)),
  });
  const direct = async <T>(work: (q: SqlQueryable) => Promise<T>): Promise<T> => {
    assertOpen();
    return work(await connection());
  };
  const scope: TransactionScope = { db: scopeDb, sql: driverSql(direct) };

  // Group commit. Transactions that queue up while a group runs are run one after another inside
  // the next BEGIN IMMEDIATE ... COMMIT, each in its own savepoint (one that fails is undone alone),
  // and resolve only after that COMMIT. Measured (README, Performance): without it, a COMMIT per
  // update wrote every page the update touched to the WAL again (BEGIN and COMMIT alone took 11 % of
  // the process's CPU under load) and intake on a quiet machine stayed at ~1,000 updates/s.
  const waiting: Waiting[] = [];
  let grouping = false;

  async function commitGroups(): Promise<void> {
    grouping = true;
    try {
      while (waiting.length > 0) {
        // One turn of the event loop first, so that requests already arrived can join this group.
        await new Promise((resolve) => setImmediate(resolve));
        const group = waiting.splice(0, MAX_GROUP);
        for (const entry of group) clearTimeout(entry.timer);
        await commitGroup(await connection(), group);
      }
    } catch (error) {
      for (const entry of waiting.splice(0)) entry.reject(error); // the connection could not open
    } finally {
      grouping = false;
    }
  }

  async function commitGroup(adapter: SqlDriverAdapter, group: Waiting[]): Promise<void> {
    const run = (sql: string) => adapter.executeRaw(statement(sql));
    const release = await lock.acquire();
    const done: Array<{ entry: Waiting; value: unknown }> = [];
    try {
      // Waits up to the busy timeout while another process writes.
      await run('BEGIN IMMEDIATE');
    } catch (error) {
      release();
      for (const entry of group) entry.reject(error);
      return;
    }
    try {
      for (const entry of group) {
        await run('SAVEPOINT poruch_group');
        open = true;
        try {
          done.push({ entry, value: await entry.work(scope) });
          await run('RELEASE SAVEPOINT poruch_group');
        } catch (error) {
          entry.reject(error);
          // Fails when SQLite had to roll the whole transaction back: then the group fails below.
          await run('ROLLBACK TO SAVEPOINT poruch_group');
          await run('RELEASE SAVEPOINT poruch_group');
        } finally {
          open = false;
        }
      }
      await run('COMMIT');
    } catch (error) {
      await run('ROLLBACK').catch(() => {});
      for (const { entry } of done) entry.reject(error);
      return;
    } finally {
      release();
    }
    for (const { entry, value } of done) entry.resolve(value);
  }

  const waitForLock =
    (first: boolean) =>
    async <T>(work: (q: SqlQueryable) => Promise<T>): Promise<T> => {
      const adapter = await connection();
      return lock.run(() => work(adapter), first);
    };

  return {
    prisma,
    // A lone write outside a transaction (the outbox dispatcher marking a sent message) goes to the
    // front of the queue: it costs microseconds, and behind a burst of webhook transactions a sent
    // message stayed unmarked (its send slot taken) for seconds.
    sql: driverSql(waitForLock(false), waitForLock(true)),
    transaction: <T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const entry: Waiting = { work, resolve: resolve as (value: unknown) => void, reject };
        // A transaction opened from inside another one's work would wait for a group that waits for it.
        entry.timer = setTimeout(() => {
          const at = waiting.indexOf(entry);
          if (at < 0) return;
          waiting.splice(at, 1);
          reject(new Error(`waited ${LOCK_WAIT_MS} ms for a SQLite transaction (opened inside another?)`));
        }, LOCK_WAIT_MS);
        waiting.push(entry);
        if (!grouping) void commitGroups();
      }),
    async close() {
      await prisma.$disconnect();
      await scopeDb.$disconnect();
      const adapter = await opened?.catch(() => null);
      opened = null;
      if (adapter) await lock.run(() => adapter.dispose());
    },
  };
}
