// The whole of Poruch (composePoruch: real database, real Inbox, outbox dispatcher, real locales)
// listening on a local port, with the fake Viber API on the other side. People act only through
// what Viber would let them do: open the chat, tap a button that is on their screen, type, share a
// location with the picker. What they see is what the fake API received for them.
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { ViberKeyboard } from '../../../src/channels/viber/renderer.js';
import type { WelcomeBody } from '../../../src/channels/viber/welcome.js';
import { composePoruch, type Poruch } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config.js';
import type { Backend } from '../../helpers/db.js';
import {
  type FakeViberApi,
  postCallback,
  startFakeViberApi,
  viberEvents,
} from '../../helpers/fake-viber-api.js';
import { freePort, startTelegramEmulator, type TelegramEmulator } from '../../helpers/telegram-emulator.js';

export interface World {
  api: FakeViberApi;
  poruch: Poruch;
  webhookUrl: string;
  person(id: string, language: 'uk' | 'ru'): ViberPerson;
  /**
   * Lets the outbox send everything due. Runs one after another: two people acting at once must
   * not see each other's drain return early while the other still holds the entries.
   */
  deliver(): Promise<void>;
  close(): Promise<void>;
}

/** What both worlds give the app: the fake Viber API, fixed pacing, our centres. */
function viberEnv(databaseUrl: string, api: FakeViberApi, handleKey: string) {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    HANDLE_KEY: handleKey,
    CENTRES_FILE: 'data/centres/donetska.json',
    // The stories are about conversations, not pacing (tests/integration/jobs): no waiting for buckets.
    TELEGRAM_MESSAGES_PER_SECOND: '1000',
    VIBER_MESSAGES_PER_SECOND: '1000',
    CHAT_MESSAGES_PER_SECOND: '1000',
    VIBER_AUTH_TOKEN: api.authToken,
    VIBER_API_URL: api.url,
    VIBER_WEBHOOK_URL: 'https://poruch.example/webhooks/viber',
  };
}

/** The world around an app listening on `port`; `close` stops the app, then what `stop` names. */
function worldOf(api: FakeViberApi, poruch: Poruch, port: number, stop: () => Promise<void>): World {
  let delivering = Promise.resolve();
  const world: World = {
    api,
    poruch,
    webhookUrl: `http://127.0.0.1:${port}/webhooks/viber`,
    deliver: () => {
      delivering = delivering.then(async () => {
        await poruch.dispatcher.drain();
      });
      return delivering;
    },
    person: (id, language) => new ViberPerson(world, id, language),
    close: async () => {
      await poruch.close();
      await stop();
    },
  };
  return world;
}

export async function startWorld(databaseUrl: string): Promise<World> {
  const api = await startFakeViberApi();
  const config = loadConfig(viberEnv(databaseUrl, api, 'a'.repeat(64)));
  const poruch = await composePoruch(config, { logger: pino({ level: 'silent' }) });
  await poruch.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = poruch.app.server.address() as AddressInfo;
  return worldOf(api, poruch, port, () => api.close());
}

type Button = ViberKeyboard['Buttons'][number];

export class ViberPerson {
  /** The keyboard on their screen: Viber shows the last one sent, and a message without one hides it. */
  private keyboard: Button[] = [];
  private seen = 0;
  /** Texts of the bot's messages to this person, in order. */
  readonly received: string[] = [];

  constructor(
    private readonly world: World,
    readonly id: string,
    readonly language: 'uk' | 'ru',
  ) {}

  /** Opens the chat: the welcome comes back in the webhook's response, before any subscription. */
  async open(): Promise<WelcomeBody> {
    const response = await this.post(viberEvents.conversationStarted(this.id, this.language));
    const welcome = (await response.json()) as WelcomeBody;
    this.received.push(welcome.text);
    this.keyboard = welcome.keyboard?.Buttons ?? [];
    return welcome;
  }

  /** Taps the button whose value matches: it must be on screen, as for a real person. */
  async press(value: string | RegExp): Promise<string[]> {
    const button = this.keyboard.find(
      (b) => b.ActionType === 'reply' && matches(b.ActionBody.slice(4), value),
    );
    if (!button) throw new Error(`no button ${value} on screen; buttons: ${this.buttonValues().join(', ')}`);
    return this.send(viberEvents.press(this.id, button.ActionBody, this.language));
  }

  async type(text: string): Promise<string[]> {
    return this.send(viberEvents.text(this.id, text, this.language));
  }

