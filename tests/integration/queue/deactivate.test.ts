// Kateryna leaves the centre. The admin switches her off: she hears nothing more about requests, and
// the two cases she held (one she had already answered) go back to the queue, where her colleague
// Mykola is told about them with a Claim button and continues with the thread as it was.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/conversation/types.js';
import { deactivateSpecialist } from '../../../src/core/specialists/team.js';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, type World } from './world.js';

describeBackends('an admin switches a specialist off', (backend) => {
  let world: World;
  beforeEach(async () => {
    world = await buildWorld(await backend.another());
  });
  afterEach(() => world.close());

  const staff = async (name: string) => {
    const { prisma } = world.store.database;
    const handle = await prisma.chatHandle.create({
      data: { channel: 'TELEGRAM', lookupHash: randomUUID(), encryptedId: 'x', locale: 'uk' },
    });
    const row = await prisma.specialist.create({
      data: { centreId: 'hromada', displayName: name, handleId: handle.id },
    });
    return { id: row.id, centreId: 'hromada', handleId: handle.id };
  };
  const keysSentTo = async (handleId: string) =>
    (
      await world.store.database.prisma.outboxMessage.findMany({
        where: { handleId },
        orderBy: { createdAt: 'asc' },
      })
    ).map((row) => (JSON.parse(row.payload) as { messages: Reply[] }).messages[0]?.text.key);

  it('her cases, answered or not, go back to the queue and Mykola is told; she gets nothing more', async () => {
    const kateryna = await staff('Катерина');
    const mykola = await staff('Микола');
    const { request: claimed } = await world.queue.enqueue(world.newRequest());
    const { request: answered } = await world.queue.enqueue(world.newRequest());
    await world.queue.claim(claimed.id, kateryna);
    await world.queue.claim(answered.id, kateryna);
    await world.queue.answer(answered.id, kateryna, 'Добрий день, ми вже працюємо.');
    const deps = {
      store: world.store,
      queue: world.queue,
      notify: { directory: () => ({ units: [], centres: [] }), now: () => world.clock.now() },
    };

    const done = await deactivateSpecialist(deps, kateryna.id);

    expect(done?.specialist).toMatchObject({ id: kateryna.id, active: false });
    expect(done?.returned.map((r) => [r.id, r.status, r.claimedById]).sort()).toEqual(
      [
        [claimed.id, 'NEW', null],
        [answered.id, 'NEW', null],
      ].sort(),
    );
    expect(await keysSentTo(mykola.handleId)).toEqual(['specialist.returned', 'specialist.returned']);
    expect(await keysSentTo(kateryna.handleId)).toEqual(['specialist.inactive']);
    expect((await world.store.specialists.activeOfCentre('hromada')).map((s) => s.id)).toEqual([mykola.id]);

    // The answered case keeps its thread for whoever continues it, and the trail says why it moved.
    expect((await world.store.messages.thread(answered.id)).map((m) => m.author)).toEqual(['SPECIALIST']);
    const audit = await world.store.database.prisma.auditEvent.findMany({
      where: { requestId: answered.id, action: 'request.handed_back' },
    });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ from: 'ANSWERED', to: 'NEW' });

    // Mykola claims it like any request (her own bot chat now answers that her account is off).
    expect((await world.queue.claim(answered.id, mykola)).ok).toBe(true);
    // Switching her off again changes nothing and tells nobody anything.
    expect((await deactivateSpecialist(deps, kateryna.id))?.returned).toEqual([]);
    expect(await keysSentTo(kateryna.handleId)).toEqual(['specialist.inactive']);
    expect(await keysSentTo(mykola.handleId)).toHaveLength(2);
  });

  it('an unknown id changes nothing', async () => {
    const deps = {
      store: world.store,
      queue: world.queue,
      notify: { directory: () => ({ units: [], centres: [] }), now: () => world.clock.now() },
    };
    expect(await deactivateSpecialist(deps, 'nobody')).toBeNull();
  });
});
