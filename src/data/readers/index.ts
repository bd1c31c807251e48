import type { BatchSink, DataFormat, ReadOptions } from '../batch.js';
import { ConfigurationError } from '../../platform/errors.js';
import { scanCsvFile, type ReadResult } from './csv-scanner.js';
import { readJsonlFile } from './jsonl.js';

/**
 * One entry for every data file: the format comes from the extension (or is given), and the file
 * is streamed to the sink in RowBatch batches. CSV and JSON Lines may be gzip-compressed (`.gz`).
 */

const EXTENSIONS: Record<string, { format: DataFormat; delimiter?: string }> = {
  '.csv': { format: 'csv' },
  '.tsv': { format: 'csv', delimiter: '\t' },
  '.jsonl': { format: 'jsonl' },
  '.ndjson': { format: 'jsonl' },
  '.parquet': { format: 'parquet' },
};

const FORMATS: readonly DataFormat[] = ['csv', 'jsonl', 'parquet'];

/**
 * The format of a file by its extension (case-insensitive; `.gz` after it means gzip), or the one
 * given. `delimiter` is the one the extension implies (a tab for `.tsv`), when it implies one.
 */
export function detectFormat(path: string, explicit?: DataFormat): { format: DataFormat; gzip: boolean; delimiter?: string } {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const gzip = base.endsWith('.gz');
  const stem = gzip ? base.slice(0, -3) : base;
  const dot = stem.lastIndexOf('.');
  const known = dot > 0 ? EXTENSIONS[stem.slice(dot)] : undefined;
  if (explicit !== undefined && !FORMATS.includes(explicit)) {
    throw new ConfigurationError(`unknown data format "${String(explicit)}"`, { hint: `Set \`format\` to one of: ${FORMATS.join(', ')}.` });
  }
  const format = explicit ?? known?.format;
  if (format === undefined) {
    throw new ConfigurationError(`cannot tell the data format of "${path}" from its extension`, {
      file: path,
      hint: `Name the file .csv, .tsv, .jsonl, .ndjson or .parquet (optionally followed by .gz), or set \`format\` to one of: ${FORMATS.join(', ')}.`,
    });
  }
  if (format === 'parquet' && gzip) {
    throw new ConfigurationError('a gzip-compressed Parquet file cannot be read', {
      file: path,
      hint: 'Parquet compresses its pages itself and needs random access: decompress the file (gunzip) and use the .parquet file.',
    });
  }
  const delimiter = known?.format === format ? known.delimiter : undefined;
  return delimiter === undefined ? { format, gzip } : { format, gzip, delimiter };
}

/** Reads one data file into the sink; `bytes` is the data read (after gunzip; the file size for Parquet). */
export async function readDataFile(file: { path: string; displayName: string }, options: ReadOptions, sink: BatchSink): Promise<ReadResult> {
  const detected = detectFormat(file.displayName, options.format);
  switch (detected.format) {
    case 'csv':
      return scanCsvFile(file, { ...options, delimiter: options.delimiter ?? detected.delimiter, gzip: detected.gzip }, sink);
    case 'jsonl':
      return readJsonlFile(file, { ...options, gzip: detected.gzip }, sink);
    case 'parquet': {
      // hyparquet loads only when a Parquet file is read.
      const { readParquetFile } = await import('./parquet.js');
      return readParquetFile(file, options, sink);
    }
  }
}
