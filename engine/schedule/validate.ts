import { assert } from '../errors.ts';
import { isAmortizationType, type AmortizationType } from './amortization.ts';

// Input checks, run once per loan or line before a projection loop — never inside it.

export function assertAmortization(value: unknown): asserts value is AmortizationType {
  assert(isAmortizationType(value), 'UNKNOWN_AMORTIZATION', { value });
}

export function assertAmount(value: number, field: string): void {
  assert(Number.isFinite(value) && value >= 0, 'INVALID_AMOUNT', { field, value });
}

/** An annual or monthly rate as a decimal in [0, 1] (a rate of "15" is refused, not read as 1500%). */
export function assertRate(value: number, field: string): void {
  assert(Number.isFinite(value) && value >= 0 && value <= 1, 'INVALID_RATE', { field, value });
}

export function assertTerm(value: number, field: string): void {
  assert(Number.isInteger(value) && value >= 1, 'INVALID_TERM', { field, value });
}

/** The SMM vector covers `months` projection months and every entry is a probability. */
export function assertSmmVector(smm: Float64Array, months: number): void {
  assert(smm.length >= months, 'SMM_VECTOR_SHORT', { length: smm.length, months });
  for (let t = 0; t < months; t++) {
    const s = smm[t] ?? Number.NaN;
    assert(s >= 0 && s <= 1, 'INVALID_SMM', { month: t + 1, value: s });
  }
}
