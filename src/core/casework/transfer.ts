// Transfer: the deliberate sideways move of a case to another centre (wrong district, the family
// moved). The case waits in the new centre's queue, unclaimed; its record, notes, notices and thread
// go with it because they hang on the request; the old centre loses access because every read checks
// the case's current centre. The reporter's chat is untouched: their messages follow the case.
import type { CaseView, Centre, Directory } from '../model.js';
import { err, ok, type Result } from '../result.js';
import { type CaseworkError, caseworkError, changeable } from './access.js';
import { type StaffActor, TRANSFER_REASONS, type TransferReason } from './model.js';
import { CASEWORK_AUDIT, type CaseworkContext } from './service.js';

export interface TransferInput {
  toCentreId: string;
  reason: TransferReason;
}

/** The centres a case may be transferred to: the other centres of its oblast. */
export function transferTargets(directory: Directory, c: Pick<CaseView, 'centreId'>): Centre[] {
  const oblast = directory.centres.find((x) => x.id === c.centreId)?.oblastId;
  return directory.centres.filter((x) => x.id !== c.centreId && x.oblastId === oblast);
}

/** What moves and what is cleared: claim, lease and escalation belong to the old centre's queue. */
const OPEN_STATUSES = ['NEW', 'CLAIMED', 'ANSWERED', 'ESCALATED'] as const;

export async function transferCase(
  ctx: CaseworkContext,
  actor: StaffActor,
  requestId: string,
  input: TransferInput,
): Promise<Result<{ request: CaseView; fromCentreId: string }, CaseworkError>> {
  const found = await changeable(ctx.tx, actor, requestId);
  if (!found.ok) return found;
  const current = found.value;
  const target = ctx.directory().centres.find((c) => c.id === input.toCentreId);
  if (!target || target.id === current.centreId || !TRANSFER_REASONS.includes(input.reason)) {
    return err(caseworkError('INVALID', requestId, current));
  }
  const moved = await ctx.tx.requests.update(
    requestId,
    { statuses: OPEN_STATUSES, centreId: current.centreId },
    {
      centreId: target.id,
      status: 'NEW',
      claimedById: null,
      claimedAt: null,
      leaseExpiresAt: null,
      escalationLevel: 0,
      escalatedAt: null,
    },
  );
  // Closed or moved by someone else between the read and the update.
  if (!moved) return err(caseworkError('CLOSED', requestId, current));
  await ctx.tx.audit.record({
    requestId,
    actor: { type: 'SPECIALIST', id: actor.id },
    action: CASEWORK_AUDIT.transferred,
    detail: { from: current.centreId, to: target.id, reason: input.reason, status: current.status },
  });
  return ok({ request: moved, fromCentreId: current.centreId });
}
