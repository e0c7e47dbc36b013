import { assert as checkProperty, constantFrom, double, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationsAtYield, macaulayDuration, modifiedDuration, priceAtYield, YIELD_CONVENTIONS, type CashFlowLeg } from '../../../engine/index.ts';
import { bulletLeg, errorCode, levelPayLeg } from './legs.ts';

// Macaulay = Σ t_k PV_k / Σ PV_k (years); modified = Macaulay / (1 + y/m), m = the quoted yield's
// compounding: payments a year ('nominal'), 2 ('bondEquivalent'), 1 ('annualEffective').

const bond = bulletLeg(100, 0.1, 3, 1); // 3-year 10% annual coupon, settles 2021-01-01, 365-day years

describe('Macaulay and modified duration', () => {
  it('3-year 10% annual bond at 10%: Macaulay 2.7355, modified 2.4869 (textbook)', () => {
    // PV of the flows at 10%: 10/1.1 = 9.0909091, 10/1.21 = 8.2644628, 110/1.331 = 82.6446281 (sum 100)
    // Macaulay = (1 × 9.0909091 + 2 × 8.2644628 + 3 × 82.6446281)/100 = 273.5537190/100 = 2.7355372
    // modified = 2.7355372 / 1.1 = 2.4868520
    for (const convention of ['nominal', 'annualEffective'] as const) {
      const d = durationsAtYield(bond, 0.1, convention);
      expect(d.pricePct).toBeCloseTo(100, 12);
      expect(d.macaulayYears).toBeCloseTo(2.73553719, 9);
      expect(d.modifiedYears).toBeCloseTo(2.486851991, 9);
    }
    expect(macaulayDuration(bond, 0.1, 'nominal')).toBeCloseTo(2.73553719, 9);
    expect(modifiedDuration(bond, 0.1, 'nominal')).toBeCloseTo(2.486851991, 9);
  });

  it("'bondEquivalent' divides by 1 + BEY/2", () => {
    // 10% annual effective = BEY 2(√1.1 − 1) = 0.0976176963; same discounting, so Macaulay is still
    // 2.7355372, and modified = 2.7355372 / √1.1 = 2.6082324.
    const bey = 2 * (Math.sqrt(1.1) - 1);
    const d = durationsAtYield(bond, bey, 'bondEquivalent');
    expect(d.macaulayYears).toBeCloseTo(2.73553719, 9);
    expect(d.modifiedYears).toBeCloseTo(2.73553719 / Math.sqrt(1.1), 9);
  });

  it('a zero-coupon bond has a Macaulay duration equal to its maturity', () => {
    const zero: CashFlowLeg = { ...bond, interest: [0, 0, 0] };
    expect(macaulayDuration(zero, 0.07, 'nominal')).toBeCloseTo(3, 14);
    expect(macaulayDuration(zero, 0.07, 'annualEffective')).toBeCloseTo(3, 14);
    expect(modifiedDuration(zero, 0.07, 'nominal')).toBeCloseTo(3 / 1.07, 14);
  });

  it('level-pay mortgage, 30-year 6% at a 6% mortgage yield: Macaulay 10.7770, modified 10.7234 years', () => {
    // Level payments discounted at their own rate: Macaulay (months) of an n-period annuity at i is
    //   (1 + i)/i − n/((1 + i)^n − 1) = 1.005/0.005 − 360/(6.0225752122629865 − 1)
    //                                 = 201 − 71.676378109985 = 129.323621890015 months = 10.7769684908 years
    // modified = 10.7769684908 / (1 + 0.06/12) = 10.7233517322
    const mortgage = levelPayLeg(100_000, 0.06, 360);
    const d = durationsAtYield(mortgage, 0.06, 'nominal');
    expect(d.macaulayYears).toBeCloseTo(10.7769684908, 9);
    expect(d.modifiedYears).toBeCloseTo(10.7233517322, 9);
  });

  it('modified duration is −(1/P) dP/dy in every convention (central difference)', () => {
    const mortgage = levelPayLeg(100_000, 0.055, 180, '2025-02-20');
    checkProperty(
      property(double({ min: -0.02, max: 0.3, noNaN: true }), constantFrom(...YIELD_CONVENTIONS), (y, convention) => {
        const h = 1e-5;
        const price = priceAtYield(mortgage, y, convention);
        const slope = (priceAtYield(mortgage, y + h, convention) - priceAtYield(mortgage, y - h, convention)) / (2 * h);
        expect(modifiedDuration(mortgage, y, convention)).toBeCloseTo(-slope / price, 5);
      }),
    );
  });

  it('needs cash to weigh', () => {
    const nothing: CashFlowLeg = { ...bond, principal: [0, 0, 0], interest: [0, 0, 0] };
    expect(errorCode(() => durationsAtYield(nothing, 0.1, 'nominal'))).toBe('LEG_NO_CASH_FLOW');
  });
});
