import { type BatchSink, type BytesColumn, type RowBatch } from '../batch.js';
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
import type { SplitControl } from './csv-split.js';
import { FieldArena, type BufferRegion } from './csv-fields.js';

/**
 * A byte-level RFC 4180 scanner with the semantics of the string parser in ../csv.ts (same records,
 * same physical line numbers, same errors), built for throughput: it makes no string per field. Each
 * field is a byte range into the read buffer with a flag saying how to read it, written into typed
 * arrays that are reused from batch to batch.
 *
 * Batch boundaries depend only on the data, `batchRows` and the buffer size, never on how the bytes
 * arrive: a batch ends at `batchRows` rows or where the next record does not fit in the buffer.
 */

export interface CsvScanOptions {
  delimiter?: string;
  quote?: string;
  batchRows?: number;
  maxRecordBytes?: number;
  gzip?: boolean;
  /** Internal: bytes asked of the file at a time (tests use tiny reads to cut records anywhere). */
  readBytes?: number;
  /** Internal: the starting size of the read buffer (tests use tiny buffers to force carry-over and growth). */
  bufferBytes?: number;
  /** Internal: false takes the byte-at-a-time loop that big-endian machines take (for tests). */
  wordwise?: boolean;
  /** Internal: false reads without the WebAssembly fast path (csv-fields.ts), as where WebAssembly is missing (for tests). */
  wasm?: boolean;
  /**
   * Reading with a helper (see csv-split.ts): publish the position, and stop at the boundary the
   * helper asks for when a record starts exactly there. Plain files only.
   */
  split?: SplitControl;
  /** The helper's part: the header from the start of the file, then the records from this offset on, their lines counted from 1 there. */
  startAt?: number;
}

export interface ReadResult {
  rows: number;
  /** Bytes of CSV scanned (after gunzip). */
  bytes: number;
  /** Where the reader stopped for a helper (`split`): the boundary's offset and line. */
  stoppedAt?: { offset: number; line: number };
}

const LF = 10;
const CR = 13;
const BOM = [0xef, 0xbb, 0xbf] as const;
/** Typed-array cells per batch at most, so a very wide file gets fewer rows per batch, not gigabytes of offsets. */
const MAX_BATCH_CELLS = 1 << 22;

const HINT_AFTER_QUOTE = 'A quoted field must end at a delimiter or the end of the line; double a quote inside a quoted field ("").';
const HINT_UNTERMINATED = 'A field that opens with a quote must close with one; check for a missing closing quote on or after this line.';
const HINT_RAGGED = 'Every row needs one value per header column: check for a missing or extra delimiter, or a value with a delimiter that should be quoted.';

