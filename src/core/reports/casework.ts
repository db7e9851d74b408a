// The casework deadlines as statistics (issue "Casework"): of the reports received in a period, how
// many had their children's-service notice, police notice and needs assessment on time. The rules are
// those of core/casework/deadlines.ts (which cases owe what, and by when); storage counts in SQL with
// the two things SQL cannot work out alone, prepared here from the same calendar code:
// - the UTC offsets in force over the period, to find the local day a request was received on;
// - for each such local day, the end of the n-th working day after it (weekends, holidays).
import { localDate, offsetMinutes, workingDaysAfter } from '../casework/calendar.js';
import type { CaseworkPolicy } from '../casework/deadlines.js';
import type { CaseworkMeasures, DeadlineShare } from './model.js';
import type { Period } from './period.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One stretch of time with one UTC offset: from `from` (the first stretch: from the start of time). */
export interface OffsetStretch {
  from: Date | null;
  minutes: number;
}

/**
 * The offsets in force over [from, to): sampled once a day (zones change offset at most a few times
 * a year, never twice in a day), then found to the minute where they change.
 */
export function offsetsOver(from: Date, to: Date, timeZone: string): OffsetStretch[] {
  const offsetAt = (at: number) => offsetMinutes(new Date(at), timeZone);
  const stretches: OffsetStretch[] = [{ from: null, minutes: offsetAt(from.getTime()) }];
  for (let at = from.getTime(); at < to.getTime(); at += DAY) {
    const before = (stretches[stretches.length - 1] as OffsetStretch).minutes;
    const next = Math.min(at + DAY, to.getTime());
    const minutes = offsetAt(next);
    if (minutes === before) continue;
    let lo = at; // the old offset here
    let hi = next; // the new one here
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    stretches.push({ from: new Date(hi), minutes });
  }
  return stretches;
}

/** Deadlines of a local day never change for one calendar: computed once per process. */
const dueOfDay = new Map<string, Date>();

/** Each local day the period's requests can be received on, with its assessment deadline. */
export function assessmentDeadlines(period: Period, policy: CaseworkPolicy): { day: string; dueAt: Date }[] {
  const { calendar, assessmentWorkingDays: n } = policy;
  const first = localDate(period.from, calendar.timeZone);
  const last = localDate(new Date(period.to.getTime() - 1), calendar.timeZone);
  const days: { day: string; dueAt: Date }[] = [];
  for (let day = first; day <= last; day = nextDay(day)) {
    const key = `${calendar.timeZone} ${calendar.holidays.join(',')} ${n} ${day}`;
    let dueAt = dueOfDay.get(key);
    if (!dueAt) {
      // Noon UTC falls on the same local day in every zone Poruch serves; the day itself does not count.
      dueAt = workingDaysAfter(new Date(`${day}T12:00:00Z`), n, calendar);
      dueOfDay.set(key, dueAt);
    }
    days.push({ day, dueAt });
  }
  return days;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

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
