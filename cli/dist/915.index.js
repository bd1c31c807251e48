export const id = 915;
export const ids = [915];
export const modules = {

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

/***/ 9915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openVerifiedPackage: () => (/* binding */ openVerifiedPackage),
  packageModel: () => (/* binding */ packageModel),
  readPackageManifest: () => (/* binding */ readPackageManifest),
  verifyBundle: () => (/* binding */ verifyBundle)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./src/eval/metrics-file.ts
var metrics_file = __webpack_require__(5546);
// EXTERNAL MODULE: ./src/platform/config-file.ts
var config_file = __webpack_require__(5892);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/platform/files.ts
var platform_files = __webpack_require__(4924);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/packaging/collect.ts







const WILDCARD = /[*?[\]{}]/;
/**
 * Each entry of `patterns` (one per line): a file goes to `<prefix>/<its name>`, a folder to
 * `<prefix>/<its name>/...` with everything under it, a glob's matches to `<prefix>/<their path
 * below the glob's fixed part>`. Two entries that land on one bundle path are an error.
 */
async function collectFiles(collector, patterns, prefix, inputName) {
    const out = [];
    for (const pattern of patterns) {
        if (WILDCARD.test(pattern)) {
            const base = globBase(pattern);
            const baseAbsolute = await insideWorkspace(collector.root, base === '' ? '.' : base, inputName);
            const matched = await collector.glob(pattern);
            if (matched.length === 0)
                throw new errors/* ConfigurationError */.j1(`${inputName}: no file matches ${pattern}`, { hint: 'Paths and globs are relative to the workspace; check the step that writes the model ran before this one.' });
            for (const file of matched) {
                const source = await insideWorkspace(collector.root, external_node_path_default().relative(collector.root, file), inputName);
                const rel = toPosix(external_node_path_default().relative(baseAbsolute, file));
                out.push(await describe(collector.root, source, file, `${prefix}/${rel}`));
            }
            continue;
        }
        const source = await insideWorkspace(collector.root, pattern, inputName);
        const info = await (0,promises_.stat)(source);
        const name = external_node_path_default().basename(external_node_path_default().resolve(collector.root, pattern));
        if (info.isDirectory()) {
            const files = await walk(collector.root, external_node_path_default().resolve(collector.root, pattern), inputName);
            if (files.length === 0)
                throw new errors/* ConfigurationError */.j1(`${inputName}: the folder ${pattern} is empty`, { hint: 'Point it at the folder the training step wrote the model into, after that step.' });
            for (const file of files)
                out.push(await describe(collector.root, file.source, file.given, `${prefix}/${name}/${toPosix(external_node_path_default().relative(external_node_path_default().resolve(collector.root, pattern), file.given))}`));
        }
        else if (info.isFile()) {
            out.push(await describe(collector.root, source, external_node_path_default().resolve(collector.root, pattern), `${prefix}/${name}`));
        }
        else {
            throw new errors/* ConfigurationError */.j1(`${inputName}: ${pattern} is not a regular file or a folder`, { hint: 'Package files and folders only.' });
        }
    }
    const seen = new Map();
    for (const f of out) {
        const other = seen.get(f.bundlePath);
        if (other !== undefined && other !== f.display) {
            throw new errors/* ConfigurationError */.j1(`${inputName}: ${other} and ${f.display} would both be ${f.bundlePath} in the package`, { hint: 'Rename one, or give their common folder instead.' });
        }
        seen.set(f.bundlePath, f.display);
    }
    return out.filter((f, i) => out.findIndex((g) => g.bundlePath === f.bundlePath) === i);
}
/**
 * The absolute, link-free path of a user path, which must exist and stay inside the workspace. A
 * `..` that climbs out, an absolute path elsewhere, or a symbolic link that points out is refused.
 */
async function insideWorkspace(root, userPath, inputName) {
    const rootReal = await (0,promises_.realpath)(root);
    const absolute = external_node_path_default().resolve(root, userPath);
    if (!isInside(external_node_path_default().resolve(root), absolute)) {
        throw new errors/* ConfigurationError */.j1(`${inputName}: ${userPath} is outside the workspace`, { hint: 'Package only files of the repository or written by earlier steps into it: no `..` above it, no absolute paths elsewhere.' });
    }
    let real;
    try {
        real = await (0,promises_.realpath)(absolute);
    }
    catch {
        const dangling = await (0,promises_.lstat)(absolute).then((s) => s.isSymbolicLink(), () => false);
        throw new errors/* ConfigurationError */.j1(dangling ? `${inputName}: ${userPath} is a symbolic link to nothing` : `${inputName}: file not found: ${userPath}`, {
            hint: 'Paths are relative to the workspace; check the spelling or the step that should have written it.',
        });
    }
    if (!isInside(rootReal, real)) {
        throw new errors/* ConfigurationError */.j1(`${inputName}: ${userPath} is a symbolic link to ${real}, outside the workspace`, { hint: 'Copy the file into the workspace instead of linking to it.' });
    }
    return real;
}
async function walk(root, dir, inputName) {
    const out = [];
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const full = external_node_path_default().join(dir, entry.name);
        const real = await insideWorkspace(root, external_node_path_default().relative(root, full), inputName);
        const info = await (0,promises_.stat)(real);
        if (info.isDirectory()) {
            if (entry.isSymbolicLink())
                throw new errors/* ConfigurationError */.j1(`${inputName}: ${toPosix(external_node_path_default().relative(root, full))} is a symbolic link to a folder`, { hint: 'Replace it by the folder itself.' });
            out.push(...(await walk(root, full, inputName)));
        }
        else if (info.isFile()) {
            out.push({ source: real, given: full });
        }
    }
    return out;
}
async function describe(root, source, given, bundlePath) {
    const info = await (0,promises_.stat)(source);
    return { source, bundlePath, display: toPosix(external_node_path_default().relative(root, given)), executable: (info.mode & 0o111) !== 0 };
}
/** The part of a glob before its first wildcard segment. */
function globBase(pattern) {
    const parts = pattern.split('/');
    const fixed = [];
    for (const part of parts) {
        if (WILDCARD.test(part))
            break;
        fixed.push(part);
    }
    return fixed.join('/');
}
function isInside(parent, child) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
function toPosix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}
/** Copies a file while hashing it: one read. */
async function copyWithHash(source, target) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(target), { recursive: true });
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const tap = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            size += chunk.length;
            callback(null, chunk);
        },
    });
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(source, { highWaterMark: 4 << 20 }), tap, (0,external_node_fs_.createWriteStream)(target));
    return { sha256: hash.digest('hex'), size };
}

// EXTERNAL MODULE: ./src/packaging/formats.ts
var packaging_formats = __webpack_require__(7131);
// EXTERNAL MODULE: ./src/packaging/manifest.ts
var packaging_manifest = __webpack_require__(3113);
;// CONCATENATED MODULE: ./src/packaging/model-card.ts


