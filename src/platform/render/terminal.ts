import type { Report, Table } from '../report.js';
import { location } from './markdown.js';

/** Plain text for the CLI: headline, tables as aligned columns, the first findings. */
export function renderReportText(report: Report, maxFindings = 20): string {
  const out: string[] = [];
  out.push(`${report.title}: ${report.verdict.toUpperCase()}`);
  out.push(report.headline);
  for (const table of report.tables) out.push('', ...renderTextTable(table));
  if (report.findings.length > 0) {
    out.push('', 'Findings:');
    for (const f of report.findings.slice(0, maxFindings)) out.push(`  ${f.severity.padEnd(7)} ${f.file ? `${location(f)}  ` : ''}${f.message}`);
    const total = report.findingCounts.error + report.findingCounts.warning + report.findingCounts.notice;
    if (total > maxFindings) out.push(`  …and ${(total - maxFindings).toLocaleString('en-US')} more in the JSON report`);
  }
  return `${out.join('\n')}\n`;
}

function renderTextTable(table: Table): string[] {
  const cells = [table.columns, ...table.rows.map((r) => r.map((c) => (c === null ? '-' : typeof c === 'number' ? c.toLocaleString('en-US') : String(c))))];
  const widths = table.columns.map((_, i) => Math.min(40, Math.max(...cells.map((r) => (r[i] ?? '').length))));
  const line = (r: string[]) => '  ' + r.map((c, i) => (c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + '…' : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [`${table.title}:`, line(cells[0]!), ...cells.slice(1).map(line)];
}
