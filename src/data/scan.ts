import { statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { silentLogger } from '../platform/logger.js';
import { FindingCollector, type Finding } from '../platform/report.js';
import { hashBytes, hashNumber, hashString } from '../stats/distinct-sketch.js';
import { FIELD_NULL, FIELD_QUOTED_ESCAPED, type BatchSink, type BytesColumn, type ReadOptions, type RowBatch, type ValuesColumn } from './batch.js';
import { driftCompares } from './drift.js';
import { ColumnProfile, DatasetProfile, type DatasetProfileState } from './profile.js';
import { readDataFile } from './readers/index.js';
import { ShortKeys } from './short-keys.js';
import { claimTail, type SplitControl } from './readers/csv-split.js';
import { firstValueOf, forEachPair, packPosition, UniqueChecker, UniquePairWriter, unpack, ValueOrder } from './unique.js';
import { parseTimestamp, parseTyped, type ColumnRule, type ColumnType, type DataSchema } from './schema.js';
import { fieldText, parseBooleanBytes, parseIntegerBytes, parseNumberBytes, parseTimestampBytes } from './typed.js';

/**
 * One pass over a dataset: every value is typed once, checked against its column's rules (each
 * violation a finding at its file and line) and added to the column's profile. The result is a
 * ScanState: serialisable and mergeable, so shards of a matrix, or the data and its reference read
 * in parallel, combine into one.
 */
export interface DataFile {
  path: string;
  displayName: string;
}

/** The outcome of one rule on one column. */
export interface CheckResult {
  column: string;
  rule: string;
  failures: number;
  first?: { file: string; line: number; value?: string };
}

export interface ScanState {
  profile: DatasetProfileState;
  checks: CheckResult[];
  findings: Finding[];
  findingCounts: { error: number; warning: number; notice: number };
  unknownColumns: Array<{ name: string; file: string; line: number }>;
  /** Schema columns a file did not have (only when missing columns are tolerated, as for a reference). */
  missingColumns: Array<{ name: string; file: string }>;
}

export interface ScanOptions {
  files: DataFile[];
  schema: DataSchema;
  schemaFile: string;
  schemaLineOf?: (path: ReadonlyArray<string | number>) => number | undefined;
  read?: ReadOptions;
  findingLimit?: number;
  logger?: Logger;
  /** `error` (the data): a schema column absent from a file is a configuration error. `tolerate` (a reference): noted. */
  missingColumns?: 'error' | 'tolerate';
  /** Per-row rule checks; a reference is only profiled. */
  checkRules?: boolean;
  /**
   * `drift`: a reference's profile, with only what drift reads (computeDrift): counts, moments and
   * quantiles of numbers (exact counts of numbers while few, which the quantiles come from), top
   * values of categories; no distinct counts, and the columns drift does not compare (free text,
   * identifiers) only counted. Default `full`.
   */
  profile?: 'full' | 'drift';
  /** Internal: distinct values a `unique` check holds in memory before it spills to disk (tests use a few). */
  uniqueMemoryEntries?: number;
  /**
   * Internal: the dataset's one plain CSV file is read with a helper, which may take over its end
   * (see readers/csv-split.ts); `tail` gives the helper's scan of that part once it is done.
   */
  split?: { control: SplitControl; tail: () => Promise<TailScan> };
  /**
   * Internal: this scan is the helper's: the records of the dataset's one file from `startAt` on, lines
   * counted from 1 there, the values of `unique` columns written to files in `pairsDir` (pairsFile).
   */
  tail?: { startAt: number; pairsDir: string };
}

/** The helper's scan of the end of a file, for the head to take in (see ScanOptions.split). */
export interface TailScan {
  state: ScanState;
  /** The files of (hash, line) pairs of the `unique` columns, by column name. */
  uniquePairs: Record<string, string>;
}

/** The file a tail scan writes the values of `unique` column `index` to. */
export function pairsFile(pairsDir: string, index: number): string {
  return path.join(pairsDir, `unique-${index}.bin`);
}

const MAX_SHOWN_VALUE = 80;
/** A fixed set of 53-bit hashes (the allowed values of a column), probed without boxing a number. */
class HashSet53 {
  private readonly keys: Float64Array;

  constructor(hashes: number[]) {
    this.keys = new Float64Array(2 ** Math.ceil(Math.log2(2 * hashes.length + 2)));
    const mask = this.keys.length - 1;
    for (const hash of hashes) {
      let i = (hash >>> 0) & mask;
      while (this.keys[i] !== 0 && this.keys[i] !== hash + 1) i = (i + 1) & mask;
      this.keys[i] = hash + 1; // 0 marks an empty slot
    }
  }

  has(hash: number): boolean {
    const mask = this.keys.length - 1;
    for (let i = (hash >>> 0) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === hash + 1) return true;
      if (k === 0) return false;
    }
  }
}

