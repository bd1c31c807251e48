import { z } from 'zod';
import { parseConfigText } from '../platform/config-file.js';
import { ConfigurationError } from '../platform/errors.js';

/**
 * A model's signature: the columns (or tensors) it takes and gives. Either given in a signature file
 * (YAML or JSON) or inferred from an input example. A tensor's shape uses -1 for a dimension of any
 * size, the first (batch) dimension included.
 */
export const SIGNATURE_TYPES = ['integer', 'number', 'boolean', 'string', 'tensor'] as const;
export type SignatureType = (typeof SIGNATURE_TYPES)[number];

export const signatureFieldSchema = z
  .object({
    name: z.string().min(1).describe('Column or tensor name.'),
    type: z.enum(SIGNATURE_TYPES),
    shape: z.array(z.number().int().gte(-1)).optional().describe('Tensor shape; -1 for a dimension of any size.'),
    dtype: z.string().min(1).optional().describe('Element type, e.g. float32 or int64.'),
    nullable: z.boolean().optional().describe('Whether the value may be missing.'),
  })
  .strict();
export type SignatureField = z.infer<typeof signatureFieldSchema>;

const fieldList = z.array(signatureFieldSchema).min(1).superRefine((fields, ctx) => uniqueNames(fields, ctx));

export const signatureSchema = z
  .object({
    inputs: fieldList,
    outputs: fieldList.optional(),
    source: z.enum(['given', 'inferred']).describe('Whether the signature was written by hand or inferred from an input example.'),
  })
  .strict();
export type Signature = z.infer<typeof signatureSchema>;

/** The signature file a user writes: `source` is implied. */
export const signatureFileSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).optional().describe('Signature file format version; 1 is the only one.'),
    inputs: fieldList.describe('What the model takes, in order.'),
    outputs: fieldList.optional().describe('What the model gives, in order.'),
  })
  .strict();

