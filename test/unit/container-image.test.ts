import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleImage, buildLayer, sha256Digest, type AssembledImage, type BuiltLayer, type ImageChanges } from '../../src/container/image.js';
import { blobPath, readOciLayout, writeOciLayout } from '../../src/container/oci-layout.js';
import { makeTempDir } from '../support/tmp.js';

const tmp = makeTempDir('container-image-');
afterAll(() => tmp.remove());

const ENV = { ...process.env, LC_ALL: 'C.UTF-8', TZ: 'UTC' };
const TAG = 'iris-classifier-1.0.0';
const BASE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SERVE_SCRIPT = '#!/bin/sh\nexec python3 -m mlops_serve "$@"\n';
const MODEL_BYTES = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919 + (i >> 8)) & 0xff));
const MODEL_MANIFEST = '{"name":"iris-classifier","version":"1.0.0"}\n';
const hasUmoci = commandExists('umoci');

function commandExists(command: string): boolean {
  try {
    execFileSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { env: ENV, encoding: 'utf8', maxBuffer: 1 << 26 });
}

function sha256sum(file: string): string {
  return `sha256:${run('sha256sum', ['-b', file]).split(' ')[0]!}`;
}

function gunzipSha256(file: string): string {
  return `sha256:${run('/bin/sh', ['-c', 'gzip -dc "$1" | sha256sum', 'sh', file]).split(' ')[0]!}`;
}

