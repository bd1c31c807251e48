/**
 * Results-service emulator for the real @actions/artifact (v6) and @actions/cache (v6) clients.
 *
 * The twirp control plane (ArtifactService, CacheService) is an in-process node http server on
 * 127.0.0.1; the signed URLs it hands out point into an Azurite blob server started as a child
 * process, with SAS tokens signed for the well-known development account. Blob transfers are
 * therefore real Azure protocol, exactly as the clients speak it to GitHub's backend.
 *
 * Protocol facts it relies on (read from the client sources):
 * - calls are `POST /twirp/github.actions.results.api.v1.<Service>/<Method>`, JSON bodies with
 *   protobuf field names (snake_case), int64 as strings, wrapper types as bare values;
 * - an error reply must be JSON (`{code, msg}`): the clients treat an unparsable body as retryable
 *   and retry it 5 times with 3 s, 4.5 s, ... back-off; 500/502/503/504 (and 429 for artifacts)
 *   are retried too, every other status fails at once;
 * - the runtime token is a JWT whose `scp` holds `Actions.Results:<runBackendId>:<jobBackendId>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';

export interface ResultsServiceRequest {
  /** twirp method name, e.g. `CreateArtifact` (the HTTP method of every well-formed call is POST) */
  method: string;
  /** request path, e.g. `/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact` */
  path: string;
  /** parsed JSON body (undefined when it was not JSON) */
  body: unknown;
  /** HTTP status the emulator answered */
  status: number;
}

export interface ResultsService {
  /** origin of the twirp server, e.g. http://127.0.0.1:PORT/ */
  url: string;
  /**
   * Env vars for an action step so the real clients use this service: ACTIONS_RUNTIME_TOKEN,
   * ACTIONS_RESULTS_URL, ACTIONS_CACHE_URL, ACTIONS_CACHE_SERVICE_V2, GITHUB_SERVER_URL.
   * (The step itself still needs GITHUB_WORKSPACE / RUNNER_TEMP, as on a runner.)
   */
  env: Record<string, string>;
  /** env for another job of the same workflow run (its own token; artifacts are run-wide) */
  envForJob(jobId: string): Record<string, string>;
  /** env for a job of another workflow run (whose artifacts are its own) */
  envForRun(runId: string, jobId: string): Record<string, string>;
  runId: string;
  jobId: string;
  /** finalized, not deleted artifacts, in creation order */
  artifacts(): Array<{ id: number; name: string; size: number; digest: string; createdAt: string }>;
  /** finalized cache entries, in creation order */
  caches(): Array<{ key: string; version: string; size: number; createdAt: string }>;
  /** bytes stored for the newest finalized artifact of that name */
  downloadArtifactZip(name: string): Promise<Buffer>;
  /** replace the stored bytes of the newest finalized artifact of that name (for corruption tests) */
  overwriteArtifactBlob(name: string, data: Buffer): Promise<void>;
  /** twirp calls seen, in arrival order */
  requests: ResultsServiceRequest[];
  azurite: { pid: number; port: number; blobEndpoint: string };
  /** stops the http server, kills azurite by its PID, removes the temp dir; idempotent */
  stop(): Promise<void>;
}

export interface StartResultsServiceOptions {
  runId?: string;
  jobId?: string;
}

const DEV_ACCOUNT = 'devstoreaccount1';
// The published Azurite / storage-emulator development key: not a secret.
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const ARTIFACT_CONTAINER = 'artifacts';
const CACHE_CONTAINER = 'caches';
const SERVICE_PREFIX = 'github.actions.results.api.v1.';
const GITHUB_SERVER_URL = 'http://github.localhost';
const MAX_BODY = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// twirp errors

type TwirpCode =
  | 'invalid_argument'
  | 'malformed'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'bad_route'
  | 'already_exists'
  | 'failed_precondition'
  | 'internal';

const TWIRP_STATUS: Record<TwirpCode, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
};

class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    msg: string,
  ) {
    super(msg);
  }
}

// ---------------------------------------------------------------------------------------------
// runtime token (HS256 JWT; the clients decode it without verifying, we verify it)

