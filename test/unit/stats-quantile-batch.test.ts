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