let counter = 0;
function freshDir(label: string): string {
  counter += 1;
  const dir = path.join(tmp.root, `${label}-${counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes a source file and gives it the mtime: the image must not depend on it. */
function source(dir: string, name: string, content: string | Buffer, mtime: number): string {
  const file = path.join(dir, 'src', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  utimesSync(file, mtime, mtime);
  return file;
}

const CHANGES: ImageChanges = {
  env: { MODEL_DIR: '/opt/mlops/model', PATH: '/opt/mlops/bin:$PATH', PYTHONUNBUFFERED: '1' },
  entrypoint: ['/opt/mlops/bin/serve'],
  cmd: ['--port', '8080'],
  user: '65532:65532',
  workingDir: '/opt/mlops',
  exposedPorts: [8080],
  labels: { 'org.opencontainers.image.title': 'iris-classifier', 'org.opencontainers.image.version': '1.0.0' },
  healthcheck: { test: ['CMD', '/opt/mlops/bin/serve', '--health'], intervalSeconds: 30, timeoutSeconds: 5, startPeriodSeconds: 10, retries: 3 },
};
const ANNOTATIONS = { 'org.opencontainers.image.revision': '0123456789abcdef', 'org.opencontainers.image.title': 'iris-classifier' };

interface Fixture {
  dir: string;
  layout: string;
  image: AssembledImage;
  base: BuiltLayer;
  runtime: BuiltLayer;
  model: BuiltLayer;
  baseConfig: Buffer;
}

/** A tiny base image, then the served image on top of it: a runtime layer and a model layer. */
async function buildFixture(options: { mtime: number; model?: Buffer }): Promise<Fixture> {
  const dir = freshDir('image');
  const { mtime } = options;
  const osRelease = source(dir, 'os-release', 'ID=tiny\nVERSION_ID=1\n', mtime);
  const trueBinary = path.join(dir, 'src', 'true');
  copyFileSync('/usr/bin/true', trueBinary);
  utimesSync(trueBinary, mtime, mtime);
  const base = await buildLayer(
    [
      { path: '/usr/bin/true', source: trueBinary, executable: true },
      { path: '/etc/os-release', source: osRelease },
    ],
    path.join(dir, 'base.tar.gz'),
    'base',
  );
  // Written as a registry would serve it: indented, keys in no particular order.
  const baseConfig = Buffer.from(
    JSON.stringify(
      {
        os: 'linux',
        architecture: 'amd64',
        created: '2024-03-01T10:00:00Z',
        config: { Env: [`PATH=${BASE_PATH}`, 'LANG=C.UTF-8'], Cmd: ['/bin/sh'], Labels: { 'org.opencontainers.image.vendor': 'tiny' } },
        rootfs: { type: 'layers', diff_ids: [base.diffId] },
        history: [{ created: '2024-03-01T10:00:00Z', created_by: 'tiny base' }],
      },
      null,
      2,
    ),
  );
  const runtime = await buildLayer([{ path: '/opt/mlops/bin/serve', source: source(dir, 'serve', SERVE_SCRIPT, mtime), executable: true }], path.join(dir, 'runtime.tar.gz'), 'runtime');
  const model = await buildLayer(
    [
      { path: '/opt/mlops/model/model.pkl', source: source(dir, 'model.pkl', options.model ?? MODEL_BYTES, mtime) },
      { path: '/opt/mlops/model/model-manifest.json', source: source(dir, 'model-manifest.json', MODEL_MANIFEST, mtime) },
    ],
    path.join(dir, 'model.tar.gz'),
    'model iris-classifier 1.0.0',
  );
  const image = assembleImage({ config: baseConfig, layers: [base] }, [runtime, model], CHANGES, { annotations: ANNOTATIONS });
  const layout = path.join(dir, 'layout');
  await writeOciLayout(
    layout,
    image,
    [base, runtime, model].map((layer) => ({ digest: layer.digest, file: layer.file })),
    TAG,
  );
  return { dir, layout, image, base, runtime, model, baseConfig };
}

/** Every file under dir with its bytes, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = readFileSync(full).toString('base64');
  }
  return out;
}

let fixture: Fixture;
const T0 = 1_700_000_000;

beforeAll(async () => {
  fixture = await buildFixture({ mtime: T0 });
});

describe('buildLayer', () => {
  it('gives the digest of the gzip file and the diff_id of the tar inside, as sha256sum and gzip -dc see them', () => {
    for (const layer of [fixture.base, fixture.runtime, fixture.model]) {
      expect(layer.digest).toBe(sha256sum(layer.file));
      expect(layer.diffId).toBe(gunzipSha256(layer.file));
      expect(layer.size).toBe(statSync(layer.file).size);
      expect(layer.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
    }
    expect(fixture.model.comment).toBe('model iris-classifier 1.0.0');
  });

  it('stores image paths as relative tar names with root-owned parents', () => {
    const listing = run('tar', ['-tvzf', fixture.runtime.file, '--numeric-owner'])
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/));
    expect(listing.map((fields) => fields.at(-1))).toEqual(['opt/', 'opt/mlops/', 'opt/mlops/bin/', 'opt/mlops/bin/serve']);
    expect(listing.map((fields) => fields[1])).toEqual(['0/0', '0/0', '0/0', '0/0']);
    expect(listing.map((fields) => fields[0])).toEqual(['drwxr-xr-x', 'drwxr-xr-x', 'drwxr-xr-x', '-rwxr-xr-x']);
  });

  it('refuses a relative or unnormalized image path', async () => {
    const file = source(freshDir('bad'), 'x', 'x', T0);
    await expect(buildLayer([{ path: 'opt/x', source: file }], path.join(tmp.root, 'bad.tar.gz'), 'bad')).rejects.toThrow(/not absolute/);
    await expect(buildLayer([{ path: '/opt/../x', source: file }], path.join(tmp.root, 'bad.tar.gz'), 'bad')).rejects.toThrow(/not a normalized/);
  });
});

describe('assembleImage and writeOciLayout, checked by skopeo and umoci', () => {
  it('skopeo inspect sees the manifest digest, labels, layers and environment', () => {
    const inspected = JSON.parse(run('skopeo', ['inspect', `oci:${fixture.layout}:${TAG}`])) as Record<string, unknown>;
    expect(inspected.Digest).toBe(fixture.image.manifestDigest);
    expect(inspected.Digest).toBe(sha256Digest(fixture.image.manifest));
    expect(inspected.Layers).toEqual([fixture.base.digest, fixture.runtime.digest, fixture.model.digest]);
    expect(inspected.Labels).toEqual({
      'org.opencontainers.image.title': 'iris-classifier',
      'org.opencontainers.image.vendor': 'tiny',
      'org.opencontainers.image.version': '1.0.0',
    });
    expect(inspected.Env).toEqual([`PATH=/opt/mlops/bin:${BASE_PATH}`, 'LANG=C.UTF-8', 'MODEL_DIR=/opt/mlops/model', 'PYTHONUNBUFFERED=1']);
    expect(inspected.Architecture).toBe('amd64');
    expect(inspected.Os).toBe('linux');
    expect(inspected.Created).toBe('1980-01-01T00:00:00Z');
  });

  it('skopeo inspect --config sees the user, entrypoint, ports, diff_ids and history; the raw config carries the healthcheck', () => {
    const config = JSON.parse(run('skopeo', ['inspect', '--config', `oci:${fixture.layout}:${TAG}`])) as {
      config: Record<string, unknown>;
      rootfs: { diff_ids: string[] };
      history: Array<{ created: string; created_by: string }>;
    };
    expect(config.config.User).toBe('65532:65532');
    expect(config.config.Entrypoint).toEqual(['/opt/mlops/bin/serve']);
    expect(config.config.Cmd).toEqual(['--port', '8080']);
    expect(config.config.WorkingDir).toBe('/opt/mlops');
    expect(config.config.ExposedPorts).toEqual({ '8080/tcp': {} });
    expect(config.rootfs.diff_ids).toEqual([fixture.base.diffId, fixture.runtime.diffId, fixture.model.diffId]);
    expect(config.history).toEqual([
      { created: '2024-03-01T10:00:00Z', created_by: 'tiny base' },
      { created: '1980-01-01T00:00:00Z', created_by: 'mlops-actions containerize: runtime' },
      { created: '1980-01-01T00:00:00Z', created_by: 'mlops-actions containerize: model iris-classifier 1.0.0' },
    ]);

    // skopeo's parsed view follows the OCI struct, which has no Healthcheck; the raw blob has it.
    const raw = run('skopeo', ['inspect', '--raw', '--config', `oci:${fixture.layout}:${TAG}`]);
    expect(Buffer.from(raw, 'utf8').equals(fixture.image.config)).toBe(true);
    expect((JSON.parse(raw) as { config: { Healthcheck: unknown } }).config.Healthcheck).toEqual({
      Test: ['CMD', '/opt/mlops/bin/serve', '--health'],
      Interval: 30_000_000_000,
      Timeout: 5_000_000_000,
      StartPeriod: 10_000_000_000,
      Retries: 3,
    });
    const manifest = JSON.parse(run('skopeo', ['inspect', '--raw', `oci:${fixture.layout}:${TAG}`])) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: fixture.image.configDigest, size: fixture.image.config.length },
      annotations: ANNOTATIONS,
    });
  });

  it.skipIf(!hasUmoci)('umoci unpacks a root filesystem with the right bytes and modes, and pairs each history entry with its layer', () => {
    const bundle = path.join(freshDir('umoci'), 'bundle');
    const rootless = process.getuid?.() === 0 ? [] : ['--rootless'];
    run('umoci', ['unpack', ...rootless, '--image', `${fixture.layout}:${TAG}`, bundle]);
    const rootfs = path.join(bundle, 'rootfs');
    const expected: Array<[string, Buffer, number]> = [
      ['etc/os-release', Buffer.from('ID=tiny\nVERSION_ID=1\n'), 0o644],
      ['usr/bin/true', readFileSync('/usr/bin/true'), 0o755],
      ['opt/mlops/bin/serve', Buffer.from(SERVE_SCRIPT), 0o755],
      ['opt/mlops/model/model.pkl', MODEL_BYTES, 0o644],
      ['opt/mlops/model/model-manifest.json', Buffer.from(MODEL_MANIFEST), 0o644],
    ];
    for (const [name, bytes, mode] of expected) {
      const file = path.join(rootfs, name);
      expect(readFileSync(file).equals(bytes), name).toBe(true);
      expect(statSync(file).mode & 0o7777, name).toBe(mode);
    }
    expect(statSync(path.join(rootfs, 'opt/mlops/model')).mode & 0o7777).toBe(0o755);

    const runtimeSpec = JSON.parse(readFileSync(path.join(bundle, 'config.json'), 'utf8')) as { process: { args: string[]; cwd: string; user: { uid: number; gid: number }; env: string[] } };
    expect(runtimeSpec.process.args).toEqual(['/opt/mlops/bin/serve', '--port', '8080']);
    expect(runtimeSpec.process.cwd).toBe('/opt/mlops');
    expect(runtimeSpec.process.user).toMatchObject({ uid: 65532, gid: 65532 });
    expect(runtimeSpec.process.env).toContain('MODEL_DIR=/opt/mlops/model');

    const stat = JSON.parse(run('umoci', ['stat', '--json', '--image', `${fixture.layout}:${TAG}`])) as { history: Array<{ layer: { digest: string } | null; diff_id: string; created_by: string }> };
    expect(stat.history.map((entry) => [entry.layer?.digest, entry.diff_id, entry.created_by])).toEqual([
      [fixture.base.digest, fixture.base.diffId, 'tiny base'],
      [fixture.runtime.digest, fixture.runtime.diffId, 'mlops-actions containerize: runtime'],
      [fixture.model.digest, fixture.model.diffId, 'mlops-actions containerize: model iris-classifier 1.0.0'],
    ]);
  });

  it('skopeo copies the layout to a dir: with the same manifest bytes and blobs', () => {
    const out = path.join(freshDir('copy'), 'dir');
    run('skopeo', ['--insecure-policy', 'copy', '--quiet', `oci:${fixture.layout}:${TAG}`, `dir:${out}`]);
    expect(readFileSync(path.join(out, 'manifest.json')).equals(fixture.image.manifest)).toBe(true);
    expect(readFileSync(path.join(out, fixture.image.configDigest.slice(7))).equals(fixture.image.config)).toBe(true);
    for (const layer of [fixture.base, fixture.runtime, fixture.model]) {
      expect(readFileSync(path.join(out, layer.digest.slice(7))).equals(readFileSync(layer.file))).toBe(true);
    }
  });

  it('writes the layout files skopeo expects, and nothing else', () => {
    const files = Object.keys(snapshot(fixture.layout)).sort();
    const blobs = [fixture.image.configDigest, fixture.image.manifestDigest, fixture.base.digest, fixture.runtime.digest, fixture.model.digest].map((digest) => `blobs/sha256/${digest.slice(7)}`);
    expect(files).toEqual(['index.json', 'oci-layout', ...blobs].sort());
    expect(JSON.parse(readFileSync(path.join(fixture.layout, 'oci-layout'), 'utf8'))).toEqual({ imageLayoutVersion: '1.0.0' });
    expect(JSON.parse(readFileSync(path.join(fixture.layout, 'index.json'), 'utf8'))).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: fixture.image.manifestDigest, size: fixture.image.manifest.length, annotations: { 'org.opencontainers.image.ref.name': TAG } }],
    });
  });
});

describe('determinism', () => {
  it('gives the same digests and layout bytes from another folder with file dates a second apart', async () => {
    const again = await buildFixture({ mtime: T0 + 1 });
    expect(again.dir).not.toBe(fixture.dir);
    expect(statSync(path.join(again.dir, 'src', 'model.pkl')).mtimeMs).not.toBe(statSync(path.join(fixture.dir, 'src', 'model.pkl')).mtimeMs);
    expect(again.image.manifestDigest).toBe(fixture.image.manifestDigest);
    expect(again.image.configDigest).toBe(fixture.image.configDigest);
    expect([again.base.digest, again.runtime.digest, again.model.digest]).toEqual([fixture.base.digest, fixture.runtime.digest, fixture.model.digest]);
    expect(snapshot(again.layout)).toEqual(snapshot(fixture.layout));
  });

  it('a changed model file changes only the model layer: the base and runtime layers keep their digests', async () => {
    const changed = Buffer.from(MODEL_BYTES);
    changed[1234] = changed[1234]! ^ 0xff;
    const other = await buildFixture({ mtime: T0, model: changed });
    expect(other.base.digest).toBe(fixture.base.digest);
    expect(other.runtime.digest).toBe(fixture.runtime.digest);
    expect(other.runtime.diffId).toBe(fixture.runtime.diffId);
    expect(other.model.digest).not.toBe(fixture.model.digest);
    expect(other.model.diffId).not.toBe(fixture.model.diffId);
    expect(other.image.manifestDigest).not.toBe(fixture.image.manifestDigest);
    expect(other.image.layers.map((layer) => layer.digest)).toEqual([fixture.base.digest, fixture.runtime.digest, other.model.digest]);
  });

  it('the base config as bytes or as an object, in any key order, gives the same image', () => {
    const parsed = JSON.parse(fixture.baseConfig.toString('utf8')) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(parsed).reverse());
    const image = assembleImage({ config: reordered, layers: [fixture.base] }, [fixture.runtime, fixture.model], CHANGES, { annotations: ANNOTATIONS });
    expect(image.manifest.equals(fixture.image.manifest)).toBe(true);
    expect(image.config.equals(fixture.image.config)).toBe(true);
    expect(JSON.parse(fixture.baseConfig.toString('utf8'))).toEqual(parsed);
  });
});

describe('assembleImage', () => {
  const baseConfig = { architecture: 'amd64', os: 'linux', config: { Env: ['PATH=/usr/bin:/bin', 'HOME=/root'], Cmd: ['python3'], Entrypoint: ['/docker-entrypoint.sh'] }, rootfs: { type: 'layers', diff_ids: [] } };

  it('drops the base Cmd when a new entrypoint comes without one, keeps PATH when env does not set it, and fixes created', () => {
    const image = assembleImage({ config: baseConfig, layers: [] }, [], { entrypoint: ['/serve'], env: { HOME: '/home/app', A: '1' } }, { created: '2025-01-02T03:04:05Z' });
    const config = JSON.parse(image.config.toString('utf8')) as { created: string; config: Record<string, unknown> };
    expect(config.created).toBe('2025-01-02T03:04:05Z');
    expect(config.config.Entrypoint).toEqual(['/serve']);
    expect(config.config.Cmd).toBeUndefined();
    expect(config.config.Env).toEqual(['PATH=/usr/bin:/bin', 'HOME=/home/app', 'A=1']);
    expect(baseConfig.config.Cmd).toEqual(['python3']);
  });

  it('expands ${PATH} from the base value', () => {
    const image = assembleImage({ config: baseConfig, layers: [] }, [], { env: { PATH: '${PATH}:/opt/bin' } });
    expect((JSON.parse(image.config.toString('utf8')) as { config: { Env: string[] } }).config.Env[0]).toBe('PATH=/usr/bin:/bin:/opt/bin');
  });

  it('serializes with sorted keys and no whitespace, and digests what it serialized', () => {
    const image = assembleImage({ config: baseConfig, layers: [] }, [], {});
    const text = image.manifest.toString('utf8');
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['config', 'layers', 'mediaType', 'schemaVersion']);
    expect(image.manifestDigest).toBe(sha256Digest(image.manifest));
    expect(image.configDigest).toBe(sha256Digest(image.config));
  });

  it('keeps Docker media types of base layers', () => {
    const dockerLayer = { digest: fixture.base.digest, size: fixture.base.size, mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' };
    const image = assembleImage({ config: fixture.baseConfig, layers: [dockerLayer] }, [fixture.runtime], {});
    expect(image.layers.map((layer) => layer.mediaType)).toEqual(['application/vnd.docker.image.rootfs.diff.tar.gzip', 'application/vnd.oci.image.layer.v1.tar+gzip']);
  });

  it('refuses a base whose diff_ids do not match its layers, and bad changes', () => {
    expect(() => assembleImage({ config: fixture.baseConfig, layers: [] }, [], {})).toThrow(/1 diff_ids but its manifest 0 layers/);
    expect(() => assembleImage({ config: baseConfig, layers: [] }, [], { exposedPorts: [70_000] })).toThrow(/port/);
    expect(() => assembleImage({ config: baseConfig, layers: [] }, [], { env: { 'BAD-NAME': 'x' } })).toThrow(/not valid/);
    expect(() => assembleImage({ config: baseConfig, layers: [] }, [], { healthcheck: { test: ['curl'], intervalSeconds: 1, timeoutSeconds: 1, startPeriodSeconds: 0, retries: 1 } })).toThrow(/CMD/);
    expect(() => assembleImage({ config: baseConfig, layers: [] }, [], {}, { created: 'yesterday' })).toThrow(/RFC 3339/);
  });
});

describe('readOciLayout', () => {
  it('round-trips what writeOciLayout wrote', async () => {
    const read = await readOciLayout(fixture.layout, TAG);
    expect(read.manifest.equals(fixture.image.manifest)).toBe(true);
    expect(read.manifestDigest).toBe(fixture.image.manifestDigest);
    expect(read.config.equals(fixture.image.config)).toBe(true);
    expect(read.configDigest).toBe(fixture.image.configDigest);
    expect(read.layers).toEqual(fixture.image.layers.map((layer) => ({ ...layer, file: blobPath(fixture.layout, layer.digest) })));
    for (const layer of read.layers) expect(sha256sum(layer.file)).toBe(layer.digest);
    expect((await readOciLayout(fixture.layout)).manifestDigest).toBe(fixture.image.manifestDigest);
  });

  it('reads a layout skopeo wrote, and serves as a base image without a registry', async () => {
    const copied = path.join(freshDir('skopeo-layout'), 'layout');
    run('skopeo', ['--insecure-policy', 'copy', '--quiet', `oci:${fixture.layout}:${TAG}`, `oci:${copied}:base`]);
    const base = await readOciLayout(copied, 'base');
    expect(base.manifestDigest).toBe(fixture.image.manifestDigest);

    const dir = freshDir('on-layout');
    const extra = await buildLayer([{ path: '/opt/mlops/extra.txt', source: source(dir, 'extra.txt', 'extra\n', T0) }], path.join(dir, 'extra.tar.gz'), 'extra');
    const image = assembleImage(base, [extra], { labels: { stage: 'two' } });
    await writeOciLayout(copied, image, [{ digest: extra.digest, file: extra.file }], 'served');
    const inspected = JSON.parse(run('skopeo', ['inspect', `oci:${copied}:served`])) as { Digest: string; Layers: string[]; Labels: Record<string, string> };
    expect(inspected.Digest).toBe(image.manifestDigest);
    expect(inspected.Layers).toEqual([...fixture.image.layers.map((layer) => layer.digest), extra.digest]);
    expect(inspected.Labels.stage).toBe('two');
    // The first tag is still there.
    expect(JSON.parse(run('skopeo', ['inspect', `oci:${copied}:base`])).Digest).toBe(fixture.image.manifestDigest);
  });

  it('names the tags it has when asked for another', async () => {
    await expect(readOciLayout(fixture.layout, 'nope')).rejects.toThrow(new RegExp(`no image tagged "nope"; it has: ${TAG}`));
    await expect(readOciLayout(path.join(tmp.root, 'missing'), TAG)).rejects.toThrow(/not an OCI image layout/);
  });
});

describe('writeOciLayout refusals', () => {
  it('refuses a bad tag, a missing layer blob and a file whose digest is not the one claimed', async () => {
    const dir = path.join(freshDir('refuse'), 'layout');
    const blobs = [fixture.base, fixture.runtime, fixture.model].map((layer) => ({ digest: layer.digest, file: layer.file }));
    await expect(writeOciLayout(dir, fixture.image, blobs, 'bad tag')).rejects.toThrow(/not a valid OCI layout reference name/);
    await expect(writeOciLayout(dir, fixture.image, blobs.slice(1), TAG)).rejects.toThrow(new RegExp(`no blob given for layer ${fixture.base.digest}`));
    const swapped = [{ digest: fixture.base.digest, file: fixture.runtime.file }, ...blobs.slice(1)];
    await expect(writeOciLayout(dir, fixture.image, swapped, TAG)).rejects.toThrow(/has digest/);
    expect(existsSync(blobPath(dir, fixture.base.digest))).toBe(false);
    expect(existsSync(path.join(dir, 'index.json'))).toBe(false);
  });
});

describe('the daemonless builder from scratch', () => {
  it('builds an image of the runtime and model layers only, read back by skopeo', async () => {
    const { buildDaemonless, isScratch } = await import('../../src/container/daemonless.js');
    const { parseImageReference } = await import('../../src/container/reference.js');
    const { RegistryClient } = await import('../../src/container/registry.js');
    const { silentLogger } = await import('../../src/platform/logger.js');
    const base = parseImageReference('scratch');
    expect(isScratch(base)).toBe(true);
    expect(isScratch(parseImageReference('scratch:1'))).toBe(false);
    expect(isScratch(parseImageReference('ghcr.io/acme/scratch'))).toBe(false);
    const dir = freshDir('scratch');
    const packageDir = path.join(dir, 'package');
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(path.join(packageDir, 'model-manifest.json'), MODEL_MANIFEST);
    writeFileSync(path.join(packageDir, 'model.bin'), MODEL_BYTES);
    // No registry is ever asked: the client points at a port nothing listens on.
    const client = new RegistryClient({ registry: '127.0.0.1:9', insecure: true, logger: silentLogger });
    try {
      const result = await buildDaemonless({
        base,
        baseClient: client,
        packageDir,
        workDir: path.join(dir, 'work'),
        labels: { 'io.mlops-actions.model.name': 'iris-classifier' },
        annotations: {},
        layoutDir: path.join(dir, 'layout'),
        layoutTag: TAG,
        compressionLevel: 1,
        logger: silentLogger,
      });
      const inspected = JSON.parse(run('skopeo', ['inspect', `oci:${path.join(dir, 'layout')}:${TAG}`])) as { Layers: string[]; Digest: string; Labels: Record<string, string> };
      expect(inspected.Layers).toEqual([result.runtimeLayer.digest, result.modelLayer.digest]);
      expect(inspected.Digest).toBe(result.image.manifestDigest);
      expect(inspected.Labels['io.mlops-actions.model.name']).toBe('iris-classifier');
    } finally {
      client.close();
    }
  });
});
