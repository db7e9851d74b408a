// A person has two open requests, and two specialists hold them. What they type at the menu goes
// to the specialist they heard from (or who took a case) last, is kept in that case's thread, and
// reaches that specialist's chat by case code only. With no case held, nothing is sent or kept.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { reporterCases } from '../../../src/core/inbox/reporter.js';
import type { Queue, SpecialistRef } from '../../../src/core/queue/index.js';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, sha256, type World } from './world.js';

describeBackends('the person’s words at the menu reach the specialist who holds their case', (backend) => {
  let w: World;
  // Claims and answers are compared by time: the story moves the world's clock between them.
  let queue: Queue;
  let chats: Map<string, string>;

  const withChat = async (s: SpecialistRef) => {
    const { prisma } = w.store.database;
    const handle = await prisma.chatHandle.create({
      data: { channel: 'TELEGRAM', lookupHash: randomUUID(), encryptedId: 'x', locale: 'uk' },
    });
    await prisma.specialist.update({ where: { id: s.id }, data: { handleId: handle.id } });
    chats.set(s.id, handle.id);
  };
  const relayedTo = async (s: SpecialistRef) => {
    const rows = await w.store.database.prisma.outboxMessage.findMany({
      where: { handleId: chats.get(s.id) ?? '' },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => JSON.parse(r.payload).messages[0].text);
  };
  const say = (text: string) =>
    w.store.transaction((tx) =>
      reporterCases(tx, queue, sha256, () => new Date()).tellSpecialist(w.reporterHandleId, text),
    );
  const thread = async (requestId: string) =>
    (await w.store.messages.thread(requestId)).map((m) => [m.author, m.text]);

  beforeEach(async () => {
    w = await buildWorld(backend.url);
    queue = w.queue;
    chats = new Map();
    await withChat(w.olena);
    await withChat(w.taras);
  });
  afterEach(() => w.close());

  it('goes to the case answered or claimed most recently, and is kept in its thread', async () => {
    const { request: first } = await queue.enqueue(w.newRequest());
    const { request: second } = await queue.enqueue(w.newRequest({ category: 'BULLYING' }));

    // Nobody holds either yet: nothing is passed on, nothing kept.
    expect(await say('Ви тут?')).toEqual({ ok: false, error: 'NO_CASE' });
    expect(await thread(first.id)).toEqual([]);

    await queue.claim(first.id, w.olena);
    w.clock.advanceMinutes(1);
    await queue.claim(second.id, w.taras);
    // Taras took his case last.
    expect(await say('Доброго дня!')).toEqual({ ok: true, value: { caseCode: second.caseCode } });
    expect(await relayedTo(w.taras)).toEqual([
      { key: 'specialist.fromReporter', params: { code: second.caseCode, text: 'Доброго дня!' } },
    ]);

    // Then Olena writes about the first case: the next words are for her.
    w.clock.advanceMinutes(1);
    await queue.answer(first.id, w.olena, 'Скажіть, будь ласка, адресу.');
    expect(await say('Вулиця Миру, 5.')).toEqual({ ok: true, value: { caseCode: first.caseCode } });
    expect(await thread(first.id)).toEqual([
      ['SPECIALIST', 'Скажіть, будь ласка, адресу.'],
      ['REPORTER', 'Вулиця Миру, 5.'],
    ]);
    expect(await thread(second.id)).toEqual([['REPORTER', 'Доброго дня!']]);
    expect((await relayedTo(w.olena)).map((t) => t.params.text)).toEqual(['Вулиця Миру, 5.']);

    // A closed case is no longer talked to: the words go to the one still open.
    await w.childrenServiceTold(first.id, w.olena);
    await queue.close(first.id, w.olena, 'CONSULTED');
    expect(await say('А що далі?')).toEqual({ ok: true, value: { caseCode: second.caseCode } });
    await queue.close(second.id, w.taras, 'UNFOUNDED');
    expect(await say('Дякую.')).toEqual({ ok: false, error: 'NO_CASE' });
  });
});
