import { findRoot } from '../../../engine/index.ts';
import { UserError } from '../../../data/errors.ts';
import { poolFlows, type PreparedDeal } from '../prepare-deal.ts';

/**
 * A path's lifetime default: the cumulative gross defaulted principal of the pool at cutoff over the
 * deal's months ÷ its cutoff balance (PoolCashFlows.cumulativeDefaultRate at the last month). The
 * revolving purchases are left out of the measure (they default under the same stress, but how much
 * the deal buys depends on the waterfall), so it is the same figure for a static and a revolving deal
 * and is known from the pool projection alone.
 */
export function lifetimeDefaultAt(prepared: PreparedDeal, multiplier: number): number {
  const flows = poolFlows(prepared, prepared.input.loans, prepared.months, 1, { by: 'multiplier', value: multiplier }, prepared.input.startMonths);
  return flows.cumulativeDefaultRate[prepared.months - 1] ?? 0;
}

/** The stress multipliers tabulated once per deal to bracket each path's root: 0, then doubling from ⅛ to 512, then 1000. */
const GRID = [0, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000];
/** The largest default multiplier a path may use, as for breakevens (service/runs/breakevens.ts). */
export const MAX_DEFAULT_MULTIPLIER = 1000;
/** Brent's method stops within this of the multiplier: the realised lifetime default is then within ~1e-10 of the draw. */
const MULTIPLIER_TOLERANCE = 1e-11;

/** The pool's lifetime default along the multiplier grid: the floor (×0), the scenario's own (×1) and the cap (×1000). */
export interface Calibration {
  readonly multipliers: readonly number[];
  readonly lifetimeDefaults: readonly number[];
  readonly floor: number;
  readonly scenario: number;
  readonly cap: number;
}

export function calibrate(prepared: PreparedDeal): Calibration {
  const lifetimeDefaults = GRID.map((m) => lifetimeDefaultAt(prepared, m));
  const floor = lifetimeDefaults[0] ?? 0;
  const cap = lifetimeDefaults[lifetimeDefaults.length - 1] ?? 0;
  if (!(cap > floor)) {
    throw new UserError(
      'BAD_REQUEST',
      'Monte Carlo: the scenario’s defaults do not respond to a default multiplier (no default curve, default timing or roll rates), so no path can reach a drawn lifetime default — give the scenario a default curve (e.g. --default "2 CDR") or roll rates',
    );
  }
  return { multipliers: GRID, lifetimeDefaults, floor, scenario: lifetimeDefaults[GRID.indexOf(1)] ?? 0, cap };
}

/** How a path reached its draw: solved exactly, or held at the floor (×0) or cap (×1000). */
export type DrawBound = 'solved' | 'floor' | 'cap';

/**
 * The default multiplier on the scenario (engine CurveShape.defaultMultiplier: every MDR of a default
 * curve or default-timing curve, and the roll from current into 1–30 DPD of a roll-rate matrix) at
 * which the cutoff pool's lifetime default equals the draw: Brent's method (engine findRoot) inside
 * the grid interval that holds the draw. The lifetime default rises with the multiplier but not in
 * proportion (MDRs cap at 100%, survivors shrink, prepayments compete), hence a root search even for
 * a curve. Draws below the floor or above the cap are moved to them.
 */
export function multiplierFor(prepared: PreparedDeal, calibration: Calibration, draw: number): { multiplier: number; bound: DrawBound } {
  const { multipliers, lifetimeDefaults, floor, cap } = calibration;
  if (draw <= floor) return { multiplier: 0, bound: 'floor' };
  if (draw >= cap) return { multiplier: MAX_DEFAULT_MULTIPLIER, bound: 'cap' };
  let i = 0;
  while ((lifetimeDefaults[i + 1] ?? Infinity) < draw) i++;
  const lo = multipliers[i] ?? 0;
  const hi = multipliers[i + 1] ?? MAX_DEFAULT_MULTIPLIER;
  if (lifetimeDefaults[i + 1] === draw) return { multiplier: hi, bound: 'solved' };
  const root = findRoot((m) => lifetimeDefaultAt(prepared, m) - draw, { lo, hi, min: lo, max: hi, tolerance: MULTIPLIER_TOLERANCE });
  return { multiplier: root.x, bound: 'solved' };
}
