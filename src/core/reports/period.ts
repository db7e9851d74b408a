// Report periods in the centre's own calendar. A period is a run of whole local days (Kyiv time by
// default): "1–30 November" means from local midnight of the 1st to local midnight of 1 December,
// whatever the UTC offset. Databases group by UTC hour (the one grouping both SQLite and PostgreSQL
// do the same way without a time-zone database); the hours are then gathered into local days, weeks
// and months here. Ukraine's offsets are whole hours, so an hour never straddles two local days.
//
// Written with Intl rather than a date library: the only operations needed are "offset of a zone at
// an instant" and calendar arithmetic on ISO dates, which Intl and Date.UTC do exactly.
import type { Clock } from '../ports/index.js';

export const DEFAULT_TIME_ZONE = 'Europe/Kyiv';
const DAY_MS = 86_400_000;

export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

export interface Period {
  /** First local day, YYYY-MM-DD. */
  firstDay: string;
  /** Last local day (inclusive), YYYY-MM-DD. */
  lastDay: string;
  timeZone: string;
  /** Local midnight starting firstDay, as an instant. */
  from: Date;
  /** Local midnight after lastDay (exclusive). */
  to: Date;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `day` is a real calendar date written YYYY-MM-DD. */
export function isDay(day: string): boolean {
  const match = DAY_PATTERN.exec(day);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === day;
}

/** Calendar arithmetic on YYYY-MM-DD (time-zone free). */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's local wall time at `instant`, written as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) part[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = part;
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** The local day (YYYY-MM-DD) an instant falls on. */
export const localDayOf = (instant: Date, timeZone: string): string =>
  new Date(wallClock(instant.getTime(), timeZone)).toISOString().slice(0, 10);

/**
 * Local midnights never change for a zone: kept once per process (a few thousand days at most).
 * A year's report asks for each of its days three times (deadlines, hours into days); working them
 * out with Intl each time was ~10 ms of the oblast's year.
 */
const midnights = new Map<string, number>();

/** The instant of local midnight starting `day`. */
export function startOfDay(day: string, timeZone: string): Date {
  const key = `${timeZone} ${day}`;
  let instant = midnights.get(key);
  if (instant === undefined) {
    const midnightAsUtc = Date.parse(`${day}T00:00:00Z`);
    // Offset at a first guess, then at the corrected instant (exact unless midnight itself is skipped).
    instant = midnightAsUtc - (wallClock(midnightAsUtc, timeZone) - midnightAsUtc);
    instant = midnightAsUtc - (wallClock(instant, timeZone) - instant);
    midnights.set(key, instant);
  }
  return new Date(instant);
}

export class PeriodError extends Error {}

/** The period of whole local days firstDay..lastDay (both inclusive). */
export function periodOf(firstDay: string, lastDay: string, timeZone = DEFAULT_TIME_ZONE): Period {
  for (const day of [firstDay, lastDay]) {
    if (!isDay(day)) throw new PeriodError(`not a date (YYYY-MM-DD): ${day}`);
  }
  if (lastDay < firstDay)
    throw new PeriodError(`the period ends (${lastDay}) before it starts (${firstDay})`);
  return {
    firstDay,
    lastDay,
    timeZone,
    from: startOfDay(firstDay, timeZone),
    to: startOfDay(addDays(lastDay, 1), timeZone),
  };
}

/** The last `days` local days up to and including today: the dashboards' default period. */
export function lastDays(clock: Clock, days: number, timeZone = DEFAULT_TIME_ZONE): Period {
  const today = localDayOf(clock.now(), timeZone);
  return periodOf(addDays(today, 1 - days), today, timeZone);
}

/** The moment the figures of a period describe: its end, or now while it is still running. */
export const asOfOf = (period: Period, clock: Clock): Date =>
  new Date(Math.min(period.to.getTime(), clock.now().getTime()));

export const daysIn = (period: Period): number =>
  Math.round(
    (Date.parse(`${period.lastDay}T00:00:00Z`) - Date.parse(`${period.firstDay}T00:00:00Z`)) / DAY_MS,
  ) + 1;

/** Days for up to a month, weeks up to half a year, months beyond: what stays readable as a chart. */
export function granularityFor(period: Period): Granularity {
  const days = daysIn(period);
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

/** The bucket a local day belongs to: the day itself, the Monday starting its week, or YYYY-MM. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return day.slice(0, 7);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Every bucket of the period in order, including empty ones (a chart needs its zeros). */
export function bucketsOf(period: Period, granularity: Granularity): string[] {
  const buckets: string[] = [];
  for (let day = period.firstDay; day <= period.lastDay; day = addDays(day, 1)) {
    const bucket = bucketOf(day, granularity);
    if (buckets[buckets.length - 1] !== bucket) buckets.push(bucket);
  }
  return buckets;
}

/** The period's local days, each with the UTC instants it starts (inclusive) and ends. */
export function localDaysOf(period: Period): { day: string; from: Date; to: Date }[] {
  const days: { day: string; from: Date; to: Date }[] = [];
  for (let day = period.firstDay; day <= period.lastDay; day = addDays(day, 1)) {
    const next = addDays(day, 1);
    days.push({
      day,
      from: startOfDay(day, period.timeZone),
      to: next > period.lastDay ? period.to : startOfDay(next, period.timeZone),
    });
  }
  return days;
}
