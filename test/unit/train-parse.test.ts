/**
 * The training-check parsers. The command splitter is checked against two independent references:
 * Python's shlex.split (POSIX mode) and the real shell (Debian's dash, with globbing off), each on
 * the inputs where it defines the same result. shlex differs from a shell in three places we follow
 * the shell in: inside double quotes it keeps the backslash of \$ and \`, it keeps a backslash-newline
 * instead of joining the lines, and it has no comments. A shell differs from us where we are literal
 * by design: unquoted $VAR, ~ and globs. JSONL logs are written by Python's json.dumps (bare NaN and
 * Infinity) and flattened by Python for the expected series.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/platform/errors.js';
import {
  compare,
  parseEnvLines,
  parseLoggedNumber,
  parseMetricExpectations,
  parseStepLog,
  splitCommandLine,
  StdoutMetricMatcher,
  type LoggedPoint,
} from '../../src/training/parse.js';

const PYTHON = '/usr/bin/python3';

function run(file: string, args: string[], input?: string): string {
  const result = spawnSync(file, args, { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${file} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

function shlexSplit(inputs: string[]): string[][] {
  const script = 'import shlex,sys,json; print(json.dumps([shlex.split(a) for a in json.load(sys.stdin)]))';
  return JSON.parse(run(PYTHON, ['-c', script], JSON.stringify(inputs))) as string[][];
}

/** The words the shell makes of `input`, globbing off; only for inputs without $ expansions or ~. */
function shellSplit(input: string): string[] {
  const out = run('/bin/sh', ['-c', 'set -f; eval "set -- $1"; printf "%s\\0" "$@"', 'sh', input]);
  return out.split('\0').slice(0, -1);
}

/** The error `fn` throws, which must be a ConfigurationError. */
function configurationError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError, nothing was thrown');
}

/** Quoting that shlex, the shell and we all read the same way. */
const COMMON_CASES = [
  'python train.py --epochs 3',
  '  python   -m  pkg.train\t--lr=0.1  ',
  `python train.py --name 'my run' --note "two words"`,
  `echo 'it'"'"'s'`,
  `a'b'c"d"e`,
  `a ''`,
  `"" x ""`,
  'a\\ b c\\\\d \\"q\\\' \\x',
  `"say \\"hi\\"" 'back\\slash' "x\\\\y" 'a\\"b'`,
  `'$HOME' '*.py' '~/x' "~"`,
  `--flag="a b" -o'c d' --empty=`,
  `"multi\nline" 'and\nthis'`,
  `'a|b' "c;d" 'e>f' "g&&h" 'i<j' "(k)" '$(l)' '\`m\`'`,
  `x\\|y \\; \\& \\> \\( \\)`,
  '"tab\there"',
  `"héllo wörld" 日本 'emoji 🙂'`,
  'python x.py lr=0.1 a#b',
  `'"' "'" '\\'`,
];

