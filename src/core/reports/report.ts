// One report: the figures of a centre (its dashboard) or of an oblast (one row per centre plus the
// whole oblast), for one period. Pure assembly over the ReportSource port; the clock decides how old
// the open requests are when the period is still running.
import type { Clock } from '../ports/index.js';
import { noCasework, sumCasework } from './casework.js';
import {
  BREAKDOWNS,
  type Breakdown,
  type CaseworkMeasureSource,
  type CaseworkMeasures,
  type CentreTally,
  type DurationSummary,
  isCentreScope,
  NO_DURATIONS,
  REACTIONS,
  type Reaction,
  type ReportScope,
  type ReportSource,
} from './model.js';
import { asOfOf, type Granularity, granularityFor, type Period } from './period.js';
import { type SeriesPoint, seriesOf } from './series.js';

/** The headline figures of one centre, or of the whole scope. */
export interface CentreFigures {
  received: number;
  urgent: number;
  closed: number;
  reactions: Record<Reaction, DurationSummary>;
  escalated: number;
  leaseLapsed: number;
  open: number;
  oldestOpenSince: Date | null;
  /** Requests from a chat that had written before (the 2nd, 3rd, ... request of someone). */
  repeatRequests: number;
  /** People who wrote for the second time in the period: each returning person counts once, ever. */
  returningPeople: number;
}

export interface Tally {
  key: string;
  count: number;
}

export interface Report {
  scope: ReportScope;
  period: Period;
  /** The moment the open-request figures describe: the end of the period, or now if that is earlier. */
  asOf: Date;
  granularity: Granularity;
  /** One entry per centre, sorted by id. */
  centres: { centreId: string; figures: CentreFigures }[];
  total: CentreFigures;
  /** Received requests by each breakdown, summed over the centres, largest first. */
  breakdowns: Record<Breakdown, Tally[]>;
  series: SeriesPoint[];
  /** Requests closed in the period, by outcome. */
  outcomes: Tally[];
  /** Open requests at asOf per age band (model.ts BACKLOG_AGE_DAYS). */
  backlogBands: number[];
  /** The casework deadlines over the whole scope; null when no casework source was given. */
  casework: CaseworkMeasures | null;
  /** The same per centre, sorted by id (the centres of `centres`); empty without a casework source. */
  caseworkByCentre: { centreId: string; measures: CaseworkMeasures }[];
}

export interface ReportDeps {
  source: ReportSource;
  clock: Clock;
  casework?: CaseworkMeasureSource;
}

const emptyFigures = (): CentreFigures => ({
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
});

/** Sums tallies over centres, largest first (then by key, so that equal counts keep one order). */
export function sumByKey(tallies: readonly CentreTally[]): Tally[] {
  const sums = new Map<string, number>();
  for (const t of tallies) sums.set(t.key, (sums.get(t.key) ?? 0) + t.count);
  return [...sums]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Builds the report. `centreIds` lists the centres that must have a row even without any request
 * (the oblast's directory); centres found in the data are added.
 */
export async function buildReport(
  deps: ReportDeps,
  scope: ReportScope,
  period: Period,
  centreIds: readonly string[] = [],
): Promise<Report> {
  const { source } = deps;
  const asOf = asOfOf(period, deps.clock);
  const [received, days, outcomes, events, backlog, times, casework] = await Promise.all([
    source.received(scope, period),
    source.receivedPerDay(scope, period),
    source.closedByOutcome(scope, period),
    source.events(scope, period),
    source.backlog(scope, asOf),
    Promise.all(REACTIONS.map((r) => source.reactionTimes(scope, period, r))),
    // Judged as things stand now, not at the period's end: a notice sent on 1 December for a report
    // of 30 November was on time, and the November figures should say so.
    deps.casework ? deps.casework.deadlines(scope, period, deps.clock.now()) : null,
  ]);

  const byCentre = new Map<string, CentreFigures>(
    (isCentreScope(scope) ? [scope.centreId] : centreIds).map((id) => [id, emptyFigures()]),
  );
  const at = (centreId: string) => {
    let figures = byCentre.get(centreId);
    if (!figures) {
      figures = emptyFigures();
      byCentre.set(centreId, figures);
    }
    return figures;
  };
  const breakdownTallies = Object.fromEntries(
    BREAKDOWNS.map((b) => [b, received.map((g) => ({ centreId: g.centreId, key: g[b], count: g.count }))]),
  ) as Record<Breakdown, CentreTally[]>;
  for (const t of breakdownTallies.urgency) {
    at(t.centreId).received += t.count;
    if (t.key === 'URGENT') at(t.centreId).urgent += t.count;
  }
  for (const t of breakdownTallies.returning) {
    if (t.key === 'SECOND' || t.key === 'LATER') at(t.centreId).repeatRequests += t.count;
    if (t.key === 'SECOND') at(t.centreId).returningPeople += t.count;
  }
  for (const t of outcomes) at(t.centreId).closed += t.count;
  for (const e of events) at(e.centreId)[e.event] += e.count;
  for (const c of casework ?? []) at(c.centreId);
  const backlogBands = [0, 0, 0, 0, 0];
  for (const row of backlog) {
    const figures = at(row.centreId);
    figures.open += row.count;
    backlogBands[row.band] = (backlogBands[row.band] ?? 0) + row.count;
    if (!figures.oldestOpenSince || row.oldestCreatedAt < figures.oldestOpenSince) {
      figures.oldestOpenSince = row.oldestCreatedAt;
    }
  }
  const wholeScope: Partial<Record<Reaction, DurationSummary>> = {};
  REACTIONS.forEach((reaction, i) => {
    for (const row of times[i] ?? []) {
      if (row.centreId === null) wholeScope[reaction] = row.summary;
      else at(row.centreId).reactions[reaction] = row.summary;
    }
  });

  const centres = [...byCentre]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([centreId, figures]) => ({ centreId, figures }));
  const total = totalOf(centres.map((c) => c.figures));
  for (const reaction of REACTIONS) total.reactions[reaction] = wholeScope[reaction] ?? NO_DURATIONS;

  const granularity = granularityFor(period);
  const caseworkByCentre = casework
    ? centres.map(({ centreId }) => ({
        centreId,
        measures: casework.find((c) => c.centreId === centreId)?.measures ?? noCasework(),
      }))
    : [];
  return {
    scope,
    period,
    asOf,
    granularity,
    centres,
    total,
    breakdowns: Object.fromEntries(BREAKDOWNS.map((b) => [b, sumByKey(breakdownTallies[b])])) as Record<
      Breakdown,
      Tally[]
    >,
    series: seriesOf(period, granularity, days),
    outcomes: sumByKey(outcomes),
    backlogBands,
    casework: casework ? sumCasework(casework.map((c) => c.measures)) : null,
    caseworkByCentre,
  };
}

/** Counts add up over centres; reaction times do not (a median of medians is not a median). */
function totalOf(all: readonly CentreFigures[]): CentreFigures {
  const total = emptyFigures();
  for (const f of all) {
    total.received += f.received;
    total.urgent += f.urgent;
    total.closed += f.closed;
    total.escalated += f.escalated;
    total.leaseLapsed += f.leaseLapsed;
    total.open += f.open;
    total.repeatRequests += f.repeatRequests;
    total.returningPeople += f.returningPeople;
    if (f.oldestOpenSince && (!total.oldestOpenSince || f.oldestOpenSince < total.oldestOpenSince)) {
      total.oldestOpenSince = f.oldestOpenSince;
    }
  }
  return total;
}
