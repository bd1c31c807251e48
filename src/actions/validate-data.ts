import { z } from 'zod';
import { validateDataset, type ValidateDataDetails } from '../data/validate.js';
import { dataSchemaSchema } from '../data/schema.js';
import type { ActionContext, ActionDefinition, ActionOutcome } from '../platform/action.js';
import { loadConfigFile } from '../platform/config-file.js';
import { booleanInput } from '../platform/inputs.js';
import type { Report, Table } from '../platform/report.js';
import { reportingInputs } from '../platform/reporting.js';

export const validateDataInputs = z.object({
  data: z.string().describe('Data file(s) to check: a path, a glob, or one per line.'),
  schema: z.string().describe('The data schema (YAML or JSON).'),
  'save-history': booleanInput('save-history').prefault('false').describe("Save this run's report to the Actions cache for later runs to compare with."),
  'compare-to': z.string().optional().describe('A branch whose newest saved report this run is compared with (e.g. main).'),
  ...reportingInputs('validate-data'),
});
export type ValidateDataInputs = z.output<typeof validateDataInputs>;

export const validateDataAction: ActionDefinition<typeof validateDataInputs> = {
  name: 'validate-data',
  inputs: validateDataInputs,
  async run(inputs: ValidateDataInputs, context: ActionContext): Promise<ActionOutcome> {
    const { workspace, logger } = context;
    const schemaPath = workspace.resolve(inputs.schema);
    const schemaName = workspace.display(schemaPath);
    const schema = await loadConfigFile(schemaPath, schemaName, dataSchemaSchema, 'data schema');
    const files = await workspace.expand(inputs.data, 'data');
    const report = await validateDataset({ files, schema: schema.value, schemaFile: schemaName, schemaLineOf: schema.lineOf, logger });
    if (inputs['compare-to'] && context.restoreHistory) {
      const previous = await context.restoreHistory(inputs['compare-to']);
      addComparison(report, inputs['compare-to'], previous?.report);
    }
    const details = report.details as unknown as ValidateDataDetails;
    return { report, outputs: { 'failed-checks': String(details.failedChecks) } };
  },
};

/** Adds a table of what changed since the branch's newest saved report: new and fixed failures. */
export function addComparison(report: Report, branch: string, previous: Report | undefined): void {
  if (!previous) {
    report.tables.push({ title: `Compared with ${branch}`, columns: ['check', 'change'], rows: [], note: `No saved report of ${branch} was found in the cache: nothing to compare with yet.` });
    return;
  }
  const failures = (r: Report) =>
    new Map(((r.details as unknown as ValidateDataDetails).checks ?? []).filter((c) => c.failures > 0).map((c) => [`${c.column} / ${c.rule}`, c.failures]));
  const now = failures(report);
  const before = failures(previous);
  const rows: Table['rows'] = [];
  for (const [check, count] of now) {
    const was = before.get(check);
    if (was === undefined) rows.push([check, 'new failure', 0, count]);
    else if (was !== count) rows.push([check, count > was ? 'worse' : 'better', was, count]);
  }
  for (const [check, was] of before) if (!now.has(check)) rows.push([check, 'fixed', was, 0]);
  const order = { 'new failure': 0, worse: 1, better: 2, fixed: 3 } as Record<string, number>;
  rows.sort((a, b) => (order[String(a[1])] ?? 9) - (order[String(b[1])] ?? 9) || String(a[0]).localeCompare(String(b[0])));
  report.tables.push({
    title: `Compared with ${branch}`,
    columns: ['check', 'change', `violations on ${branch}`, 'violations now'],
    rows,
    note: rows.length === 0 ? `Same failed checks as the newest report of ${branch}.` : undefined,
  });
  report.details.comparedTo = { branch, verdict: previous.verdict, startedAt: previous.startedAt };
}
