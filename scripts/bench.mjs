// `npm run bench`: six benchmarks, all by default.
//
// Cold start (`--only cold-start`): every built bundle, next to `node -e ''` measured in the same
// run. Each action bundle (actions/*/dist/index.js) runs the way the runner runs it (`node <main>`
// in the workspace, inputs as INPUT_* variables, fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files)
// on a 3-row CSV with a matching schema (evaluate-metrics-gate on 4 predictions and a one-gate file); the
// CLI bundle runs validate-data on the example project.
// Every target alternates with `node -e ''`, so both see the same machine state; the difference of
// the medians is the bundle's own start-up cost. Build first: `npm run build`.
//
// Data job (`--only data-job`): validate-data's whole job on 1,000,000 rows x 20 columns (~160 MB
// of CSV) with a schema and a 1,000,000-row reference for drift, by three programs side by side:
// ours (the CLI bundle), the same job in pandas + scipy (test/bench/pandas_job.py) and in DuckDB
// (test/bench/duckdb-job.mjs). The data is generated once by test/bench/generate-data.mjs into a
// cache directory under the system temporary directory, reused while the generator version and
// row count match. The three run alternately, N times each; each run is timed as a whole process
// (start to exit) and its peak memory is the largest resident set of its process tree (VmRSS of
// the process and its descendants from /proc every 20 ms, and GNU time's %M where /usr/bin/time
// exists: the larger of the two). The table shows medians, peaks, the speed-ups of ours over the
// others and the targets, then the median time of each phase as the pandas and DuckDB jobs report
// it. Consistency lines check that pandas and DuckDB (and ours) agree on row counts, nulls per
// column, violations per check and drifted columns, and on the profile (counts exactly; distinct
// counts, means and medians within a tolerance, since sketches and approx_quantile are allowed).
// With `--big`, ours also runs alone on 10,000,000 rows (~1.6 GB, generated on first use; the
// reference stays at --rows) to show whether its peak memory stays flat.
// Until validate-data takes `--reference`, ours runs without it (checks only, no drift) and the
// table says so; once the CLI accepts it, the full job runs with no change here.
//
// Gate (`--only gate`): evaluate-metrics-gate's paired bootstrap (1,000,000 binary predictions of
// two models, 1,000 resamples, 8 metrics with intervals) against the same bootstrap in numpy, by
// scripts/bench-bootstrap.mjs (see there); --runs and --rows pass through.
//
// Train overhead (`--only train-overhead`): what train-check's monitoring (the process tree sampled
// from /proc every 250 ms) adds to a CPU-bound training run of about a minute. The workload,
// test/bench/cpu_train.py, is a fixed amount of single-threaded numpy gradient descent
// (--train-steps steps, default 350) that writes steps.jsonl and metrics.json to $MLOPS_OUTPUT_DIR.
// It runs bare (python directly, MLOPS_OUTPUT_DIR set to a fresh folder) and monitored (the CLI
// bundle's train-check with --command set to the same python command, --smoke false, in a fresh
// workspace), in pairs whose order alternates, so drift in the machine's speed falls on both alike.
// Each run is timed as a whole process, node's start-up and train-check's checks and report
// included. Prints the medians, the overhead (monitored / bare - 1) against the target (< 2 %), and
// next to each other the CPU time and peak memory of the bare workload (GNU time, and the
// workload's own getrusage) and those train-check reports for it, plus train-check's own CPU. A
// monitored run that does not exit 0 with the verdict pass fails the section.
//
// Package (`--only package`): package-model on one 1 GiB model file (--package-mib), against what
// a shell does for the same two jobs: `openssl dgst -sha256` of the file, then `tar cf - | gzip -1`
// of it. The file is float32 Gaussian weights, generated once per bench run into a temporary
// workspace, so that gzip -1 keeps about as much of it as of a real checkpoint (printed, from a
// 64 MiB sample). Ours is the CLI bundle's package-model at compression level 1, without artifact
// upload or attestation, in that workspace: it copies the file into the bundle folder while hashing
// it, then writes the deterministic .tar.gz. The two alternate in pairs whose order flips; the
// file is read once before them, so both read it from the page cache, and `sync` runs before every
// run, so none pays for the previous one's write-back. Prints the medians of wall time, CPU and
// peak memory (GNU time's %M: node's peak for ours, the largest process of the pipeline for the
// shell), the speed ratio (shell wall / ours wall) against the target (>= 0.9), both archive sizes,
// and whether ours' memory stays flat: its peak on the file against its peak on a file of a
// quarter of the size (target: at most 50 MiB more). A run of ours that does not exit 0 with the
// verdict pass fails the section. The generated files and archives are deleted at the end.
//
// Container (`--only container`): containerize on a package of one 500 MiB model file
// (--container-mib), against a Docker daemon of its own and a Distribution registry on loopback,
// both started here (scripts/container-test-env.mjs; the base image is pushed into the registry
// once). The model is float32 Gaussian weights, as in the package section; each variant of it
// differs from the previous one in 16 bytes and is packaged by package-model. What travels is
// counted on the registry's side: the blobs whose uploads it committed (its access log) and what
// its blob storage grew by, next to the client's own count from the report. In order, to one
// repository: the daemonless builder's first push; the same package again (same digest, nothing
// sent); a model-only change (only the model layer and the config travel); a code-only change
// (only the runtime layer and the config travel), made by a copy of the CLI bundle whose server
// has one comment line more, as a release that changes only the server would be. Then build and
// push from scratch: the daemonless builder against the docker builder (`docker build` and
// `docker push` of the same package into fresh repositories), in pairs whose order alternates,
// each pair on a model variant of its own, so that neither the build cache nor a layer already in
// the registry spares either side the work; the docker builder's image is deleted from the daemon
// after each run. Each run is timed as a whole process; CPU is the client's (GNU time), the
// daemon's and the registry's (their process trees, from /proc). Prints both tables, the layer
// sizes, and verdicts: the digest stable across two builds, each change sending at most 1.1x its
// layer and the config and at most 5 % of the other layer, and the daemonless builder faster than
// docker (the ratio of the medians). The registry, the daemon and every file are removed at the
// end, also on failure.
//
// Deploy (`--only deploy`): staged-deploy against a candidate that answers 500 to some requests,
// with a 10 s analysis interval, two real model servers behind a real HAProxy and steady load
// through it: from the first failed request to traffic back on stable, and the requests failed
// meanwhile (test/bench/deploy-bench.ts). Target: within one analysis interval.
//
//   npm run bench [-- --only cold-start|data-job|gate|train-overhead|package|container|deploy] [--runs N] [--rows N] [--big] [--train-steps N] [--package-mib N] [--container-mib N]
//
// --runs: runs per target (default 15 for cold start, 3 for the data job; pairs for the train
// overhead and the package, default 3; pairs for the container, default 1). --train-steps: the
// train-overhead workload's steps. --package-mib: the package section's model file size in MiB
// (default 1024). --container-mib: the container section's (default 500). --rows: data-job rows
// (default 1,000,000; the reference has as many). pandas+scipy needs a python3 with pandas and
// scipy (BENCH_PYTHON=<python> to choose one); DuckDB needs the dev dependency
// @duckdb/node-api. Either is skipped, with a message, when missing. BENCH_CLI=<index.js> runs
// another build of the CLI as ours (say, an older bundle from `git archive`, for a before/after),
// in the data job, the train overhead, the package and the container. The train overhead needs a
// python3 with numpy (BENCH_PYTHON, else /usr/bin/python3, else python3 on PATH). The package needs
// openssl, tar and gzip on PATH. The container needs dockerd, docker and docker-registry; the first
// run builds the base image (about five minutes, then cached).
//
// Prints tables and target verdicts, and writes the numbers as JSON to a temporary directory.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BASE_IMAGE, dockerdAvailable, ensureBaseImage, startDockerd } from './container-test-env.mjs';
import { ensureExtraDevDependencies } from './dev-extras.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: node scripts/bench.mjs [--only cold-start|data-job|gate|train-overhead|package|container|deploy] [--runs <n>] [--rows <n>] [--big] [--train-steps <n>] [--package-mib <n>] [--container-mib <n>]';
const options = parseOptions(process.argv.slice(2));
const WARMUP = 2;
/** The goal: validate-data starts within this many seconds of a bare `node -e ''` (medians). */
const TARGET_ACTION = 'validate-data';
const TARGET_SECONDS = 0.2;
/** Data-job goals: ours this many times faster than each (medians), and under this peak memory. */
const TARGET_SPEEDUP = { pandas: 8, duckdb: 2 };
const TARGET_PEAK_MIB = 300;
const BIG_ROWS = 10_000_000;
/** Train-overhead goal: train-check adds under this much wall time to the bare command (medians). */
const TARGET_TRAIN_OVERHEAD_PERCENT = 2;
/** The workload's steps by default: about a minute of one core (0.17 s a step where it was sized). */
const TRAIN_STEPS = 350;
/** Package goals: ours at least this fraction of the shell's speed (shell wall / ours wall, medians)... */
const TARGET_PACKAGE_SPEED = 0.9;
/** ...and its peak memory on the whole file at most this many MiB above its peak on a quarter of it. */
const TARGET_PACKAGE_FLAT_MIB = 50;
/** The model file's size by default, in MiB. */
const PACKAGE_MIB = 1024;
/** Container goals: a change sends at most this many times its layer and the new config... */
const TARGET_CONTAINER_CHANGED = 1.1;
/** ...and at most this share of the layer it did not change. */
const TARGET_CONTAINER_UNCHANGED_PERCENT = 5;
/** The container section's model file by default, in MiB. */
const CONTAINER_MIB = 500;
/** The deploy section's analysis interval: a bad canary must be off traffic within it. */
const DEPLOY_INTERVAL_SECONDS = 10;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-actions-bench-'));
const workspace = path.join(tmp, 'workspace');
const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir() };
let exitCode = 0;
if (options.only === undefined || options.only === 'cold-start') exitCode = Math.max(exitCode, coldStart(options.runs ?? 15));
if (options.only === undefined || options.only === 'data-job') {
  if (options.only === undefined) console.log('');
  exitCode = Math.max(exitCode, await dataJob({ runs: options.runs ?? 3, rows: options.rows ?? 1_000_000, big: options.big }));
}
if (options.only === undefined || options.only === 'gate') {
  if (options.only === undefined) console.log('');
  exitCode = Math.max(exitCode, gateBootstrap({ runs: options.runs ?? 3, rows: options.rows ?? 1_000_000 }));
}
if (options.only === undefined || options.only === 'train-overhead') {
  if (options.only === undefined) console.log('');
  exitCode = Math.max(exitCode, await trainOverhead({ pairs: options.runs ?? 3, steps: options.trainSteps ?? TRAIN_STEPS }));
}
if (options.only === undefined || options.only === 'package') {
  if (options.only === undefined) console.log('');
  exitCode = Math.max(exitCode, await packageBench({ pairs: options.runs ?? 3, sizeMib: options.packageMib ?? PACKAGE_MIB }));
}
if (options.only === undefined || options.only === 'container') {
  if (options.only === undefined) console.log('');
  exitCode = Math.max(exitCode, await containerBench({ pairs: options.runs ?? 1, sizeMib: options.containerMib ?? CONTAINER_MIB }));
}
if (options.only === undefined || options.only === 'deploy') {
  if (options.only === undefined) console.log('');
  exitCode = Math.max(exitCode, await deployBenchSection({ runs: options.runs ?? 3 }));
}

// ---- deploy -------------------------------------------------------------------------------------

/**
 * staged-deploy taking a bad canary out of traffic (test/bench/deploy-bench.ts, which reuses the
 * tests' HAProxy, load generator and model servers). That file is TypeScript: it is bundled here
 * with rolldown, the bundler vitest's vite already brings, into the bench's temporary folder.
 */
async function deployBenchSection({ runs }) {
  console.log(`staged-deploy: a candidate that answers 500 to some requests, ${DEPLOY_INTERVAL_SECONDS} s analysis interval, steady load through a real HAProxy (${runs} runs)`);
  const cli = benchCli('staged-deploy');
  if (!cli) return 1;
  const { build } = await import('rolldown');
  const out = path.join(tmp, 'deploy-bench.mjs');
  await build({ input: path.join(root, 'test', 'bench', 'deploy-bench.ts'), platform: 'node', logLevel: 'silent', output: { file: out, format: 'esm' }, external: [/^node:/, /node_modules/] });
  const { deployBench } = await import(out);
  const { runs: results, ok } = await deployBench({ root, cli, runs, intervalSeconds: DEPLOY_INTERVAL_SECONDS });
  const rows = results.map((r, i) => [
    `run ${i + 1}`,
    `${(r.faultToStableMs / 1000).toFixed(2)} s`,
    `${r.failedRequests} of ${r.sentRequests}`,
    `${(r.detectionMs / 1000).toFixed(2)} s`,
    `${r.rollbackMs.toFixed(1)} ms`,
    r.outcome,
  ]);
  const faults = results.map((r) => r.faultToStableMs / 1000);
  rows.push(['median', `${median(faults).toFixed(2)} s`, `${median(results.map((r) => r.failedRequests))}`, `${median(results.map((r) => r.detectionMs / 1000)).toFixed(2)} s`, '', '']);
  const header = ['', 'first failed request → traffic on stable', 'requests failed', 'step start → rolled back', 'rollback call', 'outcome'];
  printColumns(header, rows);
  console.log(`target: traffic back on stable within one analysis interval (${DEPLOY_INTERVAL_SECONDS} s) of the fault: ${ok ? 'PASS' : 'MISS'}`);
  return ok ? 0 : 1;
}

