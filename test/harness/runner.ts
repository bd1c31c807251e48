/**
 * A GitHub Actions runner emulator for node actions (`runs.using: node12|16|20|24`).
 *
 * It runs an action's `pre`, `main` and `post` files as `node <file>` child processes, with the
 * environment, file commands, workflow commands, masking, annotation limits and step ordering of
 * actions/runner (ActionRunner.cs, StepsRunner.cs, Handlers/NodeScriptActionHandler.cs,
 * FileCommandManager.cs, ActionCommandManager.cs). The grammar lives in ./commands.ts.
 *
 * Deliberate differences from a hosted runner, each because a test harness must be hermetic:
 * - the child gets only PATH, HOME and a few locale/temp variables of this process, not its whole
 *   environment;
 * - ACTIONS_RUNTIME_URL/TOKEN, ACTIONS_RESULTS_URL, ACTIONS_CACHE_URL ... are set only when the job
 *   env gives them (an emulator's URLs), so a client never reaches a real service by accident;
 * - job.env may override some GITHUB_* runtime values (server and API URLs, repository, sha...),
 *   which on a real runner come from the server;
 * - every node version runs on this process's node (process.execPath);
 * - timeouts are per process and the signal ladder is shortened (SIGINT, SIGTERM, SIGKILL).
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  type Annotation,
  type AnnotationLevel,
  CommandProcessor,
  ENV_BLOCK_LIST,
  MESSAGES,
  SecretMasker,
  StepLog,
  applyPathFile,
  buildPath,
  iterateFileCommand,
  processStepSummary,
  splitDotNetLines,
} from './commands.js';

export type { Annotation, AnnotationLevel } from './commands.js';
export { parseFileCommand, parseStdoutCommands, parseCommandLine, SecretMasker, FileCommandError } from './commands.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface StepSpec {
  /**
   * What the step runs, one of: `action`, the folder containing action.yml (e.g.
   * path.join(repoRoot, 'actions/validate-data')); `run`, a script for bash; `standIn`, a
   * function in this process taking the place of another publisher's action.
   */
  action?: string;
  /** a `run:` script: `${{ }}` expressions are replaced, then `bash --noprofile --norc -eo pipefail` runs it */
  run?: string;
  /** `working-directory` of a `run:` step, relative to the workspace */
  workingDirectory?: string;
  standIn?: StandIn;
  id?: string;
  /** display name; defaults to "Run <action path>" */
  name?: string;
  /** `with:`; strings may hold `${{ }}` expressions (steps.<id>.outputs.x, github.*, env.*, ...) */
  with?: Record<string, string | number | boolean>;
  /** step-level env; values may hold `${{ }}` expressions */
  env?: Record<string, string>;
  /** step `if:`; a condition without a status function is `success() && (...)`, like the runner */
  if?: string;
  'continue-on-error'?: boolean;
  /** per-process timeout for this step's phases (overrides JobSpec.timeoutMs) */
  timeoutMs?: number;
  /**
   * Emulate `uses: ./path` (an action from the workflow's own repository): the runner then does
   * not run `pre` and warns. Default false, i.e. `uses: owner/repo/path@ref`, where `pre` runs.
   */
  local?: boolean;
}

/**
 * Another publisher's action stood in for (actions/checkout, upload-artifact ...): it gets the
 * step's `with:` values (expressions replaced), the workspace and the step's environment, may log
 * lines, and returns the step's outputs; a thrown error fails the step with its message.
 */
export type StandIn = (
  inputs: Record<string, string>,
  io: { workspace: string; env: Record<string, string>; log(line: string): void },
) => Record<string, string> | void | Promise<Record<string, string> | void>;

export type EventName = 'push' | 'pull_request' | 'schedule' | 'workflow_dispatch';

export interface JobSpec {
  steps: StepSpec[];
  /** default: push to refs/heads/main with a payload shaped like GitHub's */
  event?: { name: EventName; payload?: object };
  /**
   * job-level env. ACTIONS_* entries become runtime variables (so emulators can plug in), and
   * GITHUB_SERVER_URL / GITHUB_API_URL / GITHUB_GRAPHQL_URL / GITHUB_REPOSITORY / GITHUB_SHA /
   * GITHUB_REF / GITHUB_ACTOR / GITHUB_RUN_ID ... override the github context.
   */
  env?: Record<string, string>;
  /** GITHUB_WORKSPACE; default a fresh temp dir (kept after the job; see JobResult.cleanup) */
  workspace?: string;
  /** values masked in the log, annotations and summaries, like repository secrets */
  secrets?: string[];
  /** step debug logging: RUNNER_DEBUG=1, ##[debug] lines and command echo in the log */
  debug?: boolean;
  /** per-process timeout in ms (default 120000) */
  timeoutMs?: number;
  /** github.token / secrets.GITHUB_TOKEN; default a random fake token (masked) */
  githubToken?: string;
  /** the workflow-level contexts a job of a whole workflow sees: needs, inputs, matrix */
  contexts?: { needs?: Value; inputs?: Value; matrix?: Value };
}

export type Phase = 'pre' | 'main' | 'post';

export interface StepResult {
  id: string;
  phase: Phase;
  /** process exit code; 128+signal when killed; -1 when no process ran (skipped, or failed before start) */
  exitCode: number;
  /** `steps.<id>.outcome` */
  outcome: 'success' | 'failure' | 'skipped';
  /** `steps.<id>.conclusion` (differs from outcome with continue-on-error) */
  conclusion: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** the masked, uploaded summary ('' when none or when dropped for size) */
  summary: string;
  /** at most 10 per level, messages masked and cut at 4096 characters */
  annotations: Annotation[];
  /** annotations over the per-type limit, which the runner drops (they still reach the log) */
  droppedAnnotations: Record<AnnotationLevel, number>;
  /** the runner log: commands consumed, groups as ##[group]/##[endgroup], masks applied, debug only in debug mode */
  log: string;
  /** raw process output, NOT masked */
  stdout: string;
  stderr: string;
  /** state saved in this phase (GITHUB_STATE or ::save-state::) */
  state: Record<string, string>;
  /** variables this phase exported through GITHUB_ENV (or allowed ::set-env::) */
  env: Record<string, string>;
  /** directories this phase added through GITHUB_PATH (or allowed ::add-path::) */
  path: string[];
  /** runner-side errors, e.g. "Unable to process file command 'output' successfully." */
  errors: string[];
  /** runner-side warnings, e.g. "Unexpected input(s) ..." or deprecated commands */
  warnings: string[];
  /** what the emulator could not do faithfully during this phase */
  notes: string[];
  timedOut: boolean;
  durationMs: number;
  /** the full environment the process was started with (for assertions on precedence) */
  processEnv: Record<string, string>;
}

