// A busier September 2026 for the two town centres of world.ts: 3 to 7 requests a day, every kind,
// category, channel and language, most claimed, answered and closed, a few still open. Made by rule
// from the request's number (no randomness), for pages whose charts should have something to draw;
// the hand-counted figures live in November (world.ts), which this month does not touch (its
// last requests close by early October at the latest).
import { type RequestStory, writeStory } from '../../../bench/reports/history.js';
import { CONCERN_CATEGORIES, CONSULTATION_TOPICS, OUTCOMES } from '../../../src/core/model.js';
import type { StoreWithDatabase } from '../../../src/storage/store.js';
import { addReporter, addSpecialists } from '../storage/fixtures.js';
import { kyiv } from './world.js';

const at = <T>(items: readonly T[], k: number): T => items[k % items.length] as T;

export async function seedBusySeptember(store: StoreWithDatabase): Promise<number> {
  const prisma = store.database.prisma;
  const reporters = [await addReporter(prisma), await addReporter(prisma), await addReporter(prisma)];
  const [sloviansk] = await addSpecialists(prisma, 'sloviansk-centre', 1);
  const [kramatorsk] = await addSpecialists(prisma, 'kramatorsk-centre', 1);
  let k = 0;
  for (let day = 1; day <= 30; day++) {
    for (let i = 0; i < 3 + (day % 5); i++, k++) {
      const concern = k % 5 < 3;
      const claimAfter = 5 + ((k * 13) % 120);
      const answeredAfter = claimAfter + 10 + ((k * 17) % 300);
      const time = `${String(8 + ((i * 3) % 12)).padStart(2, '0')}:${String((k * 7) % 60).padStart(2, '0')}`;
      const story: RequestStory = {
        id: `sep-${k}`,
        caseCode: `SEP${k}`,
        receivedAt: kyiv(day, time, 9),
        kind: concern ? 'CONCERN' : 'CONSULTATION',
        category: concern ? at(CONCERN_CATEGORIES, k) : at(CONSULTATION_TOPICS, k),
        urgency: concern && k % 11 === 0 ? 'URGENT' : 'NORMAL',
        channel: k % 4 === 0 ? 'VIBER' : 'TELEGRAM',
        language: k % 3 === 1 ? 'ru' : 'uk',
        unitId: 'donetska/kramatorskyi/sloviansk',
        centreId: k % 3 === 0 ? 'kramatorsk-centre' : 'sloviansk-centre',
        reporterHandleId: at(reporters, k),
        priorRequests: k % 6 === 0 ? 1 : 0,
        claims: [{ specialistId: (k % 3 === 0 ? kramatorsk : sloviansk) as string, after: claimAfter }],
        answeredAfter,
        ...(k % 9 === 0
          ? {}
          : { closed: { after: answeredAfter + 60 * (1 + (k % 72)), outcome: at(OUTCOMES, k) } }),
      };
      await writeStory(store.database.sql, story);
    }
  }
  return k;
}
