export const id = 913;
export const ids = [913,190];
export const modules = {

/***/ 8294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  evaluateMetricsGateAction: () => (/* binding */ evaluateMetricsGateAction),
  evaluateMetricsGateInputs: () => (/* binding */ evaluateMetricsGateInputs)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/platform/report.ts
var platform_report = __webpack_require__(8809);
// EXTERNAL MODULE: ./src/stats/distributions.ts
var distributions = __webpack_require__(9808);
// EXTERNAL MODULE: ./src/eval/bootstrap.ts
var bootstrap = __webpack_require__(6140);
// EXTERNAL MODULE: ./src/eval/gates.ts
var eval_gates = __webpack_require__(6190);
;// CONCATENATED MODULE: ./src/eval/metrics.ts
/** Metrics of predicted labels, in the order `availableMetrics` lists them. */
const LABEL_AVERAGES = ['precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted'];
const BINARY_LABEL_METRICS = ['accuracy', 'precision', 'recall', 'f1', ...LABEL_AVERAGES];
const MULTICLASS_METRICS = ['accuracy', ...LABEL_AVERAGES];
const SCORE_METRICS = ['roc_auc', 'pr_auc', 'log_loss', 'brier'];
const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'];
const KNOWN = {
    binary: [...BINARY_LABEL_METRICS, ...SCORE_METRICS],
    multiclass: MULTICLASS_METRICS,
    regression: REGRESSION_METRICS,
};
/** Per metric: whether a 'higher' or a 'lower' value is better. */
const METRIC_DIRECTION = {
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
function availableMetrics(task, p) {
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
function computeMetrics(task, p, options = {}, names) {
    const columns = { yScore: p.yScore !== undefined, yPred: p.yPred !== undefined };
    const available = availableMetrics(task, columns);
    const wanted = names ?? available;
    for (const name of wanted)
        checkName(task, name, available);
    const classes = checkInputs(task, p, options);
    if (wanted.length === 0)
        return {};
    if (task === 'regression')
        return regressionMetrics(p, wanted);
    return classificationMetrics(p, task === 'binary', classes, options.threshold ?? 0.5, wanted);
}
function checkName(task, name, available) {
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
function checkInputs(task, p, options) {
    const n = p.yTrue.length;
    if (n === 0)
        throw new RangeError('no rows: yTrue is empty');
    checkLength('yScore', p.yScore, n);
    checkLength('yPred', p.yPred, n);
    checkLength('weight', p.weight, n);
    if (p.weight)
        checkWeights(p.weight);
    if (task === 'regression') {
        checkFinite('yTrue', p.yTrue);
        if (p.yPred)
            checkFinite('yPred', p.yPred);
        return 0;
    }
    if (task === 'binary') {
        checkCodes('yTrue', p.yTrue, 2, 'binary labels must be 0 or 1');
        if (p.yPred)
            checkCodes('yPred', p.yPred, 2, 'binary labels must be 0 or 1');
        if (p.yScore)
            checkFinite('yScore', p.yScore);
        if (options.threshold !== undefined && Number.isNaN(options.threshold))
            throw new RangeError('threshold is NaN');
        return 2;
    }
    const k = options.classes ?? Math.max(largestCode('yTrue', p.yTrue), p.yPred ? largestCode('yPred', p.yPred) : 0) + 1;
    if (!Number.isInteger(k) || k < 1 || k > MAX_CLASSES)
        throw new RangeError(`classes must be an integer from 1 to ${MAX_CLASSES}; got ${k}`);
    const rule = `class codes must be integers from 0 to ${k - 1}`;
    checkCodes('yTrue', p.yTrue, k, rule);
    if (p.yPred)
        checkCodes('yPred', p.yPred, k, rule);
    return k;
}
function checkLength(name, values, n) {
    if (values && values.length !== n)
        throw new RangeError(`${name} has ${values.length} values but yTrue has ${n}`);
}
function checkFinite(name, values) {
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        // x - x is NaN for NaN and for ±Infinity, 0 otherwise.
        if (x - x !== 0)
            throw new RangeError(`${name}[${i}] is ${x}; values must be finite`);
    }
}
function checkWeights(weight) {
    for (let i = 0; i < weight.length; i++) {
        const x = weight[i];
        if (!(x >= 0 && x < Infinity))
            throw new RangeError(`weight[${i}] is ${x}; weights must be finite and >= 0`);
    }
}
/** Every value an integer code in 0..k-1; else a RangeError that states `rule`. */
function checkCodes(name, values, k, rule) {
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!(x >= 0 && x < k && Math.floor(x) === x))
            throw new RangeError(`${name}[${i}] is ${x}; ${rule}`);
    }
}
function largestCode(name, values) {
    let max = 0;
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!(x >= 0 && x < MAX_CLASSES && Math.floor(x) === x)) {
            throw new RangeError(`${name}[${i}] is ${x}; class codes must be integers from 0 to ${MAX_CLASSES - 1}`);
        }
        if (x > max)
            max = x;
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
function numpySum(values) {
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
function pairwiseSum(values, start, n) {
    if (n < 8) {
        let s = 0;
        for (let i = start; i < start + n; i++)
            s += values[i];
        return s;
    }
    if (n <= 128)
        return blockSum(values, start, n);
    let half = Math.floor(n / 2);
    half -= half % 8;
    return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, n - half);
}
function blockSum(a, start, n) {
    let r0 = a[start];
    let r1 = a[start + 1];
    let r2 = a[start + 2];
    let r3 = a[start + 3];
    let r4 = a[start + 4];
    let r5 = a[start + 5];
    let r6 = a[start + 6];
    let r7 = a[start + 7];
    const blocks = n - (n % 8);
    let i = 8;
    for (; i < blocks; i += 8) {
        const j = start + i;
        r0 += a[j];
        r1 += a[j + 1];
        r2 += a[j + 2];
        r3 += a[j + 3];
        r4 += a[j + 4];
        r5 += a[j + 5];
        r6 += a[j + 6];
        r7 += a[j + 7];
    }
    let s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++)
        s += a[start + i];
    return s;
}
/**
 * `np.average(terms, weights=weight)`: sum(terms · weight) / sum(weight), or mean(terms) without
 * weights; NaN when the weights sum to 0 (numpy raises). Overwrites `terms` with terms · weight.
 */
function average(terms, weight, weightSum) {
    if (!weight)
        return numpySum(terms) / terms.length;
    if (weightSum === 0)
        return NaN;
    for (let i = 0; i < terms.length; i++)
        terms[i] *= weight[i];
    return numpySum(terms) / weightSum;
}
/** Sum of the weights as numpy sums them (the divisor of np.average); n without weights. */
function totalWeight(weight, n) {
    return weight ? numpySum(weight) : n;
}
// ---------------------------------------------------------------------------------------------
// Classification
function classificationMetrics(p, binary, classes, threshold, names) {
    const { yTrue, yScore, weight } = p;
    const n = yTrue.length;
    const weightSum = totalWeight(weight, n);
    const scratch = new Float64Array(n);
    let labels;
    let curve;
    let bothClasses;
    const out = {};
    for (const name of names) {
        if (!SCORE_METRICS.includes(name)) {
            labels ??= labelMetrics(binary, yTrue, p.yPred ?? thresholded(yScore, threshold), weight, weightSum, classes, scratch);
            out[name] = labels[name];
            continue;
        }
        const score = yScore;
        bothClasses ??= hasBothClasses(yTrue);
        if (name === 'roc_auc')
            out[name] = bothClasses ? rocAuc((curve ??= rankCurve(yTrue, score, weight))) : NaN;
        else if (name === 'pr_auc')
            out[name] = averagePrecision((curve ??= rankCurve(yTrue, score, weight)));
        else if (name === 'log_loss')
            out[name] = bothClasses ? logLoss(yTrue, score, weight, weightSum, scratch) : NaN;
        else
            out[name] = brier(yTrue, score, weight, weightSum, scratch);
    }
    return out;
}
function thresholded(yScore, threshold) {
    const yPred = new Float64Array(yScore.length);
    for (let i = 0; i < yScore.length; i++)
        yPred[i] = yScore[i] >= threshold ? 1 : 0;
    return yPred;
}
/** Whether yTrue (binary, any weight) has both 0 and 1, as sklearn's np.unique(y_true) checks. */
function hasBothClasses(yTrue) {
    const first = yTrue[0];
    for (let i = 1; i < yTrue.length; i++)
        if (yTrue[i] !== first)
            return true;
    return false;
}
function classTotals(yTrue, yPred, weight, k) {
    const totals = { hits: new Float64Array(k), truth: new Float64Array(k), predicted: new Float64Array(k), present: new Uint8Array(k) };
    const { hits, truth, predicted, present } = totals;
    for (let i = 0; i < yTrue.length; i++) {
        const t = yTrue[i];
        const q = yPred[i];
        const w = weight ? weight[i] : 1;
        truth[t] += w;
        predicted[q] += w;
        if (t === q)
            hits[t] += w;
        present[t] = 1;
        present[q] = 1;
    }
    return totals;
}
/**
 * Accuracy and precision, recall and F1 (binary for class 1, macro and weighted averages) from the
 * class totals, with the formulas of sklearn's precision_recall_fscore_support.
 */
