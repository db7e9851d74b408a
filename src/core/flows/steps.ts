// One place that knows every flow: what to ask at a step, and who handles an event at it.
import type { ResumableStep, Step } from '../conversation/state.js';
import type { FlowContext, FlowEvent, Reply } from '../conversation/types.js';
import { askCentres, handleCentres, startCentres } from './centres.js';
import { charCount, type FlowOutcome, outcome, retry, say, stillSubmitting } from './common.js';
import { CONCERN_FORM } from './concern.js';
import { CONSULTATION_FORM } from './consultation.js';
import { askDraftStep, handleDraftStep, isDraftStep, startDraft } from './draft-steps.js';
import { askLanguage, handleLanguage, languageQuestion } from './language.js';
import { helpReply, menuReply } from './menu.js';
import { askMyRequests, handleMyRequests, startMyRequests } from './my-requests.js';
import { askSafety, handleSafety } from './safety.js';
import { ADDED_INFORMATION, checkLength } from './validate.js';

/** The current question, to ask again after an interruption (help, a wrong answer, a restart). */
export function askStep(step: Step, ctx: FlowContext): Reply[] {
  switch (step.flow) {
    case 'menu':
      return [menuReply()];
    case 'language':
      return [languageQuestion(step.resume === null)];
    case 'concern':
      return askDraftStep(CONCERN_FORM, step, ctx);
    case 'consultation':
      return askDraftStep(CONSULTATION_FORM, step, ctx);
    case 'myRequests':
      return askMyRequests(step);
    case 'centres':
      return askCentres(step, ctx);
    case 'safety':
      return askSafety(step);
  }
}

/** The step's own answer to an event, or null when the event is no answer to its question. */
export function handleStep(step: Step, event: FlowEvent, ctx: FlowContext): FlowOutcome | null {
  switch (step.flow) {
    case 'menu':
      return handleMenu(event, ctx);
    case 'language':
      return handleLanguage(step, event, (resume, locale) => askStep(resume, { ...ctx, locale }));
    case 'concern':
      return handleDraftStep(CONCERN_FORM, step, event, ctx);
    case 'consultation':
      return handleDraftStep(CONSULTATION_FORM, step, event, ctx);
    case 'myRequests':
      return handleMyRequests(step, event, ctx);
    case 'centres':
      return handleCentres(step, event, ctx);
    case 'safety':
      return handleSafety(step, event);
  }
}

function handleMenu(event: FlowEvent, ctx: FlowContext): FlowOutcome | null {
  if (event.type === 'text') return typedAtMenu(event.text);
  if (event.type === 'specialistTold')
    return outcome(
      { flow: 'menu' },
      retry(say('myRequests.toSpecialist', { code: event.caseCode }), [menuReply()]),
    );
  if (event.type === 'specialistNotTold') {
    // Nobody holds a case of theirs: shown where their story goes, not scolded (as before any case).
    const first = event.reason === 'NO_CASE' ? 'menu.typedText' : 'errors.temporary';
    return outcome({ flow: 'menu' }, [say(first), menuReply()]);
  }
  if (event.type !== 'choice') return null;
  switch (event.value) {
    case 'menu:concern':
      return startDraft(CONCERN_FORM, ctx);
    case 'menu:consultation':
      return startDraft(CONSULTATION_FORM, ctx);
    case 'menu:my':
      return startMyRequests();
    case 'menu:centres':
      return startCentres(ctx);
    case 'menu:help':
      return outcome({ flow: 'menu' }, [helpReply(), menuReply()]);
    case 'menu:language':
      return askLanguage({ flow: 'menu' });
    default:
      return null;
  }
}

/**
 * Words typed at the menu. Once a specialist has taken one of the person's cases, the chat is a
 * conversation with that specialist: the words go to them as they are, with no "my requests → add"
 * detour. Whether anyone holds a case is storage's to know, so the flow asks through an effect and
 * decides what to say from its outcome; the flow itself stays pure and knows no channel. (The inbox
 * could have intercepted the text before the engine, but only the engine knows that the person is
 * idle at the menu and not answering a question mid-flow.)
 */
function typedAtMenu(text: string): FlowOutcome {
  const checked = checkLength(text, ADDED_INFORMATION);
  if (checked.ok) return outcome({ flow: 'menu' }, [], [{ type: 'tellSpecialist', text: checked.value }]);
  // Too long for one message to a specialist: say so whether or not anyone holds a case.
  if (charCount(text.trim()) > 0) return outcome({ flow: 'menu' }, retry(checked.error, [menuReply()]));
  return outcome({ flow: 'menu' }, [say('menu.typedText'), menuReply()]);
}

/** "Send" was pressed a moment ago and storage has not answered yet: nothing may be cancelled now. */
export function isSending(step: Step, now: Date): boolean {
  if (!isDraftStep(step)) return false;
  return step.at === 'submitting' && stillSubmitting(step.since, now);
}

/** A person's unsent answers would be lost by leaving this step. */
export function hasDraft(step: Step): boolean {
  if (!isDraftStep(step)) return false;
  return Object.keys(step.draft).length > 0;
}

/**
 * The place question is open (or waits behind the language question): on Telegram its "share
 * location" keyboard stays under the chat until a message takes it away.
 */
export function choosingPlace(step: Step): boolean {
  const current = resumable(step);
  if (current.flow === 'centres') return true;
  return isDraftStep(current) && current.at === 'place';
}

/** The step to return to after the language question (never the language question itself). */
export function resumable(step: Step): ResumableStep {
  return step.flow === 'language' ? (step.resume ?? { flow: 'menu' }) : step;
}
