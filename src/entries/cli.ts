#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { BOOTSTRAP_TASK, prestartWorker, SCAN_TASK, workerTask } from '../platform/threads.js';

// The same file serves as the worker threads of the actions that use both cores; each thread loads
// only the code it runs (platform/threads.ts).
const entry = fileURLToPath(import.meta.url);
const task = workerTask();
if (task === SCAN_TASK) {
  await (await import('../data/scan-worker.js')).serveScanWorker();
} else if (task === BOOTSTRAP_TASK) {
  await (await import('../eval/bootstrap-worker.js')).serveBootstrapWorker();
} else {
  // validate-data reads with a second thread: it starts while the CLI loads.
  if (process.argv[2] === 'validate-data') prestartWorker(entry, SCAN_TASK);
  const [definition, { runCli }] = await Promise.all([
    import('../actions/index.js').then(({ loadAction }) => loadAction(process.argv[2] ?? '')),
    import('../cli/main.js'),
  ]);
  // Ctrl-C stops a cancellable action's work (a training run) and still prints its report; a
  // second Ctrl-C ends at once. Other actions keep node's default.
  const controller = new AbortController();
  if (definition?.cancellable) {
    process.on('SIGINT', () => {
      if (controller.signal.aborted) process.exit(130);
      controller.abort(new Error('cancelled (SIGINT)'));
    });
  }
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    workerEntry: entry,
    signal: controller.signal,
  });
}
