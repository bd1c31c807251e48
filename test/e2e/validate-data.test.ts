import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../src/platform/report.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { startResultsService, type ResultsService } from '../harness/results-service.js';
import { runJob, runStep, type JobSpec, type StepResult } from '../harness/runner.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * End-to-end: the committed bundle actions/validate-data/dist/index.js, run by the runner emulator,
 * against the results-service emulator (real @actions/artifact and @actions/cache clients, blobs in
 * Azurite) and the GitHub API emulator (checked against GitHub's OpenAPI description).
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const action = path.join(repoRoot, 'actions/validate-data');
const exampleData = path.join(repoRoot, 'workflows-examples/example-project/data');
const clientScript = path.join(repoRoot, 'test/harness/fixtures/results-service/client.mjs');

let results: ResultsService;
let api: GitHubApi;
const tmp = makeTempDir('mlops-e2e-');

beforeAll(async () => {
  [results, api] = await Promise.all([startResultsService(), startGitHubApi({ owner: 'acme', repo: 'churn-model' })]);
});
afterAll(async () => {
  await Promise.all([results?.stop(), api?.stop()]);
  tmp.remove();
});

let workspaceCount = 0;
/** A fresh workspace holding the example data and schema, plus any extra files. */
function workspace(extra: Record<string, string | Buffer> = {}): string {
  const root = path.join(tmp.root, `ws-${++workspaceCount}`);
  mkdirSync(path.join(root, 'data'), { recursive: true });
  copyFileSync(path.join(exampleData, 'train.csv'), path.join(root, 'data/train.csv'));
  copyFileSync(path.join(exampleData, 'schema.yaml'), path.join(root, 'data/schema.yaml'));
  for (const [rel, content] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}


function jobEnv(): Record<string, string> {
  return { ...results.env, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${api.owner}/${api.repo}` };
}

function pullRequestEvent(number: number, fromFork = false): JobSpec['event'] {
  const pr = api.state.pulls.find((p) => p.number === number) ?? api.seedPull({ number, head: fromFork ? { owner: 'outsider', ref: 'patch-1' } : { ref: 'feature/more-data' } });
  return { name: 'pull_request', payload: { action: 'synchronize', number, pull_request: pr, repository: pr.base.repo } };
}

function readReport(ws: string, rel = 'mlops-reports/validate-data.json'): Report {
  return reportSchema.parse(JSON.parse(readFileSync(path.join(ws, rel), 'utf8')));
}

function expectNoStackTrace(step: StepResult): void {
  expect(step.log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(step.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('validate-data bundle through the runner', () => {
  it('passes the example dataset: outputs, summary and a JSON report that its schema accepts', async () => {
    const ws = workspace();
    const step = await runStep({ action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml' } }, { workspace: ws, env: jobEnv(), githubToken: api.token });
    expect(step.exitCode, step.log).toBe(0);
    expect(step.errors).toEqual([]);
    expect(step.outputs).toMatchObject({ verdict: 'pass', 'failed-checks': '0', 'report-path': 'mlops-reports/validate-data.json' });
    expect(step.summary).toContain('## ✅ Data validation: pass');
    expect(step.summary).toContain('1,200 rows in 1 file');
    const report = readReport(ws);
    expect(report.verdict).toBe('pass');
    expect(report.details.rows).toBe(1200);
    expect(step.annotations).toEqual([]);
    // A push run posts no comment and uploads nothing.
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('fails on bad rows with annotations at the file and line, capped at ten, the rest rolled up', async () => {
    const lines = readFileSync(path.join(exampleData, 'train.csv'), 'utf8').trimEnd().split('\n');
    // Rows 2..16 get an impossible age (line numbers 3..17), one row gets a quoted multi-line email.
    for (let i = 2; i <= 16; i++) lines[i] = lines[i]!.replace(/^(C\d{5}),\d+,/, '$1,150,');
    lines[20] = lines[20]!.replace(/,user(\d+)@example\.(\w+),/, ',"user$1\n@example.$2",');
    const ws = workspace({ 'data/train.csv': `${lines.join('\n')}\n` });
    const step = await runStep({ action, id: 'v', with: { data: 'data/*.csv', schema: 'data/schema.yaml' } }, { workspace: ws, env: jobEnv(), githubToken: api.token });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(step.outputs['failed-checks']).toBe('2');
    const errors = step.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[0]).toMatchObject({ file: 'data/train.csv', line: 3 });
    expect(errors[0]!.message).toMatch(/age: 150 is above the maximum 120/);
    expect(step.droppedAnnotations.error).toBe(0);
    const rollUp = step.annotations.find((a) => a.level === 'notice');
    expect(rollUp?.message).toMatch(/^6 errors more not annotated/);
    const report = readReport(ws);
    const emailFinding = report.findings.find((f) => f.subject === 'email');
    expect(emailFinding?.line).toBe(21);
    expect(step.summary).toContain('### Failed checks');
    expectNoStackTrace(step);
  });

  it('turns each bad input into a configuration error at the file and line, never a stack trace', async () => {
    const cases: Array<{ name: string; files: Record<string, string | Buffer>; with?: Record<string, string>; file?: string; line?: number; message: RegExp }> = [
      { name: 'missing data file', files: {}, with: { data: 'data/nope.csv' }, message: /data: file not found: data\/nope\.csv/ },
      { name: 'empty file', files: { 'data/train.csv': '' }, file: 'data/train.csv', line: 1, message: /the file is empty/ },
      { name: 'ragged row', files: { 'data/train.csv': 'customer_id,age\nC00001,30\nC00002\n' }, with: { schema: 'one.yaml' }, file: 'data/train.csv', line: 3, message: /row has 1 field, the header has 2/ },
      { name: 'unterminated quote', files: { 'data/train.csv': 'customer_id,age\nC00001,30\n"C00002,31\nC00003,32\n' }, with: { schema: 'one.yaml' }, file: 'data/train.csv', line: 3, message: /unterminated quoted field/ },
      { name: 'invalid UTF-8', files: { 'data/train.csv': Buffer.concat([Buffer.from('customer_id,age\nC00001,30\nC0000'), Buffer.from([0xff]), Buffer.from(',31\n')]) }, with: { schema: 'one.yaml' }, file: 'data/train.csv', line: 3, message: /invalid UTF-8/ },
      { name: 'schema not YAML', files: { 'data/schema.yaml': 'version: 1\ncolumns:\n  age: {type: integer\n  x: [\n' }, file: 'data/schema.yaml', message: /not valid YAML/ },
      { name: 'schema fails validation', files: { 'data/schema.yaml': 'version: 1\ncolumns:\n  age: {type: integer, maximum: 3}\n' }, file: 'data/schema.yaml', line: 3, message: /Unrecognized key/i },
      { name: 'schema column absent from the data', files: { 'data/schema.yaml': 'version: 1\ncolumns:\n  customer_id: {type: string}\n  height: {type: number}\nunknown_columns: ignore\n' }, file: 'data/schema.yaml', line: 4, message: /schema column "height" is not in the data/ },
      { name: 'bad fail-on input', files: {}, with: { 'fail-on': 'sometimes' }, message: /input fail-on: "sometimes" is not one of error, warning, never/ },
    ];
    for (const c of cases) {
      const ws = workspace({ 'one.yaml': 'version: 1\ncolumns:\n  customer_id: {type: string}\n  age: {type: integer}\n', ...c.files });
      const step = await runStep({ action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml', ...c.with } }, { workspace: ws, env: jobEnv(), githubToken: api.token });
      expect(step.exitCode, c.name).toBe(1);
      expect(step.outputs.verdict, c.name).toBe('error');
      const error = step.annotations.find((a) => a.level === 'error');
      expect(error?.message, c.name).toMatch(c.message);
      expect(error?.title, c.name).toBe('validate-data: configuration error');
      if (c.file) expect(error?.file, c.name).toBe(c.file);
      if (c.line) expect(error?.line, c.name).toBe(c.line);
      expect(error?.message, c.name).not.toMatch(/internal error/);
      expect(step.summary, c.name).toContain('configuration error');
      expectNoStackTrace(step);
      expect(existsSync(path.join(ws, 'mlops-reports/validate-data.json')), c.name).toBe(false);
    }
  });
});

describe('pull requests, artifacts and the cache', () => {
  it('keeps one sticky comment per action and job, updated in place across two runs', async () => {
    const event = pullRequestEvent(41);
    const ws1 = workspace();
    const first = await runStep({ action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml' } }, { workspace: ws1, env: jobEnv(), githubToken: api.token, event });
    expect(first.exitCode, first.log).toBe(0);
    const comments = () => api.state.comments.filter((c) => c.issue_url.endsWith('/issues/41'));
    expect(comments()).toHaveLength(1);
    const firstComment = comments()[0]!;
    expect(firstComment.body).toContain('<!-- mlops-actions:validate-data:');
    expect(firstComment.body).toContain('✅ Data validation: pass');

    const lines = readFileSync(path.join(exampleData, 'train.csv'), 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/,(US|DE|FR|GB|IN),/, ',XX,');
    const ws2 = workspace({ 'data/train.csv': lines.join('\n') });
    const second = await runStep({ action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml', 'fail-on': 'never' } }, { workspace: ws2, env: jobEnv(), githubToken: api.token, event });
    expect(second.exitCode, second.log).toBe(0);
    expect(second.outputs.verdict).toBe('fail');
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.id).toBe(firstComment.id);
    expect(comments()[0]!.body).toContain('❌ Data validation: fail');
    expect(comments()[0]!.body).toContain('country');
    expect(api.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/'))).toHaveLength(1);
    expect(api.violations).toEqual([]);
  });

  it('creates a check run with the verdict and annotations when check-run is on', async () => {
    const event = pullRequestEvent(44);
    const lines = readFileSync(path.join(exampleData, 'train.csv'), 'utf8').split('\n');
    lines[6] = lines[6]!.replace(/^(C\d{5}),\d+,/, '$1,999,');
    const ws = workspace({ 'data/train.csv': lines.join('\n') });
    const step = await runStep(
      { action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml', 'check-run': 'true', comment: 'false' } },
      { workspace: ws, env: jobEnv(), githubToken: api.token, event },
    );
    expect(step.exitCode).toBe(1);
    const check = api.state.checkRuns.at(-1)!;
    expect(check).toMatchObject({ name: 'mlops-actions / validate-data', status: 'completed', conclusion: 'failure' });
    expect(check.head_sha).toBe(api.state.pulls.find((p) => p.number === 44)!.head.sha);
    expect(check.output.title).toMatch(/1 of 26 checks failed/);
    const annotations = api.state.checkRunAnnotations.get(check.id) ?? [];
    expect(annotations).toEqual([expect.objectContaining({ path: 'data/train.csv', start_line: 7, annotation_level: 'failure' })]);
    expect(api.violations).toEqual([]);
  });

  it('degrades with a notice on a fork pull request’s read-only token: summary and artifact, no failure', async () => {
    const event = pullRequestEvent(42, true);
    const ws = workspace();
    const before = results.artifacts().length;
    const step = await runStep({ action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml', 'check-run': 'true' } }, { workspace: ws, env: jobEnv(), githubToken: api.readOnlyToken, event });
    expect(step.exitCode, step.log).toBe(0);
    const notice = step.annotations.find((a) => a.level === 'notice' && /read-only/.test(a.message));
    expect(notice?.message).toMatch(/a pull request from a fork gets a read-only token/);
    expect(step.summary).toContain('✅ Data validation: pass');
    expect(api.state.comments.filter((c) => c.issue_url.endsWith('/issues/42'))).toHaveLength(0);
    expect(api.requests.some((r) => r.method === 'POST' && r.status === 403)).toBe(true);
    const uploaded = results.artifacts().slice(before);
    expect(uploaded.map((a) => a.name)).toEqual(['validate-data-report-test']);
    expect(step.outputs['report-artifact-id']).toBe(String(uploaded[0]!.id));
  });

  it('uploads the report with the real artifact client and downloads it back byte-identical', async () => {
    const ws = workspace();
    const env = { ...jobEnv(), GITHUB_JOB: 'upload-job' };
    const step = await runStep({ action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml', 'upload-report': 'always' } }, { workspace: ws, env, githubToken: api.token });
    expect(step.exitCode, step.log).toBe(0);
    const artifact = results.artifacts().find((a) => a.id === Number(step.outputs['report-artifact-id']));
    expect(artifact).toBeDefined();
    const out = path.join(tmp.root, `download-${artifact!.id}`);
    const { stdout } = await promisify(execFile)(process.execPath, [clientScript, 'download', JSON.stringify({ name: artifact!.name, path: out })], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...results.env, GITHUB_WORKSPACE: ws, RUNNER_TEMP: tmp.root },
    });
    expect(stdout).toMatch(/@@result .*"digestMismatch":false/);
    expect(readFileSync(path.join(out, 'validate-data.json'))).toEqual(readFileSync(path.join(ws, 'mlops-reports/validate-data.json')));
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain('✅ Data validation: pass');
  });

  it('saves the report to the cache on main and compares a pull request with it', async () => {
    const mainWs = workspace();
    const lines = readFileSync(path.join(exampleData, 'train.csv'), 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/,(true|false),(\d)$/, ',maybe,$2');
    writeFileSync(path.join(mainWs, 'data/train.csv'), lines.join('\n'));
    const saved = await runStep(
      { action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml', 'save-history': 'true', 'fail-on': 'never' } },
      { workspace: mainWs, env: { ...jobEnv(), GITHUB_JOB: 'data' }, githubToken: api.token },
    );
    expect(saved.exitCode, saved.log).toBe(0);
    const entry = results.caches().find((c) => c.key.startsWith('mlops-actions-history-validate-data-data-main-'));
    expect(entry, saved.log).toBeDefined();
    expect(existsSync(path.join(mainWs, '.mlops-actions/history'))).toBe(false);

    const prLines = readFileSync(path.join(exampleData, 'train.csv'), 'utf8').split('\n');
    prLines[8] = prLines[8]!.replace(/^(C\d{5}),\d+,/, '$1,7,');
    const prWs = workspace({ 'data/train.csv': prLines.join('\n') });
    const compared = await runJob({
      steps: [{ action, id: 'v', with: { data: 'data/train.csv', schema: 'data/schema.yaml', 'compare-to': 'main', 'fail-on': 'never', comment: 'false' } }],
      workspace: prWs,
      env: { ...jobEnv(), GITHUB_JOB: 'data' },
      githubToken: api.token,
      event: pullRequestEvent(43),
    });
    const step = compared.step('v');
    expect(step.exitCode, step.log).toBe(0);
    const report = readReport(prWs);
    const table = report.tables.find((t) => t.title === 'Compared with main');
    expect(table?.rows).toEqual([
      ['age / min', 'new failure', 0, 1],
      ['is_premium / type', 'fixed', 1, 0],
    ]);
    expect(step.summary).toContain('Compared with main');
  });

  it('keeps the summary under 1 MiB when the report is huge, and uploads the full report', async () => {
    // 5,000 columns, each failing four checks: a 20,000-row failed-checks table.
    const columns = Array.from({ length: 5000 }, (_, i) => `feature_${String(i).padStart(4, '0')}`);
    const schema = `version: 1\ncolumns:\n${columns.map((c) => `  ${c}: {type: integer, min: 0, max: 10, allowed: [1, 2]}`).join('\n')}\n`;
    const row = (v: string) => columns.map(() => v).join(',');
    const ws = workspace({ 'wide.csv': `${columns.join(',')}\n${row('-1')}\n${row('x')}\n${row('99')}\n`, 'wide.yaml': schema });
    const step = await runStep({ action, id: 'v', with: { data: 'wide.csv', schema: 'wide.yaml', 'fail-on': 'never', comment: 'false' } }, { workspace: ws, env: { ...jobEnv(), GITHUB_JOB: 'wide' }, githubToken: api.token });
    expect(step.exitCode, step.log).toBe(0);
    expect(step.errors).toEqual([]);
    expect(Buffer.byteLength(step.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(step.summary).toContain('did not fit the size limit; the full report is in the artifact `validate-data-report-wide`');
    const artifact = results.artifacts().find((a) => a.name === 'validate-data-report-wide');
    expect(artifact).toBeDefined();
    expect(readReport(ws).details.failedChecks).toBe(20000);
  });
});
