// The one door every channel's updates come through. In ONE transaction: the update id is recorded
// (a redelivery is processed once), the chat is resolved by its keyed hash, the conversation moves
// on, requests are queued, and the replies are written to the outbox. Only after the commit is the
// dispatcher woken, so nothing is ever sent for a change that did not happen.
import type { ConversationLog } from '../conversation/ports.js';
import { createConversationService } from '../conversation/service.js';
import type { Inbox } from '../delivery/ports.js';
import type { Directory } from '../model.js';
import type { Clock, Store } from '../ports.js';
import type { Queue } from '../queue/index.js';
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
}

export function createInbox(deps: InboxDeps): Inbox {
  const intake = requestIntake(deps.queue);
  return {
    async receive(update) {
      const outcome = await deps.store.transaction(async (tx) => {
        if (update.updateId !== null && !(await tx.updates.firstTime(update.channel, update.updateId))) {
          return 'duplicate' as const;
        }
        const chat = await tx.handles.resolve(update.channel, update.platformId);
        const conversation = createConversationService({
          store: tx.conversations,
          intake,
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
