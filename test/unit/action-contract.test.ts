import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionNames, loadAction } from '../../src/actions/index.js';
import type { ActionDefinition } from '../../src/platform/action.js';
import { describeInputs } from '../../src/platform/inputs.js';

/**
 * The public contract of every action is its action.yml. These tests keep three things in step
 * with it: the zod input schema the code parses with, the built bundle it points at, and the
 * inputs/outputs tables in README.md (which scripts/readme-tables.mjs regenerates).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REGENERATE = 'Regenerate the tables from action.yml: node scripts/readme-tables.mjs';

interface ActionYaml {
  name?: unknown;
  description?: unknown;
  inputs?: Record<string, { description?: unknown; required?: unknown; default?: unknown } | null>;
  outputs?: Record<string, { description?: unknown } | null>;
  runs?: { using?: unknown; main?: unknown };
}

interface DeclaredInput {
  name: string;
  required: boolean;
  default: string | undefined;
}

const actionDirs = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'action.yml')))
  .map((d) => d.name)
  .sort();

function loadActionYaml(name: string): ActionYaml {
  return parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8')) as ActionYaml;
}

/** Inputs as the runner sees them: a default is a string, `required` is true only when it says so. */
function declaredInputs(doc: ActionYaml): DeclaredInput[] {
  return Object.entries(doc.inputs ?? {}).map(([name, spec]) => ({
    name,
    required: String(spec?.required) === 'true',
    default: spec?.default === undefined || spec?.default === null ? undefined : String(spec.default),
  }));
}

const actions: Record<string, ActionDefinition> = Object.fromEntries(await Promise.all(actionNames.map(async (name) => [name, await loadAction(name)])));

const isExpression = (value: string) => /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(value);

