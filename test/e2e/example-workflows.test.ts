import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { startResultsService, type ResultsService } from '../harness/results-service.js';
import type { EventName, StandIn } from '../harness/runner.js';
import { fileStandIns, runWorkflow, type WorkflowJobResult } from '../harness/workflow.js';
// @ts-expect-error: a plain JavaScript module of the repository's scripts.
import { dockerdAvailable, ensureBaseImage, pushBaseImage, removeTestImages, startDockerd } from '../../scripts/container-test-env.mjs';
import { haproxyBinary, startHaproxy, type RunningHaproxy } from '../support/haproxy.js';
import { PYTHON, pythonWithScikitLearn } from '../support/model-server.js';
import { portOutsideEphemeralRange, startRegistry } from '../support/registry.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * The files of workflows-examples/, whole, through the workflow emulator (test/harness/workflow.ts):
 * every job in `needs` order on a fresh clone of a repository holding the example project, every
 * step as written: our actions from the committed bundles, `run:` steps in bash, and the steps of
 * other publishers stood in for (checkout: the clone; setup-python: Debian's Python with
 * scikit-learn as `python`, and `pip` answering that the packages are there; artifacts and caches:
 * folders of this test). `gh` is a script that records its arguments; `git push` goes to a bare
 * repository beside the clones. The artifact protocol (validate-data's shard profiles) and the
 * API are the emulators'.
 *
 * delivery.yml and containerize.yml also need a Docker daemon, a registry with the Python base
 * image and, for delivery, a deploy host: a daemon on a socket of its own, a Distribution registry
 * and HAProxy on loopback stand for them. The one change to those files' text: ghcr.io is the
 * loopback registry. The example's rollout plan is pointed at this HAProxy's runtime API and free
 * ports, as a user points it at their deploy host.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const OURS = /^mlops-actions\/mlops-actions\/actions\/([a-z-]+)@v1$/;
const haveScikitLearn = pythonWithScikitLearn();

let results: ResultsService;
let api: GitHubApi;
const tmp = makeTempDir('mlops-e2e-workflows-');
const bin = path.join(tmp.root, 'bin');
const ghLog = path.join(tmp.root, 'gh.log');
let runCount = 0;

beforeAll(async () => {
  [results, api] = await Promise.all([startResultsService(), startGitHubApi({ owner: 'acme', repo: 'churn-model' })]);
  mkdirSync(bin, { recursive: true });
  const script = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  // As actions/setup-python leaves them on PATH: here Debian's Python, with its scikit-learn.
  script('python', `exec ${PYTHON} "$@"`);
  script('pip', 'echo "pip: stood in (numpy, pandas and scikit-learn come from Debian here): $*"');
  script('gh', `printf '%s\\n' "$*" >> ${ghLog}`);
});
afterAll(async () => {
  await Promise.all([results?.stop(), api?.stop()]);
  tmp.remove();
});

/**
 * A repository holding workflows-examples/ (plus `extra` files), committed, with a bare `origin`;
 * returns a function giving each job a fresh clone.
 */
function repository(name: string, extra: (dir: string) => void = () => {}): (job: string) => string {
  const source = path.join(tmp.root, name, 'source');
  mkdirSync(source, { recursive: true });
  cpSync(path.join(repoRoot, 'workflows-examples'), path.join(source, 'workflows-examples'), { recursive: true });
  extra(source);
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'pipe' });
  git(source, 'init', '-q', '-b', 'main');
  git(source, 'add', '.');
  git(source, 'commit', '-q', '-m', 'example');
  const origin = path.join(tmp.root, name, 'origin.git');
  git(tmp.root, 'clone', '-q', '--bare', source, origin);
  let clones = 0;
  return (job) => {
    const ws = path.join(tmp.root, name, `${++clones}-${job}`);
    git(tmp.root, 'clone', '-q', origin, ws);
    return ws;
  };
}

