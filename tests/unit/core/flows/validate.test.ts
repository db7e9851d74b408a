import { describe, expect, it } from 'vitest';
import { charCount, parseYesNo } from '../../../../src/core/flows/common.js';
import { checkLength, parseUkrainianPhone } from '../../../../src/core/flows/validate.js';

describe('a phone number as people write it', () => {
  it.each([
    ['+380671234567', '+380671234567'],
    ['+380 67 123 45 67', '+380671234567'],
    ['380671234567', '+380671234567'],
    ['067-123-45-67', '+380671234567'],
    ['(067) 123 45 67', '+380671234567'],
    ['8 067 123 45 67', '+380671234567'],
    ['0442345678', '+380442345678'],
  ])('%s is %s', (typed, e164) => {
    expect(parseUkrainianPhone(typed)).toBe(e164);
  });

  it.each([
    '12345',
    '+48 601 234 567',
    '+7 912 345 67 89',
    '067 123 45 6',
    '067 123 45 678',
    '0121234567',
    'мій номер 0671234567',
    '',
  ])('%s is not a Ukrainian number', (typed) => {
    expect(parseUkrainianPhone(typed)).toBeNull();
  });
});

describe('length of what people write', () => {
  it('counts an emoji or an accented letter once', () => {
    expect(charCount('👨‍👩‍👧')).toBe(5); // a family emoji is five code points: fair enough for a limit
    expect(charCount('ї')).toBe(1);
    expect(charCount('🙂🙂')).toBe(2);
  });

  it('trims, and names the problem', () => {
    expect(checkLength('   текст   ', { min: 2, max: 10 })).toEqual({ ok: true, value: 'текст' });
    expect(checkLength('   ', { min: 2, max: 10 })).toMatchObject({
      ok: false,
      error: { text: { key: 'errors.empty' } },
    });
    expect(checkLength('а', { min: 2, max: 10 })).toMatchObject({
      error: { text: { key: 'errors.tooShort', params: { min: 2 } } },
    });
    expect(checkLength('а'.repeat(11), { min: 2, max: 10 })).toMatchObject({
      error: { text: { key: 'errors.tooLong', params: { max: 10, length: 11 } } },
    });
  });
});

describe('a typed yes or no', () => {
  it.each([
    ['Так', true],
    ['так!', true],
    ['Да', true],
    ['ні', false],
    ['Нет.', false],
    ['не знаю', null],
    ['так, але', null],
  ])('%s -> %s', (typed, answer) => {
    expect(parseYesNo(typed)).toBe(answer);
  });
});
