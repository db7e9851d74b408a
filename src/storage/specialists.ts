// Specialists, their one-time invites, and which outbox entry told whom about a request.
import { LOCALES, type Locale, type Specialist, type SpecialistRole } from '../core/model.js';
import type { InviteRepository, NotificationRepository, SpecialistRepository } from '../core/ports/index.js';
import type { DbTx } from './prisma.js';
import { caseColumns, localesOf, toCaseView } from './rows.js';
import { booleanOf, type Sql } from './sql.js';

interface SpecialistRow {
  id: string;
  centreId: string;
  role: SpecialistRole;
  displayName: string;
  languages: string;
  active: boolean;
  handleId: string | null;
}

export const toSpecialist = (row: SpecialistRow): Specialist => ({
  id: row.id,
  centreId: row.centreId,
  role: row.role,
  displayName: row.displayName,
  languages: localesOf(row.languages),
  active: row.active,
  handleId: row.handleId,
});

export function specialistRepository(db: DbTx, sql: Sql): SpecialistRepository {
  return {
    // Asked for every update (is this chat a specialist's?), hence plain SQL (see sql.ts).
    async byHandle(handleId) {
      const [row] = await sql.all<Omit<SpecialistRow, 'active'> & { active: unknown }>(
        `SELECT "id", "centreId", "role", "displayName", "languages", "active", "handleId"
         FROM "Specialist" WHERE "handleId" = ?`,
        [handleId],
      );
      return row ? toSpecialist({ ...row, active: booleanOf(row.active) }) : null;
    },
    async byId(id) {
      const row = await db.specialist.findFirst({ where: { id } });
      return row ? toSpecialist(row) : null;
    },
    // Asked for every new request (who is told), hence plain SQL.
    async activeOfCentre(centreId, role) {
      const rows = await sql.all<Omit<SpecialistRow, 'active'> & { active: unknown }>(
        `SELECT "id", "centreId", "role", "displayName", "languages", "active", "handleId"
         FROM "Specialist"
         WHERE "centreId" = ? AND "active" = ? AND "handleId" IS NOT NULL ${role ? 'AND "role" = ?' : ''}
         ORDER BY "createdAt", "id"`,
        role ? [centreId, true, role] : [centreId, true],
      );
      return rows.map((row) => toSpecialist({ ...row, active: booleanOf(row.active) }));
    },
    async casesOf(specialistId) {
      const rows = await db.request.findMany({
        where: { claimedById: specialistId, status: { in: ['CLAIMED', 'ANSWERED'] } },
        orderBy: [{ claimedAt: 'desc' }, { id: 'desc' }],
        select: caseColumns,
      });
      return rows.map(toCaseView);
    },
    async deactivate(id) {
      const { count } = await db.specialist.updateMany({ where: { id }, data: { active: false } });
      if (count === 0) return null;
      const row = await db.specialist.findFirst({ where: { id } });
      return row ? toSpecialist(row) : null;
    },
    async ofCentre(centreId) {
      const rows = await db.specialist.findMany({
        where: { centreId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toSpecialist);
    },
    async localeOf(handleId) {
      const row = await db.chatHandle.findFirst({ where: { id: handleId }, select: { locale: true } });
      const locale = row?.locale ?? null;
      return (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : null;
    },
  };
}

export function inviteRepository(db: DbTx): InviteRepository {
  return {
    async redeem(codeHash, specialist, now) {
      const { count } = await db.invite.updateMany({
        where: { codeHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return null;
      const invite = await db.invite.findFirstOrThrow({ where: { codeHash } });
      const created = await db.specialist.create({
        data: {
          ...specialist,
          displayName: invite.displayName ?? specialist.displayName,
          centreId: invite.centreId,
          role: invite.role,
          createdAt: now,
        },
      });
      await db.invite.update({ where: { codeHash }, data: { usedById: created.id } });
      return toSpecialist(created);
    },
  };
}

/** Creates a one-time invite (scripts/specialist-invite.ts); only the code's hash is stored. */
export async function createInvite(
  db: DbTx,
  invite: {
    codeHash: string;
    centreId: string;
    role: SpecialistRole;
    expiresAt: Date;
    displayName?: string | null;
    createdAt: Date;
  },
): Promise<void> {
  await db.invite.create({ data: invite });
}

export function notificationRepository(db: DbTx, now: () => Date): NotificationRepository {
  return {
    async record(requestId, specialistId, outboxId) {
      await db.notification.create({ data: { requestId, specialistId, outboxId, createdAt: now() } });
    },
    async ofRequest(requestId) {
      return db.notification.findMany({
        where: { requestId },
        select: { specialistId: true, outboxId: true },
        orderBy: { createdAt: 'asc' },
      });
    },
  };
}
