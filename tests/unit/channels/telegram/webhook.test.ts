// The webhook route over fastify's inject, with a recording Inbox standing in for the conversation
// gateway (the stories against the real Inbox and database live in tests/e2e/telegram).
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramClient } from '../../../../src/channels/telegram/client.js';
import { createUpdateHandler, createUpdateProcessor } from '../../../../src/channels/telegram/updates.js';
import { SECRET_HEADER, telegramWebhook } from '../../../../src/channels/telegram/webhook.js';
import type { Inbox, InboxOutcome, IncomingUpdate, Logger } from '../../../../src/core/ports/index.js';
import { buildApp } from '../../../../src/http/app.js';
import { loggerOptions } from '../../../../src/logger.js';
import { apiError, type FakeBotApi, okResult, startFakeBotApi } from './fake-bot-api.js';
import { callbackUpdate, PRIVATE_CHAT, textUpdate } from './fixtures.js';

const SECRET = 'webhook-secret_0123456789abcdef';
const PATH = '/telegram/webhook';
const SECRET_TEXT = 'Мій сусід б’є дитину, адреса вул. Миру 5';

class RecordingInbox implements Inbox {
  received: IncomingUpdate[] = [];
  next: Array<() => Promise<InboxOutcome>> = [];
  async receive(update: IncomingUpdate): Promise<InboxOutcome> {
    const step = this.next.shift();
    const outcome = step ? await step() : 'processed';
    this.received.push(update);
    return outcome;
  }
}

const logLines: string[] = [];
const logs: Logger = {
  debug: (obj, msg) => logLines.push(JSON.stringify({ ...obj, msg })),
  info: (obj, msg) => logLines.push(JSON.stringify({ ...obj, msg })),
  warn: (obj, msg) => logLines.push(JSON.stringify({ ...obj, msg })),
  error: (obj, msg) => logLines.push(JSON.stringify({ ...obj, msg })),
};

let api: FakeBotApi;
let inbox: RecordingInbox;
/** The polling path: the same processing, the button answered through the Bot API. */
let handleUpdate: ReturnType<typeof createUpdateHandler>;
let app: FastifyInstance;

beforeEach(async () => {
  logLines.length = 0;
  api = await startFakeBotApi();
  inbox = new RecordingInbox();
  const telegram = createTelegramClient({
    token: '123456:TEST-token-for-the-fake-api',
    apiRoot: api.apiRoot,
  });
  handleUpdate = createUpdateHandler({ inbox, telegram, logger: logs });
  const processUpdate = createUpdateProcessor({ inbox, logger: logs });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const logger = { ...(loggerOptions({ logLevel: 'debug', env: 'test' }) as object), stream };
  app = await buildApp({
    database: { ping: async () => undefined },
    logger,
    routes: [
      telegramWebhook({ path: PATH, secret: SECRET, processUpdate }),
      async (other) => {
        other.post('/other', async (request) => ({ echoed: request.body }));
      },
    ],
  });
});
afterEach(async () => {
  await app.close();
  expect(api.unexpected).toEqual([]);
  await api.close();
});

