export const id = 76;
export const ids = [76];
export const modules = {

/***/ 46316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S4: () => (/* binding */ describeUnknownError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/* unused harmony export isConfigurationError */
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

/***/ 68809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   Qh: () => (/* binding */ reportSchema),
/* harmony export */   iG: () => (/* binding */ shouldFailStep),
/* harmony export */   xe: () => (/* binding */ FindingCollector)
/* harmony export */ });
/* unused harmony exports REPORT_SCHEMA_VERSION, verdictSchema, severitySchema, findingSchema, tableSchema, chartSchema, excerptSchema, DEFAULT_FINDING_LIMIT, verdictFromFindings, reportJsonSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);

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
    return z.toJSONSchema(reportSchema, { target: 'draft-2020-12' });
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


/***/ }),

/***/ 88076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runOnRunner: () => (/* binding */ runOnRunner)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(46316);
;// CONCATENATED MODULE: ./src/platform/action.ts



/** Resolves user-given paths against the workspace and shows them relative to it. */
class WorkspacePaths {
    root;
    constructor(root) {
        this.root = root;
    }
    resolve(userPath) {
        return external_node_path_default().resolve(this.root, userPath);
    }
    display(absolute) {
        const rel = external_node_path_default().relative(this.root, absolute);
        return rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? absolute : rel.split((external_node_path_default()).sep).join('/');
    }
    /**
     * A path or a glob to a sorted list of files. A plain path that does not exist, or a glob that
     * matches nothing, is a configuration error naming the input.
     */
    async expand(pattern, inputName) {
        const entries = pattern
            .split('\n')
            .map((p) => p.trim())
            .filter((p) => p !== '');
        const found = new Set();
        for (const entry of entries) {
            if (!/[*?[\]{}]/.test(entry) && !entry.startsWith('!')) {
                const absolute = this.resolve(entry);
                const info = await (0,promises_.stat)(absolute).catch(() => undefined);
                if (!info) {
                    throw new errors/* ConfigurationError */.j1(`${inputName}: file not found: ${entry}`, {
                        hint: 'Paths are relative to the workspace (the repository root); check the spelling or the step that should have created it.',
                    });
                }
                if (info.isDirectory()) {
                    throw new errors/* ConfigurationError */.j1(`${inputName}: ${entry} is a directory`, { hint: `Name the files, or use a glob such as ${entry.replace(/\/$/, '')}/*.csv.` });
                }
                found.add(absolute);
            }
        }
        const globs = entries.filter((e) => /[*?[\]{}]/.test(e) || e.startsWith('!'));
        if (globs.length > 0) {
            const glob = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(377)]).then(__webpack_require__.bind(__webpack_require__, 42377));
            const globber = await glob.create(globs.map((g) => (g.startsWith('!') ? `!${this.resolve(g.slice(1))}` : this.resolve(g))).join('\n'), {
                matchDirectories: false,
                implicitDescendants: false,
            });
            const matched = await globber.glob();
            if (matched.length === 0 && found.size === 0) {
                throw new errors/* ConfigurationError */.j1(`${inputName}: no file matches ${globs.join(', ')}`, {
                    hint: 'The pattern is relative to the workspace; check it with `ls` in a previous step.',
                });
            }
            for (const m of matched)
                found.add(m);
        }
        return [...found].sort().map((p) => ({ path: p, displayName: this.display(p) }));
    }
}

;// CONCATENATED MODULE: ./src/platform/artifacts.ts


