// Checks of what people type, with the localized answer that explains what to fix.
import type { Reply } from '../conversation/types.js';
import { err, ok, type Result } from '../result.js';
import { charCount, say } from './common.js';

export interface Limits {
  min: number;
  max: number;
}

/** A concern needs enough words for a specialist to act; 2000 characters keep it one screen-ish. */
export const CONCERN_DESCRIPTION: Limits = { min: 10, max: 2000 };
export const CONSULTATION_DESCRIPTION: Limits = { min: 10, max: 1000 };
export const ADDED_INFORMATION: Limits = { min: 1, max: 2000 };
// Minimums of 5 or more also keep "N символів" grammatical in both languages.
export const TIME_NOTE: Limits = { min: 5, max: 200 };

/** Trimmed text within limits, or the reply that says it is too short or too long. */
export function checkLength(text: string, limits: Limits): Result<string, Reply> {
  const value = text.trim();
  const length = charCount(value);
  if (length === 0) return err(say('errors.empty'));
  if (length < limits.min) return err(say('errors.tooShort', { min: limits.min }));
  if (length > limits.max) return err(say('errors.tooLong', { max: limits.max, length }));
  return ok(value);
}

/**
 * A Ukrainian phone number in E.164 (+380XXXXXXXXX), or null. Accepts how people write it:
 * +380 67 123 45 67, 380671234567, 067-123-45-67, (067) 123 45 67 and the old 8 067 ...
 * The digit after the trunk 0 is an area or operator code, never 0, 1 or 2.
 */
export function parseUkrainianPhone(text: string): string | null {
  const compact = text.trim().replace(/[\s().-]/g, '');
  const match = /^(?:\+?38|8)?0([3-9]\d{8})$/.exec(compact);
  return match ? `+380${match[1]}` : null;
}

/** Does the text look like an attempt at a phone number (mostly digits)? */
export function looksLikePhone(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return digits >= 7 && digits >= text.replace(/\s/g, '').length * 0.7;
}
