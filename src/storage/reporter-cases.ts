// A person's own cases, always filtered by their handle: nobody can list or touch another's case.
import type { ReporterCaseLookup } from '../core/ports/index.js';
import type { DbTx } from './prisma.js';
import { caseColumns, toCaseView } from './rows.js';

export function reporterCaseLookup(db: DbTx): ReporterCaseLookup {
  return {
    async listMine(reporterHandleId) {
      const rows = await db.request.findMany({
        where: { reporterHandleId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 20,
        select: caseColumns,
      });
      return rows.map(toCaseView);
    },
    async findMine(reporterHandleId, caseCode) {
      const row = await db.request.findFirst({ where: { reporterHandleId, caseCode }, select: caseColumns });
      return row && toCaseView(row);
    },
    async adopt(continuationHash, reporterHandleId, caseCode) {
      // One conditional update: the secret is spent by whoever uses it first.
      const rows = await db.request.updateManyAndReturn({
        where: { continuationHash, ...(caseCode && { caseCode }) },
        data: { reporterHandleId, continuationHash: null },
        select: caseColumns,
      });
      const row = rows[0];
      return row ? toCaseView(row) : null;
    },
  };
}
