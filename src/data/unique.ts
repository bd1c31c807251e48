import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The `unique: true` check of one column in bounded memory. Values are known by their 53-bit hash
 * (two different values share one with probability about n²/2⁵⁴: under 0.6 % at ten million rows),
 * and each hash by the position where it was first seen: a file index and a line, packed in one
 * number as file · 2³² + line.
 *
 * While every value is greater than the one before it (ids in increasing order, a common case:
 * the caller compares each value with the previous one and passes the sign as `order`), a repeat
 * can only be of the previous value, so the pairs are only appended to a log, in order: no table,
 * no random memory access. The first value out of order turns the log into the table.
 *
 * While at most `memoryEntries` distinct hashes have been seen, they sit in an open-addressing
 * table and a repeat is reported at once. Past that, the table is written out and every later
 * (hash, position) pair is appended to one of 64 temporary files chosen by the hash's top bits;
 * `finish` then reads the files back one at a time and finds the repeats in each. So memory stays
 * at the table's size however many rows come, and the disk holds 16 bytes a row past the limit.
 */

/** 2^20 hashes in memory at most: a 32 MiB table, enough for a million-row column without spilling. */
export const DEFAULT_MEMORY_ENTRIES = 1 << 20;
const BUCKET_BITS = 6;
const BUCKETS = 1 << BUCKET_BITS;
/** Pairs buffered per bucket before a write: 64 buckets × 32 KiB. */
const BUCKET_PAIRS = 2048;
const TWO_POW_32 = 4294967296;

export interface Repeat {
  /** Where the value repeats, and where it was first seen (file index and line). */
  file: number;
  line: number;
  firstFile: number;
  firstLine: number;
}

export function packPosition(file: number, line: number): number {
  return file * TWO_POW_32 + line;
}

export function unpack(position: number): { file: number; line: number } {
  const file = Math.floor(position / TWO_POW_32);
  return { file, line: position - file * TWO_POW_32 };
}

export class UniqueChecker {
  /**
   * The open-addressing table: slot i holds a hash + 1 at 2i (0: empty) and its first position at
   * 2i + 1, side by side, so a probe touches one cache line.
   */
  private table = new Float64Array(0);
  private size = 0;
  private spill: Spill | undefined;
  private readonly slots: number;
  /** True while every value has been greater than the previous one: pairs go to `log`. */
  private ordered = true;
  private log = new Float64Array(2 * 1024);
  private logged = 0;
  /** In order: where the previous value was first seen. */
  private previousFirst = -1;

  /**
   * `expectedEntries`, a guess of the distinct values to come (from the data's size), sizes the
   * table once instead of growing it step by step; it is capped at `memoryEntries`.
   */
  constructor(
    private readonly memoryEntries = DEFAULT_MEMORY_ENTRIES,
    expectedEntries = 0,
  ) {
    this.slots = 2 ** Math.ceil(Math.log2(2 * Math.max(1 << 11, Math.min(memoryEntries, expectedEntries))));
  }

  /** True while the values have come in increasing order (the caller need not compare them after). */
  get inOrder(): boolean {
    return this.ordered;
  }

  /**
   * Records a value's hash at a position; returns the packed position where it was first seen,
   * or -1 when it is new, or not known yet (past the memory limit: see finish). `order` is the sign
   * of the value minus the previous value (any when there is none), or -1 when not known.
   */
  check(hash: number, position: number, order = -1): number {
    if (this.ordered) {
      if (order > 0 || this.logged === 0) {
        if (this.logged === this.log.length) {
          if (this.logged >= 2 * this.memoryEntries) {
            this.leaveOrder();
            return this.check(hash, position);
          }
          const log = new Float64Array(2 * this.log.length);
          log.set(this.log);
          this.log = log;
        }
        this.log[this.logged++] = hash;
        this.log[this.logged++] = position;
        this.previousFirst = position;
        return -1;
      }
      if (order === 0) return this.previousFirst;
      this.leaveOrder();
    }
    if (this.spill !== undefined) {
      this.spill.append(hash, position);
      return -1;
    }
    const table = this.table;
    const key = hash + 1; // 0 marks an empty slot
    const mask = (table.length >> 1) - 1;
    let i = (hash >>> 0) & mask;
    for (;;) {
      const k = table[2 * i]!;
      if (k === 0) break;
      if (k === key) return table[2 * i + 1]!;
      i = (i + 1) & mask;
    }
    if (this.size === this.memoryEntries) {
      this.startSpilling();
      this.spill!.append(hash, position);
      return -1;
    }
    table[2 * i] = key;
    table[2 * i + 1] = position;
    if (++this.size * 4 > table.length) this.grow();
    return -1;
  }

