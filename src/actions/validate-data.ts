import { z } from 'zod';
import type { DataFormat, ReadOptions } from '../data/batch.js';
import { DatasetProfile } from '../data/profile.js';
import { isProfilePath, readProfileFile, toProfileFile } from '../data/profile-file.js';
import { mergeScanStates, scanDataset, type ScanState } from '../data/scan.js';
import { workerHelper } from '../data/scan-worker.js';
import { dataSchemaSchema } from '../data/schema.js';
import { judgeScan, validateDataset, type ReferenceSource, type ValidateDataDetails, type ValidateDataResult } from '../data/validate.js';
import type { ActionContext, ActionDefinition, ActionOutcome } from '../platform/action.js';
import { loadConfigFile } from '../platform/config-file.js';
import { ConfigurationError } from '../platform/errors.js';
import { writeFileAtomic } from '../platform/files.js';
import { booleanInput, choiceInput } from '../platform/inputs.js';
import type { Report, Table } from '../platform/report.js';
import { reportingInputs } from '../platform/reporting.js';

export const validateDataInputs = z.object({
  data: z.string().optional().describe('Data file(s) to check: a path, a glob, or one per line (not needed with mode: merge).'),
  schema: z.string().describe('The data schema (YAML or JSON).'),
  reference: z.string().optional().describe('Reference to test drift against: data file(s), or a saved profile (.json).'),
  format: choiceInput('format', ['auto', 'csv', 'jsonl', 'parquet'] as const).prefault('auto').describe('Data format; auto goes by the file extension.'),
  delimiter: z.string().optional().describe('CSV field delimiter, one character (\\t for tab); default a comma, a tab for .tsv files.'),
  quote: z.string().prefault('"').describe('CSV quote character.'),
  mode: choiceInput('mode', ['validate', 'profile', 'merge'] as const)
    .prefault('validate')
    .describe('validate: check (and compare with the reference); profile: check one shard and save its mergeable profile; merge: combine shard profiles and judge.'),
  'profile-path': z.string().prefault('mlops-reports/validate-data.profile.json').describe('Where to write the mergeable profile of the data.'),
  'profile-artifact': z.string().prefault('validate-data-profile').describe('Artifact name prefix for shard profiles (mode: profile uploads <prefix>-<shard>; mode: merge downloads <prefix>-*).'),
  shard: z.string().optional().describe('This shard’s name in mode: profile (default: the job name).'),
  profiles: z.string().optional().describe('mode: merge: shard profile files (path, glob, one per line) instead of downloading the artifacts.'),
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
    const read = readOptions(inputs);
    const startedAt = new Date();
    const reference = inputs.reference ? await loadReference(inputs.reference, context, read) : undefined;

    let result: ValidateDataResult;
    if (inputs.mode === 'merge') {
      const states = await loadShardProfiles(inputs, context);
      const merged = mergeScanStates(states, 1000);
      result = judgeScan(merged, {
        schema: schema.value,
        schemaFile: schemaName,
        schemaLineOf: schema.lineOf,
        startedAt,
        now: () => new Date(),
        reference: reference ? await referenceProfile(reference, schema.value, schemaName, read) : undefined,
      });
      result.report.headline = `Merged ${states.length} shard profile${states.length === 1 ? '' : 's'}: ${result.report.headline}`;
    } else {
      if (!inputs.data) throw new ConfigurationError('input data is required', { hint: `Set \`data\` to the file(s) to check (mode: ${inputs.mode}).` });
      const files = await workspace.expand(inputs.data, 'data');
      if (inputs.mode === 'profile') {
        const state = await scanDataset({ files, schema: schema.value, schemaFile: schemaName, read, missingColumns: 'error', checkRules: true });
        result = judgeScan(state, { schema: { ...schema.value, rows: undefined }, schemaFile: schemaName, schemaLineOf: schema.lineOf, startedAt, now: () => new Date() });
        result.report.headline = `Shard ${inputs.shard ?? ''} profiled: ${result.report.headline} Dataset-level checks and drift are judged by mode: merge.`.replace('Shard  ', 'Shard ');
      } else {
        // A second core (a worker thread) reads the reference while the data is read here, then shares the data.
        const helper = context.workerEntry ? workerHelper(context.workerEntry) : undefined;
        result = await validateDataset({ files, schema: schema.value, schemaFile: schemaName, schemaLineOf: schema.lineOf, read, reference, logger, helper });
      }
    }

    const profilePath = workspace.resolve(inputs['profile-path']);
    const profileFile = toProfileFile(result.scan, schemaName);
    await writeFileAtomic(profilePath, JSON.stringify(profileFile));
    if (inputs.mode === 'profile' && context.artifacts) {
      const name = `${inputs['profile-artifact']}-${inputs.shard || context.run.job || 'shard'}`;
      const uploaded = await context.artifacts.upload(name, [{ name: 'profile.json', content: JSON.stringify(profileFile) }]);
      logger.info(`Uploaded the shard profile as artifact ${uploaded.name} (id ${uploaded.id}).`);
    }

    const { report } = result;
    if (inputs['compare-to'] && context.restoreHistory) {
      const previous = await context.restoreHistory(inputs['compare-to']);
      addComparison(report, inputs['compare-to'], previous?.report);
    }
    const details = report.details as unknown as ValidateDataDetails;
    return {
      report,
      outputs: {
        'failed-checks': String(details.failedChecks),
        'drifted-columns': JSON.stringify((result.drift?.columns ?? []).filter((c) => c.drifted).map((c) => c.column)),
        'drift-share': result.drift ? String(Number(result.drift.share.toFixed(6))) : '',
        'profile-path': inputs['profile-path'],
      },
    };
  },
};

