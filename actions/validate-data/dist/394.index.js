export const id = 394;
export const ids = [394];
export const modules = {

/***/ 78727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f1: () => (/* binding */ computeDrift),
  YZ: () => (/* binding */ driftChart),
  q4: () => (/* binding */ driftCompares),
  MX: () => (/* binding */ driftReportParts),
  ZV: () => (/* binding */ formatNumber),
  i8: () => (/* binding */ resolveDriftConfig)
});

// UNUSED EXPORTS: DEFAULT_DISTANCE_THRESHOLDS

;// CONCATENATED MODULE: ./src/stats/distributions.ts
/**
 * Tail probabilities the drift tests need, computed the way scipy 1.10 computes them so that a
 * p-value here equals scipy's to about nine significant digits:
 *
 * - `chi2Sf`: the regularized upper incomplete gamma function Q(dof/2, x/2), by its power series
 *   when x is below the mode and by its continued fraction above, with the factor x^a·e^-x/Γ(a)
 *   written through log1p(σ) - σ so that it keeps its relative accuracy far into the tail, where
 *   1 - cdf would be 0.
 * - `kolmogorovSf`: the limiting Kolmogorov distribution (scipy.stats.kstwobign, scipy.special.kolmogorov).
 * - `kstwoSf`: the exact distribution of the two-sided one-sample statistic D_n (scipy.stats.kstwo),
 *   with scipy's choice among the algorithms of Simard and L'Ecuyer (2011): Ruben–Gambino closed
 *   forms at the ends, Durbin's matrix (Marsaglia–Tsang–Wang), Pomeranz's recursion, the Pelz–Good
 *   expansion, and twice the one-sided Smirnov tail where that tail is all that is left.
 * - `smirnovSf`: the one-sided statistic's tail by the Birnbaum–Tingey sum (scipy.special.smirnov);
 *   a sum of tens of thousands of terms by the trapezoidal rule on a coarser grid (same value).
 */
const MACHEP = 2 ** -53;
const MINLOG = -745.1332191019412; // log(2^-1074), cephes with subnormals
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
// ---------------------------------------------------------------------------------------------
// Gamma function pieces
/** Stirling's series for lgamma(a) - ((a - 0.5)·log(a) - a + log(2π)/2); full accuracy for a >= 10. */
function stirlingCorrection(a) {
    const r = 1 / a;
    const r2 = r * r;
    return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))));
}
/** log Γ(a) for a > 0. */
function logGamma(a) {
    if (!(a > 0))
        return NaN;
    if (a === 1 || a === 2)
        return 0;
    let shift = 0;
    let product = 1;
    let z = a;
    while (z < 10) {
        product *= z;
        z += 1;
        if (product > 1e280) {
            shift += Math.log(product);
            product = 1;
        }
    }
    shift += Math.log(product);
    return (z - 0.5) * Math.log(z) - z + 0.5 * LOG_2PI + stirlingCorrection(z) - shift;
}
/** log(1 + σ) - σ without cancellation for small σ. */
function log1pmx(sigma) {
    if (Math.abs(sigma) < 0.5) {
        // log(1+σ) = 2·atanh(u), u = σ/(2+σ); and 2u - σ = -σ²/(2+σ).
        const u = sigma / (2 + sigma);
        const u2 = u * u;
        let power = u * u2;
        let series = 0;
        for (let k = 3; k < 200; k += 2) {
            const term = power / k;
            series += term;
            if (Math.abs(term) <= MACHEP * Math.abs(series))
                break;
            power *= u2;
        }
        return (-sigma * sigma) / (2 + sigma) + 2 * series;
    }
    return Math.log1p(sigma) - sigma;
}
/** x^a·e^-x / Γ(a), accurate in relative terms also when a and x are large and close. */
function gammaDensityFactor(a, x) {
    if (a < 10)
        return Math.exp(a * Math.log(x) - x - logGamma(a));
    // a·log(x) - x - lgamma(a) with lgamma written out by Stirling: no large terms cancel.
    const exponent = a * log1pmx((x - a) / a) + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingCorrection(a);
    return Math.exp(exponent);
}
const GAMMA_MAX_ITERATIONS = 1_000_000;
/** P(a, x) by its power series; for x below about a + 1. */
function lowerGammaSeries(a, x) {
    const factor = gammaDensityFactor(a, x);
    if (factor === 0)
        return 0;
    let r = a;
    let c = 1;
    let sum = 1;
    for (let i = 0; i < GAMMA_MAX_ITERATIONS; i++) {
        r += 1;
        c *= x / r;
        sum += c;
        if (c <= MACHEP * sum)
            break;
    }
    return (sum * factor) / a;
}
/** Q(a, x) by its continued fraction (cephes' form); for x above a. */
function upperGammaContinuedFraction(a, x) {
    const factor = gammaDensityFactor(a, x);
    if (factor === 0)
        return 0;
    const big = 4.503599627370496e15;
    const bigInverse = 2.22044604925031308085e-16;
    let y = 1 - a;
    let z = x + y + 1;
    let c = 0;
    let pkm2 = 1;
    let qkm2 = x;
    let pkm1 = x + 1;
    let qkm1 = z * x;
    let answer = pkm1 / qkm1;
    for (let i = 0; i < GAMMA_MAX_ITERATIONS; i++) {
        c += 1;
        y += 1;
        z += 2;
        const yc = y * c;
        const pk = pkm1 * z - pkm2 * yc;
        const qk = qkm1 * z - qkm2 * yc;
        let change = 1;
        if (qk !== 0) {
            const r = pk / qk;
            change = Math.abs((answer - r) / r);
            answer = r;
        }
        pkm2 = pkm1;
        pkm1 = pk;
        qkm2 = qkm1;
        qkm1 = qk;
        if (Math.abs(pk) > big) {
            pkm2 *= bigInverse;
            pkm1 *= bigInverse;
            qkm2 *= bigInverse;
            qkm1 *= bigInverse;
        }
        if (change <= MACHEP)
            break;
    }
    return answer * factor;
}
/** The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a). */
function gammaQ(a, x) {
    if (Number.isNaN(a) || Number.isNaN(x) || x < 0 || a < 0)
        return NaN;
    if (a === 0)
        return x > 0 ? 0 : NaN;
    if (x === 0)
        return 1;
    if (a === Infinity)
        return x === Infinity ? NaN : 1;
    if (x === Infinity)
        return 0;
    if (x > 1.1 && x >= a)
        return upperGammaContinuedFraction(a, x);
    return 1 - lowerGammaSeries(a, x);
}
/** The chi-square survival function, = scipy.stats.chi2.sf(x, dof). */
function chi2Sf(x, dof) {
    if (Number.isNaN(x) || !(dof > 0))
        return NaN;
    if (x <= 0)
        return 1;
    return gammaQ(dof / 2, x / 2);
}
// ---------------------------------------------------------------------------------------------
// Kolmogorov–Smirnov distributions
/** P(K > x) for the limiting Kolmogorov distribution, = scipy.special.kolmogorov(x) = scipy.stats.kstwobign.sf(x). */
function kolmogorovSf(x) {
    if (Number.isNaN(x))
        return NaN;
    if (x <= 0)
        return 1;
    // Below this the first term of the theta series is below the smallest double.
    if (x <= Math.PI / Math.sqrt(746 * 8))
        return 1;
    let sf;
    if (x <= 0.82) {
        const w = SQRT_2PI / x;
        const logu8 = (-Math.PI * Math.PI) / (x * x);
        const u = Math.exp(logu8 / 8);
        let p;
        if (u === 0) {
            p = Math.exp(logu8 / 8 + Math.log(w));
        }
        else {
            const u8 = Math.exp(logu8);
            const u8cubed = Math.pow(u8, 3);
            p = 1 + u8cubed;
            p = 1 + u8 * u8 * p;
            p = 1 + u8 * p;
            p = w * u * p;
        }
        sf = 1 - p;
    }
    else {
        const v = Math.exp(-2 * x * x);
        const v2 = v * v;
        const v3 = Math.pow(v, 3);
        let p = 1 - v3 * v3 * v;
        p = 1 - v3 * v2 * p;
        p = 1 - v3 * p;
        sf = 2 * v * p;
    }
    return Math.min(1, Math.max(0, sf));
}
/** a^m for a = hi + lo (hi >> lo), with the correction for lo that cephes' pow_D applies. */
function powDoubleDouble(hi, lo, m) {
    if (m === 0)
        return 1;
    if (hi === 0)
        return 0;
    const answer = Math.pow(hi, m);
    const r = lo / hi;
    let adjust = m * r;
    if (Math.abs(adjust) > 1e-8) {
        adjust = Math.abs(adjust) < 1e-4 ? adjust + m * r * (((m - 1) / 2) * r) : Math.expm1(m * Math.log1p(r));
    }
    return answer + answer * adjust;
}
/** (1 + x)^m with 1 + x carried exactly. */
function powOnePlus(x, m) {
    const hi = 1 + x;
    const lo = x - (hi - 1);
    return powDoubleDouble(hi, lo, m);
}
/** Dekker's exact product: a·b = p + e. */
function twoProduct(a, b) {
    const p = a * b;
    const split = 134217729; // 2^27 + 1
    let t = split * a;
    const aHi = t - (t - a);
    const aLo = a - aHi;
    t = split * b;
    const bHi = t - (t - b);
    const bLo = b - bHi;
    const e = aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
    return [p, e];
}
/**
 * P(D+_n > x) for the one-sided Kolmogorov–Smirnov statistic, = scipy.special.smirnov(n, x):
 * the Birnbaum–Tingey sum of positive terms, each term formed in logarithms from exactly carried
 * pieces (n·x in two doubles, binomial coefficients as running log sums) so none overflows.
 */
function smirnovSf(n, x) {
    if (!(n > 0 && x >= 0 && x <= 1) || !Number.isInteger(n))
        return NaN;
    if (n === 1)
        return 1 - x;
    if (x === 0)
        return 1;
    if (x === 1)
        return 0;
    const [nxHi, nxLo] = twoProduct(n, x);
    let nxFloor = Math.floor(nxHi);
    let alpha = nxHi - nxFloor + nxLo;
    if (alpha < 0) {
        nxFloor -= 1;
        alpha += 1;
    }
    else if (alpha >= 1) {
        nxFloor += 1;
        alpha -= 1;
    }
    if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
        return Math.min(1, Math.max(0, 1 - x * powOnePlus(x, n - 1)));
    }
    if (-2 * n * x * x < MINLOG)
        return 0;
    if (nxFloor >= n - 1)
        return Math.min(1, Math.max(0, powOnePlus(-x, n)));
    if (n > 1_000_000) {
        const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
        const sf = logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
        return Math.min(1, Math.max(0, sf));
    }
    // sf = x·Σ_{v=0}^{terms-1} C(n,v)·(x + v/n)^(v-1)·(1 - x - v/n)^(n-v)
    const terms = n - nxFloor;
    const logX = Math.log(x);
    // Far in the tail the terms are subnormal: carry them scaled by e^700 and scale back at the end.
    const logScale = -2 * n * x * x < -600 ? 700 : 0;
    // The terms before `first` add up to less than 2^-60 of the sum and are left out; when first is 0
    // the sum starts with the v = 0 term (times x).
    const first = terms > SMIRNOV_SEARCH_MIN_TERMS ? smirnovFirstTerm(n, x, terms) : 0;
    if (first >= SMIRNOV_GRID_MIN_V && terms - first >= SMIRNOV_GRID_MIN_TERMS) {
        const sum = smirnovSumOnGrid(n, nxHi + nxLo, terms - 1, logScale);
        if (sum === sum)
            return Math.min(1, Math.max(0, logScale === 0 ? sum : sum * Math.exp(-logScale)));
    }
    let sum = first > 0 ? 0 : logScale === 0 ? powOnePlus(-x, n) : Math.exp(n * Math.log1p(-x) + logScale);
    let compensation = 0;
    let logBinomial = 0;
    let logBinomialCompensation = 0;
    const middle = n >> 1;
    let v = 1;
    // Before `first` only log C(n, v) is needed, to go on from: one log per 8 ratios. The loop below
    // takes over at most 7 terms before `first`, and adds them too.
    for (; v + 8 <= first; v += 8) {
        let ratio = 1;
        for (let u = v; u < v + 8; u++)
            ratio *= (n - u + 1) / u;
        [logBinomial, logBinomialCompensation] = addCompensated(logBinomial, logBinomialCompensation, Math.log(ratio));
    }
    // Each term comes either exactly, from its logarithm (3 logs and an exp), or, in long stretches
    // where both x + v/n and 1 - x - v/n change by under 2^-10 of themselves from one v to the next,
    // from the previous term times their ratio (see smirnovRatioStep): arithmetic only. A stretch
    // starts from an exact term and lasts at most SMIRNOV_STRETCH terms; each ratio is good to a few
    // units in the last place, so a term is off by at most about 1e-13 of itself.
    const nx = nxHi + nxLo;
    let term = 0;
    let stretch = 0; // ratio steps left before the next exact term
    let z = 0; // log of the ratio's power part at the last v (see below)
    let e = 0; // exp(z)
    let binomialRatio = 1; // C(n, v) / C(n, v_exact) since the last exact term
    for (; v < terms; v++) {
        const q = (n - v + 1) / v; // C(n, v) / C(n, v - 1)
        // up(v) / up(v-1) = 1 + a and down(v) / down(v-1) = 1 - b.
        const a = 1 / (v - 1 + nxHi + nxLo);
        const b = 1 / (n - v + 1 - nxHi - nxLo);
        if (stretch > 0 && a <= SMIRNOV_SMALL && b <= SMIRNOV_SMALL) {
            // term(v) / term(v-1) = q · up(v) / down(v-1) · (1 + a)^(v-2) · (1 - b)^(n-v), the powers as
            // exp(z(v)), and exp(z(v)) as exp(z(v-1)) · exp(z(v) - z(v-1)): the difference is below 2^-8.
            const zv = (v - 2) * log1pSmall(a) + (n - v) * log1pSmall(-b);
            e *= expSmall(zv - z);
            z = zv;
            term *= q * (v + nx) * b * e;
            binomialRatio *= q;
            if (binomialRatio > 1e200 || binomialRatio < 1e-200) {
                [logBinomial, logBinomialCompensation] = addCompensated(logBinomial, logBinomialCompensation, Math.log(binomialRatio));
                binomialRatio = 1;
            }
            stretch--;
        }
        else {
            // log C(n, v), summed with compensation.
            [logBinomial, logBinomialCompensation] = addCompensated(logBinomial, logBinomialCompensation, Math.log(binomialRatio * q));
            binomialRatio = 1;
            // x + v/n and 1 - x - v/n, each with a single rounding relative to itself.
            const up = (v + nxHi + nxLo) / n;
            const down = (n - v - nxHi - nxLo) / n;
            const logDown = down < 0.5 ? Math.log(down) : Math.log1p(-up);
            const logTerm = logX + logBinomial + (v - 1) * Math.log(up) + (n - v) * logDown + logScale;
            term = Math.exp(logTerm);
            if (a <= SMIRNOV_SMALL && b <= SMIRNOV_SMALL && term > 1e-280) {
                stretch = SMIRNOV_STRETCH;
                z = (v - 2) * Math.log1p(a) + (n - v) * Math.log1p(-b);
                e = Math.exp(z);
            }
            else {
                stretch = 0;
            }
        }
        // Neumaier summation.
        const s = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? sum - s + term : term - s + sum;
        sum = s;
        // scipy's stop: past the peak the terms fall, so the (terms - v) still to come add up to less
        // than (terms - v)·term, here below 2^-54 of the sum.
        if (term !== 0) {
            if (4 * (terms - v) * term < MACHEP * 2 * sum && v !== terms - 1)
                break;
        }
        else if (v > middle) {
            break;
        }
    }
    return Math.min(1, Math.max(0, logScale === 0 ? sum + compensation : (sum + compensation) * Math.exp(-logScale)));
}
/**
 * A long Smirnov sum (v up to `top`) by the trapezoidal rule on a coarser grid of v, or NaN when
 * that cannot be trusted (then the caller adds the terms one by one).
 *
 * Here term(v) is a smooth function of a real v that rises to one peak and falls, over a width of
 * tens of thousands of v, and it is negligible at both ends: the sum of its values at the integers
 * and h times the sum of its values every h integers both equal its integral up to errors that fall
 * off like exp(-c·width²/h²) (Poisson summation), far below a double's precision until h nears the
 * width. So the grid step is halved, from 1/128 of the range, until two successive sums agree to
 * within the terms' rounding: a few hundred terms instead of hundreds of thousands. The grid runs
 * from v = 100 to `top`, and both ends must be negligible.
 *
 * Each term comes from its logarithm with the large parts cancelled in closed form (Stirling's series
 * for the binomial): log term(v) = log(nx / (v + nx)) + v·log1p(nx / v) + (n - v)·log1p(-nx / (n - v))
 * + log(n / (2π·v·(n - v))) / 2 + s(n) - s(v) - s(n - v), with s(z) = log Γ(z + 1) - (z·log z - z +
 * log(2πz) / 2). Its largest parts are about n·x, so a term is good to about 1e-13 of itself.
 */
function smirnovSumOnGrid(n, nx, top, logScale) {
    const logTerm = (v) => Math.log(nx / (v + nx)) +
        v * Math.log1p(nx / v) +
        (n - v) * Math.log1p(-nx / (n - v)) +
        0.5 * Math.log(n / (2 * Math.PI * v * (n - v))) +
        stirlingCorrection(n) -
        stirlingCorrection(v) -
        stirlingCorrection(n - v) +
        logScale;
    const lo = SMIRNOV_GRID_MIN_V;
    if (n - top < SMIRNOV_GRID_MIN_V)
        return NaN;
    // Two sums on grids fine enough to be exact differ by the terms' rounding: about n·x units in
    // the last place of each (see above).
    const tolerance = Math.max(1e-12, 16 * nx * MACHEP);
    let step = 2 ** Math.floor(Math.log2((top - lo) / 128));
    const points = Math.floor((top - lo) / step);
    const end = lo + points * step;
    const logs = new Float64Array(points + 1);
    let peak = -Infinity;
    for (let j = 0; j <= points; j++) {
        logs[j] = logTerm(lo + j * step);
        peak = Math.max(peak, logs[j]);
    }
    // Both ends of the range must be negligible (below e^-50 of the peak), the end past the last
    // grid point included: the terms fall from the peak on, so the last grid point bounds them.
    // The terms before `lo` are smaller than the first (they rise to the peak).
    if (!(logs[0] < peak - 50 && logs[points] < peak - 50))
        return NaN;
    // Sums are of term(v) / term(peak), so that none overflows.
    let sum = 0;
    for (let j = 0; j <= points; j++)
        sum += Math.exp(logs[j] - peak);
    let estimate = step * sum;
    while (step >= 2 * SMIRNOV_GRID_MIN_STEP) {
        const half = step / 2;
        let midpoints = 0;
        for (let v = lo + half; v < end; v += step)
            midpoints += Math.exp(logTerm(v) - peak);
        const next = estimate / 2 + half * midpoints;
        const converged = Math.abs(next - estimate) <= tolerance * next;
        estimate = next;
        step = half;
        if (converged)
            return estimate * Math.exp(peak);
    }
    return NaN;
}
/** Sums this long whose terms below SMIRNOV_GRID_MIN_V are negligible go to smirnovSumOnGrid. */
const SMIRNOV_GRID_MIN_TERMS = 20_000;
/** The grid starts here: Stirling's series for s(v) is used from here on. */
const SMIRNOV_GRID_MIN_V = 100;
/** The finest grid step smirnovSumOnGrid tries before it gives up. */
const SMIRNOV_GRID_MIN_STEP = 4;
/** Leading terms of the Smirnov sum that add up to less than this fraction of it are left out. */
const SMIRNOV_SKIP = 2 ** -60;
/** Sums of up to this many terms are added in full: looking for the terms to skip would cost more. */
const SMIRNOV_SEARCH_MIN_TERMS = 1000;
const SMIRNOV_GRID = 64;
/** The ratio steps of the Smirnov sum run where x + v/n and 1 - x - v/n change by at most this from one v to the next. */
const SMIRNOV_SMALL = 2 ** -10;
/** Ratio steps between two exact terms. */
const SMIRNOV_STRETCH = 1024;
/** log(1 + y) for |y| <= 2^-10, to within an ulp: its series to y^6 (the next term is below 2^-70·|y|). */
function log1pSmall(y) {
    return y * (1 - y * (1 / 2 - y * (1 / 3 - y * (1 / 4 - y * (1 / 5 - y / 6)))));
}
/** exp(y) for |y| <= 2^-8, to within an ulp: its series to y^6. */
function expSmall(y) {
    return 1 + y * (1 + (y / 2) * (1 + (y / 3) * (1 + (y / 4) * (1 + (y / 5) * (1 + y / 6)))));
}
/** sum + y with a running compensation (Kahan), as [sum, compensation]. */
function addCompensated(sum, compensation, y) {
    const yc = y - compensation;
    const t = sum + yc;
    return [t, t - sum - yc];
}
/**
 * The first term of a long Smirnov sum that can matter. The terms rise to a single peak and fall
 * again, and away from the peak they are far below the sum: with n·x² = 35 (p about 1e-30) the
 * first 18% of them add up to less than 2^-60 of it, with n·x² = 300 the first 35%. scipy adds
 * them all from v = 0; the tail past the peak is cut short by the loop's stopping test.
 *
 * log term(v) is estimated through logGamma (to about 1e-8 absolute; 1 nat is allowed for), the
 * largest estimate on a grid of 64 v is a lower bound of the sum, and the answer is the largest v
 * up to that grid peak with v·term(v) <= 2^-60 of that bound (0 if there is none): the terms before
 * it are smaller than it, so all of them together are below 2^-60 of the sum.
 */