function labelMetrics(binary, yTrue, yPred, weight, weightSum, k, scratch) {
    const totals = classTotals(yTrue, yPred, weight, k);
    const scores = presentClassScores(totals);
    const out = { accuracy: accuracy(yTrue, yPred, weight, weightSum, scratch) };
    if (binary) {
        // average='binary', pos_label=1: class 1's scores, even if class 1 never occurs.
        const one = classScores(totals.hits[1], totals.predicted[1], totals.truth[1]);
        out.precision = one.precision;
        out.recall = one.recall;
        out.f1 = one.f1;
    }
    const noSupport = numpySum(scores.support) === 0;
    for (const [metric, values] of [
        ['precision', scores.precision],
        ['recall', scores.recall],
        ['f1', scores.f1],
    ]) {
        out[`${metric}_macro`] = numpySum(values) / values.length;
        // sklearn returns zero_division (0) for every weighted average when no row has weight.
        out[`${metric}_weighted`] = noSupport ? 0 : weightedMean(values, scores.support);
    }
    return out;
}
/** np.average(values, weights=weights) for short per-class arrays. */
function weightedMean(values, weights) {
    const products = new Float64Array(values.length);
    for (let c = 0; c < values.length; c++)
        products[c] = values[c] * weights[c];
    return numpySum(products) / numpySum(weights);
}
/** The scores of the classes present, in ascending class order, and their supports (true weight). */
function presentClassScores(totals) {
    const classes = [];
    totals.present.forEach((present, c) => {
        if (present)
            classes.push(c);
    });
    const m = classes.length;
    const out = { precision: new Float64Array(m), recall: new Float64Array(m), f1: new Float64Array(m), support: new Float64Array(m) };
    classes.forEach((c, j) => {
        const s = classScores(totals.hits[c], totals.predicted[c], totals.truth[c]);
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
function classScores(hits, predicted, truth) {
    const predictedSum = hits + (predicted - hits);
    const trueSum = hits + (truth - hits);
    const precision = predictedSum === 0 ? 0 : hits / predictedSum;
    const recall = trueSum === 0 ? 0 : hits / trueSum;
    const denominator = precision + recall;
    const f1 = denominator === 0 ? 0 : (2 * precision * recall) / denominator;
    return { precision, recall, f1, support: trueSum };
}
/** accuracy_score: np.average(yTrue == yPred, weights). */
function accuracy(yTrue, yPred, weight, weightSum, scratch) {
    if (!weight) {
        let hits = 0;
        for (let i = 0; i < yTrue.length; i++)
            if (yTrue[i] === yPred[i])
                hits++;
        return hits / yTrue.length;
    }
    for (let i = 0; i < yTrue.length; i++)
        scratch[i] = yTrue[i] === yPred[i] ? 1 : 0;
    return average(scratch, weight, weightSum);
}
/**
 * log_loss with eps="auto" (float64 eps): the score is clipped to [eps, 1 - eps], the two class
 * probabilities (1 - p, p) are renormalised by their sum as sklearn does, and the loss is -log of the
 * true class's probability.
 */
function logLoss(yTrue, yScore, weight, weightSum, scratch) {
    for (let i = 0; i < yTrue.length; i++) {
        const p = Math.min(Math.max(yScore[i], EPS), 1 - EPS);
        const q = 1 - p;
        const sum = q + p;
        scratch[i] = -Math.log((yTrue[i] === 1 ? p : q) / sum);
    }
    return average(scratch, weight, weightSum);
}
/** brier_score_loss: the mean of (y - p)²; NaN for scores outside [0, 1], which sklearn rejects. */
function brier(yTrue, yScore, weight, weightSum, scratch) {
    for (let i = 0; i < yTrue.length; i++) {
        const s = yScore[i];
        if (s < 0 || s > 1)
            return NaN;
        const d = yTrue[i] - s;
        scratch[i] = d * d;
    }
    return average(scratch, weight, weightSum);
}
/**
 * The curve, with the cumulative sums taken row by row in sklearn's order: np.cumsum over the rows
 * by descending score, tied rows in descending row order (sklearn reverses a stable ascending
 * argsort), so that weighted sums round exactly as sklearn's do.
 */
function rankCurve(yTrue, yScore, weight) {
    const sorted = sortRows(yTrue, yScore, weight);
    const { high, low, signedWeight } = sorted;
    const tps = new Float64Array(signedWeight.length);
    const fps = new Float64Array(signedWeight.length);
    let m = 0;
    let tp = 0;
    let fp = 0;
    for (let k = signedWeight.length - 1; k >= 0; k--) {
        const w = signedWeight[k];
        if (w > 0)
            tp += w;
        else
            fp -= w;
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
/**
 * The rows of nonzero weight in ascending order of score, equal scores in ascending row order (as
 * numpy's argsort(kind='mergesort')). An LSD radix sort on sort keys, 64-bit unsigned integers in
 * the order of the scores (the IEEE-754 bits, all flipped for a negative score, the sign bit set for
 * others; -0 is made +0, a tie in numpy), in six stable counting passes that carry each row's
 * signed weight, so that the walk over the result reads memory in order. A pass whose digit is the
 * same for every key is skipped.
 */
function sortRows(yTrue, yScore, weight) {
    let rows = keyRows(yTrue, yScore, weight);
    let spare = { high: new Uint32Array(rows.high.length), low: new Uint32Array(rows.high.length), signedWeight: new Float64Array(rows.high.length) };
    for (const { onHigh, shift, mask } of DIGITS) {
        const keys = onHigh ? rows.high : rows.low;
        const offsets = digitCounts(keys, shift, mask);
        if (offsets.includes(keys.length))
            continue; // every key has the same digit
        let sum = 0;
        for (let b = 0; b < offsets.length; b++) {
            const count = offsets[b];
            offsets[b] = sum;
            sum += count;
        }
        scatter(rows, spare, keys, shift, mask, offsets);
        [rows, spare] = [spare, rows];
    }
    return rows;
}
/** The sort keys and signed weights of the rows of nonzero weight, in row order. */
function keyRows(yTrue, yScore, weight) {
    const n = yScore.length;
    const high = new Uint32Array(n);
    const low = new Uint32Array(n);
    const signedWeight = new Float64Array(n);
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    const hi = LITTLE_ENDIAN ? 1 : 0;
    let kept = 0;
    for (let i = 0; i < n; i++) {
        const w = weight ? weight[i] : 1;
        if (w === 0)
            continue; // sklearn drops the rows of zero weight
        bits[0] = yScore[i] + 0; // -0 + 0 is +0
        const h = words[hi];
        const l = words[1 - hi];
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
function scatter(from, to, keys, shift, mask, offsets) {
    const { high, low, signedWeight } = from;
    const { high: toHigh, low: toLow, signedWeight: toWeight } = to;
    const n = keys.length;
    let i = 0;
    for (; i + 3 < n; i += 4) {
        const d0 = (keys[i] >>> shift) & mask;
        const d1 = (keys[i + 1] >>> shift) & mask;
        const d2 = (keys[i + 2] >>> shift) & mask;
        const d3 = (keys[i + 3] >>> shift) & mask;
        const h0 = high[i];
        const h1 = high[i + 1];
        const h2 = high[i + 2];
        const h3 = high[i + 3];
        const l0 = low[i];
        const l1 = low[i + 1];
        const l2 = low[i + 2];
        const l3 = low[i + 3];
        const w0 = signedWeight[i];
        const w1 = signedWeight[i + 1];
        const w2 = signedWeight[i + 2];
        const w3 = signedWeight[i + 3];
        const j0 = offsets[d0]++;
        const j1 = offsets[d1]++;
        const j2 = offsets[d2]++;
        const j3 = offsets[d3]++;
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
        const j = offsets[(keys[i] >>> shift) & mask]++;
        toHigh[j] = high[i];
        toLow[j] = low[i];
        toWeight[j] = signedWeight[i];
    }
}
function digitCounts(keys, shift, mask) {
    const counts = new Uint32Array(mask + 1);
    for (let i = 0; i < keys.length; i++)
        counts[(keys[i] >>> shift) & mask]++;
    return counts;
}
/**
 * roc_auc_score: the trapezoid rule over the ROC points from (0, 0) through every distinct
 * threshold, after sklearn's roc_curve drops the points whose second differences of fps and tps are
 * both 0 (collinear). NaN when the positives or the negatives have no weight.
 */
function rocAuc({ tps, fps }) {
    const m = tps.length;
    if (m === 0)
        return NaN;
    const positives = tps[m - 1];
    const negatives = fps[m - 1];
    if (!(positives > 0 && negatives > 0))
        return NaN;
    const kept = cornerPoints(tps, fps);
    const terms = new Float64Array(kept.length);
    let x0 = 0;
    let y0 = 0;
    for (let i = 0; i < kept.length; i++) {
        const x = fps[kept[i]] / negatives;
        const y = tps[kept[i]] / positives;
        terms[i] = ((x - x0) * (y + y0)) / 2;
        x0 = x;
        y0 = y;
    }
    return numpySum(terms);
}
/** Indices of the curve points sklearn's roc_curve(drop_intermediate=True) keeps. */
function cornerPoints(tps, fps) {
    const m = tps.length;
    const kept = new Uint32Array(m);
    let count = 0;
    for (let j = 0; j < m; j++) {
        const corner = m <= 2 ||
            j === 0 ||
            j === m - 1 ||
            fps[j + 1] - fps[j] - (fps[j] - fps[j - 1]) !== 0 ||
            tps[j + 1] - tps[j] - (tps[j] - tps[j - 1]) !== 0;
        if (corner)
            kept[count++] = j;
    }
    return kept.subarray(0, count);
}
/**
 * average_precision_score: Σ (R_n − R_{n−1}) · P_n over the distinct thresholds, the step function
 * with no interpolation. A threshold with no weight at or above it has precision 0; with no positive
 * weight at all the recall is 1 everywhere and the result 0 (as sklearn). NaN when no row has weight.
 */
function averagePrecision({ tps, fps }) {
    const m = tps.length;
    if (m === 0)
        return NaN;
    const positives = tps[m - 1];
    const recall = (j) => (positives === 0 ? 1 : tps[j] / positives);
    const terms = new Float64Array(m);
    // sklearn reverses the curve (recall decreasing) and appends recall 0, precision 1; term i is
    // (recall[i + 1] - recall[i]) · precision[i] in that order, the sum negated.
    for (let i = 0; i < m; i++) {
        const j = m - 1 - i;
        const predictedPositive = tps[j] + fps[j];
        const precision = predictedPositive === 0 ? 0 : tps[j] / predictedPositive;
        terms[i] = ((j > 0 ? recall(j - 1) : 0) - recall(j)) * precision;
    }
    return 0 - numpySum(terms);
}
// ---------------------------------------------------------------------------------------------
// Regression
function regressionMetrics(p, names) {
    const { yTrue, weight } = p;
    const yPred = p.yPred;
    const weightSum = totalWeight(weight, yTrue.length);
    const scratch = new Float64Array(yTrue.length);
    const out = {};
    for (const name of names) {
        if (name === 'r2')
            out[name] = r2(yTrue, yPred, weight, weightSum, scratch);
        else {
            errorTerms(name, yTrue, yPred, scratch);
            const mean = average(scratch, weight, weightSum);
            out[name] = name === 'rmse' ? Math.sqrt(mean) : mean;
        }
    }
    return out;
}
/**
 * Per-row errors: (y - q)² for rmse (the square root of mean_squared_error), |q - y| for mae, and
 * |q - y| / max(|y|, eps) for mape, so that a zero target gives |q| / eps (about 4.5e15 · |q|), as
 * sklearn's mean_absolute_percentage_error does. One loop per kind keeps each loop monomorphic.
 */
function errorTerms(kind, yTrue, yPred, out) {
    const n = yTrue.length;
    if (kind === 'rmse') {
        for (let i = 0; i < n; i++)
            out[i] = squaredError(yTrue[i], yPred[i]);
    }
    else if (kind === 'mae') {
        for (let i = 0; i < n; i++)
            out[i] = Math.abs(yPred[i] - yTrue[i]);
    }
    else {
        for (let i = 0; i < n; i++)
            out[i] = Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), EPS);
    }
}
function squaredError(t, q) {
    const d = t - q;
    return d * d;
}
/**
 * r2_score: 1 − Σw(y − q)² / Σw(y − ȳ)² with the weighted mean ȳ; 1 when the residuals are all 0,
 * 0 when only the target is constant (force_finite), NaN for fewer than 2 rows or no weight.
 */
function r2(yTrue, yPred, weight, weightSum, scratch) {
    const n = yTrue.length;
    if (n < 2)
        return NaN;
    scratch.set(yTrue);
    const mean = average(scratch, weight, weightSum);
    if (Number.isNaN(mean))
        return NaN;
    for (let i = 0; i < n; i++)
        scratch[i] = squaredError(yTrue[i], yPred[i]) * (weight ? weight[i] : 1);
    const residual = numpySum(scratch);
    for (let i = 0; i < n; i++)
        scratch[i] = squaredError(yTrue[i], mean) * (weight ? weight[i] : 1);
    const total = numpySum(scratch);
    if (residual === 0)
        return 1;
    if (total === 0)
        return 0;
    return 1 - residual / total;
}

;// CONCATENATED MODULE: ./src/eval/mcnemar.ts

/**
 * McNemar's test of two classifiers on the same examples: of the examples exactly one of them
 * labels correctly, are the candidate's and the baseline's shares equal? The statistic is the
 * continuity-corrected χ² = (|b − c| − 1)² / (b + c) with one degree of freedom (statsmodels'
 * mcnemar(exact=False, correction=True)); counts are of examples, not weights.
 */
function mcnemar(yTrue, candidate, baseline) {
    let b = 0;
    let c = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const candidateRight = candidate[i] === yTrue[i];
        const baselineRight = baseline[i] === yTrue[i];
        if (candidateRight && !baselineRight)
            b++;
        else if (baselineRight && !candidateRight)
            c++;
    }
    if (b + c === 0)
        return { candidateOnlyCorrect: 0, baselineOnlyCorrect: 0, statistic: 0, pValue: 1 };
    const statistic = (Math.abs(b - c) - 1) ** 2 / (b + c);
    return { candidateOnlyCorrect: b, baselineOnlyCorrect: c, statistic, pValue: (0,distributions/* chi2Sf */.wv)(statistic, 1) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/data/batch.ts
var batch = __webpack_require__(9984);
// EXTERNAL MODULE: ./src/data/readers/index.ts + 4 modules
var readers = __webpack_require__(8381);
// EXTERNAL MODULE: ./src/data/typed.ts
var typed = __webpack_require__(3560);
;// CONCATENATED MODULE: ./src/eval/predictions.ts





const DEFAULT_COLUMNS = { label: 'y_true', score: 'y_score', prediction: 'y_pred', weight: 'weight' };
/** Grows a Float64Array as rows come. */
class Column {
    data = new Float64Array(1 << 16);
    length = 0;
    push(x) {
        if (this.length === this.data.length) {
            const grown = new Float64Array(this.data.length * 2);
            grown.set(this.data);
            this.data = grown;
        }
        this.data[this.length++] = x;
    }
    done() {
        return this.data.slice(0, this.length);
    }
}
/** Codes strings in order of first sight; recoded to sorted order at the end. */
class Dictionary {
    index = new Map();
    values = [];
    code(text) {
        let c = this.index.get(text);
        if (c === undefined) {
            c = this.values.length;
            this.index.set(text, c);
            this.values.push(text);
        }
        return c;
    }
}
async function loadPredictions(file, names, read, options) {
    const label = new Column();
    const score = new Column();
    const pred = new Column();
    const weight = new Column();
    const labelText = new Dictionary();
    const slices = (names.slices ?? []).map((name) => ({ name, dict: new Dictionary(), codes: new Column() }));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let at = {};
    let has = { score: false, pred: false, weight: false, id: false };
    const text = (col, r) => {
        if (col.kind === 'values') {
            const v = col.values[r];
            return v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
        }
        if (col.flags[r] === batch/* FIELD_NULL */.VG)
            return null;
        return (0,typed/* fieldText */.gF)(col.buf, col.start[r], col.end[r], col.flags[r] === batch/* FIELD_QUOTED_ESCAPED */.A0, col.quote);
    };
    const number = (col, r) => {
        if (col.kind === 'values') {
            const v = col.values[r];
            if (typeof v === 'number')
                return v;
            if (typeof v === 'boolean')
                return v ? 1 : 0;
            if (typeof v === 'bigint')
                return Number(v);
            if (typeof v === 'string' && v.trim() !== '')
                return Number(v);
            return NaN;
        }
        if (col.flags[r] === batch/* FIELD_NULL */.VG)
            return NaN;
        return (0,typed/* parseNumberBytes */.oX)(col.buf, col.start[r], col.end[r]);
    };
    const bad = (batch, r, column, value, expected) => new errors/* ConfigurationError */.j1(`${column}: ${value === null ? 'an empty value' : JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)} is not ${expected}`, {
        file: file.displayName,
        line: batch.positionKind === 'line' ? batch.positions[r] : undefined,
        hint: batch.positionKind === 'row'
            ? `At row ${batch.positions[r] + 1}. Every row needs ${expected} in ${column}; drop or fix the rows without one before the evaluation.`
            : `Every row needs ${expected} in ${column}; drop or fix the rows without one before the evaluation.`,
    });
    const sink = {
        beginFile(_f, header) {
            at = Object.fromEntries(header.map((n, i) => [n, i]));
            if (at[names.label] === undefined) {
                throw new errors/* ConfigurationError */.j1(`no label column "${names.label}" in the predictions (columns: ${header.slice(0, 20).join(', ')})`, {
                    file: file.displayName,
                    line: 1,
                    hint: 'Name the column of true labels with `label-column`, or call it y_true.',
                });
            }
            has = { score: at[names.score] !== undefined, pred: at[names.prediction] !== undefined, weight: at[names.weight] !== undefined, id: names.id !== undefined && at[names.id] !== undefined };
            if (!has.score && !has.pred) {
                throw new errors/* ConfigurationError */.j1(`the predictions have neither a score column "${names.score}" nor a predicted-label column "${names.prediction}"`, {
                    file: file.displayName,
                    line: 1,
                    hint: 'Write the model’s score (probability of the positive class) as y_score, or its predicted label (or value) as y_pred; or name them with score-column / prediction-column.',
                });
            }
            if (names.id !== undefined && !has.id)
                throw new errors/* ConfigurationError */.j1(`no id column "${names.id}" in the predictions`, { file: file.displayName, line: 1, hint: 'Remove id-column, or add the column.' });
            for (const s of slices) {
                if (at[s.name] === undefined)
                    throw new errors/* ConfigurationError */.j1(`no slice column "${s.name}" in the predictions`, { file: file.displayName, line: 1, hint: 'Name columns the predictions file has in slices.columns of the gates file.' });
            }
        },
        batch(batch) {
            const cols = batch.columns;
            const labelCol = cols[at[names.label]];
            const scoreCol = has.score ? cols[at[names.score]] : undefined;
            const predCol = has.pred ? cols[at[names.prediction]] : undefined;
            const weightCol = has.weight ? cols[at[names.weight]] : undefined;
            const idCol = has.id ? cols[at[names.id]] : undefined;
            const rowHash = new Float64Array(batch.rowCount * 2);
            for (let r = 0; r < batch.rowCount; r++) {
                if (options.labelsNumeric) {
                    const y = number(labelCol, r);
                    if (!Number.isFinite(y))
                        throw bad(batch, r, names.label, text(labelCol, r), 'a number');
                    label.push(y);
                }
                else {
                    const t = text(labelCol, r);
                    if (t === null)
                        throw bad(batch, r, names.label, t, 'a label');
                    label.push(labelText.code(t));
                }
                rowHash[2 * r] = label.data[label.length - 1];
                if (scoreCol) {
                    const s = number(scoreCol, r);
                    if (!Number.isFinite(s))
                        throw bad(batch, r, names.score, text(scoreCol, r), 'a finite number');
                    score.push(s);
                }
                if (predCol) {
                    if (options.labelsNumeric) {
                        const p = number(predCol, r);
                        if (!Number.isFinite(p))
                            throw bad(batch, r, names.prediction, text(predCol, r), 'a number');
                        pred.push(p);
                    }
                    else {
                        const t = text(predCol, r);
                        if (t === null)
                            throw bad(batch, r, names.prediction, t, 'a label');
                        pred.push(labelText.code(t));
                    }
                }
                if (weightCol) {
                    const w = number(weightCol, r);
                    if (!(w >= 0) || !Number.isFinite(w))
                        throw bad(batch, r, names.weight, text(weightCol, r), 'a non-negative number');
                    weight.push(w);
                }
                rowHash[2 * r + 1] = weightCol ? weight.data[weight.length - 1] : 1;
                for (const s of slices) {
                    const t = text(cols[at[s.name]], r) ?? '(empty)';
                    s.codes.push(s.dict.code(t));
                }
                if (idCol)
                    hash.update(`${text(idCol, r) ?? ''}\n`);
            }
            hash.update(new Uint8Array(rowHash.buffer));
        },
    };
    await (0,readers/* readDataFile */.l)(file, read, sink);
    if (label.length === 0)
        throw new errors/* ConfigurationError */.j1('the predictions file has no rows', { file: file.displayName, hint: 'The evaluation step must write one row per example.' });
    let yTrue = label.done();
    let yPred = has.pred ? pred.done() : undefined;
    let labels = [];
    if (!options.labelsNumeric) {
        // Codes in sorted label order, as sklearn's unique_labels sorts them (numbers numerically).
        const order = labelText.values.map((v, i) => ({ v, i })).sort((a, b) => compareLabels(a.v, b.v));
        const recode = new Float64Array(order.length);
        order.forEach((o, rank) => (recode[o.i] = rank));
        yTrue = yTrue.map((c) => recode[c]);
        yPred = yPred?.map((c) => recode[c]);
        labels = order.map((o) => o.v);
    }
    return {
        file: file.displayName,
        rows: label.length,
        yTrue,
        yScore: has.score ? score.done() : undefined,
        yPred,
        weight: has.weight ? weight.done() : undefined,
        labels,
        slices: Object.fromEntries(slices.map((s) => [s.name, { values: s.dict.values, codes: Uint32Array.from(s.codes.done()) }])),
        fingerprint: `sha256:${hash.update(`labels:${labels.join('\u0000')}`).digest('hex')}`,
    };
}
/** scikit-learn's class order: numbers numerically, other labels as strings. */
function compareLabels(a, b) {
    const x = Number(a);
    const y = Number(b);
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y))
        return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/eval/compare.ts








async function evaluateMetricsGate(options) {
    const { gates, candidate, task } = options;
    const findings = new platform_report.FindingCollector();
    const gateLine = (metric) => options.gatesLineOf?.(['metrics', metric]);
    const names = Object.keys(gates.metrics);
    const sliceNames = Object.keys(gates.slices?.worst_slice ?? {});
    const wanted = [...new Set([...names, ...sliceNames])];
    const confidence = gates.confidence;
    // Which metrics the candidate can give.
    if (candidate.kind === 'predictions') {
        const can = availableMetrics(task, { yScore: candidate.data.yScore !== undefined, yPred: candidate.data.yPred !== undefined || task === 'binary' });
        for (const m of wanted) {
            if (!can.includes(m)) {
                throw new errors/* ConfigurationError */.j1(`the gates name metric "${m}", which ${task} predictions with ${describeColumns(candidate.data)} cannot give`, {
                    file: options.gatesFile,
                    line: gateLine(m) ?? options.gatesLineOf?.(['slices', 'worst_slice', m]),
                    hint: `Metrics available here: ${can.join(', ')}.${m === 'roc_auc' || m === 'pr_auc' || m === 'log_loss' || m === 'brier' ? ' This one needs a score column (y_score).' : ''}`,
                });
            }
        }
        checkLabels(candidate.data, task);
    }
    else {
        for (const m of names) {
            if (candidate.values[m] === undefined) {
                throw new errors/* ConfigurationError */.j1(`the gates name metric "${m}", which the candidate metrics (${candidate.name}) do not have`, {
                    file: options.gatesFile,
                    line: gateLine(m),
                    hint: `The file has: ${Object.keys(candidate.values).slice(0, 30).join(', ')}. Nested keys are joined with dots (test.roc_auc).`,
                });
            }
        }
    }
    // The baseline must be of the same eval set.
    const baseline = options.baseline;
    let paired = false;
    if (baseline && candidate.kind === 'predictions') {
        const theirs = baseline.kind === 'predictions' ? baseline.data.fingerprint : baseline.kind === 'stored' ? baseline.evaluation.fingerprint : undefined;
        if (theirs !== undefined && theirs !== candidate.data.fingerprint) {
            const theirRows = baseline.kind === 'predictions' ? baseline.data.rows : baseline.kind === 'stored' ? baseline.evaluation.rows : undefined;
            const sizes = theirRows !== undefined && theirRows !== candidate.data.rows ? ` (${theirRows.toLocaleString('en-US')} examples, the candidate's ${candidate.data.rows.toLocaleString('en-US')})` : '';
            const message = `the baseline (${baseline.name}) was evaluated on different data${sizes}: eval-set fingerprint ${compare_short(theirs)}, the candidate's ${compare_short(candidate.data.fingerprint)}`;
            if (!options.allowDifferentData) {
                throw new errors/* ConfigurationError */.j1(message, {
                    hint: 'Evaluate both models on the same examples in the same order (same labels, weights and ids), or set allow-different-data: true to compare anyway without pairing.',
                });
            }
            findings.add({ severity: 'warning', rule: 'different-data', message: `${message}; compared without pairing, as allow-different-data is set` });
        }
        else if (baseline.kind === 'predictions') {
            paired = true;
            checkLabels(baseline.data, task);
            if (task === 'multiclass')
                alignLabels(candidate.data, baseline.data);
        }
        else if (baseline.kind === 'stored') {
            paired = theirs !== undefined && baseline.evaluation.seed === options.seed && baseline.evaluation.resamples === options.resamples && baseline.evaluation.replicates !== undefined;
        }
    }
    // Estimates with intervals.
    const cand = {};
    const base = {};
    const delta = {};
    let replicates;
    if (candidate.kind === 'predictions') {
        const result = await bootstrapAll(options, candidate.data, baseline?.kind === 'predictions' && paired ? baseline.data : undefined, wanted);
        replicates = result.replicates;
        for (const m of wanted) {
            cand[m] = result.candidate[m];
            if (result.baseline?.[m])
                base[m] = result.baseline[m];
            if (result.delta?.[m])
                delta[m] = { ...result.delta[m], paired: true };
        }
        if (baseline?.kind === 'predictions' && !paired) {
            const alone = await bootstrapAll(options, baseline.data, undefined, wanted);
            for (const m of wanted)
                base[m] = alone.candidate[m];
        }
    }
    else {
        for (const m of names)
            cand[m] = { estimate: candidate.values[m] };
    }
    if (baseline?.kind === 'metrics') {
        for (const m of names)
            if (baseline.values[m] !== undefined)
                base[m] = { estimate: baseline.values[m] };
    }
    else if (baseline?.kind === 'stored') {
        for (const m of names) {
            const b = baseline.evaluation.metrics[m];
            if (b)
                base[m] = b;
            const theirs = baseline.evaluation.replicates?.[m];
            if (paired && theirs && replicates?.[m] && theirs.length === replicates[m].length) {
                const mine = replicates[m];
                const diffs = mine.map((x, i) => x - theirs[i]);
                delta[m] = { ...(0,bootstrap/* bootstrapInterval */.kd)(diffs, cand[m].estimate - b.estimate, confidence), paired: true };
            }
        }
    }
    for (const m of names) {
        if (delta[m] || !base[m])
            continue;
        delta[m] = unpairedDelta(cand[m], base[m], confidence);
    }
    if (baseline && candidate.kind === 'predictions' && !paired && baseline.kind !== 'metrics' && !findings.kept.some((f) => f.rule === 'different-data')) {
        findings.add({ severity: 'notice', rule: 'unpaired', message: `the baseline (${baseline.name}) has no per-resample values for this eval set and seed: its difference intervals assume independent samples, which makes them wider` });
    }
    if (!baseline) {
        findings.add({ severity: 'notice', rule: 'no-baseline', message: `no baseline${options.noBaselineReason ? ` (${options.noBaselineReason})` : ''}: only absolute gates (min, max) apply on this run` });
    }
    // Training noise: a retrained model moves by about its seed std even on the same data. Judge on
    // intervals that hold both noises (half-widths added in quadrature); a difference of two trained
    // models carries it twice (σ√2). The stored evaluation keeps the eval-set intervals alone.
    const judgedCand = { ...cand };
    const judgedDelta = { ...delta };
    const noiseUsed = {};
    if (options.trainingNoise) {
        const z = (0,distributions/* normalQuantile */.Zl)(1 - (1 - confidence) / 2);
        for (const m of names) {
            const sigma = options.trainingNoise.std[m];
            if (sigma === undefined || !(sigma > 0))
                continue;
            noiseUsed[m] = sigma;
            judgedCand[m] = widen(cand[m], z * sigma);
            if (delta[m])
                judgedDelta[m] = { ...widen(delta[m], z * sigma * Math.SQRT2), paired: delta[m].paired };
        }
        const used = Object.keys(noiseUsed);
        findings.add({
            severity: 'notice',
            rule: 'training-noise',
            message: used.length > 0
                ? `intervals of ${used.join(', ')} include the training noise measured across seeds in ${options.trainingNoise.source} (std ${used.map((m) => `${m} ${(0,eval_gates.fmt)(noiseUsed[m])}`).join(', ')})`
                : `${options.trainingNoise.source} has no seed std for the gated metrics (${names.join(', ')}): intervals are the eval set's alone`,
        });
    }
    // The gates.
    const examples = candidate.kind === 'predictions' ? candidate.data.rows : undefined;
    const results = [];
    const comparison = [];
    for (const m of names) {
        const gate = gates.metrics[m];
        const direction = gate.direction ?? METRIC_DIRECTION[m] ?? 'higher';
        const judged = (0,eval_gates.judgeMetric)(m, gate, { direction, candidate: judgedCand[m], baseline: base[m], delta: judgedDelta[m], examples });
        results.push(...judged);
        comparison.push({ metric: m, direction, candidate: judgedCand[m], baseline: base[m], delta: judgedDelta[m], status: overallStatus(judged) });
        for (const r of judged) {
            if (r.status === 'fail' || r.status === 'inconclusive') {
                findings.add({
                    severity: r.status === 'fail' ? 'error' : 'warning',
                    rule: r.status === 'fail' ? 'gate' : 'gate-inconclusive',
                    subject: m,
                    file: options.gatesFile,
                    line: gateLine(m),
                    message: `${m} ${r.gate}: ${r.status}: ${r.reason}`,
                });
            }
        }
    }
    // Slices (point values: a slice is small, and its interval would say mostly that).
    let slices;
    if (gates.slices && candidate.kind === 'predictions') {
        slices = [];
        const data = candidate.data;
        const minSize = gates.slices.min_size;
        for (const column of gates.slices.columns) {
            const slice = data.slices[column];
            for (let v = 0; v < slice.values.length; v++) {
                const rows = [];
                for (let i = 0; i < slice.codes.length; i++)
                    if (slice.codes[i] === v)
                        rows.push(i);
                const gated = rows.length >= minSize;
                const metrics = safeMetrics(task, subset(data, rows), options.threshold, sliceNames.length > 0 ? sliceNames : wanted.filter((m) => !m.endsWith('_weighted')));
                slices.push({ column, value: slice.values[v], size: rows.length, gated, metrics });
            }
        }
        for (const [m, bound] of Object.entries(gates.slices.worst_slice)) {
            const direction = METRIC_DIRECTION[m] ?? 'higher';
            const gatedSlices = slices.filter((s) => s.gated && Number.isFinite(s.metrics[m]));
            if (gatedSlices.length === 0)
                continue;
            const worst = gatedSlices.reduce((a, b) => ((direction === 'higher' ? b.metrics[m] < a.metrics[m] : b.metrics[m] > a.metrics[m]) ? b : a));
            const value = worst.metrics[m];
            for (const [kind, threshold] of [['min', bound.min], ['max', bound.max]]) {
                if (threshold === undefined)
                    continue;
                const ok = kind === 'min' ? value >= threshold : value <= threshold;
                const r = {
                    metric: m,
                    gate: `worst_slice ${kind} ${threshold}`,
                    status: ok ? 'pass' : 'fail',
                    value: { estimate: value },
                    threshold,
                    reason: `the worst slice, ${worst.column} = ${worst.value} (${worst.size.toLocaleString('en-US')} examples), has ${(0,eval_gates.fmt)(value)}`,
                };
                results.push(r);
                if (!ok) {
                    findings.add({ severity: 'error', rule: 'worst-slice', subject: m, file: options.gatesFile, line: options.gatesLineOf?.(['slices', 'worst_slice', m]), message: `${m} worst_slice ${kind} ${threshold}: fail: ${r.reason}` });
                }
            }
        }
    }
    // McNemar's test on accuracy, when both models' predicted labels are at hand on the same examples.
    let mcnemarResult;
    if (paired && candidate.kind === 'predictions' && baseline?.kind === 'predictions' && task !== 'regression') {
        const c = predictedLabels(candidate.data, options.threshold);
        const b = predictedLabels(baseline.data, options.threshold);
        if (c && b)
            mcnemarResult = mcnemar(candidate.data.yTrue, c, b);
    }
    const verdict = (0,eval_gates.overallVerdict)(results);
    const failedGates = results.filter((r) => r.status === 'fail').map((r) => `${r.metric} ${r.gate}`);
    const evaluation = {
        fingerprint: candidate.kind === 'predictions' ? candidate.data.fingerprint : undefined,
        rows: examples,
        task,
        seed: options.seed,
        resamples: options.resamples,
        confidence,
        metrics: cand,
        replicates,
    };
    const details = {
        task,
        confidence,
        trainingNoise: Object.keys(noiseUsed).length > 0 ? { source: options.trainingNoise.source, std: noiseUsed } : undefined,
        baseline: baseline ? { name: baseline.name, kind: baseline.kind, paired } : undefined,
        comparison,
        gates: results,
        failedGates,
        slices,
        mcnemar: mcnemarResult,
        evaluation,
    };
    const tables = [comparisonTable(comparison, baseline?.name, confidence, evaluation), gatesTable(results)];
    if (slices)
        tables.push(slicesTable(slices, gates.slices.min_size));
    if (mcnemarResult) {
        tables.push({
            title: "McNemar's test on accuracy",
            columns: ['only the candidate right', 'only the baseline right', 'χ² (continuity-corrected)', 'p-value'],
            rows: [[mcnemarResult.candidateOnlyCorrect, mcnemarResult.baselineOnlyCorrect, Number(mcnemarResult.statistic.toPrecision(6)), Number(mcnemarResult.pValue.toPrecision(4))]],
            note: 'Counts of examples, unweighted. A small p-value says the two models disagree on accuracy beyond chance.',
        });
    }
    if (options.gatesDiff && options.gatesDiff.length > 0) {
        tables.push({
            title: `The gates file changed in this pull request (${options.gatesFile})`,
            columns: ['', 'line'],
            rows: options.gatesDiff.map((l) => [l.startsWith('+') ? '➕' : l.startsWith('-') ? '➖' : '', l.slice(1)]),
            note: 'Threshold edits are part of the review: this is the diff against the base branch.',
        });
    }
    const charts = [];
    const chart = deltaChart(comparison, confidence);
    if (chart)
        charts.push(chart);
    const counts = { pass: 0, fail: 0, inconclusive: 0, skipped: 0 };
    for (const r of results)
        counts[r.status]++;
    const headline = `${verdict === 'pass' ? 'The candidate may replace the baseline' : verdict === 'fail' ? 'The candidate may not replace the baseline' : 'The eval set cannot tell yet'}: ` +
        `${counts.pass} gate${counts.pass === 1 ? '' : 's'} passed, ${counts.fail} failed, ${counts.inconclusive} inconclusive${counts.skipped ? `, ${counts.skipped} skipped` : ''}` +
        `${examples !== undefined ? ` on ${examples.toLocaleString('en-US')} examples` : ''}${baseline ? ` against ${baseline.name}` : ' (no baseline)'}.`;
    const report = (0,platform_report.buildReport)({
        action: 'evaluate-metrics-gate',
        title: 'Model gate',
        verdict,
        headline,
        startedAt: options.startedAt,
        findings,
        tables,
        charts,
        details: details,
    });
    return { report, details };
}
async function bootstrapAll(options, candidate, baseline, metrics) {
    const confidence = options.gates.confidence;
    const out = {
        candidate: {},
        baseline: baseline ? {} : undefined,
        delta: baseline ? {} : undefined,
        replicates: {},
    };
    // Replicates are kept in the report for a later run to pair with: 12 digits are plenty.
    const keep = (values) => Array.from(values, (x) => Number(x.toPrecision(12)));
    // Binary metrics come from the fused engine; the rest (averaged label metrics, other tasks) through computeMetrics per resample.
    const fused = options.task === 'binary' ? metrics.filter((m) => bootstrap/* BINARY_METRICS */.Cd.includes(m)) : [];
    const generic = metrics.filter((m) => !fused.includes(m));
    if (fused.length > 0) {
        const result = await (0,bootstrap/* pairedBootstrap */.Wx)({
            yTrue: candidate.yTrue,
            weight: candidate.weight,
            candidate: { yScore: candidate.yScore, yPred: candidate.yPred },
            baseline: baseline ? { yScore: baseline.yScore, yPred: baseline.yPred } : undefined,
            threshold: options.threshold,
        }, { metrics: fused, resamples: options.resamples, confidence, seed: options.seed, workerEntry: options.workerEntry });
        for (const m of fused) {
            const r = result.metrics[m];
            out.candidate[m] = r.candidate;
            if (out.baseline && r.baseline)
                out.baseline[m] = r.baseline;
            if (out.delta && r.delta)
                out.delta[m] = r.delta;
            out.replicates[m] = keep(result.replicates[m].candidate);
        }
    }
    if (generic.length === 0)
        return out;
    const n = candidate.rows;
    const c = Object.fromEntries(generic.map((m) => [m, []]));
    const b = Object.fromEntries(generic.map((m) => [m, []]));
    const weight = new Float64Array(n);
    const metricOptions = { threshold: options.threshold, classes: classCount(candidate, baseline) };
    for (let r = 0; r < options.resamples; r++) {
        const w = (0,bootstrap/* poissonWeights */.np)(options.seed, r, n);
        for (let i = 0; i < n; i++)
            weight[i] = w[i] * (candidate.weight ? candidate.weight[i] : 1);
        const cm = computeMetrics(options.task, { ...asPredictions(candidate), weight }, metricOptions, generic);
        for (const m of generic)
            c[m].push(cm[m]);
        if (baseline) {
            const bm = computeMetrics(options.task, { ...asPredictions(baseline), weight }, metricOptions, generic);
            for (const m of generic)
                b[m].push(bm[m]);
        }
    }
    const ce = computeMetrics(options.task, asPredictions(candidate), metricOptions, generic);
    const be = baseline ? computeMetrics(options.task, asPredictions(baseline), metricOptions, generic) : undefined;
    for (const m of generic) {
        out.candidate[m] = (0,bootstrap/* bootstrapInterval */.kd)(c[m], ce[m], confidence);
        out.replicates[m] = keep(c[m]);
        if (be && out.baseline && out.delta) {
            out.baseline[m] = (0,bootstrap/* bootstrapInterval */.kd)(b[m], be[m], confidence);
            out.delta[m] = (0,bootstrap/* bootstrapInterval */.kd)(c[m].map((x, i) => x - b[m][i]), ce[m] - be[m], confidence);
        }
    }
    return out;
}
/** Multiclass: the classes of both models' labels, so every resample averages over the same ones. */
function classCount(candidate, baseline) {
    if (candidate.labels.length === 0)
        return undefined;
    return Math.max(candidate.labels.length, baseline?.labels.length ?? 0);
}
function asPredictions(p) {
    return { yTrue: p.yTrue, yScore: p.yScore, yPred: p.yPred, weight: p.weight };
}
/** Candidate − baseline from two independent estimates: a normal interval from their standard errors (or a point value). */
function unpairedDelta(c, b, confidence) {
    const estimate = c.estimate - b.estimate;
    if (c.se === undefined || b.se === undefined || !Number.isFinite(c.se) || !Number.isFinite(b.se))
        return { estimate, paired: false };
    const z = (0,distributions/* normalQuantile */.Zl)(1 - (1 - confidence) / 2);
    const se = Math.hypot(c.se, b.se);
    return { estimate, low: estimate - z * se, high: estimate + z * se, paired: false };
}
function overallStatus(results) {
    const live = results.filter((r) => r.status !== 'skipped');
    if (live.length === 0)
        return 'skipped';
    return (0,eval_gates.overallVerdict)(live);
}
function checkLabels(data, task) {
    if (task !== 'binary')
        return;
    for (let i = 0; i < data.rows; i++) {
        const y = data.yTrue[i];
        if (y !== 0 && y !== 1) {
            throw new errors/* ConfigurationError */.j1(`binary labels must be 0 or 1 (or true/false); ${data.file} has ${y} in row ${i + 1}`, {
                file: data.file,
                hint: 'Map the labels to 0/1 before the evaluation, or set task: multiclass for more than two classes.',
            });
        }
        const p = data.yPred?.[i];
        if (p !== undefined && p !== 0 && p !== 1) {
            throw new errors/* ConfigurationError */.j1(`binary predicted labels must be 0 or 1; ${data.file} has ${p} in row ${i + 1}`, { file: data.file, hint: 'Write 0/1 in y_pred, or leave it out and give y_score.' });
        }
    }
}
/** Multiclass: recodes both models' labels over the union of their classes, in sorted order. */
function alignLabels(a, b) {
    const union = [...new Set([...a.labels, ...b.labels])].sort(compareLabels);
    if (union.length === a.labels.length && union.length === b.labels.length && union.every((l, i) => l === a.labels[i] && l === b.labels[i]))
        return;
    for (const p of [a, b]) {
        const to = Float64Array.from(p.labels, (l) => union.indexOf(l));
        p.yTrue = p.yTrue.map((c) => to[c]);
        if (p.yPred)
            p.yPred = p.yPred.map((c) => to[c]);
        p.labels = union;
    }
}
function predictedLabels(data, threshold) {
    if (data.yPred)
        return data.yPred;
    if (data.yScore)
        return data.yScore.map((s) => (s >= threshold ? 1 : 0));
    return undefined;
}
function subset(data, rows) {
    const pick = (a) => (a ? Float64Array.from(rows, (i) => a[i]) : undefined);
    return { yTrue: pick(data.yTrue), yScore: pick(data.yScore), yPred: pick(data.yPred), weight: pick(data.weight) };
}
function safeMetrics(task, p, threshold, names) {
    if (p.yTrue.length === 0)
        return {};
    try {
        return computeMetrics(task, p, { threshold }, names);
    }
    catch {
        return {};
    }
}
function describeColumns(p) {
    return [p.yScore ? 'scores' : undefined, p.yPred ? 'predicted labels' : undefined].filter(Boolean).join(' and ') || 'no model output';
}
function compare_short(fingerprint) {
    return fingerprint.replace(/^sha256:/, '').slice(0, 12);
}
function interval(e) {
    if (!e || e.low === undefined || e.high === undefined)
        return '—';
    return `[${(0,eval_gates.fmt)(e.low)}, ${(0,eval_gates.fmt)(e.high)}]`;
}
const STATUS_ICON = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', skipped: '➖ skipped' };
function comparisonTable(rows, baselineName, confidence, evaluation) {
    const order = { fail: 0, inconclusive: 1, pass: 2, skipped: 3 };
    const sorted = [...rows].sort((a, b) => order[a.status] - order[b.status] || a.metric.localeCompare(b.metric));
    return {
        title: 'Candidate vs baseline',
        columns: ['metric', 'baseline', 'candidate', 'Δ', `${Math.round(confidence * 100)} % CI of Δ`, 'gate', 'verdict'],
        rows: sorted.map((r) => [
            r.metric,
            r.baseline ? (0,eval_gates.fmt)(r.baseline.estimate) : '—',
            `${(0,eval_gates.fmt)(r.candidate.estimate)}${r.candidate.low !== undefined ? ` ${interval(r.candidate)}` : ''}`,
            r.delta ? `${r.delta.estimate >= 0 ? '+' : ''}${(0,eval_gates.fmt)(r.delta.estimate)}` : '—',
            r.delta ? `${interval(r.delta)}${r.delta.low !== undefined && !r.delta.paired ? ' (unpaired)' : ''}` : '—',
            r.direction === 'higher' ? 'higher is better' : 'lower is better',
            STATUS_ICON[r.status],
        ]),
        note: (baselineName ? `Baseline: ${baselineName}. Worst first.` : 'No baseline: only absolute gates were judged.') +
            (evaluation.fingerprint
                ? ` Eval set: ${evaluation.rows?.toLocaleString('en-US')} examples, fingerprint ${compare_short(evaluation.fingerprint)}; ${evaluation.resamples.toLocaleString('en-US')} bootstrap resamples, seed ${evaluation.seed}.`
                : ' Metrics from a file: point values, no intervals.'),
    };
}
function gatesTable(results) {
    return {
        title: 'Gates',
        columns: ['metric', 'gate', 'verdict', 'why'],
        rows: results.map((r) => [r.metric, r.gate, STATUS_ICON[r.status], r.reason]),
    };
}
function slicesTable(slices, minSize) {
    const metricNames = [...new Set(slices.flatMap((s) => Object.keys(s.metrics)))];
    return {
        title: 'Slices',
        columns: ['column', 'value', 'examples', ...metricNames],
        rows: slices.map((s) => [s.column, s.value, s.size, ...metricNames.map((m) => (s.metrics[m] === undefined ? '—' : (0,eval_gates.fmt)(s.metrics[m])))]),
        note: `Slices under ${minSize} examples are listed but not gated.`,
    };
}
/** A Mermaid chart of each metric's Δ with its interval bounds (bars: Δ; lines: the bounds). */
function deltaChart(rows, confidence) {
    const withDelta = rows.filter((r) => r.delta && Number.isFinite(r.delta.estimate));
    if (withDelta.length === 0)
        return undefined;
    const num = (x) => (x === undefined || !Number.isFinite(x) ? 0 : Number(x.toPrecision(4)));
    const values = withDelta.flatMap((r) => [r.delta.estimate, r.delta.low ?? r.delta.estimate, r.delta.high ?? r.delta.estimate]);
    const lo = Math.min(0, ...values);
    const hi = Math.max(0, ...values);
    const pad = (hi - lo) * 0.1 || 0.01;
    const lines = [
        'xychart-beta',
        `  title "Candidate − baseline, with ${Math.round(confidence * 100)} % interval bounds"`,
        `  x-axis [${withDelta.map((r) => `"${r.metric}"`).join(', ')}]`,
        `  y-axis "Δ" ${num(lo - pad)} --> ${num(hi + pad)}`,
        `  bar [${withDelta.map((r) => num(r.delta.estimate)).join(', ')}]`,
    ];
    if (withDelta.some((r) => r.delta.low !== undefined)) {
        lines.push(`  line [${withDelta.map((r) => num(r.delta.low ?? r.delta.estimate)).join(', ')}]`);
        lines.push(`  line [${withDelta.map((r) => num(r.delta.high ?? r.delta.estimate)).join(', ')}]`);
    }
    return { title: 'Δ per metric', mermaid: lines.join('\n') };
}
/** An estimate's interval with `extra` added in quadrature to each half-width; a point value gets ± extra. */
function widen(value, extra) {
    const low = value.low ?? value.estimate;
    const high = value.high ?? value.estimate;
    return {
        ...value,
        low: value.estimate - Math.hypot(value.estimate - low, extra),
        high: value.estimate + Math.hypot(high - value.estimate, extra),
    };
}

// EXTERNAL MODULE: ./src/eval/metrics-file.ts
var metrics_file = __webpack_require__(5546);
;// CONCATENATED MODULE: ./src/eval/training-noise.ts



/**
 * Reads train-check's variance file (`seeds:` runs): each metric's standard deviation across
 * training seeds, the noise of training itself.
 */
const varianceFileSchema = schemas/* object */.Ikc({
    kind: schemas/* literal */.euz('mlops-actions/training-variance'),
    version: schemas/* literal */.euz(1),
    seeds: schemas/* array */.YOg(schemas/* number */.aig()),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ std: schemas/* number */.aig().nonnegative(), n: schemas/* number */.aig().int().positive() }).loose()),
});
async function readTrainingNoise(file, displayName) {
    let parsed;
    try {
        parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigurationError */.j1(code === 'ENOENT' ? 'training-noise file not found' : 'the training-noise file is not JSON', {
            file: displayName,
            hint: 'Give the variance file train-check writes with `seeds:` (its output variance-path), e.g. from an artifact.',
        });
    }
    const result = varianceFileSchema.safeParse(parsed);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new errors/* ConfigurationError */.j1(`the training-noise file is not a train-check variance file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`, {
            file: displayName,
            hint: 'It is the JSON that train-check writes to variance-path when given several seeds.',
        });
    }
    const std = {};
    for (const [name, spread] of Object.entries(result.data.metrics))
        std[name] = spread.std;
    return { source: displayName, std };
}

// EXTERNAL MODULE: ./src/platform/config-file.ts
var config_file = __webpack_require__(5892);
// EXTERNAL MODULE: ./src/platform/inputs.ts
var inputs = __webpack_require__(3734);
// EXTERNAL MODULE: ./src/platform/reporting.ts
var reporting = __webpack_require__(5633);
;// CONCATENATED MODULE: ./src/platform/text-diff.ts
/**
 * A line diff of two small texts (config files) by longest common subsequence: each changed line
 * prefixed `-` (removed) or `+` (added), with one unchanged line (` `) of context around each
 * change. Texts over 2,000 lines are compared as a whole: removed, then added.
 */
const MAX_LINES = 2000;
function lineDiff(before, after) {
    const a = before.replace(/\n$/, '').split(/\r?\n/);
    const b = after.replace(/\n$/, '').split(/\r?\n/);
    if (a.length > MAX_LINES || b.length > MAX_LINES)
        return [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
    // lcs[i][j]: the LCS length of a[i..] and b[j..].
    const lcs = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--)
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    const all = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            all.push(` ${a[i]}`);
            i++;
            j++;
        }
        else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
            all.push(`-${a[i]}`);
            i++;
        }
        else {
            all.push(`+${b[j]}`);
            j++;
        }
    }
    const changed = all.map((l) => !l.startsWith(' '));
    return all.filter((_, k) => changed[k] || changed[k - 1] || changed[k + 1]);
}

