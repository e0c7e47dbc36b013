import { assert } from './errors.ts';

/** A calendar date without time zone, as loan systems and trust deeds write them. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in each month of a common year (a leap year's February has 29). */
const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 0 for a month outside 1–12. Allocates nothing: the tape importer calls it for every date cell. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** The date is the last day of its month. */
export function isMonthEnd(d: CalendarDate): boolean {
  return d.day === daysInMonth(d.year, d.month);
}

export function isValidDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.year >= 1 &&
    d.year <= 9999 &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/**
 * Dates already parsed, by their text: a deal run reads the same few dozen payment dates in every
 * period step and every tranche analytic (a grid of 400 runs parsed each of them thousands of
 * times). Each is frozen, so a shared date cannot be changed under another caller; the map is
 * emptied when it reaches PARSED_DATES (a tape's dates are many and seldom read twice).
 */
const PARSED_DATES = 4096;
const parsed = new Map<string, CalendarDate>();

export function parseIsoDate(text: string): CalendarDate {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(text);
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  assert(d && isValidDate(d), 'INVALID_DATE', { value: text });
  if (parsed.size >= PARSED_DATES) parsed.clear();
  const date = Object.freeze(d);
  parsed.set(text, date);
  return date;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Days since 1970-01-01 (proleptic Gregorian), so ACT day counts are a subtraction. Whole years from
 * 100, months 1–12 and any whole day (a day past the month's end runs into the next month, as
 * Date.UTC's MakeDay does): Hinnant's days-from-civil ("chrono-Compatible Low-Level Date
 * Algorithms"), in whole numbers with no Date object; anything else goes to Date.UTC (which reads
 * years 0–99 as 1900–1999).
 */
export function toDayNumber(d: CalendarDate): number {
  const { year, month, day } = d;
  if (!(Number.isInteger(year) && year >= 100 && year <= 200_000 && Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && Math.abs(day) <= 1e6)) {
    return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
  }
  // Years start on 1 March, so the leap day is the year's last: y is the March-based year, mp the month from March (0–11).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const mp = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * mp + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  // 719468: days from 0000-03-01 to 1970-01-01.
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDayNumber(days: number): CalendarDate {
  const t = new Date(days * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Day of the week, 0 = Sunday … 6 = Saturday (JavaScript's getUTCDay numbering); 1970-01-01 was a Thursday. */
export function dayOfWeek(d: CalendarDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

export function actualDays(start: CalendarDate, end: CalendarDate): number {
  return toDayNumber(end) - toDayNumber(start);
}

/**
 * Adds whole months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29),
 * the modified-following-free convention loan systems use for monthly due dates.
 */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}
