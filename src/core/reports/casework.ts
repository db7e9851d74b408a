// The casework deadlines as statistics (issue "Casework"): of the reports received in a period, how
// many had their children's-service notice, police notice and needs assessment on time. The rules are
// those of core/casework/deadlines.ts (which cases owe what, and by when); storage counts in SQL. The
// one thing SQL cannot work out alone is the assessment deadline (the end of the n-th working day
// after the local day of intake, skipping weekends and holidays): it is prepared here, from the same
// calendar code, as a small table keyed by UTC date, which SQL joins by equality.
import { workingDaysAfter } from '../casework/calendar.js';
import type { CaseworkPolicy } from '../casework/deadlines.js';
import type { CaseworkMeasures, DeadlineShare } from './model.js';
import { addDays, localDayOf, type Period, startOfDay } from './period.js';

/**
 * One UTC date: the local midnight falls on it at `midnight` (UTC time of day, "HH:MM:SS.mmm", as
 * SQL writes a time); a request received before it was received on one local day, after it on the
 * next, and the two days have their own deadlines. (Every UTC date holds exactly one local midnight
 * in the zones Poruch serves: their clocks change at 03:00/04:00, never at midnight.)
 */
export interface UtcDateDeadlines {
  utcDate: string;
  midnight: string;
  dueBefore: Date;
  dueAfter: Date;
}

/** Deadlines of a local day never change for one calendar: computed once per process. */
const dueOfDay = new Map<string, Date>();

function assessmentDue(day: string, policy: CaseworkPolicy): Date {
  const { calendar, assessmentWorkingDays: n } = policy;
  const key = `${calendar.timeZone} ${calendar.holidays.join(',')} ${n} ${day}`;
  let dueAt = dueOfDay.get(key);
  if (!dueAt) {
    // Noon UTC falls on the same local day in every zone Poruch serves; the day itself does not count.
    dueAt = workingDaysAfter(new Date(`${day}T12:00:00Z`), n, calendar);
    dueOfDay.set(key, dueAt);
  }
  return dueAt;
}

/** The assessment deadlines of every request the period can hold, keyed by the UTC date of intake. */
export function assessmentDeadlines(period: Period, policy: CaseworkPolicy): UtcDateDeadlines[] {
  const { timeZone } = policy.calendar;
  const first = localDayOf(period.from, timeZone);
  const last = localDayOf(new Date(period.to.getTime() - 1), timeZone);
  const rows: UtcDateDeadlines[] = [];
  // Each local midnight from the start of the first day to the end of the last one.
  for (let day = first; day <= addDays(last, 1); day = addDays(day, 1)) {
    const midnight = startOfDay(day, timeZone).toISOString();
    rows.push({
      utcDate: midnight.slice(0, 10),
      midnight: midnight.slice(11, 23),
      dueBefore: assessmentDue(addDays(day, -1), policy),
      dueAfter: assessmentDue(day, policy),
    });
  }
  return rows;
}

export const NO_SHARE: DeadlineShare = { due: 0, met: 0, late: 0, missing: 0, pending: 0 };

export const noCasework = (): CaseworkMeasures => ({
  childrenServiceNoticeWithin24h: { ...NO_SHARE },
  policeNoticeWithin1h: { ...NO_SHARE },
  needsAssessmentWithin5WorkingDays: { ...NO_SHARE },
});

export const CASEWORK_DEADLINES = [
  'childrenServiceNoticeWithin24h',
  'policeNoticeWithin1h',
  'needsAssessmentWithin5WorkingDays',
] as const satisfies readonly (keyof CaseworkMeasures)[];

/** Adds the measures of several centres (counts add up; a share is recomputed from them). */
export function sumCasework(all: readonly CaseworkMeasures[]): CaseworkMeasures {
  const total = noCasework();
  for (const m of all) {
    for (const d of CASEWORK_DEADLINES) {
      for (const k of ['due', 'met', 'late', 'missing', 'pending'] as const) total[d][k] += m[d][k];
    }
  }
  return total;
}
