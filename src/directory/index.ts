// Reading a centres directory file at the boundary: JSON or CSV in, a checked Directory or every
// problem (file, row, column) out. See docs/centres-import.md for both formats.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Directory } from '../core/model.js';
import { err, type Result } from '../core/result.js';
import { parseDirectoryCsv } from './csv-file.js';
import { parseDirectoryJson } from './json-file.js';
import { fileError, type RowError } from './row-error.js';

export { CSV_COLUMNS, parseDirectoryCsv } from './csv-file.js';
export { parseDirectoryJson } from './json-file.js';
export { formatRowError, type RowError } from './row-error.js';

/** Larger than any real directory (Donetsk oblast: ~40 KB) and small enough to read at once. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Parses file content; the format follows the name's extension (.json or .csv). */
export function parseDirectoryFile(fileName: string, text: string): Result<Directory, RowError[]> {
  const file = basename(fileName);
  const ext = extname(fileName).toLowerCase();
  if (ext === '.json') return parseDirectoryJson(file, text);
  if (ext === '.csv') return parseDirectoryCsv(file, text);
  return err([fileError(file, `has extension "${ext || '(none)'}": expected .json or .csv`)]);
}

/** Reads and parses a file; an unreadable file is reported like any other problem with it. */
export async function readDirectoryFile(path: string): Promise<Result<Directory, RowError[]>> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    // Size first: a wrong path to a multi-gigabyte dump should not be read into memory.
    if ((await stat(path)).size > MAX_FILE_BYTES)
      return err([fileError(file, `is larger than ${MAX_FILE_BYTES} bytes`)]);
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err([
      fileError(file, code === 'ENOENT' ? `not found at ${path}` : `cannot be read: ${String(e)}`),
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err([fileError(file, 'is not UTF-8 text: save it as "CSV UTF-8" or JSON in UTF-8')]);
  }
  return parseDirectoryFile(path, text);
}
