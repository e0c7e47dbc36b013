import { actualDays, addMonths, toDayNumber, type CalendarDate } from '../dates.ts';
import { yearFraction } from '../daycount.ts';
import { assert, EngineError } from '../errors.ts';
import { cashFlowAt, type CheckedLeg } from './leg.ts';

/**
 * How a yield discounts a leg and how it is quoted. Yields are decimals (0.05 = 5%).
 *
 * Periodic compounding on the payment schedule: payment k (k = 1, 2, …) discounted by
 * (1 + r)^−(w + k − 1), r the yield per period and w the periods from settlement to the first payment
 * (periodsToFirstPayment: 1 when settlement is one regular period before it; an odd first period
 * from closing counts as the quasi-periods it spans, as SIA's odd-first-coupon rule does):
 * - 'nominal': quoted as paymentsPerYear × r. For a monthly note this is the mortgage yield 12 × r_m.
 * - 'bondEquivalent': the same discounting quoted as the bond-equivalent yield (BEY, SIFMA Standard
 *   Formulas): the semi-annual rate with the same growth, 2 × ((1 + r)^(paymentsPerYear/2) − 1);
 *   for a monthly note 2 × ((1 + r_m)^6 − 1).
 * - 'mortgageEquivalent': quoted as the mortgage yield (SIFMA Standard Formulas; Fabozzi, The
 *   Handbook of Mortgage-Backed Securities): the monthly-compounded rate with the same growth,
 *   12 × ((1 + r)^(paymentsPerYear/12) − 1). For a monthly note it is 'nominal' (12 × r_m); for a
 *   quarterly one 12 × ((1 + r_q)^(1/3) − 1).
 * On actual dates:
 * - 'annualEffective': an annual effective rate y on ACT/365, each payment discounted by
 *   (1 + y)^−(days from settlement / 365), the convention of Excel's XIRR.
 */
export const YIELD_CONVENTIONS = ['nominal', 'bondEquivalent', 'mortgageEquivalent', 'annualEffective'] as const;
export type YieldConvention = (typeof YIELD_CONVENTIONS)[number];

function assertConvention(convention: YieldConvention): void {
  if (!YIELD_CONVENTIONS.includes(convention)) throw new EngineError('UNKNOWN_YIELD_CONVENTION', { convention });
}

/** Compounding a year of the quotes that restate the per-period rate at another frequency. */
const RESTATED_COMPOUNDING: Readonly<Partial<Record<YieldConvention, number>>> = { bondEquivalent: 2, mortgageEquivalent: 12 };

/**
 * Compounding periods a year of the rate the yield is quoted in (m in modified duration =
 * Macaulay / (1 + y/m)): paymentsPerYear for 'nominal', 2 for 'bondEquivalent', 12 for
 * 'mortgageEquivalent', 1 for 'annualEffective'.
 */
export function quoteCompoundingPerYear(convention: YieldConvention, paymentsPerYear: number): number {
  assertConvention(convention);
  if (convention === 'nominal') return paymentsPerYear;
  return RESTATED_COMPOUNDING[convention] ?? 1;
}

/** The rate per discounting step (per payment period, or per year for 'annualEffective') of a quoted yield. */
export function discountRateFromYield(yieldRate: number, convention: YieldConvention, paymentsPerYear: number): number {
  assertConvention(convention);
  const m = RESTATED_COMPOUNDING[convention];
  let rate: number;
  if (convention === 'nominal') rate = yieldRate / paymentsPerYear;
  else if (m !== undefined) rate = Math.expm1((m / paymentsPerYear) * Math.log1p(yieldRate / m));
  else rate = yieldRate;
  assert(Number.isFinite(rate) && rate > -1, 'YIELD_RANGE', { yield: yieldRate, convention });
  return rate;
}

/** The quoted yield of a rate per discounting step (inverse of discountRateFromYield). */
export function yieldFromDiscountRate(rate: number, convention: YieldConvention, paymentsPerYear: number): number {
  assertConvention(convention);
  const m = RESTATED_COMPOUNDING[convention];
  if (convention === 'nominal') return rate * paymentsPerYear;
  if (m !== undefined) return m * Math.expm1((paymentsPerYear / m) * Math.log1p(rate));
  return rate;
}

/**
 * Converts a yield between conventions for a note paying paymentsPerYear times a year by equating
 * growth over a year: (1 + nominal/k)^k = (1 + BEY/2)^2 = (1 + MEY/12)^12 = 1 + annual effective.
 * Exact between 'nominal', 'bondEquivalent' and 'mortgageEquivalent'; with 'annualEffective' it assumes every period is exactly 1/k of a
 * 365-day year (on actual dates the two can differ by a few basis points).
 */
