export const id = 667;
export const ids = [667];
export const modules = {

/***/ 7987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MX: () => (/* binding */ driftReportParts),
/* harmony export */   YZ: () => (/* binding */ driftChart),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   f1: () => (/* binding */ computeDrift),
/* harmony export */   i8: () => (/* binding */ resolveDriftConfig),
/* harmony export */   q4: () => (/* binding */ driftCompares)
/* harmony export */ });
/* unused harmony export DEFAULT_DISTANCE_THRESHOLDS */
/* harmony import */ var _stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2160);
/* harmony import */ var _stats_moments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6974);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3625);



/**
 * Drift of each column against a reference, judged on profiles (so a saved profile can stand in
 * for reference data, and memory stays bounded).
 *
 * Defaults that stay meaningful on big data: while the smaller sample has fewer than
 * `large_sample` values, p-value tests decide (Kolmogorov-Smirnov for numbers, chi-square for
 * categories), Benjamini-Hochberg corrected across columns; from there on, distances decide
 * (Wasserstein normed by the reference's standard deviation; Jensen-Shannon), because with a
 * million rows every p-value is tiny and a p-value test would flag everything. Categories are
 * compared over the reference's most frequent values plus one "other" bucket: over all values of
 * a sparse high-cardinality column, sampling alone makes two samples of one distribution look apart.
 */
const DEFAULT_DISTANCE_THRESHOLDS = { wasserstein: 0.1, jensenshannon: 0.1, psi: 0.2 };
const TOP_CATEGORIES = 50;
function resolveDriftConfig(schema) {
    return schema.drift ?? _schema_js__WEBPACK_IMPORTED_MODULE_2__.driftSchema.parse({});
}
function sortedValues(sketch) {
    return sketch.weightedValues().values;
}
function shares(counts) {
    let total = 0;
    for (let i = 0; i < counts.length; i++)
        total += counts[i];
    return Array.from(counts, (c) => (total > 0 ? c / total : 0));
}
function numericDrift(name, ref, cur, method, config, threshold) {
    const a = ref.quantiles;
    const b = cur.quantiles;
    const exact = a.exact && b.exact;
    const ks = exact ? { ...(0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .ks2Samp */ .wI)(sortedValues(a), sortedValues(b)), error: 0 } : (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .ksFromSketches */ .Bx)(a, b);
    const std = Math.sqrt((0,_stats_moments_js__WEBPACK_IMPORTED_MODULE_1__/* .variance */ .GV)(ref.moments));
    const w = exact ? { distance: (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .wasserstein1d */ .i2)(sortedValues(a), sortedValues(b)), error: 0 } : (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .wassersteinFromSketches */ .xE)(a, b);
    const normed = std > 0 ? w.distance / std : w.distance === 0 ? 0 : Infinity;
    const edges = (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .quantileBinEdges */ .$3)(a, 10);
    const refBins = (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .binCounts */ .Yk)(a, edges);
    const curBins = (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .binCounts */ .Yk)(b, edges);
    const chosen = chooseMethod(method, 'numeric', Math.min(ref.count, cur.count), config);
    const result = {
        column: name,
        kind: 'numeric',
        method: chosen,
        decidedBy: chosen === 'ks' ? 'p-value' : 'distance',
        threshold: thresholdFor(chosen, config, threshold),
        drifted: false,
        referenceCount: ref.count,
        currentCount: cur.count,
        ks: { statistic: ks.statistic, pvalue: ks.pvalue, error: ks.error },
        wasserstein: { distance: w.distance, normed, error: std > 0 ? w.error / std : w.error },
        psi: (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .psi */ .js)(refBins, curBins),
        shape: { labels: binLabels(edges, ref.type === 'timestamp'), reference: shares(refBins), current: shares(curBins) },
    };
    if (chosen === 'wasserstein')
        result.drifted = normed > result.threshold;
    if (chosen === 'psi')
        result.drifted = result.psi > result.threshold;
    return result;
}
function categoricalDrift(name, ref, cur, method, config, threshold) {
    const dist = (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .categoricalDistributions */ .OT)(ref.frequencies.counts(), cur.frequencies.counts(), TOP_CATEGORIES);
    const refCounts = new Map(dist.keys.map((k, i) => [k, dist.ref[i]]));
    const curCounts = new Map(dist.keys.map((k, i) => [k, dist.cur[i]]));
    const chi2 = (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .chiSquareTwoSample */ .ub)(refCounts, curCounts);
    const chosen = chooseMethod(method, 'categorical', Math.min(ref.count, cur.count), config);
    const result = {
        column: name,
        kind: 'categorical',
        method: chosen,
        decidedBy: chosen === 'chi2' ? 'p-value' : 'distance',
        threshold: thresholdFor(chosen, config, threshold),
        drifted: false,
        referenceCount: ref.count,
        currentCount: cur.count,
        chi2,
        jensenShannon: (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .jensenShannon */ .fy)(dist.ref, dist.cur, 2),
        psi: (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .psi */ .js)(dist.ref, dist.cur),
        shape: { labels: dist.keys, reference: shares(dist.ref), current: shares(dist.cur) },
    };
    if (chosen === 'jensenshannon')
        result.drifted = result.jensenShannon > result.threshold;
    if (chosen === 'psi')
        result.drifted = result.psi > result.threshold;
    return result;
}
function chooseMethod(method, kind, smaller, config) {
    const small = smaller < config.large_sample;
    if (method === 'auto' || method === 'none') {
        if (kind === 'numeric')
            return small ? 'ks' : 'wasserstein';
        return small ? 'chi2' : 'jensenshannon';
    }
    // A method of the other kind falls back to its counterpart (ks on categories means chi2, and so on).
    if (kind === 'categorical' && (method === 'ks' || method === 'wasserstein'))
        return method === 'ks' ? 'chi2' : 'jensenshannon';
    if (kind === 'numeric' && (method === 'chi2' || method === 'jensenshannon'))
        return method === 'chi2' ? 'ks' : 'wasserstein';
    return method;
}
function thresholdFor(method, config, given) {
    if (given !== undefined)
        return given;
    if (method === 'ks' || method === 'chi2')
        return config.alpha;
    return DEFAULT_DISTANCE_THRESHOLDS[method];
}
function binLabels(edges, timestamps) {
    const fmt = (x) => (timestamps ? new Date(x).toISOString().slice(0, 10) : formatNumber(x));
    const labels = [];
    for (let i = 0; i <= edges.length; i++) {
        if (i === 0)
            labels.push(`< ${fmt(edges[0] ?? NaN)}`);
        else if (i === edges.length)
            labels.push(`≥ ${fmt(edges[i - 1])}`);
        else
            labels.push(`${fmt(edges[i - 1])}–${fmt(edges[i])}`);
    }
    return edges.length === 0 ? ['all'] : labels;
}
function formatNumber(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3))
        return x.toExponential(2);
    return String(Number(x.toPrecision(4)));
}
/**
 * Whether computeDrift compares the values of a column (else it reads only the reference's counts):
 * free text and unique identifiers are compared only when the schema's drift block names them.
 */
function driftCompares(schema, name) {
    const rule = schema.columns[name];
    if (rule === undefined)
        return false;
    if (resolveDriftConfig(schema).columns[name] !== undefined)
        return true;
    return !rule.unique && rule.type !== 'string';
}
/** Compares every schema column present in both profiles and judges the dataset. */
function computeDrift(schema, current, reference) {
    const config = resolveDriftConfig(schema);
    const columns = [];
    const skipped = [];
    for (const [name, rule] of Object.entries(schema.columns)) {
        const configured = config.columns[name];
        const method = configured?.method ?? 'auto';
        const cur = current.columns.get(name);
        const ref = reference.columns.get(name);
        if (method === 'none') {
            skipped.push({ column: name, reason: 'drift: method none' });
            continue;
        }
        if (!ref) {
            skipped.push({ column: name, reason: 'not in the reference' });
            continue;
        }
        if (!cur || cur.count === 0 || ref.count === 0) {
            skipped.push({ column: name, reason: 'no values to compare' });
            continue;
        }
        if (cur.kind !== ref.kind) {
            skipped.push({ column: name, reason: `reference has type ${ref.type}, the data ${cur.type}` });
            continue;
        }
        if (cur.kind === 'text' && configured === undefined) {
            skipped.push({ column: name, reason: 'free text (set a drift method in the schema to compare its top values)' });
            continue;
        }
        if (cur.kind !== 'numeric' && (!cur.frequencies || !ref.frequencies)) {
            skipped.push({ column: name, reason: 'too many distinct values to compare their frequencies' });
            continue;
        }
        if (rule.unique && configured === undefined) {
            skipped.push({ column: name, reason: 'unique identifier' });
            continue;
        }
        columns.push(cur.kind === 'numeric' ? numericDrift(name, ref, cur, method, config, configured?.threshold) : categoricalDrift(name, ref, cur, method, config, configured?.threshold));
    }
    const tested = columns.filter((c) => c.decidedBy === 'p-value');
    const adjusted = (0,_stats_drift_tests_js__WEBPACK_IMPORTED_MODULE_0__/* .benjaminiHochberg */ .Uh)(tested.map((c) => (c.method === 'ks' ? c.ks.pvalue : c.chi2.pvalue)));
    tested.forEach((c, i) => {
        c.adjustedPvalue = adjusted[i];
        c.drifted = c.adjustedPvalue < c.threshold;
    });
    const drifted = columns.filter((c) => c.drifted).length;
    const share = columns.length === 0 ? 0 : drifted / columns.length;
    return { columns, skipped, compared: columns.length, drifted, share, maxShare: config.max_drifted_share, datasetDrift: share > config.max_drifted_share };
}
/** Findings, tables and charts for the report. */
function driftReportParts(drift, severity, referenceName) {
    const findings = [];
    const ordered = [...drift.columns].sort((a, b) => Number(b.drifted) - Number(a.drifted) || score(b) - score(a));
    for (const c of ordered.filter((x) => x.drifted)) {
        findings.push({ severity, rule: `drift.${c.method}`, subject: c.column, message: `${c.column} drifted from ${referenceName}: ${describeDecision(c)}` });
    }
    if (drift.datasetDrift) {
        findings.push({
            severity: 'error',
            rule: 'drift.share',
            message: `${drift.drifted} of ${drift.compared} compared columns drifted (${(drift.share * 100).toFixed(0)}%), more than the allowed ${(drift.maxShare * 100).toFixed(0)}%`,
        });
    }
    const table = {
        title: `Drift against ${referenceName}`,
        columns: ['column', 'drifted', 'method', 'decided by', 'threshold', 'KS / χ²', 'p-value (adj.)', 'Wasserstein (σ) / JS', 'PSI'],
        rows: ordered.map((c) => [
            c.column,
            c.drifted ? 'yes' : 'no',
            c.method,
            c.decidedBy === 'p-value' ? `adjusted p < ${c.threshold}` : `distance > ${c.threshold}`,
            c.threshold,
            c.kind === 'numeric' ? round(c.ks.statistic) : round(c.chi2.statistic),
            c.adjustedPvalue !== undefined ? round(c.adjustedPvalue) : c.kind === 'numeric' ? round(c.ks.pvalue) : round(c.chi2.pvalue),
            c.kind === 'numeric' ? round(c.wasserstein.normed) : round(c.jensenShannon),
            round(c.psi),
        ]),
        note: `${drift.drifted} of ${drift.compared} columns drifted (share ${(drift.share * 100).toFixed(0)}%, allowed ${(drift.maxShare * 100).toFixed(0)}%).${drift.skipped.length ? ` Not compared: ${drift.skipped.map((s) => `${s.column} (${s.reason})`).join('; ')}.` : ''}`,
    };
    const charts = ordered.filter((c) => c.drifted).slice(0, 10).map((c) => driftChart(c));
    return { findings, tables: [table], charts };
}
function score(c) {
    return c.decidedBy === 'p-value' ? 1 - (c.adjustedPvalue ?? 1) : c.kind === 'numeric' ? c.wasserstein.normed : c.jensenShannon;
}
function round(x) {
    return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}
