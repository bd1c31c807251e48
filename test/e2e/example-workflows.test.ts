import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { startResultsService, type ResultsService } from '../harness/results-service.js';
import { runJob, type StepSpec } from '../harness/runner.js';
import { PYTHON, pythonWithScikitLearn } from '../support/model-server.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * workflows-examples/pr-checks.yml, job by job and step by step in its own order, on a copy of the
 * repository's example project: its mlops-actions steps (with their `with:` blocks as written) run
 * from the committed bundles through the runner emulator, its `run:` steps run in bash as the
 * runner would, and the steps of other publishers are stood in for: checkout (the workspace is a
 * copy), setup-python and pip (Debian's Python with scikit-learn, as `python` on PATH),
 * upload/download-artifact (a copy from one job's files to the next's).
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const OURS = /^mlops-actions\/mlops-actions\/actions\/([a-z-]+)@v1$/;
const haveScikitLearn = pythonWithScikitLearn();

interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

let results: ResultsService;
let api: GitHubApi;
const tmp = makeTempDir('mlops-e2e-workflows-');

beforeAll(async () => {
  [results, api] = await Promise.all([startResultsService(), startGitHubApi({ owner: 'acme', repo: 'churn-model' })]);
});
afterAll(async () => {
  await Promise.all([results?.stop(), api?.stop()]);
  tmp.remove();
});

describe.skipIf(!haveScikitLearn)('the example workflows, step by step', () => {
  it('pr-checks.yml on a push to main: validate-data, train-check, evaluate.py and the gate all pass, and the model goes from one job to the next', async () => {
    const workflow = parse(readFileSync(path.join(repoRoot, 'workflows-examples/pr-checks.yml'), 'utf8')) as { jobs: Record<string, { steps: WorkflowStep[]; needs?: string | string[] }> };
    const ws = path.join(tmp.root, 'pr-checks');
    mkdirSync(ws, { recursive: true });
    cpSync(path.join(repoRoot, 'workflows-examples'), path.join(ws, 'workflows-examples'), { recursive: true });
    // `python` as actions/setup-python would leave it on PATH: here Debian's, with scikit-learn.
    const bin = path.join(tmp.root, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'python'), `#!/bin/sh\nexec ${PYTHON} "$@"\n`);
    chmodSync(path.join(bin, 'python'), 0o755);
    const env = { ...results.env, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${api.owner}/${api.repo}`, PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` };
    const artifacts = new Map<string, string>();
    const verdicts: Record<string, string> = {};

    for (const [jobName, job] of Object.entries(workflow.jobs)) {
      if (jobName === 'review-inconclusive') continue; // runs only on an inconclusive gate
      let block: StepSpec[] = [];
      const flush = async () => {
        if (block.length === 0) return;
        const result = await runJob({ workspace: ws, env: { ...env, GITHUB_JOB: jobName }, githubToken: api.token, timeoutMs: 300_000, steps: block });
        for (const step of block) {
          const r = result.step(step.id!);
          expect(r.exitCode, `${jobName}/${step.id}: ${r.log.slice(-3000)}`).toBe(0);
          verdicts[`${jobName}/${step.id}`] = r.outputs.verdict ?? '';
        }
        block = [];
      };
      for (const [index, step] of job.steps.entries()) {
        const ours = step.uses ? OURS.exec(step.uses) : null;
        if (ours) {
          block.push({ action: path.join(repoRoot, 'actions', ours[1]!), id: step.id ?? `step-${index}`, with: step.with, env: step.env });
          continue;
        }
        await flush();
        if (step.run !== undefined) {
          if (/^pip install /.test(step.run.trim())) continue; // the packages are Debian's here
          const cwd = path.join(ws, step['working-directory'] ?? '.');
          const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd, env: { ...process.env, ...env, ...step.env }, encoding: 'utf8' });
          expect(r.status, `${jobName}: ${step.run}\n${r.stdout}${r.stderr}`).toBe(0);
        } else if (step.uses?.startsWith('actions/upload-artifact@')) {
          artifacts.set(String(step.with?.name), String(step.with?.path));
        } else if (step.uses?.startsWith('actions/download-artifact@')) {
          const source = artifacts.get(String(step.with?.name));
          expect(source, `artifact ${step.with?.name} was uploaded by an earlier job`).toBeDefined();
          const target = path.join(ws, String(step.with?.path), path.basename(source!));
          mkdirSync(path.dirname(target), { recursive: true });
          cpSync(path.join(ws, source!), target);
        } else {
          // actions/checkout (the workspace is the copy) and actions/setup-python (the shim above).
          expect(step.uses, `a step this test does not know how to stand in for: ${JSON.stringify(step)}`).toMatch(/^actions\/(checkout|setup-python)@/);
        }
      }
      await flush();
    }
    expect(Object.keys(verdicts).sort()).toEqual(['gate/gate', 'train/step-3', 'validate-data/step-1']);
    for (const [step, verdict] of Object.entries(verdicts)) expect(verdict, step).toBe('pass');
  }, 600_000);
});
