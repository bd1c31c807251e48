/**
 * Model-quality metrics computed exactly as scikit-learn 1.2 computes them (Debian's python3-sklearn
 * 1.2.1 is the reference of the tests), every one with sample weights, in O(n log n) time on typed
 * arrays so that a million rows take well under a second.
 *
 * Fidelity. Each metric repeats sklearn's arithmetic in sklearn's order, so the results agree with
 * sklearn's to the last bit (up to the last bit of a logarithm for log_loss):
 * - numpy's sums (`np.sum`, `np.average`, `np.mean`, `np.trapz`) are pairwise within buffers of
 *   8192 values: `numpySum` adds in the same order, which also bounds the rounding error far below
 *   that of a left-to-right sum;
 * - `np.bincount` and `np.cumsum` (the per-class totals and the cumulative counts of the ranking
 *   curves) add left to right, and so do the loops here, in sklearn's order of the rows;
 * - the precision/recall/F1 formulas, the log-loss clipping and renormalisation, and the ROC curve's
 *   dropped collinear points are sklearn's own (see each function).
 * The ranking metrics sort the rows once, by an LSD radix sort of the scores that keeps tied rows in
 * row order, as sklearn's stable argsort does (about 0.15 s for a million rows).
 *
 * Labels and averages. Binary labels are 0/1 with 1 the positive class; multiclass labels are codes
 * 0..k-1. As in sklearn, the macro and weighted averages run over the classes that occur in yTrue or
 * yPred (with any weight, even 0), not over all k; a precision or recall whose denominator is 0 is
 * 0 (sklearn's default zero_division="warn"), and so is an F1 whose precision and recall are both 0.
 *
 * Degenerate cases. Where sklearn raises an error, the metric is NaN instead, so one undefined
 * metric does not lose the others:
 * - roc_auc: yTrue has one class only, or after dropping zero-weight rows one class has no weight
 *   (sklearn warns and returns nan), or no row has weight;
 * - log_loss: yTrue has one class only (sklearn cannot tell the number of classes);
 * - brier: a score below 0 or above 1 (sklearn requires probabilities);
 * - pr_auc: no row has weight. With no positive weight it is 0, as sklearn returns;
 * - accuracy, log_loss, brier, rmse, mae, mape and r2: the weights sum to 0 (numpy's average raises);
 *   the precision, recall and F1 averages are then 0, as sklearn returns;
 * - r2: fewer than 2 rows (sklearn returns nan); a constant yTrue gives 1 when the predictions are
 *   exact and 0 otherwise (sklearn's force_finite).
 * Inputs that sklearn rejects are errors here too (RangeError): no rows, arrays of different lengths,
 * NaN or infinite values, negative weights, binary labels other than 0/1, class codes that are not
 * integers in 0..k-1.
 */
export type Task = 'binary' | 'multiclass' | 'regression';

export interface Predictions {
  /** Labels as numeric codes (binary: 0/1, 1 = positive; multiclass: 0..k-1) or regression targets. */
  yTrue: Float64Array;
  /** Binary: score/probability of the positive class. */
  yScore?: Float64Array;
  /** Predicted label codes (classification) or predicted values (regression). */
  yPred?: Float64Array;
  /** Sample weights (>= 0); absent means 1 each. */
  weight?: Float64Array;
}

export interface MetricOptions {
  /** Binary: yPred = yScore >= threshold when yPred is absent; default 0.5. */
  threshold?: number;
  /** Multiclass: number of classes k; codes must be below it. Default: the largest code + 1. */
  classes?: number;
}

/** Metrics of predicted labels, in the order `availableMetrics` lists them. */
const LABEL_AVERAGES = ['precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted'];
const BINARY_LABEL_METRICS = ['accuracy', 'precision', 'recall', 'f1', ...LABEL_AVERAGES];
const MULTICLASS_METRICS = ['accuracy', ...LABEL_AVERAGES];
const SCORE_METRICS = ['roc_auc', 'pr_auc', 'log_loss', 'brier'];
const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'];

const KNOWN: Record<Task, string[]> = {
  binary: [...BINARY_LABEL_METRICS, ...SCORE_METRICS],
  multiclass: MULTICLASS_METRICS,
  regression: REGRESSION_METRICS,
};

