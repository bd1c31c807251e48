export const id = 359;
export const ids = [359];
export const modules = {

/***/ 5359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oV: () => (/* binding */ ColumnProfile),
  y6: () => (/* binding */ DatasetProfile),
  fJ: () => (/* binding */ PROFILE_FORMAT),
  PL: () => (/* binding */ PROFILE_VERSION)
});

// UNUSED EXPORTS: QUANTILES, formatTimestamp, histogram, profileKind

// EXTERNAL MODULE: ./src/stats/distinct-sketch.ts
var distinct_sketch = __webpack_require__(8380);
;// CONCATENATED MODULE: ./src/stats/frequencies.ts

/**
 * Value counts of a column: exact while the column has at most `capacity` distinct values (10,000 by
 * default), then the Misra–Gries summary in the form of Apache DataSketches' frequent-items sketch.
 *
 * When a new value arrives and every counter is in use, the median count is subtracted from every
 * counter and the counters that reach zero are dropped, which frees at least half of them. Every
 * retained count is then a lower bound of the true count, and the true count is at most the retained
 * count plus `maxError`, the sum of everything subtracted from one counter so far (a value not
 * retained has a true count of at most `maxError`). Each such purge removes at least median ×
 * capacity/2 from the total, so `maxError` <= 2·total/capacity whatever the data; on skewed data,
 * where top values matter, it is far smaller. Merging adds the counts, then purges back to capacity
 * (Agarwal et al., "Mergeable summaries", 2012), adding both error bounds.
 *
 * Keys are found by their 53-bit hash (hashString), so a repeated key costs no string: the text is
 * made only for a key the table does not hold. Two keys of one column share a hash with probability
 * about n²/2^54 (6·10^-9 at 10,000 keys).
 */
const DEFAULT_CAPACITY = 10_000;
class FrequencyTable {
    capacity;
    /** Slot i holds keys[i], its 53-bit hash (see hashString) and its count; a dropped slot has count 0. */
    keys;
    hashes;
    values;
    /** Open addressing from hash to slot + 1 (0: empty), at most half full; rebuilt after a purge. */
    index;
    /** Slots freed by a purge, reused before new ones. */
    free;
    used;
    live;
    totalCount;
    error;
    isExact;
    constructor(capacity = DEFAULT_CAPACITY) {
        if (!Number.isInteger(capacity) || capacity < 2)
            throw new RangeError(`FrequencyTable: capacity must be an integer >= 2, got ${capacity}`);
        this.capacity = capacity;
        this.keys = [];
        this.hashes = new Float64Array(Math.min(64, capacity + 1));
        this.values = new Float64Array(this.hashes.length);
        this.index = new Int32Array(128);
        this.free = [];
        this.used = 0;
        this.live = 0;
        this.totalCount = 0;
        this.error = 0;
        this.isExact = true;
    }
    /** Counts `weight` (default 1) occurrences of `key`; `hash` is hashString(key), when the caller has it. */
    add(key, weight = 1, hash = (0,distinct_sketch/* hashString */.YZ)(key)) {
        if (this.increment(hash, weight))
            return;
        this.totalCount += weight;
        this.insert(key, hash, weight);
        if (this.live > this.capacity)
            this.purge(this.capacity >> 1);
    }
    /**
     * Counts `weight` more of the key with this hash if the table holds it, and says so; false
     * (nothing counted) when it does not, so the caller makes the key's text only for a new key.
     */
    increment(hash, weight = 1) {
        const index = this.index;
        const mask = index.length - 1;
        for (let i = (hash >>> 0) & mask;; i = (i + 1) & mask) {
            const slot = index[i] - 1;
            if (slot < 0)
                return false;
            if (this.hashes[slot] === hash) {
                this.values[slot] += weight;
                this.totalCount += weight;
                return true;
            }
        }
    }
    insert(key, hash, weight) {
        let slot;
        if (this.free.length > 0) {
            slot = this.free.pop();
            this.keys[slot] = key;
        }
        else {
            slot = this.used++;
            if (slot >= this.values.length) {
                const size = Math.min(this.capacity + 1, 2 * this.values.length);
                const values = new Float64Array(size);
                const hashes = new Float64Array(size);
                values.set(this.values);
                hashes.set(this.hashes);
                this.values = values;
                this.hashes = hashes;
            }
            this.keys.push(key);
        }
        this.values[slot] = weight;
        this.hashes[slot] = hash;
        this.live++;
        if (2 * this.live > this.index.length)
            this.reindex(2 * this.index.length);
        else
            this.place(slot);
    }
    place(slot) {
        const index = this.index;
        const mask = index.length - 1;
        let i = (this.hashes[slot] >>> 0) & mask;
        while (index[i] !== 0)
            i = (i + 1) & mask;
        index[i] = slot + 1;
    }
    /** Rebuilds the hash index over the live slots. */
    reindex(size) {
        this.index = new Int32Array(size);
        for (let slot = 0; slot < this.used; slot++)
            if (this.values[slot] > 0)
                this.place(slot);
    }
    /** Subtracts the count at sorted position `index` (0-based, ascending) from all and drops what reaches 0. */
    purge(index) {
        const counts = new Float64Array(this.live);
        let at = 0;
        for (let slot = 0; slot < this.used; slot++)
            if (this.values[slot] > 0)
                counts[at++] = this.values[slot];
        counts.sort();
        const pivot = counts[Math.min(index, counts.length - 1)];
        for (let slot = 0; slot < this.used; slot++) {
            const count = this.values[slot];
            if (count <= 0)
                continue;
            const remaining = count - pivot;
            if (remaining <= 0) {
                this.values[slot] = 0;
                this.keys[slot] = '';
                this.free.push(slot);
                this.live--;
            }
            else {
                this.values[slot] = remaining;
            }
        }
        this.reindex(this.index.length);
        this.error += pivot;
        this.isExact = false;
    }
    /** Adds the counts of `other` (left unchanged). */
    merge(other) {
        const entries = other.entries();
        this.totalCount += other.totalCount;
        const grown = new Map(this.entries());
        for (const [key, count] of entries)
            grown.set(key, (grown.get(key) ?? 0) + count);
        this.error += other.error;
        this.isExact = this.isExact && other.isExact;
        this.rebuild(grown);
        if (this.live > this.capacity)
            this.purge(this.live - this.capacity - 1);
    }
    rebuild(counts) {
        this.keys = [];
        this.free = [];
        this.used = 0;
        this.live = 0;
        this.values = new Float64Array(Math.max(1, counts.size));
        this.hashes = new Float64Array(this.values.length);
        this.index = new Int32Array(Math.max(128, 2 ** Math.ceil(Math.log2(4 * counts.size + 1))));
        for (const [key, count] of counts)
            this.insert(key, (0,distinct_sketch/* hashString */.YZ)(key), count);
    }
    /** The sum of all weights added. */
    get total() {
        return this.totalCount;
    }
    /** True while every count is exact (no purge has happened). */
    get exact() {
        return this.isExact;
    }
    /** The number of values with a retained count. */
    get size() {
        return this.live;
    }
    /** How far below its true count a retained count may be (0 while exact). */
    get maxError() {
        return this.error;
    }
    /** The n most frequent values, by count descending then key (UTF-16 order). */
    top(n) {
        return this.entries()
            .slice(0, Math.max(0, n))
            .map(([key, count]) => ({ key, count }));
    }
    /** Every retained count (all counts while exact), e.g. for a chi-square test. */
    counts() {
        const out = new Map();
        for (let slot = 0; slot < this.used; slot++)
            if (this.values[slot] > 0)
                out.set(this.keys[slot], this.values[slot]);
        return out;
    }
    toJSON() {
        return { version: 1, capacity: this.capacity, exact: this.isExact, total: this.totalCount, maxError: this.error, entries: this.entries() };
    }
    static fromJSON(state) {
        if (state.version !== 1)
            throw new Error(`FrequencyTable: unsupported state version ${String(state.version)}`);
        const table = new FrequencyTable(state.capacity);
        table.rebuild(new Map(state.entries));
        table.totalCount = state.total;
        table.error = state.maxError;
        table.isExact = state.exact;
        return table;
    }
    entries() {
        const out = [];
        for (let slot = 0; slot < this.used; slot++)
            if (this.values[slot] > 0)
                out.push([this.keys[slot], this.values[slot]]);
        out.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
        return out;
    }
}
/**
 * Exact counts of the numbers of a column while it has at most `cap` distinct ones (a code, a small
 * integer range), in insertion order; `add` says false once a number past the cap arrives, and the
 * table is then of no more use. Found by the number's 53-bit hash (hashNumber), so no number is
 * boxed and no Map is probed per value.
 */
