import { describe, expect, it } from 'vitest';
import { absFromSmm, absSmm, EngineError } from '../../../engine/index.ts';

// ABS speed = prepayments per month as a share of the ORIGINAL number of loans.
// Fabozzi: SMM_t = ABS / (1 − ABS × (t − 1)), t = loan age in months.
describe('ABS prepayment speed', () => {
  it('at age 1 the SMM equals the ABS speed: 1.5 ABS → 1.5% SMM', () => {
    expect(absSmm(0.015, 1)).toBe(0.015); // 0.015 / (1 − 0.015 × 0)
  });

  it('at age 12, 1.5 ABS is an SMM of 0.0179640718…', () => {
    // 0.015 / (1 − 0.015 × 11) = 0.015 / 0.835 = 0.017964071856287425…
    expect(absSmm(0.015, 12)).toBeCloseTo(0.017964071856287425, 17);
  });

  it('matches the textbook example: 1.5 ABS five months out is an SMM of 1.60%', () => {
    // 0.015 / (1 − 0.015 × 4) = 0.015 / 0.94 = 0.0159574…
    expect(absSmm(0.015, 5)).toBeCloseTo(0.0159574468, 10);
  });

  it('is 1 once every original loan has prepaid (denominator ≤ 0), and never above 1', () => {
    // 10 ABS: 1 − 0.1 × (t − 1) = 0 at t = 11 — all ten tenths gone.
    expect(absSmm(0.1, 11)).toBe(1);
    expect(absSmm(0.1, 40)).toBe(1);
    // t = 10: 0.1 / (1 − 0.9) = 1 (within rounding), capped to exactly 1.
    expect(absSmm(0.1, 10)).toBeLessThanOrEqual(1);
    expect(absSmm(0.1, 10)).toBeCloseTo(1, 12);
  });

  it('absFromSmm inverts it', () => {
    expect(absFromSmm(absSmm(0.015, 12), 12)).toBeCloseTo(0.015, 16);
  });

  it('needs age ≥ 1 and an ABS speed written as a decimal', () => {
    expect(() => absSmm(0.015, 0)).toThrow(EngineError);
    expect(() => absSmm(1.5, 3)).toThrow(/between 0 and 1/);
  });
});
