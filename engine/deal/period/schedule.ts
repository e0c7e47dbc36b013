import { addMonths, formatIsoDate, parseIsoDate, type CalendarDate } from '../../dates.ts';
import type { DealDates } from '../types.ts';

/** The run's payment dates: period p pays on the first payment date + (p − 1) × frequency months. */
export interface PaymentSchedule {
  readonly frequencyMonths: number;
  /** Start of the first accrual period. */
  readonly closing: CalendarDate;
  readonly firstPayment: CalendarDate;
  /** The last period run: the pool horizon's last period or the legal-final period, whichever is earlier. */
  readonly lastPeriod: number;
}

export function paymentSchedule(dates: DealDates, poolMonths: number): PaymentSchedule {
  const frequencyMonths = dates.paymentFrequencyMonths ?? 1;
  const closing = parseIsoDate(dates.closing);
  const firstPayment = parseIsoDate(dates.firstPaymentDate);
  const legalFinalPeriod = lastPeriodOnOrBefore(firstPayment, frequencyMonths, parseIsoDate(dates.legalFinalMaturity));
  return {
    frequencyMonths,
    closing,
    firstPayment,
    lastPeriod: Math.min(Math.ceil(poolMonths / frequencyMonths), legalFinalPeriod),
  };
}

export function paymentDateOf(schedule: PaymentSchedule, period: number): CalendarDate {
  return addMonths(schedule.firstPayment, (period - 1) * schedule.frequencyMonths);
}

/** Index of the last payment date on or before `date` (0 when even the first is after it). */
function lastPeriodOnOrBefore(first: CalendarDate, frequency: number, date: CalendarDate): number {
  const target = formatIsoDate(date);
  let p = 0;
  while (formatIsoDate(addMonths(first, p * frequency)) <= target) p++;
  return p;
}
