// Which cases are reports about a child (and so carry deadlines), and checks of category codes.
import type { CaseView } from '../model.js';
import { CASE_CATEGORY_CODES, type CaseFields, topOf } from './model.js';

export const isCaseCategory = (value: string): boolean => CASE_CATEGORY_CODES.includes(value);

/**
 * A concern (a report about a child) has deadlines; a consultation does not. The specialist's
 * category overrides the kind the reporter chose: a "consultation" that turns out to be violence
 * is a concern from then on.
 */
export function isConcern(
  request: Pick<CaseView, 'kind'>,
  fields: Pick<CaseFields, 'caseCategory'>,
): boolean {
  if (fields.caseCategory) return topOf(fields.caseCategory) !== 'CONSULTATION';
  return request.kind === 'CONCERN';
}
