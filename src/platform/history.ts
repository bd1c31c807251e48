import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from './report.js';
import { reportSchema } from './report.js';

/**
 * Keeps each run's report in the Actions cache, keyed by action, job and branch, so a later run can
 * compare itself with the newest report of a branch (restore-key prefix match: newest wins). Cache
 * entries are immutable, so every run writes its own key.
 */
const HISTORY_DIR = '.mlops-actions/history';

export interface HistoryScope {
  action: string;
  job: string;
  workspace: string;
}

function sanitize(part: string): string {
  return part.replace(/[,\s]/g, '_');
}

function keyPrefix(scope: HistoryScope, branch: string): string {
  return `mlops-actions-history-${sanitize(scope.action)}-${sanitize(scope.job)}-${sanitize(branch)}-`;
}

/** Relative to the workspace: the cache version hashes the path list, so it must not vary by machine. */
function historyPath(scope: HistoryScope): string {
  return `${HISTORY_DIR}/${sanitize(scope.action)}`;
}

export async function saveReportToHistory(scope: HistoryScope, branch: string, runKey: string, report: Report): Promise<string | undefined> {
  const rel = historyPath(scope);
  const dir = path.join(scope.workspace, rel);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'report.json'), JSON.stringify(report));
  const cache = await import('@actions/cache');
  const key = `${keyPrefix(scope, branch)}${sanitize(runKey)}`;
  try {
    // The cache client resolves paths against GITHUB_WORKSPACE, which is scope.workspace on a runner.
    const id = await cache.saveCache([rel], key);
    return id === -1 ? undefined : key;
  } finally {
    await rm(path.join(scope.workspace, HISTORY_DIR), { recursive: true, force: true });
  }
}

export interface HistoricReport {
  key: string;
  report: Report;
}

export async function restoreReportFromHistory(scope: HistoryScope, branch: string): Promise<HistoricReport | undefined> {
  const rel = historyPath(scope);
  const cache = await import('@actions/cache');
  const prefix = keyPrefix(scope, branch);
  try {
    const matched = await cache.restoreCache([rel], prefix, [prefix]);
    if (!matched) return undefined;
    const parsed = reportSchema.safeParse(JSON.parse(await readFile(path.join(scope.workspace, rel, 'report.json'), 'utf8')));
    return parsed.success ? { key: matched, report: parsed.data } : undefined;
  } finally {
    await rm(path.join(scope.workspace, HISTORY_DIR), { recursive: true, force: true });
  }
}
