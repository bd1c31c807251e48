// `node scripts/bench-bootstrap.mjs [--rows 1000000] [--resamples 1000] [--runs 3] [--seed 0] [--weights]`:
// the paired bootstrap of the metric gate (src/eval/bootstrap.ts) against the same bootstrap written
// plainly in numpy (test/bench/bootstrap_numpy.py).
//
// Generates --rows seeded rows into a temporary directory (labels 30 % positive; a candidate and a
// baseline score correlated with the label and with each other, part of them rounded so that
// scores tie; with --weights, example weights of which 5 % are 0) as float64 files, bundles
// src/eval/bootstrap.ts and src/eval/bootstrap-worker.ts with ncc, and runs both programs on them,
// alternately, --runs times each: all 8 metrics for both models and their paired difference, with
// 95 % intervals from --resamples resamples. Ours uses its default threads (the cores available);
// numpy runs as installed (its BLAS may spread the dot products over the cores). Each run is timed
// as a whole process (start to exit, interpreter start-up and data loading included); peak memory
// is the process's own maximum resident set (getrusage, threads included). Prints the medians, the speed-up of ours over numpy
// and the target (>= 5x), then checks that the two agree: estimates to 1e-9, and interval bounds
// and standard errors within 5 Monte-Carlo standard errors (the two draw different random
// numbers). Needs Debian's /usr/bin/python3 with numpy (BENCH_PYTHON=<python> to choose another).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('--rows', 1_000_000);
const RESAMPLES = arg('--resamples', 1000);
const RUNS = arg('--runs', 3);
const SEED = arg('--seed', 0);
const WEIGHTS = process.argv.includes('--weights');
const CONFIDENCE = 0.95;
const TARGET = 5;
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
if (![ROWS, RESAMPLES, RUNS, SEED].every((x) => Number.isInteger(x) && x >= 0) || ROWS < 2 || RESAMPLES < 2 || RUNS < 1) {
  console.error('usage: node scripts/bench-bootstrap.mjs [--rows N] [--resamples N] [--runs N] [--seed N] [--weights]');
  process.exit(2);
}
const METRICS = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier'];