export async function scanCsvFile(file: { path: string; displayName: string }, options: CsvScanOptions, sink: BatchSink): Promise<ReadResult> {
  const scanner = new CsvScanner(file.displayName, sink, options);
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const gzip = options.gzip ?? false;
  if ((options.split !== undefined || options.startAt !== undefined) && gzip) throw new Error('a gzip-compressed file cannot be read in parts');
  const bufferBytes = options.bufferBytes ?? DEFAULT_BUFFER_BYTES;
  let input = new RecordBuffer(await openByteSource(file.path, file.displayName, { gzip, readBytes: options.readBytes }), bufferBytes, maxRecordBytes);
  try {
    await input.refill(0);
    let pos = 0;
    if (input.len >= 3 && input.buf[0] === BOM[0] && input.buf[1] === BOM[1] && input.buf[2] === BOM[2]) pos = 3;
    if (options.startAt !== undefined) {
      // The helper's part: the header, then a fresh buffer from the boundary on.
      while (!scanner.hasHeader) {
        pos = scanner.scan(input.buf, input.words, pos, input.len, input.eof, 0);
        if (scanner.hasHeader || input.eof) break;
        await input.refill(pos);
        pos = 0;
      }
      await input.close();
      input = new RecordBuffer(await openByteSource(file.path, file.displayName, { gzip, readBytes: options.readBytes, start: options.startAt }), bufferBytes, maxRecordBytes);
      input.offset = options.startAt;
      await input.refill(0, scanner.arenaRegion);
      pos = 0;
      scanner.line = 1;
    }
    // The records start at the beginning of the buffer (the arena's, when there is one).
    let recordsFirst = options.startAt !== undefined;
    for (;;) {
      const bad = input.firstInvalidUtf8();
      if (bad >= 0) throw invalidUtf8Error(file.displayName, input.buf, pos, scanner.line, bad, input.len, input.eof);
      pos = scanner.scan(input.buf, input.words, pos, input.len, input.eof, input.offset);
      if (scanner.stoppedAt !== undefined) break;
      if (!recordsFirst && scanner.hasHeader) {
        // Right after the header: the records move to the start of the buffer, into the fast
        // path's arena when there is one.
        recordsFirst = true;
        await input.refill(pos, scanner.arenaRegion);
        pos = 0;
        continue;
      }
      if (input.eof) break;
      // Every row of the batch points into the buffer, so it goes out before the buffer moves.
      scanner.flush(input.buf);
      if (input.len - pos > maxRecordBytes) throw recordTooLongError(file.displayName, maxRecordBytes, scanner.line, 'CSV row');
      await input.refill(pos, scanner.arenaRegion);
      pos = 0;
    }
    scanner.flush(input.buf);
    scanner.finish();
    return { rows: scanner.rowsTotal, bytes: input.bytesRead, stoppedAt: scanner.stoppedAt };
  } finally {
    await input.close();
    scanner.release();
  }
}

export function checkCsvOptions(delimiter: string, quote: string): { delimiter: number; quote: number } {
  const d = delimiter.charCodeAt(0);
  const q = quote.charCodeAt(0);
  if (delimiter.length !== 1 || quote.length !== 1 || d >= 0x80 || q >= 0x80 || d === q || d === LF || d === CR || q === LF || q === CR) {
    throw new ConfigurationError(`invalid CSV options: delimiter ${JSON.stringify(delimiter)}, quote ${JSON.stringify(quote)}`, {
      hint: 'Use a single ASCII character for each, different from each other and from a newline.',
    });
  }
  return { delimiter: d, quote: q };
}

class CsvScanner {
  /** The physical line of the next unscanned byte. */
  line = 1;
  rowsTotal = 0;
  /** Set when the reader stopped where a helper took over (see CsvScanOptions.split). */
  stoppedAt: { offset: number; line: number } | undefined;
  private split: SplitControl | undefined;
  private readonly delimiter: number;
  private readonly quote: number;
  private readonly maxRecordBytes: number;
  private readonly requestedBatchRows: number;
  private readonly wordwise: boolean;
  private readonly wasm: boolean;
  private readonly bufferBytes: number;
  private rows: RowScan | undefined;
  private batch: RowBatch | undefined;

  constructor(
    private readonly file: string,
    private readonly sink: BatchSink,
    options: CsvScanOptions,
  ) {
    const checked = checkCsvOptions(options.delimiter ?? ',', options.quote ?? '"');
    this.delimiter = checked.delimiter;
    this.quote = checked.quote;
    this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.requestedBatchRows = Math.max(1, Math.floor(options.batchRows ?? DEFAULT_BATCH_ROWS));
    this.wordwise = LITTLE_ENDIAN && options.wordwise !== false;
    this.wasm = LITTLE_ENDIAN && options.wasm !== false;
    this.bufferBytes = options.bufferBytes ?? DEFAULT_BUFFER_BYTES;
    this.split = options.split;
  }

  /** The read buffer the fast path works in, once the header has laid out its arena: the reader moves its data there. */
  get arenaRegion(): BufferRegion | undefined {
    return this.rows?.fast?.region;
  }

  get hasHeader(): boolean {
    return this.rows !== undefined;
  }

