import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeScanStates, scanDataset } from '../../src/data/scan.js';
import { dataSchemaSchema, type DataSchema } from '../../src/data/schema.js';
import { judgeScan, validateDataset, type ValidateDataDetails } from '../../src/data/validate.js';
import { DatasetProfile } from '../../src/data/profile.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { makeTempDir } from '../support/tmp.js';

/** Drift through the whole engine: CSV in, verdict out, statistics checked against scipy. */
const tmp = makeTempDir('mlops-drift-');
afterAll(() => tmp.remove());

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}
function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r());
}

function writeData(name: string, rows: number, seed: number, shift = 0): { file: string; x: number[]; c: string[] } {
  const r = rng(seed);
  const x: number[] = [];
  const c: string[] = [];
  const lines = ['x,c,flag'];
  for (let i = 0; i < rows; i++) {
    const v = Number((10 + 2 * normal(r) + shift).toFixed(6));
    const cat = r() < 0.5 + shift / 4 ? 'a' : r() < 0.5 ? 'b' : 'c';
    x.push(v);
    c.push(cat);
    lines.push(`${v},${cat},${r() < 0.3}`);
  }
  return { file: tmp.write(name, `${lines.join('\n')}\n`), x, c };
}

const SCHEMA = parseConfigText('version: 1\ncolumns:\n  x: {type: number}\n  c: {type: category}\n  flag: {type: boolean}\n', 's.yaml', dataSchemaSchema, 'schema').value as DataSchema;

function scipy(script: string, input: unknown): Record<string, number> {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8' })) as Record<string, number>;
}