  /** The log becomes the table (and maybe the spill): from here on, every value is looked up. */
  private leaveOrder(): void {
    this.ordered = false;
    this.table = new Float64Array(2 * this.slots);
    const log = this.log;
    const logged = this.logged;
    this.log = new Float64Array(0);
    for (let j = 0; j < logged; j += 2) this.check(log[j]!, log[j + 1]!);
  }

  /** True once values have gone to disk: their repeats come from finish. */
  get spilled(): boolean {
    return this.spill !== undefined;
  }

  /**
   * The repeats found on disk: their number, and the `keep` with the smallest positions, in
   * position order. Removes the temporary files; the checker takes no more values.
   */
  finish(keep: number): { count: number; first: Repeat[] } {
    const spill = this.spill;
    if (spill === undefined) return { count: 0, first: [] };
    try {
      const smallest = new SmallestPairs(keep);
      let count = 0;
      spill.forEachBucket((pairs) => {
        count += findRepeats(pairs, (position, first) => smallest.add(position, first));
      });
      return {
        count,
        first: smallest.sorted().map(([position, first]) => {
          const at = unpack(position);
          const firstAt = unpack(first);
          return { file: at.file, line: at.line, firstFile: firstAt.file, firstLine: firstAt.line };
        }),
      };
    } finally {
      this.dispose();
    }
  }

  /** Removes the temporary files (also after an error). */
  dispose(): void {
    this.spill?.remove();
    this.spill = undefined;
  }

  private startSpilling(): void {
    const spill = new Spill();
    // The table's hashes go first, so each bucket holds its pairs in the order they were seen
    // up to where it matters: every table entry is a first sighting.
    const table = this.table;
    for (let j = 0; j < table.length; j += 2) {
      if (table[j] !== 0) spill.append(table[j]! - 1, table[j + 1]!);
    }
    this.table = new Float64Array(0);
    this.spill = spill;
  }

  private grow(): void {
    const old = this.table;
    const table = new Float64Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const k = old[j]!;
      if (k === 0) continue;
      let i = ((k - 1) >>> 0) & mask;
      while (table[2 * i] !== 0) i = (i + 1) & mask;
      table[2 * i] = k;
      table[2 * i + 1] = old[j + 1]!;
    }
    this.table = table;
  }
}

/**
 * The order of a `unique` column's values, for UniqueChecker.check and UniquePairWriter.check: each
 * value against the previous one (numbers by value, text byte by byte in UTF-8), while they have
 * come in increasing order. Values that repeat the previous one, or come after a larger one, do not
 * replace it. `first` is the first value given.
 */
export class ValueOrder {
  first: Uint8Array | number | undefined;
  private previousBytes = new Uint8Array(64);
  private previousLength = -1;
  private previousNumber = NaN;

  /** The sign of value - previous (1 for the first value). */
  of(value: number | Uint8Array): number {
    return typeof value === 'number' ? this.ofNumber(value) : this.ofBytes(value, 0, value.length);
  }

  ofNumber(x: number): number {
    const previous = this.previousNumber;
    if (previous !== previous) this.first ??= x;
    const order = previous !== previous || x > previous ? 1 : x === previous ? 0 : -1;
    if (order > 0) this.previousNumber = x;
    return order;
  }

