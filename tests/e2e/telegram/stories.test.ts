// People using Poruch through Telegram, end to end: the emulator posts real webhook calls to the
// whole app (composePoruch on a real database), the outbox sends the answers back through the
// Telegram API, and the test reads them in the person's chat. Runs on SQLite and PostgreSQL.
import { expect, it } from 'vitest';
import type { Poruch } from '../../../src/compose.js';
import { CASE_CODE_PATTERN } from '../../../src/core/queue/index.js';
import { describeBackends } from '../../helpers/db.js';
import type { TestUser } from '../../helpers/telegram-emulator.js';
import { HOSTILE, HUGE } from './hostile-updates.js';
import { postUpdate, usePoruchOnEmulator } from './poruch-on-emulator.js';

/** What the person reads next, message by message. */
async function read(user: TestUser, count: number) {
  const messages = [];
  for (let i = 0; i < count; i++) messages.push(await user.next());
  return messages;
}

async function rowCounts(poruch: Poruch) {
  const db = poruch.store.database.prisma;
  return {
    handles: await db.chatHandle.count(),
    conversations: await db.conversation.count(),
    processedUpdates: await db.processedUpdate.count(),
    outbox: await db.outboxMessage.count(),
    requests: await db.request.count(),
  };
}

/** Answers the language question and leaves the person at the main menu. */
async function greet(user: TestUser, locale: 'uk' | 'ru') {
  await user.command('/start');
  await read(user, 1);
  await user.press(`lang:${locale}`);
  await read(user, 2);
}

