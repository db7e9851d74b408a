// The periods a centre head picks on the dashboard: this week (from Monday), this month, last month,
// or any run of days. Computed in the centre's own calendar (period.ts), today included while the
// period is still running.
import type { Clock } from '../ports.js';
import { addDays, bucketOf, DEFAULT_TIME_ZONE, daysIn, localDayOf, type Period, periodOf } from './period.js';

export const PRESETS = ['week', 'month', 'lastMonth', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** Longer periods than this are refused: nobody plans from five years at once, and they cost. */
export const MAX_PERIOD_DAYS = 3 * 366;

export type PeriodProblem = 'notADate' | 'endsBeforeStart' | 'tooLong';

export type PickedPeriod = { ok: true; period: Period } | { ok: false; problem: PeriodProblem };

/** The period of a preset; `custom` takes firstDay and lastDay (YYYY-MM-DD, both included). */
export function pickPeriod(
  clock: Clock,
  preset: Preset,
  custom: { firstDay?: string; lastDay?: string } = {},
  timeZone = DEFAULT_TIME_ZONE,
): PickedPeriod {
  const today = localDayOf(clock.now(), timeZone);
  const thisMonth = `${today.slice(0, 7)}-01`;
  switch (preset) {
    case 'week':
      return { ok: true, period: periodOf(bucketOf(today, 'week'), today, timeZone) };
    case 'month':
      return { ok: true, period: periodOf(thisMonth, today, timeZone) };
    case 'lastMonth': {
      const lastDay = addDays(thisMonth, -1);
      return { ok: true, period: periodOf(`${lastDay.slice(0, 7)}-01`, lastDay, timeZone) };
    }
    case 'custom':
      return customPeriod(custom.firstDay ?? '', custom.lastDay ?? '', timeZone);
  }
}

function customPeriod(firstDay: string, lastDay: string, timeZone: string): PickedPeriod {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(firstDay) || !day.test(lastDay)) return { ok: false, problem: 'notADate' };
  let period: Period;
  try {
    period = periodOf(firstDay, lastDay, timeZone);
  } catch {
    // periodOf checks both: a real calendar date, and the order of the two.
    return { ok: false, problem: lastDay < firstDay ? 'endsBeforeStart' : 'notADate' };
  }
  return daysIn(period) > MAX_PERIOD_DAYS ? { ok: false, problem: 'tooLong' } : { ok: true, period };
}
