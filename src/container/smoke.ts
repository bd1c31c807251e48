import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelManifest } from '../packaging/manifest.js';
import { parseCsv } from '../packaging/signature.js';

/**
 * The smoke test of a serving image, over HTTP against the serving contract: /health answers,
 * /predict on the package's input example answers (and matches its expected output when there is
 * one), and the latency of /predict over a few hundred requests.
 */
export interface SmokeOptions {
  baseUrl: string;
  /** Rows of the input example. */
  rows: unknown[];
  /** The expected predictions, when the package has them. */
  expected?: unknown[];
  requests: number;
  /** How long to wait for /health. */
  startTimeoutMs: number;
  /** Stops waiting early: the container exited. */
  exited?: () => Promise<boolean>;
}

export interface SmokeResult {
  ok: boolean;
  /** Why it failed, in a sentence. */
  problem?: string;
  startMs?: number;
  predictions?: unknown[];
  mismatches: Array<{ row: number; expected: unknown; actual: unknown }>;
  latency?: { p50: number; p99: number; max: number; requests: number };
}

export async function smokeTest(options: SmokeOptions): Promise<SmokeResult> {
  const started = performance.now();
  let healthy = false;
  let lastError = '';
  while (performance.now() - started < options.startTimeoutMs) {
    try {
      const response = await fetch(`${options.baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        healthy = true;
        break;
      }
      lastError = `/health answered ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (options.exited && (await options.exited())) return { ok: false, problem: 'the container exited before /health answered', mismatches: [] };
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!healthy) return { ok: false, problem: `/health did not answer 200 within ${Math.round(options.startTimeoutMs / 1000)} s (${lastError})`, mismatches: [] };
  const startMs = performance.now() - started;

  const body = JSON.stringify({ rows: options.rows });
  const first = await post(`${options.baseUrl}/predict`, body);
  if (first.status !== 200) return { ok: false, problem: `/predict answered ${first.status}: ${first.text.slice(0, 300)}`, startMs, mismatches: [] };
  const predictions = (JSON.parse(first.text) as { predictions?: unknown[] }).predictions;
  if (!Array.isArray(predictions) || predictions.length !== options.rows.length) {
    return { ok: false, problem: `/predict returned ${Array.isArray(predictions) ? predictions.length : 'no'} predictions for ${options.rows.length} rows`, startMs, mismatches: [] };
  }
  const mismatches: SmokeResult['mismatches'] = [];
  if (options.expected) {
    options.expected.forEach((expected, row) => {
      if (!sameValue(expected, predictions[row])) mismatches.push({ row, expected, actual: predictions[row] });
    });
  }
  const times: number[] = [];
  for (let i = 0; i < options.requests; i++) {
    const t = performance.now();
    const r = await post(`${options.baseUrl}/predict`, body);
    times.push(performance.now() - t);
    if (r.status !== 200) return { ok: false, problem: `/predict answered ${r.status} on request ${i + 2}`, startMs, predictions, mismatches };
  }
  times.sort((a, b) => a - b);
  const quantile = (q: number) => (times.length === 0 ? 0 : times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!);
  const latency = { p50: quantile(0.5), p99: quantile(0.99), max: times.at(-1) ?? 0, requests: times.length };
  return {
    ok: mismatches.length === 0,
    problem: mismatches.length > 0 ? `${mismatches.length} of ${options.rows.length} predictions differ from the package's expected output` : undefined,
    startMs,
    predictions,
    mismatches,
    latency,
  };
}

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
  return { status: response.status, text: await response.text() };
}

/** Equal, with numbers equal to 1e-9 relative (floating point differs between builds of numpy). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The predictions of an expected-output file: a list, or {"predictions": [...]}. */
export function expectedPredictions(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  const p = (json as { predictions?: unknown } | null)?.predictions;
  return Array.isArray(p) ? p : undefined;
}

/** Rows of an input example: a list of objects, {"rows": [...]}, {"instances": [...]}, CSV or JSON Lines text. */
export function exampleRows(text: string, fileName: string): unknown[] {
  if (/\.(csv|tsv)$/i.test(fileName)) {
    const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, ''), fileName, /\.tsv$/i.test(fileName) ? '\t' : ',');
    if (!header) return [];
    return records.map((r) => Object.fromEntries(header.fields.map((c, i) => [c, r.quoted[i] ? (r.fields[i] ?? '') : csvValue(r.fields[i] ?? '')])));
  }
  if (/\.jsonl$/i.test(fileName)) return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  const json = JSON.parse(text) as unknown;
  if (Array.isArray(json)) return json;
  const obj = json as { rows?: unknown; instances?: unknown; inputs?: unknown };
  for (const key of ['rows', 'instances', 'inputs'] as const) if (Array.isArray(obj[key])) return obj[key] as unknown[];
  return [json];
}

function csvValue(cell: string): unknown {
  const t = cell.trim();
  if (t === '') return null;
  if (t === 'true' || t === 'false') return t === 'true';
  const n = Number(t);
  return Number.isFinite(n) && /^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(t) ? n : t;
}

/** The rows of a package's input example and its expected predictions, read from the package folder. */
export async function packageExamples(packageDir: string, manifest: ModelManifest): Promise<{ rows: unknown[]; expected?: unknown[] }> {
  const example = manifest.examples?.input;
  const rows = example ? exampleRows(await readFile(path.join(packageDir, example), 'utf8'), example) : [];
  const expected = manifest.examples?.output ? expectedPredictions(JSON.parse(await readFile(path.join(packageDir, manifest.examples.output), 'utf8'))) : undefined;
  return { rows, expected };
}
