export const id = 176;
export const ids = [176];
export const modules = {

/***/ 86176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  addComparison: () => (/* binding */ addComparison),
  validateDataAction: () => (/* binding */ validateDataAction),
  validateDataInputs: () => (/* binding */ validateDataInputs)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/data/profile.ts + 1 modules
var data_profile = __webpack_require__(65359);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(46316);
;// CONCATENATED MODULE: ./src/data/profile-file.ts



function toProfileFile(scan, schema) {
    return { format: data_profile/* PROFILE_FORMAT */.fJ, version: data_profile/* PROFILE_VERSION */.PL, schema, ...scan };
}
function isProfilePath(path) {
    return /\.json$/i.test(path);
}
async function readProfileFile(path, displayName) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        throw new errors/* ConfigurationError */.j1('profile not found', { file: displayName, hint: 'Check the path, or the step that should have downloaded it.' });
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`not valid JSON: ${error.message}`, { file: displayName, line: 1, hint: 'A saved profile is the JSON file validate-data writes at profile-path.' });
    }
    const v = value;
    if (!v || typeof v !== 'object' || v.format !== data_profile/* PROFILE_FORMAT */.fJ) {
        throw new errors/* ConfigurationError */.j1('not a validate-data profile', { file: displayName, line: 1, hint: `A saved profile has "format": "${data_profile/* PROFILE_FORMAT */.fJ}"; write one with mode: profile or take profile-path from an earlier run.` });
    }
    if (v.version !== data_profile/* PROFILE_VERSION */.PL) {
        throw new errors/* ConfigurationError */.j1(`profile version ${String(v.version)} is not supported (this version reads ${data_profile/* PROFILE_VERSION */.PL})`, { file: displayName, line: 1, hint: 'Write the profile again with this version of validate-data.' });
    }
    if (!v.profile || !Array.isArray(v.checks)) {
        throw new errors/* ConfigurationError */.j1('the profile is incomplete (no profile or checks)', { file: displayName, line: 1, hint: 'Write the profile again with mode: profile.' });
    }
    return v;
}

// EXTERNAL MODULE: ./src/data/scan.ts + 4 modules
var scan = __webpack_require__(28728);
// EXTERNAL MODULE: ./src/data/scan-worker.ts
var scan_worker = __webpack_require__(94394);
// EXTERNAL MODULE: ./src/data/schema.ts
var data_schema = __webpack_require__(33625);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/platform/logger.ts
var platform_logger = __webpack_require__(63255);
// EXTERNAL MODULE: ./src/platform/report.ts
var platform_report = __webpack_require__(68809);
// EXTERNAL MODULE: ./src/data/drift.ts + 2 modules
var data_drift = __webpack_require__(78727);
// EXTERNAL MODULE: ./src/data/readers/csv-split.ts
var csv_split = __webpack_require__(31418);
// EXTERNAL MODULE: ./src/data/readers/index.ts + 4 modules
var readers = __webpack_require__(78381);
;// CONCATENATED MODULE: ./src/data/validate.ts










