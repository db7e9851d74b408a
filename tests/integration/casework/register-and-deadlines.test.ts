// A case registered without a messenger (a phone call) joins the same queue with the same deadlines,
// counted from when the centre received it; the watch alerts an overdue deadline once per level:
// the specialist and the centre's admins first, the oblast centre 24 hours later.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_CASEWORK_POLICY } from '../../../src/core/casework/deadlines.js';
import { registerCase } from '../../../src/core/casework/register.js';
import { caseCard, recordNotice } from '../../../src/core/casework/service.js';
import { watchDeadlines } from '../../../src/core/casework/watch.js';
import { createCaseCodes } from '../../../src/core/queue/index.js';
import { describeBackends } from '../../helpers/db.js';
import { sha256 } from '../queue/world.js';
import { buildCaseworkWorld, type CaseworkWorld } from './casework-world.js';

describeBackends('casework: cases registered by phone, and deadline alerts', (backend) => {
  let w: CaseworkWorld;
  const caseCodes = createCaseCodes({
    random: (n) => crypto.getRandomValues(new Uint8Array(n)),
    hash: sha256,
  });
  beforeAll(async () => {
    w = await buildCaseworkWorld(backend.url);
  });
  afterAll(() => w?.close());

  const register = (receivedMinutesAgo: number) =>
    registerCase({ store: w.store, caseCodes, now: w.clock.now() }, w.olenaActor, {
      source: 'PHONE',
      kind: 'CONCERN',
      category: 'LEFT_WITHOUT_CARE',
      urgency: 'NORMAL',
      description: 'Дзвонила сусідка: двоє дітей самі вдома другу добу.',
      receivedAt: new Date(w.clock.now().getTime() - receivedMinutesAgo * 60_000),
      contactPhone: '+380501234567',
    });

  it('a phone-registered case enters the queue with its deadlines and no reporter chat', async () => {
    const registered = await register(120);
    expect(registered.ok).toBe(true);
    if (!registered.ok) return;
    const c = registered.value;
    expect(c).toMatchObject({ status: 'NEW', centreId: 'hromada', channel: null });
    expect((await w.queue.list('hromada')).map((x) => x.id)).toContain(c.id);
    expect(await w.store.requests.reporterHandleOf(c.id)).toBeNull();

    const card = await w.inTx((ctx) => caseCard(ctx, w.olenaActor, c.id));
    if (!card.ok) throw new Error(card.error.code);
    expect(card.value.fields.intakeSource).toBe('PHONE');
    const notice = card.value.deadlines.find((d) => d.kind === 'CHILDREN_SERVICE_NOTICE');
    // 24 hours from when the call came in, not from when it was typed in.
    expect(notice?.dueAt).toEqual(new Date(c.createdAt.getTime() + 24 * 3_600_000));
    expect(card.value.deadlines.map((d) => d.kind)).toContain('NEEDS_ASSESSMENT');
    expect((await w.auditOf(c.id)).map((e) => e.action)).toEqual(['case.registered']);
  });

  it('refuses a registration that does not fit, and one received in the future', async () => {
    const bad = await registerCase({ store: w.store, caseCodes, now: w.clock.now() }, w.olenaActor, {
      source: 'PHONE',
      kind: 'CONCERN',
      category: 'PARENTING',
      urgency: 'NORMAL',
      description: 'x',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect((await register(-60)).ok).toBe(false);
  });

  it('alerts an overdue notice once per level: the centre first, the oblast centre a day later', async () => {
    const registered = await register(0);
    if (!registered.ok) throw new Error('not registered');
    const id = registered.value.id;
    expect((await w.queue.claim(id, w.olena)).ok).toBe(true);
    const told: string[] = [];
    const run = () =>
      watchDeadlines({
        store: w.store,
        clock: w.clock,
        policy: DEFAULT_CASEWORK_POLICY,
        directory: () => w.directory,
        tell: async (_tx, to, c, alert) => {
          if (c.id === id) told.push(`${alert.kind}:${alert.level}:${to.id}`);
        },
      });
    await run();
    expect(told).toEqual([]);

    w.clock.advanceMinutes(24 * 60 + 5);
    await run();
    expect(told.sort()).toEqual(
      [`CHILDREN_SERVICE_NOTICE:1:${w.olena.id}`, `CHILDREN_SERVICE_NOTICE:1:${w.hromadaAdmin.id}`].sort(),
    );
    // A second run at the same moment (or a second instance) alerts nobody again.
    await run();
    expect(told).toHaveLength(2);

    w.clock.advanceMinutes(24 * 60);
    await run();
    expect(told.filter((t) => t.endsWith(`:2:${w.oblastAdmin.id}`))).toEqual([
      `CHILDREN_SERVICE_NOTICE:2:${w.oblastAdmin.id}`,
    ]);
    const overdue = (await w.auditOf(id)).filter((e) => e.action === 'case.deadline_overdue');
    expect(overdue.map((e) => JSON.parse(e.detail ?? '{}').level)).toEqual([1, 2]);

    // Once the notice is recorded (late), that deadline alerts no more.
    await w.inTx((ctx) =>
      recordNotice(ctx, w.olenaActor, id, { recipient: 'CHILDREN_SERVICE', way: 'PHONE', reference: null }),
    );
    const before = told.length;
    w.clock.advanceMinutes(60);
    await run();
    expect(told.slice(before).filter((t) => t.startsWith('CHILDREN_SERVICE'))).toEqual([]);
  });
});
