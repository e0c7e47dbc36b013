import { assert as checkProperty, constantFrom, double, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertYield, legCashFlows, priceAtYield, xirr, YIELD_CONVENTIONS, yieldAtPrice, type CashFlowLeg, type YieldConvention } from '../../../engine/index.ts';
import { bulletLeg, errorCode, levelPayLeg } from './legs.ts';

// Price = 100 × Σ CF_k (1 + r)^−s_k / face at settlement (percent of par, clean = full on a payment date).
// 'nominal' and 'bondEquivalent': r per period, s_k = k; 'annualEffective': r annual, s_k = ACT/365 years.

// 3-year 10% annual-coupon bond settling 2021-01-01, paying each 1 January 2022–2024: every
// year is 365 days (2024's leap day falls after 2024-01-01), so ACT/365 times are exactly 1, 2, 3.
const bond = bulletLeg(100, 0.1, 3, 1);

describe('priceAtYield', () => {
  it('3-year 10% annual bond at 12%: 95.1963374636', () => {
    // 10/1.12 + 10/1.12² + 110/1.12³ = 8.9285714286 + 7.9719387755 + 78.2958272595 = 95.1963374636
    expect(priceAtYield(bond, 0.12, 'nominal')).toBeCloseTo(95.1963374636, 9);
    expect(priceAtYield(bond, 0.12, 'annualEffective')).toBeCloseTo(95.1963374636, 9);
  });

  it('a 2-year zero-coupon at 10% is 100/1.21 = 82.6446281', () => {
    const zero: CashFlowLeg = { ...bulletLeg(100, 0, 2, 1), interest: [0, 0] };
    expect(priceAtYield(zero, 0.1, 'nominal')).toBeCloseTo(100 / 1.21, 12);
  });

  it('quotes per 100 of the balance at settlement (original at closing, current when seasoned)', () => {
    // The same flows on a face of 50 instead of 100 are worth twice as many points of par.
    const seasoned: CashFlowLeg = { ...bond, balanceAtSettlement: 50 };
    expect(priceAtYield(seasoned, 0.12, 'nominal')).toBeCloseTo(2 * 95.1963374636, 9);
  });
});

describe('yieldAtPrice', () => {
  it('a nearly wiped-out note (−99%) with periods that pay nothing far out: no 0 × ∞ at the search’s −100% end', () => {
    // 40 annual periods; 1 of principal in year 1, then nothing (99 written down). At par:
    // 100 = 1 / (1 + r) ⇒ r = −0.99. The bracket widens to r = −1 + 10⁻⁹, where (1 + r)^−40 = 10³⁶⁰ = ∞:
    // a zero flow there is worth 0, not 0 × ∞ = NaN (which stopped every deal run with such a note).
    const flows = Array.from({ length: 40 }, (_, k) => (k === 0 ? 1 : 0));
    const wiped: CashFlowLeg = { ...bulletLeg(100, 0, 40, 1), principal: flows, interest: flows.map(() => 0) };
    expect(yieldAtPrice(wiped, 100, 'nominal')).toBeCloseTo(-0.99, 10);
  });

  it('a fixed-coupon bullet at par yields its coupon', () => {
    expect(yieldAtPrice(bond, 100, 'nominal')).toBeCloseTo(0.1, 12);
    expect(yieldAtPrice(bond, 100, 'annualEffective')).toBeCloseTo(0.1, 12);
    // Monthly 5% bullet, 24 months: at r = 0.05/12 every coupon exactly pays the period's yield,
    // so par ⇔ mortgage (nominal) yield = 5%, and BEY = 2 × ((1 + 0.05/12)^6 − 1) = 0.0505237359.
    const monthly = bulletLeg(1_000_000, 0.05, 24, 12);
    expect(yieldAtPrice(monthly, 100, 'nominal')).toBeCloseTo(0.05, 12);
    expect(yieldAtPrice(monthly, 100, 'bondEquivalent')).toBeCloseTo(0.0505237359, 10);
    // Quarterly 4% bullet at par: nominal = 4%.
    expect(yieldAtPrice(bulletLeg(100, 0.04, 12, 4), 100, 'nominal')).toBeCloseTo(0.04, 12);
  });

  it('a level-pay mortgage at par has a mortgage yield equal to its note rate', () => {
    // 30-year 6%: nominal 6.000%; BEY 2 × (1.005^6 − 1) = 6.0755019%.
    const mortgage = levelPayLeg(100_000, 0.06, 360);
    expect(yieldAtPrice(mortgage, 100, 'nominal')).toBeCloseTo(0.06, 12);
    expect(yieldAtPrice(mortgage, 100, 'bondEquivalent')).toBeCloseTo(0.0607550188, 10);
  });

  it('below par yields more than the coupon: the 10% bond at 95.1963374636 yields 12%', () => {
    expect(yieldAtPrice(bond, 95.1963374636, 'nominal')).toBeCloseTo(0.12, 10);
  });

  it("'annualEffective' is the XIRR of buying at the price on the settlement date", () => {
    const mortgage = levelPayLeg(100_000, 0.06, 60, '2025-01-15');
    const purchase = { date: '2025-01-15', amount: -0.98 * 100_000 }; // 98% of par
    expect(yieldAtPrice(mortgage, 98, 'annualEffective')).toBeCloseTo(xirr([purchase, ...legCashFlows(mortgage)]), 11);
  });

  it('refuses a bad price, a leg without cash or face, and an impossible yield', () => {
    expect(errorCode(() => yieldAtPrice(bond, 0, 'nominal'))).toBe('INVALID_PRICE');
    expect(errorCode(() => yieldAtPrice(bond, -5, 'nominal'))).toBe('INVALID_PRICE');
    expect(errorCode(() => yieldAtPrice(bond, Number.NaN, 'nominal'))).toBe('INVALID_PRICE');
    const nothing: CashFlowLeg = { ...bond, principal: [0, 0, 0], interest: [0, 0, 0], writeDown: [0, 0, 100] };
    expect(errorCode(() => yieldAtPrice(nothing, 100, 'nominal'))).toBe('LEG_NO_CASH_FLOW');
    expect(errorCode(() => priceAtYield({ ...bond, balanceAtSettlement: 0 }, 0.1, 'nominal'))).toBe('LEG_NO_FACE');
    expect(errorCode(() => priceAtYield(bond, -1, 'nominal'))).toBe('YIELD_RANGE'); // −100% a period
    expect(errorCode(() => priceAtYield(bond, Number.POSITIVE_INFINITY, 'annualEffective'))).toBe('YIELD_RANGE');
    expect(errorCode(() => priceAtYield(bond, 0.1, 'mortgage' as YieldConvention))).toBe('UNKNOWN_YIELD_CONVENTION');
  });
});

