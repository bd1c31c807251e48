import { open } from 'node:fs/promises';

/**
 * What a packaged model file is, and whether loading it runs code. Judged on the file's first bytes
 * as well as its name: a pickle renamed `model.onnx` is still a pickle, and the magic bytes of the
 * formats that run code on load are checked before any extension is trusted.
 */
export const MODEL_FORMATS = ['pickle', 'joblib', 'onnx', 'savedmodel', 'safetensors', 'pytorch', 'xgboost', 'lightgbm', 'keras', 'unknown'] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];

export interface DetectedFormat {
  format: ModelFormat;
  runsCodeOnLoad: boolean;
  note?: string;
}

/** How many leading bytes of a file detectFormat wants to see. */
export const FORMAT_HEAD_BYTES = 4096;

export const RUNS_CODE_NOTE = 'loading runs code: only load packages you trust';

const PICKLE_EXTENSIONS = ['.pkl', '.pickle', '.dill', '.cloudpickle'];
const PYTORCH_EXTENSIONS = ['.pt', '.pth', '.bin', '.ckpt'];
/** joblib.dump picks its compressor from the extension: `model.pkl.z`, `model.joblib.gz`, ... */
const JOBLIB_COMPRESSED = /\.(pkl|pickle|joblib)\.(z|gz|bz2|xz|lzma|lz4)$/;

const COMPRESSION_MAGIC: Array<{ name: string; bytes: number[] }> = [
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'bz2', bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'lzma', bytes: [0x5d, 0x00, 0x00] },
  { name: 'lz4', bytes: [0x04, 0x22, 0x4d, 0x18] },
  // joblib's own zlib container, then a bare zlib stream (0x78 then a level byte).
  { name: 'zlib', bytes: [0x5a, 0x46] },
  { name: 'zlib', bytes: [0x78, 0x01] },
  { name: 'zlib', bytes: [0x78, 0x5e] },
  { name: 'zlib', bytes: [0x78, 0x9c] },
  { name: 'zlib', bytes: [0x78, 0xda] },
];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The format of one packaged model entry. `relativePath` is its path (POSIX), `head` its first
 * bytes (FORMAT_HEAD_BYTES is enough; empty for a folder). `listing` is, for a folder, the paths
 * below it, and for a zip file the names of its entries when the caller read them (readZipEntryNames);
 * without it the entries whose local headers lie within `head` are used.
 */
