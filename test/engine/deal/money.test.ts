import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { fromCents, Money, roundedProduct, toCentsInteger, toYuan, ZERO } from '../../../engine/deal/money.ts';
import { createRandom } from '../../reliability/harness.ts';

/**
 * Money holds whole cents as a number and everything else as a decimal.js Decimal; every result must
 * be the one decimal.js gives (precision 40, half-up) — value, sign of zero and printed form. The
 * oracle here is decimal.js itself, configured as the waterfall configured it before Money existed.
 */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

/** A seeded generator (the reliability harness's mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  const generator = createRandom(seed);
  return () => generator.next();
}

/** Values of every kind the waterfall meets: zeros of both signs, cents small and huge, rates, ugly floats, decimal strings. */
function values(next: () => number): (number | string)[] {
  const fixed: (number | string)[] = [
    0,
    -0,
    0.01,
    -0.01,
    1,
    100,
    0.07,
    0.045,
    1.005,
    0.1 + 0.2,
    12_345_678.9,
    9_999_999_999_999.99,
    1e13,
    1e14 - 0.01,
    2.5e13,
    0.000001,
    1 / 3,
    '0.001',
    '-0',
    '1.005',
    '123456789012345.67',
    '0.10',
  ];
  const drawn: (number | string)[] = [];
  for (let k = 0; k < 60; k += 1) {
    const kind = Math.floor(next() * 4);
    if (kind === 0) drawn.push(Math.round((next() - 0.3) * 1e9) / 100);
    else if (kind === 1) drawn.push(Math.round(next() * 1e6) / 1e6);
    else if (kind === 2) drawn.push((next() - 0.5) * 1e7);
    else drawn.push(Math.round(next() * 1e4));
  }
  return [...fixed, ...drawn];
}

/** Money's answer and decimal.js's agree exactly: printed form, JSON form (sign of zero) and double. */
function same(actual: Money, expected: Decimal, what: string): void {
  expect(actual.toString(), what).toBe(expected.toString());
  expect(actual.valueOf(), what).toBe(expected.valueOf());
  expect(Object.is(actual.toNumber(), expected.toNumber()), `${what}: toNumber ${actual.toNumber()} vs ${expected.toNumber()}`).toBe(true);
  expect(actual.isNegative(), what).toBe(expected.isNegative());
  expect(actual.isZero(), what).toBe(expected.isZero());
}

