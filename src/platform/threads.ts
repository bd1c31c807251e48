import { isMainThread, Worker, workerData } from 'node:worker_threads';

/**
 * Worker threads run the bundle's entry file again, with `workerData.task` naming what they are
 * for; their job comes as the first message. The entry reads the task with workerTask() before it
 * loads anything else and then imports only that task's code: the rest of the bundle (the other
 * actions, Octokit, the schemas) would cost a worker about a tenth of a second of its core.
 */
export const SCAN_TASK = 'mlops-actions:scan';
export const BOOTSTRAP_TASK = 'mlops-actions:bootstrap';

/** The task of this worker thread; undefined on the main thread or in a thread started otherwise. */
export function workerTask(): string | undefined {
  if (isMainThread) return undefined;
  const task = (workerData as { task?: unknown } | null)?.task;
  return typeof task === 'string' ? task : undefined;
}

interface Spare {
  entry: string;
  task: string;
  worker: Worker;
}

const spares: Spare[] = [];

/**
 * Starts a worker for `task` at once, before its job is known, so that its start-up (a new V8
 * isolate and the task's modules, about a quarter of a second) runs on the other core while this
 * thread loads the rest of the bundle. startWorker() hands it out. Until then it holds the process
 * open no longer than the process's own work: an entry prestarts a worker its run may not need.
 */
export function prestartWorker(entry: string, task: string): void {
  const worker = new Worker(entry, { workerData: { task } });
  worker.unref();
  const spare: Spare = { entry, task, worker };
  const drop = (): void => {
    const index = spares.indexOf(spare);
    if (index >= 0) spares.splice(index, 1);
  };
  // A spare that failed to start is dropped; startWorker() then starts a new one and sees its error.
  worker.on('error', drop);
  worker.on('exit', drop);
  spares.push(spare);
}

/** A worker for `task` from `entry`: the prestarted one when there is one, else a new one. Post its job to it. */
export function startWorker(entry: string, task: string): Worker {
  const index = spares.findIndex((s) => s.entry === entry && s.task === task);
  if (index < 0) return new Worker(entry, { workerData: { task } });
  const [spare] = spares.splice(index, 1);
  spare!.worker.removeAllListeners('error').removeAllListeners('exit');
  spare!.worker.ref();
  return spare!.worker;
}
