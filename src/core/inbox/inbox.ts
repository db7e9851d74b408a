// The one door every channel's updates come through. In ONE transaction: the update id is recorded
// (a redelivery is processed once), the chat is resolved by its keyed hash, the conversation moves
// on, requests are queued, and the replies are written to the outbox. Only after the commit is the
// dispatcher woken, so nothing is ever sent for a change that did not happen.
import type { ConversationLog } from '../conversation/ports.js';
import { createConversationService } from '../conversation/service.js';
import type { Inbox } from '../delivery/ports.js';
import { DEFAULT_LOCALE, type Directory, type Locale } from '../model.js';
import type { Clock, Store } from '../ports.js';
import type { Queue } from '../queue/index.js';
import { createDesk } from '../specialists/desk.js';
import { deskEvent } from '../specialists/routing.js';
import type { SignIn } from '../staff/sign-in.js';
import { reporterCases, requestIntake } from './reporter.js';

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
        // Whoever writes (or re-subscribes on Viber) can be written to again, even after they had
        // blocked the bot or unsubscribed: otherwise the outbox would drop every reply to them.
        await tx.handles.markReachable(chat.handleId);
        // A specialist's chat never reaches the reporter's flows (and /join never does either).
        const specialist = await tx.specialists.byHandle(chat.handleId);
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
          cases: reporterCases(tx, deps.queue, deps.hashSecret),
          directory: deps.directory,
          clock: deps.clock,
          ...(deps.log && { log: deps.log }),
        });
        const { replies, locale } = await conversation.handle(chat, update.event);
        if (chat.locale !== locale) await tx.handles.setLocale(chat.handleId, locale);
        if (replies.length > 0)
          await tx.outbox.enqueue({ handleId: chat.handleId, locale, messages: replies });
        return 'processed' as const;
      });
      if (outcome === 'processed') deps.onCommitted();
      return outcome;
    },
  };
}
