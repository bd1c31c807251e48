export const id = 902;
export const ids = [902];
export const modules = {

/***/ 5902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commandArgv: () => (/* binding */ commandArgv),
  trainCheckAction: () => (/* binding */ trainCheckAction),
  trainCheckInputs: () => (/* binding */ trainCheckInputs)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/platform/files.ts
var platform_files = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/platform/inputs.ts
var platform_inputs = __webpack_require__(3734);
// EXTERNAL MODULE: ./src/platform/reporting.ts
var reporting = __webpack_require__(5633);
;// CONCATENATED MODULE: ./src/training/parse.ts

/**
 * Text a training check reads from the user: the command line, the env input, per-step JSONL logs,
 * metrics matched in stdout, and the expect-metrics input. Every user mistake is a
 * ConfigurationError that says what is wrong, where, and how to fix it.
 */
const SHELL_HINT = 'To keep it, set `shell: bash` to run the command through bash, or quote it to pass it as text.';
/** Longest first, so `||` is named rather than `|`. */
const SHELL_OPERATORS = [
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
function splitCommandLine(command) {
    const words = [];
    const wordStarts = [];
    let word = '';
    let inWord = false;
    let wordStart = 0;
    /** Index of an unquoted line break seen since the last word, if any. */
    let lineBreak;
    const endWord = () => {
        if (inWord) {
            words.push(word);
            wordStarts.push(wordStart);
        }
        word = '';
        inWord = false;
    };
    let i = 0;
    while (i < command.length) {
        const c = command[i];
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
            while (i < command.length && command[i] !== '\n')
                i++;
            continue;
        }
        const operator = SHELL_OPERATORS.find(([op]) => command.startsWith(op, i));
        if (operator) {
            throw new errors/* ConfigurationError */.j1(`command: ${JSON.stringify(operator[0])} at ${position(command, i)} is ${operator[1]}, which needs a shell; the command runs without one`, {
                ...lineAndColumn(command, i),
                hint: SHELL_HINT,
            });
        }
        if (!inWord) {
            if (lineBreak !== undefined && words.length > 0) {
                throw new errors/* ConfigurationError */.j1(`command: the line break at ${position(command, lineBreak)} starts a second command, which needs a shell; the command runs without one`, {
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
                throw new errors/* ConfigurationError */.j1(`command: the backslash at ${position(command, i)} ends the command and escapes nothing`, {
                    ...lineAndColumn(command, i),
                    hint: 'Remove it, or write \\\\ for a literal backslash.',
                });
            }
            word += command[i + 1];
            i += 2;
        }
        else if (c === "'") {
            const close = command.indexOf("'", i + 1);
            if (close < 0)
                throw unterminatedQuote(command, i, 'single');
            word += command.slice(i + 1, close);
            i = close + 1;
        }
        else if (c === '"') {
            const [text, next] = readDoubleQuoted(command, i);
            word += text;
            i = next;
        }
        else {
            word += c;
            i++;
        }
    }
    endWord();
    if (words.length === 0) {
        throw new errors/* ConfigurationError */.j1('command: the command is empty', { hint: 'Give the command that trains the model, e.g. `python train.py --epochs 1`.' });
    }
    const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(command.slice(wordStarts[0]));
    if (assignment) {
        const name = assignment[0].slice(0, -1);
        throw new errors/* ConfigurationError */.j1(`command: ${JSON.stringify(words[0])} at ${position(command, wordStarts[0])} sets the environment variable ${name}, which needs a shell; the command runs without one`, {
            ...lineAndColumn(command, wordStarts[0]),
            hint: `Move ${name} to the \`env\` input (one NAME=value per line), or set \`shell: bash\`.`,
        });
    }
    return words;
}
/** The text of a "..." word starting at `open`, and the index after its closing quote. */
function readDoubleQuoted(command, open) {
    let text = '';
    let j = open + 1;
    while (j < command.length) {
        const ch = command[j];
        if (ch === '"')
            return [text, j + 1];
        if (ch === '\\') {
            const next = command[j + 1];
            if (next === '"' || next === '\\' || next === '$' || next === '`') {
                text += next;
                j += 2;
            }
            else if (isLineBreakAt(command, j + 1)) {
                j += next === '\r' ? 3 : 2;
            }
            else {
                text += ch;
                j++;
            }
            continue;
        }
        // A shell runs command substitutions inside double quotes too.
        if (ch === '`' || (ch === '$' && command[j + 1] === '(')) {
            const op = ch === '`' ? '`' : '$(';
            throw new errors/* ConfigurationError */.j1(`command: ${JSON.stringify(op)} at ${position(command, j)} is a command substitution, which needs a shell; the command runs without one`, {
                ...lineAndColumn(command, j),
                hint: `${SHELL_HINT} Inside double quotes, write \\${ch} for a literal ${ch}.`,
            });
        }
        text += ch;
        j++;
    }
    throw unterminatedQuote(command, open, 'double');
}
function unterminatedQuote(command, open, kind) {
    const mark = kind === 'single' ? "'" : '"';
    return new errors/* ConfigurationError */.j1(`command: the ${kind} quote (${mark}) at ${position(command, open)} is never closed`, {
        ...lineAndColumn(command, open),
        hint: `Add the closing ${mark}, or escape the quote as \\${mark} if it is meant literally.`,
    });
}
function isLineBreakAt(text, index) {
    return text[index] === '\n' || (text[index] === '\r' && text[index + 1] === '\n');
}
function lineAndColumn(text, index) {
    const before = text.slice(0, index);
    const line = before.split('\n').length;
    return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}
/** `column 7`, or `line 2, column 7` when the text has several lines. */
function position(text, index) {
    const { line, column } = lineAndColumn(text, index);
    return text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}
/**
 * Multi-line KEY=VALUE (the `env` input). Blank lines and lines starting with # are skipped; the
 * value is everything after the first '=' (kept verbatim, inner and outer spaces included; a
 * trailing \r removed). Leading indentation before KEY is ignored. Duplicate keys: the later wins.
 */
function parseEnvLines(text, inputName = 'env') {
    const out = {};
    const example = 'Write one NAME=value per line, e.g. DATA_DIR=data/train; lines starting with # are comments.';
    text.split('\n').forEach((raw, index) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const where = `input ${inputName}, line ${index + 1}`;
        const trimmed = line.trimStart();
        if (trimmed.trim() === '' || trimmed.startsWith('#'))
            return;
        const eq = trimmed.indexOf('=');
        if (eq < 0) {
            throw new errors/* ConfigurationError */.j1(`${where}: ${JSON.stringify(truncate(trimmed))} has no '='`, { line: index + 1, hint: example });
        }
        const key = trimmed.slice(0, eq);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
            const spaced = key.trim() !== key && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key.trim());
            throw new errors/* ConfigurationError */.j1(`${where}: ${JSON.stringify(key)} is not a valid environment variable name`, {
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
function parseLoggedNumber(text) {
    const t = text.trim();
    if (DECIMAL_NUMBER.test(t))
        return Number(t);
    const special = NON_FINITE_NUMBER.exec(t);
    if (!special)
        return undefined;
    if (special[2].toLowerCase() === 'nan')
        return Number.NaN;
    return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}
/** Keys that give a record's x value, first found wins. */
const STEP_KEYS = ['step', 'epoch', 'iteration'];
/**
 * Bare NaN/Infinity tokens become these strings before JSON.parse and numbers after it. A log's own
 * string could only collide by holding a NUL character followed by the same word.
 */
const NON_FINITE_TOKENS = [
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
function parseStepLog(text, displayName) {
    const series = new Map();
    const rows = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
    const endsWithNewline = text.endsWith('\n');
    let records = 0;
    rows.forEach((raw, index) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '')
            return;
        const lineNumber = index + 1;
        const isCutShort = !endsWithNewline && index === rows.length - 1;
        const record = parseRecord(line, displayName, lineNumber, isCutShort);
        records++;
        const stepKey = STEP_KEYS.find((key) => typeof record[key] === 'number' && Number.isFinite(record[key]));
        const step = stepKey === undefined ? records : record[stepKey];
        const values = new Map();
        for (const [key, value] of Object.entries(record)) {
            // `step` is never a metric: it is the x value, or not a usable one.
            if (key !== stepKey && key !== 'step')
                collectNumbers(value, key, values);
        }
        for (const [name, value] of values)
            appendPoint(series, name, { step, value, line: lineNumber });
    });
    return { series, lines: records };
}
function parseRecord(line, displayName, lineNumber, isCutShort) {
    const hint = 'Write one JSON object per line, e.g. {"step": 10, "loss": 0.41}; bare NaN and Infinity are accepted as Python writes them.';
    let parsed;
    try {
        parsed = restoreNonFinite(JSON.parse(replaceNonFiniteTokens(line)));
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1)
            throw error;
        if (isCutShort) {
            throw new errors/* ConfigurationError */.j1(`the last line is cut short (no line break at its end, and not valid JSON): ${JSON.stringify(truncate(line))}`, {
                file: displayName,
                line: lineNumber,
                hint: 'The log was read while still being written or the script stopped mid-line: flush and close the log before the training command exits.',
            });
        }
        throw new errors/* ConfigurationError */.j1(`not valid JSON: ${JSON.stringify(truncate(line))}`, { file: displayName, line: lineNumber, hint });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
        throw new errors/* ConfigurationError */.j1(`a JSON object was expected, this line holds ${kind}: ${JSON.stringify(truncate(line))}`, { file: displayName, line: lineNumber, hint });
    }
    return parsed;
}
/** Rewrites bare NaN/Infinity/-Infinity outside strings as sentinel strings JSON.parse accepts. */
function replaceNonFiniteTokens(line) {
    if (!line.includes('NaN') && !line.includes('Infinity'))
        return line;
    let out = '';
    let copiedUpTo = 0;
    let inString = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
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
function restoreNonFinite(value) {
    if (typeof value === 'string')
        return SENTINEL_VALUES.has(value) ? SENTINEL_VALUES.get(value) : value;
    if (Array.isArray(value))
        return value.map(restoreNonFinite);
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [key, child] of Object.entries(value)) {
            // A sentinel as a key means a bare token stood where a key belongs: not JSON.
            if (SENTINEL_VALUES.has(key))
                throw new SyntaxError('bare token used as an object key');
            out[key] = restoreNonFinite(child);
        }
        return out;
    }
    return value;
}
function collectNumbers(value, name, out) {
    if (typeof value === 'number') {
        out.set(name, value);
    }
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value))
            collectNumbers(child, `${name}.${key}`, out);
    }
}
function appendPoint(series, name, point) {
    const points = series.get(name);
    if (points)
        points.push(point);
    else
        series.set(name, [point]);
}
/** How many non-numeric captures StdoutMetricMatcher keeps as examples. */
const UNPARSED_KEPT = 10;
/**
 * A user regex (JavaScript syntax, no flags) applied to every stdout line; the first match on a
 * line counts, so `loss: (?<loss>\S+)` does not also pick up `val_loss: ...` further along. Named
 * groups are series; a group `step`, else `epoch`, else `iteration` is the x value, otherwise the
 * number of lines matched so far. Groups that did not take part in a match add no point.
 */
