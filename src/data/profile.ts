import { DistinctCounter, hashNumber } from '../stats/distinct-sketch.js';
import { FrequencyTable, NumberCounts } from '../stats/frequencies.js';
import { addValues, emptyMoments, mergeMoments, variance, type Moments } from '../stats/moments.js';
import { QuantileSketch } from '../stats/quantile-sketch.js';
import type { ColumnType } from './schema.js';

/**
 * Column profiles: everything validate-data knows about a column after one pass, in a form that
 * merges (shards of a matrix, or the data and its reference read in parallel) and serialises (a
 * saved profile stands in for reference data). Memory is bounded by the sketches, not by rows.
 */
export type ProfileKind = 'numeric' | 'categorical' | 'text';

export const PROFILE_FORMAT = 'mlops-actions/profile';
export const PROFILE_VERSION = 1;
/** Distinct numbers counted exactly for a numeric column's top values before it counts as continuous. */
const NUMERIC_TOP_CAP = 1_000;
export const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;
const HISTOGRAM_BINS = 20;

/** Counts of a numeric column's numbers, or null when there are more than NUMERIC_TOP_CAP of them. */
function numberCounts(entries: Array<[number, number]>): NumberCounts | null {
  const counts = new NumberCounts(NUMERIC_TOP_CAP);
  for (const [value, n] of entries) if (!counts.add(value, n, hashNumber(value))) return null;
  return counts;
}

export function profileKind(type: ColumnType): ProfileKind {
  switch (type) {
    case 'integer':
    case 'number':
    case 'timestamp':
      return 'numeric';
    case 'category':
    case 'boolean':
      return 'categorical';
    case 'string':
      return 'text';
  }
}

export interface ColumnProfileState {
  name: string;
  type: ColumnType;
  kind: ProfileKind;
  /** Valid non-null values. */
  count: number;
  nulls: number;
  /** Non-null values that did not parse as the column's type (not in the statistics). */
  invalid: number;
  moments?: Moments;
  quantiles?: ReturnType<QuantileSketch['toJSON']>;
  numericTop?: Array<[number, number]> | null;
  distinct: ReturnType<DistinctCounter['toJSON']>;
  /** null: a free-text column with too many distinct values to track its most frequent ones. */
  frequencies?: ReturnType<FrequencyTable['toJSON']> | null;
}

export class ColumnProfile {
  count = 0;
  nulls = 0;
  invalid = 0;
  readonly moments: Moments = emptyMoments();
  /** Numeric columns: every value, except those still only in numericTop (see quantiles). */
  private readonly sketch: QuantileSketch | undefined;
  /** True while numericTop's counts are not in the sketch: values go to numericTop alone. */
  private countsOutsideSketch: boolean;
  readonly distinct: DistinctCounter;
  frequencies: FrequencyTable | undefined;
  /** Exact counts of each number while there are few distinct ones; null once there are too many. */
  numericTop: NumberCounts | null;
  /** See forDriftOnly. */
  private driftOnly = false;

  constructor(
    readonly name: string,
    readonly type: ColumnType,
    state?: ColumnProfileState,
  ) {
    const kind = profileKind(type);
    this.sketch = kind === 'numeric' ? (state?.quantiles ? QuantileSketch.fromJSON(state.quantiles) : new QuantileSketch()) : undefined;
    this.distinct = state ? DistinctCounter.fromJSON(state.distinct) : new DistinctCounter();
    this.frequencies =
      kind === 'numeric' || state?.frequencies === null ? undefined : state?.frequencies ? FrequencyTable.fromJSON(state.frequencies) : new FrequencyTable();
    this.numericTop = kind === 'numeric' && state?.numericTop !== null ? numberCounts(state?.numericTop ?? []) : null;
    // A saved sketch holds every value already.
    this.countsOutsideSketch = this.numericTop !== null && !state?.quantiles;
    if (state) {
      this.count = state.count;
      this.nulls = state.nulls;
      this.invalid = state.invalid;
      if (state.moments) Object.assign(this.moments, state.moments);
    }
  }

  get kind(): ProfileKind {
    return profileKind(this.type);
  }

  /**
   * The quantile sketch of a numeric column. While a column has few distinct numbers they are
   * only counted (numericTop), which costs less than sorting every value into the sketch; the
   * counts go into the sketch (addCounts, exactly) when it is first asked for or when the numbers
   * overflow the counts, and from then on every value goes to both.
   */
  get quantiles(): QuantileSketch | undefined {
    if (this.countsOutsideSketch) this.countsIntoSketch();
    return this.sketch;
  }

  private countsIntoSketch(): void {
    this.countsOutsideSketch = false;
    if (this.numericTop === null) return;
    const { values, counts, size } = this.numericTop.view();
    this.sketch!.addCounts(values, counts, size);
  }

