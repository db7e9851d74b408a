import type { ProcessedUpdates } from '../core/ports/index.js';
import type { Sql } from './sql.js';

export function processedUpdates(sql: Sql, now: () => Date): ProcessedUpdates {
  return {
    async firstTime(channel, updateId) {
      // The primary key decides: a redelivery inserts nothing. ON CONFLICT instead of catching the
      // error because on PostgreSQL a failed INSERT would spoil the whole update's transaction; a
      // concurrent delivery of the same update waits for the first to commit, then inserts nothing.
      const inserted = await sql.run(
        'INSERT INTO "ProcessedUpdate" ("channel", "updateId", "createdAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        [channel, updateId, now()],
      );
      return inserted === 1;
    },
  };
}
