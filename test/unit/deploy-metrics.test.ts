import { afterAll, describe, expect, it } from 'vitest';
import { DURATION_BUCKETS_SECONDS, PROBABILITY_BUCKETS, REGRESSION_BUCKETS, SERVE_PY, SERVE_PY_NAME } from '../../src/container/serve-runtime.js';
import {
  addSnapshots,
  histogramQuantile,
  isCounterReset,
  parsePrometheusText,
  predictionDistance,
  PrometheusParseError,
  servingSnapshot,
  servingSnapshotFromText,
  snapshotDelta,
  type Histogram,
  type ServingSnapshot,
} from '../../src/deploy/metrics.js';
import { makeTempDir } from '../support/tmp.js';
import { expectClose, makeNormal, makeRandom, python } from './stats-reference.js';

const tmp = makeTempDir('deploy-metrics-');
afterAll(() => tmp.remove());
const servePy = tmp.write(SERVE_PY_NAME, SERVE_PY);

/*
 * Expositions come from the reference server's own Metrics class: SERVE_PY is imported as a module
 * (no model needed) and fed scripted requests and predictions. The expected counters are computed
 * with numpy from the same script, not from the rendered text.
 */

type ServerEvent =
  | { kind: 'request'; path: string; method: string; code: number; seconds: number }
  | { kind: 'predict'; predictions: unknown[]; probabilities: number[][] | null; classifier: boolean };

interface Scenario {
  name: string;
  version: string;
  buckets: 'probability' | 'regression';
  events: ServerEvent[];
}

interface Expected {
  requests: number;
  serverErrors: number;
  clientErrors: number;
  durationCounts: number[];
  durationSum: number;
  rows: number;
  classes: Record<string, number>;
  scoreBounds: number[];
  scoreCounts: number[];
  scoreSum: number;
}

function render(scenarios: Scenario[]): Array<{ text: string; expected: Expected }> {
  return python(
    `
import importlib.util
spec = importlib.util.spec_from_file_location("mlops_serve", data["module"])
serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve)
ROUTES = ("/predict", "/v2/models/{name}/infer")
out = []
for sc in data["scenarios"]:
    bounds = serve.PROBABILITY_BUCKETS if sc["buckets"] == "probability" else serve.REGRESSION_BUCKETS
    metrics = serve.Metrics(sc["name"], sc["version"], bounds)
    seconds, codes, scores, rows, classes = [], [], [], 0, {}
    for e in sc["events"]:
        if e["kind"] == "request":
            metrics.record_request(e["path"], e["method"], e["code"], e["seconds"])
            if e["path"] in ROUTES:
                seconds.append(e["seconds"])
                codes.append(e["code"])
        else:
            metrics.record_predictions(e["predictions"], e["probabilities"], e["classifier"])
            rows += len(e["predictions"])
            for p in e["predictions"]:
                if e["classifier"]:
                    label = p if isinstance(p, str) else json.dumps(p)
                    classes[label] = classes.get(label, 0) + 1
                else:
                    scores.append(p)
            if e["probabilities"] is not None and all(len(r) == 2 for r in e["probabilities"]):
                scores += [r[1] for r in e["probabilities"]]
    codes = np.array(codes, dtype=int)
    duration_total = 0.0
    for s in seconds:
        duration_total += s
    score_total = 0.0
    for s in scores:
        score_total += s
    out.append(dict(
        text=metrics.render().decode("utf-8"),
        expected=dict(
            requests=len(codes),
            serverErrors=int((codes >= 500).sum()),
            clientErrors=int(((codes >= 400) & (codes < 500)).sum()),
            durationCounts=np.bincount(np.searchsorted(serve.DURATION_BUCKETS, np.array(seconds, dtype=float), side="left"), minlength=len(serve.DURATION_BUCKETS) + 1),
            durationSum=duration_total,
            rows=rows,
            classes=classes,
            scoreBounds=list(bounds),
            scoreCounts=np.bincount(np.searchsorted(bounds, np.array(scores, dtype=float), side="left"), minlength=len(bounds) + 1),
            scoreSum=score_total,
        ),
    ))
emit(out)
`,
    { module: servePy, scenarios },
  );
}

const ROUTES = [
  ['/predict', 'POST', [200, 200, 200, 200, 200, 200, 400, 413, 500, 503]],
  ['/v2/models/{name}/infer', 'POST', [200, 200, 200, 404, 500]],
  ['/predict', 'GET', [405]],
  ['/health', 'GET', [200]],
  ['/metrics', 'GET', [200]],
  ['/v2/health/ready', 'GET', [200, 503]],
  ['other', 'GET', [404]],
] as const;

