/**
 * The paired bootstrap engine against scikit-learn 1.2 and numpy (Debian's python3-sklearn and
 * python3-numpy): the estimates and three resamples' values agree with sklearn given the same
 * sample weights (example weight × Poisson count), the intervals with numpy.percentile over the
 * resampled values, threads do not change a single bit, and on simulated data the 95 % interval of
 * ROC AUC covers the population value about 95 % of the time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BINARY_METRICS,
  bootstrapInterval,
  pairedBootstrap,
  poissonWeights,
  sortDescending,
  type BootstrapInput,
  type BootstrapResult,
} from '../../src/eval/bootstrap.js';
import { makeTempDir } from '../support/tmp.js';
import { makeNormal, makeRandom, python, writeFloat64 } from './stats-reference.js';

const tmp = makeTempDir('mlops-eval-bootstrap-');
afterAll(() => tmp.remove());

const ALL = [...BINARY_METRICS];
const TOL = 1e-9;

/** |actual - expected| <= 1e-9·max(1, |expected|), or both NaN. */
function expectAgrees(actual: number, expected: number, what: string): void {
  if (Number.isNaN(expected) && Number.isNaN(actual)) return;
  if (!(Math.abs(actual - expected) <= TOL * Math.max(1, Math.abs(expected)))) expect.fail(`${what}: got ${actual}, sklearn/numpy gives ${expected}`);
}

/**
 * Seeded binary data: labels (35 % positive), a candidate and a baseline score correlated with the
 * label and with each other, 40 % of them rounded to 2 decimals (ties, some exactly at 0.4 and 0.5),
 * and example weights of which 10 % are 0.
 */
function makeData(n: number, seed: number): { yTrue: Float64Array; weight: Float64Array; candidate: Float64Array; baseline: Float64Array } {
  const random = makeRandom(seed);
  const normal = makeNormal(seed + 1);
  const yTrue = new Float64Array(n);
  const weight = new Float64Array(n);
  const candidate = new Float64Array(n);
  const baseline = new Float64Array(n);
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  for (let i = 0; i < n; i++) {
    const y = random() < 0.35 ? 1 : 0;
    const noise = normal();
    yTrue[i] = y;
    weight[i] = random() < 0.1 ? 0 : Math.round((0.2 + 2 * random()) * 100) / 100;
    candidate[i] = sigmoid(1.4 * y - 0.6 + noise);
    baseline[i] = sigmoid(0.9 * y - 0.5 + 0.7 * noise + 0.7 * normal());
    if (random() < 0.4) candidate[i] = Math.round(candidate[i]! * 100) / 100;
    if (random() < 0.4) baseline[i] = Math.round(baseline[i]! * 100) / 100;
  }
  return { yTrue, weight, candidate, baseline };
}

const SKLEARN = `
import warnings
warnings.filterwarnings('ignore')
import sklearn
from sklearn import metrics as M
assert sklearn.__version__.startswith('1.2'), sklearn.__version__
def metrics(yt, ys, yp, w):
    return [
        M.accuracy_score(yt, yp, sample_weight=w),
        M.precision_score(yt, yp, sample_weight=w),
        M.recall_score(yt, yp, sample_weight=w),
        M.f1_score(yt, yp, sample_weight=w),
        M.roc_auc_score(yt, ys, sample_weight=w),
        M.average_precision_score(yt, ys, sample_weight=w),
        M.log_loss(yt, ys, sample_weight=w),
        M.brier_score_loss(yt, ys, sample_weight=w),
    ]
def run(job):
    load = lambda f: np.fromfile(f, dtype='<f8')
    yt = load(job['yTrue'])
    w = load(job['weight']) if job.get('weight') else None
    if job.get('counts'):
        counts = load(job['counts'])
        w = counts if w is None else w * counts
    out = []
    for model in job['models']:
        ys = load(model['yScore'])
        yp = load(model['yPred']) if model.get('yPred') else (ys >= job['threshold']).astype(np.float64)
        out.append([float(v) for v in metrics(yt, ys, yp, w)])
    return out
emit([run(job) for job in data])
`;