class NumberCounts {
    cap;
    values;
    counts;
    /** Open addressing from hash to index + 1 (0: empty), at most half full. */
    index;
    size = 0;
    constructor(cap) {
        this.cap = cap;
        this.values = new Float64Array(cap);
        this.counts = new Float64Array(cap);
        this.index = new Int32Array(2 ** Math.ceil(Math.log2(2 * cap + 2)));
    }
    /**
     * Counts `weight` of x (hash = hashNumber(x)): 1 when x was counted before, 2 when it is new,
     * 0 (nothing counted) when x would be distinct number cap + 1.
     */
    add(x, weight, hash) {
        const index = this.index;
        const mask = index.length - 1;
        let i = (hash >>> 0) & mask;
        for (;;) {
            const at = index[i] - 1;
            if (at < 0)
                break;
            if (this.values[at] === x) {
                this.counts[at] += weight;
                return 1;
            }
            i = (i + 1) & mask;
        }
        if (this.size === this.cap)
            return 0;
        this.values[this.size] = x;
        this.counts[this.size] = weight;
        index[i] = ++this.size;
        return 2;
    }
    /** The numbers and their counts, in the order the numbers first came (views, valid until the next add). */
    view() {
        return { values: this.values.subarray(0, this.size), counts: this.counts.subarray(0, this.size), size: this.size };
    }
    /** [number, count] pairs in the order the numbers first came. */
    entries() {
        const out = [];
        for (let i = 0; i < this.size; i++)
            out.push([this.values[i], this.counts[i]]);
        return out;
    }
}

// EXTERNAL MODULE: ./src/stats/moments.ts
var moments = __webpack_require__(6974);
// EXTERNAL MODULE: ./src/stats/quantile-sketch.ts + 1 modules
var quantile_sketch = __webpack_require__(3755);
;// CONCATENATED MODULE: ./src/data/profile.ts




const PROFILE_FORMAT = 'mlops-actions/profile';
const PROFILE_VERSION = 1;
/** Distinct numbers counted exactly for a numeric column's top values before it counts as continuous. */
const NUMERIC_TOP_CAP = 1_000;
const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const HISTOGRAM_BINS = 20;
/** Counts of a numeric column's numbers, or null when there are more than NUMERIC_TOP_CAP of them. */
function numberCounts(entries) {
    const counts = new NumberCounts(NUMERIC_TOP_CAP);
    for (const [value, n] of entries)
        if (!counts.add(value, n, (0,distinct_sketch/* hashNumber */.YR)(value)))
            return null;
    return counts;
}
function profileKind(type) {
    switch (type) {
        case 'integer':
        case 'number':
        case 'timestamp':
            return 'numeric';
        case 'category':
        case 'boolean':
            return 'categorical';
        case 'string':
            return 'text';
    }
}
class ColumnProfile {
    name;
    type;
    count = 0;
    nulls = 0;
    invalid = 0;
    moments = (0,moments/* emptyMoments */.rC)();
    /** Numeric columns: every value, except those still only in numericTop (see quantiles). */
    sketch;
    /** True while numericTop's counts are not in the sketch: values go to numericTop alone. */
    countsOutsideSketch;
    distinct;
    frequencies;
    /** Exact counts of each number while there are few distinct ones; null once there are too many. */
    numericTop;
    /** See forDriftOnly. */
    driftOnly = false;
    constructor(name, type, state) {
        this.name = name;
        this.type = type;
        const kind = profileKind(type);
        this.sketch = kind === 'numeric' ? (state?.quantiles ? quantile_sketch/* QuantileSketch */.w.fromJSON(state.quantiles) : new quantile_sketch/* QuantileSketch */.w()) : undefined;
        this.distinct = state ? distinct_sketch/* DistinctCounter */.$A.fromJSON(state.distinct) : new distinct_sketch/* DistinctCounter */.$A();
        this.frequencies =
            kind === 'numeric' || state?.frequencies === null ? undefined : state?.frequencies ? FrequencyTable.fromJSON(state.frequencies) : new FrequencyTable();
        this.numericTop = kind === 'numeric' && state?.numericTop !== null ? numberCounts(state?.numericTop ?? []) : null;
        // A saved sketch holds every value already.
        this.countsOutsideSketch = this.numericTop !== null && !state?.quantiles;
        if (state) {
            this.count = state.count;
            this.nulls = state.nulls;
            this.invalid = state.invalid;
            if (state.moments)
                Object.assign(this.moments, state.moments);
        }
    }
    get kind() {
        return profileKind(this.type);
    }
    /**
     * The quantile sketch of a numeric column. While a column has few distinct numbers they are
     * only counted (numericTop), which costs less than sorting every value into the sketch; the
     * counts go into the sketch (addCounts, exactly) when it is first asked for or when the numbers
     * overflow the counts, and from then on every value goes to both.
     */
    get quantiles() {
        if (this.countsOutsideSketch)
            this.countsIntoSketch();
        return this.sketch;
    }
    countsIntoSketch() {
        this.countsOutsideSketch = false;
        if (this.numericTop === null)
            return;
        const { values, counts, size } = this.numericTop.view();
        this.sketch.addCounts(values, counts, size);
    }
    /**
     * For drift alone (see ScanOptions.profile): numbers go to the moments, the quantile sketch and
     * the exact counts while few; the distinct count is not kept (it stays 0).
     */
    forDriftOnly() {
        this.driftOnly = true;
    }
    /**
     * Numeric values (numbers, and timestamps as epoch milliseconds): values[0, count), finite. They
     * come a batch at a time, so each statistic runs its own tight loop over them.
     */
    addNumbers(values, count) {
        if (count <= 0)
            return;
        this.count += count;
        (0,moments/* addValues */.ml)(this.moments, values, count);
        // values[0, rest) went into the exact counts; the rest are past their cap (or there are none).
        let rest = 0;
        // values[sketchFrom, count) go into the sketch: all of them once the counts are in it.
        let sketchFrom = 0;
        const top = this.numericTop;
        if (top !== null) {
            const distinct = this.driftOnly ? undefined : this.distinct;
            for (; rest < count; rest++) {
                const x = values[rest];
                const hash = (0,distinct_sketch/* hashNumber */.YR)(x);
                const added = top.add(x, 1, hash);
                if (added === 0)
                    break;
                // Every number the exact counts hold is in the distinct counter already: only a new one goes in.
                if (added === 2)
                    distinct?.addHash(hash);
            }
            sketchFrom = this.countsOutsideSketch ? rest : 0;
            if (rest < count) {
                if (this.countsOutsideSketch)
                    this.countsIntoSketch();
                this.numericTop = null;
            }
        }
        if (!this.driftOnly) {
            const distinct = this.distinct;
            for (let i = rest; i < count; i++)
                distinct.addHash((0,distinct_sketch/* hashNumber */.YR)(values[i]));
        }
        if (sketchFrom < count)
            this.sketch.addBatch(sketchFrom === 0 ? values : values.subarray(sketchFrom), count - sketchFrom);
    }
    /** A categorical or text value, with its hash (see hashString / hashBytes). */
    addKey(key, hash) {
        this.count++;
        this.distinct.addHash(hash);
        const frequencies = this.frequencies;
        if (frequencies === undefined)
            return;
        frequencies.add(key, 1, hash);
        // Free text with more distinct values than the table holds (ids, comments): its "top values"
        // say nothing, and tracking them would cost more than the rest of the column's profile.
        if (!frequencies.exact && this.kind === 'text')
            this.frequencies = undefined;
    }
    /**
     * `n` occurrences of one value: the same as n calls of addKey while the value is in the
     * top-values table or the table has room for it (a new value never starts a purge then), as for a
     * boolean column, whose two values never fill it.
     */
    addKeys(key, hash, n) {
        if (n <= 0)
            return;
        this.count += n;
        // Adding a hash to the distinct counter once or n times leaves it the same.
        this.distinct.addHash(hash);
        this.frequencies?.add(key, n, hash);
    }
    /**
     * Counts a categorical or text value (`n` of it) by its hash alone when no text is needed for it (its key is
     * already in the top-values table, or the column keeps none) and says so; false, with nothing
     * counted, when the caller must call addKey with the text.
     */
    addKnownKey(hash, n = 1) {
        const frequencies = this.frequencies;
        this.count += n;
        // A key in the top-values table went into the distinct counter when it was added (addKey).
        if (frequencies === undefined)
            this.distinct.addHash(hash);
        else if (!frequencies.increment(hash, n)) {
            this.count -= n;
            return false;
        }
        return true;
    }
    addNull() {
        this.nulls++;
    }
    /** A value counted and nothing more (a column drift does not compare, in a profile for drift alone). */
    addUnprofiled() {
        this.count++;
    }
    addInvalid() {
        this.invalid++;
    }
    merge(other) {
        this.count += other.count;
        this.nulls += other.nulls;
        this.invalid += other.invalid;
        Object.assign(this.moments, (0,moments/* mergeMoments */.iQ)(this.moments, other.moments));
        if (this.quantiles && other.quantiles)
            this.quantiles.merge(other.quantiles);
        this.distinct.merge(other.distinct);
        if (this.frequencies && other.frequencies)
            this.frequencies.merge(other.frequencies);
        else if (this.kind === 'text')
            this.frequencies = undefined;
        // As in addKey: free text whose distinct values overflow the table keeps no top values.
        if (this.kind === 'text' && this.frequencies && !this.frequencies.exact)
            this.frequencies = undefined;
        if (this.numericTop && other.numericTop) {
            for (const [value, n] of other.numericTop.entries()) {
                if (!this.numericTop.add(value, n, (0,distinct_sketch/* hashNumber */.YR)(value))) {
                    this.numericTop = null;
                    break;
                }
            }
        }
        else {
            this.numericTop = null;
        }
    }
    toJSON() {
        return {
            name: this.name,
            type: this.type,
            kind: this.kind,
            count: this.count,
            nulls: this.nulls,
            invalid: this.invalid,
            moments: this.kind === 'numeric' ? { ...this.moments } : undefined,
            quantiles: this.quantiles?.toJSON(),
            numericTop: this.kind === 'numeric' ? (this.numericTop?.entries() ?? null) : undefined,
            distinct: this.distinct.toJSON(),
            frequencies: this.kind === 'numeric' ? undefined : (this.frequencies?.toJSON() ?? null),
        };
    }
    static fromJSON(state) {
        return new ColumnProfile(state.name, state.type, state);
    }
    /** Plain numbers for reports. */
    describe(topN = 10) {
        const numeric = this.kind === 'numeric' && this.count > 0;
        const sketch = this.quantiles;
        const top = this.frequencies
            ? this.frequencies.top(topN).map(({ key, count }) => ({ value: key, count }))
            : this.numericTop
                ? this.numericTop
                    .entries()
                    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
                    .slice(0, topN)
                    .map(([value, count]) => ({ value: this.type === 'timestamp' ? formatTimestamp(value) : value, count }))
                : [];
        return {
            name: this.name,
            type: this.type,
            count: this.count,
            nulls: this.nulls,
            nullFraction: this.count + this.nulls + this.invalid === 0 ? 0 : this.nulls / (this.count + this.nulls + this.invalid),
            invalid: this.invalid,
            distinct: Math.round(this.distinct.estimate()),
            distinctError: this.distinct.relativeError(),
            min: numeric ? this.moments.min : undefined,
            max: numeric ? this.moments.max : undefined,
            mean: numeric ? this.moments.mean : undefined,
            std: numeric ? (0,moments/* variance */.GV)(this.moments) ** 0.5 : undefined,
            quantiles: numeric && sketch ? Object.fromEntries(QUANTILES.map((q) => [`p${Math.round(q * 100)}`, sketch.quantile(q)])) : undefined,
            quantileRankError: sketch?.rankError(),
            top,
            topCountError: this.frequencies?.maxError,
            histogram: numeric && sketch ? histogram(sketch, this.moments.min, this.moments.max) : undefined,
        };
    }
}
/** Equal-width bins between min and max, counted from the sketch (exact when the sketch is). */
function histogram(sketch, min, max, bins = HISTOGRAM_BINS) {
    const width = max > min ? (max - min) / bins : 1;
    const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
    const counts = new Array(bins).fill(0);
    const { values, weights } = sketch.weightedValues();
    for (let i = 0; i < values.length; i++) {
        const b = Math.min(bins - 1, Math.max(0, Math.floor((values[i] - min) / width)));
        counts[b] += weights[i];
    }
    return { edges, counts };
}
class DatasetProfile {
    rows = 0;
    files = [];
    columns = new Map();
    column(name, type) {
        let profile = this.columns.get(name);
        if (!profile) {
            profile = new ColumnProfile(name, type);
            this.columns.set(name, profile);
        }
        return profile;
    }
    merge(other) {
        this.rows += other.rows;
        this.files.push(...other.files);
        for (const [name, column] of other.columns) {
            const mine = this.columns.get(name);
            if (mine)
                mine.merge(column);
            else
                this.columns.set(name, ColumnProfile.fromJSON(column.toJSON()));
        }
    }
    toJSON() {
        return { format: PROFILE_FORMAT, version: PROFILE_VERSION, rows: this.rows, files: this.files, columns: [...this.columns.values()].map((c) => c.toJSON()) };
    }
    static fromJSON(state) {
        const profile = new DatasetProfile();
        profile.rows = state.rows;
        profile.files.push(...state.files);
        for (const c of state.columns)
            profile.columns.set(c.name, ColumnProfile.fromJSON(c));
        return profile;
    }
}
/** A date alone when the time is midnight UTC, else the full ISO 8601 time. */
function formatTimestamp(ms) {
    const iso = new Date(ms).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}


