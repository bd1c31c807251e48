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

/** Artifact names may not contain these characters. */
export function artifactSafeName(name: string): string {
  return name.replace(/[":<>|*?\\/\r\n]/g, '-');
}
