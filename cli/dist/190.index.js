export const id = 190;
export const ids = [190];
export const modules = {

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


/***/ })

};
