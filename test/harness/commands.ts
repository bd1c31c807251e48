/**
 * The runner's command grammar, as pure code with no processes involved:
 *
 * - file commands (GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE, GITHUB_PATH, GITHUB_STEP_SUMMARY),
 *   after actions/runner src/Runner.Worker/FileCommandManager.cs;
 * - workflow commands on stdout/stderr (`::cmd k=v::data` and the legacy `##[cmd k=v]data`),
 *   after src/Runner.Common/ActionCommand.cs and src/Runner.Worker/ActionCommandManager.cs;
 * - the secret masker, after src/Sdk/DTLogging/Logging/SecretMasker.cs and ValueEncoders.cs;
 * - the per-step issue bookkeeping (message cut, 10 per type), after ExecutionContext.AddIssue.
 *
 * runner.ts drives these with real child processes; the unit tests drive them directly.
 * Message texts are copied from the runner so that assertions written against the emulator also
 * hold for a real run.
 */
import * as path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Runner message texts (src/Runner.Common/Constants.cs and the command extensions)
// ---------------------------------------------------------------------------------------------

export const MESSAGES = {
  deprecatedCommand: (cmd: string) =>
    `The \`${cmd}\` command is deprecated and will be disabled soon. Please upgrade to using Environment Files. For more information see: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/`,
  disabledCommand: (cmd: string) =>
    `The \`${cmd}\` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the \`ACTIONS_ALLOW_UNSECURE_COMMANDS\` environment variable to \`true\`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/`,
  invalidStopToken:
    "You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command. For more information see: https://docs.github.com/actions/learn-github-actions/workflow-commands-for-github-actions#example-stopping-and-starting-workflow-commands or opt into insecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS` environment variable to `true`.",
  summaryTooLarge: (limitK: number, gotK: number) =>
    `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${limitK}k, got ${gotK}k. For more information see: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary`,
  fileCommandFailed: (kind: string) => `Unable to process file command '${kind}' successfully.`,
  commandFailed: (info: string) => `Unable to process command '${info}' successfully.`,
  blockedEnv: (name: string) => `Can't store ${name} output parameter using '$GITHUB_ENV' command.`,
  blockedSetEnv: (name: string) => `Can't update ${name} environment variable using ::set-env:: command.`,
  emptyMask: "Can't add secret mask for empty string in ##[add-mask] command.",
} as const;

/** CreateStepSummaryCommand.AttachmentSizeLimit */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** ExecutionContext._maxIssueMessageLength */
export const MAX_ANNOTATION_MESSAGE_LENGTH = 4096;
/** ExecutionContext._maxCountPerIssueType */
export const MAX_ANNOTATIONS_PER_TYPE = 10;
/** SetEnvFileCommand._setEnvBlockList / SetEnvCommandExtension._setEnvBlockList */
export const ENV_BLOCK_LIST: readonly string[] = ['NODE_OPTIONS'];

// ---------------------------------------------------------------------------------------------
// File commands
// ---------------------------------------------------------------------------------------------

export type FileCommandKind = 'output' | 'env' | 'state';

/**
 * A malformed GITHUB_OUTPUT/ENV/STATE file. `message` is the runner's exception text (the second
 * error line in the log); `header` is the first one ("Unable to process file command ...").
 */
export class FileCommandError extends Error {
  readonly header: string;
  constructor(
    readonly kind: FileCommandKind,
    message: string,
  ) {
    super(message);
    this.name = 'FileCommandError';
    this.header = MESSAGES.fileCommandFailed(kind);
  }
}

/**
 * Reads a line the way EnvFileKeyValuePairs.ReadLine does on Linux/macOS: only LF ends a line, so a
 * CR before it stays part of the line (the runner only treats CRLF specially when built for
 * Windows). Returns the newline it consumed, or undefined at the end of the text.
 */
function readLine(text: string, index: number): { line: string; next: number; newline: string | undefined } | undefined {
  if (index >= text.length) return undefined;
  const lf = text.indexOf('\n', index);
  if (lf < 0) return { line: text.slice(index), next: text.length, newline: undefined };
  return { line: text.slice(index, lf), next: lf + 1, newline: '\n' };
}

/**
 * Yields the NAME/VALUE pairs of a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file in order, and
 * throws at the first malformed entry. It is a generator on purpose: the runner enumerates lazily
 * and applies every pair before the bad one, so a half-broken file still sets its first values.
 */
