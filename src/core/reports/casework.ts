// The casework deadlines as statistics (issue "Casework"): of the reports received in a period, how
// many had their children's-service notice, police notice and needs assessment on time. The rules are
// those of core/casework/deadlines.ts (which cases owe what, and by when); storage counts in SQL. The
// one thing SQL cannot work out alone is the assessment deadline (the end of the n-th working day
// after the local day of intake, skipping weekends and holidays): it is prepared here, from the same
// calendar code, as a small table of the period's local days, each with its UTC bounds and deadline.
import { workingDaysAfter } from '../casework/calendar.js';
import type { CaseworkPolicy } from '../casework/deadlines.js';
import type { CaseworkMeasures, DeadlineShare } from './model.js';
import { addDays, localDayOf, type Period, startOfDay } from './period.js';

/** One local day of the period: requests received from `from` (inclusive) to `to` owe by `dueAt`. */
export interface DayDeadline {
  day: string;
  from: Date;
  to: Date;
  dueAt: Date;
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

/** The period's local days (in the casework calendar's zone), each with its assessment deadline. */
export function assessmentDeadlines(period: Period, policy: CaseworkPolicy): DayDeadline[] {
  const { timeZone } = policy.calendar;
  const last = localDayOf(new Date(period.to.getTime() - 1), timeZone);
  const days: DayDeadline[] = [];
  for (let day = localDayOf(period.from, timeZone); day <= last; day = addDays(day, 1)) {
    const from = startOfDay(day, timeZone);
    const to = startOfDay(addDays(day, 1), timeZone);
    days.push({
      day,
      // Clipped to the period, in case the report counts days in another zone than the calendar.
      from: new Date(Math.max(from.getTime(), period.from.getTime())),
      to: new Date(Math.min(to.getTime(), period.to.getTime())),
      dueAt: assessmentDue(day, policy),
    });
  }
  return days;
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
