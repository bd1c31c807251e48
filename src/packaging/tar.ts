import { createHash, type Hash } from 'node:crypto';
import { constants as fsConstants, createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/*
 * Deterministic .tar.gz writing and safe, streamed reading.
 *
 * The archive bytes depend only on the entry names, the file contents, the executable flags, the
 * options and the zlib build. Fixed metadata, chosen once:
 * - mtime 315532800 (1980-01-01T00:00:00Z) by default: bundles are often zipped again (workflow
 *   artifacts are), and zip cannot store dates before 1980.
 * - uid/gid 0 with empty uname/gname, as reproducible-builds.org recommends (`--owner=0 --group=0
 *   --numeric-owner`): no user name is claimed, and tar run as root extracts to root.
 * - ustar headers; a PAX 'x' header carries a name that does not fit name/prefix or is not ASCII
 *   (its UTF-8 bytes, as GNU tar and Python write them), and a size of 8 GiB or more.
 * - gzip header without name, mtime 0, OS byte 255 ('unknown') on every platform; zlib writes its
 *   own platform's code there (3 on Linux, 19 on macOS, 10 on Windows), so it is always patched.
 * - compression level 6 by default (zlib's and gzip's default); the benchmark passes 1.
 * The deflate bytes may still change with the zlib build, so the result also gives the sha256 of
 * the uncompressed tar stream, which does not.
 */

export interface TarEntry {
  /** Path inside the archive, POSIX, relative, no '..', no leading '/'. */
  name: string;
  /** Absolute path of the regular file on disk. */
  source: string;
  /** true: mode 0755, else 0644. */
  executable?: boolean;
}

export interface ArchivedFile {
  name: string;
  size: number;
  sha256: string;
}

export interface ArchiveResult {
  /** sha256 of the .tar.gz file (hex). */
  archiveSha256: string;
  archiveBytes: number;
  /** sha256 of the uncompressed tar stream: independent of the zlib version. */
  tarSha256: string;
  /** In archive order. */
  files: ArchivedFile[];
}

export interface ListedEntry {
  /** As stored (PAX path, GNU long name or ustar prefix/name), without a trailing '/'. */
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  /** Bytes of data: 0 for folders and links. */
  size: number;
  /** sha256 (hex) of a regular file's content. */
  sha256?: string;
  mode: number;
  /** Target of a symbolic or hard link. */
  linkName?: string;
}

export const DEFAULT_TAR_MTIME = 315_532_800;
export const DEFAULT_GZIP_LEVEL = 6;

const BLOCK = 512;
/** GNU tar and Python pad archives to records of 20 blocks; doing the same surprises no reader. */
const RECORD = 20 * BLOCK;
const READ_CHUNK = 4 << 20;
const ZLIB_CHUNK = 1 << 20;
const GZIP_OS_UNKNOWN = 255;
const MAX_OCTAL_12 = 8 ** 11 - 1;
const PAX_HEADER_NAME = Buffer.from('././@PaxHeader');
const USTAR_MAGIC = Buffer.from('ustar\u000000', 'latin1');
/** Extended headers are held in memory; a real one is a few hundred bytes. */
const MAX_EXTENDED_HEADER = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Writing

interface PlannedEntry {
  name: string;
  nameBytes: Buffer;
  /** undefined for a folder. */
  source?: string;
  mode: number;
}

/**
 * Writes entries (sorted by the byte order of their UTF-8 names; duplicates refused) as a gzip'd
 * tar to outFile, through `${outFile}.<pid>.tmp` and a rename, so nothing half-written is left on
 * error. Every parent folder gets its own entry (mode 0755), sorted together with the files. Each
 * file is read once: its sha256, the tar stream's and the compressed output's are computed as the
 * bytes pass, while zlib compresses on its thread pool.
 */
export async function writeDeterministicTarGz(
  entries: TarEntry[],
  outFile: string,
  options: { level?: number; mtime?: number } = {},
): Promise<ArchiveResult> {
  const level = options.level ?? DEFAULT_GZIP_LEVEL;
  const mtime = options.mtime ?? DEFAULT_TAR_MTIME;
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new Error(`gzip level must be an integer from 0 to 9, got ${level}`);
  if (!Number.isInteger(mtime) || mtime < 0 || mtime > MAX_OCTAL_12) throw new Error(`tar mtime must be a whole number of seconds from 0 to ${MAX_OCTAL_12}, got ${mtime}`);
  const planned = planEntries(entries);
  for (const entry of planned) {
    if (entry.source === undefined) continue;
    const info = await stat(entry.source).catch((error: unknown) => {
      throw new Error(`archive entry ${entry.name}: cannot read ${entry.source}: ${errorMessage(error)}`);
    });
    if (!info.isFile()) throw new Error(`archive entry ${entry.name}: ${entry.source} is not a regular file`);
  }

  const temporary = `${outFile}.${process.pid}.tmp`;
  const tarHash = createHash('sha256');
  const files: ArchivedFile[] = [];
  const output = new GzipOutputTap();
  try {
    await pipeline(
      Readable.from(tarStream(planned, mtime, tarHash, files), { objectMode: false, highWaterMark: READ_CHUNK }),
      createGzip({ level, chunkSize: ZLIB_CHUNK }),
      output,
      createWriteStream(temporary),
    );
    await rename(temporary, outFile);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return { archiveSha256: output.hash.digest('hex'), archiveBytes: output.bytes, tarSha256: tarHash.digest('hex'), files };
}

function planEntries(entries: TarEntry[]): PlannedEntry[] {
  const files = new Map<string, TarEntry>();
  for (const entry of entries) {
    checkEntryName(entry.name);
    if (files.has(entry.name)) throw new Error(`duplicate archive entry name: ${entry.name}`);
    files.set(entry.name, entry);
  }
  const folders = new Set<string>();
  for (const name of files.keys()) {
    for (let slash = name.indexOf('/'); slash !== -1; slash = name.indexOf('/', slash + 1)) folders.add(name.slice(0, slash));
  }
  const planned: PlannedEntry[] = [];
  for (const folder of folders) {
    if (files.has(folder)) throw new Error(`archive entry name ${folder} is both a file and a folder`);
    planned.push({ name: folder, nameBytes: Buffer.from(folder, 'utf8'), mode: 0o755 });
  }
  for (const entry of files.values()) {
    planned.push({ name: entry.name, nameBytes: Buffer.from(entry.name, 'utf8'), source: entry.source, mode: entry.executable ? 0o755 : 0o644 });
  }
  // A name sorts before every name it is a prefix of, so each folder precedes its content.
  return planned.sort((a, b) => Buffer.compare(a.nameBytes, b.nameBytes));
}

function checkEntryName(name: string): void {
  let problem: string | undefined;
  if (name === '') problem = 'is empty';
  else if (name.startsWith('/')) problem = 'is absolute';
  else if (name.includes('\\')) problem = 'contains a backslash (use /)';
  else if (name.includes('\u0000')) problem = 'contains a NUL character';
  else if (Buffer.from(name, 'utf8').toString('utf8') !== name) problem = 'is not valid Unicode';
  else if (name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) problem = "has an empty, '.' or '..' segment";
  if (problem !== undefined) throw new Error(`archive entry name ${JSON.stringify(name)} ${problem}`);
}

async function* tarStream(planned: PlannedEntry[], mtime: number, tarHash: Hash, files: ArchivedFile[]): AsyncGenerator<Buffer> {
  let written = 0;
  const emit = (bytes: Buffer): Buffer => {
    tarHash.update(bytes);
    written += bytes.length;
    return bytes;
  };
  for (const entry of planned) {
    if (entry.source === undefined) {
      yield emit(entryHeaders(Buffer.concat([entry.nameBytes, Buffer.from('/')]), '5', 0o755, 0, mtime));
      continue;
    }
    const handle = await open(entry.source, 'r');
    try {
      // The size in the header is the one at open time; a file that changes after it is refused.
      const info = await handle.stat();
      if (!info.isFile()) throw new Error(`archive entry ${entry.name}: ${entry.source} is not a regular file`);
      const size = info.size;
      yield emit(entryHeaders(entry.nameBytes, '0', entry.mode, size, mtime));
      const hash = createHash('sha256');
      let read = 0;
      for (;;) {
        // One byte more than expected, so growth shows without a read of a whole empty chunk.
        const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, size - read + 1));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        read += bytesRead;
        if (read > size) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        yield emit(chunk);
      }
      if (read !== size) {
        throw new Error(`archive entry ${entry.name}: ${entry.source} changed size while it was being archived (${size} bytes at open, ${read > size ? 'more' : read} read)`);
      }
      const padding = paddingOf(size);
      if (padding > 0) yield emit(Buffer.alloc(padding));
      files.push({ name: entry.name, size, sha256: hash.digest('hex') });
    } finally {
      await handle.close();
    }
  }
  // Two zero blocks end the archive; the rest of the last record is zeros too.
  const end = written + 2 * BLOCK;
  yield emit(Buffer.alloc(2 * BLOCK + ((RECORD - (end % RECORD)) % RECORD)));
}

