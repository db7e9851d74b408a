// The platform's rate limits as token buckets (Telegram: about 30 messages a second per bot and one
// a second per chat; Viber has its own). A bucket is kept in the generic cell rate algorithm's form:
// a single number, the "theoretical arrival time" (tat), so that every app instance can share it
// through one database row. A message may go when tat - tolerance <= now; sending moves tat on by
// one interval. tolerance = (burst - 1) intervals, i.e. up to `burst` messages at once after a quiet
// spell, then one per interval.
//
// Reserve: ordinary messages leave the last `reserved` tokens of the burst unused, so that emergency
// numbers find a free token at once even while thousands of ordinary replies wait.
// Pure functions of the bucket, the rule and the time (in ms): tested with a clock that never runs.
import { PRIORITY, type Priority } from './priority.js';

export interface PaceRule {
  /** Messages per second on average. */
  perSecond: number;
  /** Messages that may go at once after a quiet spell (the bucket's size), at least 1. */
  burst: number;
  /** Of the burst, tokens only EMERGENCY messages may use (less than burst). */
  reserved: number;
}

/** A bucket's state (tat, ms since the epoch); 0 for a bucket never used. */
export type Pace = number;

export const intervalMs = (rule: PaceRule): number => 1000 / rule.perSecond;

function toleranceMs(rule: PaceRule, priority: Priority): number {
  const usable = priority === PRIORITY.EMERGENCY ? rule.burst : rule.burst - rule.reserved;
  return (Math.max(1, usable) - 1) * intervalMs(rule);
}

/** The earliest time (ms) a message of this priority may go; `nowMs` if it may go now. */
export function earliestMs(pace: Pace, rule: PaceRule, priority: Priority, nowMs: number): number {
  return Math.max(nowMs, pace - toleranceMs(rule, priority));
}

/** The largest bucket value that still lets a message of this priority go at `nowMs`. */
export function paceAllowingMs(rule: PaceRule, priority: Priority, nowMs: number): number {
  return nowMs + toleranceMs(rule, priority);
}

/** The bucket after one message went at `nowMs` (call only when earliestMs(...) <= nowMs). */
export function spend(pace: Pace, rule: PaceRule, nowMs: number): Pace {
  return Math.max(pace, nowMs) + intervalMs(rule);
}

/** The bucket after the platform said "too many requests, retry after": nothing goes before `untilMs`. */
export function pauseUntil(pace: Pace, rule: PaceRule, untilMs: number): Pace {
  return Math.max(pace, untilMs + toleranceMs(rule, PRIORITY.EMERGENCY));
}

/** A rule is usable when it allows at least one message and keeps one token for ordinary ones. */
export function checkRule(rule: PaceRule): string | null {
  if (!(rule.perSecond > 0)) return 'perSecond must be positive';
  if (!Number.isInteger(rule.burst) || rule.burst < 1) return 'burst must be a whole number >= 1';
  if (!Number.isInteger(rule.reserved) || rule.reserved < 0 || rule.reserved >= rule.burst)
    return 'reserved must be a whole number from 0 to burst - 1';
  return null;
}
