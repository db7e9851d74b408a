// Which requests a report covers: those a centre holds now, or those of every centre of an oblast.
import { isCentreScope, type ReportScope } from '../../core/reports/model.js';

export interface ScopeFilter {
  /** A condition on the centre column (r."centreId" unless another is given). */
  where: string;
  params: string[];
}

export function scopeFilter(scope: ReportScope, column = 'r."centreId"'): ScopeFilter {
  return isCentreScope(scope)
    ? { where: `${column} = ?`, params: [scope.centreId] }
    : {
        where: `${column} IN (SELECT c."id" FROM "Centre" c WHERE c."oblastId" = ?)`,
        params: [scope.oblastId],
      };
}