/** Requests over every route, latencies log-normal around 20 ms, some past 10 s. */
function requestEvents(seed: number, n: number): ServerEvent[] {
  const random = makeRandom(seed);
  const normal = makeNormal(seed + 1);
  return Array.from({ length: n }, (_, i) => {
    const [path, method, codes] = ROUTES[Math.floor(random() * ROUTES.length)]!;
    // Every 50th sits exactly on a bucket bound: `le` is inclusive.
    const seconds = i % 50 === 0 ? DURATION_BUCKETS_SECONDS[i % DURATION_BUCKETS_SECONDS.length]! : i % 97 === 0 ? 12.5 : 0.02 * Math.exp(1.5 * normal());
    return { kind: 'request', path, method, code: codes[Math.floor(random() * codes.length)]!, seconds };
  });
}

function binaryPredictions(seed: number, batches: number, shift = 0): ServerEvent[] {
  const random = makeRandom(seed);
  return Array.from({ length: batches }, () => {
    const probabilities = Array.from({ length: 1 + Math.floor(random() * 5) }, () => {
      const p = Math.min(1, Math.max(0, random() ** (1 + shift)));
      return [1 - p, p];
    });
    return { kind: 'predict', predictions: probabilities.map(([, p]) => (p! > 0.5 ? 'fraud' : 'ok')), probabilities, classifier: true };
  });
}

const TRICKY_LABELS: unknown[] = ['cat', 'say "hi"', 'back\\slash', 'line\nbreak', 'ünïcode ✓', '__proto__', 7, '{a="b"}'];

function multiclassPredictions(seed: number, batches: number): ServerEvent[] {
  const random = makeRandom(seed);
  return Array.from({ length: batches }, () => ({
    kind: 'predict',
    predictions: Array.from({ length: 1 + Math.floor(random() * 4) }, () => TRICKY_LABELS[Math.floor(random() * random() * TRICKY_LABELS.length)]),
    probabilities: null,
    classifier: true,
  }));
}

function regressionPredictions(seed: number, batches: number): ServerEvent[] {
  const normal = makeNormal(seed);
  const onBounds = [0, -10, 1, 2.5, 10000, -10000, 25];
  let i = 0;
  return Array.from({ length: batches }, () => ({
    kind: 'predict',
    predictions: Array.from({ length: 3 }, () => (i++ % 7 === 0 ? onBounds[i % onBounds.length]! : i % 31 === 0 ? 1e6 : 300 * normal())),
    probabilities: null,
    classifier: false,
  }));
}

/** Both lists merged evenly over the run, as traffic would mix them. */
function interleave(a: ServerEvent[], b: ServerEvent[]): ServerEvent[] {
  const out: ServerEvent[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    out.push(a[i]!);
    while (j < b.length && j / b.length <= (i + 1) / a.length) out.push(b[j++]!);
  }
  return [...out, ...b.slice(j)];
}

const binaryEvents = interleave(requestEvents(1, 400), binaryPredictions(2, 120));
const half = Math.floor(binaryEvents.length / 2);
const MODEL = { name: 'fraud "detector"\\v2\nbeta', version: '2.0.0-rc.1' };
const scenarios: Scenario[] = [
  { ...MODEL, buckets: 'probability', events: binaryEvents },
  { ...MODEL, buckets: 'probability', events: interleave(requestEvents(3, 300), multiclassPredictions(4, 150)) },
  { name: 'price', version: '7', buckets: 'regression', events: interleave(requestEvents(5, 200), regressionPredictions(6, 80)) },
  // For deltas: the first half, the second half alone, a restarted server.
  { ...MODEL, buckets: 'probability', events: binaryEvents.slice(0, half) },
  { ...MODEL, buckets: 'probability', events: binaryEvents.slice(half) },
  { ...MODEL, buckets: 'probability', events: binaryEvents.slice(0, 40) },
  { name: 'idle', version: '1', buckets: 'probability', events: [] },
  // Two samples of one score distribution, and one shifted.
  { ...MODEL, buckets: 'probability', events: binaryPredictions(11, 400) },
  { ...MODEL, buckets: 'probability', events: binaryPredictions(12, 400) },
  { ...MODEL, buckets: 'probability', events: binaryPredictions(13, 400, 1.5) },
];
const rendered = render(scenarios);
const [binary, multiclass, regression, firstHalf, secondHalf, restarted, idle, scoresA, scoresB, scoresShifted] = rendered.map((r) => ({ ...r, snapshot: servingSnapshotFromText(r.text) }));

