// Message ids of each chat's last 48 hours (never text), for /erase: recorded as messages come in
// and go out, marked when the person asks to erase, taken by the eraser job to delete on the platform.

import type { Channel } from '../core/model.js';
import type { ErasureQueue, RecentMessages } from '../core/ports/index.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import { platformIdOf } from './handles.js';
import { newId } from './ids.js';
import type { Database } from './prisma.js';
import type { Sql } from './sql.js';

export function recentMessages(sql: Sql): RecentMessages {
  return {
    async record(handleId, messageIds, at) {
      for (const messageId of messageIds) {
        await sql.run(
          'INSERT INTO "RecentMessage" ("id", "handleId", "messageId", "createdAt") VALUES (?, ?, ?, ?)',
          [newId(), handleId, messageId, at],
        );
      }
    },
    requestErase(handleId, since, at) {
      return sql.run(
        `UPDATE "RecentMessage" SET "eraseRequestedAt" = ?
         WHERE "handleId" = ? AND "createdAt" >= ? AND "eraseRequestedAt" IS NULL`,
        [at, handleId, since],
      );
    },
  };
}

interface DueRow {
  id: string;
  handleId: string;
  messageId: string;
  channel: Channel;
}

// One conditional update per row decides which instance deletes it (as the outbox does).
const LOCK = `
  UPDATE "RecentMessage" SET "lockedUntil" = ?
  WHERE "id" = ? AND ("lockedUntil" IS NULL OR "lockedUntil" < ?)`;

export function erasureQueue(database: Database, cipher: HandleCipher): ErasureQueue {
  const { sql } = database;
  return {
    async takeDue(now, limit, lockMs) {
      const rows = await sql.all<DueRow>(
        `SELECT m."id", m."handleId", m."messageId", h."channel"
         FROM "RecentMessage" m JOIN "ChatHandle" h ON h."id" = m."handleId"
         WHERE m."eraseRequestedAt" IS NOT NULL AND (m."lockedUntil" IS NULL OR m."lockedUntil" < ?)
         ORDER BY m."eraseRequestedAt" LIMIT ?`,
        [now, limit],
      );
      const lockedUntil = new Date(now.getTime() + lockMs);
      const taken: DueRow[] = [];
      for (const row of rows) if ((await sql.run(LOCK, [lockedUntil, row.id, now])) === 1) taken.push(row);
      return taken;
    },
    async recipientOf(handleId) {
      const found = await platformIdOf(sql, cipher, handleId);
      return found ? found.platformId : null;
    },
    async done(id) {
      await sql.run('DELETE FROM "RecentMessage" WHERE "id" = ?', [id]);
    },
  };
}
