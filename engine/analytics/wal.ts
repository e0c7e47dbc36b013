import { assert } from '../errors.ts';
import { checkLeg, type CashFlowLeg } from './leg.ts';
import { DEFAULT_TIME_BASIS, paymentTimesYears, type TimeBasis } from './time-basis.ts';

/**
 * Weighted average life in years: the average time to the repayment of a unit of principal,
 *
 *   WAL = Σ principal_t × years_t / Σ principal_t
 *
 * with years_t measured from the settlement (closing) date under `basis`: ACT/365 on the actual
 * payment dates by default; 30/360 or ACT/360 on request; or 'periods' for the textbook CMO
 * convention (Fabozzi, The Handbook of Mortgage-Backed Securities): period number ÷ payments a year,
 * i.e. months/12 for a monthly note. Principal written down is not repaid and does not count.
 * Throws LEG_NO_PRINCIPAL when the leg repays nothing (an IO strip, a note written off in full).
 */
export function weightedAverageLife(leg: CashFlowLeg, basis: TimeBasis = DEFAULT_TIME_BASIS): number {
  const checked = checkLeg(leg);
  const years = paymentTimesYears(checked, basis);
  let weighted = 0;
  let total = 0;
  for (let t = 0; t < checked.periods; t++) {
    const principal = checked.principal[t] ?? 0;
    weighted += principal * (years[t] ?? 0);
    total += principal;
  }
  assert(total > 0, 'LEG_NO_PRINCIPAL');
  return weighted / total;
}