async function run(
  file: string,
  workspace: (job: string) => string,
  event: { name: EventName; payload?: object } = { name: 'push' },
  extra: { env?: Record<string, string>; rewrite?: (text: string) => string } = {},
): Promise<Record<string, WorkflowJobResult>> {
  const runId = String(4000 + ++runCount);

  const standIns: Record<string, StandIn> = {
    ...fileStandIns({ artifacts: path.join(tmp.root, 'artifacts', runId), caches: path.join(tmp.root, 'caches') }, results),
    'actions/checkout': (_inputs, io) => io.log('checkout: stood in (the workspace is a fresh clone)'),
    'actions/setup-python': (_inputs, io) => io.log('setup-python: stood in (python and pip are on PATH)'),
  };
  return runWorkflow({
    file: path.join(repoRoot, 'workflows-examples', file),
    workspace: (job, matrix) => workspace(Object.keys(matrix).length ? `${job}-${Object.values(matrix).join('-')}` : job),
    event,
    env: {
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
      GITHUB_RUN_ID: runId,
      PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      ...extra.env,
    },
    // Each workflow run is a run of its own for the artifact service; each job has its own token.
    jobEnv: (job) => results.envForRun(`run-${runId}`, job),
    rewrite: extra.rewrite,
    githubToken: api.token,
    timeoutMs: 300_000,
    resolveAction: (uses) => {
      const ours = OURS.exec(uses);
      return ours ? path.join(repoRoot, 'actions', ours[1]!) : undefined;
    },
    standIns,
  });
}

/** Every job's result, and the log of every step that failed, for an assertion message. */
function describeRun(jobs: Record<string, WorkflowJobResult>): string {
  const lines: string[] = [];
  for (const [name, job] of Object.entries(jobs)) {
    lines.push(`${name}: ${job.result}`);
    for (const { job: r } of job.runs) for (const s of r.steps) if (s.outcome === 'failure') lines.push(`  ${s.id} (${s.phase}):\n${s.log.slice(-3000)}`);
  }
  return lines.join('\n');
}

const outputs = (job: WorkflowJobResult, step: string) => job.runs[0]!.job.step(step).outputs;