class StdoutMetricMatcher {
    series = new Map();
    /** Lines where a named group matched text that is not a number: the first few, as examples. */
    unparsed = [];
    /** Every non-numeric capture, including those not kept in `unparsed`. */
    unparsedCount = 0;
    regex;
    stepGroup;
    matches = 0;
    constructor(pattern, inputName = 'loss-regex') {
        const example = 'e.g. `loss=(?<loss>\\S+)` or `step (?<step>\\d+) .* loss=(?<loss>\\S+)`';
        try {
            this.regex = new RegExp(pattern);
        }
        catch (error) {
            const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
            throw new errors/* ConfigurationError */.j1(`input ${inputName}: not a valid regular expression: ${reason}`, {
                hint: `Write a JavaScript regular expression whose named groups capture the numbers, ${example}.`,
                cause: error,
            });
        }
        // Matching the empty alternative lists every named group, each undefined.
        const groups = Object.keys(new RegExp(`(?:${pattern})|`).exec('')?.groups ?? {});
        this.stepGroup = STEP_KEYS.find((key) => groups.includes(key));
        if (groups.length === 0) {
            throw new errors/* ConfigurationError */.j1(`input ${inputName}: the regular expression has no named group, so it captures no metric`, {
                hint: `Name each group after the metric it captures, ${example}.`,
            });
        }
        if (groups.every((group) => group === this.stepGroup)) {
            throw new errors/* ConfigurationError */.j1(`input ${inputName}: the only named group is ${JSON.stringify(this.stepGroup)}, the x value, so no metric is captured`, {
                hint: `Add a named group for each metric, ${example}.`,
            });
        }
    }
    /** Feed one line (without newline) with its 1-based line number in the output. */
    addLine(text, lineNumber) {
        const match = this.regex.exec(text);
        if (!match?.groups)
            return;
        this.matches++;
        let step = this.matches;
        if (this.stepGroup !== undefined) {
            const raw = match.groups[this.stepGroup];
            if (raw !== undefined) {
                const parsed = parseLoggedNumber(raw);
                if (parsed !== undefined && Number.isFinite(parsed))
                    step = parsed;
                else
                    this.recordUnparsed(lineNumber, this.stepGroup, raw);
            }
        }
        for (const [group, raw] of Object.entries(match.groups)) {
            if (group === this.stepGroup || raw === undefined)
                continue;
            const value = parseLoggedNumber(raw);
            if (value === undefined)
                this.recordUnparsed(lineNumber, group, raw);
            else
                appendPoint(this.series, group, { step, value, line: lineNumber });
        }
    }
    recordUnparsed(line, group, text) {
        this.unparsedCount++;
        if (this.unparsed.length < UNPARSED_KEPT)
            this.unparsed.push({ line, group, text: truncate(text) });
    }
}
const EXPECTATION = /^([A-Za-z0-9_.\-/:]+)\s*(?:(>=|<=|==|>|<)\s*([^\s<>=!]\S*))?$/;
const EXPECTATION_FORMS = 'Write one expectation per line or separate them with commas: `accuracy >= 0.8`, `val.loss < 0.5`, `epochs == 10`, or a bare name such as `f1` to require that the metric is present. The comparisons are >=, >, <=, < and ==.';
/**
 * The `expect-metrics` input: one expectation per line, or several separated by commas:
 * `accuracy >= 0.8`, `val.loss < 0.5`, `f1` (present only), `epochs == 10`. Metric names use
 * letters, digits and _ . - / : . Blank lines, lines starting with # and a trailing ` # comment`
 * are skipped; empty items between commas too. Bounds may be inf or -inf, never nan.
 */
function parseMetricExpectations(text, inputName = 'expect-metrics') {
    const out = [];
    text.split('\n').forEach((raw, index) => {
        const line = index + 1;
        const where = `input ${inputName}, line ${line}`;
        const content = raw.replace(/(^|\s)#.*$/, '').trim();
        for (const item of content.split(',').map((part) => part.trim())) {
            if (item === '')
                continue;
            const match = EXPECTATION.exec(item);
            if (!match) {
                throw new errors/* ConfigurationError */.j1(`${where}: cannot read ${JSON.stringify(item)}${describeExpectationMistake(item)}`, { line, hint: EXPECTATION_FORMS });
            }
            const [, metric, op, bound] = match;
            if (op === undefined) {
                out.push({ metric: metric, line });
                continue;
            }
            const value = parseLoggedNumber(bound);
            if (value === undefined || Number.isNaN(value)) {
                const why = value === undefined ? 'is not a number' : 'can never compare true';
                throw new errors/* ConfigurationError */.j1(`${where}: ${JSON.stringify(bound)} in ${JSON.stringify(item)} ${why}`, { line, hint: EXPECTATION_FORMS });
            }
            out.push({ metric: metric, op: op, value, line });
        }
    });
    return out;
}
/** A short reason for the commonest mistakes, or ''. */
function describeExpectationMistake(item) {
    if (item.includes('!='))
        return ': != is not supported';
    if (/=>|=</.test(item))
        return ': write >= or <= with the = last';
    if (/(>=|<=|==|>|<)$/.test(item))
        return ': the value is missing';
    const op = /(>=|<=|==|>|<)/.exec(item);
    if (op) {
        const name = item.slice(0, op.index).trim();
        return /^[A-Za-z0-9_.\-/:]+$/.test(name) ? '' : `: ${JSON.stringify(name)} is not a metric name (letters, digits and _ . - / : only)`;
    }
    if (item.includes('='))
        return ': use == for equality';
    if (/^[A-Za-z0-9_.\-/:]+\s+\S/.test(item))
        return ': a comparison is missing between the name and the value';
    return '';
}
function compare(actual, op, bound) {
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
function truncate(text, max = 80) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// EXTERNAL MODULE: ./src/eval/metrics-file.ts
var metrics_file = __webpack_require__(5546);
// EXTERNAL MODULE: ./src/platform/report.ts
var platform_report = __webpack_require__(8809);
;// CONCATENATED MODULE: ./src/training/checks.ts
/**
 * Start and end of a loss series, each the mean of `window` values (fewer when the series is
 * short: at most half of it, at least one), so one noisy step decides neither end.
 */
function lossTrend(points, window) {
    const values = points.map((p) => p.value).filter((v) => Number.isFinite(v));
    if (values.length < 2)
        return undefined;
    const w = Math.max(1, Math.min(window, Math.floor(values.length / 2)));
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const start = mean(values.slice(0, w));
    const end = mean(values.slice(values.length - w));
    const scale = Math.abs(start);
    const decrease = scale === 0 ? (end < start ? Infinity : end > start ? -Infinity : 0) : (start - end) / scale;
    return { start, end, window: w, decrease, points: values.length };
}
/** The first value of a series that is NaN or infinite, with how many there are. */
function firstNonFinite(points) {
    let first;
    let count = 0;
    for (const p of points) {
        if (!Number.isFinite(p.value)) {
            count++;
            first ??= p;
        }
    }
    return first ? { point: first, count } : undefined;
}
/** Equal within `tolerance`, relative to the larger magnitude (absolute below 1). */
function withinTolerance(a, b, tolerance) {
    if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)))
        return true;
    return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}
