import { curveError } from '../curves/checks.ts';
import type { AmortisationProfile } from './types.ts';

/**
 * The scheduled balance factor a_k: the share of a loan's original principal still owed after k
 * scheduled installments, without prepayment or default, for k = 0..term (a_0 = 1, a_term = 0).
 * - level payment (等额本息) at r = APR / 12: a_k = ((1 + r)^n − (1 + r)^k) / ((1 + r)^n − 1),
 *   the balance of an annuity (SIFMA Standard Formulas; 1 − k/n when r = 0);
 * - equal principal (等额本金) and flat fee (等本等息, principal repaid evenly): a_k = 1 − k/n;
 * - interest only (先息后本): a_k = 1 until maturity.
 */
export function scheduledBalanceFactors(profile: AmortisationProfile): Float64Array {
  const { termMonths: n, rateAnnual, amortization } = profile;
  if (!(Number.isInteger(n) && n >= 1 && n <= 600)) throw curveError('STATIC_POOL_FIT', { field: 'termMonths', value: n }, `the term must be a whole number of months from 1 to 600, not ${n}`);
  if (!(rateAnnual >= 0 && rateAnnual <= 1)) throw curveError('STATIC_POOL_FIT', { field: 'rateAnnual', value: rateAnnual }, `the rate must be an annual decimal from 0 to 1, not ${rateAnnual}`);
  const factors = new Float64Array(n + 1);
  const r = rateAnnual / 12;
  for (let k = 0; k <= n; k++) {
    if (amortization === 'interest_only') factors[k] = k < n ? 1 : 0;
    else if (amortization === 'level_payment' && r > 0) factors[k] = ((1 + r) ** n - (1 + r) ** k) / ((1 + r) ** n - 1);
    else factors[k] = 1 - k / n;
  }
  return factors;
}

/** a_k, 0 after the term. */
export function factorAt(factors: Float64Array, k: number): number {
  return k < factors.length ? (factors[k] ?? 0) : 0;
}
