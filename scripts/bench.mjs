// `npm run bench`: cold start of every built bundle, next to `node -e ''` measured in the same run.
//
// Each action bundle (actions/*/dist/index.js) runs the way the runner runs it (`node <main>` in
// the workspace, inputs as INPUT_* variables, fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) on
// a 3-row CSV with a matching schema; the CLI bundle runs validate-data on the example project.
// Every target alternates with `node -e ''`, so both see the same machine state; the difference of
// the medians is the bundle's own start-up cost. Build first: `npm run build`.
//
//   npm run bench [-- --runs 15]
//
// Prints a table and the target verdict, and writes the numbers as JSON to a temporary directory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsIndex = process.argv.indexOf('--runs');
const RUNS = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 15;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: node scripts/bench.mjs [--runs <n>]');
  process.exit(2);
}
const WARMUP = 2;
/** The goal: validate-data starts within this many seconds of a bare `node -e ''` (medians). */
const TARGET_ACTION = 'validate-data';
const TARGET_SECONDS = 0.2;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-actions-bench-'));
const workspace = path.join(tmp, 'workspace');
mkdirSync(workspace);
writeFileSync(path.join(workspace, 'data.csv'), 'id,name,score\n1,alpha,0.5\n2,beta,0.75\n3,gamma,0.25\n');
writeFileSync(
  path.join(workspace, 'schema.yaml'),
  ['version: 1', 'columns:', '  id: {type: integer, unique: true, nullable: false}', '  name: {type: string}', '  score: {type: number, min: 0, max: 1}', 'rows: {min: 1}', ''].join('\n'),
);

const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir() };
const bundles = existsSync(path.join(root, 'actions'))
  ? readdirSync(path.join(root, 'actions'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'dist', 'index.js')))
      .map((d) => d.name)
      .sort()
  : [];
if (bundles.length === 0) {
  console.error('bench: no built bundles in actions/*/dist/index.js; run `npm run build` first');
  process.exit(1);
}

const targets = bundles.map((name) => actionTarget(name));
if (existsSync(path.join(root, 'cli', 'dist', 'index.js'))) targets.push(cliTarget());

console.log(`cold start, ${RUNS} runs each after ${WARMUP} warm-up runs, alternating with node -e '' (node ${process.version}, ${os.cpus().length} CPUs)\n`);
const results = [];
for (const target of targets) {
  const baseline = { command: process.execPath, args: ['-e', ''], cwd: tmp, env: baseEnv };
  for (let i = 0; i < WARMUP; i++) {
    time(baseline);
    target.prepare?.();
    time(target);
  }
  const own = [];
  const bare = [];
  const exits = new Set();
  for (let i = 0; i < RUNS; i++) {
    // Alternate which one goes first, so neither always follows the other.
    const order = i % 2 === 0 ? ['bare', 'own'] : ['own', 'bare'];
    for (const which of order) {
      if (which === 'bare') bare.push(time(baseline).seconds);
      else {
        target.prepare?.();
        const run = time(target);
        own.push(run.seconds);
        exits.add(run.status);
      }
    }
  }
  const result = {
    name: target.name,
    command: target.display,
    runs: RUNS,
    exitCodes: [...exits].sort(),
    expectedExit: target.expectedExit,
    seconds: stats(own),
    nodeBaselineSeconds: stats(bare),
    medianDifferenceSeconds: round(median(own) - median(bare)),
    p90DifferenceSeconds: round(quantile(own, 0.9) - quantile(bare, 0.9)),
    medianRatio: round(median(own) / median(bare), 2),
    indexBytes: statSync(target.index).size,
    distBytes: directorySize(path.dirname(target.index)),
  };
  results.push(result);
}

printTable(results);

const judged = results.find((r) => r.name === TARGET_ACTION);
let verdict = 'MISS';
if (judged) {
  verdict = judged.medianDifferenceSeconds < TARGET_SECONDS ? 'PASS' : 'MISS';
  console.log(
    `\ntarget: ${TARGET_ACTION} cold start under ${TARGET_SECONDS.toFixed(3)} s above node -e '' (median): ${judged.medianDifferenceSeconds.toFixed(3)} s above -> ${verdict}`,
  );
} else {
  console.log(`\ntarget: ${TARGET_ACTION} cold start under ${TARGET_SECONDS.toFixed(3)} s above node -e '': no ${TARGET_ACTION} bundle -> MISS`);
}

