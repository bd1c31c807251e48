import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  binCounts,
  categoricalDistributions,
  chiSquareTwoSample,
  jensenShannon,
  ks2Samp,
  ksFromSketches,
  OTHER_CATEGORY,
  psi,
  quantileBinEdges,
  wasserstein1d,
  wassersteinFromSketches,
} from '../../src/stats/drift-tests.js';
import { QuantileSketch } from '../../src/stats/quantile-sketch.js';
import { makeTempDir } from '../support/tmp.js';
import { closeTo, expectClose, makeNormal, makeRandom, python, writeFloat64 } from './stats-reference.js';

const tmp = makeTempDir('stats-drift-');
afterAll(() => tmp.remove());

let fileCounter = 0;
function toFile(values: Float64Array): string {
  return writeFloat64(path.join(tmp.root, `v${fileCounter++}.bin`), values);
}

function sketchOf(values: Float64Array, seed?: number): QuantileSketch {
  const sketch = new QuantileSketch(200, seed);
  for (let i = 0; i < values.length; i++) sketch.add(values[i]!);
  return sketch;
}

function sorted(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}

/** A sample of n values: normal, or rounded to `step` (ties), shifted and scaled. */
function sample(seed: number, n: number, options: { shift?: number; scale?: number; step?: number } = {}): Float64Array {
  const normal = makeNormal(seed);
  const { shift = 0, scale = 1, step } = options;
  return Float64Array.from({ length: n }, () => {
    const x = shift + scale * normal();
    return step === undefined ? x : Math.round(x / step) * step;
  });
}

describe('ks2Samp and wasserstein1d against scipy', () => {
  const pairs: Array<[Float64Array, Float64Array]> = [
    [Float64Array.from([1]), Float64Array.from([1])],
    [Float64Array.from([1]), Float64Array.from([2, 3])],
    [sample(1, 3), sample(2, 5)],
    [sample(3, 10), sample(4, 10, { shift: 0.5 })],
    [sample(5, 20), sample(6, 30, { shift: 0.3 })],
    [sample(7, 50, { step: 0.5 }), sample(8, 50, { step: 0.5 })],
    [sample(9, 100), sample(10, 80, { scale: 1.5 })],
    [sample(11, 300), sample(12, 300, { shift: 0.3 })],
    [sample(13, 500, { step: 0.1 }), sample(14, 700, { shift: 0.1, step: 0.1 })],
    [sample(15, 1000), sample(16, 1000, { shift: 0.05 })],
    [sample(17, 2000), sample(18, 3000, { shift: 0.2 })],
    [sample(19, 5000, { step: 0.25 }), sample(20, 7000, { step: 0.25 })],
    [sample(21, 9999), sample(22, 10_000, { shift: 0.03 })],
    [sample(23, 10_000), sample(24, 10_000, { shift: 0.01 })],
    [sample(25, 10_000), sample(26, 10_001, { shift: 0.05 })],
    [sample(27, 15_000, { step: 0.01 }), sample(28, 20_000, { shift: 0.02, step: 0.01 })],
    [sample(29, 40_000), sample(30, 30_000, { shift: 0.01 })],
  ].map(([a, b]) => [sorted(a!), sorted(b!)]);
  const files = pairs.map(([a, b]) => [toFile(a), toFile(b)]);
  const ref = python<Array<{ d: number; p: number; w: number }>>(
    `
out = []
for fa, fb in data:
    a, b = np.fromfile(fa), np.fromfile(fb)
    r = scipy.stats.ks_2samp(a, b)
    out.append(dict(d=r.statistic, p=r.pvalue, w=scipy.stats.wasserstein_distance(a, b)))
emit(out)
`,
    files,
  );

  it('ks2Samp equals scipy.stats.ks_2samp (statistic and p-value), exact up to 10,000 values and asymptotic above', () => {
    pairs.forEach(([a, b], i) => {
      const result = ks2Samp(a, b);
      const what = `ks_2samp(${a.length}, ${b.length})`;
      expectClose(result.statistic, ref[i]!.d, `${what} statistic`, 1e-12);
      expectClose(result.pvalue, ref[i]!.p, `${what} p-value`);
      expect(result.method, what).toBe(Math.max(a.length, b.length) <= 10_000 ? 'exact' : 'asymp');
    });
  });

  it('wasserstein1d equals scipy.stats.wasserstein_distance, on unsorted input too', () => {
    pairs.forEach(([a, b], i) => {
      expectClose(wasserstein1d(a, b), ref[i]!.w, `wasserstein(${a.length}, ${b.length})`);
      expectClose(wasserstein1d(a.slice().reverse(), b), ref[i]!.w, `wasserstein of reversed input`);
    });
  });

  it('detects a shift and not its absence; the comparison would catch a p-value off by 1e-8', () => {
    const same = ks2Samp(sorted(sample(40, 5000)), sorted(sample(41, 5000)));
    const shifted = ks2Samp(sorted(sample(42, 5000)), sorted(sample(43, 5000, { shift: 0.2 })));
    expect(same.pvalue).toBeGreaterThan(0.01);
    expect(shifted.pvalue).toBeLessThan(1e-10);
    const r = ks2Samp(...pairs[10]!);
    expect(closeTo(r.pvalue * (1 + 1e-8), ref[10]!.p)).toBe(false);
    expect(() => ks2Samp(new Float64Array(0), Float64Array.from([1]))).toThrow(RangeError);
  });
});

