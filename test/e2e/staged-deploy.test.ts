import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { runJob } from '../harness/runner.js';
import { startHaproxy, type RunningHaproxy } from '../support/haproxy.js';
import { startLoad, type LoadTotals, type RunningLoad } from '../support/load.js';
import { makeModelPackage, pythonWithScikitLearn, startModelServer, type ModelServer } from '../support/model-server.js';
import { alive } from '../support/processes.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * End-to-end: the committed staged-deploy bundle, run by the runner emulator, moves real traffic
 * between two real model servers (the reference server over scikit-learn packages) behind a real
 * HAProxy on loopback, while a load generator sends requests through HAProxy for the whole
 * rollout. Deployments are recorded in the GitHub API emulator.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const action = path.join(repoRoot, 'actions/staged-deploy');
const cli = path.join(repoRoot, 'cli/dist/index.js');
const haveScikitLearn = pythonWithScikitLearn();

const tmp = makeTempDir('mlops-e2e-deploy-');
const packages = { stable: '', candidate: '', strict: '', shifted: '' };
let api: GitHubApi;

beforeAll(async () => {
  if (!haveScikitLearn) return;
  for (const variant of Object.keys(packages) as Array<keyof typeof packages>) {
    packages[variant] = path.join(tmp.root, 'packages', variant);
    makeModelPackage(packages[variant], variant);
  }
  api = await startGitHubApi({ owner: 'acme', repo: 'churn-model' });
}, 120_000);
afterAll(async () => {
  await api?.stop();
  tmp.remove();
});

/** 200 customers like the training data's (age, spend, country), the same in every request. */
const TRAFFIC_ROWS = (() => {
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const countries = ['DE', 'FR', 'JP', 'US'];
  return Array.from({ length: 200 }, () => ({ age: 18 + Math.floor(next() * 62), spend: Math.round(-60 * Math.log(next() * next() + 1e-9) * 100) / 100, country: countries[Math.floor(next() * 4)]! }));
})();

interface Site {
  stable: ModelServer;
  candidate: ModelServer;
  haproxy: RunningHaproxy;
  /** Requests with the package's input example, and a few with a country no model saw. */
  load: RunningLoad[];
  stop(): Promise<LoadTotals[]>;
}

async function site(candidate: keyof typeof packages): Promise<Site> {
  const dir = path.join(tmp.root, 'servers');
  mkdirSync(dir, { recursive: true });
  const stable = await startModelServer(dir, packages.stable);
  const cand = await startModelServer(dir, packages[candidate]);
  const haproxy = await startHaproxy({ backends: { model: { servers: { stable: `127.0.0.1:${stable.port}`, candidate: `127.0.0.1:${cand.port}` } } } });
  const unseen = [{ age: 40, spend: 100, country: 'BR' }];
  const load = [
    startLoad({ url: haproxy.frontendUrl, body: JSON.stringify({ rows: TRAFFIC_ROWS }), ratePerSecond: 40, concurrency: 8, timeoutMs: 5000, maxSeconds: 120 }),
    startLoad({ url: haproxy.frontendUrl, body: JSON.stringify({ rows: unseen }), ratePerSecond: 20, concurrency: 4, timeoutMs: 5000, maxSeconds: 120 }),
  ];
  return {
    stable,
    candidate: cand,
    haproxy,
    load,
    async stop() {
      const totals = await Promise.all(load.map((l) => l.stop()));
      await Promise.all([haproxy.stop(), stable.stop(), cand.stop()]);
      return totals;
    },
  };
}

