// Which waiting messages go in one round: by priority, then oldest first, within the bot's and each
// chat's bucket, and never more than the sends that may be in flight.
import { describe, expect, it } from 'vitest';
import { deliveryRules } from '../../../../src/core/delivery/limits.js';
import { spend } from '../../../../src/core/delivery/pacing.js';
import { type Candidate, planRound } from '../../../../src/core/delivery/plan.js';
import { PRIORITY, type Priority } from '../../../../src/core/delivery/priority.js';

const T0 = 1_800_000_000_000;
const rules = deliveryRules({ botPerSecond: 30, chatPerSecond: 1 });

const entry = (id: string, priority: Priority, ageMs: number, chat = id): Candidate => ({
  id,
  chat,
  priority,
  createdAtMs: T0 - ageMs,
  chatPace: 0,
});

const plan = (candidates: Candidate[], bot = 0, slots = 10) =>
  planRound({ nowMs: T0, bot, botRule: rules.bot, chatRule: rules.chat, candidates, slots });

describe('a dispatcher round', () => {
  it('emergency numbers, then replies, then staff notices, then bulk; oldest first within each', () => {
    let waiting = [
      entry('bulk', PRIORITY.BULK, 9_000),
      entry('staff', PRIORITY.STAFF, 8_000),
      entry('reply-new', PRIORITY.REPLY, 1_000),
      entry('emergency', PRIORITY.EMERGENCY, 10),
      entry('reply-old', PRIORITY.REPLY, 5_000),
    ];
    const order: string[] = [];
    let bot = 0;
    // One send in flight at a time, a round every 10 ms.
    for (let now = T0; waiting.length > 0 && now < T0 + 1_000; now += 10) {
      const round = planRound({
        nowMs: now,
        bot,
        botRule: rules.bot,
        chatRule: rules.chat,
        candidates: waiting,
        slots: 1,
      });
      bot = round.bot;
      order.push(...round.picked.map((c) => c.id));
      waiting = waiting.filter((c) => !round.picked.includes(c));
    }
    expect(order).toEqual(['emergency', 'reply-old', 'reply-new', 'staff', 'bulk']);
  });

  it('emergency numbers go at once even when ordinary messages have used up the bot', () => {
    let bot = 0;
    for (let i = 0; i < 4; i++) bot = spend(bot, rules.bot, T0);
    const round = plan(
      [entry('reply', PRIORITY.REPLY, 5_000), entry('emergency', PRIORITY.EMERGENCY, 0)],
      bot,
    );
    expect(round.picked.map((c) => c.id)).toEqual(['emergency']);
    expect(round.nextAtMs).toBeGreaterThan(T0);
  });

  it('a chat that has just been written to waits, and others go meanwhile', () => {
    let busy = 0;
    for (let i = 0; i < 3; i++) busy = spend(busy, rules.chat, T0);
    const round = plan([
      { ...entry('busy', PRIORITY.REPLY, 9_000), chatPace: busy },
      entry('quiet', PRIORITY.REPLY, 1),
    ]);
    expect(round.picked.map((c) => c.id)).toEqual(['quiet']);
    expect(round.nextAtMs).toBe(T0 + 1000);
  });

  it('never starts more sends than slots are free', () => {
    const many = Array.from({ length: 5 }, (_, i) => entry(`e${i}`, PRIORITY.EMERGENCY, i));
    expect(plan(many, 0, 1).picked).toHaveLength(1);
  });

  it('two entries of one chat in a round share its bucket', () => {
    const round = plan([
      entry('numbers', PRIORITY.EMERGENCY, 0, 'olena'),
      entry('question', PRIORITY.REPLY, 1_000, 'olena'),
    ]);
    expect(round.picked.map((c) => c.id)).toEqual(['numbers', 'question']);
    expect(round.chats.get('olena')).toBe(T0 + 2_000);
  });
});
