#!/usr/bin/env node
// `npm run demo`: the whole pipeline on the example project, locally, through the committed CLI
// bundle (cli/dist/index.js), the way the workflows in workflows-examples/ run it on GitHub:
//
//   validate-data → train-check → evaluate + evaluate-metrics-gate (against the stored baseline)
//   → package-model → containerize → staged-deploy (stable and candidate servers, canary, promote)
//
// Training needs a Python with numpy, pandas and scikit-learn (MLOPS_PYTHON, /usr/bin/python3 or
// python3); without one the demo stops after validate-data and says so. containerize pushes into
// a Distribution registry started on 127.0.0.1 when `docker-registry` is installed, else writes an
// OCI layout on disk; no base image can be pulled offline, so the image is built from `scratch`
// (its two layers: the serving runtime and the model). staged-deploy moves traffic through a real
// HAProxy on 127.0.0.1 when `haproxy` is installed, else through the command provider (scripts that
// record each weight), while this script sends requests. Every server it starts listens on
// 127.0.0.1 and is stopped by its PID. Everything goes into mlops-demo/.
/* global fetch, AbortSignal */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'cli', 'dist', 'index.js');
const project = 'workflows-examples/example-project';
const out = 'mlops-demo';
const results = [];
const children = [];

process.chdir(root);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
});

try {
  await main();
} finally {
  await stopAll();
}
printSummary();
process.exitCode = results.some((r) => r.status === 'failed') ? 1 : 0;

async function main() {
  section('1. validate-data: the training data against its schema');
  cliStep('validate-data', ['--data', `${project}/data/train.csv`, '--schema', `${project}/data/schema.yaml`]);

  const python = findPython();
  if (!python) {
    skip('train-check and the rest', 'no Python with numpy, pandas and scikit-learn (set MLOPS_PYTHON, or apt-get install python3-sklearn python3-pandas)');
    return;
  }

  section('2. train-check: train the candidate, with budgets and sanity checks');
  if (!cliStep('train-check', ['--command', `${python} ${project}/train.py`, '--smoke', 'false', '--output-dir', `${out}/candidate`, '--outputs', `${out}/candidate/model.pkl`, '--max-duration-minutes', '5'])) return;

  section('3. evaluate-metrics-gate: the candidate against the stored baseline, with confidence intervals');
  run(python, [`${project}/evaluate.py`, '--model', `${out}/candidate/model.pkl`, '--out', `${out}/eval/candidate.csv`]);
  if (!cliStep('evaluate-metrics-gate', ['--predictions', `${out}/eval/candidate.csv`, '--baseline', `${project}/eval/baseline.csv`, '--gates', `${project}/eval/gates.yaml`, '--seed', '0'])) return;

  section('4. package-model: the candidate, and the model it replaces, as hashed packages');
  // The model in production: the same recipe with another seed.
  run(python, [`${project}/train.py`], { env: { MLOPS_OUTPUT_DIR: `${out}/stable`, MLOPS_SEED: '1' } });
  const packageArgs = (dir, version) => ['--name', 'churn-classifier', '--version', version, '--model', `${out}/${dir}/model.pkl`, '--metrics', `${out}/${dir}/metrics.json`, '--input-example', `${project}/data/input_example.json`, '--output-dir', `${out}/packages`, '--attest', 'false'];
  if (!cliStep('package-model', [...packageArgs('candidate', '1.1.0'), '--evaluation-report', `${out}/reports/evaluate-metrics-gate.json`])) return;
  cliStep('package-model', packageArgs('stable', '1.0.0'), 'package-model-stable');
  const candidatePackage = `${out}/packages/churn-classifier-1.1.0.tar.gz`;
  const stablePackage = `${out}/packages/churn-classifier-1.0.0.tar.gz`;

  section('5. containerize: the serving image of the candidate');
  await containerize(candidatePackage);

  section('6. staged-deploy: canary of the candidate beside the stable model, under load');
  await stagedDeploy(python, stablePackage, candidatePackage);
}

