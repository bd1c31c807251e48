export const id = 806;
export const ids = [806];
export const modules = {

/***/ 4479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  packageModelAction: () => (/* binding */ packageModelAction),
  packageModelInputs: () => (/* binding */ packageModelInputs),
  verifyReport: () => (/* binding */ verifyReport)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./src/packaging/manifest.ts
var packaging_manifest = __webpack_require__(3113);
;// CONCATENATED MODULE: ./src/packaging/compare.ts

function compareManifests(previous, current) {
    const files = compareFiles(previous, current);
    const signatureDifferences = compareSignatures(previous.signature, current.signature);
    const requirements = compareRequirements(previous, current);
    const pythonBefore = previous.environment.python;
    const pythonAfter = current.environment.python;
    const metrics = compareMetrics(previous.metrics, current.metrics);
    const params = compareParams(previous.params, current.params);
    const data = compareData(previous, current);
    const metricsSame = metrics.every((m) => m.before !== undefined && m.after !== undefined && m.before === m.after);
    const identical = files.added.length + files.removed.length + files.changed.length === 0 &&
        signatureDifferences.length === 0 &&
        requirements.added.length + requirements.removed.length + requirements.changed.length === 0 &&
        pythonBefore === pythonAfter &&
        metricsSame &&
        params.length === 0 &&
        data.length === 0;
    return {
        versionBefore: previous.version,
        versionAfter: current.version,
        files,
        signatureChanged: signatureDifferences.length > 0,
        signatureDifferences,
        requirements,
        ...(pythonBefore !== pythonAfter ? { python: { ...(pythonBefore !== undefined ? { before: pythonBefore } : {}), ...(pythonAfter !== undefined ? { after: pythonAfter } : {}) } } : {}),
        metrics,
        params,
        data,
        identical,
    };
}
function compareFiles(previous, current) {
    const contentFiles = (m) => new Map(m.files.filter((f) => f.role !== 'card').map((f) => [f.path, f.sha256]));
    const before = contentFiles(previous);
    const after = contentFiles(current);
    const added = [...after.keys()].filter((p) => !before.has(p)).sort(packaging_manifest.comparePaths);
    const removed = [...before.keys()].filter((p) => !after.has(p)).sort(packaging_manifest.comparePaths);
    const changed = [...after]
        .filter(([p, sha]) => before.has(p) && before.get(p) !== sha)
        .map(([path, sha]) => ({ path, before: before.get(path), after: sha }))
        .sort((a, b) => (0,packaging_manifest.comparePaths)(a.path, b.path));
    return { added, removed, changed };
}
function compareSignatures(before, after) {
    if (!before && !after)
        return [];
    if (!before)
        return ['signature added'];
    if (!after)
        return ['signature removed'];
    return [...compareFields('input', before.inputs, after.inputs), ...compareFields('output', before.outputs ?? [], after.outputs ?? [])];
}
function compareFields(direction, before, after) {
    const out = [];
    const old = new Map(before.map((f) => [f.name, f]));
    const now = new Map(after.map((f) => [f.name, f]));
    for (const f of after) {
        const was = old.get(f.name);
        if (!was) {
            out.push(`${direction} ${f.name} added (${describeField(f)})`);
            continue;
        }
        if (was.type !== f.type)
            out.push(`${direction} ${f.name}: type ${was.type} → ${f.type}`);
        const shape = (s) => (s ? `[${s.join(', ')}]` : 'none');
        if (shape(was.shape) !== shape(f.shape))
            out.push(`${direction} ${f.name}: shape ${shape(was.shape)} → ${shape(f.shape)}`);
        if ((was.dtype ?? 'none') !== (f.dtype ?? 'none'))
            out.push(`${direction} ${f.name}: dtype ${was.dtype ?? 'none'} → ${f.dtype ?? 'none'}`);
        if (Boolean(was.nullable) !== Boolean(f.nullable))
            out.push(`${direction} ${f.name}: ${f.nullable ? 'now nullable' : 'no longer nullable'}`);
    }
    for (const f of before)
        if (!now.has(f.name))
            out.push(`${direction} ${f.name} removed (${describeField(f)})`);
    // A model fed by position (a tensor, an ONNX graph) cares about order even when the names match.
    const common = (list, other) => list.map((f) => f.name).filter((n) => other.has(n));
    const orderBefore = common(before, now);
    const orderAfter = common(after, old);
    if (orderBefore.join('\u0000') !== orderAfter.join('\u0000'))
        out.push(`${direction} order: ${orderBefore.join(', ')} → ${orderAfter.join(', ')}`);
    return out;
}
function describeField(f) {
    return `${f.type}${f.shape ? ` [${f.shape.join(', ')}]` : ''}${f.nullable ? ', nullable' : ''}`;
}
function compareRequirements(previous, current) {
    const byName = (m) => {
        const map = new Map();
        for (const file of m.environment.requirements) {
            for (const requirement of file.packages) {
                const name = (0,packaging_manifest.requirementName)(requirement);
                const known = map.get(name);
                map.set(name, known === undefined || known === requirement ? requirement : [known, requirement].sort(packaging_manifest.comparePaths).join(' + '));
            }
        }
        return map;
    };
    const before = byName(previous);
    const after = byName(current);
    const names = [...new Set([...before.keys(), ...after.keys()])].sort(packaging_manifest.comparePaths);
    const out = { added: [], removed: [], changed: [] };
    for (const name of names) {
        const b = before.get(name);
        const a = after.get(name);
        if (b === undefined)
            out.added.push(a);
        else if (a === undefined)
            out.removed.push(b);
        else if (a !== b)
            out.changed.push(`${name}: ${pinnedVersion(b) ?? b} → ${pinnedVersion(a) ?? a}`);
    }
    return out;
}
function pinnedVersion(requirement) {
    return /^[^=<>!~@;\s]+==([^=\s,;]+)$/.exec(requirement)?.[1];
}
function compareMetrics(before, after) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(packaging_manifest.comparePaths);
    return names.map((name) => {
        const b = Object.hasOwn(before, name) ? before[name] : undefined;
        const a = Object.hasOwn(after, name) ? after[name] : undefined;
        return {
            name,
            ...(b !== undefined ? { before: b } : {}),
            ...(a !== undefined ? { after: a } : {}),
            ...(a !== undefined && b !== undefined ? { delta: a - b } : {}),
        };
    });
}
function compareParams(before, after) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(packaging_manifest.comparePaths);
    const out = [];
    for (const name of names) {
        const has = [Object.hasOwn(before, name), Object.hasOwn(after, name)];
        if (has[0] && has[1] && canonical(before[name]) === canonical(after[name]))
            continue;
        out.push({ name, ...(has[0] ? { before: before[name] } : {}), ...(has[1] ? { after: after[name] } : {}) });
    }
    return out;
}
function compareData(previous, current) {
    const before = new Map(previous.data.map((d) => [d.source, d]));
    const after = new Map(current.data.map((d) => [d.source, d]));
    const sources = [...new Set([...before.keys(), ...after.keys()])].sort(packaging_manifest.comparePaths);
    const out = [];
    for (const source of sources) {
        const b = before.get(source);
        const a = after.get(source);
        if (b && a && b.sha256 === a.sha256)
            continue;
        out.push({
            source,
            ...(b ? { before: b.sha256 } : {}),
            ...(a ? { after: a.sha256 } : {}),
            ...(b?.rows !== undefined ? { rowsBefore: b.rows } : {}),
            ...(a?.rows !== undefined ? { rowsAfter: a.rows } : {}),
        });
    }
    return out;
}
function canonical(value) {
    return (JSON.stringify(value, (_key, v) => v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (0,packaging_manifest.comparePaths)(a, b))) : v) ?? 'undefined');
}

