// Request a consultation: topic -> where -> a few words -> how and when to be contacted -> summary
// -> send. Unlike a concern, the person is the one to be reached, so they choose the way.
// Place, description and summary run in draft-steps.ts; this file keeps what only a consultation asks.
import { CONTACT_WAYS, type ConsultationStep, TIME_SLOTS } from '../conversation/state.js';
import type { FlowContext, FlowEvent, Reply } from '../conversation/types.js';
import { CONSULTATION_TOPICS } from '../model.js';
import { ask, button, choiceArg, type FlowOutcome, isOneOf, say } from './common.js';
import {
  CONSULTATION_FIELDS,
  consultationRequest,
  consultationSummaryReply,
} from './consultation-summary.js';
import {
  answerInWords,
  askAgain,
  nextQuestion,
  type OwnStep,
  type RequestForm,
  showStep,
} from './draft-steps.js';
import { cancelRow } from './menu.js';
import { CONSULTATION_DESCRIPTION, parseUkrainianPhone, TIME_NOTE } from './validate.js';

/** What only a consultation asks, and how its summary and request look; draft-steps.ts runs the rest. */
export const CONSULTATION_FORM: RequestForm<ConsultationStep> = {
  flow: 'consultation',
  questions: CONSULTATION_FIELDS,
  place: { questionKey: 'consultation.askPlace', depth: 'town' },
  description: { questionKey: 'consultation.askDescription', limits: CONSULTATION_DESCRIPTION },
  askOwn: askOwnQuestion,
  handleOwn: answerOwnQuestion,
  summary: consultationSummaryReply,
  request: consultationRequest,
};

function askOwnQuestion(step: OwnStep<ConsultationStep>): Reply[] {
  switch (step.at) {
    case 'topic':
      return [
        ask('consultation.askTopic', [
          ...CONSULTATION_TOPICS.map((c) => [button(`consultation.topic.${c}`, `topic:${c}`)]),
          cancelRow(),
        ]),
      ];
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
  }
}

function answerOwnQuestion(
  step: OwnStep<ConsultationStep>,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  switch (step.at) {
    case 'topic': {
      const topic = event.type === 'choice' ? choiceArg(event.value, 'topic') : null;
      if (!isOneOf(CONSULTATION_TOPICS, topic)) return null;
      return nextQuestion(CONSULTATION_FORM, step, { ...step.draft, topic }, ctx);
    }
    case 'way':
      return onWay(step, event, ctx);
    case 'phone':
      return onPhone(step, event, ctx);
    case 'time':
      return onTime(step, event, ctx);
  }
}

function onWay(step: ConsultationStep, event: FlowEvent, ctx: FlowContext): FlowOutcome | null {
  const way = event.type === 'choice' ? choiceArg(event.value, 'way') : null;
  if (!isOneOf(CONTACT_WAYS, way)) return null;
  const draft = { ...step.draft, way };
  if (way === 'PHONE') return showStep(CONSULTATION_FORM, { ...step, at: 'phone', draft }, ctx);
  return nextQuestion(CONSULTATION_FORM, step, { ...draft, phone: null }, ctx);
}

function onPhone(step: ConsultationStep, event: FlowEvent, ctx: FlowContext): FlowOutcome | null {
  if (event.type === 'choice' && event.value === 'phone:otherWay')
    return showStep(CONSULTATION_FORM, { ...step, at: 'way' }, ctx);
  if (event.type !== 'text') return null;
  const phone = parseUkrainianPhone(event.text);
  if (!phone) return askAgain(CONSULTATION_FORM, step, say('contact.badPhone'), ctx);
  // The phone belongs to the "way" answer: continue as if "way" had just been answered.
  return nextQuestion(CONSULTATION_FORM, { ...step, at: 'way' }, { ...step.draft, phone }, ctx);
}

/** A slot from the buttons, or the person's own words ("after 18:00"). */
function onTime(step: ConsultationStep, event: FlowEvent, ctx: FlowContext): FlowOutcome | null {
  if (event.type === 'choice') {
    const slot = choiceArg(event.value, 'time');
    if (!isOneOf(TIME_SLOTS, slot)) return null;
    return nextQuestion(CONSULTATION_FORM, step, { ...step.draft, time: { slot } }, ctx);
  }
  return answerInWords(CONSULTATION_FORM, step, event, ctx, TIME_NOTE, (note) => ({
    ...step.draft,
    time: { note },
  }));
}
