// Turns zod's issues for one row into RowErrors that name the row and the column.
import type { z } from 'zod';
import { err, ok, type Result } from '../core/result.js';
import { type RowError, type RowLocation, rowError } from './row-error.js';

/** The id as written, so errors can say "row 7 (dn-csss-lyman)" even when the row is invalid. */
export function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as Record<string, unknown>).id;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function issuesToRowErrors(
  issues: readonly z.core.$ZodIssue[],
  raw: Record<string, unknown>,
  at: RowLocation,
): RowError[] {
  const errors: RowError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push(rowError(at, key, 'unknown field'));
      continue;
    }
    const [column, index] = issue.path;
    if (column === undefined) {
      errors.push(rowError(at, null, issue.message));
      continue;
    }
    const item = typeof index === 'number' ? `item ${index + 1}: ` : '';
    // Say "is required" for an empty required field, rather than "must be text" or "must be a number".
    const missing = issue.code === 'invalid_type' && index === undefined && isBlank(raw[String(column)]);
    errors.push(rowError(at, String(column), missing ? 'is required' : `${item}${issue.message}`));
  }
  return errors;
}

export function validateRow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  at: RowLocation,
): Result<z.output<S>, RowError[]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err([rowError(at, null, 'must be an object with the row fields')]);
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? ok(parsed.data)
    : err(issuesToRowErrors(parsed.error.issues, raw as Record<string, unknown>, at));
}
