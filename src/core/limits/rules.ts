// Limits per chat on guessing codes and on flooding, as pure rules over counters and the injected
// clock. Storage keeps one counter per chat handle and rule (so they hold across instances) and
// counts atomically; core decides what a count means. Windows are fixed: one opens with the first
// event and closes `windowMs` later; the next event after that starts a new one.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface LimitRule {
  /** Events allowed per window; the next one is over the limit. */
  max: number;
  windowMs: number;
}

/**
 * Wrong `/case` keys and wrong `/join` invite codes: 5 an hour are plenty for typos and too few
 * to guess a 16-character key. Every update of a chat: a person in distress who writes one message
 * after another rarely sends more than 10-15 a minute (a long text pasted on Telegram comes as a
 * few parts at once); 30 a minute and 300 an hour leave them room, while a script sending hundreds
 * a minute is stopped after 30 and can fill the outbox with at most ~300 replies an hour.
 */
export const LIMIT_RULES = {
  wrongCase: { max: 5, windowMs: HOUR },
  wrongJoin: { max: 5, windowMs: HOUR },
  floodMinute: { max: 30, windowMs: MINUTE },
  floodHour: { max: 300, windowMs: HOUR },
} as const satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof LIMIT_RULES;
export type LimitRules = Record<LimitName, LimitRule>;

export interface Counter {
  windowStart: Date;
  count: number;
}

/**
 * The counting rule storage applies in one atomic statement (see ChatLimitStore.count): one more
 * event, or 1 in a new window when the last one closed.
 */
export function nextCount(previous: Counter | undefined, windowMs: number, now: Date): Counter {
  const open = previous && now.getTime() < previous.windowStart.getTime() + windowMs;
  return open ? { ...previous, count: previous.count + 1 } : { windowStart: now, count: 1 };
}

/** When the counter means nothing any more: storage may delete it from then on. */
export function expiresAt(counter: Counter, rule: LimitRule): Date {
  return new Date(counter.windowStart.getTime() + rule.windowMs);
}

/** Whole minutes until the window closes (at least 1), to tell the person when to try again. */
export function minutesLeft(counter: Counter, rule: LimitRule, now: Date): number {
  return Math.max(1, Math.ceil((expiresAt(counter, rule).getTime() - now.getTime()) / MINUTE));
}

export type FloodVerdict =
  /** Within the limits: handle the update. */
  | 'pass'
  /** Just went over: handle nothing, say once why (and where to call in danger). */
  | 'warn'
  /** Still over, and already told: handle nothing, say nothing. */
  | 'drop';

export const FLOOD_RULES = ['floodMinute', 'floodHour'] as const;

/**
 * What to do with an update, given the flood counters with it counted. Over a limit nothing is
 * handled; the person is told once per window (on the first update over it), so a script cannot
 * make the bot answer every one of its messages.
 */
export function floodVerdict(counted: Array<[LimitName, Counter]>, rules: LimitRules): FloodVerdict {
  const over = counted.filter(([name, c]) => c.count > rules[name].max);
  if (over.length === 0) return 'pass';
  return over.some(([name, c]) => c.count > rules[name].max + 1) ? 'drop' : 'warn';
}
