// The specialists' side in words (locale keys) and buttons: pure functions, no storage. A specialist
// sees a case by its code, category, urgency, language, area and age; never who wrote it.
import type { Button, Reply, Text } from '../conversation/types.js';
import { CASE_OUTCOMES, type CaseOutcome, type CaseView, type Directory, type Locale } from '../model.js';

/** Button values come back verbatim in a `choice` event; a cuid keeps each well under 64 bytes. */
export type DeskChoice =
  | { type: 'claim'; requestId: string }
  | { type: 'activate'; requestId: string }
  | { type: 'close'; requestId: string; outcome: CaseOutcome };

const ID = /^[A-Za-z0-9_-]{1,40}$/;

export function parseDeskChoice(value: string): DeskChoice | null {
  const [kind, requestId = '', outcome] = value.split(':');
  if (!ID.test(requestId)) return null;
  if (kind === 'claim' && outcome === undefined) return { type: 'claim', requestId };
  if (kind === 'case' && outcome === undefined) return { type: 'activate', requestId };
  if (kind === 'close' && (CASE_OUTCOMES as readonly string[]).includes(outcome ?? ''))
    return { type: 'close', requestId, outcome: outcome as CaseOutcome };
  return null;
}

export const claimValue = (requestId: string) => `claim:${requestId}`;
const caseValue = (requestId: string) => `case:${requestId}`;
const closeValue = (requestId: string, outcome: CaseOutcome) => `close:${requestId}:${outcome}`;

export const t = (key: string, params?: Text['params']): Text => ({
  key: `specialist.${key}`,
  ...(params && { params }),
});
export const say = (key: string, params?: Text['params']): Reply => ({ text: t(key, params) });

const categoryLabel = (c: CaseView): Text => ({
  key: c.kind === 'CONCERN' ? `concern.category.${c.category}` : `consultation.topic.${c.category}`,
});

function areaName(c: CaseView, directory: Directory, locale: Locale): Text {
  const unit = c.unitId ? directory.units.find((u) => u.id === c.unitId) : undefined;
  if (!unit) return t('areaUnknown');
  return t('areaName', { name: locale === 'ru' ? unit.nameRu : unit.nameUk });
}

/** "5 min ago", "3 h ago", "2 days ago". */
export function ago(since: Date, now: Date): Text {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return t('age.minutes', { n: minutes });
  if (minutes < 48 * 60) return t('age.hours', { n: Math.floor(minutes / 60) });
  return t('age.days', { n: Math.floor(minutes / 1440) });
}

/** The short summary shown in notifications and in /queue: no description, no identity. */
export function caseSummary(c: CaseView, directory: Directory, locale: Locale, now: Date): Text {
  return t(c.urgency === 'URGENT' ? 'summaryUrgent' : 'summary', {
    code: c.caseCode,
    category: categoryLabel(c),
    language: t(`language.${c.language}`),
    area: areaName(c, directory, locale),
    age: ago(c.createdAt, now),
  });
}

const claimButton = (c: CaseView): Button[][] => [[{ label: t('claimButton'), value: claimValue(c.id) }]];

export const notification = (c: CaseView, directory: Directory, locale: Locale, now: Date): Reply => ({
  text: t('newRequest', { summary: caseSummary(c, directory, locale, now) }),
  buttons: claimButton(c),
});

/** One waiting request of /queue; `overdue` (⏰ and what is late) goes above the summary. */
export const queueItem = (
  c: CaseView,
  directory: Directory,
  locale: Locale,
  now: Date,
  overdue?: Text,
): Reply => {
  const summary = caseSummary(c, directory, locale, now);
  return {
    text: overdue ? { key: 'casework.withOverdue', params: { overdue, summary } } : summary,
    buttons: claimButton(c),
  };
};

export const escalatedNotice = (c: CaseView, directory: Directory, locale: Locale, now: Date): Reply => ({
  text: t('escalated', { summary: caseSummary(c, directory, locale, now) }),
  buttons: claimButton(c),
});

/** A case another centre transferred here (wrong district, the family moved). */
export const transferredNotice = (c: CaseView, directory: Directory, locale: Locale, now: Date): Reply => ({
  text: { key: 'casework.transfer.arrived', params: { summary: caseSummary(c, directory, locale, now) } },
  buttons: claimButton(c),
});

/** A claim that lapsed is offered again: to the colleagues as "back in the queue"... */
export const returnedNotice = (c: CaseView, directory: Directory, locale: Locale, now: Date): Reply => ({
  text: t('returned', { summary: caseSummary(c, directory, locale, now) }),
  buttons: claimButton(c),
});

/** ...and to the one whose claim it was as "your claim lapsed", with the same chance to take it again. */
export const lapsedNotice = (c: CaseView, directory: Directory, locale: Locale, now: Date): Reply => ({
  text: t('lapsed', { code: c.caseCode, summary: caseSummary(c, directory, locale, now) }),
  buttons: claimButton(c),
});

export const outcomeChoice = (c: CaseView): Reply => ({
  text: t('chooseOutcome', { code: c.caseCode }),
  buttons: CASE_OUTCOMES.map((o) => [{ label: t(`outcome.${o}`), value: closeValue(c.id, o) }]),
});

export const caseList = (
  cases: CaseView[],
  activeId: string | null,
  overdue: ReadonlyMap<string, Text> = new Map(),
): Reply => ({
  text: t('cases', {
    items: cases.map((c) => {
      const status: Text = { key: `myRequests.status.${c.status}` };
      const mark = overdue.get(c.id);
      return t(c.id === activeId ? 'caseItemActive' : 'caseItem', {
        code: c.caseCode,
        status: mark ? { key: 'casework.withMark', params: { status, mark } } : status,
      });
    }),
  }),
  buttons: cases.map((c) => [{ label: t('chooseCase', { code: c.caseCode }), value: caseValue(c.id) }]),
});