describeBackends('Telegram stories', (backend) => {
  const world = usePoruchOnEmulator(backend);

  it('a neighbour reports, in Ukrainian, a child left without care; the Kramatorsk centre gets it', async () => {
    const { text, emulator } = world;
    const oksana = emulator.user(731_904_455, { languageCode: 'uk' });

    await oksana.command('/start');
    const [language] = await read(oksana, 1);
    expect(language?.text).toBe(text('language.firstAsk', 'uk'));
    expect(language?.buttons.flat().map((b) => b.text)).toEqual(['Українська', 'Русский']);

    await oksana.press('Українська');
    const [welcome, menu] = await read(oksana, 2);
    expect(welcome?.text).toBe(text('common.welcome', 'uk'));
    expect(menu?.text).toBe(text('menu.prompt', 'uk'));

    await oksana.press(text('menu.concern', 'uk'));
    expect((await oksana.next()).text).toBe(text('concern.askCategory', 'uk'));
    await oksana.press(text('concern.category.LEFT_WITHOUT_CARE', 'uk'));
    expect((await oksana.next()).text).toBe(text('concern.askDanger', 'uk'));
    await oksana.press(text('common.no', 'uk'));

    const [where, orChoose] = await read(oksana, 2);
    expect(where?.text).toBe(text('concern.askPlace', 'uk'));
    expect(where?.keyboard).toEqual([
      [{ text: text('telegram.shareLocation', 'uk'), request_location: true }],
    ]);
    expect(orChoose?.buttons.flat().length).toBeGreaterThan(3);

    // The typed town is confirmed, and the "share location" keyboard leaves the screen with it.
    await oksana.say('Краматорськ');
    const [chosen, askDescription] = await read(oksana, 2);
    expect(chosen?.text).toBe('📍 Краматорськ (Краматорський район)');
    expect(chosen?.removesKeyboard).toBe(true);
    expect(chosen?.buttons).toEqual([]);
    expect(askDescription?.text).toBe(text('concern.askDescription', 'uk', { max: 2000 }));

    // A hostile 100 000-character description gets a clear answer; the question stays open.
    // (Sent a minute before the next message: nobody retypes a description within seconds, and a
    // text right after a long one would be joined to it as the rest of a split message.)
    await oksana.send({ text: 'я'.repeat(100_000), date: Math.floor(Date.now() / 1000) - 60 });
    const [tooLong] = await read(oksana, 1);
    expect(tooLong?.text).toContain('2000');
    expect(tooLong?.buttons.flat().map((b) => b.data)).toEqual(['flow:cancel']);

    const description =
      'Хлопчик років шести п’ятий день сам удома на вул. Шкільній, уночі плаче, мами не видно.';
    await oksana.say(description);
    expect((await oksana.next()).text).toBe(text('concern.askContact', 'uk'));
    await oksana.press('contact:anon');
    const summary = await oksana.next();
    expect(summary.text).toContain(description);
    expect(summary.text).toContain('Краматорськ');

    await oksana.press(text('summary.send', 'uk'));
    const [submitted, secret, backToMenu] = await read(oksana, 3);
    const code = /Код звернення: (\S+)/.exec(submitted?.text ?? '')?.[1] ?? '';
    expect(code).toMatch(CASE_CODE_PATTERN);
    expect(submitted?.text).toContain('Краматорський міський центр соціальних служб');
    expect(secret?.text).toContain('🔑');
    expect(backToMenu?.text).toBe(text('menu.prompt', 'uk'));

    const queued = await world.poruch.queue.list('dn-csss-kramatorsk');
    const request = queued.find((r) => r.caseCode === code);
    expect(request).toMatchObject({
      kind: 'CONCERN',
      category: 'LEFT_WITHOUT_CARE',
      urgency: 'NORMAL',
      status: 'NEW',
      channel: 'TELEGRAM',
      language: 'uk',
      description,
      contactPhone: null,
    });
    // The specialist's view and the logs never carry who wrote it, nor (logs) what was written.
    expect(JSON.stringify(request)).not.toContain('731904455');
    const logs = world.logs.join('\n');
    expect(logs).not.toContain('731904455');
    expect(logs).not.toContain('Шкільній');
  });

  it('a mother asks, in Russian, for legal advice and shares her location; the Sloviansk centre gets it', async () => {
    const { text, emulator } = world;
    const maria = emulator.user(731_904_456, { languageCode: 'ru' });
    await greet(maria, 'ru');

    await maria.press(text('menu.consultation', 'ru'));
    expect((await maria.next()).text).toBe(text('consultation.askTopic', 'ru'));
    await maria.press(text('consultation.topic.LEGAL', 'ru'));
    const [where] = await read(maria, 2);
    expect(where?.keyboard?.[0]?.[0]).toEqual({ text: '📍 Отправить геолокацию', request_location: true });

    await maria.shareLocation(48.8603, 37.6101);
    const [received, askDescription] = await read(maria, 2);
    expect(received?.text).toBe(text('place.locationReceived', 'ru'));
    expect(received?.removesKeyboard).toBe(true);
    expect(askDescription?.text).toBe(text('consultation.askDescription', 'ru', { max: 1000 }));

    const question = 'Как оформить опеку над племянником после смерти сестры? Нужны ли справки из школы?';
    await maria.say(question);
    await maria.next();
    await maria.press('way:CHAT');
    await maria.next();
    await maria.press('time:EVENING');
    expect((await maria.next()).text).toContain(question);
    await maria.press(text('summary.send', 'ru'));
    const [submitted] = await maria.until((m) => m.text === text('menu.prompt', 'ru'));
    expect(submitted?.text).toContain('Славянский городской центр социальных служб');
    const code = /([2-9A-HJKMNP-Z]{2}-[2-9A-HJKMNP-Z]{3})/.exec(submitted?.text ?? '')?.[1];

    const queued = await world.poruch.queue.list('dn-csss-sloviansk');
    expect(queued.find((r) => r.caseCode === code)).toMatchObject({
      kind: 'CONSULTATION',
      category: 'LEGAL',
      language: 'ru',
      description: question,
      status: 'NEW',
    });
  });

  it('someone in immediate danger is shown 112, 102, 116 111 and 116 123 at once, and the request is urgent', async () => {
    const { text, emulator } = world;
    const ivan = emulator.user(731_904_457);
    await greet(ivan, 'uk');
    await ivan.press('menu:concern');
    await ivan.next();
    await ivan.press('cat:VIOLENCE');
    await ivan.next();
    await ivan.press(text('common.yes', 'uk'));

    const [numbers, where] = await read(ivan, 2);
    for (const number of ['112', '102', '116 111', '116 123']) expect(numbers?.text).toContain(number);
    expect(where?.text).toBe(text('concern.askPlace', 'uk'));

    await ivan.next(); // "or choose from the list"
    await ivan.shareLocation(48.7231, 37.5562);
    await read(ivan, 2);
    await ivan.say('Сусід б’є дружину й дітей, зараз кричать за стіною, чути удари.');
    await ivan.next();
    await ivan.press('contact:anon');
    await ivan.next();
    await ivan.press('summary:send');
    const afterSend = await ivan.until((m) => m.text === text('menu.prompt', 'uk'));
    expect(afterSend.some((m) => m.text.includes('116 123'))).toBe(true);
    const code = /([2-9A-HJKMNP-Z]{2}-[2-9A-HJKMNP-Z]{3})/.exec(afterSend[0]?.text ?? '')?.[1];
    const queued = await world.poruch.queue.list('dn-csss-kramatorsk');
    expect(queued.find((r) => r.caseCode === code)).toMatchObject({
      urgency: 'URGENT',
      category: 'VIOLENCE',
    });
  });

  it('leaving the place question by /cancel takes the share-location keyboard away as well', async () => {
    const { text, emulator } = world;
    const stepan = emulator.user(731_904_462);
    await greet(stepan, 'uk');

    await stepan.press('menu:centres');
    const [where] = await read(stepan, 2);
    expect(where?.keyboard?.[0]?.[0]?.request_location).toBe(true);
    await stepan.command('/cancel');
    const [closed, menu] = await read(stepan, 2);
    expect(closed).toMatchObject({ text: text('place.closed', 'uk'), removesKeyboard: true });
    expect(menu?.text).toBe(text('menu.prompt', 'uk'));

    await stepan.press('menu:concern');
    await stepan.next();
    await stepan.press('cat:NEGLECT');
    await stepan.next();
    await stepan.press('danger:no');
    await read(stepan, 2);
    await stepan.command('/cancel');
    const [cancelled] = await read(stepan, 2);
    expect(cancelled).toMatchObject({ text: text('common.cancelled', 'uk'), removesKeyboard: true });
  });

  it('a post with a forged secret gets 401 and nothing is stored', async () => {
    const before = await rowCounts(world.poruch);
    const update = {
      update_id: 880_001,
      message: { message_id: 1, date: 1, chat: { id: 731_904_499, type: 'private' }, text: '/start' },
    };
    for (const secret of [null, 'forged-secret-0123456789', `${world.webhookUrl}`]) {
      expect((await postUpdate(world.webhookUrl, update, secret)).status).toBe(401);
    }
    await world.poruch.dispatcher.drain();
    expect(await rowCounts(world.poruch)).toEqual(before);
    expect(world.emulator.user(731_904_499).messages()).toEqual([]);
  });

  it('Telegram delivering the same update twice is processed once', async () => {
    const chat = { id: 731_904_460, type: 'private' };
    const update = { update_id: 880_100, message: { message_id: 1, date: 1, chat, text: '/start' } };
    const before = await rowCounts(world.poruch);
    expect((await postUpdate(world.webhookUrl, update)).status).toBe(200);
    expect((await postUpdate(world.webhookUrl, update)).status).toBe(200);
    await world.poruch.dispatcher.drain();
    const after = await rowCounts(world.poruch);
    expect(after.processedUpdates - before.processedUpdates).toBe(1);
    expect(after.handles - before.handles).toBe(1);
    expect(
      world.emulator
        .user(chat.id)
        .messages()
        .map((m) => m.text),
    ).toEqual([world.text('language.firstAsk', 'uk')]);
  });

  it('20 malformed or hostile posts: clean HTTP answers, no crash, no row', async () => {
    const before = await rowCounts(world.poruch);
    const answers: number[] = [];
    for (const body of HOSTILE) answers.push((await postUpdate(world.webhookUrl, body)).status);
    expect(answers).toEqual(HOSTILE.map((body) => (body === HUGE ? 413 : 200)));
    await world.poruch.dispatcher.drain();
    expect(await rowCounts(world.poruch)).toEqual(before);
    // Still serving people afterwards.
    const after = world.emulator.user(731_904_470);
    await after.command('/start');
    expect((await after.next()).text).toBe(world.text('language.firstAsk', 'uk'));
  });

  it('a restart in the middle of a report continues where the person stopped', async () => {
    const { text, emulator } = world;
    const olha = emulator.user(731_904_461);
    await greet(olha, 'uk');
    await olha.press('menu:concern');
    await olha.next();
    await olha.press('cat:BULLYING');
    expect((await olha.next()).text).toBe(text('concern.askDanger', 'uk'));

    // The process stops and starts again on the same database and URL.
    await world.restart();

    await olha.press('danger:no');
    expect((await olha.next()).text).toBe(text('concern.askPlace', 'uk'));
  });
});
