// Request a consultation: topic -> where -> a few words -> how and when to be contacted -> summary
// -> send. Unlike a concern, the person is the one to be reached, so they choose the way.
import {
  CONTACT_WAYS,
  type ConsultationDraft,
  type ConsultationStep,
  TIME_SLOTS,
} from '../conversation/state.js';
import { type FlowContext, type FlowEvent, isInbound, type Reply } from '../conversation/types.js';
import { CONSULTATION_TOPICS } from '../model.js';
import { ok, type Result } from '../result.js';
import {
  ask,
  button,
  choiceArg,
  isOneOf,
  type Outcome,
  outcome,
  retry,
  say,
  stillSubmitting,
} from './common.js';
import {
  CONSULTATION_FIELDS,
  consultationEditReply,
  consultationRequest,
  consultationSummaryReply,
} from './consultation-summary.js';
import { cancelRow } from './menu.js';
import { askPlace, handlePlace, PLACE_START, type PlaceOptions } from './place.js';
import { CONSULTATION_DESCRIPTION, checkLength, parseUkrainianPhone, TIME_NOTE } from './validate.js';

const PLACE: PlaceOptions = { questionKey: 'consultation.askPlace', depth: 'town' };
const ORDER = ['topic', 'place', 'description', 'way', 'time', 'summary'] as const;

export function startConsultation(ctx: FlowContext): Outcome {
  return show({ flow: 'consultation', at: 'topic', editing: false, draft: {} }, ctx);
}

export function askConsultation(step: ConsultationStep, ctx: FlowContext): Reply[] {
  switch (step.at) {
    case 'topic':
      return [
        ask('consultation.askTopic', [
          ...CONSULTATION_TOPICS.map((c) => [button(`consultation.topic.${c}`, `topic:${c}`)]),
          cancelRow(),
        ]),
      ];
    case 'place':
      return askPlace(step.where ?? PLACE_START, ctx, PLACE);
    case 'description':
      return [ask('consultation.askDescription', [cancelRow()], { max: CONSULTATION_DESCRIPTION.max })];
    case 'way':
      return [
        ask('consultation.askWay', [
          ...CONTACT_WAYS.map((w) => [button(`consultation.way.${w}`, `way:${w}`)]),
          cancelRow(),
        ]),
      ];
    case 'phone':
      return [
        ask('consultation.askPhone', [[button('consultation.otherWay', 'phone:otherWay')], cancelRow()]),
      ];
    case 'time':
      return [
        ask('consultation.askTime', [
          ...TIME_SLOTS.map((s) => [button(`consultation.time.${s}`, `time:${s}`)]),
          cancelRow(),
        ]),
      ];
    case 'summary':
      return [consultationSummaryReply(step.draft, ctx)];
    case 'editField':
      return [consultationEditReply()];
    case 'submitting':
      if (stillSubmitting(step.since, ctx.now)) return [say('summary.stillSending')];
      return [say('summary.interrupted'), consultationSummaryReply(step.draft, ctx)];
  }
}

export function handleConsultation(
  step: ConsultationStep,
  event: FlowEvent,
  ctx: FlowContext,
): Outcome | null {
  switch (step.at) {
    case 'topic': {
      const topic = event.type === 'choice' ? choiceArg(event.value, 'topic') : null;
      return isOneOf(CONSULTATION_TOPICS, topic) ? advance(step, { ...step.draft, topic }, ctx) : null;
    }
    case 'place': {
      const result = handlePlace(step.where ?? PLACE_START, event, ctx, PLACE);
      if (!result) return null;
      if (result.kind === 'stay') return show({ ...step, where: result.where }, ctx, result.replies);
      const { where: _chosen, ...rest } = step;
      return advance(rest, { ...step.draft, place: result.place }, ctx, result.replies);
    }
    case 'description':
      return onText(step, event, ctx, (text) => {
        const checked = checkLength(text, CONSULTATION_DESCRIPTION);
        return checked.ok ? ok({ ...step.draft, description: checked.value }) : checked;
      });
    case 'way':
      return onWay(step, event, ctx);
    case 'phone':
      return onPhone(step, event, ctx);
    case 'time':
      return onTime(step, event, ctx);
    case 'summary':
      if (event.type !== 'choice') return null;
      if (event.value === 'summary:send') return submit(step, ctx);
      return event.value === 'summary:edit' ? show({ ...step, at: 'editField' }, ctx) : null;
    case 'editField':
      return onEditField(step, event, ctx);
    case 'submitting':
      return whileSubmitting(step, event, ctx);
  }
}

