/** Date cells: every unambiguous way loan systems and Excel write a date, read as ISO `YYYY-MM-DD`. */
import { calendarProblem, dated, MAX_YEAR, MIN_YEAR, NOT_A_DATE } from './calendar.ts';
import { tokenizeDate } from './date-tokens.ts';
import { englishDate } from './english-date.ts';
import { early1900Serial, excelSerialDate } from './excel-serial.ts';
import { numericDate } from './numeric-date.ts';
import { fail, isMissing, MISSING, ok, outOfRange, type Parsed } from './parsed.ts';
import { digitsAt, fold, isAllDigits, isDigitCode } from './scan.ts';
import { isTimeOfDay } from './time-of-day.ts';
import { EXCEL_DAY_60, VALUE_REASONS } from './reasons.ts';

/**
 * Second fast path, for the year-first forms Chinese systems and Excel text export most:
 * `2025/1/5`, `2025-1-5`, `2025.01.05`, each optionally followed by a time of day. Null when `s`
 * is anything else (the general path decides). Gives the same result as the general path.
 */
function yearFirstDate(s: string): Parsed<string> | null {
  const n = s.length;
  const y = digitsAt(s, 0, 4);
  const sep = s.charCodeAt(4);
  if (n < 8 || y < 0 || (sep !== 45 && sep !== 47 && sep !== 46)) return null;
  let i = 5;
  let m = 0;
  let d = 0;
  for (let part = 0; part < 2; part++) {
    let v = 0;
    const start = i;
    while (i < n && i - start < 2 && isDigitCode(s.charCodeAt(i))) v = v * 10 + s.charCodeAt(i++) - 48;
    if (i === start) return null;
    if (part === 0) {
      m = v;
      if (s.charCodeAt(i++) !== sep) return null;
    } else d = v;
  }
  if (i < n) {
    const c = s.charCodeAt(i);
    if ((c !== 32 && c !== 84) || !isTimeOfDay(s.slice(i + 1).trimStart())) return null;
  }
  return dated(y, m, d);
}

/**
 * Elapsed time as Excel shows a number under `[h]:mm`, `[h]:mm:ss` or `[mm]:ss`
 * (data/tape/xlsx-duration.ts): `732:00`, `-1:30:00`, `43920:00` — whole hours or minutes, then
 * `:MM` or `:SS` groups. Only a first number past 23 marks it: below, `12:00` is a time of day.
 */
function isDuration(t: string): boolean {
  const n = t.length;
  let i = t.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  while (i < n && isDigitCode(t.charCodeAt(i))) i++;
  if (i === start || i - start > 12 || Number(t.slice(start, i)) <= 23) return false;
  let groups = 0;
  for (; i < n; i += 3, groups++) {
    if (t.charCodeAt(i) !== 58 || i + 3 > n || !isDigitCode(t.charCodeAt(i + 1)) || !isDigitCode(t.charCodeAt(i + 2))) return false;
  }
  return groups >= 1 && groups <= 2;
}

/**
 * A calendar date as ISO `YYYY-MM-DD`. Accepts `2025-01-05`, `2025-1-5`, `2025/1/5`, `2025.1.5`,
 * `20250105`, `2025年1月5日`, any of them with a time of day (dropped, as written: no time-zone
 * shift), Excel serial day numbers of 1–5 digits (a fractional time part is dropped),
 * `DD/MM/YYYY` and `MM/DD/YYYY` only when one part is > 12 (or both parts are equal), and English
 * month names (`05-Jan-2025`, `Jan 5, 2025`, `5 January 2025`). Years 1900–2200. A time of day
 * alone (`08:30`, as an XLSX time cell reads) is refused as such.
 */
export function parseDate(text: string): Parsed<string> {
  const s = text.trim();
  const n = s.length;
  if (n === 0) return MISSING;
  // Fast path: ISO YYYY-MM-DD, returned as is.
  if (n === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digitsAt(s, 0, 4);
    const m = digitsAt(s, 5, 2);
    const d = digitsAt(s, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) {
      const problem = calendarProblem(y, m, d);
      return problem === null ? ok(s) : fail(problem);
    }
  }
  const yearFirst = yearFirstDate(s);
  if (yearFirst !== null) return yearFirst;
  if (isMissing(s)) return MISSING;
  let t = fold(s);

  // A time of day after a space or 'T' is dropped (as written: no time-zone shift).
  const colon = t.indexOf(':');
  if (colon > 0) {
    let start = colon;
    while (start > 0 && isDigitCode(t.charCodeAt(start - 1))) start--;
    const before = t.charCodeAt(start - 1);
    // A time of day alone (an XLSX time cell, a clock time in the wrong column): no date to read.
    if (start === 0 && isTimeOfDay(t)) return fail(VALUE_REASONS.say('timeWithoutDate'));
    // Elapsed time (an XLSX cell under [h]:mm, 732:00; its CSV export): no date either.
    if (isDuration(t)) return fail(VALUE_REASONS.say('duration', { text: s }));
    if (start === colon || start < 2 || !(before === 32 || before === 84 || before === 116)) return fail(NOT_A_DATE);
    if (!isTimeOfDay(t.slice(start))) return fail(VALUE_REASONS.say('timeUnreadable'));
    t = t.slice(0, start - 1).trimEnd();
  }

  // Plain digits: an Excel serial day number (1–5 digits) or YYYYMMDD.
  if (isAllDigits(t)) {
    if (t.length <= 5) return excelSerialDate(Number(t));
    if (t.length === 8) {
      const y = digitsAt(t, 0, 4);
      if (y < MIN_YEAR || y > MAX_YEAR) return fail(VALUE_REASONS.say('eightDigits'));
      return dated(y, digitsAt(t, 4, 2), digitsAt(t, 6, 2));
    }
    return fail(NOT_A_DATE);
  }
  // An Excel serial with a time-of-day fraction (45662.5): the fraction is dropped.
  const dot = t.indexOf('.');
  if (dot > 0 && dot <= 5 && t.indexOf('.', dot + 1) < 0 && isAllDigits(t.slice(0, dot)) && isAllDigits(t.slice(dot + 1))) {
    return excelSerialDate(Number(t.slice(0, dot)));
  }

  const { tokens, trailing } = tokenizeDate(t);
  return tokens.some((tok) => !tok.numeric) ? englishDate(tokens) : numericDate(tokens, trailing);
}

/** The first day after Excel's serials 1–60 (1900-01-01 … its 1900-02-29). */
const MARCH_1900 = '1900-03-01';

/**
 * A loan tape's date (origination, maturity, the data date taken as the cutoff): parseDate's, but
 * a date in January–February 1900 is refused as out of range (rule `range`). Those are Excel's
 * day numbers 1–60 — 1900-02-29, the day Excel shows for 60, included — and no loan dates from
 * then: such a cell is a small number (a term, a count) under a date format, or typed into a date
 * column. No plausibility limit admits it (docs/xlsx-import.md, "Dates in January–February 1900").
 */
export function parseTapeDate(text: string): Parsed<string> {
  const parsed = parseDate(text);
  if (parsed.ok) {
    const date = parsed.value;
    return date !== null && date < MARCH_1900 ? outOfRange(VALUE_REASONS.say('early1900', { date, serial: early1900Serial(date) })) : parsed;
  }
  return parsed.coded === EXCEL_DAY_60 ? outOfRange(VALUE_REASONS.say('early1900Day60')) : parsed;
}