function expectSnapshot(snapshot: ServingSnapshot, expected: Expected, model?: { name: string; version: string }) {
  expect(snapshot.requests).toBe(expected.requests);
  expect(snapshot.serverErrors).toBe(expected.serverErrors);
  expect(snapshot.clientErrors).toBe(expected.clientErrors);
  expect(snapshot.duration.bounds).toEqual([...DURATION_BUCKETS_SECONDS, Infinity]);
  expect(snapshot.duration.counts).toEqual(expected.durationCounts);
  expect(snapshot.duration.count).toBe(expected.durationCounts.reduce((a, b) => a + b, 0));
  expectClose(snapshot.duration.sum, expected.durationSum, 'duration sum', 1e-12);
  expect(snapshot.predictionRows).toBe(expected.rows);
  expect({ ...snapshot.classes }).toEqual(expected.classes);
  expect(snapshot.score?.bounds).toEqual([...expected.scoreBounds, Infinity]);
  expect(snapshot.score?.counts).toEqual(expected.scoreCounts);
  expect(snapshot.score?.count).toBe(expected.scoreCounts.reduce((a, b) => a + b, 0));
  if (expected.scoreSum === 0) expect(snapshot.score?.sum).toBe(0);
  else expectClose(snapshot.score!.sum, expected.scoreSum, 'score sum', 1e-12);
  if (model) expect(snapshot.model).toEqual(model);
}

describe('servingSnapshot of the reference server', () => {
  it('reads a binary classifier: prediction routes only, 4xx and 5xx, both histograms, the model', () => {
    expectSnapshot(binary!.snapshot, binary!.expected, MODEL);
    expect(binary!.snapshot.requests).toBeGreaterThan(100);
    expect(binary!.snapshot.serverErrors).toBeGreaterThan(0);
    expect(binary!.snapshot.clientErrors).toBeGreaterThan(0);
    expect(binary!.snapshot.duration.count).toBeGreaterThan(0);
  });

  it('reads a multiclass classifier whose labels need escaping, and an empty score histogram', () => {
    expectSnapshot(multiclass!.snapshot, multiclass!.expected, MODEL);
    const classes = multiclass!.snapshot.classes;
    for (const label of ['say "hi"', 'back\\slash', 'line\nbreak', 'ünïcode ✓', '__proto__', '7', '{a="b"}']) expect(Object.hasOwn(classes, label)).toBe(true);
    expect(Object.getPrototypeOf(classes)).toBe(Object.prototype);
    expect(multiclass!.snapshot.score!.count).toBe(0);
  });

  it('reads a regressor: scores on the regression buckets, values on a bound counted in it', () => {
    expectSnapshot(regression!.snapshot, regression!.expected, { name: 'price', version: '7' });
    expect(regression!.snapshot.classes).toEqual({});
    expect(regression!.snapshot.score!.counts.at(-1)).toBeGreaterThan(0);
    expect(regression!.expected.scoreBounds).toEqual([...REGRESSION_BUCKETS]);
  });

  it('reads a server that answered nothing yet', () => {
    const s = idle!.snapshot;
    expect(s.requests).toBe(0);
    expect(s.duration.count).toBe(0);
    expect(s.score).toEqual({ bounds: [...PROBABILITY_BUCKETS, Infinity], counts: new Array(11).fill(0), count: 0, sum: 0 });
    expect(histogramQuantile(0.99, s.duration)).toBeUndefined();
    expect(predictionDistance('psi', s, binary!.snapshot)).toBeUndefined();
  });

  it('gives empty counters for an exposition without the serving metrics', () => {
    const s = servingSnapshotFromText('# just a comment\nprocess_cpu_seconds_total 3\n');
    expect(s).toEqual({ requests: 0, serverErrors: 0, clientErrors: 0, duration: { bounds: [Infinity], counts: [0], count: 0, sum: 0 }, predictionRows: 0, classes: {}, score: undefined });
  });

  it('reads a histogram without a +Inf bucket from _count, and cumulative counts that go down as flat', () => {
    const s = servingSnapshot(
      parsePrometheusText(
        [
          'mlops_request_duration_seconds_bucket{le="0.5"} 3',
          'mlops_request_duration_seconds_bucket{le="0.1"} 2',
          'mlops_request_duration_seconds_bucket{le="1"} 2',
          'mlops_request_duration_seconds_sum 1.25',
          'mlops_request_duration_seconds_count 5',
        ].join('\n'),
      ),
    );
    expect(s.duration).toEqual({ bounds: [0.1, 0.5, 1, Infinity], counts: [2, 1, 0, 2], count: 5, sum: 1.25 });
  });
});

