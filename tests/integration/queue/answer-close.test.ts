// After the claim: the specialist answers (or gives the case back), the person writes again, and the
// case is closed with an outcome. Only the claimer may act, and the trail never names the person.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, type World } from './world.js';

describeBackends('queue: release, answer, messages, close', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend.url);
  });
  afterAll(() => w?.close());

  async function claimedBy(specialist = w.olena) {
    const { request } = await w.queue.enqueue(w.newRequest());
    const claimed = await w.queue.claim(request.id, specialist);
    if (!claimed.ok) throw new Error(`claim failed: ${claimed.error.code}`);
    return claimed.value;
  }

  it('puts a released request back in the queue for a colleague', async () => {
    const request = await claimedBy(w.olena);
    expect(await w.queue.release(request.id, w.taras)).toMatchObject({
      ok: false,
      error: { code: 'NOT_CLAIMER', status: 'CLAIMED' },
    });
    const released = await w.queue.release(request.id, w.olena);
    expect(released).toMatchObject({
      ok: true,
      value: { status: 'NEW', claimedById: null, claimedAt: null, leaseExpiresAt: null },
    });
    expect((await w.queue.claim(request.id, w.taras)).ok).toBe(true);
    expect((await w.auditOf(request.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['request.enqueued', null],
      ['request.claimed', w.olena.id],
      ['request.released', w.olena.id],
      ['request.claimed', w.taras.id],
    ]);
  });

  it('records the answer, owns the case from then on (no lease), and allows more answers', async () => {
    const request = await claimedBy();
    const first = await w.queue.answer(request.id, w.olena, 'Добрий день, ми отримали ваше звернення.');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.request).toMatchObject({
      status: 'ANSWERED',
      claimedById: w.olena.id,
      leaseExpiresAt: null,
    });
    expect(first.value.message).toMatchObject({ author: 'SPECIALIST', specialistId: w.olena.id });
    const second = await w.queue.answer(request.id, w.olena, 'Чи можете уточнити адресу?');
    expect(second).toMatchObject({ ok: true, value: { request: { status: 'ANSWERED' } } });
    const thread = await w.store.messages.thread(request.id);
    expect(thread.map((m) => m.text)).toEqual([
      'Добрий день, ми отримали ваше звернення.',
      'Чи можете уточнити адресу?',
    ]);
    const audit = await w.auditOf(request.id);
    expect(audit.filter((e) => e.action === 'request.answered')).toHaveLength(2);
    // The trail names message ids, never their text.
    expect(JSON.stringify(audit)).not.toContain('звернення');
  });

  it('does not let an answered case be released, nor a colleague answer it', async () => {
    const request = await claimedBy();
    await w.queue.answer(request.id, w.olena, 'Ми на зв’язку.');
    expect(await w.queue.release(request.id, w.olena)).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', requestId: request.id, status: 'ANSWERED' },
    });
    expect(await w.queue.answer(request.id, w.taras, 'Я теж тут')).toMatchObject({
      ok: false,
      error: { code: 'NOT_CLAIMER' },
    });
    expect(await w.store.messages.thread(request.id)).toHaveLength(1);
  });

  it('asks for a claim before an answer', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    expect(await w.queue.answer(request.id, w.olena, 'Відповідь')).toMatchObject({
      ok: false,
      error: { code: 'NOT_CLAIMER', status: 'NEW' },
    });
    expect(await w.store.messages.thread(request.id)).toEqual([]);
  });

  it('refuses an empty answer without touching the case', async () => {
    const request = await claimedBy();
    expect(await w.queue.answer(request.id, w.olena, '   ')).toMatchObject({
      ok: false,
      error: { code: 'EMPTY_TEXT', status: 'CLAIMED' },
    });
    expect(await w.store.requests.findById(request.id)).toMatchObject({ status: 'CLAIMED' });
  });

  it("adds the person's further messages to the thread; the trail says REPORTER and nothing more", async () => {
    const request = await claimedBy();
    const added = await w.queue.addReporterMessage(request.id, 'Ще одна деталь: сусіди чули крики.');
    expect(added).toMatchObject({ ok: true, value: { author: 'REPORTER', specialistId: null } });
    expect(await w.store.requests.findById(request.id)).toMatchObject({
      status: 'CLAIMED',
      claimedById: w.olena.id,
    });
    const audit = await w.auditOf(request.id);
    expect(audit.at(-1)).toMatchObject({
      actorType: 'REPORTER',
      actorId: null,
      action: 'request.reporter_message',
    });
    expect(JSON.stringify(audit)).not.toContain(w.reporterHandleId);
    expect(JSON.stringify(audit)).not.toContain('крики');
    expect(await w.queue.addReporterMessage(request.id, '')).toMatchObject({
      ok: false,
      error: { code: 'EMPTY_TEXT' },
    });
    expect(await w.queue.addReporterMessage('nope', 'Привіт')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('closes the case with an outcome; after that nothing more happens to it', async () => {
    const request = await claimedBy();
    await w.queue.answer(request.id, w.olena, 'Передаємо службі у справах дітей.');
    await w.childrenServiceTold(request.id, w.olena);
    expect(await w.queue.close(request.id, w.taras, 'CONSULTED')).toMatchObject({
      ok: false,
      error: { code: 'NOT_CLAIMER' },
    });
    const closed = await w.queue.close(request.id, w.olena, 'REFERRED_CHILDREN_SERVICE');
    expect(closed).toMatchObject({
      ok: true,
      value: { status: 'CLOSED', outcome: 'REFERRED_CHILDREN_SERVICE' },
    });
    const closedError = { ok: false, error: { code: 'CLOSED', requestId: request.id, status: 'CLOSED' } };
    expect(await w.queue.answer(request.id, w.olena, 'Ще щось')).toEqual(closedError);
    expect(await w.queue.release(request.id, w.olena)).toEqual(closedError);
    expect(await w.queue.close(request.id, w.olena, 'CONSULTED')).toEqual(closedError);
    expect(await w.queue.addReporterMessage(request.id, 'Дякую')).toEqual(closedError);
    expect(await w.queue.escalate(request.id)).toEqual(closedError);
    const audit = await w.auditOf(request.id);
    expect(audit.at(-1)).toMatchObject({
      actorType: 'SPECIALIST',
      actorId: w.olena.id,
      action: 'request.closed',
    });
    expect(JSON.parse(audit.at(-1)?.detail ?? '{}')).toEqual({
      from: 'ANSWERED',
      to: 'CLOSED',
      outcome: 'REFERRED_CHILDREN_SERVICE',
    });
    expect(audit.filter((e) => e.action === 'request.closed')).toHaveLength(1);
  });

  it('closes once when the claimer clicks twice at the same moment', async () => {
    const request = await claimedBy();
    await w.childrenServiceTold(request.id, w.olena);
    const results = await Promise.all([
      w.queue.close(request.id, w.olena, 'UNFOUNDED'),
      w.queue.close(request.id, w.olena, 'UNFOUNDED'),
      w.queue.close(request.id, w.olena, 'UNFOUNDED'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'CLOSED' }) }),
      expect.objectContaining({ error: expect.objectContaining({ code: 'CLOSED' }) }),
    ]);
    expect((await w.auditOf(request.id)).filter((e) => e.action === 'request.closed')).toHaveLength(1);
  });
});
