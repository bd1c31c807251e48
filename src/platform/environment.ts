import { readFileSync } from 'node:fs';

/**
 * Every environment variable the project reads is read here, once. The rest of the code receives
 * a RunEnvironment value, so tests can build one without touching process.env.
 */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  headRepo?: string;
  baseRepo?: string;
  /** A pull request from a fork gets a read-only token. */
  fromFork: boolean;
}

export interface RunEnvironment {
  onRunner: boolean;
  workspace: string;
  debug: boolean;
  repository?: { owner: string; repo: string };
  eventName?: string;
  sha?: string;
  ref?: string;
  refName?: string;
  headRef?: string;
  baseRef?: string;
  job?: string;
  runId?: string;
  runAttempt?: string;
  serverUrl: string;
  apiUrl: string;
  pullRequest?: PullRequestInfo;
  runnerTemp?: string;
  /** The job may request an OIDC token (`permissions: id-token: write`). */
  idTokenAvailable: boolean;
  /** From the event payload: a private or internal repository (signs attestations with GitHub's own Sigstore). */
  repositoryPrivate?: boolean;
  /** The workflow's name, for provenance. */
  workflow?: string;
  /** Who started the run (GITHUB_ACTOR): the default registry user for ghcr.io. */
  actor?: string;
}

type Env = Record<string, string | undefined>;

export function readRunEnvironment(env: Env = process.env, cwd: string = process.cwd()): RunEnvironment {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const event = readEventPayload(env.GITHUB_EVENT_PATH);
  return {
    onRunner: env.GITHUB_ACTIONS === 'true',
    workspace: env.GITHUB_WORKSPACE || cwd,
    debug: env.RUNNER_DEBUG === '1',
    repository: owner && repo ? { owner, repo } : undefined,
    eventName: env.GITHUB_EVENT_NAME || undefined,
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    refName: env.GITHUB_REF_NAME || undefined,
    headRef: env.GITHUB_HEAD_REF || undefined,
    baseRef: env.GITHUB_BASE_REF || undefined,
    job: env.GITHUB_JOB || undefined,
    runId: env.GITHUB_RUN_ID || undefined,
    runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    pullRequest: pullRequestFrom(event),
    runnerTemp: env.RUNNER_TEMP || undefined,
    idTokenAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    repositoryPrivate: repositoryPrivate(event),
    workflow: env.GITHUB_WORKFLOW || undefined,
    actor: env.GITHUB_ACTOR || undefined,
  };
}

function readEventPayload(path: string | undefined): Record<string, unknown> | undefined {
  if (!path) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function repositoryPrivate(event: Record<string, unknown> | undefined): boolean | undefined {
  const repo = event?.repository as { private?: unknown; visibility?: unknown } | undefined;
  if (typeof repo?.visibility === 'string') return repo.visibility !== 'public';
  return typeof repo?.private === 'boolean' ? repo.private : undefined;
}

function pullRequestFrom(event: Record<string, unknown> | undefined): PullRequestInfo | undefined {
  const pr = event?.pull_request as
    | { number?: unknown; head?: { sha?: unknown; repo?: { full_name?: unknown } }; base?: { repo?: { full_name?: unknown } } }
    | undefined;
  if (!pr || typeof pr.number !== 'number') return undefined;
  const headRepo = typeof pr.head?.repo?.full_name === 'string' ? pr.head.repo.full_name : undefined;
  const baseRepo = typeof pr.base?.repo?.full_name === 'string' ? pr.base.repo.full_name : undefined;
  return {
    number: pr.number,
    headSha: typeof pr.head?.sha === 'string' ? pr.head.sha : '',
    headRepo,
    baseRepo,
    fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
  };
}

/** The branch a run belongs to: the pull request's head branch, else the pushed branch. */
export function currentBranch(run: RunEnvironment): string | undefined {
  if (run.headRef) return run.headRef;
  if (run.ref?.startsWith('refs/heads/')) return run.ref.slice('refs/heads/'.length);
  return undefined;
}

/**
 * The environment for a user's command: this process's, less what only the action itself may see:
 * its inputs (INPUT_*, which can hold a token), its saved state, and the runtime's tokens and
 * service URLs, which the runner gives to actions but not to `run:` steps.
 */
export function commandEnvironment(env: Env = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (/^(INPUT_|STATE_)/.test(key)) continue;
    if (/^ACTIONS_(RUNTIME_TOKEN|RUNTIME_URL|RESULTS_URL|CACHE_URL|CACHE_SERVICE_V2|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL)$/.test(key)) continue;
    out[key] = value;
  }
  return out;
}
