import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVE_PY, SERVE_PY_NAME } from '../../src/container/serve-runtime.js';
import { alive, stopByPid } from './processes.js';
import { freePort } from './registry.js';

/*
 * The reference model server (the one containerize puts in an image) run as a process on
 * 127.0.0.1 over a model package folder, with Debian's Python and scikit-learn. Tests stop it by
 * its PID.
 */
export const PYTHON = '/usr/bin/python3';
export const MAKE_MODEL = path.resolve(import.meta.dirname, '../fixtures/serving/make_model.py');

export function pythonWithScikitLearn(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import sklearn, pandas, joblib'], { stdio: 'ignore' }).status === 0;
}

/** A model package folder from test/fixtures/serving/make_model.py (variants: stable, candidate, strict, shifted). */
export function makeModelPackage(dir: string, variant: 'stable' | 'candidate' | 'strict' | 'shifted', script = MAKE_MODEL): void {
  const made = spawnSync(PYTHON, [script, dir, variant], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`make_model.py ${variant} failed: ${made.stderr}`);
}

export interface ModelServer {
  pid: number;
  port: number;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Writes the server script into `dir` (once) and starts it on a free port; resolves when /health answers. */
export async function startModelServer(dir: string, packageDir: string, port?: number): Promise<ModelServer> {
  const script = path.join(dir, SERVE_PY_NAME);
  if (!existsSync(script)) writeFileSync(script, SERVE_PY);
  const chosen = port ?? (await freePort());
  const child = spawn(PYTHON, [script], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MLOPS_MODEL_DIR: packageDir, PORT: String(chosen), HOST: '127.0.0.1', PYTHONDONTWRITEBYTECODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const pid = child.pid!;
  const url = `http://127.0.0.1:${chosen}`;
  // The server lets requests in flight finish for up to 8 s after SIGTERM.
  const stop = () => stopByPid(pid, 10_000);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!alive(pid)) throw new Error(`the model server exited: ${output}`);
    try {
      const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the model server gave no /health within 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid, port: chosen, url, output: () => output, stop };
}