function describeDecision(c) {
    switch (c.method) {
        case 'ks':
            return `Kolmogorov-Smirnov D = ${round(c.ks.statistic)}, adjusted p = ${round(c.adjustedPvalue)} < ${c.threshold}`;
        case 'chi2':
            return `chi-square = ${round(c.chi2.statistic)} (dof ${c.chi2.dof}), adjusted p = ${round(c.adjustedPvalue)} < ${c.threshold}`;
        case 'wasserstein':
            return `Wasserstein distance = ${round(c.wasserstein.normed)} reference standard deviations > ${c.threshold}`;
        case 'jensenshannon':
            return `Jensen-Shannon distance = ${round(c.jensenShannon)} > ${c.threshold}`;
        case 'psi':
            return `PSI = ${round(c.psi)} > ${c.threshold}`;
    }
}
/** A Mermaid bar-and-line chart: bars are the reference's shares, the line the current data's. */
function driftChart(c) {
    const labels = c.shape.labels.map((l) => JSON.stringify(l.length > 18 ? `${l.slice(0, 17)}…` : l).replace(/\\"/g, "'"));
    const pct = (xs) => xs.map((x) => Number((x * 100).toFixed(2)));
    const ref = pct(c.shape.reference);
    const cur = pct(c.shape.current);
    const top = Math.max(1, ...ref, ...cur);
    return {
        title: `${c.column}: reference (bars) vs current (line), % of rows`,
        mermaid: [
            'xychart-beta',
            `  title "${c.column.replace(/"/g, "'")}"`,
            `  x-axis [${labels.join(', ')}]`,
            `  y-axis "% of rows" 0 --> ${Math.ceil(top * 1.1)}`,
            `  bar [${ref.join(', ')}]`,
            `  line [${cur.join(', ')}]`,
        ].join('\n'),
    };
}


/***/ }),

/***/ 1418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O_: () => (/* binding */ SplitControl),
/* harmony export */   kd: () => (/* binding */ SPLIT_MIN_BYTES),
/* harmony export */   vN: () => (/* binding */ claimTail)
/* harmony export */ });
/* unused harmony exports TAIL_SHARE, SPLIT_MIN_TAIL_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

/**
 * One CSV file read by two threads at once. The head reader reads from the start and publishes how
 * far it has got; a helper that has nothing else to do picks a record boundary a little over
 * halfway through what is left, asks the head to stop there, and reads from there to the end.
 *
 * The helper's boundary is naive: the byte after a newline, which is a record boundary unless the
 * newline is inside a quoted field. So the head checks it: the head stops only if a record of its
 * own starts exactly there. When a quoted field spans the boundary (or the head has already passed
 * it), the head reads on to the end of the file and the helper's part is not used: the result is
 * the same as a single reader's either way.
 *
 * Lines in the helper's part are counted from 1 at the boundary; the head knows the line it stopped
 * at, and adds it to every line the helper reports.
 */
class SplitControl {
    shared;
    words;
    /** `shared`: the same memory on both threads (new when not given). */
    constructor(shared = new SharedArrayBuffer(2 * 8)) {
        this.shared = shared;
        this.words = new BigInt64Array(shared);
    }
    /** The head: the file offset of the next record it will read. */
    publishPosition(offset) {
        Atomics.store(this.words, 0, BigInt(offset));
    }
    position() {
        return Number(Atomics.load(this.words, 0));
    }
    /** Where the head is to stop (a file offset), or -1. */
    stopAt() {
        // Stored plus one, so that the zeroed memory means none.
        return Number(Atomics.load(this.words, 1)) - 1;
    }
    setStopAt(offset) {
        Atomics.store(this.words, 1, BigInt(offset + 1));
    }
}
/** A file smaller than this is read by one reader: a second one would not pay for its start. */
const SPLIT_MIN_BYTES = 16 << 20;
/**
 * The share of what is left that the helper takes. A bit under half: measured on the benchmark, the
 * helper reads its part about a fifth slower than the head reads the same bytes (its compiled code
 * comes from reading the reference), and the head then adds the helper's results to its own.
 */
const TAIL_SHARE = 0.45;
/** A part smaller than this is not worth a second reader. */
const SPLIT_MIN_TAIL_BYTES = 4 << 20;
/**
 * The helper's side: a naive record boundary (the byte after a newline) that leaves the helper a
 * little under half (TAIL_SHARE) of what lies between the head's position and the end of the
 * file, published for the head to stop at; or -1 when what is left is too small to share.
 * `minTail` is for tests.
 */
async function claimTail(path, size, control, minTail = SPLIT_MIN_TAIL_BYTES) {
    const from = control.position();
    const split = size - Math.floor((size - from) * TAIL_SHARE);
    if (size - split < minTail)
        return -1;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    try {
        const chunk = Buffer.allocUnsafe(64 << 10);
        for (let at = split - 1; at < size; at += chunk.length) {
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
            if (bytesRead === 0)
                break;
            const lf = chunk.subarray(0, bytesRead).indexOf(10);
            if (lf >= 0) {
                const boundary = at + lf + 1;
                if (size - boundary < minTail / 2)
                    return -1;
                control.setStopAt(boundary);
                return boundary;
            }
        }
        return -1;
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mU: () => (/* binding */ mergeScanStates),
  yu: () => (/* binding */ scanDataset),
  vY: () => (/* binding */ scanTailOf)
});

// UNUSED EXPORTS: pairsFile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/platform/logger.ts
var platform_logger = __webpack_require__(3255);
// EXTERNAL MODULE: ./src/platform/report.ts
var report = __webpack_require__(8809);
// EXTERNAL MODULE: ./src/stats/distinct-sketch.ts
var distinct_sketch = __webpack_require__(8380);
// EXTERNAL MODULE: ./src/data/batch.ts
var batch = __webpack_require__(9984);
// EXTERNAL MODULE: ./src/data/drift.ts
var drift = __webpack_require__(7987);
// EXTERNAL MODULE: ./src/data/profile.ts + 1 modules
var data_profile = __webpack_require__(5359);
// EXTERNAL MODULE: ./src/data/readers/index.ts + 4 modules
var readers = __webpack_require__(8381);
;// CONCATENATED MODULE: ./src/data/short-keys.ts
/**
 * The short values (up to 8 bytes) of a categorical column that its top-values table already
 * holds, found by their bytes instead of their hash, and counted until `flush` hands the counts to
 * the profile. A country code or a device name then costs a few byte loads and one probe of a small
 * table, not a hash of its bytes and a probe of the profile's tables. Counting by batch gives the
 * same profile as counting one at a time because the caller flushes before anything else can change
 * the table (a new value, which may start a purge) and clears the values it then no longer knows.
 */
const SLOTS = 64;
/** At most this many values are kept, so a probe always meets an empty slot soon. */
const MAX_KEPT = 48;
class ShortKeys {
    /** Bytes 0-3 and 4-7 of each kept value, little-endian, and its length (-1: empty slot). */
    low = new Int32Array(SLOTS);
    high = new Int32Array(SLOTS);
    length = new Int32Array(SLOTS).fill(-1);
    /** The value's hash (hashBytes) and its count since the last flush. */
    hashes = new Float64Array(SLOTS);
    counts = new Float64Array(SLOTS);
    kept = 0;
    probedLow = 0;
    probedHigh = 0;
    /** The slot of buf[s, e) when it is kept, else -1. */
    find(buf, s, e) {
        if (e - s > 8)
            return -1;
        const slot = this.probe(buf, s, e);
        return this.length[slot] === -1 ? -1 : slot;
    }
    /** Keeps buf[s, e), whose hash is `hash`, when it is short and there is room. */
    keep(buf, s, e, hash) {
        if (e - s > 8 || this.kept >= MAX_KEPT)
            return;
        const slot = this.probe(buf, s, e);
        if (this.length[slot] !== -1)
            return;
        this.low[slot] = this.probedLow;
        this.high[slot] = this.probedHigh;
        this.length[slot] = e - s;
        this.hashes[slot] = hash;
        this.counts[slot] = 0;
        this.kept++;
    }
    /** The slot holding buf[s, e) (at most 8 bytes), else the empty slot where it would go; its packed bytes stay in probedLow/probedHigh. */
    probe(buf, s, e) {
        const n = e - s;
        let low = 0;
        let high = 0;
        const m = n < 4 ? n : 4;
        for (let i = 0; i < m; i++)
            low |= buf[s + i] << (i << 3);
        for (let i = 4; i < n; i++)
            high |= buf[s + i] << ((i - 4) << 3);
        this.probedLow = low;
        this.probedHigh = high;
        for (let slot = slotOf(low, high, n);; slot = (slot + 1) & (SLOTS - 1)) {
            const length = this.length[slot];
            if (length === -1 || (length === n && this.low[slot] === low && this.high[slot] === high))
                return slot;
        }
    }
    /** Hands each kept value's count to `add` (its hash and count) and starts counting again. */
    flush(add) {
        if (this.kept === 0)
            return;
        for (let slot = 0; slot < SLOTS; slot++) {
            const count = this.counts[slot];
            if (count > 0) {
                add(this.hashes[slot], count);
                this.counts[slot] = 0;
            }
        }
    }
    /** Forgets every value (after a flush). */
    clear() {
        if (this.kept === 0)
            return;
        this.length.fill(-1);
        this.kept = 0;
    }
}
function slotOf(low, high, n) {
    return Math.imul(low ^ Math.imul(high ^ n, 0x9e3779b1), 0x85ebca6b) >>> 26;
}

