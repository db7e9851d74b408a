// November 2026 in three centres of Donetsk oblast, small enough to count by hand. Kyiv is UTC+2 in
// November, so "Nov 14 23:30 Kyiv" is 21:30 UTC. Every figure the tests expect is derived in the
// comments next to the requests that make it.
import { type RequestStory, writeStory } from '../../../bench/reports/history.js';
import type { Directory } from '../../../src/core/model.js';
import type { StoreWithDatabase } from '../../../src/storage/store.js';
import { addReporter, addSpecialists, directory as storageDirectory } from '../storage/fixtures.js';

const SLOVIANSK = 'donetska/kramatorskyi/sloviansk';
const KRAMATORSK = 'donetska/kramatorskyi/kramatorsk';

export const directory: Directory = {
  units: [
    ...storageDirectory.units,
    {
      id: KRAMATORSK,
      parentId: 'donetska/kramatorskyi',
      level: 'HROMADA',
      nameUk: 'Краматорська',
      nameRu: 'Краматорская',
      lat: 48.74,
      lon: 37.58,
    },
  ],
  centres: [
    ...storageDirectory.centres,
    {
      ...(storageDirectory.centres[1] as Directory['centres'][number]),
      id: 'kramatorsk-centre',
      nameUk: 'Краматорський центр',
      nameRu: 'Краматорский центр',
      coverage: [KRAMATORSK],
    },
  ],
};

/** A moment in Kyiv time in November 2026 (UTC+2): kyiv(14, '23:30') is 2026-11-14T21:30Z. */
export const kyiv = (day: number, time: string, month = 11) =>
  new Date(`2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}:00+02:00`);

const H = 60; // minutes in an hour

/**
 * Slov'yansk centre, 8 requests received in November (S1–S8) and one on the evening of 31 October
 * (S0), which belongs to no November figure.
 * Time to claim (min): 10, 20, 30, 40, 50, 60, 600 (S7's first claim; its lease then lapsed).
 * Time to first answer (min): 30, 60, 90, 120, 150, 1440. Time to close (h): 2, 5, 24, 48, 72.
 */
function slovianskStories(reporters: string[], olena: string): Omit<RequestStory, 'id' | 'caseCode'>[] {
  const [first, second, third] = reporters as [string, string, string];
  const base = { centreId: 'sloviansk-centre', unitId: SLOVIANSK, reporterHandleId: first } as const;
  const claim = (after: number, lapsed = false) => [{ specialistId: olena, after, lapsed }];
  const police = (after: number) => ({ recipient: 'POLICE', after, by: olena });
  const childrenService = (after: number) => ({ recipient: 'CHILDREN_SERVICE', after, by: olena });
  return [
    // S0: 23:30 Kyiv on 31 October, closed the same evening: outside the November period.
    {
      ...base,
      receivedAt: kyiv(31, '23:30', 10),
      kind: 'CONCERN',
      category: 'OTHER',
      claims: claim(5),
      answeredAfter: 10,
      closed: { after: 15, outcome: 'UNFOUNDED' },
    },
    // S1: 00:30 Kyiv on 1 November (still 31 October in UTC): counts for 1 November.
    {
      ...base,
      receivedAt: kyiv(1, '00:30'),
      kind: 'CONCERN',
      category: 'VIOLENCE',
      urgency: 'URGENT',
      claims: claim(10),
      answeredAfter: 30,
      closed: { after: 2 * H, outcome: 'REFERRED_CHILDREN_SERVICE' },
      // Police after 30 min, children's service after 2 h, assessed on Wednesday: all on time.
      notices: [police(30), childrenService(2 * H)],
      assessedAt: kyiv(4, '10:00'),
    },
    {
      ...base,
      receivedAt: kyiv(5, '10:00'),
      kind: 'CONCERN',
      category: 'VIOLENCE',
      reporterHandleId: second,
      claims: claim(20),
      answeredAfter: 60,
      closed: { after: 5 * H, outcome: 'CONSULTED' },
      // The children's service exactly 24 h later: still on time. Received on Thursday, the 5th
      // working day is Thursday 12th; assessed on Friday 13th: late.
      notices: [childrenService(24 * H)],
      assessedAt: kyiv(13, '09:00'),
    },
    // S3: 23:30 Kyiv on 14 November is 21:30 UTC: still the 14th. The same chat's 2nd request.
    {
      ...base,
      receivedAt: kyiv(14, '23:30'),
      kind: 'CONCERN',
      category: 'VIOLENCE',
      urgency: 'URGENT',
      channel: 'VIBER',
      language: 'ru',
      priorRequests: 1,
      claims: claim(30),
      answeredAfter: 90,
      closed: { after: 24 * H, outcome: 'REFERRED_CHILDREN_SERVICE' },
      // The police exactly 1 h later (on time); the children's service a minute past 24 h (late);
      // never assessed (missing).
      notices: [police(H), childrenService(24 * H + 1)],
    },
    // S4: no place given; that chat's 3rd request.
    {
      ...base,
      receivedAt: kyiv(14, '12:00'),
      kind: 'CONCERN',
      category: 'NEGLECT',
      unitId: null,
      priorRequests: 2,
      claims: claim(40),
      answeredAfter: 120,
      closed: { after: 48 * H, outcome: 'CONSULTED' },
      // Received on Saturday 14th. With Monday 16th a holiday (the tests' calendar), the 5th working
      // day is Monday 23rd: assessed that morning, on time. Without the holiday it would be late.
      notices: [childrenService(23 * H)],
      assessedAt: kyiv(23, '10:00'),
    },
    // S5: someone from Kramatorsk hromada who chose the Slov'yansk centre.
    {
      ...base,
      receivedAt: kyiv(20, '09:00'),
      kind: 'CONSULTATION',
      category: 'PSYCHOLOGICAL',
      channel: 'VIBER',
      language: 'ru',
      unitId: KRAMATORSK,
      reporterHandleId: third,
      claims: claim(50),
      answeredAfter: 150,
      closed: { after: 72 * H, outcome: 'CONSULTED' },
    },
    // S6: answered after a day, still open on 30 November (28 days 14 hours old). A 2nd request.
    {
      ...base,
      receivedAt: kyiv(2, '10:00'),
      kind: 'CONCERN',
      category: 'NEGLECT',
      reporterHandleId: second,
      priorRequests: 1,
      claims: claim(60),
      answeredAfter: 1440,
    },
    // S7: first claimed after 10 hours, the lease lapsed, claimed again; never answered.
    {
      ...base,
      receivedAt: kyiv(3, '10:00'),
      kind: 'CONSULTATION',
      category: 'PSYCHOLOGICAL',
      language: 'ru',
      reporterHandleId: third,
      claims: [...claim(600, true), ...claim(700)],
    },
    // S8: nobody has taken it yet: open for 1 day 12 hours at the end of the period. Recorded by
    // staff as a child left without care: a concern from then on, owing the children's service by
    // noon on 30 November and an assessment by Friday 4 December. Neither has happened.
    {
      ...base,
      receivedAt: kyiv(29, '12:00'),
      kind: 'CONSULTATION',
      category: 'PSYCHOLOGICAL',
      reporterHandleId: third,
      caseCategory: 'LEFT_WITHOUT_CARE',
    },
  ];
}

