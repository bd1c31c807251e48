export const id = 85;
export const ids = [85,625];
export const modules = {

/***/ 9984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ FIELD_QUOTED_ESCAPED),
/* harmony export */   VG: () => (/* binding */ FIELD_NULL)
/* harmony export */ });
/* unused harmony exports FIELD_PLAIN, FIELD_QUOTED */
/**
 * The unit every reader hands to the engines: a batch of rows stored column by column. A CSV reader
 * gives each field as a byte range into one buffer (no string is made until a column needs one);
 * JSONL and Parquet readers give decoded JavaScript values. Engines loop over a column at a time,
 * which keeps the per-row work small and typed.
 */
const FIELD_NULL = 0; // an unquoted empty field (CSV), null/undefined/missing (JSONL, Parquet)
const FIELD_PLAIN = 1; // an unquoted, non-empty field
const FIELD_QUOTED = 2; // a quoted field without doubled quotes inside: bytes are between the quotes
const FIELD_QUOTED_ESCAPED = 3; // a quoted field with doubled quotes ("") inside: unescape before use


/***/ }),

/***/ 2271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ detectFormat),
  l: () => (/* binding */ readDataFile)
});

// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/data/readers/record-buffer.ts
var record_buffer = __webpack_require__(3329);
;// CONCATENATED MODULE: ./src/data/readers/csv-scanner.ts