describe('price ↔ yield properties', () => {
  const mortgage = levelPayLeg(250_000, 0.045, 120, '2025-03-10');

  it('price(yield(price)) = price for prices 20–200 in every convention', () => {
    checkProperty(
      property(double({ min: 20, max: 200, noNaN: true }), constantFrom(...YIELD_CONVENTIONS), (price, convention) => {
        const y = yieldAtPrice(mortgage, price, convention);
        expect(priceAtYield(mortgage, y, convention)).toBeCloseTo(price, 8);
      }),
    );
  });

  it('the yield falls as the price rises', () => {
    checkProperty(
      property(double({ min: 20, max: 200, noNaN: true }), double({ min: 0.01, max: 20, noNaN: true }), constantFrom(...YIELD_CONVENTIONS), (price, step, convention) => {
        expect(yieldAtPrice(mortgage, price + step, convention)).toBeLessThan(yieldAtPrice(mortgage, price, convention));
      }),
    );
  });
});

describe('convertYield', () => {
  it('6% mortgage yield = 6.0755% BEY = 6.1678% annual effective (1.005^12 − 1)', () => {
    expect(convertYield(0.06, 'nominal', 'bondEquivalent', 12)).toBeCloseTo(2 * (1.005 ** 6 - 1), 14);
    expect(convertYield(0.06, 'nominal', 'annualEffective', 12)).toBeCloseTo(1.005 ** 12 - 1, 14);
    expect(convertYield(1.005 ** 12 - 1, 'annualEffective', 'nominal', 12)).toBeCloseTo(0.06, 14);
    expect(convertYield(0.07, 'bondEquivalent', 'bondEquivalent', 4)).toBeCloseTo(0.07, 15);
  });

  it('round-trips between every pair of conventions', () => {
    checkProperty(
      property(double({ min: -0.5, max: 1, noNaN: true }), constantFrom(...YIELD_CONVENTIONS), constantFrom(...YIELD_CONVENTIONS), constantFrom(1, 2, 4, 12), (y, from, to, k) => {
        expect(convertYield(convertYield(y, from, to, k), to, from, k)).toBeCloseTo(y, 12);
      }),
    );
  });
});

describe('legCashFlows', () => {
  it('lists principal + interest by ISO date, leaving out periods that pay nothing', () => {
    const leg: CashFlowLeg = { ...bond, paymentDates: [{ year: 2022, month: 1, day: 1 }, '2023-01-01', '2024-01-01'], interest: [0, 10, 10], writeDown: [5, 0, 0] };
    expect(legCashFlows(leg)).toEqual([
      { date: '2023-01-01', amount: 10 },
      { date: '2024-01-01', amount: 110 },
    ]);
  });
});