/***/ }),

/***/ 8380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ DistinctCounter),
/* harmony export */   YR: () => (/* binding */ hashNumber),
/* harmony export */   YZ: () => (/* binding */ hashString),
/* harmony export */   yi: () => (/* binding */ hashBytes)
/* harmony export */ });
/**
 * Distinct counts of a column: exact up to a cap of distinct values (10,000 by default), then a
 * HyperLogLog sketch (2^14 registers by default) read with Ertl's improved estimator ("New
 * cardinality estimation algorithms for HyperLogLog sketches", 2017), which needs no bias tables and
 * keeps its accuracy from small to huge counts.
 *
 * Values are identified by a 53-bit hash: the low 32 bits are MurmurHash3 (x86, 32-bit) of the
 * value's UTF-8 bytes with seed 0, the high 21 bits the top bits of the same hash with seed
 * 0x9747b28c, both computed in one pass. Below the cap the counter keeps the set of hashes: with 53
 * bits, two of 10,000 distinct values collide with probability about 10,000²/2^54 ≈ 6·10^-9, so
 * the count is exact in practice and the values themselves need not be kept. The HyperLogLog
 * register index is the top `precision` bits of the low word and the rank is taken from the other
 * 53 - precision bits.
 */
const SEED_LOW = 0;
const SEED_HIGH = 0x9747b28c;
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const TWO_POW_32 = 4294967296;
/** The 53-bit hash of buf[start, end): the same number as hashString for the string those UTF-8 bytes encode. */
function hashBytes(buf, start, end) {
    let h1 = SEED_LOW;
    let h2 = SEED_HIGH;
    const length = end - start;
    const blocksEnd = start + (length & ~3);
    let i = start;
    for (; i < blocksEnd; i += 4) {
        let k = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
        k = Math.imul(k, C1);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, C2);
        h1 ^= k;
        h1 = (h1 << 13) | (h1 >>> 19);
        h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
        h2 ^= k;
        h2 = (h2 << 13) | (h2 >>> 19);
        h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
    }
    const tail = length & 3;
    if (tail !== 0) {
        let k = 0;
        if (tail === 3)
            k ^= buf[i + 2] << 16;
        if (tail >= 2)
            k ^= buf[i + 1] << 8;
        k ^= buf[i];
        k = Math.imul(k, C1);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, C2);
        h1 ^= k;
        h2 ^= k;
    }
    return finish(h1, h2, length);
}
function finish(h1, h2, length) {
    return (fmix32(h2 ^ length) >>> 11) * TWO_POW_32 + fmix32(h1 ^ length);
}
function fmix32(x) {
    let h = x;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/**
 * A 53-bit hash of a number's bits (the width hashString and hashBytes give, which the distinct
 * counter expects), equal for equal numbers (0 and -0 included).
 */
function hashNumber(x) {
    f64[0] = x === 0 ? 0 : x;
    const lo = u32[0];
    const hi = u32[1];
    let a = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    a ^= a >>> 13;
    a = Math.imul(a, 0xc2b2ae35);
    a ^= a >>> 16;
    let b = Math.imul(hi ^ Math.imul(lo, 0x85ebca6b), 0x27d4eb2f);
    b ^= b >>> 15;
    b = Math.imul(b, 0x165667b1);
    b ^= b >>> 13;
    return (b >>> 11) * 4294967296 + (a >>> 0);
}
let scratch = new Uint8Array(256);
const encoder = new TextEncoder();
/** The 53-bit hash of a string's UTF-8 bytes (a lone surrogate counts as U+FFFD, as TextEncoder writes it). */
function hashString(s) {
    const length = s.length;
    let h1 = SEED_LOW;
    let h2 = SEED_HIGH;
    const blocksEnd = length & ~3;
    let i = 0;
    // ASCII: one byte per code unit, read straight from the string.
    for (; i < blocksEnd; i += 4) {
        const c0 = s.charCodeAt(i);
        const c1 = s.charCodeAt(i + 1);
        const c2 = s.charCodeAt(i + 2);
        const c3 = s.charCodeAt(i + 3);
        if ((c0 | c1 | c2 | c3) > 0x7f)
            return hashNonAscii(s);
        let k = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
        k = Math.imul(k, C1);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, C2);
        h1 ^= k;
        h1 = (h1 << 13) | (h1 >>> 19);
        h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
        h2 ^= k;
        h2 = (h2 << 13) | (h2 >>> 19);
        h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
    }
    const tail = length & 3;
    if (tail !== 0) {
        const c0 = s.charCodeAt(i);
        const c1 = tail >= 2 ? s.charCodeAt(i + 1) : 0;
        const c2 = tail === 3 ? s.charCodeAt(i + 2) : 0;
        if ((c0 | c1 | c2) > 0x7f)
            return hashNonAscii(s);
        let k = c0 | (c1 << 8) | (c2 << 16);
        k = Math.imul(k, C1);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, C2);
        h1 ^= k;
        h2 ^= k;
    }
    return finish(h1, h2, length);
}
function hashNonAscii(s) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (scratch.length < 3 * s.length)
        scratch = new Uint8Array(Math.max(3 * s.length, 2 * scratch.length));
    const { written } = encoder.encodeInto(s, scratch);
    return hashBytes(scratch, 0, written);
}
// ---------------------------------------------------------------------------------------------
const DEFAULT_EXACT_CAP = 10_000;
const DEFAULT_PRECISION = 14;
const HASH_BITS = 53;
const EMPTY = 0;
class DistinctCounter {
    exactCap;
    precision;
    isExact;
    /** Open addressing set of hash + 1 (0 marks an empty slot). */
    table;
    tableMask;
    tableSize;
    registers;
    rankShift;
    lowMask;
    constructor(exactCap = DEFAULT_EXACT_CAP, precision = DEFAULT_PRECISION) {
        if (!Number.isInteger(precision) || precision < 4 || precision > 18)
            throw new RangeError(`DistinctCounter: precision must be an integer in [4, 18], got ${precision}`);
        if (!Number.isInteger(exactCap) || exactCap < 0)
            throw new RangeError(`DistinctCounter: exactCap must be a non-negative integer, got ${exactCap}`);
        this.exactCap = exactCap;
        this.precision = precision;
        this.isExact = true;
        this.table = new Float64Array(64);
        this.tableMask = 63;
        this.tableSize = 0;
        this.registers = new Uint8Array(0);
        this.rankShift = 32 - precision;
        this.lowMask = (1 << (32 - precision)) - 1;
    }
    /** Counts a value by its hash (hashBytes / hashString). `key` is not needed: see the top of this file. */
    addHash(h, _key) {
        if (this.isExact) {
            this.insertExact(h);
            return;
        }
        this.addToRegisters(h);
    }
    insertExact(h) {
        const stored = h + 1;
        const mask = this.tableMask;
        const table = this.table;
        let slot = (h >>> 0) & mask;
        for (;;) {
            const current = table[slot];
            if (current === stored)
                return;
            if (current === EMPTY)
                break;
            slot = (slot + 1) & mask;
        }
        table[slot] = stored;
        this.tableSize++;
        if (this.tableSize > this.exactCap)
            this.convertToSketch();
        else if (2 * this.tableSize > this.table.length)
            this.growTable();
    }
    addToRegisters(h) {
        const low = h >>> 0;
        const high = (h - low) / TWO_POW_32;
        const index = low >>> this.rankShift;
        let rank;
        if (high !== 0) {
            rank = Math.clz32(high) - 10;
        }
        else {
            const rest = low & this.lowMask;
            rank = rest !== 0 ? 21 + Math.clz32(rest) - this.precision + 1 : HASH_BITS - this.precision + 1;
        }
        if (rank > this.registers[index])
            this.registers[index] = rank;
    }
    growTable() {
        const old = this.table;
        this.table = new Float64Array(old.length * 2);
        this.tableMask = this.table.length - 1;
        for (let i = 0; i < old.length; i++) {
            const stored = old[i];
            if (stored === EMPTY)
                continue;
            let slot = ((stored - 1) >>> 0) & this.tableMask;
            while (this.table[slot] !== EMPTY)
                slot = (slot + 1) & this.tableMask;
            this.table[slot] = stored;
        }
    }
    convertToSketch() {
        this.isExact = false;
        this.registers = new Uint8Array(1 << this.precision);
        const old = this.table;
        for (let i = 0; i < old.length; i++)
            if (old[i] !== EMPTY)
                this.addToRegisters(old[i] - 1);
        this.table = new Float64Array(0);
        this.tableMask = 0;
        this.tableSize = 0;
    }
    /** Adds the values counted by `other` (left unchanged); both must have the same precision. */
    merge(other) {
        if (other.precision !== this.precision)
            throw new RangeError(`DistinctCounter.merge: precision ${other.precision} differs from ${this.precision}`);
        if (other === this)
            return;
        if (other.isExact) {
            const table = other.table;
            for (let i = 0; i < table.length; i++)
                if (table[i] !== EMPTY)
                    this.addHash(table[i] - 1);
            return;
        }
        if (this.isExact)
            this.convertToSketch();
        const mine = this.registers;
        const theirs = other.registers;
        for (let i = 0; i < mine.length; i++)
            if (theirs[i] > mine[i])
                mine[i] = theirs[i];
    }
    /** The number of distinct values: exact below the cap, else the HyperLogLog estimate. */
    estimate() {
        if (this.isExact)
            return this.tableSize;
        const m = this.registers.length;
        const q = HASH_BITS - this.precision;
        const histogram = new Float64Array(q + 2);
        for (let i = 0; i < m; i++)
            histogram[this.registers[i]]++;
        let z = m * tau(1 - histogram[q + 1] / m);
        for (let k = q; k >= 1; k--)
            z = 0.5 * (z + histogram[k]);
        z += m * sigma(histogram[0] / m);
        return (m * m) / (2 * Math.LN2 * z);
    }
    get exact() {
        return this.isExact;
    }
    /** The relative standard error of estimate(): 1.04/sqrt(2^precision) once sketched (0.81% at 14), 0 while exact. */
    relativeError() {
        return this.isExact ? 0 : 1.04 / Math.sqrt(1 << this.precision);
    }
    toJSON() {
        if (this.isExact) {
            const hashes = [];
            for (let i = 0; i < this.table.length; i++)
                if (this.table[i] !== EMPTY)
                    hashes.push(this.table[i] - 1);
            hashes.sort((a, b) => a - b);
            return { version: 1, exactCap: this.exactCap, precision: this.precision, exact: true, hashes };
        }
        let binary = '';
        for (let i = 0; i < this.registers.length; i++)
            binary += String.fromCharCode(this.registers[i]);
        return { version: 1, exactCap: this.exactCap, precision: this.precision, exact: false, registers: btoa(binary) };
    }
    static fromJSON(state) {
        if (state.version !== 1)
            throw new Error(`DistinctCounter: unsupported state version ${String(state.version)}`);
        const counter = new DistinctCounter(state.exactCap, state.precision);
        if (state.exact) {
            for (const h of state.hashes ?? [])
                counter.addHash(h);
            return counter;
        }
        const binary = atob(state.registers ?? '');
        if (binary.length !== 1 << state.precision)
            throw new Error(`DistinctCounter: ${binary.length} registers in the state, expected ${1 << state.precision}`);
        counter.isExact = false;
        counter.table = new Float64Array(0);
        counter.registers = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++)
            counter.registers[i] = binary.charCodeAt(i);
        return counter;
    }
}
/** Ertl's σ(x) = x + Σ_{k>=1} x^(2^k)·2^(k-1), for the registers still at 0. */
function sigma(x) {
    if (x === 1)
        return Infinity;
    let power = x;
    let y = 1;
    let z = x;
    for (;;) {
        power *= power;
        const previous = z;
        z += power * y;
        y += y;
        if (z === previous)
            return z;
    }
}
/** Ertl's τ(x), for registers at the maximum rank. */
function tau(x) {
    if (x === 0 || x === 1)
        return 0;
    let root = x;
    let y = 1;
    let z = 1 - x;
    for (;;) {
        root = Math.sqrt(root);
        const previous = z;
        y *= 0.5;
        z -= (1 - root) ** 2 * y;
        if (z === previous)
            return z / 3;
    }
}


