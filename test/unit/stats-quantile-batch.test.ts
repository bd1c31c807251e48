import { describe, expect, it } from 'vitest';
import { QuantileSketch, upperBound } from '../../src/stats/quantile-sketch.js';

/** Batched adds keep the sketch's guarantees: exact while small, within the stated rank error after. */
function values(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = (s + 0.5) / 2 ** 32;
    out[i] = Math.log(u / (1 - u)) * 3 + (i % 7);
  }
  return out;
}

describe('QuantileSketch.addBatch', () => {
  it('is identical to one-by-one adds while the sketch is exact', () => {
    const xs = values(8_000, 1);
    const one = new QuantileSketch();
    const batched = new QuantileSketch();
    for (const x of xs) one.add(x);
    for (let i = 0; i < xs.length; i += 3_000) batched.addBatch(xs.subarray(i), Math.min(3_000, xs.length - i));
    expect(batched.exact).toBe(true);
    for (const q of [0, 0.01, 0.25, 0.5, 0.9, 1]) expect(batched.quantile(q)).toBe(one.quantile(q));
  });

  it('stays within its stated rank error on a million values in batches, and merges', () => {
    const xs = values(1_000_000, 2);
    const a = new QuantileSketch();
    const b = new QuantileSketch(200, 7);
    for (let i = 0; i < xs.length; i += 65_536) (i < 500_000 ? a : b).addBatch(xs.subarray(i), Math.min(65_536, xs.length - i));
    a.merge(b);
    const sorted = xs.slice().sort();
    expect(a.count).toBe(xs.length);
    expect(a.min).toBe(sorted[0]);
    expect(a.max).toBe(sorted.at(-1));
    const bound = a.rankError();
    expect(bound).toBeGreaterThan(0);
    expect(bound).toBeLessThan(0.03);
    let worst = 0;
    for (let q = 0.001; q < 1; q += 0.01) {
      const estimate = a.quantile(q);
      const trueRank = upperBound(sorted, estimate) / sorted.length;
      worst = Math.max(worst, Math.abs(trueRank - q));
      const x = sorted[Math.floor(q * sorted.length)]!;
      worst = Math.max(worst, Math.abs(a.rank(x) - upperBound(sorted, x) / sorted.length));
    }
    expect(worst).toBeLessThanOrEqual(bound);
  });
});

describe('QuantileSketch.addCounts', () => {
  /** n whole numbers in [0, distinct), skewed, with their counts. */
  function counted(n: number, distinct: number, seed: number): { xs: Float64Array; values: Float64Array; counts: Float64Array } {
    let s = seed >>> 0;
    const xs = new Float64Array(n);
    const counts = new Float64Array(distinct);
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const u = (s + 0.5) / 2 ** 32;
      const x = Math.floor(distinct * u * u);
      xs[i] = x;
      counts[x]!++;
    }
    // In an order other than sorted, as the counts of a column come.
    const values = Float64Array.from({ length: distinct }, (_, i) => (i * 7919) % distinct);
    return { xs, values, counts: values.map((v) => counts[v]!) };
  }

  /** sup over the distinct values x of |estimated rank(x) - true rank(x)|, as a fraction of n. */
  function supError(sketch: QuantileSketch, xs: Float64Array): number {
    const sorted = xs.slice().sort();
    let worst = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i + 1 < sorted.length && sorted[i + 1] === sorted[i]) continue;
      worst = Math.max(worst, Math.abs(sketch.rank(sorted[i]!) - (i + 1) / sorted.length));
    }
    return worst;
  }

  it('is the same as adding every copy while the sketch is exact', () => {
    const { xs, values, counts } = counted(9_000, 300, 3);
    const one = new QuantileSketch();
    for (const x of xs) one.add(x);
    const byCounts = new QuantileSketch();
    byCounts.addCounts(values, counts, values.length);
    expect(byCounts.exact).toBe(true);
    expect(byCounts.count).toBe(9_000);
    for (const q of [0, 0.01, 0.25, 0.5, 0.9, 0.999, 1]) expect(byCounts.quantile(q)).toBe(one.quantile(q));
  });

  it('past the exact phase: every count, min and max exact, within its stated rank error, and the bound no wider than batched adds give', () => {
    for (const [n, distinct] of [
      [1_000_000, 5],
      [1_000_000, 120],
      [1_000_000, 1_000],
      [30_000, 1_000],
    ] as const) {
      const { xs, values, counts } = counted(n, distinct, distinct);
      const byCounts = new QuantileSketch();
      byCounts.addCounts(values, counts, values.length);
      const batched = new QuantileSketch();
      for (let i = 0; i < xs.length; i += 65_536) batched.addBatch(xs.subarray(i), Math.min(65_536, xs.length - i));
      expect(byCounts.count).toBe(n);
      expect([byCounts.min, byCounts.max]).toEqual([batched.min, batched.max]);
      const bound = byCounts.rankError();
      expect(supError(byCounts, xs), `${distinct} distinct`).toBeLessThanOrEqual(bound);
      expect(bound, `${distinct} distinct`).toBeLessThanOrEqual(batched.rankError());
      // More values afterwards and a merge keep the guarantee.
      byCounts.addBatch(xs, xs.length);
      const doubled = new Float64Array(2 * n);
      doubled.set(xs);
      doubled.set(xs, n);
      expect(byCounts.count).toBe(2 * n);
      expect(supError(byCounts, doubled)).toBeLessThanOrEqual(byCounts.rankError());
    }
  });

  it('a few values with big counts are kept exactly, and bad counts are refused', () => {
    const sketch = new QuantileSketch();
    sketch.addCounts(Float64Array.of(3, 1, 2), Float64Array.of(400_000, 250_000, 350_001), 3);
    expect(sketch.exact).toBe(false);
    expect(sketch.rankError()).toBe(0);
    expect([sketch.rank(1), sketch.rank(2), sketch.rank(3)]).toEqual([250_000 / 1_000_001, 600_001 / 1_000_001, 1]);
    expect(() => sketch.addCounts(Float64Array.of(1), Float64Array.of(0.5), 1)).toThrow(/whole numbers/);
  });
});
