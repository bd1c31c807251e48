/**
 * A whole workflow file through the runner emulator: its jobs in `needs` order, each job (each
 * matrix combination) one runJob with every step as written: our actions from their folders,
 * `run:` steps in bash, other publishers' actions through stand-ins. Job `if:` conditions, job
 * outputs, `needs.*`, `inputs.*` and `matrix.*` work as on GitHub.
 *
 * Not emulated: `permissions:`, `environment:` (protection rules, URLs), `concurrency:`,
 * `services:`, `container:`, reusable workflows, matrix `include`/`exclude`; jobs run one after
 * another.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { evaluateCondition, interpolate, runJob, type EventName, type JobResult, type StandIn, type StepSpec, type Value } from './runner.js';

interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  if?: string | boolean;
  'working-directory'?: string;
  'continue-on-error'?: boolean;
}

interface WorkflowJob {
  needs?: string | string[];
  if?: string | boolean;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  strategy?: { matrix?: Record<string, Value[]> };
  steps: WorkflowStep[];
}

interface WorkflowFile {
  env?: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}

export interface WorkflowJobResult {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** one per matrix combination (one for a job without a matrix, none when skipped) */
  runs: Array<{ matrix: Record<string, Value>; job: JobResult }>;
}

export interface WorkflowOptions {
  file: string;
  /**
   * The workspace of a job (of one matrix combination): each job runs on a machine of its own on
   * GitHub, so give each a fresh checkout to catch a job that uses what only another one made.
   */
  workspace(job: string, matrix: Record<string, Value>): string;
  event?: { name: EventName; payload?: object };
  inputs?: Record<string, Value>;
  /** job env for every job: emulator URLs, GITHUB_REPOSITORY, PATH ... */
  env?: Record<string, string>;
  /** more job env for one job (its own token for the results service, say) */
  jobEnv?: (job: string) => Record<string, string>;
  githubToken?: string;
  /** the folder of an action of ours for a `uses:` value, else undefined */
  resolveAction(uses: string): string | undefined;
  /** other publishers' actions, by `uses:` without its @ref (e.g. actions/checkout) */
  standIns: Record<string, StandIn>;
  timeoutMs?: number;
  /** A change to the workflow's text before it is read (a test's registry host for ghcr.io, say): the test names it. */
  rewrite?: (text: string) => string;
}

export async function runWorkflow(options: WorkflowOptions): Promise<Record<string, WorkflowJobResult>> {
  const text = readFileSync(options.file, 'utf8');
  const workflow = parse(options.rewrite ? options.rewrite(text) : text) as WorkflowFile;
  const results: Record<string, WorkflowJobResult> = {};
  const pending = Object.keys(workflow.jobs);
  const needsOf = (job: WorkflowJob) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
  while (pending.length > 0) {
    const index = pending.findIndex((name) => needsOf(workflow.jobs[name]!).every((n) => n in results));
    if (index < 0) throw new Error(`${options.file}: jobs ${pending.join(', ')} wait on each other or on a job that does not exist`);
    const [name] = pending.splice(index, 1) as [string];
    const job = workflow.jobs[name]!;
    const needs: Record<string, Value> = {};
    for (const n of needsOf(job)) needs[n] = { result: results[n]!.result, outputs: results[n]!.outputs };
    const contexts = { github: githubContext(options), needs, inputs: options.inputs ?? {}, vars: {}, env: { ...workflow.env, ...job.env } };
    const needsOk = Object.values(needs).every((n) => (n as { result: string }).result === 'success');
    const condition = job.if === undefined ? 'success()' : String(job.if);
    if (!evaluateCondition(condition, { contexts, status: { success: needsOk, failure: Object.values(needs).some((n) => (n as { result: string }).result === 'failure') } })) {
      results[name] = { result: 'skipped', outputs: {}, runs: [] };
      continue;
    }
    const runs: WorkflowJobResult['runs'] = [];
    const outputs: Record<string, string> = {};
    for (const matrix of combinations(job.strategy?.matrix)) {
      const workspace = options.workspace(name, matrix);
      const result = await runJob({
        workspace,
        event: options.event,
        env: { ...options.env, ...options.jobEnv?.(name), ...workflow.env, ...job.env, GITHUB_JOB: name },
        githubToken: options.githubToken,
        timeoutMs: options.timeoutMs,
        contexts: { needs, inputs: options.inputs ?? {}, matrix },
        steps: job.steps.map((step, i) => stepSpec(step, i, options)),
      });
      runs.push({ matrix, job: result });
      // Job outputs from this combination's steps (with a matrix, the last one to set a value wins).
      const steps: Record<string, Value> = {};
      for (const r of result.steps) if (r.phase === 'main') steps[r.id] = { outputs: r.outputs, outcome: r.outcome, conclusion: r.conclusion };
      for (const [key, expression] of Object.entries(job.outputs ?? {})) {
        const value = interpolate(expression, { contexts: { ...contexts, steps, matrix }, status: { success: true, failure: false } });
        if (value !== '' || !(key in outputs)) outputs[key] = value;
      }
    }
    results[name] = { result: runs.every((r) => r.job.outcome === 'success') ? 'success' : 'failure', outputs, runs };
  }
  return results;
}