/***/ }),

/***/ 6974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GV: () => (/* binding */ variance),
/* harmony export */   iQ: () => (/* binding */ mergeMoments),
/* harmony export */   ml: () => (/* binding */ addValues),
/* harmony export */   rC: () => (/* binding */ emptyMoments)
/* harmony export */ });
function emptyMoments() {
    return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, sum: 0, origin: 0, meanFromOrigin: 0 };
}
/** Adds values[0, count): finite numbers (the caller skips nulls and NaN), as if one at a time. */
function addValues(m, values, count) {
    if (count <= 0)
        return;
    if (m.count === 0 || m.origin === undefined)
        startFrom(m, values[0]);
    const state = scratch;
    state[0] = m.meanFromOrigin;
    state[1] = m.m2;
    state[2] = m.sum;
    state[3] = m.min;
    state[4] = m.max;
    for (let from = 0; from < count; from += WELFORD_CHUNK)
        welford(values, from, Math.min(count, from + WELFORD_CHUNK), m.origin, m.count + from, state);
    m.count += count;
    m.meanFromOrigin = state[0];
    m.mean = m.origin + state[0];
    m.m2 = state[1];
    m.sum = state[2];
    m.min = state[3];
    m.max = state[4];
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
function welford(values, from, to, origin, n0, state) {
    let n = n0;
    let meanY = state[0];
    let m2 = state[1];
    let sum = state[2];
    let min = state[3];
    let max = state[4];
    for (let i = from; i < to; i++) {
        const x = values[i];
        const y = x - origin;
        const delta = y - meanY;
        n++;
        meanY += delta / n;
        m2 += delta * (y - meanY);
        sum += x;
        if (x < min)
            min = x;
        if (x > max)
            max = x;
    }
    state[0] = meanY;
    state[1] = m2;
    state[2] = sum;
    state[3] = min;
    state[4] = max;
}
function startFrom(m, first) {
    m.origin = m.count === 0 ? first : m.mean;
    m.meanFromOrigin = m.count === 0 ? 0 : m.mean - m.origin;
}
/** A new summary of the values of both; neither argument is changed. */
function mergeMoments(a, b) {
    if (b.count === 0)
        return { ...a };
    if (a.count === 0)
        return { ...b };
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
function variance(m, ddof = 1) {
    if (m.count <= ddof)
        return NaN;
    return m.m2 / (m.count - ddof);
}


/***/ }),

