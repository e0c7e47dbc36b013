import { describe, expect, it } from 'vitest';
import { developmentFactors, fitStaticPool, vintageUltimates, type VintageHistory } from '../../../engine/index.ts';

// A 3×3 triangle worked by hand. Cumulative default rates (% of original balance):
//   vintage A (balance 100): 1.0  2.0  2.5
//   vintage B (balance 200): 1.2  2.6
//   vintage C (balance 100): 0.8
// Volume-weighted age-to-age factors (Friedland 2010, ch. 7):
//   f1 = (100·2.0 + 200·2.6) / (100·1.0 + 200·1.2) = 720 / 340 = 36/17 = 2.1176470588…
//   f2 = (100·2.5) / (100·2.0) = 1.25
// To ultimate: CDF3 = 1, CDF2 = 1.25, CDF1 = 36/17 · 1.25 = 45/17; shares developed
//   S1 = 17/45 = 0.3777…, S2 = 0.8, S3 = 1 → timing 37.777…%, 42.222…%, 20%.
// Lifetime: A observed 2.5%; B 2.6 · 1.25 = 3.25%; C 0.8 · 45/17 = 36/17 = 2.1176470588…%.
// Balance-weighted: (100·2.5 + 200·3.25 + 100·36/17) / 400 = (900 + 3600/17) / 400 = 2.7794117647…%.
// Fit error of A: fitted 2.5·S = 0.9444…, 2.0, 2.5 vs 1.0, 2.0, 2.5 → errors −1/18, 0, 0 →
//   RMSE = (1/18)/√3 = 0.0320750… pp.
const pct = (x: number): number => x / 100;
const vintage = (name: string, balance: number, cumulativeDefault: number[]): VintageHistory => ({
  vintage: name,
  originalBalance: balance,
  cumulativeDefault: cumulativeDefault.map(pct),
  cumulativePrepayment: [],
  delinquency: { dpd1_30: [], dpd31_60: [], dpd61_90: [] },
});
const TRIANGLE = [vintage('2024-01', 100, [1.0, 2.0, 2.5]), vintage('2024-02', 200, [1.2, 2.6]), vintage('2024-03', 100, [0.8])];

describe('chain ladder on a 3×3 triangle worked by hand', () => {
  it('gives the volume-weighted age-to-age factors and shares developed', () => {
    const development = developmentFactors(TRIANGLE.map((v) => ({ weight: v.originalBalance, values: v.cumulativeDefault })));
    expect(development.months).toBe(3);
    expect(development.ageToAge[0]).toBeCloseTo(36 / 17, 12);
    expect(development.ageToAge[1]).toBeCloseTo(1.25, 12);
    expect(development.developed[0]).toBeCloseTo(17 / 45, 12);
    expect(development.developed[1]).toBeCloseTo(0.8, 12);
    expect(development.developed[2]).toBe(1);
  });

  it('projects each vintage to its lifetime and weights them by balance', () => {
    const fit = fitStaticPool(TRIANGLE);
    expect(fit.vintages.map((v) => v.method)).toEqual(['observed', 'chainLadder', 'chainLadder']);
    expect(fit.vintages[0]?.lifetimeDefault).toBeCloseTo(0.025, 14);
    expect(fit.vintages[1]?.lifetimeDefault).toBeCloseTo(0.0325, 14);
    expect(fit.vintages[2]?.lifetimeDefault).toBeCloseTo(36 / 17 / 100, 14);
    expect(fit.lifetimeDefault).toBeCloseTo((900 + 3600 / 17) / 400 / 100, 14);
    expect(fit.timingPct[0]).toBeCloseTo((17 / 45) * 100, 10);
    expect(fit.timingPct[1]).toBeCloseTo(80 - (17 / 45) * 100, 10);
    expect(fit.timingPct[2]).toBeCloseTo(20, 10);
    expect(fit.vintages[0]?.defaultRmse).toBeCloseTo(1 / 18 / Math.sqrt(3) / 100, 14);
    // B and C are fitted exactly at their last month and C has one month: RMSE 0 for C;
    // B: fitted 3.25·0.37777… = 1.22777… vs 1.2 → error 0.02777…, then 0 → (0.02777…)/√2.
    expect(fit.vintages[1]?.defaultRmse).toBeCloseTo((3.25 * (17 / 45) - 1.2) / Math.sqrt(2) / 100, 14);
    expect(fit.vintages[2]?.defaultRmse).toBe(0);
  });

  it('uses Bornhuetter–Ferguson below the developed-share threshold', () => {
    // With a threshold of 0.5, C (S1 = 17/45 < 0.5) takes C + (1 − S1)·prior, the prior being the
    // balance-weighted lifetime of A and B: (100·2.5 + 200·3.25) / 300 = 3.0%.
    // 0.8 + (28/45)·3.0 = 0.8 + 1.8666… = 2.6666…%.
    const rows = TRIANGLE.map((v) => ({ weight: v.originalBalance, values: v.cumulativeDefault }));
    const ultimates = vintageUltimates(rows, developmentFactors(rows), 0.5);
    expect(ultimates[2]?.method).toBe('bornhuetterFerguson');
    expect(ultimates[2]?.ultimate).toBeCloseTo((0.8 + (28 / 45) * 3) / 100, 14);
  });

  it('takes a vintage with no default yet (nothing developed) by Bornhuetter–Ferguson', () => {
    const fit = fitStaticPool([vintage('2024-01', 100, [0, 1, 2]), vintage('2024-02', 100, [0, 1.5]), vintage('2024-03', 100, [0])]);
    // f1 is undefined (no default at month 1 anywhere): S1 = 0, so C = 0 + 1·prior.
    expect(fit.ageToAge[0]).toBeNull();
    expect(fit.vintages[2]?.method).toBe('bornhuetterFerguson');
    // f2 = 200/100... A: 1→2 only (B has no month 3): f2 = 2; B lifetime 1.5·2 = 3; prior (2 + 3)/2 = 2.5%.
    expect(fit.vintages[2]?.lifetimeDefault).toBeCloseTo(0.025, 14);
  });
});