/** Per metric: whether a 'higher' or a 'lower' value is better. */
export const METRIC_DIRECTION: Record<string, 'higher' | 'lower'> = {
  accuracy: 'higher',
  precision: 'higher',
  recall: 'higher',
  f1: 'higher',
  precision_macro: 'higher',
  recall_macro: 'higher',
  f1_macro: 'higher',
  precision_weighted: 'higher',
  recall_weighted: 'higher',
  f1_weighted: 'higher',
  roc_auc: 'higher',
  pr_auc: 'higher',
  log_loss: 'lower',
  brier: 'lower',
  rmse: 'lower',
  mae: 'lower',
  r2: 'higher',
  mape: 'lower',
};

/** np.finfo(np.float64).eps: sklearn's log_loss clipping (eps="auto") and mape's floor for |yTrue|. */
const EPS = 2 ** -52;
/** Largest number of classes accepted (per-class totals are arrays of this length). */
const MAX_CLASSES = 1 << 20;

/**
 * Metric names available for a task given which columns exist: binary label metrics need yPred or
 * yScore (thresholded), roc_auc, pr_auc, log_loss and brier need yScore; multiclass and regression
 * metrics need yPred.
 */
export function availableMetrics(task: Task, p: { yScore: boolean; yPred: boolean }): string[] {
  switch (task) {
    case 'binary':
      return [...(p.yPred || p.yScore ? BINARY_LABEL_METRICS : []), ...(p.yScore ? SCORE_METRICS : [])];
    case 'multiclass':
      return p.yPred ? [...MULTICLASS_METRICS] : [];
    case 'regression':
      return p.yPred ? [...REGRESSION_METRICS] : [];
    default:
      throw new RangeError(`unknown task ${JSON.stringify(task)}: expected binary, multiclass or regression`);
  }
}

/**
 * Every available metric (or just `names`, in their order), as scikit-learn 1.2 computes them with
 * `sample_weight`. Undefined metrics are NaN (see the module comment). Throws RangeError for an
 * unknown name, a name the columns cannot give, or invalid inputs.
 */
export function computeMetrics(task: Task, p: Predictions, options: MetricOptions = {}, names?: string[]): Record<string, number> {
  const columns = { yScore: p.yScore !== undefined, yPred: p.yPred !== undefined };
  const available = availableMetrics(task, columns);
  const wanted = names ?? available;
  for (const name of wanted) checkName(task, name, available);
  const classes = checkInputs(task, p, options);
  if (wanted.length === 0) return {};
  if (task === 'regression') return regressionMetrics(p, wanted);
  return classificationMetrics(p, task === 'binary', classes, options.threshold ?? 0.5, wanted);
}

function checkName(task: Task, name: string, available: string[]): void {
  if (!KNOWN[task].includes(name)) {
    throw new RangeError(`unknown metric "${name}" for ${task} predictions (known: ${KNOWN[task].join(', ')})`);
  }
  if (!available.includes(name)) {
    const needs = SCORE_METRICS.includes(name) ? 'yScore' : task === 'binary' ? 'yPred or yScore' : 'yPred';
    throw new RangeError(`metric "${name}" needs ${needs}, which the predictions do not have`);
  }
}

// ---------------------------------------------------------------------------------------------
// Input checks

/** Checks lengths and values; returns the number of classes k (2 for binary, 0 for regression). */
function checkInputs(task: Task, p: Predictions, options: MetricOptions): number {
  const n = p.yTrue.length;
  if (n === 0) throw new RangeError('no rows: yTrue is empty');
  checkLength('yScore', p.yScore, n);
  checkLength('yPred', p.yPred, n);
  checkLength('weight', p.weight, n);
  if (p.weight) checkWeights(p.weight);
  if (task === 'regression') {
    checkFinite('yTrue', p.yTrue);
    if (p.yPred) checkFinite('yPred', p.yPred);
    return 0;
  }
  if (task === 'binary') {
    checkCodes('yTrue', p.yTrue, 2, 'binary labels must be 0 or 1');
    if (p.yPred) checkCodes('yPred', p.yPred, 2, 'binary labels must be 0 or 1');
    if (p.yScore) checkFinite('yScore', p.yScore);
    if (options.threshold !== undefined && Number.isNaN(options.threshold)) throw new RangeError('threshold is NaN');
    return 2;
  }
  const k = options.classes ?? Math.max(largestCode('yTrue', p.yTrue), p.yPred ? largestCode('yPred', p.yPred) : 0) + 1;
  if (!Number.isInteger(k) || k < 1 || k > MAX_CLASSES) throw new RangeError(`classes must be an integer from 1 to ${MAX_CLASSES}; got ${k}`);
  const rule = `class codes must be integers from 0 to ${k - 1}`;
  checkCodes('yTrue', p.yTrue, k, rule);
  if (p.yPred) checkCodes('yPred', p.yPred, k, rule);
  return k;
}

