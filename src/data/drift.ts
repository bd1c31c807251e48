import type { Chart, Finding, Table } from '../platform/report.js';
import {
  benjaminiHochberg,
  binCounts,
  categoricalDistributions,
  chiSquareTwoSample,
  jensenShannon,
  ks2Samp,
  ksFromSketches,
  psi,
  quantileBinEdges,
  wasserstein1d,
  wassersteinFromSketches,
} from '../stats/drift-tests.js';
import { variance } from '../stats/moments.js';
import type { QuantileSketch } from '../stats/quantile-sketch.js';
import type { ColumnProfile, DatasetProfile } from './profile.js';
import { driftSchema, type DataSchema, type DriftConfig, type DriftMethod } from './schema.js';

/**
 * Drift of each column against a reference, judged on profiles (so a saved profile can stand in
 * for reference data, and memory stays bounded).
 *
 * Defaults that stay meaningful on big data: while the smaller sample has fewer than
 * `large_sample` values, p-value tests decide (Kolmogorov-Smirnov for numbers, chi-square for
 * categories), Benjamini-Hochberg corrected across columns; from there on, distances decide
 * (Wasserstein normed by the reference's standard deviation; Jensen-Shannon), because with a
 * million rows every p-value is tiny and a p-value test would flag everything. Categories are
 * compared over the reference's most frequent values plus one "other" bucket: over all values of
 * a sparse high-cardinality column, sampling alone makes two samples of one distribution look apart.
 */
export const DEFAULT_DISTANCE_THRESHOLDS = { wasserstein: 0.1, jensenshannon: 0.1, psi: 0.2 } as const;
const TOP_CATEGORIES = 50;

export interface ColumnDrift {
  column: string;
  kind: 'numeric' | 'categorical';
  method: Exclude<DriftMethod, 'auto' | 'none'>;
  /** What decided: a p-value (adjusted) compared with alpha, or a distance compared with a threshold. */
  decidedBy: 'p-value' | 'distance';
  threshold: number;
  drifted: boolean;
  referenceCount: number;
  currentCount: number;
  ks?: { statistic: number; pvalue: number; error: number };
  wasserstein?: { distance: number; normed: number; error: number };
  chi2?: { statistic: number; pvalue: number; dof: number };
  jensenShannon?: number;
  psi: number;
  /** Benjamini-Hochberg adjusted p-value when a p-value decided. */
  adjustedPvalue?: number;
  /** Shares per bin or category, for the chart: labels, reference, current. */
  shape: { labels: string[]; reference: number[]; current: number[] };
}

export interface DriftSummary {
  columns: ColumnDrift[];
  skipped: Array<{ column: string; reason: string }>;
  compared: number;
  drifted: number;
  share: number;
  maxShare: number;
  datasetDrift: boolean;
}

export function resolveDriftConfig(schema: DataSchema): DriftConfig {
  return schema.drift ?? driftSchema.parse({});
}

function sortedValues(sketch: QuantileSketch): Float64Array {
  return sketch.weightedValues().values;
}

function shares(counts: ArrayLike<number>): number[] {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  return Array.from(counts, (c) => (total > 0 ? c / total : 0));
}

