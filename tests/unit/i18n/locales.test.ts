// Every user-visible string lives in locales/uk and locales/ru with the same keys; every key the
// code uses exists in both; none is empty; none is left over.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTACT_WAYS, TIME_SLOTS } from '../../../src/core/conversation/state.js';
import { CONCERN_FIELDS } from '../../../src/core/flows/concern-summary.js';
import { CONSULTATION_FIELDS } from '../../../src/core/flows/consultation-summary.js';
import { CONCERN_CATEGORIES, CONSULTATION_TOPICS, LOCALES } from '../../../src/core/model.js';
import { REQUEST_STATUSES } from '../../../src/core/queue/transitions.js';
import { flattenKeys, loadLocales } from '../../../src/i18n/index.js';

const LOCALES_DIR = fileURLToPath(new URL('../../../locales', import.meta.url));
const SOURCE_DIRS = [
  '../../../src/core/flows',
  '../../../src/core/conversation',
  '../../../src/core/limits',
].map((d) => fileURLToPath(new URL(d, import.meta.url)));

const resources = loadLocales(LOCALES_DIR);
const keys = Object.fromEntries(LOCALES.map((l) => [l, flattenKeys(resources[l])])) as Record<
  string,
  string[]
>;
const ukKeys = keys.uk ?? [];

function textAt(locale: (typeof LOCALES)[number], key: string): string {
  let node: unknown = resources[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return node as string;
}

/** Keys built at run time from a list: `concern.category.${c}` and the like. */
const EXPANSIONS: Record<string, readonly string[]> = {
  'concern.category': CONCERN_CATEGORIES,
  'concern.field': CONCERN_FIELDS,
  'consultation.topic': CONSULTATION_TOPICS,
  'consultation.field': CONSULTATION_FIELDS,
  'consultation.way': CONTACT_WAYS,
  'consultation.time': TIME_SLOTS,
  'myRequests.status': REQUEST_STATUSES,
  'language.name': LOCALES,
};

function sources(): string[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(`${dir}/${f}`, 'utf8')),
  );
}

const features = new Set(Object.keys(resources.uk));
const literalKeys = new Set<string>();
const templatePrefixes = new Set<string>();
for (const source of sources()) {
  for (const [, key] of source.matchAll(/'([a-zA-Z]+\.[A-Za-z0-9_.]+)'/g)) {
    if (key && features.has(key.split('.')[0] ?? '') && !key.endsWith('.js')) literalKeys.add(key);
  }
  for (const [, prefix] of source.matchAll(/`([a-zA-Z]+(?:\.[A-Za-z]+)*)\.\$\{/g)) {
    if (prefix) templatePrefixes.add(prefix);
  }
}
const expandedKeys = Object.entries(EXPANSIONS).flatMap(([prefix, values]) =>
  values.map((v) => `${prefix}.${v}`),
);
const nestedKeys = LOCALES.flatMap((l) =>
  ukKeys.flatMap((k) => [...textAt(l, k).matchAll(/\$t\(([^)]+)\)/g)].map((m) => m[1] ?? '')),
);

describe('locales', () => {
  it('uk and ru have exactly the same keys', () => {
    expect(ukKeys.length).toBeGreaterThan(100);
    expect(keys.ru).toEqual(ukKeys);
  });

  it('have no empty texts', () => {
    for (const locale of LOCALES) {
      for (const key of ukKeys) expect(textAt(locale, key).trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it('use the same {{placeholders}} and nested $t() in both languages', () => {
    const slots = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}|\$t\(([^)]+)\)/g)].map((m) => m[0]).sort();
    for (const key of ukKeys) expect(slots(textAt('ru', key)), key).toEqual(slots(textAt('uk', key)));
  });

  it('every key the flows use literally exists', () => {
    expect(literalKeys.size).toBeGreaterThan(80);
    for (const key of literalKeys) expect(ukKeys, key).toContain(key);
  });

  it('every key built from a list exists for every member of the list', () => {
    for (const prefix of templatePrefixes)
      expect(Object.keys(EXPANSIONS), `no list known for ${prefix}.*`).toContain(prefix);
    for (const key of expandedKeys) expect(ukKeys, key).toContain(key);
  });

  it('every nested $t() points at an existing key', () => {
    expect(nestedKeys.length).toBeGreaterThan(0);
    for (const key of nestedKeys) expect(ukKeys, key).toContain(key);
  });

  it('has no leftover key that nothing uses, in the features the conversation owns', () => {
    // Channels keep a few texts of their own (e.g. telegram.json); their tests check those.
    const owned = new Set([...literalKeys].map((k) => k.split('.')[0]));
    const used = new Set([...literalKeys, ...expandedKeys, ...nestedKeys]);
    expect(ukKeys.filter((k) => owned.has(k.split('.')[0]) && !used.has(k))).toEqual([]);
  });

  it('the first question is readable whichever language the person speaks', () => {
    expect(textAt('uk', 'language.firstAsk')).toBe(textAt('ru', 'language.firstAsk'));
    expect(textAt('uk', 'language.firstAsk')).toMatch(/Оберіть[\s\S]*Выберите[\s\S]*112/);
  });
});