;// CONCATENATED MODULE: ./src/actions/evaluate-metrics-gate.ts












const evaluateMetricsGateInputs = schemas/* object */.Ikc({
    gates: schemas/* string */.YjP().describe('The gates file (YAML or JSON, `version: 1`): the metrics, their bounds and allowed changes.'),
    predictions: schemas/* string */.YjP().optional().describe("The candidate's predictions on the eval set (CSV, JSONL or Parquet): metrics and intervals are computed from them."),
    metrics: schemas/* string */.YjP().optional().describe("Or the candidate's metrics (JSON, YAML or CSV; nested keys joined with dots): point values, no intervals."),
    baseline: schemas/* string */.YjP()
        .optional()
        .describe("What the candidate must not be worse than: a predictions file of the baseline model on the same eval set (paired), a metrics file, a report of an earlier run (.json), or a branch name: the newest report this action saved there (save-history)."),
    task: (0,inputs/* choiceInput */.ij)('task', ['auto', 'binary', 'multiclass', 'regression']).prefault('auto').describe('auto: binary for 0/1 labels, multiclass for other labels, regression for non-integer targets.'),
    threshold: (0,inputs/* numberInput */.QR)('threshold', { min: 0, max: 1, integer: false, what: 'a number between 0 and 1' }).prefault('0.5').describe('Binary: a score at or above this is a positive prediction (when there is no y_pred column).'),
    'label-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.label).describe('Column of the true labels (or regression targets).'),
    'score-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.score).describe('Column of the score of the positive class (binary).'),
    'prediction-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.prediction).describe('Column of the predicted labels (or values).'),
    'weight-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.weight).describe('Column of example weights, used when present.'),
    'id-column': schemas/* string */.YjP().optional().describe('Column of example ids: part of the eval-set fingerprint, so candidate and baseline must list the same examples in the same order.'),
    format: (0,inputs/* choiceInput */.ij)('format', ['auto', 'csv', 'jsonl', 'parquet']).prefault('auto').describe('Predictions format; auto goes by the file extension.'),
    resamples: (0,inputs/* numberInput */.QR)('resamples', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' }).prefault('1000').describe('Bootstrap resamples for the intervals.'),
    seed: (0,inputs/* numberInput */.QR)('seed', { min: 0, max: 2 ** 32 - 1, integer: true, what: 'a whole number from 0 to 4294967295' }).prefault('0').describe('Seed of the bootstrap; keep it fixed so a branch baseline pairs with this run.'),
    'allow-different-data': (0,inputs/* booleanInput */.tE)('allow-different-data').prefault('false').describe('Compare with a baseline evaluated on other data (with a warning, unpaired) instead of refusing.'),
    'training-noise': schemas/* string */.YjP()
        .optional()
        .describe("train-check's variance across seeds (variance-path): each metric's seed std is added to its interval, so training noise alone does not fail or pass a gate."),
    'save-history': (0,inputs/* booleanInput */.tE)('save-history').prefault('false').describe("Save this run's report to the Actions cache, for `baseline: <this branch>` in later runs (set it on the main branch)."),
    ...(0,reporting/* reportingInputs */.O)('evaluate-metrics-gate', 'verdict'),
});
const evaluateMetricsGateAction = {
    name: 'evaluate-metrics-gate',
    inputs: evaluateMetricsGateInputs,
    async run(inputs, context) {
        const { workspace, logger } = context;
        const startedAt = new Date();
        const gatesPath = workspace.resolve(inputs.gates);
        const gatesFile = workspace.display(gatesPath);
        const gates = await (0,config_file/* loadConfigFile */.H)(gatesPath, gatesFile, eval_gates.gatesSchema, 'gates file');
        if (!inputs.predictions === !inputs.metrics) {
            throw new errors/* ConfigurationError */.j1(inputs.predictions ? 'give either predictions or metrics, not both' : 'input predictions or metrics is required', {
                hint: 'predictions: the model’s outputs on the eval set (for intervals); metrics: a file of metric values (point values only).',
            });
        }
        const read = { format: inputs.format === 'auto' ? undefined : inputs.format };
        const names = {
            label: inputs['label-column'],
            score: inputs['score-column'],
            prediction: inputs['prediction-column'],
            weight: inputs['weight-column'],
            id: inputs['id-column'],
            slices: gates.value.slices?.columns,
        };
        let task = inputs.task === 'auto' ? 'binary' : inputs.task;
        let candidate;
        if (inputs.predictions) {
            const file = await single(context, inputs.predictions, 'predictions');
            const loaded = await loadWithTask(file, names, read, inputs.task);
            task = loaded.task;
            candidate = { kind: 'predictions', name: file.displayName, data: loaded.data };
            logger.info(`Read ${loaded.data.rows.toLocaleString('en-US')} predictions from ${file.displayName} (task: ${task}).`);
        }
        else {
            const file = await single(context, inputs.metrics, 'metrics');
            candidate = { kind: 'metrics', name: file.displayName, values: await (0,metrics_file/* readMetricsFile */._)(file.path, file.displayName) };
        }
        let baseline;
        let noBaselineReason;
        if (inputs.baseline) {
            const resolved = await resolveBaseline(inputs.baseline.trim(), context, { ...names, slices: undefined }, read, task);
            baseline = resolved.side;
            noBaselineReason = resolved.reason;
        }
        const gatesDiff = await changedGates(context, inputs.gates, gatesPath);
        const trainingNoise = inputs['training-noise'] ? await single(context, inputs['training-noise'], 'training-noise').then((f) => readTrainingNoise(f.path, f.displayName)) : undefined;
        const { report, details } = await evaluateMetricsGate({
            gates: gates.value,
            gatesFile,
            gatesLineOf: gates.lineOf,
            candidate,
            baseline,
            noBaselineReason,
            task,
            threshold: inputs.threshold,
            resamples: inputs.resamples,
            seed: inputs.seed,
            allowDifferentData: inputs['allow-different-data'],
            workerEntry: context.workerEntry,
            startedAt,
            gatesDiff,
            trainingNoise,
        });
        return {
            report,
            outputs: {
                'failed-gates': JSON.stringify(details.failedGates),
                comparison: JSON.stringify(comparisonOutput(details)),
            },
        };
    },
};
async function single(context, pattern, input) {
    const files = await context.workspace.expand(pattern, input);
    if (files.length !== 1) {
        throw new errors/* ConfigurationError */.j1(`${input}: ${files.length} files match ${pattern}; one is needed`, { hint: 'Name a single file.' });
    }
    return files[0];
}
/**
 * Reads predictions; with task auto, labels that are all 0/1 make it binary, other whole-number or
 * text labels multiclass, and other numbers regression.
 */
async function loadWithTask(file, names, read, task) {
    if (task === 'multiclass')
        return { task, data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
    if (task !== 'auto')
        return { task, data: await loadPredictions(file, names, read, { labelsNumeric: true }) };
    let data;
    try {
        data = await loadPredictions(file, names, read, { labelsNumeric: true });
    }
    catch (error) {
        // Text labels: a classification with named classes.
        if (error instanceof errors/* ConfigurationError */.j1 && error.message.startsWith(`${names.label}:`))
            return { task: 'multiclass', data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
        throw error;
    }
    let binary = true;
    let integers = true;
    for (const y of data.yTrue) {
        if (y !== 0 && y !== 1)
            binary = false;
        if (!Number.isInteger(y))
            integers = false;
    }
    if (binary)
        return { task: 'binary', data };
    if (integers && !data.yScore)
        return { task: 'multiclass', data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
    return { task: 'regression', data };
}
async function resolveBaseline(value, context, names, read, task) {
    const { workspace } = context;
    const absolute = workspace.resolve(value);
    const isFile = await (0,promises_.stat)(absolute).then((s) => s.isFile(), () => false);
    if (!isFile) {
        if (/[/\\]|\.(json|ya?ml|csv|tsv|jsonl|ndjson|parquet)$/i.test(value)) {
            throw new errors/* ConfigurationError */.j1(`baseline: file not found: ${value}`, { hint: 'A path is relative to the workspace; a branch name has no extension.' });
        }
        if (!context.restoreHistory)
            return { reason: `a branch baseline (${value}) needs the Actions cache, which only a workflow run has` };
        const saved = await context.restoreHistory(value);
        const evaluation = saved?.report.details.evaluation;
        if (!saved || !evaluation)
            return { reason: `no saved report of ${value} yet: run this action there with save-history: true` };
        return { side: { kind: 'stored', name: `${value} (newest saved run)`, evaluation } };
    }
    const file = { path: absolute, displayName: workspace.display(absolute) };
    if (/\.json$/i.test(value)) {
        // A report of an earlier run keeps its evaluation; any other JSON is a metrics file.
        const text = await (0,promises_.readFile)(absolute, 'utf8');
        const parsed = safeJson(text);
        if (parsed?.action === 'evaluate-metrics-gate' && parsed.details?.evaluation)
            return { side: { kind: 'stored', name: file.displayName, evaluation: parsed.details.evaluation } };
        return { side: { kind: 'metrics', name: file.displayName, values: await (0,metrics_file/* readMetricsFile */._)(absolute, file.displayName) } };
    }
    if (/\.ya?ml$/i.test(value))
        return { side: { kind: 'metrics', name: file.displayName, values: await (0,metrics_file/* readMetricsFile */._)(absolute, file.displayName) } };
    if (/\.csv$/i.test(value)) {
        const head = (await (0,promises_.readFile)(absolute, 'utf8')).split(/\r?\n/, 1)[0] ?? '';
        if (!head.split(',').some((c) => c.trim().replace(/^"|"$/g, '') === names.label)) {
            return { side: { kind: 'metrics', name: file.displayName, values: await (0,metrics_file/* readMetricsFile */._)(absolute, file.displayName) } };
        }
    }
    const data = await loadPredictions(file, names, read, { labelsNumeric: task !== 'multiclass' });
    return { side: { kind: 'predictions', name: file.displayName, data } };
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** The gates file's diff against the pull request's base branch, when it changed. */
async function changedGates(context, relative, absolute) {
    if (!context.readFileAtBase)
        return undefined;
    const before = await context.readFileAtBase(context.workspace.display(absolute));
    const now = await (0,promises_.readFile)(absolute, 'utf8');
    if (before === undefined)
        return [`+(new in this pull request: ${relative})`];
    if (before === now)
        return undefined;
    return lineDiff(before, now);
}
function comparisonOutput(details) {
    return Object.fromEntries(details.comparison.map((c) => [
        c.metric,
        {
            candidate: c.candidate.estimate,
            candidateInterval: c.candidate.low === undefined ? undefined : [c.candidate.low, c.candidate.high],
            baseline: c.baseline?.estimate,
            delta: c.delta?.estimate,
            deltaInterval: c.delta?.low === undefined ? undefined : [c.delta.low, c.delta.high],
            verdict: c.status,
        },
    ]));
}


/***/ }),

/***/ 6190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   examplesToSettle: () => (/* binding */ examplesToSettle),
/* harmony export */   fmt: () => (/* binding */ fmt),
/* harmony export */   gatesJsonSchema: () => (/* binding */ gatesJsonSchema),
/* harmony export */   gatesSchema: () => (/* binding */ gatesSchema),
/* harmony export */   judgeMetric: () => (/* binding */ judgeMetric),
/* harmony export */   metricGateSchema: () => (/* binding */ metricGateSchema),
/* harmony export */   overallVerdict: () => (/* binding */ overallVerdict)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8439);

/**
 * The gates file (`version: 1`) and the decision it drives. Every gate is judged on an interval,
 * not a point: it passes when the whole interval is on the good side of its threshold, fails when
 * the whole interval is on the bad side, and is inconclusive when the interval straddles it (the
 * eval set is too small to tell). Metrics read from a file have no interval; their gates are judged
 * on the point value and say so.
 *
 * - `min` / `max`: absolute bounds on the candidate's metric.
 * - `max_drop` / `max_rise` (and their `_relative` forms, a fraction of the baseline's value): how
 *   much worse than the baseline the candidate may be, on the interval of the paired difference
 *   candidate − baseline (a non-inferiority margin). Judged only when there is a baseline.
 */
const bound = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().refine(Number.isFinite, 'must be a finite number');
const margin = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().refine(Number.isFinite, 'must be a finite number');
const metricGateSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    direction: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['higher', 'lower']).optional().describe('Which way is better; default: the metric’s own (e.g. higher for roc_auc, lower for log_loss).'),
    min: bound.optional().describe('The candidate’s metric must be at least this.'),
    max: bound.optional().describe('The candidate’s metric must be at most this.'),
    max_drop: margin.optional().describe('higher is better: the candidate may be at most this much below the baseline.'),
    max_drop_relative: margin.optional().describe('higher is better: at most this fraction of the baseline’s value below it (0.02 = 2 %).'),
    max_rise: margin.optional().describe('lower is better: the candidate may be at most this much above the baseline.'),
    max_rise_relative: margin.optional().describe('lower is better: at most this fraction of the baseline’s value above it.'),
})
    .strict();
const gatesSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1).describe('Gates file format version; 1 is the only one.'),
    confidence: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0.5).lt(1).default(0.95).describe('Level of the two-sided intervals the gates are judged on.'),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), metricGateSchema).describe('Gates per metric, by metric name.'),
    slices: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).min(1).describe('Columns of the predictions file to slice by, each on its own.'),
        min_size: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().default(200).describe('Slices with fewer examples are listed but not gated.'),
        worst_slice: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ min: bound.optional(), max: bound.optional() }).strict()).default({}).describe('Bounds every gated slice must meet.'),
    })
        .strict()
        .optional(),
})
    .strict()
    .superRefine((gates, ctx) => {
    for (const [name, gate] of Object.entries(gates.metrics)) {
        if (gate.min !== undefined && gate.max !== undefined && gate.min > gate.max) {
            ctx.addIssue({ code: 'custom', path: ['metrics', name, 'min'], message: `min ${gate.min} is above max ${gate.max}` });
        }
    }
});
/**
 * Judges one metric's gates. Absolute bounds look at the candidate; change gates at the
 * difference. `needsAtLeast` is whether the good side is above the threshold.
 */
function judgeMetric(metric, gate, input) {
    const results = [];
    const { candidate, baseline, delta, direction } = input;
    if (gate.min !== undefined)
        results.push(judgeBound(metric, `min ${gate.min}`, candidate, gate.min, true, input.examples));
    if (gate.max !== undefined)
        results.push(judgeBound(metric, `max ${gate.max}`, candidate, gate.max, false, input.examples));
    const changeGates = [];
    if (gate.max_drop !== undefined)
        changeGates.push([`max_drop ${gate.max_drop}`, gate.max_drop, false]);
    if (gate.max_drop_relative !== undefined)
        changeGates.push([`max_drop_relative ${gate.max_drop_relative}`, gate.max_drop_relative, true]);
    if (gate.max_rise !== undefined)
        changeGates.push([`max_rise ${gate.max_rise}`, gate.max_rise, false]);
    if (gate.max_rise_relative !== undefined)
        changeGates.push([`max_rise_relative ${gate.max_rise_relative}`, gate.max_rise_relative, true]);
    for (const [name, amount, relative] of changeGates) {
        const isDrop = name.startsWith('max_drop');
        if ((isDrop && direction === 'lower') || (!isDrop && direction === 'higher')) {
            results.push({
                metric,
                gate: name,
                status: 'skipped',
                value: delta ?? { estimate: NaN },
                threshold: NaN,
                reason: `${isDrop ? 'max_drop' : 'max_rise'} applies to a metric where ${isDrop ? 'higher' : 'lower'} is better; ${metric} is ${direction} is better (use ${isDrop ? 'max_rise' : 'max_drop'})`,
            });
            continue;
        }
        if (!baseline || !delta) {
            results.push({ metric, gate: name, status: 'skipped', value: { estimate: NaN }, threshold: NaN, reason: 'no baseline: only absolute gates apply on a first run' });
            continue;
        }
        const allowed = relative ? amount * Math.abs(baseline.estimate) : amount;
        // higher is better: the difference must stay above -allowed; lower is better: below +allowed.
        const threshold = direction === 'higher' ? -allowed : allowed;
        results.push(judgeBound(metric, name, delta, threshold, direction === 'higher', input.examples, 'the difference'));
    }
    return results;
}
/**
 * One bound: `atLeast` means the value must be >= threshold. With an interval: pass when the whole
 * interval meets it, fail when none of it does, else inconclusive.
 */
