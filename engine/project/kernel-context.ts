import { STATE_COUNT } from './transitions.ts';

/**
 * Per-projection settings and scratch, shared by every loan and by both projection kernels (kernel.ts,
 * kernel-banded.ts), so neither allocates. Accrual year fractions come with each loan's ResolvedSegment.
 */
export interface KernelContext {
  readonly months: number;
  // State vectors of one loan, this month and next: mass, overdue principal, overdue interest, accrued penalty.
  readonly scratch: Float64Array;
}

export function kernelContext(months: number): KernelContext {
  return { months, scratch: new Float64Array(8 * STATE_COUNT) };
}
