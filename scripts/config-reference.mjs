// Writes the reference page of every file format the actions read or write, docs/config/<name>.md,
// from its JSON Schema in schemas/ (which the build writes from the zod schemas the actions
// validate with): one row per field, with its type, constraints, default and description. The
// pages are generated whole and never edited by hand.
//
//   node scripts/config-reference.mjs           rewrite docs/config/*.md
//   node scripts/config-reference.mjs --check   exit 1 if a page is missing or out of date, change nothing
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each format: its schema file, who reads or writes it, and the name a map's keys stand for. */
const FORMATS = [
  {
    schema: 'data-schema',
    about: 'The data schema validate-data checks data against (`schema` input): the columns with their types and rules, dataset rules, and drift settings. YAML or JSON.',
    keys: { columns: 'column' },
  },
  {
    schema: 'gates',
    about: 'The gates file evaluate-metrics-gate judges a candidate with (`gates` input): per-metric limits, absolute or relative to the baseline, judged on confidence intervals, and slice rules. YAML or JSON.',
    keys: { metrics: 'metric' },
  },
  {
    schema: 'rollout-plan',
    about: 'The rollout plan staged-deploy follows (`plan` input): the stages, each with its provider (the target), smoke test, canary steps and analysis. YAML or JSON.',
    keys: { env: 'variable' },
  },
  {
    schema: 'model-manifest',
    about: 'The manifest package-model writes at the root of a model package (`manifest.json`), which containerize, staged-deploy and `mlops-actions serve` verify the package against.',
    keys: {},
  },
  {
    schema: 'report',
    about: 'The JSON report every action writes (`report-path` output): verdict, findings with file and line, tables and charts, and the action\'s own details.',
    keys: {},
  },
];

const check = process.argv.includes('--check');
const unknown = process.argv.slice(2).filter((a) => a !== '--check');
if (unknown.length > 0) {
  console.error('usage: node scripts/config-reference.mjs [--check]');
  process.exit(2);
}

let failed = false;
mkdirSync(path.join(root, 'docs', 'config'), { recursive: true });
for (const format of FORMATS) {
  const file = path.join(root, 'docs', 'config', `${format.schema}.md`);
  const page = renderPage(format, JSON.parse(readFileSync(path.join(root, 'schemas', `${format.schema}.schema.json`), 'utf8')));
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (before === page) continue;
  const shown = path.relative(process.cwd(), file);
  if (check) {
    console.error(`config-reference: ${shown} is ${before === undefined ? 'missing' : 'out of date'}; run: node scripts/config-reference.mjs`);
    failed = true;
  } else {
    writeFileSync(file, page);
    console.log(`config-reference: wrote ${shown}`);
  }
}
process.exitCode = failed ? 1 : 0;

function renderPage(format, schema) {
  const rows = [];
  walk(schema, '', rows, format.keys);
  const lines = [
    `<!-- Generated from schemas/${format.schema}.schema.json by scripts/config-reference.mjs: do not edit. -->`,
    '',
    `# ${schema.title ?? format.schema}`,
    '',
    format.about,
    '',
    `JSON Schema: [schemas/${format.schema}.schema.json](../../schemas/${format.schema}.schema.json) (\`${schema.$id}\`). For completion and checks in an editor with the YAML language server, start a YAML file with:`,
    '',
    '```yaml',
    `# yaml-language-server: $schema=${schema.$id}`,
    '```',
    '',
    'A field `a.b` is `b` inside `a`; `<name>` stands for a key of your choosing, `[]` for each item of a list. A field in **bold** is required where its parent is given.',
    '',
    '| field | type | default | description |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.required ? `**\`${r.path}\`**` : `\`${r.path}\``} | ${cell(r.type)} | ${r.default === undefined ? '' : `\`${cell(JSON.stringify(r.default))}\``} | ${cell(prose(r.description ?? ''))} |`),
    '',
  ];
  return lines.join('\n');
}

/** One row per field, depth first, in the schema's order. */
function walk(schema, prefix, rows, keys) {
  if (schema.oneOf) {
    for (const variant of schema.oneOf) {
      const kind = variant.properties?.kind?.const;
      walk(variant, kind === undefined ? prefix : `${prefix} (kind: ${kind})`, rows, keys);
    }
    return;
  }
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (name === '$schema') continue;
    const here = prefix ? `${prefix}.${name}` : name;
    rows.push({ path: here, type: typeOf(field), default: field.default, description: field.description, required: required.has(name) });
    descend(field, here, rows, keys, name);
  }
}

/** The fields inside a field: an object's, a map's values', a list's items'. */
function descend(field, here, rows, keys, name) {
  if (field.oneOf) walk(field, here, rows, keys);
  else if (field.properties) walk(field, here, rows, keys);
  if (field.additionalProperties && typeof field.additionalProperties === 'object' && (field.additionalProperties.properties || field.additionalProperties.oneOf)) {
    const key = `${here}.<${keys[name] ?? 'name'}>`;
    rows.push({ path: key, type: typeOf(field.additionalProperties), description: field.additionalProperties.description, required: false });
    descend(field.additionalProperties, key, rows, keys, name);
  }
  if (field.items && (field.items.properties || field.items.oneOf)) walk(field.items, `${here}[]`, rows, keys);
}

/** A short type: the JSON type with its constraints, enum values or constant. */
function typeOf(field) {
  if (field.const !== undefined) return `\`${JSON.stringify(field.const)}\``;
  if (field.enum) return field.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  if (field.oneOf) {
    const kinds = field.oneOf.map((v) => v.properties?.kind?.const).filter((k) => k !== undefined);
    return kinds.length > 0 ? `object, one of kind ${kinds.map((k) => `\`${k}\``).join(', ')}` : field.oneOf.map(typeOf).join(' or ');
  }
  if (field.anyOf) return field.anyOf.map(typeOf).join(' or ');
  const type = Array.isArray(field.type) ? field.type.join(' or ') : (field.type ?? 'any');
  const limits = [];
  if (field.minimum !== undefined) limits.push(`≥ ${field.minimum}`);
  if (field.exclusiveMinimum !== undefined) limits.push(`> ${field.exclusiveMinimum}`);
  if (field.maximum !== undefined) limits.push(`≤ ${field.maximum}`);
  if (field.exclusiveMaximum !== undefined) limits.push(`< ${field.exclusiveMaximum}`);
  if (field.minLength !== undefined && field.minLength > 0) limits.push(`length ≥ ${field.minLength}`);
  if (field.pattern !== undefined) limits.push(`matching \`${field.pattern}\``);
  if (field.format !== undefined) limits.push(field.format);
  if (type === 'array') {
    if (field.prefixItems) return `[${field.prefixItems.map(typeOf).join(', ')}]`;
    const items = field.items ? (field.items.properties ? 'objects' : typeOf(field.items)) : 'any';
    const count = [field.minItems !== undefined ? `at least ${field.minItems}` : '', field.maxItems !== undefined ? `at most ${field.maxItems}` : ''].filter(Boolean).join(', ');
    return `list of ${items}${count ? ` (${count})` : ''}`;
  }
  if (type === 'object' && field.additionalProperties && typeof field.additionalProperties === 'object' && !field.properties) {
    return `map of ${field.additionalProperties.properties || field.additionalProperties.oneOf ? 'objects' : typeOf(field.additionalProperties)}`;
  }
  return limits.length > 0 ? `${type} (${limits.join(', ')})` : type;
}

/** Prose for HTML-rendered Markdown: a `<name>` outside code is text, not a tag. */
function prose(text) {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for a table cell: one line, pipes escaped. */
function cell(text) {
  return String(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