function judgeBound(metric, gate, value, threshold, atLeast, examples, what = 'the value') {
    const base = { metric, gate, value, threshold };
    const cmp = atLeast ? '≥' : '≤';
    if (!Number.isFinite(value.estimate)) {
        return { ...base, status: 'fail', reason: `${what} is not a number (${String(value.estimate)}): check the predictions` };
    }
    if (value.low === undefined || value.high === undefined) {
        const ok = atLeast ? value.estimate >= threshold : value.estimate <= threshold;
        return { ...base, status: ok ? 'pass' : 'fail', reason: `${what} ${fmt(value.estimate)} ${ok ? cmp : atLeast ? '<' : '>'} ${fmt(threshold)} (a point value: no interval without predictions)` };
    }
    const good = atLeast ? value.low >= threshold : value.high <= threshold;
    const bad = atLeast ? value.high < threshold : value.low > threshold;
    const interval = `[${fmt(value.low)}, ${fmt(value.high)}]`;
    if (good)
        return { ...base, status: 'pass', reason: `the interval of ${what} ${interval} is entirely ${cmp} ${fmt(threshold)}` };
    if (bad)
        return { ...base, status: 'fail', reason: `the interval of ${what} ${interval} is entirely ${atLeast ? 'below' : 'above'} ${fmt(threshold)}` };
    const settle = examplesToSettle(value, threshold, examples);
    return {
        ...base,
        status: 'inconclusive',
        reason: `the interval of ${what} ${interval} contains ${fmt(threshold)}: the eval set cannot tell${settle === undefined ? '' : settle === Infinity ? ' (the estimate sits on the threshold)' : `; about ${settle.toLocaleString('en-US')} examples would`}`,
        examplesToSettle: settle,
    };
}
/**
 * An interval's half-width shrinks as 1/√n: with n' = n·(h/d)² examples, where h is the half-width
 * on the side of the threshold and d the distance from the estimate to it, an effect of the same
 * size would have an interval that just clears the threshold. Rounded up to two significant digits.
 */