/** The metric gate's paired bootstrap against numpy: scripts/bench-bootstrap.mjs, which prints its own table. */
function gateBootstrap({ runs, rows }) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-bootstrap.mjs'), '--runs', String(runs), '--rows', String(rows)], { stdio: 'inherit' });
  return result.status ?? 1;
}
process.exitCode = exitCode;

function coldStart(runs) {
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'data.csv'), 'id,name,score\n1,alpha,0.5\n2,beta,0.75\n3,gamma,0.25\n');
  writeFileSync(
    path.join(workspace, 'schema.yaml'),
    ['version: 1', 'columns:', '  id: {type: integer, unique: true, nullable: false}', '  name: {type: string}', '  score: {type: number, min: 0, max: 1}', 'rows: {min: 1}', ''].join('\n'),
  );

  writeFileSync(path.join(workspace, 'predictions.csv'), 'y_true,y_score\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n');
  writeFileSync(path.join(workspace, 'gates.yaml'), 'version: 1\nmetrics:\n  roc_auc: {min: 0.5}\n');

  const bundles = existsSync(path.join(root, 'actions'))
    ? readdirSync(path.join(root, 'actions'), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'dist', 'index.js')))
        .map((d) => d.name)
        .sort()
    : [];
  if (bundles.length === 0) {
    console.error('bench: no built bundles in actions/*/dist/index.js; run `npm run build` first');
    return 1;
  }

  const targets = bundles.map((name) => actionTarget(name));
  if (existsSync(path.join(root, 'cli', 'dist', 'index.js'))) targets.push(cliTarget());

  console.log(`cold start, ${runs} runs each after ${WARMUP} warm-up runs, alternating with node -e '' (node ${process.version}, ${os.cpus().length} CPUs)\n`);
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
    for (let i = 0; i < runs; i++) {
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
      runs,
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
  return broken.length > 0 ? 1 : 0;
}

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
    INPUT_PREDICTIONS: 'predictions.csv',
    INPUT_GATES: 'gates.yaml',
    INPUT_RESAMPLES: '50',
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
    // validate-data and evaluate-metrics-gate are fed inputs that make sense to them: a clean pass.
    expectedExit: name === 'validate-data' || name === 'evaluate-metrics-gate' ? [0] : undefined,
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

/** Prints rows under a header, the first column left-aligned and the others right-aligned. */
function printColumns(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((l) => String(l[i]).length)));
  const format = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(format(row));
}

/**
 * The CLI bundle to measure (BENCH_CLI, else cli/dist/index.js), checked to exist and, when
 * `action` is given, to have that action; undefined after saying why.
 */
function benchCli(action) {
  const cli = process.env.BENCH_CLI ? path.resolve(process.env.BENCH_CLI) : path.join(root, 'cli', 'dist', 'index.js');
  if (!existsSync(cli)) {
    console.error(`bench: no CLI bundle at ${cli}; run \`npm run build\` first`);
    return undefined;
  }
  if (action) {
    const probe = spawnSync(process.execPath, [cli, action, '--help'], { cwd: tmp, env: baseEnv, encoding: 'utf8' });
    if (probe.status !== 0) {
      console.error(`bench: the CLI at ${cli} has no ${action} (exit ${probe.status}: ${`${probe.stderr}${probe.stdout}`.trim().split('\n')[0]}); run \`npm run build\` first`);
      return undefined;
    }
  }
  return cli;
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
  printColumns(header, lines);
}

// ---- data job ---------------------------------------------------------------------------------

async function dataJob({ runs, rows, big }) {
  const cli = benchCli();
  if (!cli) return 1;
  const generator = await import(path.join(root, 'test', 'bench', 'generate-data.mjs'));
  const dir = await dataset(generator, rows, rows);
  const files = { data: path.join(dir, 'data.csv'), reference: path.join(dir, 'reference.csv'), schema: path.join(dir, 'schema.yaml') };
  const withReference = oursTakesReference(cli);

  const tools = [oursTool(cli, files, withReference, 'ours')];
  const skipped = [];
  const python = findPython();
  if (python) tools.push(pandasTool(python, files));
  else skipped.push('pandas+scipy: skipped, no python3 with pandas and scipy found (set BENCH_PYTHON, or e.g. apt-get install python3-pandas python3-scipy)');
  ensureExtraDevDependencies(root);
  const duckdb = duckdbVersion();
  if (duckdb) tools.push(duckdbTool(files, duckdb));
  else skipped.push('DuckDB: skipped, @duckdb/node-api could not be installed');

  const totalBytes = statSync(files.data).size;
  console.log(
    `data job: ${formatCount(rows)} rows x 20 columns (${mib(totalBytes)}) against schema.yaml and a ${formatCount(rows)}-row reference; ` +
      `${runs} run${runs === 1 ? '' : 's'} each, alternating (node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)})`,
  );
  console.log(`data: ${dir}`);
  if (!withReference.supported) console.log(`ours: ${withReference.reason}; running it without --reference (checks only, no drift yet)`);
  for (const line of skipped) console.log(line);
  console.log('');
  await warmPageCache([files.data, files.reference]);

  for (const tool of tools) tool.runs = [];
  for (let i = 0; i < runs; i++) {
    // Rotate the order, so no program always runs right after the same other one.
    for (let k = 0; k < tools.length; k++) {
      const tool = tools[(i + k) % tools.length];
      process.stdout.write(`  run ${i + 1}/${runs}: ${tool.label} ... `);
      const run = await measure(tool);
      tool.runs.push(run);
      const cpu = run.cpuSeconds === undefined ? '' : ` (CPU ${run.cpuSeconds.toFixed(2)} s)`;
      console.log(`${run.seconds.toFixed(2)} s${cpu}, ${mib(run.peakBytes)}${run.ok ? '' : `, FAILED (exit ${run.status})`}`);
      if (!run.ok) console.log(indent(run.stderr.trim().split('\n').slice(-15).join('\n')));
    }
  }
  console.log('');

  const results = tools.map((tool) => summarizeTool(tool));
  const ours = results.find((r) => r.key === 'ours');
  for (const r of results) {
    if (r.key === 'ours' || !ours.ok || !r.ok) continue;
    r.speedup = r.seconds.median / ours.seconds.median;
    r.target = TARGET_SPEEDUP[r.key];
    r.verdict = r.speedup >= r.target ? 'PASS' : 'MISS';
  }
  ours.target = TARGET_PEAK_MIB;
  ours.verdict = ours.ok && ours.peakBytes / 1024 / 1024 < TARGET_PEAK_MIB ? 'PASS' : 'MISS';
  printDataTable(results);

  console.log('');
  for (const r of results) {
    if (r.key === 'ours') continue;
    const what = r.key === 'pandas' ? 'pandas+scipy' : 'DuckDB';
    if (r.speedup === undefined) console.log(`target: ours >= ${TARGET_SPEEDUP[r.key]}x faster than ${what}: no result -> MISS`);
    else console.log(`target: ours >= ${r.target}x faster than ${what} (medians): ${r.speedup.toFixed(2)}x -> ${r.verdict}`);
  }
  console.log(`target: ours peak memory < ${TARGET_PEAK_MIB} MiB: ${mib(ours.peakBytes)} -> ${ours.verdict}`);
  for (const skip of ['pandas', 'duckdb']) if (!results.some((r) => r.key === skip)) console.log(`target: ours >= ${TARGET_SPEEDUP[skip]}x faster than ${skip === 'pandas' ? 'pandas+scipy' : 'DuckDB'}: not measured (skipped)`);
  if (!withReference.supported) {
    console.log('note: ours ran without --reference, so it did the checks only while the others also profiled and tested drift: the speed-ups are not like for like yet.');
  }
  if (results.every((r) => r.cpuSeconds !== undefined) && ours.cpuSeconds > 0) {
    const parts = results.map((r) => `${r.label} ${r.cpuSeconds.toFixed(2)} s${r.key === 'ours' ? '' : ` (${(r.cpuSeconds / ours.cpuSeconds).toFixed(2)}x ours)`}`);
    console.log(`CPU time (user + system, all threads; median): ${parts.join(', ')}`);
  }
  for (const r of results) if (r.phases) console.log(`${r.label} phases (median s): ${Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);

  console.log('');
  const consistency = checkConsistency(results);
  for (const line of consistency.lines) console.log(line);

  let bigResult;
  if (big) {
    console.log('');
    const bigDir = await dataset(generator, BIG_ROWS, rows);
    const bigFiles = { data: path.join(bigDir, 'data.csv'), reference: path.join(bigDir, 'reference.csv'), schema: path.join(bigDir, 'schema.yaml') };
    const tool = oursTool(cli, bigFiles, withReference, 'ours-big');
    await warmPageCache([bigFiles.data]);
    process.stdout.write(`  ours on ${formatCount(BIG_ROWS)} rows (${mib(statSync(bigFiles.data).size)}) ... `);
    const run = await measure(tool);
    const cpu = run.cpuSeconds === undefined ? '' : ` (CPU ${run.cpuSeconds.toFixed(2)} s)`;
    console.log(`${run.seconds.toFixed(2)} s${cpu}, ${mib(run.peakBytes)}${run.ok ? '' : `, FAILED (exit ${run.status})`}`);
    if (!run.ok) console.log(indent(run.stderr.trim().split('\n').slice(-15).join('\n')));
    const verdict = run.ok && run.peakBytes / 1024 / 1024 < TARGET_PEAK_MIB ? 'PASS' : 'MISS';
    bigResult = { rows: BIG_ROWS, referenceRows: rows, seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakBytes: run.peakBytes, status: run.status, verdict };
    const rate = (n, seconds) => `${formatCount(Math.round(n / seconds))} rows/s`;
    console.log(
      `\nflat memory: ours peak ${mib(ours.peakBytes)} on ${formatCount(rows)} rows, ${mib(run.peakBytes)} on ${formatCount(BIG_ROWS)} rows ` +
        `(${(run.peakBytes / ours.peakBytes).toFixed(2)}x for ${(BIG_ROWS / rows).toFixed(0)}x the rows; ${rate(rows, ours.seconds.median)} vs ${rate(BIG_ROWS, run.seconds)})`,
    );
    console.log(`target: ours peak memory < ${TARGET_PEAK_MIB} MiB on ${formatCount(BIG_ROWS)} rows: ${mib(run.peakBytes)} -> ${verdict}`);
  }

  const jsonFile = path.join(tmp, 'data-job.json');
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: os.cpus().length,
        rows,
        dataDir: dir,
        oursWithReference: withReference.supported,
        targets: { speedup: TARGET_SPEEDUP, peakMiB: TARGET_PEAK_MIB },
        results: results.map((r) => ({ ...r, summary: undefined })),
        consistency: consistency.details,
        big: bigResult,
        summaries: Object.fromEntries(results.map((r) => [r.key, r.summary])),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results: ${jsonFile}`);
  return results.every((r) => r.ok) && (!bigResult || bigResult.status === 0 || bigResult.status === 1) ? 0 : 1;
}

/** The cached dataset for these row counts, generated first when missing or from another generator version. */
async function dataset(generator, rows, referenceRows) {
  const dir = path.join(os.tmpdir(), 'mlops-actions-bench-data', `v${generator.GENERATOR_VERSION}-${rows}-${referenceRows}`);
  const manifestFile = path.join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    try {
      const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
      const sizeOk = (file, bytes) => existsSync(path.join(dir, file)) && statSync(path.join(dir, file)).size === bytes;
      if (
        m.generatorVersion === generator.GENERATOR_VERSION &&
        m.rows === rows &&
        m.referenceRows === referenceRows &&
        sizeOk('data.csv', m.dataBytes) &&
        sizeOk('reference.csv', m.referenceBytes) &&
        existsSync(path.join(dir, 'schema.yaml'))
      ) {
        return dir;
      }
    } catch {
      // Unreadable manifest: generate again.
    }
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`generating ${formatCount(rows)} rows and a ${formatCount(referenceRows)}-row reference (once; cached) ... `);
  const manifest = await generator.generate(dir, { rows, referenceRows });
  console.log(`${manifest.seconds} s, ${mib(manifest.dataBytes + manifest.referenceBytes)}`);
  return dir;
}

/** Reads the files once, so the first timed run does not pay for the disk. */
async function warmPageCache(files) {
  for (const file of files) {
    await new Promise((resolve, reject) => {
      const stream = createReadStream(file, { highWaterMark: 1 << 22 });
      stream.on('data', () => {});
      stream.on('end', resolve);
      stream.on('error', reject);
    });
  }
}

