import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { runStep } from '../harness/runner.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * Start-up cost: the bundle keeps the artifact, cache (Azure SDK) and Octokit code in chunks loaded
 * with import() only when used. A run that uploads nothing and talks to no API must load none of
 * them (it does load other chunks, such as the action's own code); a pull-request run loads Octokit
 * but still no artifact or cache code. The CLI loads only the code of the subcommand it runs.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const action = path.join(repoRoot, 'actions/validate-data');
const dist = path.join(action, 'dist');
const hook = pathToFileURL(path.join(import.meta.dirname, 'fixtures/trace-loads.mjs')).href;
const tmp = makeTempDir('mlops-lazy-');
let api: GitHubApi;

beforeAll(async () => {
  api = await startGitHubApi();
});
afterAll(async () => {
  await api?.stop();
  tmp.remove();
});

/** The bundle's chunk files that a run loaded, each with the heavy clients it contains. */
async function loadedChunks(event: 'push' | 'pull_request'): Promise<Array<{ file: string; holds: string[] }>> {
  const ws = path.join(tmp.root, event);
  mkdirSync(ws, { recursive: true });
  const data = path.join(repoRoot, 'workflows-examples/example-project/data');
  copyFileSync(path.join(data, 'train.csv'), path.join(ws, 'train.csv'));
  copyFileSync(path.join(data, 'schema.yaml'), path.join(ws, 'schema.yaml'));
  const trace = path.join(tmp.root, `${event}.trace`);
  writeFileSync(trace, '');
  const step = await runStep(
    { action, id: 'v', with: { data: 'train.csv', schema: 'schema.yaml' } },
    {
      workspace: ws,
      env: { NODE_OPTIONS: `--import=${hook}`, MLOPS_TRACE_FILE: trace, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${api.owner}/${api.repo}` },
      githubToken: api.token,
      event: event === 'pull_request' ? { name: 'pull_request' } : { name: 'push' },
    },
  );
  expect(step.exitCode, step.log).toBe(0);
  const loaded = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u));
  expect(loaded).toContain(path.join(dist, 'index.js'));
  return loaded
    .filter((f) => path.dirname(f) === dist && f !== path.join(dist, 'index.js'))
    .map((file) => {
      const text = readFileSync(file, 'utf8');
      const holds = [
        ['artifact', 'ArtifactService'],
        ['cache', 'CacheService'],
        ['azure', 'BlockBlobClient'],
        ['octokit', 'octokit-core.js'],
      ]
        .filter(([, marker]) => text.includes(marker!))
        .map(([name]) => name!);
      return { file: path.basename(file), holds };
    });
}

describe('bundle start-up', () => {
  it('has heavy clients only in chunks, not in the entry file', () => {
    const entry = readFileSync(path.join(dist, 'index.js'), 'utf8');
    for (const marker of ['ArtifactService', 'CacheService', 'BlockBlobClient']) expect(entry).not.toContain(marker);
    expect(readdirSync(dist).filter((f) => f.endsWith('.index.js')).length).toBeGreaterThan(0);
  });

  it('loads no heavy client on a push run that uploads nothing', async () => {
    const chunks = await loadedChunks('push');
    // The action's own code is a chunk too (the entry loads only what its thread runs).
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.flatMap((c) => c.holds)).toEqual([]);
  });

  it('loads Octokit but no artifact, cache or Azure code on a pull-request run', async () => {
    const chunks = await loadedChunks('pull_request');
    expect(chunks.some((c) => c.holds.includes('octokit'))).toBe(true);
    expect(chunks.flatMap((c) => c.holds).filter((h) => h !== 'octokit')).toEqual([]);
  });
});

describe('CLI start-up', () => {
  const cliDist = path.join(repoRoot, 'cli/dist');
  const actionNames = ['validate-data', 'train-check', 'evaluate-metrics-gate', 'package-model', 'containerize', 'staged-deploy'];
  /** Text only an action's own module has: its definition's name (the registry only has the bare key). */
  const marker = (name: string) => `name: '${name}'`;

  /** The actions whose code a CLI run loaded (by the chunks it loaded). */
  function actionsLoaded(args: string[], ws: string): string[] {
    const trace = path.join(tmp.root, `cli-${args[0]}.trace`);
    writeFileSync(trace, '');
    execFileSync(process.execPath, [path.join(cliDist, 'index.js'), ...args], {
      cwd: ws,
      env: { ...process.env, NODE_OPTIONS: `--import=${hook}`, MLOPS_TRACE_FILE: trace },
      stdio: 'pipe',
    });
    const loaded = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((u) => u.startsWith('file:'))
      .map((u) => fileURLToPath(u))
      .filter((f) => path.dirname(f) === cliDist);
    const texts = loaded.map((f) => readFileSync(f, 'utf8'));
    return actionNames.filter((name) => texts.some((t) => t.includes(marker(name))));
  }

  it('finds each action\'s code in one chunk of the bundle', () => {
    const texts = readdirSync(cliDist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(cliDist, f), 'utf8'));
    for (const name of actionNames) expect(texts.filter((t) => t.includes(marker(name))).length, name).toBe(1);
  });

  it('validate-data loads no other action', () => {
    const ws = path.join(tmp.root, 'cli');
    mkdirSync(ws, { recursive: true });
    const data = path.join(repoRoot, 'workflows-examples/example-project/data');
    copyFileSync(path.join(data, 'train.csv'), path.join(ws, 'train.csv'));
    copyFileSync(path.join(data, 'schema.yaml'), path.join(ws, 'schema.yaml'));
    expect(actionsLoaded(['validate-data', '--data', 'train.csv', '--schema', 'schema.yaml', '--report-path', 'r.json'], ws)).toEqual(['validate-data']);
  });

  it('the usage text loads no action', () => {
    expect(actionsLoaded(['--help'], tmp.root)).toEqual([]);
  });
});
