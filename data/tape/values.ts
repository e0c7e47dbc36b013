/**
 * Cell parsers: messy originator tape text → canonical values (DESIGN.md, "Loan tape fields":
 * accept every unambiguous form, reject only what is truly ambiguous or wrong, saying why).
 *
 * Every parser trims its input, returns `{ ok: true, value: null }` for a blank or "missing"
 * cell (-, --, N/A, NA, null, 无, 空 …; whether the field is required is checked elsewhere),
 * and otherwise `{ ok: true, value }` or `{ ok: false, reason }` with a short human reason for
 * messages like `row 12, column "放款日期", value "2025-02-30": <reason>`.
 *
 * They run once per cell on million-row tapes, so each one first tries the clean form a
 * system export writes (a plain `12345.67`, an ISO `2025-01-05`) with a char-code scan and no
 * allocation beyond the result, and only then the exotic forms. No regular expression here can
 * backtrack: the slow paths are hand-written scanners.
 *
 * Decimal scaling (percent, 万, 万分之) is done by shifting the decimal exponent of the written
 * digits (`Number("15.6e-2")`), never by float multiplication, so `15.6%` is exactly the double
 * nearest 0.156 and `1.1万` is exactly 11000.
 */
import type { AmortizationType, FieldKind, PaymentFrequency, Segment } from './fields.ts';

/** A parsed cell: `value` is null for a blank or explicitly missing cell. */
export type Parsed<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false; readonly reason: string };

/** A borrower segment: one of SEGMENTS, or the tape's own free text (segments are open-ended). */
export type SegmentValue = Segment | (string & Record<never, never>);

const MISSING: Parsed<never> = Object.freeze({ ok: true, value: null });

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail(reason: string): Parsed<never> {
  return { ok: false, reason };
}

// ---------------------------------------------------------------------------------------------
// Shared scanning helpers
// ---------------------------------------------------------------------------------------------

/** Cells that mean "no value" in originator exports (compared lower-cased). */
const MISSING_TOKENS: ReadonlySet<string> = new Set(['-', '--', '—', '——', '－', 'n/a', 'na', '#n/a', 'null', '无', '空']);

function isMissing(s: string): boolean {
  return s.length <= 4 && MISSING_TOKENS.has(s.toLowerCase());
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `-?digits(.digits)?` (also `12.` and `.5`), ASCII only: the form Number() reads exactly. */
function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/** Exact powers of ten as doubles (10^0 … 10^22 are all exactly representable). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The value of a plain decimal `-?digits(.digits)?`, optionally with well-formed comma thousands
 * groups (`12,345.67`), times 10^shift (shift ≤ 0); NaN when `s` is not one or has more than 15
 * significant digits (the general path then decides). One scan, no allocation. Clinger's fast
 * path: the digits form an integer m < 2^53, held exactly in a double, and 10^k (k ≤ 22) is
 * exact, so m / 10^k is the correctly rounded quotient: bit-identical to Number(digits) (and to
 * Number(`${digits}e${shift}`)).
 */
function fastDecimal(s: string, shift: number): number {
  const n = s.length;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let m = 0;
  let digits = 0;
  let scale = -shift;
  let dot = false;
  let run = 0; // integer digits since the start or the last comma
  let groups = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (m !== 0 || c !== 48) digits++;
      m = m * 10 + (c - 48);
      if (dot) scale++;
      else run++;
    } else if (c === 46 && !dot) {
      if (groups > 0 && run !== 3) return Number.NaN;
      dot = true;
    } else if (c === 44 && !dot && (groups === 0 ? run >= 1 && run <= 3 : run === 3)) {
      groups++;
      run = 0;
    } else return Number.NaN;
  }
  if (digits > 15 || scale > 22 || (run === 0 && !dot) || (groups > 0 && !dot && run !== 3) || n === (negative ? 1 : 0) + (dot ? 1 : 0)) return Number.NaN;
  const v = scale === 0 ? m : m / (POW10[scale] ?? Number.NaN);
  return negative ? -v : v;
}

function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

/**
 * Folds full-width digits, letters and punctuation (１２３４, ％, （, ，, ￥), no-break and
 * ideographic spaces to ASCII (NFKC), and the Unicode minus sign to '-'. Slow paths only.
 */
function fold(s: string): string {
  if (isAscii(s)) return s;
  return s.normalize('NFKC').replaceAll('\u2212', '-').trim();
}

function stripPrefix(s: string, prefixes: readonly string[]): string {
  for (const p of prefixes) if (s.startsWith(p)) return s.slice(p.length).trimStart();
  return s;
}

function stripSuffix(s: string, suffixes: readonly string[]): string {
  for (const p of suffixes) if (s.endsWith(p)) return s.slice(0, s.length - p.length).trimEnd();
  return s;
}

/** A number as written, split into its decimal digits (with sign) and a power-of-ten exponent. */
interface Numeral {
  readonly ok: true;
  /** Plain JS numeric literal without separators or exponent, e.g. "-1234.56". */
  readonly digits: string;
  readonly exponent: number;
}
type NumeralResult = Numeral | { readonly ok: false; readonly reason: string };

