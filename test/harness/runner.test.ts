import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CommandProcessor,
  MESSAGES,
  SecretMasker,
  StepLog,
  escapeData,
  escapeProperty,
  parseCommandLine,
  processStepSummary,
} from './commands.js';
import {
  type JobResult,
  type JobSpec,
  type StepSpec,
  evaluateCondition,
  inputEnvName,
  interpolate,
  parseFileCommand,
  parseStdoutCommands,
  runJob,
  runStep,
} from './runner.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'runner');
const fx = (name: string) => path.join(fixtures, name);

/** Jobs whose temp dirs are removed after each test. */
const jobs: JobResult[] = [];
async function job(spec: JobSpec): Promise<JobResult> {
  const r = await runJob(spec);
  jobs.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(jobs.splice(0).map((j) => j.cleanup()));
});

const echo = (stdout: string[], extra: Partial<StepSpec> & { stderr?: string[]; exitCode?: number } = {}): StepSpec => {
  const { stderr, exitCode, ...rest } = extra;
  return {
    action: fx('echo-lines'),
    ...rest,
    with: { stdout: JSON.stringify(stdout), stderr: JSON.stringify(stderr ?? []), 'exit-code': exitCode ?? 0, ...(rest.with ?? {}) },
  };
};

const probe = (names: string[], extra: Partial<StepSpec> = {}): StepSpec => ({
  action: fx('probe'),
  id: 'probe',
  ...extra,
  with: { names: names.join(','), ...(extra.with ?? {}) },
});

const envOf = (r: { outputs: Record<string, string> }) => JSON.parse(r.outputs.env ?? '{}') as Record<string, string | null>;

// -------------------------------------------------------------------------------------------
// Pure grammar
// -------------------------------------------------------------------------------------------

describe('inputEnvName', () => {
  it('upper-cases, keeps hyphens and turns spaces into underscores', () => {
    expect(inputEnvName('fail-on')).toBe('INPUT_FAIL-ON');
    expect(inputEnvName('with space')).toBe('INPUT_WITH_SPACE');
    expect(inputEnvName('camelCase')).toBe('INPUT_CAMELCASE');
  });
});

describe('parseFileCommand', () => {
  it('reads NAME=VALUE lines, skips empty lines, later entries win', () => {
    expect(parseFileCommand('a=1\n\nb=two words\na=3\n', 'output')).toEqual({ a: '3', b: 'two words' });
  });

  it('treats the line as NAME=VALUE when "=" comes before "<<"', () => {
    expect(parseFileCommand('cmd=a<<b\n', 'output')).toEqual({ cmd: 'a<<b' });
  });

  it('reads heredoc values up to a line equal to the delimiter, without the last newline', () => {
    const content = 'report<<EOF\nline 1\n\nline 3\nEOF\nafter=x\n';
    expect(parseFileCommand(content, 'output')).toEqual({ report: 'line 1\n\nline 3', after: 'x' });
    expect(parseFileCommand('empty<<EOF\nEOF\n', 'output')).toEqual({ empty: '' });
    // a value may contain "=" and "<<"; only the exact delimiter line ends it
    expect(parseFileCommand('k<<END\na=b<<c\n END\nEND', 'state')).toEqual({ k: 'a=b<<c\n END' });
  });

  it('accepts what @actions/core writes (random ghadelimiter_ delimiter)', () => {
    const d = 'ghadelimiter_0c1f4a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
    expect(parseFileCommand(`name<<${d}\nmulti\nline${'\n'}${d}\n`, 'env')).toEqual({ name: 'multi\nline' });
  });

  it('keeps CR characters: on Linux the runner only splits on LF', () => {
    expect(parseFileCommand('a=1\r\n', 'output')).toEqual({ a: '1\r' });
    expect(parseFileCommand('a<<EOF\nv\r\nEOF\n', 'output')).toEqual({ a: 'v\r' });
    // "EOF\r" is the delimiter here, and the closing line is "EOF\r" too
    expect(parseFileCommand('a<<EOF\r\nv\r\nEOF\r\n', 'output')).toEqual({ a: 'v\r' });
    // ...but a CRLF-written delimiter never matches an LF-only closing line
    expect(() => parseFileCommand('a<<EOF\r\nv\nEOF\n', 'output')).toThrow("Invalid value. Matching delimiter not found 'EOF\r'");
  });

  it('throws the runner messages for malformed content', () => {
    expect(() => parseFileCommand('just some text\n', 'output')).toThrow("Invalid format 'just some text'");
    expect(() => parseFileCommand('<<EOF\nx\nEOF\n', 'output')).toThrow(
      "Invalid format '<<EOF'. Name must not be empty and delimiter must not be empty",
    );
    expect(() => parseFileCommand('name<<\n', 'output')).toThrow('Name must not be empty and delimiter must not be empty');
    expect(() => parseFileCommand('a<<EOF\nvalue\n', 'output')).toThrow("Invalid value. Matching delimiter not found 'EOF'");
    expect(() => parseFileCommand('a<<EOF\nvalue', 'output')).toThrow('Invalid value. EOF marker missing new line.');
  });

  it('carries the "Unable to process file command" header for the kind', () => {
    try {
      parseFileCommand('oops', 'state');
      expect.unreachable();
    } catch (e) {
      expect((e as { header: string }).header).toBe("Unable to process file command 'state' successfully.");
    }
  });
});

