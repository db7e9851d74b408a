// Requests received over time: the database's local days gathered into weeks or months, every
// bucket of the period present (a chart needs its zeros).
import type { DayCount } from './model.js';
import { bucketOf, bucketsOf, type Granularity, type Period } from './period.js';

export interface SeriesPoint {
  /** YYYY-MM-DD (a day, or the Monday of a week) or YYYY-MM. */
  bucket: string;
  concerns: number;
  consultations: number;
}

export function seriesOf(period: Period, granularity: Granularity, days: readonly DayCount[]): SeriesPoint[] {
  const points = new Map<string, SeriesPoint>(
    bucketsOf(period, granularity).map((bucket) => [bucket, { bucket, concerns: 0, consultations: 0 }]),
  );
  for (const { day, concerns, consultations } of days) {
    const point = points.get(bucketOf(day, granularity));
    if (!point) continue; // cannot happen for days of the period; never invent a bucket
    point.concerns += concerns;
    point.consultations += consultations;
  }
  return [...points.values()];
}
