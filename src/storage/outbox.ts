// The persistent outbox. Writers add one entry per chat per transaction (so the messages of one
// reply stay in order); the dispatcher takes due entries, at most the oldest unsent one per chat.
import type { Reply } from '../core/conversation/types.js';
import type { Delivery, DeliveryQueue, OutboxWriter } from '../core/delivery/ports.js';
import type { Locale } from '../core/model.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import { platformIdOf } from './handles.js';
import type { Db, DbTx } from './prisma.js';

interface Payload {
  locale: Locale;
  messages: Reply[];
}

export function outboxWriter(db: DbTx): OutboxWriter {
  return {
    async enqueue(batch) {
      if (batch.replaces && batch.messages.length !== 1)
        throw new Error('a replacing entry carries one message');
      const payload: Payload = { locale: batch.locale, messages: batch.messages };
      const row = await db.outboxMessage.create({
        data: {
          handleId: batch.handleId,
          payload: JSON.stringify(payload),
          replacesId: batch.replaces ?? null,
        },
        select: { id: true },
      });
      return row.id;
    },
  };
}

/** How many candidates to read per wanted entry: several due entries may belong to one chat. */
const OVERSCAN = 4;

export function deliveryQueue(db: Db, cipher: HandleCipher): DeliveryQueue {
  const pending = 'PENDING';

  async function isOldestUnsent(row: { id: string; handleId: string; createdAt: Date }): Promise<boolean> {
    const older = await db.outboxMessage.findFirst({
      where: {
        handleId: row.handleId,
        status: pending,
        OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: row.id } }],
      },
      select: { id: true },
    });
    return older === null;
  }

  async function lock(id: string, now: Date, lockMs: number): Promise<boolean> {
    // One conditional update decides which dispatcher (of several instances) owns the entry.
    const { count } = await db.outboxMessage.updateMany({
      where: { id, status: pending, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil: new Date(now.getTime() + lockMs) },
    });
    return count === 1;
  }

  async function toDelivery(row: {
    id: string;
    handleId: string;
    payload: string;
    sentCount: number;
    attempts: number;
    replacesId: string | null;
    handle: { channel: Delivery['channel'] };
  }): Promise<Delivery> {
    const payload = JSON.parse(row.payload) as Payload;
    let replacesMessageId: string | null = null;
    if (row.replacesId) {
      const replaced = await db.outboxMessage.findUnique({
        where: { id: row.replacesId },
        select: { sentMessageId: true },
      });
      replacesMessageId = replaced?.sentMessageId ?? null;
    }
    return {
      id: row.id,
      handleId: row.handleId,
      channel: row.handle.channel,
      locale: payload.locale,
      messages: payload.messages,
      sentCount: row.sentCount,
      attempts: row.attempts,
      replacesMessageId,
    };
  }

  return {
    async takeDue(now, limit, lockMs) {
      const candidates = await db.outboxMessage.findMany({
        where: {
          status: pending,
          nextAttemptAt: { lte: now },
          OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: limit * OVERSCAN,
        select: {
          id: true,
          handleId: true,
          payload: true,
          sentCount: true,
          attempts: true,
          replacesId: true,
          createdAt: true,
          handle: { select: { channel: true } },
        },
      });
      const taken: Delivery[] = [];
      const chats = new Set<string>();
      for (const row of candidates) {
        if (taken.length >= limit) break;
        if (chats.has(row.handleId)) continue;
        chats.add(row.handleId);
        if (!(await isOldestUnsent(row))) continue;
        if (await lock(row.id, now, lockMs)) taken.push(await toDelivery(row));
      }
      return taken;
    },

    async recipientOf(handleId) {
      const found = await platformIdOf(db, cipher, handleId);
      return found && !found.unreachable ? found.platformId : null;
    },

    async progress(id, sentCount, sentMessageId) {
      await db.outboxMessage.update({
        where: { id },
        data: { sentCount, ...(sentMessageId !== null && { sentMessageId }) },
      });
    },

    async finish(id, at) {
      await db.outboxMessage.update({
        where: { id },
        data: { status: 'SENT', sentAt: at, lockedUntil: null },
      });
    },

    async retryAt(id, at, attempts, reason) {
      await db.outboxMessage.update({
        where: { id },
        data: { nextAttemptAt: at, attempts, lastError: reason.slice(0, 500), lockedUntil: null },
      });
    },

    async abandon(id, status, reason, at) {
      await db.$transaction(async (tx) => {
        const row = await tx.outboxMessage.update({
          where: { id },
          data: { status, lastError: reason.slice(0, 500), lockedUntil: null },
          select: { handleId: true },
        });
        if (status === 'UNREACHABLE') {
          await tx.chatHandle.updateMany({
            where: { id: row.handleId, unsubscribedAt: null },
            data: { unsubscribedAt: at },
          });
          // Nothing else queued for this chat can arrive either.
          await tx.outboxMessage.updateMany({
            where: { handleId: row.handleId, status: 'PENDING' },
            data: { status: 'UNREACHABLE', lockedUntil: null },
          });
        }
      });
    },
  };
}