const LF = 10;
const CR = 13;
const BOM = [0xef, 0xbb, 0xbf];
/** Typed-array cells per batch at most, so a very wide file gets fewer rows per batch, not gigabytes of offsets. */
const MAX_BATCH_CELLS = 1 << 22;
const HINT_AFTER_QUOTE = 'A quoted field must end at a delimiter or the end of the line; double a quote inside a quoted field ("").';
const HINT_UNTERMINATED = 'A field that opens with a quote must close with one; check for a missing closing quote on or after this line.';
const HINT_RAGGED = 'Every row needs one value per header column: check for a missing or extra delimiter, or a value with a delimiter that should be quoted.';
async function scanCsvFile(file, options, sink) {
    const scanner = new CsvScanner(file.displayName, sink, options);
    const maxRecordBytes = options.maxRecordBytes ?? record_buffer/* DEFAULT_MAX_RECORD_BYTES */.ty;
    const gzip = options.gzip ?? false;
    if ((options.split !== undefined || options.startAt !== undefined) && gzip)
        throw new Error('a gzip-compressed file cannot be read in parts');
    const bufferBytes = options.bufferBytes ?? record_buffer/* DEFAULT_BUFFER_BYTES */.L9;
    let input = new record_buffer/* RecordBuffer */.Cz(await (0,record_buffer/* openByteSource */.QK)(file.path, file.displayName, { gzip, readBytes: options.readBytes }), bufferBytes, maxRecordBytes);
    try {
        await input.refill(0);
        let pos = 0;
        if (input.len >= 3 && input.buf[0] === BOM[0] && input.buf[1] === BOM[1] && input.buf[2] === BOM[2])
            pos = 3;
        if (options.startAt !== undefined) {
            // The helper's part: the header, then a fresh buffer from the boundary on.
            while (!scanner.hasHeader) {
                pos = scanner.scan(input.buf, input.words, pos, input.len, input.eof, 0, true);
                if (scanner.hasHeader || input.eof)
                    break;
                await input.refill(pos);
                pos = 0;
            }
            await input.close();
            input = new record_buffer/* RecordBuffer */.Cz(await (0,record_buffer/* openByteSource */.QK)(file.path, file.displayName, { gzip, readBytes: options.readBytes, start: options.startAt }), bufferBytes, maxRecordBytes);
            input.offset = options.startAt;
            await input.refill(0);
            pos = 0;
            scanner.line = 1;
        }
        for (;;) {
            const bad = input.firstInvalidUtf8();
            if (bad >= 0)
                throw (0,record_buffer/* invalidUtf8Error */.PI)(file.displayName, input.buf, pos, scanner.line, bad, input.len, input.eof);
            pos = scanner.scan(input.buf, input.words, pos, input.len, input.eof, input.offset);
            if (scanner.stoppedAt !== undefined || input.eof)
                break;
            // Every row of the batch points into the buffer, so it goes out before the buffer moves.
            scanner.flush(input.buf);
            if (input.len - pos > maxRecordBytes)
                throw (0,record_buffer/* recordTooLongError */.gM)(file.displayName, maxRecordBytes, scanner.line, 'CSV row');
            await input.refill(pos);
            pos = 0;
        }
        scanner.flush(input.buf);
        scanner.finish();
        return { rows: scanner.rowsTotal, bytes: input.bytesRead, stoppedAt: scanner.stoppedAt };
    }
    finally {
        await input.close();
    }
}
function checkCsvOptions(delimiter, quote) {
    const d = delimiter.charCodeAt(0);
    const q = quote.charCodeAt(0);
    if (delimiter.length !== 1 || quote.length !== 1 || d >= 0x80 || q >= 0x80 || d === q || d === LF || d === CR || q === LF || q === CR) {
        throw new errors/* ConfigurationError */.j1(`invalid CSV options: delimiter ${JSON.stringify(delimiter)}, quote ${JSON.stringify(quote)}`, {
            hint: 'Use a single ASCII character for each, different from each other and from a newline.',
        });
    }
    return { delimiter: d, quote: q };
}
class CsvScanner {
    file;
    sink;
    /** The physical line of the next unscanned byte. */
    line = 1;
    rowsTotal = 0;
    /** Set when the reader stopped where a helper took over (see CsvScanOptions.split). */
    stoppedAt;
    split;
    delimiter;
    quote;
    maxRecordBytes;
    requestedBatchRows;
    wordwise;
    rows;
    batch;
    constructor(file, sink, options) {
        this.file = file;
        this.sink = sink;
        const checked = checkCsvOptions(options.delimiter ?? ',', options.quote ?? '"');
        this.delimiter = checked.delimiter;
        this.quote = checked.quote;
        this.maxRecordBytes = options.maxRecordBytes ?? record_buffer/* DEFAULT_MAX_RECORD_BYTES */.ty;
        this.requestedBatchRows = Math.max(1, Math.floor(options.batchRows ?? record_buffer/* DEFAULT_BATCH_ROWS */.V3));
        this.wordwise = LITTLE_ENDIAN && options.wordwise !== false;
        this.split = options.split;
    }
    get hasHeader() {
        return this.rows !== undefined;
    }
    /** Where to stop in buf, whose first byte is at `offset` in the file: NO_STOP, or the helper's boundary. */
    stopIn(offset) {
        const at = this.split === undefined ? -1 : this.split.stopAt();
        return at < 0 ? NO_STOP : at - offset;
    }
    /**
     * Scans the complete records of buf[from, len); returns where the first incomplete one starts
     * (len when none). `words` views buf's memory as 32-bit words; buf[len] must be writable: it holds
     * a sentinel while the rows are scanned.
     */
    scan(buf, words, from, len, eof, offset, headerOnly = false) {
        let p = from;
        if (this.rows === undefined) {
            p = this.scanHeader(buf, p, len, eof);
            if (this.rows === undefined || headerOnly)
                return p;
        }
        const rows = this.rows;
        rows.p = p;
        rows.line = this.line;
        rows.stop = this.stopIn(offset);
        buf[len] = LF;
        for (;;) {
            const status = scanRecords(rows, buf, words, len, eof);
            if (status === SCAN_DONE)
                break;
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
    /** Emits the rows scanned so far as a batch. */
    flush(buf) {
        const rows = this.rows;
        const batch = this.batch;
        if (rows === undefined || batch === undefined || rows.row === 0)
            return;
        batch.rowCount = rows.row;
        for (const column of batch.columns)
            column.buf = buf;
        this.rowsTotal += rows.row;
        rows.row = 0;
        this.sink.batch(batch);
    }
    finish() {
        if (this.rows === undefined) {
            throw new errors/* ConfigurationError */.j1('the file is empty: no header row', {
                file: this.file,
                line: 1,
                hint: 'A CSV file needs a header row naming its columns, then one row per record.',
            });
        }
        this.sink.endFile?.(this.file);
    }
    scanError(status, rows, buf, len) {
        const line = rows.errorLine;
        switch (status) {
            case SCAN_RAGGED: {
                const n = rows.errorCount;
                return new errors/* ConfigurationError */.j1(`row has ${n} field${n === 1 ? '' : 's'}, the header has ${rows.ncols}`, { file: this.file, line, hint: HINT_RAGGED });
            }
            case SCAN_UNTERMINATED:
                return new errors/* ConfigurationError */.j1('unterminated quoted field', { file: this.file, line, hint: HINT_UNTERMINATED });
            case SCAN_AFTER_QUOTE:
                return this.afterQuoteError(buf, rows.errorAt, len, line);
            default:
                return (0,record_buffer/* recordTooLongError */.gM)(this.file, this.maxRecordBytes, line, 'CSV row');
        }
    }
    /** Reads the header record (the first non-blank one) into names; leaves `rows` unset when the record is incomplete. */
    scanHeader(buf, from, len, eof) {
        const D = this.delimiter;
        const Q = this.quote;
        let p = from;
        let line = this.line;
        // Blank lines before the header.
        while (p < len && (buf[p] === LF || buf[p] === CR)) {
            if (buf[p] === CR) {
                if (p + 1 < len)
                    p += buf[p + 1] === LF ? 2 : 1;
                else if (eof)
                    p++;
                else
                    break;
            }
            else {
                p++;
            }
            line++;
        }
        this.line = line;
        if (p >= len || buf[p] === CR)
            return p;
        const headerLine = line;
        const recordStart = p;
        const fields = [];
        const incomplete = () => {
            this.line = headerLine;
            return recordStart;
        };
        for (;;) {
            if (p >= len) {
                if (!eof)
                    return incomplete();
                fields.push(null);
                break;
            }
            const c = buf[p];
            if (c === Q) {
                const quoteLine = line;
                let q = p + 1;
                let escaped = false;
                for (;;) {
                    while (q < len && buf[q] !== Q) {
                        if (buf[q] === LF)
                            line++;
                        q++;
                    }
                    if (q >= len) {
                        if (!eof)
                            return incomplete();
                        if (len - recordStart > this.maxRecordBytes)
                            throw (0,record_buffer/* recordTooLongError */.gM)(this.file, this.maxRecordBytes, headerLine, 'CSV row');
                        throw new errors/* ConfigurationError */.j1('unterminated quoted field', { file: this.file, line: quoteLine, hint: HINT_UNTERMINATED });
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
                    if (!eof)
                        return incomplete();
                    break;
                }
                const d = buf[p];
                if (d === D) {
                    p++;
                    continue;
                }
                if (d !== LF && d !== CR)
                    throw this.afterQuoteError(buf, p, len, line);
            }
            else if (c === D) {
                fields.push(null);
                p++;
                continue;
            }
            else if (c === LF || c === CR) {
                fields.push(null);
            }
            else {
                let q = p + 1;
                while (q < len && buf[q] !== D && buf[q] !== LF && buf[q] !== CR)
                    q++;
                fields.push(buf.toString('utf8', p, q));
                p = q;
                if (p >= len) {
                    if (!eof)
                        return incomplete();
                    break;
                }
                if (buf[p] === D) {
                    p++;
                    continue;
                }
            }
            // buf[p] is LF or CR.
            if (buf[p] === CR) {
                if (p + 1 < len)
                    p += buf[p + 1] === LF ? 2 : 1;
                else if (eof)
                    p++;
                else
                    return incomplete();
            }
            else {
                p++;
            }
            line++;
            break;
        }
        if (p - recordStart > this.maxRecordBytes)
            throw (0,record_buffer/* recordTooLongError */.gM)(this.file, this.maxRecordBytes, headerLine, 'CSV row');
        const names = checkHeader(fields, this.file, headerLine);
        this.line = line;
        this.startBatches(names);
        this.sink.beginFile(this.file, names, { line: headerLine });
        return p;
    }
    startBatches(names) {
        const ncols = names.length;
        const stride = Math.max(1, Math.min(this.requestedBatchRows, Math.floor(MAX_BATCH_CELLS / ncols)));
        const cells = ncols * stride;
        const rows = new RowScan(this.delimiter, this.quote, ncols, stride, this.maxRecordBytes, this.wordwise, new Int32Array(cells), new Int32Array(cells), new Uint8Array(cells), new Float64Array(stride));
        const empty = Buffer.alloc(0);
        const columns = names.map((_, i) => {
            const a = i * stride;
            const b = a + stride;
            return { kind: 'bytes', buf: empty, start: rows.starts.subarray(a, b), end: rows.ends.subarray(a, b), flags: rows.flags.subarray(a, b), quote: this.quote };
        });
        this.rows = rows;
        this.batch = { file: this.file, rowCount: 0, positions: rows.positions, positionKind: 'line', columns, names };
    }
    afterQuoteError(buf, p, len, line) {
        // The character, not the byte: a multi-byte one is shown whole.
        const text = buf.toString('utf8', p, Math.min(len, p + 4));
        const ch = String.fromCodePoint(text.codePointAt(0) ?? 0xfffd);
        return new errors/* ConfigurationError */.j1(`unexpected character ${JSON.stringify(ch)} after a closing quote`, { file: this.file, line, hint: HINT_AFTER_QUOTE });
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
/**
 * What the hot loop reads and writes, in one object of fixed shape. Field i of row r goes to index
 * i * stride + r of starts/ends/flags; each column's arrays are views of one stride of them.
 */
class RowScan {
    delimiter;
    quote;
    ncols;
    stride;
    maxRecordBytes;
    wordwise;
    starts;
    ends;
    flags;
    positions;
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
    constructor(delimiter, quote, ncols, stride, maxRecordBytes, 
    /** Scan unquoted fields a 32-bit word at a time (little-endian machines). */
    wordwise, starts, ends, flags, positions) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.ncols = ncols;
        this.stride = stride;
        this.maxRecordBytes = maxRecordBytes;
        this.wordwise = wordwise;
        this.starts = starts;
        this.ends = ends;
        this.flags = flags;
        this.positions = positions;
    }
}
/**
 * The hot loop: scans records from s.p until the batch is full, the data ends, or a record is
 * incomplete (then s.p is its start, to be scanned again once more bytes are in). It allocates
 * nothing and calls nothing; errors come back as a status for the caller to word. buf[len] must be
 * LF (a sentinel that ends the unquoted-field loop without a bounds test per byte).
 */
function scanRecords(s, buf, words, len, eof) {
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
    records: while (p < len) {
        if (p >= stop) {
            s.p = p;
            s.line = line;
            s.row = row;
            return SCAN_STOP;
        }
        const recStart = p;
        const recLine = line;
        let c = buf[p];
        if (c === lf || c === cr) {
            // A blank line: no record.
            if (c === lf) {
                p++;
            }
            else if (p + 1 < len) {
                p += buf[p + 1] === lf ? 2 : 1;
            }
            else if (eof) {
                p++;
            }
            else {
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
            c = buf[p];
            if (c === Q) {
                let q = p + 1;
                let escaped = false;
                let lines = 0;
                for (;;) {
                    while (q < len) {
                        const b = buf[q];
                        if (b === Q)
                            break;
                        if (b === lf)
                            lines++;
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
                c = buf[p];
                if (c === D) {
                    p++;
                    continue;
                }
                if (c !== lf && c !== cr) {
                    s.errorLine = line;
                    s.errorAt = p;
                    return SCAN_AFTER_QUOTE;
                }
            }
            else if (c === D) {
                if (col < ncols) {
                    starts[idx] = p;
                    ends[idx] = p;
                    flags[idx] = isNull;
                }
                idx += stride;
                col++;
                p++;
                continue;
            }
            else if (c === lf || c === cr) {
                // The line ends right after a delimiter: one more, empty, field.
                if (col < ncols) {
                    starts[idx] = p;
                    ends[idx] = p;
                    flags[idx] = isNull;
                }
                idx += stride;
                col++;
            }
            else {
                let q = p + 1;
                // The byte that ends the field: a delimiter, LF or CR (the sentinel LF at the end of the data).
                let b = 0;
                if (wordwise) {
                    // Four bytes at a time: find the first byte at or below `top` (digits, letters, '.', '-'
                    // and ':' are above a ',' or a tab, so few bytes are candidates), then check it exactly.
                    let w = q >> 2;
                    let x = words[w];
                    // Candidates before q in its word are masked off.
                    let t = (x - below) & ~x & high & (-1 << ((q & 3) << 3));
                    for (;;) {
                        while (t === 0) {
                            w++;
                            x = words[w];
                            t = (x - below) & ~x & high;
                        }
                        q = (w << 2) + ((31 - Math.clz32(t & -t)) >> 3);
                        b = buf[q];
                        if (b === D || b === lf || b === cr)
                            break;
                        t &= t - 1;
                    }
                }
                else {
                    for (;;) {
                        b = buf[q];
                        if (b <= top && (b === D || b === lf || b === cr))
                            break;
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
            }
            else if (p + 1 < len) {
                p += buf[p + 1] === lf ? 2 : 1;
            }
            else if (eof) {
                p++;
            }
            else {
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
function fieldString(buf, start, end, escaped, quote) {
    const text = buf.toString('utf8', start, end);
    if (!escaped)
        return text;
    const q = String.fromCharCode(quote);
    return text.split(q + q).join(q);
}
function checkHeader(fields, file, line) {
    const seen = new Map();
    return fields.map((name, index) => {
        const trimmed = (name ?? '').trim();
        if (trimmed === '') {
            throw new errors/* ConfigurationError */.j1(`header column ${index + 1} has no name`, { file, line, hint: 'The first row must name every column.' });
        }
        const earlier = seen.get(trimmed);
        if (earlier !== undefined) {
            throw new errors/* ConfigurationError */.j1(`header names column "${trimmed}" twice (columns ${earlier + 1} and ${index + 1})`, {
                file,
                line,
                hint: 'Give every column a distinct name.',
            });
        }
        seen.set(trimmed, index);
        return trimmed;
    });
}

;// CONCATENATED MODULE: ./src/data/readers/jsonl.ts


const jsonl_LF = 10;
const jsonl_CR = 13;
const HINT = 'A JSON Lines file holds one JSON object per line, such as {"id": 1, "name": "a"}; a value may not span lines.';
async function readJsonlFile(file, options, sink) {
    const displayName = file.displayName;
    const batchRows = Math.max(1, Math.floor(options.batchRows ?? record_buffer/* DEFAULT_BATCH_ROWS */.V3));
    const maxRecordBytes = options.maxRecordBytes ?? record_buffer/* DEFAULT_MAX_RECORD_BYTES */.ty;
    const source = await (0,record_buffer/* openByteSource */.QK)(file.path, displayName, { gzip: options.gzip ?? false, readBytes: options.readBytes });
    const input = new record_buffer/* RecordBuffer */.Cz(source, options.bufferBytes ?? record_buffer/* DEFAULT_BUFFER_BYTES */.L9, maxRecordBytes);
    let names;
    const columnOf = new Map();
    const unknown = new Set();
    let values = [];
    const positions = new Float64Array(batchRows);
    let rowCount = 0;
    let rows = 0;
    let line = 1;
    const flush = () => {
        if (rowCount === 0 || names === undefined)
            return;
        const columns = values.map((v) => {
            v.length = rowCount;
            return { kind: 'values', values: v };
        });
        const batch = { file: displayName, rowCount, positions, positionKind: 'line', columns, names };
        rows += rowCount;
        rowCount = 0;
        values = names.map(() => new Array(batchRows));
        sink.batch(batch);
    };
    const addObject = (object, at) => {
        if (names === undefined) {
            names = Object.keys(object);
            names.forEach((name, i) => columnOf.set(name, i));
            values = names.map(() => new Array(batchRows));
            sink.beginFile(displayName, names, { line: at });
        }
        for (const column of values)
            column[rowCount] = null;
        for (const key in object) {
            const col = columnOf.get(key);
            if (col !== undefined) {
                const value = object[key];
                if (value !== null)
                    values[col][rowCount] = value;
            }
            else if (!unknown.has(key)) {
                unknown.add(key);
                sink.unknownColumn?.(displayName, key, { line: at });
            }
        }
        positions[rowCount] = at;
        rowCount++;
        if (rowCount === batchRows)
            flush();
    };
    try {
        await input.refill(0);
        let pos = input.len >= 3 && input.buf[0] === 0xef && input.buf[1] === 0xbb && input.buf[2] === 0xbf ? 3 : 0;
        for (;;) {
            const bad = input.firstInvalidUtf8();
            if (bad >= 0)
                throw (0,record_buffer/* invalidUtf8Error */.PI)(displayName, input.buf, pos, line, bad, input.len, input.eof);
            const buf = input.buf;
            const data = buf.subarray(0, input.len);
            for (;;) {
                let end = data.indexOf(jsonl_LF, pos);
                if (end < 0) {
                    if (!input.eof || pos >= input.len)
                        break;
                    end = input.len;
                }
                const next = end + 1;
                if (end > pos && buf[end - 1] === jsonl_CR)
                    end--;
                if (end - pos > maxRecordBytes)
                    throw (0,record_buffer/* recordTooLongError */.gM)(displayName, maxRecordBytes, line, 'JSON Lines line');
                if (!isBlank(buf, pos, end)) {
                    const text = buf.toString('utf8', pos, end);
                    let value;
                    try {
                        value = JSON.parse(text);
                    }
                    catch (error) {
                        throw new errors/* ConfigurationError */.j1(`not valid JSON: ${error.message}`, { file: displayName, line, hint: HINT, cause: error });
                    }
                    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
                        const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
                        throw new errors/* ConfigurationError */.j1(`the line holds ${kind}, not a JSON object`, { file: displayName, line, hint: HINT });
                    }
                    addObject(value, line);
                }
                line++;
                pos = next;
            }
            if (input.eof)
                break;
            if (input.len - pos > maxRecordBytes)
                throw (0,record_buffer/* recordTooLongError */.gM)(displayName, maxRecordBytes, line, 'JSON Lines line');
            await input.refill(pos);
            pos = 0;
        }
        flush();
        if (names === undefined) {
            throw new errors/* ConfigurationError */.j1('the file is empty: no JSON object', { file: displayName, line: 1, hint: HINT });
        }
        sink.endFile?.(displayName);
        return { rows, bytes: input.bytesRead };
    }
    finally {
        await input.close();
    }
}
function isBlank(buf, from, to) {
    for (let i = from; i < to; i++) {
        const c = buf[i];
        if (c !== 0x20 && c !== 0x09 && c !== jsonl_CR)
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/data/readers/index.ts



/**
 * One entry for every data file: the format comes from the extension (or is given), and the file
 * is streamed to the sink in RowBatch batches. CSV and JSON Lines may be gzip-compressed (`.gz`).
 */
const EXTENSIONS = {
    '.csv': { format: 'csv' },
    '.tsv': { format: 'csv', delimiter: '\t' },
    '.jsonl': { format: 'jsonl' },
    '.ndjson': { format: 'jsonl' },
    '.parquet': { format: 'parquet' },
};
const FORMATS = ['csv', 'jsonl', 'parquet'];
/**
 * The format of a file by its extension (case-insensitive; `.gz` after it means gzip), or the one
 * given. `delimiter` is the one the extension implies (a tab for `.tsv`), when it implies one.
 */
function detectFormat(path, explicit) {
    const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
    const gzip = base.endsWith('.gz');
    const stem = gzip ? base.slice(0, -3) : base;
    const dot = stem.lastIndexOf('.');
    const known = dot > 0 ? EXTENSIONS[stem.slice(dot)] : undefined;
    if (explicit !== undefined && !FORMATS.includes(explicit)) {
        throw new errors/* ConfigurationError */.j1(`unknown data format "${String(explicit)}"`, { hint: `Set \`format\` to one of: ${FORMATS.join(', ')}.` });
    }
    const format = explicit ?? known?.format;
    if (format === undefined) {
        throw new errors/* ConfigurationError */.j1(`cannot tell the data format of "${path}" from its extension`, {
            file: path,
            hint: `Name the file .csv, .tsv, .jsonl, .ndjson or .parquet (optionally followed by .gz), or set \`format\` to one of: ${FORMATS.join(', ')}.`,
        });
    }
    if (format === 'parquet' && gzip) {
        throw new errors/* ConfigurationError */.j1('a gzip-compressed Parquet file cannot be read', {
            file: path,
            hint: 'Parquet compresses its pages itself and needs random access: decompress the file (gunzip) and use the .parquet file.',
        });
    }
    const delimiter = known?.format === format ? known.delimiter : undefined;
    return delimiter === undefined ? { format, gzip } : { format, gzip, delimiter };
}
/** Reads one data file into the sink; `bytes` is the data read (after gunzip; the file size for Parquet). */
async function readDataFile(file, options, sink) {
    const detected = detectFormat(file.displayName, options.format);
    switch (detected.format) {
        case 'csv':
            return scanCsvFile(file, { ...options, delimiter: options.delimiter ?? detected.delimiter, gzip: detected.gzip }, sink);
        case 'jsonl':
            return readJsonlFile(file, { ...options, gzip: detected.gzip }, sink);
        case 'parquet': {
            // hyparquet loads only when a Parquet file is read.
            const { readParquetFile } = await Promise.all(/* import() */[__webpack_require__.e(14), __webpack_require__.e(947)]).then(__webpack_require__.bind(__webpack_require__, 1947));
            return readParquetFile(file, options, sink);
        }
    }
}


/***/ }),

/***/ 3329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cz: () => (/* binding */ RecordBuffer),
/* harmony export */   L9: () => (/* binding */ DEFAULT_BUFFER_BYTES),
/* harmony export */   PI: () => (/* binding */ invalidUtf8Error),
/* harmony export */   QK: () => (/* binding */ openByteSource),
/* harmony export */   V3: () => (/* binding */ DEFAULT_BATCH_ROWS),
/* harmony export */   gM: () => (/* binding */ recordTooLongError),
/* harmony export */   ty: () => (/* binding */ DEFAULT_MAX_RECORD_BYTES),
/* harmony export */   zS: () => (/* binding */ fileError)
/* harmony export */ });
/* unused harmony export DEFAULT_READ_BYTES */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6316);






/**
 * The byte layer under the CSV and JSON Lines readers: a file's bytes (gunzipped when asked) read
 * into one buffer that always starts at a record boundary. A reader scans the complete records in
 * it, then asks for a refill that keeps the incomplete tail; the buffer grows only when a single
 * record fills it, up to the reader's record limit, so memory is bounded by the longest record.
 */
// Measured on the 1M-row benchmark (data and reference on two threads): 2 MiB buffers with 4 MiB
// of read-ahead ran 10-15 % faster and 90 MiB smaller than 16 + 16 MiB; the batch stays in cache.
const DEFAULT_BUFFER_BYTES = 2 << 20;
const DEFAULT_READ_BYTES = 4 << 20;
/** How far plain-file reads run ahead of the scanner (at most four reads). */
const READ_AHEAD_BYTES = 4 << 20;
const DEFAULT_MAX_RECORD_BYTES = 64 << 20;
const DEFAULT_BATCH_ROWS = 65_536;
const LF = 10;
async function openByteSource(path, displayName, options) {
    const readBytes = Math.max(1, options.readBytes ?? DEFAULT_READ_BYTES);
    return options.gzip ? gunzipSource(path, displayName, readBytes) : fileSource(path, displayName, readBytes, options.start ?? 0);
}
async function fileSource(path, displayName, readBytes, start = 0) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'r');
    }
    catch (error) {
        throw fileError(error, displayName);
    }
    const depth = Math.min(4, Math.ceil(READ_AHEAD_BYTES / readBytes));
    const free = [];
    const queue = [];
    let position = start;
    const issue = () => {
        const chunk = free.pop() ?? Buffer.allocUnsafe(readBytes);
        const at = position;
        position += readBytes;
        const pending = handle.read(chunk, 0, readBytes, at).then(({ bytesRead }) => ({ chunk, n: bytesRead, at }), (error) => Promise.reject(fileError(error, displayName)));
        // A failed read is reported when it is awaited, not as an unhandled rejection.
        pending.catch(() => { });
        queue.push(pending);
    };
    const drain = async () => {
        for (const pending of queue.splice(0)) {
            const done = await pending.catch(() => undefined);
            if (done !== undefined)
                free.push(done.chunk);
        }
    };
    for (let k = 0; k < depth; k++)
        issue();
    let current;
    let used = 0;
    return {
        async read(into, offset, length) {
            while (current === undefined || used >= current.n) {
                if (current !== undefined)
                    free.push(current.chunk);
                current = undefined;
                const next = queue.shift();
                if (next === undefined)
                    return 0;
                const got = await next;
                if (got.n === 0) {
                    await drain();
                    return 0;
                }
                if (got.n < readBytes) {
                    // A short read (the end of the file, or a rare partial read): the reads queued after it
                    // started past it, so they go, and reading resumes right after this chunk.
                    await drain();
                    position = got.at + got.n;
                }
                while (queue.length < depth)
                    issue();
                current = got;
                used = 0;
            }
            const n = Math.min(length, current.n - used);
            current.chunk.copy(into, offset, used, used + n);
            used += n;
            return n;
        },
        async close() {
            await drain();
            await handle.close();
        },
    };
}
async function gunzipSource(path, displayName, readBytes) {
    // Opening first turns a missing file into the same error as for an uncompressed one.
    await (await fileSource(path, displayName, readBytes)).close();
    const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip)({ chunkSize: 1 << 18 });
    (0,node_stream__WEBPACK_IMPORTED_MODULE_3__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path, { highWaterMark: 1 << 20 }), gunzip, () => {
        // Errors reach the reader through the gunzip stream's iterator.
    });
    const chunks = gunzip[Symbol.asyncIterator]();
    let pending;
    let pendingAt = 0;
    return {
        async read(into, offset, length) {
            while (pending === undefined || pendingAt >= pending.length) {
                let next;
                try {
                    next = await chunks.next();
                }
                catch (error) {
                    throw gzipError(error, displayName);
                }
                if (next.done)
                    return 0;
                pending = next.value;
                pendingAt = 0;
            }
            const n = Math.min(length, readBytes, pending.length - pendingAt);
            pending.copy(into, offset, pendingAt, pendingAt + n);
            pendingAt += n;
            return n;
        },
        async close() {
            gunzip.destroy();
        },
    };
}
/** A file-system error the user can fix (missing file, a folder, no permission) as a configuration error; others unchanged. */
function fileError(error, displayName) {
    const code = error?.code;
    const reasons = {
        ENOENT: 'file not found',
        ENOTDIR: 'file not found',
        EISDIR: 'is a directory, not a file',
        EACCES: 'cannot read the file: permission denied',
        EPERM: 'cannot read the file: permission denied',
    };
    const reason = code === undefined ? undefined : reasons[code];
    if (reason === undefined)
        return error;
    return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(reason, { file: displayName, hint: 'Check the path (it is relative to the workspace) and that the file is there.', cause: error });
}
function gzipError(error, displayName) {
    const code = error?.code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
        const truncated = code === 'Z_BUF_ERROR';
        return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(truncated ? 'the gzip data ends early: the file is truncated' : `the file is not valid gzip data (${error.message})`, {
            file: displayName,
            hint: 'A file named *.gz must be complete gzip data: check that it was written or downloaded in full, or drop the .gz extension if it is not compressed.',
            cause: error,
        });
    }
    return fileError(error, displayName);
}
class RecordBuffer {
    source;
    maxRecordBytes;
    /**
     * Data is buf[0, len). buf has room past `capacity` for a sentinel byte at buf[len], and `words`
     * views the same memory as 32-bit words (buf starts on a word boundary and ends on one), so a
     * scanner may read the whole word holding buf[len].
     */
    buf;
    words;
    capacity;
    /** Bytes of data in buf. */
    len = 0;
    /** True once the source has no more data: every record in buf is then complete. */
    eof = false;
    /** Bytes taken from the source (after gunzip) so far. */
    bytesRead = 0;
    /** Where buf[0] is in the data (a file offset for a plain file). */
    offset = 0;
    /** [0, checked) is known to be valid UTF-8. */
    checked = 0;
    constructor(source, bufferBytes, 
    /** A record may take at most this many bytes, so the buffer never needs more than one byte beyond it. */
    maxRecordBytes) {
        this.source = source;
        this.maxRecordBytes = maxRecordBytes;
        // At least room for a byte order mark, which readers look for in the first fill.
        this.capacity = Math.max(4, bufferBytes);
        [this.buf, this.words] = allocate(this.capacity);
    }
    /**
     * Keeps buf[keepFrom, len) (moved to the start), grows the buffer when that tail already fills it,
     * and reads until the buffer is full or the data ends. The caller has checked that the tail is
     * within the record limit, so growth always makes room.
     */
    async refill(keepFrom) {
        if (keepFrom > 0) {
            this.offset += keepFrom;
            this.buf.copyWithin(0, keepFrom, this.len);
            this.len -= keepFrom;
            this.checked = Math.max(0, this.checked - keepFrom);
        }
        else if (this.len === this.capacity) {
            const size = Math.min(this.capacity * 2, this.maxRecordBytes + 1);
            if (size <= this.capacity)
                throw new Error(`record buffer cannot grow past ${this.capacity} bytes`);
            const [grown, words] = allocate(size);
            this.buf.copy(grown, 0, 0, this.len);
            this.buf = grown;
            this.words = words;
            this.capacity = size;
        }
        while (!this.eof && this.len < this.capacity) {
            const n = await this.source.read(this.buf, this.len, this.capacity - this.len);
            if (n === 0)
                this.eof = true;
            this.len += n;
            this.bytesRead += n;
        }
    }
    /**
     * Checks the bytes read since the last call and gives the offset of the first one that is not
     * valid UTF-8, or -1. Only whole characters are checked: the check stops after the last ASCII
     * byte (never part of a multi-byte character) until the data ends, and every complete record ends
     * at an ASCII byte, so no record is handed on unchecked.
     */
    firstInvalidUtf8() {
        let end = this.len;
        if (!this.eof) {
            while (end > this.checked && this.buf[end - 1] >= 0x80)
                end--;
        }
        if (end <= this.checked)
            return -1;
        const from = this.checked;
        if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(this.buf.subarray(from, end))) {
            this.checked = end;
            return -1;
        }
        return from + Math.max(0, firstInvalidUtf8At(this.buf, from, end));
    }
    async close() {
        await this.source.close();
    }
}
/** A buffer for `capacity` bytes and a sentinel, whole 32-bit words long, with a word view of it. */
function allocate(capacity) {
    const memory = new ArrayBuffer((Math.floor((capacity + 1) / 4) + 1) * 4);
    return [Buffer.from(memory), new Int32Array(memory)];
}
/** Offset (relative to `from`) of the first byte in buf[from, end) that starts no valid UTF-8 character. */
function firstInvalidUtf8At(buf, from, end) {
    let i = from;
    while (i < end) {
        const b = buf[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        const n = sequenceLength(buf, i, end);
        if (n <= 0)
            return i - from;
        i += n;
    }
    return -1;
}
/** Length of the valid UTF-8 sequence at i (1–4), 0 when it is invalid, -1 when the data ends inside it. */
function sequenceLength(buf, i, end) {
    const b = buf[i];
    let need;
    let min;
    if (b < 0x80)
        return 1;
    if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        min = 0x80;
    }
    else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        min = 0x800;
    }
    else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        min = 0x10000;
    }
    else {
        return 0;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
        if (i + k >= end)
            return -1;
        const c = buf[i + k];
        if ((c & 0xc0) !== 0x80)
            return 0;
        cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return need + 1;
}
/**
 * The configuration error for invalid UTF-8 at buf[at], worded as the string CSV reader words it.
 * `line` is the line at buf[from]; lines are counted by LF up to the bad byte.
 */
function invalidUtf8Error(displayName, buf, from, line, at, len, eof) {
    let l = line;
    for (let k = from; k < at; k++)
        if (buf[k] === LF)
            l++;
    if (eof && sequenceLength(buf, at, len) === -1) {
        return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('the file ends in the middle of a UTF-8 character', { file: displayName, line: l, hint: 'Save the file as UTF-8.' });
    }
    return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`invalid UTF-8 (byte 0x${(buf[at] ?? 0).toString(16).padStart(2, '0')})`, {
        file: displayName,
        line: l,
        hint: 'Save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.csv > out.csv).',
    });
}
function recordTooLongError(displayName, maxRecordBytes, line, what) {
    return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`record longer than ${formatBytes(maxRecordBytes)} starting at line ${line}`, {
        file: displayName,
        line,
        hint: `No ${what} should be this long: check for a quote that is never closed, a wrong delimiter, or a file that is not in this format.`,
    });
}
function formatBytes(n) {
    if (n >= 1 << 20 && n % (1 << 20) === 0)
        return `${n / (1 << 20)} MiB`;
    if (n >= 1 << 10 && n % (1 << 10) === 0)
        return `${n / (1 << 10)} KiB`;
    return `${n} bytes`;
}


