import { assert as checkProperty, double, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketRoot, findRoot } from '../../../engine/index.ts';
import { errorCode } from './legs.ts';

const noSignChange = (): unknown => findRoot((x) => x * x + 1, { lo: -1, hi: 1, maxExpansions: 20 });

// findRoot = bracket widening (Numerical Recipes §9.1 zbrac) then Brent's method (NR §9.3 zbrent).
describe('findRoot', () => {
  it('finds √2 as the root of x² − 2 on [0, 2] to the tolerance', () => {
    const root = findRoot((x) => x * x - 2, { lo: 0, hi: 2 });
    expect(root.x).toBeCloseTo(Math.SQRT2, 12);
    expect(Math.abs(root.fx)).toBeLessThan(1e-11);
    expect(root.evaluations).toBeLessThan(20); // superlinear: bisection alone would need ~41 halvings to 1e-12
  });

  it('widens the bracket upward and downward until the sign changes', () => {
    expect(findRoot((x) => x - 100, { lo: 0, hi: 1 }).x).toBeCloseTo(100, 10);
    expect(findRoot((x) => x + 50, { lo: 0, hi: 1 }).x).toBeCloseTo(-50, 10);
    // The widened bracket straddles the root: f(lo) < 0 < f(hi).
    const bracket = bracketRoot((x) => x - 100, { lo: 0, hi: 1 });
    expect(bracket.fLo).toBeLessThan(0);
    expect(bracket.fHi).toBeGreaterThan(0);
    expect(bracket.lo).toBeLessThanOrEqual(100);
    expect(bracket.hi).toBeGreaterThanOrEqual(100);
  });

  it('never widens past its limits', () => {
    // Root at −5, but the search may not go below −1 (as a rate may not reach −100%).
    expect(errorCode(() => findRoot((x) => x + 5, { lo: 0, hi: 1, min: -1, max: 10 }))).toBe('ROOT_NOT_BRACKETED');
    // A root inside the limits is found even when one end is pinned at its limit.
    expect(findRoot((x) => x - 7, { lo: 0, hi: 1, min: 0, max: 7.5 }).x).toBeCloseTo(7, 10);
  });

  it('returns an end of the bracket that is already a root', () => {
    expect(findRoot((x) => x, { lo: 0, hi: 1 }).x).toBe(0);
    expect(findRoot((x) => x - 1, { lo: 0, hi: 1 }).x).toBe(1);
  });

  it('converges through infinite values of f (sign known) by bisecting', () => {
    // f = −∞ left of 0.3, then x − 0.5: the root is 0.5.
    const root = findRoot((x) => (x < 0.3 ? -Infinity : x - 0.5), { lo: 0, hi: 1 });
    expect(root.x).toBeCloseTo(0.5, 12);
  });

  it('finds the step of a discontinuous sign change (bisection fallback)', () => {
    const root = findRoot((x) => (x < Math.PI ? -1 : 1), { lo: 0, hi: 10 });
    expect(root.x).toBeCloseTo(Math.PI, 11);
  });

  it('says why it fails: no sign change, NaN, a bad range, too few iterations', () => {
    expect(errorCode(noSignChange)).toBe('ROOT_NOT_BRACKETED');
    expect(noSignChange).toThrow(/No sign change/);
    expect(errorCode(() => findRoot((x) => Math.log(x), { lo: -2, hi: -1 }))).toBe('ROOT_NOT_FINITE');
    expect(errorCode(() => findRoot((x) => x, { lo: 1, hi: 1 }))).toBe('ROOT_SEARCH_RANGE');
    expect(errorCode(() => findRoot((x) => x, { lo: Number.NaN, hi: 1 }))).toBe('ROOT_SEARCH_RANGE');
    expect(errorCode(() => findRoot((x) => x, { lo: -1, hi: 1, min: 0 }))).toBe('ROOT_SEARCH_RANGE');
    expect(errorCode(() => findRoot((x) => x, { lo: -1, hi: 1, tolerance: 0 }))).toBe('ROOT_SEARCH_RANGE');
    expect(errorCode(() => findRoot((x) => x ** 3 - 0.123, { lo: -10, hi: 10, maxIterations: 2 }))).toBe('ROOT_NOT_CONVERGED');
  });

  it('finds the real root r of (x − r)(x² + 1) from [0, 1] for any r in [−1000, 1000]', () => {
    checkProperty(
      property(double({ min: -1000, max: 1000, noNaN: true }), (r) => {
        const root = findRoot((x) => (x - r) * (x * x + 1), { lo: 0, hi: 1 });
        expect(Math.abs(root.x - r)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r)));
      }),
    );
  });
});
