import { describe, expect, it } from 'vitest';
import {
  editDistance,
  exactTownMatches,
  matchTown,
  normalizeName,
} from '../../../../src/core/routing/index.js';
import { loadDonetska } from './donetska.js';

const directory = loadDonetska();
const best = (typed: string) => matchTown(directory, typed)[0]?.unit.id;

describe('a person types their town instead of sharing a location', () => {
  it.each([
    ['Артемівськ', 'donetska/bakhmutskyi/bakhmut'],
    ['Артемовск', 'donetska/bakhmutskyi/bakhmut'],
    ['Красноармійськ', 'donetska/pokrovskyi/pokrovsk'],
    ['г. Красноармейск', 'donetska/pokrovskyi/pokrovsk'],
    ['Дзержинськ', 'donetska/bakhmutskyi/toretsk'],
    ['Дзержинск', 'donetska/bakhmutskyi/toretsk'],
    ['Димитров', 'donetska/pokrovskyi/myrnohrad'],
    ['Красний Лиман', 'donetska/kramatorskyi/lyman'],
    ['Красный Лиман', 'donetska/kramatorskyi/lyman'],
    ['Торез', 'donetska/horlivskyi/chystiakove'],
    ['Комсомольське', 'donetska/kalmiuskyi/kalmiuske'],
    ['Тельманово', 'donetska/kalmiuskyi/boikivske'],
    ['Володарське', 'donetska/mariupolskyi/nikolske'],
    ['Першотравневе', 'donetska/mariupolskyi/manhush'],
    ['Славяногорск', 'donetska/kramatorskyi/sviatohirsk'],
    ['Артемівський район', 'donetska/bakhmutskyi'],
  ])('by its former name: %s', (typed, unitId) => {
    expect(exactTownMatches(directory, typed).map((u) => u.id)).toEqual([unitId]);
    expect(best(typed)).toBe(unitId);
  });

  it.each([
    ['Артемовськ', 'donetska/bakhmutskyi/bakhmut'],
    ['Красноарміськ', 'donetska/pokrovskyi/pokrovsk'],
    ['Дзержинськ ', 'donetska/bakhmutskyi/toretsk'],
    ['Красный Лимант', 'donetska/kramatorskyi/lyman'],
  ])('by its former name with a typo: %s', (typed, unitId) => {
    expect(best(typed)).toBe(unitId);
  });

  it('a former name matches the place it was, answered with the name the person used', () => {
    const [match] = matchTown(directory, 'Артемовск');
    expect(match).toMatchObject({ score: 0, matchedName: 'Артемовск', locale: 'ru' });
  });

  it.each([
    ['Краматорськ', 'donetska/kramatorskyi/kramatorsk'],
    ["Слов'янськ", 'donetska/kramatorskyi/sloviansk'],
    ['Словʼянськ', 'donetska/kramatorskyi/sloviansk'],
    ['Слов’янськ', 'donetska/kramatorskyi/sloviansk'],
    ['словянськ', 'donetska/kramatorskyi/sloviansk'],
    ['ДОБРОПІЛЛЯ', 'donetska/pokrovskyi/dobropillia'],
    ['м. Покровськ', 'donetska/pokrovskyi/pokrovsk'],
    ['Часів-Яр', 'donetska/bakhmutskyi/chasiv-yar'],
    ['Сiверськ', 'donetska/bakhmutskyi/siversk'],
    ['Мар’їнка', 'donetska/pokrovskyi/marinka'],
  ])('in Ukrainian: %s', (typed, unitId) => {
    expect(best(typed)).toBe(unitId);
  });

  it.each([
    ['Крамаорськ', 'donetska/kramatorskyi/kramatorsk'],
    ['Костянтинвка', 'donetska/kramatorskyi/kostiantynivka'],
    ['Дружкiвка', 'donetska/kramatorskyi/druzhkivka'],
    ['Миронград', 'donetska/pokrovskyi/myrnohrad'],
    ['Новогродівкаа', 'donetska/pokrovskyi/novohrodivka'],
  ])('in Ukrainian with a typo: %s', (typed, unitId) => {
    expect(best(typed)).toBe(unitId);
  });

  it.each([
    ['Славянск', 'donetska/kramatorskyi/sloviansk'],
    ['г. Краматорск', 'donetska/kramatorskyi/kramatorsk'],
    ['Константиновка', 'donetska/kramatorskyi/kostiantynivka'],
    ['Доброполье', 'donetska/pokrovskyi/dobropillia'],
    ['Часов Яр', 'donetska/bakhmutskyi/chasiv-yar'],
    ['Мариуполь', 'donetska/mariupolskyi/mariupol'],
    ['Угледар', 'donetska/volnovaskyi/vuhledar'],
    ['Святогорск', 'donetska/kramatorskyi/sviatohirsk'],
  ])('in Russian: %s', (typed, unitId) => {
    expect(best(typed)).toBe(unitId);
  });

  it.each([
    ['Краматорк', 'donetska/kramatorskyi/kramatorsk'],
    ['Славянкс', 'donetska/kramatorskyi/sloviansk'],
    ['Констaнтиновка', 'donetska/kramatorskyi/kostiantynivka'],
    ['Авдеевка', 'donetska/pokrovskyi/avdiivka'],
    ['Авдёевка', 'donetska/pokrovskyi/avdiivka'],
    ['Северкс', 'donetska/bakhmutskyi/siversk'],
    ['Великая Новосёлка', 'donetska/volnovaskyi/velyka-novosilka'],
  ])('in Russian with a typo or ё: %s', (typed, unitId) => {
    expect(best(typed)).toBe(unitId);
  });

  it('an unfinished name suggests the town first, then its district', () => {
    const matches = matchTown(directory, 'Краматор');
    expect(matches.map((m) => m.unit.id)).toEqual([
      'donetska/kramatorskyi/kramatorsk',
      'donetska/kramatorskyi',
    ]);
    expect(matches[0]?.score).toBeGreaterThan(0);
  });

  it('answers in the words the person used', () => {
    expect(matchTown(directory, 'Славянск')[0]).toMatchObject({
      matchedName: 'Славянск',
      locale: 'ru',
      score: 0,
    });
    expect(matchTown(directory, "Слов'янськ")[0]).toMatchObject({
      matchedName: "Слов'янськ",
      locale: 'uk',
      score: 0,
    });
  });

  it('an exact town beats a district that starts with the same letters', () => {
    expect(matchTown(directory, 'Бахмут').map((m) => m.unit.id)).toEqual([
      'donetska/bakhmutskyi/bakhmut',
      'donetska/bakhmutskyi',
    ]);
  });

  it('can be limited to towns, for the town step of a flow', () => {
    const matches = matchTown(directory, 'Покровськ', { levels: ['HROMADA'] });
    expect(matches.map((m) => m.unit.id)).toEqual(['donetska/pokrovskyi/pokrovsk']);
  });

  it('finds nothing for a place outside the directory or for noise', () => {
    expect(matchTown(directory, 'Київ')).toEqual([]);
    expect(matchTown(directory, 'Лондон')).toEqual([]);
    expect(matchTown(directory, '?')).toEqual([]);
    expect(matchTown(directory, '   ')).toEqual([]);
  });

  it('does not guess from too few letters', () => {
    expect(matchTown(directory, 'Кр')).toEqual([]);
  });
});

