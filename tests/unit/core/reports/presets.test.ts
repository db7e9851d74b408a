// A centre head picks "this week", "this month", "last month" or days of their own: Kyiv's calendar
// decides, even late in the evening when UTC is already on the next day.
import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_DAYS, pickPeriod } from '../../../../src/core/reports/presets.js';

const at = (iso: string) => ({ now: () => new Date(iso) });
const days = (picked: ReturnType<typeof pickPeriod>) =>
  picked.ok ? [picked.period.firstDay, picked.period.lastDay] : picked.problem;

describe('period presets', () => {
  // Thursday 10 December 2026, 10:00 UTC (12:00 in Kyiv).
  const thursday = at('2026-12-10T10:00:00Z');

  it('this week runs from Monday to today, this month from the 1st to today', () => {
    expect(days(pickPeriod(thursday, 'week'))).toEqual(['2026-12-07', '2026-12-10']);
    expect(days(pickPeriod(thursday, 'month'))).toEqual(['2026-12-01', '2026-12-10']);
  });

  it('last month is the whole previous month, across a new year', () => {
    expect(days(pickPeriod(thursday, 'lastMonth'))).toEqual(['2026-11-01', '2026-11-30']);
    expect(days(pickPeriod(at('2027-01-15T10:00:00Z'), 'lastMonth'))).toEqual(['2026-12-01', '2026-12-31']);
  });

  it('counts today in Kyiv: 23:30 UTC on 31 May is already 1 June there', () => {
    expect(days(pickPeriod(at('2026-05-31T23:30:00Z'), 'month'))).toEqual(['2026-06-01', '2026-06-01']);
  });

  it('takes custom days, and says what is wrong with bad ones', () => {
    const custom = (firstDay: string, lastDay: string) =>
      days(pickPeriod(thursday, 'custom', { firstDay, lastDay }));
    expect(custom('2026-11-10', '2026-11-20')).toEqual(['2026-11-10', '2026-11-20']);
    expect(custom('2026-02-30', '2026-03-01')).toBe('notADate');
    expect(custom('10.11.2026', '2026-11-20')).toBe('notADate');
    expect(custom('', '')).toBe('notADate');
    expect(custom('2026-11-20', '2026-11-10')).toBe('endsBeforeStart');
    expect(custom('2020-01-01', '2026-11-30')).toBe('tooLong');
    expect(MAX_PERIOD_DAYS).toBeGreaterThan(366 * 2); // two full years stay possible
  });
});
