import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { actionNames, loadAction } from '../actions/index.js';
import type { HistoryEvent } from '../deploy/progress.js';
import { WorkspacePaths, type ActionContext, type ActionDefinition } from '../platform/action.js';
import { commandEnvironment, readRunEnvironment } from '../platform/environment.js';
import { ConfigurationError, describeUnknownError } from '../platform/errors.js';
import { writeFileAtomic } from '../platform/files.js';
import { describeInputs, parseInputs, type RawInputs } from '../platform/inputs.js';
import type { Logger } from '../platform/logger.js';
import { renderReportText } from '../platform/render/terminal.js';
import { shouldFailStep, type FailOn } from '../platform/report.js';

// Each action, and each extra subcommand's module, is imported when it runs: a subcommand loads
// only its own code.

/**
 * `mlops-actions <action> --<input> <value> ...`: the same action definitions the bundles run, with
 * the report printed to the terminal and written to its report path. Exit codes: 0 passed, 1 the
 * checks failed (per fail-on), 2 a configuration error, 3 an internal error.
 */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The CLI bundle file, to start worker threads from; absent when running from sources. */
  workerEntry?: string;
  /** Aborted on Ctrl-C, for actions that stop their work and still report (train-check). */
  signal?: AbortSignal;
}

const USAGE = `Usage: mlops-actions <action> [--<input> <value>]...

Actions:
${actionNames.map((a) => `  ${a}`).join('\n')}

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
export const publishedSchemas: Record<string, () => Promise<Record<string, unknown>>> = {
  'data-schema.schema.json': async () => withId((await import('../data/schema.js')).dataSchemaJsonSchema(), 'data-schema', 'mlops-actions data schema (validate-data)'),
  'gates.schema.json': async () => withId((await import('../eval/gates.js')).gatesJsonSchema(), 'gates', 'mlops-actions gates file (evaluate-metrics-gate)'),
  'model-manifest.schema.json': async () =>
    withId((await import('../packaging/manifest.js')).modelManifestJsonSchema(), 'model-manifest', 'mlops-actions model package manifest (package-model)'),
  'rollout-plan.schema.json': async () => withId((await import('../deploy/plan.js')).rolloutPlanJsonSchema(), 'rollout-plan', 'mlops-actions rollout plan (staged-deploy)'),
  'report.schema.json': async () => withId((await import('../platform/report.js')).reportJsonSchema(), 'report', 'mlops-actions report'),
};

function withId(schema: Record<string, unknown>, name: string, title: string): Record<string, unknown> {
  return { $id: `https://github.com/mlops-actions/mlops-actions/schemas/${name}.schema.json`, title, ...schema };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
      await writeFileAtomic(path.resolve(io.cwd, dir, file), `${JSON.stringify(await make(), null, 2)}\n`);
    }
    io.err(`Wrote ${Object.keys(publishedSchemas).length} JSON Schemas to ${dir}\n`);
    return 0;
  }
  if (name === 'serve') {
    try {
      return await serveCommand(rest, io);
    } catch (error) {
      if (error instanceof ConfigurationError) {
        io.err(`mlops-actions serve: error: ${error.describe()}\n`);
        return 2;
      }
      throw error;
    }
  }
  const definition = await loadAction(name);
  if (!definition) {
    io.err(`mlops-actions: unknown action "${name}".\n\n${USAGE}`);
    return 2;
  }
  const debug = io.env.RUNNER_DEBUG === '1' || io.env.MLOPS_DEBUG === '1';
  try {
    // `package-model verify <bundle>`: the verify mode with the bundle as an argument.
    const verifyBundle = name === 'package-model' && rest[0] === 'verify';
    if (verifyBundle && (rest[1] === undefined || rest[1].startsWith('--'))) {
      throw new ConfigurationError('package-model verify needs the bundle', { hint: 'Write `mlops-actions package-model verify <package folder or .tar.gz>`.' });
    }
    const history = name === 'staged-deploy' && rest[0] === 'history';
    const flags = history ? new Map<string, string>() : parseFlags(verifyBundle ? rest.slice(2) : rest);
    if (verifyBundle) {
      flags.set('mode', 'verify');
      flags.set('bundle', rest[1]!);
    }
    if (flags.has('help')) {
      io.out(inputsHelp(name, definition));
      return 0;
    }
    const logger: Logger = {
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
      if (!known.has(key)) throw new ConfigurationError(`unknown option --${key}`, { hint: `Run \`mlops-actions ${name} --help\` for the inputs.` });
    }
    const raw: RawInputs = Object.fromEntries(flags);
    const inputs = parseInputs(definition.inputs, raw, name);
    const context: ActionContext = {
      run: { ...readRunEnvironment(io.env, io.cwd), workspace: io.cwd },
      logger,
      workspace,
      workerEntry: io.workerEntry,
      commandEnv: commandEnvironment(io.env),
      signal: io.signal,
    };
    const outcome = await definition.run(inputs, context);
    const reportPath = String((inputs as { 'report-path'?: string })['report-path'] ?? `mlops-reports/${name}.json`);
    await writeFileAtomic(path.resolve(io.cwd, reportPath), `${JSON.stringify(outcome.report, null, 2)}\n`);
    io.out(renderReportText(outcome.report));
    io.out(`\nReport: ${reportPath}\n`);
    const failOn = ((inputs as { 'fail-on'?: FailOn })['fail-on'] ?? 'error') as FailOn;
    return shouldFailStep(outcome.report, failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigurationError) {
      io.err(`mlops-actions ${name}: error: ${error.describe()}\n`);
      return 2;
    }
    io.err(`mlops-actions ${name}: internal error: ${describeUnknownError(error, debug)}\nThis is a bug in mlops-actions; set MLOPS_DEBUG=1 for the stack trace and please report it.\n`);
    return 3;
  }
}

