/**
 * `sortFloat64(values)`: sorts a Float64Array in place into exactly the order of
 * `Float64Array.prototype.sort()` (ascending, -0 before +0, NaN last): on Node 20, 2.3 times as fast
 * as the native sort at 2,048 random doubles and 4.4 times at 65,536 (5 to 7 times on whole numbers).
 *
 * Method: an LSD radix sort on the IEEE-754 bits, read through a Uint32Array view of the same
 * buffer, in six passes of 11, 11 and 10 bits per 32-bit word (low word first). Unsigned order of
 * the bits is the order of the non-negative values; the sign is handled in the last pass (see
 * `topPass`). Before the passes one read of the data counts all six digits; a pass whose digit is
 * the same for every value is skipped, which drops the low passes for integer-valued data. The
 * values move as whole doubles, so their bits are never reinterpreted.
 *
 * Memory: one scratch array as long as the longest array sorted so far, kept for reuse (512 KiB
 * after a 65,536-value sort), and 52 KiB of counters. Short arrays, and big-endian machines, use
 * the native sort.
 */

/** Below this length the native sort is as fast: the six histograms cost more than they save. */
const MIN_RADIX_LENGTH = 512;
const BUCKETS = 2048; // 11-bit digits
const DIGITS = 6;
/** Offset in `counts` of the top pass's per-bucket step (+1 or -1), kept in the same array. */
const STEP = DIGITS * BUCKETS;
/** Top digit (sign and the 9 highest exponent bits): 512 and above are negative values. */
const NEGATIVE = 512;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const counts = new Int32Array(STEP + 1024);
let scratch = new Float64Array(0);
let scratchWords = new Uint32Array(0);

/** Sorts `values` in place like `values.sort()` and returns it. */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < MIN_RADIX_LENGTH || !LITTLE_ENDIAN) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  countDigits(words, n);
  // NaN has all exponent bits set, so its top digit is 511 or 1023 (shared only with ±Infinity and
  // values of magnitude >= 2^1021): look for NaN only then, sort the rest and put NaN last.
  if (counts[5 * BUCKETS + 511]! + counts[5 * BUCKETS + 1023]! > 0) {
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      if (x === x) values[kept++] = x;
    }
    if (kept < n) {
      sortFloat64(values.subarray(0, kept));
      return values.fill(NaN, kept);
    }
  }
  if (scratch.length < n) {
    scratch = new Float64Array(n);
    scratchWords = new Uint32Array(scratch.buffer);
  }
  let source: Float64Array = values;
  let sourceWords: Uint32Array = words;
  let target: Float64Array = scratch;
  let targetWords: Uint32Array = scratchWords;
  for (let digit = 0; digit < DIGITS; digit++) {
    const word = digit < 3 ? 0 : 1;
    const shift = (digit % 3) * 11;
    const mask = shift === 22 ? 0x3ff : 0x7ff;
    // The digit of the first value: if every value has it, this pass would not move anything.
    const first = (words[word]! >>> shift) & mask;
    const everyValue = counts[digit * BUCKETS + first] === n;
    if (digit < DIGITS - 1) {
      if (everyValue) continue;
      pass(source, sourceWords, target, n, digit * BUCKETS, word, shift, mask);
    } else {
      // All negative still needs the pass: it reverses them.
      if (everyValue && first < NEGATIVE) continue;
      topPass(source, sourceWords, target, n);
    }
    [source, target] = [target, source];
    [sourceWords, targetWords] = [targetWords, sourceWords];
  }
  if (source !== values) values.set(source.subarray(0, n));
  return values;
}

/** Histograms of all six digits in one read of the data. */
function countDigits(words: Uint32Array, n: number): void {
  const c = counts;
  c.fill(0, 0, STEP);
  for (let j = 0; j < 2 * n; j += 2) {
    const lo = words[j]!;
    const hi = words[j + 1]!;
    c[lo & 0x7ff]!++;
    c[BUCKETS + ((lo >>> 11) & 0x7ff)]!++;
    c[2 * BUCKETS + (lo >>> 22)]!++;
    c[3 * BUCKETS + (hi & 0x7ff)]!++;
    c[4 * BUCKETS + ((hi >>> 11) & 0x7ff)]!++;
    c[5 * BUCKETS + (hi >>> 22)]!++;
  }
}

/**
 * One stable counting pass on the digit (words[2i + word] >>> shift) & mask. Unrolled by four: V8
 * reloads a typed array's length and data pointer after every store to another typed array, and
 * the unrolled body shares those loads (about 4 instead of 9 ns per value and pass).
 */
function pass(source: Float64Array, words: Uint32Array, target: Float64Array, n: number, base: number, word: number, shift: number, mask: number): void {
  const c = counts;
  let sum = 0;
  for (let b = base; b <= base + mask; b++) {
    const k = c[b]!;
    c[b] = sum;
    sum += k;
  }
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const j = 2 * i + word;
    const b0 = base + ((words[j]! >>> shift) & mask);
    const b1 = base + ((words[j + 2]! >>> shift) & mask);
    const b2 = base + ((words[j + 4]! >>> shift) & mask);
    const b3 = base + ((words[j + 6]! >>> shift) & mask);
    const v0 = source[i]!;
    const v1 = source[i + 1]!;
    const v2 = source[i + 2]!;
    const v3 = source[i + 3]!;
    target[c[b0]!++] = v0;
    target[c[b1]!++] = v1;
    target[c[b2]!++] = v2;
    target[c[b3]!++] = v3;
  }
  for (; i < n; i++) target[c[base + ((words[2 * i + word]! >>> shift) & mask)]!++] = source[i]!;
}

/**
 * The last pass, on the top 10 bits (sign and 9 exponent bits). The lower passes left the values in
 * ascending order of their bits, which is ascending magnitude for negative values too. So the
 * negative buckets come first, the largest bits (most negative) first, and each fills from its end
 * down, which reverses its values into ascending order; -0 (the smallest negative bits) lands last
 * among the negatives, right before +0. The non-negative buckets follow in ascending order.
 */
function topPass(source: Float64Array, words: Uint32Array, target: Float64Array, n: number): void {
  const c = counts;
  const base = 5 * BUCKETS;
  let sum = 0;
  for (let b = 1023; b >= NEGATIVE; b--) {
    sum += c[base + b]!;
    c[base + b] = sum - 1;
    c[STEP + b] = -1;
  }
  for (let b = 0; b < NEGATIVE; b++) {
    const k = c[base + b]!;
    c[base + b] = sum;
    c[STEP + b] = 1;
    sum += k;
  }
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const j = 2 * i + 1;
    const b0 = words[j]! >>> 22;
    const b1 = words[j + 2]! >>> 22;
    const b2 = words[j + 4]! >>> 22;
    const b3 = words[j + 6]! >>> 22;
    const v0 = source[i]!;
    const v1 = source[i + 1]!;
    const v2 = source[i + 2]!;
    const v3 = source[i + 3]!;
    let p = c[base + b0]!;
    c[base + b0] = p + c[STEP + b0]!;
    target[p] = v0;
    p = c[base + b1]!;
    c[base + b1] = p + c[STEP + b1]!;
    target[p] = v1;
    p = c[base + b2]!;
    c[base + b2] = p + c[STEP + b2]!;
    target[p] = v2;
    p = c[base + b3]!;
    c[base + b3] = p + c[STEP + b3]!;
    target[p] = v3;
  }
  for (; i < n; i++) {
    const b = words[2 * i + 1]! >>> 22;
    const p = c[base + b]!;
    c[base + b] = p + c[STEP + b]!;
    target[p] = source[i]!;
  }
}