function readOptions(inputs: ValidateDataInputs): ReadOptions {
  const delimiter = inputs.delimiter === '\\t' ? '\t' : inputs.delimiter;
  if (delimiter !== undefined && delimiter.length !== 1) throw new ConfigurationError(`input delimiter: ${JSON.stringify(inputs.delimiter)} is not one character`, { hint: 'Use e.g. "," or ";" or \\t for tab.' });
  if (inputs.quote.length !== 1) throw new ConfigurationError(`input quote: ${JSON.stringify(inputs.quote)} is not one character`, { hint: 'Use e.g. \'"\'.' });
  return { format: inputs.format === 'auto' ? undefined : (inputs.format as DataFormat), delimiter, quote: inputs.quote };
}

async function loadReference(reference: string, context: ActionContext, read: ReadOptions): Promise<ReferenceSource> {
  const { workspace } = context;
  if (isProfilePath(reference.trim())) {
    const file = workspace.resolve(reference.trim());
    const name = workspace.display(file);
    const profile = await readProfileFile(file, name);
    return { kind: 'profile', profile: DatasetProfile.fromJSON(profile.profile), name };
  }
  const files = await workspace.expand(reference, 'reference');
  return { kind: 'data', files, name: files.length === 1 ? files[0]!.displayName : `${files.length} reference files`, read };
}

async function referenceProfile(
  reference: ReferenceSource,
  schema: z.output<typeof dataSchemaSchema>,
  schemaFile: string,
  read: ReadOptions,
): Promise<{ profile: DatasetProfile; name: string }> {
  if (reference.kind === 'profile') return { profile: reference.profile, name: reference.name };
  const state = await scanDataset({ files: reference.files, schema, schemaFile, read, missingColumns: 'tolerate', checkRules: false, findingLimit: 1, profile: 'drift' });
  return { profile: DatasetProfile.fromJSON(state.profile), name: reference.name };
}

async function loadShardProfiles(inputs: ValidateDataInputs, context: ActionContext): Promise<ScanState[]> {
  const { workspace, logger } = context;
  let files: Array<{ path: string; displayName: string }>;
  if (inputs.profiles) {
    files = await workspace.expand(inputs.profiles, 'profiles');
  } else if (context.artifacts) {
    const prefix = `${inputs['profile-artifact']}-`;
    const downloaded = await context.artifacts.downloadByPrefix(prefix);
    if (downloaded.length === 0) {
      throw new ConfigurationError(`no artifact named ${prefix}* in this run`, {
        hint: 'Run the shards with mode: profile (and the same profile-artifact) in a job this one `needs:`.',
      });
    }
    logger.info(`Downloaded ${downloaded.length} shard profiles: ${downloaded.map((d) => d.name).join(', ')}`);
    files = downloaded.map((d) => ({ path: `${d.path}/profile.json`, displayName: `${d.name}/profile.json` }));
  } else {
    throw new ConfigurationError('mode: merge needs shard profiles', { hint: 'Give them with `profiles` (files or a glob).' });
  }
  const states: ScanState[] = [];
  for (const f of files) states.push(await readProfileFile(f.path, f.displayName));
  return states;
}

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
