import { ConfigurationError } from '../platform/errors.js';
import { buildReport, FindingCollector, type Chart, type Finding, type Report, type Table } from '../platform/report.js';
import { normalQuantile } from '../stats/distributions.js';
import { BINARY_METRICS, bootstrapInterval, pairedBootstrap, poissonWeights, type Interval } from './bootstrap.js';
import { fmt, judgeMetric, overallVerdict, type Estimate, type GateResult, type Gates } from './gates.js';
import { availableMetrics, computeMetrics, METRIC_DIRECTION, type Predictions, type Task } from './metrics.js';
import { mcnemar } from './mcnemar.js';
import { compareLabels, type LoadedPredictions } from './predictions.js';

/**
 * The gate's engine: candidate and baseline metrics with intervals, the gates judged on them, and
 * the report. Pure apart from the worker threads of the bootstrap; everything GitHub-specific
 * (where the baseline comes from, the gates-file diff) is the action's.
 */

/** What a run keeps so a later run can use it as its baseline (report.details.evaluation). */
export interface StoredEvaluation {
  fingerprint?: string;
  rows?: number;
  task?: Task;
  seed: number;
  resamples: number;
  confidence: number;
  metrics: Record<string, Estimate & { se?: number }>;
  /** Per metric, the value in each bootstrap resample, for a paired difference in a later run on the same eval set. */
  replicates?: Record<string, number[]>;
}

export type Side =
  | { kind: 'predictions'; name: string; data: LoadedPredictions }
  | { kind: 'metrics'; name: string; values: Record<string, number> }
  | { kind: 'stored'; name: string; evaluation: StoredEvaluation };

export interface EvaluateOptions {
  gates: Gates;
  gatesFile: string;
  gatesLineOf?: (path: ReadonlyArray<string | number>) => number | undefined;
  candidate: Side & { kind: 'predictions' | 'metrics' };
  baseline?: Side;
  /** Why there is no baseline, when there is none (e.g. the branch has no saved report yet). */
  noBaselineReason?: string;
  task: Task;
  threshold: number;
  resamples: number;
  seed: number;
  allowDifferentData: boolean;
  workerEntry?: string;
  startedAt: Date;
  /** Lines of the gates file's diff against the base branch, when it changed in this pull request. */
  gatesDiff?: string[];
  /**
   * The standard deviation of each metric across training seeds (train-check's variance file): the
   * noise of training itself, added to the eval set's sampling noise before judging.
   */
  trainingNoise?: { source: string; std: Record<string, number> };
}

export interface MetricComparison {
  metric: string;
  direction: 'higher' | 'lower';
  candidate: Estimate & { se?: number };
  baseline?: Estimate & { se?: number };
  delta?: Estimate & { paired: boolean };
  status: 'pass' | 'fail' | 'inconclusive' | 'skipped';
}

export interface EvaluationDetails {
  task: Task;
  confidence: number;
  baseline?: { name: string; kind: Side['kind']; paired: boolean };
  comparison: MetricComparison[];
  gates: GateResult[];
  failedGates: string[];
  slices?: Array<{ column: string; value: string; size: number; gated: boolean; metrics: Record<string, number> }>;
  mcnemar?: { candidateOnlyCorrect: number; baselineOnlyCorrect: number; statistic: number; pValue: number };
  /** Metrics whose intervals were widened by training noise, with the std used. */
  trainingNoise?: { source: string; std: Record<string, number> };
  evaluation: StoredEvaluation;
}

