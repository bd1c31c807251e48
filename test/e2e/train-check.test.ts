import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../src/platform/report.js';
import { startResultsService, type ResultsService } from '../harness/results-service.js';
import { runStep, type StepResult } from '../harness/runner.js';
import { alive } from '../support/processes.js';
import { makeTempDir } from '../support/tmp.js';
import { PYTHON } from '../unit/stats-reference.js';

/**
 * End-to-end: the committed bundle actions/train-check/dist/index.js run by the runner emulator,
 * with the results-service emulator behind the real @actions/cache client.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const action = path.join(repoRoot, 'actions/train-check');
const example = path.join(repoRoot, 'workflows-examples/example-project');
const fixtures = path.join(repoRoot, 'test/fixtures/training');

let results: ResultsService;
const tmp = makeTempDir('mlops-e2e-train-');

beforeAll(async () => {
  results = await startResultsService();
});
afterAll(async () => {
  await results?.stop();
  tmp.remove();
});

let count = 0;
function workspace(files: Record<string, string> = {}): string {
  const root = `ws-${++count}`;
  tmp.write(`${root}/.keep`, '');
  for (const [rel, content] of Object.entries(files)) tmp.write(`${root}/${rel}`, content);
  return path.join(tmp.root, root);
}

function readReport(ws: string): Report {
  return reportSchema.parse(JSON.parse(readFileSync(path.join(ws, 'mlops-reports/train-check.json'), 'utf8')));
}

function expectNoStackTrace(step: StepResult): void {
  expect(step.log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(step.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

// The cache holds the "downloaded" dataset: the script fetches it only when it is not there.
const FETCH_AND_TRAIN = `set -e
if [ -f data-cache/dataset.csv ]; then echo "dataset from cache"; else mkdir -p data-cache; cp ${example}/data/train.csv data-cache/dataset.csv; echo "dataset downloaded"; fi
TRAIN_DATA=data-cache/dataset.csv ${PYTHON} ${example}/train.py`;

describe('train-check bundle through the runner', () => {
  it('smoke-trains on a pull request: outputs, summary with the loss chart, and the cache saved then restored', async () => {
    const ws = workspace();
    const event = { name: 'pull_request' as const, payload: { action: 'synchronize', number: 3, pull_request: { number: 3, head: { sha: 'a'.repeat(40), ref: 'x', repo: { full_name: 'acme/m' } }, base: { ref: 'main', repo: { full_name: 'acme/m' } } } } };
    const run = () =>
      runStep(
        {
          action,
          id: 't',
          with: {
            command: FETCH_AND_TRAIN,
            shell: 'bash',
            'max-steps': '8',
            'loss-window': '2',
            'expect-metrics': 'accuracy >= 0.5',
            'cache-paths': 'data-cache',
            'cache-key': 'dataset-v1',
            comment: 'false',
          },
        },
        { workspace: ws, env: { ...results.env, GITHUB_JOB: 'train' }, event },
      );
    const first = await run();
    expect(first.exitCode, first.log).toBe(0);
    expectNoStackTrace(first);
    expect(first.outputs.verdict).toBe('pass');
    expect(first.outputs.smoke).toBe('true');
    expect(first.outputs['cache-hit']).toBe('false');
    expect(first.log).toContain('dataset downloaded');
    expect(first.log).toMatch(/##\[group\]train-check: set -e/);
    const metrics = JSON.parse(first.outputs.metrics!) as Record<string, number>;
    expect(metrics.epochs).toBe(8);
    expect(Number(first.outputs['duration-seconds'])).toBeGreaterThan(0);
    expect(Number(first.outputs['peak-memory-mb'])).toBeGreaterThan(10);
    expect(first.summary).toContain('train-check (smoke): pass');
    expect(first.summary).toContain('xychart-beta');
    expect(first.summary).toContain('Budgets');
    expect(results.caches().map((c) => c.key)).toContain('dataset-v1');

    // The next run restores the dataset instead of fetching it.
    rmSync(path.join(ws, 'data-cache'), { recursive: true });
    const second = await run();
    expect(second.exitCode, second.log).toBe(0);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(second.log).toContain('dataset from cache');
  });

  it('a failing run: exit 1, error annotation, the tail of the output in the summary, no stack trace', async () => {
    const ws = workspace();
    const step = await runStep({ action, id: 't', with: { command: `${PYTHON} ${path.join(fixtures, 'crash.py')}`, comment: 'false' } }, { workspace: ws, env: results.env });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(step.annotations.some((a) => a.level === 'error' && a.message.includes('exited with code 1'))).toBe(true);
    expect(step.summary).toContain('RuntimeError: CUDA error');
    expectNoStackTrace(step);
  });

  it('a command that does not exist: a configuration error naming it', async () => {
    const ws = workspace();
    const step = await runStep({ action, id: 't', with: { command: 'trainn.py --epochs 1', comment: 'false' } }, { workspace: ws, env: results.env });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.verdict).toBe('error');
    expect(step.annotations.find((a) => a.level === 'error')?.message).toMatch(/command not found: trainn\.py/);
    expectNoStackTrace(step);
  });

  it('cancelled by the runner (SIGINT): the training processes are stopped and the report says so', async () => {
    const ws = workspace();
    const step = await runStep(
      { action, id: 't', with: { command: `${PYTHON} ${path.join(fixtures, 'spawner.py')}`, comment: 'false' }, timeoutMs: 2500 },
      { workspace: ws, env: results.env },
    );
    expect(step.timedOut).toBe(true);
    const pids = /workers ([\d ]+)/.exec(step.stdout)![1]!.trim().split(' ').map(Number);
    await new Promise((r) => setTimeout(r, 300));
    expect(pids.filter(alive)).toEqual([]);
    const report = readReport(ws);
    expect(report.verdict).toBe('error');
    expect(report.findings.map((f) => f.rule)).toEqual(['cancelled']);
    expect(step.outputs.verdict).toBe('error');
  });
});