function seedSpread(values) {
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
    const min = Math.min(...values);
    const max = Math.max(...values);
    // Equal values have no spread, whatever rounding the mean picked up.
    return { n, mean: min === max ? min : mean, std: n > 1 && min !== max ? Math.sqrt(ss / (n - 1)) : 0, min, max, values };
}
/** At most `max` points, evenly spaced, first and last kept. */
function downsample(items, max) {
    if (items.length <= max)
        return [...items];
    const out = [];
    for (let i = 0; i < max; i++)
        out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]);
    return out;
}
/** A Mermaid line chart of the loss series (and the validation loss when logged). */
function lossChart(series, names) {
    const present = names.filter((n) => (series.get(n)?.length ?? 0) >= 2);
    if (present.length === 0)
        return undefined;
    const main = downsample(series.get(present[0]), 60);
    const steps = main.map((p) => p.step);
    const num = (x) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : 0);
    const lines = [];
    const all = [];
    for (const name of present) {
        const points = series.get(name);
        // Each series at the steps of the first one (the nearest logged step at or before it).
        const values = steps.map((step) => {
            let best;
            for (const p of points)
                if (p.step <= step)
                    best = p;
            return (best ?? points[0]).value;
        });
        for (const v of values)
            if (Number.isFinite(v))
                all.push(v);
        lines.push(`  line [${values.map(num).join(', ')}]`);
    }
    if (all.length === 0)
        return undefined;
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 0.01;
    return {
        title: `Loss by step: ${present.join(', ')}`,
        mermaid: [
            'xychart-beta',
            `  title "${present.join(' and ')}"`,
            `  x-axis "step" [${steps.map((s) => `"${s}"`).join(', ')}]`,
            `  y-axis "${present[0]}" ${num(lo - pad)} --> ${num(hi + pad)}`,
            ...lines,
        ].join('\n'),
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/training/process-tree.ts







/**
 * Set in the child's environment with a fresh id per run. Descendants inherit it, so processes
 * that escaped the tree (re-parented to init after their parent died, or moved to their own
 * session with setsid) can still be found and killed.
 */
const RUN_MARKER_VARIABLE = 'MLOPS_TRAIN_CHECK_RUN';
const DEFAULT_SAMPLE_INTERVAL_MS = 250;
/**
 * After the first seconds, sample at most once a second: a long run's tree is settled, and each
 * process's own high-water mark (VmHWM) still catches a peak between samples. Keeps the sampler's
 * own CPU near 1 % of one core.
 */
const SETTLE_MS = 10_000;
const SLOW_SAMPLE_INTERVAL_MS = 1000;
const DEFAULT_KILL_GRACE_MS = 5000;
const DEFAULT_TAIL_LINES = 60;
/** Linux reports CPU times in /proc in USER_HZ, which is 100 on every architecture. */
const MS_PER_TICK = 10;
/** How long to wait for the output pipes to close once every process we can find is gone. */
const CLOSE_WAIT_MS = 2000;
/** A line longer than this (e.g. a progress bar that never ends its line) is cut in the tail. */
const MAX_LINE_CHARS = 4000;
async function runMeasured(options) {
    const tailLines = options.tailLines ?? DEFAULT_TAIL_LINES;
    if (options.signal?.aborted) {
        return { exitCode: null, signal: null, stoppedBy: 'cancel', wallMs: 0, cpuMs: 0, peakMemoryBytes: 0, samples: 0, processesSeen: 0, leftover: 0, tail: [] };
    }
    checkWorkingDirectory(options.cwd);
    const name = options.argv[0];
    if (name === undefined || name === '')
        throw new errors/* ConfigurationError */.j1('no command given', { hint: 'Set the command to run.' });
    const executable = resolveCommand(name, options.env.PATH, options.cwd);
    return new MeasuredRun(options, name, executable, tailLines).run();
}
/**
 * Parses one /proc/<pid>/stat line. The command name sits in parentheses and may itself hold
 * spaces and parentheses, so the fields after it are found from the last ')'.
 */
function parseProcStat(text) {
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return undefined;
    const pid = Number(text.slice(0, open).trim());
    // rest[0] is field 3 (state); field n of proc(5) is rest[n - 3].
    const rest = text.slice(close + 2).trim().split(' ');
    if (!Number.isInteger(pid) || rest.length < 22)
        return undefined;
    const field = (n) => Number(rest[n - 3]);
    return {
        pid,
        comm: text.slice(open + 1, close),
        state: rest[0],
        ppid: field(4),
        pgrp: field(5),
        utime: field(14),
        stime: field(15),
        cutime: field(16),
        cstime: field(17),
        starttime: field(22),
        rss: field(24),
    };
}
function checkWorkingDirectory(cwd) {
    let isDirectory = false;
    try {
        isDirectory = (0,external_node_fs_.statSync)(cwd).isDirectory();
    }
    catch {
        // Missing: reported below like a file in its place.
    }
    if (!isDirectory) {
        throw new errors/* ConfigurationError */.j1(`working directory not found: ${cwd}`, { hint: 'Set working-directory to a folder that exists after checkout (relative to the workspace).' });
    }
}
function classify(file) {
    try {
        if ((0,external_node_fs_.statSync)(file).isDirectory())
            return 'not-executable';
    }
    catch {
        return 'missing';
    }
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
        return 'executable';
    }
    catch {
        return 'not-executable';
    }
}
/** Like execvp: a name with a '/' is a path (relative to cwd), anything else is looked up on PATH. */
function resolveCommand(name, searchPath, cwd) {
    const notExecutable = () => new errors/* ConfigurationError */.j1(`command is not executable: ${name}`, {
        hint: `Make it executable (chmod +x ${name}, and commit the mode with git update-index --chmod=+x) or run it through its interpreter, e.g. python3 train.py.`,
    });
    if (name.includes('/')) {
        const file = external_node_path_default().resolve(cwd, name);
        const kind = classify(file);
        if (kind === 'executable')
            return file;
        if (kind === 'not-executable')
            throw notExecutable();
        throw new errors/* ConfigurationError */.j1(`command not found: ${name}`, { hint: `There is no file ${file}; a relative path is taken from the working directory.` });
    }
    let sawNotExecutable = false;
    for (const folder of (searchPath ?? '').split(':')) {
        // An empty PATH entry means the current directory.
        const file = external_node_path_default().resolve(cwd, folder, name);
        const kind = classify(file);
        if (kind === 'executable')
            return file;
        if (kind === 'not-executable')
            sawNotExecutable = true;
    }
    if (sawNotExecutable)
        throw notExecutable();
    throw new errors/* ConfigurationError */.j1(`command not found: ${name}`, {
        hint: `No folder on PATH holds it. Install it in an earlier step, give its path (e.g. ./${name}), or, if it is a shell builtin, alias or pipeline, run the command through a shell (shell: bash).`,
    });
}
function errnoCode(error) {
    return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
function spawnError(name, error) {
    switch (errnoCode(error)) {
        case 'ENOENT':
            return new errors/* ConfigurationError */.j1(`command could not be started: ${name}`, {
                hint: 'Its #! line names an interpreter that is not installed (or the file disappeared); install the interpreter or run the script through it, e.g. python3 train.py.',
                cause: error,
            });
        case 'EACCES':
            return new errors/* ConfigurationError */.j1(`command is not executable: ${name}`, {
                hint: 'Permission was denied when starting it (or its #! interpreter); chmod +x it or run it through its interpreter, e.g. python3 train.py.',
                cause: error,
            });
        case 'ENOEXEC':
            return new errors/* ConfigurationError */.j1(`command is not a program: ${name}`, {
                hint: 'It is neither a binary nor a script with a #! line; add e.g. #!/usr/bin/env python3 or run it through its interpreter.',
                cause: error,
            });
        default:
            return error instanceof Error ? error : new Error(String(error));
    }
}
const PROC = '/proc';
const AT_PAGESZ = 6;
let cachedPageSize;
/** The page size from the auxiliary vector the kernel gave this process (what getconf PAGESIZE reports). */
function pageSize() {
    if (cachedPageSize !== undefined)
        return cachedPageSize;
    cachedPageSize = 4096;
    try {
        const auxv = (0,external_node_fs_.readFileSync)(`${PROC}/self/auxv`);
        const word = ['arm', 'ia32', 'mips', 'mipsel', 'ppc', 's390'].includes(process.arch) ? 4 : 8;
        const little = (0,external_node_os_.endianness)() === 'LE';
        const read = (offset) => word === 8 ? Number(little ? auxv.readBigUInt64LE(offset) : auxv.readBigUInt64BE(offset)) : little ? auxv.readUInt32LE(offset) : auxv.readUInt32BE(offset);
        for (let offset = 0; offset + 2 * word <= auxv.length; offset += 2 * word) {
            const type = read(offset);
            if (type === 0)
                break;
            if (type === AT_PAGESZ) {
                const value = read(offset + word);
                if (value > 0 && (value & (value - 1)) === 0)
                    cachedPageSize = value;
                break;
            }
        }
    }
    catch {
        // Keep the common default.
    }
    return cachedPageSize;
}
function readStat(pid) {
    try {
        return parseProcStat((0,external_node_fs_.readFileSync)(`${PROC}/${pid}/stat`, 'latin1'));
    }
    catch {
        return undefined;
    }
}
function readProcessTable() {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(PROC);
    }
    catch {
        return [];
    }
    const table = [];
    for (const name of names) {
        const first = name.charCodeAt(0);
        if (first < 48 || first > 57)
            continue;
        const stat = readStat(Number(name));
        if (stat)
            table.push(stat);
    }
    return table;
}
/** The process's own resident high-water mark, in bytes (0 when unknown, e.g. a zombie). */
function readHighWaterMark(pid) {
    try {
        const status = (0,external_node_fs_.readFileSync)(`${PROC}/${pid}/status`, 'latin1');
        const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
        return match ? Number(match[1]) * 1024 : 0;
    }
    catch {
        return 0;
    }
}
function hasMarker(pid, marker) {
    let environ;
    try {
        environ = (0,external_node_fs_.readFileSync)(`${PROC}/${pid}/environ`);
    }
    catch {
        return false;
    }
    for (let at = environ.indexOf(marker); at >= 0; at = environ.indexOf(marker, at + 1)) {
        const end = at + marker.length;
        if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0))
            return true;
    }
    return false;
}
const keyOf = (p) => `${p.pid}:${p.starttime}`;
const isZombie = (p) => p.state === 'Z' || p.state === 'X' || p.state === 'x';
const ticks = (p) => p.utime + p.stime + p.cutime + p.cstime;
function sendSignal(pid, signal) {
    try {
        process.kill(pid, signal);
    }
    catch (error) {
        const code = errnoCode(error);
        if (code !== 'ESRCH' && code !== 'EPERM')
            throw error;
    }
}
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** One run: the child, its sampling and its killing. */
class MeasuredRun {
    options;
    name;
    executable;
    tailLines;
    procAvailable = (0,external_node_fs_.existsSync)(`${PROC}/self/stat`);
    runId = (0,external_node_crypto_.randomUUID)();
    marker;
    sampleIntervalMs;
    killGraceMs;
    child;
    rootPid = 0;
    rootStart = 0;
    /** Every process of the tree seen, by pid:starttime. */
    seen = new Map();
    /** Whether a process (pid:starttime) started after the root carries the marker. */
    markerCache = new Map();
    samples = 0;
    peakRss = 0;
    peakHighWater = 0;
    peakTreeTicks = 0;
    stoppedBy;
    stopping;
    exited = false;
    sampler;
    timeout;
    onAbort = () => this.stop('cancel');
    tail = [];
    partial = { stdout: '', stderr: '' };
    outputError;
    constructor(options, name, executable, tailLines) {
        this.options = options;
        this.name = name;
        this.executable = executable;
        this.tailLines = tailLines;
        this.marker = Buffer.from(`${RUN_MARKER_VARIABLE}=${this.runId}`);
        this.sampleIntervalMs = Math.max(10, options.sampleIntervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS);
        this.killGraceMs = Math.max(0, options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
    }
    async run() {
        const { options } = this;
        // CPU time: the kernel adds a child's user+system time, together with that of every
        // descendant it waited for, to its parent's cutime/cstime when the parent reaps it. So the
        // growth of this process's cutime+cstime across the run is the CPU of the reaped command and
        // all its waited-for descendants. Descendants nobody waited for (orphans, killed leftovers)
        // are missed there; the samples cover them: each sums utime+stime+cutime+cstime over the live
        // tree, which never counts a process twice. The result is the larger of the two. Other
        // children this process reaps during the run would be counted too; runs are not meant to
        // overlap within one process.
        const cpuBefore = this.selfChildTicks();
        const started = performance.now();
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(this.executable, options.argv.slice(1), {
                argv0: this.name,
                cwd: options.cwd,
                env: { ...options.env, [RUN_MARKER_VARIABLE]: this.runId },
                stdio: ['ignore', 'pipe', 'pipe'],
                detached: true,
                shell: false,
            });
        }
        catch (error) {
            throw spawnError(this.name, error);
        }
        this.child = child;
        const closed = new Promise((resolve) => child.once('close', () => resolve()));
        const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
        const failed = new Promise((resolve) => child.once('error', resolve));
        if (child.pid === undefined) {
            const error = await failed;
            child.stdout?.destroy();
            child.stderr?.destroy();
            throw spawnError(this.name, error);
        }
        // After the spawn, 'error' could only come from a failed kill, which we never ask of it.
        child.on('error', () => undefined);
        this.rootPid = child.pid;
        this.attachOutput(child);
        if (this.procAvailable) {
            this.rootStart = readStat(this.rootPid)?.starttime ?? 0;
            this.sample();
            const schedule = () => {
                const interval = performance.now() - started < SETTLE_MS ? this.sampleIntervalMs : Math.max(this.sampleIntervalMs, SLOW_SAMPLE_INTERVAL_MS);
                this.sampler = setTimeout(() => {
                    this.sample();
                    if (this.sampler !== undefined)
                        schedule();
                }, interval);
            };
            schedule();
        }
        if (options.timeoutMs !== undefined)
            this.timeout = setTimeout(() => this.stop('timeout'), Math.max(0, options.timeoutMs));
        options.signal?.addEventListener('abort', this.onAbort, { once: true });
        if (options.signal?.aborted)
            this.stop('cancel');
        const { code, signal } = await exited;
        const wallMs = performance.now() - started;
        const cpuAfter = this.selfChildTicks();
        this.exited = true;
        this.stopWatching();
        let leftover = 0;
        if (this.stopping) {
            await this.stopping;
        }
        else {
            // A process caught in the middle of an exec can show an empty environment for a moment:
            // look twice, 50 ms apart, and count every process either look found.
            const first = this.aliveTree(true);
            await new Promise((resolve) => setTimeout(resolve, 50));
            leftover = new Set([...first, ...this.aliveTree(true)].map(keyOf)).size;
            if (leftover > 0)
                await this.terminate();
        }
        await this.waitForClose(closed);
        this.flushPartial('stdout');
        this.flushPartial('stderr');
        if (this.outputError !== undefined)
            throw this.outputError;
        const cpuTicks = Math.max(cpuAfter - cpuBefore, this.peakTreeTicks);
        return {
            exitCode: code,
            signal,
            ...(this.stoppedBy ? { stoppedBy: this.stoppedBy } : {}),
            wallMs: Math.round(wallMs),
            cpuMs: cpuTicks * MS_PER_TICK,
            peakMemoryBytes: Math.max(this.peakRss, this.peakHighWater),
            samples: this.samples,
            processesSeen: this.seen.size,
            leftover,
            tail: this.tailLines > 0 ? this.tail.slice(-this.tailLines) : [],
        };
    }
    selfChildTicks() {
        const self = this.procAvailable ? readStat('self') : undefined;
        return self ? self.cutime + self.cstime : 0;
    }
    stopWatching() {
        if (this.sampler)
            clearTimeout(this.sampler);
        if (this.timeout)
            clearTimeout(this.timeout);
        this.sampler = undefined;
        this.timeout = undefined;
        this.options.signal?.removeEventListener('abort', this.onAbort);
    }
    async waitForClose(closed) {
        // A process that escaped every way of finding it may still hold the pipes; do not wait forever.
        let timer;
        const late = new Promise((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_WAIT_MS)));
        const outcome = await Promise.race([closed, late]);
        clearTimeout(timer);
        if (outcome === 'late') {
            this.child?.stdout?.destroy();
            this.child?.stderr?.destroy();
            await closed;
        }
    }
    /**
     * The tree in one /proc table: the root, its process group, every process seen before (same pid
     * and start time), every process that carries the run's marker, and all their descendants.
     * `freshMarkers` re-reads the environment of every candidate instead of using the cache.
     */
    treeOf(table, freshMarkers) {
        const members = new Map();
        const children = new Map();
        for (const p of table) {
            if (p.pid === process.pid)
                continue;
            const siblings = children.get(p.ppid);
            if (siblings)
                siblings.push(p);
            else
                children.set(p.ppid, [p]);
            const key = keyOf(p);
            let member = (p.pid === this.rootPid && p.starttime === this.rootStart) || p.pgrp === this.rootPid || this.seen.has(key);
            // The marker only matters for processes that started after the root did.
            if (!member && p.starttime >= this.rootStart) {
                let tagged = freshMarkers ? undefined : this.markerCache.get(key);
                if (tagged === undefined) {
                    tagged = hasMarker(p.pid, this.marker);
                    this.markerCache.set(key, tagged);
                }
                member = tagged;
            }
            if (member)
                members.set(p.pid, p);
        }
        const queue = [...members.values()];
        while (queue.length > 0) {
            const parent = queue.pop();
            for (const child of children.get(parent.pid) ?? []) {
                if (members.has(child.pid))
                    continue;
                members.set(child.pid, child);
                queue.push(child);
            }
        }
        return [...members.values()];
    }
    aliveTree(freshMarkers) {
        if (!this.procAvailable)
            return [];
        return this.treeOf(readProcessTable(), freshMarkers).filter((p) => !isZombie(p));
    }
    sample() {
        if (this.exited)
            return;
        const tree = this.treeOf(readProcessTable(), false);
        const bytesPerPage = pageSize();
        let rss = 0;
        let treeTicks = 0;
        for (const p of tree) {
            this.seen.set(keyOf(p), p);
            // A zombie's own times are still in its stat until its parent reaps it.
            treeTicks += ticks(p);
            if (isZombie(p))
                continue;
            rss += p.rss * bytesPerPage;
            this.peakHighWater = Math.max(this.peakHighWater, readHighWaterMark(p.pid));
        }
        this.samples += 1;
        this.peakRss = Math.max(this.peakRss, rss);
        this.peakTreeTicks = Math.max(this.peakTreeTicks, treeTicks);
        const budget = this.options.maxMemoryBytes;
        if (budget !== undefined && Math.max(this.peakRss, this.peakHighWater) > budget)
            this.stop('memory');
    }
    /** The first reason to stop wins; later ones are ignored. */
    stop(reason) {
        if (this.exited || this.stoppedBy)
            return;
        this.stoppedBy = reason;
        this.stopWatching();
        this.stopping = this.terminate();
        // Awaited once the main process exits; this only keeps an early failure from counting as unhandled.
        this.stopping.catch(() => undefined);
    }
    signalTree(signal) {
        // The group first: it reaches processes we have not sampled yet, and it needs no /proc.
        if (this.rootPid > 0)
            sendSignal(-this.rootPid, signal);
        for (const p of this.aliveTree(true))
            sendSignal(p.pid, signal);
    }
    /** SIGTERM to the tree, then SIGKILL to whatever is still alive after the grace period. */
    async terminate() {
        this.signalTree('SIGTERM');
        const deadline = performance.now() + this.killGraceMs;
        for (;;) {
            const remaining = deadline - performance.now();
            if (remaining <= 0)
                break;
            await delay(Math.min(50, remaining));
            if (this.exited && this.aliveTree(true).length === 0)
                return;
        }
        this.signalTree('SIGKILL');
    }
    attachOutput(child) {
        for (const stream of ['stdout', 'stderr']) {
            const source = child[stream];
            if (!source)
                continue;
            const decoder = new external_node_string_decoder_.StringDecoder('utf8');
            source.on('data', (chunk) => this.deliver(decoder.write(chunk), stream));
            source.on('end', () => {
                this.deliver(decoder.end(), stream);
                this.flushPartial(stream);
            });
        }
    }
    flushPartial(stream) {
        if (this.partial[stream] !== '')
            this.pushLine(this.partial[stream]);
        this.partial[stream] = '';
    }
    deliver(text, stream) {
        if (text === '')
            return;
        if (this.options.onOutput && this.outputError === undefined) {
            try {
                this.options.onOutput(text, stream);
            }
            catch (error) {
                this.outputError = error;
            }
        }
        const lines = (this.partial[stream] + text).split('\n');
        let partial = lines.pop();
        for (const line of lines)
            this.pushLine(line);
        // A progress bar redraws its line after '\r' without ever ending it; keep only the last draw.
        const redraw = partial.lastIndexOf('\r', partial.length - 2);
        if (redraw >= 0)
            partial = partial.slice(redraw + 1);
        this.partial[stream] = partial.length > MAX_LINE_CHARS * 2 ? partial.slice(0, MAX_LINE_CHARS * 2) : partial;
    }
    pushLine(raw) {
        const draws = raw.split('\r').filter((part) => part !== '');
        let line = draws[draws.length - 1] ?? '';
        if (line.length > MAX_LINE_CHARS)
            line = `${line.slice(0, MAX_LINE_CHARS)}…`;
        this.tail.push(line);
        if (this.tail.length > 2 * this.tailLines + 100)
            this.tail.splice(0, this.tail.length - this.tailLines);
    }
}

