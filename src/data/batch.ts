import type { SplitControl } from './readers/csv-split.js';

/**
 * The unit every reader hands to the engines: a batch of rows stored column by column. A CSV reader
 * gives each field as a byte range into one buffer (no string is made until a column needs one);
 * JSONL and Parquet readers give decoded JavaScript values. Engines loop over a column at a time,
 * which keeps the per-row work small and typed.
 */
export const FIELD_NULL = 0; // an unquoted empty field (CSV), null/undefined/missing (JSONL, Parquet)
export const FIELD_PLAIN = 1; // an unquoted, non-empty field
export const FIELD_QUOTED = 2; // a quoted field without doubled quotes inside: bytes are between the quotes
export const FIELD_QUOTED_ESCAPED = 3; // a quoted field with doubled quotes ("") inside: unescape before use

export interface BytesColumn {
  kind: 'bytes';
  /** The buffer all fields of this batch point into (shared by every column of the batch). */
  buf: Uint8Array;
  /** Field i is buf[start[i], end[i]) for rows 0..rowCount-1; quotes are already excluded. */
  start: Int32Array;
  end: Int32Array;
  /** FIELD_NULL, FIELD_PLAIN, FIELD_QUOTED or FIELD_QUOTED_ESCAPED per row. */
  flags: Uint8Array;
  /** The quote byte that is doubled inside FIELD_QUOTED_ESCAPED fields (default 0x22, `"`). */
  quote?: number;
}

export interface ValuesColumn {
  kind: 'values';
  /** Decoded values per row: null for missing; numbers, bigints, strings, booleans, Dates, or nested objects. */
  values: unknown[];
}

export type RawColumn = BytesColumn | ValuesColumn;

export interface RowBatch {
  /** Display name of the file the rows come from (workspace-relative). */
  file: string;
  rowCount: number;
  /**
   * Where each row is, for findings: the physical line the row starts on (CSV, JSONL; 1-based), or
   * the 0-based row index within the file (Parquet), per `positionKind`.
   */
  positions: Float64Array;
  positionKind: 'line' | 'row';
  /** One entry per column of `names`, in the same order. */
  columns: RawColumn[];
  names: string[];
}

/**
 * Receives a dataset file by file, batch by batch.
 *
 * A batch is lent, not given: it is valid only until `batch()` returns. Readers reuse the batch
 * object, its `positions`, and a BytesColumn's `buf`, `start`, `end` and `flags` for the next batch,
 * so a sink that needs anything later copies it (or the strings it makes) before returning. Typed
 * arrays may be longer than `rowCount`; only their first `rowCount` entries belong to the batch.
 * A ValuesColumn's `values` array is new for each batch and has exactly `rowCount` entries.
 */
export interface BatchSink {
  /** Called once per file before its first batch, with the file's column names in order. */
  beginFile(file: string, names: string[], position: { line?: number }): void;
  batch(batch: RowBatch): void;
  endFile?(file: string): void;
  /**
   * JSON Lines only: a key that the file's first object does not have, reported once, at the line
   * where it first appears (before the batch holding that line). Its values are not in any batch:
   * the columns of a file are fixed by its first object.
   */
  unknownColumn?(file: string, name: string, position: { line: number }): void;
}

export type DataFormat = 'csv' | 'jsonl' | 'parquet';

export interface ReadOptions {
  format?: DataFormat;
  delimiter?: string;
  quote?: string;
  /** Rows per batch (default 65,536). */
  batchRows?: number;
  /** The longest record a reader accepts before it stops with a configuration error (default 64 MiB). */
  maxRecordBytes?: number;
  /** Internal, plain CSV only: reading one file with a helper thread (see readers/csv-split.ts). */
  split?: SplitControl;
  /** Internal, plain CSV only: the helper's part of a file, from this offset (see readers/csv-split.ts). */
  startAt?: number;
  /** Internal, CSV only: false reads without the WebAssembly fast path (readers/csv-fields.ts), for tests. */
  wasm?: boolean;
}
