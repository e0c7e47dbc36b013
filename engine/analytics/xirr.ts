import { actualDays } from '../dates.ts';
import { assert } from '../errors.ts';
import { calendarDate, type DatedCashFlow } from './leg.ts';
import { findRoot } from './solve.ts';

interface TimedFlows {
  readonly amounts: Float64Array;
  /** ACT/365 years from the earliest date. */
  readonly years: Float64Array;
}

function timedFlows(flows: readonly DatedCashFlow[]): TimedFlows {
  assert(flows.length >= 1, 'XIRR_SIGNS', { flows: 0 });
  const dates = flows.map((flow) => calendarDate(flow.date));
  const origin = dates.reduce((earliest, date) => (actualDays(date, earliest) > 0 ? date : earliest));
  const amounts = new Float64Array(flows.length);
  const years = new Float64Array(flows.length);
  for (const [i, flow] of flows.entries()) {
    assert(Number.isFinite(flow.amount), 'INVALID_AMOUNT', { field: `flows[${i}].amount`, value: flow.amount });
    amounts[i] = flow.amount;
    years[i] = actualDays(origin, dates[i] ?? origin) / 365;
  }
  return { amounts, years };
}

function npv(flows: TimedFlows, rateAnnual: number): number {
  const logGrowth = Math.log1p(rateAnnual);
  let total = 0;
  for (let i = 0; i < flows.amounts.length; i++) total += (flows.amounts[i] ?? 0) * Math.exp(-(flows.years[i] ?? 0) * logGrowth);
  return total;
}

/**
 * Net present value of dated cash flows at an annual effective rate on ACT/365, as Excel's XNPV:
 *
 *   XNPV = Σ_i P_i / (1 + rate)^((d_i − d_0)/365)
 *
 * with d_0 the earliest date (Excel takes the first listed date and refuses earlier ones; for
 * flows listed in date order the two agree). rateAnnual is a decimal > −1.
 */
export function xnpv(rateAnnual: number, flows: readonly DatedCashFlow[]): number {
  assert(Number.isFinite(rateAnnual) && rateAnnual > -1, 'YIELD_RANGE', { yield: rateAnnual, convention: 'annualEffective' });
  return npv(timedFlows(flows), rateAnnual);
}

/**
 * Internal rate of return of dated cash flows, annual effective on ACT/365, as Excel's XIRR: the rate
 * at which XNPV = 0. For the residual (equity) note, list the purchase at closing as a negative flow
 * and the note's payments as positive ones. Needs at least one negative and one positive flow
 * (XIRR_SIGNS). Solved with findRoot from [0%, 10%], widened within [−99.9999%, 10⁶]; where the flows
 * change sign more than once several rates may solve it, and the one found is the first reached.
 * The root does not depend on d_0 (shifting it scales XNPV by a positive factor).
 */
export function xirr(flows: readonly DatedCashFlow[]): number {
  const timed = timedFlows(flows);
  let hasNegative = false;
  let hasPositive = false;
  for (const amount of timed.amounts) {
    hasNegative ||= amount < 0;
    hasPositive ||= amount > 0;
  }
  assert(hasNegative && hasPositive, 'XIRR_SIGNS', { flows: flows.length });
  return findRoot((rate) => npv(timed, rate), { lo: 0, hi: 0.1, min: -0.999999, max: 1e6, tolerance: 1e-13 }).x;
}