export function* iterateFileCommand(content: string, kind: FileCommandKind = 'output'): Generator<[string, string]> {
  let index = 0;
  let cur = readLine(content, index);
  while (cur !== undefined) {
    index = cur.next;
    const line = cur.line;
    if (line !== '') {
      const equalsIndex = line.indexOf('=');
      const heredocIndex = line.indexOf('<<');
      if (equalsIndex >= 0 && (heredocIndex < 0 || equalsIndex < heredocIndex)) {
        // NAME=VALUE. The runner's emptiness check looks at the whole line (never empty here), so
        // "=value" yields an empty name rather than an error; kept as is.
        yield [line.slice(0, equalsIndex), line.slice(equalsIndex + 1)];
      } else if (heredocIndex >= 0 && (equalsIndex < 0 || heredocIndex < equalsIndex)) {
        const name = line.slice(0, heredocIndex);
        const delimiter = line.slice(heredocIndex + 2);
        if (name === '' || delimiter === '') {
          throw new FileCommandError(kind, `Invalid format '${line}'. Name must not be empty and delimiter must not be empty`);
        }
        const start = index;
        let end = index;
        let next = readLine(content, index);
        while (next === undefined || next.line !== delimiter) {
          if (next === undefined) throw new FileCommandError(kind, `Invalid value. Matching delimiter not found '${delimiter}'`);
          if (next.newline === undefined) throw new FileCommandError(kind, 'Invalid value. EOF marker missing new line.');
          index = next.next;
          end = index - next.newline.length;
          next = readLine(content, index);
        }
        index = next.next;
        yield [name, end > start ? content.slice(start, end) : ''];
      } else {
        throw new FileCommandError(kind, `Invalid format '${line}'`);
      }
    }
    cur = readLine(content, index);
  }
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file with the runner's grammar; later
 * entries win. Throws FileCommandError with the runner's message on a malformed file.
 */
export function parseFileCommand(content: string, kind: FileCommandKind): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of iterateFileCommand(content, kind)) out[k] = v;
  return out;
}

/** .NET File.ReadAllLines / StreamReader.ReadLine: CRLF, CR and LF all end a line. */
export function splitDotNetLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (/[\r\n]$/.test(text)) lines.pop();
  return lines;
}

/**
 * GITHUB_PATH: every non-empty line is moved to the end of the job's prepend list (duplicates
 * removed first); PATH is later built from that list reversed, so the newest entry comes first.
 */
export function applyPathFile(content: string, prependList: string[]): string[] {
  const added: string[] = [];
  for (const line of splitDotNetLines(content)) {
    if (line === '') continue;
    const at = prependList.indexOf(line);
    if (at >= 0) prependList.splice(at, 1);
    prependList.push(line);
    added.push(line);
  }
  return added;
}

/** Handler.AddPrependPathToEnvironment + PathUtil.PrependPath. */
export function buildPath(prependList: readonly string[], originalPath: string, delimiter = path.delimiter): string {
  if (prependList.length === 0) return originalPath;
  const prepend = [...prependList].reverse().join(delimiter);
  return originalPath ? `${prepend}${delimiter}${originalPath}` : prepend;
}

/**
 * GITHUB_STEP_SUMMARY: empty -> nothing; over 1 MiB -> dropped whole with the runner's error;
 * otherwise every line is masked and rewritten with a trailing LF (StreamReader.ReadLine +
 * StreamWriter.WriteLine), which is the "-scrubbed" file the runner uploads.
 */
export function processStepSummary(
  content: Buffer,
  mask: (s: string) => string,
): { summary: string; error?: string } {
  const size = content.length;
  if (size === 0) return { summary: '' };
  if (size > STEP_SUMMARY_LIMIT_BYTES) {
    return { summary: '', error: MESSAGES.summaryTooLarge(Math.floor(STEP_SUMMARY_LIMIT_BYTES / 1024), Math.floor(size / 1024)) };
  }
  // StreamReader skips a UTF-8 byte order mark.
  let text = content.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { summary: splitDotNetLines(text).map((l) => `${mask(l)}\n`).join('') };
}

// ---------------------------------------------------------------------------------------------
// Workflow commands
// ---------------------------------------------------------------------------------------------

export interface ParsedCommand {
  /** as written (the runner matches names case-insensitively) */
  command: string;
  /** property names as written; look them up with getProperty (case-insensitive like the runner) */
  properties: Record<string, string>;
  data: string;
  form: '::' | '##[';
}

