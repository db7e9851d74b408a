// The end of a concern report: the person sees everything once more, then sends, corrects one
// answer, or cancels. Nothing leaves the chat before "Send".
import type { ConcernDraft, Place } from '../conversation/state.js';
import type { FlowContext, Reply, RequestDraft } from '../conversation/types.js';
import type { ConcernCategory } from '../model.js';
import { ask, t, truncate } from './common.js';
import { summaryButtons } from './draft-steps.js';
import { describePlace } from './place.js';
import { centreForPlace } from './place-directory.js';

/** The questions in the order they are asked; the summary's "Edit" offers them in this order. */
export const CONCERN_FIELDS = ['category', 'danger', 'place', 'description', 'contact'] as const;
export type ConcernField = (typeof CONCERN_FIELDS)[number];

/** The first question still unanswered (a draft restored from an old state may lack one), or null. */
export function missingField(d: ConcernDraft): ConcernField | null {
  if (!d.category) return 'category';
  if (d.urgent === undefined) return 'danger';
  if (!d.place) return 'place';
  if (!d.description) return 'description';
  return d.phone === undefined ? 'contact' : null;
}

export function concernSummaryReply(d: ConcernDraft, ctx: FlowContext): Reply {
  const dash = '—';
  return ask('concern.summary', summaryButtons(), {
    category: d.category ? t(`concern.category.${d.category}`) : dash,
    danger: t(d.urgent ? 'concern.dangerYes' : 'concern.dangerNo'),
    place: d.place ? describePlace(d.place, ctx) : dash,
    // The full text goes to the centre; the summary shows enough to recognise it.
    description: truncate(d.description ?? dash, 600),
    contact: d.phone ? t('contact.phoneIs', { phone: d.phone }) : t('contact.anonymousChosen'),
  });
}

/** The request to submit, or why it cannot be: a missing answer, or no centre serves the place. */
export function concernRequest(
  d: ConcernDraft,
  ctx: FlowContext,
): { ok: true; request: RequestDraft } | { ok: false; missing: ConcernField } {
  const missing = missingField(d);
  if (missing || !d.category || !d.place || !d.description)
    return { ok: false, missing: missing ?? 'category' };
  const centre = centreForPlace(ctx.directory, d.place);
  if (!centre) return { ok: false, missing: 'place' };
  const category: ConcernCategory = d.category;
  const place: Place = d.place;
  return {
    ok: true,
    request: {
      kind: 'CONCERN',
      category,
      urgency: d.urgent ? 'URGENT' : 'NORMAL',
      centreId: centre.id,
      language: ctx.locale,
      unitId: place.unitId,
      approxLocation: place.point,
      description: d.description,
      contactPhone: d.phone ?? null,
      contactPreference: null,
    },
  };
}
