// Conversation states with optimistic concurrency: a save succeeds only from the version it read.
import type { ConversationStore } from '../core/conversation/ports.js';
import type { DbTx } from './prisma.js';

export function conversationStore(db: DbTx): ConversationStore {
  return {
    async load(handleId) {
      const row = await db.conversation.findUnique({
        where: { handleId },
        select: { state: true, version: true },
      });
      return row;
    },
    async save(handleId, state, expectedVersion) {
      if (expectedVersion === null) {
        const existing = await db.conversation.findUnique({ where: { handleId }, select: { version: true } });
        if (existing) return null;
        await db.conversation.create({ data: { handleId, state, version: 1 } });
        return 1;
      }
      const { count } = await db.conversation.updateMany({
        where: { handleId, version: expectedVersion },
        data: { state, version: expectedVersion + 1 },
      });
      return count === 1 ? expectedVersion + 1 : null;
    },
  };
}
