// The assessment deadlines the statistics join to the requests: each local day of the period with its
// bounds in UTC (the clocks change in spring) and the end of its 5th working day.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASEWORK_POLICY } from '../../../../src/core/casework/deadlines.js';
import { assessmentDeadlines, sumCasework } from '../../../../src/core/reports/casework.js';
import { periodOf } from '../../../../src/core/reports/period.js';

/** The end of a Kyiv day, as an instant. */
const endOfKyivDay = (day: string, offsetHours: number) =>
  new Date(Date.parse(`${day}T24:00:00Z`) - offsetHours * 3_600_000);

describe("assessment deadlines of the period's days", () => {
  it('bounds each local day in UTC across the spring clock change', () => {
    // Kyiv moves from UTC+2 to UTC+3 at 04:00 local on Sunday 29 March 2026.
    const days = assessmentDeadlines(periodOf('2026-03-28', '2026-03-30'), DEFAULT_CASEWORK_POLICY);
    expect(days.map((d) => [d.day, d.from.toISOString(), d.to.toISOString()])).toEqual([
      ['2026-03-28', '2026-03-27T22:00:00.000Z', '2026-03-28T22:00:00.000Z'],
      ['2026-03-29', '2026-03-28T22:00:00.000Z', '2026-03-29T21:00:00.000Z'], // 23 hours long
      ['2026-03-30', '2026-03-29T21:00:00.000Z', '2026-03-30T21:00:00.000Z'],
    ]);
    // Saturday and Sunday both have until the end of Friday 3 April (now at +3).
    expect(days[0]?.dueAt).toEqual(endOfKyivDay('2026-04-03', 3));
    expect(days[1]?.dueAt).toEqual(endOfKyivDay('2026-04-03', 3));
  });

  it("gives a Friday's request the end of the next Friday: the weekend does not count", () => {
    const [friday] = assessmentDeadlines(periodOf('2026-11-20', '2026-11-20'), DEFAULT_CASEWORK_POLICY);
    expect(friday?.dueAt).toEqual(endOfKyivDay('2026-11-27', 2));
  });

  it('skips a configured holiday', () => {
    const policy = {
      ...DEFAULT_CASEWORK_POLICY,
      calendar: { timeZone: 'Europe/Kyiv', holidays: ['2026-11-23'] },
    };
    const [friday] = assessmentDeadlines(periodOf('2026-11-20', '2026-11-20'), policy);
    expect(friday?.dueAt).toEqual(endOfKyivDay('2026-11-30', 2));
  });
});

it('adds up the deadlines of several centres', () => {
  const one = { due: 3, met: 1, late: 1, missing: 1, pending: 2 };
  const none = { due: 0, met: 0, late: 0, missing: 0, pending: 0 };
  const centre = {
    childrenServiceNoticeWithin24h: one,
    policeNoticeWithin1h: none,
    needsAssessmentWithin5WorkingDays: one,
  };
  expect(sumCasework([centre, centre]).childrenServiceNoticeWithin24h).toEqual({
    due: 6,
    met: 2,
    late: 2,
    missing: 2,
    pending: 4,
  });
});
