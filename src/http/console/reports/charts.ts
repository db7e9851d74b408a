// What each chart draws, taken from the table shown next to it after suppression: a chart can
// never show more than its table (a "<5" cell is a gap in the chart, not its exact count). The
// browser script public/console/charts.js draws the spec with uPlot.
import type { Cell, Table } from '../../../core/reports/table.js';

export type ChartKind = 'line' | 'hbars';

export interface ChartSpec {
  kind: ChartKind;
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
}

/** Which tables get a chart, which of their columns it draws, and how. */
const CHARTS: Record<string, { kind: ChartKind; columns: number[] }> = {
  // Requests over time, all of them, then reports about children and consultations apart: across an
  // oblast the parts of a day are often "<5" while the day's total is not.
  overTime: { kind: 'line', columns: [2, 0, 1] },
  byCategory: { kind: 'hbars', columns: [0] },
  // The 90th percentile behind the median: each bar shows "most" and "nearly all" at once.
  reactionTimes: { kind: 'hbars', columns: [2, 1] },
};

export const hasChart = (table: Table): boolean => table.id in CHARTS;

/** The number a chart draws for a cell: counts as they are, times in hours, nothing when hidden. */
function drawnValue(cell: Cell | undefined): number | null {
  if (cell?.kind === 'count') return cell.value;
  if (cell?.kind === 'duration' && cell.seconds !== null) {
    return Math.round((cell.seconds / (cell.unit === 'hours' ? 3600 : 86_400)) * 10) / 10;
  }
  return null;
}

export function chartOf(
  table: Table,
  text: (label: Table['columns'][number] | string) => string,
): ChartSpec | null {
  const chart = CHARTS[table.id];
  if (!chart) return null;
  const rows = table.rows.filter((r) => !r.total);
  const series = chart.columns.map((c) => ({
    // columns[0] is the label column's header; cell column c is columns[c + 1].
    label: text(table.columns[c + 1] ?? ''),
    values: rows.map((r) => drawnValue(r.cells[c])),
  }));
  // Nothing above zero to draw (no requests, or every count hidden as "<5"): an empty frame or a
  // flat line with gaps would say less than the table, and could be misread as "none".
  if (!series.some((s) => s.values.some((v) => v !== null && v > 0))) return null;
  return { kind: chart.kind, labels: rows.map((r) => text(r.label)), series };
}
