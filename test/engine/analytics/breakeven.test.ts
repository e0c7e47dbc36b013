import { describe, expect, it } from 'vitest';
import { EngineError, largestPassingStress } from '../../../engine/index.ts';

/** A predicate that passes up to `edge` and records every stress it is asked about. */
function edgeAt(edge: number): { passes: (x: number) => boolean; tried: number[] } {
  const tried: number[] = [];
  return { tried, passes: (x) => (tried.push(x), x <= edge) };
}

describe('largestPassingStress', () => {
  it('brackets by doubling, then bisects to the tolerance, keeping the passing end', () => {
    const { passes, tried } = edgeAt(3.7);
    const bound = largestPassingStress(passes, { start: 1, max: 1000, tolerance: 0.01 });
    expect(bound.status).toBe('found');
    if (bound.status !== 'found') return;
    // 0, 1, 2 pass and 4 fails, so the bracket is [2, 4]; bisection halves its width of 2 until
    // it is ≤ 0.01: 2 / 2^8 = 0.0078, eight more trials.
    expect(tried.slice(0, 4)).toEqual([0, 1, 2, 4]);
    expect(tried).toHaveLength(4 + 8);
    expect(bound.stress).toBeLessThanOrEqual(3.7);
    expect(bound.failsAt).toBeGreaterThan(3.7);
    expect(bound.failsAt - bound.stress).toBeLessThanOrEqual(0.01);
    expect(bound.stress).toBe(3.6953125); // 2 + 2 × (1/2 + 1/4 + 1/8 + 1/16 + 1/128 + 1/256), by hand
  });

  it('takes a relative tolerance as a share of the upper end', () => {
    const bound = largestPassingStress(edgeAt(500).passes, { start: 1, max: 1000, tolerance: 0.001, relative: true });
    expect(bound.status).toBe('found');
    if (bound.status !== 'found') return;
    expect(bound.failsAt - bound.stress).toBeLessThanOrEqual(0.001 * bound.failsAt);
    expect(bound.stress).toBeLessThanOrEqual(500);
    expect(bound.stress).toBeGreaterThan(500 * (1 - 0.002));
  });

  it('says when nothing passes, and when even the maximum passes', () => {
    expect(largestPassingStress(() => false, { start: 1, max: 10, tolerance: 0.1 })).toEqual({ status: 'failsWithoutStress', stress: 0 });
    const { passes, tried } = edgeAt(Infinity);
    expect(largestPassingStress(passes, { start: 1, max: 10, tolerance: 0.1 })).toEqual({ status: 'beyondRange', stress: 10 });
    expect(tried).toEqual([0, 1, 2, 4, 8, 10]); // the last doubling is capped at the maximum
  });

  it('refuses a search it cannot run', () => {
    expect(() => largestPassingStress(() => true, { start: 0, max: 10, tolerance: 0.1 })).toThrow(EngineError);
    expect(() => largestPassingStress(() => true, { start: 1, max: 0.5, tolerance: 0.1 })).toThrow(EngineError);
    expect(() => largestPassingStress(() => true, { start: 1, max: 10, tolerance: 0 })).toThrow(EngineError);
  });
});
