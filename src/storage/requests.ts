// Requests as the queue sees them. Every state change is ONE conditional UPDATE ... RETURNING, so of
// many concurrent claims (from any number of processes) exactly one can win.
import type { CaseView } from '../core/model.js';
import type { RequestChange, RequestGuard, RequestRepository } from '../core/ports/index.js';
import { newId } from './ids.js';
import type { DbTx } from './prisma.js';
import { caseColumns, toCaseView } from './rows.js';
import { dateOf, dateOrNull, type Sql } from './sql.js';

export const WAITING = ['NEW', 'ESCALATED'] as const;

/**
 * A centre's queue: URGENT before NORMAL, then oldest first. `urgency DESC` puts URGENT first on
 * both backends: PostgreSQL orders its enum by declaration (NORMAL, URGENT) and SQLite stores the
 * names as text ('URGENT' > 'NORMAL'). The queue-order test pins this on both, and shows with
 * EXPLAIN that the index on (centreId, status, urgency DESC, createdAt, id) yields this order.
 */
export const QUEUE_OF_CENTRE = `
  SELECT "id", "caseCode", "kind", "category", "urgency", "status", "centreId", "claimedById",
         "claimedAt", "leaseExpiresAt", "escalationLevel", "outcome", "language", "channel", "unitId",
         "description", "contactPhone", "contactPreference", "createdAt"
  FROM "Request"
  WHERE "centreId" = ? AND "status" = ?
  ORDER BY "urgency" DESC, "createdAt", "id"
  LIMIT ?`;

type SqlCaseRow = Omit<Parameters<typeof toCaseView>[0], 'claimedAt' | 'leaseExpiresAt' | 'createdAt'> & {
  claimedAt: unknown;
  leaseExpiresAt: unknown;
  createdAt: unknown;
};

const fromSql = (row: SqlCaseRow): CaseView =>
  toCaseView({
    ...row,
    claimedAt: dateOrNull(row.claimedAt),
    leaseExpiresAt: dateOrNull(row.leaseExpiresAt),
    createdAt: dateOf(row.createdAt),
    escalationLevel: Number(row.escalationLevel),
  });

/** Same order as the SQL: URGENT before NORMAL, then oldest, then id. */
const inQueueOrder = (a: CaseView, b: CaseView) =>
  (a.urgency === b.urgency ? 0 : a.urgency === 'URGENT' ? -1 : 1) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The first `limit` of lists that are each already in queue order. */
function mergeInQueueOrder(lists: CaseView[][], limit: number): CaseView[] {
  return lists.flat().sort(inQueueOrder).slice(0, limit);
}

export const queueOrder = [{ urgency: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }] as const;
const oldestFirst = [{ createdAt: 'asc' }, { id: 'asc' }] as const;

function whereGuard(id: string, guard: RequestGuard) {
  return {
    id,
    status: { in: [...guard.statuses] },
    ...(guard.claimedById !== undefined && { claimedById: guard.claimedById }),
    ...(guard.centreId !== undefined && { centreId: guard.centreId }),
    ...(guard.leaseExpiredBefore !== undefined && { leaseExpiresAt: { lt: guard.leaseExpiredBefore } }),
    ...(guard.createdBefore !== undefined && { createdAt: { lt: guard.createdBefore } }),
  };
}

/** Only the fields the caller set; `undefined` means "leave as is", `null` means "clear". */
function dataOf(change: RequestChange) {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as RequestChange;
}

