import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic for the waterfall. 40 significant digits hold any product of a cent amount
 * (up to 10^15 yuan) with a rate and a day-count fraction exactly enough that the single rounding
 * to cents is the only rounding; that rounding is half-up (half away from zero, as every amount
 * here is ≥ 0), the convention of trust deeds and loan systems.
 */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

/** What a Money takes: another Money, a number (read as its shortest decimal form, as decimal.js reads it) or a decimal string. */
export type MoneyValue = Money | number | string;

/**
 * Whole cents held as a number stay below this, so a sum or difference of two is still an exact
 * integer (2^53 ≈ 9.007 × 10^15): 10^13 yuan, far beyond any pool.
 */
const CENTS_LIMIT = 1e15;

/** The private first argument of Money's constructor: the value's fields as they are. */
const PARTS: unique symbol = Symbol('Money parts');

/** The whole cents of a number whose shortest decimal form has at most two decimals, else NaN. */
function wholeCentsOf(x: number): number {
  const cents = Math.round(x * 100);
  // cents ÷ 100 is the double nearest the decimal cents/100 (one correctly rounded division): equal to x, x reads as that decimal.
  return cents / 100 === x && Math.abs(cents) < CENTS_LIMIT ? cents : Number.NaN;
}

/** The number of decimal digits of a base-10⁷ word (1 ≤ word < 10⁷). */
function wordDigits(word: number): number {
  let digits = 1;
  for (let bound = 10; word >= bound && digits < 7; bound *= 10) digits += 1;
  return digits;
}

/**
 * The whole number of cents in a decimal, read from its base-10⁷ digit words instead of through a
 * string; undefined when it has more than two decimals or more than 15 significant digits (not a
 * cent amount this engine handles on the fast path). The significant digits are gathered without
 * their trailing zeros, so every partial value stays below 10^15 and exact in a double.
 */
function centsOfDecimal(x: Decimal): number | undefined {
  const words = x.d;
  let last = words.length - 1;
  while (last >= 0 && words[last] === 0) last -= 1;
  const first = words[0] ?? 0;
  if (last < 0 || first === 0) return 0;
  let tail = words[last] ?? 0;
  let trailing = 0;
  while (tail % 10 === 0) {
    tail /= 10;
    trailing += 1;
  }
  const digits = wordDigits(first) + 7 * last - trailing;
  if (digits > 15) return undefined;
  let value = 0;
  for (let i = 0; i < last; i += 1) value = value * 1e7 + (words[i] ?? 0);
  value = last === 0 ? tail : value * 10 ** (7 - trailing) + tail;
  const shift = x.e - digits + 3; // cents = value × 10^shift
  if (shift < 0 || shift > 15) return undefined;
  const cents = value * 10 ** shift;
  return cents > Number.MAX_SAFE_INTEGER ? undefined : x.s * cents;
}

