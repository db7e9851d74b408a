// A centre head opens November's figures; the oblast centre opens the roll-up of its centres. Every
// expected number is computed by hand from the stories in world.ts (percentile rule: nearest rank,
// the value at rank ceil(n × P / 100) of the sorted times).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../../../src/core/reports/period.js';
import { buildReport, type Report } from '../../../src/core/reports/report.js';
import { reportSource } from '../../../src/storage/reports/index.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { seedNovember } from './world.js';

const MIN = 60;
const HOUR = 3600;
const november = periodOf('2026-11-01', '2026-11-30');
/** Ten days after the period: the open requests are counted as they stood at its end. */
const clock = { now: () => new Date('2026-12-10T10:00:00Z') };

describeBackends('report measures', (backend) => {
  let store: StoreWithDatabase;
  let sloviansk: Report;
  let oblast: Report;

  beforeAll(async () => {
    store = createStore(backend.url);
    await seedNovember(store);
    const deps = { source: reportSource(store.database), clock };
    sloviansk = await buildReport(deps, { centreId: 'sloviansk-centre' }, november);
    oblast = await buildReport(deps, { oblastId: 'donetska' }, november, ['oblast-centre']);
  });
  afterAll(() => store.close());

  describe("the Slov'yansk centre's November", () => {
    it('counts the 8 requests received in local November, not the one of 31 October at 23:30', () => {
      const f = sloviansk.total;
      expect(f.received).toBe(8); // S1–S8
      expect(f.urgent).toBe(2); // S1, S3
      expect(f.closed).toBe(5); // S1–S5
      expect(sloviansk.asOf).toEqual(november.to); // the period is over: figures as of its end
    });

    it('breaks them down by kind, category, channel, language, urgency and place', () => {
      const b = sloviansk.breakdowns;
      expect(b.kind).toEqual([
        { key: 'CONCERN', count: 5 }, // S1, S2, S3, S4, S6
        { key: 'CONSULTATION', count: 3 }, // S5, S7, S8
      ]);
      expect(b.category).toEqual([
        { key: 'CONCERN.VIOLENCE', count: 3 }, // S1, S2, S3
        { key: 'CONSULTATION.PSYCHOLOGICAL', count: 3 }, // S5, S7, S8
        { key: 'CONCERN.NEGLECT', count: 2 }, // S4, S6
      ]);
      expect(b.channel).toEqual([
        { key: 'TELEGRAM', count: 6 },
        { key: 'VIBER', count: 2 }, // S3, S5
      ]);
      expect(b.language).toEqual([
        { key: 'uk', count: 5 },
        { key: 'ru', count: 3 }, // S3, S5, S7
      ]);
      expect(b.urgency).toEqual([
        { key: 'NORMAL', count: 6 },
        { key: 'URGENT', count: 2 },
      ]);
      expect(b.unit).toEqual([
        { key: 'donetska/kramatorskyi/sloviansk', count: 6 },
        { key: '', count: 1 }, // S4: no place given
        { key: 'donetska/kramatorskyi/kramatorsk', count: 1 }, // S5
      ]);
    });

    it('gives median and 90th percentile reaction times by the nearest-rank rule', () => {
      const r = sloviansk.total.reactions;
      // Claim, 7 times: 10 20 30 40 50 60 600 min. Median rank ceil(3.5) = 4 → 40 min;
      // 90th rank ceil(6.3) = 7 → 600 min (S7's first claim, although its lease later lapsed).
      expect(r.claim).toEqual({ count: 7, medianSeconds: 40 * MIN, p90Seconds: 600 * MIN });
      // First answer, 6 times: 30 60 90 120 150 1440 min. Median rank 3 → 90 min; 90th rank ceil(5.4) = 6.
      expect(r.firstAnswer).toEqual({ count: 6, medianSeconds: 90 * MIN, p90Seconds: 1440 * MIN });
      // Close, 5 requests closed in November: 2 5 24 48 72 h. Median rank ceil(2.5) = 3 → 24 h; 90th rank 5.
      expect(r.close).toEqual({ count: 5, medianSeconds: 24 * HOUR, p90Seconds: 72 * HOUR });
    });

    it('counts lapsed leases, outcomes, the open backlog by age, and returning people', () => {
      const f = sloviansk.total;
      expect(f.leaseLapsed).toBe(1); // S7
      expect(f.escalated).toBe(0);
      expect(sloviansk.outcomes).toEqual([
        { key: 'CONSULTED', count: 3 }, // S2, S4, S5
        { key: 'REFERRED_CHILDREN_SERVICE', count: 2 }, // S1, S3
      ]);
      expect(f.open).toBe(3); // S6, S7, S8
      // Ages at 30 Nov 24:00 Kyiv: S8 1.5 days (band 1–3), S6 28.6 and S7 27.6 days (band 7–30).
      expect(sloviansk.backlogBands).toEqual([0, 1, 0, 2, 0]);
      expect(f.oldestOpenSince?.toISOString()).toBe('2026-11-02T08:00:00.000Z'); // S6
      // Earlier requests of the same chat: S3 1, S4 2, S6 1 → 3 repeat requests; S3 and S6 are
      // someone's second request → 2 people came back for the first time in November.
      expect(f.repeatRequests).toBe(3);
      expect(f.returningPeople).toBe(2);
      expect(sloviansk.breakdowns.returning).toEqual([
        { key: 'FIRST', count: 5 },
        { key: 'SECOND', count: 2 },
        { key: 'LATER', count: 1 },
      ]);
    });

    it('puts each request on its local day, with every day of the month present', () => {
      expect(sloviansk.granularity).toBe('day');
      expect(sloviansk.series).toHaveLength(30);
      const day = (d: string) => sloviansk.series.find((p) => p.bucket === d);
      expect(day('2026-11-01')).toEqual({ bucket: '2026-11-01', concerns: 1, consultations: 0 }); // S1 at 00:30
      expect(day('2026-11-14')).toEqual({ bucket: '2026-11-14', concerns: 2, consultations: 0 }); // S3, S4
      expect(day('2026-11-15')).toEqual({ bucket: '2026-11-15', concerns: 0, consultations: 0 });
      expect(day('2026-11-29')).toEqual({ bucket: '2026-11-29', concerns: 0, consultations: 1 }); // S8
      const sum = sloviansk.series.reduce((s, p) => s + p.concerns + p.consultations, 0);
      expect(sum).toBe(8);
    });

    it('has no casework section until the casework records exist', () => {
      expect(sloviansk.casework).toBeNull();
    });
  });

  describe('the oblast roll-up', () => {
    const row = (centreId: string) => oblast.centres.find((c) => c.centreId === centreId)?.figures;

    it('has one row per centre: a request counts at the centre that holds it, an escalation where it left', () => {
      expect(oblast.centres.map((c) => c.centreId)).toEqual([
        'kramatorsk-centre',
        'oblast-centre',
        'sloviansk-centre',
      ]);
      expect(row('kramatorsk-centre')).toMatchObject({
        received: 6,
        urgent: 0,
        closed: 1,
        escalated: 1,
        open: 5,
      });
      // K3 was escalated from Kramatorsk and closed at the oblast centre.
      expect(row('oblast-centre')).toMatchObject({
        received: 1,
        urgent: 1,
        closed: 1,
        escalated: 0,
        open: 0,
      });
      expect(row('kramatorsk-centre')?.reactions.claim).toEqual({
        count: 2, // K1 15 min, K2 90 min: median rank 1 → 15 min, 90th rank ceil(1.8) = 2 → 90 min
        medianSeconds: 15 * MIN,
        p90Seconds: 90 * MIN,
      });
    });

    it('adds counts up for the oblast, and takes its times over all its requests, not over medians', () => {
      expect(oblast.total).toMatchObject({
        received: 15,
        urgent: 3,
        closed: 7,
        escalated: 1,
        leaseLapsed: 1,
        open: 8,
        repeatRequests: 3,
        returningPeople: 2,
      });
      // Claim, 10 times: 10 15 20 25 30 40 50 60 90 600 → rank 5 = 30 min, rank 9 = 90 min.
      expect(oblast.total.reactions.claim).toEqual({
        count: 10,
        medianSeconds: 30 * MIN,
        p90Seconds: 90 * MIN,
      });
      // First answer, 8 times: 30 35 45 60 90 120 150 1440 → rank 4 = 60 min, rank ceil(7.2) = 8.
      expect(oblast.total.reactions.firstAnswer).toEqual({
        count: 8,
        medianSeconds: 60 * MIN,
        p90Seconds: 1440 * MIN,
      });
      // Close, 7 closed in November: 2 4 5 6 24 48 72 h → rank 4 = 6 h, rank ceil(6.3) = 7 = 72 h.
      expect(oblast.total.reactions.close).toEqual({
        count: 7,
        medianSeconds: 6 * HOUR,
        p90Seconds: 72 * HOUR,
      });
      expect(oblast.backlogBands).toEqual([0, 1, 0, 7, 0]); // S8; S6, S7, K2, K4–K7
    });
  });
});
