// The contract between the core and every messenger channel.
// Inbound: a channel turns a platform update into an IncomingUpdate and hands it to the Inbox.
// Outbound: every message leaves through the persistent outbox; the dispatcher calls the channel's
// Messenger with the decrypted platform id just before sending.
import type { InboundEvent, Reply } from '../conversation/types.js';
import type { Channel, Locale } from '../model.js';
import type { PaceRule } from './pacing.js';
import type { Priority } from './priority.js';

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

/** What a send attempt came to, so the outbox knows whether to retry, give up, or stop writing to a chat. */
export type SendOutcome =
  | {
      ok: true;
      messageId: string | null;
      /** Every message the platform made of the reply, when it had to be split (the last is `messageId`). */
      messageIds?: string[];
    }
  /** Worth trying again later (network, 5xx). */
  | { ok: false; kind: 'retry'; reason: string; retryAfterSeconds?: number }
  /**
   * Too many requests (HTTP 429): the whole bot must pause for retry-after. Not this message's fault,
   * so it never counts as a failed attempt.
   */
  | { ok: false; kind: 'throttled'; reason: string; retryAfterSeconds?: number }
  /** The person blocked the bot or unsubscribed: never retried, the chat is marked unreachable. */
  | { ok: false; kind: 'unreachable'; reason: string }
  /** The platform refused this message (bad request): retrying cannot help. */
  | { ok: false; kind: 'rejected'; reason: string };

export interface Messenger {
  readonly channel: Channel;
  send(platformId: string, reply: Reply, locale: Locale): Promise<SendOutcome>;
  /** Replaces an earlier message (e.g. a specialist's notification becoming "claimed by a colleague"). */
  edit(platformId: string, messageId: string, reply: Reply, locale: Locale): Promise<SendOutcome>;
  /**
   * Deletes a message of the chat (the person's or the bot's), for /erase. Only channels that can
   * (Telegram, for 48 hours) have it; on Viber the person is told how to clear the chat themselves.
   */
  delete?(platformId: string, messageId: string): Promise<SendOutcome>;
}

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

export interface ChatHandles {
  /** Finds the chat by its keyed hash, or creates it; the platform id is stored only encrypted. */
  resolve(channel: Channel, platformId: string): Promise<ResolvedChat>;
  setLocale(handleId: string, locale: Locale): Promise<void>;
  /** The person blocked the bot or unsubscribed: stop writing to them. */
  markUnreachable(handleId: string, at: Date): Promise<void>;
  /**
   * The person wrote again or re-subscribed: write to them again, held messages first (no-op for a
   * reachable chat).
   */
  markReachable(handleId: string): Promise<void>;
  /**
   * The person asked to be forgotten: their cases move to an anonymous stand-in that no reply can
   * reach (the centre keeps the case), and what was held for them is dropped. The chat itself starts
   * afresh. Returns how many cases were let go.
   */
  forget(handleId: string, at: Date): Promise<number>;
}

/** How long Telegram lets a bot delete the messages of a private chat. */
export const ERASABLE_FOR_MS = 48 * 3_600_000;

/** Message ids of a chat's last 48 hours, kept only so that /erase can delete them. */
export interface RecentMessages {
  record(handleId: string, messageIds: readonly string[], at: Date): Promise<void>;
  /** Marks the chat's messages since `since` for deletion by the eraser; returns how many. */
  requestErase(handleId: string, since: Date, at: Date): Promise<number>;
}

/** One message /erase asked to delete, as the eraser job works on it. */
export interface Erasure {
  id: string;
  handleId: string;
  channel: Channel;
  messageId: string;
}

/** The eraser's view of the recent messages. Safe with several app instances. */
export interface ErasureQueue {
  /** Messages marked for deletion, locked for `lockMs` to this caller. */
  takeDue(now: Date, limit: number, lockMs: number): Promise<Erasure[]>;
  recipientOf(handleId: string): Promise<string | null>;
  /** Deleted, or the platform will never let it be deleted: the row goes. */
  done(id: string): Promise<void>;
}

