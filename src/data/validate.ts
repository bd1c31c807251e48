import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../platform/logger.js';
import { silentLogger } from '../platform/logger.js';
import { buildReport, FindingCollector, type Chart, type Finding, type Report, type Table } from '../platform/report.js';
import type { ReadOptions } from './batch.js';
import { computeDrift, driftChart, driftReportParts, formatNumber, resolveDriftConfig, type DriftSummary } from './drift.js';
import { DatasetProfile, type ColumnSummary } from './profile.js';
import { SPLIT_MIN_BYTES, SplitControl } from './readers/csv-split.js';
import { detectFormat } from './readers/index.js';
import { scanDataset, type CheckResult, type DataFile, type ScanOptions, type ScanState } from './scan.js';
import type { ScanHelper } from './scan-worker.js';
import type { DataSchema } from './schema.js';

export type { CheckResult, DataFile } from './scan.js';

/** Where the reference comes from: data read now, or a profile saved by an earlier run. */
export type ReferenceSource = { kind: 'data'; files: DataFile[]; name: string; read?: ReadOptions } | { kind: 'profile'; profile: DatasetProfile; name: string };

export interface ValidateDataOptions {
  files: DataFile[];
  schema: DataSchema;
  schemaFile: string;
  schemaLineOf?: (path: ReadonlyArray<string | number>) => number | undefined;
  read?: ReadOptions;
  reference?: ReferenceSource;
  findingLimit?: number;
  logger?: Logger;
  now?: () => Date;
  /**
   * A second thread (the action passes a worker): it reads the reference while the data is read
   * here, then takes over the end of the data file when that is one large plain CSV file. Without
   * it everything is read here, one after the other.
   */
  helper?: ScanHelper;
}

export interface ValidateDataDetails {
  files: Array<{ file: string; rows: number }>;
  rows: number;
  columns: string[];
  checks: CheckResult[];
  failedChecks: number;
  violations: number;
  schema: string;
  profile: ColumnSummary[];
  drift?: Omit<DriftSummary, 'columns'> & { columns: Array<Omit<DriftSummary['columns'][number], 'shape'>>; reference: string };
}

export interface ValidateDataResult {
  report: Report;
  scan: ScanState;
  drift?: DriftSummary;
}

/** Scans the data (and the reference, in parallel), then judges: checks, profile, drift. */
export async function validateDataset(options: ValidateDataOptions): Promise<ValidateDataResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const logger = options.logger ?? silentLogger;
  const base = { schema: options.schema, schemaFile: options.schemaFile, findingLimit: options.findingLimit };
  const dataOptions: ScanOptions = { ...base, schemaLineOf: options.schemaLineOf, files: options.files, read: options.read, logger, missingColumns: 'error', checkRules: true };
  const reference = options.reference;
  const referenceOptions: ScanOptions | undefined =
    reference?.kind === 'data'
      ? { ...base, files: reference.files, read: reference.read ?? options.read, logger, missingColumns: 'tolerate', checkRules: false, findingLimit: 1, profile: 'drift' }
      : undefined;
  const helper = options.helper;
  const control = helper && splittable(options.files, options.read) ? new SplitControl() : undefined;
  const pairsDir = control && mkdtempSync(path.join(os.tmpdir(), 'mlops-split-'));
  const tail = control ? { options: dataOptions, shared: control.shared, pairsDir: pairsDir! } : undefined;
  const run = helper && (referenceOptions || tail) ? helper({ reference: referenceOptions, tail }) : undefined;
  let state: ScanState;
  let referenceState: ScanState | undefined;
  try {
    const split = control && run?.tail ? { control, tail: () => run.tail!.then((t) => t ?? Promise.reject(new Error('the helper took no part of the file'))) } : undefined;
    const dataScan = scanDataset({ ...dataOptions, split });
    const referenceScan = referenceOptions && (run?.reference ?? scanDataset(referenceOptions));
    [state, referenceState] = await Promise.all([dataScan, referenceScan]);
  } finally {
    await run?.stop();
    if (pairsDir) rmSync(pairsDir, { recursive: true, force: true });
  }
  const referenceProfile = reference?.kind === 'profile' ? reference.profile : referenceState ? DatasetProfile.fromJSON(referenceState.profile) : undefined;
  const extra: Finding[] = [];
  if (referenceState) {
    for (const m of referenceState.missingColumns) {
      extra.push({ severity: 'warning', rule: 'reference.missing_column', subject: m.name, file: m.file, message: `the reference has no column "${m.name}": it is not compared` });
    }
  }
  return judgeScan(state, { ...options, startedAt, now, reference: referenceProfile && reference ? { profile: referenceProfile, name: reference.name } : undefined, extraFindings: extra });
}

