import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readMetricsFile } from '../eval/metrics-file.js';
import { ConfigurationError } from '../platform/errors.js';
import { sha256File } from '../platform/files.js';
import type { Logger } from '../platform/logger.js';
import { buildReport, FindingCollector, type Cell, type Chart, type Excerpt, type Finding, type Report, type Table } from '../platform/report.js';
import { firstNonFinite, lossChart, lossTrend, seedSpread, withinTolerance, type SeedSpread } from './checks.js';
import { compare, parseStepLog, StdoutMetricMatcher, type LoggedPoint, type MetricExpectation } from './parse.js';
import { runMeasured, type CommandResult } from './process-tree.js';

/**
 * train-check's engine: runs the training command (once, or again for reproducibility and for
 * each seed), measures the process tree, reads what it wrote, and judges it. Knows nothing of the
 * runner: the environment, paths and logger come in as options.
 */
export interface SmokeSettings {
  smoke: boolean;
  sampleFraction: number;
  /** Passed as MLOPS_MAX_STEPS in smoke mode; not set otherwise. */
  maxSteps?: number;
}

export interface ProducedFile {
  /** Absolute path. */
  path: string;
  /** As the user wrote it / relative to the workspace, for messages. */
  display: string;
  /** False when it is only the default place (no error when it is missing). */
  explicit: boolean;
}

export interface TrainCheckOptions {
  argv: string[];
  /** How the command was written, for the report. */
  commandText: string;
  cwd: string;
  /** The environment the command starts from (the contract variables are added). */
  env: Record<string, string>;
  smoke: SmokeSettings;
  /** Seeds: the first one is the primary run's. */
  seeds: number[];
  /** Runs of the primary seed (2 or more: a reproducibility check). */
  repeat: number;
  repeatTolerance: number;
  outputDir: ProducedFile;
  metricsFile: ProducedFile;
  stepLog: ProducedFile;
  lossRegex?: string;
  lossMetric: string;
  minLossDecrease: number;
  lossWindow: number;
  timeoutMs?: number;
  maxDurationMs?: number;
  maxMemoryBytes?: number;
  /** Expected outputs as written (paths or globs), relative to cwd. */
  outputs: string[];
  /** Expands an output pattern to files and folders (absolute paths); [] when nothing matches. */
  expandOutput: (pattern: string) => Promise<string[]>;
  /** Shows an absolute path relative to the workspace. */
  display: (absolute: string) => string;
  expectations: MetricExpectation[];
  expectationsInput: string;
  logger: Logger;
  signal?: AbortSignal;
  startedAt?: Date;
  /** Test seam: how the command runs (the real one measures the process tree). */
  runCommand?: typeof runMeasured;
}

export interface RunRecord {
  label: string;
  seed: number;
  result: CommandResult;
  metrics: Record<string, number>;
  series: Map<string, LoggedPoint[]>;
  /** Where each series came from: the step log (file, line) or stdout. */
  seriesSource: 'step-log' | 'stdout' | 'none';
  /** sha256 of every produced file, by display path. */
  files: Map<string, string>;
}

export interface TrainCheckDetails {
  command: string;
  smoke: SmokeSettings;
  runs: Array<{
    label: string;
    seed: number;
    exitCode: number | null;
    signal: string | null;
    stoppedBy?: string;
    wallSeconds: number;
    cpuSeconds: number;
    peakMemoryMb: number;
    metrics: Record<string, number>;
  }>;
  metrics: Record<string, number>;
  durationSeconds: number;
  peakMemoryMb: number;
  cpuSeconds: number;
  loss?: { metric: string; start: number; end: number; decrease: number; window: number; points: number };
  reproducibility?: { runs: number; identical: boolean; differences: Array<{ item: string; first: string; second: string }> };
  variance?: TrainingVariance;
  cancelled: boolean;
}

/** What `seeds:` measures, in the form evaluate-metrics-gate reads as `training-noise`. */
export interface TrainingVariance {
  kind: 'mlops-actions/training-variance';
  version: 1;
  seeds: number[];
  metrics: Record<string, SeedSpread>;
}

const MiB = 1024 * 1024;

