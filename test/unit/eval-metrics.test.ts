/**
 * The metrics engine against scikit-learn 1.2 (Debian's python3-sklearn): seeded data with tied
 * scores, weights (some 0), imbalanced classes, a class never predicted and zero regression targets
 * is written to a temporary folder, sklearn computes every metric from the same float64 values, and
 * each of ours must agree within 1e-9 relative (absolute near 0). Where sklearn raises, the Python
 * side reports NaN, which is what computeMetrics documents for those cases.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableMetrics, computeMetrics, METRIC_DIRECTION, type MetricOptions, type Predictions, type Task } from '../../src/eval/metrics.js';
import { makeTempDir } from '../support/tmp.js';
import { makeNormal, makeRandom, python, writeFloat64 } from './stats-reference.js';

const tmp = makeTempDir('mlops-eval-metrics-');
afterAll(() => tmp.remove());

const RTOL = 1e-9;
/** Absolute tolerance for values at or near 0 (an average precision of -0.0, an r2 of 0). */
const ATOL = 1e-15;

const SKLEARN = `
import warnings
warnings.filterwarnings('ignore')
import sklearn
from sklearn import metrics as M
assert sklearn.__version__.startswith('1.2'), sklearn.__version__
def run(job):
    def load(name):
        f = job['files'].get(name)
        return None if f is None else np.fromfile(f, dtype='<f8')
    yt, ys, yp, w = load('yTrue'), load('yScore'), load('yPred'), load('weight')
    if job['task'] == 'binary' and yp is None:
        yp = (ys >= job['threshold']).astype(np.float64)
    def prf(f, average):
        return lambda: f(yt, yp, average=average, sample_weight=w)
    table = {
        'accuracy': lambda: M.accuracy_score(yt, yp, sample_weight=w),
        'precision': prf(M.precision_score, 'binary'),
        'recall': prf(M.recall_score, 'binary'),
        'f1': prf(M.f1_score, 'binary'),
        'precision_macro': prf(M.precision_score, 'macro'),
        'recall_macro': prf(M.recall_score, 'macro'),
        'f1_macro': prf(M.f1_score, 'macro'),
        'precision_weighted': prf(M.precision_score, 'weighted'),
        'recall_weighted': prf(M.recall_score, 'weighted'),
        'f1_weighted': prf(M.f1_score, 'weighted'),
        'roc_auc': lambda: M.roc_auc_score(yt, ys, sample_weight=w),
        'pr_auc': lambda: M.average_precision_score(yt, ys, sample_weight=w),
        'log_loss': lambda: M.log_loss(yt, ys, sample_weight=w),
        'brier': lambda: M.brier_score_loss(yt, ys, sample_weight=w),
        'rmse': lambda: M.mean_squared_error(yt, yp, sample_weight=w, squared=False),
        'mae': lambda: M.mean_absolute_error(yt, yp, sample_weight=w),
        'r2': lambda: M.r2_score(yt, yp, sample_weight=w),
        'mape': lambda: M.mean_absolute_percentage_error(yt, yp, sample_weight=w),
    }
    out = {}
    for name in job['metrics']:
        # Where sklearn raises, computeMetrics documents NaN.
        try:
            out[name] = float(table[name]())
        except Exception:
            out[name] = float('nan')
    return out
emit([run(job) for job in data])
`;

interface Case {
  task: Task;
  p: Predictions;
  options: MetricOptions;
  names?: string[];
}

/**
 * The cases to check against sklearn, collected while the suite is defined and sent to Python in one
 * run before the tests (starting Python with sklearn takes about a second).
 */
const cases: Case[] = [];
let references: Record<string, number>[] = [];

/** Registers a case; `check(id)` later compares computeMetrics with sklearn on it. */
function reference(task: Task, p: Predictions, options: MetricOptions = {}, names?: string[]): number {
  return cases.push({ task, p, options, names }) - 1;
}

beforeAll(() => {
  const jobs = cases.map(({ task, p, options, names }, id) => {
    const files: Record<string, string> = {};
    for (const key of ['yTrue', 'yScore', 'yPred', 'weight'] as const) {
      const values = p[key];
      if (values) files[key] = writeFloat64(path.join(tmp.root, `case-${id}-${key}.f64`), values);
    }
    const metrics = Object.keys(computeMetrics(task, p, options, names));
    return { task, files, threshold: options.threshold ?? 0.5, metrics };
  });
  references = python<Record<string, number>[]>(SKLEARN, jobs);
}, 300_000);