function checkLength(name: string, values: Float64Array | undefined, n: number): void {
  if (values && values.length !== n) throw new RangeError(`${name} has ${values.length} values but yTrue has ${n}`);
}

function checkFinite(name: string, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    // x - x is NaN for NaN and for ±Infinity, 0 otherwise.
    if (x - x !== 0) throw new RangeError(`${name}[${i}] is ${x}; values must be finite`);
  }
}

function checkWeights(weight: Float64Array): void {
  for (let i = 0; i < weight.length; i++) {
    const x = weight[i]!;
    if (!(x >= 0 && x < Infinity)) throw new RangeError(`weight[${i}] is ${x}; weights must be finite and >= 0`);
  }
}

/** Every value an integer code in 0..k-1; else a RangeError that states `rule`. */
function checkCodes(name: string, values: Float64Array, k: number, rule: string): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!(x >= 0 && x < k && Math.floor(x) === x)) throw new RangeError(`${name}[${i}] is ${x}; ${rule}`);
  }
}

function largestCode(name: string, values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!(x >= 0 && x < MAX_CLASSES && Math.floor(x) === x)) {
      throw new RangeError(`${name}[${i}] is ${x}; class codes must be integers from 0 to ${MAX_CLASSES - 1}`);
    }
    if (x > max) max = x;
  }
  return max;
}

// ---------------------------------------------------------------------------------------------
// Summation

/** numpy's reductions run over buffers of this many elements (np.getbufsize()). */
const NUMPY_BUFFER = 8192;

/**
 * Sum of `values` in numpy's order (np.sum, np.mean, np.average in numpy 1.x): the array is reduced
 * buffer by buffer, 8192 values at a time, each buffer summed pairwise and the buffer sums added left
 * to right. This matches numpy to the last bit, and the error grows as O(n / 8192 + log n) ulps
 * where a plain left-to-right sum drifts as O(n).
 */
function numpySum(values: Float64Array): number {
  let sum = 0;
  for (let start = 0; start < values.length; start += NUMPY_BUFFER) {
    sum += pairwiseSum(values, start, Math.min(NUMPY_BUFFER, values.length - start));
  }
  return sum;
}

/**
 * Sum of values[start .. start + n) in the order of numpy's `pairwise_sum`: fewer than 8 values left
 * to right; up to 128 in 8 interleaved partial sums combined as ((r0 + r1) + (r2 + r3)) +
 * ((r4 + r5) + (r6 + r7)), then the remainder; more than 128 split at half the count rounded down to
 * a multiple of 8.
 */
function pairwiseSum(values: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = start; i < start + n; i++) s += values[i]!;
    return s;
  }
  if (n <= 128) return blockSum(values, start, n);
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, n - half);
}

function blockSum(a: Float64Array, start: number, n: number): number {
  let r0 = a[start]!;
  let r1 = a[start + 1]!;
  let r2 = a[start + 2]!;
  let r3 = a[start + 3]!;
  let r4 = a[start + 4]!;
  let r5 = a[start + 5]!;
  let r6 = a[start + 6]!;
  let r7 = a[start + 7]!;
  const blocks = n - (n % 8);
  let i = 8;
  for (; i < blocks; i += 8) {
    const j = start + i;
    r0 += a[j]!;
    r1 += a[j + 1]!;
    r2 += a[j + 2]!;
    r3 += a[j + 3]!;
    r4 += a[j + 4]!;
    r5 += a[j + 5]!;
    r6 += a[j + 6]!;
    r7 += a[j + 7]!;
  }
  let s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
  for (; i < n; i++) s += a[start + i]!;
  return s;
}

/**
 * `np.average(terms, weights=weight)`: sum(terms · weight) / sum(weight), or mean(terms) without
 * weights; NaN when the weights sum to 0 (numpy raises). Overwrites `terms` with terms · weight.
 */