const broken = results.filter((r) => r.expectedExit !== undefined && r.exitCodes.some((code) => !r.expectedExit.includes(code)));
for (const r of broken) console.log(`warning: ${r.name} exited with ${r.exitCodes.join(', ')} (expected ${r.expectedExit.join(' or ')}): its time is not a real run's`);

const jsonFile = path.join(tmp, 'cold-start.json');
writeFileSync(
  jsonFile,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, platform: `${process.platform}-${process.arch}`, cpus: os.cpus().length, target: { action: TARGET_ACTION, maxMedianDifferenceSeconds: TARGET_SECONDS, verdict }, results }, null, 2)}\n`,
);
console.log(`results: ${jsonFile}`);
process.exitCode = broken.length > 0 ? 1 : 0;

/** An action bundle run as the runner runs it: inputs from action.yml defaults plus the bench's own. */
function actionTarget(name) {
  const main = path.join(root, 'actions', name, 'dist', 'index.js');
  const files = path.join(tmp, `${name}-files`);
  mkdirSync(files);
  const env = { ...baseEnv };
  const spec = parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8')) ?? {};
  for (const [input, def] of Object.entries(spec.inputs ?? {})) {
    // The runner passes every default; expressions (e.g. the job token) have no value here.
    const value = def?.default === undefined || def?.default === null ? '' : String(def.default);
    if (value !== '' && !value.includes('${{')) env[`INPUT_${input.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, {
    INPUT_DATA: 'data.csv',
    INPUT_SCHEMA: 'schema.yaml',
    INPUT_COMMENT: 'false',
    'INPUT_UPLOAD-REPORT': 'never',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: path.join(files, 'output'),
    GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
    GITHUB_ENV: path.join(files, 'env'),
    GITHUB_STATE: path.join(files, 'state'),
    GITHUB_PATH: path.join(files, 'path'),
    RUNNER_TEMP: files,
  });
  return {
    name,
    index: main,
    display: `node actions/${name}/dist/index.js`,
    command: process.execPath,
    args: [main],
    cwd: workspace,
    env,
    // Only validate-data is fed inputs that make sense to it: a clean pass.
    expectedExit: name === 'validate-data' ? [0] : undefined,
    prepare() {
      // Fresh, empty file-command files before each step, as the runner makes them.
      for (const file of ['output', 'summary', 'env', 'state', 'path']) writeFileSync(path.join(files, file), '');
    },
  };
}

function cliTarget() {
  const index = path.join(root, 'cli', 'dist', 'index.js');
  const args = [
    'validate-data',
    '--data',
    'workflows-examples/example-project/data/train.csv',
    '--schema',
    'workflows-examples/example-project/data/schema.yaml',
    '--report-path',
    path.join(tmp, 'cli-report.json'),
  ];
  return {
    name: 'cli validate-data (example project)',
    index,
    display: `node cli/dist/index.js ${args.slice(0, -1).join(' ')} <tmp>/cli-report.json`,
    command: process.execPath,
    args: [index, ...args],
    cwd: root,
    env: baseEnv,
    // 0 passed, 1 the checks found problems: both are complete runs.
    expectedExit: [0, 1],
  };
}

function time(target) {
  const started = performance.now();
  const run = spawnSync(target.command, target.args, { cwd: target.cwd, env: target.env, stdio: 'ignore' });
  const seconds = (performance.now() - started) / 1000;
  if (run.error) throw run.error;
  return { seconds, status: run.status ?? -1 };
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

function median(values) {
  return quantile(values, 0.5);
}

function round(value, digits = 4) {
  return Number(value.toFixed(digits));
}

function stats(values) {
  return { median: round(median(values)), p90: round(quantile(values, 0.9)), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

function directorySize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

function printTable(rows) {
  const s = (v) => `${v.toFixed(3)} s`;
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  const header = ['target', 'median', 'p90', "node -e '' median", "node -e '' p90", 'difference (median)', 'ratio', 'index.js', 'dist', 'exit'];
  const lines = rows.map((r) => [
    r.name,
    s(r.seconds.median),
    s(r.seconds.p90),
    s(r.nodeBaselineSeconds.median),
    s(r.nodeBaselineSeconds.p90),
    `+${s(r.medianDifferenceSeconds)}`,
    `${r.medianRatio.toFixed(2)}x`,
    mb(r.indexBytes),
    mb(r.distBytes),
    r.exitCodes.join(','),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}
