// Reply -> sendMessage parameters. Always plain text (no parse_mode): what people and specialists
// write is echoed back, and must never be read as markup.
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'telegraf/types';
import type { Reply, Text } from '../../core/conversation/types.js';
import type { Locale } from '../../core/model.js';
import { err, ok, type Result } from '../../core/result.js';
import { MAX_CALLBACK_DATA_BYTES } from './mapper.js';

/** Turns a locale key with parameters into the person's language (src/i18n provides it). */
export type RenderText = (text: Text, locale: Locale) => string;

/** Keys this channel adds to the locales (locales/{uk,ru}/telegram.json). */
export const TELEGRAM_TEXTS = {
  /** The reply-keyboard button that shares the location. */
  shareLocation: { key: 'telegram.shareLocation' },
  /** Shown in the input field under that keyboard: people may type a town instead. */
  typeInstead: { key: 'telegram.typeInstead' },
} as const satisfies Record<string, Text>;

/** Telegram's limit for one message, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 4096;
const MAX_PLACEHOLDER_LENGTH = 64;

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

export interface RenderedMessage {
  text: string;
  reply_markup?: ReplyMarkup;
  link_preview_options: { is_disabled: true };
}

/**
 * One Reply becomes one message, or several when the text is longer than Telegram allows (a long
 * answer from a specialist); the keyboard goes with the last part. Fails only on a button whose
 * value does not fit in callback_data, which would make Telegram refuse the whole message.
 */
export function renderReply(
  reply: Reply,
  locale: Locale,
  render: RenderText,
): Result<RenderedMessage[], string> {
  const markup = markupOf(reply, locale, render);
  if (!markup.ok) return markup;
  const parts = splitText(render(reply.text, locale));
  return ok(
    parts.map((text, i) => {
      const last = i === parts.length - 1;
      return last && markup.value ? message(text, markup.value) : message(text);
    }),
  );
}

/** For editMessageText: one message (cut if too long) with an inline keyboard at most. */
export function renderEdit(
  reply: Reply,
  locale: Locale,
  render: RenderText,
): Result<RenderedMessage, string> {
  const keyboard = reply.buttons ? inlineKeyboard(reply, locale, render) : ok(undefined);
  if (!keyboard.ok) return keyboard;
  const text = cut(render(reply.text, locale), MAX_MESSAGE_LENGTH);
  return ok(keyboard.value ? message(text, keyboard.value) : message(text));
}

function message(text: string, reply_markup?: ReplyMarkup): RenderedMessage {
  const base = { text, link_preview_options: { is_disabled: true as const } };
  return reply_markup ? { ...base, reply_markup } : base;
}

// One markup per message. The flows never combine requestLocation with buttons; if a reply both
// shows buttons and removes the keyboard, the buttons win (the location keyboard is one-time anyway).
function markupOf(reply: Reply, locale: Locale, render: RenderText): Result<ReplyMarkup | undefined, string> {
  if (reply.requestLocation) return ok(locationKeyboard(locale, render));
  if (reply.buttons && reply.buttons.length > 0) return inlineKeyboard(reply, locale, render);
  if (reply.removeKeyboard) return ok({ remove_keyboard: true });
  return ok(undefined);
}

function inlineKeyboard(
  reply: Reply,
  locale: Locale,
  render: RenderText,
): Result<InlineKeyboardMarkup, string> {
  const rows = (reply.buttons ?? []).filter((row) => row.length > 0);
  for (const row of rows) {
    for (const button of row) {
      const bytes = Buffer.byteLength(button.value, 'utf8');
      if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) {
        return err(`button value of ${bytes} bytes does not fit in callback_data`);
      }
    }
  }
  return ok({
    inline_keyboard: rows.map((row) =>
      row.map((button) => ({ text: render(button.label, locale), callback_data: button.value })),
    ),
  });
}

function locationKeyboard(locale: Locale, render: RenderText): ReplyKeyboardMarkup {
  return {
    keyboard: [[{ text: render(TELEGRAM_TEXTS.shareLocation, locale), request_location: true }]],
    one_time_keyboard: true,
    resize_keyboard: true,
    input_field_placeholder: cut(render(TELEGRAM_TEXTS.typeInstead, locale), MAX_PLACEHOLDER_LENGTH),
  };
}

/** Splits at a paragraph, line or word boundary where possible, never inside a surrogate pair. */
export function splitText(text: string, limit = MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let at = rest.lastIndexOf('\n', limit);
    if (at < limit / 2) at = rest.lastIndexOf(' ', limit);
    if (at < limit / 2) at = limit;
    if (isHighSurrogate(rest.charCodeAt(at - 1))) at -= 1;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  parts.push(rest);
  return parts;
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let at = limit - 1;
  if (isHighSurrogate(text.charCodeAt(at - 1))) at -= 1;
  return `${text.slice(0, at)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
