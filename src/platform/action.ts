import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ConfigurationError } from './errors.js';
import type { RunEnvironment } from './environment.js';
import type { ArtifactStore } from './artifacts.js';
import type { Attestation, AttestationSubject } from './attest.js';
import type { CacheStore } from './cache.js';
import type { HistoricReport } from './history.js';
import type { Logger } from './logger.js';
import type { Report } from './report.js';

/**
 * What an action is, independent of where it runs: its input schema (keyed by the action.yml
 * names) and a run function from typed inputs to a report. The runner entry and the CLI both run
 * the same definition; only publishing differs.
 */
export interface ActionDefinition<S extends z.ZodObject = z.ZodObject> {
  name: string;
  inputs: S;
  /**
   * Listens to `context.signal`: on the runner's cancel (SIGINT, then SIGTERM) it stops its work
   * and still returns a report. Other actions keep node's default: the signal ends the process.
   */
  cancellable?: boolean;
  run(inputs: z.output<S>, context: ActionContext): Promise<ActionOutcome>;
}

export interface ActionOutcome {
  report: Report;
  /** Action-specific step outputs, besides verdict and report-path which every action sets. */
  outputs?: Record<string, string>;
}

export interface ActionContext {
  run: RunEnvironment;
  logger: Logger;
  workspace: WorkspacePaths;
  /** The newest report this action and job saved on a branch; absent where there is no cache (CLI). */
  restoreHistory?: (branch: string) => Promise<HistoricReport | undefined>;
  /** Run artifacts; absent where there is no runner (the CLI). */
  artifacts?: ArtifactStore;
  /** The bundle file, to start worker threads from; absent when running from sources (tests). */
  workerEntry?: string;
  /**
   * A workspace file's text on the pull request's base branch (undefined when it is not there);
   * absent outside a pull request or without a token (the gates-file diff is then left out).
   */
  readFileAtBase?: (relativePath: string) => Promise<string | undefined>;
  /** The Actions cache; absent where there is no runner (the CLI). */
  cache?: CacheStore;
  /** Aborted when the run is cancelled (only for a `cancellable` action). */
  signal?: AbortSignal;
  /**
   * The environment a command run by the action starts from: what a `run:` step would see, without
   * the action's own inputs and runtime tokens.
   */
  commandEnv?: Record<string, string>;
  /** Masks a secret in the log from now on (a registry password); absent outside a runner. */
  secret?: (value: string) => void;
  /** A folder for temporary files (RUNNER_TEMP on a runner); the OS temp folder when absent. */
  scratch?: string;
  /**
   * A signed build-provenance attestation of a file; absent outside a runner. Resolves to the
   * reason it was skipped when the job lacks `id-token: write` / `attestations: write`.
   */
  attest?: (subject: AttestationSubject) => Promise<Attestation>;
}

/** Resolves user-given paths against the workspace and shows them relative to it. */
export class WorkspacePaths {
  constructor(readonly root: string) {}

  resolve(userPath: string): string {
    return path.resolve(this.root, userPath);
  }

  display(absolute: string): string {
    const rel = path.relative(this.root, absolute);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel.split(path.sep).join('/');
  }

  /**
   * A path or a glob to a sorted list of files. A plain path that does not exist, or a glob that
   * matches nothing, is a configuration error naming the input.
   */
  async expand(pattern: string, inputName: string): Promise<Array<{ path: string; displayName: string }>> {
    const entries = pattern
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const found = new Set<string>();
    for (const entry of entries) {
      if (!/[*?[\]{}]/.test(entry) && !entry.startsWith('!')) {
        const absolute = this.resolve(entry);
        const info = await stat(absolute).catch(() => undefined);
        if (!info) {
          throw new ConfigurationError(`${inputName}: file not found: ${entry}`, {
            hint: 'Paths are relative to the workspace (the repository root); check the spelling or the step that should have created it.',
          });
        }
        if (info.isDirectory()) {
          throw new ConfigurationError(`${inputName}: ${entry} is a directory`, { hint: `Name the files, or use a glob such as ${entry.replace(/\/$/, '')}/*.csv.` });
        }
        found.add(absolute);
      }
    }
    const globs = entries.filter((e) => /[*?[\]{}]/.test(e) || e.startsWith('!'));
    if (globs.length > 0) {
      const glob = await import('@actions/glob');
      const globber = await glob.create(globs.map((g) => (g.startsWith('!') ? `!${this.resolve(g.slice(1))}` : this.resolve(g))).join('\n'), {
        matchDirectories: false,
        implicitDescendants: false,
      });
      const matched = await globber.glob();
      if (matched.length === 0 && found.size === 0) {
        throw new ConfigurationError(`${inputName}: no file matches ${globs.join(', ')}`, {
          hint: 'The pattern is relative to the workspace; check it with `ls` in a previous step.',
        });
      }
      for (const m of matched) found.add(m);
    }
    return [...found].sort().map((p) => ({ path: p, displayName: this.display(p) }));
  }
}
