import { afterAll, describe, expect, it } from 'vitest';
import { examplesToSettle, gatesSchema, judgeMetric, overallVerdict } from '../../src/eval/gates.js';
import { mcnemar } from '../../src/eval/mcnemar.js';
import { readMetricsFile } from '../../src/eval/metrics-file.js';
import { loadPredictions, DEFAULT_COLUMNS } from '../../src/eval/predictions.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { lineDiff } from '../../src/platform/text-diff.js';
import { normalQuantile } from '../../src/stats/distributions.js';
import { makeTempDir } from '../support/tmp.js';
import { python } from './stats-reference.js';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

describe('gates', () => {
  it('judge bounds and margins on intervals: pass, fail, inconclusive with the examples that would settle it', () => {
    const higher = { direction: 'higher' as const, examples: 10_000 };
    // min 0.8 on the candidate's interval.
    expect(judgeMetric('roc_auc', { min: 0.8 }, { ...higher, candidate: { estimate: 0.85, low: 0.82, high: 0.88 } })[0]!.status).toBe('pass');
    expect(judgeMetric('roc_auc', { min: 0.8 }, { ...higher, candidate: { estimate: 0.75, low: 0.72, high: 0.79 } })[0]!.status).toBe('fail');
    const straddle = judgeMetric('roc_auc', { min: 0.8 }, { ...higher, candidate: { estimate: 0.81, low: 0.79, high: 0.83 } })[0]!;
    expect(straddle.status).toBe('inconclusive');
    // Half-width 0.02 below, distance 0.01: four times the examples.
    expect(straddle.examplesToSettle).toBe(40_000);
    expect(straddle.reason).toContain('about 40,000 examples would');

    // max_drop 0.005 on the paired difference (non-inferiority).
    const base = { estimate: 0.9, low: 0.89, high: 0.91 };
    const cand = { estimate: 0.9, low: 0.89, high: 0.91 };
    const drop = (low: number, high: number) => judgeMetric('roc_auc', { max_drop: 0.005 }, { ...higher, candidate: cand, baseline: base, delta: { estimate: (low + high) / 2, low, high } })[0]!;
    expect(drop(-0.004, 0.002).status).toBe('pass');
    expect(drop(-0.02, -0.006).status).toBe('fail');
    expect(drop(-0.008, 0.001).status).toBe('inconclusive');

    // Lower is better, relative margin: 2 % of the baseline's 0.5 = 0.01.
    const rise = judgeMetric(
      'log_loss',
      { max_rise_relative: 0.02 },
      { direction: 'lower', candidate: { estimate: 0.51 }, baseline: { estimate: 0.5 }, delta: { estimate: 0.011, low: 0.0105, high: 0.0115 } },
    )[0]!;
    expect(rise.status).toBe('fail');
    expect(rise.threshold).toBeCloseTo(0.01, 15);

    // No baseline: change gates are skipped, bounds still judged; a point value is judged as a point.
    const first = judgeMetric('roc_auc', { min: 0.8, max_drop: 0.01 }, { direction: 'higher', candidate: { estimate: 0.83 } });
    expect(first.map((r) => r.status)).toEqual(['pass', 'skipped']);
    expect(first[0]!.reason).toContain('a point value');
    // A drop gate on a lower-is-better metric is a mistake the report names.
    expect(judgeMetric('log_loss', { max_drop: 0.1 }, { direction: 'lower', candidate: { estimate: 1 }, baseline: { estimate: 1 }, delta: { estimate: 0 } })[0]!.reason).toContain('use max_rise');
    expect(overallVerdict([...first, straddle])).toBe('inconclusive');
    expect(overallVerdict([...first, straddle, rise])).toBe('fail');
    expect(examplesToSettle({ estimate: 0.8, low: 0.79, high: 0.81 }, 0.8, 100)).toBe(Infinity);
  });

  it('validates the gates file with lines and hints', () => {
    const good = parseConfigText('version: 1\nmetrics:\n  roc_auc: {min: 0.8, max_drop: 0.005}\n', 'gates.yaml', gatesSchema, 'gates file');
    expect(good.value.confidence).toBe(0.95);
    const attempt = (text: string) => {
      try {
        parseConfigText(text, 'gates.yaml', gatesSchema, 'gates file');
      } catch (error) {
        return error as ConfigurationError;
      }
      throw new Error('no error');
    };
    const typo = attempt('version: 1\nmetrics:\n  roc_auc:\n    mni: 0.8\n');
    expect(typo.message).toContain('metrics.roc_auc');
    expect(typo.line).toBe(3);
    expect(attempt('version: 1\nmetrics:\n  roc_auc: {min: 0.9, max: 0.8}\n').message).toContain('min 0.9 is above max 0.8');
    expect(attempt('version: 1\nconfidence: 1.5\nmetrics: {}\n').line).toBe(2);
  });
});

