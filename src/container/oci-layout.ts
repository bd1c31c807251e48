import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConfigurationError } from '../platform/errors.js';
import { canonicalJson, checkDigest, OCI_MANIFEST_MEDIA_TYPE, sha256Digest, type AssembledImage, type LayerDescriptor } from './image.js';

/*
 * The OCI image layout (image-spec layout.md): an `oci-layout` file, `index.json` naming each
 * manifest by its `org.opencontainers.image.ref.name` annotation, and content-addressed blobs under
 * blobs/sha256/. skopeo (`oci:<dir>:<tag>`), umoci, crane and buildkit read and write it, so an
 * image written here can be pushed, inspected or unpacked by any of them, and a base image saved
 * by them can be used without a registry.
 */

export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';
const LAYOUT_FILE = 'oci-layout';
const INDEX_FILE = 'index.json';
const LAYOUT_VERSION = '1.0.0';
const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.list.v2+json';

export interface BlobSource {
  digest: string;
  /** A file holding the blob (copied, and its digest checked on the way). */
  file?: string;
  /** Or its bytes. */
  content?: Buffer;
}

export interface OciLayoutImage {
  manifest: Buffer;
  manifestDigest: string;
  config: Buffer;
  configDigest: string;
  layers: Array<LayerDescriptor & { file: string }>;
}

interface IndexDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: { architecture?: string; os?: string; variant?: string };
}

/**
 * Writes image into the OCI layout at dir (created if missing) under tag: config, manifest and
 * every layer blob, then index.json. A blob already in dir is kept as it is; any other layer blob
 * must be among blobs. An index.json already there keeps its other tags; one with the same tag is
 * replaced. Files are written through a temporary name and renamed, index.json last, so a reader
 * never sees a manifest whose blobs are missing.
 */
export async function writeOciLayout(dir: string, image: AssembledImage, blobs: BlobSource[], tag: string): Promise<void> {
  checkRefName(tag);
  const blobDir = path.join(dir, 'blobs', 'sha256');
  await mkdir(blobDir, { recursive: true });
  await writeIfChanged(path.join(dir, LAYOUT_FILE), Buffer.from(canonicalJson({ imageLayoutVersion: LAYOUT_VERSION }), 'utf8'));

  const sources = new Map<string, BlobSource>();
  for (const blob of blobs) {
    checkDigest(blob.digest, 'blob digest');
    sources.set(blob.digest, blob);
  }
  const inline = [
    { digest: image.configDigest, content: image.config },
    { digest: image.manifestDigest, content: image.manifest },
  ];
  for (const blob of inline) {
    if (sha256Digest(blob.content) !== blob.digest) throw new Error(`the image's ${blob.digest} does not match its bytes`);
    sources.set(blob.digest, blob);
  }
  for (const layer of image.layers) {
    if (sources.has(layer.digest)) continue;
    const existing = await stat(blobPath(dir, layer.digest)).catch(() => undefined);
    if (existing === undefined) throw new Error(`no blob given for layer ${layer.digest}, and ${dir} does not hold it`);
  }
  for (const blob of [...sources.values()].sort((a, b) => compareStrings(a.digest, b.digest))) await writeBlob(dir, blob);

  const manifests = (await readIndex(dir)).filter((descriptor) => descriptor.annotations?.[REF_NAME_ANNOTATION] !== tag);
  manifests.push({ mediaType: image.manifestMediaType, digest: image.manifestDigest, size: image.manifest.length, annotations: { [REF_NAME_ANNOTATION]: tag } });
  manifests.sort((a, b) => compareStrings(a.annotations?.[REF_NAME_ANNOTATION] ?? '', b.annotations?.[REF_NAME_ANNOTATION] ?? '') || compareStrings(a.digest, b.digest));
  await writeIfChanged(path.join(dir, INDEX_FILE), Buffer.from(canonicalJson({ schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests }), 'utf8'));
}

/**
 * The image named tag in the OCI layout at dir: its manifest and config (digests checked) and its
 * layers with the blob file of each (present and of the right size; not hashed, as layers can be
 * large). Without a tag, the layout must hold exactly one. A tag naming an image index (a
 * multi-platform image) resolves to the manifest for `platform`, linux/amd64 by default.
 */
