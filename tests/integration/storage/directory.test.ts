// The centre directory is replaced whole by an import; centres with history survive it.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Centre, Directory } from '../../../src/core/model.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { addReporter, caseCode, directory, newRequest } from './fixtures.js';

const [oblastCentre, slovianskCentre] = directory.centres as [Centre, Centre];
const kramatorskCentre: Centre = {
  ...slovianskCentre,
  id: 'kramatorsk-centre',
  nameUk: 'Краматорський центр',
  nameRu: 'Краматорский центр',
  coverage: ['donetska/kramatorskyi'],
};

describeBackends('centre directory', (backend) => {
  let store: StoreWithDatabase;

  beforeAll(() => {
    store = createStore(backend.url, { maxConnections: 4 });
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    const prisma = store.database.prisma;
    await prisma.request.deleteMany();
    await prisma.centreCoverage.deleteMany();
    await prisma.centre.deleteMany();
    await prisma.adminUnit.deleteMany();
  });

  it('loads what was saved, coverage included', async () => {
    await store.directory.replace(directory);
    const loaded = await store.directory.load();
    expect(loaded.units).toEqual([...directory.units].sort((a, b) => a.id.localeCompare(b.id)));
    expect(loaded.centres).toEqual([...directory.centres].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('replaces units, centres and coverage with the new import', async () => {
    await store.directory.replace(directory);
    const next: Directory = {
      units: directory.units,
      centres: [{ ...oblastCentre, phone: '+380111111111', needsConfirmation: false }, kramatorskCentre],
    };
    await store.directory.replace(next);
    const loaded = await store.directory.load();
    expect(loaded.centres.map((c) => c.id)).toEqual(['kramatorsk-centre', 'oblast-centre']);
    expect(loaded.centres.find((c) => c.id === 'oblast-centre')).toMatchObject({
      phone: '+380111111111',
      needsConfirmation: false,
    });
    // The unreferenced centre the import dropped is gone entirely.
    expect(await store.database.prisma.centre.findUnique({ where: { id: 'sloviansk-centre' } })).toBeNull();
  });

  it('retires a dropped centre that still has requests, and revives it when it returns', async () => {
    await store.directory.replace(directory);
    const reporter = await addReporter(store.database.prisma);
    const request = await store.requests.create({
      ...newRequest(reporter),
      caseCode: caseCode(),
      continuationHash: null,
    });

    await store.directory.replace({ units: directory.units, centres: [oblastCentre] });

    expect((await store.directory.load()).centres.map((c) => c.id)).toEqual(['oblast-centre']);
    expect(await store.requests.findById(request?.id ?? '')).toMatchObject({
      centreId: 'sloviansk-centre',
      status: 'NEW',
    });
    const retired = await store.database.prisma.centre.findUnique({ where: { id: 'sloviansk-centre' } });
    expect(retired?.retiredAt).toBeInstanceOf(Date);

    await store.directory.replace(directory);
    expect((await store.directory.load()).centres.map((c) => c.id)).toEqual([
      'oblast-centre',
      'sloviansk-centre',
    ]);
  });

  it('writes nothing when the import is inconsistent', async () => {
    await store.directory.replace(directory);
    const broken: Directory = {
      units: directory.units,
      centres: [{ ...kramatorskCentre, coverage: ['donetska/no-such-raion'], parentId: 'no-such-centre' }],
    };
    const error = await store.directory.replace(broken).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toContain('unknown parent no-such-centre');
    expect(error).toContain('unknown unit donetska/no-such-raion');
    expect((await store.directory.load()).centres.map((c) => c.id)).toEqual([
      'oblast-centre',
      'sloviansk-centre',
    ]);
  });

  it('rolls the whole import back when a write fails half way', async () => {
    await store.directory.replace(directory);
    // Passes the reference checks but breaks a column constraint on the last centre (name required).
    const failing = {
      units: directory.units,
      centres: [kramatorskCentre, { ...oblastCentre, nameUk: null as unknown as string }],
    };
    await expect(store.directory.replace(failing)).rejects.toThrow();
    const loaded = await store.directory.load();
    expect(loaded.centres.map((c) => c.id)).toEqual(['oblast-centre', 'sloviansk-centre']);
    expect(loaded.centres.find((c) => c.id === 'oblast-centre')?.nameUk).toBe(oblastCentre.nameUk);
  });
});
