export const id = 646;
export const ids = [646];
export const modules = {

/***/ 30646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  evaluateMetricsGateAction: () => (/* binding */ evaluateMetricsGateAction),
  evaluateMetricsGateInputs: () => (/* binding */ evaluateMetricsGateInputs)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(46316);
// EXTERNAL MODULE: ./src/platform/report.ts
var platform_report = __webpack_require__(68809);
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
const MINLOG = (/* unused pure expression or super */ null && (-745.1332191019412)); // log(2^-1074), cephes with subnormals
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const E128 = 128;
const EP128 = (/* unused pure expression or super */ null && (2 ** 128));
const EM128 = (/* unused pure expression or super */ null && (2 ** -128));
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
const SMIRNOV_SKIP = (/* unused pure expression or super */ null && (2 ** -60));
/** Sums of up to this many terms are added in full: looking for the terms to skip would cost more. */
const SMIRNOV_SEARCH_MIN_TERMS = 1000;
const SMIRNOV_GRID = 64;
/** The ratio steps of the Smirnov sum run where x + v/n and 1 - x - v/n change by at most this from one v to the next. */
const SMIRNOV_SMALL = (/* unused pure expression or super */ null && (2 ** -10));
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
const STIRLING_COEFFICIENTS = (/* unused pure expression or super */ null && ([-3617 / 122400, 1 / 156, -691 / 360360, 1 / 1188, -1 / 1680, 1 / 1260, -1 / 360, 1 / 12]));
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

// EXTERNAL MODULE: ./src/eval/bootstrap.ts
var bootstrap = __webpack_require__(76140);
;// CONCATENATED MODULE: ./src/eval/gates.ts

/**
 * The gates file (`version: 1`) and the decision it drives. Every gate is judged on an interval,
 * not a point: it passes when the whole interval is on the good side of its threshold, fails when
 * the whole interval is on the bad side, and is inconclusive when the interval straddles it (the
 * eval set is too small to tell). Metrics read from a file have no interval; their gates are judged
 * on the point value and say so.
 *
 * - `min` / `max`: absolute bounds on the candidate's metric.
 * - `max_drop` / `max_rise` (and their `_relative` forms, a fraction of the baseline's value): how
 *   much worse than the baseline the candidate may be, on the interval of the paired difference
 *   candidate − baseline (a non-inferiority margin). Judged only when there is a baseline.
 */
const bound = schemas/* number */.aig().refine(Number.isFinite, 'must be a finite number');
const margin = schemas/* number */.aig().nonnegative().refine(Number.isFinite, 'must be a finite number');
const metricGateSchema = schemas/* object */.Ikc({
    direction: schemas/* enum */.k5n(['higher', 'lower']).optional().describe('Which way is better; default: the metric’s own (e.g. higher for roc_auc, lower for log_loss).'),
    min: bound.optional().describe('The candidate’s metric must be at least this.'),
    max: bound.optional().describe('The candidate’s metric must be at most this.'),
    max_drop: margin.optional().describe('higher is better: the candidate may be at most this much below the baseline.'),
    max_drop_relative: margin.optional().describe('higher is better: at most this fraction of the baseline’s value below it (0.02 = 2 %).'),
    max_rise: margin.optional().describe('lower is better: the candidate may be at most this much above the baseline.'),
    max_rise_relative: margin.optional().describe('lower is better: at most this fraction of the baseline’s value above it.'),
})
    .strict();
const gatesSchema = schemas/* object */.Ikc({
    $schema: schemas/* string */.YjP().optional(),
    version: schemas/* literal */.euz(1).describe('Gates file format version; 1 is the only one.'),
    confidence: schemas/* number */.aig().gt(0.5).lt(1).default(0.95).describe('Level of the two-sided intervals the gates are judged on.'),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP().min(1), metricGateSchema).describe('Gates per metric, by metric name.'),
    slices: schemas/* object */.Ikc({
        columns: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).min(1).describe('Columns of the predictions file to slice by, each on its own.'),
        min_size: schemas/* number */.aig().int().positive().default(200).describe('Slices with fewer examples are listed but not gated.'),
        worst_slice: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* object */.Ikc({ min: bound.optional(), max: bound.optional() }).strict()).default({}).describe('Bounds every gated slice must meet.'),
    })
        .strict()
        .optional(),
})
    .strict()
    .superRefine((gates, ctx) => {
    for (const [name, gate] of Object.entries(gates.metrics)) {
        if (gate.min !== undefined && gate.max !== undefined && gate.min > gate.max) {
            ctx.addIssue({ code: 'custom', path: ['metrics', name, 'min'], message: `min ${gate.min} is above max ${gate.max}` });
        }
    }
});
/**
 * Judges one metric's gates. Absolute bounds look at the candidate; change gates at the
 * difference. `needsAtLeast` is whether the good side is above the threshold.
 */
function judgeMetric(metric, gate, input) {
    const results = [];
    const { candidate, baseline, delta, direction } = input;
    if (gate.min !== undefined)
        results.push(judgeBound(metric, `min ${gate.min}`, candidate, gate.min, true, input.examples));
    if (gate.max !== undefined)
        results.push(judgeBound(metric, `max ${gate.max}`, candidate, gate.max, false, input.examples));
    const changeGates = [];
    if (gate.max_drop !== undefined)
        changeGates.push([`max_drop ${gate.max_drop}`, gate.max_drop, false]);
    if (gate.max_drop_relative !== undefined)
        changeGates.push([`max_drop_relative ${gate.max_drop_relative}`, gate.max_drop_relative, true]);
    if (gate.max_rise !== undefined)
        changeGates.push([`max_rise ${gate.max_rise}`, gate.max_rise, false]);
    if (gate.max_rise_relative !== undefined)
        changeGates.push([`max_rise_relative ${gate.max_rise_relative}`, gate.max_rise_relative, true]);
    for (const [name, amount, relative] of changeGates) {
        const isDrop = name.startsWith('max_drop');
        if ((isDrop && direction === 'lower') || (!isDrop && direction === 'higher')) {
            results.push({
                metric,
                gate: name,
                status: 'skipped',
                value: delta ?? { estimate: NaN },
                threshold: NaN,
                reason: `${isDrop ? 'max_drop' : 'max_rise'} applies to a metric where ${isDrop ? 'higher' : 'lower'} is better; ${metric} is ${direction} is better (use ${isDrop ? 'max_rise' : 'max_drop'})`,
            });
            continue;
        }
        if (!baseline || !delta) {
            results.push({ metric, gate: name, status: 'skipped', value: { estimate: NaN }, threshold: NaN, reason: 'no baseline: only absolute gates apply on a first run' });
            continue;
        }
        const allowed = relative ? amount * Math.abs(baseline.estimate) : amount;
        // higher is better: the difference must stay above -allowed; lower is better: below +allowed.
        const threshold = direction === 'higher' ? -allowed : allowed;
        results.push(judgeBound(metric, name, delta, threshold, direction === 'higher', input.examples, 'the difference'));
    }
    return results;
}
/**
 * One bound: `atLeast` means the value must be >= threshold. With an interval: pass when the whole
 * interval meets it, fail when none of it does, else inconclusive.
 */
function judgeBound(metric, gate, value, threshold, atLeast, examples, what = 'the value') {
    const base = { metric, gate, value, threshold };
    const cmp = atLeast ? '≥' : '≤';
    if (!Number.isFinite(value.estimate)) {
        return { ...base, status: 'fail', reason: `${what} is not a number (${String(value.estimate)}): check the predictions` };
    }
    if (value.low === undefined || value.high === undefined) {
        const ok = atLeast ? value.estimate >= threshold : value.estimate <= threshold;
        return { ...base, status: ok ? 'pass' : 'fail', reason: `${what} ${fmt(value.estimate)} ${ok ? cmp : atLeast ? '<' : '>'} ${fmt(threshold)} (a point value: no interval without predictions)` };
    }
    const good = atLeast ? value.low >= threshold : value.high <= threshold;
    const bad = atLeast ? value.high < threshold : value.low > threshold;
    const interval = `[${fmt(value.low)}, ${fmt(value.high)}]`;
    if (good)
        return { ...base, status: 'pass', reason: `the interval of ${what} ${interval} is entirely ${cmp} ${fmt(threshold)}` };
    if (bad)
        return { ...base, status: 'fail', reason: `the interval of ${what} ${interval} is entirely ${atLeast ? 'below' : 'above'} ${fmt(threshold)}` };
    const settle = examplesToSettle(value, threshold, examples);
    return {
        ...base,
        status: 'inconclusive',
        reason: `the interval of ${what} ${interval} contains ${fmt(threshold)}: the eval set cannot tell${settle === undefined ? '' : settle === Infinity ? ' (the estimate sits on the threshold)' : `; about ${settle.toLocaleString('en-US')} examples would`}`,
        examplesToSettle: settle,
    };
}
/**
 * An interval's half-width shrinks as 1/√n: with n' = n·(h/d)² examples, where h is the half-width
 * on the side of the threshold and d the distance from the estimate to it, an effect of the same
 * size would have an interval that just clears the threshold. Rounded up to two significant digits.
 */
function examplesToSettle(value, threshold, examples) {
    if (examples === undefined || value.low === undefined || value.high === undefined)
        return undefined;
    const distance = Math.abs(value.estimate - threshold);
    if (distance === 0)
        return Infinity;
    const halfWidth = threshold < value.estimate ? value.estimate - value.low : value.high - value.estimate;
    const needed = Math.ceil(examples * (halfWidth / distance) ** 2);
    const scale = 10 ** Math.max(0, Math.floor(Math.log10(needed)) - 1);
    return Math.ceil(needed / scale) * scale;
}
/** The verdict of a set of gate results: any fail fails; else any inconclusive; else pass. */
function overallVerdict(results) {
    if (results.some((r) => r.status === 'fail'))
        return 'fail';
    if (results.some((r) => r.status === 'inconclusive'))
        return 'inconclusive';
    return 'pass';
}
function fmt(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (x === 0)
        return '0';
    const a = Math.abs(x);
    if (a >= 1e5 || a < 1e-4)
        return x.toExponential(3);
    return Number(x.toPrecision(4)).toString();
}
function gatesJsonSchema() {
    return z.toJSONSchema(gatesSchema, { target: 'draft-2020-12', io: 'input' });
}

;// CONCATENATED MODULE: ./src/eval/metrics.ts
/** Metrics of predicted labels, in the order `availableMetrics` lists them. */
const LABEL_AVERAGES = ['precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted'];
const BINARY_LABEL_METRICS = ['accuracy', 'precision', 'recall', 'f1', ...LABEL_AVERAGES];
const MULTICLASS_METRICS = ['accuracy', ...LABEL_AVERAGES];
const SCORE_METRICS = ['roc_auc', 'pr_auc', 'log_loss', 'brier'];
const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'];
const KNOWN = {
    binary: [...BINARY_LABEL_METRICS, ...SCORE_METRICS],
    multiclass: MULTICLASS_METRICS,
    regression: REGRESSION_METRICS,
};
/** Per metric: whether a 'higher' or a 'lower' value is better. */
const METRIC_DIRECTION = {
    accuracy: 'higher',
    precision: 'higher',
    recall: 'higher',
    f1: 'higher',
    precision_macro: 'higher',
    recall_macro: 'higher',
    f1_macro: 'higher',
    precision_weighted: 'higher',
    recall_weighted: 'higher',
    f1_weighted: 'higher',
    roc_auc: 'higher',
    pr_auc: 'higher',
    log_loss: 'lower',
    brier: 'lower',
    rmse: 'lower',
    mae: 'lower',
    r2: 'higher',
    mape: 'lower',
};
/** np.finfo(np.float64).eps: sklearn's log_loss clipping (eps="auto") and mape's floor for |yTrue|. */
const EPS = 2 ** -52;
/** Largest number of classes accepted (per-class totals are arrays of this length). */
const MAX_CLASSES = 1 << 20;
/**
 * Metric names available for a task given which columns exist: binary label metrics need yPred or
 * yScore (thresholded), roc_auc, pr_auc, log_loss and brier need yScore; multiclass and regression
 * metrics need yPred.
 */
function availableMetrics(task, p) {
    switch (task) {
        case 'binary':
            return [...(p.yPred || p.yScore ? BINARY_LABEL_METRICS : []), ...(p.yScore ? SCORE_METRICS : [])];
        case 'multiclass':
            return p.yPred ? [...MULTICLASS_METRICS] : [];
        case 'regression':
            return p.yPred ? [...REGRESSION_METRICS] : [];
        default:
            throw new RangeError(`unknown task ${JSON.stringify(task)}: expected binary, multiclass or regression`);
    }
}
/**
 * Every available metric (or just `names`, in their order), as scikit-learn 1.2 computes them with
 * `sample_weight`. Undefined metrics are NaN (see the module comment). Throws RangeError for an
 * unknown name, a name the columns cannot give, or invalid inputs.
 */
