// An operator imports the centres directory: a bad file changes nothing, a good one replaces it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centresImport } from '../../../scripts/commands/centres-import.js';
import { importDirectoryFile } from '../../../src/directory/import.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { runCommand } from '../../helpers/command.js';
import { describeBackends, freshSqliteUrl } from '../../helpers/db.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const DONETSKA = join(root, 'data/centres/donetska.json');
const dir = mkdtempSync(join(tmpdir(), 'poruch-import-'));

function fixture(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A small valid directory in CSV: one oblast, one district, one town, two centres. */
const SMALL_CSV = fixture(
  'small.csv',
  [
    'type,id,parentId,level,nameUk,nameRu,lat,lon,oblastId,addressUk,phone,coverage,needsConfirmation',
    'unit,donetska,,OBLAST,Донецька область,Донецкая область,48.1,37.75,,,,,',
    'unit,donetska/kramatorskyi,donetska,DISTRICT,Краматорський район,Краматорский район,48.72,37.55,,,,,',
    "unit,donetska/kramatorskyi/sloviansk,donetska/kramatorskyi,HROMADA,Слов'янськ,Славянск,48.86,37.61,,,,,",
    'centre,dn-occ-oblast,,OBLAST,Обласний центр,Областной центр,48.72,37.55,donetska,"м. Краматорськ, вул. Тестова, 1",+380 62 000 00 01,donetska,false',
    "centre,dn-csss-sloviansk,dn-occ-oblast,CITY,Слов'янський центр,Славянский центр,48.86,37.61,donetska,,,donetska/kramatorskyi/sloviansk,true",
  ].join('\n'),
);

/** Valid JSON syntax, broken rows: a latitude out of range and a coverage unit that does not exist. */
const BROKEN_JSON = fixture(
  'broken.json',
  JSON.stringify({
    units: [{ id: 'donetska', parentId: null, level: 'OBLAST', nameUk: 'Донецька', nameRu: 'Донецкая' }],
    centres: [
      {
        id: 'dn-occ-oblast',
        level: 'OBLAST',
        nameUk: 'Обласний',
        nameRu: 'Областной',
        oblastId: 'donetska',
        lat: 84.7,
        lon: 37.5,
        coverage: ['donetska'],
      },
      {
        id: 'dn-csss-x',
        level: 'CITY',
        nameUk: 'X',
        nameRu: 'X',
        oblastId: 'donetska',
        lat: 48.5,
        lon: 37.5,
        parentId: 'dn-occ-oblast',
        coverage: ['donetska/nowhere'],
      },
    ],
  }),
);

const BROKEN_CSV = fixture(
  'broken.csv',
  'type,id,parentId,level,nameUk,nameRu,lat,lon,oblastId,coverage\nunit,"donetska',
);

/** Every row of the three directory tables, in a stable order. */
async function snapshot(store: StoreWithDatabase) {
  const { prisma } = store.database;
  return {
    units: await prisma.adminUnit.findMany({ orderBy: { id: 'asc' } }),
    centres: await prisma.centre.findMany({ orderBy: { id: 'asc' } }),
    coverage: await prisma.centreCoverage.findMany({ orderBy: [{ centreId: 'asc' }, { unitId: 'asc' }] }),
  };
}

describeBackends('directory import', (backend) => {
  let store: StoreWithDatabase;
  beforeAll(async () => {
    store = createStore(backend.url);
    const first = await importDirectoryFile(DONETSKA, store.directory);
    expect(first.ok).toBe(true);
  });
  afterAll(() => store?.close());

  it('loads the bundled Donetsk oblast directory as it is in the file', async () => {
    const loaded = await store.directory.load();
    expect(loaded.units).toHaveLength(66);
    expect(loaded.centres).toHaveLength(16);
    const sloviansk = loaded.centres.find((c) => c.id === 'dn-csss-sloviansk');
    expect(sloviansk).toMatchObject({ parentId: 'dn-occ-oblast', needsConfirmation: true, phone: null });
    expect(sloviansk?.coverage).toEqual(['donetska/kramatorskyi/sloviansk']);
  });

  it.each([
    ['a JSON file with bad rows', BROKEN_JSON],
    ['a CSV file that is not valid CSV', BROKEN_CSV],
  ])('rejects %s and leaves every table exactly as it was', async (_, file) => {
    const before = await snapshot(store);
    expect(before.units.length).toBeGreaterThan(0);
    const result = await importDirectoryFile(file, store.directory);
    expect(result.ok).toBe(false);
    expect(await snapshot(store)).toEqual(before);
  });

  it('replaces the directory with a valid file', async () => {
    const result = await importDirectoryFile(SMALL_CSV, store.directory);
    expect(result).toEqual({
      ok: true,
      value: { units: 3, districts: 1, hromadas: 1, centres: 2, coverageLinks: 2, unconfirmedCentres: 1 },
    });
    const after = await snapshot(store);
    expect(after.units.map((u) => u.id)).toEqual([
      'donetska',
      'donetska/kramatorskyi',
      'donetska/kramatorskyi/sloviansk',
    ]);
    // Nothing referred to the other 14 centres, so they are gone rather than kept as retired.
    expect(after.centres.map((c) => c.id)).toEqual(['dn-csss-sloviansk', 'dn-occ-oblast']);
    expect(after.centres.find((c) => c.id === 'dn-occ-oblast')).toMatchObject({
      addressUk: 'м. Краматорськ, вул. Тестова, 1',
      phone: '+380 62 000 00 01',
      needsConfirmation: false,
    });
    expect(after.coverage).toHaveLength(2);
  });
});

/** The command an operator runs (npm run centres:import), in-process. */
const cli = (...args: string[]) => runCommand(centresImport, args);

/** The small directory again, a year later: Sloviansk now has a phone and an address in the file. */
const SMALL_LATER_CSV = fixture(
  'small-later.csv',
  readFileSync(SMALL_CSV, 'utf8').replace(
    'donetska,,,donetska/kramatorskyi/sloviansk,true',
    'donetska,"м. Слов\'янськ, вул. Нова, 5",+380 62 999 99 99,donetska/kramatorskyi/sloviansk,true',
  ),
);

describeBackends('npm run centres:import after an admin edited the contacts in the console', (backend) => {
  it("keeps the fields the admin changed, fills the others from the file, and keeps the admin's confirmation", async () => {
    const store = createStore(backend.url);
    try {
      expect((await cli(SMALL_CSV, '--database-url', backend.url)).code).toBe(0);
      const before = (await store.directory.load()).centres.find((c) => c.id === 'dn-csss-sloviansk');
      // What the console's directory page saves: the admin typed a phone and chose a language.
      await store.directory.updateContacts('dn-csss-sloviansk', {
        phone: '+380 626 41 00 00',
        email: null,
        addressUk: before?.addressUk ?? null,
        addressRu: before?.addressRu ?? null,
        hoursUk: null,
        hoursRu: null,
        languages: ['uk'],
      });

      const { code } = await cli(SMALL_LATER_CSV, '--database-url', backend.url);
      expect(code).toBe(0);
      const after = (await store.directory.load()).centres.find((c) => c.id === 'dn-csss-sloviansk');
      expect(after).toMatchObject({
        phone: '+380 626 41 00 00',
        addressUk: "м. Слов'янськ, вул. Нова, 5",
        languages: ['uk'],
        needsConfirmation: false,
      });
      // A centre nobody edited follows the file as before.
      const oblast = (await store.directory.load()).centres.find((c) => c.id === 'dn-occ-oblast');
      expect(oblast?.phone).toBe('+380 62 000 00 01');
    } finally {
      await store.close();
    }
  });
});

describe('npm run centres:import', () => {
  const url = () => freshSqliteUrl();

  it('prints every row problem, exits 1 and writes nothing', async () => {
    const db = url();
    const store = createStore(db);
    try {
      expect((await importDirectoryFile(DONETSKA, store.directory)).ok).toBe(true);
      const before = await snapshot(store);
      const { code, stdout, stderr } = await cli(BROKEN_JSON, '--database-url', db);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('broken.json: centres row 1 (dn-occ-oblast), lat: must be between 44 and 53');
      expect(stderr).toContain(
        'broken.json: centres row 2 (dn-csss-x), coverage: no unit has id "donetska/nowhere"',
      );
      expect(stderr).toContain('nothing was written');
      expect(await snapshot(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('imports a valid file and prints what it wrote', async () => {
    const db = url();
    const { code, stdout } = await cli(DONETSKA, '--database-url', db);
    expect(code).toBe(0);
    expect(stdout).toContain('66 units (8 districts, 57 hromadas/towns), 16 centres, 17 coverage links');
    expect(stdout).toContain('16 centre(s) still need confirmation');
    const store = createStore(db);
    try {
      expect((await store.directory.load()).centres).toHaveLength(16);
    } finally {
      await store.close();
    }
  });

  it('explains its usage when no file is given', async () => {
    const { code, stderr } = await cli();
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run centres:import');
  });
});
