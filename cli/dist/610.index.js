export const id = 610;
export const ids = [610];
export const modules = {

/***/ 1610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishedSchemas: () => (/* binding */ publishedSchemas),
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/actions/index.ts + 39 modules
var actions = __webpack_require__(2476);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/data/batch.ts
var data_batch = __webpack_require__(9984);
// EXTERNAL MODULE: ./src/data/readers/index.ts + 2 modules
var readers = __webpack_require__(2271);
// EXTERNAL MODULE: ./src/data/scan.ts + 1 modules
var data_scan = __webpack_require__(3011);
// EXTERNAL MODULE: ./src/data/schema.ts
var schema = __webpack_require__(3625);
// EXTERNAL MODULE: ./src/data/typed.ts
var data_typed = __webpack_require__(3560);
// EXTERNAL MODULE: ./src/data/profile.ts + 1 modules
var data_profile = __webpack_require__(5359);
;// CONCATENATED MODULE: ./src/data/infer.ts







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
            if ((0,schema/* parseTyped */.MF)(type, raw) === undefined)
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
                            add(name, flag === data_batch/* FIELD_NULL */.VG ? null : (0,data_typed/* fieldText */.gF)(column.buf, column.start[r], column.end[r], flag === data_batch/* FIELD_QUOTED_ESCAPED */.A0));
                        }
                        else {
                            const v = column.values[r];
                            add(name, v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
                        }
                    }
                });
            },
        };
        await (0,readers/* readDataFile */.l)(file, read, sink);
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
    const scan = await (0,data_scan/* scanDataset */.yu)({ files, schema: typed, schemaFile: '(inferred)', read, checkRules: false, findingLimit: 1 });
    const profile = data_profile/* DatasetProfile */.y6.fromJSON(scan.profile);
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
    const body = (0,dist/* stringify */.As)({ version: schema.version, columns, rows: schema.rows, unknown_columns: schema.unknown_columns }, { collectionStyle: 'any', flowCollectionPadding: false, lineWidth: 120 });
    return `# Data schema inferred from ${source} by mlops-actions validate-data --infer-schema.\n# Review it: the ranges, allowed values and null rates are what this data showed, not what is right.\n${body}`;
}

// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
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
            const glob = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(660)]).then(__webpack_require__.bind(__webpack_require__, 3660));
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

// EXTERNAL MODULE: ./src/platform/environment.ts
var environment = __webpack_require__(3113);
// EXTERNAL MODULE: ./src/platform/files.ts
var platform_files = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/platform/inputs.ts
var platform_inputs = __webpack_require__(3734);
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

;// CONCATENATED MODULE: ./src/platform/render/terminal.ts

/** Plain text for the CLI: headline, tables as aligned columns, the first findings. */
function renderReportText(report, maxFindings = 20) {
    const out = [];
    out.push(`${report.title}: ${report.verdict.toUpperCase()}`);
    out.push(report.headline);
    for (const table of report.tables)
        out.push('', ...renderTextTable(table));
    if (report.findings.length > 0) {
        out.push('', 'Findings:');
        for (const f of report.findings.slice(0, maxFindings))
            out.push(`  ${f.severity.padEnd(7)} ${f.file ? `${markdown_location(f)}  ` : ''}${f.message}`);
        const total = report.findingCounts.error + report.findingCounts.warning + report.findingCounts.notice;
        if (total > maxFindings)
            out.push(`  …and ${(total - maxFindings).toLocaleString('en-US')} more in the JSON report`);
    }
    return `${out.join('\n')}\n`;
}
function renderTextTable(table) {
    const cells = [table.columns, ...table.rows.map((r) => r.map((c) => (c === null ? '-' : typeof c === 'number' ? c.toLocaleString('en-US') : String(c))))];
    const widths = table.columns.map((_, i) => Math.min(40, Math.max(...cells.map((r) => (r[i] ?? '').length))));
    const line = (r) => '  ' + r.map((c, i) => (c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c.padEnd(widths[i]))).join('  ').trimEnd();
    return [`${table.title}:`, line(cells[0]), ...cells.slice(1).map(line)];
}

