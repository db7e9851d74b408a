// Composition root: config → everything else (src/compose.ts) → listen. Shuts down gracefully.

import { composePoruch } from './compose.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const poruch = await composePoruch(config);
  const { app, logger } = poruch;
  const address = await app.listen({ host: config.host, port: config.port });
  logger.info(
    { address, database: config.databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql' },
    'Poruch is listening',
  );
  console.log(`Poruch is listening on ${address} (health: ${address}/health)`);
  await poruch.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await poruch.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('Poruch failed to start:', error);
  process.exit(1);
});
