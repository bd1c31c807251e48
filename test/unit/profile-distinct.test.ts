import { afterAll, describe, expect, it } from 'vitest';
import { ColumnProfile, DatasetProfile } from '../../src/data/profile.js';
import { DistinctCounter, hashNumber, hashString } from '../../src/stats/distinct-sketch.js';
import { mergeScanStates, scanDataset } from '../../src/data/scan.js';
import { dataSchemaSchema } from '../../src/data/schema.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { makeTempDir } from '../support/tmp.js';
import { makeRandom } from './stats-reference.js';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

/**
 * Distinct counts through the whole scan: a key or a number that the top-values table (or the
 * exact number counts) already holds is not offered to the distinct counter again, so this checks
 * that nothing is lost that way, across purges of the table, the end of the exact counts, and a
 * merge of shards.
 */
describe('distinct counts of a scanned dataset', () => {
  it('equal those of every value offered once, in one pass and from merged shards', async () => {
    const r = makeRandom(3);
    const header = 'colour,code,small,wide';
    const rows: string[] = [];
    const truth = { colour: new Set<string>(), code: new Set<string>(), small: new Set<number>(), wide: new Set<number>() };
    for (let i = 0; i < 40_000; i++) {
      const colour = ['red', 'green', 'blue'][Math.floor(r() * 3)]!;
      // 30,000 codes, most of them rare: the 10,000-key table purges over and over.
      const code = `c${Math.floor(r() ** 3 * 30_000)}`;
      const small = Math.floor(r() * 500);
      // Past the 1,000 exact number counts, within the 10,000 exact distinct hashes.
      const wide = Math.floor(r() * 6_000) / 4;
      rows.push(`${colour},${code},${small},${wide}`);
      truth.colour.add(colour);
      truth.code.add(code);
      truth.small.add(small);
      truth.wide.add(wide);
    }
    const whole = tmp.write('whole.csv', `${header}\n${rows.join('\n')}\n`);
    const a = tmp.write('a.csv', `${header}\n${rows.slice(0, 17_000).join('\n')}\n`);
    const b = tmp.write('b.csv', `${header}\n${rows.slice(17_000).join('\n')}\n`);
    const schema = parseConfigText(
      'version: 1\ncolumns:\n  colour: {type: category}\n  code: {type: category}\n  small: {type: integer}\n  wide: {type: number}\n',
      'schema.yaml',
      dataSchemaSchema,
      'schema',
    ).value;
    const scan = (file: string) => scanDataset({ files: [{ path: file, displayName: file }], schema, schemaFile: 'schema.yaml' });
    const one = DatasetProfile.fromJSON((await scan(whole)).profile);
    const merged = DatasetProfile.fromJSON(mergeScanStates([await scan(a), await scan(b)], 10).profile);
    // The reference: a counter given every distinct value's hash once (exact below its cap; past it
    // the HyperLogLog registers depend only on the set of hashes, so the estimate is the same too).
    const reference = (hashes: number[]) => {
      const counter = new DistinctCounter();
      for (const h of hashes) counter.addHash(h);
      return counter.estimate();
    };
    const expected = {
      colour: reference([...truth.colour].map((v) => hashString(v))),
      code: reference([...truth.code].map((v) => hashString(v))),
      small: reference([...truth.small].map((v) => hashNumber(v))),
      wide: reference([...truth.wide].map((v) => hashNumber(v))),
    };
    expect([expected.colour, expected.small, expected.wide]).toEqual([truth.colour.size, truth.small.size, truth.wide.size]);
    for (const profile of [one, merged]) {
      for (const name of ['colour', 'code', 'small', 'wide'] as const) expect(profile.columns.get(name)!.distinct.estimate(), name).toBe(expected[name]);
    }
    // The code column's table did purge (its counts are no longer exact), and the wide column outgrew the exact counts.
    expect(one.columns.get('code')!.frequencies!.exact).toBe(false);
    expect(one.columns.get('wide')!.numericTop).toBeNull();
    expect(one.columns.get('small')!.numericTop).not.toBeNull();
  });
});

/**
 * A numeric column's quantile sketch while its numbers are few: they are only counted, and the
 * counts go into the sketch when it is asked for or when the numbers overflow the counts. Whatever
 * the moment, the sketch ends up with every value exactly once.
 */
describe('quantiles of a numeric column with few distinct numbers', () => {
  /** The profile's sketch against the sorted values: count, min, max, and ranks within the stated error. */
  function expectSketchOf(profile: ColumnProfile, all: number[]): void {
    const sketch = profile.quantiles!;
    const sorted = Float64Array.from(all).sort();
    expect(sketch.count).toBe(all.length);
    expect([sketch.min, sketch.max]).toEqual([sorted[0], sorted.at(-1)]);
    let worst = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i + 1 < sorted.length && sorted[i + 1] === sorted[i]) continue;
      worst = Math.max(worst, Math.abs(sketch.rank(sorted[i]!) - (i + 1) / sorted.length));
    }
    expect(worst).toBeLessThanOrEqual(sketch.rankError());
  }

  function batches(profile: ColumnProfile, all: number[], from: number, to: number, make: (i: number) => number): void {
    for (let start = from; start < to; start += 4096) {
      const batch = Float64Array.from({ length: Math.min(4096, to - start) }, (_, j) => make(start + j));
      profile.addNumbers(batch, batch.length);
      all.push(...batch);
    }
  }

  const r = makeRandom(11);
  const few = () => Math.floor(r() * r() * 60);
  const many = (i: number) => i + 0.5;

  it('few numbers to the end: exact ranks', () => {
    const profile = new ColumnProfile('n', 'integer');
    const all: number[] = [];
    batches(profile, all, 0, 200_000, few);
    expect(profile.numericTop).not.toBeNull();
    expectSketchOf(profile, all);
    expect(profile.quantiles!.rankError()).toBe(0);
  });

  it('the numbers overflow the counts in the middle of a batch, or after the sketch was asked for, or both', () => {
    for (const askFirst of [false, true]) {
      for (const driftOnly of [false, true]) {
        const profile = new ColumnProfile('n', 'number');
        if (driftOnly) profile.forDriftOnly();
        const all: number[] = [];
        batches(profile, all, 0, 100_000, few);
        if (askFirst) expectSketchOf(profile, all);
        batches(profile, all, 100_000, 150_000, few);
        // 3,000 new numbers, the first of them in the middle of a batch.
        batches(profile, all, 150_000, 152_000, (i) => (i % 2 === 0 ? few() : many(i)));
        expect(profile.numericTop).toBeNull();
        batches(profile, all, 152_000, 160_000, many);
        expectSketchOf(profile, all);
        expect(profile.count).toBe(all.length);
        if (!driftOnly) expect(profile.distinct.estimate()).toBe(new Set(all).size);
      }
    }
  });

  it('saved and restored with its counts, then merged: every value once', () => {
    const a = new ColumnProfile('n', 'integer');
    const b = new ColumnProfile('n', 'integer');
    const all: number[] = [];
    batches(a, all, 0, 50_000, few);
    batches(b, all, 50_000, 90_000, few);
    const restored = ColumnProfile.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    batches(restored, all, 90_000, 100_000, few);
    restored.merge(b);
    expect(restored.numericTop).not.toBeNull();
    expectSketchOf(restored, all);
  });
});
