// What the place question needs from the directory, in the flows' terms. The rules themselves
// (who serves a place, how a typed name matches) live in core/routing.

import type { Place } from '../conversation/state.js';
import type { AdminUnit, Centre, Directory, GeoPoint, Locale } from '../model.js';
import {
  exactTownMatches,
  unitById as findUnit,
  matchTown,
  routeRequest,
  unitsUnder,
} from '../routing/index.js';

export function unitById(directory: Directory, id: string): AdminUnit | undefined {
  return findUnit(directory, id) ?? undefined;
}

export function unitName(unit: AdminUnit, locale: Locale): string {
  return locale === 'ru' ? unit.nameRu : unit.nameUk;
}

/** The first list offered: the oblasts, or straight the districts when the directory has one oblast. */
export function topUnits(directory: Directory, locale: Locale): AdminUnit[] {
  const oblasts = unitsUnder(directory, null, locale);
  const [only] = oblasts;
  return oblasts.length === 1 && only ? unitsUnder(directory, only.id, locale) : oblasts;
}

export function childUnits(directory: Directory, parentId: string, locale: Locale): AdminUnit[] {
  return unitsUnder(directory, parentId, locale);
}

export interface FoundTowns {
  /** True when exactly one place has exactly this name: no need to ask "did you mean". */
  exact: boolean;
  units: AdminUnit[];
}

/**
 * Places matching a typed name. Several places with the very same name (Ukraine has dozens of
 * "Миколаївка") are all offered, each with its district, for the person to pick.
 */
export function findTowns(directory: Directory, typed: string): FoundTowns {
  const [only, ...more] = exactTownMatches(directory, typed);
  if (only && more.length === 0) return { exact: true, units: [only] };
  const matches = matchTown(directory, typed, { limit: 6 });
  const exact = matches.filter((m) => m.score === 0);
  if (exact.length === 1 && exact[0]) return { exact: true, units: [exact[0].unit] };
  return { exact: false, units: (exact.length > 1 ? exact : matches).map((m) => m.unit) };
}

/** The unit a shared location falls in, when one is near enough. */
export function placeAtPoint(directory: Directory, point: GeoPoint): AdminUnit | null {
  const route = routeRequest(directory, { point });
  return route.ok && route.value.basis === 'LOCATION' ? route.value.unit : null;
}

/**
 * The centre whose queue serves the place, or null. A location far from every centre we know is
 * not routed to some oblast centre by default: the person is told the area is not served yet.
 */
export function centreForPlace(directory: Directory, place: Place): Centre | null {
  const route = routeRequest(directory, { unitId: place.unitId, point: place.point });
  if (!route.ok) return null;
  const onlyPoint = place.unitId === null;
  return onlyPoint && route.value.basis === 'OBLAST' ? null : route.value.centre;
}

/**
 * The centres a person in this area can turn to: those serving the area or a place in it (a
 * district has several city centres), or, when none does, the one routing sends its requests to.
 */
export function centresInArea(directory: Directory, unitId: string): Centre[] {
  const area = new Set([unitId, ...unitsUnder(directory, unitId).map((u) => u.id)]);
  const serving = directory.centres.filter((c) => c.coverage.some((id) => area.has(id)));
  if (serving.length > 0) return serving.sort((a, b) => a.nameUk.localeCompare(b.nameUk, 'uk'));
  const fallback = centreForPlace(directory, { unitId, point: null });
  return fallback ? [fallback] : [];
}