async function containerize(pkg) {
  const registryBinary = which('docker-registry');
  const common = ['--package', pkg, '--builder', 'daemonless', '--base-image', 'scratch', '--smoke-test', 'false', '--tags', '{{version}}'];
  if (!registryBinary) {
    note('docker-registry is not installed: the image goes into an OCI layout on disk instead of a registry.');
    cliStep('containerize', [...common, '--image', 'localhost/churn-server', '--push', 'false', '--oci-layout', `${out}/image`]);
    return;
  }
  const port = await freePort();
  const config = path.join(out, 'registry.yml');
  writeFileSync(config, `version: 0.1\nlog: {level: error}\nstorage: {filesystem: {rootdirectory: ${path.resolve(out, 'registry')}}}\nhttp: {addr: 127.0.0.1:${port}}\n`);
  const registry = start(registryBinary, ['serve', config]);
  await waitForPort(port);
  note(`A Distribution registry runs on 127.0.0.1:${port} (pid ${registry.pid}); the image is pushed there.`);
  cliStep('containerize', [...common, '--image', `127.0.0.1:${port}/churn-server`, '--insecure-registry', 'true']);
}

async function stagedDeploy(python, stablePackage, candidatePackage) {
  const [stablePort, candidatePort] = [await freePort(), await freePort()];
  const serve = (pkg, port) => start(process.execPath, [cli, 'serve', pkg, '--port', String(port), '--python', python]);
  serve(stablePackage, stablePort);
  serve(candidatePackage, candidatePort);
  await Promise.all([waitForHealth(stablePort), waitForHealth(candidatePort)]);
  const stableUrl = `http://127.0.0.1:${stablePort}`;
  const candidateUrl = `http://127.0.0.1:${candidatePort}`;
  const analysis = `    canary: {steps: [20, 50, 100], interval: 5s}
    analysis:
      max_error_rate: 0.01
      max_p99_latency_ms: 1000
      relative_to_stable: {error_rate: 2.0}
      prediction_drift: {method: psi, max: 0.5, min_predictions: 50}
      failure_limit: 1
      min_requests: 5
      measure_every: 1s
    on_inconclusive: fail
`;
  const haproxyBinary = which('haproxy') ?? (existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : undefined);
  let provider;
  let trafficUrls;
  if (haproxyBinary) {
    const [frontend, runtime] = [await freePort(), await freePort()];
    const config = path.join(out, 'haproxy.cfg');
    writeFileSync(
      config,
      [
        'global',
        `  stats socket ipv4@127.0.0.1:${runtime} level admin`,
        'defaults',
        '  mode http',
        '  timeout connect 1s',
        '  timeout client 10s',
        '  timeout server 10s',
        'frontend fe',
        `  bind 127.0.0.1:${frontend}`,
        '  default_backend model',
        'backend model',
        '  balance roundrobin',
        `  server stable 127.0.0.1:${stablePort} weight 100`,
        `  server candidate 127.0.0.1:${candidatePort} weight 0`,
        '',
      ].join('\n'),
    );
    const haproxy = start(haproxyBinary, ['-db', '-f', config]);
    await waitForPort(frontend);
    note(`HAProxy runs on 127.0.0.1:${frontend} (pid ${haproxy.pid}) in front of the stable and candidate servers; requests go through it.`);
    provider = `provider:\n  kind: haproxy\n  runtime_api: 127.0.0.1:${runtime}\n  backend: model\n  candidate_url: ${candidateUrl}\n  stable_url: ${stableUrl}\n  public_url: http://127.0.0.1:${frontend}\n`;
    trafficUrls = () => [`http://127.0.0.1:${frontend}`];
  } else {
    note('HAProxy is not installed: the command provider stands in for the traffic split (its scripts record each weight in mlops-demo/deploy/weights.log), and requests are shared out by this script.');
    const log = path.resolve(out, 'deploy', 'weights.log');
    mkdirSync(path.dirname(log), { recursive: true });
    writeFileSync(log, '');
    const record = (what) => `echo "${what} weight=$WEIGHT image=$IMAGE" >> '${log}'`;
    provider = `provider:\n  kind: command\n  deploy: ${JSON.stringify(record('deploy'))}\n  set_weight: ${JSON.stringify(record('set_weight'))}\n  promote: ${JSON.stringify(record('promote'))}\n  rollback: ${JSON.stringify(record('rollback'))}\n  candidate_url: ${candidateUrl}\n  stable_url: ${stableUrl}\n`;
    trafficUrls = () => {
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      const last = lines.at(-1) ?? '';
      const weight = /promote/.test(last) ? 100 : Number(/weight=(\d+)/.exec(last)?.[1] ?? 0);
      return Math.random() * 100 < weight ? [candidateUrl] : [stableUrl];
    };
  }
  const plan = path.join(out, 'rollout.yml');
  writeFileSync(plan, `version: 1\n${provider}stages:\n  - name: production\n    smoke: {requests: 20}\n${analysis}`);
  const traffic = startTraffic(trafficUrls, customers());
  try {
    await cliStepAsync('staged-deploy', ['--image', 'churn-classifier:1.1.0', '--plan', plan, '--package', candidatePackage, '--state-dir', `${out}/deploy-state`]);
  } finally {
    const t = await traffic.stop();
    note(`Requests sent during the rollout: ${t.sent}, failed: ${t.failed}.`);
  }
}

