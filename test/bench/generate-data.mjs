// Deterministic data for the data-job benchmark: data.csv, reference.csv and schema.yaml.
//
//   node test/bench/generate-data.mjs <dir> [--rows 1000000] [--reference-rows <n>] [--seed 1]
//
// 20 columns of mixed types (~163 bytes a row, so ~160 MB per million rows), written in chunks so
// memory stays flat at any row count. The reference is drawn from the same distributions with an
// independent seed. Both files carry a few deliberate violations of the schema at fixed rates (a
// duplicated id, out-of-range numbers, values outside `allowed`, unparseable numbers and dates,
// nulls where the schema forbids them), so every check has something to find. Same arguments,
// same bytes: the benchmark caches the files by GENERATOR_VERSION and row count.
//
// Imported, it exports generate() and GENERATOR_VERSION.
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** Bump whenever the bytes written for the same arguments change: cached data is then regenerated. */
export const GENERATOR_VERSION = 1;

const DATA_SEED = 1;
const REFERENCE_SEED = 2;

export const COLUMNS = [
  'id',
  'age',
  'income',
  'score',
  'temperature',
  'clicks',
  'sessions',
  'latency_ms',
  'balance',
  'tier',
  'region_code',
  'country',
  'device',
  'channel',
  'product',
  'is_active',
  'has_coupon',
  'signup_date',
  'event_time',
  'comment',
];

const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'JP', 'CN', 'CA', 'ES'];
const COUNTRY_WEIGHTS = [30, 12, 9, 9, 12, 7, 6, 8, 4, 3];
const DEVICES = ['mobile', 'desktop', 'tablet', 'tv'];
const DEVICE_WEIGHTS = [55, 35, 8, 2];
const CHANNELS = ['organic', 'paid', 'email', 'social', 'referral', 'direct'];
const CHANNEL_WEIGHTS = [30, 25, 10, 15, 5, 15];
const TIER_WEIGHTS = [40, 30, 15, 10, 5];
const REGIONS = 40;
const PRODUCTS = 50_000;
const ZIPF_EXPONENT = 1.1;
const WORDS = (
  'fast slow great poor love hate works broken again never always price support delivery quality ' +
  'refund order account login screen button page app crash update version payment card shipping ' +
  'late early box size color fit return exchange help thanks issue problem good bad okay nice ' +
  'recommend friend family work home mobile desktop search filter sort cart checkout coupon discount ' +
  'sale new old cheap expensive value service agent chat email phone wait time hour day week month'
).split(' ');

const SCHEMA = `# Data schema of the benchmark dataset (validate-data format, version 1).
version: 1
columns:
  id:          {type: string, unique: true, nullable: false}
  age:         {type: integer, min: 0, max: 120}
  income:      {type: number, min: 0}
  score:       {type: number, min: 0, max: 1, nullable: false}
  temperature: {type: number, min: -50, max: 60, nullable: false}
  clicks:      {type: integer, min: 0}
  sessions:    {type: integer, min: 0, max: 1000, nullable: false}
  latency_ms:  {type: number, min: 0, nullable: false}
  balance:     {type: number, max_null_fraction: 0.02}
  tier:        {type: integer, allowed: [1, 2, 3, 4, 5], nullable: false}
  region_code: {type: integer, allowed: [${Array.from({ length: REGIONS }, (_, i) => i + 1).join(', ')}], nullable: false}
  country:     {type: category, allowed: [${COUNTRIES.join(', ')}]}
  device:      {type: category, allowed: [${DEVICES.join(', ')}], nullable: false}
  channel:     {type: category, allowed: [${CHANNELS.join(', ')}]}
  product:     {type: category, nullable: false}
  is_active:   {type: boolean, nullable: false}
  has_coupon:  {type: boolean}
  signup_date: {type: timestamp, min: '2015-01-01', max: '2024-12-31'}
  event_time:  {type: timestamp, min: '2024-01-01T00:00:00Z', max: '2024-12-31T23:59:59Z', nullable: false}
  comment:     {type: string}
rows: {min: 1000}
unknown_columns: error
`;