// EXTERNAL MODULE: ./src/platform/report.ts
var report = __webpack_require__(8809);
// EXTERNAL MODULE: ./src/deploy/plan.ts
var plan = __webpack_require__(5448);
// EXTERNAL MODULE: ./src/deploy/progress.ts
var progress = __webpack_require__(524);
// EXTERNAL MODULE: ./src/platform/deployments.ts
var deployments = __webpack_require__(119);
// EXTERNAL MODULE: ./src/platform/github.ts
var github = __webpack_require__(5952);
// EXTERNAL MODULE: ./src/eval/gates.ts
var gates = __webpack_require__(6190);
// EXTERNAL MODULE: ./src/container/serve-runtime.ts
var serve_runtime = __webpack_require__(1077);
// EXTERNAL MODULE: ./src/packaging/manifest.ts
var manifest = __webpack_require__(5494);
// EXTERNAL MODULE: ./src/packaging/package.ts + 2 modules
var packaging_package = __webpack_require__(9915);
;// CONCATENATED MODULE: ./src/cli/main.ts






















const USAGE = `Usage: mlops-actions <action> [--<input> <value>]...

Actions:
${Object.keys(actions.actions)
    .map((a) => `  ${a}`)
    .join('\n')}

Run \`mlops-actions <action> --help\` for its inputs.
Extra:
  mlops-actions validate-data --infer-schema <data> [--output <schema.yaml>]
  mlops-actions package-model verify <bundle>   re-hash a model package against its manifest
  mlops-actions staged-deploy history [--stage <name>] [--at <time>] [--state-dir <dir>] [--repo <owner/name>]
                                  which image and model served a stage when (from the local deploy
                                  history, or from GitHub deployments with --repo and GITHUB_TOKEN)
  mlops-actions serve <package> [--port 8080] [--python python3]
                                  serve a model package locally with the reference server of
                                  containerize's images (the serving contract), until Ctrl-C
  mlops-actions schemas <dir>     write the JSON Schemas of the config files and the report
`;
/** The JSON Schemas published in schemas/, generated from the zod schemas. */
const publishedSchemas = {
    'data-schema.schema.json': () => withId((0,schema/* dataSchemaJsonSchema */.jK)(), 'data-schema', 'mlops-actions data schema (validate-data)'),
    'gates.schema.json': () => withId((0,gates/* gatesJsonSchema */.mV)(), 'gates', 'mlops-actions gates file (evaluate-metrics-gate)'),
    'model-manifest.schema.json': () => withId((0,manifest/* modelManifestJsonSchema */.yb)(), 'model-manifest', 'mlops-actions model package manifest (package-model)'),
    'rollout-plan.schema.json': () => withId((0,plan/* rolloutPlanJsonSchema */.MB)(), 'rollout-plan', 'mlops-actions rollout plan (staged-deploy)'),
    'report.schema.json': () => withId((0,report/* reportJsonSchema */.Gv)(), 'report', 'mlops-actions report'),
};
function withId(schema, name, title) {
    return { $id: `https://github.com/mlops-actions/mlops-actions/schemas/${name}.schema.json`, title, ...schema };
}
async function runCli(argv, io) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h') {
        io.out(USAGE);
        return name ? 0 : 2;
    }
    if (name === 'schemas') {
        const dir = rest[0];
        if (!dir) {
            io.err('Usage: mlops-actions schemas <dir>\n');
            return 2;
        }
        for (const [file, make] of Object.entries(publishedSchemas)) {
            await (0,platform_files/* writeFileAtomic */.Z)(external_node_path_default().resolve(io.cwd, dir, file), `${JSON.stringify(make(), null, 2)}\n`);
        }
        io.err(`Wrote ${Object.keys(publishedSchemas).length} JSON Schemas to ${dir}\n`);
        return 0;
    }
    if (name === 'serve') {
        try {
            return await serveCommand(rest, io);
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1) {
                io.err(`mlops-actions serve: error: ${error.describe()}\n`);
                return 2;
            }
            throw error;
        }
    }
    const definition = actions.actions[name];
    if (!definition) {
        io.err(`mlops-actions: unknown action "${name}".\n\n${USAGE}`);
        return 2;
    }
    const debug = io.env.RUNNER_DEBUG === '1' || io.env.MLOPS_DEBUG === '1';
    try {
        // `package-model verify <bundle>`: the verify mode with the bundle as an argument.
        const verifyBundle = name === 'package-model' && rest[0] === 'verify';
        if (verifyBundle && (rest[1] === undefined || rest[1].startsWith('--'))) {
            throw new errors/* ConfigurationError */.j1('package-model verify needs the bundle', { hint: 'Write `mlops-actions package-model verify <package folder or .tar.gz>`.' });
        }
        const history = name === 'staged-deploy' && rest[0] === 'history';
        const flags = history ? new Map() : parseFlags(verifyBundle ? rest.slice(2) : rest);
        if (verifyBundle) {
            flags.set('mode', 'verify');
            flags.set('bundle', rest[1]);
        }
        if (flags.has('help')) {
            io.out(inputsHelp(name));
            return 0;
        }
        const logger = {
            debug: (m) => debug && io.err(`debug: ${m}\n`),
            info: (m) => io.err(`${m}\n`),
            warning: (m) => io.err(`warning: ${m}\n`),
            startGroup: (title) => io.err(`── ${title}\n`),
            endGroup: () => io.err('──\n'),
            output: (text) => io.err(text),
        };
        const workspace = new WorkspacePaths(io.cwd);
        if (name === 'staged-deploy' && rest[0] === 'history') {
            return await historyCommand(parseFlags(rest.slice(1)), workspace, io, logger);
        }
        if (name === 'validate-data' && flags.has('infer-schema')) {
            return await inferSchemaCommand(flags, workspace, io);
        }
        const known = new Set(Object.keys(definition.inputs.shape));
        for (const key of flags.keys()) {
            if (!known.has(key))
                throw new errors/* ConfigurationError */.j1(`unknown option --${key}`, { hint: `Run \`mlops-actions ${name} --help\` for the inputs.` });
        }
        const raw = Object.fromEntries(flags);
        const inputs = (0,platform_inputs/* parseInputs */.TL)(definition.inputs, raw, name);
        const context = {
            run: { ...(0,environment/* readRunEnvironment */.P6)(io.env, io.cwd), workspace: io.cwd },
            logger,
            workspace,
            workerEntry: io.workerEntry,
            commandEnv: (0,environment/* commandEnvironment */.J$)(io.env),
            signal: io.signal,
        };
        const outcome = await definition.run(inputs, context);
        const reportPath = String(inputs['report-path'] ?? `mlops-reports/${name}.json`);
        await (0,platform_files/* writeFileAtomic */.Z)(external_node_path_default().resolve(io.cwd, reportPath), `${JSON.stringify(outcome.report, null, 2)}\n`);
        io.out(renderReportText(outcome.report));
        io.out(`\nReport: ${reportPath}\n`);
        const failOn = (inputs['fail-on'] ?? 'error');
        return (0,report/* shouldFailStep */.iG)(outcome.report, failOn) ? 1 : 0;
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1) {
            io.err(`mlops-actions ${name}: error: ${error.describe()}\n`);
            return 2;
        }
        io.err(`mlops-actions ${name}: internal error: ${(0,errors/* describeUnknownError */.S4)(error, debug)}\nThis is a bug in mlops-actions; set MLOPS_DEBUG=1 for the stack trace and please report it.\n`);
        return 3;
    }
}
function parseFlags(args) {
    const flags = new Map();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith('--'))
            throw new errors/* ConfigurationError */.j1(`unexpected argument "${arg}"`, { hint: 'Give inputs as --<input> <value>.' });
        const eq = arg.indexOf('=');
        const key = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
        if (key === 'help') {
            flags.set('help', 'true');
            continue;
        }
        let value;
        if (eq !== -1)
            value = arg.slice(eq + 1);
        else {
            const next = args[i + 1];
            if (next === undefined || next.startsWith('--'))
                throw new errors/* ConfigurationError */.j1(`option --${key} needs a value`, { hint: `Write --${key} <value>.` });
            value = next;
            i++;
        }
        if (flags.has(key))
            flags.set(key, `${flags.get(key)}\n${value}`);
        else
            flags.set(key, value);
    }
    return flags;
}
function inputsHelp(name) {
    const rows = (0,platform_inputs/* describeInputs */.jv)(actions.actions[name].inputs).map((i) => `  --${i.name.padEnd(16)} ${i.description ?? ''}${i.required ? ' (required)' : i.default !== undefined ? ` (default: ${i.default})` : ''}`);
    return `Usage: mlops-actions ${name} [--<input> <value>]...\n\nInputs:\n${rows.join('\n')}\n`;
}
async function inferSchemaCommand(flags, workspace, io) {
    const data = flags.get('infer-schema');
    const files = await workspace.expand(data, 'infer-schema');
    const schema = await inferDataSchema(files, {});
    const yaml = dataSchemaToYaml(schema, files.map((f) => f.displayName).join(', '));
    const output = flags.get('output');
    if (output) {
        await (0,platform_files/* writeFileAtomic */.Z)(workspace.resolve(output), yaml);
        io.err(`Wrote ${output}: review it before you commit it.\n`);
    }
    else {
        io.out(yaml);
    }
    return 0;
}
/**
 * `staged-deploy history`: the promotions of each stage, newest first, or with --at the image that
 * served then. Reads the local deploy history, or a repository's GitHub deployments with --repo.
 */
