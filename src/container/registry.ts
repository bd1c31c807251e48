import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { ConfigurationError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { formatImageReference, isLoopbackHost, isValidDigest, isValidRepository, isValidTag, registryBaseUrl } from './reference.js';
import { formatBytes } from '../platform/units.js';
import { sha256Digest } from './image.js';

/*
 * A client of the OCI distribution API (the Docker registry HTTP API v2), enough to build an
 * image without a Docker daemon: read a base image's manifest and config, push blobs and
 * manifests.
 *
 * It speaks node:http directly rather than fetch so that each request is one exchange on one
 * connection whose body, headers and failure are fully known: a PATCH that broke half-way must be
 * told from one that was answered, and a redirect to blob storage must not carry the registry's
 * Authorization header.
 *
 * Uploads resume. Each PATCH carries one chunk held in memory (at most `chunkSize` bytes), so a
 * failed chunk is sent again without re-reading the source; after a failure the client asks the
 * registry how much it has (GET on the upload URL → `Range: 0-<last>`) and continues from there.
 * A registry that dropped the session (404) gets the blob from the start. After a failed final
 * PUT the blob may well be committed, so the client asks (HEAD) before sending anything again.
 */

export const MEDIA_TYPES = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
} as const;

const INDEX_TYPES = new Set<string>([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerManifestList]);
const IMAGE_TYPES = new Set<string>([MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest]);
const MANIFEST_ACCEPT = [MEDIA_TYPES.ociManifest, MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerManifest, MEDIA_TYPES.dockerManifestList].join(', ');

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

const MIB = 1024 * 1024;
/** Distribution refuses manifests above 4 MiB; a larger answer is not a manifest. */
const MAX_MANIFEST_BYTES = 4 * MIB;
/** Error bodies are read for their message, no further. */
const MAX_ERROR_BYTES = 64 * 1024;
const MAX_REDIRECTS = 5;
const MAX_RETRY_AFTER_MS = 60_000;
/** A token is renewed this long before the registry says it expires. */
const TOKEN_MARGIN_MS = 10_000;
/** Docker's token specification: a token without expires_in lasts 60 s. */
const DEFAULT_TOKEN_SECONDS = 60;

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
  urls?: string[];
}

/** The fields of an image manifest or index this project reads; anything else passes through. */
export interface ManifestJson {
  schemaVersion?: number;
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

export interface FetchedManifest {
  mediaType: string;
  /** sha256 of `body`, checked against what the registry said. */
  digest: string;
  /** The exact bytes the registry holds; the digest is of these, never of re-serialised JSON. */
  body: Buffer;
  json: ManifestJson;
}

export interface RegistryCredentials {
  username: string;
  password: string;
}

export type RegistryLogger = Pick<Logger, 'debug' | 'info' | 'warning'>;

export interface RegistryClientOptions {
  /** `host[:port]` as in an image reference: `ghcr.io`, `docker.io`, `localhost:5000`. */
  registry: string;
  credentials?: RegistryCredentials;
  /** Plain HTTP for a registry that is not on loopback (loopback always is). */
  insecure?: boolean;
  /** Retries after the first attempt, on 5xx, 429 and broken connections. Default 4. */
  retries?: number;
  /** First pause before a retry; doubled each time. Default 500 ms. */
  retryDelayMs?: number;
  /** Blobs up to this size go in one PUT, larger ones in PATCH chunks of this size. Default 16 MiB. */
  chunkSize?: number;
  /** A request with no traffic for this long fails (and is retried). Default 120 s. */
  timeoutMs?: number;
  logger?: RegistryLogger;
}

interface BlobIdentity {
  /** `sha256:<64 hex digits>` of the content. */
  digest: string;
  size: number;
}

/**
 * A blob to push. The content is read as a stream: from the start (`open`) or from an offset
 * (`openAt`, preferred when present, so that a resumed upload does not read the skipped bytes).
 */
export type BlobSource = BlobIdentity &
  ({ open(): NodeJS.ReadableStream; openAt?(offset: number): NodeJS.ReadableStream } | { openAt(offset: number): NodeJS.ReadableStream; open?(): NodeJS.ReadableStream });

export type PushResult = 'exists' | 'mounted' | 'uploaded';

export interface RegistryStats {
  /** Blob bytes sent in PATCH and PUT bodies, counting bodies sent again after a failure. */
  bytesUploaded: number;
  blobsExisting: number;
  blobsMounted: number;
  blobsUploaded: number;
  /** Every HTTP request, token and redirected requests included. */
  requests: number;
  retries: number;
}

/** The registry failed or answered something this client cannot use: not the user's mistake. */
export class RegistryError extends Error {
  readonly registry: string;
  readonly status?: number;
  constructor(message: string, options: { registry: string; status?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RegistryError';
    this.registry = options.registry;
    this.status = options.status;
  }
}


/** A blob source over bytes in memory. */
export function blobFromBuffer(data: Buffer): BlobSource {
  return { digest: sha256Digest(data), size: data.length, openAt: (offset) => Readable.from([data.subarray(offset)]) };
}

/** A blob source over a file, hashed once here; the file must not change until it is pushed. */
export async function blobFromFile(file: string): Promise<BlobSource> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size, openAt: (offset) => createReadStream(file, { start: offset }) };
}

interface HttpResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  url: URL;
}

interface RegistryRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Token scopes the request needs: `repository:<name>:pull` or `...:pull,push`. */
  scopes: string[];
  /** For messages about refused credentials. */
  repository: string;
  followRedirects?: boolean;
  maxBody?: number;
}

