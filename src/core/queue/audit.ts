// What the audit trail says about a request. Actors are the system, a specialist (by id) or "the
// reporter" with no id: the trail must never identify the person who wrote to us. Details carry ids,
// statuses and centres, never message text.
import type { Actor } from '../model.js';

export const AUDIT_ACTIONS = {
  enqueued: 'request.enqueued',
  claimed: 'request.claimed',
  released: 'request.released',
  leaseExpired: 'request.lease_expired',
  handedBack: 'request.handed_back',
  answered: 'request.answered',
  reporterMessage: 'request.reporter_message',
  closed: 'request.closed',
  escalated: 'request.escalated',
  /** A staff member opened the case in the console: reading is recorded too. */
  viewed: 'request.viewed',
  /** A staff member signed in to the console (no request). */
  signedIn: 'staff.signed_in',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

export const SYSTEM: Actor = { type: 'SYSTEM' };
export const REPORTER: Actor = { type: 'REPORTER' };
export const specialistActor = (id: string): Actor => ({ type: 'SPECIALIST', id });
