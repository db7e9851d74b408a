// Sign-in links and sessions of the staff console. Only hashes of tokens and session ids are stored.
import type { ConsoleReads, StaffAccessRepository } from '../core/ports/index.js';
import type { DbTx } from './prisma.js';
import { queueOrder, WAITING } from './requests.js';
import { caseColumns, toCaseView } from './rows.js';
import { toSpecialist } from './specialists.js';

/** A session's last use is written at most this often: pages poll the queue every few seconds. */
const TOUCH_EVERY_MS = 60_000;

export function staffAccessRepository(db: DbTx): StaffAccessRepository {
  return {
    async createLoginToken(token) {
      await db.staffLoginToken.create({ data: token });
    },
    async spendLoginToken(tokenHash, now) {
      const { count } = await db.staffLoginToken.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return null;
      const row = await db.staffLoginToken.findFirst({
        where: { tokenHash },
        select: { specialistId: true },
      });
      return row?.specialistId ?? null;
    },
    async createSession({ idHash, specialistId, now }) {
      await db.staffSession.create({ data: { idHash, specialistId, lastSeenAt: now, createdAt: now } });
    },
    async sessionSpecialist(idHash, idleSince, now) {
      const row = await db.staffSession.findFirst({
        where: { idHash, lastSeenAt: { gt: idleSince }, specialist: { active: true } },
        include: { specialist: true },
      });
      if (!row) return null;
      if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db.staffSession.updateMany({ where: { idHash }, data: { lastSeenAt: now } });
      }
      return toSpecialist(row.specialist);
    },
    async endSession(idHash) {
      await db.staffSession.deleteMany({ where: { idHash } });
    },
    async endSessionsOf(specialistId) {
      const { count } = await db.staffSession.deleteMany({ where: { specialistId } });
      return count;
    },
  };
}

export function consoleReads(db: DbTx): ConsoleReads {
  return {
    async waiting(centreIds, limit) {
      const rows = await db.request.findMany({
        where: { centreId: { in: centreIds }, status: { in: [...WAITING] } },
        orderBy: [...queueOrder],
        take: limit,
        select: caseColumns,
      });
      return rows.map(toCaseView);
    },
    async trail(requestId) {
      const rows = await db.auditEvent.findMany({
        where: { requestId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { createdAt: true, actorType: true, actorId: true, action: true },
      });
      const names = await this.names(
        rows.flatMap((r) => (r.actorType === 'SPECIALIST' && r.actorId ? [r.actorId] : [])),
      );
      return rows.map((r) => ({
        at: r.createdAt,
        actorType: r.actorType,
        actorName: r.actorType === 'SPECIALIST' && r.actorId ? (names.get(r.actorId) ?? null) : null,
        action: r.action,
      }));
    },
    async names(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.specialist.findMany({
        where: { id: { in: [...new Set(ids)] } },
        select: { id: true, displayName: true },
      });
      return new Map(rows.map((r) => [r.id, r.displayName]));
    },
  };
}
