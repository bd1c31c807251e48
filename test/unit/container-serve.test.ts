import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DURATION_BUCKETS_SECONDS,
  PROBABILITY_BUCKETS,
  REGRESSION_BUCKETS,
  SERVE_DEFAULTS,
  SERVE_METRICS,
  SERVE_PY,
  SERVE_PY_NAME,
  SERVING_CONTRACT_VERSION,
} from '../../src/container/serve-runtime.js';
import { alive } from '../support/processes.js';
import { freePort } from '../support/registry.js';
import { makeTempDir } from '../support/tmp.js';

/*
 * The reference server run for real, with the Debian interpreter that has scikit-learn, against a
 * pipeline trained by test/fixtures/serving/make_model.py; the expected predictions and
 * probabilities are scikit-learn's own, computed in that script.
 */

const PYTHON = '/usr/bin/python3';
const MAKE_MODEL = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/serving/make_model.py');
const hasScikitLearn = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import sklearn, pandas, joblib'], { stdio: 'ignore' }).status === 0;
const MAX_BODY_BYTES = 65536;

interface Row {
  age: number;
  spend: number;
  country: string;
}
interface Expected {
  predictions: number[];
  probabilities: number[][];
  classes: number[];
}
interface Server {
  child: ChildProcess;
  base: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function runServer(script: string, env: Record<string, string>, args: string[] = []): Omit<Server, 'base'> {
  const child = spawn(PYTHON, [script, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  // 'close', not 'exit': by then all of stdout and stderr has been read.
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function exitWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function stop(server: Server | undefined): void {
  if (server?.child.pid !== undefined && alive(server.child.pid)) server.child.kill('SIGKILL');
}

// ------------------------------------------------------------------------------------------------
// Prometheus text format 0.0.4, parsed independently of the server.

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      if (types.has(type[1]!)) throw new Error(`second TYPE line for ${type[1]}`);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    const labelText = sample[2] ?? '';
    let consumed = 0;
    for (const m of labelText.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/g)) {
      if (m.index !== consumed) throw new Error(`bad labels: ${line}`);
      labels[m[1]!] = m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      consumed = m.index + m[0].length;
    }
    if (consumed !== labelText.length) throw new Error(`bad labels: ${line}`);
    const raw = sample[3]!;
    const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw);
    if (Number.isNaN(value)) throw new Error(`bad value: ${line}`);
    const family = sample[1]!.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(sample[1]!) && types.get(family) !== 'histogram') throw new Error(`sample before its TYPE line: ${line}`);
    samples.push({ name: sample[1]!, labels, value });
  }
  return { samples, types };
}

function one(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length !== 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return found[0]!.value;
}

/** Cumulative bucket counts by bound, in the order served; checks that they never decrease. */
function buckets(samples: Sample[], name: string): Array<[number, number]> {
  const out = samples.filter((s) => s.name === `${name}_bucket`).map((s): [number, number] => [s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), s.value]);
  for (let i = 1; i < out.length; i++) {
    expect(out[i]![0], `${name} bounds increase`).toBeGreaterThan(out[i - 1]![0]);
    expect(out[i]![1], `${name} buckets are cumulative`).toBeGreaterThanOrEqual(out[i - 1]![1]);
  }
  expect(out.at(-1)?.[0]).toBe(Infinity);
  return out;
}

// ------------------------------------------------------------------------------------------------

describe('serving runtime source', () => {
  it('is one Python file whose constants agree with the exported ones', () => {
    expect(SERVE_PY_NAME).toBe('mlops_serve.py');
    expect(SERVE_PY.startsWith('#!/usr/bin/env python3\n')).toBe(true);
    expect(SERVE_PY).toContain(`CONTRACT_VERSION = ${SERVING_CONTRACT_VERSION}\n`);
    expect(SERVE_PY).toContain(`DEFAULT_MODEL_DIR = "${SERVE_DEFAULTS.modelDir}"\n`);
    expect(SERVE_PY).toContain(`DEFAULT_PORT = ${SERVE_DEFAULTS.port}\n`);
    expect(SERVE_PY).toContain(`DEFAULT_HOST = "${SERVE_DEFAULTS.host}"\n`);
    expect(SERVE_PY).toContain('DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024\n');
    for (const name of Object.values(SERVE_METRICS)) expect(SERVE_PY).toContain(`"${name}`);
  });

  it.skipIf(!existsSync(PYTHON))('parses as Python 3.9', () => {
    const parse = spawnSync(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read(), feature_version=(3, 9))'], { input: SERVE_PY, encoding: 'utf8' });
    expect(parse.stderr).toBe('');
    expect(parse.status).toBe(0);
  });
});