function average(terms: Float64Array, weight: Float64Array | undefined, weightSum: number): number {
  if (!weight) return numpySum(terms) / terms.length;
  if (weightSum === 0) return NaN;
  for (let i = 0; i < terms.length; i++) terms[i]! *= weight[i]!;
  return numpySum(terms) / weightSum;
}

/** Sum of the weights as numpy sums them (the divisor of np.average); n without weights. */
function totalWeight(weight: Float64Array | undefined, n: number): number {
  return weight ? numpySum(weight) : n;
}

// ---------------------------------------------------------------------------------------------
// Classification

function classificationMetrics(p: Predictions, binary: boolean, classes: number, threshold: number, names: string[]): Record<string, number> {
  const { yTrue, yScore, weight } = p;
  const n = yTrue.length;
  const weightSum = totalWeight(weight, n);
  const scratch = new Float64Array(n);
  let labels: Record<string, number> | undefined;
  let curve: RankCurve | undefined;
  let bothClasses: boolean | undefined;
  const out: Record<string, number> = {};
  for (const name of names) {
    if (!SCORE_METRICS.includes(name)) {
      labels ??= labelMetrics(binary, yTrue, p.yPred ?? thresholded(yScore!, threshold), weight, weightSum, classes, scratch);
      out[name] = labels[name]!;
      continue;
    }
    const score = yScore!;
    bothClasses ??= hasBothClasses(yTrue);
    if (name === 'roc_auc') out[name] = bothClasses ? rocAuc((curve ??= rankCurve(yTrue, score, weight))) : NaN;
    else if (name === 'pr_auc') out[name] = averagePrecision((curve ??= rankCurve(yTrue, score, weight)));
    else if (name === 'log_loss') out[name] = bothClasses ? logLoss(yTrue, score, weight, weightSum, scratch) : NaN;
    else out[name] = brier(yTrue, score, weight, weightSum, scratch);
  }
  return out;
}

function thresholded(yScore: Float64Array, threshold: number): Float64Array {
  const yPred = new Float64Array(yScore.length);
  for (let i = 0; i < yScore.length; i++) yPred[i] = yScore[i]! >= threshold ? 1 : 0;
  return yPred;
}

/** Whether yTrue (binary, any weight) has both 0 and 1, as sklearn's np.unique(y_true) checks. */
function hasBothClasses(yTrue: Float64Array): boolean {
  const first = yTrue[0]!;
  for (let i = 1; i < yTrue.length; i++) if (yTrue[i] !== first) return true;
  return false;
}

/** Per-class weighted totals, as sklearn's multilabel_confusion_matrix gets them from np.bincount. */
interface ClassTotals {
  /** Weight of the rows predicted right, per class. */
  hits: Float64Array;
  /** Weight of the rows of each true class. */
  truth: Float64Array;
  /** Weight of the rows predicted as each class. */
  predicted: Float64Array;
  /** 1 where the class occurs in yTrue or yPred (at any weight): the classes sklearn averages over. */
  present: Uint8Array;
}

function classTotals(yTrue: Float64Array, yPred: Float64Array, weight: Float64Array | undefined, k: number): ClassTotals {
  const totals = { hits: new Float64Array(k), truth: new Float64Array(k), predicted: new Float64Array(k), present: new Uint8Array(k) };
  const { hits, truth, predicted, present } = totals;
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i]!;
    const q = yPred[i]!;
    const w = weight ? weight[i]! : 1;
    truth[t]! += w;
    predicted[q]! += w;
    if (t === q) hits[t]! += w;
    present[t] = 1;
    present[q] = 1;
  }
  return totals;
}

/**
 * Accuracy and precision, recall and F1 (binary for class 1, macro and weighted averages) from the
 * class totals, with the formulas of sklearn's precision_recall_fscore_support.
 */
