import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trainCheckAction, trainCheckInputs } from '../../src/actions/train-check.js';
import { WorkspacePaths, type ActionContext } from '../../src/platform/action.js';
import { readRunEnvironment } from '../../src/platform/environment.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { parseInputs } from '../../src/platform/inputs.js';
import { RecordingLogger } from '../../src/platform/logger.js';
import type { Report } from '../../src/platform/report.js';
import type { TrainCheckDetails, TrainingVariance } from '../../src/training/train-check.js';
import { alive } from '../support/processes.js';
import { makeTempDir } from '../support/tmp.js';
import { PYTHON } from './stats-reference.js';

/**
 * train-check's action definition run in-process (no runner) on real training commands: the
 * example project's scikit-learn script, and scripts that misbehave on purpose. Each must give
 * exactly the findings it should.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repoRoot, 'test/fixtures/training');
const example = path.join(repoRoot, 'workflows-examples/example-project');
const tmp = makeTempDir('mlops-train-check-');
afterAll(() => tmp.remove());

let count = 0;
interface Checked {
  report: Report;
  details: TrainCheckDetails;
  outputs: Record<string, string>;
  logger: RecordingLogger;
  ws: string;
}

async function check(inputs: Record<string, string>, options: { eventName?: string; signal?: AbortSignal; files?: Record<string, string> } = {}): Promise<Checked> {
  const ws = path.join(tmp.root, `ws-${++count}`);
  tmp.write(path.relative(tmp.root, path.join(ws, '.keep')), '');
  for (const [rel, content] of Object.entries(options.files ?? {})) tmp.write(path.relative(tmp.root, path.join(ws, rel)), content);
  const logger = new RecordingLogger();
  const context: ActionContext = {
    run: { ...readRunEnvironment({}, ws), eventName: options.eventName },
    logger,
    workspace: new WorkspacePaths(ws),
    commandEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' },
    signal: options.signal,
  };
  const outcome = await trainCheckAction.run(parseInputs(trainCheckInputs, inputs, 'train-check'), context);
  return { report: outcome.report, details: outcome.report.details as unknown as TrainCheckDetails, outputs: outcome.outputs ?? {}, logger, ws };
}

const errorRules = (report: Report) => report.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
const fixture = (name: string) => `${PYTHON} ${path.join(fixtures, name)}`;
const output = (logger: RecordingLogger) =>
  logger.lines
    .filter((l) => l.level === 'output')
    .map((l) => l.message)
    .join('');



describe('train-check on a real scikit-learn training script', () => {
  it('passes a full run: metrics from metrics.json, the loss curve from steps.jsonl, budgets measured', async () => {
    const { report, details, outputs, ws } = await check({
      command: `${PYTHON} ${path.join(example, 'train.py')}`,
      'expect-metrics': 'accuracy >= 0.7\nroc_auc\nlog_loss < 1',
      outputs: 'train-output/model.pkl',
      'max-memory-mb': '2000',
      'max-duration-minutes': '5',
    });
    expect(errorRules(report), JSON.stringify(report.findings)).toEqual([]);
    expect(report.verdict).toBe('pass');
    const written = JSON.parse(readFileSync(path.join(ws, 'train-output/metrics.json'), 'utf8')) as Record<string, number>;
    for (const [k, v] of Object.entries(written)) expect(details.metrics[k]).toBe(v);
    expect(details.metrics.epochs).toBe(30);
    expect(details.metrics.train_rows).toBe(960);
    // The last logged values are metrics too (val_loss of the last epoch equals log_loss).
    expect(details.metrics.val_loss).toBeCloseTo(written.log_loss!, 12);
    expect(details.loss!.decrease).toBeGreaterThan(0.1);
    expect(details.runs).toHaveLength(1);
    expect(details.peakMemoryMb).toBeGreaterThan(20);
    expect(details.cpuSeconds).toBeGreaterThan(0.2);
    expect(JSON.parse(outputs.metrics!)).toEqual(details.metrics);
    expect(outputs['metrics-path']).toBe('train-output/metrics.json');
    expect(outputs.smoke).toBe('false');
    expect(report.charts[0]!.mermaid).toContain('xychart-beta');
    expect(report.charts[0]!.title).toContain('loss, val_loss');
    expect(report.tables.map((t) => t.title)).toEqual(['Runs', 'Budgets', 'Metrics']);
  });

  it('smoke mode on a pull request: the contract variables reach the script, which trains on a sample for a few steps', async () => {
    const { report, details } = await check({ command: `${PYTHON} ${path.join(example, 'train.py')}`, 'max-steps': '5', 'sample-fraction': '0.1', 'loss-window': '2' }, { eventName: 'pull_request' });
    expect(report.verdict, JSON.stringify(report.findings)).toBe('pass');
    expect(report.title).toBe('train-check (smoke)');
    expect(details.metrics.epochs).toBe(5);
    expect(details.metrics.train_rows).toBe(96);
  });

  it('repeat: 2 with the same seed gives identical metrics and model files', async () => {
    const { report, details } = await check({ command: `${PYTHON} ${path.join(example, 'train.py')}`, repeat: '2', seed: '7', smoke: 'true', 'max-steps': '4', 'loss-window': '1' });
    expect(errorRules(report), JSON.stringify(report.findings)).toEqual([]);
    expect(details.reproducibility).toMatchObject({ runs: 2, identical: true, differences: [] });
    const table = report.tables.find((t) => t.title === 'Reproducibility')!;
    expect(table.rows.map((r) => r[0])).toContain('file train-output/model.pkl');
  });
});

describe('train-check on scripts that misbehave', () => {
  it('a crash: exit-code, with the traceback in the summary', async () => {
    const { report } = await check({ command: fixture('crash.py') });
    expect(errorRules(report)).toEqual(['exit-code']);
    expect(report.findings[0]!.message).toContain('exited with code 1');
    expect(report.excerpts?.[0]?.text).toContain('RuntimeError: CUDA error');
    expect(report.verdict).toBe('fail');
  });

  it('NaN loss: finite, pointing at the step log line', async () => {
    const { report } = await check({ command: fixture('nan_loss.py') });
    expect(errorRules(report)).toEqual(['finite']);
    expect(report.findings[0]).toMatchObject({ file: 'train-output/steps.jsonl', line: 4, subject: 'loss' });
    expect(report.findings[0]!.message).toContain('NaN at step 4 (4 values are not finite)');
  });

  it('a loss that does not fall: loss-decrease', async () => {
    const { report, details } = await check({ command: fixture('flat_loss.py') });
    expect(errorRules(report)).toEqual(['loss-decrease']);
    expect(details.loss!.window).toBe(5);
    expect(Math.abs(details.loss!.decrease)).toBeLessThan(0.01);
  });

  it('a memory hog over max-memory-mb: stopped, memory-budget', async () => {
    const { report, details } = await check({ command: fixture('memory_hog.py'), 'max-memory-mb': '300' });
    expect(errorRules(report)).toEqual(['memory-budget']);
    expect(details.runs[0]!.stoppedBy).toBe('memory');
    expect(details.peakMemoryMb).toBeGreaterThan(300);
    expect(details.peakMemoryMb).toBeLessThan(1500);
  });

  it('a sleeper over timeout-minutes: stopped, timeout', async () => {
    const started = Date.now();
    const { report, details } = await check({ command: fixture('sleeper.py'), 'timeout-minutes': '0.02' });
    expect(errorRules(report)).toEqual(['timeout']);
    expect(details.runs[0]!.stoppedBy).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('over max-duration-minutes but within the timeout: time-budget', async () => {
    const { report } = await check({ command: `${PYTHON} -c "import time; time.sleep(1.5)"`, 'max-duration-minutes': '0.01' });
    expect(errorRules(report)).toEqual(['time-budget']);
  });

  it('an unseeded run with repeat: 2: reproducible, naming the metric and the file that differ', async () => {
    const { report, details } = await check({ command: fixture('unseeded.py'), repeat: '2' });
    expect(errorRules(report)).toEqual(['reproducible', 'reproducible']);
    expect(details.reproducibility!.differences.map((d) => d.item).sort()).toEqual(['file train-output/model.json', 'metric accuracy']);
  });

  it('a script whose children are killed on timeout leaves no process behind', async () => {
    const { report, logger } = await check({ command: fixture('spawner.py'), 'timeout-minutes': '0.03' });
    expect(errorRules(report)).toEqual(['timeout']);
    const pids = /workers ([\d ]+)/.exec(output(logger))![1]!.trim().split(' ').map(Number);
    expect(pids).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 300));
    expect(pids.filter(alive)).toEqual([]);
  });

  it('cancel: the tree is stopped and the verdict is error', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 800);
    const { report } = await check({ command: fixture('spawner.py') }, { signal: controller.signal });
    expect(report.verdict).toBe('error');
    expect(errorRules(report)).toEqual(['cancelled']);
  });

  it('a script that leaves a background process running: a warning, and the process is gone', async () => {
    const { report } = await check({ command: 'sleep 300 & echo started', shell: 'bash', 'loss-metric': 'loss' });
    expect(report.findings.map((f) => `${f.severity}:${f.rule}`)).toEqual(['warning:leftover-processes', 'notice:loss-missing']);
    expect(report.verdict).toBe('pass');
  });
});

describe('train-check expectations, outputs, seeds and stdout', () => {
  it('seeds: mean ± std per metric, equal to Python statistics on the same seeded draws', async () => {
    const { report, details, outputs, ws } = await check({ command: fixture('seeded.py'), seeds: '1,2,3' });
    expect(report.verdict, JSON.stringify(report.findings)).toBe('pass');
    expect(details.runs.map((r) => r.seed)).toEqual([2, 3, 1]);
    const variance = JSON.parse(readFileSync(path.join(ws, outputs['variance-path']!), 'utf8')) as TrainingVariance;
    expect(variance.kind).toBe('mlops-actions/training-variance');
    expect(variance.seeds).toEqual([1, 2, 3]);
    const reference = spawnSync(
      PYTHON,
      ['-c', 'import random, statistics, json; v=[0.8 + random.Random(s).random()/10 for s in (1,2,3)]; print(json.dumps([v, statistics.mean(v), statistics.stdev(v)]))'],
      { encoding: 'utf8' },
    );
    const [values, mean, std] = JSON.parse(reference.stdout) as [number[], number, number];
    expect(variance.metrics.accuracy!.values).toEqual(values);
    expect(variance.metrics.accuracy!.mean).toBeCloseTo(mean, 14);
    expect(variance.metrics.accuracy!.std).toBeCloseTo(std, 14);
    expect(variance.metrics['nested.f1']!.std).toBe(0);
    expect(details.metrics.accuracy).toBe(values[0]);
    expect(report.tables.find((t) => t.title === 'Variance across seeds')).toBeDefined();
  });

  it('expect-metrics and outputs: missing, out of bounds, absent and empty outputs', async () => {
    const { report } = await check({
      command: fixture('seeded.py'),
      'expect-metrics': 'accuracy >= 0.95\nnested.f1 > 0.5\nauc',
      outputs: 'train-output/model.json\ntrain-output/missing.bin\nempty.txt',
      'working-directory': '.',
    }, { files: { 'empty.txt': '' } });
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.subject}`)).toEqual([
      'metric-bound:accuracy',
      'metric-missing:auc',
      'output-missing:train-output/missing.bin',
      'output-empty:empty.txt',
    ]);
  });

  it('loss-regex reads the curve from stdout', async () => {
    const script = 'for i in range(1, 11): print(f"step {i} loss={1/i:.4f}")\nprint("step 11 loss=nan")';
    const { report, details } = await check({ command: `${PYTHON} -c '${script}'`, 'loss-regex': 'step (?<step>\\d+) loss=(?<loss>\\S+)' });
    expect(errorRules(report)).toEqual(['finite']);
    expect(report.findings[0]!.message).toContain('output line 11');
    expect(details.loss!.start).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5) / 5, 3);
  });

  it('env: extra variables reach the command; the action inputs and runtime tokens do not', async () => {
    const script = 'import os, json; print("ENV " + json.dumps({k: os.environ.get(k) for k in ["EXTRA", "MLOPS_SMOKE", "MLOPS_SEED", "MLOPS_MAX_STEPS", "MLOPS_SAMPLE_FRACTION", "MLOPS_OUTPUT_DIR"]}))';
    const { logger, ws } = await check({ command: `${PYTHON} -c '${script}'`, env: 'EXTRA=a=b c\n# comment', seed: '5', smoke: 'false' });
    const env = JSON.parse(/ENV (.*)/.exec(output(logger))![1]!) as Record<string, string | null>;
    expect(env).toEqual({ EXTRA: 'a=b c', MLOPS_SMOKE: '0', MLOPS_SEED: '5', MLOPS_MAX_STEPS: null, MLOPS_SAMPLE_FRACTION: '1', MLOPS_OUTPUT_DIR: path.join(ws, 'train-output') });
  });
});

describe('train-check bad input: a clear configuration error before or after the run', () => {
  const expectConfigError = async (inputs: Record<string, string>, pattern: RegExp, files?: Record<string, string>) => {
    const error = await check(inputs, { files }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).describe()).toMatch(pattern);
  };

  it('a command that is not found', () => expectConfigError({ command: 'no-such-trainer --epochs 3' }, /command not found: no-such-trainer/));

  it('a command that is not executable', async () => {
    const file = tmp.write('not-exec.sh', '#!/bin/sh\necho hi\n');
    chmodSync(file, 0o644);
    await expectConfigError({ command: file }, /not executable/);
  });

  it('a shell operator without shell: bash', () => expectConfigError({ command: 'python train.py | tee log' }, /command:.*\|.*shell: bash/s));

  it('a metrics file that is missing', () => expectConfigError({ command: 'true', 'metrics-file': 'out/metrics.json' }, /out\/metrics\.json: the command finished but wrote no metrics file/));

  it('a metrics file that is malformed', () => {
    const script = 'open("m.json", "w").write("{accuracy: [0.9")';
    return expectConfigError({ command: `${PYTHON} -c '${script}'`, 'metrics-file': 'm.json' }, /m\.json:1: the metrics file is not valid JSON or YAML/);
  });

  it('a regex that does not compile', () => expectConfigError({ command: 'true', 'loss-regex': 'loss=(?<loss>[0-9' }, /loss-regex/));

  it('a stale metrics file from an earlier run', async () => {
    const ws = `ws-stale`;
    const file = tmp.write(`${ws}/old.json`, '{"accuracy": 1}');
    const past = new Date(Date.now() - 3600_000);
    const { utimesSync } = await import('node:fs');
    utimesSync(file, past, past);
    writeFileSync(path.join(tmp.root, ws, 'x'), '');
    await expectConfigError({ command: 'true', 'metrics-file': file }, /not written by this run/);
  });
});
