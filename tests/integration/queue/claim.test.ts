// A request arrives and a specialist takes it: never two at once, never from another centre's queue.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CASE_CODE_PATTERN, createQueue } from '../../../src/core/queue/index.js';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, sha256, type World } from './world.js';

describeBackends('queue: enqueue and claim', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend.url);
  });
  afterAll(() => w?.close());

  it('queues a new request under a readable case code, keeping only the hash of the one-time secret', async () => {
    const { request, continuationSecret } = await w.queue.enqueue(w.newRequest());
    expect(request.caseCode).toMatch(CASE_CODE_PATTERN);
    expect(request.status).toBe('NEW');
    const row = await w.store.database.prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.continuationHash).toBe(sha256(continuationSecret));
    expect(JSON.stringify(row)).not.toContain(continuationSecret);
    expect(await w.auditOf(request.id)).toEqual([
      expect.objectContaining({ actorType: 'REPORTER', actorId: null, action: 'request.enqueued' }),
    ]);
  });

  it('shows the centre its waiting requests, urgent ones first', async () => {
    const normal = (await w.queue.enqueue(w.newRequest())).request;
    const urgent = (await w.queue.enqueue(w.newRequest({ urgency: 'URGENT', category: 'VIOLENCE' }))).request;
    const ids = (await w.queue.list('hromada', 500)).map((r) => r.id);
    expect(ids[0]).toBe(urgent.id);
    expect(ids).toContain(normal.id);
    expect((await w.queue.list('district')).map((r) => r.id)).not.toContain(normal.id);
  });

  it('lets a specialist of the centre claim it, under a lease', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    const claimed = await w.queue.claim(request.id, w.olena);
    expect(claimed.ok).toBe(true);
    if (!claimed.ok) return;
    expect(claimed.value).toMatchObject({ status: 'CLAIMED', claimedById: w.olena.id });
    expect(claimed.value.leaseExpiresAt?.getTime()).toBe(w.clock.now().getTime() + w.leaseMinutes * 60_000);
    expect((await w.queue.list('hromada', 500)).map((r) => r.id)).not.toContain(request.id);
    const audit = await w.auditOf(request.id);
    expect(audit.at(-1)).toMatchObject({
      actorType: 'SPECIALIST',
      actorId: w.olena.id,
      action: 'request.claimed',
    });
    expect(JSON.parse(audit.at(-1)?.detail ?? '{}')).toMatchObject({ from: 'NEW', to: 'CLAIMED' });
  });

  it('tells a colleague who comes second that it is already claimed', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    await w.queue.claim(request.id, w.olena);
    const second = await w.queue.claim(request.id, w.taras);
    expect(second).toEqual({
      ok: false,
      error: { code: 'ALREADY_CLAIMED', requestId: request.id, status: 'CLAIMED' },
    });
    expect(await w.queue.claim(request.id, w.olena)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_CLAIMED' },
    });
  });

  it('gives the request to exactly one of many specialists clicking at once', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    const attempts = [w.olena, w.taras, w.olena, w.taras, w.olena, w.taras];
    const results = await Promise.all(attempts.map((s) => w.queue.claim(request.id, s)));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok))
      expect(r).toMatchObject({ error: { code: 'ALREADY_CLAIMED' } });
    const claims = (await w.auditOf(request.id)).filter((e) => e.action === 'request.claimed');
    expect(claims).toHaveLength(1);
  });

  it('refuses a specialist of another centre, naming the reason', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    expect(await w.queue.claim(request.id, w.district)).toEqual({
      ok: false,
      error: { code: 'WRONG_CENTRE', requestId: request.id, status: 'NEW' },
    });
    expect((await w.auditOf(request.id)).map((e) => e.action)).toEqual(['request.enqueued']);
  });

  it('says when there is no such request', async () => {
    expect(await w.queue.claim('no-such-request', w.olena)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', requestId: 'no-such-request', status: null },
    });
  });

  it('never reopens a closed case by claiming it', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    await w.queue.claim(request.id, w.olena);
    await w.queue.close(request.id, w.olena, 'DUPLICATE');
    expect(await w.queue.claim(request.id, w.taras)).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', status: 'CLOSED' },
    });
  });

  it('draws another case code when the first one is taken', async () => {
    const taken = (await w.queue.enqueue(w.newRequest())).request.caseCode;
    const codes = [taken, taken, 'ZZ-ZZZ'];
    const queue = createQueue({
      store: w.store,
      clock: w.clock,
      leaseMinutes: 30,
      caseCodes: {
        caseCode: () => codes.shift() ?? 'never',
        continuationSecret: () => 'S',
        hashSecret: sha256,
      },
    });
    const fresh = await queue.enqueue(w.newRequest());
    expect(fresh.request.caseCode).toBe('ZZ-ZZZ');
    expect(codes).toEqual([]);
  });
});
