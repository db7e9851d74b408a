// Half a year after a case was closed, the daily retention run removes the words of it (the
// description, the thread, the reporter's messenger handle) from the database files, keeps the
// figures the statistics need, and a second run, or two at once, removes nothing twice.
import { beforeAll, expect, it } from 'vitest';
import { RETENTION_STEPS, type RetentionCounts } from '../../../src/core/retention/policy.js';
import { describeBackends } from '../../helpers/db.js';
import { leaked, rawDatabaseText } from '../../helpers/raw-database.js';
import { fullJourney, type Journey } from './journey.js';
import { usePoruchOnEmulator } from './poruch-on-emulator.js';
import { hasButton } from './reporting.js';

const DAY_MS = 86_400_000;

/** Real time (the outbox compares it with the times storage stamps), moved ahead on demand. */
class AheadClock {
  private aheadMs = 0;
  now = () => new Date(Date.now() + this.aheadMs);
  advanceDays(days: number) {
    this.aheadMs += days * DAY_MS;
  }
}

describeBackends('Retention of a closed case', (backend) => {
  const clock = new AheadClock();
  const world = usePoruchOnEmulator(backend, { clock });
  let journey: Journey;

  beforeAll(async () => {
    journey = await fullJourney(world);
    const { specialist } = journey;
    // The report obliges a notice to the children's service before the case may close: recorded
    // through the bot (by phone, no number).
    await specialist.command('/notify');
    await specialist.until(hasButton(`nr:${journey.requestId}:0`), 20_000);
    await specialist.press(`nr:${journey.requestId}:0`);
    await specialist.until(hasButton(`nw:${journey.requestId}:0:0`), 20_000);
    await specialist.press(`nw:${journey.requestId}:0:0`);
    await specialist.until(hasButton('nref:-'), 20_000);
    await specialist.press('nref:-');
    await specialist.until((m) => m.text.startsWith('📨'), 20_000);
    await specialist.command('/close');
    await specialist.until((m) => m.buttons.flat().some((b) => b.data.startsWith('close:')), 20_000);
    await specialist.press(`close:${journey.requestId}:CONSULTED`);
    await journey.secondPhone.until((m) => m.text.includes('закрито'), 20_000);
    await world.poruch.dispatcher.drain();
  }, 180_000);

  const total = (counts: RetentionCounts) => RETENTION_STEPS.reduce((sum, step) => sum + counts[step], 0);

  it('a closed case keeps its words while the period lasts', async () => {
    const { retention } = world.poruch;
    clock.advanceDays(179);
    const dry = await retention.runOnce({ dryRun: true });
    expect(dry.caseThreads).toBe(0);
    expect(dry.closedCases).toBe(0);
    expect(leaked(await rawDatabaseText(backend.url), journey.words)).toEqual(journey.words);
  });

  it('after 180 days: the words are gone from the files, the figures stay, nothing goes twice', async () => {
    const { retention, store } = world.poruch;
    clock.advanceDays(2);
    const dry = await retention.runOnce({ dryRun: true });
    expect(dry.caseThreads).toBe(2);
    expect(dry.closedCases).toBe(1);
    expect(dry.reporterHandles).toBe(1);

    // Two instances run at the same moment: together they remove what the dry run counted, once.
    // (The app keeps sending meanwhile, and a chat is let go only once its sent messages are, so
    // those two steps may find more than the dry run did.)
    const [first, second] = await Promise.all([retention.runOnce(), retention.runOnce()]);
    for (const step of RETENTION_STEPS) {
      const removed = first[step] + second[step];
      if (step === 'sentOutbox' || step === 'idleChats')
        expect(removed, step).toBeGreaterThanOrEqual(dry[step]);
      else expect(removed, step).toBe(dry[step]);
    }
    expect(total(await retention.runOnce())).toBe(0);

    const raw = await rawDatabaseText(backend.url);
    expect(leaked(raw, journey.words)).toEqual([]);

    const db = store.database.prisma;
    const request = await db.request.findFirst({ where: { id: journey.requestId } });
    expect(request).toMatchObject({
      kind: 'CONCERN',
      category: 'LEFT_WITHOUT_CARE',
      centreId: 'dn-csss-kramatorsk',
      channel: 'TELEGRAM',
      language: 'uk',
      urgency: 'NORMAL',
      status: 'CLOSED',
      outcome: 'CONSULTED',
      description: '',
      contactPhone: null,
      continuationHash: null,
    });
    expect(request?.claimedAt).not.toBeNull();
    expect(request?.anonymisedAt).not.toBeNull();
    // The thread keeps its shape (who wrote when) for reaction times, without a word of it.
    const thread = await db.message.findMany({ where: { requestId: journey.requestId } });
    expect(thread.map((m) => [m.author, m.text])).toEqual([
      ['SPECIALIST', ''],
      ['REPORTER', ''],
    ]);
    // The reporter's handle remains as an anonymous marker ("one person"), leading to no one.
    const handle = await db.chatHandle.findFirst({ where: { id: request?.reporterHandleId ?? '' } });
    expect(handle?.encryptedId).toBe('');
    expect(handle?.forgottenAt).not.toBeNull();
    // The trail of what happened when is kept for reaction times.
    const actions = (await db.auditEvent.findMany({ where: { requestId: journey.requestId } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['request.enqueued', 'request.claimed', 'request.closed']),
    );
    // The log says how many, never what.
    const logs = world.logs.join('\n');
    expect(logs).toContain('retention: removed');
    expect(leaked(logs, journey.words)).toEqual([]);
  });
});
