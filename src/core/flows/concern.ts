// Report a concern about a child: category -> immediate danger? -> where -> what happened ->
// optional contact -> summary -> send. Anonymous unless the person offers a phone number.
import type { ConcernDraft, ConcernStep } from '../conversation/state.js';
import { type FlowContext, type FlowEvent, isInbound, type Reply } from '../conversation/types.js';
import { CONCERN_CATEGORIES } from '../model.js';
import {
  ask,
  button,
  choiceArg,
  isOneOf,
  type Outcome,
  outcome,
  parseYesNo,
  retry,
  say,
  stillSubmitting,
} from './common.js';
import {
  CONCERN_FIELDS,
  type ConcernField,
  concernRequest,
  concernSummaryReply,
  editFieldReply,
} from './concern-summary.js';
import { askContact, handleContact } from './contact.js';
import { cancelRow, emergencyReply } from './menu.js';
import { askPlace, handlePlace, PLACE_START, type PlaceOptions } from './place.js';
import { CONCERN_DESCRIPTION, checkLength } from './validate.js';

const PLACE: PlaceOptions = { questionKey: 'concern.askPlace', depth: 'town' };
const ORDER = ['category', 'danger', 'place', 'description', 'contact', 'summary'] as const;

export function startConcern(ctx: FlowContext): Outcome {
  const step: ConcernStep = { flow: 'concern', at: 'category', editing: false, draft: {} };
  return outcome(step, askConcern(step, ctx));
}

export function askConcern(step: ConcernStep, ctx: FlowContext): Reply[] {
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
    case 'place':
      return askPlace(step.where ?? PLACE_START, ctx, PLACE);
    case 'description':
      return [ask('concern.askDescription', [cancelRow()], { max: CONCERN_DESCRIPTION.max })];
    case 'contact':
    case 'phone':
      return askContact(step.at, 'concern.askContact');
    case 'summary':
      return [concernSummaryReply(step.draft, ctx)];
    case 'editField':
      return [editFieldReply()];
    case 'submitting':
      if (stillSubmitting(step.since, ctx.now)) return [say('summary.stillSending')];
      return [say('summary.interrupted'), concernSummaryReply(step.draft, ctx)];
  }
}

export function handleConcern(step: ConcernStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  switch (step.at) {
    case 'category': {
      const category = event.type === 'choice' ? choiceArg(event.value, 'cat') : null;
      if (!isOneOf(CONCERN_CATEGORIES, category)) return null;
      return advance(step, { ...step.draft, category }, ctx);
    }
    case 'danger':
      return onDanger(step, event, ctx);
    case 'place':
      return onPlace(step, event, ctx);
    case 'description': {
      if (event.type !== 'text') return null;
      const checked = checkLength(event.text, CONCERN_DESCRIPTION);
      if (!checked.ok) return outcome(step, retry(checked.error, askConcern(step, ctx)));
      return advance(step, { ...step.draft, description: checked.value }, ctx);
    }
    case 'contact':
    case 'phone': {
      const result = handleContact(step.at, event);
      if (!result) return null;
      if (result.kind === 'done')
        return advance({ ...step, at: 'contact' }, { ...step.draft, phone: result.phone }, ctx);
      const next: ConcernStep = { ...step, at: result.at };
      return outcome(next, retry(result.problem, askConcern(next, ctx)));
    }
    case 'summary':
      return onSummary(step, event, ctx);
    case 'editField':
      return onEditField(step, event, ctx);
    case 'submitting':
      return whileSubmitting(step, event, ctx);
  }
}

/** The next question; back to the summary when the person was correcting a single answer. */
function advance(step: ConcernStep, draft: ConcernDraft, ctx: FlowContext, said: Reply[] = []): Outcome {
  const index = ORDER.indexOf(step.at as (typeof ORDER)[number]);
  const at = step.editing ? 'summary' : (ORDER[index + 1] ?? 'summary');
  return show({ flow: 'concern', at, editing: false, draft }, ctx, said);
}

function show(step: ConcernStep, ctx: FlowContext, said: Reply[] = []): Outcome {
  const next = step.at === 'place' && !step.where ? { ...step, where: PLACE_START } : step;
  return outcome(next, [...said, ...askConcern(next, ctx)]);
}

function dangerAnswer(event: FlowEvent): boolean | null {
  if (event.type === 'text') return parseYesNo(event.text);
  if (event.type !== 'choice') return null;
  if (event.value === 'danger:yes') return true;
  return event.value === 'danger:no' ? false : null;
}

function onDanger(step: ConcernStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  const answer = dangerAnswer(event);
  if (answer === null) return null;
  // The numbers go out first, before any further question: someone may need to call right now.
  return advance(step, { ...step.draft, urgent: answer }, ctx, answer ? [say('concern.dangerNow')] : []);
}

function onPlace(step: ConcernStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  const result = handlePlace(step.where ?? PLACE_START, event, ctx, PLACE);
  if (!result) return null;
  if (result.kind === 'stay') return show({ ...step, where: result.where }, ctx, result.replies);
  const { where: _chosen, ...rest } = step;
  return advance(rest, { ...step.draft, place: result.place }, ctx, result.replies);
}

function onSummary(step: ConcernStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  if (event.type !== 'choice') return null;
  if (event.value === 'summary:send') return submit(step, ctx);
  if (event.value === 'summary:edit') return show({ ...step, at: 'editField' }, ctx);
  return null;
}

function onEditField(step: ConcernStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  if (event.type !== 'choice') return null;
  if (event.value === 'edit:back') return show({ ...step, at: 'summary' }, ctx);
  const field = choiceArg(event.value, 'edit');
  if (!isOneOf(CONCERN_FIELDS, field)) return null;
  return show(fieldStep(step, field, true), ctx);
}

function fieldStep(step: ConcernStep, field: ConcernField, editing: boolean): ConcernStep {
  const at = field === 'contact' ? 'contact' : field;
  return { flow: 'concern', at, editing, draft: step.draft };
}

function submit(step: ConcernStep, ctx: FlowContext): Outcome {
  const result = concernRequest(step.draft, ctx);
  if (result.ok) {
    const sending = { ...step, at: 'submitting' as const, since: ctx.now.toISOString() };
    return outcome(sending, [], [{ type: 'submitRequest', draft: result.request }]);
  }
  // Only a place no centre serves (e.g. after the directory changed) or a damaged old state gets here.
  const said = result.missing === 'place' && step.draft.place ? [say('place.noCentreForDraft')] : [];
  return show(fieldStep(step, result.missing, Boolean(step.draft.place)), ctx, said);
}

function whileSubmitting(step: ConcernStep, event: FlowEvent, ctx: FlowContext): Outcome | null {
  if (event.type === 'submitFailed') {
    // Nothing is lost: the draft stays and "Send" works again. In danger? The numbers once more.
    const urgent = step.draft.urgent ? [emergencyReply()] : [];
    return show({ ...step, at: 'summary' }, ctx, [say('summary.failed'), ...urgent]);
  }
  if (!isInbound(event)) return null;
  // A second tap on "Send" while the first is on its way must not send the request twice.
  if (stillSubmitting(step.since, ctx.now)) return outcome(step, [say('summary.stillSending')]);
  if (event.type === 'choice' && event.value === 'summary:send') return submit(step, ctx);
  // Long after "Send" and still no answer: the process stopped before it came. Let them send again.
  return outcome({ ...step, at: 'summary', since: undefined }, askConcern(step, ctx));
}
