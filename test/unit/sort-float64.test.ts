import { describe, expect, it } from 'vitest';
import { sortFloat64 } from '../../src/stats/sort-float64.js';
import { makeRandom } from './stats-reference.js';

const SIZES = [0, 1, 2, 17, 1000, 70_000];

/** Values of every kind the sort must order: both signs, both zeros, subnormals, infinities, ties. */
function mixedValues(n: number, seed: number): Float64Array {
  const random = makeRandom(seed);
  const pool = Array.from({ length: 16 }, () => (random() - 0.5) * 1000);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sign = random() < 0.5 ? -1 : 1;
    const kind = Math.floor(random() * 10);
    switch (kind) {
      case 0:
        out[i] = sign * 0;
        break;
      case 1:
        // Subnormal: a multiple of 2^-1074 below 2^-1022.
        out[i] = sign * Math.floor(random() * 2 ** 52) * Number.MIN_VALUE;
        break;
      case 2:
        out[i] = [Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 1021 * (1 + random()), Number.MIN_VALUE][Math.floor(random() * 6)]!;
        break;
      case 3:
        out[i] = pool[Math.floor(random() * pool.length)]!;
        break;
      case 4:
        out[i] = Math.floor((random() - 0.5) * 200);
        break;
      default:
        out[i] = sign * random() * 2 ** Math.floor((random() - 0.5) * 200);
    }
  }
  return out;
}

/** Uniformly random bit patterns: every exponent, and NaN now and then (1 value in 2,048). */
function randomBits(n: number, seed: number): Float64Array {
  const random = makeRandom(seed);
  const words = new Uint32Array(2 * n);
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(random() * 2 ** 32);
  return new Float64Array(words.buffer);
}

/** Sorts a copy both ways and compares value by value (Object.is: -0 ≠ +0, NaN = NaN). */
function expectNativeOrder(values: Float64Array): void {
  const expected = values.slice().sort();
  const actual = values.slice();
  expect(sortFloat64(actual)).toBe(actual);
  const mismatch = actual.findIndex((x, i) => !Object.is(x, expected[i]));
  expect(mismatch === -1 ? 'same order' : `first difference at ${mismatch}: ${actual[mismatch]} vs native ${expected[mismatch]}`).toBe('same order');
}

describe('sortFloat64', () => {
  it.each(SIZES)('orders %i mixed values exactly as the native sort', (n) => {
    for (const seed of [1, 2, 3]) expectNativeOrder(mixedValues(n, seed));
  });

  it.each(SIZES)('orders %i random bit patterns (NaN included) exactly as the native sort', (n) => {
    const values = randomBits(n, 10 + n);
    expectNativeOrder(values);
    if (n === 70_000) expect(values.some((x) => Number.isNaN(x))).toBe(true);
  });

  it('puts -0 before +0 and NaN last', () => {
    const random = makeRandom(4);
    const values = new Float64Array(1000).map(() => [0, -0, NaN, 1, -1][Math.floor(random() * 5)]!);
    expectNativeOrder(values);
    sortFloat64(values);
    const firstNegativeZero = values.findIndex((x) => Object.is(x, -0));
    const firstPositiveZero = values.findIndex((x) => Object.is(x, 0));
    expect(firstNegativeZero).toBeGreaterThan(0);
    expect(firstPositiveZero).toBeGreaterThan(firstNegativeZero);
    expect(Number.isNaN(values[999])).toBe(true);
  });

  it('handles data whose digits are partly or all the same: skipped passes, all negative, all equal, sorted, reversed', () => {
    const random = makeRandom(5);
    const n = 5000;
    const cases: Float64Array[] = [
      new Float64Array(n).map(() => Math.floor(random() * 100)),
      new Float64Array(n).map(() => -Math.floor(random() * 100) - 1),
      new Float64Array(n).map(() => -1 - random()),
      new Float64Array(n).map(() => -random()),
      new Float64Array(n).fill(-2.5),
      new Float64Array(n).fill(3),
      new Float64Array(n).map((_, i) => i - n / 2),
      new Float64Array(n).map((_, i) => n / 2 - i),
    ];
    for (const values of cases) expectNativeOrder(values);
  });

  it('sorts a subarray in place and leaves the rest of the buffer alone', () => {
    const values = mixedValues(3000, 6);
    const before = values.slice();
    const view = values.subarray(700, 2500);
    const expected = view.slice().sort();
    expect(sortFloat64(view)).toBe(view);
    expect(Array.from(view, (x, i) => Object.is(x, expected[i])).every(Boolean)).toBe(true);
    expect(Array.from(values.subarray(0, 700))).toEqual(Array.from(before.subarray(0, 700)));
    expect(Array.from(values.subarray(2500))).toEqual(Array.from(before.subarray(2500)));
  });

  it('gives the same results after its scratch buffer has grown and shrunk in use', () => {
    expectNativeOrder(mixedValues(70_000, 7));
    expectNativeOrder(mixedValues(600, 8));
    expectNativeOrder(mixedValues(70_001, 9));
  });
});
