// The case record in words (locale keys under "casework.") and buttons: the card of /record, the
// guided /notify and /transfer, the ⏰ marks and the deadline alerts. Pure functions, no storage.

import type { AlertDue, Deadline, DeadlineKind } from '../casework/deadlines.js';
import { isOverdue } from '../casework/deadlines.js';
import {
  CASE_CATEGORY_CODES,
  CHILD_AGES,
  CHILD_SEXES,
  NOTICE_WAYS,
  RECIPIENTS,
  RISK_LEVELS,
  TRANSFER_REASONS,
} from '../casework/model.js';
import type { CaseCard } from '../casework/service.js';
import type { Button, Reply, Text } from '../conversation/types.js';
import type { CaseView, Centre, Locale } from '../model.js';

export const cw = (key: string, params?: Text['params']): Text => ({
  key: `casework.${key}`,
  ...(params && { params }),
});
export const cwSay = (key: string, params?: Text['params']): Reply => ({ text: cw(key, params) });

/** "01.12 14:05" in the centre's time zone. */
export function when(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('uk-UA', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')} ${part('hour')}:${part('minute')}`;
}

/** The record's editable fields and their choices, in the order of the card's buttons. */
export const RECORD_FIELDS = {
  caseCategory: CASE_CATEGORY_CODES,
  riskLevel: RISK_LEVELS,
  childAge: CHILD_AGES,
  childSex: CHILD_SEXES,
} as const;
export type RecordField = keyof typeof RECORD_FIELDS;
export const RECORD_FIELD_NAMES = Object.keys(RECORD_FIELDS) as RecordField[];

/** Locale keys cannot hold a dot inside one segment: "VIOLENCE.PHYSICAL" is labelled by VIOLENCE_PHYSICAL. */
const valueLabel = (field: RecordField, value: string): Text => cw(`${field}.${value.replace('.', '_')}`);
const orUnset = (field: RecordField, value: string | null): Text =>
  value ? valueLabel(field, value) : cw('unset');

function deadlineLine(d: Deadline, now: Date, timeZone: string): Text {
  const state = d.metAt ? (d.metAt > d.dueAt ? 'metLate' : 'met') : isOverdue(d, now) ? 'overdue' : 'open';
  return cw(`deadline.${state}`, {
    what: cw(`deadlineKind.${d.kind}`),
    due: when(d.dueAt, timeZone),
    at: d.metAt ? when(d.metAt, timeZone) : '',
  });
}

/** The card of /record: everything staff recorded, the deadlines, the notices and the notes. */
export function recordCard(card: CaseCard, now: Date, timeZone: string): Reply {
  const { request: c, fields } = card;
  const text = cw('card', {
    code: c.caseCode,
    status: { key: `myRequests.status.${c.status}` },
    received: when(c.createdAt, timeZone),
    source: cw(`source.${fields.intakeSource ?? (c.channel ? 'MESSENGER' : 'UNKNOWN')}`),
    category: orUnset('caseCategory', fields.caseCategory),
    risk: orUnset('riskLevel', fields.riskLevel),
    age: orUnset('childAge', fields.childAge),
    sex: orUnset('childSex', fields.childSex),
    address: card.address ?? cw('unset'),
    deadlines:
      card.deadlines.length > 0
        ? card.deadlines.map((d) => deadlineLine(d, now, timeZone))
        : [cw('noDeadlines')],
    notices:
      card.notices.length > 0
        ? card.notices.map((n) =>
            cw(n.acknowledgedAt ? 'noticeItemAcknowledged' : 'noticeItem', {
              recipient: cw(`recipient.${n.recipient}`),
              way: cw(`way.${n.way}`),
              at: when(n.sentAt, timeZone),
              reference: n.reference ?? '—',
            }),
          )
        : [cw('none')],
    notes:
      card.notes.length > 0
        ? card.notes.map((n) =>
            cw('noteItem', { at: when(n.createdAt, timeZone), author: n.authorName, text: n.text }),
          )
        : [cw('none')],
  });
  const button = (key: string, value: string): Button => ({ label: cw(key), value });
  return {
    text,
    buttons: [
      [button('set.caseCategory', `rf:${c.id}:0`), button('set.riskLevel', `rf:${c.id}:1`)],
      [button('set.childAge', `rf:${c.id}:2`), button('set.childSex', `rf:${c.id}:3`)],
      [button('notifyButton', `nn:${c.id}`), button('assessedButton', `as:${c.id}`)],
    ],
  };
}

/** The choices for one field of the record. */
export function fieldChoice(c: CaseView, fieldIndex: number): Reply | null {
  const field = RECORD_FIELD_NAMES[fieldIndex];
  if (!field) return null;
  return {
    text: cw(`choose.${field}`, { code: c.caseCode }),
    buttons: RECORD_FIELDS[field].map((value, i) => [
      { label: valueLabel(field, value), value: `rv:${c.id}:${fieldIndex}:${i}` },
    ]),
  };
}

export const recipientChoice = (c: CaseView): Reply => ({
  text: cw('notify.chooseRecipient', { code: c.caseCode }),
  buttons: RECIPIENTS.map((r, i) => [{ label: cw(`recipient.${r}`), value: `nr:${c.id}:${i}` }]),
});

export const wayChoice = (c: CaseView, recipientIndex: number): Reply => ({
  text: cw('notify.chooseWay', {
    recipient: cw(`recipient.${RECIPIENTS[recipientIndex] ?? 'CHILDREN_SERVICE'}`),
  }),
  buttons: NOTICE_WAYS.map((w, i) => [{ label: cw(`way.${w}`), value: `nw:${c.id}:${recipientIndex}:${i}` }]),
});

export const referenceQuestion = (contacts: Text[]): Reply => ({
  text: cw('notify.askReference', {
    contacts: contacts.length > 0 ? cw('notify.contacts', { items: contacts }) : '',
  }),
  buttons: [
    [{ label: cw('notify.noReference'), value: 'nref:-' }],
    [{ label: cw('cancel'), value: 'ncancel' }],
  ],
});

export function centreChoice(c: CaseView, centres: Centre[], locale: Locale): Reply {
  return {
    text: cw('transfer.chooseCentre', { code: c.caseCode }),
    buttons: [
      ...centres.map((centre) => [
        {
          label: cw('plain', { text: locale === 'ru' ? centre.nameRu : centre.nameUk }),
          value: `tc:${c.id}:${centre.id}`,
        },
      ]),
      [{ label: cw('cancel'), value: 'ncancel' }],
    ],
  };
}

export const reasonChoice = (): Reply => ({
  text: cw('transfer.chooseReason'),
  buttons: TRANSFER_REASONS.map((r) => [{ label: cw(`transfer.reason.${r}`), value: `tr:${r}` }]),
});

/** "⏰ the children's service notice" for the overdue deadlines of a case; null when none is. */
export function overdueMark(deadlines: Deadline[], now: Date): Text | null {
  const overdue = deadlines.filter((d) => isOverdue(d, now));
  if (overdue.length === 0) return null;
  const [first] = overdue as [Deadline, ...Deadline[]];
  return cw(overdue.length > 1 ? 'overdueMarkMore' : 'overdueMark', {
    what: cw(`deadlineKindShort.${first.kind}`),
    n: overdue.length - 1,
  });
}

export const owedList = (owed: { kind: DeadlineKind; dueAt: Date }[], timeZone: string): Text[] =>
  owed.map((o) => cw('owedItem', { what: cw(`deadlineKind.${o.kind}`), due: when(o.dueAt, timeZone) }));

export const alertReply = (c: CaseView, alert: AlertDue, timeZone: string, centreName: string): Reply => ({
  text: cw(alert.level === 1 ? 'alert.level1' : 'alert.level2', {
    code: c.caseCode,
    what: cw(`deadlineKind.${alert.kind}`),
    due: when(alert.dueAt, timeZone),
    centre: centreName,
  }),
});
