// "Half of the requests were taken within ..., nine in ten within ...": the nearest-rank rule.
import { describe, expect, it } from 'vitest';
import { percentile, percentileRank } from '../../../../src/core/reports/percentile.js';

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ceil(n × P / 100)', () => {
    expect(percentileRank(7, 50)).toBe(4); // ceil(3.5)
    expect(percentileRank(7, 90)).toBe(7); // ceil(6.3)
    expect(percentileRank(10, 90)).toBe(9);
    expect(percentileRank(1, 90)).toBe(1);
  });

  it('agrees with the integer form the SQL uses, (n × P + 99) / 100, for every n up to 1000', () => {
    for (let n = 1; n <= 1000; n++) {
      for (const p of [50, 90]) expect(percentileRank(n, p)).toBe(Math.floor((n * p + 99) / 100));
    }
  });

  it('gives the lower middle value for an even count: always a real request time, never an average', () => {
    expect(percentile([40, 10, 30, 20], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40, 50, 60, 600], 50)).toBe(40);
    expect(percentile([10, 20, 30, 40, 50, 60, 600], 90)).toBe(600);
    expect(percentile([], 50)).toBeNull();
  });
});