function plan(s: Site, analysis = ''): string {
  return `version: 1
provider:
  kind: haproxy
  runtime_api: ${s.haproxy.runtimeApi}
  backend: model
  candidate_url: ${s.candidate.url}
  stable_url: ${s.stable.url}
  public_url: ${s.haproxy.frontendUrl}
stages:
  - name: production
    smoke: {requests: 10}
    canary: {steps: [10, 50, 100], interval: 4s}
    analysis:
      max_error_rate: 0.02
      max_p99_latency_ms: 2000
      relative_to_stable: {error_rate: 2}
      prediction_drift: {method: psi, max: 0.25, min_predictions: 50}
      failure_limit: 1
      min_requests: 5
      measure_every: 1s${analysis}
    on_inconclusive: fail
`;
}

/** `get weight model/<server>` through the runtime API, as an operator would type it. */
function weight(s: Site, server: 'stable' | 'candidate'): Promise<number> {
  const [host, port] = s.haproxy.runtimeApi.split(':');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), host!, () => socket.end(`get weight model/${server}\n`));
    let reply = '';
    socket.on('data', (c: Buffer) => (reply += c.toString()));
    socket.on('end', () => {
      const m = /^(\d+) \(initial/.exec(reply.trim());
      if (m) resolve(Number(m[1]));
      else reject(new Error(`get weight: ${reply}`));
    });
    socket.on('error', reject);
  });
}

function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env: options.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function workspace(name: string): string {
  const root = path.join(tmp.root, name);
  mkdirSync(root, { recursive: true });
  return root;
}

