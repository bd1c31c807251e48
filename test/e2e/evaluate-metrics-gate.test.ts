import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../src/platform/report.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { startResultsService, type ResultsService } from '../harness/results-service.js';
import { runJob, runStep, type JobSpec, type StepResult } from '../harness/runner.js';
import { makeTempDir } from '../support/tmp.js';
import { makeRandom as random } from '../unit/stats-reference.js';

/**
 * End-to-end: the committed bundle actions/evaluate-metrics-gate/dist/index.js run by the runner
 * emulator, with the results-service emulator (the Actions cache, for branch baselines) and the
 * GitHub API emulator (sticky comment, the gates file on the base branch).
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const action = path.join(repoRoot, 'actions/evaluate-metrics-gate');

let results: ResultsService;
let api: GitHubApi;
const tmp = makeTempDir('mlops-e2e-gate-');

beforeAll(async () => {
  [results, api] = await Promise.all([startResultsService(), startGitHubApi({ owner: 'acme', repo: 'churn-model' })]);
});
afterAll(async () => {
  await Promise.all([results?.stop(), api?.stop()]);
  tmp.remove();
});

/**
 * Predictions of two models on one eval set: labels from a latent score; each model sees the
 * latent score plus its own noise (more noise: a worse model). Scores are rounded, so there are ties.
 */
