import { createHash } from 'node:crypto';
import path from 'node:path';
import { ConfigurationError } from '../platform/errors.js';
import { writeDeterministicTarGz, type TarEntry } from '../packaging/tar.js';

/*
 * Image assembly without a container daemon, as ko and Jib do: the base image's config and layer
 * descriptors, plus new layers written here, give a new config and an OCI image manifest.
 *
 * Same base, same files and same changes give the same bytes, hence the same digests: layers are
 * deterministic tar.gz files (fixed mtime, uid/gid 0, sorted entries), history dates are one fixed
 * `created`, and every JSON document is serialized with its keys sorted and no whitespace.
 */

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';
/** 1980-01-01, the default mtime of the tar entries too. */
export const DEFAULT_CREATED = '1980-01-01T00:00:00Z';
export const HISTORY_CREATED_BY_PREFIX = 'mlops-actions containerize: ';

export interface LayerFile {
  /** Absolute path in the image, e.g. /opt/mlops/model/model.pkl. */
  path: string;
  /** Regular file on disk. */
  source: string;
  /** true: mode 0755, else 0644. */
  executable?: boolean;
}

export interface BuiltLayer {
  /** The .tar.gz on disk. */
  file: string;
  /** sha256:<hex> of the gzip'd file: the blob digest. */
  digest: string;
  /** sha256:<hex> of the uncompressed tar: the entry in rootfs.diff_ids. */
  diffId: string;
  /** Bytes of the gzip'd file. */
  size: number;
  mediaType: string;
  /** What the layer holds, for the image history. */
  comment: string;
}

export interface LayerDescriptor {
  digest: string;
  size: number;
  mediaType: string;
}

export interface ImageHealthcheck {
  /** ["CMD", exe, args...], ["CMD-SHELL", command] or ["NONE"]. */
  test: string[];
  intervalSeconds: number;
  timeoutSeconds: number;
  startPeriodSeconds: number;
  retries: number;
}

export interface ImageChanges {
  /** Merged into the base's Env: a name given here wins; `$PATH` or `${PATH}` in a value expands to the base's value. */
  env?: Record<string, string>;
  /** Replaces the base's Entrypoint; without `cmd`, the base's Cmd is dropped too, as a Dockerfile ENTRYPOINT does. */
  entrypoint?: string[];
  cmd?: string[];
  user?: string;
  /** Absolute. */
  workingDir?: string;
  /** TCP ports; replaces the base's ExposedPorts. */
  exposedPorts?: number[];
  /** Merged into the base's Labels: a name given here wins. */
  labels?: Record<string, string>;
  healthcheck?: ImageHealthcheck;
}

export interface AssembledImage {
  config: Buffer;
  configDigest: string;
  manifest: Buffer;
  manifestDigest: string;
  manifestMediaType: string;
  /** Base layers, then the new ones, as in the manifest. */
  layers: LayerDescriptor[];
}

export interface BaseImage {
  /** The base image's config blob, as bytes or parsed. */
  config: Buffer | object;
  layers: LayerDescriptor[];
}

/** `sha256:<hex>` of some bytes. */
export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * Writes files as one deterministic gzip'd layer at outFile; image paths become tar names
 * relative to the root, and every parent folder gets an entry (mode 0755, root-owned). A parent
 * entry replaces the folder's metadata in the image, so files belong under folders that are 0755
 * root:root in the base (/opt, /usr/local, /srv, /app), not under /tmp.
 */
export async function buildLayer(files: LayerFile[], outFile: string, comment: string, options: { level?: number; mtime?: number } = {}): Promise<BuiltLayer> {
  if (files.length === 0) throw new Error(`layer "${comment}" has no files`);
  const entries: TarEntry[] = files.map((file) => ({ name: tarNameOf(file.path), source: file.source, executable: file.executable === true }));
  const result = await writeDeterministicTarGz(entries, outFile, options);
  return { file: outFile, digest: `sha256:${result.archiveSha256}`, diffId: `sha256:${result.tarSha256}`, size: result.archiveBytes, mediaType: OCI_LAYER_MEDIA_TYPE, comment };
}

function tarNameOf(imagePath: string): string {
  if (!imagePath.startsWith('/')) throw new ConfigurationError(`image path ${JSON.stringify(imagePath)} is not absolute`, { hint: 'Paths in the image start with /, e.g. /opt/mlops/model/model.pkl.' });
  const normal = path.posix.normalize(imagePath);
  if (normal !== imagePath || imagePath.endsWith('/') || imagePath === '/') {
    throw new ConfigurationError(`image path ${JSON.stringify(imagePath)} is not a normalized file path`, { hint: "Write it without '.', '..', '//' or a trailing '/'." });
  }
  return imagePath.slice(1);
}

