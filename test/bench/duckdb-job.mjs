// The benchmark's data job in DuckDB (npm @duckdb/node-api, in-process, all the threads DuckDB
// takes by default: one per core).
//
//   node test/bench/duckdb-job.mjs --data data.csv --schema schema.yaml --reference reference.csv [--profile-out FILE]
//
// Same job and semantics as pandas_job.py (see its docstring), printed as the same JSON summary:
// - read: read_csv of each file into an in-memory table, every field as text (a typed read_csv
//   would stop at the first value that does not parse, and counting those is the point), cast in
//   the same statement with TRY_CAST; a flag per typed column keeps "null in the file" apart from
//   "did not parse".
// - checks: one aggregate query (count_if per rule, count - count(DISTINCT) for unique).
// - profile: one aggregate query (min, max, avg, stddev_samp, approx_quantile at 1/5/25/50/75/95/
//   99 %: DuckDB's t-digest, three times faster here than the exact quantile_cont), one query of
//   per-column GROUP BYs for counts, exact distinct counts and top 10 (max_by), one query of 20-bin
//   histograms (the histogram aggregate over the bin number).
// - drift, numeric: the KS statistic and the Wasserstein distance in SQL, in one query over the
//   union of both samples: each value weighs +1/n (data) or -1/m (reference), summed per distinct
//   value and running-summed in value order (a window partitioned by column), which is F - G, the
//   difference of the two ECDFs; KS = max |F - G|, W1 = sum |F - G| * (next value - value). PSI on
//   the reference's deciles (approx_quantile) with the histogram aggregate over those boundaries.
//   Categorical: chi-square (Yates' correction at one degree of freedom, as scipy), Jensen-Shannon
//   distance and PSI from grouped counts, in SQL.
// - p-values (Kolmogorov distribution, chi-square survival function) and Benjamini-Hochberg in JS.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';

const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const HISTOGRAM_BINS = 20;
const TOP = 10;
const PSI_EPSILON = 1e-6;
const FDR = 0.05;

const args = parseArgs(process.argv.slice(2));
const timings = {};
let clock = performance.now();
const lap = (name) => {
  const now = performance.now();
  timings[name] = Number(((now - clock) / 1000).toFixed(3));
  clock = now;
};

const schema = parse(readFileSync(args.schema, 'utf8'));
const columns = Object.entries(schema.columns).map(([name, rule]) => ({ name, rule, id: ident(name) }));

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const rows = async (sql) => {
  const started = performance.now();
  const result = (await con.runAndReadAll(sql)).getRowObjectsJS();
  if (process.env.BENCH_TRACE) console.error(`${((performance.now() - started) / 1000).toFixed(3)} s  ${sql.replace(/\s+/g, ' ').slice(0, 100)}`);
  return result;
};

const header = (await rows(`DESCRIBE SELECT * FROM read_csv(${text(args.data)}, header = true, all_varchar = true)`)).map((r) => r.column_name);
await load('d', args.data);
lap('read data');
if (args.reference) await load('r', args.reference);
lap('read reference');