const PLACEHOLDERS = [
    'name',
    'version',
    'description',
    'intended_use',
    'limitations',
    'provenance',
    'evaluation',
    'metrics_table',
    'params_table',
    'data_table',
    'signature_table',
    'formats_table',
    'files_table',
    'environment',
];
const VERDICT_ICON = { pass: '✅', fail: '❌', inconclusive: '⚠️', error: '💥' };
function renderModelCard(manifest, options = {}) {
    const sections = renderSections(manifest);
    if (options.template !== undefined)
        return fillTemplate(options.template, options.templateName ?? 'model card template', sections);
    const risky = manifest.formats.filter((f) => f.runsCodeOnLoad).sort((a, b) => (0,packaging_manifest.comparePaths)(a.path, b.path));
    const parts = [`# ${manifest.name} ${manifest.version}`];
    if (manifest.description)
        parts.push(manifest.description.trim());
    if (risky.length > 0) {
        parts.push([
            '> [!WARNING]',
            '> ⚠️ **Loading this model runs code.** Only load packages you trust.',
            ...risky.map((f) => `> - ${code(f.path)} is ${f.format}: loading it can run arbitrary code.`),
        ].join('\n'));
    }
    parts.push(`## Intended use\n\n${sections.intended_use}`, `## Limitations\n\n${sections.limitations}`, `## Provenance\n\n${sections.provenance}`, `## Evaluation\n\n${sections.evaluation}`, `## Metrics\n\n${sections.metrics_table}`, `## Parameters\n\n${sections.params_table}`, `## Data\n\n${sections.data_table}`, `## Signature\n\n${sections.signature_table}`, `## Formats\n\n${sections.formats_table}`, `## Files\n\n${sections.files_table}`, `## Environment\n\n${sections.environment}`);
    return `${parts.join('\n\n')}\n`;
}
function renderSections(m) {
    return {
        name: m.name,
        version: m.version,
        description: m.description?.trim() ?? '',
        intended_use: m.intendedUse?.trim() || 'Not stated: set intended-use.',
        limitations: m.limitations?.trim() || 'Not stated: set limitations.',
        provenance: provenance(m),
        evaluation: evaluation(m),
        metrics_table: metricsTable(m),
        params_table: paramsTable(m),
        data_table: dataTable(m),
        signature_table: signatureTable(m),
        formats_table: formatsTable(m),
        files_table: filesTable(m),
        environment: environment(m),
    };
}
function provenance(m) {
    const c = m.createdFrom;
    const rows = [];
    if (c.repository)
        rows.push(['Repository', escapeCell(c.repository)]);
    if (c.commit)
        rows.push(['Commit', code(c.commit)]);
    if (c.ref)
        rows.push(['Ref', code(c.ref)]);
    if (c.workflow)
        rows.push(['Workflow', escapeCell(c.workflow)]);
    if (c.runUrl)
        rows.push(['Run', escapeCell(c.runUrl)]);
    return rows.length === 0 ? 'Not recorded.' : table(['', ''], rows);
}
function evaluation(m) {
    const e = m.evaluation;
    if (!e)
        return 'No evaluation report: set evaluation-report to the report of evaluate-metrics-gate.';
    const headline = e.headline ? ` ${e.headline.trim()}` : '';
    return `${VERDICT_ICON[e.verdict] ?? ''} **${e.verdict}**:${headline}\n\nReport: ${code(e.reportPath)} (sha256 ${code(e.reportSha256.slice(0, 12))})`;
}
function metricsTable(m) {
    const names = Object.keys(m.metrics).sort(packaging_manifest.comparePaths);
    if (names.length === 0)
        return 'No metrics recorded: set metrics.';
    return table(['metric', 'value'], names.map((n) => [escapeCell(n), formatNumber(m.metrics[n])]));
}
function paramsTable(m) {
    const names = Object.keys(m.params).sort(packaging_manifest.comparePaths);
    if (names.length === 0)
        return 'No parameters recorded: set params.';
    return table(['parameter', 'value'], names.map((n) => {
        const v = m.params[n];
        return [escapeCell(n), typeof v === 'string' ? escapeCell(v) : typeof v === 'number' ? formatNumber(v) : code(stableJson(v))];
    }));
}
function dataTable(m) {
    if (m.data.length === 0)
        return 'No data profile recorded: set data-profile to a validate-data profile or report.';
    const rows = [...m.data]
        .sort((a, b) => (0,packaging_manifest.comparePaths)(a.source, b.source))
        .map((d) => [code(d.source), d.kind, d.rows === undefined ? '—' : groupDigits(d.rows), d.columns === undefined ? '—' : String(d.columns.length), d.files === undefined ? '—' : escapeCell(d.files.join(', ')), code(d.sha256.slice(0, 12))]);
    return table(['source', 'kind', 'rows', 'columns', 'data files', 'sha256'], rows);
}
function signatureTable(m) {
    const s = m.signature;
    if (!s)
        return 'No signature: set signature, or input-example to infer one.';
    const row = (direction, f) => [direction, code(f.name), f.type, f.shape ? code(`[${f.shape.join(', ')}]`) : '—', f.dtype ? escapeCell(f.dtype) : '—', f.nullable ? 'yes' : 'no'];
    const rows = [...s.inputs.map((f) => row('input', f)), ...(s.outputs ?? []).map((f) => row('output', f))];
    const origin = s.source === 'inferred' ? 'Inferred from the input example: check the types before relying on them.' : 'Given in the signature file.';
    return `${table(['', 'name', 'type', 'shape', 'dtype', 'nullable'], rows)}\n\n${origin}`;
}
function formatsTable(m) {
    if (m.formats.length === 0)
        return 'No model format recognized.';
    const rows = [...m.formats]
        .sort((a, b) => (0,packaging_manifest.comparePaths)(a.path, b.path))
        .map((f) => [code(f.path), f.format, f.runsCodeOnLoad ? '⚠️ yes' : 'no', f.note ? escapeCell(f.note) : '']);
    return table(['path', 'format', 'runs code on load', 'note'], rows);
}
function filesTable(m) {
    if (m.files.length === 0)
        return 'No files.';
    const rows = [...m.files].sort((a, b) => (0,packaging_manifest.comparePaths)(a.path, b.path)).map((f) => [code(f.path), f.role, formatBytes(f.size), code(f.sha256.slice(0, 12))]);
    const total = m.files.reduce((sum, f) => sum + f.size, 0);
    return `${table(['path', 'role', 'size', 'sha256'], rows)}\n\n${groupDigits(m.files.length)} file${m.files.length === 1 ? '' : 's'}, ${formatBytes(total)}. Full hashes are in model-manifest.json.`;
}
function environment(m) {
    const parts = [m.environment.python ? `Python ${escapeCell(m.environment.python)}` : 'Python version not stated: set python-version.'];
    const files = [...m.environment.requirements].sort((a, b) => (0,packaging_manifest.comparePaths)(a.path, b.path));
    if (files.length === 0) {
        parts.push('No requirements file: set requirements.');
        return parts.join('\n\n');
    }
    parts.push(table(['requirements file', 'packages', 'sha256'], files.map((r) => [code(r.path), groupDigits(r.packages.length), code(r.sha256.slice(0, 12))])));
    for (const r of files) {
        if (r.packages.length === 0)
            continue;
        const list = [...r.packages].sort(packaging_manifest.comparePaths).map((p) => `- ${code(p)}`);
        parts.push(`<details><summary>${escapeHtml(r.path)}: ${groupDigits(r.packages.length)} package${r.packages.length === 1 ? '' : 's'}</summary>\n\n${list.join('\n')}\n\n</details>`);
    }
    return parts.join('\n\n');
}
const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;
function fillTemplate(template, templateName, sections) {
    const known = new Set(PLACEHOLDERS);
    const lines = template.split('\n');
    for (let i = 0; i < lines.length; i++) {
        for (const match of lines[i].matchAll(PLACEHOLDER)) {
            if (!known.has(match[1])) {
                throw new errors/* ConfigurationError */.j1(`model card template: unknown placeholder {{${match[1]}}}`, {
                    file: templateName,
                    line: i + 1,
                    column: match.index + 1,
                    hint: `Known placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
                });
            }
        }
    }
    // One pass over the template: text a placeholder brings in is never read as a placeholder.
    const out = template.replace(PLACEHOLDER, (_all, name) => sections[name]);
    return out.endsWith('\n') ? out : `${out}\n`;
}
function table(header, rows) {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
/** Text in a table cell: no HTML, no column break, no line break. */
function escapeCell(text) {
    return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function escapeHtml(text) {
    return text.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}
/** A code span that holds any text, a pipe included. */
function code(text) {
    const oneLine = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
    const fence = oneLine.includes('`') ? '``' : '`';
    const pad = fence.length > 1 || oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${oneLine}${pad}${fence}`;
}
function formatNumber(v) {
    return Number.isInteger(v) ? groupDigits(v) : String(Number(v.toPrecision(6)));
}
function groupDigits(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
function stableJson(value) {
    return JSON.stringify(value, (_key, v) => v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (0,packaging_manifest.comparePaths)(a, b)))
        : v) ?? 'null';
}

// EXTERNAL MODULE: ./src/packaging/signature.ts
var packaging_signature = __webpack_require__(2253);
// EXTERNAL MODULE: ./src/packaging/tar.ts
var tar = __webpack_require__(2892);
;// CONCATENATED MODULE: ./src/packaging/package.ts













async function packageModel(options) {
    const { collector } = options;
    const root = collector.root;
    const one = async (value, inputName, folder) => value ? (await collectFiles(collector, [value], folder, inputName))[0] : undefined;
    const model = await collectFiles(collector, options.model, 'model', 'model');
    const extra = await collectFiles(collector, options.extra, 'extra', 'extra-files');
    const requirements = await collectFiles(collector, options.requirements, 'requirements', 'requirements');
    const data = await collectFiles(collector, options.data, 'metadata/data', 'data-profile');
    const metricsFile = await one(options.metrics, 'metrics', 'metadata');
    const paramsFile = await one(options.params, 'params', 'metadata');
    const signatureFile = await one(options.signature, 'signature', 'metadata');
    const exampleFile = await one(options.inputExample, 'input-example', 'metadata');
    const expectedFile = await one(options.outputExample, 'output-example', 'metadata');
    if (expectedFile && !exampleFile)
        throw new errors/* ConfigurationError */.j1('input output-example needs input-example', { hint: 'The expected output is of the input example: give both.' });
    if (expectedFile) {
        try {
            JSON.parse(await (0,promises_.readFile)(expectedFile.source, 'utf8'));
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`the output example is not JSON: ${error.message}`, { file: expectedFile.display, hint: 'Write the predictions for the input example as JSON, e.g. {"predictions": [0, 1]}.' });
        }
    }
    const evaluationFile = await one(options.evaluation, 'evaluation-report', 'metadata/evaluation');
    const templateSource = options.modelCardTemplate ? await insideWorkspace(root, options.modelCardTemplate, 'model-card-template') : undefined;
    // Read and check every descriptive input before anything is written.
    const metrics = metricsFile ? await (0,metrics_file/* readMetricsFile */._)(metricsFile.source, metricsFile.display) : {};
    const params = paramsFile ? await readParams(paramsFile) : {};
    const signature = signatureFile
        ? (0,packaging_signature/* parseSignatureFile */.Az)(await (0,promises_.readFile)(signatureFile.source, 'utf8'), signatureFile.display)
        : exampleFile
            ? (0,packaging_signature/* inferSignature */.hJ)(await (0,promises_.readFile)(exampleFile.source, 'utf8'), exampleFile.display)
            : undefined;
    const dataEntries = [];
    for (const file of data) {
        const fingerprint = await (0,packaging_manifest.readDataFingerprint)(file.source, file.display);
        dataEntries.push({ ...fingerprint, source: file.bundlePath, sha256: (await (0,platform_files/* sha256File */.Q)(file.source)).sha256 });
    }
    const evaluation = evaluationFile ? { ...(await (0,packaging_manifest.readEvaluationReport)(evaluationFile.source, evaluationFile.display)), reportPath: evaluationFile.bundlePath, reportSha256: (await (0,platform_files/* sha256File */.Q)(evaluationFile.source)).sha256 } : undefined;
    const requirementEntries = [];
    for (const file of requirements) {
        const text = await (0,promises_.readFile)(file.source, 'utf8');
        requirementEntries.push({ path: file.bundlePath, sha256: (await (0,platform_files/* sha256File */.Q)(file.source)).sha256, packages: /\.(txt|in)$/i.test(file.bundlePath) ? (0,packaging_manifest.parseRequirements)(text) : [] });
    }
    const template = templateSource ? await (0,promises_.readFile)(templateSource, 'utf8') : undefined;
    // Copy into a fresh folder beside the target, hashing each file on the way (one read).
    const all = [...model, ...extra, ...requirements, ...data, ...[metricsFile, paramsFile, signatureFile, exampleFile, expectedFile, evaluationFile].filter((f) => f !== undefined)];
    const clash = findClash(all);
    if (clash)
        throw new errors/* ConfigurationError */.j1(`${clash[0].display} and ${clash[1].display} would both be ${clash[0].bundlePath} in the package`, { hint: 'Rename one of them.' });
    const base = `${options.name}-${options.version}`;
    await (0,promises_.mkdir)(options.outputDir, { recursive: true });
    const staging = await (0,promises_.mkdtemp)(external_node_path_default().join(options.outputDir, `.${base}.partial-`));
    try {
        const files = [];
        const formats = [];
        for (const f of all) {
            const copied = await copyWithHash(f.source, external_node_path_default().join(staging, f.bundlePath));
            files.push({ path: f.bundlePath, size: copied.size, sha256: copied.sha256, role: (0,packaging_manifest.roleOfPath)(f.bundlePath) });
        }
        for (const entry of await modelEntries(model, staging)) {
            const detected = (0,packaging_formats/* detectFormat */.Tz)(entry.path, entry.head, entry.isDirectory, entry.listing);
            if (detected.format !== 'unknown' || !entry.isDirectory)
                formats.push({ path: entry.path, ...detected });
        }
        const manifest = {
            schemaVersion: packaging_manifest.MANIFEST_SCHEMA_VERSION,
            kind: 'mlops-actions/model-package',
            name: options.name,
            version: options.version,
            createdFrom: options.createdFrom,
            files,
            formats,
            ...(signature ? { signature } : {}),
            ...(exampleFile ? { examples: { input: exampleFile.bundlePath, ...(expectedFile ? { output: expectedFile.bundlePath } : {}) } } : {}),
            metrics,
            params,
            data: dataEntries,
            ...(evaluation ? { evaluation } : {}),
            environment: { ...(options.pythonVersion ? { python: options.pythonVersion } : {}), requirements: requirementEntries },
            ...(options.description ? { description: options.description } : {}),
            ...(options.intendedUse ? { intendedUse: options.intendedUse } : {}),
            ...(options.limitations ? { limitations: options.limitations } : {}),
        };
        // The card describes the manifest's files; the manifest then lists the card too.
        const card = renderModelCard(manifest, { template, templateName: options.modelCardTemplate });
        await (0,promises_.writeFile)(external_node_path_default().join(staging, packaging_manifest.CARD_FILE), card);
        const cardHash = await (0,platform_files/* sha256File */.Q)(external_node_path_default().join(staging, packaging_manifest.CARD_FILE));
        manifest.files.push({ path: packaging_manifest.CARD_FILE, size: cardHash.size, sha256: cardHash.sha256, role: 'card' });
        manifest.files.sort((a, b) => (0,packaging_manifest.comparePaths)(a.path, b.path));
        const manifestText = (0,packaging_manifest.serializeManifest)(manifest);
        await (0,promises_.writeFile)(external_node_path_default().join(staging, packaging_manifest.MANIFEST_FILE), manifestText);
        const entries = [...all.map((f) => ({ name: f.bundlePath, source: external_node_path_default().join(staging, f.bundlePath), executable: f.executable })), { name: packaging_manifest.CARD_FILE, source: external_node_path_default().join(staging, packaging_manifest.CARD_FILE) }, { name: packaging_manifest.MANIFEST_FILE, source: external_node_path_default().join(staging, packaging_manifest.MANIFEST_FILE) }];
        const archive = external_node_path_default().join(options.outputDir, `${base}.tar.gz`);
        const result = await (0,tar/* writeDeterministicTarGz */.K4)(entries, archive, { level: options.compressionLevel });
        // The archive read the staged copies: any difference from the first read means a file changed.
        const expected = new Map(manifest.files.map((f) => [f.path, f.sha256]));
        for (const f of result.files) {
            if (expected.has(f.name) && expected.get(f.name) !== f.sha256)
                throw new Error(`${f.name} changed while it was being packaged`);
        }
        const bundleDir = external_node_path_default().join(options.outputDir, base);
        await (0,promises_.rm)(bundleDir, { recursive: true, force: true });
        await (0,promises_.rename)(staging, bundleDir);
        return { bundleDir, archive, archiveSha256: result.archiveSha256, archiveBytes: result.archiveBytes, tarSha256: result.tarSha256, manifest };
    }
    catch (error) {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
        throw error;
    }
}
function findClash(files) {
    const seen = new Map();
    for (const f of files) {
        const other = seen.get(f.bundlePath);
        if (other && other.source !== f.source)
            return [other, f];
        seen.set(f.bundlePath, f);
    }
    return undefined;
}
/** Each packaged model file, and each folder of one, with the first bytes of files for detection. */
async function modelEntries(model, staging) {
    const out = [];
    const folders = new Map();
    for (const f of model) {
        const parts = f.bundlePath.split('/');
        for (let i = 2; i < parts.length; i++) {
            const folder = parts.slice(0, i).join('/');
            const list = folders.get(folder) ?? [];
            list.push(parts.slice(i).join('/'));
            folders.set(folder, list);
        }
        const handle = await (0,promises_.open)(external_node_path_default().join(staging, f.bundlePath), 'r');
        try {
            const head = Buffer.alloc(4096);
            const { bytesRead } = await handle.read(head, 0, head.length, 0);
            out.push({ path: f.bundlePath, head: head.subarray(0, bytesRead), isDirectory: false });
        }
        finally {
            await handle.close();
        }
    }
    for (const [folder, listing] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1)))
        out.push({ path: folder, head: Buffer.alloc(0), isDirectory: true, listing });
    return out;
}
async function readParams(file) {
    const text = await (0,promises_.readFile)(file.source, 'utf8');
    return (0,config_file/* parseConfigText */.B)(text, file.display, schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()), 'params file').value;
}
/**
 * Re-hashes every file of a bundle (its folder or its .tar.gz) against its manifest: a file whose
 * bytes differ, a listed file that is missing, and a file the manifest does not list are problems.
 */