/** Whether the CLI's validate-data takes --reference yet, tried on a 3-row file. */
function oursTakesReference(cli) {
  const dir = path.join(tmp, 'reference-probe');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'data.csv'), 'x\n1\n2\n3\n');
  writeFileSync(path.join(dir, 'schema.yaml'), 'version: 1\ncolumns:\n  x: {type: integer}\n');
  const args = [cli, 'validate-data', '--data', 'data.csv', '--schema', 'schema.yaml', '--reference', 'data.csv', '--report-path', 'report.json', '--fail-on', 'never'];
  const run = spawnSync(process.execPath, args, { cwd: dir, env: baseEnv, encoding: 'utf8' });
  if (run.status === 0 || run.status === 1) return { supported: true };
  const message = `${run.stderr ?? ''}${run.stdout ?? ''}`;
  if (run.status === 2 && /unknown option --reference/.test(message)) return { supported: false, reason: 'the CLI rejects --reference ("unknown option --reference")' };
  return { supported: false, reason: `the CLI failed with --reference on a 3-row file (exit ${run.status}: ${message.trim().split('\n')[0]})` };
}

function oursTool(cli, files, withReference, key) {
  const report = path.join(tmp, `${key}-report.json`);
  const args = [cli, 'validate-data', '--data', files.data, '--schema', files.schema];
  if (withReference.supported) args.push('--reference', files.reference);
  args.push('--report-path', report, '--fail-on', 'never');
  return {
    key: 'ours',
    label: withReference.supported ? 'ours' : 'ours (checks only, no drift yet)',
    command: process.execPath,
    args,
    cwd: tmp,
    okStatus: [0, 1],
    // The summary for the consistency check comes from the JSON report.
    summarize: () => oursSummary(report),
  };
}

function pandasTool(python, files) {
  // The same schema as JSON, so the job needs no PyYAML (Debian's python3-pandas does not pull it in).
  const schemaJson = path.join(tmp, 'schema.json');
  writeFileSync(schemaJson, `${JSON.stringify(parse(readFileSync(files.schema, 'utf8')), null, 2)}\n`);
  return {
    key: 'pandas',
    label: 'pandas+scipy',
    command: python,
    args: [path.join(root, 'test', 'bench', 'pandas_job.py'), '--data', files.data, '--schema', schemaJson, '--reference', files.reference],
    cwd: tmp,
    okStatus: [0],
    summarize: (stdout) => JSON.parse(stdout),
  };
}

function duckdbTool(files, version) {
  return {
    key: 'duckdb',
    label: `DuckDB ${version}`,
    command: process.execPath,
    args: [path.join(root, 'test', 'bench', 'duckdb-job.mjs'), '--data', files.data, '--schema', files.schema, '--reference', files.reference],
    cwd: root,
    okStatus: [0],
    summarize: (stdout) => JSON.parse(stdout),
  };
}

/** A python3 that imports pandas and scipy: BENCH_PYTHON, python3 on PATH, then the system one. */
function findPython() {
  const candidates = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean);
  for (const candidate of [...new Set(candidates)]) {
    const probe = spawnSync(candidate, ['-c', 'import numpy, pandas, scipy.stats'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

function duckdbVersion() {
  try {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('@duckdb/node-api/package.json');
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Runs one program to its end: wall time from spawn to exit, and peak memory as the larger of
 * (a) the largest sum of VmRSS over the process tree, sampled every 20 ms from /proc (the tree
 * itself re-read every 100 ms), and (b) GNU time's %M (the largest single process's peak, exact),
 * when /usr/bin/time exists. GNU time also gives the CPU time (user + system, all threads), which
 * a busy machine disturbs less than the wall time.
 */
async function measure(tool) {
  const GNU_TIME = gnuTime();
  const timeFile = path.join(tmp, 'maxrss.txt');
  rmSync(timeFile, { force: true });
  const wrapped = GNU_TIME ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, tool.command, ...tool.args]] : [tool.command, tool.args];
  const started = performance.now();
  const child = spawn(wrapped[0], wrapped[1], { cwd: tool.cwd, env: tool.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.on('data', (chunk) => err.push(chunk));
  let tree = [child.pid];
  let polls = 0;
  let peakTree = 0;
  const poll = () => {
    if (polls++ % 5 === 0) tree = processTree(child.pid);
    let sum = 0;
    for (const pid of tree) if (!(GNU_TIME && pid === child.pid)) sum += residentBytes(pid);
    if (sum > peakTree) peakTree = sum;
  };
  const timer = setInterval(poll, 20);
  poll();
  const { status, signal } = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve({ status: code, signal: sig }));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  let maxrssBytes = 0;
  let cpuSeconds;
  if (GNU_TIME && existsSync(timeFile)) {
    // "<max RSS KiB> <user s> <system s>"; GNU time prints "Command exited with non-zero status N"
    // on a line before it when the command fails.
    const [kb, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if (Number.isFinite(kb)) maxrssBytes = kb * 1024;
    if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user + system;
  }
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  const ok = signal === null && tool.okStatus.includes(status);
  let summary;
  if (ok) {
    try {
      summary = tool.summarize(stdout);
    } catch (error) {
      summary = { error: String(error) };
    }
  }
  return { seconds, cpuSeconds, peakBytes: Math.max(peakTree, maxrssBytes), peakTreeBytes: peakTree, maxrssBytes, status: signal ?? status, ok, stdout, stderr, summary };
}

/** GNU time, when /usr/bin/time is it (BSD and busybox time lack -f %M); looked up once. */
function gnuTime() {
  if (gnuTime.found === undefined) {
    const candidate = '/usr/bin/time';
    const probe = existsSync(candidate) ? spawnSync(candidate, ['-f', '%M', 'true'], { encoding: 'utf8' }) : undefined;
    gnuTime.found = probe?.status === 0 && /^\d+\s*$/.test(probe.stderr) ? candidate : null;
  }
  return gnuTime.found ?? undefined;
}

/** The pid and all its descendants, from the parent pids in /proc/<pid>/stat. */
function processTree(rootPid) {
  const children = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return [rootPid];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
    } catch {
      continue;
    }
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(entry));
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

function residentBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function summarizeTool(tool) {
  const good = tool.runs.filter((r) => r.ok);
  const seconds = good.map((r) => r.seconds);
  const last = good.at(-1)?.summary;
  const phases = {};
  for (const run of good) for (const [k, v] of Object.entries(run.summary?.timings ?? {})) (phases[k] ??= []).push(v);
  return {
    key: tool.key,
    label: tool.label,
    command: [tool.command, ...tool.args].map((a) => a.replace(root + path.sep, '').replace(tmp + path.sep, '<tmp>/')).join(' '),
    ok: good.length === tool.runs.length && good.length > 0,
    runs: tool.runs.map((r) => ({ seconds: round(r.seconds), cpuSeconds: r.cpuSeconds === undefined ? undefined : round(r.cpuSeconds), peakBytes: r.peakBytes, peakTreeBytes: r.peakTreeBytes, maxrssBytes: r.maxrssBytes, status: r.status })),
    seconds: seconds.length ? stats(seconds) : undefined,
    cpuSeconds: good.length && good.every((r) => r.cpuSeconds !== undefined) ? round(median(good.map((r) => r.cpuSeconds))) : undefined,
    peakBytes: Math.max(0, ...good.map((r) => r.peakBytes)),
    phases: Object.keys(phases).length ? Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])) : undefined,
    summary: last,
  };
}

function printDataTable(results) {
  const header = ['program', 'median', 'min', 'max', 'CPU (median)', 'peak memory', 'ours faster by', 'target', 'verdict'];
  const lines = results.map((r) => [
    r.label,
    r.seconds ? `${r.seconds.median.toFixed(2)} s` : 'failed',
    r.seconds ? `${r.seconds.min.toFixed(2)} s` : '',
    r.seconds ? `${r.seconds.max.toFixed(2)} s` : '',
    r.cpuSeconds === undefined ? 'n/a' : `${r.cpuSeconds.toFixed(2)} s`,
    r.ok ? mib(r.peakBytes) : '',
    r.key === 'ours' ? '' : r.speedup === undefined ? 'n/a' : `${r.speedup.toFixed(2)}x`,
    r.key === 'ours' ? `< ${TARGET_PEAK_MIB} MiB` : `>= ${TARGET_SPEEDUP[r.key]}x`,
    r.verdict ?? 'MISS',
  ]);
  printColumns(header, lines);
}

/** Ours as the same summary shape as the other two, from its JSON report (whatever parts it has). */
function oursSummary(reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const details = report.details ?? {};
  const violations = {};
  for (const check of details.checks ?? []) (violations[check.column] ??= {})[check.rule] = check.failures;
  let nulls;
  let profile;
  if (Array.isArray(details.profile)) {
    nulls = Object.fromEntries(details.profile.map((c) => [c.name, c.nulls]));
    profile = Object.fromEntries(details.profile.map((c) => [c.name, { count: c.count, distinct: c.distinct, mean: c.mean, std: c.std, p50: c.quantiles?.p50 }]));
  } else {
    const table = (report.tables ?? []).find((t) => t.columns?.[0] === 'column' && t.columns.includes('nulls'));
    const at = table?.columns.indexOf('nulls');
    if (table) nulls = Object.fromEntries(table.rows.map((row) => [String(row[0]), Number(row[at])]));
  }
  const drift = details.drift;
  const drifted = Array.isArray(drift?.drifted) ? drift.drifted : Array.isArray(drift?.columns) ? drift.columns.filter((c) => c.drifted).map((c) => c.column).sort() : undefined;
  return { rows: { data: details.rows }, nulls, violations, drifted, profile };
}

/** Do pandas and DuckDB (and ours, where its report says) agree on the basic numbers? */
function checkConsistency(results) {
  const by = Object.fromEntries(results.filter((r) => r.ok && r.summary && !r.summary.error).map((r) => [r.key, r.summary]));
  const lines = [];
  const details = {};
  const compare = (a, b, nameA, nameB, { drift }) => {
    const problems = [];
    const rowsA = a.rows?.data;
    const rowsB = b.rows?.data;
    if (rowsA !== rowsB) problems.push(`data rows ${rowsA} vs ${rowsB}`);
    if (drift && a.rows?.reference !== undefined && b.rows?.reference !== undefined && a.rows.reference !== b.rows.reference) problems.push(`reference rows ${a.rows?.reference} vs ${b.rows?.reference}`);
    let nullColumns = 0;
    if (a.nulls && b.nulls) {
      for (const column of new Set([...Object.keys(a.nulls), ...Object.keys(b.nulls)])) {
        nullColumns++;
        if (a.nulls[column] !== b.nulls[column]) problems.push(`nulls in ${column}: ${a.nulls[column]} vs ${b.nulls[column]}`);
      }
    }
    let checks = 0;
    let total = 0;
    for (const column of new Set([...Object.keys(a.violations ?? {}), ...Object.keys(b.violations ?? {})])) {
      const va = a.violations?.[column] ?? {};
      const vb = b.violations?.[column] ?? {};
      for (const rule of new Set([...Object.keys(va), ...Object.keys(vb)])) {
        checks++;
        total += va[rule] ?? 0;
        if (va[rule] !== vb[rule]) problems.push(`${column}/${rule}: ${va[rule] ?? 'no check'} vs ${vb[rule] ?? 'no check'}`);
      }
    }
    let driftText = '';
    if (drift) {
      const da = JSON.stringify(a.drifted ?? []);
      const db = JSON.stringify(b.drifted ?? []);
      if (da !== db) problems.push(`drifted ${da} vs ${db}`);
      driftText = `, drifted columns ${(a.drifted ?? []).length ? a.drifted.join(', ') : 'none'}`;
    }
    const nullText = a.nulls && b.nulls ? `, nulls in ${nullColumns} columns` : '';
    const verdict = problems.length === 0 ? 'agree' : `DISAGREE (${problems.length}): ${problems.slice(0, 6).join('; ')}${problems.length > 6 ? '; ...' : ''}`;
    details[`${nameA} vs ${nameB}`] = { problems, checks, violations: total };
    return `consistency: ${nameA} vs ${nameB}: rows ${formatCount(rowsA ?? 0)}${drift && a.rows?.reference !== undefined ? ` / ${formatCount(a.rows.reference)}` : ''}${nullText}, ${checks} checks with ${formatCount(total)} violations${driftText} -> ${verdict}`;
  };
  /** Profile numbers: counts exact; distinct counts, means and medians within a tolerance. */
  const compareProfiles = (a, b, nameA, nameB) => {
    if (!a.profile || !b.profile) return;
    const worst = { distinct: [0, ''], mean: [0, ''], p50: [0, ''] };
    const problems = [];
    let columns = 0;
    for (const [column, pb] of Object.entries(b.profile)) {
      const pa = a.profile[column];
      if (!pa) continue;
      columns++;
      if (pa.count !== pb.count) problems.push(`count of ${column}: ${pa.count} vs ${pb.count}`);
      const relative = Math.abs(pa.distinct - pb.distinct) / Math.max(1, pb.distinct);
      if (relative > worst.distinct[0]) worst.distinct = [relative, column];
      for (const key of ['mean', 'p50']) {
        if (typeof pa[key] !== 'number' || typeof pb[key] !== 'number') continue;
        const inStd = Math.abs(pa[key] - pb[key]) / (pb.std || 1);
        if (inStd > worst[key][0]) worst[key] = [inStd, column];
      }
    }
    const tolerance = { distinct: 0.02, mean: 1e-6, p50: 0.1 };
    for (const key of Object.keys(worst)) if (worst[key][0] > tolerance[key]) problems.push(`${key} of ${worst[key][1]}`);
    const at = (key) => (worst[key][1] ? ` (${worst[key][1]})` : '');
    details[`profile ${nameA} vs ${nameB}`] = { problems, worst };
    lines.push(
      `profile:     ${nameA} vs ${nameB}: counts in ${columns} columns${problems.some((p) => p.startsWith('count')) ? ' DIFFER' : ' equal'}; ` +
        `distinct within ${(worst.distinct[0] * 100).toFixed(2)} %${at('distinct')}, means within ${worst.mean[0].toExponential(1)} std${at('mean')}, ` +
        `medians within ${worst.p50[0].toFixed(3)} std${at('p50')} -> ${problems.length === 0 ? 'agree' : `DIFFER: ${problems.join('; ')}`}`,
    );
  };
  if (by.pandas && by.duckdb) {
    lines.push(compare(by.pandas, by.duckdb, 'pandas+scipy', 'DuckDB', { drift: true }));
    compareProfiles(by.duckdb, by.pandas, 'DuckDB', 'pandas+scipy');
  } else lines.push('consistency: pandas+scipy vs DuckDB: not checked (needs both)');
  const other = by.pandas ?? by.duckdb;
  if (by.ours && other) {
    const oursDrift = Array.isArray(by.ours.drifted);
    const name = by.pandas ? 'pandas+scipy' : 'DuckDB';
    lines.push(compare(by.ours, other, 'ours', name, { drift: oursDrift }));
    compareProfiles(by.ours, other, 'ours', name);
    if (oursDrift) lines.push('note: ours decides drift by its own rule (per-column method and threshold), the other two by Benjamini-Hochberg on p-values: drifted columns agree only when the data leaves no doubt.');
  }
  return { lines, details };
}