  /** Uses the location picker, which must be on screen. */
  async shareLocation(lat: number, lon: number): Promise<string[]> {
    if (!this.keyboard.some((b) => b.ActionType === 'location-picker'))
      throw new Error('no location picker on screen');
    return this.send(viberEvents.location(this.id, lat, lon));
  }

  /** Leaves the bot (Viber's "unsubscribed" callback); nothing comes back. */
  async unsubscribe(): Promise<string[]> {
    return this.send(viberEvents.unsubscribed(this.id));
  }

  /** Joins the bot again (Viber's "subscribed" callback); returns what the bot then says. */
  async subscribe(): Promise<string[]> {
    return this.send(viberEvents.subscribed(this.id, this.language));
  }

  buttonValues(): string[] {
    return this.keyboard.map((b) => (b.ActionType === 'reply' ? b.ActionBody.slice(4) : `[${b.ActionType}]`));
  }

  buttonTexts(): string[] {
    return this.keyboard.map((b) => b.Text);
  }

  /** Sends a callback, lets the outbox deliver, and returns the texts that arrived since. */
  private async send(event: object): Promise<string[]> {
    const response = await this.post(event);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    await this.world.deliver();
    const fresh = this.world.api.sentTo(this.id).slice(this.seen);
    this.seen += fresh.length;
    for (const message of fresh) {
      this.received.push(String(message.text));
      this.keyboard = (message.keyboard as ViberKeyboard | undefined)?.Buttons ?? [];
    }
    return fresh.map((m) => String(m.text));
  }

  private post(event: object): Promise<Response> {
    return postCallback(this.world.webhookUrl, event, this.world.api.authToken);
  }
}

function matches(actual: string, wanted: string | RegExp): boolean {
  return typeof wanted === 'string' ? actual === wanted : wanted.test(actual);
}

/** Telegram's webhook secret in the two-messenger world (the emulator echoes what setWebhook gave). */
const TELEGRAM_SECRET = 'two-messengers-webhook-secret_0123456789';

export interface TwoMessengerWorld extends World {
  /** The Telegram of the same app: its people are `emulator.user(...)`. */
  emulator: TelegramEmulator;
}

/**
 * The same world with the Telegram bot on as well (webhook mode, against the Telegram emulator), for
 * people who move from one messenger to the other. Nothing sends in the background: `deliver()`
 * sends what is due on both messengers, so a Telegram step is followed by `deliver()` too.
 */
export async function startTwoMessengerWorld(databaseUrl: string): Promise<TwoMessengerWorld> {
  const emulator = await startTelegramEmulator();
  const api = await startFakeViberApi();
  const port = await freePort();
  const config = loadConfig({
    ...viberEnv(databaseUrl, api, 'b'.repeat(64)),
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/telegram`,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
  });
  const poruch = await composePoruch(config, { logger: pino({ level: 'silent' }) });
  await poruch.app.listen({ port, host: '127.0.0.1' });
  await poruch.telegram?.start(); // setWebhook: the emulator now posts to this app
  const world = worldOf(api, poruch, port, async () => {
    await api.close();
    await emulator.stop();
  });
  return { ...world, emulator };
}

/** Starts a world before the suite's tests and closes it after them; returns the running one. */
function inSuite<W extends World>(start: () => Promise<W>): () => W {
  let world: W | undefined;
  beforeAll(async () => {
    world = await start();
  });
  afterAll(() => world?.close());
  return () => {
    if (!world) throw new Error('the world runs only inside the hooks and tests of its suite');
    return world;
  };
}

/** Stands for the world `now()` returns, so that a suite can name it before its beforeAll ran. */
function standIn(now: () => World): World {
  return {
    get api() {
      return now().api;
    },
    get poruch() {
      return now().poruch;
    },
    get webhookUrl() {
      return now().webhookUrl;
    },
    person: (id, language) => now().person(id, language),
    deliver: () => now().deliver(),
    close: () => now().close(),
  };
}

/** The Viber world of one suite, on the suite's database: the setup of every Viber story. */
export function useViberWorld(backend: Backend): World {
  return standIn(inSuite(() => startWorld(backend.url)));
}

/** The two-messenger world of one suite, on the suite's database. */
export function useTwoMessengerWorld(backend: Backend): TwoMessengerWorld {
  const now = inSuite(() => startTwoMessengerWorld(backend.url));
  return Object.defineProperty(standIn(now), 'emulator', { get: () => now().emulator }) as TwoMessengerWorld;
}

/** The texts the bot sent to a Viber person so far, also those that came without an action of theirs. */
export function viberTextsTo(world: World, id: string): string[] {
  return world.api.sentTo(id).map((m) => String(m.text));
}
