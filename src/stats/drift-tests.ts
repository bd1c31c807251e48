/**
 * # Drift tests
 *
 * Each function compares a reference sample with a current one and equals the scipy 1.10 function
 * named in its comment (the tests check them against scipy to nine significant digits).
 *
 * ## Numeric columns
 *
 * - `ks2Samp`: the two-sample Kolmogorov–Smirnov test on sorted samples, = scipy.stats.ks_2samp with
 *   its defaults: exact p-value when both samples have at most 10,000 values, else the asymptotic
 *   one (the distribution of D_n at n = round(n1·n2/(n1+n2))), and the same fallback to it when the
 *   exact computation fails.
 * - `ksFromSketches`: the same statistic from two quantile sketches. Each sketch's ECDF is within its
 *   `rankError()` of the true ECDF everywhere, so the statistic is within the sum of the two bounds of
 *   the exact one; `error` says how far. The p-value uses the asymptotic distribution.
 * - `wasserstein1d` / `wassersteinFromSketches`: the area between the two ECDFs,
 *   = scipy.stats.wasserstein_distance. From sketches the error is at most the sum of the rank errors
 *   times the range of the values, because the ECDFs agree outside [min, max].
 * - `psi` on `binCounts` over `quantileBinEdges` of the reference: the population stability index with
 *   deciles of the reference as bins.
 *
 * ## Categorical columns
 *
 * - `chiSquareTwoSample`: = scipy.stats.chi2_contingency on the 2×k table of counts (with Yates'
 *   correction when k = 2, as scipy does by default).
 * - `jensenShannon`: = scipy.spatial.distance.jensenshannon(p, q, base=2), between 0 and 1.
 *
 * ### Why Jensen–Shannon runs over the top categories plus "other"
 *
 * Two samples of n rows drawn from the *same* distribution over k categories differ by sampling
 * noise alone. For categories with enough rows each, the JS divergence is close to χ²/(8n) in nats,
 * and the χ² statistic of two equal samples has mean about 2(k - 1), so the expected divergence is
 * about (k - 1)/(4n) nats, and the expected JS *distance* (the square root, in bits) about
 *
 *     sqrt(k / (4·n·ln 2)).
 *
 * With k = 50 and n = 1,000,000 that is 0.004: no drift reads as no drift. With k = 50,000 it is
 * 0.13, and worse than that formula says once the rare categories have a handful of rows each, since
 * a category seen 2 times in one sample and 0 in the other adds as much as a real shift. A
 * high-cardinality column would then always look drifted. `categoricalDistributions` therefore keeps
 * the `maxCategories` (50) most frequent categories of the reference and pools every other category,
 * of either sample, into one "other" bucket: k stays small, so the noise floor stays near 0, while a
 * real shift still shows, either in a top category or as mass moving into or out of "other" (a new
 * category in the current data lands in "other").
 *
 * ## Many columns
 *
 * `benjaminiHochberg` adjusts the per-column p-values for the number of columns tested, so a report
 * over 200 columns does not flag ten of them at α = 5% by chance alone.
 */
import { chi2Sf, kolmogorovSf, kstwoSf, smirnovSf } from './distributions.js';
import { QuantileSketch, upperBound } from './quantile-sketch.js';

export { chi2Sf, kolmogorovSf, kstwoSf, smirnovSf };

/** The label of the pooled bucket of every category outside the top ones. */
export const OTHER_CATEGORY = '(other)';

export interface KsResult {
  statistic: number;
  pvalue: number;
  method: 'exact' | 'asymp';
}

/** ks_2samp's switch from the exact to the asymptotic p-value (scipy's MAX_AUTO_N). */
const MAX_EXACT_N = 10000;

/**
 * The two-sample Kolmogorov–Smirnov test, two-sided, = scipy.stats.ks_2samp(a, b). Both samples must
 * be sorted ascending and free of NaN.
 */