async function uploadFilesAsArtifact(name, files, stagingRoot, retentionDays) {
    const dir = external_node_path_default().join(stagingRoot, `artifact-${name}-${process.pid}-${Date.now()}`);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const paths = [];
    for (const file of files) {
        const target = external_node_path_default().join(dir, file.name);
        await (0,promises_.writeFile)(target, file.content);
        paths.push(target);
    }
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(251), __webpack_require__.e(351), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(29), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
    const client = new DefaultArtifactClient();
    const result = await client.uploadArtifact(name, paths, dir, retentionDays ? { retentionDays } : {});
    return { id: result.id, name, size: result.size, digest: result.digest };
}
/** Uploads files already on disk (a model package can be large: nothing is read into memory). */
async function uploadPathsAsArtifact(name, files, root, retentionDays) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(251), __webpack_require__.e(351), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(29), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
    const client = new DefaultArtifactClient();
    const result = await client.uploadArtifact(name, files, root, retentionDays ? { retentionDays } : {});
    return { id: result.id, name, size: result.size, digest: result.digest };
}
/** Downloads the newest artifact of this run with exactly this name into dir; undefined when there is none. */
async function downloadArtifactByName(name, dir) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(251), __webpack_require__.e(351), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(29), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
    const client = new DefaultArtifactClient();
    const { artifacts } = await client.listArtifacts({ latest: true });
    const artifact = artifacts.find((a) => a.name === name);
    if (!artifact)
        return undefined;
    await (0,promises_.mkdir)(dir, { recursive: true });
    const result = await client.downloadArtifact(artifact.id, { path: dir, expectedHash: artifact.digest });
    if (result.digestMismatch)
        throw new Error(`artifact ${name} does not match its recorded digest`);
    return dir;
}
/** Artifact names may not contain these characters. */
function artifactSafeName(name) {
    return name.replace(/[":<>|*?\\/\r\n]/g, '-');
}
/**
 * Downloads every artifact of this run whose name starts with `prefix` into its own folder under
 * `dir`, checking each download against the digest recorded at upload.
 */
async function downloadArtifactsByPrefix(prefix, dir) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(251), __webpack_require__.e(351), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(29), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
    const client = new DefaultArtifactClient();
    const { artifacts } = await client.listArtifacts({ latest: true });
    const out = [];
    for (const artifact of artifacts.filter((a) => a.name.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name))) {
        const target = external_node_path_default().join(dir, artifactSafeName(artifact.name));
        await (0,promises_.mkdir)(target, { recursive: true });
        const result = await client.downloadArtifact(artifact.id, { path: target, expectedHash: artifact.digest });
        if (result.digestMismatch)
            throw new Error(`artifact ${artifact.name} does not match its recorded digest`);
        out.push({ name: artifact.name, path: target });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/platform/github.ts
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_RATE_LIMIT_RETRIES = 3;
async function createOctokit(token, run, logger) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 49735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 86856)),
    ]);
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        logger.warning(`GitHub API ${kind} on ${options.method ?? ''} ${options.url ?? ''}: ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return retrying;
    };
    return getOctokit(token, {
        baseUrl: run.apiUrl,
        // 429 is left to the throttling plugin, which waits for Retry-After; retrying it here too would
        // ignore the wait.
        retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: { onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    }, retry, throttling);
}
/** A 403 on a write means the token may not write here (a fork pull request's read-only token). */
function isPermissionDenied(error) {
    const status = error?.status;
    return status === 403 || status === 404;
}
function describeApiError(error) {
    const e = error;
    return `${typeof e?.status === 'number' ? `HTTP ${e.status}: ` : ''}${typeof e?.message === 'string' ? e.message : String(error)}`;
}
/**
 * One comment per action and job on a pull request, found again by a hidden marker and updated in
 * place: a push never adds a second comment.
 */
async function upsertStickyComment(octokit, target, marker, body) {
    const { owner, repo, issueNumber } = target;
    const full = body.includes(marker) ? body : `${marker}\n${body}`;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })) {
        const existing = page.data.find((c) => typeof c.body === 'string' && c.body.includes(marker));
        if (existing) {
            const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: full });
            return { id: data.id, url: data.html_url, action: 'updated' };
        }
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: full });
    return { id: data.id, url: data.html_url, action: 'created' };
}
function commentMarker(action, job) {
    return `<!-- mlops-actions:${action}:${(job ?? 'local').replace(/--/g, '-')} -->`;
}

;// CONCATENATED MODULE: ./src/platform/attest.ts

async function attestProvenance(subject, run, token) {
    if (!run.idTokenAvailable) {
        return { status: 'skipped', reason: 'the job cannot request an OIDC token: add `id-token: write` and `attestations: write` to its permissions' };
    }
    if (!token)
        return { status: 'skipped', reason: 'no token to store the attestation with (github-token)' };
    try {
        const { attestProvenance: attest } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(251), __webpack_require__.e(351), __webpack_require__.e(878), __webpack_require__.e(29), __webpack_require__.e(88), __webpack_require__.e(476)]).then(__webpack_require__.bind(__webpack_require__, 4476));
        const result = await attest({
            subjects: [{ name: subject.name, digest: { sha256: subject.sha256 } }],
            token,
            // Public repositories sign with the public-good Sigstore (its log is public); others with GitHub's.
            sigstore: run.repositoryPrivate === false ? 'public-good' : 'github',
        });
        const url = result.attestationID && run.repository ? `${run.serverUrl}/${run.repository.owner}/${run.repository.repo}/attestations/${result.attestationID}` : undefined;
        return { status: 'created', id: result.attestationID, url, transparencyLogId: result.tlogID };
    }
    catch (error) {
        const status = error.status;
        if (status === 403 || status === 401)
            return { status: 'skipped', reason: `the token may not write attestations (add \`attestations: write\`): ${describeApiError(error)}` };
        return { status: 'skipped', reason: `signing failed: ${describeApiError(error)}` };
    }
}

