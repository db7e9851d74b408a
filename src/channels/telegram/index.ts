// The Telegram channel as the composition root sees it: a Messenger for the outbox, the webhook
// route (webhook mode) and start/stop (setWebhook, or the polling loop).
import type { FastifyPluginAsync } from 'fastify';
import type { Telegram } from 'telegraf';
import type { Config } from '../../config.js';
import type { Inbox, Logger, Messenger } from '../../core/ports/index.js';
import { createTelegramClient } from './client.js';
import { createTelegramMessenger } from './messenger.js';
import { type Polling, type PollingOptions, startPolling } from './polling.js';
import type { RenderText } from './renderer.js';
import { createUpdateHandler, createUpdateProcessor, errorSummary, type HandleUpdate } from './updates.js';
import { setTelegramWebhook, telegramWebhook } from './webhook.js';

export type { RenderText } from './renderer.js';
export { TELEGRAM_TEXTS } from './renderer.js';
export type { HandleUpdate, UpdateOutcome } from './updates.js';

export type TelegramConfig = Config['telegram'];

export interface TelegramChannelDeps {
  config: TelegramConfig;
  inbox: Inbox;
  render: RenderText;
  logger: Logger;
  /** Polling tuning; tests against an emulator that answers getUpdates at once set idleDelayMs. */
  polling?: Pick<PollingOptions, 'timeoutSeconds' | 'idleDelayMs' | 'errorDelayMs' | 'maxErrorDelayMs'>;
}

export interface TelegramChannel {
  readonly mode: 'polling' | 'webhook';
  readonly messenger: Messenger;
  /** The webhook route plugin for buildApp; null in polling mode. */
  readonly routes: FastifyPluginAsync | null;
  /** The API client, for scripts (e.g. setting the webhook by hand). */
  readonly telegram: Telegram;
  readonly handleUpdate: HandleUpdate;
  /** Webhook mode: registers the webhook with Telegram. Polling mode: starts the loop. */
  start(): Promise<void>;
  /** Stops polling after the update in hand; nothing to do in webhook mode (fastify closes the route). */
  stop(): Promise<void>;
}

/** Builds the channel, or returns null when Telegram is switched off. Makes no network call. */
export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel | null {
  const { config, logger } = deps;
  if (config.mode === 'off') return null;
  const telegram = createTelegramClient({ token: config.token, apiRoot: config.apiRoot });
  const messenger = createTelegramMessenger({ telegram, render: deps.render });
  const handleUpdate = createUpdateHandler({ inbox: deps.inbox, telegram, logger });
  const common = { messenger, telegram, handleUpdate };

  if (config.mode === 'webhook') {
    const path = new URL(config.webhookUrl).pathname;
    return {
      ...common,
      mode: 'webhook',
      routes: telegramWebhook({
        path,
        secret: config.webhookSecret,
        processUpdate: createUpdateProcessor(deps),
      }),
      async start() {
        // Not fatal: Telegram keeps the webhook from the previous start, and a restart retries.
        try {
          await setTelegramWebhook(telegram, config.webhookUrl, config.webhookSecret);
          logger.info({ path }, 'telegram webhook set');
        } catch (error) {
          logger.error({ err: errorSummary(error) }, 'telegram: setWebhook failed; updates may not arrive');
        }
      },
      async stop() {},
    };
  }

  let polling: Polling | null = null;
  return {
    ...common,
    mode: 'polling',
    routes: null,
    async start() {
      if (polling) return;
      // Telegram refuses getUpdates while a webhook is set (409), e.g. after switching modes.
      try {
        await telegram.deleteWebhook({ drop_pending_updates: false });
      } catch (error) {
        logger.warn({ err: errorSummary(error) }, 'telegram: deleteWebhook failed before polling');
      }
      polling = startPolling({ telegram, handleUpdate, logger, ...deps.polling });
    },
    async stop() {
      const running = polling;
      polling = null;
      await running?.stop();
    },
  };
}
