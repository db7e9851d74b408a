// The administrative tree: oblast -> district (raion) -> hromada or town. Lookups a flow needs to offer
// "choose your district, then your town" buttons, and to place a shared location in a town.
import type { AdminLevel, AdminUnit, Directory, GeoPoint, Locale } from '../model.js';
import { distanceKm } from './geo.js';

export function unitById(directory: Directory, unitId: string): AdminUnit | null {
  return directory.units.find((u) => u.id === unitId) ?? null;
}

/** The unit and its parents up to the oblast, nearest first. Stops on a loop instead of spinning. */
export function unitPath(directory: Directory, unitId: string): AdminUnit[] {
  const path: AdminUnit[] = [];
  let unit = unitById(directory, unitId);
  while (unit && !path.includes(unit)) {
    path.push(unit);
    unit = unit.parentId === null ? null : unitById(directory, unit.parentId);
  }
  return path;
}

/** The oblast a unit lies in (the top of its path), or null for an unknown unit. */
export function oblastOf(directory: Directory, unitId: string): AdminUnit | null {
  const top = unitPath(directory, unitId).at(-1);
  return top?.level === 'OBLAST' ? top : null;
}

/**
 * Children of a unit in alphabetical order of the person's language, for buttons;
 * `parentId` null gives the oblasts.
 */
export function unitsUnder(
  directory: Directory,
  parentId: string | null,
  locale: Locale = 'uk',
): AdminUnit[] {
  const collator = new Intl.Collator(locale);
  const nameOf = (u: AdminUnit) => (locale === 'ru' ? u.nameRu : u.nameUk);
  return directory.units
    .filter((u) => u.parentId === parentId)
    .sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}

export interface NearestUnit {
  unit: AdminUnit;
  distanceKm: number;
}

/**
 * The town (HROMADA unit) whose coordinates are nearest to the point, within `maxKm`; if none is
 * that close, the nearest district. Oblasts are never matched: an oblast's "centre" says nothing
 * about who serves a place.
 */
export function nearestUnit(directory: Directory, point: GeoPoint, maxKm: number): NearestUnit | null {
  for (const level of ['HROMADA', 'DISTRICT'] as const satisfies AdminLevel[]) {
    let best: NearestUnit | null = null;
    for (const unit of directory.units) {
      if (unit.level !== level || unit.lat === null || unit.lon === null) continue;
      const d = distanceKm(point, { lat: unit.lat, lon: unit.lon });
      if (d <= maxKm && (best === null || d < best.distanceKm)) best = { unit, distanceKm: d };
    }
    if (best) return best;
  }
  return null;
}