export function signatureFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(signatureFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

function uniqueNames(fields: SignatureField[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    if (seen.has(field.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${JSON.stringify(field.name)} appears twice` });
    seen.add(field.name);
  });
}

export function parseSignatureFile(text: string, displayName: string): Signature {
  const { value } = parseConfigText(text, displayName, signatureFileSchema, 'signature file');
  return { inputs: value.inputs, ...(value.outputs ? { outputs: value.outputs } : {}), source: 'given' };
}

/** A value's kind, as inference sees it. */
type Kind = 'null' | 'integer' | 'number' | 'boolean' | 'string' | 'tensor';

interface ColumnEvidence {
  name: string;
  kinds: Set<Kind>;
  /** Rows that lacked the column. */
  missing: boolean;
  shapes: Array<number[]>;
  dtypes: Set<'integer' | 'number' | 'boolean' | 'string' | 'mixed'>;
}

/**
 * A signature inferred from an input example: CSV (a header, then rows), JSON Lines (one object a
 * line), or JSON (an array of row objects; `{"inputs": ...}`, `{"instances": ...}` or
 * `{"dataframe_records": ...}` around one; `{"dataframe_split": {"columns", "data"}}`; columns as
 * `{"inputs": {"a": [...], ...}}`; a single row object; or arrays of numbers, a tensor input).
 * A column is an integer when every value is, a number when every value is numeric, a boolean or
 * a string, and nullable when a value is null, empty or absent.
 */
export function inferSignature(exampleText: string, displayName: string): Signature {
  const text = exampleText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ConfigurationError('the input example is empty', { file: displayName, line: 1, hint: 'Write a few rows the model accepts: CSV with a header, JSON or JSON Lines.' });
  const lower = displayName.toLowerCase();
  let inputs: SignatureField[];
  if (/\.(jsonl|ndjson)$/.test(lower)) inputs = fromRows(parseJsonLines(text, displayName), displayName);
  else if (/\.json$/.test(lower)) inputs = fromJson(parseJson(text, displayName), displayName);
  else if (/\.(csv|tsv|txt)$/.test(lower)) inputs = fromCsv(text, displayName, lower.endsWith('.tsv') ? '\t' : ',');
  else if (/^\s*[[{]/.test(text)) inputs = looksLikeJsonLines(text) ? fromRows(parseJsonLines(text, displayName), displayName) : fromJson(parseJson(text, displayName), displayName);
  else inputs = fromCsv(text, displayName, ',');
  return { inputs, source: 'inferred' };
}

function looksLikeJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => /^\s*\{.*\}\s*$/.test(l))) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

function parseJson(text: string, displayName: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigurationError(`the input example is not valid JSON: ${(error as Error).message}`, {
      file: displayName,
      line: jsonErrorLine(error as Error, text),
      hint: 'Fix the JSON at this line, or write the example as CSV with a header.',
    });
  }
}

/** The line of a JSON.parse error: from the position its message gives, else found by reading the text again. */
export function jsonErrorLine(error: Error, text: string): number {
  const line = /line (\d+)/.exec(error.message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : firstJsonErrorOffset(text);
  return offset < 0 ? 1 : text.slice(0, offset).split('\n').length;
}

class JsonSyntaxAt {
  constructor(readonly at: number) {}
}

/** Where strict JSON first goes wrong in text, or -1 when it does not (some messages give no position). */
function firstJsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(i);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail();
      i += c === '\\' ? 2 : 1;
    }
    fail();
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        space();
        if (c === '{') {
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    number.lastIndex = i;
    if (!number.test(text)) fail();
    i = number.lastIndex;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return -1;
  } catch (error) {
    // Nesting too deep to follow is no reason to hide the real error.
    return error instanceof JsonSyntaxAt ? Math.min(error.at, text.length) : -1;
  }
}

function parseJsonLines(text: string, displayName: string): Array<{ row: unknown; line: number }> {
  const rows: Array<{ row: unknown; line: number }> = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      rows.push({ row: JSON.parse(raw) as unknown, line: i + 1 });
    } catch (error) {
      throw new ConfigurationError(`the input example is not valid JSON Lines: ${(error as Error).message}`, { file: displayName, line: i + 1, hint: 'Write one JSON object per line.' });
    }
  });
  return rows;
}

function fromJson(value: unknown, displayName: string): SignatureField[] {
  if (isPlainObject(value)) {
    // `rows` is the serving contract's own request body (the reference server's /predict).
    for (const key of ['rows', 'inputs', 'instances', 'dataframe_records']) {
      if (!(key in value)) continue;
      const inner = value[key];
      if (Array.isArray(inner)) return fromJson(inner, displayName);
      if (key === 'inputs' && isPlainObject(inner) && Object.values(inner).every(Array.isArray)) return fromColumns(inner as Record<string, unknown[]>, displayName);
      if (key === 'inputs' && isPlainObject(inner)) return fromRows([{ row: inner, line: 1 }], displayName);
      throw new ConfigurationError(`the input example's "${key}" is neither a list of rows nor an object`, { file: displayName, line: 1, hint: `Write "${key}": [{"column": value, ...}, ...].` });
    }
    if ('dataframe_split' in value) {
      const split = value.dataframe_split;
      if (!isPlainObject(split) || !Array.isArray(split.columns) || !Array.isArray(split.data)) {
        throw new ConfigurationError('the input example\'s "dataframe_split" needs "columns" and "data" lists', { file: displayName, line: 1, hint: 'Write {"dataframe_split": {"columns": ["a", "b"], "data": [[1, 2]]}}.' });
      }
      const columns = split.columns.map(String);
      const rows = split.data.map((r, i) => {
        if (!Array.isArray(r)) throw new ConfigurationError(`the input example's dataframe_split.data[${i}] is not a list`, { file: displayName, line: 1, hint: 'Each row of data is a list of values, one per column.' });
        return { row: Object.fromEntries(columns.map((c, j) => [c, r[j] ?? null])), line: 1 };
      });
      return fromRows(rows, displayName);
    }
    return fromRows([{ row: value, line: 1 }], displayName);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw new ConfigurationError('the input example has no rows', { file: displayName, line: 1, hint: 'Write at least one row the model accepts.' });
    if (value.every((v) => Array.isArray(v) || typeof v === 'number')) return [tensorField('input', value, displayName)];
    return fromRows(
      value.map((row) => ({ row, line: 1 })),
      displayName,
    );
  }
  throw new ConfigurationError('the input example is neither rows nor a row', { file: displayName, line: 1, hint: 'Write a JSON list of row objects, e.g. [{"age": 31, "city": "Lyon"}].' });
}

function fromColumns(columns: Record<string, unknown[]>, displayName: string): SignatureField[] {
  const length = Math.max(0, ...Object.values(columns).map((c) => c.length));
  if (length === 0) throw new ConfigurationError('the input example has no rows', { file: displayName, line: 1, hint: 'Give each column at least one value.' });
  const rows = Array.from({ length }, (_, i) => ({ row: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, i < v.length ? v[i] : undefined])), line: 1 }));
  return fromRows(rows, displayName);
}