describe('splitCommandLine', () => {
  it('agrees with shlex.split on quoting both define the same way', () => {
    const expected = shlexSplit(COMMON_CASES);
    COMMON_CASES.forEach((input, i) => expect(splitCommandLine(input), input).toEqual(expected[i]));
  });

  it('agrees with the shell on the same inputs', () => {
    for (const input of COMMON_CASES) expect(splitCommandLine(input), input).toEqual(shellSplit(input));
  });

  it('follows the shell where shlex differs: \\$ and \\` in double quotes, line continuations, comments', () => {
    const cases = [
      '"cost \\$5" "tick \\`x\\`" "keep \\a and \\n"',
      'python train.py \\\n  --epochs 3 \\\n  --lr 0.1',
      'python train.py --na\\\nme x',
      '"one\\\ntwo"',
      'python train.py # the baseline run',
      'python train.py --tag=#1 \'#2\' # comment \'unclosed',
    ];
    for (const input of cases) expect(splitCommandLine(input), JSON.stringify(input)).toEqual(shellSplit(input));
    // Line breaks around the command, as a YAML block leaves them, and Windows line ends.
    expect(splitCommandLine('\npython train.py\n')).toEqual(['python', 'train.py']);
    expect(splitCommandLine('python train.py \\\r\n  --epochs 3\r\n')).toEqual(['python', 'train.py', '--epochs', '3']);
    expect(splitCommandLine('"cost \\$5"')).toEqual(['cost $5']);
    // The documented difference: shlex keeps the backslash.
    expect(shlexSplit(['"cost \\$5"'])).toEqual([['cost \\$5']]);
  });

  it('keeps $VAR, ~ and globs literal, as shlex does and a shell would not', () => {
    const cases = ['python train.py --out $RUNNER_TEMP/${NAME}', 'ls ~ ~/data *.py data/[ab]?.csv', 'echo "$HOME" $'];
    const expected = shlexSplit(cases);
    cases.forEach((input, i) => expect(splitCommandLine(input), input).toEqual(expected[i]));
    expect(splitCommandLine('echo "$HOME"')).toEqual(['echo', '$HOME']);
  });

  it.each([
    ['python train.py | tee log.txt', '|', 17],
    ['python train.py || true', '||', 17],
    ['make data && python train.py', '&&', 11],
    ['cd src; python train.py', ';', 7],
    ['python train.py >out.txt', '>', 17],
    ['python train.py 2>>err.txt', '>>', 18],
    ['python train.py < input', '<', 17],
    ['python train.py &', '&', 17],
    ['python train.py --seed $(date +%s)', '$(', 24],
    ['python train.py --seed `date`', '`', 24],
    ['python train.py --seed "$(date)"', '$(', 25],
    ['python train.py --seed "`date`"', '`', 25],
    ['(cd src && python train.py)', '(', 1],
    ['cat <<EOF', '<<', 5],
  ])('refuses the shell operator in %j', (input, operator, column) => {
    const error = configurationError(() => splitCommandLine(input));
    expect(error.message.startsWith('command:')).toBe(true);
    expect(error.message).toContain(JSON.stringify(operator));
    expect(error.message).toContain(`column ${column}`);
    expect(error.file).toBeUndefined();
    expect(error.column).toBe(column);
    expect(error.hint).toContain('set `shell: bash` to run the command through bash, or quote it');
  });

  it('names the unterminated quote and the column where it opens', () => {
    const single = configurationError(() => splitCommandLine("python train.py --name 'my run"));
    expect(single.message).toBe("command: the single quote (') at column 24 is never closed");
    const double = configurationError(() => splitCommandLine('python train.py --name "my \\" run'));
    expect(double.message).toBe('command: the double quote (") at column 24 is never closed');
    const multiLine = configurationError(() => splitCommandLine('python train.py \\\n  --name "x'));
    expect(multiLine.message).toBe('command: the double quote (") at line 2, column 10 is never closed');
    expect([multiLine.line, multiLine.column]).toEqual([2, 10]);
    // The shell agrees that these are incomplete.
    expect(spawnSync('/bin/sh', ['-n', '-c', "python train.py --name 'my run"]).status).not.toBe(0);
  });

  it('refuses an empty command, a second line, a leading assignment and a trailing backslash', () => {
    for (const input of ['', '   \n\t ', '# only a comment']) {
      expect(configurationError(() => splitCommandLine(input)).message).toBe('command: the command is empty');
    }
    const twoLines = configurationError(() => splitCommandLine('pip install -e .\npython train.py'));
    expect(twoLines.message).toBe('command: the line break at line 1, column 17 starts a second command, which needs a shell; the command runs without one');
    expect(twoLines.hint).toContain('End the line with \\');
    const assignment = configurationError(() => splitCommandLine('CUDA_VISIBLE_DEVICES=0 python train.py'));
    expect(assignment.message).toContain('sets the environment variable CUDA_VISIBLE_DEVICES');
    expect(assignment.hint).toContain('`env` input');
    // Quoted, it is a program name in a shell too.
    expect(splitCommandLine("'A=1' x")).toEqual(['A=1', 'x']);
    expect(configurationError(() => splitCommandLine('python train.py \\')).message).toBe('command: the backslash at column 17 ends the command and escapes nothing');
  });
});

