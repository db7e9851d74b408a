import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/index.js';

const LOCALES_DIR = fileURLToPath(new URL('../../../locales', import.meta.url));

describe('rendering abstract texts', () => {
  const i18n = createI18n(LOCALES_DIR);

  it('translates nested texts first, in the same language', () => {
    const text = {
      key: 'myRequests.item',
      params: {
        code: 'K7-4QX',
        what: { key: 'concern.category.BULLYING' },
        status: { key: 'myRequests.status.NEW' },
        date: '20.11.2025',
      },
    };
    expect(i18n.render(text, 'uk')).toBe('• K7-4QX — Цькування (булінг)\n   чекає на фахівця, 20.11.2025');
    expect(i18n.render(text, 'ru')).toBe('• K7-4QX — Травля (буллинг)\n   ждёт специалиста, 20.11.2025');
  });

  it('renders a list of texts one per line', () => {
    const item = (code: string) => ({
      key: 'myRequests.item',
      params: { code, what: 'x', status: 'y', date: 'z' },
    });
    const rendered = i18n.render(
      { key: 'myRequests.list', params: { items: [item('AA-222'), item('BB-333')] } },
      'uk',
    );
    expect(rendered).toBe('Ваші звернення:\n\n• AA-222 — x\n   y, z\n• BB-333 — x\n   y, z');
  });

  it('keeps nested $t() in the reader’s language (the emergency numbers in a Russian text are Russian)', () => {
    const ru = i18n.render({ key: 'submitted.urgent' }, 'ru');
    expect(ru).toContain('112 — экстренная помощь');
    expect(ru).not.toContain('екстрена');
    expect(i18n.render({ key: 'concern.dangerNow' }, 'uk')).toContain(
      '116 123 — лінія з протидії домашньому насильству',
    );
  });

  it('leaves text people typed as it is: no HTML escaping, no interpolation inside params', () => {
    const rendered = i18n.render({ key: 'place.notFound', params: { name: '<b>Село & {{code}}</b>' } }, 'uk');
    expect(rendered).toBe(
      'Не вдалося знайти «<b>Село & {{code}}</b>». Перевірте, будь ласка, назву або оберіть зі списку.',
    );
  });

  it('renders a reply with its buttons and keyboard flags', () => {
    const reply = i18n.renderReply(
      {
        text: { key: 'concern.askDanger' },
        buttons: [[{ label: { key: 'common.yes' }, value: 'danger:yes' }]],
      },
      'ru',
    );
    expect(reply).toEqual({
      text: 'Угрожает ли кому-то опасность прямо сейчас?',
      buttons: [[{ label: 'Да', value: 'danger:yes' }]],
      requestLocation: false,
      removeKeyboard: false,
    });
  });

  it('reports a missing key instead of failing the person', () => {
    const missing: string[] = [];
    const reporting = createI18n(LOCALES_DIR, {
      onMissingKey: (key, locale) => missing.push(`${locale}:${key}`),
    });
    expect(reporting.render({ key: 'nope.never' }, 'uk')).toBe('nope.never');
    expect(missing).toEqual(['uk:nope.never']);
    expect(reporting.has('menu.prompt', 'ru')).toBe(true);
  });

  it('is one instance per app: two instances do not share state', () => {
    const other = createI18n(LOCALES_DIR);
    expect(other.render({ key: 'menu.prompt' }, 'ru')).toBe('Чем можем помочь?');
    expect(i18n.render({ key: 'menu.prompt' }, 'uk')).toBe('Чим можемо допомогти?');
  });
});
