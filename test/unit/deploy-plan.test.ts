import { describe, expect, it } from 'vitest';
import { judgeMeasurement, judgeStep } from '../../src/deploy/analysis.js';
import type { Histogram, ServingSnapshot } from '../../src/deploy/metrics.js';
import { analysisSchema, parseDuration, resolveStage, rolloutPlanSchema } from '../../src/deploy/plan.js';
import { servingAt, type HistoryEvent } from '../../src/deploy/progress.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { ConfigurationError } from '../../src/platform/errors.js';

const PROVIDER = `provider:
  kind: haproxy
  runtime_api: 127.0.0.1:9999
  backend: model
  candidate_url: http://127.0.0.1:18081
`;

function load(text: string) {
  return parseConfigText(text, 'rollout.yml', rolloutPlanSchema, 'rollout plan').value;
}

function loadError(text: string): ConfigurationError {
  try {
    load(text);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
}

describe('rollout plan', () => {
  it('reads the plan of the docs, with durations in milliseconds and 100 appended to the steps', () => {
    const plan = load(`version: 1
${PROVIDER}stages:
  - name: staging
    smoke: {requests: 50}
  - name: production
    canary:
      steps: [5, 25, 50]
      interval: 2m
    analysis:
      max_error_rate: 0.01
      max_p99_latency_ms: 300
      relative_to_stable: {error_rate: 2.0, p99_latency: 1.5}
      prediction_drift: {method: psi, max: 0.2}
      failure_limit: 1
    on_inconclusive: pause
`);
    const production = resolveStage(plan, plan.stages[1]!);
    expect(production.steps).toEqual([5, 25, 50, 100]);
    expect(production.intervalMs).toBe(120_000);
    expect(production.measureEveryMs).toBe(24_000);
    expect(production.provider.kind).toBe('haproxy');
    expect(production.ready_timeout).toBe(120_000);
    const staging = resolveStage(plan, plan.stages[0]!);
    expect(staging.steps).toEqual([100]);
    expect(staging.smoke?.requests).toBe(50);
  });

  it('parses durations', () => {
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration(3)).toBe(3000);
    expect(parseDuration('2 minutes')).toBeUndefined();
  });

  it.each([
    ['weights that do not increase', 'steps: [5, 50, 25]', /canary steps must increase: 25 comes after 50/, 10],
    ['a weight over 100', 'steps: [5, 150]', /stages\.0\.canary\.steps\.1: .*100/, 10],
    ['a zero weight', 'steps: [0, 50]', /stages\.0\.canary\.steps\.0/, 10],
  ])('refuses %s, at its line', (_what, steps, message, line) => {
    const error = loadError(`version: 1
${PROVIDER}stages:
  - name: production
    canary:
      ${steps}
      interval: 10s
    analysis: {max_error_rate: 0.01}
`);
    expect(error.message).toMatch(message);
    expect(error.file).toBe('rollout.yml');
    expect(error.line).toBe(line);
  });

  it('refuses a bad duration, an unknown key, a missing provider, a canary without analysis, a repeated stage', () => {
    expect(loadError(`version: 1\n${PROVIDER}stages:\n  - name: p\n    canary: {steps: [50], interval: soon}\n    analysis: {}\n`).message).toMatch(/"soon" is not a duration/);
    const unknown = loadError(`version: 1\n${PROVIDER}stages:\n  - name: p\n    canery: {steps: [50]}\n`);
    expect(unknown.message).toMatch(/canery/);
    expect(unknown.hint).toMatch(/Remove or correct "canery"/);
    expect(loadError(`version: 1\nstages:\n  - name: p\n`).message).toMatch(/stage p has no provider/);
    expect(loadError(`version: 1\n${PROVIDER}stages:\n  - name: p\n    canary: {steps: [50], interval: 10s}\n`).message).toMatch(/has a canary but no analysis/);
    expect(loadError(`version: 1\n${PROVIDER}stages:\n  - name: p\n  - name: p\n`).message).toMatch(/named twice/);
    expect(loadError(`version: 2\n${PROVIDER}stages:\n  - name: p\n`).message).toMatch(/version/);
    expect(loadError(`version: 1\nprovider: {kind: nomad}\nstages:\n  - name: p\n`).message).toMatch(/provider/);
  });
});

function histogram(observations: number[]): Histogram {
  const bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, Infinity];
  const counts = bounds.map(() => 0);
  for (const o of observations) counts[bounds.findIndex((b) => o <= b)]!++;
  return { bounds, counts, count: observations.length, sum: observations.reduce((a, b) => a + b, 0) };
}

function snapshot(requests: number, serverErrors: number, latencySeconds: number, classes: Record<string, number> = {}): ServingSnapshot {
  return {
    requests,
    serverErrors,
    clientErrors: 0,
    duration: histogram(Array.from({ length: requests }, () => latencySeconds)),
    predictionRows: Object.values(classes).reduce((a, b) => a + b, 0),
    classes,
    score: undefined,
  };
}

