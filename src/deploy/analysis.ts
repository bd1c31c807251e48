import { sameValue } from '../container/smoke.js';
import type { AnalysisConfig } from './plan.js';
import { histogramQuantile, predictionDistance, servingSnapshotFromText, type ServingSnapshot } from './metrics.js';

/**
 * The analysis of a canary step. Each measurement compares what the candidate and stable served
 * since the previous measurement (scraped from their /metrics) and probes the candidate directly.
 * Every check passes, fails, or is inconclusive (too few requests to tell); a measurement fails
 * when any check fails, passes when none fails and a check of the traffic passed. The step then counts
 * failed measurements against the failure limit.
 *
 * Error rate and latency are judged per measurement, so a fault is seen within one measurement
 * period; the prediction distribution needs volume and is judged on everything since the step
 * began.
 */
export type CheckStatus = 'pass' | 'fail' | 'inconclusive';

export interface CheckResult {
  name: 'health' | 'predict' | 'error-rate' | 'p99-latency' | 'error-rate-vs-stable' | 'p99-vs-stable' | 'prediction-drift' | 'metrics';
  status: CheckStatus;
  /** The measured value (a rate, milliseconds, a ratio or a distance). */
  value?: number;
  limit?: number;
  /** One sentence: what was measured against what. */
  detail: string;
}

export interface MeasurementInput {
  /** The candidate's traffic since the previous measurement; undefined when /metrics failed. */
  candidate?: ServingSnapshot;
  stable?: ServingSnapshot;
  /** Everything since the step began, for the prediction distribution. */
  candidateStep?: ServingSnapshot;
  stableStep?: ServingSnapshot;
  /** Why the candidate's /metrics could not be read. */
  candidateMetricsError?: string;
  probes: ProbeResult[];
}

export interface Judgement {
  checks: CheckResult[];
  verdict: CheckStatus;
}

export interface ProbeResult {
  name: 'health' | 'predict';
  ok: boolean;
  detail: string;
  ms: number;
}

export function judgeMeasurement(config: AnalysisConfig, m: MeasurementInput): Judgement {
  const checks: CheckResult[] = [];
  for (const p of m.probes) checks.push({ name: p.name, status: p.ok ? 'pass' : 'fail', detail: p.detail });
  const cand = m.candidate;
  if (!cand) {
    checks.push({ name: 'metrics', status: 'fail', detail: `the candidate's /metrics could not be read: ${m.candidateMetricsError ?? 'no answer'}` });
    return { checks, verdict: 'fail' };
  }
  const min = config.min_requests;
  const candRate = cand.requests > 0 ? cand.serverErrors / cand.requests : 0;

  if (config.max_error_rate !== undefined) {
    // Too few requests to tell, unless the errors alone are already over the limit however the
    // missing requests would have gone.
    const lowerBound = cand.serverErrors / Math.max(cand.requests, min);
    const status: CheckStatus = lowerBound > config.max_error_rate ? 'fail' : cand.requests < min ? 'inconclusive' : 'pass';
    checks.push({
      name: 'error-rate',
      status,
      value: candRate,
      limit: config.max_error_rate,
      detail: `${cand.serverErrors} of ${cand.requests} candidate requests answered 5xx (${percent(candRate)}; at most ${percent(config.max_error_rate)})${status === 'inconclusive' ? `; fewer than ${min} requests` : ''}`,
    });
  }
  const candP99 = p99Ms(cand);
  if (config.max_p99_latency_ms !== undefined) {
    const status: CheckStatus = cand.requests < min || candP99 === undefined ? 'inconclusive' : candP99 > config.max_p99_latency_ms ? 'fail' : 'pass';
    checks.push({
      name: 'p99-latency',
      status,
      value: candP99,
      limit: config.max_p99_latency_ms,
      detail: candP99 === undefined ? 'no candidate requests' : `candidate p99 ${ms(candP99)} (at most ${ms(config.max_p99_latency_ms)})${status === 'inconclusive' ? `; fewer than ${min} requests` : ''}`,
    });
  }

  const relative = config.relative_to_stable;
  const stable = m.stable;
  if (relative?.error_rate !== undefined) {
    if (!stable || stable.requests < min || cand.requests < min) {
      checks.push({ name: 'error-rate-vs-stable', status: 'inconclusive', detail: `too few requests to compare with stable (candidate ${cand.requests}, stable ${stable?.requests ?? 'no metrics'}; need ${min} each)` });
    } else {
      const stableRate = stable.serverErrors / stable.requests;
      // One error of slack: against a stable rate of 0 any single error would be an infinite ratio.
      const allowed = relative.error_rate * stableRate + 1 / cand.requests;
      checks.push({
        name: 'error-rate-vs-stable',
        status: candRate > allowed ? 'fail' : 'pass',
        value: stableRate > 0 ? candRate / stableRate : undefined,
        limit: relative.error_rate,
        detail: `candidate error rate ${percent(candRate)} against stable ${percent(stableRate)} (at most ${relative.error_rate}× stable plus one request)`,
      });
    }
  }
  if (relative?.p99_latency !== undefined) {
    const stableP99 = stable ? p99Ms(stable) : undefined;
    if (!stable || stable.requests < min || cand.requests < min || stableP99 === undefined || candP99 === undefined) {
      checks.push({ name: 'p99-vs-stable', status: 'inconclusive', detail: `too few requests to compare with stable (candidate ${cand.requests}, stable ${stable?.requests ?? 'no metrics'}; need ${min} each)` });
    } else {
      const ratio = candP99 / Math.max(stableP99, 1e-9);
      checks.push({
        name: 'p99-vs-stable',
        status: ratio > relative.p99_latency ? 'fail' : 'pass',
        value: ratio,
        limit: relative.p99_latency,
        detail: `candidate p99 ${ms(candP99)} is ${ratio.toFixed(2)}× stable's ${ms(stableP99)} (at most ${relative.p99_latency}×)`,
      });
    }
  }

  const drift = config.prediction_drift;
  if (drift) {
    const cs = m.candidateStep ?? cand;
    const ss = m.stableStep ?? stable;
    const d = ss ? predictionDistance(drift.method, ss, cs) : undefined;
    if (!d || d.candidateCount < drift.min_predictions || d.stableCount < drift.min_predictions) {
      checks.push({
        name: 'prediction-drift',
        status: 'inconclusive',
        detail: `too few predictions to compare since the step began (candidate ${d?.candidateCount ?? cs.predictionRows}, stable ${d?.stableCount ?? ss?.predictionRows ?? 'no metrics'}; need ${drift.min_predictions} each)`,
      });
    } else {
      checks.push({
        name: 'prediction-drift',
        status: d.value > drift.max ? 'fail' : 'pass',
        value: d.value,
        limit: drift.max,
        detail: `${drift.method === 'psi' ? 'PSI' : 'Jensen-Shannon distance'} of the candidate's predicted ${d.basis === 'score' ? 'scores' : 'classes'} against stable's: ${d.value.toFixed(4)} (at most ${drift.max}; ${d.candidateCount} vs ${d.stableCount} predictions)`,
      });
    }
  }
  return { checks, verdict: verdictOf(checks) };
}