function numericDrift(name: string, ref: ColumnProfile, cur: ColumnProfile, method: DriftMethod, config: DriftConfig, threshold?: number): ColumnDrift {
  const a = ref.quantiles!;
  const b = cur.quantiles!;
  const exact = a.exact && b.exact;
  const ks = exact ? { ...ks2Samp(sortedValues(a), sortedValues(b)), error: 0 } : ksFromSketches(a, b);
  const std = Math.sqrt(variance(ref.moments));
  const w = exact ? { distance: wasserstein1d(sortedValues(a), sortedValues(b)), error: 0 } : wassersteinFromSketches(a, b);
  const normed = std > 0 ? w.distance / std : w.distance === 0 ? 0 : Infinity;
  const edges = quantileBinEdges(a, 10);
  const refBins = binCounts(a, edges);
  const curBins = binCounts(b, edges);
  const chosen = chooseMethod(method, 'numeric', Math.min(ref.count, cur.count), config);
  const result: ColumnDrift = {
    column: name,
    kind: 'numeric',
    method: chosen,
    decidedBy: chosen === 'ks' ? 'p-value' : 'distance',
    threshold: thresholdFor(chosen, config, threshold),
    drifted: false,
    referenceCount: ref.count,
    currentCount: cur.count,
    ks: { statistic: ks.statistic, pvalue: ks.pvalue, error: ks.error },
    wasserstein: { distance: w.distance, normed, error: std > 0 ? w.error / std : w.error },
    psi: psi(refBins, curBins),
    shape: { labels: binLabels(edges, ref.type === 'timestamp'), reference: shares(refBins), current: shares(curBins) },
  };
  if (chosen === 'wasserstein') result.drifted = normed > result.threshold;
  if (chosen === 'psi') result.drifted = result.psi > result.threshold;
  return result;
}

function categoricalDrift(name: string, ref: ColumnProfile, cur: ColumnProfile, method: DriftMethod, config: DriftConfig, threshold?: number): ColumnDrift {
  const dist = categoricalDistributions(ref.frequencies!.counts(), cur.frequencies!.counts(), TOP_CATEGORIES);
  const refCounts = new Map(dist.keys.map((k, i) => [k, dist.ref[i]!]));
  const curCounts = new Map(dist.keys.map((k, i) => [k, dist.cur[i]!]));
  const chi2 = chiSquareTwoSample(refCounts, curCounts);
  const chosen = chooseMethod(method, 'categorical', Math.min(ref.count, cur.count), config);
  const result: ColumnDrift = {
    column: name,
    kind: 'categorical',
    method: chosen,
    decidedBy: chosen === 'chi2' ? 'p-value' : 'distance',
    threshold: thresholdFor(chosen, config, threshold),
    drifted: false,
    referenceCount: ref.count,
    currentCount: cur.count,
    chi2,
    jensenShannon: jensenShannon(dist.ref, dist.cur, 2),
    psi: psi(dist.ref, dist.cur),
    shape: { labels: dist.keys, reference: shares(dist.ref), current: shares(dist.cur) },
  };
  if (chosen === 'jensenshannon') result.drifted = result.jensenShannon! > result.threshold;
  if (chosen === 'psi') result.drifted = result.psi > result.threshold;
  return result;
}

function chooseMethod(method: DriftMethod, kind: 'numeric' | 'categorical', smaller: number, config: DriftConfig): ColumnDrift['method'] {
  const small = smaller < config.large_sample;
  if (method === 'auto' || method === 'none') {
    if (kind === 'numeric') return small ? 'ks' : 'wasserstein';
    return small ? 'chi2' : 'jensenshannon';
  }
  // A method of the other kind falls back to its counterpart (ks on categories means chi2, and so on).
  if (kind === 'categorical' && (method === 'ks' || method === 'wasserstein')) return method === 'ks' ? 'chi2' : 'jensenshannon';
  if (kind === 'numeric' && (method === 'chi2' || method === 'jensenshannon')) return method === 'chi2' ? 'ks' : 'wasserstein';
  return method;
}

function thresholdFor(method: ColumnDrift['method'], config: DriftConfig, given?: number): number {
  if (given !== undefined) return given;
  if (method === 'ks' || method === 'chi2') return config.alpha;
  return DEFAULT_DISTANCE_THRESHOLDS[method];
}

