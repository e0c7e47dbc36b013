import { actualDays, type CalendarDate } from './dates.ts';
import { assert, EngineError } from './errors.ts';

export const DAY_COUNTS = ['30/360', 'ACT/365', 'ACT/360'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

/**
 * Days between two dates under 30/360 US (Bond Basis; ISDA 2006 §4.16(f), the SIFMA
 * convention for agency pass-throughs): D1 = 31 → 30; D2 = 31 → 30 when D1 ≥ 30.
 *   days = 360·(Y2 − Y1) + 30·(M2 − M1) + (D2 − D1)
 */
function days30360(start: CalendarDate, end: CalendarDate): number {
  const d1 = start.day === 31 ? 30 : start.day;
  const d2 = end.day === 31 && d1 >= 30 ? 30 : end.day;
  return 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1);
}

/** Days counted in the accrual period under the convention. */
export function dayCountDays(convention: DayCount, start: CalendarDate, end: CalendarDate): number {
  assert(actualDays(start, end) >= 0, 'DATE_ORDER', { start, end });
  switch (convention) {
    case '30/360':
      return days30360(start, end);
    case 'ACT/365':
    case 'ACT/360':
      return actualDays(start, end);
    default:
      throw new EngineError('UNKNOWN_DAY_COUNT', { convention });
  }
}

/**
 * Year fraction of an accrual period: 30/360 → days/360; ACT/365 (Fixed) → actual/365,
 * the Chinese consumer-loan convention (daily rate × 365 = APR); ACT/360 → actual/360.
 */
export function yearFraction(convention: DayCount, start: CalendarDate, end: CalendarDate): number {
  const days = dayCountDays(convention, start, end);
  return convention === 'ACT/365' ? days / 365 : days / 360;
}