const post = (body: unknown, headers: Record<string, string> = { [SECRET_HEADER]: SECRET }) =>
  app.inject({
    method: 'POST',
    url: PATH,
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('only Telegram may post updates', () => {
  it.each([
    ['no secret header', {}],
    ['a wrong secret of the same length', { [SECRET_HEADER]: SECRET.replace('w', 'W') }],
    ['a secret that only starts right', { [SECRET_HEADER]: `${SECRET}x` }],
    ['an empty secret', { [SECRET_HEADER]: '' }],
  ])('%s: 401 and the Inbox never hears of it', async (_name, headers) => {
    const response = await post(textUpdate(SECRET_TEXT), headers);
    expect(response.statusCode).toBe(401);
    expect(inbox.received).toEqual([]);
  });

  it('the secret is checked before the body is even read: a forged 300 KB post gets 401, not 413', async () => {
    const huge = textUpdate('я'.repeat(300_000));
    expect((await post(huge, { [SECRET_HEADER]: 'forged' })).statusCode).toBe(401);
    expect((await post(huge)).statusCode).toBe(413);
    expect(inbox.received).toEqual([]);
  });
});

describe('an authentic update', () => {
  it('is handed to the Inbox and answered 200 {} only once the Inbox has resolved', async () => {
    let release: () => void = () => undefined;
    inbox.next.push(() => new Promise((resolve) => (release = () => resolve('processed'))));
    const pending = post(textUpdate(SECRET_TEXT));
    let answered = false;
    void pending.then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    const response = await pending;
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({});
    expect(inbox.received).toMatchObject([
      {
        channel: 'TELEGRAM',
        platformId: String(PRIVATE_CHAT.id),
        event: { type: 'text', text: SECRET_TEXT },
      },
    ]);
  });

  it('a duplicate (Telegram redelivering) is answered 200 as well', async () => {
    inbox.next.push(async () => 'duplicate');
    expect((await post(textUpdate('ще раз'))).statusCode).toBe(200);
  });

  it('when the Inbox fails, 500 so that Telegram delivers it again; the retry succeeds', async () => {
    const update = textUpdate(SECRET_TEXT);
    inbox.next.push(async () => {
      throw new Error(`database is locked while storing "${SECRET_TEXT}"`);
    });
    expect((await post(update)).statusCode).toBe(500);
    expect((await post(update)).statusCode).toBe(200);
    expect(inbox.received).toHaveLength(1);
  });

  it('a pressed button is processed, and the 200 itself stops its spinner (answerCallbackQuery)', async () => {
    const response = await post(callbackUpdate('menu:concern'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      method: 'answerCallbackQuery',
      callback_query_id: '4382bfdwdsb323b2d9',
    });
    expect(inbox.received[0]?.event).toEqual({ type: 'choice', value: 'menu:concern' });
    expect(api.calls).toEqual([]);
  });

  it('when polling, the button is answered through the Bot API after processing', async () => {
    api.answer('answerCallbackQuery', okResult(true));
    expect(await handleUpdate(callbackUpdate('menu:concern'))).toBe('processed');
    expect(api.calls).toEqual([
      { method: 'answerCallbackQuery', body: { callback_query_id: '4382bfdwdsb323b2d9' } },
    ]);
  });

  it('when polling, a failing answerCallbackQuery does not undo a processed update', async () => {
    api.answer('answerCallbackQuery', apiError(400, 'Bad Request: query is too old'));
    expect(await handleUpdate(callbackUpdate('menu:help'))).toBe('processed');
    expect(inbox.received).toHaveLength(1);
  });
});

it('its lenient JSON parsing stays inside the webhook: other routes still answer broken JSON with 400', async () => {
  const broken = await app.inject({
    method: 'POST',
    url: '/other',
    headers: { 'content-type': 'application/json' },
    payload: '{"a": ',
  });
  expect(broken.statusCode).toBe(400);
});

describe('malformed updates from Telegram itself are dropped, not redelivered forever', () => {
  it.each([
    ['broken JSON', '{"update_id": 5, "message": '],
    ['an empty body', ''],
    ['an array', '[1,2,3]'],
    ['an unknown kind', { update_id: 6, inline_query: { id: '1' } }],
    ['a group message', textUpdate('/start', { chat: { id: -100, type: 'group' } })],
  ])('%s: 200 and nothing reaches the Inbox', async (_name, body) => {
    const response = await post(body);
    expect(response.statusCode).toBe(200);
    expect(inbox.received).toEqual([]);
  });

  it('a callback with forged data is rejected but its button still stops spinning', async () => {
    const response = await post(callbackUpdate('x'.repeat(100)));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ method: 'answerCallbackQuery' });
    expect(inbox.received).toEqual([]);
  });
});

it('logs never carry what a person wrote, their chat id or the secret', async () => {
  await post(textUpdate(SECRET_TEXT), {});
  await post(textUpdate(SECRET_TEXT));
  inbox.next.push(async () => {
    throw new Error(`failed on ${SECRET_TEXT}`);
  });
  await post(textUpdate(SECRET_TEXT));
  await post({ update_id: 9, message: { chat: PRIVATE_CHAT, text: 42 } });
  const all = logLines.join('\n');
  expect(all).toContain('telegram update failed; Telegram will deliver it again');
  expect(all).toContain('malformed_message');
  expect(logLines.length).toBeGreaterThan(3);
  expect(all).not.toContain('Миру');
  expect(all).not.toContain(String(PRIVATE_CHAT.id));
  expect(all).not.toContain(SECRET);
});
