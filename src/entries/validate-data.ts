import { fileURLToPath } from 'node:url';
import { prestartWorker, SCAN_TASK, workerTask } from '../platform/threads.js';

// The same file serves as the worker that reads on the second core (the reference, then the end of
// the data); it starts while the action's code loads, and loads only the scanning code.
const entry = fileURLToPath(import.meta.url);
if (workerTask() === SCAN_TASK) {
  await (await import('../data/scan-worker.js')).serveScanWorker();
} else {
  prestartWorker(entry, SCAN_TASK);
  const [{ validateDataAction }, { runOnRunner }] = await Promise.all([import('../actions/validate-data.js'), import('../platform/runner.js')]);
  await runOnRunner(validateDataAction, { workerEntry: entry });
}