// ---- train overhead ---------------------------------------------------------------------------

async function trainOverhead({ pairs, steps }) {
  const cli = benchCli('train-check');
  if (!cli) return 1;
  const python = trainPython();
  if (!python) {
    console.error('bench: train overhead needs a python3 with numpy (set BENCH_PYTHON, or e.g. apt-get install python3-numpy)');
    return 1;
  }
  const workload = path.join(root, 'test', 'bench', 'cpu_train.py');
  const dir = path.join(tmp, 'train-overhead');
  mkdirSync(dir);

  // Warm the page cache (python, numpy, the bundle) and try the whole path once on a short run,
  // so a broken setup fails in seconds, not after the first minute-long run.
  const warm = monitoredTool({ cli, python, workload, steps: Math.min(steps, 20), dir, name: 'warm-up' });
  warm.prepare();
  const warmRun = await measure(warm);
  const warmProblem = monitoredProblem(warmRun);
  if (warmProblem) {
    console.error(`bench: train-check failed on a ${Math.min(steps, 20)}-step warm-up run: ${warmProblem}`);
    console.error(indent(warmRun.stderr.trim().split('\n').slice(-15).join('\n') || warmRun.stdout.trim().split('\n').slice(-15).join('\n')));
    return 1;
  }

  const tools = [bareTool({ python: python.command, workload, steps, dir }), monitoredTool({ cli, python, workload, steps, dir, name: 'monitored' })];
  console.log(
    `train overhead: test/bench/cpu_train.py, ${formatCount(steps)} steps of single-threaded numpy gradient descent, bare and under train-check; ` +
      `${pairs} pair${pairs === 1 ? '' : 's'}, alternating (node ${process.version}, python ${python.version}, numpy ${python.numpy}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)})`,
  );
  console.log(`monitored: node cli/dist/index.js train-check --command "${tools[1].commandText.replace(root + path.sep, '')}" --smoke false --report-path <tmp>/report.json --output-dir <tmp>/out\n`);

  for (const tool of tools) tool.runs = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which one goes first, so neither always follows the other.
    const order = i % 2 === 0 ? tools : [...tools].reverse();
    for (const tool of order) {
      process.stdout.write(`  pair ${i + 1}/${pairs}: ${tool.label} ... `);
      tool.prepare();
      const run = await measure(tool);
      const problem = tool.key === 'monitored' ? monitoredProblem(run) : !run.ok ? `exit ${run.status}` : run.summary?.error;
      if (problem) run.ok = false;
      tool.runs.push({ ...run, pair: i });
      const cpu = run.cpuSeconds === undefined ? '' : ` (CPU ${run.cpuSeconds.toFixed(2)} s)`;
      console.log(`${run.seconds.toFixed(2)} s${cpu}, ${mib(run.peakBytes)}${problem ? `, FAILED (${problem})` : ''}`);
      if (problem) console.log(indent(`${run.stderr}\n${run.stdout}`.trim().split('\n').slice(-15).join('\n')));
    }
  }
  console.log('');

  const [bare, monitored] = tools.map((tool) => summarizeTrainRuns(tool));
  const ok = bare.ok && monitored.ok;
  const overheadPercent = ok ? (monitored.seconds.median / bare.seconds.median - 1) * 100 : undefined;
  const verdict = overheadPercent !== undefined && overheadPercent < TARGET_TRAIN_OVERHEAD_PERCENT ? 'PASS' : 'MISS';
  // The same pair's two runs saw the most similar machine: their ratios show how much of the
  // difference of the medians is noise.
  const pairedPercent = ok
    ? bare.runs.map((b) => {
        const m = monitored.runs.find((r) => r.pair === b.pair);
        return (m.seconds / b.seconds - 1) * 100;
      })
    : [];
  printTrainTable([bare, monitored], bare);

  console.log('');
  const signed = (x, digits = 2) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  if (overheadPercent === undefined) console.log(`target: train-check adds < ${TARGET_TRAIN_OVERHEAD_PERCENT} % wall time to the bare command (medians): no result -> MISS`);
  else {
    console.log(
      `target: train-check adds < ${TARGET_TRAIN_OVERHEAD_PERCENT} % wall time to the bare command (medians): ` +
        `${signed(overheadPercent)} % (${signed(monitored.seconds.median - bare.seconds.median)} s) -> ${verdict}`,
    );
    console.log(`per pair: ${pairedPercent.map((x) => `${signed(x)} %`).join(', ')} (median ${signed(median(pairedPercent))} %)`);
    const spread = Math.max(...pairedPercent) - Math.min(...pairedPercent);
    if (pairs === 1) console.log('note: one pair says nothing about the noise; run 3 or more before trusting the verdict.');
    else if (spread > TARGET_TRAIN_OVERHEAD_PERCENT) {
      console.log(
        `note: the pairs spread over ${spread.toFixed(1)} points, more than the ${TARGET_TRAIN_OVERHEAD_PERCENT} % target: the machine was too busy (load average now ${os.loadavg()[0].toFixed(1)}) ` +
          "for this verdict to mean much; train-check's own CPU, below, is the steadier figure.",
      );
    }
  }
  if (ok) {
    const reported = monitored.reported;
    const own = bare.own;
    console.log(
      `train-check's own clock: the command ran ${reported.durationSeconds.toFixed(2)} s; the other ${reported.outsideSeconds.toFixed(2)} s of a monitored run are node's start-up, the checks and the report (medians)`,
    );
    const gnuBare = bare.cpuSeconds === undefined ? '' : `${bare.cpuSeconds.toFixed(2)} s (GNU time), `;
    console.log(`CPU time (user + system; medians): bare workload ${gnuBare}${own.cpuSeconds.toFixed(2)} s (its own getrusage); train-check reports ${reported.cpuSeconds.toFixed(2)} s for the command`);
    if (reported.ownCpuSeconds !== undefined) {
      console.log(
        `train-check's own CPU: ${reported.ownCpuSeconds.toFixed(2)} s (${reported.ownCpuPercent.toFixed(2)} % of the command's; medians of each monitored run's CPU by GNU time less what train-check reports for the command)`,
      );
    }
    console.log(
      `peak memory: bare workload ${own.maxrssMb.toFixed(0)} MiB (its own maxrss; ${mib(bare.peakBytes)} by the bench's sampling); train-check reports ${reported.peakMemoryMb.toFixed(0)} MiB for the command`,
    );
  }

  const jsonFile = path.join(tmp, 'train-overhead.json');
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        python: python.version,
        numpy: python.numpy,
        platform: `${process.platform}-${process.arch}`,
        cpus: os.cpus().length,
        steps,
        pairs,
        target: { maxOverheadPercent: TARGET_TRAIN_OVERHEAD_PERCENT, verdict },
        overheadPercent: overheadPercent === undefined ? undefined : round(overheadPercent, 3),
        pairedOverheadPercent: pairedPercent.map((x) => round(x, 3)),
        results: [bare, monitored],
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results: ${jsonFile}`);
  return ok ? 0 : 1;
}

/** A python3 that imports numpy: BENCH_PYTHON, the system one, then python3 on PATH; with its versions. */
function trainPython() {
  const candidates = [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  for (const candidate of [...new Set(candidates)]) {
    const probe = spawnSync(candidate, ['-c', 'import sys, numpy; print(sys.version.split()[0], numpy.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) {
      const [version, numpy] = probe.stdout.trim().split(' ');
      return { command: candidate, version, numpy };
    }
  }
  return undefined;
}

/** The workload's environment from train-check (a full run, seed 0), so the bare run gets the same. */
function trainEnvironment(outputDir) {
  return { ...baseEnv, MLOPS_SMOKE: '0', MLOPS_SAMPLE_FRACTION: '1', MLOPS_SEED: '0', MLOPS_OUTPUT_DIR: outputDir };
}

function bareTool({ python, workload, steps, dir }) {
  const outputDir = path.join(dir, 'bare-output');
  return {
    key: 'bare',
    label: 'bare command',
    command: python,
    args: [workload, '--steps', String(steps)],
    cwd: dir,
    env: trainEnvironment(outputDir),
    okStatus: [0],
    prepare() {
      rmSync(outputDir, { recursive: true, force: true });
      mkdirSync(outputDir);
    },
    summarize: (stdout) => workloadUsage(stdout),
  };
}

/** train-check as the CLI runs it: the workspace is the working directory, fresh for each run. */
function monitoredTool({ cli, python, workload, steps, dir, name }) {
  const workspaceDir = path.join(dir, `${name}-workspace`);
  const report = path.join(workspaceDir, 'report.json');
  const commandText = [python.command, workload, '--steps', String(steps)].map(commandWord).join(' ');
  return {
    key: 'monitored',
    label: 'train-check',
    commandText,
    command: process.execPath,
    args: [cli, 'train-check', '--command', commandText, '--smoke', 'false', '--report-path', report, '--output-dir', path.join(workspaceDir, 'out')],
    cwd: workspaceDir,
    env: baseEnv,
    okStatus: [0],
    prepare() {
      rmSync(workspaceDir, { recursive: true, force: true });
      mkdirSync(workspaceDir);
    },
    summarize: () => {
      const parsed = JSON.parse(readFileSync(report, 'utf8'));
      const details = parsed.details ?? {};
      return { verdict: parsed.verdict, headline: parsed.headline, cpuSeconds: details.cpuSeconds, peakMemoryMb: details.peakMemoryMb, durationSeconds: details.durationSeconds };
    },
  };
}

/** Why a monitored run does not count (not exit 0, or a verdict other than pass), or undefined. */
function monitoredProblem(run) {
  if (!run.ok) return `exit ${run.status}`;
  if (run.summary?.error) return `no readable report (${run.summary.error})`;
  if (run.summary?.verdict !== 'pass') return `verdict ${run.summary?.verdict}: ${run.summary?.headline ?? ''}`;
  if (![run.summary.cpuSeconds, run.summary.peakMemoryMb, run.summary.durationSeconds].every(Number.isFinite)) return 'the report has no cpuSeconds, peakMemoryMb or durationSeconds';
  return undefined;
}

/** A word of the --command line, quoted for train-check's splitter when it holds more than plain path characters. */
function commandWord(word) {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The workload's last line: `cpu_seconds=<x> maxrss_mb=<y>`, its own getrusage. */
function workloadUsage(stdout) {
  const match = /^cpu_seconds=(\S+) maxrss_mb=(\S+)\s*$/m.exec(stdout);
  if (!match) throw new Error('the workload printed no cpu_seconds=... maxrss_mb=... line');
  return { cpuSeconds: Number(match[1]), maxrssMb: Number(match[2]) };
}

function summarizeTrainRuns(tool) {
  const good = tool.runs.filter((r) => r.ok);
  const ok = good.length === tool.runs.length && good.length > 0;
  const medianOf = (pick) => round(median(good.map(pick)));
  return {
    key: tool.key,
    label: tool.label,
    command: [tool.command, ...tool.args].map((a) => a.replaceAll(root + path.sep, '').replaceAll(tmp + path.sep, '<tmp>/')).join(' '),
    ok,
    runs: tool.runs.map((r) => ({ pair: r.pair, seconds: round(r.seconds), cpuSeconds: r.cpuSeconds === undefined ? undefined : round(r.cpuSeconds), peakBytes: r.peakBytes, status: r.status, ok: r.ok, summary: r.summary })),
    seconds: good.length ? stats(good.map((r) => r.seconds)) : undefined,
    cpuSeconds: good.length && good.every((r) => r.cpuSeconds !== undefined) ? medianOf((r) => r.cpuSeconds) : undefined,
    peakBytes: Math.max(0, ...good.map((r) => r.peakBytes)),
    own: ok && tool.key === 'bare' ? { cpuSeconds: medianOf((r) => r.summary.cpuSeconds), maxrssMb: Math.max(...good.map((r) => r.summary.maxrssMb)) } : undefined,
    reported: ok && tool.key === 'monitored' ? reportedByTrainCheck(good) : undefined,
  };
}

/** What train-check's reports say about the command (medians; the largest peak), and train-check's own CPU where GNU time measured the whole run. */
function reportedByTrainCheck(runs) {
  const medianOf = (pick) => round(median(runs.map(pick)));
  const withTime = runs.every((r) => r.cpuSeconds !== undefined);
  return {
    cpuSeconds: medianOf((r) => r.summary.cpuSeconds),
    peakMemoryMb: Math.max(...runs.map((r) => r.summary.peakMemoryMb)),
    durationSeconds: medianOf((r) => r.summary.durationSeconds),
    outsideSeconds: medianOf((r) => r.seconds - r.summary.durationSeconds),
    // Node's start-up, the /proc sampling, the checks and the report: the whole run's CPU less the command's, run by run.
    ownCpuSeconds: withTime ? medianOf((r) => r.cpuSeconds - r.summary.cpuSeconds) : undefined,
    ownCpuPercent: withTime ? medianOf((r) => ((r.cpuSeconds - r.summary.cpuSeconds) / r.summary.cpuSeconds) * 100) : undefined,
  };
}

function printTrainTable(results, bare) {
  const header = ['run', 'median', 'min', 'max', 'vs bare (medians)', 'CPU (median)', 'peak memory'];
  const lines = results.map((r) => [
    r.label,
    r.seconds ? `${r.seconds.median.toFixed(2)} s` : 'failed',
    r.seconds ? `${r.seconds.min.toFixed(2)} s` : '',
    r.seconds ? `${r.seconds.max.toFixed(2)} s` : '',
    r.key === 'bare' || !r.seconds || !bare.seconds ? '' : `${r.seconds.median >= bare.seconds.median ? '+' : ''}${((r.seconds.median / bare.seconds.median - 1) * 100).toFixed(2)} %`,
    r.cpuSeconds === undefined ? 'n/a' : `${r.cpuSeconds.toFixed(2)} s`,
    r.ok ? mib(r.peakBytes) : '',
  ]);
  printColumns(header, lines);
}

// ---- package ----------------------------------------------------------------------------------

async function packageBench({ pairs, sizeMib }) {
  const cli = benchCli('package-model');
  if (!cli) return 1;
  const versions = {};
  for (const [tool, args] of [['openssl', ['version']], ['tar', ['--version']], ['gzip', ['--version']]]) {
    const run = spawnSync(tool, args, { env: baseEnv, encoding: 'utf8' });
    if (run.status !== 0) {
      console.error(`bench: the package section needs ${tool} on PATH (${run.error ? run.error.code : `exit ${run.status}`})`);
      return 1;
    }
    versions[tool] = run.stdout.trim().split('\n')[0].replace(/\s*\(Library:.*\)$/, '');
  }

  const dir = path.join(tmp, 'package');
  const fullBytes = sizeMib * 1024 * 1024;
  // A multiple of 4 bytes, so the file ends on a whole float32.
  const quarterBytes = Math.floor(fullBytes / 16) * 4;
  const full = { dir: path.join(dir, 'workspace'), bytes: fullBytes };
  const quarter = { dir: path.join(dir, 'quarter-workspace'), bytes: quarterBytes };
  const size = (bytes) => `${formatCount(bytes / 1024 / 1024)} MiB`;
  process.stdout.write(`generating ${size(fullBytes)} and ${size(quarterBytes)} of float32 Gaussian weights ... `);
  const generated = writeModelWeights([full, quarter]);
  const sampleBytes = Math.min(64 * 1024 * 1024, fullBytes);
  const sample = spawnSync('sh', ['-c', `head -c ${sampleBytes} model/weights.bin | gzip -1 | wc -c`], { cwd: full.dir, env: baseEnv, encoding: 'utf8' });
  const sampleRatio = sample.status === 0 ? Number(sample.stdout.trim()) / sampleBytes : undefined;
  console.log(`${generated.seconds.toFixed(1)} s; gzip -1 keeps ${sampleRatio === undefined ? 'n/a' : `${(sampleRatio * 100).toFixed(1)} %`} of a ${size(sampleBytes)} sample (real float32 checkpoints: about 90-95 %)`);

  const anchorArchive = path.join(dir, 'shell.tar.gz');
  const tools = [shellPackageTool(full.dir, anchorArchive), oursPackageTool({ cli, workspaceDir: full.dir, dir, key: 'ours' })];
  console.log(
    `package: one ${size(fullBytes)} model file (model/weights.bin), hashed and archived by package-model and by openssl + tar | gzip -1; ` +
      `${pairs} pair${pairs === 1 ? '' : 's'}, alternating (node ${process.version}, ${versions.openssl}, ${versions.tar}, ${versions.gzip}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)})`,
  );
  console.log('ours:  node cli/dist/index.js package-model --name bench --version 1.0.0 --model model/weights.bin --upload-artifact false --attest false --compression-level 1 --report-path <tmp>/r.json --output-dir <tmp>/out');
  console.log(`shell: ${tools[0].args[1].replaceAll(tmp + path.sep, '<tmp>/')}\n`);

  // Ours on the quarter-size file first: the second point of the flat-memory check, and a run that
  // fails in seconds, not after the first full-size pair, when the setup is broken.
  const quarterTool = oursPackageTool({ cli, workspaceDir: quarter.dir, dir, key: 'ours-quarter' });
  process.stdout.write(`  ours on ${size(quarterBytes)} ... `);
  quarterTool.prepare();
  const quarterRun = await measure(quarterTool);
  const quarterProblem = packageProblem(quarterRun, generated.sha256[1]);
  quarterTool.cleanUp();
  console.log(`${quarterRun.seconds.toFixed(2)} s${quarterRun.cpuSeconds === undefined ? '' : ` (CPU ${quarterRun.cpuSeconds.toFixed(2)} s)`}, ${mib(packagePeak(quarterRun))}${quarterProblem ? `, FAILED (${quarterProblem})` : ''}`);
  if (quarterProblem) {
    console.log(indent(`${quarterRun.stderr}\n${quarterRun.stdout}`.trim().split('\n').slice(-15).join('\n')));
    rmSync(dir, { recursive: true, force: true });
    return 1;
  }

  // One untimed read, so both sides find the file in the page cache.
  spawnSync('cat', [path.join(full.dir, 'model', 'weights.bin')], { stdio: ['ignore', 'ignore', 'inherit'] });

  for (const tool of tools) tool.runs = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which one goes first, so neither always follows the other.
    const order = i % 2 === 0 ? tools : [...tools].reverse();
    for (const tool of order) {
      process.stdout.write(`  pair ${i + 1}/${pairs}: ${tool.label} ... `);
      tool.prepare();
      const run = await measure(tool);
      const problem = tool.key === 'ours' ? packageProblem(run, generated.sha256[0]) : !run.ok ? `exit ${run.status}` : run.summary?.error;
      if (problem) run.ok = false;
      tool.runs.push({ ...run, pair: i });
      tool.cleanUp();
      const cpu = run.cpuSeconds === undefined ? '' : ` (CPU ${run.cpuSeconds.toFixed(2)} s)`;
      console.log(`${run.seconds.toFixed(2)} s${cpu}, ${mib(packagePeak(run))}${problem ? `, FAILED (${problem})` : ''}`);
      if (problem) console.log(indent(`${run.stderr}\n${run.stdout}`.trim().split('\n').slice(-15).join('\n')));
    }
  }
  console.log('');

  const [shell, ours] = tools.map((tool) => summarizePackageRuns(tool, fullBytes));
  const ok = shell.ok && ours.ok;
  const speed = ok ? shell.seconds.median / ours.seconds.median : undefined;
  const speedVerdict = speed !== undefined && speed >= TARGET_PACKAGE_SPEED ? 'PASS' : 'MISS';
  ours.speedRatio = speed === undefined ? undefined : round(speed, 3);
  const pairedSpeed = ok
    ? shell.runs.map((s) => {
        const o = ours.runs.find((r) => r.pair === s.pair);
        return s.seconds / o.seconds;
      })
    : [];
  // The largest full-size peak, not the median: flat memory has to hold on every run.
  const fullPeak = ours.ok ? Math.max(...ours.runs.map((r) => r.peakBytes)) : undefined;
  const quarterPeak = packagePeak(quarterRun);
  const growthMib = fullPeak === undefined ? undefined : (fullPeak - quarterPeak) / 1024 / 1024;
  const flatVerdict = growthMib !== undefined && growthMib <= TARGET_PACKAGE_FLAT_MIB ? 'PASS' : 'MISS';
  printPackageTable([ours, shell]);

  console.log('');
  if (speed === undefined) console.log(`target: ours >= ${TARGET_PACKAGE_SPEED}x the speed of openssl + tar | gzip -1: no result -> MISS`);
  else {
    console.log(`target: ours >= ${TARGET_PACKAGE_SPEED}x the speed of openssl + tar | gzip -1 (shell wall / ours wall, medians): ${speed.toFixed(2)}x -> ${speedVerdict}`);
    console.log(`per pair: ${pairedSpeed.map((x) => `${x.toFixed(2)}x`).join(', ')} (median ${median(pairedSpeed).toFixed(2)}x)`);
    const spread = Math.max(...pairedSpeed) - Math.min(...pairedSpeed);
    if (pairs === 1) console.log('note: one pair says nothing about the noise; run 3 or more before trusting the verdict.');
    else if (spread > 0.1) {
      console.log(
        `note: the pairs spread over ${spread.toFixed(2)}x: the machine was busy (load average now ${os.loadavg()[0].toFixed(1)}); ` +
          'the CPU times, below, are the steadier figures.',
      );
    }
  }
  if (fullPeak === undefined) console.log(`target: ours' peak memory on ${size(fullBytes)} within +${TARGET_PACKAGE_FLAT_MIB} MiB of its peak on ${size(quarterBytes)}: no result -> MISS`);
  else {
    console.log(
      `target: ours' peak memory on ${size(fullBytes)} within +${TARGET_PACKAGE_FLAT_MIB} MiB of its peak on ${size(quarterBytes)}: ` +
        `${mib(fullPeak)} (largest of ${ours.runs.length}) vs ${mib(quarterPeak)}, ${growthMib >= 0 ? '+' : ''}${growthMib.toFixed(0)} MiB -> ${flatVerdict}`,
    );
  }
  if (ok) {
    const share = (bytes) => `${mib(bytes)} (${((bytes / fullBytes) * 100).toFixed(1)} % of the file)`;
    console.log(`archives: ours ${share(ours.archiveBytes)}, shell ${share(shell.archiveBytes)}`);
    if (ours.cpuSeconds !== undefined && shell.cpuSeconds !== undefined) {
      console.log(`CPU time (user + system, all threads and processes; medians): ours ${ours.cpuSeconds.toFixed(2)} s, shell ${shell.cpuSeconds.toFixed(2)} s (${(ours.cpuSeconds / shell.cpuSeconds).toFixed(2)}x)`);
    }
    console.log(`consistency: ours' manifest sha256 of model/weights.bin equals the generator's (${generated.sha256[0].slice(0, 16)}...) in every run -> agree`);
  }
  rmSync(dir, { recursive: true, force: true });

  const jsonFile = path.join(tmp, 'package-model.json');
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        tools: versions,
        platform: `${process.platform}-${process.arch}`,
        cpus: os.cpus().length,
        fileBytes: fullBytes,
        fileSha256: generated.sha256[0],
        gzip1SampleRatio: sampleRatio === undefined ? undefined : round(sampleRatio),
        pairs,
        targets: { minSpeedRatio: TARGET_PACKAGE_SPEED, maxPeakGrowthMiB: TARGET_PACKAGE_FLAT_MIB },
        speedRatio: speed === undefined ? undefined : round(speed, 3),
        pairedSpeedRatios: pairedSpeed.map((x) => round(x, 3)),
        speedVerdict,
        flatMemory: { quarterBytes, quarterPeakBytes: quarterPeak, quarterSeconds: round(quarterRun.seconds), fullPeakBytes: fullPeak, growthMiB: growthMib === undefined ? undefined : round(growthMib, 1), verdict: flatVerdict },
        results: [ours, shell],
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results: ${jsonFile}`);
  return ok ? 0 : 1;
}

/**
 * Writes model/weights.bin into each target's folder: float32 weights drawn from N(0, 0.02²) by
 * Box-Muller on a seeded xorshift128, the same stream for every target (a smaller one gets its
 * prefix). Gaussian weights keep random low mantissa bits, which is why real checkpoints barely
 * compress; uniform or repeated data would let gzip skip the work it does on a real model.
 * Returns the sha256 of each file, for checking the manifest.
 */
function writeModelWeights(targets) {
  const started = performance.now();
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 0x5851f42d;
  const next = () => {
    const t = a ^ (a << 11);
    a = b;
    b = c;
    c = d;
    d = (d ^ (d >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return d;
  };
  const files = targets.map((target) => {
    mkdirSync(path.join(target.dir, 'model'), { recursive: true });
    return { fd: openSync(path.join(target.dir, 'model', 'weights.bin'), 'w'), bytes: target.bytes, hash: createHash('sha256') };
  });
  const total = Math.max(...targets.map((t) => t.bytes));
  const chunk = new Float32Array(1 << 20);
  const bytes = Buffer.from(chunk.buffer);
  for (let done = 0; done < total; ) {
    const n = Math.min(chunk.length, (total - done) / 4);
    for (let i = 0; i < n; i += 2) {
      const radius = 0.02 * Math.sqrt(-2 * Math.log((next() + 1) / 4294967296));
      const angle = (2 * Math.PI * next()) / 4294967296;
      chunk[i] = radius * Math.cos(angle);
      if (i + 1 < n) chunk[i + 1] = radius * Math.sin(angle);
    }
    for (const file of files) {
      if (done >= file.bytes) continue;
      const view = bytes.subarray(0, Math.min(n * 4, file.bytes - done));
      file.hash.update(view);
      writeSync(file.fd, view);
    }
    done += n * 4;
  }
  for (const file of files) closeSync(file.fd);
  return { seconds: (performance.now() - started) / 1000, sha256: files.map((f) => f.hash.digest('hex')) };
}

/** package-model as the CLI runs it in the workspace; its output folder is removed before and after each run. */
function oursPackageTool({ cli, workspaceDir, dir, key }) {
  const out = path.join(dir, `${key}-out`);
  const report = path.join(dir, `${key}-report.json`);
  return {
    key: 'ours',
    label: 'ours (package-model)',
    command: process.execPath,
    args: [
      cli,
      'package-model',
      '--name',
      'bench',
      '--version',
      '1.0.0',
      '--model',
      'model/weights.bin',
      '--upload-artifact',
      'false',
      '--attest',
      'false',
      '--compression-level',
      '1',
      '--report-path',
      report,
      '--output-dir',
      out,
    ],
    cwd: workspaceDir,
    env: baseEnv,
    okStatus: [0],
    prepare() {
      rmSync(out, { recursive: true, force: true });
      rmSync(report, { force: true });
      spawnSync('sync');
    },
    cleanUp() {
      rmSync(out, { recursive: true, force: true });
    },
    summarize: () => {
      const parsed = JSON.parse(readFileSync(report, 'utf8'));
      const archive = readdirSync(out).find((f) => f.endsWith('.tar.gz'));
      const weights = parsed.details?.manifest?.files?.find((f) => f.path === 'model/weights.bin');
      return { verdict: parsed.verdict, headline: parsed.headline, weightsSha256: weights?.sha256, archiveBytes: archive ? statSync(path.join(out, archive)).size : undefined };
    },
  };
}

/** The same two jobs by the usual command-line tools, in the same workspace. */
function shellPackageTool(workspaceDir, archive) {
  return {
    key: 'shell',
    label: 'openssl + tar | gzip -1',
    command: 'sh',
    args: ['-c', `openssl dgst -sha256 model/weights.bin >/dev/null && tar cf - model/weights.bin | gzip -1 > ${commandWord(archive)}`],
    cwd: workspaceDir,
    env: baseEnv,
    okStatus: [0],
    prepare() {
      rmSync(archive, { force: true });
      spawnSync('sync');
    },
    cleanUp() {
      rmSync(archive, { force: true });
    },
    summarize: () => ({ archiveBytes: statSync(archive).size }),
  };
}

/** Why a run of ours does not count (not exit 0, a verdict other than pass, a wrong digest, no archive), or undefined. */
function packageProblem(run, sha256) {
  if (!run.ok) return `exit ${run.status}`;
  if (run.summary?.error) return `no readable report (${run.summary.error})`;
  if (run.summary?.verdict !== 'pass') return `verdict ${run.summary?.verdict}: ${run.summary?.headline ?? ''}`;
  if (run.summary.weightsSha256 !== sha256) return `the manifest's sha256 of model/weights.bin is ${run.summary.weightsSha256}, the generator's ${sha256}`;
  if (!run.summary.archiveBytes) return 'no .tar.gz in the output folder';
  return undefined;
}

/** GNU time's %M: the peak of node for ours, of the largest process of the pipeline for the shell; the sampled tree without GNU time. */
function packagePeak(run) {
  return run.maxrssBytes > 0 ? run.maxrssBytes : run.peakTreeBytes;
}

function summarizePackageRuns(tool, fileBytes) {
  const good = tool.runs.filter((r) => r.ok);
  const ok = good.length === tool.runs.length && good.length > 0;
  const medianOf = (pick) => round(median(good.map(pick)));
  return {
    key: tool.key,
    label: tool.label,
    command: [tool.command, ...tool.args].map((a) => a.replaceAll(root + path.sep, '').replaceAll(tmp + path.sep, '<tmp>/')).join(' '),
    ok,
    runs: tool.runs.map((r) => ({ pair: r.pair, seconds: round(r.seconds), cpuSeconds: r.cpuSeconds === undefined ? undefined : round(r.cpuSeconds), peakBytes: packagePeak(r), peakTreeBytes: r.peakTreeBytes, status: r.status, ok: r.ok, summary: r.summary })),
    seconds: good.length ? stats(good.map((r) => r.seconds)) : undefined,
    mibPerSecond: good.length ? round(fileBytes / 1024 / 1024 / median(good.map((r) => r.seconds)), 1) : undefined,
    cpuSeconds: good.length && good.every((r) => r.cpuSeconds !== undefined) ? medianOf((r) => r.cpuSeconds) : undefined,
    peakBytes: good.length ? Math.round(median(good.map((r) => packagePeak(r)))) : undefined,
    archiveBytes: good.at(-1)?.summary?.archiveBytes,
  };
}

function printPackageTable(results) {
  const header = ['program', 'median', 'min', 'max', 'throughput', 'CPU (median)', 'peak memory (median)', 'archive'];
  const lines = results.map((r) => [
    r.label,
    r.seconds ? `${r.seconds.median.toFixed(2)} s` : 'failed',
    r.seconds ? `${r.seconds.min.toFixed(2)} s` : '',
    r.seconds ? `${r.seconds.max.toFixed(2)} s` : '',
    r.mibPerSecond === undefined ? '' : `${r.mibPerSecond.toFixed(0)} MiB/s`,
    r.cpuSeconds === undefined ? 'n/a' : `${r.cpuSeconds.toFixed(2)} s`,
    r.peakBytes === undefined ? '' : mib(r.peakBytes),
    r.archiveBytes === undefined ? '' : mib(r.archiveBytes),
  ]);
  printColumns(header, lines);
}

// ---- container --------------------------------------------------------------------------------

async function containerBench({ pairs, sizeMib }) {
  const cli = benchCli('containerize');
  if (!cli) return 1;
  if (!dockerdAvailable()) {
    console.error('bench: the container section needs dockerd and docker on PATH (e.g. apt-get install docker.io)');
    return 1;
  }
  const registryCommand = spawnSync('sh', ['-c', 'command -v docker-registry'], { env: baseEnv, encoding: 'utf8' }).stdout?.trim();
  if (!registryCommand) {
    console.error('bench: the container section needs the Distribution registry, docker-registry, on PATH (e.g. apt-get install docker-registry)');
    return 1;
  }

  const dir = path.join(tmp, 'container');
  // Run last to first: the daemon's images, then the registry, then the daemon.
  const cleanUps = [];
  try {
    return await containerRuns({ cli, registryCommand, dir, pairs, sizeMib, cleanUps });
  } catch (error) {
    console.error(`bench: container: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    for (const cleanUp of cleanUps.reverse()) {
      try {
        await cleanUp();
      } catch (error) {
        console.error(`bench: container clean-up: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function containerRuns({ cli, registryCommand, dir, pairs, sizeMib, cleanUps }) {
  const ws = path.join(dir, 'workspace');
  const reports = path.join(dir, 'reports');
  mkdirSync(reports, { recursive: true });
  const modelBytes = sizeMib * 1024 * 1024;
  const size = (bytes) => `${formatCount(bytes / 1024 / 1024)} MiB`;

  // The packages first, while no daemon holds the shared image cache.
  process.stdout.write(`generating ${size(modelBytes)} of float32 Gaussian weights ... `);
  const generated = writeModelWeights([{ dir: ws, bytes: modelBytes }]);
  console.log(`${generated.seconds.toFixed(1)} s`);
  const weights = path.join(ws, 'model', 'weights.bin');
  // The model, a model-only change of it, and a model of its own for each pair.
  const variants = ['original', 'model-only change', ...Array.from({ length: pairs }, (_, i) => `pair ${i + 1}`)];
  process.stdout.write(`packaging ${variants.length} variants of it (each 16 bytes off the previous one) with package-model ... `);
  const packagingStarted = performance.now();
  const packages = variants.map((label, i) => {
    if (i > 0) changeModelBytes(weights, i);
    return { label, dir: packageVariant(cli, ws, `v${i}`, reports) };
  });
  console.log(`${((performance.now() - packagingStarted) / 1000).toFixed(1)} s`);
  const packageBytes = directorySize(path.join(ws, packages[0].dir));

  const daemon = await startDockerd();
  cleanUps.push(() => daemon.stop());
  ensureBaseImage(daemon.env);
  const registry = await startBenchRegistry(registryCommand, path.join(dir, 'registry'));
  cleanUps.push(() => registry.stop());
  const daemonImages = new Set();
  cleanUps.push(() => {
    for (const ref of daemonImages) spawnSync('docker', ['image', 'rm', '--force', ref], { env: daemon.env, stdio: 'ignore' });
  });
  const versions = {
    dockerd: docker(daemon.env, ['version', '--format', '{{.Server.Version}}']).trim(),
    docker: docker(daemon.env, ['version', '--format', '{{.Client.Version}}']).trim(),
    registry: spawnSync(registryCommand, ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').pop(),
  };

  // The base image, in the registry for the daemonless builder (mounted from there, never sent).
  const baseRef = `${registry.host}/base/py:1`;
  docker(daemon.env, ['tag', BASE_IMAGE, baseRef]);
  daemonImages.add(baseRef);
  docker(daemon.env, ['push', baseRef]);
  const base = await registryManifest(registry, 'base/py', '1');
  const baseLayers = base.json.layers.map((l) => ({ digest: l.digest, size: l.size }));
  const cliEnv = { ...baseEnv, DOCKER_HOST: daemon.host };

  console.log(
    `container: containerize on a package of one ${size(modelBytes)} model file (${formatBytes(packageBytes)} package folder), registry ${registry.host} (docker-registry ${versions.registry}), ` +
      `dockerd ${versions.dockerd}, docker CLI ${versions.docker}; ${pairs} pair${pairs === 1 ? '' : 's'} of build + push from scratch (node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)})`,
  );
  console.log(`base: ${BASE_IMAGE} pushed as ${baseRef}, ${baseLayers.length} layers, ${formatBytes(baseLayers.reduce((a, l) => a + l.size, 0))}`);
  console.log(
    'daemonless: node cli/dist/index.js containerize --package <pkg> --image <registry>/<repo> --builder daemonless --base-image <registry>/base/py:1 --tags <t> --smoke-test false --comment false --upload-report never --report-path <tmp>/r.json',
  );
  console.log(`docker:     the same with --builder docker --base-image ${BASE_IMAGE}`);
  console.log('sent: the blobs whose upload the registry committed (its access log); new in storage: what its blob store grew by (manifests are blobs there too); client counted: the report\'s "MiB sent"\n');

  const push = async ({ label, pkg, repository, tag, builder, bundle = cli }) => {
    const key = `${repository.replaceAll('/', '-')}-${tag}`;
    const tool = containerizeTool({
      bundle,
      ws,
      pkg: pkg.dir,
      image: `${registry.host}/${repository}`,
      tag,
      builder,
      baseImage: builder === 'docker' ? BASE_IMAGE : baseRef,
      report: path.join(reports, `${key}.json`),
      env: cliEnv,
    });
    process.stdout.write(`  ${label} (${repository}:${tag}) ... `);
    tool.prepare();
    const before = { blobs: blobSizes(registry.dataDir), logOffset: statSync(registry.logFile).size, dockerd: treeCpuSeconds(daemon.pid), registry: treeCpuSeconds(registry.pid) };
    const run = await measure(tool);
    const dockerdCpu = treeCpuSeconds(daemon.pid) - before.dockerd;
    const registryCpu = treeCpuSeconds(registry.pid) - before.registry;
    const traffic = registryTraffic(registry, before);
    if (builder === 'docker') {
      // Outside the timed run: no later build may reuse this one's layers.
      spawnSync('docker', ['image', 'rm', '--force', `${registry.host}/${repository}:${tag}`], { env: daemon.env, stdio: 'ignore' });
    }
    let problem = containerizeProblem(run);
    let image;
    if (!problem) {
      const manifest = await registryManifest(registry, repository, tag);
      image = imageParts(manifest, baseLayers);
      if (!image.runtime) problem = `the image in the registry is not the base plus two layers (${manifest.json.layers.length} layers)`;
    }
    const roles = new Map();
    if (image) {
      for (const layer of baseLayers) roles.set(layer.digest, 'base');
      roles.set(image.runtime.digest, 'runtime');
      roles.set(image.model.digest, 'model');
      roles.set(image.config.digest, 'config');
    }
    const sent = { base: 0, runtime: 0, model: 0, config: 0, other: 0 };
    for (const upload of traffic.uploads) sent[roles.get(upload.digest) ?? 'other'] += upload.bytes;
    const row = {
      label,
      builder,
      repository,
      tag,
      package: pkg.label,
      bundle: bundle === cli ? 'the CLI bundle' : 'the CLI bundle with one line more in the server',
      ok: !problem,
      problem,
      status: run.status,
      seconds: round(run.seconds),
      cpuSeconds: run.cpuSeconds === undefined ? undefined : round(run.cpuSeconds),
      dockerdCpuSeconds: round(dockerdCpu),
      registryCpuSeconds: round(registryCpu),
      peakBytes: run.peakBytes,
      digest: run.summary?.digest,
      registryDigest: image?.digest,
      imageBytes: run.summary?.size,
      layers: image ? { runtime: image.runtime, model: image.model, config: image.config } : undefined,
      sentBytes: traffic.uploads.reduce((a, u) => a + u.bytes, 0),
      sent,
      uploads: traffic.uploads,
      mounts: traffic.mounts,
      storedBytes: traffic.storedBytes,
      clientSentBytes: run.summary?.clientSentBytes,
    };
    const cpu = run.cpuSeconds === undefined ? '' : ` (CPU ${run.cpuSeconds.toFixed(2)} s${builder === 'docker' ? `, dockerd ${dockerdCpu.toFixed(2)} s` : ''})`;
    console.log(`${run.seconds.toFixed(2)} s${cpu}, ${formatBytes(row.sentBytes)} sent${problem ? `, FAILED (${problem})` : ''}`);
    if (problem) console.log(indent(`${run.stderr}\n${run.stdout}`.trim().split('\n').slice(-15).join('\n')));
    return row;
  };

  // One repository: the same package twice, then a change of the model only, then of the code only.
  const sequence = [];
  sequence.push(await push({ label: 'first push', pkg: packages[0], repository: 'bench/model', tag: 'v1', builder: 'daemonless' }));
  if (!sequence[0].ok) return 1;
  sequence.push(await push({ label: 'same package again', pkg: packages[0], repository: 'bench/model', tag: 'v1', builder: 'daemonless' }));
  sequence.push(await push({ label: 'model-only change', pkg: packages[1], repository: 'bench/model', tag: 'v2', builder: 'daemonless' }));
  const codeBundle = codeChangeBundle(cli, path.join(dir, 'cli-code-change'));
  if (codeBundle) sequence.push(await push({ label: 'code-only change', pkg: packages[0], repository: 'bench/model', tag: 'v3', builder: 'daemonless', bundle: codeBundle }));
  const [first, again, modelChange, codeChange] = sequence;

  // Build and push from scratch: fresh repositories, and a model neither side has seen.
  console.log('');
  const builders = { daemonless: [], docker: [] };
  for (let i = 0; i < pairs; i++) {
    // Alternate which one goes first, so neither always follows the other.
    const order = i % 2 === 0 ? ['daemonless', 'docker'] : ['docker', 'daemonless'];
    for (const builder of order) {
      const row = await push({ label: `pair ${i + 1}/${pairs}: ${builder}`, pkg: packages[2 + i], repository: `bench/model-${builder}-${i + 1}`, tag: 'v1', builder });
      builders[builder].push({ ...row, pair: i });
    }
  }
  console.log('');

  printContainerPushTable(sequence);
  console.log('');
  const pairResults = [summarizeContainerRuns('docker build + docker push', builders.docker), summarizeContainerRuns('daemonless build + push', builders.daemonless)].sort(
    (a, b) => (b.seconds?.median ?? Infinity) - (a.seconds?.median ?? Infinity),
  );
  printContainerPairTable(pairResults);

  console.log('');
  const parts = first.layers;
  const baseBytes = baseLayers.reduce((a, l) => a + l.size, 0);
  console.log(
    `layers of the first image: runtime ${formatBytes(parts.runtime.size)}, model ${formatBytes(parts.model.size)} (gzip -1 keeps ${((parts.model.size / packageBytes) * 100).toFixed(1)} % of the package folder), ` +
      `config ${formatBytes(parts.config.size)}; base ${baseLayers.length} layers, ${formatBytes(baseBytes)} (mounted from base/py: ${first.mounts} mount${first.mounts === 1 ? '' : 's'}, never sent)`,
  );

  const digestVerdict = first.ok && again.ok && first.digest === again.digest && first.registryDigest === again.registryDigest ? 'PASS' : 'MISS';
  console.log(`target: two daemonless builds of the same package give the same digest: ${shortDigest(first.digest)} and ${shortDigest(again.digest)} -> ${digestVerdict}`);
  const againVerdict = again.ok && again.sentBytes === 0 ? 'PASS' : 'MISS';
  console.log(`target: the same image pushed again sends nothing: ${formatBytes(again.sentBytes)} (${again.uploads.length} blob${again.uploads.length === 1 ? '' : 's'} uploaded) -> ${againVerdict}`);
  const modelVerdict = changeVerdict(modelChange, 'model', 'runtime');
  console.log(`target: ${modelVerdict.text}`);
  const codeVerdict = codeChange ? changeVerdict(codeChange, 'runtime', 'model') : undefined;
  if (codeVerdict) console.log(`target: ${codeVerdict.text}`);
  else {
    console.log(
      `target: a code-only change sends <= ${TARGET_CONTAINER_CHANGED}x (runtime layer + config) and <= ${TARGET_CONTAINER_UNCHANGED_PERCENT} % of the model layer: not measured ` +
        `(the CLI bundle holds no server text to change); the bound is the runtime layer, ${formatBytes(parts.runtime.size)}, and the config, ${formatBytes(parts.config.size)} -> MISS`,
    );
  }

  const dockerResult = pairResults.find((r) => r.builder === 'docker');
  const daemonless = pairResults.find((r) => r.builder === 'daemonless');
  const speed = dockerResult.ok && daemonless.ok ? dockerResult.seconds.median / daemonless.seconds.median : undefined;
  const speedVerdict = speed !== undefined && speed > 1 ? 'PASS' : 'MISS';
  const pairedSpeed = speed === undefined ? [] : builders.docker.map((d) => d.seconds / builders.daemonless.find((r) => r.pair === d.pair).seconds);
  if (speed === undefined) console.log('target: daemonless build + push faster than docker build + docker push: no result -> MISS');
  else {
    console.log(`target: daemonless build + push faster than docker build + docker push (docker / daemonless, medians): ${speed.toFixed(2)}x -> ${speedVerdict}`);
    console.log(`per pair: ${pairedSpeed.map((x) => `${x.toFixed(2)}x`).join(', ')} (median ${median(pairedSpeed).toFixed(2)}x)`);
    if (pairs === 1) console.log('note: one pair says nothing about the noise; run 3 or more before trusting the ratio.');
    if (daemonless.cpuSeconds !== undefined && dockerResult.cpuSeconds !== undefined) {
      const total = (r) => r.cpuSeconds + r.dockerdCpuSeconds + r.registryCpuSeconds;
      console.log(
        `CPU time (client + dockerd + registry; medians): docker ${total(dockerResult).toFixed(2)} s (${dockerResult.cpuSeconds.toFixed(2)} + ${dockerResult.dockerdCpuSeconds.toFixed(2)} + ${dockerResult.registryCpuSeconds.toFixed(2)}), ` +
          `daemonless ${total(daemonless).toFixed(2)} s (${daemonless.cpuSeconds.toFixed(2)} + ${daemonless.dockerdCpuSeconds.toFixed(2)} + ${daemonless.registryCpuSeconds.toFixed(2)})`,
      );
    }
  }

  const all = [...sequence, ...builders.daemonless, ...builders.docker].filter((r) => r.ok);
  const digestsAgree = all.every((r) => r.digest === r.registryDigest);
  console.log(`consistency: the digest containerize reported equals the sha256 of the manifest the registry serves, for ${all.length} pushes -> ${digestsAgree ? 'agree' : 'DISAGREE'}`);
  // The client's count is in MiB with one decimal: agreement within 0.05 MiB, plus its retries.
  const counted = all.filter((r) => r.clientSentBytes !== undefined);
  const countsAgree = counted.every((r) => Math.abs(r.clientSentBytes - r.sentBytes) <= 0.06 * 1024 * 1024);
  console.log(`consistency: bytes sent by the registry's count and by the client's own (its report, 0.1 MiB), for ${counted.length} daemonless pushes -> ${countsAgree ? 'agree' : 'DISAGREE'}`);
  console.log(
    "note: the two builders' model layers are different blobs of about the same size: docker compresses its layers when it pushes, the daemonless builder at gzip level 1 (its compression-level input) when it builds. " +
      "docker's CPU is mostly dockerd's (the build and the push's compression happen there).",
  );

  const jsonFile = path.join(tmp, 'container.json');
  const strip = (r) => ({ ...r, uploads: r.uploads.map((u) => ({ digest: u.digest, bytes: u.bytes })) });
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: os.cpus().length,
        versions,
        modelBytes,
        packageBytes,
        baseImage: { name: BASE_IMAGE, layers: baseLayers },
        pairs,
        targets: { changedLayerFactor: TARGET_CONTAINER_CHANGED, unchangedLayerPercent: TARGET_CONTAINER_UNCHANGED_PERCENT },
        verdicts: { digestStable: digestVerdict, againSendsNothing: againVerdict, modelOnlyChange: modelVerdict.verdict, codeOnlyChange: codeVerdict?.verdict ?? 'MISS', daemonlessFaster: speedVerdict },
        speedRatio: speed === undefined ? undefined : round(speed, 3),
        pairedSpeedRatios: pairedSpeed.map((x) => round(x, 3)),
        sequence: sequence.map(strip),
        results: pairResults.map((r) => ({ ...r, runs: r.runs.map(strip) })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results: ${jsonFile}`);
  return all.length === sequence.length + builders.daemonless.length + builders.docker.length ? 0 : 1;
}

