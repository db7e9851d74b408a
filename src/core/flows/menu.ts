// The main menu: where every flow starts and ends, so a conversation never ends in a dead end.
import type { Reply } from '../conversation/types.js';
import { ask, button, type FlowOutcome, outcome, say } from './common.js';
import { ERASE_CHOICE } from './safety.js';

export const MENU_ITEMS = ['concern', 'consultation', 'my', 'centres', 'help', 'language'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export function menuReply(): Reply {
  return ask('menu.prompt', [
    [button('menu.concern', 'menu:concern')],
    [button('menu.consultation', 'menu:consultation')],
    [button('menu.my', 'menu:my'), button('menu.centres', 'menu:centres')],
    [button('menu.help', 'menu:help'), button('menu.language', 'menu:language')],
    // On every menu, so also right after a request is sent: the moment someone may want it gone.
    [button('menu.erase', ERASE_CHOICE)],
  ]);
}

/** Ends a flow: says what there is to say, then offers the menu again. */
export function toMenu(...replies: Reply[]): FlowOutcome {
  return outcome({ flow: 'menu' }, [...replies, menuReply()]);
}

export function helpReply(): Reply {
  return say('help.text');
}

/** The numbers to call now. Shown before anything else when someone is in danger. */
export function emergencyReply(): Reply {
  return { ...say('common.emergency'), emergency: true };
}

/** The "cancel" row under a question: Viber has no commands, so every question carries a way out. */
export function cancelRow() {
  return [button('common.cancel', 'flow:cancel')];
}