// EXTERNAL MODULE: ./src/packaging/package.ts + 2 modules
var packaging_package = __webpack_require__(9915);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/platform/inputs.ts
var platform_inputs = __webpack_require__(3734);
// EXTERNAL MODULE: ./src/platform/report.ts
var platform_report = __webpack_require__(8809);
// EXTERNAL MODULE: ./src/platform/reporting.ts
var reporting = __webpack_require__(5633);
// EXTERNAL MODULE: ./src/platform/units.ts
var units = __webpack_require__(7692);
;// CONCATENATED MODULE: ./src/actions/package-model.ts












const packageModelInputs = schemas/* object */.Ikc({
    mode: (0,platform_inputs/* choiceInput */.ij)('mode', ['package', 'verify']).prefault('package').describe('package: build the bundle; verify: re-hash a bundle against its manifest.'),
    name: schemas/* string */.YjP().optional().describe('Name of the model: letters, digits, `.`, `_`, `-`.'),
    version: schemas/* string */.YjP().optional().describe('Semantic version; default: the tag when the ref is a semver tag, else 0.0.0+<short sha>.'),
    model: schemas/* string */.YjP().optional().describe('The model: files, folders or globs, one per line.'),
    metrics: schemas/* string */.YjP().optional().describe('Metrics file (JSON, YAML or CSV).'),
    params: schemas/* string */.YjP().optional().describe('Hyper-parameters file (JSON or YAML).'),
    signature: schemas/* string */.YjP().optional().describe('Input / output schema (YAML or JSON).'),
    'input-example': schemas/* string */.YjP().optional().describe('An input example (JSON, JSONL or CSV); the signature is inferred from it when none is given.'),
    'output-example': schemas/* string */.YjP().optional().describe("The model's expected output for the input example (JSON), for the serving image's smoke test."),
    requirements: schemas/* string */.YjP().optional().describe('Requirement or lock files, one per line.'),
    'data-profile': schemas/* string */.YjP().optional().describe('validate-data profiles or reports of the training data, one per line.'),
    'evaluation-report': schemas/* string */.YjP().optional().describe("evaluate-metrics-gate's JSON report."),
    'extra-files': schemas/* string */.YjP().optional().describe('Other files to ship, one per line.'),
    'model-card-template': schemas/* string */.YjP().optional().describe('A Markdown template for MODEL_CARD.md.'),
    description: schemas/* string */.YjP().optional().describe('One paragraph on what the model does.'),
    'intended-use': schemas/* string */.YjP().optional().describe('Intended use, for the model card.'),
    limitations: schemas/* string */.YjP().optional().describe('Known limitations, for the model card.'),
    'python-version': schemas/* string */.YjP().optional().describe('Python version the model was trained with; default: .python-version when present.'),
    'output-dir': schemas/* string */.YjP().prefault('mlops-packages').describe('Folder that receives <name>-<version>/ and <name>-<version>.tar.gz.'),
    'compression-level': (0,platform_inputs/* numberInput */.QR)('compression-level', { min: 0, max: 9, integer: true, what: 'a whole number from 0 to 9' }).prefault('1').describe('gzip level of the archive.'),
    'artifact-name': schemas/* string */.YjP().optional().describe('Artifact to upload the archive as; default model-package-<name>.'),
    'upload-artifact': (0,platform_inputs/* booleanInput */.tE)('upload-artifact').prefault('true').describe('Upload the archive as a workflow artifact.'),
    'retention-days': (0,platform_inputs/* numberInput */.QR)('retention-days', { min: 1, max: 90, integer: true, what: 'a whole number of days from 1 to 90' }).optional().describe('Retention of the artifact.'),
    attest: (0,platform_inputs/* choiceInput */.ij)('attest', ['auto', 'true', 'false']).prefault('auto').describe('Build-provenance attestation of the archive: auto (when the job may), true (fail without), false.'),
    'compare-to': schemas/* string */.YjP().optional().describe('A previous package (folder, .tar.gz, manifest, or artifact name) to list what changed.'),
    bundle: schemas/* string */.YjP().optional().describe('With mode verify: the package folder or .tar.gz.'),
    ...(0,reporting/* reportingInputs */.O)('package-model'),
});
const packageModelAction = {
    name: 'package-model',
    inputs: packageModelInputs,
    async run(inputs, context) {
        return inputs.mode === 'verify' ? verify(inputs, context) : build(inputs, context);
    },
};
async function build(inputs, context) {
    const { workspace, logger, run } = context;
    const startedAt = new Date();
    if (!inputs.name)
        throw new errors/* ConfigurationError */.j1('input name is required', { hint: 'Name the model, e.g. `churn-classifier`.' });
    if (!/^[a-z0-9][a-z0-9._-]{0,127}$/i.test(inputs.name)) {
        throw new errors/* ConfigurationError */.j1(`input name: ${JSON.stringify(inputs.name)} is not a package name`, { hint: 'Use letters, digits, `.`, `_` and `-`, starting with a letter or digit (at most 128).' });
    }
    const model = (0,platform_inputs/* splitLines */.uz)(inputs.model);
    if (model.length === 0)
        throw new errors/* ConfigurationError */.j1('input model is required', { hint: 'Give the model files or folders, e.g. `train-output/model.pkl`.' });
    const version = (0,packaging_manifest.deriveVersion)({ given: inputs.version, ref: run.ref, sha: run.sha });
    const pythonVersion = inputs['python-version'] ?? (await (0,promises_.readFile)(workspace.resolve('.python-version'), 'utf8').then((t) => t.trim() || undefined, () => undefined));
    const scratch = context.scratch ?? external_node_os_default().tmpdir();
    const packaged = await (0,packaging_package.packageModel)({
        collector: {
            root: workspace.root,
            glob: async (pattern) => {
                try {
                    return (await workspace.expand(pattern, 'model')).map((f) => f.path);
                }
                catch (error) {
                    if (error instanceof errors/* ConfigurationError */.j1)
                        return [];
                    throw error;
                }
            },
        },
        name: inputs.name,
        version,
        model,
        extra: (0,platform_inputs/* splitLines */.uz)(inputs['extra-files']),
        requirements: (0,platform_inputs/* splitLines */.uz)(inputs.requirements),
        metrics: inputs.metrics,
        params: inputs.params,
        signature: inputs.signature,
        inputExample: inputs['input-example'],
        outputExample: inputs['output-example'],
        data: (0,platform_inputs/* splitLines */.uz)(inputs['data-profile']),
        evaluation: inputs['evaluation-report'],
        modelCardTemplate: inputs['model-card-template'],
        description: inputs.description,
        intendedUse: inputs['intended-use'],
        limitations: inputs.limitations,
        pythonVersion,
        createdFrom: {
            ...(run.repository ? { repository: `${run.repository.owner}/${run.repository.repo}` } : {}),
            ...(run.sha ? { commit: run.sha } : {}),
            ...(run.ref ? { ref: run.ref } : {}),
            ...(run.workflow ? { workflow: run.workflow } : {}),
            ...(run.repository && run.runId ? { runUrl: `${run.serverUrl}/${run.repository.owner}/${run.repository.repo}/actions/runs/${run.runId}` } : {}),
        },
        outputDir: workspace.resolve(inputs['output-dir']),
        compressionLevel: inputs['compression-level'],
    });
    const { manifest } = packaged;
    const archiveName = external_node_path_default().basename(packaged.archive);
    logger.info(`Packaged ${manifest.name} ${manifest.version}: ${manifest.files.length} files, ${workspace.display(packaged.archive)} (sha256:${packaged.archiveSha256}).`);
    const findings = new platform_report.FindingCollector();
    for (const f of manifest.formats.filter((x) => x.runsCodeOnLoad)) {
        findings.add({
            severity: 'warning',
            rule: 'runs-code-on-load',
            subject: f.path,
            message: `${f.path} is ${f.format}: loading it runs code. Only load this package from a source you trust${f.note ? ` (${f.note})` : ''}; prefer safetensors or ONNX where the framework allows.`,
        });
    }
    if (manifest.evaluation && manifest.evaluation.verdict !== 'pass') {
        findings.add({ severity: 'warning', rule: 'evaluation-verdict', message: `The evaluation report's verdict is ${manifest.evaluation.verdict}: this package holds a model that did not pass its gates.` });
    }
    const outputs = {
        'package-path': workspace.display(packaged.archive),
        'package-dir': workspace.display(packaged.bundleDir),
        digest: `sha256:${packaged.archiveSha256}`,
        'tar-digest': `sha256:${packaged.tarSha256}`,
        version: manifest.version,
        name: manifest.name,
        'manifest-path': workspace.display(external_node_path_default().join(packaged.bundleDir, packaging_manifest.MANIFEST_FILE)),
    };
    if (inputs['upload-artifact'] && context.artifacts) {
        const artifactName = inputs['artifact-name'] ?? `model-package-${manifest.name}`;
        const uploaded = await context.artifacts.uploadPaths(artifactName, [packaged.archive], external_node_path_default().dirname(packaged.archive), inputs['retention-days']);
        outputs['artifact-id'] = String(uploaded.id ?? '');
        outputs['artifact-name'] = artifactName;
        logger.info(`Uploaded ${archiveName} as artifact ${artifactName} (id ${uploaded.id}).`);
    }
    let attestation;
    if (inputs.attest !== 'false') {
        const result = context.attest ? await context.attest({ name: archiveName, sha256: packaged.archiveSha256 }) : { status: 'skipped', reason: 'attestations need a workflow run' };
        if (result.status === 'created') {
            attestation = result.url ?? result.id;
            if (result.id)
                outputs['attestation-id'] = result.id;
            if (result.url)
                outputs['attestation-url'] = result.url;
        }
        else if (inputs.attest === 'true') {
            findings.add({ severity: 'error', rule: 'attestation', message: `No build-provenance attestation: ${result.reason}.` });
        }
        else {
            findings.add({ severity: 'notice', rule: 'attestation', message: `No build-provenance attestation: ${result.reason}.` });
        }
    }
    let comparison;
    let previousName;
    if (inputs['compare-to']) {
        const previous = await loadPrevious(inputs['compare-to'].trim(), context, scratch);
        previousName = previous.name;
        comparison = compareManifests(previous.manifest, manifest);
    }
    const tables = [packageTable(manifest, packaged.archiveSha256, packaged.archiveBytes, attestation), metricsTable(manifest), filesTable(manifest)];
    if (comparison)
        tables.splice(1, 0, changesTable(comparison, previousName));
    const report = (0,platform_report.buildReport)({
        action: 'package-model',
        title: `package-model: ${manifest.name} ${manifest.version}`,
        verdict: findings.counts.error > 0 ? 'fail' : 'pass',
        headline: `${manifest.name} ${manifest.version}: ${manifest.files.length} files, ${(0,units/* formatBytes */.z)(packaged.archiveBytes)} archive, sha256:${packaged.archiveSha256.slice(0, 16)}…${comparison ? `; ${describeComparison(comparison, previousName)}` : ''}.`,
        startedAt,
        findings,
        tables,
        details: {
            name: manifest.name,
            version: manifest.version,
            archive: outputs['package-path'],
            digest: outputs.digest,
            tarDigest: outputs['tar-digest'],
            manifest,
            ...(comparison ? { comparison: { previous: previousName, ...comparison } } : {}),
        },
    });
    return { report, outputs };
}
async function verify(inputs, context) {
    const startedAt = new Date();
    if (!inputs.bundle)
        throw new errors/* ConfigurationError */.j1('input bundle is required with mode: verify', { hint: 'Give the package folder or its .tar.gz.' });
    const { workspace } = context;
    const bundle = workspace.resolve(inputs.bundle);
    const display = workspace.display(bundle);
    const result = await (0,packaging_package.verifyBundle)(bundle, display, context.scratch ?? external_node_os_default().tmpdir());
    return { report: verifyReport(result, display, startedAt), outputs: { digest: result.archiveSha256 ? `sha256:${result.archiveSha256}` : '', version: result.manifest.version, name: result.manifest.name } };
}
function verifyReport(result, display, startedAt) {
    const findings = new platform_report.FindingCollector();
    const what = { mismatch: 'differs from the manifest (tampered with or corrupted)', missing: 'is listed in the manifest but missing', extra: 'is not listed in the manifest' };
    for (const p of result.problems) {
        findings.add({
            severity: 'error',
            rule: `verify-${p.kind}`,
            file: `${display}/${p.path}`,
            message: `${p.path} ${what[p.kind]}${p.kind === 'mismatch' ? ` (sha256 ${p.actual?.slice(0, 12)}…, manifest ${p.expected?.slice(0, 12)}…)` : ''}.`,
        });
    }
    const ok = result.problems.length === 0;
    return (0,platform_report.buildReport)({
        action: 'package-model',
        title: `package-model verify: ${result.manifest.name} ${result.manifest.version}`,
        verdict: ok ? 'pass' : 'fail',
        headline: ok
            ? `All ${result.checked} files of ${display} match their manifest.`
            : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${display}: ${result.problems.slice(0, 3).map((p) => `${p.path} ${p.kind}`).join(', ')}${result.problems.length > 3 ? ', …' : ''}.`,
        startedAt,
        findings,
        tables: [
            {
                title: 'Verification',
                columns: ['file', 'result'],
                rows: result.manifest.files.map((f) => [f.path, result.problems.find((p) => p.path === f.path)?.kind ?? 'ok']).concat(result.problems.filter((p) => p.kind === 'extra').map((p) => [p.path, 'extra'])),
            },
        ],
        details: { name: result.manifest.name, version: result.manifest.version, checked: result.checked, problems: result.problems, archiveSha256: result.archiveSha256 },
    });
}
async function loadPrevious(value, context, scratch) {
    const absolute = context.workspace.resolve(value);
    const exists = await (0,promises_.readFile)(absolute).then(() => true, (e) => e.code === 'EISDIR');
    if (exists)
        return { name: context.workspace.display(absolute), manifest: await (0,packaging_package.readPackageManifest)(absolute, context.workspace.display(absolute), scratch) };
    if (/[/\\]|\.(gz|json)$/i.test(value))
        throw new errors/* ConfigurationError */.j1(`compare-to: not found: ${value}`, { hint: 'Give a package folder, .tar.gz or model-manifest.json in the workspace, or an artifact name of this run.' });
    const dir = context.artifacts ? await context.artifacts.downloadByName(value) : undefined;
    if (!dir)
        throw new errors/* ConfigurationError */.j1(`compare-to: no file and no artifact named ${value}`, { hint: 'An artifact must come from this workflow run (download earlier ones with actions/download-artifact first).' });
    const { readdir } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const archive = (await readdir(dir)).find((f) => f.endsWith('.tar.gz'));
    if (!archive)
        throw new errors/* ConfigurationError */.j1(`compare-to: artifact ${value} holds no .tar.gz`, { hint: 'Give the artifact that package-model uploaded.' });
    return { name: `artifact ${value}`, manifest: await (0,packaging_package.readPackageManifest)(external_node_path_default().join(dir, archive), `${value}/${archive}`, scratch) };
}
function packageTable(m, sha256, bytes, attestation) {
    const rows = [
        ['name', m.name],
        ['version', m.version],
        ['archive', `${(0,units/* formatBytes */.z)(bytes)}, sha256:${sha256}`],
        ['formats', m.formats.map((f) => `${f.path} (${f.format}${f.runsCodeOnLoad ? ', runs code when loaded ⚠️' : ''})`).join('; ') || '—'],
        ['signature', m.signature ? `${m.signature.inputs.length} inputs (${m.signature.source})` : '—'],
        ['evaluation', m.evaluation ? `${m.evaluation.verdict}${m.evaluation.headline ? `: ${m.evaluation.headline}` : ''}` : '—'],
        ['data', m.data.map((d) => `${d.source}${d.rows !== undefined ? ` (${d.rows.toLocaleString('en-US')} rows)` : ''}`).join('; ') || '—'],
        ['commit', m.createdFrom.commit ?? '—'],
        ['attestation', attestation ?? '—'],
    ];
    return { title: 'Package', columns: ['', ''], rows, note: `The bundle folder holds ${packaging_manifest.MANIFEST_FILE} and ${packaging_manifest.CARD_FILE}; verify it with mode: verify.` };
}
function metricsTable(m) {
    return { title: 'Metrics', columns: ['metric', 'value'], rows: Object.entries(m.metrics).map(([k, v]) => [k, v]) };
}
function filesTable(m) {
    return { title: 'Files', columns: ['path', 'role', 'bytes', 'sha256'], rows: m.files.map((f) => [f.path, f.role, f.size, f.sha256.slice(0, 16)]) };
}
function changesTable(c, previous) {
    const rows = [];
    rows.push(['version', `${c.versionBefore} → ${c.versionAfter}`]);
    for (const f of c.files.added)
        rows.push(['file added', f]);
    for (const f of c.files.removed)
        rows.push(['file removed', f]);
    for (const f of c.files.changed)
        rows.push(['file changed', `${f.path} (${f.before.slice(0, 8)} → ${f.after.slice(0, 8)})`]);
    if (c.signatureChanged)
        rows.push(['signature', c.signatureDifferences.join('; ') || 'changed']);
    for (const r of c.requirements.added)
        rows.push(['requirement added', r]);
    for (const r of c.requirements.removed)
        rows.push(['requirement removed', r]);
    for (const r of c.requirements.changed)
        rows.push(['requirement changed', r]);
    for (const m of c.metrics)
        rows.push([`metric ${m.name}`, `${m.before ?? '—'} → ${m.after ?? '—'}${m.delta !== undefined ? ` (${m.delta >= 0 ? '+' : ''}${Number(m.delta.toPrecision(4))})` : ''}`]);
    for (const d of c.data)
        rows.push([`data ${d.source}`, `${d.before?.slice(0, 12) ?? '—'} → ${d.after?.slice(0, 12) ?? '—'}`]);
    return { title: `Changes since ${previous}`, columns: ['what', 'change'], rows };
}
function describeComparison(c, previous) {
    if (c.identical)
        return `identical to ${previous}`;
    const n = c.files.added.length + c.files.removed.length + c.files.changed.length;
    return `${n} file${n === 1 ? '' : 's'} changed since ${previous}`;
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


/***/ }),

/***/ 7692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
const MIB = 1024 * 1024;
/** A size for people: `512 B`, `1.5 KiB`, `12.3 MiB`, `1.25 GiB`. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < MIB)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    if (bytes < 1024 * MIB)
        return `${(bytes / MIB).toFixed(1)} MiB`;
    return `${(bytes / (1024 * MIB)).toFixed(2)} GiB`;
}


/***/ })

};