interface SklearnJob {
  yTrue: string;
  weight?: string;
  counts?: string;
  threshold: number;
  models: { yScore: string; yPred?: string }[];
}

/** sklearn's 8 metrics for each job and model, in BINARY_METRICS order. */
function sklearn(jobs: SklearnJob[]): number[][][] {
  return python<number[][][]>(SKLEARN, jobs);
}

function file(name: string, values: Float64Array): string {
  return writeFloat64(path.join(tmp.root, name), values);
}

describe('pairedBootstrap against scikit-learn', () => {
  const n = 1500;
  const data = makeData(n, 7);
  // The baseline's predictions are given, not taken from its score: a different threshold.
  const baselinePred = data.baseline.map((p) => (p >= 0.3 ? 1 : 0));
  const weighted: BootstrapInput = { yTrue: data.yTrue, weight: data.weight, candidate: { yScore: data.candidate }, baseline: { yScore: data.baseline, yPred: baselinePred }, threshold: 0.4 };
  const unweighted: BootstrapInput = { yTrue: data.yTrue, candidate: { yScore: data.candidate }, baseline: { yScore: data.baseline } };
  // 49 resamples go through the passes in pairs but the last alone: 48 checks that path.
  const picked = [0, 17, 48];
  let results: { weighted: BootstrapResult; unweighted: BootstrapResult };
  let reference: number[][][];

  beforeAll(async () => {
    results = {
      weighted: await pairedBootstrap(weighted, { metrics: ALL, resamples: 49, seed: 11, threads: 1 }),
      unweighted: await pairedBootstrap(unweighted, { metrics: ALL, resamples: 49, seed: 12, threads: 1 }),
    };
    const files = {
      yTrue: file('y.f64', data.yTrue),
      weight: file('w.f64', data.weight),
      candidate: file('c.f64', data.candidate),
      baseline: file('b.f64', data.baseline),
      baselinePred: file('bp.f64', baselinePred),
    };
    const weightedModels = [{ yScore: files.candidate }, { yScore: files.baseline, yPred: files.baselinePred }];
    const unweightedModels = [{ yScore: files.candidate }, { yScore: files.baseline }];
    const jobs: SklearnJob[] = [
      { yTrue: files.yTrue, weight: files.weight, threshold: 0.4, models: weightedModels },
      { yTrue: files.yTrue, threshold: 0.5, models: unweightedModels },
    ];
    for (const r of picked) {
      jobs.push({ yTrue: files.yTrue, weight: files.weight, counts: file(`pw${r}.f64`, Float64Array.from(poissonWeights(11, r, n))), threshold: 0.4, models: weightedModels });
      jobs.push({ yTrue: files.yTrue, counts: file(`pu${r}.f64`, Float64Array.from(poissonWeights(12, r, n))), threshold: 0.5, models: unweightedModels });
    }
    reference = sklearn(jobs);
  }, 60_000);

  it('has estimates equal to sklearn with the example weights (ties, zero weights, given predictions)', () => {
    for (const [k, name] of (['weighted', 'unweighted'] as const).entries()) {
      const result = results[name];
      BINARY_METRICS.forEach((metric, m) => {
        const row = result.metrics[metric]!;
        const c = reference[k]![0]![m]!;
        const b = reference[k]![1]![m]!;
        expectAgrees(row.candidate.estimate, c, `${name} ${metric} candidate`);
        expectAgrees(row.baseline!.estimate, b, `${name} ${metric} baseline`);
        expectAgrees(row.delta!.estimate, c - b, `${name} ${metric} delta`);
      });
    }
  });

  it('has resampled values equal to sklearn with sample_weight = weight × poissonWeights(seed, r)', () => {
    picked.forEach((r, p) => {
      for (const [k, name] of (['weighted', 'unweighted'] as const).entries()) {
        const expected = reference[2 + 2 * p + k]!;
        const replicates = results[name].replicates;
        BINARY_METRICS.forEach((metric, m) => {
          expectAgrees(replicates[metric]!.candidate[r]!, expected[0]![m]!, `${name} resample ${r} ${metric} candidate`);
          expectAgrees(replicates[metric]!.baseline![r]!, expected[1]![m]!, `${name} resample ${r} ${metric} baseline`);
          expectAgrees(replicates[metric]!.delta![r]!, expected[0]![m]! - expected[1]![m]!, `${name} resample ${r} ${metric} delta`);
        });
      }
    });
  });

  it('agrees with sklearn where a class has no weight and where nothing is predicted positive', async () => {
    // All positives weigh 0: AUC undefined (NaN), average precision 0, precision and recall 0.
    const yTrue = Float64Array.from([0, 1, 0, 1, 0, 0, 1, 0]);
    const weight = Float64Array.from([1, 0, 2, 0, 0.5, 1, 0, 3]);
    const score = Float64Array.from([0.1, 0.4, 0.35, 0.8, 0.2, 0.35, 0.9, 0.05]);
    const low = Float64Array.from([0.1, 0.2, 0.3, 0.2, 0.1, 0.3, 0.05, 0.25]);
    const result = await pairedBootstrap({ yTrue, weight, candidate: { yScore: score }, baseline: { yScore: low } }, { metrics: ALL, resamples: 5, threads: 1 });
    const [expected] = sklearn([
      {
        yTrue: file('e-y.f64', yTrue),
        weight: file('e-w.f64', weight),
        threshold: 0.5,
        models: [{ yScore: file('e-c.f64', score) }, { yScore: file('e-b.f64', low) }],
      },
    ]);
    BINARY_METRICS.forEach((metric, m) => {
      expectAgrees(result.metrics[metric]!.candidate.estimate, expected![0]![m]!, `${metric} candidate`);
      expectAgrees(result.metrics[metric]!.baseline!.estimate, expected![1]![m]!, `${metric} baseline (nothing predicted positive)`);
    });
    expect(result.metrics.roc_auc!.candidate.estimate).toBeNaN();
  });

  it('has intervals as numpy.percentile and standard errors as numpy.std(ddof=1) of the resampled values', async () => {
    const result = await pairedBootstrap(weighted, { metrics: ['roc_auc', 'log_loss', 'f1'], resamples: 101, seed: 3, confidence: 0.9, threads: 1 });
    const series: number[][] = [];
    const intervals = [];
    for (const metric of ['roc_auc', 'log_loss', 'f1']) {
      for (const side of ['candidate', 'baseline', 'delta'] as const) {
        series.push(Array.from(result.replicates[metric]![side]!));
        intervals.push(result.metrics[metric]![side]!);
      }
    }
    const expected = python<number[][]>(
      `emit([[*np.percentile(np.array(v), [50 * (1 - 0.9), 50 * (1 + 0.9)]), np.std(np.array(v), ddof=1)] for v in data])`,
      series,
    );
    intervals.forEach((interval, i) => {
      expect(interval.low).toBe(expected[i]![0]);
      expect(interval.high).toBe(expected[i]![1]);
      expect(Math.abs(interval.se - expected[i]![2]!)).toBeLessThanOrEqual(1e-12 * expected[i]![2]!);
    });
  });
});