type Outcome = { ok: true; response: HttpResponse } | { ok: false; reason: string; response?: HttpResponse };

interface Challenge {
  scheme: 'basic' | 'bearer';
  realm?: string;
  service?: string;
  scope?: string;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Connection failures worth another attempt. ECONNREFUSED only once the registry has answered. */
const RETRIABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
/** Before any answer, these mean the address is wrong or nothing listens there. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);
const TLS_CODE = /^(?:EPROTO|ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class RegistryClient {
  readonly registry: string;
  readonly baseUrl: string;
  readonly stats: RegistryStats = { bytesUploaded: 0, blobsExisting: 0, blobsMounted: 0, blobsUploaded: 0, requests: 0, retries: 0 };

  private readonly base: URL;
  private readonly credentials?: RegistryCredentials;
  private readonly insecure: boolean;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly chunkSize: number;
  private readonly timeoutMs: number;
  private readonly logger?: RegistryLogger;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });
  /** How the registry wants to be authenticated, learned from its first 401. */
  private challenge?: Challenge;
  private readonly tokens = new Map<string, Promise<CachedToken>>();
  /** Every token received, so that none can leak into a message. */
  private readonly secrets = new Set<string>();
  /** Whether the registry has ever answered: a refused connection after that is a hiccup, before it a wrong address. */
  private answered = false;

  constructor(options: RegistryClientOptions) {
    this.registry = options.registry;
    this.baseUrl = registryBaseUrl(options.registry, options.insecure ?? false);
    this.base = new URL(this.baseUrl);
    this.credentials = options.credentials;
    this.insecure = options.insecure ?? false;
    this.retries = nonNegativeInteger(options.retries ?? 4, 'retries');
    this.retryDelayMs = nonNegativeInteger(options.retryDelayMs ?? 500, 'retryDelayMs');
    this.chunkSize = nonNegativeInteger(options.chunkSize ?? 16 * MIB, 'chunkSize');
    if (this.chunkSize === 0) throw new RangeError('chunkSize must be at least 1 byte');
    this.timeoutMs = nonNegativeInteger(options.timeoutMs ?? 120_000, 'timeoutMs');
    this.logger = options.logger;
    if (this.credentials) {
      this.secrets.add(this.credentials.password);
      this.secrets.add(basicHeader(this.credentials).slice('Basic '.length));
    }
  }

  /** Closes the kept-alive connections. The client still works afterwards, on new ones. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  // ---------------------------------------------------------------------------------------------
  // Manifests

  /**
   * The manifest of `repository` at a tag or digest. An index (or Docker manifest list) is
   * resolved to the manifest for `platform`.
   */
  async getManifest(repository: string, reference: string, platform: Platform = DEFAULT_PLATFORM): Promise<FetchedManifest> {
    this.checkRepository(repository);
    this.checkReference(reference);
    const top = await this.fetchManifest(repository, reference);
    if (!INDEX_TYPES.has(top.mediaType)) return top;

    const entries = Array.isArray(top.json.manifests) ? top.json.manifests : [];
    const chosen = entries.find((entry) => matchesPlatform(entry.platform, platform));
    const name = this.imageName(repository, reference);
    if (!chosen) {
      const available = entries
        .map((entry) => entry.platform)
        .filter((p): p is Platform => p !== undefined && p.os !== 'unknown')
        .map(platformName);
      throw new ConfigurationError(`the image ${name} has no ${platformName(platform)} variant (it has ${available.length > 0 ? available.join(', ') : 'none with a platform'})`, {
        hint: `Use a base image built for ${platformName(platform)}, or build for one of the platforms it has.`,
      });
    }
    if (typeof chosen.digest !== 'string' || !isValidDigest(chosen.digest)) {
      throw new RegistryError(`the index of ${name} lists ${platformName(platform)} with an invalid digest`, { registry: this.registry });
    }
    const resolved = await this.fetchManifest(repository, chosen.digest);
    if (!IMAGE_TYPES.has(resolved.mediaType)) {
      throw new RegistryError(`the index of ${name} points ${platformName(platform)} at a ${resolved.mediaType}, not an image manifest`, { registry: this.registry });
    }
    return resolved;
  }

  /** Stores a manifest under a tag (or its digest); returns its digest. */
  async putManifest(repository: string, reference: string, body: Buffer, mediaType: string): Promise<string> {
    this.checkRepository(repository);
    this.checkReference(reference);
    const digest = sha256Digest(body);
    if (isValidDigest(reference) && reference !== digest) {
      throw new RangeError(`putManifest: the manifest's digest is ${digest}, not the reference ${reference}`);
    }
    const response = await this.send({
      method: 'PUT',
      url: this.url(`/v2/${repository}/manifests/${reference}`),
      headers: { 'Content-Type': mediaType },
      body,
      scopes: [pushScope(repository)],
      repository,
    });
    if (response.status < 200 || response.status > 299) throw this.unexpected('PUT', response);
    const told = header(response, 'docker-content-digest');
    if (told !== undefined && told !== digest) {
      throw new RegistryError(`the registry ${this.registry} stored the manifest ${this.imageName(repository, reference)} as ${told}, but its bytes hash to ${digest}`, {
        registry: this.registry,
      });
    }
    this.logger?.debug(`pushed manifest ${this.imageName(repository, reference)} (${digest})`);
    return digest;
  }

  // ---------------------------------------------------------------------------------------------
  // Blobs

