import { assert } from '../errors.ts';

/** Where to look for the largest passing stress, and how close to get. */
export interface StressSearch {
  /** The first upper end tried (> 0); it doubles until a stress fails. */
  readonly start: number;
  /** The largest stress searched (≥ start): passing there reports 'beyondRange'. */
  readonly max: number;
  /** Bisection stops once hi − lo ≤ tolerance, or with `relative`, ≤ tolerance × max(hi, tolerance). */
  readonly tolerance: number;
  readonly relative?: boolean;
}

export type StressBound =
  /** The stress 0 already fails: nothing passes. */
  | { readonly status: 'failsWithoutStress'; readonly stress: 0 }
  /** Even `max` passes. */
  | { readonly status: 'beyondRange'; readonly stress: number }
  /** `stress` passes and `failsAt` fails, within the tolerance of each other. */
  | { readonly status: 'found'; readonly stress: number; readonly failsAt: number };

/**
 * The largest stress at which a monotone pass/fail predicate still passes (a breakeven: the default
 * multiplier or CDR at which a note first loses). 0 must pass; the bracket [0, start] grows by
 * doubling its upper end (capped at `max`) until a stress fails, then bisects, keeping the last
 * passing stress as lo and the first failing one as hi, until hi − lo is within the tolerance. The
 * answer is lo, so the stress reported always passes. `passes` must be monotone (passing at x implies
 * passing below x); it is called once per stress tried, in a fixed order, so results are deterministic.
 */
export function largestPassingStress(passes: (stress: number) => boolean, search: StressSearch): StressBound {
  const { start, max, tolerance } = search;
  assert(start > 0 && max >= start && tolerance > 0, 'STRESS_SEARCH_RANGE', { start, max, tolerance });
  if (!passes(0)) return { status: 'failsWithoutStress', stress: 0 };
  let lo = 0;
  let hi = start;
  while (passes(hi)) {
    lo = hi;
    if (hi >= max) return { status: 'beyondRange', stress: max };
    hi = Math.min(max, hi * 2);
  }
  const width = (): number => (search.relative === true ? tolerance * Math.max(hi, tolerance) : tolerance);
  while (hi - lo > width()) {
    const mid = (lo + hi) / 2;
    if (passes(mid)) lo = mid;
    else hi = mid;
  }
  return { status: 'found', stress: lo, failsAt: hi };
}
