import { ConfigurationError } from '../platform/errors.js';
import { comparePaths, type ModelManifest } from './manifest.js';
import type { SignatureField } from './signature.js';

/**
 * MODEL_CARD.md, rendered from the manifest alone, so the same manifest gives the same card. The
 * default card has every section; a user's template places the same sections with `{{placeholders}}`.
 */
export interface ModelCardOptions {
  /** A markdown template with {{placeholders}}; without it, the default card. */
  template?: string;
  /** The template's path, for errors. */
  templateName?: string;
}

type Sections = Record<(typeof PLACEHOLDERS)[number], string>;

export const PLACEHOLDERS = [
  'name',
  'version',
  'description',
  'intended_use',
  'limitations',
  'provenance',
  'evaluation',
  'metrics_table',
  'params_table',
  'data_table',
  'signature_table',
  'formats_table',
  'files_table',
  'environment',
] as const;

const VERDICT_ICON: Record<string, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️', error: '💥' };

export function renderModelCard(manifest: ModelManifest, options: ModelCardOptions = {}): string {
  const sections = renderSections(manifest);
  if (options.template !== undefined) return fillTemplate(options.template, options.templateName ?? 'model card template', sections);
  const risky = manifest.formats.filter((f) => f.runsCodeOnLoad).sort((a, b) => comparePaths(a.path, b.path));
  const parts = [`# ${manifest.name} ${manifest.version}`];
  if (manifest.description) parts.push(manifest.description.trim());
  if (risky.length > 0) {
    parts.push(
      [
        '> [!WARNING]',
        '> ⚠️ **Loading this model runs code.** Only load packages you trust.',
        ...risky.map((f) => `> - ${code(f.path)} is ${f.format}: loading it can run arbitrary code.`),
      ].join('\n'),
    );
  }
  parts.push(
    `## Intended use\n\n${sections.intended_use}`,
    `## Limitations\n\n${sections.limitations}`,
    `## Provenance\n\n${sections.provenance}`,
    `## Evaluation\n\n${sections.evaluation}`,
    `## Metrics\n\n${sections.metrics_table}`,
    `## Parameters\n\n${sections.params_table}`,
    `## Data\n\n${sections.data_table}`,
    `## Signature\n\n${sections.signature_table}`,
    `## Formats\n\n${sections.formats_table}`,
    `## Files\n\n${sections.files_table}`,
    `## Environment\n\n${sections.environment}`,
  );
  return `${parts.join('\n\n')}\n`;
}

function renderSections(m: ModelManifest): Sections {
  return {
    name: m.name,
    version: m.version,
    description: m.description?.trim() ?? '',
    intended_use: m.intendedUse?.trim() || 'Not stated: set intended-use.',
    limitations: m.limitations?.trim() || 'Not stated: set limitations.',
    provenance: provenance(m),
    evaluation: evaluation(m),
    metrics_table: metricsTable(m),
    params_table: paramsTable(m),
    data_table: dataTable(m),
    signature_table: signatureTable(m),
    formats_table: formatsTable(m),
    files_table: filesTable(m),
    environment: environment(m),
  };
}

function provenance(m: ModelManifest): string {
  const c = m.createdFrom;
  const rows: string[][] = [];
  if (c.repository) rows.push(['Repository', escapeCell(c.repository)]);
  if (c.commit) rows.push(['Commit', code(c.commit)]);
  if (c.ref) rows.push(['Ref', code(c.ref)]);
  if (c.workflow) rows.push(['Workflow', escapeCell(c.workflow)]);
  if (c.runUrl) rows.push(['Run', escapeCell(c.runUrl)]);
  return rows.length === 0 ? 'Not recorded.' : table(['', ''], rows);
}

function evaluation(m: ModelManifest): string {
  const e = m.evaluation;
  if (!e) return 'No evaluation report: set evaluation-report to the report of evaluate-metrics-gate.';
  const headline = e.headline ? ` ${e.headline.trim()}` : '';
  return `${VERDICT_ICON[e.verdict] ?? ''} **${e.verdict}**:${headline}\n\nReport: ${code(e.reportPath)} (sha256 ${code(e.reportSha256.slice(0, 12))})`;
}

function metricsTable(m: ModelManifest): string {
  const names = Object.keys(m.metrics).sort(comparePaths);
  if (names.length === 0) return 'No metrics recorded: set metrics.';
  return table(
    ['metric', 'value'],
    names.map((n) => [escapeCell(n), formatNumber(m.metrics[n]!)]),
  );
}

function paramsTable(m: ModelManifest): string {
  const names = Object.keys(m.params).sort(comparePaths);
  if (names.length === 0) return 'No parameters recorded: set params.';
  return table(
    ['parameter', 'value'],
    names.map((n) => {
      const v = m.params[n];
      return [escapeCell(n), typeof v === 'string' ? escapeCell(v) : typeof v === 'number' ? formatNumber(v) : code(stableJson(v))];
    }),
  );
}

