import { assert } from '../errors.ts';
import { discountModel, discountRateFromYield, presentValue, yieldFromDiscountRate, type YieldConvention } from './discount.ts';
import { checkLeg, type CashFlowLeg } from './leg.ts';
import { findRoot } from './solve.ts';

/*
 * Price ↔ yield of a leg. Price is in percent of par (100 = par) of the face outstanding at
 * settlement (balanceAtSettlement: the original balance at closing, the current balance for a
 * seasoned note), and it is the clean price at settlement on a payment date or at closing, where
 * no interest has accrued, so clean = full:
 *
 *   price = 100 × Σ_k CF_k (1 + r)^−s_k / face
 *
 * CF_k = principal + interest paid in period k; r and s_k per the yield convention (discount.ts).
 */

/** Price (percent of par of balanceAtSettlement) at a yield quoted in `convention`. */
export function priceAtYield(leg: CashFlowLeg, yieldRate: number, convention: YieldConvention): number {
  const checked = checkLeg(leg);
  const model = discountModel(checked, convention);
  const rate = discountRateFromYield(yieldRate, convention, checked.paymentsPerYear);
  return (100 * presentValue(model, rate).pv) / model.face;
}

/**
 * Yield, quoted in `convention`, at which the leg is worth `pricePct` (percent of par of
 * balanceAtSettlement). Solved on the rate per discounting step with findRoot (bracket widening then
 * Brent) to 1e-13, starting from [0%, 1%] a step and widening within [−100% + 10⁻⁹, 10⁶] a step. The price is a
 * strictly decreasing function of the yield for a leg with no negative flows, so the root is unique.
 */
export function yieldAtPrice(leg: CashFlowLeg, pricePct: number, convention: YieldConvention): number {
  assert(Number.isFinite(pricePct) && pricePct > 0, 'INVALID_PRICE', { pricePct });
  const checked = checkLeg(leg);
  const model = discountModel(checked, convention);
  const target = (pricePct / 100) * model.face;
  const root = findRoot((rate) => presentValue(model, rate).pv - target, { lo: 0, hi: 0.01, min: -1 + 1e-9, max: 1e6, tolerance: 1e-13 });
  return yieldFromDiscountRate(root.x, convention, checked.paymentsPerYear);
}