  /** Where to stop in buf, whose first byte is at `offset` in the file: NO_STOP, or the helper's boundary. */
  private stopIn(offset: number): number {
    const at = this.split === undefined ? -1 : this.split.stopAt();
    return at < 0 ? NO_STOP : at - offset;
  }

  /**
   * Scans the complete records of buf[from, len); returns where the first incomplete one starts
   * (len when none). `words` views buf's memory as 32-bit words; buf[len] must be writable: it holds
   * a sentinel while the rows are scanned.
   */
  scan(buf: Buffer, words: Int32Array, from: number, len: number, eof: boolean, offset: number): number {
    const rows = this.rows;
    if (rows === undefined) {
      // The reader moves the records to the start of the buffer before they are scanned (see scanCsvFile).
      return this.scanHeader(buf, from, len, eof);
    }
    rows.p = from;
    rows.line = this.line;
    rows.stop = this.stopIn(offset);
    buf[len] = LF;
    for (;;) {
      const status = scanRecords(rows, buf, words, len, eof);
      if (status === SCAN_DONE) break;
      if (status === SCAN_PAUSED) {
        if (this.split !== undefined) {
          this.split.publishPosition(offset + rows.p);
          rows.stop = this.stopIn(offset);
        }
        continue;
      }
      if (status === SCAN_STOP) {
        if (rows.p === rows.stop) {
          this.stoppedAt = { offset: offset + rows.p, line: rows.line };
          break;
        }
        // A record spans the boundary (a quoted newline), or it was asked too late: read on alone.
        this.split = undefined;
        rows.stop = NO_STOP;
        continue;
      }
      if (status === SCAN_BATCH_FULL) {
        this.flush(buf);
        continue;
      }
      throw this.scanError(status, rows, buf, len);
    }
    this.line = rows.line;
    this.split?.publishPosition(offset + rows.p);
    return rows.p;
  }

  /** Gives the fast path's arena back once the file is read (nothing reads a batch after its sink call). */
  release(): void {
    this.rows?.fast?.release();
  }

  /** Emits the rows scanned so far as a batch. */
  flush(buf: Buffer): void {
    const rows = this.rows;
    const batch = this.batch;
    if (rows === undefined || batch === undefined || rows.row === 0) return;
    batch.rowCount = rows.row;
    for (const column of batch.columns as BytesColumn[]) column.buf = buf;
    this.rowsTotal += rows.row;
    rows.row = 0;
    this.sink.batch(batch);
  }

  finish(): void {
    if (this.rows === undefined) {
      throw new ConfigurationError('the file is empty: no header row', {
        file: this.file,
        line: 1,
        hint: 'A CSV file needs a header row naming its columns, then one row per record.',
      });
    }
    this.sink.endFile?.(this.file);
  }

  private scanError(status: number, rows: RowScan, buf: Buffer, len: number): ConfigurationError {
    const line = rows.errorLine;
    switch (status) {
      case SCAN_RAGGED: {
        const n = rows.errorCount;
        return new ConfigurationError(`row has ${n} field${n === 1 ? '' : 's'}, the header has ${rows.ncols}`, { file: this.file, line, hint: HINT_RAGGED });
      }
      case SCAN_UNTERMINATED:
        return new ConfigurationError('unterminated quoted field', { file: this.file, line, hint: HINT_UNTERMINATED });
      case SCAN_AFTER_QUOTE:
        return this.afterQuoteError(buf, rows.errorAt, len, line);
      default:
        return recordTooLongError(this.file, this.maxRecordBytes, line, 'CSV row');
    }
  }