interface TokenIds {
  runId: string;
  jobId: string;
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function signJwt(secret: Buffer, ids: TokenIds): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      iss: 'results-service-emulator',
      aud: 'actions.results',
      scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${ids.runId}:${ids.jobId}`,
      nbf: now - 60,
      iat: now,
      exp: now + 6 * 3600,
    }),
  );
  const sig = b64url(createHmac('sha256', secret).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${sig}`;
}

function verifyJwt(secret: Buffer, authorization: string | undefined): TokenIds {
  const m = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!m?.[1]) throw new TwirpError('unauthenticated', 'missing bearer token');
  const parts = m[1].split('.');
  if (parts.length !== 3) throw new TwirpError('unauthenticated', 'malformed token');
  const [header, payload, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TwirpError('unauthenticated', 'invalid token signature');
  }
  let claims: { scp?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    throw new TwirpError('unauthenticated', 'malformed token');
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    throw new TwirpError('unauthenticated', 'token expired');
  }
  const scp = typeof claims.scp === 'string' ? claims.scp : '';
  for (const scope of scp.split(' ')) {
    const p = scope.split(':');
    if (p[0] === 'Actions.Results' && p.length === 3 && p[1] && p[2]) return { runId: p[1], jobId: p[2] };
  }
  throw new TwirpError('permission_denied', 'token has no Actions.Results scope');
}

// ---------------------------------------------------------------------------------------------
// request body helpers: protobuf JSON accepts the proto name and the lowerCamel json name

type Json = Record<string, unknown>;

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_s, c: string) => c.toUpperCase());
}

function field(body: Json, name: string): unknown {
  return body[name] ?? body[camel(name)];
}

function str(body: Json, name: string, required = true): string {
  const v = field(body, name);
  if (v === undefined || v === null || v === '') {
    if (required) throw new TwirpError('invalid_argument', `${name} is required`);
    return '';
  }
  if (typeof v !== 'string') throw new TwirpError('invalid_argument', `${name} must be a string`);
  return v;
}

/** optional google.protobuf.StringValue: a bare string, or {value} */
function wrappedStr(body: Json, name: string): string | undefined {
  const v = field(body, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && typeof (v as Json).value === 'string') return (v as Json).value as string;
  throw new TwirpError('invalid_argument', `${name} must be a string`);
}

/** int64 (string or number), optionally wrapped */
function int64(body: Json, name: string, required = true): number | undefined {
  let v = field(body, name);
  if (v !== null && typeof v === 'object') v = (v as Json).value;
  if (v === undefined || v === null || v === '') {
    if (required) throw new TwirpError('invalid_argument', `${name} is required`);
    return undefined;
  }
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new TwirpError('invalid_argument', `${name} must be an int64`);
  return n;
}

function strList(body: Json, name: string): string[] {
  const v = field(body, name);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new TwirpError('invalid_argument', `${name} must be a list of strings`);
  }
  return v as string[];
}

// ---------------------------------------------------------------------------------------------
// state

interface ArtifactRecord {
  id: number;
  runId: string;
  jobId: string;
  name: string;
  mimeType: string;
  blobName: string;
  size: number;
  digest: string;
  createdAt: Date;
  state: 'pending' | 'finalized' | 'deleted';
}

interface CacheRecord {
  id: number;
  key: string;
  version: string;
  blobName: string;
  size: number;
  createdAt: Date;
  state: 'pending' | 'finalized';
}