  /** The blob's bytes, checked against its digest. Redirects (to blob storage) are followed. */
  async getBlob(repository: string, digest: string): Promise<Buffer> {
    this.checkRepository(repository);
    this.checkDigest(digest);
    const response = await this.send({
      method: 'GET',
      url: this.url(`/v2/${repository}/blobs/${digest}`),
      scopes: [pullScope(repository)],
      repository,
      followRedirects: true,
      maxBody: Number.MAX_SAFE_INTEGER,
    });
    if (response.status === 404) {
      throw new RegistryError(`the registry ${this.registry} has no blob ${digest} in ${repository}`, { registry: this.registry, status: 404 });
    }
    if (response.status !== 200) throw this.unexpected('GET', response);
    const actual = digestOf(response.body, digest);
    if (actual !== digest) {
      throw new RegistryError(`the blob ${digest} from ${this.registry}/${repository} hashes to ${actual}: it was corrupted in transit or in storage`, { registry: this.registry });
    }
    return response.body;
  }

  /** The blob's size when the repository has it, else undefined. */
  async hasBlob(repository: string, digest: string): Promise<number | undefined> {
    this.checkRepository(repository);
    this.checkDigest(digest);
    return this.headBlob(repository, digest, [pullScope(repository)]);
  }

  /**
   * Links a blob of another repository of the same registry into `repository` without sending it.
   * False when the registry cannot (blob unknown there, or mounting unsupported); the upload
   * session it opened instead is cancelled.
   */
  async mountBlob(repository: string, digest: string, fromRepository: string): Promise<boolean> {
    this.checkRepository(repository);
    this.checkRepository(fromRepository);
    this.checkDigest(digest);
    const started = await this.startUpload(repository, { digest, from: fromRepository });
    if (started.mounted) {
      this.stats.blobsMounted += 1;
      return true;
    }
    await this.cancelUpload(repository, started.location);
    return false;
  }

  /**
   * Makes sure `repository` has the blob: nothing to do when it has it, a mount when
   * `fromRepository` has it, otherwise an upload (one PUT up to `chunkSize`, PATCH chunks above).
   */
  async pushBlob(repository: string, source: BlobSource, options: { fromRepository?: string } = {}): Promise<PushResult> {
    this.checkRepository(repository);
    this.checkDigest(source.digest);
    if (!Number.isSafeInteger(source.size) || source.size < 0) throw new RangeError(`pushBlob: size ${source.size} of ${source.digest} is not a byte count`);
    if (!source.open && !source.openAt) throw new TypeError('pushBlob: the blob source needs open() or openAt(offset)');
    const scopes = [pushScope(repository)];

    if ((await this.headBlob(repository, source.digest, scopes)) !== undefined) {
      this.stats.blobsExisting += 1;
      this.logger?.debug(`${repository} already has ${source.digest}`);
      return 'exists';
    }

    let session: URL | undefined;
    const from = options.fromRepository;
    if (from !== undefined && from !== repository) {
      this.checkRepository(from);
      let started: Awaited<ReturnType<RegistryClient['startUpload']>> | undefined;
      try {
        started = await this.startUpload(repository, { digest: source.digest, from });
      } catch (error) {
        // Credentials that may push here but not read `from` are refused the mount; a plain
        // upload needs no access to `from`. Refused credentials are refused again below.
        if (!(error instanceof ConfigurationError)) throw error;
        this.logger?.debug(`could not mount ${source.digest} from ${from}: ${error.message}; uploading it`);
      }
      if (started?.mounted) {
        this.stats.blobsMounted += 1;
        this.logger?.debug(`mounted ${source.digest} into ${repository} from ${from}`);
        return 'mounted';
      }
      session = started?.location;
    }

    await this.upload(repository, source, session);
    this.stats.blobsUploaded += 1;
    this.logger?.debug(`uploaded ${source.digest} (${formatBytes(source.size)}) to ${repository}`);
    return 'uploaded';
  }

  private async headBlob(repository: string, digest: string, scopes: string[]): Promise<number | undefined> {
    const response = await this.send({ method: 'HEAD', url: this.url(`/v2/${repository}/blobs/${digest}`), scopes, repository, followRedirects: true });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw this.unexpected('HEAD', response);
    const length = Number(header(response, 'content-length'));
    return Number.isSafeInteger(length) && length >= 0 ? length : 0;
  }

  /** POST …/blobs/uploads/: a new session, or a finished mount. */
  private async startUpload(repository: string, mount?: { digest: string; from: string }): Promise<{ mounted: true } | { mounted: false; location: URL }> {
    const url = this.url(`/v2/${repository}/blobs/uploads/`);
    const scopes = [pushScope(repository)];
    if (mount) {
      url.searchParams.set('mount', mount.digest);
      url.searchParams.set('from', mount.from);
      scopes.push(pullScope(mount.from));
    }
    const response = await this.send({ method: 'POST', url, scopes, repository });
    if (mount && response.status === 201) return { mounted: true };
    if (response.status !== 202) throw this.unexpected('POST', response);
    return { mounted: false, location: this.uploadLocation(response) };
  }

  private async cancelUpload(repository: string, location: URL): Promise<void> {
    try {
      const response = await this.send({ method: 'DELETE', url: location, scopes: [pushScope(repository)], repository });
      if (response.status >= 300 && response.status !== 404) this.logger?.debug(`cancelling an upload session answered ${response.status}`);
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      // The registry purges abandoned sessions itself; failing the push for this would be wrong.
      this.logger?.debug(`could not cancel an upload session: ${this.redact(errorText(error))}`);
    }
  }

