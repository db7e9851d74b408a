// What the staff console's sign-in needs from storage. Tokens and session ids are stored only as
// hashes: whoever reads the database cannot sign in with what they read.
import type { CaseView, Specialist } from '../model.js';

export interface StaffAccessRepository {
  createLoginToken(token: { tokenHash: string; specialistId: string; expiresAt: Date }): Promise<void>;
  /**
   * Spends an unused, unexpired token in ONE conditional update (a link opened twice at once signs
   * in once) and returns whose it was; null when it is unknown, used or expired.
   */
  spendLoginToken(tokenHash: string, now: Date): Promise<string | null>;
  createSession(session: { idHash: string; specialistId: string; now: Date }): Promise<void>;
  /**
   * The specialist of a session that was used after `idleSince`, if that specialist is still active;
   * a session of a switched-off specialist is worth nothing from that moment on. Marks it used `now`.
   */
  sessionSpecialist(idHash: string, idleSince: Date, now: Date): Promise<Specialist | null>;
  endSession(idHash: string): Promise<void>;
  /** Every session of one specialist (they were switched off). */
  endSessionsOf(specialistId: string): Promise<number>;
}

/** One line of a case's audit trail, as staff read it. */
export interface AuditEntry {
  at: Date;
  actorType: 'SYSTEM' | 'SPECIALIST' | 'REPORTER';
  /** The specialist's name when a specialist acted. */
  actorName: string | null;
  action: string;
}

/** What the console reads besides the queue's own ports. Reads only; nothing here changes a case. */
export interface ConsoleReads {
  /** Requests waiting in any of these centres' queues: urgent first, then oldest first. */
  waiting(centreIds: string[], limit: number): Promise<CaseView[]>;
  /** A case's audit trail, oldest first. */
  trail(requestId: string): Promise<AuditEntry[]>;
  /** Display names of specialists by id (for "claimed by" and the thread). */
  names(ids: string[]): Promise<Map<string, string>>;
}