// Ours, as a program: the bundles, and one script that is both the main program and the worker entry.
const RUNNER = `import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pairedBootstrap } from './engine/index.js';
import { isBootstrapWorker, serveBootstrapWorker } from './worker/index.js';

if (isBootstrapWorker()) await serveBootstrapWorker();
else {
  const started = performance.now();
  const [dir, resamples, seed, confidence] = process.argv.slice(2);
  const load = (name) => {
    const bytes = readFileSync(path.join(dir, name));
    return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  };
  let weight;
  try { weight = load('weight.f64'); } catch {}
  const input = { yTrue: load('y_true.f64'), weight, candidate: { yScore: load('candidate.f64') }, baseline: { yScore: load('baseline.f64') } };
  const loaded = performance.now();
  const result = await pairedBootstrap(input, {
    metrics: ${JSON.stringify(METRICS)},
    resamples: Number(resamples),
    seed: Number(seed),
    confidence: Number(confidence),
    workerEntry: fileURLToPath(import.meta.url),
  });
  process.stdout.write(JSON.stringify({
    metrics: result.metrics,
    threads: result.threads,
    loadSeconds: (loaded - started) / 1000,
    bootstrapSeconds: (performance.now() - loaded) / 1000,
    peakRssKiB: process.resourceUsage().maxRSS,
  }));
}
`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-bootstrap-'));
try {
  writeData(tmp);
  const ncc = path.join(root, 'node_modules', '.bin', 'ncc');
  for (const [entry, out] of [['src/eval/bootstrap.ts', 'engine'], ['src/eval/bootstrap-worker.ts', 'worker']]) {
    execFileSync(ncc, ['build', entry, '--out', path.join(tmp, out), '--quiet', '--target', 'es2022', '--transpile-only'], { cwd: root, stdio: 'inherit' });
  }
  writeFileSync(path.join(tmp, 'runner.mjs'), RUNNER);
  const programs = [
    { name: 'ours (TypeScript)', command: process.execPath, args: [path.join(tmp, 'runner.mjs'), tmp, String(RESAMPLES), String(SEED), String(CONFIDENCE)] },
    {
      name: 'numpy',
      command: PYTHON,
      args: [path.join(root, 'test/bench/bootstrap_numpy.py'), tmp, '--resamples', String(RESAMPLES), '--seed', String(SEED), '--confidence', String(CONFIDENCE)],
    },
  ];
  const runs = programs.map(() => []);
  console.log(
    `paired bootstrap: ${ROWS.toLocaleString('en')} rows${WEIGHTS ? ' (weighted)' : ''}, ${RESAMPLES} resamples, 8 metrics x 2 models + paired deltas, ${RUNS} runs each, alternating ` +
      `(node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'})`,
  );
  for (let run = 0; run < RUNS; run++) {
    for (const [p, program] of programs.entries()) {
      const result = await timed(program.command, program.args);
      runs[p].push(result);
      console.log(`  run ${run + 1}: ${program.name.padEnd(18)} ${result.seconds.toFixed(2).padStart(7)} s ${(result.output.peakRssKiB / 1024).toFixed(0).padStart(6)} MiB`);
    }
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = programs.map((program, p) => {
    const seconds = median(runs[p].map((r) => r.seconds));
    return {
      name: program.name,
      seconds,
      best: Math.min(...runs[p].map((r) => r.seconds)),
      peakMiB: Math.max(...runs[p].map((r) => r.output.peakRssKiB)) / 1024,
      // The median run's own account of where its time went.
      output: runs[p].find((r) => r.seconds === seconds).output,
    };
  });
  const [ours, numpy] = summary;
  console.log(`\n${'program'.padEnd(18)} ${'median s'.padStart(9)} ${'best s'.padStart(8)} ${'peak MiB'.padStart(9)}  inside: setup / resampling`);
  for (const s of summary) {
    const inside =
      s === ours
        ? `load ${s.output.loadSeconds.toFixed(2)} s, bootstrap ${s.output.bootstrapSeconds.toFixed(2)} s on ${s.output.threads} threads`
        : `setup ${s.output.setupSeconds.toFixed(2)} s, resampling ${s.output.resampleSeconds.toFixed(2)} s`;
    console.log(`${s.name.padEnd(18)} ${s.seconds.toFixed(2).padStart(9)} ${s.best.toFixed(2).padStart(8)} ${s.peakMiB.toFixed(0).padStart(9)}  ${inside}`);
  }
  const ratio = numpy.seconds / ours.seconds;
  console.log(`\nspeed-up of ours over numpy (medians): ${ratio.toFixed(1)}x; memory: ${(ours.peakMiB / numpy.peakMiB).toFixed(2)}x numpy's peak`);
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs): other work on the machine lowers every number`);
  console.log(`target: ours >= ${TARGET}x faster than numpy: ${ratio >= TARGET ? 'met' : 'NOT met'} (${ratio.toFixed(1)}x)`);

  const problems = compare(ours.output.metrics, numpy.output.metrics);
  if (problems.length === 0) console.log('agreement: estimates equal to 1e-9; interval bounds and standard errors within 5 Monte-Carlo standard errors: yes');
  else {
    console.log(`agreement: ${problems.length} disagreement(s):`);
    for (const p of problems) console.log(`  ${p}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Runs a program to its end; its wall time and its JSON output. */
function timed(command, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${path.basename(command)} exited with code ${code}`));
      else resolve({ seconds, output: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    });
  });
}

/** The two programs' results side by side: every disagreement, described. */
function compare(a, b) {
  const problems = [];
  // A percentile's Monte-Carlo standard error, from its density under a normal approximation, for
  // each of the two independent runs: se·sqrt(2·q(1 - q)/R)/φ(z_q).
  const q = (1 - CONFIDENCE) / 2;
  const z = normalQuantile(1 - q);
  const bound = Math.sqrt((2 * q * (1 - q)) / RESAMPLES) / (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI));
  // The standard error of a standard deviation from R draws is about sd/sqrt(2(R - 1)); two runs.
  const spread = Math.sqrt(1 / (RESAMPLES - 1));
  for (const metric of METRICS) {
    for (const side of ['candidate', 'baseline', 'delta']) {
      const x = a[metric][side];
      const y = b[metric][side];
      const what = `${metric} ${side}`;
      if (!(Math.abs(x.estimate - y.estimate) <= 1e-9 * Math.max(1, Math.abs(y.estimate)))) problems.push(`${what} estimate: ours ${x.estimate}, numpy ${y.estimate}`);
      const se = (x.se + y.se) / 2;
      for (const end of ['low', 'high']) {
        if (!(Math.abs(x[end] - y[end]) <= 5 * bound * se)) problems.push(`${what} ${end}: ours ${x[end]}, numpy ${y[end]} (5 MC s.e. = ${(5 * bound * se).toExponential(2)})`);
      }
      if (!(Math.abs(x.se - y.se) <= 5 * spread * se)) problems.push(`${what} se: ours ${x.se}, numpy ${y.se}`);
    }
  }
  return problems;
}

/** The standard normal quantile, by bisection on the CDF (plenty for a tolerance). */
function normalQuantile(p) {
  const cdf = (x) => {
    // Abramowitz and Stegun 7.1.26 (error < 1.5e-7).
    const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
    const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp((-x * x) / 2);
    return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  };
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Seeded rows as float64 files: y_true, candidate, baseline (and weight with --weights). */
function writeData(dir) {
  let state = (SEED ^ 0x2545f491) >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const sigmoid = (x) => 1 / (1 + Math.exp(-x));
  const y = new Float64Array(ROWS);
  const candidate = new Float64Array(ROWS);
  const baseline = new Float64Array(ROWS);
  const weight = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const label = uniform() < 0.3 ? 1 : 0;
    const noise = normal();
    y[i] = label;
    candidate[i] = sigmoid(1.5 * label - 0.8 + noise);
    baseline[i] = sigmoid(1.2 * label - 0.8 + 0.8 * noise + 0.6 * normal());
    // Ties: a fifth of the candidate's scores to 2 decimals, a tenth of the baseline's to 3.
    if (uniform() < 0.2) candidate[i] = Math.round(candidate[i] * 100) / 100;
    if (uniform() < 0.1) baseline[i] = Math.round(baseline[i] * 1000) / 1000;
    weight[i] = uniform() < 0.05 ? 0 : 0.5 + uniform();
  }
  const write = (name, values) => writeFileSync(path.join(dir, name), new Uint8Array(values.buffer));
  write('y_true.f64', y);
  write('candidate.f64', candidate);
  write('baseline.f64', baseline);
  if (WEIGHTS) write('weight.f64', weight);
}
