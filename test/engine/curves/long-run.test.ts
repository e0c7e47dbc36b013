import { describe, expect, it } from 'vitest';
import { buildTransitionMatrix, longRunDelinquency, stationaryDistribution } from '../../../engine/index.ts';

// The implied long-run delinquency of a roll-rate matrix: the stationary distribution π (π P = π,
// Σ π = 1) of the monthly chain with every charge-off replaced by a new current loan.

describe('stationaryDistribution', () => {
  it('a 2×2 chain: π = (b, a) / (a + b)', () => {
    // P = [[1 − a, a], [b, 1 − b]] with a = 0.1 (current → late), b = 0.4 (late → current):
    // balance of flows π₀ a = π₁ b gives π = (0.4, 0.1) / 0.5 = (0.8, 0.2).
    const pi = stationaryDistribution(Float64Array.from([0.9, 0.1, 0.4, 0.6]), 2);
    expect(pi[0]).toBeCloseTo(0.8, 14);
    expect(pi[1]).toBeCloseTo(0.2, 14);
  });

  it('a 3×3 chain current → 1–30 → 31–60, charge-offs back to current, by hand', () => {
    // P = [[0.9, 0.1, 0], [0.5, 0.3, 0.2], [1, 0, 0]] (31–60 is charged off and replaced by a current loan).
    // π₁ = 0.1 π₀ + 0.3 π₁ → π₁ = π₀ / 7; π₂ = 0.2 π₁ = π₀ / 35; Σ = π₀ (35 + 5 + 1) / 35 = 1
    // → π = (35, 5, 1) / 41; share 1+ DPD = 6/41 = 0.1463414634…
    const pi = stationaryDistribution(Float64Array.from([0.9, 0.1, 0, 0.5, 0.3, 0.2, 1, 0, 0]), 3);
    expect(Array.from(pi).map((x) => x * 41)).toEqual([expect.closeTo(35, 12), expect.closeTo(5, 12), expect.closeTo(1, 12)]);
  });

  it('refuses a chain without a unique long-run distribution, and a wrong size', () => {
    expect(() => stationaryDistribution(Float64Array.from([1, 0, 0, 1]), 2)).toThrow(/no unique long-run distribution/);
    expect(() => stationaryDistribution(new Float64Array(5), 2)).toThrow(/5 entries, not 2 × 2/);
  });
});

describe('longRunDelinquency', () => {
  it('replaces charge-offs by new current loans: a 90-day-style chain charging off from 1–30', () => {
    // current → 1–30: 10%; from 1–30: cure 50%, charge-off 20% (chargeOffAt dpd1_30), 30% stays.
    // With the charge-off replaced by a new current loan, 1–30 → current is 70%:
    // π(1–30) = 0.1 / (0.1 + 0.7) = 0.125.
    const m = buildTransitionMatrix({ rollForward: { current: 0.1, dpd1_30: 0.2 }, cure: { dpd1_30: 0.5 }, chargeOffAt: 'dpd1_30' });
    const { delinquentShare, distribution } = longRunDelinquency(m);
    expect(delinquentShare).toBeCloseTo(0.125, 14);
    expect(distribution).toHaveLength(7);
    expect(distribution[2]).toBe(0); // 31–60 is never reached
  });
});
