// Which centre serves a place. A centre serves the units in its coverage; a place no centre covers
// goes to the centre of the unit above it, and in the end to the oblast centre, which is the parent
// of all the others and never leaves a request without a queue. A centre that relocated because of
// the war keeps the coverage of its home area: it still serves the people from there.
import type { Centre, CentreLevel, Directory, GeoPoint } from '../model.js';
import { distanceKm } from './geo.js';
import { unitById, unitPath } from './units.js';

/** The most local centre wins when several cover the same unit. */
const SPECIFICITY: Record<CentreLevel, number> = { HROMADA: 0, CITY: 1, DISTRICT: 2, OBLAST: 3 };

const byLocalFirst = (a: Centre, b: Centre) =>
  SPECIFICITY[a.level] - SPECIFICITY[b.level] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The OBLAST-level centre of an oblast; without an id, the first oblast centre of the directory. */
export function oblastCentre(directory: Directory, oblastId?: string | null): Centre | null {
  const oblastCentres = directory.centres.filter((c) => c.level === 'OBLAST');
  if (oblastId) return oblastCentres.find((c) => c.oblastId === oblastId) ?? null;
  return oblastCentres[0] ?? null;
}

/** Centres whose coverage lists this very unit, most local first. */
export function centresCovering(directory: Directory, unitId: string): Centre[] {
  return directory.centres.filter((c) => c.coverage.includes(unitId)).sort(byLocalFirst);
}

/**
 * The centre for a unit: one covering the unit itself, else one covering its district, then its
 * oblast, else the oblast's centre. Null only for a unit the directory does not know.
 */
export function centreForUnit(directory: Directory, unitId: string): Centre | null {
  if (!unitById(directory, unitId)) return null;
  const path = unitPath(directory, unitId);
  for (const unit of path) {
    const covering = centresCovering(directory, unit.id)[0];
    if (covering) return covering;
  }
  const top = path.at(-1);
  return oblastCentre(directory, top?.level === 'OBLAST' ? top.id : null);
}

export interface NearestCentre {
  centre: Centre;
  distanceKm: number;
}

/**
 * The centre nearest to the point. The oblast centre only counts when there is no other: it shares
 * a city with a city centre and is the fallback for the whole oblast, not a local front door.
 */
export function nearestCentre(directory: Directory, point: GeoPoint): NearestCentre | null {
  const local = directory.centres.filter((c) => c.level !== 'OBLAST');
  const candidates = local.length > 0 ? local : directory.centres;
  let best: NearestCentre | null = null;
  for (const centre of candidates) {
    const d = distanceKm(point, centre);
    if (best === null || d < best.distanceKm) best = { centre, distanceKm: d };
  }
  return best;
}
