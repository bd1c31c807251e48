import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { compareManifests, type ManifestComparison } from '../packaging/compare.js';
import { CARD_FILE, deriveVersion, MANIFEST_FILE, type ModelManifest } from '../packaging/manifest.js';
import { packageModel, readPackageManifest, verifyBundle, type VerifyResult } from '../packaging/package.js';
import type { ActionContext, ActionDefinition, ActionOutcome } from '../platform/action.js';
import { ConfigurationError } from '../platform/errors.js';
import { booleanInput, choiceInput, numberInput, splitLines } from '../platform/inputs.js';
import { buildReport, FindingCollector, type Cell, type Report, type Table } from '../platform/report.js';
import { reportingInputs } from '../platform/reporting.js';
import { formatBytes } from '../platform/units.js';

export const packageModelInputs = z.object({
  mode: choiceInput('mode', ['package', 'verify'] as const).prefault('package').describe('package: build the bundle; verify: re-hash a bundle against its manifest.'),
  name: z.string().optional().describe('Name of the model: letters, digits, `.`, `_`, `-`.'),
  version: z.string().optional().describe('Semantic version; default: the tag when the ref is a semver tag, else 0.0.0+<short sha>.'),
  model: z.string().optional().describe('The model: files, folders or globs, one per line.'),
  metrics: z.string().optional().describe('Metrics file (JSON, YAML or CSV).'),
  params: z.string().optional().describe('Hyper-parameters file (JSON or YAML).'),
  signature: z.string().optional().describe('Input / output schema (YAML or JSON).'),
  'input-example': z.string().optional().describe('An input example (JSON, JSONL or CSV); the signature is inferred from it when none is given.'),
  'output-example': z.string().optional().describe("The model's expected output for the input example (JSON), for the serving image's smoke test."),
  requirements: z.string().optional().describe('Requirement or lock files, one per line.'),
  'data-profile': z.string().optional().describe('validate-data profiles or reports of the training data, one per line.'),
  'evaluation-report': z.string().optional().describe("evaluate-metrics-gate's JSON report."),
  'extra-files': z.string().optional().describe('Other files to ship, one per line.'),
  'model-card-template': z.string().optional().describe('A Markdown template for MODEL_CARD.md.'),
  description: z.string().optional().describe('One paragraph on what the model does.'),
  'intended-use': z.string().optional().describe('Intended use, for the model card.'),
  limitations: z.string().optional().describe('Known limitations, for the model card.'),
  'python-version': z.string().optional().describe('Python version the model was trained with; default: .python-version when present.'),
  'output-dir': z.string().prefault('mlops-packages').describe('Folder that receives <name>-<version>/ and <name>-<version>.tar.gz.'),
  'compression-level': numberInput('compression-level', { min: 0, max: 9, integer: true, what: 'a whole number from 0 to 9' }).prefault('1').describe('gzip level of the archive.'),
  'artifact-name': z.string().optional().describe('Artifact to upload the archive as; default model-package-<name>.'),
  'upload-artifact': booleanInput('upload-artifact').prefault('true').describe('Upload the archive as a workflow artifact.'),
  'retention-days': numberInput('retention-days', { min: 1, max: 90, integer: true, what: 'a whole number of days from 1 to 90' }).optional().describe('Retention of the artifact.'),
  attest: choiceInput('attest', ['auto', 'true', 'false'] as const).prefault('auto').describe('Build-provenance attestation of the archive: auto (when the job may), true (fail without), false.'),
  'compare-to': z.string().optional().describe('A previous package (folder, .tar.gz, manifest, or artifact name) to list what changed.'),
  bundle: z.string().optional().describe('With mode verify: the package folder or .tar.gz.'),
  ...reportingInputs('package-model'),
});
export type PackageModelInputs = z.output<typeof packageModelInputs>;

export const packageModelAction: ActionDefinition<typeof packageModelInputs> = {
  name: 'package-model',
  inputs: packageModelInputs,
  async run(inputs: PackageModelInputs, context: ActionContext): Promise<ActionOutcome> {
    return inputs.mode === 'verify' ? verify(inputs, context) : build(inputs, context);
  },
};

