export const id = 472;
export const ids = [472];
export const modules = {

/***/ 5472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dataSchemaToYaml: () => (/* binding */ dataSchemaToYaml),
/* harmony export */   inferDataSchema: () => (/* binding */ inferDataSchema)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _batch_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9984);
/* harmony import */ var _readers_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8381);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(667);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3625);
/* harmony import */ var _typed_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3560);
/* harmony import */ var _profile_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5359);







/** A category column has few distinct values, each seen several times on average. */
const CATEGORY_MAX_DISTINCT = 50;
const DISTINCT_TRACK_LIMIT = 10_000;
const TYPE_ORDER = ['boolean', 'integer', 'number', 'timestamp'];
/**
 * Proposes a schema from data in two passes: the narrowest type every value fits, then, from the
 * profile under that type, ranges, allowed values, null rates and uniqueness. A starting point to
 * review and commit, not a verdict.
 */
async function inferDataSchema(files, read = {}) {
    const stats = new Map();
    const order = [];
    const add = (name, raw) => {
        const s = stats.get(name);
        if (raw === null) {
            s.nulls++;
            return;
        }
        s.values++;
        for (const type of s.candidates)
            if ((0,_schema_js__WEBPACK_IMPORTED_MODULE_3__.parseTyped)(type, raw) === undefined)
                s.candidates.delete(type);
        if (s.distinct) {
            s.distinct.set(raw, (s.distinct.get(raw) ?? 0) + 1);
            if (s.distinct.size > DISTINCT_TRACK_LIMIT)
                s.distinct = null;
        }
    };
    for (const file of files) {
        let names = [];
        const sink = {
            beginFile(_f, header) {
                names = header;
                for (const name of header) {
                    if (!stats.has(name)) {
                        stats.set(name, { nulls: 0, values: 0, candidates: new Set(TYPE_ORDER), distinct: new Map() });
                        order.push(name);
                    }
                }
            },
            batch(batch) {
                batch.columns.forEach((column, c) => {
                    const name = names[c];
                    for (let r = 0; r < batch.rowCount; r++) {
                        if (column.kind === 'bytes') {
                            const flag = column.flags[r];
                            add(name, flag === _batch_js__WEBPACK_IMPORTED_MODULE_6__/* .FIELD_NULL */ .VG ? null : (0,_typed_js__WEBPACK_IMPORTED_MODULE_4__/* .fieldText */ .gF)(column.buf, column.start[r], column.end[r], flag === _batch_js__WEBPACK_IMPORTED_MODULE_6__/* .FIELD_QUOTED_ESCAPED */ .A0));
                        }
                        else {
                            const v = column.values[r];
                            add(name, v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
                        }
                    }
                });
            },
        };
        await (0,_readers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readDataFile */ .l)(file, read, sink);
    }
    const columns = {};
    for (const name of order) {
        const s = stats.get(name);
        const type = s.values === 0 ? 'string' : (TYPE_ORDER.find((t) => s.candidates.has(t)) ?? textType(s));
        const rule = { type, nullable: s.nulls > 0, unique: false };
        const allDistinct = s.distinct !== null && s.distinct.size === s.values && s.values > 1;
        if (allDistinct && (type === 'string' || type === 'integer') && s.nulls === 0)
            rule.unique = true;
        if (type === 'category' && s.distinct)
            rule.allowed = [...s.distinct.keys()].sort();
        columns[name] = rule;
    }
    const typed = { version: 1, columns, unknown_columns: 'error' };
    // Second pass: the profile under these types gives ranges and null rates.
    const scan = await (0,_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanDataset */ .yu)({ files, schema: typed, schemaFile: '(inferred)', read, checkRules: false, findingLimit: 1 });
    const profile = _profile_js__WEBPACK_IMPORTED_MODULE_5__/* .DatasetProfile */ .y6.fromJSON(scan.profile);
    for (const [name, rule] of Object.entries(columns)) {
        const column = profile.columns.get(name);
        const summary = column.describe();
        if ((rule.type === 'integer' || rule.type === 'number') && summary.min !== undefined && summary.max !== undefined) {
            rule.min = roundOut(summary.min, 'down', rule.type);
            rule.max = roundOut(summary.max, 'up', rule.type);
        }
        if (rule.type === 'timestamp' && summary.min !== undefined && summary.max !== undefined) {
            rule.min = new Date(summary.min).toISOString().slice(0, 10);
        }
        if (rule.nullable && summary.nullFraction > 0) {
            // Room above what was seen, so ordinary variation does not fail the next run.
            rule.max_null_fraction = Math.min(1, Number((summary.nullFraction * 2 + 0.001).toPrecision(2)));
        }
    }
    return { version: 1, columns, rows: { min: profile.rows > 0 ? 1 : 0 }, unknown_columns: 'error' };
}
function roundOut(x, direction, type) {
    if (type === 'integer')
        return x;
    if (x === 0)
        return 0;
    const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
    return Number(((direction === 'up' ? Math.ceil(x / magnitude) : Math.floor(x / magnitude)) * magnitude).toPrecision(12));
}
function textType(s) {
    if (s.distinct && s.distinct.size <= CATEGORY_MAX_DISTINCT && s.distinct.size * 2 <= s.values)
        return 'category';
    return 'string';
}
/** The schema as YAML, compact (defaults left out), with a header comment for the reviewer. */
function dataSchemaToYaml(schema, source) {
    const columns = {};
    for (const [name, rule] of Object.entries(schema.columns)) {
        const out = { type: rule.type };
        if (!rule.nullable)
            out.nullable = false;
        if (rule.unique)
            out.unique = true;
        if (rule.min !== undefined)
            out.min = rule.min;
        if (rule.max !== undefined)
            out.max = rule.max;
        if (rule.allowed)
            out.allowed = rule.allowed;
        if (rule.max_null_fraction !== undefined)
            out.max_null_fraction = rule.max_null_fraction;
        columns[name] = out;
    }
    const body = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)({ version: schema.version, columns, rows: schema.rows, unknown_columns: schema.unknown_columns }, { collectionStyle: 'any', flowCollectionPadding: false, lineWidth: 120 });
    return `# Data schema inferred from ${source} by mlops-actions validate-data --infer-schema.\n# Review it: the ranges, allowed values and null rates are what this data showed, not what is right.\n${body}`;
}


/***/ })

};
