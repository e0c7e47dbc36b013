import { levelPayment } from './level-payment.ts';

/** 30/360 monthly rate: one twelfth of the annual rate (decimals: 0.18 → 0.015). */
export function monthlyRate(rateAnnual: number): number {
  return rateAnnual / 12;
}

/** ACT/365 daily rate: APR / 365 (Chinese consumer loans quote 日利率; daily × 365 = APR). */
export function dailyRate(rateAnnual: number): number {
  return rateAnnual / 365;
}

/** APR from a daily rate on ACT/365: daily rate × 365 (the convention in DESIGN.md). */
export function annualRateFromDaily(rateDaily: number): number {
  return rateDaily * 365;
}

/**
 * Net (pass-through) rate: gross coupon less the servicing strip. For an agency pass-through the
 * strip is servicing plus guarantee fee, e.g. WAC 8.125% − 0.625% = 7.5%.
 */
export function netRate(grossRateAnnual: number, stripAnnual: number): number {
  return grossRateAnnual - stripAnnual;
}

/**
 * The monthly flat rate (月费率) of a 等本等息 loan whose installment equals the level-payment
 * annuity at `rateAnnual`, i.e. whose IRR is the APR shown — the APR-disclosure convention
 * Chinese lenders follow, and the one the sample-tape generator uses:
 *
 *   fee = A − P/n with A = P·r / (1 − (1 + r)^−n), r = APR / 12   ⇒   flat rate = A/P − 1/n.
 */
export function flatFeeRateFromApr(rateAnnual: number, originalTerm: number): number {
  return levelPayment(1, monthlyRate(rateAnnual), originalTerm) - 1 / originalTerm;
}
