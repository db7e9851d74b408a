// The referral directory file (data/referrals/<oblast>.json): the bodies a centre notifies and refers
// cases to, per oblast. Checked whole before anything is written, like the centre directory; one
// oblast's contacts are replaced together.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { RECIPIENTS } from '../core/casework/model.js';
import type { CaseworkRepository, ReferralContact } from '../core/ports/index.js';
import { err, ok, type Result } from '../core/result.js';

const text = z.string().trim().min(1).max(300);
const optional = z
  .string()
  .trim()
  .max(300)
  .nullish()
  .transform((v) => v || null);

const fileSchema = z.object({
  note: z.string().optional(),
  oblastId: text,
  contacts: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]{2,60}$/, 'lower-case letters, digits and dashes'),
      recipient: z.enum(RECIPIENTS),
      nameUk: text,
      nameRu: text,
      phone: optional,
      email: optional,
      addressUk: optional,
      addressRu: optional,
    }),
  ),
});

/** Reads and checks a referral file; the problems come back as lines "path: message". */
export async function readReferralFile(
  path: string,
): Promise<Result<{ oblastId: string; contacts: ReferralContact[] }, string[]>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return err([`${path}: ${e instanceof Error ? e.message : String(e)}`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return err(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const { oblastId, contacts } = parsed.data;
  const ids = contacts.map((c) => c.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) return err(repeated.map((id) => `contacts: id ${id} appears twice`));
  return ok({ oblastId, contacts: contacts.map((c) => ({ ...c, oblastId })) });
}

export async function importReferralFile(
  path: string,
  casework: Pick<CaseworkRepository, 'replaceReferralContacts'>,
): Promise<Result<{ oblastId: string; contacts: number }, string[]>> {
  const read = await readReferralFile(path);
  if (!read.ok) return read;
  await casework.replaceReferralContacts(read.value.oblastId, read.value.contacts);
  return ok({ oblastId: read.value.oblastId, contacts: read.value.contacts.length });
}