function shorten(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 1)}…` : value;
}

/**
 * Rules and profile of one schema column, resolved once so the per-value work is small: a value is
 * typed from its bytes, checked, and added to the profile by its hash; its text is made only when a
 * rule or a new top value needs it. Numbers are gathered per batch and handed to the profile at once.
 */
class ColumnScanner {
  readonly checks = new Map<string, CheckResult>();
  /** Hashes of the allowed values of a text column (hashString), so a value is checked without its text. */
  private readonly allowedHashes?: HashSet53;
  private readonly allowedNumbers?: Set<number>;
  private readonly pattern?: RegExp;
  private readonly min: number;
  private readonly max: number;
  private readonly seen?: UniqueChecker | UniquePairWriter;
  /** The order of a `unique` column's values, while they come in increasing order (see UniqueChecker). */
  private readonly order = new ValueOrder();
  /** The index of the file being read, in `files`. */
  fileIndex = 0;
  /** This batch's valid numbers, handed to the profile in one call. */
  private pending = new Float64Array(1024);
  private pendingCount = 0;
  private readonly numericType: boolean;
  /** True when each text value is needed (a pattern to test); else only new keys and failures make text. */
  private readonly needsText: boolean;
  /** Short known values of a categorical column, counted by their bytes (see ShortKeys); undefined where each value needs its own look. */
  private shortKeys: ShortKeys | undefined;
  private readonly addKnown = (hash: number, count: number): void => {
    this.profile.addKnownKey(hash, count);
  };

  constructor(
    readonly name: string,
    readonly rule: ColumnRule,
    readonly profile: ColumnProfile,
    readonly checking: boolean,
    private readonly emit: (f: Finding) => void,
    /** Display names of the dataset's files, by index. */
    private readonly files: readonly string[],
    unique: { memoryEntries?: number; expectedEntries: number; pairsFile?: string },
    /** Only values and nulls are counted: a column a profile for drift alone does not compare (not with checks). */
    private readonly countOnly = false,
  ) {
    const add = (r: string) => this.checks.set(r, { column: name, rule: r, failures: 0 });
    this.numericType = rule.type === 'integer' || rule.type === 'number' || rule.type === 'timestamp';
    add('type');
    if (!rule.nullable) add('nullable');
    if (rule.unique) {
      add('unique');
      if (checking) this.seen = unique.pairsFile === undefined ? new UniqueChecker(unique.memoryEntries, unique.expectedEntries) : new UniquePairWriter(unique.pairsFile);
    }
    if (rule.allowed) {
      add('allowed');
      if (this.numericType) this.allowedNumbers = new Set(rule.allowed.map((v) => Number(v)));
      else this.allowedHashes = new HashSet53(rule.allowed.map((v) => hashString(String(v))));
    }
    if (rule.pattern !== undefined) {
      add('pattern');
      this.pattern = new RegExp(rule.pattern, 'u');
    }
    this.needsText = checking && this.pattern !== undefined;
    if (!this.needsText && !(checking && this.seen !== undefined) && (rule.type === 'category' || rule.type === 'string')) this.shortKeys = new ShortKeys();
    this.min = rule.min === undefined ? -Infinity : boundValue(rule, 'min');
    this.max = rule.max === undefined ? Infinity : boundValue(rule, 'max');
    if (rule.min !== undefined) add('min');
    if (rule.max !== undefined) add('max');
    if (rule.max_null_fraction !== undefined) add('max_null_fraction');
  }

  scanBytes(col: BytesColumn, rows: number, positions: Float64Array, file: string, quote: number): void {
    const type = this.rule.type;
    if (this.countOnly) this.scanCounts(col.flags, rows);
    else if (type === 'integer') this.scanNumbers(col, rows, positions, file, quote, PARSE_INTEGER);
    else if (type === 'number') this.scanNumbers(col, rows, positions, file, quote, PARSE_NUMBER);
    else if (type === 'timestamp') this.scanNumbers(col, rows, positions, file, quote, PARSE_TIMESTAMP);
    else if (type === 'boolean') this.scanBooleans(col, rows, positions, file, quote);
    else this.scanKeys(col, rows, positions, file, quote);
  }

  /** One loop per kind of column, so the common path of each is a few lines with nothing to dispatch. */
  private scanNumbers(col: BytesColumn, rows: number, positions: Float64Array, file: string, quote: number, parse: number): void {
    const { buf, start, end, flags } = col;
    if (this.pending.length < rows) this.pending = new Float64Array(rows);
    const pending = this.pending;
    let n = this.pendingCount;
    const checking = this.checking;
    const min = this.min;
    const max = this.max;
    const otherRules = this.allowedNumbers !== undefined || this.pattern !== undefined || this.seen !== undefined;
    for (let r = 0; r < rows; r++) {
      const flag = flags[r]!;
      if (flag === FIELD_NULL) {
        this.onNull(file, positions[r]!);
        continue;
      }
      const s = start[r]!;
      const e = end[r]!;
      const x = parse === PARSE_INTEGER ? parseIntegerBytes(buf, s, e) : parse === PARSE_NUMBER ? parseNumberBytes(buf, s, e) : parseTimestampBytes(buf, s, e);
      if (x !== x) {
        this.onInvalid(file, positions[r]!, fieldText(buf, s, e, flag === FIELD_QUOTED_ESCAPED, quote));
        continue;
      }
      pending[n++] = x;
      if (checking && (x < min || x > max || otherRules)) this.checkNumber(x, file, positions[r]!, buf, s, e);
    }
    this.pendingCount = n;
    this.flush();
  }

  private scanBooleans(col: BytesColumn, rows: number, positions: Float64Array, file: string, quote: number): void {
    const { buf, start, end, flags } = col;
    // Without a rule on the values, trues and falses are counted here and go to the profile once
    // per batch (ColumnProfile.addKeys: the same as one at a time).
    const counted = !(this.checking && (this.allowedHashes !== undefined || this.pattern !== undefined || this.seen !== undefined));
    let trues = 0;
    let falses = 0;
    for (let r = 0; r < rows; r++) {
      const flag = flags[r]!;
      if (flag === FIELD_NULL) {
        this.onNull(file, positions[r]!);
        continue;
      }
      const b = parseBooleanBytes(buf, start[r]!, end[r]!);
      if (b < 0) this.onInvalid(file, positions[r]!, fieldText(buf, start[r]!, end[r]!, flag === FIELD_QUOTED_ESCAPED, quote));
      else if (counted) {
        if (b === 1) trues++;
        else falses++;
      } else if (b === 1) this.onKey(TRUE_HASH, 'true', file, positions[r]!);
      else this.onKey(FALSE_HASH, 'false', file, positions[r]!);
    }
    this.profile.addKeys('true', TRUE_HASH, trues);
    this.profile.addKeys('false', FALSE_HASH, falses);
  }

  private scanKeys(col: BytesColumn, rows: number, positions: Float64Array, file: string, quote: number): void {
    const { buf, start, end, flags } = col;
    const profile = this.profile;
    const needsText = this.needsText;
    const keyRules = this.checking && (this.allowedHashes !== undefined || this.seen !== undefined);
    const allowed = this.checking ? this.allowedHashes : undefined;
    const short = this.shortKeys;
    let misses = 0;
    for (let r = 0; r < rows; r++) {
      const flag = flags[r]!;
      if (flag === FIELD_NULL) {
        this.onNull(file, positions[r]!);
        continue;
      }
      const s = start[r]!;
      const e = end[r]!;
      if (short !== undefined) {
        const slot = short.find(buf, s, e);
        if (slot >= 0 && flag !== FIELD_QUOTED_ESCAPED) {
          short.counts[slot]!++;
          continue;
        }
        misses++;
      }
      if (flag === FIELD_QUOTED_ESCAPED) {
        const text = fieldText(buf, s, e, true, quote);
        this.newKey(hashString(text), text, file, positions[r]!);
        continue;
      }
      const hash = hashBytes(buf, s, e);
      // The text is made only for a key the profile does not hold yet, or for a pattern to test.
      if (needsText || !profile.addKnownKey(hash)) this.newKey(hash, fieldText(buf, s, e, false), file, positions[r]!);
      else {
        if (keyRules) this.checkKey(hash, undefined, file, positions[r]!, buf, s, e);
        // A value that passes its rules is counted by its bytes from now on.
        if (short !== undefined && (allowed === undefined || allowed.has(hash))) short.keep(buf, s, e, hash);
      }
    }
    if (short !== undefined) {
      short.flush(this.addKnown);
      // Mostly values it does not keep (too long, or too many distinct): each value is looked at alone.
      if (misses * 4 > rows) {
        short.clear();
        this.shortKeys = undefined;
      }
    }
  }

  /** A value the profile may not hold yet (onKey): the counts by bytes go in first, and its values are forgotten, since adding this one may drop some from the profile's table. */
  private newKey(hash: number, key: string, file: string, line: number): void {
    const short = this.shortKeys;
    if (short !== undefined) {
      short.flush(this.addKnown);
      short.clear();
    }
    this.onKey(hash, key, file, line);
  }

  /** Values and nulls counted, nothing read (see countOnly). */
  private scanCounts(flags: Uint8Array, rows: number): void {
    for (let r = 0; r < rows; r++) {
      if (flags[r] === FIELD_NULL) this.profile.addNull();
      else this.profile.addUnprofiled();
    }
  }

  scanValues(col: ValuesColumn, rows: number, positions: Float64Array, file: string): void {
    const type = this.rule.type;
    const values = col.values;
    if (this.countOnly) {
      for (let r = 0; r < rows; r++) {
        if (values[r] === null || values[r] === undefined) this.profile.addNull();
        else this.profile.addUnprofiled();
      }
      return;
    }
    if (this.numericType && this.pending.length < rows) this.pending = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const v = values[r];
      if (v === null || v === undefined) {
        this.onNull(file, positions[r]!);
        continue;
      }
      if (this.numericType) {
        const x = numericValue(type, v);
        if (x === undefined) this.onInvalid(file, positions[r]!, displayValue(v));
        else this.onNumber(x, file, positions[r]!);
      } else if (type === 'boolean') {
        const b = typeof v === 'boolean' ? v : typeof v === 'string' ? parseTyped('boolean', v) : undefined;
        if (typeof b !== 'boolean') this.onInvalid(file, positions[r]!, displayValue(v));
        else if (b) this.onKey(TRUE_HASH, 'true', file, positions[r]!);
        else this.onKey(FALSE_HASH, 'false', file, positions[r]!);
      } else if (typeof v === 'object' && !(v instanceof Date)) {
        this.onInvalid(file, positions[r]!, displayValue(v));
      } else {
        const text = v instanceof Date ? v.toISOString() : String(v);
        this.onKey(hashString(text), text, file, positions[r]!);
      }
    }
    this.flush();
  }

  private onNull(file: string, line: number): void {
    this.profile.addNull();
    if (this.checking && !this.rule.nullable) this.fail('nullable', file, line, undefined, `${this.name} is null but the schema says nullable: false`);
  }

  private onInvalid(file: string, line: number, raw: string): void {
    this.profile.addInvalid();
    if (this.checking) this.fail('type', file, line, raw, `${this.name}: ${JSON.stringify(shorten(raw))} is not a valid ${this.rule.type}`);
  }

  /** Hands the batch's numbers to the profile. */
  private flush(): void {
    this.profile.addNumbers(this.pending, this.pendingCount);
    this.pendingCount = 0;
  }

  private onNumber(x: number, file: string, line: number): void {
    this.pending[this.pendingCount++] = x;
    if (this.checking) this.checkNumber(x, file, line);
  }

  /** The rules of a number; the bytes it came from, when given, are what a finding shows. */
  private checkNumber(x: number, file: string, line: number, buf?: Uint8Array, s?: number, e?: number): void {
    if (x < this.min) this.fail('min', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is below the minimum ${String(this.rule.min)}`);
    if (x > this.max) this.fail('max', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is above the maximum ${String(this.rule.max)}`);
    if (this.allowedNumbers && !this.allowedNumbers.has(x)) {
      this.fail('allowed', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is not one of the allowed values`);
    }
    if (this.pattern && !this.pattern.test(this.shown(x, buf, s, e))) {
      this.fail('pattern', file, line, this.shown(x, buf, s, e), `${this.name}: ${JSON.stringify(this.shown(x, buf, s, e))} does not match ${this.rule.pattern}`);
    }
    if (this.seen) {
      const first = this.seen.check(hashNumber(x), packPosition(this.fileIndex, line), this.seen.inOrder ? this.order.ofNumber(x) : -1);
      if (first >= 0) this.repeated(this.shown(x, buf, s, e), file, line, first);
    }
  }

  private shown(x: number, buf?: Uint8Array, s?: number, e?: number): string {
    if (buf && s !== undefined && e !== undefined) return shorten(fieldText(buf, s, e, false).trim());
    return this.rule.type === 'timestamp' ? new Date(x).toISOString() : String(x);
  }

  /** A categorical or text value with its text: profiled and checked. */
  private onKey(hash: number, key: string, file: string, line: number): void {
    this.profile.addKey(key, hash);
    if (this.checking) this.checkKey(hash, key, file, line);
  }

  /** The rules of a categorical or text value; its text comes from the bytes when a finding needs it. */
  private checkKey(hash: number, key: string | undefined, file: string, line: number, buf?: Uint8Array, s?: number, e?: number): void {
    if (this.allowedHashes && !this.allowedHashes.has(hash)) {
      const text = key ?? fieldText(buf!, s!, e!, false);
      this.fail('allowed', file, line, text, `${this.name}: ${JSON.stringify(shorten(text))} is not one of the allowed values`);
    }
    // With a pattern every value comes with its text (needsText).
    if (this.pattern && !this.pattern.test(key!)) this.fail('pattern', file, line, key, `${this.name}: ${JSON.stringify(shorten(key!))} does not match ${this.rule.pattern}`);
    if (this.seen) {
      const order = !this.seen.inOrder ? -1 : buf === undefined ? this.order.of(textEncoder.encode(key!)) : this.order.ofBytes(buf, s!, e!);
      const first = this.seen.check(hash, packPosition(this.fileIndex, line), order);
      if (first >= 0) this.repeated(key ?? fieldText(buf!, s!, e!, false), file, line, first);
    }
  }

  private repeated(value: string, file: string, line: number, first: number): void {
    const at = unpack(first);
    this.fail('unique', file, line, value, `${this.name}: ${JSON.stringify(shorten(value))} repeats a value first seen ${this.where(at.file, at.line)}`);
  }

  private where(fileIndex: number, line: number): string {
    return fileIndex === this.fileIndex ? `on line ${line}` : `in ${this.files[fileIndex]} on line ${line}`;
  }

  /**
   * Repeats of a `unique` column found after the last row: those of values past the in-memory
   * limit, whose text is no longer at hand. `keep` of them become findings; all are counted.
   */
  finishUnique(keep: number, countOnly: (n: number) => void): void {
    if (this.seen instanceof UniquePairWriter) {
      this.seen.first = this.order.first;
      this.seen.finish();
    }
    if (!this.seen?.spilled) return;
    const { count, first } = this.seen.finish(keep);
    for (const r of first) {
      this.fileIndex = r.file;
      this.repeatedUnseen(r.line, r.firstFile, r.firstLine);
    }
    this.checks.get('unique')!.failures += count - first.length;
    countOnly(count - first.length);
  }

  /**
   * The `unique` check of the values a helper read after this reader's last row (a UniquePairWriter's
   * file), their lines `lineOffset` further on: as if read here, but the text of a repeat is not at hand.
   */
  checkPairs(file: string, lineOffset: number): void {
    const seen = this.seen;
    if (!(seen instanceof UniqueChecker)) return;
    // The helper's first value against this reader's last; the helper knew the order of the rest.
    const firstValue = firstValueOf(file);
    let head = true;
    forEachPair(file, (hash, line, order) => {
      const at = line + lineOffset;
      const first = seen.check(hash, packPosition(this.fileIndex, at), head && firstValue !== undefined && seen.inOrder ? this.order.of(firstValue) : order);
      head = false;
      if (first >= 0) {
        const seenAt = unpack(first);
        this.repeatedUnseen(at, seenAt.file, seenAt.line);
      }
    });
  }

  private repeatedUnseen(line: number, firstFile: number, firstLine: number): void {
    this.fail('unique', this.files[this.fileIndex]!, line, undefined, `${this.name}: the value on this line repeats the one ${this.where(firstFile, firstLine)}`);
  }

  /** Removes what a unique check left on disk (after an error). */
  dispose(): void {
    this.seen?.dispose();
  }

  private fail(rule: string, file: string, line: number, value: string | undefined, message: string): void {
    const check = this.checks.get(rule)!;
    check.failures++;
    const shown = value === undefined ? undefined : shorten(value);
    check.first ??= { file, line, value: shown };
    this.emit({ severity: 'error', rule, message, file, line, subject: this.name, value: shown });
  }
}