describe('parseEnvLines', () => {
  it('reads KEY=VALUE lines, keeping the value after the first = verbatim', () => {
    const text = ['# data', 'DATA_DIR=data/train', '', 'URL=https://x.test/?a=1&b=2', 'GREETING=  two  spaces ', '  INDENTED=yes', 'EMPTY=', 'CRLF=v\r', '_X1=a', 'DATA_DIR=later wins'].join('\n');
    expect(parseEnvLines(text)).toEqual({
      DATA_DIR: 'later wins',
      URL: 'https://x.test/?a=1&b=2',
      GREETING: '  two  spaces ',
      INDENTED: 'yes',
      EMPTY: '',
      CRLF: 'v',
      _X1: 'a',
    });
    expect(parseEnvLines('')).toEqual({});
  });

  it('names the input and line of a bad key or a line without =', () => {
    const bad = configurationError(() => parseEnvLines('A=1\n\n1BAD=2'));
    expect(bad.message).toBe('input env, line 3: "1BAD" is not a valid environment variable name');
    expect(bad.hint).toContain('letters, digits and _');
    const dash = configurationError(() => parseEnvLines('MY-KEY=1', 'train-env'));
    expect(dash.message).toBe('input train-env, line 1: "MY-KEY" is not a valid environment variable name');
    const spaced = configurationError(() => parseEnvLines('A=1\nKEY = value'));
    expect(spaced.message).toBe('input env, line 2: "KEY " is not a valid environment variable name');
    expect(spaced.hint).toContain("Remove the space before '='");
    const noEquals = configurationError(() => parseEnvLines('A=1\r\nJUST_A_NAME\r\n'));
    expect(noEquals.message).toBe(`input env, line 2: "JUST_A_NAME" has no '='`);
    expect(noEquals.line).toBe(2);
  });
});

describe('parseLoggedNumber', () => {
  it('reads JSON/JS decimals and Python spellings of nan and inf', () => {
    const cases: Array<[string, number]> = [
      ['0.41', 0.41],
      ['-2', -2],
      ['+3.5', 3.5],
      ['.5', 0.5],
      ['5.', 5],
      ['1e-05', 1e-5],
      ['6.02E+23', 6.02e23],
      [' 7 ', 7],
      ['nan', Number.NaN],
      ['NaN', Number.NaN],
      ['-nan', Number.NaN],
      ['inf', Infinity],
      ['+inf', Infinity],
      ['-inf', -Infinity],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
      ['INF', Infinity],
    ];
    for (const [text, value] of cases) expect(parseLoggedNumber(text), text).toBe(value);
  });

  it('agrees with Python float() on the decimals it prints', () => {
    const script = 'import json,random; random.seed(7); print(json.dumps([repr(random.uniform(-1e6, 1e6) * 10 ** random.randint(-30, 30)) for _ in range(200)]))';
    const texts = JSON.parse(run(PYTHON, ['-c', script])) as string[];
    for (const text of texts) expect(parseLoggedNumber(text), text).toBe(Number(text));
  });

  it('returns undefined for anything else', () => {
    for (const text of ['', ' ', 'abc', '0x10', '1,000', '0.41,', '1e', 'e5', '--1', 'nanx', 'infinit', 'tensor(0.4)', '1_000', '.']) {
      expect(parseLoggedNumber(text), text).toBeUndefined();
    }
  });
});

/** Series as plain data, with numbers as text so NaN compares equal. */
function seriesAsData(series: Map<string, LoggedPoint[]>): Record<string, Array<[number, string, number]>> {
  return Object.fromEntries([...series].map(([name, points]) => [name, points.map((p) => [p.step, String(p.value), p.line] as [number, string, number])]));
}

