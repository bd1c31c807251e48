/**
 * Streaming count, mean, variance, min, max and sum of a numeric column, mergeable across batches
 * and shards. The mean and the sum of squared deviations are updated with Welford's recurrence, and
 * two summaries are combined with the parallel formula of Chan, Golub and LeVeque, so the variance
 * stays accurate when the values sit far from zero, where the textbook sum-of-squares formula loses
 * every significant digit.
 *
 * Welford alone still loses digits when the spread is tiny next to the values (epoch timestamps a
 * few seconds apart: σ/|mean| ~ 1e-9), because the running mean is rounded to the precision of the
 * values at every step. So the recurrence runs on x - origin, where origin is the first value: those
 * differences are exact and small, and so is their running mean.
 */
export interface Moments {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  m2: number;
  /** Infinity while empty. */
  min: number;
  /** -Infinity while empty. */
  max: number;
  sum: number;
  /** The first value added: the recurrence runs on x - origin. Absent in summaries made by hand. */
  origin?: number;
  /** mean - origin, kept apart from mean so that it keeps its low digits. */
  meanFromOrigin?: number;
}

export function emptyMoments(): Moments {
  return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, sum: 0, origin: 0, meanFromOrigin: 0 };
}

/** Adds values[0, count): finite numbers (the caller skips nulls and NaN), as if one at a time. */
export function addValues(m: Moments, values: Float64Array, count: number): void {
  if (count <= 0) return;
  if (m.count === 0 || m.origin === undefined) startFrom(m, values[0]!);
  const state = scratch;
  state[0] = m.meanFromOrigin!;
  state[1] = m.m2;
  state[2] = m.sum;
  state[3] = m.min;
  state[4] = m.max;
  for (let from = 0; from < count; from += WELFORD_CHUNK) welford(values, from, Math.min(count, from + WELFORD_CHUNK), m.origin!, m.count + from, state);
  m.count += count;
  m.meanFromOrigin = state[0]!;
  m.mean = m.origin! + state[0]!;
  m.m2 = state[1]!;
  m.sum = state[2]!;
  m.min = state[3]!;
  m.max = state[4]!;
}

/** [meanFromOrigin, m2, sum, min, max], in and out of welford. */
const scratch = new Float64Array(5);
/** Values per call of welford. */
const WELFORD_CHUNK = 2048;

/**
 * The loop of addValues, apart from it and in short calls: it takes only numbers and typed arrays,
 * and it is called often enough early on that V8 compiles it whole, with feedback from every line.
 * (As one long loop inside addValues it was compiled in the middle of its first call, before the
 * lines after the loop had run: the compiled code gave up at the end of each call, and each call
 * ran its loop unoptimized until V8 compiled it again, up to a few hundred milliseconds per
 * million rows.)
 */
function welford(values: Float64Array, from: number, to: number, origin: number, n0: number, state: Float64Array): void {
  let n = n0;
  let meanY = state[0]!;
  let m2 = state[1]!;
  let sum = state[2]!;
  let min = state[3]!;
  let max = state[4]!;
  for (let i = from; i < to; i++) {
    const x = values[i]!;
    const y = x - origin;
    const delta = y - meanY;
    n++;
    meanY += delta / n;
    m2 += delta * (y - meanY);
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  state[0] = meanY;
  state[1] = m2;
  state[2] = sum;
  state[3] = min;
  state[4] = max;
}

function startFrom(m: Moments, first: number): void {
  m.origin = m.count === 0 ? first : m.mean;
  m.meanFromOrigin = m.count === 0 ? 0 : m.mean - m.origin;
}

/** A new summary of the values of both; neither argument is changed. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (b.count === 0) return { ...a };
  if (a.count === 0) return { ...b };
  const count = a.count + b.count;
  const origin = a.origin ?? a.mean;
  const meanA = a.meanFromOrigin ?? a.mean - origin;
  const meanB = b.origin === undefined ? b.mean - origin : b.origin - origin + (b.meanFromOrigin ?? 0);
  const delta = meanB - meanA;
  const meanFromOrigin = meanA + (delta * b.count) / count;
  return {
    count,
    mean: origin + meanFromOrigin,
    m2: a.m2 + b.m2 + ((delta * delta * a.count) / count) * b.count,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    sum: a.sum + b.sum,
    origin,
    meanFromOrigin,
  };
}

/**
 * Variance with `ddof` delta degrees of freedom: 1 (the default) is the sample variance that pandas'
 * `std` squares, 0 the population variance numpy's `var` gives by default. NaN when count <= ddof.
 */
export function variance(m: Moments, ddof = 1): number {
  if (m.count <= ddof) return NaN;
  return m.m2 / (m.count - ddof);
}