describe('KS and Wasserstein from quantile sketches', () => {
  const n = 400_000;
  const reference = sample(50, n);
  const same = sample(51, n);
  const shifted = sample(52, n, { shift: 0.3, scale: 1.1 });
  const small = [sample(53, 4000, { step: 0.1 }), sample(54, 6000, { shift: 0.05, step: 0.1 })] as const;
  const files = [reference, same, shifted, small[0], small[1]].map(toFile);
  const sketches = [sketchOf(reference, 1), sketchOf(same, 2), sketchOf(shifted, 3)];
  const smallSketches = [sketchOf(small[0], 4), sketchOf(small[1], 5)];
  const estimates = [ksFromSketches(sketches[0]!, sketches[1]!), ksFromSketches(sketches[0]!, sketches[2]!), ksFromSketches(smallSketches[0]!, smallSketches[1]!)];
  const weighted = [sketches[0]!.weightedValues(), sketches[2]!.weightedValues()];
  const ref = python<{ d: number[]; w: number[]; asympP: number[]; sketchP: number[]; weightedW: number }>(
    `
x = [np.fromfile(f) for f in data['files']]
pairs = [(0, 1), (0, 2), (3, 4)]
tests = [scipy.stats.ks_2samp(x[i], x[j]) for i, j in pairs]
def asymptotic(d, n1, n2):
    en = max(n1, n2) * min(n1, n2) / (n1 + n2)
    return scipy.stats.kstwo.sf(d, np.round(en))
emit(dict(d=[t.statistic for t in tests],
          w=[scipy.stats.wasserstein_distance(x[i], x[j]) for i, j in pairs],
          asympP=[scipy.stats.ks_2samp(x[3], x[4], method='asymp').pvalue],
          sketchP=[asymptotic(d, len(x[i]), len(x[j])) for d, (i, j) in zip(data['estimates'], pairs)],
          weightedW=scipy.stats.wasserstein_distance(data['wv'][0], data['wv'][1], data['ww'][0], data['ww'][1])))
`,
    {
      files,
      estimates: estimates.map((e) => e.statistic),
      wv: weighted.map((w) => Array.from(w.values)),
      ww: weighted.map((w) => Array.from(w.weights)),
    },
  );

  it('exact sketches give ks_2samp statistic with error 0 and its asymptotic p-value', () => {
    const exact = estimates[2]!;
    expect(exact.error).toBe(0);
    expectClose(exact.statistic, ref.d[2]!, 'statistic', 1e-12);
    expectClose(exact.pvalue, ref.asympP[0]!, 'asymptotic p-value');
  });

  it('sketched samples of 400,000 give the exact statistic within the stated error, and the p-value scipy gives for it', () => {
    for (const i of [0, 1]) {
      const estimate = estimates[i]!;
      expect(estimate.error).toBeGreaterThan(0);
      expect(estimate.error).toBeLessThan(0.06);
      expect(Math.abs(estimate.statistic - ref.d[i]!)).toBeLessThanOrEqual(estimate.error);
      expectClose(estimate.pvalue, ref.sketchP[i]!, 'p-value at the sketch statistic');
    }
  });

  it('wassersteinFromSketches: exact sketches equal scipy, sketched ones are within the error and equal scipy on the retained weights', () => {
    const exact = wassersteinFromSketches(smallSketches[0]!, smallSketches[1]!);
    expect(exact.error).toBe(0);
    expectClose(exact.distance, ref.w[2]!, 'exact sketches');
    for (const [i, [a, b]] of [
      [0, [0, 1]],
      [1, [0, 2]],
    ] as const) {
      const estimate = wassersteinFromSketches(sketches[a]!, sketches[b]!);
      expect(Math.abs(estimate.distance - ref.w[i]!)).toBeLessThanOrEqual(estimate.error);
    }
    expectClose(wassersteinFromSketches(sketches[0]!, sketches[2]!).distance, ref.weightedW, 'weighted wasserstein');
  });

  it('the error bound is not vacuous: a shift of 0.3σ is told apart from no shift', () => {
    const [none, shift] = estimates;
    expect(shift!.statistic - shift!.error).toBeGreaterThan(none!.statistic + none!.error);
    expect(shift!.pvalue).toBeLessThan(1e-10);
  });
});

