/**
 * Which calendar dates a tape may hold, and why a written date is not one. The calendar itself
 * (month lengths, leap years) is the engine's (engine/dates.ts).
 */
import { daysInMonth } from '../../../engine/dates.ts';
import { fail, ok, type Parsed } from './parsed.ts';
import type { CodedMessage } from '../../../engine/messages.ts';
import { EXCEL_DAY_60, VALUE_REASONS } from './reasons.ts';

/** Years a tape's dates may fall in: a date outside them is a typo, not a loan. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export { NOT_A_DATE, TWO_DIGIT_YEAR } from './reasons.ts';

/** Why (y, m, d) is not a date in range, or null when it is one. Allocates only on failure. */
export function calendarProblem(y: number, m: number, d: number): CodedMessage | null {
  if (y < MIN_YEAR || y > MAX_YEAR) return VALUE_REASONS.say('yearOutside', { year: String(y), min: String(MIN_YEAR), max: String(MAX_YEAR) });
  if (m < 1 || m > 12) return VALUE_REASONS.say('noMonth', { month: String(m) });
  if (d < 1) return VALUE_REASONS.say('noDay', { day: String(d) });
  const dim = daysInMonth(y, m);
  if (d > dim) {
    // 1900-02-29: the day Excel shows for its serial 60 (Lotus 1-2-3's leap year), where the text came from.
    if (y === 1900 && m === 2 && d === 29) return EXCEL_DAY_60;
    return m === 2 ? VALUE_REASONS.say('februaryDays', { days: String(dim), year: String(y) }) : VALUE_REASONS.say('monthDays', { month: MONTH_NAMES[m - 1] ?? '', days: String(dim) });
  }
  return null;
}

/**
 * engine/dates.ts formatIsoDate writes the same text for these 4-digit years, but through an
 * object and padStart: a third slower per cell on `2025/1/5` tapes.
 */
function isoDate(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** (y, m, d) as ISO `YYYY-MM-DD`, or why it is not a date in range. */
export function dated(y: number, m: number, d: number): Parsed<string> {
  const problem = calendarProblem(y, m, d);
  return problem === null ? ok(isoDate(y, m, d)) : fail(problem);
}
