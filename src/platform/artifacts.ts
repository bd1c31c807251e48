import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Uploads files as one workflow-run artifact through the real @actions/artifact client, loaded only
 * when something is uploaded (it pulls in the Azure SDK).
 */
export interface UploadedArtifact {
  id?: number;
  name: string;
  size?: number;
  digest?: string;
}

export async function uploadFilesAsArtifact(
  name: string,
  files: Array<{ name: string; content: string | Buffer }>,
  stagingRoot: string,
  retentionDays?: number,
): Promise<UploadedArtifact> {
  const dir = path.join(stagingRoot, `artifact-${name}-${process.pid}-${Date.now()}`);
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    const target = path.join(dir, file.name);
    await writeFile(target, file.content);
    paths.push(target);
  }
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const result = await client.uploadArtifact(name, paths, dir, retentionDays ? { retentionDays } : {});
  return { id: result.id, name, size: result.size, digest: result.digest };
}

/** Uploads files already on disk (a model package can be large: nothing is read into memory). */
export async function uploadPathsAsArtifact(name: string, files: string[], root: string, retentionDays?: number): Promise<UploadedArtifact> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const result = await client.uploadArtifact(name, files, root, retentionDays ? { retentionDays } : {});
  return { id: result.id, name, size: result.size, digest: result.digest };
}

/** Downloads the newest artifact of this run with exactly this name into dir; undefined when there is none. */
export async function downloadArtifactByName(name: string, dir: string): Promise<string | undefined> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const { artifacts } = await client.listArtifacts({ latest: true });
  const artifact = artifacts.find((a) => a.name === name);
  if (!artifact) return undefined;
  await mkdir(dir, { recursive: true });
  const result = await client.downloadArtifact(artifact.id, { path: dir, expectedHash: artifact.digest });
  if (result.digestMismatch) throw new Error(`artifact ${name} does not match its recorded digest`);
  return dir;
}

/** Artifact names may not contain these characters. */
export function artifactSafeName(name: string): string {
  return name.replace(/[":<>|*?\\/\r\n]/g, '-');
}

/**
 * Downloads every artifact of this run whose name starts with `prefix` into its own folder under
 * `dir`, checking each download against the digest recorded at upload.
 */
export async function downloadArtifactsByPrefix(prefix: string, dir: string): Promise<Array<{ name: string; path: string }>> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const { artifacts } = await client.listArtifacts({ latest: true });
  const out: Array<{ name: string; path: string }> = [];
  for (const artifact of artifacts.filter((a) => a.name.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name))) {
    const target = path.join(dir, artifactSafeName(artifact.name));
    await mkdir(target, { recursive: true });
    const result = await client.downloadArtifact(artifact.id, { path: target, expectedHash: artifact.digest });
    if (result.digestMismatch) throw new Error(`artifact ${artifact.name} does not match its recorded digest`);
    out.push({ name: artifact.name, path: target });
  }
  return out;
}

/** What an action may do with run artifacts; absent where there is no runner (the CLI). */
export interface ArtifactStore {
  upload(name: string, files: Array<{ name: string; content: string | Buffer }>): Promise<UploadedArtifact>;
  uploadPaths(name: string, files: string[], root: string, retentionDays?: number): Promise<UploadedArtifact>;
  downloadByPrefix(prefix: string): Promise<Array<{ name: string; path: string }>>;
  /** The folder it was downloaded into, or undefined when this run has no artifact of that name. */
  downloadByName(name: string): Promise<string | undefined>;
}
