// The referral directory file: the bundled one is valid; a broken one is refused with its problems
// named and nothing written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReferralFile, readReferralFile } from '../../../src/directory/referrals.js';

describe('referral directory', () => {
  it('reads the bundled Donetsk oblast file', async () => {
    const read = await readReferralFile('data/referrals/donetska.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.oblastId).toBe('donetska');
    expect(read.value.contacts.map((c) => c.recipient)).toContain('CHILDREN_SERVICE');
  });

  it('refuses an unknown recipient, naming where, and writes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'referrals-')), 'bad.json');
    const contact = { id: 'a', recipient: 'CHURCH', nameUk: 'x', nameRu: 'x' };
    writeFileSync(
      file,
      JSON.stringify({ oblastId: 'donetska', contacts: [contact, { ...contact, recipient: 'SCHOOL' }] }),
    );
    const written: unknown[] = [];
    const result = await importReferralFile(file, {
      replaceReferralContacts: async (...args) => {
        written.push(args);
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.join('\n')).toContain('contacts.0.recipient');
    expect(written).toEqual([]);
  });
});
