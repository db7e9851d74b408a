// The rules of the per-chat limits, on a clock the test moves: what counts, when a window closes,
// when a chat is told and when it is not, and that a code is not looked up during a cool-down.
import { describe, expect, it } from 'vitest';
import { countUpdate, guarded } from '../../../../src/core/limits/guards.js';
import { type Counter, LIMIT_RULES, type LimitName, nextCount } from '../../../../src/core/limits/rules.js';
import type { ChatLimitStore } from '../../../../src/core/ports/index.js';

/** Storage's counting rule in memory (the database does the same in one statement). */
class MemoryLimits implements ChatLimitStore {
  readonly rows = new Map<string, Counter>();
  async count(handleId: string, rule: LimitName, now: Date, windowMs: number) {
    const next = nextCount(this.rows.get(`${handleId}/${rule}`), windowMs, now);
    this.rows.set(`${handleId}/${rule}`, next);
    return next;
  }
  async uncount(handleId: string, rule: LimitName) {
    const row = this.rows.get(`${handleId}/${rule}`);
    if (row && row.count > 0) row.count--;
  }
  async purgeExpired() {
    return 0;
  }
}

const start = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(start.getTime() + minutes * 60_000 + seconds * 1000);

describe('flood limits', () => {
  it('a person writing 15 messages a minute for an hour is never stopped', async () => {
    const limits = new MemoryLimits();
    const verdicts = new Set<string>();
    for (let minute = 0; minute < 60; minute++) {
      for (let i = 0; i < 4; i++) verdicts.add(await countUpdate(limits, 'olena', at(minute, i * 15)));
    }
    expect([...verdicts]).toEqual(['pass']);
  });

  it('a script is told once when it passes 30 a minute, then ignored until the minute is over', async () => {
    const limits = new MemoryLimits();
    const verdicts: string[] = [];
    for (let i = 0; i < 200; i++) verdicts.push(await countUpdate(limits, 'script', at(0, i * 0.25)));
    expect(verdicts.slice(0, 30)).toEqual(Array(30).fill('pass'));
    expect(verdicts[30]).toBe('warn');
    expect(new Set(verdicts.slice(31))).toEqual(new Set(['drop']));
    expect(await countUpdate(limits, 'script', at(1, 1))).toBe('pass');
  });

  it('at most 300 updates an hour are handled, however they are spread', async () => {
    const limits = new MemoryLimits();
    const counts = { pass: 0, warn: 0, drop: 0 };
    for (let minute = 0; minute < 60; minute++) {
      for (let i = 0; i < 30; i++) counts[await countUpdate(limits, 'steady-script', at(minute, i))]++;
    }
    expect(counts.pass).toBe(LIMIT_RULES.floodHour.max);
    expect(counts.warn).toBe(1);
    expect(counts.drop).toBe(60 * 30 - 301);
  });

  it('counts each chat on its own', async () => {
    const limits = new MemoryLimits();
    for (let i = 0; i < 40; i++) await countUpdate(limits, 'script', at(0, i));
    expect(await countUpdate(limits, 'olena', at(0, 41))).toBe('pass');
  });
});

describe('limits on guessing codes', () => {
  it('five wrong codes an hour are looked up; the sixth is not, even if it is right', async () => {
    const limits = new MemoryLimits();
    let lookUps = 0;
    const wrong = async () => {
      lookUps++;
      return null;
    };
    for (let i = 0; i < 5; i++) {
      expect(await guarded(limits, 'guesser', 'wrongCase', at(i), wrong)).toEqual({ kind: 'wrong' });
    }
    const right = async () => {
      lookUps++;
      return 'the case';
    };
    expect(await guarded(limits, 'guesser', 'wrongCase', at(10), right)).toEqual({
      kind: 'coolDown',
      minutes: 50,
    });
    expect(lookUps).toBe(5);
    // An hour after the first wrong try, the chat may try again.
    expect(await guarded(limits, 'guesser', 'wrongCase', at(60), right)).toEqual({
      kind: 'found',
      value: 'the case',
    });
  });

  it('right codes do not use up the allowance', async () => {
    const limits = new MemoryLimits();
    const right = async () => 'the case';
    for (let i = 0; i < 10; i++) await guarded(limits, 'specialist', 'wrongJoin', at(i), right);
    const wrong = async () => null;
    for (let i = 0; i < 5; i++) {
      expect((await guarded(limits, 'specialist', 'wrongJoin', at(20 + i), wrong)).kind).toBe('wrong');
    }
    expect((await guarded(limits, 'specialist', 'wrongJoin', at(30), right)).kind).toBe('coolDown');
  });

  it('wrong /case keys and wrong /join codes are counted apart', async () => {
    const limits = new MemoryLimits();
    for (let i = 0; i < 5; i++) await guarded(limits, 'chat', 'wrongCase', at(i), async () => null);
    expect((await guarded(limits, 'chat', 'wrongJoin', at(6), async () => 'ok')).kind).toBe('found');
  });
});
