// A report as CSV files, one per table, in the reader's language. csv-stringify does the quoting;
// the byte-order mark lets Excel (what most centres open CSV with) read Cyrillic as UTF-8.
import { stringify } from 'csv-stringify/sync';
import type { Text } from '../core/conversation/types.js';
import type { Directory, Locale } from '../core/model.js';
import { type Exposure, tablesFor } from '../core/reports/exposure.js';
import type { Report } from '../core/reports/report.js';
import { SMALL_COUNT_THRESHOLD } from '../core/reports/suppression.js';
import { formatCell, type Table } from '../core/reports/table.js';
import type { I18n } from '../i18n/index.js';

export interface CsvFile {
  /** e.g. "01-centres.csv": numbered in reading order. */
  name: string;
  /** The table's id ("centres"): what the console's download links ask for. */
  table: string;
  content: string;
}

/** A centre's name in `locale`; a centre no longer in the directory keeps its id. */
export function centreNames(directory: Directory, locale: Locale): (centreId: string) => string {
  const names = new Map(directory.centres.map((c) => [c.id, locale === 'ru' ? c.nameRu : c.nameUk]));
  return (centreId) => names.get(centreId) ?? centreId;
}

export function tableRecords(table: Table, i18n: Pick<I18n, 'render'>, locale: Locale): string[][] {
  const text = (label: Text | string) => (typeof label === 'string' ? label : i18n.render(label, locale));
  return [
    table.columns.map(text),
    ...table.rows.map((row) => [
      text(row.label),
      ...row.cells.map((c) => formatCell(c, SMALL_COUNT_THRESHOLD)),
    ]),
  ];
}

export function reportCsvFiles(
  report: Report,
  directory: Directory,
  i18n: Pick<I18n, 'render'>,
  locale: Locale,
  exposure: Exposure = {},
): { files: CsvFile[]; suppressed: boolean } {
  const { tables, suppressed } = tablesFor(
    report,
    { units: directory.units, nameOf: centreNames(directory, locale) },
    locale,
    exposure,
  );
  const files = tables.map((table, i) => ({
    name: `${String(i + 1).padStart(2, '0')}-${table.id}.csv`,
    table: table.id,
    content: stringify(tableRecords(table, i18n, locale), { bom: true }),
  }));
  return { files, suppressed };
}