describe('metrics files', () => {
  it('read JSON (a DVC metrics.json, nested keys as dots), YAML and both CSV layouts', async () => {
    const dvc = tmp.write('metrics.json', JSON.stringify({ test: { roc_auc: 0.91, loss: '0.3' }, epoch: 10, name: 'x', list: [1, 2] }));
    expect(await readMetricsFile(dvc, 'metrics.json')).toEqual({ 'test.roc_auc': 0.91, 'test.loss': 0.3, epoch: 10 });
    expect(await readMetricsFile(tmp.write('m.yaml', 'accuracy: 0.8\nf1: 0.7\n'), 'm.yaml')).toEqual({ accuracy: 0.8, f1: 0.7 });
    expect(await readMetricsFile(tmp.write('long.csv', 'metric,value\nroc_auc,0.9\nlog_loss,0.4\n'), 'long.csv')).toEqual({ roc_auc: 0.9, log_loss: 0.4 });
    expect(await readMetricsFile(tmp.write('wide.csv', 'roc_auc,log_loss\n0.9,0.4\n'), 'wide.csv')).toEqual({ roc_auc: 0.9, log_loss: 0.4 });
    const bad = await readMetricsFile(tmp.write('bad.csv', 'metric,value\nroc_auc,0.9\nlog_loss,n/a\n'), 'bad.csv').catch((e: unknown) => e as ConfigurationError);
    expect(bad).toBeInstanceOf(ConfigurationError);
    expect((bad as ConfigurationError).line).toBe(3);
    expect(await readMetricsFile(tmp.write('empty.json', ''), 'empty.json').catch((e: unknown) => (e as Error).message)).toBe('the metrics file is empty');
  });
});

describe('predictions', () => {
  it('read labels, scores, weights and slices, name the line of a bad value, and fingerprint the eval set only', async () => {
    const a = tmp.write('a.csv', 'y_true,y_score,weight,country\n1,0.9,1,DE\n0,0.2,2,FR\n1,0.6,1,DE\n');
    const b = tmp.write('b.csv', 'y_true,y_score,weight,country\n1,0.1,1,DE\n0,0.7,2,FR\n1,0.3,1,DE\n');
    const names = { ...DEFAULT_COLUMNS, slices: ['country'] };
    const pa = await loadPredictions({ path: a, displayName: 'a.csv' }, names, {}, { labelsNumeric: true });
    const pb = await loadPredictions({ path: b, displayName: 'b.csv' }, { ...DEFAULT_COLUMNS }, {}, { labelsNumeric: true });
    expect(Array.from(pa.yTrue)).toEqual([1, 0, 1]);
    expect(Array.from(pa.weight!)).toEqual([1, 2, 1]);
    expect(pa.slices.country!.values).toEqual(['DE', 'FR']);
    expect(Array.from(pa.slices.country!.codes)).toEqual([0, 1, 0]);
    // Same examples, other model: same fingerprint; other labels: another.
    expect(pb.fingerprint).toBe(pa.fingerprint);
    const c = tmp.write('c.csv', 'y_true,y_score,weight\n0,0.9,1\n0,0.2,2\n1,0.6,1\n');
    expect((await loadPredictions({ path: c, displayName: 'c.csv' }, DEFAULT_COLUMNS, {}, { labelsNumeric: true })).fingerprint).not.toBe(pa.fingerprint);

    const nan = tmp.write('nan.csv', 'y_true,y_score\n1,0.9\n0,NaN\n');
    const error = (await loadPredictions({ path: nan, displayName: 'nan.csv' }, DEFAULT_COLUMNS, {}, { labelsNumeric: true }).catch((e: unknown) => e)) as ConfigurationError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe('y_score: "NaN" is not a finite number');
    expect(error.line).toBe(3);
    const noLabel = (await loadPredictions({ path: tmp.write('n.csv', 'label,y_score\n1,0.5\n'), displayName: 'n.csv' }, DEFAULT_COLUMNS, {}, { labelsNumeric: true }).catch((e: unknown) => e)) as Error;
    expect(noLabel.message).toContain('no label column "y_true"');
    const empty = (await loadPredictions({ path: tmp.write('e.csv', 'y_true,y_score\n'), displayName: 'e.csv' }, DEFAULT_COLUMNS, {}, { labelsNumeric: true }).catch((e: unknown) => e)) as Error;
    expect(empty.message).toBe('the predictions file has no rows');

    // Text labels are coded in sorted order, as scikit-learn orders classes.
    const animals = tmp.write('m.csv', 'y_true,y_pred\ndog,cat\ncat,cat\nbird,dog\n');
    const pm = await loadPredictions({ path: animals, displayName: 'm.csv' }, DEFAULT_COLUMNS, {}, { labelsNumeric: false });
    expect(pm.labels).toEqual(['bird', 'cat', 'dog']);
    expect(Array.from(pm.yTrue)).toEqual([2, 1, 0]);
    expect(Array.from(pm.yPred!)).toEqual([1, 1, 2]);
  });
});