export interface JobResult {
  /** every phase in the order it ran (skipped mains included, with outcome 'skipped') */
  steps: StepResult[];
  outcome: 'success' | 'failure';
  workspace: string;
  /** final GITHUB_ENV accumulation */
  env: Record<string, string>;
  /** GITHUB_PATH accumulation in PATH order (newest first) */
  path: string[];
  /** the main phase of a step */
  step(id: string): StepResult;
  /** any phase of a step, undefined when it did not run */
  phase(id: string, phase: Phase): StepResult | undefined;
  /** removes the default temp workspace and tool cache (never a workspace you passed in) */
  cleanup(): Promise<void>;
}

/** 'fail-on' -> 'INPUT_FAIL-ON', 'my input' -> 'INPUT_MY_INPUT' (Handler.AddInputsToEnvironment) */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

// ---------------------------------------------------------------------------------------------
// action.yml
// ---------------------------------------------------------------------------------------------

interface ManifestInput {
  name: string;
  default?: string;
  deprecationMessage?: string;
}

interface ActionManifest {
  name: string;
  inputs: ManifestInput[];
  using: string;
  main: string;
  pre?: string;
  post?: string;
  preIf: string;
  postIf: string;
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const scalarString = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

export function loadActionManifest(actionDir: string): ActionManifest {
  const file = ['action.yml', 'action.yaml'].map((f) => path.join(actionDir, f)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`Can't find 'action.yml' or 'action.yaml' under '${actionDir}'.`);
  const doc = asRecord(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!doc) throw new Error(`${file}: not a mapping`);
  const inputs: ManifestInput[] = [];
  for (const [name, spec] of Object.entries(asRecord(doc.inputs) ?? {})) {
    const s = asRecord(spec) ?? {};
    inputs.push({ name, default: scalarString(s.default), deprecationMessage: scalarString(s.deprecationMessage) });
  }
  const runs = asRecord(doc.runs);
  const using = scalarString(runs?.using);
  if (!runs || !using) {
    throw new Error("Missing 'using' value. 'using' requires 'composite', 'docker', 'node12', 'node16', 'node20' or 'node24'.");
  }
  if (!/^node(12|16|20|24)$/i.test(using)) {
    if (/^(docker|composite)$/i.test(using)) throw new Error(`runner emulator: 'using: ${using}' actions are not supported, only node actions`);
    throw new Error(`'using: ${using}' is not supported, use 'docker', 'node12', 'node16', 'node20' or 'node24' instead.`);
  }
  const main = scalarString(runs.main);
  if (!main) throw new Error(`You are using a JavaScript Action but there is not an entry JavaScript file provided in ${file}.`);
  return {
    name: scalarString(doc.name) ?? path.basename(actionDir),
    inputs,
    using,
    main,
    pre: scalarString(runs.pre),
    post: scalarString(runs.post),
    preIf: scalarString(runs['pre-if']) ?? 'always()',
    postIf: scalarString(runs['post-if']) ?? 'always()',
  };
}

// ---------------------------------------------------------------------------------------------
// Expressions: enough of the Actions expression language for `if`, `pre-if`, `post-if`, `with`,
// step env and input defaults. Unknown functions throw rather than guess.
// ---------------------------------------------------------------------------------------------

export type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

export interface ExprContext {
  contexts: Record<string, Value>;
  status: { success: boolean; failure: boolean };
}

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`Unterminated string in expression: ${src}`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?(0x[0-9a-f]+|\d+(\.\d+)?(e[+-]?\d+)?)/i.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if ('()[].,!<>*'.includes(c)) {
        out.push({ t: 'op', v: c });
        i++;
      } else {
        throw new Error(`Unexpected symbol '${c}' in expression: ${src}`);
      }
    }
  }
  return out;
}

const truthy = (v: Value): boolean => !(v === false || v === null || v === '' || v === 0 || (typeof v === 'number' && Number.isNaN(v)));

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return Number.NaN;
}

export function exprToString(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return Array.isArray(v) ? 'Array' : 'Object';
}

function compare(a: Value, b: Value, op: string): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toUpperCase();
    const y = b.toUpperCase();
    return op === '==' ? x === y : op === '!=' ? x !== y : op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    return op === '==' ? a === b : op === '!=' ? a !== b : false;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  return op === '==' ? x === y : op === '!=' ? x !== y : op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function getMember(obj: Value, key: string): Value {
  if (Array.isArray(obj)) {
    const n = Number(key);
    return Number.isInteger(n) ? (obj[n] ?? null) : null;
  }
  if (obj === null || typeof obj !== 'object') return null;
  if (key in obj) return obj[key] ?? null;
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return null;
}

const STATUS_FUNCTIONS = ['always', 'success', 'failure', 'cancelled'];

