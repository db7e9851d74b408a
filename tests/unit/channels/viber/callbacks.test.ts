import { describe, expect, it } from 'vitest';
import { parseCallback } from '../../../../src/channels/viber/callbacks.js';
import { buttonActionBody, toInboundEvent } from '../../../../src/channels/viber/mapper.js';
import { exactMessageToken } from '../../../../src/channels/viber/message-token.js';
import { viberEvents, viberJson } from '../../../helpers/fake-viber-api.js';

const parse = (payload: object | string) =>
  parseCallback(Buffer.from(typeof payload === 'string' ? payload : viberJson(payload)));

describe('Viber message_token', () => {
  it('keeps every digit of a token above 2^53, which JSON.parse would round', () => {
    const raw =
      '{"event":"message","message_token":5741311803571721087,"sender":{"id":"a"},"message":{"type":"text","text":"x"}}';
    expect(JSON.parse(raw).message_token).toBe(5741311803571721000); // what the SDK-less naive path gets
    const parsed = parse(raw);
    expect(parsed.ok && parsed.value.known && parsed.value.messageToken).toBe('5741311803571721087');
  });

  it('tells apart two tokens that round to the same double', () => {
    const a = parse('{"event":"seen","message_token":5741311803571721087,"user_id":"u"}');
    const b = parse('{"event":"seen","message_token":5741311803571721088,"user_id":"u"}');
    expect(a.ok && a.value.known && a.value.messageToken).toBe('5741311803571721087');
    expect(b.ok && b.value.known && b.value.messageToken).toBe('5741311803571721088');
  });

  it('is not fooled by a person typing "message_token": … in their text', () => {
    const raw =
      '{"event":"message","message":{"type":"text","text":"\\"message_token\\":1"},"message_token":5741311803571721087,"sender":{"id":"a"}}';
    expect(exactMessageToken(raw, JSON.parse(raw).message_token)).toBe('5741311803571721087');
  });

  it('is null when absent, and small tokens are kept as they are', () => {
    expect(exactMessageToken('{}', undefined)).toBeNull();
    expect(exactMessageToken('{"message_token":42}', 42)).toBe('42');
  });
});

describe('parsing an authenticated callback', () => {
  it('rejects a body that is not JSON, or not a callback', () => {
    expect(parse('not json')).toEqual({ ok: false, error: 'not-json' });
    expect(parse('[1,2]')).toEqual({ ok: false, error: 'invalid' });
    expect(parse({ event: 'message', sender: { id: 'a' } })).toEqual({ ok: false, error: 'invalid' });
  });

  it('rejects a location outside the globe', () => {
    const result = parse(viberEvents.message('a', { type: 'location', location: { lat: 123, lon: 10 } }));
    expect(result).toEqual({ ok: false, error: 'invalid' });
  });

  it('acknowledges events it does not know instead of failing them', () => {
    expect(parse({ event: 'client_status', message_token: 1 })).toEqual({
      ok: true,
      value: { known: false, event: 'client_status' },
    });
  });

  it('reads the sender and language of a message', () => {
    const result = parse(viberEvents.text('user-1', 'Добрий день', 'ru-RU'));
    if (!result.ok || !result.value.known || result.value.callback.event !== 'message')
      throw new Error('not parsed');
    expect(result.value.callback.sender).toMatchObject({ id: 'user-1', language: 'ru-RU' });
  });
});

describe('a Viber message as a core event', () => {
  it('typed text stays text, word for word', () => {
    expect(toInboundEvent({ type: 'text', text: '  Сусіди кричать щоночі ' })).toEqual({
      type: 'text',
      text: '  Сусіди кричать щоночі ',
    });
  });

  it('a keyboard press becomes a choice of the button value', () => {
    expect(toInboundEvent({ type: 'text', text: buttonActionBody('menu:concern') })).toEqual({
      type: 'choice',
      value: 'menu:concern',
    });
  });

  it('a bare prefix is just text', () => {
    expect(toInboundEvent({ type: 'text', text: 'btn:' })).toEqual({ type: 'text', text: 'btn:' });
  });

  it('a slash command becomes a command, lower-case and without the slash', () => {
    expect(toInboundEvent({ type: 'text', text: '/Start' })).toEqual({
      type: 'command',
      name: 'start',
      args: '',
    });
    expect(toInboundEvent({ type: 'text', text: '/continue  AB12-CD34 ' })).toEqual({
      type: 'command',
      name: 'continue',
      args: 'AB12-CD34',
    });
    expect(toInboundEvent({ type: 'text', text: '/ ' })).toEqual({ type: 'text', text: '/ ' });
  });

  it('a shared location becomes a location', () => {
    expect(toInboundEvent({ type: 'location', location: { lat: 48.0159, lon: 37.8028 } })).toEqual({
      type: 'location',
      lat: 48.0159,
      lon: 37.8028,
    });
  });

  it('a picture or video with a description becomes the description as text, marked as media', () => {
    expect(toInboundEvent({ type: 'picture', text: 'Ось що лишилося від дверей' })).toEqual({
      type: 'text',
      text: 'Ось що лишилося від дверей',
      media: 'photo',
    });
    expect(toInboundEvent({ type: 'video', text: 'Кричать' })).toEqual({
      type: 'text',
      text: 'Кричать',
      media: 'video',
    });
    expect(toInboundEvent({ type: 'picture', text: ' ' })).toEqual({ type: 'unsupported', what: 'photo' });
  });

  it('media, contacts and links are unsupported, named as the core knows them', () => {
    expect(toInboundEvent({ type: 'sticker' })).toEqual({ type: 'unsupported', what: 'sticker' });
    expect(toInboundEvent({ type: 'picture' })).toEqual({ type: 'unsupported', what: 'photo' });
    expect(toInboundEvent({ type: 'video' })).toEqual({ type: 'unsupported', what: 'video' });
    expect(toInboundEvent({ type: 'file' })).toEqual({ type: 'unsupported', what: 'document' });
    expect(toInboundEvent({ type: 'contact' })).toEqual({ type: 'unsupported', what: 'other' });
    expect(toInboundEvent({ type: 'url' })).toEqual({ type: 'unsupported', what: 'other' });
    expect(toInboundEvent({ type: 'text' })).toEqual({ type: 'unsupported', what: 'other' });
  });
});
