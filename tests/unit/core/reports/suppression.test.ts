// A roll-up leaves the centre: no count from 1 to 4 may be shown, or worked out from a total.
import { describe, expect, it } from 'vitest';
import { suppressSmallCounts } from '../../../../src/core/reports/suppression.js';
import {
  type Cell,
  count,
  formatCell,
  hours,
  share,
  type Table,
} from '../../../../src/core/reports/table.js';

const table = (rows: Cell[][], extra: Partial<Table> = {}): Table => ({
  id: 't',
  title: { key: 't' },
  columns: [],
  rows: rows.map((cells, i) => ({ label: `row ${i}`, cells, total: i === rows.length - 1 })),
  additive: [0],
  ...extra,
});
const shown = (t: Table) => t.rows.map((r) => r.cells.map((c) => formatCell(c, 5)));

describe('small-count suppression', () => {
  it('shows 1 to 4 as "<5", keeps 0 and 5 and more', () => {
    const t = suppressSmallCounts(table([[count(0)], [count(4)], [count(1)], [count(5)], [count(10)]]));
    expect(shown(t)).toEqual([['0'], ['<5'], ['<5'], ['5'], ['10']]);
  });

  it('hides the smallest other count when a total would give one hidden cell back', () => {
    // 7 + 2 + 12 = 21: with only the 2 hidden, 21 − 7 − 12 = 2. The 7 is hidden too.
    const t = suppressSmallCounts(table([[count(7)], [count(2)], [count(12)], [count(21)]]));
    expect(shown(t)).toEqual([['<5'], ['<5'], ['12'], ['21']]);
  });

  it('hides the total when the one hidden cell is the only count in its line', () => {
    // 0 + 3 = 3: the total is itself below 5.
    const t = suppressSmallCounts(table([[count(0)], [count(3)], [count(3)]]));
    expect(shown(t)).toEqual([['0'], ['<5'], ['<5']]);
  });

  it('protects rows and columns together, repeating until every line holds 0 or at least 2 hidden cells', () => {
    // concerns + consultations = requests, per day and in total.
    //          concerns  consultations  requests
    // day 1        2           9            11
    // day 2        8           6            14
    // total       10          15            25
    // The 2 is hidden. Column 0 (2 + 8 = 10) would give it back: the 8 goes. Row 1 (2 + 9 = 11):
    // the 9 goes. Row 2 (8 + 6 = 14) now has the 8 alone: the 6 goes. Column 1 then holds the 9 and
    // the 6, both hidden, and no line has exactly one hidden cell left.
    const t = suppressSmallCounts(
      table(
        [
          [count(2), count(9), count(11)],
          [count(8), count(6), count(14)],
          [count(10), count(15), count(25)],
        ],
        { additive: [0, 1, 2], rowSum: { parts: [0, 1], total: 2 } },
      ),
    );
    expect(shown(t)).toEqual([
      ['<5', '<5', '11'],
      ['<5', '<5', '14'],
      ['10', '15', '25'],
    ]);
  });

  it('hides a percentage with its count, and a time taken over fewer than 5 requests', () => {
    const t = suppressSmallCounts(
      table([
        [count(3), share(0, 3, 30), hours(7200, 3)],
        [count(27), share(0, 27, 30), hours(3600, 27)],
        [count(30), share(0, 30, 30), hours(3600, 30)],
      ]),
    );
    expect(shown(t)).toEqual([
      ['<5', '<5', '<5'],
      ['<5', '<5', '1.0'],
      ['30', '100.0', '1.0'],
    ]);
  });
});