async function verifyBundle(bundle, display, scratch) {
    const info = await (0,promises_.stat)(bundle).catch(() => undefined);
    if (!info)
        throw new errors/* ConfigurationError */.j1('bundle not found', { file: display, hint: 'Give the package folder or its .tar.gz (package-path of package-model).' });
    if (info.isFile()) {
        const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(scratch, 'verify-'));
        try {
            try {
                await (0,tar/* extractTarGz */.Ce)(bundle, dir);
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1(`cannot read the bundle archive: ${error instanceof Error ? error.message : String(error)}`, { file: display, hint: 'Give a .tar.gz written by package-model, or the package folder.' });
            }
            const result = await verifyFolder(dir, display);
            return { ...result, archiveSha256: (await (0,platform_files/* sha256File */.Q)(bundle)).sha256 };
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    return verifyFolder(bundle, display);
}
/**
 * A package to read from: verified against its manifest (a changed, missing or extra file is a
 * configuration error naming it, with `hint` saying what to use instead), and extracted into
 * `scratch` when it is a .tar.gz.
 */
async function openVerifiedPackage(bundle, display, scratch, hint) {
    const verified = await verifyBundle(bundle, display, scratch);
    if (verified.problems.length > 0) {
        const p = verified.problems[0];
        throw new errors/* ConfigurationError */.j1(`the package fails verify: ${p.path} is ${p.kind === 'mismatch' ? 'changed' : p.kind}${verified.problems.length > 1 ? ` (and ${verified.problems.length - 1} more)` : ''}`, {
            file: display,
            hint: `${hint}; run package-model with mode: verify to see every problem.`,
        });
    }
    if (!verified.archiveSha256)
        return { dir: bundle, manifest: verified.manifest };
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(scratch, 'package-'));
    await (0,tar/* extractTarGz */.Ce)(bundle, dir);
    return { dir, manifest: verified.manifest, archiveSha256: verified.archiveSha256 };
}
async function verifyFolder(dir, display) {
    const manifestPath = external_node_path_default().join(dir, packaging_manifest.MANIFEST_FILE);
    const text = await (0,promises_.readFile)(manifestPath, 'utf8').catch(() => undefined);
    if (text === undefined)
        throw new errors/* ConfigurationError */.j1(`the bundle has no ${packaging_manifest.MANIFEST_FILE}`, { file: display, hint: 'Give a folder or .tar.gz written by package-model.' });
    const manifest = (0,packaging_manifest.parseManifest)(text, `${display}/${packaging_manifest.MANIFEST_FILE}`);
    const present = new Set((await listAll(dir)).filter((p) => p !== packaging_manifest.MANIFEST_FILE));
    const problems = [];
    for (const f of manifest.files) {
        if (!present.has(f.path)) {
            problems.push({ kind: 'missing', path: f.path, expected: f.sha256 });
            continue;
        }
        present.delete(f.path);
        const actual = await (0,platform_files/* sha256File */.Q)(external_node_path_default().join(dir, f.path));
        if (actual.sha256 !== f.sha256 || actual.size !== f.size)
            problems.push({ kind: 'mismatch', path: f.path, expected: f.sha256, actual: actual.sha256 });
    }
    for (const p of [...present].sort())
        problems.push({ kind: 'extra', path: p });
    return { manifest, problems, checked: manifest.files.length };
}
async function listAll(dir, prefix = '') {
    const out = [];
    for (const entry of await (0,promises_.readdir)(external_node_path_default().join(dir, prefix), { withFileTypes: true })) {
        const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory())
            out.push(...(await listAll(dir, rel)));
        else
            out.push(toPosix(rel));
    }
    return out;
}
/** A previous package's manifest: from its folder, its .tar.gz, or the manifest file itself. */
async function readPackageManifest(source, display, scratch) {
    const info = await (0,promises_.stat)(source).catch(() => undefined);
    if (!info)
        throw new errors/* ConfigurationError */.j1('previous package not found', { file: display, hint: 'Give its folder, its .tar.gz, its model-manifest.json, or the name of its artifact.' });
    if (info.isDirectory())
        return (0,packaging_manifest.parseManifest)(await (0,promises_.readFile)(external_node_path_default().join(source, packaging_manifest.MANIFEST_FILE), 'utf8').catch(() => '{}'), `${display}/${packaging_manifest.MANIFEST_FILE}`);
    if (/\.json$/i.test(source))
        return (0,packaging_manifest.parseManifest)(await (0,promises_.readFile)(source, 'utf8'), display);
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(scratch, 'previous-'));
    try {
        await (0,tar/* extractTarGz */.Ce)(source, dir);
        return (0,packaging_manifest.parseManifest)(await (0,promises_.readFile)(external_node_path_default().join(dir, packaging_manifest.MANIFEST_FILE), 'utf8').catch(() => '{}'), `${display}/${packaging_manifest.MANIFEST_FILE}`);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 2892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ extractTarGz),
