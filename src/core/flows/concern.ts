// Report a concern about a child: category -> immediate danger? -> where -> what happened ->
// optional contact -> summary -> send. Anonymous unless the person offers a phone number.
// Place, description and summary run in draft-steps.ts; this file keeps what only a concern asks.
import type { ConcernStep } from '../conversation/state.js';
import type { FlowContext, FlowEvent, Reply } from '../conversation/types.js';
import { CONCERN_CATEGORIES } from '../model.js';
import { ask, button, choiceArg, type FlowOutcome, isOneOf, parseYesNo, say } from './common.js';
import { CONCERN_FIELDS, concernRequest, concernSummaryReply } from './concern-summary.js';
import { askContact, type ContactStage, handleContact } from './contact.js';
import { askAgain, nextQuestion, type OwnStep, type RequestForm } from './draft-steps.js';
import { cancelRow, emergencyReply } from './menu.js';
import { CONCERN_DESCRIPTION } from './validate.js';

/** What only a concern asks, and how its summary and request look; draft-steps.ts runs the rest. */
export const CONCERN_FORM: RequestForm<ConcernStep> = {
  flow: 'concern',
  questions: CONCERN_FIELDS,
  place: { questionKey: 'concern.askPlace', depth: 'town' },
  description: { questionKey: 'concern.askDescription', limits: CONCERN_DESCRIPTION },
  askOwn: askOwnQuestion,
  handleOwn: answerOwnQuestion,
  summary: concernSummaryReply,
  request: concernRequest,
  // Sending failed and the child may be in danger: the numbers once more.
  afterFailure: (draft) => (draft.urgent ? [emergencyReply()] : []),
};

function askOwnQuestion(step: OwnStep<ConcernStep>): Reply[] {
  switch (step.at) {
    case 'category':
      return [
        ask('concern.askCategory', [
          ...CONCERN_CATEGORIES.map((c) => [button(`concern.category.${c}`, `cat:${c}`)]),
          cancelRow(),
        ]),
      ];
    case 'danger':
      return [
        ask('concern.askDanger', [
          [button('common.yes', 'danger:yes'), button('common.no', 'danger:no')],
          cancelRow(),
        ]),
      ];
    case 'contact':
    case 'phone':
      return askContact(step.at, 'concern.askContact');
  }
}

function answerOwnQuestion(
  step: OwnStep<ConcernStep>,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  switch (step.at) {
    case 'category': {
      const category = event.type === 'choice' ? choiceArg(event.value, 'cat') : null;
      if (!isOneOf(CONCERN_CATEGORIES, category)) return null;
      return nextQuestion(CONCERN_FORM, step, { ...step.draft, category }, ctx);
    }
    case 'danger':
      return onDanger(step, event, ctx);
    case 'contact':
    case 'phone':
      return onContact(step, step.at, event, ctx);
  }
}

function dangerAnswer(event: FlowEvent): boolean | null {
  if (event.type === 'text') return parseYesNo(event.text);
  if (event.type !== 'choice') return null;
  if (event.value === 'danger:yes') return true;
  return event.value === 'danger:no' ? false : null;
}

function onDanger(step: ConcernStep, event: FlowEvent, ctx: FlowContext): FlowOutcome | null {
  const answer = dangerAnswer(event);
  if (answer === null) return null;
  // The numbers go out first, before any further question: someone may need to call right now.
  const said = answer ? [{ ...say('concern.dangerNow'), emergency: true }] : [];
  return nextQuestion(CONCERN_FORM, step, { ...step.draft, urgent: answer }, ctx, said);
}

function onContact(
  step: ConcernStep,
  at: ContactStage,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  const result = handleContact(at, event);
  if (!result) return null;
  // The phone belongs to the "contact" answer: continue as if "contact" had just been answered.
  if (result.kind === 'done')
    return nextQuestion(
      CONCERN_FORM,
      { ...step, at: 'contact' },
      { ...step.draft, phone: result.phone },
      ctx,
    );
  return askAgain(CONCERN_FORM, { ...step, at: result.at }, result.problem, ctx);
}
