import { ConfigurationError } from '../platform/errors.js';

/**
 * Text a training check reads from the user: the command line, the env input, per-step JSONL logs,
 * metrics matched in stdout, and the expect-metrics input. Every user mistake is a
 * ConfigurationError that says what is wrong, where, and how to fix it.
 */

const SHELL_HINT = 'To keep it, set `shell: bash` to run the command through bash, or quote it to pass it as text.';

/** Longest first, so `||` is named rather than `|`. */
const SHELL_OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['&&', 'an and-list'],
  ['||', 'an or-list'],
  ['>>', 'an appending redirection'],
  ['<<', 'a here-document'],
  ['$(', 'a command substitution'],
  ['|', 'a pipe'],
  ['&', 'a background operator'],
  [';', 'a command separator'],
  ['>', 'an output redirection'],
  ['<', 'an input redirection'],
  ['`', 'a command substitution'],
  ['(', 'a subshell'],
  [')', 'a subshell'],
];

/**
 * POSIX-shell-like split without a shell: whitespace separates words; '...' is literal; "..." allows
 * \" \\ \$ \` escapes (any other backslash is kept); a backslash outside quotes escapes the next
 * character, and a backslash before a line break continues the line; `#` at the start of a word
 * starts a comment. No globbing, no $VAR expansion, no ~.
 *
 * Anything a shell would treat as more than words is refused rather than passed on as text, since
 * the user evidently meant the shell's meaning: operators (| || && ; > >> < << & $( ` ( )), a line
 * break between words (a second command), and a leading NAME=value (an environment assignment).
 */
export function splitCommandLine(command: string): string[] {
  const words: string[] = [];
  const wordStarts: number[] = [];
  let word = '';
  let inWord = false;
  let wordStart = 0;
  /** Index of an unquoted line break seen since the last word, if any. */
  let lineBreak: number | undefined;
  const endWord = (): void => {
    if (inWord) {
      words.push(word);
      wordStarts.push(wordStart);
    }
    word = '';
    inWord = false;
  };

  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '\n') {
      endWord();
      lineBreak ??= i;
      i++;
      continue;
    }
    if (c === '\\' && isLineBreakAt(command, i + 1)) {
      i += command[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (!inWord && c === '#') {
      while (i < command.length && command[i] !== '\n') i++;
      continue;
    }
    const operator = SHELL_OPERATORS.find(([op]) => command.startsWith(op, i));
    if (operator) {
      throw new ConfigurationError(`command: ${JSON.stringify(operator[0])} at ${position(command, i)} is ${operator[1]}, which needs a shell; the command runs without one`, {
        ...lineAndColumn(command, i),
        hint: SHELL_HINT,
      });
    }
    if (!inWord) {
      if (lineBreak !== undefined && words.length > 0) {
        throw new ConfigurationError(`command: the line break at ${position(command, lineBreak)} starts a second command, which needs a shell; the command runs without one`, {
          ...lineAndColumn(command, lineBreak),
          hint: 'End the line with \\ to continue the same command, or set `shell: bash` to run the lines as a script.',
        });
      }
      lineBreak = undefined;
      inWord = true;
      wordStart = i;
    }
    if (c === '\\') {
      if (i + 1 >= command.length) {
        throw new ConfigurationError(`command: the backslash at ${position(command, i)} ends the command and escapes nothing`, {
          ...lineAndColumn(command, i),
          hint: 'Remove it, or write \\\\ for a literal backslash.',
        });
      }
      word += command[i + 1];
      i += 2;
    } else if (c === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) throw unterminatedQuote(command, i, 'single');
      word += command.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      const [text, next] = readDoubleQuoted(command, i);
      word += text;
      i = next;
    } else {
      word += c;
      i++;
    }
  }
  endWord();

  if (words.length === 0) {
    throw new ConfigurationError('command: the command is empty', { hint: 'Give the command that trains the model, e.g. `python train.py --epochs 1`.' });
  }
  const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(command.slice(wordStarts[0]));
  if (assignment) {
    const name = assignment[0].slice(0, -1);
    throw new ConfigurationError(`command: ${JSON.stringify(words[0])} at ${position(command, wordStarts[0]!)} sets the environment variable ${name}, which needs a shell; the command runs without one`, {
      ...lineAndColumn(command, wordStarts[0]!),
      hint: `Move ${name} to the \`env\` input (one NAME=value per line), or set \`shell: bash\`.`,
    });
  }
  return words;
}