function smirnovFirstTerm(n, x, terms) {
    const nx = n * x;
    const logGammaN = logGamma(n + 1);
    const logTermEstimate = (v) => Math.log(x) + logGammaN - logGamma(v + 1) - logGamma(n - v + 1) + (v - 1) * Math.log((v + nx) / n) + (n - v) * Math.log((n - v - nx) / n);
    const spacing = (terms - 1) / (SMIRNOV_GRID - 1);
    let peak = 0;
    let largest = -Infinity;
    for (let k = 0; k < SMIRNOV_GRID; k++) {
        const v = Math.round(k * spacing);
        const estimate = logTermEstimate(v);
        if (estimate > largest) {
            largest = estimate;
            peak = v;
        }
    }
    const threshold = largest + Math.log(SMIRNOV_SKIP) - 1;
    const negligible = (v) => logTermEstimate(v) + Math.log(Math.max(v, 1)) <= threshold;
    if (!negligible(0))
        return 0;
    // negligible(first) holds and negligible(above) does not. From the true peak (less than a grid
    // step from `peak`) on, no term is negligible, and before it v·term(v) rises.
    let first = 0;
    let above = peak;
    while (above - first > 1) {
        const middle = Math.floor((first + above) / 2);
        if (negligible(middle))
            first = middle;
        else
            above = middle;
    }
    return first;
}
function ldexp(value, exponent) {
    let result = value;
    let e = exponent;
    while (e > 1000) {
        result *= 2 ** 1000;
        e -= 1000;
    }
    while (e < -1000) {
        result *= 2 ** -1000;
        e += 1000;
    }
    return result * 2 ** e;
}
function clip01(p) {
    return Math.min(1, Math.max(0, p));
}
/** Durbin's matrix method as Marsaglia, Tsang and Wang compute it: P(D_n <= d). */
function kolmogornDurbinMatrix(n, d) {
    if (d >= 1)
        return 1;
    const nd = n * d;
    if (nd <= 0.5)
        return 0;
    const k = Math.ceil(nd);
    const h = k - nd;
    const m = 2 * k - 1;
    const v = new Float64Array(m);
    const w = new Float64Array(m);
    let fac = 1;
    for (let j = 1; j <= m; j++) {
        v[j - 1] = 1 - Math.pow(h, j);
        w[j - 1] = fac;
        fac /= j;
        v[j - 1] *= fac;
    }
    const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1 + tt) * fac;
    let matrix = new Float64Array(m * m);
    for (let i = 1; i < m; i++) {
        for (let row = i - 1; row < m; row++)
            matrix[row * m + i] = w[row - (i - 1)];
    }
    for (let row = 0; row < m; row++)
        matrix[row * m] = v[row];
    for (let col = 0; col < m; col++)
        matrix[(m - 1) * m + col] = v[m - 1 - col];
    let power = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
        power[i * m + i] = 1;
    let remaining = n;
    let exponent = 0;
    let matrixExponent = 0;
    while (remaining > 0) {
        if (remaining % 2) {
            power = matrixMultiply(power, matrix, m);
            exponent += matrixExponent;
        }
        matrix = matrixMultiply(matrix, matrix, m);
        matrixExponent *= 2;
        if (Math.abs(matrix[(k - 1) * m + (k - 1)]) > EP128) {
            for (let i = 0; i < m * m; i++)
                matrix[i] /= EP128;
            matrixExponent += E128;
        }
        remaining = Math.floor(remaining / 2);
    }
    let p = power[(k - 1) * m + (k - 1)];
    for (let i = 1; i <= n; i++) {
        p = (i * p) / n;
        if (Math.abs(p) < EM128) {
            p *= EP128;
            exponent -= E128;
        }
    }
    if (exponent !== 0)
        p = ldexp(p, exponent);
    return clip01(p);
}
function matrixMultiply(a, b, m) {
    const out = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
        for (let l = 0; l < m; l++) {
            const ail = a[i * m + l];
            if (ail === 0)
                continue;
            for (let j = 0; j < m; j++)
                out[i * m + j] += ail * b[l * m + j];
        }
    }
    return out;
}
function pomeranzInterval(i, n, ll, ceilf, roundf) {
    let j1;
    let j2;
    if (i === 0) {
        j1 = -ll - ceilf - 1;
        j2 = ll + ceilf - 1;
    }
    else {
        const half = Math.floor((i + 1) / 2);
        const odd = (i + 1) % 2 === 0;
        if (odd) {
            if (half === n + 1) {
                j1 = n - ll - ceilf - 1;
                j2 = n + ll + ceilf - 1;
            }
            else {
                j1 = half - 1 - ll - roundf - 1;
                j2 = half + ll - 1 + ceilf - 1;
            }
        }
        else {
            j1 = half - 1 - ll - 1;
            j2 = half + ll + roundf - 1;
        }
    }
    return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
/** Pomeranz's recursion: P(D_n <= x). */
function kolmogornPomeranz(n, x) {
    const t = n * x;
    const ll = Math.floor(t);
    const f = t - ll;
    const g = Math.min(f, 1 - f);
    const ceilf = f > 0 ? 1 : 0;
    const roundf = f > 0.5 ? 1 : 0;
    const npwrs = 2 * (ll + 1);
    const gpower = new Float64Array(npwrs);
    const twogpower = new Float64Array(npwrs);
    const onem2gpower = new Float64Array(npwrs);
    gpower[0] = 1;
    twogpower[0] = 1;
    onem2gpower[0] = 1;
    let exponent = 0;
    const gOverN = g / n;
    const twoGOverN = (2 * g) / n;
    const oneMinusTwoGOverN = (1 - 2 * g) / n;
    for (let m = 1; m < npwrs; m++) {
        gpower[m] = (gpower[m - 1] * gOverN) / m;
        twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
        onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
    }
    let v0 = new Float64Array(npwrs);
    let v1 = new Float64Array(npwrs);
    v1[0] = 1;
    let v0s = 0;
    let v1s = 0;
    let [j1, j2] = pomeranzInterval(0, n, ll, ceilf, roundf);
    for (let i = 1; i < 2 * n + 2; i++) {
        const k1 = j1;
        [v0, v1] = [v1, v0];
        [v0s, v1s] = [v1s, v0s];
        v1.fill(0);
        [j1, j2] = pomeranzInterval(i, n, ll, ceilf, roundf);
        const powers = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
        const ln2 = j2 - k1 + 1;
        if (ln2 > 0) {
            // np.convolve(V0[k1-V0s : k1-V0s+ln2], pwrs[:ln2]), entries conv_start.. of the full result.
            const aStart = k1 - v0s;
            const aLength = Math.max(0, Math.min(aStart + ln2, npwrs) - aStart);
            const bLength = Math.min(ln2, npwrs);
            const convStart = j1 - k1;
            const convLength = j2 - j1 + 1;
            let maximum = -Infinity;
            for (let c = 0; c < convLength; c++) {
                const index = convStart + c;
                let total = 0;
                const from = Math.max(0, index - bLength + 1);
                const to = Math.min(index, aLength - 1);
                for (let a = from; a <= to; a++)
                    total += v0[aStart + a] * powers[index - a];
                v1[c] = total;
                if (total > maximum)
                    maximum = total;
            }
            for (let c = convLength; c < npwrs; c++)
                if (v1[c] > maximum)
                    maximum = v1[c];
            if (maximum > 0 && maximum < EM128) {
                for (let c = 0; c < npwrs; c++)
                    v1[c] *= EP128;
                exponent -= E128;
            }
            v1s = v0s + j1 - k1;
        }
    }
    let answer = v1[n - v1s];
    for (let m = 1; m <= n; m++) {
        if (Math.abs(answer) > EP128) {
            answer *= EM128;
            exponent += E128;
        }
        answer *= m;
    }
    if (exponent !== 0)
        answer = ldexp(answer, exponent);
    return clip01(answer);
}
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const SQRT3 = Math.sqrt(3);
/** The Pelz–Good asymptotic expansion of P(D_n <= x). */
function kolmogornPelzGood(n, x) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const z = Math.sqrt(n) * x;
    const zsquared = z ** 2;
    const zthree = z ** 3;
    const zfour = z ** 4;
    const zsix = z ** 6;
    const qlog = -PI_SQUARED / 8 / zsquared;
    if (qlog < -708)
        return 0;
    let q = Math.exp(qlog);
    const k1a = -zsquared;
    const k1b = PI_SQUARED / 4;
    const k2a = 6 * zsix + 2 * zfour;
    const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
    const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
    const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
    const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
    const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
    const k3a = -30 * zsix - 90 * z ** 8;
    const K = [0, 0, 0, 0];
    const maxk = Math.ceil((16 * z) / Math.PI);
    for (let k = maxk; k > 0; k--) {
        const m = 2 * k - 1;
        const msquared = m ** 2;
        const mfour = m ** 4;
        const msix = m ** 6;
        const qpower = Math.pow(q, 8 * k);
        const coefficients = [1, k1a + k1b * msquared, k2a + k2b * msquared + k2c * mfour, k3a + k3b * msquared + k3c * mfour + k3d * msix];
        for (let i = 0; i < 4; i++)
            K[i] = K[i] * qpower + coefficients[i];
    }
    const divisors = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
    for (let i = 0; i < 4; i++)
        K[i] = (((K[i] * q) * SQRT_2PI) / divisors[i]);
    q = Math.exp(-PI_SQUARED / 2 / zsquared);
    let k2extra = 0;
    let k3extra = 0;
    const sqrt3z = SQRT3 * z;
    for (let k = maxk; k > 0; k--) {
        const ksquared = k ** 2;
        const qpower = q ** ksquared;
        k2extra += ksquared * qpower;
        const kspi = Math.PI * k;
        k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpower;
    }
    K[2] = K[2] + (k2extra * (PI_SQUARED * SQRT_2PI)) / (-36 * zthree);
    K[3] = K[3] + (k3extra * (PI_SQUARED * SQRT_2PI)) / (216 * zsix);
    let sum = 0;
    for (let i = 0; i < 4; i++)
        sum += K[i] / Math.pow(n, i / 2);
    return sum;
}
/** Stirling's series of log(n!) - (n + 1/2)·log(n) + n - log(2π)/2, highest order first: B_2k / (2k(2k-1)). */
const STIRLING_COEFFICIENTS = [-3617 / 122400, 1 / 156, -691 / 360360, 1 / 1188, -1 / 1680, 1 / 1260, -1 / 360, 1 / 12];
function logNFactorialOverNPowerN(n) {
    const rn = 1 / n;
    let poly = 0;
    for (const c of STIRLING_COEFFICIENTS)
        poly = poly * (rn / n) + c;
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
/**
 * P(D_n > d) for the two-sided one-sample Kolmogorov–Smirnov statistic of n values, =
 * scipy.stats.kstwo.sf(d, n); ks_2samp's asymptotic p-value is kstwoSf(d, round(n1·n2/(n1+n2))).
 */
function kstwoSf(d, n) {
    if (Number.isNaN(d) || !(n >= 1) || !Number.isInteger(n))
        return NaN;
    // rv_continuous.sf answers outside the support [1/(2n), 1] itself.
    if (d >= 1)
        return 0;
    if (d <= 0.5 / n)
        return 1;
    const t = n * d;
    if (t <= 1) {
        let cdf;
        if (n <= 140) {
            cdf = 1;
            for (let i = 1; i <= n; i++)
                cdf *= i * (1 / n) * (2 * t - 1);
        }
        else {
            cdf = Math.exp(logNFactorialOverNPowerN(n) + n * Math.log(2 * t - 1));
        }
        return clip01(1 - cdf);
    }
    if (t >= n - 1)
        return clip01(2 * Math.pow(1 - d, n));
    if (d >= 0.5)
        return clip01(2 * smirnovSf(n, d));
    const nxsquared = t * d;
    if (n <= 140) {
        if (nxsquared <= 0.754693)
            return clip01(1 - kolmogornDurbinMatrix(n, d));
        if (nxsquared <= 4)
            return clip01(1 - kolmogornPomeranz(n, d));
        return clip01(2 * smirnovSf(n, d));
    }
    if (nxsquared >= 370)
        return 0;
    if (nxsquared >= 2.2)
        return clip01(2 * smirnovSf(n, d));
    let cdf;
    if (nxsquared >= 18)
        cdf = 1;
    else if (n <= 100000 && n * d ** 1.5 <= 1.4)
        cdf = kolmogornDurbinMatrix(n, d);
    else
        cdf = kolmogornPelzGood(n, d);
    return clip01(1 - cdf);
}
/**
 * The standard normal quantile (scipy.stats.norm.ppf) by Acklam's rational approximation, relative
 * error below 1.2e-9 on (0, 1): enough for the z of a confidence interval.
 */
function normalQuantile(p) {
    if (!(p > 0 && p < 1))
        return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
    const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
    const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
    const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    if (p > 0.5)
        return -normalQuantile(1 - p);
    if (p < 0.02425) {
        const q = Math.sqrt(-2 * Math.log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const q = p - 0.5;
    const r = q * q;
    return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

// EXTERNAL MODULE: ./src/stats/quantile-sketch.ts + 1 modules
var quantile_sketch = __webpack_require__(53755);
;// CONCATENATED MODULE: ./src/stats/drift-tests.ts
/**
 * # Drift tests
 *
 * Each function compares a reference sample with a current one and equals the scipy 1.10 function
 * named in its comment (the tests check them against scipy to nine significant digits).
 *
 * ## Numeric columns
 *
 * - `ks2Samp`: the two-sample Kolmogorov–Smirnov test on sorted samples, = scipy.stats.ks_2samp with
 *   its defaults: exact p-value when both samples have at most 10,000 values, else the asymptotic
 *   one (the distribution of D_n at n = round(n1·n2/(n1+n2))), and the same fallback to it when the
 *   exact computation fails.
 * - `ksFromSketches`: the same statistic from two quantile sketches. Each sketch's ECDF is within its
 *   `rankError()` of the true ECDF everywhere, so the statistic is within the sum of the two bounds of
 *   the exact one; `error` says how far. The p-value uses the asymptotic distribution.
 * - `wasserstein1d` / `wassersteinFromSketches`: the area between the two ECDFs,
 *   = scipy.stats.wasserstein_distance. From sketches the error is at most the sum of the rank errors
 *   times the range of the values, because the ECDFs agree outside [min, max].
 * - `psi` on `binCounts` over `quantileBinEdges` of the reference: the population stability index with
 *   deciles of the reference as bins.
 *
 * ## Categorical columns
 *
 * - `chiSquareTwoSample`: = scipy.stats.chi2_contingency on the 2×k table of counts (with Yates'
 *   correction when k = 2, as scipy does by default).
 * - `jensenShannon`: = scipy.spatial.distance.jensenshannon(p, q, base=2), between 0 and 1.
 *
 * ### Why Jensen–Shannon runs over the top categories plus "other"
 *
 * Two samples of n rows drawn from the *same* distribution over k categories differ by sampling
 * noise alone. For categories with enough rows each, the JS divergence is close to χ²/(8n) in nats,
 * and the χ² statistic of two equal samples has mean about 2(k - 1), so the expected divergence is
 * about (k - 1)/(4n) nats, and the expected JS *distance* (the square root, in bits) about
 *
 *     sqrt(k / (4·n·ln 2)).
 *
 * With k = 50 and n = 1,000,000 that is 0.004: no drift reads as no drift. With k = 50,000 it is
 * 0.13, and worse than that formula says once the rare categories have a handful of rows each, since
 * a category seen 2 times in one sample and 0 in the other adds as much as a real shift. A
 * high-cardinality column would then always look drifted. `categoricalDistributions` therefore keeps
 * the `maxCategories` (50) most frequent categories of the reference and pools every other category,
 * of either sample, into one "other" bucket: k stays small, so the noise floor stays near 0, while a
 * real shift still shows, either in a top category or as mass moving into or out of "other" (a new
 * category in the current data lands in "other").
 *
 * ## Many columns
 *
 * `benjaminiHochberg` adjusts the per-column p-values for the number of columns tested, so a report
 * over 200 columns does not flag ten of them at α = 5% by chance alone.
 */



/** The label of the pooled bucket of every category outside the top ones. */
const OTHER_CATEGORY = '(other)';
/** ks_2samp's switch from the exact to the asymptotic p-value (scipy's MAX_AUTO_N). */
const MAX_EXACT_N = 10000;
/**
 * The two-sample Kolmogorov–Smirnov test, two-sided, = scipy.stats.ks_2samp(a, b). Both samples must
 * be sorted ascending and free of NaN.
 */
function ks2Samp(a, b) {
    const n1 = a.length;
    const n2 = b.length;
    if (n1 === 0 || n2 === 0)
        throw new RangeError('ks2Samp: both samples must hold at least one value');
    let i = 0;
    let j = 0;
    let maxDiff = -Infinity;
    let minDiff = Infinity;
    while (i < n1 || j < n2) {
        const x = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
        while (i < n1 && a[i] <= x)
            i++;
        while (j < n2 && b[j] <= x)
            j++;
        const diff = i / n1 - j / n2;
        if (diff > maxDiff)
            maxDiff = diff;
        if (diff < minDiff)
            minDiff = diff;
    }
    const minS = Math.min(1, Math.max(0, -minDiff));
    let d = minS > maxDiff ? minS : maxDiff;
    if (Math.max(n1, n2) <= MAX_EXACT_N) {
        const g = gcd(n1, n2);
        const lcm = (n1 / g) * n2;
        const h = roundHalfEven(d * lcm);
        d = h / lcm;
        if (h === 0)
            return { statistic: d, pvalue: 1, method: 'exact' };
        const p = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideInsideMethod(n1, n2, g, h);
        if (p >= 0 && p <= 1)
            return { statistic: d, pvalue: p, method: 'exact' };
    }
    return { statistic: d, pvalue: asymptoticPvalue(d, n1, n2), method: 'asymp' };
}
/** scipy's asymptotic two-sample p-value: kstwo at the effective sample size. */
function asymptoticPvalue(d, n1, n2) {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const en = (m * n) / (m + n);
    return Math.min(1, Math.max(0, kstwoSf(d, roundHalfEven(en))));
}
/** P(D_{n,n} >= h/n), Hodges' alternating sum evaluated Horner-style (scipy's _compute_prob_outside_square). */
function probabilityOutsideSquare(n, h) {
    let p = 0;
    for (let k = Math.floor(n / h); k >= 0; k--) {
        let p1 = 1;
        for (let j = 0; j < h; j++)
            p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
        p = p1 * (1 - p);
    }
    return 2 * p;
}
/**
 * The fraction of lattice paths from (0,0) to (m,n) that leave the band |x/m - y/n| < h/lcm, by
 * Viehmann's recursion for 1 - p (scipy's _compute_outer_prob_inside_method).
 */
function probabilityOutsideInsideMethod(n1, n2, g, h) {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const mg = m / g;
    const ng = n / g;
    let minj = 0;
    let maxj = Math.min(Math.ceil(h / mg), n + 1);
    let curlen = maxj - minj;
    const lenA = Math.min(2 * maxj + 2, n + 1);
    const A = new Float64Array(lenA).fill(1);
    A.fill(0, minj, maxj);
    for (let i = 1; i <= m; i++) {
        const lastminj = minj;
        const lastlen = curlen;
        minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
        maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
        if (maxj <= minj)
            return 1;
        let val = minj === 0 ? 0 : 1;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
    }
    return A[maxj - minj - 1];
}
/**
 * The KS statistic between two sketched samples, with `error` = ref.rankError() + cur.rankError()
 * bounding its distance from the exact statistic (0 when both sketches are exact), and the
 * asymptotic p-value of ks_2samp at that statistic.
 */
function ksFromSketches(ref, cur) {
    if (ref.count === 0 || cur.count === 0)
        throw new RangeError('ksFromSketches: both sketches must hold at least one value');
    const a = ref.weightedValues();
    const b = cur.weightedValues();
    const n1 = ref.count;
    const n2 = cur.count;
    let i = 0;
    let j = 0;
    let cumulativeA = 0;
    let cumulativeB = 0;
    let statistic = 0;
    const lengthA = a.values.length;
    const lengthB = b.values.length;
    while (i < lengthA || j < lengthB) {
        const x = i < lengthA && (j >= lengthB || a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
        while (i < lengthA && a.values[i] <= x)
            cumulativeA += a.weights[i++];
        while (j < lengthB && b.values[j] <= x)
            cumulativeB += b.weights[j++];
        const diff = Math.abs(cumulativeA / n1 - cumulativeB / n2);
        if (diff > statistic)
            statistic = diff;
    }
    return { statistic, pvalue: asymptoticPvalue(statistic, n1, n2), error: ref.rankError() + cur.rankError() };
}
/** The 1-Wasserstein (earth mover's) distance between two samples, = scipy.stats.wasserstein_distance(a, b). */
function wasserstein1d(a, b) {
    if (a.length === 0 || b.length === 0)
        throw new RangeError('wasserstein1d: both samples must hold at least one value');
    const sortedA = Float64Array.from(a).sort();
    const sortedB = Float64Array.from(b).sort();
    return weightedWasserstein(sortedA, null, sortedA.length, sortedB, null, sortedB.length);
}
/** The Wasserstein distance between two sketched samples, with a bound on its distance from the exact one. */
function wassersteinFromSketches(ref, cur) {
    if (ref.count === 0 || cur.count === 0)
        throw new RangeError('wassersteinFromSketches: both sketches must hold at least one value');
    const a = ref.weightedValues();
    const b = cur.weightedValues();
    const distance = weightedWasserstein(a.values, a.weights, ref.count, b.values, b.weights, cur.count);
    const range = Math.max(ref.max, cur.max) - Math.min(ref.min, cur.min);
    return { distance, error: (ref.rankError() + cur.rankError()) * range };
}
/** ∫|F - G| over the merged sorted values; weights null means 1 each. */
function weightedWasserstein(valuesA, weightsA, totalA, valuesB, weightsB, totalB) {
    let i = 0;
    let j = 0;
    let cumulativeA = 0;
    let cumulativeB = 0;
    let distance = 0;
    const lengthA = valuesA.length;
    const lengthB = valuesB.length;
    let x = Math.min(valuesA[0], valuesB[0]);
    while (i < lengthA || j < lengthB) {
        while (i < lengthA && valuesA[i] <= x)
            cumulativeA += weightsA === null ? (i++, 1) : weightsA[i++];
        while (j < lengthB && valuesB[j] <= x)
            cumulativeB += weightsB === null ? (j++, 1) : weightsB[j++];
        if (i >= lengthA && j >= lengthB)
            break;
        const next = i < lengthA && (j >= lengthB || valuesA[i] <= valuesB[j]) ? valuesA[i] : valuesB[j];
        distance += Math.abs(cumulativeA / totalA - cumulativeB / totalB) * (next - x);
        x = next;
    }
    return distance;
}
/**
 * The population stability index Σ (a - e)·ln(a/e) over bins, from counts per bin. Counts become
 * proportions of their totals; an empty bin's proportion becomes `epsilon` so the logarithm is finite.
 */
function psi(expected, actual, epsilon = 1e-4) {
    if (expected.length !== actual.length)
        throw new RangeError(`psi: ${expected.length} expected bins but ${actual.length} actual bins`);
    let totalExpected = 0;
    let totalActual = 0;
    for (let i = 0; i < expected.length; i++) {
        totalExpected += expected[i];
        totalActual += actual[i];
    }
    let index = 0;
    for (let i = 0; i < expected.length; i++) {
        let e = expected[i] / totalExpected;
        let a = actual[i] / totalActual;
        if (e === 0)
            e = epsilon;
        if (a === 0)
            a = epsilon;
        index += (a - e) * Math.log(a / e);
    }
    return index;
}
/**
 * Interior bin edges at the reference's 1/bins, 2/bins, ... quantiles, strictly increasing (a value
 * that repeats over several quantiles gives one edge). Bins are (-∞, e0], (e0, e1], ..., (e_last, ∞).
 */
function quantileBinEdges(ref, bins = 10) {
    if (!Number.isInteger(bins) || bins < 1)
        throw new RangeError(`quantileBinEdges: bins must be a positive integer, got ${bins}`);
    const edges = [];
    if (ref.count === 0)
        return new Float64Array(0);
    for (let i = 1; i < bins; i++) {
        const edge = ref.quantile(i / bins);
        if (edges.length === 0 || edge > edges[edges.length - 1])
            edges.push(edge);
    }
    return Float64Array.from(edges);
}
/**
 * Counts per bin (edges.length + 1 bins, right-closed as in `quantileBinEdges`) of a sorted sample,
 * or the weights of a sketch's retained values per bin (exact while the sketch is).
 */
function binCounts(sketchOrSorted, edges) {
    const counts = new Float64Array(edges.length + 1);
    if (sketchOrSorted instanceof quantile_sketch/* QuantileSketch */.w) {
        const { values, weights } = sketchOrSorted.weightedValues();
        let bin = 0;
        for (let i = 0; i < values.length; i++) {
            while (bin < edges.length && values[i] > edges[bin])
                bin++;
            counts[bin] += weights[i];
        }
        return counts;
    }
    let previous = 0;
    for (let e = 0; e < edges.length; e++) {
        const below = (0,quantile_sketch/* upperBound */.r)(sketchOrSorted, edges[e]);
        counts[e] = below - previous;
        previous = below;
    }
    counts[edges.length] = sketchOrSorted.length - previous;
    return counts;
}
/**
 * The chi-square test of homogeneity of two samples of a categorical column, = scipy.stats.
 * chi2_contingency on the 2×k table over the union of keys (keys with no count in either are left
 * out; Yates' correction when dof = 1). dof = 0 (one category) gives statistic 0 and p-value 1, as in
 * scipy; an empty sample, which scipy rejects, gives NaN.
 */
function chiSquareTwoSample(refCounts, curCounts) {
    const ref = [];
    const cur = [];
    for (const [key, count] of refCounts) {
        const other = curCounts.get(key) ?? 0;
        if (count > 0 || other > 0) {
            ref.push(count);
            cur.push(other);
        }
    }
    for (const [key, count] of curCounts) {
        if (!refCounts.has(key) && count > 0) {
            ref.push(0);
            cur.push(count);
        }
    }
    const k = ref.length;
    const dof = Math.max(0, k - 1);
    let refTotal = 0;
    let curTotal = 0;
    for (let i = 0; i < k; i++) {
        refTotal += ref[i];
        curTotal += cur[i];
    }
    if (refTotal === 0 || curTotal === 0)
        return { statistic: NaN, pvalue: NaN, dof };
    if (dof === 0)
        return { statistic: 0, pvalue: 1, dof };
    const total = refTotal + curTotal;
    let statistic = 0;
    for (let i = 0; i < k; i++) {
        const column = ref[i] + cur[i];
        statistic += cellTerm(ref[i], (refTotal * column) / total, dof);
        statistic += cellTerm(cur[i], (curTotal * column) / total, dof);
    }
    return { statistic, pvalue: chi2Sf(statistic, dof), dof };
}
function cellTerm(observed, expected, dof) {
    let o = observed;
    if (dof === 1) {
        // Yates: move each observed count up to half a unit towards its expected count.
        const diff = expected - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
    }
    const deviation = o - expected;
    return (deviation * deviation) / expected;
}
/**
 * The Jensen–Shannon distance between two distributions given as non-negative weights (normalised
 * here), = scipy.spatial.distance.jensenshannon(p, q, base). In [0, 1] for base 2.
 */
function jensenShannon(p, q, base = 2) {
    if (p.length !== q.length)
        throw new RangeError(`jensenShannon: ${p.length} weights against ${q.length}`);
    let sumP = 0;
    let sumQ = 0;
    for (let i = 0; i < p.length; i++) {
        sumP += p[i];
        sumQ += q[i];
    }
    let left = 0;
    let right = 0;
    for (let i = 0; i < p.length; i++) {
        const pi = p[i] / sumP;
        const qi = q[i] / sumQ;
        const mi = (pi + qi) / 2;
        left += relativeEntropy(pi, mi);
        right += relativeEntropy(qi, mi);
    }
    const divergence = (left + right) / Math.log(base);
    // Rounding can leave a divergence of -1e-17 between equal distributions, where scipy returns NaN.
    return Math.sqrt(Math.max(0, divergence / 2));
}
/** scipy.special.rel_entr. */
function relativeEntropy(x, y) {
    if (x > 0 && y > 0)
        return x * Math.log(x / y);
    if (x === 0 && y >= 0)
        return 0;
    return Infinity;
}
/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate), in the order given: the value that
 * scipy.stats.false_discovery_control(p, method='bh') returns (scipy >= 1.11).
 */
function benjaminiHochberg(pvalues) {
    const m = pvalues.length;
    for (const p of pvalues)
        if (!(p >= 0 && p <= 1))
            throw new RangeError(`benjaminiHochberg: p-values must be in [0, 1], got ${p}`);
    const order = pvalues.map((_, i) => i).sort((x, y) => pvalues[x] - pvalues[y] || x - y);
    const adjusted = new Array(m);
    let running = Infinity;
    for (let rank = m; rank >= 1; rank--) {
        const index = order[rank - 1];
        const value = pvalues[index] * (m / rank);
        if (value < running)
            running = value;
        adjusted[index] = Math.min(1, running);
    }
    return adjusted;
}
/**
 * The reference's `maxCategories` most frequent categories (by count, then key) and one last bucket,
 * labelled OTHER_CATEGORY, pooling every other category of either sample; `ref` and `cur` hold the
 * counts per entry of `keys`. See the top of this file for why.
 */
function categoricalDistributions(ref, cur, maxCategories = 50) {
    const ranked = [...ref].filter(([, count]) => count > 0).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const top = ranked.slice(0, maxCategories);
    const keys = top.map(([key]) => key);
    const refCounts = new Float64Array(keys.length + 1);
    const curCounts = new Float64Array(keys.length + 1);
    const index = new Map();
    keys.forEach((key, i) => index.set(key, i));
    const other = keys.length;
    for (const [key, count] of ref)
        refCounts[index.get(key) ?? other] += count;
    for (const [key, count] of cur)
        curCounts[index.get(key) ?? other] += count;
    keys.push(OTHER_CATEGORY);
    return { keys, ref: refCounts, cur: curCounts };
}
function gcd(a, b) {
    let x = a;
    let y = b;
    while (y !== 0)
        [x, y] = [y, x % y];
    return x;
}
/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x) {
    const r = Math.round(x);
    return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// EXTERNAL MODULE: ./src/stats/moments.ts
var moments = __webpack_require__(86974);
// EXTERNAL MODULE: ./src/data/schema.ts
var data_schema = __webpack_require__(33625);
;// CONCATENATED MODULE: ./src/data/drift.ts



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
const DEFAULT_DISTANCE_THRESHOLDS = { wasserstein: 0.1, jensenshannon: 0.1, psi: 0.2 };
const TOP_CATEGORIES = 50;
function resolveDriftConfig(schema) {
    return schema.drift ?? data_schema/* driftSchema */.jU.parse({});
}
function sortedValues(sketch) {
    return sketch.weightedValues().values;
}
function shares(counts) {
    let total = 0;
    for (let i = 0; i < counts.length; i++)
        total += counts[i];
    return Array.from(counts, (c) => (total > 0 ? c / total : 0));
}
function numericDrift(name, ref, cur, method, config, threshold) {
    const a = ref.quantiles;
    const b = cur.quantiles;
    const exact = a.exact && b.exact;
    const ks = exact ? { ...ks2Samp(sortedValues(a), sortedValues(b)), error: 0 } : ksFromSketches(a, b);
    const std = Math.sqrt((0,moments/* variance */.GV)(ref.moments));
    const w = exact ? { distance: wasserstein1d(sortedValues(a), sortedValues(b)), error: 0 } : wassersteinFromSketches(a, b);
    const normed = std > 0 ? w.distance / std : w.distance === 0 ? 0 : Infinity;
    const edges = quantileBinEdges(a, 10);
    const refBins = binCounts(a, edges);
    const curBins = binCounts(b, edges);
    const chosen = chooseMethod(method, 'numeric', Math.min(ref.count, cur.count), config);
    const result = {
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
    if (chosen === 'wasserstein')
        result.drifted = normed > result.threshold;
    if (chosen === 'psi')
        result.drifted = result.psi > result.threshold;
    return result;
}
function categoricalDrift(name, ref, cur, method, config, threshold) {
    const dist = categoricalDistributions(ref.frequencies.counts(), cur.frequencies.counts(), TOP_CATEGORIES);
    const refCounts = new Map(dist.keys.map((k, i) => [k, dist.ref[i]]));
    const curCounts = new Map(dist.keys.map((k, i) => [k, dist.cur[i]]));
    const chi2 = chiSquareTwoSample(refCounts, curCounts);
    const chosen = chooseMethod(method, 'categorical', Math.min(ref.count, cur.count), config);
    const result = {
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
    if (chosen === 'jensenshannon')
        result.drifted = result.jensenShannon > result.threshold;
    if (chosen === 'psi')
        result.drifted = result.psi > result.threshold;
    return result;
}
function chooseMethod(method, kind, smaller, config) {
    const small = smaller < config.large_sample;
    if (method === 'auto' || method === 'none') {
        if (kind === 'numeric')
            return small ? 'ks' : 'wasserstein';
        return small ? 'chi2' : 'jensenshannon';
    }
    // A method of the other kind falls back to its counterpart (ks on categories means chi2, and so on).
    if (kind === 'categorical' && (method === 'ks' || method === 'wasserstein'))
        return method === 'ks' ? 'chi2' : 'jensenshannon';
    if (kind === 'numeric' && (method === 'chi2' || method === 'jensenshannon'))
        return method === 'chi2' ? 'ks' : 'wasserstein';
    return method;
}
function thresholdFor(method, config, given) {
    if (given !== undefined)
        return given;
    if (method === 'ks' || method === 'chi2')
        return config.alpha;
    return DEFAULT_DISTANCE_THRESHOLDS[method];
}
function binLabels(edges, timestamps) {
    const fmt = (x) => (timestamps ? new Date(x).toISOString().slice(0, 10) : formatNumber(x));
    const labels = [];
    for (let i = 0; i <= edges.length; i++) {
        if (i === 0)
            labels.push(`< ${fmt(edges[0] ?? NaN)}`);
        else if (i === edges.length)
            labels.push(`≥ ${fmt(edges[i - 1])}`);
        else
            labels.push(`${fmt(edges[i - 1])}–${fmt(edges[i])}`);
    }
    return edges.length === 0 ? ['all'] : labels;
}
function formatNumber(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3))
        return x.toExponential(2);
    return String(Number(x.toPrecision(4)));
}
/**
 * Whether computeDrift compares the values of a column (else it reads only the reference's counts):
 * free text and unique identifiers are compared only when the schema's drift block names them.
 */
function driftCompares(schema, name) {
    const rule = schema.columns[name];
    if (rule === undefined)
        return false;
    if (resolveDriftConfig(schema).columns[name] !== undefined)
        return true;
    return !rule.unique && rule.type !== 'string';
}
/** Compares every schema column present in both profiles and judges the dataset. */
function computeDrift(schema, current, reference) {
    const config = resolveDriftConfig(schema);
    const columns = [];
    const skipped = [];
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
    const adjusted = benjaminiHochberg(tested.map((c) => (c.method === 'ks' ? c.ks.pvalue : c.chi2.pvalue)));
    tested.forEach((c, i) => {
        c.adjustedPvalue = adjusted[i];
        c.drifted = c.adjustedPvalue < c.threshold;
    });
    const drifted = columns.filter((c) => c.drifted).length;
    const share = columns.length === 0 ? 0 : drifted / columns.length;
    return { columns, skipped, compared: columns.length, drifted, share, maxShare: config.max_drifted_share, datasetDrift: share > config.max_drifted_share };
}
/** Findings, tables and charts for the report. */
function driftReportParts(drift, severity, referenceName) {
    const findings = [];
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
    const table = {
        title: `Drift against ${referenceName}`,
        columns: ['column', 'drifted', 'method', 'decided by', 'threshold', 'KS / χ²', 'p-value (adj.)', 'Wasserstein (σ) / JS', 'PSI'],
        rows: ordered.map((c) => [
            c.column,
            c.drifted ? 'yes' : 'no',
            c.method,
            c.decidedBy === 'p-value' ? `adjusted p < ${c.threshold}` : `distance > ${c.threshold}`,
            c.threshold,
            c.kind === 'numeric' ? round(c.ks.statistic) : round(c.chi2.statistic),
            c.adjustedPvalue !== undefined ? round(c.adjustedPvalue) : c.kind === 'numeric' ? round(c.ks.pvalue) : round(c.chi2.pvalue),
            c.kind === 'numeric' ? round(c.wasserstein.normed) : round(c.jensenShannon),
            round(c.psi),
        ]),
        note: `${drift.drifted} of ${drift.compared} columns drifted (share ${(drift.share * 100).toFixed(0)}%, allowed ${(drift.maxShare * 100).toFixed(0)}%).${drift.skipped.length ? ` Not compared: ${drift.skipped.map((s) => `${s.column} (${s.reason})`).join('; ')}.` : ''}`,
    };
    const charts = ordered.filter((c) => c.drifted).slice(0, 10).map((c) => driftChart(c));
    return { findings, tables: [table], charts };
}
function score(c) {
    return c.decidedBy === 'p-value' ? 1 - (c.adjustedPvalue ?? 1) : c.kind === 'numeric' ? c.wasserstein.normed : c.jensenShannon;
}
function round(x) {
    return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}
function describeDecision(c) {
    switch (c.method) {
        case 'ks':
            return `Kolmogorov-Smirnov D = ${round(c.ks.statistic)}, adjusted p = ${round(c.adjustedPvalue)} < ${c.threshold}`;
        case 'chi2':
            return `chi-square = ${round(c.chi2.statistic)} (dof ${c.chi2.dof}), adjusted p = ${round(c.adjustedPvalue)} < ${c.threshold}`;
        case 'wasserstein':
            return `Wasserstein distance = ${round(c.wasserstein.normed)} reference standard deviations > ${c.threshold}`;
        case 'jensenshannon':
            return `Jensen-Shannon distance = ${round(c.jensenShannon)} > ${c.threshold}`;
        case 'psi':
            return `PSI = ${round(c.psi)} > ${c.threshold}`;
    }
}
/** A Mermaid bar-and-line chart: bars are the reference's shares, the line the current data's. */
function driftChart(c) {
    const labels = c.shape.labels.map((l) => JSON.stringify(l.length > 18 ? `${l.slice(0, 17)}…` : l).replace(/\\"/g, "'"));
    const pct = (xs) => xs.map((x) => Number((x * 100).toFixed(2)));
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


/***/ }),

/***/ 65359:
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
var distinct_sketch = __webpack_require__(98380);
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
var moments = __webpack_require__(86974);
// EXTERNAL MODULE: ./src/stats/quantile-sketch.ts + 1 modules
var quantile_sketch = __webpack_require__(53755);
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

/***/ 31418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O_: () => (/* binding */ SplitControl),
/* harmony export */   kd: () => (/* binding */ SPLIT_MIN_BYTES),
/* harmony export */   vN: () => (/* binding */ claimTail)
/* harmony export */ });
/* unused harmony exports TAIL_SHARE, SPLIT_MIN_TAIL_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

/**
 * One CSV file read by two threads at once. The head reader reads from the start and publishes how
 * far it has got; a helper that has nothing else to do picks a record boundary a little over
 * halfway through what is left, asks the head to stop there, and reads from there to the end.
 *
 * The helper's boundary is naive: the byte after a newline, which is a record boundary unless the
 * newline is inside a quoted field. So the head checks it: the head stops only if a record of its
 * own starts exactly there. When a quoted field spans the boundary (or the head has already passed
 * it), the head reads on to the end of the file and the helper's part is not used: the result is
 * the same as a single reader's either way.
 *
 * Lines in the helper's part are counted from 1 at the boundary; the head knows the line it stopped
 * at, and adds it to every line the helper reports.
 */
class SplitControl {
    shared;
    words;
    /** `shared`: the same memory on both threads (new when not given). */
    constructor(shared = new SharedArrayBuffer(2 * 8)) {
        this.shared = shared;
        this.words = new BigInt64Array(shared);
    }
    /** The head: the file offset of the next record it will read. */
    publishPosition(offset) {
        Atomics.store(this.words, 0, BigInt(offset));
    }
    position() {
        return Number(Atomics.load(this.words, 0));
    }
    /** Where the head is to stop (a file offset), or -1. */
    stopAt() {
        // Stored plus one, so that the zeroed memory means none.
        return Number(Atomics.load(this.words, 1)) - 1;
    }
    setStopAt(offset) {
        Atomics.store(this.words, 1, BigInt(offset + 1));
    }
}
/** A file smaller than this is read by one reader: a second one would not pay for its start. */
const SPLIT_MIN_BYTES = 16 << 20;
/**
 * The share of what is left that the helper takes. A bit under half: measured on the benchmark, the
 * helper reads its part about a fifth slower than the head reads the same bytes (its compiled code
 * comes from reading the reference), and the head then adds the helper's results to its own.
 */
const TAIL_SHARE = 0.45;
/** A part smaller than this is not worth a second reader. */
const SPLIT_MIN_TAIL_BYTES = 4 << 20;
/**
 * The helper's side: a naive record boundary (the byte after a newline) that leaves the helper a
 * little under half (TAIL_SHARE) of what lies between the head's position and the end of the
 * file, published for the head to stop at; or -1 when what is left is too small to share.
 * `minTail` is for tests.
 */
async function claimTail(path, size, control, minTail = SPLIT_MIN_TAIL_BYTES) {
    const from = control.position();
    const split = size - Math.floor((size - from) * TAIL_SHARE);
    if (size - split < minTail)
        return -1;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    try {
        const chunk = Buffer.allocUnsafe(64 << 10);
        for (let at = split - 1; at < size; at += chunk.length) {
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
            if (bytesRead === 0)
                break;
            const lf = chunk.subarray(0, bytesRead).indexOf(10);
            if (lf >= 0) {
                const boundary = at + lf + 1;
                if (size - boundary < minTail / 2)
                    return -1;
                control.setStopAt(boundary);
                return boundary;
            }
        }
        return -1;
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 78381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ detectFormat),
  l: () => (/* binding */ readDataFile)
});

// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(46316);
// EXTERNAL MODULE: ./src/data/readers/record-buffer.ts
var record_buffer = __webpack_require__(23329);
;// CONCATENATED MODULE: ./src/data/readers/csv-fields-wasm.ts
// Generated by scripts/build-wasm.mjs from wasm/csv-fields.ts: do not edit.
/** The WebAssembly module of the CSV scanner's fast path, base64. */
const CSV_FIELDS_WASM = 'AGFzbQEAAAABGQJgAAF/YBB/f39/f39/f39/f39/f39/AX8CDwEDZW52Bm1lbW9yeQIAAAMEAwEAAAYLAn8BQQALfwFBAAsHJAMM' +
    'cmVzdWx0T2Zmc2V0AAEKcmVzdWx0TGluZQACBHNjYW4AAArWEAPJEAMJfwN7AX4gBiERIAEiEEFAcSIUIABqIhL9AAQAIhsgDv0P' +
    'Ihn9IyAbIA/9DyIa/SP9UCAb/QwKCgoKCgoKCgoKCgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krSAS/QAEECIb' +
    'IBn9IyAbIBr9I/1QIBv9DAoKCgoKCgoKCgoKCgoKCgr9IyAb/QwNDQ0NDQ0NDQ0NDQ0NDQ0N/SP9UP1Q/WStQhCGhCAS/QAEICIb' +
    'IBn9IyAbIBr9I/1QIBv9DAoKCgoKCgoKCgoKCgoKCgr9IyAb/QwNDQ0NDQ0NDQ0NDQ0NDQ0N/SP9UP1Q/WStQiCGhCAS/QAEMCIb' +
    'IBn9IyAbIBr9I/1QIBv9DAoKCgoKCgoKCgoKCgoKCgr9IyAb/QwNDQ0NDQ0NDQ0NDQ0NDQ0N/SP9UP1Q/WStQjCGhEJ/IBAgFGus' +
    'hoMhHANAAkAgASAITiAGIAdOcg0AA0AgHFAEQCACIBRBQGsiFEoEQCAAIBRqIhL9AAQAIhsgGf0jIBsgGv0j/VAgG/0MCgoKCgoK' +
    'CgoKCgoKCgoKCv0jIBv9DA0NDQ0NDQ0NDQ0NDQ0NDQ39I/1Q/VD9ZK0gEv0ABBAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoK' +
    'CgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIQhoQgEv0ABCAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoK' +
    'CgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIghoQgEv0ABDAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoK' +
    'CgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIwhoQhHAwCCwsLIBxQDQAgFCAceqdqIRMgHCAcQgF9gyEcIAIg' +
    'E0wNACAQIBNIIRUgACATai0AACISIA9GBEAgECATRw0CQQIhFUF/IRADQAJAA0AgHFAEQCACIBRBQGsiFEoEQCAAIBRqIhL9AAQA' +
    'IhsgGf0jIBsgGv0j/VAgG/0MCgoKCgoKCgoKCgoKCgoKCv0jIBv9DA0NDQ0NDQ0NDQ0NDQ0NDQ39I/1Q/VD9ZK0gEv0ABBAiGyAZ' +
    '/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoKCgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIQhoQgEv0ABCAiGyAZ' +
    '/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoKCgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIghoQgEv0ABDAiGyAZ' +
    '/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoKCgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIwhoQhHAwCCwsLIBxQ' +
    'DQAgFCAceqdqIRIgHCAcQgF9gyEcIAIgEkwNACAAIBJqLQAAIhcgD0YEQCASQQFqIhcgAkgEfyAAIBdqLQAAIA9GBUEACwRAQQMh' +
    'FQNAIBxQBEAgFEFAayIUIABqIhL9AAQAIhsgGf0jIBsgGv0j/VAgG/0MCgoKCgoKCgoKCgoKCgoKCv0jIBv9DA0NDQ0NDQ0NDQ0N' +
    'DQ0NDQ39I/1Q/VD9ZK0gEv0ABBAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoKCgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0N' +
    'Df0j/VD9UP1krUIQhoQgEv0ABCAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoKCgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0N' +
    'Df0j/VD9UP1krUIghoQgEv0ABDAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoKCgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0N' +
    'Df0j/VD9UP1krUIwhoQhHAwBCwsgHCAcQgF9gyEcDAMLIBIhEAwBCyAXQQ1GIBdBCkZyRQ0BCwsgEEEASA0BIBNBAWohFyAQQQFq' +
    'IhMgAk4NASAAIBNqLQAAIhJBCkcgDiASR3ENAQNAIBxQBEAgFEFAayIUIABqIhj9AAQAIhsgGf0jIBsgGv0j/VAgG/0MCgoKCgoK' +
    'CgoKCgoKCgoKCv0jIBv9DA0NDQ0NDQ0NDQ0NDQ0NDQ39I/1Q/VD9ZK0gGP0ABBAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoK' +
    'CgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIQhoQgGP0ABCAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoK' +
    'CgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIghoQgGP0ABDAiGyAZ/SMgGyAa/SP9UCAb/QwKCgoKCgoKCgoK' +
    'CgoKCgoK/SMgG/0MDQ0NDQ0NDQ0NDQ0NDQ0NDf0j/VD9UP1krUIwhoQhHAwBCwsgHCAcQgF9gyEcIBFBAnQiGCAKaiAXNgIAIAsg' +
    'GGogEDYCAAUgEkENRg0BIAEgE0YgEkEKRnEEQCADQQFqIQMgE0EBaiIBIRAMAwsgEUECdCIXIApqIBA2AgAgCyAXaiATNgIACyAO' +
    'IBJGBEAgFiAEQQFrTg0BIAwgEWogFToAACAFIBFqIREgFkEBaiEWIBNBAWohEAwCCyAWIARBAWtHIBNBAWoiECABayAJSnINACAM' +
    'IBFqIBU6AAAgDSAGQQN0aiADtzkDACADQQFqIQNBACEWIAZBAWoiBiERIBAhAQwBCwsgASQAIAMkASAGCwQAIwALBAAjAQs=';

;// CONCATENATED MODULE: ./src/data/readers/csv-fields.ts

const PAGE = 65536;
/** Bytes the fast path may read past the data (one 64-byte block). */
const OVERREAD = 80;
const I32_MAX = 0x7fffffff;
let compiled;
/** The compiled module, or null where WebAssembly with SIMD is not available (then the scanner reads alone). */
function fieldsModule() {
    if (compiled === undefined) {
        try {
            compiled = new WebAssembly.Module(Buffer.from(CSV_FIELDS_WASM, 'base64'));
        }
        catch {
            compiled = null;
        }
    }
    return compiled;
}
class FieldArena {
    bufferBytes;
    cells;
    stride;
    /** The arena the last finished file gave back: the next file of the same layout reuses its memory. */
    static idle;
    /** The read buffer the fast path works on; the scanner takes the fast path only while reading into it. */
    region;
    starts;
    ends;
    flags;
    positions;
    exports;
    startsAt;
    endsAt;
    flagsAt;
    positionsAt;
    constructor(exports, memory, bufferBytes, regionBytes, cells, stride) {
        this.bufferBytes = bufferBytes;
        this.cells = cells;
        this.stride = stride;
        this.exports = exports;
        const memoryBuffer = memory.buffer;
        // The same size as a RecordBuffer's own allocation: capacity, sentinel, whole words.
        const bufBytes = (Math.floor((bufferBytes + 1) / 4) + 1) * 4;
        this.region = { buf: Buffer.from(memoryBuffer, 0, bufBytes), words: new Int32Array(memoryBuffer, 0, bufBytes / 4), capacity: bufferBytes };
        this.positionsAt = regionBytes;
        this.startsAt = this.positionsAt + stride * 8;
        this.endsAt = this.startsAt + cells * 4;
        this.flagsAt = this.endsAt + cells * 4;
        this.positions = new Float64Array(memoryBuffer, this.positionsAt, stride);
        this.starts = new Int32Array(memoryBuffer, this.startsAt, cells);
        this.ends = new Int32Array(memoryBuffer, this.endsAt, cells);
        this.flags = new Uint8Array(memoryBuffer, this.flagsAt, cells);
    }
    /**
     * An arena for a read buffer of `bufferBytes` and a batch of `cells` fields in rows of `stride`
     * (the last one released, when it has that layout); undefined without WebAssembly. Give it back
     * with release() once nothing reads its buffer or arrays any more.
     */
    static acquire(bufferBytes, cells, stride) {
        const kept = FieldArena.idle;
        if (kept !== undefined && kept.bufferBytes === bufferBytes && kept.cells === cells && kept.stride === stride) {
            FieldArena.idle = undefined;
            return kept;
        }
        const module = fieldsModule();
        if (module === null)
            return undefined;
        const regionBytes = Math.ceil((bufferBytes + OVERREAD) / 8) * 8;
        const total = regionBytes + stride * 8 + cells * 9;
        const memory = new WebAssembly.Memory({ initial: Math.ceil(total / PAGE) });
        const instance = new WebAssembly.Instance(module, { env: { memory } });
        return new FieldArena(instance.exports, memory, bufferBytes, regionBytes, cells, stride);
    }
    /**
     * Scans ordinary records of region.buf[p, len) from row `row` on, while rows stay below `maxRow`
     * and records start before `stop` (see wasm/csv-fields.ts). Returns the row count reached;
     * `offset` and `line` then say where it stopped, always at a record's first byte.
     */
    scan(p, len, line, ncols, stride, row, maxRow, stop, maxRecordBytes, delimiter, quote) {
        return this.exports.scan(0, p, len, line, ncols, stride, row, maxRow, stop > I32_MAX ? I32_MAX : stop, maxRecordBytes > I32_MAX ? I32_MAX : maxRecordBytes, this.startsAt, this.endsAt, this.flagsAt, this.positionsAt, delimiter, quote);
    }
    /** Keeps the arena for the next file read with the same layout (one file after another, as datasets are read). */
    release() {
        FieldArena.idle = this;
    }
    get offset() {
        return this.exports.resultOffset();
    }
    get line() {
        return this.exports.resultLine();
    }
}

;// CONCATENATED MODULE: ./src/data/readers/csv-scanner.ts




const LF = 10;
const CR = 13;
const BOM = [0xef, 0xbb, 0xbf];
/** Typed-array cells per batch at most, so a very wide file gets fewer rows per batch, not gigabytes of offsets. */
const MAX_BATCH_CELLS = 1 << 22;
const HINT_AFTER_QUOTE = 'A quoted field must end at a delimiter or the end of the line; double a quote inside a quoted field ("").';
const HINT_UNTERMINATED = 'A field that opens with a quote must close with one; check for a missing closing quote on or after this line.';
const HINT_RAGGED = 'Every row needs one value per header column: check for a missing or extra delimiter, or a value with a delimiter that should be quoted.';
async function scanCsvFile(file, options, sink) {
    const scanner = new CsvScanner(file.displayName, sink, options);
    const maxRecordBytes = options.maxRecordBytes ?? record_buffer/* DEFAULT_MAX_RECORD_BYTES */.ty;
    const gzip = options.gzip ?? false;
    if ((options.split !== undefined || options.startAt !== undefined) && gzip)
        throw new Error('a gzip-compressed file cannot be read in parts');
    const bufferBytes = options.bufferBytes ?? record_buffer/* DEFAULT_BUFFER_BYTES */.L9;
    let input = new record_buffer/* RecordBuffer */.Cz(await (0,record_buffer/* openByteSource */.QK)(file.path, file.displayName, { gzip, readBytes: options.readBytes }), bufferBytes, maxRecordBytes);
    try {
        await input.refill(0);
        let pos = 0;
        if (input.len >= 3 && input.buf[0] === BOM[0] && input.buf[1] === BOM[1] && input.buf[2] === BOM[2])
            pos = 3;
        if (options.startAt !== undefined) {
            // The helper's part: the header, then a fresh buffer from the boundary on.
            while (!scanner.hasHeader) {
                pos = scanner.scan(input.buf, input.words, pos, input.len, input.eof, 0);
                if (scanner.hasHeader || input.eof)
                    break;
                await input.refill(pos);
                pos = 0;
            }
            await input.close();
            input = new record_buffer/* RecordBuffer */.Cz(await (0,record_buffer/* openByteSource */.QK)(file.path, file.displayName, { gzip, readBytes: options.readBytes, start: options.startAt }), bufferBytes, maxRecordBytes);
            input.offset = options.startAt;
            await input.refill(0, scanner.arenaRegion);
            pos = 0;
            scanner.line = 1;
        }
        // The records start at the beginning of the buffer (the arena's, when there is one).
        let recordsFirst = options.startAt !== undefined;
        for (;;) {
            const bad = input.firstInvalidUtf8();
            if (bad >= 0)
                throw (0,record_buffer/* invalidUtf8Error */.PI)(file.displayName, input.buf, pos, scanner.line, bad, input.len, input.eof);
            pos = scanner.scan(input.buf, input.words, pos, input.len, input.eof, input.offset);
            if (scanner.stoppedAt !== undefined)
                break;
            if (!recordsFirst && scanner.hasHeader) {
                // Right after the header: the records move to the start of the buffer, into the fast
                // path's arena when there is one.
                recordsFirst = true;
                await input.refill(pos, scanner.arenaRegion);
                pos = 0;
                continue;
            }
            if (input.eof)
                break;
            // Every row of the batch points into the buffer, so it goes out before the buffer moves.
            scanner.flush(input.buf);
            if (input.len - pos > maxRecordBytes)
                throw (0,record_buffer/* recordTooLongError */.gM)(file.displayName, maxRecordBytes, scanner.line, 'CSV row');
            await input.refill(pos, scanner.arenaRegion);
            pos = 0;
        }
        scanner.flush(input.buf);
        scanner.finish();
        return { rows: scanner.rowsTotal, bytes: input.bytesRead, stoppedAt: scanner.stoppedAt };
    }
    finally {
        await input.close();
        scanner.release();
    }
}
function checkCsvOptions(delimiter, quote) {
    const d = delimiter.charCodeAt(0);
    const q = quote.charCodeAt(0);
    if (delimiter.length !== 1 || quote.length !== 1 || d >= 0x80 || q >= 0x80 || d === q || d === LF || d === CR || q === LF || q === CR) {
        throw new errors/* ConfigurationError */.j1(`invalid CSV options: delimiter ${JSON.stringify(delimiter)}, quote ${JSON.stringify(quote)}`, {
            hint: 'Use a single ASCII character for each, different from each other and from a newline.',
        });
    }
    return { delimiter: d, quote: q };
}
class CsvScanner {
    file;
    sink;
    /** The physical line of the next unscanned byte. */
    line = 1;
    rowsTotal = 0;
    /** Set when the reader stopped where a helper took over (see CsvScanOptions.split). */
    stoppedAt;
    split;
    delimiter;
    quote;
    maxRecordBytes;
    requestedBatchRows;
    wordwise;
    wasm;
    bufferBytes;
    rows;
    batch;
    constructor(file, sink, options) {
        this.file = file;
        this.sink = sink;
        const checked = checkCsvOptions(options.delimiter ?? ',', options.quote ?? '"');
        this.delimiter = checked.delimiter;
        this.quote = checked.quote;
        this.maxRecordBytes = options.maxRecordBytes ?? record_buffer/* DEFAULT_MAX_RECORD_BYTES */.ty;
        this.requestedBatchRows = Math.max(1, Math.floor(options.batchRows ?? record_buffer/* DEFAULT_BATCH_ROWS */.V3));
        this.wordwise = LITTLE_ENDIAN && options.wordwise !== false;
        this.wasm = LITTLE_ENDIAN && options.wasm !== false;
        this.bufferBytes = options.bufferBytes ?? record_buffer/* DEFAULT_BUFFER_BYTES */.L9;
        this.split = options.split;
    }
    /** The read buffer the fast path works in, once the header has laid out its arena: the reader moves its data there. */
    get arenaRegion() {
        return this.rows?.fast?.region;
    }
    get hasHeader() {
        return this.rows !== undefined;
    }
    /** Where to stop in buf, whose first byte is at `offset` in the file: NO_STOP, or the helper's boundary. */
    stopIn(offset) {
        const at = this.split === undefined ? -1 : this.split.stopAt();
        return at < 0 ? NO_STOP : at - offset;
    }
    /**
     * Scans the complete records of buf[from, len); returns where the first incomplete one starts
     * (len when none). `words` views buf's memory as 32-bit words; buf[len] must be writable: it holds
     * a sentinel while the rows are scanned.
     */
    scan(buf, words, from, len, eof, offset) {
        const rows = this.rows;
        if (rows === undefined) {
            // The reader moves the records to the start of the buffer before they are scanned (see scanCsvFile).
            return this.scanHeader(buf, from, len, eof);
        }
        rows.p = from;
        rows.line = this.line;
        rows.stop = this.stopIn(offset);
        buf[len] = LF;
        for (;;) {
            const status = scanRecords(rows, buf, words, len, eof);
            if (status === SCAN_DONE)
                break;
            if (status === SCAN_PAUSED) {
                if (this.split !== undefined) {
                    this.split.publishPosition(offset + rows.p);
                    rows.stop = this.stopIn(offset);
                }
                continue;
            }
            if (status === SCAN_STOP) {
                if (rows.p === rows.stop) {
                    this.stoppedAt = { offset: offset + rows.p, line: rows.line };
                    break;
                }
                // A record spans the boundary (a quoted newline), or it was asked too late: read on alone.
                this.split = undefined;
                rows.stop = NO_STOP;
                continue;
            }
            if (status === SCAN_BATCH_FULL) {
                this.flush(buf);
                continue;
            }
            throw this.scanError(status, rows, buf, len);
        }
        this.line = rows.line;
        this.split?.publishPosition(offset + rows.p);
        return rows.p;
    }
    /** Gives the fast path's arena back once the file is read (nothing reads a batch after its sink call). */
    release() {
        this.rows?.fast?.release();
    }
    /** Emits the rows scanned so far as a batch. */
    flush(buf) {
        const rows = this.rows;
        const batch = this.batch;
        if (rows === undefined || batch === undefined || rows.row === 0)
            return;
        batch.rowCount = rows.row;
        for (const column of batch.columns)
            column.buf = buf;
        this.rowsTotal += rows.row;
        rows.row = 0;
        this.sink.batch(batch);
    }
    finish() {
        if (this.rows === undefined) {
            throw new errors/* ConfigurationError */.j1('the file is empty: no header row', {
                file: this.file,
                line: 1,
                hint: 'A CSV file needs a header row naming its columns, then one row per record.',
            });
        }
        this.sink.endFile?.(this.file);
    }
    scanError(status, rows, buf, len) {
        const line = rows.errorLine;
        switch (status) {
            case SCAN_RAGGED: {
                const n = rows.errorCount;
                return new errors/* ConfigurationError */.j1(`row has ${n} field${n === 1 ? '' : 's'}, the header has ${rows.ncols}`, { file: this.file, line, hint: HINT_RAGGED });
            }
            case SCAN_UNTERMINATED:
                return new errors/* ConfigurationError */.j1('unterminated quoted field', { file: this.file, line, hint: HINT_UNTERMINATED });
            case SCAN_AFTER_QUOTE:
                return this.afterQuoteError(buf, rows.errorAt, len, line);
            default:
                return (0,record_buffer/* recordTooLongError */.gM)(this.file, this.maxRecordBytes, line, 'CSV row');
        }
    }
    /** Reads the header record (the first non-blank one) into names; leaves `rows` unset when the record is incomplete. */
    scanHeader(buf, from, len, eof) {
        const D = this.delimiter;
        const Q = this.quote;
        let p = from;
        let line = this.line;
        // Blank lines before the header.
        while (p < len && (buf[p] === LF || buf[p] === CR)) {
            if (buf[p] === CR) {
                if (p + 1 < len)
                    p += buf[p + 1] === LF ? 2 : 1;
                else if (eof)
                    p++;
                else
                    break;
            }
            else {
                p++;
            }
            line++;
        }
        this.line = line;
        if (p >= len || buf[p] === CR)
            return p;
        const headerLine = line;
        const recordStart = p;
        const fields = [];
        const incomplete = () => {
            this.line = headerLine;
            return recordStart;
        };
        for (;;) {
            if (p >= len) {
                if (!eof)
                    return incomplete();
                fields.push(null);
                break;
            }
            const c = buf[p];
            if (c === Q) {
                const quoteLine = line;
                let q = p + 1;
                let escaped = false;
                for (;;) {
                    while (q < len && buf[q] !== Q) {
                        if (buf[q] === LF)
                            line++;
                        q++;
                    }
                    if (q >= len) {
                        if (!eof)
                            return incomplete();
                        if (len - recordStart > this.maxRecordBytes)
                            throw (0,record_buffer/* recordTooLongError */.gM)(this.file, this.maxRecordBytes, headerLine, 'CSV row');
                        throw new errors/* ConfigurationError */.j1('unterminated quoted field', { file: this.file, line: quoteLine, hint: HINT_UNTERMINATED });
                    }
                    if (q + 1 < len && buf[q + 1] === Q) {
                        escaped = true;
                        q += 2;
                        continue;
                    }
                    break;
                }
                fields.push(fieldString(buf, p + 1, q, escaped, Q));
                p = q + 1;
                if (p >= len) {
                    if (!eof)
                        return incomplete();
                    break;
                }
                const d = buf[p];
                if (d === D) {
                    p++;
                    continue;
                }
                if (d !== LF && d !== CR)
                    throw this.afterQuoteError(buf, p, len, line);
            }
            else if (c === D) {
                fields.push(null);
                p++;
                continue;
            }
            else if (c === LF || c === CR) {
                fields.push(null);
            }
            else {
                let q = p + 1;
                while (q < len && buf[q] !== D && buf[q] !== LF && buf[q] !== CR)
                    q++;
                fields.push(buf.toString('utf8', p, q));
                p = q;
                if (p >= len) {
                    if (!eof)
                        return incomplete();
                    break;
                }
                if (buf[p] === D) {
                    p++;
                    continue;
                }
            }
            // buf[p] is LF or CR.
            if (buf[p] === CR) {
                if (p + 1 < len)
                    p += buf[p + 1] === LF ? 2 : 1;
                else if (eof)
                    p++;
                else
                    return incomplete();
            }
            else {
                p++;
            }
            line++;
            break;
        }
        if (p - recordStart > this.maxRecordBytes)
            throw (0,record_buffer/* recordTooLongError */.gM)(this.file, this.maxRecordBytes, headerLine, 'CSV row');
        const names = checkHeader(fields, this.file, headerLine);
        this.line = line;
        this.startBatches(names);
        this.sink.beginFile(this.file, names, { line: headerLine });
        return p;
    }
    startBatches(names) {
        const ncols = names.length;
        const stride = Math.max(1, Math.min(this.requestedBatchRows, Math.floor(MAX_BATCH_CELLS / ncols)));
        const cells = ncols * stride;
        // The field arrays live in the fast path's arena when there is one (it writes them too).
        const fast = this.wasm ? FieldArena.acquire(this.bufferBytes, cells, stride) : undefined;
        const rows = new RowScan(this.delimiter, this.quote, ncols, stride, this.maxRecordBytes, this.wordwise, fast, fast?.starts ?? new Int32Array(cells), fast?.ends ?? new Int32Array(cells), fast?.flags ?? new Uint8Array(cells), fast?.positions ?? new Float64Array(stride));
        const empty = Buffer.alloc(0);
        const columns = names.map((_, i) => {
            const a = i * stride;
            const b = a + stride;
            return { kind: 'bytes', buf: empty, start: rows.starts.subarray(a, b), end: rows.ends.subarray(a, b), flags: rows.flags.subarray(a, b), quote: this.quote };
        });
        this.rows = rows;
        this.batch = { file: this.file, rowCount: 0, positions: rows.positions, positionKind: 'line', columns, names };
    }
    afterQuoteError(buf, p, len, line) {
        // The character, not the byte: a multi-byte one is shown whole.
        const text = buf.toString('utf8', p, Math.min(len, p + 4));
        const ch = String.fromCodePoint(text.codePointAt(0) ?? 0xfffd);
        return new errors/* ConfigurationError */.j1(`unexpected character ${JSON.stringify(ch)} after a closing quote`, { file: this.file, line, hint: HINT_AFTER_QUOTE });
    }
}
/**
 * Word-at-a-time scanning (SWAR). For a 32-bit word w and a byte value n <= 128,
 * (w - n * LOW_BITS) & ~w & HIGH_BITS has the high bit of every byte below n set, and possibly of
 * some bytes above the first such byte (a borrow ripples up), never of a byte before it: so its
 * lowest set bit marks the first byte below n, and each candidate is then checked exactly.
 */
const LOW_BITS = 0x01010101;
const HIGH_BITS = 0x80808080 | 0;
/** Byte i of a word is its i-th lowest byte on little-endian machines (every runner); others take the byte loop. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const SCAN_DONE = 0;
const SCAN_BATCH_FULL = 1;
const SCAN_RAGGED = 2;
const SCAN_UNTERMINATED = 3;
const SCAN_AFTER_QUOTE = 4;
const SCAN_TOO_LONG = 5;
const SCAN_PAUSED = 6;
const SCAN_STOP = 7;
/** RowScan.stop when there is nowhere to stop. */
const NO_STOP = 2 ** 53;
/**
 * The loop returns every 4,096 rows. Returning often lets V8 optimize it as a whole function with
 * feedback for every path, early in the first file, instead of on-stack replacement in one long
 * call that bails out the first time it reaches its exit.
 */
const PAUSE_ROWS_MASK = 4095;
/** The fast path counts lines in 32 bits: it stops being asked well before they would overflow. */
const FAST_LINES = 2 ** 31 - 2 ** 24;
/**
 * What the hot loop reads and writes, in one object of fixed shape. Field i of row r goes to index
 * i * stride + r of starts/ends/flags; each column's arrays are views of one stride of them.
 */
class RowScan {
    delimiter;
    quote;
    ncols;
    stride;
    maxRecordBytes;
    wordwise;
    fast;
    starts;
    ends;
    flags;
    positions;
    /** Cursor: the next byte, its physical line, and the rows in the current batch. */
    p = 0;
    line = 1;
    row = 0;
    /** The loop returns SCAN_STOP at the first record starting at or after this (a helper's boundary; NO_STOP). */
    stop = NO_STOP;
    /** Set when the loop stops on an error. */
    errorLine = 0;
    errorAt = 0;
    errorCount = 0;
    constructor(delimiter, quote, ncols, stride, maxRecordBytes, 
    /** Scan unquoted fields a 32-bit word at a time (little-endian machines). */
    wordwise, 
    /** The WebAssembly fast path, used while the data is in its arena's buffer. */
    fast, starts, ends, flags, positions) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.ncols = ncols;
        this.stride = stride;
        this.maxRecordBytes = maxRecordBytes;
        this.wordwise = wordwise;
        this.fast = fast;
        this.starts = starts;
        this.ends = ends;
        this.flags = flags;
        this.positions = positions;
    }
}
/**
 * The hot loop: scans records from s.p until the batch is full, the data ends, or a record is
 * incomplete (then s.p is its start, to be scanned again once more bytes are in). It allocates
 * nothing and calls nothing; errors come back as a status for the caller to word. buf[len] must be
 * LF (a sentinel that ends the unquoted-field loop without a bounds test per byte).
 */
function scanRecords(s, buf, words, len, eof) {
    // Literals, not the imported FIELD_* constants: a bundle turns an imported constant into a
    // property load whose value the compiler cannot see, which slows every store of a flag.
    // The tests compare flags with FIELD_*, so a change there cannot go unnoticed.
    const isNull = 0;
    const plain = 1;
    const quoted = 2;
    const quotedEscaped = 3;
    const lf = LF;
    const cr = CR;
    const D = s.delimiter;
    const Q = s.quote;
    const top = D > cr ? D : cr;
    // For finding bytes at or below `top` (a delimiter, CR or LF among them) a word at a time.
    // Computed module constants are read through a check at every use: these are locals too.
    const below = Math.imul(LOW_BITS, top + 1);
    const high = HIGH_BITS;
    const wordwise = s.wordwise;
    const ncols = s.ncols;
    const stride = s.stride;
    const maxRecordBytes = s.maxRecordBytes;
    const starts = s.starts;
    const ends = s.ends;
    const flags = s.flags;
    const positions = s.positions;
    const stop = s.stop;
    let p = s.p;
    let line = s.line;
    let row = s.row;
    const fast = s.fast !== undefined && s.fast.region.buf === buf ? s.fast : undefined;
    records: while (p < len) {
        if (fast !== undefined && line < FAST_LINES) {
            // Ordinary records go to the fast path; this loop takes the one it stops before, if any.
            const limit = Math.min(stride, (row | PAUSE_ROWS_MASK) + 1);
            const reached = fast.scan(p, len, line, ncols, stride, row, limit, stop, maxRecordBytes, D, Q);
            p = fast.offset;
            line = fast.line;
            if (reached === limit) {
                s.p = p;
                s.line = line;
                s.row = reached;
                return reached === stride ? SCAN_BATCH_FULL : SCAN_PAUSED;
            }
            row = reached;
            if (p >= len)
                break;
        }
        if (p >= stop) {
            s.p = p;
            s.line = line;
            s.row = row;
            return SCAN_STOP;
        }
        const recStart = p;
        const recLine = line;
        let c = buf[p];
        if (c === lf || c === cr) {
            // A blank line: no record.
            if (c === lf) {
                p++;
            }
            else if (p + 1 < len) {
                p += buf[p + 1] === lf ? 2 : 1;
            }
            else if (eof) {
                p++;
            }
            else {
                break;
            }
            line++;
            continue;
        }
        let col = 0;
        let idx = row;
        for (;;) {
            if (p >= len) {
                if (!eof) {
                    p = recStart;
                    line = recLine;
                    break records;
                }
                // The data ends right after a delimiter: one more, empty, field.
                if (col < ncols) {
                    starts[idx] = p;
                    ends[idx] = p;
                    flags[idx] = isNull;
                }
                col++;
                break;
            }
            c = buf[p];
            if (c === Q) {
                let q = p + 1;
                let escaped = false;
                let lines = 0;
                for (;;) {
                    while (q < len) {
                        const b = buf[q];
                        if (b === Q)
                            break;
                        if (b === lf)
                            lines++;
                        q++;
                    }
                    if (q >= len) {
                        if (!eof) {
                            p = recStart;
                            line = recLine;
                            break records;
                        }
                        // Past the record limit, the limit is the error, whether or not the whole file was in the buffer.
                        if (len - recStart > maxRecordBytes) {
                            s.errorLine = recLine;
                            return SCAN_TOO_LONG;
                        }
                        s.errorLine = line;
                        return SCAN_UNTERMINATED;
                    }
                    if (q + 1 < len && buf[q + 1] === Q) {
                        escaped = true;
                        q += 2;
                        continue;
                    }
                    break;
                }
                // buf[q] is the closing quote.
                if (col < ncols) {
                    starts[idx] = p + 1;
                    ends[idx] = q;
                    flags[idx] = escaped ? quotedEscaped : quoted;
                }
                idx += stride;
                col++;
                line += lines;
                p = q + 1;
                if (p >= len) {
                    if (!eof) {
                        p = recStart;
                        line = recLine;
                        break records;
                    }
                    break;
                }
                c = buf[p];
                if (c === D) {
                    p++;
                    continue;
                }
                if (c !== lf && c !== cr) {
                    s.errorLine = line;
                    s.errorAt = p;
                    return SCAN_AFTER_QUOTE;
                }
            }
            else if (c === D) {
                if (col < ncols) {
                    starts[idx] = p;
                    ends[idx] = p;
                    flags[idx] = isNull;
                }
                idx += stride;
                col++;
                p++;
                continue;
            }
            else if (c === lf || c === cr) {
                // The line ends right after a delimiter: one more, empty, field.
                if (col < ncols) {
                    starts[idx] = p;
                    ends[idx] = p;
                    flags[idx] = isNull;
                }
                idx += stride;
                col++;
            }
            else {
                let q = p + 1;
                // The byte that ends the field: a delimiter, LF or CR (the sentinel LF at the end of the data).
                let b = 0;
                if (wordwise) {
                    // Four bytes at a time: find the first byte at or below `top` (digits, letters, '.', '-'
                    // and ':' are above a ',' or a tab, so few bytes are candidates), then check it exactly.
                    let w = q >> 2;
                    let x = words[w];
                    // Candidates before q in its word are masked off.
                    let t = (x - below) & ~x & high & (-1 << ((q & 3) << 3));
                    for (;;) {
                        while (t === 0) {
                            w++;
                            x = words[w];
                            t = (x - below) & ~x & high;
                        }
                        q = (w << 2) + ((31 - Math.clz32(t & -t)) >> 3);
                        b = buf[q];
                        if (b === D || b === lf || b === cr)
                            break;
                        t &= t - 1;
                    }
                }
                else {
                    for (;;) {
                        b = buf[q];
                        if (b <= top && (b === D || b === lf || b === cr))
                            break;
                        q++;
                    }
                }
                if (col < ncols) {
                    starts[idx] = p;
                    ends[idx] = q;
                    flags[idx] = plain;
                }
                idx += stride;
                col++;
                p = q;
                if (p >= len) {
                    if (!eof) {
                        p = recStart;
                        line = recLine;
                        break records;
                    }
                    break;
                }
                if (b === D) {
                    p++;
                    continue;
                }
                c = b;
            }
            // buf[p] is LF or CR: the record ends.
            if (c === lf) {
                p++;
            }
            else if (p + 1 < len) {
                p += buf[p + 1] === lf ? 2 : 1;
            }
            else if (eof) {
                p++;
            }
            else {
                // cr at the end of the data: an lf may follow in the next read.
                p = recStart;
                line = recLine;
                break records;
            }
            line++;
            break;
        }
        if (col !== ncols) {
            s.errorLine = recLine;
            s.errorCount = col;
            return SCAN_RAGGED;
        }
        if (p - recStart > maxRecordBytes) {
            s.errorLine = recLine;
            return SCAN_TOO_LONG;
        }
        positions[row] = recLine;
        row++;
        if ((row & PAUSE_ROWS_MASK) === 0 || row === stride) {
            s.p = p;
            s.line = line;
            s.row = row;
            return row === stride ? SCAN_BATCH_FULL : SCAN_PAUSED;
        }
    }
    s.p = p;
    s.line = line;
    s.row = row;
    return SCAN_DONE;
}
/** A field's text, with doubled quotes undone. */
function fieldString(buf, start, end, escaped, quote) {
    const text = buf.toString('utf8', start, end);
    if (!escaped)
        return text;
    const q = String.fromCharCode(quote);
    return text.split(q + q).join(q);
}
function checkHeader(fields, file, line) {
    const seen = new Map();
    return fields.map((name, index) => {
        const trimmed = (name ?? '').trim();
        if (trimmed === '') {
            throw new errors/* ConfigurationError */.j1(`header column ${index + 1} has no name`, { file, line, hint: 'The first row must name every column.' });
        }
        const earlier = seen.get(trimmed);
        if (earlier !== undefined) {
            throw new errors/* ConfigurationError */.j1(`header names column "${trimmed}" twice (columns ${earlier + 1} and ${index + 1})`, {
                file,
                line,
                hint: 'Give every column a distinct name.',
            });
        }
        seen.set(trimmed, index);
        return trimmed;
    });
}

;// CONCATENATED MODULE: ./src/data/readers/jsonl.ts


const jsonl_LF = 10;
const jsonl_CR = 13;
const HINT = 'A JSON Lines file holds one JSON object per line, such as {"id": 1, "name": "a"}; a value may not span lines.';
async function readJsonlFile(file, options, sink) {
    const displayName = file.displayName;
    const batchRows = Math.max(1, Math.floor(options.batchRows ?? record_buffer/* DEFAULT_BATCH_ROWS */.V3));
    const maxRecordBytes = options.maxRecordBytes ?? record_buffer/* DEFAULT_MAX_RECORD_BYTES */.ty;
    const source = await (0,record_buffer/* openByteSource */.QK)(file.path, displayName, { gzip: options.gzip ?? false, readBytes: options.readBytes });
    const input = new record_buffer/* RecordBuffer */.Cz(source, options.bufferBytes ?? record_buffer/* DEFAULT_BUFFER_BYTES */.L9, maxRecordBytes);
    let names;
    const columnOf = new Map();
    const unknown = new Set();
    let values = [];
    const positions = new Float64Array(batchRows);
    let rowCount = 0;
    let rows = 0;
    let line = 1;
    const flush = () => {
        if (rowCount === 0 || names === undefined)
            return;
        const columns = values.map((v) => {
            v.length = rowCount;
            return { kind: 'values', values: v };
        });
        const batch = { file: displayName, rowCount, positions, positionKind: 'line', columns, names };
        rows += rowCount;
        rowCount = 0;
        values = names.map(() => new Array(batchRows));
        sink.batch(batch);
    };
    const addObject = (object, at) => {
        if (names === undefined) {
            names = Object.keys(object);
            names.forEach((name, i) => columnOf.set(name, i));
            values = names.map(() => new Array(batchRows));
            sink.beginFile(displayName, names, { line: at });
        }
        for (const column of values)
            column[rowCount] = null;
        for (const key in object) {
            const col = columnOf.get(key);
            if (col !== undefined) {
                const value = object[key];
                if (value !== null)
                    values[col][rowCount] = value;
            }
            else if (!unknown.has(key)) {
                unknown.add(key);
                sink.unknownColumn?.(displayName, key, { line: at });
            }
        }
        positions[rowCount] = at;
        rowCount++;
        if (rowCount === batchRows)
            flush();
    };
    try {
        await input.refill(0);
        let pos = input.len >= 3 && input.buf[0] === 0xef && input.buf[1] === 0xbb && input.buf[2] === 0xbf ? 3 : 0;
        for (;;) {
            const bad = input.firstInvalidUtf8();
            if (bad >= 0)
                throw (0,record_buffer/* invalidUtf8Error */.PI)(displayName, input.buf, pos, line, bad, input.len, input.eof);
            const buf = input.buf;
            const data = buf.subarray(0, input.len);
            for (;;) {
                let end = data.indexOf(jsonl_LF, pos);
                if (end < 0) {
                    if (!input.eof || pos >= input.len)
                        break;
                    end = input.len;
                }
                const next = end + 1;
                if (end > pos && buf[end - 1] === jsonl_CR)
                    end--;
                if (end - pos > maxRecordBytes)
                    throw (0,record_buffer/* recordTooLongError */.gM)(displayName, maxRecordBytes, line, 'JSON Lines line');
                if (!isBlank(buf, pos, end)) {
                    const text = buf.toString('utf8', pos, end);
                    let value;
                    try {
                        value = JSON.parse(text);
                    }
                    catch (error) {
                        throw new errors/* ConfigurationError */.j1(`not valid JSON: ${error.message}`, { file: displayName, line, hint: HINT, cause: error });
                    }
                    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
                        const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
                        throw new errors/* ConfigurationError */.j1(`the line holds ${kind}, not a JSON object`, { file: displayName, line, hint: HINT });
                    }
                    addObject(value, line);
                }
                line++;
                pos = next;
            }
            if (input.eof)
                break;
            if (input.len - pos > maxRecordBytes)
                throw (0,record_buffer/* recordTooLongError */.gM)(displayName, maxRecordBytes, line, 'JSON Lines line');
            await input.refill(pos);
            pos = 0;
        }
        flush();
        if (names === undefined) {
            throw new errors/* ConfigurationError */.j1('the file is empty: no JSON object', { file: displayName, line: 1, hint: HINT });
        }
        sink.endFile?.(displayName);
        return { rows, bytes: input.bytesRead };
    }
    finally {
        await input.close();
    }
}
function isBlank(buf, from, to) {
    for (let i = from; i < to; i++) {
        const c = buf[i];
        if (c !== 0x20 && c !== 0x09 && c !== jsonl_CR)
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/data/readers/index.ts



/**
 * One entry for every data file: the format comes from the extension (or is given), and the file
 * is streamed to the sink in RowBatch batches. CSV and JSON Lines may be gzip-compressed (`.gz`).
 */
const EXTENSIONS = {
    '.csv': { format: 'csv' },
    '.tsv': { format: 'csv', delimiter: '\t' },
    '.jsonl': { format: 'jsonl' },
    '.ndjson': { format: 'jsonl' },
    '.parquet': { format: 'parquet' },
};
const FORMATS = ['csv', 'jsonl', 'parquet'];
/**
 * The format of a file by its extension (case-insensitive; `.gz` after it means gzip), or the one
 * given. `delimiter` is the one the extension implies (a tab for `.tsv`), when it implies one.
 */
function detectFormat(path, explicit) {
    const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
    const gzip = base.endsWith('.gz');
    const stem = gzip ? base.slice(0, -3) : base;
    const dot = stem.lastIndexOf('.');
    const known = dot > 0 ? EXTENSIONS[stem.slice(dot)] : undefined;
    if (explicit !== undefined && !FORMATS.includes(explicit)) {
        throw new errors/* ConfigurationError */.j1(`unknown data format "${String(explicit)}"`, { hint: `Set \`format\` to one of: ${FORMATS.join(', ')}.` });
    }
    const format = explicit ?? known?.format;
    if (format === undefined) {
        throw new errors/* ConfigurationError */.j1(`cannot tell the data format of "${path}" from its extension`, {
            file: path,
            hint: `Name the file .csv, .tsv, .jsonl, .ndjson or .parquet (optionally followed by .gz), or set \`format\` to one of: ${FORMATS.join(', ')}.`,
        });
    }
    if (format === 'parquet' && gzip) {
        throw new errors/* ConfigurationError */.j1('a gzip-compressed Parquet file cannot be read', {
            file: path,
            hint: 'Parquet compresses its pages itself and needs random access: decompress the file (gunzip) and use the .parquet file.',
        });
    }
    const delimiter = known?.format === format ? known.delimiter : undefined;
    return delimiter === undefined ? { format, gzip } : { format, gzip, delimiter };
}
/** Reads one data file into the sink; `bytes` is the data read (after gunzip; the file size for Parquet). */
async function readDataFile(file, options, sink) {
    const detected = detectFormat(file.displayName, options.format);
    switch (detected.format) {
        case 'csv':
            return scanCsvFile(file, { ...options, delimiter: options.delimiter ?? detected.delimiter, gzip: detected.gzip }, sink);
        case 'jsonl':
            return readJsonlFile(file, { ...options, gzip: detected.gzip }, sink);
        case 'parquet': {
            // hyparquet loads only when a Parquet file is read.
            const { readParquetFile } = await Promise.all(/* import() */[__webpack_require__.e(14), __webpack_require__.e(947)]).then(__webpack_require__.bind(__webpack_require__, 21947));
            return readParquetFile(file, options, sink);
        }
    }
}


/***/ }),

