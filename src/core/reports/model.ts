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
/** Received on one local day (YYYY-MM-DD). */
export interface DayCount {
  day: string;
  concerns: number;
  consultations: number;
}

export interface ReportSource {
  /** Requests received in the period, grouped by centre and every breakdown at once. */
  received(scope: ReportScope, period: Period): Promise<ReceivedGroup[]>;
  /** Requests received on each local day of the period (period.ts localDaysOf), by kind. */
  receivedPerDay(scope: ReportScope, period: Period): Promise<DayCount[]>;
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

/**
 * How a deadline went for the requests received in a period that owed it: `met` on time, `late`
 * (done after the deadline), `missing` (not done, the deadline has passed), `pending` (not done yet,
 * still within time; not counted in `due`). The share on time is met / due.
 */
export interface DeadlineShare {
  /** met + late + missing: the deadlines that are decided. */
  due: number;
  met: number;
  late: number;
  missing: number;
  pending: number;
}

/**
 * The casework deadlines (issue "Casework", core/casework/deadlines.ts): a children's-service notice
 * within 24 h of a report of violence, neglect or a child left without care; a police notice within
 * 1 h of an urgent one; the needs assessment within 5 working days of every report about a child.
 * The periods are the deployment's policy (configurable); the names keep the legal defaults. A case
 * closed as a duplicate owes nothing of its own and is not counted.
 */
export interface CaseworkMeasures {
  childrenServiceNoticeWithin24h: DeadlineShare;
  policeNoticeWithin1h: DeadlineShare;
  needsAssessmentWithin5WorkingDays: DeadlineShare;
}

/** What src/storage implements over CaseNotice and Request, in SQL for both backends. */
export interface CaseworkMeasureSource {
  /**
   * Per centre (the one holding each request now), over the requests received in the period;
   * `asOf` decides which deadlines without a notice have passed (missing) and which not yet (pending).
   */
  deadlines(
    scope: ReportScope,
    period: Period,
    asOf: Date,
  ): Promise<{ centreId: string; measures: CaseworkMeasures }[]>;
}