describe('parseStepLog', () => {
  it('reads bare NaN and Infinity outside strings and leaves them inside strings', () => {
    const text = ['{"step": 1, "note": "NaN here", "loss": NaN}', '{"step": 2, "note": "x \\"Infinity\\" -Infinity", "loss": -Infinity, "grad": [NaN, Infinity]}', '{"step": 3, "loss": Infinity}', ''].join('\n');
    const log = parseStepLog(text, 'train.jsonl');
    expect(seriesAsData(log.series)).toEqual({ loss: [[1, 'NaN', 1], [2, '-Infinity', 2], [3, 'Infinity', 3]] });
    expect(log.lines).toBe(3);
  });

  it('flattens nested objects, uses step, epoch or iteration as x, else the record index', () => {
    const text = [
      '{"step": 10, "epoch": 1, "loss": 0.5, "metrics": {"acc": 0.7, "per_class": {"cat": 0.6}}, "ok": true, "name": "a", "none": null}',
      '',
      '{"epoch": 2, "iteration": 99, "loss": 0.4}',
      '{"iteration": 7, "loss": 0.3}',
      '{"loss": 0.2, "step": "not a number"}',
      '{"step": NaN, "loss": 0.1}',
    ].join('\n');
    const log = parseStepLog(`${text}\n`, 'log.jsonl');
    expect(seriesAsData(log.series)).toEqual({
      epoch: [[10, '1', 1]],
      loss: [[10, '0.5', 1], [2, '0.4', 3], [7, '0.3', 4], [4, '0.2', 5], [5, '0.1', 6]],
      'metrics.acc': [[10, '0.7', 1]],
      'metrics.per_class.cat': [[10, '0.6', 1]],
      iteration: [[2, '99', 3]],
    });
    expect(log.lines).toBe(5);
  });

  it('reads a log written by Python json.dumps like Python reads it', () => {
    const script = `
import json, math, random
random.seed(11)
specials = [float('nan'), float('inf'), -float('inf')]
lines, expected = [], {}
def flat(value, name, out):
    if isinstance(value, bool) or value is None or isinstance(value, (str, list)):
        return
    if isinstance(value, (int, float)):
        out[name] = value
    else:
        for k, v in value.items():
            flat(v, name + '.' + k, out)
for i in range(300):
    row = {'loss': random.choice(specials) if random.random() < 0.1 else random.expovariate(3),
           'note': random.choice(['NaN', 'Infinity', '-Infinity here', 'x"NaN"', 'ok']),
           'val': {'acc': random.random(), 'nested': {'f1': random.choice(specials + [0.5])}},
           'flag': random.random() < 0.5, 'lr': 10 ** -random.randint(1, 8)}
    if i % 3: row['step'] = i * 10
    line = json.dumps(row)
    lines.append(line)
    step = row['step'] if 'step' in row else i + 1
    out = {}
    for k, v in row.items():
        if k != 'step': flat(v, k, out)
    for k, v in out.items():
        expected.setdefault(k, []).append([step, repr(float(v)), i + 1])
print(json.dumps({'text': '\\n'.join(lines) + '\\n', 'expected': expected}))
`;
    const { text, expected } = JSON.parse(run(PYTHON, ['-c', script])) as { text: string; expected: Record<string, Array<[number, string, number]>> };
    expect(text).toContain('NaN');
    expect(text).toContain('-Infinity');
    const pythonToJs = (repr: string): string => ({ nan: 'NaN', inf: 'Infinity', '-inf': '-Infinity' })[repr] ?? String(Number(repr));
    const normalised = Object.fromEntries(Object.entries(expected).map(([name, points]) => [name, points.map(([step, value, line]) => [step, pythonToJs(value), line])]));
    const log = parseStepLog(text, 'train.jsonl');
    expect(seriesAsData(log.series)).toEqual(normalised);
    expect(log.lines).toBe(300);
  });

  it('names the file and line of a line that is not a JSON object', () => {
    const bad = configurationError(() => parseStepLog('{"step": 1, "loss": 1}\n\n{"step": 2, "loss": }\n{"step": 3}\n', 'runs/train.jsonl'));
    expect([bad.file, bad.line]).toEqual(['runs/train.jsonl', 3]);
    expect(bad.message).toBe('not valid JSON: "{\\"step\\": 2, \\"loss\\": }"');
    expect(bad.hint).toContain('one JSON object per line');
    expect(bad.describe().startsWith('runs/train.jsonl:3: not valid JSON')).toBe(true);

    const array = configurationError(() => parseStepLog('[1, 2]\n', 'a.jsonl'));
    expect(array.message).toContain('a JSON object was expected, this line holds an array');
    expect(configurationError(() => parseStepLog('{"a": 1}\n0.5\n', 'a.jsonl')).message).toContain('holds a number');
    // Python writes NaN only where a value goes; elsewhere it is still not JSON.
    expect(configurationError(() => parseStepLog('{NaN: 1}\n', 'a.jsonl')).line).toBe(1);
    expect(configurationError(() => parseStepLog('{"a": 1, NaN: 1}\n', 'a.jsonl')).line).toBe(1);
    expect(configurationError(() => parseStepLog('{"a": NaNa}\n', 'a.jsonl')).line).toBe(1);
    expect(configurationError(() => parseStepLog('{"a": nan}\n', 'a.jsonl')).line).toBe(1);
  });

  it('reports a final line cut short, and accepts a complete one without a line break', () => {
    const cut = configurationError(() => parseStepLog('{"step": 1, "loss": 1}\n{"step": 2, "lo', 'train.jsonl'));
    expect([cut.file, cut.line]).toEqual(['train.jsonl', 2]);
    expect(cut.message).toContain('the last line is cut short');
    expect(cut.hint).toContain('flush');
    expect(seriesAsData(parseStepLog('{"step": 1, "loss": 1}\r\n{"step": 2, "loss": 2}', 'train.jsonl').series)).toEqual({ loss: [[1, '1', 1], [2, '2', 2]] });
    expect(parseStepLog('\uFEFF{"loss": 1}\n', 'bom.jsonl').series.get('loss')).toEqual([{ step: 1, value: 1, line: 1 }]);
    expect(parseStepLog('', 'empty.jsonl')).toEqual({ series: new Map(), lines: 0 });
  });
});

