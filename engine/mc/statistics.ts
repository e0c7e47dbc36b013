/**
 * Summary statistics of Monte Carlo outcomes, each over the values in path order so the figures are
 * the same however the paths were chunked.
 */

/** The arithmetic mean (0 for no values). */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}

/**
 * The standard error of the mean: s / √N, with s the sample standard deviation (divisor N − 1);
 * 0 with fewer than two values.
 */
export function standardError(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return Math.sqrt(squares / (n - 1) / n);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics: Hyndman & Fan's
 * type 7 (R's default, Excel's PERCENTILE.INC): h = (N − 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
 * on the sorted values x₍₀₎ ≤ … ≤ x₍N−1₎.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] ?? 0;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  return below + (h - lo) * (above - below);
}

export interface HistogramBin {
  /** The bin's lower edge (inclusive) and upper edge (exclusive; the last bin includes it). */
  readonly from: number;
  readonly to: number;
  readonly paths: number;
}

/**
 * Counts of the values in `bins` equal-width bins from 0 to the largest value (rounded up to a
 * multiple of `step` so edges read well; a single bin [0, step) when every value is 0).
 */
export function histogram(values: readonly number[], bins: number, step: number): HistogramBin[] {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const width = top / bins;
  const counts = Array.from({ length: bins }, () => 0);
  for (const v of values) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor(v / width)));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts.map((paths, k) => ({ from: k * width, to: (k + 1) * width, paths }));
}

/**
 * Paths needed for a mean's standard error to fall under `fraction` of the mean: SE ≈ s/√N, so
 * N = ⌈(s / (fraction·mean))²⌉ with s estimated from the paths run (null when the mean is 0).
 */
export function pathsForRelativeError(values: readonly number[], fraction: number): number | null {
  const m = mean(values);
  if (m <= 0 || values.length < 2) return null;
  const s = standardError(values) * Math.sqrt(values.length);
  return Math.max(1, Math.ceil((s / (fraction * m)) ** 2));
}
