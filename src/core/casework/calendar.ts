// Working days as a centre counts them: Monday to Friday in Ukrainian local time, minus the public
// holidays a deployment configures. Pure: the instant comes from the caller's clock.
//
// Holidays are a list of ISO dates, not a built-in table: under martial law (Law №2136-IX) public
// holidays are working days, and the list changes by law, so each deployment states its own.

export interface WorkCalendar {
  /** IANA time zone the centre works in. */
  timeZone: string;
  /** Days off besides weekends, as YYYY-MM-DD. */
  holidays: readonly string[];
}

export const KYIV_CALENDAR: WorkCalendar = { timeZone: 'Europe/Kyiv', holidays: [] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDate = (value: string): boolean =>
  ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Minutes the zone is ahead of UTC at an instant (+120 or +180 for Kyiv). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The instant a local day ends (the next local midnight), taking the day's own UTC offset. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${addDays(date, 1)}T00:00:00Z`);
  // The offset just before that midnight is the one in force at its end (DST switches at 03:00/04:00).
  const offset = offsetMinutes(new Date(midnightUtc - 12 * 3_600_000), timeZone);
  return new Date(midnightUtc - offset * 60_000);
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(date);
}

/**
 * The end of the n-th working day after the local day of `from` (that day itself does not count:
 * a report received on Friday evening has the whole of the next n working days).
 */
export function workingDaysAfter(from: Date, n: number, calendar: WorkCalendar): Date {
  let date = localDate(from, calendar.timeZone);
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return endOfLocalDay(date, calendar.timeZone);
}

/**
 * The instant of a wall-clock time ("2026-12-01T14:05") in a time zone: what a specialist means
 * when they type when a notice was sent. Two passes settle the offset across a DST switch.
 */
export function fromLocalTime(local: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const first = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  return new Date(asUtc - offsetMinutes(new Date(first), timeZone) * 60_000);
}
