// A local Telegram for end-to-end tests: telegram-test-api 4.2.1 on a free port, and one test user
// per person, who writes, presses buttons, shares a location and reads what the bot answered.
//
// Where the emulator falls short of Telegram, this file fills the gap (see messengers.md):
// - It stores setWebhook's secret_token but never sends it; an axios interceptor adds the
//   X-Telegram-Bot-Api-Secret-Token header with exactly the secret that was registered, as Telegram does.
// - Its client routes fire webhook calls without awaiting them (a failed call becomes an unhandled
//   rejection); users here call the server's addUser* methods directly and await the webhook's answer.
// - Bot messages are read from the server's storage (they have no `from`, dates are in ms).
// - It knows no blocked chats: `block(chatId)` makes its sendMessage/editMessageText answer for that
//   chat exactly as Telegram does for a person who blocked the bot (403 "bot was blocked by the user").
// - Every deleteMessage call is recorded (`deletions`). In webhook mode the emulator keeps no user
//   messages, so deleting one of the person's messages answers 400 "not found" there, while Telegram
//   would delete it: the record shows that it was asked for.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

export const TEST_BOT_TOKEN = '987654321:AAEmulatedTokenForPoruchTests_0123';

export interface Button {
  text: string;
  data: string;
}

/** A message from the bot as the person sees it (edits included). */
export interface BotMessage {
  messageId: number;
  text: string;
  /** Inline keyboard rows. */
  buttons: Button[][];
  /** Reply keyboard (e.g. the share-location button), if the message brought one. */
  keyboard: Array<Array<{ text: string; request_location?: boolean }>> | null;
  removesKeyboard: boolean;
}

interface StoredWebhook {
  url: string;
  secret_token?: string;
}

