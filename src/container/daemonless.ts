import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../platform/logger.js';
import { assembleImage, buildLayer, type AssembledImage, type BuiltLayer, type ImageChanges, type LayerDescriptor } from './image.js';
import { writeOciLayout } from './oci-layout.js';
import { formatImageReference, type ImageReference } from './reference.js';
import { blobFromBuffer, RegistryClient, type RegistryStats } from './registry.js';
import { SERVE_PY, SERVE_PY_NAME } from './serve-runtime.js';
import { HEALTHCHECK, SERVE_ENTRYPOINT, SERVE_ENV, SERVE_PORT, SERVE_USER, servingLayerFiles } from './serving-image.js';

/**
 * The daemonless builder, in the way of ko or Jib: the base image's manifest and config come from
 * its registry, the runtime and the model are appended as deterministic layers, and the image is
 * pushed through the OCI distribution API (or written as an OCI layout). It cannot run `RUN` steps:
 * the base image must already hold Python and the model's requirements.
 */
export interface DaemonlessOptions {
  base: ImageReference;
  baseClient: RegistryClient;
  packageDir: string;
  workDir: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Push here (repository and tags), or write an OCI layout when `layoutDir` is given instead. */
  target?: { reference: ImageReference; tags: string[]; client: RegistryClient };
  layoutDir?: string;
  layoutTag?: string;
  compressionLevel: number;
  logger: Logger;
}

export interface DaemonlessResult {
  image: AssembledImage;
  runtimeLayer: BuiltLayer;
  modelLayer: BuiltLayer;
  /** Bytes of all layers and the config: what a pull would fetch. */
  size: number;
  pushed?: RegistryStats;
}

export async function buildDaemonless(options: DaemonlessOptions): Promise<DaemonlessResult> {
  const { base, baseClient, logger } = options;
  let baseLayers: LayerDescriptor[] = [];
  let baseConfig: Buffer;
  if (isScratch(base)) {
    // As `FROM scratch`: no base layers. The image holds the runtime and the model only.
    baseConfig = Buffer.from(JSON.stringify({ architecture: process.arch === 'arm64' ? 'arm64' : 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [] } }));
    logger.info('Base scratch: no layers. The image has no Python of its own: it runs only where one is added (another base, or a volume).');
  } else {
    const baseRef = base.digest ?? base.tag ?? 'latest';
    const baseManifest = await baseClient.getManifest(base.repository, baseRef);
    baseLayers = (baseManifest.json.layers ?? []).map((l) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType }));
    if (!baseManifest.json.config) throw new Error(`the base image ${formatImageReference(base)} has no config`);
    baseConfig = await baseClient.getBlob(base.repository, baseManifest.json.config.digest);
    logger.info(`Base ${formatImageReference(base)}: ${baseLayers.length} layers (${baseManifest.digest}).`);
  }

  await mkdir(options.workDir, { recursive: true });
  const runtimeFile = path.join(options.workDir, SERVE_PY_NAME);
  await writeFile(runtimeFile, SERVE_PY);
  const files = await servingLayerFiles(options.packageDir, runtimeFile);
  const runtimeLayer = await buildLayer(files.runtime, path.join(options.workDir, 'runtime.tar.gz'), 'the serving runtime', { level: options.compressionLevel });
  const modelLayer = await buildLayer(files.model, path.join(options.workDir, 'model.tar.gz'), 'the model package', { level: options.compressionLevel });
  const changes: ImageChanges = {
    env: SERVE_ENV,
    entrypoint: SERVE_ENTRYPOINT,
    user: SERVE_USER,
    workingDir: '/opt/mlops',
    exposedPorts: [SERVE_PORT],
    labels: options.labels,
    healthcheck: HEALTHCHECK,
  };
  const image = assembleImage({ config: baseConfig, layers: baseLayers }, [runtimeLayer, modelLayer], changes, { annotations: options.annotations });
  const size = image.layers.reduce((a, l) => a + l.size, 0) + image.config.length;
  logger.info(`Image ${image.manifestDigest}: runtime layer ${runtimeLayer.digest.slice(0, 19)}…, model layer ${modelLayer.digest.slice(0, 19)}….`);

  if (options.target) {
    const { client, reference, tags } = options.target;
    const sameRegistry = reference.registry === base.registry;
    for (const layer of baseLayers) {
      if ((await client.hasBlob(reference.repository, layer.digest)) !== undefined) continue;
      // Same registry: mount the base's layer into the target repository, nothing travels.
      if (sameRegistry && (await client.mountBlob(reference.repository, layer.digest, base.repository))) continue;
      await copyBlob(baseClient, base.repository, client, reference.repository, layer);
    }
    for (const layer of [runtimeLayer, modelLayer]) {
      const result = await client.pushBlob(reference.repository, { digest: layer.digest, size: layer.size, openAt: (offset) => createReadStream(layer.file, { start: offset }) });
      logger.info(`${layer.comment}: ${result === 'exists' ? 'already in the registry, not sent' : result}.`);
    }
    await client.pushBlob(reference.repository, blobFromBuffer(image.config));
    for (const tag of tags) await client.putManifest(reference.repository, tag, image.manifest, image.manifestMediaType);
    return { image, runtimeLayer, modelLayer, size, pushed: { ...client.stats } };
  }
  if (options.layoutDir) {
    const blobs: Array<{ digest: string; file?: string; content?: Buffer }> = [
      { digest: runtimeLayer.digest, file: runtimeLayer.file },
      { digest: modelLayer.digest, file: modelLayer.file },
    ];
    for (const layer of baseLayers) blobs.push({ digest: layer.digest, content: await baseClient.getBlob(base.repository, layer.digest) });
    await writeOciLayout(options.layoutDir, image, blobs, options.layoutTag ?? 'latest');
  }
  return { image, runtimeLayer, modelLayer, size };
}

/** `scratch`, as in a Dockerfile's `FROM scratch`: the empty base, not an image to pull. */
export function isScratch(base: ImageReference): boolean {
  return base.registry === 'docker.io' && base.repository === 'library/scratch' && base.tag === undefined && base.digest === undefined;
}

/** A base layer from another registry (or one that would not mount): read it, then push it. */
async function copyBlob(from: RegistryClient, fromRepository: string, to: RegistryClient, toRepository: string, layer: { digest: string; size: number }): Promise<void> {
  const content = await from.getBlob(fromRepository, layer.digest);
  await to.pushBlob(toRepository, blobFromBuffer(content));
}
