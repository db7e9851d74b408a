// PostgreSQL as the store sees it: the ORM on a shared pool, plain SQL (see sql.ts) on the same pool,
// and transactions that we open ourselves on a held connection instead of Prisma's interactive ones.
//
// Why: with every update in a Prisma interactive transaction and the hot-path SQL sent through
// $queryRawUnsafe, intake on PostgreSQL was 349 updates/s at p99 215 ms (issue 9), against ~3,000 on
// SQLite. Measured on this 2-core machine with the Inbox's statements for one update (dedupe, chat
// handle, reachability, specialist check, conversation load and save, outbox insert) in a loop:
// ~10 ms of Node CPU per update one at a time and ~5.7 ms at 20 concurrent through Prisma, against
// ~3.8 ms and ~1.6-2.0 ms through `pg` with named (prepared once per connection) statements. The
// round trips are the same (BEGIN, 7 statements, COMMIT); what went away is Prisma's per-query
// pipeline and its transaction manager. The machine was heavily shared while measuring (load 20-40
// on 2 cores), so absolute numbers are high; the ratio (~3×) held in every run.
//
// How a transaction works here: a fixed set of slots, each a pg pool of exactly ONE connection.
// A transaction takes a free slot and sends BEGIN, its statements and COMMIT through that pool, so
// they all run on that connection. ORM calls inside the transaction go through a Prisma client
// made for the slot (once, lazily) over the same one-connection pool; when Prisma wants a
// transaction of its own there, it gets a savepoint (savepoint.ts). Only public APIs: pg's Pool,
// PrismaPg's documented "bring your own pool" constructor, and the driver-adapter interface.
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import type { Connection, Db } from './database.js';
import { PrismaClient as PostgresClient } from './generated/postgres/client.js';
import { delegate } from './migration-adapters.js';
import { savepoint } from './savepoint.js';
import { pgSql, type Sql } from './sql.js';

/** How long a transaction waits for a free slot before failing (as Prisma's maxWait did). */
const SLOT_WAIT_MS = 15_000;

/**
 * Server-side bound on a transaction that stops talking (a hung caller): PostgreSQL ends the
 * session, which rolls the transaction back and frees its locks (Prisma's `timeout` did this).
 */
const IDLE_IN_TRANSACTION_MS = 15_000;

export type PostgresConnection = Connection;

/** The slot's Prisma adapter: every transaction Prisma asks for is a savepoint of ours. */
function savepointsOnly(pool: pg.Pool): SqlDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  let savepoints = 0;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      return delegate(adapter, {
        startTransaction: () => savepoint(adapter, `poruch_orm_${++savepoints}`),
      });
    },
  };
}

interface Slot {
  pool: pg.Pool;
  sql: Sql;
  /** Bumped whenever the pool opens a connection: a change mid-transaction means it was lost. */
  generation: number;
  orm: Db;
}

export interface PostgresOptions {
  /** Connections for work outside transactions (the ORM and plain SQL share them). */
  maxConnections: number;
  /**
   * Connections that hold transactions, each with its own Prisma client (~18 MB measured), hence
   * few: a transaction takes a few milliseconds, so four serve well over a thousand a second.
   */
  transactionConnections: number;
}

export function postgresConnection(
  databaseUrl: string,
  { maxConnections, transactionConnections: slotCount }: PostgresOptions,
): PostgresConnection {
  const poolConfig = {
    connectionString: databaseUrl,
    options: `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
  };
  const shared = new pg.Pool({ ...poolConfig, max: maxConnections });
  shared.on('error', () => {}); // an idle connection dropped by the server: the pool replaces it
  const prisma = new PostgresClient({ adapter: new PrismaPg(shared) }) as unknown as Db;

  const slots: Slot[] = [];
  const free: Slot[] = [];
  const waiting: Array<(slot: Slot) => void> = [];
  let opening = 0;
  // A slot's Prisma client is made and connected before the slot's first transaction: starting one
  // takes 0.2-1.5 s on a busy machine, and a transaction waiting on that would hold its locks (and
  // ran into the idle-in-transaction limit in the five-process claim race).
  const openSlot = async (): Promise<Slot> => {
    // idleTimeoutMillis 0: the connection stays while idle between a transaction's statements.
    const pool = new pg.Pool({ ...poolConfig, max: 1, idleTimeoutMillis: 0 });
    pool.on('error', () => {});
    const orm = new PostgresClient({ adapter: savepointsOnly(pool) }) as unknown as Db;
    const slot: Slot = { pool, sql: pgSql(pool), generation: 0, orm };
    pool.on('connect', () => slot.generation++);
    try {
      await orm.$connect();
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    slots.push(slot);
    return slot;
  };
  const acquire = async (): Promise<Slot> => {
    const ready = free.pop();
    if (ready) return ready;
    if (slots.length + opening < slotCount) {
      opening++;
      try {
        return await openSlot();
      } finally {
        opening--;
      }
    }
    return new Promise<Slot>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(take), 1);
        reject(new Error(`no database connection free within ${SLOT_WAIT_MS} ms`));
      }, SLOT_WAIT_MS);
      const take = (slot: Slot) => {
        clearTimeout(timer);
        resolve(slot);
      };
      waiting.push(take);
    });
  };
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };
  return {
    prisma,
    sql: pgSql(shared),
    async transaction(work) {
      const slot = await acquire();
      try {
        await slot.pool.query('BEGIN');
        const generation = slot.generation;
        let open = true;
        const sameConnection = () => {
          // The slot serves the next transaction once this one ended: a late statement must not join it.
          if (!open) throw new Error('a transaction scope was used after its transaction ended');
          if (slot.generation !== generation) throw new Error('database connection lost mid-transaction');
        };
        const checked: Sql = {
          all: async (text, params) => {
            sameConnection();
            return slot.sql.all(text, params);
          },
          run: async (text, params) => {
            sameConnection();
            return slot.sql.run(text, params);
          },
        };
        try {
          const result = await work({
            db: slot.orm,
            sql: checked,
          });
          sameConnection();
          await slot.pool.query('COMMIT');
          return result;
        } catch (error) {
          await slot.pool.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          open = false;
        }
      } finally {
        release(slot);
      }
    },
    async close() {
      await prisma.$disconnect();
      for (const slot of slots) {
        await slot.orm.$disconnect();
        await slot.pool.end();
      }
      await shared.end();
    },
  };
}