describe('parseCommandLine', () => {
  it('parses ::cmd k=v,k=v::data and unescapes data and properties', () => {
    const cmd = parseCommandLine(`::error title=${escapeProperty('a: b, c')},file=src/x.py,line=3::${escapeData('50% done\r\nnext')}`);
    expect(cmd).toMatchObject({ command: 'error', properties: { title: 'a: b, c', file: 'src/x.py', line: '3' }, data: '50% done\r\nnext' });
  });

  it('decodes %25 last, like the runner', () => {
    expect(parseCommandLine('::warning::%250A')?.data).toBe('%0A');
    expect(parseCommandLine('::warning t=%253A::x')?.properties.t).toBe('%3A');
  });

  it('allows leading whitespace, matches names case-insensitively, ignores unknown names', () => {
    expect(parseCommandLine('   ::ERROR::x')?.command).toBe('ERROR');
    expect(parseCommandLine('::nope::x')).toBeUndefined();
    expect(parseCommandLine('text ::error::x')).toBeUndefined();
    expect(parseCommandLine('::error x')).toBeUndefined();
  });

  it('understands the legacy ##[cmd k=v;k=v]data form anywhere in a line', () => {
    expect(parseCommandLine('prefix ##[warning file=a.py;line=2]careful%5D')).toMatchObject({
      command: 'warning',
      properties: { file: 'a.py', line: '2' },
      data: 'careful]',
      form: '##[',
    });
  });

  it('skips properties without a name or a value', () => {
    expect(parseCommandLine('::error =x,y=,line=4::m')?.properties).toEqual({ line: '4' });
  });
});

