// A small, real world for the queue tests: a migrated database with a three-level chain of centres
// (hromada -> district -> oblast), specialists at each, one reporter's chat, and a clock the test moves.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_CASEWORK_POLICY } from '../../../src/core/casework/deadlines.js';
import { recordNotice } from '../../../src/core/casework/service.js';
import type { Centre, NewRequest } from '../../../src/core/model.js';
import type { Clock } from '../../../src/core/ports/index.js';
import {
  createCaseCodes,
  createQueue,
  type Queue,
  type SpecialistRef,
} from '../../../src/core/queue/index.js';
import type { HandleCipher } from '../../../src/crypto/handle-cipher.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A clock that stands still until the test moves it; the store stamps every row with it too. */
export class TestClock implements Clock {
  /** A fixed start by default; real processes in a test (workers) need one at the real time. */
  constructor(private at = new Date('2026-11-23T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.at);
  }
  advanceMinutes(minutes: number): void {
    this.at = new Date(this.at.getTime() + minutes * 60_000);
  }
}

const centre = (id: string, level: Centre['level'], parentId: string | null): Centre => ({
  id,
  level,
  nameUk: id,
  nameRu: id,
  oblastId: 'oblast',
  addressUk: null,
  addressRu: null,
  phone: null,
  email: null,
  hoursUk: null,
  hoursRu: null,
  lat: 48.85,
  lon: 37.6,
  needsConfirmation: false,
  parentId,
  coverage: [],
});

export interface World {
  store: StoreWithDatabase;
  clock: TestClock;
  queue: Queue;
  leaseMinutes: number;
  /** Two specialists of the hromada centre, one of the district, one of the oblast. */
  olena: SpecialistRef;
  taras: SpecialistRef;
  district: SpecialistRef;
  oblast: SpecialistRef;
  reporterHandleId: string;
  newRequest(overrides?: Partial<NewRequest>): NewRequest;
  /** Audit rows of one request, oldest first, as stored. */
  auditOf(
    requestId: string,
  ): Promise<{ actorType: string; actorId: string | null; action: string; detail: string | null }[]>;
  /**
   * The specialist records the notice to the children's service that a report of neglect owes
   * before it may be closed (the clock moves past the request's creation first).
   */
  childrenServiceTold(requestId: string, by: SpecialistRef): Promise<void>;
  close(): Promise<void>;
}

export async function buildWorld(
  url: string,
  options: { leaseMinutes?: number; cipher?: HandleCipher } = {},
): Promise<World> {
  const clock = new TestClock();
  const store = createStore(url, { clock, ...(options.cipher ? { cipher: options.cipher } : {}) });
  const leaseMinutes = options.leaseMinutes ?? 30;
  await store.directory.replace({
    units: [],
    centres: [
      centre('oblast', 'OBLAST', null),
      centre('district', 'DISTRICT', 'oblast'),
      centre('hromada', 'HROMADA', 'district'),
    ],
  });
  const { prisma } = store.database;
  const specialist = async (centreId: string, displayName: string): Promise<SpecialistRef> => {
    const row = await prisma.specialist.create({ data: { centreId, displayName } });
    return { id: row.id, centreId: row.centreId };
  };
  const handle = await prisma.chatHandle.create({
    data: { channel: 'TELEGRAM', lookupHash: randomUUID(), encryptedId: 'encrypted-elsewhere' },
  });
  const queue = createQueue({
    store,
    clock,
    leaseMinutes,
    caseCodes: createCaseCodes({ random: (n) => randomBytes(n), hash: sha256 }),
  });
  return {
    store,
    clock,
    queue,
    leaseMinutes,
    olena: await specialist('hromada', 'Олена'),
    taras: await specialist('hromada', 'Тарас'),
    district: await specialist('district', 'District specialist'),
    oblast: await specialist('oblast', 'Oblast specialist'),
    reporterHandleId: handle.id,
    newRequest: (overrides = {}) => ({
      kind: 'CONCERN',
      category: 'NEGLECT',
      urgency: 'NORMAL',
      centreId: 'hromada',
      language: 'uk',
      channel: 'TELEGRAM',
      unitId: null,
      approxLocation: null,
      description: 'Діти самі вдома третій день',
      contactPhone: null,
      contactPreference: null,
      reporterHandleId: handle.id,
      ...overrides,
    }),
    auditOf: (requestId) =>
      prisma.auditEvent.findMany({
        where: { requestId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { actorType: true, actorId: true, action: true, detail: true },
      }),
    async childrenServiceTold(requestId, by) {
      const request = await store.requests.findById(requestId);
      const behind = request ? request.createdAt.getTime() - clock.now().getTime() : 0;
      clock.advanceMinutes(Math.max(0, Math.ceil(behind / 60_000)) + 1);
      const told = await store.transaction((tx) =>
        recordNotice(
          {
            tx,
            now: clock.now(),
            policy: DEFAULT_CASEWORK_POLICY,
            directory: () => ({ units: [], centres: [] }),
          },
          { ...by, role: 'SPECIALIST' },
          requestId,
          { recipient: 'CHILDREN_SERVICE', way: 'PHONE', reference: null },
        ),
      );
      if (!told.ok) throw new Error(`notice refused: ${told.error.code}`);
    },
    close: () => store.close(),
  };
}