// EXTERNAL MODULE: ./src/data/readers/csv-split.ts
var csv_split = __webpack_require__(1418);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/data/unique.ts



/**
 * The `unique: true` check of one column in bounded memory. Values are known by their 53-bit hash
 * (two different values share one with probability about n²/2⁵⁴: under 0.6 % at ten million rows),
 * and each hash by the position where it was first seen: a file index and a line, packed in one
 * number as file · 2³² + line.
 *
 * While every value is greater than the one before it (ids in increasing order, a common case:
 * the caller compares each value with the previous one and passes the sign as `order`), a repeat
 * can only be of the previous value, so the pairs are only appended to a log, in order: no table,
 * no random memory access. The first value out of order turns the log into the table.
 *
 * While at most `memoryEntries` distinct hashes have been seen, they sit in an open-addressing
 * table and a repeat is reported at once. Past that, the table is written out and every later
 * (hash, position) pair is appended to one of 64 temporary files chosen by the hash's top bits;
 * `finish` then reads the files back one at a time and finds the repeats in each. So memory stays
 * at the table's size however many rows come, and the disk holds 16 bytes a row past the limit.
 */
/** 2^20 hashes in memory at most: a 32 MiB table, enough for a million-row column without spilling. */
const DEFAULT_MEMORY_ENTRIES = 1 << 20;
const BUCKET_BITS = 6;
const BUCKETS = 1 << BUCKET_BITS;
/** Pairs buffered per bucket before a write: 64 buckets × 32 KiB. */
const BUCKET_PAIRS = 2048;
const TWO_POW_32 = 4294967296;
function packPosition(file, line) {
    return file * TWO_POW_32 + line;
}
function unpack(position) {
    const file = Math.floor(position / TWO_POW_32);
    return { file, line: position - file * TWO_POW_32 };
}
class UniqueChecker {
    memoryEntries;
    /**
     * The open-addressing table: slot i holds a hash + 1 at 2i (0: empty) and its first position at
     * 2i + 1, side by side, so a probe touches one cache line.
     */
    table = new Float64Array(0);
    size = 0;
    spill;
    slots;
    /** True while every value has been greater than the previous one: pairs go to `log`. */
    ordered = true;
    log = new Float64Array(2 * 1024);
    logged = 0;
    /** In order: where the previous value was first seen. */
    previousFirst = -1;
    /**
     * `expectedEntries`, a guess of the distinct values to come (from the data's size), sizes the
     * table once instead of growing it step by step; it is capped at `memoryEntries`.
     */
    constructor(memoryEntries = DEFAULT_MEMORY_ENTRIES, expectedEntries = 0) {
        this.memoryEntries = memoryEntries;
        this.slots = 2 ** Math.ceil(Math.log2(2 * Math.max(1 << 11, Math.min(memoryEntries, expectedEntries))));
    }
    /** True while the values have come in increasing order (the caller need not compare them after). */
    get inOrder() {
        return this.ordered;
    }
    /**
     * Records a value's hash at a position; returns the packed position where it was first seen,
     * or -1 when it is new, or not known yet (past the memory limit: see finish). `order` is the sign
     * of the value minus the previous value (any when there is none), or -1 when not known.
     */
    check(hash, position, order = -1) {
        if (this.ordered) {
            if (order > 0 || this.logged === 0) {
                if (this.logged === this.log.length) {
                    if (this.logged >= 2 * this.memoryEntries) {
                        this.leaveOrder();
                        return this.check(hash, position);
                    }
                    const log = new Float64Array(2 * this.log.length);
                    log.set(this.log);
                    this.log = log;
                }
                this.log[this.logged++] = hash;
                this.log[this.logged++] = position;
                this.previousFirst = position;
                return -1;
            }
            if (order === 0)
                return this.previousFirst;
            this.leaveOrder();
        }
        if (this.spill !== undefined) {
            this.spill.append(hash, position);
            return -1;
        }
        const table = this.table;
        const key = hash + 1; // 0 marks an empty slot
        const mask = (table.length >> 1) - 1;
        let i = (hash >>> 0) & mask;
        for (;;) {
            const k = table[2 * i];
            if (k === 0)
                break;
            if (k === key)
                return table[2 * i + 1];
            i = (i + 1) & mask;
        }
        if (this.size === this.memoryEntries) {
            this.startSpilling();
            this.spill.append(hash, position);
            return -1;
        }
        table[2 * i] = key;
        table[2 * i + 1] = position;
        if (++this.size * 4 > table.length)
            this.grow();
        return -1;
    }
    /** The log becomes the table (and maybe the spill): from here on, every value is looked up. */
    leaveOrder() {
        this.ordered = false;
        this.table = new Float64Array(2 * this.slots);
        const log = this.log;
        const logged = this.logged;
        this.log = new Float64Array(0);
        for (let j = 0; j < logged; j += 2)
            this.check(log[j], log[j + 1]);
    }
    /** True once values have gone to disk: their repeats come from finish. */
    get spilled() {
        return this.spill !== undefined;
    }
    /**
     * The repeats found on disk: their number, and the `keep` with the smallest positions, in
     * position order. Removes the temporary files; the checker takes no more values.
     */
    finish(keep) {
        const spill = this.spill;
        if (spill === undefined)
            return { count: 0, first: [] };
        try {
            const smallest = new SmallestPairs(keep);
            let count = 0;
            spill.forEachBucket((pairs) => {
                count += findRepeats(pairs, (position, first) => smallest.add(position, first));
            });
            return {
                count,
                first: smallest.sorted().map(([position, first]) => {
                    const at = unpack(position);
                    const firstAt = unpack(first);
                    return { file: at.file, line: at.line, firstFile: firstAt.file, firstLine: firstAt.line };
                }),
            };
        }
        finally {
            this.dispose();
        }
    }
    /** Removes the temporary files (also after an error). */
    dispose() {
        this.spill?.remove();
        this.spill = undefined;
    }
    startSpilling() {
        const spill = new Spill();
        // The table's hashes go first, so each bucket holds its pairs in the order they were seen
        // up to where it matters: every table entry is a first sighting.
        const table = this.table;
        for (let j = 0; j < table.length; j += 2) {
            if (table[j] !== 0)
                spill.append(table[j] - 1, table[j + 1]);
        }
        this.table = new Float64Array(0);
        this.spill = spill;
    }
    grow() {
        const old = this.table;
        const table = new Float64Array(old.length * 2);
        const mask = (table.length >> 1) - 1;
        for (let j = 0; j < old.length; j += 2) {
            const k = old[j];
            if (k === 0)
                continue;
            let i = ((k - 1) >>> 0) & mask;
            while (table[2 * i] !== 0)
                i = (i + 1) & mask;
            table[2 * i] = k;
            table[2 * i + 1] = old[j + 1];
        }
        this.table = table;
    }
}
/**
 * The order of a `unique` column's values, for UniqueChecker.check and UniquePairWriter.check: each
 * value against the previous one (numbers by value, text byte by byte in UTF-8), while they have
 * come in increasing order. Values that repeat the previous one, or come after a larger one, do not
 * replace it. `first` is the first value given.
 */
class ValueOrder {
    first;
    previousBytes = new Uint8Array(64);
    previousLength = -1;
    previousNumber = NaN;
    /** The sign of value - previous (1 for the first value). */
    of(value) {
        return typeof value === 'number' ? this.ofNumber(value) : this.ofBytes(value, 0, value.length);
    }
    ofNumber(x) {
        const previous = this.previousNumber;
        if (previous !== previous)
            this.first ??= x;
        const order = previous !== previous || x > previous ? 1 : x === previous ? 0 : -1;
        if (order > 0)
            this.previousNumber = x;
        return order;
    }
    /** The same for the text in buf[s, e). */
    ofBytes(buf, s, e) {
        const length = e - s;
        let order = 1;
        let previous = this.previousBytes;
        const previousLength = this.previousLength;
        // The common prefix with the previous value: its length, i, is also what need not be copied.
        let i = 0;
        if (previousLength >= 0) {
            const n = Math.min(length, previousLength);
            while (i < n && buf[s + i] === previous[i])
                i++;
            order = i < n ? (buf[s + i] > previous[i] ? 1 : -1) : Math.sign(length - previousLength);
        }
        else {
            this.first ??= buf.slice(s, e);
        }
        if (order > 0) {
            if (previous.length < length) {
                const grown = new Uint8Array(2 * length);
                grown.set(previous.subarray(0, i));
                this.previousBytes = previous = grown;
            }
            // A byte loop, not set(subarray()): an id is a few bytes, and a view per value costs more.
            for (let j = i; j < length; j++)
                previous[j] = buf[s + j];
            this.previousLength = length;
        }
        return order;
    }
}
/**
 * The `unique` check of a helper's part of a file (see readers/csv-split.ts): its values are not
 * checked here but written, as (hash, position, order) triples in the order they come, to a file
 * that the reader of the part before it checks after its own rows (forEachPair), as if it had read
 * them. `order` is as for UniqueChecker.check; the first one is the reader's to work out.
 */
