// The Viber channel: webhook (inbound), messenger (outbound through the outbox), and the REST client
// both use. No viber-bot code is involved; docs/viber.md explains why.
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Inbox, Logger, Messenger } from '../../core/ports/index.js';
import { createViberClient, describeApiError, type ViberClient, type ViberSender } from './client.js';
import { createViberMessenger } from './messenger.js';
import type { RenderText } from './renderer.js';
import { VIBER_STATUS } from './status.js';
import { viberWebhook } from './webhook.js';
import { DEFAULT_WELCOME } from './welcome.js';

export type ViberConfig = Extract<Config['viber'], { enabled: true }>;

export interface ViberChannelDeps {
  config: ViberConfig;
  inbox: Inbox;
  render: RenderText;
  logger: Logger;
  /** The first question, sent before the person subscribes; defaults to the language choice. */
  welcome?: Reply;
}

export interface ViberChannel {
  messenger: Messenger;
  /** Register with buildApp({ routes }). */
  routes: FastifyPluginAsync;
  /** Where the webhook listens locally (the path of VIBER_WEBHOOK_URL). */
  webhookPath: string;
  client: ViberClient;
  /** Checks the token with get_account_info; throws only when Viber rejects the token itself. */
  start(): Promise<void>;
  /** Aborts API calls still in flight. */
  stop(): Promise<void>;
}

export const DEFAULT_WEBHOOK_PATH = '/webhooks/viber';

export function webhookPathOf(config: ViberConfig): string {
  return config.webhookUrl ? new URL(config.webhookUrl).pathname : DEFAULT_WEBHOOK_PATH;
}

export function createViberChannel(deps: ViberChannelDeps): ViberChannel {
  const { config, logger } = deps;
  const stopping = new AbortController();
  const client = createViberClient({
    apiUrl: config.apiUrl,
    authToken: config.authToken,
    signal: stopping.signal,
  });
  const sender: ViberSender = {
    name: config.botName,
    ...(config.avatarUrl ? { avatar: config.avatarUrl } : {}),
  };
  const webhookPath = webhookPathOf(config);

  return {
    messenger: createViberMessenger({ client, sender, render: deps.render, logger }),
    routes: viberWebhook({
      path: webhookPath,
      authToken: config.authToken,
      inbox: deps.inbox,
      render: deps.render,
      sender,
      welcome: deps.welcome ?? DEFAULT_WELCOME,
      logger,
    }),
    webhookPath,
    client,
    async start() {
      const account = await client.getAccountInfo();
      if (account.ok) {
        logger.info(
          { account: account.value.name, webhookSet: Boolean(account.value.webhook) },
          'viber: ready',
        );
        return;
      }
      const { error } = account;
      if (error.kind === 'status' && error.status === VIBER_STATUS.invalidAuthToken) {
        throw new Error(`Viber rejected VIBER_AUTH_TOKEN: ${describeApiError(error)}`);
      }
      // Viber unreachable at start: the webhook still works and the outbox retries sends.
      logger.warn({ reason: describeApiError(error) }, 'viber: account check failed, continuing');
    },
    async stop() {
      stopping.abort();
    },
  };
}

export type { RenderText } from './renderer.js';
