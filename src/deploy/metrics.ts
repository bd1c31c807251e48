import { SERVE_METRICS } from '../container/serve-runtime.js';
import { jensenShannon, psi } from '../stats/drift-tests.js';

/**
 * What a canary analysis reads from a model server's GET /metrics (the reference server's
 * SERVE_METRICS): parsing the Prometheus text format, folding the samples into a snapshot of the
 * serving counters, the difference between two scrapes, latency quantiles from a histogram, and the
 * distance between two versions' prediction distributions.
 *
 * Everything here is pure: no I/O, no clock.
 */

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  /** Milliseconds since the epoch, when the line carries a timestamp. */
  timestamp?: number;
}

/** A malformed line of an exposition; `line` is 1-based. */
export class PrometheusParseError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'PrometheusParseError';
  }
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMESTAMP = /^-?\d+$/;

/**
 * The samples of a Prometheus text exposition (format 0.0.4), in order. Comment lines (HELP and
 * TYPE included) and blank lines are skipped. A malformed line throws a PrometheusParseError
 * naming it: a scrape that cannot be read whole is not judged in part.
 */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const trimmed = line.replace(/^[ \t]+/, '');
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    samples.push(parseSampleLine(trimmed, index + 1));
  }
  return samples;
}

function parseSampleLine(line: string, lineNumber: number): MetricSample {
  const fail = (detail: string): never => {
    throw new PrometheusParseError(lineNumber, `${detail}: ${JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line)}`);
  };
  const nameMatch = METRIC_NAME.exec(line);
  if (!nameMatch) return fail('expected a metric name');
  const name = nameMatch[0];
  let at = name.length;
  const skipBlanks = () => {
    while (line[at] === ' ' || line[at] === '\t') at++;
  };
  const entries: Array<[string, string]> = [];
  skipBlanks();
  const hasLabels = line[at] === '{';
  if (hasLabels) {
    at++;
    const seen = new Set<string>();
    for (;;) {
      skipBlanks();
      if (line[at] === '}') break;
      const labelMatch = LABEL_NAME.exec(line.slice(at));
      if (!labelMatch) return fail('expected a label name or "}"');
      const labelName = labelMatch[0];
      at += labelName.length;
      skipBlanks();
      if (line[at] !== '=') return fail(`expected "=" after label ${labelName}`);
      at++;
      skipBlanks();
      if (line[at] !== '"') return fail(`expected a quoted value for label ${labelName}`);
      at++;
      let value = '';
      for (;;) {
        const c = line[at];
        if (c === undefined) return fail(`unterminated value of label ${labelName}`);
        at++;
        if (c === '"') break;
        if (c !== '\\') {
          value += c;
          continue;
        }
        const escaped = line[at++];
        if (escaped === '\\') value += '\\';
        else if (escaped === '"') value += '"';
        else if (escaped === 'n') value += '\n';
        else return fail(`invalid escape "\\${escaped ?? ''}" in the value of label ${labelName}`);
      }
      if (seen.has(labelName)) return fail(`label ${labelName} given twice`);
      seen.add(labelName);
      entries.push([labelName, value]);
      skipBlanks();
      if (line[at] === ',') {
        at++;
        continue;
      }
      if (line[at] !== '}') return fail('expected "," or "}" after a label value');
    }
    at++;
  }
  const rest = line.slice(at);
  if (!hasLabels && at === name.length && rest !== '') return fail('expected a blank or "{" after the metric name');
  const fields = rest.split(/[ \t]+/).filter((f) => f !== '');
  if (fields.length === 0) return fail('no value');
  if (fields.length > 2) return fail('more than a value and a timestamp');
  const value = parseValue(fields[0]!);
  if (value === undefined) return fail(`${JSON.stringify(fields[0])} is not a number`);
  const sample: MetricSample = { name, labels: Object.fromEntries(entries), value };
  if (fields.length === 2) {
    if (!TIMESTAMP.test(fields[1]!)) return fail(`${JSON.stringify(fields[1])} is not a timestamp in milliseconds`);
    sample.timestamp = Number(fields[1]);
  }
  return sample;
}

