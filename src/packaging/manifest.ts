import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PROFILE_FORMAT } from '../data/profile.js';
import { parseConfigText } from '../platform/config-file.js';
import { ConfigurationError, isConfigurationError } from '../platform/errors.js';
import { verdictSchema } from '../platform/report.js';
import { MODEL_FORMATS } from './formats.js';
import { jsonErrorLine, signatureSchema } from './signature.js';

/**
 * `model-manifest.json`: what a model package holds, byte for byte, and what is known about the
 * model. It is deterministic (no timestamps; keys in schema order, record keys and file lists
 * sorted), so the same inputs give the same manifest and the same package digest. The bundle:
 *
 *   model/          the model files and folders, by their paths as given under the workspace
 *   metadata/       metrics, params, signature, input example, data profiles and reports, evaluation report
 *   requirements/   requirement and lock files
 *   extra/          anything else the user adds
 *   MODEL_CARD.md   rendered from the manifest; listed in it with role `card`
 *   model-manifest.json   this file; it does not list itself
 */
export const MANIFEST_SCHEMA_VERSION = 1;
export const MANIFEST_KIND = 'mlops-actions/model-package';
export const MANIFEST_FILE = 'model-manifest.json';
export const CARD_FILE = 'MODEL_CARD.md';

/** Semantic Versioning 2.0.0, as semver.org gives it. */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(v: string): boolean {
  return SEMVER_PATTERN.test(v);
}

/** Spelled without the `i` flag so that the JSON Schema's pattern means the same. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Relative, POSIX, normalized: no leading `/`, no `\`, no empty, `.` or `..` segment. */
export const BUNDLE_PATH_PATTERN = /^(?!\/)(?!.*\/\/)(?!.*\/$)(?!(?:.*\/)?\.{1,2}(?:\/|$))[^\\]+$/;

const bundlePath = z.string().regex(BUNDLE_PATH_PATTERN, 'must be a relative POSIX path inside the package');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

