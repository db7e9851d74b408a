import { describe, expect, it } from 'vitest';
import { type MapResult, mapUpdate } from '../../../../src/channels/telegram/mapper.js';
import {
  callbackUpdate,
  commandUpdate,
  messageUpdate,
  PERSON,
  PRIVATE_CHAT,
  textUpdate,
} from './fixtures.js';

function eventOf(result: MapResult) {
  if (result.kind !== 'update') throw new Error(`expected an update, got ${result.kind}: ${result.reason}`);
  return result.update.event;
}

describe('a person writing to the bot in a private chat', () => {
  it('becomes an update from that chat, with its update id and language', () => {
    const update = textUpdate('Сусідські діти три дні самі вдома');
    const result = mapUpdate(update);
    expect(result).toEqual({
      kind: 'update',
      callbackQueryId: null,
      update: {
        channel: 'TELEGRAM',
        platformId: String(PRIVATE_CHAT.id),
        updateId: String(update.update_id),
        // With the time it was sent, to tell the parts of one long pasted text apart.
        event: {
          type: 'text',
          text: 'Сусідські діти три дні самі вдома',
          sentAt: new Date(1_732_000_000_000),
        },
        languageHint: 'uk',
        // Kept for 48 hours so that /erase can delete it.
        messageId: '7',
      },
    });
  });

  it('/start starts, even with a deep-link payload or addressed to the bot', () => {
    expect(eventOf(mapUpdate(commandUpdate('/start')))).toEqual({ type: 'start' });
    expect(eventOf(mapUpdate(commandUpdate('/start campaign-lviv')))).toEqual({ type: 'start' });
    expect(eventOf(mapUpdate(commandUpdate('/START@PoruchBot')))).toEqual({ type: 'start' });
  });

  it('an invite deep link (t.me/<bot>?start=join-CODE, from the staff console) is /join CODE', () => {
    expect(eventOf(mapUpdate(commandUpdate('/start join-ABCDEFGHJKMN')))).toEqual({
      type: 'command',
      name: 'join',
      args: 'ABCDEFGHJKMN',
    });
  });

  it('other commands lose the slash and the bot name, are lower-cased and keep their arguments', () => {
    expect(eventOf(mapUpdate(commandUpdate('/Help@PoruchBot')))).toEqual({
      type: 'command',
      name: 'help',
      args: '',
    });
    expect(eventOf(mapUpdate(commandUpdate('/add  UA-7K3P   ще одна деталь ')))).toEqual({
      type: 'command',
      name: 'add',
      args: 'UA-7K3P   ще одна деталь',
    });
  });

  it('a slash that is not a command stays text', () => {
    expect(eventOf(mapUpdate(textUpdate('/home/path and more')))).toMatchObject({
      type: 'text',
      text: '/home/path and more',
    });
    expect(eventOf(mapUpdate(textUpdate('1/2 дня')))).toMatchObject({ type: 'text', text: '1/2 дня' });
  });

  it('a pressed button becomes a choice and its query id is kept for answering', () => {
    const result = mapUpdate(callbackUpdate('menu:concern'));
    expect(result.kind === 'update' && result.callbackQueryId).toBe('4382bfdwdsb323b2d9');
    expect(eventOf(result)).toEqual({ type: 'choice', value: 'menu:concern' });
  });

  it('a shared location (or a venue, which carries one) becomes a location', () => {
    const location = { latitude: 48.0159, longitude: 37.8028 };
    expect(eventOf(mapUpdate(messageUpdate({ location })))).toEqual({
      type: 'location',
      lat: 48.0159,
      lon: 37.8028,
    });
    expect(eventOf(mapUpdate(messageUpdate({ location, venue: { title: 'Школа №5', location } })))).toEqual({
      type: 'location',
      lat: 48.0159,
      lon: 37.8028,
    });
  });

  it.each([
    ['sticker', { sticker: { file_id: 'x', emoji: '😢' } }],
    ['photo', { photo: [{ file_id: 'x', width: 90, height: 90 }] }],
    ['photo', { photo: [{ file_id: 'x', width: 90, height: 90 }], caption: '  ' }],
    ['document', { document: { file_id: 'x' } }],
    ['voice', { voice: { file_id: 'x', duration: 12 } }],
    ['voice', { audio: { file_id: 'x', duration: 200 } }],
    ['video', { video: { file_id: 'x' } }],
    ['video', { video_note: { file_id: 'x' } }],
    ['video', { animation: { file_id: 'x' }, document: { file_id: 'x' } }],
    ['other', { contact: { phone_number: '+380671234567', first_name: 'A' } }],
    ['other', { poll: { id: '1', question: '?' } }],
  ])('a %s message is answered as unsupported', (what, fields) => {
    expect(eventOf(mapUpdate(messageUpdate(fields)))).toEqual({ type: 'unsupported', what });
  });

  it.each([
    ['photo', { photo: [{ file_id: 'x', width: 90, height: 90 }] }],
    ['video', { video: { file_id: 'x' } }],
    ['document', { document: { file_id: 'x' } }],
  ])('a %s with a caption becomes the caption as text, marked as having come with media', (what, fields) => {
    const event = eventOf(mapUpdate(messageUpdate({ ...fields, caption: 'Синці на руках, ось фото' })));
    expect(event).toEqual({ type: 'text', text: 'Синці на руках, ось фото', media: what });
  });

  it('a language hint that is not a language code is dropped, not fatal', () => {
    const result = mapUpdate(textUpdate('так', { from: { ...PERSON, language_code: 'x'.repeat(5000) } }));
    expect(result.kind === 'update' && result.update.languageHint).toBeNull();
  });
});

describe('updates that are deliberately ignored', () => {
  it('edited messages (including live-location refreshes)', () => {
    const result = mapUpdate({
      update_id: 5,
      edited_message: { message_id: 1, chat: PRIVATE_CHAT, text: 'x' },
    });
    expect(result).toMatchObject({ kind: 'ignored', updateId: 5, reason: 'edited_message' });
  });

  it.each(['group', 'supergroup', 'channel'])('messages and buttons in a %s chat', (type) => {
    const chat = { id: -100123, title: 'Батьківський чат', type };
    expect(mapUpdate(textUpdate('/start', { chat }))).toMatchObject({
      kind: 'ignored',
      reason: 'not_private_chat',
    });
    const press = callbackUpdate('menu:concern', { message: { message_id: 1, chat } });
    expect(mapUpdate(press)).toMatchObject({
      kind: 'ignored',
      reason: 'not_private_chat',
      callbackQueryId: '4382bfdwdsb323b2d9',
    });
  });

  it('channel posts and membership changes', () => {
    expect(mapUpdate({ update_id: 6, channel_post: { chat: { id: -1, type: 'channel' } } })).toMatchObject({
      kind: 'ignored',
      reason: 'not_private_chat',
    });
    expect(mapUpdate({ update_id: 7, my_chat_member: { chat: PRIVATE_CHAT } })).toMatchObject({
      kind: 'ignored',
      reason: 'membership_change',
    });
  });

  it('service messages with nothing a person wrote', () => {
    expect(mapUpdate(messageUpdate({ pinned_message: { message_id: 3 } }))).toMatchObject({
      kind: 'ignored',
      reason: 'service_message',
    });
  });
});
