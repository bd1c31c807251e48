import { describe, expect, it } from 'vitest';
import { chi2Sf, gammaQ, kolmogorovSf, kstwoSf, logGamma, smirnovSf } from '../../src/stats/distributions.js';
import { closeTo, python } from './stats-reference.js';

/** Relative agreement, except deep in the subnormal range where scipy itself has only a few digits. */
function agrees(actual: number, expected: number, rtol = 1e-9): boolean {
  if (Math.abs(expected) < 1e-300) return Math.abs(actual - expected) <= 1e-305;
  return closeTo(actual, expected, rtol);
}

function expectAllAgree(cases: number[][], actual: number[], expected: number[], what: string, rtol = 1e-9): void {
  const failures = cases
    .map((c, i) => ({ c, a: actual[i]!, e: expected[i]! }))
    .filter(({ a, e }) => !agrees(a, e, rtol))
    .map(({ c, a, e }) => `${what}(${c.join(', ')}) = ${a}, scipy ${e}`);
  expect(failures).toEqual([]);
}

describe('chi2Sf, gammaQ and logGamma against scipy', () => {
  const cases: number[][] = [];
  for (const dof of [1, 2, 3, 4, 5, 7, 10, 19, 20, 21, 39, 41, 99, 100, 199, 201, 399, 401, 1000, 4999, 10_000, 49_999, 100_000]) {
    for (const r of [0.001, 0.01, 0.1, 0.5, 0.8, 0.9, 0.99, 1, 1.01, 1.1, 1.3, 2, 3, 5, 10, 30, 100]) cases.push([dof * r, dof]);
    // Around the mean in standard deviations, where the series and continued fraction converge slowest.
    for (const z of [-5, -2, -0.5, 0.5, 2, 5, 10, 20, 35]) {
      const x = dof + z * Math.sqrt(2 * dof);
      if (x > 0) cases.push([x, dof]);
    }
  }
  cases.push([0, 3], [-1, 3], [1e-300, 1], [1300, 1], [3.84, 1], [1e5, 1]);
  const ref = python<{ chi2: number[]; q: number[]; lgamma: number[] }>(
    `
emit(dict(chi2=[scipy.stats.chi2.sf(x, d) for x, d in data],
          q=[scipy.special.gammaincc(d / 2, max(x, 0) / 2) for x, d in data],
          lgamma=[scipy.special.gammaln(d / 2) for x, d in data]))
`,
    cases,
  );

  it('chi2Sf equals scipy.stats.chi2.sf to 1e-9 from the bulk far into both tails', () => {
    expectAllAgree(cases, cases.map(([x, d]) => chi2Sf(x!, d!)), ref.chi2, 'chi2Sf');
    // The tail keeps relative precision where 1 - cdf would be 0.
    expect(chi2Sf(1300, 1)).toBeGreaterThan(0);
    expect(chi2Sf(1300, 1)).toBeLessThan(1e-250);
  });

  it('gammaQ equals scipy.special.gammaincc and logGamma equals scipy.special.gammaln', () => {
    expectAllAgree(cases, cases.map(([x, d]) => gammaQ(d! / 2, Math.max(x!, 0) / 2)), ref.q, 'gammaQ');
    expectAllAgree(cases, cases.map(([, d]) => logGamma(d! / 2)), ref.lgamma, 'logGamma', 1e-13);
  });

  it('the comparison catches a p-value off by one part in 1e8, and invalid arguments give NaN', () => {
    expect(agrees(chi2Sf(3.84, 1) * (1 + 1e-8), ref.chi2[cases.length - 2]!)).toBe(false);
    expect(chi2Sf(1, 0)).toBeNaN();
    expect(chi2Sf(NaN, 2)).toBeNaN();
    expect(gammaQ(-1, 1)).toBeNaN();
  });
});

