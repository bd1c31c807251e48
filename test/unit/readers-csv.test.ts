import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIELD_NULL, FIELD_PLAIN, FIELD_QUOTED, FIELD_QUOTED_ESCAPED, type BatchSink, type BytesColumn, type RowBatch } from '../../src/data/batch.js';
import { readCsvFile } from '../support/csv-reference-parser.js';
import { FieldArena } from '../../src/data/readers/csv-fields.js';
import { fieldString, scanCsvFile, type CsvScanOptions } from '../../src/data/readers/csv-scanner.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { makeTempDir } from '../support/tmp.js';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

interface Row {
  fields: Array<string | null>;
  line: number;
}

interface Scanned {
  names: string[];
  headerLine: number | undefined;
  rows: Row[];
  /** Rows per batch. */
  batchSizes: number[];
  /** Every batch as plain data (offsets, flags, positions), to compare batches exactly. */
  batches: unknown[];
  flags: number[][];
  result: { rows: number; bytes: number };
  ended: boolean;
}

function decode(column: BytesColumn, i: number): string | null {
  const flag = column.flags[i]!;
  if (flag === FIELD_NULL) return null;
  return fieldString(Buffer.from(column.buf.buffer, column.buf.byteOffset, column.buf.byteLength), column.start[i]!, column.end[i]!, flag === FIELD_QUOTED_ESCAPED, column.quote ?? 34);
}

/** Copies everything out of each batch while it is lent, as a real sink must. */
function collectingSink(out: Omit<Scanned, 'result'>): BatchSink {
  return {
    beginFile(_file, names, position) {
      out.names = names;
      out.headerLine = position.line;
    },
    batch(batch: RowBatch) {
      out.batchSizes.push(batch.rowCount);
      const columns = batch.columns as BytesColumn[];
      out.batches.push({
        positions: Array.from(batch.positions.subarray(0, batch.rowCount)),
        columns: columns.map((c) => ({
          start: Array.from(c.start.subarray(0, batch.rowCount)),
          end: Array.from(c.end.subarray(0, batch.rowCount)),
          flags: Array.from(c.flags.subarray(0, batch.rowCount)),
        })),
      });
      for (let r = 0; r < batch.rowCount; r++) {
        out.rows.push({ fields: columns.map((c) => decode(c, r)), line: batch.positions[r]! });
        out.flags.push(columns.map((c) => c.flags[r]!));
      }
    },
    endFile() {
      out.ended = true;
    },
  };
}

let fileCounter = 0;
function writeFile(content: string | Buffer, ext = 'csv'): string {
  fileCounter++;
  return tmp.write(`f${fileCounter}.${ext}`, content);
}

async function scanFile(path: string, options: CsvScanOptions = {}, displayName = 'data.csv'): Promise<Scanned> {
  const out: Omit<Scanned, 'result'> = { names: [], headerLine: undefined, rows: [], batchSizes: [], batches: [], flags: [], ended: false };
  const result = await scanCsvFile({ path, displayName }, options, collectingSink(out));
  return { ...out, result };
}

async function scan(content: string | Buffer, options: CsvScanOptions = {}): Promise<Scanned> {
  return scanFile(writeFile(content), options);
}

