export const id = 140;
export const ids = [140];
export const modules = {

/***/ 6140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ BINARY_METRICS),
/* harmony export */   Ue: () => (/* binding */ computeResamples),
/* harmony export */   Wx: () => (/* binding */ pairedBootstrap),
/* harmony export */   kd: () => (/* binding */ bootstrapInterval),
/* harmony export */   np: () => (/* binding */ poissonWeights)
/* harmony export */ });
/* unused harmony exports prepareBootstrap, sortDescending, resampleKeys, percentileOfSorted */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _platform_threads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8118);


/**
 * Paired Poisson bootstrap of binary-classification metrics, for the metric gate.
 *
 * Each resample gives every example a Poisson(1) count; a metric is then scikit-learn's with
 * sample_weight = example weight × count. Candidate and baseline are scored on the same counts, so
 * the interval of their difference is of the paired difference.
 *
 * Speed: the rows are sorted once by each model's score, and what does not depend on the resample
 * is laid out in that order: per row, its number, whether it ends a group of equal scores, and four
 * terms (weighted positive, weighted negative, weighted log-loss term, weighted Brier term). A
 * resample is then one sequential pass per model: each row's Poisson count comes from a
 * counter-based generator (a hash of the resample's keys and the row number, so there is no count
 * array and no random read), multiplies the four terms into four sums, and at the end of each
 * group of equal scores the ROC trapezoid and the average-precision step are added; two resamples
 * share each pass. Predictions from the score (score >= threshold) are a prefix of that order, so
 * the confusion counts are the sums at that position. Memory is linear in the rows and does not
 * grow with the resamples. Resamples are split across worker threads in contiguous ranges; a
 * resample's counts depend only on (seed, resample), so the split does not change the results.
 *
 * Where sklearn raises, the value is what its formula gives: NaN for ROC AUC with one class (or no
 * weight in one), the log loss with labels [0, 1] when yTrue has one class. A resample whose
 * metric is NaN is left out of that metric's interval.
 */
