// Finding the town a person typed, in Ukrainian or Russian, the way people actually type on a phone:
// any case, any apostrophe (ʼ ' ’ or none), ё for е, і / и / ї / ы mixed up (Слов'янськ, Славянск,
// Словянськ), hyphens or spaces (Часів Яр, Часів-Яр), "м." or "г." in front, a letter or two wrong,
// or a name the place had before it was renamed (Артемівськ for Бахмут, see former-names.ts).
import type { AdminLevel, AdminUnit, Directory, Locale } from '../model.js';
import { FORMER_NAMES } from './former-names.js';

/** Words people put before a town's name; ignored. */
const PREFIXES =
  /^(?:м|міс|місто|г|гор|город|смт|пгт|с|село|сел|селище|селище міського типу|поселок|пос|п)\.?\s+/u;

/**
 * Latin letters that look like Cyrillic ones. On a Russian keyboard layout there is no "і", so people
 * type the Latin "i" in "Сiверськ"; in a Cyrillic word any of these is meant as its Cyrillic twin.
 */
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};

function unmixScripts(s: string): string {
  return /\p{Script=Cyrillic}/u.test(s) ? s.replace(/[a-z]/g, (ch) => LOOKALIKES[ch] ?? ch) : s;
}

/**
 * A spelling key where the common uk/ru differences and typing variants collapse to one form:
 * і ї и ы й → и, є э ё → е, ґ → г; soft/hard signs, apostrophes, spaces and punctuation dropped.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .replace(PREFIXES, '')
    .replace(/\p{L}+/gu, unmixScripts)
    .replace(/[іїыйи]/gu, 'и')
    .replace(/[єэё]/gu, 'е')
    .replace(/ґ/gu, 'г')
    .replace(/[^\p{L}\p{N}]|[ьъ]/gu, '');
}

/** Optimal string alignment distance: Levenshtein plus swapped neighbours ("Крамтаорськ") as one edit. */
export function editDistance(a: string, b: string): number {
  // One flat row-major table; this runs for every unit name on every typed town.
  const width = b.length + 1;
  const d = new Uint16Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * width + j] as number) + 1,
        (d[i * width + j - 1] as number) + 1,
        (d[(i - 1) * width + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (d[(i - 2) * width + j - 2] as number) + 1);
      d[i * width + j] = best;
    }
  }
  return d[a.length * width + b.length] as number;
}

/** Typos forgiven for a typed key of this length: none for 3 letters, up to 3 for long names. */
const allowedTypos = (length: number) => (length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3);

/** The unfinished-word penalty: "Краматор" is a good match, a bit below "Краматорськ" typed in full. */
const PREFIX_PENALTY = 0.5;

export interface TownMatch {
  unit: AdminUnit;
  /** 0 is an exact match (after normalizing); larger is worse. */
  score: number;
  /** The name that matched, and in which language: answer the person in the words they used. */
  matchedName: string;
  locale: Locale;
}

export interface MatchOptions {
  /** At most this many candidates (default 5). */
  limit?: number;
  /** Only units of these levels (default: all). */
  levels?: readonly AdminLevel[];
}

function scoreName(typed: string, name: string): number | null {
  if (typed === name) return 0;
  const typos = allowedTypos(typed.length);
  // The length difference is a lower bound of the distance: most names are ruled out without one.
  let best = Math.abs(typed.length - name.length) <= typos ? editDistance(typed, name) : Infinity;
  if (typed.length >= 3 && name.length > typed.length) {
    best = Math.min(best, editDistance(typed, name.slice(0, typed.length)) + PREFIX_PENALTY);
  }
  return best <= typos + PREFIX_PENALTY ? best : null;
}

/** One name a unit is known by: as written, normalized, and in which language. */
interface KnownName {
  name: string;
  normalized: string;
  locale: Locale;
}

/** A unit's current names, then its former ones. */
function knownNames(unit: AdminUnit): KnownName[] {
  const names: Array<[string, Locale]> = [
    [unit.nameUk, 'uk'],
    [unit.nameRu, 'ru'],
    ...(FORMER_NAMES[unit.id] ?? []).flatMap(
      (f): Array<[string, Locale]> => [
        [f.uk, 'uk'],
        [f.ru, 'ru'],
      ],
    ),
  ];
  return names.map(([name, locale]) => ({ name, normalized: normalizeName(name), locale }));
}

/** Each unit's names, normalized once per directory (a directory is replaced, never changed). */
const normalizedNames = new WeakMap<Directory, Map<string, KnownName[]>>();

function namesOf(directory: Directory, unit: AdminUnit): KnownName[] {
  let names = normalizedNames.get(directory);
  if (!names) {
    names = new Map(directory.units.map((u) => [u.id, knownNames(u)]));
    normalizedNames.set(directory, names);
  }
  return names.get(unit.id) ?? knownNames(unit);
}

const LEVEL_ORDER: Record<AdminLevel, number> = { HROMADA: 0, DISTRICT: 1, OBLAST: 2 };

const unitsByName = new WeakMap<Directory, Map<string, AdminUnit[]>>();

/**
 * Units whose Ukrainian or Russian name is exactly the typed one (after normalizing): the common case,
 * answered from an index instead of a distance to every name.
 */
export function exactTownMatches(directory: Directory, typedName: string): AdminUnit[] {
  let index = unitsByName.get(directory);
  if (!index) {
    index = new Map();
    for (const unit of directory.units) {
      for (const name of new Set(namesOf(directory, unit).map((n) => n.normalized)))
        index.set(name, [...(index.get(name) ?? []), unit]);
    }
    unitsByName.set(directory, index);
  }
  return index.get(normalizeName(typedName)) ?? [];
}

/** Best candidates for a typed town name, best first; empty when nothing is close enough. */
export function matchTown(directory: Directory, typedName: string, options: MatchOptions = {}): TownMatch[] {
  const typed = normalizeName(typedName);
  if (typed.length < 2) return [];
  const matches: TownMatch[] = [];
  for (const unit of directory.units) {
    if (options.levels && !options.levels.includes(unit.level)) continue;
    let best: TownMatch | null = null;
    for (const { name, normalized, locale } of namesOf(directory, unit)) {
      const score = scoreName(typed, normalized);
      if (score !== null && (best === null || score < best.score))
        best = { unit, score, matchedName: name, locale };
    }
    if (best) matches.push(best);
  }
  // Equal scores: a town before its district ("Бахмут" before "Бахмутський район").
  return matches
    .sort(
      (a, b) =>
        a.score - b.score ||
        LEVEL_ORDER[a.unit.level] - LEVEL_ORDER[b.unit.level] ||
        a.unit.nameUk.localeCompare(b.unit.nameUk, 'uk'),
    )
    .slice(0, options.limit ?? 5);
}