function labelMetrics(binary: boolean, yTrue: Float64Array, yPred: Float64Array, weight: Float64Array | undefined, weightSum: number, k: number, scratch: Float64Array): Record<string, number> {
  const totals = classTotals(yTrue, yPred, weight, k);
  const scores = presentClassScores(totals);
  const out: Record<string, number> = { accuracy: accuracy(yTrue, yPred, weight, weightSum, scratch) };
  if (binary) {
    // average='binary', pos_label=1: class 1's scores, even if class 1 never occurs.
    const one = classScores(totals.hits[1]!, totals.predicted[1]!, totals.truth[1]!);
    out.precision = one.precision;
    out.recall = one.recall;
    out.f1 = one.f1;
  }
  const noSupport = numpySum(scores.support) === 0;
  for (const [metric, values] of [
    ['precision', scores.precision],
    ['recall', scores.recall],
    ['f1', scores.f1],
  ] as const) {
    out[`${metric}_macro`] = numpySum(values) / values.length;
    // sklearn returns zero_division (0) for every weighted average when no row has weight.
    out[`${metric}_weighted`] = noSupport ? 0 : weightedMean(values, scores.support);
  }
  return out;
}

/** np.average(values, weights=weights) for short per-class arrays. */
function weightedMean(values: Float64Array, weights: Float64Array): number {
  const products = new Float64Array(values.length);
  for (let c = 0; c < values.length; c++) products[c] = values[c]! * weights[c]!;
  return numpySum(products) / numpySum(weights);
}

/** The scores of the classes present, in ascending class order, and their supports (true weight). */
function presentClassScores(totals: ClassTotals): { precision: Float64Array; recall: Float64Array; f1: Float64Array; support: Float64Array } {
  const classes: number[] = [];
  totals.present.forEach((present, c) => {
    if (present) classes.push(c);
  });
  const m = classes.length;
  const out = { precision: new Float64Array(m), recall: new Float64Array(m), f1: new Float64Array(m), support: new Float64Array(m) };
  classes.forEach((c, j) => {
    const s = classScores(totals.hits[c]!, totals.predicted[c]!, totals.truth[c]!);
    out.precision[j] = s.precision;
    out.recall[j] = s.recall;
    out.f1[j] = s.f1;
    out.support[j] = s.support;
  });
  return out;
}

/**
 * One class's precision, recall and F1 as sklearn computes them: it rebuilds the predicted and true
 * totals as tp + fp and tp + fn from the confusion matrix (which can differ from the bincounts in
 * the last bit), sets a ratio with a zero denominator to 0, and F1 = 2·p·r / (p + r), or 0 when
 * p + r = 0.
 */
function classScores(hits: number, predicted: number, truth: number): { precision: number; recall: number; f1: number; support: number } {
  const predictedSum = hits + (predicted - hits);
  const trueSum = hits + (truth - hits);
  const precision = predictedSum === 0 ? 0 : hits / predictedSum;
  const recall = trueSum === 0 ? 0 : hits / trueSum;
  const denominator = precision + recall;
  const f1 = denominator === 0 ? 0 : (2 * precision * recall) / denominator;
  return { precision, recall, f1, support: trueSum };
}

/** accuracy_score: np.average(yTrue == yPred, weights). */
function accuracy(yTrue: Float64Array, yPred: Float64Array, weight: Float64Array | undefined, weightSum: number, scratch: Float64Array): number {
  if (!weight) {
    let hits = 0;
    for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
    return hits / yTrue.length;
  }
  for (let i = 0; i < yTrue.length; i++) scratch[i] = yTrue[i] === yPred[i] ? 1 : 0;
  return average(scratch, weight, weightSum);
}

/**
 * log_loss with eps="auto" (float64 eps): the score is clipped to [eps, 1 - eps], the two class
 * probabilities (1 - p, p) are renormalised by their sum as sklearn does, and the loss is -log of the
 * true class's probability.
 */
function logLoss(yTrue: Float64Array, yScore: Float64Array, weight: Float64Array | undefined, weightSum: number, scratch: Float64Array): number {
  for (let i = 0; i < yTrue.length; i++) {
    const p = Math.min(Math.max(yScore[i]!, EPS), 1 - EPS);
    const q = 1 - p;
    const sum = q + p;
    scratch[i] = -Math.log((yTrue[i] === 1 ? p : q) / sum);
  }
  return average(scratch, weight, weightSum);
}

/** brier_score_loss: the mean of (y - p)²; NaN for scores outside [0, 1], which sklearn rejects. */
function brier(yTrue: Float64Array, yScore: Float64Array, weight: Float64Array | undefined, weightSum: number, scratch: Float64Array): number {
  for (let i = 0; i < yTrue.length; i++) {
    const s = yScore[i]!;
    if (s < 0 || s > 1) return NaN;
    const d = yTrue[i]! - s;
    scratch[i] = d * d;
  }
  return average(scratch, weight, weightSum);
}