/** Commands the runner registers (ExtensionManager order), plus stop-commands. */
export const REGISTERED_COMMANDS: readonly string[] = [
  'set-env',
  'set-output',
  'save-state',
  'add-path',
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
];

function replaceAll(s: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  let out = s;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  return out;
}

// Order matters and is the runner's: "%25" is decoded last, so "%250A" becomes "%0A", not LF.
const DATA_UNESCAPES = [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']] as const;
const PROPERTY_UNESCAPES = [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']] as const;
const LEGACY_UNESCAPES = [['%3B', ';'], ['%0D', '\r'], ['%0A', '\n'], ['%5D', ']'], ['%25', '%']] as const;

export const unescapeData = (s: string): string => replaceAll(s, DATA_UNESCAPES);
export const unescapeProperty = (s: string): string => replaceAll(s, PROPERTY_UNESCAPES);

/** The inverse, as @actions/core's command.ts writes them (handy for tests and fixtures). */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `.Split(sep, 2, RemoveEmptyEntries)` then "exactly two parts". */
function splitPair(s: string): [string, string] | undefined {
  const at = s.indexOf('=');
  if (at <= 0 || at === s.length - 1) return undefined;
  return [s.slice(0, at), s.slice(at + 1)];
}

function isRegistered(name: string, registered: Iterable<string>): boolean {
  const lower = name.toLowerCase();
  for (const r of registered) if (r.toLowerCase() === lower) return true;
  return false;
}

/**
 * ActionCommand.TryParseV2 then ActionCommand.TryParse. Returns undefined when the line is not a
 * command of a registered name (the runner then logs it as plain output).
 */
export function parseCommandLine(line: string, registered: Iterable<string> = REGISTERED_COMMANDS): ParsedCommand | undefined {
  if (!line) return undefined;
  // V2: `::name k=v,k=v::data`, only at the start of the line after leading whitespace.
  const msg = line.trimStart();
  if (msg.startsWith('::')) {
    const end = msg.indexOf('::', 2);
    if (end >= 0) {
      const info = msg.slice(2, end);
      const space = info.indexOf(' ');
      const name = space < 0 ? info : info.slice(0, space);
      if (name && isRegistered(name, registered)) {
        const properties: Record<string, string> = {};
        if (space > 0) {
          for (const p of info.slice(space + 1).trim().split(',')) {
            if (!p) continue;
            const pair = splitPair(p);
            if (pair) properties[pair[0]] = unescapeProperty(pair[1]);
          }
        }
        return { command: name, properties, data: unescapeData(msg.slice(end + 2)), form: '::' };
      }
    }
  }
  // Legacy: `##[name k=v;k=v]data`, anywhere in the line.
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const rb = line.indexOf(']', prefix);
  if (rb < 0) return undefined;
  const info = line.slice(prefix + 3, rb);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!name || !isRegistered(name, registered)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const p of info.slice(space + 1).split(';')) {
      if (!p) continue;
      const pair = splitPair(p);
      if (pair) properties[pair[0]] = replaceAll(pair[1], LEGACY_UNESCAPES);
    }
  }
  return { command: name, properties, data: replaceAll(line.slice(rb + 1), LEGACY_UNESCAPES), form: '##[' };
}

/** Property lookup with the runner's OrdinalIgnoreCase dictionary semantics. */
export function getProperty(props: Record<string, string>, key: string): string | undefined {
  const lower = key.toLowerCase();
  let found: string | undefined;
  for (const [k, v] of Object.entries(props)) if (k.toLowerCase() === lower) found = v;
  return found;
}

// ---------------------------------------------------------------------------------------------
// Secret masking
// ---------------------------------------------------------------------------------------------

type Encoder = (value: string) => string;

/** .NET Uri.EscapeDataString leaves only the RFC 3986 unreserved characters. */
const uriDataEscape: Encoder = (v) =>
  encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const base64Shift = (v: string, shift: number): string => {
  const bytes = Buffer.from(v, 'utf8');
  return (bytes.length > shift ? bytes.subarray(shift) : bytes).toString('base64');
};

