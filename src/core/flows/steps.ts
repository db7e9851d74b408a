// One place that knows every flow: what to ask at a step, and who handles an event at it.
import type { ResumableStep, Step } from '../conversation/state.js';
import type { FlowContext, FlowEvent, Reply } from '../conversation/types.js';
import { askCentres, handleCentres, startCentres } from './centres.js';
import { type Outcome, outcome, say, stillSubmitting } from './common.js';
import { askConcern, handleConcern, startConcern } from './concern.js';
import { askConsultation, handleConsultation, startConsultation } from './consultation.js';
import { askLanguage, handleLanguage, languageQuestion } from './language.js';
import { helpReply, menuReply } from './menu.js';
import { askMyRequests, handleMyRequests, startMyRequests } from './my-requests.js';

/** The current question, to ask again after an interruption (help, a wrong answer, a restart). */
export function askStep(step: Step, ctx: FlowContext): Reply[] {
  switch (step.flow) {
    case 'menu':
      return [menuReply()];
    case 'language':
      return [languageQuestion(step.resume === null)];
    case 'concern':
      return askConcern(step, ctx);
    case 'consultation':
      return askConsultation(step, ctx);
    case 'myRequests':
      return askMyRequests(step);
    case 'centres':
      return askCentres(step, ctx);
  }
}

/** The step's own answer to an event, or null when the event is no answer to its question. */
export function handleStep(step: Step, event: FlowEvent, ctx: FlowContext): Outcome | null {
  switch (step.flow) {
    case 'menu':
      return handleMenu(event, ctx);
    case 'language':
      return handleLanguage(step, event, (resume, locale) => askStep(resume, { ...ctx, locale }));
    case 'concern':
      return handleConcern(step, event, ctx);
    case 'consultation':
      return handleConsultation(step, event, ctx);
    case 'myRequests':
      return handleMyRequests(step, event, ctx);
    case 'centres':
      return handleCentres(step, event, ctx);
  }
}

function handleMenu(event: FlowEvent, ctx: FlowContext): Outcome | null {
  // Someone who starts typing their story at the menu is shown where it goes, not scolded.
  if (event.type === 'text') return outcome({ flow: 'menu' }, [say('menu.typedText'), menuReply()]);
  if (event.type !== 'choice') return null;
  switch (event.value) {
    case 'menu:concern':
      return startConcern(ctx);
    case 'menu:consultation':
      return startConsultation(ctx);
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

/** "Send" was pressed a moment ago and storage has not answered yet: nothing may be cancelled now. */
export function isSending(step: Step, now: Date): boolean {
  if (step.flow !== 'concern' && step.flow !== 'consultation') return false;
  return step.at === 'submitting' && stillSubmitting(step.since, now);
}

/** A person's unsent answers would be lost by leaving this step. */
export function hasDraft(step: Step): boolean {
  if (step.flow !== 'concern' && step.flow !== 'consultation') return false;
  return Object.keys(step.draft).length > 0;
}

/** The step to return to after the language question (never the language question itself). */
export function resumable(step: Step): ResumableStep {
  return step.flow === 'language' ? (step.resume ?? { flow: 'menu' }) : step;
}