export async function runTrainCheck(options: TrainCheckOptions): Promise<{ report: Report; details: TrainCheckDetails; variance?: TrainingVariance }> {
  const startedAt = options.startedAt ?? new Date();
  const findings = new FindingCollector();
  const plan = planRuns(options.seeds, options.repeat);
  const runs: RunRecord[] = [];
  let cancelled = false;
  const many = plan.length > 1;

  for (const [index, planned] of plan.entries()) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const record = await runOnce(options, planned, index, plan.length);
    runs.push(record);
    const where = many ? ` (${record.label})` : '';
    judgeProcess(record.result, options, findings, where);
    if (record.result.stoppedBy === 'cancel') {
      cancelled = true;
      break;
    }
    if (record.result.exitCode !== 0) break;
  }

  const last = runs.at(-1);
  const succeeded = last !== undefined && last.result.exitCode === 0 && !last.result.stoppedBy;
  let loss: TrainCheckDetails['loss'];
  if (last && succeeded) {
    loss = judgeLoss(last, options, findings);
    judgeExpectations(last.metrics, options, findings);
    await judgeOutputs(options, findings);
  }
  const reproducibility = succeeded ? compareRepeats(runs, options, findings) : undefined;
  const variance = succeeded && runs.length === plan.length ? measureVariance(runs, options.seeds) : undefined;

  const peakMemoryMb = Math.max(0, ...runs.map((r) => r.result.peakMemoryBytes)) / MiB;
  const durationSeconds = runs.reduce((a, r) => a + r.result.wallMs, 0) / 1000;
  const cpuSeconds = runs.reduce((a, r) => a + r.result.cpuMs, 0) / 1000;
  const metrics = last?.metrics ?? {};

  const tables: Table[] = [runsTable(runs, options), budgetsTable(runs, options)];
  const metricsRows = metricsTable(metrics, options.expectations);
  if (metricsRows) tables.push(metricsRows);
  if (reproducibility) tables.push(reproducibilityTable(runs, options));
  if (variance) tables.push(varianceTable(variance));
  const charts: Chart[] = [];
  const chart = last ? lossChart(last.series, [options.lossMetric, `val_${options.lossMetric}`]) : undefined;
  if (chart) charts.push(chart);
  const excerpts: Excerpt[] = [];
  if (last && !succeeded && last.result.tail.length > 0) {
    excerpts.push({ title: `Last ${last.result.tail.length} lines of output${many ? ` (${last.label})` : ''}`, text: last.result.tail.join('\n') });
  }

  const verdict = cancelled ? 'error' : findings.counts.error > 0 ? 'fail' : 'pass';
  const details: TrainCheckDetails = {
    command: options.commandText,
    smoke: options.smoke,
    runs: runs.map((r) => ({
      label: r.label,
      seed: r.seed,
      exitCode: r.result.exitCode,
      signal: r.result.signal,
      stoppedBy: r.result.stoppedBy,
      wallSeconds: r.result.wallMs / 1000,
      cpuSeconds: r.result.cpuMs / 1000,
      peakMemoryMb: r.result.peakMemoryBytes / MiB,
      metrics: r.metrics,
    })),
    metrics,
    durationSeconds,
    peakMemoryMb,
    cpuSeconds,
    loss,
    reproducibility,
    variance,
    cancelled,
  };
  const report = buildReport({
    action: 'train-check',
    title: `train-check${options.smoke.smoke ? ' (smoke)' : ''}`,
    verdict,
    headline: headline(verdict, runs, findings, durationSeconds, peakMemoryMb, loss, cancelled),
    startedAt,
    findings,
    tables,
    charts,
    excerpts,
    details: details as unknown as Record<string, unknown>,
  });
  return { report, details, variance };
}

interface PlannedRun {
  seed: number;
  label: string;
}

/**
 * The other seeds first, then the primary seed's runs, so the files left behind and the metrics
 * reported are the primary run's.
 */
export function planRuns(seeds: number[], repeat: number): PlannedRun[] {
  const [primary, ...others] = seeds;
  const out: PlannedRun[] = others.map((seed) => ({ seed, label: `seed ${seed}` }));
  for (let i = 1; i <= repeat; i++) out.push({ seed: primary!, label: repeat > 1 ? `seed ${primary}, run ${i}` : `seed ${primary}` });
  return out;
}

