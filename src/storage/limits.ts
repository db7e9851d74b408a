// The counters of the per-chat limits (src/core/limits): one row per chat handle and rule, keyed by
// the opaque handle id. No foreign key to ChatHandle on purpose: a row holds only a count and two
// times, lives at most an hour, and the limits must not slow down deleting a handle.
import type { ChatLimitStore } from '../core/ports/index.js';
import { dateOf, type Sql } from './sql.js';

// Counted in one statement (see ChatLimitStore.count). The window test uses the row's expiry, the
// same instant core computes with expiresAt(): windowStart + the rule's window.
const COUNT = `
  INSERT INTO "ChatLimit" ("handleId", "rule", "windowStart", "count", "expiresAt") VALUES (?, ?, ?, 1, ?)
  ON CONFLICT ("handleId", "rule") DO UPDATE SET
    "count" = CASE WHEN "ChatLimit"."expiresAt" > ? THEN "ChatLimit"."count" + 1 ELSE 1 END,
    "windowStart" = CASE WHEN "ChatLimit"."expiresAt" > ? THEN "ChatLimit"."windowStart" ELSE excluded."windowStart" END,
    "expiresAt" = CASE WHEN "ChatLimit"."expiresAt" > ? THEN "ChatLimit"."expiresAt" ELSE excluded."expiresAt" END
  RETURNING "windowStart", "count"`;

export function chatLimits(sql: Sql): ChatLimitStore {
  return {
    async count(handleId, rule, now, windowMs) {
      const expires = new Date(now.getTime() + windowMs);
      const [row] = await sql.all<{ windowStart: unknown; count: unknown }>(COUNT, [
        handleId,
        rule,
        now,
        expires,
        now,
        now,
        now,
      ]);
      if (!row) throw new Error('counting a limit returned no row');
      return { windowStart: dateOf(row.windowStart), count: Number(row.count) };
    },
    async uncount(handleId, rule) {
      await sql.run(
        'UPDATE "ChatLimit" SET "count" = "count" - 1 WHERE "handleId" = ? AND "rule" = ? AND "count" > 0',
        [handleId, rule],
      );
    },
    purgeExpired: (now) => sql.run('DELETE FROM "ChatLimit" WHERE "expiresAt" <= ?', [now]),
  };
}
