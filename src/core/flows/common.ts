// Small builders shared by every flow, so that flows read as the conversation they implement.
import type { Step } from '../conversation/state.js';
import type { Button, Effect, Reply, Text, TextParam } from '../conversation/types.js';
import type { Locale } from '../model.js';

/**
 * What a flow decides for one event: the next step, what to say, what the outside world must do,
 * and (only the language question) the language to speak from now on.
 */
export interface FlowOutcome {
  step: Step;
  replies: Reply[];
  effects: Effect[];
  locale?: Locale;
}

export function t(key: string, params?: Record<string, TextParam>): Text {
  return params ? { key, params } : { key };
}

export function say(key: string, params?: Record<string, TextParam>): Reply {
  return { text: t(key, params) };
}

export function button(key: string, value: string, params?: Record<string, TextParam>): Button {
  return { label: t(key, params), value };
}

export function ask(key: string, buttons: Button[][], params?: Record<string, TextParam>): Reply {
  return { text: t(key, params), buttons };
}

/** Lays buttons out in rows of `columns`. */
export function grid(buttons: Button[], columns = 2): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += columns) rows.push(buttons.slice(i, i + columns));
  return rows;
}

export function outcome(step: Step, replies: Reply[], effects: Effect[] = []): FlowOutcome {
  return { step, replies, effects };
}

/** The value after `prefix:` of a choice, or null when the choice belongs to something else. */
export function choiceArg(value: string, prefix: string): string | null {
  return value.startsWith(`${prefix}:`) ? value.slice(prefix.length + 1) : null;
}

export function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

// Typed answers to yes/no questions, for people who write instead of pressing a button.
const YES = new Set(['так', 'да', 'yes', 'ага', 'угу', 'є', 'есть', '+']);
const NO = new Set(['ні', 'нет', 'no', 'не', 'немає', 'нема', '-']);

export function parseYesNo(text: string): boolean | null {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[!.,)]+$/u, '');
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}

/** Length as a person counts it: emoji and letters with accents count once. */
export function charCount(text: string): number {
  return [...text].length;
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Re-asks a question after a wrong answer in ONE message: the explanation replaces the question's
 * text and keeps its buttons. Without a problem, the question is simply asked.
 */
export function retry(problem: Reply | undefined, question: Reply[]): Reply[] {
  const [only] = question;
  if (!problem) return question;
  if (question.length !== 1 || !only) return [problem, ...question];
  return [{ ...only, text: problem.text }];
}

/**
 * How long "Send" may take before a new message counts as "it never came back" (the process
 * stopped). Before that, a second tap on "Send" must not send the request twice.
 */
export const SUBMIT_TIMEOUT_MS = 60_000;

export function stillSubmitting(since: string | undefined, now: Date): boolean {
  const started = since ? Date.parse(since) : Number.NaN;
  return now.getTime() - started < SUBMIT_TIMEOUT_MS;
}
