import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_MESSAGE_LENGTH,
  type RenderText,
  renderEdit,
  renderReply,
  splitText,
  TELEGRAM_TEXTS,
} from '../../../../src/channels/telegram/renderer.js';
import type { Reply } from '../../../../src/core/conversation/types.js';
import { LOCALES } from '../../../../src/core/model.js';
import { createI18n } from '../../../../src/i18n/index.js';

// A visible stand-in for src/i18n: shows which key was rendered in which locale, with parameters.
const render: RenderText = (text, locale) => {
  const params = text.params ? ` ${JSON.stringify(text.params)}` : '';
  return `${locale}:${text.key}${params}`;
};

function only<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('rendering a reply for Telegram', () => {
  it('plain text goes out as plain text: no parse_mode, so nothing a person typed is read as markup', () => {
    const [message, ...rest] = only(renderReply({ text: { key: 'menu.prompt' } }, 'uk', render));
    expect(rest).toHaveLength(0);
    expect(message).toEqual({ text: 'uk:menu.prompt', link_preview_options: { is_disabled: true } });
    expect(message).not.toHaveProperty('parse_mode');
  });

  it('renders parameters through the injected renderer in the person’s locale', () => {
    const reply: Reply = { text: { key: 'concern.submitted', params: { caseCode: 'UA-7K3P' } } };
    expect(only(renderReply(reply, 'ru', render))[0]?.text).toBe(
      'ru:concern.submitted {"caseCode":"UA-7K3P"}',
    );
  });

  it('buttons become an inline keyboard whose callback data is the button value', () => {
    const reply: Reply = {
      text: { key: 'menu.prompt' },
      buttons: [
        [{ label: { key: 'menu.concern' }, value: 'menu:concern' }],
        [
          { label: { key: 'menu.help' }, value: 'menu:help' },
          { label: { key: 'menu.language' }, value: 'menu:language' },
        ],
      ],
    };
    expect(only(renderReply(reply, 'uk', render))[0]?.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'uk:menu.concern', callback_data: 'menu:concern' }],
        [
          { text: 'uk:menu.help', callback_data: 'menu:help' },
          { text: 'uk:menu.language', callback_data: 'menu:language' },
        ],
      ],
    });
  });

  it('refuses a button value that Telegram would not accept as callback data (over 64 bytes)', () => {
    const reply: Reply = { text: { key: 'x' }, buttons: [[{ label: { key: 'y' }, value: 'ї'.repeat(33) }]] };
    const result = renderReply(reply, 'uk', render);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/66 bytes/);
  });

  it('asking for a location shows a one-time reply keyboard with a localized share button and typing hint', () => {
    const reply: Reply = { text: { key: 'concern.where' }, requestLocation: true };
    expect(only(renderReply(reply, 'ru', render))[0]?.reply_markup).toEqual({
      keyboard: [[{ text: 'ru:telegram.shareLocation', request_location: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
      input_field_placeholder: 'ru:telegram.typeInstead',
    });
  });

  it('removes the location keyboard when asked', () => {
    const reply: Reply = { text: { key: 'place.locationReceived' }, removeKeyboard: true };
    expect(only(renderReply(reply, 'uk', render))[0]?.reply_markup).toEqual({ remove_keyboard: true });
  });

  it('a text longer than one Telegram message is split, with the keyboard under the last part', () => {
    const long = `${'Перший абзац. '.repeat(250)}\n${'Другий абзац. '.repeat(250)}`;
    const reply: Reply = { text: { key: 'answer' }, buttons: [[{ label: { key: 'ok' }, value: 'ok' }]] };
    const parts = only(renderReply(reply, 'uk', () => long));
    expect(parts.length).toBe(2);
    expect(parts.every((p) => p.text.length <= MAX_MESSAGE_LENGTH)).toBe(true);
    expect(parts[0]?.reply_markup).toBeUndefined();
    expect(parts[1]?.reply_markup).toEqual({ inline_keyboard: [[{ text: long, callback_data: 'ok' }]] });
    expect(parts[0]?.text.endsWith('абзац.')).toBe(true);
    expect(
      parts
        .map((p) => p.text)
        .join(' ')
        .trim(),
    ).toBe(long.replace(/\s+/g, ' ').trim());
  });
});

describe('splitting long texts', () => {
  it('prefers a line break, then a space, and never cuts an emoji in half', () => {
    expect(splitText('aaaa\nbbbb cc', 8)).toEqual(['aaaa', 'bbbb cc']);
    expect(splitText('aaaaa bbbbbbb', 8)).toEqual(['aaaaa', 'bbbbbbb']);
    const emoji = '👶'.repeat(10);
    const parts = splitText(emoji, 7);
    expect(parts.join('')).toBe(emoji);
    expect(parts.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe('rendering an edit', () => {
  it('keeps the inline keyboard, cuts an over-long text and never carries a reply keyboard', () => {
    const reply: Reply = { text: { key: 'x' }, buttons: [[{ label: { key: 'ok' }, value: 'ok' }]] };
    const edit = only(renderEdit(reply, 'uk', () => 'я'.repeat(5000)));
    expect(edit.text.length).toBe(MAX_MESSAGE_LENGTH);
    expect(edit.text.endsWith('…')).toBe(true);
    expect(edit.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'я'.repeat(5000), callback_data: 'ok' }]],
    });
    expect(
      only(renderEdit({ text: { key: 'x' }, requestLocation: true }, 'uk', render)).reply_markup,
    ).toBeUndefined();
  });
});

describe('the channel’s own texts', () => {
  it('exist in Ukrainian and Russian, and the placeholder fits Telegram’s 64 characters', () => {
    const i18n = createI18n(path.resolve('locales'));
    for (const locale of LOCALES) {
      for (const text of Object.values(TELEGRAM_TEXTS)) {
        expect(i18n.has(text.key, locale)).toBe(true);
      }
      const [message] = only(
        renderReply({ text: { key: 'concern.askPlace' }, requestLocation: true }, locale, i18n.render),
      );
      const markup = message?.reply_markup as {
        input_field_placeholder: string;
        keyboard: Array<Array<{ text: string }>>;
      };
      expect(markup.keyboard[0]?.[0]?.text).toMatch(/📍/);
      expect(markup.input_field_placeholder.length).toBeLessThanOrEqual(64);
    }
  });
});
