// The token buckets of src/core/delivery/pacing.ts in the database, so that every app instance
// spends from the same ones. One row per bucket: "bot:<CHANNEL>" for a bot, a handle id for a chat.
// A round reads the bot's row FOR UPDATE (PostgreSQL), so rounds of several instances take turns
// on it; SQLite's transactions take turns anyway.
import { type Pace, type PaceRule, pauseUntil } from '../core/delivery/pacing.js';
import type { Channel } from '../core/model.js';
import type { Provider } from './database-url.js';
import type { Sql } from './sql.js';

export const botKey = (channel: Channel) => `bot:${channel}`;

/** Chats' rows are only needed while they may still hold a message back. */
const FORGET_CHATS_AFTER_MS = 60_000;

export async function lockedBotPace(
  sql: Sql,
  provider: Provider,
  channel: Channel,
  create: boolean,
): Promise<Pace> {
  if (create) {
    await sql.run('INSERT INTO "SendPace" ("key", "tat") VALUES (?, 0) ON CONFLICT ("key") DO NOTHING', [
      botKey(channel),
    ]);
  }
  const lock = provider === 'postgresql' ? ' FOR UPDATE' : '';
  const [row] = await sql.all<{ tat: number }>(`SELECT "tat" FROM "SendPace" WHERE "key" = ?${lock}`, [
    botKey(channel),
  ]);
  return Number(row?.tat ?? 0);
}

export async function savePace(sql: Sql, key: string, pace: Pace): Promise<void> {
  await sql.run(
    `INSERT INTO "SendPace" ("key", "tat") VALUES (?, ?)
     ON CONFLICT ("key") DO UPDATE SET "tat" = excluded."tat"`,
    [key, pace],
  );
}

/** 429: nothing goes on this bot before `until` (never shortens a pause already in place). */
export async function pauseBot(sql: Sql, channel: Channel, rule: PaceRule, until: Date): Promise<void> {
  const paused = pauseUntil(0, rule, until.getTime());
  await sql.run(
    `INSERT INTO "SendPace" ("key", "tat") VALUES (?, ?)
     ON CONFLICT ("key") DO UPDATE SET "tat" = CASE WHEN "SendPace"."tat" < excluded."tat"
       THEN excluded."tat" ELSE "SendPace"."tat" END`,
    [botKey(channel), paused],
  );
}

export async function forgetQuietChats(sql: Sql, now: Date): Promise<void> {
  await sql.run(`DELETE FROM "SendPace" WHERE "key" NOT LIKE 'bot:%' AND "tat" < ?`, [
    now.getTime() - FORGET_CHATS_AFTER_MS,
  ]);
}
