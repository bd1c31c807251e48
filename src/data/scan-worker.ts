import { parentPort } from 'node:worker_threads';
import { ConfigurationError } from '../platform/errors.js';
import { SCAN_TASK, startWorker } from '../platform/threads.js';
import { SplitControl } from './readers/csv-split.js';
import { scanDataset, scanTailOf, type ScanOptions, type ScanState, type TailScan } from './scan.js';

/**
 * Scanning in a worker thread, so that both cores work: the worker reads the reference while the
 * data is read here, then, or at once when there is no reference to read, takes over the end of
 * the data file (see readers/csv-split.ts). The worker is the same bundle file started again (see
 * platform/threads.ts): its entry sees the scan task and calls serveScanWorker(), which waits for
 * the jobs. Only plain data (and the split's shared memory) crosses the thread boundary.
 */
type WorkerScanOptions = Omit<ScanOptions, 'logger' | 'schemaLineOf' | 'split' | 'tail'>;

/** What a helper is asked to do, in this order. */
export interface HelperJobs {
  reference?: ScanOptions;
  /** The data's scan options, the split's shared memory (SplitControl.shared) and a folder for the unique-value files. */
  tail?: { options: ScanOptions; shared: SharedArrayBuffer; pairsDir: string };
}

export interface HelperRun {
  reference?: Promise<ScanState>;
  tail?: Promise<TailScan | undefined>;
  /** Ends the helper (its results are no longer needed). */
  stop(): Promise<void>;
}

/** Runs HelperJobs somewhere else than the caller's thread. */
export type ScanHelper = (jobs: HelperJobs) => HelperRun;

interface SerializedError {
  message: string;
  configuration: boolean;
  file?: string;
  line?: number;
  hint?: string;
  stack?: string;
}

type WorkerMessage = { job: 'reference'; state?: ScanState; error?: SerializedError } | { job: 'tail'; tail?: TailScan | null; error?: SerializedError };

interface WorkerInput {
  reference?: WorkerScanOptions;
  tail?: { options: WorkerScanOptions; shared: SharedArrayBuffer; pairsDir: string };
}

function plain(options: ScanOptions): WorkerScanOptions {
  const { logger: _logger, schemaLineOf: _lineOf, split: _split, tail: _tail, ...rest } = options;
  return rest;
}

/** A helper that runs its jobs in a worker thread of `entryFile` (the bundle): the prestarted one, else a new one. */
export function workerHelper(entryFile: string): ScanHelper {
  return (jobs) => {
    const input: WorkerInput = {
      reference: jobs.reference && plain(jobs.reference),
      tail: jobs.tail && { options: plain(jobs.tail.options), shared: jobs.tail.shared, pairsDir: jobs.tail.pairsDir },
    };
    const worker = startWorker(entryFile, SCAN_TASK);
    worker.postMessage(input);
    const pending = new Map<string, { resolve: (value: never) => void; reject: (error: unknown) => void }>();
    const expect = <T>(job: string, lineOf?: ScanOptions['schemaLineOf'], schemaFile?: string): Promise<T> => {
      const promise = new Promise<T>((resolve, reject) => {
        pending.set(job, { resolve: resolve as (value: never) => void, reject: (error) => reject(revive(error, lineOf, schemaFile)) });
      });
      // Awaited by whoever needs it; a result nobody needs must not be an unhandled rejection.
      promise.catch(() => {});
      return promise;
    };
    const run: HelperRun = {
      reference: jobs.reference && expect<ScanState>('reference', jobs.reference.schemaLineOf, jobs.reference.schemaFile),
      tail: jobs.tail && expect<TailScan | undefined>('tail', jobs.tail.options.schemaLineOf, jobs.tail.options.schemaFile),
      async stop() {
        await worker.terminate();
      },
    };
    const settle = (job: string, value: unknown, error?: unknown): void => {
      const waiting = pending.get(job);
      if (!waiting) return;
      pending.delete(job);
      if (error !== undefined) waiting.reject(error);
      else waiting.resolve(value as never);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.job === 'reference') settle('reference', message.state, message.error);
      else settle('tail', message.tail ?? undefined, message.error);
    });
    worker.once('error', (error) => {
      for (const job of [...pending.keys()]) settle(job, undefined, error);
    });
    worker.once('exit', (code) => {
      for (const job of [...pending.keys()]) settle(job, undefined, new Error(`the scan worker exited with code ${code} before answering`));
    });
    return run;
  };
}

/** A worker's error as an Error again: a configuration error with its schema line (the lookup does not cross threads). */
function revive(error: unknown, schemaLineOf: ScanOptions['schemaLineOf'], schemaFile: string | undefined): unknown {
  if (error instanceof Error) return error;
  const e = error as SerializedError;
  if (e.configuration) {
    const column = /^schema column "([^"]+)"/.exec(e.message)?.[1];
    const line = e.line ?? (column && e.file === schemaFile ? schemaLineOf?.(['columns', column]) : undefined);
    return new ConfigurationError(e.message, { file: e.file, line, hint: e.hint });
  }
  const revived = new Error(e.message);
  revived.stack = e.stack;
  return revived;
}

function serialize(error: unknown): SerializedError {
  return error instanceof ConfigurationError
    ? { message: error.message, configuration: true, file: error.file, line: error.line, hint: error.hint }
    : { message: error instanceof Error ? error.message : String(error), configuration: false, stack: error instanceof Error ? error.stack : undefined };
}

/** The worker side: waits for the jobs, then does the reference, then the end of the data, each result posted as it is ready. */
export async function serveScanWorker(): Promise<void> {
  const input = await new Promise<WorkerInput>((resolve) => parentPort!.once('message', resolve));
  if (input.reference) {
    try {
      parentPort!.postMessage({ job: 'reference', state: await scanDataset(input.reference) } satisfies WorkerMessage);
    } catch (error) {
      parentPort!.postMessage({ job: 'reference', error: serialize(error) } satisfies WorkerMessage);
    }
  }
  if (input.tail) {
    const { options, shared, pairsDir } = input.tail;
    try {
      const tail = await scanTailOf(options, new SplitControl(shared), pairsDir);
      parentPort!.postMessage({ job: 'tail', tail: tail ?? null } satisfies WorkerMessage);
    } catch (error) {
      parentPort!.postMessage({ job: 'tail', error: serialize(error) } satisfies WorkerMessage);
    }
  }
}