function computeMetrics(task, p, options = {}, names) {
    const columns = { yScore: p.yScore !== undefined, yPred: p.yPred !== undefined };
    const available = availableMetrics(task, columns);
    const wanted = names ?? available;
    for (const name of wanted)
        checkName(task, name, available);
    const classes = checkInputs(task, p, options);
    if (wanted.length === 0)
        return {};
    if (task === 'regression')
        return regressionMetrics(p, wanted);
    return classificationMetrics(p, task === 'binary', classes, options.threshold ?? 0.5, wanted);
}
function checkName(task, name, available) {
    if (!KNOWN[task].includes(name)) {
        throw new RangeError(`unknown metric "${name}" for ${task} predictions (known: ${KNOWN[task].join(', ')})`);
    }
    if (!available.includes(name)) {
        const needs = SCORE_METRICS.includes(name) ? 'yScore' : task === 'binary' ? 'yPred or yScore' : 'yPred';
        throw new RangeError(`metric "${name}" needs ${needs}, which the predictions do not have`);
    }
}
// ---------------------------------------------------------------------------------------------
// Input checks
/** Checks lengths and values; returns the number of classes k (2 for binary, 0 for regression). */
function checkInputs(task, p, options) {
    const n = p.yTrue.length;
    if (n === 0)
        throw new RangeError('no rows: yTrue is empty');
    checkLength('yScore', p.yScore, n);
    checkLength('yPred', p.yPred, n);
    checkLength('weight', p.weight, n);
    if (p.weight)
        checkWeights(p.weight);
    if (task === 'regression') {
        checkFinite('yTrue', p.yTrue);
        if (p.yPred)
            checkFinite('yPred', p.yPred);
        return 0;
    }
    if (task === 'binary') {
        checkCodes('yTrue', p.yTrue, 2, 'binary labels must be 0 or 1');
        if (p.yPred)
            checkCodes('yPred', p.yPred, 2, 'binary labels must be 0 or 1');
        if (p.yScore)
            checkFinite('yScore', p.yScore);
        if (options.threshold !== undefined && Number.isNaN(options.threshold))
            throw new RangeError('threshold is NaN');
        return 2;
    }
    const k = options.classes ?? Math.max(largestCode('yTrue', p.yTrue), p.yPred ? largestCode('yPred', p.yPred) : 0) + 1;
    if (!Number.isInteger(k) || k < 1 || k > MAX_CLASSES)
        throw new RangeError(`classes must be an integer from 1 to ${MAX_CLASSES}; got ${k}`);
    const rule = `class codes must be integers from 0 to ${k - 1}`;
    checkCodes('yTrue', p.yTrue, k, rule);
    if (p.yPred)
        checkCodes('yPred', p.yPred, k, rule);
    return k;
}
function checkLength(name, values, n) {
    if (values && values.length !== n)
        throw new RangeError(`${name} has ${values.length} values but yTrue has ${n}`);
}
function checkFinite(name, values) {
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        // x - x is NaN for NaN and for ±Infinity, 0 otherwise.
        if (x - x !== 0)
            throw new RangeError(`${name}[${i}] is ${x}; values must be finite`);
    }
}
function checkWeights(weight) {
    for (let i = 0; i < weight.length; i++) {
        const x = weight[i];
        if (!(x >= 0 && x < Infinity))
            throw new RangeError(`weight[${i}] is ${x}; weights must be finite and >= 0`);
    }
}
/** Every value an integer code in 0..k-1; else a RangeError that states `rule`. */
function checkCodes(name, values, k, rule) {
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!(x >= 0 && x < k && Math.floor(x) === x))
            throw new RangeError(`${name}[${i}] is ${x}; ${rule}`);
    }
}
function largestCode(name, values) {
    let max = 0;
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!(x >= 0 && x < MAX_CLASSES && Math.floor(x) === x)) {
            throw new RangeError(`${name}[${i}] is ${x}; class codes must be integers from 0 to ${MAX_CLASSES - 1}`);
        }
        if (x > max)
            max = x;
    }
    return max;
}
// ---------------------------------------------------------------------------------------------
// Summation
/** numpy's reductions run over buffers of this many elements (np.getbufsize()). */
const NUMPY_BUFFER = 8192;
/**
 * Sum of `values` in numpy's order (np.sum, np.mean, np.average in numpy 1.x): the array is reduced
 * buffer by buffer, 8192 values at a time, each buffer summed pairwise and the buffer sums added left
 * to right. This matches numpy to the last bit, and the error grows as O(n / 8192 + log n) ulps
 * where a plain left-to-right sum drifts as O(n).
 */
function numpySum(values) {
    let sum = 0;
    for (let start = 0; start < values.length; start += NUMPY_BUFFER) {
        sum += pairwiseSum(values, start, Math.min(NUMPY_BUFFER, values.length - start));
    }
    return sum;
}
/**
 * Sum of values[start .. start + n) in the order of numpy's `pairwise_sum`: fewer than 8 values left
 * to right; up to 128 in 8 interleaved partial sums combined as ((r0 + r1) + (r2 + r3)) +
 * ((r4 + r5) + (r6 + r7)), then the remainder; more than 128 split at half the count rounded down to
 * a multiple of 8.
 */
function pairwiseSum(values, start, n) {
    if (n < 8) {
        let s = 0;
        for (let i = start; i < start + n; i++)
            s += values[i];
        return s;
    }
    if (n <= 128)
        return blockSum(values, start, n);
    let half = Math.floor(n / 2);
    half -= half % 8;
    return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, n - half);
}
function blockSum(a, start, n) {
    let r0 = a[start];
    let r1 = a[start + 1];
    let r2 = a[start + 2];
    let r3 = a[start + 3];
    let r4 = a[start + 4];
    let r5 = a[start + 5];
    let r6 = a[start + 6];
    let r7 = a[start + 7];
    const blocks = n - (n % 8);
    let i = 8;
    for (; i < blocks; i += 8) {
        const j = start + i;
        r0 += a[j];
        r1 += a[j + 1];
        r2 += a[j + 2];
        r3 += a[j + 3];
        r4 += a[j + 4];
        r5 += a[j + 5];
        r6 += a[j + 6];
        r7 += a[j + 7];
    }
    let s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++)
        s += a[start + i];
    return s;
}
/**
 * `np.average(terms, weights=weight)`: sum(terms · weight) / sum(weight), or mean(terms) without
 * weights; NaN when the weights sum to 0 (numpy raises). Overwrites `terms` with terms · weight.
 */
function average(terms, weight, weightSum) {
    if (!weight)
        return numpySum(terms) / terms.length;
    if (weightSum === 0)
        return NaN;
    for (let i = 0; i < terms.length; i++)
        terms[i] *= weight[i];
    return numpySum(terms) / weightSum;
}
/** Sum of the weights as numpy sums them (the divisor of np.average); n without weights. */
function totalWeight(weight, n) {
    return weight ? numpySum(weight) : n;
}
// ---------------------------------------------------------------------------------------------
// Classification
function classificationMetrics(p, binary, classes, threshold, names) {
    const { yTrue, yScore, weight } = p;
    const n = yTrue.length;
    const weightSum = totalWeight(weight, n);
    const scratch = new Float64Array(n);
    let labels;
    let curve;
    let bothClasses;
    const out = {};
    for (const name of names) {
        if (!SCORE_METRICS.includes(name)) {
            labels ??= labelMetrics(binary, yTrue, p.yPred ?? thresholded(yScore, threshold), weight, weightSum, classes, scratch);
            out[name] = labels[name];
            continue;
        }
        const score = yScore;
        bothClasses ??= hasBothClasses(yTrue);
        if (name === 'roc_auc')
            out[name] = bothClasses ? rocAuc((curve ??= rankCurve(yTrue, score, weight))) : NaN;
        else if (name === 'pr_auc')
            out[name] = averagePrecision((curve ??= rankCurve(yTrue, score, weight)));
        else if (name === 'log_loss')
            out[name] = bothClasses ? logLoss(yTrue, score, weight, weightSum, scratch) : NaN;
        else
            out[name] = brier(yTrue, score, weight, weightSum, scratch);
    }
    return out;
}
function thresholded(yScore, threshold) {
    const yPred = new Float64Array(yScore.length);
    for (let i = 0; i < yScore.length; i++)
        yPred[i] = yScore[i] >= threshold ? 1 : 0;
    return yPred;
}
/** Whether yTrue (binary, any weight) has both 0 and 1, as sklearn's np.unique(y_true) checks. */
function hasBothClasses(yTrue) {
    const first = yTrue[0];
    for (let i = 1; i < yTrue.length; i++)
        if (yTrue[i] !== first)
            return true;
    return false;
}
function classTotals(yTrue, yPred, weight, k) {
    const totals = { hits: new Float64Array(k), truth: new Float64Array(k), predicted: new Float64Array(k), present: new Uint8Array(k) };
    const { hits, truth, predicted, present } = totals;
    for (let i = 0; i < yTrue.length; i++) {
        const t = yTrue[i];
        const q = yPred[i];
        const w = weight ? weight[i] : 1;
        truth[t] += w;
        predicted[q] += w;
        if (t === q)
            hits[t] += w;
        present[t] = 1;
        present[q] = 1;
    }
    return totals;
}
/**
 * Accuracy and precision, recall and F1 (binary for class 1, macro and weighted averages) from the
 * class totals, with the formulas of sklearn's precision_recall_fscore_support.
 */
function labelMetrics(binary, yTrue, yPred, weight, weightSum, k, scratch) {
    const totals = classTotals(yTrue, yPred, weight, k);
    const scores = presentClassScores(totals);
    const out = { accuracy: accuracy(yTrue, yPred, weight, weightSum, scratch) };
    if (binary) {
        // average='binary', pos_label=1: class 1's scores, even if class 1 never occurs.
        const one = classScores(totals.hits[1], totals.predicted[1], totals.truth[1]);
        out.precision = one.precision;
        out.recall = one.recall;
        out.f1 = one.f1;
    }
    const noSupport = numpySum(scores.support) === 0;
    for (const [metric, values] of [
        ['precision', scores.precision],
        ['recall', scores.recall],
        ['f1', scores.f1],
    ]) {
        out[`${metric}_macro`] = numpySum(values) / values.length;
        // sklearn returns zero_division (0) for every weighted average when no row has weight.
        out[`${metric}_weighted`] = noSupport ? 0 : weightedMean(values, scores.support);
    }
    return out;
}
/** np.average(values, weights=weights) for short per-class arrays. */
function weightedMean(values, weights) {
    const products = new Float64Array(values.length);
    for (let c = 0; c < values.length; c++)
        products[c] = values[c] * weights[c];
    return numpySum(products) / numpySum(weights);
}
/** The scores of the classes present, in ascending class order, and their supports (true weight). */
function presentClassScores(totals) {
    const classes = [];
    totals.present.forEach((present, c) => {
        if (present)
            classes.push(c);
    });
    const m = classes.length;
    const out = { precision: new Float64Array(m), recall: new Float64Array(m), f1: new Float64Array(m), support: new Float64Array(m) };
    classes.forEach((c, j) => {
        const s = classScores(totals.hits[c], totals.predicted[c], totals.truth[c]);
        out.precision[j] = s.precision;
        out.recall[j] = s.recall;
        out.f1[j] = s.f1;
        out.support[j] = s.support;
    });
    return out;
}
/**
 * One class's precision, recall and F1 as sklearn computes them: it rebuilds the predicted and true
 * totals as tp + fp and tp + fn from the confusion matrix (which can differ from the bincounts in
 * the last bit), sets a ratio with a zero denominator to 0, and F1 = 2·p·r / (p + r), or 0 when
 * p + r = 0.
 */
function classScores(hits, predicted, truth) {
    const predictedSum = hits + (predicted - hits);
    const trueSum = hits + (truth - hits);
    const precision = predictedSum === 0 ? 0 : hits / predictedSum;
    const recall = trueSum === 0 ? 0 : hits / trueSum;
    const denominator = precision + recall;
    const f1 = denominator === 0 ? 0 : (2 * precision * recall) / denominator;
    return { precision, recall, f1, support: trueSum };
}
/** accuracy_score: np.average(yTrue == yPred, weights). */
function accuracy(yTrue, yPred, weight, weightSum, scratch) {
    if (!weight) {
        let hits = 0;
        for (let i = 0; i < yTrue.length; i++)
            if (yTrue[i] === yPred[i])
                hits++;
        return hits / yTrue.length;
    }
    for (let i = 0; i < yTrue.length; i++)
        scratch[i] = yTrue[i] === yPred[i] ? 1 : 0;
    return average(scratch, weight, weightSum);
}
/**
 * log_loss with eps="auto" (float64 eps): the score is clipped to [eps, 1 - eps], the two class
 * probabilities (1 - p, p) are renormalised by their sum as sklearn does, and the loss is -log of the
 * true class's probability.
 */