function paddingOf(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** The header block(s) of one entry: a PAX header first when ustar cannot hold name or size. */
function entryHeaders(nameBytes: Buffer, typeflag: '0' | '5', mode: number, size: number, mtime: number): Buffer {
  const records: Buffer[] = [];
  let layout = ustarLayout(nameBytes);
  if (layout === undefined) {
    records.push(paxRecord('path', nameBytes));
    layout = { name: truncateUtf8(nameBytes, 100) };
  }
  if (size > MAX_OCTAL_12) records.push(paxRecord('size', Buffer.from(String(size))));
  const header = ustarHeader({ ...layout, mode, size, mtime, typeflag });
  if (records.length === 0) return header;
  const data = Buffer.concat(records);
  const paxHeader = ustarHeader({ name: PAX_HEADER_NAME, mode: 0o644, size: data.length, mtime, typeflag: 'x' });
  return Buffer.concat([paxHeader, data, Buffer.alloc(paddingOf(data.length)), header]);
}

/** name alone, or split at a '/' into prefix (≤ 155 bytes) and name (≤ 100); ASCII only. */
function ustarLayout(nameBytes: Buffer): { name: Buffer; prefix?: Buffer } | undefined {
  if (nameBytes.some((byte) => byte >= 0x80)) return undefined;
  if (nameBytes.length <= 100) return { name: nameBytes };
  const slash = nameBytes.indexOf(0x2f, nameBytes.length - 101);
  if (slash <= 0 || slash > 155 || slash === nameBytes.length - 1) return undefined;
  return { prefix: nameBytes.subarray(0, slash), name: nameBytes.subarray(slash + 1) };
}

function truncateUtf8(bytes: Buffer, limit: number): Buffer {
  if (bytes.length <= limit) return bytes;
  let end = limit;
  while (end > 0 && (bytes.readUInt8(end) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end);
}

/** "<length> <key>=<value>\n", where length counts its own digits. */
function paxRecord(key: string, value: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`, 'utf8'), value, Buffer.from('\n')]);
  let length = body.length + String(body.length).length;
  if (String(length).length + body.length !== length) length = body.length + String(length).length;
  return Buffer.concat([Buffer.from(String(length)), body]);
}

function ustarHeader(fields: { name: Buffer; prefix?: Buffer; mode: number; size: number; mtime: number; typeflag: string }): Buffer {
  const header = Buffer.alloc(BLOCK);
  fields.name.copy(header, 0);
  writeOctal(header, 100, 8, fields.mode);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  if (fields.size > MAX_OCTAL_12) writeBase256(header, 124, 12, fields.size);
  else writeOctal(header, 124, 12, fields.size);
  writeOctal(header, 136, 12, fields.mtime);
  header.write(fields.typeflag, 156, 1, 'latin1');
  USTAR_MAGIC.copy(header, 257);
  writeOctal(header, 329, 8, 0);
  writeOctal(header, 337, 8, 0);
  fields.prefix?.copy(header, 345);
  header.fill(0x20, 148, 156);
  // Six octal digits, NUL, and the space already there.
  writeOctal(header, 148, 7, checksumOf(header));
  return header;
}

function writeOctal(buffer: Buffer, offset: number, width: number, value: number): void {
  buffer.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, width, 'latin1');
}

/** GNU's encoding for numbers too large for octal, which GNU tar, bsdtar and Python read. */
function writeBase256(buffer: Buffer, offset: number, width: number, value: number): void {
  let rest = value;
  for (let i = offset + width - 1; i > offset; i -= 1) {
    buffer.writeUInt8(rest % 256, i);
    rest = Math.floor(rest / 256);
  }
  buffer.writeUInt8(0x80, offset);
}

function checksumOf(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : header.readUInt8(i);
  return sum;
}

/** Patches the gzip OS byte, and hashes and counts the compressed bytes on their way to disk. */
class GzipOutputTap extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.bytes === 0) {
      // FLG 0 means no header CRC over the byte we change, no name and no comment.
      if (chunk.length < 10 || chunk.readUInt16BE(0) !== 0x1f8b || chunk.readUInt8(2) !== 8 || chunk.readUInt8(3) !== 0 || chunk.readUInt32LE(4) !== 0) {
        done(new Error(`zlib wrote an unexpected gzip header: ${chunk.subarray(0, 10).toString('hex')}`));
        return;
      }
      chunk.writeUInt8(GZIP_OS_UNKNOWN, 9);
    }
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

interface EntryHeader {
  entry: ListedEntry;
  typeflag: string;
  mtime: number;
}

/** Where a regular file's data goes while it is hashed; `end` runs once, ok or not. */
interface FileSink {
  write(chunk: Buffer): Promise<void>;
  end(complete: boolean): Promise<void>;
}

/**
 * Reads a .tar.gz (streamed, flat memory), hashing every regular file. Understands ustar prefix,
 * PAX 'path'/'linkpath'/'size' records and GNU 'L'/'K' long names. Throws a descriptive Error for
 * a file that is not gzip, a truncated or corrupt stream, a bad header checksum, or an archive
 * without its end-of-archive blocks.
 */
export async function listTarGz(file: string): Promise<ListedEntry[]> {
  return readTarGz(file, undefined);
}

/**
 * Extracts the regular files and folders of a .tar.gz into dir (created if missing). Refuses,
 * before writing anything for it, an entry with an absolute name or a '..' segment, a symbolic or
 * hard link, a device, FIFO or other special file, and any path through something in dir that is
 * not a real folder (a symlink left there); the Error names the entry. Files get mode 0755 when the
 * archive gives any execute bit, else 0644, and the archive's mtime. Returns what listTarGz would.
 */
export async function extractTarGz(file: string, dir: string): Promise<ListedEntry[]> {
  await mkdir(dir, { recursive: true });
  const root = await realpath(dir);
  return readTarGz(file, async ({ entry, typeflag, mtime }) => {
    const refuse = (why: string): never => {
      throw new Error(`${file}: refusing to extract entry ${JSON.stringify(entry.name)}: ${why}`);
    };
    if (entry.name.startsWith('/')) refuse('absolute path');
    const segments = entry.name.split('/');
    if (segments.includes('..')) refuse("path has a '..' segment");
    if (entry.type === 'symlink') refuse(`symbolic link to ${JSON.stringify(entry.linkName ?? '')}`);
    if (entry.type === 'other') refuse(describeSpecial(typeflag, entry.linkName));
    const parts = segments.filter((segment) => segment !== '' && segment !== '.');
    if (entry.type === 'directory') {
      await ensureFolder(root, parts, refuse);
      return undefined;
    }
    const base = parts.pop();
    if (base === undefined) return refuse('a file named like the target folder itself');
    const target = path.join(await ensureFolder(root, parts, refuse), base);
    const existing = await lstat(target).catch(() => undefined);
    if (existing !== undefined && !existing.isFile()) refuse(`${target} exists and is not a regular file`);
    const mode = (entry.mode & 0o111) !== 0 ? 0o755 : 0o644;
    // O_NOFOLLOW: a symlink put there between the check and the open still cannot be followed.
    const handle = await open(target, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC | fsConstants.O_NOFOLLOW, mode);
    return fileSink(handle, mode, mtime);
  });
}

function describeSpecial(typeflag: string, linkName: string | undefined): string {
  switch (typeflag) {
    case '1':
      return `hard link to ${JSON.stringify(linkName ?? '')}`;
    case '3':
      return 'character device';
    case '4':
      return 'block device';
    case '6':
      return 'FIFO';
    default:
      return `unsupported entry type ${JSON.stringify(typeflag)}`;
  }
}

/** root/parts as real folders (created as needed); a symlink or file on the way is refused. */
async function ensureFolder(root: string, parts: string[], refuse: (why: string) => never): Promise<string> {
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    const info = await lstat(current).catch((error: unknown) => {
      if (isErrnoCode(error, 'ENOENT')) return undefined;
      throw error;
    });
    if (info === undefined) await mkdir(current, { mode: 0o755 }).catch((error: unknown) => {
      if (!isErrnoCode(error, 'EEXIST')) throw error;
    });
    else if (!info.isDirectory()) refuse(`${current} exists and is not a folder`);
  }
  return current;
}

function fileSink(handle: FileHandle, mode: number, mtime: number): FileSink {
  return {
    async write(chunk) {
      for (let offset = 0; offset < chunk.length; ) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
    },
    async end(complete) {
      try {
        if (complete) {
          await handle.chmod(mode);
          await handle.utimes(mtime, mtime);
        }
      } finally {
        await handle.close();
      }
    },
  };
}

async function readTarGz(file: string, onEntry: ((header: EntryHeader) => Promise<FileSink | undefined>) | undefined): Promise<ListedEntry[]> {
  await checkGzipMagic(file);
  let listed: ListedEntry[] = [];
  try {
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), createGunzip({ chunkSize: 1 << 18 }), async (source: AsyncIterable<Buffer>) => {
      listed = await walkTar(file, new TarStreamReader(source[Symbol.asyncIterator](), file), onEntry);
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'Z_BUF_ERROR') throw new Error(`${file}: truncated gzip stream: ${errorMessage(error)}`);
    if (typeof code === 'string' && code.startsWith('Z_')) throw new Error(`${file}: corrupt gzip stream: ${errorMessage(error)}`);
    throw error;
  }
  return listed;
}

async function checkGzipMagic(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    if (bytesRead === 0) throw new Error(`${file}: not a gzip file (it is empty)`);
    if (bytesRead < 2 || head.readUInt16BE(0) !== 0x1f8b) throw new Error(`${file}: not a gzip file (it starts with 0x${head.subarray(0, bytesRead).toString('hex')}, not 0x1f8b)`);
  } finally {
    await handle.close();
  }
}

async function walkTar(file: string, reader: TarStreamReader, onEntry: ((header: EntryHeader) => Promise<FileSink | undefined>) | undefined): Promise<ListedEntry[]> {
  const listed: ListedEntry[] = [];
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  for (;;) {
    const offset = reader.position;
    const block = await reader.read(BLOCK);
    if (block.length < BLOCK) {
      throw new Error(`${file}: truncated tar archive: it ends at byte ${offset + block.length} of the tar stream without the end-of-archive blocks`);
    }
    if (block.every((byte) => byte === 0)) break;
    checkHeaderChecksum(file, block, offset);
    const typeflag = block.readUInt8(156) === 0 ? '0' : String.fromCharCode(block.readUInt8(156));
    let size = readNumber(file, block, 124, 12, 'size', offset);
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      if (size > MAX_EXTENDED_HEADER) throw new Error(`${file}: implausible extended header of ${size} bytes at byte ${offset} of the tar stream`);
      const data = await reader.read(size);
      if (data.length < size) throw new Error(`${file}: truncated tar archive: an extended header at byte ${offset} is cut short`);
      await reader.skip(paddingOf(size), 'extended header padding');
      if (typeflag === 'x') pax = new Map([...pax, ...parsePax(file, data, offset)]);
      else if (typeflag === 'L') longName = cString(data, 0, data.length);
      else if (typeflag === 'K') longLink = cString(data, 0, data.length);
      // 'g' (global PAX records) sets defaults like charset or mtime, which nothing here uses.
      continue;
    }
    const stored = block.subarray(257, 265).equals(USTAR_MAGIC) && block.readUInt8(345) !== 0 ? `${cString(block, 345, 155)}/${cString(block, 0, 100)}` : cString(block, 0, 100);
    const name = pax.get('path') ?? longName ?? stored;
    const linkName = pax.get('linkpath') ?? longLink ?? cString(block, 157, 100);
    const paxSize = pax.get('size');
    if (paxSize !== undefined) {
      if (!/^\d+$/.test(paxSize)) throw new Error(`${file}: bad PAX size ${JSON.stringify(paxSize)} for ${name}`);
      size = Number(paxSize);
    }
    pax = new Map();
    longName = undefined;
    longLink = undefined;

    const type = entryType(typeflag);
    // As Python's tarfile: only regular files and unknown types carry data blocks.
    const hasData = type === 'file' || (type === 'other' && !'1346'.includes(typeflag));
    const entry: ListedEntry = { name: name.length > 1 ? name.replace(/\/+$/, '') || '/' : name, type, size: hasData ? size : 0, mode: readNumber(file, block, 100, 8, 'mode', offset) & 0o7777 };
    if (type === 'symlink' || typeflag === '1') entry.linkName = linkName;
    const mtime = readNumber(file, block, 136, 12, 'mtime', offset);
    const sink = onEntry === undefined ? undefined : await onEntry({ entry, typeflag, mtime });
    if (type === 'file') {
      const hash = createHash('sha256');
      let complete = false;
      try {
        for await (const piece of reader.pieces(size, entry.name)) {
          hash.update(piece);
          if (sink !== undefined) await sink.write(piece);
        }
        complete = true;
      } finally {
        await sink?.end(complete);
      }
      entry.sha256 = hash.digest('hex');
    } else if (hasData) {
      await reader.skip(size, entry.name);
    }
    if (hasData) await reader.skip(paddingOf(size), entry.name);
    listed.push(entry);
  }
  // The rest is record padding; reading it to the end lets gunzip check the CRC and length.
  await reader.drain();
  return listed;
}

function entryType(typeflag: string): ListedEntry['type'] {
  if (typeflag === '0' || typeflag === '7') return 'file';
  if (typeflag === '5') return 'directory';
  if (typeflag === '2') return 'symlink';
  return 'other';
}

function checkHeaderChecksum(file: string, block: Buffer, offset: number): void {
  const stored = readNumber(file, block, 148, 8, 'checksum', offset);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i += 1) {
    const byte = i >= 148 && i < 156 ? 0x20 : block.readUInt8(i);
    unsigned += byte;
    signed += byte >= 0x80 ? byte - 0x100 : byte;
  }
  // Some old writers summed signed chars; readers accept both.
  if (stored !== unsigned && stored !== signed) {
    throw new Error(`${file}: bad tar header checksum at byte ${offset} of the tar stream (stored ${stored}, computed ${unsigned}): not a tar archive, or a corrupt one`);
  }
}

function readNumber(file: string, block: Buffer, offset: number, width: number, field: string, headerOffset: number): number {
  const first = block.readUInt8(offset);
  if (first & 0x80) {
    if (first !== 0x80) throw new Error(`${file}: negative ${field} in the tar header at byte ${headerOffset}`);
    let value = 0;
    for (let i = offset + 1; i < offset + width; i += 1) value = value * 256 + block.readUInt8(i);
    if (!Number.isSafeInteger(value)) throw new Error(`${file}: ${field} too large in the tar header at byte ${headerOffset}`);
    return value;
  }
  const nul = block.indexOf(0, offset);
  const text = block.toString('latin1', offset, nul === -1 || nul > offset + width ? offset + width : nul).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new Error(`${file}: bad ${field} field ${JSON.stringify(text)} in the tar header at byte ${headerOffset}: not a tar archive, or a corrupt one`);
  return parseInt(text, 8);
}

function cString(bytes: Buffer, offset: number, width: number): string {
  const end = bytes.indexOf(0, offset);
  return bytes.toString('utf8', offset, end === -1 || end > offset + width ? offset + width : end);
}

function parsePax(file: string, data: Buffer, offset: number): Map<string, string> {
  const records = new Map<string, string>();
  let position = 0;
  while (position < data.length) {
    if (data.readUInt8(position) === 0) break;
    const space = data.indexOf(0x20, position);
    const length = space === -1 ? NaN : Number(data.toString('latin1', position, space));
    const end = position + length;
    if (!Number.isInteger(length) || length <= 0 || end > data.length || data.readUInt8(end - 1) !== 0x0a) {
      throw new Error(`${file}: malformed PAX extended header at byte ${offset} of the tar stream`);
    }
    const record = data.subarray(space + 1, end - 1);
    const equals = record.indexOf(0x3d);
    if (equals <= 0) throw new Error(`${file}: malformed PAX record in the extended header at byte ${offset} of the tar stream`);
    records.set(record.toString('utf8', 0, equals), record.toString('utf8', equals + 1));
    position = end;
  }
  return records;
}

/** Exact reads over the gunzip output without copying more than a header's worth. */
class TarStreamReader {
  /** Bytes of the tar stream consumed so far. */
  position = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private at = 0;

  constructor(
    private readonly source: AsyncIterator<Buffer>,
    private readonly file: string,
  ) {}

  /** n bytes, or fewer only where the stream ends. */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n && (await this.fill())) {
      const take = Math.min(n - got, this.chunk.length - this.at);
      parts.push(this.chunk.subarray(this.at, this.at + take));
      this.at += take;
      got += take;
    }
    this.position += got;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, got);
  }

  /** Exactly n bytes, in the pieces gunzip produced them in. */
  async *pieces(n: number, what: string): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill())) throw new Error(`${this.file}: truncated tar archive: the data of ${what} ends ${left} bytes early`);
      const take = Math.min(left, this.chunk.length - this.at);
      const piece = this.chunk.subarray(this.at, this.at + take);
      this.at += take;
      this.position += take;
      left -= take;
      yield piece;
    }
  }

  async skip(n: number, what: string): Promise<void> {
    for await (const _piece of this.pieces(n, what));
  }

  async drain(): Promise<void> {
    this.at = this.chunk.length;
    while (!(await this.source.next()).done);
  }

  private async fill(): Promise<boolean> {
    while (this.at >= this.chunk.length) {
      const next = await this.source.next();
      if (next.done) return false;
      this.chunk = next.value;
      this.at = 0;
    }
    return true;
  }
}

function isErrnoCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
