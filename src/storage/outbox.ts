// The persistent outbox. Writers add one entry per chat per transaction (so the messages of one
// reply stay in order); the dispatcher takes due entries, at most the oldest unsent one per chat.
// Plain SQL (see sql.ts): every update writes here and every reply is taken, sent and marked here.
import type { Reply } from '../core/conversation/types.js';
import type { Delivery, DeliveryQueue, OutboxWriter } from '../core/delivery/ports.js';
import type { Channel, Locale } from '../core/model.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import { platformIdOf } from './handles.js';
import { newId } from './ids.js';
import type { Database } from './prisma.js';
import { recentMessages } from './recent-messages.js';
import type { Sql } from './sql.js';

interface Payload {
  locale: Locale;
  /** A message that shows a secret is stored as `{ sealed }`: the reply's JSON, encrypted. */
  messages: Array<Reply | { sealed: string }>;
}

/**
 * What a sent entry's payload becomes. Nothing needs it after sending (an edit uses the platform's
 * message id, not the words), and it may hold a person's words: it is forgotten at once.
 */
export const SENT_PAYLOAD = '';

// A secret is encrypted before it is written, not scrubbed after sending: an overwritten value
// survives in SQLite's WAL and free pages (and in backups taken meanwhile) until they are reused.
const seal = (cipher: HandleCipher, reply: Reply) =>
  reply.secret ? { sealed: cipher.encrypt(JSON.stringify(reply)) } : reply;
const unseal = (cipher: HandleCipher, stored: Payload['messages'][number]): Reply =>
  'sealed' in stored ? (JSON.parse(cipher.decrypt(stored.sealed)) as Reply) : stored;

export function outboxWriter(sql: Sql, cipher: HandleCipher, clock: () => Date): OutboxWriter {
  return {
    async enqueue(batch) {
      if (batch.replaces && batch.messages.length !== 1)
        throw new Error('a replacing entry carries one message');
      const messages = batch.messages.map((reply) => seal(cipher, reply));
      const payload: Payload = { locale: batch.locale, messages };
      const id = newId();
      const now = clock();
      await sql.run(
        `INSERT INTO "OutboxMessage" ("id", "handleId", "payload", "sentCount", "replacesId", "status",
           "holdWhileUnreachable", "attempts", "nextAttemptAt", "createdAt")
         VALUES (?, ?, ?, 0, ?, 'PENDING', ?, 0, ?, ?)`,
        [
          id,
          batch.handleId,
          JSON.stringify(payload),
          batch.replaces ?? null,
          batch.holdWhileUnreachable ?? false,
          now,
          now,
        ],
      );
      return id;
    },
  };
}

interface DueRow {
  id: string;
  handleId: string;
  payload: string;
  sentCount: number;
  attempts: number;
  channel: Channel;
  replacesMessageId: string | null;
}

// Due, unlocked, and the oldest unsent entry of its chat (replies of one chat go out in order).
// Ordered by due time alone so that the (status, nextAttemptAt) index yields rows in order and the
// scan stops at the limit: with a backlog of thousands, sorting by creation took ~6 ms per call.
const TAKE_DUE = `
  SELECT o."id", o."handleId", o."payload", o."sentCount", o."attempts", h."channel",
         r."sentMessageId" AS "replacesMessageId"
  FROM "OutboxMessage" o
  JOIN "ChatHandle" h ON h."id" = o."handleId"
  LEFT JOIN "OutboxMessage" r ON r."id" = o."replacesId"
  WHERE o."status" = 'PENDING' AND o."nextAttemptAt" <= ?
    AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ?)
    AND NOT EXISTS (
      SELECT 1 FROM "OutboxMessage" e
      WHERE e."handleId" = o."handleId" AND e."status" = 'PENDING'
        AND (e."createdAt" < o."createdAt" OR (e."createdAt" = o."createdAt" AND e."id" < o."id")))
  ORDER BY o."nextAttemptAt"
  LIMIT ?`;

