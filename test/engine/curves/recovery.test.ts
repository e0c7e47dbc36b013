import { describe, expect, it } from 'vitest';
import { EngineError, lossSeverityFromRecoveryRate, recoveryRateFromSeverity, recoverySchedule } from '../../../engine/index.ts';

// A default D in month t recovers recoveryRate × D in month t + lag; what falls past the horizon is
// returned in afterHorizon (month N + 1 + j at index j), not dropped.
describe('recovery schedule', () => {
  const defaults = Float64Array.from([100, 200, 0, 400, 50]);

  it('lag 6 beyond a 5-month horizon: everything recovers after it, none is dropped', () => {
    const { recoveries, afterHorizon, afterHorizonTotal } = recoverySchedule(defaults, 0.4, 6);
    expect([...recoveries]).toEqual([0, 0, 0, 0, 0]);
    // Month 1's default recovers in month 7 = N + 2 → index 1; month 5's in month 11 → index 5.
    expect([...afterHorizon]).toEqual([0, 40, 80, 0, 160, 20]);
    expect(afterHorizonTotal).toBe(300); // 40% × 750
  });

  it('lag 2: month t recovers in t + 2; the last two months spill past the horizon', () => {
    const { recoveries, afterHorizon, afterHorizonTotal } = recoverySchedule(defaults, 0.5, 2);
    expect([...recoveries]).toEqual([0, 0, 50, 100, 0]);
    expect([...afterHorizon]).toEqual([200, 25]); // months 6 and 7
    expect(afterHorizonTotal).toBe(225);
    // Nothing is lost: in-horizon plus after-horizon = 50% of all defaults.
    expect(recoveries.reduce((a, b) => a + b, 0) + afterHorizonTotal).toBe(0.5 * 750);
  });

  it('lag 0 recovers in the month of default', () => {
    const { recoveries, afterHorizon } = recoverySchedule(defaults, 0.25, 0);
    expect([...recoveries]).toEqual([25, 50, 0, 100, 12.5]);
    expect(afterHorizon).toHaveLength(0);
  });

  it('converts loss severity and recovery rate: severity = 1 − recovery', () => {
    expect(recoveryRateFromSeverity(0.35)).toBe(0.65);
    expect(lossSeverityFromRecoveryRate(0.65)).toBeCloseTo(0.35, 16);
  });

  it('refuses a recovery rate in percent, a fractional lag and negative defaults', () => {
    expect(() => recoverySchedule(defaults, 40, 6)).toThrow(/between 0 and 1/);
    expect(() => recoverySchedule(defaults, 0.4, 1.5)).toThrow(EngineError);
    expect(() => recoverySchedule(Float64Array.from([1, -2]), 0.4, 1)).toThrow(/month 2 is -2/);
  });
});
