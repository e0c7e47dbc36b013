/** Excel serial day numbers (the 1900 date system), as a tape exported from Excel may hold dates. */
import { fromDayNumber, toDayNumber } from '../../../engine/dates.ts';
import { dated } from './calendar.ts';
import { fail, type Parsed } from './parsed.ts';
import { EXCEL_DAY_60, VALUE_REASONS } from './reasons.ts';

const EXCEL_DAY_0 = toDayNumber({ year: 1899, month: 12, day: 31 }); // serial 1 = 1900-01-01
const EXCEL_DAY_0_AFTER_BUG = toDayNumber({ year: 1899, month: 12, day: 30 }); // serial 61 = 1900-03-01

/**
 * An Excel serial day number (1900 date system). Excel treats 1900 as a leap year (a Lotus 1-2-3
 * compatibility bug), so serial 60 is the non-existent 1900-02-29 and every later serial counts
 * from 1899-12-30; serials 1–59 count from 1899-12-31.
 */
export function excelSerialDate(serial: number): Parsed<string> {
  if (serial < 1) return fail(VALUE_REASONS.say('excelBefore1900', { serial: String(serial) }));
  if (serial === 60) return fail(EXCEL_DAY_60);
  const { year, month, day } = fromDayNumber((serial < 60 ? EXCEL_DAY_0 : EXCEL_DAY_0_AFTER_BUG) + serial);
  return dated(year, month, day);
}

/** 1970-01-01 as an Excel serial (1900 system), a day in milliseconds, and where serial 61 (1900-03-01) begins as exceljs counts. */
const SERIAL_1970 = 25_569;
const DAY_MS = 86_400_000;
const MARCH_1900_MS = Date.UTC(1900, 2, 1);
/** Serial 1 as exceljs counts: 1899-12-31, a day before Excel's 1900-01-01. */
const EXCELJS_SERIAL_1_MS = Date.UTC(1899, 11, 31);

/**
 * A number under a date format (1900 system, or 1904 with `date1904`), as milliseconds since 1970
 * exactly as exceljs's `utils.excelToDate` gives them (every serial counted from 1899-12-30,
 * rounded to the millisecond), so both XLSX readers start from the same instant.
 */
export function excelSerialMs(serial: number, date1904: boolean): number {
  return Math.round((serial - SERIAL_1970 + (date1904 ? 1_462 : 0)) * DAY_MS);
}

/**
 * The date Excel shows for a date cell, YYYY-MM-DD — the text a CSV export of the sheet holds —
 * from its instant as excelSerialMs (exceljs) counts it. Those count every serial from 1899-12-30,
 * right from serial 61 (1900-03-01) on; but Excel's 1900 system counts serials 1–59 from
 * 1899-12-31 and shows 60 as 1900-02-29 (Lotus 1-2-3 took 1900 for a leap year), so exceljs reads
 * serials 1–60 a day early (15 as 1900-01-14, 60 as 1900-02-28): they are shifted back here, 60 to
 * the 1900-02-29 Excel shows. The loan tape refuses every such date (dates.ts parseTapeDate).
 */
export function excelShownDate(ms: number): string {
  if (ms >= EXCELJS_SERIAL_1_MS && ms < MARCH_1900_MS) {
    if (ms + DAY_MS >= MARCH_1900_MS) return '1900-02-29';
    ms += DAY_MS;
  }
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** Excel's serial (1900 system) of an ISO date from 1900-01-01 to 1900-02-28; 1900-02-29, which Excel shows for 60, is not an ISO date. */
export function early1900Serial(isoDate: string): number {
  const [year = 0, month = 0, day = 0] = isoDate.split('-').map(Number);
  return toDayNumber({ year, month, day }) - EXCEL_DAY_0;
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
