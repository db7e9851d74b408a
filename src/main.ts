// Composition root: .env and config → everything else (src/compose.ts) → listen. On SIGTERM or
// SIGINT it shuts down gracefully within Docker's default grace period (10 s before SIGKILL).
import { composePoruch } from './compose.js';
import { ConfigError, loadConfig, loadEnvFile } from './config.js';
import { createLogger } from './logger.js';

/** Docker sends SIGKILL 10 s after SIGTERM; exit on our own terms a little before that. */
const SHUTDOWN_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  loadEnvFile();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // No configuration yet to take the level from: log as in development (pretty on a terminal).
    createLogger({ logLevel: 'info', env: 'development' }).fatal({ problems: error.problems }, error.message);
    process.exitCode = 1;
    return;
  }

  const poruch = await composePoruch(config);
  const { app, logger } = poruch;
  const address = await app.listen({ host: config.host, port: config.port });
  logger.info(
    {
      address,
      health: `${address}/health`,
      database: config.databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql',
    },
    'Poruch is listening (Ctrl+C or SIGTERM stops it)',
  );
  await poruch.start();

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: no new updates, finishing the work in hand');
    const deadline = setTimeout(() => {
      logger.error({ afterMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting now');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    let code = 0;
    try {
      await poruch.close();
      logger.info('stopped');
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      code = 1;
    }
    // Everything Poruch opened is closed; exit even if a library left a handle behind.
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  createLogger({ logLevel: 'info', env: 'development' }).fatal({ err: error }, 'Poruch failed to start');
  // What was opened before the failure (database pool, timers) must not keep the process alive.
  process.exit(1);
});