function agrees(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= Math.max(RTOL * Math.abs(expected), ATOL);
}

/** Every metric computeMetrics gives for the case, each against sklearn; returns ours. */
function check(id: number): Record<string, number> {
  const { task, p, options, names } = cases[id]!;
  const ours = computeMetrics(task, p, options, names);
  const expected = references[id]!;
  const metrics = Object.keys(ours);
  expect(metrics.length).toBeGreaterThan(0);
  expect(Object.keys(expected)).toEqual(metrics);
  const wrong = metrics.filter((m) => !agrees(ours[m]!, expected[m]!)).map((m) => `${m}: ours ${ours[m]}, sklearn ${expected[m]}`);
  expect(wrong).toEqual([]);
  return ours;
}

// ---------------------------------------------------------------------------------------------
// Seeded data

interface WeightSpec {
  /** Share of rows with weight 0. */
  zeros: number;
  /** Integer weights 1..5 instead of real ones in (0.1, 3.1). */
  integers?: boolean;
}

function makeWeights(n: number, seed: number, spec: WeightSpec): Float64Array {
  const random = makeRandom(seed);
  return Float64Array.from({ length: n }, () => {
    if (random() < spec.zeros) return 0;
    return spec.integers ? 1 + Math.floor(5 * random()) : 0.1 + 3 * random();
  });
}

/**
 * Binary labels with the given prevalence and probability-like scores that separate them
 * imperfectly; rounded to `decimals`, the scores have many ties.
 */
function binaryData(n: number, seed: number, prevalence: number, decimals?: number): { yTrue: Float64Array; yScore: Float64Array } {
  const random = makeRandom(seed);
  const normal = makeNormal(seed + 1);
  const yTrue = new Float64Array(n);
  const yScore = new Float64Array(n);
  const scale = decimals === undefined ? 0 : 10 ** decimals;
  for (let i = 0; i < n; i++) {
    const y = random() < prevalence ? 1 : 0;
    const p = 1 / (1 + Math.exp(-(-1.5 + 2 * y + 1.2 * normal())));
    yTrue[i] = y;
    yScore[i] = decimals === undefined ? p : Math.round(p * scale) / scale;
  }
  return { yTrue, yScore };
}

/** k = 4 classes with shares 50/30/15/5 %; predictions right 70 % of the time and never class 3. */
function multiclassData(n: number, seed: number): { yTrue: Float64Array; yPred: Float64Array } {
  const random = makeRandom(seed);
  const yTrue = new Float64Array(n);
  const yPred = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = random();
    const y = u < 0.5 ? 0 : u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
    yTrue[i] = y;
    yPred[i] = random() < 0.7 && y !== 3 ? y : Math.floor(3 * random());
  }
  return { yTrue, yPred };
}

/**
 * Targets around 100 with a share of exact zeros (mape's epsilon case), predictions
 * `mean + slope·(y − mean) + noise`: slope 0.9 gives a good model, a slope near 0 an r2 near 0,
 * where 1 − SSres/SStot cancels and any summation drift shows.
 */
function regressionData(n: number, seed: number, slope: number, noise: number): { yTrue: Float64Array; yPred: Float64Array } {
  const random = makeRandom(seed);
  const normal = makeNormal(seed + 1);
  const yTrue = new Float64Array(n);
  const yPred = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = random() < 0.05 ? 0 : 100 + 20 * normal();
    yTrue[i] = y;
    yPred[i] = 95 + slope * (y - 95) + noise * normal();
  }
  return { yTrue, yPred };
}

// ---------------------------------------------------------------------------------------------

