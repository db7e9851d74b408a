// A Viber reporter and a Telegram specialist talk through the bot, end to end: Olena reports on
// Viber (signed callbacks into the real app) that a child is left alone in Kramatorsk; Hanna, a
// specialist of the Kramatorsk centre enrolled on Telegram (emulator), claims it and writes. Olena
// reads "Specialist of <centre>" on Viber, never Hanna's name, and simply writes back; Hanna reads
// it on Telegram with the case code only. Hanna closes the case and Olena is told on Viber.
import { expect, it } from 'vitest';
import { type Backend, describeBackends } from '../../helpers/db.js';
import { freshInvite } from '../../helpers/invites.js';
import { useTwoMessengerWorld, viberTextsTo } from './world.js';

const KRAMATORSK = 'dn-csss-kramatorsk';
const CENTRE_NAME_UK = 'Краматорський міський центр соціальних служб';
const OLENA = 'olena-relay-viber-id';

describeBackends('Viber reporter, Telegram specialist', (backend: Backend) => {
  const world = useTwoMessengerWorld(backend);

  const text = (key: string, params?: Record<string, string>) =>
    world.poruch.i18n.render(params ? { key, params } : { key }, 'uk');
  const lastToOlena = () => viberTextsTo(world, OLENA).at(-1) ?? '';

  it('Olena on Viber and Hanna on Telegram talk through the bot until the case is closed', async () => {
    // Hanna joins the Kramatorsk centre with an invite code, as in the Telegram specialists story.
    const hanna = world.emulator.user(620_000_001, { firstName: 'Ганна' });
    const invite = await freshInvite(world.poruch, KRAMATORSK);
    await hanna.command(`/join ${invite}`);
    await world.deliver();
    await hanna.until((m) => m.text === text('specialist.help'));

    // Olena reports on Viber.
    const olena = world.person(OLENA, 'uk');
    await olena.open();
    await olena.press('lang:uk');
    await olena.press('menu:concern');
    await olena.press('cat:LEFT_WITHOUT_CARE');
    await olena.press('danger:no');
    await olena.press('unit:donetska/kramatorskyi');
    await olena.press('unit:donetska/kramatorskyi/kramatorsk');
    const description = 'Хлопчик років шести другий день сам удома на вул. Шкільній, плаче під дверима.';
    await olena.type(description);
    await olena.press('contact:anon');
    const confirmation = (await olena.press('summary:send')).join('\n');
    const caseCode = /Код звернення: (\S+)/.exec(confirmation)?.[1] ?? '';
    const request = await world.poruch.store.requests.findByCaseCode(caseCode);
    expect(request).toMatchObject({ centreId: KRAMATORSK, channel: 'VIBER', status: 'NEW' });
    if (!request) throw new Error('no request');

    // Hanna is told at once and claims it: she gets the whole request, by case code only.
    await world.deliver();
    const [notice] = (await hanna.until((m) => m.text.includes(caseCode))).slice(-1);
    expect(notice?.buttons.flat().map((b) => b.data)).toEqual([`claim:${request.id}`]);
    await hanna.press(`claim:${request.id}`);
    await world.deliver();
    const card = await hanna.next();
    expect(card.text).toContain(`Ви взяли звернення ${caseCode}`);
    expect(card.text).toContain(description);
    expect(card.text).not.toContain(OLENA);

    // Hanna writes; Olena reads it on Viber from the centre, never with Hanna's name.
    await hanna.say('Добрий день! Ми вже їдемо. Підкажіть, будь ласка, номер будинку?');
    await world.deliver();
    expect((await hanna.next()).text).toBe(text('specialist.answerSent', { code: caseCode }));
    const answer = lastToOlena();
    expect(answer).toContain(`Фахівець центру «${CENTRE_NAME_UK}»`);
    expect(answer).toContain('Підкажіть, будь ласка, номер будинку?');
    expect(answer).not.toContain('Ганна');
    expect(answer).not.toContain('620000001');

    // Olena simply writes back; she is told it was passed on, and Hanna reads it on Telegram.
    const said = await olena.type('Будинок 7, перший поверх, вікно ліворуч від входу.');
    expect(said.at(-1)).toBe(text('myRequests.toSpecialist', { code: caseCode }));
    expect(olena.buttonValues()).toContain('menu:concern'); // the menu stays on her screen
    await world.deliver();
    expect((await hanna.next()).text).toBe(
      text('specialist.fromReporter', {
        code: caseCode,
        text: 'Будинок 7, перший поверх, вікно ліворуч від входу.',
      }),
    );

    // A child left alone obliges a notice to the children's service: Hanna records it (by phone,
    // no number) before she closes the case with an outcome; Olena is told on Viber.
    const hasButton = (data: string) => (m: { buttons: { data: string }[][] }) =>
      m.buttons.flat().some((b) => b.data === data);
    await hanna.command('/notify');
    await world.deliver();
    await hanna.until(hasButton(`nr:${request.id}:0`));
    await hanna.press(`nr:${request.id}:0`);
    await world.deliver();
    await hanna.until(hasButton(`nw:${request.id}:0:0`));
    await hanna.press(`nw:${request.id}:0:0`);
    await world.deliver();
    await hanna.until(hasButton('nref:-'));
    await hanna.press('nref:-');
    await world.deliver();
    await hanna.until((m) => m.text.startsWith('📨'));
    await hanna.command('/close');
    await world.deliver();
    await hanna.until((m) => m.buttons.flat().length === 6);
    await hanna.press(`close:${request.id}:REFERRED_CHILDREN_SERVICE`);
    await world.deliver();
    expect((await hanna.next()).text).toContain(caseCode);
    expect(lastToOlena()).toBe(
      text('specialist.toReporter.closed', { code: caseCode, centre: CENTRE_NAME_UK }),
    );
    expect(await world.poruch.store.requests.findById(request.id)).toMatchObject({
      status: 'CLOSED',
      outcome: 'REFERRED_CHILDREN_SERVICE',
    });

    // Afterwards her words go nowhere unseen: with no case held, she is shown the way again.
    const later = await olena.type('Дякую вам!');
    expect(later).toContain(text('menu.typedText'));
    expect(later.join('\n')).not.toContain('Передано фахівцю');
  });
});
