/**
 * Value counts of a column: exact while the column has at most `capacity` distinct values (10,000 by
 * default), then the Misra–Gries summary in the form of Apache DataSketches' frequent-items sketch.
 *
 * When a new value arrives and every counter is in use, the median count is subtracted from every
 * counter and the counters that reach zero are dropped, which frees at least half of them. Every
 * retained count is then a lower bound of the true count, and the true count is at most the retained
 * count plus `maxError`, the sum of everything subtracted from one counter so far (a value not
 * retained has a true count of at most `maxError`). Each such purge removes at least median ×
 * capacity/2 from the total, so `maxError` <= 2·total/capacity whatever the data; on skewed data,
 * where top values matter, it is far smaller. Merging adds the counts, then purges back to capacity
 * (Agarwal et al., "Mergeable summaries", 2012), adding both error bounds.
 */

const DEFAULT_CAPACITY = 10_000;

export interface FrequencyEntry {
  key: string;
  /** Exact while the table is exact; else a lower bound, at most `maxError` below the true count. */
  count: number;
}

export interface FrequencyTableState {
  version: 1;
  capacity: number;
  exact: boolean;
  total: number;
  maxError: number;
  /** [key, count] pairs, by count descending then key. */
  entries: Array<[string, number]>;
}

export class FrequencyTable {
  readonly capacity: number;
  private slots: Map<string, number>;
  private keys: string[];
  private values: Float64Array;
  /** Slots freed by a purge, reused before new ones. */
  private free: number[];
  private used: number;
  private totalCount: number;
  private error: number;
  private isExact: boolean;

  constructor(capacity: number = DEFAULT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`FrequencyTable: capacity must be an integer >= 2, got ${capacity}`);
    this.capacity = capacity;
    this.slots = new Map();
    this.keys = [];
    this.values = new Float64Array(Math.min(64, capacity + 1));
    this.free = [];
    this.used = 0;
    this.totalCount = 0;
    this.error = 0;
    this.isExact = true;
  }

  /** Counts `weight` (default 1) occurrences of `key`. */
  add(key: string, weight = 1): void {
    this.totalCount += weight;
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      this.values[slot]! += weight;
      return;
    }
    this.insert(key, weight);
    if (this.slots.size > this.capacity) this.purge(this.capacity >> 1);
  }

  private insert(key: string, weight: number): void {
    let slot: number;
    if (this.free.length > 0) {
      slot = this.free.pop()!;
      this.keys[slot] = key;
    } else {
      slot = this.used++;
      if (slot >= this.values.length) {
        const grown = new Float64Array(Math.min(this.capacity + 1, 2 * this.values.length));
        grown.set(this.values);
        this.values = grown;
      }
      this.keys.push(key);
    }
    this.values[slot] = weight;
    this.slots.set(key, slot);
  }

  /** Subtracts the count at sorted position `index` (0-based, ascending) from all and drops what reaches 0. */
  private purge(index: number): void {
    const counts = new Float64Array(this.slots.size);
    let at = 0;
    for (const slot of this.slots.values()) counts[at++] = this.values[slot]!;
    counts.sort();
    const pivot = counts[Math.min(index, counts.length - 1)]!;
    for (const [key, slot] of this.slots) {
      const remaining = this.values[slot]! - pivot;
      if (remaining <= 0) {
        this.slots.delete(key);
        this.keys[slot] = '';
        this.free.push(slot);
      } else {
        this.values[slot] = remaining;
      }
    }
    this.error += pivot;
    this.isExact = false;
  }

  /** Adds the counts of `other` (left unchanged). */
  merge(other: FrequencyTable): void {
    const entries = other.entries();
    this.totalCount += other.totalCount;
    const grown = new Map<string, number>();
    for (const [key, slot] of this.slots) grown.set(key, this.values[slot]!);
    for (const [key, count] of entries) grown.set(key, (grown.get(key) ?? 0) + count);
    this.error += other.error;
    this.isExact = this.isExact && other.isExact;
    this.rebuild(grown);
    if (this.slots.size > this.capacity) this.purge(this.slots.size - this.capacity - 1);
  }

  private rebuild(counts: Map<string, number>): void {
    this.slots = new Map();
    this.keys = [];
    this.free = [];
    this.used = 0;
    this.values = new Float64Array(Math.max(1, counts.size));
    for (const [key, count] of counts) this.insert(key, count);
  }

  /** The sum of all weights added. */
  get total(): number {
    return this.totalCount;
  }

  /** True while every count is exact (no purge has happened). */
  get exact(): boolean {
    return this.isExact;
  }

  /** The number of values with a retained count. */
  get size(): number {
    return this.slots.size;
  }

  /** How far below its true count a retained count may be (0 while exact). */
  get maxError(): number {
    return this.error;
  }

  /** The n most frequent values, by count descending then key (UTF-16 order). */
  top(n: number): FrequencyEntry[] {
    return this.entries()
      .slice(0, Math.max(0, n))
      .map(([key, count]) => ({ key, count }));
  }

  /** Every retained count (all counts while exact), e.g. for a chi-square test. */
  counts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, slot] of this.slots) out.set(key, this.values[slot]!);
    return out;
  }

  toJSON(): FrequencyTableState {
    return { version: 1, capacity: this.capacity, exact: this.isExact, total: this.totalCount, maxError: this.error, entries: this.entries() };
  }

  static fromJSON(state: FrequencyTableState): FrequencyTable {
    if (state.version !== 1) throw new Error(`FrequencyTable: unsupported state version ${String(state.version)}`);
    const table = new FrequencyTable(state.capacity);
    table.rebuild(new Map(state.entries));
    table.totalCount = state.total;
    table.error = state.maxError;
    table.isExact = state.exact;
    return table;
  }

  private entries(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (const [key, slot] of this.slots) out.push([key, this.values[slot]!]);
    out.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return out;
  }
}