describe('statistics of the gate', () => {
  it("McNemar's statistic and p-value equal the continuity-corrected test computed with scipy", () => {
    const yTrue = Float64Array.from({ length: 200 }, (_, i) => i % 2);
    const cand = Float64Array.from(yTrue, (y, i) => (i % 7 === 0 ? 1 - y : y));
    const baseline = Float64Array.from(yTrue, (y, i) => (i % 5 === 0 ? 1 - y : y));
    const ours = mcnemar(yTrue, cand, baseline);
    const ref = python<{ b: number; c: number; stat: number; p: number }>(
      `
y, c1, c2 = (np.array(data[k]) for k in ('y', 'c', 'b'))
b = int(np.sum((c1 == y) & (c2 != y))); c = int(np.sum((c1 != y) & (c2 == y)))
stat = (abs(b - c) - 1) ** 2 / (b + c)
emit({'b': b, 'c': c, 'stat': stat, 'p': scipy.stats.chi2.sf(stat, 1)})
`,
      { y: Array.from(yTrue), c: Array.from(cand), b: Array.from(baseline) },
    );
    expect([ours.candidateOnlyCorrect, ours.baselineOnlyCorrect]).toEqual([ref.b, ref.c]);
    expect(ours.statistic).toBeCloseTo(ref.stat, 12);
    expect(Math.abs(ours.pValue - ref.p) / ref.p).toBeLessThan(1e-9);
  });

  it('normalQuantile equals scipy.stats.norm.ppf to 1.2e-9', () => {
    const ps = [1e-12, 1e-6, 0.001, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.99, 0.999999];
    const ref = python<number[]>('emit(scipy.stats.norm.ppf(np.array(data)))', ps);
    ps.forEach((p, i) => {
      const want = ref[i]!;
      expect(Math.abs(normalQuantile(p) - want), `p = ${p}`).toBeLessThanOrEqual(1.2e-9 * Math.max(1, Math.abs(want)));
    });
  });

  it('lineDiff shows changed lines with one line of context', () => {
    const before = 'version: 1\nmetrics:\n  roc_auc: {min: 0.8}\n  f1: {min: 0.5}\nslices: x\n';
    const after = 'version: 1\nmetrics:\n  roc_auc: {min: 0.7}\n  f1: {min: 0.5}\nslices: x\n';
    expect(lineDiff(before, after)).toEqual(['metrics:', '-  roc_auc: {min: 0.8}', '+  roc_auc: {min: 0.7}', '   f1: {min: 0.5}'].map((l, i) => (i === 0 ? ` ${l}` : l)));
  });
});

describe('training noise from train-check seeds', () => {
  it('widens the intervals by z·σ (candidate) and z·σ·√2 (difference), turning a point-value fail into inconclusive', async () => {
    const { evaluateMetricsGate } = await import('../../src/eval/compare.js');
    const gates = gatesSchema.parse({ version: 1, confidence: 0.95, metrics: { accuracy: { min: 0.75, max_drop: 0.01 } } });
    const run = (trainingNoise?: { source: string; std: Record<string, number> }) =>
      evaluateMetricsGate({
        gates,
        gatesFile: 'gates.yaml',
        candidate: { kind: 'metrics', name: 'candidate.json', values: { accuracy: 0.8 } },
        baseline: { kind: 'metrics', name: 'baseline.json', values: { accuracy: 0.82 } },
        task: 'binary',
        threshold: 0.5,
        resamples: 100,
        seed: 0,
        allowDifferentData: false,
        startedAt: new Date(),
        trainingNoise,
      });
    const without = await run();
    expect(without.details.gates.map((g) => `${g.gate}:${g.status}`)).toEqual(['min 0.75:pass', 'max_drop 0.01:fail']);
    const sigma = 0.015;
    const noisy = await run({ source: 'train-variance.json', std: { accuracy: sigma, other: 1 } });
    const z = normalQuantile(0.975);
    const row = noisy.details.comparison[0]!;
    expect(row.candidate.low).toBeCloseTo(0.8 - z * sigma, 12);
    expect(row.candidate.high).toBeCloseTo(0.8 + z * sigma, 12);
    expect(row.delta!.low).toBeCloseTo(-0.02 - z * sigma * Math.SQRT2, 12);
    expect(row.delta!.high).toBeCloseTo(-0.02 + z * sigma * Math.SQRT2, 12);
    expect(noisy.details.gates.map((g) => `${g.gate}:${g.status}`)).toEqual(['min 0.75:pass', 'max_drop 0.01:inconclusive']);
    expect(noisy.details.trainingNoise).toEqual({ source: 'train-variance.json', std: { accuracy: sigma } });
    expect(noisy.report.findings.some((f) => f.rule === 'training-noise' && f.message.includes('accuracy 0.015'))).toBe(true);
    // The stored evaluation (a later run's baseline) keeps the eval set's own values.
    expect(noisy.details.evaluation.metrics.accuracy).toEqual({ estimate: 0.8 });
  });
});