// upload-artifact's name rules (path-and-artifact-name-validation.js)
const INVALID_NAME_CHARS = /["<>:|*?\r\n\\/]/;

// ---------------------------------------------------------------------------------------------
// azurite

function repoRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function httpAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/${DEV_ACCOUNT}?comp=list`, agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

interface Azurite {
  child: ChildProcess;
  pid: number;
  port: number;
  exited: Promise<void>;
}

// Preloaded into azurite's node: the IPC channel to us closes when we die, however we die.
const PARENT_WATCHDOG = 'data:text/javascript,process.on("disconnect",()=>process.exit(0))';

async function startAzurite(location: string): Promise<Azurite> {
  const script = await realpath(path.join(repoRoot(), 'node_modules', '.bin', 'azurite-blob'));
  let lastError = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        // exits azurite if the process that started it dies without calling stop()
        '--import', PARENT_WATCHDOG,
        script,
        '--blobHost', '127.0.0.1',
        '--blobPort', String(port),
        '--location', location,
        '--silent',
        '--skipApiVersionCheck',
        '--disableTelemetry',
      ],
      { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
    );
    child.channel?.unref();
    let output = '';
    const keep = (d: Buffer) => {
      output = (output + d.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let hasExited = false;
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        hasExited = true;
        resolve();
      });
    });
    const pid = child.pid;
    if (pid === undefined) {
      await exited;
      throw new Error(`could not start azurite-blob: ${output}`);
    }
    const deadline = Date.now() + 20_000;
    while (!hasExited && Date.now() < deadline) {
      if (await httpAnswers(port)) return { child, pid, port, exited };
      await new Promise((r) => setTimeout(r, 25));
    }
    if (!hasExited) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`azurite-blob did not answer on port ${port} within 20 s: ${output}`);
    }
    lastError = output;
    // most likely the port was taken between freePort() and azurite's listen: try another one
  }
  throw new Error(`azurite-blob failed to start: ${lastError}`);
}

async function stopAzurite(a: Azurite): Promise<void> {
  if (a.child.exitCode !== null || a.child.signalCode !== null) return;
  // Azurite's SIGTERM handler waits for idle keep-alive sockets (5 s); its data is disposable,
  // so give it a moment and then kill it.
  a.child.kill('SIGTERM');
  const timedOut = await Promise.race([
    a.exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), 300).unref()),
  ]);
  if (timedOut) {
    a.child.kill('SIGKILL');
    await a.exited;
  }
}

// ---------------------------------------------------------------------------------------------
// the service

export async function startResultsService(opts: StartResultsServiceOptions = {}): Promise<ResultsService> {
  const runId = opts.runId ?? randomUUID();
  const jobId = opts.jobId ?? randomUUID();
  const secret = randomBytes(32);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'results-service-'));

  let azurite: Azurite;
  try {
    azurite = await startAzurite(tmp);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  // If the test process dies without stop(), do not leave azurite behind.
  const killOnExit = () => {
    try {
      process.kill(azurite.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);

  const credential = new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_KEY);
  const blobEndpoint = `http://127.0.0.1:${azurite.port}/${DEV_ACCOUNT}`;
  const blobService = new BlobServiceClient(blobEndpoint, credential);
  const artifactContainer = blobService.getContainerClient(ARTIFACT_CONTAINER);
  const cacheContainer = blobService.getContainerClient(CACHE_CONTAINER);

  const artifacts: ArtifactRecord[] = [];
  const caches: CacheRecord[] = [];
  const requests: ResultsServiceRequest[] = [];
  let nextArtifactId = 1;
  let nextCacheId = 1;

  function signedUrl(
    container: ContainerClient,
    blobName: string,
    permissions: string,
    headers: { contentType?: string; contentDisposition?: string } = {},
  ): string {
    const now = Date.now();
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container.containerName,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(now - 5 * 60_000),
        expiresOn: new Date(now + 6 * 3600_000),
        protocol: SASProtocol.HttpsAndHttp,
        ...headers,
      },
      credential,
    ).toString();
    return `${container.getBlobClient(blobName).url}?${sas}`;
  }

  async function blobSize(container: ContainerClient, blobName: string): Promise<number | undefined> {
    try {
      const props = await container.getBlobClient(blobName).getProperties();
      return props.contentLength ?? 0;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) return undefined;
      throw e;
    }
  }

  function checkIds(token: TokenIds, body: Json, jobMustMatch: boolean): { runId: string; jobId: string } {
    const run = str(body, 'workflow_run_backend_id');
    const job = str(body, 'workflow_job_run_backend_id');
    if (run !== token.runId) {
      throw new TwirpError('permission_denied', 'workflow_run_backend_id does not match the token');
    }
    if (jobMustMatch && job !== token.jobId) {
      throw new TwirpError('permission_denied', 'workflow_job_run_backend_id does not match the token');
    }
    return { runId: run, jobId: job };
  }

  function artifactMessage(a: ArtifactRecord): Json {
    const out: Json = {
      workflow_run_backend_id: a.runId,
      workflow_job_run_backend_id: a.jobId,
      database_id: String(a.id),
      name: a.name,
      size: String(a.size),
      created_at: a.createdAt.toISOString(),
    };
    if (a.digest) out.digest = a.digest;
    return out;
  }

  function newestFinalized(runId: string | undefined, jobId: string | undefined, name: string): ArtifactRecord | undefined {
    let best: ArtifactRecord | undefined;
    for (const a of artifacts) {
      if (a.state !== 'finalized' || a.name !== name) continue;
      if (runId !== undefined && a.runId !== runId) continue;
      if (jobId !== undefined && a.jobId !== jobId) continue;
      if (!best || a.id > best.id) best = a;
    }
    return best;
  }

  function validateCacheKey(key: string, what: string): void {
    if (key.length > 512) throw new TwirpError('invalid_argument', `${what} is longer than 512 characters`);
    if (key.includes(',')) throw new TwirpError('invalid_argument', `${what} contains a comma`);
  }

  // ---- ArtifactService

  const artifactService: Record<string, (token: TokenIds, body: Json) => Promise<Json>> = {
    async CreateArtifact(token, body) {
      const ids = checkIds(token, body, true);
      const name = str(body, 'name');
      if (INVALID_NAME_CHARS.test(name)) throw new TwirpError('invalid_argument', `invalid artifact name: ${name}`);
      const version = int64(body, 'version', false) ?? 0;
      if (version < 4) throw new TwirpError('invalid_argument', `unsupported artifact version ${version}`);
      const mimeType = wrappedStr(body, 'mime_type') || 'application/zip';
      if (artifacts.some((a) => a.state === 'finalized' && a.runId === ids.runId && a.name === name)) {
        throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run');
      }
      // an unfinished upload of the same name (a retried step) is abandoned and replaced
      for (const a of artifacts) {
        if (a.state === 'pending' && a.runId === ids.runId && a.name === name) a.state = 'deleted';
      }
      const id = nextArtifactId++;
      const fileName = mimeType === 'application/zip' && !name.endsWith('.zip') ? `${name}.zip` : name;
      const rec: ArtifactRecord = {
        id,
        runId: ids.runId,
        jobId: ids.jobId,
        name,
        mimeType,
        blobName: `${ids.runId}/${ids.jobId}/${id}/${fileName}`,
        size: 0,
        digest: '',
        createdAt: new Date(),
        state: 'pending',
      };
      artifacts.push(rec);
      return { ok: true, signed_upload_url: signedUrl(artifactContainer, rec.blobName, 'cw') };
    },

    async FinalizeArtifact(token, body) {
      const ids = checkIds(token, body, true);
      const name = str(body, 'name');
      const size = int64(body, 'size') ?? 0;
      const hash = wrappedStr(body, 'hash');
      if (hash !== undefined && !/^sha256:[0-9a-f]{64}$/.test(hash)) {
        throw new TwirpError('invalid_argument', `hash must be sha256:<64 hex digits>, got ${hash}`);
      }
      const rec = artifacts.find(
        (a) => a.state === 'pending' && a.runId === ids.runId && a.jobId === ids.jobId && a.name === name,
      );
      if (!rec) throw new TwirpError('not_found', `no artifact upload in progress named ${name}`);
      const stored = await blobSize(artifactContainer, rec.blobName);
      if (stored === undefined) throw new TwirpError('failed_precondition', `artifact ${name} has no uploaded content`);
      if (stored !== size) {
        throw new TwirpError('invalid_argument', `size ${size} does not match the uploaded content (${stored} bytes)`);
      }
      rec.size = size;
      rec.digest = hash ?? '';
      rec.state = 'finalized';
      return { ok: true, artifact_id: String(rec.id) };
    },

    async ListArtifacts(token, body) {
      const ids = checkIds(token, body, true);
      const nameFilter = wrappedStr(body, 'name_filter');
      const idFilter = int64(body, 'id_filter', false);
      const list = artifacts.filter(
        (a) =>
          a.state === 'finalized' &&
          a.runId === ids.runId &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || a.id === idFilter),
      );
      return { artifacts: list.map(artifactMessage) };
    },

    async GetSignedArtifactURL(token, body) {
      // the download client sends the ids of the job that uploaded the artifact, not its own
      const ids = checkIds(token, body, false);
      const name = str(body, 'name');
      const rec = newestFinalized(ids.runId, ids.jobId, name);
      if (!rec) throw new TwirpError('not_found', `artifact ${name} not found`);
      const isZip = rec.mimeType === 'application/zip';
      const fileName = rec.blobName.slice(rec.blobName.lastIndexOf('/') + 1);
      return {
        signed_url: signedUrl(artifactContainer, rec.blobName, 'r', {
          contentType: rec.mimeType,
          contentDisposition: isZip
            ? undefined
            : `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        }),
      };
    },

    async DeleteArtifact(token, body) {
      const ids = checkIds(token, body, false);
      const name = str(body, 'name');
      const rec = newestFinalized(ids.runId, ids.jobId, name);
      if (!rec) throw new TwirpError('not_found', `artifact ${name} not found`);
      rec.state = 'deleted';
      await artifactContainer.getBlobClient(rec.blobName).deleteIfExists();
      return { ok: true, artifact_id: String(rec.id) };
    },
  };

  // ---- CacheService

  const cacheService: Record<string, (token: TokenIds, body: Json) => Promise<Json>> = {
    async CreateCacheEntry(_token, body) {
      const key = str(body, 'key');
      const version = str(body, 'version');
      validateCacheKey(key, 'key');
      const same = caches.filter((c) => c.key === key && c.version === version);
      if (same.some((c) => c.state === 'finalized')) {
        // what GitHub's service answers; the client logs "Failed to save: Unable to reserve cache ..."
        throw new TwirpError('already_exists', 'cache entry with the same key, version, and scope already exists');
      }
      if (same.some((c) => c.state === 'pending')) {
        // another job is saving it right now
        return { ok: false };
      }
      const id = nextCacheId++;
      const rec: CacheRecord = {
        id,
        key,
        version,
        blobName: `${id}/${createHash('sha256').update(`${key}\n${version}`).digest('hex')}`,
        size: 0,
        createdAt: new Date(),
        state: 'pending',
      };
      caches.push(rec);
      return { ok: true, signed_upload_url: signedUrl(cacheContainer, rec.blobName, 'cw') };
    },

    async FinalizeCacheEntryUpload(_token, body) {
      const key = str(body, 'key');
      const version = str(body, 'version');
      const size = int64(body, 'size_bytes') ?? 0;
      const rec = caches.find((c) => c.state === 'pending' && c.key === key && c.version === version);
      if (!rec) throw new TwirpError('not_found', `no cache upload in progress for key ${key}`);
      const stored = await blobSize(cacheContainer, rec.blobName);
      if (stored === undefined) throw new TwirpError('failed_precondition', `cache entry ${key} has no uploaded content`);
      if (stored !== size) {
        throw new TwirpError('invalid_argument', `size_bytes ${size} does not match the uploaded content (${stored} bytes)`);
      }
      rec.size = size;
      rec.state = 'finalized';
      return { ok: true, entry_id: String(rec.id) };
    },

    async GetCacheEntryDownloadURL(_token, body) {
      const key = str(body, 'key');
      const restoreKeys = strList(body, 'restore_keys');
      const version = str(body, 'version');
      const keys = [key, ...restoreKeys];
      if (keys.length > 10) throw new TwirpError('invalid_argument', 'at most 10 keys are allowed');
      keys.forEach((k, i) => {
        if (!k) throw new TwirpError('invalid_argument', 'keys must not be empty');
        validateCacheKey(k, i === 0 ? 'key' : 'restore key');
      });
      // newest first: creation time, then creation order
      const candidates = caches
        .filter((c) => c.state === 'finalized' && c.version === version)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
      for (const k of keys) {
        const hit = candidates.find((c) => c.key === k) ?? candidates.find((c) => c.key.startsWith(k));
        if (hit) {
          return {
            ok: true,
            signed_download_url: signedUrl(cacheContainer, hit.blobName, 'r'),
            matched_key: hit.key,
          };
        }
      }
      return { ok: false };
    },
  };

  const services: Record<string, Record<string, (token: TokenIds, body: Json) => Promise<Json>>> = {
    [`${SERVICE_PREFIX}ArtifactService`]: artifactService,
    [`${SERVICE_PREFIX}CacheService`]: cacheService,
  };

  // ---- http

  function readBody(req: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          reject(new TwirpError('invalid_argument', 'request body too large'));
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  async function handle(req: http.IncomingMessage): Promise<{ status: number; body: Json; method: string; parsed: unknown }> {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    const m = /^\/twirp\/([^/]+)\/([^/]+)$/.exec(urlPath);
    const method = m?.[2] ?? '';
    let parsed: unknown;
    try {
      const raw = await readBody(req);
      if (!m) throw new TwirpError('bad_route', `no handler for path ${urlPath}`);
      if (req.method !== 'POST') throw new TwirpError('bad_route', `unsupported method ${req.method} (only POST is allowed)`);
      const handler = services[m[1] ?? '']?.[method];
      if (!handler) throw new TwirpError('bad_route', `no handler for path ${urlPath}`);
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (contentType !== 'application/json') {
        throw new TwirpError('bad_route', `unexpected Content-Type: ${req.headers['content-type'] ?? ''} (only application/json is served)`);
      }
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new TwirpError('malformed', 'the json request could not be decoded');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new TwirpError('malformed', 'the json request must be an object');
      }
      const token = verifyJwt(secret, req.headers.authorization);
      const body = await handler(token, parsed as Json);
      return { status: 200, body, method, parsed };
    } catch (e) {
      if (e instanceof TwirpError) return { status: TWIRP_STATUS[e.code], body: { code: e.code, msg: e.message }, method, parsed };
      return { status: 500, body: { code: 'internal', msg: e instanceof Error ? e.message : String(e) }, method, parsed };
    }
  }

  const server = http.createServer((req, res) => {
    void handle(req).then(({ status, body, method, parsed }) => {
      requests.push({ method, path: req.url ?? '', body: parsed, status });
      const payload = JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
      res.end(payload);
    });
  });

  let stopped = false;
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await stopAzurite(azurite);
    process.removeListener('exit', killOnExit);
    await rm(tmp, { recursive: true, force: true });
  }

  try {
    await Promise.all([artifactContainer.createIfNotExists(), cacheContainer.createIfNotExists()]);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const addr = server.address();
  if (!addr || typeof addr === 'string') {
    await stop();
    throw new Error('results service has no TCP address');
  }
  const url = `http://127.0.0.1:${addr.port}/`;

  function envForJob(job: string): Record<string, string> {
    return envForRun(runId, job);
  }

  function envForRun(run: string, job: string): Record<string, string> {
    return {
      ACTIONS_RUNTIME_TOKEN: signJwt(secret, { runId: run, jobId: job }),
      ACTIONS_RESULTS_URL: url,
      ACTIONS_CACHE_URL: url,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      GITHUB_SERVER_URL,
    };
  }

  function latestArtifact(name: string): ArtifactRecord {
    const rec = newestFinalized(undefined, undefined, name);
    if (!rec) throw new Error(`no finalized artifact named ${name}`);
    return rec;
  }

  return {
    url,
    env: envForJob(jobId),
    envForJob,
    envForRun,
    runId,
    jobId,
    artifacts: () =>
      artifacts
        .filter((a) => a.state === 'finalized')
        .map((a) => ({ id: a.id, name: a.name, size: a.size, digest: a.digest, createdAt: a.createdAt.toISOString() })),
    caches: () =>
      caches
        .filter((c) => c.state === 'finalized')
        .map((c) => ({ key: c.key, version: c.version, size: c.size, createdAt: c.createdAt.toISOString() })),
    async downloadArtifactZip(name) {
      return artifactContainer.getBlobClient(latestArtifact(name).blobName).downloadToBuffer();
    },
    async overwriteArtifactBlob(name, data) {
      await artifactContainer.getBlockBlobClient(latestArtifact(name).blobName).upload(data, data.length);
    },
    requests,
    azurite: { pid: azurite.pid, port: azurite.port, blobEndpoint },
    stop,
  };
}
