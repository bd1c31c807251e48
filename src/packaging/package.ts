import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readMetricsFile } from '../eval/metrics-file.js';
import { parseConfigText } from '../platform/config-file.js';
import { ConfigurationError } from '../platform/errors.js';
import { sha256File } from '../platform/files.js';
import { collectFiles, copyWithHash, insideWorkspace, toPosix, type CollectedFile, type Collector } from './collect.js';
import { detectFormat } from './formats.js';
import { CARD_FILE, comparePaths, MANIFEST_FILE, MANIFEST_SCHEMA_VERSION, parseManifest, parseRequirements, readDataFingerprint, roleOfPath, readEvaluationReport, serializeManifest, type ModelManifest } from './manifest.js';
import { renderModelCard } from './model-card.js';
import { inferSignature, parseSignatureFile } from './signature.js';
import { extractTarGz, writeDeterministicTarGz } from './tar.js';

/**
 * package-model's engine: collects the model and what describes it into a bundle folder, writes
 * its manifest and model card, and archives it as a deterministic .tar.gz. Also verifies a bundle
 * against its manifest. Knows nothing of the runner.
 */

export interface PackageModelOptions {
  collector: Collector;
  name: string;
  version: string;
  model: string[];
  extra: string[];
  requirements: string[];
  metrics?: string;
  params?: string;
  signature?: string;
  inputExample?: string;
  /** The model's expected output for the input example (JSON: a list, or {"predictions": [...]}). */
  outputExample?: string;
  data: string[];
  evaluation?: string;
  modelCardTemplate?: string;
  description?: string;
  intendedUse?: string;
  limitations?: string;
  pythonVersion?: string;
  createdFrom: ModelManifest['createdFrom'];
  /** Absolute folder that receives `<name>-<version>/` and `<name>-<version>.tar.gz`. */
  outputDir: string;
  compressionLevel: number;
}

export interface PackagedModel {
  bundleDir: string;
  archive: string;
  archiveSha256: string;
  archiveBytes: number;
  tarSha256: string;
  manifest: ModelManifest;
}

