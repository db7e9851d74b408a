// The case record in the database: fields on Request, CaseNote, CaseNotice, DeadlineAlert and the
// referral directory. Prisma for the record (casework is not the per-update hot path); plain SQL
// where an insert must not fail on a duplicate (see requests.ts: a failed INSERT spoils a
// PostgreSQL transaction).
import type {
  CaseFacts,
  CaseFields,
  CaseNote,
  CaseNotice,
  ChildAge,
  ChildSex,
  IntakeSource,
  NoticeWay,
  Recipient,
  RiskLevel,
} from '../core/casework/model.js';
import type { CaseworkRepository, ReferralContact } from '../core/ports/index.js';
import type { HandleCipher } from '../crypto/handle-cipher.js';
import { newId } from './ids.js';
import type { DbTx } from './prisma.js';
import { caseColumns, toCaseView } from './rows.js';
import type { Sql } from './sql.js';

export const fieldColumns = {
  intakeSource: true,
  caseCategory: true,
  riskLevel: true,
  childAge: true,
  childSex: true,
  assessedAt: true,
  encryptedAddress: true,
} as const;

interface FieldRow {
  intakeSource: string | null;
  caseCategory: string | null;
  riskLevel: string | null;
  childAge: string | null;
  childSex: string | null;
  assessedAt: Date | null;
  encryptedAddress: string | null;
}

export const toFields = (row: FieldRow): CaseFields => ({
  intakeSource: row.intakeSource as IntakeSource | null,
  caseCategory: row.caseCategory,
  riskLevel: row.riskLevel as RiskLevel | null,
  childAge: row.childAge as ChildAge | null,
  childSex: row.childSex as ChildSex | null,
  assessedAt: row.assessedAt,
  hasAddress: row.encryptedAddress !== null,
});

export const toNotice = (row: {
  id: string;
  requestId: string;
  recipient: string;
  recipientName: string | null;
  way: string;
  sentAt: Date;
  specialistId: string;
  reference: string | null;
  acknowledgedAt: Date | null;
}): CaseNotice => ({
  id: row.id,
  requestId: row.requestId,
  recipient: row.recipient as Recipient,
  recipientName: row.recipientName,
  way: row.way as NoticeWay,
  sentAt: row.sentAt,
  specialistId: row.specialistId,
  reference: row.reference,
  acknowledgedAt: row.acknowledgedAt,
});

const toNote = (row: {
  id: string;
  requestId: string;
  specialistId: string;
  text: string;
  createdAt: Date;
  specialist: { displayName: string };
}): CaseNote => ({
  id: row.id,
  requestId: row.requestId,
  specialistId: row.specialistId,
  authorName: row.specialist.displayName,
  text: row.text,
  createdAt: row.createdAt,
});

const factsSelect = {
  ...caseColumns,
  ...fieldColumns,
  caseNotices: { select: { recipient: true, sentAt: true } },
} as const;

type FactsRow = Parameters<typeof toCaseView>[0] &
  FieldRow & { caseNotices: { recipient: string; sentAt: Date }[] };

const toFacts = (row: FactsRow): CaseFacts => ({
  request: toCaseView(row),
  fields: toFields(row),
  notices: row.caseNotices.map((n) => ({ recipient: n.recipient as Recipient, sentAt: n.sentAt })),
});

/**
 * The statistics read the first children's-service and police notice from the request row (schema:
 * Request.firstChildrenServiceNoticeAt), not by seeking each request's notices: that seek was most
 * of a year's oblast report. Kept here, in the transaction that records the notice; a notice may be
 * recorded after the fact with an earlier sentAt, so the earliest wins.
 */
const FIRST_NOTICE_COLUMN: Partial<Record<Recipient, string>> = {
  CHILDREN_SERVICE: 'firstChildrenServiceNoticeAt',
  POLICE: 'firstPoliceNoticeAt',
};

async function keepFirstNotice(sql: Sql, requestId: string, recipient: Recipient, sentAt: Date) {
  const column = FIRST_NOTICE_COLUMN[recipient];
  if (!column) return;
  await sql.run(
    `UPDATE "Request" SET "${column}" = ? WHERE "id" = ? AND ("${column}" IS NULL OR "${column}" > ?)`,
    [sentAt, requestId, sentAt],
  );
}

