// The centres table: the oblast roll-up (one row per centre, totals last) or the one row of a centre's
// dashboard. Counts add up to the totals row; reaction times of the totals row are taken over every
// request of the oblast, not averaged over centres.
import type { Text } from '../conversation/types.js';
import { isCentreScope, NO_DURATIONS, REACTIONS } from './model.js';
import type { CentreFigures, Report } from './report.js';
import { type Cell, count, hours, type Row, type Table } from './table.js';

/** A centre's name in the report's language (its id when the directory no longer lists it). */
export type NameOf = (centreId: string) => string;

const COUNTED = ['received', 'urgent', 'closed'] as const;
const EVENTS = ['escalated', 'leaseLapsed', 'open'] as const;
const RETURNING = ['repeatRequests', 'returningPeople'] as const;

export const CENTRE_COLUMNS: Text[] = [
  { key: 'reports.column.centre' },
  ...COUNTED.map((k) => ({ key: `reports.column.${k}` })),
  ...REACTIONS.flatMap((r) => [
    { key: 'reports.column.reactionMedian', params: { reaction: { key: `reports.reaction.${r}` } } },
    { key: 'reports.column.reactionP90', params: { reaction: { key: `reports.reaction.${r}` } } },
  ]),
  ...EVENTS.map((k) => ({ key: `reports.column.${k}` })),
  { key: 'reports.column.oldestOpenDays' },
  ...RETURNING.map((k) => ({ key: `reports.column.${k}` })),
];

function cellsOf(f: CentreFigures, asOf: Date): Cell[] {
  const oldest = f.oldestOpenSince ? (asOf.getTime() - f.oldestOpenSince.getTime()) / 1000 : null;
  return [
    ...COUNTED.map((k) => count(f[k])),
    ...REACTIONS.flatMap((r) => {
      const s = f.reactions[r];
      return [hours(s.medianSeconds, s.count), hours(s.p90Seconds, s.count)];
    }),
    ...EVENTS.map((k) => count(f[k])),
    { kind: 'duration', seconds: oldest, over: f.open, unit: 'days' },
    ...RETURNING.map((k) => count(f[k])),
  ];
}

/** Column indexes (of the cells, without the label) of the counts that add up over centres. */
const ADDITIVE = cellsOf(
  {
    received: 0,
    urgent: 0,
    closed: 0,
    reactions: { claim: NO_DURATIONS, firstAnswer: NO_DURATIONS, close: NO_DURATIONS },
    escalated: 0,
    leaseLapsed: 0,
    open: 0,
    oldestOpenSince: null,
    repeatRequests: 0,
    returningPeople: 0,
  },
  new Date(0),
).flatMap((cell, i) => (cell.kind === 'count' ? [i] : []));

export function centresTable(report: Report, nameOf: NameOf): Table {
  const rows: Row[] = report.centres
    .map(({ centreId, figures }) => ({ label: nameOf(centreId), cells: cellsOf(figures, report.asOf) }))
    .sort((a, b) => String(a.label).localeCompare(String(b.label), 'uk'));
  const withTotal = !isCentreScope(report.scope);
  return {
    id: 'centres',
    title: { key: withTotal ? 'reports.table.rollup' : 'reports.table.centre' },
    columns: CENTRE_COLUMNS,
    rows: withTotal
      ? [...rows, { label: { key: 'reports.total' }, cells: cellsOf(report.total, report.asOf), total: true }]
      : rows,
    additive: withTotal ? ADDITIVE : [],
  };
}