function logLoss(yTrue, yScore, weight, weightSum, scratch) {
    for (let i = 0; i < yTrue.length; i++) {
        const p = Math.min(Math.max(yScore[i], EPS), 1 - EPS);
        const q = 1 - p;
        const sum = q + p;
        scratch[i] = -Math.log((yTrue[i] === 1 ? p : q) / sum);
    }
    return average(scratch, weight, weightSum);
}
/** brier_score_loss: the mean of (y - p)²; NaN for scores outside [0, 1], which sklearn rejects. */
function brier(yTrue, yScore, weight, weightSum, scratch) {
    for (let i = 0; i < yTrue.length; i++) {
        const s = yScore[i];
        if (s < 0 || s > 1)
            return NaN;
        const d = yTrue[i] - s;
        scratch[i] = d * d;
    }
    return average(scratch, weight, weightSum);
}
/**
 * The curve, with the cumulative sums taken row by row in sklearn's order: np.cumsum over the rows
 * by descending score, tied rows in descending row order (sklearn reverses a stable ascending
 * argsort), so that weighted sums round exactly as sklearn's do.
 */
function rankCurve(yTrue, yScore, weight) {
    const sorted = sortRows(yTrue, yScore, weight);
    const { high, low, signedWeight } = sorted;
    const tps = new Float64Array(signedWeight.length);
    const fps = new Float64Array(signedWeight.length);
    let m = 0;
    let tp = 0;
    let fp = 0;
    for (let k = signedWeight.length - 1; k >= 0; k--) {
        const w = signedWeight[k];
        if (w > 0)
            tp += w;
        else
            fp -= w;
        // The last row of a tie group (in this descending walk) closes a point of the curve.
        if (k === 0 || high[k - 1] !== high[k] || low[k - 1] !== low[k]) {
            tps[m] = tp;
            fps[m++] = fp;
        }
    }
    return { tps: tps.subarray(0, m), fps: fps.subarray(0, m) };
}
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Radix digits on the 64-bit keys: 11, 11 and 10 bits of the low word, then of the high word. */
const DIGITS = [
    { onHigh: false, shift: 0, mask: 0x7ff },
    { onHigh: false, shift: 11, mask: 0x7ff },
    { onHigh: false, shift: 22, mask: 0x3ff },
    { onHigh: true, shift: 0, mask: 0x7ff },
    { onHigh: true, shift: 11, mask: 0x7ff },
    { onHigh: true, shift: 22, mask: 0x3ff },
];
/**
 * The rows of nonzero weight in ascending order of score, equal scores in ascending row order (as
 * numpy's argsort(kind='mergesort')). An LSD radix sort on sort keys, 64-bit unsigned integers in
 * the order of the scores (the IEEE-754 bits, all flipped for a negative score, the sign bit set for
 * others; -0 is made +0, a tie in numpy), in six stable counting passes that carry each row's
 * signed weight, so that the walk over the result reads memory in order. A pass whose digit is the
 * same for every key is skipped.
 */
function sortRows(yTrue, yScore, weight) {
    let rows = keyRows(yTrue, yScore, weight);
    let spare = { high: new Uint32Array(rows.high.length), low: new Uint32Array(rows.high.length), signedWeight: new Float64Array(rows.high.length) };
    for (const { onHigh, shift, mask } of DIGITS) {
        const keys = onHigh ? rows.high : rows.low;
        const offsets = digitCounts(keys, shift, mask);
        if (offsets.includes(keys.length))
            continue; // every key has the same digit
        let sum = 0;
        for (let b = 0; b < offsets.length; b++) {
            const count = offsets[b];
            offsets[b] = sum;
            sum += count;
        }
        scatter(rows, spare, keys, shift, mask, offsets);
        [rows, spare] = [spare, rows];
    }
    return rows;
}
/** The sort keys and signed weights of the rows of nonzero weight, in row order. */
function keyRows(yTrue, yScore, weight) {
    const n = yScore.length;
    const high = new Uint32Array(n);
    const low = new Uint32Array(n);
    const signedWeight = new Float64Array(n);
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    const hi = LITTLE_ENDIAN ? 1 : 0;
    let kept = 0;
    for (let i = 0; i < n; i++) {
        const w = weight ? weight[i] : 1;
        if (w === 0)
            continue; // sklearn drops the rows of zero weight
        bits[0] = yScore[i] + 0; // -0 + 0 is +0
        const h = words[hi];
        const l = words[1 - hi];
        const negative = h >>> 31 === 1;
        high[kept] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
        low[kept] = negative ? ~l >>> 0 : l;
        signedWeight[kept++] = yTrue[i] === 1 ? w : -w;
    }
    return { high: high.subarray(0, kept), low: low.subarray(0, kept), signedWeight: signedWeight.subarray(0, kept) };
}
/**
 * One stable counting pass: moves each row to offsets[its digit]++. Unrolled by four, since V8
 * reloads every typed array's length and data pointer after a store to another typed array, and the
 * unrolled body shares those loads (as in src/stats/sort-float64.ts).
 */
function scatter(from, to, keys, shift, mask, offsets) {
    const { high, low, signedWeight } = from;
    const { high: toHigh, low: toLow, signedWeight: toWeight } = to;
    const n = keys.length;
    let i = 0;
    for (; i + 3 < n; i += 4) {
        const d0 = (keys[i] >>> shift) & mask;
        const d1 = (keys[i + 1] >>> shift) & mask;
        const d2 = (keys[i + 2] >>> shift) & mask;
        const d3 = (keys[i + 3] >>> shift) & mask;
        const h0 = high[i];
        const h1 = high[i + 1];
        const h2 = high[i + 2];
        const h3 = high[i + 3];
        const l0 = low[i];
        const l1 = low[i + 1];
        const l2 = low[i + 2];
        const l3 = low[i + 3];
        const w0 = signedWeight[i];
        const w1 = signedWeight[i + 1];
        const w2 = signedWeight[i + 2];
        const w3 = signedWeight[i + 3];
        const j0 = offsets[d0]++;
        const j1 = offsets[d1]++;
        const j2 = offsets[d2]++;
        const j3 = offsets[d3]++;
        toHigh[j0] = h0;
        toHigh[j1] = h1;
        toHigh[j2] = h2;
        toHigh[j3] = h3;
        toLow[j0] = l0;
        toLow[j1] = l1;
        toLow[j2] = l2;
        toLow[j3] = l3;
        toWeight[j0] = w0;
        toWeight[j1] = w1;
        toWeight[j2] = w2;
        toWeight[j3] = w3;
    }
    for (; i < n; i++) {
        const j = offsets[(keys[i] >>> shift) & mask]++;
        toHigh[j] = high[i];
        toLow[j] = low[i];
        toWeight[j] = signedWeight[i];
    }
}
function digitCounts(keys, shift, mask) {
    const counts = new Uint32Array(mask + 1);
    for (let i = 0; i < keys.length; i++)
        counts[(keys[i] >>> shift) & mask]++;
    return counts;
}
/**
 * roc_auc_score: the trapezoid rule over the ROC points from (0, 0) through every distinct
 * threshold, after sklearn's roc_curve drops the points whose second differences of fps and tps are
 * both 0 (collinear). NaN when the positives or the negatives have no weight.
 */
function rocAuc({ tps, fps }) {
    const m = tps.length;
    if (m === 0)
        return NaN;
    const positives = tps[m - 1];
    const negatives = fps[m - 1];
    if (!(positives > 0 && negatives > 0))
        return NaN;
    const kept = cornerPoints(tps, fps);
    const terms = new Float64Array(kept.length);
    let x0 = 0;
    let y0 = 0;
    for (let i = 0; i < kept.length; i++) {
        const x = fps[kept[i]] / negatives;
        const y = tps[kept[i]] / positives;
        terms[i] = ((x - x0) * (y + y0)) / 2;
        x0 = x;
        y0 = y;
    }
    return numpySum(terms);
}
/** Indices of the curve points sklearn's roc_curve(drop_intermediate=True) keeps. */
function cornerPoints(tps, fps) {
    const m = tps.length;
    const kept = new Uint32Array(m);
    let count = 0;
    for (let j = 0; j < m; j++) {
        const corner = m <= 2 ||
            j === 0 ||
            j === m - 1 ||
            fps[j + 1] - fps[j] - (fps[j] - fps[j - 1]) !== 0 ||
            tps[j + 1] - tps[j] - (tps[j] - tps[j - 1]) !== 0;
        if (corner)
            kept[count++] = j;
    }
    return kept.subarray(0, count);
}
/**
 * average_precision_score: Σ (R_n − R_{n−1}) · P_n over the distinct thresholds, the step function
 * with no interpolation. A threshold with no weight at or above it has precision 0; with no positive
 * weight at all the recall is 1 everywhere and the result 0 (as sklearn). NaN when no row has weight.
 */
function averagePrecision({ tps, fps }) {
    const m = tps.length;
    if (m === 0)
        return NaN;
    const positives = tps[m - 1];
    const recall = (j) => (positives === 0 ? 1 : tps[j] / positives);
    const terms = new Float64Array(m);
    // sklearn reverses the curve (recall decreasing) and appends recall 0, precision 1; term i is
    // (recall[i + 1] - recall[i]) · precision[i] in that order, the sum negated.
    for (let i = 0; i < m; i++) {
        const j = m - 1 - i;
        const predictedPositive = tps[j] + fps[j];
        const precision = predictedPositive === 0 ? 0 : tps[j] / predictedPositive;
        terms[i] = ((j > 0 ? recall(j - 1) : 0) - recall(j)) * precision;
    }
    return 0 - numpySum(terms);
}
// ---------------------------------------------------------------------------------------------
// Regression
function regressionMetrics(p, names) {
    const { yTrue, weight } = p;
    const yPred = p.yPred;
    const weightSum = totalWeight(weight, yTrue.length);
    const scratch = new Float64Array(yTrue.length);
    const out = {};
    for (const name of names) {
        if (name === 'r2')
            out[name] = r2(yTrue, yPred, weight, weightSum, scratch);
        else {
            errorTerms(name, yTrue, yPred, scratch);
            const mean = average(scratch, weight, weightSum);
            out[name] = name === 'rmse' ? Math.sqrt(mean) : mean;
        }
    }
    return out;
}
/**
 * Per-row errors: (y - q)² for rmse (the square root of mean_squared_error), |q - y| for mae, and
 * |q - y| / max(|y|, eps) for mape, so that a zero target gives |q| / eps (about 4.5e15 · |q|), as
 * sklearn's mean_absolute_percentage_error does. One loop per kind keeps each loop monomorphic.
 */
function errorTerms(kind, yTrue, yPred, out) {
    const n = yTrue.length;
    if (kind === 'rmse') {
        for (let i = 0; i < n; i++)
            out[i] = squaredError(yTrue[i], yPred[i]);
    }
    else if (kind === 'mae') {
        for (let i = 0; i < n; i++)
            out[i] = Math.abs(yPred[i] - yTrue[i]);
    }
    else {
        for (let i = 0; i < n; i++)
            out[i] = Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), EPS);
    }
}
function squaredError(t, q) {
    const d = t - q;
    return d * d;
}
/**
 * r2_score: 1 − Σw(y − q)² / Σw(y − ȳ)² with the weighted mean ȳ; 1 when the residuals are all 0,
 * 0 when only the target is constant (force_finite), NaN for fewer than 2 rows or no weight.
 */
function r2(yTrue, yPred, weight, weightSum, scratch) {
    const n = yTrue.length;
    if (n < 2)
        return NaN;
    scratch.set(yTrue);
    const mean = average(scratch, weight, weightSum);
    if (Number.isNaN(mean))
        return NaN;
    for (let i = 0; i < n; i++)
        scratch[i] = squaredError(yTrue[i], yPred[i]) * (weight ? weight[i] : 1);
    const residual = numpySum(scratch);
    for (let i = 0; i < n; i++)
        scratch[i] = squaredError(yTrue[i], mean) * (weight ? weight[i] : 1);
    const total = numpySum(scratch);
    if (residual === 0)
        return 1;
    if (total === 0)
        return 0;
    return 1 - residual / total;
}

;// CONCATENATED MODULE: ./src/eval/mcnemar.ts

