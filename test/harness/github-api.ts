/**
 * In-process emulator of the GitHub REST API endpoints our actions call.
 *
 * Every request is validated against GitHub's published OpenAPI description
 * (`@octokit/openapi`, api.github.com) with openapi-backend (Ajv under the hood):
 * a request that does not match its operation answers 422 like GitHub and is
 * recorded in `violations`; a response the emulator builds that does not match the
 * documented response schema is recorded in `violations` and answered with a 500
 * carrying the validation errors, so a test cannot pass on a wrong emulation.
 *
 * State is in memory and per server instance; one repository is served
 * (`owner/repo`), any other answers 404 like a repository the token cannot see.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import addFormatsModule from 'ajv-formats';
import { OpenAPIBackend, ValidationContext, type Document } from 'openapi-backend';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** A JSON object as GitHub returns it; the listed fields are the ones tests usually read. */
export type GitHubObject = Record<string, unknown>;

export interface SimpleUser extends GitHubObject {
  login: string;
  id: number;
  type: string;
}

export interface IssueComment extends GitHubObject {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: SimpleUser | null;
  created_at: string;
  updated_at: string;
}

export interface CheckRunOutput {
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations_count: number;
  annotations_url: string;
}

export interface CheckRun extends GitHubObject {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  external_id: string | null;
  details_url: string | null;
  output: CheckRunOutput;
}

export interface CheckAnnotation extends GitHubObject {
  path: string;
  start_line: number;
  end_line: number;
  start_column: number | null;
  end_column: number | null;
  annotation_level: string | null;
  title: string | null;
  message: string | null;
  raw_details: string | null;
  blob_href: string;
}

export interface Deployment extends GitHubObject {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  original_environment: string;
  payload: GitHubObject | string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  created_at: string;
  updated_at: string;
}

export interface DeploymentStatus extends GitHubObject {
  id: number;
  state: string;
  description: string;
  environment: string;
  target_url: string;
  log_url: string;
  environment_url: string;
  deployment_url: string;
  created_at: string;
  updated_at: string;
}

export interface PullRequestRef {
  label: string;
  ref: string;
  sha: string;
  user: SimpleUser;
  repo: GitHubObject;
}

export interface PullRequest extends GitHubObject {
  id: number;
  number: number;
  state: string;
  title: string;
  body: string | null;
  draft: boolean;
  merged: boolean;
  head: PullRequestRef;
  base: PullRequestRef;
  labels: Array<{ name: string } & GitHubObject>;
  user: SimpleUser;
}

/** A seeded file: the emulator builds content objects from it on each GET. */
export interface SeededFile {
  path: string;
  ref: string;
  content: Buffer;
}

export interface Workflow {
  id: number;
  name: string;
  path: string;
}

export interface WorkflowRun extends GitHubObject {
  id: number;
  name: string | null;
  workflow_id: number;
  path: string;
  head_branch: string | null;
  head_sha: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  run_number: number;
  run_attempt: number;
  created_at: string;
  updated_at: string;
  pull_requests: GitHubObject[];
}

export interface Artifact extends GitHubObject {
  id: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
  archive_download_url: string;
  created_at: string | null;
  expires_at: string | null;
  workflow_run: { id: number; repository_id: number; head_repository_id: number; head_branch: string; head_sha: string } | null;
}

export interface GitHubApiState {
  /** All issue and pull request comments, in creation order (issue number: see `issue_url`). */
  comments: IssueComment[];
  checkRuns: CheckRun[];
  /** Annotations per check run id, in the order they were sent. */
  checkRunAnnotations: Map<number, CheckAnnotation[]>;
  deployments: Deployment[];
  /** All deployment statuses, in creation order (deployment: see `deployment_url`). */
  deploymentStatuses: DeploymentStatus[];
  pulls: PullRequest[];
  contents: SeededFile[];
  workflows: Workflow[];
  workflowRuns: WorkflowRun[];
  /** All run artifacts (run: see `workflow_run.id`). */
  artifacts: Artifact[];
}

export type Fault =
  | { status: 500 | 502 | 503 | 504; message?: string }
  /** Primary rate limit exhausted (x-ratelimit-remaining: 0, reset in `retryAfter` s), or a secondary one. */
  | { status: 429; retryAfter: number; secondaryRateLimit?: boolean }
  /** Secondary rate limit: 403 whose message says so, with `retry-after` (default 1 s). */
  | { status: 403; secondaryRateLimit: true; retryAfter?: number };

export interface FaultMatch {
  /** HTTP method, case-insensitive; any when omitted. */
  method?: string;
  /** Tested against the request's path without its query string, e.g. /repos/o/r/issues/1/comments. */
  path?: RegExp;
}

export interface RecordedRequest {
  method: string;
  /** Path and query string as the client sent them. */
  path: string;
  status: number;
  /** Parsed JSON request body, when there was one. */
  body?: unknown;
  /** GitHub operationId the request was routed to (absent for unknown routes). */
  operationId?: string;
  /** Which credential was used. */
  auth: 'read-write' | 'read-only' | 'unknown' | 'none';
  /** Set when the answer was an injected fault. */
  fault?: boolean;
}

export interface SeedPullOptions {
  number?: number;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  draft?: boolean;
  merged?: boolean;
  /** `owner` different from the served repository's owner makes the pull request come from a fork. */
  head?: { ref?: string; sha?: string; owner?: string };
  base?: { ref?: string; sha?: string };
  /** Login of the author (default: a contributor). */
  user?: string;
  labels?: string[];
  additions?: number;
  deletions?: number;
  changed_files?: number;
  created_at?: string;
}

export interface SeedWorkflowRunOptions {
  id?: number;
  /** Workflow file path (default .github/workflows/ci.yml); the workflow is registered on first use. */
  workflow?: string;
  /** Workflow display name (default: derived from the file name). */
  name?: string;
  head_branch?: string;
  head_sha?: string;
  event?: string;
  status?: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion?: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'stale' | null;
  run_number?: number;
  run_attempt?: number;
  actor?: string;
  display_title?: string;
  /** Numbers of seeded pull requests this run is associated with. */
  pull_requests?: number[];
  created_at?: string;
  updated_at?: string;
}

export interface SeedArtifactOptions {
  id?: number;
  name: string;
  size_in_bytes?: number;
  expired?: boolean;
  digest?: string | null;
  created_at?: string;
  expires_at?: string;
}

export interface GitHubApi {
  /** Base URL, e.g. http://127.0.0.1:PORT (use as GITHUB_API_URL / octokit baseUrl). */
  url: string;
  owner: string;
  repo: string;
  /** A valid read-write token (like GITHUB_TOKEN with write permissions). */
  token: string;
  /**
   * Behaves like a fork pull request's GITHUB_TOKEN: GETs work, every write answers
   * 403 "Resource not accessible by integration" with the headers GitHub sends.
   */
  readOnlyToken: string;
  state: GitHubApiState;
  seedPull(p?: SeedPullOptions): PullRequest;
  seedFile(path: string, content: string | Buffer, ref?: string): SeededFile;
  seedWorkflowRun(r?: SeedWorkflowRunOptions): WorkflowRun;
  seedRunArtifact(runId: number, a: SeedArtifactOptions): Artifact;
  /** The next `times` (default 1) requests matching answer with this fault. */
  injectFault(match: FaultMatch, fault: Fault, times?: number): void;
  requests: RecordedRequest[];
  /** Schema violations seen (requests or responses), and requests to endpoints the emulator lacks. */
  violations: string[];
  stop(): Promise<void>;
}

export interface StartGitHubApiOptions {
  owner?: string;
  repo?: string;
  /** Default branch of the served repository (default "main"). */
  defaultBranch?: string;
}

// ---------------------------------------------------------------------------------------------
// Spec loading and validation (once per process)
// ---------------------------------------------------------------------------------------------

