// A centre head picks "1–30 November": the period is those local days in Kyiv, whatever UTC says.
import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  bucketsOf,
  granularityFor,
  lastDays,
  localDaysOf,
  PeriodError,
  periodOf,
} from '../../../../src/core/reports/period.js';

describe('report periods', () => {
  it('runs from local midnight to the local midnight after the last day (UTC+2 in winter)', () => {
    const november = periodOf('2026-11-01', '2026-11-30');
    expect(november.from.toISOString()).toBe('2026-10-31T22:00:00.000Z');
    expect(november.to.toISOString()).toBe('2026-11-30T22:00:00.000Z');
  });

  it('follows summer time: a July day starts at 21:00 UTC the day before', () => {
    expect(periodOf('2026-07-15', '2026-07-15').from.toISOString()).toBe('2026-07-14T21:00:00.000Z');
  });

  it('spans the night the clocks go back (25 October 2026 has 25 hours)', () => {
    const day = periodOf('2026-10-25', '2026-10-25');
    expect(day.to.getTime() - day.from.getTime()).toBe(25 * 3_600_000);
  });

  it('refuses dates that do not exist and periods that end before they start', () => {
    expect(() => periodOf('2026-02-30', '2026-03-01')).toThrow(PeriodError);
    expect(() => periodOf('2026-11-30', '2026-11-01')).toThrow(PeriodError);
    expect(() => periodOf('30.11.2026', '2026-12-01')).toThrow(PeriodError);
  });

  it('defaults to the last 30 local days up to today, by the injected clock', () => {
    // 23:30 UTC on 30 November is already 1 December in Kyiv.
    const period = lastDays({ now: () => new Date('2026-11-30T23:30:00Z') }, 30);
    expect([period.firstDay, period.lastDay]).toEqual(['2026-11-02', '2026-12-01']);
  });

  it('cuts a period into local days, one of 23 hours where the clocks go forward', () => {
    const days = localDaysOf(periodOf('2026-03-28', '2026-03-30'));
    expect(days.map((d) => [d.day, d.from.toISOString(), d.to.toISOString()])).toEqual([
      ['2026-03-28', '2026-03-27T22:00:00.000Z', '2026-03-28T22:00:00.000Z'],
      ['2026-03-29', '2026-03-28T22:00:00.000Z', '2026-03-29T21:00:00.000Z'],
      ['2026-03-30', '2026-03-29T21:00:00.000Z', '2026-03-30T21:00:00.000Z'],
    ]);
  });

  it('charts days for a month, weeks (from Monday) for a quarter, months for a year', () => {
    expect(granularityFor(periodOf('2026-11-01', '2026-11-30'))).toBe('day');
    expect(granularityFor(periodOf('2026-09-01', '2026-11-30'))).toBe('week');
    expect(granularityFor(periodOf('2025-12-01', '2026-11-30'))).toBe('month');
    expect(bucketOf('2026-11-15', 'week')).toBe('2026-11-09'); // a Sunday belongs to the week of Monday the 9th
    expect(bucketOf('2026-11-15', 'month')).toBe('2026-11');
    expect(bucketsOf(periodOf('2026-11-01', '2026-11-30'), 'week')).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
  });
});