  private async upload(repository: string, source: BlobSource, session: URL | undefined): Promise<void> {
    const { digest, size } = source;
    const scopes = [pushScope(repository)];
    const monolithic = size <= this.chunkSize;
    const reader = new BlobReader(source);
    let location = session;
    let offset = 0;
    let failures = 0;
    let restarts = 0;

    const failed = async (method: string, reason: string): Promise<void> => {
      failures += 1;
      if (failures > this.retries) {
        throw new RegistryError(`uploading ${digest} to ${this.registry}/${repository} failed: ${method} ${reason}; gave up after ${failures} attempts`, { registry: this.registry });
      }
      await this.pause(failures, `${method} of ${digest} failed (${reason})`);
    };
    const restart = (why: string): void => {
      restarts += 1;
      if (restarts > this.retries) {
        throw new RegistryError(`uploading ${digest} to ${this.registry}/${repository} failed: ${why}, ${restarts} times`, { registry: this.registry });
      }
      this.logger?.info(`${why}; sending ${digest} again from the start`);
      location = undefined;
      offset = 0;
    };

    try {
      for (;;) {
        if (!location) {
          const started = await this.startUpload(repository);
          if (started.mounted) return;
          location = started.location;
          offset = 0;
        }

        if (!monolithic && offset < size) {
          const length = Math.min(this.chunkSize, size - offset);
          const chunk = await reader.read(offset, length);
          this.stats.bytesUploaded += length;
          const outcome = await this.tryOnce({
            method: 'PATCH',
            url: location,
            headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `${offset}-${offset + length - 1}` },
            body: chunk,
            scopes,
            repository,
          });
          if (outcome.ok && outcome.response.status === 202) {
            location = this.uploadLocation(outcome.response, location);
            const received = receivedBytes(header(outcome.response, 'range'), offset + length);
            if (received === undefined || received > size) {
              restart(`the registry reported an impossible upload range (${header(outcome.response, 'range') ?? 'none'})`);
              continue;
            }
            offset = received;
            failures = 0;
            continue;
          }
          if (outcome.ok && outcome.response.status === 404) {
            await failed('PATCH', '404: the upload session is gone');
            restart('the registry dropped the upload session');
            continue;
          }
          if (outcome.ok && outcome.response.status !== 416) throw this.unexpected('PATCH', outcome.response);
          await failed('PATCH', outcome.ok ? '416 range not satisfiable' : outcome.reason);
          const point = await this.uploadStatus(repository, location);
          if (point.gone) {
            restart(point.why);
            continue;
          }
          if (point.received > size) {
            restart(`the registry holds ${point.received} bytes of a ${size}-byte blob`);
            continue;
          }
          location = point.location;
          if (point.received !== offset) this.logger?.info(`resuming the upload of ${digest} at ${formatBytes(point.received)} of ${formatBytes(size)}`);
          offset = point.received;
          continue;
        }

        // The final PUT: the whole blob when it fits one request, else an empty body closing the chunks.
        const body = monolithic ? await reader.read(0, size) : Buffer.alloc(0);
        const url = new URL(location);
        url.searchParams.set('digest', digest);
        this.stats.bytesUploaded += body.length;
        const outcome = await this.tryOnce({ method: 'PUT', url, headers: { 'Content-Type': 'application/octet-stream' }, body, scopes, repository });
        if (outcome.ok && outcome.response.status === 201) {
          const told = header(outcome.response, 'docker-content-digest');
          if (told !== undefined && told !== digest) {
            throw new RegistryError(`the registry ${this.registry} stored the blob ${digest} as ${told}`, { registry: this.registry });
          }
          return;
        }
        if (outcome.ok && outcome.response.status === 400) {
          const text = this.errorText(outcome.response);
          if (/DIGEST_INVALID|BLOB_UPLOAD_INVALID|SIZE_INVALID/.test(text)) {
            throw new RegistryError(`the registry ${this.registry} did not accept the content of ${digest} (${size} bytes): ${text}. The source's bytes do not match its digest or size, or changed while being sent`, {
              registry: this.registry,
              status: 400,
            });
          }
        }
        if (outcome.ok && outcome.response.status !== 404) throw this.unexpected('PUT', outcome.response);
        await failed('PUT', outcome.ok ? '404: the upload session is gone' : outcome.reason);
        // A PUT can fail after the registry committed the blob; never send a blob it already has.
        if ((await this.headBlob(repository, digest, scopes)) !== undefined) return;
        if (monolithic || (outcome.ok && outcome.response.status === 404)) {
          restart(monolithic ? 'the single-request upload failed' : 'the registry dropped the upload session');
          continue;
        }
        const point = await this.uploadStatus(repository, location);
        if (point.gone || point.received !== size) {
          restart(point.gone ? point.why : `the registry holds ${point.received} of ${size} bytes after the final request`);
          continue;
        }
        location = point.location;
      }
    } finally {
      reader.close();
    }
  }

  /**
   * How much of the upload the registry holds. `gone` when the session is: the registry forgot it,
   * or (Distribution) refused it because a broken request left more bytes than its state says.
   */
  private async uploadStatus(repository: string, location: URL): Promise<{ gone: true; why: string } | { gone: false; location: URL; received: number }> {
    const response = await this.send({ method: 'GET', url: location, scopes: [pushScope(repository)], repository });
    if (response.status === 404) return { gone: true, why: 'the registry dropped the upload session' };
    if (response.status !== 204 && response.status !== 200) throw this.unexpected('GET', response);
    const next = this.uploadLocation(response, location);
    const received = receivedBytes(header(response, 'range'), undefined);
    if (received === undefined) {
      // `0-0` means both "nothing" and "one byte" in Distribution's answer; only a fresh start is safe.
      await this.cancelUpload(repository, next);
      return { gone: true, why: `the registry's upload range (${header(response, 'range') ?? 'none'}) does not say how much it holds` };
    }
    return { gone: false, location: next, received };
  }

  private uploadLocation(response: HttpResponse, fallback?: URL): URL {
    const location = header(response, 'location');
    if (location === undefined) {
      if (fallback) return fallback;
      throw new RegistryError(`the registry ${this.registry} started an upload without a Location header`, { registry: this.registry, status: response.status });
    }
    return new URL(location, response.url);
  }

  // ---------------------------------------------------------------------------------------------
  // Requests, retries and authentication

  private async fetchManifest(repository: string, reference: string): Promise<FetchedManifest> {
    const response = await this.send({
      method: 'GET',
      url: this.url(`/v2/${repository}/manifests/${reference}`),
      headers: { Accept: MANIFEST_ACCEPT },
      scopes: [pullScope(repository)],
      repository,
      maxBody: MAX_MANIFEST_BYTES,
    });
    const name = this.imageName(repository, reference);
    if (response.status === 404) {
      throw new ConfigurationError(`image not found: ${name}`, {
        hint: 'Check the image name and tag, and that the image has been pushed to this registry.',
      });
    }
    if (response.status !== 200) throw this.unexpected('GET', response);

    const body = response.body;
    const digest = sha256Digest(body);
    if (isValidDigest(reference) && digestOf(body, reference) !== reference) {
      throw new RegistryError(`the manifest of ${name} hashes to ${digestOf(body, reference)}, not the digest asked for`, { registry: this.registry });
    }
    const told = header(response, 'docker-content-digest');
    if (told !== undefined && isValidDigest(told) && digestOf(body, told) !== told) {
      throw new RegistryError(`the manifest of ${name} hashes to ${digestOf(body, told)}, but the registry says ${told}`, { registry: this.registry });
    }

    let json: ManifestJson;
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
      json = parsed as ManifestJson;
    } catch (error) {
      throw new RegistryError(`the manifest of ${name} is not valid JSON: ${errorText(error)}`, { registry: this.registry, cause: error });
    }
    const contentType = header(response, 'content-type')?.split(';')[0]?.trim();
    const mediaType =
      typeof json.mediaType === 'string' && json.mediaType !== ''
        ? json.mediaType
        : contentType !== undefined && (INDEX_TYPES.has(contentType) || IMAGE_TYPES.has(contentType))
          ? contentType
          : Array.isArray(json.manifests)
            ? MEDIA_TYPES.ociIndex
            : MEDIA_TYPES.ociManifest;
    if (!INDEX_TYPES.has(mediaType) && !IMAGE_TYPES.has(mediaType)) {
      throw new ConfigurationError(`the image ${name} has a ${mediaType} manifest, which cannot be built upon`, {
        hint: 'Use a base image pushed with an OCI or Docker schema 2 manifest (any image pushed by a current Docker, Podman or Buildah).',
      });
    }
    return { mediaType, digest, body, json };
  }

  /** A request with retries on 5xx, 429 and broken connections. Returns any other answer. */
  private async send(request: RegistryRequest): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.tryOnce(request);
      if (outcome.ok) return outcome.response;
      if (attempt > this.retries) {
        const registryText = outcome.response ? this.errorText(outcome.response) : '';
        throw new RegistryError(
          `the registry ${this.registry} ${outcome.response ? 'answered' : 'failed'} ${outcome.reason} to ${request.method} ${request.url.pathname}; gave up after ${attempt} attempts${registryText ? `: ${registryText}` : ''}`,
          { registry: this.registry, status: outcome.response?.status },
        );
      }
      await this.pause(attempt, `${request.method} ${request.url.pathname} failed (${outcome.reason})`, outcome.response);
    }
  }

  /** One attempt: an answer, or a failure worth retrying. Anything else is thrown. */
  private async tryOnce(request: RegistryRequest): Promise<Outcome> {
    try {
      const response = await this.exchange(request);
      if (response.status >= 500 || response.status === 429) return { ok: false, reason: `${response.status} ${response.statusText}`.trim(), response };
      return { ok: true, response };
    } catch (error) {
      if (error instanceof ConfigurationError || error instanceof RegistryError) throw error;
      const code = errorCode(error);
      if (!this.answered && code !== undefined && (UNREACHABLE_CODES.has(code) || TLS_CODE.test(code))) throw this.unreachable(code, error);
      if (code !== undefined && (RETRIABLE_CODES.has(code) || (code === 'ECONNREFUSED' && this.answered))) {
        return { ok: false, reason: `${code}${error instanceof Error && error.message !== code ? ` (${this.redact(error.message)})` : ''}` };
      }
      throw new RegistryError(`${request.method} ${request.url.pathname} to the registry ${this.registry} failed: ${this.redact(errorText(error))}`, { registry: this.registry, cause: error });
    }
  }

  private async pause(attempt: number, what: string, response?: HttpResponse): Promise<void> {
    let delay = this.retryDelayMs * 2 ** (attempt - 1);
    const retryAfter = response ? retryAfterMs(header(response, 'retry-after')) : undefined;
    if (retryAfter !== undefined) delay = Math.max(delay, Math.min(retryAfter, MAX_RETRY_AFTER_MS));
    this.stats.retries += 1;
    this.logger?.warning(`registry ${this.registry}: ${what}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt} of ${this.retries})`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  /** Sends with authentication (learning the scheme from a 401) and follows redirects when asked. */
  private async exchange(request: RegistryRequest): Promise<HttpResponse> {
    let auth = await this.authorization(request.scopes, undefined);
    let response = await this.transmit(request.method, request.url, withAuth(request.headers, auth.header), request.body, request.maxBody);

    if (response.status === 401) {
      const challenge = parseChallenge(header(response, 'www-authenticate'));
      if (!challenge) {
        throw new RegistryError(`the registry ${this.registry} answered 401 to ${request.method} ${request.url.pathname} without saying how to authenticate`, { registry: this.registry, status: 401 });
      }
      if (auth.fresh) throw this.refused(request.repository, 401);
      this.challenge = challenge.scheme === 'bearer' ? { ...challenge, scope: undefined } : challenge;
      this.forgetTokens(request.scopes);
      auth = await this.authorization(request.scopes, challenge.scope);
      response = await this.transmit(request.method, request.url, withAuth(request.headers, auth.header), request.body, request.maxBody);
      if (response.status === 401) throw this.refused(request.repository, 401);
    }
    if (response.status === 403) throw this.refused(request.repository, 403);

    for (let hops = 0; request.followRedirects && REDIRECTS.has(response.status); hops += 1) {
      const location = header(response, 'location');
      if (location === undefined || hops === MAX_REDIRECTS) break;
      const target = new URL(location, response.url);
      // Blob storage gets its own credentials in the signed URL; the registry's stay with it.
      const headers = target.origin === this.base.origin ? withAuth(request.headers, auth.header) : { ...request.headers };
      response = await this.transmit(request.method, target, headers, undefined, request.maxBody);
    }
    return response;
  }

  /**
   * The Authorization header for these scopes, if the registry is known to want one. `fresh` says
   * it was just obtained, so a 401 with it means the credentials are refused, not that it expired.
   */
  private async authorization(scopes: string[], challengeScope: string | undefined): Promise<{ header?: string; fresh: boolean }> {
    const challenge = this.challenge;
    if (!challenge) return { fresh: false };
    if (challenge.scheme === 'basic') {
      if (!this.credentials) throw this.refused(scopeRepository(scopes), 401);
      return { header: basicHeader(this.credentials), fresh: true };
    }
    const key = [...scopes].sort().join(' ');
    const now = Date.now();
    const cached = this.tokens.get(key);
    if (cached) {
      const token = await cached.catch(() => undefined);
      if (token && token.expiresAt > now) return { header: `Bearer ${token.token}`, fresh: false };
    }
    const wanted = [...new Set([...scopes, ...(challengeScope ? challengeScope.split(' ') : [])])];
    const pending = this.fetchToken(challenge, wanted, scopeRepository(scopes));
    this.tokens.set(key, pending);
    try {
      const token = await pending;
      return { header: `Bearer ${token.token}`, fresh: true };
    } catch (error) {
      this.tokens.delete(key);
      throw error;
    }
  }

  private forgetTokens(scopes: string[]): void {
    this.tokens.delete([...scopes].sort().join(' '));
  }

  private async fetchToken(challenge: Challenge, scopes: string[], repository: string): Promise<CachedToken> {
    if (!challenge.realm) throw new RegistryError(`the registry ${this.registry} asked for a bearer token without naming where to get one (realm)`, { registry: this.registry });
    let realm: URL;
    try {
      realm = new URL(challenge.realm);
    } catch {
      throw new RegistryError(`the registry ${this.registry} named an invalid token realm`, { registry: this.registry });
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') throw new RegistryError(`the registry ${this.registry} named a token realm that is not HTTP(S)`, { registry: this.registry });
    if (realm.protocol === 'http:' && this.credentials && !this.insecure && !isLoopbackHost(realm.hostname)) {
      throw new ConfigurationError(`the registry ${this.registry} asks for the credentials over plain HTTP (${realm.origin}); they were not sent`, {
        hint: 'Use the registry over HTTPS, or set it as insecure if it is on a network you trust.',
      });
    }
    if (challenge.service) realm.searchParams.set('service', challenge.service);
    for (const scope of scopes) realm.searchParams.append('scope', scope);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.credentials) headers.Authorization = basicHeader(this.credentials);

    let response: HttpResponse | undefined;
    for (let attempt = 1; ; attempt += 1) {
      let reason: string;
      try {
        response = await this.transmit('GET', realm, headers, undefined, MAX_ERROR_BYTES);
        if (response.status < 500 && response.status !== 429) break;
        reason = `${response.status} ${response.statusText}`.trim();
      } catch (error) {
        const code = errorCode(error);
        if (code === undefined || !(RETRIABLE_CODES.has(code) || code === 'ECONNREFUSED')) {
          throw new RegistryError(`the token service ${realm.origin} of the registry ${this.registry} failed: ${this.redact(errorText(error))}`, { registry: this.registry, cause: error });
        }
        reason = code;
        response = undefined;
      }
      if (attempt > this.retries) {
        throw new RegistryError(`the token service ${realm.origin} of the registry ${this.registry} failed: ${reason}; gave up after ${attempt} attempts`, { registry: this.registry });
      }
      await this.pause(attempt, `the token request failed (${reason})`, response);
    }
    if (response.status === 401 || response.status === 403) throw this.refused(repository, response.status);
    if (response.status !== 200) {
      throw new RegistryError(`the token service ${realm.origin} of the registry ${this.registry} answered ${response.status} ${response.statusText}`, { registry: this.registry, status: response.status });
    }
    let token: unknown;
    let expiresIn: unknown;
    try {
      const parsed = JSON.parse(response.body.toString('utf8')) as { token?: unknown; access_token?: unknown; expires_in?: unknown };
      token = parsed.token ?? parsed.access_token;
      expiresIn = parsed.expires_in;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') {
      throw new RegistryError(`the token service ${realm.origin} of the registry ${this.registry} answered without a token`, { registry: this.registry });
    }
    this.secrets.add(token);
    const seconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_SECONDS;
    this.logger?.debug(`registry ${this.registry}: got a token for ${scopes.join(' ')}`);
    return { token, expiresAt: Date.now() + Math.max(seconds * 1000 - TOKEN_MARGIN_MS, 1000) };
  }

  /** One HTTP exchange on one connection; the response body is read whole (up to maxBody). */
  private transmit(method: string, url: URL, headers: Record<string, string>, body: Buffer | undefined, maxBody = MAX_ERROR_BYTES): Promise<HttpResponse> {
    this.stats.requests += 1;
    const isHttps = url.protocol === 'https:';
    const allHeaders: Record<string, string> = { 'User-Agent': 'mlops-actions', ...headers };
    if (body !== undefined || method === 'POST' || method === 'PUT' || method === 'PATCH') allHeaders['Content-Length'] = String(body?.length ?? 0);
    const toRegistry = url.origin === this.base.origin;

    return new Promise<HttpResponse>((resolve, reject) => {
      const request = (isHttps ? https : http).request(url, { method, headers: allHeaders, agent: isHttps ? this.httpsAgent : this.httpAgent });
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        request.destroy();
        reject(error);
      };
      request.setTimeout(this.timeoutMs, () => fail(codedError('ETIMEDOUT', `no traffic for ${this.timeoutMs / 1000} s`)));
      request.on('error', fail);
      request.on('response', (res) => {
        if (toRegistry) this.answered = true;
        const status = res.statusCode ?? 0;
        const limit = status >= 200 && status < 300 ? maxBody : MAX_ERROR_BYTES;
        const chunks: Buffer[] = [];
        let length = 0;
        res.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length > limit) {
            if (status >= 200 && status < 300) fail(new Error(`the answer to ${method} ${url.pathname} is larger than ${formatBytes(limit)}`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) fail(codedError('ECONNRESET', 'the connection closed before the answer ended'));
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          this.logger?.debug(`${method} ${toRegistry ? url.pathname : `${url.origin}${url.pathname}`} → ${status}`);
          resolve({ status, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks), url });
        });
      });
      request.end(body);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  private refused(repository: string, status: number): ConfigurationError {
    const host = this.registry;
    if (!this.credentials) {
      return new ConfigurationError(`the registry ${host} refused anonymous access to ${repository} (${status})`, {
        hint: `Give a username and password (or token) for ${host} that may read and write ${repository}; a repository that does not exist may also be reported this way.`,
      });
    }
    const hint =
      host === 'ghcr.io'
        ? 'For ghcr.io, use the workflow\'s GITHUB_TOKEN as the password (username: the actor) and give the job `permissions: packages: write`; a package created by another repository must also grant this repository write access in its settings.'
        : `Check the registry username and password secrets, and that this account may push to ${repository} on ${host}.`;
    return new ConfigurationError(`the registry ${host} refused the credentials for ${repository}`, { hint });
  }

  private unreachable(code: string, error: unknown): ConfigurationError {
    if (TLS_CODE.test(code)) {
      return new ConfigurationError(`cannot reach the registry ${this.baseUrl}: the TLS handshake failed (${code})`, {
        cause: error,
        hint: 'A registry that speaks plain HTTP must be marked insecure; one with a self-signed certificate needs that certificate trusted by the runner.',
      });
    }
    return new ConfigurationError(`cannot reach the registry ${this.baseUrl} (${code})`, {
      cause: error,
      hint: 'Check the registry host and port, that the registry is running, and that the runner can reach it; a registry in a service container is at localhost:<mapped port>.',
    });
  }

  private unexpected(method: string, response: HttpResponse): RegistryError {
    const text = this.errorText(response);
    return new RegistryError(
      `the registry ${this.registry} answered ${response.status} ${response.statusText} to ${method} ${response.url.pathname}${text ? `: ${text}` : ''}`,
      { registry: this.registry, status: response.status },
    );
  }

  /** The registry's own error codes and messages, with anything secret removed. */
  private errorText(response: HttpResponse): string {
    if (response.body.length === 0) return '';
    const raw = response.body.toString('utf8');
    let text = raw;
    try {
      const parsed = JSON.parse(raw) as { errors?: Array<{ code?: unknown; message?: unknown }> };
      if (Array.isArray(parsed.errors)) {
        text = parsed.errors.map((e) => [e.code, e.message].filter((part) => typeof part === 'string' && part !== '').join(': ')).join('; ');
      }
    } catch {
      // Not JSON: the text itself, shortened.
    }
    text = text.replace(/\s+/g, ' ').trim();
    return this.redact(text.length > 300 ? `${text.slice(0, 300)}…` : text);
  }

  private redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (secret.length >= 4) out = out.split(secret).join('***');
    }
    return out;
  }

  private imageName(repository: string, reference: string): string {
    return isValidDigest(reference)
      ? formatImageReference({ registry: this.registry, repository, digest: reference })
      : formatImageReference({ registry: this.registry, repository, tag: reference });
  }

  private url(path: string): URL {
    return new URL(path, this.base);
  }

  private checkRepository(repository: string): void {
    if (!isValidRepository(repository)) {
      throw new ConfigurationError(`invalid repository name ${JSON.stringify(repository)} for the registry ${this.registry}`, {
        hint: "A repository is lowercase letters and digits in '/'-separated parts, for example owner/model-server.",
      });
    }
  }

  private checkReference(reference: string): void {
    if (!isValidTag(reference) && !isValidDigest(reference)) {
      throw new ConfigurationError(`invalid tag or digest ${JSON.stringify(reference)}`, {
        hint: "A tag is 1 to 128 letters, digits, '_', '.' or '-' (not first); a digest is sha256: and 64 lowercase hex digits.",
      });
    }
  }

  private checkDigest(digest: string): void {
    if (!isValidDigest(digest)) throw new RangeError(`${JSON.stringify(digest)} is not a sha256:<64 hex> digest`);
  }
}

