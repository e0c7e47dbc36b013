import { assertUnitRate } from './checks.ts';

/*
 * Monthly ↔ annual rates of prepayment (SMM ↔ CPR) and default (MDR ↔ CDR).
 *
 * Source: SIFMA (formerly PSA / The Bond Market Association) Uniform Practices, Chapter SF
 * "Standard Formulas for the Analysis of Mortgage-Backed Securities", §B.1–2 (SMM and CPR) and
 * §C.2 (MDR and CDR). A balance that survives each month with probability 1 − m survives a year
 * with (1 − m)^12, so the annual rate a and the monthly rate m satisfy
 *
 *   m = 1 − (1 − a)^(1/12)        a = 1 − (1 − m)^12
 *
 * Prepayment and default use the same compounding; only the names differ. Evaluated as
 * −expm1(k · log1p(−x)), which keeps full precision for small rates (1 − 0.999…^(1/12) would
 * lose digits to cancellation). Rates are decimals: 0.06 = 6% CPR.
 */

function compoundSurvival(rate: number, power: number): number {
  return -Math.expm1(power * Math.log1p(-rate));
}

/** Monthly rate from an annual rate: 1 − (1 − annual)^(1/12). */
export function monthlyFromAnnual(rateAnnual: number): number {
  assertUnitRate(rateAnnual, 'rateAnnual');
  return compoundSurvival(rateAnnual, 1 / 12);
}

/** Annual rate from a monthly rate: 1 − (1 − monthly)^12. */
export function annualFromMonthly(rateMonthly: number): number {
  assertUnitRate(rateMonthly, 'rateMonthly');
  return compoundSurvival(rateMonthly, 12);
}

/** SMM (single monthly mortality) from CPR: SMM = 1 − (1 − CPR)^(1/12). 6% CPR → 0.0051430128… */
export function smmFromCpr(cpr: number): number {
  return monthlyFromAnnual(cpr);
}

/** CPR (conditional prepayment rate, annualised) from SMM: CPR = 1 − (1 − SMM)^12. */
export function cprFromSmm(smm: number): number {
  return annualFromMonthly(smm);
}

/** MDR (monthly default rate) from CDR: MDR = 1 − (1 − CDR)^(1/12). */
export function mdrFromCdr(cdr: number): number {
  return monthlyFromAnnual(cdr);
}

/** CDR (conditional default rate, annualised) from MDR: CDR = 1 − (1 − MDR)^12. */
export function cdrFromMdr(mdr: number): number {
  return annualFromMonthly(mdr);
}
