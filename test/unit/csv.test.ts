import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser, firstInvalidUtf8, readCsvFile, type CsvField } from '../support/csv-reference-parser.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { makeTempDir } from '../support/tmp.js';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

interface Parsed {
  header: string[];
  rows: Array<{ fields: CsvField[]; line: number }>;
}

function parseChunks(chunks: string[], file = 'data.csv'): Parsed {
  const out: Parsed = { header: [], rows: [] };
  const parser = new CsvParser(file, { header: (h) => (out.header = h), row: (fields, line) => out.rows.push({ fields, line }) });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
}

function parse(text: string): Parsed {
  return parseChunks([text]);
}

function expectConfigError(fn: () => unknown, match: { message: RegExp; line?: number }): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    const e = error as ConfigurationError;
    expect(e.message).toMatch(match.message);
    if (match.line !== undefined) expect(e.line).toBe(match.line);
    expect(e.hint).toBeTruthy();
    return;
  }
  throw new Error('expected a ConfigurationError');
}

describe('CsvParser', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines, keeping physical line numbers', () => {
    const text = 'id,text,n\n1,"a, b",2\n2,"say ""hi""",3\n3,"line one\nline two\nline three",4\n4,plain,5\n';
    const parsed = parse(text);
    expect(parsed.header).toEqual(['id', 'text', 'n']);
    expect(parsed.rows.map((r) => r.fields)).toEqual([
      ['1', 'a, b', '2'],
      ['2', 'say "hi"', '3'],
      ['3', 'line one\nline two\nline three', '4'],
      ['4', 'plain', '5'],
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4, 7]);
  });

  it('treats an unquoted empty field as null and a quoted empty field as the empty string', () => {
    const parsed = parse('a,b,c\n,"",x\n1,2,\n');
    expect(parsed.rows.map((r) => r.fields)).toEqual([
      [null, '', 'x'],
      ['1', '2', null],
    ]);
  });

  it('handles CRLF, a final line without newline, and blank lines', () => {
    const parsed = parse('a,b\r\n1,2\r\n\r\n3,"x\r\ny"\r\n4,5');
    expect(parsed.rows.map((r) => r.fields)).toEqual([
      ['1', '2'],
      ['3', 'x\r\ny'],
      ['4', '5'],
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });

  it('gives the same records and lines whatever the chunk boundaries', () => {
    const text = 'a,b\r\n"q""x",2\r\n"multi\r\nline",3\r\n,\r\n"end",""';
    const whole = parse(text);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(parseChunks(chunks)).toEqual(whole);
    }
  });

  it('supports another delimiter and quote', () => {
    const parser = (text: string) => {
      const rows: CsvField[][] = [];
      const p = new CsvParser('x.tsv', { header: () => {}, row: (f) => rows.push(f) }, { delimiter: '\t', quote: "'" });
      p.push(text);
      p.end();
      return rows;
    };
    expect(parser("a\tb\n'x\ty'\t'it''s'\n")).toEqual([['x\ty', "it's"]]);
  });

  it('rejects a ragged row with the file and line', () => {
    expectConfigError(() => parse('a,b,c\n1,2,3\n"x\ny",2\n4,5\n'), { message: /row has 2 fields, the header has 3/, line: 3 });
  });

  it('rejects an unterminated quote at the line where the quote opened', () => {
    expectConfigError(() => parse('a,b\n1,2\n3,"never closed\n4,5\n'), { message: /unterminated quoted field/, line: 3 });
  });

  it('rejects text after a closing quote, duplicate and empty header names', () => {
    expectConfigError(() => parse('a,b\n"x"y,2\n'), { message: /after a closing quote/, line: 2 });
    expectConfigError(() => parse('a,b,a\n1,2,3\n'), { message: /names column "a" twice/, line: 1 });
    expectConfigError(() => parse('a,,c\n1,2,3\n'), { message: /column 2 has no name/, line: 1 });
  });

  it('agrees with Python’s csv module on generated data full of quotes, delimiters and newlines', async () => {
    // Python writes the file (QUOTE_MINIMAL, its own escaping) and reads it back; we must read the same records.
    const script = String.raw`
import csv, random, sys, json
random.seed(int(sys.argv[2]))
alphabet = ['a', 'b', ',', '"', '\n', ' ', 'é', '\r\n', 'x', '1']
rows = [['id', 'text', 'num']]
for i in range(300):
    rows.append([str(i), ''.join(random.choice(alphabet) for _ in range(random.randint(1, 12))), str(random.random())])
with open(sys.argv[1], 'w', newline='', encoding='utf-8') as f:
    csv.writer(f, lineterminator='\r\n' if int(sys.argv[2]) % 2 else '\n').writerows(rows)
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    print(json.dumps(list(csv.reader(f))))
`;
    for (const seed of [1, 2, 3]) {
      const file = tmp.write(`py-${seed}.csv`, '');
      const expected = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file, String(seed)], { encoding: 'utf8' })) as string[][];
      const out: string[][] = [];
      await readCsvFile(file, 'py.csv', { header: (h) => out.push(h), row: (f) => out.push(f.map((v) => v ?? '')) });
      expect(out.length).toBe(301);
      expect(out).toEqual(expected);
    }
  });
});

describe('readCsvFile', () => {
  it('strips a UTF-8 byte order mark from the header', async () => {
    const file = tmp.write('bom.csv', '\uFEFFid,v\n1,2\n');
    let header: string[] = [];
    await readCsvFile(file, 'bom.csv', { header: (h) => (header = h), row: () => {} });
    expect(header).toEqual(['id', 'v']);
  });

  it('reports invalid UTF-8 with the line of the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,ok\n2,caf'), Buffer.from([0xe9]), Buffer.from('\n3,x\n')]);
    const file = tmp.write('latin1.csv', bytes);
    const error = await readCsvFile(file, 'latin1.csv', { header: () => {}, row: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).line).toBe(3);
    expect((error as ConfigurationError).message).toMatch(/invalid UTF-8 \(byte 0xe9\)/);
  });

  it('reports an empty file as a configuration error', async () => {
    const file = tmp.write('empty.csv', '');
    const error = await readCsvFile(file, 'empty.csv', { header: () => {}, row: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).describe()).toMatch(/^empty\.csv:1: the file is empty/);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds overlong, truncated and surrogate sequences and accepts valid text', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo €𝄞', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // truncated
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
});
