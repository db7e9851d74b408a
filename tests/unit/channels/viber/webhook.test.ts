// The webhook over real HTTP (listen + fetch), with callbacks signed like Viber signs them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../src/http/app.js';
import {
  type FakeViberApi,
  postCallback,
  sign,
  startFakeViberApi,
  viberEvents,
  viberJson,
} from '../../../helpers/fake-viber-api.js';
import { type RunningChannel, startChannel } from './support.js';

let api: FakeViberApi;
let bot: RunningChannel;
const post = (payload: object | string, signature?: string | null) =>
  postCallback(bot.webhookUrl, payload, api.authToken, { signature });

beforeEach(async () => {
  api = await startFakeViberApi();
  bot = await startChannel(api);
});
afterEach(async () => {
  await bot.close();
  await api.close();
});

describe('who may call the Viber webhook', () => {
  it('a forged signature gets 401 at once and nothing reaches the inbox', async () => {
    const payload = viberJson(viberEvents.text('user-1', 'hello'));
    const response = await post(payload, sign(payload, 'not-our-token-000000'));
    expect(response.status).toBe(401);
    expect(bot.inbox.updates).toHaveLength(0);
    expect(bot.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ reason: 'forged' }) }),
    );
  });

  it('a missing signature gets 401, and so does one of the wrong length', async () => {
    expect((await post(viberEvents.text('user-1', 'hello'), null)).status).toBe(401);
    expect((await post(viberEvents.text('user-1', 'hello'), 'abc123')).status).toBe(401);
    expect(bot.inbox.updates).toHaveLength(0);
  });

  it('a valid signature over a body changed in transit gets 401', async () => {
    const payload = viberJson(viberEvents.text('user-1', 'hello'));
    const response = await post(payload.replace('hello', 'HELLO'), sign(payload, api.authToken));
    expect(response.status).toBe(401);
  });

  it('a signature in the query string (?sig=, read by viber-bot) is not accepted', async () => {
    const payload = viberJson(viberEvents.text('user-1', 'hello'));
    const response = await fetch(`${bot.webhookUrl}?sig=${sign(payload, api.authToken)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    expect(response.status).toBe(401);
  });

  it('the signature is checked over the raw bytes whatever the content type', async () => {
    const payload = viberJson(viberEvents.text('user-1', 'hello'));
    const response = await fetch(bot.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'x-viber-content-signature': sign(payload, api.authToken),
      },
      body: payload,
    });
    expect(response.status).toBe(200);
    expect(bot.inbox.updates).toHaveLength(1);
  });

  it('a signed but malformed callback is answered 200 and logged, so Viber does not redeliver it forever', async () => {
    const notJson = await post('{"event":');
    const wrongShape = await post({ event: 'message', message_token: 1, sender: {} });
    const noEvent = await post({ message_token: 1, secret: 'таємний текст' });
    expect([notJson.status, wrongShape.status, noEvent.status]).toEqual([200, 200, 200]);
    expect(bot.inbox.updates).toHaveLength(0);
    const dropped = bot.logger.entries.filter((e) => e.msg === 'viber: malformed callback dropped');
    expect(dropped.map((e) => [e.level, e.fields.problem])).toEqual([
      ['warn', 'not-json'],
      ['warn', 'invalid'],
      ['warn', 'invalid'],
    ]);
    expect(JSON.stringify(bot.logger.entries)).not.toContain('таємний');
  });

  it('the same malformed body unsigned or with a forged signature still gets 401', async () => {
    expect((await post('{"event":', null)).status).toBe(401);
    expect((await post('{"event":', sign('{"event":', 'not-our-token-000000'))).status).toBe(401);
    expect(bot.logger.entries.some((e) => e.msg === 'viber: malformed callback dropped')).toBe(false);
  });

  it('an oversized body gets 413 and never reaches the inbox', async () => {
    expect((await post({ event: 'message', padding: 'x'.repeat(100_000) })).status).toBe(413);
    expect(bot.inbox.updates).toHaveLength(0);
  });
});

describe('what each Viber event does', () => {
  it('the webhook check is answered 200', async () => {
    const response = await post({ event: 'webhook', timestamp: 1, message_token: '4912661846655238145' });
    expect(response.status).toBe(200);
  });

  it('conversation_started is answered with the language question in the response body, and stores nothing', async () => {
    const response = await post(viberEvents.conversationStarted('new-user', 'ru'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { keyboard: { Buttons: { ActionBody: string }[] } };
    expect(body).toMatchObject({ sender: { name: 'Поруч' }, type: 'text', text: 'ru|language.firstAsk' });
    expect(body.keyboard.Buttons.map((b) => b.ActionBody)).toEqual(['btn:lang:uk', 'btn:lang:ru']);
    expect(bot.inbox.updates).toHaveLength(0);
    expect(api.sent).toHaveLength(0);
  });

  it('two people opening the chat at once each get their own welcome, and later answers carry none', async () => {
    const [uk, ru] = await Promise.all([
      post(viberEvents.conversationStarted('first-user', 'uk')),
      post(viberEvents.conversationStarted('second-user', 'ru')),
    ]);
    expect(((await uk.json()) as { text: string }).text).toBe('uk|language.firstAsk');
    expect(((await ru.json()) as { text: string }).text).toBe('ru|language.firstAsk');
    // viber-bot's shared buffer returned the last welcome in later responses; ours are empty
    const later = await post(viberEvents.text('third-user', 'привіт'));
    expect(await later.json()).toEqual({});
  });

  it('conversation_started of someone already subscribed gets no second welcome', async () => {
    const response = await post(viberEvents.conversationStarted('old-user', 'uk', true));
    expect(await response.json()).toEqual({});
  });

  it('subscribed starts the conversation, with the message token kept exactly', async () => {
    const event = viberEvents.subscribed('user-1', 'uk');
    await post(event);
    expect(bot.inbox.updates).toEqual([
      {
        channel: 'VIBER',
        platformId: 'user-1',
        updateId: event.message_token,
        event: { type: 'start' },
        languageHint: 'uk',
      },
    ]);
    expect(event.message_token.length).toBeGreaterThan(16);
  });

  it('a text, a button press, a command, a location and a sticker reach the inbox as core events', async () => {
    await post(viberEvents.text('user-1', 'Дитина сама вже два дні'));
    await post(viberEvents.press('user-1', 'btn:concern:NEGLECT'));
    await post(viberEvents.text('user-1', '/help'));
    await post(viberEvents.location('user-1', 48.5, 37.9));
    await post(viberEvents.message('user-1', { type: 'sticker', sticker_id: 46105 }));
    expect(bot.inbox.updates.map((u) => u.event)).toEqual([
      { type: 'text', text: 'Дитина сама вже два дні' },
      { type: 'choice', value: 'concern:NEGLECT' },
      { type: 'command', name: 'help', args: '' },
      { type: 'location', lat: 48.5, lon: 37.9 },
      { type: 'unsupported', what: 'sticker' },
    ]);
    expect(new Set(bot.inbox.updates.map((u) => u.updateId)).size).toBe(5);
  });

  it('unsubscribed goes to the Inbox like every other event, once per message_token', async () => {
    const event = viberEvents.unsubscribed('user-1');
    const response = await post(event);
    expect(response.status).toBe(200);
    expect(bot.inbox.updates).toEqual([
      {
        channel: 'VIBER',
        platformId: 'user-1',
        updateId: String(event.message_token),
        event: { type: 'unsubscribed' },
      },
    ]);
  });

  it('delivered and seen are only logged; failed is logged with Viber’s reason', async () => {
    expect((await post(viberEvents.receipt('delivered', 'user-1'))).status).toBe(200);
    expect((await post(viberEvents.receipt('seen', 'user-1'))).status).toBe(200);
    expect((await post(viberEvents.failed('user-1', 'Receiver is not subscribed'))).status).toBe(200);
    expect(bot.inbox.updates).toHaveLength(0);
    expect(bot.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ reason: 'Receiver is not subscribed' }),
      }),
    );
  });

  it('an event this release does not know is acknowledged and ignored', async () => {
    expect((await post({ event: 'client_status', message_token: 1 })).status).toBe(200);
    expect(bot.inbox.updates).toHaveLength(0);
  });

  it('when the inbox cannot store an update, Viber gets 500 so it delivers again', async () => {
    bot.inbox.failNext();
    const event = viberEvents.text('user-1', 'перша спроба');
    expect((await post(event)).status).toBe(500);
    expect((await post(event)).status).toBe(200);
    expect(bot.inbox.updates.map((u) => u.updateId)).toEqual([event.message_token]);
  });

  it('never logs what people write or who they are', async () => {
    await post(viberEvents.text('secret-user-id', 'таємний текст'));
    bot.inbox.failNext();
    await post(viberEvents.text('secret-user-id', 'таємний текст'));
    await post(viberEvents.unsubscribed('secret-user-id'));
    const logged = JSON.stringify(bot.logger.entries);
    expect(logged).not.toContain('secret-user-id');
    expect(logged).not.toContain('таємний');
  });
});

describe('the raw-body parser', () => {
  it('stays inside the Viber plugin: other routes still receive parsed JSON', async () => {
    const app = await buildApp({
      database: { ping: async () => {} },
      routes: [
        bot.channel.routes,
        async (other) => {
          other.post('/echo', async (request) => ({ got: request.body }));
        },
      ],
    });
    const echoed = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    expect(echoed.json()).toEqual({ got: { a: 1 } });
    const viber = await app.inject({ method: 'POST', url: bot.channel.webhookPath, payload: { a: 1 } });
    expect(viber.statusCode).toBe(401);
    await app.close();
  });
});
