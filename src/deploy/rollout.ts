import { smokeTest, type SmokeResult } from '../container/smoke.js';
import { isConfigurationError } from '../platform/errors.js';
import { judgeMeasurement, judgeStep, metricsUrl, p99Ms, probeCandidate, scrapeServing, type CheckResult, type CheckStatus, type ProbeResult } from './analysis.js';
import { addSnapshots, snapshotDelta, type ServingSnapshot } from './metrics.js';
import type { ResolvedStage } from './plan.js';
import type { ProgressRecord, ProgressStore } from './progress.js';
import type { DeployProvider, Endpoints, ProviderStage } from './provider.js';

/**
 * One stage of a rollout, from whatever state the target is in to one version at 100 %:
 *
 * 1. Converge: a rollout left unfinished by a killed job (the progress record says running, or the
 *    provider shows a candidate) is rolled back, or resumed at its step with `resume: continue`.
 *    A paused rollout of the same image resumes where it paused.
 * 2. Preflight the provider (before any traffic moves), deploy the candidate at weight 0, wait for
 *    /health, check /predict on the package's input example, and run the stage's smoke requests.
 * 3. Canary: for each step, set the weight and analyse for the interval (analysis.ts). A failed
 *    step rolls back at once; an inconclusive one pauses (traffic back to stable, candidate kept)
 *    or fails, as the plan says.
 * 4. Promote.
 *
 * Any error after the candidate is deployed, and a cancel, roll back before the error is passed
 * on. The progress record is written before and after each traffic change.
 */
export type Outcome = 'promoted' | 'rolled-back' | 'paused';

export interface RolloutOptions {
  stage: ResolvedStage;
  image: string;
  provider: DeployProvider;
  progress: ProgressStore;
  /** An unfinished rollout of the same image found on a re-run: roll it back (default) or continue it. */
  resume: 'rollback' | 'continue';
  /** The package's input example and expected output, for /predict probes. */
  rows: unknown[];
  expected?: unknown[];
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Told of each state change, to record it (GitHub deployment statuses). */
  onState?: (state: 'in_progress' | 'success' | 'failure' | 'paused', description: string, endpoints?: Endpoints) => Promise<void>;
  /** The package's model, for the history. */
  model?: { name: string; version: string; digest?: string };
  deploymentId?: number;
}

export interface TimelineEntry {
  /** Milliseconds since the stage began. */
  atMs: number;
  weight: number;
  event: 'recover' | 'deploy' | 'ready' | 'smoke' | 'weight' | 'measure' | 'step' | 'rollback' | 'pause' | 'promote' | 'error';
  verdict?: CheckStatus;
  detail: string;
  checks?: CheckResult[];
}

export interface StepResult {
  index: number;
  weight: number;
  verdict: CheckStatus;
  measurements: number;
  failedMeasurements: number;
  candidateRequests: number;
  candidateErrors: number;
  stableRequests?: number;
  candidateP99Ms?: number;
  stableP99Ms?: number;
  durationMs: number;
  /** The checks of the deciding measurement: the last one, or the one that failed the step. */
  checks: CheckResult[];
}

export interface RolloutResult {
  stage: string;
  image: string;
  outcome: Outcome;
  verdict: 'pass' | 'fail' | 'inconclusive' | 'error';
  finalWeight: number;
  reason: string;
  endpoints?: Endpoints;
  steps: StepResult[];
  timeline: TimelineEntry[];
  smoke?: SmokeResult;
  previousImage?: string;
  /** From the failing measurement to traffic back on stable. */
  rollbackMs?: number;
  /** From the start of the failing step to the rollback's end. */
  detectionMs?: number;
  durationMs: number;
  error?: unknown;
}

