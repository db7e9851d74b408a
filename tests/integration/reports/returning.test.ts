// Someone writes a third time: the statistics count a returning person without keeping who it was.
// The count is taken at intake, so it survives the retention job deleting the chat handle later.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, periodOf } from '../../../src/core/reports/period.js';
import { buildReport } from '../../../src/core/reports/report.js';
import { reportSource } from '../../../src/storage/reports/index.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { addReporter, caseCode, directory, newRequest } from '../storage/fixtures.js';

describeBackends('returning reporters', (backend) => {
  let store: StoreWithDatabase;
  beforeAll(async () => {
    store = createStore(backend.url);
    await store.directory.replace(directory);
  });
  afterAll(() => store.close());

  it('counts the earlier requests of the same chat at intake, and reports repeats from that count', async () => {
    const prisma = store.database.prisma;
    const [often, once] = [await addReporter(prisma), await addReporter(prisma)];
    for (const reporter of [often, once, often, often]) {
      await store.requests.create({ ...newRequest(reporter), caseCode: caseCode(), continuationHash: null });
    }
    const rows = await prisma.request.findMany({
      orderBy: { createdAt: 'asc' },
      select: { reporterPriorRequests: true, reporterHandleId: true },
    });
    expect(rows.filter((r) => r.reporterHandleId === often).map((r) => r.reporterPriorRequests)).toEqual([
      0, 1, 2,
    ]);
    expect(rows.filter((r) => r.reporterHandleId === once).map((r) => r.reporterPriorRequests)).toEqual([0]);

    // The figures do not need the chat any more: the handle column could be emptied without change.
    // Created a moment ago: a period from yesterday to tomorrow holds them whatever the hour.
    const now = new Date();
    const day = (offset: number) => addDays(now.toISOString().slice(0, 10), offset);
    const period = periodOf(day(-1), day(1), 'UTC');
    const report = await buildReport(
      { source: reportSource(store.database), clock: { now: () => now } },
      { centreId: 'sloviansk-centre' },
      period,
    );
    expect(report.total.received).toBe(4);
    expect(report.total.repeatRequests).toBe(2); // the 2nd and 3rd of `often`
    expect(report.total.returningPeople).toBe(1); // `often`, once
  });
});