/***/ }),

/***/ 3625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   columnSchema: () => (/* binding */ columnSchema),
/* harmony export */   columnTypes: () => (/* binding */ columnTypes),
/* harmony export */   dataSchemaJsonSchema: () => (/* binding */ dataSchemaJsonSchema),
/* harmony export */   dataSchemaSchema: () => (/* binding */ dataSchemaSchema),
/* harmony export */   daysInMonth: () => (/* binding */ daysInMonth),
/* harmony export */   driftColumnSchema: () => (/* binding */ driftColumnSchema),
/* harmony export */   driftMethods: () => (/* binding */ driftMethods),
/* harmony export */   driftSchema: () => (/* binding */ driftSchema),
/* harmony export */   parseTimestamp: () => (/* binding */ parseTimestamp),
/* harmony export */   parseTyped: () => (/* binding */ parseTyped)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8439);

/**
 * The data schema users write (YAML or JSON). Versioned; the JSON Schema in schemas/ is generated
 * from this, so editors autocomplete it.
 */
const columnTypes = ['integer', 'number', 'string', 'category', 'boolean', 'timestamp'];
const bound = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()]).describe('A number, or an ISO 8601 date or date-time for timestamp columns.');
const columnSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(columnTypes),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    nullable: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('false: every row must have a value (an empty unquoted field is null).'),
    unique: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false),
    min: bound.optional(),
    max: bound.optional(),
    allowed: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()])).min(1).optional().describe('The only values allowed.'),
    pattern: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .refine(isValidRegex, { message: 'not a valid regular expression' })
        .optional()
        .describe('A JavaScript regular expression every value must match.'),
    max_null_fraction: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).optional().describe('Largest share of null values, 0 to 1.'),
})
    .strict();
