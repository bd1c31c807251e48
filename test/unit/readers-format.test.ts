import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchSink, BytesColumn, DataFormat, RowBatch, ValuesColumn } from '../../src/data/batch.js';
import { detectFormat, readDataFile } from '../../src/data/readers/index.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { makeTempDir } from '../support/tmp.js';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

function configError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

describe('detectFormat', () => {
  it('tells the format, gzip and implied delimiter from the extension, case-insensitively', () => {
    expect(detectFormat('data/train.csv')).toEqual({ format: 'csv', gzip: false });
    expect(detectFormat('data/train.CSV.GZ')).toEqual({ format: 'csv', gzip: true });
    expect(detectFormat('x.tsv')).toEqual({ format: 'csv', gzip: false, delimiter: '\t' });
    expect(detectFormat('x.tsv.gz')).toEqual({ format: 'csv', gzip: true, delimiter: '\t' });
    expect(detectFormat('logs/a.jsonl')).toEqual({ format: 'jsonl', gzip: false });
    expect(detectFormat('a.ndjson.gz')).toEqual({ format: 'jsonl', gzip: true });
    expect(detectFormat('C:\\data\\part-0.parquet')).toEqual({ format: 'parquet', gzip: false });
  });

  it('lets an explicit format win, keeping gzip from the name', () => {
    expect(detectFormat('export.txt', 'csv')).toEqual({ format: 'csv', gzip: false });
    expect(detectFormat('export.gz', 'jsonl')).toEqual({ format: 'jsonl', gzip: true });
    expect(detectFormat('x.tsv', 'jsonl')).toEqual({ format: 'jsonl', gzip: false });
  });

  it('asks for `format` when the extension says nothing', () => {
    for (const path of ['data.txt', 'data', 'data.gz', '.csv', 'dir.csv/file']) {
      const e = configError(() => detectFormat(path));
      expect(e.message).toContain('cannot tell the data format');
      expect(e.hint).toContain('`format`');
    }
  });

  it('rejects a gzip-compressed Parquet file and an unknown explicit format', () => {
    expect(configError(() => detectFormat('a.parquet.gz')).message).toBe('a gzip-compressed Parquet file cannot be read');
    expect(configError(() => detectFormat('a.csv', 'xlsx' as DataFormat)).message).toBe('unknown data format "xlsx"');
  });
});

describe('readDataFile', () => {
  function recordingSink(): BatchSink & { names: string[]; rows: unknown[][] } {
    const sink = {
      names: [] as string[],
      rows: [] as unknown[][],
      beginFile(_file: string, names: string[]) {
        sink.names = names;
      },
      batch(batch: RowBatch) {
        for (let r = 0; r < batch.rowCount; r++) {
          sink.rows.push(
            batch.columns.map((c) => {
              if (c.kind === 'values') return (c as ValuesColumn).values[r];
              const b = c as BytesColumn;
              return Buffer.from(b.buf.buffer, b.buf.byteOffset, b.buf.byteLength).toString('utf8', b.start[r], b.end[r]);
            }),
          );
        }
      },
    };
    return sink;
  }

  it('reads a .tsv with a tab, a .csv.gz, a .ndjson.gz and a .parquet through one entry', async () => {
    const cases: Array<{ name: string; content: Buffer | (() => Promise<void>) }> = [
      { name: 'a.tsv', content: Buffer.from('id\tname\n1\tx,y\n') },
      { name: 'b.csv.gz', content: gzipSync('id,name\n1,"x,y"\n') },
      { name: 'c.ndjson.gz', content: gzipSync('{"id": "1", "name": "x,y"}\n') },
    ];
    for (const { name, content } of cases) {
      const path = tmp.write(name, content as Buffer);
      const sink = recordingSink();
      const result = await readDataFile({ path, displayName: name }, {}, sink);
      expect({ name, names: sink.names, rows: sink.rows, count: result.rows }).toEqual({ name, names: ['id', 'name'], rows: [['1', 'x,y']], count: 1 });
    }

    const instance = await DuckDBInstance.create(':memory:');
    const duck = await instance.connect();
    const parquet = `${tmp.root}/d.parquet`;
    await duck.run(`COPY (SELECT '1' AS id, 'x,y' AS name) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`);
    duck.closeSync();
    instance.closeSync();
    const sink = recordingSink();
    await readDataFile({ path: parquet, displayName: 'd.parquet' }, {}, sink);
    expect(sink.rows).toEqual([['1', 'x,y']]);
  });

  it('keeps a delimiter given for a .tsv, and reads an unknown extension with an explicit format', async () => {
    const semi = tmp.write('s.tsv', 'id;name\n1;x\ty\n');
    const sink = recordingSink();
    await readDataFile({ path: semi, displayName: 's.tsv' }, { delimiter: ';' }, sink);
    expect(sink.rows).toEqual([['1', 'x\ty']]);

    const txt = tmp.write('e.txt', '{"id": 1}\n');
    const json = recordingSink();
    await readDataFile({ path: txt, displayName: 'e.txt' }, { format: 'jsonl' }, json);
    expect(json.rows).toEqual([[1]]);
    await expect(readDataFile({ path: txt, displayName: 'e.txt' }, {}, recordingSink())).rejects.toBeInstanceOf(ConfigurationError);
  });
});
