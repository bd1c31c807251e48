import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { scanDataset } from '../../src/data/scan.js';
import { dataSchemaSchema } from '../../src/data/schema.js';
import { packPosition, UniqueChecker, ValueOrder } from '../../src/data/unique.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { makeTempDir } from '../support/tmp.js';
import { makeRandom as random } from './stats-reference.js';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

/** 53-bit hashes spread over every bit, as the real ones are. */
function hashOf(value: number): number {
  const r = random(value * 7919 + 1);
  return Math.floor(r() * 2 ** 21) * 2 ** 32 + Math.floor(r() * 2 ** 32);
}

describe('UniqueChecker', () => {
  it('finds the same repeats, with the same first sightings, in memory and spilled to disk', () => {
    const r = random(42);
    const values = Array.from({ length: 20_000 }, () => Math.floor(r() * 15_000));
    // The reference: a Map from value to the position of its first sighting.
    const firstSeen = new Map<number, number>();
    const expected: Array<[number, number]> = [];
    values.forEach((v, i) => {
      const position = packPosition(i % 3, i + 2);
      const first = firstSeen.get(v);
      if (first === undefined) firstSeen.set(v, position);
      else expected.push([position, first]);
    });
    expected.sort((a, b) => a[0] - b[0]);

    for (const memoryEntries of [1 << 20, 5_000, 1]) {
      const checker = new UniqueChecker(memoryEntries);
      const atOnce: Array<[number, number]> = [];
      values.forEach((v, i) => {
        const position = packPosition(i % 3, i + 2);
        const first = checker.check(hashOf(v), position);
        if (first >= 0) atOnce.push([position, first]);
      });
      expect(checker.spilled).toBe(memoryEntries < firstSeen.size);
      const { count, first } = checker.finish(100);
      expect(atOnce.length + count, `memory ${memoryEntries}`).toBe(expected.length);
      const found = [...atOnce, ...first.map((x): [number, number] => [packPosition(x.file, x.line), packPosition(x.firstFile, x.firstLine)])].sort((a, b) => a[0] - b[0]);
      // Every repeat reported at once, then the smallest 100 of those found on disk, all as the reference has them.
      const onDisk = expected.filter(([p]) => !atOnce.some(([q]) => q === p));
      expect(found).toEqual([...atOnce].concat(onDisk.slice(0, 100)).sort((a, b) => a[0] - b[0]));
    }
  });

  it('takes values in increasing order without a table, and the same repeats when the order breaks', () => {
    const r = random(7);
    // Increasing with repeats of the previous value, then out of order (repeats far back), then random.
    const values: number[] = [];
    for (let v = 0; values.length < 6_000; v += 1 + Math.floor(r() * 3)) {
      values.push(v);
      if (r() < 0.05) values.push(v);
    }
    const ordered = values.length;
    values.push(values[100]!, 5, values[4_000]!);
    for (let i = 0; i < 4_000; i++) values.push(Math.floor(r() * 20_000));
    const firstSeen = new Map<number, number>();
    const expected: Array<[number, number]> = [];
    values.forEach((v, i) => {
      const first = firstSeen.get(v);
      if (first === undefined) firstSeen.set(v, packPosition(0, i + 2));
      else expected.push([packPosition(0, i + 2), first]);
    });
    for (const memoryEntries of [1 << 20, 3_000, 1]) {
      const checker = new UniqueChecker(memoryEntries);
      const found: Array<[number, number]> = [];
      let previous = NaN;
      let inOrderAt = 0;
      values.forEach((v, i) => {
        const position = packPosition(0, i + 2);
        if (checker.inOrder) inOrderAt = i;
        const order = Number.isNaN(previous) || v > previous ? 1 : v === previous ? 0 : -1;
        if (order > 0) previous = v;
        const first = checker.check(hashOf(v), position, checker.inOrder ? order : -1);
        if (first >= 0) found.push([position, first]);
      });
      // In order up to the first value below the one before it, or until the log is full.
      if (memoryEntries === 1 << 20) expect(inOrderAt).toBe(ordered);
      else expect(inOrderAt).toBeLessThan(ordered);
      const { first } = checker.finish(100_000);
      for (const x of first) found.push([packPosition(x.file, x.line), packPosition(x.firstFile, x.firstLine)]);
      expect(found.sort((a, b) => a[0] - b[0]), `memory ${memoryEntries}`).toEqual(expected);
    }
  });

  it('scans a unique column the same way with a tiny memory limit, names the first sighting, and leaves no temporary file', async () => {
    const rows = ['id,n'];
    for (let i = 0; i < 3_000; i++) rows.push(`k${i % 2_000},${i % 7}`);
    const a = tmp.write('a.csv', `${rows.join('\n')}\n`);
    const b = tmp.write('b.csv', 'id,n\nk5,1\nnew,2\n');
    const schema = parseConfigText('version: 1\ncolumns:\n  id: {type: string, unique: true}\n  n: {type: integer, unique: true}\n', 'schema.yaml', dataSchemaSchema, 'schema').value;
    const files = [
      { path: a, displayName: 'a.csv' },
      { path: b, displayName: 'b.csv' },
    ];
    const spillDir = tmp.write('spill/.keep', '').replace(/\/\.keep$/, '');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = spillDir;
    try {
      const inMemory = await scanDataset({ files, schema, schemaFile: 'schema.yaml', findingLimit: 5_000 });
      const spilled = await scanDataset({ files, schema, schemaFile: 'schema.yaml', findingLimit: 5_000, uniqueMemoryEntries: 3 });
      expect(readdirSync(spillDir)).toEqual(['.keep']);
      for (const state of [inMemory, spilled]) {
        const unique = Object.fromEntries(state.checks.filter((c) => c.rule === 'unique').map((c) => [c.column, c.failures]));
        expect(unique).toEqual({ id: 1_001, n: 2_995 });
        expect(state.findingCounts.error).toBe(1_001 + 2_995);
      }
      const lines = (state: typeof inMemory) =>
        state.findings
          .filter((f) => f.subject === 'id')
          .map((f) => `${f.file}:${f.line}`)
          .sort();
      expect(lines(spilled)).toEqual(lines(inMemory));
      const crossFile = spilled.findings.find((f) => f.subject === 'id' && f.file === 'b.csv')!;
      expect(crossFile.line).toBe(2);
      expect(crossFile.message).toBe('id: the value on this line repeats the one in a.csv on line 7');
      expect(inMemory.findings.find((f) => f.subject === 'id' && f.file === 'b.csv')!.message).toBe('id: "k5" repeats a value first seen in a.csv on line 7');
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});

describe('ValueOrder', () => {
  it('orders byte strings as Buffer.compare does, in a buffer at any offset, through shared prefixes and growing lengths', () => {
    const r = random(77);
    const order = new ValueOrder();
    let previous: Buffer | undefined;
    let rises = 0;
    for (let k = 0; k < 5000; k++) {
      // Mostly increasing ids with long shared prefixes, sometimes longer ones (past the first
      // 64-byte copy), sometimes a step back or a repeat.
      const base = `u${String(Math.floor(k / 3)).padStart(9, '0')}`;
      const roll = r();
      const text = roll < 0.05 ? base + 'x'.repeat(40 + Math.floor(r() * 120)) : roll < 0.1 ? `u${String(Math.floor((r() * k) / 3)).padStart(9, '0')}` : base;
      const value = Buffer.from(text);
      const padded = Buffer.concat([Buffer.from('#'.repeat(k % 7)), value, Buffer.from(',zz')]);
      const got = order.ofBytes(padded, k % 7, (k % 7) + value.length);
      const want = previous === undefined ? 1 : Math.sign(Buffer.compare(value, previous));
      expect({ k, text, got }).toEqual({ k, text, got: want });
      // The comparison is always with the greatest value so far (the last one that rose).
      if (want > 0) {
        previous = value;
        rises++;
      }
    }
    expect(rises).toBeGreaterThan(1000);
    expect(Buffer.from(order.first as Uint8Array).toString()).toMatch(/^u000000000/);
  });
});