describe('PSI over reference quantile bins', () => {
  const reference = sample(60, 8000, { step: 0.5 });
  const current = sample(61, 6000, { shift: 0.15, step: 0.5 });
  const referenceSketch = sketchOf(reference);
  const currentSketch = sketchOf(current);
  const big = sample(62, 300_000, { shift: 0.1 });
  const bigSketch = sketchOf(big);
  const files = [reference, current].map(toFile);
  const edges = quantileBinEdges(referenceSketch);
  const expectedCounts = binCounts(referenceSketch, edges);
  const actualCounts = binCounts(sorted(current), edges);
  const withEmpty = [
    [10, 0, 5, 85],
    [0, 12, 40, 48],
  ];
  const ref = python<{ edges: number[]; edges20: number[]; counts: number[][]; psi: number[] }>(
    `
x = [np.fromfile(f) for f in data['files']]
def bin_counts(values, edges):
    s = np.sort(values)
    return np.diff(np.concatenate([[0], np.searchsorted(s, edges, side='right'), [len(s)]]))
def psi(e, a, eps=1e-4):
    e, a = np.asarray(e, float), np.asarray(a, float)
    pe, pa = e / e.sum(), a / a.sum()
    pe, pa = np.where(pe == 0, eps, pe), np.where(pa == 0, eps, pa)
    return np.sum((pa - pe) * np.log(pa / pe))
edges = np.unique(np.quantile(x[0], np.arange(1, 10) / 10))
counts = [bin_counts(x[0], edges), bin_counts(x[1], edges)]
emit(dict(edges=edges, edges20=np.unique(np.quantile(x[0], np.arange(1, 20) / 20)), counts=counts,
          psi=[psi(counts[0], counts[1]), psi(*data['withEmpty']), psi(*data['withEmpty'], eps=1e-3)]))
`,
    { files, withEmpty },
  );

  it('quantileBinEdges are the deduplicated reference deciles (numpy)', () => {
    // -0 and 0 are one value (the rounding makes both); compare them as such.
    const plain = (x: number): number => (x === 0 ? 0 : x);
    expect(Array.from(edges, plain)).toEqual(ref.edges.map(plain));
    expect(Array.from(quantileBinEdges(referenceSketch, 20), plain)).toEqual(ref.edges20.map(plain));
    expect(ref.edges.length).toBeLessThan(9); // the rounding made ties, so some deciles merged
  });

  it('binCounts of a sketch or of a sorted sample equal numpy searchsorted counts', () => {
    expect(Array.from(expectedCounts)).toEqual(ref.counts[0]);
    expect(Array.from(actualCounts)).toEqual(ref.counts[1]);
    expect(Array.from(binCounts(currentSketch, edges))).toEqual(ref.counts[1]);
  });

  it('psi equals the numpy formula, with epsilon for empty bins', () => {
    expectClose(psi(expectedCounts, actualCounts), ref.psi[0]!, 'psi');
    expectClose(psi(withEmpty[0]!, withEmpty[1]!), ref.psi[1]!, 'psi with empty bins');
    expectClose(psi(withEmpty[0]!, withEmpty[1]!, 1e-3), ref.psi[2]!, 'psi with epsilon 1e-3');
    expect(psi([5, 5], [50, 50])).toBe(0);
    expect(() => psi([1, 2], [1])).toThrow(RangeError);
  });

  it('sketched bin counts add up to the count and stay within the rank error per edge', () => {
    const bigEdges = quantileBinEdges(bigSketch);
    const counts = binCounts(bigSketch, bigEdges);
    const exact = binCounts(sorted(big), bigEdges);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(big.length);
    const slack = 2 * bigSketch.rankError() * big.length;
    counts.forEach((c, i) => expect(Math.abs(c - exact[i]!)).toBeLessThanOrEqual(slack));
    // And PSI catches a real shift between deciles of one sample and a shifted one.
    expect(psi(exact, binCounts(sorted(sample(63, 300_000, { shift: 0.5 })), bigEdges))).toBeGreaterThan(0.1);
  });
});