/***/ 23329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cz: () => (/* binding */ RecordBuffer),
/* harmony export */   L9: () => (/* binding */ DEFAULT_BUFFER_BYTES),
/* harmony export */   PI: () => (/* binding */ invalidUtf8Error),
/* harmony export */   QK: () => (/* binding */ openByteSource),
/* harmony export */   V3: () => (/* binding */ DEFAULT_BATCH_ROWS),
/* harmony export */   gM: () => (/* binding */ recordTooLongError),
/* harmony export */   ty: () => (/* binding */ DEFAULT_MAX_RECORD_BYTES),
/* harmony export */   zS: () => (/* binding */ fileError)
/* harmony export */ });
/* unused harmony export DEFAULT_READ_BYTES */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46316);






/**
 * The byte layer under the CSV and JSON Lines readers: a file's bytes (gunzipped when asked) read
 * into one buffer that always starts at a record boundary. A reader scans the complete records in
 * it, then asks for a refill that keeps the incomplete tail; the buffer grows only when a single
 * record fills it, up to the reader's record limit, so memory is bounded by the longest record.
 */
// Measured on the 1M-row benchmark (data and reference on two threads): 2 MiB buffers with 4 MiB
// of read-ahead ran 10-15 % faster and 90 MiB smaller than 16 + 16 MiB; the batch stays in cache.
const DEFAULT_BUFFER_BYTES = 2 << 20;
const DEFAULT_READ_BYTES = 4 << 20;
/** How far plain-file reads run ahead of the scanner (at most four reads). */
const READ_AHEAD_BYTES = 4 << 20;
const DEFAULT_MAX_RECORD_BYTES = 64 << 20;
const DEFAULT_BATCH_ROWS = 65_536;
const LF = 10;
async function openByteSource(path, displayName, options) {
    const readBytes = Math.max(1, options.readBytes ?? DEFAULT_READ_BYTES);
    return options.gzip ? gunzipSource(path, displayName, readBytes) : fileSource(path, displayName, readBytes, options.start ?? 0);
}
async function fileSource(path, displayName, readBytes, start = 0) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'r');
    }
    catch (error) {
        throw fileError(error, displayName);
    }
    const depth = Math.min(4, Math.ceil(READ_AHEAD_BYTES / readBytes));
    const free = [];
    const queue = [];
    let position = start;
    const issue = () => {
        const chunk = free.pop() ?? Buffer.allocUnsafe(readBytes);
        const at = position;
        position += readBytes;
        const pending = handle.read(chunk, 0, readBytes, at).then(({ bytesRead }) => ({ chunk, n: bytesRead, at }), (error) => Promise.reject(fileError(error, displayName)));
        // A failed read is reported when it is awaited, not as an unhandled rejection.
        pending.catch(() => { });
        queue.push(pending);
    };
    const drain = async () => {
        for (const pending of queue.splice(0)) {
            const done = await pending.catch(() => undefined);
            if (done !== undefined)
                free.push(done.chunk);
        }
    };
    for (let k = 0; k < depth; k++)
        issue();
    let current;
    let used = 0;
    return {
        async read(into, offset, length) {
            while (current === undefined || used >= current.n) {
                if (current !== undefined)
                    free.push(current.chunk);
                current = undefined;
                const next = queue.shift();
                if (next === undefined)
                    return 0;
                const got = await next;
                if (got.n === 0) {
                    await drain();
                    return 0;
                }
                if (got.n < readBytes) {
                    // A short read (the end of the file, or a rare partial read): the reads queued after it
                    // started past it, so they go, and reading resumes right after this chunk.
                    await drain();
                    position = got.at + got.n;
                }
                while (queue.length < depth)
                    issue();
                current = got;
                used = 0;
            }
            const n = Math.min(length, current.n - used);
            current.chunk.copy(into, offset, used, used + n);
            used += n;
            return n;
        },
        async close() {
            await drain();
            await handle.close();
        },
    };
}
async function gunzipSource(path, displayName, readBytes) {
    // Opening first turns a missing file into the same error as for an uncompressed one.
    await (await fileSource(path, displayName, readBytes)).close();
    const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip)({ chunkSize: 1 << 18 });
    (0,node_stream__WEBPACK_IMPORTED_MODULE_3__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path, { highWaterMark: 1 << 20 }), gunzip, () => {
        // Errors reach the reader through the gunzip stream's iterator.
    });
    const chunks = gunzip[Symbol.asyncIterator]();
    let pending;
    let pendingAt = 0;
    return {
        async read(into, offset, length) {
            while (pending === undefined || pendingAt >= pending.length) {
                let next;
                try {
                    next = await chunks.next();
                }
                catch (error) {
                    throw gzipError(error, displayName);
                }
                if (next.done)
                    return 0;
                pending = next.value;
                pendingAt = 0;
            }
            const n = Math.min(length, readBytes, pending.length - pendingAt);
            pending.copy(into, offset, pendingAt, pendingAt + n);
            pendingAt += n;
            return n;
        },
        async close() {
            gunzip.destroy();
        },
    };
}
/** A file-system error the user can fix (missing file, a folder, no permission) as a configuration error; others unchanged. */
function fileError(error, displayName) {
    const code = error?.code;
    const reasons = {
        ENOENT: 'file not found',
        ENOTDIR: 'file not found',
        EISDIR: 'is a directory, not a file',
        EACCES: 'cannot read the file: permission denied',
        EPERM: 'cannot read the file: permission denied',
    };
    const reason = code === undefined ? undefined : reasons[code];
    if (reason === undefined)
        return error;
    return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(reason, { file: displayName, hint: 'Check the path (it is relative to the workspace) and that the file is there.', cause: error });
}
function gzipError(error, displayName) {
    const code = error?.code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
        const truncated = code === 'Z_BUF_ERROR';
        return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(truncated ? 'the gzip data ends early: the file is truncated' : `the file is not valid gzip data (${error.message})`, {
            file: displayName,
            hint: 'A file named *.gz must be complete gzip data: check that it was written or downloaded in full, or drop the .gz extension if it is not compressed.',
            cause: error,
        });
    }
    return fileError(error, displayName);
}
class RecordBuffer {
    source;
    maxRecordBytes;
    /**
     * Data is buf[0, len). buf has room past `capacity` for a sentinel byte at buf[len], and `words`
     * views the same memory as 32-bit words (buf starts on a word boundary and ends on one), so a
     * scanner may read the whole word holding buf[len].
     */
    buf;
    words;
    capacity;
    /** Bytes of data in buf. */
    len = 0;
    /** True once the source has no more data: every record in buf is then complete. */
    eof = false;
    /** Bytes taken from the source (after gunzip) so far. */
    bytesRead = 0;
    /** Where buf[0] is in the data (a file offset for a plain file). */
    offset = 0;
    /** [0, checked) is known to be valid UTF-8. */
    checked = 0;
    constructor(source, bufferBytes, 
    /** A record may take at most this many bytes, so the buffer never needs more than one byte beyond it. */
    maxRecordBytes) {
        this.source = source;
        this.maxRecordBytes = maxRecordBytes;
        // At least room for a byte order mark, which readers look for in the first fill.
        this.capacity = Math.max(4, bufferBytes);
        [this.buf, this.words] = allocate(this.capacity);
    }
    /**
     * Keeps buf[keepFrom, len) (moved to the start), grows the buffer when that tail already fills it,
     * and reads until the buffer is full or the data ends. The caller has checked that the tail is
     * within the record limit, so growth always makes room. With `into`, a buffer of the same
     * capacity elsewhere (the CSV scanner's arena, see csv-fields.ts), the tail moves there and
     * reading goes on in it.
     */
    async refill(keepFrom, into) {
        if (into !== undefined && into.buf !== this.buf && into.capacity === this.capacity && this.len - keepFrom < this.capacity) {
            this.offset += keepFrom;
            this.buf.copy(into.buf, 0, keepFrom, this.len);
            this.len -= keepFrom;
            this.checked = Math.max(0, this.checked - keepFrom);
            this.buf = into.buf;
            this.words = into.words;
        }
        else if (keepFrom > 0) {
            this.offset += keepFrom;
            this.buf.copyWithin(0, keepFrom, this.len);
            this.len -= keepFrom;
            this.checked = Math.max(0, this.checked - keepFrom);
        }
        else if (this.len === this.capacity) {
            const size = Math.min(this.capacity * 2, this.maxRecordBytes + 1);
            if (size <= this.capacity)
                throw new Error(`record buffer cannot grow past ${this.capacity} bytes`);
            const [grown, words] = allocate(size);
            this.buf.copy(grown, 0, 0, this.len);
            this.buf = grown;
            this.words = words;
            this.capacity = size;
        }
        while (!this.eof && this.len < this.capacity) {
            const n = await this.source.read(this.buf, this.len, this.capacity - this.len);
            if (n === 0)
                this.eof = true;
            this.len += n;
            this.bytesRead += n;
        }
    }
    /**
     * Checks the bytes read since the last call and gives the offset of the first one that is not
     * valid UTF-8, or -1. Only whole characters are checked: the check stops after the last ASCII
     * byte (never part of a multi-byte character) until the data ends, and every complete record ends
     * at an ASCII byte, so no record is handed on unchecked.
     */
    firstInvalidUtf8() {
        let end = this.len;
        if (!this.eof) {
            while (end > this.checked && this.buf[end - 1] >= 0x80)
                end--;
        }
        if (end <= this.checked)
            return -1;
        const from = this.checked;
        if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(this.buf.subarray(from, end))) {
            this.checked = end;
            return -1;
        }
        return from + Math.max(0, firstInvalidUtf8At(this.buf, from, end));
    }
    async close() {
        await this.source.close();
    }
}
/** A buffer for `capacity` bytes and a sentinel, whole 32-bit words long, with a word view of it. */
function allocate(capacity) {
    const memory = new ArrayBuffer((Math.floor((capacity + 1) / 4) + 1) * 4);
    return [Buffer.from(memory), new Int32Array(memory)];
}
/** Offset (relative to `from`) of the first byte in buf[from, end) that starts no valid UTF-8 character. */
function firstInvalidUtf8At(buf, from, end) {
    let i = from;
    while (i < end) {
        const b = buf[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        const n = sequenceLength(buf, i, end);
        if (n <= 0)
            return i - from;
        i += n;
    }
    return -1;
}
/** Length of the valid UTF-8 sequence at i (1–4), 0 when it is invalid, -1 when the data ends inside it. */
function sequenceLength(buf, i, end) {
    const b = buf[i];
    let need;
    let min;
    if (b < 0x80)
        return 1;
    if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        min = 0x80;
    }
    else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        min = 0x800;
    }
    else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        min = 0x10000;
    }
    else {
        return 0;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
        if (i + k >= end)
            return -1;
        const c = buf[i + k];
        if ((c & 0xc0) !== 0x80)
            return 0;
        cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return need + 1;
}
/**
 * The configuration error for invalid UTF-8 at buf[at], worded as the string CSV reader words it.
 * `line` is the line at buf[from]; lines are counted by LF up to the bad byte.
 */
