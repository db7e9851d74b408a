// The queue's clock, on a real database with a clock the test moves: stale claims go back to the
// queue, and an urgent request nobody took in 15 minutes moves to the district centre, whose admin
// (and only the admin) is told through the outbox with a Claim button.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/ports/index.js';
import { silentLogger } from '../../../src/core/ports/index.js';
import { createCaseCodes, createQueue } from '../../../src/core/queue/index.js';
import { createQueueWatch } from '../../../src/jobs/queue-watch.js';
import { freshSqliteUrl } from '../../helpers/db.js';
import { buildWorld, sha256, type World } from '../queue/world.js';

const silent = silentLogger;

describe('queue watch: lease expiry and escalation', () => {
  let world: World;
  let woken = 0;
  let watch: ReturnType<typeof createQueueWatch>;
  let admin: { id: string; handleId: string };
  let colleague: { id: string; handleId: string };

  const staffWithChat = async (role: 'ADMIN' | 'SPECIALIST') => {
    const { prisma } = world.store.database;
    const handle = await prisma.chatHandle.create({
      data: { channel: 'TELEGRAM', lookupHash: randomUUID(), encryptedId: 'x', locale: 'ru' },
    });
    const row = await prisma.specialist.create({
      data: { centreId: 'district', displayName: role, role, handleId: handle.id },
    });
    return { id: row.id, handleId: handle.id };
  };

  const watchOn = async (queue = world.queue) => {
    const directory = await world.store.directory.load();
    return createQueueWatch({
      queue,
      clock: world.clock,
      store: world.store,
      directory: () => directory,
      thresholds: { urgentAfterMinutes: 15, normalAfterMinutes: 24 * 60 },
      logger: silent,
      onNotified: () => {
        woken += 1;
      },
    });
  };

  beforeEach(async () => {
    world = await buildWorld(freshSqliteUrl());
    woken = 0;
    watch = await watchOn();
    admin = await staffWithChat('ADMIN');
    colleague = await staffWithChat('SPECIALIST');
  });
  afterEach(() => world.close());

  it('moves an urgent request up after 15 minutes and tells the district admin only', async () => {
    const { request } = await world.queue.enqueue(world.newRequest({ urgency: 'URGENT' }));
    world.clock.advanceMinutes(14);
    expect((await watch.runOnce()).escalated).toEqual([]);

    world.clock.advanceMinutes(2);
    const report = await watch.runOnce();
    expect(report.escalated.map((r) => [r.id, r.centreId, r.status])).toEqual([
      [request.id, 'district', 'ESCALATED'],
    ]);
    expect(woken).toBe(1);

    const { prisma } = world.store.database;
    const toAdmin = await prisma.outboxMessage.findMany({ where: { handleId: admin.handleId } });
    expect(toAdmin).toHaveLength(1);
    const payload = JSON.parse(toAdmin[0]?.payload ?? '{}');
    expect(payload.locale).toBe('ru');
    expect(payload.messages[0].text.key).toBe('specialist.escalated');
    expect(payload.messages[0].buttons).toEqual([
      [{ label: { key: 'specialist.claimButton' }, value: `claim:${request.id}` }],
    ]);
    // The summary never carries the description.
    expect(toAdmin[0]?.payload).not.toContain('Діти самі вдома');
    expect(await prisma.outboxMessage.count({ where: { handleId: colleague.handleId } })).toBe(0);
    expect(await prisma.notification.findMany({ where: { requestId: request.id } })).toMatchObject([
      { specialistId: admin.id, outboxId: toAdmin[0]?.id },
    ]);

    // Nothing more happens until the next level is due.
    expect((await watch.runOnce()).escalated).toEqual([]);
  });

  it('a crash while telling the admin undoes the move too, so the next run moves and tells', async () => {
    const { request } = await world.queue.enqueue(world.newRequest({ urgency: 'URGENT' }));
    world.clock.advanceMinutes(16);
    // The process "dies" inside the escalation's transaction, as it writes the admin's notice.
    const crashing: Store = {
      ...world.store,
      transaction: (work) =>
        world.store.transaction((tx) =>
          work({
            ...tx,
            outbox: {
              enqueue: async () => {
                throw new Error('killed while writing the notice');
              },
            },
          }),
        ),
    };
    const queueOnCrashingStore = createQueue({
      store: crashing,
      clock: world.clock,
      leaseMinutes: world.leaseMinutes,
      caseCodes: createCaseCodes({ random: (n) => randomBytes(n), hash: sha256 }),
    });
    await expect((await watchOn(queueOnCrashingStore)).runOnce()).rejects.toThrow('killed');

    // Neither half happened: the request still waits at the hromada centre, nobody was told.
    const { prisma } = world.store.database;
    expect(await world.store.requests.findById(request.id)).toMatchObject({
      centreId: 'hromada',
      status: 'NEW',
      escalationLevel: 0,
    });
    expect((await world.auditOf(request.id)).map((e) => e.action)).toEqual(['request.enqueued']);
    expect(await prisma.outboxMessage.count({ where: { handleId: admin.handleId } })).toBe(0);
    expect(woken).toBe(0);

    // After the restart the watch moves it and tells the admin, once.
    expect((await watch.runOnce()).escalated.map((r) => r.centreId)).toEqual(['district']);
    expect(await prisma.outboxMessage.count({ where: { handleId: admin.handleId } })).toBe(1);
    expect((await watch.runOnce()).escalated).toEqual([]);
    expect(await prisma.outboxMessage.count({ where: { handleId: admin.handleId } })).toBe(1);
  });

  it('returns a claim nobody answered to the queue once the lease runs out', async () => {
    const { request } = await world.queue.enqueue(world.newRequest());
    expect((await world.queue.claim(request.id, world.olena)).ok).toBe(true);
    world.clock.advanceMinutes(world.leaseMinutes + 1);
    const report = await watch.runOnce();
    expect(report.expired.map((r) => [r.id, r.status, r.claimedById])).toEqual([[request.id, 'NEW', null]]);
    expect(report.escalated).toEqual([]);
    expect(woken).toBe(0);
  });
});
