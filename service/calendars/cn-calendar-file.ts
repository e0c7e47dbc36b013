import { z } from 'zod';
import { UserError } from '../../data/errors.ts';
import { dayOfWeek, formatIsoDate, fromDayNumber, type HolidayCalendar, isValidDate, parseIsoDate, toDayNumber } from '../../engine/index.ts';

/**
 * The shipped China calendar file (templates/calendars/cn.json): for each covered year the State
 * Council General Office notice(s) it comes from, the closed ranges (放假调休, as the notice prints
 * them: weekend days inside a range are harmless) and the Saturdays and Sundays declared working days
 * (上班). Its format and how to add a year: docs/deals.md “Business-day calendars”.
 */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((text) => {
    const [year, month, day] = text.split('-').map(Number);
    return isValidDate({ year: year ?? 0, month: month ?? 0, day: day ?? 0 });
  }, 'not a calendar date');

const source = z.strictObject({
  title: z.string().min(1),
  document: z.string().min(1).optional(),
  issued: isoDate.optional(),
  url: z.url(),
});

const yearEntry = z.strictObject({
  sources: z.array(source).min(1, 'cite at least one notice for the year'),
  closed: z.array(z.strictObject({ holiday: z.string().min(1), from: isoDate, to: isoDate })).min(1),
  workingWeekends: z.array(isoDate),
});

const CN_CALENDAR_FILE = z.strictObject({
  calendar: z.literal('CN'),
  description: z.string(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  years: z.record(z.string().regex(/^\d{4}$/, 'a year key is four digits'), yearEntry),
});
export type CnCalendarFile = z.infer<typeof CN_CALENDAR_FILE>;

function fail(file: string, path: string, why: string): never {
  throw new UserError('BAD_FILE', `${file}: ${path}: ${why}`, { file, path });
}

/** The rules one field cannot state: every covered year present, ranges in order, make-up days on weekends. */
function checkYears(data: CnCalendarFile, file: string): void {
  if (data.firstYear > data.lastYear) fail(file, 'lastYear', 'must be on or after firstYear');
  for (let year = data.firstYear; year <= data.lastYear; year++) {
    if (data.years[String(year)] === undefined) fail(file, `years.${year}`, `missing: the file says it covers ${data.firstYear}–${data.lastYear}, so every year needs its notice`);
  }
  for (const [year, entry] of Object.entries(data.years)) {
    entry.closed.forEach((range, i) => {
      if (range.from > range.to) fail(file, `years.${year}.closed[${i}].to`, `before from (${range.from})`);
    });
    entry.workingWeekends.forEach((day, i) => {
      const weekday = dayOfWeek(parseIsoDate(day));
      if (weekday !== 0 && weekday !== 6) fail(file, `years.${year}.workingWeekends[${i}]`, `${day} is a weekday: only a Saturday or Sunday can be a make-up working day`);
    });
  }
}

/** Parses and checks the file's JSON, then lays it out as the engine's calendar. */
export function cnCalendarOf(json: unknown, file: string): HolidayCalendar {
  const parsed = CN_CALENDAR_FILE.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(file, issue?.path.join('.') || '(root)', issue?.message ?? 'not a calendar file');
  }
  const data = parsed.data;
  checkYears(data, file);
  const holidays = new Set<string>();
  const workingWeekends = new Set<string>();
  for (const entry of Object.values(data.years)) {
    for (const range of entry.closed) {
      for (let day = toDayNumber(parseIsoDate(range.from)); day <= toDayNumber(parseIsoDate(range.to)); day++) holidays.add(formatIsoDate(fromDayNumber(day)));
    }
    for (const day of entry.workingWeekends) workingWeekends.add(day);
  }
  return { name: 'CN', firstYear: data.firstYear, lastYear: data.lastYear, holidays, workingWeekends };
}