;// CONCATENATED MODULE: ./src/training/train-check.ts









const MiB = 1024 * 1024;
async function runTrainCheck(options) {
    const startedAt = options.startedAt ?? new Date();
    const findings = new platform_report.FindingCollector();
    const plan = planRuns(options.seeds, options.repeat);
    const runs = [];
    let cancelled = false;
    const many = plan.length > 1;
    for (const [index, planned] of plan.entries()) {
        if (options.signal?.aborted) {
            cancelled = true;
            break;
        }
        const record = await runOnce(options, planned, index, plan.length);
        runs.push(record);
        const where = many ? ` (${record.label})` : '';
        judgeProcess(record.result, options, findings, where);
        if (record.result.stoppedBy === 'cancel') {
            cancelled = true;
            break;
        }
        if (record.result.exitCode !== 0)
            break;
    }
    const last = runs.at(-1);
    const succeeded = last !== undefined && last.result.exitCode === 0 && !last.result.stoppedBy;
    let loss;
    if (last && succeeded) {
        loss = judgeLoss(last, options, findings);
        judgeExpectations(last.metrics, options, findings);
        await judgeOutputs(options, findings);
    }
    const reproducibility = succeeded ? compareRepeats(runs, options, findings) : undefined;
    const variance = succeeded && runs.length === plan.length ? measureVariance(runs, options.seeds) : undefined;
    const peakMemoryMb = Math.max(0, ...runs.map((r) => r.result.peakMemoryBytes)) / MiB;
    const durationSeconds = runs.reduce((a, r) => a + r.result.wallMs, 0) / 1000;
    const cpuSeconds = runs.reduce((a, r) => a + r.result.cpuMs, 0) / 1000;
    const metrics = last?.metrics ?? {};
    const tables = [runsTable(runs, options), budgetsTable(runs, options)];
    const metricsRows = metricsTable(metrics, options.expectations);
    if (metricsRows)
        tables.push(metricsRows);
    if (reproducibility)
        tables.push(reproducibilityTable(runs, options));
    if (variance)
        tables.push(varianceTable(variance));
    const charts = [];
    const chart = last ? lossChart(last.series, [options.lossMetric, `val_${options.lossMetric}`]) : undefined;
    if (chart)
        charts.push(chart);
    const excerpts = [];
    if (last && !succeeded && last.result.tail.length > 0) {
        excerpts.push({ title: `Last ${last.result.tail.length} lines of output${many ? ` (${last.label})` : ''}`, text: last.result.tail.join('\n') });
    }
    const verdict = cancelled ? 'error' : findings.counts.error > 0 ? 'fail' : 'pass';
    const details = {
        command: options.commandText,
        smoke: options.smoke,
        runs: runs.map((r) => ({
            label: r.label,
            seed: r.seed,
            exitCode: r.result.exitCode,
            signal: r.result.signal,
            stoppedBy: r.result.stoppedBy,
            wallSeconds: r.result.wallMs / 1000,
            cpuSeconds: r.result.cpuMs / 1000,
            peakMemoryMb: r.result.peakMemoryBytes / MiB,
            metrics: r.metrics,
        })),
        metrics,
        durationSeconds,
        peakMemoryMb,
        cpuSeconds,
        loss,
        reproducibility,
        variance,
        cancelled,
    };
    const report = (0,platform_report.buildReport)({
        action: 'train-check',
        title: `train-check${options.smoke.smoke ? ' (smoke)' : ''}`,
        verdict,
        headline: headline(verdict, runs, findings, durationSeconds, peakMemoryMb, loss, cancelled),
        startedAt,
        findings,
        tables,
        charts,
        excerpts,
        details: details,
    });
    return { report, details, variance };
}
/**
 * The other seeds first, then the primary seed's runs, so the files left behind and the metrics
 * reported are the primary run's.
 */
function planRuns(seeds, repeat) {
    const [primary, ...others] = seeds;
    const out = others.map((seed) => ({ seed, label: `seed ${seed}` }));
    for (let i = 1; i <= repeat; i++)
        out.push({ seed: primary, label: repeat > 1 ? `seed ${primary}, run ${i}` : `seed ${primary}` });
    return out;
}
async function runOnce(options, planned, index, total) {
    const { logger } = options;
    await (0,promises_.mkdir)(options.outputDir.path, { recursive: true });
    const env = {
        ...options.env,
        MLOPS_SMOKE: options.smoke.smoke ? '1' : '0',
        MLOPS_SAMPLE_FRACTION: String(options.smoke.smoke ? options.smoke.sampleFraction : 1),
        MLOPS_SEED: String(planned.seed),
        MLOPS_OUTPUT_DIR: options.outputDir.path,
    };
    if (options.smoke.smoke && options.smoke.maxSteps !== undefined)
        env.MLOPS_MAX_STEPS = String(options.smoke.maxSteps);
    else
        delete env.MLOPS_MAX_STEPS;
    const matcher = options.lossRegex ? new StdoutMetricMatcher(options.lossRegex, 'loss-regex') : undefined;
    let partial = '';
    let lineNumber = 0;
    const feed = (text) => {
        if (!matcher)
            return;
        const parts = (partial + text).split('\n');
        partial = parts.pop();
        for (const line of parts)
            matcher.addLine(line.replace(/\r$/, ''), ++lineNumber);
    };
    logger.startGroup(`train-check${total > 1 ? ` run ${index + 1}/${total}` : ''}: ${options.commandText} (${options.smoke.smoke ? 'smoke, ' : ''}MLOPS_SEED=${planned.seed})`);
    const runStart = Date.now();
    let result;
    try {
        result = await (options.runCommand ?? runMeasured)({
            argv: options.argv,
            cwd: options.cwd,
            env,
            timeoutMs: options.timeoutMs,
            maxMemoryBytes: options.maxMemoryBytes,
            signal: options.signal,
            onOutput: (text, stream) => {
                logger.output(text);
                if (stream === 'stdout')
                    feed(text);
            },
        });
    }
    finally {
        logger.endGroup();
    }
    if (matcher && partial !== '')
        matcher.addLine(partial.replace(/\r$/, ''), ++lineNumber);
    const finished = result.exitCode === 0 && !result.stoppedBy;
    let metrics = {};
    let series = new Map();
    let seriesSource = 'none';
    if (finished) {
        const stepLog = await readIfFresh(options.stepLog, runStart, 'step log');
        if (stepLog !== undefined) {
            series = parseStepLog(stepLog, options.stepLog.display).series;
            seriesSource = 'step-log';
        }
        if (matcher && matcher.series.size > 0) {
            for (const [name, points] of matcher.series)
                if (!series.has(name))
                    series.set(name, points);
            if (seriesSource === 'none')
                seriesSource = 'stdout';
        }
        for (const [name, points] of series) {
            const lastPoint = points.at(-1);
            if (lastPoint && name !== 'step' && name !== 'epoch' && name !== 'iteration')
                metrics[name] = lastPoint.value;
        }
        if ((await readIfFresh(options.metricsFile, runStart, 'metrics file')) !== undefined) {
            metrics = { ...metrics, ...(await (0,metrics_file/* readMetricsFile */._)(options.metricsFile.path, options.metricsFile.display)) };
        }
    }
    const files = finished ? await hashProducedFiles(options) : new Map();
    return { label: planned.label, seed: planned.seed, result, metrics, series, seriesSource, files };
}
/**
 * A produced file's text, when this run wrote it. Missing: an error when the user named the file,
 * nothing when it was only the default place. Older than the run: an error (it would be the
 * previous run's numbers).
 */
