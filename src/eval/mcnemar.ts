import { chi2Sf } from '../stats/distributions.js';

/**
 * McNemar's test of two classifiers on the same examples: of the examples exactly one of them
 * labels correctly, are the candidate's and the baseline's shares equal? The statistic is the
 * continuity-corrected χ² = (|b − c| − 1)² / (b + c) with one degree of freedom (statsmodels'
 * mcnemar(exact=False, correction=True)); counts are of examples, not weights.
 */
export function mcnemar(
  yTrue: Float64Array,
  candidate: Float64Array,
  baseline: Float64Array,
): { candidateOnlyCorrect: number; baselineOnlyCorrect: number; statistic: number; pValue: number } {
  let b = 0;
  let c = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const candidateRight = candidate[i] === yTrue[i];
    const baselineRight = baseline[i] === yTrue[i];
    if (candidateRight && !baselineRight) b++;
    else if (baselineRight && !candidateRight) c++;
  }
  if (b + c === 0) return { candidateOnlyCorrect: 0, baselineOnlyCorrect: 0, statistic: 0, pValue: 1 };
  const statistic = (Math.abs(b - c) - 1) ** 2 / (b + c);
  return { candidateOnlyCorrect: b, baselineOnlyCorrect: c, statistic, pValue: chi2Sf(statistic, 1) };
}