/**
 * The new config and OCI manifest: the base config with the new layers' diff_ids and one history
 * entry each, the changes applied and `created` fixed; the manifest lists the base layers (their
 * media types kept: Docker's gzip layer type is valid in an OCI manifest) then the new ones.
 */
export function assembleImage(base: BaseImage, newLayers: BuiltLayer[], changes: ImageChanges, options: { created?: string; annotations?: Record<string, string> } = {}): AssembledImage {
  const created = options.created ?? DEFAULT_CREATED;
  checkTimestamp(created);
  const config = parseBaseConfig(base.config);
  const rootfs = config.rootfs as { type?: unknown; diff_ids?: unknown } | undefined;
  if (!isPlainObject(rootfs) || rootfs.type !== 'layers' || !Array.isArray(rootfs.diff_ids) || !rootfs.diff_ids.every((id) => typeof id === 'string')) {
    throw new Error('the base image config has no rootfs of type "layers" with a diff_ids list');
  }
  if (rootfs.diff_ids.length !== base.layers.length) {
    throw new Error(`the base image config lists ${rootfs.diff_ids.length} diff_ids but its manifest ${base.layers.length} layers`);
  }
  for (const layer of [...base.layers, ...newLayers]) checkDigest(layer.digest, 'layer digest');
  for (const layer of newLayers) checkDigest(layer.diffId, 'layer diffId');

  config.created = created;
  config.rootfs = { ...rootfs, type: 'layers', diff_ids: [...(rootfs.diff_ids as string[]), ...newLayers.map((layer) => layer.diffId)] };
  const history = Array.isArray(config.history) ? (config.history as unknown[]) : [];
  config.history = [...history, ...newLayers.map((layer) => ({ created, created_by: `${HISTORY_CREATED_BY_PREFIX}${layer.comment}` }))];
  config.config = applyChanges(isPlainObject(config.config) ? config.config : {}, changes);

  const configBytes = Buffer.from(canonicalJson(config), 'utf8');
  const configDigest = sha256Digest(configBytes);
  const layers: LayerDescriptor[] = [...base.layers, ...newLayers].map(({ digest, size, mediaType }) => ({ digest, size, mediaType }));
  const manifest: Record<string, unknown> = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: OCI_CONFIG_MEDIA_TYPE, digest: configDigest, size: configBytes.length },
    layers,
  };
  if (options.annotations !== undefined && Object.keys(options.annotations).length > 0) manifest.annotations = checkStringMap(options.annotations, 'annotation');
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  return { config: configBytes, configDigest, manifest: manifestBytes, manifestDigest: sha256Digest(manifestBytes), manifestMediaType: OCI_MANIFEST_MEDIA_TYPE, layers };
}

