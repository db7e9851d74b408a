// buildApp assembles the HTTP surface from already-built dependencies. It never listens, so tests
// drive it with app.inject and main.ts decides where it runs.
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

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.loggerInstance ? { loggerInstance: deps.loggerInstance } : { logger: deps.logger ?? false }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a reverse proxy the client address is in X-Forwarded-For; it is not used for anything else.
    trustProxy: true,
  });
  registerErrorHandler(app);
  await app.register(healthRoutes(deps));
  for (const routes of deps.routes ?? []) await app.register(routes);
  return app;
}