/**
 * Kramatorsk centre: K1–K7. K3 (urgent) was escalated to the oblast centre after 15 minutes and is
 * handled there. Time to claim: K1 15 min, K2 90 min; K3 25 min at the oblast centre.
 */
function kramatorskStories(reporters: string[], ivan: string, oksana: string) {
  const base = {
    centreId: 'kramatorsk-centre',
    unitId: KRAMATORSK,
    reporterHandleId: reporters[0] as string,
  } as const;
  const parenting = (day: number) =>
    ({ ...base, receivedAt: kyiv(day, '10:00'), kind: 'CONSULTATION', category: 'PARENTING' }) as const;
  const notice = (recipient: string, after: number, by: string) => ({ recipient, after, by });
  return [
    {
      ...base,
      receivedAt: kyiv(10, '10:00'),
      kind: 'CONSULTATION',
      category: 'LEGAL',
      channel: 'VIBER',
      language: 'ru',
      claims: [{ specialistId: ivan, after: 15 }],
      answeredAfter: 45,
      closed: { after: 4 * H, outcome: 'CONSULTED' },
    },
    {
      ...base,
      receivedAt: kyiv(11, '10:00'),
      kind: 'CONCERN',
      category: 'BULLYING',
      claims: [{ specialistId: ivan, after: 90 }],
      // Bullying owes no notice; assessed late on Wednesday 18th, within 5 working days.
      assessedAt: kyiv(18, '23:00'),
    },
    {
      ...base,
      receivedAt: kyiv(12, '10:00'),
      kind: 'CONCERN',
      category: 'VIOLENCE',
      urgency: 'URGENT',
      escalatedTo: { centreId: 'oblast-centre', after: 15 },
      claims: [{ specialistId: oksana, after: 25 }],
      answeredAfter: 35,
      closed: { after: 6 * H, outcome: 'REFERRED_POLICE' },
      // At the oblast centre: the children's service after 1 h (on time), the police after 61 min
      // (late); assessed the next day.
      notices: [notice('CHILDREN_SERVICE', H, oksana), notice('POLICE', H + 1, oksana)],
      assessedAt: kyiv(13, '12:00'),
    },
    // A Friday "parenting" question that staff found to be neglect: the children's service 30 h later
    // (late). The 5th working day after Friday 20th is Friday 27th (the weekend does not count):
    // assessed at 18:00 that day, on time.
    {
      ...parenting(20),
      caseCategory: 'NEGLECT.SUPERVISION',
      notices: [notice('CHILDREN_SERVICE', 30 * H, ivan)],
      assessedAt: kyiv(27, '18:00'),
    },
    parenting(21),
    parenting(22),
    parenting(23),
  ] satisfies Omit<RequestStory, 'id' | 'caseCode'>[];
}

/** Loads the directory and writes every story. */
export async function seedNovember(store: StoreWithDatabase): Promise<void> {
  const prisma = store.database.prisma;
  await store.directory.replace(directory);
  const reporters = [await addReporter(prisma), await addReporter(prisma), await addReporter(prisma)];
  const [olena] = await addSpecialists(prisma, 'sloviansk-centre', 1);
  const [ivan] = await addSpecialists(prisma, 'kramatorsk-centre', 1);
  const [oksana] = await addSpecialists(prisma, 'oblast-centre', 1);
  const stories = [
    ...slovianskStories(reporters, olena as string).map((s, i) => ({ ...s, id: `s${i}`, caseCode: `S${i}` })),
    ...kramatorskStories(reporters, ivan as string, oksana as string).map((s, i) => ({
      ...s,
      id: `k${i + 1}`,
      caseCode: `K${i + 1}`,
    })),
  ];
  for (const story of stories) await writeStory(store.database.sql, story);
}
