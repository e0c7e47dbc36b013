import { assertLoanAge, assertUnitRate } from './checks.ts';

/**
 * SMM (decimal) implied by an ABS (absolute prepayment) speed for a loan aged `ageMonths`.
 *
 * ABS speed is the share of the ORIGINAL number of loans that prepays each month (auto-loan
 * convention). After t − 1 months at that speed only 1 − ABS·(t − 1) of the loans remain, so the
 * month-t prepayment as a share of the survivors is
 *
 *   SMM_t = ABS / (1 − ABS × (t − 1))
 *
 * Source: Fabozzi, "Bond Markets, Analysis, and Strategies" (auto-loan-backed securities,
 * prepayments); SIFMA Standard Formulas SF-13 (§B.4, ABS prepayment rates for asset pools).
 * t is the loan AGE (months since origination), not the projection month: a seasoned pool at
 * 1.5 ABS prepays faster than a new one. Once the denominator reaches 0 every original loan has
 * prepaid, so SMM = 1 from there on (and the result is capped at 1).
 *
 * `abs` is a decimal (0.015 = 1.5 ABS); `ageMonths` ≥ 1.
 */
export function absSmm(abs: number, ageMonths: number): number {
  assertUnitRate(abs, 'abs');
  assertLoanAge(ageMonths, 1);
  const survivingShare = 1 - abs * (ageMonths - 1);
  if (survivingShare <= 0) return 1;
  return Math.min(1, abs / survivingShare);
}

/** The inverse: ABS = SMM / (1 + SMM × (t − 1)), the ABS speed that gives `smm` at age t. */
export function absFromSmm(smm: number, ageMonths: number): number {
  assertUnitRate(smm, 'smm');
  assertLoanAge(ageMonths, 1);
  return smm / (1 + smm * (ageMonths - 1));
}
