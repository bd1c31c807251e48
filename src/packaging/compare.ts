import { comparePaths, requirementName, type ModelManifest } from './manifest.js';
import type { Signature, SignatureField } from './signature.js';

/**
 * What changed between two packages of a model, from their manifests: files by content, the
 * signature, the requirements by package, metrics with their deltas, params, and the data the
 * model was checked on. The version and the model card (rendered from the rest) are not compared:
 * `identical` means the same model, files, signature, requirements, metrics, params and data.
 */
export interface ManifestComparison {
  versionBefore: string;
  versionAfter: string;
  files: {
    added: string[];
    removed: string[];
    changed: Array<{ path: string; before: string; after: string }>;
  };
  signatureChanged: boolean;
  /** Readable, e.g. `input age: type integer → number`, `output score added (number)`. */
  signatureDifferences: string[];
  requirements: {
    added: string[];
    removed: string[];
    /** `name: before → after`, with versions for pinned requirements, else the requirements as written. */
    changed: string[];
  };
  python?: { before?: string; after?: string };
  /** Every metric of either package, sorted by name; delta = after − before when both have it. */
  metrics: Array<{ name: string; before?: number; after?: number; delta?: number }>;
  /** Params whose value differs, sorted by name. */
  params: Array<{ name: string; before?: unknown; after?: unknown }>;
  /** Data fingerprints that differ, by source: sha256 and rows before and after. */
  data: Array<{ source: string; before?: string; after?: string; rowsBefore?: number; rowsAfter?: number }>;
  identical: boolean;
}

export function compareManifests(previous: ModelManifest, current: ModelManifest): ManifestComparison {
  const files = compareFiles(previous, current);
  const signatureDifferences = compareSignatures(previous.signature, current.signature);
  const requirements = compareRequirements(previous, current);
  const pythonBefore = previous.environment.python;
  const pythonAfter = current.environment.python;
  const metrics = compareMetrics(previous.metrics, current.metrics);
  const params = compareParams(previous.params, current.params);
  const data = compareData(previous, current);
  const metricsSame = metrics.every((m) => m.before !== undefined && m.after !== undefined && m.before === m.after);
  const identical =
    files.added.length + files.removed.length + files.changed.length === 0 &&
    signatureDifferences.length === 0 &&
    requirements.added.length + requirements.removed.length + requirements.changed.length === 0 &&
    pythonBefore === pythonAfter &&
    metricsSame &&
    params.length === 0 &&
    data.length === 0;
  return {
    versionBefore: previous.version,
    versionAfter: current.version,
    files,
    signatureChanged: signatureDifferences.length > 0,
    signatureDifferences,
    requirements,
    ...(pythonBefore !== pythonAfter ? { python: { ...(pythonBefore !== undefined ? { before: pythonBefore } : {}), ...(pythonAfter !== undefined ? { after: pythonAfter } : {}) } } : {}),
    metrics,
    params,
    data,
    identical,
  };
}

function compareFiles(previous: ModelManifest, current: ModelManifest): ManifestComparison['files'] {
  const contentFiles = (m: ModelManifest) => new Map(m.files.filter((f) => f.role !== 'card').map((f) => [f.path, f.sha256]));
  const before = contentFiles(previous);
  const after = contentFiles(current);
  const added = [...after.keys()].filter((p) => !before.has(p)).sort(comparePaths);
  const removed = [...before.keys()].filter((p) => !after.has(p)).sort(comparePaths);
  const changed = [...after]
    .filter(([p, sha]) => before.has(p) && before.get(p) !== sha)
    .map(([path, sha]) => ({ path, before: before.get(path)!, after: sha }))
    .sort((a, b) => comparePaths(a.path, b.path));
  return { added, removed, changed };
}

function compareSignatures(before: Signature | undefined, after: Signature | undefined): string[] {
  if (!before && !after) return [];
  if (!before) return ['signature added'];
  if (!after) return ['signature removed'];
  return [...compareFields('input', before.inputs, after.inputs), ...compareFields('output', before.outputs ?? [], after.outputs ?? [])];
}

