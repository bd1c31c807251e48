import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSchemaSchema } from '../../src/data/schema.js';
import { validateDataset, type ValidateDataDetails } from '../../src/data/validate.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { reportSchema, type Report } from '../../src/platform/report.js';
import { startResultsService, type ResultsService } from '../harness/results-service.js';
import { runJob, runStep } from '../harness/runner.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * End-to-end through the bundle: drift against a reference read in a worker thread, JSONL and
 * Parquet data, and a sharded run whose profiles travel as real artifacts to a merge job.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const action = path.join(repoRoot, 'actions/validate-data');
const tmp = makeTempDir('mlops-drift-e2e-');
let results: ResultsService;

beforeAll(async () => {
  results = await startResultsService();
});
afterAll(async () => {
  await results?.stop();
  tmp.remove();
});

const SCHEMA = `version: 1
columns:
  id:     {type: integer, unique: true, nullable: false}
  amount: {type: number, min: 0}
  plan:   {type: category, allowed: [free, pro, team]}
  seen:   {type: timestamp}
rows: {min: 100}
`;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

function rows(n: number, seed: number, shift = 0, offset = 0): Array<{ id: number; amount: number; plan: string; seen: string }> {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: offset + i,
    amount: Number((Math.exp(3 + 0.5 * Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r())) + shift).toFixed(2)),
    plan: r() < 0.6 ? 'free' : r() < 0.7 ? 'pro' : 'team',
    seen: new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 300) * 86_400_000).toISOString().slice(0, 10),
  }));
}

const csv = (data: ReturnType<typeof rows>) => `id,amount,plan,seen\n${data.map((d) => `${d.id},${d.amount},${d.plan},${d.seen}`).join('\n')}\n`;
const jsonl = (data: ReturnType<typeof rows>) => `${data.map((d) => JSON.stringify(d)).join('\n')}\n`;

