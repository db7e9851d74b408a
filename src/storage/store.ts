// createStore(databaseUrl): the Store port of src/core, on SQLite or PostgreSQL.
import { type Clock, type Repositories, type Store, systemClock } from '../core/ports/index.js';
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

/** Opens the database (migrate it first: applyMigrations) and exposes it as the core's Store. */
export function createStore(databaseUrl: string, options: StoreOptions = {}): StoreWithDatabase {
  const database = openDatabase(databaseUrl, options);
  const { prisma } = database;
  const cipher = options.cipher ?? noCipher;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const store: StoreWithDatabase = {
    // Outside any transaction: each call stands alone (on SQLite it waits for a running transaction).
    ...repositoriesOn(prisma, database.sql, cipher, now),
    database,
    directory: directoryRepository(prisma, now),
    // Always a new transaction: work inside is handed `tx` and passes it on; it never opens another.
    transaction: (work) => database.transaction(({ db, sql }) => work(repositoriesOn(db, sql, cipher, now))),
    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: () => database.close(),
  };
  return store;
}
