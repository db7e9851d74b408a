// Telegram Update -> IncomingUpdate. Total: every input, however hostile, becomes a mapped update, a
// deliberate "ignored" or a typed rejection; it never throws. Logs carry the update_id and the reason,
// never content.
//
// Decisions:
// - Only private chats are served. A bot added to a group or channel would invite people to discuss a
//   child's situation in public, so such updates are ignored without an answer (operators should also
//   switch "Allow groups" off in BotFather). The person's platform id is the private chat's id.
// - Edited messages are ignored: the flows have moved on, and live-location refreshes arrive as edits.
// - Text is capped just above Telegram's own 4096-character limit, so a forged megabyte string costs
//   nothing downstream while the flow still sees it is too long and says so.

import type { InboundEvent, UnsupportedKind } from '../../core/conversation/types.js';
import type { IncomingUpdate } from '../../core/ports/index.js';
import {
  callbackQuerySchema,
  IGNORED_UPDATE_KINDS,
  messageSchema,
  type TelegramCallbackQuery,
  type TelegramMessage,
  updateIdSchema,
} from './schema.js';

export const MAX_TEXT_CHARS = 4097;
/** Telegram limits callback_data to 64 bytes; longer data did not come from our buttons. */
export const MAX_CALLBACK_DATA_BYTES = 64;

export type RejectReason =
  | 'not_an_object'
  | 'bad_update_id'
  | 'unknown_update_kind'
  | 'malformed_message'
  | 'malformed_callback';

export type IgnoreReason = 'edited_message' | 'not_private_chat' | 'service_message' | 'membership_change';

export type MapResult =
  | { kind: 'update'; update: IncomingUpdate; callbackQueryId: string | null }
  | { kind: 'ignored'; updateId: number; reason: IgnoreReason; callbackQueryId: string | null }
  | { kind: 'rejected'; updateId: number | null; reason: RejectReason; callbackQueryId: string | null };

type Body = Pick<Extract<MapResult, { kind: 'update' }>, 'update' | 'callbackQueryId'>;
type Mapped =
  | Body
  | { ignore: IgnoreReason; callbackQueryId?: string }
  | { reject: RejectReason; callbackQueryId?: string };

export function mapUpdate(raw: unknown): MapResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return rejected(null, 'not_an_object');
  const record = raw as Record<string, unknown>;
  const id = updateIdSchema.safeParse(record.update_id);
  if (!id.success) return rejected(null, 'bad_update_id');
  const updateId = id.data;

  const result = mapKind(record, updateId);
  if ('reject' in result) return rejected(updateId, result.reject, result.callbackQueryId);
  if ('ignore' in result) {
    return {
      kind: 'ignored',
      updateId,
      reason: result.ignore,
      callbackQueryId: result.callbackQueryId ?? null,
    };
  }
  return { kind: 'update', ...result };
}

function mapKind(record: Record<string, unknown>, updateId: number): Mapped {
  if (record.message !== undefined) return fromMessage(record.message, updateId);
  if (record.callback_query !== undefined) return fromCallback(record.callback_query, updateId);
  if (record.channel_post !== undefined || record.edited_channel_post !== undefined) {
    return { ignore: 'not_private_chat' };
  }
  if (record.edited_message !== undefined) return { ignore: 'edited_message' };
  if (IGNORED_UPDATE_KINDS.some((kind) => record[kind] !== undefined)) return { ignore: 'membership_change' };
  return { reject: 'unknown_update_kind' };
}

function fromMessage(raw: unknown, updateId: number): Mapped {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) return { reject: 'malformed_message' };
  const message = parsed.data;
  if (message.chat.type !== 'private') return { ignore: 'not_private_chat' };
  const event = eventOf(message);
  if (!event) return { ignore: 'service_message' };
  const update = incoming(String(message.chat.id), updateId, event, message.from?.language_code);
  return {
    update: message.message_id === undefined ? update : { ...update, messageId: String(message.message_id) },
    callbackQueryId: null,
  };
}

