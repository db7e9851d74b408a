// Chats Poruch can write to. The platform id is looked up by keyed hash and kept only encrypted;
// nothing here returns it except `platformIdOf`, which only the outbox dispatcher calls to send.
import type { ChatHandles, ResolvedChat } from '../core/delivery/ports.js';
import { type Channel, LOCALES, type Locale } from '../core/model.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import { newId } from './ids.js';
import { booleanOf, dateOrNull, type Sql } from './sql.js';

const localeOf = (value: string | null): Locale | null =>
  (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;

interface HandleRow {
  id: string;
  channel: Channel;
  locale: string | null;
  unsubscribedAt: unknown;
  staff: unknown;
}

const toRef = (row: HandleRow): ResolvedChat => ({
  handleId: row.id,
  channel: row.channel,
  locale: localeOf(row.locale),
  unreachable: dateOrNull(row.unsubscribedAt) !== null,
  staff: booleanOf(row.staff),
});

// One round trip answers what every update asks: which chat, has it left, is it a specialist's.
const FIND = `SELECT h."id", h."channel", h."locale", h."unsubscribedAt",
    EXISTS (SELECT 1 FROM "Specialist" s WHERE s."handleId" = h."id") AS "staff"
  FROM "ChatHandle" h WHERE h."lookupHash" = ?`;

export function chatHandles(sql: Sql, cipher: HandleCipher, now: () => Date): ChatHandles {
  return {
    async resolve(channel, platformId) {
      const lookupHash = cipher.lookupHash(channel, platformId);
      const [found] = await sql.all<HandleRow>(FIND, [lookupHash]);
      if (found) return toRef(found);
      // Two first messages of one chat at once (another instance): the other insert wins, and the
      // row is read back either way.
      await sql.run(
        `INSERT INTO "ChatHandle" ("id", "channel", "lookupHash", "encryptedId", "locale", "createdAt")
         VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT ("lookupHash") DO NOTHING`,
        [newId(), channel, lookupHash, cipher.encrypt(platformId), now()],
      );
      const [created] = await sql.all<HandleRow>(FIND, [lookupHash]);
      if (!created) throw new Error('chat handle vanished right after it was written');
      return toRef(created);
    },
    async setLocale(handleId, locale) {
      await sql.run('UPDATE "ChatHandle" SET "locale" = ? WHERE "id" = ?', [locale, handleId]);
    },
    async markUnreachable(handleId, at) {
      await sql.run(
        'UPDATE "ChatHandle" SET "unsubscribedAt" = ? WHERE "id" = ? AND "unsubscribedAt" IS NULL',
        [at, handleId],
      );
    },
    async markReachable(handleId) {
      // Matches no row for a chat that never left (the Inbox asks only when resolve said it had).
      const returned = await sql.run(
        'UPDATE "ChatHandle" SET "unsubscribedAt" = NULL WHERE "id" = ? AND "unsubscribedAt" IS NOT NULL',
        [handleId],
      );
      if (returned === 0) return;
      // Messages held while they were away go out now, oldest first, before anything new.
      await sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'PENDING', "attempts" = 0, "nextAttemptAt" = ?, "lockedUntil" = NULL
         WHERE "handleId" = ? AND "status" = 'HELD'`,
        [now(), handleId],
      );
    },
    async forget(handleId, at) {
      const [chat] = await sql.all<{ channel: Channel }>(
        'SELECT "channel" FROM "ChatHandle" WHERE "id" = ?',
        [handleId],
      );
      if (!chat) return 0;
      // The stand-in keeps the cases together (one person, counted once in the statistics) and
      // names nobody: no messenger id, and a lookup hash no chat can ever have.
      const standIn = newId();
      await sql.run(
        `INSERT INTO "ChatHandle" ("id", "channel", "lookupHash", "encryptedId", "locale", "forgottenAt", "createdAt")
         VALUES (?, ?, ?, '', NULL, ?, ?)`,
        [standIn, chat.channel, `forgotten:${standIn}`, at, at],
      );
      const moved = await sql.run(
        'UPDATE "Request" SET "reporterHandleId" = ? WHERE "reporterHandleId" = ?',
        [standIn, handleId],
      );
      // Specialists' words held while the person was away were meant for those cases.
      await sql.run(`DELETE FROM "OutboxMessage" WHERE "handleId" = ? AND "status" = 'HELD'`, [handleId]);
      if (moved === 0) await sql.run('DELETE FROM "ChatHandle" WHERE "id" = ?', [standIn]);
      return moved;
    },
  };
}

/** The one place a platform id is decrypted: right before sending. */
export async function platformIdOf(
  sql: Sql,
  cipher: HandleCipher,
  handleId: string,
): Promise<{ channel: Channel; platformId: string; unreachable: boolean } | null> {
  const [row] = await sql.all<{ channel: Channel; encryptedId: string; unsubscribedAt: unknown }>(
    'SELECT "channel", "encryptedId", "unsubscribedAt" FROM "ChatHandle" WHERE "id" = ?',
    [handleId],
  );
  // A forgotten person's cases belong to a stand-in without any messenger id.
  if (!row || row.encryptedId === '') return null;
  return {
    channel: row.channel,
    platformId: cipher.decrypt(row.encryptedId),
    unreachable: dateOrNull(row.unsubscribedAt) !== null,
  };
}
