// How requests wait, get claimed and move: the queue a specialist sees and the guards that keep two
// people from acting on one request at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../src/core/model.js';
import { QUEUE_OF_CENTRE } from '../../../src/storage/requests.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { addReporter, addSpecialists, caseCode, directory, newRequest } from './fixtures.js';

const minutes = (n: number) => n * 60_000;

describeBackends('requests', (backend) => {
  let store: StoreWithDatabase;
  let reporter: string;
  let olena: string;
  let taras: string;

  beforeAll(async () => {
    store = createStore(backend.url, { maxConnections: 4 });
    await store.directory.replace(directory);
    [olena, taras] = (await addSpecialists(store.database.prisma, 'sloviansk-centre', 2)) as [string, string];
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    // Each story starts with an empty queue.
    await store.database.prisma.request.deleteMany();
    reporter = await addReporter(store.database.prisma);
  });

  /** A request created at a given moment (the queue orders by creation time). */
  async function submitted(
    overrides: Parameters<typeof newRequest>[1] = {},
    createdAt?: Date,
  ): Promise<CaseView> {
    const created = await store.requests.create({
      ...newRequest(reporter, overrides),
      caseCode: caseCode(),
      continuationHash: null,
    });
    if (!created) throw new Error('not created');
    if (!createdAt) return created;
    await store.database.prisma.request.update({ where: { id: created.id }, data: { createdAt } });
    return { ...created, createdAt };
  }

  describe('create', () => {
    it('stores what the person submitted and shows staff no reporter identity', async () => {
      const request = await store.requests.create({
        ...newRequest(reporter, { urgency: 'URGENT', contactPhone: '+380501234567' }),
        caseCode: 'ABC-123',
        continuationHash: 'hash-of-secret',
      });
      expect(request).toMatchObject({
        caseCode: 'ABC-123',
        status: 'NEW',
        urgency: 'URGENT',
        centreId: 'sloviansk-centre',
        claimedById: null,
        escalationLevel: 0,
        outcome: null,
        contactPhone: '+380501234567',
      });
      for (const view of [
        request,
        await store.requests.findById(request?.id ?? ''),
        await store.requests.findByCaseCode('ABC-123'),
      ]) {
        expect(view).not.toBeNull();
        expect(Object.keys(view ?? {})).not.toContain('reporterHandleId');
        expect(Object.keys(view ?? {})).not.toContain('continuationHash');
      }
      // The bot can still reply: the handle is there for it, and only through this call.
      expect(await store.requests.reporterHandleOf(request?.id ?? '')).toBe(reporter);
    });

    it('returns null when the case code is taken, so the caller draws another', async () => {
      const first = await submitted();
      const clash = await store.requests.create({
        ...newRequest(reporter),
        caseCode: first.caseCode,
        continuationHash: null,
      });
      expect(clash).toBeNull();
      expect(await store.database.prisma.request.count()).toBe(1);
    });

    it('gives a code drawn by ten requests at the same moment to exactly one of them', async () => {
      const code = caseCode();
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          store.requests.create({ ...newRequest(reporter), caseCode: code, continuationHash: null }),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('does not mistake another unique clash for a taken case code', async () => {
      await store.requests.create({
        ...newRequest(reporter),
        caseCode: caseCode(),
        continuationHash: 'same-secret-hash',
      });
      await expect(
        store.requests.create({
          ...newRequest(reporter),
          caseCode: caseCode(),
          continuationHash: 'same-secret-hash',
        }),
      ).rejects.toThrow();
    });

    it('keeps a failed attempt from spoiling the transaction it ran in', async () => {
      const first = await submitted();
      const second = await store.transaction(async (tx) => {
        const clash = await tx.requests.create({
          ...newRequest(reporter),
          caseCode: first.caseCode,
          continuationHash: null,
        });
        expect(clash).toBeNull();
        return tx.requests.create({ ...newRequest(reporter), caseCode: caseCode(), continuationHash: null });
      });
      expect(second?.status).toBe('NEW');
    });
  });

  describe('listQueue', () => {
    it('shows urgent requests first, then the oldest, and only waiting ones of that centre', async () => {
      const t0 = Date.now() - minutes(60);
      const oldNormal = await submitted({}, new Date(t0));
      const newUrgent = await submitted({ urgency: 'URGENT' }, new Date(t0 + minutes(30)));
      const newerNormal = await submitted({}, new Date(t0 + minutes(10)));
      const oldUrgent = await submitted({ urgency: 'URGENT' }, new Date(t0 + minutes(5)));
      const escalated = await submitted({}, new Date(t0 + minutes(20)));
      await store.database.prisma.request.update({
        where: { id: escalated.id },
        data: { status: 'ESCALATED' },
      });
      const claimed = await submitted({ urgency: 'URGENT' }, new Date(t0 - minutes(5)));
      await store.requests.update(
        claimed.id,
        { statuses: ['NEW'] },
        { status: 'CLAIMED', claimedById: olena },
      );
      await submitted({ centreId: 'oblast-centre', urgency: 'URGENT' }, new Date(t0 - minutes(10)));

      const queue = await store.requests.listQueue('sloviansk-centre');

      expect(queue.map((r) => r.id)).toEqual([
        oldUrgent.id,
        newUrgent.id,
        oldNormal.id,
        newerNormal.id,
        escalated.id,
      ]);
    });

    it('returns at most `limit` requests', async () => {
      for (let i = 0; i < 5; i++) await submitted();
      expect(await store.requests.listQueue('sloviansk-centre', 3)).toHaveLength(3);
    });

    it('reads the queue in order straight from its index, with no sort step', async () => {
      for (let i = 0; i < 20; i++) await submitted({ urgency: i % 3 === 0 ? 'URGENT' : 'NORMAL' });
      const params = ['sloviansk-centre', 'NEW', 50];
      const plan = await store.database.transaction(async ({ sql }) => {
        if (backend.provider === 'sqlite') {
          const rows = await sql.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${QUEUE_OF_CENTRE}`, params);
          return rows.map((r) => r.detail);
        }
        // A table this small would be read whole; what matters is whether the index gives the order.
        await sql.run('SET LOCAL enable_seqscan = off');
        const rows = await sql.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${QUEUE_OF_CENTRE}`, params);
        return rows.map((r) => r['QUERY PLAN']);
      });
      const text = plan.join('\n');
      expect(text).toContain('Request_centreId_status_urgency_createdAt_id_idx');
      expect(text).not.toMatch(/TEMP B-TREE|Sort/);
    });
  });

  describe('update guards', () => {
    const claimGuard = { statuses: ['NEW', 'ESCALATED'] as const, claimedById: null };

    it('claims a waiting request and refuses a second claim', async () => {
      const request = await submitted();
      const now = new Date();
      const claimed = await store.requests.update(request.id, claimGuard, {
        status: 'CLAIMED',
        claimedById: olena,
        claimedAt: now,
        leaseExpiresAt: new Date(now.getTime() + minutes(30)),
      });
      expect(claimed).toMatchObject({ status: 'CLAIMED', claimedById: olena, claimedAt: now });

      expect(
        await store.requests.update(request.id, claimGuard, { status: 'CLAIMED', claimedById: taras }),
      ).toBeNull();
      expect((await store.requests.findById(request.id))?.claimedById).toBe(olena);
    });

    it('lets only the holder of a claim act on it', async () => {
      const request = await submitted();
      await store.requests.update(request.id, claimGuard, { status: 'CLAIMED', claimedById: olena });

      expect(
        await store.requests.update(
          request.id,
          { statuses: ['CLAIMED'], claimedById: taras },
          { status: 'ANSWERED' },
        ),
      ).toBeNull();
      const answered = await store.requests.update(
        request.id,
        { statuses: ['CLAIMED'], claimedById: olena },
        { status: 'ANSWERED' },
      );
      expect(answered?.status).toBe('ANSWERED');
    });

    it('checks the centre, so a request that moved up cannot be claimed from the old queue', async () => {
      const request = await submitted();
      await store.requests.update(
        request.id,
        { statuses: ['NEW'] },
        { status: 'ESCALATED', centreId: 'oblast-centre', escalationLevel: 1 },
      );

      expect(
        await store.requests.update(
          request.id,
          { ...claimGuard, centreId: 'sloviansk-centre' },
          { status: 'CLAIMED', claimedById: olena },
        ),
      ).toBeNull();
      expect(
        await store.requests.update(
          request.id,
          { ...claimGuard, centreId: 'oblast-centre' },
          { status: 'CLAIMED', claimedById: olena },
        ),
      ).not.toBeNull();
    });

    it('releases a claim only after its lease has expired', async () => {
      const request = await submitted();
      const now = Date.now();
      await store.requests.update(request.id, claimGuard, {
        status: 'CLAIMED',
        claimedById: olena,
        leaseExpiresAt: new Date(now + minutes(30)),
      });
      const release = { status: 'NEW', claimedById: null, claimedAt: null, leaseExpiresAt: null } as const;

      expect(
        await store.requests.update(
          request.id,
          { statuses: ['CLAIMED'], leaseExpiredBefore: new Date(now) },
          release,
        ),
      ).toBeNull();
      expect(await store.requests.listExpiredLeases(new Date(now))).toEqual([]);

      const later = new Date(now + minutes(31));
      expect((await store.requests.listExpiredLeases(later)).map((r) => r.id)).toEqual([request.id]);
      const released = await store.requests.update(
        request.id,
        { statuses: ['CLAIMED'], leaseExpiredBefore: later },
        release,
      );
      expect(released).toMatchObject({ status: 'NEW', claimedById: null, leaseExpiresAt: null });
    });

    it('escalates only requests created before the given instant', async () => {
      const request = await submitted({}, new Date(Date.now() - minutes(20)));
      const escalate = { status: 'ESCALATED', escalationLevel: 1, escalatedAt: new Date() } as const;

      expect(
        await store.requests.update(
          request.id,
          { statuses: ['NEW'], createdBefore: new Date(Date.now() - minutes(30)) },
          escalate,
        ),
      ).toBeNull();
      expect(
        await store.requests.update(
          request.id,
          { statuses: ['NEW'], createdBefore: new Date(Date.now() - minutes(15)) },
          escalate,
        ),
      ).toMatchObject({ status: 'ESCALATED', escalationLevel: 1 });
    });

    it('closes with an outcome and changes only the fields given', async () => {
      const request = await submitted();
      await store.requests.update(request.id, claimGuard, { status: 'CLAIMED', claimedById: olena });
      const closedAt = new Date();
      const closed = await store.requests.update(
        request.id,
        { statuses: ['CLAIMED', 'ANSWERED'], claimedById: olena },
        { status: 'CLOSED', outcome: 'CONSULTED', closedAt },
      );
      expect(closed).toMatchObject({
        status: 'CLOSED',
        outcome: 'CONSULTED',
        claimedById: olena,
        description: request.description,
      });
    });

    it('matches nothing for an unknown request or an empty status list', async () => {
      const request = await submitted();
      expect(await store.requests.update('no-such-id', claimGuard, { status: 'CLAIMED' })).toBeNull();
      expect(await store.requests.update(request.id, { statuses: [] }, { status: 'CLAIMED' })).toBeNull();
    });
  });

  describe('lists for jobs and for the reporter', () => {
    it('finds waiting requests of one urgency older than an instant, oldest first', async () => {
      const now = Date.now();
      const old = await submitted({ urgency: 'URGENT' }, new Date(now - minutes(40)));
      const older = await submitted({ urgency: 'URGENT' }, new Date(now - minutes(50)));
      await submitted({ urgency: 'URGENT' }, new Date(now - minutes(5)));
      await submitted({}, new Date(now - minutes(60)));

      const overdue = await store.requests.listWaitingSince('URGENT', new Date(now - minutes(15)));
      expect(overdue.map((r) => r.id)).toEqual([older.id, old.id]);
    });

    it("lists a reporter's own requests, newest first", async () => {
      const first = await submitted({}, new Date(Date.now() - minutes(10)));
      const second = await submitted();
      const someoneElse = await addReporter(store.database.prisma);
      await store.requests.create({
        ...newRequest(someoneElse),
        caseCode: caseCode(),
        continuationHash: null,
      });

      expect((await store.requests.listByReporter(reporter)).map((r) => r.id)).toEqual([second.id, first.id]);
    });
  });
});
