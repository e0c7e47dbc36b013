import { discountModel, discountRateFromYield, presentValue, quoteCompoundingPerYear, type YieldConvention } from './discount.ts';
import { checkLeg, type CashFlowLeg } from './leg.ts';

/** A leg's price and durations at one yield. */
export interface Durations {
  /** Percent of par of balanceAtSettlement (see priceAtYield). */
  readonly pricePct: number;
  /** Present-value-weighted average time to the payments, years. */
  readonly macaulayYears: number;
  /** −(1/P) dP/dy for the yield y as quoted in the convention, years: the relative price change per unit of yield. */
  readonly modifiedYears: number;
}

/**
 * Macaulay and modified duration at a yield quoted in `convention` (QuantLib CashFlows::duration;
 * Fabozzi, Bond Markets, Analysis and Strategies, ch. 4):
 *
 *   Macaulay = Σ t_k PV_k / Σ PV_k,  PV_k = CF_k (1 + r)^−s_k,  t_k = s_k / steps a year (years)
 *   modified = Macaulay / (1 + y/m)
 *
 * with m the compounding of the quoted yield: paymentsPerYear for 'nominal' (the textbook
 * Macaulay / (1 + y/k)), 2 for 'bondEquivalent', 1 for 'annualEffective' (Macaulay / (1 + y), on
 * ACT/365 times). In each case modified = −(1/P) dP/dy exactly, so a 1bp rise in the quoted yield
 * lowers the price by about modified × 0.0001 of itself.
 */
export function durationsAtYield(leg: CashFlowLeg, yieldRate: number, convention: YieldConvention): Durations {
  const checked = checkLeg(leg);
  const model = discountModel(checked, convention);
  const rate = discountRateFromYield(yieldRate, convention, checked.paymentsPerYear);
  const { pv, weighted } = presentValue(model, rate);
  const macaulayYears = weighted / pv / model.stepsPerYear;
  const m = quoteCompoundingPerYear(convention, checked.paymentsPerYear);
  return { pricePct: (100 * pv) / model.face, macaulayYears, modifiedYears: macaulayYears / (1 + yieldRate / m) };
}

/** Macaulay duration in years at a yield quoted in `convention` (see durationsAtYield). */
export function macaulayDuration(leg: CashFlowLeg, yieldRate: number, convention: YieldConvention): number {
  return durationsAtYield(leg, yieldRate, convention).macaulayYears;
}

/** Modified duration in years at a yield quoted in `convention`: Macaulay / (1 + y/m) (see durationsAtYield). */
export function modifiedDuration(leg: CashFlowLeg, yieldRate: number, convention: YieldConvention): number {
  return durationsAtYield(leg, yieldRate, convention).modifiedYears;
}
