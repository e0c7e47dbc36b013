import { actualDays, isMonthEnd, type CalendarDate } from './dates.ts';
import { assert, EngineError } from './errors.ts';

/**
 * The day counts a coupon, fee, loan accrual or yield may state (docs/deals.md, "Day counts", with
 * each one's source). The four 30/360 variants differ only at month ends:
 * - `30/360`: 30/360 Bond Basis, ISDA 2006 Definitions §4.16(f) (QuantLib Thirty360::BondBasis);
 * - `30/360 US`: the SIA's 30/360 with its end-of-month rules for February (Standard Securities
 *   Calculation Methods; QuantLib Thirty360::USA, Bloomberg BDE bbldc_basicsia30360eom);
 * - `30E/360`: Eurobond Basis, ISDA 2006 §4.16(g);
 * - `30E/360 ISDA`: ISDA 2006 §4.16(h) (every month end counts as the 30th, save a February
 *   termination date).
 */
export const DAY_COUNTS = ['30/360', '30/360 US', '30E/360', '30E/360 ISDA', 'ACT/365', 'ACT/360'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

/** The day counts that divide by 360 days of twelve 30-day months. */
export type ThirtyDayCount = Exclude<DayCount, 'ACT/365' | 'ACT/360'>;

const isFebruaryEnd = (d: CalendarDate): boolean => d.month === 2 && isMonthEnd(d);

/**
 * The two days of a 30/360 count after the convention's adjustments (the years and months count as
 * they are): days = 360·(Y2 − Y1) + 30·(M2 − M1) + (D2 − D1).
 * - Bond Basis (§4.16(f)): D1 = 31 → 30; D2 = 31 → 30 when D1 (so adjusted) is 30.
 * - US (SIA): D2 → 30 when both dates are the last day of February; D1 = last day of February → 30;
 *   then as Bond Basis.
 * - 30E/360 (§4.16(g)): a 31st → 30, either date.
 * - 30E/360 ISDA (§4.16(h)): D1 = last day of its month → 30; D2 = last day of its month → 30, unless
 *   it is the termination date and in February.
 */
function thirtyDays(convention: ThirtyDayCount, start: CalendarDate, end: CalendarDate, termination?: CalendarDate): number {
  let d1 = start.day;
  let d2 = end.day;
  switch (convention) {
    case '30/360':
      if (d1 === 31) d1 = 30;
      if (d2 === 31 && d1 === 30) d2 = 30;
      break;
    case '30/360 US':
      if (isFebruaryEnd(start) && isFebruaryEnd(end)) d2 = 30;
      if (isFebruaryEnd(start)) d1 = 30;
      if (d2 === 31 && d1 >= 30) d2 = 30;
      if (d1 === 31) d1 = 30;
      break;
    case '30E/360':
      if (d1 === 31) d1 = 30;
      if (d2 === 31) d2 = 30;
      break;
    case '30E/360 ISDA': {
      const isTermination = termination !== undefined && termination.year === end.year && termination.month === end.month && termination.day === end.day;
      if (isMonthEnd(start)) d1 = 30;
      if (isMonthEnd(end) && !(isTermination && end.month === 2)) d2 = 30;
      break;
    }
  }
  return 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1);
}

/**
 * Days counted in the accrual period under the convention. `termination`: the instrument's
 * termination (final maturity) date, which only 30E/360 ISDA reads (a February termination date
 * keeps its own day).
 */
export function dayCountDays(convention: DayCount, start: CalendarDate, end: CalendarDate, termination?: CalendarDate): number {
  assert(actualDays(start, end) >= 0, 'DATE_ORDER', { start, end });
  switch (convention) {
    case '30/360':
    case '30/360 US':
    case '30E/360':
    case '30E/360 ISDA':
      return thirtyDays(convention, start, end, termination);
    case 'ACT/365':
    case 'ACT/360':
      return actualDays(start, end);
    default:
      throw new EngineError('UNKNOWN_DAY_COUNT', { convention });
  }
}

/** The days of a year under the convention: 365 for ACT/365 (Fixed), 360 for the others. */
export function yearBasisDays(convention: DayCount): 360 | 365 {
  return convention === 'ACT/365' ? 365 : 360;
}

/**
 * Year fraction of an accrual period: the 30/360 family → days/360; ACT/365 (Fixed) → actual/365,
 * the Chinese consumer-loan convention (daily rate × 365 = APR); ACT/360 → actual/360.
 */
export function yearFraction(convention: DayCount, start: CalendarDate, end: CalendarDate, termination?: CalendarDate): number {
  return dayCountDays(convention, start, end, termination) / yearBasisDays(convention);
}