describe('spelling key and edit distance', () => {
  it('collapses the uk/ru letter differences', () => {
    expect(normalizeName("Слов'янськ")).toBe(normalizeName('Словянск'));
    expect(normalizeName('Часів Яр')).toBe('часивяр');
    expect(normalizeName('Сёверск')).toBe(normalizeName('Северск'));
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('краматорск', 'краматроск')).toBe(1);
    expect(editDistance('абв', 'абв')).toBe(0);
    expect(editDistance('', 'абв')).toBe(3);
    expect(editDistance('кот', 'кит')).toBe(1);
  });
});

describe('the exact-name index (the fast path for a name typed in full)', () => {
  it('finds, for every name in the directory, exactly the units the full matcher scores 0', () => {
    const typedNames = directory.units.flatMap((u) => [u.nameUk, u.nameRu, u.nameUk.toUpperCase()]);
    for (const typed of [...typedNames, 'м. Покровськ', 'Словянськ', 'Крамаорськ', 'Лондон']) {
      const exact = matchTown(directory, typed, { limit: 100 }).filter((m) => m.score === 0);
      expect(
        exactTownMatches(directory, typed)
          .map((u) => u.id)
          .sort(),
        typed,
      ).toEqual(exact.map((m) => m.unit.id).sort());
    }
  });
});