/**
 * McNemar's test of two classifiers on the same examples: of the examples exactly one of them
 * labels correctly, are the candidate's and the baseline's shares equal? The statistic is the
 * continuity-corrected χ² = (|b − c| − 1)² / (b + c) with one degree of freedom (statsmodels'
 * mcnemar(exact=False, correction=True)); counts are of examples, not weights.
 */
function mcnemar(yTrue, candidate, baseline) {
    let b = 0;
    let c = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const candidateRight = candidate[i] === yTrue[i];
        const baselineRight = baseline[i] === yTrue[i];
        if (candidateRight && !baselineRight)
            b++;
        else if (baselineRight && !candidateRight)
            c++;
    }
    if (b + c === 0)
        return { candidateOnlyCorrect: 0, baselineOnlyCorrect: 0, statistic: 0, pValue: 1 };
    const statistic = (Math.abs(b - c) - 1) ** 2 / (b + c);
    return { candidateOnlyCorrect: b, baselineOnlyCorrect: c, statistic, pValue: chi2Sf(statistic, 1) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
        this.wordwise = csv_scanner_LITTLE_ENDIAN && options.wordwise !== false;
        this.wasm = csv_scanner_LITTLE_ENDIAN && options.wasm !== false;
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
const csv_scanner_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
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

;// CONCATENATED MODULE: ./src/data/schema.ts

/**
 * The data schema users write (YAML or JSON). Versioned; the JSON Schema in schemas/ is generated
 * from this, so editors autocomplete it.
 */
const columnTypes = ['integer', 'number', 'string', 'category', 'boolean', 'timestamp'];
const schema_bound = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).describe('A number, or an ISO 8601 date or date-time for timestamp columns.');
const columnSchema = schemas/* object */.Ikc({
    type: schemas/* enum */.k5n(columnTypes),
    description: schemas/* string */.YjP().optional(),
    nullable: schemas/* boolean */.zMY().default(true).describe('false: every row must have a value (an empty unquoted field is null).'),
    unique: schemas/* boolean */.zMY().default(false),
    min: schema_bound.optional(),
    max: schema_bound.optional(),
    allowed: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()])).min(1).optional().describe('The only values allowed.'),
    pattern: schemas/* string */.YjP()
        .refine(isValidRegex, { message: 'not a valid regular expression' })
        .optional()
        .describe('A JavaScript regular expression every value must match.'),
    max_null_fraction: schemas/* number */.aig().min(0).max(1).optional().describe('Largest share of null values, 0 to 1.'),
})
    .strict();
const driftMethods = ['auto', 'ks', 'wasserstein', 'psi', 'chi2', 'jensenshannon', 'none'];
const driftColumnSchema = schemas/* object */.Ikc({
    method: schemas/* enum */.k5n(driftMethods).default('auto'),
    threshold: schemas/* number */.aig()
        .positive()
        .optional()
        .describe('ks, chi2: the significance level the (Benjamini-Hochberg adjusted) p-value must stay above; wasserstein, jensenshannon, psi: the largest distance allowed.'),
})
    .strict();
const driftSchema = schemas/* object */.Ikc({
    max_drifted_share: schemas/* number */.aig().min(0).max(1).default(0.5).describe('The dataset drifts when more than this share of the compared columns drift.'),
    column_severity: schemas/* enum */.k5n(['error', 'warning', 'notice']).default('warning').describe('Severity of the finding for each drifted column.'),
    large_sample: schemas/* number */.aig()
        .int()
        .positive()
        .default(10_000)
        .describe('From this many values in the smaller sample, auto uses distances instead of p-values (at a million rows every p-value is tiny).'),
    alpha: schemas/* number */.aig().gt(0).lt(1).default(0.05).describe('Significance level for p-value tests, after Benjamini-Hochberg correction.'),
    columns: schemas/* record */.g1P(schemas/* string */.YjP().min(1), driftColumnSchema).default({}),
})
    .strict();