const driftMethods = ['auto', 'ks', 'wasserstein', 'psi', 'chi2', 'jensenshannon', 'none'];
const driftColumnSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(driftMethods).default('auto'),
    threshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .positive()
        .optional()
        .describe('ks, chi2: the significance level the (Benjamini-Hochberg adjusted) p-value must stay above; wasserstein, jensenshannon, psi: the largest distance allowed.'),
})
    .strict();
const driftSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    max_drifted_share: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).default(0.5).describe('The dataset drifts when more than this share of the compared columns drift.'),
    column_severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warning', 'notice']).default('warning').describe('Severity of the finding for each drifted column.'),
    large_sample: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .positive()
        .default(10_000)
        .describe('From this many values in the smaller sample, auto uses distances instead of p-values (at a million rows every p-value is tiny).'),
    alpha: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0).lt(1).default(0.05).describe('Significance level for p-value tests, after Benjamini-Hochberg correction.'),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), driftColumnSchema).default({}),
})
    .strict();
const dataSchemaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1).describe('Schema format version; 1 is the only one.'),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), columnSchema),
    rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ min: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(), max: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional() })
        .strict()
        .optional(),
    unknown_columns: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warn', 'ignore']).default('error').describe('What to do with a data column the schema does not declare.'),
    drift: driftSchema.optional().describe('How columns are compared with a reference, when one is given.'),
})
    .strict();
