import { describe, expect, it } from 'vitest';
import type { Directory, GeoPoint } from '../../../../src/core/model.js';
import { centreForUnit, nearestCentre, routeRequest } from '../../../../src/core/routing/index.js';
import { loadDonetska } from './donetska.js';

const directory = loadDonetska();

/** Points in town, a little off the coordinates the directory holds for the town itself. */
const places: [string, GeoPoint, string][] = [
  ['a street in Sloviansk', { lat: 48.87, lon: 37.625 }, 'dn-csss-sloviansk'],
  ['the old town of Kramatorsk', { lat: 48.738, lon: 37.584 }, 'dn-csss-kramatorsk'],
  ['Druzhkivka', { lat: 48.63, lon: 37.545 }, 'dn-csss-druzhkivka'],
  ['Kostiantynivka', { lat: 48.52, lon: 37.7 }, 'dn-csss-kostiantynivka'],
  ['Lyman', { lat: 48.98, lon: 37.81 }, 'dn-csss-lyman'],
  ['Pokrovsk', { lat: 48.29, lon: 37.17 }, 'dn-csss-pokrovsk'],
  ['Dobropillia', { lat: 48.46, lon: 37.09 }, 'dn-csss-dobropillia'],
  ['Myrnohrad', { lat: 48.305, lon: 37.275 }, 'dn-csss-myrnohrad'],
];

describe('a person shares their location', () => {
  it.each(places)('in %s: the request goes to that town’s centre', (_, point, centreId) => {
    const route = routeRequest(directory, { point });
    expect(route.ok && route.value.centre.id).toBe(centreId);
    expect(route.ok && route.value.basis).toBe('LOCATION');
  });

  it('in Rodynske: the Pokrovsk centre, whose hromada includes the town', () => {
    const route = routeRequest(directory, { point: { lat: 48.352, lon: 37.205 } });
    expect(route.ok && route.value.unit?.id).toBe('donetska/pokrovskyi/rodynske');
    expect(route.ok && route.value.centre.id).toBe('dn-csss-pokrovsk');
  });

  it('in occupied Mariupol: the Mariupol centre, which relocated but still serves its city', () => {
    const route = routeRequest(directory, { point: { lat: 47.11, lon: 37.56 } });
    expect(route.ok && route.value.centre.id).toBe('dn-csss-mariupol');
  });

  it('in Donetsk, occupied since 2014 with no centre of its own: the oblast centre, town still recorded', () => {
    const route = routeRequest(directory, { point: { lat: 48.0, lon: 37.8 } });
    expect(route.ok && route.value.centre.id).toBe('dn-occ-oblast');
    expect(route.ok && route.value.unit?.id).toBe('donetska/donetskyi/donetsk');
  });

  it('in Illinivka, a hromada without its own centre: the oblast centre', () => {
    const route = routeRequest(directory, { point: { lat: 48.49, lon: 37.66 } });
    expect(route.ok && route.value.unit?.id).toBe('donetska/kramatorskyi/illinivka');
    expect(route.ok && route.value.centre.id).toBe('dn-occ-oblast');
  });

  it('far away, in Kyiv: not pulled into a town’s queue, the oblast centre takes it', () => {
    const route = routeRequest(directory, { point: { lat: 50.45, lon: 30.52 } });
    expect(route.ok && route.value).toMatchObject({
      basis: 'OBLAST',
      unit: null,
      centre: { id: 'dn-occ-oblast' },
    });
  });
});