// ---------------------------------------------------------------------------------------------
// Ranking curves

/**
 * sklearn's _binary_clf_curve: rows of zero weight dropped, distinct scores in descending order, and
 * at each the cumulative weight of positives (tps) and negatives (fps) scored at or above it. Ties
 * share one point, so they count as half-ranked, as in sklearn.
 */
interface RankCurve {
  tps: Float64Array;
  fps: Float64Array;
}

/**
 * The curve, with the cumulative sums taken row by row in sklearn's order: np.cumsum over the rows
 * by descending score, tied rows in descending row order (sklearn reverses a stable ascending
 * argsort), so that weighted sums round exactly as sklearn's do.
 */
function rankCurve(yTrue: Float64Array, yScore: Float64Array, weight: Float64Array | undefined): RankCurve {
  const sorted = sortRows(yTrue, yScore, weight);
  const { high, low, signedWeight } = sorted;
  const tps = new Float64Array(signedWeight.length);
  const fps = new Float64Array(signedWeight.length);
  let m = 0;
  let tp = 0;
  let fp = 0;
  for (let k = signedWeight.length - 1; k >= 0; k--) {
    const w = signedWeight[k]!;
    if (w > 0) tp += w;
    else fp -= w;
    // The last row of a tie group (in this descending walk) closes a point of the curve.
    if (k === 0 || high[k - 1] !== high[k] || low[k - 1] !== low[k]) {
      tps[m] = tp;
      fps[m++] = fp;
    }
  }
  return { tps: tps.subarray(0, m), fps: fps.subarray(0, m) };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Radix digits on the 64-bit keys: 11, 11 and 10 bits of the low word, then of the high word. */
const DIGITS = [
  { onHigh: false, shift: 0, mask: 0x7ff },
  { onHigh: false, shift: 11, mask: 0x7ff },
  { onHigh: false, shift: 22, mask: 0x3ff },
  { onHigh: true, shift: 0, mask: 0x7ff },
  { onHigh: true, shift: 11, mask: 0x7ff },
  { onHigh: true, shift: 22, mask: 0x3ff },
];

/** Rows sorted by score: the two 32-bit words of each sort key and the row's weight, negated for a negative row. */
interface SortedRows {
  high: Uint32Array;
  low: Uint32Array;
  signedWeight: Float64Array;
}

/**
 * The rows of nonzero weight in ascending order of score, equal scores in ascending row order (as
 * numpy's argsort(kind='mergesort')). An LSD radix sort on sort keys, 64-bit unsigned integers in
 * the order of the scores (the IEEE-754 bits, all flipped for a negative score, the sign bit set for
 * others; -0 is made +0, a tie in numpy), in six stable counting passes that carry each row's
 * signed weight, so that the walk over the result reads memory in order. A pass whose digit is the
 * same for every key is skipped.
 */
function sortRows(yTrue: Float64Array, yScore: Float64Array, weight: Float64Array | undefined): SortedRows {
  let rows = keyRows(yTrue, yScore, weight);
  let spare: SortedRows = { high: new Uint32Array(rows.high.length), low: new Uint32Array(rows.high.length), signedWeight: new Float64Array(rows.high.length) };
  for (const { onHigh, shift, mask } of DIGITS) {
    const keys = onHigh ? rows.high : rows.low;
    const offsets = digitCounts(keys, shift, mask);
    if (offsets.includes(keys.length)) continue; // every key has the same digit
    let sum = 0;
    for (let b = 0; b < offsets.length; b++) {
      const count = offsets[b]!;
      offsets[b] = sum;
      sum += count;
    }
    scatter(rows, spare, keys, shift, mask, offsets);
    [rows, spare] = [spare, rows];
  }
  return rows;
}

/** The sort keys and signed weights of the rows of nonzero weight, in row order. */
function keyRows(yTrue: Float64Array, yScore: Float64Array, weight: Float64Array | undefined): SortedRows {
  const n = yScore.length;
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  const signedWeight = new Float64Array(n);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const hi = LITTLE_ENDIAN ? 1 : 0;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i]! : 1;
    if (w === 0) continue; // sklearn drops the rows of zero weight
    bits[0] = yScore[i]! + 0; // -0 + 0 is +0
    const h = words[hi]!;
    const l = words[1 - hi]!;
    const negative = h >>> 31 === 1;
    high[kept] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    low[kept] = negative ? ~l >>> 0 : l;
    signedWeight[kept++] = yTrue[i] === 1 ? w : -w;
  }
  return { high: high.subarray(0, kept), low: low.subarray(0, kept), signedWeight: signedWeight.subarray(0, kept) };
}