async function readIfFresh(file, runStart, what) {
    const info = await (0,promises_.stat)(file.path).catch(() => undefined);
    if (!info) {
        if (!file.explicit)
            return undefined;
        throw new errors/* ConfigurationError */.j1(`the command finished but wrote no ${what}`, {
            file: file.display,
            hint: `Write it from the training script (the contract: $MLOPS_OUTPUT_DIR is the output folder), or fix the ${what === 'step log' ? 'step-log' : 'metrics-file'} input; paths are relative to working-directory.`,
        });
    }
    // File systems keep mtimes to a second or better; allow for a coarse one.
    if (info.mtimeMs < runStart - 2000) {
        throw new errors/* ConfigurationError */.j1(`the ${what} was not written by this run (last modified ${new Date(info.mtimeMs).toISOString()})`, {
            file: file.display,
            hint: 'It is left from an earlier run: make the training script write it on every run, or point the input at the file it writes.',
        });
    }
    return (0,promises_.readFile)(file.path, 'utf8');
}
function judgeProcess(result, options, findings, where) {
    const minutes = (ms) => `${Number((ms / 60_000).toPrecision(3))} min`;
    if (result.stoppedBy === 'timeout') {
        findings.add({ severity: 'error', rule: 'timeout', message: `The command did not finish within timeout-minutes (${minutes(options.timeoutMs)}); it was stopped with its child processes${where}.` });
    }
    else if (result.stoppedBy === 'memory') {
        findings.add({
            severity: 'error',
            rule: 'memory-budget',
            message: `The command's processes used ${mib(result.peakMemoryBytes)} MiB, over max-memory-mb (${mib(options.maxMemoryBytes)} MiB); it was stopped${where}.`,
        });
    }
    else if (result.stoppedBy === 'cancel') {
        findings.add({ severity: 'error', rule: 'cancelled', message: `The run was cancelled; the command was stopped with its child processes${where}.` });
    }
    else if (result.exitCode !== 0) {
        findings.add({
            severity: 'error',
            rule: 'exit-code',
            message: result.exitCode === null
                ? `The command was killed by ${result.signal}${result.signal === 'SIGKILL' ? ' (out of memory?)' : ''}${where}.`
                : `The command exited with code ${result.exitCode}${where}; the last lines of its output are in the summary.`,
        });
    }
    if (!result.stoppedBy) {
        if (options.maxDurationMs !== undefined && result.wallMs > options.maxDurationMs) {
            findings.add({ severity: 'error', rule: 'time-budget', message: `The command took ${minutes(result.wallMs)}, over max-duration-minutes (${minutes(options.maxDurationMs)})${where}.` });
        }
        if (options.maxMemoryBytes !== undefined && result.peakMemoryBytes > options.maxMemoryBytes) {
            findings.add({ severity: 'error', rule: 'memory-budget', message: `Peak memory ${mib(result.peakMemoryBytes)} MiB is over max-memory-mb (${mib(options.maxMemoryBytes)} MiB)${where}.` });
        }
    }
    if (result.leftover > 0) {
        findings.add({
            severity: 'warning',
            rule: 'leftover-processes',
            message: `The command left ${result.leftover} process${result.leftover === 1 ? '' : 'es'} running after it exited; ${result.leftover === 1 ? 'it was' : 'they were'} stopped${where}. Wait for child processes (e.g. join data-loader workers) before exiting.`,
        });
    }
}
function judgeLoss(run, options, findings) {
    const file = run.seriesSource === 'step-log' ? options.stepLog.display : undefined;
    for (const [name, points] of run.series) {
        const bad = firstNonFinite(points);
        if (!bad)
            continue;
        findings.add({
            severity: 'error',
            rule: 'finite',
            subject: name,
            file,
            line: file ? bad.point.line : undefined,
            value: String(bad.point.value),
            message: `${name} is ${bad.point.value} at step ${bad.point.step}${bad.count > 1 ? ` (${bad.count} values are not finite)` : ''}${file ? '' : ` (output line ${bad.point.line})`}: training diverged or divided by zero. Lower the learning rate, clip gradients, or check the data for NaN.`,
        });
    }
    const points = run.series.get(options.lossMetric);
    if (!points) {
        const source = run.seriesSource === 'none' ? 'the run logged no metric per step' : `${options.lossMetric} is not among the logged series (${[...run.series.keys()].join(', ')})`;
        findings.add({
            severity: run.seriesSource === 'none' ? 'notice' : 'warning',
            rule: 'loss-missing',
            subject: options.lossMetric,
            message: `No loss curve to check: ${source}. Write ${options.stepLog.display} (one JSON object per step) or set loss-regex, and loss-metric.`,
        });
        return undefined;
    }
    const trend = lossTrend(points, options.lossWindow);
    if (!trend) {
        findings.add({ severity: 'warning', rule: 'loss-decrease', subject: options.lossMetric, message: `${options.lossMetric} has fewer than two finite values: whether it fell cannot be told.` });
        return undefined;
    }
    const pct = (x) => `${Number((x * 100).toPrecision(3))} %`;
    if (!(trend.decrease > 0) || trend.decrease < options.minLossDecrease) {
        const what = trend.window > 1 ? `mean of the first ${trend.window} ${fmt(trend.start)} → last ${trend.window} ${fmt(trend.end)}` : `${fmt(trend.start)} → ${fmt(trend.end)}`;
        findings.add({
            severity: 'error',
            rule: 'loss-decrease',
            subject: options.lossMetric,
            file,
            value: fmt(trend.end),
            message: `${options.lossMetric} did not fall enough: ${what} (${trend.decrease > 0 ? 'down' : 'change'} ${pct(trend.decrease > 0 ? trend.decrease : -trend.decrease)}${trend.decrease > 0 ? '' : ' up or flat'}), at least ${pct(options.minLossDecrease)} needed (min-loss-decrease). Check the learning rate, the labels and that the optimizer steps.`,
        });
    }
    return { metric: options.lossMetric, ...trend };
}
async function judgeOutputs(options, findings) {
    for (const pattern of options.outputs) {
        const matched = await options.expandOutput(pattern);
        if (matched.length === 0) {
            findings.add({ severity: 'error', rule: 'output-missing', subject: pattern, message: `Expected output ${pattern} was not written by the command (relative to the working directory).` });
            continue;
        }
        for (const file of matched) {
            const info = await (0,promises_.stat)(file);
            const empty = info.isDirectory() ? (await (0,promises_.readdir)(file)).length === 0 : info.size === 0;
            if (empty)
                findings.add({ severity: 'error', rule: 'output-empty', subject: pattern, file: options.display(file), message: `Output ${options.display(file)} is empty${info.isDirectory() ? ' (a folder with no files)' : ' (0 bytes)'}.` });
        }
    }
}
function judgeExpectations(metrics, options, findings) {
    for (const e of options.expectations) {
        const value = metrics[e.metric];
        if (value === undefined) {
            const known = Object.keys(metrics);
            findings.add({
                severity: 'error',
                rule: 'metric-missing',
                subject: e.metric,
                message: `Metric ${e.metric} (${options.expectationsInput}, line ${e.line}) was not reported; ${known.length > 0 ? `the run reported ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}` : 'the run reported no metric'}.`,
            });
        }
        else if (e.op !== undefined && e.value !== undefined && !compare(value, e.op, e.value)) {
            findings.add({ severity: 'error', rule: 'metric-bound', subject: e.metric, value: fmt(value), message: `${e.metric} is ${fmt(value)}, expected ${e.op} ${fmt(e.value)} (${options.expectationsInput}, line ${e.line}).` });
        }
    }
}
function compareRepeats(runs, options, findings) {
    const primary = runs.filter((r) => r.seed === options.seeds[0]);
    if (options.repeat < 2 || primary.length < 2)
        return undefined;
    const [a, b] = [primary[0], primary[1]];
    const differences = [];
    for (const name of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
        const x = a.metrics[name];
        const y = b.metrics[name];
        if (x === undefined || y === undefined || !withinTolerance(x, y, options.repeatTolerance)) {
            differences.push({ item: `metric ${name}`, first: x === undefined ? 'missing' : fmt(x, 10), second: y === undefined ? 'missing' : fmt(y, 10) });
        }
    }
    for (const name of new Set([...a.files.keys(), ...b.files.keys()])) {
        const x = a.files.get(name);
        const y = b.files.get(name);
        if (x !== y)
            differences.push({ item: `file ${name}`, first: x ? `sha256 ${x.slice(0, 12)}` : 'missing', second: y ? `sha256 ${y.slice(0, 12)}` : 'missing' });
    }
    for (const d of differences) {
        findings.add({
            severity: 'error',
            rule: 'reproducible',
            subject: d.item,
            message: `Not reproducible with MLOPS_SEED=${a.seed}: ${d.item} differs between two runs (${d.first} vs ${d.second}). Seed every source of randomness (random, numpy, the framework, data shuffling) from MLOPS_SEED${d.item.startsWith('file') ? ', and keep timestamps out of saved files' : ''}.`,
        });
    }
    return { runs: primary.length, identical: differences.length === 0, differences };
}
function measureVariance(runs, seeds) {
    if (seeds.length < 2)
        return undefined;
    const bySeed = new Map();
    for (const r of runs)
        if (!bySeed.has(r.seed))
            bySeed.set(r.seed, r.metrics);
    const names = new Set();
    for (const m of bySeed.values())
        for (const k of Object.keys(m))
            names.add(k);
    const metrics = {};
    for (const name of [...names].sort()) {
        const values = seeds.map((s) => bySeed.get(s)?.[name]).filter((v) => v !== undefined && Number.isFinite(v));
        if (values.length === seeds.length)
            metrics[name] = seedSpread(values);
    }
    return { kind: 'mlops-actions/training-variance', version: 1, seeds, metrics };
}
/** sha256 of every file the run produced: the expected outputs and the output folder, less the logs. */
async function hashProducedFiles(options) {
    const skip = new Set([options.metricsFile.path, options.stepLog.path]);
    const roots = new Set([options.outputDir.path]);
    for (const pattern of options.outputs)
        for (const m of await options.expandOutput(pattern))
            roots.add(m);
    const files = new Set();
    for (const root of roots)
        for (const f of await listFiles(root))
            if (!skip.has(f))
                files.add(f);
    const out = new Map();
    for (const f of [...files].sort())
        out.set(options.display(f), (await (0,platform_files/* sha256File */.Q)(f)).sha256);
    return out;
}
async function listFiles(root) {
    const info = await (0,promises_.stat)(root).catch(() => undefined);
    if (!info)
        return [];
    if (!info.isDirectory())
        return [root];
    const out = [];
    for (const entry of await (0,promises_.readdir)(root, { withFileTypes: true })) {
        const full = external_node_path_default().join(root, entry.name);
        if (entry.isDirectory())
            out.push(...(await listFiles(full)));
        else if (entry.isFile())
            out.push(full);
    }
    return out;
}
function runsTable(runs, options) {
    return {
        title: 'Runs',
        columns: ['run', 'MLOPS_SEED', 'exit', 'wall time (s)', 'CPU time (s)', 'peak memory (MiB)', 'processes'],
        rows: runs.map((r) => [
            r.label,
            r.seed,
            r.result.stoppedBy ? `stopped (${r.result.stoppedBy})` : r.result.exitCode === null ? `signal ${r.result.signal}` : r.result.exitCode,
            round(r.result.wallMs / 1000),
            round(r.result.cpuMs / 1000),
            round(r.result.peakMemoryBytes / MiB),
            r.result.processesSeen,
        ]),
        note: `Command: ${options.commandText}. ${options.smoke.smoke ? `Smoke mode: MLOPS_SMOKE=1, MLOPS_SAMPLE_FRACTION=${options.smoke.sampleFraction}${options.smoke.maxSteps !== undefined ? `, MLOPS_MAX_STEPS=${options.smoke.maxSteps}` : ''}.` : 'Full run: MLOPS_SMOKE=0.'} Memory is the resident memory of the whole process tree, sampled, and each process's own high-water mark.`,
    };
}
function budgetsTable(runs, options) {
    const wall = Math.max(0, ...runs.map((r) => r.result.wallMs));
    const memory = Math.max(0, ...runs.map((r) => r.result.peakMemoryBytes));
    const status = (used, allowed) => (allowed === undefined ? '—' : used <= allowed ? '✅ within' : '❌ over');
    const rows = [
        ['wall time (s)', round(wall / 1000), options.maxDurationMs === undefined ? null : round(options.maxDurationMs / 1000), status(wall, options.maxDurationMs)],
        ['peak memory (MiB)', round(memory / MiB), options.maxMemoryBytes === undefined ? null : round(options.maxMemoryBytes / MiB), status(memory, options.maxMemoryBytes)],
    ];
    if (options.timeoutMs !== undefined)
        rows.push(['timeout (s)', round(wall / 1000), round(options.timeoutMs / 1000), runs.some((r) => r.result.stoppedBy === 'timeout') ? '❌ stopped' : '✅ within']);
    return { title: 'Budgets', columns: ['resource', runs.length > 1 ? 'used (largest run)' : 'used', 'allowed', 'status'], rows };
}
function metricsTable(metrics, expectations) {
    const names = Object.keys(metrics);
    const expected = new Map(expectations.map((e) => [e.metric, e]));
    for (const e of expectations)
        if (!(e.metric in metrics))
            names.push(e.metric);
    if (names.length === 0)
        return undefined;
    const rows = names.slice(0, 200).map((name) => {
        const e = expected.get(name);
        const value = metrics[name];
        const rule = e ? (e.op ? `${e.op} ${fmt(e.value)}` : 'present') : '';
        const ok = value === undefined ? '❌ missing' : e?.op && e.value !== undefined ? (compare(value, e.op, e.value) ? '✅' : '❌') : e ? '✅' : '';
        return [name, value === undefined ? null : fmt(value, 6), rule, ok];
    });
    return { title: 'Metrics', columns: ['metric', 'value', 'expected', ''], rows, note: names.length > 200 ? `${names.length - 200} more in the JSON report.` : undefined };
}
function reproducibilityTable(runs, options) {
    const primary = runs.filter((r) => r.seed === options.seeds[0]);
    const [a, b] = [primary[0], primary[1]];
    const rows = [];
    for (const name of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
        const x = a.metrics[name];
        const y = b.metrics[name];
        const same = x !== undefined && y !== undefined && withinTolerance(x, y, options.repeatTolerance);
        rows.push([`metric ${name}`, x === undefined ? null : fmt(x, 10), y === undefined ? null : fmt(y, 10), same ? '✅ same' : '❌ differs']);
    }
    for (const name of new Set([...a.files.keys(), ...b.files.keys()])) {
        const x = a.files.get(name);
        const y = b.files.get(name);
        rows.push([`file ${name}`, x ? x.slice(0, 12) : null, y ? y.slice(0, 12) : null, x === y ? '✅ same' : '❌ differs']);
    }
    return {
        title: 'Reproducibility',
        columns: ['item', 'run 1', 'run 2', ''],
        rows,
        note: `Two runs with MLOPS_SEED=${a.seed}: metrics equal within a relative tolerance of ${options.repeatTolerance}, files byte for byte (sha256).`,
    };
}
function varianceTable(variance) {
    return {
        title: 'Variance across seeds',
        columns: ['metric', 'mean', 'std', 'min', 'max', ...variance.seeds.map((s) => `seed ${s}`)],
        rows: Object.entries(variance.metrics).map(([name, s]) => [name, fmt(s.mean, 6), fmt(s.std, 4), fmt(s.min, 6), fmt(s.max, 6), ...s.values.map((v) => fmt(v, 6))]),
        note: 'std is the sample standard deviation over seeds: the noise of training itself. Give the variance file to evaluate-metrics-gate as training-noise.',
    };
}
function headline(verdict, runs, findings, seconds, memoryMb, loss, cancelled) {
    if (cancelled)
        return 'Cancelled: the training command was stopped with its child processes.';
    const what = `${runs.length} run${runs.length === 1 ? '' : 's'} in ${round(seconds)} s, peak memory ${round(memoryMb)} MiB`;
    const lossText = loss ? `; ${loss.metric} ${fmt(loss.start)} → ${fmt(loss.end)}` : '';
    if (verdict === 'pass')
        return `Training ran and passed every check: ${what}${lossText}.`;
    const first = findings.kept.find((f) => f.severity === 'error');
    return `${findings.counts.error} check${findings.counts.error === 1 ? '' : 's'} failed${first ? ` (first: ${first.rule})` : ''}: ${what}${lossText}.`;
}
function mib(bytes) {
    return Math.round(bytes / MiB);
}
function round(x) {
    return Number(x.toFixed(x >= 100 ? 0 : 2));
}
function fmt(x, digits = 4) {
    if (!Number.isFinite(x))
        return String(x);
    return String(Number(x.toPrecision(digits)));
}

