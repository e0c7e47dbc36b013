import { assertLoanAge, assertSpeed } from './checks.ts';
import { smmFromCpr } from './conversions.ts';

/** Loan age (months) at which the PSA benchmark reaches its plateau. */
export const PSA_RAMP_MONTHS = 30;

/**
 * CPR (annual, decimal) of the PSA prepayment benchmark at `speed` percent (150 = 150% PSA).
 *
 * Source: SIFMA Uniform Practices, Standard Formulas SF-5 (§B.2, the PSA Standard Prepayment
 * Model): 100 PSA is CPR = 0.2% × age for ages 1–30, reaching 6% at age 30, and 6% after.
 * A multiple of PSA multiplies the CPR (200 PSA = 0.4% × age, 12% after 30), capped here at
 * 100% CPR. Age 0 (no month yet elapsed) gives 0.
 *
 * Age convention: `ageMonths` is the loan age IN the month being projected. Projection month t
 * (1-based) of a loan aged a months at cutoff uses age a + t, so month 1 of a new loan is age 1
 * (0.2% CPR at 100 PSA).
 */
export function psaCpr(ageMonths: number, speed: number): number {
  assertLoanAge(ageMonths);
  assertSpeed(speed, 'speed');
  // 2·age / 1000 is one correctly rounded division: the double nearest 0.002 × age.
  const base = (2 * Math.min(ageMonths, PSA_RAMP_MONTHS)) / 1000;
  return Math.min(1, base * (speed / 100));
}

/** SMM of the PSA benchmark: 1 − (1 − psaCpr(age, speed))^(1/12). */
export function psaSmm(ageMonths: number, speed: number): number {
  return smmFromCpr(psaCpr(ageMonths, speed));
}
