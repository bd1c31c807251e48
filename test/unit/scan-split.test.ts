import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SplitControl, TAIL_SHARE, claimTail } from '../../src/data/readers/csv-split.js';
import { scanDataset, scanTailOf, type ScanOptions, type ScanState, type TailScan } from '../../src/data/scan.js';
import { dataSchemaSchema } from '../../src/data/schema.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * One CSV file read in two parts (the head from the start, a helper from a record boundary it
 * claims: readers/csv-split.ts) against the same file read by one reader: the same checks,
 * findings and profile, with the helper's lines moved on, its `unique` values checked by the head.
 */
const tmp = makeTempDir('mlops-split-');
afterAll(() => tmp.remove());

const SCHEMA = `version: 1
columns:
  id:      {type: string, unique: true, nullable: false}
  n:       {type: integer, min: 0, max: 1000}
  x:       {type: number}
  plan:    {type: category, allowed: [free, pro, team]}
  note:    {type: string}
`;
const schema = parseConfigText(SCHEMA, 'schema.yaml', dataSchemaSchema, 'data schema').value;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Rows with violations everywhere, repeated ids within and across the halves, quoted newlines. */
function csv(rows: number, seed: number, extra: (i: number) => string | undefined = () => undefined): string {
  const r = rng(seed);
  const lines = ['id,n,x,plan,note'];
  for (let i = 0; i < rows; i++) {
    const special = extra(i);
    if (special !== undefined) {
      lines.push(special);
      continue;
    }
    const u = r();
    // Every 997th row repeats an id from about a third of the file back, every 1499th its neighbour's.
    const id = i % 997 === 996 ? `id${i - Math.floor(rows / 3)}` : i % 1499 === 1498 ? `id${i - 1}` : `id${i}`;
    const n = u < 0.002 ? 'abc' : u < 0.004 ? '-5' : u < 0.01 ? '' : String(Math.floor(r() * 1000));
    const plan = u > 0.997 ? 'enterprise' : ['free', 'pro', 'team'][Math.floor(r() * 3)];
    const note = u > 0.995 ? `"line one\nline ""two"", ok"` : u > 0.99 ? '' : `note ${Math.floor(r() * 50)}`;
    lines.push(`${id},${n},${(r() * 100 - 20).toFixed(3)},${plan},${note}`);
  }
  return `${lines.join('\n')}\n`;
}

let files = 0;
function options(text: string): ScanOptions {
  const file = tmp.write(`data-${++files}.csv`, text);
  return { files: [{ path: file, displayName: 'data.csv' }], schema, schemaFile: 'schema.yaml', missingColumns: 'error', checkRules: true, findingLimit: 100_000 };
}

