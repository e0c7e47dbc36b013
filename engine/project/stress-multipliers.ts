import { assertSpeed } from '../curves/checks.ts';
import { STATE_COUNT } from './transitions.ts';

/**
 * A scenario's static stress on one segment, each a factor ≥ 0 on the base assumption (1 or
 * absent: unchanged). The rules, each keeping every probability in [0, 1] and every row of the
 * roll-rate matrix summing to 1 (docs/scenarios.md, "Multiplier rules"):
 *  - default: every MDR of the default curve (or of the rates solved from a default-timing curve)
 *    × factor, capped at 100%;
 *  - rollIn: the roll from current into 1–30 DPD × factor, capped at what the current row leaves
 *    (staying current absorbs the change) — for a roll-rate pool this is the default stress, as the
 *    charge-offs follow the loans that enter delinquency;
 *  - cure: every cure (delinquent bucket → current) × factor, capped at 1; the bucket's other moves
 *    (stay, roll forward, roll back, charge-off) are rescaled by (1 − new cure) ÷ (1 − old cure),
 *    keeping their proportions (the mass a lower cure removes goes to them pro rata; a row that was
 *    all cure gives the removed mass to staying in the bucket);
 *  - prepayment: every SMM × factor, capped at 1;
 *  - recovery: the recovery rate × factor, capped at 1.
 */
export interface StressMultipliers {
  readonly default?: number;
  readonly rollIn?: number;
  readonly cure?: number;
  readonly prepayment?: number;
  readonly recovery?: number;
}

/** The factors, checked (finite, ≥ 0), with 1 for those not given. */
export function multiplierFactors(multipliers: StressMultipliers | undefined): Required<StressMultipliers> {
  const factors = {
    default: multipliers?.default ?? 1,
    rollIn: multipliers?.rollIn ?? 1,
    cure: multipliers?.cure ?? 1,
    prepayment: multipliers?.prepayment ?? 1,
    recovery: multipliers?.recovery ?? 1,
  };
  // Checked one by one (a loop over Object.entries would allocate its pairs on every projection).
  assertSpeed(factors.default, 'multipliers.default');
  assertSpeed(factors.rollIn, 'multipliers.rollIn');
  assertSpeed(factors.cure, 'multipliers.cure');
  assertSpeed(factors.prepayment, 'multipliers.prepayment');
  assertSpeed(factors.recovery, 'multipliers.recovery');
  return factors;
}

/** The matrix with current → 1–30 DPD × multiplier, capped so the current row still sums to 1 (staying current absorbs the change). */
export function stressedEntry(matrix: Float64Array, multiplier: number): Float64Array {
  const out = matrix.slice();
  let others = 0;
  for (let j = 2; j < STATE_COUNT; j++) others += out[j] ?? 0;
  const entry = Math.min((out[1] ?? 0) * multiplier, Math.max(0, 1 - others));
  out[1] = entry;
  out[0] = Math.max(0, 1 - others - entry);
  return out;
}

/**
 * The matrix with every cure (row s ≥ 1 → current) × multiplier, capped at 1, and the row's other
 * moves rescaled by (1 − cure′) ÷ (1 − cure) so it still sums to 1. The charged-off row (absorbing,
 * no cure) is unchanged.
 */
export function stressedCures(matrix: Float64Array, multiplier: number): Float64Array {
  const out = matrix.slice();
  for (let s = 1; s < STATE_COUNT; s++) {
    const row = s * STATE_COUNT;
    const cure = out[row] ?? 0;
    if (cure === 0) continue;
    const stressed = Math.min(1, cure * multiplier);
    const rest = 1 - cure;
    out[row] = stressed;
    if (rest <= 0) {
      // All cure before: what the stress removes stays in the bucket.
      out[row + s] = 1 - stressed;
      continue;
    }
    const scale = (1 - stressed) / rest;
    for (let j = 1; j < STATE_COUNT; j++) out[row + j] = (out[row + j] ?? 0) * scale;
  }
  return out;
}