function examplesToSettle(value, threshold, examples) {
    if (examples === undefined || value.low === undefined || value.high === undefined)
        return undefined;
    const distance = Math.abs(value.estimate - threshold);
    if (distance === 0)
        return Infinity;
    const halfWidth = threshold < value.estimate ? value.estimate - value.low : value.high - value.estimate;
    const needed = Math.ceil(examples * (halfWidth / distance) ** 2);
    const scale = 10 ** Math.max(0, Math.floor(Math.log10(needed)) - 1);
    return Math.ceil(needed / scale) * scale;
}
/** The verdict of a set of gate results: any fail fails; else any inconclusive; else pass. */
function overallVerdict(results) {
    if (results.some((r) => r.status === 'fail'))
        return 'fail';
    if (results.some((r) => r.status === 'inconclusive'))
        return 'inconclusive';
    return 'pass';
}
function fmt(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (x === 0)
        return '0';
    const a = Math.abs(x);
    if (a >= 1e5 || a < 1e-4)
        return x.toExponential(3);
    return Number(x.toPrecision(4)).toString();
}
function gatesJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(gatesSchema, { target: 'draft-2020-12', io: 'input' });
}


/***/ }),

/***/ 5546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readMetricsFile)
/* harmony export */ });
/* unused harmony export flatten */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6316);



