import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatImageReference, parseImageReference, registryBaseUrl, type ImageReference } from '../../src/container/reference.js';
import { blobFromBuffer, blobFromFile, MEDIA_TYPES, RegistryClient, RegistryError, type BlobSource, type Descriptor } from '../../src/container/registry.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { RecordingLogger } from '../../src/platform/logger.js';
import { startFaultProxy, type FaultProxy, type RecordedRequest } from '../support/fault-proxy.js';
import { freePort, startRegistry, type RunningRegistry } from '../support/registry.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * The registry client against a real Distribution registry on loopback, read back independently
 * (plain HTTP GETs, sha256sum, skopeo), with a fault-injecting proxy in front for retries, resumed
 * uploads and token authentication.
 */

const MIB = 1024 * 1024;
const HEX = 'a'.repeat(64);
const USER = 'ci-robot';
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const FAST = { retries: 3, retryDelayMs: 10 };

const tmp = makeTempDir('container-registry-');
let registry: RunningRegistry;
let authRegistry: RunningRegistry;
/** 40 MiB and a bit, so that the last of the 8 MiB chunks is short. */
let big: BlobSource;
let bigDigestBySha256sum: string;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  [registry, authRegistry] = await Promise.all([startRegistry(), startRegistry({ htpasswd: { username: USER, password: PASSWORD } })]);
  const file = tmp.write('big.bin', randomBytes(40 * MIB + 12_345));
  big = await blobFromFile(file);
  bigDigestBySha256sum = `sha256:${execFileSync('sha256sum', ['-b', file], { encoding: 'utf8' }).split(' ')[0]}`;
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await Promise.all([registry?.stop(), authRegistry?.stop()]);
  tmp.remove();
});

async function proxyFor(target: RunningRegistry, bearer?: Parameters<typeof startFaultProxy>[0]['bearer']): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ target: target.url, bearer });
  cleanups.push(() => proxy.stop());
  return proxy;
}

function client(options: ConstructorParameters<typeof RegistryClient>[0]): RegistryClient {
  const c = new RegistryClient(options);
  cleanups.push(() => c.close());
  return c;
}

/** A GET that shares nothing with the client under test. */
function rawGet(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function registrySha256(target: RunningRegistry, repository: string, digest: string): Promise<string> {
  const { status, body } = await rawGet(`${target.url}/v2/${repository}/blobs/${digest}`);
  expect(status).toBe(200);
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

function skopeo(args: string[]): Buffer {
  return execFileSync('skopeo', args, { env: { ...process.env, HOME: tmp.root }, maxBuffer: 1 << 24 });
}

function count(requests: RecordedRequest[], method: string, path?: RegExp): number {
  return requests.filter((r) => r.method === method && (path === undefined || path.test(r.path))).length;
}

function descriptor(mediaType: string, data: Buffer): Descriptor {
  return { mediaType, digest: blobFromBuffer(data).digest, size: data.length };
}

function imageConfig(architecture: string, layers: Descriptor[]): Buffer {
  return Buffer.from(JSON.stringify({ architecture, os: 'linux', config: { Cmd: ['/serve'] }, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) } }));
}

function ociManifest(config: Descriptor, layers: Descriptor[]): Buffer {
  return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config, layers }));
}

/** Everything a test saw: none of it may hold a secret. */
function expectNoSecret(texts: string[], secrets: string[]): void {
  const joined = texts.join('\n');
  for (const secret of secrets) expect(joined.includes(secret), `a secret appears in: ${joined.slice(0, 500)}`).toBe(false);
}

