import { parentPort } from 'node:worker_threads';
import { computeResamples, type BootstrapJob, type BootstrapWorkerReply } from './bootstrap.js';

/**
 * The worker side of pairedBootstrap's threads. A worker is the bundle's entry file started again
 * (pairedBootstrap's `workerEntry`); its entry sees the bootstrap task (platform/threads.ts) and calls
 * serveBootstrapWorker(), which waits for one job (the prepared rows in shared memory and a range
 * of resamples), writes that range's metric values into the shared output, answers, and lets the
 * thread end.
 */

/** Serves one job, then returns; the thread exits when its port has no listener left. */
export function serveBootstrapWorker(): Promise<void> {
  const port = parentPort!;
  return new Promise((resolve) => {
    port.once('message', (job: BootstrapJob) => {
      let reply: BootstrapWorkerReply;
      try {
        computeResamples(job.prepared, job.seed, job.from, job.to, job.values);
        reply = { done: true };
      } catch (error) {
        reply = { error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
      }
      port.postMessage(reply);
      resolve();
    });
  });
}