// ---- checks -----------------------------------------------------------------------------------
const checkExprs = ['count(*) AS "rows"'];
for (const c of columns) {
  const { id, rule } = c;
  const typed = isTyped(rule.type);
  checkExprs.push(typed ? `count_if(${flag(c)}) AS ${ident(`${c.name}:nulls`)}` : `count(*) - count(${id}) AS ${ident(`${c.name}:nulls`)}`);
  checkExprs.push(typed ? `count(*) - count(${id}) - count_if(${flag(c)}) AS ${ident(`${c.name}:type`)}` : `0 AS ${ident(`${c.name}:type`)}`);
  if (rule.min !== undefined) checkExprs.push(`count_if(${id} < ${literal(rule.min, rule.type)}) AS ${ident(`${c.name}:min`)}`);
  if (rule.max !== undefined) checkExprs.push(`count_if(${id} > ${literal(rule.max, rule.type)}) AS ${ident(`${c.name}:max`)}`);
  if (rule.allowed) {
    const list = rule.allowed.map((v) => literal(v, rule.type)).join(', ');
    checkExprs.push(`count_if(${id} IS NOT NULL AND ${id} NOT IN (${list})) AS ${ident(`${c.name}:allowed`)}`);
  }
  if (rule.unique) checkExprs.push(`count(${id}) - count(DISTINCT ${id}) AS ${ident(`${c.name}:unique`)}`);
}
const checked = (await rows(`SELECT ${checkExprs.join(',\n  ')} FROM d`))[0];
const dataRows = Number(checked.rows);
const nulls = {};
const violations = {};
for (const { name, rule } of columns) {
  nulls[name] = Number(checked[`${name}:nulls`]);
  const found = { type: Number(checked[`${name}:type`]) };
  if (rule.nullable === false) found.nullable = nulls[name];
  for (const r of ['min', 'max', 'allowed', 'unique']) if (checked[`${name}:${r}`] !== undefined) found[r] = Number(checked[`${name}:${r}`]);
  if (rule.max_null_fraction !== undefined) found.max_null_fraction = dataRows > 0 && nulls[name] / dataRows > rule.max_null_fraction ? 1 : 0;
  violations[name] = found;
}
const dataset = {};
if ((schema.unknown_columns ?? 'error') !== 'ignore') dataset.unknown_columns = header.filter((h) => !(h in schema.columns)).length;
if (schema.rows?.min !== undefined) dataset['rows.min'] = dataRows < schema.rows.min ? 1 : 0;
if (schema.rows?.max !== undefined) dataset['rows.max'] = dataRows > schema.rows.max ? 1 : 0;
violations['(dataset)'] = dataset;
lap('checks');

// ---- profile ----------------------------------------------------------------------------------
const numeric = columns.filter((c) => ['integer', 'number', 'timestamp'].includes(c.rule.type));
const profile = {};
const statExprs = numeric.flatMap((c) => {
  const v = asNumber(c);
  const n = (s) => ident(`${c.name}:${s}`);
  return [
    `min(${v}) AS ${n('min')}`,
    `max(${v}) AS ${n('max')}`,
    `avg(${v}) AS ${n('mean')}`,
    `stddev_samp(${v}) AS ${n('std')}`,
    `approx_quantile(${v}, [${QUANTILES.join(', ')}]) AS ${n('quantiles')}`,
  ];
});
const statRow = (await rows(`SELECT ${statExprs.join(',\n  ')} FROM d`))[0];
const groups = columns.map(
  (c) =>
    `SELECT ${text(c.name)} AS col, count(*) AS "distinct", sum(n) AS "count", max_by(v, n, ${TOP}) AS top_values, max(n, ${TOP}) AS top_counts
     FROM (SELECT CAST(${c.id} AS VARCHAR) AS v, count(*) AS n FROM d WHERE ${c.id} IS NOT NULL GROUP BY ${c.id})`,
);
for (const g of await rows(groups.join('\nUNION ALL\n'))) {
  profile[g.col] = {
    count: Number(g.count ?? 0),
    nulls: nulls[g.col],
    distinct: Number(g.distinct),
    top: (g.top_values ?? []).map((v, i) => [v, Number(g.top_counts[i])]),
  };
}
const histogramExprs = [];
for (const c of numeric) {
  const min = statRow[`${c.name}:min`];
  const max = statRow[`${c.name}:max`];
  if (min === null || min === undefined) continue;
  const p = profile[c.name];
  Object.assign(p, {
    min,
    max,
    mean: statRow[`${c.name}:mean`],
    std: statRow[`${c.name}:std`],
    quantiles: Object.fromEntries(QUANTILES.map((q, i) => [String(q), statRow[`${c.name}:quantiles`][i]])),
  });
  // numpy's histogram: equal bins over [min, max], the last bin closed (and +-0.5 when min = max).
  const [low, high] = min === max ? [min - 0.5, max + 0.5] : [min, max];
  p.histogram = { edges: Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => low + ((high - low) * i) / HISTOGRAM_BINS) };
  histogramExprs.push(
    `histogram(least(floor((${asNumber(c)} - ${double(low)}) / (${double(high)} - ${double(low)}) * ${HISTOGRAM_BINS}), ${HISTOGRAM_BINS - 1})::INTEGER) AS ${ident(c.name)}`,
  );
}
if (histogramExprs.length > 0) {
  const histograms = (await rows(`SELECT ${histogramExprs.join(',\n  ')} FROM d`))[0];
  for (const [name, map] of Object.entries(histograms)) {
    const counts = new Array(HISTOGRAM_BINS).fill(0);
    for (const { key, value } of mapEntries(map)) counts[key] = Number(value);
    profile[name].histogram.counts = counts;
  }
}
lap('profile');