;// CONCATENATED MODULE: ./src/platform/cache.ts
function actionsCacheStore(logger) {
    return {
        async restore(paths, key, restoreKeys) {
            try {
                const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(377), __webpack_require__.e(88), __webpack_require__.e(39)]).then(__webpack_require__.bind(__webpack_require__, 84039));
                return (await cache.restoreCache(paths, key, restoreKeys)) ?? undefined;
            }
            catch (error) {
                logger.warning(`Could not restore the cache ${key}: ${error instanceof Error ? error.message : String(error)}`);
                return undefined;
            }
        },
        async save(paths, key) {
            try {
                const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(377), __webpack_require__.e(88), __webpack_require__.e(39)]).then(__webpack_require__.bind(__webpack_require__, 84039));
                return (await cache.saveCache(paths, key)) !== -1;
            }
            catch (error) {
                logger.warning(`Could not save the cache ${key}: ${error instanceof Error ? error.message : String(error)}`);
                return false;
            }
        },
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/platform/environment.ts

function readRunEnvironment(env = process.env, cwd = process.cwd()) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const event = readEventPayload(env.GITHUB_EVENT_PATH);
    return {
        onRunner: env.GITHUB_ACTIONS === 'true',
        workspace: env.GITHUB_WORKSPACE || cwd,
        debug: env.RUNNER_DEBUG === '1',
        repository: owner && repo ? { owner, repo } : undefined,
        eventName: env.GITHUB_EVENT_NAME || undefined,
        sha: env.GITHUB_SHA || undefined,
        ref: env.GITHUB_REF || undefined,
        refName: env.GITHUB_REF_NAME || undefined,
        headRef: env.GITHUB_HEAD_REF || undefined,
        baseRef: env.GITHUB_BASE_REF || undefined,
        job: env.GITHUB_JOB || undefined,
        runId: env.GITHUB_RUN_ID || undefined,
        runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        pullRequest: pullRequestFrom(event),
        runnerTemp: env.RUNNER_TEMP || undefined,
        idTokenAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
        repositoryPrivate: repositoryPrivate(event),
        workflow: env.GITHUB_WORKFLOW || undefined,
        actor: env.GITHUB_ACTOR || undefined,
    };
}
function readEventPayload(path) {
    if (!path)
        return undefined;
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function repositoryPrivate(event) {
    const repo = event?.repository;
    if (typeof repo?.visibility === 'string')
        return repo.visibility !== 'public';
    return typeof repo?.private === 'boolean' ? repo.private : undefined;
}
function pullRequestFrom(event) {
    const pr = event?.pull_request;
    if (!pr || typeof pr.number !== 'number')
        return undefined;
    const headRepo = typeof pr.head?.repo?.full_name === 'string' ? pr.head.repo.full_name : undefined;
    const baseRepo = typeof pr.base?.repo?.full_name === 'string' ? pr.base.repo.full_name : undefined;
    return {
        number: pr.number,
        headSha: typeof pr.head?.sha === 'string' ? pr.head.sha : '',
        headRepo,
        baseRepo,
        fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
    };
}
/** The branch a run belongs to: the pull request's head branch, else the pushed branch. */
function currentBranch(run) {
    if (run.headRef)
        return run.headRef;
    if (run.ref?.startsWith('refs/heads/'))
        return run.ref.slice('refs/heads/'.length);
    return undefined;
}
/**
 * The environment for a user's command: this process's, less what only the action itself may see:
 * its inputs (INPUT_*, which can hold a token), its saved state, and the runtime's tokens and
 * service URLs, which the runner gives to actions but not to `run:` steps.
 */
function commandEnvironment(env = process.env) {
    const out = {};
    for (const [key, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (/^(INPUT_|STATE_)/.test(key))
            continue;
        if (/^ACTIONS_(RUNTIME_TOKEN|RUNTIME_URL|RESULTS_URL|CACHE_URL|CACHE_SERVICE_V2|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL)$/.test(key))
            continue;
        out[key] = value;
    }
    return out;
}

// EXTERNAL MODULE: ./src/platform/files.ts
var files = __webpack_require__(94924);
// EXTERNAL MODULE: ./src/platform/report.ts
var report = __webpack_require__(68809);
;// CONCATENATED MODULE: ./src/platform/history.ts



/**
 * Keeps each run's report in the Actions cache, keyed by action, job and branch, so a later run can
 * compare itself with the newest report of a branch (restore-key prefix match: newest wins). Cache
 * entries are immutable, so every run writes its own key.
 */
const HISTORY_DIR = '.mlops-actions/history';
function sanitize(part) {
    return part.replace(/[,\s]/g, '_');
}
function keyPrefix(scope, branch) {
    return `mlops-actions-history-${sanitize(scope.action)}-${sanitize(scope.job)}-${sanitize(branch)}-`;
}
/** Relative to the workspace: the cache version hashes the path list, so it must not vary by machine. */
function historyPath(scope) {
    return `${HISTORY_DIR}/${sanitize(scope.action)}`;
}
async function saveReportToHistory(scope, branch, runKey, report) {
    const rel = historyPath(scope);
    const dir = external_node_path_default().join(scope.workspace, rel);
    await (0,promises_.mkdir)(dir, { recursive: true });
    await (0,promises_.writeFile)(external_node_path_default().join(dir, 'report.json'), JSON.stringify(report));
    const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(377), __webpack_require__.e(88), __webpack_require__.e(39)]).then(__webpack_require__.bind(__webpack_require__, 84039));
    const key = `${keyPrefix(scope, branch)}${sanitize(runKey)}`;
    try {
        // The cache client resolves paths against GITHUB_WORKSPACE, which is scope.workspace on a runner.
        const id = await cache.saveCache([rel], key);
        return id === -1 ? undefined : key;
    }
    finally {
        await (0,promises_.rm)(external_node_path_default().join(scope.workspace, HISTORY_DIR), { recursive: true, force: true });
    }
}
async function restoreReportFromHistory(scope, branch) {
    const rel = historyPath(scope);
    const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(838), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(377), __webpack_require__.e(88), __webpack_require__.e(39)]).then(__webpack_require__.bind(__webpack_require__, 84039));
    const prefix = keyPrefix(scope, branch);
    try {
        const matched = await cache.restoreCache([rel], prefix, [prefix]);
        if (!matched)
            return undefined;
        const parsed = report/* reportSchema */.Qh.safeParse(JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(scope.workspace, rel, 'report.json'), 'utf8')));
        return parsed.success ? { key: matched, report: parsed.data } : undefined;
    }
    finally {
        await (0,promises_.rm)(external_node_path_default().join(scope.workspace, HISTORY_DIR), { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/platform/inputs.ts
var platform_inputs = __webpack_require__(83734);
;// CONCATENATED MODULE: ./src/platform/render/annotations.ts
/** The runner keeps at most this many annotations of each type per step. */
const RUNNER_ANNOTATIONS_PER_TYPE = 10;
/** The runner cuts a message at this many characters. */
const RUNNER_ANNOTATION_MESSAGE_LIMIT = 4096;
/** Notices the platform itself may need (a roll-up, a degraded-token notice). */
const RESERVED_NOTICES = 2;
/**
 * Chooses which findings become annotations so none is silently dropped by the runner: the first
 * ones of each severity up to the limit, the rest rolled up into a single notice.
 */
function planAnnotations(report) {
    const budget = {
        error: RUNNER_ANNOTATIONS_PER_TYPE,
        warning: RUNNER_ANNOTATIONS_PER_TYPE,
        notice: RUNNER_ANNOTATIONS_PER_TYPE - RESERVED_NOTICES,
    };
    const planned = [];
    for (const f of report.findings) {
        if (budget[f.severity] <= 0)
            continue;
        budget[f.severity]--;
        planned.push(toAnnotation(f, report.title));
    }
    const total = report.findingCounts.error + report.findingCounts.warning + report.findingCounts.notice;
    const rest = total - planned.length;
    if (rest > 0) {
        const shown = countBy(planned);
        const parts = ['error', 'warning', 'notice']
            .map((s) => [s, report.findingCounts[s] - shown[s]])
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n.toLocaleString('en-US')} ${s}${n === 1 ? '' : 's'}`);
        planned.push({
            severity: 'notice',
            title: report.title,
            message: `${parts.join(', ')} more not annotated (the runner shows at most ${RUNNER_ANNOTATIONS_PER_TYPE} of each kind per step): see the job summary and the JSON report.`,
        });
    }
    return planned;
}
function toAnnotation(f, title) {
    const message = f.message.length > RUNNER_ANNOTATION_MESSAGE_LIMIT ? `${f.message.slice(0, RUNNER_ANNOTATION_MESSAGE_LIMIT - 1)}…` : f.message;
    return { severity: f.severity, message, title: `${title}: ${f.rule}`, file: f.file, line: f.line, column: f.column };
}
function countBy(list) {
    const out = { error: 0, warning: 0, notice: 0 };
    for (const a of list)
        out[a.severity]++;
    return out;
}

;// CONCATENATED MODULE: ./src/platform/render/markdown.ts
/**
 * GitHub-flavoured markdown for the job summary and the pull-request comment. The report is cut
 * section by section to fit a size budget (bytes for the summary, characters for a comment), and a
 * note says what was left out and where the full report is.
 */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Leaves room for the runner's and other steps' own lines in the same file. */
const SUMMARY_BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 16 * 1024;
const COMMENT_LIMIT_CHARS = 65_536;
const COMMENT_BUDGET_CHARS = COMMENT_LIMIT_CHARS - 1_536;
const VERDICT_ICON = {
    pass: '✅',
    fail: '❌',
    inconclusive: '⚠️',
    error: '💥',
};
const byteLength = (text) => Buffer.byteLength(text, 'utf8');
const charLength = (text) => text.length;
function renderReportMarkdown(report, options) {
    const sections = [];
    sections.push(`${options.prefix ?? ''}## ${VERDICT_ICON[report.verdict]} ${escapeText(report.title)}: ${report.verdict}\n\n${escapeText(report.headline)}\n`);
    for (const [index, table] of report.tables.entries()) {
        sections.push(renderTable(table, index > 0));
    }
    for (const chart of report.charts) {
        sections.push(`#### ${escapeText(chart.title)}\n\n\`\`\`mermaid\n${chart.mermaid}\n\`\`\`\n`);
    }
    for (const excerpt of report.excerpts ?? []) {
        sections.push(renderExcerpt(excerpt.title, excerpt.text));
    }
    const findingsSection = renderFindings(report, options.maxFindings ?? 50);
    if (findingsSection)
        sections.push(findingsSection);
    const note = (omitted) => `\n> [!NOTE]\n> ${omitted} section${omitted === 1 ? '' : 's'} of this report did not fit the size limit${options.fullReportHint ? `; ${options.fullReportHint}` : ''}.\n`;
    let kept = sections.length;
    let text = sections.join('\n');
    while (options.measure(text) > options.budget && kept > 1) {
        kept--;
        text = sections.slice(0, kept).join('\n') + note(sections.length - kept);
    }
    if (options.measure(text) > options.budget) {
        // Even the headline section is too big (a pathological title): cut it by characters.
        const suffix = note(sections.length);
        let cut = Math.max(0, options.budget - options.measure(suffix) - 8);
        text = sections[0].slice(0, cut);
        while (options.measure(text + suffix) > options.budget && cut > 0) {
            cut = Math.floor(cut * 0.9);
            text = sections[0].slice(0, cut);
        }
        text += suffix;
    }
    return { markdown: text, truncated: kept < sections.length };
}
function renderTable(table, collapsed) {
    const header = `| ${table.columns.map(escapeCell).join(' | ')} |\n| ${table.columns.map((_, i) => (i === 0 ? '---' : ':--')).join(' | ')} |\n`;
    const body = table.rows.map((row) => `| ${row.map(formatCell).join(' | ')} |`).join('\n');
    const content = `${header}${body}\n${table.note ? `\n${escapeText(table.note)}\n` : ''}`;
    if (collapsed)
        return `<details><summary><b>${escapeText(table.title)}</b> (${table.rows.length})</summary>\n\n${content}\n</details>\n`;
    return `### ${escapeText(table.title)}\n\n${content}`;
}
/** Text in a fenced block longer than any run of backticks inside it, so it cannot close early. */
function renderExcerpt(title, text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `<details open><summary><b>${escapeText(title)}</b></summary>\n\n${fence}text\n${text.replace(/\n$/, '')}\n${fence}\n\n</details>\n`;
}
function renderFindings(report, max) {
    const total = report.findingCounts.error + report.findingCounts.warning + report.findingCounts.notice;
    if (total === 0)
        return undefined;
    const shown = report.findings.slice(0, max);
    const lines = shown.map((f) => `- ${severityIcon(f)} ${f.file ? `\`${escapeCode(markdown_location(f))}\` ` : ''}${escapeText(f.message)}`);
    const more = total - shown.length;
    const counts = `${report.findingCounts.error} error${report.findingCounts.error === 1 ? '' : 's'}, ${report.findingCounts.warning} warning${report.findingCounts.warning === 1 ? '' : 's'}`;
    return `<details><summary><b>Findings</b> (${counts})</summary>\n\n${lines.join('\n')}\n${more > 0 ? `\n…and ${more.toLocaleString('en-US')} more (see the JSON report).\n` : ''}\n</details>\n`;
}
function markdown_location(f) {
    if (!f.file)
        return '';
    return `${f.file}${f.line ? `:${f.line}` : ''}${f.line && f.column ? `:${f.column}` : ''}`;
}
function severityIcon(f) {
    return f.severity === 'error' ? '🔴' : f.severity === 'warning' ? '🟡' : '🔵';
}
function formatCell(cell) {
    if (cell === null)
        return '—';
    if (typeof cell === 'number')
        return Number.isInteger(cell) ? cell.toLocaleString('en-US') : String(Number(cell.toPrecision(4)));
    if (typeof cell === 'boolean')
        return cell ? 'yes' : 'no';
    return escapeCell(cell);
}
function escapeCell(text) {
    return escapeText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** Keeps user data from becoming markup: no HTML, no stray mentions or links. */
function escapeText(text) {
    return text.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;')).replace(/@(?=\w)/g, '@\u200b');
}
function escapeCode(text) {
    return text.replace(/`/g, "'");
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/platform/workflow-commands.ts


class WorkflowCommands {
    env;
    write;
    constructor(env = process.env, write = (text) => process.stdout.write(text)) {
        this.env = env;
        this.write = write;
    }
    /** As core.getInput: `INPUT_` + name with spaces as `_`, upper-cased; trimmed. */
    getInput(name) {
        return (this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
    }
    setOutput(name, value) {
        const file = this.env.GITHUB_OUTPUT;
        if (file) {
            (0,external_node_fs_.appendFileSync)(file, `${keyValueMessage(name, value)}\n`, 'utf8');
            return;
        }
        // No file (an old runner): the deprecated stdout command, as @actions/core falls back to.
        this.write('\n');
        this.issue('set-output', { name }, value);
    }
    appendSummary(markdown) {
        const file = this.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return false;
        (0,external_node_fs_.appendFileSync)(file, markdown, 'utf8');
        return true;
    }
    setSecret(secret) {
        this.issue('add-mask', {}, secret);
    }
    info(message) {
        this.write(`${message}\n`);
    }
    debug(message) {
        this.issue('debug', {}, message);
    }
    warning(message, properties = {}) {
        this.issue('warning', annotationProperties(properties), message);
    }
    error(message, properties = {}) {
        this.issue('error', annotationProperties(properties), message);
    }
    notice(message, properties = {}) {
        this.issue('notice', annotationProperties(properties), message);
    }
    startGroup(title) {
        this.issue('group', {}, title);
    }
    endGroup() {
        this.issue('endgroup', {}, '');
    }
    /** Text passed through to the log as it is (a child process's output). */
    raw(text) {
        this.write(text);
    }
    isDebug() {
        return this.env.RUNNER_DEBUG === '1';
    }
    issue(command, properties, message) {
        const props = Object.entries(properties)
            .filter(([, v]) => v !== undefined && v !== '' && v !== 0)
            .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
            .join(',');
        this.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}\n`);
    }
}
function annotationProperties(p) {
    return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}
function keyValueMessage(name, value) {
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    // As @actions/core: a name or value holding the delimiter could forge another output.
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`output ${name} contains the file-command delimiter`);
    return `${name}<<${delimiter}\n${value}\n${delimiter}`;
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// EXTERNAL MODULE: ./src/platform/reporting.ts
var platform_reporting = __webpack_require__(35633);
;// CONCATENATED MODULE: ./src/platform/runner.ts
















/**
 * The entry every bundle calls: read inputs the runner's way, run the action, publish the report
 * (summary, annotations, outputs, sticky comment, check run, artifact) and decide the exit code.
 * Whatever is thrown, Error or not, ends as a failed step with a message; a user's mistake never
 * shows a stack.
 */
async function runOnRunner(definition, options = {}) {
    const run = readRunEnvironment();
    const commands = new WorkflowCommands();
    const logger = runnerLogger(commands);
    try {
        const raw = {};
        for (const name of Object.keys(definition.inputs.shape))
            raw[name] = commands.getInput(name);
        const inputs = (0,platform_inputs/* parseInputs */.TL)(definition.inputs, raw, definition.name);
        const reporting = (0,platform_reporting/* reportingOptions */.v)(inputs);
        if (reporting.githubToken)
            commands.setSecret(reporting.githubToken);
        const scope = { action: definition.name, job: run.job ?? 'job', workspace: run.workspace };
        const staging = run.runnerTemp ?? external_node_path_default().join(run.workspace, '.mlops-actions');
        const artifacts = {
            upload: (name, files) => uploadFilesAsArtifact(artifactSafeName(name), files, staging),
            uploadPaths: (name, files, root, retentionDays) => uploadPathsAsArtifact(artifactSafeName(name), files, root, retentionDays),
            downloadByPrefix: (prefix) => downloadArtifactsByPrefix(prefix, external_node_path_default().join(staging, `download-${Date.now()}`)),
            downloadByName: (name) => downloadArtifactByName(name, external_node_path_default().join(staging, `download-${Date.now()}`)),
        };
        const context = {
            run,
            logger,
            artifacts,
            cache: actionsCacheStore(logger),
            commandEnv: commandEnvironment(),
            signal: definition.cancellable ? cancelSignal(commands) : undefined,
            scratch: staging,
            secret: (value) => commands.setSecret(value),
            attest: (subject) => attestProvenance(subject, run, reporting.githubToken),
            workerEntry: options.workerEntry,
            workspace: new WorkspacePaths(run.workspace),
            restoreHistory: async (branch) => {
                try {
                    return await restoreReportFromHistory(scope, branch);
                }
                catch (error) {
                    logger.warning(`Could not restore the previous report of ${branch} from the cache: ${describeApiError(error)}`);
                    return undefined;
                }
            },
        };
        const pr = run.pullRequest;
        if (pr && run.baseRef && run.repository && reporting.githubToken) {
            const token = reporting.githubToken;
            const { owner, repo } = run.repository;
            context.readFileAtBase = async (relativePath) => {
                try {
                    const octokit = await createOctokit(token, run, logger);
                    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: relativePath, ref: run.baseRef });
                    if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string')
                        return undefined;
                    return Buffer.from(data.content, 'base64').toString('utf8');
                }
                catch (error) {
                    if (error.status !== 404)
                        logger.warning(`Could not read ${relativePath} on ${run.baseRef}: ${describeApiError(error)}`);
                    return undefined;
                }
            };
        }
        const outcome = await definition.run(inputs, context);
        await publishOnRunner(commands, definition.name, outcome, reporting, run, logger);
        const saveHistory = inputs['save-history'];
        if (saveHistory)
            await saveHistoryOnRunner(commands, scope, run, outcome.report, logger);
        if ((0,report/* shouldFailStep */.iG)(outcome.report, reporting.failOn)) {
            process.exitCode = 1;
            commands.info(`${definition.name}: verdict ${outcome.report.verdict}; failing the step (fail-on: ${reporting.failOn}).`);
        }
    }
    catch (error) {
        await reportFailure(commands, definition.name, error, run);
    }
}
function runnerLogger(commands) {
    return {
        debug: (m) => commands.debug(m),
        info: (m) => commands.info(m),
        warning: (m) => commands.warning(m),
        startGroup: (title) => commands.startGroup(title),
        endGroup: () => commands.endGroup(),
        output: (text) => commands.raw(text),
    };
}
/**
 * On cancel the runner sends SIGINT, then SIGTERM 7.5 s later, then kills the process. The first
 * signal aborts, so the action can stop its work and still publish a report; a second one ends the
 * process at once.
 */
function cancelSignal(commands) {
    const controller = new AbortController();
    const onSignal = (signal) => {
        if (controller.signal.aborted)
            process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
        commands.info(`Received ${signal}: cancelling.`);
        controller.abort(new Error(`cancelled (${signal})`));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return controller.signal;
}
async function publishOnRunner(commands, action, outcome, reporting, run, logger) {
    const { report } = outcome;
    const reportFile = external_node_path_default().resolve(run.workspace, reporting.reportPath);
    await (0,files/* writeFileAtomic */.Z)(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    for (const a of planAnnotations(report)) {
        const props = { title: a.title, file: a.file, startLine: a.line, startColumn: a.line ? a.column : undefined };
        if (a.severity === 'error')
            commands.error(a.message, props);
        else if (a.severity === 'warning')
            commands.warning(a.message, props);
        else
            commands.notice(a.message, props);
    }
    const artifactName = artifactSafeName(`${action}-report${run.job ? `-${run.job}` : ''}`);
    const summary = renderReportMarkdown(report, {
        budget: SUMMARY_BUDGET_BYTES,
        measure: byteLength,
        fullReportHint: `the full report is in the artifact \`${artifactName}\``,
    });
    commands.appendSummary(`${summary.markdown}\n`);
    commands.setOutput('verdict', report.verdict);
    commands.setOutput('report-path', reporting.reportPath);
    for (const [name, value] of Object.entries(outcome.outputs ?? {}))
        commands.setOutput(name, value);
    let readOnly = false;
    // Octokit is loaded only when a comment or a check run will be written.
    const needsApi = (reporting.comment && run.pullRequest !== undefined) || reporting.checkRun;
    const octokit = needsApi && reporting.githubToken && run.repository ? await createOctokit(reporting.githubToken, run, logger) : undefined;
    if (octokit && run.repository) {
        if (reporting.comment && run.pullRequest) {
            readOnly = (await postComment(commands, octokit, action, report, run, artifactName, logger)) || readOnly;
        }
        if (reporting.checkRun) {
            readOnly = (await postCheckRun(octokit, action, report, run, logger)) || readOnly;
        }
    }
    if (readOnly) {
        commands.notice(`The token cannot write to ${run.repository?.owner}/${run.repository?.repo}${run.pullRequest?.fromFork ? ' (a pull request from a fork gets a read-only token)' : ''}: the report is in the job summary${reporting.uploadReport === 'never' ? '' : ` and the artifact ${artifactName}`}.`, { title: `${report.title}: read-only token` });
    }
    const upload = reporting.uploadReport === 'always' || (reporting.uploadReport === 'auto' && (summary.truncated || readOnly));
    if (upload) {
        try {
            const full = renderReportMarkdown(report, { budget: Number.MAX_SAFE_INTEGER, measure: charLength, maxFindings: report.findings.length });
            const uploaded = await uploadFilesAsArtifact(artifactName, [
                { name: external_node_path_default().basename(reportFile), content: `${JSON.stringify(report, null, 2)}\n` },
                { name: 'summary.md', content: full.markdown },
            ], run.runnerTemp ?? external_node_path_default().join(run.workspace, '.mlops-actions'));
            commands.setOutput('report-artifact-id', String(uploaded.id ?? ''));
            commands.info(`Uploaded the report as artifact ${uploaded.name} (id ${uploaded.id}, ${uploaded.size} bytes).`);
        }
        catch (error) {
            logger.warning(`Could not upload the report artifact ${artifactName}: ${describeApiError(error)}`);
        }
    }
}
/** Returns true when the token turned out to be read-only. */
async function postComment(commands, octokit, action, report, run, artifactName, logger) {
    const marker = commentMarker(action, run.job);
    const runUrl = run.repository && run.runId ? `${run.serverUrl}/${run.repository.owner}/${run.repository.repo}/actions/runs/${run.runId}` : undefined;
    const body = renderReportMarkdown(report, {
        budget: COMMENT_BUDGET_CHARS,
        measure: charLength,
        prefix: `${marker}\n`,
        maxFindings: 20,
        fullReportHint: `the full report is in the artifact \`${artifactName}\`${runUrl ? ` of [this run](${runUrl})` : ''}`,
    });
    try {
        const comment = await upsertStickyComment(octokit, { owner: run.repository.owner, repo: run.repository.repo, issueNumber: run.pullRequest.number }, marker, body.markdown);
        commands.info(`Pull-request comment ${comment.action}: ${comment.url}`);
        return false;
    }
    catch (error) {
        if (isPermissionDenied(error))
            return true;
        logger.warning(`Could not post the pull-request comment: ${describeApiError(error)}`);
        return false;
    }
}
async function postCheckRun(octokit, action, report, run, logger) {
    const headSha = run.pullRequest?.headSha || run.sha;
    if (!headSha)
        return false;
    const summary = renderReportMarkdown(report, { budget: 65_000, measure: charLength, maxFindings: 20 });
    const annotations = report.findings
        .filter((f) => f.file && f.line)
        .slice(0, 50)
        .map((f) => ({
        path: f.file,
        start_line: f.line,
        end_line: f.line,
        annotation_level: f.severity === 'error' ? 'failure' : f.severity === 'warning' ? 'warning' : 'notice',
        message: f.message.slice(0, 4096),
        title: f.rule,
    }));
    try {
        await octokit.rest.checks.create({
            owner: run.repository.owner,
            repo: run.repository.repo,
            name: `mlops-actions / ${action}`,
            head_sha: headSha,
            status: 'completed',
            conclusion: report.verdict === 'pass' ? 'success' : report.verdict === 'inconclusive' ? 'neutral' : 'failure',
            output: { title: report.headline.slice(0, 255), summary: summary.markdown, annotations },
        });
        return false;
    }
    catch (error) {
        if (isPermissionDenied(error))
            return true;
        logger.warning(`Could not create the check run: ${describeApiError(error)}`);
        return false;
    }
}
async function saveHistoryOnRunner(commands, scope, run, report, logger) {
    const branch = currentBranch(run);
    if (!branch) {
        logger.info('Not saving the report to the history: this run is on no branch.');
        return;
    }
    try {
        const key = await saveReportToHistory(scope, branch, `${run.runId ?? Date.now()}-${run.runAttempt ?? 1}`, report);
        if (key)
            commands.info(`Saved the report to the cache as ${key}.`);
    }
    catch (error) {
        logger.warning(`Could not save the report to the cache: ${describeApiError(error)}`);
    }
}
async function reportFailure(commands, action, error, run) {
    process.exitCode = 1;
    try {
        commands.setOutput('verdict', 'error');
    }
    catch {
        // The output file is gone (not a runner we know): the error below still reaches the log.
    }
    if (error instanceof errors/* ConfigurationError */.j1) {
        commands.error(error.describe(), {
            title: `${action}: configuration error`,
            file: error.file,
            startLine: error.line,
            startColumn: error.line ? error.column : undefined,
        });
        writeErrorSummary(commands, action, 'Configuration error', error.describe());
        return;
    }
    const text = (0,errors/* describeUnknownError */.S4)(error, run.debug);
    commands.error(`${action}: internal error: ${text}${run.debug ? '' : ' (re-run with debug logging for the stack trace)'}\nThis is a bug in mlops-actions, not in your configuration; please report it.`, {
        title: `${action}: internal error`,
    });
    writeErrorSummary(commands, action, 'Internal error', text.split('\n')[0] ?? text);
}
function writeErrorSummary(commands, action, kind, message) {
    try {
        commands.appendSummary(`## 💥 ${action}: ${kind.toLowerCase()}\n\n${escapeText(message)}\n`);
    }
    catch {
        // A summary that cannot be written must not hide the error itself.
    }
}


/***/ })

};