/** An entry for a chat that cannot be reached: dropped, or held when it must not be lost. */
const UNREACHABLE_OR_HELD = `CASE WHEN "holdWhileUnreachable" THEN 'HELD' ELSE 'UNREACHABLE' END`;

// One conditional update decides which dispatcher (of several instances) owns the entry.
const LOCK = `
  UPDATE "OutboxMessage" SET "lockedUntil" = ?
  WHERE "id" = ? AND "status" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ?)`;

export function deliveryQueue(database: Database, cipher: HandleCipher): DeliveryQueue {
  const { sql } = database;
  const toDelivery = (row: DueRow): Delivery => {
    const payload = JSON.parse(row.payload) as Payload;
    return {
      id: row.id,
      handleId: row.handleId,
      channel: row.channel,
      locale: payload.locale,
      messages: payload.messages.map((stored) => unseal(cipher, stored)),
      sentCount: Number(row.sentCount),
      attempts: Number(row.attempts),
      replacesMessageId: row.replacesMessageId ?? null,
    };
  };

  return {
    async takeDue(now, limit, lockMs) {
      const rows = await sql.all<DueRow>(TAKE_DUE, [now, now, limit]);
      const lockedUntil = new Date(now.getTime() + lockMs);
      const taken: Delivery[] = [];
      for (const row of rows) {
        if ((await sql.run(LOCK, [lockedUntil, row.id, now])) === 1) taken.push(toDelivery(row));
      }
      return taken;
    },

    async recipientOf(handleId) {
      const found = await platformIdOf(sql, cipher, handleId);
      return found && !found.unreachable ? found.platformId : null;
    },

    async progress(id, sentCount, sentMessageId) {
      await sql.run(
        'UPDATE "OutboxMessage" SET "sentCount" = ?, "sentMessageId" = COALESCE(?, "sentMessageId") WHERE "id" = ?',
        [sentCount, sentMessageId, id],
      );
    },

    async finish(id, at, sentCount, sentMessageId) {
      await sql.run(
        `UPDATE "OutboxMessage"
         SET "status" = 'SENT', "sentAt" = ?, "lockedUntil" = NULL, "sentCount" = ?,
             "sentMessageId" = COALESCE(?, "sentMessageId"), "payload" = ?
         WHERE "id" = ?`,
        [at, sentCount, sentMessageId, SENT_PAYLOAD, id],
      );
    },

    rememberSent: (handleId, messageIds, at) => recentMessages(sql).record(handleId, messageIds, at),

    async retryAt(id, at, attempts, reason) {
      await sql.run(
        'UPDATE "OutboxMessage" SET "nextAttemptAt" = ?, "attempts" = ?, "lastError" = ?, "lockedUntil" = NULL WHERE "id" = ?',
        [at, attempts, reason.slice(0, 500), id],
      );
    },

    async abandon(id, status, reason, at) {
      await database.transaction(async ({ sql: tx }) => {
        const [row] = await tx.all<{ handleId: string }>(
          `UPDATE "OutboxMessage" SET "status" = ${status === 'UNREACHABLE' ? UNREACHABLE_OR_HELD : '?'},
             "lastError" = ?, "lockedUntil" = NULL
           WHERE "id" = ? RETURNING "handleId"`,
          status === 'UNREACHABLE' ? [reason.slice(0, 500), id] : [status, reason.slice(0, 500), id],
        );
        if (row && status === 'UNREACHABLE') {
          await tx.run(
            'UPDATE "ChatHandle" SET "unsubscribedAt" = ? WHERE "id" = ? AND "unsubscribedAt" IS NULL',
            [at, row.handleId],
          );
          // Nothing else queued for this chat can arrive either (what must not be lost is held).
          await tx.run(
            `UPDATE "OutboxMessage" SET "status" = ${UNREACHABLE_OR_HELD}, "lockedUntil" = NULL
             WHERE "handleId" = ? AND "status" = 'PENDING'`,
            [row.handleId],
          );
        }
      });
    },
  };
}
