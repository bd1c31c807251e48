import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchSink, ValuesColumn } from '../../src/data/batch.js';
import { readParquetFile } from '../../src/data/readers/parquet.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { makeTempDir } from '../support/tmp.js';

// DuckDB is the independent writer of every test file and the reference for every value read back.
const tmp = makeTempDir();
let instance: DuckDBInstance;
let duck: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
});

afterAll(() => {
  duck?.closeSync();
  instance?.closeSync();
  tmp.remove();
});

const ROWS = 10_000;
const select = (rows: number): string => `
  SELECT
    i::BIGINT AS id,
    (i % 1000 - 500)::INTEGER AS small,
    i / 7.0 AS ratio,
    CASE WHEN i % 11 = 0 THEN NULL ELSE 'text ' || i || CASE WHEN i % 13 = 0 THEN ' é€𝄞' ELSE '' END END AS label,
    CASE WHEN i % 17 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
    DATE '1969-12-01' + (i % 400)::INTEGER AS day,
    TIMESTAMP '2021-06-01 12:00:00' + to_seconds(i * 37) AS at,
    CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1.5 END::DOUBLE AS maybe,
    (i % 100)::DECIMAL(10, 2) / 4 AS price,
    [i, i + 1] AS pair,
    {'a': i % 7, 'b': 'x'} AS rec
  FROM range(${rows}) t(i)`;

function sqlPath(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}

async function writeParquet(name: string, codec: string, rowGroupSize = 10_000, rows = ROWS): Promise<string> {
  const path = `${tmp.root}/${name}`;
  await duck.run(`COPY (${select(rows)}) TO ${sqlPath(path)} (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE ${rowGroupSize})`);
  return path;
}

async function duckRows(path: string): Promise<Array<Record<string, unknown>>> {
  const reader = await duck.runAndReadAll(`SELECT * FROM read_parquet(${sqlPath(path)}) ORDER BY id`);
  return reader.getRowObjectsJS() as Array<Record<string, unknown>>;
}

interface Read {
  names: string[];
  rows: Array<Record<string, unknown>>;
  positions: number[];
  batchSizes: number[];
  result: { rows: number; bytes: number };
}

async function readAll(path: string, batchRows?: number): Promise<Read> {
  const out: Omit<Read, 'result'> = { names: [], rows: [], positions: [], batchSizes: [] };
  const sink: BatchSink = {
    beginFile(_file, names) {
      out.names = names;
    },
    batch(batch) {
      expect(batch.positionKind).toBe('row');
      out.batchSizes.push(batch.rowCount);
      for (let r = 0; r < batch.rowCount; r++) {
        out.positions.push(batch.positions[r]!);
        out.rows.push(Object.fromEntries(batch.names.map((name, c) => [name, (batch.columns[c] as ValuesColumn).values[r]])));
      }
    },
  };
  const result = await readParquetFile({ path, displayName: 'data.parquet' }, batchRows === undefined ? {} : { batchRows }, sink);
  return { ...out, result };
}

describe('Parquet reader', () => {
  // DuckDB writes brotli slowly: a smaller file for it.
  const codecs = [
    { codec: 'snappy', rows: ROWS },
    { codec: 'zstd', rows: ROWS },
    { codec: 'gzip', rows: ROWS },
    { codec: 'uncompressed', rows: ROWS },
    { codec: 'lz4_raw', rows: ROWS },
    { codec: 'brotli', rows: 5000 },
  ];
  for (const { codec, rows } of codecs) {
    it(`reads a ${codec} file written by DuckDB with the values DuckDB reads from it`, async () => {
      const rowGroupSize = Math.floor(rows / 2.5);
      const path = await writeParquet(`${codec}.parquet`, codec, rowGroupSize, rows);
      const read = await readAll(path);
      const expected = await duckRows(path);
      expect(read.names).toEqual(['id', 'small', 'ratio', 'label', 'flag', 'day', 'at', 'maybe', 'price', 'pair', 'rec']);
      expect(read.result.rows).toBe(rows);
      expect(read.rows.length).toBe(expected.length);
      expect(read.rows).toEqual(expected);
      expect(read.positions).toEqual(Array.from({ length: rows }, (_, i) => i));
      // Several row groups, each handed on whole (they are under the default batch size).
      expect(read.batchSizes.length).toBeGreaterThanOrEqual(2);
      expect(read.batchSizes.reduce((a, b) => a + b, 0)).toBe(rows);
    });
  }

  it('uses documented JavaScript types: bigint for INT64, Date for dates and timestamps, null for null', async () => {
    const read = await readAll(await writeParquet('types.parquet', 'snappy'));
    const first = read.rows[0]!;
    expect(typeof first.id).toBe('bigint');
    expect(typeof first.small).toBe('number');
    expect(first.day).toEqual(new Date('1969-12-01T00:00:00Z'));
    expect(first.at).toEqual(new Date('2021-06-01T12:00:00Z'));
    expect(first.label).toBeNull();
    expect(first.maybe).toBeNull();
    expect(first.pair).toEqual([0n, 1n]);
    expect(read.rows[12]!.label).toBe('text 12');
  });

  it('splits a row group into batches of at most batchRows rows', async () => {
    const path = await writeParquet('split.parquet', 'zstd', 8_000);
    const read = await readAll(path, 3000);
    expect(Math.max(...read.batchSizes)).toBe(3000);
    expect(read.positions).toEqual(Array.from({ length: ROWS }, (_, i) => i));
    expect(read.rows).toEqual(await duckRows(path));
  });
});

describe('Parquet errors', () => {
  async function readError(content: Buffer | string): Promise<ConfigurationError> {
    const path = `${tmp.root}/bad-${Math.random().toString(36).slice(2)}.parquet`;
    writeFileSync(path, content);
    const error = await readAll(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    const e = error as ConfigurationError;
    expect(e.file).toBe('data.parquet');
    expect(e.hint).toBeTruthy();
    return e;
  }

  it('rejects a truncated file, naming it', async () => {
    const whole = readFileSync(await writeParquet('whole.parquet', 'snappy'));
    expect((await readError(whole.subarray(0, Math.floor(whole.length / 2)))).message).toMatch(/^not a readable Parquet file/);
    expect((await readError(whole.subarray(0, whole.length - 1))).message).toMatch(/^not a readable Parquet file/);
    // The footer survives but the column chunks it points at are gone.
    const footerLength = whole.readUInt32LE(whole.length - 8);
    const tail = whole.subarray(whole.length - footerLength - 8);
    expect((await readError(Buffer.concat([Buffer.from('PAR1'), tail]))).message).toMatch(/^not a readable Parquet file/);
  });

  it('rejects a file that is not Parquet, and an empty one', async () => {
    expect((await readError('id,name\n1,a\n')).describe()).toMatch(/^data\.parquet: not a readable Parquet file/);
    await readError('');
  });

  it('names a missing file', async () => {
    const error = await readParquetFile({ path: `${tmp.root}/nope.parquet`, displayName: 'nope.parquet' }, {}, { beginFile() {}, batch() {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).describe()).toMatch(/^nope\.parquet: file not found/);
  });
});
