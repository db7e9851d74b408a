// The last step shared by both formats: cross-row checks, then either the Directory or every error
// in file order (an operator fixes a file top to bottom).
import type { AdminUnit, Centre, Directory } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';
import { type BrokenRows, checkDirectory, type Located } from './checks.js';
import type { RowError } from './row-error.js';

const SECTION_ORDER = { units: 0, centres: 1 } as const;

function inFileOrder(a: RowError, b: RowError): number {
  const section = (a.section ? SECTION_ORDER[a.section] : -1) - (b.section ? SECTION_ORDER[b.section] : -1);
  return section !== 0 ? section : (a.row ?? 0) - (b.row ?? 0);
}

export function finish(
  file: string,
  units: Located<AdminUnit>[],
  centres: Located<Centre>[],
  rowErrors: RowError[],
  broken: BrokenRows,
): Result<Directory, RowError[]> {
  // Every problem at once: an operator should not have to re-run the import once per mistake.
  const errors = [...rowErrors, ...checkDirectory(file, units, centres, broken)];
  if (errors.length > 0) return err(errors.sort(inFileOrder));
  return ok({ units: units.map((u) => u.value), centres: centres.map((c) => c.value) });
}
