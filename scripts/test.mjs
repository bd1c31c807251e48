// `npm test`: installs dependencies when they are missing or stale, runs vitest with its usual
// output streamed, then prints one plain summary line computed from vitest's JSON report:
//
//   N passed, N failed[, N skipped]
//
// That line is always the last thing printed, and the exit code is non-zero when anything failed
// (including a test file that could not even load) or when vitest produced no report at all.
// Extra arguments go to vitest: `npm test -- test/unit`, `npm test -- -t "csv"`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureExtraDevDependencies } from './dev-extras.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestArgs = process.argv.slice(2);

ensureDependencies();

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-actions-test-'));
const jsonFile = path.join(tmp, 'vitest.json');
const vitest = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
const run = spawnSync(vitest, ['run', '--reporter=default', '--reporter=json', `--outputFile=${jsonFile}`, ...vitestArgs], {
  cwd: root,
  stdio: 'inherit',
});

const summary = summarize(run, jsonFile);
rmSync(tmp, { recursive: true, force: true });
for (const note of summary.notes) console.log(note);
const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : '';
console.log(`${summary.passed} passed, ${summary.failed} failed${skipped}`);
process.exitCode = summary.failed > 0 ? 1 : 0;

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
function ensureDependencies() {
  const lock = path.join(root, 'package-lock.json');
  const modules = path.join(root, 'node_modules');
  let reason;
  if (!existsSync(modules)) {
    reason = 'node_modules is missing';
  } else if (existsSync(lock)) {
    // npm writes node_modules/.package-lock.json on every install; it is the best "installed at".
    const hidden = path.join(modules, '.package-lock.json');
    const installedAt = statSync(existsSync(hidden) ? hidden : modules).mtimeMs;
    // `npm install` writes both lock files within milliseconds, in either order: allow a second.
    if (statSync(lock).mtimeMs > installedAt + 1000) reason = 'node_modules is older than package-lock.json';
  }
  if (reason) {
    console.log(`${reason}: running npm ci`);
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (ci.status !== 0) {
      console.log('npm ci failed: no tests were run');
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
  if (!ensureExtraDevDependencies(root)) {
    console.log('installing the extra development tools failed: no tests were run');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

/**
 * Counts from vitest's JSON report. A test file that failed without a failed test in it (an import
 * error, a throwing beforeAll) counts as one failure, and so does a run that vitest itself ended
 * as failed (an unhandled error) when no test failed: a red run never reads "0 failed".
 */
function summarize(result, file) {
  const notes = [];
  if (result.error) notes.push(`vitest could not be started: ${result.error.message}`);
  const exit = result.status ?? (result.signal ? `signal ${result.signal}` : 'unknown');
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    notes.push(`vitest produced no JSON report (exit ${exit}): counting the run as one failure`);
    return { passed: 0, failed: 1, skipped: 0, notes };
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed').length;
    if (suite.status === 'failed' && failedTests === 0) {
      failed += 1;
      const firstLine = String(suite.message ?? '').split('\n').find((line) => line.trim() !== '') ?? 'no message';
      notes.push(`failed without a failed test: ${path.relative(root, suite.name)}: ${firstLine}`);
    }
  }
  if (failed === 0 && (result.status !== 0 || report.success === false)) {
    failed = 1;
    notes.push(`vitest reported the run as failed (exit ${exit}) with no failed test, e.g. an unhandled error or no test files: counting one failure`);
  }
  return { passed, failed, skipped, notes };
}
