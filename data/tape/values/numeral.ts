/**
 * A number as an originator wrote it, with thousands separators, a decimal point or comma, or an
 * exponent, read into its decimal digits so that scaling (percent, 万) shifts the exponent
 * instead of multiplying floats. Slow path: after the decimal fast path has declined.
 */
import { isPlainDecimal } from './decimal.ts';
import { isAllDigits } from './scan.ts';
import type { CodedMessage } from '../../../engine/messages.ts';
import { NOT_A_NUMBER, VALUE_REASONS } from './reasons.ts';

/** A number as written, split into its decimal digits (with sign) and a power-of-ten exponent. */
interface Numeral {
  readonly ok: true;
  /** Plain JS numeric literal without separators or exponent, e.g. "-1234.56". */
  readonly digits: string;
  readonly exponent: number;
}
type NumeralResult = Numeral | { readonly ok: false; readonly reason: CodedMessage };

export { NOT_A_NUMBER };
const BAD_GROUPS = Object.freeze(VALUE_REASONS.say('badGroups'));
const TWO_POINTS = Object.freeze(VALUE_REASONS.say('twoDecimalPoints'));

/** The value of `digits × 10^(exponent + shift)`, correctly rounded. */
export function numeralValue(n: Numeral, shift: number): number {
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
export function readNumeral(s: string): NumeralResult {
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
      if (dots > 1) return { ok: false, reason: TWO_POINTS };
      decimalAt = lastDot;
      group = 44;
    } else {
      if (commas > 1) return { ok: false, reason: VALUE_REASONS.say('twoDecimalCommas') };
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
    if (group !== 0) return { ok: false, reason: VALUE_REASONS.say('mixedSeparators') };
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
        if (groups === 0 ? run < 1 || run > 3 : run !== 3) return { ok: false, reason: group === 46 && decimalAt < 0 ? TWO_POINTS : BAD_GROUPS };
        groups++;
        run = 0;
      }
    }
    if (groups > 0 && run !== 3) return { ok: false, reason: group === 46 && decimalAt < 0 ? TWO_POINTS : BAD_GROUPS };
  }
  let fraction = '';
  if (decimalAt >= 0) {
    fraction = s.slice(decimalAt + 1);
    if (!isAllDigits(fraction) && fraction.length > 0) return { ok: false, reason: NOT_A_NUMBER };
  }
  if (intDigits.length === 0 && fraction.length === 0) return { ok: false, reason: NOT_A_NUMBER };
  return { ok: true, digits: sign + (intDigits.length === 0 ? '0' : intDigits) + (fraction.length > 0 ? `.${fraction}` : ''), exponent: 0 };
}