function binLabels(edges: Float64Array, timestamps: boolean): string[] {
  const fmt = (x: number) => (timestamps ? new Date(x).toISOString().slice(0, 10) : formatNumber(x));
  const labels: string[] = [];
  for (let i = 0; i <= edges.length; i++) {
    if (i === 0) labels.push(`< ${fmt(edges[0] ?? NaN)}`);
    else if (i === edges.length) labels.push(`≥ ${fmt(edges[i - 1]!)}`);
    else labels.push(`${fmt(edges[i - 1]!)}–${fmt(edges[i]!)}`);
  }
  return edges.length === 0 ? ['all'] : labels;
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/**
 * Whether computeDrift compares the values of a column (else it reads only the reference's counts):
 * free text and unique identifiers are compared only when the schema's drift block names them.
 */
export function driftCompares(schema: DataSchema, name: string): boolean {
  const rule = schema.columns[name];
  if (rule === undefined) return false;
  if (resolveDriftConfig(schema).columns[name] !== undefined) return true;
  return !rule.unique && rule.type !== 'string';
}

/** Compares every schema column present in both profiles and judges the dataset. */
export function computeDrift(schema: DataSchema, current: DatasetProfile, reference: DatasetProfile): DriftSummary {
  const config = resolveDriftConfig(schema);
  const columns: ColumnDrift[] = [];
  const skipped: DriftSummary['skipped'] = [];
  for (const [name, rule] of Object.entries(schema.columns)) {
    const configured = config.columns[name];
    const method = configured?.method ?? 'auto';
    const cur = current.columns.get(name);
    const ref = reference.columns.get(name);
    if (method === 'none') {
      skipped.push({ column: name, reason: 'drift: method none' });
      continue;
    }
    if (!ref) {
      skipped.push({ column: name, reason: 'not in the reference' });
      continue;
    }
    if (!cur || cur.count === 0 || ref.count === 0) {
      skipped.push({ column: name, reason: 'no values to compare' });
      continue;
    }
    if (cur.kind !== ref.kind) {
      skipped.push({ column: name, reason: `reference has type ${ref.type}, the data ${cur.type}` });
      continue;
    }
    if (cur.kind === 'text' && configured === undefined) {
      skipped.push({ column: name, reason: 'free text (set a drift method in the schema to compare its top values)' });
      continue;
    }
    if (cur.kind !== 'numeric' && (!cur.frequencies || !ref.frequencies)) {
      skipped.push({ column: name, reason: 'too many distinct values to compare their frequencies' });
      continue;
    }
    if (rule.unique && configured === undefined) {
      skipped.push({ column: name, reason: 'unique identifier' });
      continue;
    }
    columns.push(cur.kind === 'numeric' ? numericDrift(name, ref, cur, method, config, configured?.threshold) : categoricalDrift(name, ref, cur, method, config, configured?.threshold));
  }
  const tested = columns.filter((c) => c.decidedBy === 'p-value');
  const adjusted = benjaminiHochberg(tested.map((c) => (c.method === 'ks' ? c.ks!.pvalue : c.chi2!.pvalue)));
  tested.forEach((c, i) => {
    c.adjustedPvalue = adjusted[i]!;
    c.drifted = c.adjustedPvalue < c.threshold;
  });
  const drifted = columns.filter((c) => c.drifted).length;
  const share = columns.length === 0 ? 0 : drifted / columns.length;
  return { columns, skipped, compared: columns.length, drifted, share, maxShare: config.max_drifted_share, datasetDrift: share > config.max_drifted_share };
}

/** Findings, tables and charts for the report. */
export function driftReportParts(drift: DriftSummary, severity: Finding['severity'], referenceName: string): { findings: Finding[]; tables: Table[]; charts: Chart[] } {
  const findings: Finding[] = [];
  const ordered = [...drift.columns].sort((a, b) => Number(b.drifted) - Number(a.drifted) || score(b) - score(a));
  for (const c of ordered.filter((x) => x.drifted)) {
    findings.push({ severity, rule: `drift.${c.method}`, subject: c.column, message: `${c.column} drifted from ${referenceName}: ${describeDecision(c)}` });
  }
  if (drift.datasetDrift) {
    findings.push({
      severity: 'error',
      rule: 'drift.share',
      message: `${drift.drifted} of ${drift.compared} compared columns drifted (${(drift.share * 100).toFixed(0)}%), more than the allowed ${(drift.maxShare * 100).toFixed(0)}%`,
    });
  }
  const table: Table = {
    title: `Drift against ${referenceName}`,
    columns: ['column', 'drifted', 'method', 'decided by', 'threshold', 'KS / χ²', 'p-value (adj.)', 'Wasserstein (σ) / JS', 'PSI'],
    rows: ordered.map((c) => [
      c.column,
      c.drifted ? 'yes' : 'no',
      c.method,
      c.decidedBy === 'p-value' ? `adjusted p < ${c.threshold}` : `distance > ${c.threshold}`,
      c.threshold,
      c.kind === 'numeric' ? round(c.ks!.statistic) : round(c.chi2!.statistic),
      c.adjustedPvalue !== undefined ? round(c.adjustedPvalue) : c.kind === 'numeric' ? round(c.ks!.pvalue) : round(c.chi2!.pvalue),
      c.kind === 'numeric' ? round(c.wasserstein!.normed) : round(c.jensenShannon!),
      round(c.psi),
    ]),
    note: `${drift.drifted} of ${drift.compared} columns drifted (share ${(drift.share * 100).toFixed(0)}%, allowed ${(drift.maxShare * 100).toFixed(0)}%).${drift.skipped.length ? ` Not compared: ${drift.skipped.map((s) => `${s.column} (${s.reason})`).join('; ')}.` : ''}`,
  };
  const charts = ordered.filter((c) => c.drifted).slice(0, 10).map((c) => driftChart(c));
  return { findings, tables: [table], charts };
}

function score(c: ColumnDrift): number {
  return c.decidedBy === 'p-value' ? 1 - (c.adjustedPvalue ?? 1) : c.kind === 'numeric' ? c.wasserstein!.normed : c.jensenShannon!;
}

function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}

