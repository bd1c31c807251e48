import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QuantileSketch, upperBound } from '../../src/stats/quantile-sketch.js';
import { makeTempDir } from '../support/tmp.js';
import { expectClose, makeNormal, makeRandom, python, writeFloat64 } from './stats-reference.js';

const tmp = makeTempDir('stats-quantile-');
afterAll(() => tmp.remove());

const QS = [0, 0.001, 0.01, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.6180339887, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

function sketchOf(values: Float64Array, k?: number, seed?: number): QuantileSketch {
  const sketch = new QuantileSketch(k, seed);
  for (let i = 0; i < values.length; i++) sketch.add(values[i]!);
  return sketch;
}

/** sup over x of |sketch rank(x) - true rank(x)|, over every value of the data (where the true ECDF steps). */
function supRankError(sketch: QuantileSketch, sortedData: Float64Array): number {
  const { values, weights } = sketch.weightedValues();
  const n = sortedData.length;
  let worst = 0;
  let j = 0;
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    const x = sortedData[i]!;
    if (i + 1 < n && sortedData[i + 1] === x) continue;
    while (j < values.length && values[j]! <= x) cumulative += weights[j++]!;
    worst = Math.max(worst, Math.abs(cumulative - (i + 1)) / n);
  }
  return worst;
}

describe('QuantileSketch, exact phase', () => {
  const normal = makeNormal(11);
  // Rounded values give ties, which is where interpolation and ranks go wrong first.
  const values = Float64Array.from({ length: 10_000 }, () => Math.round(normal() * 40) / 8);
  const file = writeFloat64(path.join(tmp.root, 'exact.bin'), values);
  const probes = [-10, -1.3, -0.125, 0, 0.125, 0.5, 2.25, 10];
  const ref = python<{ quantiles: number[]; ranks: number[]; sorted: number[] }>(
    `
x = np.fromfile(data['file'])
emit(dict(quantiles=np.quantile(x, data['qs']), ranks=np.searchsorted(np.sort(x), data['probes'], side='right') / len(x), sorted=np.sort(x)))
`,
    { file, qs: QS, probes },
  );

  it('keeps every value up to 50·k of them and then quantile() equals np.quantile (linear)', () => {
    const sketch = sketchOf(values);
    expect(sketch.exact).toBe(true);
    expect(sketch.rankError()).toBe(0);
    expect(sketch.count).toBe(values.length);
    QS.forEach((q, i) => expectClose(sketch.quantile(q), ref.quantiles[i]!, `quantile(${q})`, 1e-12));
    probes.forEach((x, i) => expect(sketch.rank(x)).toBe(ref.ranks[i]));
    probes.forEach((x, i) => expect(upperBound(ref.sorted, x) / values.length).toBe(ref.ranks[i]));
    const { values: kept, weights } = sketch.weightedValues();
    // -0 and 0 are equal values; numpy and TypedArray sorts order them differently.
    const plain = (x: number): number => (x === 0 ? 0 : x);
    expect(Array.from(kept, plain)).toEqual(ref.sorted.map(plain));
    expect(weights.every((w) => w === 1)).toBe(true);
    expect(sketch.min).toBe(ref.sorted[0]);
    expect(sketch.max).toBe(ref.sorted[ref.sorted.length - 1]);
  });

  it('merging exact sketches stays exact while the union fits, and equals np.quantile of the union', () => {
    const a = sketchOf(values.subarray(0, 3000));
    const b = sketchOf(values.subarray(3000, 7000));
    const c = sketchOf(values.subarray(7000));
    a.merge(b);
    a.merge(c);
    a.merge(new QuantileSketch());
    expect(a.exact).toBe(true);
    QS.forEach((q, i) => expectClose(a.quantile(q), ref.quantiles[i]!, `merged quantile(${q})`, 1e-12));
  });

  it('interleaving add() with queries does not disturb later answers', () => {
    const sketch = new QuantileSketch();
    for (let i = 0; i < values.length; i++) {
      sketch.add(values[i]!);
      if (i % 2500 === 0) sketch.quantile(0.5);
    }
    QS.forEach((q, i) => expectClose(sketch.quantile(q), ref.quantiles[i]!, `quantile(${q})`, 1e-12));
  });

  it('answers NaN when empty and rejects q outside [0, 1]', () => {
    const empty = new QuantileSketch();
    expect(empty.quantile(0.5)).toBeNaN();
    expect(empty.rank(0)).toBeNaN();
    expect(empty.min).toBeNaN();
    expect(() => sketchOf(values).quantile(1.5)).toThrow(RangeError);
    expect(() => new QuantileSketch(3)).toThrow(RangeError);
  });
});