;// CONCATENATED MODULE: ./src/actions/train-check.ts









const optionalNumber = (name, what, integer = false) => (0,platform_inputs/* numberInput */.QR)(name, { min: Number.MIN_VALUE, max: Number.MAX_SAFE_INTEGER, integer, what }).optional();
const trainCheckInputs = schemas/* object */.Ikc({
    command: schemas/* string */.YjP().describe('The training command, e.g. `python train.py --epochs 5`. Run without a shell (quotes work, pipes and $VARS do not) unless shell is set.'),
    shell: (0,platform_inputs/* choiceInput */.ij)('shell', ['none', 'bash', 'sh']).prefault('none').describe('none: run the command directly; bash or sh: run it as a script of that shell (bash with -eo pipefail).'),
    'working-directory': schemas/* string */.YjP().prefault('.').describe('Folder to run the command in, relative to the workspace; the paths below are relative to it.'),
    env: schemas/* string */.YjP().optional().describe('Extra environment variables, one KEY=VALUE per line.'),
    'timeout-minutes': optionalNumber('timeout-minutes', 'a positive number of minutes').describe('Stop the command and its child processes after this long (each run).'),
    smoke: (0,platform_inputs/* choiceInput */.ij)('smoke', ['auto', 'true', 'false'])
        .prefault('auto')
        .describe('Smoke mode (MLOPS_SMOKE=1, a sample of the data, few steps): auto turns it on for pull-request events.'),
    'sample-fraction': (0,platform_inputs/* numberInput */.QR)('sample-fraction', { min: Number.MIN_VALUE, max: 1, integer: false, what: 'a fraction above 0 and at most 1' })
        .prefault('0.1')
        .describe('MLOPS_SAMPLE_FRACTION in smoke mode (1 in a full run).'),
    'max-steps': (0,platform_inputs/* numberInput */.QR)('max-steps', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' })
        .prefault('100')
        .describe('MLOPS_MAX_STEPS in smoke mode (not set in a full run).'),
    seed: (0,platform_inputs/* numberInput */.QR)('seed', { min: 0, max: 2 ** 32 - 1, integer: true, what: 'a whole number from 0 to 4294967295' }).prefault('0').describe('MLOPS_SEED of the run.'),
    seeds: schemas/* string */.YjP().optional().describe('Several seeds, e.g. `1,2,3`: one run each, and the mean ± std of every metric (the variance file). The first is the main run.'),
    repeat: (0,platform_inputs/* numberInput */.QR)('repeat', { min: 1, max: 10, integer: true, what: 'a whole number from 1 to 10' })
        .prefault('1')
        .describe('Runs with the same seed: 2 or more checks that metrics and output files come out the same.'),
    'repeat-tolerance': (0,platform_inputs/* numberInput */.QR)('repeat-tolerance', { min: 0, max: 1, integer: false, what: 'a number from 0 to 1' })
        .prefault('1e-9')
        .describe('Relative difference allowed between the metrics of repeated runs.'),
    'output-dir': schemas/* string */.YjP().prefault('train-output').describe('MLOPS_OUTPUT_DIR: where the command writes its model, metrics.json and steps.jsonl.'),
    'metrics-file': schemas/* string */.YjP().optional().describe('Metrics the command writes (JSON or YAML, nested keys joined with dots; DVC-style). Default: metrics.json in output-dir, when written.'),
    'step-log': schemas/* string */.YjP().optional().describe('Per-step log, one JSON object per line such as {"step": 10, "loss": 0.41}. Default: steps.jsonl in output-dir, when written.'),
    'loss-regex': schemas/* string */.YjP().optional().describe('Or read per-step values from stdout with a regex of named groups, e.g. `step (?<step>\\d+) loss=(?<loss>\\S+)`.'),
    'loss-metric': schemas/* string */.YjP().prefault('loss').describe('The logged series that must fall.'),
    'min-loss-decrease': (0,platform_inputs/* numberInput */.QR)('min-loss-decrease', { min: 0, max: 1, integer: false, what: 'a fraction from 0 to 1' })
        .prefault('0.01')
        .describe('The loss must fall by at least this fraction from the start to the end of the run.'),
    'loss-window': (0,platform_inputs/* numberInput */.QR)('loss-window', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' })
        .prefault('5')
        .describe('Steps averaged at each end of the loss curve (at most half of the steps).'),
    'max-duration-minutes': optionalNumber('max-duration-minutes', 'a positive number of minutes').describe('Budget: wall time of a run.'),
    'max-memory-mb': optionalNumber('max-memory-mb', 'a positive number of MiB').describe('Budget: peak memory of the process tree; the command is stopped when it goes over.'),
    outputs: schemas/* string */.YjP().optional().describe('Files or folders (or globs) the command must write, one per line; each must exist and not be empty.'),
    'expect-metrics': schemas/* string */.YjP().optional().describe('Metrics that must be reported, one per line, with optional bounds: `accuracy >= 0.8`, `loss < 0.5`, `f1`.'),
    'variance-path': schemas/* string */.YjP().prefault('mlops-reports/train-variance.json').describe('Where to write the variance across seeds (with seeds), relative to the workspace.'),
    'cache-paths': schemas/* string */.YjP().optional().describe('Paths to restore from the Actions cache before the run and save after a passing one (datasets, pip or model caches), one per line.'),
    'cache-key': schemas/* string */.YjP().optional().describe('The cache key, e.g. `data-v1-<hash of the data files>`.'),
    'cache-restore-keys': schemas/* string */.YjP().optional().describe('Prefixes to fall back on when the key has no entry, one per line.'),
    ...(0,reporting/* reportingInputs */.O)('train-check'),
});
const trainCheckAction = {
    name: 'train-check',
    inputs: trainCheckInputs,
    cancellable: true,
    async run(inputs, context) {
        const { workspace, logger } = context;
        const startedAt = new Date();
        const cwd = workspace.resolve(inputs['working-directory']);
        const cwdInfo = await (0,promises_.stat)(cwd).catch(() => undefined);
        if (!cwdInfo?.isDirectory()) {
            throw new errors/* ConfigurationError */.j1(`input working-directory: ${inputs['working-directory']} is not a folder in the workspace`, { hint: 'Give a path relative to the repository root, e.g. `training`.' });
        }
        const argv = commandArgv(inputs.command, inputs.shell);
        const env = { ...(context.commandEnv ?? {}), ...(inputs.env ? parseEnvLines(inputs.env, 'env') : {}) };
        if (inputs['loss-regex'])
            new StdoutMetricMatcher(inputs['loss-regex'], 'loss-regex'); // compiles, or a clear error before anything runs
        const expectations = inputs['expect-metrics'] ? parseMetricExpectations(inputs['expect-metrics'], 'expect-metrics') : [];
        const seeds = inputs.seeds ? parseSeeds(inputs.seeds) : [inputs.seed];
        const smoke = inputs.smoke === 'auto' ? isPullRequestEvent(context.run.eventName) : inputs.smoke === 'true';
        const inCwd = (p) => external_node_path_default().resolve(cwd, p);
        const outputDirPath = inCwd(inputs['output-dir']);
        const produced = (given, fallback) => {
            const absolute = given ? inCwd(given) : external_node_path_default().join(outputDirPath, fallback);
            return { path: absolute, display: workspace.display(absolute), explicit: given !== undefined };
        };
        const cachePaths = inputs['cache-paths'] ? (0,platform_inputs/* splitLines */.uz)(inputs['cache-paths']) : [];
        const cacheKey = inputs['cache-key']?.trim();
        if ((cachePaths.length > 0) !== Boolean(cacheKey)) {
            throw new errors/* ConfigurationError */.j1(cacheKey ? 'input cache-key is set but cache-paths is empty' : 'input cache-paths is set but cache-key is empty', {
                hint: 'Set both: cache-paths (what to keep) and cache-key (when it is still valid), e.g. cache-key: data-${{ hashFiles(\'data/**\') }}.',
            });
        }
        if (cacheKey && (cacheKey.includes(',') || cacheKey.length > 512)) {
            throw new errors/* ConfigurationError */.j1('input cache-key: a cache key may not contain commas or be longer than 512 characters', { hint: 'Use dashes to join its parts.' });
        }
        let cacheHit;
        if (cacheKey && context.cache) {
            cacheHit = await context.cache.restore(cachePaths, cacheKey, inputs['cache-restore-keys'] ? (0,platform_inputs/* splitLines */.uz)(inputs['cache-restore-keys']) : []);
            logger.info(cacheHit ? `Restored the cache ${cacheHit}.` : `No cache entry for ${cacheKey}.`);
        }
        else if (cacheKey) {
            logger.info('No Actions cache here (it needs a workflow run): cache-paths are left as they are.');
        }
        const { report, details, variance } = await runTrainCheck({
            argv,
            commandText: inputs.command,
            cwd,
            env,
            smoke: { smoke, sampleFraction: inputs['sample-fraction'], maxSteps: inputs['max-steps'] },
            seeds,
            repeat: inputs.repeat,
            repeatTolerance: inputs['repeat-tolerance'],
            outputDir: { path: outputDirPath, display: workspace.display(outputDirPath), explicit: true },
            metricsFile: produced(inputs['metrics-file'], 'metrics.json'),
            stepLog: produced(inputs['step-log'], 'steps.jsonl'),
            lossRegex: inputs['loss-regex'],
            lossMetric: inputs['loss-metric'],
            minLossDecrease: inputs['min-loss-decrease'],
            lossWindow: inputs['loss-window'],
            timeoutMs: inputs['timeout-minutes'] === undefined ? undefined : inputs['timeout-minutes'] * 60_000,
            maxDurationMs: inputs['max-duration-minutes'] === undefined ? undefined : inputs['max-duration-minutes'] * 60_000,
            maxMemoryBytes: inputs['max-memory-mb'] === undefined ? undefined : inputs['max-memory-mb'] * 1024 * 1024,
            outputs: inputs.outputs ? (0,platform_inputs/* splitLines */.uz)(inputs.outputs) : [],
            expandOutput: async (pattern) => {
                const relativeToWorkspace = external_node_path_default().relative(workspace.root, inCwd(pattern)) || '.';
                try {
                    return (await workspace.expand(relativeToWorkspace, 'outputs')).map((f) => f.path);
                }
                catch (error) {
                    // A folder is a fine output; expand() lists files only.
                    const info = await (0,promises_.stat)(inCwd(pattern)).catch(() => undefined);
                    if (info?.isDirectory())
                        return [inCwd(pattern)];
                    if (error instanceof errors/* ConfigurationError */.j1)
                        return [];
                    throw error;
                }
            },
            display: (absolute) => workspace.display(absolute),
            expectations,
            expectationsInput: 'expect-metrics',
            logger,
            signal: context.signal,
            startedAt,
        });
        const outputs = {
            metrics: JSON.stringify(details.metrics),
            'duration-seconds': String(Number(details.durationSeconds.toFixed(3))),
            'peak-memory-mb': String(Number(details.peakMemoryMb.toFixed(1))),
            'cpu-seconds': String(Number(details.cpuSeconds.toFixed(3))),
            smoke: String(smoke),
            'cache-hit': String(cacheHit !== undefined && cacheHit === cacheKey),
        };
        const metricsFile = produced(inputs['metrics-file'], 'metrics.json');
        if (await (0,promises_.stat)(metricsFile.path).then((s) => s.isFile(), () => false))
            outputs['metrics-path'] = metricsFile.display;
        if (variance) {
            const variancePath = workspace.resolve(inputs['variance-path']);
            await (0,platform_files/* writeFileAtomic */.Z)(variancePath, `${JSON.stringify(variance, null, 2)}\n`);
            outputs['variance-path'] = workspace.display(variancePath);
            logger.info(`Wrote the variance across seeds to ${outputs['variance-path']}.`);
        }
        if (cacheKey && context.cache && report.verdict === 'pass' && cacheHit !== cacheKey) {
            const saved = await context.cache.save(cachePaths, cacheKey);
            logger.info(saved ? `Saved ${cachePaths.join(', ')} to the cache as ${cacheKey}.` : `The cache ${cacheKey} was not saved (another job may be saving it).`);
        }
        return { report, outputs };
    },
};
/** argv of the command: split like a shell would, without one; or the shell given. */
function commandArgv(command, shell) {
    if (command.trim() === '')
        throw new errors/* ConfigurationError */.j1('input command is empty', { hint: 'Give the training command, e.g. `python train.py`.' });
    if (shell === 'bash')
        return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', command];
    if (shell === 'sh')
        return ['sh', '-e', '-c', command];
    return splitCommandLine(command);
}
function parseSeeds(text) {
    const seeds = (0,platform_inputs/* splitList */.ry)(text).map((s) => {
        const n = Number(s);
        if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) {
            throw new errors/* ConfigurationError */.j1(`input seeds: ${JSON.stringify(s)} is not a whole number from 0 to 4294967295`, { hint: 'List seeds with commas, e.g. `1,2,3`.' });
        }
        return n;
    });
    if (new Set(seeds).size !== seeds.length)
        throw new errors/* ConfigurationError */.j1('input seeds: a seed is listed twice', { hint: 'List each seed once; use repeat to run one seed again.' });
    if (seeds.length === 0)
        throw new errors/* ConfigurationError */.j1('input seeds is empty', { hint: 'List seeds with commas, e.g. `1,2,3`.' });
    return seeds;
}
function isPullRequestEvent(eventName) {
    return eventName === 'pull_request' || eventName === 'pull_request_target' || eventName === 'merge_group';
}


/***/ }),