const powerShellPre: Encoder = (v) => {
  if (!v.includes('&')) return '';
  const section = v.includes('&+') ? v.slice(0, v.indexOf('&+') + 2) : v.slice(0, v.lastIndexOf('&') + 1);
  return section.length >= 6 ? section : '';
};
const powerShellPost: Encoder = (v) => {
  if (!v.includes('&')) return '';
  let section = '';
  if (v.includes('&+')) {
    if (v.length > v.indexOf('&+') + 3) section = v.slice(v.indexOf('&+') + 3);
  } else {
    section = v.slice(v.lastIndexOf('&') + 1);
  }
  return section.length >= 6 ? section : '';
};

/** The encoders HostContext registers, so encoded forms of a secret are masked too. */
const VALUE_ENCODERS: readonly Encoder[] = [
  (v) => Buffer.from(v, 'utf8').toString('base64'),
  (v) => base64Shift(v, 1),
  (v) => base64Shift(v, 2),
  (v) => v.replace(/"/g, '\\"'),
  (v) => v.replace(/'/g, "''"),
  (v) => JSON.stringify(v).slice(1, -1),
  uriDataEscape,
  (v) => v.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c),
  (v) => (v.length > 8 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : ''),
  powerShellPre,
  powerShellPost,
];

/**
 * The runner's SecretMasker: every occurrence of a secret or of one of its encodings is found,
 * overlapping or touching occurrences are merged, and each merged range becomes "***". One masker
 * lives for the whole job, so a value masked by one step stays masked in later steps.
 */
export class SecretMasker {
  private readonly originals = new Set<string>();
  private readonly values = new Set<string>();

  add(value: string): void {
    if (!value || this.originals.has(value)) return;
    this.originals.add(value);
    this.values.add(value);
    for (const enc of VALUE_ENCODERS) {
      const e = enc(value);
      if (e) this.values.add(e);
    }
  }

  /** add-mask also registers each trimmed line of a multi-line value. */
  addWithLines(value: string): void {
    this.add(value);
    for (const part of value.split(/[\r\n]+/)) {
      const t = part.trim();
      if (t) this.add(t);
    }
  }

  get secrets(): readonly string[] {
    return [...this.originals];
  }

  mask(input: string): string {
    if (!input) return '';
    const positions: Array<[number, number]> = [];
    for (const v of this.values) {
      let i = input.indexOf(v);
      while (i >= 0) {
        positions.push([i, i + v.length]);
        i = input.indexOf(v, i + 1);
      }
    }
    if (positions.length === 0) return input;
    positions.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const p of positions) {
      const last = merged[merged.length - 1];
      if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
      else merged.push([p[0], p[1]]);
    }
    let out = '';
    let at = 0;
    for (const [s, e] of merged) {
      out += `${input.slice(at, s)}***`;
      at = e;
    }
    return out + input.slice(at);
  }
}

// ---------------------------------------------------------------------------------------------
// Step log and annotations (the parts of ExecutionContext a step touches)
// ---------------------------------------------------------------------------------------------

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  /**
   * Set only on issues the runner itself raised (bad file command, unexpected input ...); those are
   * annotations on a real run too and count toward the per-type limit. Absent for the action's own.
   */
  source?: 'runner';
}

/** int.TryParse (invariant culture): optional surrounding whitespace and sign, 32-bit range. */
function tryParseInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^\s*[+-]?\d+\s*$/.test(s)) return undefined;
  const n = Number(s.trim());
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}

/**
 * IssueCommandExtension.ValidateLinesAndColumns: repairs or drops inconsistent ranges. Works on a
 * lower-cased copy of the properties and reports what it did through `debug`.
 */