/** Platform update ids already handled, so a redelivered update is processed once. */
export interface ProcessedUpdates {
  /** Records the id; false if it was recorded before. Runs inside the update's transaction. */
  firstTime(channel: Channel, updateId: string): Promise<boolean>;
}

/** Messages for one chat, written in the same transaction as the change that caused them. */
export interface OutgoingBatch {
  handleId: string;
  locale: Locale;
  /** Sent in this order; a failure resumes from the message that failed. */
  messages: Reply[];
  /**
   * Instead of sending anew, replace the message that the outbox entry with this id sent
   * (e.g. a specialist's notification becoming "claimed by a colleague"). Needs exactly one message.
   */
  replaces?: string;
  /**
   * If the person cannot be reached (blocked the bot, unsubscribed), keep the messages and send them
   * when they write or subscribe again, instead of dropping them: a specialist's words must arrive.
   */
  holdWhileUnreachable?: boolean;
  /** Who goes first when messages wait (delivery/priority.ts); REPLY when not given. */
  priority?: Priority;
}

export interface OutboxWriter {
  enqueue(batch: OutgoingBatch): Promise<string>;
}

/** One outbox entry as the dispatcher works on it. */
export interface Delivery {
  id: string;
  handleId: string;
  channel: Channel;
  locale: Locale;
  messages: Reply[];
  /** Messages already sent; sending resumes at this index. */
  sentCount: number;
  attempts: number;
  /** The platform message to edit instead of sending (when the entry replaces an earlier one). */
  replacesMessageId: string | null;
  priority: Priority;
}

/** A channel's rate limits: per bot and per chat (see pacing.ts). */
export interface DeliveryRules {
  bot: PaceRule;
  chat: PaceRule;
}

/** What one round of the dispatcher got (see plan.ts). */
export interface DeliveryRound {
  /** Leased to this dispatcher; send the next unsent message of each, in this order. */
  picked: Delivery[];
  /** When something that waits now may go (a bucket refills, a backoff ends); null if nothing waits. */
  nextAt: Date | null;
}

/** The dispatcher's view of the outbox. Implementations must be safe with several app instances. */
export interface DeliveryQueue {
  /**
   * Picks what may be sent now on this channel, at most `slots`: the head of each chat, by priority
   * then age, within the bot's and the chats' rate limits, which it spends. Leases the picked entries
   * to this dispatcher for `leaseMs`.
   */
  takeRound(channel: Channel, now: Date, slots: number, leaseMs: number): Promise<DeliveryRound>;
  /** Extends this dispatcher's leases while their messages are being sent. */
  renew(ids: readonly string[], until: Date): Promise<void>;
  /** The platform id, decrypted just for this send; null if the chat is unknown or unreachable. */
  recipientOf(handleId: string): Promise<string | null>;
  /** One more message of the entry was sent; the lease ends (the next message is a new round's). */
  progress(id: string, sentCount: number, sentMessageId: string | null): Promise<void>;
  /** All sent: records the final count and the last message's id (if any) with the status. */
  finish(id: string, at: Date, sentCount: number, sentMessageId: string | null): Promise<void>;
  retryAt(id: string, at: Date, attempts: number, reason: string): Promise<void>;
  /** Remembers the platform ids of messages just sent, so that /erase can delete them (48 hours). */
  rememberSent(handleId: string, messageIds: readonly string[], at: Date): Promise<void>;
  /** 429: the channel's bot sends nothing before `until`; the entry waits, its attempts unchanged. */
  throttled(channel: Channel, id: string, until: Date, reason: string): Promise<void>;
  /** Gives up on the entry: DEAD (refused, out of attempts) or UNREACHABLE (marks the chat too). */
  abandon(id: string, status: 'DEAD' | 'UNREACHABLE', reason: string, at: Date): Promise<void>;
}
