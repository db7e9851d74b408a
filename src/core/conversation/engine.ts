// The one conversation engine behind every channel: (state, event) -> (state, replies, effects).
// Pure: the same input always gives the same output, so flows are tested without any messenger.

import { startCentres } from '../flows/centres.js';
import { type FlowOutcome, outcome, say, t } from '../flows/common.js';
import { askLanguage, askLanguageAgain, handleLanguage } from '../flows/language.js';
import { helpReply, menuReply, toMenu } from '../flows/menu.js';
import { startContinue, startMyRequests } from '../flows/my-requests.js';
import { askForget, isEraseRequest, isForgetRequest, safetyOutcome, startErase } from '../flows/safety.js';
import { askStep, choosingPlace, handleStep, hasDraft, isSending, resumable } from '../flows/steps.js';
import type { Directory } from '../model.js';
import { lateOutcome, submittedReplies } from './outcomes.js';
import { joinedWithPart, partToKeep } from './split-text.js';
import type { ConversationState, Step } from './state.js';
import {
  type Effect,
  type FlowContext,
  type FlowEvent,
  type InboundEvent,
  isInbound,
  type Reply,
} from './types.js';

export interface EngineContext {
  directory: Directory;
  now: Date;
}

export interface Transition {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}

export function transition(state: ConversationState, event: FlowEvent, env: EngineContext): Transition {
  // The rest of a long text the messenger split: decided together with its first part.
  const joined = joinedWithPart(state, event, env.now);
  const { part: _earlier, ...current } = joined ? { ...state, step: joined.before } : state;
  const input = joined?.event ?? event;
  const next = decide(current, input, env);
  const part = partToKeep(current.step, input, next.effects, env.now);
  return {
    state: part ? { ...next.state, part } : next.state,
    replies: joined ? [say('common.partsJoined'), ...next.replies] : next.replies,
    effects: next.effects,
  };
}

function decide(state: ConversationState, event: FlowEvent, env: EngineContext): Transition {
  if (state.locale === null) return firstContact(state, event);
  const ctx: FlowContext = { ...env, locale: state.locale };
  const decided = isInbound(event) ? onInbound(state.step, event, ctx) : onOutcome(state.step, event, ctx);
  const next = closePlaceKeyboard(state.step, decided);
  return {
    state: { ...state, locale: next.locale ?? state.locale, step: next.step },
    replies: next.replies,
    effects: next.effects,
  };
}

/** A new chat: before anything else, which language to speak. */
function firstContact(state: ConversationState, event: FlowEvent): Transition {
  // With no earlier question to resume, the language answer leads to the welcome and the menu.
  const chosen = handleLanguage({ flow: 'language', resume: null }, event, () => []);
  // Once the question was asked, anything but an answer (or /start) is said not to be understood.
  const asked = state.step.flow === 'language' && event.type !== 'start';
  const next = chosen ?? (asked ? askLanguageAgain() : askLanguage(null));
  return {
    state: { ...state, locale: next.locale ?? null, step: next.step },
    replies: next.replies,
    effects: next.effects,
  };
}

/**
 * Leaving the place question without answering it (/cancel, the menu, another command) must take
 * its "share location" keyboard away too, or it stays under the chat for the rest of the
 * conversation. Telegram removes it only with a message without buttons: the first such reply
 * carries the removal, or a short one is added in front.
 */
function closePlaceKeyboard(from: Step, next: FlowOutcome): FlowOutcome {
  if (!choosingPlace(from) || choosingPlace(next.step)) return next;
  if (next.replies.some((r) => r.removeKeyboard)) return next;
  const plain = next.replies.findIndex((r) => !r.buttons?.length && !r.requestLocation);
  const replies =
    plain < 0
      ? [{ text: t('place.closed'), removeKeyboard: true }, ...next.replies]
      : next.replies.map((r, i) => (i === plain ? { ...r, removeKeyboard: true } : r));
  return { ...next, replies };
}