/** The helper, in this thread, started on the end of the file; returns once it has claimed its part (or given up). */
async function startHelper(base: ScanOptions): Promise<{ control: SplitControl; tail: Promise<TailScan | undefined> }> {
  const control = new SplitControl();
  const pairsDir = path.join(tmp.root, `pairs-${++files}`);
  mkdirSync(pairsDir);
  let settled = false;
  const tail = scanTailOf(base, control, pairsDir, 1024);
  tail.then(
    () => (settled = true),
    () => (settled = true),
  );
  // The claim reads the file first: on a loaded machine that can take a while (not a count of turns).
  const deadline = Date.now() + 30_000;
  while (control.stopAt() < 0 && !settled && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  return { control, tail };
}

/** The head and the helper, in this thread; the helper claims its part before the head starts. */
async function scanInTwo(base: ScanOptions): Promise<{ state: ScanState; tail: TailScan | undefined; claimed: number }> {
  const { control, tail } = await startHelper(base);
  const claimed = control.stopAt();
  const state = await scanDataset({ ...base, split: { control, tail: () => tail.then((t) => t!) } });
  return { state, tail: await tail.catch(() => undefined), claimed };
}

/** What must not depend on how the file was read; the text of a repeat is not at hand across parts. */
function comparable(state: ScanState) {
  return {
    checks: state.checks.map((c) => ({ ...c, first: c.first && { ...c.first, value: c.rule === 'unique' ? undefined : c.first.value } })),
    findings: state.findings
      .map((f) => `${f.line} ${f.subject} ${f.rule} ${f.rule === 'unique' ? '' : `${f.value} ${f.message}`}`)
      .sort(),
    counts: state.findingCounts,
    rows: state.profile.rows,
    files: state.profile.files,
    columns: state.profile.columns.map((c) => ({
      name: c.name,
      count: c.count,
      nulls: c.nulls,
      invalid: c.invalid,
      distinct: c.distinct,
      frequencies: c.frequencies,
      numericTop: c.numericTop,
      min: c.moments?.min,
      max: c.moments?.max,
      sum: c.moments && Number(c.moments.sum.toPrecision(12)),
      mean: c.moments && Number(c.moments.mean.toPrecision(12)),
      m2: c.moments && Number(c.moments.m2.toPrecision(10)),
    })),
  };
}

describe('the CSV fast path', () => {
  it('gives the same scan as the scanner alone: checks, findings, profile, on fields of every kind', async () => {
    const forms = ['12', '-3.25', ' 7 ', '+4', '1e3', '2.5E-1', '1234567890123456', 'x1', '', '"8"', '"9.5"', '"1""2"', '-0', '.5', 'NaN', 'Infinity'];
    let text = 'n,i,t\n';
    for (let r = 0; r < 5000; r++) text += `${forms[r % forms.length]},${forms[(r * 7) % forms.length]},${r % 3 === 0 ? 'a' : `"b,${r % 11}"`}\n`;
    const file = tmp.write('forms.csv', text);
    const schema = parseConfigText('version: 1\ncolumns:\n  n: {type: number, min: 0}\n  i: {type: integer, max: 100}\n  t: {type: category}\n', 'schema.yaml', dataSchemaSchema, 'data schema').value;
    const base: ScanOptions = { files: [{ path: file, displayName: 'forms.csv' }], schema, schemaFile: 'schema.yaml', findingLimit: 100_000 };
    const fast = await scanDataset(base);
    const alone = await scanDataset({ ...base, read: { wasm: false } });
    expect(fast.findings.length).toBeGreaterThan(1000);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(alone));
  });
});

describe('boolean columns', () => {
  it('count trues and falses per batch as one at a time does (the JSON Lines reader adds them one at a time)', async () => {
    const values = ['true', 'false', null, 'maybe', 'false', 'true', 'true'];
    const rows = Array.from({ length: 3000 }, (_, r) => values[(r * r + 3 * r) % values.length]!);
    const csvFile = tmp.write('bools.csv', 'b\n' + rows.map((v) => v ?? '').join('\n') + '\n');
    const jsonFile = tmp.write('bools.jsonl', rows.map((v) => JSON.stringify({ b: v })).join('\n') + '\n');
    for (const rule of ['{type: boolean}', '{type: boolean, allowed: [true]}']) {
      const schema = parseConfigText(`version: 1\ncolumns:\n  b: ${rule}\n`, 'schema.yaml', dataSchemaSchema, 'data schema').value;
      const scan = (file: string) => scanDataset({ files: [{ path: file, displayName: path.basename(file) }], schema, schemaFile: 'schema.yaml', read: { batchRows: 100 }, findingLimit: 100_000 });
      const [csv, jsonl] = await Promise.all([scan(csvFile), scan(jsonFile)]);
      expect(JSON.stringify(csv.profile.columns)).toBe(JSON.stringify(jsonl.profile.columns));
      // The CSV file's first row is on line 2, after the header.
      expect(csv.findings.map((f) => [f.rule, f.line! - 1])).toEqual(jsonl.findings.map((f) => [f.rule, f.line]));
      expect(csv.profile.columns[0]!.frequencies!.entries).toEqual([
        ['true', rows.filter((v) => v === 'true').length],
        ['false', rows.filter((v) => v === 'false').length],
      ]);
    }
  });
});

