/** Date cells: every unambiguous way loan systems and Excel write a date, read as ISO `YYYY-MM-DD`. */
import { calendarProblem, dated, MAX_YEAR, MIN_YEAR, NOT_A_DATE } from './calendar.ts';
import { tokenizeDate } from './date-tokens.ts';
import { englishDate } from './english-date.ts';
import { excelSerialDate } from './excel-serial.ts';
import { numericDate } from './numeric-date.ts';
import { fail, isMissing, MISSING, ok, type Parsed } from './parsed.ts';
import { digitsAt, fold, isAllDigits, isDigitCode } from './scan.ts';
import { isTimeOfDay } from './time-of-day.ts';
import { VALUE_REASONS } from './reasons.ts';

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
