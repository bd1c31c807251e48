export const id = 211;
export const ids = [211];
export const modules = {

/***/ 6340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ DockerCli)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6316);





class DockerCli {
    env;
    configDir;
    constructor(env, configDir) {
        this.env = env;
        this.configDir = configDir;
    }
    run(args, options = {}) {
        return new Promise((resolve) => {
            const env = { ...this.env, ...(this.configDir ? { DOCKER_CONFIG: this.configDir } : {}) };
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('docker', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d) => {
                stdout += d.toString();
                options.onOutput?.(d.toString());
            });
            child.stderr.on('data', (d) => {
                stderr += d.toString();
                options.onOutput?.(d.toString());
            });
            child.on('error', (error) => resolve({ code: 127, stdout, stderr: stderr + error.message }));
            child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
            // A command that exits without reading its input (a failed `docker rm`) breaks the pipe:
            // its exit status says why, the EPIPE adds nothing.
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input ?? '');
        });
    }
    /** A daemon answers (the CLI alone is not enough). */
    async available() {
        const r = await this.run(['version', '--format', '{{.Server.Version}}']);
        return r.code === 0 && r.stdout.trim() !== '';
    }
    async hasBuildx() {
        return (await this.run(['buildx', 'version'])).code === 0;
    }
    /** A CLI whose logins live in a fresh folder, removed by `dispose`. */
    static async isolated(env) {
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'mlops-docker-config-'));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'config.json'), '{}');
        return { cli: new DockerCli(env, dir), dispose: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true }) };
    }
    async login(registry, username, password) {
        const r = await this.run(['login', registry, '--username', username, '--password-stdin'], { input: password });
        if (r.code !== 0) {
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`the registry ${registry} refused the login of ${username}`, {
                hint: 'Check registry-username and registry-password (a secret); for ghcr.io give the job `packages: write`.',
            });
        }
    }
    async build(options) {
        const buildx = await this.hasBuildx();
        const args = buildx ? ['buildx', 'build', '--load'] : ['build'];
        args.push('--file', options.dockerfile);
        for (const tag of options.tags)
            args.push('--tag', tag);
        for (const [k, v] of Object.entries(options.labels))
            args.push('--label', `${k}=${v}`);
        if (options.network)
            args.push('--network', options.network);
        args.push(options.contextDir);
        const r = await this.run(args, { onOutput: options.onOutput });
        if (r.code !== 0) {
            const last = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-8).join('\n');
            if (/pull access denied|not found|manifest unknown|No such image/i.test(last)) {
                throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`docker build failed: the base image could not be found or pulled`, { hint: `Check base-image. The build said:\n${last}` });
            }
            throw new Error(`docker build failed (exit ${r.code}):\n${last}`);
        }
        const inspect = await this.run(['image', 'inspect', '--format', '{{.Id}}', options.tags[0]]);
        return inspect.stdout.trim();
    }
    async push(reference) {
        const r = await this.run(['push', reference]);
        if (r.code !== 0) {
            const text = `${r.stdout}\n${r.stderr}`;
            if (/unauthorized|denied|authentication required/i.test(text)) {
                throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`the registry refused to take ${reference}`, { hint: 'Check registry-username and registry-password; for ghcr.io give the job `packages: write`.' });
            }
            if (/connection refused|no such host|i\/o timeout|dial tcp/i.test(text)) {
                throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`cannot reach the registry of ${reference}`, { hint: 'Check the registry address and that it is reachable from the runner.' });
            }
            throw new Error(`docker push ${reference} failed:\n${text.trim().split('\n').slice(-5).join('\n')}`);
        }
        return /digest: (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
    }
    async imageSize(reference) {
        const r = await this.run(['image', 'inspect', '--format', '{{.Size}}', reference]);
        return Number(r.stdout.trim()) || 0;
    }
    /** Starts a container on the host's network with PORT set; the caller stops it. */
    async start(image, port) {
        const r = await this.run(['run', '--detach', '--network', 'host', '--env', `PORT=${port}`, '--env', 'HOST=127.0.0.1', image]);
        if (r.code !== 0)
            throw new Error(`docker run ${image} failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
        const id = r.stdout.trim();
        return {
            id,
            logs: async () => {
                const l = await this.run(['logs', '--tail', '60', id]);
                return `${l.stdout}${l.stderr}`;
            },
            exited: async () => (await this.run(['inspect', '--format', '{{.State.Running}}', id])).stdout.trim() !== 'true',
            stop: async () => {
                await this.run(['rm', '--force', id]);
            },
        };
    }
}


/***/ }),

/***/ 8394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ smokeTest),
/* harmony export */   OO: () => (/* binding */ packageExamples),
/* harmony export */   eE: () => (/* binding */ sameValue)
/* harmony export */ });
/* unused harmony exports expectedPredictions, exampleRows */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _packaging_signature_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2253);



async function smokeTest(options) {
    const started = performance.now();
    let healthy = false;
    let lastError = '';
    while (performance.now() - started < options.startTimeoutMs) {
        try {
            const response = await fetch(`${options.baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
            if (response.ok) {
                healthy = true;
                break;
            }
            lastError = `/health answered ${response.status}`;
        }
        catch (error) {
            lastError = error.message;
        }
        if (options.exited && (await options.exited()))
            return { ok: false, problem: 'the container exited before /health answered', mismatches: [] };
        await new Promise((r) => setTimeout(r, 250));
    }
    if (!healthy)
        return { ok: false, problem: `/health did not answer 200 within ${Math.round(options.startTimeoutMs / 1000)} s (${lastError})`, mismatches: [] };
    const startMs = performance.now() - started;
    const body = JSON.stringify({ rows: options.rows });
    const first = await post(`${options.baseUrl}/predict`, body);
    if (first.status !== 200)
        return { ok: false, problem: `/predict answered ${first.status}: ${first.text.slice(0, 300)}`, startMs, mismatches: [] };
    const predictions = JSON.parse(first.text).predictions;
    if (!Array.isArray(predictions) || predictions.length !== options.rows.length) {
        return { ok: false, problem: `/predict returned ${Array.isArray(predictions) ? predictions.length : 'no'} predictions for ${options.rows.length} rows`, startMs, mismatches: [] };
    }
    const mismatches = [];
    if (options.expected) {
        options.expected.forEach((expected, row) => {
            if (!sameValue(expected, predictions[row]))
                mismatches.push({ row, expected, actual: predictions[row] });
        });
    }
    const times = [];
    for (let i = 0; i < options.requests; i++) {
        const t = performance.now();
        const r = await post(`${options.baseUrl}/predict`, body);
        times.push(performance.now() - t);
        if (r.status !== 200)
            return { ok: false, problem: `/predict answered ${r.status} on request ${i + 2}`, startMs, predictions, mismatches };
    }
    times.sort((a, b) => a - b);
    const quantile = (q) => (times.length === 0 ? 0 : times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
    const latency = { p50: quantile(0.5), p99: quantile(0.99), max: times.at(-1) ?? 0, requests: times.length };
    return {
        ok: mismatches.length === 0,
        problem: mismatches.length > 0 ? `${mismatches.length} of ${options.rows.length} predictions differ from the package's expected output` : undefined,
        startMs,
        predictions,
        mismatches,
        latency,
    };
}
async function post(url, body) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
    return { status: response.status, text: await response.text() };
}
/** Equal, with numbers equal to 1e-9 relative (floating point differs between builds of numpy). */
function sameValue(a, b) {
    if (typeof a === 'number' && typeof b === 'number')
        return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
    return JSON.stringify(a) === JSON.stringify(b);
}
/** The predictions of an expected-output file: a list, or {"predictions": [...]}. */
function expectedPredictions(json) {
    if (Array.isArray(json))
        return json;
    const p = json?.predictions;
    return Array.isArray(p) ? p : undefined;
}
/** Rows of an input example: a list of objects, {"rows": [...]}, {"instances": [...]}, CSV or JSON Lines text. */
function exampleRows(text, fileName) {
    if (/\.(csv|tsv)$/i.test(fileName)) {
        const [header, ...records] = (0,_packaging_signature_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCsv */ .Wk)(text.replace(/^\uFEFF/, ''), fileName, /\.tsv$/i.test(fileName) ? '\t' : ',');
        if (!header)
            return [];
        return records.map((r) => Object.fromEntries(header.fields.map((c, i) => [c, r.quoted[i] ? (r.fields[i] ?? '') : csvValue(r.fields[i] ?? '')])));
    }
    if (/\.jsonl$/i.test(fileName))
        return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
    const json = JSON.parse(text);
    if (Array.isArray(json))
        return json;
    const obj = json;
    for (const key of ['rows', 'instances', 'inputs'])
        if (Array.isArray(obj[key]))
            return obj[key];
    return [json];
}
function csvValue(cell) {
    const t = cell.trim();
    if (t === '')
        return null;
    if (t === 'true' || t === 'false')
        return t === 'true';
    const n = Number(t);
    return Number.isFinite(n) && /^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(t) ? n : t;
}
/** The rows of a package's input example and its expected predictions, read from the package folder. */
async function packageExamples(packageDir, manifest) {
    const example = manifest.examples?.input;
    const rows = example ? exampleRows(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(packageDir, example), 'utf8'), example) : [];
    const expected = manifest.examples?.output ? expectedPredictions(JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(packageDir, manifest.examples.output), 'utf8'))) : undefined;
    return { rows, expected };
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

/***/ 4924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File),
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
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
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let size = 0;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 })
            .on('data', (chunk) => {
            size += chunk.length;
            hash.update(chunk);
        })
            .on('error', reject)
            .on('end', () => resolve({ sha256: hash.digest('hex'), size }));
    });
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
