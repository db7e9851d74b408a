// zod schemas of one unit row and one centre row of an import file. JSON and CSV share them: every
// field also accepts the text a spreadsheet cell holds ("48,85", "так", "a;b;c"), so both formats
// are validated by the same rules and report the same messages.
import { z } from 'zod';
import type { AdminUnit, Centre } from '../core/model.js';

/** Ukraine with a margin: 44.3–52.4 N, 22.1–40.2 E. A swapped lat/lon falls outside. */
export const LAT_RANGE = [44, 53] as const;
export const LON_RANGE = [22, 41] as const;

const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;

/** "48,85" (decimal comma from a uk/ru spreadsheet) and "48.85" both become 48.85. */
const toNumber = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const t = v.trim().replace(',', '.');
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
};

const TRUE_WORDS = ['true', 'yes', 'y', '1', 'так', 'да'];
const FALSE_WORDS = ['false', 'no', 'n', '0', 'ні', 'нет'];
const toBoolean = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const t = v.trim().toLowerCase();
  if (TRUE_WORDS.includes(t)) return true;
  if (FALSE_WORDS.includes(t)) return false;
  return v;
};

/** A list cell: "a;b c,d" → ["a","b","c","d"]. */
const toList = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/[;,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

const coordinate = (name: 'lat' | 'lon', [min, max]: readonly [number, number]) =>
  z.preprocess(
    toNumber,
    z
      .number({
        error: (iss) =>
          `must be a number (${name === 'lat' ? 'latitude' : 'longitude'}), got ${shown(iss.input)}`,
      })
      .min(min, { error: `must be between ${min} and ${max}` })
      .max(max, { error: `must be between ${min} and ${max}` }),
  );

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional()).transform((v) => v ?? null);

/** Control characters (NUL and friends) break messengers' rendering and PostgreSQL's text type. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(NO_CONTROL_CHARS, { error: 'must not contain control characters' });

const UNIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
const CENTRE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const unitId = z
  .string({ error: 'must be text' })
  .trim()
  .max(120, { error: 'must be at most 120 characters' })
  .regex(UNIT_ID, {
    error: 'must be a lowercase slug like donetska/kramatorskyi/sloviansk (a-z, 0-9, -, /)',
  });

export const centreId = z
  .string({ error: 'must be text' })
  .trim()
  .max(80, { error: 'must be at most 80 characters' })
  .regex(CENTRE_ID, { error: 'must be a lowercase slug like dn-csss-sloviansk (a-z, 0-9, -)' });

const level = <L extends string>(levels: readonly [L, ...L[]]) =>
  z
    .string({ error: `must be one of ${levels.join(', ')}` })
    .trim()
    .toUpperCase()
    .pipe(z.enum(levels, { error: (iss) => `must be one of ${levels.join(', ')}, got ${shown(iss.input)}` }));

const PHONE = /^\+?[0-9][0-9 ()-]{4,24}(\s*[,;]\s*\+?[0-9][0-9 ()-]{4,24})*$/;

/** Free-text remark for operators (e.g. "relocated to Dnipro"); read and checked, not stored. */
const note = optional(text(1000));

export const unitRowSchema = z
  .strictObject({
    id: unitId,
    parentId: optional(unitId),
    level: level(['OBLAST', 'DISTRICT', 'HROMADA']),
    nameUk: text(200),
    nameRu: text(200),
    lat: optional(coordinate('lat', LAT_RANGE)),
    lon: optional(coordinate('lon', LON_RANGE)),
    note,
  })
  .superRefine((u, ctx) => {
    // A town with only one coordinate would be silently skipped by location routing.
    if ((u.lat === null) !== (u.lon === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [u.lat === null ? 'lat' : 'lon'],
        message: 'lat and lon must be given together (or both left empty)',
      });
    }
  })
  .transform(
    (u): AdminUnit => ({
      id: u.id,
      parentId: u.parentId,
      level: u.level,
      nameUk: u.nameUk,
      nameRu: u.nameRu,
      lat: u.lat,
      lon: u.lon,
    }),
  );

export const centreRowSchema = z
  .strictObject({
    id: centreId,
    level: level(['OBLAST', 'DISTRICT', 'CITY', 'HROMADA']),
    nameUk: text(300),
    nameRu: text(300),
    oblastId: unitId,
    addressUk: optional(text(500)),
    addressRu: optional(text(500)),
    phone: optional(
      text(100).regex(PHONE, {
        error: 'must be a phone number like +380 62 123 45 67 (several: comma-separated)',
      }),
    ),
    email: optional(z.email({ error: 'must be an e-mail address' })),
    hoursUk: optional(text(300)),
    hoursRu: optional(text(300)),
    lat: coordinate('lat', LAT_RANGE),
    lon: coordinate('lon', LON_RANGE),
    // Unconfirmed unless the operator says otherwise: the bundled data is mostly unverified.
    needsConfirmation: z.preprocess(
      (v) => toBoolean(blankToUndefined(v)),
      z.boolean({ error: (iss) => `must be true or false, got ${shown(iss.input)}` }).default(true),
    ),
    parentId: optional(centreId),
    coverage: z.preprocess(
      (v) => toList(blankToUndefined(v) ?? []),
      z
        .array(unitId, { error: 'must be a list of unit ids' })
        .min(1, { error: 'must list at least one unit id this centre serves' }),
    ),
    note,
  })
  .transform(({ note: _note, ...c }): Centre => c);

export const directoryFileSchema = z.strictObject({
  note: z.string({ error: 'must be text' }).optional(),
  units: z.array(z.unknown(), { error: 'must be a list of units' }),
  centres: z.array(z.unknown(), { error: 'must be a list of centres' }),
});
