/** Small numbers in Chinese numerals (五, 十八, 三点五), as rates like 万分之五 write them. */
import { isPlainDecimal } from './decimal.ts';

const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0],
  ['〇', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

/**
 * A small number written in Chinese numerals or Arabic digits, as decimal text:
 * 五 → "5", 十八 → "18", 三点五 → "3.5", 一百二十 → "120", "3.5" → "3.5". Null if unreadable.
 */
export function chineseNumberText(s: string): string | null {
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