async function runOnce(options: TrainCheckOptions, planned: PlannedRun, index: number, total: number): Promise<RunRecord> {
  const { logger } = options;
  await mkdir(options.outputDir.path, { recursive: true });
  const env: Record<string, string> = {
    ...options.env,
    MLOPS_SMOKE: options.smoke.smoke ? '1' : '0',
    MLOPS_SAMPLE_FRACTION: String(options.smoke.smoke ? options.smoke.sampleFraction : 1),
    MLOPS_SEED: String(planned.seed),
    MLOPS_OUTPUT_DIR: options.outputDir.path,
  };
  if (options.smoke.smoke && options.smoke.maxSteps !== undefined) env.MLOPS_MAX_STEPS = String(options.smoke.maxSteps);
  else delete env.MLOPS_MAX_STEPS;

  const matcher = options.lossRegex ? new StdoutMetricMatcher(options.lossRegex, 'loss-regex') : undefined;
  let partial = '';
  let lineNumber = 0;
  const feed = (text: string) => {
    if (!matcher) return;
    const parts = (partial + text).split('\n');
    partial = parts.pop()!;
    for (const line of parts) matcher.addLine(line.replace(/\r$/, ''), ++lineNumber);
  };

  logger.startGroup(`train-check${total > 1 ? ` run ${index + 1}/${total}` : ''}: ${options.commandText} (${options.smoke.smoke ? 'smoke, ' : ''}MLOPS_SEED=${planned.seed})`);
  const runStart = Date.now();
  let result: CommandResult;
  try {
    result = await (options.runCommand ?? runMeasured)({
      argv: options.argv,
      cwd: options.cwd,
      env,
      timeoutMs: options.timeoutMs,
      maxMemoryBytes: options.maxMemoryBytes,
      signal: options.signal,
      onOutput: (text, stream) => {
        logger.output(text);
        if (stream === 'stdout') feed(text);
      },
    });
  } finally {
    logger.endGroup();
  }
  if (matcher && partial !== '') matcher.addLine(partial.replace(/\r$/, ''), ++lineNumber);

  const finished = result.exitCode === 0 && !result.stoppedBy;
  let metrics: Record<string, number> = {};
  let series = new Map<string, LoggedPoint[]>();
  let seriesSource: RunRecord['seriesSource'] = 'none';
  if (finished) {
    const stepLog = await readIfFresh(options.stepLog, runStart, 'step log');
    if (stepLog !== undefined) {
      series = parseStepLog(stepLog, options.stepLog.display).series;
      seriesSource = 'step-log';
    }
    if (matcher && matcher.series.size > 0) {
      for (const [name, points] of matcher.series) if (!series.has(name)) series.set(name, points);
      if (seriesSource === 'none') seriesSource = 'stdout';
    }
    for (const [name, points] of series) {
      const lastPoint = points.at(-1);
      if (lastPoint && name !== 'step' && name !== 'epoch' && name !== 'iteration') metrics[name] = lastPoint.value;
    }
    if ((await readIfFresh(options.metricsFile, runStart, 'metrics file')) !== undefined) {
      metrics = { ...metrics, ...(await readMetricsFile(options.metricsFile.path, options.metricsFile.display)) };
    }
  }
  const files = finished ? await hashProducedFiles(options) : new Map<string, string>();
  return { label: planned.label, seed: planned.seed, result, metrics, series, seriesSource, files };
}

/**
 * A produced file's text, when this run wrote it. Missing: an error when the user named the file,
 * nothing when it was only the default place. Older than the run: an error (it would be the
 * previous run's numbers).
 */
async function readIfFresh(file: ProducedFile, runStart: number, what: string): Promise<string | undefined> {
  const info = await stat(file.path).catch(() => undefined);
  if (!info) {
    if (!file.explicit) return undefined;
    throw new ConfigurationError(`the command finished but wrote no ${what}`, {
      file: file.display,
      hint: `Write it from the training script (the contract: $MLOPS_OUTPUT_DIR is the output folder), or fix the ${what === 'step log' ? 'step-log' : 'metrics-file'} input; paths are relative to working-directory.`,
    });
  }
  // File systems keep mtimes to a second or better; allow for a coarse one.
  if (info.mtimeMs < runStart - 2000) {
    throw new ConfigurationError(`the ${what} was not written by this run (last modified ${new Date(info.mtimeMs).toISOString()})`, {
      file: file.display,
      hint: 'It is left from an earlier run: make the training script write it on every run, or point the input at the file it writes.',
    });
  }
  return readFile(file.path, 'utf8');
}