async function build(inputs: PackageModelInputs, context: ActionContext): Promise<ActionOutcome> {
  const { workspace, logger, run } = context;
  const startedAt = new Date();
  if (!inputs.name) throw new ConfigurationError('input name is required', { hint: 'Name the model, e.g. `churn-classifier`.' });
  if (!/^[a-z0-9][a-z0-9._-]{0,127}$/i.test(inputs.name)) {
    throw new ConfigurationError(`input name: ${JSON.stringify(inputs.name)} is not a package name`, { hint: 'Use letters, digits, `.`, `_` and `-`, starting with a letter or digit (at most 128).' });
  }
  const model = splitLines(inputs.model);
  if (model.length === 0) throw new ConfigurationError('input model is required', { hint: 'Give the model files or folders, e.g. `train-output/model.pkl`.' });
  const version = deriveVersion({ given: inputs.version, ref: run.ref, sha: run.sha });
  const pythonVersion = inputs['python-version'] ?? (await readFile(workspace.resolve('.python-version'), 'utf8').then((t) => t.trim() || undefined, () => undefined));
  const scratch = context.scratch ?? os.tmpdir();

  const packaged = await packageModel({
    collector: {
      root: workspace.root,
      glob: async (pattern) => {
        try {
          return (await workspace.expand(pattern, 'model')).map((f) => f.path);
        } catch (error) {
          if (error instanceof ConfigurationError) return [];
          throw error;
        }
      },
    },
    name: inputs.name,
    version,
    model,
    extra: splitLines(inputs['extra-files']),
    requirements: splitLines(inputs.requirements),
    metrics: inputs.metrics,
    params: inputs.params,
    signature: inputs.signature,
    inputExample: inputs['input-example'],
    outputExample: inputs['output-example'],
    data: splitLines(inputs['data-profile']),
    evaluation: inputs['evaluation-report'],
    modelCardTemplate: inputs['model-card-template'],
    description: inputs.description,
    intendedUse: inputs['intended-use'],
    limitations: inputs.limitations,
    pythonVersion,
    createdFrom: {
      ...(run.repository ? { repository: `${run.repository.owner}/${run.repository.repo}` } : {}),
      ...(run.sha ? { commit: run.sha } : {}),
      ...(run.ref ? { ref: run.ref } : {}),
      ...(run.workflow ? { workflow: run.workflow } : {}),
      ...(run.repository && run.runId ? { runUrl: `${run.serverUrl}/${run.repository.owner}/${run.repository.repo}/actions/runs/${run.runId}` } : {}),
    },
    outputDir: workspace.resolve(inputs['output-dir']),
    compressionLevel: inputs['compression-level'],
  });
  const { manifest } = packaged;
  const archiveName = path.basename(packaged.archive);
  logger.info(`Packaged ${manifest.name} ${manifest.version}: ${manifest.files.length} files, ${workspace.display(packaged.archive)} (sha256:${packaged.archiveSha256}).`);

  const findings = new FindingCollector();
  for (const f of manifest.formats.filter((x) => x.runsCodeOnLoad)) {
    findings.add({
      severity: 'warning',
      rule: 'runs-code-on-load',
      subject: f.path,
      message: `${f.path} is ${f.format}: loading it runs code. Only load this package from a source you trust${f.note ? ` (${f.note})` : ''}; prefer safetensors or ONNX where the framework allows.`,
    });
  }
  if (manifest.evaluation && manifest.evaluation.verdict !== 'pass') {
    findings.add({ severity: 'warning', rule: 'evaluation-verdict', message: `The evaluation report's verdict is ${manifest.evaluation.verdict}: this package holds a model that did not pass its gates.` });
  }

  const outputs: Record<string, string> = {
    'package-path': workspace.display(packaged.archive),
    'package-dir': workspace.display(packaged.bundleDir),
    digest: `sha256:${packaged.archiveSha256}`,
    'tar-digest': `sha256:${packaged.tarSha256}`,
    version: manifest.version,
    name: manifest.name,
    'manifest-path': workspace.display(path.join(packaged.bundleDir, MANIFEST_FILE)),
  };

  if (inputs['upload-artifact'] && context.artifacts) {
    const artifactName = inputs['artifact-name'] ?? `model-package-${manifest.name}`;
    const uploaded = await context.artifacts.uploadPaths(artifactName, [packaged.archive], path.dirname(packaged.archive), inputs['retention-days']);
    outputs['artifact-id'] = String(uploaded.id ?? '');
    outputs['artifact-name'] = artifactName;
    logger.info(`Uploaded ${archiveName} as artifact ${artifactName} (id ${uploaded.id}).`);
  }

  let attestation: string | undefined;
  if (inputs.attest !== 'false') {
    const result = context.attest ? await context.attest({ name: archiveName, sha256: packaged.archiveSha256 }) : { status: 'skipped' as const, reason: 'attestations need a workflow run' };
    if (result.status === 'created') {
      attestation = result.url ?? result.id;
      if (result.id) outputs['attestation-id'] = result.id;
      if (result.url) outputs['attestation-url'] = result.url;
    } else if (inputs.attest === 'true') {
      findings.add({ severity: 'error', rule: 'attestation', message: `No build-provenance attestation: ${result.reason}.` });
    } else {
      findings.add({ severity: 'notice', rule: 'attestation', message: `No build-provenance attestation: ${result.reason}.` });
    }
  }

  let comparison: ManifestComparison | undefined;
  let previousName: string | undefined;
  if (inputs['compare-to']) {
    const previous = await loadPrevious(inputs['compare-to'].trim(), context, scratch);
    previousName = previous.name;
    comparison = compareManifests(previous.manifest, manifest);
  }

  const tables: Table[] = [packageTable(manifest, packaged.archiveSha256, packaged.archiveBytes, attestation), metricsTable(manifest), filesTable(manifest)];
  if (comparison) tables.splice(1, 0, changesTable(comparison, previousName!));
  const report = buildReport({
    action: 'package-model',
    title: `package-model: ${manifest.name} ${manifest.version}`,
    verdict: findings.counts.error > 0 ? 'fail' : 'pass',
    headline: `${manifest.name} ${manifest.version}: ${manifest.files.length} files, ${formatBytes(packaged.archiveBytes)} archive, sha256:${packaged.archiveSha256.slice(0, 16)}…${comparison ? `; ${describeComparison(comparison, previousName!)}` : ''}.`,
    startedAt,
    findings,
    tables,
    details: {
      name: manifest.name,
      version: manifest.version,
      archive: outputs['package-path'],
      digest: outputs.digest,
      tarDigest: outputs['tar-digest'],
      manifest,
      ...(comparison ? { comparison: { previous: previousName, ...comparison } } : {}),
    },
  });
  return { report, outputs };
}

