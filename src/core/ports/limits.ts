// Where the limits' counters live: one row per chat handle and rule, keyed by the opaque handle id
// (never the messenger's id), so that every instance of the app counts the same events.
import type { Counter, LimitName } from '../limits/rules.js';

export interface ChatLimitStore {
  /**
   * Counts one event in ONE atomic statement and returns the counter with it: a window that closed
   * before `now` starts again at `now` with 1. Atomic so that parallel updates of one chat (on
   * PostgreSQL, two instances) cannot both read "4" and each make a fifth guess.
   */
  count(handleId: string, rule: LimitName, now: Date, windowMs: number): Promise<Counter>;
  /** Takes back one counted event (a code counted before it was looked up turned out right). */
  uncount(handleId: string, rule: LimitName): Promise<void>;
  /** Deletes counters whose window closed before `now`; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}