describe('parseStdoutCommands', () => {
  it('turns annotations into records and ##[level] log lines', () => {
    const r = parseStdoutCommands('hello\n::error file=a.py,line=1,endLine=2,title=T::bad thing\n::notice::fyi\n');
    expect(r.annotations).toEqual([
      { level: 'error', message: 'bad thing', file: 'a.py', line: 1, endLine: 2, title: 'T' },
      { level: 'notice', message: 'fyi' },
    ]);
    expect(r.log).toBe('hello\n##[error]bad thing\n##[notice]fyi');
  });

  it('repairs or drops invalid line/column ranges like the runner', () => {
    const ann = (line: string) => parseStdoutCommands(line).annotations[0];
    expect(ann('::error endLine=5::m')).toMatchObject({ line: 5, endLine: 5 });
    expect(ann('::error col=3::m')).not.toHaveProperty('col');
    expect(ann('::error line=9,endLine=4::m')).not.toHaveProperty('line');
    expect(ann('::error line=1,endLine=2,col=3,endColumn=4::m')).toEqual({ level: 'error', message: 'm', line: 1, endLine: 2 });
    expect(ann('::error line=1,col=8,endColumn=2::m')).toEqual({ level: 'error', message: 'm', line: 1 });
    expect(ann('::error line=2,col=1,endColumn=7::m')).toMatchObject({ line: 2, col: 1, endColumn: 7 });
    expect(ann('::error line=abc::m')).not.toHaveProperty('line');
  });

  it('cuts messages at 4096 characters and keeps at most 10 annotations of each type', () => {
    const lines = [`::warning::${'w'.repeat(5000)}`, ...Array.from({ length: 12 }, (_, i) => `::error::e${i}`), ...Array.from({ length: 3 }, () => '::notice::n')];
    const r = parseStdoutCommands(lines.join('\n'));
    expect(r.annotations.filter((a) => a.level === 'warning')[0]!.message).toHaveLength(4096);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual(Array.from({ length: 10 }, (_, i) => `e${i}`));
    expect(r.dropped).toEqual({ error: 2, warning: 0, notice: 0 });
    // dropped annotations still reach the log
    expect(r.log).toContain('##[error]e11');
  });

  it('renders groups, hides debug unless debugging', () => {
    const text = '::group::Setup\ninside\n::endgroup::\n::debug::details';
    expect(parseStdoutCommands(text).log).toBe('##[group]Setup\ninside\n##[endgroup]');
    const dbg = parseStdoutCommands(text, { debug: true, echo: false }).log;
    expect(dbg).toContain('##[debug]details');
  });

  it('masks values after add-mask, not before, including in annotations', () => {
    const r = parseStdoutCommands('s3cr3t-value early\n::add-mask::s3cr3t-value\nlate s3cr3t-value\n::error::leak s3cr3t-value');
    expect(r.log).toBe('s3cr3t-value early\nlate ***\n##[error]leak ***');
    expect(r.annotations[0]!.message).toBe('leak ***');
  });

  it('warns on an empty add-mask', () => {
    expect(parseStdoutCommands('::add-mask::  ').warnings).toEqual([MESSAGES.emptyMask]);
  });

  it('stops and resumes command processing with stop-commands', () => {
    const r = parseStdoutCommands('::stop-commands::pause-token-123\n::error::not an annotation\n::pause-token-123::\n::error::real');
    expect(r.annotations.map((a) => a.message)).toEqual(['real']);
    // the token is longer than 6 characters, so the runner masks it
    expect(r.log).toBe('::stop-commands::***\n::error::not an annotation\n::***::\n##[error]real');
  });

  it('refuses a stop token that is a command name', () => {
    const r = parseStdoutCommands('::stop-commands::error');
    expect(r.failed).toBe(true);
    expect(r.errors).toContain(MESSAGES.invalidStopToken);
  });

  it('honours deprecated set-output/save-state with a warning', () => {
    const r = parseStdoutCommands('::set-output name=a::1\n::save-state name=s::2');
    expect(r.outputs).toEqual({ a: '1' });
    expect(r.state).toEqual({ s: '2' });
    expect(r.warnings).toEqual([MESSAGES.deprecatedCommand('set-output'), MESSAGES.deprecatedCommand('save-state')]);
    expect(r.failed).toBe(false);
  });

  it('refuses set-env and add-path unless ACTIONS_ALLOW_UNSECURE_COMMANDS is true', () => {
    const refused = parseStdoutCommands('::set-env name=A::1');
    expect(refused.failed).toBe(true);
    expect(refused.errors).toEqual([MESSAGES.commandFailed('::set-env name=A::1'), MESSAGES.disabledCommand('set-env')]);
    expect(refused.env).toEqual({});
    const allowed = parseStdoutCommands('::set-env name=A::1\n::add-path::/x', { envContext: { ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true' } });
    expect(allowed).toMatchObject({ failed: false, env: { A: '1' }, path: ['/x'] });
  });

  it('processes commands written with CRLF (the stream reader splits on CR too)', () => {
    const r = parseStdoutCommands('::warning::one\r\n::warning::two\rplain\r\n');
    expect(r.annotations.map((a) => a.message)).toEqual(['one', 'two']);
    expect(r.log).toBe('##[warning]one\n##[warning]two\nplain');
  });

  it('echoes non-silent commands when echo is on', () => {
    const masker = new SecretMasker();
    const log = new StepLog({ masker, debug: false });
    const p = new CommandProcessor(log, { echo: false, envContext: {} });
    for (const l of ['::group::g', '::echo::on', '::group::h', '::error::e', '::add-mask::hidden']) p.processLine(l);
    expect(log.text).toBe('##[group]g\n::group::h\n##[group]h\n##[error]e\n::add-mask::***');
  });
});

describe('SecretMasker', () => {
  it('replaces every occurrence and merges overlaps', () => {
    const m = new SecretMasker();
    m.add('abcabc');
    m.add('cab');
    expect(m.mask('xabcabcabcx')).toBe('x***x');
    expect(m.mask('no secrets')).toBe('no secrets');
  });

  it('also masks encoded forms (base64, JSON, URI)', () => {
    const m = new SecretMasker();
    m.add('p@ss "word"');
    expect(m.mask(Buffer.from('p@ss "word"').toString('base64'))).toBe('***');
    expect(m.mask(JSON.stringify({ v: 'p@ss "word"' }))).toBe('{"v":"***"}');
    expect(m.mask(`u=${encodeURIComponent('p@ss "word"')}`)).toBe('u=***');
  });

  it('adds each line of a multi-line value separately', () => {
    const m = new SecretMasker();
    m.addWithLines('first-line\nsecond-line');
    expect(m.mask('second-line only')).toBe('*** only');
  });
});

describe('processStepSummary', () => {
  const id = (s: string) => s;
  it('accepts exactly 1 MiB and drops one byte more with the runner error', () => {
    expect(processStepSummary(Buffer.alloc(1024 * 1024, 'a'), id).error).toBeUndefined();
    const r = processStepSummary(Buffer.alloc(1024 * 1024 + 1, 'a'), id);
    expect(r).toEqual({ summary: '', error: MESSAGES.summaryTooLarge(1024, 1024) });
    expect(r.error).toContain('supports content up to a size of 1024k');
  });

  it('masks line by line and normalises line ends to LF', () => {
    const m = new SecretMasker();
    m.add('tok');
    expect(processStepSummary(Buffer.from('a tok\r\nb'), (s) => m.mask(s)).summary).toBe('a ***\nb\n');
  });
});

describe('expressions', () => {
  const ctx = (failed = false) => ({
    contexts: { github: { event_name: 'push', ref: 'refs/heads/main' }, steps: { a: { outputs: { n: '3' }, outcome: 'success' } }, env: {} },
    status: { success: !failed, failure: failed },
  });

  it('adds an implicit success() to conditions without a status function', () => {
    expect(evaluateCondition("github.event_name == 'PUSH'", ctx())).toBe(true);
    expect(evaluateCondition("github.event_name == 'push'", ctx(true))).toBe(false);
    expect(evaluateCondition("always() && github.event_name == 'push'", ctx(true))).toBe(true);
    expect(evaluateCondition('${{ failure() }}', ctx(true))).toBe(true);
    expect(evaluateCondition("!cancelled() && steps.a.outputs.n > 2", ctx(true))).toBe(true);
  });

  it('interpolates ${{ }} in strings', () => {
    expect(interpolate("n=${{ steps.a.outputs.n }} ${{ startsWith(github.ref, 'refs/heads/') }}", ctx())).toBe('n=3 true');
    expect(() => interpolate('${{ nonesuch() }}', ctx())).toThrow(/not supported/);
  });
});

// -------------------------------------------------------------------------------------------
// Running real actions
// -------------------------------------------------------------------------------------------

describe('inputs', () => {
  it('passes with values and action.yml defaults as INPUT_* variables', async () => {
    const r = await runStep({ action: fx('core-inputs'), with: { 'fail-on': 'warning', strict: true } });
    expect(r.outcome).toBe('success');
    expect(r.outputs).toEqual({
      'fail-on': 'warning',
      greeting: 'hello',
      retries: '3',
      'with-space': 'spaced',
      'env-name-present': 'true',
      strict: 'true',
    });
    expect(r.processEnv['INPUT_FAIL-ON']).toBe('warning');
    expect(r.processEnv.INPUT_WITH_SPACE).toBe('spaced');
    // `required` is never enforced and inputs without a default are simply set to ''
    expect(r.processEnv['INPUT_OLD-FLAG']).toBe('');
    expect(r.warnings).toEqual([]);
  });

  it('getBooleanInput accepts only the YAML core schema spellings', async () => {
    const ok = await runStep({ action: fx('core-inputs'), with: { strict: 'TRUE' } });
    expect(ok.outputs.strict).toBe('true');
    const bad = await runStep({ action: fx('core-inputs'), with: { strict: 'yes' } });
    expect(bad.outcome).toBe('failure');
    expect(bad.exitCode).toBe(1);
    expect(bad.annotations[0]?.message).toContain('Input does not meet YAML 1.2 "Core Schema" specification: strict');
  });

  it('warns about unexpected and deprecated inputs but still runs', async () => {
    const r = await runStep({ action: fx('core-inputs'), with: { bogus: 'x', 'old-flag': 'y' } });
    expect(r.outcome).toBe('success');
    expect(r.warnings).toEqual([
      "Input 'old-flag' has been deprecated with message: use strict instead",
      "Unexpected input(s) 'bogus', valid inputs are ['fail-on', 'greeting', 'strict', 'retries', 'with space', 'old-flag']",
    ]);
    expect(r.log).toContain("##[warning]Unexpected input(s) 'bogus'");
    expect(r.processEnv.INPUT_BOGUS).toBe('x');
  });
});

describe('file commands', () => {
  it('reads heredoc outputs written raw and by @actions/core', async () => {
    const r = await runStep({
      action: fx('raw-file-commands'),
      with: { output: 'simple=1\nblock<<EOT\nfirst\nsecond\nEOT\n' },
    });
    expect(r.outcome).toBe('success');
    expect(r.outputs).toEqual({ simple: '1', block: 'first\nsecond' });
    const core = await runStep({ action: fx('core-env') });
    expect(core.outputs.report).toBe('line 1\nline 2\n');
  });

  it('fails the step on a malformed output file, keeping the values before the bad line', async () => {
    const r = await runStep({ action: fx('raw-file-commands'), with: { output: 'good=1\nthis is not a command\nlater=2\n' } });
    expect(r.exitCode).toBe(0);
    expect(r.outcome).toBe('failure');
    expect(r.errors).toEqual(["Unable to process file command 'output' successfully.", "Invalid format 'this is not a command'"]);
    expect(r.outputs).toEqual({ good: '1' });
    expect(r.log).toContain("##[error]Unable to process file command 'output' successfully.");
  });

  it('fails on a heredoc without its closing delimiter', async () => {
    const r = await runStep({ action: fx('raw-file-commands'), with: { env: 'A<<EOF\nnever closed\n' } });
    expect(r.outcome).toBe('failure');
    expect(r.errors).toEqual(["Unable to process file command 'env' successfully.", "Invalid value. Matching delimiter not found 'EOF'"]);
  });

  it('drops a summary over 1 MiB with an error but does not fail the step', async () => {
    const big = await runStep({ action: fx('raw-file-commands'), with: { 'summary-bytes': 1024 * 1024 + 10 } });
    expect(big.outcome).toBe('success');
    expect(big.summary).toBe('');
    expect(big.errors).toEqual([MESSAGES.summaryTooLarge(1024, 1024)]);
    const fits = await runStep({ action: fx('raw-file-commands'), with: { 'summary-bytes': 1024 * 1024 } });
    expect(fits.errors).toEqual([]);
    expect(fits.summary).toHaveLength(1024 * 1024 + 1);
  });

  it('GITHUB_ENV and GITHUB_PATH reach later steps; NODE_OPTIONS is refused', async () => {
    const j = await job({
      steps: [
        { action: fx('core-env'), id: 'export' },
        { action: fx('raw-file-commands'), id: 'raw', with: { env: 'RAW_VAR=from raw\n', path: '/opt/raw/bin\n' } },
        probe(['MODEL_NAME', 'MULTI_LINE', 'RAW_VAR', 'NODE_OPTIONS', 'PATH']),
      ],
    });
    expect(j.outcome).toBe('success');
    const env = envOf(j.step('probe'));
    expect(env.MODEL_NAME).toBe('resnet');
    expect(env.MULTI_LINE).toBe('a\nb');
    expect(env.RAW_VAR).toBe('from raw');
    expect(env.NODE_OPTIONS).toBeNull();
    expect(env.PATH!.split(path.delimiter).slice(0, 3)).toEqual(['/opt/raw/bin', '/opt/second-tool/bin', '/opt/first-tool/bin']);
    expect(env.PATH).toContain(process.env.PATH!.split(path.delimiter)[0]);

    const exp = j.step('export');
    expect(exp.outcome).toBe('success');
    expect(exp.annotations).toContainEqual({ level: 'error', message: MESSAGES.blockedEnv('NODE_OPTIONS'), source: 'runner' });
    expect(exp.env).toEqual({ MODEL_NAME: 'resnet', MULTI_LINE: 'a\nb' });
    expect(j.env).toEqual({ MODEL_NAME: 'resnet', MULTI_LINE: 'a\nb', RAW_VAR: 'from raw' });
    expect(j.path).toEqual(['/opt/raw/bin', '/opt/second-tool/bin', '/opt/first-tool/bin']);
  });
});

describe('workflow commands from a real process', () => {
  it('records escaped annotations from stdout and stderr and keeps them in the log', async () => {
    const r = await runStep(
      echo([`::error file=src/train.py,line=12,col=4,endColumn=9,title=${escapeProperty('Loss: NaN, again')}::${escapeData('100% broken\nsee below')}`], {
        stderr: ['::warning::from stderr'],
        exitCode: 1,
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.outcome).toBe('failure');
    expect(r.annotations).toEqual(
      expect.arrayContaining([
        { level: 'error', message: '100% broken\nsee below', title: 'Loss: NaN, again', file: 'src/train.py', line: 12, col: 4, endColumn: 9 },
        { level: 'warning', message: 'from stderr' },
      ]),
    );
    expect(r.log).toContain('##[error]100% broken\nsee below');
    expect(r.stdout).toContain('::error file=src/train.py');
  });

  it('keeps 10 annotations per type and counts the rest', async () => {
    const r = await runStep(echo(Array.from({ length: 13 }, (_, i) => `::warning::w${i}`)));
    expect(r.annotations).toHaveLength(10);
    expect(r.droppedAnnotations).toEqual({ error: 0, warning: 3, notice: 0 });
    expect(r.log).toContain('##[warning]w12');
  });

  it('makes workspace file paths repository-relative', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-'));
    try {
      const r = await runStep(echo([`::notice file=${path.join(ws, 'data', 'train.csv')},line=2::row`]), { workspace: ws });
      expect(r.annotations[0]).toMatchObject({ file: 'data/train.csv', line: 2 });
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('masks add-mask values, job secrets and setSecret values in log, summary and annotations', async () => {
    const j = await job({
      secrets: ['hunter2-job-secret'],
      steps: [
        echo(['job secret: hunter2-job-secret', '::add-mask::dynamic-value-42', '::error::leaked dynamic-value-42'], { id: 'masks' }),
        { action: fx('core-env'), id: 'core', with: { secret: 'tok_abcdef123' } },
        echo(['later step still masked: dynamic-value-42 tok_abcdef123'], { id: 'later' }),
      ],
    });
    const masks = j.step('masks');
    expect(masks.log).toContain('job secret: ***');
    expect(masks.annotations[0]!.message).toBe('leaked ***');
    expect(masks.stdout).toContain('hunter2-job-secret'); // raw output is the process's, unmasked
    const core = j.step('core');
    // lines written before setSecret stay readable, exactly like on a real runner
    expect(core.log).toContain('before mask: tok_abcdef123');
    expect(core.log).toContain('after mask: ***');
    expect(core.summary).toBe('<h1>Report</h1>\ntoken: ***\n');
    expect(j.step('later').log).toContain('later step still masked: *** ***');
  });

  it('renders groups and shows debug lines only in debug mode', async () => {
    const quiet = await runStep({ action: fx('core-env') });
    expect(quiet.log).toContain('##[group]Details\ninside the group\n##[endgroup]');
    expect(quiet.log).not.toContain('a debug line');
    expect(quiet.processEnv.RUNNER_DEBUG).toBeUndefined();
    const loud = await runStep({ action: fx('core-env') }, { debug: true });
    expect(loud.log).toContain('##[debug]a debug line');
    expect(loud.processEnv.RUNNER_DEBUG).toBe('1');
  });

  it('handles output without a trailing newline and CR line breaks', async () => {
    const r = await runStep(echo([], { with: { raw: 'progress 10%\rprogress 100%\n::notice::done' } }));
    expect(r.log.split('\n').slice(-3)).toEqual(['progress 10%', 'progress 100%', '##[notice]done']);
  });
});

describe('phases', () => {
  const read = (ws: string) => fs.readFileSync(path.join(ws, 'order.log'), 'utf8').trim().split('\n');

  it('runs pres first, mains in order, posts in reverse; state reaches main and post', async () => {
    const j = await job({
      steps: [
        { action: fx('lifecycle'), id: 'a', with: { label: 'a' } },
        { action: fx('lifecycle'), id: 'b', with: { label: 'b' } },
      ],
    });
    expect(j.outcome).toBe('success');
    expect(read(j.workspace)).toEqual(['pre:a', 'pre:b', 'main:a', 'main:b', 'post:b', 'post:a']);
    expect(j.steps.map((s) => `${s.phase}:${s.id}`)).toEqual(['pre:a', 'pre:b', 'main:a', 'main:b', 'post:b', 'post:a']);
    expect(j.step('a').log).toContain('main sees STATE_from-pre=pre of a');
    expect(j.step('a').state).toEqual({ multi: 'line one\nline two', raw: 'written by hand' });
    const post = j.phase('a', 'post')!;
    expect(post.processEnv['STATE_from-pre']).toBe('pre of a');
    expect(post.log).toContain('Post job cleanup.');
    expect(post.log).toContain('post state raw=written by hand');
    expect(post.log).toContain('post state multi="line one\\nline two"');
    expect(j.step('b').outputs).toEqual({ label: 'b' });
  });

  it('skips later mains after a failure but still runs every registered post', async () => {
    const j = await job({
      steps: [
        { action: fx('lifecycle'), id: 'a', with: { label: 'a' } },
        { action: fx('lifecycle'), id: 'b', with: { label: 'b', fail: true } },
        { action: fx('lifecycle'), id: 'c', with: { label: 'c' } },
        { action: fx('lifecycle-success-only'), id: 'd', with: { label: 'd' } },
        { action: fx('lifecycle'), id: 'e', with: { label: 'e' }, if: 'always()' },
      ],
    });
    expect(j.outcome).toBe('failure');
    expect(j.step('b')).toMatchObject({ outcome: 'failure', exitCode: 1 });
    expect(j.step('b').annotations[0]).toMatchObject({ level: 'error', message: 'main of b failed' });
    expect(j.step('c').outcome).toBe('skipped');
    expect(j.step('d').outcome).toBe('skipped');
    // c's pre ran, so its post is registered; d never ran, so it has no post
    expect(read(j.workspace)).toEqual(['pre:a', 'pre:b', 'pre:c', 'pre:e', 'main:a', 'main:b', 'main:e', 'post:e', 'post:c', 'post:b', 'post:a']);
  });

  it('honours post-if: success() and ../ paths in runs', async () => {
    const ok = await job({ steps: [{ action: fx('lifecycle-success-only'), id: 'd', with: { label: 'd' } }] });
    expect(read(ok.workspace)).toEqual(['main:d', 'post:d']);
    const failed = await job({ steps: [{ action: fx('lifecycle-success-only'), id: 'd', with: { label: 'd', fail: true } }] });
    expect(read(failed.workspace)).toEqual(['main:d']);
    expect(failed.phase('d', 'post')).toBeUndefined();
  });

  it('does not run pre for a local (uses: ./) action and says so', async () => {
    const j = await job({ steps: [{ action: fx('lifecycle'), id: 'a', with: { label: 'a' }, local: true }] });
    expect(read(j.workspace)).toEqual(['main:a', 'post:a']);
    expect(j.step('a').warnings[0]).toMatch(/^`pre` execution is not supported for local action from '.*lifecycle'$/);
  });

  it('continue-on-error keeps the job going', async () => {
    const j = await job({
      steps: [echo([], { id: 'bad', exitCode: 3, 'continue-on-error': true }), echo(['ran'], { id: 'next' })],
    });
    expect(j.step('bad')).toMatchObject({ outcome: 'failure', conclusion: 'success', exitCode: 3 });
    expect(j.step('next').outcome).toBe('success');
    expect(j.outcome).toBe('success');
  });

  it('passes outputs to later steps through ${{ steps.<id>.outputs.<name> }}', async () => {
    const j = await job({
      steps: [
        { action: fx('raw-file-commands'), id: 'first', with: { output: 'model=resnet50\n' } },
        probe(['INPUT_NAMES', 'FROM_STEP'], { env: { FROM_STEP: '${{ steps.first.outputs.model }}' }, if: "steps.first.outputs.model == 'RESNET50'" }),
      ],
    });
    expect(envOf(j.step('probe')).FROM_STEP).toBe('resnet50');
  });
});

describe('environment', () => {
  it('is hermetic, applies precedence job < step < runtime, and lets job env plug in service URLs', async () => {
    process.env.RUNNER_EMU_LEAK_CHECK = 'should not leak';
    try {
      const j = await job({
        env: {
          LEVEL: 'job',
          JOB_ONLY: 'j',
          GITHUB_SERVER_URL: 'http://github.localhost',
          ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
          ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
        },
        steps: [
          { action: fx('raw-file-commands'), id: 'set', with: { env: 'LEVEL=github_env\nFROM_ENV_FILE=1\n' } },
          probe(
            ['LEVEL', 'JOB_ONLY', 'FROM_ENV_FILE', 'GITHUB_SHA', 'GITHUB_SERVER_URL', 'GITHUB_API_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'RUNNER_EMU_LEAK_CHECK', 'CI', 'GITHUB_ACTIONS', 'RUNNER_OS', 'INPUT_NAMES'],
            { env: { LEVEL: 'step', GITHUB_SHA: 'step-cannot-override', INPUT_NAMES: 'step-cannot-override' } },
          ),
        ],
      });
      const env = envOf(j.step('probe'));
      expect(env).toMatchObject({
        LEVEL: 'step',
        JOB_ONLY: 'j',
        FROM_ENV_FILE: '1',
        GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
        GITHUB_SERVER_URL: 'http://github.localhost',
        GITHUB_API_URL: 'http://github.localhost/api/v3',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
        RUNNER_EMU_LEAK_CHECK: null,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        RUNNER_OS: process.platform === 'linux' ? 'Linux' : expect.any(String),
      });
      expect(env.INPUT_NAMES).not.toBe('step-cannot-override');
      // the runtime token is masked in the log
      expect(j.step('probe').log).not.toContain('runtime-token-value');
      // a step without step env sees the GITHUB_ENV value over the job value
      const names = JSON.parse(j.step('probe').outputs['all-env-names']!) as string[];
      expect(names).toEqual(expect.arrayContaining(['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY', 'GITHUB_EVENT_PATH', 'RUNNER_TEMP', 'RUNNER_TOOL_CACHE', 'GITHUB_ACTION_PATH', 'HOME']));
      expect(j.step('probe').outputs.cwd).toBe(fs.realpathSync(j.workspace));
    } finally {
      delete process.env.RUNNER_EMU_LEAK_CHECK;
    }
  });

  it('gives every phase fresh, empty file-command files under RUNNER_TEMP', async () => {
    const j = await job({ steps: [probe([], { id: 'p1' }), probe([], { id: 'p2' })] });
    const [a, b] = [j.step('p1').processEnv, j.step('p2').processEnv];
    expect(a.GITHUB_OUTPUT).not.toBe(b.GITHUB_OUTPUT);
    expect(path.dirname(a.GITHUB_OUTPUT!)).toBe(path.join(a.RUNNER_TEMP!, '_runner_file_commands'));
    expect(path.basename(a.GITHUB_OUTPUT!)).toMatch(/^set_output_[0-9a-f-]{36}$/);
    expect(a.GITHUB_ACTION).toBe('p1');
  });

  it('writes a pull_request payload and the matching refs', async () => {
    const r = await runStep(probe(['GITHUB_EVENT_NAME', 'GITHUB_REF', 'GITHUB_REF_NAME', 'GITHUB_HEAD_REF', 'GITHUB_BASE_REF', 'GITHUB_SHA']), {
      event: { name: 'pull_request' },
    });
    expect(envOf(r)).toEqual({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/1/merge',
      GITHUB_REF_NAME: '1/merge',
      GITHUB_HEAD_REF: 'feature',
      GITHUB_BASE_REF: 'main',
      GITHUB_SHA: 'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0',
    });
    const event = JSON.parse(r.outputs.event!) as { pull_request: { number: number; head: { ref: string } } };
    expect(event.pull_request.number).toBe(1);

    const custom = await runStep(probe(['GITHUB_REF', 'GITHUB_HEAD_REF']), {
      event: { name: 'pull_request', payload: { number: 42, pull_request: { number: 42, head: { ref: 'exp/lr' }, base: { ref: 'dev' } } } },
    });
    expect(envOf(custom)).toEqual({ GITHUB_REF: 'refs/pull/42/merge', GITHUB_HEAD_REF: 'exp/lr' });
    expect(JSON.parse(custom.outputs.event!)).toEqual({ number: 42, pull_request: { number: 42, head: { ref: 'exp/lr' }, base: { ref: 'dev' } } });
  });

  it('defaults to a push to main with empty head/base refs', async () => {
    const r = await runStep(probe(['GITHUB_EVENT_NAME', 'GITHUB_REF', 'GITHUB_HEAD_REF', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ATTEMPT']));
    expect(envOf(r)).toEqual({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_HEAD_REF: '', GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_RUN_ATTEMPT: '1' });
  });
});

describe('timeouts and failures before start', () => {
  it('kills the process group after timeoutMs', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-'));
    try {
      const started = Date.now();
      const r = await runStep({ action: fx('hang') }, { workspace: ws, timeoutMs: 2500 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(r).toMatchObject({ timedOut: true, outcome: 'failure' });
      expect(r.exitCode).not.toBe(0);
      expect(r.errors[0]).toMatch(/^The action 'Run .*hang' has timed out after/);
      expect(r.log).toContain('started, now waiting forever');
      const pid = Number(fs.readFileSync(path.join(ws, 'grandchild.pid'), 'utf8'));
      await expect.poll(() => isAlive(pid), { timeout: 5000 }).toBe(false);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('fails a step whose action.yml cannot be used', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-action-'));
    try {
      fs.writeFileSync(path.join(dir, 'action.yml'), 'name: x\nruns:\n  using: node99\n  main: index.js\n');
      const r = await runStep({ action: dir });
      expect(r.outcome).toBe('failure');
      expect(r.errors[0]).toBe("'using: node99' is not supported, use 'docker', 'node12', 'node16', 'node20' or 'node24' instead.");
      fs.writeFileSync(path.join(dir, 'action.yml'), 'name: x\nruns:\n  using: node20\n  main: missing.js\n');
      const missing = await runStep({ action: dir });
      expect(missing.errors[0]).toMatch(/^File not found: '.*missing\.js'$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function isAlive(pid: number): boolean {
  // a zombie nobody reaped yet counts as dead
  try {
    if (/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))) return false;
  } catch {
    // no /proc (macOS) or already gone
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('run: steps, stand-ins and hashFiles', () => {
  it('runs a script in bash with file commands, expressions and the job status, like the runner', async () => {
    const r = await job({
      contexts: { inputs: { who: 'octo' }, needs: { build: { result: 'success', outputs: { tag: 'v1' } } } },
      steps: [
        { id: 'a', run: 'echo "greeting=hello ${{ inputs.who }}" >> "$GITHUB_OUTPUT"\necho "tag ${{ needs.build.outputs.tag }}"' },
        { id: 'b', env: { G: '${{ steps.a.outputs.greeting }}' }, run: 'test "$G" = "hello octo"; exit 3' },
        { id: 'c', run: 'echo never' },
        { id: 'd', if: 'always()', run: 'echo "ran=$(pwd)" >> "$GITHUB_OUTPUT"', workingDirectory: '.' },
      ],
    });
    expect(r.step('a').outputs).toEqual({ greeting: 'hello octo' });
    expect(r.step('a').log).toContain('tag v1');
    expect(r.step('b').exitCode).toBe(3);
    expect(r.step('b').log).toContain('##[error]Process completed with exit code 3.');
    expect(r.step('c').outcome).toBe('skipped');
    expect(r.step('d').outputs.ran).toBe(r.workspace);
    expect(r.outcome).toBe('failure');
  });

  it('stands another action in with a function: its outputs, or its error as the step failure', async () => {
    const seen: Array<Record<string, string>> = [];
    const r = await job({
      steps: [
        { id: 'up', standIn: (inputs) => (seen.push(inputs), { 'artifact-id': `id-${inputs.name}` }), with: { name: '${{ github.event_name }}-report' } },
        { id: 'bad', standIn: () => Promise.reject(new Error('Artifact not found for name: x')) },
      ],
    });
    expect(seen).toEqual([{ name: 'push-report' }]);
    expect(r.step('up').outputs).toEqual({ 'artifact-id': 'id-push-report' });
    expect(r.step('bad').outcome).toBe('failure');
    expect(r.step('bad').log).toContain('##[error]Artifact not found for name: x');
  });

  it('hashFiles() matches the runner: SHA-256 over the files\u2019 SHA-256 digests, in path order (reference: Python hashlib)', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'hashfiles-'));
    try {
      for (const [rel, body] of [['data/fresh/b.csv', 'b\n'], ['data/fresh/a.csv', 'a\n'], ['data/fresh/sub/c.csv', 'c\n'], ['data/old.csv', 'x\n']]) {
        fs.mkdirSync(path.dirname(path.join(ws, rel!)), { recursive: true });
        fs.writeFileSync(path.join(ws, rel!), body!);
      }
      const r = await job({
        workspace: ws,
        steps: [{ id: 'h', run: 'echo "all=${{ hashFiles(\'data/fresh/**\') }}" >> "$GITHUB_OUTPUT"; echo "top=${{ hashFiles(\'data/fresh/*.csv\', \'!data/fresh/b.csv\') }}" >> "$GITHUB_OUTPUT"; echo "none=${{ hashFiles(\'nothing/**\') }}" >> "$GITHUB_OUTPUT"' }],
      });
      const reference = (files: string[]) =>
        runPython(`import hashlib, sys\nh = hashlib.sha256()\nfor f in sys.argv[1:]:\n    h.update(hashlib.sha256(open(f, 'rb').read()).digest())\nprint(h.hexdigest())`, files.map((f) => path.join(ws, f)));
      expect(r.step('h').outputs).toEqual({
        all: reference(['data/fresh/a.csv', 'data/fresh/b.csv', 'data/fresh/sub/c.csv']),
        top: reference(['data/fresh/a.csv']),
        none: '',
      });
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

function runPython(code: string, args: string[]): string {
  return execFileSync('/usr/bin/python3', ['-c', code, ...args], { encoding: 'utf8' }).trim();
}
