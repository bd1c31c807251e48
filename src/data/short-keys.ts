/**
 * The short values (up to 8 bytes) of a categorical column that its top-values table already
 * holds, found by their bytes instead of their hash, and counted until `flush` hands the counts to
 * the profile. A country code or a device name then costs a few byte loads and one probe of a small
 * table, not a hash of its bytes and a probe of the profile's tables. Counting by batch gives the
 * same profile as counting one at a time because the caller flushes before anything else can change
 * the table (a new value, which may start a purge) and clears the values it then no longer knows.
 */

const SLOTS = 64;
/** At most this many values are kept, so a probe always meets an empty slot soon. */
const MAX_KEPT = 48;

export class ShortKeys {
  /** Bytes 0-3 and 4-7 of each kept value, little-endian, and its length (-1: empty slot). */
  private readonly low = new Int32Array(SLOTS);
  private readonly high = new Int32Array(SLOTS);
  private readonly length = new Int32Array(SLOTS).fill(-1);
  /** The value's hash (hashBytes) and its count since the last flush. */
  private readonly hashes = new Float64Array(SLOTS);
  readonly counts = new Float64Array(SLOTS);
  private kept = 0;
  private probedLow = 0;
  private probedHigh = 0;

  /** The slot of buf[s, e) when it is kept, else -1. */
  find(buf: Uint8Array, s: number, e: number): number {
    if (e - s > 8) return -1;
    const slot = this.probe(buf, s, e);
    return this.length[slot] === -1 ? -1 : slot;
  }

  /** Keeps buf[s, e), whose hash is `hash`, when it is short and there is room. */
  keep(buf: Uint8Array, s: number, e: number, hash: number): void {
    if (e - s > 8 || this.kept >= MAX_KEPT) return;
    const slot = this.probe(buf, s, e);
    if (this.length[slot] !== -1) return;
    this.low[slot] = this.probedLow;
    this.high[slot] = this.probedHigh;
    this.length[slot] = e - s;
    this.hashes[slot] = hash;
    this.counts[slot] = 0;
    this.kept++;
  }

  /** The slot holding buf[s, e) (at most 8 bytes), else the empty slot where it would go; its packed bytes stay in probedLow/probedHigh. */
  private probe(buf: Uint8Array, s: number, e: number): number {
    const n = e - s;
    let low = 0;
    let high = 0;
    const m = n < 4 ? n : 4;
    for (let i = 0; i < m; i++) low |= buf[s + i]! << (i << 3);
    for (let i = 4; i < n; i++) high |= buf[s + i]! << ((i - 4) << 3);
    this.probedLow = low;
    this.probedHigh = high;
    for (let slot = slotOf(low, high, n); ; slot = (slot + 1) & (SLOTS - 1)) {
      const length = this.length[slot]!;
      if (length === -1 || (length === n && this.low[slot] === low && this.high[slot] === high)) return slot;
    }
  }

  /** Hands each kept value's count to `add` (its hash and count) and starts counting again. */
  flush(add: (hash: number, count: number) => void): void {
    if (this.kept === 0) return;
    for (let slot = 0; slot < SLOTS; slot++) {
      const count = this.counts[slot]!;
      if (count > 0) {
        add(this.hashes[slot]!, count);
        this.counts[slot] = 0;
      }
    }
  }

  /** Forgets every value (after a flush). */
  clear(): void {
    if (this.kept === 0) return;
    this.length.fill(-1);
    this.kept = 0;
  }
}

function slotOf(low: number, high: number, n: number): number {
  return Math.imul(low ^ Math.imul(high ^ n, 0x9e3779b1), 0x85ebca6b) >>> 26;
}
