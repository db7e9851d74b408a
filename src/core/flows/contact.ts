// "May a specialist call you?" Anonymous is the default; a phone number only when offered.
import type { FlowEvent, Reply } from '../conversation/types.js';
import { ask, button, say } from './common.js';
import { cancelRow } from './menu.js';
import { looksLikePhone, parseUkrainianPhone } from './validate.js';

export type ContactStage = 'contact' | 'phone';

export type ContactResult =
  | { kind: 'ask'; at: ContactStage; problem?: Reply }
  | { kind: 'done'; phone: string | null };

export function askContact(at: ContactStage, questionKey: string): Reply[] {
  if (at === 'contact') {
    return [
      ask(questionKey, [
        [button('contact.anonymous', 'contact:anon')],
        [button('contact.leavePhone', 'contact:phone')],
        cancelRow(),
      ]),
    ];
  }
  return [ask('contact.askPhone', [[button('contact.stayAnonymous', 'contact:anon')], cancelRow()])];
}

export function handleContact(at: ContactStage, event: FlowEvent): ContactResult | null {
  if (event.type === 'choice') {
    if (event.value === 'contact:anon') return { kind: 'done', phone: null };
    if (event.value === 'contact:phone' && at === 'contact') return { kind: 'ask', at: 'phone' };
    return null;
  }
  if (event.type !== 'text') return null;
  const phone = parseUkrainianPhone(event.text);
  if (phone) return { kind: 'done', phone };
  // At the first question only something that looks like a number counts as an attempt at one.
  if (at === 'contact' && !looksLikePhone(event.text)) return null;
  return { kind: 'ask', at: 'phone', problem: say('contact.badPhone') };
}
