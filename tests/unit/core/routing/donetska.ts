// The bundled Donetsk oblast directory, parsed the way the app loads it: routing tests run on real towns.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Directory } from '../../../../src/core/model.js';
import { formatRowError, parseDirectoryFile } from '../../../../src/directory/index.js';

export const DONETSKA_FILE = fileURLToPath(
  new URL('../../../../data/centres/donetska.json', import.meta.url),
);

export function loadDonetska(): Directory {
  const parsed = parseDirectoryFile(DONETSKA_FILE, readFileSync(DONETSKA_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.map(formatRowError).join('\n'));
  return parsed.value;
}