function fromCallback(raw: unknown, updateId: number): Mapped {
  const parsed = callbackQuerySchema.safeParse(raw);
  if (!parsed.success) {
    return { reject: 'malformed_callback', ...callbackIdOf(raw) };
  }
  const query: TelegramCallbackQuery = parsed.data;
  const callbackQueryId = query.id;
  const chat = query.message?.chat;
  if (chat?.type !== 'private') return { ignore: 'not_private_chat', callbackQueryId };
  const data = query.data;
  if (data === undefined || data === '' || Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_DATA_BYTES) {
    return { reject: 'malformed_callback', callbackQueryId };
  }
  const event: InboundEvent = { type: 'choice', value: data };
  return { update: incoming(String(chat.id), updateId, event, query.from.language_code), callbackQueryId };
}

/** The callback id of a malformed query, so that its button can still stop spinning. */
function callbackIdOf(raw: unknown): { callbackQueryId?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const id = (raw as Record<string, unknown>).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? { callbackQueryId: id } : {};
}

function incoming(
  platformId: string,
  updateId: number,
  event: InboundEvent,
  language?: string,
): IncomingUpdate {
  return {
    channel: 'TELEGRAM',
    platformId,
    updateId: String(updateId),
    event,
    languageHint: language ?? null,
  };
}

// Telegram's own command syntax: "/name" or "/name@bot", then optional arguments.
const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*))?$/;

export function eventOf(message: TelegramMessage): InboundEvent | null {
  if (message.text !== undefined) return withDate(textEvent(cleanText(message.text)), message.date);
  if (message.location)
    return { type: 'location', lat: message.location.latitude, lon: message.location.longitude };
  const what = unsupportedKind(message);
  if (!what) return null;
  // Words under a photo or video are words the person wrote: used as text, the media dropped.
  const caption = message.caption === undefined ? '' : cleanText(message.caption);
  if (caption.trim() && CAPTIONED.has(what)) return { type: 'text', text: caption, media: what };
  return { type: 'unsupported', what };
}

/** Media that can carry a caption. */
const CAPTIONED: ReadonlySet<UnsupportedKind> = new Set(['photo', 'video', 'document', 'voice']);

/** Telegram's send time (Unix seconds) on a text, so that the parts of a long paste are recognised. */
function withDate(event: InboundEvent, date: number | undefined): InboundEvent {
  return event.type === 'text' && date !== undefined ? { ...event, sentAt: new Date(date * 1000) } : event;
}

function textEvent(text: string): InboundEvent {
  const command = COMMAND.exec(text.trim());
  if (!command) return { type: 'text', text };
  const name = (command[1] as string).toLowerCase();
  if (name === 'start') {
    // t.me/<bot>?start=join-CODE (the console's invite link) arrives as "/start join-CODE".
    const invite = /^join-([A-Za-z0-9]{4,32})$/.exec((command[2] ?? '').trim());
    return invite ? { type: 'command', name: 'join', args: invite[1] as string } : { type: 'start' };
  }
  return { type: 'command', name, args: (command[2] ?? '').trim() };
}

// Order matters: Telegram sends an animation with a `document` too, and a venue with a `location`.
const UNSUPPORTED: ReadonlyArray<[keyof TelegramMessage, UnsupportedKind]> = [
  ['sticker', 'sticker'],
  ['photo', 'photo'],
  ['animation', 'video'],
  ['video', 'video'],
  ['video_note', 'video'],
  ['voice', 'voice'],
  ['audio', 'voice'],
  ['document', 'document'],
  ['contact', 'other'],
  ['poll', 'other'],
  ['dice', 'other'],
  ['game', 'other'],
  ['story', 'other'],
  ['venue', 'other'],
  ['invoice', 'other'],
  ['paid_media', 'other'],
];

function unsupportedKind(message: TelegramMessage): UnsupportedKind | null {
  for (const [field, kind] of UNSUPPORTED) if (message[field] !== undefined) return kind;
  return null;
}

// Lone surrogates cannot be stored as UTF-8 and NUL is refused by PostgreSQL; both would turn an
// update into poison that fails on every redelivery.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(text: string): string {
  // Slice by code units first so that a megabyte string is never spread into an array.
  const head = text.length > MAX_TEXT_CHARS * 2 ? text.slice(0, MAX_TEXT_CHARS * 2) : text;
  const chars = Array.from(head.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ''));
  return chars.length > MAX_TEXT_CHARS ? chars.slice(0, MAX_TEXT_CHARS).join('') : chars.join('');
}

function rejected(updateId: number | null, reason: RejectReason, callbackQueryId?: string): MapResult {
  return { kind: 'rejected', updateId, reason, callbackQueryId: callbackQueryId ?? null };
}
