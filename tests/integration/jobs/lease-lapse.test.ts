// Kateryna takes a request and then nothing happens: she is called away. When her lease runs out
// (clock moved by the test), the request goes back to the centre's queue, and it is not left there
// in silence: her colleague Mykola gets it again with a Claim button, marked "back in the queue",
// and Kateryna is told that her claim lapsed, with the same button should she still be on it.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/conversation/types.js';
import type { SpecialistRole } from '../../../src/core/model.js';
import { silentLogger } from '../../../src/core/ports/index.js';
import { createI18n } from '../../../src/i18n/index.js';
import { createQueueWatch } from '../../../src/jobs/queue-watch.js';
import { localesDir } from '../../../src/paths.js';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, type World } from '../queue/world.js';

const silent = silentLogger;
const i18n = createI18n(localesDir);

describeBackends('queue watch: a lapsed claim is announced again', (backend) => {
  let world: World;
  let woken: number;
  let watch: ReturnType<typeof createQueueWatch>;

  const staff = async (
    centreId: string,
    name: string,
    locale: 'uk' | 'ru',
    role: SpecialistRole = 'SPECIALIST',
  ) => {
    const { prisma } = world.store.database;
    const handle = await prisma.chatHandle.create({
      data: { channel: 'TELEGRAM', lookupHash: randomUUID(), encryptedId: 'x', locale },
    });
    const row = await prisma.specialist.create({
      data: { centreId, displayName: name, role, handleId: handle.id },
    });
    return { id: row.id, centreId, handleId: handle.id };
  };

  /** What a chat was sent, rendered as the specialist reads it. */
  const sentTo = async (handleId: string) => {
    const rows = await world.store.database.prisma.outboxMessage.findMany({
      where: { handleId },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => {
      const payload = JSON.parse(row.payload) as { locale: 'uk' | 'ru'; messages: Reply[] };
      const [message] = payload.messages;
      if (!message) throw new Error('an outbox entry without a message');
      return { id: row.id, key: message.text.key, ...i18n.renderReply(message, payload.locale) };
    });
  };

  beforeEach(async () => {
    // expireLeases looks at every claim in the database: each story gets a database of its own.
    world = await buildWorld(await backend.another(), { leaseMinutes: 30 });
    const directory = await world.store.directory.load();
    woken = 0;
    watch = createQueueWatch({
      queue: world.queue,
      clock: world.clock,
      store: world.store,
      directory: () => directory,
      thresholds: { urgentAfterMinutes: 15, normalAfterMinutes: 24 * 60 },
      logger: silent,
      onNotified: () => {
        woken += 1;
      },
    });
  });
  afterEach(() => world.close());

  it('Kateryna’s lapsed claim goes back to Mykola with a Claim button, and Kateryna is told', async () => {
    const kateryna = await staff('hromada', 'Катерина', 'uk');
    const mykola = await staff('hromada', 'Микола', 'ru');
    const districtAdmin = await staff('district', 'Адмін району', 'uk', 'ADMIN');
    const { request } = await world.queue.enqueue(world.newRequest());
    expect((await world.queue.claim(request.id, kateryna)).ok).toBe(true);

    world.clock.advanceMinutes(29);
    expect((await watch.runOnce()).expired).toEqual([]);
    expect(await sentTo(mykola.handleId)).toEqual([]);

    world.clock.advanceMinutes(2);
    const report = await watch.runOnce();
    expect(report.expired.map((r) => [r.id, r.status, r.claimedById])).toEqual([[request.id, 'NEW', null]]);
    expect(woken).toBe(1);

    const [toMykola, ...moreForMykola] = await sentTo(mykola.handleId);
    expect(moreForMykola).toEqual([]);
    expect(toMykola?.key).toBe('specialist.returned');
    expect(toMykola?.text).toContain('Обращение снова в очереди');
    expect(toMykola?.text).toContain(request.caseCode);
    expect(toMykola?.buttons).toEqual([[{ label: '✋ Взять', value: `claim:${request.id}` }]]);
    // A summary only: neither the description nor who took it before.
    expect(toMykola?.text).not.toContain('Діти самі вдома');
    expect(toMykola?.text).not.toContain('Катерина');

    const [toKateryna, ...moreForKateryna] = await sentTo(kateryna.handleId);
    expect(moreForKateryna).toEqual([]);
    expect(toKateryna?.key).toBe('specialist.lapsed');
    expect(toKateryna?.text).toContain(`Ви не відповіли у справі ${request.caseCode} вчасно`);
    expect(toKateryna?.buttons).toEqual([[{ label: '✋ Взяти', value: `claim:${request.id}` }]]);

    // Another centre's admin hears nothing; the notices are recorded, so that the next claim
    // turns the other one into "claimed by a colleague".
    expect(await sentTo(districtAdmin.handleId)).toEqual([]);
    const recorded = await world.store.notifications.ofRequest(request.id);
    expect(recorded).toEqual(
      expect.arrayContaining([
        { specialistId: mykola.id, outboxId: toMykola?.id },
        { specialistId: kateryna.id, outboxId: toKateryna?.id },
      ]),
    );

    // Announced once: the next run finds nothing stale.
    expect((await watch.runOnce()).expired).toEqual([]);
    expect(await sentTo(mykola.handleId)).toHaveLength(1);
    expect(woken).toBe(1);

    // Mykola takes it from the queue as from any new request.
    expect((await world.queue.claim(request.id, mykola)).ok).toBe(true);
  });

  it('an answered case has no lease: nobody is told anything, however long it stays open', async () => {
    const kateryna = await staff('hromada', 'Катерина', 'uk');
    const mykola = await staff('hromada', 'Микола', 'ru');
    const { request } = await world.queue.enqueue(world.newRequest());
    await world.queue.claim(request.id, kateryna);
    await world.queue.answer(request.id, kateryna, 'Добрий день, ми вже працюємо.');
    world.clock.advanceMinutes(3 * 24 * 60);
    expect((await watch.runOnce()).expired).toEqual([]);
    expect(await sentTo(mykola.handleId)).toEqual([]);
    expect(await sentTo(kateryna.handleId)).toEqual([]);
    expect(woken).toBe(0);
  });
});
