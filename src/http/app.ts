// buildApp assembles the HTTP surface from already-built dependencies. It never listens, so tests
// drive it with app.inject and main.ts decides where it runs.
import underPressure from '@fastify/under-pressure';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
} from 'fastify';
import { registerErrorHandler } from './errors.js';
import { type HealthDeps, healthRoutes } from './health.js';

export interface AppDeps extends HealthDeps {
  logger?: FastifyServerOptions['logger'];
  /** A logger shared with the rest of the app (takes precedence over `logger`). */
  loggerInstance?: FastifyBaseLogger;
  /** Channel webhooks, specialist pages and other route plugins, registered in order. */
  routes?: FastifyPluginAsync[];
}

/** Telegram updates are a few KB; anything near this limit is hostile and gets a clean 413. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * An update takes milliseconds; with the event loop a second behind, new requests would only queue
 * up. They get 503 with Retry-After instead, and Telegram and Viber deliver them again later.
 * (Event-loop utilisation is not a limit: a busy but healthy server runs near 1.0 in a burst.)
 */
export const MAX_EVENT_LOOP_DELAY_MS = 1_000;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.loggerInstance ? { loggerInstance: deps.loggerInstance } : { logger: deps.logger ?? false }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a reverse proxy the client address is in X-Forwarded-For; it is not used for anything else.
    trustProxy: true,
    // The whole request (headers and body) must arrive within 30 s, so slow clients cannot hold
    // sockets open; idle keep-alive connections live longer than a proxy's usual 60 s.
    requestTimeout: 30_000,
    keepAliveTimeout: 72_000,
    // During shutdown (app.close) new requests get 503 while those in flight finish.
    return503OnClosing: true,
  });
  registerErrorHandler(app);
  await app.register(underPressure, { maxEventLoopDelay: MAX_EVENT_LOOP_DELAY_MS, retryAfter: 10 });
  await app.register(healthRoutes(deps));
  for (const routes of deps.routes ?? []) await app.register(routes);
  return app;
}
