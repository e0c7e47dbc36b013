import { DAY_COUNTS, yearFraction, type DayCount } from '../daycount.ts';
import { EngineError } from '../errors.ts';
import type { CheckedLeg } from './leg.ts';

/**
 * How the time of a payment is measured, in years from settlement:
 * - a day count ('ACT/365', '30/360', 'ACT/360'): the year fraction from the settlement date to the
 *   payment date (engine/daycount.ts). ACT/365 is the default everywhere in engine/analytics.
 * - 'periods': the textbook CMO convention, period number ÷ payments a year (month k of a monthly
 *   note is k/12 years), as if settlement fell one period before the first payment date.
 */
export type TimeBasis = DayCount | 'periods';

export const TIME_BASES: readonly TimeBasis[] = [...DAY_COUNTS, 'periods'];

export const DEFAULT_TIME_BASIS: TimeBasis = 'ACT/365';

/** Years from settlement to each payment date of the leg under the time basis. */
export function paymentTimesYears(leg: CheckedLeg, basis: TimeBasis): Float64Array {
  const times = new Float64Array(leg.periods);
  if (basis === 'periods') {
    for (let t = 0; t < leg.periods; t++) times[t] = (t + 1) / leg.paymentsPerYear;
    return times;
  }
  if (!DAY_COUNTS.includes(basis)) throw new EngineError('UNKNOWN_TIME_BASIS', { basis });
  for (const [t, date] of leg.dates.entries()) times[t] = yearFraction(basis, leg.settlement, date);
  return times;
}
