import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ConfigurationError } from '../platform/errors.js';

/**
 * Runs a command and measures its whole process tree: wall time, CPU, peak memory, and the
 * processes it leaves behind. Every process of the tree is killed before the result is returned.
 * Memory and process tracking read Linux's /proc; elsewhere only the exit status, time and output
 * are reported.
 */
export interface RunCommandOptions {
  /** argv[0] is looked up on PATH (of env.PATH) unless it contains '/'. */
  argv: string[];
  /** Absolute. */
  cwd: string;
  /** The complete environment of the child. */
  env: Record<string, string>;
  /** Kill the tree after this. */
  timeoutMs?: number;
  /** Kill the tree as soon as a sample of the tree's memory is over this. */
  maxMemoryBytes?: number;
  /** Aborted = cancelled: kill the tree. */
  signal?: AbortSignal;
  /** Called with decoded chunks as they arrive. If it throws, it is not called again and its error is thrown once the tree is gone. */
  onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  /** Default 250 for the first 10 s, then at most once a second. */
  sampleIntervalMs?: number;
  /** SIGTERM first, SIGKILL after this; default 5000. */
  killGraceMs?: number;
  /** Default 60. */
  tailLines?: number;
}

export interface CommandResult {
  /** Null when ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stoppedBy?: 'timeout' | 'memory' | 'cancel';
  wallMs: number;
  /** User + system CPU of the whole tree. */
  cpuMs: number;
  /** Max of the sampled sum of the tree's resident memory and of each process's own high-water mark. */
  peakMemoryBytes: number;
  samples: number;
  /** Distinct processes of the tree seen while sampling. */
  processesSeen: number;
  /** Processes of the tree still alive after the main process ended on its own (they are killed). */
  leftover: number;
  /** Last tailLines lines of stdout and stderr, interleaved in arrival order. */
  tail: string[];
}

/**
 * Set in the child's environment with a fresh id per run. Descendants inherit it, so processes
 * that escaped the tree (re-parented to init after their parent died, or moved to their own
 * session with setsid) can still be found and killed.
 */
export const RUN_MARKER_VARIABLE = 'MLOPS_TRAIN_CHECK_RUN';

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

export async function runMeasured(options: RunCommandOptions): Promise<CommandResult> {
  const tailLines = options.tailLines ?? DEFAULT_TAIL_LINES;
  if (options.signal?.aborted) {
    return { exitCode: null, signal: null, stoppedBy: 'cancel', wallMs: 0, cpuMs: 0, peakMemoryBytes: 0, samples: 0, processesSeen: 0, leftover: 0, tail: [] };
  }
  checkWorkingDirectory(options.cwd);
  const name = options.argv[0];
  if (name === undefined || name === '') throw new ConfigurationError('no command given', { hint: 'Set the command to run.' });
  const executable = resolveCommand(name, options.env.PATH, options.cwd);
  return new MeasuredRun(options, name, executable, tailLines).run();
}

/** The fields of /proc/<pid>/stat this module uses; times in clock ticks, rss in pages. */
export interface ProcStat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
  starttime: number;
  rss: number;
}

