// The writer decides the priority: a conversation step that starts with the emergency numbers sends
// them as their own entry, ahead of any backlog; the rest keeps its order.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../../src/core/conversation/types.js';
import { conversationParts, PRIORITY } from '../../../../src/core/delivery/priority.js';

const say = (key: string, emergency?: boolean): Reply => ({ text: { key }, ...(emergency && { emergency }) });

describe('conversation replies as outbox entries', () => {
  it('the numbers said first become an EMERGENCY entry, the next question a REPLY entry', () => {
    const parts = conversationParts([say('concern.dangerNow', true), say('concern.askPlace')]);
    expect(parts.map((p) => [p.priority, p.messages.map((m) => m.text.key)])).toEqual([
      [PRIORITY.EMERGENCY, ['concern.dangerNow']],
      [PRIORITY.REPLY, ['concern.askPlace']],
    ]);
  });

  it('numbers repeated inside a confirmation stay in their place, in one REPLY entry', () => {
    const replies = [say('submitted.concern'), say('submitted.urgent', true), say('menu.prompt')];
    expect(conversationParts(replies)).toEqual([{ priority: PRIORITY.REPLY, messages: replies }]);
  });

  it('no replies, no entries', () => {
    expect(conversationParts([])).toEqual([]);
  });
});