describe('Money (engine/deal/money.ts) against decimal.js', () => {
  const all = values(random(20261207));

  it('reads numbers and strings as decimal.js reads them', () => {
    for (const v of all) same(new Money(v), new D(v), `new Money(${String(v)})`);
  });

  it('adds, subtracts, multiplies and divides as decimal.js does, the sign of zero included', () => {
    for (const a of all) {
      for (const b of all) {
        const x = new Money(a);
        const y = new Money(b);
        const dx = new D(a);
        const dy = new D(b);
        same(x.plus(y), dx.plus(dy), `${String(a)} + ${String(b)}`);
        same(x.minus(y), dx.minus(dy), `${String(a)} − ${String(b)}`);
        same(x.times(y), dx.times(dy), `${String(a)} × ${String(b)}`);
        if (!dy.isZero()) same(x.div(y), dx.div(dy), `${String(a)} ÷ ${String(b)}`);
        expect(x.cmp(y), `${String(a)} cmp ${String(b)}`).toBe(dx.cmp(dy));
        expect([x.lt(b), x.lte(b), x.gt(b), x.gte(b), x.eq(b)]).toEqual([dx.lt(dy), dx.lte(dy), dx.gt(dy), dx.gte(dy), dx.eq(dy)]);
      }
    }
  });

  it('rounds to cents half-up and truncates toward zero as decimal.js does, and a rounded amount is whole cents', () => {
    for (const a of all) {
      for (const product of [new Money(a).times(0.0375), new Money(a).div(3), new Money(a)]) {
        const exact = new D(a);
        const decimal = product.toString() === exact.toString() ? exact : new D(product.toString());
        const up = product.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        same(up, decimal.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), `round ${product.toString()}`);
        same(product.toDecimalPlaces(2, Decimal.ROUND_DOWN), decimal.toDecimalPlaces(2, Decimal.ROUND_DOWN), `truncate ${product.toString()}`);
        same(product.toDecimalPlaces(0, Decimal.ROUND_HALF_UP), decimal.toDecimalPlaces(0, Decimal.ROUND_HALF_UP), `round to units ${product.toString()}`);
        if (Math.abs(up.toNumber()) < 1e13) expect(up.wholeCents() === Math.round(up.toNumber() * 100), `whole cents of ${up.toString()}`).toBe(true);
      }
    }
  });

  it('keeps exact cent sums far beyond any pool, and leaves the number path past 10^15 cents', () => {
    const big = new Money('9999999999999.99');
    same(big.plus(big), new D('9999999999999.99').times(2), 'sum past the cents limit');
    expect(big.plus(big).wholeCents()).toBeUndefined();
    same(Money.ofCents(123).plus(new Money('0.001')), new D('1.231'), 'cents + a finer decimal');
  });

  it('picks the largest and smallest as Decimal.max and Decimal.min do', () => {
    expect(Money.max(new Money(1), 2, '1.5').toString()).toBe('2');
    expect(Money.min(new Money(1), 2, '0.5').toString()).toBe('0.5');
    expect(Money.max(0, -0).valueOf()).toBe(D.max(0, -0).valueOf());
    expect(() => Money.max()).toThrow(RangeError);
  });

  it('converts to yuan, bigint cents and back', () => {
    expect(toYuan(fromCents(12_345))).toBe(123.45);
    expect(toCentsInteger(new Money('123456789012.34'))).toBe(12_345_678_901_234n);
    expect(toCentsInteger(new Money('0.001'))).toBeUndefined();
    expect(fromCents(0)).toBe(ZERO);
    same(fromCents(-7), new D('-0.07'), 'fromCents(-7)');
    same(fromCents(2e15), new D(2e15).div(100), 'fromCents past the limit');
  });

  it('rounds balance × rate × days ÷ basis to the cent decimal.js gives, half-cent ties included', () => {
    const next = random(7);
    const cases: [string, number, number, number][] = [
      // Exact half cents: 25 cents × 10%, 1 yuan × 4.5% × 1 ÷ 360 × … — the double product is a hair off the tie or on it.
      ['0.25', 0.1, 1, 1],
      ['0.05', 0.5, 1, 1],
      ['1000', 0.045, 1, 360],
      ['1234.5', 0.05, 1, 1],
      ['0.01', 0.5, 1, 1],
      ['99999999999.99', 0.0375, 31, 365],
      ['3650', 0.05, 1, 365],
    ];
    for (let k = 0; k < 3000; k += 1) {
      const yuan = (Math.round(next() * 1e9) / 100).toFixed(2);
      const rate = Math.round(next() * 200_000) / 1_000_000;
      cases.push([yuan, rate, Math.floor(next() * 40), next() < 0.5 ? 360 : 365]);
      // Amounts built to land on a half cent: (2m + 1) × basis ÷ (2 × rate × days) cents, where it is whole.
      const days = 1 + Math.floor(next() * 31);
      const half = ((2 * Math.floor(next() * 1e6) + 1) * 360) / (2 * 0.05 * days);
      if (Number.isInteger(half)) cases.push([(half / 100).toFixed(2), 0.05, days, 360]);
    }
    for (const [x, a, b, c] of cases) {
      const expected = new D(x).times(a).times(b).div(c).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      same(roundedProduct(new Money(x), a, new Money(b), new Money(c)), expected, `${x} × ${a} × ${b} ÷ ${c}`);
    }
    same(roundedProduct(new Money('-10.05'), 0.5), new D('-10.05').times(0.5).toDecimalPlaces(2, Decimal.ROUND_HALF_UP), 'a negative amount');
  });
});