describe('binary metrics against sklearn', () => {
  const n = 1_000_000;
  const tied = reference('binary', { ...binaryData(n, 11, 0.08, 2), weight: makeWeights(n, 12, { zeros: 0.1 }) });
  const continuous = binaryData(200_000, 21, 0.3);
  const atThreshold = reference('binary', continuous, { threshold: 0.3 });
  const explicitPred = reference('binary', { ...continuous, yPred: continuous.yScore.map((s) => (s >= 0.3 ? 1 : 0)) }, { threshold: 0.9 });
  const extremes = binaryData(50_000, 31, 0.5, 3);
  const random = makeRandom(32);
  for (let i = 0; i < extremes.yScore.length; i++) {
    const u = random();
    if (u < 0.05) extremes.yScore[i] = 0;
    else if (u < 0.1) extremes.yScore[i] = 1;
    else if (u < 0.12) extremes.yScore[i] = 1e-300;
    else if (u < 0.13) extremes.yScore[i] = -0;
  }
  const clipped = reference('binary', { ...extremes, weight: makeWeights(50_000, 33, { zeros: 0.05, integers: true }) });
  const small = binaryData(10_000, 41, 0.2);
  const labelsOnly = reference('binary', { yTrue: small.yTrue, yPred: small.yScore.map((s) => (s >= 0.5 ? 1 : 0)), weight: makeWeights(10_000, 42, { zeros: 0.2 }) });
  const subset = reference('binary', binaryData(5_000, 51, 0.4, 1), {}, ['pr_auc', 'f1', 'roc_auc']);

  it('a million weighted rows with heavily tied scores (2 decimals), 8 % positives, 10 % zero weights', () => {
    const ours = check(tied);
    expect(Object.keys(ours)).toEqual(availableMetrics('binary', { yScore: true, yPred: false }));
    expect(ours.roc_auc).toBeGreaterThan(0.7);
  });

  it('unweighted continuous scores, with a threshold and with explicit yPred (which wins over it)', () => {
    expect(check(explicitPred)).toEqual(check(atThreshold));
  });

  it('integer weights and scores at 0, 1, -0 and below the log-loss clip (1e-300)', () => {
    expect(Number.isFinite(check(clipped).log_loss)).toBe(true);
  });

  it('labels only (no scores): the label metrics', () => {
    expect(Object.keys(check(labelsOnly))).not.toContain('roc_auc');
  });

  it('a subset of metrics, in the order asked', () => {
    expect(Object.keys(check(subset))).toEqual(['pr_auc', 'f1', 'roc_auc']);
  });
});

describe('binary degenerate cases (NaN where sklearn raises)', () => {
  const yTrue = Float64Array.of(0, 1, 1, 0, 1, 0, 0, 1);
  const yScore = Float64Array.of(0.1, 0.9, 0.4, 0.4, 0.6, 0.2, 0.7, 0.4);
  const negativesOnly = reference('binary', { yTrue: new Float64Array(8), yScore });
  const positivesOnly = reference('binary', { yTrue: new Float64Array(8).fill(1), yScore });
  const noWeight = reference('binary', { yTrue, yScore, weight: new Float64Array(8) });
  const weightlessPositives = reference('binary', { yTrue, yScore, weight: yTrue.map((y) => (y === 1 ? 0 : 1)) });
  const decisionValues = reference('binary', { yTrue, yScore: yScore.map((s) => 6 * s - 2) });
  const noPositivePrediction = reference('binary', { yTrue, yScore }, { threshold: 2 });
  const oneScore = reference('binary', { yTrue, yScore: new Float64Array(8).fill(0.3) });
  const signedZeros = Float64Array.of(0, -0, 0.5, -0, 0.5, 0, 0, -0);
  const zeros = reference('binary', { yTrue, yScore: signedZeros });
  const collinear = reference('binary', { yTrue: Float64Array.of(1, 1, 0, 0, 1, 0), yScore: Float64Array.of(0.9, 0.8, 0.7, 0.6, 0.5, 0.4) });
  const oneRow = reference('binary', { yTrue: Float64Array.of(1), yScore: Float64Array.of(0.7) });

  it('one class only: roc_auc and log_loss are NaN; pr_auc is 0 without positives, 1 without negatives', () => {
    const ours = check(negativesOnly);
    expect(ours.roc_auc).toBeNaN();
    expect(ours.log_loss).toBeNaN();
    expect(ours.pr_auc).toBe(0);
    expect(ours.precision).toBe(0);
    expect(ours.recall).toBe(0);
    const positives = check(positivesOnly);
    expect(positives.roc_auc).toBeNaN();
    expect(positives.pr_auc).toBe(1);
  });

  it('every weight 0: accuracy, the curves and the losses are NaN, precision/recall/F1 0', () => {
    const ours = check(noWeight);
    for (const m of ['accuracy', 'roc_auc', 'pr_auc', 'log_loss', 'brier']) expect(ours[m], m).toBeNaN();
    for (const m of ['precision', 'f1_macro', 'recall_weighted']) expect(ours[m], m).toBe(0);
  });

  it('the positives all weigh 0: roc_auc NaN, pr_auc 0', () => {
    const ours = check(weightlessPositives);
    expect(ours.roc_auc).toBeNaN();
    expect(ours.pr_auc).toBe(0);
  });

  it('scores outside [0, 1]: brier NaN, log_loss clipped', () => {
    const ours = check(decisionValues);
    expect(ours.brier).toBeNaN();
    expect(Number.isFinite(ours.log_loss)).toBe(true);
  });

  it('nothing predicted positive: precision 0 (zero_division)', () => {
    const ours = check(noPositivePrediction);
    expect(ours.precision).toBe(0);
    expect(ours.f1).toBe(0);
  });

  it('one score for every row: roc_auc 0.5, pr_auc the prevalence', () => {
    const ours = check(oneScore);
    expect(ours.roc_auc).toBe(0.5);
    expect(ours.pr_auc).toBe(0.5);
  });

  it('-0 and +0 are one tied score', () => {
    const ours = check(zeros);
    expect(ours.roc_auc).toBe(computeMetrics('binary', { yTrue, yScore: signedZeros.map(Math.abs) }).roc_auc);
  });

  it('collinear ROC points (dropped by sklearn) and a single row', () => {
    check(collinear);
    expect(check(oneRow).accuracy).toBe(1);
  });
});