function dataTable(m: ModelManifest): string {
  if (m.data.length === 0) return 'No data profile recorded: set data-profile to a validate-data profile or report.';
  const rows = [...m.data]
    .sort((a, b) => comparePaths(a.source, b.source))
    .map((d) => [code(d.source), d.kind, d.rows === undefined ? '—' : groupDigits(d.rows), d.columns === undefined ? '—' : String(d.columns.length), d.files === undefined ? '—' : escapeCell(d.files.join(', ')), code(d.sha256.slice(0, 12))]);
  return table(['source', 'kind', 'rows', 'columns', 'data files', 'sha256'], rows);
}

function signatureTable(m: ModelManifest): string {
  const s = m.signature;
  if (!s) return 'No signature: set signature, or input-example to infer one.';
  const row = (direction: string, f: SignatureField) => [direction, code(f.name), f.type, f.shape ? code(`[${f.shape.join(', ')}]`) : '—', f.dtype ? escapeCell(f.dtype) : '—', f.nullable ? 'yes' : 'no'];
  const rows = [...s.inputs.map((f) => row('input', f)), ...(s.outputs ?? []).map((f) => row('output', f))];
  const origin = s.source === 'inferred' ? 'Inferred from the input example: check the types before relying on them.' : 'Given in the signature file.';
  return `${table(['', 'name', 'type', 'shape', 'dtype', 'nullable'], rows)}\n\n${origin}`;
}

function formatsTable(m: ModelManifest): string {
  if (m.formats.length === 0) return 'No model format recognized.';
  const rows = [...m.formats]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((f) => [code(f.path), f.format, f.runsCodeOnLoad ? '⚠️ yes' : 'no', f.note ? escapeCell(f.note) : '']);
  return table(['path', 'format', 'runs code on load', 'note'], rows);
}

function filesTable(m: ModelManifest): string {
  if (m.files.length === 0) return 'No files.';
  const rows = [...m.files].sort((a, b) => comparePaths(a.path, b.path)).map((f) => [code(f.path), f.role, formatBytes(f.size), code(f.sha256.slice(0, 12))]);
  const total = m.files.reduce((sum, f) => sum + f.size, 0);
  return `${table(['path', 'role', 'size', 'sha256'], rows)}\n\n${groupDigits(m.files.length)} file${m.files.length === 1 ? '' : 's'}, ${formatBytes(total)}. Full hashes are in model-manifest.json.`;
}

function environment(m: ModelManifest): string {
  const parts = [m.environment.python ? `Python ${escapeCell(m.environment.python)}` : 'Python version not stated: set python-version.'];
  const files = [...m.environment.requirements].sort((a, b) => comparePaths(a.path, b.path));
  if (files.length === 0) {
    parts.push('No requirements file: set requirements.');
    return parts.join('\n\n');
  }
  parts.push(table(['requirements file', 'packages', 'sha256'], files.map((r) => [code(r.path), groupDigits(r.packages.length), code(r.sha256.slice(0, 12))])));
  for (const r of files) {
    if (r.packages.length === 0) continue;
    const list = [...r.packages].sort(comparePaths).map((p) => `- ${code(p)}`);
    parts.push(`<details><summary>${escapeHtml(r.path)}: ${groupDigits(r.packages.length)} package${r.packages.length === 1 ? '' : 's'}</summary>\n\n${list.join('\n')}\n\n</details>`);
  }
  return parts.join('\n\n');
}

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

function fillTemplate(template: string, templateName: string, sections: Sections): string {
  const known = new Set<string>(PLACEHOLDERS);
  const lines = template.split('\n');
  for (let i = 0; i < lines.length; i++) {
    for (const match of lines[i]!.matchAll(PLACEHOLDER)) {
      if (!known.has(match[1]!)) {
        throw new ConfigurationError(`model card template: unknown placeholder {{${match[1]!}}}`, {
          file: templateName,
          line: i + 1,
          column: match.index + 1,
          hint: `Known placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
        });
      }
    }
  }
  // One pass over the template: text a placeholder brings in is never read as a placeholder.
  const out = template.replace(PLACEHOLDER, (_all, name: string) => sections[name as keyof Sections]);
  return out.endsWith('\n') ? out : `${out}\n`;
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Text in a table cell: no HTML, no column break, no line break. */
export function escapeCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

/** A code span that holds any text, a pipe included. */
function code(text: string): string {
  const oneLine = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const fence = oneLine.includes('`') ? '``' : '`';
  const pad = fence.length > 1 || oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? groupDigits(v) : String(Number(v.toPrecision(6)));
}

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]!}`;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => comparePaths(a, b)))
      : v,
  ) ?? 'null';
}