function invalidUtf8Error(displayName, buf, from, line, at, len, eof) {
    let l = line;
    for (let k = from; k < at; k++)
        if (buf[k] === LF)
            l++;
    if (eof && sequenceLength(buf, at, len) === -1) {
        return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('the file ends in the middle of a UTF-8 character', { file: displayName, line: l, hint: 'Save the file as UTF-8.' });
    }
    return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`invalid UTF-8 (byte 0x${(buf[at] ?? 0).toString(16).padStart(2, '0')})`, {
        file: displayName,
        line: l,
        hint: 'Save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.csv > out.csv).',
    });
}
function recordTooLongError(displayName, maxRecordBytes, line, what) {
    return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`record longer than ${formatBytes(maxRecordBytes)} starting at line ${line}`, {
        file: displayName,
        line,
        hint: `No ${what} should be this long: check for a quote that is never closed, a wrong delimiter, or a file that is not in this format.`,
    });
}
function formatBytes(n) {
    if (n >= 1 << 20 && n % (1 << 20) === 0)
        return `${n / (1 << 20)} MiB`;
    if (n >= 1 << 10 && n % (1 << 10) === 0)
        return `${n / (1 << 10)} KiB`;
    return `${n} bytes`;
}


/***/ }),

/***/ 94394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   serveScanWorker: () => (/* binding */ serveScanWorker),
/* harmony export */   workerHelper: () => (/* binding */ workerHelper)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46316);
/* harmony import */ var _platform_threads_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18118);
/* harmony import */ var _readers_csv_split_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31418);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28728);





