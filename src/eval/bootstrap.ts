import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Paired Poisson bootstrap of binary-classification metrics, for the metric gate.
 *
 * Each resample gives every example a Poisson(1) count; a metric is then scikit-learn's with
 * sample_weight = example weight × count. Candidate and baseline are scored on the same counts, so
 * the interval of their difference is of the paired difference.
 *
 * Speed: the rows are sorted once by each model's score, and the per-row terms that do not depend
 * on the resample (labels, group-of-equal-scores ends, log-loss and Brier terms, example weights)
 * are laid out in that order. A resample is then one pass per model over that order: each row's
 * Poisson count is computed where it is needed from a counter-based generator (a hash of the
 * resample's keys and the row number; no count array, no random reads), and the pass accumulates,
 * per distinct score, the weighted positives and negatives (ROC AUC, average precision), the
 * weighted confusion counts at the threshold (predictions from the score are a prefix of that
 * order), and the log-loss and Brier sums. Memory is linear in the rows and does not grow with the
 * resamples. Resamples are split across worker threads in contiguous ranges; a resample's
 * counts depend only on (seed, resample), so the split does not change the results.
 */

/** The metrics this engine computes, in the order the kernels write them. */
export const BINARY_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier'] as const;
export type BinaryMetric = (typeof BINARY_METRICS)[number];
const METRIC_COUNT = BINARY_METRICS.length;
const SCORE_METRICS: ReadonlySet<string> = new Set(['roc_auc', 'pr_auc', 'log_loss', 'brier']);

/** One model's outputs on the examples: the probability of class 1, and/or the predicted label. */
export interface BootstrapModel {
  yScore?: Float64Array;
  yPred?: Float64Array;
}

export interface BootstrapInput {
  /** Labels, 0 or 1. */
  yTrue: Float64Array;
  /** Example weights (>= 0); all 1 when absent. */
  weight?: Float64Array;
  candidate: BootstrapModel;
  /** The baseline on the same examples, in the same order. */
  baseline?: BootstrapModel;
  /** yPred = yScore >= threshold when a model has no yPred (default 0.5). */
  threshold?: number;
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
  /** bootstrap standard error */
  se: number;
}

export interface BootstrapOptions {
  metrics: string[];
  /** default 1000 */
  resamples?: number;
  /** default 0.95 */
  confidence?: number;
  /** default 0 */
  seed?: number;
  /** Threads computing resamples: 1 = this thread; more = that many worker threads (needs workerEntry). Default: the cores available, 1 for small jobs. */
  threads?: number;
  /** A script whose top level serves the worker side (see bootstrap-worker.ts): the bundle's own entry file. */
  workerEntry?: string;
}

export interface BootstrapResult {
  resamples: number;
  confidence: number;
  seed: number;
  /** Threads that computed the resamples. */
  threads: number;
  metrics: Record<string, { candidate: Interval; baseline?: Interval; delta?: Interval }>;
  /** Per metric, each resample's value (index = resample number), e.g. to pair with a later run on the same data. */
  replicates: Record<string, { candidate: Float64Array; baseline?: Float64Array; delta?: Float64Array }>;
}

// Per-row flag bits, in a model's pass order.
const LABEL = 1;
/** The row is the last of its group of equal scores. */
const GROUP_END = 2;
const PREDICTED = 4;

/** One model made ready for the resample passes; every array is in that model's pass order. */
export interface PreparedModel {
  /** Row of each position, in descending score order; absent: row order (no score metric needed). */
  order?: Int32Array;
  flags: Uint8Array;
  /** sklearn's log-loss term of each row (clipped as sklearn 1.2 does). */
  logLoss?: Float64Array;
  /** (y - p)² of each row. */
  brier?: Float64Array;
  /** The example weight of each row; absent: all 1. */
  weight?: Float64Array;
  /** Rows predicted positive when predictions are score >= threshold (a prefix of the order); -1 when the PREDICTED flag says. */
  split: number;
}

/** Everything a thread needs to compute resamples; plain data, shareable with workers. */
export interface PreparedBootstrap {
  rows: number;
  models: PreparedModel[];
}

/** Task id in workerData, so an entry file knows to serve as a bootstrap worker. */
export const BOOTSTRAP_TASK = 'mlops-actions:bootstrap';

/** Below this many row-resamples a worker's start-up costs more than it saves. */
const MIN_PARALLEL_WORK = 4_000_000;

/** Runs the paired bootstrap: estimates on the data as given, percentile intervals from `resamples` Poisson resamples. */
export async function pairedBootstrap(input: BootstrapInput, options: BootstrapOptions): Promise<BootstrapResult> {
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  const metrics = checkInput(input, options.metrics);
  const n = input.yTrue.length;

  let threads = options.threads ?? (options.workerEntry && n * resamples >= MIN_PARALLEL_WORK ? availableParallelism() : 1);
  threads = Math.max(1, Math.min(Math.floor(threads), resamples));
  if (threads > 1 && !options.workerEntry) throw new Error('pairedBootstrap: threads > 1 needs workerEntry');
  // Workers start loading while this thread sorts.
  const workers = threads > 1 ? Array.from({ length: threads }, () => new Worker(options.workerEntry!, { workerData: { task: BOOTSTRAP_TASK } })) : [];

  try {
    const needScore = metrics.some((m) => SCORE_METRICS.has(m));
    const threshold = input.threshold ?? 0.5;
    const shared = workers.length > 0;
    const models = [input.candidate, ...(input.baseline ? [input.baseline] : [])];
    const prepared: PreparedBootstrap = {
      rows: n,
      models: models.map((model) => prepareModel(input.yTrue, input.weight, model, threshold, needScore, shared)),
    };

    const estimates = new Float64Array(models.length * METRIC_COUNT);
    computeResampleMetrics(prepared, new Uint8Array(n).fill(1), estimates, 0);

    const values = new Float64Array(shared ? new SharedArrayBuffer(8 * resamples * models.length * METRIC_COUNT) : new ArrayBuffer(8 * resamples * models.length * METRIC_COUNT));
    if (workers.length === 0) computeResamples(prepared, seed, 0, resamples, values);
    else await Promise.all(workers.map((worker, t) => runWorker(worker, { prepared, seed, from: Math.floor((resamples * t) / threads), to: Math.floor((resamples * (t + 1)) / threads), values })));

    const result: BootstrapResult = { resamples, confidence, seed, threads, metrics: {}, replicates: {} };
    const stride = models.length * METRIC_COUNT;
    for (const metric of metrics) {
      const k = BINARY_METRICS.indexOf(metric as BinaryMetric);
      const column = (model: number) => {
        const out = new Float64Array(resamples);
        for (let r = 0; r < resamples; r++) out[r] = values[r * stride + model * METRIC_COUNT + k]!;
        return out;
      };
      const candidate = column(0);
      const c = estimates[k]!;
      result.metrics[metric] = { candidate: bootstrapInterval(candidate, c, confidence) };
      result.replicates[metric] = { candidate };
      if (models.length === 2) {
        const baseline = column(1);
        const delta = candidate.map((x, r) => x - baseline[r]!);
        const b = estimates[METRIC_COUNT + k]!;
        Object.assign(result.metrics[metric], { baseline: bootstrapInterval(baseline, b, confidence), delta: bootstrapInterval(delta, c - b, confidence) });
        Object.assign(result.replicates[metric], { baseline, delta });
      }
    }
    return result;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

/** Checks the input and the metric names; returns the metrics, each once. */
function checkInput(input: BootstrapInput, metrics: string[]): BinaryMetric[] {
  const n = input.yTrue.length;
  for (let i = 0; i < n; i++) {
    const y = input.yTrue[i];
    if (y !== 0 && y !== 1) throw new RangeError(`yTrue[${i}] is ${y}: binary labels must be 0 or 1`);
  }
  if (input.weight) {
    if (input.weight.length !== n) throw new RangeError(`weight has ${input.weight.length} rows, yTrue ${n}`);
    for (let i = 0; i < n; i++) {
      const w = input.weight[i]!;
      if (!(w >= 0 && w < Infinity)) throw new RangeError(`weight[${i}] is ${w}: weights must be finite and >= 0`);
    }
  }
  const unique = [...new Set(metrics)];
  for (const metric of unique) {
    if (!(BINARY_METRICS as readonly string[]).includes(metric)) throw new RangeError(`unknown binary metric "${metric}" (known: ${BINARY_METRICS.join(', ')})`);
  }
  for (const [name, model] of [['candidate', input.candidate], ['baseline', input.baseline]] as const) {
    if (!model) continue;
    if (!model.yScore && !model.yPred) throw new RangeError(`the ${name} has neither yScore nor yPred`);
    if (model.yScore) {
      if (model.yScore.length !== n) throw new RangeError(`the ${name}'s yScore has ${model.yScore.length} rows, yTrue ${n}`);
      const inUnitRange = unique.includes('brier');
      for (let i = 0; i < n; i++) {
        const p = model.yScore[i]!;
        if (!Number.isFinite(p)) throw new RangeError(`the ${name}'s yScore[${i}] is ${p}: scores must be finite`);
        if (inUnitRange && !(p >= 0 && p <= 1)) throw new RangeError(`the ${name}'s yScore[${i}] is ${p}: brier needs probabilities in [0, 1]`);
      }
    } else {
      const missing = unique.filter((m) => SCORE_METRICS.has(m));
      if (missing.length > 0) throw new RangeError(`the ${name} has no yScore, which ${missing.join(', ')} need`);
    }
    if (model.yPred) {
      if (model.yPred.length !== n) throw new RangeError(`the ${name}'s yPred has ${model.yPred.length} rows, yTrue ${n}`);
      for (let i = 0; i < n; i++) {
        const v = model.yPred[i];
        if (v !== 0 && v !== 1) throw new RangeError(`the ${name}'s yPred[${i}] is ${v}: binary predictions must be 0 or 1`);
      }
    }
  }
  return unique as BinaryMetric[];
}

function allocate<T extends Float64Array | Int32Array | Uint8Array>(kind: { new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number }, n: number, shared: boolean): T {
  const bytes = kind.BYTES_PER_ELEMENT * n;
  return new kind(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** Sorts and precomputes what one model's passes read. */
export function prepareModel(yTrue: Float64Array, weight: Float64Array | undefined, model: BootstrapModel, threshold: number, needScore: boolean, shared = false): PreparedModel {
  const n = yTrue.length;
  const score = needScore ? model.yScore : undefined;
  const flags = allocate(Uint8Array, n, shared);
  const predicted = (i: number) => (model.yPred ? model.yPred[i] === 1 : model.yScore![i]! >= threshold);
  if (!score) {
    for (let i = 0; i < n; i++) flags[i] = yTrue[i]! | (predicted(i) ? PREDICTED : 0);
    return { flags, weight, split: -1 };
  }
  const order = argsortDescending(score, shared);
  const logLoss = allocate(Float64Array, n, shared);
  const brier = allocate(Float64Array, n, shared);
  const sortedWeight = weight ? allocate(Float64Array, n, shared) : undefined;
  // sklearn 1.2 clips to [eps, 1 - eps], appends 1 - p and renormalises by the (rounded) sum.
  const eps = 2 ** -52;
  let split = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const y = yTrue[i]!;
    const p = score[i]!;
    const next = j + 1 < n ? score[order[j + 1]!]! : NaN;
    flags[j] = y | (p !== next ? GROUP_END : 0) | (predicted(i) ? PREDICTED : 0);
    const clipped = Math.min(Math.max(p, eps), 1 - eps);
    const other = 1 - clipped;
    const sum = other + clipped;
    logLoss[j] = -Math.log((y === 1 ? clipped : other) / sum);
    brier[j] = (y - p) ** 2;
    if (sortedWeight) sortedWeight[j] = weight![i]!;
    if (p >= threshold) split = j + 1;
  }
  return { order, flags, logLoss, brier, weight: sortedWeight, split: model.yPred ? -1 : split };
}

/**
 * The row indices in descending order of `values` (finite): an LSD radix sort on the IEEE-754 bits
 * in 16-bit digits, skipping digits that are the same for every value.
 */
export function argsortDescending(values: Float64Array, shared = false): Int32Array {
  const n = values.length;
  let index = allocate(Int32Array, n, shared);
  const bits = new Uint32Array(new Float64Array(values.map((x) => x + 0)).buffer); // + 0 turns -0 into 0
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  const little = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  for (let i = 0; i < n; i++) {
    const h = bits[2 * i + (little ? 1 : 0)]!;
    const l = bits[2 * i + (little ? 0 : 1)]!;
    // The usual ascending key flips every bit of a negative value and only the sign bit of the
    // others; its complement orders descending.
    const negative = h >>> 31 === 1;
    hi[i] = negative ? h : ~(h ^ 0x80000000) >>> 0;
    lo[i] = negative ? l : ~l >>> 0;
    index[i] = i;
  }
  let index2 = allocate(Int32Array, n, shared);
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  const counts = new Int32Array(65536);
  for (let digit = 0; digit < 4; digit++) {
    const shift = (digit & 1) * 16;
    const key = digit < 2 ? lo : hi;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i]! >>> shift) & 0xffff]!++;
    if (n > 0 && counts[(key[0]! >>> shift) & 0xffff] === n) continue; // one digit value: already in order
    let total = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(key[i]! >>> shift) & 0xffff]!++;
      index2[at] = index[i]!;
      hi2[at] = hi[i]!;
      lo2[at] = lo[i]!;
    }
    [index, index2] = [index2, index];
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  return index;
}