export function ks2Samp(a: Float64Array, b: Float64Array): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ks2Samp: both samples must hold at least one value');
  let i = 0;
  let j = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  while (i < n1 || j < n2) {
    const x = i < n1 && (j >= n2 || a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < n1 && a[i]! <= x) i++;
    while (j < n2 && b[j]! <= x) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  let d = minS > maxDiff ? minS : maxDiff;

  if (Math.max(n1, n2) <= MAX_EXACT_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, pvalue: 1, method: 'exact' };
    const p = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideInsideMethod(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: d, pvalue: p, method: 'exact' };
  }
  return { statistic: d, pvalue: asymptoticPvalue(d, n1, n2), method: 'asymp' };
}

/** scipy's asymptotic two-sample p-value: kstwo at the effective sample size. */
function asymptoticPvalue(d: number, n1: number, n2: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  return Math.min(1, Math.max(0, kstwoSf(d, roundHalfEven(en))));
}

/** P(D_{n,n} >= h/n), Hodges' alternating sum evaluated Horner-style (scipy's _compute_prob_outside_square). */
function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * The fraction of lattice paths from (0,0) to (m,n) that leave the band |x/m - y/n| < h/lcm, by
 * Viehmann's recursion for 1 - p (scipy's _compute_outer_prob_inside_method).
 */
function probabilityOutsideInsideMethod(n1: number, n2: number, g: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
  }
  return A[maxj - minj - 1]!;
}

/**
 * The KS statistic between two sketched samples, with `error` = ref.rankError() + cur.rankError()
 * bounding its distance from the exact statistic (0 when both sketches are exact), and the
 * asymptotic p-value of ks_2samp at that statistic.
 */
export function ksFromSketches(ref: QuantileSketch, cur: QuantileSketch): { statistic: number; pvalue: number; error: number } {
  if (ref.count === 0 || cur.count === 0) throw new RangeError('ksFromSketches: both sketches must hold at least one value');
  const a = ref.weightedValues();
  const b = cur.weightedValues();
  const n1 = ref.count;
  const n2 = cur.count;
  let i = 0;
  let j = 0;
  let cumulativeA = 0;
  let cumulativeB = 0;
  let statistic = 0;
  const lengthA = a.values.length;
  const lengthB = b.values.length;
  while (i < lengthA || j < lengthB) {
    const x = i < lengthA && (j >= lengthB || a.values[i]! <= b.values[j]!) ? a.values[i]! : b.values[j]!;
    while (i < lengthA && a.values[i]! <= x) cumulativeA += a.weights[i++]!;
    while (j < lengthB && b.values[j]! <= x) cumulativeB += b.weights[j++]!;
    const diff = Math.abs(cumulativeA / n1 - cumulativeB / n2);
    if (diff > statistic) statistic = diff;
  }
  return { statistic, pvalue: asymptoticPvalue(statistic, n1, n2), error: ref.rankError() + cur.rankError() };
}

/** The 1-Wasserstein (earth mover's) distance between two samples, = scipy.stats.wasserstein_distance(a, b). */
export function wasserstein1d(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) throw new RangeError('wasserstein1d: both samples must hold at least one value');
  const sortedA = Float64Array.from(a).sort();
  const sortedB = Float64Array.from(b).sort();
  return weightedWasserstein(sortedA, null, sortedA.length, sortedB, null, sortedB.length);
}

/** The Wasserstein distance between two sketched samples, with a bound on its distance from the exact one. */
export function wassersteinFromSketches(ref: QuantileSketch, cur: QuantileSketch): { distance: number; error: number } {
  if (ref.count === 0 || cur.count === 0) throw new RangeError('wassersteinFromSketches: both sketches must hold at least one value');
  const a = ref.weightedValues();
  const b = cur.weightedValues();
  const distance = weightedWasserstein(a.values, a.weights, ref.count, b.values, b.weights, cur.count);
  const range = Math.max(ref.max, cur.max) - Math.min(ref.min, cur.min);
  return { distance, error: (ref.rankError() + cur.rankError()) * range };
}