function judgeProcess(result: CommandResult, options: TrainCheckOptions, findings: FindingCollector, where: string): void {
  const minutes = (ms: number) => `${Number((ms / 60_000).toPrecision(3))} min`;
  if (result.stoppedBy === 'timeout') {
    findings.add({ severity: 'error', rule: 'timeout', message: `The command did not finish within timeout-minutes (${minutes(options.timeoutMs!)}); it was stopped with its child processes${where}.` });
  } else if (result.stoppedBy === 'memory') {
    findings.add({
      severity: 'error',
      rule: 'memory-budget',
      message: `The command's processes used ${mib(result.peakMemoryBytes)} MiB, over max-memory-mb (${mib(options.maxMemoryBytes!)} MiB); it was stopped${where}.`,
    });
  } else if (result.stoppedBy === 'cancel') {
    findings.add({ severity: 'error', rule: 'cancelled', message: `The run was cancelled; the command was stopped with its child processes${where}.` });
  } else if (result.exitCode !== 0) {
    findings.add({
      severity: 'error',
      rule: 'exit-code',
      message:
        result.exitCode === null
          ? `The command was killed by ${result.signal}${result.signal === 'SIGKILL' ? ' (out of memory?)' : ''}${where}.`
          : `The command exited with code ${result.exitCode}${where}; the last lines of its output are in the summary.`,
    });
  }
  if (!result.stoppedBy) {
    if (options.maxDurationMs !== undefined && result.wallMs > options.maxDurationMs) {
      findings.add({ severity: 'error', rule: 'time-budget', message: `The command took ${minutes(result.wallMs)}, over max-duration-minutes (${minutes(options.maxDurationMs)})${where}.` });
    }
    if (options.maxMemoryBytes !== undefined && result.peakMemoryBytes > options.maxMemoryBytes) {
      findings.add({ severity: 'error', rule: 'memory-budget', message: `Peak memory ${mib(result.peakMemoryBytes)} MiB is over max-memory-mb (${mib(options.maxMemoryBytes)} MiB)${where}.` });
    }
  }
  if (result.leftover > 0) {
    findings.add({
      severity: 'warning',
      rule: 'leftover-processes',
      message: `The command left ${result.leftover} process${result.leftover === 1 ? '' : 'es'} running after it exited; ${result.leftover === 1 ? 'it was' : 'they were'} stopped${where}. Wait for child processes (e.g. join data-loader workers) before exiting.`,
    });
  }
}

function judgeLoss(run: RunRecord, options: TrainCheckOptions, findings: FindingCollector): TrainCheckDetails['loss'] {
  const file = run.seriesSource === 'step-log' ? options.stepLog.display : undefined;
  for (const [name, points] of run.series) {
    const bad = firstNonFinite(points);
    if (!bad) continue;
    findings.add({
      severity: 'error',
      rule: 'finite',
      subject: name,
      file,
      line: file ? bad.point.line : undefined,
      value: String(bad.point.value),
      message: `${name} is ${bad.point.value} at step ${bad.point.step}${bad.count > 1 ? ` (${bad.count} values are not finite)` : ''}${file ? '' : ` (output line ${bad.point.line})`}: training diverged or divided by zero. Lower the learning rate, clip gradients, or check the data for NaN.`,
    });
  }
  const points = run.series.get(options.lossMetric);
  if (!points) {
    const source = run.seriesSource === 'none' ? 'the run logged no metric per step' : `${options.lossMetric} is not among the logged series (${[...run.series.keys()].join(', ')})`;
    findings.add({
      severity: run.seriesSource === 'none' ? 'notice' : 'warning',
      rule: 'loss-missing',
      subject: options.lossMetric,
      message: `No loss curve to check: ${source}. Write ${options.stepLog.display} (one JSON object per step) or set loss-regex, and loss-metric.`,
    });
    return undefined;
  }
  const trend = lossTrend(points, options.lossWindow);
  if (!trend) {
    findings.add({ severity: 'warning', rule: 'loss-decrease', subject: options.lossMetric, message: `${options.lossMetric} has fewer than two finite values: whether it fell cannot be told.` });
    return undefined;
  }
  const pct = (x: number) => `${Number((x * 100).toPrecision(3))} %`;
  if (!(trend.decrease > 0) || trend.decrease < options.minLossDecrease) {
    const what = trend.window > 1 ? `mean of the first ${trend.window} ${fmt(trend.start)} → last ${trend.window} ${fmt(trend.end)}` : `${fmt(trend.start)} → ${fmt(trend.end)}`;
    findings.add({
      severity: 'error',
      rule: 'loss-decrease',
      subject: options.lossMetric,
      file,
      value: fmt(trend.end),
      message: `${options.lossMetric} did not fall enough: ${what} (${trend.decrease > 0 ? 'down' : 'change'} ${pct(trend.decrease > 0 ? trend.decrease : -trend.decrease)}${trend.decrease > 0 ? '' : ' up or flat'}), at least ${pct(options.minLossDecrease)} needed (min-loss-decrease). Check the learning rate, the labels and that the optimizer steps.`,
    });
  }
  return { metric: options.lossMetric, ...trend };
}