export async function packageModel(options: PackageModelOptions): Promise<PackagedModel> {
  const { collector } = options;
  const root = collector.root;
  const one = async (value: string | undefined, inputName: string, folder: string): Promise<CollectedFile | undefined> =>
    value ? (await collectFiles(collector, [value], folder, inputName))[0] : undefined;

  const model = await collectFiles(collector, options.model, 'model', 'model');
  const extra = await collectFiles(collector, options.extra, 'extra', 'extra-files');
  const requirements = await collectFiles(collector, options.requirements, 'requirements', 'requirements');
  const data = await collectFiles(collector, options.data, 'metadata/data', 'data-profile');
  const metricsFile = await one(options.metrics, 'metrics', 'metadata');
  const paramsFile = await one(options.params, 'params', 'metadata');
  const signatureFile = await one(options.signature, 'signature', 'metadata');
  const exampleFile = await one(options.inputExample, 'input-example', 'metadata');
  const expectedFile = await one(options.outputExample, 'output-example', 'metadata');
  if (expectedFile && !exampleFile) throw new ConfigurationError('input output-example needs input-example', { hint: 'The expected output is of the input example: give both.' });
  if (expectedFile) {
    try {
      JSON.parse(await readFile(expectedFile.source, 'utf8'));
    } catch (error) {
      throw new ConfigurationError(`the output example is not JSON: ${(error as Error).message}`, { file: expectedFile.display, hint: 'Write the predictions for the input example as JSON, e.g. {"predictions": [0, 1]}.' });
    }
  }
  const evaluationFile = await one(options.evaluation, 'evaluation-report', 'metadata/evaluation');
  const templateSource = options.modelCardTemplate ? await insideWorkspace(root, options.modelCardTemplate, 'model-card-template') : undefined;

  // Read and check every descriptive input before anything is written.
  const metrics = metricsFile ? await readMetricsFile(metricsFile.source, metricsFile.display) : {};
  const params = paramsFile ? await readParams(paramsFile) : {};
  const signature = signatureFile
    ? parseSignatureFile(await readFile(signatureFile.source, 'utf8'), signatureFile.display)
    : exampleFile
      ? inferSignature(await readFile(exampleFile.source, 'utf8'), exampleFile.display)
      : undefined;
  const dataEntries: ModelManifest['data'] = [];
  for (const file of data) {
    const fingerprint = await readDataFingerprint(file.source, file.display);
    dataEntries.push({ ...fingerprint, source: file.bundlePath, sha256: (await sha256File(file.source)).sha256 });
  }
  const evaluation = evaluationFile ? { ...(await readEvaluationReport(evaluationFile.source, evaluationFile.display)), reportPath: evaluationFile.bundlePath, reportSha256: (await sha256File(evaluationFile.source)).sha256 } : undefined;
  const requirementEntries: ModelManifest['environment']['requirements'] = [];
  for (const file of requirements) {
    const text = await readFile(file.source, 'utf8');
    requirementEntries.push({ path: file.bundlePath, sha256: (await sha256File(file.source)).sha256, packages: /\.(txt|in)$/i.test(file.bundlePath) ? parseRequirements(text) : [] });
  }
  const template = templateSource ? await readFile(templateSource, 'utf8') : undefined;

  // Copy into a fresh folder beside the target, hashing each file on the way (one read).
  const all = [...model, ...extra, ...requirements, ...data, ...[metricsFile, paramsFile, signatureFile, exampleFile, expectedFile, evaluationFile].filter((f): f is CollectedFile => f !== undefined)];
  const clash = findClash(all);
  if (clash) throw new ConfigurationError(`${clash[0].display} and ${clash[1].display} would both be ${clash[0].bundlePath} in the package`, { hint: 'Rename one of them.' });
  const base = `${options.name}-${options.version}`;
  await mkdir(options.outputDir, { recursive: true });
  const staging = await mkdtemp(path.join(options.outputDir, `.${base}.partial-`));
  try {
    const files: ModelManifest['files'] = [];
    const formats: ModelManifest['formats'] = [];
    for (const f of all) {
      const copied = await copyWithHash(f.source, path.join(staging, f.bundlePath));
      files.push({ path: f.bundlePath, size: copied.size, sha256: copied.sha256, role: roleOfPath(f.bundlePath)! });
    }
    for (const entry of await modelEntries(model, staging)) {
      const detected = detectFormat(entry.path, entry.head, entry.isDirectory, entry.listing);
      if (detected.format !== 'unknown' || !entry.isDirectory) formats.push({ path: entry.path, ...detected });
    }

    const manifest: ModelManifest = {
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      kind: 'mlops-actions/model-package',
      name: options.name,
      version: options.version,
      createdFrom: options.createdFrom,
      files,
      formats,
      ...(signature ? { signature } : {}),
      ...(exampleFile ? { examples: { input: exampleFile.bundlePath, ...(expectedFile ? { output: expectedFile.bundlePath } : {}) } } : {}),
      metrics,
      params,
      data: dataEntries,
      ...(evaluation ? { evaluation } : {}),
      environment: { ...(options.pythonVersion ? { python: options.pythonVersion } : {}), requirements: requirementEntries },
      ...(options.description ? { description: options.description } : {}),
      ...(options.intendedUse ? { intendedUse: options.intendedUse } : {}),
      ...(options.limitations ? { limitations: options.limitations } : {}),
    } as ModelManifest;
    // The card describes the manifest's files; the manifest then lists the card too.
    const card = renderModelCard(manifest, { template, templateName: options.modelCardTemplate });
    await writeFile(path.join(staging, CARD_FILE), card);
    const cardHash = await sha256File(path.join(staging, CARD_FILE));
    manifest.files.push({ path: CARD_FILE, size: cardHash.size, sha256: cardHash.sha256, role: 'card' });
    manifest.files.sort((a, b) => comparePaths(a.path, b.path));
    const manifestText = serializeManifest(manifest);
    await writeFile(path.join(staging, MANIFEST_FILE), manifestText);

    const entries = [...all.map((f) => ({ name: f.bundlePath, source: path.join(staging, f.bundlePath), executable: f.executable })), { name: CARD_FILE, source: path.join(staging, CARD_FILE) }, { name: MANIFEST_FILE, source: path.join(staging, MANIFEST_FILE) }];
    const archive = path.join(options.outputDir, `${base}.tar.gz`);
    const result = await writeDeterministicTarGz(entries, archive, { level: options.compressionLevel });
    // The archive read the staged copies: any difference from the first read means a file changed.
    const expected = new Map(manifest.files.map((f) => [f.path, f.sha256]));
    for (const f of result.files) {
      if (expected.has(f.name) && expected.get(f.name) !== f.sha256) throw new Error(`${f.name} changed while it was being packaged`);
    }
    const bundleDir = path.join(options.outputDir, base);
    await rm(bundleDir, { recursive: true, force: true });
    await rename(staging, bundleDir);
    return { bundleDir, archive, archiveSha256: result.archiveSha256, archiveBytes: result.archiveBytes, tarSha256: result.tarSha256, manifest };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

function findClash(files: CollectedFile[]): [CollectedFile, CollectedFile] | undefined {
  const seen = new Map<string, CollectedFile>();
  for (const f of files) {
    const other = seen.get(f.bundlePath);
    if (other && other.source !== f.source) return [other, f];
    seen.set(f.bundlePath, f);
  }
  return undefined;
}


/** Each packaged model file, and each folder of one, with the first bytes of files for detection. */
async function modelEntries(model: CollectedFile[], staging: string): Promise<Array<{ path: string; head: Buffer; isDirectory: boolean; listing?: string[] }>> {
  const out: Array<{ path: string; head: Buffer; isDirectory: boolean; listing?: string[] }> = [];
  const folders = new Map<string, string[]>();
  for (const f of model) {
    const parts = f.bundlePath.split('/');
    for (let i = 2; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const list = folders.get(folder) ?? [];
      list.push(parts.slice(i).join('/'));
      folders.set(folder, list);
    }
    const handle = await open(path.join(staging, f.bundlePath), 'r');
    try {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      out.push({ path: f.bundlePath, head: head.subarray(0, bytesRead), isDirectory: false });
    } finally {
      await handle.close();
    }
  }
  for (const [folder, listing] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) out.push({ path: folder, head: Buffer.alloc(0), isDirectory: true, listing });
  return out;
}

async function readParams(file: CollectedFile): Promise<Record<string, unknown>> {
  const text = await readFile(file.source, 'utf8');
  return parseConfigText(text, file.display, z.record(z.string(), z.unknown()), 'params file').value;
}

export interface VerifyProblem {
  kind: 'mismatch' | 'missing' | 'extra';
  path: string;
  expected?: string;
  actual?: string;
}

export interface VerifyResult {
  manifest: ModelManifest;
  problems: VerifyProblem[];
  checked: number;
  /** sha256 of the .tar.gz, when the bundle was one. */
  archiveSha256?: string;
}

/**
 * Re-hashes every file of a bundle (its folder or its .tar.gz) against its manifest: a file whose
 * bytes differ, a listed file that is missing, and a file the manifest does not list are problems.
 */
export async function verifyBundle(bundle: string, display: string, scratch: string): Promise<VerifyResult> {
  const info = await stat(bundle).catch(() => undefined);
  if (!info) throw new ConfigurationError('bundle not found', { file: display, hint: 'Give the package folder or its .tar.gz (package-path of package-model).' });
  if (info.isFile()) {
    const dir = await mkdtemp(path.join(scratch, 'verify-'));
    try {
      try {
        await extractTarGz(bundle, dir);
      } catch (error) {
        throw new ConfigurationError(`cannot read the bundle archive: ${error instanceof Error ? error.message : String(error)}`, { file: display, hint: 'Give a .tar.gz written by package-model, or the package folder.' });
      }
      const result = await verifyFolder(dir, display);
      return { ...result, archiveSha256: (await sha256File(bundle)).sha256 };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return verifyFolder(bundle, display);
}

/**
 * A package to read from: verified against its manifest (a changed, missing or extra file is a
 * configuration error naming it, with `hint` saying what to use instead), and extracted into
 * `scratch` when it is a .tar.gz.
 */
export async function openVerifiedPackage(bundle: string, display: string, scratch: string, hint: string): Promise<{ dir: string; manifest: ModelManifest; archiveSha256?: string }> {
  const verified = await verifyBundle(bundle, display, scratch);
  if (verified.problems.length > 0) {
    const p = verified.problems[0]!;
    throw new ConfigurationError(`the package fails verify: ${p.path} is ${p.kind === 'mismatch' ? 'changed' : p.kind}${verified.problems.length > 1 ? ` (and ${verified.problems.length - 1} more)` : ''}`, {
      file: display,
      hint: `${hint}; run package-model with mode: verify to see every problem.`,
    });
  }
  if (!verified.archiveSha256) return { dir: bundle, manifest: verified.manifest };
  const dir = await mkdtemp(path.join(scratch, 'package-'));
  await extractTarGz(bundle, dir);
  return { dir, manifest: verified.manifest, archiveSha256: verified.archiveSha256 };
}

async function verifyFolder(dir: string, display: string): Promise<VerifyResult> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const text = await readFile(manifestPath, 'utf8').catch(() => undefined);
  if (text === undefined) throw new ConfigurationError(`the bundle has no ${MANIFEST_FILE}`, { file: display, hint: 'Give a folder or .tar.gz written by package-model.' });
  const manifest = parseManifest(text, `${display}/${MANIFEST_FILE}`);
  const present = new Set((await listAll(dir)).filter((p) => p !== MANIFEST_FILE));
  const problems: VerifyProblem[] = [];
  for (const f of manifest.files) {
    if (!present.has(f.path)) {
      problems.push({ kind: 'missing', path: f.path, expected: f.sha256 });
      continue;
    }
    present.delete(f.path);
    const actual = await sha256File(path.join(dir, f.path));
    if (actual.sha256 !== f.sha256 || actual.size !== f.size) problems.push({ kind: 'mismatch', path: f.path, expected: f.sha256, actual: actual.sha256 });
  }
  for (const p of [...present].sort()) problems.push({ kind: 'extra', path: p });
  return { manifest, problems, checked: manifest.files.length };
}

async function listAll(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listAll(dir, rel)));
    else out.push(toPosix(rel));
  }
  return out;
}

/** A previous package's manifest: from its folder, its .tar.gz, or the manifest file itself. */
export async function readPackageManifest(source: string, display: string, scratch: string): Promise<ModelManifest> {
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new ConfigurationError('previous package not found', { file: display, hint: 'Give its folder, its .tar.gz, its model-manifest.json, or the name of its artifact.' });
  if (info.isDirectory()) return parseManifest(await readFile(path.join(source, MANIFEST_FILE), 'utf8').catch(() => '{}'), `${display}/${MANIFEST_FILE}`);
  if (/\.json$/i.test(source)) return parseManifest(await readFile(source, 'utf8'), display);
  const dir = await mkdtemp(path.join(scratch, 'previous-'));
  try {
    await extractTarGz(source, dir);
    return parseManifest(await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => '{}'), `${display}/${MANIFEST_FILE}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