export async function evaluateMetricsGate(options: EvaluateOptions): Promise<{ report: Report; details: EvaluationDetails }> {
  const { gates, candidate, task } = options;
  const findings = new FindingCollector();
  const gateLine = (metric: string) => options.gatesLineOf?.(['metrics', metric]);
  const names = Object.keys(gates.metrics);
  const sliceNames = Object.keys(gates.slices?.worst_slice ?? {});
  const wanted = [...new Set([...names, ...sliceNames])];
  const confidence = gates.confidence;

  // Which metrics the candidate can give.
  if (candidate.kind === 'predictions') {
    const can = availableMetrics(task, { yScore: candidate.data.yScore !== undefined, yPred: candidate.data.yPred !== undefined || task === 'binary' });
    for (const m of wanted) {
      if (!can.includes(m)) {
        throw new ConfigurationError(`the gates name metric "${m}", which ${task} predictions with ${describeColumns(candidate.data)} cannot give`, {
          file: options.gatesFile,
          line: gateLine(m) ?? options.gatesLineOf?.(['slices', 'worst_slice', m]),
          hint: `Metrics available here: ${can.join(', ')}.${m === 'roc_auc' || m === 'pr_auc' || m === 'log_loss' || m === 'brier' ? ' This one needs a score column (y_score).' : ''}`,
        });
      }
    }
    checkLabels(candidate.data, task);
  } else {
    for (const m of names) {
      if (candidate.values[m] === undefined) {
        throw new ConfigurationError(`the gates name metric "${m}", which the candidate metrics (${candidate.name}) do not have`, {
          file: options.gatesFile,
          line: gateLine(m),
          hint: `The file has: ${Object.keys(candidate.values).slice(0, 30).join(', ')}. Nested keys are joined with dots (test.roc_auc).`,
        });
      }
    }
  }

  // The baseline must be of the same eval set.
  const baseline = options.baseline;
  let paired = false;
  if (baseline && candidate.kind === 'predictions') {
    const theirs = baseline.kind === 'predictions' ? baseline.data.fingerprint : baseline.kind === 'stored' ? baseline.evaluation.fingerprint : undefined;
    if (theirs !== undefined && theirs !== candidate.data.fingerprint) {
      const theirRows = baseline.kind === 'predictions' ? baseline.data.rows : baseline.kind === 'stored' ? baseline.evaluation.rows : undefined;
      const sizes = theirRows !== undefined && theirRows !== candidate.data.rows ? ` (${theirRows.toLocaleString('en-US')} examples, the candidate's ${candidate.data.rows.toLocaleString('en-US')})` : '';
      const message = `the baseline (${baseline.name}) was evaluated on different data${sizes}: eval-set fingerprint ${short(theirs)}, the candidate's ${short(candidate.data.fingerprint)}`;
      if (!options.allowDifferentData) {
        throw new ConfigurationError(message, {
          hint: 'Evaluate both models on the same examples in the same order (same labels, weights and ids), or set allow-different-data: true to compare anyway without pairing.',
        });
      }
      findings.add({ severity: 'warning', rule: 'different-data', message: `${message}; compared without pairing, as allow-different-data is set` });
    } else if (baseline.kind === 'predictions') {
      paired = true;
      checkLabels(baseline.data, task);
      if (task === 'multiclass') alignLabels(candidate.data, baseline.data);
    } else if (baseline.kind === 'stored') {
      paired = theirs !== undefined && baseline.evaluation.seed === options.seed && baseline.evaluation.resamples === options.resamples && baseline.evaluation.replicates !== undefined;
    }
  }

  // Estimates with intervals.
  const cand: Record<string, Estimate & { se?: number }> = {};
  const base: Record<string, Estimate & { se?: number }> = {};
  const delta: Record<string, Estimate & { paired: boolean }> = {};
  let replicates: Record<string, number[]> | undefined;
  if (candidate.kind === 'predictions') {
    const result = await bootstrapAll(options, candidate.data, baseline?.kind === 'predictions' && paired ? baseline.data : undefined, wanted);
    replicates = result.replicates;
    for (const m of wanted) {
      cand[m] = result.candidate[m]!;
      if (result.baseline?.[m]) base[m] = result.baseline[m];
      if (result.delta?.[m]) delta[m] = { ...result.delta[m], paired: true };
    }
    if (baseline?.kind === 'predictions' && !paired) {
      const alone = await bootstrapAll(options, baseline.data, undefined, wanted);
      for (const m of wanted) base[m] = alone.candidate[m]!;
    }
  } else {
    for (const m of names) cand[m] = { estimate: candidate.values[m]! };
  }
  if (baseline?.kind === 'metrics') {
    for (const m of names) if (baseline.values[m] !== undefined) base[m] = { estimate: baseline.values[m] };
  } else if (baseline?.kind === 'stored') {
    for (const m of names) {
      const b = baseline.evaluation.metrics[m];
      if (b) base[m] = b;
      const theirs = baseline.evaluation.replicates?.[m];
      if (paired && theirs && replicates?.[m] && theirs.length === replicates[m].length) {
        const mine = replicates[m];
        const diffs = mine.map((x, i) => x - theirs[i]!);
        delta[m] = { ...bootstrapInterval(diffs, cand[m]!.estimate - b!.estimate, confidence), paired: true };
      }
    }
  }
  for (const m of names) {
    if (delta[m] || !base[m]) continue;
    delta[m] = unpairedDelta(cand[m]!, base[m], confidence);
  }
  if (baseline && candidate.kind === 'predictions' && !paired && baseline.kind !== 'metrics' && !findings.kept.some((f) => f.rule === 'different-data')) {
    findings.add({ severity: 'notice', rule: 'unpaired', message: `the baseline (${baseline.name}) has no per-resample values for this eval set and seed: its difference intervals assume independent samples, which makes them wider` });
  }
  if (!baseline) {
    findings.add({ severity: 'notice', rule: 'no-baseline', message: `no baseline${options.noBaselineReason ? ` (${options.noBaselineReason})` : ''}: only absolute gates (min, max) apply on this run` });
  }

  // Training noise: a retrained model moves by about its seed std even on the same data. Judge on
  // intervals that hold both noises (half-widths added in quadrature); a difference of two trained
  // models carries it twice (σ√2). The stored evaluation keeps the eval-set intervals alone.
  const judgedCand: Record<string, Estimate & { se?: number }> = { ...cand };
  const judgedDelta: Record<string, Estimate & { paired: boolean }> = { ...delta };
  const noiseUsed: Record<string, number> = {};
  if (options.trainingNoise) {
    const z = normalQuantile(1 - (1 - confidence) / 2);
    for (const m of names) {
      const sigma = options.trainingNoise.std[m];
      if (sigma === undefined || !(sigma > 0)) continue;
      noiseUsed[m] = sigma;
      judgedCand[m] = widen(cand[m]!, z * sigma);
      if (delta[m]) judgedDelta[m] = { ...widen(delta[m], z * sigma * Math.SQRT2), paired: delta[m].paired };
    }
    const used = Object.keys(noiseUsed);
    findings.add({
      severity: 'notice',
      rule: 'training-noise',
      message:
        used.length > 0
          ? `intervals of ${used.join(', ')} include the training noise measured across seeds in ${options.trainingNoise.source} (std ${used.map((m) => `${m} ${fmt(noiseUsed[m]!)}`).join(', ')})`
          : `${options.trainingNoise.source} has no seed std for the gated metrics (${names.join(', ')}): intervals are the eval set's alone`,
    });
  }

  // The gates.
  const examples = candidate.kind === 'predictions' ? candidate.data.rows : undefined;
  const results: GateResult[] = [];
  const comparison: MetricComparison[] = [];
  for (const m of names) {
    const gate = gates.metrics[m]!;
    const direction = gate.direction ?? METRIC_DIRECTION[m] ?? 'higher';
    const judged = judgeMetric(m, gate, { direction, candidate: judgedCand[m]!, baseline: base[m], delta: judgedDelta[m], examples });
    results.push(...judged);
    comparison.push({ metric: m, direction, candidate: judgedCand[m]!, baseline: base[m], delta: judgedDelta[m], status: overallStatus(judged) });
    for (const r of judged) {
      if (r.status === 'fail' || r.status === 'inconclusive') {
        findings.add({
          severity: r.status === 'fail' ? 'error' : 'warning',
          rule: r.status === 'fail' ? 'gate' : 'gate-inconclusive',
          subject: m,
          file: options.gatesFile,
          line: gateLine(m),
          message: `${m} ${r.gate}: ${r.status}: ${r.reason}`,
        });
      }
    }
  }

  // Slices (point values: a slice is small, and its interval would say mostly that).
  let slices: EvaluationDetails['slices'];
  if (gates.slices && candidate.kind === 'predictions') {
    slices = [];
    const data = candidate.data;
    const minSize = gates.slices.min_size;
    for (const column of gates.slices.columns) {
      const slice = data.slices[column]!;
      for (let v = 0; v < slice.values.length; v++) {
        const rows: number[] = [];
        for (let i = 0; i < slice.codes.length; i++) if (slice.codes[i] === v) rows.push(i);
        const gated = rows.length >= minSize;
        const metrics = safeMetrics(task, subset(data, rows), options.threshold, sliceNames.length > 0 ? sliceNames : wanted.filter((m) => !m.endsWith('_weighted')));
        slices.push({ column, value: slice.values[v]!, size: rows.length, gated, metrics });
      }
    }
    for (const [m, bound] of Object.entries(gates.slices.worst_slice)) {
      const direction = METRIC_DIRECTION[m] ?? 'higher';
      const gatedSlices = slices.filter((s) => s.gated && Number.isFinite(s.metrics[m]));
      if (gatedSlices.length === 0) continue;
      const worst = gatedSlices.reduce((a, b) => ((direction === 'higher' ? b.metrics[m]! < a.metrics[m]! : b.metrics[m]! > a.metrics[m]!) ? b : a));
      const value = worst.metrics[m]!;
      for (const [kind, threshold] of [['min', bound.min], ['max', bound.max]] as const) {
        if (threshold === undefined) continue;
        const ok = kind === 'min' ? value >= threshold : value <= threshold;
        const r: GateResult = {
          metric: m,
          gate: `worst_slice ${kind} ${threshold}`,
          status: ok ? 'pass' : 'fail',
          value: { estimate: value },
          threshold,
          reason: `the worst slice, ${worst.column} = ${worst.value} (${worst.size.toLocaleString('en-US')} examples), has ${fmt(value)}`,
        };
        results.push(r);
        if (!ok) {
          findings.add({ severity: 'error', rule: 'worst-slice', subject: m, file: options.gatesFile, line: options.gatesLineOf?.(['slices', 'worst_slice', m]), message: `${m} worst_slice ${kind} ${threshold}: fail: ${r.reason}` });
        }
      }
    }
  }

  // McNemar's test on accuracy, when both models' predicted labels are at hand on the same examples.
  let mcnemarResult: EvaluationDetails['mcnemar'];
  if (paired && candidate.kind === 'predictions' && baseline?.kind === 'predictions' && task !== 'regression') {
    const c = predictedLabels(candidate.data, options.threshold);
    const b = predictedLabels(baseline.data, options.threshold);
    if (c && b) mcnemarResult = mcnemar(candidate.data.yTrue, c, b);
  }

  const verdict = overallVerdict(results);
  const failedGates = results.filter((r) => r.status === 'fail').map((r) => `${r.metric} ${r.gate}`);
  const evaluation: StoredEvaluation = {
    fingerprint: candidate.kind === 'predictions' ? candidate.data.fingerprint : undefined,
    rows: examples,
    task,
    seed: options.seed,
    resamples: options.resamples,
    confidence,
    metrics: cand,
    replicates,
  };
  const details: EvaluationDetails = {
    task,
    confidence,
    trainingNoise: Object.keys(noiseUsed).length > 0 ? { source: options.trainingNoise!.source, std: noiseUsed } : undefined,
    baseline: baseline ? { name: baseline.name, kind: baseline.kind, paired } : undefined,
    comparison,
    gates: results,
    failedGates,
    slices,
    mcnemar: mcnemarResult,
    evaluation,
  };

  const tables: Table[] = [comparisonTable(comparison, baseline?.name, confidence, evaluation), gatesTable(results)];
  if (slices) tables.push(slicesTable(slices, gates.slices!.min_size));
  if (mcnemarResult) {
    tables.push({
      title: "McNemar's test on accuracy",
      columns: ['only the candidate right', 'only the baseline right', 'χ² (continuity-corrected)', 'p-value'],
      rows: [[mcnemarResult.candidateOnlyCorrect, mcnemarResult.baselineOnlyCorrect, Number(mcnemarResult.statistic.toPrecision(6)), Number(mcnemarResult.pValue.toPrecision(4))]],
      note: 'Counts of examples, unweighted. A small p-value says the two models disagree on accuracy beyond chance.',
    });
  }
  if (options.gatesDiff && options.gatesDiff.length > 0) {
    tables.push({
      title: `The gates file changed in this pull request (${options.gatesFile})`,
      columns: ['', 'line'],
      rows: options.gatesDiff.map((l) => [l.startsWith('+') ? '➕' : l.startsWith('-') ? '➖' : '', l.slice(1)]),
      note: 'Threshold edits are part of the review: this is the diff against the base branch.',
    });
  }
  const charts: Chart[] = [];
  const chart = deltaChart(comparison, confidence);
  if (chart) charts.push(chart);

  const counts = { pass: 0, fail: 0, inconclusive: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  const headline =
    `${verdict === 'pass' ? 'The candidate may replace the baseline' : verdict === 'fail' ? 'The candidate may not replace the baseline' : 'The eval set cannot tell yet'}: ` +
    `${counts.pass} gate${counts.pass === 1 ? '' : 's'} passed, ${counts.fail} failed, ${counts.inconclusive} inconclusive${counts.skipped ? `, ${counts.skipped} skipped` : ''}` +
    `${examples !== undefined ? ` on ${examples.toLocaleString('en-US')} examples` : ''}${baseline ? ` against ${baseline.name}` : ' (no baseline)'}.`;
  const report = buildReport({
    action: 'evaluate-metrics-gate',
    title: 'Model gate',
    verdict,
    headline,
    startedAt: options.startedAt,
    findings,
    tables,
    charts,
    details: details as unknown as Record<string, unknown>,
  });
  return { report, details };
}

async function bootstrapAll(
  options: EvaluateOptions,
  candidate: LoadedPredictions,
  baseline: LoadedPredictions | undefined,
  metrics: string[],
): Promise<{ candidate: Record<string, Interval>; baseline?: Record<string, Interval>; delta?: Record<string, Interval>; replicates: Record<string, number[]> }> {
  const confidence = options.gates.confidence;
  const out = {
    candidate: {} as Record<string, Interval>,
    baseline: baseline ? ({} as Record<string, Interval>) : undefined,
    delta: baseline ? ({} as Record<string, Interval>) : undefined,
    replicates: {} as Record<string, number[]>,
  };
  // Replicates are kept in the report for a later run to pair with: 12 digits are plenty.
  const keep = (values: ArrayLike<number>) => Array.from(values, (x) => Number(x.toPrecision(12)));
  // Binary metrics come from the fused engine; the rest (averaged label metrics, other tasks) through computeMetrics per resample.
  const fused = options.task === 'binary' ? metrics.filter((m) => (BINARY_METRICS as readonly string[]).includes(m)) : [];
  const generic = metrics.filter((m) => !fused.includes(m));
  if (fused.length > 0) {
    const result = await pairedBootstrap(
      {
        yTrue: candidate.yTrue,
        weight: candidate.weight,
        candidate: { yScore: candidate.yScore, yPred: candidate.yPred },
        baseline: baseline ? { yScore: baseline.yScore, yPred: baseline.yPred } : undefined,
        threshold: options.threshold,
      },
      { metrics: fused, resamples: options.resamples, confidence, seed: options.seed, workerEntry: options.workerEntry },
    );
    for (const m of fused) {
      const r = result.metrics[m]!;
      out.candidate[m] = r.candidate;
      if (out.baseline && r.baseline) out.baseline[m] = r.baseline;
      if (out.delta && r.delta) out.delta[m] = r.delta;
      out.replicates[m] = keep(result.replicates[m]!.candidate);
    }
  }
  if (generic.length === 0) return out;
  const n = candidate.rows;
  const c: Record<string, number[]> = Object.fromEntries(generic.map((m) => [m, []]));
  const b: Record<string, number[]> = Object.fromEntries(generic.map((m) => [m, []]));
  const weight = new Float64Array(n);
  const metricOptions = { threshold: options.threshold, classes: classCount(candidate, baseline) };
  for (let r = 0; r < options.resamples; r++) {
    const w = poissonWeights(options.seed, r, n);
    for (let i = 0; i < n; i++) weight[i] = w[i]! * (candidate.weight ? candidate.weight[i]! : 1);
    const cm = computeMetrics(options.task, { ...asPredictions(candidate), weight }, metricOptions, generic);
    for (const m of generic) c[m]!.push(cm[m]!);
    if (baseline) {
      const bm = computeMetrics(options.task, { ...asPredictions(baseline), weight }, metricOptions, generic);
      for (const m of generic) b[m]!.push(bm[m]!);
    }
  }
  const ce = computeMetrics(options.task, asPredictions(candidate), metricOptions, generic);
  const be = baseline ? computeMetrics(options.task, asPredictions(baseline), metricOptions, generic) : undefined;
  for (const m of generic) {
    out.candidate[m] = bootstrapInterval(c[m]!, ce[m]!, confidence);
    out.replicates[m] = keep(c[m]!);
    if (be && out.baseline && out.delta) {
      out.baseline[m] = bootstrapInterval(b[m]!, be[m]!, confidence);
      out.delta[m] = bootstrapInterval(
        c[m]!.map((x, i) => x - b[m]![i]!),
        ce[m]! - be[m]!,
        confidence,
      );
    }
  }
  return out;
}

/** Multiclass: the classes of both models' labels, so every resample averages over the same ones. */
function classCount(candidate: LoadedPredictions, baseline: LoadedPredictions | undefined): number | undefined {
  if (candidate.labels.length === 0) return undefined;
  return Math.max(candidate.labels.length, baseline?.labels.length ?? 0);
}

function asPredictions(p: LoadedPredictions): Predictions {
  return { yTrue: p.yTrue, yScore: p.yScore, yPred: p.yPred, weight: p.weight };
}

/** Candidate − baseline from two independent estimates: a normal interval from their standard errors (or a point value). */
function unpairedDelta(c: Estimate & { se?: number }, b: Estimate & { se?: number }, confidence: number): Estimate & { paired: boolean } {
  const estimate = c.estimate - b.estimate;
  if (c.se === undefined || b.se === undefined || !Number.isFinite(c.se) || !Number.isFinite(b.se)) return { estimate, paired: false };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const se = Math.hypot(c.se, b.se);
  return { estimate, low: estimate - z * se, high: estimate + z * se, paired: false };
}

function overallStatus(results: GateResult[]): MetricComparison['status'] {
  const live = results.filter((r) => r.status !== 'skipped');
  if (live.length === 0) return 'skipped';
  return overallVerdict(live);
}

function checkLabels(data: LoadedPredictions, task: Task): void {
  if (task !== 'binary') return;
  for (let i = 0; i < data.rows; i++) {
    const y = data.yTrue[i]!;
    if (y !== 0 && y !== 1) {
      throw new ConfigurationError(`binary labels must be 0 or 1 (or true/false); ${data.file} has ${y} in row ${i + 1}`, {
        file: data.file,
        hint: 'Map the labels to 0/1 before the evaluation, or set task: multiclass for more than two classes.',
      });
    }
    const p = data.yPred?.[i];
    if (p !== undefined && p !== 0 && p !== 1) {
      throw new ConfigurationError(`binary predicted labels must be 0 or 1; ${data.file} has ${p} in row ${i + 1}`, { file: data.file, hint: 'Write 0/1 in y_pred, or leave it out and give y_score.' });
    }
  }
}

/** Multiclass: recodes both models' labels over the union of their classes, in sorted order. */
function alignLabels(a: LoadedPredictions, b: LoadedPredictions): void {
  const union = [...new Set([...a.labels, ...b.labels])].sort(compareLabels);
  if (union.length === a.labels.length && union.length === b.labels.length && union.every((l, i) => l === a.labels[i] && l === b.labels[i])) return;
  for (const p of [a, b]) {
    const to = Float64Array.from(p.labels, (l) => union.indexOf(l));
    p.yTrue = p.yTrue.map((c) => to[c]!);
    if (p.yPred) p.yPred = p.yPred.map((c) => to[c]!);
    p.labels = union;
  }
}

function predictedLabels(data: LoadedPredictions, threshold: number): Float64Array | undefined {
  if (data.yPred) return data.yPred;
  if (data.yScore) return data.yScore.map((s) => (s >= threshold ? 1 : 0));
  return undefined;
}

function subset(data: LoadedPredictions, rows: number[]): Predictions {
  const pick = (a: Float64Array | undefined) => (a ? Float64Array.from(rows, (i) => a[i]!) : undefined);
  return { yTrue: pick(data.yTrue)!, yScore: pick(data.yScore), yPred: pick(data.yPred), weight: pick(data.weight) };
}

function safeMetrics(task: Task, p: Predictions, threshold: number, names: string[]): Record<string, number> {
  if (p.yTrue.length === 0) return {};
  try {
    return computeMetrics(task, p, { threshold }, names);
  } catch {
    return {};
  }
}

function describeColumns(p: LoadedPredictions): string {
  return [p.yScore ? 'scores' : undefined, p.yPred ? 'predicted labels' : undefined].filter(Boolean).join(' and ') || 'no model output';
}

function short(fingerprint: string): string {
  return fingerprint.replace(/^sha256:/, '').slice(0, 12);
}

function interval(e: Estimate | undefined): string {
  if (!e || e.low === undefined || e.high === undefined) return '—';
  return `[${fmt(e.low)}, ${fmt(e.high)}]`;
}

const STATUS_ICON: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', skipped: '➖ skipped' };

function comparisonTable(rows: MetricComparison[], baselineName: string | undefined, confidence: number, evaluation: StoredEvaluation): Table {
  const order = { fail: 0, inconclusive: 1, pass: 2, skipped: 3 } as const;
  const sorted = [...rows].sort((a, b) => order[a.status] - order[b.status] || a.metric.localeCompare(b.metric));
  return {
    title: 'Candidate vs baseline',
    columns: ['metric', 'baseline', 'candidate', 'Δ', `${Math.round(confidence * 100)} % CI of Δ`, 'gate', 'verdict'],
    rows: sorted.map((r) => [
      r.metric,
      r.baseline ? fmt(r.baseline.estimate) : '—',
      `${fmt(r.candidate.estimate)}${r.candidate.low !== undefined ? ` ${interval(r.candidate)}` : ''}`,
      r.delta ? `${r.delta.estimate >= 0 ? '+' : ''}${fmt(r.delta.estimate)}` : '—',
      r.delta ? `${interval(r.delta)}${r.delta.low !== undefined && !r.delta.paired ? ' (unpaired)' : ''}` : '—',
      r.direction === 'higher' ? 'higher is better' : 'lower is better',
      STATUS_ICON[r.status]!,
    ]),
    note:
      (baselineName ? `Baseline: ${baselineName}. Worst first.` : 'No baseline: only absolute gates were judged.') +
      (evaluation.fingerprint
        ? ` Eval set: ${evaluation.rows?.toLocaleString('en-US')} examples, fingerprint ${short(evaluation.fingerprint)}; ${evaluation.resamples.toLocaleString('en-US')} bootstrap resamples, seed ${evaluation.seed}.`
        : ' Metrics from a file: point values, no intervals.'),
  };
}

function gatesTable(results: GateResult[]): Table {
  return {
    title: 'Gates',
    columns: ['metric', 'gate', 'verdict', 'why'],
    rows: results.map((r) => [r.metric, r.gate, STATUS_ICON[r.status]!, r.reason]),
  };
}

function slicesTable(slices: NonNullable<EvaluationDetails['slices']>, minSize: number): Table {
  const metricNames = [...new Set(slices.flatMap((s) => Object.keys(s.metrics)))];
  return {
    title: 'Slices',
    columns: ['column', 'value', 'examples', ...metricNames],
    rows: slices.map((s) => [s.column, s.value, s.size, ...metricNames.map((m) => (s.metrics[m] === undefined ? '—' : fmt(s.metrics[m])))]),
    note: `Slices under ${minSize} examples are listed but not gated.`,
  };
}

/** A Mermaid chart of each metric's Δ with its interval bounds (bars: Δ; lines: the bounds). */
function deltaChart(rows: MetricComparison[], confidence: number): Chart | undefined {
  const withDelta = rows.filter((r) => r.delta && Number.isFinite(r.delta.estimate));
  if (withDelta.length === 0) return undefined;
  const num = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 0 : Number(x.toPrecision(4)));
  const values = withDelta.flatMap((r) => [r.delta!.estimate, r.delta!.low ?? r.delta!.estimate, r.delta!.high ?? r.delta!.estimate]);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = (hi - lo) * 0.1 || 0.01;
  const lines = [
    'xychart-beta',
    `  title "Candidate − baseline, with ${Math.round(confidence * 100)} % interval bounds"`,
    `  x-axis [${withDelta.map((r) => `"${r.metric}"`).join(', ')}]`,
    `  y-axis "Δ" ${num(lo - pad)} --> ${num(hi + pad)}`,
    `  bar [${withDelta.map((r) => num(r.delta!.estimate)).join(', ')}]`,
  ];
  if (withDelta.some((r) => r.delta!.low !== undefined)) {
    lines.push(`  line [${withDelta.map((r) => num(r.delta!.low ?? r.delta!.estimate)).join(', ')}]`);
    lines.push(`  line [${withDelta.map((r) => num(r.delta!.high ?? r.delta!.estimate)).join(', ')}]`);
  }
  return { title: 'Δ per metric', mermaid: lines.join('\n') };
}

/** An estimate's interval with `extra` added in quadrature to each half-width; a point value gets ± extra. */
function widen<T extends Estimate>(value: T, extra: number): T {
  const low = value.low ?? value.estimate;
  const high = value.high ?? value.estimate;
  return {
    ...value,
    low: value.estimate - Math.hypot(value.estimate - low, extra),
    high: value.estimate + Math.hypot(high - value.estimate, extra),
  };
}

export type { Finding };