/** Each resample in [from, to): every model's metrics, written at values[(r·models + m)·8 ...]. */
export function computeResamples(prepared: PreparedBootstrap, seed: number, from: number, to: number, values: Float64Array): void {
  const stride = prepared.models.length * METRIC_COUNT;
  for (let r = from; r < to; r++) {
    const [k1, k2] = resampleKeys(seed, r);
    computeModels(prepared, null, k1, k2, values, r * stride);
  }
}

/**
 * Every model's 8 metrics (in BINARY_METRICS order; NaN where a model has no score) with the rows
 * counted counts[row] times (counts.fill(1): the estimate; poissonWeights(seed, r, n): resample r),
 * written at values[offset ...].
 */
export function computeResampleMetrics(prepared: PreparedBootstrap, counts: Uint8Array, values: Float64Array, offset: number): void {
  if (counts.length !== prepared.rows) throw new RangeError(`${counts.length} counts for ${prepared.rows} rows`);
  computeModels(prepared, counts, 0, 0, values, offset);
}

function computeModels(prepared: PreparedBootstrap, counts: Uint8Array | null, k1: number, k2: number, values: Float64Array, offset: number): void {
  for (let m = 0; m < prepared.models.length; m++) {
    const model = prepared.models[m]!;
    const at = offset + m * METRIC_COUNT;
    if (model.order) scorePass(model.order, model.flags, model.logLoss!, model.brier!, model.weight ?? null, model.split, counts, k1, k2, values, at);
    else rowPass(model.flags, model.weight ?? null, counts, k1, k2, values, at);
  }
}