/** The GitHub operations the emulator implements. */
export const EMULATED_OPERATIONS = [
  'issues/list-comments',
  'issues/create-comment',
  'issues/get-comment',
  'issues/update-comment',
  'checks/create',
  'checks/get',
  'checks/update',
  'checks/list-annotations',
  'pulls/get',
  'repos/create-deployment',
  'repos/list-deployments',
  'repos/get-deployment',
  'repos/create-deployment-status',
  'repos/list-deployment-statuses',
  'repos/get-content',
  'actions/list-workflow-runs',
  'actions/list-workflow-runs-for-repo',
  'actions/list-workflow-run-artifacts',
] as const;
type OperationId = (typeof EMULATED_OPERATIONS)[number];

type ValidationResult = ReturnType<OpenAPIBackend['validateRequest']>;
type AjvError = NonNullable<ValidationResult['errors']>[number];
type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

interface SpecOperation {
  operationId: OperationId;
  method: string;
  /** Path template from the spec, e.g. /repos/{owner}/{repo}/contents/{path}. */
  template: string;
  regex: RegExp;
  paramNames: string[];
  documentationUrl: string;
  /** Statuses the description documents (as strings, e.g. "201", "4XX"). */
  statuses: string[];
  hasRequestBody: boolean;
}

export interface GitHubSpec {
  backend: OpenAPIBackend;
  operations: SpecOperation[];
  validateBasicError: ValidateFn;
  /** Spec version (info.version of the description). */
  version: string;
  /** Milliseconds it took to read, subset and compile the description. */
  loadMs: number;
}

let specPromise: Promise<GitHubSpec> | undefined;

/** Loads (once per process) the api.github.com description and prepares validators. */
export function loadGitHubSpec(): Promise<GitHubSpec> {
  specPromise ??= buildSpec().catch((err: unknown) => {
    specPromise = undefined;
    throw err;
  });
  return specPromise;
}

function specFilePath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@octokit/openapi/package.json');
  return path.join(path.dirname(pkg), 'generated', 'api.github.com.json');
}

interface RawOperation {
  operationId?: string;
  externalDocs?: { url?: string };
  responses?: Record<string, unknown>;
}

/** Keeps only the emulated operations and the components they reference (transitively). */
function subsetDescription(doc: Record<string, unknown>): Document {
  const wanted = new Set<string>(EMULATED_OPERATIONS);
  const allPaths = doc['paths'] as Record<string, Record<string, RawOperation>>;
  const components = doc['components'] as Record<string, Record<string, unknown>>;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [p, item] of Object.entries(allPaths)) {
    for (const [method, op] of Object.entries(item)) {
      if (op.operationId && wanted.has(op.operationId)) (paths[p] ??= {})[method] = op;
    }
  }
  const kept: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        if (seen.has(v)) continue;
        seen.add(v);
        const [, , kind, name] = v.split('/');
        if (!kind || !name) throw new Error(`unsupported $ref ${v}`);
        const target = components[kind]?.[name];
        if (target === undefined) throw new Error(`dangling $ref ${v}`);
        (kept[kind] ??= {})[name] = target;
        walk(target);
      } else {
        walk(v);
      }
    }
  };
  walk(paths);
  const found = new Set(Object.values(paths).flatMap((item) => Object.values(item).map((op) => (op as RawOperation).operationId)));
  const missing = EMULATED_OPERATIONS.filter((id) => !found.has(id));
  if (missing.length) throw new Error(`operations missing from the GitHub description: ${missing.join(', ')}`);
  normalizeForAjv({ paths, kept });
  return { openapi: doc['openapi'], info: doc['info'], paths, components: kept } as Document;
}

/**
 * Two places where OpenAPI 3.0 semantics as GitHub writes them and JSON Schema as Ajv
 * reads them differ; both are normalised the way GitHub's own 3.1 description states them:
 * - `nullable: true` next to an `enum` that lacks null (e.g. check run `conclusion`):
 *   Ajv keeps rejecting null, GitHub means null is allowed -> null is added to the enum.
 * - parameters typed `oneOf: [integer, string]` (e.g. `workflow_id`): a parameter arrives
 *   as text, so "123" satisfies both branches and oneOf fails -> anyOf.
 */
function normalizeForAjv(root: unknown): void {
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const obj = node as Record<string, unknown>;
    if (obj['nullable'] === true && Array.isArray(obj['enum']) && !obj['enum'].includes(null)) {
      obj['enum'] = [...obj['enum'], null];
    }
    if (typeof obj['in'] === 'string' && obj['schema'] && typeof obj['schema'] === 'object') {
      const schema = obj['schema'] as Record<string, unknown>;
      const branches = schema['oneOf'];
      if (Array.isArray(branches) && branches.every((b) => b && typeof b === 'object' && typeof (b as { type?: unknown }).type === 'string')) {
        schema['anyOf'] = branches;
        delete schema['oneOf'];
      }
    }
    for (const v of Object.values(obj)) visit(v);
  };
  visit(root);
}

async function buildSpec(): Promise<GitHubSpec> {
  const started = performance.now();
  const doc = JSON.parse(await readFile(specFilePath(), 'utf8')) as Record<string, unknown>;
  const definition = subsetDescription(doc);
  const addFormats = addFormatsModule.default as unknown as (ajv: unknown) => unknown;
  const backend = new OpenAPIBackend({
    definition,
    strict: true,
    // Validators are compiled per operation on first use; keeps start-up short.
    quick: true,
    ajvOpts: { strict: false, allErrors: true },
    customizeAjv: (ajv) => {
      addFormats(ajv);
      // GitHub answers "" for unset URL fields that the description types as format "uri"
      // (deployment status target_url/environment_url, repository homepage...): accept "".
      const uri = ajv.formats['uri'];
      const check =
        typeof uri === 'function'
          ? (s: string) => Boolean(uri(s))
          : uri instanceof RegExp
            ? (s: string) => uri.test(s)
            : null;
      if (!check) throw new Error('ajv-formats did not provide a "uri" format');
      ajv.addFormat('uri', { type: 'string', validate: (s: string) => s === '' || check(s) });
      return ajv;
    },
  });
  await backend.init();
  // quick mode skips the structural check of the description; run it on the subset.
  await backend.loadDocument();
  backend.validateDefinition();

  const operations: SpecOperation[] = [];
  for (const op of backend.getOperations()) {
    const operationId = op.operationId as OperationId;
    const paramNames: string[] = [];
    const multi = new Set(
      (op.parameters ?? [])
        .filter((p) => 'in' in p && p.in === 'path' && (p as unknown as Record<string, unknown>)['x-multi-segment'] === true)
        .map((p) => (p as { name: string }).name),
    );
    // A multi-segment parameter may be empty, slash included (GET .../contents lists the root).
    const pattern = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\/\{([^}]+)\}/g, (_m, name: string) => {
      paramNames.push(name);
      return multi.has(name) ? '(?:/(.*))?' : '/([^/]+)';
    });
    const raw = op as unknown as RawOperation;
    operations.push({
      operationId,
      method: op.method.toUpperCase(),
      template: op.path,
      regex: new RegExp(`^${pattern}/?$`),
      paramNames,
      documentationUrl: raw.externalDocs?.url ?? 'https://docs.github.com/rest',
      statuses: Object.keys(raw.responses ?? {}),
      hasRequestBody: Boolean(op.requestBody),
    });
  }
  const basicErrorSchema = (backend.definition.components?.schemas as Record<string, unknown> | undefined)?.['basic-error'];
  if (!basicErrorSchema) throw new Error('basic-error schema missing from the subset');
  const validateBasicError = backend.validator.getAjv(ValidationContext.Response).compile(basicErrorSchema as object) as ValidateFn;
  const info = doc['info'] as { version?: string } | undefined;
  return {
    backend,
    operations,
    validateBasicError,
    version: info?.version ?? 'unknown',
    loadMs: Math.round(performance.now() - started),
  };
}