/**
 * Parses one /proc/<pid>/stat line. The command name sits in parentheses and may itself hold
 * spaces and parentheses, so the fields after it are found from the last ')'.
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  // rest[0] is field 3 (state); field n of proc(5) is rest[n - 3].
  const rest = text.slice(close + 2).trim().split(' ');
  if (!Number.isInteger(pid) || rest.length < 22) return undefined;
  const field = (n: number) => Number(rest[n - 3]);
  return {
    pid,
    comm: text.slice(open + 1, close),
    state: rest[0]!,
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

function checkWorkingDirectory(cwd: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch {
    // Missing: reported below like a file in its place.
  }
  if (!isDirectory) {
    throw new ConfigurationError(`working directory not found: ${cwd}`, { hint: 'Set working-directory to a folder that exists after checkout (relative to the workspace).' });
  }
}

type Candidate = 'executable' | 'not-executable' | 'missing';

function classify(file: string): Candidate {
  try {
    if (statSync(file).isDirectory()) return 'not-executable';
  } catch {
    return 'missing';
  }
  try {
    accessSync(file, constants.X_OK);
    return 'executable';
  } catch {
    return 'not-executable';
  }
}

/** Like execvp: a name with a '/' is a path (relative to cwd), anything else is looked up on PATH. */
function resolveCommand(name: string, searchPath: string | undefined, cwd: string): string {
  const notExecutable = () =>
    new ConfigurationError(`command is not executable: ${name}`, {
      hint: `Make it executable (chmod +x ${name}, and commit the mode with git update-index --chmod=+x) or run it through its interpreter, e.g. python3 train.py.`,
    });
  if (name.includes('/')) {
    const file = path.resolve(cwd, name);
    const kind = classify(file);
    if (kind === 'executable') return file;
    if (kind === 'not-executable') throw notExecutable();
    throw new ConfigurationError(`command not found: ${name}`, { hint: `There is no file ${file}; a relative path is taken from the working directory.` });
  }
  let sawNotExecutable = false;
  for (const folder of (searchPath ?? '').split(':')) {
    // An empty PATH entry means the current directory.
    const file = path.resolve(cwd, folder, name);
    const kind = classify(file);
    if (kind === 'executable') return file;
    if (kind === 'not-executable') sawNotExecutable = true;
  }
  if (sawNotExecutable) throw notExecutable();
  throw new ConfigurationError(`command not found: ${name}`, {
    hint: `No folder on PATH holds it. Install it in an earlier step, give its path (e.g. ./${name}), or, if it is a shell builtin, alias or pipeline, run the command through a shell (shell: bash).`,
  });
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function spawnError(name: string, error: unknown): Error {
  switch (errnoCode(error)) {
    case 'ENOENT':
      return new ConfigurationError(`command could not be started: ${name}`, {
        hint: 'Its #! line names an interpreter that is not installed (or the file disappeared); install the interpreter or run the script through it, e.g. python3 train.py.',
        cause: error,
      });
    case 'EACCES':
      return new ConfigurationError(`command is not executable: ${name}`, {
        hint: 'Permission was denied when starting it (or its #! interpreter); chmod +x it or run it through its interpreter, e.g. python3 train.py.',
        cause: error,
      });
    case 'ENOEXEC':
      return new ConfigurationError(`command is not a program: ${name}`, {
        hint: 'It is neither a binary nor a script with a #! line; add e.g. #!/usr/bin/env python3 or run it through its interpreter.',
        cause: error,
      });
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

const PROC = '/proc';
const AT_PAGESZ = 6;
let cachedPageSize: number | undefined;

/** The page size from the auxiliary vector the kernel gave this process (what getconf PAGESIZE reports). */
function pageSize(): number {
  if (cachedPageSize !== undefined) return cachedPageSize;
  cachedPageSize = 4096;
  try {
    const auxv = readFileSync(`${PROC}/self/auxv`);
    const word = ['arm', 'ia32', 'mips', 'mipsel', 'ppc', 's390'].includes(process.arch) ? 4 : 8;
    const little = endianness() === 'LE';
    const read = (offset: number) =>
      word === 8 ? Number(little ? auxv.readBigUInt64LE(offset) : auxv.readBigUInt64BE(offset)) : little ? auxv.readUInt32LE(offset) : auxv.readUInt32BE(offset);
    for (let offset = 0; offset + 2 * word <= auxv.length; offset += 2 * word) {
      const type = read(offset);
      if (type === 0) break;
      if (type === AT_PAGESZ) {
        const value = read(offset + word);
        if (value > 0 && (value & (value - 1)) === 0) cachedPageSize = value;
        break;
      }
    }
  } catch {
    // Keep the common default.
  }
  return cachedPageSize;
}

function readStat(pid: number | 'self'): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`${PROC}/${pid}/stat`, 'latin1'));
  } catch {
    return undefined;
  }
}

function readProcessTable(): ProcStat[] {
  let names: string[];
  try {
    names = readdirSync(PROC);
  } catch {
    return [];
  }
  const table: ProcStat[] = [];
  for (const name of names) {
    const first = name.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    const stat = readStat(Number(name));
    if (stat) table.push(stat);
  }
  return table;
}

/** The process's own resident high-water mark, in bytes (0 when unknown, e.g. a zombie). */
function readHighWaterMark(pid: number): number {
  try {
    const status = readFileSync(`${PROC}/${pid}/status`, 'latin1');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function hasMarker(pid: number, marker: Buffer): boolean {
  let environ: Buffer;
  try {
    environ = readFileSync(`${PROC}/${pid}/environ`);
  } catch {
    return false;
  }
  for (let at = environ.indexOf(marker); at >= 0; at = environ.indexOf(marker, at + 1)) {
    const end = at + marker.length;
    if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0)) return true;
  }
  return false;
}