/**
 * One stable counting pass: moves each row to offsets[its digit]++. Unrolled by four, since V8
 * reloads every typed array's length and data pointer after a store to another typed array, and the
 * unrolled body shares those loads (as in src/stats/sort-float64.ts).
 */
function scatter(from: SortedRows, to: SortedRows, keys: Uint32Array, shift: number, mask: number, offsets: Uint32Array): void {
  const { high, low, signedWeight } = from;
  const { high: toHigh, low: toLow, signedWeight: toWeight } = to;
  const n = keys.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const d0 = (keys[i]! >>> shift) & mask;
    const d1 = (keys[i + 1]! >>> shift) & mask;
    const d2 = (keys[i + 2]! >>> shift) & mask;
    const d3 = (keys[i + 3]! >>> shift) & mask;
    const h0 = high[i]!;
    const h1 = high[i + 1]!;
    const h2 = high[i + 2]!;
    const h3 = high[i + 3]!;
    const l0 = low[i]!;
    const l1 = low[i + 1]!;
    const l2 = low[i + 2]!;
    const l3 = low[i + 3]!;
    const w0 = signedWeight[i]!;
    const w1 = signedWeight[i + 1]!;
    const w2 = signedWeight[i + 2]!;
    const w3 = signedWeight[i + 3]!;
    const j0 = offsets[d0]!++;
    const j1 = offsets[d1]!++;
    const j2 = offsets[d2]!++;
    const j3 = offsets[d3]!++;
    toHigh[j0] = h0;
    toHigh[j1] = h1;
    toHigh[j2] = h2;
    toHigh[j3] = h3;
    toLow[j0] = l0;
    toLow[j1] = l1;
    toLow[j2] = l2;
    toLow[j3] = l3;
    toWeight[j0] = w0;
    toWeight[j1] = w1;
    toWeight[j2] = w2;
    toWeight[j3] = w3;
  }
  for (; i < n; i++) {
    const j = offsets[(keys[i]! >>> shift) & mask]!++;
    toHigh[j] = high[i]!;
    toLow[j] = low[i]!;
    toWeight[j] = signedWeight[i]!;
  }
}

function digitCounts(keys: Uint32Array, shift: number, mask: number): Uint32Array {
  const counts = new Uint32Array(mask + 1);
  for (let i = 0; i < keys.length; i++) counts[(keys[i]! >>> shift) & mask]!++;
  return counts;
}

/**
 * roc_auc_score: the trapezoid rule over the ROC points from (0, 0) through every distinct
 * threshold, after sklearn's roc_curve drops the points whose second differences of fps and tps are
 * both 0 (collinear). NaN when the positives or the negatives have no weight.
 */
function rocAuc({ tps, fps }: RankCurve): number {
  const m = tps.length;
  if (m === 0) return NaN;
  const positives = tps[m - 1]!;
  const negatives = fps[m - 1]!;
  if (!(positives > 0 && negatives > 0)) return NaN;
  const kept = cornerPoints(tps, fps);
  const terms = new Float64Array(kept.length);
  let x0 = 0;
  let y0 = 0;
  for (let i = 0; i < kept.length; i++) {
    const x = fps[kept[i]!]! / negatives;
    const y = tps[kept[i]!]! / positives;
    terms[i] = ((x - x0) * (y + y0)) / 2;
    x0 = x;
    y0 = y;
  }
  return numpySum(terms);
}

/** Indices of the curve points sklearn's roc_curve(drop_intermediate=True) keeps. */
function cornerPoints(tps: Float64Array, fps: Float64Array): Uint32Array {
  const m = tps.length;
  const kept = new Uint32Array(m);
  let count = 0;
  for (let j = 0; j < m; j++) {
    const corner =
      m <= 2 ||
      j === 0 ||
      j === m - 1 ||
      fps[j + 1]! - fps[j]! - (fps[j]! - fps[j - 1]!) !== 0 ||
      tps[j + 1]! - tps[j]! - (tps[j]! - tps[j - 1]!) !== 0;
    if (corner) kept[count++] = j;
  }
  return kept.subarray(0, count);
}

