// Casework through the bot, end to end on the Telegram emulator. A neighbour reports a child left
// alone; the specialist claims it, records the notice to the служба у справах дітей (recipient →
// way → reference), adds an internal note and closes the case. In the second story the specialist
// tries to close first: refused, with the notice that is missing; recorded, then closed.
import { expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import type { TestUser } from '../../helpers/telegram-emulator.js';
import { usePoruchOnEmulator } from './poruch-on-emulator.js';
import { staffSteps } from './staff-steps.js';

const KRAMATORSK = 'dn-csss-kramatorsk';

describeBackends('Telegram: the case record, notices and closing', (backend) => {
  const world = usePoruchOnEmulator(backend);

  const cw = (key: string, params?: Record<string, string | number>) =>
    world.text(`casework.${key}`, 'uk', params);

  /** A report comes in and `specialist` claims it; returns the request id and code. */
  async function claimedReport(specialist: TestUser, reporter: TestUser, description: string) {
    const code = await staffSteps(world).report(reporter, description);
    const request = (await world.poruch.queue.list(KRAMATORSK)).find((r) => r.caseCode === code);
    if (!request) throw new Error('the request is not in the Kramatorsk queue');
    await specialist.until((m) => m.text.includes(code));
    await specialist.press(`claim:${request.id}`);
    await specialist.until((m) => m.text.includes(`Ви взяли звернення ${code}`));
    return { id: request.id, code };
  }

  /** /notify, guided: recipient → way → reference (or none). */
  async function notifyChildrenService(specialist: TestUser, id: string, reference: string | null) {
    await specialist.until((m) => m.buttons.flat().some((b) => b.data === `nr:${id}:0`));
    await specialist.press(cw('recipient.CHILDREN_SERVICE'));
    await specialist.until(
      (m) => m.text === cw('notify.chooseWay', { recipient: cw('recipient.CHILDREN_SERVICE') }),
    );
    await specialist.press(cw('way.LETTER'));
    await specialist.until((m) =>
      m.text.startsWith(cw('notify.askReference', { contacts: '' }).slice(0, 40)),
    );
    if (reference) await specialist.say(reference);
    else await specialist.press('nref:-');
  }

  it('report → claim → /notify the children’s service → /note → /close accepted', async () => {
    const anna = world.emulator.user(620_000_001, { firstName: 'Ганна' });
    const reporter = world.emulator.user(620_000_100, { firstName: 'Сусідка' });
    await staffSteps(world).enrol(anna, KRAMATORSK);
    const { id, code } = await claimedReport(
      anna,
      reporter,
      'Хлопчик років п’яти сам удома, плаче вже кілька годин.',
    );

    await anna.command('/notify');
    await notifyChildrenService(anna, id, '01-12/345');
    const [saved] = (await anna.until((m) => m.text.startsWith('📨'))).slice(-1);
    expect(saved?.text).toBe(cw('notify.saved', { code, recipient: cw('recipient.CHILDREN_SERVICE') }));

    await anna.command('/note Мати не відчинила, сусіди кажуть — на роботі до вечора.');
    expect((await anna.next()).text).toBe(cw('note.saved', { code }));

    // The card shows the notice with its number and the note; the deadline is met.
    await anna.command('/record');
    const card = await anna.next();
    expect(card.text).toContain(`Справа ${code}`);
    expect(card.text).toContain('01-12/345');
    expect(card.text).toContain('Мати не відчинила');
    expect(card.text).toContain(`✅ ${cw('deadlineKind.CHILDREN_SERVICE_NOTICE')}`);

    await anna.command('/close');
    await anna.next();
    await anna.press(`close:${id}:REFERRED_CHILDREN_SERVICE`);
    expect((await anna.next()).text).toBe(
      world.text('specialist.closed', 'uk', {
        code,
        outcome: world.text('specialist.outcome.REFERRED_CHILDREN_SERVICE', 'uk'),
      }),
    );
    expect((await world.poruch.store.requests.findById(id))?.status).toBe('CLOSED');
    // The person hears that the case is closed, and never sees the internal note.
    await reporter.until((m) => m.text.includes(`звернення ${code} закрито`));
    expect(reporter.messages().some((m) => m.text.includes('Мати не відчинила'))).toBe(false);
  });

  it('/close is refused until the notice to the children’s service is recorded', async () => {
    const borys = world.emulator.user(620_000_002, { firstName: 'Борис' });
    const reporter = world.emulator.user(620_000_101, { firstName: 'Вчителька' });
    await staffSteps(world).enrol(borys, KRAMATORSK);
    const { id, code } = await claimedReport(
      borys,
      reporter,
      'Дівчинка третій день не приходить до школи, вдома нікого.',
    );

    await borys.command('/close');
    await borys.next();
    await borys.press(`close:${id}:REFERRED_CHILDREN_SERVICE`);
    const refusal = await borys.next();
    expect(refusal.text).toContain(`Справу ${code} не можна закрити`);
    expect(refusal.text).toContain(cw('deadlineKind.CHILDREN_SERVICE_NOTICE'));
    expect((await world.poruch.store.requests.findById(id))?.status).toBe('CLAIMED');

    // The refusal offers to record the notice right away; this one was made without a number.
    await borys.press(`nn:${id}`);
    await notifyChildrenService(borys, id, null);
    await borys.until((m) => m.text.startsWith('📨'));

    await borys.command('/close');
    await borys.next();
    await borys.press(`close:${id}:REFERRED_CHILDREN_SERVICE`);
    expect((await borys.next()).text).toContain(`Справу ${code} закрито`);
    expect((await world.poruch.store.requests.findById(id))?.status).toBe('CLOSED');
    expect(world.logs.join('\n')).not.toContain('вдома нікого');
  });
});
