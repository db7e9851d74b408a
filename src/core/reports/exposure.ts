// Who may see exact small counts. A centre's own report, read inside that centre, shows them: its
// staff know these families already. Everything else (the oblast roll-up, any report covering more
// than one centre, a centre's report passed on outside) shows counts below 5 as "<5".
import type { AdminUnit, Locale } from '../model.js';
import { isCentreScope, type ReportScope } from './model.js';
import type { Report } from './report.js';
import type { NameOf } from './rollup-table.js';
import { suppressSmallCounts } from './suppression.js';
import type { Table } from './table.js';
import { reportTables } from './tables.js';

export interface Exposure {
  /** True when the report leaves its owning centre even though it covers only that centre. */
  sharedOutsideCentre?: boolean;
}

export const mustSuppress = (scope: ReportScope, exposure: Exposure = {}): boolean =>
  !isCentreScope(scope) || exposure.sharedOutsideCentre === true;

/** The report's tables as they may be shown to this audience. */
export function tablesFor(
  report: Report,
  directory: { units: readonly AdminUnit[]; nameOf: NameOf },
  locale: Locale,
  exposure: Exposure = {},
): { tables: Table[]; suppressed: boolean } {
  const tables = reportTables(report, directory, locale);
  const suppressed = mustSuppress(report.scope, exposure);
  return { tables: suppressed ? tables.map((t) => suppressSmallCounts(t)) : tables, suppressed };
}