/** ∫|F - G| over the merged sorted values; weights null means 1 each. */
function weightedWasserstein(
  valuesA: Float64Array,
  weightsA: Float64Array | null,
  totalA: number,
  valuesB: Float64Array,
  weightsB: Float64Array | null,
  totalB: number,
): number {
  let i = 0;
  let j = 0;
  let cumulativeA = 0;
  let cumulativeB = 0;
  let distance = 0;
  const lengthA = valuesA.length;
  const lengthB = valuesB.length;
  let x = Math.min(valuesA[0]!, valuesB[0]!);
  while (i < lengthA || j < lengthB) {
    while (i < lengthA && valuesA[i]! <= x) cumulativeA += weightsA === null ? (i++, 1) : weightsA[i++]!;
    while (j < lengthB && valuesB[j]! <= x) cumulativeB += weightsB === null ? (j++, 1) : weightsB[j++]!;
    if (i >= lengthA && j >= lengthB) break;
    const next = i < lengthA && (j >= lengthB || valuesA[i]! <= valuesB[j]!) ? valuesA[i]! : valuesB[j]!;
    distance += Math.abs(cumulativeA / totalA - cumulativeB / totalB) * (next - x);
    x = next;
  }
  return distance;
}

/**
 * The population stability index Σ (a - e)·ln(a/e) over bins, from counts per bin. Counts become
 * proportions of their totals; an empty bin's proportion becomes `epsilon` so the logarithm is finite.
 */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>, epsilon = 1e-4): number {
  if (expected.length !== actual.length) throw new RangeError(`psi: ${expected.length} expected bins but ${actual.length} actual bins`);
  let totalExpected = 0;
  let totalActual = 0;
  for (let i = 0; i < expected.length; i++) {
    totalExpected += expected[i]!;
    totalActual += actual[i]!;
  }
  let index = 0;
  for (let i = 0; i < expected.length; i++) {
    let e = expected[i]! / totalExpected;
    let a = actual[i]! / totalActual;
    if (e === 0) e = epsilon;
    if (a === 0) a = epsilon;
    index += (a - e) * Math.log(a / e);
  }
  return index;
}

/**
 * Interior bin edges at the reference's 1/bins, 2/bins, ... quantiles, strictly increasing (a value
 * that repeats over several quantiles gives one edge). Bins are (-∞, e0], (e0, e1], ..., (e_last, ∞).
 */
export function quantileBinEdges(ref: QuantileSketch, bins = 10): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`quantileBinEdges: bins must be a positive integer, got ${bins}`);
  const edges: number[] = [];
  if (ref.count === 0) return new Float64Array(0);
  for (let i = 1; i < bins; i++) {
    const edge = ref.quantile(i / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return Float64Array.from(edges);
}

/**
 * Counts per bin (edges.length + 1 bins, right-closed as in `quantileBinEdges`) of a sorted sample,
 * or the weights of a sketch's retained values per bin (exact while the sketch is).
 */
export function binCounts(sketchOrSorted: QuantileSketch | Float64Array, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  if (sketchOrSorted instanceof QuantileSketch) {
    const { values, weights } = sketchOrSorted.weightedValues();
    let bin = 0;
    for (let i = 0; i < values.length; i++) {
      while (bin < edges.length && values[i]! > edges[bin]!) bin++;
      counts[bin]! += weights[i]!;
    }
    return counts;
  }
  let previous = 0;
  for (let e = 0; e < edges.length; e++) {
    const below = upperBound(sketchOrSorted, edges[e]!);
    counts[e] = below - previous;
    previous = below;
  }
  counts[edges.length] = sketchOrSorted.length - previous;
  return counts;
}

/**
 * The chi-square test of homogeneity of two samples of a categorical column, = scipy.stats.
 * chi2_contingency on the 2×k table over the union of keys (keys with no count in either are left
 * out; Yates' correction when dof = 1). dof = 0 (one category) gives statistic 0 and p-value 1, as in
 * scipy; an empty sample, which scipy rejects, gives NaN.
 */
export function chiSquareTwoSample(refCounts: Map<string, number>, curCounts: Map<string, number>): { statistic: number; pvalue: number; dof: number } {
  const ref: number[] = [];
  const cur: number[] = [];
  for (const [key, count] of refCounts) {
    const other = curCounts.get(key) ?? 0;
    if (count > 0 || other > 0) {
      ref.push(count);
      cur.push(other);
    }
  }
  for (const [key, count] of curCounts) {
    if (!refCounts.has(key) && count > 0) {
      ref.push(0);
      cur.push(count);
    }
  }
  const k = ref.length;
  const dof = Math.max(0, k - 1);
  let refTotal = 0;
  let curTotal = 0;
  for (let i = 0; i < k; i++) {
    refTotal += ref[i]!;
    curTotal += cur[i]!;
  }
  if (refTotal === 0 || curTotal === 0) return { statistic: NaN, pvalue: NaN, dof };
  if (dof === 0) return { statistic: 0, pvalue: 1, dof };
  const total = refTotal + curTotal;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const column = ref[i]! + cur[i]!;
    statistic += cellTerm(ref[i]!, (refTotal * column) / total, dof);
    statistic += cellTerm(cur[i]!, (curTotal * column) / total, dof);
  }
  return { statistic, pvalue: chi2Sf(statistic, dof), dof };
}