const NOT_A_NUMBER = 'not a number';
const BAD_GROUPS = 'not a number (thousands separators must separate groups of 3 digits)';

/** The value of `digits × 10^(exponent + shift)`, correctly rounded. */
function numeralValue(n: Numeral, shift: number): number {
  const e = n.exponent + shift;
  return e === 0 ? Number(n.digits) : Number(`${n.digits}e${e}`);
}

/** True for the separators a thousands group may use besides ',' and '.': spaces and the Swiss apostrophe. */
function isSpaceGroup(c: number): boolean {
  return c === 32 || c === 39 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/**
 * Reads a plain number (already folded to ASCII and trimmed): an optional sign, digits with
 * optional thousands separators (',' '.' space or apostrophe, groups of 3), a decimal point or
 * decimal comma, and an optional exponent (`1.5E+05`, separators not allowed then).
 *
 * Which of ',' and '.' is the decimal mark: with both present, the last one (`1,234.56`,
 * `1.234,56`); with commas only, a single comma followed by exactly 1 or 2 final digits
 * (`1234,56`), else commas group thousands (`1,234`); with dots only, a single dot is the decimal
 * point and several dots group thousands (`1.234.567`; `1.2.3` is rejected).
 */
function readNumeral(s: string): NumeralResult {
  let i = 0;
  let sign = '';
  const first = s.charCodeAt(0);
  if (first === 45 || first === 43) {
    if (first === 45) sign = '-';
    i = 1;
    while (i < s.length && s.charCodeAt(i) === 32) i++;
  }
  const n = s.length;
  let dots = 0;
  let commas = 0;
  let spaces = 0;
  let lastDot = -1;
  let lastComma = -1;
  let expAt = -1;
  let digits = 0;
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46) {
      dots++;
      lastDot = j;
    } else if (c === 44) {
      commas++;
      lastComma = j;
    } else if (isSpaceGroup(c)) spaces++;
    else if ((c === 101 || c === 69) && expAt < 0 && j > i) {
      expAt = j;
      break;
    } else return { ok: false, reason: NOT_A_NUMBER };
  }
  if (digits === 0) return { ok: false, reason: NOT_A_NUMBER };

  if (expAt >= 0) {
    // Scientific notation: the mantissa is a plain decimal, the exponent a signed integer.
    const mantissa = s.slice(i, expAt);
    if (commas > 0 || spaces > 0 || dots > 1 || !isPlainDecimal(mantissa)) return { ok: false, reason: NOT_A_NUMBER };
    let k = expAt + 1;
    let expSign = 1;
    const ec = s.charCodeAt(k);
    if (ec === 43 || ec === 45) {
      if (ec === 45) expSign = -1;
      k++;
    }
    const expText = s.slice(k);
    if (expText.length === 0 || expText.length > 4 || !isAllDigits(expText)) return { ok: false, reason: NOT_A_NUMBER };
    return { ok: true, digits: sign + mantissa, exponent: expSign * Number(expText) };
  }

  // Decide the decimal mark and the group separator.
  let decimalAt = -1;
  let group = 0; // char code of the thousands separator, 0 = none
  if (dots > 0 && commas > 0) {
    if (lastDot > lastComma) {
      if (dots > 1) return { ok: false, reason: 'not a number (more than one decimal point)' };
      decimalAt = lastDot;
      group = 44;
    } else {
      if (commas > 1) return { ok: false, reason: 'not a number (more than one decimal comma)' };
      decimalAt = lastComma;
      group = 46;
    }
  } else if (commas > 0) {
    const after = n - lastComma - 1;
    if (commas === 1 && (after === 1 || after === 2)) decimalAt = lastComma;
    else group = 44;
  } else if (dots === 1) {
    decimalAt = lastDot;
  } else if (dots > 1) {
    group = 46;
  }
  if (spaces > 0) {
    if (group !== 0) return { ok: false, reason: 'not a number (mixed thousands separators)' };
    group = 32;
  }

  const intEnd = decimalAt >= 0 ? decimalAt : n;
  let intDigits = '';
  if (group === 0) {
    intDigits = s.slice(i, intEnd);
  } else {
    // Groups: the first 1–3 digits, every later one exactly 3.
    let run = 0;
    let groups = 0;
    for (let j = i; j < intEnd; j++) {
      const c = s.charCodeAt(j);
      if (c >= 48 && c <= 57) {
        run++;
        intDigits += s[j];
      } else {
        const sameGroup = group === 32 ? isSpaceGroup(c) : c === group;
        if (!sameGroup) return { ok: false, reason: NOT_A_NUMBER };
        if (groups === 0 ? run < 1 || run > 3 : run !== 3) return { ok: false, reason: group === 46 && decimalAt < 0 ? 'not a number (more than one decimal point)' : BAD_GROUPS };
        groups++;
        run = 0;
      }
    }
    if (groups > 0 && run !== 3) return { ok: false, reason: group === 46 && decimalAt < 0 ? 'not a number (more than one decimal point)' : BAD_GROUPS };
  }
  let fraction = '';
  if (decimalAt >= 0) {
    fraction = s.slice(decimalAt + 1);
    if (!isAllDigits(fraction) && fraction.length > 0) return { ok: false, reason: NOT_A_NUMBER };
  }
  if (intDigits.length === 0 && fraction.length === 0) return { ok: false, reason: NOT_A_NUMBER };
  return { ok: true, digits: sign + (intDigits.length === 0 ? '0' : intDigits) + (fraction.length > 0 ? `.${fraction}` : ''), exponent: 0 };
}

