import { stringify } from 'yaml';
import type { BatchSink, ReadOptions } from './batch.js';
import { FIELD_NULL, FIELD_QUOTED_ESCAPED } from './batch.js';
import { readDataFile } from './readers/index.js';
import { scanDataset, type DataFile } from './scan.js';
import { parseTyped, type ColumnRule, type ColumnType, type DataSchema } from './schema.js';
import { fieldText } from './typed.js';
import { DatasetProfile } from './profile.js';

/** A category column has few distinct values, each seen several times on average. */
const CATEGORY_MAX_DISTINCT = 50;
const DISTINCT_TRACK_LIMIT = 10_000;
const TYPE_ORDER: ColumnType[] = ['boolean', 'integer', 'number', 'timestamp'];

interface ColumnStats {
  nulls: number;
  values: number;
  /** Types every non-null value so far parses as. */
  candidates: Set<ColumnType>;
  distinct: Map<string, number> | null;
}

/**
 * Proposes a schema from data in two passes: the narrowest type every value fits, then, from the
 * profile under that type, ranges, allowed values, null rates and uniqueness. A starting point to
 * review and commit, not a verdict.
 */
export async function inferDataSchema(files: DataFile[], read: ReadOptions = {}): Promise<DataSchema> {
  const stats = new Map<string, ColumnStats>();
  const order: string[] = [];
  const add = (name: string, raw: string | null) => {
    const s = stats.get(name)!;
    if (raw === null) {
      s.nulls++;
      return;
    }
    s.values++;
    for (const type of s.candidates) if (parseTyped(type, raw) === undefined) s.candidates.delete(type);
    if (s.distinct) {
      s.distinct.set(raw, (s.distinct.get(raw) ?? 0) + 1);
      if (s.distinct.size > DISTINCT_TRACK_LIMIT) s.distinct = null;
    }
  };
  for (const file of files) {
    let names: string[] = [];
    const sink: BatchSink = {
      beginFile(_f, header) {
        names = header;
        for (const name of header) {
          if (!stats.has(name)) {
            stats.set(name, { nulls: 0, values: 0, candidates: new Set(TYPE_ORDER), distinct: new Map() });
            order.push(name);
          }
        }
      },
      batch(batch) {
        batch.columns.forEach((column, c) => {
          const name = names[c]!;
          for (let r = 0; r < batch.rowCount; r++) {
            if (column.kind === 'bytes') {
              const flag = column.flags[r]!;
              add(name, flag === FIELD_NULL ? null : fieldText(column.buf, column.start[r]!, column.end[r]!, flag === FIELD_QUOTED_ESCAPED));
            } else {
              const v = column.values[r];
              add(name, v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
            }
          }
        });
      },
    };
    await readDataFile(file, read, sink);
  }
  const columns: DataSchema['columns'] = {};
  for (const name of order) {
    const s = stats.get(name)!;
    const type: ColumnType = s.values === 0 ? 'string' : (TYPE_ORDER.find((t) => s.candidates.has(t)) ?? textType(s));
    const rule: ColumnRule = { type, nullable: s.nulls > 0, unique: false };
    const allDistinct = s.distinct !== null && s.distinct.size === s.values && s.values > 1;
    if (allDistinct && (type === 'string' || type === 'integer') && s.nulls === 0) rule.unique = true;
    if (type === 'category' && s.distinct) rule.allowed = [...s.distinct.keys()].sort();
    columns[name] = rule;
  }
  const typed: DataSchema = { version: 1, columns, unknown_columns: 'error' };
  // Second pass: the profile under these types gives ranges and null rates.
  const scan = await scanDataset({ files, schema: typed, schemaFile: '(inferred)', read, checkRules: false, findingLimit: 1 });
  const profile = DatasetProfile.fromJSON(scan.profile);
  for (const [name, rule] of Object.entries(columns)) {
    const column = profile.columns.get(name)!;
    const summary = column.describe();
    if ((rule.type === 'integer' || rule.type === 'number') && summary.min !== undefined && summary.max !== undefined) {
      rule.min = roundOut(summary.min, 'down', rule.type);
      rule.max = roundOut(summary.max, 'up', rule.type);
    }
    if (rule.type === 'timestamp' && summary.min !== undefined && summary.max !== undefined) {
      rule.min = new Date(summary.min).toISOString().slice(0, 10);
    }
    if (rule.nullable && summary.nullFraction > 0) {
      // Room above what was seen, so ordinary variation does not fail the next run.
      rule.max_null_fraction = Math.min(1, Number((summary.nullFraction * 2 + 0.001).toPrecision(2)));
    }
  }
  return { version: 1, columns, rows: { min: profile.rows > 0 ? 1 : 0 }, unknown_columns: 'error' };
}

function roundOut(x: number, direction: 'up' | 'down', type: ColumnType): number {
  if (type === 'integer') return x;
  if (x === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Number(((direction === 'up' ? Math.ceil(x / magnitude) : Math.floor(x / magnitude)) * magnitude).toPrecision(12));
}

function textType(s: ColumnStats): ColumnType {
  if (s.distinct && s.distinct.size <= CATEGORY_MAX_DISTINCT && s.distinct.size * 2 <= s.values) return 'category';
  return 'string';
}

/** The schema as YAML, compact (defaults left out), with a header comment for the reviewer. */
export function dataSchemaToYaml(schema: DataSchema, source: string): string {
  const columns: Record<string, Record<string, unknown>> = {};
  for (const [name, rule] of Object.entries(schema.columns)) {
    const out: Record<string, unknown> = { type: rule.type };
    if (!rule.nullable) out.nullable = false;
    if (rule.unique) out.unique = true;
    if (rule.min !== undefined) out.min = rule.min;
    if (rule.max !== undefined) out.max = rule.max;
    if (rule.allowed) out.allowed = rule.allowed;
    if (rule.max_null_fraction !== undefined) out.max_null_fraction = rule.max_null_fraction;
    columns[name] = out;
  }
  const body = stringify(
    { version: schema.version, columns, rows: schema.rows, unknown_columns: schema.unknown_columns },
    { collectionStyle: 'any', flowCollectionPadding: false, lineWidth: 120 },
  );
  return `# Data schema inferred from ${source} by mlops-actions validate-data --infer-schema.\n# Review it: the ranges, allowed values and null rates are what this data showed, not what is right.\n${body}`;
}
