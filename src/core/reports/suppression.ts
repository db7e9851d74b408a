// Small-count suppression for anything that leaves the owning centre (the oblast roll-up, any export
// not scoped to one centre): a count of 1 to 4 requests in a small hromada can point at one family.
//
// 1. Primary: every count from 1 to threshold − 1 becomes "<5". Zero stays 0: it describes nobody.
// 2. Complementary: a total minus the visible cells must not give a suppressed cell back. Every
//    "line" that adds up (a column down to its totals row, a row across to its total column) must hold
//    no suppressed cell or at least two; a line with exactly one gets its smallest other non-zero
//    count suppressed as well (or its total, when there is no other). Repeated until nothing changes,
//    since a new suppression can leave another line with one.
// 3. Derived cells: a percentage follows its count; a reaction time over fewer than threshold requests
//    (one request's time is that family's case) is suppressed.
//
// This is the standard row-and-column heuristic, not a full linear-programming cell-suppression
// solver: it protects each table against its own totals. Tables are not linked to each other.
import type { Cell, Table } from './table.js';

export const SMALL_COUNT_THRESHOLD = 5;

type Position = readonly [row: number, column: number];

export function suppressSmallCounts(table: Table, threshold = SMALL_COUNT_THRESHOLD): Table {
  const cells: Cell[][] = table.rows.map((row) => [...row.cells]);
  const valueAt = ([r, c]: Position) => {
    const cell = cells[r]?.[c];
    return cell?.kind === 'count' ? cell.value : null;
  };
  const hidden = new Set<string>();
  const keyOf = ([r, c]: Position) => `${r}:${c}`;

  cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell.kind === 'count' && cell.value > 0 && cell.value < threshold) hidden.add(keyOf([r, c]));
    });
  });

  const lines = linesOf(table);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { parts, total } of lines) {
      const members = total ? [...parts, total] : parts;
      if (members.filter((p) => hidden.has(keyOf(p))).length !== 1) continue;
      const candidates = parts
        .filter((p) => !hidden.has(keyOf(p)) && (valueAt(p) ?? 0) > 0)
        .sort((a, b) => (valueAt(a) ?? 0) - (valueAt(b) ?? 0));
      const next = candidates[0] ?? (total && !hidden.has(keyOf(total)) ? total : undefined);
      if (next) {
        hidden.add(keyOf(next));
        changed = true;
      }
    }
  }

  const rows = table.rows.map((row, r) => ({
    ...row,
    cells: row.cells.map((cell, c): Cell => {
      if (hidden.has(keyOf([r, c]))) return { kind: 'suppressed' };
      if (cell.kind === 'share' && hidden.has(keyOf([r, cell.of]))) return { kind: 'suppressed' };
      if (cell.kind === 'duration' && cell.over > 0 && cell.over < threshold) return { kind: 'suppressed' };
      return cell;
    }),
  }));
  return { ...table, rows };
}

/** The sets of count cells that add up to a total in this table. */
function linesOf(table: Table): { parts: Position[]; total?: Position }[] {
  const lines: { parts: Position[]; total?: Position }[] = [];
  const totalRow = table.rows.findIndex((row) => row.total);
  for (const column of table.additive) {
    const parts = table.rows.flatMap((row, r): Position[] => (row.total ? [] : [[r, column]]));
    lines.push(totalRow >= 0 ? { parts, total: [totalRow, column] } : { parts });
  }
  const { rowSum } = table;
  if (rowSum) {
    table.rows.forEach((_, r) => {
      lines.push({ parts: rowSum.parts.map((c): Position => [r, c]), total: [r, rowSum.total] });
    });
  }
  // A line without a total cannot be differenced; only lines with one need protecting.
  return lines.filter((line) => line.total !== undefined);
}
