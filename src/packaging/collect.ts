import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConfigurationError } from '../platform/errors.js';

/**
 * Turns what the user named (files, folders, globs) into the files of a bundle, safely: nothing
 * outside the workspace gets in, whether by `..`, an absolute path or a symbolic link.
 */
export interface CollectedFile {
  /** Absolute path of the file on disk (symbolic links resolved). */
  source: string;
  /** Path inside the bundle, POSIX. */
  bundlePath: string;
  /** As the user would recognize it: relative to the workspace. */
  display: string;
  executable: boolean;
}

export interface Collector {
  root: string;
  /** Expands a glob (already known to contain wildcards) to absolute paths of files. */
  glob(pattern: string): Promise<string[]>;
}

const WILDCARD = /[*?[\]{}]/;

/**
 * Each entry of `patterns` (one per line): a file goes to `<prefix>/<its name>`, a folder to
 * `<prefix>/<its name>/...` with everything under it, a glob's matches to `<prefix>/<their path
 * below the glob's fixed part>`. Two entries that land on one bundle path are an error.
 */
export async function collectFiles(collector: Collector, patterns: string[], prefix: string, inputName: string): Promise<CollectedFile[]> {
  const out: CollectedFile[] = [];
  for (const pattern of patterns) {
    if (WILDCARD.test(pattern)) {
      const base = globBase(pattern);
      const baseAbsolute = await insideWorkspace(collector.root, base === '' ? '.' : base, inputName);
      const matched = await collector.glob(pattern);
      if (matched.length === 0) throw new ConfigurationError(`${inputName}: no file matches ${pattern}`, { hint: 'Paths and globs are relative to the workspace; check the step that writes the model ran before this one.' });
      for (const file of matched) {
        const source = await insideWorkspace(collector.root, path.relative(collector.root, file), inputName);
        const rel = toPosix(path.relative(baseAbsolute, file));
        out.push(await describe(collector.root, source, file, `${prefix}/${rel}`));
      }
      continue;
    }
    const source = await insideWorkspace(collector.root, pattern, inputName);
    const info = await stat(source);
    const name = path.basename(path.resolve(collector.root, pattern));
    if (info.isDirectory()) {
      const files = await walk(collector.root, path.resolve(collector.root, pattern), inputName);
      if (files.length === 0) throw new ConfigurationError(`${inputName}: the folder ${pattern} is empty`, { hint: 'Point it at the folder the training step wrote the model into, after that step.' });
      for (const file of files) out.push(await describe(collector.root, file.source, file.given, `${prefix}/${name}/${toPosix(path.relative(path.resolve(collector.root, pattern), file.given))}`));
    } else if (info.isFile()) {
      out.push(await describe(collector.root, source, path.resolve(collector.root, pattern), `${prefix}/${name}`));
    } else {
      throw new ConfigurationError(`${inputName}: ${pattern} is not a regular file or a folder`, { hint: 'Package files and folders only.' });
    }
  }
  const seen = new Map<string, string>();
  for (const f of out) {
    const other = seen.get(f.bundlePath);
    if (other !== undefined && other !== f.display) {
      throw new ConfigurationError(`${inputName}: ${other} and ${f.display} would both be ${f.bundlePath} in the package`, { hint: 'Rename one, or give their common folder instead.' });
    }
    seen.set(f.bundlePath, f.display);
  }
  return out.filter((f, i) => out.findIndex((g) => g.bundlePath === f.bundlePath) === i);
}

/**
 * The absolute, link-free path of a user path, which must exist and stay inside the workspace. A
 * `..` that climbs out, an absolute path elsewhere, or a symbolic link that points out is refused.
 */
export async function insideWorkspace(root: string, userPath: string, inputName: string): Promise<string> {
  const rootReal = await realpath(root);
  const absolute = path.resolve(root, userPath);
  if (!isInside(path.resolve(root), absolute)) {
    throw new ConfigurationError(`${inputName}: ${userPath} is outside the workspace`, { hint: 'Package only files of the repository or written by earlier steps into it: no `..` above it, no absolute paths elsewhere.' });
  }
  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    const dangling = await lstat(absolute).then(
      (s) => s.isSymbolicLink(),
      () => false,
    );
    throw new ConfigurationError(dangling ? `${inputName}: ${userPath} is a symbolic link to nothing` : `${inputName}: file not found: ${userPath}`, {
      hint: 'Paths are relative to the workspace; check the spelling or the step that should have written it.',
    });
  }
  if (!isInside(rootReal, real)) {
    throw new ConfigurationError(`${inputName}: ${userPath} is a symbolic link to ${real}, outside the workspace`, { hint: 'Copy the file into the workspace instead of linking to it.' });
  }
  return real;
}

async function walk(root: string, dir: string, inputName: string): Promise<Array<{ source: string; given: string }>> {
  const out: Array<{ source: string; given: string }> = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const real = await insideWorkspace(root, path.relative(root, full), inputName);
    const info = await stat(real);
    if (info.isDirectory()) {
      if (entry.isSymbolicLink()) throw new ConfigurationError(`${inputName}: ${toPosix(path.relative(root, full))} is a symbolic link to a folder`, { hint: 'Replace it by the folder itself.' });
      out.push(...(await walk(root, full, inputName)));
    } else if (info.isFile()) {
      out.push({ source: real, given: full });
    }
  }
  return out;
}

async function describe(root: string, source: string, given: string, bundlePath: string): Promise<CollectedFile> {
  const info = await stat(source);
  return { source, bundlePath, display: toPosix(path.relative(root, given)), executable: (info.mode & 0o111) !== 0 };
}

/** The part of a glob before its first wildcard segment. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (WILDCARD.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Copies a file while hashing it: one read. */
export async function copyWithHash(source: string, target: string): Promise<{ sha256: string; size: number }> {
  await mkdir(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  await pipeline(createReadStream(source, { highWaterMark: 4 << 20 }), tap, createWriteStream(target));
  return { sha256: hash.digest('hex'), size };
}
