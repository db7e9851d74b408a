// Who on a centre's staff may see and do what. Pure rules over the directory: the console asks them
// for every page and every action, and answers "not found" for anything out of scope, so that even
// the existence (or the code) of another centre's case never leaks.
import type { CaseView, Directory, Specialist } from '../model.js';

export type Staff = Pick<Specialist, 'id' | 'centreId' | 'role' | 'displayName' | 'active'>;

export const isAdmin = (staff: Staff) => staff.role === 'ADMIN';

/** The centres whose queue the staff member sees: their own, or every centre of the oblast for a supervisor. */
export function visibleCentreIds(staff: Staff, directory: Directory): string[] {
  if (staff.role !== 'SUPERVISOR') return [staff.centreId];
  const own = directory.centres.find((c) => c.id === staff.centreId);
  if (!own) return [staff.centreId];
  return directory.centres.filter((c) => c.oblastId === own.oblastId).map((c) => c.id);
}

export type CaseAccess =
  /** Out of scope: answer 404. */
  | 'none'
  /** May read the case (a supervisor's look at another centre's case, or a colleague's case). */
  | 'read'
  /** Waits in the staff member's own queue: may read and claim it. */
  | 'claim'
  /** Held by this staff member: may reply, release and close. */
  | 'hold';

export function caseAccess(staff: Staff, request: CaseView, directory: Directory): CaseAccess {
  if (!staff.active) return 'none';
  if (request.claimedById === staff.id && request.status !== 'CLOSED') return 'hold';
  const own = request.centreId === staff.centreId;
  if (!own && !visibleCentreIds(staff, directory).includes(request.centreId)) return 'none';
  const waiting = request.status === 'NEW' || request.status === 'ESCALATED';
  return own && waiting ? 'claim' : 'read';
}

/** Whether the case may be shown at all. */
export const canSee = (access: CaseAccess) => access !== 'none';
