import type { Chart } from '../platform/report.js';
import type { LoggedPoint } from './parse.js';

/**
 * The judgements train-check makes on what a training run logged, as pure functions of numbers:
 * did the loss fall, is every value finite, do two runs agree, how much do seeds vary.
 */

export interface LossTrend {
  /** Mean of the first `window` values. */
  start: number;
  /** Mean of the last `window` values. */
  end: number;
  window: number;
  /** (start − end) / |start|: the fraction the loss fell by; negative when it rose. */
  decrease: number;
  points: number;
}

/**
 * Start and end of a loss series, each the mean of `window` values (fewer when the series is
 * short: at most half of it, at least one), so one noisy step decides neither end.
 */
export function lossTrend(points: readonly LoggedPoint[], window: number): LossTrend | undefined {
  const values = points.map((p) => p.value).filter((v) => Number.isFinite(v));
  if (values.length < 2) return undefined;
  const w = Math.max(1, Math.min(window, Math.floor(values.length / 2)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const start = mean(values.slice(0, w));
  const end = mean(values.slice(values.length - w));
  const scale = Math.abs(start);
  const decrease = scale === 0 ? (end < start ? Infinity : end > start ? -Infinity : 0) : (start - end) / scale;
  return { start, end, window: w, decrease, points: values.length };
}

/** The first value of a series that is NaN or infinite, with how many there are. */
export function firstNonFinite(points: readonly LoggedPoint[]): { point: LoggedPoint; count: number } | undefined {
  let first: LoggedPoint | undefined;
  let count = 0;
  for (const p of points) {
    if (!Number.isFinite(p.value)) {
      count++;
      first ??= p;
    }
  }
  return first ? { point: first, count } : undefined;
}

/** Equal within `tolerance`, relative to the larger magnitude (absolute below 1). */
export function withinTolerance(a: number, b: number, tolerance: number): boolean {
  if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))) return true;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface SeedSpread {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1), 0 for one value. */
  std: number;
  min: number;
  max: number;
  values: number[];
}

export function seedSpread(values: number[]): SeedSpread {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  const min = Math.min(...values);
  const max = Math.max(...values);
  // Equal values have no spread, whatever rounding the mean picked up.
  return { n, mean: min === max ? min : mean, std: n > 1 && min !== max ? Math.sqrt(ss / (n - 1)) : 0, min, max, values };
}

/** At most `max` points, evenly spaced, first and last kept. */
export function downsample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]!);
  return out;
}

/** A Mermaid line chart of the loss series (and the validation loss when logged). */
export function lossChart(series: Map<string, LoggedPoint[]>, names: string[]): Chart | undefined {
  const present = names.filter((n) => (series.get(n)?.length ?? 0) >= 2);
  if (present.length === 0) return undefined;
  const main = downsample(series.get(present[0]!)!, 60);
  const steps = main.map((p) => p.step);
  const num = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : 0);
  const lines: string[] = [];
  const all: number[] = [];
  for (const name of present) {
    const points = series.get(name)!;
    // Each series at the steps of the first one (the nearest logged step at or before it).
    const values = steps.map((step) => {
      let best: LoggedPoint | undefined;
      for (const p of points) if (p.step <= step) best = p;
      return (best ?? points[0]!).value;
    });
    for (const v of values) if (Number.isFinite(v)) all.push(v);
    lines.push(`  line [${values.map(num).join(', ')}]`);
  }
  if (all.length === 0) return undefined;
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 0.01;
  return {
    title: `Loss by step: ${present.join(', ')}`,
    mermaid: [
      'xychart-beta',
      `  title "${present.join(' and ')}"`,
      `  x-axis "step" [${steps.map((s) => `"${s}"`).join(', ')}]`,
      `  y-axis "${present[0]}" ${num(lo - pad)} --> ${num(hi + pad)}`,
      ...lines,
    ].join('\n'),
  };
}