function plain(options) {
    const { logger: _logger, schemaLineOf: _lineOf, split: _split, tail: _tail, ...rest } = options;
    return rest;
}
/** A helper that runs its jobs in a worker thread of `entryFile` (the bundle): the prestarted one, else a new one. */
function workerHelper(entryFile) {
    return (jobs) => {
        const input = {
            reference: jobs.reference && plain(jobs.reference),
            tail: jobs.tail && { options: plain(jobs.tail.options), shared: jobs.tail.shared, pairsDir: jobs.tail.pairsDir },
        };
        const worker = (0,_platform_threads_js__WEBPACK_IMPORTED_MODULE_2__/* .startWorker */ .Dh)(entryFile, _platform_threads_js__WEBPACK_IMPORTED_MODULE_2__/* .SCAN_TASK */ .qE);
        worker.postMessage(input);
        const pending = new Map();
        const expect = (job, lineOf, schemaFile) => {
            const promise = new Promise((resolve, reject) => {
                pending.set(job, { resolve: resolve, reject: (error) => reject(revive(error, lineOf, schemaFile)) });
            });
            // Awaited by whoever needs it; a result nobody needs must not be an unhandled rejection.
            promise.catch(() => { });
            return promise;
        };
        const run = {
            reference: jobs.reference && expect('reference', jobs.reference.schemaLineOf, jobs.reference.schemaFile),
            tail: jobs.tail && expect('tail', jobs.tail.options.schemaLineOf, jobs.tail.options.schemaFile),
            async stop() {
                await worker.terminate();
            },
        };
        const settle = (job, value, error) => {
            const waiting = pending.get(job);
            if (!waiting)
                return;
            pending.delete(job);
            if (error !== undefined)
                waiting.reject(error);
            else
                waiting.resolve(value);
        };
        worker.on('message', (message) => {
            if (message.job === 'reference')
                settle('reference', message.state, message.error);
            else
                settle('tail', message.tail ?? undefined, message.error);
        });
        worker.once('error', (error) => {
            for (const job of [...pending.keys()])
                settle(job, undefined, error);
        });
        worker.once('exit', (code) => {
            for (const job of [...pending.keys()])
                settle(job, undefined, new Error(`the scan worker exited with code ${code} before answering`));
        });
        return run;
    };
}
/** A worker's error as an Error again: a configuration error with its schema line (the lookup does not cross threads). */
function revive(error, schemaLineOf, schemaFile) {
    if (error instanceof Error)
        return error;
    const e = error;
    if (e.configuration) {
        const column = /^schema column "([^"]+)"/.exec(e.message)?.[1];
        const line = e.line ?? (column && e.file === schemaFile ? schemaLineOf?.(['columns', column]) : undefined);
        return new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(e.message, { file: e.file, line, hint: e.hint });
    }
    const revived = new Error(e.message);
    revived.stack = e.stack;
    return revived;
}
function serialize(error) {
    return error instanceof _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1
        ? { message: error.message, configuration: true, file: error.file, line: error.line, hint: error.hint }
        : { message: error instanceof Error ? error.message : String(error), configuration: false, stack: error instanceof Error ? error.stack : undefined };
}
/** The worker side: waits for the jobs, then does the reference, then the end of the data, each result posted as it is ready. */
async function serveScanWorker() {
    const input = await new Promise((resolve) => node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.once('message', resolve));
    if (input.reference) {
        try {
            node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({ job: 'reference', state: await (0,_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .scanDataset */ .yu)(input.reference) });
        }
        catch (error) {
            node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({ job: 'reference', error: serialize(error) });
        }
    }
    if (input.tail) {
        const { options, shared, pairsDir } = input.tail;
        try {
            const tail = await (0,_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .scanTailOf */ .vY)(options, new _readers_csv_split_js__WEBPACK_IMPORTED_MODULE_3__/* .SplitControl */ .O_(shared), pairsDir);
            node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({ job: 'tail', tail: tail ?? null });
        }
        catch (error) {
            node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({ job: 'tail', error: serialize(error) });
        }
    }
}


