import { addMonths, formatIsoDate, parseIsoDate, type CalendarDate } from '../../dates.ts';
import type { DealDates } from '../types.ts';

/** The run's payment dates: period p pays on the first payment date + (p − 1) × frequency months. */
export interface PaymentSchedule {
  readonly frequencyMonths: number;
  /** Collection months the first payment date carries (DealDates.firstPeriodCollectionMonths, default the frequency). */
  readonly firstPeriodMonths: number;
  /** Start of the first accrual period. */
  readonly closing: CalendarDate;
  readonly firstPayment: CalendarDate;
  /** The last period run: the pool horizon's last period or the legal-final period, whichever is earlier. */
  readonly lastPeriod: number;
}

export function paymentSchedule(dates: DealDates, poolMonths: number): PaymentSchedule {
  const frequencyMonths = dates.paymentFrequencyMonths ?? 1;
  const firstPeriodMonths = dates.firstPeriodCollectionMonths ?? frequencyMonths;
  const closing = parseIsoDate(dates.closing);
  const firstPayment = parseIsoDate(dates.firstPaymentDate);
  const legalFinalPeriod = lastPeriodOnOrBefore(firstPayment, frequencyMonths, parseIsoDate(dates.legalFinalMaturity));
  return {
    frequencyMonths,
    firstPeriodMonths,
    closing,
    firstPayment,
    lastPeriod: Math.min(poolMonths > 0 ? 1 + Math.max(0, Math.ceil((poolMonths - firstPeriodMonths) / frequencyMonths)) : 0, legalFinalPeriod),
  };
}

export function paymentDateOf(schedule: PaymentSchedule, period: number): CalendarDate {
  return addMonths(schedule.firstPayment, (period - 1) * schedule.frequencyMonths);
}

/**
 * The pool months payment period p collects, before the horizon cut: months 1 … m₁ for p = 1, then
 * m₁ + (p − 2)·f + 1 … m₁ + (p − 1)·f (m₁ = the first period's collection months, f = the frequency).
 */
export function collectionMonthsOf(schedule: Pick<PaymentSchedule, 'frequencyMonths' | 'firstPeriodMonths'>, period: number): { readonly first: number; readonly last: number } {
  if (period === 1) return { first: 1, last: schedule.firstPeriodMonths };
  const last = schedule.firstPeriodMonths + (period - 1) * schedule.frequencyMonths;
  return { first: last - schedule.frequencyMonths + 1, last };
}

/** Index of the last payment date on or before `date` (0 when even the first is after it). */
function lastPeriodOnOrBefore(first: CalendarDate, frequency: number, date: CalendarDate): number {
  const target = formatIsoDate(date);
  let p = 0;
  while (formatIsoDate(addMonths(first, p * frequency)) <= target) p++;
  return p;
}
