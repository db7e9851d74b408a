// The outbox dispatcher as compose.ts wires it: the rate limits from the config, a lease owner name
// per instance, and on PostgreSQL its own small connection pool and LISTEN/NOTIFY between instances.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { deliveryRules } from './core/delivery/limits.js';
import type { Channel } from './core/model.js';
import type { Clock, Messenger } from './core/ports/index.js';
import type { HandleCipher } from './crypto/handle-cipher.js';
import { createOutboxDispatcher, type OutboxDispatcher } from './jobs/outbox-dispatcher.js';
import { deliveryQueue } from './storage/outbox.js';
import { listenForOutbox } from './storage/outbox-signal.js';
import { outboxStatisticsSettled } from './storage/outbox-statistics.js';
import { openDatabase } from './storage/prisma.js';
import type { StoreWithDatabase } from './storage/store.js';

export interface Outbox {
  dispatcher: OutboxDispatcher;
  /** Something was queued here: send it, and tell the other instances. */
  queued(): void;
  close(): Promise<void>;
}

/**
 * On PostgreSQL the dispatcher's few, short queries get their own connections: in the shared pool
 * they queued behind intake's transactions during a burst, and the outbox sent almost nothing.
 */
const DISPATCHER_CONNECTIONS = 3;

export async function composeOutbox(
  config: Config,
  deps: {
    store: StoreWithDatabase;
    cipher: HandleCipher;
    messengers: Partial<Record<Channel, Messenger>>;
    clock: Clock;
    logger: Logger;
  },
): Promise<Outbox> {
  const owner = randomUUID();
  const postgres = deps.store.database.provider === 'postgresql';
  const database = postgres
    ? openDatabase(config.databaseUrl, {
        maxConnections: DISPATCHER_CONNECTIONS,
        transactionConnections: DISPATCHER_CONNECTIONS,
      })
    : deps.store.database;
  const chatPerSecond = config.chatMessagesPerSecond;
  const rules = {
    TELEGRAM: deliveryRules({ botPerSecond: config.telegramMessagesPerSecond, chatPerSecond }),
    VIBER: deliveryRules({ botPerSecond: config.viberMessagesPerSecond, chatPerSecond }),
  };
  const dispatcher = createOutboxDispatcher({
    queue: deliveryQueue(database, deps.cipher, { owner, rules }),
    messengers: deps.messengers,
    clock: deps.clock,
    logger: deps.logger,
  });
  const signal = postgres
    ? await listenForOutbox(config.databaseUrl, owner, () => dispatcher.wake(), deps.logger)
    : null;
  return {
    dispatcher,
    queued() {
      dispatcher.wake();
      signal?.announce();
    },
    async close() {
      await dispatcher.stop();
      await signal?.close();
      await outboxStatisticsSettled(database); // an ANALYZE a last round started
      if (database !== deps.store.database) await database.close();
    },
  };
}