function formatAjvErrors(errors: AjvError[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('; ');
}

/** GitHub-style text for a 422 "Invalid request." answer. */
function githubInvalidRequestMessage(errors: AjvError[]): string {
  const lines = errors.map((e) => {
    if (e.keyword === 'required' && typeof e.params['missingProperty'] === 'string') {
      return `"${e.params['missingProperty']}" wasn't supplied.`;
    }
    const where = e.instancePath.replace(/^\/(requestBody|query|path|header)\/?/, '') || e.instancePath;
    return `For '${where}', ${e.message ?? e.keyword}.`;
  });
  return `Invalid request.\n\n${[...new Set(lines)].join('\n')}`;
}

// ---------------------------------------------------------------------------------------------
// Emulator
// ---------------------------------------------------------------------------------------------

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: GitHubObject = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface Reply {
  status: number;
  body?: unknown;
  /** Raw bytes instead of a JSON body (raw media type); not schema-validated. */
  raw?: { data: Buffer; contentType: string };
  headers?: Record<string, string>;
}

interface HandlerContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: GitHubObject;
  url: URL;
  headers: IncomingMessage['headers'];
}

const WEB = 'https://github.com';
const ACTIONS_APP_ID = 15368;
const WRITE_PERMISSION: Partial<Record<OperationId, string>> = {
  'issues/create-comment': 'issues=write; pull_requests=write',
  'issues/update-comment': 'issues=write; pull_requests=write',
  'checks/create': 'checks=write',
  'checks/update': 'checks=write',
  'repos/create-deployment': 'deployments=write',
  'repos/create-deployment-status': 'deployments=write',
};
const COMMENT_MAX = 65536;

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const sha1 = (s: string | Buffer): string => createHash('sha1').update(s).digest('hex');
const gitBlobSha = (content: Buffer): string =>
  sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const isSha = (s: string): boolean => /^[0-9a-f]{40}$/.test(s);
function tokenLike(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return prefix + [...randomBytes(36)].map((b) => alphabet[b % alphabet.length]).join('');
}
function requestId(): string {
  const h = randomBytes(12).toString('hex').toUpperCase();
  return `${h.slice(0, 4)}:${h.slice(4, 8)}:${h.slice(8, 14)}:${h.slice(14, 20)}:${h.slice(20, 24)}${Math.floor(Date.now() / 1000).toString(16).toUpperCase()}`;
}