async function scanError(content: string | Buffer, options: CsvScanOptions = {}): Promise<ConfigurationError> {
  const error = await scan(content, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  const e = error as ConfigurationError;
  expect(e.file).toBe('data.csv');
  expect(e.hint).toBeTruthy();
  return e;
}

/** What the string parser in src/data/csv.ts makes of a file: the reference for records, lines and errors. */
async function stringParser(path: string): Promise<{ names: string[]; rows: Row[] } | { error: string; line: number | undefined }> {
  const names: string[] = [];
  const rows: Row[] = [];
  try {
    await readCsvFile(path, 'data.csv', { header: (h) => names.push(...h), row: (fields, line) => rows.push({ fields, line }) });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return { error: firstUnitOnly(error.message), line: error.line };
  }
  return { names, rows };
}

/** The string parser shows one UTF-16 unit of the character after a closing quote; the scanner shows the whole character. */
function firstUnitOnly(message: string): string {
  return message.replace(/^unexpected character (".*") after/, (_, quoted: string) => `unexpected character ${JSON.stringify((JSON.parse(quoted) as string)[0])} after`);
}

async function scannerOutcome(path: string, options: CsvScanOptions): Promise<{ names: string[]; rows: Row[] } | { error: string; line: number | undefined }> {
  try {
    const s = await scanFile(path, options);
    return { names: s.names, rows: s.rows };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return { error: firstUnitOnly(error.message), line: error.line };
  }
}

/** A small deterministic generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    s ^= s + Math.imul(s ^ (s >>> 7), 61 | s);
    return ((s ^ (s >>> 14)) >>> 0) / 4294967296;
  };
}

describe('CSV scanner', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines, keeping physical line numbers', async () => {
    const s = await scan('id,text,n\n1,"a, b",2\n2,"say ""hi""",3\n3,"line one\nline two\nline three",4\n4,plain,5\n');
    expect(s.names).toEqual(['id', 'text', 'n']);
    expect(s.headerLine).toBe(1);
    expect(s.rows.map((r) => r.fields)).toEqual([
      ['1', 'a, b', '2'],
      ['2', 'say "hi"', '3'],
      ['3', 'line one\nline two\nline three', '4'],
      ['4', 'plain', '5'],
    ]);
    expect(s.rows.map((r) => r.line)).toEqual([2, 3, 4, 7]);
    expect(s.result.rows).toBe(4);
    expect(s.ended).toBe(true);
  });

  it('flags an unquoted empty field as null, a quoted empty one as the empty string, and escaped quotes', async () => {
    const s = await scan('a,b,c,d\n,"",x,"q""q"\n1,2,,\n');
    expect(s.rows.map((r) => r.fields)).toEqual([
      [null, '', 'x', 'q"q'],
      ['1', '2', null, null],
    ]);
    expect(s.flags).toEqual([
      [FIELD_NULL, FIELD_QUOTED, FIELD_PLAIN, FIELD_QUOTED_ESCAPED],
      [FIELD_PLAIN, FIELD_PLAIN, FIELD_NULL, FIELD_NULL],
    ]);
  });

  it('handles CRLF, a bare CR, a final line without newline, and blank lines', async () => {
    const s = await scan('\r\n\na,b\r\n1,2\r\n\r\n3,"x\r\ny"\r\n4,5\r6,7');
    expect(s.headerLine).toBe(3);
    expect(s.rows.map((r) => r.fields)).toEqual([
      ['1', '2'],
      ['3', 'x\r\ny'],
      ['4', '5'],
      ['6', '7'],
    ]);
    expect(s.rows.map((r) => r.line)).toEqual([4, 6, 8, 9]);
  });

  it('strips a UTF-8 byte order mark and trims header names', async () => {
    const s = await scan('\uFEFF"id", name \n1,é\n');
    expect(s.names).toEqual(['id', 'name']);
    expect(s.rows[0]!.fields).toEqual(['1', 'é']);
  });

  it('supports another delimiter and quote', async () => {
    const s = await scan("a\tb\n'x\ty'\t'it''s'\n", { delimiter: '\t', quote: "'" });
    expect(s.rows.map((r) => r.fields)).toEqual([['x\ty', "it's"]]);
  });

  it('reads a header-only file as no rows, and counts the bytes it scanned', async () => {
    const s = await scan('a,b\n');
    expect(s.names).toEqual(['a', 'b']);
    expect(s.rows).toEqual([]);
    expect(s.result).toEqual({ rows: 0, bytes: 4 });
  });

  it('agrees with Python’s csv module on generated data full of quotes, delimiters and newlines', () => {
    // Python writes the file (QUOTE_MINIMAL, its own escaping) and reads it back; we must read the same records.
    const script = String.raw`
import csv, random, sys, json
random.seed(int(sys.argv[2]))
alphabet = ['a', 'b', ',', '"', '\n', ' ', 'é', '\r\n', 'x', '1', '""', '€']
rows = [['id', 'text', 'num', 'more']]
for i in range(400):
    rows.append([str(i), ''.join(random.choice(alphabet) for _ in range(random.randint(0, 12))), str(random.random()), random.choice(['', 'x', '"', ','])])
with open(sys.argv[1], 'w', newline='', encoding='utf-8') as f:
    csv.writer(f, lineterminator='\r\n' if int(sys.argv[2]) % 2 else '\n').writerows(rows)
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    print(json.dumps(list(csv.reader(f))))
`;
    return Promise.all(
      [1, 2, 3, 4].map(async (seed) => {
        const file = writeFile('');
        const expected = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file, String(seed)], { encoding: 'utf8' })) as string[][];
        for (const options of [{}, { readBytes: 7, bufferBytes: 64 }]) {
          const s = await scanFile(file, options);
          const got = [s.names, ...s.rows.map((r) => r.fields.map((v) => v ?? ''))];
          expect(got.length).toBe(401);
          expect(got).toEqual(expected);
        }
      }),
    );
  });

  it('agrees with the string parser on records, lines and errors for random, often malformed, input', async () => {
    const tokens = ['a', 'b', ',', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '𝄞', '1', ',"', '",', '\n\n'];
    const seen = new Set<string>();
    for (let seed = 1; seed <= 120; seed++) {
      const rand = random(seed);
      const width = 1 + Math.floor(rand() * 4);
      let text = Array.from({ length: width }, (_, i) => `c${i}`).join(',') + (rand() < 0.5 ? '\n' : '\r\n');
      const n = Math.floor(rand() * 200);
      for (let i = 0; i < n; i++) text += tokens[Math.floor(rand() * tokens.length)]!;
      const file = writeFile(text);
      const expected = await stringParser(file);
      seen.add('error' in expected ? expected.error.replace(/\d+|".*"/g, '#') : 'rows');
      const options = { readBytes: 1 + Math.floor(rand() * 9), bufferBytes: 1 + Math.floor(rand() * 40), batchRows: 1 + Math.floor(rand() * 5) };
      expect({ seed, outcome: await scannerOutcome(file, options) }).toEqual({ seed, outcome: expected });
      expect({ seed, outcome: await scannerOutcome(file, {}) }).toEqual({ seed, outcome: expected });
      expect({ seed, outcome: await scannerOutcome(file, { wordwise: false }) }).toEqual({ seed, outcome: expected });
      expect({ seed, outcome: await scannerOutcome(file, { wasm: false }) }).toEqual({ seed, outcome: expected });
    }
    // The inputs reach every outcome: rows, and each kind of error.
    expect([...seen].sort()).toEqual(['row has # field, the header has #', 'row has # fields, the header has #', 'rows', 'unexpected character # after a closing quote', 'unterminated quoted field']);
  });

  it('agrees with the string parser on well-formed generated data, row by row and line by line', async () => {
    const rand = random(7);
    const cell = (): string => {
      const r = rand();
      if (r < 0.1) return '';
      if (r < 0.2) return '""';
      if (r < 0.35) {
        const body = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => ['a', ',', '\n', '"', ' ', 'é', '\r\n'][Math.floor(rand() * 7)]).join('');
        return `"${body.replace(/"/g, '""')}"`;
      }
      if (r < 0.6) return String(Math.floor(rand() * 1e6));
      return 'word'.repeat(1 + Math.floor(rand() * 3));
    };
    const lines = ['a,b,c,d,e'];
    for (let i = 0; i < 3000; i++) lines.push(Array.from({ length: 5 }, cell).join(','));
    const file = writeFile(lines.join('\r\n') + '\r\n');
    const expected = await stringParser(file);
    expect('rows' in expected && expected.rows.length).toBe(3000);
    expect(await scannerOutcome(file, {})).toEqual(expected);
    expect(await scannerOutcome(file, { readBytes: 333, bufferBytes: 1000, batchRows: 77 })).toEqual(expected);
    // The byte-at-a-time loop (big-endian machines) reads the same.
    expect(await scannerOutcome(file, { wordwise: false })).toEqual(expected);
  });

  it('gives identical batches with and without the WebAssembly fast path, which takes the ordinary records', async () => {
    const rand = random(11);
    const cell = (): string => {
      const r = rand();
      if (r < 0.1) return '';
      if (r < 0.15) return '""';
      if (r < 0.3) return `"${Array.from({ length: Math.floor(rand() * 30) }, () => ['a', ',', '""', ' ', 'é'][Math.floor(rand() * 5)]).join('')}"`;
      if (r < 0.32) return `"a\nb"`;
      if (r < 0.6) return String(Math.floor(rand() * 1e9) / 1000);
      return 'w'.repeat(Math.floor(rand() * 40));
    };
    let text = 'a,b,c,d,e,f\n';
    for (let i = 0; i < 4000; i++) {
      text += Array.from({ length: 6 }, cell).join(',') + (rand() < 0.02 ? '\r\n' : '\n');
      if (rand() < 0.01) text += '\n';
    }
    const file = writeFile(text);
    const taken = vi.spyOn(FieldArena.prototype, 'scan');
    try {
      for (const options of [{}, { batchRows: 100 }, { bufferBytes: 4096, readBytes: 1000, batchRows: 333 }]) {
        taken.mockClear();
        const fast = await scanFile(file, options);
        const plain = await scanFile(file, { ...options, wasm: false });
        expect(fast.batches).toEqual(plain.batches);
        expect(fast.rows).toEqual(plain.rows);
        expect(fast.rows).toHaveLength(4000);
        // Most records went through the fast path (each call returns the row count it reached from the one it was given).
        const rows = taken.mock.calls.reduce((sum, call, i) => sum + (taken.mock.results[i]!.value as number) - call[5], 0);
        expect(rows).toBeGreaterThan(3000);
      }
    } finally {
      taken.mockRestore();
    }
  });

  it('gives identical batches whatever the read size', async () => {
    const text = 'a,b\r\n"q""x",2\r\n"multi\r\nline",3\r\n,\r\n"end",""\n' + Array.from({ length: 50 }, (_, i) => `${i},"v ${i}"`).join('\n');
    const file = writeFile(text);
    const whole = await scanFile(file, { batchRows: 8 });
    expect(whole.batchSizes).toEqual([8, 8, 8, 8, 8, 8, 6]);
    for (const readBytes of [1, 2, 3, 5, 8, 13, 64]) {
      const s = await scanFile(file, { batchRows: 8, readBytes });
      expect(s.batches).toEqual(whole.batches);
      expect(s.rows).toEqual(whole.rows);
    }
  });

  it('gives the same rows with a buffer smaller than a record (carried over and grown)', async () => {
    const long = 'x'.repeat(300);
    const text = `id,text\n1,"${long}"\n2,${long}\n3,"a\nb"\n`;
    const file = writeFile(text);
    const whole = await scanFile(file);
    expect(whole.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    for (const bufferBytes of [1, 2, 7, 64, 299]) {
      const s = await scanFile(file, { bufferBytes, readBytes: 5 });
      expect(s.rows).toEqual(whole.rows);
    }
  });

  it('limits rows per batch, and gives a very wide file fewer rows per batch', async () => {
    const s = await scan('a\n' + Array.from({ length: 10 }, (_, i) => String(i)).join('\n'), { batchRows: 4 });
    expect(s.batchSizes).toEqual([4, 4, 2]);
    const width = 5000;
    const header = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
    const row = Array.from({ length: width }, (_, i) => String(i)).join(',');
    const sizes: number[] = [];
    let last: string | null = null;
    const sink: BatchSink = {
      beginFile() {},
      batch(batch) {
        sizes.push(batch.rowCount);
        last = decode(batch.columns[width - 1] as BytesColumn, batch.rowCount - 1);
      },
    };
    const result = await scanCsvFile({ path: writeFile(`${header}\n${Array.from({ length: 2000 }, () => row).join('\n')}\n`), displayName: 'wide.csv' }, {}, sink);
    expect(result.rows).toBe(2000);
    expect(Math.max(...sizes)).toBeLessThan(2000);
    expect(last).toBe('4999');
  });
});

describe('CSV scanner errors (file, line and hint, worded as the string parser words them)', () => {
  it('rejects a ragged row at the line where the row starts', async () => {
    const e = await scanError('a,b,c\n1,2,3\n"x\ny",2\n4,5\n');
    expect(e.message).toBe('row has 2 fields, the header has 3');
    expect(e.line).toBe(3);
    const more = await scanError('a,b\n1,2,3,4\n');
    expect(more.message).toBe('row has 4 fields, the header has 2');
    expect(more.line).toBe(2);
  });

  it('rejects an unterminated quote at the line where it opened', async () => {
    const e = await scanError('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(e.message).toBe('unterminated quoted field');
    expect(e.line).toBe(3);
    expect((await scanError('"a,b\n1,2\n')).line).toBe(1);
  });

  it('rejects text after a closing quote, showing the character', async () => {
    const e = await scanError('a,b\n"x\n"y,2\n');
    expect(e.message).toBe('unexpected character "y" after a closing quote');
    expect(e.line).toBe(3);
    expect((await scanError('a,b\n"x"é,2\n')).message).toBe('unexpected character "é" after a closing quote');
  });

  it('rejects duplicate and empty header names, and an empty file', async () => {
    expect((await scanError('a,b,a\n1,2,3\n')).message).toBe('header names column "a" twice (columns 1 and 3)');
    expect((await scanError('\na,,c\n1,2,3\n')).message).toBe('header column 2 has no name');
    expect((await scanError('\na,,c\n1,2,3\n')).line).toBe(2);
    const empty = await scanError('');
    expect(empty.describe()).toMatch(/^data\.csv:1: the file is empty: no header row/);
    expect((await scanError('\r\n\n')).message).toMatch(/the file is empty/);
  });

  it('reports invalid UTF-8 with the line of the bad byte, however the bytes arrive', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,ok\n2,"caf\n'), Buffer.from([0xe9]), Buffer.from('"\n3,x\n')]);
    for (const options of [{}, { readBytes: 1, bufferBytes: 3 }, { readBytes: 4, bufferBytes: 8 }]) {
      const e = await scanError(bytes, options);
      expect(e.message).toBe('invalid UTF-8 (byte 0xe9)');
      expect(e.line).toBe(4);
    }
    const truncated = await scanError(Buffer.concat([Buffer.from('id\n1\n2'), Buffer.from([0xe2, 0x82])]));
    expect(truncated.message).toBe('the file ends in the middle of a UTF-8 character');
    expect(truncated.line).toBe(3);
  });

  it('stops at a record longer than maxRecordBytes, at the line it starts on, without reading the rest', async () => {
    const long = 'y'.repeat(5000);
    for (const text of [`a,b\n1,2\n3,${long}\n4,5\n`, `a,b\n1,2\n3,"${long}\n4,5\n`, `a,b\n1,2\n3,${long}`]) {
      for (const options of [{ maxRecordBytes: 1000 }, { maxRecordBytes: 1000, bufferBytes: 16, readBytes: 7 }]) {
        const e = await scanError(text, options);
        expect(e.message).toBe('record longer than 1000 bytes starting at line 3');
        expect(e.line).toBe(3);
      }
    }
    // A header line counts too; a record exactly at the limit is fine.
    expect((await scanError(`${long}\n1\n`, { maxRecordBytes: 4096, bufferBytes: 100 })).message).toBe('record longer than 4 KiB starting at line 1');
    const atLimit = await scan(`a\n${'z'.repeat(9)}\n`, { maxRecordBytes: 10, bufferBytes: 2 });
    expect(atLimit.rows[0]!.fields).toEqual(['z'.repeat(9)]);
  });

  it('stops on a 30 MB line with a 1 MiB limit quickly and without growing the buffer past the limit', async () => {
    const file = writeFile(Buffer.concat([Buffer.from('a,b\n1,'), Buffer.alloc(30e6, 0x61), Buffer.from('\n')]));
    const started = Date.now();
    const error = await scanFile(file, { maxRecordBytes: 1 << 20, bufferBytes: 4096 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toBe('record longer than 1 MiB starting at line 2');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects bad delimiter and quote options', async () => {
    for (const options of [{ delimiter: ';;' }, { delimiter: '"' }, { quote: '\n' }, { delimiter: '§' }]) {
      const error = await scan('a\n1\n', options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).message).toMatch(/^invalid CSV options/);
    }
  });

  it('names a missing file', async () => {
    const error = await scanFile(`${tmp.root}/missing.csv`, {}, 'data/missing.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).describe()).toMatch(/^data\/missing\.csv: file not found/);
  });
});

describe('gzip-compressed CSV', () => {
  const text = 'id,text\r\n' + Array.from({ length: 3000 }, (_, i) => `${i},"row ${i}, with ""quotes""\nand a newline"`).join('\r\n') + '\r\n';

  it('reads the same rows as the uncompressed file, counting uncompressed bytes', async () => {
    const plain = await scan(text);
    const gz = writeFile(gzipSync(Buffer.from(text)), 'csv.gz');
    for (const options of [{}, { readBytes: 1000, bufferBytes: 5000 }]) {
      const s = await scanFile(gz, { ...options, gzip: true }, 'data.csv');
      expect(s.rows).toEqual(plain.rows);
      expect(s.result).toEqual({ rows: 3000, bytes: Buffer.byteLength(text) });
    }
  });

  it('rejects a truncated or corrupt gzip file, naming it', async () => {
    const compressed = gzipSync(Buffer.from(text));
    const truncated = writeFile(compressed.subarray(0, Math.floor(compressed.length / 2)), 'csv.gz');
    const e1 = await scanFile(truncated, { gzip: true }, 'data.csv.gz').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ConfigurationError);
    expect((e1 as ConfigurationError).describe()).toMatch(/^data\.csv\.gz: the gzip data ends early/);

    const corrupt = Buffer.from(compressed);
    corrupt.fill(0x55, 20, 200);
    const e2 = await scanFile(writeFile(corrupt, 'csv.gz'), { gzip: true }, 'data.csv.gz').catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(ConfigurationError);
    expect((e2 as ConfigurationError).file).toBe('data.csv.gz');

    const notGzip = await scanFile(writeFile('id\n1\n', 'csv.gz'), { gzip: true }, 'data.csv.gz').catch((e: unknown) => e);
    expect(notGzip).toBeInstanceOf(ConfigurationError);
    expect((notGzip as ConfigurationError).message).toMatch(/not valid gzip data/);
  });
});