describe('categorical tests against scipy', () => {
  const tables: Array<[Map<string, number>, Map<string, number>]> = [
    [new Map([['a', 30], ['b', 70]]), new Map([['a', 45], ['b', 55]])],
    [new Map([['a', 3], ['b', 1]]), new Map([['b', 4], ['a', 2]])],
    [new Map([['x', 120], ['y', 80], ['z', 15], ['w', 5], ['v', 30]]), new Map([['x', 100], ['y', 95], ['z', 20], ['w', 0], ['u', 7]])],
    [new Map(Array.from({ length: 40 }, (_, i) => [`k${i}`, 1000 + 37 * i] as [string, number])), new Map(Array.from({ length: 38 }, (_, i) => [`k${i + 2}`, 900 + 41 * i] as [string, number]))],
    [new Map([['only', 10]]), new Map([['only', 20]])],
    [new Map([['a', 2_000_000], ['b', 1_000_000], ['c', 3]]), new Map([['a', 2_100_000], ['b', 950_000], ['c', 9]])],
  ];
  /** The 2×k table over the union of keys with a count, the layout chi2_contingency receives. */
  const matrices = tables.map(([ref, cur]) => {
    const keys = [...new Set([...ref.keys(), ...cur.keys()])].filter((k) => (ref.get(k) ?? 0) + (cur.get(k) ?? 0) > 0);
    return [keys.map((k) => ref.get(k) ?? 0), keys.map((k) => cur.get(k) ?? 0)];
  });
  const distributions = [
    [[0.1, 0.2, 0.7], [0.2, 0.2, 0.6]],
    [[1, 0, 0, 3], [0, 2, 2, 0]],
    [[5, 5], [5, 5]],
    [[1, 2, 3, 4, 5, 6], [60, 50, 40, 30, 20, 10]],
  ];
  const pvalues = [
    [0.01, 0.04, 0.03, 0.005, 0.2, 0.9, 0.04, 0.5],
    [0.5],
    [0.001, 0.001, 0.02, 1, 0.0001],
    Array.from({ length: 200 }, (_, i) => ((i * 7919) % 1000) / 1000),
  ];
  const ref = python<{ chi2: Array<[number, number, number]>; js2: number[]; jse: number[]; bh: number[][] }>(
    `
def bh(p):
    p = np.asarray(p, float)
    m = len(p)
    order = np.argsort(p)
    adjusted = p[order] * (m / np.arange(1, m + 1))
    adjusted = np.minimum.accumulate(adjusted[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.clip(adjusted, 0, 1)
    return out
chi2 = []
for table in data['matrices']:
    r = scipy.stats.chi2_contingency(np.array(table))
    chi2.append([r[0], r[1], r[2]])
emit(dict(chi2=chi2,
          js2=[scipy.spatial.distance.jensenshannon(p, q, base=2) for p, q in data['distributions']],
          jse=[scipy.spatial.distance.jensenshannon(p, q, base=np.e) for p, q in data['distributions']],
          bh=[bh(p) for p in data['pvalues']]))
`,
    { matrices, distributions, pvalues },
  );

  it('chiSquareTwoSample equals scipy.stats.chi2_contingency (Yates for 2 categories, zeros, keys on one side only)', () => {
    tables.forEach(([a, b], i) => {
      const result = chiSquareTwoSample(a, b);
      const [statistic, pvalue, dof] = ref.chi2[i]!;
      expect(result.dof, `table ${i}`).toBe(dof);
      expectClose(result.statistic, statistic, `table ${i} statistic`);
      expectClose(result.pvalue, pvalue, `table ${i} p-value`);
    });
    expect(chiSquareTwoSample(new Map(), new Map([['a', 1]])).pvalue).toBeNaN();
  });

  it('jensenShannon equals scipy.spatial.distance.jensenshannon in base 2 and base e', () => {
    distributions.forEach(([p, q], i) => {
      expectClose(jensenShannon(p!, q!), ref.js2[i]!, `js ${i}`, 1e-12);
      expectClose(jensenShannon(p!, q!, Math.E), ref.jse[i]!, `js base e ${i}`, 1e-12);
    });
    expect(jensenShannon([1, 2, 3], [2, 4, 6])).toBe(0);
  });

  it('benjaminiHochberg equals the numpy formula of scipy >= 1.11 false_discovery_control', () => {
    pvalues.forEach((p, i) => {
      const adjusted = benjaminiHochberg(p);
      adjusted.forEach((a, j) => expectClose(a, ref.bh[i]![j]!, `bh ${i}[${j}]`, 1e-15));
    });
    expect(benjaminiHochberg([])).toEqual([]);
    expect(() => benjaminiHochberg([0.5, NaN])).toThrow(RangeError);
    // The adjustment matters: raw p-values below 5% are not all discoveries.
    expect(benjaminiHochberg(pvalues[0]!).filter((p) => p < 0.05).length).toBeLessThan(pvalues[0]!.filter((p) => p < 0.05).length);
  });
});