/*
 * The passes take their arrays as separate arguments, not in an object: V8 then compiles tighter
 * loops. A row's count is counts[row] when counts are given, else Poisson(1) from the hash of
 * (k1, k2, row), inlined: two rounds of mix32 with the second key between them, whose top 12 bits
 * index POISSON_BY_12_BITS.
 */

/**
 * One pass in descending score order. t and f are the running weighted positives and negatives;
 * at the end of each group of equal scores the ROC curve gains the trapezoid (f - f0)·(t + t0) and
 * average precision the step (t - t0)·t/(t + f), as sklearn's _binary_clf_curve, roc_auc_score
 * and average_precision_score compute them (zero-weight rows add nothing, as sklearn drops them).
 * With predictions from the score, the predicted positives are the first `split` rows.
 */
function scorePass(
  order: Int32Array,
  flags: Uint8Array,
  logLoss: Float64Array,
  brier: Float64Array,
  weight: Float64Array | null,
  split: number,
  counts: Uint8Array | null,
  k1: number,
  k2: number,
  out: Float64Array,
  at: number,
): void {
  const table = POISSON_BY_12_BITS;
  const n = flags.length;
  let t = 0;
  let f = 0;
  let t0 = 0;
  let f0 = 0;
  let area = 0;
  let ap = 0;
  let ll = 0;
  let bs = 0;
  let predictedW = 0;
  let truePositiveW = 0;
  let splitT = 0;
  let splitF = 0;
  for (let j = 0; j < n; j++) {
    if (j === split) {
      splitT = t;
      splitF = f;
    }
    const row = order[j]!;
    let k: number;
    if (counts === null) {
      let x = row ^ k1;
      x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
      x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
      x = x ^ (x >>> 16) ^ k2;
      x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
      x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
      x = (x ^ (x >>> 16)) >>> 0;
      k = table[x >>> 20]!;
      if (k === AMBIGUOUS) k = poissonInBucket(x, row, k1, k2);
    } else {
      k = counts[row]!;
    }
    const w = weight === null ? k : k * weight[j]!;
    const bits = flags[j]!;
    const wy = w * (bits & LABEL);
    t += wy;
    f += w - wy;
    ll += w * logLoss[j]!;
    bs += w * brier[j]!;
    if (split < 0) {
      const p = (bits & PREDICTED) >>> 2;
      predictedW += p * w;
      truePositiveW += p * wy;
    }
    if (bits & GROUP_END) {
      area += (f - f0) * (t + t0);
      // t + f is 0 only while every weight so far is 0, and then so is t - t0.
      ap += ((t - t0) * t) / Math.max(t + f, Number.MIN_VALUE);
      t0 = t;
      f0 = f;
    }
  }
  if (split === n) {
    splitT = t;
    splitF = f;
  }
  if (split >= 0) {
    truePositiveW = splitT;
    predictedW = splitT + splitF;
  }
  const total = t + f;
  writeConfusionMetrics(out, at, t, f, truePositiveW, predictedW);
  out[at + 4] = t > 0 && f > 0 ? area / (2 * t * f) : NaN;
  // sklearn 1.2: with no positive weight, recall is 1 everywhere and the precision at the top is 0.
  out[at + 5] = t > 0 ? ap / t : 0;
  out[at + 6] = total > 0 ? ll / total : NaN;
  out[at + 7] = total > 0 ? bs / total : NaN;
}

