import { describe, expect, it } from 'vitest';
import { formatRowError, parseDirectoryFile } from '../../../src/directory/index.js';
import { cityCentre, district, goodDirectory, oblast, oblastCentre, town } from './fixtures.js';

const parse = (data: unknown) => parseDirectoryFile('centres.json', JSON.stringify(data, null, 2));
const problems = (data: unknown) => {
  const parsed = parse(data);
  return parsed.ok ? [] : parsed.error.map(formatRowError);
};

describe('a JSON directory file', () => {
  it('parses into units and centres, with empty fields as null and unconfirmed by default', () => {
    const parsed = parse(goodDirectory());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.units).toHaveLength(3);
    expect(parsed.value.centres[0]).toEqual({
      ...oblastCentre,
      addressUk: null,
      addressRu: null,
      phone: null,
      email: null,
      hoursUk: null,
      hoursRu: null,
      needsConfirmation: true,
      parentId: null,
    });
    expect(parsed.value.centres[1]).toMatchObject({
      needsConfirmation: false,
      email: 'sloviansk@example.org',
    });
    expect(parsed.value.centres[1]).not.toHaveProperty('note');
  });

  it('names the list, row, id and field of every bad value (here: a town with lat and lon swapped)', () => {
    const data = goodDirectory();
    data.units[2] = { ...town, level: 'town', nameUk: ' ', lat: 37.6, lon: 48.8 };
    data.centres[1] = {
      ...cityCentre,
      lat: 60 as number,
      lon: 'east' as unknown as number,
      phone: 'call us',
      email: 'nope',
    };
    expect(problems(data)).toEqual([
      'centres.json: units row 3 (donetska/kramatorskyi/sloviansk), level: must be one of OBLAST, DISTRICT, HROMADA, got "TOWN"',
      'centres.json: units row 3 (donetska/kramatorskyi/sloviansk), nameUk: must not be empty',
      'centres.json: units row 3 (donetska/kramatorskyi/sloviansk), lat: must be between 44 and 53',
      'centres.json: units row 3 (donetska/kramatorskyi/sloviansk), lon: must be between 22 and 41',
      'centres.json: centres row 2 (dn-csss-sloviansk), phone: must be a phone number like +380 62 123 45 67 (several: comma-separated)',
      'centres.json: centres row 2 (dn-csss-sloviansk), email: must be an e-mail address',
      'centres.json: centres row 2 (dn-csss-sloviansk), lat: must be between 44 and 53',
      'centres.json: centres row 2 (dn-csss-sloviansk), lon: must be a number (longitude), got "east"',
    ]);
  });

  it('says which fields are missing and which are not known at all', () => {
    const { nameRu: _, lat: __, ...noName } = oblastCentre;
    const data = { ...goodDirectory(), centres: [{ ...noName, nameUA: 'x' }, cityCentre] };
    expect(problems(data)).toEqual([
      'centres.json: centres row 1 (dn-occ-oblast), nameRu: is required',
      'centres.json: centres row 1 (dn-occ-oblast), lat: is required',
      'centres.json: centres row 1 (dn-occ-oblast), nameUA: unknown field',
    ]);
  });

  it('wants both coordinates of a town or neither', () => {
    const data = goodDirectory();
    data.units[2] = { ...town, lon: null };
    expect(problems(data)).toEqual([
      'centres.json: units row 3 (donetska/kramatorskyi/sloviansk), lon: lat and lon must be given together (or both left empty)',
    ]);
  });

  it('checks references across rows: parents, coverage and the oblast', () => {
    const data = goodDirectory();
    data.units[2] = { ...town, parentId: 'donetska/slovianskyi' };
    data.centres[1] = {
      ...cityCentre,
      parentId: 'dn-occ-luhanska',
      oblastId: 'luhanska',
      coverage: ['donetska/kramatorskyi/sloviansk', 'donetska/kramatorskyi/lyman'],
    };
    expect(problems(data)).toEqual([
      'centres.json: units row 3 (donetska/kramatorskyi/sloviansk), parentId: no unit has id "donetska/slovianskyi"',
      'centres.json: centres row 2 (dn-csss-sloviansk), oblastId: no unit has id "luhanska"',
      'centres.json: centres row 2 (dn-csss-sloviansk), parentId: no centre has id "dn-occ-luhanska"',
      'centres.json: centres row 2 (dn-csss-sloviansk), coverage: no unit has id "donetska/kramatorskyi/lyman"',
    ]);
  });

  it('finds duplicate ids, listing twice, and a cycle of parent centres', () => {
    const data = goodDirectory();
    data.units.push({ ...district, nameUk: 'Дубль' });
    const a = { ...cityCentre, id: 'dn-a', parentId: 'dn-b', coverage: ['donetska', 'donetska'] };
    const b = { ...cityCentre, id: 'dn-b', parentId: 'dn-a' };
    data.centres.push(a, b, { ...cityCentre });
    expect(problems(data)).toEqual([
      'centres.json: units row 4 (donetska/kramatorskyi), id: "donetska/kramatorskyi" is already used on row 2',
      'centres.json: centres row 3 (dn-a), parentId: centres form a cycle: dn-a → dn-b → dn-a',
      'centres.json: centres row 3 (dn-a), coverage: "donetska" is listed twice',
      'centres.json: centres row 4 (dn-b), parentId: centres form a cycle: dn-b → dn-a → dn-b',
      'centres.json: centres row 5 (dn-csss-sloviansk), id: "dn-csss-sloviansk" is already used on row 2',
    ]);
  });

  it('keeps the tree in shape: oblast → district → town', () => {
    const data = goodDirectory();
    data.units[1] = { ...district, parentId: null };
    data.units[2] = { ...town, parentId: 'donetska/kramatorskyi/sloviansk' };
    expect(problems(data)).toEqual([
      'centres.json: units row 2 (donetska/kramatorskyi), parentId: is required for a DISTRICT unit',
      'centres.json: units row 3 (donetska/kramatorskyi/sloviansk), parentId: a HROMADA unit must be inside DISTRICT or OBLAST, "donetska/kramatorskyi/sloviansk" is HROMADA',
    ]);
  });

  it('needs exactly one oblast centre per oblast, and a parent for every other centre', () => {
    const withoutOblastCentre = { ...goodDirectory(), centres: [{ ...cityCentre, parentId: null }] };
    expect(problems(withoutOblastCentre)).toEqual([
      'centres.json: units row 1 (donetska), id: oblast "donetska" has no centre of level OBLAST (requests without a location go there)',
      'centres.json: centres row 1 (dn-csss-sloviansk), parentId: is required: unanswered requests escalate to the parent centre',
    ]);
    const twoOblastCentres = goodDirectory();
    twoOblastCentres.centres.push({ ...oblastCentre, id: 'dn-occ-second' });
    expect(problems(twoOblastCentres)).toEqual([
      'centres.json: centres row 3 (dn-occ-second), level: oblast "donetska" already has its OBLAST centre on row 1',
    ]);
  });

  it('does not repeat a broken row as a missing reference elsewhere', () => {
    const data = goodDirectory();
    data.units[1] = { ...district, lat: 99 };
    expect(problems(data)).toEqual([
      'centres.json: units row 2 (donetska/kramatorskyi), lat: must be between 44 and 53',
    ]);
  });

  it('reports a JSON syntax error with its line', () => {
    const parsed = parseDirectoryFile('centres.json', '{\n  "units": [\n    {"id": "x",}\n  ]\n}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toHaveLength(1);
    expect(formatRowError(parsed.error[0] as never)).toMatch(
      /^centres\.json: is not valid JSON \(line 3, column \d+\): /,
    );
  });

  it('reports a wrong top-level shape and an empty directory', () => {
    expect(problems({ units: {}, centers: [] })).toEqual([
      'centres.json: units: must be a list of units',
      'centres.json: centres: must be a list of centres',
      'centres.json: unknown top-level field(s) centers: expected note, units, centres',
    ]);
    expect(problems({ units: [], centres: [] })).toEqual([
      'centres.json: has no units: at least the oblast is needed',
      'centres.json: has no centres: at least the oblast centre is needed',
    ]);
    expect(problems({ units: [oblast, 'Слов’янськ'], centres: [oblastCentre] })).toEqual([
      'centres.json: units row 2: must be an object with the row fields',
    ]);
  });

  it('refuses files that are neither .json nor .csv', () => {
    expect(parseDirectoryFile('centres.xlsx', '')).toEqual({
      ok: false,
      error: [expect.objectContaining({ problem: 'has extension ".xlsx": expected .json or .csv' })],
    });
  });
});
