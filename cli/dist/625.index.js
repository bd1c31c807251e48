export const id = 625;
export const ids = [625];
export const modules = {

/***/ 3625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   columnSchema: () => (/* binding */ columnSchema),
/* harmony export */   columnTypes: () => (/* binding */ columnTypes),
/* harmony export */   dataSchemaJsonSchema: () => (/* binding */ dataSchemaJsonSchema),
/* harmony export */   dataSchemaSchema: () => (/* binding */ dataSchemaSchema),
/* harmony export */   daysInMonth: () => (/* binding */ daysInMonth),
/* harmony export */   driftColumnSchema: () => (/* binding */ driftColumnSchema),
/* harmony export */   driftMethods: () => (/* binding */ driftMethods),
/* harmony export */   driftSchema: () => (/* binding */ driftSchema),
/* harmony export */   parseTimestamp: () => (/* binding */ parseTimestamp),
/* harmony export */   parseTyped: () => (/* binding */ parseTyped)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8439);

/**
 * The data schema users write (YAML or JSON). Versioned; the JSON Schema in schemas/ is generated
 * from this, so editors autocomplete it.
 */
const columnTypes = ['integer', 'number', 'string', 'category', 'boolean', 'timestamp'];
const bound = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()]).describe('A number, or an ISO 8601 date or date-time for timestamp columns.');
const columnSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(columnTypes),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    nullable: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('false: every row must have a value (an empty unquoted field is null).'),
    unique: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false),
    min: bound.optional(),
    max: bound.optional(),
    allowed: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()])).min(1).optional().describe('The only values allowed.'),
    pattern: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .refine(isValidRegex, { message: 'not a valid regular expression' })
        .optional()
        .describe('A JavaScript regular expression every value must match.'),
    max_null_fraction: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).optional().describe('Largest share of null values, 0 to 1.'),
})
    .strict();
const driftMethods = ['auto', 'ks', 'wasserstein', 'psi', 'chi2', 'jensenshannon', 'none'];
const driftColumnSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(driftMethods).default('auto'),
    threshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .positive()
        .optional()
        .describe('ks, chi2: the significance level the (Benjamini-Hochberg adjusted) p-value must stay above; wasserstein, jensenshannon, psi: the largest distance allowed.'),
})
    .strict();
const driftSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    max_drifted_share: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).default(0.5).describe('The dataset drifts when more than this share of the compared columns drift.'),
    column_severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warning', 'notice']).default('warning').describe('Severity of the finding for each drifted column.'),
    large_sample: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .positive()
        .default(10_000)
        .describe('From this many values in the smaller sample, auto uses distances instead of p-values (at a million rows every p-value is tiny).'),
    alpha: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0).lt(1).default(0.05).describe('Significance level for p-value tests, after Benjamini-Hochberg correction.'),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), driftColumnSchema).default({}),
})
    .strict();
const dataSchemaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1).describe('Schema format version; 1 is the only one.'),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), columnSchema),
    rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ min: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(), max: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional() })
        .strict()
        .optional(),
    unknown_columns: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warn', 'ignore']).default('error').describe('What to do with a data column the schema does not declare.'),
    drift: driftSchema.optional().describe('How columns are compared with a reference, when one is given.'),
})
    .strict();
function isValidRegex(source) {
    try {
        new RegExp(source, 'u');
        return true;
    }
    catch {
        return false;
    }
}
function dataSchemaJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(dataSchemaSchema, { target: 'draft-2020-12', io: 'input' });
}
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TRUE_VALUES = new Set(['true', '1', 'yes']);
const FALSE_VALUES = new Set(['false', '0', 'no']);
/** Parses a value of a column type; undefined when it is not one. Numbers and times come back as numbers. */
function parseTyped(type, raw) {
    switch (type) {
        case 'integer': {
            const text = raw.trim();
            return INTEGER.test(text) ? Number(text) : undefined;
        }
        case 'number': {
            const text = raw.trim();
            return NUMBER.test(text) ? Number(text) : undefined;
        }
        case 'boolean': {
            const text = raw.trim().toLowerCase();
            if (TRUE_VALUES.has(text))
                return true;
            if (FALSE_VALUES.has(text))
                return false;
            return undefined;
        }
        case 'timestamp':
            return parseTimestamp(raw.trim());
        case 'string':
        case 'category':
            return raw;
    }
}
/** Milliseconds since the epoch for an ISO 8601 date or date-time with a real calendar date. */
/** Days in a month (1-12) of the proleptic Gregorian calendar; years 0 to 99 included, which Date.UTC would take as 1900 to 1999. */
function daysInMonth(year, month) {
    if (month === 2)
        return (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return 30 + ((month + (month >> 3)) & 1);
}
function parseTimestamp(text) {
    const m = TIMESTAMP.exec(text);
    if (!m)
        return undefined;
    const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1, 7).map((v) => v ?? undefined);
    const y = Number(year);
    const mo = Number(month);
    const d = Number(day);
    const h = Number(hour);
    const mi = Number(minute);
    const s = Number(second);
    if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60)
        return undefined;
    if (d > daysInMonth(y, mo))
        return undefined;
    const ms = Date.parse(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : text.replace(' ', 'T') + (m[7] ? '' : 'Z'));
    return Number.isNaN(ms) ? undefined : ms;
}


/***/ })

};
