// An ORM transaction inside one of our own native transactions (SQLite's BEGIN IMMEDIATE, or a
// PostgreSQL transaction on a held connection): Prisma asks its driver adapter for a transaction,
// and gets a savepoint on the same connection, committed or undone on its own. Built only on the
// public driver-adapter interface (queryRaw / executeRaw of the adapter Prisma gave us).
import type { SqlDriverAdapter, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** The queries of a transaction object that run straight on `inner`'s connection. */
export function nestable(inner: SqlDriverAdapter) {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q: SqlQuery) => inner.queryRaw(q),
    executeRaw: (q: SqlQuery) => inner.executeRaw(q),
    createSavepoint: async (name: string) => void (await inner.executeRaw(statement(`SAVEPOINT ${name}`))),
    rollbackToSavepoint: async (name: string) =>
      void (await inner.executeRaw(statement(`ROLLBACK TO SAVEPOINT ${name}`))),
    releaseSavepoint: async (name: string) =>
      void (await inner.executeRaw(statement(`RELEASE SAVEPOINT ${name}`))),
  };
}

export async function savepoint(inner: SqlDriverAdapter, name: string): Promise<Transaction> {
  await inner.executeRaw(statement(`SAVEPOINT ${name}`));
  return {
    ...nestable(inner),
    // No COMMIT / ROLLBACK statements from Prisma: the outer transaction owns those.
    options: { usePhantomQuery: true },
    commit: async () => void (await inner.executeRaw(statement(`RELEASE SAVEPOINT ${name}`))),
    rollback: async () => {
      await inner.executeRaw(statement(`ROLLBACK TO SAVEPOINT ${name}`));
      await inner.executeRaw(statement(`RELEASE SAVEPOINT ${name}`));
    },
  };
}