function fromRows(rows: Array<{ row: unknown; line: number }>, displayName: string): SignatureField[] {
  if (rows.length === 0) throw new ConfigurationError('the input example has no rows', { file: displayName, line: 1, hint: 'Write at least one row the model accepts.' });
  const columns = new Map<string, ColumnEvidence>();
  rows.forEach(({ row, line }, index) => {
    if (!isPlainObject(row)) {
      throw new ConfigurationError(`the input example's row ${index + 1} is not an object`, { file: displayName, line, hint: 'Every row is an object of column → value, e.g. {"age": 31}.' });
    }
    for (const [name, value] of Object.entries(row)) {
      let column = columns.get(name);
      if (!column) {
        column = { name, kinds: new Set(), missing: index > 0, shapes: [], dtypes: new Set() };
        columns.set(name, column);
      }
      observe(column, value, displayName, line);
    }
    for (const column of columns.values()) if (!(column.name in row)) column.missing = true;
  });
  return [...columns.values()].map(toField);
}

function observe(column: ColumnEvidence, value: unknown, displayName: string, line: number): void {
  if (value === null || value === undefined) column.kinds.add('null');
  else if (typeof value === 'boolean') column.kinds.add('boolean');
  else if (typeof value === 'number') column.kinds.add(Number.isInteger(value) ? 'integer' : 'number');
  else if (typeof value === 'string') column.kinds.add('string');
  else if (Array.isArray(value)) {
    column.kinds.add('tensor');
    const { shape, dtype } = arrayShape(value);
    column.shapes.push(shape);
    column.dtypes.add(dtype);
  } else {
    throw new ConfigurationError(`column ${JSON.stringify(column.name)} holds an object; a signature column is a value or an array`, {
      file: displayName,
      line,
      hint: 'Flatten nested objects into columns, or write the signature by hand in a signature file.',
    });
  }
}

function toField(column: ColumnEvidence): SignatureField {
  const kinds = new Set([...column.kinds].filter((k) => k !== 'null'));
  const nullable = column.missing || column.kinds.has('null');
  let type: SignatureType;
  if (kinds.size === 0) type = 'string';
  else if (kinds.size === 1) type = [...kinds][0] as SignatureType;
  else if ([...kinds].every((k) => k === 'integer' || k === 'number')) type = 'number';
  else type = 'string';
  const field: SignatureField = { name: column.name, type };
  if (type === 'tensor') {
    field.shape = mergeShapes(column.shapes);
    field.dtype = dtypeName(column.dtypes.size === 1 ? [...column.dtypes][0]! : 'mixed');
  }
  if (nullable) field.nullable = true;
  return field;
}

/** One tensor input from an example that is a list of arrays (or numbers): the batch is its first dimension. */
function tensorField(name: string, rows: unknown[], displayName: string): SignatureField {
  const { shape, dtype } = arrayShape(rows);
  if (dtype === 'mixed' || dtype === 'string') {
    throw new ConfigurationError('the input example is a list of lists but not all of its values are numbers', { file: displayName, line: 1, hint: 'A tensor example holds numbers only; for rows of columns write objects, e.g. [{"age": 31}].' });
  }
  return { name, type: 'tensor', shape: [-1, ...shape.slice(1)], dtype: dtypeName(dtype) };
}