describe('QuantileSketch, sketch phase', () => {
  const n = 1_000_000;
  const normal = makeNormal(12);
  const uniform = makeRandom(13);
  // A mixture with a point mass: a normal bulk, a far lognormal tail, and 10% exact zeros.
  const values = Float64Array.from({ length: n }, () => {
    const u = uniform();
    if (u < 0.1) return 0;
    if (u < 0.2) return Math.exp(2 + normal());
    return normal();
  });
  const sorted = Float64Array.from(values).sort();
  const file = writeFloat64(path.join(tmp.root, 'sketch.bin'), values);

  it('stays within its stated rank error everywhere, and its quantiles have true ranks within the bound (numpy)', () => {
    const sketch = sketchOf(values);
    expect(sketch.exact).toBe(false);
    expect(sketch.count).toBe(n);
    const bound = sketch.rankError();
    expect(bound).toBeGreaterThan(0);
    expect(bound).toBeLessThan(0.03);
    expect(sketch.weightedValues().values.length).toBeLessThan(1000);
    expect(supRankError(sketch, sorted)).toBeLessThanOrEqual(bound);

    const estimates = QS.map((q) => sketch.quantile(q));
    const ranks = python<{ below: number[]; atOrBelow: number[]; min: number; max: number }>(
      `
x = np.sort(np.fromfile(data['file']))
v = np.array(data['v'])
emit(dict(below=np.searchsorted(x, v, side='left') / len(x), atOrBelow=np.searchsorted(x, v, side='right') / len(x), min=x[0], max=x[-1]))
`,
      { file, v: estimates },
    );
    expect(sketch.min).toBe(ranks.min);
    expect(sketch.max).toBe(ranks.max);
    QS.forEach((q, i) => {
      // The true rank of the returned value is an interval when it repeats (the zeros): q must be near it.
      const low = ranks.below[i]!;
      const high = ranks.atOrBelow[i]!;
      const distance = q < low ? low - q : q > high ? q - high : 0;
      expect(distance, `quantile(${q}) = ${estimates[i]} has true rank [${low}, ${high}]`).toBeLessThanOrEqual(bound + 1 / n);
    });
  });

  it('is deterministic for a seed, and another seed gives another sketch within its own bound', () => {
    const a = sketchOf(values.subarray(0, 200_000), 200, 5);
    const b = sketchOf(values.subarray(0, 200_000), 200, 5);
    const c = sketchOf(values.subarray(0, 200_000), 200, 6);
    expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(b.toJSON()));
    expect(JSON.stringify(c.toJSON())).not.toBe(JSON.stringify(a.toJSON()));
    const head = Float64Array.from(values.subarray(0, 200_000)).sort();
    expect(supRankError(c, head)).toBeLessThanOrEqual(c.rankError());
  });

  it('merges shards (different seeds, one of them still exact) into a sketch within the merged bound', () => {
    const cuts = [0, 400_000, 405_000, 700_000, n];
    const shards = cuts.slice(1).map((end, i) => sketchOf(values.subarray(cuts[i]!, end), 200, 100 + i));
    expect(shards[1]!.exact).toBe(true);
    const merged = new QuantileSketch(200, 99);
    for (const shard of shards) merged.merge(shard);
    expect(merged.count).toBe(n);
    expect(merged.exact).toBe(false);
    expect(merged.min).toBe(sorted[0]);
    expect(merged.max).toBe(sorted[n - 1]);
    const total = merged.weightedValues().weights.reduce((s, w) => s + w, 0);
    expect(total).toBe(n);
    expect(supRankError(merged, sorted)).toBeLessThanOrEqual(merged.rankError());
    // Same-seed shards: the bound adds their errors linearly, so it is larger.
    const sameSeed = new QuantileSketch(200, 7);
    for (let i = 0; i < 4; i++) sameSeed.merge(sketchOf(values.subarray(i * 250_000, (i + 1) * 250_000), 200, 7));
    expect(sameSeed.rankError()).toBeGreaterThan(merged.rankError());
    expect(supRankError(sameSeed, sorted)).toBeLessThanOrEqual(sameSeed.rankError());
  });

  it('round-trips through JSON and then keeps flipping the same coins', () => {
    const original = sketchOf(values.subarray(0, 300_000), 100, 3);
    const restored = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(original.toJSON())) as ReturnType<QuantileSketch['toJSON']>);
    for (const q of QS) expect(restored.quantile(q)).toBe(original.quantile(q));
    expect(restored.rankError()).toBe(original.rankError());
    for (let i = 300_000; i < 500_000; i++) {
      original.add(values[i]!);
      restored.add(values[i]!);
    }
    expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(original.toJSON()));
    const exact = sketchOf(values.subarray(0, 100));
    const exactRestored = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(exact.toJSON())) as ReturnType<QuantileSketch['toJSON']>);
    expect(exactRestored.exact).toBe(true);
    expect(exactRestored.quantile(0.3)).toBe(exact.quantile(0.3));
  });

  it('the error check is not vacuous: a sketch of slightly shifted data breaks the bound', () => {
    const shifted = new QuantileSketch();
    for (let i = 0; i < n; i++) shifted.add(values[i]! + 0.1);
    expect(supRankError(shifted, sorted)).toBeGreaterThan(shifted.rankError());
  });
});