/** A float as Go's strconv.ParseFloat reads the ones exporters write: decimal, ±Inf, NaN. */
function parseValue(text: string): number | undefined {
  if (DECIMAL.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower === 'nan') return NaN;
  if (lower === '+inf' || lower === 'inf' || lower === '+infinity' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  return undefined;
}

/**
 * A histogram as per-bucket counts. `bounds` are the buckets' upper bounds, increasing, the last
 * one Infinity; `counts[i]` is the number of observations in (bounds[i-1], bounds[i]] (not the
 * cumulative count of the exposition); `count` is their total.
 */
export interface Histogram {
  bounds: number[];
  counts: number[];
  count: number;
  sum: number;
}

/** The serving counters of one server, from one scrape or, as a delta, between two. */
export interface ServingSnapshot {
  /** Responses on the prediction routes (PREDICTION_ROUTES), any status. */
  requests: number;
  /** Of those, responses with a status of 500 or more. */
  serverErrors: number;
  /** Of those, responses with a status from 400 to 499. */
  clientErrors: number;
  /**
   * Time to answer the prediction routes, in seconds (mlops_prediction_duration_seconds). A server
   * that exports only mlops_request_duration_seconds gives that one: every request, /health and
   * /metrics included.
   */
  duration: Histogram;
  predictionRows: number;
  /** Predicted labels of a classifier: label → count. */
  classes: Record<string, number>;
  /** Positive-class probability (binary classifiers) or predicted value (regressors); undefined when the server exports none. */
  score: Histogram | undefined;
  model?: { name: string; version: string };
}

/** The `path` labels of mlops_requests_total that are predictions: the routes a canary is judged on. */
export const PREDICTION_ROUTES: readonly string[] = ['/predict', '/v2/models/{name}/infer'];

/** Folds the samples of a scrape of the reference server into its serving counters. */
export function servingSnapshot(samples: readonly MetricSample[]): ServingSnapshot {
  let requests = 0;
  let serverErrors = 0;
  let clientErrors = 0;
  let predictionRows = 0;
  const classes: Record<string, number> = {};
  let model: ServingSnapshot['model'];
  const duration = new HistogramSamples();
  const predictionDuration = new HistogramSamples();
  const score = new HistogramSamples();
  for (const s of samples) {
    switch (s.name) {
      case SERVE_METRICS.requests: {
        if (!PREDICTION_ROUTES.includes(s.labels.path ?? '')) break;
        requests += s.value;
        const code = Number(s.labels.code);
        if (code >= 500) serverErrors += s.value;
        else if (code >= 400) clientErrors += s.value;
        break;
      }
      case SERVE_METRICS.predictionRows:
        predictionRows += s.value;
        break;
      case SERVE_METRICS.predictions: {
        const label = s.labels.class ?? '';
        setCount(classes, label, countOf(classes, label) + s.value);
        break;
      }
      case SERVE_METRICS.modelInfo:
        if (!model && s.labels.name !== undefined && s.labels.version !== undefined) model = { name: s.labels.name, version: s.labels.version };
        break;
      default:
        if (!predictionDuration.take(SERVE_METRICS.predictionDuration, s) && !duration.take(SERVE_METRICS.requestDuration, s)) score.take(SERVE_METRICS.predictionScore, s);
    }
  }
  const snapshot: ServingSnapshot = {
    requests,
    serverErrors,
    clientErrors,
    duration: predictionDuration.histogram() ?? duration.histogram() ?? emptyHistogram(),
    predictionRows,
    classes,
    score: score.histogram(),
  };
  if (model) snapshot.model = model;
  return snapshot;
}

/** parsePrometheusText, then servingSnapshot. Throws PrometheusParseError on a malformed line. */
export function servingSnapshotFromText(text: string): ServingSnapshot {
  return servingSnapshot(parsePrometheusText(text));
}

/** Collects `<name>_bucket`, `_sum` and `_count` samples of one histogram. */
class HistogramSamples {
  private readonly cumulative = new Map<number, number>();
  private sum = 0;
  private total: number | undefined;

  take(name: string, s: MetricSample): boolean {
    if (!s.name.startsWith(name)) return false;
    const suffix = s.name.slice(name.length);
    if (suffix === '_bucket') {
      const bound = parseValue(s.labels.le ?? '');
      if (bound === undefined || Number.isNaN(bound)) return true;
      // Two series with one bound are added, as Prometheus' histogram_quantile coalesces them.
      this.cumulative.set(bound, (this.cumulative.get(bound) ?? 0) + s.value);
    } else if (suffix === '_sum') {
      this.sum += s.value;
    } else if (suffix === '_count') {
      this.total = (this.total ?? 0) + s.value;
    } else {
      return false;
    }
    return true;
  }

  histogram(): Histogram | undefined {
    if (this.cumulative.size === 0) return undefined;
    const bounds = [...this.cumulative.keys()].sort((a, b) => a - b);
    const cumulative = bounds.map((b) => this.cumulative.get(b)!);
    if (bounds[bounds.length - 1] !== Infinity) {
      // An exposition without the +Inf bucket: _count is what it would have held.
      bounds.push(Infinity);
      cumulative.push(Math.max(this.total ?? 0, cumulative[cumulative.length - 1]!));
    }
    const counts: number[] = [];
    let previous = 0;
    for (const c of cumulative) {
      // Cumulative counts that go down are read as flat, as Prometheus does.
      const level = Math.max(previous, c);
      counts.push(level - previous);
      previous = level;
    }
    return { bounds, counts, count: previous, sum: this.sum };
  }
}

function emptyHistogram(): Histogram {
  return { bounds: [Infinity], counts: [0], count: 0, sum: 0 };
}

/**
 * Whether `after` cannot follow `before` on one running server: a counter went down (requests,
 * errors, rows, a class, a histogram's cumulative buckets or sum), a histogram's bounds changed, or
 * the model changed. That means the server restarted (or was replaced) between the scrapes. A
 * restart followed by more traffic than before is not visible in counters, as with Prometheus'
 * own reset detection.
 */
export function isCounterReset(before: ServingSnapshot, after: ServingSnapshot): boolean {
  if (after.requests < before.requests || after.serverErrors < before.serverErrors || after.clientErrors < before.clientErrors) return true;
  if (after.predictionRows < before.predictionRows) return true;
  for (const [label, count] of Object.entries(before.classes)) if (countOf(after.classes, label) < count) return true;
  if (histogramWentDown(before.duration, after.duration)) return true;
  if (before.score && before.score.count > 0 && (!after.score || histogramWentDown(before.score, after.score))) return true;
  if (before.model && after.model && (before.model.name !== after.model.name || before.model.version !== after.model.version)) return true;
  return false;
}

function histogramWentDown(before: Histogram, after: Histogram): boolean {
  if (before.count === 0) return false;
  if (!sameBounds(before.bounds, after.bounds)) return true;
  if (after.sum < before.sum) return true;
  let cumulativeBefore = 0;
  let cumulativeAfter = 0;
  for (let i = 0; i < before.counts.length; i++) {
    cumulativeBefore += before.counts[i]!;
    cumulativeAfter += after.counts[i]!;
    if (cumulativeAfter < cumulativeBefore) return true;
  }
  return false;
}

/**
 * What the server did between two scrapes. Without `before` (the first scrape), everything since
 * the server started. When the server restarted in between (isCounterReset), its counters began
 * again from 0, so `after` itself is the delta: what it did since the restart; what it did between
 * `before` and the restart is lost, as in Prometheus' increase().
 */
export function snapshotDelta(before: ServingSnapshot | undefined, after: ServingSnapshot): ServingSnapshot {
  if (!before || isCounterReset(before, after)) return cloneSnapshot(after);
  const classes: Record<string, number> = {};
  for (const [label, count] of Object.entries(after.classes)) {
    const delta = count - countOf(before.classes, label);
    if (delta > 0) setCount(classes, label, delta);
  }
  const delta: ServingSnapshot = {
    requests: after.requests - before.requests,
    serverErrors: after.serverErrors - before.serverErrors,
    clientErrors: after.clientErrors - before.clientErrors,
    duration: histogramDelta(before.duration, after.duration),
    predictionRows: after.predictionRows - before.predictionRows,
    classes,
    score: after.score && (before.score ? histogramDelta(before.score, after.score) : cloneHistogram(after.score)),
  };
  if (after.model) delta.model = { ...after.model };
  return delta;
}

/** `after - before` of one server's histogram; bounds equal unless `before` is empty. */
function histogramDelta(before: Histogram, after: Histogram): Histogram {
  if (before.count === 0 && !sameBounds(before.bounds, after.bounds)) return cloneHistogram(after);
  return {
    bounds: [...after.bounds],
    counts: after.counts.map((c, i) => c - before.counts[i]!),
    count: after.count - before.count,
    sum: after.sum - before.sum,
  };
}

/**
 * Two windows pooled: counts added, class labels united. Histograms with different bounds are
 * re-bucketed onto the bounds both have (each of those buckets is a union of buckets of either),
 * which is exact. The model is `b`'s when it has one: windows are pooled in time order.
 */
export function addSnapshots(a: ServingSnapshot, b: ServingSnapshot): ServingSnapshot {
  const classes: Record<string, number> = {};
  for (const [label, count] of Object.entries(a.classes)) setCount(classes, label, count);
  for (const [label, count] of Object.entries(b.classes)) setCount(classes, label, countOf(classes, label) + count);
  const sum: ServingSnapshot = {
    requests: a.requests + b.requests,
    serverErrors: a.serverErrors + b.serverErrors,
    clientErrors: a.clientErrors + b.clientErrors,
    duration: addHistograms(a.duration, b.duration),
    predictionRows: a.predictionRows + b.predictionRows,
    classes,
    score: a.score && b.score ? addHistograms(a.score, b.score) : cloneOptional(a.score ?? b.score),
  };
  const model = b.model ?? a.model;
  if (model) sum.model = { ...model };
  return sum;
}

function addHistograms(a: Histogram, b: Histogram): Histogram {
  if (!sameBounds(a.bounds, b.bounds)) {
    // An empty histogram has no bounds to keep; pooling it must not coarsen the other.
    if (a.count === 0) return cloneHistogram(b);
    if (b.count === 0) return cloneHistogram(a);
  }
  const [x, y] = commonBuckets(a, b);
  return { bounds: [...x.bounds], counts: x.counts.map((c, i) => c + y.counts[i]!), count: a.count + b.count, sum: a.sum + b.sum };
}

/**
 * Both histograms on the bounds they share (always including Infinity): a bucket of the shared
 * bounds holds every bucket of either whose upper bound lies in it.
 */
function commonBuckets(a: Histogram, b: Histogram): [Histogram, Histogram] {
  if (sameBounds(a.bounds, b.bounds)) return [a, b];
  const inB = new Set(b.bounds);
  const bounds = a.bounds.filter((bound) => inB.has(bound));
  if (bounds[bounds.length - 1] !== Infinity) bounds.push(Infinity);
  return [rebucket(a, bounds), rebucket(b, bounds)];
}

function rebucket(h: Histogram, bounds: number[]): Histogram {
  const counts = new Array<number>(bounds.length).fill(0);
  let target = 0;
  for (let i = 0; i < h.bounds.length; i++) {
    while (h.bounds[i]! > bounds[target]!) target++;
    counts[target]! += h.counts[i]!;
  }
  return { bounds, counts, count: h.count, sum: h.sum };
}

/**
 * The q-quantile of the observations of a histogram, as Prometheus' histogram_quantile computes
 * it: the bucket holding rank q·count is found, and the value interpolated linearly inside it. The
 * lowest bucket starts at 0 when its upper bound is positive, and is its upper bound otherwise;
 * a rank in the +Inf bucket gives the highest finite bound. undefined when the histogram holds no
 * observations or has no finite bound.
 *
 * Two differences from Prometheus, where it answers what no caller wants: a q outside [0, 1] throws
 * a RangeError (Prometheus gives ±Inf), and q = 0 gives the lower edge of the first non-empty
 * bucket (Prometheus gives NaN when the lowest bucket is empty).
 */
export function histogramQuantile(q: number, h: Histogram): number | undefined {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`histogramQuantile: q must be in [0, 1], got ${q}`);
  const n = h.bounds.length;
  if (n < 2 || h.bounds[n - 1] !== Infinity) return undefined;
  const cumulative: number[] = [];
  let running = 0;
  for (const c of h.counts) cumulative.push((running += c));
  const observations = cumulative[n - 1]!;
  if (!(observations > 0)) return undefined;
  const rank = q * observations;
  // The first bucket whose cumulative count reaches the rank; for rank 0, the first non-empty one.
  let b = 0;
  while (b < n - 1 && (cumulative[b]! < rank || h.counts[b] === 0)) b++;
  if (b === n - 1) return h.bounds[n - 2]!;
  if (b === 0 && h.bounds[0]! <= 0) return h.bounds[0]!;
  const start = b === 0 ? 0 : h.bounds[b - 1]!;
  const below = b === 0 ? 0 : cumulative[b - 1]!;
  return start + (h.bounds[b]! - start) * ((rank - below) / h.counts[b]!);
}

