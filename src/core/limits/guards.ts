// The limits as the inbox, the person's cases and the specialists' desk apply them, inside the
// update's transaction.
import type { Reply } from '../conversation/types.js';
import { say } from '../flows/common.js';
import type { ChatLimitStore } from '../ports/index.js';
import {
  type Counter,
  FLOOD_RULES,
  type FloodVerdict,
  floodVerdict,
  LIMIT_RULES,
  type LimitName,
  type LimitRules,
  minutesLeft,
} from './rules.js';

/** Counts the update against the flood limits and says whether to handle it. */
export async function countUpdate(
  store: ChatLimitStore,
  handleId: string,
  now: Date,
  rules: LimitRules = LIMIT_RULES,
): Promise<FloodVerdict> {
  const counted: Array<[LimitName, Counter]> = [];
  for (const name of FLOOD_RULES)
    counted.push([name, await store.count(handleId, name, now, rules[name].windowMs)]);
  return floodVerdict(counted, rules);
}

/** What the person is told when a flood limit stops their messages: once, with the numbers to call. */
export const floodNotice = (): Reply => say('limits.flood');

export type GuessRule = 'wrongCase' | 'wrongJoin';

export type Guessed<T> =
  | { kind: 'found'; value: T }
  | { kind: 'wrong' }
  /** Too many wrong codes lately: the code was NOT looked up. */
  | { kind: 'coolDown'; minutes: number };

/**
 * Looks a code up only while the chat has wrong guesses left. The attempt is counted before the
 * look-up (atomically, see ChatLimitStore.count) and taken back when the code was right, so only
 * wrong codes use up the allowance, and parallel attempts cannot slip past it.
 */
export async function guarded<T>(
  store: ChatLimitStore,
  handleId: string,
  name: GuessRule,
  now: Date,
  lookUp: () => Promise<T | null>,
  rules: LimitRules = LIMIT_RULES,
): Promise<Guessed<T>> {
  const rule = rules[name];
  const counter = await store.count(handleId, name, now, rule.windowMs);
  if (counter.count > rule.max) return { kind: 'coolDown', minutes: minutesLeft(counter, rule, now) };
  const found = await lookUp();
  if (found === null) return { kind: 'wrong' };
  await store.uncount(handleId, name);
  return { kind: 'found', value: found };
}

/** The cool-down message, which still gives the numbers to call in danger. */
export const coolDownNotice = (minutes: number): Reply => say('limits.coolDown', { minutes });