// ---- steps ------------------------------------------------------------------------------------

function cliArgs(action, args, label) {
  return [cli, action, ...args, '--report-path', `${out}/reports/${label ?? action}.json`];
}

function cliStep(action, args, label) {
  const r = spawnSync(process.execPath, cliArgs(action, args, label), { stdio: 'inherit' });
  return record(label ?? action, r.status);
}

function cliStepAsync(action, args, label) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, cliArgs(action, args, label), { stdio: 'inherit' });
    child.on('close', (code) => resolve(record(label ?? action, code)));
  });
}

function record(label, status) {
  const report = `${out}/reports/${label}.json`;
  let verdict = status === 0 ? 'pass' : 'failed';
  if (existsSync(report)) verdict = JSON.parse(readFileSync(report, 'utf8')).verdict;
  results.push({ step: label, status: status === 0 ? 'ok' : 'failed', verdict, report: existsSync(report) ? report : '—' });
  return status === 0;
}

function skip(step, why) {
  results.push({ step, status: 'skipped', verdict: '—', report: why });
  note(`${step}: skipped, ${why}.`);
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...options.env } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status})`);
}

function findPython() {
  for (const candidate of [process.env.MLOPS_PYTHON, '/usr/bin/python3', 'python3']) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ['-c', 'import numpy, pandas, sklearn'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

function which(command) {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

// ---- servers ----------------------------------------------------------------------------------

function start(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

async function stopAll() {
  for (const child of children.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    const gone = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 10_000))]);
    if (!gone) child.kill('SIGKILL');
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 200; i++) {
    const open = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after 10 s`);
}

async function waitForHealth(port) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the model server on 127.0.0.1:${port} gave no /health within 30 s`);
}

/** Request bodies of 40 customers each, from the example data, in turn. */
function customers() {
  const [header, ...lines] = readFileSync(path.join(project, 'data', 'train.csv'), 'utf8').trim().split('\n');
  const columns = header.split(',');
  const rows = lines.map((line) => {
    const cells = Object.fromEntries(line.split(',').map((v, i) => [columns[i], v]));
    return { age: Number(cells.age), tenure_months: Number(cells.tenure_months), monthly_spend: Number(cells.monthly_spend), is_premium: cells.is_premium === 'true' ? 1 : 0, country: cells.country };
  });
  const bodies = [];
  for (let i = 0; i + 40 <= rows.length; i += 40) bodies.push(JSON.stringify({ rows: rows.slice(i, i + 40) }));
  return bodies;
}

/** /predict requests, 20 a second, to where `urls()` says traffic goes now. */
function startTraffic(urls, bodies) {
  const totals = { sent: 0, failed: 0 };
  const inFlight = new Set();
  const timer = setInterval(() => {
    for (const url of urls()) {
      totals.sent++;
      const body = bodies[totals.sent % bodies.length];
      const p = fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(5000) })
        .then(async (r) => {
          await r.arrayBuffer();
          if (!r.ok) totals.failed++;
        })
        .catch(() => totals.failed++)
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }, 50);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([...inFlight]);
      return totals;
    },
  };
}

// ---- output -----------------------------------------------------------------------------------

function section(title) {
  console.log(`\n\x1b[1m== ${title}\x1b[0m`);
}

function note(text) {
  console.log(`\x1b[2m-- ${text}\x1b[0m`);
}

function printSummary() {
  section('The pipeline');
  const header = ['step', 'run', 'verdict', 'report'];
  const rows = results.map((r) => [r.step, r.status, r.verdict, r.report]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`\nEverything is in ${out}/. The same steps run on GitHub: workflows-examples/pr-checks.yml and delivery.yml.`);
}
