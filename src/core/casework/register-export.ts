// The centre's register as rows: one per case, with its notices, whether each legal deadline was
// met, and its outcome. Pure; the script writes the rows with a CSV or XLSX library. Never a
// reporter handle or secret (a RegisterCase has none), and the exact address only when the caller
// may see it (mayExportAddresses) and asked for it.
import type { CaseView } from '../model.js';
import { localDate } from './calendar.js';
import {
  type CaseworkPolicy,
  type Deadline,
  type DeadlineKind,
  deadlinesOf,
  isOverdue,
} from './deadlines.js';
import type { CaseFields, CaseNotice, StaffActor } from './model.js';

export interface RegisterCase {
  request: CaseView;
  fields: CaseFields;
  notices: CaseNotice[];
  closedAt: Date | null;
  /** Decrypted only for an export with addresses; null otherwise. */
  address: string | null;
}

/** Only an admin of the centre itself exports exact addresses. */
export const mayExportAddresses = (actor: StaffActor | null, centreId: string): boolean =>
  actor !== null && actor.role === 'ADMIN' && actor.centreId === centreId;

export const REGISTER_COLUMNS = [
  'number',
  'receivedAt',
  'source',
  'channel',
  'kind',
  'reportedCategory',
  'caseCategory',
  'urgency',
  'riskLevel',
  'childAge',
  'childSex',
  'notices',
  'childrenServiceDue',
  'childrenServiceNotice',
  'policeDue',
  'policeNotice',
  'assessmentDue',
  'assessment',
  'outcome',
  'closedAt',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number] | 'address';

/** MET, MET_LATE, MISSED (past due, not met), OPEN (not due yet) or empty when it does not apply. */
export type DeadlineState = 'MET' | 'MET_LATE' | 'MISSED' | 'OPEN' | '';

export function deadlineState(d: Deadline | undefined, now: Date): DeadlineState {
  if (!d) return '';
  if (d.metAt) return d.metAt > d.dueAt ? 'MET_LATE' : 'MET';
  return isOverdue(d, now) ? 'MISSED' : 'OPEN';
}

/** "2027-03-02 10:00", local time of the centre. */
export function localStamp(instant: Date | null, timeZone: string): string {
  if (!instant) return '';
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(instant);
  return `${localDate(instant, timeZone)} ${time}`;
}

export function registerRows(
  cases: RegisterCase[],
  policy: CaseworkPolicy,
  now: Date,
  withAddresses: boolean,
): Record<RegisterColumn, string>[] {
  const tz = policy.calendar.timeZone;
  return cases.map(({ request: c, fields, notices, closedAt, address }) => {
    const deadlines = deadlinesOf({ request: c, fields, notices }, policy);
    const of = (kind: DeadlineKind) => deadlines.find((d) => d.kind === kind);
    const due = (kind: DeadlineKind) => localStamp(of(kind)?.dueAt ?? null, tz);
    const row: Record<RegisterColumn, string> = {
      number: c.caseCode,
      receivedAt: localStamp(c.createdAt, tz),
      source: fields.intakeSource ?? 'MESSENGER',
      channel: c.channel ?? '',
      kind: c.kind,
      reportedCategory: c.category,
      caseCategory: fields.caseCategory ?? '',
      urgency: c.urgency,
      riskLevel: fields.riskLevel ?? '',
      childAge: fields.childAge ?? '',
      childSex: fields.childSex ?? '',
      notices: notices
        .map(
          (n) =>
            `${n.recipient} ${n.way} ${localStamp(n.sentAt, tz)}${n.reference ? ` №${n.reference}` : ''}`,
        )
        .join('; '),
      childrenServiceDue: due('CHILDREN_SERVICE_NOTICE'),
      childrenServiceNotice: deadlineState(of('CHILDREN_SERVICE_NOTICE'), now),
      policeDue: due('POLICE_NOTICE'),
      policeNotice: deadlineState(of('POLICE_NOTICE'), now),
      assessmentDue: due('NEEDS_ASSESSMENT'),
      assessment: deadlineState(of('NEEDS_ASSESSMENT'), now),
      outcome: c.outcome ?? '',
      closedAt: localStamp(closedAt, tz),
      address: withAddresses ? (address ?? '') : '',
    };
    return row;
  });
}

export const registerColumns = (withAddresses: boolean): RegisterColumn[] =>
  withAddresses ? [...REGISTER_COLUMNS, 'address'] : [...REGISTER_COLUMNS];
