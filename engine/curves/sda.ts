import { assertLoanAge, assertSpeed } from './checks.ts';
import { mdrFromCdr } from './conversions.ts';

/**
 * CDR (annual, decimal) of the Standard Default Assumption at `speed` percent (200 = 200% SDA).
 *
 * Source: SIFMA Uniform Practices, Standard Formulas SF-20 (§C.4, the Standard Default
 * Assumption). At 100 SDA, by loan age a in months:
 *   a ≤ 30        CDR = 0.02% × a                  (0.6% at 30)
 *   30 < a ≤ 60   CDR = 0.6%
 *   60 < a ≤ 120  CDR = 0.6% − 0.0095% × (a − 60)  (0.5905% at 61, 0.03% at 120)
 *   a > 120       CDR = 0.03%
 * A multiple of SDA multiplies the CDR, capped here at 100%. The curve is a pure function of
 * age: SIFMA's adaptations for loans near maturity and for other products (SF-22) depend on
 * the remaining term and belong to the pool projection.
 *
 * Age convention as for PSA: projection month t of a loan aged a at cutoff uses age a + t.
 */
export function sdaCdr(ageMonths: number, speed: number): number {
  assertLoanAge(ageMonths);
  assertSpeed(speed, 'speed');
  return Math.min(1, sdaBaseCdr(ageMonths) * (speed / 100));
}

/** MDR of the SDA curve: 1 − (1 − sdaCdr(age, speed))^(1/12). */
export function sdaMdr(ageMonths: number, speed: number): number {
  return mdrFromCdr(sdaCdr(ageMonths, speed));
}

// Each branch is an integer over a power of ten, so every point is the double nearest its
// exact decimal (0.005905, not 0.0059050000000000005).
function sdaBaseCdr(age: number): number {
  if (age <= 30) return (2 * age) / 10_000;
  if (age <= 60) return 6 / 1000;
  if (age <= 120) return (6000 - 95 * (age - 60)) / 1_000_000;
  return 3 / 10_000;
}
