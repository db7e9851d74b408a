// The one door every channel's updates come through. In ONE transaction: the update id is recorded
// (a redelivery is processed once), the chat is resolved by its keyed hash, the conversation moves
// on, requests are queued, and the replies are written to the outbox. Only after the commit is the
// dispatcher woken, so nothing is ever sent for a change that did not happen. Leaving the bot
// (Viber's `unsubscribed`) comes through here too: it only marks the chat unreachable.
import type { CaseworkPolicy } from '../casework/deadlines.js';
import type { ConversationLog } from '../conversation/ports.js';
import { createConversationService } from '../conversation/service.js';
import type { Inbox } from '../delivery/ports.js';
import { conversationParts } from '../delivery/priority.js';
import { countUpdate, floodNotice } from '../limits/guards.js';
import { type Channel, DEFAULT_LOCALE, type Directory, type Locale } from '../model.js';
import type { Clock, Store } from '../ports.js';
import type { Queue } from '../queue/index.js';
import { createDesk } from '../specialists/desk.js';
import { deskEvent } from '../specialists/routing.js';
import type { SignIn } from '../staff/sign-in.js';
import { chatSafety, reporterCases, requestIntake } from './reporter.js';

export interface InboxDeps {
  store: Store;
  queue: Queue;
  hashSecret: (secret: string) => string;
  directory: () => Directory;
  clock: Clock;
  log?: ConversationLog;
  /** Called after a commit that queued messages: wakes the outbox dispatcher. */
  onCommitted: () => void;
  /** The stored hash of a specialist's invite code (normalised first): only hashes are stored. */
  hashInviteCode: (code: string) => string;
  /** Whether the channel's messenger can delete messages (/erase); Telegram can, Viber cannot. */
  canErase: (channel: Channel) => boolean;
  /** The legal deadlines (⏰ marks, what a close requires); the defaults when not given. */
  caseworkPolicy?: CaseworkPolicy;
  /** The staff console's one-time sign-in links, for a specialist's /web. */
  signIn?: SignIn;
}

const hinted = (hint: string | null | undefined): Locale =>
  hint?.toLowerCase().startsWith('ru') ? 'ru' : DEFAULT_LOCALE;

export function createInbox(deps: InboxDeps): Inbox {
  const now = () => deps.clock.now();
  const desk = createDesk({ ...deps, now });
  return {
    async receive(update) {
      const outcome = await deps.store.transaction(async (tx) => {
        if (update.updateId !== null && !(await tx.updates.firstTime(update.channel, update.updateId))) {
          return 'duplicate' as const;
        }
        const chat = await tx.handles.resolve(update.channel, update.platformId);
        if (update.event.type === 'unsubscribed') {
          // The outbox would only collect refusals: it drops or holds what is queued for this chat.
          await tx.handles.markUnreachable(chat.handleId, now());
          return 'left' as const;
        }
        // Whoever writes (or re-subscribes on Viber) can be written to again, even after they had
        // blocked the bot or unsubscribed: otherwise the outbox would drop every reply to them.
        if (chat.unreachable) await tx.handles.markReachable(chat.handleId);
        // The person's own message, so that /erase can delete it too (for Telegram's 48 hours).
        if (update.messageId) await tx.recentMessages.record(chat.handleId, [update.messageId], now());
        // A chat sending far more than any person writes is not handled (and told so only once).
        const flood = await countUpdate(tx.limits, chat.handleId, now());
        if (flood !== 'pass') {
          const locale = chat.locale ?? hinted(update.languageHint);
          if (flood === 'warn')
            await tx.outbox.enqueue({ handleId: chat.handleId, locale, messages: [floodNotice()] });
          return 'processed' as const;
        }
        // A specialist's chat never reaches the reporter's flows (and /join never does either).
        const specialist = chat.staff ? await tx.specialists.byHandle(chat.handleId) : null;
        const forDesk = deskEvent(update.event, specialist !== null);
        if (forDesk) {
          const deskLocale = chat.locale ?? hinted(update.languageHint);
          const said = await desk.handle({ tx, chat, locale: deskLocale }, specialist, forDesk);
          if (said.length > 0)
            await tx.outbox.enqueue({ handleId: chat.handleId, locale: deskLocale, messages: said });
          return 'processed' as const;
        }
        const conversation = createConversationService({
          store: tx.conversations,
          intake: requestIntake(tx, deps.queue, { directory: deps.directory, now }),
          cases: reporterCases(tx, deps.queue, deps.hashSecret, now),
          safety: chatSafety(tx, deps.canErase, now),
          directory: deps.directory,
          clock: deps.clock,
          ...(deps.log && { log: deps.log }),
        });
        const { replies, locale, mustArrive } = await conversation.handle(chat, update.event);
        if (chat.locale !== locale) await tx.handles.setLocale(chat.handleId, locale);
        // The emergency numbers said first go as their own entry, ahead of any backlog. A case
        // confirmation is held for someone who blocked the bot; a stale menu is not.
        for (const { priority, messages } of conversationParts(replies)) {
          const batch = { handleId: chat.handleId, locale, messages, priority };
          await tx.outbox.enqueue(mustArrive ? { ...batch, holdWhileUnreachable: true } : batch);
        }
        return 'processed' as const;
      });
      if (outcome === 'processed') deps.onCommitted();
      return outcome === 'left' ? 'processed' : outcome;
    },
  };
}