function errorTexts(error: unknown): string[] {
  if (error instanceof ConfigurationError) return [error.message, error.describe(), String(error.stack)];
  if (error instanceof Error) return [error.message, String(error.stack)];
  return [String(error)];
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('parseImageReference', () => {
  const cases: Array<[string, ImageReference]> = [
    ['python', { registry: 'docker.io', repository: 'library/python' }],
    ['python:3.12-slim', { registry: 'docker.io', repository: 'library/python', tag: '3.12-slim' }],
    ['owner/app:1', { registry: 'docker.io', repository: 'owner/app', tag: '1' }],
    ['index.docker.io/library/busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['docker.io/busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['localhost:5000/model', { registry: 'localhost:5000', repository: 'model' }],
    ['localhost/model:v1', { registry: 'localhost', repository: 'model', tag: 'v1' }],
    ['127.0.0.1:5000/a/b/c:latest', { registry: '127.0.0.1:5000', repository: 'a/b/c', tag: 'latest' }],
    ['[::1]:5000/img', { registry: '[::1]:5000', repository: 'img' }],
    [`ghcr.io/owner/model-server:1.0@sha256:${HEX}`, { registry: 'ghcr.io', repository: 'owner/model-server', tag: '1.0', digest: `sha256:${HEX}` }],
    [`registry.example.com/team/x__y.z-w@sha256:${HEX}`, { registry: 'registry.example.com', repository: 'team/x__y.z-w', digest: `sha256:${HEX}` }],
  ];
  it.each(cases)('%s', (text, expected) => {
    const parsed = parseImageReference(text);
    expect(parsed).toEqual(expected);
    expect(parseImageReference(formatImageReference(parsed))).toEqual(parsed);
  });

  it('formats the fully qualified form', () => {
    expect(formatImageReference(parseImageReference('python:3.12'))).toBe('docker.io/library/python:3.12');
    expect(formatImageReference({ registry: 'localhost:5000', repository: 'm', digest: `sha256:${HEX}` })).toBe(`localhost:5000/m@sha256:${HEX}`);
  });

  const errors: Array<[string, RegExp]> = [
    ['', /empty/],
    ['owner/Model', /must be lowercase \(owner\/model\)/],
    ['ghcr.io/Owner/model', /must be lowercase/],
    ['img@sha256:abc', /digest "sha256:abc"/],
    ['img@md5:0123', /digest/],
    ['img:', /tag ""/],
    ['img:-bad', /tag "-bad"/],
    ['my image', /white space/],
    [HEX, /image id/],
    ['localhost:5000/', /repository name is missing/],
    ['a//b', /repository "a\/\/b"/],
    ['bad_host:x/img', /registry "bad_host:x"/],
  ];
  it.each(errors)('rejects %j', (text, why) => {
    const error = (() => {
      try {
        parseImageReference(text);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    const e = error as ConfigurationError;
    expect(e.message).toContain(`invalid image reference ${JSON.stringify(text)}`);
    expect(e.message).toMatch(why);
    expect(e.hint).toContain('ghcr.io/owner/model-server:1.0');
  });

  it('registryBaseUrl: Docker Hub has its own API host; loopback and insecure registries speak HTTP', () => {
    expect(registryBaseUrl('docker.io', false)).toBe('https://registry-1.docker.io');
    expect(registryBaseUrl('ghcr.io', false)).toBe('https://ghcr.io');
    expect(registryBaseUrl('registry.example.com:8443', false)).toBe('https://registry.example.com:8443');
    expect(registryBaseUrl('registry.lan:5000', true)).toBe('http://registry.lan:5000');
    expect(registryBaseUrl('localhost:5000', false)).toBe('http://localhost:5000');
    expect(registryBaseUrl('127.0.0.1:5000', false)).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('[::1]:5000', false)).toBe('http://[::1]:5000');
  });
});

describe('RegistryClient against a Distribution registry', () => {
  it('pushes a small blob in one PUT, a 40 MiB blob in 8 MiB chunks and a manifest that skopeo reads back', async () => {
    const proxy = await proxyFor(registry);
    const c = client({ registry: proxy.host, chunkSize: 8 * MIB, ...FAST });
    const repo = 'models/app';

    const small = blobFromBuffer(Buffer.from('a small layer'));
    expect(await c.pushBlob(repo, small)).toBe('uploaded');
    expect(proxy.requests.map((r) => r.method)).toEqual(['HEAD', 'POST', 'PUT']);
    expect(proxy.requests.at(-1)!.query).toContain(`digest=${encodeURIComponent(small.digest)}`);
    expect(proxy.requests.at(-1)!.bytesIn).toBe(small.size);

    expect(big.digest).toBe(bigDigestBySha256sum);
    proxy.requests.length = 0;
    expect(await c.pushBlob(repo, big)).toBe('uploaded');
    const patches = proxy.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(6);
    let expectedStart = 0;
    for (const patch of patches) {
      const length = Math.min(8 * MIB, big.size - expectedStart);
      expect(patch.headers['content-range']).toBe(`${expectedStart}-${expectedStart + length - 1}`);
      expect(patch.headers['content-length']).toBe(String(length));
      expect(patch.bytesIn).toBe(length);
      expectedStart += length;
    }
    expect(proxy.requests.map((r) => r.method)).toEqual(['HEAD', 'POST', ...patches.map(() => 'PATCH'), 'PUT']);
    expect(proxy.requests.at(-1)!.bytesIn).toBe(0);
    expect(await registrySha256(registry, repo, big.digest)).toBe(bigDigestBySha256sum);
    expect(await registrySha256(registry, repo, small.digest)).toBe(small.digest);

    const layers = [descriptor('application/vnd.oci.image.layer.v1.tar+gzip', Buffer.from('a small layer')), { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: big.digest, size: big.size }];
    const configBytes = imageConfig('amd64', layers);
    expect(await c.pushBlob(repo, blobFromBuffer(configBytes))).toBe('uploaded');
    const manifest = ociManifest(descriptor('application/vnd.oci.image.config.v1+json', configBytes), layers);
    const digest = await c.putManifest(repo, 'v1', manifest, MEDIA_TYPES.ociManifest);
    expect(digest).toBe(`sha256:${createHash('sha256').update(manifest).digest('hex')}`);

    const raw = skopeo(['inspect', '--tls-verify=false', '--raw', `docker://${registry.host}/${repo}:v1`]);
    expect(raw.equals(manifest)).toBe(true);
    const inspected = JSON.parse(skopeo(['inspect', '--tls-verify=false', `docker://${registry.host}/${repo}:v1`]).toString('utf8')) as { Digest: string; Architecture: string; Layers: string[] };
    expect(inspected.Digest).toBe(digest);
    expect(inspected.Architecture).toBe('amd64');
    expect(inspected.Layers).toEqual(layers.map((l) => l.digest));

    const fetched = await c.getManifest(repo, 'v1');
    expect(fetched).toMatchObject({ mediaType: MEDIA_TYPES.ociManifest, digest });
    expect(fetched.body.equals(manifest)).toBe(true);
    expect((await c.getBlob(repo, layers[0]!.digest)).toString()).toBe('a small layer');
    expect(c.stats).toMatchObject({ blobsUploaded: 3, blobsExisting: 0, blobsMounted: 0, bytesUploaded: small.size + big.size + configBytes.length, retries: 0 });
  });

  it('does not send a blob the repository has, and mounts one another repository has', async () => {
    const proxy = await proxyFor(registry);
    const c = client({ registry: proxy.host, chunkSize: MIB, ...FAST });
    const blob = blobFromBuffer(randomBytes(3 * MIB + 7));
    expect(await c.pushBlob('mount/source', blob)).toBe('uploaded');
    const uploaded = c.stats.bytesUploaded;
    expect(uploaded).toBe(blob.size);

    const again = client({ registry: registry.host, ...FAST });
    expect(await again.pushBlob('mount/source', blob)).toBe('exists');
    expect(again.stats).toMatchObject({ bytesUploaded: 0, blobsExisting: 1, blobsUploaded: 0 });

    proxy.requests.length = 0;
    expect(await c.pushBlob('mount/target', blob, { fromRepository: 'mount/source' })).toBe('mounted');
    expect(c.stats.bytesUploaded).toBe(uploaded);
    expect(c.stats.blobsMounted).toBe(1);
    expect(proxy.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 404', 'POST 201']);
    expect(await c.hasBlob('mount/target', blob.digest)).toBe(blob.size);
    expect(await registrySha256(registry, 'mount/target', blob.digest)).toBe(blob.digest);

    // A mount the registry cannot do opens an upload session, which is cancelled…
    proxy.requests.length = 0;
    const other = blobFromBuffer(randomBytes(1000));
    expect(await c.mountBlob('mount/third', other.digest, 'mount/source')).toBe(false);
    expect(proxy.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 202', 'DELETE 204']);
    expect(await c.hasBlob('mount/third', other.digest)).toBeUndefined();

    // …or, in pushBlob, used for the upload.
    proxy.requests.length = 0;
    expect(await c.pushBlob('mount/third', other, { fromRepository: 'mount/source' })).toBe('uploaded');
    expect(proxy.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 404', 'POST 202', 'PUT 201']);
  });

  it('getManifest resolves an image index to the linux/amd64 manifest, or the platform asked for', async () => {
    const c = client({ registry: registry.host, ...FAST });
    const repo = 'models/multi';
    const layerBytes = Buffer.from('shared layer');
    const layer = descriptor('application/vnd.oci.image.layer.v1.tar', layerBytes);
    await c.pushBlob(repo, blobFromBuffer(layerBytes));
    const byArch: Record<string, { digest: string; size: number; body: Buffer }> = {};
    for (const architecture of ['arm64', 'amd64']) {
      const config = imageConfig(architecture, [layer]);
      await c.pushBlob(repo, blobFromBuffer(config));
      const body = ociManifest(descriptor('application/vnd.oci.image.config.v1+json', config), [layer]);
      const digest = await c.putManifest(repo, blobFromBuffer(body).digest, body, MEDIA_TYPES.ociManifest);
      byArch[architecture] = { digest, size: body.length, body };
    }
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociIndex,
        manifests: ['arm64', 'amd64'].map((architecture) => ({ mediaType: MEDIA_TYPES.ociManifest, digest: byArch[architecture]!.digest, size: byArch[architecture]!.size, platform: { os: 'linux', architecture } })),
      }),
    );
    await c.putManifest(repo, 'multi', index, MEDIA_TYPES.ociIndex);
    expect(skopeo(['inspect', '--tls-verify=false', '--raw', `docker://${registry.host}/${repo}:multi`]).equals(index)).toBe(true);

    const amd64 = await c.getManifest(repo, 'multi');
    expect(amd64.digest).toBe(byArch.amd64!.digest);
    expect(amd64.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect(amd64.body.equals(byArch.amd64!.body)).toBe(true);
    expect(amd64.json.config?.digest).toBe(blobFromBuffer(imageConfig('amd64', [layer])).digest);

    expect((await c.getManifest(repo, 'multi', { os: 'linux', architecture: 'arm64' })).digest).toBe(byArch.arm64!.digest);
    expect((await c.getManifest(repo, 'multi', { os: 'linux', architecture: 'arm64', variant: 'v8' })).digest).toBe(byArch.arm64!.digest);
    const error = await caught(c.getManifest(repo, 'multi', { os: 'linux', architecture: 's390x' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(`the image ${registry.host}/${repo}:multi has no linux/s390x variant (it has linux/arm64, linux/amd64)`);
  });

  it('a missing base image is a configuration error naming it', async () => {
    const c = client({ registry: registry.host, ...FAST });
    const error = await caught(c.getManifest('library/no-such-base', '3.12'));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(`image not found: ${registry.host}/library/no-such-base:3.12`);
    const missingTag = await caught(c.getManifest('models/multi', 'no-such-tag'));
    expect((missingTag as Error).message).toBe(`image not found: ${registry.host}/models/multi:no-such-tag`);
  });
});

describe('RegistryClient under faults', () => {
  it('retries a 500 on the second PATCH and resumes from the Range the registry reports', async () => {
    const proxy = await proxyFor(registry);
    proxy.addFault({ method: 'PATCH', nth: 2, action: { respond: 500 } });
    const logger = new RecordingLogger();
    const c = client({ registry: proxy.host, chunkSize: 8 * MIB, logger, ...FAST });
    expect(await c.pushBlob('faults/five-hundred', big)).toBe('uploaded');

    expect(count(proxy.requests, 'POST')).toBe(1);
    expect(count(proxy.requests, 'PATCH')).toBe(7);
    expect(count(proxy.requests, 'GET', /\/blobs\/uploads\//)).toBe(1);
    expect(c.stats.retries).toBe(1);
    expect(c.stats.bytesUploaded).toBe(big.size + 8 * MIB);
    expect(c.stats.bytesUploaded).toBeLessThan(1.5 * big.size);
    expect(logger.lines.some((l) => l.level === 'warning' && /PATCH of sha256:\w+ failed \(500 Internal Server Error\); retrying/.test(l.message))).toBe(true);
    expect(await registrySha256(registry, 'faults/five-hundred', big.digest)).toBe(bigDigestBySha256sum);
  });

  it('resumes after the connection breaks in the middle of a PATCH body', async () => {
    const proxy = await proxyFor(registry);
    proxy.addFault({ method: 'PATCH', nth: 3, action: { destroyAfterBytes: MIB } });
    const c = client({ registry: proxy.host, chunkSize: 8 * MIB, ...FAST });
    expect(await c.pushBlob('faults/broken', big)).toBe('uploaded');

    expect(proxy.requests.find((r) => r.fault === 'destroyed')?.status).toBe(0);
    expect(count(proxy.requests, 'POST')).toBe(1);
    expect(count(proxy.requests, 'PATCH')).toBe(7);
    expect(c.stats.bytesUploaded).toBeLessThan(1.5 * big.size);
    expect(await registrySha256(registry, 'faults/broken', big.digest)).toBe(bigDigestBySha256sum);
  });

  it('starts the blob over when a broken PATCH left the registry with a session it then drops', async () => {
    // Distribution keeps the bytes of a cut-off PATCH, and then refuses the session whose state
    // no longer matches its size (404 on the status request).
    const proxy = await proxyFor(registry);
    proxy.addFault({ method: 'PATCH', nth: 2, action: { destroyAfterBytes: MIB, forwardPartial: true } });
    const c = client({ registry: proxy.host, chunkSize: 8 * MIB, ...FAST });
    expect(await c.pushBlob('faults/partial', big)).toBe('uploaded');

    const status = proxy.requests.filter((r) => r.method === 'GET' && /\/blobs\/uploads\//.test(r.path));
    expect(status.map((r) => r.status)).toEqual([404]);
    expect(count(proxy.requests, 'POST')).toBe(2);
    expect(await registrySha256(registry, 'faults/partial', big.digest)).toBe(bigDigestBySha256sum);
  });

  it('starts afresh after a failed first PATCH, and sends a failed chunk again without re-reading the source', async () => {
    // After a failed first chunk Distribution answers `Range: 0-0`, which means 0 or 1 bytes: the
    // session is cancelled and a new one started. A later failure resumes at the failed chunk,
    // which the client still holds: the source (which cannot seek) is opened once.
    const proxy = await proxyFor(registry);
    proxy.addFault({ method: 'PATCH', nth: 1, action: { respond: 500 } });
    proxy.addFault({ method: 'PATCH', nth: 3, action: { destroyAfterBytes: 1000 } });
    const data = randomBytes(3 * MIB + 5);
    let opened = 0;
    const source: BlobSource = {
      digest: blobFromBuffer(data).digest,
      size: data.length,
      open: () => {
        opened += 1;
        return Readable.from((function* () {
          for (let at = 0; at < data.length; at += 100_000) yield data.subarray(at, at + 100_000);
        })());
      },
    };
    const c = client({ registry: proxy.host, chunkSize: MIB, ...FAST });
    expect(await c.pushBlob('faults/first', source)).toBe('uploaded');

    expect(proxy.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'HEAD 404',
      'POST 202',
      'PATCH 500',
      'GET 204',
      'DELETE 204',
      'POST 202',
      'PATCH 202',
      'PATCH 0',
      'GET 204',
      'PATCH 202',
      'PATCH 202',
      'PATCH 202',
      'PUT 201',
    ]);
    expect(opened).toBe(1);
    expect(await registrySha256(registry, 'faults/first', source.digest)).toBe(source.digest);
  });

  it('does not send a blob again when the final PUT failed after the registry stored it', async () => {
    const proxy = await proxyFor(registry);
    proxy.addFault({ method: 'PUT', path: /\/blobs\/uploads\//, nth: 1, action: { respond: 500, afterForward: true } });
    const c = client({ registry: proxy.host, chunkSize: 8 * MIB, ...FAST });
    const blob = blobFromBuffer(randomBytes(2 * MIB));
    expect(await c.pushBlob('faults/put', blob)).toBe('uploaded');
    expect(proxy.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 404', 'POST 202', 'PUT 500', 'HEAD 200']);
    expect(c.stats.bytesUploaded).toBe(blob.size);
  });

  it('a source whose bytes do not match its digest is refused with a clear error, in one request or in chunks', async () => {
    const c = client({ registry: registry.host, chunkSize: MIB, ...FAST });
    for (const size of [1000, 2 * MIB + 1]) {
      const wrong: BlobSource = { ...blobFromBuffer(randomBytes(size)), digest: `sha256:${HEX}` };
      const error = await caught(c.pushBlob('faults/digest', wrong));
      expect(error).toBeInstanceOf(RegistryError);
      expect((error as Error).message).toMatch(new RegExp(`^the registry ${registry.host} did not accept the content of sha256:${HEX} \\(${size} bytes\\): DIGEST_INVALID`));
    }
    const short: BlobSource = { ...blobFromBuffer(randomBytes(1000)), size: 2000 };
    expect(((await caught(c.pushBlob('faults/digest', short))) as Error).message).toBe(`the content of ${short.digest} ended after 1000 bytes, but its size is 2000`);
  });

  it('waits out a 429 and retries', async () => {
    const proxy = await proxyFor(registry);
    proxy.addFault({ method: 'HEAD', nth: 1, action: { respond: 429, headers: { 'Retry-After': '0' } } });
    const c = client({ registry: proxy.host, ...FAST });
    expect(await c.hasBlob('faults/busy', `sha256:${HEX}`)).toBeUndefined();
    expect(proxy.requests.map((r) => r.status)).toEqual([429, 404]);
    expect(c.stats.retries).toBe(1);
  });

  it('gives up with an error naming the registry when it keeps failing', async () => {
    const proxy = await proxyFor(registry);
    proxy.addFault({ action: { respond: 500 } });
    const c = client({ registry: proxy.host, retries: 2, retryDelayMs: 5 });
    const error = await caught(c.getManifest('faults/down', 'v1'));
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).not.toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(`the registry ${proxy.host} answered 500 Internal Server Error to GET /v2/faults/down/manifests/v1; gave up after 3 attempts: UNKNOWN: injected fault`);
    expect(proxy.requests).toHaveLength(3);
    expect(c.stats.retries).toBe(2);

    const push = await caught(c.pushBlob('faults/down', blobFromBuffer(Buffer.from('x'))));
    expect((push as Error).message).toMatch(new RegExp(`^the registry ${proxy.host} answered 500 Internal Server Error to HEAD /v2/faults/down/blobs/sha256:[0-9a-f]{64}; gave up after 3 attempts$`));
    expect(proxy.requests).toHaveLength(6);
  });

  it('an unreachable registry is a configuration error', async () => {
    const port = await freePort();
    const c = client({ registry: `127.0.0.1:${port}`, ...FAST });
    const error = await caught(c.getManifest('library/python', '3.12'));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(`cannot reach the registry http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect((error as ConfigurationError).hint).toMatch(/host and port/);
    const push = await caught(c.pushBlob('models/app', blobFromBuffer(Buffer.from('x'))));
    expect((push as Error).message).toMatch(/^cannot reach the registry/);
  });
});

describe('RegistryClient authentication', () => {
  it('gets bearer tokens with the credentials and pushes; wrong or missing credentials are refused, and no secret is shown', async () => {
    const proxy = await proxyFor(registry, { username: USER, password: PASSWORD, tokenField: 'access_token' });
    const logger = new RecordingLogger();
    const c = client({ registry: proxy.host, credentials: { username: USER, password: PASSWORD }, logger, chunkSize: MIB, ...FAST });
    const texts: string[] = [];

    const layer = blobFromBuffer(randomBytes(3 * MIB + 1));
    expect(await c.pushBlob('secure/app', layer)).toBe('uploaded');
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    expect(await c.pushBlob('secure/app', blobFromBuffer(config))).toBe('uploaded');
    const manifest = ociManifest(descriptor('application/vnd.oci.image.config.v1+json', config), [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer.digest, size: layer.size }]);
    const digest = await c.putManifest('secure/app', 'v1', manifest, MEDIA_TYPES.ociManifest);
    expect((await c.getManifest('secure/app', 'v1')).digest).toBe(digest);
    expect(await c.pushBlob('secure/copy', layer, { fromRepository: 'secure/app' })).toBe('mounted');
    expect(await registrySha256(registry, 'secure/app', layer.digest)).toBe(layer.digest);

    const tokenRequests = proxy.requests.filter((r) => r.path === '/token');
    expect(tokenRequests.length).toBeGreaterThanOrEqual(2);
    expect(tokenRequests.some((r) => r.query.includes(encodeURIComponent('repository:secure/app:pull,push')))).toBe(true);
    // The mount's token covers the source repository too.
    expect(tokenRequests.some((r) => r.query.includes(encodeURIComponent('repository:secure/app:pull')) && r.query.includes(encodeURIComponent('repository:secure/copy:pull,push')))).toBe(true);
    // Once a token is held, requests carry it: a 401 per scope at most, none per chunk.
    expect(proxy.requests.filter((r) => r.status === 401).length).toBeLessThanOrEqual(1);
    texts.push(...logger.lines.map((l) => l.message));

    const wrong = client({ registry: proxy.host, credentials: { username: USER, password: 'not-the-password' }, logger, ...FAST });
    const refused = await caught(wrong.getManifest('secure/app', 'v1'));
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as Error).message).toBe(`the registry ${proxy.host} refused the credentials for secure/app`);
    expect((refused as ConfigurationError).hint).toMatch(/username and password/);
    texts.push(...errorTexts(refused));

    const anonymous = client({ registry: proxy.host, logger, ...FAST });
    const denied = await caught(anonymous.pushBlob('secure/app', blobFromBuffer(Buffer.from('y'))));
    expect(denied).toBeInstanceOf(ConfigurationError);
    expect((denied as Error).message).toMatch(/refused anonymous access to secure\/app/);
    texts.push(...errorTexts(denied), ...logger.lines.map((l) => l.message));

    expect(proxy.issuedTokens.length).toBeGreaterThan(0);
    expectNoSecret(texts, [PASSWORD, 'not-the-password', Buffer.from(`${USER}:${PASSWORD}`).toString('base64'), ...proxy.issuedTokens]);
  });

  it('does not send the registry token along a redirect to another host', async () => {
    const storage = await proxyFor(registry);
    const proxy = await proxyFor(registry, { username: USER, password: PASSWORD });
    const c = client({ registry: proxy.host, credentials: { username: USER, password: PASSWORD }, ...FAST });
    const blob = blobFromBuffer(randomBytes(4096));
    await c.pushBlob('secure/redirect', blob);
    proxy.addFault({ method: 'GET', path: /\/blobs\/sha256:/, action: { respond: 307, headers: { Location: `${storage.url}/v2/secure/redirect/blobs/${blob.digest}` } } });
    expect((await c.getBlob('secure/redirect', blob.digest)).equals(await rawGet(`${registry.url}/v2/secure/redirect/blobs/${blob.digest}`).then((r) => r.body))).toBe(true);
    expect(storage.requests).toHaveLength(1);
    expect(storage.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('sends basic credentials to a registry with htpasswd auth; wrong ones are refused', async () => {
    const logger = new RecordingLogger();
    const c = client({ registry: authRegistry.host, credentials: { username: USER, password: PASSWORD }, logger, ...FAST });
    const layer = blobFromBuffer(randomBytes(5000));
    expect(await c.pushBlob('basic/app', layer)).toBe('uploaded');
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    await c.pushBlob('basic/app', blobFromBuffer(config));
    const manifest = ociManifest(descriptor('application/vnd.oci.image.config.v1+json', config), [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer.digest, size: layer.size }]);
    const digest = await c.putManifest('basic/app', 'v1', manifest, MEDIA_TYPES.ociManifest);
    expect((await c.getManifest('basic/app', 'v1')).digest).toBe(digest);
    expect((await c.getBlob('basic/app', layer.digest)).length).toBe(5000);
    expect((await rawGet(`${authRegistry.url}/v2/basic/app/manifests/v1`)).status).toBe(401);

    const wrong = client({ registry: authRegistry.host, credentials: { username: USER, password: 'wrong-password' }, logger, ...FAST });
    const refused = await caught(wrong.pushBlob('basic/app', blobFromBuffer(Buffer.from('z'))));
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as Error).message).toBe(`the registry ${authRegistry.host} refused the credentials for basic/app`);

    const anonymous = client({ registry: authRegistry.host, ...FAST });
    const denied = await caught(anonymous.getManifest('basic/app', 'v1'));
    expect((denied as Error).message).toMatch(/refused anonymous access to basic\/app/);
    expectNoSecret([...logger.lines.map((l) => l.message), ...errorTexts(refused), ...errorTexts(denied)], [PASSWORD, 'wrong-password', Buffer.from(`${USER}:${PASSWORD}`).toString('base64')]);
  });
});
