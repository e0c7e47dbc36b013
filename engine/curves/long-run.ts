import { curveError } from './checks.ts';
import { ROLL_STATES, validateTransitionMatrix } from './roll-rates.ts';

/**
 * The stationary distribution π of a row-stochastic n×n matrix P (row-major): π P = π, Σ π = 1.
 * Solved as the linear system (Pᵀ − I) π = 0 with its last equation replaced by Σ π = 1, by
 * Gaussian elimination with partial pivoting. Refuses a matrix whose chain has no unique
 * stationary distribution (the system is singular: e.g. two closed classes).
 */
export function stationaryDistribution(matrix: Float64Array, n: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 1 && matrix.length === n * n)) {
    throw curveError('TRANSITION_MATRIX', { length: matrix.length, n }, `it has ${matrix.length} entries, not ${n} × ${n}`);
  }
  // Augmented system a[i][j] (n rows × n + 1 columns): row i says Σ_j P[j][i] π_j − π_i = 0.
  const width = n + 1;
  const a = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i * width + j] = (matrix[j * n + i] ?? 0) - (i === j ? 1 : 0);
  }
  for (let j = 0; j < n; j++) a[(n - 1) * width + j] = 1;
  a[(n - 1) * width + n] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * width + col] ?? 0) > Math.abs(a[pivot * width + col] ?? 0)) pivot = r;
    if (Math.abs(a[pivot * width + col] ?? 0) < 1e-14) {
      throw curveError('TRANSITION_MATRIX', { column: col }, 'the chain has no unique long-run distribution (its states do not all communicate with one closed class)');
    }
    if (pivot !== col) {
      for (let j = 0; j < width; j++) {
        const t = a[col * width + j] ?? 0;
        a[col * width + j] = a[pivot * width + j] ?? 0;
        a[pivot * width + j] = t;
      }
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = (a[r * width + col] ?? 0) / (a[col * width + col] ?? 1);
      if (factor === 0) continue;
      for (let j = col; j < width; j++) a[r * width + j] = (a[r * width + j] ?? 0) - factor * (a[col * width + j] ?? 0);
    }
  }
  const pi = new Float64Array(n);
  for (let i = 0; i < n; i++) pi[i] = Math.max(0, (a[i * width + n] ?? 0) / (a[i * width + i] ?? 1));
  return pi;
}

/** The long-run state mix of a roll-rate matrix, and its share 1+ days past due. */
export interface LongRunDelinquency {
  /** Share of loans in each live state (ROLL_STATES without charged off), summing to 1. */
  readonly distribution: Float64Array;
  /** 1 − the current share: the long-run share 1+ days past due. */
  readonly delinquentShare: number;
}

/**
 * The implied long-run delinquency of a monthly roll-rate matrix (8×8, buildTransitionMatrix):
 * the stationary distribution of the chain in which every charge-off is replaced by a new current
 * loan (P'[s][current] = P[s][current] + P[s][charged off], charged off dropped), so the pool keeps
 * its size. Its 1+ DPD share is what a steady book originating at the same pace settles to, the
 * figure to compare with the tape's delinquency ratio when calibrating. Unit mass per loan: each
 * loan counts alike whatever its balance (a share of loans, equal to a share of balance when
 * balances are alike across states).
 */
export function longRunDelinquency(matrix: Float64Array): LongRunDelinquency {
  validateTransitionMatrix(matrix);
  const states = ROLL_STATES.length;
  const live = states - 1;
  const replaced = new Float64Array(live * live);
  for (let s = 0; s < live; s++) {
    for (let j = 0; j < live; j++) replaced[s * live + j] = matrix[s * states + j] ?? 0;
    replaced[s * live] = (replaced[s * live] ?? 0) + (matrix[s * states + live] ?? 0);
  }
  const distribution = stationaryDistribution(replaced, live);
  return { distribution, delinquentShare: Math.max(0, 1 - (distribution[0] ?? 0)) };
}
