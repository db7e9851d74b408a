// Nobody took the request in time: it climbs to the district, then the oblast centre. Immediate danger
// climbs after minutes, everything else after a day per level; the top centre keeps what reaches it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, type World } from './world.js';

const thresholds = { urgentAfterMinutes: 15, normalAfterMinutes: 24 * 60 };

describeBackends('queue: escalation', (backend) => {
  let w: World;
  // escalateOverdue looks at every waiting request: each story gets a database of its own.
  beforeEach(async () => {
    w = await buildWorld(await backend.another());
  });
  afterEach(() => w.close());

  it('moves a request to the parent centre, one level at a time, up to the top', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    const first = await w.queue.escalate(request.id);
    expect(first).toMatchObject({
      ok: true,
      value: { status: 'ESCALATED', centreId: 'district', escalationLevel: 1 },
    });
    const row = await w.store.database.prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.escalatedAt?.getTime()).toBe(w.clock.now().getTime());
    expect((await w.queue.list('district')).map((r) => r.id)).toEqual([request.id]);
    expect(await w.queue.claim(request.id, w.olena)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CENTRE' },
    });

    expect(await w.queue.escalate(request.id)).toMatchObject({
      ok: true,
      value: { centreId: 'oblast', escalationLevel: 2 },
    });
    expect(await w.queue.escalate(request.id)).toEqual({
      ok: false,
      error: { code: 'AT_TOP', requestId: request.id, status: 'ESCALATED' },
    });
    const escalations = (await w.auditOf(request.id)).filter((e) => e.action === 'request.escalated');
    expect(escalations.map((e) => [e.actorType, JSON.parse(e.detail ?? '{}').toCentreId])).toEqual([
      ['SYSTEM', 'district'],
      ['SYSTEM', 'oblast'],
    ]);
  });

  it('never moves a request somebody is working on', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    await w.queue.claim(request.id, w.olena);
    expect(await w.queue.escalate(request.id)).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', requestId: request.id, status: 'CLAIMED' },
    });
    expect(await w.queue.escalate('nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('escalates an unclaimed urgent request after minutes, a normal one only after a day', async () => {
    const urgent = (await w.queue.enqueue(w.newRequest({ urgency: 'URGENT', category: 'VIOLENCE' }))).request;
    const normal = (await w.queue.enqueue(w.newRequest())).request;
    w.clock.advanceMinutes(10);
    expect(await w.queue.escalateOverdue(thresholds)).toEqual({ escalated: [], atTop: [] });

    w.clock.advanceMinutes(6);
    const report = await w.queue.escalateOverdue(thresholds);
    expect(report.escalated.map((r) => [r.id, r.centreId])).toEqual([[urgent.id, 'district']]);
    expect(JSON.parse((await w.auditOf(urgent.id)).at(-1)?.detail ?? '{}')).toMatchObject({
      urgency: 'URGENT',
    });

    // The district gets its own 15 minutes before the oblast is asked.
    w.clock.advanceMinutes(10);
    expect((await w.queue.escalateOverdue(thresholds)).escalated).toEqual([]);
    w.clock.advanceMinutes(5);
    expect((await w.queue.escalateOverdue(thresholds)).escalated.map((r) => r.centreId)).toEqual(['oblast']);

    w.clock.advanceMinutes(15);
    expect(await w.queue.escalateOverdue(thresholds)).toEqual({
      escalated: [],
      atTop: [expect.objectContaining({ id: urgent.id, centreId: 'oblast' })],
    });

    w.clock.advanceMinutes(24 * 60);
    const nextDay = await w.queue.escalateOverdue(thresholds);
    expect(nextDay.escalated.map((r) => [r.id, r.centreId])).toEqual([[normal.id, 'district']]);
  });

  it('leaves claimed and closed requests where they are', async () => {
    const claimed = (await w.queue.enqueue(w.newRequest({ urgency: 'URGENT' }))).request;
    const closed = (await w.queue.enqueue(w.newRequest({ urgency: 'URGENT' }))).request;
    await w.queue.claim(claimed.id, w.olena);
    await w.queue.claim(closed.id, w.taras);
    await w.queue.close(closed.id, w.taras, 'DUPLICATE');
    w.clock.advanceMinutes(60);
    expect(await w.queue.escalateOverdue(thresholds)).toEqual({ escalated: [], atTop: [] });
  });

  it('escalates once when two job runs overlap', async () => {
    const { request } = await w.queue.enqueue(w.newRequest({ urgency: 'URGENT' }));
    w.clock.advanceMinutes(16);
    const runs = await Promise.all([
      w.queue.escalateOverdue(thresholds),
      w.queue.escalateOverdue(thresholds),
    ]);
    expect(runs.flatMap((r) => r.escalated).map((r) => r.id)).toEqual([request.id]);
    expect(await w.store.requests.findById(request.id)).toMatchObject({
      centreId: 'district',
      escalationLevel: 1,
    });
    expect((await w.auditOf(request.id)).filter((e) => e.action === 'request.escalated')).toHaveLength(1);
  });

  it('a released escalated request waits in the higher queue as ESCALATED', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    await w.queue.escalate(request.id);
    await w.queue.claim(request.id, w.district);
    expect(await w.queue.release(request.id, w.district)).toMatchObject({
      ok: true,
      value: { status: 'ESCALATED', centreId: 'district', escalationLevel: 1 },
    });
    expect((await w.queue.claim(request.id, w.district)).ok).toBe(true);
  });
});