/** One plain (not compressed) CSV file, big enough that a second reader is worth its start. */
function splittable(files: DataFile[], read: ReadOptions | undefined): boolean {
  if (files.length !== 1) return false;
  const detected = detectFormat(files[0]!.displayName, read?.format);
  if (detected.format !== 'csv' || detected.gzip) return false;
  try {
    return statSync(files[0]!.path).size >= SPLIT_MIN_BYTES;
  } catch {
    return false; // the reader says what is wrong with it
  }
}

export interface JudgeOptions {
  schema: DataSchema;
  schemaFile: string;
  schemaLineOf?: (path: ReadonlyArray<string | number>) => number | undefined;
  findingLimit?: number;
  startedAt: Date;
  now: () => Date;
  reference?: { profile: DatasetProfile; name: string };
  extraFindings?: Finding[];
}

/** The verdict and report from a scan (one pass, or merged shards) and an optional reference. */
export function judgeScan(state: ScanState, options: JudgeOptions): ValidateDataResult {
  const { schema } = options;
  const findings = new FindingCollector(options.findingLimit);
  // Columns are scanned one at a time per batch; a person reads findings in file and line order.
  const fileOrder = new Map(state.profile.files.map((f, i) => [f.file, i]));
  const rowFindings = [...state.findings].sort((a, b) => (fileOrder.get(a.file ?? '') ?? 0) - (fileOrder.get(b.file ?? '') ?? 0) || (a.line ?? 0) - (b.line ?? 0));
  for (const f of rowFindings) findings.add(f);
  // Findings counted in the scan but not kept (past the limit) still count.
  for (const k of ['error', 'warning', 'notice'] as const) findings.counts[k] = state.findingCounts[k];
  const profile = DatasetProfile.fromJSON(state.profile);
  const datasetChecks: CheckResult[] = [];
  const addDataset = (f: Finding) => {
    findings.add(f);
    // Dataset-level findings go before row findings in the list a person reads first.
    findings.kept.unshift(findings.kept.pop()!);
  };

  if (schema.unknown_columns !== 'ignore') {
    const check: CheckResult = { column: '(dataset)', rule: 'unknown_columns', failures: 0 };
    for (const u of state.unknownColumns) {
      check.failures++;
      check.first ??= { file: u.file, line: u.line, value: u.name };
      addDataset({ severity: schema.unknown_columns === 'error' ? 'error' : 'warning', rule: 'unknown_columns', message: `column "${u.name}" is not declared in the schema`, file: u.file, line: u.line, subject: u.name });
    }
    datasetChecks.push(check);
  }
  const checks = state.checks.map((c) => ({ ...c }));
  for (const check of checks.filter((c) => c.rule === 'max_null_fraction')) {
    const column = profile.columns.get(check.column)!;
    const total = column.count + column.nulls + column.invalid;
    const fraction = total === 0 ? 0 : column.nulls / total;
    const limit = schema.columns[check.column]!.max_null_fraction!;
    check.failures = fraction > limit ? 1 : 0;
    if (check.failures) {
      addDataset({
        severity: 'error',
        rule: 'max_null_fraction',
        message: `${check.column}: ${formatPercent(fraction)} of values are null, more than the allowed ${formatPercent(limit)}`,
        subject: check.column,
        file: options.schemaFile,
        line: options.schemaLineOf?.(['columns', check.column, 'max_null_fraction']),
        value: `${column.nulls} of ${total}`,
      });
    }
  }
  if (schema.rows) {
    const { min, max } = schema.rows;
    if (min !== undefined) {
      const bad = profile.rows < min;
      datasetChecks.push({ column: '(dataset)', rule: 'rows.min', failures: bad ? 1 : 0 });
      if (bad) addDataset({ severity: 'error', rule: 'rows.min', message: `the dataset has ${formatCount(profile.rows)} rows, fewer than the minimum ${formatCount(min)}`, file: options.schemaFile, line: options.schemaLineOf?.(['rows', 'min']) });
    }
    if (max !== undefined) {
      const bad = profile.rows > max;
      datasetChecks.push({ column: '(dataset)', rule: 'rows.max', failures: bad ? 1 : 0 });
      if (bad) addDataset({ severity: 'error', rule: 'rows.max', message: `the dataset has ${formatCount(profile.rows)} rows, more than the maximum ${formatCount(max)}`, file: options.schemaFile, line: options.schemaLineOf?.(['rows', 'max']) });
    }
  }
  for (const f of options.extraFindings ?? []) findings.add(f);

  const allChecks = [...datasetChecks, ...checks];
  const failed = allChecks.filter((c) => c.failures > 0).sort((a, b) => b.failures - a.failures || a.column.localeCompare(b.column));
  const violations = failed.reduce((sum, c) => sum + c.failures, 0);
  const summaries = [...profile.columns.values()].map((c) => c.describe());

  const tables: Table[] = [];
  const charts: Chart[] = [];
  let drift: DriftSummary | undefined;
  if (options.reference) {
    drift = computeDrift(schema, profile, options.reference.profile);
    const parts = driftReportParts(drift, resolveDriftConfig(schema).column_severity, options.reference.name);
    for (const f of parts.findings) findings.add(f);
    tables.push(...parts.tables);
    charts.push(...parts.charts);
  }
  if (failed.length > 0) {
    tables.unshift({
      title: 'Failed checks',
      columns: ['column', 'rule', 'violations', 'first at', 'first value'],
      rows: failed.map((c) => [c.column, c.rule, c.failures, c.first ? `${c.first.file}:${c.first.line}` : '', c.first?.value ?? '']),
    });
    // A chart of current vs reference for each failed column that was compared and not charted yet.
    const failedColumns = new Set(failed.map((c) => c.column));
    for (const c of drift?.columns ?? []) if (failedColumns.has(c.column) && !c.drifted && charts.length < 12) charts.push(driftChart(c));
  }
  tables.push(profileTable(summaries));
  tables.push({ title: 'Files', columns: ['file', 'rows'], rows: profile.files.map((f) => [f.file, f.rows]) });

  const verdict = findings.counts.error > 0 ? 'fail' : 'pass';
  const fileWord = profile.files.length === 1 ? '1 file' : `${profile.files.length} files`;
  const warnings = findings.counts.warning;
  const driftText = drift ? ` ${drift.drifted} of ${drift.compared} columns drifted from ${options.reference!.name}${drift.datasetDrift ? ' (dataset drift)' : ''}.` : '';
  const headline =
    failed.length === 0
      ? `${formatCount(profile.rows)} rows in ${fileWord}: all ${allChecks.length} checks passed.${driftText}${warnings && !drift ? ` ${warnings} warning${warnings === 1 ? '' : 's'}.` : ''}`
      : `${formatCount(profile.rows)} rows in ${fileWord}: ${failed.length} of ${allChecks.length} checks failed, ${formatCount(violations)} violation${violations === 1 ? '' : 's'}.${driftText}`;

  const details: ValidateDataDetails = {
    files: profile.files,
    rows: profile.rows,
    columns: Object.keys(schema.columns),
    checks: allChecks,
    failedChecks: failed.length,
    violations,
    schema: options.schemaFile,
    profile: summaries,
    drift: drift
      ? { ...drift, columns: drift.columns.map(({ shape: _shape, ...rest }) => rest), reference: options.reference!.name }
      : undefined,
  };
  const report = buildReport(
    { action: 'validate-data', title: 'Data validation', verdict, headline, startedAt: options.startedAt, findings, tables, charts, details: details as unknown as Record<string, unknown> },
    options.now(),
  );
  return { report, scan: { ...state, checks }, drift };
}