const keyOf = (p: ProcStat) => `${p.pid}:${p.starttime}`;
const isZombie = (p: ProcStat) => p.state === 'Z' || p.state === 'X' || p.state === 'x';
const ticks = (p: ProcStat) => p.utime + p.stime + p.cutime + p.cstime;

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'ESRCH' && code !== 'EPERM') throw error;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One run: the child, its sampling and its killing. */
class MeasuredRun {
  private readonly procAvailable = existsSync(`${PROC}/self/stat`);
  private readonly runId = randomUUID();
  private readonly marker: Buffer;
  private readonly sampleIntervalMs: number;
  private readonly killGraceMs: number;
  private child: ChildProcess | undefined;
  private rootPid = 0;
  private rootStart = 0;
  /** Every process of the tree seen, by pid:starttime. */
  private readonly seen = new Map<string, ProcStat>();
  /** Whether a process (pid:starttime) started after the root carries the marker. */
  private readonly markerCache = new Map<string, boolean>();
  private samples = 0;
  private peakRss = 0;
  private peakHighWater = 0;
  private peakTreeTicks = 0;
  private stoppedBy: CommandResult['stoppedBy'];
  private stopping: Promise<void> | undefined;
  private exited = false;
  private sampler: NodeJS.Timeout | undefined;
  private timeout: NodeJS.Timeout | undefined;
  private readonly onAbort = () => this.stop('cancel');
  private readonly tail: string[] = [];
  private readonly partial = { stdout: '', stderr: '' };
  private outputError: unknown;