describe('drift', () => {
  it('on small samples decides by KS and chi-square p-values that equal scipy’s', async () => {
    const ref = writeData('ref-small.csv', 800, 1);
    const cur = writeData('cur-small.csv', 700, 2, 0.6);
    const { report, drift } = await validateDataset({
      files: [{ path: cur.file, displayName: 'cur.csv' }],
      schema: SCHEMA,
      schemaFile: 's.yaml',
      reference: { kind: 'data', files: [{ path: ref.file, displayName: 'ref.csv' }], name: 'ref.csv' },
    });
    const x = drift!.columns.find((c) => c.column === 'x')!;
    const c = drift!.columns.find((c) => c.column === 'c')!;
    const expected = scipy(
      `import json, sys
from scipy import stats
import numpy as np
d = json.load(sys.stdin)
ks = stats.ks_2samp(d['rx'], d['cx'])
keys = sorted(set(d['rc']) | set(d['cc']))
table = np.array([[d['rc'].count(k) for k in keys], [d['cc'].count(k) for k in keys]])
chi2, p, dof, _ = stats.chi2_contingency(table)
w = stats.wasserstein_distance(d['rx'], d['cx']) / np.std(d['rx'], ddof=1)
print(json.dumps({'ks': ks.statistic, 'ksp': ks.pvalue, 'chi2': chi2, 'chi2p': p, 'w': w}))`,
      { rx: ref.x, cx: cur.x, rc: ref.c, cc: cur.c },
    );
    expect(x.method).toBe('ks');
    expect(x.ks!.statistic).toBeCloseTo(expected.ks!, 12);
    expect(Math.abs(x.ks!.pvalue - expected.ksp!) / expected.ksp!).toBeLessThan(1e-9);
    expect(Math.abs(x.wasserstein!.normed - expected.w!) / expected.w!).toBeLessThan(1e-9);
    expect(c.method).toBe('chi2');
    expect(Math.abs(c.chi2!.statistic - expected.chi2!) / expected.chi2!).toBeLessThan(1e-9);
    expect(Math.abs(c.chi2!.pvalue - expected.chi2p!) / expected.chi2p!).toBeLessThan(1e-9);
    expect(x.drifted).toBe(true);
    expect(report.findings.some((f) => f.rule === 'drift.ks' && f.subject === 'x')).toBe(true);
    expect(report.charts.some((ch) => ch.title.startsWith('x:'))).toBe(true);
  });

  it('flags nothing on two samples of one distribution, and flags a shift', async () => {
    const ref = writeData('ref.csv', 20_000, 3);
    const same = writeData('same.csv', 20_000, 4);
    const shifted = writeData('shifted.csv', 20_000, 5, 1);
    const run = (file: string) =>
      validateDataset({ files: [{ path: file, displayName: 'cur.csv' }], schema: SCHEMA, schemaFile: 's.yaml', reference: { kind: 'data', files: [{ path: ref.file, displayName: 'ref.csv' }], name: 'ref.csv' } });
    const quiet = await run(same.file);
    expect(quiet.drift!.columns.map((c) => [c.column, c.method, c.drifted])).toEqual([
      ['x', 'wasserstein', false],
      ['c', 'jensenshannon', false],
      ['flag', 'jensenshannon', false],
    ]);
    expect(quiet.report.verdict).toBe('pass');
    const loud = await run(shifted.file);
    expect(loud.drift!.columns.filter((c) => c.drifted).map((c) => c.column)).toEqual(['x', 'c']);
    const details = loud.report.details as unknown as ValidateDataDetails;
    expect(details.drift!.share).toBeCloseTo(2 / 3, 12);
    // Two of three columns drifted: more than the default 50 % share, so the dataset drifts.
    expect(loud.report.findings.some((f) => f.rule === 'drift.share' && f.severity === 'error')).toBe(true);
    expect(loud.report.verdict).toBe('fail');
  });

  it('judges the same from a reference profiled for drift alone as from its full profile', async () => {
    // With an id and free text, which drift counts but does not compare, and a text column it does.
    const schema = parseConfigText(
      'version: 1\ncolumns:\n  id: {type: integer, unique: true}\n  x: {type: number}\n  c: {type: category}\n  t: {type: string}\n  u: {type: string}\ndrift:\n  columns:\n    u: {method: jensenshannon}\n',
      's.yaml',
      dataSchemaSchema,
      'schema',
    ).value as DataSchema;
    const write = (name: string, seed: number, shift: number) => {
      const r = rng(seed);
      const lines = ['id,x,c,t,u'];
      for (let i = 0; i < 3000; i++) lines.push(`${i},${(normal(r) + shift).toFixed(4)},${r() < 0.4 + shift / 3 ? 'a' : 'b'},text ${i},${r() < 0.5 + shift / 3 ? 'p' : i % 7 === 0 ? '' : 'q'}`);
      return tmp.write(name, `${lines.join('\n')}\n`);
    };
    const current = await scanDataset({ files: [{ path: write('cur-d.csv', 8, 0.3), displayName: 'cur.csv' }], schema, schemaFile: 's.yaml' });
    const refFile = { path: write('ref-d.csv', 9, 0), displayName: 'ref.csv' };
    const base = { files: [refFile], schema, schemaFile: 's.yaml', checkRules: false, missingColumns: 'tolerate' as const };
    const full = await scanDataset(base);
    const forDrift = await scanDataset({ ...base, profile: 'drift' });
    const judge = (reference: typeof full) =>
      judgeScan(current, { schema, schemaFile: 's.yaml', startedAt: new Date(0), now: () => new Date(0), reference: { profile: DatasetProfile.fromJSON(reference.profile), name: 'ref.csv' } });
    const a = judge(full).drift!;
    const b = judge(forDrift).drift!;
    expect(b).toEqual(a);
    expect(a.columns.map((c) => c.column)).toEqual(['x', 'c', 'u']);
    expect(a.skipped.map((c) => c.column)).toEqual(['id', 't']);
    // What it did not keep: distinct counts and exact number counts; t and id only counted.
    const column = (name: string) => forDrift.profile.columns.find((c) => c.name === name)!;
    expect(column('x').numericTop).toBeNull();
    expect(column('t')).toMatchObject({ count: 3000, nulls: 0 });
    expect(column('t').frequencies?.entries ?? []).toEqual([]);
    expect(column('id').moments?.count).toBe(0);
  });

  it('merged shard profiles give the same counts, moments, min and max as one pass', async () => {
    const a = writeData('shard-a.csv', 5_000, 6);
    const b = writeData('shard-b.csv', 7_000, 7);
    const one = await scanDataset({ files: [{ path: a.file, displayName: 'a.csv' }, { path: b.file, displayName: 'b.csv' }], schema: SCHEMA, schemaFile: 's.yaml' });
    const parts = await Promise.all([a, b].map((f) => scanDataset({ files: [{ path: f.file, displayName: f.file }], schema: SCHEMA, schemaFile: 's.yaml' })));
    const merged = mergeScanStates(parts, 100);
    const p1 = DatasetProfile.fromJSON(one.profile).columns.get('x')!;
    const p2 = DatasetProfile.fromJSON(merged.profile).columns.get('x')!;
    expect(p2.count).toBe(p1.count);
    expect(p2.moments.min).toBe(p1.moments.min);
    expect(p2.moments.max).toBe(p1.moments.max);
    expect(Math.abs(p2.moments.mean - p1.moments.mean)).toBeLessThan(1e-12 * Math.abs(p1.moments.mean));
    expect(Math.abs(p2.moments.m2 - p1.moments.m2) / p1.moments.m2).toBeLessThan(1e-9);
    const median = (p: typeof p1) => p.quantiles!.quantile(0.5);
    expect(Math.abs(p2.quantiles!.rank(median(p1)) - 0.5)).toBeLessThanOrEqual(p2.quantiles!.rankError() + 1e-9);
    const judged = judgeScan(merged, { schema: SCHEMA, schemaFile: 's.yaml', startedAt: new Date(), now: () => new Date() });
    expect((judged.report.details as unknown as ValidateDataDetails).rows).toBe(12_000);
  });
});
