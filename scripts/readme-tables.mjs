// Regenerates the inputs and outputs tables of every action from actions/*/action.yml, in place,
// between the markers
//
//   <!-- inputs:<action> -->  ...  <!-- /inputs:<action> -->
//   <!-- outputs:<action> --> ...  <!-- /outputs:<action> -->
//
// in the action's own page, docs/actions/<action>.md. Nothing outside the markers is touched.
// action.yml is the one source of truth; the tables are never edited by hand.
//
//   node scripts/readme-tables.mjs            rewrite every docs/actions/<action>.md
//   node scripts/readme-tables.mjs --check    exit 1 if a page is out of date, change nothing
//   node scripts/readme-tables.mjs --readme <file>   one file holding the tables of every action
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const check = args.includes('--check');
const readmeIndex = args.indexOf('--readme');
const unknown = args.filter((a, i) => a !== '--check' && a !== '--readme' && !(readmeIndex >= 0 && i === readmeIndex + 1));
if (unknown.length > 0 || (readmeIndex >= 0 && !args[readmeIndex + 1])) {
  console.error('usage: node scripts/readme-tables.mjs [--check] [--readme <file>]');
  process.exit(2);
}
const actions = loadActions();
// Each page and the actions whose tables it holds.
const pages = readmeIndex >= 0 ? [{ file: path.resolve(args[readmeIndex + 1]), actions }] : actions.map((a) => ({ file: path.join(root, 'docs', 'actions', `${a.name}.md`), actions: [a] }));
let failed = false;
for (const page of pages) failed = updatePage(page.file, page.actions) || failed;
process.exitCode = failed ? 1 : 0;

/** Regenerates one page's tables; true when it is missing markers, or stale under --check. */
function updatePage(readmePath, pageActions) {
  if (!existsSync(readmePath)) {
    console.error(`readme-tables: ${path.relative(process.cwd(), readmePath) || readmePath} does not exist`);
    return true;
  }
  const before = readFileSync(readmePath, 'utf8');
  let text = before;
  const missing = [];
  const changed = [];
  for (const action of pageActions) {
    for (const [kind, table] of [
      ['inputs', inputsTable(action)],
      ['outputs', outputsTable(action)],
    ]) {
      const result = replaceSection(text, `${kind}:${action.name}`, table);
      if (result === undefined) missing.push(`${kind}:${action.name}`);
      else {
        if (result !== text) changed.push(`${kind}:${action.name}`);
        text = result;
      }
    }
  }

  const shown = path.relative(process.cwd(), readmePath) || readmePath;
  if (check) {
    if (changed.length > 0) console.error(`readme-tables: ${shown} is out of date (${changed.join(', ')}); run \`node scripts/readme-tables.mjs\``);
  } else if (text !== before) {
    writeFileSync(readmePath, text);
    console.log(`readme-tables: updated ${changed.join(', ')} in ${shown}`);
  } else {
    console.log(`readme-tables: ${shown} is up to date`);
  }
  if (missing.length > 0) {
    console.error(`readme-tables: no markers in ${shown} for ${missing.join(', ')}; add, where each table belongs:`);
    for (const marker of missing) console.error(`  <!-- ${marker} -->\n  <!-- /${marker} -->`);
  }
  return missing.length > 0 || (check && changed.length > 0);
}

/** Every actions/<name>/action.yml, by name. */
function loadActions() {
  const dir = path.join(root, 'actions');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'action.yml')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const doc = parse(readFileSync(path.join(dir, name, 'action.yml'), 'utf8')) ?? {};
      const inputs = Object.entries(doc.inputs ?? {}).map(([input, spec]) => ({
        name: input,
        description: String(spec?.description ?? ''),
        required: String(spec?.required) === 'true',
        default: spec?.default === undefined || spec?.default === null ? undefined : String(spec.default),
      }));
      const outputs = Object.entries(doc.outputs ?? {}).map(([output, spec]) => ({ name: output, description: String(spec?.description ?? '') }));
      return { name, inputs, outputs };
    });
}

function inputsTable(action) {
  const rows = action.inputs.map((i) => `| ${code(i.name)} | ${i.required ? 'yes' : 'no'} | ${i.default === undefined ? '—' : code(i.default)} | ${cell(i.description)} |`);
  return ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function outputsTable(action) {
  const rows = action.outputs.map((o) => `| ${code(o.name)} | ${cell(o.description)} |`);
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
}

/** A table cell: one line, pipes escaped. */
function cell(value) {
  return value.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/** A value as a code span: shown literally (expressions too), pipes escaped for the table. */
function code(value) {
  const flat = value.replace(/\r?\n/g, '\\n');
  if (flat === '') return '`""`';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Replaces what is between `<!-- marker -->` and `<!-- /marker -->`; undefined when either is missing. */
function replaceSection(source, marker, table) {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const open = new RegExp(`<!--\\s*${escaped}\\s*-->`).exec(source);
  if (!open) return undefined;
  const from = open.index + open[0].length;
  const close = new RegExp(`<!--\\s*/${escaped}\\s*-->`).exec(source.slice(from));
  if (!close) return undefined;
  return `${source.slice(0, from)}\n\n${table}\n\n${source.slice(from + close.index)}`;
}