/***/ 5546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readMetricsFile)
/* harmony export */ });
/* unused harmony export flatten */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6316);



/**
 * Metrics written by a training or evaluation script: JSON or YAML (nested objects flattened to
 * dotted keys, so a DVC `metrics.json` such as {"test": {"auc": 0.9}} gives `test.auc`), or CSV,
 * either as `metric,value` rows or as a header of metric names over one row of values. Only
 * numbers are kept; other values are ignored.
 */
async function readMetricsFile(file, displayName) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(code === 'ENOENT' ? 'metrics file not found' : `cannot read the metrics file (${code ?? 'error'})`, {
            file: displayName,
            hint: 'Check the path: it is relative to the workspace, and the step that writes the file must run before this one.',
        });
    }
    if (text.trim() === '')
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the metrics file is empty', { file: displayName, line: 1, hint: 'Write the metrics as JSON, YAML or CSV.' });
    const metrics = /\.csv$/i.test(file) ? parseCsvMetrics(text, displayName) : parseStructured(text, displayName);
    if (Object.keys(metrics).length === 0) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the metrics file has no numeric metric', { file: displayName, line: 1, hint: 'Write numbers, e.g. {"roc_auc": 0.91} or a CSV with metric,value rows.' });
    }
    return metrics;
}
function parseStructured(text, displayName) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
    const error = doc.errors[0];
    if (error) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`the metrics file is not valid JSON or YAML: ${error.message.split('\n')[0]}`, {
            file: displayName,
            line: lineCounter.linePos(error.pos[0]).line,
            hint: 'Fix the syntax at this line.',
        });
    }
    const out = {};
    flatten(doc.toJS(), '', out);
    return out;
}
/** Numbers (and numeric strings) of nested objects, under dotted keys. */
function flatten(value, prefix, out) {
    if (typeof value === 'number') {
        if (prefix !== '')
            out[prefix] = value;
        return;
    }
    if (typeof value === 'string' && prefix !== '' && value.trim() !== '' && Number.isFinite(Number(value))) {
        out[prefix] = Number(value);
        return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value))
            flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
    }
}
function parseCsvMetrics(text, displayName) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const cells = lines.map((l) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
    const header = cells[0];
    const out = {};
    const isLong = header.length === 2 && /^(metric|name)$/i.test(header[0]) && /^value$/i.test(header[1]);
    if (isLong) {
        cells.slice(1).forEach((row, i) => {
            const value = Number(row[1]);
            if (row.length !== 2 || row[1] === '' || !Number.isFinite(value)) {
                throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`metric ${JSON.stringify(row[0] ?? '')}: ${JSON.stringify(row[1] ?? '')} is not a number`, {
                    file: displayName,
                    line: i + 2,
                    hint: 'Each row is a metric name and its value, e.g. roc_auc,0.91.',
                });
            }
            out[row[0]] = value;
        });
        return out;
    }
    if (cells.length !== 2) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`a CSV metrics file has either a metric,value header or one row of values under the metric names; this one has ${cells.length - 1} rows`, {
            file: displayName,
            line: 1,
            hint: 'Write `metric,value` then one metric per row, or the names on the first line and the values on the second.',
        });
    }
    header.forEach((name, i) => {
        const raw = cells[1][i] ?? '';
        const value = Number(raw);
        if (raw === '' || !Number.isFinite(value)) {
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`metric ${JSON.stringify(name)}: ${JSON.stringify(raw)} is not a number`, { file: displayName, line: 2, hint: 'Every value on the second line must be a number.' });
        }
        out[name] = value;
    });
    return out;
}


