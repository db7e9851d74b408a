// Who did what to which request. Core passes actors that never identify a reporter; the detail is
// stored as JSON so that it keeps its shape for later reading. Written with every queue transition,
// hence plain SQL (see sql.ts).
import type { AuditLog } from '../core/ports/index.js';
import { AUDIT_ACTIONS } from '../core/queue/audit.js';
import { newId } from './ids.js';
import { dateOrNull, type Sql } from './sql.js';

export function auditLog(sql: Sql, now: () => Date): AuditLog {
  return {
    async record({ requestId, actor, action, detail }) {
      const at = now();
      const counted = countedAt(action, detail);
      await sql.run(
        `INSERT INTO "AuditEvent" ("id", "requestId", "actorType", "actorId", "action", "detail", "createdAt", "countedAtCentreId")
         VALUES (?, ?, ?, ?, ?, ?, ?, ${counted.centre})`,
        [
          newId(),
          requestId,
          actor.type,
          actor.id ?? null,
          action,
          detail === undefined ? null : JSON.stringify(detail),
          at,
          counted.param,
        ],
      );
      if (requestId) await keepReactionTime(sql, requestId, action, at);
    },
  };
}

/**
 * The centre the statistics count an event at (AuditEvent.countedAtCentreId): an escalation at the
 * centre the request left, a lapsed lease at the centre of the specialist who held it; no other event.
 * `centre` is the SQL value to insert (one parameter, `param`).
 */
export function countedAt(action: string, detail: unknown): { centre: string; param: string | null } {
  const field = (name: string) => {
    const value = (detail as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value : null;
  };
  if (action === AUDIT_ACTIONS.escalated) return { centre: '?', param: field('fromCentreId') };
  if (action === AUDIT_ACTIONS.leaseExpired) {
    return {
      centre: `(SELECT s."centreId" FROM "Specialist" s WHERE s."id" = ?)`,
      param: field('specialistId'),
    };
  }
  return { centre: '?', param: null };
}

/**
 * The statistics read reaction times from the request row (schema: Request.firstClaimedAt), not from
 * the trail: searching the trail of every request made a year's report take seconds. So the event
 * that ends a reaction also writes it, here, in the caller's transaction: the first claim and first
 * answer (later ones change nothing, as MIN over the trail would not), and the time to close.
 */
const REACTION_OF: Record<
  string,
  { at: 'firstClaimedAt' | 'firstAnsweredAt' | 'closedAt'; seconds: string }
> = {
  [AUDIT_ACTIONS.claimed]: { at: 'firstClaimedAt', seconds: 'claimSeconds' },
  [AUDIT_ACTIONS.answered]: { at: 'firstAnsweredAt', seconds: 'firstAnswerSeconds' },
  [AUDIT_ACTIONS.closed]: { at: 'closedAt', seconds: 'closeSeconds' },
};

async function keepReactionTime(sql: Sql, requestId: string, action: string, at: Date) {
  const reaction = REACTION_OF[action];
  if (!reaction) return;
  const [row] = await sql.all<
    Record<'createdAt' | 'firstClaimedAt' | 'firstAnsweredAt' | 'closedAt', unknown>
  >(`SELECT "createdAt", "firstClaimedAt", "firstAnsweredAt", "closedAt" FROM "Request" WHERE "id" = ?`, [
    requestId,
  ]);
  if (!row) return;
  const createdAt = dateOrNull(row.createdAt) as Date;
  if (reaction.at === 'closedAt') {
    // Closing stamps closedAt on the row itself (a moment before this event); measure to that.
    const closedAt = dateOrNull(row.closedAt) ?? at;
    await sql.run(`UPDATE "Request" SET "closeSeconds" = ? WHERE "id" = ?`, [
      secondsBetween(createdAt, closedAt),
      requestId,
    ]);
    return;
  }
  if (row[reaction.at] !== null) return;
  await sql.run(
    `UPDATE "Request" SET "${reaction.at}" = ?, "${reaction.seconds}" = ? WHERE "id" = ? AND "${reaction.at}" IS NULL`,
    [at, secondsBetween(createdAt, at), requestId],
  );
}

/** Whole seconds, rounded like the reports always rounded a duration. */
export const secondsBetween = (from: Date, to: Date): number =>
  Math.round((to.getTime() - from.getTime()) / 1000);
