// Routing one request to one centre's queue, from whatever the person gave: a chosen town or district,
// a shared location, or nothing at all.
import type { AdminUnit, Centre, Directory, GeoPoint } from '../model.js';
import { err, ok, type Result } from '../result.js';
import { centreForUnit, nearestCentre, oblastCentre } from './centres.js';
import { nearestUnit, oblastOf, unitById } from './units.js';

/**
 * How far a shared location may be from the nearest known town and still be placed in it. Towns
 * and hromada centres of an oblast lie 10-30 km apart, so 40 km reaches every village between
 * them, while a location in another oblast is not pulled into this one's queues.
 */
export const MAX_PLACE_DISTANCE_KM = 40;

export interface RouteInput {
  point?: GeoPoint | null;
  unitId?: string | null;
  oblastId?: string | null;
}

/** UNIT: the person chose a place. LOCATION: from a shared point. OBLAST: nothing usable, the oblast centre. */
export type RouteBasis = 'UNIT' | 'LOCATION' | 'OBLAST';

export interface Route {
  centre: Centre;
  basis: RouteBasis;
  /** The unit the request belongs to, when known: it is stored with the request. */
  unit: AdminUnit | null;
}

/** The directory has no oblast centre to fall back to (an import would have refused it). */
export type RouteError = 'NO_CENTRE';

export function routeRequest(directory: Directory, input: RouteInput): Result<Route, RouteError> {
  // A chosen place wins over a shared location: the person may be reporting about somewhere else.
  const chosen = input.unitId ? unitById(directory, input.unitId) : null;
  if (chosen) {
    const centre = centreForUnit(directory, chosen.id);
    if (centre) return ok({ centre, basis: 'UNIT', unit: chosen });
  }
  if (input.point) {
    const place = nearestUnit(directory, input.point, MAX_PLACE_DISTANCE_KM);
    const centre = place ? centreForUnit(directory, place.unit.id) : null;
    if (place && centre) return ok({ centre, basis: 'LOCATION', unit: place.unit });
    const near = nearestCentre(directory, input.point);
    if (near && near.distanceKm <= MAX_PLACE_DISTANCE_KM)
      return ok({ centre: near.centre, basis: 'LOCATION', unit: null });
  }
  const oblastId = input.oblastId ?? (chosen ? oblastOf(directory, chosen.id)?.id : null);
  const fallback = oblastCentre(directory, oblastId) ?? oblastCentre(directory);
  return fallback ? ok({ centre: fallback, basis: 'OBLAST', unit: null }) : err('NO_CENTRE');
}