  constructor(
    private readonly options: RunCommandOptions,
    private readonly name: string,
    private readonly executable: string,
    private readonly tailLines: number,
  ) {
    this.marker = Buffer.from(`${RUN_MARKER_VARIABLE}=${this.runId}`);
    this.sampleIntervalMs = Math.max(10, options.sampleIntervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS);
    this.killGraceMs = Math.max(0, options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
  }

  async run(): Promise<CommandResult> {
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
    let child: ChildProcess;
    try {
      child = spawn(this.executable, options.argv.slice(1), {
        argv0: this.name,
        cwd: options.cwd,
        env: { ...options.env, [RUN_MARKER_VARIABLE]: this.runId },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        shell: false,
      });
    } catch (error) {
      throw spawnError(this.name, error);
    }
    this.child = child;
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const failed = new Promise<unknown>((resolve) => child.once('error', resolve));
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
          if (this.sampler !== undefined) schedule();
        }, interval);
      };
      schedule();
    }
    if (options.timeoutMs !== undefined) this.timeout = setTimeout(() => this.stop('timeout'), Math.max(0, options.timeoutMs));
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (options.signal?.aborted) this.stop('cancel');

    const { code, signal } = await exited;
    const wallMs = performance.now() - started;
    const cpuAfter = this.selfChildTicks();
    this.exited = true;
    this.stopWatching();

    let leftover = 0;
    if (this.stopping) {
      await this.stopping;
    } else {
      // A process caught in the middle of an exec can show an empty environment for a moment:
      // look twice, 50 ms apart, and count every process either look found.
      const first = this.aliveTree(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      leftover = new Set([...first, ...this.aliveTree(true)].map(keyOf)).size;
      if (leftover > 0) await this.terminate();
    }
    await this.waitForClose(closed);
    this.flushPartial('stdout');
    this.flushPartial('stderr');
    if (this.outputError !== undefined) throw this.outputError;

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

  private selfChildTicks(): number {
    const self = this.procAvailable ? readStat('self') : undefined;
    return self ? self.cutime + self.cstime : 0;
  }

  private stopWatching(): void {
    if (this.sampler) clearTimeout(this.sampler);
    if (this.timeout) clearTimeout(this.timeout);
    this.sampler = undefined;
    this.timeout = undefined;
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }

  private async waitForClose(closed: Promise<void>): Promise<void> {
    // A process that escaped every way of finding it may still hold the pipes; do not wait forever.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_WAIT_MS)));
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
  private treeOf(table: ProcStat[], freshMarkers: boolean): ProcStat[] {
    const members = new Map<number, ProcStat>();
    const children = new Map<number, ProcStat[]>();
    for (const p of table) {
      if (p.pid === process.pid) continue;
      const siblings = children.get(p.ppid);
      if (siblings) siblings.push(p);
      else children.set(p.ppid, [p]);
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
      if (member) members.set(p.pid, p);
    }
    const queue = [...members.values()];
    while (queue.length > 0) {
      const parent = queue.pop()!;
      for (const child of children.get(parent.pid) ?? []) {
        if (members.has(child.pid)) continue;
        members.set(child.pid, child);
        queue.push(child);
      }
    }
    return [...members.values()];
  }

  private aliveTree(freshMarkers: boolean): ProcStat[] {
    if (!this.procAvailable) return [];
    return this.treeOf(readProcessTable(), freshMarkers).filter((p) => !isZombie(p));
  }

  private sample(): void {
    if (this.exited) return;
    const tree = this.treeOf(readProcessTable(), false);
    const bytesPerPage = pageSize();
    let rss = 0;
    let treeTicks = 0;
    for (const p of tree) {
      this.seen.set(keyOf(p), p);
      // A zombie's own times are still in its stat until its parent reaps it.
      treeTicks += ticks(p);
      if (isZombie(p)) continue;
      rss += p.rss * bytesPerPage;
      this.peakHighWater = Math.max(this.peakHighWater, readHighWaterMark(p.pid));
    }
    this.samples += 1;
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakTreeTicks = Math.max(this.peakTreeTicks, treeTicks);
    const budget = this.options.maxMemoryBytes;
    if (budget !== undefined && Math.max(this.peakRss, this.peakHighWater) > budget) this.stop('memory');
  }

  /** The first reason to stop wins; later ones are ignored. */
  private stop(reason: NonNullable<CommandResult['stoppedBy']>): void {
    if (this.exited || this.stoppedBy) return;
    this.stoppedBy = reason;
    this.stopWatching();
    this.stopping = this.terminate();
    // Awaited once the main process exits; this only keeps an early failure from counting as unhandled.
    this.stopping.catch(() => undefined);
  }

  private signalTree(signal: NodeJS.Signals): void {
    // The group first: it reaches processes we have not sampled yet, and it needs no /proc.
    if (this.rootPid > 0) sendSignal(-this.rootPid, signal);
    for (const p of this.aliveTree(true)) sendSignal(p.pid, signal);
  }

  /** SIGTERM to the tree, then SIGKILL to whatever is still alive after the grace period. */
  private async terminate(): Promise<void> {
    this.signalTree('SIGTERM');
    const deadline = performance.now() + this.killGraceMs;
    for (;;) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) break;
      await delay(Math.min(50, remaining));
      if (this.exited && this.aliveTree(true).length === 0) return;
    }
    this.signalTree('SIGKILL');
  }

  private attachOutput(child: ChildProcess): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const source = child[stream];
      if (!source) continue;
      const decoder = new StringDecoder('utf8');
      source.on('data', (chunk: Buffer) => this.deliver(decoder.write(chunk), stream));
      source.on('end', () => {
        this.deliver(decoder.end(), stream);
        this.flushPartial(stream);
      });
    }
  }

  private flushPartial(stream: 'stdout' | 'stderr'): void {
    if (this.partial[stream] !== '') this.pushLine(this.partial[stream]);
    this.partial[stream] = '';
  }

  private deliver(text: string, stream: 'stdout' | 'stderr'): void {
    if (text === '') return;
    if (this.options.onOutput && this.outputError === undefined) {
      try {
        this.options.onOutput(text, stream);
      } catch (error) {
        this.outputError = error;
      }
    }
    const lines = (this.partial[stream] + text).split('\n');
    let partial = lines.pop()!;
    for (const line of lines) this.pushLine(line);
    // A progress bar redraws its line after '\r' without ever ending it; keep only the last draw.
    const redraw = partial.lastIndexOf('\r', partial.length - 2);
    if (redraw >= 0) partial = partial.slice(redraw + 1);
    this.partial[stream] = partial.length > MAX_LINE_CHARS * 2 ? partial.slice(0, MAX_LINE_CHARS * 2) : partial;
  }

  private pushLine(raw: string): void {
    const draws = raw.split('\r').filter((part) => part !== '');
    let line = draws[draws.length - 1] ?? '';
    if (line.length > MAX_LINE_CHARS) line = `${line.slice(0, MAX_LINE_CHARS)}…`;
    this.tail.push(line);
    if (this.tail.length > 2 * this.tailLines + 100) this.tail.splice(0, this.tail.length - this.tailLines);
  }
}
