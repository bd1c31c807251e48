#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/main.js';
import { isScanWorker, serveScanWorker } from '../data/scan-worker.js';
import { isBootstrapWorker, serveBootstrapWorker } from '../eval/bootstrap-worker.js';

// The same file serves as the worker threads of the actions that use both cores.
if (isScanWorker()) {
  await serveScanWorker();
} else if (isBootstrapWorker()) {
  await serveBootstrapWorker();
} else {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    workerEntry: fileURLToPath(import.meta.url),
  });
}
