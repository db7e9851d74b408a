// What the specialist who claims a request gets: the whole request and everything said in its
// thread so far (e.g. details the person added while the request waited). Only the claimer sees
// this; notifications and /queue show the short summary. Pure: words (locale keys) only.
import { CONTACT_WAYS, TIME_SLOTS } from '../conversation/state.js';
import type { Reply, Text } from '../conversation/types.js';
import type { CaseMessage, CaseView, Directory, Locale, MessageAuthor } from '../model.js';
import { ago, caseSummary, say, t } from './replies.js';

const isOneOf = (values: readonly string[], value: string) => values.includes(value);

/** "PHONE; MORNING" or "CHAT; after 18:00" (see flows/consultation-summary.ts) in the specialist's words. */
function preference(stored: string): Text | null {
  const [way = '', ...rest] = stored.split('; ');
  const when = rest.join('; ');
  if (!isOneOf(CONTACT_WAYS, way) || when === '') return null;
  const time: Text | string = isOneOf(TIME_SLOTS, when) ? { key: `consultation.time.${when}` } : when;
  return t('card.preference', { way: { key: `consultation.way.${way}` }, time });
}

function contact(c: CaseView): Text | '' {
  const lines: Text[] = [];
  // The person left a number for exactly this: to be called back by the specialist on the case.
  if (c.contactPhone) lines.push(t('card.phone', { phone: c.contactPhone }));
  const wanted = c.contactPreference ? preference(c.contactPreference) : null;
  if (wanted) lines.push(wanted);
  return lines.length > 0 ? t('card.contact', { lines }) : '';
}

const AUTHOR: Record<MessageAuthor, string> = {
  REPORTER: 'card.fromReporter',
  SPECIALIST: 'card.fromSpecialist',
  SYSTEM: 'card.fromSystem',
};

function thread(messages: CaseMessage[], now: Date): Text | '' {
  if (messages.length === 0) return '';
  const items = messages.map((m) => t(AUTHOR[m.author], { age: ago(m.createdAt, now), text: m.text }));
  return t('card.thread', { items });
}

/** The reply to a successful claim: the request in full, then the thread, oldest first. */
export function claimedCard(
  c: CaseView,
  messages: CaseMessage[],
  directory: Directory,
  locale: Locale,
  now: Date,
): Reply {
  return say('claimed', {
    code: c.caseCode,
    summary: caseSummary(c, directory, locale, now),
    description: c.description,
    contact: contact(c),
    thread: thread(messages, now),
  });
}
