// The persisted state of one chat. It is plain JSON with a version `v`, validated when read back,
// so that a restart mid-conversation continues and a state from an older release is migrated or
// reset instead of crashing the flow. The zod schemas are the single source of the step types.
import { z } from 'zod';
import { CONCERN_CATEGORIES, CONSULTATION_TOPICS, LOCALES } from '../model.js';

export const STATE_VERSION = 1;

const page = z.number().int().min(0);

/** Where the person is in choosing a place: the shared sub-flow of concern, consultation and centres. */
export const placeStageSchema = z.discriminatedUnion('at', [
  /** The first question: share a location, type a name, or pick from the top of the list. */
  z.object({ at: z.literal('ask'), page: page.optional() }),
  z.object({ at: z.literal('district'), oblastId: z.string(), page }),
  z.object({ at: z.literal('town'), districtId: z.string(), page }),
  /** A typed name matched several places (or only loosely): the person picks one. */
  z.object({ at: z.literal('confirmTown'), candidates: z.array(z.string()).min(1) }),
]);

export const placeSchema = z.object({
  unitId: z.string().nullable(),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
});

export const CONCERN_STAGES = [
  'category',
  'danger',
  'place',
  'description',
  'contact',
  'phone',
  'summary',
  'editField',
  'submitting',
] as const;

export const concernStepSchema = z.object({
  flow: z.literal('concern'),
  at: z.enum(CONCERN_STAGES),
  /** When "Send" was pressed (ISO time), while the request is being handed to storage. */
  since: z.string().optional(),
  /** True when the person came from the summary to change one field: they go back to it afterwards. */
  editing: z.boolean(),
  where: placeStageSchema.optional(),
  draft: z.object({
    category: z.enum(CONCERN_CATEGORIES).optional(),
    urgent: z.boolean().optional(),
    place: placeSchema.optional(),
    description: z.string().optional(),
    /** null: the person chose to stay anonymous. */
    phone: z.string().nullable().optional(),
  }),
});

export const CONSULTATION_STAGES = [
  'topic',
  'place',
  'description',
  'way',
  'phone',
  'time',
  'summary',
  'editField',
  'submitting',
] as const;
export const CONTACT_WAYS = ['CHAT', 'PHONE', 'VISIT'] as const;
export const TIME_SLOTS = ['MORNING', 'AFTERNOON', 'EVENING', 'ANY'] as const;

export const consultationStepSchema = z.object({
  flow: z.literal('consultation'),
  at: z.enum(CONSULTATION_STAGES),
  /** When "Send" was pressed (ISO time), while the request is being handed to storage. */
  since: z.string().optional(),
  editing: z.boolean(),
  where: placeStageSchema.optional(),
  draft: z.object({
    topic: z.enum(CONSULTATION_TOPICS).optional(),
    place: placeSchema.optional(),
    description: z.string().optional(),
    way: z.enum(CONTACT_WAYS).optional(),
    phone: z.string().nullable().optional(),
    /** Either a slot chosen with a button or the person's own words. */
    time: z.union([z.object({ slot: z.enum(TIME_SLOTS) }), z.object({ note: z.string() })]).optional(),
  }),
});

export const MY_REQUESTS_STAGES = [
  'loading',
  'list',
  'addInfo',
  'sending',
  'continueCode',
  'continuing',
] as const;

export const myRequestsStepSchema = z.object({
  flow: z.literal('myRequests'),
  at: z.enum(MY_REQUESTS_STAGES),
  /** Case codes of the person's open requests, as last listed: only these accept added information. */
  open: z.array(z.string()),
  caseCode: z.string().optional(),
  /** Added information being sent: kept until storage confirms, so a failure loses nothing. */
  pending: z.string().optional(),
});