function isValidRegex(source) {
    try {
        new RegExp(source, 'u');
        return true;
    }
    catch {
        return false;
    }
}
function dataSchemaJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(dataSchemaSchema, { target: 'draft-2020-12', io: 'input' });
}
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TRUE_VALUES = new Set(['true', '1', 'yes']);
const FALSE_VALUES = new Set(['false', '0', 'no']);
/** Parses a value of a column type; undefined when it is not one. Numbers and times come back as numbers. */
function parseTyped(type, raw) {
    switch (type) {
        case 'integer': {
            const text = raw.trim();
            return INTEGER.test(text) ? Number(text) : undefined;
        }
        case 'number': {
            const text = raw.trim();
            return NUMBER.test(text) ? Number(text) : undefined;
        }
        case 'boolean': {
            const text = raw.trim().toLowerCase();
            if (TRUE_VALUES.has(text))
                return true;
            if (FALSE_VALUES.has(text))
                return false;
            return undefined;
        }
        case 'timestamp':
            return parseTimestamp(raw.trim());
        case 'string':
        case 'category':
            return raw;
    }
}
/** Milliseconds since the epoch for an ISO 8601 date or date-time with a real calendar date. */
/** Days in a month (1-12) of the proleptic Gregorian calendar; years 0 to 99 included, which Date.UTC would take as 1900 to 1999. */
function daysInMonth(year, month) {
    if (month === 2)
        return (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return 30 + ((month + (month >> 3)) & 1);
}
function parseTimestamp(text) {
    const m = TIMESTAMP.exec(text);
    if (!m)
        return undefined;
    const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1, 7).map((v) => v ?? undefined);
    const y = Number(year);
    const mo = Number(month);
    const d = Number(day);
    const h = Number(hour);
    const mi = Number(minute);
    const s = Number(second);
    if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60)
        return undefined;
    if (d > daysInMonth(y, mo))
        return undefined;
    const ms = Date.parse(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : text.replace(' ', 'T') + (m[7] ? '' : 'Z'));
    return Number.isNaN(ms) ? undefined : ms;
}