  /** The same for the text in buf[s, e). */
  ofBytes(buf: Uint8Array, s: number, e: number): number {
    const length = e - s;
    let order = 1;
    let previous = this.previousBytes;
    const previousLength = this.previousLength;
    // The common prefix with the previous value: its length, i, is also what need not be copied.
    let i = 0;
    if (previousLength >= 0) {
      const n = Math.min(length, previousLength);
      while (i < n && buf[s + i] === previous[i]) i++;
      order = i < n ? (buf[s + i]! > previous[i]! ? 1 : -1) : Math.sign(length - previousLength);
    } else {
      this.first ??= buf.slice(s, e);
    }
    if (order > 0) {
      if (previous.length < length) {
        const grown = new Uint8Array(2 * length);
        grown.set(previous.subarray(0, i));
        this.previousBytes = previous = grown;
      }
      // A byte loop, not set(subarray()): an id is a few bytes, and a view per value costs more.
      for (let j = i; j < length; j++) previous[j] = buf[s + j]!;
      this.previousLength = length;
    }
    return order;
  }
}

/**
 * The `unique` check of a helper's part of a file (see readers/csv-split.ts): its values are not
 * checked here but written, as (hash, position, order) triples in the order they come, to a file
 * that the reader of the part before it checks after its own rows (forEachPair), as if it had read
 * them. `order` is as for UniqueChecker.check; the first one is the reader's to work out.
 */
export class UniquePairWriter {
  private readonly pairs = new Float64Array(3 * BUCKET_PAIRS * 16);
  private fill = 0;
  private fd: number;
  private ordered = true;
  /** The first value (its UTF-8 bytes, or a number), for the reader to compare with its own last one. */
  first: Uint8Array | number | undefined;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  /** True until a value came out of order: after that, nobody needs the order. */
  get inOrder(): boolean {
    return this.ordered;
  }

  check(hash: number, position: number, order = -1): number {
    if (order < 0) this.ordered = false;
    this.pairs[this.fill++] = hash;
    this.pairs[this.fill++] = position;
    this.pairs[this.fill++] = order;
    if (this.fill === this.pairs.length) this.flush();
    return -1;
  }

  get spilled(): boolean {
    return false;
  }

  /** Writes what is buffered and closes the file; the first value goes beside it (firstValueOf). */
  finish(): { count: number; first: Repeat[] } {
    this.flush();
    this.dispose();
    const first = this.first;
    writeFileSync(`${this.file}.first.json`, JSON.stringify(first === undefined ? {} : typeof first === 'number' ? { number: first } : { bytes: Buffer.from(first).toString('base64') }));
    return { count: 0, first: [] };
  }

