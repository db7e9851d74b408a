// A small RFC 4180 reader: quoted fields, doubled quotes, delimiters and line breaks inside quotes,
// CRLF / LF / CR, a UTF-8 BOM. Written here because no CSV package is installed and the import file
// is the only CSV Poruch reads; ~80 lines are cheaper than a dependency.
import { err, ok, type Result } from '../core/result.js';

export interface CsvRecord {
  /** Spreadsheet row number: the first record is row 1, blank rows still count. */
  row: number;
  cells: string[];
}

export interface CsvSyntaxError {
  row: number;
  problem: string;
}

/**
 * Excel in a Ukrainian or Russian locale saves "CSV" with `;` because `,` is the decimal separator.
 * The header row decides: more semicolons than commas outside quotes means `;`.
 */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses CSV text into records; blank rows are dropped but keep their number. */
export function parseCsv(
  input: string,
  delimiter = detectDelimiter(input),
): Result<CsvRecord[], CsvSyntaxError> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  /** True once the current cell has any content, even an empty quoted "" one. */
  let started = false;
  let row = 1;
  let i = 0;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    started = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.some((c) => c !== '')) records.push({ row, cells });
    cells = [];
    row++;
  };

  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' && !started) {
      // A quoted field runs to the next quote that is not doubled; its line breaks belong to the cell.
      const startRow = row;
      let closed = false;
      for (i++; i < text.length; i++) {
        const c = text[i] as string;
        if (c !== '"') cell += c;
        else if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          closed = true;
          i++;
          break;
        }
      }
      if (!closed) return err({ row: startRow, problem: 'a quoted cell is never closed (missing ")' });
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        return err({ row, problem: `unexpected text after a closing quote: ${JSON.stringify(next)}` });
      }
      started = true;
    } else if (ch === delimiter) {
      endCell();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      started = true;
      i++;
    }
  }
  if (started || cells.length > 0) endRecord();
  return ok(records);
}