const textEncoder = new TextEncoder();
const PARSE_INTEGER = 0;
const PARSE_NUMBER = 1;
const PARSE_TIMESTAMP = 2;
const TRUE_HASH = hashString('true');
const FALSE_HASH = hashString('false');

function numericValue(type: ColumnType, v: unknown): number | undefined {
  if (type === 'timestamp') {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.getTime();
    if (typeof v === 'string') return parseTimestamp(v.trim());
    return undefined;
  }
  let x: number | undefined;
  if (typeof v === 'number') x = Number.isFinite(v) ? v : undefined;
  else if (typeof v === 'bigint') x = Number(v);
  else if (typeof v === 'string') {
    const parsed = parseTyped(type, v);
    x = typeof parsed === 'number' ? parsed : undefined;
  }
  if (x !== undefined && type === 'integer' && !Number.isInteger(x)) return undefined;
  return x;
}

function displayValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
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

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // the reader says what is wrong with it
  }
}

/** Reads every file of a dataset once; returns its checks, first findings and profile. */
export async function scanDataset(options: ScanOptions): Promise<ScanState> {
  const logger = options.logger ?? silentLogger;
  const findings = new FindingCollector(options.findingLimit);
  const emit = (f: Finding) => findings.add(f);
  const { schema } = options;
  const checking = options.checkRules ?? true;
  const profile = new DatasetProfile();
  const names = Object.keys(schema.columns);
  const fileNames = options.files.map((f) => f.displayName);
  // A row takes at least a few bytes: a unique column's table is sized once for the rows the files can hold.
  const bytes = options.files.reduce((sum, f) => sum + fileSize(f.path), 0);
  const unique = { memoryEntries: options.uniqueMemoryEntries, expectedEntries: Math.ceil(bytes / 16) };
  const tail = options.tail;
  if ((tail !== undefined || options.split !== undefined) && options.files.length !== 1) throw new Error('only a dataset of one file is read in parts');
  const scanners = names.map((name, index) => {
    try {
      const pairs = tail === undefined ? undefined : pairsFile(tail.pairsDir, index);
      const column = profile.column(name, schema.columns[name]!.type);
      const forDrift = options.profile === 'drift' && !checking;
      if (forDrift) column.forDriftOnly();
      return new ColumnScanner(name, schema.columns[name]!, column, checking, emit, fileNames, { ...unique, pairsFile: pairs }, forDrift && !driftCompares(schema, name));
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
  if (options.files.length === 0) {
    throw new ConfigurationError('no data files matched', { hint: 'Check the `data` path or glob: it is relative to the workspace.' });
  }
  const unknownColumns: ScanState['unknownColumns'] = [];
  const missingColumns: ScanState['missingColumns'] = [];
  const quote = (options.read?.quote ?? '"').charCodeAt(0);

  try {
    for (const [fileIndex, file] of options.files.entries()) {
      for (const scanner of scanners) scanner.fileIndex = fileIndex;
      logger.info(`Reading ${file.displayName}`);
      let indexes: number[] = [];
      let rows = 0;
      const sink: BatchSink = {
        beginFile(_file, header, position) {
          const at = new Map(header.map((n, i) => [n, i]));
          indexes = names.map((name) => {
            const index = at.get(name);
            if (index === undefined) {
              if (options.missingColumns === 'tolerate') {
                missingColumns.push({ name, file: file.displayName });
                return -1;
              }
              throw new ConfigurationError(`schema column "${name}" is not in the data (${file.displayName} has: ${header.slice(0, 30).join(', ')}${header.length > 30 ? ', …' : ''})`, {
                file: options.schemaFile,
                line: options.schemaLineOf?.(['columns', name]),
                hint: `Rename the column in the schema to match the data, or remove it from ${options.schemaFile}.`,
              });
            }
            return index;
          });
          for (const name of header) {
            if (!(name in schema.columns) && !unknownColumns.some((u) => u.name === name)) unknownColumns.push({ name, file: file.displayName, line: position.line ?? 1 });
          }
        },
        unknownColumn(_file, name, position) {
          // A JSON Lines key the file's first object did not have: reported like any undeclared column.
          if (!(name in schema.columns) && !unknownColumns.some((u) => u.name === name)) unknownColumns.push({ name, file: file.displayName, line: position.line ?? 1 });
        },
        batch(batch: RowBatch) {
          rows += batch.rowCount;
          // Findings carry 1-based positions: a line for text formats, a row number for Parquet.
          if (batch.positionKind === 'row') for (let r = 0; r < batch.rowCount; r++) batch.positions[r]! += 1;
          for (let c = 0; c < scanners.length; c++) {
            const index = indexes[c]!;
            if (index < 0) continue;
            const column = batch.columns[index]!;
            if (column.kind === 'bytes') scanners[c]!.scanBytes(column, batch.rowCount, batch.positions, file.displayName, quote);
            else scanners[c]!.scanValues(column, batch.rowCount, batch.positions, file.displayName);
          }
        },
      };
      const read = options.split ? { ...options.read, split: options.split.control } : tail ? { ...options.read, startAt: tail.startAt } : (options.read ?? {});
      const { stoppedAt } = await readDataFile(file, read, sink);
      if (stoppedAt !== undefined) {
        // The helper read the rest of the file: its results join this file's, its lines moved on.
        const lineOffset = stoppedAt.line - 1;
        let scanned: TailScan;
        try {
          scanned = await options.split!.tail();
        } catch (error) {
          if (error instanceof ConfigurationError && error.file === file.displayName && error.line !== undefined) {
            throw new ConfigurationError(error.message, { file: error.file, line: error.line + lineOffset, hint: error.hint, cause: error });
          }
          throw error;
        }
        rows += takeTail(scanned, lineOffset, profile, scanners, findings);
        logger.info(`A second thread read ${file.displayName} from line ${stoppedAt.line} on`);
      }
      profile.files.push({ file: file.displayName, rows });
      profile.rows += rows;
    }
    const limit = findings.limit;
    for (const scanner of scanners) scanner.finishUnique(limit, (n) => (findings.counts.error += n));
  } finally {
    for (const scanner of scanners) scanner.dispose();
  }
  // A column no file had is absent from the profile (rather than present with no values).
  for (const name of names) {
    if (missingColumns.filter((m) => m.name === name).length === options.files.length) profile.columns.delete(name);
  }
  return {
    profile: profile.toJSON(),
    checks: scanners.flatMap((s) => [...s.checks.values()]),
    findings: findings.kept,
    findingCounts: { ...findings.counts },
    unknownColumns,
    missingColumns,
  };
}

/**
 * The helper's side of reading one CSV file in two parts: claims the end of the file the head is
 * reading (see readers/csv-split.ts) and scans it; undefined when what is left is too small to share.
 * `minTail` is for tests.
 */
export async function scanTailOf(options: ScanOptions, control: SplitControl, pairsDir: string, minTail?: number): Promise<TailScan | undefined> {
  const file = options.files[0]!;
  const startAt = await claimTail(file.path, fileSize(file.path), control, minTail);
  if (startAt < 0) return undefined;
  const state = await scanDataset({ ...options, split: undefined, tail: { startAt, pairsDir } });
  const uniquePairs: Record<string, string> = {};
  if (options.checkRules ?? true) {
    Object.entries(options.schema.columns).forEach(([name, rule], index) => {
      if (rule.unique) uniquePairs[name] = pairsFile(pairsDir, index);
    });
  }
  return { state, uniquePairs };
}

/** Adds a helper's scan of the end of the file to this scan; returns its rows. */
function takeTail(scanned: TailScan, lineOffset: number, profile: DatasetProfile, scanners: ColumnScanner[], findings: FindingCollector): number {
  const { state } = scanned;
  for (const column of state.profile.columns) profile.columns.get(column.name)?.merge(ColumnProfile.fromJSON(column));
  const byName = new Map(scanners.map((s) => [s.name, s]));
  for (const c of state.checks) {
    const check = byName.get(c.column)?.checks.get(c.rule);
    if (check === undefined) continue;
    check.failures += c.failures;
    if (c.first) check.first ??= { ...c.first, line: c.first.line + lineOffset };
  }
  const kept = { error: 0, warning: 0, notice: 0 };
  for (const f of state.findings) {
    kept[f.severity]++;
    findings.add(f.line === undefined ? f : { ...f, line: f.line + lineOffset });
  }
  for (const k of ['error', 'warning', 'notice'] as const) findings.counts[k] += state.findingCounts[k] - kept[k];
  for (const [name, file] of Object.entries(scanned.uniquePairs)) byName.get(name)?.checkPairs(file, lineOffset);
  return state.profile.rows;
}

/** Combines the scans of several shards as if one pass had read them all. */
export function mergeScanStates(states: ScanState[], findingLimit: number): ScanState {
  const profile = new DatasetProfile();
  const checks = new Map<string, CheckResult>();
  const findings: Finding[] = [];
  const findingCounts = { error: 0, warning: 0, notice: 0 };
  const unknownColumns: ScanState['unknownColumns'] = [];
  const missingColumns: ScanState['missingColumns'] = [];
  for (const state of states) {
    profile.merge(DatasetProfile.fromJSON(state.profile));
    for (const c of state.checks) {
      const key = `${c.column}\u0000${c.rule}`;
      const mine = checks.get(key);
      if (!mine) checks.set(key, { ...c, first: c.first ? { ...c.first } : undefined });
      else {
        mine.failures += c.failures;
        mine.first ??= c.first;
      }
    }
    for (const f of state.findings) if (findings.length < findingLimit) findings.push(f);
    for (const k of ['error', 'warning', 'notice'] as const) findingCounts[k] += state.findingCounts[k];
    for (const u of state.unknownColumns) if (!unknownColumns.some((x) => x.name === u.name)) unknownColumns.push(u);
    missingColumns.push(...state.missingColumns);
  }
  return { profile: profile.toJSON(), checks: [...checks.values()], findings, findingCounts, unknownColumns, missingColumns };
}