describe('bootstrapInterval', () => {
  it('interpolates as numpy.percentile (method linear) at many sizes and confidences, ignoring NaN', () => {
    const random = makeRandom(5);
    const cases: { values: number[]; confidence: number }[] = [];
    for (const m of [1, 2, 3, 7, 40, 999, 1000]) {
      for (const confidence of [0.5, 0.8, 0.9, 0.95, 0.99]) {
        // Ties and a few NaN among them.
        cases.push({ values: Array.from({ length: m }, (_, i) => (i % 5 === 4 && m > 5 ? NaN : Math.round(random() * 50) / 10)), confidence });
      }
    }
    const expected = python<number[][]>(
      `out = []
for case in data:
    v = np.array([np.nan if x is None else x for x in case['values']], dtype=float)
    v = v[~np.isnan(v)]
    c = case['confidence']
    out.append([*np.percentile(v, [50 * (1 - c), 50 * (1 + c)]), np.std(v, ddof=1) if len(v) > 1 else float('nan')])
emit(out)`,
      cases.map((c) => ({ ...c, values: c.values.map((v) => (Number.isNaN(v) ? null : v)) })),
    );
    cases.forEach((c, i) => {
      const interval = bootstrapInterval(c.values, 0, c.confidence);
      expect(interval.low).toBe(expected[i]![0]);
      expect(interval.high).toBe(expected[i]![1]);
      if (Number.isNaN(expected[i]![2]!)) expect(interval.se).toBeNaN();
      else expect(Math.abs(interval.se - expected[i]![2]!)).toBeLessThanOrEqual(1e-12 * Math.max(1e-300, expected[i]![2]!));
    });
  });
});