export function validateLinesAndColumns(
  command: string,
  props: Map<string, string>,
  debug: (msg: string) => void = () => {},
): void {
  let line = props.get('line');
  const endLine = props.get('endline');
  let column = props.get('col');
  const endColumn = props.get('endcolumn');
  let hasStartLine = tryParseInt(line) !== undefined;
  const hasEndLine = tryParseInt(endLine) !== undefined;
  let hasStartColumn = tryParseInt(column) !== undefined;
  const hasEndColumn = tryParseInt(endColumn) !== undefined;
  const hasColumn = hasStartColumn || hasEndColumn;

  if (hasEndLine && !hasStartLine) {
    debug(`Invalid ${command} command value. 'endLine' can only be set if 'line' is provided`);
    props.set('line', endLine!);
    hasStartLine = true;
    line = endLine;
  }
  if (hasEndColumn && !hasStartColumn) {
    debug(`Invalid ${command} command value. 'endColumn' can only be set if 'col' is provided`);
    props.set('col', endColumn!);
    hasStartColumn = true;
    column = endColumn;
  }
  if (!hasStartLine && hasColumn) {
    debug(`Invalid ${command} command value. 'col' and 'endColumn' can only be set if 'line' value is provided.`);
    props.delete('col');
    props.delete('endcolumn');
  }
  if (hasEndLine && line !== endLine && hasColumn) {
    debug(`Invalid ${command} command value. 'col' and 'endColumn' cannot be set if 'line' and 'endLine' are different values.`);
    props.delete('col');
    props.delete('endcolumn');
  }
  if (hasStartLine && hasEndLine && tryParseInt(endLine)! < tryParseInt(line)!) {
    debug(`Invalid ${command} command value. 'endLine' cannot be less than 'line'.`);
    props.delete('line');
    props.delete('endline');
  }
  if (hasStartColumn && hasEndColumn && tryParseInt(endColumn)! < tryParseInt(column)!) {
    debug(`Invalid ${command} command value. 'endColumn' cannot be less than 'col'.`);
    props.delete('col');
    props.delete('endcolumn');
  }
}

export interface StepLogOptions {
  masker: SecretMasker;
  /** Global.WriteDebug: ##[debug] lines are written only in debug mode */
  debug: boolean;
  /** GITHUB_WORKSPACE, to make annotation file paths repository-relative like the runner */
  workspace?: string;
}

/**
 * What one step's ExecutionContext accumulates: the masked log, annotations (at most 10 per type,
 * messages masked and cut at 4096 characters, every one still written to the log), runner errors
 * and warnings, and whether a command failed the step (CommandResult = Failed).
 */
export class StepLog {
  readonly lines: string[] = [];
  readonly annotations: Annotation[] = [];
  readonly dropped: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly notes: string[] = [];
  commandFailed = false;
  private readonly counts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  constructor(readonly options: StepLogOptions) {}

  get writeDebug(): boolean {
    return this.options.debug;
  }

  /** ExecutionContext.Write: the whole "tag + message" is masked, then written. */
  write(tag: string, message: string): void {
    this.lines.push(this.options.masker.mask(`${tag}${message}`));
  }

  output(message: string): void {
    this.write('', message);
  }

  debug(message: string): void {
    if (!this.options.debug) return;
    for (const l of message.replace(/\r\n/g, '\n').split('\n')) this.write('##[debug]', l);
  }

  addIssue(issue: Annotation): Annotation {
    const masked = this.options.masker.mask(issue.message);
    const final: Annotation = {
      ...issue,
      message: masked.length > MAX_ANNOTATION_MESSAGE_LENGTH ? masked.slice(0, MAX_ANNOTATION_MESSAGE_LENGTH) : masked,
    };
    if (this.counts[final.level] < MAX_ANNOTATIONS_PER_TYPE) {
      this.counts[final.level]++;
      this.annotations.push(final);
    } else {
      this.dropped[final.level]++;
    }
    if (final.message) this.write(`##[${final.level}]`, final.message);
    return final;
  }

  /** context.Error(string): a runner-side error, which is an error annotation too. */
  error(message: string): void {
    this.errors.push(this.options.masker.mask(message));
    this.addIssue({ level: 'error', message, source: 'runner' });
  }

  warning(message: string): void {
    this.warnings.push(this.options.masker.mask(message));
    this.addIssue({ level: 'warning', message, source: 'runner' });
  }

  get text(): string {
    return this.lines.join('\n');
  }
}

/** Effects of commands that the job (not the step log) keeps. */
export interface CommandEffects {
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** ::set-env:: values (only when unsecure commands are allowed) */
  env: Record<string, string>;
  /** ::add-path:: values (only when unsecure commands are allowed) */
  path: string[];
}

export interface CommandProcessorOptions {
  /** echo non-silent commands back into the log (ACTIONS_STEP_DEBUG); ::echo:: toggles it */
  echo: boolean;
  /** the step's env context, read for ACTIONS_ALLOW_UNSECURE_COMMANDS / _STOPCOMMAND_TOKENS */
  envContext: Record<string, string>;
  /** the runner process's own environment, also consulted for those two switches */
  processEnv?: Record<string, string | undefined>;
}

