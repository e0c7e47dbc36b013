/** Dates written with an English month name: `05-Jan-2025`, `Jan 5, 2025`, `Sun, 5 January 2025`. */
import { dayOfWeek } from '../../../engine/dates.ts';
import { dated } from './calendar.ts';
import { NOT_A_DATE, TWO_DIGIT_YEAR, VALUE_REASONS } from './reasons.ts';
import type { DateToken } from './date-tokens.ts';
import { fail, type Parsed } from './parsed.ts';

const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

/** Weekday names a date may start with ("Sun, 5 Jan 2025"); 0 = Sunday, checked against the date. */
const ENGLISH_WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sun', 0],
  ['sunday', 0],
  ['mon', 1],
  ['monday', 1],
  ['tue', 2],
  ['tues', 2],
  ['tuesday', 2],
  ['wed', 3],
  ['wednesday', 3],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['thursday', 4],
  ['fri', 5],
  ['friday', 5],
  ['sat', 6],
  ['saturday', 6],
]);

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);

export function englishDate(tokens: DateToken[]): Parsed<string> {
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
  if (month === undefined) return fail(VALUE_REASONS.say('unknownMonthName', { word: word.text }));
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
    const actual = dayOfWeek({ year: Number(y), month, day: Number(d) });
    if (actual !== weekday) return fail(VALUE_REASONS.say('inconsistentWeekday', { date: result.value, actual: WEEKDAY_NAMES[actual] ?? '', written: WEEKDAY_NAMES[weekday] ?? '' }));
  }
  return result;
}
