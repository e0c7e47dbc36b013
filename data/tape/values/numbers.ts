/** Plain number cells: any finite number, and whole numbers such as terms and days past due. */
import { fastDecimal, isPlainDecimal } from './decimal.ts';
import { numeralValue, readNumeral } from './numeral.ts';
import { fail, isMissing, MISSING, ok, type Parsed } from './parsed.ts';
import { fold, stripSuffix } from './scan.ts';
import { VALUE_REASONS } from './reasons.ts';

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
  return Number.isFinite(value) ? ok(value) : fail(VALUE_REASONS.say('tooLarge'));
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
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return fail(VALUE_REASONS.say('tooLarge'));
  if (!Number.isInteger(value)) return fail(VALUE_REASONS.say('notWhole'));
  return ok(value === 0 ? 0 : value);
}