/** The text of a "..." word starting at `open`, and the index after its closing quote. */
function readDoubleQuoted(command: string, open: number): [string, number] {
  let text = '';
  let j = open + 1;
  while (j < command.length) {
    const ch = command[j]!;
    if (ch === '"') return [text, j + 1];
    if (ch === '\\') {
      const next = command[j + 1];
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        text += next;
        j += 2;
      } else if (isLineBreakAt(command, j + 1)) {
        j += next === '\r' ? 3 : 2;
      } else {
        text += ch;
        j++;
      }
      continue;
    }
    // A shell runs command substitutions inside double quotes too.
    if (ch === '`' || (ch === '$' && command[j + 1] === '(')) {
      const op = ch === '`' ? '`' : '$(';
      throw new ConfigurationError(`command: ${JSON.stringify(op)} at ${position(command, j)} is a command substitution, which needs a shell; the command runs without one`, {
        ...lineAndColumn(command, j),
        hint: `${SHELL_HINT} Inside double quotes, write \\${ch} for a literal ${ch}.`,
      });
    }
    text += ch;
    j++;
  }
  throw unterminatedQuote(command, open, 'double');
}

function unterminatedQuote(command: string, open: number, kind: 'single' | 'double'): ConfigurationError {
  const mark = kind === 'single' ? "'" : '"';
  return new ConfigurationError(`command: the ${kind} quote (${mark}) at ${position(command, open)} is never closed`, {
    ...lineAndColumn(command, open),
    hint: `Add the closing ${mark}, or escape the quote as \\${mark} if it is meant literally.`,
  });
}

function isLineBreakAt(text: string, index: number): boolean {
  return text[index] === '\n' || (text[index] === '\r' && text[index + 1] === '\n');
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

/** `column 7`, or `line 2, column 7` when the text has several lines. */
function position(text: string, index: number): string {
  const { line, column } = lineAndColumn(text, index);
  return text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}

/**
 * Multi-line KEY=VALUE (the `env` input). Blank lines and lines starting with # are skipped; the
 * value is everything after the first '=' (kept verbatim, inner and outer spaces included; a
 * trailing \r removed). Leading indentation before KEY is ignored. Duplicate keys: the later wins.
 */
export function parseEnvLines(text: string, inputName = 'env'): Record<string, string> {
  const out: Record<string, string> = {};
  const example = 'Write one NAME=value per line, e.g. DATA_DIR=data/train; lines starting with # are comments.';
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const where = `input ${inputName}, line ${index + 1}`;
    const trimmed = line.trimStart();
    if (trimmed.trim() === '' || trimmed.startsWith('#')) return;
    const eq = trimmed.indexOf('=');
    if (eq < 0) {
      throw new ConfigurationError(`${where}: ${JSON.stringify(truncate(trimmed))} has no '='`, { line: index + 1, hint: example });
    }
    const key = trimmed.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      const spaced = key.trim() !== key && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key.trim());
      throw new ConfigurationError(`${where}: ${JSON.stringify(key)} is not a valid environment variable name`, {
        line: index + 1,
        hint: spaced
          ? `Remove the space before '=': ${key.trim()}=value (spaces after '=' are part of the value).`
          : `Names start with a letter or _ and contain only letters, digits and _. ${example}`,
      });
    }
    out[key] = trimmed.slice(eq + 1);
  });
  return out;
}

const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE_NUMBER = /^([+-]?)(nan|inf|infinity)$/i;

/**
 * A number as training scripts print it: JS/JSON decimals (an optional sign, `.5`, `5.` and
 * exponents included), and Python's or C's nan, inf, infinity with an optional sign, in any case.
 * Surrounding whitespace is ignored. Anything else, hexadecimal and empty text included, is undefined.
 */