async function historyCommand(flags, workspace, io, logger) {
    for (const key of flags.keys()) {
        if (!['stage', 'at', 'state-dir', 'repo'].includes(key))
            throw new errors/* ConfigurationError */.j1(`unknown option --${key}`, { hint: 'staged-deploy history takes --stage, --at, --state-dir and --repo.' });
    }
    const atText = flags.get('at');
    const at = atText === undefined ? undefined : new Date(atText);
    if (at && Number.isNaN(at.getTime()))
        throw new errors/* ConfigurationError */.j1(`--at ${atText} is not a time`, { hint: 'Write an ISO 8601 time, e.g. 2026-11-24T09:30:00Z.' });
    const stage = flags.get('stage');
    let events;
    let source;
    const repoFlag = flags.get('repo');
    if (repoFlag) {
        const [owner, repo] = repoFlag.split('/');
        const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
        if (!owner || !repo)
            throw new errors/* ConfigurationError */.j1(`--repo ${repoFlag} is not owner/name`, { hint: 'Write --repo acme/churn.' });
        if (!token)
            throw new errors/* ConfigurationError */.j1('--repo needs a token in GITHUB_TOKEN', { hint: 'Export GITHUB_TOKEN with a token that may read the repository\'s deployments.' });
        if (!stage)
            throw new errors/* ConfigurationError */.j1('--repo needs --stage', { hint: 'GitHub lists deployments per environment: add --stage production.' });
        const run = { ...(0,environment/* readRunEnvironment */.P6)(io.env, io.cwd), repository: { owner, repo } };
        events = await (0,deployments/* deploymentHistory */.S)(await (0,github/* createOctokit */.Qi)(token, run, logger), { owner, repo }, stage);
        source = `GitHub deployments of ${owner}/${repo}`;
    }
    else {
        const dir = flags.get('state-dir') ?? '.mlops/deploy';
        events = await new progress/* ProgressStore */.rE(workspace.resolve(dir)).history();
        source = `${dir}/history.jsonl`;
    }
    const stages = stage ? [stage] : [...new Set(events.map((e) => e.stage))];
    if (at) {
        let missing = 0;
        for (const s of stages) {
            const e = (0,progress/* servingAt */.E8)(events, s, at);
            if (e)
                io.out(`${s} at ${at.toISOString()}: ${e.image}${e.model ? ` (model ${e.model.name} ${e.model.version})` : ''}, promoted ${e.at}${e.deploymentId ? `, deployment ${e.deploymentId}` : ''}\n`);
            else {
                io.out(`${s} at ${at.toISOString()}: nothing promoted yet according to ${source}\n`);
                missing++;
            }
        }
        return stages.length === 0 || missing > 0 ? 1 : 0;
    }
    const promotions = events.filter((e) => e.outcome === 'promoted' && stages.includes(e.stage)).sort((a, b) => b.at.localeCompare(a.at));
    io.out(`Promotions (${source}), newest first:\n`);
    for (const e of promotions)
        io.out(`  ${e.at}  ${e.stage.padEnd(12)} ${e.image}${e.model ? `  model ${e.model.name} ${e.model.version}` : ''}${e.previous ? `  (replaced ${e.previous})` : ''}\n`);
    if (promotions.length === 0)
        io.out('  none\n');
    return 0;
}
/**
 * `serve <package>`: the reference server (the one containerize puts in an image) over a model
 * package folder or .tar.gz, on 127.0.0.1, until Ctrl-C or SIGTERM, which it passes on.
 */
