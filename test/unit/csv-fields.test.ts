import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_NULL, FIELD_PLAIN, FIELD_QUOTED, FIELD_QUOTED_ESCAPED } from '../../src/data/batch.js';
import { FieldArena } from '../../src/data/readers/csv-fields.js';

/**
 * The WebAssembly fast path of the CSV scanner on its own: which records it takes, what it writes
 * for them, and where it stops and hands over. (The scanner's tests compare whole files read with
 * and without it.)
 */

const repoRoot = path.resolve(import.meta.dirname, '../..');
const NO_STOP = 2 ** 53;

interface Taken {
  rows: Array<{ fields: Array<[number, number, number]>; line: number }>;
  /** Where it stopped: the offset of a record's first byte, and its line. */
  offset: number;
  line: number;
}

/** Runs the fast path over `text` (all of it in the buffer, as if more could follow) from offset `from`, line 1. */
function take(text: string, ncols: number, options: { from?: number; maxRow?: number; stop?: number; maxRecordBytes?: number; stride?: number; delimiter?: string } = {}): Taken {
  const stride = options.stride ?? 16;
  const bytes = Buffer.from(text);
  const arena = FieldArena.acquire(Math.max(256, bytes.length), ncols * stride, stride);
  expect(arena, 'WebAssembly with SIMD is available on every supported Node.js').toBeDefined();
  const buf = arena!.region.buf;
  // Whatever is past the data must never be taken for data.
  buf.fill(0x2c);
  bytes.copy(buf, 0);
  const reached = arena!.scan(
    options.from ?? 0,
    bytes.length,
    1,
    ncols,
    stride,
    0,
    options.maxRow ?? stride,
    options.stop ?? NO_STOP,
    options.maxRecordBytes ?? 1 << 20,
    (options.delimiter ?? ',').charCodeAt(0),
    34,
  );
  const rows: Taken['rows'] = [];
  for (let r = 0; r < reached; r++) {
    const fields: Array<[number, number, number]> = [];
    for (let c = 0; c < ncols; c++) fields.push([arena!.starts[c * stride + r]!, arena!.ends[c * stride + r]!, arena!.flags[c * stride + r]!]);
    rows.push({ fields, line: arena!.positions[r]! });
  }
  const result = { rows, offset: arena!.offset, line: arena!.line };
  arena!.release();
  return result;
}

/** The text of each field a taken row points at, or null for an empty unquoted one. */
function texts(text: string, taken: Taken): Array<Array<string | null>> {
  const bytes = Buffer.from(text);
  return taken.rows.map((row) => row.fields.map(([s, e, flag]) => (flag === FIELD_NULL ? null : bytes.toString('utf8', s, e))));
}

describe('CSV fast path (WebAssembly)', () => {
  it('takes plain, empty and quoted fields, with their flags and lines', () => {
    const text = 'a,,"b, c"\n,x,""\n"say ""hi""",1,2\n';
    const taken = take(text, 3);
    expect(texts(text, taken)).toEqual([
      ['a', null, 'b, c'],
      [null, 'x', ''],
      ['say ""hi""', '1', '2'],
    ]);
    expect(taken.rows.map((r) => r.fields.map((f) => f[2]))).toEqual([
      [FIELD_PLAIN, FIELD_NULL, FIELD_QUOTED],
      [FIELD_NULL, FIELD_PLAIN, FIELD_QUOTED],
      [FIELD_QUOTED_ESCAPED, FIELD_PLAIN, FIELD_PLAIN],
    ]);
    expect(taken.rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(taken).toMatchObject({ offset: text.length, line: 4 });
  });

  it('passes blank lines and counts them, and treats a quote inside an unquoted field as text', () => {
    const text = '\n\na"b,c\n\n1,2\n';
    const taken = take(text, 2);
    expect(texts(text, taken)).toEqual([
      ['a"b', 'c'],
      ['1', '2'],
    ]);
    expect(taken.rows.map((r) => r.line)).toEqual([3, 5]);
    expect(taken).toMatchObject({ offset: text.length, line: 6 });
  });

  it('finds fields across 64-byte blocks, with any field length', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ['x'.repeat(i), 'y'.repeat((i * 7) % 23), `"${'z'.repeat(i % 19)},"`]);
    const text = rows.map((r) => r.join(',')).join('\n') + '\n';
    const taken = take(text, 3, { stride: 64 });
    expect(texts(text, taken)).toEqual(rows.map((r) => [r[0] === '' ? null : r[0], r[1] === '' ? null : r[1], r[2]!.slice(1, -1)]));
  });

  it.each([
    ['a CR', '1,2\n3,4\r\n5,6\n', 4, 2],
    ['a line break inside quotes', '1,2\n"3\n",4\n', 4, 2],
    ['a CR inside quotes', '1,2\n"3\r",4\n', 4, 2],
    ['too few fields', '1,2\n3\n', 4, 2],
    ['too many fields', '1,2\n3,4,5\n', 4, 2],
    ['text after a closing quote', '1,2\n"3"x,4\n', 4, 2],
    ['a quote never closed', '1,2\n"3,4\n', 4, 2],
    ['a record the data ends in', '1,2\n3,4', 4, 2],
    ['a closing quote the data ends at', '1,2\n3,"4"', 4, 2],
    ['a blank CR line', '1,2\n\r\n5,6\n', 4, 2],
  ])('stops before %s, at the record’s first byte and line', (_, text, offset, line) => {
    expect(take(text, 2)).toMatchObject({ rows: [{ line: 1 }], offset, line });
  });

  it('stops at maxRow, at the first record starting at or after `stop`, and before a record longer than maxRecordBytes', () => {
    const text = '1,2\n3,4\n5,6\n7,8\n';
    expect(take(text, 2, { maxRow: 2 })).toMatchObject({ offset: 8, line: 3 });
    expect(take(text, 2, { maxRow: 2 }).rows).toHaveLength(2);
    expect(take(text, 2, { stop: 5 })).toMatchObject({ offset: 8, line: 3 });
    expect(take(text, 2, { stop: 8 })).toMatchObject({ offset: 8, line: 3 });
    expect(take(text, 2, { stop: 0 })).toMatchObject({ rows: [], offset: 0, line: 1 });
    expect(take('1,2\n333,4\n', 2, { maxRecordBytes: 5 })).toMatchObject({ offset: 4, line: 2 });
    expect(take('1,2\n33,4\n', 2, { maxRecordBytes: 5 }).rows).toHaveLength(2);
  });

  it('starts anywhere in a block, and uses the delimiter it is given', () => {
    const text = 'skip me\na;b\n';
    const taken = take(text, 2, { from: 8, delimiter: ';' });
    expect(texts(text, taken)).toEqual([['a', 'b']]);
    expect(taken.offset).toBe(text.length);
  });

  it('hands the same arena to the next file of the same layout, and a new one for another', () => {
    const a = FieldArena.acquire(256, 32, 16)!;
    a.release();
    const b = FieldArena.acquire(256, 32, 16)!;
    expect(b).toBe(a);
    const c = FieldArena.acquire(256, 32, 16)!;
    expect(c).not.toBe(b);
    b.release();
    expect(FieldArena.acquire(512, 32, 16)).not.toBe(b);
  });

  it('is compiled from wasm/csv-fields.ts as committed', () => {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-wasm.mjs'), '--check'], { cwd: repoRoot, stdio: 'pipe' });
  });
});
