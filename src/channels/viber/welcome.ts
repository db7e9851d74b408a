// The answer to `conversation_started`: the only message Viber lets a bot send before the person
// subscribes, and it must travel in the webhook's HTTP response. It cannot come from the Inbox: the
// Inbox writes replies to the outbox, and sending those would fail with "receiver not subscribed"
// (status 6) and mark a brand-new chat unreachable. So the channel renders the first question, the
// choice of language, straight from locale keys. Tapping a language is the person's first message,
// which subscribes them; from then on everything goes through the Inbox.
// The question itself is written in both languages; the phone's language only picks the rendering.
import type { Reply } from '../../core/conversation/types.js';
import { languageQuestion } from '../../core/flows/language.js';
import { DEFAULT_LOCALE, type Locale } from '../../core/model.js';
import { type RenderText, renderReply, type ViberOutgoing } from './renderer.js';

/** The core's own first question, so a tap is understood by the language step. */
export const DEFAULT_WELCOME: Reply = languageQuestion(true);

/** The welcome is shown in the phone's language when we speak it, otherwise in Ukrainian. */
export function welcomeLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('ru') ? 'ru' : DEFAULT_LOCALE;
}

export interface WelcomeBody extends ViberOutgoing {
  sender: { name: string; avatar?: string };
}

/** Built afresh for every request: nothing is shared between two people opening the chat at once. */
export function welcomeBody(
  welcome: Reply,
  language: string | undefined,
  sender: WelcomeBody['sender'],
  render: RenderText,
): WelcomeBody {
  const messages = renderReply(welcome, welcomeLocale(language), { render });
  // One message only fits in the response; a welcome is a few lines, far below Viber's limit.
  const last = messages[messages.length - 1] ?? { type: 'text', text: '' };
  return { sender, ...last };
}
