// The retention steps of core/retention as SQL: one conditional statement each (a DELETE, or an
// UPDATE that empties what identifies or describes a person), so a step is atomic, idempotent and
// safe when two instances run it at once; the same condition counts rows for a dry run.
import type { Cutoffs, RetentionStep, RetentionStore } from '../core/retention/policy.js';
import type { Database } from './prisma.js';
import type { SqlValue } from './sql.js';

interface StepSql {
  table: string;
  where: string;
  whereParams(due: Cutoffs): SqlValue[];
  /** Absent: the rows are deleted. */
  set?: { clause: string; params(now: Date): SqlValue[] };
}

const CLOSED_BEFORE = `"status" = 'CLOSED' AND "closedAt" < ?`;
const isHandle = (alias: string, column: string) => `${alias}."${column}" = "ChatHandle"."id"`;
const NO_SPECIALIST = `NOT EXISTS (SELECT 1 FROM "Specialist" s WHERE ${isHandle('s', 'handleId')})`;
const NOT_ACTIVE_SINCE = `NOT EXISTS (SELECT 1 FROM "Conversation" c WHERE ${isHandle('c', 'handleId')} AND c."updatedAt" >= ?)`;

const STEPS: Record<RetentionStep, StepSql> = {
  processedUpdates: {
    table: 'ProcessedUpdate',
    where: '"createdAt" < ?',
    whereParams: (due) => [due.processedUpdates],
  },
  recentMessageIds: {
    table: 'RecentMessage',
    where: '"createdAt" < ?',
    whereParams: (due) => [due.recentMessageIds],
  },
  sentOutbox: {
    table: 'OutboxMessage',
    // A notification of a case still open may yet be edited ("claimed by a colleague").
    where: `"status" = 'SENT' AND "sentAt" < ? AND NOT EXISTS (
      SELECT 1 FROM "Notification" n JOIN "Request" r ON r."id" = n."requestId"
      WHERE n."outboxId" = "OutboxMessage"."id" AND r."status" <> 'CLOSED')`,
    whereParams: (due) => [due.sentOutbox],
  },
  failedOutbox: {
    table: 'OutboxMessage',
    where: `"status" IN ('DEAD', 'UNREACHABLE') AND "createdAt" < ?`,
    whereParams: (due) => [due.failedOutbox],
  },
  heldOutbox: {
    table: 'OutboxMessage',
    where: `"status" = 'HELD' AND ("createdAt" < ? OR "handleId" IN (
      SELECT "id" FROM "ChatHandle" WHERE "forgottenAt" IS NOT NULL))`,
    whereParams: (due) => [due.heldOutbox],
  },
  idleConversations: {
    table: 'Conversation',
    where: '"updatedAt" < ?',
    whereParams: (due) => [due.idleConversations],
  },
  caseThreads: {
    table: 'Message',
    where: `"text" <> '' AND "requestId" IN (SELECT "id" FROM "Request" WHERE ${CLOSED_BEFORE})`,
    whereParams: (due) => [due.caseThreads],
    set: { clause: `"text" = ''`, params: () => [] },
  },
  closedCases: {
    table: 'Request',
    where: `"anonymisedAt" IS NULL AND ${CLOSED_BEFORE}`,
    whereParams: (due) => [due.closedCases],
    set: {
      clause: `"description" = '', "contactPhone" = NULL, "contactPreference" = NULL, "approxLat" = NULL,
        "approxLon" = NULL, "continuationHash" = NULL, "anonymisedAt" = ?`,
      params: (now) => [now],
    },
  },
  reporterHandles: {
    table: 'ChatHandle',
    // Every case of the handle is past retention and the chat is idle: the handle stays as the
    // anonymous marker of "one person" for the statistics, with nothing that leads to them.
    where: `"forgottenAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Request" r WHERE ${isHandle('r', 'reporterHandleId')})
      AND NOT EXISTS (SELECT 1 FROM "Request" r WHERE ${isHandle('r', 'reporterHandleId')}
        AND NOT (r."status" = 'CLOSED' AND r."closedAt" < ?))
      AND ${NO_SPECIALIST} AND ${NOT_ACTIVE_SINCE}`,
    whereParams: (due) => [due.closedCases, due.reporterHandles],
    set: {
      clause: `"encryptedId" = '', "lookupHash" = 'retired:' || "id", "locale" = NULL, "forgottenAt" = ?`,
      params: (now) => [now],
    },
  },
  idleChats: {
    table: 'ChatHandle',
    // Someone who only looked around, long ago: nothing of theirs needs the handle.
    where: `"forgottenAt" IS NULL AND "createdAt" < ?
      AND NOT EXISTS (SELECT 1 FROM "Request" r WHERE ${isHandle('r', 'reporterHandleId')})
      AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE ${isHandle('o', 'handleId')})
      AND ${NO_SPECIALIST} AND ${NOT_ACTIVE_SINCE}`,
    whereParams: (due) => [due.idleChats, due.idleChats],
  },
};

export function retentionStore(database: Pick<Database, 'sql' | 'provider'>): RetentionStore {
  const { sql } = database;
  return {
    async count(step, due) {
      const { table, where, whereParams } = STEPS[step];
      const [row] = await sql.all<{ n: number | string }>(
        `SELECT COUNT(*) AS "n" FROM "${table}" WHERE ${where}`,
        whereParams(due),
      );
      return Number(row?.n ?? 0);
    },
    apply(step, due, now) {
      const { table, where, whereParams, set } = STEPS[step];
      if (!set) return sql.run(`DELETE FROM "${table}" WHERE ${where}`, whereParams(due));
      return sql.run(`UPDATE "${table}" SET ${set.clause} WHERE ${where}`, [
        ...set.params(now),
        ...whereParams(due),
      ]);
    },
    async settle() {
      // The WAL still holds the pages as they were before the run; folding it into the file (where
      // secure_delete zeroed the old content) and truncating it leaves no copy behind.
      if (database.provider === 'sqlite') await sql.all('PRAGMA wal_checkpoint(TRUNCATE)');
    },
  };
}