/** bool.TryParse: "true"/"false" in any case, surrounding whitespace allowed. */
const dotNetBool = (s: string | undefined): boolean => (s ?? '').trim().toLowerCase() === 'true';

/** Commands whose input line is never echoed (IActionCommandExtension.OmitEcho). */
const OMIT_ECHO = new Set(['add-mask', 'debug', 'warning', 'error', 'notice']);

/**
 * OutputManager.OnDataReceived + ActionCommandManager.TryProcessCommand for one step phase: feed
 * it every stdout/stderr line; it writes the log, records annotations and collects outputs/state.
 * A new processor per phase, like the runner's new command manager per handler, so stop-commands
 * does not leak into the next step; the masker is shared across the job.
 */
export class CommandProcessor {
  readonly effects: CommandEffects = { outputs: {}, state: {}, env: {}, path: [] };
  echo: boolean;
  private stopToken: string | undefined;
  private readonly registered = new Set<string>(REGISTERED_COMMANDS);

  constructor(
    readonly log: StepLog,
    private readonly options: CommandProcessorOptions,
  ) {
    this.echo = options.echo;
  }

  private allowed(name: 'ACTIONS_ALLOW_UNSECURE_COMMANDS' | 'ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS'): boolean {
    return dotNetBool(this.options.processEnv?.[name]) || dotNetBool(this.options.envContext[name]);
  }

  processLine(rawLine: string): void {
    let line = rawLine;
    if (line && (line.includes('##[') || line.includes('::')) && this.tryProcessCommand(line)) return;
    // Runner-controlled markers in user output are defused before logging.
    if (line.includes('##[start-action') || line.includes('##[end-action')) {
      line = line.split('##[start-action').join('##[\\start-action').split('##[end-action').join('##[\\end-action');
    }
    this.log.output(line);
  }

  private tryProcessCommand(line: string): boolean {
    const cmd = parseCommandLine(line, this.registered);
    if (!cmd) return false;
    const name = cmd.command.toLowerCase();

    if (this.stopToken !== undefined) {
      if (name === this.stopToken.toLowerCase()) {
        this.log.output(line);
        this.log.debug('Resume processing commands');
        this.registered.delete(this.stopToken);
        this.stopToken = undefined;
        return true;
      }
      this.log.debug(`Process commands has been stopped and waiting for '##[${this.stopToken}]' to resume.`);
      return false;
    }

    if (name === 'stop-commands') {
      const token = cmd.data;
      const invalid = token === '' || token.toLowerCase() === 'pause-logging' || isRegistered(token, this.registered);
      if (invalid && !this.allowed('ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS')) {
        // The runner throws out of the command manager here; the emulator reports it like a
        // failed command instead of crashing the output reader.
        this.log.error(MESSAGES.commandFailed(line));
        this.log.error(MESSAGES.invalidStopToken);
        this.log.commandFailed = true;
        return true;
      }
      this.stopToken = token;
      this.registered.add(token);
      if (token.length > 6) this.log.options.masker.add(token);
      this.log.output(line);
      this.log.debug("Paused processing commands until the token you called ::stopCommands:: with is received");
      return true;
    }

    if (this.echo && !OMIT_ECHO.has(name)) this.log.output(line);
    try {
      this.execute(name, cmd);
    } catch (e) {
      const info = OMIT_ECHO.has(name) ? name : line;
      this.log.error(MESSAGES.commandFailed(info));
      this.log.error(e instanceof Error ? e.message : String(e));
      this.log.commandFailed = true;
    }
    return true;
  }

