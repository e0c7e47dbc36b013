import { UserError } from '../../data/errors.ts';
import { EngineError, formatIsoDate, type HolidayCalendar, isBusinessDay, isValidDate, parseIsoDate, rollDate, usCalendar } from '../../engine/index.ts';
import { chinaCalendar } from './index.ts';

export const CALENDAR_NAMES = ['CN', 'US-SIFMA', 'US-FED'] as const;
export type CalendarName = (typeof CALENDAR_NAMES)[number];

/** One date on a calendar: open or not, and where a payment scheduled on it is made under each roll. */
export interface BusinessDayAnswer {
  readonly date: string;
  readonly businessDay: boolean;
  readonly following: string;
  readonly modifiedFollowing: string;
}

function calendarFor(name: CalendarName, year: number): HolidayCalendar {
  // A US calendar is generated around the date: a roll from late December looks into January.
  return name === 'CN' ? chinaCalendar() : usCalendar(name, year - 1, year + 1);
}

/** `abs calendar check`: a date on the named calendar, or why it cannot be answered (errors as data, for the CLI). */
export function checkBusinessDayResult(name: CalendarName, text: string): { readonly ok: true; readonly value: BusinessDayAnswer } | { readonly ok: false; readonly message: string } {
  try {
    return { ok: true, value: checkBusinessDay(name, text) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message };
    throw error;
  }
}

/** A date on the named calendar; a malformed date or one outside the calendar's years is a UserError. */
export function checkBusinessDay(name: CalendarName, text: string): BusinessDayAnswer {
  const [year, month, day] = text.split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isValidDate({ year: year ?? 0, month: month ?? 0, day: day ?? 0 })) throw new UserError('BAD_REQUEST', `'${text}' is not a date YYYY-MM-DD`);
  const date = parseIsoDate(text);
  const calendar = calendarFor(name, date.year);
  try {
    return {
      date: text,
      businessDay: isBusinessDay(calendar, date),
      following: formatIsoDate(rollDate(date, 'following', calendar)),
      modifiedFollowing: formatIsoDate(rollDate(date, 'modifiedFollowing', calendar)),
    };
  } catch (error) {
    if (error instanceof EngineError && error.code === 'CALENDAR_YEAR_NOT_COVERED') {
      throw new UserError('BAD_REQUEST', `${String(error.details['date'])} is outside the years the ${name} calendar covers (${String(error.details['covers'])})`, { ...error.details });
    }
    throw error;
  }
}
