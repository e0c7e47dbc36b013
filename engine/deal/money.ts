import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic for the waterfall. 40 significant digits hold any product of a cent amount
 * (up to 10^15 yuan) with a rate and a day-count fraction exactly enough that the single rounding
 * to cents is the only rounding; that rounding is half-up (half away from zero, as every amount
 * here is ≥ 0), the convention of trust deeds and loan systems.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type Money = Decimal;

export const ZERO: Money = new Money(0);

/** A number (yuan) to a decimal at cents, half-up; the number's shortest decimal form is read, not its binary value (engine/rounding.ts lists the modes). */
export function toCents(x: number): Money {
  return new Money(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * A yuan amount to whole cents, half-up on its shortest decimal form (the mode of toCents): the
 * float product x × 100 rounds correctly unless it lies within float noise of a half cent, where
 * the decimal reading decides.
 */
export function toWholeCents(x: number): number {
  const scaled = x * 100;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) > 1e-6 && scaled < 1e13) return fraction > 0.5 ? whole + 1 : whole;
  return Math.round(toYuan(toCents(x)) * 100);
}

/** Rounds a decimal to cents, half-up (the mode of toCents; see engine/rounding.ts). */
export function roundCents(x: Money): Money {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Truncates a decimal to cents, toward zero (去尾法: the per-unit payout of 和享 2017-5 附件一). */
export function truncateCents(x: Money): Money {
  return x.toDecimalPlaces(2, Decimal.ROUND_DOWN);
}

export function minMoney(a: Money, b: Money): Money {
  return a.lte(b) ? a : b;
}

export function maxMoney(a: Money, b: Money): Money {
  return a.gte(b) ? a : b;
}

/** a + b, skipping the allocation when either is zero (most waterfall amounts in a period are). */
export function add(a: Money, b: Money): Money {
  return b.isZero() ? a : a.isZero() ? b : a.plus(b);
}

/** a − b, skipping the allocation when b is zero. */
export function sub(a: Money, b: Money): Money {
  return b.isZero() ? a : a.minus(b);
}

/**
 * The whole number of cents in a decimal, read from its base-10⁷ digit words instead of through a
 * string; undefined when it has more than two decimals or more than 15 significant digits (not a
 * cent amount this engine handles on the fast path).
 */
function centsOfDecimal(x: Money): number | undefined {
  const words = x.d;
  if (words.length === 0) return 0;
  let value = words[0] ?? 0;
  if (value === 0) return 0;
  let digits = Math.floor(Math.log10(value)) + 1;
  for (let i = 1; i < words.length; i++) {
    value = value * 1e7 + (words[i] ?? 0);
    digits += 7;
  }
  while (value % 10 === 0) {
    value /= 10;
    digits--;
  }
  const shift = x.e - digits + 3; // cents = value × 10^shift
  if (digits > 15 || shift < 0 || shift > 15) return undefined;
  const cents = value * 10 ** shift;
  return cents > Number.MAX_SAFE_INTEGER ? undefined : x.s * cents;
}

/**
 * A cent amount as a number, exactly Number(x.toString()): the integer cents ÷ 100 is the double
 * nearest the decimal, as parsing would give. Other amounts take the string path.
 */
export function toYuan(x: Money): number {
  const cents = centsOfDecimal(x);
  return cents === undefined ? x.toNumber() : cents / 100;
}

/** A cent amount as a bigint number of cents; undefined when it is not a whole number of cents. */
export function toCentsInteger(x: Money): bigint | undefined {
  const cents = centsOfDecimal(x);
  if (cents !== undefined) return BigInt(cents);
  const scaled = x.times(100);
  return scaled.isInteger() ? BigInt(scaled.toFixed(0)) : undefined;
}

/**
 * A whole number of cents as a decimal. Below 10^15 cents, cents ÷ 100 as a double prints as the
 * exact two-decimal amount (≤ 15 significant digits round-trip), so one parse suffices.
 */
export function fromCents(cents: number): Money {
  if (cents === 0) return ZERO;
  return Math.abs(cents) < 1e15 ? new Money(cents / 100) : new Money(cents).div(100);
}
