/**
 * A mergeable quantile sketch of a numeric column: the KLL sketch of Karnin, Lang and Liberty
 * ("Optimal Quantile Approximation in Streams", FOCS 2016) with the lazy compaction schedule of
 * Apache DataSketches, after an exact phase.
 *
 * Exact phase. Up to `50·k` values (10,000 at the default k = 200) every value is kept, so small
 * columns get exact quantiles (equal to numpy's), an exact ECDF and exact KS statistics. The next
 * value turns the sketch into a KLL sketch that holds about 3·k values whatever the count.
 *
 * Sketch phase. Level h holds values that each stand for 2^h original values. When the levels hold
 * as many values as their capacities add up to, the lowest level at or above its capacity is sorted
 * and every other value, starting at a random offset, moves up one level with twice the weight.
 * Such a compaction of weight w changes the number of values <= x by 0 or ±w, for every x, with mean
 * 0. The sequence of compaction weights does not depend on the coin flips, so the rank error at any
 * x is a martingale with increments bounded by those weights; Azuma's inequality with a union bound
 * over the n values the estimated ECDF can step at gives
 *
 *     P( sup_x |rank error(x)| > S·sqrt(2·ln(2(n+1)/δ)) ) <= δ,   S² = Σ w² over compactions,
 *
 * and `rankError()` reports that bound as a fraction of n for δ = 1%. The coin flips come from a
 * seeded generator, so the same values in the same order give the same sketch on every run. Shards
 * should be built with different seeds (the shard index): merging sketches of one seed is still
 * correct, but their errors may be correlated, and the bound then adds them linearly instead of in
 * quadrature.
 */

import { sortFloat64 } from './sort-float64.js';

const EXACT_CAPACITY_PER_K = 50;
/** The smallest capacity of a level; below it compactions cost more than they save. */
const MIN_LEVEL_CAPACITY = 8;
const LEVEL_SHRINK = 2 / 3;
/** The probability that the sup-norm rank error exceeds `rankError()`. */
const RANK_ERROR_FAILURE_PROBABILITY = 0.01;
const DEFAULT_K = 200;
const DEFAULT_SEED = 0x2545f491;

export interface QuantileSketchState {
  version: 1;
  k: number;
  seed: number;
  /** The generator's state, so a restored sketch flips the same coins the original would have. */
  rng: number;
  count: number;
  /** null while empty. */
  min: number | null;
  max: number | null;
  exact: boolean;
  /** S in the bound above: the square root of the sum of squared compaction weights. */
  errorScale: number;
  /** levels[h]: the retained values of weight 2^h, in no particular order. */
  levels: number[][];
}

export class QuantileSketch {
  readonly k: number;
  readonly seed: number;
  private readonly exactCapacity: number;
  private rngState: number;
  private n: number;
  private lo: number;
  private hi: number;
  private isExact: boolean;
  private errorScale: number;
  /** levels[0] is level0; sizes[h] values of levels[h] are in use. */
  private levels: Float64Array[];
  private sizes: number[];
  private capacities: number[];
  private totalCapacity: number;
  private level0: Float64Array;
  private n0: number;
  /** add() calls makeRoom() when n0 reaches this. */
  private limit0: number;
  /** Sorted values and weights of the retained values, valid while cacheCount === n. */
  private cacheCount: number;
  private cacheValues: Float64Array;
  private cacheWeights: Float64Array;
  /** cacheCumulative[i] = total weight of cacheValues[0..i]. */
  private cacheCumulative: Float64Array;

  constructor(k: number = DEFAULT_K, seed: number = DEFAULT_SEED) {
    if (!Number.isInteger(k) || k < MIN_LEVEL_CAPACITY) throw new RangeError(`QuantileSketch: k must be an integer >= ${MIN_LEVEL_CAPACITY}, got ${k}`);
    this.k = k;
    this.seed = seed >>> 0;
    this.exactCapacity = EXACT_CAPACITY_PER_K * k;
    this.rngState = seedState(this.seed);
    this.n = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
    this.isExact = true;
    this.errorScale = 0;
    this.level0 = new Float64Array(Math.min(256, this.exactCapacity));
    this.levels = [this.level0];
    this.sizes = [0];
    this.capacities = [];
    this.totalCapacity = 0;
    this.n0 = 0;
    this.limit0 = this.level0.length;
    this.cacheCount = -1;
    this.cacheValues = new Float64Array(0);
    this.cacheWeights = new Float64Array(0);
    this.cacheCumulative = new Float64Array(0);
  }

