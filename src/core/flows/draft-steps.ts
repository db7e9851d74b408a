// The part every request to a centre asks the same way, whatever it is about: where, what happened
// in the person's own words, then one look at everything before "Send" (or a correction of one
// answer). A concern and a consultation differ only in their own questions, so each describes
// itself as a RequestForm and this module runs the rest. A new kind of request writes its own
// questions, its summary and its request for the centre; nothing here needs copying.
import type { ConcernStep, ConsultationStep, Step } from '../conversation/state.js';
import {
  type Button,
  type FlowContext,
  type FlowEvent,
  isInbound,
  type Reply,
  type RequestDraft,
} from '../conversation/types.js';
import {
  ask,
  button,
  choiceArg,
  type FlowOutcome,
  isOneOf,
  outcome,
  retry,
  say,
  stillSubmitting,
} from './common.js';
import { cancelRow } from './menu.js';
import { askPlace, handlePlace, PLACE_START, type PlaceOptions } from './place.js';
import { checkLength, type Limits } from './validate.js';

/** A request being put together, question by question, before it is sent. */
export type DraftStep = ConcernStep | ConsultationStep;

/** A new kind of request adds its step here, its schema in state.ts and its form in steps.ts. */
export function isDraftStep(step: Step): step is DraftStep {
  return step.flow === 'concern' || step.flow === 'consultation';
}

/** Steps this module runs; every other step of a draft is one of the flow's own questions. */
type SharedStage = 'place' | 'description' | 'summary' | 'editField' | 'submitting';
export type OwnStep<S extends DraftStep> = S & { at: Exclude<S['at'], SharedStage> };

/** The request for the centre, or the first answer still missing (or a place no centre serves). */
export type RequestCheck<Field> = { ok: true; request: RequestDraft } | { ok: false; missing: Field };

export interface RequestForm<S extends DraftStep> {
  flow: S['flow'];
  /**
   * The questions in the order they are asked; after the last comes the summary. The summary's
   * "Edit" offers the same list, in the same order, with labels `<flow>.field.<question>`.
   */
  questions: readonly [S['at'], ...S['at'][]];
  place: PlaceOptions;
  description: { questionKey: string; limits: Limits };
  askOwn(step: OwnStep<S>, ctx: FlowContext): Reply[];
  /** The answer to one of the flow's own questions, or null when the event answers none. */
  handleOwn(step: OwnStep<S>, event: FlowEvent, ctx: FlowContext): FlowOutcome | null;
  summary(draft: S['draft'], ctx: FlowContext): Reply;
  request(draft: S['draft'], ctx: FlowContext): RequestCheck<S['at']>;
  /** Said after "not sent", before the summary again (a child in danger: the numbers once more). */
  afterFailure?(draft: S['draft']): Reply[];
}

/** Under the summary: send, correct one answer, or give up. onSummary reads these values. */
export function summaryButtons(): Button[][] {
  return [
    [button('summary.send', 'summary:send')],
    [button('summary.edit', 'summary:edit'), button('common.cancel', 'flow:cancel')],
  ];
}

/** A new request: nothing answered yet, the first question. */
export function startDraft<S extends DraftStep>(form: RequestForm<S>, ctx: FlowContext): FlowOutcome {
  return showStep(form, freshStep(form, form.questions[0], false, {}), ctx);
}

/** The current question of a request, to ask (again) as it stands. */
export function askDraftStep<S extends DraftStep>(form: RequestForm<S>, step: S, ctx: FlowContext): Reply[] {
  switch (step.at) {
    case 'place':
      return askPlace(step.where ?? PLACE_START, ctx, form.place);
    case 'description':
      return [ask(form.description.questionKey, [cancelRow()], { max: form.description.limits.max })];
    case 'summary':
      return [form.summary(step.draft, ctx)];
    case 'editField':
      return [whatToEdit(form)];
    case 'submitting':
      if (stillSubmitting(step.since, ctx.now)) return [say('summary.stillSending')];
      return [say('summary.interrupted'), form.summary(step.draft, ctx)];
    default:
      return form.askOwn(step as OwnStep<S>, ctx);
  }
}

/** The answer to the current question, or null when the event answers none (see handleStep). */
export function handleDraftStep<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  switch (step.at) {
    case 'place':
      return onPlace(form, step, event, ctx);
    case 'description':
      return answerInWords(form, step, event, ctx, form.description.limits, (description) => ({
        ...step.draft,
        description,
      }));
    case 'summary':
      return onSummary(form, step, event, ctx);
    case 'editField':
      return onEditField(form, step, event, ctx);
    case 'submitting':
      return whileSubmitting(form, step, event, ctx);
    default:
      return form.handleOwn(step as OwnStep<S>, event, ctx);
  }
}

/**
 * Moves to a step and asks its question, after whatever had to be said first. A place question
 * not yet under way starts at the top of the list.
 */