  /**
   * For drift alone (see ScanOptions.profile): numbers go to the moments, the quantile sketch and
   * the exact counts while few; the distinct count is not kept (it stays 0).
   */
  forDriftOnly(): void {
    this.driftOnly = true;
  }

  /**
   * Numeric values (numbers, and timestamps as epoch milliseconds): values[0, count), finite. They
   * come a batch at a time, so each statistic runs its own tight loop over them.
   */
  addNumbers(values: Float64Array, count: number): void {
    if (count <= 0) return;
    this.count += count;
    addValues(this.moments, values, count);
    // values[0, rest) went into the exact counts; the rest are past their cap (or there are none).
    let rest = 0;
    // values[sketchFrom, count) go into the sketch: all of them once the counts are in it.
    let sketchFrom = 0;
    const top = this.numericTop;
    if (top !== null) {
      const distinct = this.driftOnly ? undefined : this.distinct;
      for (; rest < count; rest++) {
        const x = values[rest]!;
        const hash = hashNumber(x);
        const added = top.add(x, 1, hash);
        if (added === 0) break;
        // Every number the exact counts hold is in the distinct counter already: only a new one goes in.
        if (added === 2) distinct?.addHash(hash);
      }
      sketchFrom = this.countsOutsideSketch ? rest : 0;
      if (rest < count) {
        if (this.countsOutsideSketch) this.countsIntoSketch();
        this.numericTop = null;
      }
    }
    if (!this.driftOnly) {
      const distinct = this.distinct;
      for (let i = rest; i < count; i++) distinct.addHash(hashNumber(values[i]!));
    }
    if (sketchFrom < count) this.sketch!.addBatch(sketchFrom === 0 ? values : values.subarray(sketchFrom), count - sketchFrom);
  }

  /** A categorical or text value, with its hash (see hashString / hashBytes). */
  addKey(key: string, hash: number): void {
    this.count++;
    this.distinct.addHash(hash);
    const frequencies = this.frequencies;
    if (frequencies === undefined) return;
    frequencies.add(key, 1, hash);
    // Free text with more distinct values than the table holds (ids, comments): its "top values"
    // say nothing, and tracking them would cost more than the rest of the column's profile.
    if (!frequencies.exact && this.kind === 'text') this.frequencies = undefined;
  }

  /**
   * `n` occurrences of one value: the same as n calls of addKey while the value is in the
   * top-values table or the table has room for it (a new value never starts a purge then), as for a
   * boolean column, whose two values never fill it.
   */
  addKeys(key: string, hash: number, n: number): void {
    if (n <= 0) return;
    this.count += n;
    // Adding a hash to the distinct counter once or n times leaves it the same.
    this.distinct.addHash(hash);
    this.frequencies?.add(key, n, hash);
  }

  /**
   * Counts a categorical or text value (`n` of it) by its hash alone when no text is needed for it (its key is
   * already in the top-values table, or the column keeps none) and says so; false, with nothing
   * counted, when the caller must call addKey with the text.
   */
  addKnownKey(hash: number, n = 1): boolean {
    const frequencies = this.frequencies;
    this.count += n;
    // A key in the top-values table went into the distinct counter when it was added (addKey).
    if (frequencies === undefined) this.distinct.addHash(hash);
    else if (!frequencies.increment(hash, n)) {
      this.count -= n;
      return false;
    }
    return true;
  }

  addNull(): void {
    this.nulls++;
  }

  /** A value counted and nothing more (a column drift does not compare, in a profile for drift alone). */
  addUnprofiled(): void {
    this.count++;
  }

  addInvalid(): void {
    this.invalid++;
  }

  merge(other: ColumnProfile): void {
    this.count += other.count;
    this.nulls += other.nulls;
    this.invalid += other.invalid;
    Object.assign(this.moments, mergeMoments(this.moments, other.moments));
    if (this.quantiles && other.quantiles) this.quantiles.merge(other.quantiles);
    this.distinct.merge(other.distinct);
    if (this.frequencies && other.frequencies) this.frequencies.merge(other.frequencies);
    else if (this.kind === 'text') this.frequencies = undefined;
    // As in addKey: free text whose distinct values overflow the table keeps no top values.
    if (this.kind === 'text' && this.frequencies && !this.frequencies.exact) this.frequencies = undefined;
    if (this.numericTop && other.numericTop) {
      for (const [value, n] of other.numericTop.entries()) {
        if (!this.numericTop.add(value, n, hashNumber(value))) {
          this.numericTop = null;
          break;
        }
      }
    } else {
      this.numericTop = null;
    }
  }