/** The metrics this engine computes, in the order the passes write them. */
const BINARY_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier'];
const METRIC_COUNT = BINARY_METRICS.length;
const SCORE_METRICS = new Set(['roc_auc', 'pr_auc', 'log_loss', 'brier']);
/** Below this many row-resamples a worker's start-up costs more than it saves. */
const MIN_PARALLEL_WORK = 4_000_000;
/** The passes take row numbers in 31 bits; the sign bit marks group ends. */
const MAX_ROWS = 2 ** 31 - 1;
const GROUP_END = 1 << 31;
/** Runs the paired bootstrap: estimates on the data as given, percentile intervals from `resamples` Poisson resamples. */
async function pairedBootstrap(input, options) {
    const resamples = options.resamples ?? 1000;
    const confidence = options.confidence ?? 0.95;
    const seed = options.seed ?? 0;
    if (!Number.isInteger(resamples) || resamples < 1)
        throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
    if (!(confidence > 0 && confidence < 1))
        throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
    if (!Number.isSafeInteger(seed) || seed < 0)
        throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
    const metrics = checkInput(input, options.metrics);
    const n = input.yTrue.length;
    let threads = options.threads ?? (options.workerEntry && n * resamples >= MIN_PARALLEL_WORK ? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)() : 1);
    threads = Math.max(1, Math.min(Math.floor(threads), resamples));
    if (threads > 1 && !options.workerEntry)
        throw new RangeError('pairedBootstrap: threads > 1 needs workerEntry');
    // The workers load while this thread sorts.
    const workers = threads > 1 ? Array.from({ length: threads }, () => (0,_platform_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .startWorker */ .Dh)(options.workerEntry, _platform_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .BOOTSTRAP_TASK */ .XI)) : [];
    const answers = workers.map(workerAnswer);
    try {
        const shared = workers.length > 0;
        const prepared = prepareBootstrap(input, metrics, shared);
        const models = prepared.models.length;
        const stride = models * METRIC_COUNT;
        const estimates = new Float64Array(stride);
        for (let m = 0; m < models; m++)
            computeModel(prepared.models[m], [], true, estimates, [m * METRIC_COUNT]);
        const bytes = 8 * resamples * stride;
        const values = new Float64Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
        if (workers.length === 0)
            computeResamples(prepared, seed, 0, resamples, values);
        else {
            workers.forEach((worker, t) => {
                const job = { prepared, seed, from: Math.floor((resamples * t) / threads), to: Math.floor((resamples * (t + 1)) / threads), values };
                // Shared arrays cross by reference: nothing is copied.
                worker.postMessage(job);
            });
            await Promise.all(answers);
        }
        const result = { resamples, confidence, seed, threads, metrics: {}, replicates: {} };
        for (const metric of metrics) {
            const k = BINARY_METRICS.indexOf(metric);
            const column = (model) => {
                const out = new Float64Array(resamples);
                for (let r = 0; r < resamples; r++)
                    out[r] = values[r * stride + model * METRIC_COUNT + k];
                return out;
            };
            const candidate = column(0);
            const c = estimates[k];
            result.metrics[metric] = { candidate: bootstrapInterval(candidate, c, confidence) };
            result.replicates[metric] = { candidate };
            if (models === 2) {
                const baseline = column(1);
                const delta = candidate.map((x, r) => x - baseline[r]);
                const b = estimates[METRIC_COUNT + k];
                Object.assign(result.metrics[metric], { baseline: bootstrapInterval(baseline, b, confidence), delta: bootstrapInterval(delta, c - b, confidence) });
                Object.assign(result.replicates[metric], { baseline, delta });
            }
        }
        return result;
    }
    finally {
        for (const worker of workers)
            void worker.terminate();
        // A worker that failed after another one's failure has nobody left to hear it.
        for (const answer of answers)
            answer.catch(() => undefined);
    }
}
/** Checks the input and the metric names; returns the metrics, each once. */
function checkInput(input, metrics) {
    const n = input.yTrue.length;
    if (n === 0)
        throw new RangeError('no rows to bootstrap');
    if (n > MAX_ROWS)
        throw new RangeError(`${n} rows: at most ${MAX_ROWS} are supported`);
    for (let i = 0; i < n; i++) {
        const y = input.yTrue[i];
        if (y !== 0 && y !== 1)
            throw new RangeError(`yTrue[${i}] is ${y}: binary labels must be 0 or 1`);
    }
    if (input.weight) {
        if (input.weight.length !== n)
            throw new RangeError(`weight has ${input.weight.length} rows, yTrue ${n}`);
        for (let i = 0; i < n; i++) {
            const w = input.weight[i];
            if (!(w >= 0 && w < Infinity))
                throw new RangeError(`weight[${i}] is ${w}: weights must be finite and >= 0`);
        }
    }
    const unique = [...new Set(metrics)];
    for (const metric of unique) {
        if (!BINARY_METRICS.includes(metric))
            throw new RangeError(`unknown binary metric "${metric}" (known: ${BINARY_METRICS.join(', ')})`);
    }
    for (const [name, model] of [['candidate', input.candidate], ['baseline', input.baseline]]) {
        if (!model)
            continue;
        if (!model.yScore && !model.yPred)
            throw new RangeError(`the ${name} has neither yScore nor yPred`);
        if (model.yScore) {
            if (model.yScore.length !== n)
                throw new RangeError(`the ${name}'s yScore has ${model.yScore.length} rows, yTrue ${n}`);
            const unitRange = unique.includes('brier');
            for (let i = 0; i < n; i++) {
                const p = model.yScore[i];
                if (!Number.isFinite(p))
                    throw new RangeError(`the ${name}'s yScore[${i}] is ${p}: scores must be finite`);
                if (unitRange && !(p >= 0 && p <= 1))
                    throw new RangeError(`the ${name}'s yScore[${i}] is ${p}: brier needs probabilities in [0, 1]`);
            }
        }
        else {
            const missing = unique.filter((m) => SCORE_METRICS.has(m));
            if (missing.length > 0)
                throw new RangeError(`the ${name} has no yScore, which ${missing.join(', ')} need`);
        }
        if (model.yPred) {
            if (model.yPred.length !== n)
                throw new RangeError(`the ${name}'s yPred has ${model.yPred.length} rows, yTrue ${n}`);
            for (let i = 0; i < n; i++) {
                const v = model.yPred[i];
                if (v !== 0 && v !== 1)
                    throw new RangeError(`the ${name}'s yPred[${i}] is ${v}: binary predictions must be 0 or 1`);
            }
        }
    }
    return unique;
}
// ---- preparation -------------------------------------------------------------------------------
function float64s(n, shared) {
    return new Float64Array(shared ? new SharedArrayBuffer(8 * n) : new ArrayBuffer(8 * n));
}
function int32s(n, shared) {
    return new Int32Array(shared ? new SharedArrayBuffer(4 * n) : new ArrayBuffer(4 * n));
}
/** The passes each model needs for `metrics` (checked input), in shared memory when `shared`. */
function prepareBootstrap(input, metrics, shared = false) {
    const { yTrue, weight } = input;
    const n = yTrue.length;
    const threshold = input.threshold ?? 0.5;
    const needScore = metrics.some((m) => SCORE_METRICS.has(m));
    const needConfusion = metrics.some((m) => !SCORE_METRICS.has(m));
    let rowOrder;
    const models = [input.candidate, ...(input.baseline ? [input.baseline] : [])].map((model) => {
        const prepared = {};
        if (needScore)
            prepared.score = scorePass(yTrue, weight, model.yScore, threshold, shared);
        if (needConfusion && (model.yPred || !needScore)) {
            if (!rowOrder) {
                rowOrder = int32s(n, shared);
                for (let i = 0; i < n; i++)
                    rowOrder[i] = i;
            }
            const terms = float64s(4 * n, shared);
            for (let i = 0; i < n; i++) {
                const w = weight ? weight[i] : 1;
                const y = yTrue[i];
                const pred = model.yPred ? model.yPred[i] : model.yScore[i] >= threshold ? 1 : 0;
                terms[4 * i] = w * y;
                terms[4 * i + 1] = w * (1 - y);
                terms[4 * i + 2] = w * pred;
                terms[4 * i + 3] = w * pred * y;
            }
            prepared.predictions = { codes: rowOrder, terms, split: -1 };
        }
        return prepared;
    });
    return { rows: n, models };
}
/** The pass in descending score order. */
function scorePass(yTrue, weight, score, threshold, shared) {
    const n = yTrue.length;
    const { order: codes, sorted } = sortDescending(score, shared);
    // Labels as bytes: the reads through the order are random, and 1 byte a row stays in cache.
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++)
        labels[i] = yTrue[i];
    const terms = float64s(4 * n, shared);
    // sklearn 1.2's log_loss clips to [eps, 1 - eps], appends 1 - p and divides both by their (rounded) sum.
    const eps = 2 ** -52;
    let split = 0;
    for (let j = 0; j < n; j++) {
        const i = codes[j];
        const p = sorted[j];
        const y = labels[i];
        const w = weight ? weight[i] : 1;
        const clipped = Math.min(Math.max(p, eps), 1 - eps);
        const other = 1 - clipped;
        const sum = other + clipped;
        terms[4 * j] = w * y;
        terms[4 * j + 1] = w * (1 - y);
        terms[4 * j + 2] = w * -Math.log((y === 1 ? clipped : other) / sum);
        terms[4 * j + 3] = w * (y - p) ** 2;
        if (p >= threshold)
            split = j + 1;
        if (j + 1 === n || sorted[j + 1] !== p)
            codes[j] = i | GROUP_END;
    }
    return { codes, terms, split };
}
/**
 * The row numbers in descending order of `values` (finite; -0 and 0 tie; ties keep row order), and
 * the values in that order: an LSD radix sort on the IEEE-754 bits in 11-bit digits, skipping the
 * digits that are the same for every value.
 */
