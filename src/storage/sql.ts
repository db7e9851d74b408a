// Plain SQL for the per-update hot path (dedupe, chat handles, conversation state, outbox).
//
// Why not the Prisma client there: measured on this machine, one Prisma call costs ~290 µs inside a
// transaction and an interactive transaction ~370 µs more, while the same statement on better-sqlite3
// costs ~10-40 µs. A Telegram update needs ~8 statements, so the ORM capped the webhook at ~200
// updates/s (see bench/webhook.ts). Prisma still owns the schema, the migrations and everything
// else (the request queue, the directory, specialists).
//
// One SQL text serves both backends: `?` placeholders (rewritten to $1.. for PostgreSQL), quoted
// identifiers, and only syntax both understand (ON CONFLICT, RETURNING). Values are strings,
// numbers, booleans, Dates or null; a Date is written the way Prisma writes it on each backend, so
// the ORM reads back what this layer wrote and the other way round.
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import pg from 'pg';

export type SqlValue = string | number | boolean | Date | null;

export interface Sql {
  /** Rows of a SELECT, or of an INSERT/UPDATE ... RETURNING. */
  all<T extends object>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement without result rows; resolves to the number of rows changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
}

/** A DateTime column read by plain SQL: an ISO string on SQLite, a Date on PostgreSQL. */
export function dateOf(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
export const dateOrNull = (value: unknown): Date | null => (value === null ? null : dateOf(value));

/** A boolean column: 0/1 on SQLite, true/false on PostgreSQL. */
export const booleanOf = (value: unknown): boolean => value === true || value === 1;

/** Prisma's SQLite format (`timestampFormat: iso8601`): text that sorts in time order. */
const sqliteDate = (date: Date) => date.toISOString().replace('Z', '+00:00');

const sqliteValue = (value: SqlValue) =>
  value instanceof Date ? sqliteDate(value) : typeof value === 'boolean' ? (value ? 1 : 0) : value;

/**
 * Statements on one better-sqlite3 connection, each prepared once. `guard` runs the work under the
 * connection's lock unless the caller's transaction already holds it (see sqlite-connection.ts).
 */
export function sqliteSql(
  db: Database.Database,
  guard: <T>(work: () => T) => Promise<T>,
): Sql & { statementCount(): number } {
  const statements = new Map<string, Statement>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      // The adapter turns safe integers on for the whole connection; counts and versions fit a number.
      if (statement.reader) statement.safeIntegers(false);
      statements.set(text, statement);
    }
    return statement;
  };
  return {
    all: <T extends object>(text: string, params: readonly SqlValue[] = []) =>
      guard(() => prepared(text).all(...params.map(sqliteValue)) as T[]),
    run: (text, params = []) => guard(() => prepared(text).run(...params.map(sqliteValue)).changes),
    statementCount: () => statements.size,
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