export async function readOciLayout(dir: string, tag?: string, options: { platform?: string } = {}): Promise<OciLayoutImage> {
  const layout = await readFile(path.join(dir, LAYOUT_FILE), 'utf8').catch(() => undefined);
  if (layout === undefined) throw new ConfigurationError(`${dir} is not an OCI image layout: it has no ${LAYOUT_FILE} file`, { hint: 'Save the image with `skopeo copy docker://<image> oci:<dir>:<tag>`.' });
  const version = parseJson(layout, path.join(dir, LAYOUT_FILE)).imageLayoutVersion;
  if (typeof version !== 'string' || !version.startsWith('1.')) throw new ConfigurationError(`${dir}: unsupported OCI layout version ${JSON.stringify(version)}`);

  const manifests = await readIndex(dir);
  const names = manifests.map((item) => item.annotations?.[REF_NAME_ANNOTATION]).filter((name): name is string => name !== undefined);
  const descriptor = tag === undefined ? (manifests.length === 1 ? manifests[0] : undefined) : manifests.find((item) => item.annotations?.[REF_NAME_ANNOTATION] === tag);
  if (descriptor === undefined) {
    const problem = tag === undefined ? `holds ${manifests.length} images and no tag was given` : `has no image tagged ${JSON.stringify(tag)}`;
    throw new ConfigurationError(`${dir} ${problem}; it has: ${names.join(', ') || '(none tagged)'}`);
  }
  let manifestDescriptor = descriptor;
  let manifestBytes = await readBlob(dir, manifestDescriptor);
  let manifest = parseJson(manifestBytes.toString('utf8'), `manifest ${manifestDescriptor.digest}`);
  if (manifestDescriptor.mediaType === OCI_INDEX_MEDIA_TYPE || manifestDescriptor.mediaType === DOCKER_LIST_MEDIA_TYPE || Array.isArray(manifest.manifests)) {
    const platform = options.platform ?? 'linux/amd64';
    const [os, architecture, variant] = platform.split('/');
    const entries = (Array.isArray(manifest.manifests) ? manifest.manifests : []) as IndexDescriptor[];
    const chosen = entries.find((item) => item.platform?.os === os && item.platform?.architecture === architecture && (variant === undefined || item.platform?.variant === variant));
    if (chosen === undefined) {
      const offered = entries.map((item) => [item.platform?.os, item.platform?.architecture, item.platform?.variant].filter(Boolean).join('/'));
      throw new ConfigurationError(`the image ${tag ?? ''} in ${dir} has no ${platform} variant; it has: ${offered.join(', ')}`);
    }
    manifestDescriptor = chosen;
    manifestBytes = await readBlob(dir, chosen);
    manifest = parseJson(manifestBytes.toString('utf8'), `manifest ${chosen.digest}`);
  }
  const manifestDigest = manifestDescriptor.digest;
  const mediaType = manifest.mediaType ?? manifestDescriptor.mediaType;
  if (mediaType !== OCI_MANIFEST_MEDIA_TYPE && mediaType !== DOCKER_MANIFEST_MEDIA_TYPE) throw new Error(`manifest ${manifestDigest} in ${dir} has unsupported media type ${JSON.stringify(mediaType)}`);
  const configDescriptor = manifest.config as IndexDescriptor | undefined;
  if (configDescriptor === undefined || !Array.isArray(manifest.layers)) throw new Error(`manifest ${manifestDigest} in ${dir} has no config or layers`);
  const config = await readBlob(dir, configDescriptor);
  const layers: OciLayoutImage['layers'] = [];
  for (const layer of manifest.layers as IndexDescriptor[]) {
    checkDigest(layer.digest, 'layer digest');
    const file = blobPath(dir, layer.digest);
    const info = await stat(file).catch(() => undefined);
    if (info === undefined) throw new Error(`${dir} is missing the blob of layer ${layer.digest}`);
    if (info.size !== layer.size) throw new Error(`${dir}: the blob of layer ${layer.digest} has ${info.size} bytes, its manifest says ${layer.size}`);
    layers.push({ digest: layer.digest, size: layer.size, mediaType: layer.mediaType, file });
  }
  return { manifest: manifestBytes, manifestDigest, config, configDigest: configDescriptor.digest, layers };
}

/** blobs/sha256/<hex> of a digest in dir. */
export function blobPath(dir: string, digest: string): string {
  checkDigest(digest, 'blob digest');
  return path.join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
}

async function readIndex(dir: string): Promise<IndexDescriptor[]> {
  const file = path.join(dir, INDEX_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return [];
  const index = parseJson(text, file);
  if (!Array.isArray(index.manifests)) throw new Error(`${file} has no manifests list`);
  return index.manifests as IndexDescriptor[];
}

/** A small blob (manifest, config, index), its size and digest checked. */
async function readBlob(dir: string, descriptor: IndexDescriptor): Promise<Buffer> {
  const file = blobPath(dir, descriptor.digest);
  const bytes = await readFile(file).catch(() => {
    throw new Error(`${dir} is missing the blob ${descriptor.digest}`);
  });
  if (bytes.length !== descriptor.size) throw new Error(`${dir}: blob ${descriptor.digest} has ${bytes.length} bytes, its descriptor says ${descriptor.size}`);
  if (sha256Digest(bytes) !== descriptor.digest) throw new Error(`${dir}: blob ${descriptor.digest} does not match its digest`);
  return bytes;
}

async function writeBlob(dir: string, blob: BlobSource): Promise<void> {
  const target = blobPath(dir, blob.digest);
  if ((await stat(target).catch(() => undefined)) !== undefined) return;
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    let actual: string;
    if (blob.content !== undefined) {
      actual = sha256Digest(blob.content);
      if (actual === blob.digest) await writeFile(temporary, blob.content);
    } else if (blob.file !== undefined) {
      const hash = createHash('sha256');
      await pipeline(createReadStream(blob.file, { highWaterMark: 4 << 20 }), hashTap(hash), createWriteStream(temporary));
      actual = `sha256:${hash.digest('hex')}`;
    } else {
      throw new Error(`blob ${blob.digest} has neither a file nor content`);
    }
    if (actual !== blob.digest) throw new Error(`blob ${blob.digest}${blob.file === undefined ? '' : ` (${blob.file})`} has digest ${actual}`);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function hashTap(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}

/** Leaves a file with the same bytes untouched (its mtime too); else writes it whole. */
async function writeIfChanged(file: string, content: Buffer): Promise<void> {
  const current = await readFile(file).catch(() => undefined);
  if (current !== undefined && current.equals(content)) return;
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/** image-spec annotations.md: ref ::= component ("/" component)*, component ::= alphanum (separator alphanum)*. */
function checkRefName(tag: string): void {
  const component = '[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*';
  if (!new RegExp(`^${component}(?:/${component})*$`).test(tag)) {
    throw new ConfigurationError(`${JSON.stringify(tag)} is not a valid OCI layout reference name`, { hint: 'Use letters and digits joined by - . _ : @ + or /, e.g. 1.2.0 or model-server:latest.' });
  }
}

function parseJson(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