function sortDescending(values, shared = false) {
    const n = values.length;
    const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
    const high = little ? 1 : 0; // index of a double's high word
    // Keys whose unsigned order is the descending order of the values: the usual ascending key flips
    // every bit of a negative value and only the sign bit of the others; descending is its complement.
    let hi = new Uint32Array(n);
    let lo = new Uint32Array(n);
    let order = int32s(n, shared);
    for (let i = 0; i < n; i++) {
        let h = bits[2 * i + high];
        const l = bits[2 * i + 1 - high];
        if (h === 0x80000000 && l === 0)
            h = 0; // -0 sorts as 0
        const negative = h >>> 31 === 1;
        hi[i] = negative ? h : ~(h ^ 0x80000000) >>> 0;
        lo[i] = negative ? l : ~l >>> 0;
        order[i] = i;
    }
    let hi2 = new Uint32Array(n);
    let lo2 = new Uint32Array(n);
    let order2 = int32s(n, shared);
    const counts = new Int32Array(2048);
    for (const [word, shift] of [[0, 0], [0, 11], [0, 22], [1, 0], [1, 11], [1, 22]]) {
        if (!radixPass(word === 0 ? lo : hi, shift, hi, lo, order, hi2, lo2, order2, counts))
            continue;
        [hi, hi2] = [hi2, hi];
        [lo, lo2] = [lo2, lo];
        [order, order2] = [order2, order];
    }
    // Back from the keys to the values.
    const sorted = new Float64Array(n);
    const out = new Uint32Array(sorted.buffer);
    for (let j = 0; j < n; j++) {
        const ascending = ~hi[j] >>> 0;
        const positive = ascending >>> 31 === 1;
        out[2 * j + high] = positive ? ascending ^ 0x80000000 : ~ascending;
        out[2 * j + 1 - high] = positive ? ~lo[j] : lo[j];
    }
    return { order, sorted };
}
/** One counting-sort pass on the 11-bit digit of `key` at `shift`; false (and nothing moved) when every row has the same digit. */
function radixPass(key, shift, hi, lo, order, hi2, lo2, order2, counts) {
    const n = key.length;
    counts.fill(0);
    for (let i = 0; i < n; i++)
        counts[(key[i] >>> shift) & 0x7ff]++;
    if (counts[(key[0] >>> shift) & 0x7ff] === n)
        return false;
    let total = 0;
    for (let d = 0; d < 2048; d++) {
        const c = counts[d];
        counts[d] = total;
        total += c;
    }
    for (let i = 0; i < n; i++) {
        const at = counts[(key[i] >>> shift) & 0x7ff]++;
        hi2[at] = hi[i];
        lo2[at] = lo[i];
        order2[at] = order[i];
    }
    return true;
}
// ---- resampling --------------------------------------------------------------------------------
/**
 * Each resample in [from, to): every model's metrics, written at values[(r·models + m)·8 ...].
 * Resamples go two at a time through each pass, which then reads each row once for both.
 */