/** One pass in row order for the confusion metrics alone. */
function rowPass(flags: Uint8Array, weight: Float64Array | null, counts: Uint8Array | null, k1: number, k2: number, out: Float64Array, at: number): void {
  const table = POISSON_BY_12_BITS;
  const n = flags.length;
  let t = 0;
  let f = 0;
  let predictedW = 0;
  let truePositiveW = 0;
  for (let row = 0; row < n; row++) {
    let k: number;
    if (counts === null) {
      let x = row ^ k1;
      x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
      x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
      x = x ^ (x >>> 16) ^ k2;
      x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
      x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
      x = (x ^ (x >>> 16)) >>> 0;
      k = table[x >>> 20]!;
      if (k === AMBIGUOUS) k = poissonInBucket(x, row, k1, k2);
    } else {
      k = counts[row]!;
    }
    const w = weight === null ? k : k * weight[row]!;
    const bits = flags[row]!;
    const wy = w * (bits & LABEL);
    const p = (bits & PREDICTED) >>> 2;
    t += wy;
    f += w - wy;
    predictedW += p * w;
    truePositiveW += p * wy;
  }
  writeConfusionMetrics(out, at, t, f, truePositiveW, predictedW);
  for (let k = 4; k < METRIC_COUNT; k++) out[at + k] = NaN;
}

