// Logs must never carry message text or a messenger id. Request bodies are not logged at all, and
// the fields that could hold such data are redacted as a second line of defence. Everything the
// server says goes through this one pino logger: JSON lines in production (for log collectors),
// coloured lines through pino-pretty for a person at a terminal in development.
import { type Logger, type LoggerOptions, pino } from 'pino';
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

/** Pretty only in development on a terminal: piped or collected output stays JSON. */
export const wantsPrettyLogs = (env: Config['env'], isTTY = process.stdout.isTTY === true): boolean =>
  env === 'development' && isTTY;

export function loggerOptions(config: Pick<Config, 'logLevel' | 'env'>): LoggerOptions {
  return {
    level: config.logLevel,
    // A worker thread formats the lines; pino flushes it when the process exits.
    ...(wantsPrettyLogs(config.env) && {
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
      },
    }),
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

export function createLogger(config: Pick<Config, 'logLevel' | 'env'>): Logger {
  return pino(loggerOptions(config));
}