const dataSchemaSchema = schemas/* object */.Ikc({
    $schema: schemas/* string */.YjP().optional(),
    version: schemas/* literal */.euz(1).describe('Schema format version; 1 is the only one.'),
    description: schemas/* string */.YjP().optional(),
    columns: schemas/* record */.g1P(schemas/* string */.YjP().min(1), columnSchema),
    rows: schemas/* object */.Ikc({ min: schemas/* number */.aig().int().nonnegative().optional(), max: schemas/* number */.aig().int().nonnegative().optional() })
        .strict()
        .optional(),
    unknown_columns: schemas/* enum */.k5n(['error', 'warn', 'ignore']).default('error').describe('What to do with a data column the schema does not declare.'),
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
            return schema_parseTimestamp(raw.trim());
        case 'string':
        case 'category':
            return raw;
    }
}
/** Milliseconds since the epoch for an ISO 8601 date or date-time with a real calendar date. */
/** Days in a month (1-12) of the proleptic Gregorian calendar; years 0 to 99 included, which Date.UTC would take as 1900 to 1999. */
function schema_daysInMonth(year, month) {
    if (month === 2)
        return (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return 30 + ((month + (month >> 3)) & 1);
}
function schema_parseTimestamp(text) {
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
    if (d > schema_daysInMonth(y, mo))
        return undefined;
    const ms = Date.parse(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : text.replace(' ', 'T') + (m[7] ? '' : 'Z'));
    return Number.isNaN(ms) ? undefined : ms;
}

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
const typed_INTEGER = /^[+-]?\d+$/;
const typed_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseSlow(buf, s, e, integer) {
    const text = decoder.decode(buf.subarray(s, e));
    return (integer ? typed_INTEGER : typed_NUMBER).test(text) ? Number(text) : NaN;
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
        if (day > daysInMonth(year, month))
            return NaN;
        const leapDay = month > 2 && (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
        return (daysBeforeYear(year) + MONTH_START[month - 1] + leapDay + day - 1) * DAY_MS;
    }
    if (e - s >= 19 && (buf[s + 10] === 84 || buf[s + 10] === SPACE)) {
        const fast = dateTimeFast(buf, s, e);
        if (fast === fast)
            return fast;
    }
    const ms = parseTimestamp(decoder.decode(buf.subarray(s, e)));
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

;// CONCATENATED MODULE: ./src/eval/predictions.ts





const DEFAULT_COLUMNS = { label: 'y_true', score: 'y_score', prediction: 'y_pred', weight: 'weight' };
/** Grows a Float64Array as rows come. */
class Column {
    data = new Float64Array(1 << 16);
    length = 0;
    push(x) {
        if (this.length === this.data.length) {
            const grown = new Float64Array(this.data.length * 2);
            grown.set(this.data);
            this.data = grown;
        }
        this.data[this.length++] = x;
    }
    done() {
        return this.data.slice(0, this.length);
    }
}
/** Codes strings in order of first sight; recoded to sorted order at the end. */
class Dictionary {
    index = new Map();
    values = [];
    code(text) {
        let c = this.index.get(text);
        if (c === undefined) {
            c = this.values.length;
            this.index.set(text, c);
            this.values.push(text);
        }
        return c;
    }
}
async function loadPredictions(file, names, read, options) {
    const label = new Column();
    const score = new Column();
    const pred = new Column();
    const weight = new Column();
    const labelText = new Dictionary();
    const slices = (names.slices ?? []).map((name) => ({ name, dict: new Dictionary(), codes: new Column() }));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let at = {};
    let has = { score: false, pred: false, weight: false, id: false };
    const text = (col, r) => {
        if (col.kind === 'values') {
            const v = col.values[r];
            return v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
        }
        if (col.flags[r] === FIELD_NULL)
            return null;
        return fieldText(col.buf, col.start[r], col.end[r], col.flags[r] === FIELD_QUOTED_ESCAPED, col.quote);
    };
    const number = (col, r) => {
        if (col.kind === 'values') {
            const v = col.values[r];
            if (typeof v === 'number')
                return v;
            if (typeof v === 'boolean')
                return v ? 1 : 0;
            if (typeof v === 'bigint')
                return Number(v);
            if (typeof v === 'string' && v.trim() !== '')
                return Number(v);
            return NaN;
        }
        if (col.flags[r] === FIELD_NULL)
            return NaN;
        return parseNumberBytes(col.buf, col.start[r], col.end[r]);
    };
    const bad = (batch, r, column, value, expected) => new errors/* ConfigurationError */.j1(`${column}: ${value === null ? 'an empty value' : JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)} is not ${expected}`, {
        file: file.displayName,
        line: batch.positionKind === 'line' ? batch.positions[r] : undefined,
        hint: batch.positionKind === 'row'
            ? `At row ${batch.positions[r] + 1}. Every row needs ${expected} in ${column}; drop or fix the rows without one before the evaluation.`
            : `Every row needs ${expected} in ${column}; drop or fix the rows without one before the evaluation.`,
    });
    const sink = {
        beginFile(_f, header) {
            at = Object.fromEntries(header.map((n, i) => [n, i]));
            if (at[names.label] === undefined) {
                throw new errors/* ConfigurationError */.j1(`no label column "${names.label}" in the predictions (columns: ${header.slice(0, 20).join(', ')})`, {
                    file: file.displayName,
                    line: 1,
                    hint: 'Name the column of true labels with `label-column`, or call it y_true.',
                });
            }
            has = { score: at[names.score] !== undefined, pred: at[names.prediction] !== undefined, weight: at[names.weight] !== undefined, id: names.id !== undefined && at[names.id] !== undefined };
            if (!has.score && !has.pred) {
                throw new errors/* ConfigurationError */.j1(`the predictions have neither a score column "${names.score}" nor a predicted-label column "${names.prediction}"`, {
                    file: file.displayName,
                    line: 1,
                    hint: 'Write the model’s score (probability of the positive class) as y_score, or its predicted label (or value) as y_pred; or name them with score-column / prediction-column.',
                });
            }
            if (names.id !== undefined && !has.id)
                throw new errors/* ConfigurationError */.j1(`no id column "${names.id}" in the predictions`, { file: file.displayName, line: 1, hint: 'Remove id-column, or add the column.' });
            for (const s of slices) {
                if (at[s.name] === undefined)
                    throw new errors/* ConfigurationError */.j1(`no slice column "${s.name}" in the predictions`, { file: file.displayName, line: 1, hint: 'Name columns the predictions file has in slices.columns of the gates file.' });
            }
        },
        batch(batch) {
            const cols = batch.columns;
            const labelCol = cols[at[names.label]];
            const scoreCol = has.score ? cols[at[names.score]] : undefined;
            const predCol = has.pred ? cols[at[names.prediction]] : undefined;
            const weightCol = has.weight ? cols[at[names.weight]] : undefined;
            const idCol = has.id ? cols[at[names.id]] : undefined;
            const rowHash = new Float64Array(batch.rowCount * 2);
            for (let r = 0; r < batch.rowCount; r++) {
                if (options.labelsNumeric) {
                    const y = number(labelCol, r);
                    if (!Number.isFinite(y))
                        throw bad(batch, r, names.label, text(labelCol, r), 'a number');
                    label.push(y);
                }
                else {
                    const t = text(labelCol, r);
                    if (t === null)
                        throw bad(batch, r, names.label, t, 'a label');
                    label.push(labelText.code(t));
                }
                rowHash[2 * r] = label.data[label.length - 1];
                if (scoreCol) {
                    const s = number(scoreCol, r);
                    if (!Number.isFinite(s))
                        throw bad(batch, r, names.score, text(scoreCol, r), 'a finite number');
                    score.push(s);
                }
                if (predCol) {
                    if (options.labelsNumeric) {
                        const p = number(predCol, r);
                        if (!Number.isFinite(p))
                            throw bad(batch, r, names.prediction, text(predCol, r), 'a number');
                        pred.push(p);
                    }
                    else {
                        const t = text(predCol, r);
                        if (t === null)
                            throw bad(batch, r, names.prediction, t, 'a label');
                        pred.push(labelText.code(t));
                    }
                }
                if (weightCol) {
                    const w = number(weightCol, r);
                    if (!(w >= 0) || !Number.isFinite(w))
                        throw bad(batch, r, names.weight, text(weightCol, r), 'a non-negative number');
                    weight.push(w);
                }
                rowHash[2 * r + 1] = weightCol ? weight.data[weight.length - 1] : 1;
                for (const s of slices) {
                    const t = text(cols[at[s.name]], r) ?? '(empty)';
                    s.codes.push(s.dict.code(t));
                }
                if (idCol)
                    hash.update(`${text(idCol, r) ?? ''}\n`);
            }
            hash.update(new Uint8Array(rowHash.buffer));
        },
    };
    await readDataFile(file, read, sink);
    if (label.length === 0)
        throw new errors/* ConfigurationError */.j1('the predictions file has no rows', { file: file.displayName, hint: 'The evaluation step must write one row per example.' });
    let yTrue = label.done();
    let yPred = has.pred ? pred.done() : undefined;
    let labels = [];
    if (!options.labelsNumeric) {
        // Codes in sorted label order, as sklearn's unique_labels sorts them (numbers numerically).
        const order = labelText.values.map((v, i) => ({ v, i })).sort((a, b) => compareLabels(a.v, b.v));
        const recode = new Float64Array(order.length);
        order.forEach((o, rank) => (recode[o.i] = rank));
        yTrue = yTrue.map((c) => recode[c]);
        yPred = yPred?.map((c) => recode[c]);
        labels = order.map((o) => o.v);
    }
    return {
        file: file.displayName,
        rows: label.length,
        yTrue,
        yScore: has.score ? score.done() : undefined,
        yPred,
        weight: has.weight ? weight.done() : undefined,
        labels,
        slices: Object.fromEntries(slices.map((s) => [s.name, { values: s.dict.values, codes: Uint32Array.from(s.codes.done()) }])),
        fingerprint: `sha256:${hash.update(`labels:${labels.join('\u0000')}`).digest('hex')}`,
    };
}
/** scikit-learn's class order: numbers numerically, other labels as strings. */
function compareLabels(a, b) {
    const x = Number(a);
    const y = Number(b);
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y))
        return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/eval/compare.ts








async function evaluateMetricsGate(options) {
    const { gates, candidate, task } = options;
    const findings = new platform_report/* FindingCollector */.xe();
    const gateLine = (metric) => options.gatesLineOf?.(['metrics', metric]);
    const names = Object.keys(gates.metrics);
    const sliceNames = Object.keys(gates.slices?.worst_slice ?? {});
    const wanted = [...new Set([...names, ...sliceNames])];
    const confidence = gates.confidence;
    // Which metrics the candidate can give.
    if (candidate.kind === 'predictions') {
        const can = availableMetrics(task, { yScore: candidate.data.yScore !== undefined, yPred: candidate.data.yPred !== undefined || task === 'binary' });
        for (const m of wanted) {
            if (!can.includes(m)) {
                throw new errors/* ConfigurationError */.j1(`the gates name metric "${m}", which ${task} predictions with ${describeColumns(candidate.data)} cannot give`, {
                    file: options.gatesFile,
                    line: gateLine(m) ?? options.gatesLineOf?.(['slices', 'worst_slice', m]),
                    hint: `Metrics available here: ${can.join(', ')}.${m === 'roc_auc' || m === 'pr_auc' || m === 'log_loss' || m === 'brier' ? ' This one needs a score column (y_score).' : ''}`,
                });
            }
        }
        checkLabels(candidate.data, task);
    }
    else {
        for (const m of names) {
            if (candidate.values[m] === undefined) {
                throw new errors/* ConfigurationError */.j1(`the gates name metric "${m}", which the candidate metrics (${candidate.name}) do not have`, {
                    file: options.gatesFile,
                    line: gateLine(m),
                    hint: `The file has: ${Object.keys(candidate.values).slice(0, 30).join(', ')}. Nested keys are joined with dots (test.roc_auc).`,
                });
            }
        }
    }
    // The baseline must be of the same eval set.
    const baseline = options.baseline;
    let paired = false;
    if (baseline && candidate.kind === 'predictions') {
        const theirs = baseline.kind === 'predictions' ? baseline.data.fingerprint : baseline.kind === 'stored' ? baseline.evaluation.fingerprint : undefined;
        if (theirs !== undefined && theirs !== candidate.data.fingerprint) {
            const theirRows = baseline.kind === 'predictions' ? baseline.data.rows : baseline.kind === 'stored' ? baseline.evaluation.rows : undefined;
            const sizes = theirRows !== undefined && theirRows !== candidate.data.rows ? ` (${theirRows.toLocaleString('en-US')} examples, the candidate's ${candidate.data.rows.toLocaleString('en-US')})` : '';
            const message = `the baseline (${baseline.name}) was evaluated on different data${sizes}: eval-set fingerprint ${compare_short(theirs)}, the candidate's ${compare_short(candidate.data.fingerprint)}`;
            if (!options.allowDifferentData) {
                throw new errors/* ConfigurationError */.j1(message, {
                    hint: 'Evaluate both models on the same examples in the same order (same labels, weights and ids), or set allow-different-data: true to compare anyway without pairing.',
                });
            }
            findings.add({ severity: 'warning', rule: 'different-data', message: `${message}; compared without pairing, as allow-different-data is set` });
        }
        else if (baseline.kind === 'predictions') {
            paired = true;
            checkLabels(baseline.data, task);
            if (task === 'multiclass')
                alignLabels(candidate.data, baseline.data);
        }
        else if (baseline.kind === 'stored') {
            paired = theirs !== undefined && baseline.evaluation.seed === options.seed && baseline.evaluation.resamples === options.resamples && baseline.evaluation.replicates !== undefined;
        }
    }
    // Estimates with intervals.
    const cand = {};
    const base = {};
    const delta = {};
    let replicates;
    if (candidate.kind === 'predictions') {
        const result = await bootstrapAll(options, candidate.data, baseline?.kind === 'predictions' && paired ? baseline.data : undefined, wanted);
        replicates = result.replicates;
        for (const m of wanted) {
            cand[m] = result.candidate[m];
            if (result.baseline?.[m])
                base[m] = result.baseline[m];
            if (result.delta?.[m])
                delta[m] = { ...result.delta[m], paired: true };
        }
        if (baseline?.kind === 'predictions' && !paired) {
            const alone = await bootstrapAll(options, baseline.data, undefined, wanted);
            for (const m of wanted)
                base[m] = alone.candidate[m];
        }
    }
    else {
        for (const m of names)
            cand[m] = { estimate: candidate.values[m] };
    }
    if (baseline?.kind === 'metrics') {
        for (const m of names)
            if (baseline.values[m] !== undefined)
                base[m] = { estimate: baseline.values[m] };
    }
    else if (baseline?.kind === 'stored') {
        for (const m of names) {
            const b = baseline.evaluation.metrics[m];
            if (b)
                base[m] = b;
            const theirs = baseline.evaluation.replicates?.[m];
            if (paired && theirs && replicates?.[m] && theirs.length === replicates[m].length) {
                const mine = replicates[m];
                const diffs = mine.map((x, i) => x - theirs[i]);
                delta[m] = { ...(0,bootstrap/* bootstrapInterval */.kd)(diffs, cand[m].estimate - b.estimate, confidence), paired: true };
            }
        }
    }
    for (const m of names) {
        if (delta[m] || !base[m])
            continue;
        delta[m] = unpairedDelta(cand[m], base[m], confidence);
    }
    if (baseline && candidate.kind === 'predictions' && !paired && baseline.kind !== 'metrics' && !findings.kept.some((f) => f.rule === 'different-data')) {
        findings.add({ severity: 'notice', rule: 'unpaired', message: `the baseline (${baseline.name}) has no per-resample values for this eval set and seed: its difference intervals assume independent samples, which makes them wider` });
    }
    if (!baseline) {
        findings.add({ severity: 'notice', rule: 'no-baseline', message: `no baseline${options.noBaselineReason ? ` (${options.noBaselineReason})` : ''}: only absolute gates (min, max) apply on this run` });
    }
    // Training noise: a retrained model moves by about its seed std even on the same data. Judge on
    // intervals that hold both noises (half-widths added in quadrature); a difference of two trained
    // models carries it twice (σ√2). The stored evaluation keeps the eval-set intervals alone.
    const judgedCand = { ...cand };
    const judgedDelta = { ...delta };
    const noiseUsed = {};
    if (options.trainingNoise) {
        const z = normalQuantile(1 - (1 - confidence) / 2);
        for (const m of names) {
            const sigma = options.trainingNoise.std[m];
            if (sigma === undefined || !(sigma > 0))
                continue;
            noiseUsed[m] = sigma;
            judgedCand[m] = widen(cand[m], z * sigma);
            if (delta[m])
                judgedDelta[m] = { ...widen(delta[m], z * sigma * Math.SQRT2), paired: delta[m].paired };
        }
        const used = Object.keys(noiseUsed);
        findings.add({
            severity: 'notice',
            rule: 'training-noise',
            message: used.length > 0
                ? `intervals of ${used.join(', ')} include the training noise measured across seeds in ${options.trainingNoise.source} (std ${used.map((m) => `${m} ${fmt(noiseUsed[m])}`).join(', ')})`
                : `${options.trainingNoise.source} has no seed std for the gated metrics (${names.join(', ')}): intervals are the eval set's alone`,
        });
    }
    // The gates.
    const examples = candidate.kind === 'predictions' ? candidate.data.rows : undefined;
    const results = [];
    const comparison = [];
    for (const m of names) {
        const gate = gates.metrics[m];
        const direction = gate.direction ?? METRIC_DIRECTION[m] ?? 'higher';
        const judged = judgeMetric(m, gate, { direction, candidate: judgedCand[m], baseline: base[m], delta: judgedDelta[m], examples });
        results.push(...judged);
        comparison.push({ metric: m, direction, candidate: judgedCand[m], baseline: base[m], delta: judgedDelta[m], status: overallStatus(judged) });
        for (const r of judged) {
            if (r.status === 'fail' || r.status === 'inconclusive') {
                findings.add({
                    severity: r.status === 'fail' ? 'error' : 'warning',
                    rule: r.status === 'fail' ? 'gate' : 'gate-inconclusive',
                    subject: m,
                    file: options.gatesFile,
                    line: gateLine(m),
                    message: `${m} ${r.gate}: ${r.status}: ${r.reason}`,
                });
            }
        }
    }
    // Slices (point values: a slice is small, and its interval would say mostly that).
    let slices;
    if (gates.slices && candidate.kind === 'predictions') {
        slices = [];
        const data = candidate.data;
        const minSize = gates.slices.min_size;
        for (const column of gates.slices.columns) {
            const slice = data.slices[column];
            for (let v = 0; v < slice.values.length; v++) {
                const rows = [];
                for (let i = 0; i < slice.codes.length; i++)
                    if (slice.codes[i] === v)
                        rows.push(i);
                const gated = rows.length >= minSize;
                const metrics = safeMetrics(task, subset(data, rows), options.threshold, sliceNames.length > 0 ? sliceNames : wanted.filter((m) => !m.endsWith('_weighted')));
                slices.push({ column, value: slice.values[v], size: rows.length, gated, metrics });
            }
        }
        for (const [m, bound] of Object.entries(gates.slices.worst_slice)) {
            const direction = METRIC_DIRECTION[m] ?? 'higher';
            const gatedSlices = slices.filter((s) => s.gated && Number.isFinite(s.metrics[m]));
            if (gatedSlices.length === 0)
                continue;
            const worst = gatedSlices.reduce((a, b) => ((direction === 'higher' ? b.metrics[m] < a.metrics[m] : b.metrics[m] > a.metrics[m]) ? b : a));
            const value = worst.metrics[m];
            for (const [kind, threshold] of [['min', bound.min], ['max', bound.max]]) {
                if (threshold === undefined)
                    continue;
                const ok = kind === 'min' ? value >= threshold : value <= threshold;
                const r = {
                    metric: m,
                    gate: `worst_slice ${kind} ${threshold}`,
                    status: ok ? 'pass' : 'fail',
                    value: { estimate: value },
                    threshold,
                    reason: `the worst slice, ${worst.column} = ${worst.value} (${worst.size.toLocaleString('en-US')} examples), has ${fmt(value)}`,
                };
                results.push(r);
                if (!ok) {
                    findings.add({ severity: 'error', rule: 'worst-slice', subject: m, file: options.gatesFile, line: options.gatesLineOf?.(['slices', 'worst_slice', m]), message: `${m} worst_slice ${kind} ${threshold}: fail: ${r.reason}` });
                }
            }
        }
    }
    // McNemar's test on accuracy, when both models' predicted labels are at hand on the same examples.
    let mcnemarResult;
    if (paired && candidate.kind === 'predictions' && baseline?.kind === 'predictions' && task !== 'regression') {
        const c = predictedLabels(candidate.data, options.threshold);
        const b = predictedLabels(baseline.data, options.threshold);
        if (c && b)
            mcnemarResult = mcnemar(candidate.data.yTrue, c, b);
    }
    const verdict = overallVerdict(results);
    const failedGates = results.filter((r) => r.status === 'fail').map((r) => `${r.metric} ${r.gate}`);
    const evaluation = {
        fingerprint: candidate.kind === 'predictions' ? candidate.data.fingerprint : undefined,
        rows: examples,
        task,
        seed: options.seed,
        resamples: options.resamples,
        confidence,
        metrics: cand,
        replicates,
    };
    const details = {
        task,
        confidence,
        trainingNoise: Object.keys(noiseUsed).length > 0 ? { source: options.trainingNoise.source, std: noiseUsed } : undefined,
        baseline: baseline ? { name: baseline.name, kind: baseline.kind, paired } : undefined,
        comparison,
        gates: results,
        failedGates,
        slices,
        mcnemar: mcnemarResult,
        evaluation,
    };
    const tables = [comparisonTable(comparison, baseline?.name, confidence, evaluation), gatesTable(results)];
    if (slices)
        tables.push(slicesTable(slices, gates.slices.min_size));
    if (mcnemarResult) {
        tables.push({
            title: "McNemar's test on accuracy",
            columns: ['only the candidate right', 'only the baseline right', 'χ² (continuity-corrected)', 'p-value'],
            rows: [[mcnemarResult.candidateOnlyCorrect, mcnemarResult.baselineOnlyCorrect, Number(mcnemarResult.statistic.toPrecision(6)), Number(mcnemarResult.pValue.toPrecision(4))]],
            note: 'Counts of examples, unweighted. A small p-value says the two models disagree on accuracy beyond chance.',
        });
    }
    if (options.gatesDiff && options.gatesDiff.length > 0) {
        tables.push({
            title: `The gates file changed in this pull request (${options.gatesFile})`,
            columns: ['', 'line'],
            rows: options.gatesDiff.map((l) => [l.startsWith('+') ? '➕' : l.startsWith('-') ? '➖' : '', l.slice(1)]),
            note: 'Threshold edits are part of the review: this is the diff against the base branch.',
        });
    }
    const charts = [];
    const chart = deltaChart(comparison, confidence);
    if (chart)
        charts.push(chart);
    const counts = { pass: 0, fail: 0, inconclusive: 0, skipped: 0 };
    for (const r of results)
        counts[r.status]++;
    const headline = `${verdict === 'pass' ? 'The candidate may replace the baseline' : verdict === 'fail' ? 'The candidate may not replace the baseline' : 'The eval set cannot tell yet'}: ` +
        `${counts.pass} gate${counts.pass === 1 ? '' : 's'} passed, ${counts.fail} failed, ${counts.inconclusive} inconclusive${counts.skipped ? `, ${counts.skipped} skipped` : ''}` +
        `${examples !== undefined ? ` on ${examples.toLocaleString('en-US')} examples` : ''}${baseline ? ` against ${baseline.name}` : ' (no baseline)'}.`;
    const report = (0,platform_report/* buildReport */.FK)({
        action: 'evaluate-metrics-gate',
        title: 'Model gate',
        verdict,
        headline,
        startedAt: options.startedAt,
        findings,
        tables,
        charts,
        details: details,
    });
    return { report, details };
}
async function bootstrapAll(options, candidate, baseline, metrics) {
    const confidence = options.gates.confidence;
    const out = {
        candidate: {},
        baseline: baseline ? {} : undefined,
        delta: baseline ? {} : undefined,
        replicates: {},
    };
    // Replicates are kept in the report for a later run to pair with: 12 digits are plenty.
    const keep = (values) => Array.from(values, (x) => Number(x.toPrecision(12)));
    // Binary metrics come from the fused engine; the rest (averaged label metrics, other tasks) through computeMetrics per resample.
    const fused = options.task === 'binary' ? metrics.filter((m) => bootstrap/* BINARY_METRICS */.Cd.includes(m)) : [];
    const generic = metrics.filter((m) => !fused.includes(m));
    if (fused.length > 0) {
        const result = await (0,bootstrap/* pairedBootstrap */.Wx)({
            yTrue: candidate.yTrue,
            weight: candidate.weight,
            candidate: { yScore: candidate.yScore, yPred: candidate.yPred },
            baseline: baseline ? { yScore: baseline.yScore, yPred: baseline.yPred } : undefined,
            threshold: options.threshold,
        }, { metrics: fused, resamples: options.resamples, confidence, seed: options.seed, workerEntry: options.workerEntry });
        for (const m of fused) {
            const r = result.metrics[m];
            out.candidate[m] = r.candidate;
            if (out.baseline && r.baseline)
                out.baseline[m] = r.baseline;
            if (out.delta && r.delta)
                out.delta[m] = r.delta;
            out.replicates[m] = keep(result.replicates[m].candidate);
        }
    }
    if (generic.length === 0)
        return out;
    const n = candidate.rows;
    const c = Object.fromEntries(generic.map((m) => [m, []]));
    const b = Object.fromEntries(generic.map((m) => [m, []]));
    const weight = new Float64Array(n);
    const metricOptions = { threshold: options.threshold, classes: classCount(candidate, baseline) };
    for (let r = 0; r < options.resamples; r++) {
        const w = (0,bootstrap/* poissonWeights */.np)(options.seed, r, n);
        for (let i = 0; i < n; i++)
            weight[i] = w[i] * (candidate.weight ? candidate.weight[i] : 1);
        const cm = computeMetrics(options.task, { ...asPredictions(candidate), weight }, metricOptions, generic);
        for (const m of generic)
            c[m].push(cm[m]);
        if (baseline) {
            const bm = computeMetrics(options.task, { ...asPredictions(baseline), weight }, metricOptions, generic);
            for (const m of generic)
                b[m].push(bm[m]);
        }
    }
    const ce = computeMetrics(options.task, asPredictions(candidate), metricOptions, generic);
    const be = baseline ? computeMetrics(options.task, asPredictions(baseline), metricOptions, generic) : undefined;
    for (const m of generic) {
        out.candidate[m] = (0,bootstrap/* bootstrapInterval */.kd)(c[m], ce[m], confidence);
        out.replicates[m] = keep(c[m]);
        if (be && out.baseline && out.delta) {
            out.baseline[m] = (0,bootstrap/* bootstrapInterval */.kd)(b[m], be[m], confidence);
            out.delta[m] = (0,bootstrap/* bootstrapInterval */.kd)(c[m].map((x, i) => x - b[m][i]), ce[m] - be[m], confidence);
        }
    }
    return out;
}
/** Multiclass: the classes of both models' labels, so every resample averages over the same ones. */
function classCount(candidate, baseline) {
    if (candidate.labels.length === 0)
        return undefined;
    return Math.max(candidate.labels.length, baseline?.labels.length ?? 0);
}
function asPredictions(p) {
    return { yTrue: p.yTrue, yScore: p.yScore, yPred: p.yPred, weight: p.weight };
}
/** Candidate − baseline from two independent estimates: a normal interval from their standard errors (or a point value). */
function unpairedDelta(c, b, confidence) {
    const estimate = c.estimate - b.estimate;
    if (c.se === undefined || b.se === undefined || !Number.isFinite(c.se) || !Number.isFinite(b.se))
        return { estimate, paired: false };
    const z = normalQuantile(1 - (1 - confidence) / 2);
    const se = Math.hypot(c.se, b.se);
    return { estimate, low: estimate - z * se, high: estimate + z * se, paired: false };
}
function overallStatus(results) {
    const live = results.filter((r) => r.status !== 'skipped');
    if (live.length === 0)
        return 'skipped';
    return overallVerdict(live);
}
function checkLabels(data, task) {
    if (task !== 'binary')
        return;
    for (let i = 0; i < data.rows; i++) {
        const y = data.yTrue[i];
        if (y !== 0 && y !== 1) {
            throw new errors/* ConfigurationError */.j1(`binary labels must be 0 or 1 (or true/false); ${data.file} has ${y} in row ${i + 1}`, {
                file: data.file,
                hint: 'Map the labels to 0/1 before the evaluation, or set task: multiclass for more than two classes.',
            });
        }
        const p = data.yPred?.[i];
        if (p !== undefined && p !== 0 && p !== 1) {
            throw new errors/* ConfigurationError */.j1(`binary predicted labels must be 0 or 1; ${data.file} has ${p} in row ${i + 1}`, { file: data.file, hint: 'Write 0/1 in y_pred, or leave it out and give y_score.' });
        }
    }
}
/** Multiclass: recodes both models' labels over the union of their classes, in sorted order. */
function alignLabels(a, b) {
    const union = [...new Set([...a.labels, ...b.labels])].sort(compareLabels);
    if (union.length === a.labels.length && union.length === b.labels.length && union.every((l, i) => l === a.labels[i] && l === b.labels[i]))
        return;
    for (const p of [a, b]) {
        const to = Float64Array.from(p.labels, (l) => union.indexOf(l));
        p.yTrue = p.yTrue.map((c) => to[c]);
        if (p.yPred)
            p.yPred = p.yPred.map((c) => to[c]);
        p.labels = union;
    }
}
function predictedLabels(data, threshold) {
    if (data.yPred)
        return data.yPred;
    if (data.yScore)
        return data.yScore.map((s) => (s >= threshold ? 1 : 0));
    return undefined;
}
function subset(data, rows) {
    const pick = (a) => (a ? Float64Array.from(rows, (i) => a[i]) : undefined);
    return { yTrue: pick(data.yTrue), yScore: pick(data.yScore), yPred: pick(data.yPred), weight: pick(data.weight) };
}
function safeMetrics(task, p, threshold, names) {
    if (p.yTrue.length === 0)
        return {};
    try {
        return computeMetrics(task, p, { threshold }, names);
    }
    catch {
        return {};
    }
}
function describeColumns(p) {
    return [p.yScore ? 'scores' : undefined, p.yPred ? 'predicted labels' : undefined].filter(Boolean).join(' and ') || 'no model output';
}
function compare_short(fingerprint) {
    return fingerprint.replace(/^sha256:/, '').slice(0, 12);
}
function interval(e) {
    if (!e || e.low === undefined || e.high === undefined)
        return '—';
    return `[${fmt(e.low)}, ${fmt(e.high)}]`;
}
const STATUS_ICON = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', skipped: '➖ skipped' };
function comparisonTable(rows, baselineName, confidence, evaluation) {
    const order = { fail: 0, inconclusive: 1, pass: 2, skipped: 3 };
    const sorted = [...rows].sort((a, b) => order[a.status] - order[b.status] || a.metric.localeCompare(b.metric));
    return {
        title: 'Candidate vs baseline',
        columns: ['metric', 'baseline', 'candidate', 'Δ', `${Math.round(confidence * 100)} % CI of Δ`, 'gate', 'verdict'],
        rows: sorted.map((r) => [
            r.metric,
            r.baseline ? fmt(r.baseline.estimate) : '—',
            `${fmt(r.candidate.estimate)}${r.candidate.low !== undefined ? ` ${interval(r.candidate)}` : ''}`,
            r.delta ? `${r.delta.estimate >= 0 ? '+' : ''}${fmt(r.delta.estimate)}` : '—',
            r.delta ? `${interval(r.delta)}${r.delta.low !== undefined && !r.delta.paired ? ' (unpaired)' : ''}` : '—',
            r.direction === 'higher' ? 'higher is better' : 'lower is better',
            STATUS_ICON[r.status],
        ]),
        note: (baselineName ? `Baseline: ${baselineName}. Worst first.` : 'No baseline: only absolute gates were judged.') +
            (evaluation.fingerprint
                ? ` Eval set: ${evaluation.rows?.toLocaleString('en-US')} examples, fingerprint ${compare_short(evaluation.fingerprint)}; ${evaluation.resamples.toLocaleString('en-US')} bootstrap resamples, seed ${evaluation.seed}.`
                : ' Metrics from a file: point values, no intervals.'),
    };
}
function gatesTable(results) {
    return {
        title: 'Gates',
        columns: ['metric', 'gate', 'verdict', 'why'],
        rows: results.map((r) => [r.metric, r.gate, STATUS_ICON[r.status], r.reason]),
    };
}
function slicesTable(slices, minSize) {
    const metricNames = [...new Set(slices.flatMap((s) => Object.keys(s.metrics)))];
    return {
        title: 'Slices',
        columns: ['column', 'value', 'examples', ...metricNames],
        rows: slices.map((s) => [s.column, s.value, s.size, ...metricNames.map((m) => (s.metrics[m] === undefined ? '—' : fmt(s.metrics[m])))]),
        note: `Slices under ${minSize} examples are listed but not gated.`,
    };
}
/** A Mermaid chart of each metric's Δ with its interval bounds (bars: Δ; lines: the bounds). */
function deltaChart(rows, confidence) {
    const withDelta = rows.filter((r) => r.delta && Number.isFinite(r.delta.estimate));
    if (withDelta.length === 0)
        return undefined;
    const num = (x) => (x === undefined || !Number.isFinite(x) ? 0 : Number(x.toPrecision(4)));
    const values = withDelta.flatMap((r) => [r.delta.estimate, r.delta.low ?? r.delta.estimate, r.delta.high ?? r.delta.estimate]);
    const lo = Math.min(0, ...values);
    const hi = Math.max(0, ...values);
    const pad = (hi - lo) * 0.1 || 0.01;
    const lines = [
        'xychart-beta',
        `  title "Candidate − baseline, with ${Math.round(confidence * 100)} % interval bounds"`,
        `  x-axis [${withDelta.map((r) => `"${r.metric}"`).join(', ')}]`,
        `  y-axis "Δ" ${num(lo - pad)} --> ${num(hi + pad)}`,
        `  bar [${withDelta.map((r) => num(r.delta.estimate)).join(', ')}]`,
    ];
    if (withDelta.some((r) => r.delta.low !== undefined)) {
        lines.push(`  line [${withDelta.map((r) => num(r.delta.low ?? r.delta.estimate)).join(', ')}]`);
        lines.push(`  line [${withDelta.map((r) => num(r.delta.high ?? r.delta.estimate)).join(', ')}]`);
    }
    return { title: 'Δ per metric', mermaid: lines.join('\n') };
}
/** An estimate's interval with `extra` added in quadrature to each half-width; a point value gets ± extra. */
function widen(value, extra) {
    const low = value.low ?? value.estimate;
    const high = value.high ?? value.estimate;
    return {
        ...value,
        low: value.estimate - Math.hypot(value.estimate - low, extra),
        high: value.estimate + Math.hypot(high - value.estimate, extra),
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/eval/metrics-file.ts



/**
 * Metrics written by a training or evaluation script: JSON or YAML (nested objects flattened to
 * dotted keys, so a DVC `metrics.json` such as {"test": {"auc": 0.9}} gives `test.auc`), or CSV,
 * either as `metric,value` rows or as a header of metric names over one row of values. Only
 * numbers are kept; other values are ignored.
 */
async function readMetricsFile(file, displayName) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigurationError */.j1(code === 'ENOENT' ? 'metrics file not found' : `cannot read the metrics file (${code ?? 'error'})`, {
            file: displayName,
            hint: 'Check the path: it is relative to the workspace, and the step that writes the file must run before this one.',
        });
    }
    if (text.trim() === '')
        throw new errors/* ConfigurationError */.j1('the metrics file is empty', { file: displayName, line: 1, hint: 'Write the metrics as JSON, YAML or CSV.' });
    const metrics = /\.csv$/i.test(file) ? parseCsvMetrics(text, displayName) : parseStructured(text, displayName);
    if (Object.keys(metrics).length === 0) {
        throw new errors/* ConfigurationError */.j1('the metrics file has no numeric metric', { file: displayName, line: 1, hint: 'Write numbers, e.g. {"roc_auc": 0.91} or a CSV with metric,value rows.' });
    }
    return metrics;
}
function parseStructured(text, displayName) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
    const error = doc.errors[0];
    if (error) {
        throw new errors/* ConfigurationError */.j1(`the metrics file is not valid JSON or YAML: ${error.message.split('\n')[0]}`, {
            file: displayName,
            line: lineCounter.linePos(error.pos[0]).line,
            hint: 'Fix the syntax at this line.',
        });
    }
    const out = {};
    flatten(doc.toJS(), '', out);
    return out;
}
/** Numbers (and numeric strings) of nested objects, under dotted keys. */
function flatten(value, prefix, out) {
    if (typeof value === 'number') {
        if (prefix !== '')
            out[prefix] = value;
        return;
    }
    if (typeof value === 'string' && prefix !== '' && value.trim() !== '' && Number.isFinite(Number(value))) {
        out[prefix] = Number(value);
        return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value))
            flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
    }
}
function parseCsvMetrics(text, displayName) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const cells = lines.map((l) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
    const header = cells[0];
    const out = {};
    const isLong = header.length === 2 && /^(metric|name)$/i.test(header[0]) && /^value$/i.test(header[1]);
    if (isLong) {
        cells.slice(1).forEach((row, i) => {
            const value = Number(row[1]);
            if (row.length !== 2 || row[1] === '' || !Number.isFinite(value)) {
                throw new errors/* ConfigurationError */.j1(`metric ${JSON.stringify(row[0] ?? '')}: ${JSON.stringify(row[1] ?? '')} is not a number`, {
                    file: displayName,
                    line: i + 2,
                    hint: 'Each row is a metric name and its value, e.g. roc_auc,0.91.',
                });
            }
            out[row[0]] = value;
        });
        return out;
    }
    if (cells.length !== 2) {
        throw new errors/* ConfigurationError */.j1(`a CSV metrics file has either a metric,value header or one row of values under the metric names; this one has ${cells.length - 1} rows`, {
            file: displayName,
            line: 1,
            hint: 'Write `metric,value` then one metric per row, or the names on the first line and the values on the second.',
        });
    }
    header.forEach((name, i) => {
        const raw = cells[1][i] ?? '';
        const value = Number(raw);
        if (raw === '' || !Number.isFinite(value)) {
            throw new errors/* ConfigurationError */.j1(`metric ${JSON.stringify(name)}: ${JSON.stringify(raw)} is not a number`, { file: displayName, line: 2, hint: 'Every value on the second line must be a number.' });
        }
        out[name] = value;
    });
    return out;
}

