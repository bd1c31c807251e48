import { afterAll, describe, expect, it } from 'vitest';
import { dataSchemaToYaml, inferDataSchema } from '../../src/data/infer.js';
import { dataSchemaSchema, parseTimestamp, parseTyped } from '../../src/data/schema.js';
import { validateDataset, type ValidateDataDetails } from '../../src/data/validate.js';
import { loadConfigFile, parseConfigText } from '../../src/platform/config-file.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { makeTempDir } from '../support/tmp.js';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

const SCHEMA = `version: 1
columns:
  id:      {type: string, unique: true}
  age:     {type: integer, min: 0, max: 120, nullable: false}
  country: {type: category, allowed: [US, DE, FR]}
  email:   {type: string, pattern: '^[^@\\s]+@[^@\\s]+$'}
  score:   {type: number, min: 0, max: 1, max_null_fraction: 0.2}
  signup:  {type: timestamp}
  active:  {type: boolean}
rows: {min: 3}
unknown_columns: error
`;

async function validate(csv: string, schemaText = SCHEMA) {
  const file = tmp.write(`d-${Math.random().toString(36).slice(2)}.csv`, csv);
  const schema = parseConfigText(schemaText, 'schema.yaml', dataSchemaSchema, 'data schema');
  return (await validateDataset({ files: [{ path: file, displayName: 'data.csv' }], schema: schema.value, schemaFile: 'schema.yaml', schemaLineOf: schema.lineOf })).report;
}

const HEADER = 'id,age,country,email,score,signup,active\n';

describe('validateDataset', () => {
  it('passes clean data and counts every check', async () => {
    const report = await validate(`${HEADER}a,30,US,a@x.io,0.5,2024-01-31,true\nb,41,DE,b@x.io,0.7,2024-02-29T10:00:00Z,false\nc,0,FR,c@x.io,1,2023-12-01 08:30,1\n`);
    expect(report.verdict).toBe('pass');
    expect(report.findingCounts).toEqual({ error: 0, warning: 0, notice: 0 });
    const details = report.details as unknown as ValidateDataDetails;
    expect(details.rows).toBe(3);
    expect(details.failedChecks).toBe(0);
    expect(report.headline).toBe('3 rows in 1 file: all 18 checks passed.');
  });

  it('finds each kind of violation with its file, line, column, value and rule', async () => {
    const csv =
      HEADER +
      'a,30,US,a@x.io,0.5,2024-01-31,true\n' + // line 2: clean
      'a,abc,UK,not-an-email,1.5,2024-02-30,maybe\n' + // line 3: unique, type, allowed, pattern, max, type, type
      'c,,DE,"multi\nline@x",-1,2024-01-01,false\n' + // line 4: nullable, pattern (newline), min
      'd,121,FR,d@x.io,,,\n'; // line 6: max; score null
    const report = await validate(csv);
    expect(report.verdict).toBe('fail');
    const found = report.findings.map((f) => `${f.line}:${f.subject}:${f.rule}`);
    // Dataset-level findings come first, then row findings in file order.
    expect(found).toEqual([
      '7:score:max_null_fraction',
      '3:id:unique',
      '3:age:type',
      '3:country:allowed',
      '3:email:pattern',
      '3:score:max',
      '3:signup:type',
      '3:active:type',
      '4:age:nullable',
      '4:email:pattern',
      '4:score:min',
      '6:age:max',
    ]);
    const unique = report.findings[1]!;
    expect(unique).toMatchObject({ file: 'data.csv', line: 3, value: 'a', severity: 'error' });
    expect(unique.message).toContain('first seen on line 2');
    const nullFraction = report.findings[0]!;
    expect(nullFraction.file).toBe('schema.yaml');
    expect(nullFraction.line).toBe(7);
    const details = report.details as unknown as ValidateDataDetails;
    expect(details.failedChecks).toBe(11);
    expect(details.violations).toBe(12);
    expect(report.tables[0]!.title).toBe('Failed checks');
  });

  it('flags unknown columns and too few rows at the schema line', async () => {
    const report = await validate(`${HEADER.trimEnd()},extra\na,30,US,a@x.io,0.5,2024-01-31,true,x\n`);
    const rules = report.findings.map((f) => [f.rule, f.file, f.line]);
    expect(rules).toContainEqual(['unknown_columns', 'data.csv', 1]);
    expect(rules).toContainEqual(['rows.min', 'schema.yaml', 10]);
  });

  it('makes unknown columns a warning with unknown_columns: warn', async () => {
    const report = await validate(`${HEADER.trimEnd()},extra\na,30,US,a@x.io,0.5,2024-01-31,true,x\nb,30,US,a@x.io,0.5,2024-01-31,true,x\nc,30,US,a@x.io,0.5,2024-01-31,true,x\n`, SCHEMA.replace('unknown_columns: error', 'unknown_columns: warn'));
    expect(report.verdict).toBe('pass');
    expect(report.findingCounts.warning).toBe(1);
  });

  it('rejects a schema column missing from the data, naming the schema line', async () => {
    const error = await validate('id,age\n1,2\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).describe()).toMatch(/^schema\.yaml:5: schema column "country" is not in the data/);
  });

  it('keeps memory bounded: counts every violation but keeps only the first findings', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `r${i},999,US,a@x.io,0.5,2024-01-31,true`).join('\n');
    const file = tmp.write('many.csv', `${HEADER}${rows}\n`);
    const schema = parseConfigText(SCHEMA, 'schema.yaml', dataSchemaSchema, 'data schema');
    const { report } = await validateDataset({ files: [{ path: file, displayName: 'many.csv' }], schema: schema.value, schemaFile: 'schema.yaml', findingLimit: 100 });
    expect(report.findingCounts.error).toBe(5000);
    expect(report.findings).toHaveLength(100);
  });
});

