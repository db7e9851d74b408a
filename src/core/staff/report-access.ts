// Who may open which statistics page, and with which counts. A centre's staff see their own
// centre's dashboard with exact counts (they know these families already); the oblast supervisor
// sees the roll-up of their oblast and the dashboard of any of its centres, with counts below 5
// shown as "<5" for every centre but their own, exactly as `npm run report` exports them. Anything
// else is "not found", like another centre's case.
import type { Directory } from '../model.js';
import type { Exposure } from '../reports/exposure.js';
import type { ReportScope } from '../reports/model.js';
import { type Staff, visibleCentreIds } from './access.js';

export type ReportTarget = { centreId: string } | { oblast: true };

export interface ReportAccess {
  scope: ReportScope;
  exposure: Exposure;
  /** Centres that get a row even without requests (the oblast's directory). */
  centreIds: string[];
}

export function reportAccess(staff: Staff, directory: Directory, target: ReportTarget): ReportAccess | null {
  if (!staff.active) return null;
  if ('oblast' in target) {
    if (staff.role !== 'SUPERVISOR') return null;
    const oblastId = directory.centres.find((c) => c.id === staff.centreId)?.oblastId;
    if (!oblastId) return null;
    const centreIds = directory.centres.filter((c) => c.oblastId === oblastId).map((c) => c.id);
    return { scope: { oblastId }, exposure: {}, centreIds };
  }
  const { centreId } = target;
  if (!directory.centres.some((c) => c.id === centreId)) return null;
  if (centreId === staff.centreId) return { scope: { centreId }, exposure: {}, centreIds: [] };
  if (staff.role !== 'SUPERVISOR' || !visibleCentreIds(staff, directory).includes(centreId)) return null;
  return { scope: { centreId }, exposure: { sharedOutsideCentre: true }, centreIds: [] };
}

/** Where "Statistics" in the menu leads: the supervisor's oblast, anyone else's own centre. */
export const ownReportTarget = (staff: Staff): ReportTarget =>
  staff.role === 'SUPERVISOR' ? { oblast: true } : { centreId: staff.centreId };
