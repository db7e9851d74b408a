// Which side of the bot an update belongs to. A chat linked to a Specialist never sees the
// reporter's flows, and `/join CODE` from any chat goes to enrolment.
import type { InboundEvent } from '../conversation/types.js';

export type DeskEvent =
  | { type: 'join'; code: string }
  | { type: 'command'; name: string; args: string }
  | { type: 'choice'; value: string }
  | { type: 'text'; text: string }
  | { type: 'other' };

/** The specialist-side reading of an event, or null when it belongs to the reporter side. */
export function deskEvent(event: InboundEvent, isSpecialist: boolean): DeskEvent | null {
  if (event.type === 'command' && event.name === 'join') return { type: 'join', code: event.args };
  if (!isSpecialist) return null;
  switch (event.type) {
    case 'command':
      return { type: 'command', name: event.name, args: event.args };
    case 'start':
      return { type: 'command', name: 'help', args: '' };
    case 'choice':
      return { type: 'choice', value: event.value };
    case 'text':
      return { type: 'text', text: event.text };
    default:
      return { type: 'other' };
  }
}

/** Codes are printed as ABCD-EFGH-JKMN; people type them with or without dashes, in any case. */
export const normalizeInviteCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();
