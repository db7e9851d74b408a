// What the specialists' side needs from storage. Implemented in src/storage/specialists.ts; every
// method runs inside the update's transaction, so enrolment, claims and their messages commit together.
import type { CaseView, Locale, Specialist, SpecialistRole } from '../model.js';

export interface NewSpecialist {
  centreId: string;
  role: SpecialistRole;
  handleId: string;
  displayName: string;
}

export interface SpecialistRepository {
  /** The specialist whose chat this is, if any (active or not). */
  byHandle(handleId: string): Promise<Specialist | null>;
  byId(id: string): Promise<Specialist | null>;
  /** Active specialists of a centre that have a chat to write to (optionally only one role). */
  activeOfCentre(centreId: string, role?: SpecialistRole): Promise<Specialist[]>;
  /** Open cases (CLAIMED, ANSWERED) this specialist holds, most recently claimed first. */
  casesOf(specialistId: string): Promise<CaseView[]>;
  /** The locale a chat chose, to tell the person in their own language. */
  localeOf(handleId: string): Promise<Locale | null>;
  /** Switches the specialist off (no notifications, no claims); null when there is no such specialist. */
  deactivate(id: string): Promise<Specialist | null>;
  /** Everyone of a centre, active or not, oldest first: for the admin's list. */
  ofCentre(centreId: string): Promise<Specialist[]>;
}

export interface InviteRepository {
  /**
   * Spends the invite with this code hash if it is unused and not expired, in ONE conditional
   * update (two people racing with one code: exactly one wins), and enrols the chat as a
   * specialist of the invite's centre. Null when the code is unknown, used or expired.
   */
  redeem(
    codeHash: string,
    specialist: Omit<NewSpecialist, 'centreId' | 'role'>,
    now: Date,
  ): Promise<Specialist | null>;
}

export interface NotificationRepository {
  record(requestId: string, specialistId: string, outboxId: string): Promise<void>;
  ofRequest(requestId: string): Promise<{ specialistId: string; outboxId: string }[]>;
}
