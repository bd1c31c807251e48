export const id = 808;
export const ids = [808];
export const modules = {

/***/ 9808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ kstwoSf),
/* harmony export */   Zl: () => (/* binding */ normalQuantile),
/* harmony export */   wv: () => (/* binding */ chi2Sf)
/* harmony export */ });
/* unused harmony exports logGamma, gammaQ, kolmogorovSf, smirnovSf */
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


/***/ })

};
