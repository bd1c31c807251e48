import { CSV_FIELDS_WASM } from './csv-fields-wasm.js';

/**
 * The CSV scanner's fast path in WebAssembly (source: wasm/csv-fields.ts): it finds the fields of
 * ordinary records 64 bytes at a time (SIMD compares), about twice as fast as the scanner's own loop, which
 * still reads everything else (quoted line breaks, CR, the end of the data, errors) and so decides
 * every result. It works in one WebAssembly memory that holds both the read buffer and the batch's
 * field arrays, an arena laid out once the header gives the batch's size.
 */

// The typings this project compiles with (ES2022, node) do not declare the WebAssembly global; the
// part of it used here:
interface WasmModule {
  readonly kind?: 'module';
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => WasmModule;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
};

interface FieldsExports {
  scan(
    buf: number,
    p: number,
    len: number,
    line: number,
    ncols: number,
    stride: number,
    row: number,
    maxRow: number,
    stop: number,
    maxRecordBytes: number,
    starts: number,
    ends: number,
    flags: number,
    positions: number,
    delimiter: number,
    quote: number,
  ): number;
  resultOffset(): number;
  resultLine(): number;
}

/** A read buffer: `capacity` bytes of data, a sentinel, and at least 16 readable bytes past it, with a 32-bit word view. */
export interface BufferRegion {
  buf: Buffer;
  words: Int32Array;
  capacity: number;
}

const PAGE = 65536;
/** Bytes the fast path may read past the data (one 64-byte block). */
const OVERREAD = 80;
const I32_MAX = 0x7fffffff;

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly with SIMD is not available (then the scanner reads alone). */
function fieldsModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(CSV_FIELDS_WASM, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export class FieldArena {
  /** The arena the last finished file gave back: the next file of the same layout reuses its memory. */
  private static idle: FieldArena | undefined;
  /** The read buffer the fast path works on; the scanner takes the fast path only while reading into it. */
  readonly region: BufferRegion;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  readonly positions: Float64Array;
  private readonly exports: FieldsExports;
  private readonly startsAt: number;
  private readonly endsAt: number;
  private readonly flagsAt: number;
  private readonly positionsAt: number;

  private constructor(
    exports: FieldsExports,
    memory: WasmMemory,
    private readonly bufferBytes: number,
    regionBytes: number,
    private readonly cells: number,
    private readonly stride: number,
  ) {
    this.exports = exports;
    const memoryBuffer = memory.buffer;
    // The same size as a RecordBuffer's own allocation: capacity, sentinel, whole words.
    const bufBytes = (Math.floor((bufferBytes + 1) / 4) + 1) * 4;
    this.region = { buf: Buffer.from(memoryBuffer, 0, bufBytes), words: new Int32Array(memoryBuffer, 0, bufBytes / 4), capacity: bufferBytes };
    this.positionsAt = regionBytes;
    this.startsAt = this.positionsAt + stride * 8;
    this.endsAt = this.startsAt + cells * 4;
    this.flagsAt = this.endsAt + cells * 4;
    this.positions = new Float64Array(memoryBuffer, this.positionsAt, stride);
    this.starts = new Int32Array(memoryBuffer, this.startsAt, cells);
    this.ends = new Int32Array(memoryBuffer, this.endsAt, cells);
    this.flags = new Uint8Array(memoryBuffer, this.flagsAt, cells);
  }

  /**
   * An arena for a read buffer of `bufferBytes` and a batch of `cells` fields in rows of `stride`
   * (the last one released, when it has that layout); undefined without WebAssembly. Give it back
   * with release() once nothing reads its buffer or arrays any more.
   */
  static acquire(bufferBytes: number, cells: number, stride: number): FieldArena | undefined {
    const kept = FieldArena.idle;
    if (kept !== undefined && kept.bufferBytes === bufferBytes && kept.cells === cells && kept.stride === stride) {
      FieldArena.idle = undefined;
      return kept;
    }
    const module = fieldsModule();
    if (module === null) return undefined;
    const regionBytes = Math.ceil((bufferBytes + OVERREAD) / 8) * 8;
    const total = regionBytes + stride * 8 + cells * 9;
    const memory = new WebAssembly.Memory({ initial: Math.ceil(total / PAGE) });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    return new FieldArena(instance.exports as unknown as FieldsExports, memory, bufferBytes, regionBytes, cells, stride);
  }

  /**
   * Scans ordinary records of region.buf[p, len) from row `row` on, while rows stay below `maxRow`
   * and records start before `stop` (see wasm/csv-fields.ts). Returns the row count reached;
   * `offset` and `line` then say where it stopped, always at a record's first byte.
   */
  scan(p: number, len: number, line: number, ncols: number, stride: number, row: number, maxRow: number, stop: number, maxRecordBytes: number, delimiter: number, quote: number): number {
    return this.exports.scan(
      0,
      p,
      len,
      line,
      ncols,
      stride,
      row,
      maxRow,
      stop > I32_MAX ? I32_MAX : stop,
      maxRecordBytes > I32_MAX ? I32_MAX : maxRecordBytes,
      this.startsAt,
      this.endsAt,
      this.flagsAt,
      this.positionsAt,
      delimiter,
      quote,
    );
  }

  /** Keeps the arena for the next file read with the same layout (one file after another, as datasets are read). */
  release(): void {
    FieldArena.idle = this;
  }

  get offset(): number {
    return this.exports.resultOffset();
  }

  get line(): number {
    return this.exports.resultLine();
  }
}