export function parseLoggedNumber(text: string): number | undefined {
  const t = text.trim();
  if (DECIMAL_NUMBER.test(t)) return Number(t);
  const special = NON_FINITE_NUMBER.exec(t);
  if (!special) return undefined;
  if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
  return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

export interface LoggedPoint {
  step: number;
  value: number;
  line: number;
}

export interface StepLog {
  /** series name -> points in file order */
  series: Map<string, LoggedPoint[]>;
  /** Lines that held a record (blank lines not counted). */
  lines: number;
}

/** Keys that give a record's x value, first found wins. */
const STEP_KEYS = ['step', 'epoch', 'iteration'] as const;

/**
 * Bare NaN/Infinity tokens become these strings before JSON.parse and numbers after it. A log's own
 * string could only collide by holding a NUL character followed by the same word.
 */
const NON_FINITE_TOKENS: ReadonlyArray<readonly [string, string, number]> = [
  ['-Infinity', '\u0000-Infinity', Number.NEGATIVE_INFINITY],
  ['Infinity', '\u0000Infinity', Number.POSITIVE_INFINITY],
  ['NaN', '\u0000NaN', Number.NaN],
];
const SENTINEL_VALUES = new Map(NON_FINITE_TOKENS.map(([, sentinel, value]) => [sentinel, value]));

/**
 * Parses a per-step JSONL log: one JSON object per line, e.g. {"step": 10, "loss": 0.41}. Bare NaN,
 * Infinity and -Infinity (as Python's json.dumps writes them) are numbers; inside strings they are
 * text. The top-level finite `step`, else `epoch`, else `iteration` gives the x value, otherwise
 * the 1-based index of the record; the key used (and `step` always) is not a series, so with both
 * `step` and `epoch` present, `epoch` is a series plotted against `step`. Every other
 * numeric field is a series, nested objects flattened with dots ({"metrics": {"loss": 1}} gives
 * `metrics.loss`); strings, booleans, null and arrays are ignored.
 */
export function parseStepLog(text: string, displayName: string): StepLog {
  const series = new Map<string, LoggedPoint[]>();
  const rows = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
  const endsWithNewline = text.endsWith('\n');
  let records = 0;
  rows.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const lineNumber = index + 1;
    const isCutShort = !endsWithNewline && index === rows.length - 1;
    const record = parseRecord(line, displayName, lineNumber, isCutShort);
    records++;
    const stepKey = STEP_KEYS.find((key) => typeof record[key] === 'number' && Number.isFinite(record[key]));
    const step = stepKey === undefined ? records : (record[stepKey] as number);
    const values = new Map<string, number>();
    for (const [key, value] of Object.entries(record)) {
      // `step` is never a metric: it is the x value, or not a usable one.
      if (key !== stepKey && key !== 'step') collectNumbers(value, key, values);
    }
    for (const [name, value] of values) appendPoint(series, name, { step, value, line: lineNumber });
  });
  return { series, lines: records };
}

function parseRecord(line: string, displayName: string, lineNumber: number, isCutShort: boolean): Record<string, unknown> {
  const hint = 'Write one JSON object per line, e.g. {"step": 10, "loss": 0.41}; bare NaN and Infinity are accepted as Python writes them.';
  let parsed: unknown;
  try {
    parsed = restoreNonFinite(JSON.parse(replaceNonFiniteTokens(line)));
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    if (isCutShort) {
      throw new ConfigurationError(`the last line is cut short (no line break at its end, and not valid JSON): ${JSON.stringify(truncate(line))}`, {
        file: displayName,
        line: lineNumber,
        hint: 'The log was read while still being written or the script stopped mid-line: flush and close the log before the training command exits.',
      });
    }
    throw new ConfigurationError(`not valid JSON: ${JSON.stringify(truncate(line))}`, { file: displayName, line: lineNumber, hint });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    throw new ConfigurationError(`a JSON object was expected, this line holds ${kind}: ${JSON.stringify(truncate(line))}`, { file: displayName, line: lineNumber, hint });
  }
  return parsed as Record<string, unknown>;
}