describe('StdoutMetricMatcher', () => {
  it('collects named groups per line, with the step group as x and non-numbers set aside', () => {
    const matcher = new StdoutMetricMatcher('step (?<step>\\d+) loss=(?<loss>\\S+)');
    const lines = ['starting', 'step 1 loss=0.5', 'step 2 loss=nan', 'step 3 loss=oops', 'step 4 loss=inf', 'step 5 loss=-Infinity done'];
    lines.forEach((line, i) => matcher.addLine(line, i + 1));
    expect(seriesAsData(matcher.series)).toEqual({ loss: [[1, '0.5', 2], [2, 'NaN', 3], [4, 'Infinity', 5], [5, '-Infinity', 6]] });
    expect(matcher.unparsed).toEqual([{ line: 4, group: 'loss', text: 'oops' }]);
    expect(matcher.unparsedCount).toBe(1);
  });

  it('counts matched lines as x without a step group, and takes the first match on a line', () => {
    const matcher = new StdoutMetricMatcher('loss: (?<loss>[^ ]+)(?: - acc: (?<acc>[^ ]+))?');
    ['Epoch 1/2', '10/10 - loss: 0.41 - acc: 0.8 - val_loss: 0.45', 'Epoch 2/2', '10/10 - loss: 0.30 - val_loss: 0.35'].forEach((line, i) => matcher.addLine(line, i + 1));
    expect(seriesAsData(matcher.series)).toEqual({ loss: [[1, '0.41', 2], [2, '0.3', 4]], acc: [[1, '0.8', 2]] });
  });

  it('uses epoch as x when there is no step group, and keeps only the first few unparsed examples', () => {
    const matcher = new StdoutMetricMatcher('epoch=(?<epoch>\\S+) acc=(?<acc>\\S+)', 'metrics-regex');
    for (let i = 1; i <= 30; i++) matcher.addLine(`epoch=${i} acc=${i % 2 ? 'n/a' : i / 100}`, i);
    expect(matcher.series.get('acc')?.slice(0, 2)).toEqual([{ step: 2, value: 0.02, line: 2 }, { step: 4, value: 0.04, line: 4 }]);
    expect(matcher.unparsed).toHaveLength(10);
    expect(matcher.unparsedCount).toBe(15);
  });

  it('refuses a regex that does not compile, has no named group, or names only the x value', () => {
    const bad = configurationError(() => new StdoutMetricMatcher('loss=(?<loss>\\S+'));
    expect(bad.message.startsWith('input loss-regex: not a valid regular expression')).toBe(true);
    expect(bad.hint).toContain('loss=(?<loss>\\S+)');
    const unnamed = configurationError(() => new StdoutMetricMatcher('loss=(\\S+)', 'train-regex'));
    expect(unnamed.message).toBe('input train-regex: the regular expression has no named group, so it captures no metric');
    expect(unnamed.hint).toContain('Name each group');
    expect(configurationError(() => new StdoutMetricMatcher('step (?<step>\\d+)')).message).toContain('the only named group is "step"');
  });
});