function computeResamples(prepared, seed, from, to, values) {
    const stride = prepared.models.length * METRIC_COUNT;
    for (let r = from; r < to; r += 2) {
        const keys = r + 1 < to ? [...resampleKeys(seed, r), ...resampleKeys(seed, r + 1)] : resampleKeys(seed, r);
        for (let m = 0; m < prepared.models.length; m++) {
            const at = r * stride + m * METRIC_COUNT;
            computeModel(prepared.models[m], keys, false, values, [at, at + stride]);
        }
    }
}
/**
 * Running sums of a pass, for each of up to two resamples (10 apart): t, f, t0, f0, area, ap, s2,
 * s3 as accumulateRows keeps them, then t and f at the split.
 */
const sums = new Float64Array(20);
/**
 * One model's 8 metrics (BINARY_METRICS order; NaN where its passes do not give them) for one or
 * two resamples (keys: k1, k2 of each), or with every count 1 when `unit` (the estimate), written
 * at out[ats[i] ...].
 */
function computeModel(model, keys, unit, out, ats) {
    const count = unit ? 1 : keys.length / 2;
    for (let i = 0; i < count; i++)
        out.fill(NaN, ats[i], ats[i] + METRIC_COUNT);
    if (model.score) {
        runPass(model.score, keys, unit);
        for (let i = 0; i < count; i++) {
            const at = ats[i];
            const o = 10 * i;
            const t = sums[o];
            const f = sums[o + 1];
            const total = t + f;
            out[at + 4] = t > 0 && f > 0 ? sums[o + 4] / (2 * t * f) : NaN;
            // sklearn 1.2 with no positive weight: recall 1 at every threshold and precision 0 at the top, so 0.
            out[at + 5] = t > 0 ? sums[o + 5] / t : 0;
            out[at + 6] = total > 0 ? sums[o + 6] / total : NaN;
            out[at + 7] = total > 0 ? sums[o + 7] / total : NaN;
            if (!model.predictions)
                writeConfusionMetrics(out, at, t, f, sums[o + 8], sums[o + 8] + sums[o + 9]);
        }
    }
    if (model.predictions) {
        runPass(model.predictions, keys, unit);
        for (let i = 0; i < count; i++) {
            const o = 10 * i;
            writeConfusionMetrics(out, ats[i], sums[o], sums[o + 1], sums[o + 7], sums[o + 6]);
        }
    }
}
/** Rows per call of the inner loops: a small function called often is compiled for its loop, not entered through on-stack replacement. */
const CHUNK = 8192;
function runPass(pass, keys, unit) {
    const { codes, terms, split } = pass;
    const n = codes.length;
    const two = !unit && keys.length === 4;
    const [k1 = 0, k2 = 0, k3 = 0, k4 = 0] = keys.map((k) => k | 0);
    sums.fill(0);
    let from = 0;
    // The split, when there is one, falls between chunks, so the sums there are read without a test per row.
    for (const end of split >= 0 ? [split, n] : [n]) {
        while (from < end) {
            const to = Math.min(from + CHUNK, end);
            if (two)
                accumulateRowsTwice(codes, terms, POISSON_BY_12_BITS, from, to, k1, k2, k3, k4, sums);
            else
                accumulateRows(codes, terms, POISSON_BY_12_BITS, from, to, k1, k2, unit ? 1 : 0, sums);
            from = to;
        }
        if (end === split) {
            sums[8] = sums[0];
            sums[9] = sums[1];
            sums[18] = sums[10];
            sums[19] = sums[11];
        }
    }
}
/*
 * The inner loops, over positions [from, to) of a pass. t and f are the running weighted positives
 * and negatives; at the end of each group of equal scores the ROC curve gains the trapezoid
 * (f - f0)·(t + t0) and average precision the step (t - t0)·t/(t + f), as sklearn's
 * _binary_clf_curve, roc_auc_score and average_precision_score compute them (zero-weight rows add
 * nothing, as sklearn drops them); s2 and s3 sum the other two terms. The row's Poisson count is
 * inlined: two rounds of mix32 with the second key between them, whose top 12 bits index `table`
 * (see poissonWeights). The arguments are separate typed arrays and int32 keys, which V8 compiles
 * to a tight loop.
 */