class UniquePairWriter {
    file;
    pairs = new Float64Array(3 * BUCKET_PAIRS * 16);
    fill = 0;
    fd;
    ordered = true;
    /** The first value (its UTF-8 bytes, or a number), for the reader to compare with its own last one. */
    first;
    constructor(file) {
        this.file = file;
        this.fd = (0,external_node_fs_.openSync)(file, 'w');
    }
    /** True until a value came out of order: after that, nobody needs the order. */
    get inOrder() {
        return this.ordered;
    }
    check(hash, position, order = -1) {
        if (order < 0)
            this.ordered = false;
        this.pairs[this.fill++] = hash;
        this.pairs[this.fill++] = position;
        this.pairs[this.fill++] = order;
        if (this.fill === this.pairs.length)
            this.flush();
        return -1;
    }
    get spilled() {
        return false;
    }
    /** Writes what is buffered and closes the file; the first value goes beside it (firstValueOf). */
    finish() {
        this.flush();
        this.dispose();
        const first = this.first;
        (0,external_node_fs_.writeFileSync)(`${this.file}.first.json`, JSON.stringify(first === undefined ? {} : typeof first === 'number' ? { number: first } : { bytes: Buffer.from(first).toString('base64') }));
        return { count: 0, first: [] };
    }
    dispose() {
        if (this.fd >= 0)
            (0,external_node_fs_.closeSync)(this.fd);
        this.fd = -1;
    }
    flush() {
        const bytes = new Uint8Array(this.pairs.buffer, 0, this.fill * 8);
        let done = 0;
        while (done < bytes.length)
            done += (0,external_node_fs_.writeSync)(this.fd, bytes, done, bytes.length - done);
        this.fill = 0;
    }
}
/** The first value a UniquePairWriter was given, if any. */
function firstValueOf(file) {
    const saved = JSON.parse((0,external_node_fs_.readFileSync)(`${file}.first.json`, 'utf8'));
    return saved.number ?? (saved.bytes === undefined ? undefined : new Uint8Array(Buffer.from(saved.bytes, 'base64')));
}
/** Calls visit(hash, position, order) for each triple of a UniquePairWriter's file, in order. */
function forEachPair(file, visit) {
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        const pairs = new Float64Array(3 * BUCKET_PAIRS * 16);
        const bytes = new Uint8Array(pairs.buffer);
        for (;;) {
            let got = 0;
            while (got < bytes.length) {
                const n = (0,external_node_fs_.readSync)(fd, bytes, got, bytes.length - got, null);
                if (n === 0)
                    break;
                got += n;
            }
            for (let j = 0; j + 2 < got >> 3; j += 3)
                visit(pairs[j], pairs[j + 1], pairs[j + 2]);
            if (got < bytes.length)
                return;
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * Calls onRepeat(position, firstPosition) for every pair whose hash came earlier in `pairs`
 * (hash, position, hash, position, ...); returns how many there were. The table entries written
 * first all have distinct hashes and earlier positions than what follows, so "earlier in the
 * bucket" is "earlier in the data" wherever it decides.
 */
function findRepeats(pairs, onRepeat) {
    const n = pairs.length >> 1;
    const size = 2 ** Math.ceil(Math.log2(2 * n + 2));
    const keys = new Float64Array(size);
    const firsts = new Float64Array(size);
    const mask = size - 1;
    let count = 0;
    for (let j = 0; j < pairs.length; j += 2) {
        const hash = pairs[j];
        const key = hash + 1;
        let i = (hash >>> 0) & mask;
        for (;;) {
            const k = keys[i];
            if (k === 0) {
                keys[i] = key;
                firsts[i] = pairs[j + 1];
                break;
            }
            if (k === key) {
                count++;
                onRepeat(pairs[j + 1], firsts[i]);
                break;
            }
            i = (i + 1) & mask;
        }
    }
    return count;
}
/** The `keep` (position, first) pairs with the smallest positions, in bounded memory. */
class SmallestPairs {
    keep;
    pairs = [];
    /** Positions at or above this are not among the smallest once the list has been cut. */
    cutoff = Infinity;
    constructor(keep) {
        this.keep = keep;
    }
    add(position, first) {
        if (this.keep <= 0 || position >= this.cutoff)
            return;
        this.pairs.push([position, first]);
        if (this.pairs.length >= 2 * this.keep)
            this.cut();
    }
    sorted() {
        this.cut();
        return this.pairs;
    }
    cut() {
        this.pairs.sort((a, b) => a[0] - b[0]);
        if (this.pairs.length >= this.keep) {
            this.pairs.length = this.keep;
            this.cutoff = this.pairs[this.keep - 1][0];
        }
    }
}
/** The temporary bucket files, with a write buffer each. */
class Spill {
    dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'mlops-unique-'));
    fds = new Int32Array(BUCKETS).fill(-1);
    buffers = Array.from({ length: BUCKETS }, () => new Float64Array(2 * BUCKET_PAIRS));
    fill = new Int32Array(BUCKETS);
    append(hash, position) {
        const b = (hash >>> 0) >>> (32 - BUCKET_BITS);
        const buffer = this.buffers[b];
        let at = this.fill[b];
        buffer[at++] = hash;
        buffer[at++] = position;
        if (at === buffer.length) {
            this.write(b, at);
            at = 0;
        }
        this.fill[b] = at;
    }
    /** Each bucket's pairs in turn, read back whole (a bucket is a 64th of the spilled rows). */
    forEachBucket(visit) {
        for (let b = 0; b < BUCKETS; b++) {
            if (this.fill[b] > 0)
                this.write(b, this.fill[b]);
            this.fill[b] = 0;
            if (this.fds[b] < 0)
                continue;
            (0,external_node_fs_.closeSync)(this.fds[b]);
            this.fds[b] = -1;
            const bytes = (0,external_node_fs_.readFileSync)(this.file(b));
            const pairs = new Float64Array(bytes.length >> 3);
            new Uint8Array(pairs.buffer).set(bytes);
            visit(pairs);
        }
    }
    remove() {
        for (let b = 0; b < BUCKETS; b++) {
            if (this.fds[b] >= 0)
                (0,external_node_fs_.closeSync)(this.fds[b]);
            this.fds[b] = -1;
        }
        (0,external_node_fs_.rmSync)(this.dir, { recursive: true, force: true });
    }
    write(b, count) {
        if (this.fds[b] < 0)
            this.fds[b] = (0,external_node_fs_.openSync)(this.file(b), 'a');
        const buffer = this.buffers[b];
        const bytes = new Uint8Array(buffer.buffer, 0, count * 8);
        let done = 0;
        while (done < bytes.length)
            done += (0,external_node_fs_.writeSync)(this.fds[b], bytes, done, bytes.length - done);
    }
    file(b) {
        return external_node_path_default().join(this.dir, `bucket-${b}.bin`);
    }
}

// EXTERNAL MODULE: ./src/data/schema.ts
var schema = __webpack_require__(3625);
// EXTERNAL MODULE: ./src/data/typed.ts
var typed = __webpack_require__(3560);
;// CONCATENATED MODULE: ./src/data/scan.ts















