// Conversation states with optimistic concurrency: a save succeeds only from the version it read.
import type { ConversationStore } from '../core/ports/index.js';
import type { Sql } from './sql.js';

export function conversationStore(sql: Sql, now: () => Date): ConversationStore {
  return {
    async load(handleId) {
      const [row] = await sql.all<{ state: string; version: number }>(
        'SELECT "state", "version" FROM "Conversation" WHERE "handleId" = ?',
        [handleId],
      );
      return row ? { state: row.state, version: Number(row.version) } : null;
    },
    async save(handleId, state, expectedVersion) {
      if (expectedVersion === null) {
        // Someone else created it first (e.g. another instance): the caller reloads and retries.
        const created = await sql.run(
          'INSERT INTO "Conversation" ("handleId", "state", "version", "updatedAt") VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING',
          [handleId, state, now()],
        );
        return created === 1 ? 1 : null;
      }
      const updated = await sql.run(
        'UPDATE "Conversation" SET "state" = ?, "version" = ?, "updatedAt" = ? WHERE "handleId" = ? AND "version" = ?',
        [state, expectedVersion + 1, now(), handleId, expectedVersion],
      );
      return updated === 1 ? expectedVersion + 1 : null;
    },
  };
}
