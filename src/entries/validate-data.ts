import { fileURLToPath } from 'node:url';
import { validateDataAction } from '../actions/validate-data.js';
import { isScanWorker, serveScanWorker } from '../data/scan-worker.js';
import { runOnRunner } from '../platform/runner.js';

// The same file serves as the worker that reads the reference on the second core.
if (isScanWorker()) await serveScanWorker();
else await runOnRunner(validateDataAction, { workerEntry: fileURLToPath(import.meta.url) });
