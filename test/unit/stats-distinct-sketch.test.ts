import { describe, expect, it } from 'vitest';
import { DistinctCounter, hashBytes, hashString, type DistinctCounterState } from '../../src/stats/distinct-sketch.js';
import { makeRandom, python } from './stats-reference.js';

const TWO_POW_32 = 4294967296;
const encoder = new TextEncoder();

function low32(h: number): number {
  return h % TWO_POW_32;
}

function high21(h: number): number {
  return Math.floor(h / TWO_POW_32);
}

/** Strings over a mix of alphabets: ASCII, Latin-1, CJK, emoji (surrogate pairs), and lone surrogates. */
function randomString(random: () => number, maxLength: number): string {
  const pieces = ['a', 'Z', '0', ' ', ',', '"', 'é', 'ß', 'Ω', 'я', '中', '文', '😀', '🚀', '\u0000', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff', '\ud800', '\udfff'];
  let s = '';
  const length = Math.floor(random() * maxLength);
  for (let i = 0; i < length; i++) s += random() < 0.6 ? String.fromCharCode(97 + Math.floor(random() * 26)) : pieces[Math.floor(random() * pieces.length)]!;
  return s;
}

describe('hashBytes / hashString', () => {
  it('are MurmurHash3 x86-32 in both words: published test vectors', () => {
    // SMHasher's and the reference implementation's well-known values.
    const seed0: Array<[string, number]> = [
      ['', 0],
      ['\u0000\u0000\u0000\u0000', 0x2362f9de],
      ['abc', 0xb3dd93fa],
      ['The quick brown fox jumps over the lazy dog', 0x2e4ff723],
    ];
    for (const [s, expected] of seed0) expect(low32(hashString(s)), JSON.stringify(s)).toBe(expected);
    const seedHigh: Array<[string, number]> = [
      ['aaaa', 0x5a97808a],
      ['Hello, world!', 0x24884cba],
      ['The quick brown fox jumps over the lazy dog', 0x2fa826cd],
    ];
    for (const [s, expected] of seedHigh) expect(high21(hashString(s)), JSON.stringify(s)).toBe(expected >>> 11);
  });

  it('equal an independent MurmurHash3 in Python on random bytes of every tail length', () => {
    const random = makeRandom(21);
    const inputs = Array.from({ length: 400 }, (_, i) => Array.from({ length: i % 37 }, () => Math.floor(random() * 256)));
    const expected = python<Array<[number, number]>>(
      `
def murmur3_32(data, seed):
    c1, c2, mask = 0xcc9e2d51, 0x1b873593, 0xffffffff
    rotl = lambda x, r: ((x << r) | (x >> (32 - r))) & mask
    h = seed
    n = len(data) // 4 * 4
    for i in range(0, n, 4):
        k = int.from_bytes(data[i:i + 4], 'little')
        k = rotl((k * c1) & mask, 15) * c2 & mask
        h = (rotl(h ^ k, 13) * 5 + 0xe6546b64) & mask
    tail = data[n:]
    if tail:
        k = int.from_bytes(tail, 'little')
        k = rotl((k * c1) & mask, 15) * c2 & mask
        h ^= k
    h ^= len(data)
    h ^= h >> 16; h = (h * 0x85ebca6b) & mask
    h ^= h >> 13; h = (h * 0xc2b2ae35) & mask
    h ^= h >> 16
    return h
emit([[murmur3_32(bytes(b), 0), murmur3_32(bytes(b), 0x9747b28c)] for b in data])
`,
      inputs,
    );
    inputs.forEach((bytes, i) => {
      const buffer = new Uint8Array(bytes.length + 6);
      buffer.set(bytes, 3);
      const h = hashBytes(buffer, 3, 3 + bytes.length);
      expect(low32(h)).toBe(expected[i]![0]);
      expect(high21(h)).toBe(expected[i]![1] >>> 11);
      expect(Number.isSafeInteger(h)).toBe(true);
    });
  });

  it('hashString(s) = hashBytes(UTF-8 of s), lone surrogates included', () => {
    const random = makeRandom(22);
    for (let i = 0; i < 3000; i++) {
      const s = randomString(random, 24);
      const bytes = encoder.encode(s);
      expect(hashString(s), JSON.stringify(s)).toBe(hashBytes(bytes, 0, bytes.length));
    }
    const long = randomString(random, 5000);
    const bytes = encoder.encode(long);
    expect(hashString(long)).toBe(hashBytes(bytes, 0, bytes.length));
    // The hash sees bytes, not strings: a different string is a different hash.
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashString('é')).not.toBe(hashString('e\u0301'));
  });
});

function counterOf(keys: string[] | Float64Array, exactCap?: number, precision?: number): DistinctCounter {
  const counter = new DistinctCounter(exactCap, precision);
  if (keys instanceof Float64Array) for (const h of keys) counter.addHash(h);
  else for (const key of keys) counter.addHash(hashString(key));
  return counter;
}

