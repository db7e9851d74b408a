// The limit counters on both backends: counted in one statement (parallel updates of one chat never
// lose a count), a closed window starts over, a right code is taken back, and expired counters go.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';

const HOUR = 3_600_000;
const t0 = new Date('2026-12-01T10:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describeBackends('limit counters', (backend) => {
  let store: StoreWithDatabase;
  beforeAll(() => {
    store = createStore(backend.url);
  });
  afterAll(() => store.close());

  it('counts within the window and starts again after it', async () => {
    const { limits } = store;
    expect(await limits.count('h1', 'wrongCase', t0, HOUR)).toEqual({ windowStart: t0, count: 1 });
    expect(await limits.count('h1', 'wrongCase', later(HOUR - 1000), HOUR)).toEqual({
      windowStart: t0,
      count: 2,
    });
    await limits.uncount('h1', 'wrongCase');
    expect(await limits.count('h1', 'wrongCase', later(HOUR - 500), HOUR)).toEqual({
      windowStart: t0,
      count: 2,
    });
    expect(await limits.count('h1', 'wrongCase', later(HOUR), HOUR)).toEqual({
      windowStart: later(HOUR),
      count: 1,
    });
    expect(await limits.count('h1', 'wrongJoin', later(HOUR), HOUR)).toEqual({
      windowStart: later(HOUR),
      count: 1,
    });
  });

  it('twenty parallel updates of one chat, each in its own transaction, count to twenty', async () => {
    const counts = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.transaction(async (tx) => (await tx.limits.count('h2', 'floodMinute', t0, 60_000)).count),
      ),
    );
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('deletes only the counters whose window has closed', async () => {
    await store.limits.count('h3', 'floodMinute', t0, 60_000);
    await store.limits.count('h3', 'floodHour', t0, HOUR);
    const before = await store.database.prisma.chatLimit.count();
    expect(await store.limits.purgeExpired(later(60_000))).toBeGreaterThanOrEqual(1);
    const left = await store.database.prisma.chatLimit.findMany({ where: { handleId: 'h3' } });
    expect(left.map((r) => r.rule)).toEqual(['floodHour']);
    expect(await store.database.prisma.chatLimit.count()).toBeLessThan(before);
  });
});