describe('data schema files', () => {
  it('points a validation error at the offending line', () => {
    const text = SCHEMA.replace('{type: category, allowed: [US, DE, FR]}', '{type: categorical}');
    try {
      parseConfigText(text, 'schema.yaml', dataSchemaSchema, 'data schema');
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const e = error as ConfigurationError;
      expect(e.line).toBe(5);
      expect(e.message).toMatch(/columns\.country\.type/);
      expect(e.hint).toMatch(/"integer", "number", "string", "category", "boolean", "timestamp"/);
    }
  });

  it('reports invalid YAML with its line, unknown keys, a bad regex and a missing file', async () => {
    const cases: Array<[string, RegExp, number]> = [
      // The parser notices the unclosed brace where the file ends.
      ['version: 1\ncolumns:\n  a: {type: string\n', /not valid YAML/, 4],
      ['version: 1\ncolumns:\n  a: {type: string, minimum: 3}\n', /Unrecognized key/i, 3],
      ["version: 1\ncolumns:\n  a: {type: string, pattern: '(['}\n", /not a valid regular expression/, 3],
      ['version: 2\ncolumns: {}\n', /version/, 1],
      ['', /is empty/, 1],
    ];
    for (const [text, message, line] of cases) {
      const error = (() => {
        try {
          parseConfigText(text, 's.yaml', dataSchemaSchema, 'data schema');
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, text).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).message).toMatch(message);
      expect((error as ConfigurationError).line).toBe(line);
    }
    const missing = await loadConfigFile(tmp.root + '/nope.yaml', 'nope.yaml', dataSchemaSchema, 'data schema').catch((e: unknown) => e);
    expect((missing as ConfigurationError).describe()).toMatch(/^nope\.yaml: data schema not found/);
  });
});

describe('typed values', () => {
  it('parses each type strictly', () => {
    expect(parseTyped('integer', ' 42 ')).toBe(42);
    expect(parseTyped('integer', '4.2')).toBeUndefined();
    expect(parseTyped('number', '-1.5e3')).toBe(-1500);
    expect(parseTyped('number', '1,5')).toBeUndefined();
    expect(parseTyped('boolean', 'TRUE')).toBe(true);
    expect(parseTyped('boolean', 'no')).toBe(false);
    expect(parseTyped('boolean', 'maybe')).toBeUndefined();
    expect(parseTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2023-02-29')).toBeUndefined();
    expect(parseTimestamp('2024-01-31T10:20:30+02:00')).toBe(Date.UTC(2024, 0, 31, 8, 20, 30));
    expect(parseTimestamp('2024-01-31 10:20')).toBe(Date.UTC(2024, 0, 31, 10, 20));
    expect(parseTimestamp('31/01/2024')).toBeUndefined();
  });
});

describe('inferDataSchema', () => {
  it('proposes types, nullability, uniqueness and allowed values that the data then passes', async () => {
    const lines = ['id,n,x,flag,when,cat,note'];
    for (let i = 0; i < 40; i++) lines.push(`k${i},${i},${i / 4},${i % 2 === 0},2024-01-${String((i % 28) + 1).padStart(2, '0')},${['a', 'b', 'c'][i % 3]},${i % 5 === 0 ? '' : `free text ${i}`}`);
    const file = tmp.write('infer.csv', `${lines.join('\n')}\n`);
    const schema = await inferDataSchema([{ path: file, displayName: 'infer.csv' }]);
    expect(Object.fromEntries(Object.entries(schema.columns).map(([k, v]) => [k, v.type]))).toEqual({
      id: 'string',
      n: 'integer',
      x: 'number',
      flag: 'boolean',
      when: 'timestamp',
      cat: 'category',
      note: 'string',
    });
    expect(schema.columns.id!.unique).toBe(true);
    expect(schema.columns.note!.nullable).toBe(true);
    expect(schema.columns.cat!.allowed).toEqual(['a', 'b', 'c']);
    const yaml = dataSchemaToYaml(schema, 'infer.csv');
    const reparsed = parseConfigText(yaml, 'inferred.yaml', dataSchemaSchema, 'data schema');
    const { report } = await validateDataset({ files: [{ path: file, displayName: 'infer.csv' }], schema: reparsed.value, schemaFile: 'inferred.yaml' });
    expect(report.verdict).toBe('pass');
  });
});