export const FILE_ROLES = ['model', 'metadata', 'requirements', 'extra', 'card'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export const manifestFileSchema = z
  .object({
    path: bundlePath,
    size: z.number().int().nonnegative().describe('Bytes.'),
    sha256,
    role: z.enum(FILE_ROLES).describe('model/, metadata/, requirements/, extra/ or the model card.'),
  })
  .strict();

export const manifestFormatSchema = z
  .object({
    path: bundlePath.describe('A model file or folder.'),
    format: z.enum(MODEL_FORMATS),
    runsCodeOnLoad: z.boolean().describe('Loading it can run arbitrary code (pickle and formats built on it).'),
    note: z.string().optional(),
  })
  .strict();

export const manifestDataSchema = z
  .object({
    source: bundlePath.describe('The profile or report, in the package.'),
    kind: z.enum(['profile', 'report']).describe('A validate-data profile file or a validate-data report.'),
    sha256,
    rows: z.number().int().nonnegative().optional(),
    columns: z.array(z.string()).optional(),
    files: z.array(z.string()).optional().describe('The data files it describes, as validate-data named them.'),
  })
  .strict();

export const manifestRequirementsSchema = z
  .object({
    path: bundlePath,
    sha256,
    packages: z.array(z.string().min(1)).describe('Requirements, e.g. "scikit-learn==1.2.1"; empty for lock files that are not requirement lists.'),
  })
  .strict();

export const modelManifestSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION).describe('Manifest format version; 1 is the only one.'),
    kind: z.literal(MANIFEST_KIND),
    name: z.string().min(1).max(128).regex(NAME_PATTERN, 'must start with a letter or digit and hold only letters, digits, ".", "_" and "-"'),
    version: z.string().regex(SEMVER_PATTERN, 'must be a semantic version (MAJOR.MINOR.PATCH)'),
    description: z.string().optional(),
    intendedUse: z.string().optional(),
    limitations: z.string().optional(),
    createdFrom: z
      .object({
        repository: z.string().min(1).optional().describe('owner/name'),
        commit: z.string().min(1).optional(),
        ref: z.string().min(1).optional(),
        workflow: z.string().min(1).optional(),
        runUrl: z.string().min(1).optional(),
      })
      .strict()
      .describe('Where the package was built.'),
    files: z.array(manifestFileSchema).describe('Every file of the package but the manifest, sorted by path.'),
    formats: z.array(manifestFormatSchema),
    signature: signatureSchema.optional(),
    examples: z
      .object({
        input: z.string().regex(BUNDLE_PATH_PATTERN).optional().describe('Path in the package of rows the model accepts (the input example).'),
        output: z.string().regex(BUNDLE_PATH_PATTERN).optional().describe("Path in the package of the model's expected output for the input example."),
      })
      .strict()
      .optional()
      .describe('Examples a serving image is smoke-tested with.'),
    metrics: z.record(z.string().min(1), z.number().refine(Number.isFinite, 'must be a finite number')),
    params: z.record(z.string(), z.unknown()),
    data: z.array(manifestDataSchema),
    evaluation: z
      .object({
        verdict: verdictSchema,
        headline: z.string().optional(),
        reportPath: bundlePath,
        reportSha256: sha256,
      })
      .strict()
      .optional()
      .describe('The evaluate-metrics-gate report the model passed through.'),
    environment: z
      .object({
        python: z.string().min(1).optional(),
        requirements: z.array(manifestRequirementsSchema),
      })
      .strict(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const byPath = new Map<string, string>();
    m.files.forEach((f, i) => {
      if (byPath.has(f.path)) ctx.addIssue({ code: 'custom', path: ['files', i, 'path'], message: `${f.path} is listed twice` });
      byPath.set(f.path, f.sha256);
      if (f.path === MANIFEST_FILE) ctx.addIssue({ code: 'custom', path: ['files', i, 'path'], message: 'the manifest does not list itself' });
      else if (roleOfPath(f.path) !== f.role) ctx.addIssue({ code: 'custom', path: ['files', i, 'role'], message: `${f.path} has role ${f.role}, but its place in the package means ${roleOfPath(f.path) ?? 'no role'}` });
    });
    const listed = (path: Array<string | number>, file: string, hash: string) => {
      const known = byPath.get(file);
      if (known === undefined) ctx.addIssue({ code: 'custom', path, message: `${file} is not one of the files` });
      else if (known !== hash) ctx.addIssue({ code: 'custom', path, message: `the sha256 of ${file} differs from its entry in files` });
    };
    m.data.forEach((d, i) => listed(['data', i, 'source'], d.source, d.sha256));
    if (m.evaluation) listed(['evaluation', 'reportPath'], m.evaluation.reportPath, m.evaluation.reportSha256);
    m.environment.requirements.forEach((r, i) => listed(['environment', 'requirements', i, 'path'], r.path, r.sha256));
  });
export type ModelManifest = z.infer<typeof modelManifestSchema>;
export type ManifestFile = ModelManifest['files'][number];
export type ManifestData = ModelManifest['data'][number];

export function modelManifestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(modelManifestSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The role a bundle path's place gives it; undefined outside the layout. */
export function roleOfPath(path: string): FileRole | undefined {
  if (path === CARD_FILE) return 'card';
  const top = path.split('/')[0]!;
  return path.includes('/') && (['model', 'metadata', 'requirements', 'extra'] as const).find((r) => r === top) ? (top as FileRole) : undefined;
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The manifest as written: 2-space JSON and a final newline, keys in schema order, record keys and
 * the keys of params' values sorted, files, formats, data and requirement files sorted by path.
 * An invalid manifest is a bug of the caller and throws.
 */
export function serializeManifest(m: ModelManifest): string {
  const parsed = modelManifestSchema.safeParse(m);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid model manifest: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
  }
  const value = parsed.data;
  const sorted: ModelManifest = {
    ...value,
    files: [...value.files].sort((a, b) => comparePaths(a.path, b.path)),
    formats: [...value.formats].sort((a, b) => comparePaths(a.path, b.path)),
    data: [...value.data].sort((a, b) => comparePaths(a.source, b.source)),
    environment: {
      ...value.environment,
      requirements: [...value.environment.requirements].sort((a, b) => comparePaths(a.path, b.path)).map((r) => ({ ...r, packages: [...r.packages].sort(comparePaths) })),
    },
  };
  return `${JSON.stringify(inSchemaOrder(modelManifestSchema, sorted), null, 2)}\n`;
}

/** A copy of value whose object keys follow the schema's order; records and free JSON get sorted keys. */
function inSchemaOrder(schema: z.ZodType, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return inSchemaOrder(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodObject && isPlainObject(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) if (value[key] !== undefined) out[key] = inSchemaOrder(shape[key]!, value[key]);
    return out;
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) return value.map((v) => inSchemaOrder(schema.element as z.ZodType, v));
  if (schema instanceof z.ZodRecord && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(comparePaths)) if (value[key] !== undefined) out[key] = inSchemaOrder(schema.valueType as z.ZodType, value[key]);
    return out;
  }
  return canonicalJson(value);
}

