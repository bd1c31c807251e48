import { describe, expect, it } from 'vitest';
import { FrequencyTable, type FrequencyTableState } from '../../src/stats/frequencies.js';
import { makeRandom, python } from './stats-reference.js';

/** Zipf-like keys: P(key i) ∝ 1/(i+1)^s over `distinct` keys, drawn by inverting the CDF. */
function zipfKeys(n: number, distinct: number, s: number, seed: number): string[] {
  const cdf = new Float64Array(distinct);
  let total = 0;
  for (let i = 0; i < distinct; i++) cdf[i] = total += 1 / Math.pow(i + 1, s);
  const random = makeRandom(seed);
  return Array.from({ length: n }, () => {
    const u = random() * total;
    let low = 0;
    let high = distinct - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cdf[mid]! >= u) high = mid;
      else low = mid + 1;
    }
    return `v${low}`;
  });
}

/** The documented guarantee: a retained count is at most the true one and at most maxError below it. */
function withinBound(count: number, maxError: number, truth: number): boolean {
  return count <= truth && count + maxError >= truth;
}

function tableOf(keys: string[], capacity?: number): FrequencyTable {
  const table = new FrequencyTable(capacity);
  for (const key of keys) table.add(key);
  return table;
}

/** pandas value_counts, ordered by count descending then key, as [key, count] pairs. */
function valueCounts(keys: string[][]): Array<Array<[string, number]>> {
  return python(
    `
import pandas as pd
out = []
for keys in data:
    counts = pd.Series(keys).value_counts()
    frame = pd.DataFrame({'key': counts.index, 'n': counts.values}).sort_values(['n', 'key'], ascending=[False, True], kind='mergesort')
    out.append([[k, int(n)] for k, n in zip(frame['key'], frame['n'])])
emit(out)
`,
    keys,
  );
}

describe('FrequencyTable', () => {
  const small = zipfKeys(50_000, 3_000, 1.1, 41);
  const large = zipfKeys(400_000, 100_000, 1.2, 42);
  const [smallRef, largeRef] = valueCounts([small, large]);

  it('counts exactly while the distinct keys fit: counts(), top() and total equal pandas value_counts', () => {
    const table = tableOf(small);
    expect(table.exact).toBe(true);
    expect(table.maxError).toBe(0);
    expect(table.total).toBe(small.length);
    expect(table.size).toBe(smallRef!.length);
    expect(table.top(25).map((e) => [e.key, e.count])).toEqual(smallRef!.slice(0, 25));
    expect(table.top(1_000_000).length).toBe(smallRef!.length);
    expect([...table.counts()].sort((a, b) => (a[0] < b[0] ? -1 : 1))).toEqual([...smallRef!].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  });

  it('past the capacity every count is a lower bound within maxError of pandas, and maxError <= 2·total/capacity', () => {
    const capacity = 1000;
    const table = tableOf(large, capacity);
    expect(table.exact).toBe(false);
    expect(table.size).toBeLessThanOrEqual(capacity);
    expect(table.total).toBe(large.length);
    expect(table.maxError).toBeGreaterThan(0);
    expect(table.maxError).toBeLessThanOrEqual((2 * large.length) / capacity);
    const truth = new Map(largeRef!);
    const counts = table.counts();
    for (const [key, count] of counts) expect(withinBound(count, table.maxError, truth.get(key)!), key).toBe(true);
    // Any value the table dropped has a true count of at most maxError.
    for (const [key, exact] of largeRef!) if (!counts.has(key)) expect(exact, key).toBeLessThanOrEqual(table.maxError);
    // The top values are found, in order, wherever the gaps between them exceed the error.
    const top = table.top(10).map((e) => e.key);
    expect(top).toEqual(largeRef!.slice(0, 10).map(([key]) => key));
  });

  it('merges shards: exact shards stay exact, sketched shards keep the bounds', () => {
    const exactMerged = tableOf(small.slice(0, 20_000));
    exactMerged.merge(tableOf(small.slice(20_000)));
    expect(exactMerged.exact).toBe(true);
    expect(exactMerged.top(50).map((e) => [e.key, e.count])).toEqual(smallRef!.slice(0, 50));

    const capacity = 1000;
    const merged = new FrequencyTable(capacity);
    for (let i = 0; i < 4; i++) merged.merge(tableOf(large.slice(i * 100_000, (i + 1) * 100_000), capacity));
    expect(merged.exact).toBe(false);
    expect(merged.total).toBe(large.length);
    expect(merged.size).toBeLessThanOrEqual(capacity);
    expect(merged.maxError).toBeLessThanOrEqual((2 * large.length) / capacity);
    const truth = new Map(largeRef!);
    for (const [key, count] of merged.counts()) expect(withinBound(count, merged.maxError, truth.get(key)!), key).toBe(true);
    expect(merged.top(5).map((e) => e.key)).toEqual(largeRef!.slice(0, 5).map(([key]) => key));
  });

  it('accepts weights, orders ties by key, and round-trips through JSON', () => {
    const table = new FrequencyTable();
    table.add('b', 2);
    table.add('a', 2);
    table.add('c');
    table.add('a', 0.5);
    expect(table.top(3)).toEqual([
      { key: 'a', count: 2.5 },
      { key: 'b', count: 2 },
      { key: 'c', count: 1 },
    ]);
    expect(table.total).toBe(5.5);
    const sketched = tableOf(large.slice(0, 100_000), 500);
    for (const original of [table, sketched]) {
      const restored = FrequencyTable.fromJSON(JSON.parse(JSON.stringify(original.toJSON())) as FrequencyTableState);
      expect(restored.toJSON()).toEqual(original.toJSON());
      restored.add('v1', 3);
      original.add('v1', 3);
      expect(restored.toJSON()).toEqual(original.toJSON());
    }
  });

  it('the bound check can fail: an overstated count is caught', () => {
    const table = tableOf(large, 1000);
    const truth = new Map(largeRef!);
    const [key, count] = [...table.counts()][0]!;
    expect(withinBound(count, table.maxError, truth.get(key)!)).toBe(true);
    expect(withinBound(count + table.maxError + 1, table.maxError, truth.get(key)!)).toBe(false);
    expect(withinBound(count, table.maxError, truth.get(key)! + table.maxError + 1)).toBe(false);
    // Exact counts leave no slack at all.
    const exact = tableOf(small);
    expect(withinBound(exact.top(1)[0]!.count + 1, exact.maxError, smallRef![0]![1])).toBe(false);
    expect(() => new FrequencyTable(1)).toThrow(RangeError);
  });
});