describe('a person chooses their town or district', () => {
  it.each([
    ['donetska/kramatorskyi/sloviansk', 'dn-csss-sloviansk'],
    ['donetska/kramatorskyi/kramatorsk', 'dn-csss-kramatorsk'],
    ['donetska/bakhmutskyi/bakhmut', 'dn-csss-bakhmut'],
    ['donetska/pokrovskyi/rodynske', 'dn-csss-pokrovsk'],
    ['donetska/volnovaskyi/vuhledar', 'dn-csss-vuhledar'],
    ['donetska/horlivskyi/horlivka', 'dn-occ-oblast'],
    ['donetska/kramatorskyi', 'dn-occ-oblast'],
    ['donetska', 'dn-occ-oblast'],
  ])('%s → %s', (unitId, centreId) => {
    expect(centreForUnit(directory, unitId)?.id).toBe(centreId);
    const route = routeRequest(directory, { unitId });
    expect(route.ok && route.value).toMatchObject({
      basis: 'UNIT',
      unit: { id: unitId },
      centre: { id: centreId },
    });
  });

  it('the chosen town wins over a shared location elsewhere (one may report about another place)', () => {
    const route = routeRequest(directory, { unitId: 'donetska/kramatorskyi/lyman', point: places[0]?.[1] });
    expect(route.ok && route.value.centre.id).toBe('dn-csss-lyman');
  });

  it('an unknown unit id falls back to the location, then to the oblast centre', () => {
    expect(centreForUnit(directory, 'donetska/nowhere')).toBeNull();
    const withPoint = routeRequest(directory, { unitId: 'donetska/nowhere', point: places[0]?.[1] });
    expect(withPoint.ok && withPoint.value.centre.id).toBe('dn-csss-sloviansk');
    const without = routeRequest(directory, { unitId: 'donetska/nowhere' });
    expect(without.ok && without.value.basis).toBe('OBLAST');
  });
});

describe('no location at all', () => {
  it('goes to the oblast centre', () => {
    expect(routeRequest(directory, {})).toEqual({
      ok: true,
      value: { basis: 'OBLAST', unit: null, centre: expect.objectContaining({ id: 'dn-occ-oblast' }) },
    });
    const withOblast = routeRequest(directory, { oblastId: 'donetska' });
    expect(withOblast.ok && withOblast.value.centre.id).toBe('dn-occ-oblast');
  });

  it('is an error value, not a crash, when the directory has no oblast centre', () => {
    expect(routeRequest({ units: [], centres: [] }, { point: { lat: 48.8, lon: 37.6 } })).toEqual({
      ok: false,
      error: 'NO_CENTRE',
    });
  });
});

describe('coverage rules on a small directory', () => {
  const unit = (id: string, parentId: string | null, level: 'OBLAST' | 'DISTRICT' | 'HROMADA') => ({
    id,
    parentId,
    level,
    nameUk: id,
    nameRu: id,
    lat: null,
    lon: null,
  });
  const centre = (
    id: string,
    level: 'OBLAST' | 'DISTRICT' | 'CITY' | 'HROMADA',
    coverage: string[],
    lat = 48.5,
  ) => ({
    id,
    level,
    nameUk: id,
    nameRu: id,
    oblastId: 'o',
    addressUk: null,
    addressRu: null,
    phone: null,
    email: null,
    hoursUk: null,
    hoursRu: null,
    lat,
    lon: 37.5,
    needsConfirmation: false,
    parentId: level === 'OBLAST' ? null : 'oc',
    coverage,
  });
  const small: Directory = {
    units: [
      unit('o', null, 'OBLAST'),
      unit('o/d', 'o', 'DISTRICT'),
      unit('o/d/t', 'o/d', 'HROMADA'),
      unit('o/d/v', 'o/d', 'HROMADA'),
    ],
    centres: [
      centre('oc', 'OBLAST', ['o'], 48.51),
      centre('dc', 'DISTRICT', ['o/d'], 49),
      centre('cc', 'CITY', ['o/d/t'], 48.2),
      centre('tc', 'HROMADA', ['o/d/t'], 48.45),
    ],
  };

  it('a town no centre covers goes to the centre of its district', () => {
    expect(centreForUnit(small, 'o/d/v')?.id).toBe('dc');
  });

  it('when several centres cover one unit, the most local one serves it', () => {
    expect(centreForUnit(small, 'o/d/t')?.id).toBe('tc');
  });

  it('nearest centre by distance skips the oblast centre while local ones exist', () => {
    expect(nearestCentre(small, { lat: 48.5, lon: 37.5 })?.centre.id).toBe('tc');
    const onlyOblast = { ...small, centres: small.centres.filter((c) => c.level === 'OBLAST') };
    expect(nearestCentre(onlyOblast, { lat: 48.5, lon: 37.5 })?.centre.id).toBe('oc');
  });

  it('a location with no town coordinates in the directory falls back to the nearest centre', () => {
    const route = routeRequest(small, { point: { lat: 48.9, lon: 37.5 } });
    expect(route.ok && route.value).toMatchObject({ basis: 'LOCATION', unit: null, centre: { id: 'dc' } });
  });
});
