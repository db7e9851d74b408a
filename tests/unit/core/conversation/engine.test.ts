// The engine as a pure function: a story as a list of events, checked without any storage.
import { describe, expect, it } from 'vitest';
import { type EngineContext, transition } from '../../../../src/core/conversation/engine.js';
import { type ConversationState, initialState } from '../../../../src/core/conversation/state.js';
import type { Effect, FlowEvent, Reply } from '../../../../src/core/conversation/types.js';
import { bundledDirectory } from '../flows/directory.js';
import { CONCERN_STORY } from './stories.js';

const env: EngineContext = { directory: bundledDirectory(), now: new Date('2025-11-20T10:00:00Z') };
const choice = (value: string): FlowEvent => ({ type: 'choice', value });

function play(events: FlowEvent[], state = initialState()) {
  const steps: { state: ConversationState; replies: Reply[]; effects: Effect[] }[] = [];
  for (const event of events) {
    const next = transition(state, event, env);
    steps.push(next);
    state = next.state;
  }
  return steps;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('the conversation engine', () => {
  it('asks for nothing from outside until "Send", then for exactly one urgent submitRequest', () => {
    const steps = play(CONCERN_STORY);
    expect(steps.slice(0, -1).flatMap((s) => s.effects)).toEqual([]);
    expect(steps.at(-1)?.effects).toEqual([
      {
        type: 'submitRequest',
        draft: {
          kind: 'CONCERN',
          category: 'VIOLENCE',
          urgency: 'URGENT',
          centreId: 'dn-csss-kramatorsk',
          language: 'uk',
          unitId: 'donetska/kramatorskyi/kramatorsk',
          approxLocation: null,
          description: 'Батько б’є сина-підлітка, сусіди чують крики щоночі.',
          contactPhone: null,
          contactPreference: null,
        },
      },
    ]);
  });

  it('answers "yes, danger now" with the emergency numbers first and marks the draft urgent at once', () => {
    const afterYes = play(CONCERN_STORY.slice(0, 5)).at(-1);
    expect(afterYes?.replies[0]?.text.key).toBe('concern.dangerNow');
    expect(afterYes?.state.step).toMatchObject({ flow: 'concern', at: 'place', draft: { urgent: true } });
  });

  it('is pure: the same state and event give the same answer, and the given state is never changed', () => {
    let state = initialState();
    for (const event of CONCERN_STORY) {
      const frozen = deepFreeze(structuredClone(state));
      const first = transition(frozen, event, env);
      expect(transition(frozen, event, env)).toEqual(first);
      state = first.state;
    }
  });

  it('confirms a sent request whatever the person did meanwhile (the case code must reach them)', () => {
    const atMenu = play(CONCERN_STORY.slice(0, 2)).at(-1)?.state ?? initialState();
    const late = transition(
      atMenu,
      {
        type: 'submitted',
        caseCode: 'K7-4QX',
        continuationSecret: 'ABCD-EFGH-JKMN-PQRS',
        kind: 'CONCERN',
        urgency: 'NORMAL',
        centreId: 'dn-csss-lyman',
      },
      env,
    );
    expect(late.replies.map((r) => r.text.key)).toEqual([
      'submitted.concern',
      'submitted.secret',
      'menu.prompt',
    ]);
    expect(late.replies[0]?.text.params).toMatchObject({
      code: 'K7-4QX',
      centre: 'Лиманський міський центр соціальних служб',
    });
  });

  it('keeps every button value within Telegram’s 64-byte callback limit, over the whole bundled directory', () => {
    const values: string[] = [];
    const collect = (replies: Reply[]) => {
      for (const r of replies) for (const row of r.buttons ?? []) for (const b of row) values.push(b.value);
    };
    const atPlace = play(CONCERN_STORY.slice(0, 5)).at(-1)?.state ?? initialState();
    for (const district of env.directory.units.filter((u) => u.level === 'DISTRICT')) {
      const next = transition(atPlace, choice(`unit:${district.id}`), env);
      collect(next.replies);
      for (const page of [1, 2]) collect(transition(next.state, choice(`page:${page}`), env).replies);
    }
    expect(values.length).toBeGreaterThan(60);
    for (const value of values) expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(64);
  });
});
