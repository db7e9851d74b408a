// Registers the webhook with Viber (npm run viber:set-webhook). Viber verifies the URL at once by
// POSTing a signed `webhook` event to it, so the service must already be running there.
import { type Config, ConfigError, loadConfig } from '../../config.js';
import { createViberClient, describeApiError } from './client.js';

/** Without message/conversation events nothing works; message is always sent and cannot be listed. */
export const WEBHOOK_EVENT_TYPES = [
  'delivered',
  'seen',
  'failed',
  'subscribed',
  'unsubscribed',
  'conversation_started',
] as const;

export interface SetWebhookReport {
  exitCode: 0 | 1;
  lines: string[];
}

export async function setViberWebhook(env: Record<string, string | undefined>): Promise<SetWebhookReport> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return { exitCode: 1, lines: [error.message] };
    throw error;
  }
  const viber = config.viber;
  if (!viber.enabled) {
    return { exitCode: 1, lines: ['Viber is not configured: set VIBER_AUTH_TOKEN (and VIBER_WEBHOOK_URL).'] };
  }
  if (!viber.webhookUrl) {
    return {
      exitCode: 1,
      lines: [
        'VIBER_WEBHOOK_URL is not set: the public https URL of this service, e.g. https://poruch.example/webhooks/viber',
      ],
    };
  }
  const client = createViberClient({ apiUrl: viber.apiUrl, authToken: viber.authToken, timeoutMs: 30_000 });
  const result = await client.setWebhook(viber.webhookUrl, WEBHOOK_EVENT_TYPES);
  if (!result.ok) {
    const hint = result.error.kind === 'status' && result.error.message ? ` (${result.error.message})` : '';
    return {
      exitCode: 1,
      lines: [`Viber refused the webhook ${viber.webhookUrl}: ${describeApiError(result.error)}${hint}`],
    };
  }
  return {
    exitCode: 0,
    lines: [
      `Viber webhook set to ${viber.webhookUrl}`,
      `Events: ${result.value.eventTypes.join(', ') || '(none reported)'}`,
    ],
  };
}