  /** Adds one value; the caller skips NaN. */
  add(x: number): void {
    if (this.n0 === this.limit0) this.makeRoom();
    this.level0[this.n0++] = x;
    this.n++;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /**
   * Adds `count` values at once (they are not modified). In the sketch phase a copy of the batch is
   * sorted (by `sortFloat64`, in the native sort's order) and compacted down the levels in one go,
   * one random-offset compaction per level, which costs far less than adding them one by one; each
   * compaction is counted in the error bound like any other.
   */
  addBatch(values: Float64Array, count: number): void {
    if (count <= 0) return;
    if (this.isExact && this.n + count <= this.exactCapacity) {
      for (let i = 0; i < count; i++) this.add(values[i]!);
      return;
    }
    if (this.isExact) {
      this.sizes[0] = this.n0;
      this.convertToSketch();
    }
    const buf = sortFloat64(values.slice(0, count));
    if (buf[0]! < this.lo) this.lo = buf[0]!;
    if (buf[count - 1]! > this.hi) this.hi = buf[count - 1]!;
    this.n += count;
    let h = 0;
    let size = count;
    while (size > this.k) {
      const paired = size & ~1;
      const offset = this.nextBit();
      // The odd value out (the largest) stays at this level with its weight.
      if (paired < size) this.appendSorted(h, buf, size - 1, 1);
      // Every other value moves up, compacted in place: value i comes from offset + 2i >= i.
      const half = paired >> 1;
      for (let i = 0, j = offset; i < half; i++, j += 2) buf[i] = buf[j]!;
      this.errorScale = Math.hypot(this.errorScale, 2 ** h);
      size = half;
      h++;
    }
    this.appendSorted(h, buf, 0, size);
    this.compact();
    this.cacheCount = -1;
  }

  /**
   * Adds counts[i] copies of values[i], for i < size (each value at most once, in any order; the
   * counts are whole numbers). Past the exact phase a count goes in by its binary digits: its 2^h
   * part is one value at level h, which is exactly what such a value stands for, so nothing is lost
   * on the way in, and only the distinct values are sorted, not every copy. Compactions that follow
   * are counted in the error bound as usual.
   */
  addCounts(values: Float64Array, counts: Float64Array, size: number): void {
    let total = 0;
    const present: number[] = [];
    for (let i = 0; i < size; i++) {
      const c = counts[i]!;
      if (!(Number.isInteger(c) && c >= 0)) throw new RangeError(`addCounts: counts must be whole numbers >= 0, got ${c}`);
      if (c > 0) present.push(i);
      total += c;
    }
    if (total === 0) return;
    if (this.isExact && this.n + total <= this.exactCapacity) {
      for (const i of present) for (let c = counts[i]!; c > 0; c--) this.add(values[i]!);
      return;
    }
    if (this.isExact) {
      this.sizes[0] = this.n0;
      this.convertToSketch();
    }
    present.sort((a, b) => values[a]! - values[b]!);
    const level = new Float64Array(present.length);
    for (let h = 0, weight = 1; weight <= total; h++, weight *= 2) {
      let m = 0;
      for (const i of present) if (Math.floor(counts[i]! / weight) % 2 === 1) level[m++] = values[i]!;
      if (m > 0) this.appendSorted(h, level, 0, m);
    }
    const lo = values[present[0]!]!;
    const hi = values[present[present.length - 1]!]!;
    if (lo < this.lo) this.lo = lo;
    if (hi > this.hi) this.hi = hi;
    this.n += total;
    this.compact();
    this.cacheCount = -1;
  }

  /** Appends sorted values buf[from, from + size) to level h (level 0 need not stay sorted). */
  private appendSorted(h: number, buf: Float64Array, from: number, size: number): void {
    this.sizes[0] = this.n0;
    this.appendToLevel(h, buf.subarray(from, from + size), size);
    this.n0 = this.sizes[0]!;
    this.level0 = this.levels[0]!;
  }

  get count(): number {
    return this.n;
  }

  /** The smallest value added (exact in both phases); NaN while empty. */
  get min(): number {
    return this.n === 0 ? NaN : this.lo;
  }

  get max(): number {
    return this.n === 0 ? NaN : this.hi;
  }

  /** True while every value is kept. */
  get exact(): boolean {
    return this.isExact;
  }

  /** Adds the values summarised by `other` (left unchanged). */
  merge(other: QuantileSketch): void {
    if (other.n === 0) return;
    if (other === this) other = QuantileSketch.fromJSON(this.toJSON());
    this.sizes[0] = this.n0;
    if (this.isExact && other.isExact && this.n + other.n <= this.exactCapacity) {
      this.appendToLevel(0, other.level0, other.n0);
      this.n0 = this.sizes[0]!;
      this.level0 = this.levels[0]!;
      this.limit0 = this.level0.length;
    } else {
      if (this.isExact) this.convertToSketch();
      if (other.isExact) {
        for (let i = 0; i < other.n0; i++) this.insertIntoLevels(other.level0[i]!);
      } else {
        this.sizes[0] = this.n0;
        for (let h = 0; h < other.levels.length; h++) {
          const size = h === 0 ? other.n0 : other.sizes[h]!;
          if (size > 0) this.appendToLevel(h, other.levels[h]!, size);
        }
        this.n0 = this.sizes[0]!;
        this.level0 = this.levels[0]!;
        // Sketches of one seed flipped the same coins: their errors may add up, so add the bounds.
        this.errorScale = this.seed === other.seed ? this.errorScale + other.errorScale : Math.hypot(this.errorScale, other.errorScale);
        // A fresh coin sequence from here on, independent of what either sketch flipped so far.
        this.rngState = seedState((this.rngState ^ Math.imul(other.rngState, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);
      }
      this.compact();
    }
    this.n += other.n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  /**
   * The q-quantile, q in [0, 1]. Exact phase: numpy's default ('linear') interpolation, equal to
   * `np.quantile`. Sketch phase: the smallest retained value whose estimated rank reaches q·count
   * (q = 0 and q = 1 give the exact min and max); its true rank is within `rankError()` of q.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
    if (this.n === 0) return NaN;
    this.refreshCache();
    const values = this.cacheValues;
    if (this.isExact) {
      const position = q * (this.n - 1);
      const below = Math.floor(position);
      if (below >= this.n - 1) return values[this.n - 1]!;
      return lerp(values[below]!, values[below + 1]!, position - below);
    }
    if (q === 0) return this.lo;
    if (q === 1) return this.hi;
    const target = q * this.n;
    const cumulative = this.cacheCumulative;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! >= target) high = mid;
      else low = mid + 1;
    }
    return values[low]!;
  }

  /** The fraction of values <= x: the empirical CDF at x (estimated in the sketch phase). */
  rank(x: number): number {
    if (this.n === 0) return NaN;
    this.refreshCache();
    const index = upperBound(this.cacheValues, x);
    return index === 0 ? 0 : this.cacheCumulative[index - 1]! / this.n;
  }

  /** Sorted retained values and their weights (all 1 in the exact phase); weights add up to count. */
  weightedValues(): { values: Float64Array; weights: Float64Array } {
    this.refreshCache();
    return { values: this.cacheValues.slice(), weights: this.cacheWeights.slice() };
  }

  /**
   * A bound on sup_x |estimated rank(x) - true rank(x)| as a fraction of count, holding with
   * probability at least 99% over the coin flips; 0 in the exact phase.
   */
  rankError(): number {
    if (this.isExact || this.n === 0) return 0;
    return (this.errorScale * Math.sqrt(2 * Math.log((2 * (this.n + 1)) / RANK_ERROR_FAILURE_PROBABILITY))) / this.n;
  }

  toJSON(): QuantileSketchState {
    const levels: number[][] = [];
    for (let h = 0; h < this.levels.length; h++) {
      const size = h === 0 ? this.n0 : this.sizes[h]!;
      levels.push(Array.from(this.levels[h]!.subarray(0, size)));
    }
    return {
      version: 1,
      k: this.k,
      seed: this.seed,
      rng: this.rngState,
      count: this.n,
      min: this.n === 0 ? null : this.lo,
      max: this.n === 0 ? null : this.hi,
      exact: this.isExact,
      errorScale: this.errorScale,
      levels,
    };
  }

  static fromJSON(state: QuantileSketchState): QuantileSketch {
    if (state.version !== 1) throw new Error(`QuantileSketch: unsupported state version ${String(state.version)}`);
    const sketch = new QuantileSketch(state.k, state.seed);
    sketch.rngState = state.rng >>> 0 || seedState(state.seed);
    sketch.n = state.count;
    sketch.lo = state.min ?? Infinity;
    sketch.hi = state.max ?? -Infinity;
    sketch.isExact = state.exact;
    sketch.errorScale = state.errorScale;
    sketch.levels = state.levels.map((values) => Float64Array.from(values.length === 0 ? [0] : values));
    sketch.sizes = state.levels.map((values) => values.length);
    if (sketch.levels.length === 0) {
      sketch.levels = [new Float64Array(1)];
      sketch.sizes = [0];
    }
    for (let h = 1; h < sketch.levels.length; h++) sketch.levels[h]!.subarray(0, sketch.sizes[h]).sort();
    sketch.level0 = sketch.levels[0]!;
    sketch.n0 = sketch.sizes[0]!;
    if (sketch.isExact) {
      sketch.limit0 = sketch.level0.length;
    } else {
      sketch.updateCapacities();
      sketch.updateLimit0();
    }
    return sketch;
  }

  /** Called by add() when level 0 has no free slot. */
  private makeRoom(): void {
    if (this.isExact) {
      if (this.n0 < this.exactCapacity) {
        this.level0 = growTo(this.level0, this.n0, Math.min(this.exactCapacity, 2 * this.level0.length));
        this.levels[0] = this.level0;
        this.limit0 = this.level0.length;
        return;
      }
      this.convertToSketch();
    }
    this.compact();
  }

  /** Compacts until the retained values fit the capacities again, and sets how far level 0 may fill. */
  private compact(): void {
    this.sizes[0] = this.n0;
    while (this.retainedCount() >= this.totalCapacity) this.compressOnce();
    this.updateLimit0();
  }

  /** Leaves the exact phase: the kept values go through the sketch as if they had just arrived. */
  private convertToSketch(): void {
    const kept = this.level0.slice(0, this.n0);
    this.isExact = false;
    this.level0 = new Float64Array(this.k);
    this.levels = [this.level0];
    this.sizes = [0];
    this.n0 = 0;
    this.updateCapacities();
    this.updateLimit0();
    for (let i = 0; i < kept.length; i++) this.insertIntoLevels(kept[i]!);
    this.sizes[0] = this.n0;
    this.updateLimit0();
  }

  /** add() without the count: used to replay values that are already counted. */
  private insertIntoLevels(x: number): void {
    if (this.n0 >= this.limit0) this.compact();
    this.level0[this.n0++] = x;
  }

  private retainedCount(): number {
    let total = 0;
    for (let h = 0; h < this.sizes.length; h++) total += this.sizes[h]!;
    return total;
  }

  /** Compacts the lowest level at or above its capacity, adding a level on top when needed. */
  private compressOnce(): void {
    let h = 0;
    while (this.sizes[h]! < this.capacities[h]!) h++;
    if (h === this.levels.length - 1) {
      this.levels.push(new Float64Array(Math.max(MIN_LEVEL_CAPACITY, this.k >> 1)));
      this.sizes.push(0);
      this.updateCapacities();
    }
    const level = this.levels[h]!;
    const size = this.sizes[h]!;
    // Levels above 0 are kept sorted, so only level 0 needs a sort.
    if (h === 0) sortFloat64(level.subarray(0, size));
    const paired = size & ~1;
    const offset = this.nextBit();
    const next = h + 1;
    let target = this.levels[next]!;
    const targetSize = this.sizes[next]!;
    const incoming = paired >> 1;
    if (targetSize + incoming > target.length) {
      target = growTo(target, targetSize, Math.max(targetSize + incoming, 2 * target.length));
      this.levels[next] = target;
    }
    // Merge every other value, from the back, into the sorted level above.
    let write = targetSize + incoming - 1;
    let existing = targetSize - 1;
    let source = offset + 2 * (incoming - 1);
    while (source >= 0) {
      const value = level[source]!;
      if (existing >= 0 && target[existing]! > value) {
        target[write--] = target[existing--]!;
      } else {
        target[write--] = value;
        source -= 2;
      }
    }
    this.sizes[next] = targetSize + incoming;
    // An odd value out (the largest) stays, with its weight; the level stays sorted.
    if (paired < size) level[0] = level[size - 1]!;
    this.sizes[h] = size - paired;
    const weight = 2 ** h;
    this.errorScale = Math.hypot(this.errorScale, weight);
    if (h === 0) this.n0 = this.sizes[0]!;
    this.level0 = this.levels[0]!;
  }

  private updateCapacities(): void {
    const height = this.levels.length;
    this.capacities = [];
    let total = 0;
    for (let h = 0; h < height; h++) {
      // Level 0 keeps the full width: compacting it in batches of k instead of 8 makes add() several
      // times faster for at most k more values, and weight-1 compactions add almost no error.
      const capacity = h === 0 ? this.k : Math.max(MIN_LEVEL_CAPACITY, Math.ceil(this.k * LEVEL_SHRINK ** (height - 1 - h)));
      this.capacities.push(capacity);
      total += capacity;
    }
    this.totalCapacity = total;
  }

  /** Level 0 may fill until the retained values reach the total capacity. */
  private updateLimit0(): void {
    const room = this.totalCapacity - (this.retainedCount() - this.n0);
    if (room > this.level0.length) {
      this.level0 = growTo(this.level0, this.n0, room);
      this.levels[0] = this.level0;
    }
    this.limit0 = Math.max(room, this.n0 + 1);
    if (this.limit0 > this.level0.length) {
      this.level0 = growTo(this.level0, this.n0, this.limit0);
      this.levels[0] = this.level0;
    }
  }

  /** Adds `size` values of `source` to level h; above level 0 both are sorted and stay so. */
  private appendToLevel(h: number, source: Float64Array, size: number): void {
    while (this.levels.length <= h) {
      this.levels.push(new Float64Array(Math.max(MIN_LEVEL_CAPACITY, size)));
      this.sizes.push(0);
    }
    if (!this.isExact) this.updateCapacities();
    let level = this.levels[h]!;
    const used = this.sizes[h]!;
    if (used + size > level.length) {
      level = growTo(level, used, Math.max(used + size, 2 * level.length));
      this.levels[h] = level;
    }
    if (h === 0 || used === 0) {
      level.set(source.subarray(0, size), used);
    } else {
      let write = used + size - 1;
      let existing = used - 1;
      for (let from = size - 1; from >= 0; ) {
        const value = source[from]!;
        if (existing >= 0 && level[existing]! > value) level[write--] = level[existing--]!;
        else {
          level[write--] = value;
          from--;
        }
      }
    }
    this.sizes[h] = used + size;
    if (h === 0) this.level0 = level;
  }

  /** xorshift32: one bit per compaction. */
  private nextBit(): number {
    let s = this.rngState;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.rngState = s >>> 0;
    return this.rngState >>> 31;
  }

  private refreshCache(): void {
    if (this.cacheCount === this.n) return;
    let total = this.n0;
    if (!this.isExact) for (let h = 1; h < this.levels.length; h++) total += this.sizes[h]!;
    const values = new Float64Array(total);
    const weights = new Float64Array(total);
    if (this.isExact) {
      // The multiset is all that matters, so level 0 can be kept sorted in place.
      const kept = this.level0.subarray(0, this.n0);
      kept.sort();
      values.set(kept);
      weights.fill(1);
    } else {
      const rawValues = new Float64Array(total);
      const rawWeights = new Float64Array(total);
      let at = 0;
      for (let h = 0; h < this.levels.length; h++) {
        const size = h === 0 ? this.n0 : this.sizes[h]!;
        const level = this.levels[h]!;
        const weight = 2 ** h;
        for (let i = 0; i < size; i++) {
          rawValues[at] = level[i]!;
          rawWeights[at++] = weight;
        }
      }
      const order = new Uint32Array(total);
      for (let i = 0; i < total; i++) order[i] = i;
      order.sort((a, b) => rawValues[a]! - rawValues[b]!);
      for (let i = 0; i < total; i++) {
        values[i] = rawValues[order[i]!]!;
        weights[i] = rawWeights[order[i]!]!;
      }
    }
    const cumulative = new Float64Array(total);
    let running = 0;
    for (let i = 0; i < total; i++) {
      running += weights[i]!;
      cumulative[i] = running;
    }
    this.cacheValues = values;
    this.cacheWeights = weights;
    this.cacheCumulative = cumulative;
    this.cacheCount = this.n;
  }
}

/** numpy's _lerp: exact at both ends and monotonic. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The number of values <= x in a sorted array. */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

function growTo(array: Float64Array, used: number, length: number): Float64Array {
  const grown = new Float64Array(length);
  grown.set(array.subarray(0, used));
  return grown;
}

/** A non-zero xorshift state from any seed (murmur3's finaliser spreads nearby seeds apart). */
function seedState(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  return h === 0 ? 0x6d2b79f5 : h;
}
