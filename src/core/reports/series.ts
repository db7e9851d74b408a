// Requests received over time: the database's UTC hours gathered into local days, weeks or months,
// every bucket of the period present (a chart needs its zeros).
import { bucketOf, bucketsOf, type Granularity, localDayOfHour, type Period } from './period.js';

export interface SeriesPoint {
  /** YYYY-MM-DD (a day, or the Monday of a week) or YYYY-MM. */
  bucket: string;
  concerns: number;
  consultations: number;
}

export function seriesOf(
  period: Period,
  granularity: Granularity,
  hours: readonly { hour: string; kind: string; count: number }[],
): SeriesPoint[] {
  const points = new Map<string, SeriesPoint>(
    bucketsOf(period, granularity).map((bucket) => [bucket, { bucket, concerns: 0, consultations: 0 }]),
  );
  const dayOf = localDayOfHour(period);
  for (const { hour, kind, count } of hours) {
    const point = points.get(bucketOf(dayOf(hour), granularity));
    if (!point) continue; // cannot happen for hours inside the period; never invent a bucket
    if (kind === 'CONCERN') point.concerns += count;
    else point.consultations += count;
  }
  return [...points.values()];
}
