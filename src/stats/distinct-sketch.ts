/**
 * Distinct counts of a column: exact up to a cap of distinct values (10,000 by default), then a
 * HyperLogLog sketch (2^14 registers by default) read with Ertl's improved estimator ("New
 * cardinality estimation algorithms for HyperLogLog sketches", 2017), which needs no bias tables and
 * keeps its accuracy from small to huge counts.
 *
 * Values are identified by a 53-bit hash: the low 32 bits are MurmurHash3 (x86, 32-bit) of the
 * value's UTF-8 bytes with seed 0, the high 21 bits the top bits of the same hash with seed
 * 0x9747b28c, both computed in one pass. Below the cap the counter keeps the set of hashes: with 53
 * bits, two of 10,000 distinct values collide with probability about 10,000²/2^54 ≈ 6·10^-9, so
 * the count is exact in practice and the values themselves need not be kept. The HyperLogLog
 * register index is the top `precision` bits of the low word and the rank is taken from the other
 * 53 - precision bits.
 */

const SEED_LOW = 0;
const SEED_HIGH = 0x9747b28c;
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const TWO_POW_32 = 4294967296;

/** The 53-bit hash of buf[start, end): the same number as hashString for the string those UTF-8 bytes encode. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h1 = SEED_LOW;
  let h2 = SEED_HIGH;
  const length = end - start;
  const blocksEnd = start + (length & ~3);
  let i = start;
  for (; i < blocksEnd; i += 4) {
    let k = buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 ^= k;
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
  }
  const tail = length & 3;
  if (tail !== 0) {
    let k = 0;
    if (tail === 3) k ^= buf[i + 2]! << 16;
    if (tail >= 2) k ^= buf[i + 1]! << 8;
    k ^= buf[i]!;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h1 ^= k;
    h2 ^= k;
  }
  return finish(h1, h2, length);
}

function finish(h1: number, h2: number, length: number): number {
  return (fmix32(h2 ^ length) >>> 11) * TWO_POW_32 + fmix32(h1 ^ length);
}

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * A 53-bit hash of a number's bits (the width hashString and hashBytes give, which the distinct
 * counter expects), equal for equal numbers (0 and -0 included).
 */
export function hashNumber(x: number): number {
  f64[0] = x === 0 ? 0 : x;
  const lo = u32[0]!;
  const hi = u32[1]!;
  let a = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  let b = Math.imul(hi ^ Math.imul(lo, 0x85ebca6b), 0x27d4eb2f);
  b ^= b >>> 15;
  b = Math.imul(b, 0x165667b1);
  b ^= b >>> 13;
  return (b >>> 11) * 4294967296 + (a >>> 0);
}

let scratch = new Uint8Array(256);
const encoder = new TextEncoder();

/** The 53-bit hash of a string's UTF-8 bytes (a lone surrogate counts as U+FFFD, as TextEncoder writes it). */
export function hashString(s: string): number {
  const length = s.length;
  let h1 = SEED_LOW;
  let h2 = SEED_HIGH;
  const blocksEnd = length & ~3;
  let i = 0;
  // ASCII: one byte per code unit, read straight from the string.
  for (; i < blocksEnd; i += 4) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    const c2 = s.charCodeAt(i + 2);
    const c3 = s.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 0x7f) return hashNonAscii(s);
    let k = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 ^= k;
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
  }
  const tail = length & 3;
  if (tail !== 0) {
    const c0 = s.charCodeAt(i);
    const c1 = tail >= 2 ? s.charCodeAt(i + 1) : 0;
    const c2 = tail === 3 ? s.charCodeAt(i + 2) : 0;
    if ((c0 | c1 | c2) > 0x7f) return hashNonAscii(s);
    let k = c0 | (c1 << 8) | (c2 << 16);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h1 ^= k;
    h2 ^= k;
  }
  return finish(h1, h2, length);
}

function hashNonAscii(s: string): number {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (scratch.length < 3 * s.length) scratch = new Uint8Array(Math.max(3 * s.length, 2 * scratch.length));
  const { written } = encoder.encodeInto(s, scratch);
  return hashBytes(scratch, 0, written);
}

// ---------------------------------------------------------------------------------------------

const DEFAULT_EXACT_CAP = 10_000;
const DEFAULT_PRECISION = 14;
const HASH_BITS = 53;
const EMPTY = 0;

export interface DistinctCounterState {
  version: 1;
  exactCap: number;
  precision: number;
  exact: boolean;
  /** The set of hashes while exact. */
  hashes?: number[];
  /** The HyperLogLog registers, base64, once sketched. */
  registers?: string;
}

export class DistinctCounter {
  readonly exactCap: number;
  readonly precision: number;
  private isExact: boolean;
  /** Open addressing set of hash + 1 (0 marks an empty slot). */
  private table: Float64Array;
  private tableMask: number;
  private tableSize: number;
  private registers: Uint8Array;
  private readonly rankShift: number;
  private readonly lowMask: number;

  constructor(exactCap: number = DEFAULT_EXACT_CAP, precision: number = DEFAULT_PRECISION) {
    if (!Number.isInteger(precision) || precision < 4 || precision > 18) throw new RangeError(`DistinctCounter: precision must be an integer in [4, 18], got ${precision}`);
    if (!Number.isInteger(exactCap) || exactCap < 0) throw new RangeError(`DistinctCounter: exactCap must be a non-negative integer, got ${exactCap}`);
    this.exactCap = exactCap;
    this.precision = precision;
    this.isExact = true;
    this.table = new Float64Array(64);
    this.tableMask = 63;
    this.tableSize = 0;
    this.registers = new Uint8Array(0);
    this.rankShift = 32 - precision;
    this.lowMask = (1 << (32 - precision)) - 1;
  }