/***/ 3755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ QuantileSketch),
  r: () => (/* binding */ upperBound)
});

;// CONCATENATED MODULE: ./src/stats/sort-float64.ts
/**
 * `sortFloat64(values)`: sorts a Float64Array in place into exactly the order of
 * `Float64Array.prototype.sort()` (ascending, -0 before +0, NaN last): on Node 20, 2.3 times as fast
 * as the native sort at 2,048 random doubles and 4.4 times at 65,536 (5 to 7 times on whole numbers).
 *
 * Method: an LSD radix sort on the IEEE-754 bits, read through a Uint32Array view of the same
 * buffer, in six passes of 11, 11 and 10 bits per 32-bit word (low word first). Unsigned order of
 * the bits is the order of the non-negative values; the sign is handled in the last pass (see
 * `topPass`). Before the passes one read of the data counts all six digits; a pass whose digit is
 * the same for every value is skipped, which drops the low passes for integer-valued data. The
 * values move as whole doubles, so their bits are never reinterpreted.
 *
 * Memory: one scratch array as long as the longest array sorted so far, kept for reuse (512 KiB
 * after a 65,536-value sort), and 52 KiB of counters. Short arrays, and big-endian machines, use
 * the native sort.
 */
/** Below this length the native sort is as fast: the six histograms cost more than they save. */
const MIN_RADIX_LENGTH = 512;
const BUCKETS = 2048; // 11-bit digits
const DIGITS = 6;
/** Offset in `counts` of the top pass's per-bucket step (+1 or -1), kept in the same array. */
const STEP = DIGITS * BUCKETS;
/** Top digit (sign and the 9 highest exponent bits): 512 and above are negative values. */
const NEGATIVE = 512;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const counts = new Int32Array(STEP + 1024);
let scratch = new Float64Array(0);
let scratchWords = new Uint32Array(0);
/** Sorts `values` in place like `values.sort()` and returns it. */
function sortFloat64(values) {
    const n = values.length;
    if (n < MIN_RADIX_LENGTH || !LITTLE_ENDIAN)
        return values.sort();
    const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
    countDigits(words, n);
    // NaN has all exponent bits set, so its top digit is 511 or 1023 (shared only with ±Infinity and
    // values of magnitude >= 2^1021): look for NaN only then, sort the rest and put NaN last.
    if (counts[5 * BUCKETS + 511] + counts[5 * BUCKETS + 1023] > 0) {
        let kept = 0;
        for (let i = 0; i < n; i++) {
            const x = values[i];
            if (x === x)
                values[kept++] = x;
        }
        if (kept < n) {
            sortFloat64(values.subarray(0, kept));
            return values.fill(NaN, kept);
        }
    }
    if (scratch.length < n) {
        scratch = new Float64Array(n);
        scratchWords = new Uint32Array(scratch.buffer);
    }
    let source = values;
    let sourceWords = words;
    let target = scratch;
    let targetWords = scratchWords;
    for (let digit = 0; digit < DIGITS; digit++) {
        const word = digit < 3 ? 0 : 1;
        const shift = (digit % 3) * 11;
        const mask = shift === 22 ? 0x3ff : 0x7ff;
        // The digit of the first value: if every value has it, this pass would not move anything.
        const first = (words[word] >>> shift) & mask;
        const everyValue = counts[digit * BUCKETS + first] === n;
        if (digit < DIGITS - 1) {
            if (everyValue)
                continue;
            pass(source, sourceWords, target, n, digit * BUCKETS, word, shift, mask);
        }
        else {
            // All negative still needs the pass: it reverses them.
            if (everyValue && first < NEGATIVE)
                continue;
            topPass(source, sourceWords, target, n);
        }
        [source, target] = [target, source];
        [sourceWords, targetWords] = [targetWords, sourceWords];
    }
    if (source !== values)
        values.set(source.subarray(0, n));
    return values;
}
/** Histograms of all six digits in one read of the data. */
function countDigits(words, n) {
    const c = counts;
    c.fill(0, 0, STEP);
    for (let j = 0; j < 2 * n; j += 2) {
        const lo = words[j];
        const hi = words[j + 1];
        c[lo & 0x7ff]++;
        c[BUCKETS + ((lo >>> 11) & 0x7ff)]++;
        c[2 * BUCKETS + (lo >>> 22)]++;
        c[3 * BUCKETS + (hi & 0x7ff)]++;
        c[4 * BUCKETS + ((hi >>> 11) & 0x7ff)]++;
        c[5 * BUCKETS + (hi >>> 22)]++;
    }
}
/**
 * One stable counting pass on the digit (words[2i + word] >>> shift) & mask. Unrolled by four: V8
 * reloads a typed array's length and data pointer after every store to another typed array, and
 * the unrolled body shares those loads (about 4 instead of 9 ns per value and pass).
 */