;// CONCATENATED MODULE: ./src/eval/training-noise.ts



/**
 * Reads train-check's variance file (`seeds:` runs): each metric's standard deviation across
 * training seeds, the noise of training itself.
 */
const varianceFileSchema = schemas/* object */.Ikc({
    kind: schemas/* literal */.euz('mlops-actions/training-variance'),
    version: schemas/* literal */.euz(1),
    seeds: schemas/* array */.YOg(schemas/* number */.aig()),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ std: schemas/* number */.aig().nonnegative(), n: schemas/* number */.aig().int().positive() }).loose()),
});
async function readTrainingNoise(file, displayName) {
    let parsed;
    try {
        parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigurationError */.j1(code === 'ENOENT' ? 'training-noise file not found' : 'the training-noise file is not JSON', {
            file: displayName,
            hint: 'Give the variance file train-check writes with `seeds:` (its output variance-path), e.g. from an artifact.',
        });
    }
    const result = varianceFileSchema.safeParse(parsed);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new errors/* ConfigurationError */.j1(`the training-noise file is not a train-check variance file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`, {
            file: displayName,
            hint: 'It is the JSON that train-check writes to variance-path when given several seeds.',
        });
    }
    const std = {};
    for (const [name, spread] of Object.entries(result.data.metrics))
        std[name] = spread.std;
    return { source: displayName, std };
}

