// People using Poruch through Viber, end to end: signed callbacks into the real app (real Inbox,
// real database on SQLite and PostgreSQL), replies out through the outbox to the fake Viber API.
import { expect, it } from 'vitest';
import { type Backend, describeBackends } from '../../helpers/db.js';
import { postCallback, sign, viberEvents, viberJson } from '../../helpers/fake-viber-api.js';
import { useViberWorld } from './world.js';

describeBackends('Viber stories', (backend: Backend) => {
  const world = useViberWorld(backend);

  const db = () => world.poruch.store.database.prisma;
  const stored = async () => ({
    chats: await db().chatHandle.count(),
    updates: await db().processedUpdate.count(),
    outbox: await db().outboxMessage.count(),
    requests: await db().request.count(),
  });

  it('Olena reports in Ukrainian that two children are left alone; the report reaches a centre’s queue', async () => {
    const olena = world.person('olena-viber-id', 'uk');
    const welcome = await olena.open();
    expect(welcome.text).toContain('Оберіть, будь ласка, мову');
    expect(welcome.text).toContain('112');

    expect((await olena.press('lang:uk')).at(-1)).toBe('Чим можемо допомогти?');
    await olena.press('menu:concern');
    await olena.press('cat:LEFT_WITHOUT_CARE');
    await olena.press('danger:no');
    expect(olena.buttonValues()[0]).toBe('[location-picker]'); // Viber keeps the picker above the list
    await olena.press('unit:donetska/kramatorskyi');
    expect(await olena.press('unit:donetska/kramatorskyi/kramatorsk')).toContain(
      '📍 Краматорськ (Краматорський район)',
    );
    await olena.type('Двоє дітей, 4 і 6 років, третій день самі вдома, мама не повертається.');
    await olena.press('contact:anon');
    expect(olena.received.at(-1)).toContain('Дитина лишилася без дорослих');
    const confirmation = await olena.press('summary:send');

    const caseCode = /Код звернення: (\S+)/.exec(confirmation.join('\n'))?.[1];
    expect(caseCode).toBeDefined();
    const [request] = await db().request.findMany({ where: { caseCode: caseCode ?? '' } });
    const queued = await world.poruch.queue.list(request?.centreId ?? '');
    expect(queued).toContainEqual(
      expect.objectContaining({
        caseCode,
        kind: 'CONCERN',
        category: 'LEFT_WITHOUT_CARE',
        urgency: 'NORMAL',
        status: 'NEW',
        channel: 'VIBER',
        language: 'uk',
        description: 'Двоє дітей, 4 і 6 років, третій день самі вдома, мама не повертається.',
        contactPhone: null,
      }),
    );
    // Anonymous: the Viber id is nowhere in clear
    const chats = await db().chatHandle.findMany();
    expect(JSON.stringify(chats)).not.toContain('olena-viber-id');
  });

  it('Ivan asks in Russian for a parenting consultation, sharing his location with the picker', async () => {
    const ivan = world.person('ivan-viber-id', 'ru');
    await ivan.open();
    expect((await ivan.press('lang:ru')).at(-1)).toBe('Чем можем помочь?');
    await ivan.press('menu:consultation');
    await ivan.press('topic:PARENTING');
    expect(await ivan.shareLocation(48.7389, 37.5844)).toContain('Спасибо, геолокация получена.');
    await ivan.type('Сыну 7 лет, после переезда не спит по ночам. Нужен совет.');
    await ivan.press('way:CHAT');
    await ivan.press('time:EVENING');
    expect(ivan.received.at(-1)).toContain('по геолокации');
    const confirmation = (await ivan.press('summary:send')).join('\n');
    expect(confirmation).toMatch(/[а-яё]/);
    expect(confirmation).not.toContain('Дякуємо');

    const [request] = await db().request.findMany({ where: { kind: 'CONSULTATION' } });
    expect(request).toMatchObject({ category: 'PARENTING', language: 'ru', channel: 'VIBER', status: 'NEW' });
    expect(confirmation).toContain(request?.caseCode);
    // Rounded to about a kilometre before it was stored
    expect(request?.approxLat).toBeCloseTo(48.74, 2);
    expect(request?.approxLat).not.toBe(48.7389);
    expect((await world.poruch.queue.list(request?.centreId ?? '')).map((c) => c.caseCode)).toContain(
      request?.caseCode,
    );
  });

  it('a forged signature gets 401 and stores nothing', async () => {
    const before = await stored();
    const payload = viberJson(viberEvents.text('mallory-viber-id', '/start'));
    const forged = await postCallback(world.webhookUrl, payload, world.api.authToken, {
      signature: sign(payload, 'guessed-token-0000000000'),
    });
    const unsigned = await postCallback(world.webhookUrl, payload, world.api.authToken, { signature: null });
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    await world.deliver();
    expect(await stored()).toEqual(before);
    expect(world.api.sentTo('mallory-viber-id')).toEqual([]);
  });

  it('two people opening the chat at once each get their own welcome, then their own language', async () => {
    const anna = world.person('anna-viber-id', 'uk');
    const petro = world.person('petro-viber-id', 'ru');
    const [a, p] = await Promise.all([anna.open(), petro.open()]);
    for (const welcome of [a, p])
      expect(welcome.keyboard?.Buttons.map((b) => b.ActionBody)).toEqual(['btn:lang:uk', 'btn:lang:ru']);
    const [annaSees, petroSees] = await Promise.all([anna.press('lang:uk'), petro.press('lang:ru')]);
    expect(annaSees.at(-1)).toBe('Чим можемо допомогти?');
    expect(petroSees.at(-1)).toBe('Чем можем помочь?');
    // Later responses carry no welcome (viber-bot replayed the last one to whoever came next)
    const later = await postCallback(
      world.webhookUrl,
      viberEvents.text('anna-viber-id', 'привіт'),
      world.api.authToken,
    );
    expect(await later.json()).toEqual({});
  });

  it('a message Viber delivers twice is answered once', async () => {
    const maria = world.person('maria-viber-id', 'uk');
    await maria.open();
    await maria.press('lang:uk');
    const before = world.api.sentTo('maria-viber-id').length;
    const event = viberEvents.press('maria-viber-id', 'btn:menu:help');
    for (let i = 0; i < 2; i++) {
      expect((await postCallback(world.webhookUrl, event, world.api.authToken)).status).toBe(200);
      await world.deliver();
    }
    expect(world.api.sentTo('maria-viber-id').length - before).toBeGreaterThan(0);
    const answers = world.api
      .sentTo('maria-viber-id')
      .slice(before)
      .map((m) => m.text);
    expect(new Set(answers).size).toBe(answers.length);
  });

  it('someone who unsubscribes is marked unreachable, so the outbox stops writing to them', async () => {
    const taras = world.person('taras-viber-id', 'uk');
    await taras.open();
    await taras.press('lang:uk');
    const unsubscribedBefore = await db().chatHandle.count({ where: { unsubscribedAt: { not: null } } });
    const leaving = viberEvents.unsubscribed('taras-viber-id');
    const response = await postCallback(world.webhookUrl, leaving, world.api.authToken);
    expect(response.status).toBe(200);
    // Through the Inbox, like every other event: recorded once, so a redelivery changes nothing.
    const recorded = { channel: 'VIBER' as const, updateId: String(leaving.message_token) };
    expect(await db().processedUpdate.count({ where: recorded })).toBe(1);
    expect((await postCallback(world.webhookUrl, leaving, world.api.authToken)).status).toBe(200);
    expect(await db().chatHandle.count({ where: { unsubscribedAt: { not: null } } })).toBe(
      unsubscribedBefore + 1,
    );
    const { handleId } = await world.poruch.store.handles.resolve('VIBER', 'taras-viber-id');
    expect((await db().chatHandle.findUnique({ where: { id: handleId } }))?.unsubscribedAt).not.toBeNull();
  });
});