interface AxiosLike {
  interceptors: {
    request: {
      use(fn: (config: { url?: string; headers: Record<string, unknown> }) => unknown): number;
      eject(id: number): void;
    };
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface TelegramEmulator {
  server: TelegramServer;
  apiRoot: string;
  token: string;
  /** A person in a private chat whose chat id is `id`. */
  user(id: number, options?: { languageCode?: string; firstName?: string }): TestUser;
  /** Every deleteMessage call the bot made, in order. */
  deletions: Array<{ chatId: number; messageId: number }>;
  /** The webhook Telegram would call now (set by the bot's setWebhook), or null. */
  webhook(): StoredWebhook | null;
  /** The person blocks the bot: every send to their chat is refused with 403 until `unblock`. */
  block(chatId: number): void;
  unblock(chatId: number): void;
  stop(): Promise<void>;
}

export async function startTelegramEmulator(token = TEST_BOT_TOKEN): Promise<TelegramEmulator> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
  await server.start();
  const webhooks = () => (server as unknown as { webhooks: Record<string, StoredWebhook> }).webhooks;
  const deletions: TelegramEmulator['deletions'] = [];
  const deleteMessage = server.deleteMessage.bind(server);
  server.deleteMessage = (chatId: number, messageId: number) => {
    deletions.push({ chatId, messageId });
    return deleteMessage(chatId, messageId);
  };

  // The emulator's own axios instance (CommonJS), so the interceptor sees its webhook calls.
  const emulatorRequire = createRequire(
    createRequire(import.meta.url).resolve('telegram-test-api/lib/telegramServer.js'),
  );
  const axios = emulatorRequire('axios') as AxiosLike;
  const interceptor = axios.interceptors.request.use((config) => {
    const hook = Object.values(webhooks()).find((w) => w.url === config.url);
    if (hook?.secret_token) config.headers['X-Telegram-Bot-Api-Secret-Token'] = hook.secret_token;
    return config;
  });

  const blocked = refuseBlockedChats(server);

  return {
    server,
    apiRoot: server.config.apiURL,
    token,
    user: (id, options = {}) => new TestUser(server, token, id, options),
    deletions,
    webhook: () => webhooks()[token] ?? null,
    block: (chatId) => blocked.add(String(chatId)),
    unblock: (chatId) => blocked.delete(String(chatId)),
    async stop() {
      axios.interceptors.request.eject(interceptor);
      await server.stop();
    },
  };
}

interface ExpressLayer {
  name: string;
}
interface ExpressLike {
  use(fn: (req: ApiRequest, res: ApiResponse, next: () => void) => void): void;
  _router: { stack: ExpressLayer[] };
}
interface ApiRequest {
  path: string;
  body?: { chat_id?: unknown };
}
interface ApiResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * Answers sends to blocked chats with Telegram's 403. The emulator (express 4) registers its routes
 * in its constructor, so this check is moved in front of them, right after the body parsers.
 */
function refuseBlockedChats(server: TelegramServer): Set<string> {
  const blocked = new Set<string>();
  const app = (server as unknown as { webServer: ExpressLike }).webServer;
  app.use(function refuseBlocked(req, res, next) {
    const isSend = /\/(sendMessage|editMessageText)$/.test(req.path);
    if (!isSend || !blocked.has(String(req.body?.chat_id))) return next();
    res
      .status(403)
      .json({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
  });
  const stack = app._router.stack;
  const layer = stack.pop() as ExpressLayer;
  const afterParsers = stack.findIndex((l) => l.name === 'urlencodedParser') + 1;
  stack.splice(afterParsers, 0, layer);
  return blocked;
}

export class TestUser {
  private readonly seen = new Set<number>();
  private readonly client;
  private readonly from: Record<string, unknown>;

  constructor(
    private readonly server: TelegramServer,
    private readonly token: string,
    readonly chatId: number,
    options: { languageCode?: string; firstName?: string },
  ) {
    this.client = server.getClient(token, { userId: chatId, chatId, firstName: options.firstName ?? 'Тест' });
    this.from = {
      id: chatId,
      is_bot: false,
      first_name: options.firstName ?? 'Тест',
      language_code: options.languageCode ?? 'uk',
    };
  }

  /** Writes a message; resolves once the bot's webhook has answered (or the update is queued for polling). */
  async say(text: string): Promise<void> {
    await this.server.addUserMessage(this.client.makeMessage(text, { from: this.from } as never));
  }

  async command(text: string): Promise<void> {
    await this.server.addUserCommand(this.client.makeCommand(text, { from: this.from } as never));
  }

  async shareLocation(latitude: number, longitude: number): Promise<void> {
    const message = this.client.makeMessage('', { from: this.from } as never) as unknown as Record<
      string,
      unknown
    >;
    delete message.text;
    message.location = { latitude, longitude };
    await this.server.addUserMessage(message as never);
  }

  /** Any message fields (a sticker, a photo...), as the person's client would send them. */
  async send(fields: Record<string, unknown>): Promise<void> {
    const message = this.client.makeMessage('', { from: this.from } as never) as unknown as Record<
      string,
      unknown
    >;
    delete message.text;
    await this.server.addUserMessage({ ...message, ...fields } as never);
  }

  /** Presses the newest button whose label or value matches, as Telegram reports a callback query. */
  async press(labelOrValue: string | RegExp): Promise<void> {
    const matches = (b: Button) =>
      typeof labelOrValue === 'string'
        ? b.text === labelOrValue || b.data === labelOrValue
        : labelOrValue.test(b.text);
    const message = [...this.messages()].reverse().find((m) => m.buttons.flat().some(matches));
    const button = message?.buttons.flat().find(matches);
    if (!message || !button) throw new Error(`no button ${String(labelOrValue)} in chat ${this.chatId}`);
    const query = this.client.makeCallbackQuery(button.data, {
      from: this.from,
      message: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.chatId, type: 'private' },
      },
    } as never);
    await this.server.addUserCallback(query);
  }

  /** Every message the bot sent to this chat, oldest first, as currently shown (after edits). */
  messages(): BotMessage[] {
    return this.server.storage.botMessages
      .filter((m) => m.botToken === this.token && String(m.message.chat_id) === String(this.chatId))
      .map((m) => toBotMessage(m.messageId, m.message as unknown as Record<string, unknown>));
  }

  /** The next message not read yet, waiting for the outbox to deliver it. */
  // Generous: a bound for a failing test, not a speed check (a shared 2-core machine can be slow).
  async next(timeoutMs = 15_000): Promise<BotMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const unread = this.messages().find((m) => !this.seen.has(m.messageId));
      if (unread) {
        this.seen.add(unread.messageId);
        return unread;
      }
      if (Date.now() > deadline)
        throw new Error(`chat ${this.chatId}: no message from the bot within ${timeoutMs} ms`);
      await sleep(10);
    }
  }

  /** Reads messages until one matches, returning everything read on the way (matching one last). */
  async until(match: (m: BotMessage) => boolean, timeoutMs = 15_000): Promise<BotMessage[]> {
    const read: BotMessage[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = await this.next(Math.max(1, deadline - Date.now()));
      read.push(message);
      if (match(message)) return read;
    }
  }

  /** Marks everything so far as read; returns what was unread. */
  skipAll(): BotMessage[] {
    const unread = this.messages().filter((m) => !this.seen.has(m.messageId));
    for (const m of unread) this.seen.add(m.messageId);
    return unread;
  }
}

function toBotMessage(messageId: number, raw: Record<string, unknown>): BotMessage {
  const markup = (raw.reply_markup ?? {}) as Record<string, unknown>;
  const inline = (markup.inline_keyboard ?? []) as Array<Array<{ text: string; callback_data: string }>>;
  return {
    messageId,
    text: String(raw.text ?? ''),
    buttons: inline.map((row) => row.map((b) => ({ text: b.text, data: b.callback_data }))),
    keyboard: (markup.keyboard as BotMessage['keyboard']) ?? null,
    removesKeyboard: markup.remove_keyboard === true,
  };
}