describe.skipIf(!haveScikitLearn)('the example workflows, whole', () => {
  it('pr-checks.yml on a push to main: data, smoke training, evaluation and the gate pass; the inconclusive review job is skipped', async () => {
    const jobs = await run('pr-checks.yml', repository('pr-checks'));
    expect(Object.fromEntries(Object.entries(jobs).map(([k, v]) => [k, v.result])), describeRun(jobs)).toEqual({
      'validate-data': 'success',
      train: 'success',
      gate: 'success',
      'review-inconclusive': 'skipped',
    });
    expect(jobs.gate!.outputs.verdict).toBe('pass');
  }, 600_000);

  it('scheduled-retraining.yml: new data → retrain on three seeds, gate against production, package, push a branch and open a pull request; the same data again → no retraining', async () => {
    const checkout = repository('retraining');
    const first = await run('scheduled-retraining.yml', checkout, { name: 'schedule', payload: { schedule: '17 3 * * *' } });
    const branch = `retrain/${4000 + runCount}`; // the run id the job saw
    expect(Object.fromEntries(Object.entries(first).map(([k, v]) => [k, v.result])), describeRun(first)).toEqual({ 'check-data': 'success', retrain: 'success', propose: 'success' });
    expect(first['check-data']!.outputs).toEqual({ retrain: 'true', reason: 'new data' });
    expect(outputs(first['check-data']!, 'validate')['drifted-columns']).toBe('[]');
    expect(outputs(first.retrain!, 'train').verdict).toBe('pass');
    // 240 held-out rows cannot tell the two models' AUC apart within 0.03: the gate says so and
    // the pull request carries that to its reviewer (a worse model would have stopped the job).
    expect(outputs(first.retrain!, 'gate').verdict).toBe('inconclusive');
    expect(first.retrain!.outputs.verdict).toBe('inconclusive');
    expect(outputs(first.retrain!, 'package').digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The branch with the reports reached origin, and the pull request was asked for.
    const origin = path.join(tmp.root, 'retraining', 'origin.git');
    const files = execFileSync('git', ['ls-tree', '-r', '--name-only', branch], { cwd: origin, encoding: 'utf8' }).split('\n');
    expect(files).toEqual(expect.arrayContaining(['models/proposed/train-check.json', 'models/proposed/evaluate-metrics-gate.json', 'models/proposed/package-model.json']));
    expect(readFileSync(ghLog, 'utf8')).toContain(`pr create --head ${branch} --title Retrained model (new data; gate: inconclusive)`);

    // The same data the next night: the cache says a model has seen it; nothing is retrained.
    const second = await run('scheduled-retraining.yml', checkout, { name: 'schedule', payload: { schedule: '17 3 * * *' } });
    expect(Object.fromEntries(Object.entries(second).map(([k, v]) => [k, v.result])), describeRun(second)).toEqual({ 'check-data': 'success', retrain: 'skipped', propose: 'skipped' });
    expect(second['check-data']!.outputs).toEqual({ retrain: 'false', reason: 'no drift and no new data' });
  }, 900_000);

  it('sharded-validation.yml: four Parquet shards profiled in a matrix, their profiles merged through the artifact service and judged against the training profile', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const example = path.join(repoRoot, 'workflows-examples/example-project/data');
    const checkout = repository('sharded', (dir) => {
      mkdirSync(path.join(dir, 'data'), { recursive: true });
      cpSync(path.join(example, 'schema.yaml'), path.join(dir, 'data/events.schema.yaml'));
      cpSync(path.join(example, 'reference.profile.json'), path.join(dir, 'data/training.profile.json'));
    });
    // The shards, written into the repository before the jobs clone it.
    const source = path.join(tmp.root, 'sharded', 'source');
    const instance = await DuckDBInstance.create();
    const duck = await instance.connect();
    for (let part = 0; part < 4; part++) {
      mkdirSync(path.join(source, `data/events/part-${part}`), { recursive: true });
      await duck.run(
        `COPY (SELECT * FROM read_csv('${path.join(example, 'fresh/2026-11.csv')}', types={'signup_date': 'VARCHAR'}) WHERE CAST(substr(customer_id, 2) AS INTEGER) % 4 = ${part}) ` +
          `TO '${path.join(source, `data/events/part-${part}/rows.parquet`)}' (FORMAT parquet)`,
      );
    }
    duck.closeSync();
    execFileSync('sh', ['-c', 'git add data && git -c user.name=t -c user.email=t@example.com commit -q -m shards && git push -q "$(dirname "$PWD")/origin.git" main'], { cwd: source });

    const jobs = await run('sharded-validation.yml', checkout, { name: 'workflow_dispatch', payload: { inputs: {} } });
    expect(Object.fromEntries(Object.entries(jobs).map(([k, v]) => [k, v.result])), describeRun(jobs)).toEqual({ profile: 'success', merge: 'success' });
    expect(jobs.profile!.runs.map((r) => r.matrix.shard)).toEqual(['part-0', 'part-1', 'part-2', 'part-3']);
    const merged = outputs(jobs.merge!, 'merge');
    expect(merged.verdict).toBe('pass');
    expect(merged['drifted-columns']).toBe('[]');
    const report = JSON.parse(readFileSync(path.join(jobs.merge!.runs[0]!.job.workspace, merged['report-path']!), 'utf8')) as { headline: string };
    expect(report.headline).toContain('1,000');
  }, 600_000);

  it.each([
    ['validate-data.yml', ['validate-data'], 'validate'],
    ['train-check.yml', ['train'], 'train'],
    ['evaluate-metrics-gate.yml', ['gate'], 'gate'],
    ['package-model.yml', ['package'], 'package'],
  ])('%s on a push to main runs green', async (file, jobNames, step) => {
    const jobs = await run(file, repository(file.replace('.yml', '')));
    for (const name of jobNames) expect(jobs[name]?.result, describeRun(jobs)).toBe('success');
    const out = outputs(jobs[jobNames[0]!]!, step);
    if (out.verdict !== undefined) expect(out.verdict).toBe('pass');
    for (const [name, job] of Object.entries(jobs)) if (!jobNames.includes(name)) expect(job.result, name).toBe('skipped');
  }, 600_000);

  it('every example workflow is run by a test here', () => {
    const covered = ['pr-checks.yml', 'scheduled-retraining.yml', 'sharded-validation.yml', 'validate-data.yml', 'train-check.yml', 'evaluate-metrics-gate.yml', 'package-model.yml'];
    const withDocker = ['delivery.yml', 'containerize.yml'];
    const files = readdirSync(path.join(repoRoot, 'workflows-examples')).filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual([...covered, ...withDocker].sort());
    expect(existsSync(path.join(repoRoot, 'workflows-examples/example-project/data/reference.profile.json'))).toBe(true);
  });
});

interface Daemon {
  env: Record<string, string>;
  stop(): Promise<void>;
}

