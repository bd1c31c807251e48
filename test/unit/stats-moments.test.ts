import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addValues, emptyMoments, mergeMoments, variance, type Moments } from '../../src/stats/moments.js';
import { makeTempDir } from '../support/tmp.js';
import { closeTo, expectClose, makeNormal, makeRandom, python, writeFloat64 } from './stats-reference.js';

const tmp = makeTempDir('stats-moments-');
afterAll(() => tmp.remove());

interface NumpySummary {
  count: number;
  mean: number;
  var1: number;
  var0: number;
  std_pandas: number;
  min: number;
  max: number;
  sum: number;
}

function numpySummaries(files: string[]): NumpySummary[] {
  return python<NumpySummary[]>(
    `
import pandas as pd
out = []
for f in data:
    x = np.fromfile(f)
    out.append(dict(count=len(x), mean=np.mean(x), var1=np.var(x, ddof=1), var0=np.var(x), std_pandas=pd.Series(x).std(),
                    min=np.min(x), max=np.max(x), sum=np.sum(x)))
emit(out)
`,
    files,
  );
}

function summarise(values: Float64Array): Moments {
  // Batches of uneven sizes (1, 2, 3, ...), so every kind of batch boundary is crossed.
  const m = emptyMoments();
  for (let i = 0, size = 1; i < values.length; i += size, size++) addValues(m, values.subarray(i, i + size), Math.min(size, values.length - i));
  return m;
}

function expectMatches(m: Moments, ref: NumpySummary, what: string): void {
  expect(m.count).toBe(ref.count);
  expectClose(m.mean, ref.mean, `${what} mean`);
  expectClose(variance(m), ref.var1, `${what} variance ddof=1`);
  expectClose(variance(m, 0), ref.var0, `${what} variance ddof=0`);
  expectClose(Math.sqrt(variance(m)), ref.std_pandas, `${what} pandas std`);
  expect(m.min).toBe(ref.min);
  expect(m.max).toBe(ref.max);
  expectClose(m.sum, ref.sum, `${what} sum`);
}

// Data sets where a sloppy formula loses digits: a large offset (timestamps), mixed scales, few values.
const normal = makeNormal(1);
const uniform = makeRandom(2);
const datasets: Record<string, Float64Array> = {
  'standard normal': Float64Array.from({ length: 100_000 }, () => normal()),
  'offset 1e9, spread 1': Float64Array.from({ length: 50_000 }, () => 1e9 + normal()),
  'epoch milliseconds': Float64Array.from({ length: 20_000 }, () => 1.7e12 + Math.floor(uniform() * 86_400_000)),
  'lognormal, heavy tail': Float64Array.from({ length: 30_000 }, () => Math.exp(3 * normal())),
  'two values': Float64Array.from([3.5, -1.25]),
  'constant': new Float64Array(1000).fill(42.125),
};

describe('moments against numpy and pandas', () => {
  const names = Object.keys(datasets);
  const files = names.map((name, i) => writeFloat64(path.join(tmp.root, `d${i}.bin`), datasets[name]!));
  const refs = numpySummaries(files);

  it('addValues gives count, mean, variance (ddof 0 and 1), min, max and sum equal to numpy', () => {
    names.forEach((name, i) => expectMatches(summarise(datasets[name]!), refs[i]!, name));
  });

  it('mergeMoments of uneven chunks, merged in any grouping, equals the summary of all values', () => {
    const cut = makeRandom(3);
    names.forEach((name, i) => {
      const values = datasets[name]!;
      const parts: Moments[] = [];
      let start = 0;
      while (start < values.length) {
        const end = Math.min(values.length, start + 1 + Math.floor(cut() * values.length * 0.3));
        parts.push(summarise(values.subarray(start, end)));
        start = end;
      }
      parts.push(emptyMoments());
      // Left fold and pairwise tree: both must agree with numpy.
      const folded = parts.reduce((acc, part) => mergeMoments(acc, part), emptyMoments());
      let level = parts;
      while (level.length > 1) {
        const next: Moments[] = [];
        for (let j = 0; j < level.length; j += 2) next.push(j + 1 < level.length ? mergeMoments(level[j]!, level[j + 1]!) : level[j]!);
        level = next;
      }
      expectMatches(folded, refs[i]!, `${name} (folded)`);
      expectMatches(level[0]!, refs[i]!, `${name} (tree)`);
    });
  });

  it('a summary written with only the six documented fields (e.g. read back from JSON) keeps working', () => {
    const values = datasets['lognormal, heavy tail']!;
    const half = values.length >> 1;
    const first = summarise(values.subarray(0, half));
    const second = summarise(values.subarray(half));
    const bare = (m: Moments): Moments => ({ count: m.count, mean: m.mean, m2: m.m2, min: m.min, max: m.max, sum: m.sum });
    const continued = bare(first);
    addValues(continued, values.subarray(half), values.length - half);
    expectMatches(continued, refs[3]!, 'continued from a bare summary');
    expectMatches(mergeMoments(bare(first), bare(second)), refs[3]!, 'merged bare summaries');
    expectMatches(mergeMoments(first, bare(second)), refs[3]!, 'merged with one bare summary');
  });

  it('mergeMoments leaves its arguments unchanged', () => {
    const a = summarise(Float64Array.from([1, 2, 3]));
    const b = summarise(Float64Array.from([10]));
    const before = JSON.stringify([a, b]);
    mergeMoments(a, b);
    mergeMoments(emptyMoments(), a);
    expect(JSON.stringify([a, b])).toBe(before);
  });

  it('variance is NaN when count <= ddof, and empty moments have infinite min and max', () => {
    const empty = emptyMoments();
    expect(variance(empty)).toBeNaN();
    expect(empty.min).toBe(Infinity);
    expect(empty.max).toBe(-Infinity);
    const one = summarise(Float64Array.from([7]));
    expect(variance(one)).toBeNaN();
    expect(variance(one, 0)).toBe(0);
  });

  it('the comparison would catch a textbook sum-of-squares variance or the wrong ddof', () => {
    const values = datasets['offset 1e9, spread 1']!;
    const ref = refs[1]!;
    let sum = 0;
    let sumSquares = 0;
    for (const x of values) {
      sum += x;
      sumSquares += x * x;
    }
    const naive = (sumSquares - (sum * sum) / values.length) / (values.length - 1);
    expect(closeTo(naive, ref.var1)).toBe(false);
    const m = summarise(values);
    expect(closeTo(variance(m, 0), ref.var1)).toBe(false);
    expect(closeTo(variance(m) * (1 + 1e-8), ref.var1)).toBe(false);
  });
});