/**
 * Reads byte ranges of a blob source, keeping the stream open while reads follow each other and
 * reopening it (at the offset, or from the start and skipping) when a resumed upload jumps. The
 * last range read is kept: it is the one sent again after a failure.
 */
class BlobReader {
  private stream?: NodeJS.ReadableStream;
  private iterator?: AsyncIterator<string | Buffer>;
  private position = 0;
  private leftover: Buffer = Buffer.alloc(0);
  private last?: { offset: number; data: Buffer };

  constructor(private readonly source: BlobSource) {}

  async read(offset: number, length: number): Promise<Buffer> {
    if (this.last && this.last.offset === offset && this.last.data.length === length) return this.last.data;
    if (!this.iterator || offset !== this.position) await this.reopen(offset);
    const parts = await this.take(length);
    const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    this.last = { offset, data };
    return data;
  }

  close(): void {
    const stream = this.stream as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
    stream?.destroy?.();
    this.stream = undefined;
    this.iterator = undefined;
    this.leftover = Buffer.alloc(0);
  }

  private async reopen(offset: number): Promise<void> {
    this.close();
    this.last = undefined;
    if (this.source.openAt) {
      this.stream = this.source.openAt(offset);
      this.position = offset;
    } else {
      this.stream = this.source.open!();
      this.position = 0;
    }
    this.iterator = this.stream[Symbol.asyncIterator]();
    while (this.position < offset) await this.take(Math.min(offset - this.position, 4 * MIB));
  }