/** n values over `distinct` keys, shuffled by a seeded walk, plus the reference distinct count from pandas. */
function dataset(distinct: number, n: number, seed: number): string[] {
  const random = makeRandom(seed);
  return Array.from({ length: n }, (_, i) => `user-${i < distinct ? i : Math.floor(random() * distinct)}@example.org`);
}

describe('DistinctCounter', () => {
  const cases = [
    { distinct: 5_000, n: 60_000 },
    { distinct: 10_000, n: 30_000 },
    { distinct: 10_001, n: 10_001 },
    { distinct: 50_000, n: 120_000 },
    { distinct: 1_000_000, n: 1_000_000 },
  ];
  const datasets = cases.map((c, i) => dataset(c.distinct, c.n, 30 + i));
  const reference = python<number[]>(`import pandas as pd\nemit([int(pd.Series(keys).nunique()) for keys in data])`, datasets);

  it('counts exactly up to the cap, as pandas nunique does', () => {
    expect(reference.slice(0, 2)).toEqual([5_000, 10_000]);
    for (let i = 0; i < 2; i++) {
      const counter = counterOf(datasets[i]!);
      expect(counter.exact).toBe(true);
      expect(counter.relativeError()).toBe(0);
      expect(counter.estimate()).toBe(reference[i]);
    }
  });

  it('past the cap estimates within 3 standard errors (1.04/sqrt(2^14)) of pandas nunique', () => {
    for (let i = 2; i < cases.length; i++) {
      const counter = counterOf(datasets[i]!);
      expect(counter.exact).toBe(false);
      expect(counter.relativeError()).toBeCloseTo(1.04 / 128, 12);
      const relative = Math.abs(counter.estimate() - reference[i]!) / reference[i]!;
      expect(relative, `${reference[i]} distinct`).toBeLessThanOrEqual(3 * counter.relativeError());
    }
  });

  it('a plain HyperLogLog (cap 0) is accurate across the small and large ranges too', () => {
    for (const distinct of [1, 10, 100, 1000, 30_000]) {
      const keys = Array.from({ length: distinct }, (_, i) => `k${i}`);
      const counter = counterOf(keys, 0);
      expect(counter.exact).toBe(false);
      const relative = Math.abs(counter.estimate() - distinct) / distinct;
      expect(relative, `${distinct} distinct`).toBeLessThanOrEqual(Math.max(3 * counter.relativeError(), 0.5 / distinct));
    }
    expect(new DistinctCounter(0).estimate()).toBe(0);
  });

  it('merge gives the counter of the union, exact or sketched, in any order', () => {
    const big = Float64Array.from(datasets[4]!, hashString);
    const parts = [big.slice(0, 3000), big.slice(3000, 400_000), big.slice(400_000)];
    const whole = counterOf(big);
    const merged = counterOf(parts[0]!);
    merged.merge(counterOf(parts[2]!));
    merged.merge(counterOf(parts[1]!));
    expect(merged.estimate()).toBe(whole.estimate());
    // Overlapping exact parts stay exact and count the union.
    const small = datasets[0]!;
    const a = counterOf(small.slice(0, 40_000));
    a.merge(counterOf(small.slice(20_000)));
    expect(a.exact).toBe(true);
    expect(a.estimate()).toBe(reference[0]);
    // An exact counter merged into a sketched one.
    const sketched = counterOf(big.slice(0, 500_000));
    sketched.merge(counterOf(big.slice(500_000, 505_000)));
    const reference505 = counterOf(big.slice(0, 505_000));
    expect(sketched.estimate()).toBe(reference505.estimate());
    expect(() => whole.merge(new DistinctCounter(10, 12))).toThrow(RangeError);
  });

  it('round-trips through JSON in both phases', () => {
    for (const keys of [datasets[0]!, datasets[3]!]) {
      const counter = counterOf(keys);
      const restored = DistinctCounter.fromJSON(JSON.parse(JSON.stringify(counter.toJSON())) as DistinctCounterState);
      expect(restored.exact).toBe(counter.exact);
      expect(restored.estimate()).toBe(counter.estimate());
      restored.addHash(hashString('a value not seen before'));
      counter.addHash(hashString('a value not seen before'));
      expect(restored.estimate()).toBe(counter.estimate());
    }
  });

  it('the accuracy check can fail: a counter that misses a tenth of the values is outside the band', () => {
    const keys = datasets[3]!;
    const partial = counterOf(keys.filter((key) => !key.includes('3@')));
    const relative = Math.abs(partial.estimate() - reference[3]!) / reference[3]!;
    expect(relative).toBeGreaterThan(3 * partial.relativeError());
  });
});