export interface PredictionDistance {
  value: number;
  /** What was compared: the score histograms' buckets, or the predicted labels. */
  basis: 'classes' | 'score';
  /** Predictions counted on each side on that basis. */
  stableCount: number;
  candidateCount: number;
}

/**
 * How far the candidate's predictions are from stable's: over the buckets of the score histogram
 * when both have scored predictions, else over the predicted labels (the union of both; a label
 * one side never predicted counts 0 there). `psi` is src/stats' population stability index with
 * stable as the expected distribution (an empty bin counts as proportion 1e-4); `jensenshannon` is
 * the Jensen–Shannon distance in bits, in [0, 1]. undefined when either side has no predictions on
 * a common basis.
 */
export function predictionDistance(method: 'psi' | 'jensenshannon', stable: ServingSnapshot, candidate: ServingSnapshot): PredictionDistance | undefined {
  let basis: PredictionDistance['basis'];
  let expected: number[];
  let actual: number[];
  if (stable.score && candidate.score && stable.score.count > 0 && candidate.score.count > 0) {
    const [s, c] = commonBuckets(stable.score, candidate.score);
    basis = 'score';
    expected = s.counts;
    actual = c.counts;
  } else {
    const labels = [...new Set([...Object.keys(stable.classes), ...Object.keys(candidate.classes)])].sort();
    basis = 'classes';
    expected = labels.map((label) => countOf(stable.classes, label));
    actual = labels.map((label) => countOf(candidate.classes, label));
  }
  const stableCount = expected.reduce((x, y) => x + y, 0);
  const candidateCount = actual.reduce((x, y) => x + y, 0);
  if (!(stableCount > 0 && candidateCount > 0)) return undefined;
  const value = method === 'psi' ? psi(expected, actual) : jensenShannon(expected, actual, 2);
  return { value, basis, stableCount, candidateCount };
}

function sameBounds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Class labels are the model's own output: one such as "__proto__" must stay a plain key. */
function setCount(record: Record<string, number>, label: string, count: number): void {
  Object.defineProperty(record, label, { value: count, enumerable: true, writable: true, configurable: true });
}

function countOf(record: Record<string, number>, label: string): number {
  return Object.hasOwn(record, label) ? record[label]! : 0;
}

function cloneHistogram(h: Histogram): Histogram {
  return { bounds: [...h.bounds], counts: [...h.counts], count: h.count, sum: h.sum };
}

function cloneOptional(h: Histogram | undefined): Histogram | undefined {
  return h && cloneHistogram(h);
}

function cloneSnapshot(s: ServingSnapshot): ServingSnapshot {
  const classes: Record<string, number> = {};
  for (const [label, count] of Object.entries(s.classes)) setCount(classes, label, count);
  const copy: ServingSnapshot = { ...s, duration: cloneHistogram(s.duration), classes, score: cloneOptional(s.score) };
  if (s.model) copy.model = { ...s.model };
  return copy;
}
