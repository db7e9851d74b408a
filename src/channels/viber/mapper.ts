// Viber messages → core InboundEvents. Viber has no callback buttons: a keyboard press arrives as an
// ordinary text message whose text is the button's ActionBody. Our buttons therefore carry a marker
// prefix, so a press becomes a `choice` and words the person typed stay `text`.
import type { InboundEvent, UnsupportedKind } from '../../core/conversation/types.js';
import type { ViberInboundMessage } from './callbacks.js';

/** Prefix of every ActionBody we send. Someone typing it by hand only produces a choice the flow validates. */
export const BUTTON_PREFIX = 'btn:';

export function buttonActionBody(value: string): string {
  return `${BUTTON_PREFIX}${value}`;
}

const UNSUPPORTED: Record<string, UnsupportedKind> = {
  sticker: 'sticker',
  picture: 'photo',
  video: 'video',
  file: 'document',
};

// Telegram-style commands, for people who know them from the other bot: "/start", "/help args".
const COMMAND = /^\/([\p{L}\p{N}_]{1,32})(?:\s+([\s\S]*))?$/u;

export function toInboundEvent(message: ViberInboundMessage): InboundEvent {
  switch (message.type) {
    case 'text':
      return message.text === undefined ? { type: 'unsupported', what: 'other' } : fromText(message.text);
    case 'location':
      return message.location
        ? { type: 'location', lat: message.location.lat, lon: message.location.lon }
        : { type: 'unsupported', what: 'other' };
    default: {
      // contact, url, rich_media and whatever Viber adds later
      const what = UNSUPPORTED[message.type] ?? 'other';
      // A picture or video with a description: the words are used, the media dropped.
      if (what !== 'other' && what !== 'sticker' && message.text?.trim())
        return { type: 'text', text: message.text, media: what };
      return { type: 'unsupported', what };
    }
  }
}

function fromText(text: string): InboundEvent {
  if (text.startsWith(BUTTON_PREFIX) && text.length > BUTTON_PREFIX.length) {
    return { type: 'choice', value: text.slice(BUTTON_PREFIX.length) };
  }
  const command = COMMAND.exec(text.trim());
  if (command?.[1])
    return { type: 'command', name: command[1].toLowerCase(), args: (command[2] ?? '').trim() };
  return { type: 'text', text };
}

/** Viber sends the app's language as a tag ("uk", "ru-RU"); the core treats it only as a default. */
export function languageHint(language: string | undefined): string | null {
  return language ? language.trim().slice(0, 16) || null : null;
}