/**
 * average_precision_score: Σ (R_n − R_{n−1}) · P_n over the distinct thresholds, the step function
 * with no interpolation. A threshold with no weight at or above it has precision 0; with no positive
 * weight at all the recall is 1 everywhere and the result 0 (as sklearn). NaN when no row has weight.
 */
function averagePrecision({ tps, fps }: RankCurve): number {
  const m = tps.length;
  if (m === 0) return NaN;
  const positives = tps[m - 1]!;
  const recall = (j: number) => (positives === 0 ? 1 : tps[j]! / positives);
  const terms = new Float64Array(m);
  // sklearn reverses the curve (recall decreasing) and appends recall 0, precision 1; term i is
  // (recall[i + 1] - recall[i]) · precision[i] in that order, the sum negated.
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i;
    const predictedPositive = tps[j]! + fps[j]!;
    const precision = predictedPositive === 0 ? 0 : tps[j]! / predictedPositive;
    terms[i] = ((j > 0 ? recall(j - 1) : 0) - recall(j)) * precision;
  }
  return 0 - numpySum(terms);
}

// ---------------------------------------------------------------------------------------------
// Regression

function regressionMetrics(p: Predictions, names: string[]): Record<string, number> {
  const { yTrue, weight } = p;
  const yPred = p.yPred!;
  const weightSum = totalWeight(weight, yTrue.length);
  const scratch = new Float64Array(yTrue.length);
  const out: Record<string, number> = {};
  for (const name of names) {
    if (name === 'r2') out[name] = r2(yTrue, yPred, weight, weightSum, scratch);
    else {
      errorTerms(name as ErrorKind, yTrue, yPred, scratch);
      const mean = average(scratch, weight, weightSum);
      out[name] = name === 'rmse' ? Math.sqrt(mean) : mean;
    }
  }
  return out;
}

type ErrorKind = 'rmse' | 'mae' | 'mape';

/**
 * Per-row errors: (y - q)² for rmse (the square root of mean_squared_error), |q - y| for mae, and
 * |q - y| / max(|y|, eps) for mape, so that a zero target gives |q| / eps (about 4.5e15 · |q|), as
 * sklearn's mean_absolute_percentage_error does. One loop per kind keeps each loop monomorphic.
 */
function errorTerms(kind: ErrorKind, yTrue: Float64Array, yPred: Float64Array, out: Float64Array): void {
  const n = yTrue.length;
  if (kind === 'rmse') {
    for (let i = 0; i < n; i++) out[i] = squaredError(yTrue[i]!, yPred[i]!);
  } else if (kind === 'mae') {
    for (let i = 0; i < n; i++) out[i] = Math.abs(yPred[i]! - yTrue[i]!);
  } else {
    for (let i = 0; i < n; i++) out[i] = Math.abs(yPred[i]! - yTrue[i]!) / Math.max(Math.abs(yTrue[i]!), EPS);
  }
}

function squaredError(t: number, q: number): number {
  const d = t - q;
  return d * d;
}

/**
 * r2_score: 1 − Σw(y − q)² / Σw(y − ȳ)² with the weighted mean ȳ; 1 when the residuals are all 0,
 * 0 when only the target is constant (force_finite), NaN for fewer than 2 rows or no weight.
 */
function r2(yTrue: Float64Array, yPred: Float64Array, weight: Float64Array | undefined, weightSum: number, scratch: Float64Array): number {
  const n = yTrue.length;
  if (n < 2) return NaN;
  scratch.set(yTrue);
  const mean = average(scratch, weight, weightSum);
  if (Number.isNaN(mean)) return NaN;
  for (let i = 0; i < n; i++) scratch[i] = squaredError(yTrue[i]!, yPred[i]!) * (weight ? weight[i]! : 1);
  const residual = numpySum(scratch);
  for (let i = 0; i < n; i++) scratch[i] = squaredError(yTrue[i]!, mean) * (weight ? weight[i]! : 1);
  const total = numpySum(scratch);
  if (residual === 0) return 1;
  if (total === 0) return 0;
  return 1 - residual / total;
}
