// The conversation of one request: what the person wrote and what the specialist answered.
import type { MessageRepository } from '../core/ports/index.js';
import type { DbTx } from './prisma.js';
import { toCaseMessage } from './rows.js';

export function messageRepository(db: DbTx, now: () => Date): MessageRepository {
  return {
    async add(requestId, author, text, specialistId = null) {
      return toCaseMessage(
        await db.message.create({ data: { requestId, author, text, specialistId, createdAt: now() } }),
      );
    },
    async thread(requestId) {
      const rows = await db.message.findMany({
        where: { requestId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toCaseMessage);
    },
  };
}