/***/ }),

/***/ 28728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mU: () => (/* binding */ mergeScanStates),
  yu: () => (/* binding */ scanDataset),
  vY: () => (/* binding */ scanTailOf)
});

// UNUSED EXPORTS: pairsFile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(46316);
// EXTERNAL MODULE: ./src/platform/logger.ts
var platform_logger = __webpack_require__(63255);
// EXTERNAL MODULE: ./src/platform/report.ts
var report = __webpack_require__(68809);
// EXTERNAL MODULE: ./src/stats/distinct-sketch.ts
var distinct_sketch = __webpack_require__(98380);
;// CONCATENATED MODULE: ./src/data/batch.ts
/**
 * The unit every reader hands to the engines: a batch of rows stored column by column. A CSV reader
 * gives each field as a byte range into one buffer (no string is made until a column needs one);
 * JSONL and Parquet readers give decoded JavaScript values. Engines loop over a column at a time,
 * which keeps the per-row work small and typed.
 */
const FIELD_NULL = 0; // an unquoted empty field (CSV), null/undefined/missing (JSONL, Parquet)
const FIELD_PLAIN = 1; // an unquoted, non-empty field
const FIELD_QUOTED = 2; // a quoted field without doubled quotes inside: bytes are between the quotes
const FIELD_QUOTED_ESCAPED = 3; // a quoted field with doubled quotes ("") inside: unescape before use

// EXTERNAL MODULE: ./src/data/drift.ts + 2 modules
var drift = __webpack_require__(78727);
// EXTERNAL MODULE: ./src/data/profile.ts + 1 modules
var data_profile = __webpack_require__(65359);
// EXTERNAL MODULE: ./src/data/readers/index.ts + 4 modules
var readers = __webpack_require__(78381);
;// CONCATENATED MODULE: ./src/data/short-keys.ts
/**
 * The short values (up to 8 bytes) of a categorical column that its top-values table already
 * holds, found by their bytes instead of their hash, and counted until `flush` hands the counts to
 * the profile. A country code or a device name then costs a few byte loads and one probe of a small
 * table, not a hash of its bytes and a probe of the profile's tables. Counting by batch gives the
 * same profile as counting one at a time because the caller flushes before anything else can change
 * the table (a new value, which may start a purge) and clears the values it then no longer knows.
 */
const SLOTS = 64;
/** At most this many values are kept, so a probe always meets an empty slot soon. */
const MAX_KEPT = 48;
class ShortKeys {
    /** Bytes 0-3 and 4-7 of each kept value, little-endian, and its length (-1: empty slot). */
    low = new Int32Array(SLOTS);
    high = new Int32Array(SLOTS);
    length = new Int32Array(SLOTS).fill(-1);
    /** The value's hash (hashBytes) and its count since the last flush. */
    hashes = new Float64Array(SLOTS);
    counts = new Float64Array(SLOTS);
    kept = 0;
    probedLow = 0;
    probedHigh = 0;
    /** The slot of buf[s, e) when it is kept, else -1. */
    find(buf, s, e) {
        if (e - s > 8)
            return -1;
        const slot = this.probe(buf, s, e);
        return this.length[slot] === -1 ? -1 : slot;
    }
    /** Keeps buf[s, e), whose hash is `hash`, when it is short and there is room. */
    keep(buf, s, e, hash) {
        if (e - s > 8 || this.kept >= MAX_KEPT)
            return;
        const slot = this.probe(buf, s, e);
        if (this.length[slot] !== -1)
            return;
        this.low[slot] = this.probedLow;
        this.high[slot] = this.probedHigh;
        this.length[slot] = e - s;
        this.hashes[slot] = hash;
        this.counts[slot] = 0;
        this.kept++;
    }
    /** The slot holding buf[s, e) (at most 8 bytes), else the empty slot where it would go; its packed bytes stay in probedLow/probedHigh. */
    probe(buf, s, e) {
        const n = e - s;
        let low = 0;
        let high = 0;
        const m = n < 4 ? n : 4;
        for (let i = 0; i < m; i++)
            low |= buf[s + i] << (i << 3);
        for (let i = 4; i < n; i++)
            high |= buf[s + i] << ((i - 4) << 3);
        this.probedLow = low;
        this.probedHigh = high;
        for (let slot = slotOf(low, high, n);; slot = (slot + 1) & (SLOTS - 1)) {
            const length = this.length[slot];
            if (length === -1 || (length === n && this.low[slot] === low && this.high[slot] === high))
                return slot;
        }
    }
    /** Hands each kept value's count to `add` (its hash and count) and starts counting again. */
    flush(add) {
        if (this.kept === 0)
            return;
        for (let slot = 0; slot < SLOTS; slot++) {
            const count = this.counts[slot];
            if (count > 0) {
                add(this.hashes[slot], count);
                this.counts[slot] = 0;
            }
        }
    }
    /** Forgets every value (after a flush). */
    clear() {
        if (this.kept === 0)
            return;
        this.length.fill(-1);
        this.kept = 0;
    }
}
function slotOf(low, high, n) {
    return Math.imul(low ^ Math.imul(high ^ n, 0x9e3779b1), 0x85ebca6b) >>> 26;
}

// EXTERNAL MODULE: ./src/data/readers/csv-split.ts
var csv_split = __webpack_require__(31418);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/data/unique.ts



/**
 * The `unique: true` check of one column in bounded memory. Values are known by their 53-bit hash
 * (two different values share one with probability about n²/2⁵⁴: under 0.6 % at ten million rows),
 * and each hash by the position where it was first seen: a file index and a line, packed in one
 * number as file · 2³² + line.
 *
 * While every value is greater than the one before it (ids in increasing order, a common case:
 * the caller compares each value with the previous one and passes the sign as `order`), a repeat
 * can only be of the previous value, so the pairs are only appended to a log, in order: no table,
 * no random memory access. The first value out of order turns the log into the table.
 *
 * While at most `memoryEntries` distinct hashes have been seen, they sit in an open-addressing
 * table and a repeat is reported at once. Past that, the table is written out and every later
 * (hash, position) pair is appended to one of 64 temporary files chosen by the hash's top bits;
 * `finish` then reads the files back one at a time and finds the repeats in each. So memory stays
 * at the table's size however many rows come, and the disk holds 16 bytes a row past the limit.
 */
/** 2^20 hashes in memory at most: a 32 MiB table, enough for a million-row column without spilling. */
const DEFAULT_MEMORY_ENTRIES = 1 << 20;
const BUCKET_BITS = 6;
const BUCKETS = 1 << BUCKET_BITS;
/** Pairs buffered per bucket before a write: 64 buckets × 32 KiB. */
const BUCKET_PAIRS = 2048;
const TWO_POW_32 = 4294967296;
function packPosition(file, line) {
    return file * TWO_POW_32 + line;
}
function unpack(position) {
    const file = Math.floor(position / TWO_POW_32);
    return { file, line: position - file * TWO_POW_32 };
}
class UniqueChecker {
    memoryEntries;
    /**
     * The open-addressing table: slot i holds a hash + 1 at 2i (0: empty) and its first position at
     * 2i + 1, side by side, so a probe touches one cache line.
     */
    table = new Float64Array(0);
    size = 0;
    spill;
    slots;
    /** True while every value has been greater than the previous one: pairs go to `log`. */
    ordered = true;
    log = new Float64Array(2 * 1024);
    logged = 0;
    /** In order: where the previous value was first seen. */
    previousFirst = -1;
    /**
     * `expectedEntries`, a guess of the distinct values to come (from the data's size), sizes the
     * table once instead of growing it step by step; it is capped at `memoryEntries`.
     */
    constructor(memoryEntries = DEFAULT_MEMORY_ENTRIES, expectedEntries = 0) {
        this.memoryEntries = memoryEntries;
        this.slots = 2 ** Math.ceil(Math.log2(2 * Math.max(1 << 11, Math.min(memoryEntries, expectedEntries))));
    }
    /** True while the values have come in increasing order (the caller need not compare them after). */
    get inOrder() {
        return this.ordered;
    }
    /**
     * Records a value's hash at a position; returns the packed position where it was first seen,
     * or -1 when it is new, or not known yet (past the memory limit: see finish). `order` is the sign
     * of the value minus the previous value (any when there is none), or -1 when not known.
     */
    check(hash, position, order = -1) {
        if (this.ordered) {
            if (order > 0 || this.logged === 0) {
                if (this.logged === this.log.length) {
                    if (this.logged >= 2 * this.memoryEntries) {
                        this.leaveOrder();
                        return this.check(hash, position);
                    }
                    const log = new Float64Array(2 * this.log.length);
                    log.set(this.log);
                    this.log = log;
                }
                this.log[this.logged++] = hash;
                this.log[this.logged++] = position;
                this.previousFirst = position;
                return -1;
            }
            if (order === 0)
                return this.previousFirst;
            this.leaveOrder();
        }
        if (this.spill !== undefined) {
            this.spill.append(hash, position);
            return -1;
        }
        const table = this.table;
        const key = hash + 1; // 0 marks an empty slot
        const mask = (table.length >> 1) - 1;
        let i = (hash >>> 0) & mask;
        for (;;) {
            const k = table[2 * i];
            if (k === 0)
                break;
            if (k === key)
                return table[2 * i + 1];
            i = (i + 1) & mask;
        }
        if (this.size === this.memoryEntries) {
            this.startSpilling();
            this.spill.append(hash, position);
            return -1;
        }
        table[2 * i] = key;
        table[2 * i + 1] = position;
        if (++this.size * 4 > table.length)
            this.grow();
        return -1;
    }
    /** The log becomes the table (and maybe the spill): from here on, every value is looked up. */
    leaveOrder() {
        this.ordered = false;
        this.table = new Float64Array(2 * this.slots);
        const log = this.log;
        const logged = this.logged;
        this.log = new Float64Array(0);
        for (let j = 0; j < logged; j += 2)
            this.check(log[j], log[j + 1]);
    }
    /** True once values have gone to disk: their repeats come from finish. */
    get spilled() {
        return this.spill !== undefined;
    }
    /**
     * The repeats found on disk: their number, and the `keep` with the smallest positions, in
     * position order. Removes the temporary files; the checker takes no more values.
     */
    finish(keep) {
        const spill = this.spill;
        if (spill === undefined)
            return { count: 0, first: [] };
        try {
            const smallest = new SmallestPairs(keep);
            let count = 0;
            spill.forEachBucket((pairs) => {
                count += findRepeats(pairs, (position, first) => smallest.add(position, first));
            });
            return {
                count,
                first: smallest.sorted().map(([position, first]) => {
                    const at = unpack(position);
                    const firstAt = unpack(first);
                    return { file: at.file, line: at.line, firstFile: firstAt.file, firstLine: firstAt.line };
                }),
            };
        }
        finally {
            this.dispose();
        }
    }
    /** Removes the temporary files (also after an error). */
    dispose() {
        this.spill?.remove();
        this.spill = undefined;
    }
    startSpilling() {
        const spill = new Spill();
        // The table's hashes go first, so each bucket holds its pairs in the order they were seen
        // up to where it matters: every table entry is a first sighting.
        const table = this.table;
        for (let j = 0; j < table.length; j += 2) {
            if (table[j] !== 0)
                spill.append(table[j] - 1, table[j + 1]);
        }
        this.table = new Float64Array(0);
        this.spill = spill;
    }
    grow() {
        const old = this.table;
        const table = new Float64Array(old.length * 2);
        const mask = (table.length >> 1) - 1;
        for (let j = 0; j < old.length; j += 2) {
            const k = old[j];
            if (k === 0)
                continue;
            let i = ((k - 1) >>> 0) & mask;
            while (table[2 * i] !== 0)
                i = (i + 1) & mask;
            table[2 * i] = k;
            table[2 * i + 1] = old[j + 1];
        }
        this.table = table;
    }
}
/**
 * The order of a `unique` column's values, for UniqueChecker.check and UniquePairWriter.check: each
 * value against the previous one (numbers by value, text byte by byte in UTF-8), while they have
 * come in increasing order. Values that repeat the previous one, or come after a larger one, do not
 * replace it. `first` is the first value given.
 */
class ValueOrder {
    first;
    previousBytes = new Uint8Array(64);
    previousLength = -1;
    previousNumber = NaN;
    /** The sign of value - previous (1 for the first value). */
    of(value) {
        return typeof value === 'number' ? this.ofNumber(value) : this.ofBytes(value, 0, value.length);
    }
    ofNumber(x) {
        const previous = this.previousNumber;
        if (previous !== previous)
            this.first ??= x;
        const order = previous !== previous || x > previous ? 1 : x === previous ? 0 : -1;
        if (order > 0)
            this.previousNumber = x;
        return order;
    }
    /** The same for the text in buf[s, e). */
    ofBytes(buf, s, e) {
        const length = e - s;
        let order = 1;
        let previous = this.previousBytes;
        const previousLength = this.previousLength;
        // The common prefix with the previous value: its length, i, is also what need not be copied.
        let i = 0;
        if (previousLength >= 0) {
            const n = Math.min(length, previousLength);
            while (i < n && buf[s + i] === previous[i])
                i++;
            order = i < n ? (buf[s + i] > previous[i] ? 1 : -1) : Math.sign(length - previousLength);
        }
        else {
            this.first ??= buf.slice(s, e);
        }
        if (order > 0) {
            if (previous.length < length) {
                const grown = new Uint8Array(2 * length);
                grown.set(previous.subarray(0, i));
                this.previousBytes = previous = grown;
            }
            // A byte loop, not set(subarray()): an id is a few bytes, and a view per value costs more.
            for (let j = i; j < length; j++)
                previous[j] = buf[s + j];
            this.previousLength = length;
        }
        return order;
    }
}
/**
 * The `unique` check of a helper's part of a file (see readers/csv-split.ts): its values are not
 * checked here but written, as (hash, position, order) triples in the order they come, to a file
 * that the reader of the part before it checks after its own rows (forEachPair), as if it had read
 * them. `order` is as for UniqueChecker.check; the first one is the reader's to work out.
 */
class UniquePairWriter {
    file;
    pairs = new Float64Array(3 * BUCKET_PAIRS * 16);
    fill = 0;
    fd;
    ordered = true;
    /** The first value (its UTF-8 bytes, or a number), for the reader to compare with its own last one. */
    first;
    constructor(file) {
        this.file = file;
        this.fd = (0,external_node_fs_.openSync)(file, 'w');
    }
    /** True until a value came out of order: after that, nobody needs the order. */
    get inOrder() {
        return this.ordered;
    }
    check(hash, position, order = -1) {
        if (order < 0)
            this.ordered = false;
        this.pairs[this.fill++] = hash;
        this.pairs[this.fill++] = position;
        this.pairs[this.fill++] = order;
        if (this.fill === this.pairs.length)
            this.flush();
        return -1;
    }
    get spilled() {
        return false;
    }
    /** Writes what is buffered and closes the file; the first value goes beside it (firstValueOf). */
    finish() {
        this.flush();
        this.dispose();
        const first = this.first;
        (0,external_node_fs_.writeFileSync)(`${this.file}.first.json`, JSON.stringify(first === undefined ? {} : typeof first === 'number' ? { number: first } : { bytes: Buffer.from(first).toString('base64') }));
        return { count: 0, first: [] };
    }
    dispose() {
        if (this.fd >= 0)
            (0,external_node_fs_.closeSync)(this.fd);
        this.fd = -1;
    }
    flush() {
        const bytes = new Uint8Array(this.pairs.buffer, 0, this.fill * 8);
        let done = 0;
        while (done < bytes.length)
            done += (0,external_node_fs_.writeSync)(this.fd, bytes, done, bytes.length - done);
        this.fill = 0;
    }
}
/** The first value a UniquePairWriter was given, if any. */
function firstValueOf(file) {
    const saved = JSON.parse((0,external_node_fs_.readFileSync)(`${file}.first.json`, 'utf8'));
    return saved.number ?? (saved.bytes === undefined ? undefined : new Uint8Array(Buffer.from(saved.bytes, 'base64')));
}
/** Calls visit(hash, position, order) for each triple of a UniquePairWriter's file, in order. */
function forEachPair(file, visit) {
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        const pairs = new Float64Array(3 * BUCKET_PAIRS * 16);
        const bytes = new Uint8Array(pairs.buffer);
        for (;;) {
            let got = 0;
            while (got < bytes.length) {
                const n = (0,external_node_fs_.readSync)(fd, bytes, got, bytes.length - got, null);
                if (n === 0)
                    break;
                got += n;
            }
            for (let j = 0; j + 2 < got >> 3; j += 3)
                visit(pairs[j], pairs[j + 1], pairs[j + 2]);
            if (got < bytes.length)
                return;
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * Calls onRepeat(position, firstPosition) for every pair whose hash came earlier in `pairs`
 * (hash, position, hash, position, ...); returns how many there were. The table entries written
 * first all have distinct hashes and earlier positions than what follows, so "earlier in the
 * bucket" is "earlier in the data" wherever it decides.
 */
function findRepeats(pairs, onRepeat) {
    const n = pairs.length >> 1;
    const size = 2 ** Math.ceil(Math.log2(2 * n + 2));
    const keys = new Float64Array(size);
    const firsts = new Float64Array(size);
    const mask = size - 1;
    let count = 0;
    for (let j = 0; j < pairs.length; j += 2) {
        const hash = pairs[j];
        const key = hash + 1;
        let i = (hash >>> 0) & mask;
        for (;;) {
            const k = keys[i];
            if (k === 0) {
                keys[i] = key;
                firsts[i] = pairs[j + 1];
                break;
            }
            if (k === key) {
                count++;
                onRepeat(pairs[j + 1], firsts[i]);
                break;
            }
            i = (i + 1) & mask;
        }
    }
    return count;
}
/** The `keep` (position, first) pairs with the smallest positions, in bounded memory. */
class SmallestPairs {
    keep;
    pairs = [];
    /** Positions at or above this are not among the smallest once the list has been cut. */
    cutoff = Infinity;
    constructor(keep) {
        this.keep = keep;
    }
    add(position, first) {
        if (this.keep <= 0 || position >= this.cutoff)
            return;
        this.pairs.push([position, first]);
        if (this.pairs.length >= 2 * this.keep)
            this.cut();
    }
    sorted() {
        this.cut();
        return this.pairs;
    }
    cut() {
        this.pairs.sort((a, b) => a[0] - b[0]);
        if (this.pairs.length >= this.keep) {
            this.pairs.length = this.keep;
            this.cutoff = this.pairs[this.keep - 1][0];
        }
    }
}
/** The temporary bucket files, with a write buffer each. */
class Spill {
    dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'mlops-unique-'));
    fds = new Int32Array(BUCKETS).fill(-1);
    buffers = Array.from({ length: BUCKETS }, () => new Float64Array(2 * BUCKET_PAIRS));
    fill = new Int32Array(BUCKETS);
    append(hash, position) {
        const b = (hash >>> 0) >>> (32 - BUCKET_BITS);
        const buffer = this.buffers[b];
        let at = this.fill[b];
        buffer[at++] = hash;
        buffer[at++] = position;
        if (at === buffer.length) {
            this.write(b, at);
            at = 0;
        }
        this.fill[b] = at;
    }
    /** Each bucket's pairs in turn, read back whole (a bucket is a 64th of the spilled rows). */
    forEachBucket(visit) {
        for (let b = 0; b < BUCKETS; b++) {
            if (this.fill[b] > 0)
                this.write(b, this.fill[b]);
            this.fill[b] = 0;
            if (this.fds[b] < 0)
                continue;
            (0,external_node_fs_.closeSync)(this.fds[b]);
            this.fds[b] = -1;
            const bytes = (0,external_node_fs_.readFileSync)(this.file(b));
            const pairs = new Float64Array(bytes.length >> 3);
            new Uint8Array(pairs.buffer).set(bytes);
            visit(pairs);
        }
    }
    remove() {
        for (let b = 0; b < BUCKETS; b++) {
            if (this.fds[b] >= 0)
                (0,external_node_fs_.closeSync)(this.fds[b]);
            this.fds[b] = -1;
        }
        (0,external_node_fs_.rmSync)(this.dir, { recursive: true, force: true });
    }
    write(b, count) {
        if (this.fds[b] < 0)
            this.fds[b] = (0,external_node_fs_.openSync)(this.file(b), 'a');
        const buffer = this.buffers[b];
        const bytes = new Uint8Array(buffer.buffer, 0, count * 8);
        let done = 0;
        while (done < bytes.length)
            done += (0,external_node_fs_.writeSync)(this.fds[b], bytes, done, bytes.length - done);
    }
    file(b) {
        return external_node_path_default().join(this.dir, `bucket-${b}.bin`);
    }
}

// EXTERNAL MODULE: ./src/data/schema.ts
var schema = __webpack_require__(33625);
;// CONCATENATED MODULE: ./src/data/typed.ts
/**
 * Typing values straight from bytes: a CSV field is parsed where it lies in the read buffer, with
 * no string made for the common cases (integers, plain decimals, ISO dates). Anything unusual falls
 * back to the string parsers in schema.ts, so both paths accept exactly the same text.
 */

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const SPACE = 32;
const TAB = 9;
/** Powers of ten exactly representable as doubles, for the decimal fast path. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const decoder = new TextDecoder();
function trimStart(buf, s, e) {
    while (s < e && (buf[s] === SPACE || buf[s] === TAB))
        s++;
    return s;
}
function trimEnd(buf, s, e) {
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB))
        e--;
    return e;
}
/**
 * An integer in [s, e), or NaN when the text is not one (same grammar as the INTEGER pattern:
 * optional sign, digits, surrounding blanks allowed).
 */
