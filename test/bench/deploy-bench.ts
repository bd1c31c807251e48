import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHaproxy } from '../support/haproxy.js';
import { startLoad } from '../support/load.js';
import { makeModelPackage, pythonWithScikitLearn, startModelServer } from '../support/model-server.js';

/*
 * The staged-deploy benchmark (`npm run bench -- --only deploy`): how fast a bad canary is taken
 * out of traffic. Two real model servers behind a real HAProxy on loopback, steady load through
 * HAProxy (40 requests/s of ordinary customers, 20/s with a country the candidate's model fails
 * on), and the CLI's staged-deploy with a 10 s analysis interval. Measured on the clients' side:
 * from the first request that failed (the fault reaching users) to the last one (traffic back on
 * stable), and how many failed in between; and the rollout's own view from its report.
 */
export interface DeployBenchOptions {
  /** The repository, for the model fixtures (this file runs bundled, elsewhere). */
  root: string;
  cli: string;
  runs: number;
  intervalSeconds: number;
}

export interface DeployBenchRun {
  faultToStableMs: number;
  failedRequests: number;
  sentRequests: number;
  detectionMs: number;
  rollbackMs: number;
  outcome: string;
}

export async function deployBench(options: DeployBenchOptions): Promise<{ runs: DeployBenchRun[]; ok: boolean }> {
  if (!pythonWithScikitLearn()) throw new Error('the deploy benchmark needs /usr/bin/python3 with scikit-learn, pandas and joblib');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-deploy-bench-'));
  const runs: DeployBenchRun[] = [];
  try {
    const packages = { stable: path.join(dir, 'stable'), strict: path.join(dir, 'strict') };
    const script = path.join(options.root, 'test/fixtures/serving/make_model.py');
    makeModelPackage(packages.stable, 'stable', script);
    makeModelPackage(packages.strict, 'strict', script);
    const rows = (JSON.parse(readFileSync(path.join(packages.stable, 'metadata/input_example.json'), 'utf8')) as { rows: unknown[] }).rows;
    for (let i = 0; i < options.runs; i++) runs.push(await oneRun(dir, packages, rows, options, i));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ok = runs.every((r) => r.outcome === 'rolled-back' && r.faultToStableMs <= options.intervalSeconds * 1000);
  return { runs, ok };
}

async function oneRun(dir: string, packages: { stable: string; strict: string }, rows: unknown[], options: DeployBenchOptions, index: number): Promise<DeployBenchRun> {
  const ws = path.join(dir, `run-${index}`);
  mkdirSync(ws, { recursive: true });
  const stable = await startModelServer(dir, packages.stable);
  const candidate = await startModelServer(dir, packages.strict);
  const haproxy = await startHaproxy({ backends: { model: { servers: { stable: `127.0.0.1:${stable.port}`, candidate: `127.0.0.1:${candidate.port}` } } } });
  const loads = [
    startLoad({ url: haproxy.frontendUrl, body: JSON.stringify({ rows }), ratePerSecond: 40, concurrency: 8, timeoutMs: 5000, maxSeconds: 300 }),
    startLoad({ url: haproxy.frontendUrl, body: JSON.stringify({ rows: [{ age: 40, spend: 100, country: 'BR' }] }), ratePerSecond: 20, concurrency: 4, timeoutMs: 5000, maxSeconds: 300 }),
  ];
  try {
    writeFileSync(
      path.join(ws, 'rollout.yml'),
      `version: 1
provider:
  kind: haproxy
  runtime_api: ${haproxy.runtimeApi}
  backend: model
  candidate_url: ${candidate.url}
  stable_url: ${stable.url}
  public_url: ${haproxy.frontendUrl}
stages:
  - name: production
    canary: {steps: [10, 50, 100], interval: ${options.intervalSeconds}s}
    analysis:
      max_error_rate: 0.01
      max_p99_latency_ms: 1000
      relative_to_stable: {error_rate: 2}
      failure_limit: 1
`,
    );
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [options.cli, 'staged-deploy', '--image', 'churn:1.3.1', '--plan', 'rollout.yml', '--package', packages.strict], { cwd: ws, stdio: 'ignore', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
      child.on('close', resolve);
    });
    // Requests in flight when the rollback came finish within their timeout.
    await new Promise((r) => setTimeout(r, 1000));
    const totals = await Promise.all(loads.map((l) => l.stop()));
    const failed = totals.flatMap((t) => t.requests.filter((r) => r.status !== 200));
    const report = JSON.parse(readFileSync(path.join(ws, 'mlops-reports/staged-deploy.json'), 'utf8')) as {
      details: { results: Array<{ outcome: string; detectionMs?: number; rollbackMs?: number }> };
    };
    const result = report.details.results[0]!;
    if (code !== 1) throw new Error(`staged-deploy exited ${code}, expected 1 (rolled back)`);
    return {
      faultToStableMs: failed.length === 0 ? 0 : Math.max(...failed.map((r) => r.t + r.ms)) - Math.min(...failed.map((r) => r.t)),
      failedRequests: failed.length,
      sentRequests: totals.reduce((a, t) => a + t.sent, 0),
      detectionMs: result.detectionMs ?? NaN,
      rollbackMs: result.rollbackMs ?? NaN,
      outcome: result.outcome,
    };
  } finally {
    await Promise.all(loads.map((l) => l.stop()));
    await Promise.all([haproxy.stop(), stable.stop(), candidate.stop()]);
  }
}
