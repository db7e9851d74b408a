// Who goes first when the platform's rate limit makes messages wait. The writer of an outbox entry
// decides, because only it knows what the message is for:
//   EMERGENCY  the numbers to call now (112, 102, 116 111, 116 123), said when someone is in danger;
//   REPLY      the answer to a person in the conversation (a reporter, or a specialist at the desk);
//   STAFF      notices to specialists (new, escalated or returned requests, a reporter's words);
//   BULK       anything sent to many at once.
// Within a priority the oldest goes first. Within one chat entries keep their order, except that the
// emergency numbers do not wait behind earlier, ordinary messages of the same chat (see plan.ts).
import type { Reply } from '../conversation/types.js';

export const PRIORITY = { EMERGENCY: 0, REPLY: 1, STAFF: 2, BULK: 3 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

export const isPriority = (value: number): value is Priority =>
  Number.isInteger(value) && value >= PRIORITY.EMERGENCY && value <= PRIORITY.BULK;

/** One outbox entry's worth of a conversation step's replies. */
export interface Part {
  priority: Priority;
  messages: Reply[];
}

/**
 * A conversation step's replies as outbox entries: the emergency numbers said first (the answer to
 * "is someone in danger right now?") become their own EMERGENCY entry, so that they can pass a
 * backlog; the rest is one REPLY entry, in order. Emergency numbers repeated later in a step (e.g.
 * after the confirmation of a sent report) stay in place: the person has had them already, and
 * moving them would scramble the confirmation.
 */
export function conversationParts(replies: Reply[]): Part[] {
  const lead = replies.findIndex((r) => !r.emergency);
  const split = lead < 0 ? replies.length : lead;
  const parts: Part[] = [];
  if (split > 0) parts.push({ priority: PRIORITY.EMERGENCY, messages: replies.slice(0, split) });
  if (split < replies.length) parts.push({ priority: PRIORITY.REPLY, messages: replies.slice(split) });
  return parts;
}

/** What can be sent now, in the order to send it: by priority, then oldest first. */
export function byPriorityThenAge<T extends { priority: Priority; createdAtMs: number }>(a: T, b: T): number {
  return a.priority - b.priority || a.createdAtMs - b.createdAtMs;
}
