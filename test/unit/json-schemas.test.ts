import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/data/validate.js';
import { dataSchemaSchema } from '../../src/data/schema.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * The published JSON Schemas, checked with an independent validator (Ajv, JSON Schema 2020-12):
 * what our zod schemas accept, the JSON Schemas accept too, and what they reject, these reject.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const load = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, 'schemas', file), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateReport = ajv.compile(load('report.schema.json'));
const validateDataSchema = ajv.compile(load('data-schema.schema.json'));
const tmp = makeTempDir('mlops-jsonschema-');
afterAll(() => tmp.remove());

describe('published JSON Schemas', () => {
  it('accept the example data schema and reject broken ones as zod does', () => {
    const example = readFileSync(path.join(repoRoot, 'workflows-examples/example-project/data/schema.yaml'), 'utf8');
    expect(validateDataSchema(parse(example)), JSON.stringify(validateDataSchema.errors)).toBe(true);
    for (const bad of [
      { version: 2, columns: {} },
      { version: 1, columns: { a: { type: 'text' } } },
      { version: 1, columns: { a: { type: 'string', minimum: 1 } } },
      { version: 1, columns: {}, unknown_columns: 'explode' },
    ]) {
      expect(validateDataSchema(bad), JSON.stringify(bad)).toBe(false);
      expect(dataSchemaSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('accept a real report and reject one with a wrong verdict', async () => {
    const file = tmp.write('d.csv', 'id,age\na,1\na,200\n');
    const schema = parseConfigText('version: 1\ncolumns:\n  id: {type: string, unique: true}\n  age: {type: integer, max: 120}\n', 's.yaml', dataSchemaSchema, 'data schema');
    const report = JSON.parse(JSON.stringify((await validateDataset({ files: [{ path: file, displayName: "d.csv" }], schema: schema.value, schemaFile: "s.yaml" })).report));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(validateReport({ ...report, verdict: 'maybe' })).toBe(false);
    expect(validateReport({ ...report, findings: [{ severity: 'error' }] })).toBe(false);
  });
});