class ExprParser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly ctx: ExprContext,
    private readonly src: string,
  ) {}

  parse(): Value {
    const v = this.or();
    if (this.i < this.tokens.length) throw new Error(`Unexpected token in expression: ${this.src}`);
    return v;
  }

  private peek(v: string): boolean {
    const t = this.tokens[this.i];
    return t?.t === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.peek(v)) throw new Error(`Expected '${v}' in expression: ${this.src}`);
    this.i++;
  }

  private or(): Value {
    let l = this.and();
    while (this.peek('||')) {
      this.i++;
      const r = this.and();
      l = truthy(l) ? l : r;
    }
    return l;
  }

  private and(): Value {
    let l = this.cmp();
    while (this.peek('&&')) {
      this.i++;
      const r = this.cmp();
      l = truthy(l) ? r : l;
    }
    return l;
  }

  private cmp(): Value {
    let l = this.unary();
    for (;;) {
      const t = this.tokens[this.i];
      if (t?.t !== 'op' || !['==', '!=', '<', '<=', '>', '>='].includes(t.v)) return l;
      this.i++;
      l = compare(l, this.unary(), t.v);
    }
  }

  private unary(): Value {
    if (this.peek('!')) {
      this.i++;
      return !truthy(this.unary());
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Value): Value {
    let v = base;
    for (;;) {
      if (this.peek('.')) {
        this.i++;
        const t = this.tokens[this.i++];
        if (t?.t !== 'id') throw new Error(`Expected a property name in expression: ${this.src}`);
        v = getMember(v, t.v);
      } else if (this.peek('[')) {
        this.i++;
        const k = this.or();
        this.expect(']');
        v = getMember(v, exprToString(k));
      } else {
        return v;
      }
    }
  }

  private primary(): Value {
    const t = this.tokens[this.i++];
    if (!t) throw new Error(`Unexpected end of expression: ${this.src}`);
    if (t.t === 'str' || t.t === 'num') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = this.or();
      this.expect(')');
      return v;
    }
    if (t.t !== 'id') throw new Error(`Unexpected '${t.v}' in expression: ${this.src}`);
    const name = t.v;
    if (name === 'true') return true;
    if (name === 'false') return false;
    if (name === 'null') return null;
    if (this.peek('(')) {
      this.i++;
      const args: Value[] = [];
      while (!this.peek(')')) {
        args.push(this.or());
        if (!this.peek(')')) this.expect(',');
      }
      this.i++;
      return this.call(name.toLowerCase(), args);
    }
    const ctx = getMember(this.ctx.contexts as Value, name);
    if (!Object.keys(this.ctx.contexts).some((k) => k.toLowerCase() === name.toLowerCase())) {
      throw new Error(`Unrecognized named-value: '${name}'. Located in expression: ${this.src}`);
    }
    return ctx;
  }

  private call(name: string, args: Value[]): Value {
    const s = (i: number) => exprToString(args[i] ?? null);
    switch (name) {
      case 'always':
        return true;
      case 'success':
        return this.ctx.status.success;
      case 'failure':
        return this.ctx.status.failure;
      case 'cancelled':
        return false;
      case 'contains': {
        const hay = args[0] ?? null;
        if (Array.isArray(hay)) return hay.some((x) => compare(x, args[1] ?? null, '=='));
        return exprToString(hay).toUpperCase().includes(s(1).toUpperCase());
      }
      case 'startswith':
        return s(0).toUpperCase().startsWith(s(1).toUpperCase());
      case 'endswith':
        return s(0).toUpperCase().endsWith(s(1).toUpperCase());
      case 'format':
        return s(0)
          .replace(/\{(\d+)\}/g, (_m, n: string) => s(Number(n) + 1))
          .replace(/\{\{/g, '{')
          .replace(/\}\}/g, '}');
      case 'join': {
        const a = args[0] ?? null;
        const sep = args.length > 1 ? s(1) : ',';
        return Array.isArray(a) ? a.map(exprToString).join(sep) : exprToString(a);
      }
      case 'tojson':
        return JSON.stringify(args[0] ?? null, null, 2);
      case 'fromjson':
        return JSON.parse(s(0)) as Value;
      case 'hashfiles':
        return hashFiles(exprToString(getMember(getMember(this.ctx.contexts as Value, 'github'), 'workspace')), args.map((_, i) => s(i)));
      default:
        throw new Error(`runner emulator: function '${name}' is not supported in expressions`);
    }
  }
}

/**
 * hashFiles() as the runner computes it: the files under the workspace matching the patterns
 * (`*` within a name, `**` across folders, a leading `!` excludes), in path order; the SHA-256 of
 * each file's SHA-256 digests one after another; '' when none match.
 */
