import { describe, expect, it } from 'vitest';
import { defaultTimingSchedule, EngineError } from '../../../engine/index.ts';

const sum = (values: Float64Array): number => values.reduce((total, v) => total + v, 0);

// A cumulative default rate (decimal of the CUTOFF balance) spread by a timing curve in percent per
// period, each period's share split evenly over its months; amounts are fractions of the cutoff balance.
describe('default timing schedule', () => {
  it('spreads 8% over six annual periods [10, 20, 30, 20, 10, 10]', () => {
    const { monthlyDefaults, timingTotalPct, rescaled } = defaultTimingSchedule({
      cumulativeDefaultRate: 0.08,
      timingPct: [10, 20, 30, 20, 10, 10],
      monthsPerPeriod: 12,
    });
    expect(monthlyDefaults).toHaveLength(72);
    // Year 1: 8% × 10% / 12 = 0.0666…% a month; year 3: 8% × 30% / 12 = 0.2% a month.
    expect(monthlyDefaults[0]).toBeCloseTo((0.08 * 0.1) / 12, 17);
    expect(monthlyDefaults[11]).toBe(monthlyDefaults[0]);
    expect(monthlyDefaults[24]).toBeCloseTo(0.002, 17);
    expect(monthlyDefaults[71]).toBeCloseTo((0.08 * 0.1) / 12, 17);
    expect(sum(monthlyDefaults)).toBeCloseTo(0.08, 15);
    expect(timingTotalPct).toBe(100);
    expect(rescaled).toBe(false);
  });

  it('monthly timing: each share is one month (5% × 50%, × 30%, × 20%)', () => {
    const { monthlyDefaults } = defaultTimingSchedule({ cumulativeDefaultRate: 0.05, timingPct: [50, 30, 20], monthsPerPeriod: 1 });
    expect(monthlyDefaults).toHaveLength(3);
    expect(monthlyDefaults[0]).toBeCloseTo(0.025, 17);
    expect(monthlyDefaults[1]).toBeCloseTo(0.015, 17);
    expect(monthlyDefaults[2]).toBeCloseTo(0.01, 17);
  });

  it('normalises shares that do not add to 100 and reports it', () => {
    // [10, 20, 30] adds to 60: rescaled to 1/6, 2/6, 3/6 of the 6% total.
    const { monthlyDefaults, timingTotalPct, rescaled } = defaultTimingSchedule({
      cumulativeDefaultRate: 0.06,
      timingPct: [10, 20, 30],
      monthsPerPeriod: 1,
    });
    expect(rescaled).toBe(true);
    expect(timingTotalPct).toBe(60);
    expect(monthlyDefaults[0]).toBeCloseTo(0.01, 17);
    expect(monthlyDefaults[2]).toBeCloseTo(0.03, 17);
    expect(sum(monthlyDefaults)).toBeCloseTo(0.06, 16);
  });

  it('tolerates 1e-9 of rounding in the shares without calling them rescaled', () => {
    const third = 100 / 3;
    expect(defaultTimingSchedule({ cumulativeDefaultRate: 0.03, timingPct: [third, third, third], monthsPerPeriod: 1 }).rescaled).toBe(false);
    expect(defaultTimingSchedule({ cumulativeDefaultRate: 0.03, timingPct: [50, 50 + 2e-9], monthsPerPeriod: 1 }).rescaled).toBe(true);
  });

  it('sums to the total for any shares (property over a grid)', () => {
    for (const total of [0, 0.01, 0.15, 1]) {
      for (const shares of [[1], [3, 1, 4, 1, 5, 9, 2, 6], [0, 0, 100], [0.001, 99.999]]) {
        const { monthlyDefaults } = defaultTimingSchedule({ cumulativeDefaultRate: total, timingPct: shares, monthsPerPeriod: 3 });
        expect(sum(monthlyDefaults)).toBeCloseTo(total, 14);
      }
    }
  });

  it('refuses negative shares, an all-zero curve, a percent total and a zero-month period', () => {
    expect(() => defaultTimingSchedule({ cumulativeDefaultRate: 0.08, timingPct: [10, -5], monthsPerPeriod: 12 })).toThrow(/period 2 has share -5/);
    expect(() => defaultTimingSchedule({ cumulativeDefaultRate: 0.08, timingPct: [0, 0], monthsPerPeriod: 12 })).toThrow(/add up to 0/);
    expect(() => defaultTimingSchedule({ cumulativeDefaultRate: 0.08, timingPct: [], monthsPerPeriod: 12 })).toThrow(EngineError);
    expect(() => defaultTimingSchedule({ cumulativeDefaultRate: 8, timingPct: [100], monthsPerPeriod: 12 })).toThrow(/between 0 and 1/);
    expect(() => defaultTimingSchedule({ cumulativeDefaultRate: 0.08, timingPct: [100], monthsPerPeriod: 0 })).toThrow(/months/);
  });
});