function parseIntegerBytes(buf, s, e) {
    s = trimStart(buf, s, e);
    e = trimEnd(buf, s, e);
    if (s >= e)
        return NaN;
    let negative = false;
    const c0 = buf[s];
    if (c0 === MINUS || c0 === PLUS) {
        negative = c0 === MINUS;
        s++;
        if (s >= e)
            return NaN;
    }
    if (e - s > 15)
        return parseSlow(buf, s - (c0 === MINUS || c0 === PLUS ? 1 : 0), e, true);
    let v = 0;
    for (let i = s; i < e; i++) {
        const d = buf[i] - ZERO;
        if (d < 0 || d > 9)
            return NaN;
        v = v * 10 + d;
    }
    return negative ? -v : v;
}
/**
 * A decimal number in [s, e), or NaN when the text is not one (same grammar as the NUMBER
 * pattern). Up to 15 significant digits without an exponent are parsed exactly here; anything
 * longer, or with an exponent, goes through Number() for correct rounding.
 */
function parseNumberBytes(buf, s, e) {
    // The common case first: [-]digits[.digits], no blanks, at most 15 digits.
    let i = s;
    if (buf[i] === MINUS)
        i++;
    const intStart = i;
    let m = 0;
    while (i < e) {
        const d = buf[i] - ZERO;
        if (d < 0 || d > 9)
            break;
        m = m * 10 + d;
        i++;
    }
    let digits = i - intStart;
    let fraction = 0;
    if (i < e && buf[i] === DOT) {
        const fractionStart = ++i;
        while (i < e) {
            const d = buf[i] - ZERO;
            if (d < 0 || d > 9)
                break;
            m = m * 10 + d;
            i++;
        }
        fraction = i - fractionStart;
        digits += fraction;
    }
    if (i === e && digits > 0 && digits <= 15) {
        // m < 10^15 and 10^fraction are exact doubles, so one division rounds correctly, as Number() does.
        const v = fraction === 0 ? m : m / POW10[fraction];
        return buf[s] === MINUS ? -v : v;
    }
    return parseNumberGeneral(buf, s, e);
}
/** Blanks, a plus sign, long mantissas and exponents. */
function parseNumberGeneral(buf, s, e) {
    s = trimStart(buf, s, e);
    e = trimEnd(buf, s, e);
    if (s >= e)
        return NaN;
    const begin = s;
    let negative = false;
    const c0 = buf[s];
    if (c0 === MINUS || c0 === PLUS) {
        negative = c0 === MINUS;
        s++;
    }
    let mantissa = 0;
    let digits = 0;
    let fraction = 0;
    let sawDot = false;
    let i = s;
    for (; i < e; i++) {
        const c = buf[i];
        if (c >= ZERO && c <= NINE) {
            mantissa = mantissa * 10 + (c - ZERO);
            digits++;
            if (sawDot)
                fraction++;
        }
        else if (c === DOT && !sawDot) {
            sawDot = true;
        }
        else {
            break;
        }
    }
    if (digits === 0)
        return NaN;
    if (i < e) {
        const c = buf[i];
        if (c === 101 || c === 69)
            return parseSlow(buf, begin, e, false); // e or E: exponent
        return NaN;
    }
    if (digits > 15)
        return parseSlow(buf, begin, e, false);
    const v = fraction === 0 ? mantissa : mantissa / POW10[fraction];
    return negative ? -v : v;
}
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseSlow(buf, s, e, integer) {
    const text = decoder.decode(buf.subarray(s, e));
    return (integer ? INTEGER : NUMBER).test(text) ? Number(text) : NaN;
}
/** 1 true, 0 false, -1 neither (true/false/1/0/yes/no, any case, blanks around). */
function parseBooleanBytes(buf, s, e) {
    s = trimStart(buf, s, e);
    e = trimEnd(buf, s, e);
    const n = e - s;
    if (n === 1) {
        if (buf[s] === 49)
            return 1;
        if (buf[s] === 48)
            return 0;
        return -1;
    }
    // Lower-cased bytes compared with the words, with no string made.
    const c0 = buf[s] | 0x20;
    const c1 = buf[s + 1] | 0x20;
    if (n === 2)
        return c0 === 110 && c1 === 111 ? 0 : -1; // no
    const c2 = buf[s + 2] | 0x20;
    if (n === 3)
        return c0 === 121 && c1 === 101 && c2 === 115 ? 1 : -1; // yes
    const c3 = buf[s + 3] | 0x20;
    if (n === 4)
        return c0 === 116 && c1 === 114 && c2 === 117 && c3 === 101 ? 1 : -1; // true
    if (n === 5)
        return c0 === 102 && c1 === 97 && c2 === 108 && c3 === 115 && (buf[s + 4] | 0x20) === 101 ? 0 : -1; // false
    return -1;
}
const DAY_MS = 86_400_000;
/** Days from 1970-01-01 to the first of each month of a non-leap year. */
const MONTH_START = new Int32Array([0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]);
/** Days from 1970-01-01 to January 1st of `year` (proleptic Gregorian, as Date.UTC counts). */
function daysBeforeYear(year) {
    const y = year - 1;
    return 365 * (year - 1970) + (Math.floor(y / 4) - 492) - (Math.floor(y / 100) - 19) + (Math.floor(y / 400) - 4);
}
function digit2(buf, i) {
    const a = buf[i] - ZERO;
    const b = buf[i + 1] - ZERO;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
/**
 * Milliseconds since the epoch for an ISO 8601 date (fast path: exactly YYYY-MM-DD) or date-time
 * (through parseTimestamp); NaN when invalid.
 */
function parseTimestampBytes(buf, s, e) {
    s = trimStart(buf, s, e);
    e = trimEnd(buf, s, e);
    if (e - s === 10 && buf[s + 4] === MINUS && buf[s + 7] === MINUS) {
        const hi = digit2(buf, s);
        const lo = digit2(buf, s + 2);
        const month = digit2(buf, s + 5);
        const day = digit2(buf, s + 8);
        if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1)
            return NaN;
        const year = hi * 100 + lo;
        if (day > (0,schema/* daysInMonth */.L3)(year, month))
            return NaN;
        const leapDay = month > 2 && (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
        return (daysBeforeYear(year) + MONTH_START[month - 1] + leapDay + day - 1) * DAY_MS;
    }
    if (e - s >= 19 && (buf[s + 10] === 84 || buf[s + 10] === SPACE)) {
        const fast = dateTimeFast(buf, s, e);
        if (fast === fast)
            return fast;
    }
    const ms = (0,schema/* parseTimestamp */.EH)(decoder.decode(buf.subarray(s, e)));
    return ms === undefined ? NaN : ms;
}
/**
 * YYYY-MM-DDTHH:MM:SS with an optional fraction and an optional Z or ±HH:MM offset, the common
 * machine-written form; NaN for anything else, which then takes the general parser.
 */
function dateTimeFast(buf, s, e) {
    const date = parseTimestampBytes(buf, s, s + 10);
    if (date !== date || buf[s + 13] !== 58 || buf[s + 16] !== 58)
        return NaN;
    const h = digit2(buf, s + 11);
    const mi = digit2(buf, s + 14);
    const sec = digit2(buf, s + 17);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
        return NaN;
    let i = s + 19;
    let ms = 0;
    if (i < e && buf[i] === DOT) {
        i++;
        let scale = 100;
        const begin = i;
        while (i < e && buf[i] >= ZERO && buf[i] <= NINE) {
            ms += (buf[i] - ZERO) * scale;
            scale /= 10;
            i++;
        }
        if (i === begin)
            return NaN;
        // Sub-millisecond digits are dropped, as Date.parse does.
        ms = Math.floor(ms);
    }
    let offset = 0;
    if (i < e) {
        const c = buf[i];
        if (c === 90 && i + 1 === e) {
            i++;
        }
        else if ((c === PLUS || c === MINUS) && (e - i === 6 || e - i === 5)) {
            const oh = digit2(buf, i + 1);
            const om = digit2(buf, e - 2);
            if (oh < 0 || om < 0 || (e - i === 6 && buf[i + 3] !== 58))
                return NaN;
            offset = (c === PLUS ? 1 : -1) * (oh * 60 + om) * 60_000;
            i = e;
        }
        else {
            return NaN;
        }
    }
    if (i !== e)
        return NaN;
    return date + ((h * 60 + mi) * 60 + sec) * 1000 + ms - offset;
}
/** The text of a field, with doubled quotes undone when the field had them. */
function fieldText(buf, s, e, escaped, quote = 34) {
    // Buffer's own UTF-8 slice avoids making a view object per field.
    const text = Buffer.isBuffer(buf) ? buf.toString('utf8', s, e) : decoder.decode(buf.subarray(s, e));
    if (!escaped)
        return text;
    const q = String.fromCharCode(quote);
    return text.split(q + q).join(q);
}

;// CONCATENATED MODULE: ./src/data/scan.ts















/** The file a tail scan writes the values of `unique` column `index` to. */
function pairsFile(pairsDir, index) {
    return external_node_path_default().join(pairsDir, `unique-${index}.bin`);
}
const MAX_SHOWN_VALUE = 80;
/** A fixed set of 53-bit hashes (the allowed values of a column), probed without boxing a number. */
class HashSet53 {
    keys;
    constructor(hashes) {
        this.keys = new Float64Array(2 ** Math.ceil(Math.log2(2 * hashes.length + 2)));
        const mask = this.keys.length - 1;
        for (const hash of hashes) {
            let i = (hash >>> 0) & mask;
            while (this.keys[i] !== 0 && this.keys[i] !== hash + 1)
                i = (i + 1) & mask;
            this.keys[i] = hash + 1; // 0 marks an empty slot
        }
    }
    has(hash) {
        const mask = this.keys.length - 1;
        for (let i = (hash >>> 0) & mask;; i = (i + 1) & mask) {
            const k = this.keys[i];
            if (k === hash + 1)
                return true;
            if (k === 0)
                return false;
        }
    }
}
function shorten(value) {
    return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 1)}…` : value;
}
/**
 * Rules and profile of one schema column, resolved once so the per-value work is small: a value is
 * typed from its bytes, checked, and added to the profile by its hash; its text is made only when a
 * rule or a new top value needs it. Numbers are gathered per batch and handed to the profile at once.
 */
class ColumnScanner {
    name;
    rule;
    profile;
    checking;
    emit;
    files;
    countOnly;
    checks = new Map();
    /** Hashes of the allowed values of a text column (hashString), so a value is checked without its text. */
    allowedHashes;
    allowedNumbers;
    pattern;
    min;
    max;
    seen;
    /** The order of a `unique` column's values, while they come in increasing order (see UniqueChecker). */
    order = new ValueOrder();
    /** The index of the file being read, in `files`. */
    fileIndex = 0;
    /** This batch's valid numbers, handed to the profile in one call. */
    pending = new Float64Array(1024);
    pendingCount = 0;
    numericType;
    /** True when each text value is needed (a pattern to test); else only new keys and failures make text. */
    needsText;
    /** Short known values of a categorical column, counted by their bytes (see ShortKeys); undefined where each value needs its own look. */
    shortKeys;
    addKnown = (hash, count) => {
        this.profile.addKnownKey(hash, count);
    };
    constructor(name, rule, profile, checking, emit, 
    /** Display names of the dataset's files, by index. */
    files, unique, 
    /** Only values and nulls are counted: a column a profile for drift alone does not compare (not with checks). */
    countOnly = false) {
        this.name = name;
        this.rule = rule;
        this.profile = profile;
        this.checking = checking;
        this.emit = emit;
        this.files = files;
        this.countOnly = countOnly;
        const add = (r) => this.checks.set(r, { column: name, rule: r, failures: 0 });
        this.numericType = rule.type === 'integer' || rule.type === 'number' || rule.type === 'timestamp';
        add('type');
        if (!rule.nullable)
            add('nullable');
        if (rule.unique) {
            add('unique');
            if (checking)
                this.seen = unique.pairsFile === undefined ? new UniqueChecker(unique.memoryEntries, unique.expectedEntries) : new UniquePairWriter(unique.pairsFile);
        }
        if (rule.allowed) {
            add('allowed');
            if (this.numericType)
                this.allowedNumbers = new Set(rule.allowed.map((v) => Number(v)));
            else
                this.allowedHashes = new HashSet53(rule.allowed.map((v) => (0,distinct_sketch/* hashString */.YZ)(String(v))));
        }
        if (rule.pattern !== undefined) {
            add('pattern');
            this.pattern = new RegExp(rule.pattern, 'u');
        }
        this.needsText = checking && this.pattern !== undefined;
        if (!this.needsText && !(checking && this.seen !== undefined) && (rule.type === 'category' || rule.type === 'string'))
            this.shortKeys = new ShortKeys();
        this.min = rule.min === undefined ? -Infinity : boundValue(rule, 'min');
        this.max = rule.max === undefined ? Infinity : boundValue(rule, 'max');
        if (rule.min !== undefined)
            add('min');
        if (rule.max !== undefined)
            add('max');
        if (rule.max_null_fraction !== undefined)
            add('max_null_fraction');
    }
    scanBytes(col, rows, positions, file, quote) {
        const type = this.rule.type;
        if (this.countOnly)
            this.scanCounts(col.flags, rows);
        else if (type === 'integer')
            this.scanNumbers(col, rows, positions, file, quote, PARSE_INTEGER);
        else if (type === 'number')
            this.scanNumbers(col, rows, positions, file, quote, PARSE_NUMBER);
        else if (type === 'timestamp')
            this.scanNumbers(col, rows, positions, file, quote, PARSE_TIMESTAMP);
        else if (type === 'boolean')
            this.scanBooleans(col, rows, positions, file, quote);
        else
            this.scanKeys(col, rows, positions, file, quote);
    }
    /** One loop per kind of column, so the common path of each is a few lines with nothing to dispatch. */
    scanNumbers(col, rows, positions, file, quote, parse) {
        const { buf, start, end, flags } = col;
        if (this.pending.length < rows)
            this.pending = new Float64Array(rows);
        const pending = this.pending;
        let n = this.pendingCount;
        const checking = this.checking;
        const min = this.min;
        const max = this.max;
        const otherRules = this.allowedNumbers !== undefined || this.pattern !== undefined || this.seen !== undefined;
        for (let r = 0; r < rows; r++) {
            const flag = flags[r];
            if (flag === FIELD_NULL) {
                this.onNull(file, positions[r]);
                continue;
            }
            const s = start[r];
            const e = end[r];
            const x = parse === PARSE_INTEGER ? parseIntegerBytes(buf, s, e) : parse === PARSE_NUMBER ? parseNumberBytes(buf, s, e) : parseTimestampBytes(buf, s, e);
            if (x !== x) {
                this.onInvalid(file, positions[r], fieldText(buf, s, e, flag === FIELD_QUOTED_ESCAPED, quote));
                continue;
            }
            pending[n++] = x;
            if (checking && (x < min || x > max || otherRules))
                this.checkNumber(x, file, positions[r], buf, s, e);
        }
        this.pendingCount = n;
        this.flush();
    }
    scanBooleans(col, rows, positions, file, quote) {
        const { buf, start, end, flags } = col;
        // Without a rule on the values, trues and falses are counted here and go to the profile once
        // per batch (ColumnProfile.addKeys: the same as one at a time).
        const counted = !(this.checking && (this.allowedHashes !== undefined || this.pattern !== undefined || this.seen !== undefined));
        let trues = 0;
        let falses = 0;
        for (let r = 0; r < rows; r++) {
            const flag = flags[r];
            if (flag === FIELD_NULL) {
                this.onNull(file, positions[r]);
                continue;
            }
            const b = parseBooleanBytes(buf, start[r], end[r]);
            if (b < 0)
                this.onInvalid(file, positions[r], fieldText(buf, start[r], end[r], flag === FIELD_QUOTED_ESCAPED, quote));
            else if (counted) {
                if (b === 1)
                    trues++;
                else
                    falses++;
            }
            else if (b === 1)
                this.onKey(TRUE_HASH, 'true', file, positions[r]);
            else
                this.onKey(FALSE_HASH, 'false', file, positions[r]);
        }
        this.profile.addKeys('true', TRUE_HASH, trues);
        this.profile.addKeys('false', FALSE_HASH, falses);
    }
    scanKeys(col, rows, positions, file, quote) {
        const { buf, start, end, flags } = col;
        const profile = this.profile;
        const needsText = this.needsText;
        const keyRules = this.checking && (this.allowedHashes !== undefined || this.seen !== undefined);
        const allowed = this.checking ? this.allowedHashes : undefined;
        const short = this.shortKeys;
        let misses = 0;
        for (let r = 0; r < rows; r++) {
            const flag = flags[r];
            if (flag === FIELD_NULL) {
                this.onNull(file, positions[r]);
                continue;
            }
            const s = start[r];
            const e = end[r];
            if (short !== undefined) {
                const slot = short.find(buf, s, e);
                if (slot >= 0 && flag !== FIELD_QUOTED_ESCAPED) {
                    short.counts[slot]++;
                    continue;
                }
                misses++;
            }
            if (flag === FIELD_QUOTED_ESCAPED) {
                const text = fieldText(buf, s, e, true, quote);
                this.newKey((0,distinct_sketch/* hashString */.YZ)(text), text, file, positions[r]);
                continue;
            }
            const hash = (0,distinct_sketch/* hashBytes */.yi)(buf, s, e);
            // The text is made only for a key the profile does not hold yet, or for a pattern to test.
            if (needsText || !profile.addKnownKey(hash))
                this.newKey(hash, fieldText(buf, s, e, false), file, positions[r]);
            else {
                if (keyRules)
                    this.checkKey(hash, undefined, file, positions[r], buf, s, e);
                // A value that passes its rules is counted by its bytes from now on.
                if (short !== undefined && (allowed === undefined || allowed.has(hash)))
                    short.keep(buf, s, e, hash);
            }
        }
        if (short !== undefined) {
            short.flush(this.addKnown);
            // Mostly values it does not keep (too long, or too many distinct): each value is looked at alone.
            if (misses * 4 > rows) {
                short.clear();
                this.shortKeys = undefined;
            }
        }
    }
    /** A value the profile may not hold yet (onKey): the counts by bytes go in first, and its values are forgotten, since adding this one may drop some from the profile's table. */
    newKey(hash, key, file, line) {
        const short = this.shortKeys;
        if (short !== undefined) {
            short.flush(this.addKnown);
            short.clear();
        }
        this.onKey(hash, key, file, line);
    }
    /** Values and nulls counted, nothing read (see countOnly). */
    scanCounts(flags, rows) {
        for (let r = 0; r < rows; r++) {
            if (flags[r] === FIELD_NULL)
                this.profile.addNull();
            else
                this.profile.addUnprofiled();
        }
    }
    scanValues(col, rows, positions, file) {
        const type = this.rule.type;
        const values = col.values;
        if (this.countOnly) {
            for (let r = 0; r < rows; r++) {
                if (values[r] === null || values[r] === undefined)
                    this.profile.addNull();
                else
                    this.profile.addUnprofiled();
            }
            return;
        }
        if (this.numericType && this.pending.length < rows)
            this.pending = new Float64Array(rows);
        for (let r = 0; r < rows; r++) {
            const v = values[r];
            if (v === null || v === undefined) {
                this.onNull(file, positions[r]);
                continue;
            }
            if (this.numericType) {
                const x = numericValue(type, v);
                if (x === undefined)
                    this.onInvalid(file, positions[r], displayValue(v));
                else
                    this.onNumber(x, file, positions[r]);
            }
            else if (type === 'boolean') {
                const b = typeof v === 'boolean' ? v : typeof v === 'string' ? (0,schema/* parseTyped */.MF)('boolean', v) : undefined;
                if (typeof b !== 'boolean')
                    this.onInvalid(file, positions[r], displayValue(v));
                else if (b)
                    this.onKey(TRUE_HASH, 'true', file, positions[r]);
                else
                    this.onKey(FALSE_HASH, 'false', file, positions[r]);
            }
            else if (typeof v === 'object' && !(v instanceof Date)) {
                this.onInvalid(file, positions[r], displayValue(v));
            }
            else {
                const text = v instanceof Date ? v.toISOString() : String(v);
                this.onKey((0,distinct_sketch/* hashString */.YZ)(text), text, file, positions[r]);
            }
        }
        this.flush();
    }
    onNull(file, line) {
        this.profile.addNull();
        if (this.checking && !this.rule.nullable)
            this.fail('nullable', file, line, undefined, `${this.name} is null but the schema says nullable: false`);
    }
    onInvalid(file, line, raw) {
        this.profile.addInvalid();
        if (this.checking)
            this.fail('type', file, line, raw, `${this.name}: ${JSON.stringify(shorten(raw))} is not a valid ${this.rule.type}`);
    }
    /** Hands the batch's numbers to the profile. */
    flush() {
        this.profile.addNumbers(this.pending, this.pendingCount);
        this.pendingCount = 0;
    }
    onNumber(x, file, line) {
        this.pending[this.pendingCount++] = x;
        if (this.checking)
            this.checkNumber(x, file, line);
    }
    /** The rules of a number; the bytes it came from, when given, are what a finding shows. */
    checkNumber(x, file, line, buf, s, e) {
        if (x < this.min)
            this.fail('min', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is below the minimum ${String(this.rule.min)}`);
        if (x > this.max)
            this.fail('max', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is above the maximum ${String(this.rule.max)}`);
        if (this.allowedNumbers && !this.allowedNumbers.has(x)) {
            this.fail('allowed', file, line, this.shown(x, buf, s, e), `${this.name}: ${this.shown(x, buf, s, e)} is not one of the allowed values`);
        }
        if (this.pattern && !this.pattern.test(this.shown(x, buf, s, e))) {
            this.fail('pattern', file, line, this.shown(x, buf, s, e), `${this.name}: ${JSON.stringify(this.shown(x, buf, s, e))} does not match ${this.rule.pattern}`);
        }
        if (this.seen) {
            const first = this.seen.check((0,distinct_sketch/* hashNumber */.YR)(x), packPosition(this.fileIndex, line), this.seen.inOrder ? this.order.ofNumber(x) : -1);
            if (first >= 0)
                this.repeated(this.shown(x, buf, s, e), file, line, first);
        }
    }
    shown(x, buf, s, e) {
        if (buf && s !== undefined && e !== undefined)
            return shorten(fieldText(buf, s, e, false).trim());
        return this.rule.type === 'timestamp' ? new Date(x).toISOString() : String(x);
    }
    /** A categorical or text value with its text: profiled and checked. */
    onKey(hash, key, file, line) {
        this.profile.addKey(key, hash);
        if (this.checking)
            this.checkKey(hash, key, file, line);
    }
    /** The rules of a categorical or text value; its text comes from the bytes when a finding needs it. */
    checkKey(hash, key, file, line, buf, s, e) {
        if (this.allowedHashes && !this.allowedHashes.has(hash)) {
            const text = key ?? fieldText(buf, s, e, false);
            this.fail('allowed', file, line, text, `${this.name}: ${JSON.stringify(shorten(text))} is not one of the allowed values`);
        }
        // With a pattern every value comes with its text (needsText).
        if (this.pattern && !this.pattern.test(key))
            this.fail('pattern', file, line, key, `${this.name}: ${JSON.stringify(shorten(key))} does not match ${this.rule.pattern}`);
        if (this.seen) {
            const order = !this.seen.inOrder ? -1 : buf === undefined ? this.order.of(textEncoder.encode(key)) : this.order.ofBytes(buf, s, e);
            const first = this.seen.check(hash, packPosition(this.fileIndex, line), order);
            if (first >= 0)
                this.repeated(key ?? fieldText(buf, s, e, false), file, line, first);
        }
    }
    repeated(value, file, line, first) {
        const at = unpack(first);
        this.fail('unique', file, line, value, `${this.name}: ${JSON.stringify(shorten(value))} repeats a value first seen ${this.where(at.file, at.line)}`);
    }
    where(fileIndex, line) {
        return fileIndex === this.fileIndex ? `on line ${line}` : `in ${this.files[fileIndex]} on line ${line}`;
    }
    /**
     * Repeats of a `unique` column found after the last row: those of values past the in-memory
     * limit, whose text is no longer at hand. `keep` of them become findings; all are counted.
     */
    finishUnique(keep, countOnly) {
        if (this.seen instanceof UniquePairWriter) {
            this.seen.first = this.order.first;
            this.seen.finish();
        }
        if (!this.seen?.spilled)
            return;
        const { count, first } = this.seen.finish(keep);
        for (const r of first) {
            this.fileIndex = r.file;
            this.repeatedUnseen(r.line, r.firstFile, r.firstLine);
        }
        this.checks.get('unique').failures += count - first.length;
        countOnly(count - first.length);
    }
    /**
     * The `unique` check of the values a helper read after this reader's last row (a UniquePairWriter's
     * file), their lines `lineOffset` further on: as if read here, but the text of a repeat is not at hand.
     */
    checkPairs(file, lineOffset) {
        const seen = this.seen;
        if (!(seen instanceof UniqueChecker))
            return;
        // The helper's first value against this reader's last; the helper knew the order of the rest.
        const firstValue = firstValueOf(file);
        let head = true;
        forEachPair(file, (hash, line, order) => {
            const at = line + lineOffset;
            const first = seen.check(hash, packPosition(this.fileIndex, at), head && firstValue !== undefined && seen.inOrder ? this.order.of(firstValue) : order);
            head = false;
            if (first >= 0) {
                const seenAt = unpack(first);
                this.repeatedUnseen(at, seenAt.file, seenAt.line);
            }
        });
    }
    repeatedUnseen(line, firstFile, firstLine) {
        this.fail('unique', this.files[this.fileIndex], line, undefined, `${this.name}: the value on this line repeats the one ${this.where(firstFile, firstLine)}`);
    }
    /** Removes what a unique check left on disk (after an error). */
    dispose() {
        this.seen?.dispose();
    }
    fail(rule, file, line, value, message) {
        const check = this.checks.get(rule);
        check.failures++;
        const shown = value === undefined ? undefined : shorten(value);
        check.first ??= { file, line, value: shown };
        this.emit({ severity: 'error', rule, message, file, line, subject: this.name, value: shown });
    }
}
const textEncoder = new TextEncoder();
const PARSE_INTEGER = 0;
const PARSE_NUMBER = 1;
const PARSE_TIMESTAMP = 2;
const TRUE_HASH = (0,distinct_sketch/* hashString */.YZ)('true');
const FALSE_HASH = (0,distinct_sketch/* hashString */.YZ)('false');
function numericValue(type, v) {
    if (type === 'timestamp') {
        if (v instanceof Date)
            return Number.isNaN(v.getTime()) ? undefined : v.getTime();
        if (typeof v === 'string')
            return (0,schema/* parseTimestamp */.EH)(v.trim());
        return undefined;
    }
    let x;
    if (typeof v === 'number')
        x = Number.isFinite(v) ? v : undefined;
    else if (typeof v === 'bigint')
        x = Number(v);
    else if (typeof v === 'string') {
        const parsed = (0,schema/* parseTyped */.MF)(type, v);
        x = typeof parsed === 'number' ? parsed : undefined;
    }
    if (x !== undefined && type === 'integer' && !Number.isInteger(x))
        return undefined;
    return x;
}
function displayValue(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (v instanceof Date)
        return v.toISOString();
    try {
        return JSON.stringify(v) ?? String(v);
    }
    catch {
        return String(v);
    }
}
function boundValue(rule, which) {
    const value = rule[which];
    if (typeof value === 'number')
        return value;
    const ms = rule.type === 'timestamp' ? (0,schema/* parseTimestamp */.EH)(value) : undefined;
    if (ms === undefined) {
        throw new errors/* ConfigurationError */.j1(`${which}: ${JSON.stringify(value)} is not a number${rule.type === 'timestamp' ? ' or an ISO 8601 date' : ''}`, {
            hint: rule.type === 'timestamp' ? 'Write e.g. 2024-01-31 or 2024-01-31T12:00:00Z.' : 'Write a number without quotes.',
        });
    }
    return ms;
}
function fileSize(file) {
    try {
        return (0,external_node_fs_.statSync)(file).size;
    }
    catch {
        return 0; // the reader says what is wrong with it
    }
}
/** Reads every file of a dataset once; returns its checks, first findings and profile. */
async function scanDataset(options) {
    const logger = options.logger ?? platform_logger/* silentLogger */.q;
    const findings = new report/* FindingCollector */.xe(options.findingLimit);
    const emit = (f) => findings.add(f);
    const { schema } = options;
    const checking = options.checkRules ?? true;
    const profile = new data_profile/* DatasetProfile */.y6();
    const names = Object.keys(schema.columns);
    const fileNames = options.files.map((f) => f.displayName);
    // A row takes at least a few bytes: a unique column's table is sized once for the rows the files can hold.
    const bytes = options.files.reduce((sum, f) => sum + fileSize(f.path), 0);
    const unique = { memoryEntries: options.uniqueMemoryEntries, expectedEntries: Math.ceil(bytes / 16) };
    const tail = options.tail;
    if ((tail !== undefined || options.split !== undefined) && options.files.length !== 1)
        throw new Error('only a dataset of one file is read in parts');
    const scanners = names.map((name, index) => {
        try {
            const pairs = tail === undefined ? undefined : pairsFile(tail.pairsDir, index);
            const column = profile.column(name, schema.columns[name].type);
            const forDrift = options.profile === 'drift' && !checking;
            if (forDrift)
                column.forDriftOnly();
            return new ColumnScanner(name, schema.columns[name], column, checking, emit, fileNames, { ...unique, pairsFile: pairs }, forDrift && !(0,drift/* driftCompares */.q4)(schema, name));
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1) {
                throw new errors/* ConfigurationError */.j1(`schema column "${name}": ${error.message}`, {
                    file: options.schemaFile,
                    line: options.schemaLineOf?.(['columns', name]),
                    hint: error.hint,
                });
            }
            throw error;
        }
    });
    if (options.files.length === 0) {
        throw new errors/* ConfigurationError */.j1('no data files matched', { hint: 'Check the `data` path or glob: it is relative to the workspace.' });
    }
    const unknownColumns = [];
    const missingColumns = [];
    const quote = (options.read?.quote ?? '"').charCodeAt(0);
    try {
        for (const [fileIndex, file] of options.files.entries()) {
            for (const scanner of scanners)
                scanner.fileIndex = fileIndex;
            logger.info(`Reading ${file.displayName}`);
            let indexes = [];
            let rows = 0;
            const sink = {
                beginFile(_file, header, position) {
                    const at = new Map(header.map((n, i) => [n, i]));
                    indexes = names.map((name) => {
                        const index = at.get(name);
                        if (index === undefined) {
                            if (options.missingColumns === 'tolerate') {
                                missingColumns.push({ name, file: file.displayName });
                                return -1;
                            }
                            throw new errors/* ConfigurationError */.j1(`schema column "${name}" is not in the data (${file.displayName} has: ${header.slice(0, 30).join(', ')}${header.length > 30 ? ', …' : ''})`, {
                                file: options.schemaFile,
                                line: options.schemaLineOf?.(['columns', name]),
                                hint: `Rename the column in the schema to match the data, or remove it from ${options.schemaFile}.`,
                            });
                        }
                        return index;
                    });
                    for (const name of header) {
                        if (!(name in schema.columns) && !unknownColumns.some((u) => u.name === name))
                            unknownColumns.push({ name, file: file.displayName, line: position.line ?? 1 });
                    }
                },
                unknownColumn(_file, name, position) {
                    // A JSON Lines key the file's first object did not have: reported like any undeclared column.
                    if (!(name in schema.columns) && !unknownColumns.some((u) => u.name === name))
                        unknownColumns.push({ name, file: file.displayName, line: position.line ?? 1 });
                },
                batch(batch) {
                    rows += batch.rowCount;
                    // Findings carry 1-based positions: a line for text formats, a row number for Parquet.
                    if (batch.positionKind === 'row')
                        for (let r = 0; r < batch.rowCount; r++)
                            batch.positions[r] += 1;
                    for (let c = 0; c < scanners.length; c++) {
                        const index = indexes[c];
                        if (index < 0)
                            continue;
                        const column = batch.columns[index];
                        if (column.kind === 'bytes')
                            scanners[c].scanBytes(column, batch.rowCount, batch.positions, file.displayName, quote);
                        else
                            scanners[c].scanValues(column, batch.rowCount, batch.positions, file.displayName);
                    }
                },
            };
            const read = options.split ? { ...options.read, split: options.split.control } : tail ? { ...options.read, startAt: tail.startAt } : (options.read ?? {});
            const { stoppedAt } = await (0,readers/* readDataFile */.l)(file, read, sink);
            if (stoppedAt !== undefined) {
                // The helper read the rest of the file: its results join this file's, its lines moved on.
                const lineOffset = stoppedAt.line - 1;
                let scanned;
                try {
                    scanned = await options.split.tail();
                }
                catch (error) {
                    if (error instanceof errors/* ConfigurationError */.j1 && error.file === file.displayName && error.line !== undefined) {
                        throw new errors/* ConfigurationError */.j1(error.message, { file: error.file, line: error.line + lineOffset, hint: error.hint, cause: error });
                    }
                    throw error;
                }
                rows += takeTail(scanned, lineOffset, profile, scanners, findings);
                logger.info(`A second thread read ${file.displayName} from line ${stoppedAt.line} on`);
            }
            profile.files.push({ file: file.displayName, rows });
            profile.rows += rows;
        }
        const limit = findings.limit;
        for (const scanner of scanners)
            scanner.finishUnique(limit, (n) => (findings.counts.error += n));
    }
    finally {
        for (const scanner of scanners)
            scanner.dispose();
    }
    // A column no file had is absent from the profile (rather than present with no values).
    for (const name of names) {
        if (missingColumns.filter((m) => m.name === name).length === options.files.length)
            profile.columns.delete(name);
    }
    return {
        profile: profile.toJSON(),
        checks: scanners.flatMap((s) => [...s.checks.values()]),
        findings: findings.kept,
        findingCounts: { ...findings.counts },
        unknownColumns,
        missingColumns,
    };
}
/**
 * The helper's side of reading one CSV file in two parts: claims the end of the file the head is
 * reading (see readers/csv-split.ts) and scans it; undefined when what is left is too small to share.
 * `minTail` is for tests.
 */
async function scanTailOf(options, control, pairsDir, minTail) {
    const file = options.files[0];
    const startAt = await (0,csv_split/* claimTail */.vN)(file.path, fileSize(file.path), control, minTail);
    if (startAt < 0)
        return undefined;
    const state = await scanDataset({ ...options, split: undefined, tail: { startAt, pairsDir } });
    const uniquePairs = {};
    if (options.checkRules ?? true) {
        Object.entries(options.schema.columns).forEach(([name, rule], index) => {
            if (rule.unique)
                uniquePairs[name] = pairsFile(pairsDir, index);
        });
    }
    return { state, uniquePairs };
}
/** Adds a helper's scan of the end of the file to this scan; returns its rows. */
function takeTail(scanned, lineOffset, profile, scanners, findings) {
    const { state } = scanned;
    for (const column of state.profile.columns)
        profile.columns.get(column.name)?.merge(data_profile/* ColumnProfile */.oV.fromJSON(column));
    const byName = new Map(scanners.map((s) => [s.name, s]));
    for (const c of state.checks) {
        const check = byName.get(c.column)?.checks.get(c.rule);
        if (check === undefined)
            continue;
        check.failures += c.failures;
        if (c.first)
            check.first ??= { ...c.first, line: c.first.line + lineOffset };
    }
    const kept = { error: 0, warning: 0, notice: 0 };
    for (const f of state.findings) {
        kept[f.severity]++;
        findings.add(f.line === undefined ? f : { ...f, line: f.line + lineOffset });
    }
    for (const k of ['error', 'warning', 'notice'])
        findings.counts[k] += state.findingCounts[k] - kept[k];
    for (const [name, file] of Object.entries(scanned.uniquePairs))
        byName.get(name)?.checkPairs(file, lineOffset);
    return state.profile.rows;
}
/** Combines the scans of several shards as if one pass had read them all. */
function mergeScanStates(states, findingLimit) {
    const profile = new data_profile/* DatasetProfile */.y6();
    const checks = new Map();
    const findings = [];
    const findingCounts = { error: 0, warning: 0, notice: 0 };
    const unknownColumns = [];
    const missingColumns = [];
    for (const state of states) {
        profile.merge(data_profile/* DatasetProfile */.y6.fromJSON(state.profile));
        for (const c of state.checks) {
            const key = `${c.column}\u0000${c.rule}`;
            const mine = checks.get(key);
            if (!mine)
                checks.set(key, { ...c, first: c.first ? { ...c.first } : undefined });
            else {
                mine.failures += c.failures;
                mine.first ??= c.first;
            }
        }
        for (const f of state.findings)
            if (findings.length < findingLimit)
                findings.push(f);
        for (const k of ['error', 'warning', 'notice'])
            findingCounts[k] += state.findingCounts[k];
        for (const u of state.unknownColumns)
            if (!unknownColumns.some((x) => x.name === u.name))
                unknownColumns.push(u);
        missingColumns.push(...state.missingColumns);
    }
    return { profile: profile.toJSON(), checks: [...checks.values()], findings, findingCounts, unknownColumns, missingColumns };
}


/***/ }),

/***/ 33625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ parseTimestamp),
/* harmony export */   L3: () => (/* binding */ daysInMonth),
/* harmony export */   MF: () => (/* binding */ parseTyped),
/* harmony export */   hI: () => (/* binding */ dataSchemaSchema),
/* harmony export */   jU: () => (/* binding */ driftSchema)
/* harmony export */ });
/* unused harmony exports columnTypes, columnSchema, driftMethods, driftColumnSchema, dataSchemaJsonSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);

/**
 * The data schema users write (YAML or JSON). Versioned; the JSON Schema in schemas/ is generated
 * from this, so editors autocomplete it.
 */
const columnTypes = ['integer', 'number', 'string', 'category', 'boolean', 'timestamp'];
const bound = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()]).describe('A number, or an ISO 8601 date or date-time for timestamp columns.');
const columnSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(columnTypes),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    nullable: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('false: every row must have a value (an empty unquoted field is null).'),
    unique: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false),
    min: bound.optional(),
    max: bound.optional(),
    allowed: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()])).min(1).optional().describe('The only values allowed.'),
    pattern: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .refine(isValidRegex, { message: 'not a valid regular expression' })
        .optional()
        .describe('A JavaScript regular expression every value must match.'),
    max_null_fraction: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).optional().describe('Largest share of null values, 0 to 1.'),
})
    .strict();
const driftMethods = ['auto', 'ks', 'wasserstein', 'psi', 'chi2', 'jensenshannon', 'none'];
const driftColumnSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(driftMethods).default('auto'),
    threshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .positive()
        .optional()
        .describe('ks, chi2: the significance level the (Benjamini-Hochberg adjusted) p-value must stay above; wasserstein, jensenshannon, psi: the largest distance allowed.'),
})
    .strict();
const driftSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    max_drifted_share: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).default(0.5).describe('The dataset drifts when more than this share of the compared columns drift.'),
    column_severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warning', 'notice']).default('warning').describe('Severity of the finding for each drifted column.'),
    large_sample: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .positive()
        .default(10_000)
        .describe('From this many values in the smaller sample, auto uses distances instead of p-values (at a million rows every p-value is tiny).'),
    alpha: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0).lt(1).default(0.05).describe('Significance level for p-value tests, after Benjamini-Hochberg correction.'),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), driftColumnSchema).default({}),
})
    .strict();
const dataSchemaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1).describe('Schema format version; 1 is the only one.'),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), columnSchema),
    rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ min: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(), max: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional() })
        .strict()
        .optional(),
    unknown_columns: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warn', 'ignore']).default('error').describe('What to do with a data column the schema does not declare.'),
    drift: driftSchema.optional().describe('How columns are compared with a reference, when one is given.'),
})
    .strict();
function isValidRegex(source) {
    try {
        new RegExp(source, 'u');
        return true;
    }
    catch {
        return false;
    }
}
function dataSchemaJsonSchema() {
    return z.toJSONSchema(dataSchemaSchema, { target: 'draft-2020-12', io: 'input' });
}
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TRUE_VALUES = new Set(['true', '1', 'yes']);
const FALSE_VALUES = new Set(['false', '0', 'no']);
/** Parses a value of a column type; undefined when it is not one. Numbers and times come back as numbers. */
function parseTyped(type, raw) {
    switch (type) {
        case 'integer': {
            const text = raw.trim();
            return INTEGER.test(text) ? Number(text) : undefined;
        }
        case 'number': {
            const text = raw.trim();
            return NUMBER.test(text) ? Number(text) : undefined;
        }
        case 'boolean': {
            const text = raw.trim().toLowerCase();
            if (TRUE_VALUES.has(text))
                return true;
            if (FALSE_VALUES.has(text))
                return false;
            return undefined;
        }
        case 'timestamp':
            return parseTimestamp(raw.trim());
        case 'string':
        case 'category':
            return raw;
    }
}
/** Milliseconds since the epoch for an ISO 8601 date or date-time with a real calendar date. */
/** Days in a month (1-12) of the proleptic Gregorian calendar; years 0 to 99 included, which Date.UTC would take as 1900 to 1999. */
function daysInMonth(year, month) {
    if (month === 2)
        return (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return 30 + ((month + (month >> 3)) & 1);
}
function parseTimestamp(text) {
    const m = TIMESTAMP.exec(text);
    if (!m)
        return undefined;
    const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1, 7).map((v) => v ?? undefined);
    const y = Number(year);
    const mo = Number(month);
    const d = Number(day);
    const h = Number(hour);
    const mi = Number(minute);
    const s = Number(second);
    if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60)
        return undefined;
    if (d > daysInMonth(y, mo))
        return undefined;
    const ms = Date.parse(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : text.replace(' ', 'T') + (m[7] ? '' : 'Z'));
    return Number.isNaN(ms) ? undefined : ms;
}


/***/ }),

/***/ 46316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S4: () => (/* binding */ describeUnknownError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/* unused harmony export isConfigurationError */
class ConfigurationError extends Error {
    file;
    line;
    column;
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ConfigurationError';
        this.file = options.file;
        this.line = options.line;
        this.column = options.column;
        this.hint = options.hint;
    }
    /** One line a person can act on: `file:line: message. hint` */
    describe() {
        const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}${this.line && this.column ? `:${this.column}` : ''}: ` : '';
        return `${where}${this.message}${this.hint ? ` ${this.hint}` : ''}`;
    }
}
function isConfigurationError(error) {
    return error instanceof ConfigurationError;
}
/** Turns any thrown value, Error or not, into text for an internal-error message. */
function describeUnknownError(error, withStack) {
    if (error instanceof Error) {
        return withStack && error.stack ? error.stack : `${error.name}: ${error.message}`;
    }
    return `non-error value thrown: ${String(error)}`;
}