function userObject(api: string, login: string, id: number, type: 'User' | 'Bot' | 'Organization'): SimpleUser {
  const u = `${api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: b64(`04:${type}${id}`),
    avatar_url: type === 'Bot' ? `https://avatars.githubusercontent.com/in/${ACTIONS_APP_ID}?v=4` : `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: u,
    html_url: type === 'Bot' ? `${WEB}/apps/${login.replace(/\[bot\]$/, '')}` : `${WEB}/${login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function loginId(login: string): number {
  // Stable, plausible user id for a login.
  return 1_000_000 + (parseInt(sha1(login).slice(0, 8), 16) % 90_000_000);
}

export async function startGitHubApi(opts: StartGitHubApiOptions = {}): Promise<GitHubApi> {
  const spec = await loadGitHubSpec();
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'ml-project';
  const defaultBranch = opts.defaultBranch ?? 'main';
  const token = tokenLike('ghs_');
  const readOnlyToken = tokenLike('ghs_');

  const state: GitHubApiState = {
    comments: [],
    checkRuns: [],
    checkRunAnnotations: new Map(),
    deployments: [],
    deploymentStatuses: [],
    pulls: [],
    contents: [],
    workflows: [],
    workflowRuns: [],
    artifacts: [],
  };
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const faults: Array<{ match: FaultMatch; fault: Fault; remaining: number }> = [];
  const ids = {
    comment: 2_100_000_000,
    checkRun: 31_000_000_000,
    checkSuite: 22_000_000_000,
    deployment: 1_900_000_000,
    deploymentStatus: 2_500_000_000,
    pull: 1_800_000_000,
    run: 11_000_000_000,
    workflow: 95_000_000,
    artifact: 3_300_000_000,
    issueNumber: 0,
  };
  const suiteIds = new Map<string, number>();
  let rateUsed = 0;
  const rateReset = Math.floor(Date.now() / 1000) + 3600;

  // The URL is only known once listening; builders read it lazily.
  let api = '';
  const repoId = 700_000_000 + (parseInt(sha1(`${owner}/${repo}`).slice(0, 6), 16) % 90_000_000);
  const repoApi = (): string => `${api}/repos/${owner}/${repo}`;
  const repoHtml = `${WEB}/${owner}/${repo}`;
  const ownerUser = (): SimpleUser => userObject(api, owner, loginId(owner), 'Organization');
  const botUser = (): SimpleUser => userObject(api, 'github-actions[bot]', 41898282, 'Bot');
  const actionsApp = (): GitHubObject => ({
    id: ACTIONS_APP_ID,
    slug: 'github-actions',
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: userObject(api, 'github', 9919, 'Organization'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${WEB}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: {
      actions: 'write',
      checks: 'write',
      contents: 'write',
      deployments: 'write',
      issues: 'write',
      metadata: 'read',
      pull_requests: 'write',
      statuses: 'write',
    },
    events: ['check_run', 'check_suite', 'deployment', 'deployment_status', 'pull_request', 'push', 'workflow_dispatch'],
  });

  /** Current time, ISO seconds. */
  const now = (): string => isoSeconds(Date.now());
  /** A timestamp strictly after `prev` (GitHub timestamps have one-second resolution). */
  const after = (prev: string): string => {
    const t = Math.max(Date.now(), Date.parse(prev) + 1000);
    return isoSeconds(t);
  };

  function repoUrls(full: string, apiBase: string): GitHubObject {
    const r = `${apiBase}/repos/${full}`;
    return {
      archive_url: `${r}/{archive_format}{/ref}`,
      assignees_url: `${r}/assignees{/user}`,
      blobs_url: `${r}/git/blobs{/sha}`,
      branches_url: `${r}/branches{/branch}`,
      collaborators_url: `${r}/collaborators{/collaborator}`,
      comments_url: `${r}/comments{/number}`,
      commits_url: `${r}/commits{/sha}`,
      compare_url: `${r}/compare/{base}...{head}`,
      contents_url: `${r}/contents/{+path}`,
      contributors_url: `${r}/contributors`,
      deployments_url: `${r}/deployments`,
      downloads_url: `${r}/downloads`,
      events_url: `${r}/events`,
      forks_url: `${r}/forks`,
      git_commits_url: `${r}/git/commits{/sha}`,
      git_refs_url: `${r}/git/refs{/sha}`,
      git_tags_url: `${r}/git/tags{/sha}`,
      hooks_url: `${r}/hooks`,
      issue_comment_url: `${r}/issues/comments{/number}`,
      issue_events_url: `${r}/issues/events{/number}`,
      issues_url: `${r}/issues{/number}`,
      keys_url: `${r}/keys{/key_id}`,
      labels_url: `${r}/labels{/name}`,
      languages_url: `${r}/languages`,
      merges_url: `${r}/merges`,
      milestones_url: `${r}/milestones{/number}`,
      notifications_url: `${r}/notifications{?since,all,participating}`,
      pulls_url: `${r}/pulls{/number}`,
      releases_url: `${r}/releases{/id}`,
      stargazers_url: `${r}/stargazers`,
      statuses_url: `${r}/statuses/{sha}`,
      subscribers_url: `${r}/subscribers`,
      subscription_url: `${r}/subscription`,
      tags_url: `${r}/tags`,
      teams_url: `${r}/teams`,
      trees_url: `${r}/git/trees{/sha}`,
    };
  }

  function minimalRepository(repoOwner: string, id: number, fork: boolean): GitHubObject {
    const full = `${repoOwner}/${repo}`;
    return {
      id,
      node_id: `R_kgDO${b64(String(id)).replace(/=+$/, '')}`,
      name: repo,
      full_name: full,
      private: false,
      owner: repoOwner === owner ? ownerUser() : userObject(api, repoOwner, loginId(repoOwner), 'User'),
      html_url: `${WEB}/${full}`,
      description: 'Machine-learning project',
      fork,
      url: `${api}/repos/${full}`,
      ...repoUrls(full, api),
    };
  }

  function fullRepository(repoOwner: string, id: number, fork: boolean): GitHubObject {
    const full = `${repoOwner}/${repo}`;
    return {
      ...minimalRepository(repoOwner, id, fork),
      git_url: `git://github.com/${full}.git`,
      ssh_url: `git@github.com:${full}.git`,
      clone_url: `${WEB}/${full}.git`,
      svn_url: `${WEB}/${full}`,
      mirror_url: null,
      homepage: '',
      language: 'Python',
      size: 2048,
      forks: 3,
      forks_count: 3,
      stargazers_count: 42,
      watchers: 42,
      watchers_count: 42,
      open_issues: 5,
      open_issues_count: 5,
      default_branch: defaultBranch,
      is_template: false,
      topics: ['machine-learning', 'mlops'],
      has_issues: true,
      has_projects: true,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: 'public',
      license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT', url: `${api}/licenses/mit`, node_id: 'MDc6TGljZW5zZTEz' },
      allow_forking: true,
      web_commit_signoff_required: false,
      pushed_at: '2025-01-15T10:00:00Z',
      created_at: '2023-03-01T09:00:00Z',
      updated_at: '2025-01-15T10:00:00Z',
    };
  }

  const forkIds = new Map<string, number>();
  const repoIdFor = (repoOwner: string): number => {
    if (repoOwner === owner) return repoId;
    let id = forkIds.get(repoOwner);
    if (id === undefined) {
      id = repoId + 1 + forkIds.size;
      forkIds.set(repoOwner, id);
    }
    return id;
  };

  function checkSuiteId(headSha: string): number {
    let id = suiteIds.get(headSha);
    if (id === undefined) {
      id = ++ids.checkSuite;
      suiteIds.set(headSha, id);
    }
    return id;
  }

  function pullMinimal(p: PullRequest): GitHubObject {
    const repoRef = (r: PullRequestRef): GitHubObject => ({
      ref: r.ref,
      sha: r.sha,
      repo: { id: r.repo['id'], url: r.repo['url'], name: r.repo['name'] },
    });
    return { id: p.id, number: p.number, url: p['url'], head: repoRef(p.head), base: repoRef(p.base) };
  }

  // ------------------------------------------------------------------ builders / seeds

  function seedPull(p: SeedPullOptions = {}): PullRequest {
    const number = p.number ?? ++ids.issueNumber;
    ids.issueNumber = Math.max(ids.issueNumber, number);
    if (state.pulls.some((x) => x.number === number)) throw new Error(`pull request #${number} already seeded`);
    const id = ++ids.pull;
    const headOwner = p.head?.owner ?? owner;
    const headRef = p.head?.ref ?? `feature-${number}`;
    const headSha = p.head?.sha ?? sha1(`head:${number}:${headRef}`);
    const baseRef = p.base?.ref ?? defaultBranch;
    const baseSha = p.base?.sha ?? sha1(`base:${baseRef}`);
    const authorLogin = p.user ?? (headOwner !== owner ? headOwner : 'ml-contributor');
    const author = userObject(api, authorLogin, loginId(authorLogin), 'User');
    const created = p.created_at ?? now();
    const merged = p.merged ?? false;
    const closed = merged || p.state === 'closed';
    const pr = `${repoApi()}/pulls/${number}`;
    const issue = `${repoApi()}/issues/${number}`;
    const html = `${repoHtml}/pull/${number}`;
    const pull: PullRequest = {
      url: pr,
      id,
      node_id: `PR_kwDO${b64(String(id)).replace(/=+$/, '')}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${pr}/commits`,
      review_comments_url: `${pr}/comments`,
      review_comment_url: `${repoApi()}/pulls/comments{/number}`,
      comments_url: `${issue}/comments`,
      statuses_url: `${repoApi()}/statuses/${headSha}`,
      number,
      state: closed ? 'closed' : 'open',
      locked: false,
      title: p.title ?? `Improve model training (#${number})`,
      user: author,
      body: p.body === undefined ? 'Updates the training pipeline.' : p.body,
      labels: (p.labels ?? []).map((name) => {
        const labelId = 5_000_000_000 + (parseInt(sha1(name).slice(0, 7), 16) % 1_000_000_000);
        return {
          id: labelId,
          node_id: `LA_kwDO${b64(String(labelId)).replace(/=+$/, '')}`,
          url: `${repoApi()}/labels/${encodeURIComponent(name)}`,
          name,
          description: null,
          color: 'ededed',
          default: false,
        };
      }),
      milestone: null,
      active_lock_reason: null,
      created_at: created,
      updated_at: created,
      closed_at: closed ? created : null,
      merged_at: merged ? created : null,
      merge_commit_sha: sha1(`merge:${number}`),
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: {
        label: `${headOwner}:${headRef}`,
        ref: headRef,
        sha: headSha,
        user: headOwner === owner ? ownerUser() : userObject(api, headOwner, loginId(headOwner), 'User'),
        repo: fullRepository(headOwner, repoIdFor(headOwner), headOwner !== owner),
      },
      base: {
        label: `${owner}:${baseRef}`,
        ref: baseRef,
        sha: baseSha,
        user: ownerUser(),
        repo: fullRepository(owner, repoId, false),
      },
      _links: {
        self: { href: pr },
        html: { href: html },
        issue: { href: issue },
        comments: { href: `${issue}/comments` },
        review_comments: { href: `${pr}/comments` },
        review_comment: { href: `${repoApi()}/pulls/comments{/number}` },
        commits: { href: `${pr}/commits` },
        statuses: { href: `${repoApi()}/statuses/${headSha}` },
      },
      author_association: headOwner !== owner ? 'FIRST_TIME_CONTRIBUTOR' : 'MEMBER',
      auto_merge: null,
      draft: p.draft ?? false,
      merged,
      mergeable: closed ? null : true,
      rebaseable: closed ? null : true,
      mergeable_state: closed ? 'unknown' : 'clean',
      merged_by: merged ? ownerUser() : null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: headOwner !== owner,
      commits: 1,
      additions: p.additions ?? 42,
      deletions: p.deletions ?? 7,
      changed_files: p.changed_files ?? 3,
    };
    state.pulls.push(pull);
    return pull;
  }

  function seedFile(filePath: string, content: string | Buffer, ref: string = defaultBranch): SeededFile {
    const clean = filePath.replace(/^\/+|\/+$/g, '');
    if (!clean) throw new Error('seedFile: empty path');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const existing = state.contents.find((f) => f.path === clean && f.ref === ref);
    if (existing) {
      existing.content = data;
      return existing;
    }
    const file: SeededFile = { path: clean, ref, content: data };
    state.contents.push(file);
    return file;
  }

  function workflowFor(workflowPath: string, name?: string): Workflow {
    let wf = state.workflows.find((w) => w.path === workflowPath);
    if (!wf) {
      const base = path.posix.basename(workflowPath).replace(/\.ya?ml$/, '');
      wf = { id: ++ids.workflow, path: workflowPath, name: name ?? base.charAt(0).toUpperCase() + base.slice(1) };
      state.workflows.push(wf);
    }
    return wf;
  }

  function seedWorkflowRun(r: SeedWorkflowRunOptions = {}): WorkflowRun {
    const wf = workflowFor(r.workflow ?? '.github/workflows/ci.yml', r.name);
    const id = r.id ?? ++ids.run;
    ids.run = Math.max(ids.run, id);
    const branch = r.head_branch ?? defaultBranch;
    const headSha = r.head_sha ?? sha1(`run:${id}:${branch}`);
    const status = r.status ?? 'completed';
    const conclusion = r.conclusion !== undefined ? r.conclusion : status === 'completed' ? 'success' : null;
    const created = r.created_at ?? now();
    const updated = r.updated_at ?? created;
    const runNumber = r.run_number ?? state.workflowRuns.filter((x) => x.workflow_id === wf.id).length + 1;
    const attempt = r.run_attempt ?? 1;
    const actorLogin = r.actor ?? 'ml-maintainer';
    const actor = userObject(api, actorLogin, loginId(actorLogin), 'User');
    const runUrl = `${repoApi()}/actions/runs/${id}`;
    const suiteId = checkSuiteId(headSha);
    const pulls = (r.pull_requests ?? []).map((n) => {
      const p = state.pulls.find((x) => x.number === n);
      if (!p) throw new Error(`seedWorkflowRun: pull request #${n} is not seeded`);
      return pullMinimal(p);
    });
    const run: WorkflowRun = {
      id,
      name: wf.name,
      node_id: `WFR_kwLO${b64(String(id)).replace(/=+$/, '')}`,
      check_suite_id: suiteId,
      check_suite_node_id: `CS_kwDO${b64(String(suiteId)).replace(/=+$/, '')}`,
      head_branch: branch,
      head_sha: headSha,
      path: wf.path,
      display_title: r.display_title ?? `Run ${wf.name} on ${branch}`,
      run_number: runNumber,
      event: r.event ?? 'push',
      status,
      conclusion,
      workflow_id: wf.id,
      url: runUrl,
      html_url: `${repoHtml}/actions/runs/${id}`,
      pull_requests: pulls,
      created_at: created,
      updated_at: updated,
      actor,
      run_attempt: attempt,
      referenced_workflows: [],
      run_started_at: created,
      triggering_actor: actor,
      jobs_url: `${runUrl}/jobs`,
      logs_url: `${runUrl}/logs`,
      check_suite_url: `${repoApi()}/check-suites/${suiteId}`,
      artifacts_url: `${runUrl}/artifacts`,
      cancel_url: `${runUrl}/cancel`,
      rerun_url: `${runUrl}/rerun`,
      previous_attempt_url: attempt > 1 ? `${runUrl}/attempts/${attempt - 1}` : null,
      workflow_url: `${repoApi()}/actions/workflows/${wf.id}`,
      head_commit: {
        id: headSha,
        tree_id: sha1(`tree:${headSha}`),
        message: r.display_title ?? 'Update training configuration',
        timestamp: created,
        author: { name: actorLogin, email: `${actorLogin}@users.noreply.github.com` },
        committer: { name: 'GitHub', email: 'noreply@github.com' },
      },
      repository: minimalRepository(owner, repoId, false),
      head_repository: minimalRepository(owner, repoId, false),
      head_repository_id: repoId,
    };
    state.workflowRuns.push(run);
    return run;
  }

  function seedRunArtifact(runId: number, a: SeedArtifactOptions): Artifact {
    const run = state.workflowRuns.find((r) => r.id === runId);
    if (!run) throw new Error(`seedRunArtifact: workflow run ${runId} is not seeded`);
    const id = a.id ?? ++ids.artifact;
    ids.artifact = Math.max(ids.artifact, id);
    const created = a.created_at ?? now();
    const expires = a.expires_at ?? isoSeconds(Date.parse(created) + 90 * 24 * 3600 * 1000);
    const artifactUrl = `${repoApi()}/actions/artifacts/${id}`;
    const artifact: Artifact = {
      id,
      node_id: `MDg6QXJ0aWZhY3Q${b64(String(id)).replace(/=+$/, '')}`,
      name: a.name,
      size_in_bytes: a.size_in_bytes ?? 1024,
      url: artifactUrl,
      archive_download_url: `${artifactUrl}/zip`,
      expired: a.expired ?? false,
      digest: a.digest === undefined ? `sha256:${createHash('sha256').update(`${id}:${a.name}`).digest('hex')}` : a.digest,
      created_at: created,
      updated_at: created,
      expires_at: expires,
      workflow_run: {
        id: run.id,
        repository_id: repoId,
        head_repository_id: repoId,
        head_branch: run.head_branch ?? '',
        head_sha: run.head_sha,
      },
    };
    state.artifacts.push(artifact);
    return artifact;
  }

  function injectFault(match: FaultMatch, fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new Error('injectFault: times must be a positive integer');
    faults.push({ match, fault, remaining: times });
  }

  // ------------------------------------------------------------------ helpers for handlers

  const notFound = (): HttpError => new HttpError(404, 'Not Found');

  function paginate<T>(ctx: HandlerContext, items: T[]): { page: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Math.floor(Number(ctx.query.get('page') ?? 1) || 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (p: number, rel: string): string => {
      const u = new URL(ctx.url.pathname + ctx.url.search, api);
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(link(Math.min(page - 1, last), 'prev'));
    if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) parts.push(link(1, 'first'));
    return { page: slice, headers: parts.length ? { link: parts.join(', ') } : {} };
  }

  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const issueNumberOf = (c: IssueComment): number => Number(c.issue_url.split('/').pop());
  const deploymentIdOf = (s: DeploymentStatus): number => Number(s.deployment_url.split('/').pop());

  function findComment(idParam: string | undefined): IssueComment {
    const c = state.comments.find((x) => x.id === Number(idParam));
    if (!c) throw notFound();
    return c;
  }
  function findCheckRun(idParam: string | undefined): CheckRun {
    const c = state.checkRuns.find((x) => x.id === Number(idParam));
    if (!c) throw notFound();
    return c;
  }
  function findDeployment(idParam: string | undefined): Deployment {
    const d = state.deployments.find((x) => x.id === Number(idParam));
    if (!d) throw notFound();
    return d;
  }

  function commentView(c: IssueComment): IssueComment {
    // Returned as stored; a shallow copy so later mutations of state do not alias responses.
    return { ...c };
  }

  function checkRunView(c: CheckRun): CheckRun {
    const pulls = state.pulls.filter((p) => p.head.sha === c.head_sha && p.state === 'open').map(pullMinimal);
    return { ...c, output: { ...c.output }, pull_requests: pulls };
  }

  function toAnnotations(headSha: string, list: unknown): CheckAnnotation[] {
    if (!Array.isArray(list)) return [];
    return list.map((raw) => {
      const a = raw as GitHubObject;
      const file = String(a['path']);
      return {
        path: file,
        start_line: Number(a['start_line']),
        end_line: Number(a['end_line']),
        start_column: typeof a['start_column'] === 'number' ? a['start_column'] : null,
        end_column: typeof a['end_column'] === 'number' ? a['end_column'] : null,
        annotation_level: str(a['annotation_level']) ?? null,
        title: str(a['title']) ?? null,
        message: str(a['message']) ?? null,
        raw_details: str(a['raw_details']) ?? null,
        blob_href: `${repoHtml}/blob/${headSha}/${file}`,
      };
    });
  }

  function applyCheckRunFields(run: CheckRun, body: GitHubObject, creating: boolean): void {
    const t = creating ? run.created_at as string : after(run['updated_at'] as string);
    if (typeof body['name'] === 'string') run.name = body['name'];
    if (typeof body['details_url'] === 'string') run.details_url = body['details_url'];
    if (typeof body['external_id'] === 'string') run.external_id = body['external_id'];
    if (typeof body['started_at'] === 'string') run.started_at = isoSeconds(Date.parse(body['started_at']));
    if (typeof body['status'] === 'string') run.status = body['status'];
    if (typeof body['conclusion'] === 'string') {
      run.conclusion = body['conclusion'];
      run.status = 'completed';
    }
    if (run.status === 'completed') {
      if (typeof body['completed_at'] === 'string') run.completed_at = isoSeconds(Date.parse(body['completed_at']));
      else run.completed_at ??= t;
    }
    const output = body['output'] as GitHubObject | undefined;
    if (output && typeof output === 'object') {
      if (typeof output['title'] === 'string') run.output.title = output['title'];
      if (typeof output['summary'] === 'string') run.output.summary = output['summary'];
      if (typeof output['text'] === 'string') run.output.text = output['text'];
      const annotations = toAnnotations(run.head_sha, output['annotations']);
      if (annotations.length) {
        const list = state.checkRunAnnotations.get(run.id) ?? [];
        list.push(...annotations);
        state.checkRunAnnotations.set(run.id, list);
        run.output.annotations_count = list.length;
      }
    }
    run['updated_at'] = t;
  }

  function contentEntry(filePath: string, ref: string, type: 'file' | 'dir', data?: Buffer): GitHubObject {
    const self = `${repoApi()}/contents/${filePath.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(ref)}`;
    const sha = type === 'file' && data ? gitBlobSha(data) : sha1(`tree:${ref}:${filePath}`);
    const git = `${repoApi()}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
    const html = `${repoHtml}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${filePath}`;
    return {
      type,
      name: path.posix.basename(filePath),
      path: filePath,
      sha,
      size: type === 'file' && data ? data.length : 0,
      url: self,
      html_url: html,
      git_url: git,
      download_url: type === 'file' ? `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${filePath}` : null,
      _links: { self, git, html },
    };
  }

  function filterRuns(ctx: HandlerContext, runs: WorkflowRun[]): WorkflowRun[] {
    const q = ctx.query;
    const branch = q.get('branch');
    const status = q.get('status');
    const event = q.get('event');
    const actor = q.get('actor');
    const headSha = q.get('head_sha');
    const suite = q.get('check_suite_id');
    const created = q.get('created');
    const excludePulls = q.get('exclude_pull_requests') === 'true';
    return runs
      .filter((r) => branch === null || r.head_branch === branch)
      .filter((r) => status === null || r.status === status || r.conclusion === status)
      .filter((r) => event === null || r.event === event)
      .filter((r) => actor === null || (r['actor'] as SimpleUser | undefined)?.login === actor)
      .filter((r) => headSha === null || r.head_sha === headSha)
      .filter((r) => suite === null || r['check_suite_id'] === Number(suite))
      .filter((r) => created === null || matchesCreated(r.created_at, created))
      .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id)
      .map((r) => (excludePulls ? { ...r, pull_requests: [] } : { ...r }));
  }

  /** GitHub search date syntax: 2024-01-01, >=2024-01-01, <2024-02-01, 2024-01-01..2024-02-01. */
  function matchesCreated(iso: string, expr: string): boolean {
    const t = Date.parse(iso);
    const range = expr.split('..');
    if (range.length === 2) {
      const [from, to] = range as [string, string];
      return (from === '*' || t >= Date.parse(from)) && (to === '*' || t <= Date.parse(to) + (to.length <= 10 ? 86_399_999 : 0));
    }
    const m = /^(>=|<=|>|<)?(.+)$/.exec(expr);
    if (!m?.[2]) return true;
    const v = Date.parse(m[2]);
    const dayEnd = m[2].length <= 10 ? v + 86_399_999 : v;
    switch (m[1]) {
      case '>=':
        return t >= v;
      case '>':
        return t > dayEnd;
      case '<=':
        return t <= dayEnd;
      case '<':
        return t < v;
      default:
        return t >= v && t <= dayEnd;
    }
  }

  // ------------------------------------------------------------------ handlers

  const handlers: Record<OperationId, (ctx: HandlerContext) => Reply> = {
    'issues/list-comments': (ctx) => {
      const issue = Number(ctx.params['issue_number']);
      const since = ctx.query.get('since');
      const list = state.comments
        .filter((c) => issueNumberOf(c) === issue)
        .filter((c) => since === null || Date.parse(c.updated_at) >= Date.parse(since))
        .sort((a, b) => a.id - b.id);
      const { page, headers } = paginate(ctx, list);
      return { status: 200, body: page.map(commentView), headers };
    },
    'issues/create-comment': (ctx) => {
      const issue = Number(ctx.params['issue_number']);
      const body = String(ctx.body['body']);
      if (body.length > COMMENT_MAX) {
        throw new HttpError(422, 'Validation Failed', {
          errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${COMMENT_MAX} characters)` }],
        });
      }
      const id = ++ids.comment;
      const t = now();
      const url = `${repoApi()}/issues/comments/${id}`;
      const isPull = state.pulls.some((p) => p.number === issue);
      const comment: IssueComment = {
        id,
        node_id: `IC_kwDO${b64(String(id)).replace(/=+$/, '')}`,
        url,
        html_url: `${repoHtml}/${isPull ? 'pull' : 'issues'}/${issue}#issuecomment-${id}`,
        body,
        user: botUser(),
        created_at: t,
        updated_at: t,
        issue_url: `${repoApi()}/issues/${issue}`,
        author_association: 'NONE',
        performed_via_github_app: null,
        reactions: {
          url: `${url}/reactions`,
          total_count: 0,
          '+1': 0,
          '-1': 0,
          laugh: 0,
          hooray: 0,
          confused: 0,
          heart: 0,
          rocket: 0,
          eyes: 0,
        },
      };
      state.comments.push(comment);
      return { status: 201, body: commentView(comment), headers: { location: url } };
    },
    'issues/get-comment': (ctx) => ({ status: 200, body: commentView(findComment(ctx.params['comment_id'])) }),
    'issues/update-comment': (ctx) => {
      const comment = findComment(ctx.params['comment_id']);
      const body = String(ctx.body['body']);
      if (body.length > COMMENT_MAX) {
        throw new HttpError(422, 'Validation Failed', {
          errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${COMMENT_MAX} characters)` }],
        });
      }
      comment.body = body;
      comment.updated_at = after(comment.updated_at);
      return { status: 200, body: commentView(comment) };
    },
    'checks/create': (ctx) => {
      const id = ++ids.checkRun;
      const headSha = String(ctx.body['head_sha']);
      const t = now();
      const run: CheckRun = {
        id,
        name: String(ctx.body['name']),
        node_id: `CR_kwDO${b64(String(id)).replace(/=+$/, '')}`,
        head_sha: headSha,
        external_id: '',
        url: `${repoApi()}/check-runs/${id}`,
        html_url: `${repoHtml}/runs/${id}`,
        details_url: `${repoHtml}/runs/${id}`,
        status: 'queued',
        conclusion: null,
        started_at: t,
        completed_at: null,
        output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: `${repoApi()}/check-runs/${id}/annotations` },
        check_suite: { id: checkSuiteId(headSha) },
        app: actionsApp(),
        pull_requests: [],
        created_at: t,
        updated_at: t,
      };
      applyCheckRunFields(run, ctx.body, true);
      state.checkRuns.push(run);
      return { status: 201, body: checkRunView(run) };
    },
    'checks/get': (ctx) => ({ status: 200, body: checkRunView(findCheckRun(ctx.params['check_run_id'])) }),
    'checks/update': (ctx) => {
      const run = findCheckRun(ctx.params['check_run_id']);
      applyCheckRunFields(run, ctx.body, false);
      return { status: 200, body: checkRunView(run) };
    },
    'checks/list-annotations': (ctx) => {
      const run = findCheckRun(ctx.params['check_run_id']);
      const { page, headers } = paginate(ctx, state.checkRunAnnotations.get(run.id) ?? []);
      return { status: 200, body: page, headers };
    },
    'pulls/get': (ctx) => {
      const number = Number(ctx.params['pull_number']);
      const pull = state.pulls.find((p) => p.number === number);
      if (!pull) throw notFound();
      const comments = state.comments.filter((c) => issueNumberOf(c) === number).length;
      return { status: 200, body: { ...pull, comments } };
    },
    'repos/create-deployment': (ctx) => {
      const b = ctx.body;
      const ref = String(b['ref']);
      const environment = str(b['environment']) ?? 'production';
      const pullHead = state.pulls.find((p) => p.head.ref === ref)?.head.sha;
      const sha = isSha(ref) ? ref : pullHead ?? sha1(`ref:${ref}`);
      const id = ++ids.deployment;
      const t = now();
      const url = `${repoApi()}/deployments/${id}`;
      let payload: GitHubObject | string = {};
      if (typeof b['payload'] === 'object' && b['payload'] !== null) payload = b['payload'] as GitHubObject;
      else if (typeof b['payload'] === 'string' && b['payload'] !== '') {
        try {
          const parsed: unknown = JSON.parse(b['payload']);
          payload = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as GitHubObject) : b['payload'];
        } catch {
          throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Deployment', code: 'invalid', field: 'payload' }] });
        }
      }
      const deployment: Deployment = {
        url,
        id,
        node_id: `DE_kwDO${b64(String(id)).replace(/=+$/, '')}`,
        sha,
        ref,
        task: str(b['task']) ?? 'deploy',
        payload,
        original_environment: environment,
        environment,
        description: b['description'] === null ? null : (str(b['description']) ?? ''),
        creator: botUser(),
        created_at: t,
        updated_at: t,
        statuses_url: `${url}/statuses`,
        repository_url: repoApi(),
        transient_environment: b['transient_environment'] === true,
        production_environment: typeof b['production_environment'] === 'boolean' ? b['production_environment'] : environment === 'production',
        performed_via_github_app: actionsApp(),
      };
      state.deployments.push(deployment);
      return { status: 201, body: { ...deployment } };
    },
    'repos/list-deployments': (ctx) => {
      const q = ctx.query;
      const list = state.deployments
        .filter((d) => !q.has('sha') || d.sha === q.get('sha'))
        .filter((d) => !q.has('ref') || d.ref === q.get('ref'))
        .filter((d) => !q.has('task') || d.task === q.get('task'))
        .filter((d) => !q.has('environment') || d.environment === q.get('environment'))
        .sort((a, b) => b.id - a.id);
      const { page, headers } = paginate(ctx, list);
      return { status: 200, body: page.map((d) => ({ ...d })), headers };
    },
    'repos/get-deployment': (ctx) => ({ status: 200, body: { ...findDeployment(ctx.params['deployment_id']) } }),
    'repos/create-deployment-status': (ctx) => {
      const deployment = findDeployment(ctx.params['deployment_id']);
      const b = ctx.body;
      const state_ = String(b['state']);
      const previous = state.deploymentStatuses.filter((s) => deploymentIdOf(s) === deployment.id).at(-1);
      const environment = str(b['environment']) ?? previous?.environment ?? deployment.environment;
      const logUrl = str(b['log_url']) ?? str(b['target_url']) ?? '';
      const status = addDeploymentStatus(deployment, {
        state: state_,
        description: str(b['description']) ?? '',
        environment,
        log_url: logUrl,
        target_url: str(b['log_url']) ?? str(b['target_url']) ?? '',
        environment_url: str(b['environment_url']) ?? '',
      });
      if (environment !== deployment.environment) deployment.environment = environment;
      if (state_ === 'success' && b['auto_inactive'] !== false) {
        for (const other of state.deployments) {
          if (other.id === deployment.id || other.environment !== environment) continue;
          if (other.transient_environment || other.production_environment) continue;
          const last = state.deploymentStatuses.filter((s) => deploymentIdOf(s) === other.id).at(-1);
          if (last?.state === 'success') {
            addDeploymentStatus(other, { ...last, state: 'inactive', description: '' });
          }
        }
      }
      return { status: 201, body: { ...status } };
    },
    'repos/list-deployment-statuses': (ctx) => {
      const deployment = findDeployment(ctx.params['deployment_id']);
      const list = state.deploymentStatuses.filter((s) => deploymentIdOf(s) === deployment.id).sort((a, b) => b.id - a.id);
      const { page, headers } = paginate(ctx, list);
      return { status: 200, body: page.map((s) => ({ ...s })), headers };
    },
    'repos/get-content': (ctx) => {
      const filePath = (ctx.params['path'] ?? '').replace(/^\/+|\/+$/g, '');
      const ref = ctx.query.get('ref') ?? defaultBranch;
      const atRef = state.contents.filter((f) => f.ref === ref);
      const file = atRef.find((f) => f.path === filePath);
      const accept = String(ctx.headers['accept'] ?? '');
      if (file) {
        if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
          return { status: 200, raw: { data: file.content, contentType: 'application/vnd.github.raw; charset=utf-8' } };
        }
        const content = (file.content.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
        return { status: 200, body: { ...contentEntry(file.path, ref, 'file', file.content), content, encoding: 'base64' } };
      }
      const prefix = filePath ? `${filePath}/` : '';
      const children = atRef.filter((f) => f.path.startsWith(prefix));
      if (children.length) {
        const entries = new Map<string, GitHubObject>();
        for (const child of children) {
          const rest = child.path.slice(prefix.length);
          const [first, ...more] = rest.split('/');
          if (!first) continue;
          const childPath = `${prefix}${first}`;
          if (!entries.has(childPath)) {
            entries.set(childPath, more.length ? contentEntry(childPath, ref, 'dir') : contentEntry(childPath, ref, 'file', child.content));
          }
        }
        return { status: 200, body: [...entries.values()].sort((a, b) => String(a['name']).localeCompare(String(b['name']))) };
      }
      throw notFound();
    },
    'actions/list-workflow-runs': (ctx) => {
      const raw = ctx.params['workflow_id'] ?? '';
      const wf = /^\d+$/.test(raw)
        ? state.workflows.find((w) => w.id === Number(raw))
        : state.workflows.find((w) => path.posix.basename(w.path) === raw || w.path === raw);
      if (!wf) throw notFound();
      const runs = filterRuns(ctx, state.workflowRuns.filter((r) => r.workflow_id === wf.id));
      const { page, headers } = paginate(ctx, runs);
      return { status: 200, body: { total_count: runs.length, workflow_runs: page }, headers };
    },
    'actions/list-workflow-runs-for-repo': (ctx) => {
      const runs = filterRuns(ctx, state.workflowRuns);
      const { page, headers } = paginate(ctx, runs);
      return { status: 200, body: { total_count: runs.length, workflow_runs: page }, headers };
    },
    'actions/list-workflow-run-artifacts': (ctx) => {
      const runId = Number(ctx.params['run_id']);
      if (!state.workflowRuns.some((r) => r.id === runId)) throw notFound();
      const name = ctx.query.get('name');
      const asc = ctx.query.get('direction') === 'asc';
      const list = state.artifacts
        .filter((a) => a.workflow_run?.id === runId)
        .filter((a) => name === null || a.name === name)
        .sort((a, b) => (asc ? a.id - b.id : b.id - a.id));
      const { page, headers } = paginate(ctx, list);
      return { status: 200, body: { total_count: list.length, artifacts: page.map((a) => ({ ...a })) }, headers };
    },
  };

  function addDeploymentStatus(
    deployment: Deployment,
    f: { state: string; description: string; environment: string; log_url: string; target_url: string; environment_url: string },
  ): DeploymentStatus {
    const id = ++ids.deploymentStatus;
    const t = now();
    const deploymentUrl = `${repoApi()}/deployments/${deployment.id}`;
    const status: DeploymentStatus = {
      url: `${deploymentUrl}/statuses/${id}`,
      id,
      node_id: `DES_kwDO${b64(String(id)).replace(/=+$/, '')}`,
      state: f.state,
      creator: botUser(),
      description: f.description,
      environment: f.environment,
      target_url: f.target_url,
      created_at: t,
      updated_at: t,
      deployment_url: deploymentUrl,
      repository_url: repoApi(),
      environment_url: f.environment_url,
      log_url: f.log_url,
      performed_via_github_app: actionsApp(),
    };
    state.deploymentStatuses.push(status);
    deployment.updated_at = after(deployment.updated_at);
    return status;
  }

  // ------------------------------------------------------------------ HTTP plumbing

  function baseHeaders(authenticated: boolean): Record<string, string> {
    if (authenticated) rateUsed++;
    const limit = authenticated ? 5000 : 60;
    return {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': requestId(),
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - rateUsed)),
      'x-ratelimit-reset': String(rateReset),
      'x-ratelimit-used': String(rateUsed),
      'x-ratelimit-resource': 'core',
      'x-content-type-options': 'nosniff',
    };
  }

  function errorBody(status: number, message: string, documentationUrl: string, extra: GitHubObject = {}): GitHubObject {
    return { message, ...extra, documentation_url: documentationUrl, status: String(status) };
  }

  function faultReply(fault: Fault, docUrl: string): Reply {
    const nowSec = Math.floor(Date.now() / 1000);
    if (fault.status === 429) {
      const retryAfter = fault.retryAfter;
      if (fault.secondaryRateLimit) {
        return {
          status: 429,
          body: errorBody(429, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'),
          headers: { 'retry-after': String(retryAfter) },
        };
      }
      return {
        status: 429,
        body: errorBody(429, 'API rate limit exceeded for installation ID 4242424.', 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'),
        headers: {
          'retry-after': String(retryAfter),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(nowSec + retryAfter),
        },
      };
    }
    if (fault.status === 403) {
      return {
        status: 403,
        body: errorBody(
          403,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        ),
        headers: { 'retry-after': String(fault.retryAfter ?? 1) },
      };
    }
    const text = { 500: 'Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' }[fault.status];
    return { status: fault.status, body: errorBody(fault.status, fault.message ?? text, docUrl) };
  }

  function takeFault(method: string, pathname: string): Fault | undefined {
    const entry = faults.find(
      (f) => f.remaining > 0 && (!f.match.method || f.match.method.toUpperCase() === method) && (!f.match.path || f.match.path.test(pathname)),
    );
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining === 0) faults.splice(faults.indexOf(entry), 1);
    return entry.fault;
  }

  function route(method: string, pathname: string): { op: SpecOperation; params: Record<string, string> } | undefined {
    for (const op of spec.operations) {
      if (op.method !== method) continue;
      const m = op.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      op.paramNames.forEach((name, i) => {
        const raw = m[i + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw;
        }
      });
      return { op, params };
    }
    return undefined;
  }

  /** Checks a response against the description; returns the reply to send (a 500 on a harness bug). */
  function checkResponse(op: SpecOperation | undefined, reply: Reply, label: string): Reply {
    if (reply.raw) return reply;
    const problems: string[] = [];
    const code = String(reply.status);
    const documented = op && (op.statuses.includes(code) || op.statuses.includes(`${code[0]}XX`));
    if (op && documented) {
      const res = spec.backend.validateResponse(reply.body, op.operationId, reply.status);
      if (!res.valid) problems.push(formatAjvErrors(res.errors));
      const hdr = spec.backend.validateResponseHeaders(reply.headers ?? {}, op.operationId, { statusCode: reply.status });
      if (!hdr.valid) problems.push(`headers: ${formatAjvErrors(hdr.errors)}`);
    } else if (reply.status >= 400) {
      if (!spec.validateBasicError(reply.body)) problems.push(formatAjvErrors(spec.validateBasicError.errors));
    } else {
      problems.push(`status ${reply.status} is not documented for ${op?.operationId ?? 'this route'}`);
    }
    if (!problems.length) return reply;
    const msg = `response ${label} ${reply.status}: ${problems.join('; ')}`;
    violations.push(msg);
    return { status: 500, body: errorBody(500, `github-api harness bug: emulated ${msg}`, 'https://docs.github.com/rest') };
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function handle(req: IncomingMessage): Promise<{ reply: Reply; record: Omit<RecordedRequest, 'status'>; authenticated: boolean }> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', api);
    const rawBody = await readBody(req);
    let body: unknown;
    let badJson = false;
    if (rawBody.length) {
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        badJson = true;
        body = rawBody.toString('utf8');
      }
    }
    const authHeader = String(req.headers['authorization'] ?? '');
    const presented = /^(?:token|bearer)\s+(\S+)$/i.exec(authHeader)?.[1];
    const auth: RecordedRequest['auth'] = !authHeader
      ? 'none'
      : presented === token
        ? 'read-write'
        : presented === readOnlyToken
          ? 'read-only'
          : 'unknown';
    const matched = route(method, url.pathname);
    const op = matched?.op;
    const record: Omit<RecordedRequest, 'status'> = {
      method,
      path: url.pathname + url.search,
      ...(body !== undefined ? { body } : {}),
      ...(op ? { operationId: op.operationId } : {}),
      auth,
    };
    const label = `${op?.operationId ?? 'unrouted'} ${method} ${url.pathname}`;
    const docUrl = op?.documentationUrl ?? 'https://docs.github.com/rest';
    const authenticated = auth === 'read-write' || auth === 'read-only';

    const fault = takeFault(method, url.pathname);
    if (fault) return { reply: checkResponse(op, faultReply(fault, docUrl), label), record: { ...record, fault: true }, authenticated };

    if (auth === 'none') {
      return { reply: checkResponse(op, { status: 401, body: errorBody(401, 'Requires authentication', docUrl) }, label), record, authenticated };
    }
    if (auth === 'unknown') {
      return { reply: checkResponse(op, { status: 401, body: errorBody(401, 'Bad credentials', 'https://docs.github.com/rest') }, label), record, authenticated };
    }
    if (!matched || !op) {
      violations.push(`request ${method} ${url.pathname}: no emulated GitHub operation for this route`);
      return { reply: checkResponse(undefined, { status: 404, body: errorBody(404, 'Not Found', 'https://docs.github.com/rest') }, label), record, authenticated };
    }
    if (badJson) {
      violations.push(`request ${label}: body is not valid JSON`);
      return { reply: checkResponse(op, { status: 400, body: errorBody(400, 'Problems parsing JSON', docUrl) }, label), record, authenticated };
    }
    if (auth === 'read-only' && method !== 'GET' && method !== 'HEAD') {
      const headers: Record<string, string> = {};
      const perm = WRITE_PERMISSION[op.operationId];
      if (perm) headers['x-accepted-github-permissions'] = perm;
      return {
        reply: checkResponse(op, { status: 403, body: errorBody(403, 'Resource not accessible by integration', docUrl), headers }, label),
        record,
        authenticated,
      };
    }

    // Validate the request against the operation, using the canonical (encoded) path.
    // An empty multi-segment parameter (the repository root for contents) is valid for GitHub but
    // cannot be expressed as a path parameter: it is validated as "." (the same directory).
    const canonicalPath = op.template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(matched.params[name] || '.'));
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length === 1 ? (all[0] as string) : all;
    }
    // GitHub reads an absent body of a write as an empty object.
    if (body === undefined && op.hasRequestBody) body = {};
    const validation = spec.backend.validateRequest(
      {
        method: method.toLowerCase(),
        path: canonicalPath,
        query,
        headers: op.hasRequestBody
          ? { ...(req.headers as Record<string, string | string[]>), 'content-type': 'application/json' }
          : (req.headers as Record<string, string | string[]>),
        body,
      },
      op.operationId,
    );
    if (!validation.valid) {
      const errors = validation.errors ?? [];
      violations.push(`request ${label}: ${formatAjvErrors(errors)}`);
      return {
        reply: checkResponse(op, { status: 422, body: errorBody(422, githubInvalidRequestMessage(errors), docUrl) }, label),
        record,
        authenticated,
      };
    }
    if (matched.params['owner']?.toLowerCase() !== owner.toLowerCase() || matched.params['repo']?.toLowerCase() !== repo.toLowerCase()) {
      return { reply: checkResponse(op, { status: 404, body: errorBody(404, 'Not Found', docUrl) }, label), record, authenticated };
    }
    let reply: Reply;
    try {
      reply = handlers[op.operationId]({
        params: matched.params,
        query: url.searchParams,
        body: body && typeof body === 'object' ? (body as GitHubObject) : {},
        url,
        headers: req.headers,
      });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      reply = { status: err.status, body: errorBody(err.status, err.message, docUrl, err.extra), headers: err.headers };
    }
    return { reply: checkResponse(op, reply, label), record, authenticated };
  }

  function send(res: ServerResponse, reply: Reply, authenticated: boolean): void {
    const headers: Record<string, string> = { ...baseHeaders(authenticated), ...(reply.headers ?? {}) };
    if (reply.raw) {
      headers['content-type'] = reply.raw.contentType;
      headers['content-length'] = String(reply.raw.data.length);
      res.writeHead(reply.status, headers);
      res.end(reply.raw.data);
      return;
    }
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req)
      .then(({ reply, record, authenticated }) => {
        requests.push({ ...record, status: reply.status });
        send(res, reply, authenticated);
      })
      .catch((err: unknown) => {
        const msg = `harness error on ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
        violations.push(msg);
        requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', status: 500, auth: 'none' });
        if (!res.headersSent) send(res, { status: 500, body: errorBody(500, msg, 'https://docs.github.com/rest') }, false);
        else res.destroy();
      });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let stopped: Promise<void> | undefined;
  return {
    url: api,
    owner,
    repo,
    token,
    readOnlyToken,
    state,
    seedPull,
    seedFile,
    seedWorkflowRun,
    seedRunArtifact,
    injectFault,
    requests,
    violations,
    stop() {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
      return stopped;
    },
  };
}