function advance(
  step: ConsultationStep,
  draft: ConsultationDraft,
  ctx: FlowContext,
  said: Reply[] = [],
): Outcome {
  const index = ORDER.indexOf(step.at as (typeof ORDER)[number]);
  const at = step.editing ? 'summary' : (ORDER[index + 1] ?? 'summary');
  return show({ flow: 'consultation', at, editing: false, draft }, ctx, said);
}

function show(step: ConsultationStep, ctx: FlowContext, said: Reply[] = []): Outcome {
  const next = step.at === 'place' && !step.where ? { ...step, where: PLACE_START } : step;
  return outcome(next, [...said, ...askConsultation(next, ctx)]);
}

/** A free-text answer: `read` gives the updated draft, or the reply that explains what to fix. */
function onText(
  step: ConsultationStep,
  event: FlowEvent,
  ctx: FlowContext,
  read: (text: string) => Result<ConsultationDraft, Reply>,
): Outcome | null {
  if (event.type !== 'text') return null;
  const result = read(event.text);
  if (!result.ok) return outcome(step, retry(result.error, askConsultation(step, ctx)));
  return advance(step, result.value, ctx);
}

function onWay(step: ConsultationStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  const way = event.type === 'choice' ? choiceArg(event.value, 'way') : null;
  if (!isOneOf(CONTACT_WAYS, way)) return null;
  if (way === 'PHONE') return show({ ...step, at: 'phone', draft: { ...step.draft, way } }, ctx);
  return advance(step, { ...step.draft, way, phone: null }, ctx);
}

function onPhone(step: ConsultationStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  if (event.type === 'choice' && event.value === 'phone:otherWay') return show({ ...step, at: 'way' }, ctx);
  if (event.type !== 'text') return null;
  const phone = parseUkrainianPhone(event.text);
  if (!phone) return outcome(step, retry(say('contact.badPhone'), askConsultation(step, ctx)));
  // The phone belongs to the "way" answer: continue as if "way" had just been answered.
  return advance({ ...step, at: 'way' }, { ...step.draft, phone }, ctx);
}

function onTime(step: ConsultationStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  if (event.type === 'choice') {
    const slot = choiceArg(event.value, 'time');
    return isOneOf(TIME_SLOTS, slot) ? advance(step, { ...step.draft, time: { slot } }, ctx) : null;
  }
  return onText(step, event, ctx, (text) => {
    const checked = checkLength(text, TIME_NOTE);
    return checked.ok ? ok({ ...step.draft, time: { note: checked.value } }) : checked;
  });
}

function onEditField(step: ConsultationStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  if (event.type !== 'choice') return null;
  if (event.value === 'edit:back') return show({ ...step, at: 'summary' }, ctx);
  const field = choiceArg(event.value, 'edit');
  if (!isOneOf(CONSULTATION_FIELDS, field)) return null;
  return show({ flow: 'consultation', at: field, editing: true, draft: step.draft }, ctx);
}

function submit(step: ConsultationStep, ctx: FlowContext): Outcome {
  const result = consultationRequest(step.draft, ctx);
  if (result.ok) {
    const sending = { ...step, at: 'submitting' as const, since: ctx.now.toISOString() };
    return outcome(sending, [], [{ type: 'submitRequest', draft: result.request }]);
  }
  const said = result.missing === 'place' && step.draft.place ? [say('place.noCentreForDraft')] : [];
  const editing = Boolean(step.draft.place);
  return show({ flow: 'consultation', at: result.missing, editing, draft: step.draft }, ctx, said);
}

function whileSubmitting(step: ConsultationStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  if (event.type === 'submitFailed') return show({ ...step, at: 'summary' }, ctx, [say('summary.failed')]);
  if (!isInbound(event)) return null;
  if (stillSubmitting(step.since, ctx.now)) return outcome(step, [say('summary.stillSending')]);
  if (event.type === 'choice' && event.value === 'summary:send') return submit(step, ctx);
  return outcome({ ...step, at: 'summary', since: undefined }, askConsultation(step, ctx));
}
