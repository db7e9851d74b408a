// The language question: the very first thing a new chat is asked, and /language at any time.
// Switching mid-flow keeps every answer given so far and repeats the current question.
import type { LanguageStep, ResumableStep } from '../conversation/state.js';
import type { FlowEvent, Reply } from '../conversation/types.js';
import { LOCALES } from '../model.js';
import { ask, button, choiceArg, type FlowOutcome, isOneOf, outcome, retry, say } from './common.js';
import { menuReply } from './menu.js';

export function languageQuestion(first = false): Reply {
  // Written in both languages: we do not know yet which one the person reads.
  return ask(first ? 'language.firstAsk' : 'language.ask', [
    LOCALES.map((locale) => button(`language.name.${locale}`, `lang:${locale}`)),
  ]);
}

export function askLanguage(resume: ResumableStep | null): FlowOutcome {
  return outcome({ flow: 'language', resume }, [languageQuestion(resume === null)]);
}

/** The first question again after something that is no answer to it: says so, in both languages. */
export function askLanguageAgain(): FlowOutcome {
  return outcome(
    { flow: 'language', resume: null },
    retry(say('language.notUnderstood'), [languageQuestion(true)]),
  );
}

/**
 * The chosen language, with what comes next: the interrupted question again, or on first contact
 * the welcome and the menu. `reask` renders the interrupted question in the NEW language.
 */
export function handleLanguage(
  step: LanguageStep,
  event: FlowEvent,
  reask: (step: ResumableStep, locale: (typeof LOCALES)[number]) => Reply[],
): FlowOutcome | null {
  const locale = event.type === 'choice' ? choiceArg(event.value, 'lang') : null;
  if (!isOneOf(LOCALES, locale)) return null;
  if (step.resume === null)
    return { ...outcome({ flow: 'menu' }, [say('common.welcome'), menuReply()]), locale };
  return { ...outcome(step.resume, [say('language.changed'), ...reask(step.resume, locale)]), locale };
}