function parseFlags(args: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new ConfigurationError(`unexpected argument "${arg}"`, { hint: 'Give inputs as --<input> <value>.' });
    const eq = arg.indexOf('=');
    const key = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (key === 'help') {
      flags.set('help', 'true');
      continue;
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ConfigurationError(`option --${key} needs a value`, { hint: `Write --${key} <value>.` });
      value = next;
      i++;
    }
    if (flags.has(key)) flags.set(key, `${flags.get(key)}\n${value}`);
    else flags.set(key, value);
  }
  return flags;
}

function inputsHelp(name: string, definition: ActionDefinition): string {
  const rows = describeInputs(definition.inputs).map(
    (i) => `  --${i.name.padEnd(16)} ${i.description ?? ''}${i.required ? ' (required)' : i.default !== undefined ? ` (default: ${i.default})` : ''}`,
  );
  return `Usage: mlops-actions ${name} [--<input> <value>]...\n\nInputs:\n${rows.join('\n')}\n`;
}

async function inferSchemaCommand(flags: Map<string, string>, workspace: WorkspacePaths, io: CliIo): Promise<number> {
  const data = flags.get('infer-schema')!;
  const files = await workspace.expand(data, 'infer-schema');
  const { inferDataSchema, dataSchemaToYaml } = await import('../data/infer.js');
  const schema = await inferDataSchema(files, {});
  const yaml = dataSchemaToYaml(schema, files.map((f) => f.displayName).join(', '));
  const output = flags.get('output');
  if (output) {
    await writeFileAtomic(workspace.resolve(output), yaml);
    io.err(`Wrote ${output}: review it before you commit it.\n`);
  } else {
    io.out(yaml);
  }
  return 0;
}

/**
 * `staged-deploy history`: the promotions of each stage, newest first, or with --at the image that
 * served then. Reads the local deploy history, or a repository's GitHub deployments with --repo.
 */
