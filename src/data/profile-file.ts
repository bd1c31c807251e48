import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../platform/errors.js';
import { PROFILE_FORMAT, PROFILE_VERSION } from './profile.js';
import type { ScanState } from './scan.js';

/**
 * The saved profile of a dataset: its mergeable column profiles and the outcome of its checks. It
 * is what `mode: profile` writes for each shard, what `mode: merge` combines, and what `reference`
 * can point at instead of reference data (e.g. the training set's profile kept in the repository).
 */
export interface ProfileFile extends ScanState {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  /** The schema file the checks ran against. */
  schema: string;
}

export function toProfileFile(scan: ScanState, schema: string): ProfileFile {
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, schema, ...scan };
}

export function isProfilePath(path: string): boolean {
  return /\.json$/i.test(path);
}

export async function readProfileFile(path: string, displayName: string): Promise<ProfileFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigurationError('profile not found', { file: displayName, hint: 'Check the path, or the step that should have downloaded it.' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`not valid JSON: ${(error as Error).message}`, { file: displayName, line: 1, hint: 'A saved profile is the JSON file validate-data writes at profile-path.' });
  }
  const v = value as Partial<ProfileFile> | null;
  if (!v || typeof v !== 'object' || v.format !== PROFILE_FORMAT) {
    throw new ConfigurationError('not a validate-data profile', { file: displayName, line: 1, hint: `A saved profile has "format": "${PROFILE_FORMAT}"; write one with mode: profile or take profile-path from an earlier run.` });
  }
  if (v.version !== PROFILE_VERSION) {
    throw new ConfigurationError(`profile version ${String(v.version)} is not supported (this version reads ${PROFILE_VERSION})`, { file: displayName, line: 1, hint: 'Write the profile again with this version of validate-data.' });
  }
  if (!v.profile || !Array.isArray(v.checks)) {
    throw new ConfigurationError('the profile is incomplete (no profile or checks)', { file: displayName, line: 1, hint: 'Write the profile again with mode: profile.' });
  }
  return v as ProfileFile;
}