;// CONCATENATED MODULE: ./src/platform/config-file.ts



async function loadConfigFile(file, displayName, schema, what) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigurationError */.j1(code === 'ENOENT' ? `${what} not found` : `cannot read ${what} (${code ?? 'error'})`, {
            file: displayName,
            hint: code === 'ENOENT' ? 'Check the path: it is relative to the workspace (the repository root).' : undefined,
        });
    }
    return parseConfigText(text, displayName, schema, what);
}
function parseConfigText(text, displayName, schema, what) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const firstError = doc.errors[0];
    if (firstError) {
        const line = lineCounter.linePos(firstError.pos[0]).line;
        throw new errors/* ConfigurationError */.j1(`${what} is not valid YAML: ${firstError.message.split('\n')[0]}`, {
            file: displayName,
            line,
            hint: 'Fix the syntax at this line (indentation, a missing colon, an unclosed quote or bracket).',
        });
    }
    const lineOf = (path) => {
        let node = doc.contents;
        let lastWithRange = node;
        for (const key of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((item) => {
                    const k = item.key;
                    return k !== null && typeof k === 'object' && String(k.value) === String(key);
                });
                if (!pair)
                    break;
                lastWithRange = pair.key;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof key === 'number') {
                node = node.items[key];
                if (node)
                    lastWithRange = node;
            }
            else {
                break;
            }
        }
        const range = lastWithRange?.range;
        return range ? lineCounter.linePos(range[0]).line : undefined;
    };
    const raw = doc.toJS();
    if (raw === null || raw === undefined) {
        throw new errors/* ConfigurationError */.j1(`${what} is empty`, { file: displayName, line: 1, hint: 'Start it with `version: 1`.' });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue.path.filter((p) => typeof p !== 'symbol');
        const at = path.length > 0 ? path.join('.') : '(top level)';
        throw new errors/* ConfigurationError */.j1(`${what}: ${at}: ${issue.message}`, {
            file: displayName,
            line: lineOf(path) ?? 1,
            hint: describeIssueFix(issue),
        });
    }
    return { value: parsed.data, lineOf };
}
function describeIssueFix(issue) {
    switch (issue.code) {
        case 'unrecognized_keys':
            return `Remove or correct ${issue.keys.map((k) => `"${k}"`).join(', ')}; see the JSON Schema for the keys allowed here.`;
        case 'invalid_value':
            return `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
        case 'invalid_type':
            return `Expected ${issue.expected} here.`;
        default:
            return undefined;
    }
}

// EXTERNAL MODULE: ./src/platform/inputs.ts
var inputs = __webpack_require__(83734);
// EXTERNAL MODULE: ./src/platform/reporting.ts
var reporting = __webpack_require__(35633);
;// CONCATENATED MODULE: ./src/platform/text-diff.ts
/**
 * A line diff of two small texts (config files) by longest common subsequence: each changed line
 * prefixed `-` (removed) or `+` (added), with one unchanged line (` `) of context around each
 * change. Texts over 2,000 lines are compared as a whole: removed, then added.
 */
const MAX_LINES = 2000;
function lineDiff(before, after) {
    const a = before.replace(/\n$/, '').split(/\r?\n/);
    const b = after.replace(/\n$/, '').split(/\r?\n/);
    if (a.length > MAX_LINES || b.length > MAX_LINES)
        return [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
    // lcs[i][j]: the LCS length of a[i..] and b[j..].
    const lcs = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--)
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    const all = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            all.push(` ${a[i]}`);
            i++;
            j++;
        }
        else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
            all.push(`-${a[i]}`);
            i++;
        }
        else {
            all.push(`+${b[j]}`);
            j++;
        }
    }
    const changed = all.map((l) => !l.startsWith(' '));
    return all.filter((_, k) => changed[k] || changed[k - 1] || changed[k + 1]);
}

;// CONCATENATED MODULE: ./src/actions/evaluate-metrics-gate.ts












const evaluateMetricsGateInputs = schemas/* object */.Ikc({
    gates: schemas/* string */.YjP().describe('The gates file (YAML or JSON, `version: 1`): the metrics, their bounds and allowed changes.'),
    predictions: schemas/* string */.YjP().optional().describe("The candidate's predictions on the eval set (CSV, JSONL or Parquet): metrics and intervals are computed from them."),
    metrics: schemas/* string */.YjP().optional().describe("Or the candidate's metrics (JSON, YAML or CSV; nested keys joined with dots): point values, no intervals."),
    baseline: schemas/* string */.YjP()
        .optional()
        .describe("What the candidate must not be worse than: a predictions file of the baseline model on the same eval set (paired), a metrics file, a report of an earlier run (.json), or a branch name: the newest report this action saved there (save-history)."),
    task: (0,inputs/* choiceInput */.ij)('task', ['auto', 'binary', 'multiclass', 'regression']).prefault('auto').describe('auto: binary for 0/1 labels, multiclass for other labels, regression for non-integer targets.'),
    threshold: (0,inputs/* numberInput */.QR)('threshold', { min: 0, max: 1, integer: false, what: 'a number between 0 and 1' }).prefault('0.5').describe('Binary: a score at or above this is a positive prediction (when there is no y_pred column).'),
    'label-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.label).describe('Column of the true labels (or regression targets).'),
    'score-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.score).describe('Column of the score of the positive class (binary).'),
    'prediction-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.prediction).describe('Column of the predicted labels (or values).'),
    'weight-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.weight).describe('Column of example weights, used when present.'),
    'id-column': schemas/* string */.YjP().optional().describe('Column of example ids: part of the eval-set fingerprint, so candidate and baseline must list the same examples in the same order.'),
    format: (0,inputs/* choiceInput */.ij)('format', ['auto', 'csv', 'jsonl', 'parquet']).prefault('auto').describe('Predictions format; auto goes by the file extension.'),
    resamples: (0,inputs/* numberInput */.QR)('resamples', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' }).prefault('1000').describe('Bootstrap resamples for the intervals.'),
    seed: (0,inputs/* numberInput */.QR)('seed', { min: 0, max: 2 ** 32 - 1, integer: true, what: 'a whole number from 0 to 4294967295' }).prefault('0').describe('Seed of the bootstrap; keep it fixed so a branch baseline pairs with this run.'),
    'allow-different-data': (0,inputs/* booleanInput */.tE)('allow-different-data').prefault('false').describe('Compare with a baseline evaluated on other data (with a warning, unpaired) instead of refusing.'),
    'training-noise': schemas/* string */.YjP()
        .optional()
        .describe("train-check's variance across seeds (variance-path): each metric's seed std is added to its interval, so training noise alone does not fail or pass a gate."),
    'save-history': (0,inputs/* booleanInput */.tE)('save-history').prefault('false').describe("Save this run's report to the Actions cache, for `baseline: <this branch>` in later runs (set it on the main branch)."),
    ...(0,reporting/* reportingInputs */.O)('evaluate-metrics-gate', 'verdict'),
});
const evaluateMetricsGateAction = {
    name: 'evaluate-metrics-gate',
    inputs: evaluateMetricsGateInputs,
    async run(inputs, context) {
        const { workspace, logger } = context;
        const startedAt = new Date();
        const gatesPath = workspace.resolve(inputs.gates);
        const gatesFile = workspace.display(gatesPath);
        const gates = await loadConfigFile(gatesPath, gatesFile, gatesSchema, 'gates file');
        if (!inputs.predictions === !inputs.metrics) {
            throw new errors/* ConfigurationError */.j1(inputs.predictions ? 'give either predictions or metrics, not both' : 'input predictions or metrics is required', {
                hint: 'predictions: the model’s outputs on the eval set (for intervals); metrics: a file of metric values (point values only).',
            });
        }
        const read = { format: inputs.format === 'auto' ? undefined : inputs.format };
        const names = {
            label: inputs['label-column'],
            score: inputs['score-column'],
            prediction: inputs['prediction-column'],
            weight: inputs['weight-column'],
            id: inputs['id-column'],
            slices: gates.value.slices?.columns,
        };
        let task = inputs.task === 'auto' ? 'binary' : inputs.task;
        let candidate;
        if (inputs.predictions) {
            const file = await single(context, inputs.predictions, 'predictions');
            const loaded = await loadWithTask(file, names, read, inputs.task);
            task = loaded.task;
            candidate = { kind: 'predictions', name: file.displayName, data: loaded.data };
            logger.info(`Read ${loaded.data.rows.toLocaleString('en-US')} predictions from ${file.displayName} (task: ${task}).`);
        }
        else {
            const file = await single(context, inputs.metrics, 'metrics');
            candidate = { kind: 'metrics', name: file.displayName, values: await readMetricsFile(file.path, file.displayName) };
        }
        let baseline;
        let noBaselineReason;
        if (inputs.baseline) {
            const resolved = await resolveBaseline(inputs.baseline.trim(), context, { ...names, slices: undefined }, read, task);
            baseline = resolved.side;
            noBaselineReason = resolved.reason;
        }
        const gatesDiff = await changedGates(context, inputs.gates, gatesPath);
        const trainingNoise = inputs['training-noise'] ? await single(context, inputs['training-noise'], 'training-noise').then((f) => readTrainingNoise(f.path, f.displayName)) : undefined;
        const { report, details } = await evaluateMetricsGate({
            gates: gates.value,
            gatesFile,
            gatesLineOf: gates.lineOf,
            candidate,
            baseline,
            noBaselineReason,
            task,
            threshold: inputs.threshold,
            resamples: inputs.resamples,
            seed: inputs.seed,
            allowDifferentData: inputs['allow-different-data'],
            workerEntry: context.workerEntry,
            startedAt,
            gatesDiff,
            trainingNoise,
        });
        return {
            report,
            outputs: {
                'failed-gates': JSON.stringify(details.failedGates),
                comparison: JSON.stringify(comparisonOutput(details)),
            },
        };
    },
};
async function single(context, pattern, input) {
    const files = await context.workspace.expand(pattern, input);
    if (files.length !== 1) {
        throw new errors/* ConfigurationError */.j1(`${input}: ${files.length} files match ${pattern}; one is needed`, { hint: 'Name a single file.' });
    }
    return files[0];
}
/**
 * Reads predictions; with task auto, labels that are all 0/1 make it binary, other whole-number or
 * text labels multiclass, and other numbers regression.
 */
async function loadWithTask(file, names, read, task) {
    if (task === 'multiclass')
        return { task, data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
    if (task !== 'auto')
        return { task, data: await loadPredictions(file, names, read, { labelsNumeric: true }) };
    let data;
    try {
        data = await loadPredictions(file, names, read, { labelsNumeric: true });
    }
    catch (error) {
        // Text labels: a classification with named classes.
        if (error instanceof errors/* ConfigurationError */.j1 && error.message.startsWith(`${names.label}:`))
            return { task: 'multiclass', data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
        throw error;
    }
    let binary = true;
    let integers = true;
    for (const y of data.yTrue) {
        if (y !== 0 && y !== 1)
            binary = false;
        if (!Number.isInteger(y))
            integers = false;
    }
    if (binary)
        return { task: 'binary', data };
    if (integers && !data.yScore)
        return { task: 'multiclass', data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
    return { task: 'regression', data };
}
async function resolveBaseline(value, context, names, read, task) {
    const { workspace } = context;
    const absolute = workspace.resolve(value);
    const isFile = await (0,promises_.stat)(absolute).then((s) => s.isFile(), () => false);
    if (!isFile) {
        if (/[/\\]|\.(json|ya?ml|csv|tsv|jsonl|ndjson|parquet)$/i.test(value)) {
            throw new errors/* ConfigurationError */.j1(`baseline: file not found: ${value}`, { hint: 'A path is relative to the workspace; a branch name has no extension.' });
        }
        if (!context.restoreHistory)
            return { reason: `a branch baseline (${value}) needs the Actions cache, which only a workflow run has` };
        const saved = await context.restoreHistory(value);
        const evaluation = saved?.report.details.evaluation;
        if (!saved || !evaluation)
            return { reason: `no saved report of ${value} yet: run this action there with save-history: true` };
        return { side: { kind: 'stored', name: `${value} (newest saved run)`, evaluation } };
    }
    const file = { path: absolute, displayName: workspace.display(absolute) };
    if (/\.json$/i.test(value)) {
        // A report of an earlier run keeps its evaluation; any other JSON is a metrics file.
        const text = await (0,promises_.readFile)(absolute, 'utf8');
        const parsed = safeJson(text);
        if (parsed?.action === 'evaluate-metrics-gate' && parsed.details?.evaluation)
            return { side: { kind: 'stored', name: file.displayName, evaluation: parsed.details.evaluation } };
        return { side: { kind: 'metrics', name: file.displayName, values: await readMetricsFile(absolute, file.displayName) } };
    }
    if (/\.ya?ml$/i.test(value))
        return { side: { kind: 'metrics', name: file.displayName, values: await readMetricsFile(absolute, file.displayName) } };
    if (/\.csv$/i.test(value)) {
        const head = (await (0,promises_.readFile)(absolute, 'utf8')).split(/\r?\n/, 1)[0] ?? '';
        if (!head.split(',').some((c) => c.trim().replace(/^"|"$/g, '') === names.label)) {
            return { side: { kind: 'metrics', name: file.displayName, values: await readMetricsFile(absolute, file.displayName) } };
        }
    }
    const data = await loadPredictions(file, names, read, { labelsNumeric: task !== 'multiclass' });
    return { side: { kind: 'predictions', name: file.displayName, data } };
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** The gates file's diff against the pull request's base branch, when it changed. */
async function changedGates(context, relative, absolute) {
    if (!context.readFileAtBase)
        return undefined;
    const before = await context.readFileAtBase(context.workspace.display(absolute));
    const now = await (0,promises_.readFile)(absolute, 'utf8');
    if (before === undefined)
        return [`+(new in this pull request: ${relative})`];
    if (before === now)
        return undefined;
    return lineDiff(before, now);
}
function comparisonOutput(details) {
    return Object.fromEntries(details.comparison.map((c) => [
        c.metric,
        {
            candidate: c.candidate.estimate,
            candidateInterval: c.candidate.low === undefined ? undefined : [c.candidate.low, c.candidate.high],
            baseline: c.baseline?.estimate,
            delta: c.delta?.estimate,
            deltaInterval: c.delta?.low === undefined ? undefined : [c.delta.low, c.delta.high],
            verdict: c.status,
        },
    ]));
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

/***/ 83734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QR: () => (/* binding */ numberInput),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   tE: () => (/* binding */ booleanInput)
/* harmony export */ });
/* unused harmony exports splitList, splitLines, describeInputs */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46316);


/**
 * Inputs are declared once in action.yml; each action has one zod object keyed by the same literal
 * names. A test checks that the two agree on names and defaults. Every input arrives as a string
 * (the runner's way); these helpers turn strings into typed values with clear errors.
 */
/** `true`/`false` exactly as @actions/core's getBooleanInput accepts them. */
const booleanInput = (name) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not a boolean; use true or false` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
const choiceInput = (name, choices) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    if (choices.includes(value))
        return value;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not one of ${choices.join(', ')}` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
/**
 * A number within [min, max] (a whole one when `integer`); `what` names the allowed values in the
 * error, e.g. "a positive whole number".
 */
const numberInput = (name, options) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    const n = Number(value);
    if (value.trim() !== '' && n >= options.min && n <= options.max && (!options.integer || Number.isInteger(n)))
        return n;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not ${options.what}` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
/** A list given one per line or comma separated, blank entries dropped. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((v) => v.trim())
        .filter((v) => v !== '');
}
/** A list given one per line (paths, globs, keys): lines trimmed, blank ones dropped. */
function splitLines(value) {
    return (value ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
/**
 * Parses raw string inputs. Declare defaults with `.prefault('<the action.yml default>')`. An empty string counts as "not given", as on the runner, so the zod
 * default applies.
 */
function parseInputs(schema, raw, actionName) {
    const given = {};
    for (const [key, value] of Object.entries(raw))
        if (value !== '')
            given[key] = value;
    const result = schema.safeParse(given);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? '');
    const message = issue.code === 'invalid_type' && issue.input === undefined ? `input ${name} is required` : issue.message;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(message.startsWith('input ') ? message : `input ${name}: ${message}`, {
        hint: `Set it in the step's \`with:\` block (see the inputs table in docs/actions/${actionName}.md).`,
    });
}
/** Names and defaults of an input schema, for `--help` and the action.yml agreement test. */
function describeInputs(schema) {
    return Object.entries(schema.shape).map(([name, field]) => {
        const f = field;
        // Defaults are declared with .prefault(): the raw string runs through the same parsing as a
        // given value, and it is the string action.yml shows.
        const def = f instanceof z.ZodPrefault ? String(f.def.defaultValue) : undefined;
        const required = !(f instanceof z.ZodPrefault) && !(f instanceof z.ZodOptional);
        return { name, default: def, required, description: f.description };
    });
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

/***/ 35633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ reportingInputs),
/* harmony export */   v: () => (/* binding */ reportingOptions)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83734);


/**
 * Inputs every action shares: how its report is published and when the step fails. Spread into
 * each action's input schema; action.yml declares them too (the agreement test checks it).
 */
function reportingInputs(action, failOn = 'findings') {
    return {
        'fail-on': failOn === 'findings'
            ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('fail-on', ['error', 'warning', 'never'])
                .prefault('error')
                .describe('Which findings fail the step: error, warning (errors and warnings) or never.')
            : (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('fail-on', ['fail', 'inconclusive', 'never'])
                .prefault('fail')
                .describe('Which verdicts fail the step: fail, inconclusive (fail or inconclusive) or never.'),
        'report-path': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().prefault(`mlops-reports/${action}.json`).describe('Where to write the JSON report, relative to the workspace.'),
        'github-token': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().describe('Token for the pull-request comment and check run; defaults to the job token.'),
        comment: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('comment').prefault('true').describe('Post or update one sticky comment on the pull request.'),
        'check-run': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('check-run').prefault('false').describe('Also create a check run with the report.'),
        'upload-report': (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('upload-report', ['auto', 'always', 'never'])
            .prefault('auto')
            .describe('Upload the report as an artifact: auto (when the summary is cut or the token is read-only), always or never.'),
    };
}
function reportingOptions(inputs) {
    return {
        failOn: inputs['fail-on'],
        reportPath: inputs['report-path'],
        githubToken: inputs['github-token'],
        comment: inputs.comment,
        checkRun: inputs['check-run'],
        uploadReport: inputs['upload-report'],
    };
}


/***/ })

};
