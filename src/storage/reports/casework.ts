// The casework deadlines of core/reports/casework.ts in SQL over Request and CaseNotice, one text for
// both backends. Which requests owe what is core/casework/deadlines.ts written as SQL conditions:
// - a report about a child (a concern; the specialist's category, once recorded, decides);
// - the children's service for violence, neglect, a child left without care (the specialist's
//   category first, else the reporter's); the police for an urgent concern;
// - not a case closed as a duplicate (it owes nothing of its own).
// The first notice to each recipient is read from the request row, where it is kept with every
// notice (storage/casework.ts; a seek into CaseNotice per request took a third of a year's oblast
// roll-up on SQLite); the assessment deadline comes with the local day of intake, from a
// small VALUES table worked out by core with the calendar (weekends, configured holidays).
import { type CaseworkPolicy, CHILDREN_SERVICE_CATEGORIES } from '../../core/casework/deadlines.js';
import { assessmentDeadlines } from '../../core/reports/casework.js';
import type {
  CaseworkMeasureSource,
  CaseworkMeasures,
  DeadlineShare,
  ReportScope,
} from '../../core/reports/model.js';
import type { Period } from '../../core/reports/period.js';
import type { Sql } from '../sql.js';
import type { Dialect } from './dialect.js';
import { scopeFilter } from './scope.js';

const CODE = /^[A-Z_]+$/;
const literal = (code: string) => {
  if (!CODE.test(code)) throw new Error(`not a category code: ${code}`);
  return `'${code}'`;
};

/** A category code or a "TOP.SUB" code whose top is one of these. */
const topIn = (column: string, tops: readonly string[]) =>
  `(${column} IN (${tops.map(literal).join(', ')}) OR ${tops.map((t) => `${column} LIKE '${t}.%'`).join(' OR ')})`;

const IS_CONCERN = `((r."caseCategory" IS NULL AND r."kind" = 'CONCERN')
  OR (r."caseCategory" IS NOT NULL AND NOT ${topIn('r."caseCategory"', ['CONSULTATION'])}))`;
const OBLIGES_CHILDREN_SERVICE = topIn(
  'COALESCE(r."caseCategory", r."category")',
  CHILDREN_SERVICE_CATEGORIES,
);

/** How one deadline went for one request, as the state column holds it (null: not owed). */
const STATES = { met: 0, late: 1, missing: 2, pending: 3 } as const;
const PARTS = Object.keys(STATES) as (keyof typeof STATES)[];

/**
 * The state of one deadline: done on time, late, not done and passed, not done and still in time.
 * `onTime` and `passed` are conditions on the row (`passed` takes one parameter: now, or a cutoff).
 */
const stateOf = (owed: string, doneAt: string, onTime: string, passed: string) =>
  `CASE WHEN NOT (${owed}) THEN NULL
     WHEN ${doneAt} IS NULL THEN CASE WHEN ${passed} THEN ${STATES.missing} ELSE ${STATES.pending} END
     WHEN ${onTime} THEN ${STATES.met} ELSE ${STATES.late} END`;

/** Four sums (met, late, missing, pending) of one state column. */
const sumsOf = (name: string) =>
  PARTS.map(
    (part) =>
      `CAST(SUM(CASE WHEN s."${name}" = ${STATES[part]} THEN 1 ELSE 0 END) AS INTEGER) AS "${name}_${part}"`,
  ).join(', ');

type Row = { centreId: string } & Record<string, number | bigint | null>;

function shareOf(row: Row, name: string): DeadlineShare {
  const [met, late, missing, pending] = PARTS.map((part) => Number(row[`${name}_${part}`] ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  return { due: met + late + missing, met, late, missing, pending };
}

export function caseworkMeasures(sql: Sql, dialect: Dialect, policy: CaseworkPolicy): CaseworkMeasureSource {
  return {
    async deadlines(scope: ReportScope, period: Period, asOf: Date) {
      const filter = scopeFilter(scope);
      const days = assessmentDeadlines(period, policy);
      const stamp = dialect.timestampParam;
      // Within the period: the notice is on time up to the minute (ms-exact, whatever the backend's
      // floating-point date arithmetic gives for "exactly 24 hours").
      const within = (doneAt: string, minutes: number) =>
        `ROUND(${dialect.secondsBetween('c."createdAt"', doneAt)} * 1000) <= ${minutes * 60_000}`;
      const cutoff = (minutes: number) => new Date(asOf.getTime() - minutes * 60_000);
      const rows = await sql.all<Row>(
        `WITH "days"("from", "to", "dueAt") AS (
           VALUES ${days.map(() => `(${stamp}, ${stamp}, ${stamp})`).join(', ')}),
         "owing" AS (
           SELECT r."centreId" AS "centreId", r."createdAt" AS "createdAt", r."assessedAt" AS "assessedAt",
             d."dueAt" AS "assessmentDueAt",
             CASE WHEN r."urgency" = 'URGENT' THEN 1 ELSE 0 END AS "urgent",
             CASE WHEN ${OBLIGES_CHILDREN_SERVICE} THEN 1 ELSE 0 END AS "childrenService",
             -- Kept on the request with each notice (storage/casework.ts): no seek into CaseNotice.
             r."firstChildrenServiceNoticeAt" AS "childrenServiceAt", r."firstPoliceNoticeAt" AS "policeAt"
           -- Day by day, each day's requests read as one range of the (centre, received) index: the
           -- deadline comes with the day, and the planner needs no statistics to do it this way
           -- (CROSS JOIN keeps the days outside in SQLite).
           FROM "days" d CROSS JOIN "Request" r
           WHERE ${filter.where} AND r."createdAt" >= d."from" AND r."createdAt" < d."to" AND ${IS_CONCERN}
             AND r."createdAt" >= ? AND r."createdAt" < ?
             AND (r."outcome" IS NULL OR r."outcome" <> 'DUPLICATE')
         ),
         -- Each deadline's state once per request; the sums below only count states.
         "states" AS MATERIALIZED (
           SELECT c."centreId" AS "centreId",
             ${stateOf(
               'c."childrenService" = 1',
               'c."childrenServiceAt"',
               within('c."childrenServiceAt"', policy.childrenServiceNoticeMinutes),
               'c."createdAt" <= ?',
             )} AS "childrenService",
             ${stateOf('c."urgent" = 1', 'c."policeAt"', within('c."policeAt"', policy.policeNoticeMinutes), 'c."createdAt" <= ?')} AS "police",
             ${stateOf('1 = 1', 'c."assessedAt"', 'c."assessedAt" <= c."assessmentDueAt"', 'c."assessmentDueAt" <= ?')} AS "assessment"
           FROM "owing" c
         )
         SELECT s."centreId" AS "centreId", ${sumsOf('childrenService')}, ${sumsOf('police')}, ${sumsOf('assessment')}
         FROM "states" s
         GROUP BY s."centreId"`,
        [
          ...days.flatMap((d) => [d.from, d.to, d.dueAt]),
          ...filter.params,
          period.from,
          period.to,
          cutoff(policy.childrenServiceNoticeMinutes),
          cutoff(policy.policeNoticeMinutes),
          asOf,
        ],
      );
      return rows.map((row) => ({
        centreId: row.centreId,
        measures: {
          childrenServiceNoticeWithin24h: shareOf(row, 'childrenService'),
          policeNoticeWithin1h: shareOf(row, 'police'),
          needsAssessmentWithin5WorkingDays: shareOf(row, 'assessment'),
        } satisfies CaseworkMeasures,
      }));
    },
  };
}