function parseBaseConfig(config: Buffer | object): Record<string, unknown> {
  let parsed: unknown = config;
  if (Buffer.isBuffer(config)) {
    try {
      parsed = JSON.parse(config.toString('utf8'));
    } catch (error) {
      throw new Error(`the base image config is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  if (!isPlainObject(parsed)) throw new Error('the base image config is not a JSON object');
  // A deep copy: the caller's object is left as it was.
  return JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>;
}

/** The container config (Docker's field names, which the OCI image config shares) with the changes applied. */
function applyChanges(base: Record<string, unknown>, changes: ImageChanges): Record<string, unknown> {
  const out = { ...base };
  if (changes.env !== undefined) out.Env = mergeEnv(Array.isArray(base.Env) ? base.Env.filter((item): item is string => typeof item === 'string') : [], changes.env);
  if (changes.entrypoint !== undefined) {
    out.Entrypoint = checkStringList(changes.entrypoint, 'entrypoint');
    if (changes.cmd === undefined) delete out.Cmd;
  }
  if (changes.cmd !== undefined) out.Cmd = checkStringList(changes.cmd, 'cmd');
  if (changes.user !== undefined) out.User = changes.user;
  if (changes.workingDir !== undefined) {
    if (!changes.workingDir.startsWith('/')) throw new ConfigurationError(`working directory ${JSON.stringify(changes.workingDir)} is not absolute`);
    out.WorkingDir = changes.workingDir;
  }
  if (changes.exposedPorts !== undefined) {
    const ports: Record<string, object> = {};
    for (const port of changes.exposedPorts) {
      if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new ConfigurationError(`exposed port ${port} is not a port number from 1 to 65535`);
      ports[`${port}/tcp`] = {};
    }
    out.ExposedPorts = ports;
  }
  if (changes.labels !== undefined) {
    const inherited = isPlainObject(base.Labels) ? base.Labels : {};
    out.Labels = { ...inherited, ...checkStringMap(changes.labels, 'label') };
  }
  if (changes.healthcheck !== undefined) out.Healthcheck = healthcheckConfig(changes.healthcheck);
  return out;
}

/** Base variables keep their place with the new value; new ones follow in name order. */
function mergeEnv(baseEnv: string[], env: Record<string, string>): string[] {
  const baseValues = new Map<string, string>();
  for (const item of baseEnv) {
    const equals = item.indexOf('=');
    if (equals > 0) baseValues.set(item.slice(0, equals), item.slice(equals + 1));
  }
  const updates = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ConfigurationError(`environment variable name ${JSON.stringify(name)} is not valid`, { hint: 'Use letters, digits and _, not starting with a digit.' });
    if (typeof value !== 'string' || value.includes('\u0000')) throw new ConfigurationError(`environment variable ${name} needs a string value without NUL characters`);
    const previous = baseValues.get(name) ?? '';
    // Only the variable's own previous value, as `ENV PATH=/x:$PATH` in a Dockerfile, most often PATH.
    updates.set(name, value.replace(new RegExp(`\\$(?:\\{${name}\\}|${name}(?![A-Za-z0-9_]))`, 'g'), () => previous));
  }
  const merged: string[] = [];
  const seen = new Set<string>();
  for (const item of baseEnv) {
    const equals = item.indexOf('=');
    const name = equals > 0 ? item.slice(0, equals) : item;
    if (seen.has(name)) continue;
    seen.add(name);
    merged.push(updates.has(name) ? `${name}=${updates.get(name)!}` : item);
  }
  for (const name of [...updates.keys()].sort(compareStrings)) if (!seen.has(name)) merged.push(`${name}=${updates.get(name)!}`);
  return merged;
}

const NANOSECONDS_PER_SECOND = 1_000_000_000;

/** Docker's Healthcheck: durations in nanoseconds. */
function healthcheckConfig(check: ImageHealthcheck): Record<string, unknown> {
  const test = checkStringList(check.test, 'healthcheck test');
  const kind = test[0];
  if (kind === 'NONE') {
    if (test.length !== 1) throw new ConfigurationError('a healthcheck test ["NONE"] takes no arguments');
  } else if (kind === 'CMD' || kind === 'CMD-SHELL') {
    if (test.length < 2) throw new ConfigurationError(`a healthcheck test ["${kind}", ...] needs a command`);
    if (kind === 'CMD-SHELL' && test.length !== 2) throw new ConfigurationError('a healthcheck test ["CMD-SHELL", command] takes one command string');
  } else {
    throw new ConfigurationError(`a healthcheck test starts with "CMD", "CMD-SHELL" or "NONE", not ${JSON.stringify(kind ?? '')}`);
  }
  const seconds = (value: number, name: string): number => {
    if (!Number.isFinite(value) || value < 0) throw new ConfigurationError(`healthcheck ${name} must be a number of seconds of 0 or more, got ${value}`);
    return Math.round(value * NANOSECONDS_PER_SECOND);
  };
  if (!Number.isInteger(check.retries) || check.retries < 0) throw new ConfigurationError(`healthcheck retries must be a whole number of 0 or more, got ${check.retries}`);
  return {
    Test: test,
    Interval: seconds(check.intervalSeconds, 'interval'),
    Timeout: seconds(check.timeoutSeconds, 'timeout'),
    StartPeriod: seconds(check.startPeriodSeconds, 'start period'),
    Retries: check.retries,
  };
}

function checkStringList(list: string[], what: string): string[] {
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) throw new ConfigurationError(`${what} must be a list of strings`);
  return [...list];
}

function checkStringMap(map: Record<string, string>, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(map)) {
    if (name === '') throw new ConfigurationError(`a ${what} has an empty name`);
    if (typeof value !== 'string') throw new ConfigurationError(`${what} ${name} must have a string value`);
    out[name] = value;
  }
  return out;
}

function checkTimestamp(created: string): void {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(created) || Number.isNaN(Date.parse(created))) {
    throw new ConfigurationError(`image creation date ${JSON.stringify(created)} is not an RFC 3339 date-time`, { hint: 'Write it like 2024-05-01T12:00:00Z.' });
  }
}

export function checkDigest(digest: string, what: string): void {
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new Error(`${what} ${JSON.stringify(digest)} is not sha256:<64 lowercase hex digits>`);
}

/** JSON with object keys sorted by code unit at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (isPlainObject(value)) {
    const members: string[] = [];
    for (const key of Object.keys(value).sort(compareStrings)) if (value[key] !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`cannot write ${typeof value} as JSON`);
  return text;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
