import { type HolidayCalendar, rollDate, type RollConvention } from '../../calendar/business-days.ts';
import { addMonths, daysInMonth, formatIsoDate, parseIsoDate, type CalendarDate } from '../../dates.ts';
import { assert } from '../../errors.ts';
import type { DealDates } from '../types.ts';

/** The run's payment dates: period p pays on the first payment date + (p − 1) × frequency months. */
export interface PaymentSchedule {
  readonly frequencyMonths: number;
  /** Collection months the first payment date carries (DealDates.firstPeriodCollectionMonths, default the frequency). */
  readonly firstPeriodMonths: number;
  /** Start of the first accrual period. */
  readonly closing: CalendarDate;
  readonly firstPayment: CalendarDate;
  /** DealDates.endOfMonth: every scheduled date is the last day of its month. */
  readonly endOfMonth: boolean;
  /** The legal final maturity: the notes' termination date (30E/360 ISDA keeps a February one's own day). */
  readonly legalFinal: CalendarDate;
  /** The last period run: the pool horizon's last period or the legal-final period, whichever is earlier. */
  readonly lastPeriod: number;
  /** DealDates.businessDayConvention (default none) and the calendar it rolls on (undefined under none). */
  readonly convention: RollConvention;
  readonly calendar: HolidayCalendar | undefined;
  /** DealDates.accrualDates: accrual periods end on the scheduled (unrolled) dates. */
  readonly accrueOnScheduledDates: boolean;
}

/** `calendar`: the business-day calendar the deal's dates.calendar names, required when the deal rolls its dates. */
export function paymentSchedule(dates: DealDates, poolMonths: number, calendar?: HolidayCalendar): PaymentSchedule {
  const convention = dates.businessDayConvention ?? 'none';
  assert(convention === 'none' || (calendar !== undefined && calendar.name === dates.calendar), 'CALENDAR_MISSING', {
    path: 'dates.calendar',
    calendar: dates.calendar,
    given: calendar?.name ?? null,
  });
  const frequencyMonths = dates.paymentFrequencyMonths ?? 1;
  const firstPeriodMonths = dates.firstPeriodCollectionMonths ?? frequencyMonths;
  const closing = parseIsoDate(dates.closing);
  const firstPayment = parseIsoDate(dates.firstPaymentDate);
  const endOfMonth = dates.endOfMonth === true;
  const legalFinal = parseIsoDate(dates.legalFinalMaturity);
  const legalFinalPeriod = lastPeriodOnOrBefore({ firstPayment, frequencyMonths, endOfMonth }, legalFinal);
  return {
    frequencyMonths,
    firstPeriodMonths,
    closing,
    firstPayment,
    endOfMonth,
    legalFinal,
    lastPeriod: Math.min(poolMonths > 0 ? 1 + Math.max(0, Math.ceil((poolMonths - firstPeriodMonths) / frequencyMonths)) : 0, legalFinalPeriod),
    convention,
    calendar: convention === 'none' ? undefined : calendar,
    accrueOnScheduledDates: dates.accrualDates === 'scheduledDates',
  };
}

/**
 * The date period p pays on: the scheduled date (first payment date + (p − 1) × frequency months,
 * clamped to month end) rolled by the deal's business-day convention. Each scheduled date comes from
 * the first payment date, not from the previous rolled date, so a roll never drifts the schedule.
 */
export function paymentDateOf(schedule: PaymentSchedule, period: number): CalendarDate {
  const scheduled = scheduledDateOf(schedule, period);
  return schedule.calendar === undefined ? scheduled : rollDate(scheduled, schedule.convention, schedule.calendar);
}

/**
 * Period p's scheduled (unrolled) date: first payment date + (p − 1) × frequency months, clamped to
 * month end; under DealDates.endOfMonth, the last day of that month (a first payment on 28 February
 * is followed by 31 March, not 28 March).
 */
export function scheduledDateOf(schedule: Pick<PaymentSchedule, 'firstPayment' | 'frequencyMonths' | 'endOfMonth'>, period: number): CalendarDate {
  const date = addMonths(schedule.firstPayment, (period - 1) * schedule.frequencyMonths);
  return schedule.endOfMonth ? { ...date, day: daysInMonth(date.year, date.month) } : date;
}

/** Period p's scheduled (unrolled) date read from a deal's dates (scheduledDateOf). */
export function scheduledPaymentDate(dates: Pick<DealDates, 'firstPaymentDate' | 'paymentFrequencyMonths' | 'endOfMonth'>, period: number): CalendarDate {
  return scheduledDateOf({ firstPayment: parseIsoDate(dates.firstPaymentDate), frequencyMonths: dates.paymentFrequencyMonths ?? 1, endOfMonth: dates.endOfMonth === true }, period);
}

/** The date period p's accrual ends on (and the next one starts on): the payment date, or the scheduled date under accrualDates scheduledDates. */
export function accrualEndOf(schedule: PaymentSchedule, period: number): CalendarDate {
  return schedule.accrueOnScheduledDates ? scheduledDateOf(schedule, period) : paymentDateOf(schedule, period);
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

/** Index of the last scheduled payment date on or before `date` (0 when even the first is after it). */
function lastPeriodOnOrBefore(schedule: Pick<PaymentSchedule, 'firstPayment' | 'frequencyMonths' | 'endOfMonth'>, date: CalendarDate): number {
  const target = formatIsoDate(date);
  let p = 0;
  while (formatIsoDate(scheduledDateOf(schedule, p + 1)) <= target) p++;
  return p;
}