  /** Reads the header record (the first non-blank one) into names; leaves `rows` unset when the record is incomplete. */
  private scanHeader(buf: Buffer, from: number, len: number, eof: boolean): number {
    const D = this.delimiter;
    const Q = this.quote;
    let p = from;
    let line = this.line;
    // Blank lines before the header.
    while (p < len && (buf[p] === LF || buf[p] === CR)) {
      if (buf[p] === CR) {
        if (p + 1 < len) p += buf[p + 1] === LF ? 2 : 1;
        else if (eof) p++;
        else break;
      } else {
        p++;
      }
      line++;
    }
    this.line = line;
    if (p >= len || buf[p] === CR) return p;
    const headerLine = line;
    const recordStart = p;
    const fields: Array<string | null> = [];
    const incomplete = (): number => {
      this.line = headerLine;
      return recordStart;
    };
    for (;;) {
      if (p >= len) {
        if (!eof) return incomplete();
        fields.push(null);
        break;
      }
      const c = buf[p]!;
      if (c === Q) {
        const quoteLine = line;
        let q = p + 1;
        let escaped = false;
        for (;;) {
          while (q < len && buf[q] !== Q) {
            if (buf[q] === LF) line++;
            q++;
          }
          if (q >= len) {
            if (!eof) return incomplete();
            if (len - recordStart > this.maxRecordBytes) throw recordTooLongError(this.file, this.maxRecordBytes, headerLine, 'CSV row');
            throw new ConfigurationError('unterminated quoted field', { file: this.file, line: quoteLine, hint: HINT_UNTERMINATED });
          }
          if (q + 1 < len && buf[q + 1] === Q) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        fields.push(fieldString(buf, p + 1, q, escaped, Q));
        p = q + 1;
        if (p >= len) {
          if (!eof) return incomplete();
          break;
        }
        const d = buf[p]!;
        if (d === D) {
          p++;
          continue;
        }
        if (d !== LF && d !== CR) throw this.afterQuoteError(buf, p, len, line);
      } else if (c === D) {
        fields.push(null);
        p++;
        continue;
      } else if (c === LF || c === CR) {
        fields.push(null);
      } else {
        let q = p + 1;
        while (q < len && buf[q] !== D && buf[q] !== LF && buf[q] !== CR) q++;
        fields.push(buf.toString('utf8', p, q));
        p = q;
        if (p >= len) {
          if (!eof) return incomplete();
          break;
        }
        if (buf[p] === D) {
          p++;
          continue;
        }
      }
      // buf[p] is LF or CR.
      if (buf[p] === CR) {
        if (p + 1 < len) p += buf[p + 1] === LF ? 2 : 1;
        else if (eof) p++;
        else return incomplete();
      } else {
        p++;
      }
      line++;
      break;
    }
    if (p - recordStart > this.maxRecordBytes) throw recordTooLongError(this.file, this.maxRecordBytes, headerLine, 'CSV row');
    const names = checkHeader(fields, this.file, headerLine);
    this.line = line;
    this.startBatches(names);
    this.sink.beginFile(this.file, names, { line: headerLine });
    return p;
  }

  private startBatches(names: string[]): void {
    const ncols = names.length;
    const stride = Math.max(1, Math.min(this.requestedBatchRows, Math.floor(MAX_BATCH_CELLS / ncols)));
    const cells = ncols * stride;
    // The field arrays live in the fast path's arena when there is one (it writes them too).
    const fast = this.wasm ? FieldArena.acquire(this.bufferBytes, cells, stride) : undefined;
    const rows = new RowScan(
      this.delimiter,
      this.quote,
      ncols,
      stride,
      this.maxRecordBytes,
      this.wordwise,
      fast,
      fast?.starts ?? new Int32Array(cells),
      fast?.ends ?? new Int32Array(cells),
      fast?.flags ?? new Uint8Array(cells),
      fast?.positions ?? new Float64Array(stride),
    );
    const empty = Buffer.alloc(0);
    const columns: BytesColumn[] = names.map((_, i) => {
      const a = i * stride;
      const b = a + stride;
      return { kind: 'bytes', buf: empty, start: rows.starts.subarray(a, b), end: rows.ends.subarray(a, b), flags: rows.flags.subarray(a, b), quote: this.quote };
    });
    this.rows = rows;
    this.batch = { file: this.file, rowCount: 0, positions: rows.positions, positionKind: 'line', columns, names };
  }

  private afterQuoteError(buf: Buffer, p: number, len: number, line: number): ConfigurationError {
    // The character, not the byte: a multi-byte one is shown whole.
    const text = buf.toString('utf8', p, Math.min(len, p + 4));
    const ch = String.fromCodePoint(text.codePointAt(0) ?? 0xfffd);
    return new ConfigurationError(`unexpected character ${JSON.stringify(ch)} after a closing quote`, { file: this.file, line, hint: HINT_AFTER_QUOTE });
  }
}

/**
 * Word-at-a-time scanning (SWAR). For a 32-bit word w and a byte value n <= 128,
 * (w - n * LOW_BITS) & ~w & HIGH_BITS has the high bit of every byte below n set, and possibly of
 * some bytes above the first such byte (a borrow ripples up), never of a byte before it: so its
 * lowest set bit marks the first byte below n, and each candidate is then checked exactly.
 */
const LOW_BITS = 0x01010101;
const HIGH_BITS = 0x80808080 | 0;
/** Byte i of a word is its i-th lowest byte on little-endian machines (every runner); others take the byte loop. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const SCAN_DONE = 0;
const SCAN_BATCH_FULL = 1;
const SCAN_RAGGED = 2;
const SCAN_UNTERMINATED = 3;
const SCAN_AFTER_QUOTE = 4;
const SCAN_TOO_LONG = 5;
const SCAN_PAUSED = 6;
const SCAN_STOP = 7;
/** RowScan.stop when there is nowhere to stop. */
const NO_STOP = 2 ** 53;
/**
 * The loop returns every 4,096 rows. Returning often lets V8 optimize it as a whole function with
 * feedback for every path, early in the first file, instead of on-stack replacement in one long
 * call that bails out the first time it reaches its exit.
 */
const PAUSE_ROWS_MASK = 4095;
/** The fast path counts lines in 32 bits: it stops being asked well before they would overflow. */
const FAST_LINES = 2 ** 31 - 2 ** 24;

/**
 * What the hot loop reads and writes, in one object of fixed shape. Field i of row r goes to index
 * i * stride + r of starts/ends/flags; each column's arrays are views of one stride of them.
 */
class RowScan {
  /** Cursor: the next byte, its physical line, and the rows in the current batch. */
  p = 0;
  line = 1;
  row = 0;
  /** The loop returns SCAN_STOP at the first record starting at or after this (a helper's boundary; NO_STOP). */
  stop = NO_STOP;
  /** Set when the loop stops on an error. */
  errorLine = 0;
  errorAt = 0;
  errorCount = 0;

