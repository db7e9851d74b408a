// The end of a consultation request: one look at everything, then send, correct or cancel.
import type { ConsultationDraft } from '../conversation/state.js';
import type { FlowContext, Reply, RequestDraft, TextParam } from '../conversation/types.js';
import { ask, t, truncate } from './common.js';
import { summaryButtons } from './draft-steps.js';
import { describePlace } from './place.js';
import { centreForPlace } from './place-directory.js';

/** The questions in the order they are asked; the summary's "Edit" offers them in this order. */
export const CONSULTATION_FIELDS = ['topic', 'place', 'description', 'way', 'time'] as const;
export type ConsultationField = (typeof CONSULTATION_FIELDS)[number];

export function missingConsultationField(d: ConsultationDraft): ConsultationField | null {
  if (!d.topic) return 'topic';
  if (!d.place) return 'place';
  if (!d.description) return 'description';
  if (!d.way || (d.way === 'PHONE' && !d.phone)) return 'way';
  return d.time ? null : 'time';
}

function wayText(d: ConsultationDraft): TextParam {
  if (!d.way) return '—';
  const way = t(`consultation.way.${d.way}`);
  return d.way === 'PHONE' && d.phone ? t('consultation.wayWithPhone', { way, phone: d.phone }) : way;
}

function timeText(d: ConsultationDraft): TextParam {
  if (!d.time) return '—';
  return 'slot' in d.time ? t(`consultation.time.${d.time.slot}`) : d.time.note;
}

export function consultationSummaryReply(d: ConsultationDraft, ctx: FlowContext): Reply {
  return ask('consultation.summary', summaryButtons(), {
    topic: d.topic ? t(`consultation.topic.${d.topic}`) : '—',
    place: d.place ? describePlace(d.place, ctx) : '—',
    description: truncate(d.description ?? '—', 600),
    way: wayText(d),
    time: timeText(d),
  });
}

/**
 * How the person wants to be reached, as staff read it: the way as a code, then the slot code or
 * the person's own words (e.g. "PHONE; MORNING", "CHAT; after 18:00").
 */
export function contactPreference(d: ConsultationDraft): string | null {
  if (!d.way || !d.time) return null;
  return `${d.way}; ${'slot' in d.time ? d.time.slot : d.time.note}`;
}

export function consultationRequest(
  d: ConsultationDraft,
  ctx: FlowContext,
): { ok: true; request: RequestDraft } | { ok: false; missing: ConsultationField } {
  const missing = missingConsultationField(d);
  if (missing || !d.topic || !d.place || !d.description) return { ok: false, missing: missing ?? 'topic' };
  const centre = centreForPlace(ctx.directory, d.place);
  if (!centre) return { ok: false, missing: 'place' };
  return {
    ok: true,
    request: {
      kind: 'CONSULTATION',
      category: d.topic,
      urgency: 'NORMAL',
      centreId: centre.id,
      language: ctx.locale,
      unitId: d.place.unitId,
      approxLocation: d.place.point,
      description: d.description,
      contactPhone: d.way === 'PHONE' ? (d.phone ?? null) : null,
      contactPreference: contactPreference(d),
    },
  };
}
