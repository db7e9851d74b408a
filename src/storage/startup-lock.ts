// One instance at a time through start-up work that must happen once per database: applying
// migrations and loading the bundled centre directory into an empty database.
//
// Why: two instances started together on an empty PostgreSQL both found no centres and both wrote
// the directory; one died with P2002 on AdminUnit (6 of 6 starts). Prisma's migrate already takes its
// own advisory lock (72707369) around applying migrations, but nothing covered "is the directory
// empty? then load it". Under this lock the second instance waits, then finds the directory loaded.
//
// PostgreSQL: a session-level advisory lock on a connection of its own, held for the whole work and
// released when that connection ends (so a crashed instance never leaves it taken). The key differs
// from Prisma's, whose schema engine takes its lock on another connection inside our work.
// SQLite: one file on one machine; the work runs as it is (BEGIN IMMEDIATE already serializes writes).
import pg from 'pg';
import { providerOf } from './database-url.js';

/** "poruch:start" as a number; any constant other instances of Poruch agree on would do. */
export const STARTUP_LOCK_KEY = 7_061_727_312;

export async function withStartupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  if (providerOf(databaseUrl) === 'sqlite') return work();
  const client = new pg.Client({ connectionString: databaseUrl });
  // A broken connection while we wait or work surfaces in the query or in end(), not as a crash.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    // Ending the session releases the lock even if the unlock statement failed.
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
