import { z } from 'zod';

/**
 * The data schema users write (YAML or JSON). Versioned; the JSON Schema in schemas/ is generated
 * from this, so editors autocomplete it.
 */
export const columnTypes = ['integer', 'number', 'string', 'category', 'boolean', 'timestamp'] as const;
export type ColumnType = (typeof columnTypes)[number];

const bound = z.union([z.number(), z.string()]).describe('A number, or an ISO 8601 date or date-time for timestamp columns.');

export const columnSchema = z
  .object({
    type: z.enum(columnTypes),
    description: z.string().optional(),
    nullable: z.boolean().default(true).describe('false: every row must have a value (an empty unquoted field is null).'),
    unique: z.boolean().default(false),
    min: bound.optional(),
    max: bound.optional(),
    allowed: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).optional().describe('The only values allowed.'),
    pattern: z
      .string()
      .refine(isValidRegex, { message: 'not a valid regular expression' })
      .optional()
      .describe('A JavaScript regular expression every value must match.'),
    max_null_fraction: z.number().min(0).max(1).optional().describe('Largest share of null values, 0 to 1.'),
  })
  .strict();
export type ColumnRule = z.infer<typeof columnSchema>;

export const driftMethods = ['auto', 'ks', 'wasserstein', 'psi', 'chi2', 'jensenshannon', 'none'] as const;
export type DriftMethod = (typeof driftMethods)[number];

export const driftColumnSchema = z
  .object({
    method: z.enum(driftMethods).default('auto'),
    threshold: z
      .number()
      .positive()
      .optional()
      .describe('ks, chi2: the significance level the (Benjamini-Hochberg adjusted) p-value must stay above; wasserstein, jensenshannon, psi: the largest distance allowed.'),
  })
  .strict();
export type DriftColumnRule = z.infer<typeof driftColumnSchema>;

export const driftSchema = z
  .object({
    max_drifted_share: z.number().min(0).max(1).default(0.5).describe('The dataset drifts when more than this share of the compared columns drift.'),
    column_severity: z.enum(['error', 'warning', 'notice']).default('warning').describe('Severity of the finding for each drifted column.'),
    large_sample: z
      .number()
      .int()
      .positive()
      .default(10_000)
      .describe('From this many values in the smaller sample, auto uses distances instead of p-values (at a million rows every p-value is tiny).'),
    alpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level for p-value tests, after Benjamini-Hochberg correction.'),
    columns: z.record(z.string().min(1), driftColumnSchema).default({}),
  })
  .strict();
export type DriftConfig = z.infer<typeof driftSchema>;

export const dataSchemaSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).describe('Schema format version; 1 is the only one.'),
    description: z.string().optional(),
    columns: z.record(z.string().min(1), columnSchema),
    rows: z
      .object({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional() })
      .strict()
      .optional(),
    unknown_columns: z.enum(['error', 'warn', 'ignore']).default('error').describe('What to do with a data column the schema does not declare.'),
    drift: driftSchema.optional().describe('How columns are compared with a reference, when one is given.'),
  })
  .strict();
export type DataSchema = z.infer<typeof dataSchemaSchema>;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export function dataSchemaJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(dataSchemaSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TRUE_VALUES = new Set(['true', '1', 'yes']);
const FALSE_VALUES = new Set(['false', '0', 'no']);

/** Parses a value of a column type; undefined when it is not one. Numbers and times come back as numbers. */
export function parseTyped(type: ColumnType, raw: string): number | boolean | string | undefined {
  switch (type) {
    case 'integer': {
      const text = raw.trim();
      return INTEGER.test(text) ? Number(text) : undefined;
    }
    case 'number': {
      const text = raw.trim();
      return NUMBER.test(text) ? Number(text) : undefined;
    }
    case 'boolean': {
      const text = raw.trim().toLowerCase();
      if (TRUE_VALUES.has(text)) return true;
      if (FALSE_VALUES.has(text)) return false;
      return undefined;
    }
    case 'timestamp':
      return parseTimestamp(raw.trim());
    case 'string':
    case 'category':
      return raw;
  }
}

/** Milliseconds since the epoch for an ISO 8601 date or date-time with a real calendar date. */
/** Days in a month (1-12) of the proleptic Gregorian calendar; years 0 to 99 included, which Date.UTC would take as 1900 to 1999. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return 30 + ((month + (month >> 3)) & 1);
}

export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1, 7).map((v) => v ?? undefined) as string[];
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return undefined;
  if (d > daysInMonth(y, mo)) return undefined;
  const ms = Date.parse(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : text.replace(' ', 'T') + (m[7] ? '' : 'Z'));
  return Number.isNaN(ms) ? undefined : ms;
}