/***/ }),

/***/ 63255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony export RecordingLogger */
const silentLogger = { debug() { }, info() { }, warning() { }, startGroup() { }, endGroup() { }, output() { } };
/** Keeps every line, for tests. */
class RecordingLogger {
    lines = [];
    debug(message) {
        this.lines.push({ level: 'debug', message });
    }
    info(message) {
        this.lines.push({ level: 'info', message });
    }
    warning(message) {
        this.lines.push({ level: 'warning', message });
    }
    startGroup(title) {
        this.lines.push({ level: 'group', message: title });
    }
    endGroup() { }
    output(text) {
        this.lines.push({ level: 'output', message: text });
    }
}


/***/ }),

/***/ 68809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   Qh: () => (/* binding */ reportSchema),
/* harmony export */   iG: () => (/* binding */ shouldFailStep),
/* harmony export */   xe: () => (/* binding */ FindingCollector)
/* harmony export */ });
/* unused harmony exports REPORT_SCHEMA_VERSION, verdictSchema, severitySchema, findingSchema, tableSchema, chartSchema, excerptSchema, DEFAULT_FINDING_LIMIT, verdictFromFindings, reportJsonSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);

/**
 * The one report shape every engine returns. Renderers (summary, annotations, pull-request comment,
 * check run, terminal, JSON file) read only this. The zod schema is the source of the published
 * JSON Schema (schemas/report.schema.json).
 */
const REPORT_SCHEMA_VERSION = 1;
const verdictSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'inconclusive', 'error']);
const severitySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warning', 'notice']);
const findingSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    severity: severitySchema,
    rule: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Stable identifier of the check, e.g. "max" or "unique".'),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Path relative to the workspace.'),
    line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    column: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    subject: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('The data column or metric the finding is about.'),
    value: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('The offending value, shortened.'),
})
    .strict();
const cellSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ()]);
const tableSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(cellSchema)),
    note: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
})
    .strict();
const chartSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    mermaid: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Mermaid source, rendered by GitHub in summaries and comments.'),
})
    .strict();
const excerptSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    text: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('Plain text shown as it is, e.g. the last lines of a command\'s output.'),
})
    .strict();
const reportSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(REPORT_SCHEMA_VERSION),
    action: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    verdict: verdictSchema,
    headline: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('One sentence a person reads first.'),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('ISO 8601 time the run started.'),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    findingCounts: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ error: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), warning: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), notice: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int() }).strict(),
    findings: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(findingSchema).describe('The first findings, at most findingLimit of them; findingCounts counts all.'),
    findingLimit: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    tables: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(tableSchema),
    charts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(chartSchema),
    excerpts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(excerptSchema).optional(),
    details: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).describe('Action-specific, machine-readable results.'),
})
    .strict();
const DEFAULT_FINDING_LIMIT = 1000;
/**
 * Collects findings while an engine runs: counts all of them, keeps the first `limit` in order.
 * Memory stays bounded however many rows fail.
 */
class FindingCollector {
    limit;
    kept = [];
    counts = { error: 0, warning: 0, notice: 0 };
    constructor(limit = DEFAULT_FINDING_LIMIT) {
        this.limit = limit;
    }
    add(finding) {
        this.counts[finding.severity] += 1;
        if (this.kept.length < this.limit)
            this.kept.push(finding);
    }
    get total() {
        return this.counts.error + this.counts.warning + this.counts.notice;
    }
}
function buildReport(parts, now = new Date()) {
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        action: parts.action,
        title: parts.title,
        verdict: parts.verdict,
        headline: parts.headline,
        startedAt: parts.startedAt.toISOString(),
        durationMs: Math.max(0, now.getTime() - parts.startedAt.getTime()),
        findingCounts: { ...parts.findings.counts },
        findings: parts.findings.kept,
        findingLimit: parts.findings.limit,
        tables: parts.tables ?? [],
        charts: parts.charts ?? [],
        ...(parts.excerpts && parts.excerpts.length > 0 ? { excerpts: parts.excerpts } : {}),
        details: parts.details ?? {},
    };
}
/** The verdict that follows from findings alone: any error fails. */
function verdictFromFindings(findings) {
    return findings.counts.error > 0 ? 'fail' : 'pass';
}
/** Whether the step should fail, given the user's `fail-on` choice. */
function shouldFailStep(report, failOn) {
    if (report.verdict === 'error')
        return true;
    if (failOn === 'never')
        return false;
    if (failOn === 'warning')
        return report.verdict === 'fail' || report.findingCounts.warning > 0;
    if (failOn === 'inconclusive')
        return report.verdict === 'fail' || report.verdict === 'inconclusive';
    return report.verdict === 'fail';
}
function reportJsonSchema() {
    return z.toJSONSchema(reportSchema, { target: 'draft-2020-12' });
}


/***/ }),

/***/ 98380:
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

/***/ 86974:
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

/***/ 53755:
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