describe('the action registry and actions/*/action.yml', () => {
  it('has one registry entry per action.yml and one action.yml per registry entry', () => {
    expect(actionDirs.length).toBeGreaterThan(0);
    expect(Object.keys(actions).sort()).toEqual(actionDirs);
  });

  describe.each(Object.keys(actions).sort())('%s', (name) => {
    const definition = actions[name]!;
    const doc = existsSync(path.join(root, 'actions', name, 'action.yml')) ? loadActionYaml(name) : ({} as ActionYaml);
    const declared = declaredInputs(doc);
    const zodInputs = describeInputs(definition.inputs);

    it('is registered under its own name', () => {
      expect(definition.name).toBe(name);
    });

    it('lists the same input names in the zod schema and action.yml', () => {
      expect(zodInputs.map((i) => i.name).sort()).toEqual(declared.map((i) => i.name).sort());
    });

    it.each(declared.map((i) => [i.name, i] as const))('input %s: default and required agree with the zod schema', (_, input) => {
      const zod = zodInputs.find((i) => i.name === input.name);
      expect(zod, `input ${input.name} is in action.yml but not in the zod schema`).toBeDefined();
      if (!zod) return;
      if (input.default !== undefined && isExpression(input.default)) {
        // The runner evaluates the expression; the code sees its value or, outside the runner, nothing.
        expect(zod, `input ${input.name}: action.yml default ${input.default} is an expression, so the zod input must be optional without default`).toMatchObject({
          required: false,
          default: undefined,
        });
      } else {
        expect(zod.default, `input ${input.name}: zod .prefault() must be the action.yml default`).toBe(input.default);
      }
      expect(zod.required, `input ${input.name}: required in action.yml ⇔ required in zod`).toBe(input.required);
    });

    it('runs on node24 from dist/index.js, and the bundle exists', () => {
      expect(doc.runs?.using).toBe('node24');
      expect(doc.runs?.main).toBe('dist/index.js');
      expect(existsSync(path.join(root, 'actions', name, 'dist', 'index.js')), `actions/${name}/dist/index.js is missing: npm run build`).toBe(true);
    });

    it('describes every output', () => {
      for (const [output, spec] of Object.entries(doc.outputs ?? {})) {
        expect(typeof spec?.description === 'string' && spec.description.trim() !== '', `output ${output} has no description`).toBe(true);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// README tables

interface Table {
  header: string[];
  rows: string[][];
}

function section(markdown: string, marker: string): string | undefined {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const open = new RegExp(`<!--\\s*${escaped}\\s*-->`).exec(markdown);
  if (!open) return undefined;
  const from = open.index + open[0].length;
  const close = new RegExp(`<!--\\s*/${escaped}\\s*-->`).exec(markdown.slice(from));
  return close ? markdown.slice(from, from + close.index) : undefined;
}

/** Cells of a GitHub-flavoured markdown table row; `\|` is a pipe inside a cell. */
function cells(line: string): string[] {
  const parts = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/);
  return parts.map((c) => c.trim().replace(/\\\|/g, '|'));
}

function parseTable(text: string): Table | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('|'));
  if (lines.length < 2 || !/^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/.test(lines[1]!)) return undefined;
  return { header: cells(lines[0]!), rows: lines.slice(2).map(cells) };
}

/** A code span's content (`x` or `` x ``), or undefined when the cell is not one code span. */
function codeSpan(cell: string): string | undefined {
  const match = /^(`+)(.*)\1$/s.exec(cell);
  if (!match) return undefined;
  const inner = match[2]!;
  const unpadded = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner;
  return unpadded === '""' ? '' : unpadded;
}

/** Name, required flag and default of each input, the way a README row shows them. */
function inputRows(inputs: DeclaredInput[]): Array<[string, string, string | undefined]> {
  return inputs.map((i) => [i.name, i.required ? 'yes' : 'no', i.default]);
}

/** The same from a README inputs table: a default is a code span, or — for none. */
function readInputsTable(table: Table): Array<[string, string, string | undefined]> {
  return table.rows.map(([name = '', required = '', def = '']) => [
    codeSpan(name) ?? name,
    required.toLowerCase(),
    def === '—' ? undefined : (codeSpan(def) ?? `(not in backticks nor —) ${def}`),
  ]);
}

function checkReadme(markdown: string, file: string, names: readonly string[] = actionDirs): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const doc = loadActionYaml(name);
    const inputsSection = section(markdown, `inputs:${name}`);
    const inputs = inputsSection === undefined ? undefined : parseTable(inputsSection);
    if (!inputs) {
      problems.push(`${file}: no inputs table between <!-- inputs:${name} --> and <!-- /inputs:${name} -->`);
    } else if (inputs.header.join('|') !== 'Input|Required|Default|Description') {
      problems.push(`${file}: the inputs table of ${name} must have the columns | Input | Required | Default | Description |, not | ${inputs.header.join(' | ')} |`);
    } else {
      const want = inputRows(declaredInputs(doc));
      const got = readInputsTable(inputs);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        problems.push(`${file}: the inputs table of ${name} does not match actions/${name}/action.yml:\n  README:     ${JSON.stringify(got)}\n  action.yml: ${JSON.stringify(want)}`);
      }
    }
    const outputsSection = section(markdown, `outputs:${name}`);
    const outputs = outputsSection === undefined ? undefined : parseTable(outputsSection);
    if (!outputs) {
      problems.push(`${file}: no outputs table between <!-- outputs:${name} --> and <!-- /outputs:${name} -->`);
    } else if (outputs.header.join('|') !== 'Output|Description') {
      problems.push(`${file}: the outputs table of ${name} must have the columns | Output | Description |, not | ${outputs.header.join(' | ')} |`);
    } else {
      const want = Object.keys(doc.outputs ?? {});
      const got = outputs.rows.map((row) => codeSpan(row[0] ?? '') ?? row[0] ?? '');
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        problems.push(`${file}: the outputs table of ${name} does not match actions/${name}/action.yml:\n  README:     ${JSON.stringify(got)}\n  action.yml: ${JSON.stringify(want)}`);
      }
    }
  }
  return problems;
}

describe('the inputs and outputs tables of each action’s page, docs/actions/<action>.md', () => {
  it('match every action.yml', () => {
    const problems: string[] = [];
    for (const name of actionDirs) {
      const page = path.join(root, 'docs', 'actions', `${name}.md`);
      if (!existsSync(page)) problems.push(`docs/actions/${name}.md is missing`);
      else problems.push(...checkReadme(readFileSync(page, 'utf8'), `docs/actions/${name}.md`, [name]));
    }
    expect(problems, `${problems.join('\n')}\n${REGENERATE}`).toEqual([]);
  });

  it('the README links every action’s page', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const name of actionDirs) expect(readme, name).toContain(`](docs/actions/${name}.md)`);
  });

  it('the config references in docs/config match schemas/ and name every field (node scripts/config-reference.mjs)', () => {
    const script = path.join(root, 'scripts', 'config-reference.mjs');
    const check = spawnSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.status, `${check.stderr}Regenerate them: node scripts/config-reference.mjs`).toBe(0);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const name of ['data-schema', 'gates', 'rollout-plan', 'model-manifest', 'report']) {
      expect(readme, name).toContain(`](docs/config/${name}.md)`);
      const page = readFileSync(path.join(root, 'docs', 'config', `${name}.md`), 'utf8');
      // Every property name anywhere in the schema is a field of some row.
      const names = new Set<string>();
      const collect = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(collect);
        else if (node && typeof node === 'object') {
          const properties = (node as { properties?: Record<string, unknown> }).properties;
          if (properties) for (const key of Object.keys(properties)) if (key !== '$schema') names.add(key);
          Object.values(node).forEach(collect);
        }
      };
      collect(JSON.parse(readFileSync(path.join(root, 'schemas', `${name}.schema.json`), 'utf8')));
      const fields = [...page.matchAll(/^\| \*{0,2}`([^`]+)`/gm)].map((m) => m[1]!.split('.').pop()!.replace(/\[\]$/, ''));
      expect([...names].filter((n) => !fields.includes(n)), name).toEqual([]);
    }
  });

  describe('scripts/readme-tables.mjs', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'readme-tables-'));
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));
    const script = path.join(root, 'scripts', 'readme-tables.mjs');
    const run = (...args: string[]) => execFileSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' });

    const stale = (name: string) =>
      [
        `## ${name}`,
        '',
        `<!-- inputs:${name} -->`,
        '| Input | Required | Default | Description |',
        '| --- | --- | --- | --- |',
        '| `stale` | yes | `x` | hand-written \\| out of date |',
        `<!-- /inputs:${name} -->`,
        '',
        'Text between the tables | stays as it is.',
        '',
        `<!--outputs:${name}-->`,
        `<!-- /outputs:${name} -->`,
        '',
      ].join('\n');
    const fixture = `# Title\n\nIntro, kept as is.\n\n${actionDirs.map(stale).join('\n')}\nThe end.\n`;

    it('regenerates tables that pass the check above, touching nothing outside the markers', () => {
      const file = path.join(tmp, 'README.md');
      writeFileSync(file, fixture);
      expect(checkReadme(fixture, 'fixture')).not.toEqual([]);
      run('--readme', file);
      const written = readFileSync(file, 'utf8');
      expect(checkReadme(written, 'fixture')).toEqual([]);
      const outside = (markdown: string) => markdown.replace(/(<!--\s*(inputs|outputs):[\w-]+\s*-->)[\s\S]*?(<!--\s*\/\2:[\w-]+\s*-->)/g, '$1$3');
      expect(outside(written)).toBe(outside(fixture));
      // Idempotent, and --check agrees.
      run('--readme', file);
      expect(readFileSync(file, 'utf8')).toBe(written);
      expect(() => run('--check', '--readme', file)).not.toThrow();
    });

    it('--check fails on a stale README and changes nothing', () => {
      const file = path.join(tmp, 'stale.md');
      writeFileSync(file, fixture);
      expect(() => run('--check', '--readme', file)).toThrow(/out of date/);
      expect(readFileSync(file, 'utf8')).toBe(fixture);
    });

    it('fails, naming the markers, when a table has none', () => {
      const file = path.join(tmp, 'no-markers.md');
      writeFileSync(file, '# Title\n');
      expect(() => run('--readme', file)).toThrow(/no markers .*inputs:/);
    });
  });
});
