// The legal deadlines of a case, computed from its facts (never stored: a changed policy or a
// recorded notice changes them at once). Pure, with `now` passed in.
// - КМУ №658 (22.08.2018): the служба у справах дітей is told within a day of a report of violence
//   against a child; the same for neglect and a child left without parental care.
// - The police (ювенальна превенція) at once when a life or health is at risk: an urgent concern.
// - «Про соціальні послуги», art. 20: the оцінка потреб within 5 working days.
// Every period is a policy value, configurable per deployment, because the procedures get amended.

import { KYIV_CALENDAR, type WorkCalendar, workingDaysAfter } from './calendar.js';
import { isConcern } from './categories.js';
import type { CaseFacts, Recipient } from './model.js';

export const DEADLINE_KINDS = ['POLICE_NOTICE', 'CHILDREN_SERVICE_NOTICE', 'NEEDS_ASSESSMENT'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface CaseworkPolicy {
  childrenServiceNoticeMinutes: number;
  policeNoticeMinutes: number;
  assessmentWorkingDays: number;
  /** After a first alert, how long until the oblast centre is alerted too. */
  secondAlertAfterMinutes: number;
  calendar: WorkCalendar;
}

export const DEFAULT_CASEWORK_POLICY: CaseworkPolicy = {
  childrenServiceNoticeMinutes: 24 * 60,
  policeNoticeMinutes: 60,
  assessmentWorkingDays: 5,
  secondAlertAfterMinutes: 24 * 60,
  calendar: KYIV_CALENDAR,
};

/** Top-level categories that oblige the centre to tell the children's service. */
export const CHILDREN_SERVICE_CATEGORIES = ['VIOLENCE', 'NEGLECT', 'LEFT_WITHOUT_CARE'] as const;

export interface Deadline {
  kind: DeadlineKind;
  dueAt: Date;
  /** When it was met (the notice sent, the assessment recorded); null while owed. */
  metAt: Date | null;
  /** A notice a case may not be closed without. */
  requiredToClose: boolean;
}

/** Whom each notice deadline is owed to. */
export const RECIPIENT_OF: Partial<Record<DeadlineKind, Recipient>> = {
  POLICE_NOTICE: 'POLICE',
  CHILDREN_SERVICE_NOTICE: 'CHILDREN_SERVICE',
};

const after = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);

function firstNotice(facts: CaseFacts, recipient: Recipient): Date | null {
  const times = facts.notices.filter((n) => n.recipient === recipient).map((n) => n.sentAt.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/** Which deadlines apply to a case, each with its due time and whether it was met. */
export function deadlinesOf(facts: CaseFacts, policy: CaseworkPolicy): Deadline[] {
  const { request, fields } = facts;
  if (!isConcern(request, fields)) return [];
  const intake = request.createdAt;
  const deadlines: Deadline[] = [];
  const notice = (kind: DeadlineKind, minutes: number) => {
    const recipient = RECIPIENT_OF[kind] as Recipient;
    deadlines.push({
      kind,
      dueAt: after(intake, minutes),
      metAt: firstNotice(facts, recipient),
      requiredToClose: true,
    });
  };
  if (request.urgency === 'URGENT') notice('POLICE_NOTICE', policy.policeNoticeMinutes);
  if (obligesChildrenService(facts)) notice('CHILDREN_SERVICE_NOTICE', policy.childrenServiceNoticeMinutes);
  deadlines.push({
    kind: 'NEEDS_ASSESSMENT',
    dueAt: workingDaysAfter(intake, policy.assessmentWorkingDays, policy.calendar),
    metAt: fields.assessedAt,
    requiredToClose: false,
  });
  return deadlines;
}

/** The specialist's category decides once recorded; until then, what the reporter chose. */
export function obligesChildrenService(facts: CaseFacts): boolean {
  const category = facts.fields.caseCategory ?? facts.request.category;
  const top = category.split('.')[0] ?? '';
  return (CHILDREN_SERVICE_CATEGORIES as readonly string[]).includes(top);
}

export const isOverdue = (d: Deadline, now: Date): boolean => d.metAt === null && now > d.dueAt;

/** The owed deadline that falls due first (overdue ones first of all); null when nothing is owed. */
export function nextOwed(deadlines: Deadline[]): Deadline | null {
  const owed = deadlines.filter((d) => d.metAt === null);
  return owed.reduce<Deadline | null>((a, d) => (a && a.dueAt <= d.dueAt ? a : d), null);
}

/** Met, but late: for the register and the statistics. */
export const metLate = (d: Deadline): boolean => d.metAt !== null && d.metAt > d.dueAt;

/** The notices a case still owes: closing it is refused while any is missing. */
export const owedToClose = (deadlines: Deadline[]): Deadline[] =>
  deadlines.filter((d) => d.requiredToClose && d.metAt === null);

export interface AlertDue {
  kind: DeadlineKind;
  /** 1: the owning specialist and the centre's admins; 2: the oblast centre as well. */
  level: 1 | 2;
  dueAt: Date;
}

/** Alert levels an open case has reached by `now` (the caller skips the ones already sent). */
export function alertsDue(deadlines: Deadline[], now: Date, policy: CaseworkPolicy): AlertDue[] {
  const alerts: AlertDue[] = [];
  for (const d of deadlines) {
    if (!isOverdue(d, now)) continue;
    alerts.push({ kind: d.kind, level: 1, dueAt: d.dueAt });
    if (now > after(d.dueAt, policy.secondAlertAfterMinutes))
      alerts.push({ kind: d.kind, level: 2, dueAt: d.dueAt });
  }
  return alerts;
}
