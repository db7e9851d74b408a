// Counting requests: received in a period (by breakdown and by local day), closed by outcome, open at a
// moment by age. Plain SQL (sql.ts) so that one text runs on SQLite and PostgreSQL; each query reads
// one covering index of Request (the statistics indexes in schema.prisma) and groups in the database.
import {
  BACKLOG_AGE_DAYS,
  type BacklogRow,
  BREAKDOWNS,
  type Breakdown,
  type CentreTally,
  type DayCount,
  type ReceivedGroup,
  type ReportScope,
} from '../../core/reports/model.js';
import { localDaysOf, type Period } from '../../core/reports/period.js';
import { dateOf, type Sql, type SqlValue } from '../sql.js';
import type { Dialect } from './dialect.js';
import { type ScopeFilter, scopeFilter } from './scope.js';

const BREAKDOWN_COLUMN: Record<Breakdown, string> = {
  kind: 'CAST(r."kind" AS TEXT)',
  category: `CAST(r."kind" AS TEXT) || '.' || r."category"`,
  channel: 'CAST(r."channel" AS TEXT)',
  language: 'r."language"',
  urgency: 'CAST(r."urgency" AS TEXT)',
  unit: `COALESCE(r."unitId", '')`,
  returning: `CASE WHEN r."reporterPriorRequests" IS NULL THEN 'UNKNOWN'
    WHEN r."reporterPriorRequests" = 0 THEN 'FIRST'
    WHEN r."reporterPriorRequests" = 1 THEN 'SECOND' ELSE 'LATER' END`,
};

/**
 * The plain columns the breakdowns are made of, in the order of the statistics index that starts
 * with them (schema.prisma): grouped in that order, the database reads the index in order and never
 * sorts. Two rows may then share a breakdown key (e.g. 2 and 3 earlier requests are both LATER);
 * core adds them up.
 */
const GROUPED_COLUMNS = [
  'centreId',
  'kind',
  'category',
  'channel',
  'language',
  'urgency',
  'unitId',
  'reporterPriorRequests',
]
  .map((c) => `r."${c}"`)
  .join(', ');

/** COUNT(*) is a bigint on PostgreSQL (a BigInt in JavaScript): cast where it is made. */
export const COUNT = 'CAST(COUNT(*) AS INTEGER)';

interface TallyRow {
  centreId: string;
  key: string | null;
  count: number | bigint;
}
const tallies = (rows: TallyRow[]): CentreTally[] =>
  rows.map((row) => ({ centreId: row.centreId, key: row.key ?? '', count: Number(row.count) }));

/** `groupBy` is the plain column `key` is made of: grouping by it follows an index, without a sort. */
async function tally(
  sql: Sql,
  key: { select: string; groupBy: string },
  column: 'createdAt' | 'closedAt',
  filter: ScopeFilter,
  period: Period,
) {
  const rows = await sql.all<TallyRow>(
    `SELECT r."centreId" AS "centreId", ${key.select} AS "key", ${COUNT} AS "count"
     FROM "Request" r
     WHERE ${filter.where} AND r."${column}" >= ? AND r."${column}" < ?
     GROUP BY r."centreId", ${key.groupBy}`,
    [...filter.params, period.from, period.to],
  );
  return tallies(rows);
}

export function requestCounts(sql: Sql, dialect: Dialect) {
  return {
    /** One pass over the period's requests, grouped by every breakdown; core adds up each one. */
    async received(scope: ReportScope, period: Period): Promise<ReceivedGroup[]> {
      const filter = scopeFilter(scope);
      const received = dialect.filterOnly('r."createdAt"');
      const rows = await sql.all<Record<Breakdown | 'centreId', string> & { count: number | bigint }>(
        `SELECT r."centreId" AS "centreId", ${BREAKDOWNS.map((b) => `${BREAKDOWN_COLUMN[b]} AS "${b}"`).join(', ')},
           ${COUNT} AS "count"
         FROM "Request" r
         WHERE ${filter.where} AND ${received} >= ? AND ${received} < ?
         GROUP BY ${GROUPED_COLUMNS}`,
        [...filter.params, period.from, period.to],
      );
      return rows.map((row) => ({ ...row, count: Number(row.count) }));
    },

    closedByOutcome: (scope: ReportScope, period: Period) =>
      tally(
        sql,
        { select: `COALESCE(r."outcome", '')`, groupBy: 'r."outcome"' },
        'closedAt',
        scopeFilter(scope),
        period,
      ),

    /**
     * Day by day, two counts of the day's index range per centre (all, and concerns): ~365 x 2 x 16
     * short seeks for an oblast's year, with nothing to sort. Grouping the year's rows by UTC hour
     * instead sorted all of them (~50 ms of CPU on SQLite, 100k requests), and core then gathered
     * the hours into the same local days.
     */
    async receivedPerDay(scope: ReportScope, period: Period): Promise<DayCount[]> {
      const filter = scopeFilter(scope);
      const days = localDaysOf(period);
      const stamp = dialect.timestampParam;
      const ofDay = `SELECT ${COUNT} FROM "Request" r
        WHERE ${filter.where} AND r."createdAt" >= d."from" AND r."createdAt" < d."to"`;
      const rows = await sql.all<{ day: string; received: number | bigint; concerns: number | bigint }>(
        `WITH "days"("day", "from", "to") AS (
           VALUES ${days.map(() => `(CAST(? AS TEXT), ${stamp}, ${stamp})`).join(', ')})
         SELECT d."day" AS "day", (${ofDay}) AS "received", (${ofDay} AND r."kind" = 'CONCERN') AS "concerns"
         FROM "days" d`,
        [...days.flatMap((d) => [d.day, d.from, d.to]), ...filter.params, ...filter.params],
      );
      return rows.map((row) => ({
        day: row.day,
        concerns: Number(row.concerns),
        consultations: Number(row.received) - Number(row.concerns),
      }));
    },

    /**
     * Open at `asOf`: received before it and not closed by then. Two index ranges (still open; closed
     * only after asOf) rather than one OR, which SQLite would answer by reading every request.
     */
    async backlog(scope: ReportScope, asOf: Date): Promise<BacklogRow[]> {
      const filter = scopeFilter(scope);
      const limits: SqlValue[] = BACKLOG_AGE_DAYS.map((days) => new Date(asOf.getTime() - days * 86_400_000));
      const band = `CASE ${BACKLOG_AGE_DAYS.map((_, i) => `WHEN o."createdAt" > ? THEN ${i}`).join(' ')}
        ELSE ${BACKLOG_AGE_DAYS.length} END`;
      const rows = await sql.all<{ centreId: string; band: number; count: number | bigint; oldest: unknown }>(
        `SELECT o."centreId" AS "centreId", ${band} AS "band", ${COUNT} AS "count", MIN(o."createdAt") AS "oldest"
         FROM (
           SELECT r."centreId", r."createdAt" FROM "Request" r
           WHERE ${filter.where} AND r."closedAt" IS NULL AND r."createdAt" < ?
           UNION ALL
           SELECT r."centreId", r."createdAt" FROM "Request" r
           WHERE ${filter.where} AND r."closedAt" >= ? AND r."createdAt" < ?
         ) o
         GROUP BY 1, 2`,
        [...limits, ...filter.params, asOf, ...filter.params, asOf, asOf],
      );
      return rows.map((row) => ({
        centreId: row.centreId,
        band: Number(row.band),
        count: Number(row.count),
        oldestCreatedAt: dateOf(row.oldest),
      }));
    },
  };
}
