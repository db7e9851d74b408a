// The percentile rule of every reaction-time figure: nearest rank. The P-th percentile of n sorted
// durations is the one at rank ceil(n × P / 100) (ranks from 1). It is always a real request's time,
// and it reads the way a centre head says it: "half of the requests were taken within X" (P = 50),
// "nine in ten within Y" (P = 90). With an even count the median is the lower middle value, not an
// average of two. The SQL in src/storage computes the same rank with integers: (n × P + 99) / 100.

export const MEDIAN = 50;
export const P90 = 90;

/** The 1-based rank of the P-th percentile among n values (n ≥ 1). */
export function percentileRank(n: number, p: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`percentile of ${n} values`);
  if (!Number.isInteger(p) || p < 1 || p > 100) throw new Error(`percentile ${p} is not 1..100`);
  return Math.ceil((n * p) / 100);
}

/** The P-th percentile of values (any order); null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[percentileRank(sorted.length, p) - 1] ?? null;
}
