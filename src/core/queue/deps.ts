import type { CaseworkPolicy } from '../casework/deadlines.js';
import type { Specialist } from '../model.js';
import type { Clock, Store } from '../ports/index.js';
import type { CaseCodes } from './case-codes.js';

export interface QueueDeps {
  store: Store;
  clock: Clock;
  /** How long a claim lasts without an answer before the request goes back to the queue. */
  leaseMinutes: number;
  caseCodes: CaseCodes;
  /**
   * The centre one level up, or null at the top. By default each escalation (or each escalateOverdue
   * run) reads the directory from the store; the composition root can pass a lookup into the directory
   * it already keeps in memory. Synchronous on purpose: it is consulted inside a transaction.
   */
  parentCentreOf?: (centreId: string) => string | null;
  /** Case codes to draw before giving up; a collision is rare (28.6 million codes), ten in a row is a fault. */
  maxCodeAttempts?: number;
  /** The legal deadlines (notices a close requires); DEFAULT_CASEWORK_POLICY when not given. */
  casework?: CaseworkPolicy;
}

/** Who is acting: enough to check they may (their centre) and to name them in the audit trail. */
export type SpecialistRef = Pick<Specialist, 'id' | 'centreId'>;

export const minutesAfter = (instant: Date, minutes: number): Date =>
  new Date(instant.getTime() + minutes * 60_000);