/** The file a tail scan writes the values of `unique` column `index` to. */
function pairsFile(pairsDir, index) {
    return external_node_path_default().join(pairsDir, `unique-${index}.bin`);
}
const MAX_SHOWN_VALUE = 80;
/** A fixed set of 53-bit hashes (the allowed values of a column), probed without boxing a number. */
class HashSet53 {
    keys;
    constructor(hashes) {
        this.keys = new Float64Array(2 ** Math.ceil(Math.log2(2 * hashes.length + 2)));
        const mask = this.keys.length - 1;
        for (const hash of hashes) {
            let i = (hash >>> 0) & mask;
            while (this.keys[i] !== 0 && this.keys[i] !== hash + 1)
                i = (i + 1) & mask;
            this.keys[i] = hash + 1; // 0 marks an empty slot
        }
    }
    has(hash) {
        const mask = this.keys.length - 1;
        for (let i = (hash >>> 0) & mask;; i = (i + 1) & mask) {
            const k = this.keys[i];
            if (k === hash + 1)
                return true;
            if (k === 0)
                return false;
        }
    }
}
function shorten(value) {
    return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 1)}…` : value;
}
/**
 * Rules and profile of one schema column, resolved once so the per-value work is small: a value is
 * typed from its bytes, checked, and added to the profile by its hash; its text is made only when a
 * rule or a new top value needs it. Numbers are gathered per batch and handed to the profile at once.
 */
class ColumnScanner {
    name;
    rule;
    profile;
    checking;
    emit;
    files;
    countOnly;
    checks = new Map();
    /** Hashes of the allowed values of a text column (hashString), so a value is checked without its text. */
    allowedHashes;
    allowedNumbers;
    pattern;
    min;
    max;
    seen;
    /** The order of a `unique` column's values, while they come in increasing order (see UniqueChecker). */
    order = new ValueOrder();
    /** The index of the file being read, in `files`. */
    fileIndex = 0;
    /** This batch's valid numbers, handed to the profile in one call. */
    pending = new Float64Array(1024);
    pendingCount = 0;
    numericType;
    /** True when each text value is needed (a pattern to test); else only new keys and failures make text. */
    needsText;
    /** Short known values of a categorical column, counted by their bytes (see ShortKeys); undefined where each value needs its own look. */
    shortKeys;
    addKnown = (hash, count) => {
        this.profile.addKnownKey(hash, count);
    };
    constructor(name, rule, profile, checking, emit, 
    /** Display names of the dataset's files, by index. */
    files, unique, 
    /** Only values and nulls are counted: a column a profile for drift alone does not compare (not with checks). */
    countOnly = false) {
        this.name = name;
        this.rule = rule;
        this.profile = profile;
        this.checking = checking;
        this.emit = emit;
        this.files = files;
        this.countOnly = countOnly;
        const add = (r) => this.checks.set(r, { column: name, rule: r, failures: 0 });
        this.numericType = rule.type === 'integer' || rule.type === 'number' || rule.type === 'timestamp';
        add('type');
        if (!rule.nullable)
            add('nullable');
        if (rule.unique) {
            add('unique');
            if (checking)
                this.seen = unique.pairsFile === undefined ? new UniqueChecker(unique.memoryEntries, unique.expectedEntries) : new UniquePairWriter(unique.pairsFile);
        }
        if (rule.allowed) {
            add('allowed');
            if (this.numericType)
                this.allowedNumbers = new Set(rule.allowed.map((v) => Number(v)));
            else
                this.allowedHashes = new HashSet53(rule.allowed.map((v) => (0,distinct_sketch/* hashString */.YZ)(String(v))));
        }
        if (rule.pattern !== undefined) {
            add('pattern');
            this.pattern = new RegExp(rule.pattern, 'u');
        }
        this.needsText = checking && this.pattern !== undefined;
        if (!this.needsText && !(checking && this.seen !== undefined) && (rule.type === 'category' || rule.type === 'string'))
            this.shortKeys = new ShortKeys();
        this.min = rule.min === undefined ? -Infinity : boundValue(rule, 'min');
        this.max = rule.max === undefined ? Infinity : boundValue(rule, 'max');
        if (rule.min !== undefined)
            add('min');
        if (rule.max !== undefined)
            add('max');
        if (rule.max_null_fraction !== undefined)
            add('max_null_fraction');
    }
    scanBytes(col, rows, positions, file, quote) {
        const type = this.rule.type;
        if (this.countOnly)
            this.scanCounts(col.flags, rows);
        else if (type === 'integer')
            this.scanNumbers(col, rows, positions, file, quote, PARSE_INTEGER);
        else if (type === 'number')
            this.scanNumbers(col, rows, positions, file, quote, PARSE_NUMBER);
        else if (type === 'timestamp')
            this.scanNumbers(col, rows, positions, file, quote, PARSE_TIMESTAMP);
        else if (type === 'boolean')
            this.scanBooleans(col, rows, positions, file, quote);
        else
            this.scanKeys(col, rows, positions, file, quote);
    }
    /** One loop per kind of column, so the common path of each is a few lines with nothing to dispatch. */
    scanNumbers(col, rows, positions, file, quote, parse) {
        const { buf, start, end, flags } = col;
        if (this.pending.length < rows)
            this.pending = new Float64Array(rows);
        const pending = this.pending;
        let n = this.pendingCount;
        const checking = this.checking;
        const min = this.min;
        const max = this.max;
        const otherRules = this.allowedNumbers !== undefined || this.pattern !== undefined || this.seen !== undefined;
        for (let r = 0; r < rows; r++) {
            const flag = flags[r];
            if (flag === batch/* FIELD_NULL */.VG) {
                this.onNull(file, positions[r]);
                continue;
            }
            const s = start[r];
            const e = end[r];
            const x = parse === PARSE_INTEGER ? (0,typed/* parseIntegerBytes */.PD)(buf, s, e) : parse === PARSE_NUMBER ? (0,typed/* parseNumberBytes */.oX)(buf, s, e) : (0,typed/* parseTimestampBytes */.Bl)(buf, s, e);
            if (x !== x) {
                this.onInvalid(file, positions[r], (0,typed/* fieldText */.gF)(buf, s, e, flag === batch/* FIELD_QUOTED_ESCAPED */.A0, quote));
                continue;
            }
            pending[n++] = x;
            if (checking && (x < min || x > max || otherRules))
                this.checkNumber(x, file, positions[r], buf, s, e);
        }
        this.pendingCount = n;
        this.flush();
    }
    scanBooleans(col, rows, positions, file, quote) {
        const { buf, start, end, flags } = col;
        // Without a rule on the values, trues and falses are counted here and go to the profile once
        // per batch (ColumnProfile.addKeys: the same as one at a time).
        const counted = !(this.checking && (this.allowedHashes !== undefined || this.pattern !== undefined || this.seen !== undefined));
        let trues = 0;
        let falses = 0;
        for (let r = 0; r < rows; r++) {
            const flag = flags[r];
            if (flag === batch/* FIELD_NULL */.VG) {
                this.onNull(file, positions[r]);
                continue;
            }
            const b = (0,typed/* parseBooleanBytes */.R9)(buf, start[r], end[r]);
            if (b < 0)
                this.onInvalid(file, positions[r], (0,typed/* fieldText */.gF)(buf, start[r], end[r], flag === batch/* FIELD_QUOTED_ESCAPED */.A0, quote));
            else if (counted) {
                if (b === 1)
                    trues++;
                else
                    falses++;
            }
            else if (b === 1)
                this.onKey(TRUE_HASH, 'true', file, positions[r]);
            else
                this.onKey(FALSE_HASH, 'false', file, positions[r]);
        }
        this.profile.addKeys('true', TRUE_HASH, trues);
        this.profile.addKeys('false', FALSE_HASH, falses);
    }
    scanKeys(col, rows, positions, file, quote) {
        const { buf, start, end, flags } = col;
        const profile = this.profile;
        const needsText = this.needsText;
        const keyRules = this.checking && (this.allowedHashes !== undefined || this.seen !== undefined);
        const allowed = this.checking ? this.allowedHashes : undefined;
        const short = this.shortKeys;
        let misses = 0;
        for (let r = 0; r < rows; r++) {
            const flag = flags[r];
            if (flag === batch/* FIELD_NULL */.VG) {
                this.onNull(file, positions[r]);
                continue;
            }
            const s = start[r];
            const e = end[r];
            if (short !== undefined) {
                const slot = short.find(buf, s, e);
                if (slot >= 0 && flag !== batch/* FIELD_QUOTED_ESCAPED */.A0) {
                    short.counts[slot]++;
                    continue;
                }
                misses++;
            }
            if (flag === batch/* FIELD_QUOTED_ESCAPED */.A0) {
                const text = (0,typed/* fieldText */.gF)(buf, s, e, true, quote);
                this.newKey((0,distinct_sketch/* hashString */.YZ)(text), text, file, positions[r]);
                continue;
            }
            const hash = (0,distinct_sketch/* hashBytes */.yi)(buf, s, e);
            // The text is made only for a key the profile does not hold yet, or for a pattern to test.
            if (needsText || !profile.addKnownKey(hash))
                this.newKey(hash, (0,typed/* fieldText */.gF)(buf, s, e, false), file, positions[r]);
            else {
                if (keyRules)
                    this.checkKey(hash, undefined, file, positions[r], buf, s, e);
                // A value that passes its rules is counted by its bytes from now on.
                if (short !== undefined && (allowed === undefined || allowed.has(hash)))
                    short.keep(buf, s, e, hash);
            }
        }
        if (short !== undefined) {
            short.flush(this.addKnown);
            // Mostly values it does not keep (too long, or too many distinct): each value is looked at alone.
            if (misses * 4 > rows) {
                short.clear();
                this.shortKeys = undefined;
            }
        }
    }
    /** A value the profile may not hold yet (onKey): the counts by bytes go in first, and its values are forgotten, since adding this one may drop some from the profile's table. */
    newKey(hash, key, file, line) {
        const short = this.shortKeys;
        if (short !== undefined) {
            short.flush(this.addKnown);
            short.clear();
        }
        this.onKey(hash, key, file, line);
    }
    /** Values and nulls counted, nothing read (see countOnly). */
    scanCounts(flags, rows) {
        for (let r = 0; r < rows; r++) {
            if (flags[r] === batch/* FIELD_NULL */.VG)
                this.profile.addNull();
            else
                this.profile.addUnprofiled();
        }
    }
    scanValues(col, rows, positions, file) {
        const type = this.rule.type;
        const values = col.values;
        if (this.countOnly) {
            for (let r = 0; r < rows; r++) {
                if (values[r] === null || values[r] === undefined)
                    this.profile.addNull();
                else
                    this.profile.addUnprofiled();
            }
            return;
        }
        if (this.numericType && this.pending.length < rows)
            this.pending = new Float64Array(rows);
        for (let r = 0; r < rows; r++) {
            const v = values[r];
            if (v === null || v === undefined) {
                this.onNull(file, positions[r]);
                continue;
            }
            if (this.numericType) {
                const x = numericValue(type, v);
                if (x === undefined)
                    this.onInvalid(file, positions[r], displayValue(v));
                else
                    this.onNumber(x, file, positions[r]);
            }
            else if (type === 'boolean') {
                const b = typeof v === 'boolean' ? v : typeof v === 'string' ? (0,schema.parseTyped)('boolean', v) : undefined;
                if (typeof b !== 'boolean')
                    this.onInvalid(file, positions[r], displayValue(v));
                else if (b)
                    this.onKey(TRUE_HASH, 'true', file, positions[r]);
                else
                    this.onKey(FALSE_HASH, 'false', file, positions[r]);
            }
            else if (typeof v === 'object' && !(v instanceof Date)) {
                this.onInvalid(file, positions[r], displayValue(v));
            }
            else {
                const text = v instanceof Date ? v.toISOString() : String(v);
                this.onKey((0,distinct_sketch/* hashString */.YZ)(text), text, file, positions[r]);
            }
        }
        this.flush();
    }
    onNull(file, line) {
        this.profile.addNull();
        if (this.checking && !this.rule.nullable)
            this.fail('nullable', file, line, undefined, `${this.name} is null but the schema says nullable: false`);
    }
    onInvalid(file, line, raw) {
        this.profile.addInvalid();
        if (this.checking)
            this.fail('type', file, line, raw, `${this.name}: ${JSON.stringify(shorten(raw))} is not a valid ${this.rule.type}`);
    }
    /** Hands the batch's numbers to the profile. */
    flush() {
        this.profile.addNumbers(this.pending, this.pendingCount);
        this.pendingCount = 0;
    }
    onNumber(x, file, line) {
        this.pending[this.pendingCount++] = x;
        if (this.checking)
            this.checkNumber(x, file, line);
    }
    /** The rules of a number; the bytes it came from, when given, are what a finding shows. */
    checkNumber(x, file, line, buf, s, e) {
        if (x < this.min)
            this.fail('min', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is below the minimum ${String(this.rule.min)}`);
        if (x > this.max)
            this.fail('max', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is above the maximum ${String(this.rule.max)}`);
        if (this.allowedNumbers && !this.allowedNumbers.has(x)) {
            this.fail('allowed', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is not one of the allowed values`);
        }
        if (this.pattern && !this.pattern.test(this.shown(x, buf, s, e))) {
            this.fail('pattern', file, line, this.shown(x, buf, s, e), `${this.name}: ${JSON.stringify(this.shown(x, buf, s, e))} does not match ${this.rule.pattern}`);
        }
        if (this.seen) {
            const first = this.seen.check((0,distinct_sketch/* hashNumber */.YR)(x), packPosition(this.fileIndex, line), this.seen.inOrder ? this.order.ofNumber(x) : -1);
            if (first >= 0)
                this.repeated(this.shown(x, buf, s, e), file, line, first);
        }
    }
    shown(x, buf, s, e) {
        if (buf && s !== undefined && e !== undefined)
            return shorten((0,typed/* fieldText */.gF)(buf, s, e, false).trim());
        return this.rule.type === 'timestamp' ? new Date(x).toISOString() : String(x);
    }
    /** A categorical or text value with its text: profiled and checked. */
    onKey(hash, key, file, line) {
        this.profile.addKey(key, hash);
        if (this.checking)
            this.checkKey(hash, key, file, line);
    }
    /** The rules of a categorical or text value; its text comes from the bytes when a finding needs it. */
    checkKey(hash, key, file, line, buf, s, e) {
        if (this.allowedHashes && !this.allowedHashes.has(hash)) {
            const text = key ?? (0,typed/* fieldText */.gF)(buf, s, e, false);
            this.fail('allowed', file, line, text, `${this.name}: ${JSON.stringify(shorten(text))} is not one of the allowed values`);
        }
        // With a pattern every value comes with its text (needsText).
        if (this.pattern && !this.pattern.test(key))
            this.fail('pattern', file, line, key, `${this.name}: ${JSON.stringify(shorten(key))} does not match ${this.rule.pattern}`);
        if (this.seen) {
            const order = !this.seen.inOrder ? -1 : buf === undefined ? this.order.of(textEncoder.encode(key)) : this.order.ofBytes(buf, s, e);
            const first = this.seen.check(hash, packPosition(this.fileIndex, line), order);
            if (first >= 0)
                this.repeated(key ?? (0,typed/* fieldText */.gF)(buf, s, e, false), file, line, first);
        }
    }
    repeated(value, file, line, first) {
        const at = unpack(first);
        this.fail('unique', file, line, value, `${this.name}: ${JSON.stringify(shorten(value))} repeats a value first seen ${this.where(at.file, at.line)}`);
    }
    where(fileIndex, line) {
        return fileIndex === this.fileIndex ? `on line ${line}` : `in ${this.files[fileIndex]} on line ${line}`;
    }
    /**
     * Repeats of a `unique` column found after the last row: those of values past the in-memory
     * limit, whose text is no longer at hand. `keep` of them become findings; all are counted.
     */
    finishUnique(keep, countOnly) {
        if (this.seen instanceof UniquePairWriter) {
            this.seen.first = this.order.first;
            this.seen.finish();
        }
        if (!this.seen?.spilled)
            return;
        const { count, first } = this.seen.finish(keep);
        for (const r of first) {
            this.fileIndex = r.file;
            this.repeatedUnseen(r.line, r.firstFile, r.firstLine);
        }
        this.checks.get('unique').failures += count - first.length;
        countOnly(count - first.length);
    }
    /**
     * The `unique` check of the values a helper read after this reader's last row (a UniquePairWriter's
     * file), their lines `lineOffset` further on: as if read here, but the text of a repeat is not at hand.
     */
    checkPairs(file, lineOffset) {
        const seen = this.seen;
        if (!(seen instanceof UniqueChecker))
            return;
        // The helper's first value against this reader's last; the helper knew the order of the rest.
        const firstValue = firstValueOf(file);
        let head = true;
        forEachPair(file, (hash, line, order) => {
            const at = line + lineOffset;
            const first = seen.check(hash, packPosition(this.fileIndex, at), head && firstValue !== undefined && seen.inOrder ? this.order.of(firstValue) : order);
            head = false;
            if (first >= 0) {
                const seenAt = unpack(first);
                this.repeatedUnseen(at, seenAt.file, seenAt.line);
            }
        });
    }
    repeatedUnseen(line, firstFile, firstLine) {
        this.fail('unique', this.files[this.fileIndex], line, undefined, `${this.name}: the value on this line repeats the one ${this.where(firstFile, firstLine)}`);
    }
    /** Removes what a unique check left on disk (after an error). */
    dispose() {
        this.seen?.dispose();
    }
    fail(rule, file, line, value, message) {
        const check = this.checks.get(rule);
        check.failures++;
        const shown = value === undefined ? undefined : shorten(value);
        check.first ??= { file, line, value: shown };
        this.emit({ severity: 'error', rule, message, file, line, subject: this.name, value: shown });
    }
}
const textEncoder = new TextEncoder();
const PARSE_INTEGER = 0;
const PARSE_NUMBER = 1;
const PARSE_TIMESTAMP = 2;
const TRUE_HASH = (0,distinct_sketch/* hashString */.YZ)('true');
const FALSE_HASH = (0,distinct_sketch/* hashString */.YZ)('false');
function numericValue(type, v) {
    if (type === 'timestamp') {
        if (v instanceof Date)
            return Number.isNaN(v.getTime()) ? undefined : v.getTime();
        if (typeof v === 'string')
            return (0,schema.parseTimestamp)(v.trim());
        return undefined;
    }
    let x;
    if (typeof v === 'number')
        x = Number.isFinite(v) ? v : undefined;
    else if (typeof v === 'bigint')
        x = Number(v);
    else if (typeof v === 'string') {
        const parsed = (0,schema.parseTyped)(type, v);
        x = typeof parsed === 'number' ? parsed : undefined;
    }
    if (x !== undefined && type === 'integer' && !Number.isInteger(x))
        return undefined;
    return x;
}
function displayValue(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (v instanceof Date)
        return v.toISOString();
    try {
        return JSON.stringify(v) ?? String(v);
    }
    catch {
        return String(v);
    }
}
function boundValue(rule, which) {
    const value = rule[which];
    if (typeof value === 'number')
        return value;
    const ms = rule.type === 'timestamp' ? (0,schema.parseTimestamp)(value) : undefined;
    if (ms === undefined) {
        throw new errors/* ConfigurationError */.j1(`${which}: ${JSON.stringify(value)} is not a number${rule.type === 'timestamp' ? ' or an ISO 8601 date' : ''}`, {
            hint: rule.type === 'timestamp' ? 'Write e.g. 2024-01-31 or 2024-01-31T12:00:00Z.' : 'Write a number without quotes.',
        });
    }
    return ms;
}
function fileSize(file) {
    try {
        return (0,external_node_fs_.statSync)(file).size;
    }
    catch {
        return 0; // the reader says what is wrong with it
    }
}
/** Reads every file of a dataset once; returns its checks, first findings and profile. */
async function scanDataset(options) {
    const logger = options.logger ?? platform_logger/* silentLogger */.q;
    const findings = new report.FindingCollector(options.findingLimit);
    const emit = (f) => findings.add(f);
    const { schema } = options;
    const checking = options.checkRules ?? true;
    const profile = new data_profile/* DatasetProfile */.y6();
    const names = Object.keys(schema.columns);
    const fileNames = options.files.map((f) => f.displayName);
    // A row takes at least a few bytes: a unique column's table is sized once for the rows the files can hold.
    const bytes = options.files.reduce((sum, f) => sum + fileSize(f.path), 0);
    const unique = { memoryEntries: options.uniqueMemoryEntries, expectedEntries: Math.ceil(bytes / 16) };
    const tail = options.tail;
    if ((tail !== undefined || options.split !== undefined) && options.files.length !== 1)
        throw new Error('only a dataset of one file is read in parts');
    const scanners = names.map((name, index) => {
        try {
            const pairs = tail === undefined ? undefined : pairsFile(tail.pairsDir, index);
            const column = profile.column(name, schema.columns[name].type);
            const forDrift = options.profile === 'drift' && !checking;
            if (forDrift)
                column.forDriftOnly();
            return new ColumnScanner(name, schema.columns[name], column, checking, emit, fileNames, { ...unique, pairsFile: pairs }, forDrift && !(0,drift/* driftCompares */.q4)(schema, name));
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1) {
                throw new errors/* ConfigurationError */.j1(`schema column "${name}": ${error.message}`, {
                    file: options.schemaFile,
                    line: options.schemaLineOf?.(['columns', name]),
                    hint: error.hint,
                });
            }
            throw error;
        }
    });
    if (options.files.length === 0) {
        throw new errors/* ConfigurationError */.j1('no data files matched', { hint: 'Check the `data` path or glob: it is relative to the workspace.' });
    }
    const unknownColumns = [];
    const missingColumns = [];
    const quote = (options.read?.quote ?? '"').charCodeAt(0);
    try {
        for (const [fileIndex, file] of options.files.entries()) {
            for (const scanner of scanners)
                scanner.fileIndex = fileIndex;
            logger.info(`Reading ${file.displayName}`);
            let indexes = [];
            let rows = 0;
            const sink = {
                beginFile(_file, header, position) {
                    const at = new Map(header.map((n, i) => [n, i]));
                    indexes = names.map((name) => {
                        const index = at.get(name);
                        if (index === undefined) {
                            if (options.missingColumns === 'tolerate') {
                                missingColumns.push({ name, file: file.displayName });
                                return -1;
                            }
                            throw new errors/* ConfigurationError */.j1(`schema column "${name}" is not in the data (${file.displayName} has: ${header.slice(0, 30).join(', ')}${header.length > 30 ? ', …' : ''})`, {
                                file: options.schemaFile,
                                line: options.schemaLineOf?.(['columns', name]),
                                hint: `Rename the column in the schema to match the data, or remove it from ${options.schemaFile}.`,
                            });
                        }
                        return index;
                    });
                    for (const name of header) {
                        if (!(name in schema.columns) && !unknownColumns.some((u) => u.name === name))
                            unknownColumns.push({ name, file: file.displayName, line: position.line ?? 1 });
                    }
                },
                unknownColumn(_file, name, position) {
                    // A JSON Lines key the file's first object did not have: reported like any undeclared column.
                    if (!(name in schema.columns) && !unknownColumns.some((u) => u.name === name))
                        unknownColumns.push({ name, file: file.displayName, line: position.line ?? 1 });
                },
                batch(batch) {
                    rows += batch.rowCount;
                    // Findings carry 1-based positions: a line for text formats, a row number for Parquet.
                    if (batch.positionKind === 'row')
                        for (let r = 0; r < batch.rowCount; r++)
                            batch.positions[r] += 1;
                    for (let c = 0; c < scanners.length; c++) {
                        const index = indexes[c];
                        if (index < 0)
                            continue;
                        const column = batch.columns[index];
                        if (column.kind === 'bytes')
                            scanners[c].scanBytes(column, batch.rowCount, batch.positions, file.displayName, quote);
                        else
                            scanners[c].scanValues(column, batch.rowCount, batch.positions, file.displayName);
                    }
                },
            };
            const read = options.split ? { ...options.read, split: options.split.control } : tail ? { ...options.read, startAt: tail.startAt } : (options.read ?? {});
            const { stoppedAt } = await (0,readers/* readDataFile */.l)(file, read, sink);
            if (stoppedAt !== undefined) {
                // The helper read the rest of the file: its results join this file's, its lines moved on.
                const lineOffset = stoppedAt.line - 1;
                let scanned;
                try {
                    scanned = await options.split.tail();
                }
                catch (error) {
                    if (error instanceof errors/* ConfigurationError */.j1 && error.file === file.displayName && error.line !== undefined) {
                        throw new errors/* ConfigurationError */.j1(error.message, { file: error.file, line: error.line + lineOffset, hint: error.hint, cause: error });
                    }
                    throw error;
                }
                rows += takeTail(scanned, lineOffset, profile, scanners, findings);
                logger.info(`A second thread read ${file.displayName} from line ${stoppedAt.line} on`);
            }
            profile.files.push({ file: file.displayName, rows });
            profile.rows += rows;
        }
        const limit = findings.limit;
        for (const scanner of scanners)
            scanner.finishUnique(limit, (n) => (findings.counts.error += n));
    }
    finally {
        for (const scanner of scanners)
            scanner.dispose();
    }
    // A column no file had is absent from the profile (rather than present with no values).
    for (const name of names) {
        if (missingColumns.filter((m) => m.name === name).length === options.files.length)
            profile.columns.delete(name);
    }
    return {
        profile: profile.toJSON(),
        checks: scanners.flatMap((s) => [...s.checks.values()]),
        findings: findings.kept,
        findingCounts: { ...findings.counts },
        unknownColumns,
        missingColumns,
    };
}
/**
 * The helper's side of reading one CSV file in two parts: claims the end of the file the head is
 * reading (see readers/csv-split.ts) and scans it; undefined when what is left is too small to share.
 * `minTail` is for tests.
 */
