// Stories as plain event lists, shared by the engine and state tests.
import type { FlowEvent } from '../../../../src/core/conversation/types.js';

const choice = (value: string): FlowEvent => ({ type: 'choice', value });
const text = (t: string): FlowEvent => ({ type: 'text', text: t });

export const CONCERN_STORY: FlowEvent[] = [
  { type: 'start' },
  choice('lang:uk'),
  choice('menu:concern'),
  choice('cat:VIOLENCE'),
  choice('danger:yes'),
  text('Краматорськ'),
  text('Батько б’є сина-підлітка, сусіди чують крики щоночі.'),
  choice('contact:anon'),
  choice('summary:send'),
];
