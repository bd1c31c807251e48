import { hashString } from './distinct-sketch.js';

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
 *
 * Keys are found by their 53-bit hash (hashString), so a repeated key costs no string: the text is
 * made only for a key the table does not hold. Two keys of one column share a hash with probability
 * about n²/2^54 (6·10^-9 at 10,000 keys).
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
  /** Slot i holds keys[i], its 53-bit hash (see hashString) and its count; a dropped slot has count 0. */
  private keys: string[];
  private hashes: Float64Array;
  private values: Float64Array;
  /** Open addressing from hash to slot + 1 (0: empty), at most half full; rebuilt after a purge. */
  private index: Int32Array;
  /** Slots freed by a purge, reused before new ones. */
  private free: number[];
  private used: number;
  private live: number;
  private totalCount: number;
  private error: number;
  private isExact: boolean;

  constructor(capacity: number = DEFAULT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`FrequencyTable: capacity must be an integer >= 2, got ${capacity}`);
    this.capacity = capacity;
    this.keys = [];
    this.hashes = new Float64Array(Math.min(64, capacity + 1));
    this.values = new Float64Array(this.hashes.length);
    this.index = new Int32Array(128);
    this.free = [];
    this.used = 0;
    this.live = 0;
    this.totalCount = 0;
    this.error = 0;
    this.isExact = true;
  }

  /** Counts `weight` (default 1) occurrences of `key`; `hash` is hashString(key), when the caller has it. */
  add(key: string, weight = 1, hash: number = hashString(key)): void {
    if (this.increment(hash, weight)) return;
    this.totalCount += weight;
    this.insert(key, hash, weight);
    if (this.live > this.capacity) this.purge(this.capacity >> 1);
  }

  /**
   * Counts `weight` more of the key with this hash if the table holds it, and says so; false
   * (nothing counted) when it does not, so the caller makes the key's text only for a new key.
   */
  increment(hash: number, weight = 1): boolean {
    const index = this.index;
    const mask = index.length - 1;
    for (let i = (hash >>> 0) & mask; ; i = (i + 1) & mask) {
      const slot = index[i]! - 1;
      if (slot < 0) return false;
      if (this.hashes[slot] === hash) {
        this.values[slot]! += weight;
        this.totalCount += weight;
        return true;
      }
    }
  }

  private insert(key: string, hash: number, weight: number): void {
    let slot: number;
    if (this.free.length > 0) {
      slot = this.free.pop()!;
      this.keys[slot] = key;
    } else {
      slot = this.used++;
      if (slot >= this.values.length) {
        const size = Math.min(this.capacity + 1, 2 * this.values.length);
        const values = new Float64Array(size);
        const hashes = new Float64Array(size);
        values.set(this.values);
        hashes.set(this.hashes);
        this.values = values;
        this.hashes = hashes;
      }
      this.keys.push(key);
    }
    this.values[slot] = weight;
    this.hashes[slot] = hash;
    this.live++;
    if (2 * this.live > this.index.length) this.reindex(2 * this.index.length);
    else this.place(slot);
  }

  private place(slot: number): void {
    const index = this.index;
    const mask = index.length - 1;
    let i = (this.hashes[slot]! >>> 0) & mask;
    while (index[i] !== 0) i = (i + 1) & mask;
    index[i] = slot + 1;
  }

  /** Rebuilds the hash index over the live slots. */
  private reindex(size: number): void {
    this.index = new Int32Array(size);
    for (let slot = 0; slot < this.used; slot++) if (this.values[slot]! > 0) this.place(slot);
  }

  /** Subtracts the count at sorted position `index` (0-based, ascending) from all and drops what reaches 0. */
  private purge(index: number): void {
    const counts = new Float64Array(this.live);
    let at = 0;
    for (let slot = 0; slot < this.used; slot++) if (this.values[slot]! > 0) counts[at++] = this.values[slot]!;
    counts.sort();
    const pivot = counts[Math.min(index, counts.length - 1)]!;
    for (let slot = 0; slot < this.used; slot++) {
      const count = this.values[slot]!;
      if (count <= 0) continue;
      const remaining = count - pivot;
      if (remaining <= 0) {
        this.values[slot] = 0;
        this.keys[slot] = '';
        this.free.push(slot);
        this.live--;
      } else {
        this.values[slot] = remaining;
      }
    }
    this.reindex(this.index.length);
    this.error += pivot;
    this.isExact = false;
  }

  /** Adds the counts of `other` (left unchanged). */
  merge(other: FrequencyTable): void {
    const entries = other.entries();
    this.totalCount += other.totalCount;
    const grown = new Map<string, number>(this.entries());
    for (const [key, count] of entries) grown.set(key, (grown.get(key) ?? 0) + count);
    this.error += other.error;
    this.isExact = this.isExact && other.isExact;
    this.rebuild(grown);
    if (this.live > this.capacity) this.purge(this.live - this.capacity - 1);
  }

  private rebuild(counts: Map<string, number>): void {
    this.keys = [];
    this.free = [];
    this.used = 0;
    this.live = 0;
    this.values = new Float64Array(Math.max(1, counts.size));
    this.hashes = new Float64Array(this.values.length);
    this.index = new Int32Array(Math.max(128, 2 ** Math.ceil(Math.log2(4 * counts.size + 1))));
    for (const [key, count] of counts) this.insert(key, hashString(key), count);
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
    return this.live;
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
    for (let slot = 0; slot < this.used; slot++) if (this.values[slot]! > 0) out.set(this.keys[slot]!, this.values[slot]!);
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
    for (let slot = 0; slot < this.used; slot++) if (this.values[slot]! > 0) out.push([this.keys[slot]!, this.values[slot]!]);
    out.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return out;
  }
}

/**
 * Exact counts of the numbers of a column while it has at most `cap` distinct ones (a code, a small
 * integer range), in insertion order; `add` says false once a number past the cap arrives, and the
 * table is then of no more use. Found by the number's 53-bit hash (hashNumber), so no number is
 * boxed and no Map is probed per value.
 */
export class NumberCounts {
  private readonly values: Float64Array;
  private readonly counts: Float64Array;
  /** Open addressing from hash to index + 1 (0: empty), at most half full. */
  private readonly index: Int32Array;
  private size = 0;

  constructor(readonly cap: number) {
    this.values = new Float64Array(cap);
    this.counts = new Float64Array(cap);
    this.index = new Int32Array(2 ** Math.ceil(Math.log2(2 * cap + 2)));
  }

  /**
   * Counts `weight` of x (hash = hashNumber(x)): 1 when x was counted before, 2 when it is new,
   * 0 (nothing counted) when x would be distinct number cap + 1.
   */
  add(x: number, weight: number, hash: number): 0 | 1 | 2 {
    const index = this.index;
    const mask = index.length - 1;
    let i = (hash >>> 0) & mask;
    for (;;) {
      const at = index[i]! - 1;
      if (at < 0) break;
      if (this.values[at] === x) {
        this.counts[at]! += weight;
        return 1;
      }
      i = (i + 1) & mask;
    }
    if (this.size === this.cap) return 0;
    this.values[this.size] = x;
    this.counts[this.size] = weight;
    index[i] = ++this.size;
    return 2;
  }

  /** The numbers and their counts, in the order the numbers first came (views, valid until the next add). */
  view(): { values: Float64Array; counts: Float64Array; size: number } {
    return { values: this.values.subarray(0, this.size), counts: this.counts.subarray(0, this.size), size: this.size };
  }

  /** [number, count] pairs in the order the numbers first came. */
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.size; i++) out.push([this.values[i]!, this.counts[i]!]);
    return out;
  }
}