async function judgeOutputs(options: TrainCheckOptions, findings: FindingCollector): Promise<void> {
  for (const pattern of options.outputs) {
    const matched = await options.expandOutput(pattern);
    if (matched.length === 0) {
      findings.add({ severity: 'error', rule: 'output-missing', subject: pattern, message: `Expected output ${pattern} was not written by the command (relative to the working directory).` });
      continue;
    }
    for (const file of matched) {
      const info = await stat(file);
      const empty = info.isDirectory() ? (await readdir(file)).length === 0 : info.size === 0;
      if (empty) findings.add({ severity: 'error', rule: 'output-empty', subject: pattern, file: options.display(file), message: `Output ${options.display(file)} is empty${info.isDirectory() ? ' (a folder with no files)' : ' (0 bytes)'}.` });
    }
  }
}

function judgeExpectations(metrics: Record<string, number>, options: TrainCheckOptions, findings: FindingCollector): void {
  for (const e of options.expectations) {
    const value = metrics[e.metric];
    if (value === undefined) {
      const known = Object.keys(metrics);
      findings.add({
        severity: 'error',
        rule: 'metric-missing',
        subject: e.metric,
        message: `Metric ${e.metric} (${options.expectationsInput}, line ${e.line}) was not reported; ${known.length > 0 ? `the run reported ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}` : 'the run reported no metric'}.`,
      });
    } else if (e.op !== undefined && e.value !== undefined && !compare(value, e.op, e.value)) {
      findings.add({ severity: 'error', rule: 'metric-bound', subject: e.metric, value: fmt(value), message: `${e.metric} is ${fmt(value)}, expected ${e.op} ${fmt(e.value)} (${options.expectationsInput}, line ${e.line}).` });
    }
  }
}

function compareRepeats(runs: RunRecord[], options: TrainCheckOptions, findings: FindingCollector): TrainCheckDetails['reproducibility'] {
  const primary = runs.filter((r) => r.seed === options.seeds[0]);
  if (options.repeat < 2 || primary.length < 2) return undefined;
  const [a, b] = [primary[0]!, primary[1]!];
  const differences: Array<{ item: string; first: string; second: string }> = [];
  for (const name of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
    const x = a.metrics[name];
    const y = b.metrics[name];
    if (x === undefined || y === undefined || !withinTolerance(x, y, options.repeatTolerance)) {
      differences.push({ item: `metric ${name}`, first: x === undefined ? 'missing' : fmt(x, 10), second: y === undefined ? 'missing' : fmt(y, 10) });
    }
  }
  for (const name of new Set([...a.files.keys(), ...b.files.keys()])) {
    const x = a.files.get(name);
    const y = b.files.get(name);
    if (x !== y) differences.push({ item: `file ${name}`, first: x ? `sha256 ${x.slice(0, 12)}` : 'missing', second: y ? `sha256 ${y.slice(0, 12)}` : 'missing' });
  }
  for (const d of differences) {
    findings.add({
      severity: 'error',
      rule: 'reproducible',
      subject: d.item,
      message: `Not reproducible with MLOPS_SEED=${a.seed}: ${d.item} differs between two runs (${d.first} vs ${d.second}). Seed every source of randomness (random, numpy, the framework, data shuffling) from MLOPS_SEED${d.item.startsWith('file') ? ', and keep timestamps out of saved files' : ''}.`,
    });
  }
  return { runs: primary.length, identical: differences.length === 0, differences };
}

