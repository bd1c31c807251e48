import { stringify } from 'yaml';
import { readCsvFile, type CsvOptions } from './csv.js';
import { parseTyped, type ColumnType, type DataSchema } from './schema.js';
import type { DataFile } from './validate.js';

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
 * Reads the data once and proposes a schema: the narrowest type every value fits, whether nulls
 * occur, allowed values for low-cardinality text, and uniqueness. A starting point to review and
 * commit, not a verdict.
 */
export async function inferDataSchema(files: DataFile[], csv?: CsvOptions): Promise<DataSchema> {
  const stats = new Map<string, ColumnStats>();
  let order: string[] = [];
  let rows = 0;
  for (const file of files) {
    let names: string[] = [];
    await readCsvFile(
      file.path,
      file.displayName,
      {
        header(header) {
          names = header;
          for (const name of header) {
            if (!stats.has(name)) {
              stats.set(name, { nulls: 0, values: 0, candidates: new Set(TYPE_ORDER), distinct: new Map() });
              order.push(name);
            }
          }
        },
        row(fields) {
          rows++;
          for (let i = 0; i < names.length; i++) {
            const s = stats.get(names[i]!)!;
            const raw = fields[i]!;
            if (raw === null) {
              s.nulls++;
              continue;
            }
            s.values++;
            for (const type of s.candidates) if (parseTyped(type, raw) === undefined) s.candidates.delete(type);
            if (s.distinct) {
              s.distinct.set(raw, (s.distinct.get(raw) ?? 0) + 1);
              if (s.distinct.size > DISTINCT_TRACK_LIMIT) s.distinct = null;
            }
          }
        },
      },
      csv,
    );
  }
  order = order.filter((name) => stats.has(name));
  const columns: DataSchema['columns'] = {};
  for (const name of order) {
    const s = stats.get(name)!;
    const type: ColumnType = s.values === 0 ? 'string' : (TYPE_ORDER.find((t) => s.candidates.has(t)) ?? textType(s));
    const allDistinct = s.distinct !== null && s.distinct.size === s.values && s.values > 1;
    const rule: DataSchema['columns'][string] = { type, nullable: s.nulls > 0, unique: false };
    if (allDistinct && (type === 'string' || type === 'integer') && s.nulls === 0) rule.unique = true;
    if (type === 'category' && s.distinct) rule.allowed = [...s.distinct.keys()].sort();
    columns[name] = rule;
  }
  return { version: 1, columns, rows: { min: rows > 0 ? 1 : 0 }, unknown_columns: 'error' };
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
    if (rule.allowed) out.allowed = rule.allowed;
    columns[name] = out;
  }
  const body = stringify(
    { version: schema.version, columns, rows: schema.rows, unknown_columns: schema.unknown_columns },
    { collectionStyle: 'any', flowCollectionPadding: false, lineWidth: 120 },
  );
  return `# Data schema inferred from ${source} by mlops-actions validate-data --infer-schema.\n# Review it: tighten types, add min/max, patterns and allowed values before you commit it.\n${body}`;
}