/***/ }),

/***/ 3560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bl: () => (/* binding */ parseTimestampBytes),
/* harmony export */   PD: () => (/* binding */ parseIntegerBytes),
/* harmony export */   R9: () => (/* binding */ parseBooleanBytes),
/* harmony export */   gF: () => (/* binding */ fieldText),
/* harmony export */   oX: () => (/* binding */ parseNumberBytes)
/* harmony export */ });
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3625);
/**
 * Typing values straight from bytes: a CSV field is parsed where it lies in the read buffer, with
 * no string made for the common cases (integers, plain decimals, ISO dates). Anything unusual falls
 * back to the string parsers in schema.ts, so both paths accept exactly the same text.
 */

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const SPACE = 32;
const TAB = 9;
/** Powers of ten exactly representable as doubles, for the decimal fast path. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const decoder = new TextDecoder();
function trimStart(buf, s, e) {
    while (s < e && (buf[s] === SPACE || buf[s] === TAB))
        s++;
    return s;
}
function trimEnd(buf, s, e) {
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB))
        e--;
    return e;
}
/**
 * An integer in [s, e), or NaN when the text is not one (same grammar as the INTEGER pattern:
 * optional sign, digits, surrounding blanks allowed).
 */
function parseIntegerBytes(buf, s, e) {
    s = trimStart(buf, s, e);
    e = trimEnd(buf, s, e);
    if (s >= e)
        return NaN;
    let negative = false;
    const c0 = buf[s];
    if (c0 === MINUS || c0 === PLUS) {
        negative = c0 === MINUS;
        s++;
        if (s >= e)
            return NaN;
    }
    if (e - s > 15)
        return parseSlow(buf, s - (c0 === MINUS || c0 === PLUS ? 1 : 0), e, true);
    let v = 0;
    for (let i = s; i < e; i++) {
        const d = buf[i] - ZERO;
        if (d < 0 || d > 9)
            return NaN;
        v = v * 10 + d;
    }
    return negative ? -v : v;
}
/**
 * A decimal number in [s, e), or NaN when the text is not one (same grammar as the NUMBER
 * pattern). Up to 15 significant digits without an exponent are parsed exactly here; anything
 * longer, or with an exponent, goes through Number() for correct rounding.
 */
