// A specialist claims a request and then goes silent: when the lease runs out, the request goes back
// to the queue it came from, and the trail says the system did it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, type World } from './world.js';

describeBackends('queue: lease expiry', (backend) => {
  let w: World;
  // expireLeases looks at every claim in the database: each story gets a database of its own.
  beforeEach(async () => {
    w = await buildWorld(await backend.another(), { leaseMinutes: 30 });
  });
  afterEach(() => w.close());

  it('returns a stale claim to the queue once the lease has run out, not before', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    await w.queue.claim(request.id, w.olena);
    w.clock.advanceMinutes(29);
    expect(await w.queue.expireLeases()).toEqual([]);
    w.clock.advanceMinutes(2);
    const returned = await w.queue.expireLeases();
    expect(returned).toEqual([expect.objectContaining({ id: request.id, status: 'NEW', claimedById: null })]);
    expect((await w.queue.list('hromada')).map((r) => r.id)).toEqual([request.id]);
    const audit = await w.auditOf(request.id);
    expect(audit.at(-1)).toMatchObject({
      actorType: 'SYSTEM',
      actorId: null,
      action: 'request.lease_expired',
    });
    expect(JSON.parse(audit.at(-1)?.detail ?? '{}')).toEqual({
      from: 'CLAIMED',
      to: 'NEW',
      specialistId: w.olena.id,
    });
    // The former claimer can no longer act on it.
    expect(await w.queue.answer(request.id, w.olena, 'Запізно')).toMatchObject({
      ok: false,
      error: { code: 'NOT_CLAIMER', status: 'NEW' },
    });
  });

  it('leaves answered cases alone: they are owned, not leased', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    await w.queue.claim(request.id, w.olena);
    await w.queue.answer(request.id, w.olena, 'Ми вже працюємо');
    w.clock.advanceMinutes(24 * 60);
    expect(await w.queue.expireLeases()).toEqual([]);
    expect(await w.store.requests.findById(request.id)).toMatchObject({
      status: 'ANSWERED',
      claimedById: w.olena.id,
    });
  });

  it('returns an escalated request to the higher centre as ESCALATED', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    await w.queue.escalate(request.id);
    await w.queue.claim(request.id, w.district);
    w.clock.advanceMinutes(31);
    const [returned] = await w.queue.expireLeases();
    expect(returned).toMatchObject({
      id: request.id,
      status: 'ESCALATED',
      centreId: 'district',
      escalationLevel: 1,
    });
  });

  it('expires each stale claim once, however many job runs overlap', async () => {
    const requests = await Promise.all([1, 2, 3].map(() => w.queue.enqueue(w.newRequest())));
    for (const { request } of requests) await w.queue.claim(request.id, w.taras);
    w.clock.advanceMinutes(45);
    const runs = await Promise.all([w.queue.expireLeases(), w.queue.expireLeases(), w.queue.expireLeases()]);
    expect(
      runs
        .flat()
        .map((r) => r.id)
        .sort(),
    ).toEqual(requests.map((r) => r.request.id).sort());
    for (const { request } of requests) {
      expect((await w.auditOf(request.id)).filter((e) => e.action === 'request.lease_expired')).toHaveLength(
        1,
      );
    }
  });

  it('lets the claimer give it back just before the job runs, without a double return', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    await w.queue.claim(request.id, w.olena);
    w.clock.advanceMinutes(31);
    const [released, expired] = await Promise.all([
      w.queue.release(request.id, w.olena),
      w.queue.expireLeases(),
    ]);
    const returns = (await w.auditOf(request.id)).filter((e) =>
      ['request.released', 'request.lease_expired'].includes(e.action),
    );
    expect(returns).toHaveLength(1);
    expect(released.ok).toBe(expired.length === 0);
    expect(await w.store.requests.findById(request.id)).toMatchObject({ status: 'NEW', claimedById: null });
  });
});