// ---- drift ------------------------------------------------------------------------------------
const drift = {};
let drifted = [];
if (args.reference) {
  const numericDrift = columns.filter((c) => driftKind(c.rule) === 'numeric');
  const categoricalDrift = columns.filter((c) => driftKind(c.rule) === 'categorical');

  if (numericDrift.length > 0) {
    const referenceStats = (
      await rows(
        `SELECT ${numericDrift
          .map(
            (c) =>
              `count(${c.id}) AS ${ident(`${c.name}:n`)}, stddev_samp(${asNumber(c)}) AS ${ident(`${c.name}:std`)}, approx_quantile(${asNumber(c)}, [${DECILES.join(', ')}]) AS ${ident(`${c.name}:deciles`)}`,
          )
          .join(',\n  ')} FROM r`,
      )
    )[0];
    // Each value weighs +1/n in the data and -1/m in the reference; summed per distinct value, then
    // running-summed in value order, that is F - G, the difference of the two ECDFs, at each value.
    const union = numericDrift
      .flatMap((c) => [
        `SELECT ${text(c.name)} AS col, ${asNumber(c)} AS v, ${double(1 / profile[c.name].count)} AS w FROM d WHERE ${c.id} IS NOT NULL`,
        `SELECT ${text(c.name)}, ${asNumber(c)}, ${double(-1 / Number(referenceStats[`${c.name}:n`]))} FROM r WHERE ${c.id} IS NOT NULL`,
      ])
      .join('\n    UNION ALL ');
    const ecdf = await rows(`
      WITH s AS (${union}),
      g AS (SELECT col, v, sum(w) AS w FROM s GROUP BY col, v),
      e AS (
        SELECT col,
          sum(w) OVER (PARTITION BY col ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS diff,
          lead(v) OVER (PARTITION BY col ORDER BY v) - v AS dx
        FROM g
      )
      SELECT col, max(abs(diff)) AS ks, sum(abs(diff) * coalesce(dx, 0)) AS w1 FROM e GROUP BY col`);
    // PSI on the reference's deciles: DuckDB's histogram over boundaries puts a value in the first
    // bin whose edge is >= it (numpy.searchsorted(edges, x, side="left") in the pandas job).
    const edges = Object.fromEntries(numericDrift.map((c) => [c.name, [...new Set(referenceStats[`${c.name}:deciles`])].sort((x, y) => x - y)]));
    const binExprs = numericDrift.map((c) => `histogram(${asNumber(c)}, [${edges[c.name].map(double).join(', ')}]) AS ${ident(c.name)}`);
    const binsData = (await rows(`SELECT ${binExprs.join(',\n  ')} FROM d`))[0];
    const binsReference = (await rows(`SELECT ${binExprs.join(',\n  ')} FROM r`))[0];
    for (const row of ecdf) {
      const name = row.col;
      const p = proportions(binsData[name], edges[name]);
      const q = proportions(binsReference[name], edges[name]);
      const std = referenceStats[`${name}:std`];
      drift[name] = {
        test: 'ks',
        statistic: row.ks,
        p: ksPValue(row.ks, profile[name].count, Number(referenceStats[`${name}:n`])),
        wasserstein_over_std: std > 0 ? row.w1 / std : 0,
        psi: psi(p, q),
      };
    }
  }

  if (categoricalDrift.length > 0) {
    const union = categoricalDrift
      .flatMap((c) => [
        `SELECT ${text(c.name)} AS col, CAST(${c.id} AS VARCHAR) AS v, 1 AS side FROM d WHERE ${c.id} IS NOT NULL`,
        `SELECT ${text(c.name)}, CAST(${c.id} AS VARCHAR), 0 FROM r WHERE ${c.id} IS NOT NULL`,
      ])
      .join('\n    UNION ALL ');
    const tests = await rows(`
      WITH s AS (${union}),
      g AS (SELECT col, v, count_if(side = 1)::DOUBLE AS a, count_if(side = 0)::DOUBLE AS b FROM s GROUP BY col, v),
      t AS (SELECT col, sum(a) AS na, sum(b) AS nb, count(*) AS k FROM g GROUP BY col),
      x AS (
        SELECT col, a, b, k, (a + b) * na / (na + nb) AS ea, (a + b) * nb / (na + nb) AS eb, a / na AS p, b / nb AS q
        FROM g JOIN t USING (col)
      )
      SELECT col, any_value(k) AS k,
        sum(CASE WHEN k = 2
                 THEN pow(greatest(abs(a - ea) - 0.5, 0), 2) / ea + pow(greatest(abs(b - eb) - 0.5, 0), 2) / eb
                 ELSE pow(a - ea, 2) / ea + pow(b - eb, 2) / eb END) AS chi2,
        sum(CASE WHEN p > 0 THEN p * ln(2 * p / (p + q)) ELSE 0 END) AS kl_p,
        sum(CASE WHEN q > 0 THEN q * ln(2 * q / (p + q)) ELSE 0 END) AS kl_q,
        sum((p - q) * ln((p + ${PSI_EPSILON}) / (q + ${PSI_EPSILON}))) AS psi
      FROM x GROUP BY col`);
    for (const row of tests) {
      const dof = Number(row.k) - 1;
      drift[row.col] = {
        test: 'chi2',
        statistic: row.chi2,
        dof,
        p: dof > 0 ? chiSquareSurvival(row.chi2, dof) : 1,
        js_distance: Math.sqrt(Math.max(0, (row.kl_p + row.kl_q) / 2)),
        psi: row.psi,
      };
    }
  }
  // Report the columns in schema order, as pandas does.
  const ordered = {};
  for (const { name } of columns) if (drift[name]) ordered[name] = drift[name];
  Object.keys(drift).forEach((k) => delete drift[k]);
  Object.assign(drift, ordered);
  drifted = benjaminiHochberg(drift);
  lap('drift');
}

