// Which updates reach the specialist's side, and which button values it accepts.
import { describe, expect, it } from 'vitest';
import { claimValue, parseDeskChoice } from '../../../../src/core/specialists/replies.js';
import { deskEvent, normalizeInviteCode } from '../../../../src/core/specialists/routing.js';

const CUID = 'cmwsk5jof000tcr7dg5x2l1tt';

describe('specialist routing', () => {
  it('sends /join from any chat to enrolment, and nothing else from a reporter chat', () => {
    expect(deskEvent({ type: 'command', name: 'join', args: 'ABCD-EFGH-JKMN' }, false)).toEqual({
      type: 'join',
      code: 'ABCD-EFGH-JKMN',
    });
    expect(deskEvent({ type: 'text', text: 'Допоможіть' }, false)).toBeNull();
    expect(deskEvent({ type: 'choice', value: claimValue(CUID) }, false)).toBeNull();
    expect(deskEvent({ type: 'command', name: 'queue', args: '' }, false)).toBeNull();
  });

  it("keeps everything from a specialist's chat on the specialist side", () => {
    expect(deskEvent({ type: 'start' }, true)).toEqual({ type: 'command', name: 'help', args: '' });
    expect(deskEvent({ type: 'command', name: 'note', args: 'Мати не відчинила' }, true)).toEqual({
      type: 'command',
      name: 'note',
      args: 'Мати не відчинила',
    });
    expect(deskEvent({ type: 'text', text: 'Добрий день' }, true)).toEqual({
      type: 'text',
      text: 'Добрий день',
    });
    expect(deskEvent({ type: 'location', lat: 48, lon: 37 }, true)).toEqual({ type: 'other' });
  });

  it('reads invite codes typed with or without dashes, in any case', () => {
    expect(normalizeInviteCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
  });
});

describe('desk buttons', () => {
  it('keeps every value within Telegram’s 64 bytes', () => {
    expect(Buffer.byteLength(`close:${CUID}:REFERRED_CHILDREN_SERVICE`)).toBeLessThanOrEqual(64);
    expect(parseDeskChoice(claimValue(CUID))).toEqual({ type: 'claim', requestId: CUID });
    expect(parseDeskChoice(`case:${CUID}`)).toEqual({ type: 'activate', requestId: CUID });
    expect(parseDeskChoice(`close:${CUID}:UNFOUNDED`)).toEqual({
      type: 'close',
      requestId: CUID,
      outcome: 'UNFOUNDED',
    });
  });

  it('refuses forged or unknown values', () => {
    for (const value of ['claim:', `close:${CUID}:MAYBE`, 'claim:a;b', `delete:${CUID}`, `claim:${CUID}:x`]) {
      expect(parseDeskChoice(value)).toBeNull();
    }
  });
});