describe('canary analysis', () => {
  const config = analysisSchema.parse({
    max_error_rate: 0.05,
    max_p99_latency_ms: 200,
    relative_to_stable: { error_rate: 2, p99_latency: 1.5 },
    prediction_drift: { method: 'psi', max: 0.2, min_predictions: 100 },
    min_requests: 20,
  });
  const ok = [{ name: 'health' as const, ok: true, detail: 'GET /health answered 200', ms: 2 }];

  it('passes a healthy candidate that predicts like stable', () => {
    const j = judgeMeasurement(config, {
      candidate: snapshot(100, 1, 0.02, { '0': 60, '1': 40 }),
      stable: snapshot(400, 4, 0.02, { '0': 240, '1': 160 }),
      probes: ok,
    });
    expect(j.verdict).toBe('pass');
    expect(j.checks.map((c) => [c.name, c.status])).toEqual([
      ['health', 'pass'],
      ['error-rate', 'pass'],
      ['p99-latency', 'pass'],
      ['error-rate-vs-stable', 'pass'],
      ['p99-vs-stable', 'pass'],
      ['prediction-drift', 'pass'],
    ]);
  });

  it('fails on errors, on latency, relative to stable, and on shifted predictions', () => {
    const errors = judgeMeasurement(config, { candidate: snapshot(100, 10, 0.02), stable: snapshot(100, 0, 0.02), probes: ok });
    expect(errors.verdict).toBe('fail');
    expect(errors.checks.find((c) => c.name === 'error-rate')).toMatchObject({ status: 'fail', value: 0.1 });
    expect(errors.checks.find((c) => c.name === 'error-rate-vs-stable')?.status).toBe('fail');
    const slow = judgeMeasurement(config, { candidate: snapshot(100, 0, 0.4), stable: snapshot(100, 0, 0.02), probes: ok });
    expect(slow.checks.find((c) => c.name === 'p99-latency')?.status).toBe('fail');
    expect(slow.checks.find((c) => c.name === 'p99-vs-stable')?.status).toBe('fail');
    const shifted = judgeMeasurement(config, {
      candidate: snapshot(200, 0, 0.02, { '0': 20, '1': 180 }),
      stable: snapshot(200, 0, 0.02, { '0': 180, '1': 20 }),
      probes: ok,
    });
    expect(shifted.checks.find((c) => c.name === 'prediction-drift')?.status).toBe('fail');
    const probeDown = judgeMeasurement(config, { candidate: snapshot(100, 0, 0.02), probes: [{ name: 'predict', ok: false, detail: 'POST /predict answered 500', ms: 3 }] });
    expect(probeDown.verdict).toBe('fail');
    const noMetrics = judgeMeasurement(config, { candidateMetricsError: 'ECONNREFUSED', probes: ok });
    expect(noMetrics.checks.at(-1)).toMatchObject({ name: 'metrics', status: 'fail' });
  });

  it('is inconclusive on too few requests, unless the errors already exceed the limit', () => {
    const few = judgeMeasurement({ ...config, relative_to_stable: undefined, prediction_drift: undefined }, { candidate: snapshot(5, 0, 0.02), probes: [] });
    expect(few.verdict).toBe('inconclusive');
    // 3 errors in 5 requests: even if 15 more had succeeded, 3 / 20 = 15 % > 5 %.
    const bad = judgeMeasurement(config, { candidate: snapshot(5, 3, 0.02), probes: [] });
    expect(bad.checks.find((c) => c.name === 'error-rate')?.status).toBe('fail');
  });

  it('fails a step only past the failure limit', () => {
    expect(judgeStep(['pass', 'fail', 'pass'], 1)).toBe('pass');
    expect(judgeStep(['fail', 'fail'], 1)).toBe('fail');
    expect(judgeStep(['fail'], 0)).toBe('fail');
    expect(judgeStep(['inconclusive', 'inconclusive'], 1)).toBe('inconclusive');
    expect(judgeStep(['inconclusive', 'fail'], 1)).toBe('inconclusive');
  });
});

describe('deploy history', () => {
  const events: HistoryEvent[] = [
    { at: '2026-11-01T10:00:00.000Z', stage: 'production', image: 'model:1', outcome: 'promoted' },
    { at: '2026-11-02T10:00:00.000Z', stage: 'production', image: 'model:2', outcome: 'started' },
    { at: '2026-11-02T10:05:00.000Z', stage: 'production', image: 'model:2', outcome: 'rolled-back' },
    { at: '2026-11-03T10:00:00.000Z', stage: 'staging', image: 'model:3', outcome: 'promoted' },
    { at: '2026-11-04T10:00:00.000Z', stage: 'production', image: 'model:3', outcome: 'promoted' },
  ];
  it('names what served a stage at a time: the last promotion before it', () => {
    expect(servingAt(events, 'production', new Date('2026-10-31T00:00:00Z'))).toBeUndefined();
    expect(servingAt(events, 'production', new Date('2026-11-03T00:00:00Z'))?.image).toBe('model:1');
    expect(servingAt(events, 'production', new Date('2026-11-04T10:00:00Z'))?.image).toBe('model:3');
    expect(servingAt(events, 'staging', new Date('2026-11-05T00:00:00Z'))?.image).toBe('model:3');
  });
});
