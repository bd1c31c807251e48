import { ConfigurationError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { silentLogger } from '../platform/logger.js';
import { buildReport, FindingCollector, type Finding, type Report, type Table } from '../platform/report.js';
import { readCsvFile, type CsvField, type CsvOptions } from './csv.js';
import { parseTimestamp, parseTyped, type ColumnRule, type DataSchema } from './schema.js';

/** One file of the dataset: where to read it, and the name findings should show. */
export interface DataFile {
  path: string;
  displayName: string;
}

export interface ValidateDataOptions {
  files: DataFile[];
  schema: DataSchema;
  schemaFile: string;
  /** Line of a key in the schema file, so a schema-level problem points at it. */
  schemaLineOf?: (path: ReadonlyArray<string | number>) => number | undefined;
  csv?: CsvOptions;
  findingLimit?: number;
  logger?: Logger;
  now?: () => Date;
}

/** The outcome of one rule on one column, over the whole dataset. */
export interface CheckResult {
  column: string;
  rule: string;
  failures: number;
  first?: { file: string; line: number; value?: string };
}

export interface ValidateDataDetails {
  files: Array<{ file: string; rows: number }>;
  rows: number;
  columns: string[];
  checks: CheckResult[];
  failedChecks: number;
  violations: number;
  schema: string;
}

const MAX_SHOWN_VALUE = 80;

/** Compiled checks for one schema column: everything resolved once, so the per-row loop is tight. */
class ColumnChecker {
  readonly checks = new Map<string, CheckResult>();
  nulls = 0;
  values = 0;
  private readonly allowed?: Set<string>;
  private readonly pattern?: RegExp;
  private readonly min?: number;
  private readonly max?: number;
  private readonly seen?: Map<string, number>;

  constructor(
    readonly name: string,
    readonly rule: ColumnRule,
  ) {
    const add = (r: string) => this.checks.set(r, { column: name, rule: r, failures: 0 });
    add('type');
    if (!rule.nullable) add('nullable');
    if (rule.unique) {
      add('unique');
      this.seen = new Map();
    }
    if (rule.allowed) {
      add('allowed');
      this.allowed = new Set(rule.allowed.map((v) => String(v)));
    }
    if (rule.pattern !== undefined) {
      add('pattern');
      this.pattern = new RegExp(rule.pattern, 'u');
    }
    if (rule.min !== undefined) {
      add('min');
      this.min = boundValue(rule, 'min');
    }
    if (rule.max !== undefined) {
      add('max');
      this.max = boundValue(rule, 'max');
    }
    if (rule.max_null_fraction !== undefined) add('max_null_fraction');
  }

  check(raw: CsvField, file: string, line: number, report: (f: Finding) => void): void {
    if (raw === null) {
      this.nulls++;
      if (!this.rule.nullable) this.fail('nullable', file, line, undefined, `${this.name} is null but the schema says nullable: false`, report);
      return;
    }
    this.values++;
    const parsed = parseTyped(this.rule.type, raw);
    if (parsed === undefined) {
      this.fail('type', file, line, raw, `${this.name}: ${quote(raw)} is not a valid ${this.rule.type}`, report);
      return;
    }
    if (this.allowed && !this.allowed.has(typeof parsed === 'boolean' ? String(parsed) : raw)) {
      this.fail('allowed', file, line, raw, `${this.name}: ${quote(raw)} is not one of the allowed values`, report);
    }
    if (this.pattern && !this.pattern.test(raw)) {
      this.fail('pattern', file, line, raw, `${this.name}: ${quote(raw)} does not match ${this.rule.pattern}`, report);
    }
    if (typeof parsed === 'number') {
      if (this.min !== undefined && parsed < this.min) {
        this.fail('min', file, line, raw, `${this.name}: ${raw} is below the minimum ${String(this.rule.min)}`, report);
      }
      if (this.max !== undefined && parsed > this.max) {
        this.fail('max', file, line, raw, `${this.name}: ${raw} is above the maximum ${String(this.rule.max)}`, report);
      }
    }
    if (this.seen) {
      const key = typeof parsed === 'number' ? String(parsed) : raw;
      const firstLine = this.seen.get(key);
      if (firstLine === undefined) this.seen.set(key, line);
      else this.fail('unique', file, line, raw, `${this.name}: ${quote(raw)} repeats a value first seen on line ${firstLine}`, report);
    }
  }

  private fail(rule: string, file: string, line: number, value: string | undefined, message: string, report: (f: Finding) => void): void {
    const check = this.checks.get(rule)!;
    check.failures++;
    const shown = value === undefined ? undefined : shorten(value);
    check.first ??= { file, line, value: shown };
    report({ severity: 'error', rule, message, file, line, subject: this.name, value: shown });
  }
}

function boundValue(rule: ColumnRule, which: 'min' | 'max'): number {
  const value = rule[which]!;
  if (typeof value === 'number') return value;
  const ms = rule.type === 'timestamp' ? parseTimestamp(value) : undefined;
  if (ms === undefined) {
    throw new ConfigurationError(`${which}: ${JSON.stringify(value)} is not a number${rule.type === 'timestamp' ? ' or an ISO 8601 date' : ''}`, {
      hint: rule.type === 'timestamp' ? 'Write e.g. 2024-01-31 or 2024-01-31T12:00:00Z.' : 'Write a number without quotes.',
    });
  }
  return ms;
}

function shorten(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 1)}…` : value;
}

function quote(value: string): string {
  return JSON.stringify(shorten(value));
}

/** Validates every row of every file against the schema, streaming; returns the report. */
export async function validateDataset(options: ValidateDataOptions): Promise<Report> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const logger = options.logger ?? silentLogger;
  const findings = new FindingCollector(options.findingLimit);
  const add = (f: Finding) => findings.add(f);
  const { schema } = options;
  const columnNames = Object.keys(schema.columns);
  const checkers = columnNames.map((name) => {
    try {
      return new ColumnChecker(name, schema.columns[name]!);
    } catch (error) {
      if (error instanceof ConfigurationError) {
        throw new ConfigurationError(`schema column "${name}": ${error.message}`, {
          file: options.schemaFile,
          line: options.schemaLineOf?.(['columns', name]),
          hint: error.hint,
        });
      }
      throw error;
    }
  });
  const fileStats: Array<{ file: string; rows: number }> = [];
  const unknownColumns = new Map<string, { file: string; line: number }>();
  let totalRows = 0;

  if (options.files.length === 0) {
    throw new ConfigurationError('no data files matched', { hint: 'Check the `data` path or glob: it is relative to the workspace.' });
  }

  for (const file of options.files) {
    logger.info(`Reading ${file.displayName}`);
    let indexes: number[] = [];
    let rows = 0;
    await readCsvFile(
      file.path,
      file.displayName,
      {
        header(names, line) {
          const position = new Map(names.map((n, i) => [n, i]));
          indexes = columnNames.map((name) => {
            const at = position.get(name);
            if (at === undefined) {
              throw new ConfigurationError(`schema column "${name}" is not in the data (${file.displayName} has: ${names.join(', ')})`, {
                file: options.schemaFile,
                line: options.schemaLineOf?.(['columns', name]),
                hint: `Rename the column in the schema to match the data header, or remove it from ${options.schemaFile}.`,
              });
            }
            return at;
          });
          for (const name of names) {
            if (!(name in schema.columns) && !unknownColumns.has(name)) unknownColumns.set(name, { file: file.displayName, line });
          }
        },
        row(fields, line) {
          rows++;
          for (let c = 0; c < checkers.length; c++) checkers[c]!.check(fields[indexes[c]!]!, file.displayName, line, add);
        },
      },
      options.csv,
    );
    fileStats.push({ file: file.displayName, rows });
    totalRows += rows;
  }

  const datasetChecks: CheckResult[] = [];
  if (schema.unknown_columns !== 'ignore') {
    const check: CheckResult = { column: '(dataset)', rule: 'unknown_columns', failures: 0 };
    for (const [name, where] of unknownColumns) {
      check.failures++;
      check.first ??= { file: where.file, line: where.line, value: name };
      add({
        severity: schema.unknown_columns === 'error' ? 'error' : 'warning',
        rule: 'unknown_columns',
        message: `column "${name}" is not declared in the schema`,
        file: where.file,
        line: where.line,
        subject: name,
      });
    }
    datasetChecks.push(check);
  }
  for (const checker of checkers) {
    const check = checker.checks.get('max_null_fraction');
    if (!check) continue;
    const total = checker.nulls + checker.values;
    const fraction = total === 0 ? 0 : checker.nulls / total;
    if (fraction > checker.rule.max_null_fraction!) {
      check.failures = 1;
      add({
        severity: 'error',
        rule: 'max_null_fraction',
        message: `${checker.name}: ${formatPercent(fraction)} of values are null, more than the allowed ${formatPercent(checker.rule.max_null_fraction!)}`,
        subject: checker.name,
        file: options.schemaFile,
        line: options.schemaLineOf?.(['columns', checker.name, 'max_null_fraction']),
        value: `${checker.nulls} of ${total}`,
      });
    }
  }
  if (schema.rows) {
    const { min, max } = schema.rows;
    for (const [rule, bad, text] of [
      ['rows.min', min !== undefined && totalRows < min, `the dataset has ${formatCount(totalRows)} rows, fewer than the minimum ${formatCount(min ?? 0)}`],
      ['rows.max', max !== undefined && totalRows > max, `the dataset has ${formatCount(totalRows)} rows, more than the maximum ${formatCount(max ?? 0)}`],
    ] as const) {
      if ((rule === 'rows.min' && min === undefined) || (rule === 'rows.max' && max === undefined)) continue;
      const check: CheckResult = { column: '(dataset)', rule, failures: bad ? 1 : 0 };
      datasetChecks.push(check);
      if (bad) {
        add({ severity: 'error', rule, message: text, file: options.schemaFile, line: options.schemaLineOf?.(['rows', rule.slice(5)]) });
      }
    }
  }

  const checks = [...datasetChecks, ...checkers.flatMap((c) => [...c.checks.values()])];
  const failed = checks.filter((c) => c.failures > 0).sort((a, b) => b.failures - a.failures || a.column.localeCompare(b.column));
  const violations = failed.reduce((sum, c) => sum + c.failures, 0);
  const verdict = findings.counts.error > 0 ? 'fail' : 'pass';
  const fileWord = options.files.length === 1 ? '1 file' : `${options.files.length} files`;
  const headline =
    failed.length === 0
      ? `${formatCount(totalRows)} rows in ${fileWord}: all ${checks.length} checks passed${findings.counts.warning ? ` (${findings.counts.warning} warning${findings.counts.warning === 1 ? '' : 's'})` : ''}.`
      : `${formatCount(totalRows)} rows in ${fileWord}: ${failed.length} of ${checks.length} checks failed, ${formatCount(violations)} violation${violations === 1 ? '' : 's'}.`;

  const tables: Table[] = [];
  if (failed.length > 0) {
    tables.push({
      title: 'Failed checks',
      columns: ['column', 'rule', 'violations', 'first at', 'first value'],
      rows: failed.map((c) => [c.column, c.rule, c.failures, c.first ? `${c.first.file}:${c.first.line}` : '', c.first?.value ?? '']),
    });
  }
  tables.push({
    title: 'Columns',
    columns: ['column', 'type', 'nulls', 'checks', 'violations'],
    rows: checkers.map((c) => {
      const cs = [...c.checks.values()];
      return [c.name, c.rule.type, c.nulls, cs.map((x) => x.rule).join(', '), cs.reduce((s, x) => s + x.failures, 0)];
    }),
  });
  tables.push({ title: 'Files', columns: ['file', 'rows'], rows: fileStats.map((f) => [f.file, f.rows]) });

  const details: ValidateDataDetails = {
    files: fileStats,
    rows: totalRows,
    columns: columnNames,
    checks,
    failedChecks: failed.length,
    violations,
    schema: options.schemaFile,
  };
  return buildReport(
    { action: 'validate-data', title: 'Data validation', verdict, headline, startedAt, findings, tables, details: details as unknown as Record<string, unknown> },
    now(),
  );
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(fraction < 0.01 ? 2 : 1)}%`;
}