/* harmony export */   K4: () => (/* binding */ writeDeterministicTarGz)
/* harmony export */ });
/* unused harmony exports DEFAULT_TAR_MTIME, DEFAULT_GZIP_LEVEL, listTarGz */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_6__);







const DEFAULT_TAR_MTIME = 315_532_800;
const DEFAULT_GZIP_LEVEL = 6;
const BLOCK = 512;
/** GNU tar and Python pad archives to records of 20 blocks; doing the same surprises no reader. */
const RECORD = 20 * BLOCK;
const READ_CHUNK = 4 << 20;
const ZLIB_CHUNK = 1 << 20;
const GZIP_OS_UNKNOWN = 255;
const MAX_OCTAL_12 = 8 ** 11 - 1;
const PAX_HEADER_NAME = Buffer.from('././@PaxHeader');
const USTAR_MAGIC = Buffer.from('ustar\u000000', 'latin1');
/** Extended headers are held in memory; a real one is a few hundred bytes. */
const MAX_EXTENDED_HEADER = 1 << 20;
/**
 * Writes entries (sorted by the byte order of their UTF-8 names; duplicates refused) as a gzip'd
 * tar to outFile, through `${outFile}.<pid>.tmp` and a rename, so nothing half-written is left on
 * error. Every parent folder gets its own entry (mode 0755), sorted together with the files. Each
 * file is read once: its sha256, the tar stream's and the compressed output's are computed as the
 * bytes pass, while zlib compresses on its thread pool.
 */
