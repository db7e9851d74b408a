// Reaction times and counted events, from the audit trail.
//
// Percentiles: SQLite has no percentile function, so both backends use the same window query: the
// durations of a group are numbered in order (ROW_NUMBER) and counted (COUNT OVER), and the rows at
// the nearest ranks (n × P + 99) / 100 are kept (the rule of core/reports/percentile.ts). The
// database sorts and returns two values per group, instead of sending every duration to Node: on
// the 100k-request benchmark that is one sort in C per figure and a handful of rows over the wire.
import { AUDIT_ACTIONS } from '../../core/queue/audit.js';
import type { CountedEvent, DurationSummary, Reaction, ReportScope } from '../../core/reports/model.js';
import { MEDIAN, P90 } from '../../core/reports/percentile.js';
import type { Period } from '../../core/reports/period.js';
import type { Sql } from '../sql.js';
import { COUNT } from './counts.js';
import type { Dialect } from './dialect.js';
import { scopeFilter } from './scope.js';

/** The first audit event of an action on the request: when it was first claimed, first answered. */
const firstEvent = (action: string) =>
  `(SELECT MIN(a."createdAt") FROM "AuditEvent" a WHERE a."requestId" = r."id" AND a."action" = '${action}')`;

/** When each reaction ends, and which date column puts a request into the period. */
const REACTION: Record<Reaction, { end: string; periodColumn: string }> = {
  claim: { end: firstEvent(AUDIT_ACTIONS.claimed), periodColumn: 'r."createdAt"' },
  firstAnswer: { end: firstEvent(AUDIT_ACTIONS.answered), periodColumn: 'r."createdAt"' },
  close: { end: 'r."closedAt"', periodColumn: 'r."closedAt"' },
};

const rank = (n: string, p: number) => `(${n} * ${p} + 99) / 100`;

interface SummaryRow {
  centreId: string | null;
  n: number | bigint;
  median: number | null;
  p90: number | null;
}

const seconds = (value: number | null) => (value === null ? null : Math.round(Number(value)));

export function reactionQueries(sql: Sql, dialect: Dialect) {
  /** Per centre, and over the whole scope (centreId null), from one pass: two windows over the same rows. */
  async function reactionTimes(scope: ReportScope, period: Period, reaction: Reaction) {
    const { end, periodColumn } = REACTION[reaction];
    const filter = scopeFilter(scope);
    const rows = await sql.all<SummaryRow>(
      `WITH "ends" AS (
         SELECT r."centreId" AS "g", r."createdAt" AS "start", ${end} AS "end"
         FROM "Request" r
         WHERE ${filter.where} AND ${periodColumn} >= ? AND ${periodColumn} < ?
       ), "ranked" AS (
         SELECT "g", "s",
           ROW_NUMBER() OVER (PARTITION BY "g" ORDER BY "s") AS "rn", COUNT(*) OVER (PARTITION BY "g") AS "n",
           ROW_NUMBER() OVER (ORDER BY "s") AS "allRn", COUNT(*) OVER () AS "allN"
         FROM (SELECT "g", ${dialect.secondsBetween('"start"', '"end"')} AS "s" FROM "ends" WHERE "end" IS NOT NULL) d
       )
       SELECT "g" AS "centreId", CAST("n" AS INTEGER) AS "n",
         MAX(CASE WHEN "rn" = ${rank('"n"', MEDIAN)} THEN "s" END) AS "median",
         MAX(CASE WHEN "rn" = ${rank('"n"', P90)} THEN "s" END) AS "p90"
       FROM "ranked"
       WHERE "rn" = ${rank('"n"', MEDIAN)} OR "rn" = ${rank('"n"', P90)}
       GROUP BY "g", "n"
       UNION ALL
       SELECT NULL, CAST("allN" AS INTEGER),
         MAX(CASE WHEN "allRn" = ${rank('"allN"', MEDIAN)} THEN "s" END),
         MAX(CASE WHEN "allRn" = ${rank('"allN"', P90)} THEN "s" END)
       FROM "ranked"
       WHERE "allRn" = ${rank('"allN"', MEDIAN)} OR "allRn" = ${rank('"allN"', P90)}
       GROUP BY "allN"`,
      [...filter.params, period.from, period.to],
    );
    return rows.map((row) => ({
      centreId: row.centreId,
      summary: {
        count: Number(row.n),
        medianSeconds: seconds(row.median),
        p90Seconds: seconds(row.p90),
      } satisfies DurationSummary,
    }));
  }

  /**
   * An escalation counts at the centre it left (the audit detail's fromCentreId: the request itself
   * has moved on); a lapsed lease at the centre of the specialist who held it.
   */
  async function events(scope: ReportScope, period: Period) {
    const fromCentre = dialect.jsonText('a."detail"', 'fromCentreId');
    const specialist = dialect.jsonText('a."detail"', 'specialistId');
    const filter = scopeFilter(scope, 'e."centreId"');
    const rows = await sql.all<{ centreId: string; action: string; count: number | bigint }>(
      `SELECT e."centreId" AS "centreId", e."action" AS "action", ${COUNT} AS "count"
       FROM (
         SELECT a."action",
           CASE WHEN a."action" = ? THEN ${fromCentre}
             ELSE (SELECT s."centreId" FROM "Specialist" s WHERE s."id" = ${specialist}) END AS "centreId"
         FROM "AuditEvent" a
         WHERE a."action" IN (?, ?) AND a."createdAt" >= ? AND a."createdAt" < ?
       ) e
       WHERE ${filter.where}
       GROUP BY e."centreId", e."action"`,
      [
        AUDIT_ACTIONS.escalated,
        AUDIT_ACTIONS.escalated,
        AUDIT_ACTIONS.leaseExpired,
        period.from,
        period.to,
        ...filter.params,
      ],
    );
    return rows.map((row) => ({
      centreId: row.centreId,
      event: (row.action === AUDIT_ACTIONS.escalated ? 'escalated' : 'leaseLapsed') as CountedEvent,
      count: Number(row.count),
    }));
  }

  return { reactionTimes, events };
}
