// Reaction times and counted events.
//
// Percentiles (nearest rank, core/reports/percentile.ts): the time of each reaction is kept on the
// request in whole seconds (storage/audit.ts), with an index per reaction ordered by centre, then
// seconds. The P-th percentile of a centre is then the k-th entry of its index range, read with
// ORDER BY ... LIMIT 1 OFFSET k - 1 and no sort: the median from the start, the 90th percentile from
// the end (a tenth of the range). Over several centres the same is read from the centres' ranges
// merged in order (UNION ALL ... ORDER BY, a merge of index scans on both backends). Measured on the
// 100k-request benchmark this replaced a window query that sorted every duration of the period
// (ROW_NUMBER over a year of an oblast: ~300 ms of CPU per figure on SQLite).
import { AUDIT_ACTIONS } from '../../core/queue/audit.js';
import type { CountedEvent, DurationSummary, Reaction, ReportScope } from '../../core/reports/model.js';
import { MEDIAN, P90, percentileRank } from '../../core/reports/percentile.js';
import type { Period } from '../../core/reports/period.js';
import type { Sql } from '../sql.js';
import { COUNT } from './counts.js';
import type { Dialect } from './dialect.js';
import { scopeFilter } from './scope.js';

/** The column holding each reaction's seconds, and the date column that puts a request into the period. */
const REACTION: Record<Reaction, { seconds: string; periodColumn: string }> = {
  claim: { seconds: '"claimSeconds"', periodColumn: '"createdAt"' },
  firstAnswer: { seconds: '"firstAnswerSeconds"', periodColumn: '"createdAt"' },
  close: { seconds: '"closeSeconds"', periodColumn: '"closedAt"' },
};

type CentreCount = { centreId: string; n: number };

/** The reactions timed over the requests received in the period: their counts come from one pass. */
const RECEIVED_REACTIONS = (Object.keys(REACTION) as Reaction[]).filter(
  (r) => REACTION[r].periodColumn === '"createdAt"',
);

export function reactionQueries(sql: Sql, dialect: Dialect) {
  async function countsOf(scope: ReportScope, period: Period, reactions: readonly Reaction[]) {
    const { periodColumn } = REACTION[reactions[0] as Reaction];
    const filter = scopeFilter(scope);
    const rows = await sql.all<{ centreId: string } & Record<string, number | bigint>>(
      `SELECT r."centreId" AS "centreId",
         ${reactions.map((r) => `CAST(SUM(CASE WHEN r.${REACTION[r].seconds} IS NOT NULL THEN 1 ELSE 0 END) AS INTEGER) AS "${r}"`).join(', ')}
       FROM "Request" r
       WHERE ${filter.where} AND r.${periodColumn} >= ? AND r.${periodColumn} < ?
         AND (${reactions.map((r) => `r.${REACTION[r].seconds} IS NOT NULL`).join(' OR ')})
       GROUP BY r."centreId"`,
      [...filter.params, period.from, period.to],
    );
    return new Map(
      reactions.map((r) => [
        r,
        rows.map((row) => ({ centreId: row.centreId, n: Number(row[r]) })).filter((c) => c.n > 0),
      ]),
    );
  }

  /**
   * The page asks for every reaction at once; the claim and first-answer counts read the same rows
   * (a year of an oblast: ~15 ms per pass on SQLite), so the first to ask counts both and the other
   * takes its answer while that query is still in flight. Nothing is kept once it has settled.
   */
  const inFlight = new Map<string, Promise<Map<Reaction, CentreCount[]>>>();
  async function countsFor(scope: ReportScope, period: Period, reaction: Reaction) {
    if (!RECEIVED_REACTIONS.includes(reaction))
      return (await countsOf(scope, period, [reaction])).get(reaction) ?? [];
    const key = `${JSON.stringify(scope)} ${period.from.toISOString()} ${period.to.toISOString()}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = countsOf(scope, period, RECEIVED_REACTIONS);
      inFlight.set(key, pending);
      const forget = () => inFlight.delete(key);
      pending.then(forget, forget);
    }
    return (await pending).get(reaction) ?? [];
  }

  /** Per centre, and over the whole scope (centreId null). */
  async function reactionTimes(scope: ReportScope, period: Period, reaction: Reaction) {
    const { seconds, periodColumn } = REACTION[reaction];
    const counts = await countsFor(scope, period, reaction);
    const periodFilter = dialect.filterOnly(`r.${periodColumn}`);
    const arm = `SELECT r.${seconds} AS "s" FROM "Request" r
      WHERE r."centreId" = ? AND ${periodFilter} >= ? AND ${periodFilter} < ? AND r.${seconds} IS NOT NULL`;
    /** The value at a 1-based rank among the durations of these centres, counted from either end. */
    async function atRank(centreIds: string[], rank: number, fromEnd: boolean) {
      const [row] = await sql.all<{ s: number | bigint }>(
        `${centreIds.map(() => arm).join(' UNION ALL ')} ORDER BY 1${fromEnd ? ' DESC' : ''} LIMIT 1 OFFSET ?`,
        [...centreIds.flatMap((id) => [id, period.from, period.to]), rank - 1],
      );
      return row ? Number(row.s) : null;
    }
    async function summary(centreIds: string[], n: number): Promise<DurationSummary> {
      return {
        count: n,
        medianSeconds: await atRank(centreIds, percentileRank(n, MEDIAN), false),
        p90Seconds: await atRank(centreIds, n + 1 - percentileRank(n, P90), true),
      };
    }
    const rows: { centreId: string | null; summary: DurationSummary }[] = [];
    for (const { centreId, n } of counts) {
      rows.push({ centreId, summary: await summary([centreId], Number(n)) });
    }
    const [only, ...others] = rows;
    if (only && others.length === 0) rows.push({ centreId: null, summary: only.summary });
    else if (only) {
      const all = counts.reduce((sum, c) => sum + Number(c.n), 0);
      rows.push({
        centreId: null,
        summary: await summary(
          counts.map((c) => c.centreId),
          all,
        ),
      });
    }
    return rows;
  }

  /**
   * An escalation counts at the centre it left, a lapsed lease at the centre of the specialist who
   * held it: both written with the event as countedAtCentreId (storage/audit.ts), so the count reads
   * one index range of (action, createdAt, countedAtCentreId) and parses no JSON. Parsing the detail
   * of each event took ~200 ms of the oblast's year on PostgreSQL (7,300 events, EXPLAIN ANALYZE).
   */
  async function events(scope: ReportScope, period: Period) {
    const filter = scopeFilter(scope, 'a."countedAtCentreId"');
    const rows = await sql.all<{ centreId: string; action: string; count: number | bigint }>(
      `SELECT a."countedAtCentreId" AS "centreId", a."action" AS "action", ${COUNT} AS "count"
       FROM "AuditEvent" a
       WHERE a."action" IN (?, ?) AND a."createdAt" >= ? AND a."createdAt" < ? AND ${filter.where}
       GROUP BY a."countedAtCentreId", a."action"`,
      [AUDIT_ACTIONS.escalated, AUDIT_ACTIONS.leaseExpired, period.from, period.to, ...filter.params],
    );
    return rows.map((row) => ({
      centreId: row.centreId,
      event: (row.action === AUDIT_ACTIONS.escalated ? 'escalated' : 'leaseLapsed') as CountedEvent,
      count: Number(row.count),
    }));
  }

  return { reactionTimes, events };
}
