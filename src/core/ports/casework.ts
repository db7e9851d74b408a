// What casework needs from storage. Implemented in src/storage/casework.ts; every method runs in the
// caller's transaction (Repositories.casework).

import type {
  CaseFacts,
  CaseFields,
  CaseNote,
  CaseNotice,
  ChildAge,
  ChildSex,
  IntakeSource,
  Recipient,
  RiskLevel,
} from '../casework/model.js';
import type { CaseView, Locale } from '../model.js';

export interface RecordChange {
  caseCategory?: string;
  riskLevel?: RiskLevel;
  childAge?: ChildAge;
  childSex?: ChildSex;
  assessedAt?: Date;
  /** Plain text here; storage encrypts it. Null clears it. */
  address?: string | null;
}

/** A notice as the specialist records it: storage gives it an id, and it is not yet acknowledged. */
export type NewNotice = Omit<CaseNotice, 'id' | 'acknowledgedAt'>;

export interface RegisteredCase {
  kind: CaseView['kind'];
  category: string;
  urgency: CaseView['urgency'];
  centreId: string;
  language: Locale;
  unitId: string | null;
  description: string;
  contactPhone: string | null;
  intakeSource: IntakeSource;
  caseCode: string;
  receivedAt: Date;
}

export interface ReferralContact {
  id: string;
  oblastId: string;
  recipient: Recipient;
  nameUk: string;
  nameRu: string;
  phone: string | null;
  email: string | null;
  addressUk: string | null;
  addressRu: string | null;
}

export interface CaseworkRepository {
  fields(requestId: string): Promise<CaseFields | null>;
  updateFields(requestId: string, change: RecordChange): Promise<void>;
  /** The exact address, decrypted: only after the caller checked the reader is of the owning centre. */
  addressOf(requestId: string): Promise<string | null>;
  addNote(requestId: string, specialistId: string, text: string, at: Date): Promise<CaseNote>;
  notes(requestId: string): Promise<CaseNote[]>;
  addNotice(notice: NewNotice): Promise<CaseNotice>;
  notices(requestId: string): Promise<CaseNotice[]>;
  acknowledge(requestId: string, noticeId: string, at: Date): Promise<CaseNotice | null>;
  /** Facts of the given cases (for ⏰ marks), in no particular order. */
  factsOf(requestIds: string[]): Promise<CaseFacts[]>;
  /** Facts of every open case that may carry a deadline (for the watch job). */
  openFacts(): Promise<CaseFacts[]>;
  /** Records an alert level as sent; false when it already was (another run got there first). */
  markAlerted(requestId: string, kind: string, level: number, dueAt: Date): Promise<boolean>;
  /** A case with no reporter chat; null when the case code is taken (the caller draws another). */
  register(input: RegisteredCase): Promise<CaseView | null>;
  referralContacts(oblastId: string, recipient?: Recipient): Promise<ReferralContact[]>;
  /** Replaces one oblast's referral contacts together. */
  replaceReferralContacts(oblastId: string, contacts: ReferralContact[]): Promise<void>;
}