function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(comparePaths)) if (value[key] !== undefined) out[key] = canonicalJson(value[key]);
    return out;
  }
  return value;
}

const MANIFEST_HINT = 'A model manifest is the model-manifest.json that package-model writes; build the package again rather than editing it.';

export function parseManifest(text: string, displayName: string): ModelManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`the model manifest is not valid JSON: ${(error as Error).message}`, { file: displayName, line: jsonErrorLine(error as Error, text), hint: MANIFEST_HINT });
  }
  if (!isPlainObject(raw) || raw.kind !== MANIFEST_KIND) {
    throw new ConfigurationError('not a model manifest', { file: displayName, line: 1, hint: `A model manifest has "kind": "${MANIFEST_KIND}". ${MANIFEST_HINT}` });
  }
  if (raw.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    throw new ConfigurationError(`model manifest schemaVersion ${JSON.stringify(raw.schemaVersion)} is not supported (this version reads ${MANIFEST_SCHEMA_VERSION})`, {
      file: displayName,
      line: 1,
      hint: 'It was written by another version of package-model; use that version to read it, or build the package again.',
    });
  }
  try {
    return parseConfigText(text, displayName, modelManifestSchema, 'model manifest').value;
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    throw new ConfigurationError(error.message, { file: error.file, line: error.line, hint: error.hint ? `${error.hint} ${MANIFEST_HINT}` : MANIFEST_HINT });
  }
}

/**
 * The package version: the `version` input when given (a leading `v` dropped), else the tag the
 * workflow runs for (`refs/tags/v1.2.3` or `refs/tags/1.2.3`) when it is semver, else
 * `0.0.0+<short commit>`, or `0.0.0+local` without a commit.
 */
