import http from 'node:http';

/*
 * An open-loop load generator for end-to-end tests and benchmarks of serving: POSTs one body to a
 * server on 127.0.0.1 at a steady rate, and records every request: when it started, its status (0
 * for a connection error or timeout), its latency, and which version answered it.
 *
 * Requests start evenly paced, at most `concurrency` at a time over keep-alive connections. When
 * all of them are in flight, the next request waits for one to finish; start slots more than one
 * interval overdue are dropped (`skipped`) rather than sent in a burst later, so a stalled server
 * is not hit by a backlog when it recovers. Runs stop by themselves after `maxRequests` requests
 * or `maxSeconds`.
 *
 * Times are milliseconds since the load started (mark() reads the same clock), so a test can
 * mark the moment a rollout step began and ask how many requests failed since.
 */

export interface LoadOptions {
  /** `http://127.0.0.1:<port>`; any other host is refused. */
  url: string;
  /** Default /predict. */
  path?: string;
  /** The JSON request body, sent as is. */
  body: string;
  ratePerSecond: number;
  /** Requests in flight at most; also the number of connections. */
  concurrency: number;
  /** A request not answered in full within this is aborted and counts as status 0. */
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Safety limit on requests started; default 1,000,000. */
  maxRequests?: number;
  /** Safety limit on the run's length; default 600. */
  maxSeconds?: number;
  /** How many of the latest requests `requests` keeps; default 200,000. */
  keepRequests?: number;
}

export interface LoadRequest {
  /** Start, in ms since the load started. */
  t: number;
  /** HTTP status; 0 for a connection error, a broken response or a timeout. */
  status: number;
  /** Latency in ms: from start to the response's last byte (or the failure). */
  ms: number;
  /** The X-Served-By header of the response, else the `version` field of its JSON body. */
  version?: string;
}

export interface LoadTotals {
  /** Requests started. */
  sent: number;
  /** Answered 2xx. */
  ok: number;
  /** Answered otherwise, or not answered. */
  failed: number;
  /** Started and not finished yet. */
  inFlight: number;
  /** Start slots dropped because `concurrency` requests were in flight. */
  skipped: number;
  /** Answers (any status) by the version they name. */
  byVersion: Record<string, number>;
  /** Failed requests that started at or after `tMs` (the clock of mark()). */
  failedSince(tMs: number): number;
  /** The latest requests finished (up to `keepRequests`), in order of finishing. */
  requests: LoadRequest[];
}

export interface RunningLoad {
  /** Stops starting requests, waits for those in flight, closes the connections. */
  stop(): Promise<LoadTotals>;
  totals(): LoadTotals;
  /** Now, in ms since the load started. */
  mark(): number;
}

const DEFAULT_MAX_REQUESTS = 1_000_000;
const DEFAULT_MAX_SECONDS = 600;
const DEFAULT_KEEP_REQUESTS = 200_000;
/** Enough of a response body to find its version; predictions beyond are not read. */
const MAX_BODY_BYTES = 1024 * 1024;

export function startLoad(options: LoadOptions): RunningLoad {
  const target = new URL(options.url);
  if (target.protocol !== 'http:' || target.hostname !== '127.0.0.1') {
    throw new Error(`load: only http://127.0.0.1 targets are allowed, not ${options.url}`);
  }
  const { ratePerSecond, concurrency, timeoutMs } = options;
  if (!(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) throw new RangeError(`load: ratePerSecond must be positive, got ${ratePerSecond}`);
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new RangeError(`load: concurrency must be a positive integer, got ${concurrency}`);
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError(`load: timeoutMs must be positive, got ${timeoutMs}`);
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  const maxMs = (options.maxSeconds ?? DEFAULT_MAX_SECONDS) * 1000;
  const keep = options.keepRequests ?? DEFAULT_KEEP_REQUESTS;
  const port = Number(target.port || 80);
  const path = target.pathname.replace(/\/$/, '') + (options.path ?? '/predict');
  const body = Buffer.from(options.body, 'utf8');
  const headers = { 'content-type': 'application/json', ...options.headers, 'content-length': String(body.length) };
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

  const origin = performance.now();
  const clock = () => performance.now() - origin;
  const interval = 1000 / ratePerSecond;
  let nextDue = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let sent = 0;
  let ok = 0;
  let failed = 0;
  let inFlight = 0;
  let skipped = 0;
  const byVersion: Record<string, number> = {};
  const failureStarts: number[] = [];
  const ring: LoadRequest[] = [];
  let ringNext = 0;
  let idle: (() => void) | undefined;

  const record = (request: LoadRequest) => {
    if (request.status >= 200 && request.status < 300) ok++;
    else {
      failed++;
      failureStarts.push(request.t);
    }
    if (request.version !== undefined) byVersion[request.version] = (Object.hasOwn(byVersion, request.version) ? byVersion[request.version]! : 0) + 1;
    if (ring.length < keep) ring.push(request);
    else {
      ring[ringNext] = request;
      ringNext = (ringNext + 1) % keep;
    }
  };

  const fire = () => {
    const t = clock();
    sent++;
    inFlight++;
    let finished = false;
    const finish = (status: number, version?: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      inFlight--;
      const request: LoadRequest = { t, status, ms: clock() - t };
      if (version !== undefined) request.version = version;
      record(request);
      if (inFlight === 0 && idle) idle();
      pump();
    };
    const req = http.request({ agent, host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => finish(res.statusCode ?? 0, versionOf(res.headers['x-served-by'], chunks)));
      res.on('error', () => finish(0));
      res.on('close', () => {
        if (!res.complete) finish(0);
      });
    });
    req.on('error', () => finish(0));
    const deadline = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
      finish(0);
    }, timeoutMs);
    req.end(body);
  };

  const pump = () => {
    if (stopping) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    const now = clock();
    if (now >= maxMs || sent >= maxRequests) {
      stopping = true;
      return;
    }
    while (nextDue <= now && inFlight < concurrency && sent < maxRequests) {
      fire();
      nextDue += interval;
    }
    if (nextDue > now) {
      timer = setTimeout(pump, Math.min(nextDue - now, maxMs - now));
    } else {
      // Every connection is busy: the due request waits for one to finish (finish() pumps), and
      // the slots further behind are given up.
      const behind = Math.floor((now - nextDue) / interval);
      if (behind > 0) {
        skipped += behind;
        nextDue += behind * interval;
      }
    }
  };

  const totals = (): LoadTotals => {
    const failures = failureStarts.length;
    return {
      sent,
      ok,
      failed,
      inFlight,
      skipped,
      byVersion: { ...byVersion },
      failedSince: (tMs: number) => {
        let count = 0;
        for (let i = 0; i < failures; i++) if (failureStarts[i]! >= tMs) count++;
        return count;
      },
      requests: ring.length < keep ? [...ring] : [...ring.slice(ringNext), ...ring.slice(0, ringNext)],
    };
  };

  pump();
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      agent.destroy();
      return totals();
    },
    totals,
    mark: clock,
  };
}

function versionOf(header: string | string[] | undefined, chunks: Buffer[]): string | undefined {
  const served = Array.isArray(header) ? header[0] : header;
  if (served) return served;
  if (chunks.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const version = (parsed as { version?: unknown }).version;
      if (typeof version === 'string' || typeof version === 'number') return String(version);
    }
  } catch {
    // Not JSON (or cut at MAX_BODY_BYTES): no version.
  }
  return undefined;
}