export function showStep<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  ctx: FlowContext,
  said: Reply[] = [],
): FlowOutcome {
  const next = step.at === 'place' && !step.where ? { ...step, where: PLACE_START } : step;
  return outcome(next, [...said, ...askDraftStep(form, next, ctx)]);
}

/** The next question; back to the summary when the person was correcting a single answer. */
export function nextQuestion<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  draft: S['draft'],
  ctx: FlowContext,
  said: Reply[] = [],
): FlowOutcome {
  const index = form.questions.indexOf(step.at);
  const at = step.editing ? 'summary' : (form.questions[index + 1] ?? 'summary');
  return showStep(form, freshStep(form, at, false, draft), ctx, said);
}

/** The same question again, its text replaced by what to fix (see retry). */
export function askAgain<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  problem: Reply | undefined,
  ctx: FlowContext,
): FlowOutcome {
  return outcome(step, retry(problem, askDraftStep(form, step, ctx)));
}

/** A typed answer within `limits` is kept by `keep` and the next question follows; else asked again. */
export function answerInWords<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  event: FlowEvent,
  ctx: FlowContext,
  limits: Limits,
  keep: (text: string) => S['draft'],
): FlowOutcome | null {
  if (event.type !== 'text') return null;
  const checked = checkLength(event.text, limits);
  if (!checked.ok) return askAgain(form, step, checked.error, ctx);
  return nextQuestion(form, step, keep(checked.value), ctx);
}

/**
 * A step at a question with only the answers so far: the place being chosen and the time of "Send"
 * belong to the step that is left. The cast is safe because `at` comes from this form's questions
 * or its shared steps, and every answer of a draft is optional until the summary checks it;
 * TypeScript cannot follow that through the generic.
 */
function freshStep<S extends DraftStep>(
  form: RequestForm<S>,
  at: S['at'] | 'summary',
  editing: boolean,
  draft: Partial<S['draft']>,
): S {
  return { flow: form.flow, at, editing, draft } as S;
}

function whatToEdit<S extends DraftStep>(form: RequestForm<S>): Reply {
  return ask('summary.whatToEdit', [
    ...form.questions.map((f) => [button(`${form.flow}.field.${f}`, `edit:${f}`)]),
    [button('common.back', 'edit:back')],
  ]);
}

function onPlace<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  const result = handlePlace(step.where ?? PLACE_START, event, ctx, form.place);
  if (!result) return null;
  if (result.kind === 'stay') return showStep(form, { ...step, where: result.where }, ctx, result.replies);
  return nextQuestion(form, step, { ...step.draft, place: result.place }, ctx, result.replies);
}

function onSummary<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  if (event.type !== 'choice') return null;
  if (event.value === 'summary:send') return submit(form, step, ctx);
  if (event.value === 'summary:edit') return showStep(form, { ...step, at: 'editField' }, ctx);
  return null;
}

function onEditField<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  if (event.type !== 'choice') return null;
  if (event.value === 'edit:back') return showStep(form, { ...step, at: 'summary' }, ctx);
  const field = choiceArg(event.value, 'edit');
  if (!isOneOf(form.questions, field)) return null;
  return showStep(form, freshStep(form, field, true, step.draft), ctx);
}

function submit<S extends DraftStep>(form: RequestForm<S>, step: S, ctx: FlowContext): FlowOutcome {
  const result = form.request(step.draft, ctx);
  if (result.ok) {
    const sending = { ...step, at: 'submitting' as const, since: ctx.now.toISOString() };
    return outcome(sending, [], [{ type: 'submitRequest', draft: result.request }]);
  }
  // Only a place no centre serves (e.g. after the directory changed) or a damaged old state gets here.
  const said = result.missing === 'place' && step.draft.place ? [say('place.noCentreForDraft')] : [];
  const editing = Boolean(step.draft.place);
  return showStep(form, freshStep(form, result.missing, editing, step.draft), ctx, said);
}

function whileSubmitting<S extends DraftStep>(
  form: RequestForm<S>,
  step: S,
  event: FlowEvent,
  ctx: FlowContext,
): FlowOutcome | null {
  if (event.type === 'submitFailed') {
    // Nothing is lost: the draft stays and "Send" works again.
    const failed = [say('summary.failed'), ...(form.afterFailure?.(step.draft) ?? [])];
    return showStep(form, { ...step, at: 'summary' }, ctx, failed);
  }
  if (!isInbound(event)) return null;
  // A second tap on "Send" while the first is on its way must not send the request twice.
  if (stillSubmitting(step.since, ctx.now)) return outcome(step, [say('summary.stillSending')]);
  if (event.type === 'choice' && event.value === 'summary:send') return submit(form, step, ctx);
  // Long after "Send" and still no answer: the process stopped before it came. Let them send again.
  return outcome({ ...step, at: 'summary', since: undefined }, askDraftStep(form, step, ctx));
}
