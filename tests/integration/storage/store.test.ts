// A reply and its audit entry commit together or not at all; the thread reads in the order written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseView } from '../../../src/core/model.js';
import type { Repositories } from '../../../src/core/ports/index.js';
import { createStore, type StoreWithDatabase } from '../../../src/storage/store.js';
import { describeBackends } from '../../helpers/db.js';
import { addReporter, addSpecialists, caseCode, directory, newRequest } from './fixtures.js';

describeBackends('store', (backend) => {
  let store: StoreWithDatabase;
  let request: CaseView;
  let specialist: string;

  beforeAll(async () => {
    store = createStore(backend.url, { maxConnections: 4 });
    await store.directory.replace(directory);
    [specialist] = (await addSpecialists(store.database.prisma, 'sloviansk-centre', 1)) as [string];
    const reporter = await addReporter(store.database.prisma);
    const created = await store.requests.create({
      ...newRequest(reporter),
      caseCode: caseCode(),
      continuationHash: null,
    });
    if (!created) throw new Error('not created');
    request = created;
  });
  afterAll(() => store.close());

  it('answers a health check', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('commits every write of a transaction together', async () => {
    const reply = await store.transaction(async (tx) => {
      await tx.requests.update(
        request.id,
        { statuses: ['NEW'], claimedById: null },
        { status: 'CLAIMED', claimedById: specialist },
      );
      const message = await tx.messages.add(
        request.id,
        'SPECIALIST',
        'Добрий день, ми отримали ваше звернення.',
        specialist,
      );
      await tx.audit.record({
        requestId: request.id,
        actor: { type: 'SPECIALIST', id: specialist },
        action: 'ANSWER',
        detail: { messageId: message.id },
      });
      return message;
    });

    expect(reply).toMatchObject({ requestId: request.id, author: 'SPECIALIST', specialistId: specialist });
    expect((await store.requests.findById(request.id))?.status).toBe('CLAIMED');
    const audit = await store.database.prisma.auditEvent.findMany({ where: { requestId: request.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'SPECIALIST', actorId: specialist, action: 'ANSWER' });
    expect(JSON.parse(audit[0]?.detail ?? 'null')).toEqual({ messageId: reply.id });
  });

  it('rolls every write back when the work fails', async () => {
    const before = await store.messages.thread(request.id);
    await expect(
      store.transaction(async (tx) => {
        await tx.messages.add(request.id, 'SYSTEM', 'never seen');
        await tx.requests.update(
          request.id,
          { statuses: ['CLAIMED'] },
          { status: 'CLOSED', outcome: 'DUPLICATE' },
        );
        throw new Error('delivery failed');
      }),
    ).rejects.toThrow('delivery failed');

    expect(await store.messages.thread(request.id)).toEqual(before);
    expect((await store.requests.findById(request.id))?.status).toBe('CLAIMED');
  });

  it('keeps writes of other, concurrent work out of a transaction that fails', async () => {
    // On SQLite both share one connection: the other write must neither join nor be rolled back.
    let entered = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const failing = store.transaction(async (tx) => {
      await tx.messages.add(request.id, 'SYSTEM', 'inside, rolled back');
      entered();
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('abort');
    });
    await inside;
    const other = store.messages.add(request.id, 'REPORTER', 'outside, kept'); // from the test's own flow
    await expect(failing).rejects.toThrow('abort');
    await other;

    const texts = (await store.messages.thread(request.id)).map((m) => m.text);
    expect(texts).toContain('outside, kept');
    expect(texts).not.toContain('inside, rolled back');
  });

  it('hands the work its own repositories, which refuse to run once the transaction has ended', async () => {
    // The store never decides from context which transaction a call belongs to: the work gets `tx`.
    let leaked: Repositories | null = null;
    await store.transaction(async (tx) => {
      leaked = tx;
      expect(await tx.updates.firstTime('TELEGRAM', 'inside')).toBe(true);
    });
    const late = leaked as unknown as Repositories;
    await expect(late.updates.firstTime('TELEGRAM', 'after the commit')).rejects.toThrow(/ended/);
    expect(await store.updates.firstTime('TELEGRAM', 'inside')).toBe(false);
    expect(await store.updates.firstTime('TELEGRAM', 'after the commit')).toBe(true);
  });

  it('reads a thread in the order it was written', async () => {
    await store.messages.add(request.id, 'REPORTER', 'перше');
    await store.messages.add(request.id, 'SPECIALIST', 'друге', specialist);
    await store.messages.add(request.id, 'REPORTER', 'третє');
    const texts = (await store.messages.thread(request.id)).map((m) => m.text);
    expect(texts.slice(-3)).toEqual(['перше', 'друге', 'третє']);
  });

  it('records system events without a request or actor id', async () => {
    await store.audit.record({ requestId: null, actor: { type: 'SYSTEM' }, action: 'DIRECTORY_IMPORTED' });
    const row = await store.database.prisma.auditEvent.findFirst({ where: { action: 'DIRECTORY_IMPORTED' } });
    expect(row).toMatchObject({ requestId: null, actorType: 'SYSTEM', actorId: null, detail: null });
  });
});
