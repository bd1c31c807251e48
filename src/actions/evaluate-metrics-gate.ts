import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { DataFormat, ReadOptions } from '../data/batch.js';
import { evaluateMetricsGate, type EvaluationDetails, type Side, type StoredEvaluation } from '../eval/compare.js';
import { gatesSchema } from '../eval/gates.js';
import type { Task } from '../eval/metrics.js';
import { readMetricsFile } from '../eval/metrics-file.js';
import { readTrainingNoise } from '../eval/training-noise.js';
import { DEFAULT_COLUMNS, loadPredictions, type LoadedPredictions, type PredictionColumnNames } from '../eval/predictions.js';
import type { ActionContext, ActionDefinition, ActionOutcome } from '../platform/action.js';
import { loadConfigFile } from '../platform/config-file.js';
import { ConfigurationError } from '../platform/errors.js';
import { booleanInput, choiceInput, numberInput } from '../platform/inputs.js';
import { reportingInputs } from '../platform/reporting.js';
import { lineDiff } from '../platform/text-diff.js';

export const evaluateMetricsGateInputs = z.object({
  gates: z.string().describe('The gates file (YAML or JSON, `version: 1`): the metrics, their bounds and allowed changes.'),
  predictions: z.string().optional().describe("The candidate's predictions on the eval set (CSV, JSONL or Parquet): metrics and intervals are computed from them."),
  metrics: z.string().optional().describe("Or the candidate's metrics (JSON, YAML or CSV; nested keys joined with dots): point values, no intervals."),
  baseline: z
    .string()
    .optional()
    .describe(
      "What the candidate must not be worse than: a predictions file of the baseline model on the same eval set (paired), a metrics file, a report of an earlier run (.json), or a branch name: the newest report this action saved there (save-history).",
    ),
  task: choiceInput('task', ['auto', 'binary', 'multiclass', 'regression'] as const).prefault('auto').describe('auto: binary for 0/1 labels, multiclass for other labels, regression for non-integer targets.'),
  threshold: numberInput('threshold', { min: 0, max: 1, integer: false, what: 'a number between 0 and 1' }).prefault('0.5').describe('Binary: a score at or above this is a positive prediction (when there is no y_pred column).'),
  'label-column': z.string().prefault(DEFAULT_COLUMNS.label).describe('Column of the true labels (or regression targets).'),
  'score-column': z.string().prefault(DEFAULT_COLUMNS.score).describe('Column of the score of the positive class (binary).'),
  'prediction-column': z.string().prefault(DEFAULT_COLUMNS.prediction).describe('Column of the predicted labels (or values).'),
  'weight-column': z.string().prefault(DEFAULT_COLUMNS.weight).describe('Column of example weights, used when present.'),
  'id-column': z.string().optional().describe('Column of example ids: part of the eval-set fingerprint, so candidate and baseline must list the same examples in the same order.'),
  format: choiceInput('format', ['auto', 'csv', 'jsonl', 'parquet'] as const).prefault('auto').describe('Predictions format; auto goes by the file extension.'),
  resamples: numberInput('resamples', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' }).prefault('1000').describe('Bootstrap resamples for the intervals.'),
  seed: numberInput('seed', { min: 0, max: 2 ** 32 - 1, integer: true, what: 'a whole number from 0 to 4294967295' }).prefault('0').describe('Seed of the bootstrap; keep it fixed so a branch baseline pairs with this run.'),
  'allow-different-data': booleanInput('allow-different-data').prefault('false').describe('Compare with a baseline evaluated on other data (with a warning, unpaired) instead of refusing.'),
  'training-noise': z
    .string()
    .optional()
    .describe("train-check's variance across seeds (variance-path): each metric's seed std is added to its interval, so training noise alone does not fail or pass a gate."),
  'save-history': booleanInput('save-history').prefault('false').describe("Save this run's report to the Actions cache, for `baseline: <this branch>` in later runs (set it on the main branch)."),
  ...reportingInputs('evaluate-metrics-gate', 'verdict'),
});
export type EvaluateMetricsGateInputs = z.output<typeof evaluateMetricsGateInputs>;

export const evaluateMetricsGateAction: ActionDefinition<typeof evaluateMetricsGateInputs> = {
  name: 'evaluate-metrics-gate',
  inputs: evaluateMetricsGateInputs,
  async run(inputs: EvaluateMetricsGateInputs, context: ActionContext): Promise<ActionOutcome> {
    const { workspace, logger } = context;
    const startedAt = new Date();
    const gatesPath = workspace.resolve(inputs.gates);
    const gatesFile = workspace.display(gatesPath);
    const gates = await loadConfigFile(gatesPath, gatesFile, gatesSchema, 'gates file');
    if (!inputs.predictions === !inputs.metrics) {
      throw new ConfigurationError(inputs.predictions ? 'give either predictions or metrics, not both' : 'input predictions or metrics is required', {
        hint: 'predictions: the model’s outputs on the eval set (for intervals); metrics: a file of metric values (point values only).',
      });
    }
    const read: ReadOptions = { format: inputs.format === 'auto' ? undefined : (inputs.format as DataFormat) };
    const names: PredictionColumnNames = {
      label: inputs['label-column'],
      score: inputs['score-column'],
      prediction: inputs['prediction-column'],
      weight: inputs['weight-column'],
      id: inputs['id-column'],
      slices: gates.value.slices?.columns,
    };

    let task: Task = inputs.task === 'auto' ? 'binary' : inputs.task;
    let candidate: Side & { kind: 'predictions' | 'metrics' };
    if (inputs.predictions) {
      const file = await single(context, inputs.predictions, 'predictions');
      const loaded = await loadWithTask(file, names, read, inputs.task);
      task = loaded.task;
      candidate = { kind: 'predictions', name: file.displayName, data: loaded.data };
      logger.info(`Read ${loaded.data.rows.toLocaleString('en-US')} predictions from ${file.displayName} (task: ${task}).`);
    } else {
      const file = await single(context, inputs.metrics!, 'metrics');
      candidate = { kind: 'metrics', name: file.displayName, values: await readMetricsFile(file.path, file.displayName) };
    }

    let baseline: Side | undefined;
    let noBaselineReason: string | undefined;
    if (inputs.baseline) {
      const resolved = await resolveBaseline(inputs.baseline.trim(), context, { ...names, slices: undefined }, read, task);
      baseline = resolved.side;
      noBaselineReason = resolved.reason;
    }

    const gatesDiff = await changedGates(context, inputs.gates, gatesPath);
    const trainingNoise = inputs['training-noise'] ? await single(context, inputs['training-noise'], 'training-noise').then((f) => readTrainingNoise(f.path, f.displayName)) : undefined;
    const { report, details } = await evaluateMetricsGate({
      gates: gates.value,
      gatesFile,
      gatesLineOf: gates.lineOf,
      candidate,
      baseline,
      noBaselineReason,
      task,
      threshold: inputs.threshold,
      resamples: inputs.resamples,
      seed: inputs.seed,
      allowDifferentData: inputs['allow-different-data'],
      workerEntry: context.workerEntry,
      startedAt,
      gatesDiff,
      trainingNoise,
    });
    return {
      report,
      outputs: {
        'failed-gates': JSON.stringify(details.failedGates),
        comparison: JSON.stringify(comparisonOutput(details)),
      },
    };
  },
};

async function single(context: ActionContext, pattern: string, input: string): Promise<{ path: string; displayName: string }> {
  const files = await context.workspace.expand(pattern, input);
  if (files.length !== 1) {
    throw new ConfigurationError(`${input}: ${files.length} files match ${pattern}; one is needed`, { hint: 'Name a single file.' });
  }
  return files[0]!;
}

/**
 * Reads predictions; with task auto, labels that are all 0/1 make it binary, other whole-number or
 * text labels multiclass, and other numbers regression.
 */
async function loadWithTask(
  file: { path: string; displayName: string },
  names: PredictionColumnNames,
  read: ReadOptions,
  task: EvaluateMetricsGateInputs['task'],
): Promise<{ task: Task; data: LoadedPredictions }> {
  if (task === 'multiclass') return { task, data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
  if (task !== 'auto') return { task, data: await loadPredictions(file, names, read, { labelsNumeric: true }) };
  let data: LoadedPredictions;
  try {
    data = await loadPredictions(file, names, read, { labelsNumeric: true });
  } catch (error) {
    // Text labels: a classification with named classes.
    if (error instanceof ConfigurationError && error.message.startsWith(`${names.label}:`)) return { task: 'multiclass', data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
    throw error;
  }
  let binary = true;
  let integers = true;
  for (const y of data.yTrue) {
    if (y !== 0 && y !== 1) binary = false;
    if (!Number.isInteger(y)) integers = false;
  }
  if (binary) return { task: 'binary', data };
  if (integers && !data.yScore) return { task: 'multiclass', data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
  return { task: 'regression', data };
}

async function resolveBaseline(
  value: string,
  context: ActionContext,
  names: PredictionColumnNames,
  read: ReadOptions,
  task: Task,
): Promise<{ side?: Side; reason?: string }> {
  const { workspace } = context;
  const absolute = workspace.resolve(value);
  const isFile = await stat(absolute).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) {
    if (/[/\\]|\.(json|ya?ml|csv|tsv|jsonl|ndjson|parquet)$/i.test(value)) {
      throw new ConfigurationError(`baseline: file not found: ${value}`, { hint: 'A path is relative to the workspace; a branch name has no extension.' });
    }
    if (!context.restoreHistory) return { reason: `a branch baseline (${value}) needs the Actions cache, which only a workflow run has` };
    const saved = await context.restoreHistory(value);
    const evaluation = saved?.report.details.evaluation as StoredEvaluation | undefined;
    if (!saved || !evaluation) return { reason: `no saved report of ${value} yet: run this action there with save-history: true` };
    return { side: { kind: 'stored', name: `${value} (newest saved run)`, evaluation } };
  }
  const file = { path: absolute, displayName: workspace.display(absolute) };
  if (/\.json$/i.test(value)) {
    // A report of an earlier run keeps its evaluation; any other JSON is a metrics file.
    const text = await readFile(absolute, 'utf8');
    const parsed = safeJson(text) as { action?: unknown; details?: { evaluation?: StoredEvaluation } } | undefined;
    if (parsed?.action === 'evaluate-metrics-gate' && parsed.details?.evaluation) return { side: { kind: 'stored', name: file.displayName, evaluation: parsed.details.evaluation } };
    return { side: { kind: 'metrics', name: file.displayName, values: await readMetricsFile(absolute, file.displayName) } };
  }
  if (/\.ya?ml$/i.test(value)) return { side: { kind: 'metrics', name: file.displayName, values: await readMetricsFile(absolute, file.displayName) } };
  if (/\.csv$/i.test(value)) {
    const head = (await readFile(absolute, 'utf8')).split(/\r?\n/, 1)[0] ?? '';
    if (!head.split(',').some((c) => c.trim().replace(/^"|"$/g, '') === names.label)) {
      return { side: { kind: 'metrics', name: file.displayName, values: await readMetricsFile(absolute, file.displayName) } };
    }
  }
  const data = await loadPredictions(file, names, read, { labelsNumeric: task !== 'multiclass' });
  return { side: { kind: 'predictions', name: file.displayName, data } };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The gates file's diff against the pull request's base branch, when it changed. */
async function changedGates(context: ActionContext, relative: string, absolute: string): Promise<string[] | undefined> {
  if (!context.readFileAtBase) return undefined;
  const before = await context.readFileAtBase(context.workspace.display(absolute));
  const now = await readFile(absolute, 'utf8');
  if (before === undefined) return [`+(new in this pull request: ${relative})`];
  if (before === now) return undefined;
  return lineDiff(before, now);
}

function comparisonOutput(details: EvaluationDetails): Record<string, unknown> {
  return Object.fromEntries(
    details.comparison.map((c) => [
      c.metric,
      {
        candidate: c.candidate.estimate,
        candidateInterval: c.candidate.low === undefined ? undefined : [c.candidate.low, c.candidate.high],
        baseline: c.baseline?.estimate,
        delta: c.delta?.estimate,
        deltaInterval: c.delta?.low === undefined ? undefined : [c.delta.low, c.delta.high],
        verdict: c.status,
      },
    ]),
  );
}
