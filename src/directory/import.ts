// Importing a directory file into storage: every row is checked before anything is written, and the
// write is one `replace` (one transaction), so a bad file or a failed write leaves the old directory.
import type { Directory } from '../core/model.js';
import type { DirectoryRepository } from '../core/ports/index.js';
import { err, ok, type Result } from '../core/result.js';
import { readDirectoryFile } from './index.js';
import type { RowError } from './row-error.js';

export interface ImportSummary {
  units: number;
  districts: number;
  hromadas: number;
  centres: number;
  /** Unit ids listed in centres' coverage, summed over centres. */
  coverageLinks: number;
  /** Centres whose details the operator still has to confirm. */
  unconfirmedCentres: number;
}

export function summarize(directory: Directory): ImportSummary {
  const level = (l: string) => directory.units.filter((u) => u.level === l).length;
  return {
    units: directory.units.length,
    districts: level('DISTRICT'),
    hromadas: level('HROMADA'),
    centres: directory.centres.length,
    coverageLinks: directory.centres.reduce((n, c) => n + c.coverage.length, 0),
    unconfirmedCentres: directory.centres.filter((c) => c.needsConfirmation).length,
  };
}

/** Reads, checks and writes. Errors in the file come back as values; a storage failure throws. */
export async function importDirectoryFile(
  path: string,
  repository: DirectoryRepository,
): Promise<Result<ImportSummary, RowError[]>> {
  const parsed = await readDirectoryFile(path);
  if (!parsed.ok) return err(parsed.error);
  await repository.replace(parsed.value);
  return ok(summarize(parsed.value));
}