function compareFields(direction: 'input' | 'output', before: SignatureField[], after: SignatureField[]): string[] {
  const out: string[] = [];
  const old = new Map(before.map((f) => [f.name, f]));
  const now = new Map(after.map((f) => [f.name, f]));
  for (const f of after) {
    const was = old.get(f.name);
    if (!was) {
      out.push(`${direction} ${f.name} added (${describeField(f)})`);
      continue;
    }
    if (was.type !== f.type) out.push(`${direction} ${f.name}: type ${was.type} → ${f.type}`);
    const shape = (s?: number[]) => (s ? `[${s.join(', ')}]` : 'none');
    if (shape(was.shape) !== shape(f.shape)) out.push(`${direction} ${f.name}: shape ${shape(was.shape)} → ${shape(f.shape)}`);
    if ((was.dtype ?? 'none') !== (f.dtype ?? 'none')) out.push(`${direction} ${f.name}: dtype ${was.dtype ?? 'none'} → ${f.dtype ?? 'none'}`);
    if (Boolean(was.nullable) !== Boolean(f.nullable)) out.push(`${direction} ${f.name}: ${f.nullable ? 'now nullable' : 'no longer nullable'}`);
  }
  for (const f of before) if (!now.has(f.name)) out.push(`${direction} ${f.name} removed (${describeField(f)})`);
  // A model fed by position (a tensor, an ONNX graph) cares about order even when the names match.
  const common = (list: SignatureField[], other: Map<string, SignatureField>) => list.map((f) => f.name).filter((n) => other.has(n));
  const orderBefore = common(before, now);
  const orderAfter = common(after, old);
  if (orderBefore.join('\u0000') !== orderAfter.join('\u0000')) out.push(`${direction} order: ${orderBefore.join(', ')} → ${orderAfter.join(', ')}`);
  return out;
}

function describeField(f: SignatureField): string {
  return `${f.type}${f.shape ? ` [${f.shape.join(', ')}]` : ''}${f.nullable ? ', nullable' : ''}`;
}

function compareRequirements(previous: ModelManifest, current: ModelManifest): ManifestComparison['requirements'] {
  const byName = (m: ModelManifest) => {
    const map = new Map<string, string>();
    for (const file of m.environment.requirements) {
      for (const requirement of file.packages) {
        const name = requirementName(requirement);
        const known = map.get(name);
        map.set(name, known === undefined || known === requirement ? requirement : [known, requirement].sort(comparePaths).join(' + '));
      }
    }
    return map;
  };
  const before = byName(previous);
  const after = byName(current);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort(comparePaths);
  const out: ManifestComparison['requirements'] = { added: [], removed: [], changed: [] };
  for (const name of names) {
    const b = before.get(name);
    const a = after.get(name);
    if (b === undefined) out.added.push(a!);
    else if (a === undefined) out.removed.push(b);
    else if (a !== b) out.changed.push(`${name}: ${pinnedVersion(b) ?? b} → ${pinnedVersion(a) ?? a}`);
  }
  return out;
}

function pinnedVersion(requirement: string): string | undefined {
  return /^[^=<>!~@;\s]+==([^=\s,;]+)$/.exec(requirement)?.[1];
}

function compareMetrics(before: Record<string, number>, after: Record<string, number>): ManifestComparison['metrics'] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(comparePaths);
  return names.map((name) => {
    const b = Object.hasOwn(before, name) ? before[name] : undefined;
    const a = Object.hasOwn(after, name) ? after[name] : undefined;
    return {
      name,
      ...(b !== undefined ? { before: b } : {}),
      ...(a !== undefined ? { after: a } : {}),
      ...(a !== undefined && b !== undefined ? { delta: a - b } : {}),
    };
  });
}

function compareParams(before: Record<string, unknown>, after: Record<string, unknown>): ManifestComparison['params'] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(comparePaths);
  const out: ManifestComparison['params'] = [];
  for (const name of names) {
    const has = [Object.hasOwn(before, name), Object.hasOwn(after, name)];
    if (has[0] && has[1] && canonical(before[name]) === canonical(after[name])) continue;
    out.push({ name, ...(has[0] ? { before: before[name] } : {}), ...(has[1] ? { after: after[name] } : {}) });
  }
  return out;
}

function compareData(previous: ModelManifest, current: ModelManifest): ManifestComparison['data'] {
  const before = new Map(previous.data.map((d) => [d.source, d]));
  const after = new Map(current.data.map((d) => [d.source, d]));
  const sources = [...new Set([...before.keys(), ...after.keys()])].sort(comparePaths);
  const out: ManifestComparison['data'] = [];
  for (const source of sources) {
    const b = before.get(source);
    const a = after.get(source);
    if (b && a && b.sha256 === a.sha256) continue;
    out.push({
      source,
      ...(b ? { before: b.sha256 } : {}),
      ...(a ? { after: a.sha256 } : {}),
      ...(b?.rows !== undefined ? { rowsBefore: b.rows } : {}),
      ...(a?.rows !== undefined ? { rowsAfter: a.rows } : {}),
    });
  }
  return out;
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => comparePaths(a, b))) : v,
    ) ?? 'undefined'
  );
}
