import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRowError, readDirectoryFile } from '../../../src/directory/index.js';

const dir = mkdtempSync(join(tmpdir(), 'poruch-read-'));
const problemsOf = async (path: string) => {
  const read = await readDirectoryFile(path);
  return read.ok ? [] : read.error.map(formatRowError);
};

describe('reading a directory file from disk', () => {
  it('says so when the file is not there', async () => {
    const path = join(dir, 'missing.json');
    expect(await problemsOf(path)).toEqual([`missing.json: not found at ${path}`]);
  });

  it('refuses a spreadsheet saved in Windows-1251 instead of UTF-8, rather than importing mojibake', async () => {
    const path = join(dir, 'cp1251.csv');
    // "Донецька" in Windows-1251.
    writeFileSync(path, Buffer.from([0xc4, 0xee, 0xed, 0xe5, 0xf6, 0xfc, 0xea, 0xe0, 0x0a]));
    expect(await problemsOf(path)).toEqual([
      'cp1251.csv: is not UTF-8 text: save it as "CSV UTF-8" or JSON in UTF-8',
    ]);
  });
});
