// The persistent outbox. Writers add entries per chat in the transaction of the change (the messages
// of one entry stay in order) with a priority; the dispatcher takes rounds (outbox-round.ts), sends
// one message at a time and marks each as soon as it is sent.
// Plain SQL (see sql.ts): every update writes here and every reply is taken, sent and marked here.
import type { Reply } from '../core/conversation/types.js';
import { isPriority, PRIORITY } from '../core/delivery/priority.js';
import type { Channel, Locale } from '../core/model.js';
import type { Delivery, DeliveryQueue, DeliveryRules, OutboxWriter } from '../core/ports/index.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import { platformIdOf } from './handles.js';
import { newId } from './ids.js';
import { type HeadRow, takeRoundRows } from './outbox-round.js';
import type { Database } from './prisma.js';
import { recentMessages } from './recent-messages.js';
import { pauseBot } from './send-pace.js';
import { dateOrNull, type Sql } from './sql.js';

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
           "holdWhileUnreachable", "attempts", "nextAttemptAt", "createdAt", "priority")
         VALUES (?, ?, ?, 0, ?, 'PENDING', ?, 0, ?, ?, ?)`,
        [
          id,
          batch.handleId,
          JSON.stringify(payload),
          batch.replaces ?? null,
          batch.holdWhileUnreachable ?? false,
          now,
          now,
          batch.priority ?? PRIORITY.REPLY,
        ],
      );
      return id;
    },
  };
}

const NEXT_DUE = `SELECT MIN("nextAttemptAt") AS "at" FROM "OutboxMessage" WHERE "status" = 'PENDING' AND "nextAttemptAt" > ?`;

/** An entry for a chat that cannot be reached: dropped, or held when it must not be lost. */
const UNREACHABLE_OR_HELD = `CASE WHEN "holdWhileUnreachable" THEN 'HELD' ELSE 'UNREACHABLE' END`;

export interface DeliveryQueueOptions {
  /** This dispatcher's name on its leases (one per app instance). */
  owner: string;
  rules: Partial<Record<Channel, DeliveryRules>>;
}

export function deliveryQueue(
  database: Database,
  cipher: HandleCipher,
  options: DeliveryQueueOptions,
): DeliveryQueue {
  const { sql } = database;
  const rulesOf = (channel: Channel): DeliveryRules => {
    const rules = options.rules[channel];
    if (!rules) throw new Error(`no delivery rules for ${channel}`);
    return rules;
  };
  const toDelivery = (row: HeadRow): Delivery => {
    const payload = JSON.parse(row.payload) as Payload;
    const priority = Number(row.priority);
    return {
      id: row.id,
      handleId: row.handleId,
      channel: row.channel,
      locale: payload.locale,
      messages: payload.messages.map((stored) => unseal(cipher, stored)),
      sentCount: Number(row.sentCount),
      attempts: Number(row.attempts),
      replacesMessageId: row.replacesMessageId ?? null,
      priority: isPriority(priority) ? priority : PRIORITY.REPLY,
    };
  };

  return {
    async takeRound(channel, now, slots, leaseMs) {
      const round = { channel, now, slots, leaseMs, owner: options.owner, rules: rulesOf(channel) };
      const taken = await takeRoundRows(database, round);
      const picked = taken.picked.map(toDelivery);
      if (picked.length > 0 || taken.nextAt) return { picked, nextAt: taken.nextAt };
      const [due] = await sql.all<{ at: unknown }>(NEXT_DUE, [now]);
      return { picked, nextAt: dateOrNull(due?.at ?? null) };
    },

    async renew(ids, until) {
      // Only a lease still held: a renewal that arrives after the send was marked must not lock the
      // entry's next message away.
      for (const id of ids) {
        await sql.run(
          `UPDATE "OutboxMessage" SET "lockedUntil" = ?
           WHERE "id" = ? AND "lockedBy" = ? AND "lockedUntil" IS NOT NULL AND "status" = 'PENDING'`,
          [until, id, options.owner],
        );
      }
    },

    async recipientOf(handleId) {
      const found = await platformIdOf(sql, cipher, handleId);
      return found && !found.unreachable ? found.platformId : null;
    },

    async progress(id, sentCount, sentMessageId) {
      await sql.run(
        `UPDATE "OutboxMessage" SET "sentCount" = ?, "sentMessageId" = COALESCE(?, "sentMessageId"),
           "lockedUntil" = NULL
         WHERE "id" = ?`,
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

    async throttled(channel, id, until, reason) {
      await pauseBot(sql, channel, rulesOf(channel).bot, until);
      await sql.run('UPDATE "OutboxMessage" SET "lastError" = ?, "lockedUntil" = NULL WHERE "id" = ?', [
        reason.slice(0, 500),
        id,
      ]);
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