export async function runStage(options: RolloutOptions): Promise<RolloutResult> {
  const { stage, provider, progress, log } = options;
  const target: ProviderStage = { name: stage.name, image: options.image };
  const started = performance.now();
  const timeline: TimelineEntry[] = [];
  const at = () => Math.round(performance.now() - started);
  const note = (entry: Omit<TimelineEntry, 'atMs'>) => {
    timeline.push({ atMs: at(), ...entry });
    log(`${(at() / 1000).toFixed(1).padStart(6)} s  ${String(entry.weight).padStart(3)} %  ${entry.event}${entry.verdict ? ` ${entry.verdict}` : ''}: ${entry.detail}`);
  };
  const steps: StepResult[] = [];
  const result = (outcome: Outcome, verdict: RolloutResult['verdict'], finalWeight: number, reason: string, extra: Partial<RolloutResult> = {}): RolloutResult => ({
    stage: stage.name,
    image: options.image,
    outcome,
    verdict,
    finalWeight,
    reason,
    steps,
    timeline,
    durationMs: at(),
    ...extra,
  });

  // Nothing may change before the target is known to answer and the image to exist.
  await provider.preflight(target);

  // 1. Converge what an earlier run left behind.
  const record = await progress.read(stage.name);
  const live = await provider.status(target);
  let startIndex = 0;
  const sameImage = record?.image === options.image;
  // A candidate at weight 0 and no record of a rollout is no split: deploy replaces it.
  const leftover = record?.status === 'running' || record?.status === 'paused' || live.candidateWeight > 0;
  if (leftover) {
    const what = `${record?.status === 'paused' ? 'a paused' : 'an unfinished'} rollout of ${record?.image ?? live.candidateImage ?? 'an unknown image'} (candidate at ${live.candidateWeight} %)`;
    if (record && sameImage && (record.status === 'paused' || options.resume === 'continue')) {
      startIndex = Math.min(record.stepIndex, stage.steps.length - 1);
      note({ event: 'recover', weight: live.candidateWeight, detail: `found ${what}: resuming at step ${startIndex + 1} of ${stage.steps.length}` });
    } else {
      await provider.rollback(target);
      if (record) await progress.write({ ...record, status: 'rolled-back', weight: 0, updatedAt: new Date().toISOString() });
      note({ event: 'recover', weight: 0, detail: `found ${what}: rolled it back, 100 % on stable` });
    }
  }

  const stableImage = leftover ? (await provider.status(target)).stableImage : live.stableImage;
  const now = () => new Date().toISOString();
  const base: ProgressRecord = {
    version: 1,
    stage: stage.name,
    image: options.image,
    status: 'running',
    stepIndex: startIndex,
    weight: 0,
    startedAt: startIndex > 0 && record ? record.startedAt : now(),
    updatedAt: now(),
    deploymentId: options.deploymentId,
    stableImage,
  };
  let current: ProgressRecord = base;
  const save = async (patch: Partial<ProgressRecord>) => {
    current = { ...current, ...patch, updatedAt: now() };
    await progress.write(current);
  };
  await save({});
  await progress.append({ at: now(), stage: stage.name, image: options.image, outcome: 'started', previous: stableImage, model: options.model, deploymentId: options.deploymentId });

  let endpoints: Endpoints | undefined;
  let weight = 0;
  const rollBack = async (reason: string, verdict: RolloutResult['verdict'], extra: Partial<RolloutResult> = {}): Promise<RolloutResult> => {
    const t = performance.now();
    await provider.rollback(target);
    weight = 0;
    const rollbackMs = performance.now() - t;
    await save({ status: 'rolled-back', weight: 0 });
    await progress.append({ at: now(), stage: stage.name, image: options.image, outcome: 'rolled-back', previous: stableImage, model: options.model, deploymentId: options.deploymentId, reason });
    note({ event: 'rollback', weight: 0, detail: `${reason}: 100 % back on stable in ${(rollbackMs / 1000).toFixed(2)} s` });
    await options.onState?.('failure', `rolled back: ${reason}`.slice(0, 140), endpoints);
    return result('rolled-back', verdict, 0, reason, { endpoints, previousImage: stableImage, rollbackMs: extra.rollbackMs ?? rollbackMs, ...extra });
  };

  try {
    // 2. Deploy at weight 0, wait for it, smoke it.
    await options.onState?.('in_progress', `deploying ${options.image}`);
    endpoints = await provider.deploy(target);
    note({ event: 'deploy', weight: 0, detail: `candidate ${options.image} started at ${endpoints.candidateUrl}` });
    const smoke = await smokeTest({
      baseUrl: endpoints.candidateUrl.replace(/\/$/, ''),
      rows: options.rows,
      expected: options.expected,
      requests: options.rows.length > 0 ? (stage.smoke?.requests ?? 0) : 0,
      startTimeoutMs: stage.ready_timeout,
    });
    if (!smoke.ok) return await rollBack(`the candidate failed its smoke test: ${smoke.problem ?? 'unknown'}`, 'fail', { smoke });
    const budget = stage.smoke?.max_p99_latency_ms;
    if (smoke.latency && budget !== undefined && smoke.latency.p99 > budget) {
      return await rollBack(`the candidate's smoke p99 latency ${smoke.latency.p99.toFixed(1)} ms is over ${budget} ms`, 'fail', { smoke });
    }
    note({ event: 'smoke', weight: 0, verdict: 'pass', detail: `/health in ${((smoke.startMs ?? 0) / 1000).toFixed(1)} s${smoke.latency ? `, ${smoke.latency.requests + 1} /predict requests, p99 ${smoke.latency.p99.toFixed(1)} ms` : ''}` });
    await options.onState?.('in_progress', 'candidate deployed and smoke-tested', endpoints);

    // 3. Canary steps. The very first rollout has no stable version to share traffic with.
    const canary = stage.canary !== undefined && live.stablePresent !== false;
    if (stage.canary && !canary) note({ event: 'step', weight: 0, detail: 'no stable version serves yet: the canary is skipped and the candidate promoted' });
    if (canary) {
      for (let i = startIndex; i < stage.steps.length; i++) {
        options.signal?.throwIfAborted();
        weight = stage.steps[i]!;
        await save({ status: 'running', stepIndex: i, weight });
        await provider.setWeight(target, weight);
        note({ event: 'weight', weight, detail: `step ${i + 1} of ${stage.steps.length}: ${weight} % of traffic on the candidate` });
        await options.onState?.('in_progress', `step ${i + 1}/${stage.steps.length}: ${weight} % on the candidate`, endpoints);
        const stepStarted = performance.now();
        const step = await analyseStep(options, endpoints, i, weight, note);
        steps.push(step);
        if (step.verdict === 'fail') {
          const failing = step.checks.filter((c) => c.status === 'fail').map((c) => c.detail);
          const rolled = await rollBack(`step ${i + 1} (${weight} %) failed its analysis: ${failing.join('; ')}`, 'fail');
          return { ...rolled, detectionMs: performance.now() - stepStarted };
        }
        if (step.verdict === 'inconclusive') {
          if (stage.on_inconclusive === 'fail') return await rollBack(`step ${i + 1} (${weight} %) was inconclusive: too few requests to judge`, 'inconclusive');
          await provider.setWeight(target, 0);
          weight = 0;
          await save({ status: 'paused', stepIndex: i, weight: 0 });
          const reason = `step ${i + 1} (${stage.steps[i]} %) was inconclusive (too few requests to judge): traffic is back on stable and the candidate kept; re-run to resume at this step`;
          await progress.append({ at: now(), stage: stage.name, image: options.image, outcome: 'paused', previous: stableImage, model: options.model, deploymentId: options.deploymentId, reason });
          note({ event: 'pause', weight: 0, detail: reason });
          await options.onState?.('paused', `paused at step ${i + 1}: inconclusive`, endpoints);
          return result('paused', 'inconclusive', 0, reason, { endpoints, smoke, previousImage: stableImage });
        }
      }
    }

    // 4. Promote.
    options.signal?.throwIfAborted();
    if (!canary) await provider.setWeight(target, 100);
    weight = 100;
    await save({ weight: 100 });
    await provider.promote(target);
    await save({ status: 'promoted', weight: 100 });
    await progress.append({ at: now(), stage: stage.name, image: options.image, outcome: 'promoted', previous: stableImage, model: options.model, deploymentId: options.deploymentId });
    note({ event: 'promote', weight: 100, detail: `${options.image} is stable at 100 %${stableImage ? `, replacing ${stableImage}` : ''}` });
    await options.onState?.('success', `promoted ${options.image}`, endpoints);
    return result('promoted', 'pass', 100, canary ? `every step passed its analysis` : 'deployed and smoke-tested', { endpoints, smoke, previousImage: stableImage });
  } catch (error) {
    // Whatever went wrong, no split may be left behind.
    const cancelled = options.signal?.aborted === true;
    const reason = cancelled ? 'the run was cancelled' : `${isConfigurationError(error) ? '' : 'an error mid-rollout: '}${error instanceof Error ? error.message : String(error)}`;
    note({ event: 'error', weight, detail: reason });
    try {
      return await rollBack(reason, cancelled ? 'fail' : 'error', { error });
    } catch (rollbackError) {
      await save({ status: 'running' }).catch(() => undefined);
      throw new Error(`${reason}; the rollback failed too (${rollbackError instanceof Error ? rollbackError.message : String(rollbackError)}): re-run the job to converge, the progress record says where it stopped`, { cause: error });
    }
  }
}

