import type { Cell, Finding, Report, Table } from '../report.js';

/**
 * GitHub-flavoured markdown for the job summary and the pull-request comment. The report is cut
 * section by section to fit a size budget (bytes for the summary, characters for a comment), and a
 * note says what was left out and where the full report is.
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Leaves room for the runner's and other steps' own lines in the same file. */
export const SUMMARY_BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 16 * 1024;
export const COMMENT_LIMIT_CHARS = 65_536;
export const COMMENT_BUDGET_CHARS = COMMENT_LIMIT_CHARS - 1_536;

const VERDICT_ICON: Record<Report['verdict'], string> = {
  pass: '✅',
  fail: '❌',
  inconclusive: '⚠️',
  error: '💥',
};

export interface MarkdownOptions {
  /** Size limit, measured by `measure`. */
  budget: number;
  measure: (text: string) => number;
  /** Where the full report is, for the note when something had to be cut. */
  fullReportHint?: string;
  /** Finding lines to list at most. */
  maxFindings?: number;
  /** Prepended, e.g. a hidden marker; counted in the budget. */
  prefix?: string;
}

export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');
export const charLength = (text: string): number => text.length;

export interface RenderedMarkdown {
  markdown: string;
  truncated: boolean;
}

export function renderReportMarkdown(report: Report, options: MarkdownOptions): RenderedMarkdown {
  const sections: string[] = [];
  sections.push(`${options.prefix ?? ''}## ${VERDICT_ICON[report.verdict]} ${escapeText(report.title)}: ${report.verdict}\n\n${escapeText(report.headline)}\n`);
  for (const [index, table] of report.tables.entries()) {
    sections.push(renderTable(table, index > 0));
  }
  for (const chart of report.charts) {
    sections.push(`#### ${escapeText(chart.title)}\n\n\`\`\`mermaid\n${chart.mermaid}\n\`\`\`\n`);
  }
  for (const excerpt of report.excerpts ?? []) {
    sections.push(renderExcerpt(excerpt.title, excerpt.text));
  }
  const findingsSection = renderFindings(report, options.maxFindings ?? 50);
  if (findingsSection) sections.push(findingsSection);

  const note = (omitted: number) =>
    `\n> [!NOTE]\n> ${omitted} section${omitted === 1 ? '' : 's'} of this report did not fit the size limit${options.fullReportHint ? `; ${options.fullReportHint}` : ''}.\n`;
  let kept = sections.length;
  let text = sections.join('\n');
  while (options.measure(text) > options.budget && kept > 1) {
    kept--;
    text = sections.slice(0, kept).join('\n') + note(sections.length - kept);
  }
  if (options.measure(text) > options.budget) {
    // Even the headline section is too big (a pathological title): cut it by characters.
    const suffix = note(sections.length);
    let cut = Math.max(0, options.budget - options.measure(suffix) - 8);
    text = sections[0]!.slice(0, cut);
    while (options.measure(text + suffix) > options.budget && cut > 0) {
      cut = Math.floor(cut * 0.9);
      text = sections[0]!.slice(0, cut);
    }
    text += suffix;
  }
  return { markdown: text, truncated: kept < sections.length };
}

function renderTable(table: Table, collapsed: boolean): string {
  const header = `| ${table.columns.map(escapeCell).join(' | ')} |\n| ${table.columns.map((_, i) => (i === 0 ? '---' : ':--')).join(' | ')} |\n`;
  const body = table.rows.map((row) => `| ${row.map(formatCell).join(' | ')} |`).join('\n');
  const content = `${header}${body}\n${table.note ? `\n${escapeText(table.note)}\n` : ''}`;
  if (collapsed) return `<details><summary><b>${escapeText(table.title)}</b> (${table.rows.length})</summary>\n\n${content}\n</details>\n`;
  return `### ${escapeText(table.title)}\n\n${content}`;
}

/** Text in a fenced block longer than any run of backticks inside it, so it cannot close early. */
function renderExcerpt(title: string, text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `<details open><summary><b>${escapeText(title)}</b></summary>\n\n${fence}text\n${text.replace(/\n$/, '')}\n${fence}\n\n</details>\n`;
}

function renderFindings(report: Report, max: number): string | undefined {
  const total = report.findingCounts.error + report.findingCounts.warning + report.findingCounts.notice;
  if (total === 0) return undefined;
  const shown = report.findings.slice(0, max);
  const lines = shown.map((f) => `- ${severityIcon(f)} ${f.file ? `\`${escapeCode(location(f))}\` ` : ''}${escapeText(f.message)}`);
  const more = total - shown.length;
  const counts = `${report.findingCounts.error} error${report.findingCounts.error === 1 ? '' : 's'}, ${report.findingCounts.warning} warning${report.findingCounts.warning === 1 ? '' : 's'}`;
  return `<details><summary><b>Findings</b> (${counts})</summary>\n\n${lines.join('\n')}\n${more > 0 ? `\n…and ${more.toLocaleString('en-US')} more (see the JSON report).\n` : ''}\n</details>\n`;
}

export function location(f: Pick<Finding, 'file' | 'line' | 'column'>): string {
  if (!f.file) return '';
  return `${f.file}${f.line ? `:${f.line}` : ''}${f.line && f.column ? `:${f.column}` : ''}`;
}

function severityIcon(f: Finding): string {
  return f.severity === 'error' ? '🔴' : f.severity === 'warning' ? '🟡' : '🔵';
}

function formatCell(cell: Cell): string {
  if (cell === null) return '—';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toLocaleString('en-US') : String(Number(cell.toPrecision(4)));
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return escapeCell(cell);
}

function escapeCell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Keeps user data from becoming markup: no HTML, no stray mentions or links. */
export function escapeText(text: string): string {
  return text.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;')).replace(/@(?=\w)/g, '@\u200b');
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}