/** Rewrites bare NaN/Infinity/-Infinity outside strings as sentinel strings JSON.parse accepts. */
function replaceNonFiniteTokens(line: string): string {
  if (!line.includes('NaN') && !line.includes('Infinity')) return line;
  let out = '';
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    const token = NON_FINITE_TOKENS.find(([word]) => line.startsWith(word, i));
    if (token) {
      out += line.slice(copiedUpTo, i) + JSON.stringify(token[1]);
      i += token[0].length - 1;
      copiedUpTo = i + 1;
    }
  }
  return out + line.slice(copiedUpTo);
}

function restoreNonFinite(value: unknown): unknown {
  if (typeof value === 'string') return SENTINEL_VALUES.has(value) ? SENTINEL_VALUES.get(value) : value;
  if (Array.isArray(value)) return value.map(restoreNonFinite);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      // A sentinel as a key means a bare token stood where a key belongs: not JSON.
      if (SENTINEL_VALUES.has(key)) throw new SyntaxError('bare token used as an object key');
      out[key] = restoreNonFinite(child);
    }
    return out;
  }
  return value;
}

function collectNumbers(value: unknown, name: string, out: Map<string, number>): void {
  if (typeof value === 'number') {
    out.set(name, value);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) collectNumbers(child, `${name}.${key}`, out);
  }
}

function appendPoint(series: Map<string, LoggedPoint[]>, name: string, point: LoggedPoint): void {
  const points = series.get(name);
  if (points) points.push(point);
  else series.set(name, [point]);
}

/** How many non-numeric captures StdoutMetricMatcher keeps as examples. */
const UNPARSED_KEPT = 10;

/**
 * A user regex (JavaScript syntax, no flags) applied to every stdout line; the first match on a
 * line counts, so `loss: (?<loss>\S+)` does not also pick up `val_loss: ...` further along. Named
 * groups are series; a group `step`, else `epoch`, else `iteration` is the x value, otherwise the
 * number of lines matched so far. Groups that did not take part in a match add no point.
 */
export class StdoutMetricMatcher {
  readonly series = new Map<string, LoggedPoint[]>();
  /** Lines where a named group matched text that is not a number: the first few, as examples. */
  readonly unparsed: Array<{ line: number; group: string; text: string }> = [];
  /** Every non-numeric capture, including those not kept in `unparsed`. */
  unparsedCount = 0;
  private readonly regex: RegExp;
  private readonly stepGroup: string | undefined;
  private matches = 0;

  constructor(pattern: string, inputName = 'loss-regex') {
    const example = 'e.g. `loss=(?<loss>\\S+)` or `step (?<step>\\d+) .* loss=(?<loss>\\S+)`';
    try {
      this.regex = new RegExp(pattern);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
      throw new ConfigurationError(`input ${inputName}: not a valid regular expression: ${reason}`, {
        hint: `Write a JavaScript regular expression whose named groups capture the numbers, ${example}.`,
        cause: error,
      });
    }
    // Matching the empty alternative lists every named group, each undefined.
    const groups = Object.keys(new RegExp(`(?:${pattern})|`).exec('')?.groups ?? {});
    this.stepGroup = STEP_KEYS.find((key) => groups.includes(key));
    if (groups.length === 0) {
      throw new ConfigurationError(`input ${inputName}: the regular expression has no named group, so it captures no metric`, {
        hint: `Name each group after the metric it captures, ${example}.`,
      });
    }
    if (groups.every((group) => group === this.stepGroup)) {
      throw new ConfigurationError(`input ${inputName}: the only named group is ${JSON.stringify(this.stepGroup)}, the x value, so no metric is captured`, {
        hint: `Add a named group for each metric, ${example}.`,
      });
    }
  }

