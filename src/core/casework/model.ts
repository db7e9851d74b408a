// The centre's case record in its own words: what a specialist records about a case, the notices and
// referrals made, and the sources a case can come from. Pure data; the rules live next to it.
import type { CaseView, SpecialistRole } from '../model.js';

/**
 * The specialist's own two-level category (it may differ from what the reporter chose). Stored as
 * "TOP" or "TOP.SUB", so SQL can count by either level with a LIKE 'TOP%'.
 */
export const CASE_CATEGORIES = {
  VIOLENCE: ['PHYSICAL', 'PSYCHOLOGICAL', 'SEXUAL', 'ECONOMIC'],
  NEGLECT: ['BASIC_NEEDS', 'SUPERVISION', 'MEDICAL', 'EDUCATION'],
  LEFT_WITHOUT_CARE: [],
  PARENTAL_SUBSTANCE_ABUSE: [],
  BULLYING: [],
  DIFFICULT_CIRCUMSTANCES: [],
  CONSULTATION: ['PSYCHOLOGICAL', 'LEGAL', 'PARENTING', 'SOCIAL_BENEFITS', 'CHILD_WITH_DISABILITY'],
  OTHER: [],
} as const satisfies Record<string, readonly string[]>;
export type CaseCategoryTop = keyof typeof CASE_CATEGORIES;

/** Every storable category: each top level, and each "TOP.SUB". */
export const CASE_CATEGORY_CODES: readonly string[] = Object.entries(CASE_CATEGORIES).flatMap(
  ([top, subs]) => [top, ...subs.map((sub) => `${top}.${sub}`)],
);

export const topOf = (category: string): string => category.split('.')[0] ?? category;

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CHILD_AGES = ['0-2', '3-5', '6-9', '10-13', '14-17', 'SEVERAL', 'UNKNOWN'] as const;
export type ChildAge = (typeof CHILD_AGES)[number];

export const CHILD_SEXES = ['FEMALE', 'MALE', 'SEVERAL', 'UNKNOWN'] as const;
export type ChildSex = (typeof CHILD_SEXES)[number];

/** Who a notice or referral goes to (the bodies Ukrainian procedure names). */
export const RECIPIENTS = [
  'CHILDREN_SERVICE',
  'POLICE',
  'HEALTH_CARE',
  'SCHOOL',
  'OTHER_CENTRE',
  'OBLAST_INSTITUTION',
  'LEGAL_AID',
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export const NOTICE_WAYS = ['PHONE', 'LETTER', 'EMAIL', 'IN_PERSON', 'SYSTEM'] as const;
export type NoticeWay = (typeof NOTICE_WAYS)[number];

/** How a case reached the centre when it did not come through a messenger. */
export const INTAKE_SOURCES = ['PHONE', 'LETTER', 'WALK_IN', 'SCHOOL', 'POLICE'] as const;
export type IntakeSource = (typeof INTAKE_SOURCES)[number];

export const TRANSFER_REASONS = ['WRONG_DISTRICT', 'FAMILY_MOVED', 'OTHER'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

export interface CaseNote {
  id: string;
  requestId: string;
  specialistId: string;
  authorName: string;
  text: string;
  createdAt: Date;
}

export interface CaseNotice {
  id: string;
  requestId: string;
  recipient: Recipient;
  recipientName: string | null;
  way: NoticeWay;
  sentAt: Date;
  specialistId: string;
  reference: string | null;
  acknowledgedAt: Date | null;
}

/** The fields a specialist fills in; the address is never part of it (see CaseworkRepository.addressOf). */
export interface CaseFields {
  intakeSource: IntakeSource | null;
  caseCategory: string | null;
  riskLevel: RiskLevel | null;
  childAge: ChildAge | null;
  childSex: ChildSex | null;
  assessedAt: Date | null;
  hasAddress: boolean;
}

/** What the deadline rules need to know about one case. */
export interface CaseFacts {
  request: CaseView;
  fields: CaseFields;
  notices: Pick<CaseNotice, 'recipient' | 'sentAt'>[];
}

/** Staff acting on a case: enough to check role and centre. */
export interface StaffActor {
  id: string;
  centreId: string;
  role: SpecialistRole;
}

/**
 * How long staff-written words are kept after a case is closed (notes, the exact address, notice
 * references): for the retention job. Three years follows the usual keeping period of a centre's
 * case files; a deployment can shorten it.
 */
export const CASEWORK_RETENTION_DAYS = 3 * 365;