function evalSet(n: number, noise: { candidate: number; baseline: number }, seed = 7): { candidate: string; baseline: string } {
  const r = random(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  const countries = ['DE', 'FR', 'US'];
  const rows = { candidate: ['y_true,y_score,country'], baseline: ['y_true,y_score,country'] };
  for (let i = 0; i < n; i++) {
    const latent = gauss();
    const y = r() < 1 / (1 + Math.exp(-2 * latent)) ? 1 : 0;
    const country = countries[i % 3]!;
    for (const model of ['candidate', 'baseline'] as const) {
      const s = 1 / (1 + Math.exp(-(latent + noise[model] * gauss())));
      rows[model].push(`${y},${s.toFixed(3)},${country}`);
    }
  }
  return { candidate: `${rows.candidate.join('\n')}\n`, baseline: `${rows.baseline.join('\n')}\n` };
}

const GATES = `version: 1
confidence: 0.95
metrics:
  roc_auc: {min: 0.6, max_drop: 0.01}
  log_loss: {max_rise_relative: 0.05}
  accuracy: {min: 0.5}
slices:
  columns: [country]
  min_size: 100
  worst_slice: {roc_auc: {min: 0.55}}
`;

let count = 0;
function workspace(files: Record<string, string>): string {
  const root = path.join(tmp.root, `ws-${++count}`);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

function jobEnv(job = 'gate'): Record<string, string> {
  return { ...results.env, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${api.owner}/${api.repo}`, GITHUB_JOB: job };
}

function pullRequestEvent(number: number): JobSpec['event'] {
  const pr = api.state.pulls.find((p) => p.number === number) ?? api.seedPull({ number, head: { ref: 'new-model' } });
  return { name: 'pull_request', payload: { action: 'synchronize', number, pull_request: pr, repository: pr.base.repo } };
}

function readReport(ws: string): Report {
  return reportSchema.parse(JSON.parse(readFileSync(path.join(ws, 'mlops-reports/evaluate-metrics-gate.json'), 'utf8')));
}

function expectNoStackTrace(step: StepResult): void {
  expect(step.log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(step.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('evaluate-metrics-gate bundle through the runner', () => {
  it('passes a better candidate on a pull request: paired intervals, outputs, sticky comment with the gates-file diff', async () => {
    const data = evalSet(6000, { candidate: 0.5, baseline: 1.0 });
    api.seedFile('eval/gates.yaml', GATES.replace('min: 0.6', 'min: 0.7'), 'main');
    const ws = workspace({ 'eval/candidate.csv': data.candidate, 'eval/baseline.csv': data.baseline, 'eval/gates.yaml': GATES });
    const event = pullRequestEvent(51);
    const step = await runStep(
      { action, id: 'g', with: { predictions: 'eval/candidate.csv', baseline: 'eval/baseline.csv', gates: 'eval/gates.yaml', resamples: '300' } },
      { workspace: ws, env: jobEnv(), githubToken: api.token, event },
    );
    expect(step.exitCode, step.log).toBe(0);
    expect(step.outputs.verdict).toBe('pass');
    expect(JSON.parse(step.outputs['failed-gates']!)).toEqual([]);
    const comparison = JSON.parse(step.outputs.comparison!) as Record<string, { candidate: number; baseline: number; delta: number; deltaInterval: [number, number]; verdict: string }>;
    expect(Object.keys(comparison).sort()).toEqual(['accuracy', 'log_loss', 'roc_auc']);
    expect(comparison.roc_auc!.delta).toBeCloseTo(comparison.roc_auc!.candidate - comparison.roc_auc!.baseline, 12);
    expect(comparison.roc_auc!.deltaInterval[0]).toBeGreaterThan(0);
    const report = readReport(ws);
    expect(report.details.baseline).toEqual({ name: 'eval/baseline.csv', kind: 'predictions', paired: true });
    expect(report.details.mcnemar).toBeDefined();
    expect(step.summary).toContain('Candidate vs baseline');
    expect(step.summary).toContain('xychart-beta');
    const comments = api.state.comments.filter((c) => c.issue_url.endsWith('/issues/51'));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('The gates file changed in this pull request');
    expect(comments[0]!.body).toContain('roc_auc: {min: 0.7, max_drop: 0.01}');
    expect(comments[0]!.body).toContain('Slices');
  });

  it('fails a worse candidate, with an error annotation at the gate’s line', async () => {
    const data = evalSet(6000, { candidate: 1.5, baseline: 0.5 });
    const ws = workspace({ 'c.csv': data.candidate, 'b.csv': data.baseline, 'gates.yaml': GATES });
    const step = await runStep({ action, id: 'g', with: { predictions: 'c.csv', baseline: 'b.csv', gates: 'gates.yaml', resamples: '200', comment: 'false' } }, { workspace: ws, env: jobEnv(), githubToken: api.token });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(JSON.parse(step.outputs['failed-gates']!)).toContain('roc_auc max_drop 0.01');
    const annotation = step.annotations.find((a) => a.level === 'error' && a.message.includes('roc_auc max_drop'));
    expect(annotation, JSON.stringify(step.annotations)).toMatchObject({ file: 'gates.yaml', line: 4 });
  });

  it('is inconclusive on a small eval set, says how many examples would settle it, and fails the step only with fail-on: inconclusive', async () => {
    const data = evalSet(400, { candidate: 0.95, baseline: 1.0 }, 11);
    const gates = 'version: 1\nmetrics:\n  roc_auc: {max_drop: 0.005}\n';
    const ws = workspace({ 'c.csv': data.candidate, 'b.csv': data.baseline, 'gates.yaml': gates });
    const run = (failOn: string) =>
      runStep({ action, id: 'g', with: { predictions: 'c.csv', baseline: 'b.csv', gates: 'gates.yaml', resamples: '300', comment: 'false', 'fail-on': failOn } }, { workspace: ws, env: jobEnv(), githubToken: api.token });
    const lenient = await run('fail');
    expect(lenient.outputs.verdict, lenient.log).toBe('inconclusive');
    expect(lenient.exitCode).toBe(0);
    const gate = (readReport(ws).details.gates as Array<{ status: string; examplesToSettle?: number; reason: string }>)[0]!;
    expect(gate.status).toBe('inconclusive');
    expect(gate.examplesToSettle).toBeGreaterThan(400);
    expect(gate.reason).toMatch(/about [\d,]+ examples would/);
    const strict = await run('inconclusive');
    expect(strict.exitCode).toBe(1);
  });

  it('saves the evaluation on main and pairs a pull request with it through the cache', async () => {
    const data = evalSet(3000, { candidate: 0.7, baseline: 0.8 }, 5);
    const gates = 'version: 1\nmetrics:\n  roc_auc: {max_drop: 0.02}\n  brier: {max_rise: 0.02}\n';
    const mainWs = workspace({ 'preds.csv': data.baseline, 'gates.yaml': gates });
    const saved = await runStep(
      { action, id: 'g', with: { predictions: 'preds.csv', gates: 'gates.yaml', resamples: '200', 'save-history': 'true' } },
      { workspace: mainWs, env: jobEnv('model'), githubToken: api.token },
    );
    expect(saved.exitCode, saved.log).toBe(0);
    expect(readReport(mainWs).headline).toContain('(no baseline)');
    expect(results.caches().some((c) => c.key.startsWith('mlops-actions-history-evaluate-metrics-gate-model-main-'))).toBe(true);

    const prWs = workspace({ 'preds.csv': data.candidate, 'gates.yaml': gates });
    const job = await runJob({
      steps: [{ action, id: 'g', with: { predictions: 'preds.csv', gates: 'gates.yaml', resamples: '200', baseline: 'main', comment: 'false' } }],
      workspace: prWs,
      env: jobEnv('model'),
      githubToken: api.token,
      event: pullRequestEvent(52),
    });
    const step = job.step('g');
    expect(step.exitCode, step.log).toBe(0);
    const report = readReport(prWs);
    expect(report.details.baseline).toEqual({ name: 'main (newest saved run)', kind: 'stored', paired: true });
    const roc = (report.details.comparison as Array<{ metric: string; delta: { paired: boolean; low: number; high: number } }>).find((c) => c.metric === 'roc_auc')!;
    expect(roc.delta.paired).toBe(true);
    expect(roc.delta.low).toBeLessThan(roc.delta.high);
  });

  it('refuses bad input with the file and line, and no stack trace', async () => {
    const data = evalSet(500, { candidate: 0.5, baseline: 0.5 });
    const nan = data.candidate.split('\n');
    nan[5] = nan[5]!.replace(/,[\d.]+,/, ',NaN,');
    const other = evalSet(500, { candidate: 0.5, baseline: 0.5 }, 99);
    const ws = workspace({
      'nan.csv': nan.join('\n'),
      'c.csv': data.candidate,
      'other.csv': other.baseline,
      'gates.yaml': GATES,
      'typo.yaml': 'version: 1\nmetrics:\n  roc_auc: {min: 0.5}\n  rocauc: {min: 0.5}\n',
    });
    const run = (extra: Record<string, string>) => runStep({ action, id: 'g', with: { gates: 'gates.yaml', comment: 'false', resamples: '50', ...extra } }, { workspace: ws, env: jobEnv(), githubToken: api.token });

    const badScore = await run({ predictions: 'nan.csv' });
    expect(badScore.exitCode).toBe(1);
    expect(badScore.outputs.verdict).toBe('error');
    expect(badScore.annotations[0]).toMatchObject({ level: 'error', file: 'nan.csv', line: 6 });
    expect(badScore.annotations[0]!.message).toContain('y_score: "NaN" is not a finite number');
    expectNoStackTrace(badScore);

    const unknownMetric = await run({ predictions: 'c.csv', gates: 'typo.yaml' });
    expect(unknownMetric.annotations[0]).toMatchObject({ level: 'error', file: 'typo.yaml', line: 4 });
    expect(unknownMetric.annotations[0]!.message).toContain('"rocauc"');

    const differentData = await run({ predictions: 'c.csv', baseline: 'other.csv' });
    expect(differentData.exitCode).toBe(1);
    expect(differentData.annotations[0]!.message).toContain('evaluated on different data');
    const allowed = await run({ predictions: 'c.csv', baseline: 'other.csv', 'allow-different-data': 'true', 'fail-on': 'never' });
    expect(allowed.exitCode, allowed.log).toBe(0);
    expect(allowed.annotations.some((a) => a.level === 'warning' && a.message.includes('compared without pairing'))).toBe(true);

    const neither = await run({});
    expect(neither.annotations[0]!.message).toContain('input predictions or metrics is required');
    for (const s of [unknownMetric, differentData, neither]) expectNoStackTrace(s);
  });
});