/**
 * Metrics written by a training or evaluation script: JSON or YAML (nested objects flattened to
 * dotted keys, so a DVC `metrics.json` such as {"test": {"auc": 0.9}} gives `test.auc`), or CSV,
 * either as `metric,value` rows or as a header of metric names over one row of values. Only
 * numbers are kept; other values are ignored.
 */
async function readMetricsFile(file, displayName) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(code === 'ENOENT' ? 'metrics file not found' : `cannot read the metrics file (${code ?? 'error'})`, {
            file: displayName,
            hint: 'Check the path: it is relative to the workspace, and the step that writes the file must run before this one.',
        });
    }
    if (text.trim() === '')
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the metrics file is empty', { file: displayName, line: 1, hint: 'Write the metrics as JSON, YAML or CSV.' });
    const metrics = /\.csv$/i.test(file) ? parseCsvMetrics(text, displayName) : parseStructured(text, displayName);
    if (Object.keys(metrics).length === 0) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the metrics file has no numeric metric', { file: displayName, line: 1, hint: 'Write numbers, e.g. {"roc_auc": 0.91} or a CSV with metric,value rows.' });
    }
    return metrics;
}
function parseStructured(text, displayName) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
    const error = doc.errors[0];
    if (error) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`the metrics file is not valid JSON or YAML: ${error.message.split('\n')[0]}`, {
            file: displayName,
            line: lineCounter.linePos(error.pos[0]).line,
            hint: 'Fix the syntax at this line.',
        });
    }
    const out = {};
    flatten(doc.toJS(), '', out);
    return out;
}
/** Numbers (and numeric strings) of nested objects, under dotted keys. */
function flatten(value, prefix, out) {
    if (typeof value === 'number') {
        if (prefix !== '')
            out[prefix] = value;
        return;
    }
    if (typeof value === 'string' && prefix !== '' && value.trim() !== '' && Number.isFinite(Number(value))) {
        out[prefix] = Number(value);
        return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value))
            flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
    }
}
function parseCsvMetrics(text, displayName) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const cells = lines.map((l) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
    const header = cells[0];
    const out = {};
    const isLong = header.length === 2 && /^(metric|name)$/i.test(header[0]) && /^value$/i.test(header[1]);
    if (isLong) {
        cells.slice(1).forEach((row, i) => {
            const value = Number(row[1]);
            if (row.length !== 2 || row[1] === '' || !Number.isFinite(value)) {
                throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`metric ${JSON.stringify(row[0] ?? '')}: ${JSON.stringify(row[1] ?? '')} is not a number`, {
                    file: displayName,
                    line: i + 2,
                    hint: 'Each row is a metric name and its value, e.g. roc_auc,0.91.',
                });
            }
            out[row[0]] = value;
        });
        return out;
    }
    if (cells.length !== 2) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`a CSV metrics file has either a metric,value header or one row of values under the metric names; this one has ${cells.length - 1} rows`, {
            file: displayName,
            line: 1,
            hint: 'Write `metric,value` then one metric per row, or the names on the first line and the values on the second.',
        });
    }
    header.forEach((name, i) => {
        const raw = cells[1][i] ?? '';
        const value = Number(raw);
        if (raw === '' || !Number.isFinite(value)) {
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`metric ${JSON.stringify(name)}: ${JSON.stringify(raw)} is not a number`, { file: displayName, line: 2, hint: 'Every value on the second line must be a number.' });
        }
        out[name] = value;
    });
    return out;
}


/***/ }),

/***/ 5892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ parseConfigText),
/* harmony export */   H: () => (/* binding */ loadConfigFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6316);



