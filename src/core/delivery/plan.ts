// One round of the dispatcher: of the entries that may be sent (the head of each chat), which go
// now, given the bot's bucket, each chat's bucket and how many sends may still be in flight. Pure:
// storage loads the buckets and candidates, calls this, and writes back what it returns.
import { earliestMs, type Pace, type PaceRule, spend } from './pacing.js';
import { byPriorityThenAge, type Priority } from './priority.js';

export interface Candidate {
  id: string;
  /** The chat's bucket key (its handle id). */
  chat: string;
  priority: Priority;
  createdAtMs: number;
  /** The chat's bucket as stored (0 if the chat has none yet). */
  chatPace: Pace;
}

export interface RoundInput {
  nowMs: number;
  bot: Pace;
  botRule: PaceRule;
  chatRule: PaceRule;
  candidates: Candidate[];
  /** Sends this dispatcher may still start (in-flight limit). */
  slots: number;
}

export interface RoundPlan {
  /** In the order to send. */
  picked: Candidate[];
  bot: Pace;
  /** The new bucket of every chat that got a message. */
  chats: Map<string, Pace>;
  /** When to look again because a bucket will allow a waiting candidate; null if none waits. */
  nextAtMs: number | null;
}

export function planRound(input: RoundInput): RoundPlan {
  const { nowMs, botRule, chatRule } = input;
  const chats = new Map<string, Pace>();
  const picked: Candidate[] = [];
  let bot = input.bot;
  let nextAtMs: number | null = null;
  const later = (at: number) => {
    nextAtMs = nextAtMs === null ? at : Math.min(nextAtMs, at);
  };
  for (const c of [...input.candidates].sort(byPriorityThenAge)) {
    if (picked.length >= input.slots) break;
    const botAt = earliestMs(bot, botRule, c.priority, nowMs);
    // Sorted by priority: when the bot cannot send this one, it cannot send any that follow.
    if (botAt > nowMs) {
      later(botAt);
      break;
    }
    const chatPace = chats.get(c.chat) ?? c.chatPace;
    const chatAt = earliestMs(chatPace, chatRule, c.priority, nowMs);
    if (chatAt > nowMs) {
      later(chatAt);
      continue;
    }
    picked.push(c);
    bot = spend(bot, botRule, nowMs);
    chats.set(c.chat, spend(chatPace, chatRule, nowMs));
  }
  return { picked, bot, chats, nextAtMs };
}
