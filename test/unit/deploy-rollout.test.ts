import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrapeServing } from '../../src/deploy/analysis.js';
import { servingSnapshotFromText } from '../../src/deploy/metrics.js';
import { resolveStage, rolloutPlanSchema } from '../../src/deploy/plan.js';
import { ProgressStore } from '../../src/deploy/progress.js';
import { CommandProvider } from '../../src/deploy/providers/command.js';
import { runStage, type RolloutOptions } from '../../src/deploy/rollout.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { startLoad, type RunningLoad } from '../support/load.js';
import { makeModelPackage, pythonWithScikitLearn, startModelServer, type ModelServer } from '../support/model-server.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * The rollout engine with the command provider: real shell scripts as the target (they append
 * what they are asked to a log), and two real model servers whose /metrics the analysis reads.
 * Traffic is sent to the servers directly, as the split the scripts stand for would send it.
 */
const haveScikitLearn = pythonWithScikitLearn();
const tmp = makeTempDir('mlops-rollout-');
let stable: ModelServer;
let candidate: ModelServer;
let rows: unknown[];
let expected: unknown[];

beforeAll(async () => {
  if (!haveScikitLearn) return;
  const dirs = { stable: path.join(tmp.root, 'stable'), candidate: path.join(tmp.root, 'candidate') };
  makeModelPackage(dirs.stable, 'stable');
  makeModelPackage(dirs.candidate, 'candidate');
  [stable, candidate] = await Promise.all([startModelServer(tmp.root, dirs.stable), startModelServer(tmp.root, dirs.candidate)]);
  rows = (JSON.parse(readFileSync(path.join(dirs.candidate, 'metadata/input_example.json'), 'utf8')) as { rows: unknown[] }).rows;
  expected = (JSON.parse(readFileSync(path.join(dirs.candidate, 'metadata/expected_output.json'), 'utf8')) as { predictions: unknown[] }).predictions;
}, 60_000);
afterAll(async () => {
  await Promise.all([stable?.stop(), candidate?.stop()]);
  tmp.remove();
});

let count = 0;
function setup(options: { failOn?: string; onInconclusive?: 'pause' | 'fail'; status?: string } = {}) {
  const dir = path.join(tmp.root, `case-${++count}`);
  mkdirSync(dir, { recursive: true });
  const log = path.join(dir, 'calls.log');
  // Each script appends what it was asked; FAIL_ON makes one of them fail.
  const script = (name: string) =>
    `echo "${name} stage=$STAGE image=$IMAGE weight=$WEIGHT candidate=$CANDIDATE_URL" >> '${log}'; if [ "${options.failOn ?? ''}" = "${name}:$WEIGHT" ]; then echo "cannot reach the balancer" >&2; exit 3; fi`;
  const plan = rolloutPlanSchema.parse({
    version: 1,
    provider: {
      kind: 'command',
      deploy: script('deploy'),
      set_weight: script('set_weight'),
      promote: script('promote'),
      rollback: script('rollback'),
      ...(options.status ? { status: options.status } : {}),
      candidate_url: candidate.url,
      stable_url: stable.url,
    },
    stages: [
      {
        name: 'production',
        canary: { steps: [50], interval: '2s' },
        analysis: { max_error_rate: 0.05, max_p99_latency_ms: 2000, min_requests: 5, measure_every: '500ms', failure_limit: 0 },
        on_inconclusive: options.onInconclusive ?? 'pause',
      },
    ],
  });
  const stage = resolveStage(plan, plan.stages[0]!);
  const progress = new ProgressStore(path.join(dir, 'state'));
  const lines: string[] = [];
  const run = (extra: Partial<RolloutOptions> = {}) =>
    runStage({
      stage,
      image: 'churn:1.3.0',
      provider: new CommandProvider(stage.provider as Extract<typeof stage.provider, { kind: 'command' }>, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, cwd: dir, log: (l) => lines.push(l) }),
      progress,
      resume: 'rollback',
      rows,
      expected,
      log: (l) => lines.push(l),
      ...extra,
    });
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  return { dir, run, calls, progress, lines };
}

function traffic(): RunningLoad[] {
  return [candidate, stable].map((s) => startLoad({ url: s.url, body: JSON.stringify({ rows }), ratePerSecond: 25, concurrency: 4, timeoutMs: 5000, maxSeconds: 60 }));
}