function parseNumberBytes(buf, s, e) {
    // The common case first: [-]digits[.digits], no blanks, at most 15 digits.
    let i = s;
    if (buf[i] === MINUS)
        i++;
    const intStart = i;
    let m = 0;
    while (i < e) {
        const d = buf[i] - ZERO;
        if (d < 0 || d > 9)
            break;
        m = m * 10 + d;
        i++;
    }
    let digits = i - intStart;
    let fraction = 0;
    if (i < e && buf[i] === DOT) {
        const fractionStart = ++i;
        while (i < e) {
            const d = buf[i] - ZERO;
            if (d < 0 || d > 9)
                break;
            m = m * 10 + d;
            i++;
        }
        fraction = i - fractionStart;
        digits += fraction;
    }
    if (i === e && digits > 0 && digits <= 15) {
        // m < 10^15 and 10^fraction are exact doubles, so one division rounds correctly, as Number() does.
        const v = fraction === 0 ? m : m / POW10[fraction];
        return buf[s] === MINUS ? -v : v;
    }
    return parseNumberGeneral(buf, s, e);
}
/** Blanks, a plus sign, long mantissas and exponents. */
function parseNumberGeneral(buf, s, e) {
    s = trimStart(buf, s, e);
    e = trimEnd(buf, s, e);
    if (s >= e)
        return NaN;
    const begin = s;
    let negative = false;
    const c0 = buf[s];
    if (c0 === MINUS || c0 === PLUS) {
        negative = c0 === MINUS;
        s++;
    }
    let mantissa = 0;
    let digits = 0;
    let fraction = 0;
    let sawDot = false;
    let i = s;
    for (; i < e; i++) {
        const c = buf[i];
        if (c >= ZERO && c <= NINE) {
            mantissa = mantissa * 10 + (c - ZERO);
            digits++;
            if (sawDot)
                fraction++;
        }
        else if (c === DOT && !sawDot) {
            sawDot = true;
        }
        else {
            break;
        }
    }
    if (digits === 0)
        return NaN;
    if (i < e) {
        const c = buf[i];
        if (c === 101 || c === 69)
            return parseSlow(buf, begin, e, false); // e or E: exponent
        return NaN;
    }
    if (digits > 15)
        return parseSlow(buf, begin, e, false);
    const v = fraction === 0 ? mantissa : mantissa / POW10[fraction];
    return negative ? -v : v;
}
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseSlow(buf, s, e, integer) {
    const text = decoder.decode(buf.subarray(s, e));
    return (integer ? INTEGER : NUMBER).test(text) ? Number(text) : NaN;
}
/** 1 true, 0 false, -1 neither (true/false/1/0/yes/no, any case, blanks around). */
function parseBooleanBytes(buf, s, e) {
    s = trimStart(buf, s, e);
    e = trimEnd(buf, s, e);
    const n = e - s;
    if (n === 1) {
        if (buf[s] === 49)
            return 1;
        if (buf[s] === 48)
            return 0;
        return -1;
    }
    // Lower-cased bytes compared with the words, with no string made.
    const c0 = buf[s] | 0x20;
    const c1 = buf[s + 1] | 0x20;
    if (n === 2)
        return c0 === 110 && c1 === 111 ? 0 : -1; // no
    const c2 = buf[s + 2] | 0x20;
    if (n === 3)
        return c0 === 121 && c1 === 101 && c2 === 115 ? 1 : -1; // yes
    const c3 = buf[s + 3] | 0x20;
    if (n === 4)
        return c0 === 116 && c1 === 114 && c2 === 117 && c3 === 101 ? 1 : -1; // true
    if (n === 5)
        return c0 === 102 && c1 === 97 && c2 === 108 && c3 === 115 && (buf[s + 4] | 0x20) === 101 ? 0 : -1; // false
    return -1;
}
const DAY_MS = 86_400_000;
/** Days from 1970-01-01 to the first of each month of a non-leap year. */
const MONTH_START = new Int32Array([0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]);
/** Days from 1970-01-01 to January 1st of `year` (proleptic Gregorian, as Date.UTC counts). */
function daysBeforeYear(year) {
    const y = year - 1;
    return 365 * (year - 1970) + (Math.floor(y / 4) - 492) - (Math.floor(y / 100) - 19) + (Math.floor(y / 400) - 4);
}
function digit2(buf, i) {
    const a = buf[i] - ZERO;
    const b = buf[i + 1] - ZERO;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
/**
 * Milliseconds since the epoch for an ISO 8601 date (fast path: exactly YYYY-MM-DD) or date-time
 * (through parseTimestamp); NaN when invalid.
 */
function parseTimestampBytes(buf, s, e) {
    s = trimStart(buf, s, e);
    e = trimEnd(buf, s, e);
    if (e - s === 10 && buf[s + 4] === MINUS && buf[s + 7] === MINUS) {
        const hi = digit2(buf, s);
        const lo = digit2(buf, s + 2);
        const month = digit2(buf, s + 5);
        const day = digit2(buf, s + 8);
        if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1)
            return NaN;
        const year = hi * 100 + lo;
        if (day > (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__.daysInMonth)(year, month))
            return NaN;
        const leapDay = month > 2 && (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
        return (daysBeforeYear(year) + MONTH_START[month - 1] + leapDay + day - 1) * DAY_MS;
    }
    if (e - s >= 19 && (buf[s + 10] === 84 || buf[s + 10] === SPACE)) {
        const fast = dateTimeFast(buf, s, e);
        if (fast === fast)
            return fast;
    }
    const ms = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__.parseTimestamp)(decoder.decode(buf.subarray(s, e)));
    return ms === undefined ? NaN : ms;
}
/**
 * YYYY-MM-DDTHH:MM:SS with an optional fraction and an optional Z or ±HH:MM offset, the common
 * machine-written form; NaN for anything else, which then takes the general parser.
 */