let n = 0;
function workspace(files: Record<string, string>): string {
  const root = path.join(tmp.root, `ws-${++n}`);
  for (const [rel, content] of Object.entries({ 'schema.yaml': SCHEMA, ...files })) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

const readReport = (ws: string): Report => reportSchema.parse(JSON.parse(readFileSync(path.join(ws, 'mlops-reports/validate-data.json'), 'utf8')));

describe('validate-data drift, formats and shards through the bundle', () => {
  it('compares with a reference read on a worker thread and reports what drifted', async () => {
    const ws = workspace({ 'data.csv': csv(rows(20_000, 1, 30)), 'reference.csv': csv(rows(20_000, 2)) });
    const step = await runStep(
      { action, id: 'v', with: { data: 'data.csv', schema: 'schema.yaml', reference: 'reference.csv', 'fail-on': 'warning' } },
      { workspace: ws, env: { ...results.env } },
    );
    expect(step.exitCode, step.log).toBe(1);
    expect(step.outputs.verdict).toBe('pass');
    expect(JSON.parse(step.outputs['drifted-columns']!)).toEqual(['amount']);
    expect(Number(step.outputs['drift-share'])).toBeCloseTo(1 / 3, 6);
    const warning = step.annotations.find((a) => a.level === 'warning');
    expect(warning?.message).toMatch(/^amount drifted from reference\.csv: Wasserstein distance = [\d.]+ reference standard deviations > 0\.1/);
    expect(step.summary).toContain('### Drift against reference.csv');
    expect(step.summary).toContain('```mermaid\nxychart-beta');
    const report = readReport(ws);
    expect((report.details.drift as { compared: number }).compared).toBe(3);
  });

  it('uses a saved profile as the reference, so the reference data need not be read again', async () => {
    const ws = workspace({ 'reference.csv': csv(rows(5_000, 3)), 'data.jsonl': jsonl(rows(5_000, 4)) });
    const first = await runStep({ action, id: 'p', with: { data: 'reference.csv', schema: 'schema.yaml', 'profile-path': 'reference.profile.json' } }, { workspace: ws });
    expect(first.exitCode, first.log).toBe(0);
    expect(first.outputs['profile-path']).toBe('reference.profile.json');
    const second = await runStep({ action, id: 'v', with: { data: 'data.jsonl', schema: 'schema.yaml', reference: 'reference.profile.json' } }, { workspace: ws });
    expect(second.exitCode, second.log).toBe(0);
    expect(second.outputs['drifted-columns']).toBe('[]');
    expect(second.summary).toContain('0 of 3 columns drifted from reference.profile.json');
  });

  it('reads one large CSV file on both cores, with the findings and profile of a single reader', async () => {
    // About 45 MiB (a second reader starts from 16 MiB, and the first needs long enough for the
    // second to start even on a busy machine): bad amounts and plans all through, and ids of the
    // first half repeated in the second, which the second thread reads.
    const data = rows(1_600_000, 8);
    for (let i = 997; i < data.length; i += 3001) data[i]!.amount = -1;
    for (let i = 1499; i < data.length; i += 5003) data[i]!.plan = 'gold';
    for (let i = 1_000_000; i < data.length; i += 7919) data[i]!.id = i - 700_000;
    const ws = workspace({ 'data.csv': csv(data), 'reference.csv': csv(rows(20_000, 9)) });
    const schema = parseConfigText(SCHEMA, 'schema.yaml', dataSchemaSchema, 'data schema');
    const single = await validateDataset({ files: [{ path: path.join(ws, 'data.csv'), displayName: 'data.csv' }], schema: schema.value, schemaFile: 'schema.yaml' });
    const key = (r: Report) => ({
      counts: r.findingCounts,
      findings: r.findings.map((f) => `${f.line} ${f.subject} ${f.rule}`).sort(),
      checks: (r.details as unknown as ValidateDataDetails).checks.map((c) => `${c.column} ${c.rule} ${c.failures} ${c.first?.line}`),
      profile: (r.details as unknown as ValidateDataDetails).profile.map((c) => [c.name, c.count, c.nulls, c.invalid, c.distinct, c.min, c.max, c.top]),
    });
    expect(single.report.findingCounts.error).toBeGreaterThan(800);
    // Without a reference the second thread starts on the data at once; with one, it takes the
    // data's end only if it is done with the reference first (on a busy machine it may not be).
    for (const reference of [undefined, 'reference.csv']) {
      const step = await runStep({ action, id: 'v', with: { data: 'data.csv', schema: 'schema.yaml', ...(reference ? { reference } : {}) } }, { workspace: ws });
      expect(step.exitCode, step.log).toBe(1);
      if (!reference) expect(step.log).toMatch(/A second thread read data\.csv from line \d+ on/);
      expect(key(readReport(ws))).toEqual(key(single.report));
    }
  }, 120_000);

  it('reads Parquet and points findings at the row index', async () => {
    const ws = workspace({});
    const data = rows(300, 5);
    data[42]!.amount = -5;
    writeFileSync(path.join(ws, 'rows.csv'), csv(data));
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(`COPY (SELECT id, amount, plan, CAST(seen AS DATE) AS seen FROM read_csv('${path.join(ws, 'rows.csv')}')) TO '${path.join(ws, 'data.parquet')}' (FORMAT parquet)`);
    connection.closeSync();
    const step = await runStep({ action, id: 'v', with: { data: 'data.parquet', schema: 'schema.yaml' } }, { workspace: ws });
    expect(step.exitCode).toBe(1);
    const error = step.annotations.find((a) => a.level === 'error');
    expect(error?.message).toMatch(/amount: -5 is below the minimum 0/);
    const finding = readReport(ws).findings.find((f) => f.rule === 'min');
    // Row index 42 is row number 43 (findings count from 1).
    expect(finding).toMatchObject({ file: 'data.parquet', line: 43 });
  });

  it('profiles shards as artifacts and merges them in another job to the same counts as one pass', async () => {
    const all = rows(9_000, 6);
    const shards = [all.slice(0, 3000), all.slice(3000, 6000), all.slice(6000)];
    const files: Record<string, string> = { 'reference.csv': csv(rows(9_000, 7)), 'all.csv': csv(all) };
    shards.forEach((s, i) => (files[`part-${i}/data.csv`] = csv(s)));
    const ws = workspace(files);
    for (let i = 0; i < shards.length; i++) {
      const job = await runJob({
        steps: [{ action, id: 'p', with: { mode: 'profile', data: `part-${i}/*.csv`, schema: 'schema.yaml', shard: `part-${i}`, 'profile-path': `shard-${i}.json` } }],
        workspace: ws,
        env: { ...results.envForJob(`shard-job-${i}`), GITHUB_JOB: 'profile' },
      });
      expect(job.step('p').exitCode, job.step('p').log).toBe(0);
    }
    expect(results.artifacts().map((a) => a.name).filter((x) => x.startsWith('validate-data-profile-')).sort()).toEqual([
      'validate-data-profile-part-0',
      'validate-data-profile-part-1',
      'validate-data-profile-part-2',
    ]);
    const merge = await runJob({
      steps: [{ action, id: 'm', with: { mode: 'merge', schema: 'schema.yaml', reference: 'reference.csv' } }],
      workspace: ws,
      env: { ...results.envForJob('merge-job'), GITHUB_JOB: 'merge' },
    });
    const step = merge.step('m');
    expect(step.exitCode, step.log).toBe(0);
    expect(step.summary).toContain('Merged 3 shard profiles');
    const merged = readReport(ws);
    const single = await runStep({ action, id: 'one', with: { data: 'all.csv', schema: 'schema.yaml', reference: 'reference.csv', 'report-path': 'one.json' } }, { workspace: ws });
    expect(single.exitCode, single.log).toBe(0);
    const one = reportSchema.parse(JSON.parse(readFileSync(path.join(ws, 'one.json'), 'utf8')));
    type P = Array<{ name: string; count: number; nulls: number; min?: number; max?: number; mean?: number }>;
    const pick = (r: Report) => (r.details.profile as P).map(({ name, count, nulls, min, max }) => ({ name, count, nulls, min, max }));
    expect(pick(merged)).toEqual(pick(one));
    const means = (r: Report) => (r.details.profile as P).map((p) => p.mean ?? 0);
    means(merged).forEach((m, i) => expect(Math.abs(m - means(one)[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m))));
    expect(merged.details.rows).toBe(9000);
  });
});