describe('worker threads', () => {
  let entry: string;
  beforeAll(() => {
    // Workers cannot load TypeScript: the engine's two files are transpiled as they are into a
    // folder of ES modules, with a small entry that serves as the worker.
    // (platform/threads.ts goes to platform/, where the engine's imports look for it)
    for (const [dir, name] of [['eval', 'bootstrap'], ['eval', 'bootstrap-worker'], ['platform', 'threads']]) {
      const source = readFileSync(fileURLToPath(new URL(`../../src/${dir}/${name}.ts`, import.meta.url)), 'utf8');
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
      tmp.write(`${dir === 'eval' ? 'workers' : dir}/${name}.js`, js);
    }
    tmp.write('package.json', '{"type": "module"}');
    entry = tmp.write(
      'workers/entry.js',
      "import { BOOTSTRAP_TASK, workerTask } from '../platform/threads.js';\nimport { serveBootstrapWorker } from './bootstrap-worker.js';\nif (workerTask() === BOOTSTRAP_TASK) await serveBootstrapWorker();\n",
    );
  });

  it('gives bit-identical results with 1, 2 and 3 threads, however resamples are paired', async () => {
    const data = makeData(3000, 21);
    const input: BootstrapInput = { yTrue: data.yTrue, weight: data.weight, candidate: { yScore: data.candidate }, baseline: { yScore: data.baseline } };
    // 35 resamples: with 2 and 3 threads some ranges start at an odd resample, so resamples that one
    // thread computes in a pair (two per pass) another computes alone or with another partner.
    const options = { metrics: ALL, resamples: 35, seed: 5 };
    const one = await pairedBootstrap(input, { ...options, threads: 1 });
    for (const threads of [2, 3]) {
      const many = await pairedBootstrap(input, { ...options, threads, workerEntry: entry });
      expect(many.threads).toBe(threads);
      expect(many.metrics).toEqual(one.metrics);
      for (const metric of ALL) {
        for (const side of ['candidate', 'baseline', 'delta'] as const) {
          expect(Buffer.from(many.replicates[metric]![side]!.buffer).equals(Buffer.from(one.replicates[metric]![side]!.buffer))).toBe(true);
        }
      }
    }
  });

  it('reports a worker that cannot start', async () => {
    const data = makeData(100, 2);
    const bad = tmp.write('workers/bad.js', 'throw new Error("no such worker");\n');
    await expect(pairedBootstrap({ yTrue: data.yTrue, candidate: { yScore: data.candidate } }, { metrics: ['roc_auc'], resamples: 10, threads: 2, workerEntry: bad })).rejects.toThrow(/no such worker/);
  });
});

