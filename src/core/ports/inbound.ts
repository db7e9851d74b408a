// Inbound, between every messenger channel and the core: a channel turns a platform update into an
// IncomingUpdate and hands it to the Inbox, the one door every update comes through.
import type { InboundEvent } from '../conversation/types.js';
import type { Channel } from '../model.js';

export interface IncomingUpdate {
  channel: Channel;
  /** The platform's chat/user id. It never leaves the storage layer in clear except to send. */
  platformId: string;
  /** Platform update id (Telegram update_id, Viber message_token) for exactly-once processing; null if none. */
  updateId: string | null;
  event: InboundEvent | Unsubscribed;
  /** The platform's language hint (Telegram language_code, Viber user.language), used only as a default. */
  languageHint?: string | null;
  /** The person's message, on a channel that can delete it later (/erase); null or absent otherwise. */
  messageId?: string | null;
}

/** The person left the bot (Viber's `unsubscribed`): no step of a conversation, the chat goes quiet. */
export interface Unsubscribed {
  type: 'unsubscribed';
}

export type InboxOutcome = 'processed' | 'duplicate';

export interface Inbox {
  /**
   * Processes one update: state, requests and the outgoing replies commit together. Resolves once
   * the update is durably handled, so a webhook may answer 200; throws if it was not (the platform retries).
   */
  receive(update: IncomingUpdate): Promise<InboxOutcome>;
}