  constructor(
    readonly delimiter: number,
    readonly quote: number,
    readonly ncols: number,
    readonly stride: number,
    readonly maxRecordBytes: number,
    /** Scan unquoted fields a 32-bit word at a time (little-endian machines). */
    readonly wordwise: boolean,
    /** The WebAssembly fast path, used while the data is in its arena's buffer. */
    readonly fast: FieldArena | undefined,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly flags: Uint8Array,
    readonly positions: Float64Array,
  ) {}
}

/**
 * The hot loop: scans records from s.p until the batch is full, the data ends, or a record is
 * incomplete (then s.p is its start, to be scanned again once more bytes are in). It allocates
 * nothing and calls nothing; errors come back as a status for the caller to word. buf[len] must be
 * LF (a sentinel that ends the unquoted-field loop without a bounds test per byte).
 */
function scanRecords(s: RowScan, buf: Uint8Array, words: Int32Array, len: number, eof: boolean): number {
  // Literals, not the imported FIELD_* constants: a bundle turns an imported constant into a
  // property load whose value the compiler cannot see, which slows every store of a flag.
  // The tests compare flags with FIELD_*, so a change there cannot go unnoticed.
  const isNull = 0;
  const plain = 1;
  const quoted = 2;
  const quotedEscaped = 3;
  const lf = LF;
  const cr = CR;
  const D = s.delimiter;
  const Q = s.quote;
  const top = D > cr ? D : cr;
  // For finding bytes at or below `top` (a delimiter, CR or LF among them) a word at a time.
  // Computed module constants are read through a check at every use: these are locals too.
  const below = Math.imul(LOW_BITS, top + 1);
  const high = HIGH_BITS;
  const wordwise = s.wordwise;
  const ncols = s.ncols;
  const stride = s.stride;
  const maxRecordBytes = s.maxRecordBytes;
  const starts = s.starts;
  const ends = s.ends;
  const flags = s.flags;
  const positions = s.positions;
  const stop = s.stop;
  let p = s.p;
  let line = s.line;
  let row = s.row;
  const fast = s.fast !== undefined && s.fast.region.buf === buf ? s.fast : undefined;

  records: while (p < len) {
    if (fast !== undefined && line < FAST_LINES) {
      // Ordinary records go to the fast path; this loop takes the one it stops before, if any.
      const limit = Math.min(stride, (row | PAUSE_ROWS_MASK) + 1);
      const reached = fast.scan(p, len, line, ncols, stride, row, limit, stop, maxRecordBytes, D, Q);
      p = fast.offset;
      line = fast.line;
      if (reached === limit) {
        s.p = p;
        s.line = line;
        s.row = reached;
        return reached === stride ? SCAN_BATCH_FULL : SCAN_PAUSED;
      }
      row = reached;
      if (p >= len) break;
    }
    if (p >= stop) {
      s.p = p;
      s.line = line;
      s.row = row;
      return SCAN_STOP;
    }
    const recStart = p;
    const recLine = line;
    let c = buf[p]!;
    if (c === lf || c === cr) {
      // A blank line: no record.
      if (c === lf) {
        p++;
      } else if (p + 1 < len) {
        p += buf[p + 1] === lf ? 2 : 1;
      } else if (eof) {
        p++;
      } else {
        break;
      }
      line++;
      continue;
    }
    let col = 0;
    let idx = row;
    for (;;) {
      if (p >= len) {
        if (!eof) {
          p = recStart;
          line = recLine;
          break records;
        }
        // The data ends right after a delimiter: one more, empty, field.
        if (col < ncols) {
          starts[idx] = p;
          ends[idx] = p;
          flags[idx] = isNull;
        }
        col++;
        break;
      }
      c = buf[p]!;
      if (c === Q) {
        let q = p + 1;
        let escaped = false;
        let lines = 0;
        for (;;) {
          while (q < len) {
            const b = buf[q]!;
            if (b === Q) break;
            if (b === lf) lines++;
            q++;
          }
          if (q >= len) {
            if (!eof) {
              p = recStart;
              line = recLine;
              break records;
            }
            // Past the record limit, the limit is the error, whether or not the whole file was in the buffer.
            if (len - recStart > maxRecordBytes) {
              s.errorLine = recLine;
              return SCAN_TOO_LONG;
            }
            s.errorLine = line;
            return SCAN_UNTERMINATED;
          }
          if (q + 1 < len && buf[q + 1] === Q) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        // buf[q] is the closing quote.
        if (col < ncols) {
          starts[idx] = p + 1;
          ends[idx] = q;
          flags[idx] = escaped ? quotedEscaped : quoted;
        }
        idx += stride;
        col++;
        line += lines;
        p = q + 1;
        if (p >= len) {
          if (!eof) {
            p = recStart;
            line = recLine;
            break records;
          }
          break;
        }
        c = buf[p]!;
        if (c === D) {
          p++;
          continue;
        }
        if (c !== lf && c !== cr) {
          s.errorLine = line;
          s.errorAt = p;
          return SCAN_AFTER_QUOTE;
        }
      } else if (c === D) {
        if (col < ncols) {
          starts[idx] = p;
          ends[idx] = p;
          flags[idx] = isNull;
        }
        idx += stride;
        col++;
        p++;
        continue;
      } else if (c === lf || c === cr) {
        // The line ends right after a delimiter: one more, empty, field.
        if (col < ncols) {
          starts[idx] = p;
          ends[idx] = p;
          flags[idx] = isNull;
        }
        idx += stride;
        col++;
      } else {
        let q = p + 1;
        // The byte that ends the field: a delimiter, LF or CR (the sentinel LF at the end of the data).
        let b = 0;
        if (wordwise) {
          // Four bytes at a time: find the first byte at or below `top` (digits, letters, '.', '-'
          // and ':' are above a ',' or a tab, so few bytes are candidates), then check it exactly.
          let w = q >> 2;
          let x = words[w]!;
          // Candidates before q in its word are masked off.
          let t = (x - below) & ~x & high & (-1 << ((q & 3) << 3));
          for (;;) {
            while (t === 0) {
              w++;
              x = words[w]!;
              t = (x - below) & ~x & high;
            }
            q = (w << 2) + ((31 - Math.clz32(t & -t)) >> 3);
            b = buf[q]!;
            if (b === D || b === lf || b === cr) break;
            t &= t - 1;
          }
        } else {
          for (;;) {
            b = buf[q]!;
            if (b <= top && (b === D || b === lf || b === cr)) break;
            q++;
          }
        }
        if (col < ncols) {
          starts[idx] = p;
          ends[idx] = q;
          flags[idx] = plain;
        }
        idx += stride;
        col++;
        p = q;
        if (p >= len) {
          if (!eof) {
            p = recStart;
            line = recLine;
            break records;
          }
          break;
        }
        if (b === D) {
          p++;
          continue;
        }
        c = b;
      }
      // buf[p] is LF or CR: the record ends.
      if (c === lf) {
        p++;
      } else if (p + 1 < len) {
        p += buf[p + 1] === lf ? 2 : 1;
      } else if (eof) {
        p++;
      } else {
        // cr at the end of the data: an lf may follow in the next read.
        p = recStart;
        line = recLine;
        break records;
      }
      line++;
      break;
    }
    if (col !== ncols) {
      s.errorLine = recLine;
      s.errorCount = col;
      return SCAN_RAGGED;
    }
    if (p - recStart > maxRecordBytes) {
      s.errorLine = recLine;
      return SCAN_TOO_LONG;
    }
    positions[row] = recLine;
    row++;
    if ((row & PAUSE_ROWS_MASK) === 0 || row === stride) {
      s.p = p;
      s.line = line;
      s.row = row;
      return row === stride ? SCAN_BATCH_FULL : SCAN_PAUSED;
    }
  }
  s.p = p;
  s.line = line;
  s.row = row;
  return SCAN_DONE;
}

/** A field's text, with doubled quotes undone. */
export function fieldString(buf: Buffer, start: number, end: number, escaped: boolean, quote: number): string {
  const text = buf.toString('utf8', start, end);
  if (!escaped) return text;
  const q = String.fromCharCode(quote);
  return text.split(q + q).join(q);
}

function checkHeader(fields: Array<string | null>, file: string, line: number): string[] {
  const seen = new Map<string, number>();
  return fields.map((name, index) => {
    const trimmed = (name ?? '').trim();
    if (trimmed === '') {
      throw new ConfigurationError(`header column ${index + 1} has no name`, { file, line, hint: 'The first row must name every column.' });
    }
    const earlier = seen.get(trimmed);
    if (earlier !== undefined) {
      throw new ConfigurationError(`header names column "${trimmed}" twice (columns ${earlier + 1} and ${index + 1})`, {
        file,
        line,
        hint: 'Give every column a distinct name.',
      });
    }
    seen.set(trimmed, index);
    return trimmed;
  });
}
