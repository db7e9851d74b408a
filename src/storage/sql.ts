// The one small layer for plain SQL. Storage code that runs on every update (dedupe, chat handles,
// conversation state, the outbox) writes SQL text here instead of calling the Prisma client.
//
// Why not the Prisma client there: measured on this machine, one Prisma call costs ~290 µs inside a
// transaction and an interactive transaction ~370 µs more, while the same statement sent straight
// to the driver costs tens of µs. A Telegram update needs ~8 statements, so the ORM capped the
// webhook at ~200 updates/s (see bench/webhook.ts). Prisma still owns the schema, the migrations and
// everything else (the request queue, the directory, specialists).
//
// How it reaches the database, through public interfaces only:
// - SQLite: the `queryRaw` / `executeRaw` of Prisma's better-sqlite3 driver adapter (the
//   documented driver-adapter interface). The adapter converts the values, Dates included, exactly
//   as for the ORM's own queries, so the ORM reads back what this layer wrote and the other way
//   round, whatever date format Prisma uses.
// - PostgreSQL: `pg`, with named statements (parsed and planned once per connection).
//
// One SQL text serves both backends: `?` placeholders (rewritten to $1.. for PostgreSQL), quoted
// identifiers, and only syntax both understand (ON CONFLICT, RETURNING). Values are strings,
// numbers, booleans, Dates or null. Which connection and transaction a statement runs in is decided
// by whoever made the `Sql` (see sqlite-adapter.ts and postgres-connection.ts), never by context.
import type { ArgType, SqlQuery, SqlQueryable } from '@prisma/driver-adapter-utils';
import pg from 'pg';

export type SqlValue = string | number | boolean | Date | null;

export interface Sql {
  /** Rows of a SELECT, or of an INSERT/UPDATE ... RETURNING. */
  all<T extends object>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement without result rows; resolves to the number of rows changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
}

/** A DateTime column read by plain SQL: ISO text on SQLite, a Date on PostgreSQL. */
export function dateOf(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
export const dateOrNull = (value: unknown): Date | null => (value === null ? null : dateOf(value));

/** A boolean column: 0/1 on SQLite, true/false on PostgreSQL. */
export const booleanOf = (value: unknown): boolean => value === true || value === 1;

/** How the driver adapter should convert each value (the same tags Prisma's own queries carry). */
const argTypeOf = (value: SqlValue): ArgType => ({
  arity: 'scalar',
  scalarType:
    value instanceof Date
      ? 'datetime'
      : typeof value === 'boolean'
        ? 'boolean'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'int'
            : 'float'
          : typeof value === 'string'
            ? 'string'
            : 'unknown',
});

const driverQuery = (text: string, params: readonly SqlValue[]): SqlQuery => ({
  sql: text,
  args: [...params],
  argTypes: params.map(argTypeOf),
});

/** Gives the work a queryable to run on: directly, or after waiting for a lock (the caller decides). */
export type OnQueryable = <T>(work: (queryable: SqlQueryable) => Promise<T>) => Promise<T>;

/**
 * Plain SQL through a Prisma driver adapter's public query interface. `read` and `write` say where
 * each kind of statement runs (sqlite-adapter.ts lets a lone write outside a transaction go first).
 */
export function driverSql(read: OnQueryable, write: OnQueryable = read): Sql {
  return {
    all: async <T extends object>(text: string, params: readonly SqlValue[] = []) => {
      const { columnNames, rows } = await read((q) => q.queryRaw(driverQuery(text, params)));
      return rows.map((row) => Object.fromEntries(columnNames.map((name, i) => [name, row[i]]))) as T[];
    },
    run: (text, params = []) => write((q) => q.executeRaw(driverQuery(text, params))),
  };
}

/** `?` → `$1, $2, ...` (the hot-path SQL never has a `?` inside a literal). */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/**
 * Prisma's PostgreSQL DateTime is `timestamp(3)` WITHOUT time zone, holding UTC. Written as an ISO
 * string (PostgreSQL ignores the trailing Z for this type) and read back as UTC, whatever the
 * process's time zone (pg's defaults would use local time both ways).
 */
const TIMESTAMP_OID = 1114;
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID
      ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};
const pgValue = (value: SqlValue) => (value instanceof Date ? value.toISOString() : value);

/** Named statements: PostgreSQL parses and plans each text once per connection, not per call. */
const statementNames = new Map<string, { name: string; text: string }>();
const named = (text: string) => {
  let statement = statementNames.get(text);
  if (!statement) {
    statement = { name: `poruch_${statementNames.size + 1}`, text: numberedPlaceholders(text) };
    statementNames.set(text, statement);
  }
  return statement;
};

/** PostgreSQL through `pg` (a pool, or a pool of one connection holding a transaction). */
export function pgSql(pool: pg.Pool): Sql {
  const query = (text: string, params: readonly SqlValue[]) =>
    pool.query({ ...named(text), values: params.map(pgValue), types: pgTypes });
  return {
    all: async <T extends object>(text: string, params: readonly SqlValue[] = []) =>
      (await query(text, params)).rows as T[],
    run: async (text, params = []) => (await query(text, params)).rowCount ?? 0,
  };
}