export function caseworkRepository(db: DbTx, sql: Sql, cipher: HandleCipher): CaseworkRepository {
  return {
    async fields(requestId) {
      const row = await db.request.findFirst({ where: { id: requestId }, select: fieldColumns });
      return row && toFields(row);
    },

    async updateFields(requestId, change) {
      const { address, ...rest } = change;
      const data: Record<string, string | Date | null> = Object.fromEntries(
        Object.entries(rest).filter(([, v]) => v !== undefined),
      );
      if (address !== undefined) data.encryptedAddress = address === null ? null : cipher.encrypt(address);
      await db.request.update({ where: { id: requestId }, data });
    },

    async addressOf(requestId) {
      const row = await db.request.findFirst({
        where: { id: requestId },
        select: { encryptedAddress: true },
      });
      return row?.encryptedAddress ? cipher.decrypt(row.encryptedAddress) : null;
    },

    async addNote(requestId, specialistId, text, at) {
      return toNote(
        await db.caseNote.create({
          data: { requestId, specialistId, text, createdAt: at },
          include: { specialist: { select: { displayName: true } } },
        }),
      );
    },

    async notes(requestId) {
      const rows = await db.caseNote.findMany({
        where: { requestId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: { specialist: { select: { displayName: true } } },
      });
      return rows.map(toNote);
    },

    async addNotice(notice) {
      const row = await db.caseNotice.create({ data: notice });
      await keepFirstNotice(sql, notice.requestId, notice.recipient, notice.sentAt);
      return toNotice(row);
    },

    async notices(requestId) {
      const rows = await db.caseNotice.findMany({
        where: { requestId },
        orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toNotice);
    },

    async acknowledge(requestId, noticeId, at) {
      const rows = await db.caseNotice.updateManyAndReturn({
        where: { id: noticeId, requestId, acknowledgedAt: null },
        data: { acknowledgedAt: at },
      });
      const row = rows[0] ?? (await db.caseNotice.findFirst({ where: { id: noticeId, requestId } }));
      return row ? toNotice(row) : null;
    },

    async factsOf(requestIds) {
      if (requestIds.length === 0) return [];
      const rows = await db.request.findMany({ where: { id: { in: requestIds } }, select: factsSelect });
      return rows.map(toFacts);
    },

    async openFacts() {
      const rows = await db.request.findMany({
        where: { status: { not: 'CLOSED' } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: factsSelect,
      });
      return rows.map(toFacts);
    },

    async markAlerted(requestId, kind, level, dueAt) {
      const inserted = await sql.run(
        `INSERT INTO "DeadlineAlert" ("requestId", "kind", "level", "dueAt", "createdAt")
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [requestId, kind, level, dueAt, new Date()],
      );
      return inserted === 1;
    },

    async register(input) {
      const id = newId();
      const at = input.receivedAt;
      const inserted = await sql.run(
        `INSERT INTO "Request" ("id", "caseCode", "kind", "category", "urgency", "status", "centreId",
           "escalationLevel", "language", "unitId", "description", "contactPhone", "intakeSource",
           "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, 'NEW', ?, 0, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("caseCode") DO NOTHING`,
        [
          id,
          input.caseCode,
          input.kind,
          input.category,
          input.urgency,
          input.centreId,
          input.language,
          input.unitId,
          input.description,
          input.contactPhone,
          input.intakeSource,
          at,
          at,
        ],
      );
      if (inserted !== 1) return null;
      const row = await db.request.findFirst({ where: { id }, select: caseColumns });
      return row && toCaseView(row);
    },

    async referralContacts(oblastId, recipient) {
      const rows = await db.referralContact.findMany({
        where: { oblastId, ...(recipient && { recipient }) },
        orderBy: [{ recipient: 'asc' }, { nameUk: 'asc' }],
      });
      return rows.map((r) => ({ ...r, recipient: r.recipient as Recipient }));
    },

    async replaceReferralContacts(oblastId: string, contacts: ReferralContact[]) {
      await db.referralContact.deleteMany({ where: { oblastId } });
      if (contacts.length > 0) await db.referralContact.createMany({ data: contacts });
    },
  };
}