/** Scans the data (and the reference, in parallel), then judges: checks, profile, drift. */
async function validateDataset(options) {
    const now = options.now ?? (() => new Date());
    const startedAt = now();
    const logger = options.logger ?? platform_logger/* silentLogger */.q;
    const base = { schema: options.schema, schemaFile: options.schemaFile, findingLimit: options.findingLimit };
    const dataOptions = { ...base, schemaLineOf: options.schemaLineOf, files: options.files, read: options.read, logger, missingColumns: 'error', checkRules: true };
    const reference = options.reference;
    const referenceOptions = reference?.kind === 'data'
        ? { ...base, files: reference.files, read: reference.read ?? options.read, logger, missingColumns: 'tolerate', checkRules: false, findingLimit: 1, profile: 'drift' }
        : undefined;
    const helper = options.helper;
    const control = helper && splittable(options.files, options.read) ? new csv_split/* SplitControl */.O_() : undefined;
    const pairsDir = control && (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'mlops-split-'));
    const tail = control ? { options: dataOptions, shared: control.shared, pairsDir: pairsDir } : undefined;
    const run = helper && (referenceOptions || tail) ? helper({ reference: referenceOptions, tail }) : undefined;
    let state;
    let referenceState;
    try {
        const split = control && run?.tail ? { control, tail: () => run.tail.then((t) => t ?? Promise.reject(new Error('the helper took no part of the file'))) } : undefined;
        const dataScan = (0,scan/* scanDataset */.yu)({ ...dataOptions, split });
        const referenceScan = referenceOptions && (run?.reference ?? (0,scan/* scanDataset */.yu)(referenceOptions));
        [state, referenceState] = await Promise.all([dataScan, referenceScan]);
    }
    finally {
        await run?.stop();
        if (pairsDir)
            (0,external_node_fs_.rmSync)(pairsDir, { recursive: true, force: true });
    }
    const referenceProfile = reference?.kind === 'profile' ? reference.profile : referenceState ? data_profile/* DatasetProfile */.y6.fromJSON(referenceState.profile) : undefined;
    const extra = [];
    if (referenceState) {
        for (const m of referenceState.missingColumns) {
            extra.push({ severity: 'warning', rule: 'reference.missing_column', subject: m.name, file: m.file, message: `the reference has no column "${m.name}": it is not compared` });
        }
    }
    return judgeScan(state, { ...options, startedAt, now, reference: referenceProfile && reference ? { profile: referenceProfile, name: reference.name } : undefined, extraFindings: extra });
}
/** One plain (not compressed) CSV file, big enough that a second reader is worth its start. */
function splittable(files, read) {
    if (files.length !== 1)
        return false;
    const detected = (0,readers/* detectFormat */.T)(files[0].displayName, read?.format);
    if (detected.format !== 'csv' || detected.gzip)
        return false;
    try {
        return (0,external_node_fs_.statSync)(files[0].path).size >= csv_split/* SPLIT_MIN_BYTES */.kd;
    }
    catch {
        return false; // the reader says what is wrong with it
    }
}
/** The verdict and report from a scan (one pass, or merged shards) and an optional reference. */
function judgeScan(state, options) {
    const { schema } = options;
    const findings = new platform_report/* FindingCollector */.xe(options.findingLimit);
    // Columns are scanned one at a time per batch; a person reads findings in file and line order.
    const fileOrder = new Map(state.profile.files.map((f, i) => [f.file, i]));
    const rowFindings = [...state.findings].sort((a, b) => (fileOrder.get(a.file ?? '') ?? 0) - (fileOrder.get(b.file ?? '') ?? 0) || (a.line ?? 0) - (b.line ?? 0));
    for (const f of rowFindings)
        findings.add(f);
    // Findings counted in the scan but not kept (past the limit) still count.
    for (const k of ['error', 'warning', 'notice'])
        findings.counts[k] = state.findingCounts[k];
    const profile = data_profile/* DatasetProfile */.y6.fromJSON(state.profile);
    const datasetChecks = [];
    const addDataset = (f) => {
        findings.add(f);
        // Dataset-level findings go before row findings in the list a person reads first.
        findings.kept.unshift(findings.kept.pop());
    };
    if (schema.unknown_columns !== 'ignore') {
        const check = { column: '(dataset)', rule: 'unknown_columns', failures: 0 };
        for (const u of state.unknownColumns) {
            check.failures++;
            check.first ??= { file: u.file, line: u.line, value: u.name };
            addDataset({ severity: schema.unknown_columns === 'error' ? 'error' : 'warning', rule: 'unknown_columns', message: `column "${u.name}" is not declared in the schema`, file: u.file, line: u.line, subject: u.name });
        }
        datasetChecks.push(check);
    }
    const checks = state.checks.map((c) => ({ ...c }));
    for (const check of checks.filter((c) => c.rule === 'max_null_fraction')) {
        const column = profile.columns.get(check.column);
        const total = column.count + column.nulls + column.invalid;
        const fraction = total === 0 ? 0 : column.nulls / total;
        const limit = schema.columns[check.column].max_null_fraction;
        check.failures = fraction > limit ? 1 : 0;
        if (check.failures) {
            addDataset({
                severity: 'error',
                rule: 'max_null_fraction',
                message: `${check.column}: ${formatPercent(fraction)} of values are null, more than the allowed ${formatPercent(limit)}`,
                subject: check.column,
                file: options.schemaFile,
                line: options.schemaLineOf?.(['columns', check.column, 'max_null_fraction']),
                value: `${column.nulls} of ${total}`,
            });
        }
    }
    if (schema.rows) {
        const { min, max } = schema.rows;
        if (min !== undefined) {
            const bad = profile.rows < min;
            datasetChecks.push({ column: '(dataset)', rule: 'rows.min', failures: bad ? 1 : 0 });
            if (bad)
                addDataset({ severity: 'error', rule: 'rows.min', message: `the dataset has ${formatCount(profile.rows)} rows, fewer than the minimum ${formatCount(min)}`, file: options.schemaFile, line: options.schemaLineOf?.(['rows', 'min']) });
        }
        if (max !== undefined) {
            const bad = profile.rows > max;
            datasetChecks.push({ column: '(dataset)', rule: 'rows.max', failures: bad ? 1 : 0 });
            if (bad)
                addDataset({ severity: 'error', rule: 'rows.max', message: `the dataset has ${formatCount(profile.rows)} rows, more than the maximum ${formatCount(max)}`, file: options.schemaFile, line: options.schemaLineOf?.(['rows', 'max']) });
        }
    }
    for (const f of options.extraFindings ?? [])
        findings.add(f);
    const allChecks = [...datasetChecks, ...checks];
    const failed = allChecks.filter((c) => c.failures > 0).sort((a, b) => b.failures - a.failures || a.column.localeCompare(b.column));
    const violations = failed.reduce((sum, c) => sum + c.failures, 0);
    const summaries = [...profile.columns.values()].map((c) => c.describe());
    const tables = [];
    const charts = [];
    let drift;
    if (options.reference) {
        drift = (0,data_drift/* computeDrift */.f1)(schema, profile, options.reference.profile);
        const parts = (0,data_drift/* driftReportParts */.MX)(drift, (0,data_drift/* resolveDriftConfig */.i8)(schema).column_severity, options.reference.name);
        for (const f of parts.findings)
            findings.add(f);
        tables.push(...parts.tables);
        charts.push(...parts.charts);
    }
    if (failed.length > 0) {
        tables.unshift({
            title: 'Failed checks',
            columns: ['column', 'rule', 'violations', 'first at', 'first value'],
            rows: failed.map((c) => [c.column, c.rule, c.failures, c.first ? `${c.first.file}:${c.first.line}` : '', c.first?.value ?? '']),
        });
        // A chart of current vs reference for each failed column that was compared and not charted yet.
        const failedColumns = new Set(failed.map((c) => c.column));
        for (const c of drift?.columns ?? [])
            if (failedColumns.has(c.column) && !c.drifted && charts.length < 12)
                charts.push((0,data_drift/* driftChart */.YZ)(c));
    }
    tables.push(profileTable(summaries));
    tables.push({ title: 'Files', columns: ['file', 'rows'], rows: profile.files.map((f) => [f.file, f.rows]) });
    const verdict = findings.counts.error > 0 ? 'fail' : 'pass';
    const fileWord = profile.files.length === 1 ? '1 file' : `${profile.files.length} files`;
    const warnings = findings.counts.warning;
    const driftText = drift ? ` ${drift.drifted} of ${drift.compared} columns drifted from ${options.reference.name}${drift.datasetDrift ? ' (dataset drift)' : ''}.` : '';
    const headline = failed.length === 0
        ? `${formatCount(profile.rows)} rows in ${fileWord}: all ${allChecks.length} checks passed.${driftText}${warnings && !drift ? ` ${warnings} warning${warnings === 1 ? '' : 's'}.` : ''}`
        : `${formatCount(profile.rows)} rows in ${fileWord}: ${failed.length} of ${allChecks.length} checks failed, ${formatCount(violations)} violation${violations === 1 ? '' : 's'}.${driftText}`;
    const details = {
        files: profile.files,
        rows: profile.rows,
        columns: Object.keys(schema.columns),
        checks: allChecks,
        failedChecks: failed.length,
        violations,
        schema: options.schemaFile,
        profile: summaries,
        drift: drift
            ? { ...drift, columns: drift.columns.map(({ shape: _shape, ...rest }) => rest), reference: options.reference.name }
            : undefined,
    };
    const report = (0,platform_report/* buildReport */.FK)({ action: 'validate-data', title: 'Data validation', verdict, headline, startedAt: options.startedAt, findings, tables, charts, details: details }, options.now());
    return { report, scan: { ...state, checks }, drift };
}
function profileTable(summaries) {
    const fmt = (x, type) => (x === undefined ? null : type === 'timestamp' ? new Date(x).toISOString().slice(0, 10) : (0,data_drift/* formatNumber */.ZV)(x));
    return {
        title: 'Profile',
        columns: ['column', 'type', 'count', 'nulls', 'distinct', 'min', 'p50', 'max', 'mean', 'std', 'top values'],
        rows: summaries.map((s) => [
            s.name,
            s.type,
            s.count,
            s.nulls,
            `${s.distinctError > 0 ? '≈' : ''}${s.distinct.toLocaleString('en-US')}`,
            fmt(s.min, s.type),
            fmt(s.quantiles?.p50, s.type),
            fmt(s.max, s.type),
            s.type === 'timestamp' ? null : fmt(s.mean, s.type),
            s.type === 'timestamp' ? null : fmt(s.std, s.type),
            s.top
                .slice(0, 3)
                .map((t) => `${String(t.value).slice(0, 20)} (${t.count.toLocaleString('en-US')})`)
                .join(', '),
        ]),
        note: 'Distinct counts marked ≈ come from a HyperLogLog sketch; quantiles from a KLL sketch once a column has more values than it keeps exactly. Their error bounds are in the JSON report.',
    };
}
function formatCount(n) {
    return n.toLocaleString('en-US');
}
function formatPercent(fraction) {
    return `${(fraction * 100).toFixed(fraction < 0.01 ? 2 : 1)}%`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/platform/config-file.ts



async function loadConfigFile(file, displayName, schema, what) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigurationError */.j1(code === 'ENOENT' ? `${what} not found` : `cannot read ${what} (${code ?? 'error'})`, {
            file: displayName,
            hint: code === 'ENOENT' ? 'Check the path: it is relative to the workspace (the repository root).' : undefined,
        });
    }
    return parseConfigText(text, displayName, schema, what);
}
function parseConfigText(text, displayName, schema, what) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const firstError = doc.errors[0];
    if (firstError) {
        const line = lineCounter.linePos(firstError.pos[0]).line;
        throw new errors/* ConfigurationError */.j1(`${what} is not valid YAML: ${firstError.message.split('\n')[0]}`, {
            file: displayName,
            line,
            hint: 'Fix the syntax at this line (indentation, a missing colon, an unclosed quote or bracket).',
        });
    }
    const lineOf = (path) => {
        let node = doc.contents;
        let lastWithRange = node;
        for (const key of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((item) => {
                    const k = item.key;
                    return k !== null && typeof k === 'object' && String(k.value) === String(key);
                });
                if (!pair)
                    break;
                lastWithRange = pair.key;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof key === 'number') {
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
        throw new errors/* ConfigurationError */.j1(`${what} is empty`, { file: displayName, line: 1, hint: 'Start it with `version: 1`.' });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue.path.filter((p) => typeof p !== 'symbol');
        const at = path.length > 0 ? path.join('.') : '(top level)';
        throw new errors/* ConfigurationError */.j1(`${what}: ${at}: ${issue.message}`, {
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

// EXTERNAL MODULE: ./src/platform/files.ts
var files = __webpack_require__(94924);
// EXTERNAL MODULE: ./src/platform/inputs.ts
var inputs = __webpack_require__(83734);
// EXTERNAL MODULE: ./src/platform/reporting.ts
var reporting = __webpack_require__(35633);
;// CONCATENATED MODULE: ./src/actions/validate-data.ts












const validateDataInputs = schemas/* object */.Ikc({
    data: schemas/* string */.YjP().optional().describe('Data file(s) to check: a path, a glob, or one per line (not needed with mode: merge).'),
    schema: schemas/* string */.YjP().describe('The data schema (YAML or JSON).'),
    reference: schemas/* string */.YjP().optional().describe('Reference to test drift against: data file(s), or a saved profile (.json).'),
    format: (0,inputs/* choiceInput */.ij)('format', ['auto', 'csv', 'jsonl', 'parquet']).prefault('auto').describe('Data format; auto goes by the file extension.'),
    delimiter: schemas/* string */.YjP().optional().describe('CSV field delimiter, one character (\\t for tab); default a comma, a tab for .tsv files.'),
    quote: schemas/* string */.YjP().prefault('"').describe('CSV quote character.'),
    mode: (0,inputs/* choiceInput */.ij)('mode', ['validate', 'profile', 'merge'])
        .prefault('validate')
        .describe('validate: check (and compare with the reference); profile: check one shard and save its mergeable profile; merge: combine shard profiles and judge.'),
    'profile-path': schemas/* string */.YjP().prefault('mlops-reports/validate-data.profile.json').describe('Where to write the mergeable profile of the data.'),
    'profile-artifact': schemas/* string */.YjP().prefault('validate-data-profile').describe('Artifact name prefix for shard profiles (mode: profile uploads <prefix>-<shard>; mode: merge downloads <prefix>-*).'),
    shard: schemas/* string */.YjP().optional().describe('This shard’s name in mode: profile (default: the job name).'),
    profiles: schemas/* string */.YjP().optional().describe('mode: merge: shard profile files (path, glob, one per line) instead of downloading the artifacts.'),
    'save-history': (0,inputs/* booleanInput */.tE)('save-history').prefault('false').describe("Save this run's report to the Actions cache for later runs to compare with."),
    'compare-to': schemas/* string */.YjP().optional().describe('A branch whose newest saved report this run is compared with (e.g. main).'),
    ...(0,reporting/* reportingInputs */.O)('validate-data'),
});
const validateDataAction = {
    name: 'validate-data',
    inputs: validateDataInputs,
    async run(inputs, context) {
        const { workspace, logger } = context;
        const schemaPath = workspace.resolve(inputs.schema);
        const schemaName = workspace.display(schemaPath);
        const schema = await loadConfigFile(schemaPath, schemaName, data_schema/* dataSchemaSchema */.hI, 'data schema');
        const read = readOptions(inputs);
        const startedAt = new Date();
        const reference = inputs.reference ? await loadReference(inputs.reference, context, read) : undefined;
        let result;
        if (inputs.mode === 'merge') {
            const states = await loadShardProfiles(inputs, context);
            const merged = (0,scan/* mergeScanStates */.mU)(states, 1000);
            result = judgeScan(merged, {
                schema: schema.value,
                schemaFile: schemaName,
                schemaLineOf: schema.lineOf,
                startedAt,
                now: () => new Date(),
                reference: reference ? await referenceProfile(reference, schema.value, schemaName, read) : undefined,
            });
            result.report.headline = `Merged ${states.length} shard profile${states.length === 1 ? '' : 's'}: ${result.report.headline}`;
        }
        else {
            if (!inputs.data)
                throw new errors/* ConfigurationError */.j1('input data is required', { hint: `Set \`data\` to the file(s) to check (mode: ${inputs.mode}).` });
            const files = await workspace.expand(inputs.data, 'data');
            if (inputs.mode === 'profile') {
                const state = await (0,scan/* scanDataset */.yu)({ files, schema: schema.value, schemaFile: schemaName, read, missingColumns: 'error', checkRules: true });
                result = judgeScan(state, { schema: { ...schema.value, rows: undefined }, schemaFile: schemaName, schemaLineOf: schema.lineOf, startedAt, now: () => new Date() });
                result.report.headline = `Shard ${inputs.shard ?? ''} profiled: ${result.report.headline} Dataset-level checks and drift are judged by mode: merge.`.replace('Shard  ', 'Shard ');
            }
            else {
                // A second core (a worker thread) reads the reference while the data is read here, then shares the data.
                const helper = context.workerEntry ? (0,scan_worker.workerHelper)(context.workerEntry) : undefined;
                result = await validateDataset({ files, schema: schema.value, schemaFile: schemaName, schemaLineOf: schema.lineOf, read, reference, logger, helper });
            }
        }
        const profilePath = workspace.resolve(inputs['profile-path']);
        const profileFile = toProfileFile(result.scan, schemaName);
        await (0,files/* writeFileAtomic */.Z)(profilePath, JSON.stringify(profileFile));
        if (inputs.mode === 'profile' && context.artifacts) {
            const name = `${inputs['profile-artifact']}-${inputs.shard || context.run.job || 'shard'}`;
            const uploaded = await context.artifacts.upload(name, [{ name: 'profile.json', content: JSON.stringify(profileFile) }]);
            logger.info(`Uploaded the shard profile as artifact ${uploaded.name} (id ${uploaded.id}).`);
        }
        const { report } = result;
        if (inputs['compare-to'] && context.restoreHistory) {
            const previous = await context.restoreHistory(inputs['compare-to']);
            addComparison(report, inputs['compare-to'], previous?.report);
        }
        const details = report.details;
        return {
            report,
            outputs: {
                'failed-checks': String(details.failedChecks),
                'drifted-columns': JSON.stringify((result.drift?.columns ?? []).filter((c) => c.drifted).map((c) => c.column)),
                'drift-share': result.drift ? String(Number(result.drift.share.toFixed(6))) : '',
                'profile-path': inputs['profile-path'],
            },
        };
    },
};
function readOptions(inputs) {
    const delimiter = inputs.delimiter === '\\t' ? '\t' : inputs.delimiter;
    if (delimiter !== undefined && delimiter.length !== 1)
        throw new errors/* ConfigurationError */.j1(`input delimiter: ${JSON.stringify(inputs.delimiter)} is not one character`, { hint: 'Use e.g. "," or ";" or \\t for tab.' });
    if (inputs.quote.length !== 1)
        throw new errors/* ConfigurationError */.j1(`input quote: ${JSON.stringify(inputs.quote)} is not one character`, { hint: 'Use e.g. \'"\'.' });
    return { format: inputs.format === 'auto' ? undefined : inputs.format, delimiter, quote: inputs.quote };
}
async function loadReference(reference, context, read) {
    const { workspace } = context;
    if (isProfilePath(reference.trim())) {
        const file = workspace.resolve(reference.trim());
        const name = workspace.display(file);
        const profile = await readProfileFile(file, name);
        return { kind: 'profile', profile: data_profile/* DatasetProfile */.y6.fromJSON(profile.profile), name };
    }
    const files = await workspace.expand(reference, 'reference');
    return { kind: 'data', files, name: files.length === 1 ? files[0].displayName : `${files.length} reference files`, read };
}
async function referenceProfile(reference, schema, schemaFile, read) {
    if (reference.kind === 'profile')
        return { profile: reference.profile, name: reference.name };
    const state = await (0,scan/* scanDataset */.yu)({ files: reference.files, schema, schemaFile, read, missingColumns: 'tolerate', checkRules: false, findingLimit: 1, profile: 'drift' });
    return { profile: data_profile/* DatasetProfile */.y6.fromJSON(state.profile), name: reference.name };
}
async function loadShardProfiles(inputs, context) {
    const { workspace, logger } = context;
    let files;
    if (inputs.profiles) {
        files = await workspace.expand(inputs.profiles, 'profiles');
    }
    else if (context.artifacts) {
        const prefix = `${inputs['profile-artifact']}-`;
        const downloaded = await context.artifacts.downloadByPrefix(prefix);
        if (downloaded.length === 0) {
            throw new errors/* ConfigurationError */.j1(`no artifact named ${prefix}* in this run`, {
                hint: 'Run the shards with mode: profile (and the same profile-artifact) in a job this one `needs:`.',
            });
        }
        logger.info(`Downloaded ${downloaded.length} shard profiles: ${downloaded.map((d) => d.name).join(', ')}`);
        files = downloaded.map((d) => ({ path: `${d.path}/profile.json`, displayName: `${d.name}/profile.json` }));
    }
    else {
        throw new errors/* ConfigurationError */.j1('mode: merge needs shard profiles', { hint: 'Give them with `profiles` (files or a glob).' });
    }
    const states = [];
    for (const f of files)
        states.push(await readProfileFile(f.path, f.displayName));
    return states;
}
/** Adds a table of what changed since the branch's newest saved report: new and fixed failures. */
function addComparison(report, branch, previous) {
    if (!previous) {
        report.tables.push({ title: `Compared with ${branch}`, columns: ['check', 'change'], rows: [], note: `No saved report of ${branch} was found in the cache: nothing to compare with yet.` });
        return;
    }
    const failures = (r) => new Map((r.details.checks ?? []).filter((c) => c.failures > 0).map((c) => [`${c.column} / ${c.rule}`, c.failures]));
    const now = failures(report);
    const before = failures(previous);
    const rows = [];
    for (const [check, count] of now) {
        const was = before.get(check);
        if (was === undefined)
            rows.push([check, 'new failure', 0, count]);
        else if (was !== count)
            rows.push([check, count > was ? 'worse' : 'better', was, count]);
    }
    for (const [check, was] of before)
        if (!now.has(check))
            rows.push([check, 'fixed', was, 0]);
    const order = { 'new failure': 0, worse: 1, better: 2, fixed: 3 };
    rows.sort((a, b) => (order[String(a[1])] ?? 9) - (order[String(b[1])] ?? 9) || String(a[0]).localeCompare(String(b[0])));
    report.tables.push({
        title: `Compared with ${branch}`,
        columns: ['check', 'change', `violations on ${branch}`, 'violations now'],
        rows,
        note: rows.length === 0 ? `Same failed checks as the newest report of ${branch}.` : undefined,
    });
    report.details.comparedTo = { branch, verdict: previous.verdict, startedAt: previous.startedAt };
}


/***/ }),

/***/ 94924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* unused harmony export sha256File */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);




/** Writes a file whole or not at all: a reader never sees a half-written report. */
async function writeFileAtomic(target, content) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(temporary, content);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, target);
}
/** sha256 (hex) and size of a file, read as a stream: memory stays flat for any size. */
function sha256File(file) {
    return new Promise((resolve, reject) => {
        const hash = createHash('sha256');
        let size = 0;
        createReadStream(file, { highWaterMark: 1 << 20 })
            .on('data', (chunk) => {
            size += chunk.length;
            hash.update(chunk);
        })
            .on('error', reject)
            .on('end', () => resolve({ sha256: hash.digest('hex'), size }));
    });
}


/***/ }),

/***/ 83734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   tE: () => (/* binding */ booleanInput)
/* harmony export */ });
/* unused harmony exports numberInput, splitList, splitLines, describeInputs */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46316);


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
const numberInput = (name, options) => z.string().transform((value, ctx) => {
    const n = Number(value);
    if (value.trim() !== '' && n >= options.min && n <= options.max && (!options.integer || Number.isInteger(n)))
        return n;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not ${options.what}` });
    return z.NEVER;
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
        const def = f instanceof z.ZodPrefault ? String(f.def.defaultValue) : undefined;
        const required = !(f instanceof z.ZodPrefault) && !(f instanceof z.ZodOptional);
        return { name, default: def, required, description: f.description };
    });
}


/***/ }),

/***/ 35633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ reportingInputs),
/* harmony export */   v: () => (/* binding */ reportingOptions)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83734);


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