/** The shape of nested arrays (-1 where lengths differ) and the kind of their leaves. */
function arrayShape(value: unknown[]): { shape: number[]; dtype: 'integer' | 'number' | 'boolean' | 'string' | 'mixed' } {
  const leaves = new Set<'integer' | 'number' | 'boolean' | 'string' | 'mixed'>();
  const shape: number[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (Array.isArray(v)) {
      if (shape.length === depth) shape.push(v.length);
      else if (shape[depth] !== v.length) shape[depth] = -1;
      for (const item of v) walk(item, depth + 1);
      return;
    }
    if (depth < shape.length) shape.length = depth;
    if (typeof v === 'number') leaves.add(Number.isInteger(v) ? 'integer' : 'number');
    else if (typeof v === 'boolean') leaves.add('boolean');
    else if (typeof v === 'string') leaves.add('string');
    else if (v !== null) leaves.add('mixed');
  };
  walk(value, 0);
  let dtype: 'integer' | 'number' | 'boolean' | 'string' | 'mixed';
  if (leaves.size === 0) dtype = 'number';
  else if (leaves.size === 1) dtype = [...leaves][0]!;
  else if ([...leaves].every((l) => l === 'integer' || l === 'number')) dtype = 'number';
  else dtype = 'mixed';
  return { shape, dtype };
}

function mergeShapes(shapes: number[][]): number[] {
  const rank = Math.min(...shapes.map((s) => s.length));
  const merged = Array.from({ length: rank }, (_, i) => (shapes.every((s) => s[i] === shapes[0]![i]) ? shapes[0]![i]! : -1));
  return [-1, ...merged];
}

function dtypeName(kind: 'integer' | 'number' | 'boolean' | 'string' | 'mixed'): string {
  return { integer: 'int64', number: 'float64', boolean: 'bool', string: 'string', mixed: 'object' }[kind];
}

const NULL_TEXT = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL']);

function fromCsv(text: string, displayName: string, delimiter: string): SignatureField[] {
  const records = parseCsv(text, displayName, delimiter);
  const header = records[0]!;
  const seen = new Set<string>();
  header.fields.forEach((name) => {
    if (name.trim() === '') throw new ConfigurationError('the input example\'s header has an empty column name', { file: displayName, line: header.line, hint: 'Name every column on the first line.' });
    if (seen.has(name)) throw new ConfigurationError(`the input example's header names ${JSON.stringify(name)} twice`, { file: displayName, line: header.line, hint: 'Column names must be unique.' });
    seen.add(name);
  });
  const body = records.slice(1);
  if (body.length === 0) throw new ConfigurationError('the input example has a header but no rows', { file: displayName, line: header.line, hint: 'Add at least one row of values under the header.' });
  const kinds = header.fields.map(() => new Set<Kind>());
  for (const record of body) {
    if (record.fields.length !== header.fields.length) {
      throw new ConfigurationError(`the input example's row has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'}, the header ${header.fields.length}`, {
        file: displayName,
        line: record.line,
        hint: 'Every row has one value per column; quote values that contain the delimiter.',
      });
    }
    record.fields.forEach((raw, i) => kinds[i]!.add(csvKind(raw)));
  }
  return header.fields.map((name, i) => toField({ name, kinds: kinds[i]!, missing: false, shapes: [], dtypes: new Set() }));
}

/** As pandas reads a CSV: quoting does not change a value's type. */
function csvKind(raw: string): Kind {
  const value = raw.trim();
  if (NULL_TEXT.has(value)) return 'null';
  if (/^[+-]?\d+$/.test(value)) return 'integer';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) || /^[+-]?(inf|infinity)$/i.test(value)) return 'number';
  if (/^(true|false)$/i.test(value)) return 'boolean';
  return 'string';
}

export interface CsvRecord {
  fields: string[];
  quoted: boolean[];
  line: number;
}

/** RFC 4180 records: double-quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(text: string, displayName: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let quoted: boolean[] = [];
  let field = '';
  let fieldQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    fields.push(field);
    quoted.push(fieldQuoted);
    field = '';
    fieldQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '' && !quoted[0])) records.push({ fields, quoted, line: recordLine });
    fields = [];
    quoted = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '' && !fieldQuoted) {
      const start = line;
      fieldQuoted = true;
      i++;
      for (;;) {
        if (i >= text.length) throw new ConfigurationError('the input example has an unclosed quote', { file: displayName, line: start, hint: 'Close the quoted field, or double a quote inside it ("").' });
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || fieldQuoted) endRecord();
  if (records.length === 0) throw new ConfigurationError('the input example is empty', { file: displayName, line: 1, hint: 'Write a header line, then rows.' });
  return records;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