describe('categorical drift on a high-cardinality column', () => {
  const categories = 50_000;
  const rows = 1_000_000;
  /** Counts of `rows` draws from a Zipf(1) law over `categories` keys. */
  function zipfCounts(seed: number, tilt?: (rank: number) => number): Map<string, number> {
    const cdf = new Float64Array(categories);
    let total = 0;
    for (let i = 0; i < categories; i++) cdf[i] = total += (tilt ? tilt(i) : 1) / (i + 1);
    const random = makeRandom(seed);
    const counts = new Uint32Array(categories);
    for (let r = 0; r < rows; r++) {
      const u = random() * total;
      let low = 0;
      let high = categories - 1;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (cdf[mid]! >= u) high = mid;
        else low = mid + 1;
      }
      counts[low]!++;
    }
    const map = new Map<string, number>();
    counts.forEach((c, i) => {
      if (c > 0) map.set(`cat-${i}`, c);
    });
    return map;
  }
  const reference = zipfCounts(70);
  const current = zipfCounts(71);
  // A real drift: the top category loses a third of its weight to the second.
  const drifted = zipfCounts(72, (rank) => (rank === 0 ? 2 / 3 : rank === 1 ? 1 + 1 / 3 / 0.5 : 1));

  it('naive Jensen–Shannon over all keys reads sampling noise as drift; top 50 + other does not', () => {
    const keys = [...new Set([...reference.keys(), ...current.keys()])];
    const p = keys.map((k) => reference.get(k) ?? 0);
    const q = keys.map((k) => current.get(k) ?? 0);
    const naive = jensenShannon(p, q);
    const pooled = categoricalDistributions(reference, current);
    const topK = jensenShannon(pooled.ref, pooled.cur);
    const noiseFloor = Math.sqrt(pooled.keys.length / (4 * rows * Math.LN2));
    const ref = python<number[]>(`emit([scipy.spatial.distance.jensenshannon(a, b, base=2) for a, b in data])`, [
      [p, q],
      [Array.from(pooled.ref), Array.from(pooled.cur)],
    ]);
    expectClose(naive, ref[0]!, 'naive js', 1e-9);
    expectClose(topK, ref[1]!, 'top-k js', 1e-9);
    expect(naive).toBeGreaterThan(0.1);
    expect(topK).toBeLessThan(0.02);
    expect(topK).toBeLessThan(3 * noiseFloor);
  });

  it('top 50 + other still shows a real shift', () => {
    const pooled = categoricalDistributions(reference, drifted);
    expect(jensenShannon(pooled.ref, pooled.cur)).toBeGreaterThan(0.05);
  });

  it('categoricalDistributions keeps the top categories by reference count and pools the rest, new ones included, as pandas does', () => {
    const ref = new Map([['a', 5], ['b', 9], ['c', 9], ['d', 1], ['e', 0]]);
    const cur = new Map([['a', 4], ['b', 2], ['new', 7], ['d', 3]]);
    const pooled = categoricalDistributions(ref, cur, 2);
    expect(pooled.keys).toEqual(['b', 'c', OTHER_CATEGORY]);
    expect(Array.from(pooled.ref)).toEqual([9, 9, 6]);
    expect(Array.from(pooled.cur)).toEqual([2, 0, 14]);
    const expected = python<{ keys: string[]; ref: number[]; cur: number[] }>(
      `
import pandas as pd
ref, cur, k = pd.Series(data['ref']), pd.Series(data['cur']), 50
ref = ref[ref > 0]
top = ref.reset_index().sort_values([0, 'index'], ascending=[False, True], kind='mergesort')['index'][:k].tolist()
other = lambda s: float(s[~s.index.isin(top)].sum())
emit(dict(keys=top, ref=[float(ref.get(t, 0)) for t in top] + [other(ref)], cur=[float(cur.get(t, 0)) for t in top] + [other(cur)]))
`,
      { ref: Object.fromEntries(reference), cur: Object.fromEntries(current) },
    );
    const full = categoricalDistributions(reference, current);
    expect(full.keys).toEqual([...expected.keys, OTHER_CATEGORY]);
    expect(Array.from(full.ref)).toEqual(expected.ref);
    expect(Array.from(full.cur)).toEqual(expected.cur);
  });
});
