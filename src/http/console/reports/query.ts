// The statistics pages' address: the period and the roll-up's sort order are GET parameters, so a
// page can be bookmarked or sent to a colleague as a link. Anything malformed is answered with the
// page and a message in the reader's language, never a stack trace.
import { z } from 'zod';
import type { Clock } from '../../../core/ports.js';
import type { Period } from '../../../core/reports/period.js';
import { type PeriodProblem, PRESETS, type Preset, pickPeriod } from '../../../core/reports/presets.js';

const day = z.string().trim().max(10);

const querySchema = z.object({
  period: z.enum(PRESETS).optional(),
  from: day.optional(),
  to: day.optional(),
  /** "name" or the index of a cell column of the centres table. */
  sort: z
    .string()
    .regex(/^(name|\d{1,2})$/)
    .optional()
    .catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
});

export interface Sort {
  by: 'name' | number;
  descending: boolean;
}

export interface PeriodQuery {
  preset: Preset;
  /** What the form shows: the chosen period's days, or what was typed when it was refused. */
  from: string;
  to: string;
  period: Period | null;
  problem: PeriodProblem | null;
  sort: Sort | null;
}

/** The period asked for: a preset, custom days (`from`/`to` alone mean custom), this month by default. */
export function parsePeriodQuery(query: unknown, clock: Clock): PeriodQuery {
  const parsed = querySchema.safeParse(query ?? {});
  if (!parsed.success) {
    // Only `period` can fail here (sort and dir fall back): an unknown preset is a bad period.
    return { preset: 'custom', from: '', to: '', period: null, problem: 'notADate', sort: null };
  }
  const q = parsed.data;
  const preset: Preset = q.period ?? (q.from || q.to ? 'custom' : 'month');
  const sort: Sort | null = q.sort
    ? { by: q.sort === 'name' ? 'name' : Number(q.sort), descending: q.dir === 'desc' }
    : null;
  const picked = pickPeriod(clock, preset, { firstDay: q.from, lastDay: q.to });
  if (!picked.ok) {
    return { preset, from: q.from ?? '', to: q.to ?? '', period: null, problem: picked.problem, sort };
  }
  const { period } = picked;
  return { preset, from: period.firstDay, to: period.lastDay, period, problem: null, sort };
}

/** The query string of a period (for CSV links and sort links): presets by name, custom by days. */
export function periodSearch(q: Pick<PeriodQuery, 'preset' | 'from' | 'to'>, sort?: Sort | null): string {
  const params = new URLSearchParams({ period: q.preset });
  if (q.preset === 'custom') {
    params.set('from', q.from);
    params.set('to', q.to);
  }
  if (sort) {
    params.set('sort', String(sort.by));
    params.set('dir', sort.descending ? 'desc' : 'asc');
  }
  return params.toString();
}
