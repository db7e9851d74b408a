// A specialist claims a request, gives it back, a colleague claims it, answers twice and closes it:
// the request row keeps the times the statistics read (the first claim, the first answer, the close),
// written with the events themselves, and a year's report needs no search through the audit trail.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import { buildWorld, type World } from '../queue/world.js';

describeBackends('reaction times kept on the request', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend.url);
  });
  afterAll(() => w?.close());

  const rowOf = async (id: string) =>
    w.store.database.prisma.request.findUniqueOrThrow({
      where: { id },
      select: {
        createdAt: true,
        firstClaimedAt: true,
        firstAnsweredAt: true,
        claimSeconds: true,
        firstAnswerSeconds: true,
        closeSeconds: true,
      },
    });

  it('keeps the first claim and first answer, and the time to close, in whole seconds', async () => {
    const { request } = await w.queue.enqueue(w.newRequest({ kind: 'CONSULTATION', category: 'LEGAL' }));
    const receivedAt = w.clock.now();
    w.clock.advanceMinutes(12);
    expect((await w.queue.claim(request.id, w.olena)).ok).toBe(true);
    const firstClaim = w.clock.now();
    w.clock.advanceMinutes(5);
    expect((await w.queue.release(request.id, w.olena)).ok).toBe(true);
    w.clock.advanceMinutes(30);
    expect((await w.queue.claim(request.id, w.taras)).ok).toBe(true);

    expect(await rowOf(request.id)).toMatchObject({
      firstClaimedAt: firstClaim,
      claimSeconds: 12 * 60, // the second claim changes nothing
      firstAnsweredAt: null,
      closeSeconds: null,
    });

    w.clock.advanceMinutes(3);
    expect((await w.queue.answer(request.id, w.taras, 'Добрий день.')).ok).toBe(true);
    const firstAnswer = w.clock.now();
    w.clock.advanceMinutes(60);
    expect((await w.queue.answer(request.id, w.taras, 'Ще одне.')).ok).toBe(true);
    w.clock.advanceMinutes(7);
    expect((await w.queue.close(request.id, w.taras, 'CONSULTED')).ok).toBe(true);

    const row = await rowOf(request.id);
    expect(row.createdAt).toEqual(receivedAt);
    expect(row).toMatchObject({
      firstAnsweredAt: firstAnswer,
      firstAnswerSeconds: (12 + 5 + 30 + 3) * 60,
      closeSeconds: (12 + 5 + 30 + 3 + 60 + 7) * 60,
    });
  });

  it('leaves a request nobody has claimed without reaction times', async () => {
    const { request } = await w.queue.enqueue(w.newRequest());
    expect(await rowOf(request.id)).toMatchObject({
      claimSeconds: null,
      firstAnswerSeconds: null,
      closeSeconds: null,
    });
  });
});