async function scanTailOf(options, control, pairsDir, minTail) {
    const file = options.files[0];
    const startAt = await (0,csv_split/* claimTail */.vN)(file.path, fileSize(file.path), control, minTail);
    if (startAt < 0)
        return undefined;
    const state = await scanDataset({ ...options, split: undefined, tail: { startAt, pairsDir } });
    const uniquePairs = {};
    if (options.checkRules ?? true) {
        Object.entries(options.schema.columns).forEach(([name, rule], index) => {
            if (rule.unique)
                uniquePairs[name] = pairsFile(pairsDir, index);
        });
    }
    return { state, uniquePairs };
}
/** Adds a helper's scan of the end of the file to this scan; returns its rows. */
function takeTail(scanned, lineOffset, profile, scanners, findings) {
    const { state } = scanned;
    for (const column of state.profile.columns)
        profile.columns.get(column.name)?.merge(data_profile/* ColumnProfile */.oV.fromJSON(column));
    const byName = new Map(scanners.map((s) => [s.name, s]));
    for (const c of state.checks) {
        const check = byName.get(c.column)?.checks.get(c.rule);
        if (check === undefined)
            continue;
        check.failures += c.failures;
        if (c.first)
            check.first ??= { ...c.first, line: c.first.line + lineOffset };
    }
    const kept = { error: 0, warning: 0, notice: 0 };
    for (const f of state.findings) {
        kept[f.severity]++;
        findings.add(f.line === undefined ? f : { ...f, line: f.line + lineOffset });
    }
    for (const k of ['error', 'warning', 'notice'])
        findings.counts[k] += state.findingCounts[k] - kept[k];
    for (const [name, file] of Object.entries(scanned.uniquePairs))
        byName.get(name)?.checkPairs(file, lineOffset);
    return state.profile.rows;
}
/** Combines the scans of several shards as if one pass had read them all. */
function mergeScanStates(states, findingLimit) {
    const profile = new data_profile/* DatasetProfile */.y6();
    const checks = new Map();
    const findings = [];
    const findingCounts = { error: 0, warning: 0, notice: 0 };
    const unknownColumns = [];
    const missingColumns = [];
    for (const state of states) {
        profile.merge(data_profile/* DatasetProfile */.y6.fromJSON(state.profile));
        for (const c of state.checks) {
            const key = `${c.column}\u0000${c.rule}`;
            const mine = checks.get(key);
            if (!mine)
                checks.set(key, { ...c, first: c.first ? { ...c.first } : undefined });
            else {
                mine.failures += c.failures;
                mine.first ??= c.first;
            }
        }
        for (const f of state.findings)
            if (findings.length < findingLimit)
                findings.push(f);
        for (const k of ['error', 'warning', 'notice'])
            findingCounts[k] += state.findingCounts[k];
        for (const u of state.unknownColumns)
            if (!unknownColumns.some((x) => x.name === u.name))
                unknownColumns.push(u);
        missingColumns.push(...state.missingColumns);
    }
    return { profile: profile.toJSON(), checks: [...checks.values()], findings, findingCounts, unknownColumns, missingColumns };
}


