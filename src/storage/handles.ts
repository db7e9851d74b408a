// Chats Poruch can write to. The platform id is looked up by keyed hash and kept only encrypted;
// nothing here returns it except `platformIdOf`, which only the outbox dispatcher calls to send.
import type { ChatHandles, ChatRef } from '../core/delivery/ports.js';
import { type Channel, LOCALES, type Locale } from '../core/model.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import type { DbTx } from './prisma.js';

const localeOf = (value: string | null): Locale | null =>
  (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

export function chatHandles(db: DbTx, cipher: HandleCipher): ChatHandles {
  const select = { id: true, channel: true, locale: true } as const;
  const toRef = (row: { id: string; channel: Channel; locale: string | null }): ChatRef => ({
    handleId: row.id,
    channel: row.channel,
    locale: localeOf(row.locale),
  });

  return {
    async resolve(channel, platformId) {
      const lookupHash = cipher.lookupHash(channel, platformId);
      const found = await db.chatHandle.findUnique({ where: { lookupHash }, select });
      if (found) return toRef(found);
      try {
        const created = await db.chatHandle.create({
          data: { channel, lookupHash, encryptedId: cipher.encrypt(platformId), locale: null },
          select,
        });
        return toRef(created);
      } catch (error) {
        // Two first messages of one chat at once (another instance): the other insert won.
        if (!isUniqueViolation(error)) throw error;
        return toRef(await db.chatHandle.findUniqueOrThrow({ where: { lookupHash }, select }));
      }
    },
    async setLocale(handleId, locale) {
      await db.chatHandle.update({ where: { id: handleId }, data: { locale } });
    },
    async markUnreachable(handleId, at) {
      await db.chatHandle.updateMany({
        where: { id: handleId, unsubscribedAt: null },
        data: { unsubscribedAt: at },
      });
    },
  };
}

/** The one place a platform id is decrypted: right before sending. */
export async function platformIdOf(
  db: DbTx,
  cipher: HandleCipher,
  handleId: string,
): Promise<{ channel: Channel; platformId: string; unreachable: boolean } | null> {
  const row = await db.chatHandle.findUnique({
    where: { id: handleId },
    select: { channel: true, encryptedId: true, unsubscribedAt: true },
  });
  if (!row) return null;
  return {
    channel: row.channel,
    platformId: cipher.decrypt(row.encryptedId),
    unreachable: row.unsubscribedAt !== null,
  };
}