async function historyCommand(flags: Map<string, string>, workspace: WorkspacePaths, io: CliIo, logger: Logger): Promise<number> {
  for (const key of flags.keys()) {
    if (!['stage', 'at', 'state-dir', 'repo'].includes(key)) throw new ConfigurationError(`unknown option --${key}`, { hint: 'staged-deploy history takes --stage, --at, --state-dir and --repo.' });
  }
  const atText = flags.get('at');
  const at = atText === undefined ? undefined : new Date(atText);
  if (at && Number.isNaN(at.getTime())) throw new ConfigurationError(`--at ${atText} is not a time`, { hint: 'Write an ISO 8601 time, e.g. 2026-11-24T09:30:00Z.' });
  const stage = flags.get('stage');
  let events: HistoryEvent[];
  let source: string;
  const repoFlag = flags.get('repo');
  if (repoFlag) {
    const [owner, repo] = repoFlag.split('/');
    const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
    if (!owner || !repo) throw new ConfigurationError(`--repo ${repoFlag} is not owner/name`, { hint: 'Write --repo acme/churn.' });
    if (!token) throw new ConfigurationError('--repo needs a token in GITHUB_TOKEN', { hint: 'Export GITHUB_TOKEN with a token that may read the repository\'s deployments.' });
    if (!stage) throw new ConfigurationError('--repo needs --stage', { hint: 'GitHub lists deployments per environment: add --stage production.' });
    const run = { ...readRunEnvironment(io.env, io.cwd), repository: { owner, repo } };
    const [{ deploymentHistory }, { createOctokit }] = await Promise.all([import('../platform/deployments.js'), import('../platform/github.js')]);
    events = await deploymentHistory(await createOctokit(token, run, logger), { owner, repo }, stage);
    source = `GitHub deployments of ${owner}/${repo}`;
  } else {
    const dir = flags.get('state-dir') ?? '.mlops/deploy';
    const { ProgressStore } = await import('../deploy/progress.js');
    events = await new ProgressStore(workspace.resolve(dir)).history();
    source = `${dir}/history.jsonl`;
  }
  const stages = stage ? [stage] : [...new Set(events.map((e) => e.stage))];
  const { servingAt } = await import('../deploy/progress.js');
  if (at) {
    let missing = 0;
    for (const s of stages) {
      const e = servingAt(events, s, at);
      if (e) io.out(`${s} at ${at.toISOString()}: ${e.image}${e.model ? ` (model ${e.model.name} ${e.model.version})` : ''}, promoted ${e.at}${e.deploymentId ? `, deployment ${e.deploymentId}` : ''}\n`);
      else {
        io.out(`${s} at ${at.toISOString()}: nothing promoted yet according to ${source}\n`);
        missing++;
      }
    }
    return stages.length === 0 || missing > 0 ? 1 : 0;
  }
  const promotions = events.filter((e) => e.outcome === 'promoted' && stages.includes(e.stage)).sort((a, b) => b.at.localeCompare(a.at));
  io.out(`Promotions (${source}), newest first:\n`);
  for (const e of promotions) io.out(`  ${e.at}  ${e.stage.padEnd(12)} ${e.image}${e.model ? `  model ${e.model.name} ${e.model.version}` : ''}${e.previous ? `  (replaced ${e.previous})` : ''}\n`);
  if (promotions.length === 0) io.out('  none\n');
  return 0;
}

/**
 * `serve <package>`: the reference server (the one containerize puts in an image) over a model
 * package folder or .tar.gz, on 127.0.0.1, until Ctrl-C or SIGTERM, which it passes on.
 */
async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const bundle = args[0];
  if (bundle === undefined || bundle.startsWith('--')) throw new ConfigurationError('serve needs a model package', { hint: 'Write `mlops-actions serve <package folder or .tar.gz> [--port 8080]`.' });
  const flags = parseFlags(args.slice(1));
  for (const key of flags.keys()) {
    if (!['port', 'python', 'host'].includes(key)) throw new ConfigurationError(`unknown option --${key}`, { hint: 'serve takes --port, --host and --python.' });
  }
  const port = Number(flags.get('port') ?? '8080');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigurationError(`--port ${flags.get('port')} is not a port`, { hint: 'Give a number from 1 to 65535.' });
  const workspace = new WorkspacePaths(io.cwd);
  const packagePath = workspace.resolve(bundle);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'mlops-serve-'));
  try {
    const [{ openVerifiedPackage }, { SERVE_ENV, SERVE_PY, SERVE_PY_NAME }] = await Promise.all([import('../packaging/package.js'), import('../container/serve-runtime.js')]);
    const { dir: modelDir } = await openVerifiedPackage(packagePath, workspace.display(packagePath), scratch, 'Serve what package-model wrote, unchanged');
    const script = path.join(scratch, SERVE_PY_NAME);
    await writeFileAtomic(script, SERVE_PY);
    const python = flags.get('python') ?? 'python3';
    const child = spawn(python, [script], {
      env: { ...io.env, [SERVE_ENV.modelDir]: modelDir, [SERVE_ENV.port]: String(port), [SERVE_ENV.host]: flags.get('host') ?? '127.0.0.1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    try {
      return await new Promise<number>((resolve) => {
        child.on('error', (error) => {
          io.err(`mlops-actions serve: cannot start ${python}: ${error.message}. Give a Python 3 with the model's requirements with --python.\n`);
          resolve(2);
        });
        child.on('close', (code, signal) => resolve(code ?? (signal ? 0 : 1)));
      });
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
