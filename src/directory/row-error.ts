// One problem found in an import file, located precisely enough that an operator can open the file
// (or the spreadsheet it came from) and fix that exact cell.

/** Which list a JSON row belongs to. CSV rows are numbered across the whole file, so they have none. */
export type Section = 'units' | 'centres';

export interface RowError {
  /** The file name as the operator gave it. */
  file: string;
  section: Section | null;
  /**
   * 1-based. JSON: position in `units` / `centres`. CSV: the spreadsheet row (the header is row 1,
   * a cell with line breaks stays one row). Null: the file as a whole (the problem text says where).
   */
  row: number | null;
  /** The row's id when it could be read: "row 7" alone is hard to find in a JSON file. */
  id: string | null;
  /** Field / column name; null when the problem is the row or file as a whole. */
  column: string | null;
  problem: string;
}

export interface RowLocation {
  file: string;
  section: Section | null;
  row: number;
  id: string | null;
}

export function rowError(at: RowLocation, column: string | null, problem: string): RowError {
  return { file: at.file, section: at.section, row: at.row, id: at.id, column, problem };
}

export function fileError(file: string, problem: string): RowError {
  return { file, section: null, row: null, id: null, column: null, problem };
}

/** "centres.csv: row 7 (dn-csss-lyman), lat: must be between 44 and 53" */
export function formatRowError(e: RowError): string {
  const where: string[] = [];
  if (e.row !== null)
    where.push(`${e.section ? `${e.section} row` : 'row'} ${e.row}${e.id ? ` (${e.id})` : ''}`);
  if (e.column) where.push(e.column);
  return `${e.file}: ${where.length > 0 ? `${where.join(', ')}: ` : ''}${e.problem}`;
}
