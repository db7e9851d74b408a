// One dispatcher round in one transaction: lock the bot's bucket, find the chats' head entries that
// may go, let the core's planRound pick within the rate limits, write the buckets back and lease the
// picked entries. On PostgreSQL the candidates are taken FOR UPDATE SKIP LOCKED, so a round never
// waits on an entry another transaction is marking.
import { earliestMs, paceAllowingMs } from '../core/delivery/pacing.js';
import { type Candidate, planRound } from '../core/delivery/plan.js';
import { isPriority, PRIORITY, type Priority } from '../core/delivery/priority.js';
import type { Channel } from '../core/model.js';
import type { DeliveryRules } from '../core/ports/index.js';
import { refreshOutboxStatistics } from './outbox-statistics.js';
import type { Database } from './prisma.js';
import { botKey, forgetQuietChats, lockedBotPace, savePace } from './send-pace.js';
import { dateOf, type Sql } from './sql.js';

/** Candidates looked at per round: enough to get past chats that must wait for their own bucket. */
const CANDIDATES = 64;

// The head of a chat: no older pending entry it must follow. Emergency entries follow only older
// emergency entries (the numbers pass ordinary messages of their own chat); all others follow every
// older entry. Chats whose bucket cannot allow even the entry's priority now are left out here.
export const HEADS = `
  SELECT o."id", o."handleId", o."priority", o."createdAt", p."tat" AS "chatPace", o."payload",
         o."sentCount", o."attempts", h."channel", r."sentMessageId" AS "replacesMessageId"
  FROM "OutboxMessage" o
  JOIN "ChatHandle" h ON h."id" = o."handleId"
  LEFT JOIN "OutboxMessage" r ON r."id" = o."replacesId"
  LEFT JOIN "SendPace" p ON p."key" = o."handleId"
  WHERE o."status" = 'PENDING' AND h."channel" = ? AND o."nextAttemptAt" <= ?
    AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ?)
    AND (p."tat" IS NULL
      OR p."tat" <= CASE WHEN o."priority" = 0 THEN CAST(? AS DOUBLE PRECISION) ELSE CAST(? AS DOUBLE PRECISION) END)
    AND NOT EXISTS (
      SELECT 1 FROM "OutboxMessage" e
      WHERE e."handleId" = o."handleId" AND e."status" = 'PENDING'
        AND (o."priority" <> 0 OR e."priority" = 0)
        AND (e."createdAt" < o."createdAt" OR (e."createdAt" = o."createdAt" AND e."id" < o."id")))
  ORDER BY o."priority", o."createdAt"
  LIMIT ?`;

const LEASE = 'UPDATE "OutboxMessage" SET "lockedUntil" = ?, "lockedBy" = ? WHERE "id" = ?';

export interface HeadRow {
  id: string;
  handleId: string;
  priority: number;
  createdAt: unknown;
  chatPace: number | null;
  payload: string;
  sentCount: number;
  attempts: number;
  channel: Channel;
  replacesMessageId: string | null;
}

const priorityOf = (value: unknown): Priority => {
  const n = Number(value);
  return isPriority(n) ? n : PRIORITY.REPLY;
};

/**
 * SQLite's planner, without statistics, takes the (status, nextAttemptAt) index for HEADS (every due
 * entry matches) and sorts the whole backlog for each round: 42 ms with 9,600 entries waiting, the
 * write lock held all along, so intake stalled behind every round. Walking (status, priority,
 * createdAt) in the ORDER BY's order stops at the LIMIT: ~1 ms on the same file. PostgreSQL plans
 * with statistics and gets the query as written.
 */
const SQLITE_HEADS = HEADS.replace(
  'FROM "OutboxMessage" o',
  'FROM "OutboxMessage" o INDEXED BY "OutboxMessage_status_priority_createdAt_idx"',
);

async function heads(sql: Sql, database: Database, channel: Channel, now: Date, rules: DeliveryRules) {
  const nowMs = now.getTime();
  const query = database.provider === 'postgresql' ? `${HEADS} FOR UPDATE OF o SKIP LOCKED` : SQLITE_HEADS;
  const rows = await sql.all<HeadRow>(query, [
    channel,
    now,
    now,
    paceAllowingMs(rules.chat, PRIORITY.EMERGENCY, nowMs),
    paceAllowingMs(rules.chat, PRIORITY.REPLY, nowMs),
    CANDIDATES,
  ]);
  const candidates = rows.map(
    (row): Candidate => ({
      id: row.id,
      chat: row.handleId,
      priority: priorityOf(row.priority),
      createdAtMs: dateOf(row.createdAt).getTime(),
      chatPace: Number(row.chatPace ?? 0),
    }),
  );
  return { rows: new Map(rows.map((row) => [row.id, row])), candidates };
}

/** Bots whose bucket row is known to exist (rows are never deleted). */
const botsWithRow = new WeakMap<Database, Set<Channel>>();
/** Chats' buckets are forgotten at most this often, per database. */
const FORGET_EVERY_MS = 60_000;
const forgottenAt = new WeakMap<Database, number>();

export interface RoundOptions {
  channel: Channel;
  now: Date;
  slots: number;
  leaseMs: number;
  owner: string;
  rules: DeliveryRules;
}

/** Leases what may go now; returns the picked entries' rows in the order to send them. */
export async function takeRoundRows(
  database: Database,
  o: RoundOptions,
): Promise<{ picked: HeadRow[]; nextAt: Date | null }> {
  const { backlogged, ...taken } = await database.transaction(async ({ sql }) => {
    const known = botsWithRow.get(database) ?? new Set<Channel>();
    botsWithRow.set(database, known);
    const bot = await lockedBotPace(sql, database.provider, o.channel, !known.has(o.channel));
    known.add(o.channel);
    // The bot's bucket lets nothing go now, not even the emergency numbers: the heads (the costliest
    // query of a round, run with the write lock held) can wait until it does. Under load a round is
    // asked for after every committed update, far more often than the bot may send.
    const botFrom = earliestMs(bot, o.rules.bot, PRIORITY.EMERGENCY, o.now.getTime());
    if (botFrom > o.now.getTime()) return { picked: [], nextAt: new Date(botFrom) };
    const { rows, candidates } = await heads(sql, database, o.channel, o.now, o.rules);
    const plan = planRound({
      nowMs: o.now.getTime(),
      bot,
      botRule: o.rules.bot,
      chatRule: o.rules.chat,
      candidates,
      slots: o.slots,
    });
    if (plan.picked.length > 0) await savePace(sql, botKey(o.channel), plan.bot);
    for (const [chat, pace] of plan.chats) await savePace(sql, chat, pace);
    const until = new Date(o.now.getTime() + o.leaseMs);
    for (const picked of plan.picked) await sql.run(LEASE, [until, o.owner, picked.id]);
    if (candidates.length === 0 && o.now.getTime() - (forgottenAt.get(database) ?? 0) > FORGET_EVERY_MS) {
      forgottenAt.set(database, o.now.getTime());
      await forgetQuietChats(sql, o.now);
    }
    const nextAt = plan.nextAtMs === null ? null : new Date(plan.nextAtMs);
    return {
      picked: plan.picked.map((p) => rows.get(p.id) as HeadRow),
      nextAt,
      backlogged: candidates.length === CANDIDATES,
    };
  });
  if (backlogged) refreshOutboxStatistics(database, o.now.getTime());
  return taken;
}