async function verify(inputs: PackageModelInputs, context: ActionContext): Promise<ActionOutcome> {
  const startedAt = new Date();
  if (!inputs.bundle) throw new ConfigurationError('input bundle is required with mode: verify', { hint: 'Give the package folder or its .tar.gz.' });
  const { workspace } = context;
  const bundle = workspace.resolve(inputs.bundle);
  const display = workspace.display(bundle);
  const result = await verifyBundle(bundle, display, context.scratch ?? os.tmpdir());
  return { report: verifyReport(result, display, startedAt), outputs: { digest: result.archiveSha256 ? `sha256:${result.archiveSha256}` : '', version: result.manifest.version, name: result.manifest.name } };
}

export function verifyReport(result: VerifyResult, display: string, startedAt: Date): Report {
  const findings = new FindingCollector();
  const what = { mismatch: 'differs from the manifest (tampered with or corrupted)', missing: 'is listed in the manifest but missing', extra: 'is not listed in the manifest' } as const;
  for (const p of result.problems) {
    findings.add({
      severity: 'error',
      rule: `verify-${p.kind}`,
      file: `${display}/${p.path}`,
      message: `${p.path} ${what[p.kind]}${p.kind === 'mismatch' ? ` (sha256 ${p.actual?.slice(0, 12)}…, manifest ${p.expected?.slice(0, 12)}…)` : ''}.`,
    });
  }
  const ok = result.problems.length === 0;
  return buildReport({
    action: 'package-model',
    title: `package-model verify: ${result.manifest.name} ${result.manifest.version}`,
    verdict: ok ? 'pass' : 'fail',
    headline: ok
      ? `All ${result.checked} files of ${display} match their manifest.`
      : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${display}: ${result.problems.slice(0, 3).map((p) => `${p.path} ${p.kind}`).join(', ')}${result.problems.length > 3 ? ', …' : ''}.`,
    startedAt,
    findings,
    tables: [
      {
        title: 'Verification',
        columns: ['file', 'result'],
        rows: result.manifest.files.map((f) => [f.path, result.problems.find((p) => p.path === f.path)?.kind ?? 'ok'] as Cell[]).concat(result.problems.filter((p) => p.kind === 'extra').map((p) => [p.path, 'extra'])),
      },
    ],
    details: { name: result.manifest.name, version: result.manifest.version, checked: result.checked, problems: result.problems, archiveSha256: result.archiveSha256 },
  });
}

async function loadPrevious(value: string, context: ActionContext, scratch: string): Promise<{ name: string; manifest: ModelManifest }> {
  const absolute = context.workspace.resolve(value);
  const exists = await readFile(absolute).then(
    () => true,
    (e: NodeJS.ErrnoException) => e.code === 'EISDIR',
  );
  if (exists) return { name: context.workspace.display(absolute), manifest: await readPackageManifest(absolute, context.workspace.display(absolute), scratch) };
  if (/[/\\]|\.(gz|json)$/i.test(value)) throw new ConfigurationError(`compare-to: not found: ${value}`, { hint: 'Give a package folder, .tar.gz or model-manifest.json in the workspace, or an artifact name of this run.' });
  const dir = context.artifacts ? await context.artifacts.downloadByName(value) : undefined;
  if (!dir) throw new ConfigurationError(`compare-to: no file and no artifact named ${value}`, { hint: 'An artifact must come from this workflow run (download earlier ones with actions/download-artifact first).' });
  const { readdir } = await import('node:fs/promises');
  const archive = (await readdir(dir)).find((f) => f.endsWith('.tar.gz'));
  if (!archive) throw new ConfigurationError(`compare-to: artifact ${value} holds no .tar.gz`, { hint: 'Give the artifact that package-model uploaded.' });
  return { name: `artifact ${value}`, manifest: await readPackageManifest(path.join(dir, archive), `${value}/${archive}`, scratch) };
}

function packageTable(m: ModelManifest, sha256: string, bytes: number, attestation: string | undefined): Table {
  const rows: Cell[][] = [
    ['name', m.name],
    ['version', m.version],
    ['archive', `${formatBytes(bytes)}, sha256:${sha256}`],
    ['formats', m.formats.map((f) => `${f.path} (${f.format}${f.runsCodeOnLoad ? ', runs code when loaded ⚠️' : ''})`).join('; ') || '—'],
    ['signature', m.signature ? `${m.signature.inputs.length} inputs (${m.signature.source})` : '—'],
    ['evaluation', m.evaluation ? `${m.evaluation.verdict}${m.evaluation.headline ? `: ${m.evaluation.headline}` : ''}` : '—'],
    ['data', m.data.map((d) => `${d.source}${d.rows !== undefined ? ` (${d.rows.toLocaleString('en-US')} rows)` : ''}`).join('; ') || '—'],
    ['commit', m.createdFrom.commit ?? '—'],
    ['attestation', attestation ?? '—'],
  ];
  return { title: 'Package', columns: ['', ''], rows, note: `The bundle folder holds ${MANIFEST_FILE} and ${CARD_FILE}; verify it with mode: verify.` };
}

function metricsTable(m: ModelManifest): Table {
  return { title: 'Metrics', columns: ['metric', 'value'], rows: Object.entries(m.metrics).map(([k, v]) => [k, v]) };
}

function filesTable(m: ModelManifest): Table {
  return { title: 'Files', columns: ['path', 'role', 'bytes', 'sha256'], rows: m.files.map((f) => [f.path, f.role, f.size, f.sha256.slice(0, 16)]) };
}

function changesTable(c: ManifestComparison, previous: string): Table {
  const rows: Cell[][] = [];
  rows.push(['version', `${c.versionBefore} → ${c.versionAfter}`]);
  for (const f of c.files.added) rows.push(['file added', f]);
  for (const f of c.files.removed) rows.push(['file removed', f]);
  for (const f of c.files.changed) rows.push(['file changed', `${f.path} (${f.before.slice(0, 8)} → ${f.after.slice(0, 8)})`]);
  if (c.signatureChanged) rows.push(['signature', c.signatureDifferences.join('; ') || 'changed']);
  for (const r of c.requirements.added) rows.push(['requirement added', r]);
  for (const r of c.requirements.removed) rows.push(['requirement removed', r]);
  for (const r of c.requirements.changed) rows.push(['requirement changed', r]);
  for (const m of c.metrics) rows.push([`metric ${m.name}`, `${m.before ?? '—'} → ${m.after ?? '—'}${m.delta !== undefined ? ` (${m.delta >= 0 ? '+' : ''}${Number(m.delta.toPrecision(4))})` : ''}`]);
  for (const d of c.data) rows.push([`data ${d.source}`, `${d.before?.slice(0, 12) ?? '—'} → ${d.after?.slice(0, 12) ?? '—'}`]);
  return { title: `Changes since ${previous}`, columns: ['what', 'change'], rows };
}

function describeComparison(c: ManifestComparison, previous: string): string {
  if (c.identical) return `identical to ${previous}`;
  const n = c.files.added.length + c.files.removed.length + c.files.changed.length;
  return `${n} file${n === 1 ? '' : 's'} changed since ${previous}`;
}
