// The roll-up's sortable columns: sorted on the server (a link per column header), so sorting works
// without scripts and the sorted page has an address of its own. The totals row stays last.
import type { Cell, Row, Table } from '../../../core/reports/table.js';
import type { Sort } from './query.js';

/** A hidden count lies between 1 and 4: it sorts there, among its equals, revealing nothing more. */
const HIDDEN = 2.5;

function keyOf(cell: Cell | undefined): number {
  switch (cell?.kind) {
    case 'count':
      return cell.value;
    case 'share':
      return cell.denominator === 0 ? -1 : cell.numerator / cell.denominator;
    case 'duration':
      return cell.seconds ?? -1;
    case 'suppressed':
      return HIDDEN;
    default:
      return -1;
  }
}

const nameOf = (row: Row) => (typeof row.label === 'string' ? row.label : row.label.key);

export function sortRows(table: Table, sort: Sort | null): Table {
  if (!sort) return table;
  const sign = sort.descending ? -1 : 1;
  const byName = (a: Row, b: Row) => nameOf(a).localeCompare(nameOf(b), 'uk');
  const { by } = sort;
  // Equal values (several "<5") keep the alphabetical order in both directions.
  const compare =
    by === 'name'
      ? (a: Row, b: Row) => sign * byName(a, b)
      : (a: Row, b: Row) => sign * (keyOf(a.cells[by]) - keyOf(b.cells[by])) || byName(a, b);
  const body = table.rows.filter((r) => !r.total).sort(compare);
  return { ...table, rows: [...body, ...table.rows.filter((r) => r.total)] };
}
