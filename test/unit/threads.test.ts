import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { prestartWorker, startWorker } from '../../src/platform/threads.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * Prestarted workers (platform/threads.ts): startWorker() hands out the one prestarted for the same
 * entry and task, started before it was asked for; a spare that died is replaced; an unused spare
 * does not keep the process alive.
 */
const tmp = makeTempDir('mlops-threads-');
afterAll(() => tmp.remove());

// A worker that notes when its code ran, then answers its first message with that time and its task.
const entry = tmp.write(
  'entry.mjs',
  `import { parentPort, workerData } from 'node:worker_threads';
const loadedAt = Date.now();
parentPort.once('message', (m) => parentPort.postMessage({ loadedAt, task: workerData.task, echo: m }));
`,
);

function ask(worker: Worker, message: unknown): Promise<{ loadedAt: number; task: string; echo: unknown }> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(message);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('prestarted workers', () => {
  it('hands out the prestarted worker of the same entry and task once, then starts new ones', async () => {
    prestartWorker(entry, 'task-a');
    await sleep(500);
    const askedAt = Date.now();
    const first = startWorker(entry, 'task-a');
    const firstReply = await ask(first, 1);
    expect(firstReply).toMatchObject({ task: 'task-a', echo: 1 });
    expect(firstReply.loadedAt).toBeLessThan(askedAt);

    // The spare is taken: the next one for the task is new, as is one for another task.
    const second = startWorker(entry, 'task-a');
    const other = startWorker(entry, 'task-b');
    const [secondReply, otherReply] = await Promise.all([ask(second, 2), ask(other, 3)]);
    expect(secondReply.loadedAt).toBeGreaterThanOrEqual(askedAt);
    expect(otherReply).toMatchObject({ task: 'task-b', echo: 3 });
    await Promise.all([first.terminate(), second.terminate(), other.terminate()]);
  });

  it('replaces a spare that failed before it was taken, and the caller sees the new one fail', async () => {
    const broken = tmp.write('broken.mjs', 'throw new Error("no such worker code");\n');
    prestartWorker(broken, 'task-a');
    await sleep(500);
    const worker = startWorker(broken, 'task-a');
    await expect(ask(worker, 1)).rejects.toThrow('no such worker code');
  });

  it('an unused spare does not keep the process alive', () => {
    const source = readFileSync(fileURLToPath(new URL('../../src/platform/threads.ts', import.meta.url)), 'utf8');
    tmp.write('threads.mjs', ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText);
    const main = tmp.write('main.mjs', `import { prestartWorker } from './threads.mjs';\nprestartWorker(${JSON.stringify(entry)}, 'task-a');\nsetTimeout(() => console.log('done'), 300);\n`);
    const started = Date.now();
    const run = spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('done');
    // The spare waits for a message forever: the process ended without it (well before the timeout).
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
