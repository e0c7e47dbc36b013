import { describe, expect, it } from 'vitest';
import {
  checkRatingTable,
  defaultRateAt,
  EngineError,
  histogram,
  impliedRating,
  inverseNormalCdf,
  lognormalTrancheLoss,
  normalCdf,
  pathsForRelativeError,
  pathStream,
  percentile,
  splitMix64,
  standardError,
  xoshiro128ss,
} from '../../../engine/index.ts';

describe('random numbers', () => {
  it('SplitMix64 reproduces the reference (prng.di.unimi.it/splitmix64.c) from state 0', () => {
    const next = splitMix64(0n);
    expect([next(), next(), next()]).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn]);
  });

  it('xoshiro128** reproduces the reference (prng.di.unimi.it/xoshiro128starstar.c) from state {1, 2, 3, 4}', () => {
    const next = xoshiro128ss([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, next)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it("a path's stream depends only on the seed and the path index, and stays in (0, 1)", () => {
    const a = pathStream(7, 123);
    const first = [a(), a(), a()];
    const b = pathStream(7, 123);
    expect([b(), b(), b()]).toEqual(first);
    expect(pathStream(7, 124)()).not.toBe(first[0]);
    expect(pathStream(8, 123)()).not.toBe(first[0]);
    const many = Array.from({ length: 20_000 }, (_, i) => pathStream(1, i)());
    expect(Math.min(...many)).toBeGreaterThan(0);
    expect(Math.max(...many)).toBeLessThan(1);
    // Uniform: mean 1/2 within 4 standard errors (1/√12 ÷ √20000 ≈ 0.002).
    expect(Math.abs(many.reduce((s, u) => s + u, 0) / many.length - 0.5)).toBeLessThan(4 * 0.00204);
  });
});

describe('the normal distribution', () => {
  it('Φ and Φ⁻¹ match standard normal table values to 1e-14', () => {
    // Table values: Φ(1.96) = 0.97500210485178, Φ(−1) = 0.15865525393146, Φ⁻¹(0.975) = 1.95996398454005,
    // Φ⁻¹(1e-10) = −6.36134090240406 (Abramowitz & Stegun 26.2; Wichura 1988 table 1).
    expect(normalCdf(1.96)).toBeCloseTo(0.97500210485178, 13);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393146, 13);
    expect(normalCdf(0)).toBe(0.5);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.95996398454005, 13);
    expect(inverseNormalCdf(1e-10)).toBeCloseTo(-6.36134090240406, 12);
    expect(inverseNormalCdf(0.5)).toBe(0);
    for (const p of [1e-6, 0.01, 0.3, 0.7, 0.99]) expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 14);
  });
});

describe('default-rate draws', () => {
  it('lognormal: the median draw is mean / √(1 + cv²); cv = 0 gives the mean at every u', () => {
    // mean 4%, cv 0.5: σ² = ln 1.25, median e^μ = 0.04 / √1.25 = 0.0357770876.
    expect(defaultRateAt({ kind: 'lognormal', mean: 0.04, cv: 0.5 }, 0.5)).toBeCloseTo(0.04 / Math.sqrt(1.25), 15);
    for (const u of [1e-9, 0.3, 0.999]) expect(defaultRateAt({ kind: 'lognormal', mean: 0.04, cv: 0 }, u)).toBe(0.04);
  });

  it('Vasicek: at the median factor DR = Φ(Φ⁻¹(pd)/√(1 − ρ)); ρ = 0 gives pd', () => {
    // pd 4%, ρ 0.1: Φ⁻¹(0.04) = −1.75068607125217, ÷ √0.9 = −1.84538…, Φ of it = 0.0324907658143707.
    expect(defaultRateAt({ kind: 'vasicek', pd: 0.04, rho: 0.1 }, 0.5)).toBeCloseTo(0.0324907658143707, 13);
    expect(defaultRateAt({ kind: 'vasicek', pd: 0.04, rho: 0 }, 0.9)).toBeCloseTo(0.04, 14);
  });

  it('the mean of many draws is the distribution mean', () => {
    const n = 40_000;
    for (const distribution of [{ kind: 'lognormal', mean: 0.04, cv: 0.5 } as const, { kind: 'vasicek', pd: 0.04, rho: 0.1 } as const]) {
      const draws = Array.from({ length: n }, (_, i) => defaultRateAt(distribution, pathStream(3, i)()));
      const m = draws.reduce((s, x) => s + x, 0) / n;
      expect(Math.abs(m - 0.04)).toBeLessThan(4 * standardError(draws));
    }
  });
});

describe('the closed-form lognormal tranche loss', () => {
  it('agrees with a numerical integral of min((L − a)⁺, d − a)/(d − a) over the lognormal density', () => {
    const meanLoss = 0.05;
    const cv = 0.6;
    const sigma = Math.sqrt(Math.log(1 + cv * cv));
    const mu = Math.log(meanLoss) - (sigma * sigma) / 2;
    // Midpoint rule over z ∈ [−10, 10] in 200,000 steps, L = e^(μ + σz), weight φ(z) dz.
    const integral = (a: number, d: number): number => {
      const steps = 200_000;
      const dz = 20 / steps;
      let sum = 0;
      for (let k = 0; k < steps; k++) {
        const z = -10 + (k + 0.5) * dz;
        const loss = Math.exp(mu + sigma * z);
        sum += (Math.min(Math.max(loss - a, 0), d - a) / (d - a)) * Math.exp(-0.5 * z * z) * dz;
      }
      return sum / Math.sqrt(2 * Math.PI);
    };
    for (const [a, d] of [
      [0, 0.1],
      [0.1, 1],
      [0.03, 0.08],
    ] as const) {
      expect(lognormalTrancheLoss(meanLoss, cv, a, d)).toBeCloseTo(integral(a, d), 9);
    }
    // The whole capital structure [0, 1] loses the mean loss less E[(L − 1)⁺] (here 7e-10).
    expect(lognormalTrancheLoss(meanLoss, cv, 0, 1)).toBeCloseTo(meanLoss, 8);
  });
});

describe('statistics', () => {
  it('standard error, type-7 percentiles, histogram and paths for a 1% error', () => {
    // [1, 2, 3, 4]: mean 2.5, s² = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3, SE = √(5/3 ÷ 4).
    expect(standardError([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 12), 15);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 14); // h = 3 × 0.9 = 2.7: 3 + 0.7 × 1
    expect(histogram([0, 0.01, 0.019, 0.04], 4, 0.01).map((b) => b.paths)).toEqual([1, 2, 0, 1]);
    // s = √(5/3) = 1.291, 1% of the mean 2.5 = 0.025: N = ⌈(1.291/0.025)²⌉ = ⌈2666.67⌉ = 2667.
    expect(pathsForRelativeError([1, 2, 3, 4], 0.01)).toBe(2667);
  });

  it('implied rating: the best rating whose expected-loss limit is met; a bad table is refused', () => {
    const table = [
      { rating: 'AAA', maxExpectedLoss: 0.0001 },
      { rating: 'AA', maxExpectedLoss: 0.001 },
      { rating: 'A', maxExpectedLoss: 0.005 },
    ];
    expect(impliedRating(0, table)).toBe('AAA');
    expect(impliedRating(0.0005, table)).toBe('AA');
    expect(impliedRating(0.02, table)).toBeNull();
    expect(() => checkRatingTable([table[1]!, table[0]!])).toThrow(EngineError);
  });
});