describe('multiclass metrics against sklearn', () => {
  const n = 300_000;
  const weighted = reference('multiclass', { ...multiclassData(n, 61), weight: makeWeights(n, 62, { zeros: 0.15 }) });
  const data = multiclassData(100_000, 71);
  const unweighted = reference('multiclass', data);
  const yTrue = Float64Array.of(0, 0, 1, 1, 0, 1);
  const yPred = Float64Array.of(0, 2, 1, 0, 0, 2);
  const predictedOnly = reference('multiclass', { yTrue, yPred });
  const noWeight = reference('multiclass', { yTrue, yPred, weight: new Float64Array(6) });

  it('k = 4, class 3 never predicted, weighted with 15 % zeros', () => {
    expect(Object.keys(check(weighted))).toEqual(availableMetrics('multiclass', { yScore: false, yPred: true }));
  });

  it('unweighted; classes that never occur are not averaged over (as sklearn)', () => {
    expect(computeMetrics('multiclass', data, { classes: 6 })).toEqual(check(unweighted));
  });

  it('a class present only in yPred, and every weight 0', () => {
    check(predictedOnly);
    const zero = check(noWeight);
    expect(zero.accuracy).toBeNaN();
    expect(zero.f1_weighted).toBe(0);
  });
});

describe('regression metrics against sklearn', () => {
  const n = 1_000_000;
  const weighted = reference('regression', { ...regressionData(n, 81, 0.9, 8), weight: makeWeights(n, 82, { zeros: 0.1 }) });
  const poor = regressionData(500_000, 91, 0.00002, 0.01);
  const poorUnweighted = reference('regression', poor);
  const poorWeighted = reference('regression', { ...poor, weight: makeWeights(500_000, 92, { zeros: 0.3 }) });
  const flat = new Float64Array(5).fill(3);
  const perfectFlat = reference('regression', { yTrue: flat, yPred: flat });
  const imperfectFlat = reference('regression', { yTrue: flat, yPred: Float64Array.of(3, 3, 3, 3, 4) });
  const oneRow = reference('regression', { yTrue: Float64Array.of(2), yPred: Float64Array.of(1) });
  const noWeight = reference('regression', { yTrue: Float64Array.of(1, 2, 3), yPred: Float64Array.of(1, 2, 4), weight: new Float64Array(3) });

  it('a million weighted rows with 5 % zero targets', () => {
    const ours = check(weighted);
    expect(ours.mape).toBeGreaterThan(1e12); // the zero targets divide by eps
    expect(Object.keys(ours)).toEqual(['rmse', 'mae', 'r2', 'mape']);
  });

  // r2 ≈ 3.5e-5: the cancellation in 1 − SSres/SStot magnifies summation error ~30,000 times. With
  // left-to-right sums such data misses sklearn by about 5e-9 relative; numpy's order matches it.
  it('r2 near 0 (1 − SSres/SStot cancels), unweighted and weighted', () => {
    const r2 = check(poorUnweighted).r2!;
    expect(r2).toBeGreaterThan(0);
    expect(r2).toBeLessThan(1e-4);
    check(poorWeighted);
  });

  it('constant targets, a single row, every weight 0', () => {
    expect(check(perfectFlat).r2).toBe(1);
    expect(check(imperfectFlat).r2).toBe(0);
    expect(check(oneRow).r2).toBeNaN();
    const zero = check(noWeight);
    for (const m of ['rmse', 'mae', 'r2', 'mape']) expect(zero[m], m).toBeNaN();
  });
});

