export const id = 160;
export const ids = [160,79];
export const modules = {

/***/ 79:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionNames: () => (/* binding */ actionNames),
/* harmony export */   loadAction: () => (/* binding */ loadAction)
/* harmony export */ });
/**
 * Every action, by name: the CLI's subcommands. Each one's code is loaded only when it is asked
 * for, so a subcommand starts without evaluating the other five actions and their clients.
 */
const loaders = {
    'validate-data': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(359), __webpack_require__.e(808), __webpack_require__.e(671), __webpack_require__.e(667), __webpack_require__.e(535)]).then(__webpack_require__.bind(__webpack_require__, 1535))).validateDataAction,
    'train-check': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(902)]).then(__webpack_require__.bind(__webpack_require__, 5902))).trainCheckAction,
    'evaluate-metrics-gate': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(808), __webpack_require__.e(671), __webpack_require__.e(140), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 8294))).evaluateMetricsGateAction,
    'package-model': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(359), __webpack_require__.e(494), __webpack_require__.e(915), __webpack_require__.e(806)]).then(__webpack_require__.bind(__webpack_require__, 4479))).packageModelAction,
    containerize: async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(359), __webpack_require__.e(494), __webpack_require__.e(915), __webpack_require__.e(77), __webpack_require__.e(211), __webpack_require__.e(273)]).then(__webpack_require__.bind(__webpack_require__, 8273))).containerizeAction,
    'staged-deploy': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(359), __webpack_require__.e(494), __webpack_require__.e(808), __webpack_require__.e(915), __webpack_require__.e(77), __webpack_require__.e(211), __webpack_require__.e(772)]).then(__webpack_require__.bind(__webpack_require__, 8772))).stagedDeployAction,
};
const actionNames = Object.keys(loaders);
/** The action of this name, or undefined when there is none. */
async function loadAction(name) {
    if (!Object.hasOwn(loaders, name))
        return undefined;
    return (await loaders[name]());
}


/***/ }),

/***/ 1160:
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
// EXTERNAL MODULE: ./src/actions/index.ts
var actions = __webpack_require__(79);
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
var environment = __webpack_require__(5494);
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
;// CONCATENATED MODULE: ./src/cli/main.ts












const USAGE = `Usage: mlops-actions <action> [--<input> <value>]...

Actions:
${actions.actionNames.map((a) => `  ${a}`).join('\n')}

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
    'data-schema.schema.json': async () => withId((await __webpack_require__.e(/* import() */ 625).then(__webpack_require__.bind(__webpack_require__, 3625))).dataSchemaJsonSchema(), 'data-schema', 'mlops-actions data schema (validate-data)'),
    'gates.schema.json': async () => withId((await __webpack_require__.e(/* import() */ 190).then(__webpack_require__.bind(__webpack_require__, 6190))).gatesJsonSchema(), 'gates', 'mlops-actions gates file (evaluate-metrics-gate)'),
    'model-manifest.schema.json': async () => withId((await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(359), __webpack_require__.e(494)]).then(__webpack_require__.bind(__webpack_require__, 3113))).modelManifestJsonSchema(), 'model-manifest', 'mlops-actions model package manifest (package-model)'),
    'rollout-plan.schema.json': async () => withId((await __webpack_require__.e(/* import() */ 448).then(__webpack_require__.bind(__webpack_require__, 5448))).rolloutPlanJsonSchema(), 'rollout-plan', 'mlops-actions rollout plan (staged-deploy)'),
    'report.schema.json': async () => withId((await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 8809))).reportJsonSchema(), 'report', 'mlops-actions report'),
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
            await (0,platform_files/* writeFileAtomic */.Z)(external_node_path_default().resolve(io.cwd, dir, file), `${JSON.stringify(await make(), null, 2)}\n`);
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
    const definition = await (0,actions.loadAction)(name);
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
            io.out(inputsHelp(name, definition));
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
        return (0,report.shouldFailStep)(outcome.report, failOn) ? 1 : 0;
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
function inputsHelp(name, definition) {
    const rows = (0,platform_inputs/* describeInputs */.jv)(definition.inputs).map((i) => `  --${i.name.padEnd(16)} ${i.description ?? ''}${i.required ? ' (required)' : i.default !== undefined ? ` (default: ${i.default})` : ''}`);
    return `Usage: mlops-actions ${name} [--<input> <value>]...\n\nInputs:\n${rows.join('\n')}\n`;
}
async function inferSchemaCommand(flags, workspace, io) {
    const data = flags.get('infer-schema');
    const files = await workspace.expand(data, 'infer-schema');
    const { inferDataSchema, dataSchemaToYaml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(359), __webpack_require__.e(808), __webpack_require__.e(671), __webpack_require__.e(667), __webpack_require__.e(472)]).then(__webpack_require__.bind(__webpack_require__, 5472));
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
        const [{ deploymentHistory }, { createOctokit }] = await Promise.all([__webpack_require__.e(/* import() */ 500).then(__webpack_require__.bind(__webpack_require__, 119)), __webpack_require__.e(/* import() */ 952).then(__webpack_require__.bind(__webpack_require__, 5952))]);
        events = await deploymentHistory(await createOctokit(token, run, logger), { owner, repo }, stage);
        source = `GitHub deployments of ${owner}/${repo}`;
    }
    else {
        const dir = flags.get('state-dir') ?? '.mlops/deploy';
        const { ProgressStore } = await __webpack_require__.e(/* import() */ 524).then(__webpack_require__.bind(__webpack_require__, 524));
        events = await new ProgressStore(workspace.resolve(dir)).history();
        source = `${dir}/history.jsonl`;
    }
    const stages = stage ? [stage] : [...new Set(events.map((e) => e.stage))];
    const { servingAt } = await __webpack_require__.e(/* import() */ 524).then(__webpack_require__.bind(__webpack_require__, 524));
    if (at) {
        let missing = 0;
        for (const s of stages) {
            const e = servingAt(events, s, at);
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
        const [{ openVerifiedPackage }, { SERVE_ENV, SERVE_PY, SERVE_PY_NAME }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(359), __webpack_require__.e(494), __webpack_require__.e(915)]).then(__webpack_require__.bind(__webpack_require__, 9915)), __webpack_require__.e(/* import() */ 77).then(__webpack_require__.bind(__webpack_require__, 1077))]);
        const { dir: modelDir } = await openVerifiedPackage(packagePath, workspace.display(packagePath), scratch, 'Serve what package-model wrote, unchanged');
        const script = external_node_path_default().join(scratch, SERVE_PY_NAME);
        await (0,platform_files/* writeFileAtomic */.Z)(script, SERVE_PY);
        const python = flags.get('python') ?? 'python3';
        const child = (0,external_node_child_process_.spawn)(python, [script], {
            env: { ...io.env, [SERVE_ENV.modelDir]: modelDir, [SERVE_ENV.port]: String(port), [SERVE_ENV.host]: flags.get('host') ?? '127.0.0.1' },
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


/***/ }),

/***/ 5494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J$: () => (/* binding */ commandEnvironment),
/* harmony export */   P6: () => (/* binding */ readRunEnvironment),
/* harmony export */   eR: () => (/* binding */ currentBranch)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

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
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
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


/***/ })

};
