// Specialists on Telegram, end to end: two specialists of the Kramatorsk centre enrol with invite
// codes, both get the new request, both press Claim at once; exactly one owns it (with the whole
// request and what the person added while it waited) and the other's notification turns into
// "claimed by a colleague". The owner answers through the bot, the person simply writes back, the
// case is closed and the person is told. A specialist of another centre cannot claim, nor learn
// the case's code from the refusal.
import { expect, it } from 'vitest';
import { describeBackends } from '../../helpers/db.js';
import type { TestUser } from '../../helpers/telegram-emulator.js';
import { postUpdate, usePoruchOnEmulator } from './poruch-on-emulator.js';
import { staffSteps } from './staff-steps.js';

const KRAMATORSK = 'dn-csss-kramatorsk';
const CENTRE_NAME_UK = 'Краматорський міський центр соціальних служб';

describeBackends('Telegram: specialists claim, answer and close', (backend) => {
  const world = usePoruchOnEmulator(backend);

  const steps = () => staffSteps(world);
  const spec = (key: string, params?: Record<string, string | number>) => steps().spec(key, params);
  const enrol = (user: TestUser, centreId: string) => steps().enrol(user, centreId);
  const report = (reporter: TestUser, description: string) => steps().report(reporter, description);

  /** A callback query posted straight to the webhook, with our own update id. */
  async function tapButton(chatId: number, updateId: number, data: string) {
    const response = await postUpdate(world.webhookUrl, {
      update_id: updateId,
      callback_query: {
        id: `tap-${updateId}`,
        from: { id: chatId, is_bot: false, first_name: 'Тест', language_code: 'uk' },
        chat_instance: '1',
        message: { message_id: 1, date: 1, chat: { id: chatId, type: 'private' } },
        data,
      },
    });
    return response.status;
  }

  it('one of two specialists gets the case; the person and the specialist talk through the bot', async () => {
    const { text, emulator } = world;
    const anna = emulator.user(610_000_001, { firstName: 'Ганна' });
    const borys = emulator.user(610_000_002, { firstName: 'Борис' });
    const stranger = emulator.user(610_000_003, { firstName: 'Степан' });
    const code = await enrol(anna, KRAMATORSK);
    await enrol(borys, KRAMATORSK);
    await enrol(stranger, 'dn-csss-sloviansk');

    // A used code does not work a second time.
    await stranger.command(`/join ${code}`);
    expect((await stranger.next()).text).toBe(spec('join.already'));

    const olena = emulator.user(610_000_100, { firstName: 'Олена' });
    const description = 'Дівчинка років восьми третій день сама вдома на вул. Садовій, просить їсти.';
    const caseCode = await report(olena, description);
    const request = (await world.poruch.queue.list(KRAMATORSK)).find((r) => r.caseCode === caseCode);
    if (!request) throw new Error('the request is not in the Kramatorsk queue');

    // While it waits, the person remembers a detail and adds it through "my requests -> add".
    await olena.press('menu:my');
    await olena.until((m) => m.buttons.flat().some((b) => b.data === `add:${caseCode}`));
    await olena.press(`add:${caseCode}`);
    await olena.next();
    await olena.say('Вона в під’їзді №2, дзвінок не працює.');
    await olena.until((m) => m.text === text('myRequests.added', 'uk', { code: caseCode }));
    await olena.until((m) => m.text === text('menu.prompt', 'uk'));

    // Both get a summary with a Claim button; neither sees the description nor the reporter.
    const [toAnna] = await anna.until((m) => m.text.includes(caseCode));
    const [toBorys] = await borys.until((m) => m.text.includes(caseCode));
    for (const notice of [toAnna, toBorys]) {
      expect(notice?.text).toContain(text('concern.category.LEFT_WITHOUT_CARE', 'uk'));
      expect(notice?.text).not.toContain('Садовій');
      expect(notice?.text).not.toContain('610000100');
      expect(notice?.buttons.flat().map((b) => b.data)).toEqual([`claim:${request.id}`]);
    }
    expect(stranger.skipAll()).toEqual([]);

    // A specialist of another centre forges the Claim button: refused.
    expect(await tapButton(stranger.chatId, 990_001, `claim:${request.id}`)).toBe(200);
    // Refused without learning the other centre's case code.
    const forged = await stranger.next();
    expect(forged.text).toBe(spec('error.wrongCentre'));
    expect(forged.text).not.toContain(caseCode);

    // Both press Claim at the same moment. (Raw updates: the emulator gives concurrent callbacks
    // one update_id, which Poruch rightly treats as one redelivered update.)
    await Promise.all([
      tapButton(anna.chatId, 990_002, `claim:${request.id}`),
      tapButton(borys.chatId, 990_003, `claim:${request.id}`),
    ]);
    const [annaSays, borysSays] = [await anna.next(), await borys.next()];
    const refusedText = spec('error.alreadyClaimed', { code: caseCode });
    expect([annaSays.text, borysSays.text].filter((t) => t === refusedText)).toHaveLength(1);
    const [owner, colleague, colleagueNotice, card] =
      borysSays.text === refusedText ? [anna, borys, toBorys, annaSays] : [borys, anna, toAnna, borysSays];
    // The owner gets the whole request and what the person added while it waited; still no identity.
    expect(card.text).toContain(`Ви взяли звернення ${caseCode}`);
    expect(card.text).toContain(description);
    expect(card.text).toMatch(/Людина, \d+ хв тому: Вона в під’їзді №2, дзвінок не працює\./);
    expect(card.text).not.toContain('Олена');
    const owned = await world.poruch.store.requests.findById(request.id);
    expect(owned?.status).toBe('CLAIMED');

    // The colleague asks to work on that case: it is not theirs, and the answer names it.
    expect(await tapButton(colleague.chatId, 990_004, `case:${request.id}`)).toBe(200);
    expect((await colleague.until((m) => m.text.includes('не у вас'))).at(-1)?.text).toBe(
      spec('error.notClaimer', { code: caseCode }),
    );
    // The specialist of another centre asks the same: refused without the code.
    expect(await tapButton(stranger.chatId, 990_005, `case:${request.id}`)).toBe(200);
    const notOurs = await stranger.next();
    expect(notOurs.text).toBe(spec('error.notYours'));
    expect(notOurs.text).not.toContain(caseCode);

    // The colleague's notification is edited in place.
    await expect
      .poll(() => colleague.messages().find((m) => m.messageId === colleagueNotice?.messageId)?.text)
      .toBe(spec('claimedByColleague', { code: caseCode }));

    // The owner writes; the person reads it from the centre, never with the specialist's name.
    await owner.say('Добрий день! Ми вже передали інформацію, фахівці виїжджають. Чи відомий номер будинку?');
    expect((await owner.next()).text).toBe(spec('answerSent', { code: caseCode }));
    const answer = await olena.next();
    expect(answer.text).toContain(`Фахівець центру «${CENTRE_NAME_UK}»`);
    expect(answer.text).toContain('Чи відомий номер будинку?');
    for (const name of ['Ганна', 'Борис']) expect(answer.text).not.toContain(name);

    // The person simply answers in the chat: it reaches the specialist, and the person is told so.
    await olena.say('Будинок 14, квартира 3.');
    const passed = await olena.next();
    expect(passed.text).toBe(text('myRequests.toSpecialist', 'uk', { code: caseCode }));
    expect(passed.buttons.flat().map((b) => b.data)).toContain('menu:concern');
    expect((await owner.next()).text).toBe(
      spec('fromReporter', { code: caseCode, text: 'Будинок 14, квартира 3.' }),
    );
    const thread = await world.poruch.store.messages.thread(request.id);
    expect(thread.map((m) => [m.author, m.text])).toEqual([
      ['REPORTER', 'Вона в під’їзді №2, дзвінок не працює.'],
      [
        'SPECIALIST',
        'Добрий день! Ми вже передали інформацію, фахівці виїжджають. Чи відомий номер будинку?',
      ],
      ['REPORTER', 'Будинок 14, квартира 3.'],
    ]);

    // The children's service is told (by phone, no number yet): a report of a child left alone
    // cannot be closed without that notice. Then closing asks for the outcome; the person is told.
    await owner.command('/notify');
    await owner.until((m) => m.buttons.flat().some((b) => b.data === `nr:${request.id}:0`));
    await owner.press(`nr:${request.id}:0`);
    await owner.until((m) => m.buttons.flat().some((b) => b.data === `nw:${request.id}:0:0`));
    await owner.press(`nw:${request.id}:0:0`);
    await owner.until((m) => m.buttons.flat().some((b) => b.data === 'nref:-'));
    await owner.press('nref:-');
    await owner.until((m) => m.text.startsWith('📨'));
    await owner.command('/close');
    const outcomes = await owner.next();
    expect(outcomes.buttons.flat()).toHaveLength(6);
    await owner.press(`close:${request.id}:REFERRED_CHILDREN_SERVICE`);
    expect((await owner.next()).text).toContain(caseCode);
    const closedText = spec('toReporter.closed', { code: caseCode, centre: CENTRE_NAME_UK });
    const [told] = (await olena.until((m) => m.text === closedText)).slice(-1);
    expect(told?.text).toBe(closedText);
    expect((await world.poruch.store.requests.findById(request.id))?.outcome).toBe(
      'REFERRED_CHILDREN_SERVICE',
    );

    // Logs never carry the messages' text.
    const logs = world.logs.join('\n');
    expect(logs).not.toContain('Садовій');
    expect(logs).not.toContain('квартира');
  });
});
