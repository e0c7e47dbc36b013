import { describe, expect, it } from 'vitest';
import { EngineError, monthlyRates, rateAt, rateVector, scaleRateVector, smmFromCpr } from '../../../engine/index.ts';

// A RateVector holds decimals; element i is period i + 1 ('period') or loan age i + 1 ('age'); the last
// value is held flat. Projection month t of loans aged a at cutoff reads period t, or age a + t.
describe('rate vectors', () => {
  const ramp = rateVector([0.01, 0.02, 0.03], 'annual', 'period');

  it('reads by projection month and holds the last value flat', () => {
    expect(rateAt(ramp, 1)).toBe(0.01);
    expect(rateAt(ramp, 3)).toBe(0.03);
    expect(rateAt(ramp, 4)).toBe(0.03);
    expect(rateAt(ramp, 100, 50)).toBe(0.03); // period basis ignores the age
  });

  it('reads by loan age a + t when the basis is age', () => {
    const byAge = rateVector([0.01, 0.02, 0.03, 0.04], 'annual', 'age');
    // Loans aged 2 at cutoff: month 1 is age 3 → 3%, month 2 is age 4 → 4%, then flat.
    expect(rateAt(byAge, 1, 2)).toBe(0.03);
    expect(rateAt(byAge, 2, 2)).toBe(0.04);
    expect(rateAt(byAge, 3, 2)).toBe(0.04);
    // A new loan (age 0 at cutoff): month 1 is age 1.
    expect(rateAt(byAge, 1, 0)).toBe(0.01);
  });

  it('converts annual rates to monthly with SMM = 1 − (1 − CPR)^(1/12); monthly rates pass through', () => {
    const smm = monthlyRates(ramp, 4);
    expect([...smm]).toEqual([smmFromCpr(0.01), smmFromCpr(0.02), smmFromCpr(0.03), smmFromCpr(0.03)]);
    const monthly = rateVector([0.005], 'monthly', 'period');
    expect([...monthlyRates(monthly, 3)]).toEqual([0.005, 0.005, 0.005]);
  });

  it('shifts an age vector by the cutoff age', () => {
    const byAge = rateVector([0.01, 0.02, 0.03, 0.04], 'monthly', 'age');
    expect([...monthlyRates(byAge, 3, 1)]).toEqual([0.02, 0.03, 0.04]);
    expect(monthlyRates(byAge, 0).length).toBe(0);
  });

  it('scales every rate by a multiplier, capped at 100%', () => {
    const scaled = scaleRateVector(rateVector([0.06, 0.8], 'annual', 'period'), 1.5);
    expect(scaled.rates[0]).toBeCloseTo(0.09, 15); // 150% × 6% CPR
    expect(scaled.rates[1]).toBe(1); // 150% × 80% = 120% → 100%
    expect(scaled.basis).toBe('period');
  });

  it('refuses empty vectors, percentages, negative multipliers and month 0', () => {
    expect(() => rateVector([], 'annual', 'period')).toThrow(/at least one rate/);
    expect(() => rateVector([6], 'annual', 'period')).toThrow(EngineError);
    expect(() => scaleRateVector(ramp, -1)).toThrow(/multiplier/);
    expect(() => rateAt(ramp, 0)).toThrow(EngineError);
  });
});