describe.skipIf(!haveScikitLearn)('rollout engine with the command provider', () => {
  it('deploys, analyses each step on the servers’ metrics, and promotes; the scripts get the documented environment', async () => {
    const c = setup();
    const load = traffic();
    try {
      const result = await c.run();
      expect(result.outcome, c.lines.join('\n')).toBe('promoted');
      expect(result.finalWeight).toBe(100);
      expect(result.steps.map((s) => [s.weight, s.verdict])).toEqual([
        [50, 'pass'],
        [100, 'pass'],
      ]);
      expect(result.steps[0]!.candidateRequests).toBeGreaterThan(10);
      expect(c.calls()).toEqual([
        `deploy stage=production image=churn:1.3.0 weight=0 candidate=${candidate.url}`,
        `set_weight stage=production image=churn:1.3.0 weight=50 candidate=${candidate.url}`,
        `set_weight stage=production image=churn:1.3.0 weight=100 candidate=${candidate.url}`,
        `promote stage=production image=churn:1.3.0 weight=100 candidate=${candidate.url}`,
      ]);
      expect(await c.progress.read('production')).toMatchObject({ status: 'promoted', weight: 100, image: 'churn:1.3.0' });
      expect((await c.progress.history()).map((e) => e.outcome)).toEqual(['started', 'promoted']);
    } finally {
      await Promise.all(load.map((l) => l.stop()));
    }
  }, 60_000);

  it('without traffic a step is inconclusive: it pauses with traffic back on stable, and the re-run resumes at that step', async () => {
    const c = setup();
    const paused = await c.run();
    expect(paused.outcome).toBe('paused');
    expect(paused.verdict).toBe('inconclusive');
    expect(c.calls().map((l) => l.split(' stage')[0] + l.match(/ weight=\d+/)![0])).toEqual(['deploy weight=0', 'set_weight weight=50', 'set_weight weight=0']);
    expect(await c.progress.read('production')).toMatchObject({ status: 'paused', stepIndex: 0, weight: 0 });

    const load = traffic();
    try {
      const resumed = await c.run();
      expect(resumed.outcome, c.lines.join('\n')).toBe('promoted');
      expect(resumed.timeline[0]).toMatchObject({ event: 'recover' });
      expect(resumed.timeline[0]!.detail).toMatch(/found a paused rollout of churn:1\.3\.0.*resuming at step 1 of 2/);
    } finally {
      await Promise.all(load.map((l) => l.stop()));
    }
  }, 60_000);

  it('on_inconclusive: fail rolls back instead', async () => {
    const c = setup({ onInconclusive: 'fail' });
    const result = await c.run();
    expect(result.outcome).toBe('rolled-back');
    expect(result.verdict).toBe('inconclusive');
    expect(c.calls().at(-1)).toMatch(/^rollback /);
  }, 30_000);

  it('an error mid-rollout rolls back, and says so', async () => {
    const c = setup({ failOn: 'set_weight:50' });
    const result = await c.run();
    expect(result.outcome).toBe('rolled-back');
    expect(result.verdict).toBe('error');
    expect(result.reason).toMatch(/provider command set_weight exited with 3/);
    expect(c.calls().at(-1)).toMatch(/^rollback /);
    expect(c.lines.join('\n')).toContain('[set_weight] cannot reach the balancer');
    expect(await c.progress.read('production')).toMatchObject({ status: 'rolled-back', weight: 0 });
  }, 30_000);

  it('a cancel mid-step rolls back', async () => {
    const c = setup();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled (SIGINT)')), 1500);
    const result = await c.run({ signal: controller.signal });
    expect(result.outcome).toBe('rolled-back');
    expect(result.reason).toBe('the run was cancelled');
    expect(c.calls().at(-1)).toMatch(/^rollback /);
  }, 30_000);

  it('a status script that does not print a weight stops everything before any change', async () => {
    const c = setup({ status: 'echo "balancer says: ok"' });
    await expect(c.run()).rejects.toThrow(ConfigurationError);
    await expect(c.run()).rejects.toThrow(/status printed "balancer says: ok", not a weight/);
    expect(c.calls()).toEqual([]);
    expect(existsSync(path.join(c.dir, 'state', 'production.json'))).toBe(false);
  }, 30_000);

  it('a status script that shows a split left by a killed run: the split is rolled back first', async () => {
    const c = setup({ status: 'echo 25' });
    writeFileSync(path.join(c.dir, 'unused'), '');
    const load = traffic();
    try {
      const result = await c.run();
      expect(result.timeline[0]).toMatchObject({ event: 'recover', weight: 0 });
      expect(c.calls()[0]).toMatch(/^rollback /);
      expect(result.outcome).toBe('promoted');
    } finally {
      await Promise.all(load.map((l) => l.stop()));
    }
  }, 60_000);

  it('reads metrics from a Prometheus federation URL: the series of every replica are added up', async () => {
    const load = traffic();
    await new Promise((r) => setTimeout(r, 1000));
    await Promise.all(load.map((l) => l.stop()));
    // Two replicas' expositions as Prometheus' /federate gives them: each series with its instance label.
    const texts = await Promise.all([stable, candidate].map(async (s) => (await fetch(`${s.url}/metrics`)).text()));
    const labelled = texts.map((t, i) =>
      t
        .split('\n')
        .filter((l) => l.startsWith('mlops_'))
        .map((l) => (l.includes('{') ? l.replace('{', `{instance="replica-${i}",`) : l.replace(' ', `{instance="replica-${i}"} `)))
        .join('\n'),
    );
    const server = http.createServer((_req, res) => res.end(`${labelled.join('\n')}\n`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const federated = await scrapeServing(`http://127.0.0.1:${port}/federate?match[]={job="churn"}`, 5000);
      const [a, b] = texts.map((t) => servingSnapshotFromText(t));
      expect(federated.requests).toBe(a!.requests + b!.requests);
      expect(federated.requests).toBeGreaterThan(20);
      expect(federated.predictionRows).toBe(a!.predictionRows + b!.predictionRows);
      expect(federated.duration.count).toBe(a!.duration.count + b!.duration.count);
      expect(federated.duration.counts).toEqual(a!.duration.counts.map((c, i) => c + b!.duration.counts[i]!));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 30_000);
});