/** One resample (keys key1, key2), or every count 1 when `ones` is 1; sums in acc[0..8). */
function accumulateRows(codes, terms, table, from, to, key1, key2, ones, acc) {
    let t = acc[0];
    let f = acc[1];
    let t0 = acc[2];
    let f0 = acc[3];
    let area = acc[4];
    let ap = acc[5];
    let s2 = acc[6];
    let s3 = acc[7];
    for (let j = from, a = 4 * from; j < to; j++, a += 4) {
        const code = codes[j];
        let k = 1;
        if (ones === 0) {
            const row = code & 0x7fffffff;
            let x = row ^ key1;
            x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
            x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
            x = x ^ (x >>> 16) ^ key2;
            x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
            x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
            x = (x ^ (x >>> 16)) >>> 0;
            k = table[x >>> 20];
            if (k === 255)
                k = poissonInBucket(x, row, key1, key2);
        }
        t += k * terms[a];
        f += k * terms[a + 1];
        s2 += k * terms[a + 2];
        s3 += k * terms[a + 3];
        if (code < 0) {
            area += (f - f0) * (t + t0);
            // t + f is 0 only while every count so far is 0, and then so is t - t0.
            ap += ((t - t0) * t) / Math.max(t + f, Number.MIN_VALUE);
            t0 = t;
            f0 = f;
        }
    }
    acc[0] = t;
    acc[1] = f;
    acc[2] = t0;
    acc[3] = f0;
    acc[4] = area;
    acc[5] = ap;
    acc[6] = s2;
    acc[7] = s3;
}
/** accumulateRows for two resamples at once (keys key1, key2 and key3, key4); sums in acc[0..8) and acc[10..18). */
function accumulateRowsTwice(codes, terms, table, from, to, key1, key2, key3, key4, acc) {
    let t = acc[0];
    let f = acc[1];
    let t0 = acc[2];
    let f0 = acc[3];
    let area = acc[4];
    let ap = acc[5];
    let s2 = acc[6];
    let s3 = acc[7];
    let u = acc[10];
    let g = acc[11];
    let u0 = acc[12];
    let g0 = acc[13];
    let areaU = acc[14];
    let apU = acc[15];
    let r2 = acc[16];
    let r3 = acc[17];
    for (let j = from, a = 4 * from; j < to; j++, a += 4) {
        const code = codes[j];
        const row = code & 0x7fffffff;
        let x = row ^ key1;
        x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
        x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
        x = x ^ (x >>> 16) ^ key2;
        x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
        x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
        x = (x ^ (x >>> 16)) >>> 0;
        let y = row ^ key3;
        y = Math.imul(y ^ (y >>> 16), 0x7feb352d);
        y = Math.imul(y ^ (y >>> 15), 0x846ca68b);
        y = y ^ (y >>> 16) ^ key4;
        y = Math.imul(y ^ (y >>> 16), 0x7feb352d);
        y = Math.imul(y ^ (y >>> 15), 0x846ca68b);
        y = (y ^ (y >>> 16)) >>> 0;
        let k = table[x >>> 20];
        if (k === 255)
            k = poissonInBucket(x, row, key1, key2);
        let l = table[y >>> 20];
        if (l === 255)
            l = poissonInBucket(y, row, key3, key4);
        const positive = terms[a];
        const negative = terms[a + 1];
        const term2 = terms[a + 2];
        const term3 = terms[a + 3];
        t += k * positive;
        f += k * negative;
        s2 += k * term2;
        s3 += k * term3;
        u += l * positive;
        g += l * negative;
        r2 += l * term2;
        r3 += l * term3;
        if (code < 0) {
            area += (f - f0) * (t + t0);
            ap += ((t - t0) * t) / Math.max(t + f, Number.MIN_VALUE);
            t0 = t;
            f0 = f;
            areaU += (g - g0) * (u + u0);
            apU += ((u - u0) * u) / Math.max(u + g, Number.MIN_VALUE);
            u0 = u;
            g0 = g;
        }
    }
    acc[0] = t;
    acc[1] = f;
    acc[2] = t0;
    acc[3] = f0;
    acc[4] = area;
    acc[5] = ap;
    acc[6] = s2;
    acc[7] = s3;
    acc[10] = u;
    acc[11] = g;
    acc[12] = u0;
    acc[13] = g0;
    acc[14] = areaU;
    acc[15] = apU;
    acc[16] = r2;
    acc[17] = r3;
}
/** accuracy, precision, recall, f1 from weighted positives, negatives, true positives and predicted positives (sklearn's zero_division: 0). */
function writeConfusionMetrics(out, at, positives, negatives, tp, predicted) {
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
    const cdf = [];
    let pmf = Math.exp(-1);
    let sum = 0;
    for (let k = 0; sum < 1 && k < 40; k++) {
        sum += pmf;
        cdf.push(sum);
        pmf /= k + 1;
    }
    return Float64Array.from(cdf);
})();
/** The Poisson(1) value at uniform u in [0, 1): the number of k with P(X <= k) <= u. */
function poissonAt(u) {
    let k = 0;
    while (k < POISSON_CDF.length && POISSON_CDF[k] <= u)
        k++;
    return k;
}
/**
 * The count for each value of a uniform's top 12 bits (the uniform lies in [h, h + 1)·2^-12): the
 * Poisson value when that whole interval maps to one value, else 255 (12 of the 4,096 entries,
 * where a step of the CDF falls inside).
 */