  private execute(name: string, cmd: ParsedCommand): void {
    const log = this.log;
    const prop = (k: string) => getProperty(cmd.properties, k);
    switch (name) {
      case 'set-output':
      case 'save-state': {
        log.warning(MESSAGES.deprecatedCommand(name));
        const key = prop('name');
        if (!key) throw new Error(`Required field 'name' is missing in ##[${name}] command.`);
        if (name === 'set-output') {
          this.effects.outputs[key] = cmd.data;
          log.debug(`steps.<id>.outputs.${key}='${cmd.data}'`);
        } else {
          this.effects.state[key] = cmd.data;
          log.debug(`Save intra-action state ${key} = ${cmd.data}`);
        }
        return;
      }
      case 'set-env':
      case 'add-path': {
        if (!this.allowed('ACTIONS_ALLOW_UNSECURE_COMMANDS')) throw new Error(MESSAGES.disabledCommand(name));
        if (name === 'add-path') {
          if (!cmd.data) throw new Error("Value cannot be null. (Parameter 'path')");
          this.effects.path.push(cmd.data);
          return;
        }
        const key = prop('name');
        if (!key) throw new Error("Required field 'name' is missing in ##[set-env] command.");
        const blocked = ENV_BLOCK_LIST.find((b) => b.toLowerCase() === key.toLowerCase());
        if (blocked) {
          log.addIssue({ level: 'error', message: MESSAGES.blockedSetEnv(blocked), source: 'runner' });
          return;
        }
        this.effects.env[key] = cmd.data;
        log.debug(`${key}='${cmd.data}'`);
        return;
      }
      case 'add-mask': {
        if (cmd.data.trim() === '') {
          log.warning(MESSAGES.emptyMask);
          return;
        }
        if (this.echo) log.output('::add-mask::***');
        log.options.masker.addWithLines(cmd.data);
        return;
      }
      case 'debug':
        log.debug(cmd.data);
        return;
      case 'group':
        log.output(`##[group]${cmd.data}`);
        return;
      case 'endgroup':
        log.output('##[endgroup]');
        return;
      case 'echo': {
        if (!cmd.data) throw new Error("Value cannot be null. (Parameter 'value')");
        const v = cmd.data.trim().toUpperCase();
        if (v === 'ON') this.echo = true;
        else if (v === 'OFF') this.echo = false;
        else throw new Error(`Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '${cmd.data}'.`);
        log.debug(`Setting echo command value to '${v.toLowerCase()}'`);
        return;
      }
      case 'add-matcher':
      case 'remove-matcher':
        // Problem matchers are not emulated: the command is consumed (as the runner would) and
        // noted, so a test relying on matcher-made annotations sees why there are none.
        log.notes.push(`${name} is not emulated (data: ${cmd.data})`);
        return;
      case 'error':
      case 'warning':
      case 'notice': {
        const props = new Map<string, string>();
        for (const [k, v] of Object.entries(cmd.properties)) props.set(k.toLowerCase(), v);
        validateLinesAndColumns(name, props, (m) => log.debug(m));
        const annotation: Annotation = { level: name, message: cmd.data };
        const title = props.get('title');
        if (title !== undefined) annotation.title = title;
        let file = props.get('file');
        if (file) {
          const ws = log.options.workspace;
          if (ws && path.isAbsolute(file)) {
            const rel = path.relative(ws, file);
            if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) file = rel.split(path.sep).join('/');
          }
          annotation.file = file;
        }
        const ints: Array<[keyof Annotation & ('line' | 'endLine' | 'col' | 'endColumn'), string]> = [
          ['line', 'line'],
          ['endLine', 'endline'],
          ['col', 'col'],
          ['endColumn', 'endcolumn'],
        ];
        for (const [field, key] of ints) {
          const n = tryParseInt(props.get(key));
          if (n !== undefined) annotation[field] = n;
        }
        log.addIssue(annotation);
        return;
      }
      default:
        log.warning(`Can't find command extension for ##[${cmd.command}.command].`);
    }
  }
}

export interface ParseStdoutOptions {
  masker?: SecretMasker;
  debug?: boolean;
  echo?: boolean;
  workspace?: string;
  envContext?: Record<string, string>;
}

export interface ParseStdoutResult extends CommandEffects {
  log: string;
  annotations: Annotation[];
  dropped: Record<AnnotationLevel, number>;
  errors: string[];
  warnings: string[];
  /** a command failed to process, which fails the step */
  failed: boolean;
}

/**
 * Runs a whole captured output through a fresh command processor (lines split like .NET
 * StreamReader.ReadLine: CRLF, CR or LF). The pure entry point for unit tests.
 */
export function parseStdoutCommands(output: string, options: ParseStdoutOptions = {}): ParseStdoutResult {
  const log = new StepLog({ masker: options.masker ?? new SecretMasker(), debug: options.debug ?? false, workspace: options.workspace });
  const processor = new CommandProcessor(log, { echo: options.echo ?? options.debug ?? false, envContext: options.envContext ?? {} });
  for (const line of splitDotNetLines(output)) processor.processLine(line);
  return {
    ...processor.effects,
    log: log.text,
    annotations: log.annotations,
    dropped: log.dropped,
    errors: log.errors,
    warnings: log.warnings,
    failed: log.commandFailed,
  };
}
