import type { RateAssumption, RateTable } from './rate-assumption.ts';
import { columnArena, type ColumnArena } from './cash-flows.ts';
import { kernelScratch } from './kernel-context.ts';
import type { BandedRates, TransitionPlan } from './transitions.ts';

/**
 * What the set-up of one projection computes from its assumptions alone, kept for the next
 * projection of the same run (ProjectionOptions.cache). A revolving deal's run projects a cohort
 * per purchase month and profile line — 48 small projections on a 12-month, 4-line deal — and
 * each resolved the same roll-rate plans, rate tables and ACT/365 accrual calendar again: most of
 * a grid cell's projection time and allocations. Every cached entry is a pure function of its key,
 * and the kernels only read what they are given, so a cached value is the value recomputed, to the
 * bit (the scratch and the arena are the run's work space, not cached values).
 * Keys are the assumption objects themselves (WeakMap: the cache never keeps a run's assumptions
 * alive) with the numbers that shape the result; a cache belongs to one run (runPrepared makes
 * one per run), so the assumption objects are not changed while it lives.
 */
export interface ProjectionCache {
  /**
   * Accrual year fractions from the cutoff by day count and cutoff: the longest asked for (a month's
   * fraction depends on that month alone, so a calendar that skips s months and runs m is elements
   * s … s + m − 1 of the one from the cutoff: prefixOf).
   */
  readonly accrual: Map<string, Prefixed<Float64Array>>;
  /**
   * A rate assumption's table, scaled by a multiplier, by max age and multiplier: the longest asked
   * for (every rate is a function of its month or age alone — rateTable — so a shorter horizon's
   * table is its start, and a cohort starting in month s reads a period table from element s − 1).
   */
  readonly rates: WeakMap<RateAssumption, Map<string, Prefixed<RateTable>>>;
  /** A roll-rate matrix's moves under a roll-in and a cure stress (the matrix validated once). */
  readonly moves: WeakMap<Float64Array, Map<string, RollMoves>>;
  /**
   * The kernels' per-loan scratch (kernel-context.ts), not a cached value but work space: the run's projections
   * share it as they run one after another (a nested projection — a default-timing solve — ends
   * before its caller's kernels start), and a loan's state lives in it only while that loan is
   * projected. One buffer a run instead of one a projection.
   */
  readonly scratch: Float64Array;
  /** Where the run's projections take their column blocks (cash-flows.ts ColumnArena): work space too, each block handed out once. */
  readonly arena: ColumnArena;
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
  return { accrual: new Map(), rates: new WeakMap(), moves: new WeakMap(), scratch: kernelScratch(), arena: columnArena() };
}

/** The longest value computed under a key, with `length` the horizon it was computed for. */
export interface Prefixed<V> {
  readonly length: number;
  readonly value: V;
}

/**
 * The value for horizon `length` under `key`: `compute(length)` when nothing as long is kept (then
 * kept as the longest), else `prefix(longest, length)` — which must equal compute(length) to the
 * bit, as it does for a value whose every element depends on its own month alone.
 */
export function prefixOf<V>(store: Map<string, Prefixed<V>>, key: string, length: number, compute: (length: number) => V, prefix: (longest: Prefixed<V>, length: number) => V): V {
  const kept = store.get(key);
  if (kept !== undefined && kept.length >= length) return kept.length === length ? kept.value : prefix(kept, length);
  const value = compute(length);
  store.set(key, { length, value });
  return value;
}

/** The map kept under `outer` (an empty one made and kept on the first ask). */
export function innerOf<K extends object, V>(store: WeakMap<K, Map<string, V>>, outer: K): Map<string, V> {
  let inner = store.get(outer);
  if (inner === undefined) {
    inner = new Map();
    store.set(outer, inner);
  }
  return inner;
}

/** The value under `outer` and `key`, computed (and kept, with a cache) on the first ask. */
export function cachedBy<K extends object, V>(store: WeakMap<K, Map<string, V>> | undefined, outer: K, key: string, compute: () => V): V {
  if (store === undefined) return compute();
  const inner = innerOf(store, outer);
  let value = inner.get(key);
  if (value === undefined) {
    value = compute();
    inner.set(key, value);
  }
  return value;
}
