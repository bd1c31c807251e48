import { z } from 'zod';

/**
 * The one report shape every engine returns. Renderers (summary, annotations, pull-request comment,
 * check run, terminal, JSON file) read only this. The zod schema is the source of the published
 * JSON Schema (schemas/report.schema.json).
 */
export const REPORT_SCHEMA_VERSION = 1;

export const verdictSchema = z.enum(['pass', 'fail', 'inconclusive', 'error']);
export type Verdict = z.infer<typeof verdictSchema>;

export const severitySchema = z.enum(['error', 'warning', 'notice']);
export type Severity = z.infer<typeof severitySchema>;

export const findingSchema = z
  .object({
    severity: severitySchema,
    rule: z.string().describe('Stable identifier of the check, e.g. "max" or "unique".'),
    message: z.string(),
    file: z.string().optional().describe('Path relative to the workspace.'),
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
    subject: z.string().optional().describe('The data column or metric the finding is about.'),
    value: z.string().optional().describe('The offending value, shortened.'),
  })
  .strict();
export type Finding = z.infer<typeof findingSchema>;

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const tableSchema = z
  .object({
    title: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(cellSchema)),
    note: z.string().optional(),
  })
  .strict();
export type Table = z.infer<typeof tableSchema>;
export type Cell = z.infer<typeof cellSchema>;

export const chartSchema = z
  .object({
    title: z.string(),
    mermaid: z.string().describe('Mermaid source, rendered by GitHub in summaries and comments.'),
  })
  .strict();
export type Chart = z.infer<typeof chartSchema>;

export const excerptSchema = z
  .object({
    title: z.string(),
    text: z.string().describe('Plain text shown as it is, e.g. the last lines of a command\'s output.'),
  })
  .strict();
export type Excerpt = z.infer<typeof excerptSchema>;

export const reportSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    action: z.string(),
    title: z.string(),
    verdict: verdictSchema,
    headline: z.string().describe('One sentence a person reads first.'),
    startedAt: z.string().describe('ISO 8601 time the run started.'),
    durationMs: z.number().nonnegative(),
    findingCounts: z.object({ error: z.number().int(), warning: z.number().int(), notice: z.number().int() }).strict(),
    findings: z.array(findingSchema).describe('The first findings, at most findingLimit of them; findingCounts counts all.'),
    findingLimit: z.number().int().positive(),
    tables: z.array(tableSchema),
    charts: z.array(chartSchema),
    excerpts: z.array(excerptSchema).optional(),
    details: z.record(z.string(), z.unknown()).describe('Action-specific, machine-readable results.'),
  })
  .strict();
export type Report = z.infer<typeof reportSchema>;

export const DEFAULT_FINDING_LIMIT = 1000;

/**
 * Collects findings while an engine runs: counts all of them, keeps the first `limit` in order.
 * Memory stays bounded however many rows fail.
 */
export class FindingCollector {
  readonly kept: Finding[] = [];
  readonly counts = { error: 0, warning: 0, notice: 0 };

  constructor(readonly limit = DEFAULT_FINDING_LIMIT) {}

  add(finding: Finding): void {
    this.counts[finding.severity] += 1;
    if (this.kept.length < this.limit) this.kept.push(finding);
  }

  get total(): number {
    return this.counts.error + this.counts.warning + this.counts.notice;
  }
}

export interface ReportParts {
  action: string;
  title: string;
  verdict: Verdict;
  headline: string;
  startedAt: Date;
  findings: FindingCollector;
  tables?: Table[];
  charts?: Chart[];
  excerpts?: Excerpt[];
  details?: Record<string, unknown>;
}

export function buildReport(parts: ReportParts, now: Date = new Date()): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    action: parts.action,
    title: parts.title,
    verdict: parts.verdict,
    headline: parts.headline,
    startedAt: parts.startedAt.toISOString(),
    durationMs: Math.max(0, now.getTime() - parts.startedAt.getTime()),
    findingCounts: { ...parts.findings.counts },
    findings: parts.findings.kept,
    findingLimit: parts.findings.limit,
    tables: parts.tables ?? [],
    charts: parts.charts ?? [],
    ...(parts.excerpts && parts.excerpts.length > 0 ? { excerpts: parts.excerpts } : {}),
    details: parts.details ?? {},
  };
}

/** The verdict that follows from findings alone: any error fails. */
export function verdictFromFindings(findings: FindingCollector): Verdict {
  return findings.counts.error > 0 ? 'fail' : 'pass';
}

/** error / warning: by findings (data checks); fail / inconclusive: by verdict (gates); never. */
export type FailOn = 'error' | 'warning' | 'fail' | 'inconclusive' | 'never';

/** Whether the step should fail, given the user's `fail-on` choice. */
export function shouldFailStep(report: Report, failOn: FailOn): boolean {
  if (report.verdict === 'error') return true;
  if (failOn === 'never') return false;
  if (failOn === 'warning') return report.verdict === 'fail' || report.findingCounts.warning > 0;
  if (failOn === 'inconclusive') return report.verdict === 'fail' || report.verdict === 'inconclusive';
  return report.verdict === 'fail';
}

export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
