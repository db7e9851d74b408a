// Core Reply → Viber text message with an optional keyboard. Viber has a single kind of keyboard,
// a 6-column grid shown instead of the phone's keyboard; the last message's keyboard is what the
// person sees, and a message without one brings the normal keyboard back.
import type { Button, Reply, Text } from '../../core/conversation/types.js';
import type { Locale } from '../../core/model.js';
import { buttonActionBody } from './mapper.js';

export type RenderText = (text: Text, locale: Locale) => string;

export interface ViberButton {
  Columns: number;
  Rows: number;
  ActionType: 'reply' | 'location-picker';
  ActionBody: string;
  Text: string;
  BgColor: string;
  TextSize: 'small' | 'regular' | 'large';
  /**
   * Keep the press out of the chat history: otherwise Viber writes the ActionBody ("btn:menu:concern")
   * as the person's message, and on a shared phone the history would show what they reported.
   */
  Silent?: boolean;
}

export interface ViberKeyboard {
  Type: 'keyboard';
  DefaultHeight: boolean;
  BgColor: string;
  InputFieldState: 'regular';
  Buttons: ViberButton[];
}

export interface ViberOutgoing {
  type: 'text';
  text: string;
  keyboard?: ViberKeyboard;
  /** 3 when the keyboard holds a location picker (Viber 7.6+), as the keyboard docs require. */
  min_api_version?: number;
}

/** Viber's documented maximum length of a text message. */
export const MAX_TEXT_LENGTH = 7000;
const GRID_COLUMNS = 6;
/** Rows longer than this are wrapped: Ukrainian labels are long and the screen is narrow. */
const MAX_BUTTONS_PER_ROW = 3;
const BUTTON_COLOUR = '#E8EEF7';
const LOCATION_COLOUR = '#CFE8D5';

/** The label of the location picker: a Reply has none, so the channel owns it (viber.json in each locale). */
export const SHARE_LOCATION_LABEL: Text = { key: 'viber.shareLocation' };

export interface RenderOptions {
  render: RenderText;
  /** Adds a location picker above the buttons (see messenger.ts: the question before asked for it). */
  withLocationPicker?: boolean;
}

/** One Reply as one or more messages: a text longer than Viber allows is split, the keyboard goes last. */
export function renderReply(reply: Reply, locale: Locale, options: RenderOptions): ViberOutgoing[] {
  const parts = splitText(options.render(reply.text, locale), MAX_TEXT_LENGTH);
  const keyboard = renderKeyboard(reply, locale, options);
  return parts.map((text, i) => {
    if (i < parts.length - 1 || !keyboard) return { type: 'text', text };
    const picker = keyboard.Buttons.some((b) => b.ActionType === 'location-picker');
    return { type: 'text', text, keyboard, ...(picker ? { min_api_version: 3 } : {}) };
  });
}

export function renderKeyboard(
  reply: Reply,
  locale: Locale,
  options: RenderOptions,
): ViberKeyboard | undefined {
  // `removeKeyboard` needs nothing: a Viber message without a keyboard already hides the last one.
  const buttons: ViberButton[] = [];
  if (reply.requestLocation || (options.withLocationPicker && reply.buttons?.length)) {
    buttons.push(locationPicker(options.render(SHARE_LOCATION_LABEL, locale)));
  }
  for (const row of reply.buttons ?? []) {
    for (const chunk of chunks(row, MAX_BUTTONS_PER_ROW))
      buttons.push(...layoutRow(chunk, locale, options.render));
  }
  if (buttons.length === 0) return undefined;
  return {
    Type: 'keyboard',
    DefaultHeight: false,
    BgColor: '#FFFFFF',
    InputFieldState: 'regular',
    Buttons: buttons,
  };
}

/** Spreads the six grid columns over a row so that every row is full and starts on a new line. */
function layoutRow(row: Button[], locale: Locale, render: RenderText): ViberButton[] {
  const base = Math.floor(GRID_COLUMNS / row.length);
  const extra = GRID_COLUMNS - base * row.length;
  return row.map((button, i) => ({
    Columns: base + (i < extra ? 1 : 0),
    Rows: 1,
    ActionType: 'reply',
    ActionBody: buttonActionBody(button.value),
    Text: escapeMarkup(render(button.label, locale)),
    BgColor: BUTTON_COLOUR,
    TextSize: 'regular',
    Silent: true,
  }));
}

function locationPicker(label: string): ViberButton {
  return {
    Columns: GRID_COLUMNS,
    Rows: 1,
    ActionType: 'location-picker',
    ActionBody: 'location',
    Text: escapeMarkup(label),
    BgColor: LOCATION_COLOUR,
    TextSize: 'regular',
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Button texts are rendered as Viber's small HTML subset: a centre's name with "<" must stay text. */
function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Splits at the last line break (or space) before `max` characters, never inside a surrogate pair. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts;
}