function hashFiles(workspace: string, patterns: string[]): string {
  if (!workspace) throw new Error('runner emulator: hashFiles() needs github.workspace in the context');
  const toRegExp = (pattern: string) => {
    let re = '';
    const p = pattern.replace(/^\.\//, '');
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      if (c === '*' && p[i + 1] === '*') {
        re += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += p[i + 2] === '/' ? 2 : 1;
      } else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
  };
  const include = patterns.filter((p) => !p.startsWith('!')).map(toRegExp);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => toRegExp(p.slice(1)));
  const files = (fs.readdirSync(workspace, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(workspace, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => include.some((r) => r.test(rel)) && !exclude.some((r) => r.test(rel)))
    .sort();
  if (files.length === 0) return '';
  const all = createHash('sha256');
  for (const rel of files) all.update(createHash('sha256').update(fs.readFileSync(path.join(workspace, rel))).digest());
  return all.digest('hex');
}

export function evaluateExpression(src: string, ctx: ExprContext): Value {
  return new ExprParser(tokenize(src), ctx, src).parse();
}

/** Replaces each `${{ expr }}` in a string; text without expressions is returned unchanged. */
export function interpolate(text: string, ctx: ExprContext): string {
  if (!text.includes('${{')) return text;
  let out = '';
  let at = 0;
  for (;;) {
    const start = text.indexOf('${{', at);
    if (start < 0) break;
    const end = text.indexOf('}}', start + 3);
    if (end < 0) throw new Error(`The expression is not closed. An unescaped \${{ sequence was found, but the closing }} sequence was not found: ${text}`);
    out += text.slice(at, start) + exprToString(evaluateExpression(text.slice(start + 3, end), ctx));
    at = end + 2;
  }
  return out + text.slice(at);
}

/** A step/pre/post condition; without a status function it is `success() && (cond)`. */
export function evaluateCondition(condition: string, ctx: ExprContext): boolean {
  let src = condition.trim();
  const m = /^\$\{\{([\s\S]*)\}\}$/.exec(src);
  if (m) src = m[1]!;
  const hasStatus = tokenize(src).some((t, i, all) => t.t === 'id' && STATUS_FUNCTIONS.includes(t.v.toLowerCase()) && all[i + 1]?.t === 'op' && all[i + 1]?.v === '(');
  return truthy(evaluateExpression(hasStatus ? src : `success() && (${src})`, ctx));
}

// ---------------------------------------------------------------------------------------------
// Job set-up: github/runner contexts, event payloads, directories
// ---------------------------------------------------------------------------------------------

const DEFAULT_SHA = 'ffac537e6cbbf934b08745a378932722df287a53';
const DEFAULT_PR_HEAD_SHA = '3a9b6e4f2c1d8e7f6a5b4c3d2e1f0a9b8c7d6e5f';
const DEFAULT_PR_MERGE_SHA = 'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0';

/** GitHubContext._contextEnvAllowlist: the github context keys exported as GITHUB_<KEY>. */
const GITHUB_ENV_KEYS = [
  'action_path', 'action_ref', 'action_repository', 'action', 'actor', 'actor_id', 'api_url', 'base_ref', 'env',
  'event_name', 'event_path', 'graphql_url', 'head_ref', 'job', 'output', 'path', 'ref_name', 'ref_protected',
  'ref_type', 'ref', 'repository', 'repository_id', 'repository_owner', 'repository_owner_id', 'retention_days',
  'run_attempt', 'run_id', 'run_number', 'server_url', 'sha', 'state', 'step_summary', 'triggering_actor',
  'workflow', 'workflow_ref', 'workflow_sha', 'workspace',
] as const;

/** github context keys the emulator owns (paths and per-step values); job.env cannot override them. */
const GITHUB_KEYS_NOT_OVERRIDABLE = new Set(['action', 'action_path', 'env', 'event_path', 'output', 'path', 'state', 'step_summary', 'workspace']);

/** The only variables of this process a child sees (the runner passes its own environment). */
const BASE_ENV_KEYS = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'TEMP', 'TMP',
  // Windows needs these to start node at all.
  'SystemRoot', 'SYSTEMROOT', 'ComSpec', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'WINDIR',
];

function runnerOs(): string {
  return process.platform === 'win32' ? 'Windows' : process.platform === 'darwin' ? 'macOS' : 'Linux';
}

function runnerArch(): string {
  return ({ x64: 'X64', arm64: 'ARM64', arm: 'ARM', ia32: 'X86' } as Record<string, string>)[process.arch] ?? process.arch.toUpperCase();
}

function defaultPayload(name: EventName, repo: string, sha: string): Record<string, unknown> {
  const [owner = 'octo-org', repoName = 'octo-repo'] = repo.split('/');
  const repository = {
    id: 123456789,
    name: repoName,
    full_name: repo,
    private: false,
    owner: { login: owner, id: 987654, type: 'Organization' },
    html_url: `https://github.com/${repo}`,
    default_branch: 'main',
  };
  const sender = { login: 'octocat', id: 583231, type: 'User' };
  switch (name) {
    case 'pull_request':
      return {
        action: 'opened',
        number: 1,
        pull_request: {
          number: 1,
          state: 'open',
          title: 'Update model',
          user: sender,
          html_url: `https://github.com/${repo}/pull/1`,
          head: { ref: 'feature', sha: DEFAULT_PR_HEAD_SHA, repo: repository },
          base: { ref: 'main', sha, repo: repository },
          merge_commit_sha: DEFAULT_PR_MERGE_SHA,
          draft: false,
          labels: [],
        },
        repository,
        sender,
      };
    case 'schedule':
      return { schedule: '0 0 * * *' };
    case 'workflow_dispatch':
      return { inputs: {}, ref: 'refs/heads/main', repository, sender, workflow: '.github/workflows/ci.yml' };
    case 'push':
    default:
      return {
        ref: 'refs/heads/main',
        before: '0000000000000000000000000000000000000000',
        after: sha,
        created: false,
        deleted: false,
        forced: false,
        head_commit: { id: sha, message: 'Update model', timestamp: '2024-01-01T00:00:00Z', author: { name: 'Mona Octocat', email: 'octocat@github.com', username: 'octocat' } },
        pusher: { name: 'octocat', email: 'octocat@github.com' },
        repository,
        sender,
      };
  }
}

/** The github context for the job (per-step keys are filled in per phase). */
function buildGithubContext(job: JobSpec, workspace: string, eventPath: string): { github: Record<string, Value>; payload: Record<string, unknown> } {
  const env = job.env ?? {};
  const eventName: EventName = job.event?.name ?? 'push';
  const repository = env.GITHUB_REPOSITORY ?? 'octo-org/octo-repo';
  const sha0 = env.GITHUB_SHA ?? DEFAULT_SHA;
  const payload = (asRecord(job.event?.payload) ?? defaultPayload(eventName, repository, sha0)) as Record<string, unknown>;
  const pr = asRecord(payload.pull_request);

  let ref = 'refs/heads/main';
  let sha = sha0;
  let headRef = '';
  let baseRef = '';
  if (eventName === 'pull_request') {
    const number = scalarString(pr?.number ?? payload.number) ?? '1';
    ref = `refs/pull/${number}/merge`;
    sha = env.GITHUB_SHA ?? scalarString(pr?.merge_commit_sha) ?? DEFAULT_PR_MERGE_SHA;
    headRef = scalarString(asRecord(pr?.head)?.ref) ?? '';
    baseRef = scalarString(asRecord(pr?.base)?.ref) ?? '';
  } else {
    ref = scalarString(payload.ref) ?? ref;
    if (eventName === 'push') sha = env.GITHUB_SHA ?? scalarString(payload.after) ?? sha0;
  }
  const refName = ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, '');
  const [owner = ''] = repository.split('/');
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const apiUrl = env.GITHUB_API_URL ?? (serverUrl === 'https://github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`);

  const github: Record<string, Value> = {
    actor: 'octocat',
    actor_id: '583231',
    api_url: apiUrl,
    base_ref: baseRef,
    event_name: eventName,
    event_path: eventPath,
    graphql_url: env.GITHUB_GRAPHQL_URL ?? (serverUrl === 'https://github.com' ? 'https://api.github.com/graphql' : `${serverUrl}/api/graphql`),
    head_ref: headRef,
    job: 'test',
    ref,
    ref_name: refName,
    ref_protected: 'false',
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    repository,
    repository_id: '123456789',
    repository_owner: owner,
    repository_owner_id: '987654',
    retention_days: '90',
    run_attempt: '1',
    run_id: '1234567890',
    run_number: '1',
    server_url: serverUrl,
    sha,
    triggering_actor: 'octocat',
    workflow: 'CI',
    workflow_ref: `${repository}/.github/workflows/ci.yml@${ref}`,
    workflow_sha: sha,
    workspace,
  };
  // Let the job env seed the rest of the context (a runner talking to another server would get
  // these from it); file paths and per-step keys stay the emulator's.
  for (const key of GITHUB_ENV_KEYS) {
    const v = env[`GITHUB_${key.toUpperCase()}`];
    if (v !== undefined && !GITHUB_KEYS_NOT_OVERRIDABLE.has(key)) github[key] = v;
  }
  github.event = JSON.parse(JSON.stringify(payload)) as Value;
  return { github, payload };
}

// ---------------------------------------------------------------------------------------------
// Running one phase of one step
// ---------------------------------------------------------------------------------------------

interface PreparedStep {
  spec: StepSpec;
  id: string;
  displayName: string;
  actionDir: string;
  manifest?: ActionManifest;
  loadError?: string;
  /** ExecutionContext.IntraActionState, shared by pre, main and post of this step */
  state: Record<string, string>;
  postRegistered: boolean;
}

interface JobState {
  spec: JobSpec;
  workspace: string;
  runnerTemp: string;
  toolCache: string;
  fileCommandDir: string;
  masker: SecretMasker;
  github: Record<string, Value>;
  token: string;
  /** Global.EnvironmentVariables: job env, then GITHUB_ENV writes */
  globalEnv: Record<string, string>;
  exported: Record<string, string>;
  /** Global.PrependPath */
  prependPath: string[];
  /** main-phase results by step id, for steps.<id>.* */
  stepResults: Map<string, StepResult>;
  failed: boolean;
  processGroups: number[];
  previousFiles: string[];
}

function exprContext(job: JobState, envContext: Record<string, string>): ExprContext {
  const steps: Record<string, Value> = {};
  for (const [id, r] of job.stepResults) steps[id] = { outputs: { ...r.outputs }, outcome: r.outcome, conclusion: r.conclusion };
  return {
    contexts: {
      github: { ...job.github, token: job.token },
      env: { ...envContext },
      runner: runnerContext(job),
      steps,
      job: { status: job.failed ? 'failure' : 'success' },
      secrets: { GITHUB_TOKEN: job.token },
      inputs: job.spec.contexts?.inputs ?? {},
      needs: job.spec.contexts?.needs ?? {},
      vars: {},
      matrix: job.spec.contexts?.matrix ?? {},
      strategy: {},
    },
    status: { success: !job.failed, failure: job.failed },
  };
}

function runnerContext(job: JobState): Record<string, string> {
  const ctx: Record<string, string> = {
    os: runnerOs(),
    arch: runnerArch(),
    name: 'GitHub Actions 1',
    environment: 'github-hosted',
    temp: job.runnerTemp,
    tool_cache: job.toolCache,
    workspace: path.dirname(job.workspace),
  };
  if (job.spec.debug) ctx.debug = '1';
  return ctx;
}

function stringifyInput(v: string | number | boolean): string {
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

function emptyResult(step: PreparedStep, phase: Phase, outcome: StepResult['outcome']): StepResult {
  return {
    id: step.id,
    phase,
    exitCode: -1,
    outcome,
    conclusion: outcome,
    outputs: {},
    summary: '',
    annotations: [],
    droppedAnnotations: { error: 0, warning: 0, notice: 0 },
    log: '',
    stdout: '',
    stderr: '',
    state: {},
    env: {},
    path: [],
    errors: [],
    warnings: [],
    notes: [],
    timedOut: false,
    durationMs: 0,
    processEnv: {},
  };
}

/** Splits a text stream into lines like StreamReader.ReadLine (CRLF, CR, LF), across chunks. */
function lineSplitter(onLine: (line: string) => void): { push(chunk: string): void; end(): void } {
  let buf = '';
  const drain = (final: boolean) => {
    for (;;) {
      const m = /\r\n|\r|\n/.exec(buf);
      if (!m) break;
      // A CR at the very end may be the first half of a CRLF still in flight.
      if (m[0] === '\r' && m.index === buf.length - 1 && !final) break;
      onLine(buf.slice(0, m.index));
      buf = buf.slice(m.index + m[0].length);
    }
    if (final && buf !== '') {
      onLine(buf);
      buf = '';
    }
  };
  return {
    push(chunk) {
      buf += chunk;
      drain(false);
    },
    end() {
      drain(true);
    },
  };
}

const SIGINT_GRACE_MS = 750; // the runner waits 7.5 s after SIGINT
const SIGTERM_GRACE_MS = 250; // and 2.5 s after SIGTERM
const PIPE_DRAIN_MS = 2000; // how long to wait for stdio a grandchild keeps open after exit

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch {
    // already gone
  }
}

interface ProcessOutcome {
  exitCode: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

async function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
  onLine: (line: string) => void,
  job: JobState,
): Promise<ProcessOutcome> {
  return new Promise<ProcessOutcome>((resolve, reject) => {
    // detached: its own process group, so a timeout can take down everything it started.
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    if (child.pid !== undefined) job.processGroups.push(child.pid);
    let stdout = '';
    let stderr = '';
    const out = lineSplitter(onLine);
    const err = lineSplitter(onLine);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      stdout += c;
      out.push(c);
    });
    child.stderr.on('data', (c: string) => {
      stderr += c;
      err.push(c);
    });

    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    timers.push(
      setTimeout(() => {
        timedOut = true;
        if (child.pid === undefined) return;
        const pid = child.pid;
        killGroup(pid, 'SIGINT');
        timers.push(setTimeout(() => killGroup(pid, 'SIGTERM'), SIGINT_GRACE_MS));
        timers.push(setTimeout(() => killGroup(pid, 'SIGKILL'), SIGINT_GRACE_MS + SIGTERM_GRACE_MS));
      }, timeoutMs),
    );

    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    const finish = () => {
      if (settled || !exit) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      out.end();
      err.end();
      const { code, signal } = exit;
      const exitCode = code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1);
      resolve({ exitCode, timedOut, stdout, stderr });
    };
    child.on('error', (e) => {
      for (const t of timers) clearTimeout(t);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Output still buffered in the pipes arrives before 'close'; a grandchild holding the
      // pipes open must not hang the job, so give up waiting after a while.
      timers.push(
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish();
        }, PIPE_DRAIN_MS),
      );
    });
    child.on('close', (code, signal) => {
      exit ??= { code, signal };
      finish();
    });
  });
}