  toJSON(): ColumnProfileState {
    return {
      name: this.name,
      type: this.type,
      kind: this.kind,
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      moments: this.kind === 'numeric' ? { ...this.moments } : undefined,
      quantiles: this.quantiles?.toJSON(),
      numericTop: this.kind === 'numeric' ? (this.numericTop?.entries() ?? null) : undefined,
      distinct: this.distinct.toJSON(),
      frequencies: this.kind === 'numeric' ? undefined : (this.frequencies?.toJSON() ?? null),
    };
  }

  static fromJSON(state: ColumnProfileState): ColumnProfile {
    return new ColumnProfile(state.name, state.type, state);
  }

  /** Plain numbers for reports. */
  describe(topN = 10): ColumnSummary {
    const numeric = this.kind === 'numeric' && this.count > 0;
    const sketch = this.quantiles;
    const top: Array<{ value: string | number; count: number }> = this.frequencies
      ? this.frequencies.top(topN).map(({ key, count }) => ({ value: key, count }))
      : this.numericTop
        ? this.numericTop
            .entries()
            .sort((a, b) => b[1] - a[1] || a[0] - b[0])
            .slice(0, topN)
            .map(([value, count]) => ({ value: this.type === 'timestamp' ? formatTimestamp(value) : value, count }))
        : [];
    return {
      name: this.name,
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      nullFraction: this.count + this.nulls + this.invalid === 0 ? 0 : this.nulls / (this.count + this.nulls + this.invalid),
      invalid: this.invalid,
      distinct: Math.round(this.distinct.estimate()),
      distinctError: this.distinct.relativeError(),
      min: numeric ? this.moments.min : undefined,
      max: numeric ? this.moments.max : undefined,
      mean: numeric ? this.moments.mean : undefined,
      std: numeric ? variance(this.moments) ** 0.5 : undefined,
      quantiles: numeric && sketch ? Object.fromEntries(QUANTILES.map((q) => [`p${Math.round(q * 100)}`, sketch.quantile(q)])) : undefined,
      quantileRankError: sketch?.rankError(),
      top,
      topCountError: this.frequencies?.maxError,
      histogram: numeric && sketch ? histogram(sketch, this.moments.min, this.moments.max) : undefined,
    };
  }
}

export interface ColumnSummary {
  name: string;
  type: ColumnType;
  count: number;
  nulls: number;
  nullFraction: number;
  invalid: number;
  distinct: number;
  /** Relative error of `distinct` (0: exact). */
  distinctError: number;
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
  quantiles?: Record<string, number>;
  /** Bound on the quantiles' rank error, as a fraction of count (0: exact). */
  quantileRankError?: number;
  top: Array<{ value: string | number; count: number }>;
  /** Bound on each top count's error (0: exact). */
  topCountError?: number;
  histogram?: { edges: number[]; counts: number[] };
}

/** Equal-width bins between min and max, counted from the sketch (exact when the sketch is). */
export function histogram(sketch: QuantileSketch, min: number, max: number, bins = HISTOGRAM_BINS): { edges: number[]; counts: number[] } {
  const width = max > min ? (max - min) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  const counts = new Array<number>(bins).fill(0);
  const { values, weights } = sketch.weightedValues();
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((values[i]! - min) / width)));
    counts[b]! += weights[i]!;
  }
  return { edges, counts };
}

export interface DatasetProfileState {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  rows: number;
  files: Array<{ file: string; rows: number }>;
  columns: ColumnProfileState[];
}

export class DatasetProfile {
  rows = 0;
  readonly files: Array<{ file: string; rows: number }> = [];
  readonly columns = new Map<string, ColumnProfile>();

  column(name: string, type: ColumnType): ColumnProfile {
    let profile = this.columns.get(name);
    if (!profile) {
      profile = new ColumnProfile(name, type);
      this.columns.set(name, profile);
    }
    return profile;
  }

  merge(other: DatasetProfile): void {
    this.rows += other.rows;
    this.files.push(...other.files);
    for (const [name, column] of other.columns) {
      const mine = this.columns.get(name);
      if (mine) mine.merge(column);
      else this.columns.set(name, ColumnProfile.fromJSON(column.toJSON()));
    }
  }

  toJSON(): DatasetProfileState {
    return { format: PROFILE_FORMAT, version: PROFILE_VERSION, rows: this.rows, files: this.files, columns: [...this.columns.values()].map((c) => c.toJSON()) };
  }

  static fromJSON(state: DatasetProfileState): DatasetProfile {
    const profile = new DatasetProfile();
    profile.rows = state.rows;
    profile.files.push(...state.files);
    for (const c of state.columns) profile.columns.set(c.name, ColumnProfile.fromJSON(c));
    return profile;
  }
}

/** A date alone when the time is midnight UTC, else the full ISO 8601 time. */
export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