const referenceRows = args.reference ? Number((await rows('SELECT count(*) AS n FROM r'))[0].n) : null;
const summary = {
  tool: 'duckdb',
  versions: { duckdb: (await rows('SELECT version() AS v'))[0].v, threads: Number((await rows("SELECT current_setting('threads') AS t"))[0].t) },
  rows: { data: dataRows, reference: referenceRows },
  nulls,
  violations,
  profile: Object.fromEntries(
    Object.entries(profile).map(([name, p]) => [name, { count: p.count, distinct: p.distinct, mean: p.mean ?? null, std: p.std ?? null, p50: p.quantiles?.['0.5'] ?? null }]),
  ),
  drifted,
  drift,
  timings,
};
if (args.profileOut) writeFileSync(args.profileOut, JSON.stringify({ profile, drift }));
process.stdout.write(`${JSON.stringify(summary)}\n`);
con.closeSync?.();
instance.closeSync?.();

// ---- helpers ----------------------------------------------------------------------------------

async function load(table, file) {
  const select = [];
  // The reference only feeds the drift tests: just the columns they use.
  for (const c of table === 'd' ? columns : columns.filter((col) => driftKind(col.rule))) {
    const raw = c.id;
    switch (c.rule.type) {
      case 'integer':
        // DuckDB's own text-to-integer cast rounds "1.5"; validate-data calls that a type error.
        select.push(`CASE WHEN TRY_CAST(${raw} AS DOUBLE) = trunc(TRY_CAST(${raw} AS DOUBLE)) THEN TRY_CAST(${raw} AS DOUBLE) END AS ${raw}`);
        break;
      case 'number':
        select.push(`TRY_CAST(${raw} AS DOUBLE) AS ${raw}`);
        break;
      case 'boolean':
        select.push(`TRY_CAST(${raw} AS BOOLEAN) AS ${raw}`);
        break;
      case 'timestamp':
        select.push(`TRY_CAST(${raw} AS TIMESTAMP) AS ${raw}`);
        break;
      default:
        select.push(raw);
    }
    if (isTyped(c.rule.type) && table === 'd') select.push(`${raw} IS NULL AS ${flag(c)}`);
  }
  await con.run(`CREATE TABLE ${table} AS SELECT ${select.join(',\n  ')} FROM read_csv(${text(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`);
}

function isTyped(type) {
  return type === 'integer' || type === 'number' || type === 'boolean' || type === 'timestamp';
}

function driftKind(rule) {
  if (rule.unique || rule.type === 'string') return undefined;
  if (rule.type === 'category' || rule.type === 'boolean' || rule.allowed) return 'categorical';
  return 'numeric';
}

