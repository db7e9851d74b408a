import type { FastifyPluginAsync } from 'fastify';

export interface HealthDeps {
  database: { ping(): Promise<void> };
  /** Channels that are switched on, for operators ("telegram: webhook", "viber: off"). */
  channels?: () => Record<string, string>;
}

export function healthRoutes(deps: HealthDeps): FastifyPluginAsync {
  return async (app) => {
    // Answered even under pressure: it reports whether the process and database are alive, and a
    // container marked unhealthy during a burst would only be restarted for nothing.
    app.get('/health', { config: { pressureHandler: () => undefined } }, async (_request, reply) => {
      const started = performance.now();
      let database: 'ok' | 'unreachable' = 'ok';
      try {
        await deps.database.ping();
      } catch (error) {
        database = 'unreachable';
        app.log.error({ err: error }, 'health: database ping failed');
      }
      const body = {
        status: database === 'ok' ? 'ok' : 'degraded',
        database,
        databaseLatencyMs: Math.round((performance.now() - started) * 10) / 10,
        channels: deps.channels?.() ?? {},
        uptimeSeconds: Math.round(process.uptime()),
      };
      return reply.status(database === 'ok' ? 200 : 503).send(body);
    });
  };
}