export function convertYield(yieldRate: number, from: YieldConvention, to: YieldConvention, paymentsPerYear: number): number {
  assert(Number.isInteger(paymentsPerYear) && paymentsPerYear >= 1, 'LEG_FREQUENCY', { paymentsPerYear });
  const rate = discountRateFromYield(yieldRate, from, paymentsPerYear);
  const periodic = from === 'annualEffective' ? Math.expm1(Math.log1p(rate) / paymentsPerYear) : rate;
  return to === 'annualEffective' ? Math.expm1(paymentsPerYear * Math.log1p(periodic)) : yieldFromDiscountRate(periodic, to, paymentsPerYear);
}

/** A leg's cash flows and their times in discounting steps from settlement. */
export interface DiscountModel {
  readonly convention: YieldConvention;
  readonly cashFlows: Float64Array;
  /** Discounting steps from settlement: period numbers, or ACT/365 years for 'annualEffective'. */
  readonly steps: Float64Array;
  /** Discounting steps a year: paymentsPerYear, or 1 for 'annualEffective'. */
  readonly stepsPerYear: number;
  /** Face outstanding at settlement; prices are per 100 of it. */
  readonly face: number;
}

/**
 * Payment periods from settlement to the first payment date, for a note whose first period may be
 * odd (closing on 20 January, first payment on 26 February): counted back from the first payment
 * date in regular (quasi-coupon) periods of 12 ÷ paymentsPerYear months, the whole ones it spans
 * plus the fraction, by actual days, of the one settlement falls in. 1 when settlement is one
 * period before the first payment; 1 + 6/31 for 20 Jan → 26 Feb monthly (26 Jan → 26 Feb is the
 * regular period; 20 → 26 Jan is 6 of 26 Dec → 26 Jan's 31 days); 17/31 for 29 Jan → 15 Feb.
 * The quasi-coupon counting of SIA's Standard Securities Calculation Methods, as Excel's ODDFYIELD
 * and ODDFPRICE state it (long first period: the quasi-coupon periods NCq it spans; short: DSC ÷ E),
 * here with actual days in each quasi-period. A frequency that does not divide the year into whole
 * months (5, 7, 8, 9, 10 or 11 a year) counts actual days ÷ (365 ÷ paymentsPerYear).
 */
export function periodsToFirstPayment(settlement: CalendarDate, firstPayment: CalendarDate, paymentsPerYear: number): number {
  const months = 12 / paymentsPerYear;
  if (!Number.isInteger(months)) return actualDays(settlement, firstPayment) / (365 / paymentsPerYear);
  const settled = toDayNumber(settlement);
  let end = firstPayment;
  for (let whole = 0; ; whole++) {
    // Each quasi-period start from the first payment date itself (no drift through short months).
    const start = addMonths(firstPayment, -(whole + 1) * months);
    if (toDayNumber(start) <= settled) return whole + actualDays(settlement, end) / actualDays(start, end);
    end = start;
  }
}

export function discountModel(leg: CheckedLeg, convention: YieldConvention): DiscountModel {
  assertConvention(convention);
  // Both columns in one buffer (a yield search builds a model per note and per price).
  const block = new Float64Array(2 * leg.periods);
  const cashFlows = block.subarray(0, leg.periods);
  const steps = block.subarray(leg.periods);
  let total = 0;
  const first = convention === 'annualEffective' ? 0 : periodsToFirstPayment(leg.settlement, leg.dates[0] ?? leg.settlement, leg.paymentsPerYear);
  for (let t = 0; t < leg.periods; t++) {
    cashFlows[t] = cashFlowAt(leg, t);
    total += cashFlows[t] ?? 0;
    const date = leg.dates[t] ?? leg.settlement;
    steps[t] = convention === 'annualEffective' ? yearFraction('ACT/365', leg.settlement, date) : first + t;
  }
  assert(total > 0, 'LEG_NO_CASH_FLOW');
  assert(leg.balanceAtSettlement > 0, 'LEG_NO_FACE');
  return { convention, cashFlows, steps, stepsPerYear: convention === 'annualEffective' ? 1 : leg.paymentsPerYear, face: leg.balanceAtSettlement };
}

/** Present value and its time-weighted sum: PV = Σ CF_k (1 + r)^−s_k, weighted = Σ s_k CF_k (1 + r)^−s_k. */
export function presentValue(model: DiscountModel, rate: number): { readonly pv: number; readonly weighted: number } {
  const logGrowth = Math.log1p(rate);
  let pv = 0;
  let weighted = 0;
  for (let t = 0; t < model.cashFlows.length; t++) {
    const flow = model.cashFlows[t] ?? 0;
    // A period paying nothing is worth exactly 0 at any rate; near r = −100% its discount factor
    // overflows to ∞, and 0 × ∞ would be NaN (a yield search on a nearly wiped-out note goes there).
    if (flow === 0) continue;
    const step = model.steps[t] ?? 0;
    const value = flow * Math.exp(-step * logGrowth);
    pv += value;
    weighted += step * value;
  }
  return { pv, weighted };
}
