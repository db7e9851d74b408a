// A long text pasted into Telegram arrives as several messages: the client cuts it at 4096
// characters and sends the parts one after another, within a second or two. Taken one by one, the
// first part is answered ("too long", or taken as the answer) and the next silently answers the
// question after it. So a long text is remembered until the next event; a text that follows it
// within a few seconds (by the messenger's own send time, or the injected clock) is joined to it
// and the pair is decided as one answer to the question the first part answered.
import type { ConversationState, Step, TextPart } from './state.js';
import type { Effect, FlowEvent } from './types.js';

/** Telegram's parts are 4096 UTF-16 units; a little less leaves room for trimmed whitespace. */
export const SPLIT_PART_MIN = 4000;
/** Parts of one paste arrive within a second or two; a person typing more takes far longer. */
export const SPLIT_WINDOW_MS = 5_000;

const sentAt = (event: FlowEvent, now: Date): Date =>
  event.type === 'text' && event.sentAt ? event.sentAt : now;

/** The earlier part joined with this one, and the step to decide them at; null if not a continuation. */
export function joinedWithPart(
  state: ConversationState,
  event: FlowEvent,
  now: Date,
): { event: FlowEvent; before: Step } | null {
  const { part } = state;
  if (!part || event.type !== 'text' || event.media) return null;
  const gap = sentAt(event, now).getTime() - Date.parse(part.at);
  if (!(gap >= 0 && gap <= SPLIT_WINDOW_MS)) return null;
  return { event: { ...event, text: `${part.text}\n${event.text}` }, before: part.before };
}

/**
 * What to remember after deciding `event` at `before`: a long text that changed nothing outside
 * (no request sent, nothing passed on), so that deciding it again with its continuation is safe.
 */
export function partToKeep(before: Step, event: FlowEvent, effects: Effect[], now: Date): TextPart | null {
  if (event.type !== 'text' || event.text.length < SPLIT_PART_MIN || effects.length > 0) return null;
  return { text: event.text, at: sentAt(event, now).toISOString(), before };
}
