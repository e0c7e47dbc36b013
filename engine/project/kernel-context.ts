import type { DefinitionCount } from './definition-defaults.ts';
import { STATE_COUNT } from './transitions.ts';

/**
 * Per-projection settings and scratch, shared by every loan and by both projection kernels (kernel.ts,
 * kernel-banded.ts), so neither allocates. Accrual year fractions come with each loan's ResolvedSegment.
 */
export interface KernelContext {
  readonly months: number;
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

export function kernelContext(months: number, definition: DefinitionCount | null = null): KernelContext {
  return { months, scratch: new Float64Array(2 * BLOCK), definition };
}
