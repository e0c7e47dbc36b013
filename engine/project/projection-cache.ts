import type { RateAssumption, RateTable } from './rate-assumption.ts';
import { kernelScratch } from './kernel-context.ts';
import type { BandedRates, TransitionPlan } from './transitions.ts';

/**
 * What the set-up of one projection computes from its assumptions alone, kept for the next
 * projection of the same run (ProjectionOptions.cache). A revolving deal's run projects a cohort
 * per purchase month and profile line — 48 small projections on a 12-month, 4-line deal — and
 * each resolved the same roll-rate plans, rate tables and ACT/365 accrual calendar again: most of
 * a grid cell's projection time and allocations. Every entry is a pure function of its key, and
 * the kernels only read what they are given, so a cached value is the value recomputed, to the bit.
 * Keys are the assumption objects themselves (WeakMap: the cache never keeps a run's assumptions
 * alive) with the numbers that shape the result; a cache belongs to one run (runPrepared makes
 * one per run), so the assumption objects are not changed while it lives.
 */
export interface ProjectionCache {
  /** Accrual year fractions by day count, months, cutoff and months skipped. */
  readonly accrual: Map<string, Float64Array>;
  /** A rate assumption's table as a segment reads it: by length, max age, start month and multiplier. */
  readonly rates: WeakMap<RateAssumption, Map<string, RateTable>>;
  /** A roll-rate matrix's moves under a roll-in and a cure stress (the matrix validated once). */
  readonly moves: WeakMap<Float64Array, Map<string, RollMoves>>;
  /**
   * The kernels' per-loan scratch (kernel-context.ts), the one mutable entry: the run's projections
   * share it as they run one after another (a nested projection — a default-timing solve — ends
   * before its caller's kernels start), and a loan's state lives in it only while that loan is
   * projected. One buffer a run instead of one a projection.
   */
  readonly scratch: Float64Array;
}

/** The stressed matrix's moves, before and after maturity (resolveSegment). */
export interface RollMoves {
  readonly matrix: Float64Array;
  readonly plan: TransitionPlan;
  readonly banded: BandedRates | null;
  readonly maturedPlan: TransitionPlan;
  readonly maturedBanded: BandedRates | null;
}

export function projectionCache(): ProjectionCache {
  return { accrual: new Map(), rates: new WeakMap(), moves: new WeakMap(), scratch: kernelScratch() };
}

/** The value under `outer` and `key`, computed (and kept, with a cache) on the first ask. */
export function cachedBy<K extends object, V>(store: WeakMap<K, Map<string, V>> | undefined, outer: K, key: string, compute: () => V): V {
  if (store === undefined) return compute();
  let inner = store.get(outer);
  if (inner === undefined) {
    inner = new Map();
    store.set(outer, inner);
  }
  let value = inner.get(key);
  if (value === undefined) {
    value = compute();
    inner.set(key, value);
  }
  return value;
}
