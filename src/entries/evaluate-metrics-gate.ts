import { fileURLToPath } from 'node:url';
import { BOOTSTRAP_TASK, workerTask } from '../platform/threads.js';

// The same file serves as the worker that runs half of the bootstrap resamples on the second core,
// loading only the bootstrap's code.
if (workerTask() === BOOTSTRAP_TASK) {
  await (await import('../eval/bootstrap-worker.js')).serveBootstrapWorker();
} else {
  const [{ evaluateMetricsGateAction }, { runOnRunner }] = await Promise.all([import('../actions/evaluate-metrics-gate.js'), import('../platform/runner.js')]);
  await runOnRunner(evaluateMetricsGateAction, { workerEntry: fileURLToPath(import.meta.url) });
}
