// The social-work domain, in the words a centre's staff use. No platform, database or HTTP types here.

export const LOCALES = ['uk', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'uk';

export type Channel = 'TELEGRAM' | 'VIBER';

export type RequestKind = 'CONCERN' | 'CONSULTATION';

export const CONCERN_CATEGORIES = [
  'VIOLENCE',
  'NEGLECT',
  'LEFT_WITHOUT_CARE',
  'PARENTAL_SUBSTANCE_ABUSE',
  'BULLYING',
  'OTHER',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

export const CONSULTATION_TOPICS = [
  'PSYCHOLOGICAL',
  'LEGAL',
  'PARENTING',
  'SOCIAL_BENEFITS',
  'CHILD_WITH_DISABILITY',
  'OTHER',
] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];

export type Urgency = 'NORMAL' | 'URGENT';

/**
 * NEW and ESCALATED requests wait in a centre's queue; CLAIMED is held by one specialist under a
 * lease; ANSWERED means the specialist has written to the person and owns the case until CLOSED.
 */
export type RequestStatus = 'NEW' | 'CLAIMED' | 'ANSWERED' | 'ESCALATED' | 'CLOSED';

export const CASE_OUTCOMES = [
  'CONSULTED',
  'REFERRED_POLICE',
  'REFERRED_CHILDREN_SERVICE',
  'SOCIAL_SUPPORT_OPENED',
  'UNFOUNDED',
  'DUPLICATE',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export type AdminLevel = 'OBLAST' | 'DISTRICT' | 'HROMADA';
export type CentreLevel = 'OBLAST' | 'DISTRICT' | 'CITY' | 'HROMADA';

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Oblast -> district (raion) -> hromada or town. */
export interface AdminUnit {
  id: string;
  parentId: string | null;
  level: AdminLevel;
  nameUk: string;
  nameRu: string;
  lat: number | null;
  lon: number | null;
}

export interface Centre {
  id: string;
  level: CentreLevel;
  nameUk: string;
  nameRu: string;
  oblastId: string;
  addressUk: string | null;
  addressRu: string | null;
  phone: string | null;
  email: string | null;
  hoursUk: string | null;
  hoursRu: string | null;
  /** Languages the centre's staff speak, when the centre said so (the console's directory page). */
  languages?: Locale[];
  lat: number;
  lon: number;
  needsConfirmation: boolean;
  parentId: string | null;
  /** Administrative unit ids this centre serves. */
  coverage: string[];
}

/** What a centre's admin keeps up to date about their centre (the console's directory page). */
export type CentreContacts = Pick<
  Centre,
  'phone' | 'email' | 'addressUk' | 'addressRu' | 'hoursUk' | 'hoursRu'
> & { languages: Locale[] };

/** Everything routing needs, loaded once and kept in memory (a region has hundreds of rows, not millions). */
export interface Directory {
  units: AdminUnit[];
  centres: Centre[];
}

/** What a person submits at the end of a flow. */
export interface NewRequest {
  kind: RequestKind;
  category: ConcernCategory | ConsultationTopic;
  urgency: Urgency;
  centreId: string;
  language: Locale;
  channel: Channel;
  unitId: string | null;
  approxLocation: GeoPoint | null;
  description: string;
  contactPhone: string | null;
  contactPreference: string | null;
  reporterHandleId: string;
}

/** A request as staff see it: never the reporter's identity. */
export interface CaseView {
  id: string;
  caseCode: string;
  kind: RequestKind;
  category: string;
  urgency: Urgency;
  status: RequestStatus;
  centreId: string;
  claimedById: string | null;
  claimedAt: Date | null;
  leaseExpiresAt: Date | null;
  escalationLevel: number;
  outcome: CaseOutcome | null;
  language: Locale;
  /** Null for a case staff registered from a phone call, letter or visit: no reporter chat. */
  channel: Channel | null;
  unitId: string | null;
  description: string;
  contactPhone: string | null;
  contactPreference: string | null;
  createdAt: Date;
}

export type MessageAuthor = 'REPORTER' | 'SPECIALIST' | 'SYSTEM';

export interface CaseMessage {
  id: string;
  requestId: string;
  author: MessageAuthor;
  specialistId: string | null;
  text: string;
  createdAt: Date;
}

/**
 * SPECIALIST works the own centre's queue; ADMIN also runs the centre's team and directory entry;
 * SUPERVISOR (oblast centre) also reads, without acting on, the cases of every centre of the oblast.
 */
export type SpecialistRole = 'SPECIALIST' | 'ADMIN' | 'SUPERVISOR';

export interface Specialist {
  id: string;
  centreId: string;
  role: SpecialistRole;
  displayName: string;
  languages: Locale[];
  active: boolean;
  handleId: string | null;
}

export type ActorType = 'SYSTEM' | 'SPECIALIST' | 'REPORTER';

export interface Actor {
  type: ActorType;
  /** A specialist's id; never anything that identifies a reporter. */
  id?: string;
}
