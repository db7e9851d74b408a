import { describe, expect, it } from 'vitest';
import { type EngineContext, transition } from '../../../../src/core/conversation/engine.js';
import {
  type ConversationState,
  initialState,
  restoreState,
  serializeState,
} from '../../../../src/core/conversation/state.js';
import type { FlowEvent } from '../../../../src/core/conversation/types.js';
import { bundledDirectory } from '../flows/directory.js';
import { CONCERN_STORY } from './stories.js';

const env: EngineContext = { directory: bundledDirectory(), now: new Date('2025-11-20T10:00:00Z') };
const choice = (value: string): FlowEvent => ({ type: 'choice', value });
const text = (t: string): FlowEvent => ({ type: 'text', text: t });

const CONSULTATION_STORY: FlowEvent[] = [
  { type: 'start' },
  choice('lang:ru'),
  choice('menu:consultation'),
  choice('topic:LEGAL'),
  choice('unit:donetska/pokrovskyi'),
  choice('page:0'),
  text('Родинське'),
  text('Нужна помощь с оформлением опеки над внуком.'),
  choice('way:PHONE'),
  text('0671234567'),
  choice('time:EVENING'),
  choice('summary:edit'),
  choice('edit:time'),
  text('по субботам'),
  { type: 'command', name: 'language', args: '' },
  choice('lang:uk'),
  choice('summary:send'),
];

describe('a conversation state stored mid-flow', () => {
  it.each([
    ['a concern', CONCERN_STORY],
    ['a consultation, with a language switch', CONSULTATION_STORY],
  ])('survives a JSON round trip at every step of %s and continues exactly the same', (_, story) => {
    let state: ConversationState = initialState();
    for (const event of story) {
      const restored = restoreState(serializeState(state));
      expect(restored.reset).toBe(false);
      expect(restored.state).toEqual(JSON.parse(JSON.stringify(state)));
      const direct = transition(state, event, env);
      const resumed = transition(restored.state, event, env);
      expect(resumed.replies).toEqual(direct.replies);
      expect(resumed.effects).toEqual(direct.effects);
      state = direct.state;
    }
    expect(state.step).toMatchObject({ at: 'submitting' });
  });

  it('is versioned, so a new release can tell what it reads', () => {
    expect(JSON.parse(serializeState(initialState()))).toMatchObject({ v: 1, locale: null });
  });

  it('starts a chat with no stored state afresh, without calling it a reset', () => {
    expect(restoreState(null)).toEqual({ state: initialState(), reset: false });
  });

  it.each([
    ['unreadable JSON', '{"v":1,', null],
    ['an unknown version', JSON.stringify({ v: 99, locale: 'ru', step: { flow: 'menu' } }), 'ru'],
    [
      'a step this release does not know',
      JSON.stringify({ v: 1, locale: 'uk', step: { flow: 'quiz' } }),
      'uk',
    ],
    [
      'a damaged draft',
      JSON.stringify({ v: 1, locale: 'ru', step: { flow: 'concern', at: 'summary' } }),
      'ru',
    ],
    ['not an object at all', '"hello"', null],
  ])('resets %s to the menu, keeping the language when it can be read', (_, stored, locale) => {
    const restored = restoreState(stored);
    expect(restored.reset).toBe(true);
    expect(restored.state).toEqual({ v: 1, locale, step: { flow: 'menu' } });
  });
});
