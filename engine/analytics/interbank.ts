import { actualDays, addMonths, type CalendarDate } from '../dates.ts';
import { assert } from '../errors.ts';
import { calendarDate, cashFlowAt, checkLeg, type CashFlowLeg, type CheckedLeg, type DateInput } from './leg.ts';
import { findRoot } from './solve.ts';

/*
 * The China interbank bond market's yield to maturity: the quote of CFETS (中国外汇交易中心) and
 * ChinaBond (中债) under the interbank yield calculation standard of 2007 (全国银行间债券市场债券
 * 到期收益率计算标准), written for an amortising leg — each payment's cash flow in place of the
 * coupon C/f and the face M:
 *
 * - more than one payment left (settlement before the final coupon period): compounded at the
 *   coupon frequency f on actual days,
 *       PV = Σ_k CF_k / (1 + y/f)^(d/TS + k − 1),  k = 1 … n
 *   d = actual days from settlement to the next payment date, TS = actual days of the coupon period
 *   settlement falls in (from its start to that payment date; at closing d = TS);
 * - one payment left (the final coupon period): simple interest,
 *       PV = FV / (1 + y × D/TY),  y = (FV − PV) / PV ÷ (D/TY)
 *   FV = the final payment (principal + interest), D = actual days from settlement to it, TY =
 *   actual days of the interest year ending on it (365, or 366 across a 29 February).
 *
 * PV is the full (dirty) price: the clean price plus interest accrued since the period start (at
 * closing or on a payment date they are equal). n counts the payments up to the last one with cash,
 * so periods after a note has paid off do not make it look longer. Variables as the standard names
 * them; the formulas as implemented in Teamon9161/tea-bond (tea-bond/src/bond/mod.rs,
 * calc_dirty_price_with_ytm and calc_ytm_with_price). See docs/deals.md, "Yield conventions".
 */

/** Where the coupon period that settlement falls in starts. */
export interface InterbankYieldOptions {
  /** Start of the current coupon period (the previous payment date, or closing). Default: the settlement date (settling at closing or on a payment date). */
  readonly periodStart?: DateInput;
}

/** The leg's payments up to the last with cash, and the day counts of the formula. */
interface InterbankModel {
  readonly cashFlows: Float64Array;
  readonly face: number;
  /** d/TS: the fraction of the current coupon period still to run. */
  readonly firstStep: number;
  /** D/TY of the final payment when it is the only one left, else 0. */
  readonly finalYearFraction: number;
  readonly paymentsPerYear: number;
}

function lastPaying(leg: CheckedLeg): number {
  let last = -1;
  for (let t = 0; t < leg.periods; t++) if (cashFlowAt(leg, t) > 0) last = t;
  assert(last >= 0, 'LEG_NO_CASH_FLOW');
  return last;
}

function interbankModel(leg: CashFlowLeg, options: InterbankYieldOptions): InterbankModel {
  const checked = checkLeg(leg);
  assert(checked.balanceAtSettlement > 0, 'LEG_NO_FACE');
  const n = lastPaying(checked) + 1;
  const cashFlows = new Float64Array(n);
  for (let t = 0; t < n; t++) cashFlows[t] = cashFlowAt(checked, t);
  const next = checked.dates[0] as CalendarDate;
  const start = options.periodStart === undefined ? checked.settlement : calendarDate(options.periodStart);
  const d = actualDays(checked.settlement, next);
  const ts = actualDays(start, next);
  assert(ts >= d, 'INTERBANK_PERIOD_START', { periodStart: options.periodStart, settlement: leg.settlementDate });
  const final = checked.dates[n - 1] as CalendarDate;
  const finalYearFraction = n === 1 ? actualDays(checked.settlement, final) / actualDays(addMonths(final, -12), final) : 0;
  return { cashFlows, face: checked.balanceAtSettlement, firstStep: d / ts, finalYearFraction, paymentsPerYear: checked.paymentsPerYear };
}

function presentValue(model: InterbankModel, yieldRate: number): number {
  if (model.cashFlows.length === 1) return (model.cashFlows[0] ?? 0) / (1 + yieldRate * model.finalYearFraction);
  const logGrowth = Math.log1p(yieldRate / model.paymentsPerYear);
  let pv = 0;
  for (let k = 0; k < model.cashFlows.length; k++) pv += (model.cashFlows[k] ?? 0) * Math.exp(-(model.firstStep + k) * logGrowth);
  return pv;
}

/** Full price (percent of par of balanceAtSettlement) at a China interbank yield. */
export function interbankPriceAtYield(leg: CashFlowLeg, yieldRate: number, options: InterbankYieldOptions = {}): number {
  const model = interbankModel(leg, options);
  assert(Number.isFinite(yieldRate) && yieldRate > -model.paymentsPerYear, 'YIELD_RANGE', { yield: yieldRate, convention: 'chinaInterbank' });
  const pv = presentValue(model, yieldRate);
  assert(Number.isFinite(pv) && pv > 0, 'YIELD_RANGE', { yield: yieldRate, convention: 'chinaInterbank' });
  return (100 * pv) / model.face;
}

/**
 * The China interbank yield (decimal, annual, compounded at the coupon frequency; simple in the
 * final period) at which the leg is worth `fullPricePct` percent of par. The final period solves in
 * closed form; otherwise findRoot (bracket widening then Brent) to 1e-13 from [0%, 5%].
 */
export function interbankYieldAtPrice(leg: CashFlowLeg, fullPricePct: number, options: InterbankYieldOptions = {}): number {
  assert(Number.isFinite(fullPricePct) && fullPricePct > 0, 'INVALID_PRICE', { pricePct: fullPricePct });
  const model = interbankModel(leg, options);
  const target = (fullPricePct / 100) * model.face;
  if (model.cashFlows.length === 1) return ((model.cashFlows[0] ?? 0) - target) / target / model.finalYearFraction;
  const f = model.paymentsPerYear;
  return findRoot((y) => presentValue(model, y) - target, { lo: 0, hi: 0.05, min: -f + 1e-9, max: 1e6, tolerance: 1e-13 }).x;
}
