// A report as tables: what the console shows next to each chart and what the export writes, cell by
// cell. Labels are locale keys (or names from the directory); numbers stay numbers until an edge
// formats them, so that suppression can reason about them.
import type { Text } from '../conversation/types.js';

export type Cell =
  | { kind: 'count'; value: number }
  /** A percentage of `denominator`; it follows the suppression of the count in column `of`. */
  | { kind: 'share'; of: number; numerator: number; denominator: number }
  /** A duration taken over `over` requests (null: none); shown in hours or days. */
  | { kind: 'duration'; seconds: number | null; over: number; unit: 'hours' | 'days' }
  | { kind: 'suppressed' };

export interface Row {
  /** A locale key, or a name as it stands (a centre, a hromada). */
  label: Text | string;
  cells: Cell[];
  /** The totals row: its count cells are the sums of the other rows' (see Table.additive). */
  total?: boolean;
}

export interface Table {
  /** Stable name, also the export's file name. */
  id: string;
  title: Text;
  /** Header of the label column, then one per cell column. */
  columns: Text[];
  rows: Row[];
  /** Count columns whose total row is the sum of the other rows: protected against differencing. */
  additive: number[];
  /** Count columns of each row that add up to another column of the same row. */
  rowSum?: { parts: number[]; total: number };
}

export const count = (value: number): Cell => ({ kind: 'count', value });
export const share = (of: number, numerator: number, denominator: number): Cell => ({
  kind: 'share',
  of,
  numerator,
  denominator,
});
export const hours = (seconds: number | null, over: number): Cell => ({
  kind: 'duration',
  seconds,
  over,
  unit: 'hours',
});

/** One decimal, with a point: the export is read by spreadsheets as well as by people. */
const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

/** The text of a cell; suppressed cells read "<5" (the threshold they were suppressed under). */
export function formatCell(cell: Cell, threshold: number): string {
  switch (cell.kind) {
    case 'count':
      return String(cell.value);
    case 'share':
      return cell.denominator === 0 ? '' : oneDecimal((100 * cell.numerator) / cell.denominator);
    case 'duration':
      if (cell.seconds === null) return '';
      return oneDecimal(cell.seconds / (cell.unit === 'hours' ? 3600 : 86_400));
    case 'suppressed':
      return `<${threshold}`;
  }
}
