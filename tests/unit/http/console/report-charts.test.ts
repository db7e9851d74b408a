// A chart shows no more than the table next to it: a hidden "<5" is a gap, and a table with nothing
// above zero to draw gets no chart at all. The roll-up sorts by what it shows.
import { describe, expect, it } from 'vitest';
import { suppressSmallCounts } from '../../../../src/core/reports/suppression.js';
import { count, hours, type Table } from '../../../../src/core/reports/table.js';
import { chartOf } from '../../../../src/http/console/reports/charts.js';
import { sortRows } from '../../../../src/http/console/reports/sort.js';

const text = (label: Table['columns'][number] | string) => (typeof label === 'string' ? label : label.key);

const categories = (counts: Record<string, number>): Table => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    id: 'byCategory',
    title: { key: 't' },
    columns: [{ key: 'category' }, { key: 'requests' }],
    rows: [
      ...Object.entries(counts).map(([label, n]) => ({ label, cells: [count(n)] })),
      { label: 'total', cells: [count(total)], total: true },
    ],
    additive: [0],
  };
};

describe('report charts', () => {
  it('draws the counts the table shows and leaves hidden ones out', () => {
    const table = suppressSmallCounts(categories({ neglect: 12, violence: 9, bullying: 2 }));
    expect(chartOf(table, text)).toEqual({
      kind: 'hbars',
      labels: ['neglect', 'violence', 'bullying'],
      // 2 is hidden, and so is 9 (else 23 − 12 − 9 would give the 2 back).
      series: [{ label: 'requests', values: [12, null, null] }],
    });
  });

  it('draws nothing when nothing above zero is visible', () => {
    expect(chartOf(suppressSmallCounts(categories({ neglect: 3, violence: 1 })), text)).toBeNull();
    expect(chartOf(categories({ neglect: 0 }), text)).toBeNull();
  });

  it('draws reaction times in hours, the 90th percentile behind the median', () => {
    const table: Table = {
      id: 'reactionTimes',
      title: { key: 't' },
      columns: [{ key: 'reaction' }, { key: 'over' }, { key: 'median' }, { key: 'p90' }],
      rows: [{ label: 'claim', cells: [count(7), hours(2400, 7), hours(36_000, 7)] }],
      additive: [],
    };
    expect(chartOf(table, text)?.series).toEqual([
      { label: 'p90', values: [10] },
      { label: 'median', values: [0.7] },
    ]);
  });

  it('sorts the rows by a column, hidden counts among the small ones, the totals row last', () => {
    const table = suppressSmallCounts(categories({ neglect: 12, violence: 9, bullying: 2, legal: 0 }));
    const order = (descending: boolean) => sortRows(table, { by: 0, descending }).rows.map((r) => r.label);
    expect(order(true)).toEqual(['neglect', 'bullying', 'violence', 'legal', 'total']);
    expect(order(false)).toEqual(['legal', 'bullying', 'violence', 'neglect', 'total']);
    expect(sortRows(table, { by: 'name', descending: false }).rows.map((r) => r.label)).toEqual([
      'bullying',
      'legal',
      'neglect',
      'violence',
      'total',
    ]);
  });
});