describe('Poisson(1) counts', () => {
  it('have Poisson(1) frequencies, depend only on (seed, r) and are uncorrelated across rows and resamples', () => {
    const n = 1_000_000;
    const a = poissonWeights(0, 0, n);
    const b = poissonWeights(0, 1, n);
    expect(poissonWeights(0, 0, 1000)).toEqual(a.subarray(0, 1000));
    expect(Buffer.from(poissonWeights(1, 0, 1000)).equals(Buffer.from(a.subarray(0, 1000)))).toBe(false);
    // Chi-square of the frequencies of 0..5 and >= 6 (6 degrees of freedom; the 0.999 quantile is 22.5).
    const counts = new Array<number>(7).fill(0);
    for (const k of a) counts[Math.min(k, 6)]!++;
    let pmf = Math.exp(-1);
    let rest = 1;
    let chi2 = 0;
    for (let k = 0; k < 7; k++) {
      const p = k < 6 ? pmf : rest;
      chi2 += (counts[k]! - n * p) ** 2 / (n * p);
      rest -= pmf;
      pmf /= k + 1;
    }
    expect(chi2).toBeLessThan(22.5);
    // Correlations between neighbouring rows and between two resamples: |r| < 4/sqrt(n).
    const correlation = (x: ArrayLike<number>, y: ArrayLike<number>) => {
      let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
      const m = x.length;
      for (let i = 0; i < m; i++) {
        sx += x[i]!;
        sy += y[i]!;
        sxx += x[i]! ** 2;
        syy += y[i]! ** 2;
        sxy += x[i]! * y[i]!;
      }
      return (sxy - (sx * sy) / m) / Math.sqrt((sxx - sx ** 2 / m) * (syy - sy ** 2 / m));
    };
    expect(Math.abs(correlation(a.subarray(1), a.subarray(0, n - 1)))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(correlation(a, b))).toBeLessThan(4 / Math.sqrt(n));
    // The rare values come out at their rates too: P(X >= 6) = 5.9e-4.
    expect(Math.abs(counts[6]! / n - 5.94e-4)).toBeLessThan(5 * Math.sqrt(5.94e-4 / n));
  });
});

describe('coverage', () => {
  it('covers the population ROC AUC with the 95 % interval in about 95 % of 100 simulated datasets', async () => {
    // Positives' scores ~ N(mu, 1), negatives' ~ N(0, 1): the population AUC is Phi(mu / sqrt 2).
    const mu = 1;
    const truth = normalCdf(mu / Math.SQRT2);
    const random = makeRandom(99);
    const normal = makeNormal(100);
    let covered = 0;
    for (let d = 0; d < 100; d++) {
      const n = 300;
      const yTrue = new Float64Array(n);
      const score = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        yTrue[i] = random() < 0.4 ? 1 : 0;
        score[i] = normal() + mu * yTrue[i]!;
      }
      const result = await pairedBootstrap({ yTrue, candidate: { yScore: score } }, { metrics: ['roc_auc'], resamples: 400, seed: d, threads: 1 });
      const { low, high } = result.metrics.roc_auc!.candidate;
      if (low <= truth && truth <= high) covered++;
    }
    // Binomial(100, 0.95) lies in [88, 100] with probability 0.999.
    expect(covered).toBeGreaterThanOrEqual(88);
  });
});

describe('input checks and sorting', () => {
  const data = makeData(50, 1);
  it('rejects unknown metrics, labels that are not 0/1 and score metrics without a score', async () => {
    await expect(pairedBootstrap({ yTrue: data.yTrue, candidate: { yScore: data.candidate } }, { metrics: ['auc'] })).rejects.toThrow(/unknown binary metric "auc"/);
    await expect(pairedBootstrap({ yTrue: data.yTrue.map((y) => y * 2), candidate: { yScore: data.candidate } }, { metrics: ['accuracy'] })).rejects.toThrow(/must be 0 or 1/);
    await expect(pairedBootstrap({ yTrue: data.yTrue, candidate: { yPred: data.yTrue } }, { metrics: ['roc_auc'] })).rejects.toThrow(/no yScore/);
  });

  it('computes confusion metrics from predictions alone', async () => {
    const result = await pairedBootstrap({ yTrue: data.yTrue, candidate: { yPred: data.yTrue } }, { metrics: ['accuracy', 'f1'], resamples: 20 });
    expect(result.metrics.accuracy!.candidate).toEqual({ estimate: 1, low: 1, high: 1, se: 0 });
  });

  it('sorts descending like a comparison sort, -0 tying with 0 and ties in row order', () => {
    const random = makeRandom(8);
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? [0, -0, -1e-310, 1e-310, -1e300, 1e300][i % 6]! : Math.round((random() - 0.4) * 1e4) / 100));
    const { order, sorted } = sortDescending(values);
    const expected = Array.from(values.keys()).sort((i, j) => values[j]! - values[i]! || i - j);
    expect(Array.from(order)).toEqual(expected);
    expect(Array.from(sorted)).toEqual(expected.map((i) => values[i]! + 0));
  });
});

/** The standard normal CDF (erfc by a Chebyshev fit, relative error < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + z / 2);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