function pass(source, words, target, n, base, word, shift, mask) {
    const c = counts;
    let sum = 0;
    for (let b = base; b <= base + mask; b++) {
        const k = c[b];
        c[b] = sum;
        sum += k;
    }
    let i = 0;
    for (; i + 3 < n; i += 4) {
        const j = 2 * i + word;
        const b0 = base + ((words[j] >>> shift) & mask);
        const b1 = base + ((words[j + 2] >>> shift) & mask);
        const b2 = base + ((words[j + 4] >>> shift) & mask);
        const b3 = base + ((words[j + 6] >>> shift) & mask);
        const v0 = source[i];
        const v1 = source[i + 1];
        const v2 = source[i + 2];
        const v3 = source[i + 3];
        target[c[b0]++] = v0;
        target[c[b1]++] = v1;
        target[c[b2]++] = v2;
        target[c[b3]++] = v3;
    }
    for (; i < n; i++)
        target[c[base + ((words[2 * i + word] >>> shift) & mask)]++] = source[i];
}
/**
 * The last pass, on the top 10 bits (sign and 9 exponent bits). The lower passes left the values in
 * ascending order of their bits, which is ascending magnitude for negative values too. So the
 * negative buckets come first, the largest bits (most negative) first, and each fills from its end
 * down, which reverses its values into ascending order; -0 (the smallest negative bits) lands last
 * among the negatives, right before +0. The non-negative buckets follow in ascending order.
 */
function topPass(source, words, target, n) {
    const c = counts;
    const base = 5 * BUCKETS;
    let sum = 0;
    for (let b = 1023; b >= NEGATIVE; b--) {
        sum += c[base + b];
        c[base + b] = sum - 1;
        c[STEP + b] = -1;
    }
    for (let b = 0; b < NEGATIVE; b++) {
        const k = c[base + b];
        c[base + b] = sum;
        c[STEP + b] = 1;
        sum += k;
    }
    let i = 0;
    for (; i + 3 < n; i += 4) {
        const j = 2 * i + 1;
        const b0 = words[j] >>> 22;
        const b1 = words[j + 2] >>> 22;
        const b2 = words[j + 4] >>> 22;
        const b3 = words[j + 6] >>> 22;
        const v0 = source[i];
        const v1 = source[i + 1];
        const v2 = source[i + 2];
        const v3 = source[i + 3];
        let p = c[base + b0];
        c[base + b0] = p + c[STEP + b0];
        target[p] = v0;
        p = c[base + b1];
        c[base + b1] = p + c[STEP + b1];
        target[p] = v1;
        p = c[base + b2];
        c[base + b2] = p + c[STEP + b2];
        target[p] = v2;
        p = c[base + b3];
        c[base + b3] = p + c[STEP + b3];
        target[p] = v3;
    }
    for (; i < n; i++) {
        const b = words[2 * i + 1] >>> 22;
        const p = c[base + b];
        c[base + b] = p + c[STEP + b];
        target[p] = source[i];
    }
}

;// CONCATENATED MODULE: ./src/stats/quantile-sketch.ts
/**
 * A mergeable quantile sketch of a numeric column: the KLL sketch of Karnin, Lang and Liberty
 * ("Optimal Quantile Approximation in Streams", FOCS 2016) with the lazy compaction schedule of
 * Apache DataSketches, after an exact phase.
 *
 * Exact phase. Up to `50·k` values (10,000 at the default k = 200) every value is kept, so small
 * columns get exact quantiles (equal to numpy's), an exact ECDF and exact KS statistics. The next
 * value turns the sketch into a KLL sketch that holds about 3·k values whatever the count.
 *
 * Sketch phase. Level h holds values that each stand for 2^h original values. When the levels hold
 * as many values as their capacities add up to, the lowest level at or above its capacity is sorted
 * and every other value, starting at a random offset, moves up one level with twice the weight.
 * Such a compaction of weight w changes the number of values <= x by 0 or ±w, for every x, with mean
 * 0. The sequence of compaction weights does not depend on the coin flips, so the rank error at any
 * x is a martingale with increments bounded by those weights; Azuma's inequality with a union bound
 * over the n values the estimated ECDF can step at gives
 *
 *     P( sup_x |rank error(x)| > S·sqrt(2·ln(2(n+1)/δ)) ) <= δ,   S² = Σ w² over compactions,
 *
 * and `rankError()` reports that bound as a fraction of n for δ = 1%. The coin flips come from a
 * seeded generator, so the same values in the same order give the same sketch on every run. Shards
 * should be built with different seeds (the shard index): merging sketches of one seed is still
 * correct, but their errors may be correlated, and the bound then adds them linearly instead of in
 * quadrature.
 */