export function detectFormat(relativePath: string, head: Buffer, isDirectory: boolean, listing?: string[]): DetectedFormat {
  const name = relativePath.split('/').pop()!.toLowerCase();
  if (isDirectory) return detectFolder(listing ?? []);
  const ext = extensionOf(name);

  if (isPickle(head)) {
    if (PYTORCH_EXTENSIONS.includes(ext)) return pytorch('the legacy (pre-1.6) torch.save format, a plain pickle');
    const joblib = name.endsWith('.joblib') || head.includes('joblib.numpy_pickle');
    if (joblib) return { format: 'joblib', runsCodeOnLoad: true, note: `pickle protocol ${head[1]!}; ${RUNS_CODE_NOTE}` };
    return { format: 'pickle', runsCodeOnLoad: true, note: `pickle protocol ${head[1]!}; ${RUNS_CODE_NOTE}` };
  }

  if (startsWith(head, ZIP_MAGIC)) return detectZip(ext, listing ?? zipEntryNamesInHead(head));

  const compression = COMPRESSION_MAGIC.find((c) => startsWith(head, c.bytes));
  if (compression && (ext === '.joblib' || JOBLIB_COMPRESSED.test(name))) {
    return { format: 'joblib', runsCodeOnLoad: true, note: `${compression.name}-compressed pickle (joblib); ${RUNS_CODE_NOTE}` };
  }
  if (ext === '.joblib' || JOBLIB_COMPRESSED.test(name)) return { format: 'joblib', runsCodeOnLoad: true, note: `named as a joblib file, header not recognized; ${RUNS_CODE_NOTE}` };
  if (PICKLE_EXTENSIONS.includes(ext)) {
    // Protocols 0 and 1 have no magic; the name is all there is, and loading one still runs code.
    return { format: 'pickle', runsCodeOnLoad: true, note: `no pickle protocol 2+ header (protocol 0/1 or not a pickle); ${RUNS_CODE_NOTE}` };
  }

  const safetensors = safetensorsHeader(head);
  if (safetensors) return { format: 'safetensors', runsCodeOnLoad: false, ...(safetensors.tensors !== undefined ? { note: `${safetensors.tensors} tensor${safetensors.tensors === 1 ? '' : 's'}` } : {}) };
  if (ext === '.safetensors') return { format: 'unknown', runsCodeOnLoad: false, note: 'named .safetensors but has no safetensors header' };

  if (ext === '.onnx') {
    // A ModelProto opens with a protobuf tag: field 1 (ir_version) as a varint in every exporter's output.
    return head.length === 0 || head[0] === 0x08
      ? { format: 'onnx', runsCodeOnLoad: false, note: 'custom operators need their libraries registered at load' }
      : { format: 'unknown', runsCodeOnLoad: false, note: 'named .onnx but does not start like an ONNX protobuf' };
  }

  if (name === 'saved_model.pb') return savedModel('the graph of a SavedModel folder');

  const text = head.toString('latin1');
  if (/^tree\r?\nversion=v\d/.test(text)) return { format: 'lightgbm', runsCodeOnLoad: false, note: 'LightGBM text model' };
  if (/^booster\[0\]:?/.test(text)) return { format: 'xgboost', runsCodeOnLoad: false, note: 'XGBoost text dump: for reading, not for loading back' };
  if (ext === '.json' && /^\s*\{\s*"learner"\s*:/.test(text)) return { format: 'xgboost', runsCodeOnLoad: false, note: 'XGBoost JSON model' };
  if (ext === '.ubj' && head[0] === 0x7b && head.subarray(0, 64).includes('learner')) return { format: 'xgboost', runsCodeOnLoad: false, note: 'XGBoost UBJSON model' };

  if (startsWith(head, HDF5_MAGIC)) {
    return head.includes('keras')
      ? { format: 'keras', runsCodeOnLoad: false, note: 'legacy Keras HDF5: Lambda layers hold Python code that runs when loaded' }
      : { format: 'unknown', runsCodeOnLoad: false, note: 'HDF5 file' };
  }
  return { format: 'unknown', runsCodeOnLoad: false, note: 'format not recognized: check how it is loaded' };
}

function detectFolder(listing: string[]): DetectedFormat {
  const entries = new Set(listing.map((p) => p.replace(/^\.\//, '')));
  if (entries.has('saved_model.pb')) {
    return entries.has('keras_metadata.pb') ? savedModel('a Keras model saved as a SavedModel') : savedModel();
  }
  return { format: 'unknown', runsCodeOnLoad: false };
}

function detectZip(ext: string, entries: string[]): DetectedFormat {
  if (entries.some((e) => /(^|\/)data\.pkl$/.test(e))) return pytorch('a torch.save zip archive');
  const isKeras = ext === '.keras' || (entries.includes('config.json') && entries.includes('metadata.json') && entries.some((e) => e.startsWith('model.weights')));
  if (isKeras) return { format: 'keras', runsCodeOnLoad: false, note: 'Keras archive: Lambda layers run code when loaded with safe_mode=False' };
  const pickled = entries.filter((e) => /\.(pkl|pickle|joblib)$/i.test(e));
  if (pickled.length > 0) return { format: 'unknown', runsCodeOnLoad: true, note: `zip archive holding ${pickled[0]}${pickled.length > 1 ? ` and ${pickled.length - 1} more pickles` : ''}: ${RUNS_CODE_NOTE}` };
  return { format: 'unknown', runsCodeOnLoad: false, note: 'zip archive' };
}

function pytorch(what: string): DetectedFormat {
  return { format: 'pytorch', runsCodeOnLoad: true, note: `${what} holding a pickle; ${RUNS_CODE_NOTE} (torch.load with weights_only=True does not run it)` };
}

function savedModel(what?: string): DetectedFormat {
  return { format: 'savedmodel', runsCodeOnLoad: false, note: `${what ? `${what}; ` : ''}custom ops must be registered to load it` };
}

/** Pickle protocol 2 and later: the PROTO opcode, then the protocol number. */
function isPickle(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x80 && head[1]! >= 2 && head[1]! <= 5;
}

/** A safetensors file: the header's length (u64, little-endian), then the header, a JSON object. */
function safetensorsHeader(head: Buffer): { tensors?: number } | undefined {
  if (head.length < 9 || head[8] !== 0x7b) return undefined;
  const length = head.readBigUInt64LE(0);
  if (length < 2n || length > 100_000_000n) return undefined;
  const end = 8 + Number(length);
  if (end > head.length) return {};
  try {
    const header = JSON.parse(head.subarray(8, end).toString('utf8')) as unknown;
    if (header === null || typeof header !== 'object' || Array.isArray(header)) return undefined;
    return { tensors: Object.keys(header).filter((k) => k !== '__metadata__').length };
  } catch {
    return undefined;
  }
}

/** Names of the zip entries whose local headers are wholly inside `head`, in order. */
export function zipEntryNamesInHead(head: Buffer): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= head.length && head.readUInt32LE(at) === 0x04034b50) {
    const flags = head.readUInt16LE(at + 6);
    const compressedSize = head.readUInt32LE(at + 18);
    const nameLength = head.readUInt16LE(at + 26);
    const extraLength = head.readUInt16LE(at + 28);
    if (at + 30 + nameLength > head.length) break;
    names.push(head.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
    // With a data descriptor (flag bit 3) or zip64 sizes, the local header does not say where the next entry starts.
    if ((flags & 0x08) !== 0 || compressedSize === 0xffffffff) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

/**
 * Names of all entries of a zip file, from its central directory (zip64 included). For archives
 * whose first entries do not tell what they are (a `.keras` file, a torch archive written by
 * another tool).
 */
export async function readZipEntryNames(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff + 20);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
      const record = Buffer.alloc(56);
      await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(eocd - 20 + 8)));
      if (record.readUInt32LE(0) !== 0x06064b50) throw new Error('broken zip64 end of central directory');
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    const directory = Buffer.alloc(cdSize);
    await handle.read(directory, 0, cdSize, cdOffset);
    const names: string[] = [];
    let at = 0;
    for (let i = 0; i < count && at + 46 <= directory.length; i++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) throw new Error('broken zip central directory');
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      names.push(directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await handle.close();
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

function startsWith(head: Buffer, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}
