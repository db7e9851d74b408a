// The whole app on a real database, with a test clock, for the console's HTTP tests: staff of any
// centre and role, a signed-in browser for each, and reports arriving through the queue.
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { composePoruch, type Poruch } from '../../../src/compose.js';
import { configSchema } from '../../../src/config.js';
import type { CaseView, NewRequest, Specialist, SpecialistRole } from '../../../src/core/model.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import type { Backend } from '../../helpers/db.js';
import { TestClock } from '../queue/world.js';

export const KRAMATORSK = 'dn-csss-kramatorsk';
export const SLOVIANSK = 'dn-csss-sloviansk';
export const OBLAST = 'dn-occ-oblast';

export interface ConsoleWorld {
  readonly poruch: Poruch;
  clock: TestClock;
  specialist(centreId: string, role?: SpecialistRole): Promise<Specialist>;
  /** A one-time sign-in link ('' when none is issued). */
  link(s: Specialist): Promise<string>;
  /** A browser signed in as this specialist, through the sign-in page (rate-limited: 20 a minute). */
  signedIn(s: Specialist): Promise<ConsoleClient>;
  /** A browser with a session opened by the same sign-in service, without the rate-limited page. */
  session(s: Specialist): Promise<ConsoleClient>;
  reportTo(centreId: string, report?: Partial<Pick<NewRequest, 'category' | 'urgency'>>): Promise<CaseView>;
}

/** The whole app as the console's tests run it: Donetsk oblast's centres, no messengers, silent logs. */
export function composeConsoleApp(backend: Backend, clock: TestClock): Promise<Poruch> {
  const config = configSchema.parse({
    env: 'test',
    databaseUrl: backend.url,
    handleKey: 'a'.repeat(64),
    centresFile: path.resolve('data/centres/donetska.json'),
    publicUrl: 'https://console.example.org',
    telegram: { mode: 'off' },
    viber: { enabled: false },
  });
  return composePoruch(config, { clock, logger: pino({ level: 'silent' }) });
}

/** Sets the world up before the tests of a describe block and closes it after them. */
export function consoleWorld(backend: Backend): ConsoleWorld {
  let poruch: Poruch | undefined;
  const clock = new TestClock();
  let n = 0;

  beforeAll(async () => {
    poruch = await composeConsoleApp(backend, clock);
  });
  afterAll(async () => {
    await poruch?.close();
  });

  const world: ConsoleWorld = {
    get poruch() {
      if (!poruch) throw new Error('the console world is used before beforeAll');
      return poruch;
    },
    clock,
    async specialist(centreId, role = 'SPECIALIST') {
      n += 1;
      const row = await world.poruch.store.database.prisma.specialist.create({
        data: { centreId, role, displayName: `Фахівець ${n}` },
      });
      return (await world.poruch.store.specialists.byId(row.id)) as Specialist;
    },
    link: (s) =>
      world.poruch.store.transaction(
        async (tx) => (await world.poruch.signIn.issueLink(tx.staffAccess, s))?.url ?? '',
      ),
    async signedIn(s) {
      const client = new ConsoleClient(world.poruch.app);
      const answer = await client.signIn(await world.link(s));
      expect(answer.statusCode).toBe(303);
      return client;
    },
    async session(s) {
      const url = await world.link(s);
      const token = url.split('/').pop() as string;
      const opened = await world.poruch.store.transaction((tx) =>
        world.poruch.signIn.signIn(tx.staffAccess, token),
      );
      expect(opened).not.toBeNull();
      return new ConsoleClient(world.poruch.app).useSession(opened?.sessionId as string);
    },
    async reportTo(centreId, report = {}) {
      const chat = await world.poruch.store.handles.resolve('TELEGRAM', `reporter-${++n}`);
      const { request } = await world.poruch.queue.enqueue({
        kind: 'CONCERN',
        category: 'NEGLECT',
        urgency: 'NORMAL',
        ...report,
        centreId,
        language: 'uk',
        channel: 'TELEGRAM',
        unitId: null,
        approxLocation: null,
        description: 'Дитина часто сама вдома ввечері.',
        contactPhone: null,
        contactPreference: null,
        reporterHandleId: chat.handleId,
      });
      return request;
    },
  };
  return world;
}