  /** Feed one line (without newline) with its 1-based line number in the output. */
  addLine(text: string, lineNumber: number): void {
    const match = this.regex.exec(text);
    if (!match?.groups) return;
    this.matches++;
    let step = this.matches;
    if (this.stepGroup !== undefined) {
      const raw = match.groups[this.stepGroup];
      if (raw !== undefined) {
        const parsed = parseLoggedNumber(raw);
        if (parsed !== undefined && Number.isFinite(parsed)) step = parsed;
        else this.recordUnparsed(lineNumber, this.stepGroup, raw);
      }
    }
    for (const [group, raw] of Object.entries(match.groups)) {
      if (group === this.stepGroup || raw === undefined) continue;
      const value = parseLoggedNumber(raw);
      if (value === undefined) this.recordUnparsed(lineNumber, group, raw);
      else appendPoint(this.series, group, { step, value, line: lineNumber });
    }
  }

  private recordUnparsed(line: number, group: string, text: string): void {
    this.unparsedCount++;
    if (this.unparsed.length < UNPARSED_KEPT) this.unparsed.push({ line, group, text: truncate(text) });
  }
}

export type Comparison = '>=' | '>' | '<=' | '<' | '==';

export interface MetricExpectation {
  metric: string;
  op?: Comparison;
  value?: number;
  line: number;
}

const EXPECTATION = /^([A-Za-z0-9_.\-/:]+)\s*(?:(>=|<=|==|>|<)\s*([^\s<>=!]\S*))?$/;
const EXPECTATION_FORMS =
  'Write one expectation per line or separate them with commas: `accuracy >= 0.8`, `val.loss < 0.5`, `epochs == 10`, or a bare name such as `f1` to require that the metric is present. The comparisons are >=, >, <=, < and ==.';

/**
 * The `expect-metrics` input: one expectation per line, or several separated by commas:
 * `accuracy >= 0.8`, `val.loss < 0.5`, `f1` (present only), `epochs == 10`. Metric names use
 * letters, digits and _ . - / : . Blank lines, lines starting with # and a trailing ` # comment`
 * are skipped; empty items between commas too. Bounds may be inf or -inf, never nan.
 */
export function parseMetricExpectations(text: string, inputName = 'expect-metrics'): MetricExpectation[] {
  const out: MetricExpectation[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const where = `input ${inputName}, line ${line}`;
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    for (const item of content.split(',').map((part) => part.trim())) {
      if (item === '') continue;
      const match = EXPECTATION.exec(item);
      if (!match) {
        throw new ConfigurationError(`${where}: cannot read ${JSON.stringify(item)}${describeExpectationMistake(item)}`, { line, hint: EXPECTATION_FORMS });
      }
      const [, metric, op, bound] = match;
      if (op === undefined) {
        out.push({ metric: metric!, line });
        continue;
      }
      const value = parseLoggedNumber(bound!);
      if (value === undefined || Number.isNaN(value)) {
        const why = value === undefined ? 'is not a number' : 'can never compare true';
        throw new ConfigurationError(`${where}: ${JSON.stringify(bound)} in ${JSON.stringify(item)} ${why}`, { line, hint: EXPECTATION_FORMS });
      }
      out.push({ metric: metric!, op: op as Comparison, value, line });
    }
  });
  return out;
}

/** A short reason for the commonest mistakes, or ''. */
function describeExpectationMistake(item: string): string {
  if (item.includes('!=')) return ': != is not supported';
  if (/=>|=</.test(item)) return ': write >= or <= with the = last';
  if (/(>=|<=|==|>|<)$/.test(item)) return ': the value is missing';
  const op = /(>=|<=|==|>|<)/.exec(item);
  if (op) {
    const name = item.slice(0, op.index).trim();
    return /^[A-Za-z0-9_.\-/:]+$/.test(name) ? '' : `: ${JSON.stringify(name)} is not a metric name (letters, digits and _ . - / : only)`;
  }
  if (item.includes('=')) return ': use == for equality';
  if (/^[A-Za-z0-9_.\-/:]+\s+\S/.test(item)) return ': a comparison is missing between the name and the value';
  return '';
}

export function compare(actual: number, op: Comparison, bound: number): boolean {
  switch (op) {
    case '>=':
      return actual >= bound;
    case '>':
      return actual > bound;
    case '<=':
      return actual <= bound;
    case '<':
      return actual < bound;
    case '==':
      return actual === bound;
  }
}

function truncate(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
