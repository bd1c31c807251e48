import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTarGz, listTarGz, writeDeterministicTarGz, type ArchiveResult, type TarEntry } from '../../src/packaging/tar.js';
import { makeTempDir } from '../support/tmp.js';

const tmp = makeTempDir('package-tar-');
afterAll(() => tmp.remove());

/** UTF-8 names printed as they are, dates in UTC, whatever the machine's locale. */
const ENV = { ...process.env, LC_ALL: 'C.UTF-8', TZ: 'UTC', PYTHONUTF8: '1' };
const PYTHON = '/usr/bin/python3';
const DAY_1980 = 315_532_800;

function run(command: string, args: string[], options: { cwd?: string } = {}): string {
  return execFileSync(command, args, { env: ENV, encoding: 'utf8', maxBuffer: 1 << 26, ...options });
}

function shell(script: string): string {
  return run('/bin/sh', ['-c', script]);
}

function sha256sum(file: string): string {
  return run('sha256sum', ['-b', file]).split(' ')[0]!;
}

let counter = 0;
function freshDir(label: string): string {
  counter += 1;
  const dir = path.join(tmp.root, `${label}-${counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes files under a fresh folder; returns entries pointing at them. */
function sourceTree(files: Record<string, string | Buffer>, executable: string[] = []): { dir: string; entries: TarEntry[] } {
  const dir = freshDir('src');
  const entries = Object.entries(files).map(([name, content]) => {
    const source = path.join(dir, name);
    mkdirSync(path.dirname(source), { recursive: true });
    writeFileSync(source, content);
    return { name, source, executable: executable.includes(name) };
  });
  return { dir, entries };
}

interface PythonMember {
  name: string;
  size: number;
  mtime: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mode: number;
  type: string;
  linkname: string;
}

const PYTHON_LIST = `
import json, sys, tarfile
with tarfile.open(sys.argv[1], 'r:gz') as archive:
    members = archive.getmembers()
    digests = {}
    for m in members:
        if m.isfile():
            import hashlib
            digests[m.name] = hashlib.sha256(archive.extractfile(m).read()).hexdigest()
print(json.dumps({'members': [dict(name=m.name, size=m.size, mtime=m.mtime, uid=m.uid, gid=m.gid, uname=m.uname,
    gname=m.gname, mode=m.mode, type=m.type.decode('latin1'), linkname=m.linkname) for m in members], 'sha256': digests}))
`;

function pythonList(archive: string): { members: PythonMember[]; sha256: Record<string, string> } {
  return JSON.parse(run(PYTHON, ['-c', PYTHON_LIST, archive])) as { members: PythonMember[]; sha256: Record<string, string> };
}

interface GnuListing {
  mode: string;
  owner: string;
  size: number;
  date: string;
  name: string;
}

function gnuList(archive: string): GnuListing[] {
  const out = run('tar', ['--quoting-style=literal', '-tvzf', archive]);
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^(\S+) (\S+)\s+(\d+) (\d{4}-\d\d-\d\d \d\d:\d\d) (.*)$/.exec(line);
      if (!match) throw new Error(`unexpected tar -tv line: ${line}`);
      return { mode: match[1]!, owner: match[2]!, size: Number(match[3]), date: match[4]!, name: match[5]! };
    });
}

describe('writeDeterministicTarGz', () => {
  const big = randomBytes(20_000_000);
  let entries: TarEntry[] = [];
  let archive = '';
  let result: ArchiveResult;
  beforeAll(async () => {
    entries = sourceTree(
      {
        'model/weights.bin': big,
        'model/config.json': '{"layers": 4}\n',
        'model/empty.txt': '',
        'model/blocks.bin': randomBytes(3 * 512),
        'bin/run.sh': '#!/bin/sh\necho ok\n',
        'README.md': '# model\n',
      },
      ['bin/run.sh'],
    ).entries;
    archive = path.join(freshDir('out'), 'model.tar.gz');
    result = await writeDeterministicTarGz(entries, archive);
  });

  it('writes a gzip whose sha256, length and content sha256sum, gzip -t and gzip -dc confirm', async () => {
    expect(result.archiveSha256).toBe(sha256sum(archive));
    expect(result.archiveBytes).toBe(statSync(archive).size);
    expect(() => run('gzip', ['-t', archive])).not.toThrow();
    expect(shell(`gzip -dc '${archive}' | sha256sum`).split(' ')[0]).toBe(result.tarSha256);
    // The uncompressed tar is a whole number of 10 KiB records, as GNU tar writes it.
    expect(Number(shell(`gzip -dc '${archive}' | wc -c`)) % 10240).toBe(0);
    const header = readFileSync(archive).subarray(0, 10);
    expect(header.readUInt8(3)).toBe(0); // no name, no comment, no header CRC
    expect(header.readUInt32LE(4)).toBe(0); // no mtime
    expect(header.readUInt8(9)).toBe(255); // OS unknown
    expect(readdirSync(path.dirname(archive))).toEqual(['model.tar.gz']);
  });

  it('reports every file in byte order of names with the size and sha256 that sha256sum finds', async () => {
    const expected = entries
      .map((e) => ({ name: e.name, size: statSync(e.source).size, sha256: sha256sum(e.source) }))
      .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
    expect(result.files).toEqual(expected);
    expect(result.files.find((f) => f.name === 'model/empty.txt')?.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('is listed by GNU tar with folders, fixed modes, owner 0/0 and the 1980 mtime', async () => {
    expect(gnuList(archive)).toEqual([
      { mode: '-rw-r--r--', owner: '0/0', size: 8, date: '1980-01-01 00:00', name: 'README.md' },
      { mode: 'drwxr-xr-x', owner: '0/0', size: 0, date: '1980-01-01 00:00', name: 'bin/' },
      { mode: '-rwxr-xr-x', owner: '0/0', size: 18, date: '1980-01-01 00:00', name: 'bin/run.sh' },
      { mode: 'drwxr-xr-x', owner: '0/0', size: 0, date: '1980-01-01 00:00', name: 'model/' },
      { mode: '-rw-r--r--', owner: '0/0', size: 1536, date: '1980-01-01 00:00', name: 'model/blocks.bin' },
      { mode: '-rw-r--r--', owner: '0/0', size: 14, date: '1980-01-01 00:00', name: 'model/config.json' },
      { mode: '-rw-r--r--', owner: '0/0', size: 0, date: '1980-01-01 00:00', name: 'model/empty.txt' },
      { mode: '-rw-r--r--', owner: '0/0', size: 20_000_000, date: '1980-01-01 00:00', name: 'model/weights.bin' },
    ]);
  });

  it('is extracted by GNU tar to the same bytes and modes', async () => {
    const out = freshDir('gnu-x');
    run('tar', ['-xzf', archive, '-C', out]);
    for (const entry of entries) {
      const extracted = path.join(out, entry.name);
      expect(sha256sum(extracted), entry.name).toBe(sha256sum(entry.source));
      expect(statSync(extracted).mode & 0o777, entry.name).toBe(entry.executable ? 0o755 : 0o644);
      expect(statSync(extracted).mtimeMs / 1000).toBe(DAY_1980);
    }
  });

  it('is read by python tarfile as ustar entries with uid/gid 0, empty owner names and the fixed mtime', async () => {
    const { members, sha256 } = pythonList(archive);
    expect(members.map((m) => [m.name, m.type, m.size, m.mode])).toEqual([
      ['README.md', '0', 8, 0o644],
      ['bin', '5', 0, 0o755],
      ['bin/run.sh', '0', 18, 0o755],
      ['model', '5', 0, 0o755],
      ['model/blocks.bin', '0', 1536, 0o644],
      ['model/config.json', '0', 14, 0o644],
      ['model/empty.txt', '0', 0, 0o644],
      ['model/weights.bin', '0', 20_000_000, 0o644],
    ]);
    for (const m of members) expect([m.mtime, m.uid, m.gid, m.uname, m.gname]).toEqual([DAY_1980, 0, 0, '', '']);
    expect(sha256['model/weights.bin']).toBe(createHash('sha256').update(big).digest('hex'));
  });

  it('gives the same bytes for the same content in other folders, with other disk metadata, later, in any order', async () => {
    const files = { 'b/2.bin': randomBytes(70_000), 'a.txt': 'alpha\n', 'B.txt': 'upper\n', 'é.txt': 'accent\n', 'b/1/x.sh': '#!/bin/sh\n', 'z/deep/er/file.bin': randomBytes(4096) };
    const first = sourceTree(files, ['b/1/x.sh']);
    const second = sourceTree(files, ['b/1/x.sh']);
    for (const entry of first.entries) {
      utimesSync(entry.source, 1_000_000_000, 1_000_000_000);
      chmodSync(entry.source, 0o600);
    }
    for (const entry of second.entries) {
      utimesSync(entry.source, 1_700_000_000, 1_700_000_000);
      chmodSync(entry.source, 0o775);
      if (process.getuid?.() === 0) chownSync(entry.source, 4242, 4343);
    }
    const one = await writeDeterministicTarGz(first.entries, path.join(freshDir('det'), 'a.tar.gz'));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const twoFile = path.join(freshDir('det'), 'b.tar.gz');
    const two = await writeDeterministicTarGz([...second.entries].reverse(), twoFile);
    expect(two.archiveSha256).toBe(one.archiveSha256);
    expect(two.tarSha256).toBe(one.tarSha256);
    expect(two.files).toEqual(one.files);
    // Byte order of UTF-8 names: upper case before lower case, 'é' (0xc3) after 'z'.
    expect(gnuList(twoFile).map((l) => l.name)).toEqual(['B.txt', 'a.txt', 'b/', 'b/1/', 'b/1/x.sh', 'b/2.bin', 'z/', 'z/deep/', 'z/deep/er/', 'z/deep/er/file.bin', 'é.txt']);
  });

  it('keeps the tar stream when only the compression level changes, and honours mtime', async () => {
    const { entries: some } = sourceTree({ 'w.bin': Buffer.alloc(200_000, 7), 'n.txt': 'n\n' });
    const six = await writeDeterministicTarGz(some, path.join(freshDir('lvl'), 'six.tar.gz'));
    const one = await writeDeterministicTarGz(some, path.join(freshDir('lvl'), 'one.tar.gz'), { level: 1 });
    expect(one.tarSha256).toBe(six.tarSha256);
    expect(one.archiveSha256).not.toBe(six.archiveSha256);
    const epochFile = path.join(freshDir('lvl'), 'epoch.tar.gz');
    await writeDeterministicTarGz(some, epochFile, { mtime: 0 });
    expect(pythonList(epochFile).members.map((m) => m.mtime)).toEqual([0, 0]);
    await expect(writeDeterministicTarGz(some, epochFile, { level: 10 })).rejects.toThrow(/level/);
  });

  it('round-trips long and non-ASCII names through GNU tar and python tarfile', async () => {
    const segment = (c: string, n: number) => c.repeat(n);
    const names = [
      `${segment('p', 80)}/${segment('f', 60)}.bin`, // > 100 bytes: ustar prefix/name
      `${segment('n', 150)}.bin`, // one segment > 100 bytes: PAX path
      `${Array.from({ length: 12 }, (_, i) => `${segment(String.fromCharCode(97 + i), 20)}`).join('/')}/weights.bin`, // > 255 bytes
      'modèles/π-ß-日本語.bin',
      `${segment('ü', 60)}/${segment('ö', 60)}.txt`,
    ];
    expect(names[2]!.length).toBeGreaterThan(255);
    const tree = sourceTree(Object.fromEntries(names.map((name, i) => [name, `content ${i}\n`])));
    const file = path.join(freshDir('long'), 'long.tar.gz');
    await writeDeterministicTarGz(tree.entries, file);

    const gnuFiles = gnuList(file).filter((l) => !l.name.endsWith('/')).map((l) => l.name);
    expect(new Set(gnuFiles)).toEqual(new Set(names));
    const out = freshDir('long-x');
    run('tar', ['-xzf', file, '-C', out]);
    for (const entry of tree.entries) expect(readFileSync(path.join(out, entry.name), 'utf8')).toBe(readFileSync(entry.source, 'utf8'));

    const python = pythonList(file);
    expect(new Set(python.members.filter((m) => m.type === '0').map((m) => m.name))).toEqual(new Set(names));
    for (const entry of tree.entries) expect(python.sha256[entry.name]).toBe(sha256sum(entry.source));

    const listed = await listTarGz(file);
    expect(new Set(listed.filter((e) => e.type === 'file').map((e) => e.name))).toEqual(new Set(names));
    expect(listed.filter((e) => e.type === 'directory').map((e) => e.name)).toContain('modèles');
  });

  it('writes a valid empty archive for no entries', async () => {
    const file = path.join(freshDir('empty'), 'empty.tar.gz');
    const result = await writeDeterministicTarGz([], file);
    expect(result.files).toEqual([]);
    expect(run('tar', ['-tzf', file])).toBe('');
    expect(pythonList(file).members).toEqual([]);
    expect(await listTarGz(file)).toEqual([]);
    expect(shell(`gzip -dc '${file}' | wc -c`).trim()).toBe('10240');
  });

  it('refuses bad names, duplicates, a file that is also a folder, and a source that is not a file', async () => {
    const { entries: one } = sourceTree({ 'a.txt': 'a' });
    const source = one[0]!.source;
    const out = path.join(freshDir('bad'), 'bad.tar.gz');
    for (const name of ['../up.txt', '/abs.txt', 'a//b.txt', './a.txt', 'dir/', '', 'a\\b.txt']) {
      await expect(writeDeterministicTarGz([{ name, source }], out), name).rejects.toThrow(/archive entry name/);
    }
    await expect(writeDeterministicTarGz([{ name: 'x', source }, { name: 'x', source }], out)).rejects.toThrow(/duplicate archive entry name: x/);
    await expect(writeDeterministicTarGz([{ name: 'x', source }, { name: 'x/y', source }], out)).rejects.toThrow(/x is both a file and a folder/);
    await expect(writeDeterministicTarGz([{ name: 'd', source: path.dirname(source) }], out)).rejects.toThrow(/archive entry d: .* is not a regular file/);
    await expect(writeDeterministicTarGz([{ name: 'gone', source: `${source}.missing` }], out)).rejects.toThrow(/archive entry gone: cannot read/);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it('refuses a file whose size changes while it is read, and leaves nothing behind', async () => {
    // /proc files stat as 0 bytes but read as more: the same as a file growing after the stat.
    const out = path.join(freshDir('grow'), 'grow.tar.gz');
    await expect(writeDeterministicTarGz([{ name: 'status', source: '/proc/self/status' }], out)).rejects.toThrow(/archive entry status: \/proc\/self\/status changed size/);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });
});

describe('listTarGz', () => {
  it('lists its own archives with sizes, modes and sha256 of every file', async () => {
    const tree = sourceTree({ 'm/w.bin': randomBytes(5000), 'run': 'x' }, ['run']);
    const file = path.join(freshDir('own'), 'own.tar.gz');
    await writeDeterministicTarGz(tree.entries, file);
    expect(await listTarGz(file)).toEqual([
      { name: 'm', type: 'directory', size: 0, mode: 0o755 },
      { name: 'm/w.bin', type: 'file', size: 5000, mode: 0o644, sha256: sha256sum(tree.entries[0]!.source) },
      { name: 'run', type: 'file', size: 1, mode: 0o755, sha256: sha256sum(tree.entries[1]!.source) },
    ]);
  });

  for (const format of ['gnu', 'pax'] as const) {
    it(`reads GNU tar --format=${format} with a long name and a symlink`, async () => {
      const longName = `${'d'.repeat(120)}/${'f'.repeat(110)}.bin`;
      const tree = sourceTree({ [longName]: randomBytes(3000), 'small.txt': 'small\n' });
      symlinkSync('small.txt', path.join(tree.dir, 'link'));
      const file = path.join(freshDir(format), `${format}.tar.gz`);
      run('tar', [`--format=${format}`, '-czf', file, '-C', tree.dir, 'small.txt', 'link', longName.split('/')[0]!]);
      const listed = await listTarGz(file);
      expect(listed).toEqual([
        { name: 'small.txt', type: 'file', size: 6, mode: 0o644, sha256: sha256sum(path.join(tree.dir, 'small.txt')) },
        { name: 'link', type: 'symlink', size: 0, mode: 0o777, linkName: 'small.txt' },
        { name: 'd'.repeat(120), type: 'directory', size: 0, mode: statSync(path.join(tree.dir, 'd'.repeat(120))).mode & 0o7777 },
        { name: longName, type: 'file', size: 3000, mode: 0o644, sha256: sha256sum(path.join(tree.dir, longName)) },
      ]);
    });
  }

  it('says so for a file that is not gzip, an empty file, a truncated archive and a bad header', async () => {
    const dir = freshDir('corrupt');
    const tree = sourceTree({ 'w.bin': randomBytes(300_000) });
    const good = path.join(dir, 'good.tar.gz');
    await writeDeterministicTarGz(tree.entries, good);
    const bytes = readFileSync(good);

    const text = path.join(dir, 'text.tar.gz');
    writeFileSync(text, 'just some text\n');
    await expect(listTarGz(text)).rejects.toThrow(/text\.tar\.gz: not a gzip file/);
    const empty = path.join(dir, 'empty.tar.gz');
    writeFileSync(empty, '');
    await expect(listTarGz(empty)).rejects.toThrow(/not a gzip file \(it is empty\)/);

    const truncated = path.join(dir, 'truncated.tar.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(listTarGz(truncated)).rejects.toThrow(/truncated\.tar\.gz: truncated/);

    const tar = gunzipSync(bytes);
    const noEnd = path.join(dir, 'no-end.tar.gz');
    writeFileSync(noEnd, gzipSync(tar.subarray(0, 512 + 200_000)));
    await expect(listTarGz(noEnd)).rejects.toThrow(/truncated tar archive: the data of w\.bin ends/);
    const headerOnly = path.join(dir, 'header-only.tar.gz');
    writeFileSync(headerOnly, gzipSync(tar.subarray(0, 512 + 300_032)));
    await expect(listTarGz(headerOnly)).rejects.toThrow(/without the end-of-archive blocks/);

    const badSum = Buffer.from(tar);
    badSum.writeUInt8(0x41, 0); // 'w' → 'A' in the first name
    const badFile = path.join(dir, 'bad-sum.tar.gz');
    writeFileSync(badFile, gzipSync(badSum));
    await expect(listTarGz(badFile)).rejects.toThrow(/bad tar header checksum at byte 0/);

    const crc = Buffer.from(bytes);
    crc.writeUInt8(crc.readUInt8(crc.length - 8) ^ 0xff, crc.length - 8);
    const crcFile = path.join(dir, 'crc.tar.gz');
    writeFileSync(crcFile, crc);
    await expect(listTarGz(crcFile)).rejects.toThrow(/crc\.tar\.gz: corrupt gzip stream/);
  });
});

describe('extractTarGz', () => {
  it('extracts files and folders with the bytes, modes and mtime of the archive', async () => {
    const tree = sourceTree({ 'model/w.bin': randomBytes(1_000_000), 'model/sub/e.txt': '', 'run.sh': '#!/bin/sh\n' }, ['run.sh']);
    const file = path.join(freshDir('x'), 'x.tar.gz');
    await writeDeterministicTarGz(tree.entries, file);
    const out = path.join(freshDir('x-out'), 'new', 'target');
    const listed = await extractTarGz(file, out);
    expect(listed).toEqual(await listTarGz(file));
    for (const entry of tree.entries) {
      const extracted = path.join(out, entry.name);
      expect(sha256sum(extracted)).toBe(sha256sum(entry.source));
      expect(statSync(extracted).mode & 0o777).toBe(entry.executable ? 0o755 : 0o644);
      expect(statSync(extracted).mtimeMs / 1000).toBe(DAY_1980);
    }
    expect(readdirSync(out).sort()).toEqual(['model', 'run.sh']);
  });

  const PYTHON_EVIL = `
import io, sys, tarfile
out, kind, target = sys.argv[1], sys.argv[2], sys.argv[3]
def entry(name, data=b'', **fields):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    for key, value in fields.items():
        setattr(info, key, value)
    archive.addfile(info, io.BytesIO(data))
with tarfile.open(out, 'w:gz', format=tarfile.PAX_FORMAT) as archive:
    entry('ok.txt', b'fine')
    if kind == 'file':
        entry(target, b'evil')
    elif kind == 'symlink':
        entry('link', type=tarfile.SYMTYPE, linkname=target)
        entry('link/evil.txt', b'evil')
    elif kind == 'hardlink':
        entry('hard', type=tarfile.LNKTYPE, linkname=target)
    elif kind == 'device':
        entry('null', type=tarfile.CHRTYPE, devmajor=1, devminor=3)
`;

  /** name ABSOLUTE stands for a path in the folder beside the target; OUTSIDE for that folder. */
  const cases = [
    { label: "'../evil.txt'", kind: 'file', name: '../evil.txt', why: /'\.\.' segment/ },
    { label: "'sub/../../evil.txt'", kind: 'file', name: 'sub/../../evil.txt', why: /'\.\.' segment/ },
    { label: 'an absolute name', kind: 'file', name: 'ABSOLUTE', why: /absolute path/ },
    { label: 'a symlink', kind: 'symlink', name: 'link', why: /symbolic link to/ },
    { label: 'a hard link', kind: 'hardlink', name: 'hard', why: /hard link to/ },
    { label: 'a device file', kind: 'device', name: 'null', why: /character device/ },
  ];
  for (const { label, kind, name, why } of cases) {
    it(`refuses ${label} in an archive made by python tarfile, writing nothing outside the folder`, async () => {
      const base = freshDir('evil');
      const outside = path.join(base, 'outside');
      mkdirSync(outside);
      const absolute = path.join(outside, 'evil.txt');
      const archive = path.join(base, 'evil.tar.gz');
      const entryName = name === 'ABSOLUTE' ? absolute : name;
      run(PYTHON, ['-c', PYTHON_EVIL, archive, kind, kind === 'file' ? entryName : outside]);
      expect(run('tar', ['-tzf', archive, '--quoting-style=literal']).split('\n')).toContain(entryName);

      const target = path.join(base, 'target');
      const error = await extractTarGz(archive, target).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toContain(`refusing to extract entry ${JSON.stringify(entryName)}`);
      expect(error?.message).toMatch(why);
      expect(readdirSync(base).sort()).toEqual(['evil.tar.gz', 'outside', 'target']);
      expect(readdirSync(outside)).toEqual([]);
      expect(readdirSync(target)).toEqual(['ok.txt']);
      expect(existsSync(path.join(base, 'evil.txt'))).toBe(false);
    });
  }

  it('refuses to write through a symlink already in the target folder', async () => {
    const base = freshDir('pre-link');
    const outside = path.join(base, 'outside');
    mkdirSync(outside);
    const target = path.join(base, 'target');
    mkdirSync(target);
    symlinkSync(outside, path.join(target, 'model'));
    const tree = sourceTree({ 'model/w.bin': 'weights' });
    const archive = path.join(base, 'a.tar.gz');
    await writeDeterministicTarGz(tree.entries, archive);
    await expect(extractTarGz(archive, target)).rejects.toThrow(/refusing to extract entry "model": .* exists and is not a folder/);
    expect(readdirSync(outside)).toEqual([]);
  });
});
