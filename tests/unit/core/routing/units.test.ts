import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  nearestUnit,
  oblastOf,
  unitPath,
  unitsUnder,
} from '../../../../src/core/routing/index.js';
import { loadDonetska } from './donetska.js';

const directory = loadDonetska();
const names = (units: { nameUk: string }[]) => units.map((u) => u.nameUk);

describe('choosing oblast → district → town with buttons', () => {
  it('starts with the oblast', () => {
    expect(unitsUnder(directory, null).map((u) => u.id)).toEqual(['donetska']);
  });

  it('lists the eight districts of the 2020 reform, alphabetically', () => {
    expect(names(unitsUnder(directory, 'donetska'))).toEqual([
      'Бахмутський район',
      'Волноваський район',
      'Горлівський район',
      'Донецький район',
      'Кальміуський район',
      'Краматорський район',
      'Маріупольський район',
      'Покровський район',
    ]);
  });

  it('lists the towns of a district in the person’s language', () => {
    const uk = names(unitsUnder(directory, 'donetska/kramatorskyi', 'uk'));
    expect(uk).toEqual(expect.arrayContaining(['Краматорськ', "Слов'янськ", 'Дружківка', 'Святогірськ']));
    expect(uk.indexOf('Дружківка')).toBeLessThan(uk.indexOf('Краматорськ'));
    const ru = unitsUnder(directory, 'donetska/kramatorskyi', 'ru').map((u) => u.nameRu);
    expect(ru).toEqual([...ru].sort((a, b) => a.localeCompare(b, 'ru')));
    expect(ru).toContain('Славянск');
  });

  it('a town has nothing under it', () => {
    expect(unitsUnder(directory, 'donetska/kramatorskyi/sloviansk')).toEqual([]);
  });

  it('knows the path of a town up to its oblast', () => {
    expect(unitPath(directory, 'donetska/pokrovskyi/rodynske').map((u) => u.id)).toEqual([
      'donetska/pokrovskyi/rodynske',
      'donetska/pokrovskyi',
      'donetska',
    ]);
    expect(oblastOf(directory, 'donetska/pokrovskyi/rodynske')?.id).toBe('donetska');
    expect(unitPath(directory, 'nowhere')).toEqual([]);
  });
});

describe('distances', () => {
  it('Kyiv to Lviv is about 468 km along the great circle', () => {
    const d = distanceKm({ lat: 50.4501, lon: 30.5234 }, { lat: 49.8397, lon: 24.0297 });
    expect(d).toBeGreaterThan(466);
    expect(d).toBeLessThan(470);
  });

  it('is zero to itself and the same both ways', () => {
    const kramatorsk = { lat: 48.723, lon: 37.556 };
    const sloviansk = { lat: 48.86, lon: 37.61 };
    expect(distanceKm(kramatorsk, kramatorsk)).toBe(0);
    expect(distanceKm(kramatorsk, sloviansk)).toBeCloseTo(distanceKm(sloviansk, kramatorsk), 9);
    expect(distanceKm(kramatorsk, sloviansk)).toBeGreaterThan(14);
    expect(distanceKm(kramatorsk, sloviansk)).toBeLessThan(17);
  });

  it('places a point in the nearest town, not in its district', () => {
    const near = nearestUnit(directory, { lat: 48.87, lon: 37.625 }, 40);
    expect(near?.unit.id).toBe('donetska/kramatorskyi/sloviansk');
    expect(near?.distanceKm).toBeLessThan(3);
    expect(nearestUnit(directory, { lat: 50.45, lon: 30.52 }, 40)).toBeNull();
  });
});