async function analyseStep(options: RolloutOptions, endpoints: Endpoints, index: number, weight: number, note: (e: Omit<TimelineEntry, 'atMs'>) => void): Promise<StepResult> {
  const analysis = options.stage.analysis!;
  const timeoutMs = analysis.probes.timeout;
  const scrape = async (url: string | undefined): Promise<{ snapshot?: ServingSnapshot; error?: string }> => {
    if (!url) return { error: 'no URL' };
    try {
      return { snapshot: await scrapeServing(url, timeoutMs) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  const candidateMetrics = metricsUrl(endpoints.candidateUrl, analysis.metrics?.candidate);
  const stableMetrics = metricsUrl(endpoints.stableUrl, analysis.metrics?.stable);
  const started = performance.now();
  let prevCand = (await scrape(candidateMetrics)).snapshot;
  let prevStable = (await scrape(stableMetrics)).snapshot;
  let stepCand: ServingSnapshot | undefined;
  let stepStable: ServingSnapshot | undefined;
  const verdicts: CheckStatus[] = [];
  let deciding: CheckResult[] = [];
  let failed = 0;
  const totals = { candidateRequests: 0, candidateErrors: 0, stableRequests: 0 };
  while (performance.now() - started < options.stage.intervalMs) {
    const remaining = options.stage.intervalMs - (performance.now() - started);
    await sleep(Math.min(options.stage.measureEveryMs, remaining), options.signal);
    const [cand, stable, probes] = await Promise.all([
      scrape(candidateMetrics),
      scrape(stableMetrics),
      probeCandidate(endpoints.candidateUrl, { health: analysis.probes.health, predict: analysis.probes.predict, rows: options.rows, expected: options.expected, timeoutMs }),
    ]);
    const candWindow = cand.snapshot ? snapshotDelta(prevCand, cand.snapshot) : undefined;
    const stableWindow = stable.snapshot ? snapshotDelta(prevStable, stable.snapshot) : undefined;
    // The probes' own requests are in the candidate's metrics: they are not user traffic.
    const userWindow = candWindow ? withoutProbes(candWindow, probes) : undefined;
    if (cand.snapshot) prevCand = cand.snapshot;
    if (stable.snapshot) prevStable = stable.snapshot;
    if (userWindow) stepCand = stepCand ? addSnapshots(stepCand, userWindow) : userWindow;
    if (stableWindow) stepStable = stepStable ? addSnapshots(stepStable, stableWindow) : stableWindow;
    const judged = judgeMeasurement(analysis, {
      candidate: userWindow,
      stable: stableWindow,
      candidateStep: stepCand,
      stableStep: stepStable,
      candidateMetricsError: cand.error,
      probes,
    });
    verdicts.push(judged.verdict);
    totals.candidateRequests += userWindow?.requests ?? 0;
    totals.candidateErrors += userWindow?.serverErrors ?? 0;
    totals.stableRequests += stableWindow?.requests ?? 0;
    if (judged.verdict === 'fail') {
      failed++;
      deciding = judged.checks;
    } else if (failed === 0) {
      deciding = judged.checks;
    }
    note({
      event: 'measure',
      weight,
      verdict: judged.verdict,
      detail: judged.checks
        .filter((c) => c.status !== 'pass' || judged.verdict === 'pass')
        .map((c) => `${c.name} ${c.status}${c.value !== undefined ? ` (${formatValue(c)})` : ''}`)
        .join(', '),
      checks: judged.checks,
    });
    if (judgeStep(verdicts, analysis.failure_limit) === 'fail') break;
  }
  const verdict = judgeStep(verdicts, analysis.failure_limit);
  const step: StepResult = {
    index,
    weight,
    verdict,
    measurements: verdicts.length,
    failedMeasurements: failed,
    ...totals,
    candidateP99Ms: stepCand ? p99Ms(stepCand) : undefined,
    stableP99Ms: stepStable ? p99Ms(stepStable) : undefined,
    durationMs: performance.now() - started,
    checks: deciding,
  };
  note({ event: 'step', weight, verdict, detail: `${verdicts.length} measurements, ${failed} failed (limit ${analysis.failure_limit}); ${totals.candidateRequests} candidate requests, ${totals.candidateErrors} 5xx` });
  return step;
}

/** Takes the probes' requests out of a window: one /predict each (their latency stays in the histogram). */
function withoutProbes(window: ServingSnapshot, probes: readonly ProbeResult[]): ServingSnapshot {
  const predicts = probes.filter((p) => p.name === 'predict');
  const failedPredicts = predicts.filter((p) => !p.ok && /answered 5\d\d/.test(p.detail)).length;
  return {
    ...window,
    requests: Math.max(0, window.requests - predicts.length),
    serverErrors: Math.max(0, window.serverErrors - failedPredicts),
  };
}

function formatValue(c: CheckResult): string {
  const v = c.value!;
  if (c.name === 'error-rate') return `${(v * 100).toFixed(2)} %`;
  if (c.name === 'p99-latency') return `${v.toFixed(1)} ms`;
  return v.toFixed(3);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
