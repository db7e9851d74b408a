// The assessment deadlines the statistics join by UTC date: each local midnight where it falls in UTC
// (the clocks change in spring), and the deadline of the days before and after it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASEWORK_POLICY } from '../../../../src/core/casework/deadlines.js';
import { assessmentDeadlines, sumCasework } from '../../../../src/core/reports/casework.js';
import { periodOf } from '../../../../src/core/reports/period.js';

/** The end of a Kyiv day, as an instant. */
const endOfKyivDay = (day: string, offsetHours: number) =>
  new Date(Date.parse(`${day}T24:00:00Z`) - offsetHours * 3_600_000);

describe('assessment deadlines by UTC date', () => {
  it('finds the local midnight on each UTC date across the spring clock change', () => {
    // Kyiv moves from UTC+2 to UTC+3 at 04:00 local on Sunday 29 March 2026.
    const rows = assessmentDeadlines(periodOf('2026-03-27', '2026-03-30'), DEFAULT_CASEWORK_POLICY);
    expect(rows.map((r) => [r.utcDate, r.midnight])).toEqual([
      ['2026-03-26', '22:00:00.000'], // midnight starting Friday 27th
      ['2026-03-27', '22:00:00.000'],
      ['2026-03-28', '22:00:00.000'], // starting Sunday 29th, still at +2
      ['2026-03-29', '21:00:00.000'], // starting Monday 30th, now at +3
      ['2026-03-30', '21:00:00.000'], // the end of the period
    ]);
  });

  it("gives a Friday's request the end of the next Friday: the weekend does not count", () => {
    const [friday] = assessmentDeadlines(periodOf('2026-11-20', '2026-11-20'), DEFAULT_CASEWORK_POLICY);
    expect(friday?.dueAfter).toEqual(endOfKyivDay('2026-11-27', 2));
    // Before that midnight it was still Thursday 19th: Fri, Mon, Tue, Wed, Thu 26th.
    expect(friday?.dueBefore).toEqual(endOfKyivDay('2026-11-26', 2));
  });

  it('skips a configured holiday', () => {
    const policy = {
      ...DEFAULT_CASEWORK_POLICY,
      calendar: { timeZone: 'Europe/Kyiv', holidays: ['2026-11-23'] },
    };
    const [friday] = assessmentDeadlines(periodOf('2026-11-20', '2026-11-20'), policy);
    expect(friday?.dueAfter).toEqual(endOfKyivDay('2026-11-30', 2));
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