/** Formats a decimal rate as a percentage for messages, without float noise ("150%", "0.05%"). */
function percentText(rate: number): string {
  return `${Number((rate * 100).toPrecision(12))}%`;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8],
  ['sep', 9], ['sept', 9], ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

/** Weekday names a date may start with ("Sun, 5 Jan 2025"); 0 = Sunday, checked against the date. */
const ENGLISH_WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sun', 0], ['sunday', 0], ['mon', 1], ['monday', 1], ['tue', 2], ['tues', 2], ['tuesday', 2], ['wed', 3], ['wednesday', 3],
  ['thu', 4], ['thur', 4], ['thurs', 4], ['thursday', 4], ['fri', 5], ['friday', 5], ['sat', 6], ['saturday', 6],
]);

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Why (y, m, d) is not a date in range, or null when it is one. Allocates only on failure. */
function calendarProblem(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR) return `year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (m < 1 || m > 12) return `not a calendar date (there is no month ${m})`;
  if (d < 1) return `not a calendar date (there is no day ${d})`;
  const dim = daysInMonth(y, m);
  if (d > dim) {
    return m === 2 ? `not a calendar date (February has ${dim} days in ${y})` : `not a calendar date (${MONTH_NAMES[m - 1] ?? ''} has ${dim} days)`;
  }
  return null;
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function dated(y: number, m: number, d: number): Parsed<string> {
  const problem = calendarProblem(y, m, d);
  return problem === null ? ok(isoDate(y, m, d)) : fail(problem);
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, m, d];
}

const EXCEL_DAY_0 = daysFromCivil(1899, 12, 31); // serial 1 = 1900-01-01
const EXCEL_DAY_0_AFTER_BUG = daysFromCivil(1899, 12, 30); // serial 61 = 1900-03-01

/**
 * An Excel serial day number (1900 date system). Excel treats 1900 as a leap year (a Lotus 1-2-3
 * compatibility bug), so serial 60 is the non-existent 1900-02-29 and every later serial counts
 * from 1899-12-30; serials 1–59 count from 1899-12-31.
 */
function excelSerialDate(serial: number): Parsed<string> {
  if (serial < 1) return fail(`not a date (Excel day number ${serial} is before 1900-01-01)`);
  if (serial === 60) return fail('not a calendar date (Excel day 60 is 1900-02-29, which did not exist)');
  const [y, m, d] = civilFromDays((serial < 60 ? EXCEL_DAY_0 : EXCEL_DAY_0_AFTER_BUG) + serial);
  return dated(y, m, d);
}

/** Reads `d` decimal digits at `at` (ASCII), or -1. */
function digitsAt(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, then optionally `Z`, `±HH:MM`, `±HHMM`, `AM`/`PM`. */
function isTimeOfDay(t: string): boolean {
  const n = t.length;
  let i = 0;
  const field = (maxDigits: number, max: number): boolean => {
    let v = 0;
    let k = 0;
    while (i < n && k < maxDigits && isDigitCode(t.charCodeAt(i))) {
      v = v * 10 + t.charCodeAt(i) - 48;
      i++;
      k++;
    }
    return k >= 1 && (maxDigits === 1 || k === maxDigits || (max === 23 && k === 1)) && v <= max;
  };
  if (!field(2, 23)) return false;
  if (t.charCodeAt(i) !== 58) return false;
  i++;
  if (!field(2, 59)) return false;
  if (t.charCodeAt(i) === 58) {
    i++;
    if (!field(2, 60)) return false;
    if (t.charCodeAt(i) === 46) {
      i++;
      const start = i;
      while (i < n && isDigitCode(t.charCodeAt(i))) i++;
      if (i === start || i - start > 9) return false;
    }
  }
  while (i < n && t.charCodeAt(i) === 32) i++;
  if (i === n) return true;
  const rest = t.slice(i).toLowerCase();
  if (rest === 'z' || rest === 'am' || rest === 'pm' || rest === 'utc' || rest === 'gmt') return true;
  const sc = rest.charCodeAt(0);
  if (sc !== 43 && sc !== 45) return false;
  const offset = rest.slice(1);
  return (offset.length === 5 && offset.charCodeAt(2) === 58 && digitsAt(offset, 0, 2) >= 0 && digitsAt(offset, 3, 2) >= 0) || ((offset.length === 4 || offset.length === 2) && isAllDigits(offset));
}

interface DateToken {
  readonly numeric: boolean;
  /** Digits, or the lower-cased word. */
  readonly text: string;
  /** The separator text between this token and the previous one (trimmed of spaces). */
  readonly before: string;
}

function tokenizeDate(s: string): { tokens: DateToken[]; trailing: string } {
  const tokens: DateToken[] = [];
  let sep = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    const start = i;
    if (isDigitCode(c)) {
      while (i < n && isDigitCode(s.charCodeAt(i))) i++;
      tokens.push({ numeric: true, text: s.slice(start, i), before: sep.trim() });
      sep = '';
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      while (i < n && (s.charCodeAt(i) | 32) >= 97 && (s.charCodeAt(i) | 32) <= 122) i++;
      tokens.push({ numeric: false, text: s.slice(start, i).toLowerCase(), before: sep.trim() });
      sep = '';
    } else {
      sep += s[i];
      i++;
    }
  }
  return { tokens, trailing: sep.trim() };
}

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
  const problem = calendarProblem(y, m, d);
  return problem === null ? ok(isoDate(y, m, d)) : fail(problem);
}

const NOT_A_DATE = 'not a date (expected YYYY-MM-DD)';
const AMBIGUOUS_ORDER = 'ambiguous day/month order: use YYYY-MM-DD';
const TWO_DIGIT_YEAR = 'two-digit year is ambiguous: use YYYY-MM-DD';

/** `a/b/YYYY` where either a or b may be the month: decided only when one part cannot be a month. */
function dayMonthOrder(a: number, b: number, y: number): Parsed<string> {
  if (a === 0 || b === 0) return fail('not a calendar date (day and month cannot be 0)');
  if (a > 12 && b > 12) return fail(a === b ? `not a calendar date (${a} cannot be a month)` : `not a calendar date (neither ${a} nor ${b} can be a month)`);
  if (a > 12) return dated(y, b, a); // DD/MM/YYYY
  if (b > 12 || a === b) return dated(y, a, b); // MM/DD/YYYY (or the same either way)
  return fail(AMBIGUOUS_ORDER);
}

function englishDate(tokens: DateToken[]): Parsed<string> {
  let list = tokens;
  let weekday = -1;
  const firstWord = list[0];
  if (firstWord !== undefined && !firstWord.numeric && ENGLISH_WEEKDAYS.has(firstWord.text)) {
    weekday = ENGLISH_WEEKDAYS.get(firstWord.text) ?? -1;
    list = list.slice(1);
  }
  // Drop ordinal suffixes written after a day number ("5th").
  list = list.filter((t, k) => !(!t.numeric && ORDINAL_SUFFIXES.has(t.text) && list[k - 1]?.numeric === true && t.before === ''));
  if (list.length !== 3) return fail(NOT_A_DATE);
  const words = list.filter((t) => !t.numeric);
  const word = words[0];
  if (words.length !== 1 || word === undefined) return fail(NOT_A_DATE);
  const month = ENGLISH_MONTHS.get(word.text);
  if (month === undefined) return fail(`not a date (unknown month name "${word.text}")`);
  const [t0, t1, t2] = list as [DateToken, DateToken, DateToken];
  let y: string;
  let d: string;
  if (!t0.numeric) {
    d = t1.text; // Jan 5, 2025
    y = t2.text;
  } else if (!t1.numeric) {
    if (t0.text.length === 4) {
      y = t0.text; // 2025-Jan-05
      d = t2.text;
    } else {
      d = t0.text; // 05-Jan-2025, 5 Jan 2025
      y = t2.text;
    }
  } else {
    return fail(NOT_A_DATE);
  }
  if (y.length <= 2) return fail(TWO_DIGIT_YEAR);
  if (y.length !== 4 || d.length > 2) return fail(NOT_A_DATE);
  const result = dated(Number(y), month, Number(d));
  if (result.ok && weekday >= 0 && result.value !== null) {
    const actual = (((daysFromCivil(Number(y), month, Number(d)) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    if (actual !== weekday) return fail(`not a consistent date (${result.value} is a ${WEEKDAY_NAMES[actual] ?? ''}, not a ${WEEKDAY_NAMES[weekday] ?? ''})`);
  }
  return result;
}

function numericDate(tokens: DateToken[], trailing: string): Parsed<string> {
  if (tokens.length !== 3) return fail(NOT_A_DATE);
  const [t0, t1, t2] = tokens as [DateToken, DateToken, DateToken];
  const a = t0.text;
  const b = t1.text;
  const c = t2.text;
  if (t0.before !== '' || b.length > 2) return fail(NOT_A_DATE);
  if (t1.before === '年') {
    // 2025年1月5日 (日 or 号 optional)
    if (t2.before !== '月' || !(trailing === '' || trailing === '日' || trailing === '号') || a.length !== 4 || c.length > 2) return fail(NOT_A_DATE);
    return dated(Number(a), Number(b), Number(c));
  }
  const sep = t1.before;
  if (sep !== t2.before || !(sep === '-' || sep === '/' || sep === '.') || trailing !== '') return fail(NOT_A_DATE);
  if (a.length === 4) {
    if (c.length > 2) return fail(NOT_A_DATE);
    return dated(Number(a), Number(b), Number(c)); // YYYY-M-D
  }
  if (a.length > 2) return fail(NOT_A_DATE);
  if (c.length === 4) return dayMonthOrder(Number(a), Number(b), Number(c));
  if (c.length <= 2) return fail(TWO_DIGIT_YEAR);
  return fail(NOT_A_DATE);
}

/**
 * A calendar date as ISO `YYYY-MM-DD`. Accepts `2025-01-05`, `2025-1-5`, `2025/1/5`, `2025.1.5`,
 * `20250105`, `2025年1月5日`, any of them with a time of day (dropped, as written: no time-zone
 * shift), Excel serial day numbers of 1–5 digits (a fractional time part is dropped),
 * `DD/MM/YYYY` and `MM/DD/YYYY` only when one part is > 12 (or both parts are equal), and English
 * month names (`05-Jan-2025`, `Jan 5, 2025`, `5 January 2025`). Years 1900–2200.
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
    if (start === colon || start < 2 || !(before === 32 || before === 84 || before === 116)) return fail(NOT_A_DATE);
    if (!isTimeOfDay(t.slice(start))) return fail('not a date (the time of day is unreadable)');
    t = t.slice(0, start - 1).trimEnd();
  }

  // Plain digits: an Excel serial day number (1–5 digits) or YYYYMMDD.
  if (isAllDigits(t)) {
    if (t.length <= 5) return excelSerialDate(Number(t));
    if (t.length === 8) {
      const y = digitsAt(t, 0, 4);
      if (y < MIN_YEAR || y > MAX_YEAR) return fail('not a date (8 digits are read as YYYYMMDD)');
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

// ---------------------------------------------------------------------------------------------
// Money and numbers
// ---------------------------------------------------------------------------------------------

/** Currency marks before an amount (checked lower-cased, longest first). */
const CURRENCY_PREFIXES = ['人民币', 'us$', 'rmb', 'cny', 'usd', '¥', '$'] as const;
/** Currency and scale marks after an amount: [suffix, power of ten]. */
const AMOUNT_SUFFIXES: readonly (readonly [string, number])[] = [
  ['万元', 4],
  ['亿元', 8],
  ['万', 4],
  ['亿', 8],
  ['元', 0],
  ['rmb', 0],
  ['cny', 0],
  ['usd', 0],
];

/**
 * An amount as a float (not rounded). Accepts `12345.67`, `12,345.67`, `¥12,345.67`, `￥12345`,
 * `RMB 12,345`, `CNY12345`, `12345.67元`, `$1,234.50`, `1.5E+05`, accounting negatives
 * `(1,234.00)`, `-1234`, full-width digits, decimal comma `1234,56` and `1.234,56`, and the
 * Chinese scale units 万 (× 10^4) and 亿 (× 10^8), e.g. `1.2万元` = 12000.
 */
export function parseMoney(text: string): Parsed<number> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const fast = fastDecimal(s, 0);
  if (!Number.isNaN(fast)) return ok(fast);
  // Second fast path: one currency mark glued on (¥12,345.67, ￥12345, $1,234.50, 12345.67元).
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  const lead = first === 0xa5 || first === 0xffe5 || first === 36 ? 1 : 0;
  const trail = last === 0x5143 ? 1 : 0; // 元
  if (lead + trail > 0 && s.length > lead + trail) {
    const bare = fastDecimal(s.slice(lead, s.length - trail), 0);
    if (!Number.isNaN(bare)) return ok(bare);
  }
  if (isPlainDecimal(s)) return ok(Number(s));
  if (isMissing(s)) return MISSING;
  let t = fold(s).toLowerCase();
  // One sign at most: accounting parentheses, or a '-' before or after the currency mark.
  let negative = false;
  let signed = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    signed = true;
    t = t.slice(1, -1).trim();
  }
  for (let pass = 0; pass < 2; pass++) {
    const c = t.charCodeAt(0);
    if (c === 45 || c === 43) {
      if (signed) return fail(NOT_A_NUMBER);
      negative = c === 45;
      signed = true;
      t = t.slice(1).trimStart();
    }
    if (pass === 0) t = stripPrefix(t, CURRENCY_PREFIXES);
  }
  let shift = 0;
  for (const [suffix, power] of AMOUNT_SUFFIXES) {
    if (t.endsWith(suffix)) {
      t = t.slice(0, t.length - suffix.length).trimEnd();
      shift = power;
      break;
    }
  }
  const c0 = t.charCodeAt(0);
  if (t.length === 0 || c0 === 45 || c0 === 43) return fail(NOT_A_NUMBER);
  const numeral = readNumeral(t);
  if (!numeral.ok) return fail(numeral.reason);
  const value = numeralValue(numeral, shift);
  if (!Number.isFinite(value)) return fail('number too large');
  return ok(negative ? -value : value);
}

/** Any finite number: sign, thousands separators, decimal comma, exponent, full-width digits. */
export function parseNumber(text: string): Parsed<number> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const fast = fastDecimal(s, 0);
  if (!Number.isNaN(fast)) return ok(fast);
  if (isPlainDecimal(s)) return ok(Number(s));
  if (isMissing(s)) return MISSING;
  const numeral = readNumeral(fold(s));
  if (!numeral.ok) return fail(numeral.reason);
  const value = numeralValue(numeral, 0);
  return Number.isFinite(value) ? ok(value) : fail('number too large');
}

/** Count units after a whole number: installments, months and days (the unit is not checked). */
const INTEGER_SUFFIXES = ['installments', 'periods', 'period', 'months', 'month', 'days', 'day', 'mos', 'mo', '个月', '期', '月', '天', '日', '次', '笔', 'm', 'd'] as const;

/** A whole number: `12`, `12期`, `12个月`, `12 months`, `12.0`, `1,200`, full-width digits. */
export function parseInteger(text: string): Parsed<number> {
  const s = text.trim();
  const n = s.length;
  if (n === 0) return MISSING;
  if (n <= 15) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (i === n) return ok(v);
  }
  if (isMissing(s)) return MISSING;
  const t = stripSuffix(fold(s).toLowerCase(), INTEGER_SUFFIXES);
  const numeral = readNumeral(t);
  if (!numeral.ok) return fail(numeral.reason);
  const value = numeralValue(numeral, 0);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return fail('number too large');
  if (!Number.isInteger(value)) return fail('not a whole number');
  return ok(value === 0 ? 0 : value);
}

// ---------------------------------------------------------------------------------------------
// Rates
// ---------------------------------------------------------------------------------------------

const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);

/**
 * A small number written in Chinese numerals or Arabic digits, as decimal text:
 * 五 → "5", 十八 → "18", 三点五 → "3.5", 一百二十 → "120", "3.5" → "3.5". Null if unreadable.
 */
function chineseNumberText(s: string): string | null {
  if (isPlainDecimal(s)) return s;
  const point = s.indexOf('点');
  const whole = point < 0 ? s : s.slice(0, point);
  let total = 0;
  let digit = -1;
  for (const ch of whole) {
    const d = CHINESE_DIGITS.get(ch);
    if (d !== undefined) {
      if (digit >= 0) return null;
      digit = d;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (unit === 0) return null;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  if (digit >= 0) total += digit;
  else if (whole.length === 0) return null;
  if (point < 0) return String(total);
  let fraction = '';
  for (const ch of s.slice(point + 1)) {
    const d = CHINESE_DIGITS.get(ch);
    if (d === undefined) return null;
    fraction += String(d);
  }
  return fraction.length === 0 ? null : `${total}.${fraction}`;
}

/** 百分之 / 千分之 / 万分之 N: the fraction's power of ten and the numerator text. */
const CHINESE_FRACTIONS: readonly (readonly [string, number])[] = [
  ['百分之', -2],
  ['千分之', -3],
  ['万分之', -4],
];

/**
 * Reads a rate written as a number with an optional unit: a `%` (10^-2), `‰` (10^-3), `‱` or
 * `bp` (10^-4) suffix, or a Chinese fraction (百分之 / 千分之 / 万分之 N). A bare number whose
 * magnitude is at least `percentFrom` is read as a percentage, a smaller one as a decimal.
 */
function readRate(t: string, percentFrom: number): Parsed<number> {
  for (const [prefix, power] of CHINESE_FRACTIONS) {
    if (t.startsWith(prefix)) {
      const numerator = chineseNumberText(t.slice(prefix.length).trim());
      return numerator === null ? fail(NOT_A_RATE) : ok(Number(`${numerator}e${power}`));
    }
  }
  let shift = 0;
  let body = t;
  if (body.endsWith('%')) shift = -2;
  else if (body.endsWith('‰')) shift = -3;
  else if (body.endsWith('‱')) shift = -4;
  if (shift !== 0) body = body.slice(0, -1).trimEnd();
  else if (body.endsWith('bp') || body.endsWith('bps')) {
    shift = -4;
    body = body.slice(0, body.endsWith('bps') ? -3 : -2).trimEnd();
  }
  const numeral = readNumeral(body);
  if (!numeral.ok) return fail(numeral.reason === NOT_A_NUMBER ? NOT_A_RATE : numeral.reason);
  let value = numeralValue(numeral, shift);
  if (shift === 0 && Math.abs(value) >= percentFrom) value = numeralValue(numeral, -2);
  return Number.isFinite(value) ? ok(value) : fail(NOT_A_RATE);
}

const NOT_A_RATE = 'not a rate';

const ANNUAL_PREFIXES = ['年化利率', '年利率', '年化', '年息', 'apr'] as const;
const ANNUAL_SUFFIXES = ['per annum', '/annum', '/year', '/yr', 'p.a.', 'p.a', '/年', '每年', '年化', 'apr', 'pa', '年'] as const;

function annualRateChecked(rate: number): Parsed<number> {
  if (rate < 0) return fail(`rate ${percentText(rate)} is negative`);
  if (rate > 1) return fail(`rate ${percentText(rate)} is outside 0–100%`);
  return ok(rate);
}

/**
 * An annual rate as a decimal (0.15). `15%`, `15` and `0.15` all mean 15%: a bare number ≥ 1 is
 * read as a percentage (so a bare `1` is 1%, not 100%), a bare number < 1 as a decimal. Also
 * `年化15%`, `15%/年`, `15% p.a.`, full-width `１５％`, `‰`, `bp`. The result must lie in [0, 1].
 */
export function parseAnnualRate(text: string): Parsed<number> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const fast = fastDecimal(s, 0);
  if (!Number.isNaN(fast)) return annualRateChecked(fast >= 1 || fast <= -1 ? fastDecimal(s, -2) : fast);
  if (isPlainDecimal(s)) {
    const v = Number(s);
    return annualRateChecked(v >= 1 || v <= -1 ? Number(`${s}e-2`) : v);
  }
  if (isMissing(s)) return MISSING;
  const rate = readRate(stripSuffix(stripPrefix(fold(s).toLowerCase(), ANNUAL_PREFIXES), ANNUAL_SUFFIXES), 1);
  return rate.ok && rate.value !== null ? annualRateChecked(rate.value) : rate;
}

const DAILY_PREFIXES = ['日利息率', '日利率', '日利息', '日息', '日化', '每日', '日', 'daily'] as const;
const DAILY_SUFFIXES = ['per day', '/day', '/日', '/天', '每日', '每天', '日', '天', 'daily'] as const;

/**
 * Lowest bare number read as a percentage in a daily-rate column: a daily decimal rate of 0.01
 * would be 1% a day, 365% a year, so a bare 0.01 or more can only be a percentage.
 */
const DAILY_PERCENT_THRESHOLD = 0.01;

function dailyRateChecked(daily: number): Parsed<number> {
  if (daily < 0) return fail(`daily rate ${percentText(daily)} is negative`);
  const annual = dailyToAnnualRate(daily);
  if (annual > 1) return fail(`daily rate ${percentText(daily)} is ${percentText(annual)} a year (× 365), outside 0–100%`);
  return ok(daily);
}

/**
 * A DAILY rate as a decimal (0.0005 = 0.05% a day). `0.05%`, `0.0005` and `0.05` all mean
 * 0.05% a day: a bare number ≥ 0.01 is read as a percentage (see DAILY_PERCENT_THRESHOLD).
 * Also `万分之五` / `万分之5` (5/10,000), `千分之一`, `日息0.05%`, `0.05%/日`, `‱`, `bp`.
 * The rate × 365 must lie in [0, 1] (the same 0–100% APR range as parseAnnualRate).
 */
export function parseDailyRate(text: string): Parsed<number> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const fast = fastDecimal(s, 0);
  if (!Number.isNaN(fast)) return dailyRateChecked(Math.abs(fast) >= DAILY_PERCENT_THRESHOLD ? fastDecimal(s, -2) : fast);
  if (isPlainDecimal(s)) {
    const v = Number(s);
    return dailyRateChecked(Math.abs(v) >= DAILY_PERCENT_THRESHOLD ? Number(`${s}e-2`) : v);
  }
  if (isMissing(s)) return MISSING;
  const rate = readRate(stripSuffix(stripPrefix(fold(s).toLowerCase(), DAILY_PREFIXES), DAILY_SUFFIXES), DAILY_PERCENT_THRESHOLD);
  return rate.ok && rate.value !== null ? dailyRateChecked(rate.value) : rate;
}

/**
 * Annual rate (APR) from a daily rate on the ACT/365 convention of Chinese consumer loans:
 * interest accrues daily at the daily rate, and the quoted annual rate is daily rate × 365
 * (DESIGN.md, "Numbers"). E.g. 万分之五 (0.0005) a day × 365 = 0.1825 = 18.25% APR.
 */
export function dailyToAnnualRate(daily: number): number {
  return daily * 365;
}

// ---------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------

/** Lower-cased, full-width folded, without spaces, underscores and hyphens. */
function categoryKey(s: string): string {
  const t = fold(s).toLowerCase();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 32 && c !== 95 && c !== 45 && c !== 0x3000) out += t[i];
  }
  return out;
}

function keyTable<T extends string>(entries: Readonly<Record<T, readonly string[]>>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const value of Object.keys(entries) as T[]) {
    map.set(categoryKey(value), value);
    for (const name of entries[value]) map.set(categoryKey(name), value);
  }
  return map;
}

/**
 * Memoizes a categorical parser by raw cell text: category columns hold a handful of distinct
 * values over a million rows. Results are immutable; the cache is bounded.
 */
function memoized<T>(parse: (s: string) => Parsed<T>): (text: string) => Parsed<T> {
  const cache = new Map<string, Parsed<T>>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const result = Object.freeze(parse(text));
    if (cache.size >= 4096) cache.clear();
    cache.set(text, result);
    return result;
  };
}

const AMORTIZATION_NAMES = keyTable<AmortizationType>({
  level_payment: ['等额本息', '等额本息还款', '按月等额本息', '等额本息还款法', 'level payment', 'level', 'annuity', 'mortgage', 'mortgage style', 'french', 'equal installment', 'equal installments', 'EMI'],
  equal_principal: ['等额本金', '等额本金还款', '按月等额本金', '等额本金还款法', 'equal principal', 'straight line', 'linear'],
  interest_only: ['先息后本', '按月付息到期还本', '按月付息', '到期还本', '一次性还本', '利随本清', '到期一次还本付息', '按月付息到期一次还本', 'interest only', 'IO', 'bullet', 'balloon'],
  flat_fee: ['等本等息', '等额等息', '平息', '平息法', 'flat', 'flat fee', 'flat rate', 'add-on', 'add on'],
});

/** Amortization (还款方式): 等额本息 / 等额本金 / 先息后本 / 等本等息 and their English names. */
export const parseAmortization: (text: string) => Parsed<AmortizationType> = memoized((text: string) => {
  const s = text.trim();
  if (s.length === 0 || isMissing(s)) return MISSING;
  const found = AMORTIZATION_NAMES.get(categoryKey(s));
  return found === undefined ? fail('unknown repayment method: use 等额本息 (level payment), 等额本金 (equal principal), 先息后本 (interest only) or 等本等息 (flat fee)') : ok(found);
});

const FREQUENCY_NAMES = keyTable<PaymentFrequency>({
  monthly: ['按月', '每月', '月', '月付', '按月还款', '每月还款', '月度', 'monthly', 'month', 'M', '1M'],
  biweekly: ['双周', '每两周', '双周付', '按双周', 'biweekly', 'bi-weekly', 'fortnightly', '2W'],
  weekly: ['每周', '周', '按周', '周付', 'weekly', 'week', 'W', '1W'],
  quarterly: ['按季', '每季', '季', '季付', '按季度', '每季度', '季度', 'quarterly', 'quarter', 'Q', '3M'],
  bullet: ['一次性', '到期一次性', '到期一次', '一次性还款', 'bullet', 'at maturity'],
});

/** Payment frequency (还款频率): 按月 / 双周 / 每周 / 按季 / 一次性 and their English names. */
export const parseFrequency: (text: string) => Parsed<PaymentFrequency> = memoized((text: string) => {
  const s = text.trim();
  if (s.length === 0 || isMissing(s)) return MISSING;
  const found = FREQUENCY_NAMES.get(categoryKey(s));
  return found === undefined ? fail('unknown payment frequency: use 按月 (monthly), 双周 (biweekly), 每周 (weekly), 按季 (quarterly) or 一次性 (bullet)') : ok(found);
});

const SEGMENT_NAMES = keyTable<Segment>({
  salaried: ['工薪', '工薪族', '工薪阶层', '受薪', '受薪人士', '上班族', '白领', '企业员工', '公务员', '事业单位', '国企员工', 'salaried', 'employed', 'employee', 'wage earner'],
  self_employed: ['自雇', '自雇人士', '个体', '个体户', '个体工商户', '私营业主', '小微企业主', '企业主', 'self-employed', 'self employed', 'business owner', 'sole proprietor'],
  gig: ['灵活就业', '灵活就业人员', '零工', '临时工', '自由职业', '自由职业者', '外卖骑手', '网约车司机', 'gig', 'gig worker', 'temporary', 'temp', 'freelance', 'freelancer', 'contractor'],
});

/**
 * Borrower segment: salaried (工薪), self_employed (自雇/个体), gig (灵活就业/零工). Segments are
 * open-ended, so any other non-empty text is kept as written (trimmed): this never fails.
 */
export const parseSegment: (text: string) => Parsed<SegmentValue> = memoized((text: string) => {
  const s = text.trim();
  if (s.length === 0 || isMissing(s)) return MISSING;
  return ok(SEGMENT_NAMES.get(categoryKey(s)) ?? s);
});

const BOOLEAN_NAMES: ReadonlyMap<string, boolean> = new Map([
  ['是', true], ['否', false], ['已重组', true], ['未重组', false], ['重组', true], ['非重组', false],
  ['已展期', true], ['未展期', false], ['展期', true],
  ['y', true], ['n', false], ['yes', true], ['no', false], ['true', true], ['false', false], ['1', true], ['0', false], ['t', true], ['f', false],
]);

/** A yes/no flag: 是/否, 已重组/未重组, 重组/非重组, Y/N, yes/no, true/false, 1/0, T/F. */
export function parseBoolean(text: string): Parsed<boolean> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const found = BOOLEAN_NAMES.get(s) ?? BOOLEAN_NAMES.get(fold(s).toLowerCase());
  if (found !== undefined) return found ? TRUE : FALSE;
  if (isMissing(s)) return MISSING;
  return fail('not a yes/no value: use 是/否, Y/N, 1/0 or true/false');
}

const TRUE: Parsed<boolean> = Object.freeze({ ok: true, value: true });
const FALSE: Parsed<boolean> = Object.freeze({ ok: true, value: false });

// ---------------------------------------------------------------------------------------------
// By field kind
// ---------------------------------------------------------------------------------------------

/** The value type each field kind parses to (rateDaily: the DAILY rate; convert with dailyToAnnualRate). */
export interface KindValue {
  text: string;
  date: string;
  money: number;
  rateAnnual: number;
  rateDaily: number;
  integer: number;
  number: number;
  amortization: AmortizationType;
  frequency: PaymentFrequency;
  segment: SegmentValue;
  boolean: boolean;
}

function parseText(text: string): Parsed<string> {
  const s = text.trim();
  return s.length === 0 || isMissing(s) ? MISSING : ok(s);
}

/** The parser for each field kind (FieldSpec.kind). */
export const PARSERS: { readonly [K in FieldKind]: (text: string) => Parsed<KindValue[K]> } = {
  text: parseText,
  date: parseDate,
  money: parseMoney,
  rateAnnual: parseAnnualRate,
  rateDaily: parseDailyRate,
  integer: parseInteger,
  number: parseNumber,
  amortization: parseAmortization,
  frequency: parseFrequency,
  segment: parseSegment,
  boolean: parseBoolean,
};
