// Routing: which centre's queue a request goes to. Pure functions over an in-memory Directory.
export {
  centreForUnit,
  centresCovering,
  type NearestCentre,
  nearestCentre,
  oblastCentre,
} from './centres.js';
export { distanceKm, EARTH_RADIUS_KM } from './geo.js';
export {
  editDistance,
  exactTownMatches,
  type MatchOptions,
  matchTown,
  normalizeName,
  type TownMatch,
} from './match-town.js';
export {
  MAX_PLACE_DISTANCE_KM,
  type Route,
  type RouteBasis,
  type RouteError,
  type RouteInput,
  routeRequest,
} from './route.js';
export { type NearestUnit, nearestUnit, oblastOf, unitById, unitPath, unitsUnder } from './units.js';
