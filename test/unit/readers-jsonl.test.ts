import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchSink, ValuesColumn } from '../../src/data/batch.js';
import { readJsonlFile, type JsonlReadOptions } from '../../src/data/readers/jsonl.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { makeTempDir } from '../support/tmp.js';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

interface Read {
  names: string[];
  firstLine: number | undefined;
  rows: Array<{ values: unknown[]; line: number }>;
  batchSizes: number[];
  unknown: Array<{ name: string; line: number; rowsBefore: number }>;
  result: { rows: number; bytes: number };
  ended: boolean;
}

let counter = 0;
function writeFile(content: string | Buffer, ext = 'jsonl'): string {
  counter++;
  return tmp.write(`f${counter}.${ext}`, content);
}

async function readFile(path: string, options: JsonlReadOptions = {}): Promise<Read> {
  const out: Omit<Read, 'result'> = { names: [], firstLine: undefined, rows: [], batchSizes: [], unknown: [], ended: false };
  const sink: BatchSink = {
    beginFile(_file, names, position) {
      out.names = names;
      out.firstLine = position.line;
    },
    batch(batch) {
      expect(batch.positionKind).toBe('line');
      out.batchSizes.push(batch.rowCount);
      for (const column of batch.columns) expect((column as ValuesColumn).values.length).toBe(batch.rowCount);
      for (let r = 0; r < batch.rowCount; r++) {
        out.rows.push({ values: batch.columns.map((c) => (c as ValuesColumn).values[r]), line: batch.positions[r]! });
      }
    },
    endFile() {
      out.ended = true;
    },
    unknownColumn(_file, name, position) {
      out.unknown.push({ name, line: position.line, rowsBefore: out.rows.length });
    },
  };
  const result = await readJsonlFile({ path, displayName: 'data.jsonl' }, options, sink);
  return { ...out, result };
}

async function readError(content: string | Buffer, options: JsonlReadOptions = {}): Promise<ConfigurationError> {
  const error = await readFile(writeFile(content), options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  const e = error as ConfigurationError;
  expect(e.file).toBe('data.jsonl');
  expect(e.hint).toBeTruthy();
  return e;
}

describe('JSON Lines reader', () => {
  const text = [
    '',
    '{"id": 1, "name": "a", "score": 0.5, "tags": ["x"], "meta": {"k": 1}}',
    '   ',
    '{"name": "b", "id": 2, "extra": true}',
    '{"id": 3, "score": null, "late": "z", "extra": false}',
    '{"id": 4, "name": "d", "score": 1e3}',
  ].join('\r\n');

  it('takes the columns from the first object, fills missing keys with null and keeps the physical line of each row', async () => {
    const r = await readFile(writeFile(`\uFEFF${text}`));
    expect(r.names).toEqual(['id', 'name', 'score', 'tags', 'meta']);
    expect(r.firstLine).toBe(2);
    expect(r.rows).toEqual([
      { values: [1, 'a', 0.5, ['x'], { k: 1 }], line: 2 },
      { values: [2, 'b', null, null, null], line: 4 },
      { values: [3, null, null, null, null], line: 5 },
      { values: [4, 'd', 1000, null, null], line: 6 },
    ]);
    expect(r.result.rows).toBe(4);
    expect(r.result.bytes).toBe(Buffer.byteLength(text) + 3);
    expect(r.ended).toBe(true);
  });

  it('reports each key the first object lacks once, at the line it first appears, before that row is handed on', async () => {
    const r = await readFile(writeFile(text), { batchRows: 1 });
    expect(r.unknown).toEqual([
      { name: 'extra', line: 4, rowsBefore: 1 },
      { name: 'late', line: 5, rowsBefore: 2 },
    ]);
  });

  it('gives the same rows whatever the read size, buffer size and batch size', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ i, s: `row ${i} ${'é'.repeat(i % 7)}`, f: i / 7, n: i % 3 ? null : i }));
    const file = writeFile(lines.join('\n') + '\n');
    const whole = await readFile(file);
    expect(whole.batchSizes).toEqual([500]);
    for (const options of [{ readBytes: 1, bufferBytes: 10 }, { readBytes: 7, bufferBytes: 100 }, { batchRows: 64 }]) {
      const r = await readFile(file, options);
      expect(r.rows).toEqual(whole.rows);
    }
    expect((await readFile(file, { batchRows: 64 })).batchSizes).toEqual([64, 64, 64, 64, 64, 64, 64, 52]);
  });

  it('reads a gzip-compressed file like the plain one', async () => {
    const plain = await readFile(writeFile(text));
    const gz = await readFile(writeFile(gzipSync(Buffer.from(text)), 'jsonl.gz'), { gzip: true, readBytes: 5 });
    expect(gz.rows).toEqual(plain.rows);
    expect(gz.result.bytes).toBe(Buffer.byteLength(text));
  });
});

describe('JSON Lines errors', () => {
  it('rejects a line that is not JSON, with its line', async () => {
    const e = await readError('{"a": 1}\n\n{"a": 2,}\n');
    expect(e.message).toMatch(/^not valid JSON: /);
    expect(e.line).toBe(3);
  });

  it('rejects a line that is JSON but not an object', async () => {
    expect((await readError('{"a": 1}\n[1, 2]\n')).message).toBe('the line holds an array, not a JSON object');
    expect((await readError('{"a": 1}\n[1, 2]\n')).line).toBe(2);
    expect((await readError('42\n')).message).toBe('the line holds a number, not a JSON object');
    expect((await readError('{"a": 1}\nnull\n')).message).toBe('the line holds null, not a JSON object');
    expect((await readError('"text"')).message).toBe('the line holds a string, not a JSON object');
  });

  it('rejects an empty file', async () => {
    expect((await readError('\n  \n')).describe()).toMatch(/^data\.jsonl:1: the file is empty/);
  });

  it('stops at a line longer than maxRecordBytes, with the line it starts on', async () => {
    const long = `{"a": "${'x'.repeat(5000)}"}`;
    for (const options of [{ maxRecordBytes: 1000 }, { maxRecordBytes: 1000, bufferBytes: 64, readBytes: 9 }]) {
      const e = await readError(`{"a": 1}\n{"a": 2}\n${long}\n{"a": 3}\n`, options);
      expect(e.message).toBe('record longer than 1000 bytes starting at line 3');
      expect(e.line).toBe(3);
    }
  });

  it('reports invalid UTF-8 with its line', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a": "ok"}\n{"a": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    for (const options of [{}, { readBytes: 2, bufferBytes: 4 }]) {
      const e = await readError(bytes, options);
      expect(e.message).toBe('invalid UTF-8 (byte 0xe9)');
      expect(e.line).toBe(2);
    }
  });

  it('names a truncated gzip file', async () => {
    const compressed = gzipSync(Buffer.from('{"a": 1}\n'.repeat(1000)));
    const error = await readFile(writeFile(compressed.subarray(0, 40), 'jsonl.gz'), { gzip: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).describe()).toMatch(/^data\.jsonl: the gzip data ends early/);
  });
});
