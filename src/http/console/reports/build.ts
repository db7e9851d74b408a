// One path from "who asks, about what, for which days" to the tables: the page renders them, the CSV
// download writes them through src/export/report-csv.ts, and both take the same exposure from the
// same access rule, so the page, its CSV and `npm run report` suppress the same cells.
import type { Locale } from '../../../core/model.js';
import { tablesFor } from '../../../core/reports/exposure.js';
import type { Period } from '../../../core/reports/period.js';
import { buildReport, type Report } from '../../../core/reports/report.js';
import type { Staff } from '../../../core/staff/access.js';
import { type ReportAccess, type ReportTarget, reportAccess } from '../../../core/staff/report-access.js';
import { type CsvFile, centreNames, reportCsvFiles } from '../../../export/report-csv.js';
import type { ConsoleDeps } from '../deps.js';

export interface BuiltReport {
  access: ReportAccess;
  report: Report;
}

/**
 * The report the staff member may see; 'not-found' when the target is out of their scope (answer 404
 * before saying anything about the period), 'no-period' when the period was refused.
 */
export async function reportFor(
  deps: ConsoleDeps,
  staff: Staff,
  target: ReportTarget,
  period: Period | null,
): Promise<BuiltReport | 'not-found' | 'no-period'> {
  const directory = deps.directory();
  const access = reportAccess(staff, directory, target);
  if (!access) return 'not-found';
  if (!period) return 'no-period';
  const report = await buildReport(
    { source: deps.reports.source, clock: deps.clock, casework: deps.reports.casework },
    access.scope,
    period,
    access.centreIds,
  );
  return { access, report };
}

export function pageTables(deps: ConsoleDeps, built: BuiltReport, locale: Locale) {
  const directory = deps.directory();
  return tablesFor(
    built.report,
    { units: directory.units, nameOf: centreNames(directory, locale) },
    locale,
    built.access.exposure,
  );
}

export function csvFileOf(
  deps: ConsoleDeps,
  built: BuiltReport,
  locale: Locale,
  tableId: string,
): CsvFile | null {
  const { files } = reportCsvFiles(built.report, deps.directory(), deps.i18n, locale, built.access.exposure);
  return files.find((f) => f.table === tableId) ?? null;
}
