import type { BatchSink, RowBatch, ValuesColumn } from '../batch.js';
import { ConfigurationError } from '../../platform/errors.js';
import {
  DEFAULT_BATCH_ROWS,
  DEFAULT_BUFFER_BYTES,
  DEFAULT_MAX_RECORD_BYTES,
  RecordBuffer,
  invalidUtf8Error,
  openByteSource,
  recordTooLongError,
} from './record-buffer.js';

/**
 * JSON Lines: one JSON object per line, blank lines skipped. The columns are the keys of the first
 * object, in its order. A later object's missing key is null; a key the first object lacks is
 * reported once to the sink's `unknownColumn` (with the line it first appears on) and its values
 * are dropped, since a streamed batch cannot grow a column for rows already handed on.
 */

export interface JsonlReadOptions {
  batchRows?: number;
  maxRecordBytes?: number;
  gzip?: boolean;
  /** Internal: bytes asked of the file at a time. */
  readBytes?: number;
  /** Internal: the starting size of the read buffer. */
  bufferBytes?: number;
}

const LF = 10;
const CR = 13;
const HINT = 'A JSON Lines file holds one JSON object per line, such as {"id": 1, "name": "a"}; a value may not span lines.';

export async function readJsonlFile(
  file: { path: string; displayName: string },
  options: JsonlReadOptions,
  sink: BatchSink,
): Promise<{ rows: number; bytes: number }> {
  const displayName = file.displayName;
  const batchRows = Math.max(1, Math.floor(options.batchRows ?? DEFAULT_BATCH_ROWS));
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const source = await openByteSource(file.path, displayName, { gzip: options.gzip ?? false, readBytes: options.readBytes });
  const input = new RecordBuffer(source, options.bufferBytes ?? DEFAULT_BUFFER_BYTES, maxRecordBytes);

  let names: string[] | undefined;
  const columnOf = new Map<string, number>();
  const unknown = new Set<string>();
  let values: unknown[][] = [];
  const positions = new Float64Array(batchRows);
  let rowCount = 0;
  let rows = 0;
  let line = 1;

  const flush = (): void => {
    if (rowCount === 0 || names === undefined) return;
    const columns: ValuesColumn[] = values.map((v) => {
      v.length = rowCount;
      return { kind: 'values', values: v };
    });
    const batch: RowBatch = { file: displayName, rowCount, positions, positionKind: 'line', columns, names };
    rows += rowCount;
    rowCount = 0;
    values = names.map(() => new Array<unknown>(batchRows));
    sink.batch(batch);
  };

  const addObject = (object: Record<string, unknown>, at: number): void => {
    if (names === undefined) {
      names = Object.keys(object);
      names.forEach((name, i) => columnOf.set(name, i));
      values = names.map(() => new Array<unknown>(batchRows));
      sink.beginFile(displayName, names, { line: at });
    }
    for (const column of values) column[rowCount] = null;
    for (const key in object) {
      const col = columnOf.get(key);
      if (col !== undefined) {
        const value = object[key];
        if (value !== null) values[col]![rowCount] = value;
      } else if (!unknown.has(key)) {
        unknown.add(key);
        sink.unknownColumn?.(displayName, key, { line: at });
      }
    }
    positions[rowCount] = at;
    rowCount++;
    if (rowCount === batchRows) flush();
  };

  try {
    await input.refill(0);
    let pos = input.len >= 3 && input.buf[0] === 0xef && input.buf[1] === 0xbb && input.buf[2] === 0xbf ? 3 : 0;
    for (;;) {
      const bad = input.firstInvalidUtf8();
      if (bad >= 0) throw invalidUtf8Error(displayName, input.buf, pos, line, bad, input.len, input.eof);
      const buf = input.buf;
      const data = buf.subarray(0, input.len);
      for (;;) {
        let end = data.indexOf(LF, pos);
        if (end < 0) {
          if (!input.eof || pos >= input.len) break;
          end = input.len;
        }
        const next = end + 1;
        if (end > pos && buf[end - 1] === CR) end--;
        if (end - pos > maxRecordBytes) throw recordTooLongError(displayName, maxRecordBytes, line, 'JSON Lines line');
        if (!isBlank(buf, pos, end)) {
          const text = buf.toString('utf8', pos, end);
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            throw new ConfigurationError(`not valid JSON: ${(error as Error).message}`, { file: displayName, line, hint: HINT, cause: error });
          }
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
            throw new ConfigurationError(`the line holds ${kind}, not a JSON object`, { file: displayName, line, hint: HINT });
          }
          addObject(value as Record<string, unknown>, line);
        }
        line++;
        pos = next;
      }
      if (input.eof) break;
      if (input.len - pos > maxRecordBytes) throw recordTooLongError(displayName, maxRecordBytes, line, 'JSON Lines line');
      await input.refill(pos);
      pos = 0;
    }
    flush();
    if (names === undefined) {
      throw new ConfigurationError('the file is empty: no JSON object', { file: displayName, line: 1, hint: HINT });
    }
    sink.endFile?.(displayName);
    return { rows, bytes: input.bytesRead };
  } finally {
    await input.close();
  }
}

function isBlank(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = buf[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== CR) return false;
  }
  return true;
}
