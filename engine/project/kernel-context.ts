import { annuityTables, type AnnuityTables } from './annuity.ts';
import type { DefinitionCount } from './definition-defaults.ts';
import { STATE_COUNT } from './transitions.ts';

/**
 * Per-projection settings and scratch, shared by every loan and by both projection kernels (kernel.ts,
 * kernel-banded.ts), so neither allocates. Accrual year fractions come with each loan's ResolvedSegment.
 */
export interface KernelContext {
  readonly months: number;
  /**
   * After maturity a loan (a track) stops once its balance plus overdue interest plus accrued
   * penalty is at or below tailTolerance × its balance at cutoff (ProjectionOptions.tailTolerance).
   */
  readonly tailTolerance: number;
  /** Level-payment annuity ratios by monthly rate, for loans re-amortized off 30/360 (annuity.ts). */
  readonly annuities: AnnuityTables;
  // State vectors of one loan, this month and next: mass, overdue principal, overdue interest, accrued penalty.
  readonly scratch: Float64Array;
  /** The deal's default definition being counted (the dense kernel only), or null. */
  readonly definition: DefinitionCount | null;
}

// Offsets within a block of the dense kernel's state (kernel.ts): mass, overdue principal, overdue
// interest, accrued penalty, each by ROLL_STATES; two blocks (this month, next month).
export const O = STATE_COUNT;
export const D = 2 * STATE_COUNT;
export const A = 3 * STATE_COUNT;
export const BLOCK = 4 * STATE_COUNT;

/**
 * Default of ProjectionOptions.tailTolerance: 1e-9 of the loan's balance at cutoff (¥0.00005 on a
 * ¥50,000 loan), far below a cent, so no cent-rounded figure moves; docs/assumptions.md gives the bound.
 */
export const DEFAULT_TAIL_TOLERANCE = 1e-9;

/** The kernels' scratch (KernelContext.scratch): a run's projections, one after another, may share one (ProjectionCache.scratch). */
export function kernelScratch(): Float64Array {
  return new Float64Array(2 * BLOCK);
}

export function kernelContext(months: number, tailTolerance = DEFAULT_TAIL_TOLERANCE, definition: DefinitionCount | null = null, scratch = kernelScratch()): KernelContext {
  return { months, tailTolerance, annuities: annuityTables(), scratch, definition };
}
