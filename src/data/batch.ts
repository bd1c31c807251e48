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

/** Receives a dataset file by file, batch by batch. */
export interface BatchSink {
  /** Called once per file before its first batch, with the file's column names in order. */
  beginFile(file: string, names: string[], position: { line?: number }): void;
  batch(batch: RowBatch): void;
  endFile?(file: string): void;
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
}
