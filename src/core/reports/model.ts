// What the statistics count, and the port through which storage counts it. Every figure is defined
// over requests and their audit trail, never over chat handles or message text, which the retention
// job deletes from old closed cases.
import type { Period } from './period.js';

/** One centre's requests (those it holds now), or every centre of an oblast. */
export type ReportScope = { centreId: string } | { oblastId: string };

export const isCentreScope = (scope: ReportScope): scope is { centreId: string } => 'centreId' in scope;

/**
 * How received requests are broken down. `category` keys are "KIND.CATEGORY" (both kinds have an
 * OTHER); `unit` is the hromada or district the person chose; `returning` is FIRST / SECOND / LATER:
 * whether the same chat had written before (counted at intake, see Request.reporterPriorRequests).
 */
export const BREAKDOWNS = [
  'kind',
  'category',
  'channel',
  'language',
  'urgency',
  'unit',
  'returning',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** A count of one value of a breakdown at one centre. */
export interface CentreTally {
  centreId: string;
  key: string;
  count: number;
}

/** Reaction times: until a specialist claimed it, first wrote to the person, closed it. */
export const REACTIONS = ['claim', 'firstAnswer', 'close'] as const;
export type Reaction = (typeof REACTIONS)[number];

export interface DurationSummary {
  /** How many requests the times are taken over. */
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export const NO_DURATIONS: DurationSummary = { count: 0, medianSeconds: null, p90Seconds: null };

/** Audit events counted per centre: escalated away from it, or a claim whose lease ran out there. */
export type CountedEvent = 'escalated' | 'leaseLapsed';

/** Ages of open requests, in days: under 1, 1–3, 3–7, 7–30, 30 and more. */
export const BACKLOG_AGE_DAYS = [1, 3, 7, 30] as const;

export interface BacklogRow {
  centreId: string;
  /** Index into the age bands: 0 = under BACKLOG_AGE_DAYS[0] days, ..., 4 = 30 days and more. */
  band: number;
  count: number;
  oldestCreatedAt: Date;
}

/** Received requests alike in every breakdown, at one centre: all breakdowns come from one pass. */
export type ReceivedGroup = Record<Breakdown, string> & { centreId: string; count: number };

/** What src/storage implements, in SQL that runs the same on SQLite and PostgreSQL. */
export interface ReportSource {
  /** Requests received in the period, grouped by centre and every breakdown at once. */
  received(scope: ReportScope, period: Period): Promise<ReceivedGroup[]>;
  /** Requests received per UTC hour ("YYYY-MM-DDTHH") and kind; core gathers hours into local days. */
  receivedPerHour(
    scope: ReportScope,
    period: Period,
  ): Promise<{ hour: string; kind: string; count: number }[]>;
  /**
   * Median and 90th percentile (percentile.ts) of a reaction time, per centre and over the whole
   * scope (the row with centreId null). claim and firstAnswer: over the requests received in the
   * period that have reached it; close: over the requests closed in the period.
   */
  reactionTimes(
    scope: ReportScope,
    period: Period,
    reaction: Reaction,
  ): Promise<{ centreId: string | null; summary: DurationSummary }[]>;
  /** Escalations (at the centre they left) and lapsed leases (at the specialist's centre) in the period. */
  events(
    scope: ReportScope,
    period: Period,
  ): Promise<{ centreId: string; event: CountedEvent; count: number }[]>;
  /** Requests closed in the period, per centre and outcome. */
  closedByOutcome(scope: ReportScope, period: Period): Promise<CentreTally[]>;
  /** Requests open at `asOf` (received before, not closed by then), per centre and age band. */
  backlog(scope: ReportScope, asOf: Date): Promise<BacklogRow[]>;
}

/** A share of requests that met a deadline: `met` of `due`. */
export interface DeadlineShare {
  due: number;
  met: number;
}

/**
 * The casework deadlines (issue "Casework"): notices to the children's service within 24 h, to the
 * police within 1 h for urgent cases, needs assessments within 5 working days. Their records (notices,
 * assessments) do not exist yet; when they do, storage implements this port and the report shows the
 * section. Until then the report has no casework section at all, rather than invented figures.
 */
export interface CaseworkMeasureSource {
  deadlines(
    scope: ReportScope,
    period: Period,
  ): Promise<{
    childrenServiceNoticeWithin24h: DeadlineShare;
    policeNoticeWithin1h: DeadlineShare;
    needsAssessmentWithin5WorkingDays: DeadlineShare;
  }>;
}
export type CaseworkMeasures = Awaited<ReturnType<CaseworkMeasureSource['deadlines']>>;
