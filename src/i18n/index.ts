// Turns the core's abstract texts ({ key, params }) into words, in Ukrainian or Russian.
// One i18next instance per app (no global), loaded from locales/<lng>/<feature>.json: the file name
// is the first part of every key ("concern.askDanger" lives in concern.json).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import type { Reply, Text, TextParam } from '../core/conversation/types.js';
import { LOCALES, type Locale } from '../core/model.js';

export interface RenderedButton {
  label: string;
  value: string;
}

export interface RenderedReply {
  text: string;
  buttons: RenderedButton[][];
  requestLocation: boolean;
  removeKeyboard: boolean;
}

export interface I18n {
  readonly locales: readonly Locale[];
  render(text: Text, locale: Locale): string;
  renderReply(reply: Reply, locale: Locale): RenderedReply;
  has(key: string, locale: Locale): boolean;
}

export interface I18nOptions {
  /** Told about a key missing in a locale (the key itself is shown instead). Log it; never throw at a person. */
  onMissingKey?: (key: string, locale: Locale) => void;
}

type Tree = { [key: string]: string | Tree };

/** Every locale's features, each read from its JSON file: { uk: { common: {...}, concern: {...} }, ru: ... }. */
export function loadLocales(localesDir: string): Record<Locale, Tree> {
  const read = (locale: Locale): Tree => {
    const dir = path.join(localesDir, locale);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    if (files.length === 0) throw new Error(`no locale files in ${dir}`);
    return Object.fromEntries(
      files.map((f) => [
        path.basename(f, '.json'),
        JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Tree,
      ]),
    );
  };
  return Object.fromEntries(LOCALES.map((l) => [l, read(l)])) as Record<Locale, Tree>;
}

/** "a.b.c" keys of every string in a tree, sorted. */
export function flattenKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) =>
      typeof value === 'string' ? [`${prefix}${key}`] : flattenKeys(value, `${prefix}${key}.`),
    )
    .sort();
}

export function createI18n(localesDir: string, options: I18nOptions = {}): I18n {
  const resources = loadLocales(localesDir);
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: resources[l] }])),
    lng: LOCALES[0],
    fallbackLng: false,
    // Channels send plain text: nothing to escape, and "<" in a town name must stay "<".
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
  });

  const has = (key: string, locale: Locale) => instance.exists(key, { lng: locale });

  function param(value: TextParam, locale: Locale): string {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map((item) => render(item, locale)).join('\n');
    return render(value, locale);
  }

  // Texts without params (questions, button labels) are the same every time: translated once each.
  const plain = new Map<string, string>();

  function render(text: Text, locale: Locale): string {
    if (text.params === undefined) {
      const cacheKey = `${locale}:${text.key}`;
      let rendered = plain.get(cacheKey);
      if (rendered === undefined) {
        rendered = translate(text, locale);
        plain.set(cacheKey, rendered);
      }
      return rendered;
    }
    return translate(text, locale);
  }

  function translate(text: Text, locale: Locale): string {
    if (!has(text.key, locale)) options.onMissingKey?.(text.key, locale);
    const replace = Object.fromEntries(
      Object.entries(text.params ?? {}).map(([k, v]) => [k, param(v, locale)]),
    );
    // Params go under `replace` so that a param named like an i18next option (count, ns) stays a
    // param. i18next hands `replace` as the options of a nested $t(...), so `lng` must be in it too,
    // or "$t(common.emergencyNumbers)" in a Russian text would come out in Ukrainian (i18next 26).
    return instance.t(text.key, { lng: locale, replace: { ...replace, lng: locale } });
  }

  function renderReply(reply: Reply, locale: Locale): RenderedReply {
    return {
      text: render(reply.text, locale),
      buttons: (reply.buttons ?? []).map((row) =>
        row.map((b) => ({ label: render(b.label, locale), value: b.value })),
      ),
      requestLocation: reply.requestLocation ?? false,
      removeKeyboard: reply.removeKeyboard ?? false,
    };
  }

  return { locales: LOCALES, render, renderReply, has };
}