const POISSON_BY_12_BITS = (() => {
    const table = new Uint8Array(4096);
    for (let h = 0; h < 4096; h++) {
        const low = poissonAt(h / 4096);
        // The value just below the upper end: the number of k with P(X <= k) < (h + 1)/4096.
        let high = 0;
        while (high < POISSON_CDF.length && POISSON_CDF[high] < (h + 1) / 4096)
            high++;
        table[h] = low === high ? low : 255;
    }
    return table;
})();
/** An ambiguous bucket resolved with 32 more bits from another hash of the row: the uniform is (x + v·2^-32)·2^-32, exact to 2^-53. */
function poissonInBucket(x, row, key1, key2) {
    const v = mix32(mix32(row ^ key2) ^ key1 ^ 0x5bd1e995);
    return poissonAt((x + v / 2 ** 32) / 2 ** 32);
}
/** A 32-bit finaliser with strong avalanche (xor-shift-multiply), as inlined in accumulateRows. */
function mix32(x) {
    x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
    x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
    return (x ^ (x >>> 16)) >>> 0;
}
/**
 * The two 32-bit keys of resample r: successive splitmix32 outputs from a hash of the seed and r.
 * Resample r's count of a row is a function of (keys, row) alone (a counter-based generator), so
 * any thread computes any resample, in any row order, and gets the same counts.
 */