describe('parsePrometheusText', () => {
  it('reads escapes, special values, timestamps, blanks, comments and CRLF', () => {
    const text = [
      '# HELP x_total A "help" line with \\ and {braces} 1 2 3',
      '# TYPE x_total counter',
      '',
      'x_total{path="/a\\\\b",note="say \\"hi\\"\\nbye"} 12 1712345678901',
      'x_total{path="/c"} 3.5e2',
      '  indented_total\t 7',
      'spaced { a = "1" , b="2", } -4.25\r',
      'empty{} 0',
      'special{le="+Inf"} +Inf',
      'special{le="-Inf"} -Inf',
      'special{le="nan"} NaN',
      'ts_negative 1 -5',
      'unicode{label="日本語 ✓"} .5',
      'colon:name_total{l="=,}"} 1e-3',
      '   # an indented comment',
      '',
    ].join('\n');
    expect(parsePrometheusText(text)).toEqual([
      { name: 'x_total', labels: { path: '/a\\b', note: 'say "hi"\nbye' }, value: 12, timestamp: 1712345678901 },
      { name: 'x_total', labels: { path: '/c' }, value: 350 },
      { name: 'indented_total', labels: {}, value: 7 },
      { name: 'spaced', labels: { a: '1', b: '2' }, value: -4.25 },
      { name: 'empty', labels: {}, value: 0 },
      { name: 'special', labels: { le: '+Inf' }, value: Infinity },
      { name: 'special', labels: { le: '-Inf' }, value: -Infinity },
      { name: 'special', labels: { le: 'nan' }, value: NaN },
      { name: 'ts_negative', labels: {}, value: 1, timestamp: -5 },
      { name: 'unicode', labels: { label: '日本語 ✓' }, value: 0.5 },
      { name: 'colon:name_total', labels: { l: '=,}' }, value: 0.001 },
    ]);
  });

  it('keeps a label named __proto__ as a plain label', () => {
    const [sample] = parsePrometheusText('m{__proto__="x",constructor="y"} 1');
    expect(Object.keys(sample!.labels)).toEqual(['__proto__', 'constructor']);
    expect(sample!.labels['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(sample!.labels)).toBe(Object.prototype);
  });

  it.each([
    ['m{a="b} 1', /unterminated value of label a/],
    ['m{a="\\x"} 1', /invalid escape "\\x"/],
    ['m{a=b} 1', /quoted value for label a/],
    ['m{a="1",a="2"} 1', /label a given twice/],
    ['m{a="1" b="2"} 1', /"," or "}"/],
    ['m{1a="1"} 1', /label name/],
    ['m{a="1"', /"," or "}" after a label value/],
    ['m{', /label name or "}"/],
    ['m', /no value/],
    ['m{a="1"}', /no value/],
    ['m abc', /"abc" is not a number/],
    ['m 0x10', /"0x10" is not a number/],
    ['m 1 2 3', /more than a value and a timestamp/],
    ['m 1 1.5', /"1.5" is not a timestamp/],
    ['1m 1', /metric name/],
    ['m-x 1', /blank or "\{" after the metric name/],
  ])('throws on %j, naming the line', (line, message) => {
    const text = `# TYPE m counter\nok_total 1\n\n${line}\nafter 2\n`;
    let error: unknown;
    try {
      parsePrometheusText(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrometheusParseError);
    expect((error as PrometheusParseError).line).toBe(4);
    expect((error as Error).message).toMatch(/^line 4: /);
    expect((error as Error).message).toMatch(message);
    expect(() => servingSnapshotFromText(text)).toThrow(/^line 4: /);
  });
});

describe('histogramQuantile', () => {
  /** Counts per bucket as the server's Histogram.observe: the first bound >= the value. */
  function bucketCounts(values: number[], bounds: readonly number[]): number[] {
    const counts = new Array<number>(bounds.length + 1).fill(0);
    for (const v of values) {
      let i = 0;
      while (i < bounds.length && v > bounds[i]!) i++;
      counts[i]!++;
    }
    return counts;
  }

  const uniform = makeRandom(99);
  const QS = [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1, ...Array.from({ length: 10 }, () => uniform())];

  it('equals a numpy implementation of Prometheus histogram_quantile to 1e-12', () => {
    const normal = makeNormal(7);
    const cases: Array<{ bounds: number[]; values: number[] }> = [];
    for (const [n, spread] of [[1, 1], [2, 1], [5, 1], [60, 0.5], [1000, 1], [20_000, 2], [5000, 4]] as const) {
      cases.push({ bounds: [...DURATION_BUCKETS_SECONDS], values: Array.from({ length: n }, () => 0.03 * Math.exp(spread * normal())) });
    }
    cases.push({ bounds: [...REGRESSION_BUCKETS], values: Array.from({ length: 3000 }, () => 800 * normal()) });
    cases.push({ bounds: [...REGRESSION_BUCKETS], values: Array.from({ length: 500 }, () => -20_000 + normal()) });
    cases.push({ bounds: [...PROBABILITY_BUCKETS], values: Array.from({ length: 777 }, () => 1 / (1 + Math.exp(-2 * normal()))) });
    cases.push({ bounds: [0.5, 1], values: [0.5, 0.5, 1, 1, 1, 3, 3] });
    const ref = python<Array<{ counts: number[]; quantiles: number[]; exact: number[] }>>(
      `
def bucket_quantile(q, bounds, cumulative):
    # promql/quantile.go bucketQuantile, on cumulative counts with +Inf last.
    upper = list(bounds) + [float("inf")]
    observations = cumulative[-1]
    if observations == 0:
        return float("nan")
    rank = q * observations
    b = int(np.searchsorted(np.asarray(cumulative[:-1], dtype=float), rank, side="left"))
    if b == len(upper) - 1:
        return upper[-2]
    if b == 0 and upper[0] <= 0:
        return upper[0]
    start, end, count = 0.0, upper[b], cumulative[b]
    if b > 0:
        start = upper[b - 1]
        count -= cumulative[b - 1]
        rank -= cumulative[b - 1]
    return start + (end - start) * (rank / count)

out = []
for case in data["cases"]:
    bounds = np.asarray(case["bounds"], dtype=float)
    values = np.asarray(case["values"], dtype=float)
    counts = np.bincount(np.searchsorted(bounds, values, side="left"), minlength=len(bounds) + 1)
    cumulative = np.cumsum(counts).tolist()
    out.append(dict(
        counts=counts,
        quantiles=[bucket_quantile(q, bounds, cumulative) for q in data["qs"]],
        exact=[float(np.quantile(values, q, method="inverted_cdf")) for q in data["qs"]],
    ))
emit(out)
`,
      { cases, qs: QS },
    );
    cases.forEach((c, k) => {
      const counts = bucketCounts(c.values, c.bounds);
      expect(counts).toEqual(ref[k]!.counts);
      const h: Histogram = { bounds: [...c.bounds, Infinity], counts, count: c.values.length, sum: 0 };
      QS.forEach((q, j) => {
        const got = histogramQuantile(q, h)!;
        const want = ref[k]!.quantiles[j]!;
        if (want === 0) expect(got).toBe(0);
        else expectClose(got, want, `case ${k} q=${q}`, 1e-12);
        // The interpolated value lies in the bucket of the sample's own quantile.
        const exact = ref[k]!.exact[j]!;
        const bucket = c.bounds.findIndex((b) => exact <= b);
        if (bucket < 0) expect(got).toBe(c.bounds.at(-1));
        else if (bucket === 0 && c.bounds[0]! <= 0) expect(got).toBe(c.bounds[0]);
        else {
          expect(got).toBeGreaterThanOrEqual(bucket === 0 ? 0 : c.bounds[bucket - 1]!);
          expect(got).toBeLessThanOrEqual(c.bounds[bucket]!);
        }
      });
    });
  });

  it('matches hand-checked values', () => {
    const h = (bounds: number[], counts: number[]): Histogram => ({ bounds, counts, count: counts.reduce((a, b) => a + b, 0), sum: 0 });
    // 10 observations in (1, 2]: the median halfway.
    expect(histogramQuantile(0.5, h([1, 2, Infinity], [0, 10, 0]))).toBe(1.5);
    expect(histogramQuantile(0.95, h([1, 2, Infinity], [0, 10, 0]))).toBe(1.95);
    expect(histogramQuantile(1, h([1, 2, Infinity], [0, 10, 0]))).toBe(2);
    // q = 0: the lower edge of the first non-empty bucket (Prometheus: NaN).
    expect(histogramQuantile(0, h([1, 2, Infinity], [0, 10, 0]))).toBe(1);
    expect(histogramQuantile(0, h([1, 2, Infinity], [3, 10, 0]))).toBe(0);
    // The lowest bucket starts at 0 when its bound is positive.
    expect(histogramQuantile(0.5, h([1, 2, Infinity], [4, 0, 0]))).toBe(0.5);
    expect(histogramQuantile(0.25, h([0.1, 1, Infinity], [8, 0, 0]))).toBe(0.025);
    // ... and is its bound otherwise.
    expect(histogramQuantile(0.5, h([-1, 0, 1, Infinity], [3, 1, 0, 0]))).toBe(-1);
    expect(histogramQuantile(0.9, h([-1, 0, 1, Infinity], [3, 1, 0, 0]))).toBeCloseTo(-0.4, 15);
    // A rank in the +Inf bucket: the highest finite bound.
    expect(histogramQuantile(0.5, h([1, 5, Infinity], [1, 0, 9]))).toBe(5);
    expect(histogramQuantile(0.1, h([1, 5, Infinity], [1, 0, 9]))).toBe(1);
    // The p99 of 1000 requests with 10 over 250 ms: 0.25 exactly, 11 over: inside (0.25, 0.5].
    expect(histogramQuantile(0.99, h([0.1, 0.25, 0.5, Infinity], [900, 90, 10, 0]))).toBe(0.25);
    expect(histogramQuantile(0.99, h([0.1, 0.25, 0.5, Infinity], [900, 89, 11, 0]))).toBeCloseTo(0.25 + 0.25 / 11, 15);
  });

  it('has no answer without observations or finite bounds, and refuses q outside [0, 1]', () => {
    expect(histogramQuantile(0.5, { bounds: [1, Infinity], counts: [0, 0], count: 0, sum: 0 })).toBeUndefined();
    expect(histogramQuantile(0.5, { bounds: [Infinity], counts: [5], count: 5, sum: 1 })).toBeUndefined();
    expect(histogramQuantile(0.5, { bounds: [1, 2], counts: [5, 1], count: 6, sum: 1 })).toBeUndefined();
    const h: Histogram = { bounds: [1, Infinity], counts: [1, 0], count: 1, sum: 1 };
    expect(() => histogramQuantile(99, h)).toThrow(RangeError);
    expect(() => histogramQuantile(-0.1, h)).toThrow(RangeError);
    expect(() => histogramQuantile(NaN, h)).toThrow(RangeError);
  });
});

describe('predictionDistance', () => {
  function snapshot(classes: Record<string, number>, score?: { bounds: number[]; counts: number[] }): ServingSnapshot {
    const rows = Object.values(classes).reduce((a, b) => a + b, 0);
    return {
      requests: 0,
      serverErrors: 0,
      clientErrors: 0,
      duration: { bounds: [Infinity], counts: [0], count: 0, sum: 0 },
      predictionRows: rows,
      classes,
      score: score && { ...score, count: score.counts.reduce((a, b) => a + b, 0), sum: 0 },
    };
  }
  const P = [...PROBABILITY_BUCKETS, Infinity];

  const cases: Array<{ what: string; stable: ServingSnapshot; candidate: ServingSnapshot; basis: 'score' | 'classes'; expected: number[]; actual: number[] }> = [
    {
      what: 'scores of two binary classifiers, a bucket empty on one side',
      stable: snapshot({ ok: 900, fraud: 100 }, { bounds: P, counts: [400, 200, 120, 80, 50, 40, 30, 30, 30, 20, 0] }),
      candidate: snapshot({ ok: 800, fraud: 200 }, { bounds: P, counts: [300, 200, 150, 100, 50, 50, 50, 0, 50, 50, 0] }),
      basis: 'score',
      expected: [400, 200, 120, 80, 50, 40, 30, 30, 30, 20, 0],
      actual: [300, 200, 150, 100, 50, 50, 50, 0, 50, 50, 0],
    },
    {
      what: 'classes, labels missing on either side',
      stable: snapshot({ a: 50, b: 30, c: 20 }, { bounds: P, counts: new Array(11).fill(0) }),
      candidate: snapshot({ a: 40, b: 35, d: 25 }, { bounds: P, counts: new Array(11).fill(0) }),
      basis: 'classes',
      expected: [50, 30, 20, 0],
      actual: [40, 35, 0, 25],
    },
    {
      what: 'classes when only one side has scores',
      stable: snapshot({ x: 10, y: 990 }, { bounds: P, counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }),
      candidate: snapshot({ x: 500, y: 500 }),
      basis: 'classes',
      expected: [10, 990],
      actual: [500, 500],
    },
    {
      what: 'identical class proportions',
      stable: snapshot({ a: 30, b: 70 }),
      candidate: snapshot({ a: 300, b: 700 }),
      basis: 'classes',
      expected: [30, 70],
      actual: [300, 700],
    },
    {
      what: 'scores on different bounds, pooled onto the shared ones',
      stable: snapshot({}, { bounds: [0, 1, 2, 3, Infinity], counts: [5, 10, 20, 30, 0] }),
      candidate: snapshot({}, { bounds: [0, 2, Infinity], counts: [3, 40, 7] }),
      basis: 'score',
      expected: [5, 30, 30],
      actual: [3, 40, 7],
    },
  ];
  cases.push({ what: 'the reference server scrapes: binary classifier against its first half', stable: binary!.snapshot, candidate: firstHalf!.snapshot, basis: 'score', expected: binary!.snapshot.score!.counts, actual: firstHalf!.snapshot.score!.counts });
  const multiclassLabels = Object.keys(multiclass!.snapshot.classes).sort();
  const shifted = snapshot(Object.fromEntries(multiclassLabels.map((l, i) => [l, 10 + i * 17])));
  cases.push({ what: 'the reference server scrapes: multiclass with tricky labels', stable: multiclass!.snapshot, candidate: shifted, basis: 'classes', expected: multiclassLabels.map((l) => multiclass!.snapshot.classes[l]!), actual: multiclassLabels.map((l) => shifted.classes[l]!) });

  const ref = python<Array<{ psi: number; js: number }>>(
    `
out = []
for case in data:
    e = np.asarray(case["expected"], dtype=float)
    a = np.asarray(case["actual"], dtype=float)
    ep, ap = e / e.sum(), a / a.sum()
    ep[ep == 0] = 1e-4
    ap[ap == 0] = 1e-4
    out.append(dict(psi=float(np.sum((ap - ep) * np.log(ap / ep))), js=float(scipy.spatial.distance.jensenshannon(e, a, base=2))))
emit(out)
`,
    cases.map((c) => ({ expected: c.expected, actual: c.actual })),
  );

  it.each(cases.map((c, i) => [c.what, i] as const))('%s: PSI and Jensen-Shannon equal numpy and scipy', (_what, i) => {
    const c = cases[i]!;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const [method, want] of [['psi', ref[i]!.psi], ['jensenshannon', ref[i]!.js]] as const) {
      const d = predictionDistance(method, c.stable, c.candidate)!;
      expect(d.basis).toBe(c.basis);
      expect(d.stableCount).toBe(sum(c.expected));
      expect(d.candidateCount).toBe(sum(c.actual));
      if (want === 0 || Number.isNaN(want)) expect(d.value).toBeCloseTo(0, 12);
      else expectClose(d.value, want, `${c.what} ${method}`, 1e-9);
    }
  });

  it('sees a shifted score distribution as further than sampling noise', () => {
    const [a, b, shiftedScores] = [scoresA!.snapshot, scoresB!.snapshot, scoresShifted!.snapshot];
    for (const method of ['psi', 'jensenshannon'] as const) {
      const same = predictionDistance(method, a!, b!)!.value;
      const moved = predictionDistance(method, a!, shiftedScores!)!.value;
      expect(moved).toBeGreaterThan(5 * same);
    }
    expect(predictionDistance('psi', a!, shiftedScores!)!.value).toBeGreaterThan(0.25);
  });

  it('has no answer when either side predicted nothing', () => {
    const none = snapshot({}, { bounds: P, counts: new Array(11).fill(0) });
    expect(predictionDistance('psi', none, snapshot({ a: 1 }))).toBeUndefined();
    expect(predictionDistance('jensenshannon', snapshot({ a: 1 }), none)).toBeUndefined();
    expect(predictionDistance('psi', snapshot({}), snapshot({}))).toBeUndefined();
  });
});

describe('snapshotDelta and addSnapshots', () => {
  /** Equal up to the rounding of the float sums. */
  function expectSameSnapshot(actual: ServingSnapshot, expected: ServingSnapshot) {
    const { duration, score, ...rest } = actual;
    const { duration: expectedDuration, score: expectedScore, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
    for (const [h, e] of [[duration, expectedDuration], [score, expectedScore]] as const) {
      expect(h?.bounds).toEqual(e?.bounds);
      expect(h?.counts).toEqual(e?.counts);
      expect(h?.count).toBe(e?.count);
      expect(h!.sum).toBeCloseTo(e!.sum, 9);
    }
  }

  it('gives what the server did between two scrapes', () => {
    expect(isCounterReset(firstHalf!.snapshot, binary!.snapshot)).toBe(false);
    const delta = snapshotDelta(firstHalf!.snapshot, binary!.snapshot);
    expectSameSnapshot(delta, secondHalf!.snapshot);
    expect(delta.requests).toBeGreaterThan(50);
    expect(delta.predictionRows).toBeGreaterThan(100);
    expect(delta.classes.fraud).toBeGreaterThan(10);
  });

  it('keeps the classes predicted between the scrapes, new ones included, and only those', () => {
    const before = { ...firstHalf!.snapshot, classes: { a: 5, b: 3, 'c d': 1 } };
    const after = { ...binary!.snapshot, classes: { a: 6, b: 3, 'c d': 4, e: 1 } };
    expect(snapshotDelta(before, after).classes).toEqual({ a: 1, 'c d': 3, e: 1 });
  });

  it('takes the first scrape whole', () => {
    const delta = snapshotDelta(undefined, firstHalf!.snapshot);
    expect(delta).toEqual(firstHalf!.snapshot);
    delta.duration.counts[0] = -1;
    delta.classes.ok = -1;
    expect(firstHalf!.snapshot.duration.counts[0]).not.toBe(-1);
    expect(firstHalf!.snapshot.classes.ok).not.toBe(-1);
  });

  it('takes the later scrape whole after a restart (a counter went down)', () => {
    expect(isCounterReset(binary!.snapshot, restarted!.snapshot)).toBe(true);
    expect(snapshotDelta(binary!.snapshot, restarted!.snapshot)).toEqual(restarted!.snapshot);
  });

  it('sees a restart in any one counter, a changed model or changed bounds', () => {
    const before = binary!.snapshot;
    const grown = addSnapshots(before, secondHalf!.snapshot);
    expect(isCounterReset(before, grown)).toBe(false);
    const variants: Array<[string, (s: ServingSnapshot) => void]> = [
      ['requests', (s) => (s.requests = before.requests - 1)],
      ['server errors', (s) => (s.serverErrors = before.serverErrors - 1)],
      ['a class', (s) => (s.classes.fraud = before.classes.fraud! - 1)],
      ['a class gone', (s) => delete s.classes.fraud],
      ['a duration bucket', (s) => (s.duration.counts[0] = before.duration.counts[0]! - 1)],
      ['the score histogram gone', (s) => (s.score = undefined)],
      ['score bounds', (s) => (s.score = { ...s.score!, bounds: [...REGRESSION_BUCKETS.slice(0, 10), Infinity] })],
      ['the model version', (s) => (s.model = { ...s.model!, version: '2.0.1' })],
    ];
    for (const [what, change] of variants) {
      const after = addSnapshots(grown, { ...secondHalf!.snapshot, model: grown.model! });
      change(after);
      expect(isCounterReset(before, after), what).toBe(true);
      expect(snapshotDelta(before, after), what).toEqual(after);
    }
  });

  it('treats a score histogram that appears as counted from 0', () => {
    const before: ServingSnapshot = { ...firstHalf!.snapshot, score: undefined };
    const delta = snapshotDelta(before, binary!.snapshot);
    expect(delta.score).toEqual(binary!.snapshot.score);
    expect(delta.requests).toBe(binary!.snapshot.requests - firstHalf!.snapshot.requests);
  });

  it('pools two windows into what one scrape of both would read', () => {
    expectSameSnapshot(addSnapshots(firstHalf!.snapshot, secondHalf!.snapshot), { ...binary!.snapshot });
    const pooled = addSnapshots(idle!.snapshot, regression!.snapshot);
    expect(pooled.score).toEqual(regression!.snapshot.score);
    expect(pooled.model).toEqual(regression!.snapshot.model);
    expect(addSnapshots(regression!.snapshot, idle!.snapshot).model).toEqual(idle!.snapshot.model);
  });

  it('pools histograms with different bounds onto the bounds they share', () => {
    const a = servingSnapshot(
      parsePrometheusText(
        ['mlops_prediction_score_bucket{le="0"} 1', 'mlops_prediction_score_bucket{le="1"} 3', 'mlops_prediction_score_bucket{le="2"} 6', 'mlops_prediction_score_bucket{le="+Inf"} 7', 'mlops_prediction_score_sum 9', 'mlops_prediction_score_count 7'].join('\n'),
      ),
    );
    const b = servingSnapshot(parsePrometheusText(['mlops_prediction_score_bucket{le="1"} 2', 'mlops_prediction_score_bucket{le="3"} 5', 'mlops_prediction_score_bucket{le="+Inf"} 5', 'mlops_prediction_score_sum 6', 'mlops_prediction_score_count 5'].join('\n')));
    expect(addSnapshots(a, b).score).toEqual({ bounds: [1, Infinity], counts: [5, 7], count: 12, sum: 15 });
    expect(a.score).toEqual({ bounds: [0, 1, 2, Infinity], counts: [1, 2, 3, 1], count: 7, sum: 9 });
  });
});