/** Runs package-model on the workspace's model into packages/<key>; returns the package folder, relative to the workspace. */
function packageVariant(cli, ws, key, reports) {
  const outputDir = path.join('packages', key);
  const args = [cli, 'package-model', '--name', 'm', '--version', '1.0.0', '--model', 'model/weights.bin', '--upload-artifact', 'false', '--attest', 'false'];
  args.push('--output-dir', outputDir, '--report-path', path.join(reports, `package-${key}.json`));
  const run = spawnSync(process.execPath, args, { cwd: ws, env: baseEnv, encoding: 'utf8' });
  const folder = path.join(outputDir, 'm-1.0.0');
  if (run.status !== 0 || !existsSync(path.join(ws, folder))) {
    throw new Error(`package-model failed (exit ${run.status}):\n${indent(`${run.stderr}\n${run.stdout}`.trim().split('\n').slice(-10).join('\n'))}`);
  }
  // The folder is what containerize is given; the archive would only take disk space.
  rmSync(path.join(ws, outputDir, 'm-1.0.0.tar.gz'), { force: true });
  return folder;
}

/** Overwrites four float32 weights near the middle of the file, at a place of the variant's own. */
function changeModelBytes(file, variant) {
  const bytes = statSync(file).size;
  const values = Buffer.from(new Float32Array([0.01 * variant, -0.01 * variant, 0.02 * variant, -0.02 * variant]).buffer);
  const offset = Math.min(Math.floor((bytes / 2 + variant * 4096) / 4) * 4, bytes - values.length);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, values, 0, values.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** containerize as the CLI runs it in the workspace, pushing one tag, without a smoke test. */
function containerizeTool({ bundle, ws, pkg, image, tag, builder, baseImage, report, env }) {
  return {
    key: builder,
    label: builder,
    command: process.execPath,
    args: [bundle, 'containerize', '--package', pkg, '--image', image, '--builder', builder, '--base-image', baseImage, '--tags', tag, '--smoke-test', 'false'].concat([
      '--comment',
      'false',
      '--upload-report',
      'never',
      '--report-path',
      report,
    ]),
    cwd: ws,
    env,
    okStatus: [0],
    prepare() {
      rmSync(report, { force: true });
      // No run pays for the previous one's write-back.
      spawnSync('sync');
    },
    summarize: () => {
      const parsed = JSON.parse(readFileSync(report, 'utf8'));
      const details = parsed.details ?? {};
      // "N uploaded, N already there, N mounted; X MiB sent": the daemonless builder's own count.
      const layersRow = (parsed.tables ?? []).flatMap((t) => t.rows ?? []).find((row) => cellText(row[0]) === 'layers');
      const sentMib = layersRow ? /([\d.]+) MiB sent/.exec(cellText(layersRow[1]))?.[1] : undefined;
      return {
        verdict: parsed.verdict,
        headline: parsed.headline,
        digest: details.digest,
        size: details.size,
        pushed: details.pushed,
        clientSentBytes: sentMib === undefined ? undefined : Math.round(Number(sentMib) * 1024 * 1024),
      };
    },
  };
}

function cellText(cell) {
  return typeof cell === 'object' && cell !== null ? String(cell.text ?? cell.value ?? '') : String(cell ?? '');
}

/** Why a containerize run does not count (not exit 0, a verdict other than pass, not pushed, no digest), or undefined. */
function containerizeProblem(run) {
  if (!run.ok) return `exit ${run.status}`;
  if (run.summary?.error) return `no readable report (${run.summary.error})`;
  if (run.summary?.verdict !== 'pass') return `verdict ${run.summary?.verdict}: ${run.summary?.headline ?? ''}`;
  if (run.summary.pushed !== true) return 'the report says the image was not pushed';
  if (!run.summary.digest) return 'the report has no digest';
  return undefined;
}

/**
 * A copy of the CLI bundle whose server (the one file of the runtime layer) has one comment line
 * more: what a release that changes only the server pushes. Undefined when the bundle does not
 * hold the server's first lines exactly once.
 */
function codeChangeBundle(cli, dest) {
  const from = path.dirname(cli);
  const marker = '#!/usr/bin/env python3\n"""mlops_serve:';
  const files = readdirSync(from, { withFileTypes: true }).filter((entry) => entry.isFile());
  const found = files.filter((entry) => entry.name.endsWith('.js')).map((entry) => ({ name: entry.name, count: readFileSync(path.join(from, entry.name), 'utf8').split(marker).length - 1 }));
  const holders = found.filter((f) => f.count > 0);
  if (holders.length !== 1 || holders[0].count !== 1) return undefined;
  mkdirSync(dest, { recursive: true });
  for (const entry of files) copyFileSync(path.join(from, entry.name), path.join(dest, entry.name));
  const patched = path.join(dest, holders[0].name);
  writeFileSync(patched, readFileSync(patched, 'utf8').replace(marker, '#!/usr/bin/env python3\n# A code-only change: one line more.\n"""mlops_serve:'));
  return path.join(dest, path.basename(cli));
}

function docker(env, args) {
  const run = spawnSync('docker', args, { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`docker ${args.join(' ')} failed (exit ${run.status ?? run.error?.code}): ${`${run.stderr}`.trim().split('\n').slice(-3).join(' ')}`);
  return run.stdout;
}

/**
 * A Distribution registry on a free loopback port, its blobs in dir/data and its access log (one
 * line a request, the committed uploads with their digests) in dir/registry.log; stopped by its pid.
 */
async function startBenchRegistry(binary, dir) {
  let lastError;
  // A port found free can be taken before the registry binds it; try again on another.
  for (let attempt = 0; attempt < 3; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const dataDir = path.join(dir, 'data');
    const config = path.join(dir, 'config.yml');
    const lines = ['version: 0.1', 'log:', '  level: warn', '  accesslog:', '    disabled: false', 'storage:', '  filesystem:', `    rootdirectory: ${dataDir}`, '  delete:', '    enabled: true', 'http:', `  addr: ${host}`];
    lines.push(`  secret: ${createHash('sha256').update(`${process.pid}-${Date.now()}-${attempt}`).digest('hex').slice(0, 32)}`);
    writeFileSync(config, `${lines.join('\n')}\n`);
    const logFile = path.join(dir, 'registry.log');
    const log = openSync(logFile, 'w');
    const child = spawn(binary, ['serve', config], { stdio: ['ignore', log, log] });
    closeSync(log);
    let exited = false;
    child.on('exit', () => (exited = true));
    child.on('error', () => (exited = true));
    const stop = async () => {
      if (exited || child.pid === undefined) return;
      child.kill('SIGTERM');
      const deadline = Date.now() + 3000;
      while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (!exited) child.kill('SIGKILL');
      while (!exited) await new Promise((r) => setTimeout(r, 10));
    };
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (exited) {
        lastError = new Error(`the registry exited while starting on ${host}: ${readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join(' ')}`);
        break;
      }
      const status = await httpGet(`http://${host}/v2/`, {}, 1000).then(
        (r) => r.status,
        () => undefined,
      );
      if (status === 200) return { host, dataDir, logFile, pid: child.pid, stop };
      if (Date.now() > deadline) {
        await stop();
        lastError = new Error(`the registry did not answer on ${host} within 15 s`);
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw lastError;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Every file under the registry's blob store, by path, with its size. */
function blobSizes(dataDir) {
  const dir = path.join(dataDir, 'docker', 'registry', 'v2', 'blobs');
  const sizes = new Map();
  if (!existsSync(dir)) return sizes;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    sizes.set(file, statSync(file).size);
  }
  return sizes;
}

/**
 * What reached the registry since `before`: the blobs whose uploads it committed (PUT .../blobs/uploads/...?digest=
 * answered 201 in its access log; a blob it already stored counts too, since it was sent again), the mounts it made
 * (POST ?mount= answered 201), and how much its blob store grew.
 */
function registryTraffic(registry, before) {
  let storedBytes = 0;
  for (const [file, bytes] of blobSizes(registry.dataDir)) if (!before.blobs.has(file)) storedBytes += bytes;
  const fd = openSync(registry.logFile, 'r');
  let text;
  try {
    const length = statSync(registry.logFile).size - before.logOffset;
    const buffer = Buffer.alloc(Math.max(0, length));
    readSync(fd, buffer, 0, buffer.length, before.logOffset);
    text = buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
  const uploads = [];
  let mounts = 0;
  for (const line of text.split('\n')) {
    const match = /"([A-Z]+) (\S+) HTTP\/[\d.]+" (\d{3}) /.exec(line);
    if (!match) continue;
    const [, method, uri, status] = match;
    if (method === 'PUT' && status === '201' && uri.includes('/blobs/uploads/')) {
      const digest = /[?&]digest=sha256(?::|%3A)([0-9a-f]{64})/i.exec(uri);
      if (digest) {
        const hex = digest[1].toLowerCase();
        const file = path.join(registry.dataDir, 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data');
        uploads.push({ digest: `sha256:${hex}`, bytes: existsSync(file) ? statSync(file).size : 0 });
      }
    } else if (method === 'POST' && status === '201' && /[?&]mount=/.test(uri)) mounts++;
  }
  return { storedBytes, uploads, mounts };
}

/** The image manifest the registry serves for repository:reference, and its digest (the sha256 of those bytes). */
async function registryManifest(registry, repository, reference) {
  const accept = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'].join(', ');
  const response = await httpGet(`http://${registry.host}/v2/${repository}/manifests/${reference}`, { accept }, 30_000);
  if (response.status !== 200) throw new Error(`the registry has no manifest for ${repository}:${reference} (HTTP ${response.status})`);
  const bytes = response.body;
  return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, json: JSON.parse(bytes.toString('utf8')) };
}

/** A GET on loopback: status and body; rejects on a broken connection or after timeoutMs. */
function httpGet(url, headers, timeoutMs) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false, timeout: timeoutMs }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/** The base's layers, then the runtime layer and the model layer, as both builders lay an image out (src/container/serving-image.ts). */
function imageParts(manifest, baseLayers) {
  const layers = manifest.json.layers ?? [];
  const config = { digest: manifest.json.config.digest, size: manifest.json.config.size };
  const onBase = layers.length === baseLayers.length + 2 && baseLayers.every((l, i) => layers[i].digest === l.digest);
  if (!onBase) return { digest: manifest.digest, config };
  const [runtime, model] = layers.slice(baseLayers.length).map((l) => ({ digest: l.digest, size: l.size }));
  return { digest: manifest.digest, config, runtime, model };
}

/** CPU seconds (user + system, reaped children included) of a process and its descendants, from /proc. */
function treeCpuSeconds(pid) {
  if (treeCpuSeconds.ticks === undefined) {
    const probe = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    treeCpuSeconds.ticks = Number(probe.stdout?.trim()) || 100;
  }
  let ticks = 0;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'latin1');
      // Fields 14 to 17 (utime, stime, cutime, cstime), counted after the command name's ") ".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // Gone since the tree was read.
    }
  }
  return ticks / treeCpuSeconds.ticks;
}

/**
 * Whether a change sent only its own layer: at most TARGET_CONTAINER_CHANGED times the changed layer
 * and the new config, and at most TARGET_CONTAINER_UNCHANGED_PERCENT % of the layer it left alone.
 */
function changeVerdict(row, changed, unchanged) {
  const what = `a ${changed === 'model' ? 'model' : 'code'}-only change sends <= ${TARGET_CONTAINER_CHANGED}x (${changed} layer + config) and <= ${TARGET_CONTAINER_UNCHANGED_PERCENT} % of the ${unchanged} layer`;
  if (!row.ok) return { verdict: 'MISS', text: `${what}: no result -> MISS` };
  const allowed = TARGET_CONTAINER_CHANGED * (row.layers[changed].size + row.layers.config.size);
  const unchangedShare = (row.sent[unchanged] / row.layers[unchanged].size) * 100;
  const verdict = row.sentBytes <= allowed && unchangedShare <= TARGET_CONTAINER_UNCHANGED_PERCENT ? 'PASS' : 'MISS';
  return {
    verdict,
    text:
      `${what}: ${formatBytes(row.sentBytes)} sent of ${formatBytes(Math.floor(allowed))} allowed (${changed} layer ${formatBytes(row.layers[changed].size)}), ` +
      `${unchanged} layer ${formatBytes(row.sent[unchanged])} of ${formatBytes(row.layers[unchanged].size)} (${unchangedShare.toFixed(1)} %) -> ${verdict}`,
  };
}

function summarizeContainerRuns(label, runs) {
  const good = runs.filter((r) => r.ok);
  const medianOf = (pick) => (good.length && good.every((r) => pick(r) !== undefined) ? round(median(good.map(pick))) : undefined);
  return {
    builder: runs[0]?.builder,
    label,
    ok: good.length === runs.length && good.length > 0,
    seconds: good.length ? stats(good.map((r) => r.seconds)) : undefined,
    cpuSeconds: medianOf((r) => r.cpuSeconds),
    dockerdCpuSeconds: medianOf((r) => r.dockerdCpuSeconds),
    registryCpuSeconds: medianOf((r) => r.registryCpuSeconds),
    peakBytes: good.length ? Math.max(...good.map((r) => r.peakBytes)) : undefined,
    sentBytes: medianOf((r) => r.sentBytes),
    modelLayerBytes: medianOf((r) => r.layers.model.size),
    runs,
  };
}

function printContainerPushTable(rows) {
  const header = ['push (one repository)', 'tag', 'wall', 'CPU', 'peak memory', 'sent', 'layers sent', 'new in storage', 'client counted', 'digest'];
  const lines = rows.map((r) => [
    r.label,
    r.tag,
    r.ok ? `${r.seconds.toFixed(2)} s` : 'failed',
    r.cpuSeconds === undefined ? 'n/a' : `${r.cpuSeconds.toFixed(2)} s`,
    mib(r.peakBytes),
    formatBytes(r.sentBytes),
    Object.entries(r.sent)
      .filter(([, bytes]) => bytes > 0)
      .map(([role, bytes]) => `${role} ${formatBytes(bytes)}`)
      .join(', ') || 'none',
    formatBytes(r.storedBytes),
    r.clientSentBytes === undefined ? 'n/a' : `${(r.clientSentBytes / 1024 / 1024).toFixed(1)} MiB`,
    shortDigest(r.digest),
  ]);
  printRows(header, lines);
}

function printContainerPairTable(results) {
  const header = ['build + push from scratch', 'median', 'min', 'max', 'CPU client', 'CPU dockerd', 'CPU registry', 'peak memory', 'sent', 'model layer'];
  const s = (v) => (v === undefined ? 'n/a' : `${v.toFixed(2)} s`);
  const lines = results.map((r) => [
    r.label,
    r.seconds ? s(r.seconds.median) : 'failed',
    r.seconds ? s(r.seconds.min) : '',
    r.seconds ? s(r.seconds.max) : '',
    s(r.cpuSeconds),
    s(r.dockerdCpuSeconds),
    s(r.registryCpuSeconds),
    r.peakBytes === undefined ? '' : mib(r.peakBytes),
    r.sentBytes === undefined ? '' : formatBytes(r.sentBytes),
    r.modelLayerBytes === undefined ? '' : formatBytes(r.modelLayerBytes),
  ]);
  printRows(header, lines);
}

function printRows(header, lines) {
  printColumns(header, lines);
}

function shortDigest(digest) {
  return digest ? `${digest.slice(0, 19)}...` : 'n/a';
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function parseOptions(argv) {
  const result = {};
  const positive = (flag, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) fail(`${flag} needs a positive integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--runs') result.runs = positive(flag, argv[++i]);
    else if (flag === '--rows') result.rows = positive(flag, argv[++i]);
    else if (flag === '--big') result.big = true;
    else if (flag === '--package-mib') result.packageMib = positive(flag, argv[++i]);
    else if (flag === '--container-mib') result.containerMib = positive(flag, argv[++i]);
    else if (flag === '--train-steps') {
      result.trainSteps = positive(flag, argv[++i]);
      if (result.trainSteps < 2) fail('--train-steps needs at least 2');
    } else if (flag === '--only') {
      result.only = argv[++i];
      if (!['cold-start', 'data-job', 'gate', 'train-overhead', 'package', 'container', 'deploy'].includes(result.only)) fail('--only takes cold-start, data-job, gate, train-overhead, package, container or deploy');
    } else fail(`unknown option ${flag}`);
  }
  if (result.big && result.only !== undefined && result.only !== 'data-job') fail('--big is a data-job option');
  if (result.trainSteps !== undefined && result.only !== undefined && result.only !== 'train-overhead') fail('--train-steps is a train-overhead option');
  if (result.packageMib !== undefined && result.only !== undefined && result.only !== 'package') fail('--package-mib is a package option');
  if (result.containerMib !== undefined && result.only !== undefined && result.only !== 'container') fail('--container-mib is a container option');
  return result;
  function fail(message) {
    console.error(`bench: ${message}\n${USAGE}`);
    process.exit(2);
  }
}

function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function formatCount(n) {
  return n.toLocaleString('en-US');
}

function indent(text) {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
