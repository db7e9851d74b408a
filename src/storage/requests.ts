// Requests as the queue sees them. Every state change is ONE conditional UPDATE ... RETURNING, so of
// many concurrent claims (from any number of processes) exactly one can win.
import type { CaseView } from '../core/model.js';
import type { RequestChange, RequestGuard, RequestRepository } from '../core/ports.js';
import type { DbTx } from './prisma.js';
import { caseColumns, toCaseView } from './rows.js';

const WAITING = ['NEW', 'ESCALATED'] as const;

/**
 * URGENT before NORMAL, then oldest first. `urgency desc` puts URGENT first on both backends:
 * PostgreSQL orders its enum by declaration (NORMAL, URGENT) and SQLite stores the names as text
 * ('URGENT' > 'NORMAL'). The queue-order test pins this on both.
 */
const queueOrder = [{ urgency: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }] as const;
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

interface UniqueViolation {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } };
}

/** P2002 on this column? SQLite names the column, PostgreSQL the index ("Request_caseCode_key"). */
function violatesUnique(error: unknown, column: string): boolean {
  const e = error as UniqueViolation | null;
  if (typeof e !== 'object' || e === null || e.code !== 'P2002') return false;
  const constraint = e.meta?.driverAdapterError?.cause?.constraint;
  return Boolean(constraint?.fields?.includes(column) || constraint?.index === `Request_${column}_key`);
}

export function requestRepository(db: DbTx): RequestRepository {
  const many = async (query: Promise<Parameters<typeof toCaseView>[0][]>): Promise<CaseView[]> =>
    (await query).map(toCaseView);

  return {
    async create(input) {
      // The check spares PostgreSQL a failed INSERT, which would spoil the caller's transaction; the
      // unique index still decides if two requests draw the same code at the same moment.
      if (await db.request.findUnique({ where: { caseCode: input.caseCode }, select: { id: true } })) {
        return null;
      }
      try {
        const row = await db.request.create({
          data: {
            caseCode: input.caseCode,
            continuationHash: input.continuationHash,
            kind: input.kind,
            category: input.category,
            urgency: input.urgency,
            centreId: input.centreId,
            language: input.language,
            channel: input.channel,
            unitId: input.unitId,
            approxLat: input.approxLocation?.lat ?? null,
            approxLon: input.approxLocation?.lon ?? null,
            description: input.description,
            contactPhone: input.contactPhone,
            contactPreference: input.contactPreference,
            reporterHandleId: input.reporterHandleId,
          },
          select: caseColumns,
        });
        return toCaseView(row);
      } catch (error) {
        if (violatesUnique(error, 'caseCode')) return null;
        throw error;
      }
    },

    async findById(id) {
      const row = await db.request.findUnique({ where: { id }, select: caseColumns });
      return row && toCaseView(row);
    },

    async findByCaseCode(caseCode) {
      const row = await db.request.findUnique({ where: { caseCode }, select: caseColumns });
      return row && toCaseView(row);
    },

    listQueue: (centreId, limit = 50) =>
      many(
        db.request.findMany({
          where: { centreId, status: { in: [...WAITING] } },
          orderBy: [...queueOrder],
          take: limit,
          select: caseColumns,
        }),
      ),

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
        data: dataOf(change),
        select: caseColumns,
      });
      const row = rows[0];
      return row ? toCaseView(row) : null;
    },

    async reporterHandleOf(id) {
      const row = await db.request.findUnique({ where: { id }, select: { reporterHandleId: true } });
      return row?.reporterHandleId ?? null;
    },
  };
}
