// Logs must never carry message text or a messenger id. Request bodies are not logged at all, and
// the fields that could hold such data are redacted as a second line of defence.
import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

export const REDACTED_PATHS = [
  'req.body',
  'body',
  'text',
  'message.text',
  'update',
  'chatId',
  'platformId',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-viber-content-signature"]',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function loggerOptions(config: Pick<Config, 'logLevel' | 'env'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Query strings may carry signatures (Viber's ?sig=), so only the path is logged.
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        // A console sign-in link's token is a secret until spent: never in a log.
        path: req.url.split('?')[0]?.replace(/^\/console\/login\/[^/]+/, '/console/login/[token]'),
        id: req.id,
      }),
    },
  };
}
