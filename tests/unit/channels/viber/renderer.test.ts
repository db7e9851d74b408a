import { describe, expect, it } from 'vitest';
import { renderReply, SHARE_LOCATION_LABEL, splitText } from '../../../../src/channels/viber/renderer.js';
import { DEFAULT_WELCOME, welcomeBody } from '../../../../src/channels/viber/welcome.js';
import type { Button, Reply } from '../../../../src/core/conversation/types.js';
import { LOCALES } from '../../../../src/core/model.js';
import { createI18n } from '../../../../src/i18n/index.js';
import { echoRender } from './support.js';

const b = (key: string, value: string): Button => ({ label: { key }, value });
const render = (reply: Reply, withLocationPicker = false) =>
  renderReply(reply, 'uk', { render: echoRender, withLocationPicker });

describe('rendering a core reply for Viber', () => {
  it('a plain text is a text message without keyboard, in the chosen language', () => {
    expect(render({ text: { key: 'help.text' } })).toEqual([{ type: 'text', text: 'uk|help.text' }]);
    expect(
      renderReply({ text: { key: 'help.text', params: { n: 1 } } }, 'ru', { render: echoRender }),
    ).toEqual([{ type: 'text', text: 'ru|help.text {"n":1}' }]);
  });

  it('buttons become a reply keyboard whose rows fill the six columns', () => {
    const [message] = render({
      text: { key: 'menu.prompt' },
      buttons: [
        [b('menu.concern', 'menu:concern')],
        [b('menu.my', 'menu:my'), b('menu.centres', 'menu:centres')],
      ],
    });
    expect(message?.keyboard?.Type).toBe('keyboard');
    expect(message?.min_api_version).toBeUndefined();
    expect(message?.keyboard?.Buttons).toEqual([
      expect.objectContaining({
        Columns: 6,
        Rows: 1,
        ActionType: 'reply',
        ActionBody: 'btn:menu:concern',
        Text: 'uk|menu.concern',
      }),
      expect.objectContaining({ Columns: 3, ActionBody: 'btn:menu:my', Text: 'uk|menu.my' }),
      expect.objectContaining({ Columns: 3, ActionBody: 'btn:menu:centres' }),
    ]);
    for (const button of message?.keyboard?.Buttons ?? []) {
      expect(button.BgColor).toMatch(/^#[0-9A-F]{6}$/i);
      expect(button.Silent).toBe(true);
    }
  });

  it('uneven and long rows are spread so every line is full', () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => b(`k${i}`, `v${i}`));
    const columns = (n: number) =>
      render({ text: { key: 'q' }, buttons: [row(n)] })[0]?.keyboard?.Buttons.map((x) => x.Columns);
    expect(columns(3)).toEqual([2, 2, 2]);
    expect(columns(4)).toEqual([2, 2, 2, 6]); // 3 + 1: wrapped, the last alone on its line
    expect(columns(5)).toEqual([2, 2, 2, 3, 3]);
  });

  it('a request for location is a location picker, which needs min_api_version 3', () => {
    const [message] = render({ text: { key: 'place.ask' }, requestLocation: true });
    expect(message?.min_api_version).toBe(3);
    expect(message?.keyboard?.Buttons).toEqual([
      expect.objectContaining({ ActionType: 'location-picker', Columns: 6, Text: 'uk|viber.shareLocation' }),
    ]);
  });

  it('the picker can be carried over onto the next keyboard', () => {
    const [message] = render({ text: { key: 'place.orChoose' }, buttons: [[b('unit.a', 'unit:a')]] }, true);
    expect(message?.keyboard?.Buttons.map((x) => x.ActionType)).toEqual(['location-picker', 'reply']);
    expect(message?.min_api_version).toBe(3);
  });

  it('removeKeyboard sends no keyboard, which on Viber hides the last one', () => {
    expect(render({ text: { key: 'place.locationReceived' }, removeKeyboard: true })).toEqual([
      { type: 'text', text: 'uk|place.locationReceived' },
    ]);
  });

  it('button labels are escaped for Viber markup', () => {
    const [message] = renderReply({ text: { key: 'q' }, buttons: [[b('x', 'v')]] }, 'uk', {
      render: () => 'ЦСС <Бахмут> & Co',
    });
    expect(message?.keyboard?.Buttons[0]?.Text).toBe('ЦСС &lt;Бахмут&gt; &amp; Co');
  });

  it('a text longer than Viber allows is split, with the keyboard on the last part', () => {
    const long = `${'а'.repeat(6000)}\n${'б'.repeat(3000)}`;
    const messages = renderReply({ text: { key: 'x' }, buttons: [[b('ok', 'ok')]] }, 'uk', {
      render: () => long,
    });
    expect(messages.map((m) => m.text.length)).toEqual([6000, 3000]);
    expect(messages[0]?.keyboard).toBeUndefined();
    expect(messages[1]?.keyboard?.Buttons).toHaveLength(1);
  });

  it('never splits inside an emoji', () => {
    const parts = splitText('😀'.repeat(10), 7);
    expect(parts.join('')).toBe('😀'.repeat(10));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(7);
    expect(parts.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });
});

describe('the welcome answered to conversation_started', () => {
  const sender = { name: 'Поруч' };

  it('asks for the language in the phone language, with one button per language', () => {
    const body = welcomeBody(DEFAULT_WELCOME, 'ru', sender, echoRender);
    expect(body).toMatchObject({ sender, type: 'text', text: 'ru|language.firstAsk' });
    expect(body.keyboard?.Buttons.map((x) => x.ActionBody)).toEqual(['btn:lang:uk', 'btn:lang:ru']);
  });

  it('falls back to Ukrainian for any other language', () => {
    expect(welcomeBody(DEFAULT_WELCOME, 'en', sender, echoRender).text).toBe('uk|language.firstAsk');
    expect(welcomeBody(DEFAULT_WELCOME, undefined, sender, echoRender).text).toBe('uk|language.firstAsk');
  });

  it('is a new object each time: nothing of one person can reach another', () => {
    const first = welcomeBody(DEFAULT_WELCOME, 'uk', sender, echoRender);
    const second = welcomeBody(DEFAULT_WELCOME, 'uk', sender, echoRender);
    expect(first).not.toBe(second);
    expect(first.keyboard).not.toBe(second.keyboard);
  });
});

describe('with the real locales', () => {
  const missing: string[] = [];
  const i18n = createI18n('locales', { onMissingKey: (key, locale) => missing.push(`${locale}:${key}`) });

  it('the welcome and the location picker exist in Ukrainian and Russian', () => {
    for (const locale of LOCALES) {
      const body = welcomeBody(DEFAULT_WELCOME, locale, { name: 'Поруч' }, i18n.render);
      expect(body.text).toContain('112');
      expect(body.keyboard?.Buttons.map((x) => x.Text)).toEqual(['Українська', 'Русский']);
      expect(i18n.render(SHARE_LOCATION_LABEL, locale)).toMatch(/📍/);
    }
    expect(missing).toEqual([]);
  });
});
