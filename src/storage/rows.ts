// Database rows -> core types. Queries select exactly the columns a core type shows, so the
// reporter's handle never leaves the database in a staff-facing read.
import {
  type AdminLevel,
  type AdminUnit,
  type CaseMessage,
  type CaseOutcome,
  type CaseView,
  type Centre,
  type CentreLevel,
  type Channel,
  LOCALES,
  type Locale,
  type MessageAuthor,
  type RequestKind,
  type RequestStatus,
  type Urgency,
} from '../core/model.js';

/** The columns of a CaseView; deliberately without reporterHandleId and continuationHash. */
export const caseColumns = {
  id: true,
  caseCode: true,
  kind: true,
  category: true,
  urgency: true,
  status: true,
  centreId: true,
  claimedById: true,
  claimedAt: true,
  leaseExpiresAt: true,
  escalationLevel: true,
  outcome: true,
  language: true,
  channel: true,
  unitId: true,
  description: true,
  contactPhone: true,
  contactPreference: true,
  createdAt: true,
} as const;

interface CaseRow {
  id: string;
  caseCode: string;
  kind: string;
  category: string;
  urgency: string;
  status: string;
  centreId: string;
  claimedById: string | null;
  claimedAt: Date | null;
  leaseExpiresAt: Date | null;
  escalationLevel: number;
  outcome: string | null;
  language: string;
  channel: string | null;
  unitId: string | null;
  description: string;
  contactPhone: string | null;
  contactPreference: string | null;
  createdAt: Date;
}

export function toCaseView(row: CaseRow): CaseView {
  // Copies field by field: a row that carried more columns must not leak them into the view.
  return {
    id: row.id,
    caseCode: row.caseCode,
    kind: row.kind as RequestKind,
    category: row.category,
    urgency: row.urgency as Urgency,
    status: row.status as RequestStatus,
    centreId: row.centreId,
    claimedById: row.claimedById,
    claimedAt: row.claimedAt,
    leaseExpiresAt: row.leaseExpiresAt,
    escalationLevel: row.escalationLevel,
    outcome: row.outcome as CaseOutcome | null,
    language: row.language as Locale,
    channel: row.channel as Channel | null,
    unitId: row.unitId,
    description: row.description,
    contactPhone: row.contactPhone,
    contactPreference: row.contactPreference,
    createdAt: row.createdAt,
  };
}

export function toCaseMessage(row: {
  id: string;
  requestId: string;
  author: string;
  specialistId: string | null;
  text: string;
  createdAt: Date;
}): CaseMessage {
  return {
    id: row.id,
    requestId: row.requestId,
    author: row.author as MessageAuthor,
    specialistId: row.specialistId,
    text: row.text,
    createdAt: row.createdAt,
  };
}

export function toAdminUnit(row: AdminUnit & { level: string }): AdminUnit {
  return {
    id: row.id,
    parentId: row.parentId,
    level: row.level as AdminLevel,
    nameUk: row.nameUk,
    nameRu: row.nameRu,
    lat: row.lat,
    lon: row.lon,
  };
}

type CentreRow = Omit<Centre, 'coverage' | 'level' | 'languages'> & {
  level: string;
  languages?: string | null;
  coverage: { unitId: string }[];
};

/** "uk,ru" -> ['uk', 'ru']; unknown codes are dropped. */
export const localesOf = (list: string): Locale[] =>
  list.split(',').filter((l): l is Locale => (LOCALES as readonly string[]).includes(l));

export function toCentre(row: CentreRow): Centre {
  return {
    id: row.id,
    level: row.level as CentreLevel,
    nameUk: row.nameUk,
    nameRu: row.nameRu,
    oblastId: row.oblastId,
    addressUk: row.addressUk,
    addressRu: row.addressRu,
    phone: row.phone,
    email: row.email,
    hoursUk: row.hoursUk,
    hoursRu: row.hoursRu,
    lat: row.lat,
    lon: row.lon,
    needsConfirmation: row.needsConfirmation,
    parentId: row.parentId,
    // Only set once the centre said which languages its staff speak (the console's directory page).
    ...(row.languages ? { languages: localesOf(row.languages) } : {}),
    coverage: row.coverage.map((c) => c.unitId).sort(),
  };
}