/** Loads mlops_serve.py as a module (nothing runs on import), records predictions in its Metrics and prints the exposition after a JSON line of its bucket constants. */
const RECORD_METRICS = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("mlops_serve", sys.argv[1])
serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve)
print(json.dumps({"duration": serve.DURATION_BUCKETS, "probability": serve.PROBABILITY_BUCKETS, "regression": serve.REGRESSION_BUCKETS}))
metrics = serve.Metrics("house-prices", "2.0.0", serve.env_buckets("MLOPS_SCORE_BUCKETS", serve.REGRESSION_BUCKETS))
for predictions, classifier in json.loads(sys.argv[2]):
    metrics.record_predictions(predictions, None, classifier)
sys.stdout.write(metrics.render().decode())
`;

describe.skipIf(!existsSync(PYTHON))('serving metrics', () => {
  const tmp = makeTempDir('container-serve-metrics-');
  const script = tmp.write(SERVE_PY_NAME, SERVE_PY);
  afterAll(() => tmp.remove());

  function record(batches: Array<[unknown[], boolean]>, env: Record<string, string> = {}) {
    const run = spawnSync(PYTHON, ['-c', RECORD_METRICS, script, JSON.stringify(batches)], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONDONTWRITEBYTECODE: '1', ...env }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const newline = run.stdout.indexOf('\n');
    return { constants: JSON.parse(run.stdout.slice(0, newline)) as Record<string, number[]>, ...parseExposition(run.stdout.slice(newline + 1)) };
  }

  it('has the bucket bounds this module exports', () => {
    const { constants } = record([]);
    expect(constants).toEqual({ duration: [...DURATION_BUCKETS_SECONDS], probability: [...PROBABILITY_BUCKETS], regression: [...REGRESSION_BUCKETS] });
  });

  it('observes regression outputs, bounds inclusive, in the default buckets or in MLOPS_SCORE_BUCKETS', () => {
    const values = [-20000, -0.1, 0, 0.05, 1, 3, 10000, 20000];
    const { samples } = record([[values.slice(0, 5), false], [values.slice(5), false]]);
    const score = buckets(samples, SERVE_METRICS.predictionScore);
    expect(score.map(([le]) => le)).toEqual([...REGRESSION_BUCKETS, Infinity]);
    for (const [le, count] of score) expect(count, `score <= ${le}`).toBe(values.filter((v) => v <= le).length);
    expect(one(samples, `${SERVE_METRICS.predictionScore}_sum`)).toBe(values.reduce((a, b) => a + b, 0));
    expect(one(samples, SERVE_METRICS.predictionRows)).toBe(values.length);
    expect(samples.filter((s) => s.name === SERVE_METRICS.predictions)).toEqual([]);

    const custom = record([[values, false]], { MLOPS_SCORE_BUCKETS: '0, 10,100' });
    expect(buckets(custom.samples, SERVE_METRICS.predictionScore)).toEqual([[0, 3], [10, 6], [100, 6], [Infinity, 8]]);
  });

  it('counts labels of any kind, escaped in the exposition', () => {
    const labels = ['yes', 'a "quoted" \\ label', 'two\nlines', true, 2, 'yes'];
    const { samples } = record([[labels, true]]);
    const counted = Object.fromEntries(samples.filter((s) => s.name === SERVE_METRICS.predictions).map((s) => [s.labels.class, s.value]));
    expect(counted).toEqual({ yes: 2, 'a "quoted" \\ label': 1, 'two\nlines': 1, true: 1, '2': 1 });
    expect(one(samples, `${SERVE_METRICS.predictionScore}_count`)).toBe(0);
  });

  it('refuses bucket bounds that do not increase', () => {
    const run = spawnSync(PYTHON, [script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MLOPS_SCORE_BUCKETS: '10,1' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^mlops-serve: error: MLOPS_SCORE_BUCKETS='10,1': give finite, increasing bucket bounds/);
  });
});

describe.skipIf(!hasScikitLearn)('serving a scikit-learn pipeline', () => {
  const tmp = makeTempDir('container-serve-');
  const packageDir = path.join(tmp.root, 'package');
  const script = path.join(tmp.root, SERVE_PY_NAME);
  let server: Server | undefined;
  let rows: Row[] = [];
  let expected: Expected;
  let manifestText = '';

  /** Every request that got an answer, by the route label the server counts it under. */
  const ledger: Array<{ path: string; method: string; code: number }> = [];
  /** What the served predictions were, from the answers. */
  const served = { labels: [] as number[], positive: [] as number[] };

  async function call(method: string, urlPath: string, label: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; text: string; contentType: string }> {
    const response = await fetch(`${server!.base}${urlPath}`, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    ledger.push({ path: label, method, code: response.status });
    const contentType = response.headers.get('content-type') ?? '';
    return { status: response.status, json: contentType.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : {}, text, contentType };
  }

  function note(predictions: number[], probabilities: number[][]): void {
    served.labels.push(...predictions);
    served.positive.push(...probabilities.map((p) => p[1]!));
  }

  function expectProbabilities(actual: number[][], wanted: number[][]): void {
    expect(actual).toHaveLength(wanted.length);
    actual.forEach((row, i) => {
      expect(row).toHaveLength(wanted[i]!.length);
      row.forEach((p, j) => expect(Math.abs(p - wanted[i]![j]!), `row ${i}, class ${j}`).toBeLessThanOrEqual(1e-12));
    });
  }

  beforeAll(async () => {
    tmp.write(SERVE_PY_NAME, SERVE_PY);
    const made = spawnSync(PYTHON, [MAKE_MODEL, packageDir], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`make_model.py failed: ${made.stderr}`);
    rows = (JSON.parse(readFileSync(path.join(packageDir, 'metadata/input_example.json'), 'utf8')) as { rows: Row[] }).rows;
    expected = JSON.parse(readFileSync(path.join(packageDir, 'metadata/expected_output.json'), 'utf8')) as Expected;
    manifestText = readFileSync(path.join(packageDir, 'model-manifest.json'), 'utf8');

    const port = await freePort();
    server = { ...runServer(script, { MLOPS_MODEL_DIR: packageDir, PORT: String(port), HOST: '127.0.0.1', MLOPS_MAX_BODY_BYTES: String(MAX_BODY_BYTES) }), base: `http://127.0.0.1:${port}` };
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (!alive(server.child.pid!)) throw new Error(`the server exited: ${server.stderr()}`);
      try {
        const health = await call('GET', '/health', '/health');
        if (health.status === 200) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`no answer on /health after 20 s: ${server.stdout()}${server.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(() => {
    stop(server);
    tmp.remove();
  });

  it('answers /health with the model name and version', async () => {
    const health = await call('GET', '/health', '/health');
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ status: 'ok', model: 'churn-model', version: '1.2.0' });
  });

  it('predicts what scikit-learn predicted, for each body shape', async () => {
    expect(new Set(expected.predictions)).toEqual(new Set([0, 1]));
    const answer = await call('POST', '/predict', '/predict', { rows });
    expect(answer.status).toBe(200);
    expect(answer.json.predictions).toEqual(expected.predictions);
    expectProbabilities(answer.json.probabilities as number[][], expected.probabilities);
    expect(answer.json).toMatchObject({ classes: [0, 1], model: 'churn-model', version: '1.2.0' });
    note(answer.json.predictions as number[], answer.json.probabilities as number[][]);

    // A bare list, instances, positional rows, and columns given out of order.
    const shapes: unknown[] = [
      rows.slice(0, 5),
      { instances: rows.slice(5, 9) },
      { rows: rows.slice(9, 12).map((r) => [r.age, r.spend, r.country]) },
      { rows: rows.slice(12, 14).map((r) => ({ country: r.country, spend: r.spend, age: r.age, ignored: 'extra' })) },
    ];
    const slices = [[0, 5], [5, 9], [9, 12], [12, 14]] as const;
    for (const [i, body] of shapes.entries()) {
      const [from, to] = slices[i]!;
      const result = await call('POST', '/predict', '/predict', body);
      expect(result.status, JSON.stringify(result.json)).toBe(200);
      expect(result.json.predictions).toEqual(expected.predictions.slice(from, to));
      expectProbabilities(result.json.probabilities as number[][], expected.probabilities.slice(from, to));
      note(result.json.predictions as number[], result.json.probabilities as number[][]);
    }
  });

  it('answers Open Inference Protocol v2 requests with the same predictions', async () => {
    const n = rows.length;
    const perColumn = {
      id: 'req-1',
      inputs: [
        { name: 'age', shape: [n], datatype: 'INT64', data: rows.map((r) => r.age) },
        { name: 'spend', shape: [n], datatype: 'FP64', data: rows.map((r) => r.spend) },
        { name: 'country', shape: [n], datatype: 'BYTES', data: rows.map((r) => r.country) },
      ],
    };
    const answer = await call('POST', '/v2/models/churn-model/infer', '/v2/models/{name}/infer', perColumn);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ model_name: 'churn-model', model_version: '1.2.0', id: 'req-1' });
    const outputs = answer.json.outputs as Array<{ name: string; shape: number[]; datatype: string; data: number[] }>;
    expect(outputs.map((o) => [o.name, o.shape, o.datatype])).toEqual([['predict', [n], 'INT64'], ['predict_proba', [n, 2], 'FP64']]);
    expect(outputs[0]!.data).toEqual(expected.predictions);
    const proba = Array.from({ length: n }, (_, i) => outputs[1]!.data.slice(2 * i, 2 * i + 2));
    expectProbabilities(proba, expected.probabilities);
    note(outputs[0]!.data, proba);

    // One [n, 3] tensor in signature order, at a versioned path.
    const tensor = { inputs: [{ name: 'x', shape: [2, 3], datatype: 'BYTES', data: rows.slice(0, 2).flatMap((r) => [r.age, r.spend, r.country]) }], outputs: [{ name: 'predict' }] };
    const versioned = await call('POST', '/v2/models/churn-model/versions/1.2.0/infer', '/v2/models/{name}/infer', tensor);
    expect(versioned.status, versioned.text).toBe(200);
    expect(versioned.json.outputs).toEqual([{ name: 'predict', shape: [2], datatype: 'INT64', data: expected.predictions.slice(0, 2) }]);
    note(expected.predictions.slice(0, 2), expected.probabilities.slice(0, 2));
  });

  it('describes the model and its readiness over v2', async () => {
    const model = await call('GET', '/v2/models/churn-model', '/v2/models/{name}');
    expect(model.json).toEqual({
      name: 'churn-model',
      versions: ['1.2.0'],
      platform: 'sklearn',
      inputs: [
        { name: 'age', datatype: 'INT64', shape: [-1] },
        { name: 'spend', datatype: 'FP64', shape: [-1] },
        { name: 'country', datatype: 'BYTES', shape: [-1] },
      ],
      outputs: [
        { name: 'predict', datatype: 'INT64', shape: [-1] },
        { name: 'predict_proba', datatype: 'FP64', shape: [-1, 2] },
      ],
    });
    expect((await call('GET', '/v2/models/churn-model/ready', '/v2/models/{name}/ready')).status).toBe(200);
    expect((await call('GET', '/v2/health/ready', '/v2/health/ready')).json).toEqual({ ready: true });
    expect((await call('GET', '/v2/health/live', '/v2/health/live')).json).toEqual({ live: true });
  });

  it('serves the manifest as packaged', async () => {
    const metadata = await call('GET', '/metadata', '/metadata');
    expect(metadata.status).toBe(200);
    expect(metadata.contentType).toMatch(/^application\/json/);
    expect(metadata.text).toBe(manifestText);
  });

  it('answers bad requests with 400 naming the problem, unknown models and paths with 404', async () => {
    const [first] = rows;
    const cases: Array<[unknown, RegExp]> = [
      ['{"rows": [', /not JSON/],
      [{ rows: [{ age: first!.age, spend: first!.spend }] }, /row 0 has no column "country"/],
      [{ rows: [first, { ...first, age: 'forty' }] }, /row 1: column "age" takes an integer/],
      [{ rows: [[first!.age, first!.spend]] }, /row 0 has 2 values; the model takes 3 columns: age, spend, country/],
      [{ rows: [] }, /no rows/],
      [{ data: [first] }, /send \{"rows"/],
    ];
    for (const [body, message] of cases) {
      const answer = await call('POST', '/predict', '/predict', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error).toMatch(message);
    }
    const wrongShape = await call('POST', '/v2/models/churn-model/infer', '/v2/models/{name}/infer', { inputs: [{ name: 'age', shape: [2], datatype: 'INT64', data: [1] }] });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json.error).toMatch(/input "age": shape \[2\] holds 2 values, the data has 1/);
    const missing = await call('POST', '/v2/models/churn-model/infer', '/v2/models/{name}/infer', { inputs: [{ name: 'age', shape: [1], datatype: 'INT64', data: [30] }] });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatch(/"spend"/);

    // Python's JSON reader takes NaN, the scaler passes it on, and the logistic regression refuses it.
    const failing = await call('POST', '/predict', '/predict', `{"rows": [{"age": 30, "spend": NaN, "country": "DE"}]}`);
    expect(failing.status).toBe(500);
    expect(failing.json.error).toMatch(/^the model failed: ValueError: Input X contains NaN/);
    await expect.poll(() => server!.stderr()).toMatch(/predict failed: ValueError: Input X contains NaN/);

    const oversized = await call('POST', '/predict', '/predict', { rows: Array.from({ length: 2000 }, () => first) });
    expect(oversized.status).toBe(413);
    expect(oversized.json.error).toMatch(/MLOPS_MAX_BODY_BYTES/);

    const unknown = await call('POST', '/v2/models/other/infer', '/v2/models/{name}/infer', { inputs: [] });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatch(/unknown model "other"/);
    expect((await call('GET', '/v2/models/churn-model/versions/9.9.9', '/v2/models/{name}')).status).toBe(404);
    expect((await call('GET', '/nowhere', 'other')).status).toBe(404);
    expect((await call('GET', '/predict', '/predict')).status).toBe(405);
  });

  it('counts requests, errors, latency, labels and scores in Prometheus text format', async () => {
    const scrape = await call('GET', '/metrics', '/metrics');
    // A scrape is counted after it is rendered: it is not in its own numbers.
    const before = ledger.slice(0, -1);
    expect(scrape.status).toBe(200);
    expect(scrape.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    const { samples, types } = parseExposition(scrape.text);
    expect(Object.fromEntries(types)).toEqual({
      [SERVE_METRICS.requests]: 'counter',
      [SERVE_METRICS.requestErrors]: 'counter',
      [SERVE_METRICS.requestDuration]: 'histogram',
      [SERVE_METRICS.predictionDuration]: 'histogram',
      [SERVE_METRICS.predictionRows]: 'counter',
      [SERVE_METRICS.predictions]: 'counter',
      [SERVE_METRICS.predictionScore]: 'histogram',
      [SERVE_METRICS.modelInfo]: 'gauge',
    });

    const byRequest = new Map<string, number>();
    const errorsByPath = new Map<string, number>();
    for (const r of before) {
      const key = `${r.path} ${r.method} ${r.code}`;
      byRequest.set(key, (byRequest.get(key) ?? 0) + 1);
      if (r.code >= 400) errorsByPath.set(r.path, (errorsByPath.get(r.path) ?? 0) + 1);
    }
    const counted = new Map(samples.filter((s) => s.name === SERVE_METRICS.requests).map((s) => [`${s.labels.path} ${s.labels.method} ${s.labels.code}`, s.value]));
    expect(counted).toEqual(byRequest);
    const errors = new Map(samples.filter((s) => s.name === SERVE_METRICS.requestErrors).map((s) => [s.labels.path, s.value]));
    expect(errors).toEqual(errorsByPath);
    expect(errorsByPath.get('/predict')).toBeGreaterThanOrEqual(7);

    const duration = buckets(samples, SERVE_METRICS.requestDuration);
    expect(duration.map(([le]) => le)).toEqual([...DURATION_BUCKETS_SECONDS, Infinity]);
    expect(one(samples, `${SERVE_METRICS.requestDuration}_count`)).toBe(before.length);
    expect(duration.at(-1)![1]).toBe(before.length);
    expect(one(samples, `${SERVE_METRICS.requestDuration}_sum`)).toBeGreaterThan(0);
    // The prediction routes' own histogram counts those requests only.
    const predictionRequests = before.filter((r) => r.path === '/predict' || r.path === '/v2/models/{name}/infer').length;
    expect(predictionRequests).toBeGreaterThan(0);
    expect(one(samples, `${SERVE_METRICS.predictionDuration}_count`)).toBe(predictionRequests);
    expect(buckets(samples, SERVE_METRICS.predictionDuration).at(-1)![1]).toBe(predictionRequests);

    const predicted = served.labels.length;
    expect(one(samples, SERVE_METRICS.predictionRows)).toBe(predicted);
    const classes = samples.filter((s) => s.name === SERVE_METRICS.predictions);
    expect(classes.reduce((sum, s) => sum + s.value, 0)).toBe(predicted);
    for (const label of [0, 1]) expect(one(samples, SERVE_METRICS.predictions, { class: String(label) })).toBe(served.labels.filter((l) => l === label).length);

    const score = buckets(samples, SERVE_METRICS.predictionScore);
    expect(score.map(([le]) => le)).toEqual([...PROBABILITY_BUCKETS, Infinity]);
    for (const [le, count] of score) expect(count, `score <= ${le}`).toBe(served.positive.filter((p) => p <= le).length);
    expect(one(samples, `${SERVE_METRICS.predictionScore}_count`)).toBe(predicted);
    expect(one(samples, `${SERVE_METRICS.predictionScore}_sum`)).toBeCloseTo(served.positive.reduce((a, b) => a + b, 0), 9);

    expect(one(samples, SERVE_METRICS.modelInfo, { name: 'churn-model', version: '1.2.0' })).toBe(1);
  });

  it('checks the packaged example without a port, and fails when the expected output differs', () => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', MLOPS_MODEL_DIR: packageDir, PYTHONDONTWRITEBYTECODE: '1' };
    const passing = spawnSync(PYTHON, [script, '--check'], { env, encoding: 'utf8' });
    expect(passing.stderr).toBe('');
    expect(passing.stdout).toMatch(/predicted 24 rows of metadata\/input_example.json; they match metadata\/expected_output.json/);
    expect(passing.status).toBe(0);

    const changed = path.join(tmp.root, 'changed');
    tmp.write('changed/model-manifest.json', manifestText);
    tmp.write('changed/model/model.pkl', readFileSync(path.join(packageDir, 'model/model.pkl')));
    tmp.write('changed/metadata/input_example.json', readFileSync(path.join(packageDir, 'metadata/input_example.json')));
    tmp.write('changed/metadata/expected_output.json', JSON.stringify({ predictions: expected.predictions.map((p, i) => (i === 3 ? 1 - p : p)) }));
    const failing = spawnSync(PYTHON, [script, '--check'], { env: { ...env, MLOPS_MODEL_DIR: changed }, encoding: 'utf8' });
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/differ from metadata\/expected_output.json: row 3: got \d, expected \d/);
  });

  it('refuses to start on a corrupt model file or a missing manifest', async () => {
    tmp.write('corrupt/model-manifest.json', manifestText);
    tmp.write('corrupt/model/model.pkl', Buffer.from('this is not a pickle\n'));
    const corrupt = runServer(script, { MLOPS_MODEL_DIR: path.join(tmp.root, 'corrupt'), PORT: String(await freePort()), HOST: '127.0.0.1' });
    const empty = runServer(script, { MLOPS_MODEL_DIR: path.join(tmp.root, 'nothing-here'), PORT: String(await freePort()), HOST: '127.0.0.1' });
    expect(await exitWithin(corrupt.exit, 20_000)).toBe(1);
    expect(corrupt.stderr()).toMatch(/^mlops-serve: error: cannot load model\/model.pkl \(pickle\): \w+/m);
    expect(corrupt.stdout()).not.toMatch(/serving/);
    expect(await exitWithin(empty.exit, 20_000)).toBe(1);
    expect(empty.stderr()).toMatch(/cannot read .*nothing-here\/model-manifest.json: No such file or directory; set MLOPS_MODEL_DIR/);
  });

  it('logs one line a request and exits 0 on SIGTERM', async () => {
    const s = server!;
    s.child.kill('SIGTERM');
    expect(await exitWithin(s.exit, 10_000)).toBe(0);
    const access = s.stdout().split('\n').filter((line) => /^127\.0\.0\.1 [A-Z]+ \/\S* \d{3} [\d.]+ms \d+B$/.test(line));
    expect(access).toHaveLength(ledger.length);
    expect(s.stdout()).toMatch(/SIGTERM received; stopping\nmlops-serve: stopped\n$/);
  });
});

/** A stand-in for onnxruntime: a logistic model over a [n, 2] float32 tensor, with skl2onnx's outputs (labels, one {label: p} map a row). */
const FAKE_ONNXRUNTIME = `
import json
import numpy as np

class _Arg:
    def __init__(self, name, type, shape):
        self.name, self.type, self.shape = name, type, shape

class InferenceSession:
    def __init__(self, path, providers=None):
        with open(path) as f:
            self.spec = json.load(f)

    def get_inputs(self):
        return [_Arg("float_input", "tensor(float)", [None, 2])]

    def get_outputs(self):
        return [_Arg("output_label", "tensor(int64)", [None]), _Arg("output_probability", "seq(map(int64,tensor(float)))", [])]

    def run(self, names, feed):
        x = feed["float_input"]
        if x.dtype != np.float32 or x.shape[1:] != (2,):
            raise ValueError("wanted a [n, 2] float32 tensor, got %s %s" % (x.dtype, x.shape))
        z = x.astype(np.float64) @ np.array(self.spec["weights"]) + self.spec["bias"]
        p = 1.0 / (1.0 + np.exp(-z))
        return [(p > 0.5).astype(np.int64), [{0: float(1 - q), 1: float(q)} for q in p]]
`;

describe.skipIf(!hasScikitLearn)('serving an ONNX model', () => {
  const tmp = makeTempDir('container-serve-onnx-');
  let server: Server | undefined;
  afterAll(() => {
    stop(server);
    tmp.remove();
  });

  it('feeds one float32 tensor in signature order and reads label and probability outputs', async () => {
    const script = tmp.write(SERVE_PY_NAME, SERVE_PY);
    tmp.write('site/onnxruntime/__init__.py', FAKE_ONNXRUNTIME);
    const spec = { weights: [0.8, -1.5], bias: 0.25 };
    tmp.write('package/model/model.onnx', JSON.stringify(spec));
    tmp.write('package/model-manifest.json', JSON.stringify({
      name: 'scores',
      version: '0.1.0',
      formats: [{ path: 'model/model.onnx', format: 'onnx', runsCodeOnLoad: false }],
      signature: { inputs: [{ name: 'x1', type: 'number' }, { name: 'x2', type: 'number' }], source: 'given' },
    }));
    const port = await freePort();
    server = { ...runServer(script, { MLOPS_MODEL_DIR: path.join(tmp.root, 'package'), PORT: String(port), HOST: '127.0.0.1', PYTHONPATH: path.join(tmp.root, 'site') }), base: `http://127.0.0.1:${port}` };
    const deadline = Date.now() + 20_000;
    while (!(await fetch(`${server.base}/health`).then((r) => r.ok, () => false))) {
      if (!alive(server.child.pid!) || Date.now() > deadline) throw new Error(`no server: ${server.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const rows = [{ x2: 0.1, x1: 1.3 }, { x1: -2, x2: 0.7 }, { x1: 0.5, x2: 0.5 }];
    const response = await fetch(`${server.base}/predict`, { method: 'POST', body: JSON.stringify({ rows }) });
    const answer = (await response.json()) as { predictions: number[]; probabilities: number[][]; classes: number[] };
    expect(response.status, JSON.stringify(answer)).toBe(200);
    const p = rows.map((r) => 1 / (1 + Math.exp(-(Math.fround(r.x1) * spec.weights[0]! + Math.fround(r.x2) * spec.weights[1]! + spec.bias))));
    expect(answer.predictions).toEqual(p.map((q) => (q > 0.5 ? 1 : 0)));
    expect(answer.classes).toEqual([0, 1]);
    answer.probabilities.forEach((row, i) => {
      expect(row[1]).toBeCloseTo(p[i]!, 12);
      expect(row[0]).toBeCloseTo(1 - p[i]!, 12);
    });

    const model = (await (await fetch(`${server.base}/v2/models/scores`)).json()) as Record<string, unknown>;
    expect(model).toMatchObject({ name: 'scores', platform: 'onnxruntime_onnx', outputs: [{ name: 'predict' }, { name: 'predict_proba', shape: [-1, -1] }] });
    server.child.kill('SIGTERM');
    expect(await exitWithin(server.exit, 10_000)).toBe(0);
  });
});