/** accuracy, precision, recall, f1 from weighted positives, negatives, true positives and predicted positives (sklearn's zero_division: 0). */
function writeConfusionMetrics(out: Float64Array, at: number, positives: number, negatives: number, tp: number, predicted: number): void {
  const total = positives + negatives;
  const trueNegatives = negatives - (predicted - tp);
  const precision = predicted > 0 ? tp / predicted : 0;
  const recall = positives > 0 ? tp / positives : 0;
  out[at] = total > 0 ? (tp + trueNegatives) / total : NaN;
  out[at + 1] = precision;
  out[at + 2] = recall;
  out[at + 3] = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

// ---- Poisson(1) counts -------------------------------------------------------------------------

/** P(X <= k) for X ~ Poisson(1), up to where it rounds to 1. */
const POISSON_CDF = (() => {
  const cdf: number[] = [];
  let pmf = Math.exp(-1);
  let sum = 0;
  for (let k = 0; sum < 1 && k < 40; k++) {
    sum += pmf;
    cdf.push(sum);
    pmf /= k + 1;
  }
  return Float64Array.from(cdf);
})();

const AMBIGUOUS = 255;

/** The Poisson(1) value at uniform u in [0, 1): the number of k with P(X <= k) <= u. */
function poissonAt(u: number): number {
  let k = 0;
  while (k < POISSON_CDF.length && POISSON_CDF[k]! <= u) k++;
  return k;
}

/**
 * The count for each value of a uniform's top 12 bits (the uniform lies in [h, h + 1)·2^-12): the
 * Poisson value when that whole interval maps to one value, else AMBIGUOUS (12 of the 4,096
 * entries, where a boundary of the CDF falls inside).
 */
const POISSON_BY_12_BITS = (() => {
  const table = new Uint8Array(4096);
  for (let h = 0; h < 4096; h++) {
    const low = poissonAt(h / 4096);
    // The value just below the interval's upper end: the number of k with P(X <= k) < upper.
    let high = 0;
    while (high < POISSON_CDF.length && POISSON_CDF[high]! < (h + 1) / 4096) high++;
    table[h] = low === high ? low : AMBIGUOUS;
  }
  return table;
})();

/** Resolves an ambiguous bucket with 32 more bits, from another hash of the row: the uniform is (x + v·2^-32)·2^-32, exact to 2^-53. */
function poissonInBucket(x: number, row: number, k1: number, k2: number): number {
  const v = mix32(mix32(row ^ k2) ^ k1 ^ 0x5bd1e995);
  return poissonAt((x + v / 2 ** 32) / 2 ** 32);
}

/** A 32-bit finaliser with strong avalanche (xor-shift-multiply), as inlined in the passes. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The two 32-bit keys of resample r: successive outputs of splitmix32 started from a hash of the
 * seed and r. Resample r's count of row i is a function of (keys, i) alone (counter-based), so any
 * thread computes any resample, in any row order, and gets the same counts.
 */
export function resampleKeys(seed: number, r: number): [number, number] {
  const seedKey = mix32(mix32((seed >>> 0) ^ 0x3c6ef372) ^ Math.floor(seed / 2 ** 32));
  let state = (seedKey ^ mix32((r >>> 0) ^ 0xa54ff53a)) >>> 0;
  state = (state + 0x9e3779b9) >>> 0;
  const k1 = mix32(state);
  state = (state + 0x9e3779b9) >>> 0;
  const k2 = mix32(state);
  return [k1, k2];
}

/** Resample r's Poisson(1) count of each of n rows: what the bootstrap multiplies the example weights by. */
export function poissonWeights(seed: number, r: number, n: number): Uint8Array {
  const [k1, k2] = resampleKeys(seed, r);
  const counts = new Uint8Array(n);
  for (let row = 0; row < n; row++) {
    const x = mix32(mix32(row ^ k1) ^ k2);
    const k = POISSON_BY_12_BITS[x >>> 20]!;
    counts[row] = k === AMBIGUOUS ? poissonInBucket(x, row, k1, k2) : k;
  }
  return counts;
}

// ---- intervals ---------------------------------------------------------------------------------

/**
 * The percentile interval of resampled values as numpy.percentile(values, [50·(1 - confidence),
 * 50·(1 + confidence)]) computes it (method 'linear', and its interpolation formula), over the
 * values that are not NaN; `se` is their standard deviation (ddof = 1).
 */
export function bootstrapInterval(values: ArrayLike<number>, estimate: number, confidence: number): Interval {
  const sorted = Float64Array.from(Array.prototype.filter.call(values, (v: number) => !Number.isNaN(v)) as number[]).sort();
  const m = sorted.length;
  if (m === 0) return { estimate, low: NaN, high: NaN, se: NaN };
  let mean = 0;
  for (let i = 0; i < m; i++) mean += sorted[i]!;
  mean /= m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (sorted[i]! - mean) ** 2;
  return {
    estimate,
    low: percentileOfSorted(sorted, 50 * (1 - confidence)),
    high: percentileOfSorted(sorted, 50 * (1 + confidence)),
    se: m > 1 ? Math.sqrt(ss / (m - 1)) : NaN,
  };
}

/** numpy.percentile(sorted, percent) with method 'linear', for ascending values. */
export function percentileOfSorted(sorted: Float64Array, percent: number): number {
  const m = sorted.length;
  const index = (m - 1) * (percent / 100);
  const below = Math.min(Math.max(Math.floor(index), 0), m - 1);
  const above = Math.min(below + 1, m - 1);
  const gamma = index - below;
  const a = sorted[below]!;
  const b = sorted[above]!;
  const diff = b - a;
  // numpy's _lerp: a + diff·γ, or b - diff·(1 - γ) from γ = 0.5 on.
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

// ---- worker threads ----------------------------------------------------------------------------

/** What a worker receives: the shared inputs and its range of resamples; it writes into `values`. */
export interface BootstrapJob {
  prepared: PreparedBootstrap;
  seed: number;
  from: number;
  to: number;
  values: Float64Array;
}

export interface BootstrapWorkerReply {
  done?: true;
  error?: { message: string; stack?: string };
}

function runWorker(worker: Worker, job: BootstrapJob): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: BootstrapWorkerReply) => {
      settled = true;
      if (reply.done) resolve();
      else {
        const error = new Error(`bootstrap worker: ${reply.error?.message ?? 'no answer'}`);
        if (reply.error?.stack) error.stack = reply.error.stack;
        reject(error);
      }
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the bootstrap worker exited with code ${code} before answering`));
    });
    // Shared arrays cross by reference: nothing is copied.
    worker.postMessage(job);
  });
}
