#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { actions } from '../actions/index.js';
import { runCli } from '../cli/main.js';
import { isScanWorker, serveScanWorker } from '../data/scan-worker.js';
import { isBootstrapWorker, serveBootstrapWorker } from '../eval/bootstrap-worker.js';

// The same file serves as the worker threads of the actions that use both cores.
if (isScanWorker()) {
  await serveScanWorker();
} else if (isBootstrapWorker()) {
  await serveBootstrapWorker();
} else {
  // Ctrl-C stops a cancellable action's work (a training run) and still prints its report; a
  // second Ctrl-C ends at once. Other actions keep node's default.
  const controller = new AbortController();
  if (actions[process.argv[2] ?? '']?.cancellable) {
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
    workerEntry: fileURLToPath(import.meta.url),
    signal: controller.signal,
  });
}