function describeDecision(c: ColumnDrift): string {
  switch (c.method) {
    case 'ks':
      return `Kolmogorov-Smirnov D = ${round(c.ks!.statistic)}, adjusted p = ${round(c.adjustedPvalue!)} < ${c.threshold}`;
    case 'chi2':
      return `chi-square = ${round(c.chi2!.statistic)} (dof ${c.chi2!.dof}), adjusted p = ${round(c.adjustedPvalue!)} < ${c.threshold}`;
    case 'wasserstein':
      return `Wasserstein distance = ${round(c.wasserstein!.normed)} reference standard deviations > ${c.threshold}`;
    case 'jensenshannon':
      return `Jensen-Shannon distance = ${round(c.jensenShannon!)} > ${c.threshold}`;
    case 'psi':
      return `PSI = ${round(c.psi)} > ${c.threshold}`;
  }
}

/** A Mermaid bar-and-line chart: bars are the reference's shares, the line the current data's. */
export function driftChart(c: ColumnDrift): Chart {
  const labels = c.shape.labels.map((l) => JSON.stringify(l.length > 18 ? `${l.slice(0, 17)}…` : l).replace(/\\"/g, "'"));
  const pct = (xs: number[]) => xs.map((x) => Number((x * 100).toFixed(2)));
  const ref = pct(c.shape.reference);
  const cur = pct(c.shape.current);
  const top = Math.max(1, ...ref, ...cur);
  return {
    title: `${c.column}: reference (bars) vs current (line), % of rows`,
    mermaid: [
      'xychart-beta',
      `  title "${c.column.replace(/"/g, "'")}"`,
      `  x-axis [${labels.join(', ')}]`,
      `  y-axis "% of rows" 0 --> ${Math.ceil(top * 1.1)}`,
      `  bar [${ref.join(', ')}]`,
      `  line [${cur.join(', ')}]`,
    ].join('\n'),
  };
}