  /** Counts a value by its hash (hashBytes / hashString). `key` is not needed: see the top of this file. */
  addHash(h: number, _key?: string): void {
    if (this.isExact) {
      this.insertExact(h);
      return;
    }
    this.addToRegisters(h);
  }

  private insertExact(h: number): void {
    const stored = h + 1;
    const mask = this.tableMask;
    const table = this.table;
    let slot = (h >>> 0) & mask;
    for (;;) {
      const current = table[slot]!;
      if (current === stored) return;
      if (current === EMPTY) break;
      slot = (slot + 1) & mask;
    }
    table[slot] = stored;
    this.tableSize++;
    if (this.tableSize > this.exactCap) this.convertToSketch();
    else if (2 * this.tableSize > this.table.length) this.growTable();
  }

  private addToRegisters(h: number): void {
    const low = h >>> 0;
    const high = (h - low) / TWO_POW_32;
    const index = low >>> this.rankShift;
    let rank: number;
    if (high !== 0) {
      rank = Math.clz32(high) - 10;
    } else {
      const rest = low & this.lowMask;
      rank = rest !== 0 ? 21 + Math.clz32(rest) - this.precision + 1 : HASH_BITS - this.precision + 1;
    }
    if (rank > this.registers[index]!) this.registers[index] = rank;
  }

  private growTable(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    this.tableMask = this.table.length - 1;
    for (let i = 0; i < old.length; i++) {
      const stored = old[i]!;
      if (stored === EMPTY) continue;
      let slot = ((stored - 1) >>> 0) & this.tableMask;
      while (this.table[slot] !== EMPTY) slot = (slot + 1) & this.tableMask;
      this.table[slot] = stored;
    }
  }

  private convertToSketch(): void {
    this.isExact = false;
    this.registers = new Uint8Array(1 << this.precision);
    const old = this.table;
    for (let i = 0; i < old.length; i++) if (old[i] !== EMPTY) this.addToRegisters(old[i]! - 1);
    this.table = new Float64Array(0);
    this.tableMask = 0;
    this.tableSize = 0;
  }

  /** Adds the values counted by `other` (left unchanged); both must have the same precision. */
  merge(other: DistinctCounter): void {
    if (other.precision !== this.precision) throw new RangeError(`DistinctCounter.merge: precision ${other.precision} differs from ${this.precision}`);
    if (other === this) return;
    if (other.isExact) {
      const table = other.table;
      for (let i = 0; i < table.length; i++) if (table[i] !== EMPTY) this.addHash(table[i]! - 1);
      return;
    }
    if (this.isExact) this.convertToSketch();
    const mine = this.registers;
    const theirs = other.registers;
    for (let i = 0; i < mine.length; i++) if (theirs[i]! > mine[i]!) mine[i] = theirs[i]!;
  }

  /** The number of distinct values: exact below the cap, else the HyperLogLog estimate. */
  estimate(): number {
    if (this.isExact) return this.tableSize;
    const m = this.registers.length;
    const q = HASH_BITS - this.precision;
    const histogram = new Float64Array(q + 2);
    for (let i = 0; i < m; i++) histogram[this.registers[i]!]!++;
    let z = m * tau(1 - histogram[q + 1]! / m);
    for (let k = q; k >= 1; k--) z = 0.5 * (z + histogram[k]!);
    z += m * sigma(histogram[0]! / m);
    return (m * m) / (2 * Math.LN2 * z);
  }

  get exact(): boolean {
    return this.isExact;
  }

  /** The relative standard error of estimate(): 1.04/sqrt(2^precision) once sketched (0.81% at 14), 0 while exact. */
  relativeError(): number {
    return this.isExact ? 0 : 1.04 / Math.sqrt(1 << this.precision);
  }

  toJSON(): DistinctCounterState {
    if (this.isExact) {
      const hashes: number[] = [];
      for (let i = 0; i < this.table.length; i++) if (this.table[i] !== EMPTY) hashes.push(this.table[i]! - 1);
      hashes.sort((a, b) => a - b);
      return { version: 1, exactCap: this.exactCap, precision: this.precision, exact: true, hashes };
    }
    let binary = '';
    for (let i = 0; i < this.registers.length; i++) binary += String.fromCharCode(this.registers[i]!);
    return { version: 1, exactCap: this.exactCap, precision: this.precision, exact: false, registers: btoa(binary) };
  }

  static fromJSON(state: DistinctCounterState): DistinctCounter {
    if (state.version !== 1) throw new Error(`DistinctCounter: unsupported state version ${String(state.version)}`);
    const counter = new DistinctCounter(state.exactCap, state.precision);
    if (state.exact) {
      for (const h of state.hashes ?? []) counter.addHash(h);
      return counter;
    }
    const binary = atob(state.registers ?? '');
    if (binary.length !== 1 << state.precision) throw new Error(`DistinctCounter: ${binary.length} registers in the state, expected ${1 << state.precision}`);
    counter.isExact = false;
    counter.table = new Float64Array(0);
    counter.registers = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) counter.registers[i] = binary.charCodeAt(i);
    return counter;
  }
}

/** Ertl's σ(x) = x + Σ_{k>=1} x^(2^k)·2^(k-1), for the registers still at 0. */
function sigma(x: number): number {
  if (x === 1) return Infinity;
  let power = x;
  let y = 1;
  let z = x;
  for (;;) {
    power *= power;
    const previous = z;
    z += power * y;
    y += y;
    if (z === previous) return z;
  }
}

/** Ertl's τ(x), for registers at the maximum rank. */
function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let root = x;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    root = Math.sqrt(root);
    const previous = z;
    y *= 0.5;
    z -= (1 - root) ** 2 * y;
    if (z === previous) return z / 3;
  }
}
