// Checks across rows, run once every row is valid on its own: ids are unique, every reference points
// at a row that exists, the unit tree has the right shape, centres do not form a cycle, and each
// oblast has exactly one oblast centre (where requests without a location go).
import type { AdminLevel, AdminUnit, Centre } from '../core/model.js';
import { fileError, type RowError, type RowLocation, rowError } from './row-error.js';

export interface Located<T> {
  at: RowLocation;
  value: T;
}

/**
 * Ids of rows that failed their own validation. References to them are not reported again as
 * "no unit has id": the operator already sees the real problem on that row.
 */
export interface BrokenRows {
  units: ReadonlySet<string>;
  centres: ReadonlySet<string>;
}

const noBrokenRows: BrokenRows = { units: new Set(), centres: new Set() };

/** Which parent levels each level may hang under. */
const PARENT_LEVELS: Record<AdminLevel, readonly AdminLevel[]> = {
  OBLAST: [],
  DISTRICT: ['OBLAST'],
  HROMADA: ['DISTRICT', 'OBLAST'],
};

function firstById<T extends { id: string }>(
  rows: Located<T>[],
  errors: RowError[],
): Map<string, Located<T>> {
  const byId = new Map<string, Located<T>>();
  for (const row of rows) {
    const first = byId.get(row.value.id);
    if (first)
      errors.push(rowError(row.at, 'id', `"${row.value.id}" is already used on row ${first.at.row}`));
    else byId.set(row.value.id, row);
  }
  return byId;
}

function checkUnits(
  units: Map<string, Located<AdminUnit>>,
  rows: Located<AdminUnit>[],
  broken: BrokenRows,
  errors: RowError[],
) {
  for (const { at, value: u } of rows) {
    if (units.get(u.id)?.at !== at) continue;
    const allowed = PARENT_LEVELS[u.level];
    if (u.parentId === null) {
      if (allowed.length > 0) errors.push(rowError(at, 'parentId', `is required for a ${u.level} unit`));
      continue;
    }
    const parent = units.get(u.parentId)?.value;
    if (!parent && broken.units.has(u.parentId)) continue;
    if (!parent) errors.push(rowError(at, 'parentId', `no unit has id "${u.parentId}"`));
    else if (allowed.length === 0)
      errors.push(rowError(at, 'parentId', 'must be empty: an oblast has no parent'));
    else if (!allowed.includes(parent.level)) {
      errors.push(
        rowError(
          at,
          'parentId',
          `a ${u.level} unit must be inside ${allowed.join(' or ')}, "${parent.id}" is ${parent.level}`,
        ),
      );
    }
  }
}

/** The oblast a unit lies in, or null when its chain is broken or loops (reported elsewhere). */
function rootOf(units: Map<string, Located<AdminUnit>>, unitId: string): string | null {
  const seen = new Set<string>();
  let unit = units.get(unitId)?.value;
  while (unit && !seen.has(unit.id)) {
    if (unit.parentId === null) return unit.level === 'OBLAST' ? unit.id : null;
    seen.add(unit.id);
    unit = units.get(unit.parentId)?.value;
  }
  return null;
}

/** A broken chain (root null) is reported on the unit's own row, not again here. */
const isOutside = (root: string | null, oblastId: string) => root !== null && root !== oblastId;

function centreCycle(centres: Map<string, Located<Centre>>, start: Centre): string[] | null {
  const path = [start.id];
  let next = start.parentId;
  while (next !== null) {
    path.push(next);
    if (next === start.id) return path;
    if (path.length > centres.size + 1) return null; // a loop further up; reported on its own rows
    next = centres.get(next)?.value.parentId ?? null;
  }
  return null;
}

function checkCentres(
  units: Map<string, Located<AdminUnit>>,
  centres: Map<string, Located<Centre>>,
  rows: Located<Centre>[],
  broken: BrokenRows,
  errors: RowError[],
) {
  const unitMissing = (id: string) => !units.has(id) && !broken.units.has(id);
  const oblastCentre = new Map<string, Located<Centre>>();
  for (const { at, value: c } of rows) {
    if (centres.get(c.id)?.at !== at) continue;
    const oblast = units.get(c.oblastId)?.value;
    if (unitMissing(c.oblastId)) errors.push(rowError(at, 'oblastId', `no unit has id "${c.oblastId}"`));
    else if (oblast && oblast.level !== 'OBLAST')
      errors.push(rowError(at, 'oblastId', `"${c.oblastId}" is not an OBLAST unit`));
    if (c.level === 'OBLAST') {
      const first = oblastCentre.get(c.oblastId);
      if (first)
        errors.push(
          rowError(
            at,
            'level',
            `oblast "${c.oblastId}" already has its OBLAST centre on row ${first.at.row}`,
          ),
        );
      else oblastCentre.set(c.oblastId, { at, value: c });
    }
    if (c.parentId === null) {
      // Escalations climb the parent chain; only an oblast centre may be the top of it.
      if (c.level !== 'OBLAST')
        errors.push(
          rowError(at, 'parentId', 'is required: unanswered requests escalate to the parent centre'),
        );
    } else if (!centres.has(c.parentId)) {
      if (!broken.centres.has(c.parentId))
        errors.push(rowError(at, 'parentId', `no centre has id "${c.parentId}"`));
    } else {
      const cycle = centreCycle(centres, c);
      if (cycle) errors.push(rowError(at, 'parentId', `centres form a cycle: ${cycle.join(' → ')}`));
    }
    const seen = new Set<string>();
    for (const unitId of c.coverage) {
      if (seen.has(unitId)) errors.push(rowError(at, 'coverage', `"${unitId}" is listed twice`));
      seen.add(unitId);
      if (unitMissing(unitId)) errors.push(rowError(at, 'coverage', `no unit has id "${unitId}"`));
      else if (oblast && isOutside(rootOf(units, unitId), oblast.id)) {
        errors.push(rowError(at, 'coverage', `"${unitId}" is not inside the centre's oblast "${oblast.id}"`));
      }
    }
  }
  // With a broken centre row, the missing oblast centre may well be that row.
  if (broken.centres.size > 0) return;
  for (const { at, value: u } of units.values()) {
    if (u.level === 'OBLAST' && !oblastCentre.has(u.id)) {
      errors.push(
        rowError(
          at,
          'id',
          `oblast "${u.id}" has no centre of level OBLAST (requests without a location go there)`,
        ),
      );
    }
  }
}

export function checkDirectory(
  file: string,
  units: Located<AdminUnit>[],
  centres: Located<Centre>[],
  broken: BrokenRows = noBrokenRows,
): RowError[] {
  const errors: RowError[] = [];
  if (units.length === 0 && broken.units.size === 0)
    errors.push(fileError(file, 'has no units: at least the oblast is needed'));
  if (centres.length === 0 && broken.centres.size === 0)
    errors.push(fileError(file, 'has no centres: at least the oblast centre is needed'));
  const unitsById = firstById(units, errors);
  const centresById = firstById(centres, errors);
  checkUnits(unitsById, units, broken, errors);
  checkCentres(unitsById, centresById, centres, broken, errors);
  return errors;
}
