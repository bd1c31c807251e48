import { open, type FileHandle } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parquetMetadataAsync, parquetScan, parquetSchema, type AsyncBuffer, type Compressors, type FileMetaData, type ParquetScan } from 'hyparquet';
import { decompressLz4, decompressLz4Raw, decompressZstd } from 'hyparquet-compressors';
import type { BatchSink, RowBatch, ValuesColumn } from '../batch.js';
import { ConfigurationError } from '../../platform/errors.js';
import { DEFAULT_BATCH_ROWS, fileError } from './record-buffer.js';

/**
 * Parquet through hyparquet (pure JavaScript), one row group at a time: each column of a row group
 * is decoded once and handed on in batches of at most `batchRows` rows, so memory is bounded by
 * the largest row group, not the file. Bytes come from the file by ranges (footer, then column
 * chunks), never the whole file.
 *
 * Values, per Parquet type: INT32, FLOAT, DOUBLE and DECIMAL are numbers; INT64 is a bigint (exact;
 * a timestamp's INT64 is not: see below); BOOLEAN a boolean; strings (UTF8 / STRING, and any
 * BYTE_ARRAY) strings; DATE, TIMESTAMP (millis, micros, nanos) and INT96 a Date at millisecond
 * precision (sub-millisecond digits are dropped); JSON parsed values; lists arrays; structs and maps
 * objects. A null is null.
 */

export interface ParquetReadOptions {
  batchRows?: number;
}

const HINT = 'The file could not be read as Parquet: check that it was written completely (not truncated) and is really a Parquet file, or set `format` to the right one.';

/** Snappy is built into hyparquet; Node's zlib is faster than JavaScript for gzip and brotli. */
const compressors: Compressors = {
  GZIP: (input) => gunzipSync(input),
  BROTLI: (input) => brotliDecompressSync(input),
  ZSTD: (input) => decompressZstd(input),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};

export async function readParquetFile(
  file: { path: string; displayName: string },
  options: ParquetReadOptions,
  sink: BatchSink,
): Promise<{ rows: number; bytes: number }> {
  const displayName = file.displayName;
  const batchRows = Math.max(1, Math.floor(options.batchRows ?? DEFAULT_BATCH_ROWS));
  let handle: FileHandle;
  try {
    handle = await open(file.path, 'r');
  } catch (error) {
    throw fileError(error, displayName);
  }
  try {
    const size = (await handle.stat()).size;
    const buffer = fileAsyncBuffer(handle, size);
    const { metadata, scan } = await decoding(displayName, async () => {
      const metadata: FileMetaData = await parquetMetadataAsync(buffer);
      return { metadata, scan: await parquetScan({ file: buffer, metadata, compressors }) };
    });
    const names = parquetSchema(metadata).children.map((child) => child.element.name);
    sink.beginFile(displayName, names, {});
    const positions = new Float64Array(batchRows);
    let rows = 0;
    for (const range of scan.ranges) {
      const data = await decoding(displayName, () => readRange(scan, names, range.rowStart, range.rowEnd));
      for (let from = range.rowStart; from < range.rowEnd; from += batchRows) {
        const to = Math.min(range.rowEnd, from + batchRows);
        const rowCount = to - from;
        for (let i = 0; i < rowCount; i++) positions[i] = from + i;
        const columns: ValuesColumn[] = data.map((column) => ({ kind: 'values', values: toValues(column, from - range.rowStart, to - range.rowStart) }));
        const batch: RowBatch = { file: displayName, rowCount, positions, positionKind: 'row', columns, names };
        rows += rowCount;
        sink.batch(batch);
      }
    }
    sink.endFile?.(displayName);
    return { rows, bytes: size };
  } finally {
    await handle.close();
  }
}

type Decoded = ArrayLike<unknown>;

async function readRange(scan: ParquetScan, names: string[], rowStart: number, rowEnd: number): Promise<Decoded[]> {
  const columns: Decoded[] = [];
  for (const column of names) {
    const data = (await scan.readColumn({ column, rowStart, rowEnd })) as Decoded;
    if (data.length !== rowEnd - rowStart) throw new Error(`column ${column} has ${data.length} values for ${rowEnd - rowStart} rows`);
    columns.push(data);
  }
  return columns;
}

/** Plain values for rows [from, to) of a decoded column: typed arrays become arrays, undefined becomes null. */
function toValues(data: Decoded, from: number, to: number): unknown[] {
  const out = new Array<unknown>(to - from);
  for (let i = from; i < to; i++) {
    const v = data[i];
    out[i - from] = v === undefined ? null : v;
  }
  return out;
}

/** hyparquet reads ranges through this: one positioned read per range, into a buffer of its own. */
function fileAsyncBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      const length = Math.max(0, stop - start);
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, start + done);
        if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${start + done}`);
        done += bytesRead;
      }
      if (end !== undefined && end > size) throw new Error(`a range ends at byte ${end}, past the end of the file (${size} bytes)`);
      return out.buffer;
    },
  };
}

/** Runs hyparquet work; whatever it throws means the bytes are not the Parquet they claim to be. */
async function decoding<T>(displayName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`not a readable Parquet file (${reason})`, { file: displayName, hint: HINT, cause: error });
  }
}
