import { type CalendarDate, dayOfWeek, formatIsoDate, fromDayNumber, toDayNumber } from '../dates.ts';
import { assert, EngineError } from '../errors.ts';

/**
 * A business-day calendar as data: the years it covers, its holidays on weekdays and its weekend
 * working days (China's 调休 make-up days: a Saturday or Sunday the State Council notice declares
 * a working day). The engine receives it in its inputs; the service builds it from the shipped
 * calendar file (templates/calendars/) or from the US holiday rules (us-holidays.ts).
 */
export interface HolidayCalendar {
  /** The name a deal file selects it by ('CN', 'US-SIFMA', 'US-FED'). */
  readonly name: string;
  /** First and last calendar years whose holidays are known; a date outside them is refused, never treated as holiday-free. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Non-business days other than Saturdays and Sundays (ISO dates; a weekend date here changes nothing). */
  readonly holidays: ReadonlySet<string>;
  /** Saturdays and Sundays that are working days (调休 上班日); empty outside China. */
  readonly workingWeekends: ReadonlySet<string>;
}

/**
 * How a payment date that is not a business day moves (ISDA 2006 §4.12; 兑付日顺延):
 *  - none: paid on the scheduled date whatever the calendar;
 *  - following: the first business day after it (和享2017-5: “该日后的第一个工作日”);
 *  - modifiedFollowing: the following business day unless that is in the next calendar month, then the preceding business day.
 */
export const ROLL_CONVENTIONS = ['none', 'following', 'modifiedFollowing'] as const;
export type RollConvention = (typeof ROLL_CONVENTIONS)[number];

/** Longest run of non-business days searched before giving up (China's longest closure is 9 days: 2026 Spring Festival). */
const MAX_ROLL_DAYS = 31;

export function isBusinessDay(calendar: HolidayCalendar, date: CalendarDate): boolean {
  assert(date.year >= calendar.firstYear && date.year <= calendar.lastYear, 'CALENDAR_YEAR_NOT_COVERED', {
    date: formatIsoDate(date),
    calendar: calendar.name,
    covers: `${calendar.firstYear}–${calendar.lastYear}`,
  });
  const iso = formatIsoDate(date);
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return calendar.workingWeekends.has(iso);
  return !calendar.holidays.has(iso);
}

/** The nearest business day from `date` stepping `direction` days at a time (date itself when it is one). */
function nearestBusinessDay(calendar: HolidayCalendar, date: CalendarDate, direction: 1 | -1): CalendarDate {
  const start = toDayNumber(date);
  for (let offset = 0; offset <= MAX_ROLL_DAYS; offset++) {
    const day = fromDayNumber(start + direction * offset);
    if (isBusinessDay(calendar, day)) return day;
  }
  // Unreachable with any real calendar: a month without a business day is a broken file.
  throw new EngineError('CALENDAR_YEAR_NOT_COVERED', { date: formatIsoDate(date), calendar: calendar.name, reason: `no business day within ${MAX_ROLL_DAYS} days` });
}

/** The date a payment scheduled on `date` is made, under `convention` on `calendar`. */
export function rollDate(date: CalendarDate, convention: RollConvention, calendar: HolidayCalendar): CalendarDate {
  if (convention === 'none') return date;
  const following = nearestBusinessDay(calendar, date, 1);
  if (convention === 'following' || following.month === date.month) return following;
  return nearestBusinessDay(calendar, date, -1);
}