  dispose(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private flush(): void {
    const bytes = new Uint8Array(this.pairs.buffer, 0, this.fill * 8);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.fill = 0;
  }
}

/** The first value a UniquePairWriter was given, if any. */
export function firstValueOf(file: string): Uint8Array | number | undefined {
  const saved = JSON.parse(readFileSync(`${file}.first.json`, 'utf8')) as { number?: number; bytes?: string };
  return saved.number ?? (saved.bytes === undefined ? undefined : new Uint8Array(Buffer.from(saved.bytes, 'base64')));
}

/** Calls visit(hash, position, order) for each triple of a UniquePairWriter's file, in order. */
export function forEachPair(file: string, visit: (hash: number, position: number, order: number) => void): void {
  const fd = openSync(file, 'r');
  try {
    const pairs = new Float64Array(3 * BUCKET_PAIRS * 16);
    const bytes = new Uint8Array(pairs.buffer);
    for (;;) {
      let got = 0;
      while (got < bytes.length) {
        const n = readSync(fd, bytes, got, bytes.length - got, null);
        if (n === 0) break;
        got += n;
      }
      for (let j = 0; j + 2 < got >> 3; j += 3) visit(pairs[j]!, pairs[j + 1]!, pairs[j + 2]!);
      if (got < bytes.length) return;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Calls onRepeat(position, firstPosition) for every pair whose hash came earlier in `pairs`
 * (hash, position, hash, position, ...); returns how many there were. The table entries written
 * first all have distinct hashes and earlier positions than what follows, so "earlier in the
 * bucket" is "earlier in the data" wherever it decides.
 */
function findRepeats(pairs: Float64Array, onRepeat: (position: number, first: number) => void): number {
  const n = pairs.length >> 1;
  const size = 2 ** Math.ceil(Math.log2(2 * n + 2));
  const keys = new Float64Array(size);
  const firsts = new Float64Array(size);
  const mask = size - 1;
  let count = 0;
  for (let j = 0; j < pairs.length; j += 2) {
    const hash = pairs[j]!;
    const key = hash + 1;
    let i = (hash >>> 0) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === 0) {
        keys[i] = key;
        firsts[i] = pairs[j + 1]!;
        break;
      }
      if (k === key) {
        count++;
        onRepeat(pairs[j + 1]!, firsts[i]!);
        break;
      }
      i = (i + 1) & mask;
    }
  }
  return count;
}

/** The `keep` (position, first) pairs with the smallest positions, in bounded memory. */
class SmallestPairs {
  private pairs: Array<[number, number]> = [];
  /** Positions at or above this are not among the smallest once the list has been cut. */
  private cutoff = Infinity;

  constructor(private readonly keep: number) {}

  add(position: number, first: number): void {
    if (this.keep <= 0 || position >= this.cutoff) return;
    this.pairs.push([position, first]);
    if (this.pairs.length >= 2 * this.keep) this.cut();
  }

  sorted(): Array<[number, number]> {
    this.cut();
    return this.pairs;
  }

  private cut(): void {
    this.pairs.sort((a, b) => a[0] - b[0]);
    if (this.pairs.length >= this.keep) {
      this.pairs.length = this.keep;
      this.cutoff = this.pairs[this.keep - 1]![0];
    }
  }
}

/** The temporary bucket files, with a write buffer each. */
class Spill {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-unique-'));
  private readonly fds = new Int32Array(BUCKETS).fill(-1);
  private readonly buffers = Array.from({ length: BUCKETS }, () => new Float64Array(2 * BUCKET_PAIRS));
  private readonly fill = new Int32Array(BUCKETS);

  append(hash: number, position: number): void {
    const b = (hash >>> 0) >>> (32 - BUCKET_BITS);
    const buffer = this.buffers[b]!;
    let at = this.fill[b]!;
    buffer[at++] = hash;
    buffer[at++] = position;
    if (at === buffer.length) {
      this.write(b, at);
      at = 0;
    }
    this.fill[b] = at;
  }

  /** Each bucket's pairs in turn, read back whole (a bucket is a 64th of the spilled rows). */
  forEachBucket(visit: (pairs: Float64Array) => void): void {
    for (let b = 0; b < BUCKETS; b++) {
      if (this.fill[b]! > 0) this.write(b, this.fill[b]!);
      this.fill[b] = 0;
      if (this.fds[b]! < 0) continue;
      closeSync(this.fds[b]!);
      this.fds[b] = -1;
      const bytes = readFileSync(this.file(b));
      const pairs = new Float64Array(bytes.length >> 3);
      new Uint8Array(pairs.buffer).set(bytes);
      visit(pairs);
    }
  }

  remove(): void {
    for (let b = 0; b < BUCKETS; b++) {
      if (this.fds[b]! >= 0) closeSync(this.fds[b]!);
      this.fds[b] = -1;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private write(b: number, count: number): void {
    if (this.fds[b]! < 0) this.fds[b] = openSync(this.file(b), 'a');
    const buffer = this.buffers[b]!;
    const bytes = new Uint8Array(buffer.buffer, 0, count * 8);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fds[b]!, bytes, done, bytes.length - done);
  }

  private file(b: number): string {
    return path.join(this.dir, `bucket-${b}.bin`);
  }
}
