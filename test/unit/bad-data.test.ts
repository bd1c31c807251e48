import { afterAll, describe, expect, it } from 'vitest';
import { dataSchemaSchema, type DataSchema } from '../../src/data/schema.js';
import { validateDataset } from '../../src/data/validate.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { makeTempDir } from '../support/tmp.js';

/** Awkward data gives findings, not crashes: each case ends in a report that says what is wrong. */
const tmp = makeTempDir('mlops-bad-');
afterAll(() => tmp.remove());
const schemaOf = (yaml: string) => parseConfigText(yaml, 's.yaml', dataSchemaSchema, 'data schema').value as DataSchema;

async function run(csv: string, schema: DataSchema, reference?: string) {
  const file = tmp.write(`d-${Math.random().toString(36).slice(2)}.csv`, csv);
  const ref = reference === undefined ? undefined : tmp.write(`r-${Math.random().toString(36).slice(2)}.csv`, reference);
  return validateDataset({
    files: [{ path: file, displayName: 'data.csv' }],
    schema,
    schemaFile: 's.yaml',
    reference: ref ? { kind: 'data', files: [{ path: ref, displayName: 'ref.csv' }], name: 'ref.csv' } : undefined,
  });
}

describe('awkward data', () => {
  it('reports NaN, Infinity, a quoted empty string and a type change mid-file in a numeric column as type findings', async () => {
    const lines = ['x,y'];
    for (let i = 0; i < 50; i++) lines.push(`${i}.5,${i}`);
    lines.push('NaN,1', 'Infinity,2', '"",3', ',4', 'n/a,5');
    for (let i = 0; i < 10; i++) lines.push(`text-${i},6`);
    const { report } = await run(`${lines.join('\n')}\n`, schemaOf('version: 1\ncolumns:\n  x: {type: number}\n  y: {type: integer}\n'));
    const type = report.findings.filter((f) => f.rule === 'type');
    expect(type.map((f) => f.line).slice(0, 4)).toEqual([52, 53, 54, 56]);
    expect(type[0]!.message).toBe('x: "NaN" is not a valid number');
    expect(type[2]!.message).toBe('x: "" is not a valid number');
    expect(report.findingCounts.error).toBe(14);
    const profile = report.details.profile as Array<{ name: string; count: number; nulls: number; invalid: number; mean: number }>;
    expect(profile[0]).toMatchObject({ name: 'x', count: 50, nulls: 1, invalid: 14 });
    expect(profile[0]!.mean).toBeCloseTo(25, 12);
  });

  it('handles 10,000 columns', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const schema = schemaOf(`version: 1\ncolumns:\n${names.map((n) => `  ${n}: {type: integer, max: 5}`).join('\n')}\n`);
    const rows = [names.join(','), names.map((_, i) => i % 7).join(','), names.map(() => 1).join(',')];
    const { report } = await run(`${rows.join('\n')}\n`, schema);
    expect(report.details.rows).toBe(2);
    expect(report.findingCounts.error).toBe(names.filter((_, i) => i % 7 > 5).length);
  });

  it('compares what it can with a reference whose columns differ, and says what it could not', async () => {
    const schema = schemaOf('version: 1\ncolumns:\n  a: {type: number}\n  b: {type: category}\n');
    const data = `a,b\n${Array.from({ length: 100 }, (_, i) => `${i},${i % 3}`).join('\n')}\n`;
    const reference = `a,other\n${Array.from({ length: 100 }, (_, i) => `${i},x`).join('\n')}\n`;
    const { report, drift } = await run(data, schema, reference);
    expect(drift!.columns.map((c) => c.column)).toEqual(['a']);
    expect(drift!.skipped).toEqual([{ column: 'b', reason: 'not in the reference' }]);
    const missing = report.findings.find((f) => f.rule === 'reference.missing_column');
    expect(missing).toMatchObject({ severity: 'warning', subject: 'b', file: 'ref.csv' });
  });

  it('refuses a reference with a different type for a column without crashing', async () => {
    const schema = schemaOf('version: 1\ncolumns:\n  a: {type: number}\n');
    const { report } = await run('a\n1\n2\n3\n', schema, 'a\nx\ny\n');
    // Every reference value fails to parse as a number: nothing to compare, and the report says so.
    expect((report.details.drift as { skipped: Array<{ column: string; reason: string }> }).skipped).toEqual([{ column: 'a', reason: 'no values to compare' }]);
  });
});

describe('JSON Lines keys', () => {
  it('reports a key that appears after the first object as an undeclared column, at its line', async () => {
    const file = tmp.write('events.jsonl', '{"a": 1}\n{"a": 2}\n{"a": 3, "extra": true}\n');
    const { report } = await validateDataset({
      files: [{ path: file, displayName: 'events.jsonl' }],
      schema: schemaOf('version: 1\ncolumns:\n  a: {type: integer}\n'),
      schemaFile: 's.yaml',
    });
    expect(report.findings.find((f) => f.rule === 'unknown_columns')).toMatchObject({ subject: 'extra', file: 'events.jsonl', line: 3, severity: 'error' });
  });
});
