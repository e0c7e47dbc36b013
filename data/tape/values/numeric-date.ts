/** Dates written in numbers only: `2025-1-5`, `2025.1.5`, `2025年1月5日`, `05/01/2025`. */
import { dated } from './calendar.ts';
import { NOT_A_DATE, TWO_DIGIT_YEAR, VALUE_REASONS } from './reasons.ts';
import type { DateToken } from './date-tokens.ts';
import { fail, type Parsed } from './parsed.ts';

const AMBIGUOUS_ORDER = Object.freeze(VALUE_REASONS.say('ambiguousOrder'));

/** `a/b/YYYY` where either a or b may be the month: decided only when one part cannot be a month. */
function dayMonthOrder(a: number, b: number, y: number): Parsed<string> {
  if (a === 0 || b === 0) return fail(VALUE_REASONS.say('dayMonthZero'));
  if (a > 12 && b > 12) return fail(a === b ? VALUE_REASONS.say('cannotBeMonth', { number: String(a) }) : VALUE_REASONS.say('neitherMonth', { first: String(a), second: String(b) }));
  if (a > 12) return dated(y, b, a); // DD/MM/YYYY
  if (b > 12 || a === b) return dated(y, a, b); // MM/DD/YYYY (or the same either way)
  return fail(AMBIGUOUS_ORDER);
}

export function numericDate(tokens: DateToken[], trailing: string): Parsed<string> {
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
