// Who did what to which request. Core passes actors that never identify a reporter; the detail is
// stored as JSON so that it keeps its shape for later reading.
import type { AuditLog } from '../core/ports.js';
import type { DbTx } from './prisma.js';

export function auditLog(db: DbTx): AuditLog {
  return {
    async record({ requestId, actor, action, detail }) {
      await db.auditEvent.create({
        data: {
          requestId,
          actorType: actor.type,
          actorId: actor.id ?? null,
          action,
          detail: detail === undefined ? null : JSON.stringify(detail),
        },
      });
    },
  };
}
