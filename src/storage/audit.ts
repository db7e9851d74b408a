// Who did what to which request. Core passes actors that never identify a reporter; the detail is
// stored as JSON so that it keeps its shape for later reading. Written with every queue transition,
// hence plain SQL (see sql.ts).
import type { AuditLog } from '../core/ports/index.js';
import { newId } from './ids.js';
import type { Sql } from './sql.js';

export function auditLog(sql: Sql, now: () => Date): AuditLog {
  return {
    async record({ requestId, actor, action, detail }) {
      await sql.run(
        `INSERT INTO "AuditEvent" ("id", "requestId", "actorType", "actorId", "action", "detail", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          newId(),
          requestId,
          actor.type,
          actor.id ?? null,
          action,
          detail === undefined ? null : JSON.stringify(detail),
          now(),
        ],
      );
    },
  };
}