/***/ }),

/***/ 6316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S4: () => (/* binding */ describeUnknownError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
class ConfigurationError extends Error {
    file;
    line;
    column;
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ConfigurationError';
        this.file = options.file;
        this.line = options.line;
        this.column = options.column;
        this.hint = options.hint;
    }
    /** One line a person can act on: `file:line: message. hint` */
    describe() {
        const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}${this.line && this.column ? `:${this.column}` : ''}: ` : '';
        return `${where}${this.message}${this.hint ? ` ${this.hint}` : ''}`;
    }
}
function isConfigurationError(error) {
    return error instanceof ConfigurationError;
}
/** Turns any thrown value, Error or not, into text for an internal-error message. */
function describeUnknownError(error, withStack) {
    if (error instanceof Error) {
        return withStack && error.stack ? error.stack : `${error.name}: ${error.message}`;
    }
    return `non-error value thrown: ${String(error)}`;
}


/***/ }),

/***/ 4924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File),
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);




/** Writes a file whole or not at all: a reader never sees a half-written report. */
async function writeFileAtomic(target, content) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(temporary, content);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, target);
}
/** sha256 (hex) and size of a file, read as a stream: memory stays flat for any size. */
function sha256File(file) {
    return new Promise((resolve, reject) => {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let size = 0;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 })
            .on('data', (chunk) => {
            size += chunk.length;
            hash.update(chunk);
        })
            .on('error', reject)
            .on('end', () => resolve({ sha256: hash.digest('hex'), size }));
    });
}


/***/ }),

/***/ 3734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QR: () => (/* binding */ numberInput),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   jv: () => (/* binding */ describeInputs),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   tE: () => (/* binding */ booleanInput),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6316);


/**
 * Inputs are declared once in action.yml; each action has one zod object keyed by the same literal
 * names. A test checks that the two agree on names and defaults. Every input arrives as a string
 * (the runner's way); these helpers turn strings into typed values with clear errors.
 */
/** `true`/`false` exactly as @actions/core's getBooleanInput accepts them. */
const booleanInput = (name) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not a boolean; use true or false` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
const choiceInput = (name, choices) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    if (choices.includes(value))
        return value;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not one of ${choices.join(', ')}` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
/**
 * A number within [min, max] (a whole one when `integer`); `what` names the allowed values in the
 * error, e.g. "a positive whole number".
 */
const numberInput = (name, options) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    const n = Number(value);
    if (value.trim() !== '' && n >= options.min && n <= options.max && (!options.integer || Number.isInteger(n)))
        return n;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not ${options.what}` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
/** A list given one per line or comma separated, blank entries dropped. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((v) => v.trim())
        .filter((v) => v !== '');
}
/** A list given one per line (paths, globs, keys): lines trimmed, blank ones dropped. */
function splitLines(value) {
    return (value ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
/**
 * Parses raw string inputs. Declare defaults with `.prefault('<the action.yml default>')`. An empty string counts as "not given", as on the runner, so the zod
 * default applies.
 */
function parseInputs(schema, raw, actionName) {
    const given = {};
    for (const [key, value] of Object.entries(raw))
        if (value !== '')
            given[key] = value;
    const result = schema.safeParse(given);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? '');
    const message = issue.code === 'invalid_type' && issue.input === undefined ? `input ${name} is required` : issue.message;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(message.startsWith('input ') ? message : `input ${name}: ${message}`, {
        hint: `Set it in the step's \`with:\` block (see the inputs table in docs/actions/${actionName}.md).`,
    });
}
/** Names and defaults of an input schema, for `--help` and the action.yml agreement test. */
function describeInputs(schema) {
    return Object.entries(schema.shape).map(([name, field]) => {
        const f = field;
        // Defaults are declared with .prefault(): the raw string runs through the same parsing as a
        // given value, and it is the string action.yml shows.
        const def = f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodPrefault */ .xgV ? String(f.def.defaultValue) : undefined;
        const required = !(f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodPrefault */ .xgV) && !(f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodOptional */ .IiU);
        return { name, default: def, required, description: f.description };
    });
}


/***/ }),

/***/ 8809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_FINDING_LIMIT: () => (/* binding */ DEFAULT_FINDING_LIMIT),
/* harmony export */   FindingCollector: () => (/* binding */ FindingCollector),
/* harmony export */   REPORT_SCHEMA_VERSION: () => (/* binding */ REPORT_SCHEMA_VERSION),
/* harmony export */   buildReport: () => (/* binding */ buildReport),
/* harmony export */   chartSchema: () => (/* binding */ chartSchema),
/* harmony export */   excerptSchema: () => (/* binding */ excerptSchema),
/* harmony export */   findingSchema: () => (/* binding */ findingSchema),
/* harmony export */   reportJsonSchema: () => (/* binding */ reportJsonSchema),
/* harmony export */   reportSchema: () => (/* binding */ reportSchema),
/* harmony export */   severitySchema: () => (/* binding */ severitySchema),
/* harmony export */   shouldFailStep: () => (/* binding */ shouldFailStep),
/* harmony export */   tableSchema: () => (/* binding */ tableSchema),
/* harmony export */   verdictFromFindings: () => (/* binding */ verdictFromFindings),
/* harmony export */   verdictSchema: () => (/* binding */ verdictSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8439);

/**
 * The one report shape every engine returns. Renderers (summary, annotations, pull-request comment,
 * check run, terminal, JSON file) read only this. The zod schema is the source of the published
 * JSON Schema (schemas/report.schema.json).
 */
const REPORT_SCHEMA_VERSION = 1;
const verdictSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'inconclusive', 'error']);
const severitySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warning', 'notice']);
const findingSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    severity: severitySchema,
    rule: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Stable identifier of the check, e.g. "max" or "unique".'),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Path relative to the workspace.'),
    line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    column: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    subject: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('The data column or metric the finding is about.'),
    value: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('The offending value, shortened.'),
})
    .strict();
const cellSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ()]);
const tableSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(cellSchema)),
    note: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
})
    .strict();
const chartSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    mermaid: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Mermaid source, rendered by GitHub in summaries and comments.'),
})
    .strict();
const excerptSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    text: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Plain text shown as it is, e.g. the last lines of a command\'s output.'),
})
    .strict();
const reportSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(REPORT_SCHEMA_VERSION),
    action: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    verdict: verdictSchema,
    headline: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('One sentence a person reads first.'),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('ISO 8601 time the run started.'),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    findingCounts: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ error: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), warning: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), notice: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int() }).strict(),
    findings: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(findingSchema).describe('The first findings, at most findingLimit of them; findingCounts counts all.'),
    findingLimit: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    tables: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(tableSchema),
    charts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(chartSchema),
    excerpts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(excerptSchema).optional(),
    details: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).describe('Action-specific, machine-readable results.'),
})
    .strict();
const DEFAULT_FINDING_LIMIT = 1000;
/**
 * Collects findings while an engine runs: counts all of them, keeps the first `limit` in order.
 * Memory stays bounded however many rows fail.
 */
class FindingCollector {
    limit;
    kept = [];
    counts = { error: 0, warning: 0, notice: 0 };
    constructor(limit = DEFAULT_FINDING_LIMIT) {
        this.limit = limit;
    }
    add(finding) {
        this.counts[finding.severity] += 1;
        if (this.kept.length < this.limit)
            this.kept.push(finding);
    }
    get total() {
        return this.counts.error + this.counts.warning + this.counts.notice;
    }
}
function buildReport(parts, now = new Date()) {
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        action: parts.action,
        title: parts.title,
        verdict: parts.verdict,
        headline: parts.headline,
        startedAt: parts.startedAt.toISOString(),
        durationMs: Math.max(0, now.getTime() - parts.startedAt.getTime()),
        findingCounts: { ...parts.findings.counts },
        findings: parts.findings.kept,
        findingLimit: parts.findings.limit,
        tables: parts.tables ?? [],
        charts: parts.charts ?? [],
        ...(parts.excerpts && parts.excerpts.length > 0 ? { excerpts: parts.excerpts } : {}),
        details: parts.details ?? {},
    };
}
/** The verdict that follows from findings alone: any error fails. */
function verdictFromFindings(findings) {
    return findings.counts.error > 0 ? 'fail' : 'pass';
}
/** Whether the step should fail, given the user's `fail-on` choice. */
function shouldFailStep(report, failOn) {
    if (report.verdict === 'error')
        return true;
    if (failOn === 'never')
        return false;
    if (failOn === 'warning')
        return report.verdict === 'fail' || report.findingCounts.warning > 0;
    if (failOn === 'inconclusive')
        return report.verdict === 'fail' || report.verdict === 'inconclusive';
    return report.verdict === 'fail';
}
function reportJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(reportSchema, { target: 'draft-2020-12' });
}


/***/ }),

/***/ 5633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ reportingInputs)
/* harmony export */ });
/* unused harmony export reportingOptions */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3734);


/**
 * Inputs every action shares: how its report is published and when the step fails. Spread into
 * each action's input schema; action.yml declares them too (the agreement test checks it).
 */
function reportingInputs(action, failOn = 'findings') {
    return {
        'fail-on': failOn === 'findings'
            ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('fail-on', ['error', 'warning', 'never'])
                .prefault('error')
                .describe('Which findings fail the step: error, warning (errors and warnings) or never.')
            : (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('fail-on', ['fail', 'inconclusive', 'never'])
                .prefault('fail')
                .describe('Which verdicts fail the step: fail, inconclusive (fail or inconclusive) or never.'),
        'report-path': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().prefault(`mlops-reports/${action}.json`).describe('Where to write the JSON report, relative to the workspace.'),
        'github-token': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().describe('Token for the pull-request comment and check run; defaults to the job token.'),
        comment: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('comment').prefault('true').describe('Post or update one sticky comment on the pull request.'),
        'check-run': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('check-run').prefault('false').describe('Also create a check run with the report.'),
        'upload-report': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('upload-report', ['auto', 'always', 'never'])
            .prefault('auto')
            .describe('Upload the report as an artifact: auto (when the summary is cut or the token is read-only), always or never.'),
    };
}
function reportingOptions(inputs) {
    return {
        failOn: inputs['fail-on'],
        reportPath: inputs['report-path'],
        githubToken: inputs['github-token'],
        comment: inputs.comment,
        checkRun: inputs['check-run'],
        uploadReport: inputs['upload-report'],
    };
}


/***/ })

};