function createFileCommandFiles(job: JobState): Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY', string> {
  // FileCommandManager.InitializeFiles: the previous step's files go, fresh empty ones come.
  for (const f of job.previousFiles) fs.rmSync(f, { force: true });
  const suffix = randomUUID();
  const files = {
    GITHUB_PATH: path.join(job.fileCommandDir, `add_path_${suffix}`),
    GITHUB_ENV: path.join(job.fileCommandDir, `set_env_${suffix}`),
    GITHUB_STEP_SUMMARY: path.join(job.fileCommandDir, `step_summary_${suffix}`),
    GITHUB_STATE: path.join(job.fileCommandDir, `save_state_${suffix}`),
    GITHUB_OUTPUT: path.join(job.fileCommandDir, `set_output_${suffix}`),
  };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  job.previousFiles = Object.values(files);
  return files;
}

async function runPhase(
  job: JobState,
  step: PreparedStep,
  phase: Phase,
  envContext: Record<string, string>,
  registersPost: boolean,
): Promise<StepResult> {
  const started = Date.now();
  const result = emptyResult(step, phase, 'success');
  const manifest = step.manifest!;
  const log = new StepLog({ masker: job.masker, debug: job.spec.debug ?? false, workspace: job.workspace });
  const processor = new CommandProcessor(log, { echo: job.spec.debug ?? false, envContext });
  let failed = false;

  const finish = (): StepResult => {
    result.log = log.text;
    result.annotations = log.annotations;
    result.droppedAnnotations = log.dropped;
    result.errors = log.errors;
    result.warnings = log.warnings;
    result.notes = log.notes;
    failed ||= log.commandFailed;
    result.outcome = failed ? 'failure' : 'success';
    result.conclusion = failed && step.spec['continue-on-error'] ? 'success' : result.outcome;
    result.durationMs = Date.now() - started;
    return result;
  };

  if (phase === 'post') log.output('Post job cleanup.');
  if (phase === 'main' && manifest.pre && step.spec.local) {
    log.warning(`\`pre\` execution is not supported for local action from '${step.displayName.replace(/^Run /, '')}'`);
  }
  if (registersPost) {
    log.debug(`Register post job cleanup for action: ${step.displayName.replace(/^Run /, '')}`);
  }

  const files = createFileCommandFiles(job);
  const ctx = exprContext(job, envContext);

  // Inputs: `with` first (in order), then defaults of the manifest inputs not given.
  let inputs: Array<[string, string]>;
  let environment: Record<string, string>;
  try {
    log.debug('Loading inputs');
    inputs = Object.entries(step.spec.with ?? {}).map(([k, v]) => [k, interpolate(stringifyInput(v), ctx)]);
    const given = new Set(inputs.map(([k]) => k.toLowerCase()));
    for (const [k] of inputs) {
      const dep = manifest.inputs.find((i) => i.name.toLowerCase() === k.toLowerCase())?.deprecationMessage;
      if (dep) log.warning(`Input '${k}' has been deprecated with message: ${dep}`);
    }
    for (const input of manifest.inputs) {
      if (!given.has(input.name.toLowerCase())) inputs.push([input.name, interpolate(input.default ?? '', ctx)]);
    }
    const valid = manifest.inputs.map((i) => i.name.toLowerCase());
    const unexpected = Object.keys(step.spec.with ?? {}).filter((k) => !valid.includes(k.toLowerCase()));
    if (unexpected.length > 0 && step.spec.action !== undefined) {
      log.warning(`Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${manifest.inputs.map((i) => i.name).join("', '")}']`);
    }
    log.debug('Loading env');
    environment = { ...envContext };
    for (const [k, v] of Object.entries(step.state)) environment[`STATE_${k}`] = v;
  } catch (e) {
    log.error(e instanceof Error ? e.message : String(e));
    failed = true;
    return finish();
  }

  // Handler.PrintActionDetails (pre and main only).
  if (phase !== 'post') {
    log.output(`##[group]${step.displayName}`);
    if (inputs.length > 0) {
      log.output('with:');
      for (const [k, v] of inputs) if (v !== '') log.output(`  ${k}: ${v}`);
    }
    if (Object.keys(environment).length > 0) {
      log.output('env:');
      for (const [k, v] of Object.entries(environment)) log.output(`  ${k}: ${v}`);
    }
    log.output('##[endgroup]');
  }

  // Process environment, low to high: this process's essentials, env context + STATE_*, INPUT_*,
  // PATH with GITHUB_PATH prepended, runtime variables (github, runner, ACTIONS_*).
  const env: Record<string, string> = {};
  for (const k of BASE_ENV_KEYS) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  Object.assign(env, environment);
  for (const [k, v] of inputs) env[inputEnvName(k)] = v;
  env.PATH = buildPath(job.prependPath, environment.PATH ?? process.env.PATH ?? '');
  const github: Record<string, Value> = {
    ...job.github,
    action: step.id,
    action_path: step.actionDir,
    env: files.GITHUB_ENV,
    output: files.GITHUB_OUTPUT,
    state: files.GITHUB_STATE,
    path: files.GITHUB_PATH,
    step_summary: files.GITHUB_STEP_SUMMARY,
  };
  for (const key of GITHUB_ENV_KEYS) {
    const v = github[key];
    if (typeof v === 'string') env[`GITHUB_${key.toUpperCase()}`] = v;
    else if (typeof v === 'boolean') env[`GITHUB_${key.toUpperCase()}`] = v ? 'True' : 'False';
  }
  for (const [k, v] of Object.entries(runnerContext(job))) env[`RUNNER_${k.toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(job.spec.env ?? {})) if (k.startsWith('ACTIONS_')) env[k] = v;
  delete env.NODE_ICU_DATA;
  result.processEnv = env;

  try {
    const timeoutMs = step.spec.timeoutMs ?? job.spec.timeoutMs ?? 120_000;
    const onLine = (line: string) => processor.processLine(line);
    let outcome: ProcessOutcome;
    if (step.spec.run !== undefined) {
      // The runner writes the script to a temporary file and runs `bash --noprofile --norc -eo pipefail {0}`.
      const script = path.join(job.runnerTemp, `${randomUUID()}.sh`);
      fs.writeFileSync(script, interpolate(step.spec.run, ctx));
      const cwd = path.resolve(job.workspace, step.spec.workingDirectory ?? '.');
      outcome = await runProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], cwd, env, timeoutMs, onLine, job);
    } else if (step.spec.standIn) {
      const outputs = await step.spec.standIn(Object.fromEntries(inputs), { workspace: job.workspace, env, log: (line) => log.output(line) });
      Object.assign(result.outputs, outputs ?? {});
      outcome = { exitCode: 0, timedOut: false, stdout: '', stderr: '' };
    } else {
      const target = path.join(step.actionDir, phase === 'pre' ? manifest.pre! : phase === 'post' ? manifest.post! : manifest.main);
      if (!fs.existsSync(target) || !fs.statSync(target).isFile()) throw new Error(`File not found: '${target}'`);
      outcome = await runProcess(process.execPath, [target], job.workspace, env, timeoutMs, onLine, job);
    }
    result.exitCode = outcome.exitCode;
    result.stdout = outcome.stdout;
    result.stderr = outcome.stderr;
    result.timedOut = outcome.timedOut;
    if (outcome.timedOut) {
      log.error(`The action '${step.displayName}' has timed out after ${+(timeoutMs / 60000).toFixed(4)} minutes.`);
      failed = true;
    } else {
      log.debug(`${step.spec.run !== undefined ? 'Script' : 'Node Action'} run completed with exit code ${outcome.exitCode}`);
      if (outcome.exitCode !== 0) {
        if (step.spec.run !== undefined) log.error(`Process completed with exit code ${outcome.exitCode}.`);
        failed = true;
      }
    }
  } catch (e) {
    log.error(e instanceof Error ? e.message : String(e));
    failed = true;
  } finally {
    processFiles(job, step, files, log, result);
  }

  // Effects of stdout commands (they happened while the process ran, before the files were read,
  // so file commands win on the same name).
  result.outputs = { ...processor.effects.outputs, ...result.outputs };
  for (const [k, v] of Object.entries(processor.effects.state)) {
    if (!(k in result.state)) setState(step, k, v);
  }
  result.state = { ...processor.effects.state, ...result.state };
  for (const [k, v] of Object.entries(processor.effects.env)) {
    job.globalEnv[k] = v;
    job.exported[k] = v;
    result.env[k] ??= v;
  }
  for (const p of processor.effects.path) {
    applyPathFile(p, job.prependPath);
    result.path.push(p);
  }
  return finish();
}

/** IntraActionState is an OrdinalIgnoreCase dictionary: keep the first spelling of a name. */
function setState(step: PreparedStep, key: string, value: string): void {
  const existing = Object.keys(step.state).find((k) => k.toLowerCase() === key.toLowerCase());
  step.state[existing ?? key] = value;
}

/** FileCommandManager.ProcessFiles: path, env, summary, state, output; one failure does not stop the rest. */
function processFiles(job: JobState, step: PreparedStep, files: ReturnType<typeof createFileCommandFiles>, log: StepLog, result: StepResult): void {
  const read = (f: string): Buffer | undefined => (fs.existsSync(f) ? fs.readFileSync(f) : undefined);
  const guard = (kind: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      log.error(MESSAGES.fileCommandFailed(kind));
      log.error(e instanceof Error ? e.message : String(e));
      log.commandFailed = true;
    }
  };
  guard('path', () => {
    const content = read(files.GITHUB_PATH);
    if (content) result.path.push(...applyPathFile(content.toString('utf8'), job.prependPath));
  });
  guard('env', () => {
    const content = read(files.GITHUB_ENV);
    if (!content) return;
    for (const [k, v] of iterateFileCommand(content.toString('utf8'), 'env')) {
      const blocked = ENV_BLOCK_LIST.find((b) => b.toLowerCase() === k.toLowerCase());
      if (blocked) {
        log.addIssue({ level: 'error', message: MESSAGES.blockedEnv(blocked), source: 'runner' });
        continue;
      }
      job.globalEnv[k] = v;
      job.exported[k] = v;
      result.env[k] = v;
      log.debug(`${k}='${v}'`);
    }
  });
  guard('step_summary', () => {
    const content = read(files.GITHUB_STEP_SUMMARY);
    if (!content) return;
    const { summary, error } = processStepSummary(content, (s) => job.masker.mask(s));
    if (error) log.error(error);
    result.summary = summary;
  });
  guard('state', () => {
    const content = read(files.GITHUB_STATE);
    if (!content) return;
    for (const [k, v] of iterateFileCommand(content.toString('utf8'), 'state')) {
      setState(step, k, v);
      result.state[k] = v;
      log.debug(`Save intra-action state ${k} = ${v}`);
    }
  });
  guard('output', () => {
    const content = read(files.GITHUB_OUTPUT);
    if (!content) return;
    for (const [k, v] of iterateFileCommand(content.toString('utf8'), 'output')) {
      result.outputs[k] = v;
      log.debug(`Set output ${k} = ${v}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The job
// ---------------------------------------------------------------------------------------------

function prepareSteps(specs: StepSpec[]): PreparedStep[] {
  const ids = new Set<string>();
  return specs.map((spec) => {
    const kinds = [spec.action !== undefined, spec.run !== undefined, spec.standIn !== undefined].filter(Boolean).length;
    if (kinds !== 1) throw new Error(`a step needs exactly one of action, run and standIn (step ${spec.id ?? spec.name ?? '?'})`);
    if (spec.action === undefined) {
      // A `run:` step or a stand-in: no action.yml, no inputs of its own, no pre or post.
      const id = spec.id ?? `__run${ids.size === 0 ? '' : `_${ids.size + 1}`}`;
      if (ids.has(id)) throw new Error(`The identifier '${id}' may not be used more than once within the same scope.`);
      ids.add(id);
      const displayName = spec.name ?? (spec.run !== undefined ? `Run ${spec.run.trim().split('\n')[0]}` : 'Run a stand-in');
      const manifest: ActionManifest = { name: displayName, inputs: [], using: 'node20', main: '', preIf: 'always()', postIf: 'always()' };
      return { spec, id, displayName, actionDir: '', manifest, state: {}, postRegistered: false };
    }
    const actionDir = path.resolve(spec.action);
    let id = spec.id;
    if (!id) {
      // Steps without an id get a generated context name, `__<name>` then `__<name>_2` ...
      const base = `__${path.basename(actionDir).replace(/[^A-Za-z0-9_-]/g, '_')}`;
      id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}_${n}`;
    }
    if (ids.has(id)) throw new Error(`The identifier '${id}' may not be used more than once within the same scope.`);
    ids.add(id);
    const rel = path.relative(process.cwd(), actionDir).split(path.sep).join('/') || '.';
    const displayName = spec.name ?? (spec.local ? `Run ./${rel}` : `Run ${rel}`);
    const prepared: PreparedStep = { spec, id, displayName, actionDir, state: {}, postRegistered: false };
    try {
      prepared.manifest = loadActionManifest(actionDir);
    } catch (e) {
      prepared.loadError = e instanceof Error ? e.message : String(e);
    }
    return prepared;
  });
}

export async function runJob(jobSpec: JobSpec): Promise<JobResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-emu-'));
  const workspace = jobSpec.workspace ? path.resolve(jobSpec.workspace) : path.join(root, '_work', 'octo-repo', 'octo-repo');
  const runnerTemp = path.join(root, '_temp');
  const toolCache = path.join(root, '_tool');
  const fileCommandDir = path.join(runnerTemp, '_runner_file_commands');
  for (const d of [workspace, runnerTemp, toolCache, fileCommandDir]) fs.mkdirSync(d, { recursive: true });

  // ExecutionContext.WriteWebhookPayload
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json');
  const { github, payload } = buildGithubContext(jobSpec, workspace, eventPath);
  fs.mkdirSync(path.dirname(eventPath), { recursive: true });
  fs.writeFileSync(eventPath, JSON.stringify(payload, null, 2));

  const masker = new SecretMasker();
  const token = jobSpec.githubToken ?? `ghs_${randomUUID().replace(/-/g, '')}`;
  for (const s of [...(jobSpec.secrets ?? []), token, jobSpec.env?.ACTIONS_RUNTIME_TOKEN, jobSpec.env?.ACTIONS_ID_TOKEN_REQUEST_TOKEN]) {
    if (s) masker.addWithLines(s);
  }

  const job: JobState = {
    spec: jobSpec,
    workspace,
    runnerTemp,
    toolCache,
    fileCommandDir,
    masker,
    github,
    token,
    // The server puts CI and GITHUB_ACTIONS in the job's environment.
    globalEnv: { CI: 'true', GITHUB_ACTIONS: 'true', ...(jobSpec.env ?? {}) },
    exported: {},
    prependPath: [],
    stepResults: new Map(),
    failed: false,
    processGroups: [],
    previousFiles: [],
  };
  const steps = prepareSteps(jobSpec.steps);
  const results: StepResult[] = [];
  const posts: Array<{ step: PreparedStep; condition: string }> = [];

  const record = (r: StepResult) => {
    results.push(r);
    if (r.conclusion === 'failure') job.failed = true;
  };

  /** StepsRunner: env context, condition, run. */
  const runGuarded = async (step: PreparedStep, phase: Phase, condition: string): Promise<StepResult | undefined> => {
    const failWith = (message: string): StepResult => {
      const r = emptyResult(step, phase, 'failure');
      const log = new StepLog({ masker, debug: jobSpec.debug ?? false });
      log.error(message);
      r.log = log.text;
      r.errors = log.errors;
      r.annotations = log.annotations;
      if (step.spec['continue-on-error']) r.conclusion = 'success';
      return r;
    };
    if (step.loadError) return failWith(step.loadError);
    let envContext: Record<string, string>;
    try {
      const ctx = exprContext(job, job.globalEnv);
      envContext = { ...job.globalEnv };
      for (const [k, v] of Object.entries(step.spec.env ?? {})) envContext[k] = interpolate(v, ctx);
      if (!evaluateCondition(condition, exprContext(job, envContext))) return undefined;
    } catch (e) {
      return failWith(e instanceof Error ? e.message : String(e));
    }
    // ActionRunner registers the post when pre or main actually runs, once per step.
    const registersPost = phase !== 'post' && !!step.manifest?.post && !step.postRegistered;
    if (registersPost) {
      step.postRegistered = true;
      posts.push({ step, condition: step.manifest!.postIf });
    }
    return runPhase(job, step, phase, envContext, registersPost);
  };

  try {
    // Pre steps run first, in step order, for repository actions (not `uses: ./`).
    for (const step of steps) {
      if (!step.manifest?.pre || step.spec.local) continue;
      const r = await runGuarded(step, 'pre', step.manifest.preIf);
      if (r) record(r);
    }
    for (const step of steps) {
      const r = await runGuarded(step, 'main', step.spec.if ?? 'success()');
      const main = r ?? emptyResult(step, 'main', 'skipped');
      job.stepResults.set(step.id, main);
      record(main);
    }
    // Posts, last registered first.
    for (const { step, condition } of posts.reverse()) {
      const r = await runGuarded(step, 'post', condition);
      if (r) record(r);
    }
  } finally {
    // Orphan process cleanup at job end, and the runner empties its temp directory.
    for (const pid of job.processGroups) killGroup(pid, 'SIGKILL');
    fs.rmSync(runnerTemp, { recursive: true, force: true });
  }

  return {
    steps: results,
    outcome: job.failed ? 'failure' : 'success',
    workspace,
    env: { ...job.exported },
    path: [...job.prependPath].reverse(),
    step(id: string): StepResult {
      const r = results.find((s) => s.id === id && s.phase === 'main');
      if (!r) throw new Error(`No step with id '${id}' (ids: ${[...new Set(results.map((s) => s.id))].join(', ')})`);
      return r;
    },
    phase(id: string, phase: Phase): StepResult | undefined {
      return results.find((s) => s.id === id && s.phase === phase);
    },
    async cleanup(): Promise<void> {
      await fs.promises.rm(root, { recursive: true, force: true });
    },
  };
}

/** One-step job; returns the main phase (its pre/post still run). The temp workspace is removed unless given. */
export async function runStep(step: StepSpec, job: Omit<JobSpec, 'steps'> = {}): Promise<StepResult> {
  const result = await runJob({ ...job, steps: [step] });
  const main = result.steps.find((s) => s.phase === 'main')!;
  if (!job.workspace) await result.cleanup();
  return main;
}

// Re-exported for tests and other harness modules that read captured summaries or PATH files.
export { splitDotNetLines };