const EXACT_CAPACITY_PER_K = 50;
/** The smallest capacity of a level; below it compactions cost more than they save. */
const MIN_LEVEL_CAPACITY = 8;
const LEVEL_SHRINK = 2 / 3;
/** The probability that the sup-norm rank error exceeds `rankError()`. */
const RANK_ERROR_FAILURE_PROBABILITY = 0.01;
const DEFAULT_K = 200;
const DEFAULT_SEED = 0x2545f491;
class QuantileSketch {
    k;
    seed;
    exactCapacity;
    rngState;
    n;
    lo;
    hi;
    isExact;
    errorScale;
    /** levels[0] is level0; sizes[h] values of levels[h] are in use. */
    levels;
    sizes;
    capacities;
    totalCapacity;
    level0;
    n0;
    /** add() calls makeRoom() when n0 reaches this. */
    limit0;
    /** Sorted values and weights of the retained values, valid while cacheCount === n. */
    cacheCount;
    cacheValues;
    cacheWeights;
    /** cacheCumulative[i] = total weight of cacheValues[0..i]. */
    cacheCumulative;
    constructor(k = DEFAULT_K, seed = DEFAULT_SEED) {
        if (!Number.isInteger(k) || k < MIN_LEVEL_CAPACITY)
            throw new RangeError(`QuantileSketch: k must be an integer >= ${MIN_LEVEL_CAPACITY}, got ${k}`);
        this.k = k;
        this.seed = seed >>> 0;
        this.exactCapacity = EXACT_CAPACITY_PER_K * k;
        this.rngState = seedState(this.seed);
        this.n = 0;
        this.lo = Infinity;
        this.hi = -Infinity;
        this.isExact = true;
        this.errorScale = 0;
        this.level0 = new Float64Array(Math.min(256, this.exactCapacity));
        this.levels = [this.level0];
        this.sizes = [0];
        this.capacities = [];
        this.totalCapacity = 0;
        this.n0 = 0;
        this.limit0 = this.level0.length;
        this.cacheCount = -1;
        this.cacheValues = new Float64Array(0);
        this.cacheWeights = new Float64Array(0);
        this.cacheCumulative = new Float64Array(0);
    }
    /** Adds one value; the caller skips NaN. */
    add(x) {
        if (this.n0 === this.limit0)
            this.makeRoom();
        this.level0[this.n0++] = x;
        this.n++;
        if (x < this.lo)
            this.lo = x;
        if (x > this.hi)
            this.hi = x;
    }
    /**
     * Adds `count` values at once (they are not modified). In the sketch phase a copy of the batch is
     * sorted (by `sortFloat64`, in the native sort's order) and compacted down the levels in one go,
     * one random-offset compaction per level, which costs far less than adding them one by one; each
     * compaction is counted in the error bound like any other.
     */
    addBatch(values, count) {
        if (count <= 0)
            return;
        if (this.isExact && this.n + count <= this.exactCapacity) {
            for (let i = 0; i < count; i++)
                this.add(values[i]);
            return;
        }
        if (this.isExact) {
            this.sizes[0] = this.n0;
            this.convertToSketch();
        }
        const buf = sortFloat64(values.slice(0, count));
        if (buf[0] < this.lo)
            this.lo = buf[0];
        if (buf[count - 1] > this.hi)
            this.hi = buf[count - 1];
        this.n += count;
        let h = 0;
        let size = count;
        while (size > this.k) {
            const paired = size & ~1;
            const offset = this.nextBit();
            // The odd value out (the largest) stays at this level with its weight.
            if (paired < size)
                this.appendSorted(h, buf, size - 1, 1);
            // Every other value moves up, compacted in place: value i comes from offset + 2i >= i.
            const half = paired >> 1;
            for (let i = 0, j = offset; i < half; i++, j += 2)
                buf[i] = buf[j];
            this.errorScale = Math.hypot(this.errorScale, 2 ** h);
            size = half;
            h++;
        }
        this.appendSorted(h, buf, 0, size);
        this.compact();
        this.cacheCount = -1;
    }
    /**
     * Adds counts[i] copies of values[i], for i < size (each value at most once, in any order; the
     * counts are whole numbers). Past the exact phase a count goes in by its binary digits: its 2^h
     * part is one value at level h, which is exactly what such a value stands for, so nothing is lost
     * on the way in, and only the distinct values are sorted, not every copy. Compactions that follow
     * are counted in the error bound as usual.
     */
    addCounts(values, counts, size) {
        let total = 0;
        const present = [];
        for (let i = 0; i < size; i++) {
            const c = counts[i];
            if (!(Number.isInteger(c) && c >= 0))
                throw new RangeError(`addCounts: counts must be whole numbers >= 0, got ${c}`);
            if (c > 0)
                present.push(i);
            total += c;
        }
        if (total === 0)
            return;
        if (this.isExact && this.n + total <= this.exactCapacity) {
            for (const i of present)
                for (let c = counts[i]; c > 0; c--)
                    this.add(values[i]);
            return;
        }
        if (this.isExact) {
            this.sizes[0] = this.n0;
            this.convertToSketch();
        }
        present.sort((a, b) => values[a] - values[b]);
        const level = new Float64Array(present.length);
        for (let h = 0, weight = 1; weight <= total; h++, weight *= 2) {
            let m = 0;
            for (const i of present)
                if (Math.floor(counts[i] / weight) % 2 === 1)
                    level[m++] = values[i];
            if (m > 0)
                this.appendSorted(h, level, 0, m);
        }
        const lo = values[present[0]];
        const hi = values[present[present.length - 1]];
        if (lo < this.lo)
            this.lo = lo;
        if (hi > this.hi)
            this.hi = hi;
        this.n += total;
        this.compact();
        this.cacheCount = -1;
    }
    /** Appends sorted values buf[from, from + size) to level h (level 0 need not stay sorted). */
    appendSorted(h, buf, from, size) {
        this.sizes[0] = this.n0;
        this.appendToLevel(h, buf.subarray(from, from + size), size);
        this.n0 = this.sizes[0];
        this.level0 = this.levels[0];
    }
    get count() {
        return this.n;
    }
    /** The smallest value added (exact in both phases); NaN while empty. */
    get min() {
        return this.n === 0 ? NaN : this.lo;
    }
    get max() {
        return this.n === 0 ? NaN : this.hi;
    }
    /** True while every value is kept. */
    get exact() {
        return this.isExact;
    }
    /** Adds the values summarised by `other` (left unchanged). */
    merge(other) {
        if (other.n === 0)
            return;
        if (other === this)
            other = QuantileSketch.fromJSON(this.toJSON());
        this.sizes[0] = this.n0;
        if (this.isExact && other.isExact && this.n + other.n <= this.exactCapacity) {
            this.appendToLevel(0, other.level0, other.n0);
            this.n0 = this.sizes[0];
            this.level0 = this.levels[0];
            this.limit0 = this.level0.length;
        }
        else {
            if (this.isExact)
                this.convertToSketch();
            if (other.isExact) {
                for (let i = 0; i < other.n0; i++)
                    this.insertIntoLevels(other.level0[i]);
            }
            else {
                this.sizes[0] = this.n0;
                for (let h = 0; h < other.levels.length; h++) {
                    const size = h === 0 ? other.n0 : other.sizes[h];
                    if (size > 0)
                        this.appendToLevel(h, other.levels[h], size);
                }
                this.n0 = this.sizes[0];
                this.level0 = this.levels[0];
                // Sketches of one seed flipped the same coins: their errors may add up, so add the bounds.
                this.errorScale = this.seed === other.seed ? this.errorScale + other.errorScale : Math.hypot(this.errorScale, other.errorScale);
                // A fresh coin sequence from here on, independent of what either sketch flipped so far.
                this.rngState = seedState((this.rngState ^ Math.imul(other.rngState, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);
            }
            this.compact();
        }
        this.n += other.n;
        if (other.lo < this.lo)
            this.lo = other.lo;
        if (other.hi > this.hi)
            this.hi = other.hi;
    }
    /**
     * The q-quantile, q in [0, 1]. Exact phase: numpy's default ('linear') interpolation, equal to
     * `np.quantile`. Sketch phase: the smallest retained value whose estimated rank reaches q·count
     * (q = 0 and q = 1 give the exact min and max); its true rank is within `rankError()` of q.
     */
    quantile(q) {
        if (!(q >= 0 && q <= 1))
            throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
        if (this.n === 0)
            return NaN;
        this.refreshCache();
        const values = this.cacheValues;
        if (this.isExact) {
            const position = q * (this.n - 1);
            const below = Math.floor(position);
            if (below >= this.n - 1)
                return values[this.n - 1];
            return lerp(values[below], values[below + 1], position - below);
        }
        if (q === 0)
            return this.lo;
        if (q === 1)
            return this.hi;
        const target = q * this.n;
        const cumulative = this.cacheCumulative;
        let low = 0;
        let high = cumulative.length - 1;
        while (low < high) {
            const mid = (low + high) >>> 1;
            if (cumulative[mid] >= target)
                high = mid;
            else
                low = mid + 1;
        }
        return values[low];
    }
    /** The fraction of values <= x: the empirical CDF at x (estimated in the sketch phase). */
    rank(x) {
        if (this.n === 0)
            return NaN;
        this.refreshCache();
        const index = upperBound(this.cacheValues, x);
        return index === 0 ? 0 : this.cacheCumulative[index - 1] / this.n;
    }
    /** Sorted retained values and their weights (all 1 in the exact phase); weights add up to count. */
    weightedValues() {
        this.refreshCache();
        return { values: this.cacheValues.slice(), weights: this.cacheWeights.slice() };
    }
    /**
     * A bound on sup_x |estimated rank(x) - true rank(x)| as a fraction of count, holding with
     * probability at least 99% over the coin flips; 0 in the exact phase.
     */
    rankError() {
        if (this.isExact || this.n === 0)
            return 0;
        return (this.errorScale * Math.sqrt(2 * Math.log((2 * (this.n + 1)) / RANK_ERROR_FAILURE_PROBABILITY))) / this.n;
    }
    toJSON() {
        const levels = [];
        for (let h = 0; h < this.levels.length; h++) {
            const size = h === 0 ? this.n0 : this.sizes[h];
            levels.push(Array.from(this.levels[h].subarray(0, size)));
        }
        return {
            version: 1,
            k: this.k,
            seed: this.seed,
            rng: this.rngState,
            count: this.n,
            min: this.n === 0 ? null : this.lo,
            max: this.n === 0 ? null : this.hi,
            exact: this.isExact,
            errorScale: this.errorScale,
            levels,
        };
    }
    static fromJSON(state) {
        if (state.version !== 1)
            throw new Error(`QuantileSketch: unsupported state version ${String(state.version)}`);
        const sketch = new QuantileSketch(state.k, state.seed);
        sketch.rngState = state.rng >>> 0 || seedState(state.seed);
        sketch.n = state.count;
        sketch.lo = state.min ?? Infinity;
        sketch.hi = state.max ?? -Infinity;
        sketch.isExact = state.exact;
        sketch.errorScale = state.errorScale;
        sketch.levels = state.levels.map((values) => Float64Array.from(values.length === 0 ? [0] : values));
        sketch.sizes = state.levels.map((values) => values.length);
        if (sketch.levels.length === 0) {
            sketch.levels = [new Float64Array(1)];
            sketch.sizes = [0];
        }
        for (let h = 1; h < sketch.levels.length; h++)
            sketch.levels[h].subarray(0, sketch.sizes[h]).sort();
        sketch.level0 = sketch.levels[0];
        sketch.n0 = sketch.sizes[0];
        if (sketch.isExact) {
            sketch.limit0 = sketch.level0.length;
        }
        else {
            sketch.updateCapacities();
            sketch.updateLimit0();
        }
        return sketch;
    }
    /** Called by add() when level 0 has no free slot. */
    makeRoom() {
        if (this.isExact) {
            if (this.n0 < this.exactCapacity) {
                this.level0 = growTo(this.level0, this.n0, Math.min(this.exactCapacity, 2 * this.level0.length));
                this.levels[0] = this.level0;
                this.limit0 = this.level0.length;
                return;
            }
            this.convertToSketch();
        }
        this.compact();
    }
    /** Compacts until the retained values fit the capacities again, and sets how far level 0 may fill. */
    compact() {
        this.sizes[0] = this.n0;
        while (this.retainedCount() >= this.totalCapacity)
            this.compressOnce();
        this.updateLimit0();
    }
    /** Leaves the exact phase: the kept values go through the sketch as if they had just arrived. */
    convertToSketch() {
        const kept = this.level0.slice(0, this.n0);
        this.isExact = false;
        this.level0 = new Float64Array(this.k);
        this.levels = [this.level0];
        this.sizes = [0];
        this.n0 = 0;
        this.updateCapacities();
        this.updateLimit0();
        for (let i = 0; i < kept.length; i++)
            this.insertIntoLevels(kept[i]);
        this.sizes[0] = this.n0;
        this.updateLimit0();
    }
    /** add() without the count: used to replay values that are already counted. */
    insertIntoLevels(x) {
        if (this.n0 >= this.limit0)
            this.compact();
        this.level0[this.n0++] = x;
    }
    retainedCount() {
        let total = 0;
        for (let h = 0; h < this.sizes.length; h++)
            total += this.sizes[h];
        return total;
    }
    /** Compacts the lowest level at or above its capacity, adding a level on top when needed. */
    compressOnce() {
        let h = 0;
        while (this.sizes[h] < this.capacities[h])
            h++;
        if (h === this.levels.length - 1) {
            this.levels.push(new Float64Array(Math.max(MIN_LEVEL_CAPACITY, this.k >> 1)));
            this.sizes.push(0);
            this.updateCapacities();
        }
        const level = this.levels[h];
        const size = this.sizes[h];
        // Levels above 0 are kept sorted, so only level 0 needs a sort.
        if (h === 0)
            sortFloat64(level.subarray(0, size));
        const paired = size & ~1;
        const offset = this.nextBit();
        const next = h + 1;
        let target = this.levels[next];
        const targetSize = this.sizes[next];
        const incoming = paired >> 1;
        if (targetSize + incoming > target.length) {
            target = growTo(target, targetSize, Math.max(targetSize + incoming, 2 * target.length));
            this.levels[next] = target;
        }
        // Merge every other value, from the back, into the sorted level above.
        let write = targetSize + incoming - 1;
        let existing = targetSize - 1;
        let source = offset + 2 * (incoming - 1);
        while (source >= 0) {
            const value = level[source];
            if (existing >= 0 && target[existing] > value) {
                target[write--] = target[existing--];
            }
            else {
                target[write--] = value;
                source -= 2;
            }
        }
        this.sizes[next] = targetSize + incoming;
        // An odd value out (the largest) stays, with its weight; the level stays sorted.
        if (paired < size)
            level[0] = level[size - 1];
        this.sizes[h] = size - paired;
        const weight = 2 ** h;
        this.errorScale = Math.hypot(this.errorScale, weight);
        if (h === 0)
            this.n0 = this.sizes[0];
        this.level0 = this.levels[0];
    }
    updateCapacities() {
        const height = this.levels.length;
        this.capacities = [];
        let total = 0;
        for (let h = 0; h < height; h++) {
            // Level 0 keeps the full width: compacting it in batches of k instead of 8 makes add() several
            // times faster for at most k more values, and weight-1 compactions add almost no error.
            const capacity = h === 0 ? this.k : Math.max(MIN_LEVEL_CAPACITY, Math.ceil(this.k * LEVEL_SHRINK ** (height - 1 - h)));
            this.capacities.push(capacity);
            total += capacity;
        }
        this.totalCapacity = total;
    }
    /** Level 0 may fill until the retained values reach the total capacity. */
    updateLimit0() {
        const room = this.totalCapacity - (this.retainedCount() - this.n0);
        if (room > this.level0.length) {
            this.level0 = growTo(this.level0, this.n0, room);
            this.levels[0] = this.level0;
        }
        this.limit0 = Math.max(room, this.n0 + 1);
        if (this.limit0 > this.level0.length) {
            this.level0 = growTo(this.level0, this.n0, this.limit0);
            this.levels[0] = this.level0;
        }
    }
    /** Adds `size` values of `source` to level h; above level 0 both are sorted and stay so. */
    appendToLevel(h, source, size) {
        while (this.levels.length <= h) {
            this.levels.push(new Float64Array(Math.max(MIN_LEVEL_CAPACITY, size)));
            this.sizes.push(0);
        }
        if (!this.isExact)
            this.updateCapacities();
        let level = this.levels[h];
        const used = this.sizes[h];
        if (used + size > level.length) {
            level = growTo(level, used, Math.max(used + size, 2 * level.length));
            this.levels[h] = level;
        }
        if (h === 0 || used === 0) {
            level.set(source.subarray(0, size), used);
        }
        else {
            let write = used + size - 1;
            let existing = used - 1;
            for (let from = size - 1; from >= 0;) {
                const value = source[from];
                if (existing >= 0 && level[existing] > value)
                    level[write--] = level[existing--];
                else {
                    level[write--] = value;
                    from--;
                }
            }
        }
        this.sizes[h] = used + size;
        if (h === 0)
            this.level0 = level;
    }
    /** xorshift32: one bit per compaction. */
    nextBit() {
        let s = this.rngState;
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        this.rngState = s >>> 0;
        return this.rngState >>> 31;
    }
    refreshCache() {
        if (this.cacheCount === this.n)
            return;
        let total = this.n0;
        if (!this.isExact)
            for (let h = 1; h < this.levels.length; h++)
                total += this.sizes[h];
        const values = new Float64Array(total);
        const weights = new Float64Array(total);
        if (this.isExact) {
            // The multiset is all that matters, so level 0 can be kept sorted in place.
            const kept = this.level0.subarray(0, this.n0);
            kept.sort();
            values.set(kept);
            weights.fill(1);
        }
        else {
            const rawValues = new Float64Array(total);
            const rawWeights = new Float64Array(total);
            let at = 0;
            for (let h = 0; h < this.levels.length; h++) {
                const size = h === 0 ? this.n0 : this.sizes[h];
                const level = this.levels[h];
                const weight = 2 ** h;
                for (let i = 0; i < size; i++) {
                    rawValues[at] = level[i];
                    rawWeights[at++] = weight;
                }
            }
            const order = new Uint32Array(total);
            for (let i = 0; i < total; i++)
                order[i] = i;
            order.sort((a, b) => rawValues[a] - rawValues[b]);
            for (let i = 0; i < total; i++) {
                values[i] = rawValues[order[i]];
                weights[i] = rawWeights[order[i]];
            }
        }
        const cumulative = new Float64Array(total);
        let running = 0;
        for (let i = 0; i < total; i++) {
            running += weights[i];
            cumulative[i] = running;
        }
        this.cacheValues = values;
        this.cacheWeights = weights;
        this.cacheCumulative = cumulative;
        this.cacheCount = this.n;
    }
}
/** numpy's _lerp: exact at both ends and monotonic. */
function lerp(a, b, t) {
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
/** The number of values <= x in a sorted array. */
function upperBound(sorted, x) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if (sorted[mid] <= x)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}
function growTo(array, used, length) {
    const grown = new Float64Array(length);
    grown.set(array.subarray(0, used));
    return grown;
}
/** A non-zero xorshift state from any seed (murmur3's finaliser spreads nearby seeds apart). */
function seedState(seed) {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
    return h === 0 ? 0x6d2b79f5 : h;
}


/***/ })

};
