import { addMonths, type CalendarDate } from '../dates.ts';
import { yearFraction } from '../daycount.ts';
import { EngineError } from '../errors.ts';
import type { AccrualConvention } from './amortization.ts';

/**
 * Monthly due dates: the k-th is the first payment date plus k − 1 months, each counted from the
 * FIRST date and clamped to the month's last day (a loan due on the 31st falls due Feb 28/29,
 * then Mar 31 again — the clamp never drifts, unlike chaining addMonths month by month).
 */
export function paymentDueDates(firstPaymentDate: CalendarDate, count: number): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let k = 0; k < count; k++) dates.push(addMonths(firstPaymentDate, k));
  return dates;
}

/**
 * Year fraction of each installment period, for `accruedInterest`:
 * - '30/360': every period is a whole month, 1/12, so interest = balance × APR / 12 (the first
 *   period is taken as regular; the dates are not needed).
 * - 'ACT/365': actual days / 365 — the first period from `accrualStart` (disbursement, or the last
 *   paid due date of a seasoned loan) to `firstPaymentDate`, then between consecutive due dates.
 */
export function accrualYearFractions(convention: AccrualConvention, count: number, accrualStart?: CalendarDate, firstPaymentDate?: CalendarDate): Float64Array {
  const fractions = new Float64Array(count);
  if (convention === '30/360') return fractions.fill(1 / 12);
  if (accrualStart === undefined || firstPaymentDate === undefined) {
    throw new EngineError('MISSING_ACCRUAL_DATES', { convention });
  }
  let start = accrualStart;
  for (let k = 0; k < count; k++) {
    const due = addMonths(firstPaymentDate, k);
    fractions[k] = yearFraction('ACT/365', start, due);
    start = due;
  }
  return fractions;
}