/***/ }),

/***/ 3255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony export RecordingLogger */
const silentLogger = { debug() { }, info() { }, warning() { }, startGroup() { }, endGroup() { }, output() { } };
/** Keeps every line, for tests. */
class RecordingLogger {
    lines = [];
    debug(message) {
        this.lines.push({ level: 'debug', message });
    }
    info(message) {
        this.lines.push({ level: 'info', message });
    }
    warning(message) {
        this.lines.push({ level: 'warning', message });
    }
    startGroup(title) {
        this.lines.push({ level: 'group', message: title });
    }
    endGroup() { }
    output(text) {
        this.lines.push({ level: 'output', message: text });
    }
}


/***/ }),

/***/ 2160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ quantileBinEdges),
/* harmony export */   Bx: () => (/* binding */ ksFromSketches),
/* harmony export */   OT: () => (/* binding */ categoricalDistributions),
/* harmony export */   Uh: () => (/* binding */ benjaminiHochberg),
/* harmony export */   Yk: () => (/* binding */ binCounts),
/* harmony export */   fy: () => (/* binding */ jensenShannon),
/* harmony export */   i2: () => (/* binding */ wasserstein1d),
/* harmony export */   js: () => (/* binding */ psi),
/* harmony export */   ub: () => (/* binding */ chiSquareTwoSample),
/* harmony export */   wI: () => (/* binding */ ks2Samp),
/* harmony export */   xE: () => (/* binding */ wassersteinFromSketches)
/* harmony export */ });
/* unused harmony export OTHER_CATEGORY */
/* harmony import */ var _distributions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9808);
/* harmony import */ var _quantile_sketch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3755);
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



/** The label of the pooled bucket of every category outside the top ones. */
const OTHER_CATEGORY = '(other)';
/** ks_2samp's switch from the exact to the asymptotic p-value (scipy's MAX_AUTO_N). */
const MAX_EXACT_N = 10000;
/**
 * The two-sample Kolmogorov–Smirnov test, two-sided, = scipy.stats.ks_2samp(a, b). Both samples must
 * be sorted ascending and free of NaN.
 */
function ks2Samp(a, b) {
    const n1 = a.length;
    const n2 = b.length;
    if (n1 === 0 || n2 === 0)
        throw new RangeError('ks2Samp: both samples must hold at least one value');
    let i = 0;
    let j = 0;
    let maxDiff = -Infinity;
    let minDiff = Infinity;
    while (i < n1 || j < n2) {
        const x = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
        while (i < n1 && a[i] <= x)
            i++;
        while (j < n2 && b[j] <= x)
            j++;
        const diff = i / n1 - j / n2;
        if (diff > maxDiff)
            maxDiff = diff;
        if (diff < minDiff)
            minDiff = diff;
    }
    const minS = Math.min(1, Math.max(0, -minDiff));
    let d = minS > maxDiff ? minS : maxDiff;
    if (Math.max(n1, n2) <= MAX_EXACT_N) {
        const g = gcd(n1, n2);
        const lcm = (n1 / g) * n2;
        const h = roundHalfEven(d * lcm);
        d = h / lcm;
        if (h === 0)
            return { statistic: d, pvalue: 1, method: 'exact' };
        const p = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideInsideMethod(n1, n2, g, h);
        if (p >= 0 && p <= 1)
            return { statistic: d, pvalue: p, method: 'exact' };
    }
    return { statistic: d, pvalue: asymptoticPvalue(d, n1, n2), method: 'asymp' };
}
/** scipy's asymptotic two-sample p-value: kstwo at the effective sample size. */
function asymptoticPvalue(d, n1, n2) {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const en = (m * n) / (m + n);
    return Math.min(1, Math.max(0, (0,_distributions_js__WEBPACK_IMPORTED_MODULE_0__/* .kstwoSf */ .CN)(d, roundHalfEven(en))));
}
/** P(D_{n,n} >= h/n), Hodges' alternating sum evaluated Horner-style (scipy's _compute_prob_outside_square). */
function probabilityOutsideSquare(n, h) {
    let p = 0;
    for (let k = Math.floor(n / h); k >= 0; k--) {
        let p1 = 1;
        for (let j = 0; j < h; j++)
            p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
        p = p1 * (1 - p);
    }
    return 2 * p;
}
/**
 * The fraction of lattice paths from (0,0) to (m,n) that leave the band |x/m - y/n| < h/lcm, by
 * Viehmann's recursion for 1 - p (scipy's _compute_outer_prob_inside_method).
 */