async function loadConfigFile(file, displayName, schema, what) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(code === 'ENOENT' ? `${what} not found` : `cannot read ${what} (${code ?? 'error'})`, {
            file: displayName,
            hint: code === 'ENOENT' ? 'Check the path: it is relative to the workspace (the repository root).' : undefined,
        });
    }
    return parseConfigText(text, displayName, schema, what);
}
function parseConfigText(text, displayName, schema, what) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const firstError = doc.errors[0];
    if (firstError) {
        const line = lineCounter.linePos(firstError.pos[0]).line;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what} is not valid YAML: ${firstError.message.split('\n')[0]}`, {
            file: displayName,
            line,
            hint: 'Fix the syntax at this line (indentation, a missing colon, an unclosed quote or bracket).',
        });
    }
    const lineOf = (path) => {
        let node = doc.contents;
        let lastWithRange = node;
        for (const key of path) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
                const pair = node.items.find((item) => {
                    const k = item.key;
                    return k !== null && typeof k === 'object' && String(k.value) === String(key);
                });
                if (!pair)
                    break;
                lastWithRange = pair.key;
                node = pair.value;
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) && typeof key === 'number') {
                node = node.items[key];
                if (node)
                    lastWithRange = node;
            }
            else {
                break;
            }
        }
        const range = lastWithRange?.range;
        return range ? lineCounter.linePos(range[0]).line : undefined;
    };
    const raw = doc.toJS();
    if (raw === null || raw === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what} is empty`, { file: displayName, line: 1, hint: 'Start it with `version: 1`.' });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue.path.filter((p) => typeof p !== 'symbol');
        const at = path.length > 0 ? path.join('.') : '(top level)';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what}: ${at}: ${issue.message}`, {
            file: displayName,
            line: lineOf(path) ?? 1,
            hint: describeIssueFix(issue),
        });
    }
    return { value: parsed.data, lineOf };
}
function describeIssueFix(issue) {
    switch (issue.code) {
        case 'unrecognized_keys':
            return `Remove or correct ${issue.keys.map((k) => `"${k}"`).join(', ')}; see the JSON Schema for the keys allowed here.`;
        case 'invalid_value':
            return `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
        case 'invalid_type':
            return `Expected ${issue.expected} here.`;
        default:
            return undefined;
    }
}


/***/ }),

/***/ 6316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S4: () => (/* binding */ describeUnknownError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
class ConfigurationError extends Error {
    file;
    line;
    column;
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ConfigurationError';
        this.file = options.file;
        this.line = options.line;
        this.column = options.column;
        this.hint = options.hint;
    }
    /** One line a person can act on: `file:line: message. hint` */
    describe() {
        const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}${this.line && this.column ? `:${this.column}` : ''}: ` : '';
        return `${where}${this.message}${this.hint ? ` ${this.hint}` : ''}`;
    }
}
function isConfigurationError(error) {
    return error instanceof ConfigurationError;
}
/** Turns any thrown value, Error or not, into text for an internal-error message. */
function describeUnknownError(error, withStack) {
    if (error instanceof Error) {
        return withStack && error.stack ? error.stack : `${error.name}: ${error.message}`;
    }
    return `non-error value thrown: ${String(error)}`;
}


/***/ }),

/***/ 3734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QR: () => (/* binding */ numberInput),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   jv: () => (/* binding */ describeInputs),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   tE: () => (/* binding */ booleanInput),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6316);


/**
 * Inputs are declared once in action.yml; each action has one zod object keyed by the same literal
 * names. A test checks that the two agree on names and defaults. Every input arrives as a string
 * (the runner's way); these helpers turn strings into typed values with clear errors.
 */
/** `true`/`false` exactly as @actions/core's getBooleanInput accepts them. */
const booleanInput = (name) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not a boolean; use true or false` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
const choiceInput = (name, choices) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    if (choices.includes(value))
        return value;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not one of ${choices.join(', ')}` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
/**
 * A number within [min, max] (a whole one when `integer`); `what` names the allowed values in the
 * error, e.g. "a positive whole number".
 */
const numberInput = (name, options) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    const n = Number(value);
    if (value.trim() !== '' && n >= options.min && n <= options.max && (!options.integer || Number.isInteger(n)))
        return n;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not ${options.what}` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
/** A list given one per line or comma separated, blank entries dropped. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((v) => v.trim())
        .filter((v) => v !== '');
}
/** A list given one per line (paths, globs, keys): lines trimmed, blank ones dropped. */
function splitLines(value) {
    return (value ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
/**
 * Parses raw string inputs. Declare defaults with `.prefault('<the action.yml default>')`. An empty string counts as "not given", as on the runner, so the zod
 * default applies.
 */
function parseInputs(schema, raw, actionName) {
    const given = {};
    for (const [key, value] of Object.entries(raw))
        if (value !== '')
            given[key] = value;
    const result = schema.safeParse(given);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? '');
    const message = issue.code === 'invalid_type' && issue.input === undefined ? `input ${name} is required` : issue.message;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(message.startsWith('input ') ? message : `input ${name}: ${message}`, {
        hint: `Set it in the step's \`with:\` block (see the inputs table in docs/actions/${actionName}.md).`,
    });
}
/** Names and defaults of an input schema, for `--help` and the action.yml agreement test. */
function describeInputs(schema) {
    return Object.entries(schema.shape).map(([name, field]) => {
        const f = field;
        // Defaults are declared with .prefault(): the raw string runs through the same parsing as a
        // given value, and it is the string action.yml shows.
        const def = f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodPrefault */ .xgV ? String(f.def.defaultValue) : undefined;
        const required = !(f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodPrefault */ .xgV) && !(f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodOptional */ .IiU);
        return { name, default: def, required, description: f.description };
    });
}


/***/ }),

/***/ 8809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_FINDING_LIMIT: () => (/* binding */ DEFAULT_FINDING_LIMIT),
/* harmony export */   FindingCollector: () => (/* binding */ FindingCollector),
/* harmony export */   REPORT_SCHEMA_VERSION: () => (/* binding */ REPORT_SCHEMA_VERSION),
/* harmony export */   buildReport: () => (/* binding */ buildReport),
/* harmony export */   chartSchema: () => (/* binding */ chartSchema),
/* harmony export */   excerptSchema: () => (/* binding */ excerptSchema),
/* harmony export */   findingSchema: () => (/* binding */ findingSchema),
/* harmony export */   reportJsonSchema: () => (/* binding */ reportJsonSchema),
/* harmony export */   reportSchema: () => (/* binding */ reportSchema),
/* harmony export */   severitySchema: () => (/* binding */ severitySchema),
/* harmony export */   shouldFailStep: () => (/* binding */ shouldFailStep),
/* harmony export */   tableSchema: () => (/* binding */ tableSchema),
/* harmony export */   verdictFromFindings: () => (/* binding */ verdictFromFindings),
/* harmony export */   verdictSchema: () => (/* binding */ verdictSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8439);

/**
 * The one report shape every engine returns. Renderers (summary, annotations, pull-request comment,
 * check run, terminal, JSON file) read only this. The zod schema is the source of the published
 * JSON Schema (schemas/report.schema.json).
 */
const REPORT_SCHEMA_VERSION = 1;
const verdictSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'inconclusive', 'error']);
const severitySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warning', 'notice']);
const findingSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    severity: severitySchema,
    rule: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Stable identifier of the check, e.g. "max" or "unique".'),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Path relative to the workspace.'),
    line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    column: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    subject: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('The data column or metric the finding is about.'),
    value: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('The offending value, shortened.'),
})
    .strict();
const cellSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ()]);
const tableSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(cellSchema)),
    note: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
})
    .strict();
const chartSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    mermaid: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Mermaid source, rendered by GitHub in summaries and comments.'),
})
    .strict();
const excerptSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    text: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Plain text shown as it is, e.g. the last lines of a command\'s output.'),
})
    .strict();
const reportSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(REPORT_SCHEMA_VERSION),
    action: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    verdict: verdictSchema,
    headline: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('One sentence a person reads first.'),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('ISO 8601 time the run started.'),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    findingCounts: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ error: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), warning: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), notice: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int() }).strict(),
    findings: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(findingSchema).describe('The first findings, at most findingLimit of them; findingCounts counts all.'),
    findingLimit: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    tables: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(tableSchema),
    charts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(chartSchema),
    excerpts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(excerptSchema).optional(),
    details: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).describe('Action-specific, machine-readable results.'),
})
    .strict();
const DEFAULT_FINDING_LIMIT = 1000;
/**
 * Collects findings while an engine runs: counts all of them, keeps the first `limit` in order.
 * Memory stays bounded however many rows fail.
 */
class FindingCollector {
    limit;
    kept = [];
    counts = { error: 0, warning: 0, notice: 0 };
    constructor(limit = DEFAULT_FINDING_LIMIT) {
        this.limit = limit;
    }
    add(finding) {
        this.counts[finding.severity] += 1;
        if (this.kept.length < this.limit)
            this.kept.push(finding);
    }
    get total() {
        return this.counts.error + this.counts.warning + this.counts.notice;
    }
}
function buildReport(parts, now = new Date()) {
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        action: parts.action,
        title: parts.title,
        verdict: parts.verdict,
        headline: parts.headline,
        startedAt: parts.startedAt.toISOString(),
        durationMs: Math.max(0, now.getTime() - parts.startedAt.getTime()),
        findingCounts: { ...parts.findings.counts },
        findings: parts.findings.kept,
        findingLimit: parts.findings.limit,
        tables: parts.tables ?? [],
        charts: parts.charts ?? [],
        ...(parts.excerpts && parts.excerpts.length > 0 ? { excerpts: parts.excerpts } : {}),
        details: parts.details ?? {},
    };
}
/** The verdict that follows from findings alone: any error fails. */
function verdictFromFindings(findings) {
    return findings.counts.error > 0 ? 'fail' : 'pass';
}
/** Whether the step should fail, given the user's `fail-on` choice. */
function shouldFailStep(report, failOn) {
    if (report.verdict === 'error')
        return true;
    if (failOn === 'never')
        return false;
    if (failOn === 'warning')
        return report.verdict === 'fail' || report.findingCounts.warning > 0;
    if (failOn === 'inconclusive')
        return report.verdict === 'fail' || report.verdict === 'inconclusive';
    return report.verdict === 'fail';
}
function reportJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(reportSchema, { target: 'draft-2020-12' });
}


/***/ }),

/***/ 5633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ reportingInputs)
/* harmony export */ });
/* unused harmony export reportingOptions */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3734);


/**
 * Inputs every action shares: how its report is published and when the step fails. Spread into
 * each action's input schema; action.yml declares them too (the agreement test checks it).
 */
function reportingInputs(action, failOn = 'findings') {
    return {
        'fail-on': failOn === 'findings'
            ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('fail-on', ['error', 'warning', 'never'])
                .prefault('error')
                .describe('Which findings fail the step: error, warning (errors and warnings) or never.')
            : (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('fail-on', ['fail', 'inconclusive', 'never'])
                .prefault('fail')
                .describe('Which verdicts fail the step: fail, inconclusive (fail or inconclusive) or never.'),
        'report-path': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().prefault(`mlops-reports/${action}.json`).describe('Where to write the JSON report, relative to the workspace.'),
        'github-token': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().describe('Token for the pull-request comment and check run; defaults to the job token.'),
        comment: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('comment').prefault('true').describe('Post or update one sticky comment on the pull request.'),
        'check-run': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('check-run').prefault('false').describe('Also create a check run with the report.'),
        'upload-report': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('upload-report', ['auto', 'always', 'never'])
            .prefault('auto')
            .describe('Upload the report as an artifact: auto (when the summary is cut or the token is read-only), always or never.'),
    };
}
function reportingOptions(inputs) {
    return {
        failOn: inputs['fail-on'],
        reportPath: inputs['report-path'],
        githubToken: inputs['github-token'],
        comment: inputs.comment,
        checkRun: inputs['check-run'],
        uploadReport: inputs['upload-report'],
    };
}


/***/ })

};