function dateTimeFast(buf, s, e) {
    const date = parseTimestampBytes(buf, s, s + 10);
    if (date !== date || buf[s + 13] !== 58 || buf[s + 16] !== 58)
        return NaN;
    const h = digit2(buf, s + 11);
    const mi = digit2(buf, s + 14);
    const sec = digit2(buf, s + 17);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
        return NaN;
    let i = s + 19;
    let ms = 0;
    if (i < e && buf[i] === DOT) {
        i++;
        let scale = 100;
        const begin = i;
        while (i < e && buf[i] >= ZERO && buf[i] <= NINE) {
            ms += (buf[i] - ZERO) * scale;
            scale /= 10;
            i++;
        }
        if (i === begin)
            return NaN;
        // Sub-millisecond digits are dropped, as Date.parse does.
        ms = Math.floor(ms);
    }
    let offset = 0;
    if (i < e) {
        const c = buf[i];
        if (c === 90 && i + 1 === e) {
            i++;
        }
        else if ((c === PLUS || c === MINUS) && (e - i === 6 || e - i === 5)) {
            const oh = digit2(buf, i + 1);
            const om = digit2(buf, e - 2);
            if (oh < 0 || om < 0 || (e - i === 6 && buf[i + 3] !== 58))
                return NaN;
            offset = (c === PLUS ? 1 : -1) * (oh * 60 + om) * 60_000;
            i = e;
        }
        else {
            return NaN;
        }
    }
    if (i !== e)
        return NaN;
    return date + ((h * 60 + mi) * 60 + sec) * 1000 + ms - offset;
}
/** The text of a field, with doubled quotes undone when the field had them. */
function fieldText(buf, s, e, escaped, quote = 34) {
    // Buffer's own UTF-8 slice avoids making a view object per field.
    const text = Buffer.isBuffer(buf) ? buf.toString('utf8', s, e) : decoder.decode(buf.subarray(s, e));
    if (!escaped)
        return text;
    const q = String.fromCharCode(quote);
    return text.split(q + q).join(q);
}


/***/ })

};