export const centresStepSchema = z.object({ flow: z.literal('centres'), where: placeStageSchema });
/** "Forget me": the confirmation, then waiting for storage. */
export const safetyStepSchema = z.object({
  flow: z.literal('safety'),
  at: z.enum(['confirmForget', 'forgetting']),
});
export const menuStepSchema = z.object({ flow: z.literal('menu') });

const resumableStepSchema = z.discriminatedUnion('flow', [
  menuStepSchema,
  concernStepSchema,
  consultationStepSchema,
  myRequestsStepSchema,
  centresStepSchema,
  safetyStepSchema,
]);

export const languageStepSchema = z.object({
  flow: z.literal('language'),
  /** Where to continue once the language is chosen; null on first contact (then: welcome and menu). */
  resume: resumableStepSchema.nullable(),
});

export const stepSchema = z.discriminatedUnion('flow', [
  menuStepSchema,
  languageStepSchema,
  concernStepSchema,
  consultationStepSchema,
  myRequestsStepSchema,
  centresStepSchema,
  safetyStepSchema,
]);

/**
 * A long text that may be the first part of a message the messenger split (Telegram cuts at 4096
 * characters): kept until the next event, so that a second part arriving within seconds is joined
 * to it (see split-text.ts). `before`: the step the first part was an answer to.
 */
export const textPartSchema = z.object({ text: z.string(), at: z.string(), before: stepSchema });

export const conversationStateSchema = z.object({
  v: z.literal(STATE_VERSION),
  /** null until the person has chosen a language: the very first question. */
  locale: z.enum(LOCALES).nullable(),
  step: stepSchema,
  part: textPartSchema.optional(),
});

export type PlaceStage = z.infer<typeof placeStageSchema>;
export type Place = z.infer<typeof placeSchema>;
export type ConcernStep = z.infer<typeof concernStepSchema>;
export type ConcernDraft = ConcernStep['draft'];
export type ConsultationStep = z.infer<typeof consultationStepSchema>;
export type ConsultationDraft = ConsultationStep['draft'];
export type ContactWay = (typeof CONTACT_WAYS)[number];
export type TimeSlot = (typeof TIME_SLOTS)[number];
export type MyRequestsStep = z.infer<typeof myRequestsStepSchema>;
export type CentresStep = z.infer<typeof centresStepSchema>;
export type MenuStep = z.infer<typeof menuStepSchema>;
export type SafetyStep = z.infer<typeof safetyStepSchema>;
export type LanguageStep = z.infer<typeof languageStepSchema>;
export type ResumableStep = z.infer<typeof resumableStepSchema>;
export type Step = z.infer<typeof stepSchema>;
export type TextPart = z.infer<typeof textPartSchema>;
export type ConversationState = z.infer<typeof conversationStateSchema>;

export function initialState(): ConversationState {
  return { v: STATE_VERSION, locale: null, step: { flow: 'menu' } };
}

export function serializeState(state: ConversationState): string {
  return JSON.stringify(state);
}

export interface RestoredState {
  state: ConversationState;
  /** True when a stored state could not be continued and the chat starts over from the menu. */
  reset: boolean;
}

/**
 * Reads a stored state back. Unreadable JSON, an unknown version or a shape this release does not
 * know (e.g. a step that was renamed) resets to the menu, keeping the language when it can be read:
 * a person mid-crisis should never be stuck behind a parse error. Version 1 is the first, so there
 * is nothing to migrate yet; a v2 adds its `migrate1to2` here.
 */
export function restoreState(stored: string | null): RestoredState {
  if (stored === null) return { state: initialState(), reset: false };
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return { state: initialState(), reset: true };
  }
  const parsed = conversationStateSchema.safeParse(raw);
  if (parsed.success) return { state: parsed.data, reset: false };
  return { state: { ...initialState(), locale: salvageLocale(raw) }, reset: true };
}

function salvageLocale(raw: unknown): ConversationState['locale'] {
  const locale = z.object({ locale: z.enum(LOCALES) }).safeParse(raw);
  return locale.success ? locale.data.locale : null;
}