describe('names, columns and errors', () => {
  const yTrue = Float64Array.of(0, 1, 1, 0);
  const yScore = Float64Array.of(0.2, 0.8, 0.6, 0.4);

  it('lists the metrics each task and set of columns can give, each with a direction', () => {
    expect(availableMetrics('binary', { yScore: false, yPred: true })).toEqual([
      'accuracy',
      'precision',
      'recall',
      'f1',
      'precision_macro',
      'recall_macro',
      'f1_macro',
      'precision_weighted',
      'recall_weighted',
      'f1_weighted',
    ]);
    expect(availableMetrics('binary', { yScore: true, yPred: false }).slice(-4)).toEqual(['roc_auc', 'pr_auc', 'log_loss', 'brier']);
    expect(availableMetrics('multiclass', { yScore: true, yPred: false })).toEqual([]);
    expect(availableMetrics('regression', { yScore: false, yPred: true })).toEqual(['rmse', 'mae', 'r2', 'mape']);
    const all = new Set([...availableMetrics('binary', { yScore: true, yPred: true }), ...availableMetrics('multiclass', { yScore: false, yPred: true }), ...availableMetrics('regression', { yScore: false, yPred: true })]);
    expect(new Set(Object.keys(METRIC_DIRECTION))).toEqual(all);
    expect(METRIC_DIRECTION.log_loss).toBe('lower');
    expect(METRIC_DIRECTION.r2).toBe('higher');
  });

  it('rejects an unknown metric and one the columns cannot give', () => {
    expect(() => computeMetrics('binary', { yTrue, yScore }, {}, ['auc'])).toThrow(RangeError);
    expect(() => computeMetrics('binary', { yTrue, yScore }, {}, ['rmse'])).toThrow(/unknown metric "rmse" for binary/);
    expect(() => computeMetrics('binary', { yTrue, yPred: yTrue }, {}, ['roc_auc'])).toThrow(/"roc_auc" needs yScore/);
    expect(() => computeMetrics('regression', { yTrue }, {}, ['mae'])).toThrow(RangeError);
    expect(computeMetrics('regression', { yTrue })).toEqual({});
  });

  it('rejects lengths that differ, no rows and invalid values', () => {
    expect(() => computeMetrics('binary', { yTrue, yScore: yScore.subarray(1) })).toThrow(/yScore has 3 values but yTrue has 4/);
    expect(() => computeMetrics('binary', { yTrue, yScore, weight: Float64Array.of(1, 1) })).toThrow(RangeError);
    expect(() => computeMetrics('regression', { yTrue, yPred: Float64Array.of(1) })).toThrow(RangeError);
    expect(() => computeMetrics('binary', { yTrue: new Float64Array(0), yScore: new Float64Array(0) })).toThrow(/no rows/);
    expect(() => computeMetrics('binary', { yTrue: Float64Array.of(0, 2), yScore: Float64Array.of(0, 1) })).toThrow(/binary labels must be 0 or 1/);
    expect(() => computeMetrics('binary', { yTrue, yScore: Float64Array.of(0, NaN, 1, 1) })).toThrow(/yScore\[1\] is NaN/);
    expect(() => computeMetrics('binary', { yTrue, yScore, weight: Float64Array.of(1, -1, 1, 1) })).toThrow(/weights must be finite and >= 0/);
    expect(() => computeMetrics('multiclass', { yTrue: Float64Array.of(0, 1.5), yPred: Float64Array.of(0, 1) })).toThrow(/class codes/);
    expect(() => computeMetrics('multiclass', { yTrue: Float64Array.of(0, 3), yPred: Float64Array.of(0, 1) }, { classes: 3 })).toThrow(/from 0 to 2/);
  });
});
