import { createReadStream } from 'node:fs';
import { ConfigurationError } from '../../src/platform/errors.js';

/**
 * The first CSV reader, string-based, kept as a second implementation for the tests: the
 * byte-level scanner in src/data/readers must read every input the same way (records, lines and
 * errors).
 *
 * A streaming RFC 4180 reader. It takes text in chunks of any size, so memory is bounded by the
 * longest record, and gives each record with the physical line it starts on: a finding in a file
 * with quoted newlines still points at the right line.
 *
 * An unquoted empty field is null; a quoted empty field ("") is the empty string.
 */
export type CsvField = string | null;

export interface CsvOptions {
  delimiter?: string;
  quote?: string;
}

export interface CsvRecordSink {
  header(names: string[], line: number): void;
  row(fields: CsvField[], line: number): void;
}

const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export class CsvParser {
  private readonly delimiter: number;
  private readonly quote: number;
  private state = State.FieldStart;
  private fields: CsvField[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private pendingCR = false;
  private headerCount = -1;

  constructor(
    private readonly file: string,
    private readonly sink: CsvRecordSink,
    options: CsvOptions = {},
  ) {
    const delimiter = options.delimiter ?? ',';
    const quote = options.quote ?? '"';
    if (delimiter.length !== 1 || quote.length !== 1 || delimiter === quote || '\r\n'.includes(delimiter)) {
      throw new ConfigurationError(`invalid CSV options: delimiter ${JSON.stringify(delimiter)}, quote ${JSON.stringify(quote)}`, {
        hint: 'Use a single character for each, different from each other and from a newline.',
      });
    }
    this.delimiter = delimiter.charCodeAt(0);
    this.quote = quote.charCodeAt(0);
  }

  /** Lines read so far (the physical line the parser is on). */
  get currentLine(): number {
    return this.line;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.FieldStart:
          if (c === this.quote) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
          } else if (c === this.delimiter) {
            this.fields.push(null);
            i++;
          } else if (c === LF || c === CR) {
            i = this.newline(text, i, c);
            this.endRecord(true);
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let j = i;
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d === this.delimiter || d === LF || d === CR) break;
            j++;
          }
          this.field += text.slice(i, j);
          i = j;
          if (j < n) {
            const d = text.charCodeAt(j);
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            if (d === this.delimiter) {
              i++;
            } else {
              i = this.newline(text, j, d);
              this.endRecord(false);
            }
          }
          break;
        }
        case State.Quoted: {
          const j = text.indexOf(String.fromCharCode(this.quote), i);
          const end = j === -1 ? n : j;
          const part = text.slice(i, end);
          this.field += part;
          this.countNewlines(part);
          if (j === -1) {
            i = n;
          } else {
            this.state = State.QuoteInQuoted;
            i = j + 1;
          }
          break;
        }
        case State.QuoteInQuoted:
          if (c === this.quote) {
            this.field += text[i];
            this.state = State.Quoted;
            i++;
          } else if (c === this.delimiter) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            i++;
          } else if (c === LF || c === CR) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            i = this.newline(text, i, c);
            this.endRecord(false);
          } else {
            throw new ConfigurationError(`unexpected character ${JSON.stringify(text[i])} after a closing quote`, {
              file: this.file,
              line: this.line,
              hint: 'A quoted field must end at a delimiter or the end of the line; double a quote inside a quoted field ("").',
            });
          }
          break;
      }
    }
  }

  end(): void {
    if (this.state === State.Quoted) {
      throw new ConfigurationError('unterminated quoted field', {
        file: this.file,
        line: this.quoteLine,
        hint: 'A field that opens with a quote must close with one; check for a missing closing quote on or after this line.',
      });
    }
    if (this.state === State.FieldStart) {
      this.endRecord(true);
      return;
    }
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    this.endRecord(false);
  }

  private newline(text: string, i: number, c: number): number {
    this.line++;
    if (c === CR) {
      if (i + 1 < text.length) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      this.pendingCR = true;
    }
    return i + 1;
  }

  /** Inside quotes only LF counts: a CRLF split across two chunks must not count twice. */
  private countNewlines(part: string): void {
    let k = part.indexOf('\n');
    while (k !== -1) {
      this.line++;
      k = part.indexOf('\n', k + 1);
    }
  }

  /**
   * `atFieldStart`: the record ended where a field would begin, so after a delimiter there is one
   * more, empty, field; with no field at all the line was blank and is skipped.
   */
  private endRecord(atFieldStart: boolean): void {
    if (atFieldStart && this.fields.length > 0) this.fields.push(null);
    const fields = this.fields;
    const startLine = this.recordLine;
    this.fields = [];
    this.recordLine = this.line;
    if (fields.length === 0) return; // blank line
    if (this.headerCount < 0) {
      this.headerCount = fields.length;
      this.sink.header(checkHeader(fields, this.file, startLine), startLine);
      return;
    }
    if (fields.length !== this.headerCount) {
      throw new ConfigurationError(`row has ${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${this.headerCount}`, {
        file: this.file,
        line: startLine,
        hint: 'Every row needs one value per header column: check for a missing or extra delimiter, or a value with a delimiter that should be quoted.',
      });
    }
    this.sink.row(fields, startLine);
  }
}

function checkHeader(fields: CsvField[], file: string, line: number): string[] {
  const seen = new Map<string, number>();
  return fields.map((name, index) => {
    const trimmed = (name ?? '').trim();
    if (trimmed === '') {
      throw new ConfigurationError(`header column ${index + 1} has no name`, {
        file,
        line,
        hint: 'The first row must name every column.',
      });
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

/** Position of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Reads a CSV file through the parser. Invalid UTF-8 and empty files are configuration errors that
 * name the file and line.
 */
export async function readCsvFile(file: string, displayName: string, sink: CsvRecordSink, options: CsvOptions = {}): Promise<void> {
  let sawHeader = false;
  const parser = new CsvParser(
    displayName,
    {
      header(names, line) {
        sawHeader = true;
        sink.header(names, line);
      },
      row: (fields, line) => sink.row(fields, line),
    },
    options,
  );
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw invalidUtf8Error(displayName, parser.currentLine, chunk);
      }
      parser.push(text);
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new ConfigurationError('the file ends in the middle of a UTF-8 character', {
        file: displayName,
        line: parser.currentLine,
        hint: 'Save the file as UTF-8.',
      });
    }
    parser.push(rest);
    parser.end();
  } finally {
    stream.destroy();
  }
  if (!sawHeader) {
    throw new ConfigurationError('the file is empty: no header row', {
      file: displayName,
      line: 1,
      hint: 'A CSV file needs a header row naming its columns, then one row per record.',
    });
  }
}

/** The decoder has consumed every chunk before this one; count lines up to the bad byte. */
function invalidUtf8Error(displayName: string, lineAtChunkStart: number, chunk: Buffer): ConfigurationError {
  const at = Math.max(0, firstInvalidUtf8(chunk));
  let line = lineAtChunkStart;
  for (let k = 0; k < at; k++) if (chunk[k] === LF) line++;
  return new ConfigurationError(`invalid UTF-8 (byte 0x${(chunk[at] ?? 0).toString(16).padStart(2, '0')})`, {
    file: displayName,
    line,
    hint: 'Save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.csv > out.csv).',
  });
}
