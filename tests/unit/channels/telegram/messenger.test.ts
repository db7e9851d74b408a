import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramClient } from '../../../../src/channels/telegram/client.js';
import { createTelegramMessenger } from '../../../../src/channels/telegram/messenger.js';
import type { RenderText } from '../../../../src/channels/telegram/renderer.js';
import type { Messenger } from '../../../../src/core/ports/index.js';
import { apiError, type FakeBotApi, okResult, startFakeBotApi } from './fake-bot-api.js';

const TOKEN = '123456:TEST-token-for-the-fake-api';
const render: RenderText = (text, locale) => `${locale}:${text.key}`;
const question = {
  text: { key: 'menu.prompt' },
  buttons: [[{ label: { key: 'menu.help' }, value: 'menu:help' }]],
};

let api: FakeBotApi;
let messenger: Messenger;

beforeEach(async () => {
  api = await startFakeBotApi();
  messenger = createTelegramMessenger({
    telegram: createTelegramClient({ token: TOKEN, apiRoot: api.apiRoot }),
    render,
  });
});
afterEach(async () => {
  expect(api.unexpected).toEqual([]);
  await api.close();
});

describe('sending a reply to a person', () => {
  it('calls sendMessage with the chat, plain text and keyboard, and reports the message id', async () => {
    api.answer('sendMessage', okResult({ message_id: 321, chat: { id: 42 }, date: 1 }));
    const outcome = await messenger.send('42', question, 'uk');
    expect(outcome).toEqual({ ok: true, messageId: '321', messageIds: ['321'] });
    expect(api.calls).toEqual([
      {
        method: 'sendMessage',
        body: {
          chat_id: '42',
          text: 'uk:menu.prompt',
          link_preview_options: { is_disabled: true },
          reply_markup: { inline_keyboard: [[{ text: 'uk:menu.help', callback_data: 'menu:help' }]] },
        },
      },
    ]);
  });

  it('sends a long text in parts and reports every part, the last as the message', async () => {
    api.answer('sendMessage', okResult({ message_id: 1 }));
    api.answer('sendMessage', okResult({ message_id: 2 }));
    const long = createTelegramMessenger({
      telegram: createTelegramClient({ token: TOKEN, apiRoot: api.apiRoot }),
      render: () => 'слово '.repeat(1000),
    });
    // Both parts are reported, so that /erase can delete each.
    expect(await long.send('42', question, 'uk')).toEqual({
      ok: true,
      messageId: '2',
      messageIds: ['1', '2'],
    });
    expect(api.calls.map((c) => c.body.reply_markup === undefined)).toEqual([true, false]);
  });

  it('too many requests: the bot is throttled for the time Telegram names', async () => {
    api.answer('sendMessage', apiError(429, 'Too Many Requests: retry after 17', { retry_after: 17 }));
    expect(await messenger.send('42', question, 'uk')).toEqual({
      ok: false,
      kind: 'throttled',
      reason: 'telegram 429: Too Many Requests: retry after 17',
      retryAfterSeconds: 17,
    });
  });

  it('a server error at Telegram: retry', async () => {
    api.answer('sendMessage', { status: 502, body: 'Bad Gateway' });
    expect(await messenger.send('42', question, 'uk')).toMatchObject({ ok: false, kind: 'retry' });
  });

  it.each(['Forbidden: bot was blocked by the user', 'Forbidden: user is deactivated'])(
    '403 "%s": the person cannot be reached',
    async (description) => {
      api.answer('sendMessage', apiError(403, description));
      expect(await messenger.send('42', question, 'uk')).toEqual({
        ok: false,
        kind: 'unreachable',
        reason: `telegram 403: ${description}`,
      });
    },
  );

  it('another bad request is refused for good', async () => {
    api.answer('sendMessage', apiError(400, 'Bad Request: message text is empty'));
    expect(await messenger.send('42', question, 'uk')).toMatchObject({ ok: false, kind: 'rejected' });
  });

  it('a button value too long for Telegram is refused without calling the API', async () => {
    const bad = { text: { key: 'x' }, buttons: [[{ label: { key: 'y' }, value: 'x'.repeat(65) }]] };
    expect(await messenger.send('42', bad, 'uk')).toMatchObject({ ok: false, kind: 'rejected' });
    expect(api.calls).toEqual([]);
  });

  it('Telegram unreachable (connection refused): retry', async () => {
    const port = await closedPort();
    const offline = createTelegramMessenger({
      telegram: createTelegramClient({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}` }),
      render,
    });
    expect(await offline.send('42', question, 'uk')).toEqual({
      ok: false,
      kind: 'retry',
      reason: 'network: ECONNREFUSED',
    });
  });

  it('Telegram hangs: the call is cut after the timeout and retried later', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as { port: number }).port;
    const slow = createTelegramMessenger({
      telegram: createTelegramClient({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}` }),
      render,
      timeoutMs: 200,
    });
    expect(await slow.send('42', question, 'uk')).toMatchObject({ ok: false, kind: 'retry' });
    hanging.close();
  });
});

describe('editing an earlier message', () => {
  it('calls editMessageText with the inline keyboard', async () => {
    api.answer('editMessageText', okResult(true));
    expect(await messenger.edit('42', '321', question, 'ru')).toEqual({ ok: true, messageId: '321' });
    expect(api.calls[0]).toMatchObject({
      method: 'editMessageText',
      body: {
        chat_id: '42',
        message_id: 321,
        text: 'ru:menu.prompt',
        reply_markup: { inline_keyboard: [[{}]] },
      },
    });
  });

  it('"message is not modified" means it already says that: ok', async () => {
    api.answer(
      'editMessageText',
      apiError(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same',
      ),
    );
    expect(await messenger.edit('42', '321', question, 'uk')).toEqual({ ok: true, messageId: '321' });
  });

  it('a message that cannot be edited is refused', async () => {
    api.answer('editMessageText', apiError(400, "Bad Request: message can't be edited"));
    expect(await messenger.edit('42', '321', question, 'uk')).toMatchObject({ ok: false, kind: 'rejected' });
  });

  it('a message id that is not Telegram’s is refused without calling the API', async () => {
    expect(await messenger.edit('42', 'viber-token', question, 'uk')).toMatchObject({
      ok: false,
      kind: 'rejected',
    });
    expect(api.calls).toEqual([]);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
