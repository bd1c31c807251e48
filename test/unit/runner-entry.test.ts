import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ConfigurationError } from '../../src/platform/errors.js';
import { runOnRunner } from '../../src/platform/runner.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * The outer wrapper every bundle runs: whatever is thrown ends as a failed step with a message, a
 * user's mistake shows no stack, an internal error shows the stack only in debug mode.
 */
const inputs = z.object({ 'fail-on': z.string().prefault('error') });

describe('runOnRunner failure handling', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let stdout: string;
  const saved = { ...process.env };

  beforeEach(() => {
    tmp = makeTempDir('mlops-entry-');
    stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    process.env.GITHUB_OUTPUT = tmp.write('output', '');
    process.env.GITHUB_STEP_SUMMARY = tmp.write('summary', '');
    process.env.GITHUB_WORKSPACE = tmp.root;
    delete process.env.RUNNER_DEBUG;
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.env = { ...saved };
    process.exitCode = undefined;
    tmp.remove();
  });

  const run = (thrown: unknown) =>
    runOnRunner({
      name: 'demo-action',
      inputs,
      run: async () => {
        throw thrown;
      },
    });

  it('reports a configuration error at its file and line, without a stack', async () => {
    await run(new ConfigurationError('bad value', { file: 'conf.yaml', line: 7, hint: 'Use a number.' }));
    expect(process.exitCode).toBe(1);
    expect(stdout).toContain('::error title=demo-action%3A configuration error,file=conf.yaml,line=7::conf.yaml:7: bad value Use a number.');
    expect(stdout).not.toMatch(/\bat .+:\d+:\d+/);
    expect(readFileSync(process.env.GITHUB_OUTPUT!, 'utf8')).toMatch(/verdict<<ghadelimiter_[^\n]+\nerror\n/);
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('demo-action: configuration error');
  });

  it('reports a thrown non-Error value as an internal error', async () => {
    await run('boom');
    expect(process.exitCode).toBe(1);
    expect(stdout).toContain('demo-action: internal error: non-error value thrown: boom');
  });

  it('shows the stack of an internal error only in debug mode', async () => {
    await run(new TypeError('cannot read x'));
    expect(stdout).toContain('internal error: TypeError: cannot read x (re-run with debug logging for the stack trace)');
    expect(stdout).not.toMatch(/%0A\s+at /);
    stdout = '';
    process.env.RUNNER_DEBUG = '1';
    await run(new TypeError('cannot read x'));
    expect(stdout).toMatch(/internal error: TypeError: cannot read x%0A\s+at /);
  });

  it('turns a bad input into a configuration error', async () => {
    process.env['INPUT_FAIL-ON'] = 'x';
    await runOnRunner({ name: 'demo-action', inputs: z.object({ 'fail-on': z.enum(['error', 'never']).prefault('error') }), run: async () => ({}) as never });
    expect(process.exitCode).toBe(1);
    expect(stdout).toMatch(/::error title=demo-action%3A configuration error::input fail-on: /);
  });
});