async function writeDeterministicTarGz(entries, outFile, options = {}) {
    const level = options.level ?? DEFAULT_GZIP_LEVEL;
    const mtime = options.mtime ?? DEFAULT_TAR_MTIME;
    if (!Number.isInteger(level) || level < 0 || level > 9)
        throw new Error(`gzip level must be an integer from 0 to 9, got ${level}`);
    if (!Number.isInteger(mtime) || mtime < 0 || mtime > MAX_OCTAL_12)
        throw new Error(`tar mtime must be a whole number of seconds from 0 to ${MAX_OCTAL_12}, got ${mtime}`);
    const planned = planEntries(entries);
    for (const entry of planned) {
        if (entry.source === undefined)
            continue;
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(entry.source).catch((error) => {
            throw new Error(`archive entry ${entry.name}: cannot read ${entry.source}: ${errorMessage(error)}`);
        });
        if (!info.isFile())
            throw new Error(`archive entry ${entry.name}: ${entry.source} is not a regular file`);
    }
    const temporary = `${outFile}.${process.pid}.tmp`;
    const tarHash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const files = [];
    const output = new GzipOutputTap();
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from(tarStream(planned, mtime, tarHash, files), { objectMode: false, highWaterMark: READ_CHUNK }), (0,node_zlib__WEBPACK_IMPORTED_MODULE_6__.createGzip)({ level, chunkSize: ZLIB_CHUNK }), output, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temporary));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, outFile);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temporary).catch(() => undefined);
        throw error;
    }
    return { archiveSha256: output.hash.digest('hex'), archiveBytes: output.bytes, tarSha256: tarHash.digest('hex'), files };
}
function planEntries(entries) {
    const files = new Map();
    for (const entry of entries) {
        checkEntryName(entry.name);
        if (files.has(entry.name))
            throw new Error(`duplicate archive entry name: ${entry.name}`);
        files.set(entry.name, entry);
    }
    const folders = new Set();
    for (const name of files.keys()) {
        for (let slash = name.indexOf('/'); slash !== -1; slash = name.indexOf('/', slash + 1))
            folders.add(name.slice(0, slash));
    }
    const planned = [];
    for (const folder of folders) {
        if (files.has(folder))
            throw new Error(`archive entry name ${folder} is both a file and a folder`);
        planned.push({ name: folder, nameBytes: Buffer.from(folder, 'utf8'), mode: 0o755 });
    }
    for (const entry of files.values()) {
        planned.push({ name: entry.name, nameBytes: Buffer.from(entry.name, 'utf8'), source: entry.source, mode: entry.executable ? 0o755 : 0o644 });
    }
    // A name sorts before every name it is a prefix of, so each folder precedes its content.
    return planned.sort((a, b) => Buffer.compare(a.nameBytes, b.nameBytes));
}
function checkEntryName(name) {
    let problem;
    if (name === '')
        problem = 'is empty';
    else if (name.startsWith('/'))
        problem = 'is absolute';
    else if (name.includes('\\'))
        problem = 'contains a backslash (use /)';
    else if (name.includes('\u0000'))
        problem = 'contains a NUL character';
    else if (Buffer.from(name, 'utf8').toString('utf8') !== name)
        problem = 'is not valid Unicode';
    else if (name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..'))
        problem = "has an empty, '.' or '..' segment";
    if (problem !== undefined)
        throw new Error(`archive entry name ${JSON.stringify(name)} ${problem}`);
}
async function* tarStream(planned, mtime, tarHash, files) {
    let written = 0;
    const emit = (bytes) => {
        tarHash.update(bytes);
        written += bytes.length;
        return bytes;
    };
    for (const entry of planned) {
        if (entry.source === undefined) {
            yield emit(entryHeaders(Buffer.concat([entry.nameBytes, Buffer.from('/')]), '5', 0o755, 0, mtime));
            continue;
        }
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(entry.source, 'r');
        try {
            // The size in the header is the one at open time; a file that changes after it is refused.
            const info = await handle.stat();
            if (!info.isFile())
                throw new Error(`archive entry ${entry.name}: ${entry.source} is not a regular file`);
            const size = info.size;
            yield emit(entryHeaders(entry.nameBytes, '0', entry.mode, size, mtime));
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            let read = 0;
            for (;;) {
                // One byte more than expected, so growth shows without a read of a whole empty chunk.
                const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, size - read + 1));
                const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
                if (bytesRead === 0)
                    break;
                read += bytesRead;
                if (read > size)
                    break;
                const chunk = buffer.subarray(0, bytesRead);
                hash.update(chunk);
                yield emit(chunk);
            }
            if (read !== size) {
                throw new Error(`archive entry ${entry.name}: ${entry.source} changed size while it was being archived (${size} bytes at open, ${read > size ? 'more' : read} read)`);
            }
            const padding = paddingOf(size);
            if (padding > 0)
                yield emit(Buffer.alloc(padding));
            files.push({ name: entry.name, size, sha256: hash.digest('hex') });
        }
        finally {
            await handle.close();
        }
    }
    // Two zero blocks end the archive; the rest of the last record is zeros too.
    const end = written + 2 * BLOCK;
    yield emit(Buffer.alloc(2 * BLOCK + ((RECORD - (end % RECORD)) % RECORD)));
}
function paddingOf(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
/** The header block(s) of one entry: a PAX header first when ustar cannot hold name or size. */
function entryHeaders(nameBytes, typeflag, mode, size, mtime) {
    const records = [];
    let layout = ustarLayout(nameBytes);
    if (layout === undefined) {
        records.push(paxRecord('path', nameBytes));
        layout = { name: truncateUtf8(nameBytes, 100) };
    }
    if (size > MAX_OCTAL_12)
        records.push(paxRecord('size', Buffer.from(String(size))));
    const header = ustarHeader({ ...layout, mode, size, mtime, typeflag });
    if (records.length === 0)
        return header;
    const data = Buffer.concat(records);
    const paxHeader = ustarHeader({ name: PAX_HEADER_NAME, mode: 0o644, size: data.length, mtime, typeflag: 'x' });
    return Buffer.concat([paxHeader, data, Buffer.alloc(paddingOf(data.length)), header]);
}
/** name alone, or split at a '/' into prefix (≤ 155 bytes) and name (≤ 100); ASCII only. */
function ustarLayout(nameBytes) {
    if (nameBytes.some((byte) => byte >= 0x80))
        return undefined;
    if (nameBytes.length <= 100)
        return { name: nameBytes };
    const slash = nameBytes.indexOf(0x2f, nameBytes.length - 101);
    if (slash <= 0 || slash > 155 || slash === nameBytes.length - 1)
        return undefined;
    return { prefix: nameBytes.subarray(0, slash), name: nameBytes.subarray(slash + 1) };
}
function truncateUtf8(bytes, limit) {
    if (bytes.length <= limit)
        return bytes;
    let end = limit;
    while (end > 0 && (bytes.readUInt8(end) & 0xc0) === 0x80)
        end -= 1;
    return bytes.subarray(0, end);
}
/** "<length> <key>=<value>\n", where length counts its own digits. */
function paxRecord(key, value) {
    const body = Buffer.concat([Buffer.from(` ${key}=`, 'utf8'), value, Buffer.from('\n')]);
    let length = body.length + String(body.length).length;
    if (String(length).length + body.length !== length)
        length = body.length + String(length).length;
    return Buffer.concat([Buffer.from(String(length)), body]);
}
function ustarHeader(fields) {
    const header = Buffer.alloc(BLOCK);
    fields.name.copy(header, 0);
    writeOctal(header, 100, 8, fields.mode);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    if (fields.size > MAX_OCTAL_12)
        writeBase256(header, 124, 12, fields.size);
    else
        writeOctal(header, 124, 12, fields.size);
    writeOctal(header, 136, 12, fields.mtime);
    header.write(fields.typeflag, 156, 1, 'latin1');
    USTAR_MAGIC.copy(header, 257);
    writeOctal(header, 329, 8, 0);
    writeOctal(header, 337, 8, 0);
    fields.prefix?.copy(header, 345);
    header.fill(0x20, 148, 156);
    // Six octal digits, NUL, and the space already there.
    writeOctal(header, 148, 7, checksumOf(header));
    return header;
}
function writeOctal(buffer, offset, width, value) {
    buffer.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, width, 'latin1');
}
/** GNU's encoding for numbers too large for octal, which GNU tar, bsdtar and Python read. */
function writeBase256(buffer, offset, width, value) {
    let rest = value;
    for (let i = offset + width - 1; i > offset; i -= 1) {
        buffer.writeUInt8(rest % 256, i);
        rest = Math.floor(rest / 256);
    }
    buffer.writeUInt8(0x80, offset);
}
function checksumOf(header) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i += 1)
        sum += i >= 148 && i < 156 ? 0x20 : header.readUInt8(i);
    return sum;
}
/** Patches the gzip OS byte, and hashes and counts the compressed bytes on their way to disk. */
class GzipOutputTap extends node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform {
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    bytes = 0;
    _transform(chunk, _encoding, done) {
        if (this.bytes === 0) {
            // FLG 0 means no header CRC over the byte we change, no name and no comment.
            if (chunk.length < 10 || chunk.readUInt16BE(0) !== 0x1f8b || chunk.readUInt8(2) !== 8 || chunk.readUInt8(3) !== 0 || chunk.readUInt32LE(4) !== 0) {
                done(new Error(`zlib wrote an unexpected gzip header: ${chunk.subarray(0, 10).toString('hex')}`));
                return;
            }
            chunk.writeUInt8(GZIP_OS_UNKNOWN, 9);
        }
        this.hash.update(chunk);
        this.bytes += chunk.length;
        done(null, chunk);
    }
}
/**
 * Reads a .tar.gz (streamed, flat memory), hashing every regular file. Understands ustar prefix,
 * PAX 'path'/'linkpath'/'size' records and GNU 'L'/'K' long names. Throws a descriptive Error for
 * a file that is not gzip, a truncated or corrupt stream, a bad header checksum, or an archive
 * without its end-of-archive blocks.
 */
