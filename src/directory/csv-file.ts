// The CSV import format: ONE file, one row per unit or centre, told apart by the `type` column, so an
// operator keeps the whole directory in one spreadsheet and imports it with one command.
//
//   type,id,parentId,level,nameUk,nameRu,lat,lon,oblastId,addressUk,addressRu,phone,email,hoursUk,hoursRu,needsConfirmation,coverage,note
//   unit,donetska,,OBLAST,Донецька область,Донецкая область,48.2,37.8,,,,,,,,,,
//   centre,dn-occ-oblast,,OBLAST,Донецький обласний центр …,Донецкий областной центр …,48.72,37.55,donetska,…,true,donetska,
//
// - Column names are the JSON field names; case, spaces, `_` and `-` in the header are ignored
//   (`name_uk` works), and columns may come in any order. `type` is `unit` or `centre`.
// - Unit rows use id, parentId, level, nameUk, nameRu, lat, lon, note; the other cells must stay empty.
// - `coverage` lists unit ids separated by `;` (`,` or spaces also work inside a quoted cell).
// - `,` or `;` as the delimiter (decided from the header row), and decimal commas ("48,85") are accepted:
//   that is what a spreadsheet in a Ukrainian locale saves.
// - Row numbers in errors are spreadsheet rows: the header is row 1.
import type { AdminUnit, Centre, Directory } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';
import type { Located } from './checks.js';
import { parseCsv } from './csv.js';
import { finish } from './finish.js';
import { fileError, type RowError, type RowLocation, rowError } from './row-error.js';
import { validateRow } from './rows.js';
import { centreRowSchema, unitRowSchema } from './schema.js';

const UNIT_COLUMNS = ['id', 'parentId', 'level', 'nameUk', 'nameRu', 'lat', 'lon', 'note'] as const;
const CENTRE_ONLY_COLUMNS = [
  'oblastId',
  'addressUk',
  'addressRu',
  'phone',
  'email',
  'hoursUk',
  'hoursRu',
  'needsConfirmation',
  'coverage',
] as const;
export const CSV_COLUMNS = ['type', ...UNIT_COLUMNS, ...CENTRE_ONLY_COLUMNS] as const;
const REQUIRED_COLUMNS = [
  'type',
  'id',
  'parentId',
  'level',
  'nameUk',
  'nameRu',
  'lat',
  'lon',
  'oblastId',
  'coverage',
];

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
const CANONICAL = new Map<string, string>(CSV_COLUMNS.map((c) => [squash(c), c]));

type Header = (string | null)[];

function readHeader(file: string, cells: string[]): Result<Header, RowError[]> {
  const at: RowLocation = { file, section: null, row: 1, id: null };
  const errors: RowError[] = [];
  const header: Header = cells.map((cell) => {
    const name = cell.trim();
    if (name === '') return null;
    const canonical = CANONICAL.get(squash(name));
    if (!canonical) errors.push(rowError(at, name, `unknown column; expected: ${CSV_COLUMNS.join(', ')}`));
    return canonical ?? null;
  });
  for (const column of REQUIRED_COLUMNS) {
    const count = header.filter((h) => h === column).length;
    if (count === 0) errors.push(rowError(at, column, 'column is missing from the header'));
    if (count > 1) errors.push(rowError(at, column, 'column appears more than once'));
  }
  return errors.length > 0 ? err(errors) : ok(header);
}

/** Cells of one row by column name; blank cells are left out, so a required one reads "is required". */
function cellsOf(header: Header, cells: string[], at: RowLocation, errors: RowError[]): Map<string, string> {
  const byColumn = new Map<string, string>();
  cells.forEach((cell, i) => {
    const column = header[i];
    if (cell.trim() === '') return;
    if (column === undefined || column === null) {
      errors.push(rowError(at, null, `cell ${i + 1} has text but no column name in the header`));
    } else byColumn.set(column, cell);
  });
  return byColumn;
}

export function parseDirectoryCsv(file: string, text: string): Result<Directory, RowError[]> {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return err([fileError(file, `is not valid CSV: row ${parsed.error.row}: ${parsed.error.problem}`)]);
  const [headerRecord, ...records] = parsed.value;
  if (!headerRecord)
    return err([fileError(file, 'is empty: expected a header row and then one row per unit or centre')]);
  const header = readHeader(file, headerRecord.cells);
  if (!header.ok) return header;

  const errors: RowError[] = [];
  const broken = { units: new Set<string>(), centres: new Set<string>() };
  const units: Located<AdminUnit>[] = [];
  const centres: Located<Centre>[] = [];
  for (const record of records) {
    const at: RowLocation = { file, section: null, row: record.row, id: null };
    const cells = cellsOf(header.value, record.cells, at, errors);
    at.id = cells.get('id')?.trim() || null;
    const type = (cells.get('type') ?? '').trim().toLowerCase();
    cells.delete('type');
    if (type === 'unit') {
      for (const column of CENTRE_ONLY_COLUMNS) {
        if (cells.has(column))
          errors.push(rowError(at, column, 'must be empty on a unit row (only centres use it)'));
        cells.delete(column);
      }
      const row = validateRow(unitRowSchema, Object.fromEntries(cells), at);
      if (row.ok) units.push({ at, value: row.value });
      else errors.push(...row.error);
      if (!row.ok && at.id) broken.units.add(at.id);
    } else if (type === 'centre' || type === 'center') {
      const row = validateRow(centreRowSchema, Object.fromEntries(cells), at);
      if (row.ok) centres.push({ at, value: row.value });
      else errors.push(...row.error);
      if (!row.ok && at.id) broken.centres.add(at.id);
    } else {
      errors.push(
        rowError(
          at,
          'type',
          type === '' ? 'is required: unit or centre' : `must be unit or centre, got "${type}"`,
        ),
      );
    }
  }
  return finish(file, units, centres, errors, broken);
}
