import type { VectorNotation } from '../curves/notation-types.ts';
import type { RateVector, VectorBasis } from '../curves/rate-vector.ts';

/**
 * A monthly rate assumption (SMM for prepayment, MDR for default), in one of three forms:
 * - 'monthly': decimals per month as given (0.01 = 1% SMM), the last held flat; basis 'period'
 *   (element 0 = projection month 1) unless 'age' (element 0 = loan age 1);
 * - 'vector': an engine/curves RateVector (CPR/CDR or SMM/MDR, by period or age);
 * - 'notation': parsed vector notation (`6 CPR`, `150 PSA`, `2 SDA`, `5 ramp 10 12 CDR by age`).
 */
export type RateAssumption =
  | { readonly kind: 'monthly'; readonly rates: ArrayLike<number>; readonly basis?: VectorBasis }
  | { readonly kind: 'vector'; readonly vector: RateVector }
  | { readonly kind: 'notation'; readonly notation: VectorNotation };

/** A rate assumption evaluated once for the projection: read `table[offset + t − 1]` in month t. */
export interface RateTable {
  readonly rates: Float64Array;
  /** True: offset is the loan's age at cutoff; false: offset 0 (by projection month). */
  readonly byAge: boolean;
}