function onInbound(step: Step, event: InboundEvent, ctx: FlowContext): FlowOutcome {
  // A quick exit never waits, asks or explains: someone may be looking over the person's shoulder.
  if (isEraseRequest(event)) return startErase();
  if (isForgetRequest(event)) return leave(step, askForget(), ctx);
  if (event.type === 'text' && event.media) {
    // A photo with a caption at a text step: the caption is the answer; the photo is not kept.
    const { media: _dropped, ...words } = event;
    const decided = onInbound(step, words, ctx);
    return { ...decided, replies: [say('errors.mediaNotKept'), ...decided.replies] };
  }
  switch (event.type) {
    case 'start':
      return onStart(step, ctx);
    case 'command':
      return onCommand(step, event.name, event.args, ctx);
    case 'unsupported':
      return reask(step, ctx, 'errors.unsupported');
    case 'choice':
      if (event.value === 'flow:cancel' || event.value === 'flow:menu') return cancel(step, ctx);
  }
  return handleStep(step, event, ctx) ?? reask(step, ctx, notUnderstood(event));
}

function notUnderstood(event: InboundEvent): string {
  if (event.type === 'choice') return 'errors.staleButton';
  if (event.type === 'location') return 'errors.locationNotExpected';
  return 'errors.notUnderstood';
}

/** "Start" mid-flow (a reopened chat, Viber's conversation_started) continues instead of erasing. */
function onStart(step: Step, ctx: FlowContext): FlowOutcome {
  if (hasDraft(resumable(step))) return reask(step, ctx, 'common.resumeHint');
  return toMenu(say('common.welcome'));
}

function onCommand(step: Step, name: string, args: string, ctx: FlowContext): FlowOutcome {
  switch (name) {
    case 'start':
      return onStart(step, ctx);
    case 'help':
      return outcome(step, [helpReply(), ...askStep(step, ctx)]);
    case 'cancel':
    case 'menu':
      return cancel(step, ctx);
    case 'language':
      return askLanguage(resumable(step));
    case 'my':
      return leave(step, startMyRequests(), ctx);
    case 'centres':
      return leave(step, startCentres(ctx), ctx);
    case 'case':
      return leave(step, startContinue(args), ctx);
    default:
      return reask(step, ctx, 'errors.unknownCommand');
  }
}

function cancel(step: Step, ctx: FlowContext): FlowOutcome {
  // "Nothing was sent" would be untrue while the request is on its way: let it arrive first.
  if (isSending(step, ctx.now)) return outcome(step, askStep(step, ctx));
  if (step.flow === 'menu') return toMenu(say('common.nothingToCancel'));
  if (step.flow === 'language') return outcome(resumable(step), askStep(resumable(step), ctx));
  return hasDraft(step) ? toMenu(say('common.cancelled')) : outcome({ flow: 'menu' }, [menuReply()]);
}

/** Going elsewhere by command drops unsent answers: say so, so nobody believes they were sent. */
function leave(step: Step, next: FlowOutcome, ctx: FlowContext): FlowOutcome {
  if (isSending(step, ctx.now)) return outcome(step, askStep(step, ctx));
  return hasDraft(step) ? { ...next, replies: [say('common.draftDropped'), ...next.replies] } : next;
}

function reask(step: Step, ctx: FlowContext, key: string): FlowOutcome {
  return outcome(step, [say(key), ...askStep(step, ctx)]);
}

function onOutcome(step: Step, event: Exclude<FlowEvent, InboundEvent>, ctx: FlowContext): FlowOutcome {
  // A sent request is confirmed whatever the person did meanwhile: the case code must reach them.
  if (event.type === 'submitted') return toMenu(...submittedReplies(event, ctx));
  const safety = safetyOutcome(event);
  if (safety) return safety;
  const own = handleStep(step, event, ctx);
  if (own) return own;
  const said = lateOutcome(event);
  return outcome(step, said ? [said, ...askStep(step, ctx)] : []);
}
