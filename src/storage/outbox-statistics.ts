// Fresh planner statistics for the outbox on PostgreSQL while a backlog builds.
//
// Why: the dispatcher's heads query (outbox-round.ts) is fast only when PostgreSQL knows how many
// entries are PENDING: it then walks the (status, priority, createdAt) index and stops after a
// page of heads (1.5 ms with 8,700 entries waiting). Autovacuum refreshes the statistics at most
// once a minute, and only after enough rows changed; during a burst they still describe the quiet
// table of a minute ago, and the planner joins and sorts the whole backlog on every round instead.
// Measured during `npm run bench -- --postgres` on a new database: the round grew from 1 ms to
// 576 ms as 9,000 replies queued, several rounds a second, most of a core taken from intake.
// The chat handles and the chats' buckets are analyzed too: on a new database the planner also took
// ChatHandle for a table of 7 rows and drove the whole query from it. After ANALYZE the same round
// took 0.9-2.3 ms. The three tables took ~80 ms to analyze at that size (load 10), so doing it at most
// every 15 s while the dispatcher sees a full page of candidates costs under 1 % of a core.
// SQLite plans without such statistics.
//
// The ANALYZE runs beside the round's sends, not before them: it waits for any other ANALYZE or
// VACUUM of these tables (another instance's, autovacuum's, which PostgreSQL cancels only after
// deadlock_timeout), and the entries the round just leased, emergency numbers among them, must not
// wait with it. A failed ANALYZE costs only the stale plan, so it is dropped; the next backlogged
// round after 15 s tries again.
import type { Database } from './prisma.js';

export const STATISTICS_EVERY_MS = 15_000;

const analyzedAt = new WeakMap<Database, number>();
const running = new WeakMap<Database, Promise<void>>();

/**
 * After a round that found a full page of candidates (a backlog): start an ANALYZE, at most every
 * 15 s and one at a time. Returns whether it started one.
 */
export function refreshOutboxStatistics(database: Database, nowMs: number): boolean {
  if (database.provider !== 'postgresql' || running.has(database)) return false;
  const last = analyzedAt.get(database);
  if (last !== undefined && nowMs - last < STATISTICS_EVERY_MS) return false;
  analyzedAt.set(database, nowMs);
  const analyzing = database.sql
    .run('ANALYZE "OutboxMessage", "ChatHandle", "SendPace"', [])
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => running.delete(database));
  running.set(database, analyzing);
  return true;
}

/** Resolves when no ANALYZE started here is still running (tests; shutdown). */
export async function outboxStatisticsSettled(database: Database): Promise<void> {
  await running.get(database);
}