  private async take(length: number): Promise<Buffer[]> {
    const parts: Buffer[] = [];
    let have = 0;
    while (have < length) {
      let piece: Buffer;
      if (this.leftover.length > 0) {
        piece = this.leftover;
        this.leftover = Buffer.alloc(0);
      } else {
        const next = await this.iterator!.next();
        if (next.done) {
          throw new Error(`the content of ${this.source.digest} ended after ${this.position + have} bytes, but its size is ${this.source.size}`);
        }
        piece = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      }
      const needed = length - have;
      if (piece.length > needed) {
        this.leftover = piece.subarray(needed);
        piece = piece.subarray(0, needed);
      }
      parts.push(piece);
      have += piece.length;
    }
    this.position += length;
    return parts;
  }
}

// -----------------------------------------------------------------------------------------------
// Helpers

function nonNegativeInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, not ${value}`);
  return value;
}

function pullScope(repository: string): string {
  return `repository:${repository}:pull`;
}

function pushScope(repository: string): string {
  return `repository:${repository}:pull,push`;
}

function scopeRepository(scopes: string[]): string {
  return scopes[0]?.split(':')[1] ?? '';
}

function basicHeader(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

function withAuth(headers: Record<string, string> | undefined, authorization: string | undefined): Record<string, string> {
  return authorization === undefined ? { ...headers } : { ...headers, Authorization: authorization };
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function digestOf(data: Buffer, like: string): string {
  const algorithm = like.startsWith('sha512:') ? 'sha512' : 'sha256';
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/**
 * Bytes the registry holds, from its `Range: 0-<last>` header. Distribution answers `0-0` for an
 * empty session as for a one-byte one; that is only taken as one byte when one byte was expected.
 */
function receivedBytes(range: string | undefined, expected: number | undefined): number | undefined {
  if (range === undefined) return expected;
  const match = /^(?:bytes=)?0-(\d+)$/.exec(range.trim());
  if (!match) return undefined;
  const last = Number(match[1]);
  if (last === 0) return expected === 1 ? 1 : expected === 0 ? 0 : undefined;
  return last + 1;
}

function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * `WWW-Authenticate: Bearer realm="…",service="…",scope="repository:x:pull,push"` or `Basic realm="…"`.
 * Quoted values may hold commas.
 */
export function parseChallenge(value: string | undefined): Challenge | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\w+)\s*(.*)$/s.exec(value);
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined;
  const params: Record<string, string> = {};
  const param = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/g;
  for (let m = param.exec(match[2]!); m; m = param.exec(match[2]!)) {
    params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
  }
  return { scheme, realm: params.realm, service: params.service, scope: params.scope };
}

function matchesPlatform(candidate: Platform | undefined, wanted: Platform): boolean {
  if (!candidate || candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  if (wanted.variant === undefined) return true;
  // arm64 images often omit their only variant, v8.
  const variant = candidate.variant ?? (candidate.architecture === 'arm64' ? 'v8' : undefined);
  return variant === wanted.variant;
}

function platformName(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') return (error as { code: string }).code;
  return undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