/** The column as a DOUBLE: timestamps as milliseconds since the epoch, like the pandas job. */
function asNumber(c) {
  return c.rule.type === 'timestamp' ? `epoch_ms(${c.id})::DOUBLE` : c.id;
}

function flag(c) {
  return ident(`${c.name}__null`);
}

function ident(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function text(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** A DOUBLE literal that keeps every digit (a bare 0.1 would be a DECIMAL). */
function double(value) {
  return `${text(String(value))}::DOUBLE`;
}

function literal(value, type) {
  if (type === 'timestamp') return `${text(String(value).replace(/Z$/, ''))}::TIMESTAMP`;
  if (type === 'integer' || type === 'number') return double(value);
  if (type === 'boolean') return String(value) === 'true' ? 'true' : 'false';
  return text(value);
}

function mapEntries(map) {
  if (map === null || map === undefined) return [];
  if (Array.isArray(map?.entries)) return map.entries;
  if (map instanceof Map) return [...map].map(([key, value]) => ({ key, value }));
  if (Array.isArray(map)) return map;
  return Object.entries(map).map(([key, value]) => ({ key: Number(key), value }));
}

/** Bin shares from a histogram over boundaries: a key is its bin's upper edge, Infinity the last. */
function proportions(map, edges) {
  const counts = new Array(edges.length + 1).fill(0);
  for (const { key, value } of mapEntries(map)) {
    const at = edges.indexOf(Number(key));
    counts[at < 0 ? edges.length : at] += Number(value);
  }
  const total = counts.reduce((s, n) => s + n, 0);
  return counts.map((n) => (total > 0 ? n / total : 0));
}

function psi(p, q) {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += (p[i] - q[i]) * Math.log((p[i] + PSI_EPSILON) / (q[i] + PSI_EPSILON));
  return sum;
}

/** Two-sided two-sample KS p-value from the Kolmogorov distribution at the effective sample size. */
function ksPValue(d, n, m) {
  if (d <= 0) return 1;
  const en = Math.round((n * m) / (n + m));
  const lambda = (Math.sqrt(en) + 0.12 + 0.11 / Math.sqrt(en)) * d;
  if (lambda < 1.18) {
    // Small lambda: the Jacobi-theta form of the CDF converges fast.
    const y = Math.exp((-Math.PI * Math.PI) / (8 * lambda * lambda));
    let cdf = 0;
    for (let k = 1; k < 20; k += 2) cdf += y ** (k * k);
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * cdf));
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** P(X > x) for X ~ chi-square(dof): the regularized upper incomplete gamma Q(dof/2, x/2). */
function chiSquareSurvival(x, dof) {
  return gammaQ(dof / 2, x / 2);
}

function gammaQ(a, x) {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series for P, then Q = 1 - P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, Math.max(0, 1 - sum * Math.exp(logPrefix)));
  }
  // Continued fraction for Q (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.max(0, Math.exp(logPrefix) * h));
}

/** Lanczos approximation (g = 7, n = 9). */
function logGamma(z) {
  const g = 7;
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
  z -= 1;
  let x = coefficients[0];
  for (let i = 1; i < g + 2; i++) x += coefficients[i] / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}

/** Benjamini-Hochberg adjusted p-values (added to each entry); the names rejected at FDR. */
function benjaminiHochberg(results) {
  const names = Object.keys(results);
  const m = names.length;
  const order = names.map((name) => ({ name, p: results[name].p })).sort((x, y) => x.p - y.p);
  let running = 1;
  for (let i = m - 1; i >= 0; i--) {
    running = Math.min(running, (order[i].p * m) / (i + 1));
    results[order[i].name].p_adjusted = Math.min(1, running);
  }
  return names.filter((n) => results[n].p_adjusted <= FDR).sort();
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = { '--data': 'data', '--schema': 'schema', '--reference': 'reference', '--profile-out': 'profileOut' }[argv[i]];
    if (!key || argv[i + 1] === undefined) {
      console.error('usage: node test/bench/duckdb-job.mjs --data <csv> --schema <yaml> [--reference <csv>] [--profile-out <json>]');
      process.exit(2);
    }
    out[key] = argv[i + 1];
  }
  if (!out.data || !out.schema) parseArgs([]);
  return out;
}
