// Issuing one-time enrolment codes for specialists. The code is shown once; only its sha256 is stored.
import { createHash, randomInt } from 'node:crypto';
import type { SpecialistRole } from '../core/model.js';
import { normalizeInviteCode } from '../core/specialists/routing.js';
import type { Db } from './prisma.js';
import { createInvite } from './specialists.js';

/** No 0/O, 1/I/L: codes are typed by hand from a printout or a phone call. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const hashInviteCode = (code: string): string =>
  createHash('sha256').update(normalizeInviteCode(code)).digest('hex');

export interface IssuedInvite {
  code: string;
  expiresAt: Date;
}

export async function issueInvite(
  db: Db,
  options: { centreId: string; role: SpecialistRole; hours: number; name?: string; now: Date },
): Promise<IssuedInvite> {
  const centre = await db.centre.findFirst({ where: { id: options.centreId }, select: { id: true } });
  if (!centre) throw new Error(`no centre with id ${options.centreId} (import the directory first)`);
  const raw = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(options.now.getTime() + options.hours * 3_600_000);
  await createInvite(db, {
    codeHash: hashInviteCode(code),
    centreId: centre.id,
    role: options.role,
    expiresAt,
    displayName: options.name?.trim() || null,
    createdAt: options.now,
  });
  return { code, expiresAt };
}