function resampleKeys(seed, r) {
    const seedKey = mix32(mix32((seed >>> 0) ^ 0x3c6ef372) ^ Math.floor(seed / 2 ** 32));
    let state = (seedKey ^ mix32((r >>> 0) ^ 0xa54ff53a)) >>> 0;
    state = (state + 0x9e3779b9) >>> 0;
    const k1 = mix32(state);
    state = (state + 0x9e3779b9) >>> 0;
    const k2 = mix32(state);
    return [k1, k2];
}
/**
 * Resample r's Poisson(1) count of each of n rows (what the bootstrap multiplies the example
 * weights by): u = mix32(mix32(row ^ k1) ^ k2) / 2^32 through the inverse CDF, exact to 2^-53.
 */
function poissonWeights(seed, r, n) {
    const [k1, k2] = resampleKeys(seed, r);
    const key1 = k1 | 0;
    const key2 = k2 | 0;
    const counts = new Uint8Array(n);
    for (let row = 0; row < n; row++) {
        const x = mix32(mix32(row ^ key1) ^ key2);
        const k = POISSON_BY_12_BITS[x >>> 20];
        counts[row] = k === 255 ? poissonInBucket(x, row, key1, key2) : k;
    }
    return counts;
}
// ---- intervals ---------------------------------------------------------------------------------
/**
 * The percentile interval of resampled values as numpy.percentile(values, [50·(1 - confidence),
 * 50·(1 + confidence)]) computes it (method 'linear', with its interpolation formula), over the
 * values that are not NaN; `se` is their standard deviation (ddof = 1).
 */
function bootstrapInterval(values, estimate, confidence) {
    const kept = [];
    for (let i = 0; i < values.length; i++)
        if (!Number.isNaN(values[i]))
            kept.push(values[i]);
    const sorted = Float64Array.from(kept).sort();
    const m = sorted.length;
    if (m === 0)
        return { estimate, low: NaN, high: NaN, se: NaN };
    let mean = 0;
    for (let i = 0; i < m; i++)
        mean += sorted[i];
    mean /= m;
    let ss = 0;
    for (let i = 0; i < m; i++)
        ss += (sorted[i] - mean) ** 2;
    return {
        estimate,
        low: percentileOfSorted(sorted, 50 * (1 - confidence)),
        high: percentileOfSorted(sorted, 50 * (1 + confidence)),
        se: m > 1 ? Math.sqrt(ss / (m - 1)) : NaN,
    };
}
/** numpy.percentile(sorted, percent) with method 'linear', for ascending values. */
function percentileOfSorted(sorted, percent) {
    const m = sorted.length;
    const index = (m - 1) * (percent / 100);
    const below = Math.min(Math.max(Math.floor(index), 0), m - 1);
    const above = Math.min(below + 1, m - 1);
    const gamma = index - below;
    const a = sorted[below];
    const b = sorted[above];
    const diff = b - a;
    // numpy's _lerp: a + diff·γ, but b - diff·(1 - γ) from γ = 0.5 on.
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
/** Settles when the worker answers its job (or fails); listening from its start, so no error goes unheard. */
function workerAnswer(worker) {
    return new Promise((resolve, reject) => {
        let settled = false;
        worker.once('message', (reply) => {
            settled = true;
            if (reply.done)
                resolve();
            else {
                const error = new Error(`bootstrap worker: ${reply.error?.message ?? 'no answer'}`);
                if (reply.error?.stack)
                    error.stack = reply.error.stack;
                reject(error);
            }
        });
        worker.once('error', (error) => {
            settled = true;
            reject(error);
        });
        worker.once('exit', (code) => {
            if (!settled)
                reject(new Error(`the bootstrap worker exited with code ${code} before answering`));
        });
    });
}


/***/ })

};