/** sfc32: a small, fast, well-distributed 32-bit generator; next() is uniform in [0, 1). */
class Random {
  constructor(seed) {
    this.a = 0x9e3779b9 | 0;
    this.b = 0x243f6a88 | 0;
    this.c = 0xb7e15162 | 0;
    this.d = seed | 0;
    this.spare = 0;
    this.hasSpare = false;
    for (let i = 0; i < 16; i++) this.next();
  }
  next() {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = (this.d + 1) | 0;
    const t = (((a + b) | 0) + d) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    this.d = d;
    return (t >>> 0) / 4294967296;
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  /** Standard normal, Box-Muller (two values per two uniforms). */
  normal() {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = 1 - this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }
}

/** Inverse-CDF sampler over weights (or a precomputed cumulative table) by binary search. */
function categorical(weights) {
  const cdf = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) cdf[i] = sum += weights[i];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= sum;
  cdf[cdf.length - 1] = 1;
  return (u) => {
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const pickCountry = categorical(COUNTRY_WEIGHTS);
const pickDevice = categorical(DEVICE_WEIGHTS);
const pickChannel = categorical(CHANNEL_WEIGHTS);
const pickTier = categorical(TIER_WEIGHTS);
const pickRegion = categorical(Array.from({ length: REGIONS }, (_, i) => 1 / Math.sqrt(i + 1)));
const pickProduct = categorical(Array.from({ length: PRODUCTS }, (_, i) => 1 / (i + 1) ** ZIPF_EXPONENT));
const bytes = (text) => Buffer.from(text, 'latin1');
const COUNTRY_BYTES = COUNTRIES.map(bytes);
const DEVICE_BYTES = DEVICES.map(bytes);
const CHANNEL_BYTES = CHANNELS.map(bytes);
const PRODUCT_BYTES = Array.from({ length: PRODUCTS }, (_, i) => bytes(`p-${String(i + 1).padStart(5, '0')}`));
const WORD_BYTES = WORDS.map(bytes);
const TRUE = bytes('true');
const FALSE = bytes('false');
const ERROR = bytes('error');
const TIMEOUT = bytes('timeout');
const SAID = bytes('"said ""');
const CLOSE_SAID = bytes('"""');
const BAD_DATE = bytes('2023-02-30');
const UNKNOWN_COUNTRY = bytes('XX');
const EARLY_DATE = bytes('2014-12-31');

const DAY_MS = 86_400_000;
const SIGNUP_FIRST = Date.UTC(2015, 0, 1);
const SIGNUP_DAYS = (Date.UTC(2024, 11, 31) - SIGNUP_FIRST) / DAY_MS + 1;
const SIGNUP_BYTES = Array.from({ length: SIGNUP_DAYS }, (_, i) => bytes(new Date(SIGNUP_FIRST + i * DAY_MS).toISOString().slice(0, 10)));
const EVENT_FIRST = Date.UTC(2024, 0, 1);
const EVENT_DAYS = 366;
const EVENT_DAY_BYTES = Array.from({ length: EVENT_DAYS }, (_, i) => bytes(new Date(EVENT_FIRST + i * DAY_MS).toISOString().slice(0, 10)));

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const BASE36 = bytes('0123456789abcdefghijklmnopqrstuvwxyz');
const POWERS_OF_36 = Array.from({ length: 8 }, (_, i) => 36 ** i);

/** CSV bytes into a fixed buffer, written out whenever it fills: no strings per value, flat memory. */
class Output {
  constructor(fd, size = 1 << 22) {
    this.fd = fd;
    this.buf = Buffer.allocUnsafe(size);
    this.pos = 0;
    this.bytes = 0;
    this.digits = new Uint8Array(24);
  }
  /** Leaves room for one more row (rows are far shorter than 4 KiB). */
  reserve() {
    if (this.pos > this.buf.length - 4096) this.flush();
  }
  flush() {
    let done = 0;
    while (done < this.pos) done += writeSync(this.fd, this.buf, done, this.pos - done);
    this.bytes += this.pos;
    this.pos = 0;
  }
  raw(source) {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < source.length; i++) buf[pos++] = source[i];
    this.pos = pos;
  }
  byte(c) {
    this.buf[this.pos++] = c;
  }
  /** A non-negative integer, at least `width` digits (zero-padded). */
  uint(n, width = 1) {
    let count = 0;
    do {
      const q = Math.floor(n / 10);
      this.digits[count++] = ZERO + (n - q * 10);
      n = q;
    } while (n > 0);
    while (count < width) this.digits[count++] = ZERO;
    while (count > 0) this.buf[this.pos++] = this.digits[--count];
  }
  /** A number with a fixed number of decimals, like toFixed (halves round away from zero). */
  fixed(value, decimals) {
    const scale = 10 ** decimals;
    let scaled = Math.round(Math.abs(value) * scale);
    if (value < 0 && scaled > 0) this.byte(MINUS);
    const whole = Math.floor(scaled / scale);
    scaled -= whole * scale;
    this.uint(whole);
    this.byte(DOT);
    this.uint(scaled, decimals);
  }
}

/** One row of CSV (with its newline); `state.previousId` lets a row repeat the id before it. */
function writeRow(out, r, index, state) {
  out.reserve();
  // id: "u", the row index in base 36 (8 digits), two random digits; now and then the previous id.
  let id = index * 100 + r.int(36);
  if (state.previousId !== undefined && r.next() < 1e-5) id = state.previousId;
  state.previousId = id;
  out.byte(117);
  const position = Math.floor(id / 100);
  for (let shift = 7; shift >= 0; shift--) out.byte(BASE36[Math.floor(position / POWERS_OF_36[shift]) % 36]);
  out.uint(id % 100, 2);
  out.byte(COMMA);

  // age: normal(40, 12) clipped to 0..100; 0.5 % null; a few above the max.
  const ageNull = r.next() < 0.005;
  const ageBad = r.next() < 2e-5;
  const age = Math.round(40 + 12 * r.normal());
  if (!ageNull) out.uint(ageBad ? 121 + r.int(80) : age < 0 ? 0 : age > 100 ? 100 : age);
  out.byte(COMMA);

  // income: lognormal(10.5, 0.8); 1 % null; a few negative.
  const incomeNull = r.next() < 0.01;
  const incomeBad = r.next() < 1e-5;
  const income = Math.exp(10.5 + 0.8 * r.normal());
  if (!incomeNull) out.fixed(incomeBad ? -income : income, 2);
  out.byte(COMMA);

  // score: uniform(0, 1); a few above 1.
  const scoreBad = r.next() < 1e-5;
  const score = r.next();
  out.fixed(scoreBad ? 1 + score / 2 : score, 6);
  out.byte(COMMA);

  // temperature: normal(20, 5); a few nulls although the schema forbids them.
  const temperatureNull = r.next() < 1e-5;
  const temperature = 20 + 5 * r.normal();
  if (!temperatureNull) out.fixed(temperature, 3);
  out.byte(COMMA);

  // clicks: Poisson(3) by inversion; 1 % null.
  const clicksNull = r.next() < 0.01;
  const u = r.next();
  let k = 0;
  let p = Math.exp(-3);
  let cumulative = p;
  while (u > cumulative && k < 60) {
    k++;
    p *= 3 / k;
    cumulative += p;
  }
  if (!clicksNull) out.uint(k);
  out.byte(COMMA);

  // sessions: geometric, mean ~7.
  out.uint(Math.floor(Math.log(1 - r.next()) / Math.log(1 - 0.125)));
  out.byte(COMMA);

  // latency_ms: lognormal(4, 0.5); a few unparseable values.
  const latencyBad = r.next() < 2e-5;
  const latency = Math.exp(4 + 0.5 * r.normal());
  if (latencyBad) out.raw(r.next() < 0.5 ? ERROR : TIMEOUT);
  else out.fixed(latency, 1);
  out.byte(COMMA);

  // balance: normal(0, 1000); 1 % null.
  const balanceNull = r.next() < 0.01;
  const balance = 1000 * r.normal();
  if (!balanceNull) out.fixed(balance, 2);
  out.byte(COMMA);

  // tier: 1..5, skewed; a few 6.
  const tierBad = r.next() < 1e-5;
  const tier = pickTier(r.next()) + 1;
  out.uint(tierBad ? 6 : tier);
  out.byte(COMMA);

  // region_code: 1..40, weight 1/sqrt(rank); a few 0.
  const regionBad = r.next() < 1e-5;
  const region = pickRegion(r.next()) + 1;
  out.uint(regionBad ? 0 : region);
  out.byte(COMMA);

  // country: 10 values; 0.5 % null; a few XX.
  const countryNull = r.next() < 0.005;
  const countryBad = r.next() < 2e-5;
  const country = pickCountry(r.next());
  if (!countryNull) out.raw(countryBad ? UNKNOWN_COUNTRY : COUNTRY_BYTES[country]);
  out.byte(COMMA);

  // device: 4 values; a few nulls although the schema forbids them.
  const deviceNull = r.next() < 1e-5;
  const device = pickDevice(r.next());
  if (!deviceNull) out.raw(DEVICE_BYTES[device]);
  out.byte(COMMA);

  // channel: 6 values; 1 % null.
  const channelNull = r.next() < 0.01;
  const channel = pickChannel(r.next());
  if (!channelNull) out.raw(CHANNEL_BYTES[channel]);
  out.byte(COMMA);

  // product: 50,000 values, Zipf(1.1).
  out.raw(PRODUCT_BYTES[pickProduct(r.next())]);
  out.byte(COMMA);

  // is_active: 70 % true.
  out.raw(r.next() < 0.7 ? TRUE : FALSE);
  out.byte(COMMA);

  // has_coupon: 20 % true; 1 % null.
  const couponNull = r.next() < 0.01;
  const coupon = r.next() < 0.2;
  if (!couponNull) out.raw(coupon ? TRUE : FALSE);
  out.byte(COMMA);

  // signup_date: uniform 2015-01-01..2024-12-31; 0.5 % null; a few impossible or too early dates.
  const signupNull = r.next() < 0.005;
  const signupBad = r.next();
  const signupDay = r.int(SIGNUP_DAYS);
  if (!signupNull) out.raw(signupBad < 1e-5 ? BAD_DATE : signupBad < 2e-5 ? EARLY_DATE : SIGNUP_BYTES[signupDay]);
  out.byte(COMMA);

  // event_time: uniform over 2024, whole seconds, UTC.
  const day = r.int(EVENT_DAYS);
  const seconds = r.int(86_400);
  out.raw(EVENT_DAY_BYTES[day]);
  out.byte(84);
  out.uint(Math.floor(seconds / 3600), 2);
  out.byte(58);
  out.uint(Math.floor(seconds / 60) % 60, 2);
  out.byte(58);
  out.uint(seconds % 60, 2);
  out.byte(90);
  out.byte(COMMA);

  // comment: 3 to 8 words; 2 % null; 5 % quoted with a comma inside, 0.5 % with doubled quotes.
  const commentNull = r.next() < 0.02;
  const words = 3 + r.int(6);
  const flavour = r.next();
  const quoted = flavour < 0.05;
  const said = !quoted && flavour < 0.055;
  if (!commentNull) {
    if (quoted) out.byte(QUOTE);
    else if (said) out.raw(SAID);
  }
  for (let w = 0; w < words; w++) {
    const word = WORD_BYTES[r.int(WORD_BYTES.length)];
    if (commentNull) continue;
    if (w > 0) out.byte(32);
    out.raw(word);
  }
  const extra = WORD_BYTES[r.int(WORD_BYTES.length)];
  if (!commentNull) {
    if (quoted) {
      out.byte(COMMA);
      out.byte(32);
      out.raw(extra);
      out.byte(QUOTE);
    } else if (said) out.raw(CLOSE_SAID);
  }
  out.byte(NEWLINE);
}

function writeCsv(file, rows, seed) {
  const r = new Random(seed);
  const state = { previousId: undefined };
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  const out = new Output(fd);
  try {
    out.raw(bytes(`${COLUMNS.join(',')}\n`));
    for (let i = 0; i < rows; i++) writeRow(out, r, i, state);
    out.flush();
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return out.bytes;
}

/**
 * Writes <dir>/data.csv (`rows` rows), <dir>/reference.csv (`referenceRows` rows, independent seed,
 * written by a worker thread at the same time) and <dir>/schema.yaml, then <dir>/manifest.json
 * last: a directory with a manifest is complete.
 */
export async function generate(dir, { rows = 1_000_000, referenceRows = rows, seed = DATA_SEED } = {}) {
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  writeFileSync(path.join(dir, 'schema.yaml'), SCHEMA);
  const referenceSeed = seed === DATA_SEED ? REFERENCE_SEED : seed + 1_000_003;
  const worker = new Worker(fileURLToPath(import.meta.url), {
    workerData: { file: path.join(dir, 'reference.csv'), rows: referenceRows, seed: referenceSeed },
  });
  const reference = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`reference generator exited with ${code}`)));
  });
  let dataBytes;
  try {
    dataBytes = writeCsv(path.join(dir, 'data.csv'), rows, seed);
  } finally {
    // On failure here, still wait for the worker so no half-written file is left open.
    await reference.catch(() => undefined);
  }
  const referenceBytes = await reference;
  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    rows,
    referenceRows,
    seed,
    referenceSeed,
    dataBytes,
    referenceBytes,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (!isMainThread && workerData?.file) {
  parentPort.postMessage(writeCsv(workerData.file, workerData.rows, workerData.seed));
}

if (isMainThread && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    if (at < 0) return fallback;
    const value = Number(args[at + 1]);
    if (!Number.isInteger(value) || value < 1) {
      console.error(`generate-data: ${name} needs a positive integer`);
      process.exit(2);
    }
    args.splice(at, 2);
    return value;
  };
  const rows = option('--rows', 1_000_000);
  const referenceRows = option('--reference-rows', rows);
  const seed = option('--seed', DATA_SEED);
  if (args.length !== 1 || args[0].startsWith('--')) {
    console.error('usage: node test/bench/generate-data.mjs <dir> [--rows N] [--reference-rows N] [--seed N]');
    process.exit(2);
  }
  const manifest = await generate(args[0], { rows, referenceRows, seed });
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log(
    `wrote ${args[0]}: data.csv ${rows.toLocaleString('en-US')} rows (${mb(manifest.dataBytes)}), reference.csv ${referenceRows.toLocaleString('en-US')} rows (${mb(manifest.referenceBytes)}), schema.yaml in ${manifest.seconds} s`,
  );
}