/** Whole cents as the decimal string decimal.js prints for them ("12.3", "0.05", "-7", "0"). */
function centsToString(cents: number): string {
  const magnitude = Math.abs(cents);
  const whole = Math.floor(magnitude / 100);
  const fraction = magnitude - whole * 100;
  const sign = cents < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  if (fraction % 10 === 0) return `${sign}${whole}.${fraction / 10}`;
  return `${sign}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/**
 * An amount of money, or a rate or factor in the waterfall's arithmetic: exactly decimal.js's
 * Decimal (precision 40, half-up) in every result — each operation gives the value, sign of zero
 * and printed form decimal.js gives — but held as a whole number of cents in a double whenever the
 * value is one (every balance, payment and rounded amount of the waterfall), where sums,
 * differences and comparisons are exact integer arithmetic without an allocation of digits.
 * Products and quotients (interest, fees, shares), and any value that is not whole cents, are
 * computed by decimal.js as before, and a rounding to cents brings the result back to cents.
 * Values are immutable: an operation returns a new Money or one of its operands.
 */
export class Money {
  /** The value in whole cents; NaN when `#exact` alone holds it. */
  readonly #cents: number;
  /** The value as a decimal: the only form of a value that is not whole cents, and kept once made for a cent value. */
  #exact: Decimal | null;

  constructor(value: MoneyValue | typeof PARTS, cents = Number.NaN, exact: Decimal | null = null) {
    // Every Money gets its two fields in the same order (one hidden class for the optimising compiler).
    if (value === PARTS) {
      this.#cents = cents;
      this.#exact = exact;
    } else if (value instanceof Money) {
      this.#cents = value.#cents;
      this.#exact = value.#exact;
    } else if (typeof value === 'number') {
      this.#cents = wholeCentsOf(value);
      this.#exact = Number.isNaN(this.#cents) ? new Exact(value) : null;
    } else {
      const decimal = new Exact(value);
      const whole = centsOfDecimal(decimal);
      this.#cents = whole === undefined || Math.abs(whole) >= CENTS_LIMIT ? Number.NaN : whole === 0 && decimal.isNegative() ? -0 : whole;
      this.#exact = decimal;
    }
  }

  /** Whole cents (an integer below CENTS_LIMIT). */
  static ofCents(cents: number): Money {
    return new Money(PARTS, cents, null);
  }

  /** A decimal result: held as a decimal until a rounding to cents (products and quotients are rarely whole cents). */
  static #ofExact(exact: Decimal): Money {
    return new Money(PARTS, Number.NaN, exact);
  }

  /** The decimal form (made once for a cent value). */
  #decimal(): Decimal {
    // cents ÷ 100 as a double prints as the exact two-decimal amount (below 10^15 cents, ≤ 15 significant digits round-trip), so one parse reads it.
    this.#exact ??= new Exact(this.#cents / 100);
    return this.#exact;
  }

  static #of(value: MoneyValue): Money {
    return value instanceof Money ? value : new Money(value);
  }

  /** Whether this value is held as whole cents. */
  get #isCents(): boolean {
    return !Number.isNaN(this.#cents);
  }

  plus(other: MoneyValue): Money {
    const b = Money.#of(other);
    if (this.#isCents && b.#isCents) {
      // Integer cents below 2^53 add exactly, and IEEE's signs of zero are decimal.js's (−0 + −0 is −0, a zero sum otherwise +0).
      const sum = this.#cents + b.#cents;
      if (Math.abs(sum) < CENTS_LIMIT) return Object.is(sum, this.#cents) ? this : Object.is(sum, b.#cents) ? b : Money.ofCents(sum);
    }
    return Money.#ofExact(this.#decimal().plus(b.#decimal()));
  }

  minus(other: MoneyValue): Money {
    const b = Money.#of(other);
    if (this.#isCents && b.#isCents) {
      // As for plus: −0 − 0 is −0, any other zero difference +0, in IEEE and in decimal.js alike.
      const difference = this.#cents - b.#cents;
      if (Math.abs(difference) < CENTS_LIMIT) return Object.is(difference, this.#cents) ? this : Money.ofCents(difference);
    }
    return Money.#ofExact(this.#decimal().minus(b.#decimal()));
  }

  times(other: MoneyValue): Money {
    return Money.#ofExact(this.#decimal().times(Money.#of(other).#decimal()));
  }

  div(other: MoneyValue): Money {
    return Money.#ofExact(this.#decimal().div(Money.#of(other).#decimal()));
  }

  /** −1, 0 or 1 as this is below, equal to or above `other` (decimal.js's comparedTo; −0 equals +0). */
  cmp(other: MoneyValue): number {
    if (typeof other === 'number' && this.#isCents) {
      // x.gt(0) and the like: a number that is whole cents compares as cents, with no Money made for it.
      const cents = wholeCentsOf(other);
      if (!Number.isNaN(cents)) return this.#cents < cents ? -1 : this.#cents > cents ? 1 : 0;
    }
    const b = Money.#of(other);
    if (this.#isCents && b.#isCents) return this.#cents < b.#cents ? -1 : this.#cents > b.#cents ? 1 : 0;
    return this.#decimal().cmp(b.#decimal());
  }

  eq(other: MoneyValue): boolean {
    return this.cmp(other) === 0;
  }

  gt(other: MoneyValue): boolean {
    return this.cmp(other) > 0;
  }

  gte(other: MoneyValue): boolean {
    return this.cmp(other) >= 0;
  }

  lt(other: MoneyValue): boolean {
    return this.cmp(other) < 0;
  }

  lte(other: MoneyValue): boolean {
    return this.cmp(other) <= 0;
  }

  isZero(): boolean {
    return this.#isCents ? this.#cents === 0 : this.#decimal().isZero();
  }

  /** Below zero, or a negative zero (as decimal.js: −0 is negative). */
  isNegative(): boolean {
    return this.#isCents ? this.#cents < 0 || Object.is(this.#cents, -0) : this.#decimal().isNegative();
  }

  /** Rounded to `places` decimals in `rounding` (a decimal.js rounding mode; half-up by default). */
  toDecimalPlaces(places: number, rounding: Decimal.Rounding = Decimal.ROUND_HALF_UP): Money {
    if (this.#isCents && places >= 2) return this;
    const rounded = this.#decimal().toDecimalPlaces(places, rounding);
    if (places > 2) return Money.#ofExact(rounded);
    const cents = centsOfDecimal(rounded);
    return cents === undefined || Math.abs(cents) >= CENTS_LIMIT ? Money.#ofExact(rounded) : Money.ofCents(cents === 0 && rounded.isNegative() ? -0 : cents);
  }

  /** Whole cents as a number, when the value is held as whole cents (else undefined). */
  wholeCents(): number | undefined {
    return this.#isCents ? this.#cents : undefined;
  }

  /** The value as a decimal.js Decimal (precision 40, half-up). */
  toDecimal(): Decimal {
    return this.#decimal();
  }

  /** The nearest double: exactly Number(this.toString()). */
  toNumber(): number {
    return this.#isCents ? this.#cents / 100 : this.#decimal().toNumber();
  }

  /** The decimal form decimal.js prints: no exponent, no trailing zeros, "0" for either zero. */
  toString(): string {
    return this.#isCents ? centsToString(this.#cents) : this.#decimal().toString();
  }

  toFixed(places: number): string {
    return this.#decimal().toFixed(places);
  }

  /** As decimal.js: the string, with "-0" for a negative zero. */
  valueOf(): string {
    return this.#isCents ? (Object.is(this.#cents, -0) ? '-0' : centsToString(this.#cents)) : this.#decimal().valueOf();
  }

  toJSON(): string {
    return this.valueOf();
  }

  /** The largest argument (the first of equal ones), as Decimal.max. */
  static max(...values: readonly MoneyValue[]): Money {
    return Money.#pick(values, (best, next) => best.lt(next));
  }

  /** The smallest argument (the first of equal ones), as Decimal.min. */
  static min(...values: readonly MoneyValue[]): Money {
    return Money.#pick(values, (best, next) => best.gt(next));
  }

  static #pick(values: readonly MoneyValue[], replace: (best: Money, next: Money) => boolean): Money {
    const [first, ...rest] = values;
    if (first === undefined) throw new RangeError('Money.max and Money.min take at least one value');
    let best = Money.#of(first);
    for (const value of rest) {
      const next = Money.#of(value);
      if (replace(best, next)) best = next;
    }
    return best;
  }
}

export const ZERO: Money = new Money(0);

/** A number (yuan) to a decimal at cents, half-up; the number's shortest decimal form is read, not its binary value (engine/rounding.ts lists the modes). */
export function toCents(x: number): Money {
  return new Money(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * A yuan amount to whole cents, half-up on its shortest decimal form (the mode of toCents): the
 * float product x × 100 rounds correctly unless it lies within float noise of a half cent, where
 * the decimal reading decides. The noise grows with the amount: x is within half a unit in the last
 * place of its shortest decimal form and × 100 adds another, so |x × 100| × 2⁻⁵² bounds it; the
 * margin, 10⁻¹⁵ of the amount (≈ 4.5 × that bound) and never under 10⁻⁶ cent, keeps ¥9,687,498,694.835
 * (x × 100 = …483.49993 in doubles) off the fast path, which read it as …483.
 */
export function toWholeCents(x: number): number {
  const scaled = x * 100;
  const size = Math.abs(scaled);
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (size < 1e13 && Math.abs(fraction - 0.5) > Math.max(1e-6, size * 1e-15)) return fraction > 0.5 ? whole + 1 : whole;
  return Math.round(toYuan(toCents(x)) * 100);
}

/** Rounds a decimal to cents, half-up (the mode of toCents; see engine/rounding.ts). */
export function roundCents(x: Money): Money {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

const ONE = new Money(1);

/** The double nearest a value (a number is its own). */
function doubleOf(value: MoneyValue): number {
  return typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : value.toNumber();
}

/**
 * roundCents(x × a × b ÷ c) — an accrual (balance × rate × days ÷ year basis) or a share — with
 * decimal.js's result. When x is whole cents above zero, the product is first taken in doubles:
 * converting a, b and c to doubles and the three operations err by at most 6 units in the last
 * place (relative 6.7 × 10⁻¹⁶), so when the double lands further than 2 × 10⁻¹⁵ of its size from a
 * half cent, rounding it gives the cent decimal.js gives, and that is the answer; otherwise (a tie
 * or near one, a negative or non-cent x, a zero divisor) decimal.js computes it, as
 * roundCents(x.times(a).times(b).div(c)) always did (× 1 and ÷ 1 change no digit).
 */
export function roundedProduct(x: Money, a: MoneyValue, b: MoneyValue = ONE, c: MoneyValue = ONE): Money {
  const cents = x.wholeCents();
  if (cents !== undefined && cents > 0) {
    const product = (cents * doubleOf(a) * doubleOf(b)) / doubleOf(c);
    if (product >= 0 && product < 1e15) {
      const whole = Math.floor(product);
      const fraction = product - whole;
      if (Math.abs(fraction - 0.5) > product * 2e-15 + 1e-300) return fromCents(fraction > 0.5 ? whole + 1 : whole);
    }
  }
  return roundCents(x.times(a).times(b).div(c));
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

/** a + b (Money.plus returns an operand when the other is zero). */
export function add(a: Money, b: Money): Money {
  return a.plus(b);
}

/** a − b. */
export function sub(a: Money, b: Money): Money {
  return a.minus(b);
}

/**
 * A cent amount as a number, exactly Number(x.toString()): the integer cents ÷ 100 is the double
 * nearest the decimal, as parsing would give. Other amounts take the decimal's own path.
 */
export function toYuan(x: Money): number {
  const cents = x.wholeCents() ?? centsOfDecimal(x.toDecimal());
  // A zero of either sign is +0, as the digit reading of a decimal −0 always gave.
  return cents === undefined ? x.toNumber() : cents === 0 ? 0 : cents / 100;
}

/** A cent amount as a bigint number of cents; undefined when it is not a whole number of cents. */
export function toCentsInteger(x: Money): bigint | undefined {
  const cents = x.wholeCents() ?? centsOfDecimal(x.toDecimal());
  if (cents !== undefined) return BigInt(cents);
  const scaled = x.toDecimal().times(100);
  return scaled.isInteger() ? BigInt(scaled.toFixed(0)) : undefined;
}

/** A whole number of cents as a Money. */
export function fromCents(cents: number): Money {
  if (cents === 0) return ZERO;
  if (Number.isInteger(cents) && Math.abs(cents) < CENTS_LIMIT) return Money.ofCents(cents);
  return Math.abs(cents) < CENTS_LIMIT ? new Money(cents / 100) : new Money(cents).div(100);
}
