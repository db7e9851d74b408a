// Safe mode for a person who shares a phone (perhaps with the one they report): wipe the conversation
// at once (/erase, "🧹 Стерти розмову"), or let go of their cases for good after a confirmation.
// Deleting messages is a channel's capability: the flow only asks, and says what came of it.
import type { SafetyStep } from '../conversation/state.js';
import type { Effect, EffectOutcome, FlowEvent, Reply } from '../conversation/types.js';
import { ask, button, type FlowOutcome, outcome, parseYesNo, say } from './common.js';
import { toMenu } from './menu.js';

export const ERASE_CHOICE = 'safety:erase';
export const FORGET_CHOICE = 'safety:forget';
const FORGET_YES = 'safety:forgetYes';
const FORGET_NO = 'safety:forgetNo';

/** /erase or the button: no question asked, whatever was going on (a draft is dropped unsent). */
export function isEraseRequest(event: FlowEvent): boolean {
  return (
    (event.type === 'command' && event.name === 'erase') ||
    (event.type === 'choice' && event.value === ERASE_CHOICE)
  );
}

export function isForgetRequest(event: FlowEvent): boolean {
  return (
    (event.type === 'command' && event.name === 'forget') ||
    (event.type === 'choice' && event.value === FORGET_CHOICE)
  );
}

export function startErase(): FlowOutcome {
  const erase: Effect = { type: 'eraseChat' };
  return outcome({ flow: 'menu' }, [], [erase]);
}

export function askForget(): FlowOutcome {
  const step: SafetyStep = { flow: 'safety', at: 'confirmForget' };
  return outcome(step, askSafety(step));
}

export function askSafety(step: SafetyStep): Reply[] {
  if (step.at === 'forgetting') return [];
  return [
    ask('safety.forgetConfirm', [
      [button('safety.forgetYes', FORGET_YES)],
      [button('safety.forgetNo', FORGET_NO)],
    ]),
  ];
}

export function handleSafety(step: SafetyStep, event: FlowEvent): FlowOutcome | null {
  if (step.at === 'forgetting') return toMenu();
  const answer =
    event.type === 'choice'
      ? event.value === FORGET_YES || (event.value === FORGET_NO ? false : null)
      : event.type === 'text'
        ? parseYesNo(event.text)
        : null;
  if (answer === null) return null;
  if (!answer) return toMenu(say('safety.forgetKept'));
  return outcome({ flow: 'safety', at: 'forgetting' }, [], [{ type: 'forgetMe' }]);
}

/** What the person is told once storage has done (or failed to do) what they asked. */
export function safetyOutcome(event: EffectOutcome): FlowOutcome | null {
  switch (event.type) {
    case 'chatErased':
      // One neutral line, nothing about what was there: the chat must look like a bot never used.
      return event.deleting
        ? outcome({ flow: 'menu' }, [say('safety.erased')])
        : toMenu(say('safety.viberHowTo'));
    case 'forgotten':
      return toMenu(say('safety.forgotten'));
    case 'eraseFailed':
    case 'forgetFailed':
      return toMenu(say('errors.temporary'));
    default:
      return null;
  }
}