async function listTarGz(file) {
    return readTarGz(file, undefined);
}
/**
 * Extracts the regular files and folders of a .tar.gz into dir (created if missing). Refuses,
 * before writing anything for it, an entry with an absolute name or a '..' segment, a symbolic or
 * hard link, a device, FIFO or other special file, and any path through something in dir that is
 * not a real folder (a symlink left there); the Error names the entry. Files get mode 0755 when the
 * archive gives any execute bit, else 0644, and the archive's mtime. Returns what listTarGz would.
 */
async function extractTarGz(file, dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { recursive: true });
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(dir);
    return readTarGz(file, async ({ entry, typeflag, mtime }) => {
        const refuse = (why) => {
            throw new Error(`${file}: refusing to extract entry ${JSON.stringify(entry.name)}: ${why}`);
        };
        if (entry.name.startsWith('/'))
            refuse('absolute path');
        const segments = entry.name.split('/');
        if (segments.includes('..'))
            refuse("path has a '..' segment");
        if (entry.type === 'symlink')
            refuse(`symbolic link to ${JSON.stringify(entry.linkName ?? '')}`);
        if (entry.type === 'other')
            refuse(describeSpecial(typeflag, entry.linkName));
        const parts = segments.filter((segment) => segment !== '' && segment !== '.');
        if (entry.type === 'directory') {
            await ensureFolder(root, parts, refuse);
            return undefined;
        }
        const base = parts.pop();
        if (base === undefined)
            return refuse('a file named like the target folder itself');
        const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(await ensureFolder(root, parts, refuse), base);
        const existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(target).catch(() => undefined);
        if (existing !== undefined && !existing.isFile())
            refuse(`${target} exists and is not a regular file`);
        const mode = (entry.mode & 0o111) !== 0 ? 0o755 : 0o644;
        // O_NOFOLLOW: a symlink put there between the check and the open still cannot be followed.
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(target, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_TRUNC | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW, mode);
        return fileSink(handle, mode, mtime);
    });
}
function describeSpecial(typeflag, linkName) {
    switch (typeflag) {
        case '1':
            return `hard link to ${JSON.stringify(linkName ?? '')}`;
        case '3':
            return 'character device';
        case '4':
            return 'block device';
        case '6':
            return 'FIFO';
        default:
            return `unsupported entry type ${JSON.stringify(typeflag)}`;
    }
}
/** root/parts as real folders (created as needed); a symlink or file on the way is refused. */
async function ensureFolder(root, parts, refuse) {
    let current = root;
    for (const part of parts) {
        current = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(current, part);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(current).catch((error) => {
            if (isErrnoCode(error, 'ENOENT'))
                return undefined;
            throw error;
        });
        if (info === undefined)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(current, { mode: 0o755 }).catch((error) => {
                if (!isErrnoCode(error, 'EEXIST'))
                    throw error;
            });
        else if (!info.isDirectory())
            refuse(`${current} exists and is not a folder`);
    }
    return current;
}
function fileSink(handle, mode, mtime) {
    return {
        async write(chunk) {
            for (let offset = 0; offset < chunk.length;) {
                const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
                offset += bytesWritten;
            }
        },
        async end(complete) {
            try {
                if (complete) {
                    await handle.chmod(mode);
                    await handle.utimes(mtime, mtime);
                }
            }
            finally {
                await handle.close();
            }
        },
    };
}
async function readTarGz(file, onEntry) {
    await checkGzipMagic(file);
    let listed = [];
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 }), (0,node_zlib__WEBPACK_IMPORTED_MODULE_6__.createGunzip)({ chunkSize: 1 << 18 }), async (source) => {
            listed = await walkTar(file, new TarStreamReader(source[Symbol.asyncIterator](), file), onEntry);
        });
    }
    catch (error) {
        const code = error.code;
        if (code === 'Z_BUF_ERROR')
            throw new Error(`${file}: truncated gzip stream: ${errorMessage(error)}`);
        if (typeof code === 'string' && code.startsWith('Z_'))
            throw new Error(`${file}: corrupt gzip stream: ${errorMessage(error)}`);
        throw error;
    }
    return listed;
}
async function checkGzipMagic(file) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(file, 'r');
    try {
        const head = Buffer.alloc(2);
        const { bytesRead } = await handle.read(head, 0, 2, 0);
        if (bytesRead === 0)
            throw new Error(`${file}: not a gzip file (it is empty)`);
        if (bytesRead < 2 || head.readUInt16BE(0) !== 0x1f8b)
            throw new Error(`${file}: not a gzip file (it starts with 0x${head.subarray(0, bytesRead).toString('hex')}, not 0x1f8b)`);
    }
    finally {
        await handle.close();
    }
}
async function walkTar(file, reader, onEntry) {
    const listed = [];
    let pax = new Map();
    let longName;
    let longLink;
    for (;;) {
        const offset = reader.position;
        const block = await reader.read(BLOCK);
        if (block.length < BLOCK) {
            throw new Error(`${file}: truncated tar archive: it ends at byte ${offset + block.length} of the tar stream without the end-of-archive blocks`);
        }
        if (block.every((byte) => byte === 0))
            break;
        checkHeaderChecksum(file, block, offset);
        const typeflag = block.readUInt8(156) === 0 ? '0' : String.fromCharCode(block.readUInt8(156));
        let size = readNumber(file, block, 124, 12, 'size', offset);
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (size > MAX_EXTENDED_HEADER)
                throw new Error(`${file}: implausible extended header of ${size} bytes at byte ${offset} of the tar stream`);
            const data = await reader.read(size);
            if (data.length < size)
                throw new Error(`${file}: truncated tar archive: an extended header at byte ${offset} is cut short`);
            await reader.skip(paddingOf(size), 'extended header padding');
            if (typeflag === 'x')
                pax = new Map([...pax, ...parsePax(file, data, offset)]);
            else if (typeflag === 'L')
                longName = cString(data, 0, data.length);
            else if (typeflag === 'K')
                longLink = cString(data, 0, data.length);
            // 'g' (global PAX records) sets defaults like charset or mtime, which nothing here uses.
            continue;
        }
        const stored = block.subarray(257, 265).equals(USTAR_MAGIC) && block.readUInt8(345) !== 0 ? `${cString(block, 345, 155)}/${cString(block, 0, 100)}` : cString(block, 0, 100);
        const name = pax.get('path') ?? longName ?? stored;
        const linkName = pax.get('linkpath') ?? longLink ?? cString(block, 157, 100);
        const paxSize = pax.get('size');
        if (paxSize !== undefined) {
            if (!/^\d+$/.test(paxSize))
                throw new Error(`${file}: bad PAX size ${JSON.stringify(paxSize)} for ${name}`);
            size = Number(paxSize);
        }
        pax = new Map();
        longName = undefined;
        longLink = undefined;
        const type = entryType(typeflag);
        // As Python's tarfile: only regular files and unknown types carry data blocks.
        const hasData = type === 'file' || (type === 'other' && !'1346'.includes(typeflag));
        const entry = { name: name.length > 1 ? name.replace(/\/+$/, '') || '/' : name, type, size: hasData ? size : 0, mode: readNumber(file, block, 100, 8, 'mode', offset) & 0o7777 };
        if (type === 'symlink' || typeflag === '1')
            entry.linkName = linkName;
        const mtime = readNumber(file, block, 136, 12, 'mtime', offset);
        const sink = onEntry === undefined ? undefined : await onEntry({ entry, typeflag, mtime });
        if (type === 'file') {
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            let complete = false;
            try {
                for await (const piece of reader.pieces(size, entry.name)) {
                    hash.update(piece);
                    if (sink !== undefined)
                        await sink.write(piece);
                }
                complete = true;
            }
            finally {
                await sink?.end(complete);
            }
            entry.sha256 = hash.digest('hex');
        }
        else if (hasData) {
            await reader.skip(size, entry.name);
        }
        if (hasData)
            await reader.skip(paddingOf(size), entry.name);
        listed.push(entry);
    }
    // The rest is record padding; reading it to the end lets gunzip check the CRC and length.
    await reader.drain();
    return listed;
}
function entryType(typeflag) {
    if (typeflag === '0' || typeflag === '7')
        return 'file';
    if (typeflag === '5')
        return 'directory';
    if (typeflag === '2')
        return 'symlink';
    return 'other';
}
function checkHeaderChecksum(file, block, offset) {
    const stored = readNumber(file, block, 148, 8, 'checksum', offset);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i += 1) {
        const byte = i >= 148 && i < 156 ? 0x20 : block.readUInt8(i);
        unsigned += byte;
        signed += byte >= 0x80 ? byte - 0x100 : byte;
    }
    // Some old writers summed signed chars; readers accept both.
    if (stored !== unsigned && stored !== signed) {
        throw new Error(`${file}: bad tar header checksum at byte ${offset} of the tar stream (stored ${stored}, computed ${unsigned}): not a tar archive, or a corrupt one`);
    }
}
function readNumber(file, block, offset, width, field, headerOffset) {
    const first = block.readUInt8(offset);
    if (first & 0x80) {
        if (first !== 0x80)
            throw new Error(`${file}: negative ${field} in the tar header at byte ${headerOffset}`);
        let value = 0;
        for (let i = offset + 1; i < offset + width; i += 1)
            value = value * 256 + block.readUInt8(i);
        if (!Number.isSafeInteger(value))
            throw new Error(`${file}: ${field} too large in the tar header at byte ${headerOffset}`);
        return value;
    }
    const nul = block.indexOf(0, offset);
    const text = block.toString('latin1', offset, nul === -1 || nul > offset + width ? offset + width : nul).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new Error(`${file}: bad ${field} field ${JSON.stringify(text)} in the tar header at byte ${headerOffset}: not a tar archive, or a corrupt one`);
    return parseInt(text, 8);
}
function cString(bytes, offset, width) {
    const end = bytes.indexOf(0, offset);
    return bytes.toString('utf8', offset, end === -1 || end > offset + width ? offset + width : end);
}
function parsePax(file, data, offset) {
    const records = new Map();
    let position = 0;
    while (position < data.length) {
        if (data.readUInt8(position) === 0)
            break;
        const space = data.indexOf(0x20, position);
        const length = space === -1 ? NaN : Number(data.toString('latin1', position, space));
        const end = position + length;
        if (!Number.isInteger(length) || length <= 0 || end > data.length || data.readUInt8(end - 1) !== 0x0a) {
            throw new Error(`${file}: malformed PAX extended header at byte ${offset} of the tar stream`);
        }
        const record = data.subarray(space + 1, end - 1);
        const equals = record.indexOf(0x3d);
        if (equals <= 0)
            throw new Error(`${file}: malformed PAX record in the extended header at byte ${offset} of the tar stream`);
        records.set(record.toString('utf8', 0, equals), record.toString('utf8', equals + 1));
        position = end;
    }
    return records;
}
/** Exact reads over the gunzip output without copying more than a header's worth. */
class TarStreamReader {
    source;
    file;
    /** Bytes of the tar stream consumed so far. */
    position = 0;
    chunk = Buffer.alloc(0);
    at = 0;
    constructor(source, file) {
        this.source = source;
        this.file = file;
    }
    /** n bytes, or fewer only where the stream ends. */
    async read(n) {
        const parts = [];
        let got = 0;
        while (got < n && (await this.fill())) {
            const take = Math.min(n - got, this.chunk.length - this.at);
            parts.push(this.chunk.subarray(this.at, this.at + take));
            this.at += take;
            got += take;
        }
        this.position += got;
        return parts.length === 1 ? parts[0] : Buffer.concat(parts, got);
    }
    /** Exactly n bytes, in the pieces gunzip produced them in. */
    async *pieces(n, what) {
        let left = n;
        while (left > 0) {
            if (!(await this.fill()))
                throw new Error(`${this.file}: truncated tar archive: the data of ${what} ends ${left} bytes early`);
            const take = Math.min(left, this.chunk.length - this.at);
            const piece = this.chunk.subarray(this.at, this.at + take);
            this.at += take;
            this.position += take;
            left -= take;
            yield piece;
        }
    }
    async skip(n, what) {
        for await (const _piece of this.pieces(n, what))
            ;
    }
    async drain() {
        this.at = this.chunk.length;
        while (!(await this.source.next()).done)
            ;
    }
    async fill() {
        while (this.at >= this.chunk.length) {
            const next = await this.source.next();
            if (next.done)
                return false;
            this.chunk = next.value;
            this.at = 0;
        }
        return true;
    }
}
function isErrnoCode(error, code) {
    return typeof error === 'object' && error !== null && error.code === code;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};
