// Whatever arrives at the webhook, the mapper answers with a typed value and never throws: a forged
// or broken update must not crash the process or reach the conversation engine.
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, mapUpdate, type RejectReason } from '../../../../src/channels/telegram/mapper.js';
import { callbackUpdate, messageUpdate, PRIVATE_CHAT, textUpdate } from './fixtures.js';

const deep = (levels: number): unknown => (levels === 0 ? 'x' : { a: deep(levels - 1) });
const poisoned = JSON.parse(
  '{"update_id": 9, "__proto__": {"message": {"chat": {"id": 1, "type": "private"}}}}',
);

const hostile: Array<[string, unknown, RejectReason]> = [
  ['null', null, 'not_an_object'],
  ['a string', 'update', 'not_an_object'],
  ['a number', 42, 'not_an_object'],
  ['an array', [{ update_id: 1 }], 'not_an_object'],
  ['no update_id', { message: { chat: PRIVATE_CHAT, text: 'hi' } }, 'bad_update_id'],
  [
    'update_id as a string',
    { update_id: '12', message: { chat: PRIVATE_CHAT, text: 'hi' } },
    'bad_update_id',
  ],
  ['a negative update_id', { update_id: -1, message: { chat: PRIVATE_CHAT } }, 'bad_update_id'],
  ['a fractional update_id', { update_id: 1.5, message: { chat: PRIVATE_CHAT } }, 'bad_update_id'],
  ['an unsafe integer update_id', { update_id: 2 ** 60, message: { chat: PRIVATE_CHAT } }, 'bad_update_id'],
  ['an unknown update kind', { update_id: 10, inline_query: { id: '1', query: 'x' } }, 'unknown_update_kind'],
  ['an update with no kind at all', { update_id: 11 }, 'unknown_update_kind'],
  ['a prototype-poisoning update', poisoned, 'unknown_update_kind'],
  ['a message that is a string', { update_id: 12, message: 'hello' }, 'malformed_message'],
  ['a message without a chat', { update_id: 13, message: { text: 'hello' } }, 'malformed_message'],
  [
    'a chat id as a string',
    messageUpdate({ chat: { id: '424242', type: 'private' }, text: 'x' }),
    'malformed_message',
  ],
  [
    'a chat id that is not an integer',
    messageUpdate({ chat: { id: 1.25, type: 'private' } }),
    'malformed_message',
  ],
  ['text as a number', textUpdate(12345 as unknown as string), 'malformed_message'],
  ['text as an object', textUpdate({ toString: 'x' } as unknown as string), 'malformed_message'],
  [
    'latitude out of range',
    messageUpdate({ location: { latitude: 91, longitude: 30 } }),
    'malformed_message',
  ],
  [
    'longitude as a string',
    messageUpdate({ location: { latitude: 48, longitude: '37.8' } }),
    'malformed_message',
  ],
  ['a chat type of 10 KB', messageUpdate({ chat: { id: 1, type: 'p'.repeat(10_000) } }), 'malformed_message'],
  ['a callback without data', callbackUpdate(undefined), 'malformed_callback'],
  ['a callback with empty data', callbackUpdate(''), 'malformed_callback'],
  ['a callback with 65 bytes of data', callbackUpdate('ї'.repeat(33)), 'malformed_callback'],
  [
    'a callback with data as an object',
    callbackUpdate({ value: 'menu' } as unknown as string),
    'malformed_callback',
  ],
  [
    'a callback without a sender',
    { update_id: 14, callback_query: { id: 'q', data: 'x' } },
    'malformed_callback',
  ],
  ['a callback that is an array', { update_id: 15, callback_query: [] }, 'malformed_callback'],
  ['a deeply nested message', { update_id: 16, message: deep(5000) }, 'malformed_message'],
];

describe('hostile and malformed updates get a typed rejection', () => {
  it.each(hostile)('%s', (_name, update, reason) => {
    const result = mapUpdate(update);
    expect(result.kind).toBe('rejected');
    expect(result.kind === 'rejected' && result.reason).toBe(reason);
  });

  it('keeps the update id of a rejected update for the log', () => {
    expect(mapUpdate({ update_id: 77, message: 'x' })).toMatchObject({ kind: 'rejected', updateId: 77 });
  });

  it('keeps the callback id of a malformed query so its button can still be answered', () => {
    expect(mapUpdate(callbackUpdate(''))).toMatchObject({ callbackQueryId: '4382bfdwdsb323b2d9' });
  });
});

describe('hostile text is made harmless, then left to the flow to judge', () => {
  it('a megabyte of text is cut just above what Telegram allows', () => {
    const result = mapUpdate(textUpdate('я'.repeat(1_000_000)));
    const event = result.kind === 'update' ? result.update.event : null;
    expect(event?.type === 'text' && event.text.length).toBe(MAX_TEXT_CHARS);
  });

  it('counts emoji as one character when cutting', () => {
    const result = mapUpdate(textUpdate('👶'.repeat(10_000)));
    const event = result.kind === 'update' ? result.update.event : null;
    expect(event?.type === 'text' && [...event.text].length).toBe(MAX_TEXT_CHARS);
  });

  it('NUL, other control characters and lone surrogates cannot reach the database', () => {
    const result = mapUpdate(textUpdate('до\u0000бре\u0007\ud800 кінець\n'));
    const event = result.kind === 'update' ? result.update.event : null;
    expect(event).toMatchObject({ type: 'text', text: 'добре\ufffd кінець\n' });
  });

  it('a huge command argument is cut as well', () => {
    const result = mapUpdate(textUpdate(`/add ${'x'.repeat(100_000)}`));
    const event = result.kind === 'update' ? result.update.event : null;
    expect(event?.type === 'command' && event.args.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });
});