function cellTerm(observed: number, expected: number, dof: number): number {
  let o = observed;
  if (dof === 1) {
    // Yates: move each observed count up to half a unit towards its expected count.
    const diff = expected - o;
    o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
  }
  const deviation = o - expected;
  return (deviation * deviation) / expected;
}

/**
 * The Jensen–Shannon distance between two distributions given as non-negative weights (normalised
 * here), = scipy.spatial.distance.jensenshannon(p, q, base). In [0, 1] for base 2.
 */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>, base = 2): number {
  if (p.length !== q.length) throw new RangeError(`jensenShannon: ${p.length} weights against ${q.length}`);
  let sumP = 0;
  let sumQ = 0;
  for (let i = 0; i < p.length; i++) {
    sumP += p[i]!;
    sumQ += q[i]!;
  }
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sumP;
    const qi = q[i]! / sumQ;
    const mi = (pi + qi) / 2;
    left += relativeEntropy(pi, mi);
    right += relativeEntropy(qi, mi);
  }
  const divergence = (left + right) / Math.log(base);
  // Rounding can leave a divergence of -1e-17 between equal distributions, where scipy returns NaN.
  return Math.sqrt(Math.max(0, divergence / 2));
}

/** scipy.special.rel_entr. */
function relativeEntropy(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate), in the order given: the value that
 * scipy.stats.false_discovery_control(p, method='bh') returns (scipy >= 1.11).
 */
export function benjaminiHochberg(pvalues: number[]): number[] {
  const m = pvalues.length;
  for (const p of pvalues) if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-values must be in [0, 1], got ${p}`);
  const order = pvalues.map((_, i) => i).sort((x, y) => pvalues[x]! - pvalues[y]! || x - y);
  const adjusted = new Array<number>(m);
  let running = Infinity;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1]!;
    const value = pvalues[index]! * (m / rank);
    if (value < running) running = value;
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}

/**
 * The reference's `maxCategories` most frequent categories (by count, then key) and one last bucket,
 * labelled OTHER_CATEGORY, pooling every other category of either sample; `ref` and `cur` hold the
 * counts per entry of `keys`. See the top of this file for why.
 */
export function categoricalDistributions(
  ref: Map<string, number>,
  cur: Map<string, number>,
  maxCategories = 50,
): { keys: string[]; ref: Float64Array; cur: Float64Array } {
  const ranked = [...ref].filter(([, count]) => count > 0).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const top = ranked.slice(0, maxCategories);
  const keys = top.map(([key]) => key);
  const refCounts = new Float64Array(keys.length + 1);
  const curCounts = new Float64Array(keys.length + 1);
  const index = new Map<string, number>();
  keys.forEach((key, i) => index.set(key, i));
  const other = keys.length;
  for (const [key, count] of ref) refCounts[index.get(key) ?? other]! += count;
  for (const [key, count] of cur) curCounts[index.get(key) ?? other]! += count;
  keys.push(OTHER_CATEGORY);
  return { keys, ref: refCounts, cur: curCounts };
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