function profileTable(summaries: ColumnSummary[]): Table {
  const fmt = (x: number | undefined, type: string) => (x === undefined ? null : type === 'timestamp' ? new Date(x).toISOString().slice(0, 10) : formatNumber(x));
  return {
    title: 'Profile',
    columns: ['column', 'type', 'count', 'nulls', 'distinct', 'min', 'p50', 'max', 'mean', 'std', 'top values'],
    rows: summaries.map((s) => [
      s.name,
      s.type,
      s.count,
      s.nulls,
      `${s.distinctError > 0 ? '≈' : ''}${s.distinct.toLocaleString('en-US')}`,
      fmt(s.min, s.type),
      fmt(s.quantiles?.p50, s.type),
      fmt(s.max, s.type),
      s.type === 'timestamp' ? null : fmt(s.mean, s.type),
      s.type === 'timestamp' ? null : fmt(s.std, s.type),
      s.top
        .slice(0, 3)
        .map((t) => `${String(t.value).slice(0, 20)} (${t.count.toLocaleString('en-US')})`)
        .join(', '),
    ]),
    note: 'Distinct counts marked ≈ come from a HyperLogLog sketch; quantiles from a KLL sketch once a column has more values than it keeps exactly. Their error bounds are in the JSON report.',
  };
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(fraction < 0.01 ? 2 : 1)}%`;
}