function measureVariance(runs: RunRecord[], seeds: number[]): TrainingVariance | undefined {
  if (seeds.length < 2) return undefined;
  const bySeed = new Map<number, Record<string, number>>();
  for (const r of runs) if (!bySeed.has(r.seed)) bySeed.set(r.seed, r.metrics);
  const names = new Set<string>();
  for (const m of bySeed.values()) for (const k of Object.keys(m)) names.add(k);
  const metrics: Record<string, SeedSpread> = {};
  for (const name of [...names].sort()) {
    const values = seeds.map((s) => bySeed.get(s)?.[name]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (values.length === seeds.length) metrics[name] = seedSpread(values);
  }
  return { kind: 'mlops-actions/training-variance', version: 1, seeds, metrics };
}

/** sha256 of every file the run produced: the expected outputs and the output folder, less the logs. */
async function hashProducedFiles(options: TrainCheckOptions): Promise<Map<string, string>> {
  const skip = new Set([options.metricsFile.path, options.stepLog.path]);
  const roots = new Set<string>([options.outputDir.path]);
  for (const pattern of options.outputs) for (const m of await options.expandOutput(pattern)) roots.add(m);
  const files = new Set<string>();
  for (const root of roots) for (const f of await listFiles(root)) if (!skip.has(f)) files.add(f);
  const out = new Map<string, string>();
  for (const f of [...files].sort()) out.set(options.display(f), (await sha256File(f)).sha256);
  return out;
}

async function listFiles(root: string): Promise<string[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [root];
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}


function runsTable(runs: RunRecord[], options: TrainCheckOptions): Table {
  return {
    title: 'Runs',
    columns: ['run', 'MLOPS_SEED', 'exit', 'wall time (s)', 'CPU time (s)', 'peak memory (MiB)', 'processes'],
    rows: runs.map((r) => [
      r.label,
      r.seed,
      r.result.stoppedBy ? `stopped (${r.result.stoppedBy})` : r.result.exitCode === null ? `signal ${r.result.signal}` : r.result.exitCode,
      round(r.result.wallMs / 1000),
      round(r.result.cpuMs / 1000),
      round(r.result.peakMemoryBytes / MiB),
      r.result.processesSeen,
    ]),
    note: `Command: ${options.commandText}. ${options.smoke.smoke ? `Smoke mode: MLOPS_SMOKE=1, MLOPS_SAMPLE_FRACTION=${options.smoke.sampleFraction}${options.smoke.maxSteps !== undefined ? `, MLOPS_MAX_STEPS=${options.smoke.maxSteps}` : ''}.` : 'Full run: MLOPS_SMOKE=0.'} Memory is the resident memory of the whole process tree, sampled, and each process's own high-water mark.`,
  };
}

function budgetsTable(runs: RunRecord[], options: TrainCheckOptions): Table {
  const wall = Math.max(0, ...runs.map((r) => r.result.wallMs));
  const memory = Math.max(0, ...runs.map((r) => r.result.peakMemoryBytes));
  const status = (used: number, allowed: number | undefined): Cell => (allowed === undefined ? '—' : used <= allowed ? '✅ within' : '❌ over');
  const rows: Cell[][] = [
    ['wall time (s)', round(wall / 1000), options.maxDurationMs === undefined ? null : round(options.maxDurationMs / 1000), status(wall, options.maxDurationMs)],
    ['peak memory (MiB)', round(memory / MiB), options.maxMemoryBytes === undefined ? null : round(options.maxMemoryBytes / MiB), status(memory, options.maxMemoryBytes)],
  ];
  if (options.timeoutMs !== undefined) rows.push(['timeout (s)', round(wall / 1000), round(options.timeoutMs / 1000), runs.some((r) => r.result.stoppedBy === 'timeout') ? '❌ stopped' : '✅ within']);
  return { title: 'Budgets', columns: ['resource', runs.length > 1 ? 'used (largest run)' : 'used', 'allowed', 'status'], rows };
}

function metricsTable(metrics: Record<string, number>, expectations: MetricExpectation[]): Table | undefined {
  const names = Object.keys(metrics);
  const expected = new Map(expectations.map((e) => [e.metric, e]));
  for (const e of expectations) if (!(e.metric in metrics)) names.push(e.metric);
  if (names.length === 0) return undefined;
  const rows: Cell[][] = names.slice(0, 200).map((name) => {
    const e = expected.get(name);
    const value = metrics[name];
    const rule = e ? (e.op ? `${e.op} ${fmt(e.value!)}` : 'present') : '';
    const ok = value === undefined ? '❌ missing' : e?.op && e.value !== undefined ? (compare(value, e.op, e.value) ? '✅' : '❌') : e ? '✅' : '';
    return [name, value === undefined ? null : fmt(value, 6), rule, ok];
  });
  return { title: 'Metrics', columns: ['metric', 'value', 'expected', ''], rows, note: names.length > 200 ? `${names.length - 200} more in the JSON report.` : undefined };
}

function reproducibilityTable(runs: RunRecord[], options: TrainCheckOptions): Table {
  const primary = runs.filter((r) => r.seed === options.seeds[0]);
  const [a, b] = [primary[0]!, primary[1]!];
  const rows: Cell[][] = [];
  for (const name of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
    const x = a.metrics[name];
    const y = b.metrics[name];
    const same = x !== undefined && y !== undefined && withinTolerance(x, y, options.repeatTolerance);
    rows.push([`metric ${name}`, x === undefined ? null : fmt(x, 10), y === undefined ? null : fmt(y, 10), same ? '✅ same' : '❌ differs']);
  }
  for (const name of new Set([...a.files.keys(), ...b.files.keys()])) {
    const x = a.files.get(name);
    const y = b.files.get(name);
    rows.push([`file ${name}`, x ? x.slice(0, 12) : null, y ? y.slice(0, 12) : null, x === y ? '✅ same' : '❌ differs']);
  }
  return {
    title: 'Reproducibility',
    columns: ['item', 'run 1', 'run 2', ''],
    rows,
    note: `Two runs with MLOPS_SEED=${a.seed}: metrics equal within a relative tolerance of ${options.repeatTolerance}, files byte for byte (sha256).`,
  };
}

function varianceTable(variance: TrainingVariance): Table {
  return {
    title: 'Variance across seeds',
    columns: ['metric', 'mean', 'std', 'min', 'max', ...variance.seeds.map((s) => `seed ${s}`)],
    rows: Object.entries(variance.metrics).map(([name, s]) => [name, fmt(s.mean, 6), fmt(s.std, 4), fmt(s.min, 6), fmt(s.max, 6), ...s.values.map((v) => fmt(v, 6))]),
    note: 'std is the sample standard deviation over seeds: the noise of training itself. Give the variance file to evaluate-metrics-gate as training-noise.',
  };
}

function headline(
  verdict: string,
  runs: RunRecord[],
  findings: FindingCollector,
  seconds: number,
  memoryMb: number,
  loss: TrainCheckDetails['loss'],
  cancelled: boolean,
): string {
  if (cancelled) return 'Cancelled: the training command was stopped with its child processes.';
  const what = `${runs.length} run${runs.length === 1 ? '' : 's'} in ${round(seconds)} s, peak memory ${round(memoryMb)} MiB`;
  const lossText = loss ? `; ${loss.metric} ${fmt(loss.start)} → ${fmt(loss.end)}` : '';
  if (verdict === 'pass') return `Training ran and passed every check: ${what}${lossText}.`;
  const first = findings.kept.find((f: Finding) => f.severity === 'error');
  return `${findings.counts.error} check${findings.counts.error === 1 ? '' : 's'} failed${first ? ` (first: ${first.rule})` : ''}: ${what}${lossText}.`;
}

function mib(bytes: number): number {
  return Math.round(bytes / MiB);
}

function round(x: number): number {
  return Number(x.toFixed(x >= 100 ? 0 : 2));
}

function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(digits)));
}
