// createStore(databaseUrl): the Store port of src/core, on SQLite or PostgreSQL.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Clock, type Repositories, type Store, systemClock } from '../core/ports.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import { auditLog } from './audit.js';
import { caseworkRepository } from './casework.js';
import { conversationStore } from './conversations.js';
import { directoryRepository } from './directory.js';
import { chatHandles } from './handles.js';
import { chatLimits } from './limits.js';
import { messageRepository } from './messages.js';
import { outboxWriter } from './outbox.js';
import { type Database, type DatabaseOptions, type DbTx, openDatabase } from './prisma.js';
import { processedUpdates } from './processed-updates.js';
import { recentMessages } from './recent-messages.js';
import { reporterCaseLookup } from './reporter-cases.js';
import { requestRepository } from './requests.js';
import { inviteRepository, notificationRepository, specialistRepository } from './specialists.js';
import type { Sql } from './sql.js';
import { staffAccessRepository } from './staff-access.js';

/** Chat handles need the key; a store opened without one (tools, some tests) refuses to touch them. */
const noCipher: HandleCipher = {
  lookupHash: () => {
    throw new Error('this store was opened without a handle key');
  },
  encrypt: () => {
    throw new Error('this store was opened without a handle key');
  },
  decrypt: () => {
    throw new Error('this store was opened without a handle key');
  },
};

/** Every row is stamped with `now()`, the app's clock, so that tests move time instead of sleeping. */
const repositoriesOn = (db: DbTx, sql: Sql, cipher: HandleCipher, now: () => Date): Repositories => ({
  requests: requestRepository(db, sql, now),
  messages: messageRepository(db, now),
  audit: auditLog(sql, now),
  handles: chatHandles(sql, cipher, now),
  updates: processedUpdates(sql, now),
  outbox: outboxWriter(sql, cipher, now),
  recentMessages: recentMessages(sql),
  conversations: conversationStore(sql, now),
  reporterCases: reporterCaseLookup(db),
  specialists: specialistRepository(db, sql),
  invites: inviteRepository(db),
  notifications: notificationRepository(db, now),
  limits: chatLimits(sql),
  casework: caseworkRepository(db, sql, cipher),
  staffAccess: staffAccessRepository(db),
});

export interface StoreWithDatabase extends Store {
  /** The underlying database, for storage code outside the core ports (e.g. the outbox dispatcher). */
  readonly database: Database;
}

export interface StoreOptions extends DatabaseOptions {
  /** Encrypts and hashes messenger ids; required for anything that touches chats. */
  cipher?: HandleCipher;
  /** Stamps created and updated rows (default: the system clock). */
  clock?: Clock;
}

type RepositoryName = keyof Repositories;
const REPOSITORY_NAMES: RepositoryName[] = [
  'requests',
  'messages',
  'audit',
  'handles',
  'updates',
  'outbox',
  'recentMessages',
  'conversations',
  'reporterCases',
  'specialists',
  'invites',
  'notifications',
  'limits',
  'casework',
  'staffAccess',
];

/** Opens the database (migrate it first: applyMigrations) and exposes it as the core's Store. */
export function createStore(databaseUrl: string, options: StoreOptions = {}): StoreWithDatabase {
  const database = openDatabase(databaseUrl, options);
  const { prisma } = database;
  const cipher = options.cipher ?? noCipher;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  // The transaction a piece of work runs in, if any. Repositories used inside it (also through
  // `store.requests` etc.) go to that transaction: on SQLite, a query outside it would wait for the
  // write lock the transaction itself holds.
  const ambient = new AsyncLocalStorage<Repositories>();
  const outside = repositoriesOn(prisma, database.sql, cipher, now);
  const current = () => ambient.getStore() ?? outside;

  const store = {
    database,
    directory: directoryRepository(prisma, now),
    transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
      const joined = ambient.getStore();
      if (joined) return work(joined);
      return database.transaction(({ db, sql }) => {
        const repositories = repositoriesOn(db, sql, cipher, now);
        return ambient.run(repositories, () => work(repositories));
      });
    },
    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: () => database.close(),
  };
  for (const name of REPOSITORY_NAMES) {
    Object.defineProperty(store, name, { get: () => current()[name], enumerable: true });
  }
  return store as StoreWithDatabase;
}