describe('Kolmogorov–Smirnov distributions against scipy', () => {
  const kolmogorovCases = [0, 0.01, 0.04, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.81, 0.82, 0.83, 1, 1.2, 1.36, 1.5, 2, 3, 5, 10, 20, 27, 40].map((x) => [x]);
  // Every branch of scipy's kolmogn: Ruben–Gambino ends, Durbin matrix, Pomeranz, Pelz–Good, 2·smirnov, underflow.
  const kstwoCases: number[][] = [];
  for (const n of [1, 2, 3, 5, 10, 30, 100, 140, 141, 500, 5_000, 20_000, 100_000]) {
    for (const z of [0.05, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 2, 3, 5, 10, 19]) {
      const d = z / Math.sqrt(n);
      if (d <= 1) kstwoCases.push([d, n]);
    }
    for (const d of [0.5 / n, 0.75 / n, 1 / n, 2 / n, 0.51, 0.9, 1 - 1 / n, 1]) kstwoCases.push([d, n]);
  }
  kstwoCases.push([0.6 / Math.sqrt(500_000), 500_000], [0.0015, 2_000_000]);
  const smirnovCases = kstwoCases.filter(([, n]) => n! <= 20_000).map(([d, n]) => [n!, d! / 2 + 0.001]);
  smirnovCases.push([100_000, 0.004], [500_000, 0.0023], [2_000_000, 0.001]);
  // Long sums taken mostly by ratio steps (n·x above 1024): from the bulk to the far tail, where
  // the terms are carried scaled (2·n·x² > 600).
  smirnovCases.push([20_000, 0.06], [50_000, 0.03], [200_000, 0.003], [500_000, 0.0021], [500_000, 0.005], [1_000_000, 0.0015], [100_000, 0.06], [300_000, 0.035]);
  kstwoCases.push([0.0021, 500_000], [0.004, 200_000], [0.0025, 1_000_000]);
  // Long sums taken on a coarser grid (smirnovSumOnGrid): from p about 0.1 down to 1e-250, tighter
  // than the rest, since these terms carry less rounding than scipy's own. Odd n and x off any grid.
  const gridCases: number[][] = [];
  for (const n of [30_000, 77_777, 250_000, 500_000, 999_999]) {
    for (const z of [1.05, 1.5, 2, 3, 5, 8, 12, 17]) gridCases.push([n, z / Math.sqrt(n) + 1e-7]);
  }
  const ref = python<{ kolmogorov: number[]; kstwo: number[]; smirnov: number[]; grid: number[] }>(
    `
emit(dict(kolmogorov=[scipy.special.kolmogorov(x) for (x,) in data['k']],
          kstwo=[scipy.stats.kstwo.sf(d, n) for d, n in data['t']],
          smirnov=[scipy.special.smirnov(int(n), d) for n, d in data['s']],
          grid=[scipy.special.smirnov(int(n), d) for n, d in data['g']]))
`,
    { k: kolmogorovCases, t: kstwoCases, s: smirnovCases, g: gridCases },
  );

  it('kolmogorovSf equals scipy.special.kolmogorov (= kstwobign.sf)', () => {
    expectAllAgree(kolmogorovCases, kolmogorovCases.map(([x]) => kolmogorovSf(x!)), ref.kolmogorov, 'kolmogorovSf', 1e-12);
  });

  it('kstwoSf equals scipy.stats.kstwo.sf in every regime of its algorithm', () => {
    expectAllAgree(kstwoCases, kstwoCases.map(([d, n]) => kstwoSf(d!, n!)), ref.kstwo, 'kstwoSf');
  });

  it('smirnovSf equals scipy.special.smirnov', () => {
    expectAllAgree(smirnovCases, smirnovCases.map(([n, d]) => smirnovSf(n!, d!)), ref.smirnov, 'smirnovSf');
  });

  it('smirnovSf on long sums equals scipy.special.smirnov to 1e-11', () => {
    expectAllAgree(gridCases, gridCases.map(([n, d]) => smirnovSf(n!, d!)), ref.grid, 'smirnovSf', 1e-11);
  });

  it('the comparison would catch the asymptotic formula used in place of the exact distribution', () => {
    // kstwobign at sqrt(n)·d is what a shortcut would use; for n = 30 it is off by more than the tolerance.
    const d = 0.25;
    const index = kstwoCases.findIndex(([dd, n]) => n === 30 && Math.abs(dd! - 1.4 / Math.sqrt(30)) < 1e-15);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(agrees(kolmogorovSf(kstwoCases[index]![0]! * Math.sqrt(30)), ref.kstwo[index]!)).toBe(false);
    expect(kstwoSf(d, 0)).toBeNaN();
    expect(kstwoSf(d, 2.5)).toBeNaN();
  });
});
