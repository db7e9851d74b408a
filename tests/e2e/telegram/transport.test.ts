// The Telegram transport end to end over real HTTP: the emulator calls our webhook (with the secret it
// was given by setWebhook), and replies travel back through the Messenger to the person's chat. The
// Inbox here only records and answers like the outbox would; the conversation stories with the real
// Inbox and database are in stories.test.ts.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/index.js';
import type { RenderText } from '../../../src/channels/telegram/renderer.js';
import type { Reply } from '../../../src/core/conversation/types.js';
import type { Inbox, IncomingUpdate } from '../../../src/core/ports/index.js';
import { buildApp } from '../../../src/http/app.js';
import { freePort, startTelegramEmulator, type TelegramEmulator } from '../../helpers/telegram-emulator.js';

const SECRET = 'e2e-webhook-secret_0123456789';
const render: RenderText = (text, locale) => `[${locale}] ${text.key}`;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Records updates and answers each through the channel's Messenger, as the outbox dispatcher would. */
class AnsweringInbox implements Inbox {
  received: IncomingUpdate[] = [];
  channel: TelegramChannel | null = null;
  async receive(update: IncomingUpdate) {
    this.received.push(update);
    const reply: Reply = {
      text: { key: `got.${update.event.type}` },
      buttons: [[{ label: { key: 'menu.help' }, value: 'menu:help' }]],
    };
    await this.channel?.messenger.send(update.platformId, reply, 'uk');
    return 'processed' as const;
  }
}

describe('webhook mode against the emulator', () => {
  let emulator: TelegramEmulator;
  let app: FastifyInstance;
  let channel: TelegramChannel;
  let webhookUrl: string;
  const inbox = new AnsweringInbox();

  beforeAll(async () => {
    emulator = await startTelegramEmulator();
    const port = await freePort();
    webhookUrl = `http://127.0.0.1:${port}/telegram/webhook`;
    const config = {
      mode: 'webhook' as const,
      token: emulator.token,
      apiRoot: emulator.apiRoot,
      webhookUrl,
      webhookSecret: SECRET,
    };
    channel = createTelegramChannel({ config, inbox, render, logger: silent }) as TelegramChannel;
    inbox.channel = channel;
    app = await buildApp({ database: { ping: async () => undefined }, routes: [channel.routes as never] });
    await app.listen({ port, host: '127.0.0.1' });
    await channel.start();
  });
  afterAll(async () => {
    await channel?.stop();
    await app?.close();
    await emulator?.stop();
  });

  it('start() registers the webhook with its secret and only the updates we handle', () => {
    expect(emulator.webhook()).toMatchObject({
      url: webhookUrl,
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query'],
    });
  });

  it('a person’s /start reaches the Inbox and the answer reaches their chat with its buttons', async () => {
    const olena = emulator.user(5001, { languageCode: 'ru' });
    await olena.command('/start');
    expect(inbox.received.at(-1)).toEqual({
      channel: 'TELEGRAM',
      platformId: '5001',
      updateId: expect.any(String),
      event: { type: 'start' },
      languageHint: 'ru',
      // Kept for 48 hours so that /erase can delete it.
      messageId: expect.any(String),
    });
    const answer = await olena.next();
    expect(answer.text).toBe('[uk] got.start');
    expect(answer.buttons).toEqual([[{ text: '[uk] menu.help', data: 'menu:help' }]]);
  });

  it('button presses, locations, text and stickers arrive as core events', async () => {
    const taras = emulator.user(5002);
    await taras.say('Дитина плаче вже третю ніч');
    await taras.next();
    await taras.press('menu:help');
    await taras.shareLocation(48.0159, 37.8028);
    await taras.send({ sticker: { file_id: 'abc', emoji: '😢' } });
    const events = inbox.received.filter((u) => u.platformId === '5002').map((u) => u.event);
    expect(events).toEqual([
      { type: 'text', text: 'Дитина плаче вже третю ніч', sentAt: expect.any(Date) },
      { type: 'choice', value: 'menu:help' },
      { type: 'location', lat: 48.0159, lon: 37.8028 },
      { type: 'unsupported', what: 'sticker' },
    ]);
  });

  it('the Messenger edits an earlier message in place', async () => {
    const ira = emulator.user(5003);
    const sent = await channel.messenger.send('5003', { text: { key: 'notice.new' } }, 'uk');
    expect(sent.ok).toBe(true);
    const messageId = sent.ok ? String(sent.messageId) : '';
    expect(
      await channel.messenger.edit('5003', messageId, { text: { key: 'notice.claimed' } }, 'uk'),
    ).toEqual({
      ok: true,
      messageId,
    });
    expect(ira.messages().map((m) => m.text)).toEqual(['[uk] notice.claimed']);
  });

  it('a post with a forged secret is refused and reaches nobody', async () => {
    const before = inbox.received.length;
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': 'forged-secret-000000000',
      },
      body: JSON.stringify({ update_id: 99, message: { chat: { id: 1, type: 'private' }, text: '/start' } }),
    });
    expect(response.status).toBe(401);
    expect(inbox.received.length).toBe(before);
  });
});

describe('polling mode against the emulator', () => {
  it('fetches updates with getUpdates, hands them to the Inbox and stops cleanly', async () => {
    const emulator = await startTelegramEmulator();
    const inbox = new AnsweringInbox();
    const config = { mode: 'polling' as const, token: emulator.token, apiRoot: emulator.apiRoot };
    // The emulator answers getUpdates at once instead of holding the request: pause between polls.
    const channel = createTelegramChannel({
      config,
      inbox,
      render,
      logger: silent,
      polling: { idleDelayMs: 20 },
    });
    if (!channel) throw new Error('channel is on');
    inbox.channel = channel;
    try {
      expect(channel.routes).toBeNull();
      await channel.start();
      const petro = emulator.user(5101);
      await petro.command('/help');
      await petro.say('Потрібна консультація юриста');
      expect((await petro.next()).text).toBe('[uk] got.command');
      expect((await petro.next()).text).toBe('[uk] got.text');
      expect(inbox.received.map((u) => u.event)).toEqual([
        { type: 'command', name: 'help', args: '' },
        { type: 'text', text: 'Потрібна консультація юриста', sentAt: expect.any(Date) },
      ]);
    } finally {
      await channel.stop();
      await emulator.stop();
    }
  });
});
