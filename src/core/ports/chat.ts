// The one way the core names a chat.
import type { Channel, Locale } from '../model.js';

/** A chat Poruch can write to, as the core sees it: an opaque id, never the platform id. */
export interface ChatRef {
  handleId: string;
  channel: Channel;
  /** The chat's language, once chosen (also used to render queued messages). */
  locale: Locale | null;
}

/**
 * A chat as an incoming update finds it. The two flags come with the lookup so that the Inbox asks
 * again only when they are set (on most updates neither is): each question is a round trip to the
 * database inside the update's transaction.
 */
export interface ResolvedChat extends ChatRef {
  /** The chat had blocked the bot or unsubscribed (markReachable undoes it). */
  unreachable: boolean;
  /** A specialist is linked to this chat (specialists.byHandle finds them). */
  staff: boolean;
}
