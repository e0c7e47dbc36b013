import { assert as checkProperty, double, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdrFromMdr, cprFromSmm, EngineError, mdrFromCdr, smmFromCpr } from '../../../engine/index.ts';

// Convention (SIFMA Standard Formulas §B, §C.2): monthly = 1 − (1 − annual)^(1/12), annual = 1 − (1 − monthly)^12.
describe('SMM ↔ CPR and MDR ↔ CDR', () => {
  it('6% CPR is an SMM of 0.00514301283182294…', () => {
    // By hand: ln 0.94 = −0.0618754037180875…, ÷ 12 = −0.0051562836431740…, exp → 0.9948569871681771…,
    // so SMM = 1 − 0.9948569871681771 = 0.0051430128318229464… (checked in 30-digit decimal arithmetic).
    expect(smmFromCpr(0.06)).toBeCloseTo(0.005143012831822946, 17);
    expect(cprFromSmm(0.005143012831822946)).toBeCloseTo(0.06, 15);
  });

  it('3% CDR is an MDR of 0.00253504861383671… (the same compounding as prepayment)', () => {
    // 1 − 0.97^(1/12) = 0.002535048613836719…
    expect(mdrFromCdr(0.03)).toBeCloseTo(0.002535048613836719, 17);
    expect(cdrFromMdr(mdrFromCdr(0.03))).toBeCloseTo(0.03, 15);
  });

  it('maps the ends: 0 → 0 and 100% → 100%', () => {
    expect(smmFromCpr(0)).toBe(0);
    expect(smmFromCpr(1)).toBe(1);
    expect(cprFromSmm(1)).toBe(1);
  });

  it('keeps precision for tiny rates: SMM ≈ CPR/12 when CPR → 0', () => {
    // 1 − (1 − c)^(1/12) = c/12 + (11/288)c² + …, so at c = 1e-12 the ratio to c/12 is 1 + 5e-13;
    // the naive 1 − 0.999999999999^(1/12) would be off by ~1e-4 relative (cancellation).
    expect(smmFromCpr(1e-12) / (1e-12 / 12)).toBeCloseTo(1, 12);
  });

  it('refuses rates written as percentages or out of range', () => {
    expect(() => smmFromCpr(6)).toThrow(EngineError);
    expect(() => smmFromCpr(-0.01)).toThrow(/between 0 and 1/);
    expect(() => cprFromSmm(Number.NaN)).toThrow(EngineError);
  });

  it('round-trips CPR → SMM → CPR within 1e-15 for every rate in [0, 1]', () => {
    checkProperty(
      property(double({ min: 0, max: 1, noNaN: true }), (cpr) => {
        expect(Math.abs(cprFromSmm(smmFromCpr(cpr)) - cpr)).toBeLessThanOrEqual(1e-15);
        expect(smmFromCpr(cpr)).toBeGreaterThanOrEqual(0);
        expect(smmFromCpr(cpr)).toBeLessThanOrEqual(cpr + 1e-300); // a month never exceeds the year
      }),
    );
  });
});
