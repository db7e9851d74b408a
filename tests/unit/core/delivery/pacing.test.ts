// Telegram's limits as token buckets, on a clock that only moves when the test says so.
import { describe, expect, it } from 'vitest';
import { deliveryRules } from '../../../../src/core/delivery/limits.js';
import {
  checkRule,
  earliestMs,
  type Pace,
  type PaceRule,
  pauseUntil,
  spend,
} from '../../../../src/core/delivery/pacing.js';
import { PRIORITY, type Priority } from '../../../../src/core/delivery/priority.js';

const T0 = 1_800_000_000_000;
const bot = deliveryRules({ botPerSecond: 30, chatPerSecond: 1 }).bot;
const chat = deliveryRules({ botPerSecond: 30, chatPerSecond: 1 }).chat;

/** Sends as many as the bucket allows at `now`; returns how many and the bucket after. */
function sendAll(pace: Pace, rule: PaceRule, priority: Priority, now: number, most = 1000) {
  let sent = 0;
  while (sent < most && earliestMs(pace, rule, priority, now) <= now) {
    pace = spend(pace, rule, now);
    sent += 1;
  }
  return { sent, pace };
}

describe('pacing', () => {
  it('a quiet chat takes a reply of three messages at once, then one a second', () => {
    const first = sendAll(0, chat, PRIORITY.REPLY, T0);
    expect(first.sent).toBe(3);
    expect(earliestMs(first.pace, chat, PRIORITY.REPLY, T0)).toBe(T0 + 1000);
    expect(sendAll(first.pace, chat, PRIORITY.REPLY, T0 + 999).sent).toBe(0);
    expect(sendAll(first.pace, chat, PRIORITY.REPLY, T0 + 1000).sent).toBe(1);
  });

  it('the emergency numbers still find a token in a chat that has just used its burst', () => {
    const used = sendAll(0, chat, PRIORITY.REPLY, T0).pace;
    expect(earliestMs(used, chat, PRIORITY.EMERGENCY, T0)).toBe(T0);
  });

  it('a bot sends 30 a second over a long backlog, never more', () => {
    let pace: Pace = 0;
    let sent = 0;
    // Rounds every 10 ms for 10 seconds, each sending whatever the bucket allows.
    for (let now = T0; now < T0 + 10_000; now += 10) {
      const round = sendAll(pace, bot, PRIORITY.REPLY, now);
      pace = round.pace;
      sent += round.sent;
    }
    // Four at the start (the ordinary burst), then 30 a second.
    expect(sent).toBeGreaterThanOrEqual(299);
    expect(sent).toBeLessThanOrEqual(304);
  });

  it('ordinary messages leave two tokens for the emergency numbers', () => {
    const saturated = sendAll(0, bot, PRIORITY.REPLY, T0).pace;
    expect(sendAll(saturated, bot, PRIORITY.REPLY, T0).sent).toBe(0);
    expect(sendAll(saturated, bot, PRIORITY.EMERGENCY, T0).sent).toBe(2);
  });

  it('after a 429 nothing goes before retry_after ends, emergency numbers first after it', () => {
    const paused = pauseUntil(spend(0, bot, T0), bot, T0 + 7_000);
    expect(earliestMs(paused, bot, PRIORITY.EMERGENCY, T0 + 6_999)).toBe(T0 + 7_000);
    expect(earliestMs(paused, bot, PRIORITY.REPLY, T0 + 7_000)).toBeGreaterThan(T0 + 7_000);
    // A second, shorter 429 does not shorten the pause.
    expect(pauseUntil(paused, bot, T0 + 1_000)).toBe(paused);
  });

  it('refuses rules that would send nothing or keep nothing for ordinary messages', () => {
    expect(checkRule(bot)).toBeNull();
    expect(checkRule({ perSecond: 0, burst: 1, reserved: 0 })).toMatch(/perSecond/);
    expect(checkRule({ perSecond: 30, burst: 2, reserved: 2 })).toMatch(/reserved/);
  });
});
