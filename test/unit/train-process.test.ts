import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/platform/errors.js';
import { parseProcStat, runMeasured, type RunCommandOptions } from '../../src/training/process-tree.js';
import { makeTempDir } from '../support/tmp.js';

const MiB = 1024 * 1024;
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const onLinux = existsSync('/proc/self/stat');

let dir: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  dir = makeTempDir('train-process-');
});
afterAll(() => dir.remove());

/** A token only this test's processes carry, to look for survivors without confusing them with other tests'. */
function baseEnv(token = randomUUID()): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C.UTF-8', TEST_RUN_TOKEN: token };
}

function script(name: string, text: string, executable = true): string {
  const file = dir.write(name, text);
  if (executable) chmodSync(file, 0o755);
  return file;
}

function run(argv: string[], extra: Partial<RunCommandOptions> = {}) {
  return runMeasured({ argv, cwd: dir.root, env: baseEnv(), ...extra });
}

/** Gone, or a zombie: an orphan's zombie lingers where init does not reap, but it runs nothing. */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  try {
    const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'latin1'));
    return stat === undefined || stat.state === 'Z';
  } catch {
    return true;
  }
}

async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

/** Live processes whose environment holds TEST_RUN_TOKEN=<token>. */
function liveWithToken(token: string): number[] {
  const needle = `TEST_RUN_TOKEN=${token}`;
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const entries = readFileSync(`/proc/${name}/environ`, 'latin1').split('\0');
      if (entries.includes(needle) && !isGone(Number(name))) found.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

const childPids = (tail: string[]) => tail.filter((l) => l.startsWith('child ')).map((l) => Number(l.slice(6)));

describe('parseProcStat', () => {
  it('finds the fields after a command name holding spaces and parentheses', () => {
    // Fields 3..24 of proc(5): state, ppid, pgrp, session, tty, tpgid, flags, 4 fault counts,
    // utime, stime, cutime, cstime, priority, nice, threads, itrealvalue, starttime, vsize, rss.
    const line = '4321 (a) b (c)) R 17 4000 4000 0 -1 4194560 10 0 0 0 150 25 300 40 20 0 1 0 987654 123456789 2048 18446744073709551615\n';
    expect(parseProcStat(line)).toEqual({
      pid: 4321,
      comm: 'a) b (c)',
      state: 'R',
      ppid: 17,
      pgrp: 4000,
      utime: 150,
      stime: 25,
      cutime: 300,
      cstime: 40,
      starttime: 987654,
      rss: 2048,
    });
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it.runIf(onLinux)('reads this process', () => {
    const self = parseProcStat(readFileSync('/proc/self/stat', 'latin1'));
    expect(self?.pid).toBe(process.pid);
    expect(self?.ppid).toBe(process.ppid);
    expect(self?.rss).toBeGreaterThan(0);
  });
});

describe('runMeasured: exit status and output', () => {
  it('passes exit codes through and streams output in order', async () => {
    const ok = await run(['sh', '-c', 'exit 0']);
    expect(ok).toMatchObject({ exitCode: 0, signal: null, leftover: 0 });
    expect(ok.stoppedBy).toBeUndefined();

    const file = script('count.sh', 'echo "to stderr" >&2\nsleep 0.3\ni=1\nwhile [ $i -le 100 ]; do echo "line $i"; i=$((i+1)); done\nprintf "a\\r\\nno newline"\nexit 3\n');
    const chunks: Array<[string, string]> = [];
    const result = await run([file], { tailLines: 4, onOutput: (text, stream) => chunks.push([stream, text]) });
    expect(result.exitCode).toBe(3);
    expect(result.signal).toBeNull();
    const stdout = chunks.filter(([s]) => s === 'stdout').map(([, t]) => t).join('');
    const expected = Array.from({ length: 100 }, (_, i) => `line ${i + 1}\n`).join('') + 'a\r\nno newline';
    expect(stdout).toBe(expected);
    expect(chunks.filter(([s]) => s === 'stderr').map(([, t]) => t).join('')).toBe('to stderr\n');
    expect(chunks[0]).toEqual(['stderr', 'to stderr\n']);
    expect(result.tail).toEqual(['line 99', 'line 100', 'a', 'no newline']);
  });

  it('keeps stderr and stdout interleaved in the tail and decodes characters split across chunks', async () => {
    const file = script(
      'split.py',
      [
        'import sys, time',
        "sys.stdout.write('first\\n'); sys.stdout.flush(); time.sleep(0.2)",
        "sys.stderr.write('second\\n'); sys.stderr.flush(); time.sleep(0.2)",
        "sys.stdout.buffer.write(b'caf\\xc3'); sys.stdout.flush(); time.sleep(0.2)",
        "sys.stdout.buffer.write(b'\\xa9\\n'); sys.stdout.flush()",
        "sys.stdout.write('10%\\r50%\\r100%\\n')",
      ].join('\n'),
    );
    const texts: string[] = [];
    const result = await run([PYTHON, file], { onOutput: (text) => texts.push(text) });
    expect(result.exitCode).toBe(0);
    expect(texts.join('')).toBe('first\nsecond\ncafé\n10%\r50%\r100%\n');
    expect(texts.join('')).not.toContain('\ufffd');
    expect(result.tail).toEqual(['first', 'second', 'café', '100%']);
  });

  it('resolves a relative path from cwd and passes the given environment with the run marker added', async () => {
    const file = script('env.sh', 'echo "$0 $1 $GIVEN"\nenv | grep -c "^MLOPS_TRAIN_CHECK_RUN=........-....-....-....-............$"\n');
    const result = await runMeasured({ argv: ['./env.sh', 'x y'], cwd: dir.root, env: { ...baseEnv(), GIVEN: 'yes' } });
    expect(result.exitCode).toBe(0);
    // A #! script sees its path as resolved, the way a shell would run it.
    expect(result.tail).toEqual([`${file} x y yes`, '1']);
  });
});

describe.runIf(onLinux)('runMeasured: measurements', () => {
  it('reports the peak memory of a process holding 200 MiB', async () => {
    const file = script('hold.py', "import time\nb = b'x' * (200 << 20)\ntime.sleep(0.6)\n");
    const result = await run([PYTHON, file]);
    expect(result.exitCode).toBe(0);
    expect(result.peakMemoryBytes).toBeGreaterThan(190 * MiB);
    expect(result.peakMemoryBytes).toBeLessThan(400 * MiB);
    expect(result.samples).toBeGreaterThanOrEqual(2);
    expect(result.processesSeen).toBeGreaterThanOrEqual(1);
  });

  it('catches a spike between samples through the high-water mark', async () => {
    // Allocated and freed within the first few hundred ms; with samples 700 ms apart only the
    // process's own high-water mark can show it.
    const file = script('spike.py', "import time\nb = b'x' * (200 << 20)\ndel b\ntime.sleep(1.0)\n");
    const result = await run([PYTHON, file], { sampleIntervalMs: 700 });
    expect(result.exitCode).toBe(0);
    expect(result.peakMemoryBytes).toBeGreaterThan(190 * MiB);
    expect(result.peakMemoryBytes).toBeLessThan(400 * MiB);
  });

  it('counts the CPU of a busy loop, also when it runs in a child of a shell', async () => {
    const busy = script('busy.py', 'import time\nwhile time.process_time() < 1.0:\n    pass\n');
    const direct = await run([PYTHON, busy]);
    expect(direct.exitCode).toBe(0);
    expect(direct.cpuMs).toBeGreaterThanOrEqual(700);
    expect(direct.cpuMs).toBeLessThanOrEqual(3000);

    const wrapper = script('busy.sh', `"${PYTHON}" busy.py\necho done\n`);
    const nested = await run(['sh', wrapper]);
    expect(nested.exitCode).toBe(0);
    expect(nested.tail).toEqual(['done']);
    expect(nested.cpuMs).toBeGreaterThanOrEqual(700);
    expect(nested.cpuMs).toBeLessThanOrEqual(3000);
    expect(nested.processesSeen).toBeGreaterThanOrEqual(2);
  });
});

describe.runIf(onLinux)('runMeasured: stopping the tree', () => {
  it('stops a tree that grows past the memory budget', async () => {
    const file = script('hog.py', "import time\nkept = []\nfor _ in range(100):\n    kept.append(b'x' * (10 << 20))\n    time.sleep(0.03)\ntime.sleep(30)\n");
    const started = Date.now();
    const result = await run(['sh', '-c', `"${PYTHON}" "${file}"`], { maxMemoryBytes: 100 * MiB });
    expect(result.stoppedBy).toBe('memory');
    expect(result.exitCode).toBeNull();
    expect(result.signal).not.toBeNull();
    expect(result.peakMemoryBytes).toBeGreaterThan(100 * MiB);
    expect(result.peakMemoryBytes).toBeLessThan(600 * MiB);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops a command at its timeout', async () => {
    const file = script('sleep.sh', 'sleep 60\n');
    const result = await run(['sh', file], { timeoutMs: 1000 });
    expect(result.stoppedBy).toBe('timeout');
    expect(result.exitCode).toBeNull();
    expect(result.signal).toBe('SIGTERM');
    expect(result.wallMs).toBeGreaterThanOrEqual(900);
    expect(result.wallMs).toBeLessThan(15_000);
  });

  it('kills with SIGKILL what ignores SIGTERM', async () => {
    const file = script('stubborn.sh', "trap '' TERM\nsleep 60\n");
    const started = Date.now();
    const result = await run(['sh', file], { timeoutMs: 500, killGraceMs: 500 });
    expect(result.stoppedBy).toBe('timeout');
    expect(result.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('kills children that escaped the process group or lost their parent', async () => {
    const token = randomUUID();
    const file = script(
      'orphans.sh',
      [
        'sleep 300 &',
        'echo "child $!"',
        'setsid sleep 300 &',
        'echo "child $!"',
        // The subshells exit at once: their sleeps are re-parented, one also in a new session.
        '( sleep 300 & echo "child $!" )',
        '( setsid sleep 300 & echo "child $!" )',
        'sleep 60',
      ].join('\n'),
    );
    const result = await runMeasured({ argv: ['sh', file], cwd: dir.root, env: baseEnv(token), timeoutMs: 1500 });
    expect(result.stoppedBy).toBe('timeout');
    const pids = childPids(result.tail);
    expect(pids).toHaveLength(4);
    expect(await eventually(() => pids.every(isGone))).toBe(true);
    expect(await eventually(() => liveWithToken(token).length === 0)).toBe(true);
    expect(result.processesSeen).toBeGreaterThanOrEqual(4);
  });

  it('counts and kills processes left running after a normal exit', async () => {
    const token = randomUUID();
    const file = script('leave.sh', 'sleep 300 &\necho "child $!"\n( setsid sleep 300 & echo "child $!" )\nexit 0\n');
    const started = Date.now();
    const result = await runMeasured({ argv: ['sh', file], cwd: dir.root, env: baseEnv(token) });
    expect(result.exitCode).toBe(0);
    expect(result.stoppedBy).toBeUndefined();
    expect(result.leftover).toBeGreaterThanOrEqual(2);
    const pids = childPids(result.tail);
    expect(pids).toHaveLength(2);
    expect(await eventually(() => pids.every(isGone))).toBe(true);
    expect(liveWithToken(token)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops the tree when cancelled', async () => {
    const token = randomUUID();
    const file = script('cancel.sh', 'sleep 300 &\necho "child $!"\nsleep 60\n');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 500);
    const result = await runMeasured({ argv: ['sh', file], cwd: dir.root, env: baseEnv(token), signal: controller.signal });
    clearTimeout(timer);
    expect(result.stoppedBy).toBe('cancel');
    expect(result.exitCode).toBeNull();
    expect(result.wallMs).toBeLessThan(15_000);
    expect(await eventually(() => childPids(result.tail).every(isGone) && liveWithToken(token).length === 0)).toBe(true);
  });

  it('keeps the first reason to stop', async () => {
    const file = script('slow.sh', 'sleep 60\n');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 800);
    const result = await run(['sh', file], { timeoutMs: 300, signal: controller.signal });
    clearTimeout(timer);
    expect(result.stoppedBy).toBe('timeout');
  });
});

describe('runMeasured: before starting', () => {
  it('does not start a command that is already cancelled', async () => {
    const file = script('touch.sh', 'touch started\n');
    const controller = new AbortController();
    controller.abort();
    const result = await run(['sh', file], { signal: controller.signal });
    expect(result).toMatchObject({ stoppedBy: 'cancel', exitCode: null, signal: null, samples: 0 });
    expect(existsSync(path.join(dir.root, 'started'))).toBe(false);
  });

  it('reports a command missing from PATH', async () => {
    const error = await run(['no-such-trainer-5d1c']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toBe('command not found: no-such-trainer-5d1c');
    expect((error as ConfigurationError).hint).toMatch(/PATH/);
    expect((error as ConfigurationError).hint).toMatch(/shell: bash/);
    await expect(run(['./missing.sh'])).rejects.toThrow('command not found: ./missing.sh');
  });

  it('reports a file that is not executable, given by path or found on PATH', async () => {
    script('plain.py', 'print(1)\n', false);
    const error = await run(['./plain.py']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toBe('command is not executable: ./plain.py');
    expect((error as ConfigurationError).hint).toMatch(/chmod \+x/);
    expect((error as ConfigurationError).hint).toMatch(/python3 train\.py/);

    const env = { ...baseEnv(), PATH: `${dir.root}:${baseEnv().PATH}` };
    await expect(runMeasured({ argv: ['plain.py'], cwd: dir.root, env })).rejects.toThrow('command is not executable: plain.py');
    dir.write('folder/keep', '');
    await expect(run(['./folder'])).rejects.toThrow('command is not executable: ./folder');
  });

  it('reports a script whose interpreter is missing', async () => {
    script('bad-shebang.py', '#!/nonexistent/python9\nprint(1)\n');
    await expect(run(['./bad-shebang.py'])).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('reports a missing working directory', async () => {
    const missing = path.join(dir.root, 'nope');
    await expect(runMeasured({ argv: ['sh', '-c', 'true'], cwd: missing, env: baseEnv() })).rejects.toThrow(`working directory not found: ${missing}`);
    const file = dir.write('a-file', '');
    await expect(runMeasured({ argv: ['sh', '-c', 'true'], cwd: file, env: baseEnv() })).rejects.toBeInstanceOf(ConfigurationError);
  });
});
