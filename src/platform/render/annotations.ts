import type { Finding, Report, Severity } from '../report.js';

/** The runner keeps at most this many annotations of each type per step. */
export const RUNNER_ANNOTATIONS_PER_TYPE = 10;
/** The runner cuts a message at this many characters. */
export const RUNNER_ANNOTATION_MESSAGE_LIMIT = 4096;
/** Notices the platform itself may need (a roll-up, a degraded-token notice). */
const RESERVED_NOTICES = 2;

export interface PlannedAnnotation {
  severity: Severity;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Chooses which findings become annotations so none is silently dropped by the runner: the first
 * ones of each severity up to the limit, the rest rolled up into a single notice.
 */
export function planAnnotations(report: Report): PlannedAnnotation[] {
  const budget: Record<Severity, number> = {
    error: RUNNER_ANNOTATIONS_PER_TYPE,
    warning: RUNNER_ANNOTATIONS_PER_TYPE,
    notice: RUNNER_ANNOTATIONS_PER_TYPE - RESERVED_NOTICES,
  };
  const planned: PlannedAnnotation[] = [];
  for (const f of report.findings) {
    if (budget[f.severity] <= 0) continue;
    budget[f.severity]--;
    planned.push(toAnnotation(f, report.title));
  }
  const total = report.findingCounts.error + report.findingCounts.warning + report.findingCounts.notice;
  const rest = total - planned.length;
  if (rest > 0) {
    const shown = countBy(planned);
    const parts = (['error', 'warning', 'notice'] as const)
      .map((s) => [s, report.findingCounts[s] - shown[s]] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n.toLocaleString('en-US')} ${s}${n === 1 ? '' : 's'}`);
    planned.push({
      severity: 'notice',
      title: report.title,
      message: `${parts.join(', ')} more not annotated (the runner shows at most ${RUNNER_ANNOTATIONS_PER_TYPE} of each kind per step): see the job summary and the JSON report.`,
    });
  }
  return planned;
}

function toAnnotation(f: Finding, title: string): PlannedAnnotation {
  const message = f.message.length > RUNNER_ANNOTATION_MESSAGE_LIMIT ? `${f.message.slice(0, RUNNER_ANNOTATION_MESSAGE_LIMIT - 1)}…` : f.message;
  return { severity: f.severity, message, title: `${title}: ${f.rule}`, file: f.file, line: f.line, column: f.column };
}

function countBy(list: PlannedAnnotation[]): Record<Severity, number> {
  const out = { error: 0, warning: 0, notice: 0 };
  for (const a of list) out[a.severity]++;
  return out;
}