function stepSpec(step: WorkflowStep, index: number, options: WorkflowOptions): StepSpec {
  const common = {
    id: step.id ?? `step-${index + 1}`,
    name: step.name,
    env: step.env,
    if: step.if === undefined ? undefined : String(step.if),
    'continue-on-error': step['continue-on-error'],
  };
  if (step.run !== undefined) return { ...common, run: step.run, workingDirectory: step['working-directory'] };
  const uses = step.uses ?? '';
  const action = options.resolveAction(uses);
  if (action) return { ...common, action, with: step.with };
  const standIn = options.standIns[uses.replace(/@.*$/, '')];
  if (!standIn) throw new Error(`no stand-in for ${uses} (step ${index + 1})`);
  return { ...common, name: step.name ?? `Run ${uses}`, standIn, with: step.with };
}

/** The github context a job-level `if:` and job outputs see. */
function githubContext(options: WorkflowOptions): Record<string, Value> {
  const repository = options.env?.GITHUB_REPOSITORY ?? 'octo-org/octo-repo';
  const payload = (options.event?.payload ?? {}) as Record<string, Value>;
  return {
    event_name: options.event?.name ?? 'push',
    event: payload,
    ref: typeof payload.ref === 'string' ? payload.ref : 'refs/heads/main',
    repository,
    repository_owner: repository.split('/')[0]!,
    run_id: options.env?.GITHUB_RUN_ID ?? '1234567890',
  };
}

/** Every combination of a matrix's values, in order; one empty combination without a matrix. */
function combinations(matrix: Record<string, Value[]> | undefined): Array<Record<string, Value>> {
  let all: Array<Record<string, Value>> = [{}];
  for (const [key, values] of Object.entries(matrix ?? {})) {
    if (key === 'include' || key === 'exclude') throw new Error(`matrix ${key} is not emulated`);
    all = all.flatMap((combination) => values.map((v) => ({ ...combination, [key]: v })));
  }
  return all;
}

// ---- stand-ins for other publishers' actions ---------------------------------------------------

/**
 * Artifacts (a folder per workflow run) and caches (a folder shared by the runs, as a repository's
 * caches are), for the upload-/download-artifact and cache stand-ins: upload-artifact keeps the files under their least common ancestor folder, as
 * the real one does, and download-artifact puts them under `path`. An artifact one of our actions
 * uploaded through the real client is in the results-service emulator: download-artifact takes it
 * from there (its zip, unpacked by Python's zipfile).
 */
export function fileStandIns(folders: { artifacts: string; caches: string }, results?: { downloadArtifactZip(name: string): Promise<Buffer> }): Record<string, StandIn> {
  const { artifacts, caches } = folders;
  const lines = (text: string | undefined) =>
    (text ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  const keep = (workspace: string, paths: string[], target: string): number => {
    const present = paths.map((p) => path.resolve(workspace, p)).filter((p) => existsSync(p));
    if (present.length === 0) return 0;
    const parents = present.map((p) => (statSync(p).isDirectory() ? p : path.dirname(p)));
    let root = parents[0]!;
    while (!parents.every((p) => p === root || p.startsWith(`${root}${path.sep}`))) root = path.dirname(root);
    rmSync(target, { recursive: true, force: true });
    for (const p of present) cpSync(p, path.join(target, path.relative(root, p)), { recursive: true });
    return present.length;
  };
  return {
    'actions/upload-artifact': (inputs, io) => {
      const found = keep(io.workspace, lines(inputs.path), path.join(artifacts, inputs.name ?? 'artifact'));
      if (found === 0 && inputs['if-no-files-found'] === 'error') throw new Error(`No files were found with the provided path: ${inputs.path}`);
      io.log(`upload-artifact stood in: ${found} path(s) kept as ${inputs.name ?? 'artifact'}`);
    },
    'actions/download-artifact': async (inputs, io) => {
      const source = path.join(artifacts, inputs.name ?? '');
      const target = path.resolve(io.workspace, inputs.path || '.');
      mkdirSync(target, { recursive: true });
      if (existsSync(source)) {
        for (const entry of readdirSync(source)) cpSync(path.join(source, entry), path.join(target, entry), { recursive: true });
      } else {
        const zip = results ? await results.downloadArtifactZip(inputs.name ?? '').catch(() => undefined) : undefined;
        if (!zip) throw new Error(`Artifact not found for name: ${inputs.name}`);
        const file = path.join(artifacts, `${encodeURIComponent(inputs.name ?? '')}.zip`);
        mkdirSync(artifacts, { recursive: true });
        writeFileSync(file, zip);
        execFileSync('/usr/bin/python3', ['-m', 'zipfile', '-e', file, target]);
      }
      io.log(`download-artifact stood in: ${inputs.name} into ${path.relative(io.workspace, target) || '.'}`);
    },
    'actions/cache/restore': (inputs, io) => {
      const entry = path.join(caches, encodeURIComponent(inputs.key ?? ''));
      const hit = existsSync(entry);
      if (hit && inputs['lookup-only'] !== 'true') {
        for (const [i, p] of lines(inputs.path).entries()) cpSync(path.join(entry, String(i)), path.resolve(io.workspace, p), { recursive: true });
      }
      io.log(`cache/restore stood in: ${hit ? 'hit' : 'miss'} for ${inputs.key}`);
      return { 'cache-hit': hit ? 'true' : 'false', 'cache-matched-key': hit ? inputs.key! : '', 'cache-primary-key': inputs.key ?? '' };
    },
    'actions/cache/save': (inputs, io) => {
      const entry = path.join(caches, encodeURIComponent(inputs.key ?? ''));
      if (existsSync(entry)) {
        io.log(`cache/save stood in: ${inputs.key} exists already, not saved`);
        return;
      }
      for (const [i, p] of lines(inputs.path).entries()) cpSync(path.resolve(io.workspace, p), path.join(entry, String(i)), { recursive: true });
      io.log(`cache/save stood in: saved ${inputs.key}`);
    },
  };
}