async function serveCommand(args, io) {
    const bundle = args[0];
    if (bundle === undefined || bundle.startsWith('--'))
        throw new errors/* ConfigurationError */.j1('serve needs a model package', { hint: 'Write `mlops-actions serve <package folder or .tar.gz> [--port 8080]`.' });
    const flags = parseFlags(args.slice(1));
    for (const key of flags.keys()) {
        if (!['port', 'python', 'host'].includes(key))
            throw new errors/* ConfigurationError */.j1(`unknown option --${key}`, { hint: 'serve takes --port, --host and --python.' });
    }
    const port = Number(flags.get('port') ?? '8080');
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new errors/* ConfigurationError */.j1(`--port ${flags.get('port')} is not a port`, { hint: 'Give a number from 1 to 65535.' });
    const workspace = new WorkspacePaths(io.cwd);
    const packagePath = workspace.resolve(bundle);
    const scratch = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'mlops-serve-'));
    try {
        const { dir: modelDir } = await (0,packaging_package/* openVerifiedPackage */.H6)(packagePath, workspace.display(packagePath), scratch, 'Serve what package-model wrote, unchanged');
        const script = external_node_path_default().join(scratch, serve_runtime/* SERVE_PY_NAME */.K_);
        await (0,platform_files/* writeFileAtomic */.Z)(script, serve_runtime/* SERVE_PY */.cC);
        const python = flags.get('python') ?? 'python3';
        const child = (0,external_node_child_process_.spawn)(python, [script], {
            env: { ...io.env, [serve_runtime/* SERVE_ENV */.cf.modelDir]: modelDir, [serve_runtime/* SERVE_ENV */.cf.port]: String(port), [serve_runtime/* SERVE_ENV */.cf.host]: flags.get('host') ?? '127.0.0.1' },
            stdio: ['ignore', 'inherit', 'inherit'],
        });
        const forward = (signal) => () => child.kill(signal);
        const onInt = forward('SIGINT');
        const onTerm = forward('SIGTERM');
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
        try {
            return await new Promise((resolve) => {
                child.on('error', (error) => {
                    io.err(`mlops-actions serve: cannot start ${python}: ${error.message}. Give a Python 3 with the model's requirements with --python.\n`);
                    resolve(2);
                });
                child.on('close', (code, signal) => resolve(code ?? (signal ? 0 : 1)));
            });
        }
        finally {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
        }
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}


/***/ })

};
