import { describe, expect, it } from 'vitest';
import { EngineError, psaCpr, psaSmm, smmFromCpr } from '../../../engine/index.ts';

// 100 PSA (SIFMA SF-5): CPR = 0.2% × age up to 6% at age 30, 6% after; s PSA multiplies the CPR.
// Age convention: the loan's age in the projected month (month t of a loan aged a at cutoff is a + t).
describe('PSA benchmark', () => {
  it('100 PSA at ages 1, 15, 30, 31 and 360: 0.2%, 3%, 6%, 6%, 6%', () => {
    expect(psaCpr(1, 100)).toBe(0.002); // 0.2% × 1
    expect(psaCpr(15, 100)).toBe(0.03); // 0.2% × 15
    expect(psaCpr(30, 100)).toBe(0.06); // 0.2% × 30
    expect(psaCpr(31, 100)).toBe(0.06); // flat after 30
    expect(psaCpr(360, 100)).toBe(0.06);
  });

  it('150 PSA at age 20 is 6% CPR (1.5 × 0.2% × 20)', () => {
    expect(psaCpr(20, 150)).toBeCloseTo(0.06, 15);
    expect(psaCpr(40, 150)).toBeCloseTo(0.09, 15); // 1.5 × 6%
  });

  it('age 0 (before the first month) prepays nothing; 0 PSA is no prepayment', () => {
    expect(psaCpr(0, 100)).toBe(0);
    expect(psaCpr(25, 0)).toBe(0);
  });

  it('caps at 100% CPR (2000 PSA at age 30 would be 120%)', () => {
    expect(psaCpr(30, 2000)).toBe(1);
  });

  it('psaSmm converts with SMM = 1 − (1 − CPR)^(1/12): 100 PSA at 30 is 0.0051430128…', () => {
    expect(psaSmm(30, 100)).toBe(smmFromCpr(0.06));
    expect(psaSmm(30, 100)).toBeCloseTo(0.005143012831822946, 17);
  });

  it('refuses fractional or negative ages and negative speeds', () => {
    expect(() => psaCpr(1.5, 100)).toThrow(EngineError);
    expect(() => psaCpr(-1, 100)).toThrow(/Loan age/);
    expect(() => psaCpr(10, -50)).toThrow(/speed/);
  });
});
