// Who may read and change a case record. Staff of the owning centre read it; the specialist who
// holds the case, or an admin of that centre, changes it. A case of another centre is answered as
// "not found": staff of one centre do not learn what another centre holds.
import type { CaseView } from '../model.js';
import type { Repositories } from '../ports/index.js';
import { err, ok, type Result } from '../result.js';
import type { StaffActor } from './model.js';

export const CASEWORK_ERROR_CODES = [
  'NOT_FOUND',
  /** Of the actor's centre, but held by a colleague (and the actor is not an admin). */
  'NOT_HOLDER',
  'CLOSED',
  /** The input does not fit (unknown category, empty note, the same centre...). */
  'INVALID',
] as const;
export type CaseworkErrorCode = (typeof CASEWORK_ERROR_CODES)[number];

export interface CaseworkError {
  code: CaseworkErrorCode;
  requestId: string;
  caseCode: string | null;
}

export const caseworkError = (
  code: CaseworkErrorCode,
  requestId: string,
  c: CaseView | null = null,
): CaseworkError => ({ code, requestId, caseCode: c?.caseCode ?? null });

export const mayRead = (actor: StaffActor, c: CaseView): boolean => actor.centreId === c.centreId;

export const mayChange = (actor: StaffActor, c: CaseView): boolean =>
  mayRead(actor, c) && (c.claimedById === actor.id || actor.role === 'ADMIN');

/** The case, if the actor may read it. */
export async function readable(
  tx: Repositories,
  actor: StaffActor,
  requestId: string,
): Promise<Result<CaseView, CaseworkError>> {
  const c = await tx.requests.findById(requestId);
  if (!c || !mayRead(actor, c)) return err(caseworkError('NOT_FOUND', requestId));
  return ok(c);
}

/** The case, if the actor may change it and it is still open. */
export async function changeable(
  tx: Repositories,
  actor: StaffActor,
  requestId: string,
): Promise<Result<CaseView, CaseworkError>> {
  const found = await readable(tx, actor, requestId);
  if (!found.ok) return found;
  const c = found.value;
  if (c.status === 'CLOSED') return err(caseworkError('CLOSED', requestId, c));
  if (!mayChange(actor, c)) return err(caseworkError('NOT_HOLDER', requestId, c));
  return ok(c);
}
