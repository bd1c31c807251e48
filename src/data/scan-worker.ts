import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ConfigurationError } from '../platform/errors.js';
import { scanDataset, type ScanOptions, type ScanState } from './scan.js';

/**
 * Scanning in a worker thread, so the data and its reference are read on both cores at once. The
 * worker is the same bundle file started again: its entry sees it is not the main thread and
 * calls serveScanWorker(). Only plain data crosses the thread boundary.
 */
type WorkerScanOptions = Omit<ScanOptions, 'logger' | 'schemaLineOf'>;

interface WorkerReply {
  state?: ScanState;
  error?: { message: string; configuration: boolean; file?: string; line?: number; hint?: string; stack?: string };
}

export const SCAN_TASK = 'mlops-actions:scan';

export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { task?: string } | null)?.task === SCAN_TASK;
}

/** A scanner that runs each scan in a new worker thread started from `entryFile` (the bundle). */
export function workerScanner(entryFile: string): (options: ScanOptions) => Promise<ScanState> {
  return (options) =>
    new Promise((resolve, reject) => {
      const { logger: _logger, schemaLineOf, ...plain } = options;
      const worker = new Worker(entryFile, { workerData: { task: SCAN_TASK, options: plain satisfies WorkerScanOptions } });
      let settled = false;
      worker.once('message', (reply: WorkerReply) => {
        settled = true;
        if (reply.state) {
          resolve(reply.state);
          return;
        }
        const e = reply.error!;
        if (e.configuration) {
          // The schema line is known only here (the line lookup does not cross threads).
          const column = /^schema column "([^"]+)"/.exec(e.message)?.[1];
          const line = e.line ?? (column && e.file === options.schemaFile ? schemaLineOf?.(['columns', column]) : undefined);
          reject(new ConfigurationError(e.message, { file: e.file, line, hint: e.hint }));
        } else {
          const error = new Error(e.message);
          error.stack = e.stack;
          reject(error);
        }
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`the scan worker exited with code ${code} before answering`));
      });
    });
}

/** The worker side: scan, post the state or the error, exit. */
export async function serveScanWorker(): Promise<void> {
  const { options } = workerData as { options: WorkerScanOptions };
  let reply: WorkerReply;
  try {
    reply = { state: await scanDataset(options) };
  } catch (error) {
    reply =
      error instanceof ConfigurationError
        ? { error: { message: error.message, configuration: true, file: error.file, line: error.line, hint: error.hint } }
        : { error: { message: error instanceof Error ? error.message : String(error), configuration: false, stack: error instanceof Error ? error.stack : undefined } };
  }
  parentPort!.postMessage(reply);
}
