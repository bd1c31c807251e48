import { fileURLToPath } from 'node:url';
import { evaluateMetricsGateAction } from '../actions/evaluate-metrics-gate.js';
import { isBootstrapWorker, serveBootstrapWorker } from '../eval/bootstrap-worker.js';
import { runOnRunner } from '../platform/runner.js';

// The same file serves as the worker that runs half of the bootstrap resamples on the second core.
if (isBootstrapWorker()) await serveBootstrapWorker();
else await runOnRunner(evaluateMetricsGateAction, { workerEntry: fileURLToPath(import.meta.url) });
