// The whole of Poruch (composePoruch: real database, conversation engine, outbox, i18n) in webhook
// mode against the Telegram emulator, listening on a real port. Logs are kept in memory so that
// stories can check what they never contain.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { composePoruch, type Poruch } from '../../../src/compose.js';
import { configSchema } from '../../../src/config.js';
import type { Text } from '../../../src/core/conversation/types.js';
import type { Locale } from '../../../src/core/model.js';
import type { Clock } from '../../../src/core/ports/index.js';
import { loggerOptions } from '../../../src/logger.js';
import type { Backend } from '../../helpers/db.js';
import { freshInvite } from '../../helpers/invites.js';
import {
  freePort,
  startTelegramEmulator,
  type TelegramEmulator,
  type TestUser,
} from '../../helpers/telegram-emulator.js';
import { report } from './reporting.js';

export const WEBHOOK_SECRET = 'stories-webhook-secret_0123456789';

export interface RunningPoruch {
  poruch: Poruch;
  webhookUrl: string;
  logs: string[];
  /** The text a person sees for a locale key, rendered by the app's own i18n. */
  text(key: string, locale: Locale, params?: Text['params']): string;
  close(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  emulator: TelegramEmulator;
  /** Reuse a port (a restart keeps the webhook URL Telegram knows). */
  port?: number;
  /** Reuse the key: a restarted app must still decrypt the chat handles it stored. */
  handleKey?: string;
  /** The app's clock (retention, deadlines); the real one by default. */
  clock?: Clock;
}

export const newHandleKey = () => randomBytes(32).toString('hex');

export async function startPoruch(
  options: StartOptions,
): Promise<RunningPoruch & { port: number; handleKey: string }> {
  const port = options.port ?? (await freePort());
  const handleKey = options.handleKey ?? newHandleKey();
  const webhookUrl = `http://127.0.0.1:${port}/telegram/webhook`;
  const config = configSchema.parse({
    env: 'test',
    logLevel: 'debug',
    databaseUrl: options.databaseUrl,
    handleKey,
    centresFile: path.resolve('data/centres/donetska.json'),
    // The stories are about conversations, not pacing (tests/integration/jobs): no waiting for buckets.
    telegramMessagesPerSecond: 1000,
    chatMessagesPerSecond: 1000,
    publicUrl: `http://127.0.0.1:${port}`,
    // The staff console's queue page refreshes every second: browser tests wait for it.
    consoleRefreshSeconds: 1,
    telegram: {
      mode: 'webhook',
      token: options.emulator.token,
      apiRoot: options.emulator.apiRoot,
      webhookUrl,
      webhookSecret: WEBHOOK_SECRET,
    },
    viber: { enabled: false },
  });
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions(config) as object, stream);
  const poruch = await composePoruch(config, { logger, ...(options.clock && { clock: options.clock }) });
  await poruch.app.listen({ port, host: '127.0.0.1' });
  await poruch.start();
  return {
    poruch,
    port,
    handleKey,
    webhookUrl,
    logs,
    text: (key, locale, params) => poruch.i18n.render(params ? { key, params } : { key }, locale),
    close: () => poruch.close(),
  };
}

/** Poruch on the emulator for the tests of one suite; usable inside its hooks and tests. */
export interface PoruchOnEmulator extends RunningPoruch {
  /** The Telegram the people of the story write in. */
  readonly emulator: TelegramEmulator;
  /** The process stops and starts again on the same database, URL and key (and clock). */
  restart(): Promise<void>;
}

/**
 * Starts the emulator and Poruch on the suite's database before its tests and stops both after
 * them: every Telegram story's setup, in one place. The returned world always stands for the app
 * now running, also after `restart()`.
 */
export function usePoruchOnEmulator(
  backend: Backend,
  options: Pick<StartOptions, 'clock'> = {},
): PoruchOnEmulator {
  let emulator: TelegramEmulator | undefined;
  let running: Awaited<ReturnType<typeof startPoruch>> | undefined;
  const started = () => {
    if (!emulator || !running) throw new Error('Poruch runs only inside the hooks and tests of its suite');
    return { emulator, running };
  };
  const start = (on: TelegramEmulator, again?: { port: number; handleKey: string }) =>
    startPoruch({ databaseUrl: backend.url, emulator: on, ...options, ...again });

  beforeAll(async () => {
    emulator = await startTelegramEmulator();
    running = await start(emulator);
  });
  afterAll(async () => {
    await running?.close();
    await emulator?.stop();
  });

  return {
    get emulator() {
      return started().emulator;
    },
    get poruch() {
      return started().running.poruch;
    },
    get webhookUrl() {
      return started().running.webhookUrl;
    },
    get logs() {
      return started().running.logs;
    },
    text: (key, locale, params) => started().running.text(key, locale, params),
    close: () => started().running.close(),
    restart: async () => {
      const { emulator: on, running: before } = started();
      await before.close();
      running = await start(on, { port: before.port, handleKey: before.handleKey });
    },
  };
}

/** Posts a raw update to the webhook as Telegram would (or as a forger would, with another secret). */
export async function postUpdate(url: string, body: unknown, secret: string | null = WEBHOOK_SECRET) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
  return fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Enrols a chat as a specialist of the centre with a fresh invite code; returns the (spent) code. */
export async function enrolSpecialist(
  running: RunningPoruch,
  user: TestUser,
  centreId: string,
  role: 'SPECIALIST' | 'ADMIN' = 'SPECIALIST',
  name?: string,
): Promise<string> {
  const code = await freshInvite(running.poruch, centreId, role, name);
  await user.command(`/join ${code}`);
  const [welcome] = await user.until((m) => m.text === running.text('specialist.help', 'uk'));
  if (!welcome?.text.includes('Вітаємо')) throw new Error(`enrolment failed: ${welcome?.text}`);
  return code;
}

/** A neighbour reports a child left alone in Kramatorsk, in Ukrainian; returns the case code. */
export function reportChildLeftAlone(
  running: RunningPoruch,
  reporter: TestUser,
  description: string,
): Promise<string> {
  return report(reporter, running.text, description);
}
