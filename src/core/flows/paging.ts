// Long lists (districts, hromadas) as pages of buttons: messengers show a dozen buttons well, not sixty.
import type { Button } from '../conversation/types.js';
import { button, grid } from './common.js';

export const PAGE_SIZE = 12;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** One page of `items` in two columns, with "previous"/"more" buttons (value `page:N`) when needed. */
export function pagedGrid(items: Button[], page: number): Button[][] {
  const last = pageCount(items.length) - 1;
  const current = Math.min(Math.max(page, 0), last);
  const rows = grid(items.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE));
  const nav: Button[] = [];
  if (current > 0) nav.push(button('common.prevPage', `page:${current - 1}`));
  if (current < last) nav.push(button('common.nextPage', `page:${current + 1}`));
  return nav.length > 0 ? [...rows, nav] : rows;
}

/** The page number of a `page:N` choice, or null. */
export function parsePage(value: string): number | null {
  const match = /^page:(\d{1,3})$/.exec(value);
  return match ? Number(match[1]) : null;
}
