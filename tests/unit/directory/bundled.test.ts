// The directory shipped with Poruch must always import cleanly: the app loads it into an empty database.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DONETSKA_FILE, loadDonetska } from '../core/routing/donetska.js';

describe('the bundled Donetsk oblast directory', () => {
  const directory = loadDonetska();
  const centre = (id: string) => directory.centres.find((c) => c.id === id);

  it('parses with no problems', () => {
    expect(directory.units.length).toBeGreaterThan(50);
    expect(directory.centres.length).toBeGreaterThan(10);
  });

  it('has the oblast and its eight districts of the 2020 reform', () => {
    expect(directory.units.filter((u) => u.level === 'OBLAST').map((u) => u.id)).toEqual(['donetska']);
    expect(
      directory.units
        .filter((u) => u.level === 'DISTRICT')
        .map((u) => u.id.split('/')[1])
        .sort(),
    ).toEqual([
      'bakhmutskyi',
      'donetskyi',
      'horlivskyi',
      'kalmiuskyi',
      'kramatorskyi',
      'mariupolskyi',
      'pokrovskyi',
      'volnovaskyi',
    ]);
  });

  it('makes the oblast centre the parent of every other centre', () => {
    expect(centre('dn-occ-oblast')).toMatchObject({
      level: 'OBLAST',
      parentId: null,
      coverage: ['donetska'],
    });
    for (const c of directory.centres.filter((c) => c.level !== 'OBLAST'))
      expect(c.parentId).toBe('dn-occ-oblast');
  });

  it('says at the top that the operator must confirm the data', () => {
    const { note } = JSON.parse(readFileSync(DONETSKA_FILE, 'utf8')) as { note: string };
    expect(note).toMatch(/ПІДТВЕРДЖЕННЯ ОПЕРАТОРОМ/);
    expect(note).toMatch(/MUST BE CONFIRMED BY THE OPERATOR/);
  });

  it('marks every centre as unconfirmed and invents no phone numbers', () => {
    expect(directory.centres.every((c) => c.needsConfirmation)).toBe(true);
    expect(directory.centres.every((c) => c.phone === null && c.email === null && c.hoursUk === null)).toBe(
      true,
    );
  });

  it('names every unit and centre in Ukrainian and Russian', () => {
    for (const u of [...directory.units, ...directory.centres]) {
      expect(u.nameUk).not.toBe('');
      expect(u.nameRu).not.toBe('');
      expect(u.nameUk).not.toMatch(/[ыэъё]/);
    }
  });
});
