import type { ProcessedUpdates } from '../core/delivery/ports.js';
import type { DbTx } from './prisma.js';

export function processedUpdates(db: DbTx): ProcessedUpdates {
  return {
    async firstTime(channel, updateId) {
      // Check first: on PostgreSQL a failed INSERT would spoil the update's transaction. The primary
      // key still decides a race between two deliveries of the same update (the loser rolls back and
      // the platform's retry then finds the row).
      const seen = await db.processedUpdate.findUnique({
        where: { channel_updateId: { channel, updateId } },
        select: { updateId: true },
      });
      if (seen) return false;
      await db.processedUpdate.create({ data: { channel, updateId } });
      return true;
    },
  };
}
