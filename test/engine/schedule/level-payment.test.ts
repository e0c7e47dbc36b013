import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { levelPayment, monthlyRate } from '../../../engine/index.ts';

// Annuity installment A = P·r / (1 − (1 + r)^−n), r = APR / 12 (30/360); A = P / n at r = 0.
describe('levelPayment', () => {
  it('¥12,000 at 18% APR over 12 months pays ¥1,100.16 a month (r = 0.015)', () => {
    // 1.015^12 = 1.195618171461534…, so (1.015)^−12 = 0.836387421895396…
    // A = 12,000 × 0.015 / (1 − 0.836387421895396) = 180 / 0.163612578104604 = 1,100.159914874…
    const payment = levelPayment(12_000, monthlyRate(0.18), 12);
    expect(monthlyRate(0.18)).toBe(0.015);
    expect(payment).toBeCloseTo(1_100.159_914_874_75, 8);
    expect(Math.round(payment * 100) / 100).toBe(1_100.16);
  });

  it('pays P / n at a zero rate', () => {
    expect(levelPayment(12_000, 0, 12)).toBe(1_000);
  });

  it('agrees with a 400-digit decimal evaluation to 1e-12, down to vanishing rates where 1 − (1 + r)^−n cancels', () => {
    const D = Decimal.clone({ precision: 400 }); // enough digits to resolve 1 + 5e-324
    const exact = (P: number, r: number, n: number): number =>
      r === 0
        ? P / n
        : new D(P)
            .times(r)
            .div(new D(1).minus(new D(1).plus(r).pow(-n)))
            .toNumber();
    for (const r of [0, 5e-324, 1e-17, 1e-9, 1e-6, 9.99e-4, 1e-3, 0.08125 / 12, 0.015, 0.03]) {
      for (const n of [2, 12, 36, 357, 600]) {
        const expected = exact(1_200, r, n);
        expect(Math.abs(levelPayment(1_200, r, n) - expected) / expected, `r = ${r}, n = ${n}`).toBeLessThan(1e-12);
      }
    }
  });

  it('in the last month pays the balance plus one month of interest', () => {
    // n = 1: A = P·r / (1 − 1/(1 + r)) = P·(1 + r)
    expect(levelPayment(1_000, 0.01, 1)).toBeCloseTo(1_010, 10);
    expect(levelPayment(1_000, 0, 1)).toBe(1_000);
  });

  it("gives Fabozzi's $400 million, 8.125%, 357-month pool its first mortgage payment of $2,975,868", () => {
    // Published first row of the 100 PSA exhibit (see test/engine/passthrough.test.ts).
    expect(Math.round(levelPayment(400_000_000, 0.08125 / 12, 357))).toBe(2_975_868);
  });

  it('repays the balance exactly: the present value of n installments at r is P', () => {
    const P = 250_000;
    const r = 0.065 / 12;
    const n = 360;
    const A = levelPayment(P, r, n);
    let pv = 0;
    for (let k = 1; k <= n; k++) pv += A / (1 + r) ** k;
    expect(pv).toBeCloseTo(P, 6);
  });
});
