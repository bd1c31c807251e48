import * as core from '@actions/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { WorkflowCommands, type AnnotationProperties } from '../../src/platform/workflow-commands.js';
import { parseFileCommand, parseStdoutCommands } from '../harness/runner.js';
import { makeTempDir } from '../support/tmp.js';

/** Our runner commands must write exactly what @actions/core writes, and parse as the runner parses. */
const tmp = makeTempDir('mlops-cmd-');
afterAll(() => tmp.remove());
afterEach(() => vi.restoreAllMocks());

function captureStdout(fn: () => void): string {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    fn();
  } finally {
    vi.restoreAllMocks();
  }
  return out;
}

const awkward = 'line one\nline two: 100% done, 50%0A literal\r\nend';

describe('WorkflowCommands', () => {
  it('writes annotations byte for byte as @actions/core does', () => {
    const cases: Array<[string, AnnotationProperties]> = [
      ['plain', {}],
      [awkward, { title: 'Data validation: max, again', file: 'data/a,b:c.csv', startLine: 12, startColumn: 3 }],
      ['range', { file: 'x.csv', startLine: 1, endLine: 4, endColumn: 9 }],
    ];
    for (const [message, props] of cases) {
      for (const level of ['error', 'warning', 'notice'] as const) {
        const ours = captureStdout(() => new WorkflowCommands({})[level](message, props));
        const theirs = captureStdout(() => core[level](message, props));
        expect(ours).toBe(theirs);
      }
    }
    const parsed = parseStdoutCommands(captureStdout(() => new WorkflowCommands({}).error(awkward, { title: 't:1,2', file: 'f.csv', startLine: 2 })));
    expect(parsed.annotations[0]).toMatchObject({ level: 'error', message: awkward, title: 't:1,2', file: 'f.csv', line: 2 });
  });

  it('masks and logs debug lines as @actions/core does', () => {
    expect(captureStdout(() => new WorkflowCommands({}).setSecret('s3cr%t\n'))).toBe(captureStdout(() => core.setSecret('s3cr%t\n')));
    expect(captureStdout(() => new WorkflowCommands({}).debug(awkward))).toBe(captureStdout(() => core.debug(awkward)));
  });

  it('opens and closes log groups as @actions/core does', () => {
    expect(captureStdout(() => new WorkflowCommands({}).startGroup('train-check: python train.py'))).toBe(captureStdout(() => core.startGroup('train-check: python train.py')));
    expect(captureStdout(() => new WorkflowCommands({}).endGroup())).toBe(captureStdout(() => core.endGroup()));
  });

  it('writes outputs in the heredoc form the runner parses back exactly', () => {
    const ours = tmp.write('ours', '');
    const theirs = tmp.write('theirs', '');
    new WorkflowCommands({ GITHUB_OUTPUT: ours }).setOutput('report-path', awkward);
    new WorkflowCommands({ GITHUB_OUTPUT: ours }).setOutput('verdict', 'pass');
    const saved = process.env.GITHUB_OUTPUT;
    process.env.GITHUB_OUTPUT = theirs;
    try {
      core.setOutput('report-path', awkward);
      core.setOutput('verdict', 'pass');
    } finally {
      process.env.GITHUB_OUTPUT = saved;
    }
    const normalise = (file: string) => readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIM');
    expect(normalise(ours)).toBe(normalise(theirs));
    expect(parseFileCommand(readFileSync(ours, 'utf8'), 'output')).toEqual({ 'report-path': awkward, verdict: 'pass' });
  });

  it('reads inputs with the runner’s names, trimmed, like core.getInput', () => {
    const env = { 'INPUT_FAIL-ON': ' never \n', INPUT_WITH_SPACE: 'x' };
    const commands = new WorkflowCommands(env);
    expect(commands.getInput('fail-on')).toBe('never');
    expect(commands.getInput('with space')).toBe('x');
    expect(commands.getInput('absent')).toBe('');
  });

  it('appends to the job summary file and reports when there is none', () => {
    const file = tmp.write('summary', 'before\n');
    expect(new WorkflowCommands({ GITHUB_STEP_SUMMARY: file }).appendSummary('## hello\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('before\n## hello\n');
    expect(new WorkflowCommands({}).appendSummary('x')).toBe(false);
    writeFileSync(file, '');
  });
});
