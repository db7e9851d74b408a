// An invite code for a story's specialist, as an admin issues it: valid 72 hours from now.
import type { Poruch } from '../../src/compose.js';
import type { SpecialistRole } from '../../src/core/model.js';
import { issueInvite } from '../../src/storage/invites.js';

export async function freshInvite(
  poruch: Poruch,
  centreId: string,
  role: SpecialistRole = 'SPECIALIST',
  name?: string,
): Promise<string> {
  const { code } = await issueInvite(poruch.store.database.prisma, {
    centreId,
    role,
    hours: 72,
    name,
    now: new Date(), // the server runs on the system clock
  });
  return code;
}