function probabilityOutsideInsideMethod(n1, n2, g, h) {
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
        if (maxj <= minj)
            return 1;
        let val = minj === 0 ? 0 : 1;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
    }
    return A[maxj - minj - 1];
}
/**
 * The KS statistic between two sketched samples, with `error` = ref.rankError() + cur.rankError()
 * bounding its distance from the exact statistic (0 when both sketches are exact), and the
 * asymptotic p-value of ks_2samp at that statistic.
 */
function ksFromSketches(ref, cur) {
    if (ref.count === 0 || cur.count === 0)
        throw new RangeError('ksFromSketches: both sketches must hold at least one value');
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
        const x = i < lengthA && (j >= lengthB || a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
        while (i < lengthA && a.values[i] <= x)
            cumulativeA += a.weights[i++];
        while (j < lengthB && b.values[j] <= x)
            cumulativeB += b.weights[j++];
        const diff = Math.abs(cumulativeA / n1 - cumulativeB / n2);
        if (diff > statistic)
            statistic = diff;
    }
    return { statistic, pvalue: asymptoticPvalue(statistic, n1, n2), error: ref.rankError() + cur.rankError() };
}
/** The 1-Wasserstein (earth mover's) distance between two samples, = scipy.stats.wasserstein_distance(a, b). */
function wasserstein1d(a, b) {
    if (a.length === 0 || b.length === 0)
        throw new RangeError('wasserstein1d: both samples must hold at least one value');
    const sortedA = Float64Array.from(a).sort();
    const sortedB = Float64Array.from(b).sort();
    return weightedWasserstein(sortedA, null, sortedA.length, sortedB, null, sortedB.length);
}
/** The Wasserstein distance between two sketched samples, with a bound on its distance from the exact one. */
function wassersteinFromSketches(ref, cur) {
    if (ref.count === 0 || cur.count === 0)
        throw new RangeError('wassersteinFromSketches: both sketches must hold at least one value');
    const a = ref.weightedValues();
    const b = cur.weightedValues();
    const distance = weightedWasserstein(a.values, a.weights, ref.count, b.values, b.weights, cur.count);
    const range = Math.max(ref.max, cur.max) - Math.min(ref.min, cur.min);
    return { distance, error: (ref.rankError() + cur.rankError()) * range };
}
/** ∫|F - G| over the merged sorted values; weights null means 1 each. */
function weightedWasserstein(valuesA, weightsA, totalA, valuesB, weightsB, totalB) {
    let i = 0;
    let j = 0;
    let cumulativeA = 0;
    let cumulativeB = 0;
    let distance = 0;
    const lengthA = valuesA.length;
    const lengthB = valuesB.length;
    let x = Math.min(valuesA[0], valuesB[0]);
    while (i < lengthA || j < lengthB) {
        while (i < lengthA && valuesA[i] <= x)
            cumulativeA += weightsA === null ? (i++, 1) : weightsA[i++];
        while (j < lengthB && valuesB[j] <= x)
            cumulativeB += weightsB === null ? (j++, 1) : weightsB[j++];
        if (i >= lengthA && j >= lengthB)
            break;
        const next = i < lengthA && (j >= lengthB || valuesA[i] <= valuesB[j]) ? valuesA[i] : valuesB[j];
        distance += Math.abs(cumulativeA / totalA - cumulativeB / totalB) * (next - x);
        x = next;
    }
    return distance;
}
/**
 * The population stability index Σ (a - e)·ln(a/e) over bins, from counts per bin. Counts become
 * proportions of their totals; an empty bin's proportion becomes `epsilon` so the logarithm is finite.
 */
function psi(expected, actual, epsilon = 1e-4) {
    if (expected.length !== actual.length)
        throw new RangeError(`psi: ${expected.length} expected bins but ${actual.length} actual bins`);
    let totalExpected = 0;
    let totalActual = 0;
    for (let i = 0; i < expected.length; i++) {
        totalExpected += expected[i];
        totalActual += actual[i];
    }
    let index = 0;
    for (let i = 0; i < expected.length; i++) {
        let e = expected[i] / totalExpected;
        let a = actual[i] / totalActual;
        if (e === 0)
            e = epsilon;
        if (a === 0)
            a = epsilon;
        index += (a - e) * Math.log(a / e);
    }
    return index;
}
/**
 * Interior bin edges at the reference's 1/bins, 2/bins, ... quantiles, strictly increasing (a value
 * that repeats over several quantiles gives one edge). Bins are (-∞, e0], (e0, e1], ..., (e_last, ∞).
 */
function quantileBinEdges(ref, bins = 10) {
    if (!Number.isInteger(bins) || bins < 1)
        throw new RangeError(`quantileBinEdges: bins must be a positive integer, got ${bins}`);
    const edges = [];
    if (ref.count === 0)
        return new Float64Array(0);
    for (let i = 1; i < bins; i++) {
        const edge = ref.quantile(i / bins);
        if (edges.length === 0 || edge > edges[edges.length - 1])
            edges.push(edge);
    }
    return Float64Array.from(edges);
}
/**
 * Counts per bin (edges.length + 1 bins, right-closed as in `quantileBinEdges`) of a sorted sample,
 * or the weights of a sketch's retained values per bin (exact while the sketch is).
 */
function binCounts(sketchOrSorted, edges) {
    const counts = new Float64Array(edges.length + 1);
    if (sketchOrSorted instanceof _quantile_sketch_js__WEBPACK_IMPORTED_MODULE_1__/* .QuantileSketch */ .w) {
        const { values, weights } = sketchOrSorted.weightedValues();
        let bin = 0;
        for (let i = 0; i < values.length; i++) {
            while (bin < edges.length && values[i] > edges[bin])
                bin++;
            counts[bin] += weights[i];
        }
        return counts;
    }
    let previous = 0;
    for (let e = 0; e < edges.length; e++) {
        const below = (0,_quantile_sketch_js__WEBPACK_IMPORTED_MODULE_1__/* .upperBound */ .r)(sketchOrSorted, edges[e]);
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
function chiSquareTwoSample(refCounts, curCounts) {
    const ref = [];
    const cur = [];
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
        refTotal += ref[i];
        curTotal += cur[i];
    }
    if (refTotal === 0 || curTotal === 0)
        return { statistic: NaN, pvalue: NaN, dof };
    if (dof === 0)
        return { statistic: 0, pvalue: 1, dof };
    const total = refTotal + curTotal;
    let statistic = 0;
    for (let i = 0; i < k; i++) {
        const column = ref[i] + cur[i];
        statistic += cellTerm(ref[i], (refTotal * column) / total, dof);
        statistic += cellTerm(cur[i], (curTotal * column) / total, dof);
    }
    return { statistic, pvalue: (0,_distributions_js__WEBPACK_IMPORTED_MODULE_0__/* .chi2Sf */ .wv)(statistic, dof), dof };
}
function cellTerm(observed, expected, dof) {
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
function jensenShannon(p, q, base = 2) {
    if (p.length !== q.length)
        throw new RangeError(`jensenShannon: ${p.length} weights against ${q.length}`);
    let sumP = 0;
    let sumQ = 0;
    for (let i = 0; i < p.length; i++) {
        sumP += p[i];
        sumQ += q[i];
    }
    let left = 0;
    let right = 0;
    for (let i = 0; i < p.length; i++) {
        const pi = p[i] / sumP;
        const qi = q[i] / sumQ;
        const mi = (pi + qi) / 2;
        left += relativeEntropy(pi, mi);
        right += relativeEntropy(qi, mi);
    }
    const divergence = (left + right) / Math.log(base);
    // Rounding can leave a divergence of -1e-17 between equal distributions, where scipy returns NaN.
    return Math.sqrt(Math.max(0, divergence / 2));
}
/** scipy.special.rel_entr. */
function relativeEntropy(x, y) {
    if (x > 0 && y > 0)
        return x * Math.log(x / y);
    if (x === 0 && y >= 0)
        return 0;
    return Infinity;
}
/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate), in the order given: the value that
 * scipy.stats.false_discovery_control(p, method='bh') returns (scipy >= 1.11).
 */
function benjaminiHochberg(pvalues) {
    const m = pvalues.length;
    for (const p of pvalues)
        if (!(p >= 0 && p <= 1))
            throw new RangeError(`benjaminiHochberg: p-values must be in [0, 1], got ${p}`);
    const order = pvalues.map((_, i) => i).sort((x, y) => pvalues[x] - pvalues[y] || x - y);
    const adjusted = new Array(m);
    let running = Infinity;
    for (let rank = m; rank >= 1; rank--) {
        const index = order[rank - 1];
        const value = pvalues[index] * (m / rank);
        if (value < running)
            running = value;
        adjusted[index] = Math.min(1, running);
    }
    return adjusted;
}
/**
 * The reference's `maxCategories` most frequent categories (by count, then key) and one last bucket,
 * labelled OTHER_CATEGORY, pooling every other category of either sample; `ref` and `cur` hold the
 * counts per entry of `keys`. See the top of this file for why.
 */
function categoricalDistributions(ref, cur, maxCategories = 50) {
    const ranked = [...ref].filter(([, count]) => count > 0).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const top = ranked.slice(0, maxCategories);
    const keys = top.map(([key]) => key);
    const refCounts = new Float64Array(keys.length + 1);
    const curCounts = new Float64Array(keys.length + 1);
    const index = new Map();
    keys.forEach((key, i) => index.set(key, i));
    const other = keys.length;
    for (const [key, count] of ref)
        refCounts[index.get(key) ?? other] += count;
    for (const [key, count] of cur)
        curCounts[index.get(key) ?? other] += count;
    keys.push(OTHER_CATEGORY);
    return { keys, ref: refCounts, cur: curCounts };
}
function gcd(a, b) {
    let x = a;
    let y = b;
    while (y !== 0)
        [x, y] = [y, x % y];
    return x;
}
/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x) {
    const r = Math.round(x);
    return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}


/***/ })

};