describe('categorical columns', () => {
  it('count short known values by their bytes as one at a time does: rules, purges of the top values, quotes', async () => {
    // x""y is written unquoted (a quote inside an unquoted field is text), x"y quoted: the same bytes between the delimiters.
    const countries = ['US', 'DE', 'FR', 'GB', 'IN', 'XX', 'a""b', 'a-long-country-name', 'x""y', 'x"y'];
    const rows: Array<{ c: string | null; p: string; d: string }> = [];
    for (let r = 0; r < 60_000; r++) {
      // p: a few short values, and one in five rows a new one, 12,000 in all: more than the
      // top-values table holds, so it purges while the short ones are counted by their bytes.
      // Now and then a rare short value, which a purge drops while it is counted by its bytes.
      const p = r % 5 === 0 ? `q${r}` : r % 1000 === 1 ? `r${(r / 1000) % 3}` : ['p1', 'p2', 'p3', 'p4', 'p5'][(r % 7) % 5]!;
      rows.push({ c: r % 13 === 0 ? null : countries[(r * 7 + (r >> 5)) % countries.length]!, p, d: ['tv', 'mobile', 'desktop'][r % 3]! });
    }
    const quote = (v: string) => (v === 'x""y' ? v : v.includes('"') ? `"${v.replace(/"/g, '""')}"` : r2(v));
    const r2 = (v: string) => (v.length === 2 && v < 'F' ? `"${v}"` : v);
    const csvFile = tmp.write('cats.csv', 'c,p,d\n' + rows.map((x) => [x.c === null ? '' : quote(x.c), x.p, x.d].join(',')).join('\n') + '\n');
    const jsonFile = tmp.write('cats.jsonl', rows.map((x) => JSON.stringify(x)).join('\n') + '\n');
    for (const rule of ['{type: category}', '{type: category, allowed: [US, DE, FR, GB, IN]}', '{type: string}']) {
      const schema = parseConfigText(`version: 1\ncolumns:\n  c: ${rule}\n  p: {type: category}\n  d: {type: category}\n`, 'schema.yaml', dataSchemaSchema, 'data schema').value;
      const scan = (file: string) => scanDataset({ files: [{ path: file, displayName: path.basename(file) }], schema, schemaFile: 'schema.yaml', read: { batchRows: 500 }, findingLimit: 100_000 });
      const [csv, jsonl] = await Promise.all([scan(csvFile), scan(jsonFile)]);
      expect(JSON.stringify(csv.profile.columns)).toBe(JSON.stringify(jsonl.profile.columns));
      expect(csv.findings.map((f) => [f.rule, f.line! - 1, f.message])).toEqual(jsonl.findings.map((f) => [f.rule, f.line, f.message]));
      expect(csv.profile.columns[1]!.frequencies!.exact).toBe(false);
    }
  });
});

