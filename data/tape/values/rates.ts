/**
 * What annual and daily rates share: a number with an optional unit (%, ‰, ‱, bp, 万分之 N), read
 * by shifting its decimal exponent, and the percentage text of range messages.
 */
import { chineseNumberText } from './chinese-numerals.ts';
import { NOT_A_NUMBER, numeralValue, readNumeral } from './numeral.ts';
import { fail, ok, type Parsed } from './parsed.ts';
import { VALUE_REASONS } from './reasons.ts';

const NOT_A_RATE = Object.freeze(VALUE_REASONS.say('notARate'));

/** 百分之 / 千分之 / 万分之 N: the fraction's power of ten and the numerator text. */
const CHINESE_FRACTIONS: readonly (readonly [string, number])[] = [
  ['百分之', -2],
  ['千分之', -3],
  ['万分之', -4],
];

/**
 * Reads a rate written as a number with an optional unit: a `%` (10^-2), `‰` (10^-3), `‱` or
 * `bp` (10^-4) suffix, or a Chinese fraction (百分之 / 千分之 / 万分之 N). A bare number whose
 * magnitude is at least `percentFrom` is read as a percentage, a smaller one as a decimal —
 * unless `barePower` says what a bare number is in (the header's unit: 10^-2 for `(%)`).
 */
export function readRate(t: string, percentFrom: number, barePower: number | null = null): Parsed<number> {
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
  let value = numeralValue(numeral, shift === 0 && barePower !== null ? barePower : shift);
  if (shift === 0 && barePower === null && Math.abs(value) >= percentFrom) value = numeralValue(numeral, -2);
  return Number.isFinite(value) ? ok(value) : fail(NOT_A_RATE);
}

/** Formats a decimal rate as a percentage for messages, without float noise ("150%", "0.05%"). */
export function percentText(rate: number): string {
  return `${Number((rate * 100).toPrecision(12))}%`;
}