async function deploy(s: Site, ws: string, image: string, pkg: string, extraPlan = '') {
  return runJob({
    workspace: ws,
    env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${api.owner}/${api.repo}`, GITHUB_JOB: 'deploy' },
    githubToken: api.token,
    timeoutMs: 120_000,
    steps: [{ action, id: 'deploy', with: { image, plan: plan(s, extraPlan), package: pkg, comment: 'false' } }],
  });
}

describe.skipIf(!haveScikitLearn)('staged-deploy through the runner, real HAProxy and model servers', () => {
  it('a good candidate reaches 100 % with zero failed requests, recorded as a GitHub deployment', async () => {
    const s = await site('candidate');
    try {
      const before = api.state.deployments.length;
      const job = await deploy(s, workspace('good'), 'churn-model:1.3.0', packages.candidate);
      const step = job.step('deploy');
      expect(step.exitCode, step.log).toBe(0);
      expect(step.outputs.outcome).toBe('promoted');
      expect(step.outputs['final-weight']).toBe('100');
      expect(step.outputs['environment-url']).toBe(s.haproxy.frontendUrl);
      expect(step.summary).toContain('churn-model:1.3.0 promoted to production');
      expect(await weight(s, 'candidate')).toBe(100);
      expect(await weight(s, 'stable')).toBe(0);
      const totals = await Promise.all(s.load.map((l) => l.stop()));
      for (const t of totals) expect(t.failed, JSON.stringify(t.requests.filter((r) => r.status !== 200).slice(0, 5))).toBe(0);
      expect(totals[0]!.byVersion['1.3.0']).toBeGreaterThan(50);
      expect(totals[0]!.byVersion['1.2.0']).toBeGreaterThan(50);

      const deployment = api.state.deployments.at(-1)!;
      expect(api.state.deployments.length).toBe(before + 1);
      expect(String(deployment.id)).toBe(step.outputs['deployment-id']);
      expect(deployment.environment).toBe('production');
      expect((deployment.payload as { image: string; model: { version: string } }).model.version).toBe('1.3.0');
      const states = api.state.deploymentStatuses.filter((x) => x.deployment_url.endsWith(`/${deployment.id}`)).map((x) => x.state);
      expect(states[0]).toBe('in_progress');
      expect(states.at(-1)).toBe('success');
      expect(api.state.deploymentStatuses.at(-1)!.environment_url).toBe(s.haproxy.frontendUrl);

      // Which model served production: from the repository's deployments.
      // (The API emulator runs in this process: the CLI must run beside it, not block it.)
      const history = await runCli(['staged-deploy', 'history', '--repo', `${api.owner}/${api.repo}`, '--stage', 'production', '--at', new Date().toISOString()], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GITHUB_API_URL: api.url, GITHUB_TOKEN: api.token },
      });
      expect(history.status, history.stderr).toBe(0);
      expect(history.stdout).toMatch(new RegExp(`^production at .*: churn-model:1\\.3\\.0 \\(model churn-model 1\\.3\\.0\\), promoted .*, deployment ${deployment.id}$`, 'm'));
      expect(api.violations).toEqual([]);
    } finally {
      await s.stop();
    }
  }, 120_000);

  it('a candidate that fails on some requests is rolled back within one analysis interval; the report counts the failures', async () => {
    const s = await site('strict');
    try {
      const ws = workspace('errors');
      const job = await deploy(s, ws, 'churn-model:1.3.1', packages.strict);
      const step = job.step('deploy');
      expect(step.exitCode).toBe(1);
      expect(step.outputs.outcome).toBe('rolled-back');
      expect(step.outputs['final-weight']).toBe('0');
      expect(step.outputs.verdict).toBe('fail');
      expect(await weight(s, 'candidate')).toBe(0);
      expect(await weight(s, 'stable')).toBe(100);
      const report = JSON.parse(readFileSync(path.join(ws, 'mlops-reports/staged-deploy.json'), 'utf8')) as {
        details: { results: Array<{ steps: Array<{ verdict: string; candidateErrors: number }> }> };
      };
      const result = report.details.results[0]!;
      const failedStep = result.steps.at(-1)!;
      expect(failedStep.verdict).toBe('fail');
      expect(failedStep.candidateErrors).toBeGreaterThan(0);
      const unseenLoad = s.load[1]!;
      const failed = unseenLoad.totals().requests.filter((r) => r.status !== 200);
      const failuresBefore = failed.length;
      expect(failuresBefore).toBeGreaterThan(0);
      // From the first request that failed (the fault reaching users) to the last one (traffic back
      // on stable): less than one 4 s analysis interval.
      const faultMs = Math.max(...failed.map((r) => r.t + r.ms)) - Math.min(...failed.map((r) => r.t));
      expect(faultMs).toBeLessThan(4000);
      // Every failure seen by the clients is in the candidate's own count (plus none from stable).
      expect(failedStep.candidateErrors).toBeLessThanOrEqual(failuresBefore);
      // After the rollback, traffic is on stable: no more failures.
      await new Promise((r) => setTimeout(r, 1500));
      const after = unseenLoad.mark();
      await new Promise((r) => setTimeout(r, 2000));
      expect(unseenLoad.totals().failedSince(after)).toBe(0);
      const deployment = api.state.deployments.at(-1)!;
      const last = api.state.deploymentStatuses.filter((x) => x.deployment_url.endsWith(`/${deployment.id}`)).at(-1)!;
      expect(last.state).toBe('failure');
      expect(last.description).toMatch(/rolled back/);
    } finally {
      await s.stop();
    }
  }, 120_000);

  it('a candidate with shifted predictions is rolled back on prediction drift', async () => {
    const s = await site('shifted');
    try {
      const job = await deploy(s, workspace('shifted'), 'churn-model:1.3.2', packages.shifted);
      const step = job.step('deploy');
      expect(step.outputs.outcome).toBe('rolled-back');
      expect(step.summary).toMatch(/prediction-drift: fail|PSI of the candidate/);
      expect(await weight(s, 'stable')).toBe(100);
    } finally {
      await s.stop();
    }
  }, 120_000);

  it('a rollout killed mid-way leaves a split; the re-run rolls it back, starts again and converges to 100 %', async () => {
    const s = await site('candidate');
    try {
      const ws = workspace('killed');
      const planFile = path.join(ws, 'rollout.yml');
      writeFileSync(planFile, plan(s));
      const args = [cli, 'staged-deploy', '--image', 'churn-model:1.3.0', '--plan', 'rollout.yml', '--package', packages.candidate];
      const first = spawn(process.execPath, args, { cwd: ws, stdio: 'ignore', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
      const deadline = Date.now() + 60_000;
      while ((await weight(s, 'candidate')) !== 50) {
        if (Date.now() > deadline) throw new Error('the rollout never reached 50 %');
        await new Promise((r) => setTimeout(r, 100));
      }
      process.kill(first.pid!, 'SIGKILL');
      while (alive(first.pid!)) await new Promise((r) => setTimeout(r, 20));
      expect(await weight(s, 'candidate')).toBe(50);
      const record = JSON.parse(readFileSync(path.join(ws, '.mlops/deploy/production.json'), 'utf8')) as { status: string; weight: number };
      expect(record).toMatchObject({ status: 'running', weight: 50 });

      const second = spawn(process.execPath, args, { cwd: ws, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
      let out = '';
      second.stdout.on('data', (c: Buffer) => (out += c.toString()));
      second.stderr.on('data', (c: Buffer) => (out += c.toString()));
      const code = await new Promise<number | null>((resolve) => second.on('close', resolve));
      expect(code, out).toBe(0);
      expect(out).toMatch(/found an unfinished rollout of churn-model:1\.3\.0 \(candidate at 50 %\): rolled it back/);
      expect(await weight(s, 'candidate')).toBe(100);
      const history = readFileSync(path.join(ws, '.mlops/deploy/history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string });
      expect(history.map((h) => h.outcome)).toEqual(['started', 'started', 'promoted']);
      // Which model served production, from the local history: now, and before the rollout.
      const servedNow = await runCli(['staged-deploy', 'history', '--at', new Date().toISOString()], { cwd: ws });
      expect(servedNow.status, servedNow.stderr).toBe(0);
      expect(servedNow.stdout).toMatch(/^production at .*: churn-model:1\.3\.0 \(model churn-model 1\.3\.0\), promoted /m);
      const servedBefore = await runCli(['staged-deploy', 'history', '--stage', 'production', '--at', '2020-01-01T00:00:00Z'], { cwd: ws });
      expect(servedBefore.status).toBe(1);
      expect(servedBefore.stdout).toMatch(/nothing promoted yet according to \.mlops\/deploy\/history\.jsonl/);
      const totals = await Promise.all(s.load.map((l) => l.stop()));
      for (const t of totals) expect(t.failed).toBe(0);
    } finally {
      await s.stop();
    }
  }, 150_000);

  it('bad input stops before any traffic moves: steps that do not increase, an unreachable runtime API', async () => {
    const s = await site('candidate');
    try {
      const before = api.state.deployments.length;
      const ws = workspace('unreachable');
      const job = await runJob({
        workspace: ws,
        env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${api.owner}/${api.repo}` },
        githubToken: api.token,
        steps: [
          { action, id: 'steps', with: { image: 'x:1', plan: plan(s).replace('[10, 50, 100]', '[50, 10]'), comment: 'false' } },
          { action, id: 'api', if: 'always()', with: { image: 'x:1', plan: plan(s).replace(s.haproxy.runtimeApi, '127.0.0.1:9'), comment: 'false' } },
        ],
      });
      const steps = job.step('steps');
      expect(steps.exitCode).toBe(1);
      expect(steps.log).toMatch(/input plan:\d+: rollout plan: stages\.0\.canary\.steps\.1: canary steps must increase: 10 comes after 50/);
      const unreachable = job.step('api');
      expect(unreachable.exitCode).toBe(1);
      expect(unreachable.log).toMatch(/127\.0\.0\.1:9/);
      expect(unreachable.log).not.toMatch(/^\s+at /m);
      // Nothing changed: no traffic moved, no deployment recorded.
      expect(await weight(s, 'candidate')).toBe(0);
      expect(await weight(s, 'stable')).toBe(100);
      expect(api.state.deployments.length).toBe(before);
    } finally {
      await s.stop();
    }
  }, 150_000);
});