/**
 * Any failed check fails the measurement. Passing probes alone do not pass it when the analysis
 * judges traffic: without user requests there is no evidence, and the measurement is inconclusive.
 */
export function verdictOf(checks: readonly CheckResult[]): CheckStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  const traffic = checks.filter((c) => c.name !== 'health' && c.name !== 'predict');
  return (traffic.length > 0 ? traffic : checks).some((c) => c.status === 'pass') ? 'pass' : 'inconclusive';
}

/** A step: failed when more measurements failed than the limit allows, passed when one passed. */
export function judgeStep(verdicts: readonly CheckStatus[], failureLimit: number): CheckStatus {
  if (verdicts.filter((v) => v === 'fail').length > failureLimit) return 'fail';
  return verdicts.includes('pass') ? 'pass' : 'inconclusive';
}

export function p99Ms(s: ServingSnapshot): number | undefined {
  const q = histogramQuantile(0.99, s.duration);
  return q === undefined ? undefined : q * 1000;
}

/**
 * Reads serving metrics in the Prometheus text format: a server's own /metrics, or a Prometheus
 * federation URL whose series (one per replica) are added up.
 */
export async function scrapeServing(metricsUrl: string, timeoutMs: number): Promise<ServingSnapshot> {
  const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/plain; version=0.0.4' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${new URL(metricsUrl).pathname} answered ${response.status}`);
  return servingSnapshotFromText(text);
}

/** A version's metrics URL: the plan's, or its own /metrics. */
export function metricsUrl(baseUrl: string | undefined, configured: string | undefined): string | undefined {
  return configured ?? (baseUrl ? `${baseUrl.replace(/\/$/, '')}/metrics` : undefined);
}

/**
 * GET /health, and POST the package's input example to /predict: it must answer 200 with one
 * prediction per row (and, when the package has an expected output, those predictions).
 */
export async function probeCandidate(baseUrl: string, options: { health: boolean; predict: boolean; rows: unknown[]; expected?: unknown[]; timeoutMs: number }): Promise<ProbeResult[]> {
  const base = baseUrl.replace(/\/$/, '');
  const results: ProbeResult[] = [];
  if (options.health) {
    const t = performance.now();
    try {
      const r = await fetch(`${base}/health`, { signal: AbortSignal.timeout(options.timeoutMs) });
      await r.arrayBuffer();
      results.push({ name: 'health', ok: r.ok, detail: `GET /health answered ${r.status}`, ms: performance.now() - t });
    } catch (error) {
      results.push({ name: 'health', ok: false, detail: `GET /health failed: ${reason(error)}`, ms: performance.now() - t });
    }
  }
  if (options.predict && options.rows.length > 0) {
    const t = performance.now();
    try {
      const r = await fetch(`${base}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rows: options.rows }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await r.text();
      const elapsed = performance.now() - t;
      if (!r.ok) {
        results.push({ name: 'predict', ok: false, detail: `POST /predict answered ${r.status}: ${text.slice(0, 200)}`, ms: elapsed });
      } else {
        const predictions = (JSON.parse(text) as { predictions?: unknown }).predictions;
        const count = Array.isArray(predictions) ? predictions.length : undefined;
        const mismatch = Array.isArray(predictions) && options.expected ? options.expected.findIndex((e, i) => !sameValue(e, predictions[i])) : -1;
        const ok = count === options.rows.length && mismatch < 0;
        results.push({
          name: 'predict',
          ok,
          detail: count !== options.rows.length ? `POST /predict returned ${count ?? 'no'} predictions for ${options.rows.length} rows` : mismatch >= 0 ? `POST /predict: row ${mismatch + 1} differs from the package's expected output` : `POST /predict answered ${options.rows.length} predictions`,
          ms: elapsed,
        });
      }
    } catch (error) {
      results.push({ name: 'predict', ok: false, detail: `POST /predict failed: ${reason(error)}`, ms: performance.now() - t });
    }
  }
  return results;
}

function reason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'timed out';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

function percent(x: number): string {
  return `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)} %`;
}

function ms(x: number): string {
  return `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
}