describe('parseMetricExpectations', () => {
  it('reads every form, one per line or comma separated, skipping comments', () => {
    const text = ['# gates', 'accuracy >= 0.8', '', 'val.loss<0.5, f1 ,epochs == 10', 'train/loss > -1e-3  # sanity', 'eval:auc <= inf, loss-ema < 1,'].join('\n');
    expect(parseMetricExpectations(text)).toEqual([
      { metric: 'accuracy', op: '>=', value: 0.8, line: 2 },
      { metric: 'val.loss', op: '<', value: 0.5, line: 4 },
      { metric: 'f1', line: 4 },
      { metric: 'epochs', op: '==', value: 10, line: 4 },
      { metric: 'train/loss', op: '>', value: -0.001, line: 5 },
      { metric: 'eval:auc', op: '<=', value: Infinity, line: 6 },
      { metric: 'loss-ema', op: '<', value: 1, line: 6 },
    ]);
    expect(parseMetricExpectations('  \n# none\n')).toEqual([]);
  });

  it.each([
    ['accuracy = 0.8', 'cannot read "accuracy = 0.8": use == for equality'],
    ['accuracy => 0.8', 'cannot read "accuracy => 0.8": write >= or <= with the = last'],
    ['accuracy != 0.8', 'cannot read "accuracy != 0.8": != is not supported'],
    ['accuracy 0.8', 'cannot read "accuracy 0.8": a comparison is missing between the name and the value'],
    ['accuracy >> 0.8', 'cannot read "accuracy >> 0.8"'],
    ['acc uracy', 'cannot read "acc uracy": a comparison is missing between the name and the value'],
    ['bad name! >= 1', 'cannot read "bad name! >= 1": "bad name!" is not a metric name (letters, digits and _ . - / : only)'],
    ['accuracy >= high', '"high" in "accuracy >= high" is not a number'],
    ['accuracy >= 80%', '"80%" in "accuracy >= 80%" is not a number'],
    ['accuracy >= nan', '"nan" in "accuracy >= nan" can never compare true'],
    ['accuracy >=', 'cannot read "accuracy >=": the value is missing'],
    ['accuracy >= 0.8 0.9', 'cannot read "accuracy >= 0.8 0.9"'],
  ])('refuses %j naming the input and line', (item, message) => {
    const error = configurationError(() => parseMetricExpectations(`f1\n${item}`));
    expect(error.message).toBe(`input expect-metrics, line 2: ${message}`);
    expect(error.hint).toContain('`accuracy >= 0.8`');
  });

  it('uses the given input name', () => {
    expect(configurationError(() => parseMetricExpectations('x ~ 1', 'gates')).message.startsWith('input gates, line 1:')).toBe(true);
  });
});

describe('compare', () => {
  it('applies each comparison, and NaN passes none', () => {
    const cases: Array<[number, '>=' | '>' | '<=' | '<' | '==', number, boolean]> = [
      [0.8, '>=', 0.8, true],
      [0.8, '>', 0.8, false],
      [0.81, '>', 0.8, true],
      [0.5, '<=', 0.5, true],
      [0.5, '<', 0.5, false],
      [0.49, '<', 0.5, true],
      [10, '==', 10, true],
      [10.000001, '==', 10, false],
      [1e308, '<', Infinity, true],
      [Infinity, '<=', Infinity, true],
    ];
    for (const [actual, op, bound, result] of cases) expect(compare(actual, op, bound), `${actual} ${op} ${bound}`).toBe(result);
    for (const op of ['>=', '>', '<=', '<', '=='] as const) expect(compare(Number.NaN, op, 0)).toBe(false);
  });
});