describe('one CSV file read in two parts', () => {
  it('gives what one reader gives: checks, findings at their lines, profile, repeats across the parts', async () => {
    const base = options(csv(40_000, 7));
    const single = await scanDataset(base);
    const { state, tail, claimed } = await scanInTwo(base);
    expect(claimed).toBeGreaterThan(0);
    // The helper read a good part of the file, with findings of its own.
    expect(tail!.state.profile.rows).toBeGreaterThan(10_000);
    expect(tail!.state.findings.length).toBeGreaterThan(50);
    expect(Object.keys(tail!.uniquePairs)).toEqual(['id']);
    expect(comparable(state)).toEqual(comparable(single));
    // Repeats of an id first seen in the head, found in the helper's part, point back to the head.
    const unique = state.findings.filter((f) => f.rule === 'unique');
    expect(unique.length).toBe(single.findings.filter((f) => f.rule === 'unique').length);
    expect(unique.some((f) => /repeats the one on line \d+/.test(f.message))).toBe(true);
  });

  it('keeps ids in increasing order apart from a table across the parts, a repeat at the boundary included', async () => {
    // Sorted ids, each twice in a row; padding in the first row moves the helper's boundary (the line
    // after its share of the file: the head is at 0 when it claims) between the two rows of one id.
    const make = (pad: number) => {
      const lines = [`id,n,x,plan,note`];
      for (let i = 0; i < 30_000; i++) lines.push(`id${String(i >> 1).padStart(6, '0')},${i % 900},${i % 7}.5,free,${i === 0 ? 'p'.repeat(pad) : 'ok'}`);
      // Far repeats near the end: the helper's part goes out of order there.
      lines.push('id000100,1,1.5,free,late', 'id014000,1,1.5,free,late');
      return `${lines.join('\n')}\n`;
    };
    let pad = 0;
    let text = make(pad);
    const idAt = (at: number) => text.slice(at, text.indexOf(',', at));
    const boundary = () => text.indexOf('\n', text.length - Math.floor(text.length * TAIL_SHARE) - 1) + 1;
    const previousLine = (at: number) => text.lastIndexOf('\n', at - 2) + 1;
    while (idAt(boundary()) !== idAt(previousLine(boundary()))) text = make(++pad);
    const base = options(text);
    const single = await scanDataset(base);
    const { state, claimed } = await scanInTwo(base);
    expect(claimed).toBe(boundary());
    expect(comparable(state)).toEqual(comparable(single));
    const unique = state.checks.find((c) => c.rule === 'unique')!;
    expect(unique.failures).toBe(15_000 + 2);
    const boundaryLine = text.slice(0, claimed).split('\n').length;
    expect(state.findings.some((f) => f.rule === 'unique' && f.line === boundaryLine)).toBe(true);
  });

  it('reads on alone when a quoted field spans the boundary, with the same result', async () => {
    // A note of 300,000 lines in the middle: the helper's boundary falls inside it.
    const block = `"${'x,\n'.repeat(300_000)}"`;
    const text = csv(20_000, 11, (i) => (i === 10_000 ? `id-block,5,1.5,free,${block}` : undefined));
    const base = options(text);
    const single = await scanDataset(base);
    const { state, claimed } = await scanInTwo(base);
    const lineOfClaim = text.slice(0, claimed).split('\n').length;
    const blockLine = text.slice(0, text.indexOf('id-block')).split('\n').length;
    expect(lineOfClaim).toBeGreaterThan(blockLine);
    expect(lineOfClaim).toBeLessThan(blockLine + 300_000);
    expect(comparable(state)).toEqual(comparable(single));
  });

  it('reports an error in the helper’s part at its line in the file', async () => {
    const text = csv(30_000, 3, (i) => (i === 25_000 ? 'id-bad,1,2.5,free' : undefined));
    const base = options(text);
    const single = await scanDataset(base).catch((e: unknown) => e);
    expect(single).toBeInstanceOf(ConfigurationError);
    const { control, tail } = await startHelper(base);
    expect(control.stopAt()).toBeGreaterThan(0);
    const error = await scanDataset({ ...base, split: { control, tail: () => tail.then((t) => t!) } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toBe((single as ConfigurationError).message);
    expect((error as ConfigurationError).line).toBe((single as ConfigurationError).line);
    expect((error as ConfigurationError).line).toBe(text.slice(0, text.indexOf('id-bad')).split('\n').length);
  });

  it('leaves a small remainder to the head', async () => {
    const base = options(csv(2_000, 5));
    const control = new SplitControl();
    expect(await claimTail(base.files[0]!.path, 100_000, control, 1 << 20)).toBe(-1);
    expect(control.stopAt()).toBe(-1);
  });
});
