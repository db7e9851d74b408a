// Runs one person's event through the engine: load the chat's state, decide, save, do what needs
// the outside world, feed the result back, save again. Channels call only `handle`.
import { say } from '../flows/common.js';
import { DEFAULT_LOCALE, type Directory, type Locale } from '../model.js';
import type {
  ChatRef,
  ChatSafety,
  Clock,
  ConversationStore,
  Logger,
  ReporterCases,
  RequestIntake,
} from '../ports/index.js';
import { silentLogger } from '../ports/index.js';
import { runEffect } from './effects.js';
import { transition } from './engine.js';
import { worthDeliveringLate } from './outcomes.js';
import { type ConversationState, restoreState, serializeState } from './state.js';
import type { Effect, EffectOutcome, InboundEvent, Reply } from './types.js';

export interface ConversationDeps {
  store: ConversationStore;
  intake: RequestIntake;
  cases: ReporterCases;
  safety: ChatSafety;
  /** The directory as currently loaded (it may be re-imported while the app runs). */
  directory: () => Directory;
  clock: Clock;
  log?: Logger;
}

export interface HandleResult {
  replies: Reply[];
  /** The language to render the replies in. */
  locale: Locale;
  /**
   * The replies confirm a change to the person's case (see worthDeliveringLate): if they cannot be
   * reached right now, keep them until they come back instead of dropping them.
   */
  mustArrive: boolean;
}

export interface ConversationService {
  handle(chat: ChatRef, event: InboundEvent): Promise<HandleResult>;
}

/** Two updates of one chat at the same moment (a double tap) are rare; three tries settle it. */
const MAX_TRIES = 3;
/** Effects whose outcome asks for another effect: bounded, so a flow bug cannot loop forever. */
const MAX_ROUNDS = 3;

interface Saved {
  state: ConversationState;
  version: number;
}

export function createConversationService(deps: ConversationDeps): ConversationService {
  const log = deps.log ?? silentLogger;
  const env = () => ({ directory: deps.directory(), now: deps.clock.now() });

  async function load(handleId: string) {
    const stored = await deps.store.load(handleId);
    const restored = restoreState(stored?.state ?? null);
    if (restored.reset) log.warn({ stage: 'restore' }, 'conversation state could not be continued; reset');
    return { ...restored, version: stored?.version ?? null };
  }

  /** Applies `event` to the freshest state; on a concurrent save, reloads and applies it again. */
  async function apply(chat: ChatRef, event: InboundEvent | EffectOutcome, known?: Saved) {
    let current = known
      ? { state: known.state, version: known.version, reset: false }
      : await load(chat.handleId);
    for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
      const next = transition(current.state, event, env());
      const version = await deps.store.save(chat.handleId, serializeState(next.state), current.version);
      if (version !== null) {
        const notice = current.reset && next.state.locale ? [say('errors.stateReset')] : [];
        return { ...next, replies: [...notice, ...next.replies], saved: { state: next.state, version } };
      }
      current = await load(chat.handleId);
    }
    return null;
  }

  async function handle(chat: ChatRef, event: InboundEvent): Promise<HandleResult> {
    let locale: Locale = DEFAULT_LOCALE;
    try {
      const first = await apply(chat, event);
      if (!first) {
        log.warn({ event: event.type }, 'conversation update lost a race three times');
        return { replies: [say('errors.temporary')], locale, mustArrive: false };
      }
      locale = first.state.locale ?? DEFAULT_LOCALE;
      const replies = [...first.replies];
      let saved = first.saved;
      let effects: Effect[] = first.effects;
      let mustArrive = false;
      for (let round = 0; round < MAX_ROUNDS && effects.length > 0; round++) {
        const next: Effect[] = [];
        for (const effect of effects) {
          const outcome = await runEffect(effect, chat, deps, log);
          mustArrive ||= worthDeliveringLate(outcome);
          const applied = await apply(chat, outcome, saved);
          if (!applied) throw new Error('could not save the outcome of an effect');
          replies.push(...applied.replies);
          saved = applied.saved;
          next.push(...applied.effects);
        }
        effects = next;
      }
      locale = saved.state.locale ?? DEFAULT_LOCALE;
      return { replies, locale, mustArrive };
    } catch (error) {
      // Storage is down or broken: the person still gets an answer (and, if in danger, knows 112).
      log.error({ err: error, event: event.type }, 'conversation update failed');
      return { replies: [say('errors.temporary')], locale, mustArrive: false };
    }
  }

  return { handle };
}
