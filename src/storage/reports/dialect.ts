// The few SQL expressions SQLite and PostgreSQL spell differently; every report query is otherwise
// one text for both. Dates: Prisma stores them as ISO-8601 text on SQLite and as timestamp(3) (UTC)
// on PostgreSQL.
import type { Provider } from '../database-url.js';

export interface Dialect {
  /** Seconds from one DateTime expression to another, as a floating-point number. */
  secondsBetween(from: string, to: string): string;
  /**
   * A column whose condition must filter inside the index the query reads in order, not choose it.
   * SQLite without ANALYZE statistics prefers any index with a range on the period, then sorts every
   * row of a year; `+column` (a no-op on the value) keeps it on the ordered index. PostgreSQL plans by
   * its own statistics and needs no hint.
   */
  filterOnly(column: string): string;
  /** A DateTime parameter where nothing gives it a type (a VALUES list). */
  timestampParam: string;
  /** The UTC date of a DateTime as text "YYYY-MM-DD", and its UTC time of day "HH:MM:SS.mmm". */
  utcDate(column: string): string;
  utcTime(column: string): string;
}

const sqlite: Dialect = {
  secondsBetween: (from, to) => `((julianday(${to}) - julianday(${from})) * 86400.0)`,
  filterOnly: (column) => `+${column}`,
  timestampParam: '?',
  utcDate: (column) => `substr(${column}, 1, 10)`,
  utcTime: (column) => `substr(${column}, 12, 12)`,
};

const postgresql: Dialect = {
  secondsBetween: (from, to) => `CAST(EXTRACT(EPOCH FROM (${to} - ${from})) AS DOUBLE PRECISION)`,
  filterOnly: (column) => column,
  timestampParam: 'CAST(? AS TIMESTAMP(3))',
  utcDate: (column) => `to_char(${column}, 'YYYY-MM-DD')`,
  utcTime: (column) => `to_char(${column}, 'HH24:MI:SS.MS')`,
};

export const dialectOf = (provider: Provider): Dialect => (provider === 'sqlite' ? sqlite : postgresql);