export function deriveVersion(options: { given?: string; ref?: string; sha?: string }): string {
  const given = options.given?.trim();
  if (given) {
    const version = given.replace(/^[vV](?=\d)/, '');
    if (!isSemver(version)) {
      throw new ConfigurationError(`input version: ${JSON.stringify(given)} is not semver`, {
        hint: 'Use MAJOR.MINOR.PATCH, e.g. 1.4.0, 2.0.0-rc.1 or 1.4.0+build.7 (a leading v is dropped); or leave it empty to take the version from the tag.',
      });
    }
    return version;
  }
  const tag = /^refs\/tags\/[vV]?(\d.*)$/.exec(options.ref ?? '');
  if (tag && isSemver(tag[1]!)) return tag[1]!;
  const sha = options.sha?.trim().toLowerCase();
  return sha && /^[0-9a-f]{7,}$/.test(sha) ? `0.0.0+${sha.slice(0, 7)}` : '0.0.0+local';
}

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;
const SPECIFIER_START = /^(===|==|!=|~=|<=|>=|<|>|@|\()/;

/** PEP 503: lower case, runs of `-`, `_` and `.` as one `-`. */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The requirements of a pip requirements file, sorted: a pinned one (`==`, `===`) as
 * `name==version` with the name normalized (extras kept, sorted: `uvicorn[standard]==0.23.2`), any
 * other as written. Comments, option lines (-r, -c, -e, -i, --index-url, ...), per-requirement
 * options (--hash) and environment markers are left out; lines that are not requirements (paths,
 * URLs, another format's syntax) are skipped.
 */
export function parseRequirements(text: string): string[] {
  const out = new Set<string>();
  for (const physical of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    let line = physical.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || line.startsWith('-')) continue;
    line = line.replace(/\s+--?[A-Za-z].*$/, '');
    const semicolon = line.indexOf(';');
    if (semicolon >= 0) line = line.slice(0, semicolon);
    line = line.trim();
    const match = REQUIREMENT.exec(line);
    if (!match) continue;
    const [, name, extras, rest] = match as unknown as [string, string, string | undefined, string];
    if (rest !== '' && !SPECIFIER_START.test(rest)) continue;
    const pinned = /^===?\s*([^\s,;]+)$/.exec(rest);
    if (pinned) {
      const extraList = extras
        ? `[${extras
            .slice(1, -1)
            .split(',')
            .map((e) => normalizePackageName(e.trim()))
            .filter((e) => e !== '')
            .sort(comparePaths)
            .join(',')}]`
        : '';
      out.add(`${normalizePackageName(name)}${extraList}==${pinned[1]!}`);
    } else {
      out.add(line);
    }
  }
  return [...out].sort(comparePaths);
}

/** The normalized package name of a requirement string such as `Scikit_Learn[x]>=1.2`. */
export function requirementName(requirement: string): string {
  const match = REQUIREMENT.exec(requirement.trim());
  return match ? normalizePackageName(match[1]!) : requirement.trim();
}

export type DataFingerprint = Omit<ManifestData, 'source'>;

/**
 * What the manifest records of a validate-data profile file (`mode: profile`) or of a validate-data
 * JSON report: its sha256, and the rows, column names and data files it describes.
 */
export async function readDataFingerprint(file: string, displayName: string): Promise<DataFingerprint> {
  const { bytes, value } = await readJsonFile(file, displayName, 'data profile', 'Give a profile file validate-data wrote (profile-path) or its JSON report (report-path).');
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (isPlainObject(value) && value.format === PROFILE_FORMAT && isPlainObject(value.profile)) {
    const profile = value.profile;
    return {
      kind: 'profile',
      sha256: hash,
      ...rowsOf(profile.rows),
      ...columnsOf(Array.isArray(profile.columns) ? profile.columns.map((c) => (isPlainObject(c) ? c.name : undefined)) : undefined),
      ...filesOf(profile.files),
    };
  }
  if (isPlainObject(value) && value.action === 'validate-data' && isPlainObject(value.details)) {
    const details = value.details;
    return { kind: 'report', sha256: hash, ...rowsOf(details.rows), ...columnsOf(details.columns), ...filesOf(details.files) };
  }
  throw new ConfigurationError('neither a validate-data profile nor a validate-data report', {
    file: displayName,
    line: 1,
    hint: `A profile has "format": "${PROFILE_FORMAT}" (written at profile-path); a report has "action": "validate-data" (written at report-path).`,
  });
}

function rowsOf(rows: unknown): { rows?: number } {
  return typeof rows === 'number' && Number.isInteger(rows) && rows >= 0 ? { rows } : {};
}

function columnsOf(columns: unknown): { columns?: string[] } {
  return Array.isArray(columns) && columns.every((c) => typeof c === 'string') ? { columns: columns as string[] } : {};
}

function filesOf(files: unknown): { files?: string[] } {
  if (!Array.isArray(files)) return {};
  const names = files.map((f) => (typeof f === 'string' ? f : isPlainObject(f) && typeof f.file === 'string' ? f.file : undefined));
  return names.every((n): n is string => n !== undefined) ? { files: names } : {};
}

/** The verdict and headline of an evaluate-metrics-gate JSON report. */
export async function readEvaluationReport(file: string, displayName: string): Promise<{ verdict: z.infer<typeof verdictSchema>; headline: string }> {
  const hint = 'Give the JSON report evaluate-metrics-gate wrote (its report-path).';
  const { value } = await readJsonFile(file, displayName, 'evaluation report', hint);
  if (!isPlainObject(value) || value.action !== 'evaluate-metrics-gate') {
    const action = isPlainObject(value) && typeof value.action === 'string' ? ` (it is a ${value.action} report)` : '';
    throw new ConfigurationError(`not an evaluate-metrics-gate report${action}`, { file: displayName, line: 1, hint });
  }
  const verdict = verdictSchema.safeParse(value.verdict);
  if (!verdict.success || typeof value.headline !== 'string') {
    throw new ConfigurationError('the evaluation report has no verdict or headline', { file: displayName, line: 1, hint });
  }
  return { verdict: verdict.data, headline: value.headline };
}

async function readJsonFile(file: string, displayName: string, what: string, hint: string): Promise<{ bytes: Buffer; value: unknown }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(code === 'ENOENT' ? `${what} not found` : `cannot read the ${what} (${code ?? 'error'})`, { file: displayName, hint });
  }
  const text = bytes.toString('utf8');
  try {
    return { bytes, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new ConfigurationError(`the ${what} is not valid JSON: ${(error as Error).message}`, { file: displayName, line: jsonErrorLine(error as Error, text), hint });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