describe.skipIf(!haveScikitLearn || !dockerdAvailable() || !existsSync(haproxyBinary()))('the example workflows that build and deploy images, whole', () => {
  let daemon: Daemon | undefined;
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  let haproxy: RunningHaproxy;
  let dockerEnv: Record<string, string>;
  const ghcr = (text: string) => text.replaceAll('ghcr.io', registry.host);

  beforeAll(async () => {
    daemon = (await startDockerd()) as Daemon;
    ensureBaseImage(daemon.env);
    registry = await startRegistry();
    // The base image the workflows name, ghcr.io/<owner>/python-sklearn:3.12, in the loopback registry.
    const base = `${registry.host}/${api.owner}/python-sklearn:3.12`;
    pushBaseImage(daemon.env, base);
    haproxy = await startHaproxy({ backends: { churn: { servers: { stable: null, candidate: null } }, 'churn-staging': { servers: { stable: null, candidate: null } } }, unixSocket: true });
    dockerEnv = { DOCKER_HOST: daemon.env.DOCKER_HOST! };
  }, 900_000);

  afterAll(async () => {
    await haproxy?.stop();
    await registry?.stop();
    // The daemon's image store is a cache kept between runs: leave only the base image in it.
    if (daemon) removeTestImages(daemon.env);
    await daemon?.stop();
  });

  it('delivery.yml on a push to main: train, package, build and push the image, deploy it to staging, then to production; both serve predictions through HAProxy', async () => {
    // Bound only when each stage deploys: outside the range other tests' servers on port 0 draw from.
    const ports: number[] = [];
    for (let i = 0; i < 4; i++) ports.push(await portOutsideEphemeralRange(ports));
    const checkout = repository('delivery', (dir) => {
      // The deploy host of this test: its HAProxy's runtime API, free ports, its frontend.
      const plan = path.join(dir, 'workflows-examples/example-project/deploy/rollout.yml');
      const text = readFileSync(plan, 'utf8')
        .replaceAll('/run/haproxy/admin.sock', haproxy.runtimeApiSocket!)
        .replace('[18080, 18081]', `[${ports[0]}, ${ports[1]}]`)
        .replace('[18090, 18091]', `[${ports[2]}, ${ports[3]}]`)
        .replaceAll(/https:\/\/churn(-staging)?\.internal\.example/g, haproxy.frontendUrl);
      writeFileSync(plan, text);
    });
    const jobs = await run('delivery.yml', checkout, { name: 'push' }, { env: dockerEnv, rewrite: ghcr });
    expect(Object.fromEntries(Object.entries(jobs).map(([k, v]) => [k, v.result])), describeRun(jobs)).toEqual({ build: 'success', staging: 'success', production: 'success' });
    const image = jobs.build!.outputs.image!;
    expect(image).toMatch(new RegExp(`^${registry.host.replaceAll('.', '\\.')}/acme/churn-model-server@sha256:[0-9a-f]{64}$`));
    for (const stage of ['staging', 'production']) {
      const deploy = outputs(jobs[stage]!, 'deploy');
      // The very first rollout has no stable version to share traffic with: promoted directly.
      expect({ stage, outcome: deploy.outcome, weight: deploy['final-weight'] }).toEqual({ stage, outcome: 'promoted', weight: '100' });
    }
    expect(jobs.production!.runs[0]!.job.step('step-4').log).toContain('production outcome promoted, candidate at 100 %');
    // Both environments answer through the frontend, each from its own backend, with the image built above.
    const example = readFileSync(path.join(repoRoot, 'workflows-examples/example-project/data/input_example.json'), 'utf8');
    for (const backend of ['churn', 'churn-staging']) {
      const response = await fetch(`${haproxy.frontendUrl}/predict`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-backend': backend }, body: example });
      expect(response.status, `${backend}: ${await response.clone().text()}`).toBe(200);
    }
    for (const container of ['churn-stable', 'churn-staging-stable']) {
      expect(execFileSync('docker', ['inspect', '--format', '{{.Config.Image}}', container], { env: daemon!.env, encoding: 'utf8' }).trim(), container).toBe(image);
    }
  }, 900_000);

  it('containerize.yml on a version tag: train, package, build, smoke-test and push the image; its tags {{version}}, {{major}}.{{minor}} and latest all name the digest (read back with skopeo)', async () => {
    const jobs = await run('containerize.yml', repository('containerize'), { name: 'push', payload: { ref: 'refs/tags/v1.4.0' } }, { env: dockerEnv, rewrite: ghcr });
    expect(jobs.image?.result, describeRun(jobs)).toBe('success');
    const out = outputs(jobs.image!, 'image');
    expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const tags = JSON.parse(execFileSync('skopeo', ['list-tags', '--tls-verify=false', `docker://${registry.host}/acme/churn-model-server`], { encoding: 'utf8' })) as { Tags: string[] };
    // delivery.yml pushed to the same repository before: its tags may be there too.
    expect(tags.Tags).toEqual(expect.arrayContaining(['1.4', '1.4.0', 'latest']));
    for (const tag of ['1.4', '1.4.0', 'latest']) {
      const digest = execFileSync('skopeo', ['inspect', '--tls-verify=false', '--format', '{{.Digest}}', `docker://${registry.host}/acme/churn-model-server:${tag}`], { encoding: 'utf8' }).trim();
      expect(digest, tag).toBe(out.digest);
    }
  }, 900_000);
});
