import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** Whether a process is running: not gone, and not a zombie waiting for init to reap it. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Stops a server a test started, by its PID: SIGTERM, then SIGKILL after `graceMs`. Resolves once
 * it is gone (`exited` tells early that the child's exit event came).
 */
export async function stopByPid(pid: number, graceMs: number, exited: () => boolean = () => false): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  if (!alive(pid)) return;
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (!exited() && alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (exited() || !alive(pid)) return;
  signal('SIGKILL');
  while (!exited() && alive(pid)) await new Promise((r) => setTimeout(r, 10));
}

export interface SpawnedServer {
  pid: number;
  /** The child's exit event came (it crashed while starting, or was stopped). */
  exited(): boolean;
  /** SIGTERM, then SIGKILL after the grace period. */
  stop(): Promise<void>;
}

/** Starts a server program with its output in `logFile`, for a test that stops it by its PID. */
export function spawnServer(binary: string, args: string[], logFile: string, graceMs: number): SpawnedServer {
  const log = openSync(logFile, 'w');
  const child = spawn(binary, args, { stdio: ['ignore', log, log] });
  closeSync(log);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  child.on('error', () => {
    exited = true;
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${binary}`);
  return { pid, exited: () => exited, stop: () => stopByPid(pid, graceMs, () => exited) };
}