export function requestRepository(db: DbTx, sql: Sql, now: () => Date): RequestRepository {
  const many = async (query: Promise<Parameters<typeof toCaseView>[0][]>): Promise<CaseView[]> =>
    (await query).map(toCaseView);

  return {
    // Once per finished report, hence plain SQL (see sql.ts). The unique index decides a draw of a
    // code already taken: nothing is inserted and the queue draws again (ON CONFLICT rather than a
    // failed INSERT, which on PostgreSQL would spoil the caller's transaction).
    // The earlier requests of the same chat are counted here, once, into reporterPriorRequests: the
    // statistics of returning people then need neither the chat handle nor any link between requests.
    async create(input) {
      const id = newId();
      const createdAt = now();
      const inserted = await sql.run(
        `INSERT INTO "Request" ("id", "caseCode", "continuationHash", "kind", "category", "urgency", "status",
           "centreId", "escalationLevel", "language", "channel", "unitId", "approxLat", "approxLon",
           "description", "contactPhone", "contactPreference", "reporterHandleId", "reporterPriorRequests",
           "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?,
           (SELECT COUNT(*) FROM "Request" WHERE "reporterHandleId" = ?), ?, ?)
         ON CONFLICT ("caseCode") DO NOTHING`,
        [
          id,
          input.caseCode,
          input.continuationHash,
          input.kind,
          input.category,
          input.urgency,
          input.centreId,
          input.language,
          input.channel,
          input.unitId,
          input.approxLocation?.lat ?? null,
          input.approxLocation?.lon ?? null,
          input.description,
          input.contactPhone,
          input.contactPreference,
          input.reporterHandleId,
          input.reporterHandleId,
          createdAt,
          createdAt,
        ],
      );
      if (inserted !== 1) return null;
      return toCaseView({
        id,
        caseCode: input.caseCode,
        kind: input.kind,
        category: input.category,
        urgency: input.urgency,
        status: 'NEW',
        centreId: input.centreId,
        claimedById: null,
        claimedAt: null,
        leaseExpiresAt: null,
        escalationLevel: 0,
        outcome: null,
        language: input.language,
        channel: input.channel,
        unitId: input.unitId,
        description: input.description,
        contactPhone: input.contactPhone,
        contactPreference: input.contactPreference,
        createdAt,
      });
    },

    async findById(id) {
      const row = await db.request.findFirst({ where: { id }, select: caseColumns });
      return row && toCaseView(row);
    },

    async findByCaseCode(caseCode) {
      const row = await db.request.findFirst({ where: { caseCode }, select: caseColumns });
      return row && toCaseView(row);
    },

    // One read per waiting status, each served in queue order by the index, then merged: with
    // `status IN (...)` neither SQLite nor PostgreSQL could use the index order and sorted every
    // waiting request of the centre (SQLite: USE TEMP B-TREE FOR ORDER BY) to return the first 50.
    async listQueue(centreId, limit = 50) {
      const each = await Promise.all(
        WAITING.map((status) => sql.all<SqlCaseRow>(QUEUE_OF_CENTRE, [centreId, status, limit])),
      );
      return mergeInQueueOrder(
        each.map((rows) => rows.map(fromSql)),
        limit,
      );
    },

    listByReporter: (reporterHandleId) =>
      many(
        db.request.findMany({
          where: { reporterHandleId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          select: caseColumns,
        }),
      ),

    listExpiredLeases: (now) =>
      many(
        db.request.findMany({
          where: { status: 'CLAIMED', leaseExpiresAt: { lt: now } },
          orderBy: [{ leaseExpiresAt: 'asc' }, { id: 'asc' }],
          select: caseColumns,
        }),
      ),

    listWaitingSince: (urgency, before) =>
      many(
        db.request.findMany({
          where: { urgency, status: { in: [...WAITING] }, createdAt: { lt: before } },
          orderBy: [...oldestFirst],
          select: caseColumns,
        }),
      ),

    async update(id, guard, change) {
      // One statement: UPDATE "Request" SET ... WHERE id = ? AND <guard> RETURNING <columns>.
      // The database evaluates the guard and writes under the row's lock, so no read can go stale.
      if (guard.statuses.length === 0) return null;
      const rows = await db.request.updateManyAndReturn({
        where: whereGuard(id, guard),
        data: { ...dataOf(change), updatedAt: now() },
        select: caseColumns,
      });
      const row = rows[0];
      return row ? toCaseView(row) : null;
    },

    async reporterHandleOf(id) {
      const row = await db.request.findFirst({ where: { id }, select: { reporterHandleId: true } });
      return row?.reporterHandleId ?? null;
    },
  };
}
