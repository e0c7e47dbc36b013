/** Excel serial day numbers (the 1900 date system), as a tape exported from Excel may hold dates. */
import { fromDayNumber, toDayNumber } from '../../../engine/dates.ts';
import { dated } from './calendar.ts';
import { fail, type Parsed } from './parsed.ts';
import { VALUE_REASONS } from './reasons.ts';

const EXCEL_DAY_0 = toDayNumber({ year: 1899, month: 12, day: 31 }); // serial 1 = 1900-01-01
const EXCEL_DAY_0_AFTER_BUG = toDayNumber({ year: 1899, month: 12, day: 30 }); // serial 61 = 1900-03-01

/**
 * An Excel serial day number (1900 date system). Excel treats 1900 as a leap year (a Lotus 1-2-3
 * compatibility bug), so serial 60 is the non-existent 1900-02-29 and every later serial counts
 * from 1899-12-30; serials 1–59 count from 1899-12-31.
 */
export function excelSerialDate(serial: number): Parsed<string> {
  if (serial < 1) return fail(VALUE_REASONS.say('excelBefore1900', { serial: String(serial) }));
  if (serial === 60) return fail(VALUE_REASONS.say('excelDay60'));
  const { year, month, day } = fromDayNumber((serial < 60 ? EXCEL_DAY_0 : EXCEL_DAY_0_AFTER_BUG) + serial);
  return dated(year, month, day);
}

/**
 * An Excel serial in [0, 1) — day 0, a time of day alone (a cell formatted `h:mm`) — as the text a
 * CSV export holds: `HH:MM`, or `HH:MM:SS` when the seconds are not zero (to the nearest second, at
 * most 23:59:59). Both XLSX readers give such a cell this text rather than a date of day 0.
 */
export function excelTimeOfDay(serial: number): string {
  const seconds = Math.min(Math.round(serial * 86_400), 86_399);
  const hhmm = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}`;
  return seconds % 60 === 0 ? hhmm : `${hhmm}:${pad2(seconds % 60)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
