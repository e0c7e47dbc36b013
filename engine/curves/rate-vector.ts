import { assert } from '../errors.ts';
import { assertLoanAge, assertMonths, assertSpeed, assertUnitRate } from './checks.ts';
import { monthlyFromAnnual } from './conversions.ts';

/** 'annual': CPR or CDR, converted to SMM or MDR by 1 − (1 − r)^(1/12). 'monthly': SMM or MDR as is. */
export type RateFrequency = 'annual' | 'monthly';

/**
 * What a vector's index counts. 'period': projection months (element 0 = month 1 after cutoff,
 * whatever the loans' age). 'age': loan age (element 0 = age 1, a loan's first month); projection
 * month t of a loan aged a at cutoff reads age a + t.
 */
export type VectorBasis = 'period' | 'age';

/** A prepayment or default curve as data: one rate per month, the last held flat. */
export interface RateVector {
  /** Decimals (0.06 = 6%), each in [0, 1]; element i applies to period i + 1 or age i + 1. */
  readonly rates: readonly number[];
  readonly frequency: RateFrequency;
  readonly basis: VectorBasis;
}

/** A validated RateVector (rates copied, so later edits to the input array do not leak in). */
export function rateVector(rates: readonly number[], frequency: RateFrequency, basis: VectorBasis): RateVector {
  assert(rates.length > 0, 'EMPTY_RATE_VECTOR');
  rates.forEach((rate, i) => assertUnitRate(rate, `rates[${i}]`));
  return { rates: [...rates], frequency, basis };
}

/**
 * The rate as quoted (annual or monthly, per `vector.frequency`) for projection month `month`
 * (1-based) of loans aged `ageMonths` at cutoff. Past the end the last rate is held flat.
 */
export function rateAt(vector: RateVector, month: number, ageMonths = 0): number {
  assert(vector.rates.length > 0, 'EMPTY_RATE_VECTOR');
  assert(Number.isInteger(month) && month >= 1, 'INVALID_MONTHS', { field: 'month', value: month, minimum: 1 });
  assertLoanAge(ageMonths);
  const position = vector.basis === 'age' ? ageMonths + month : month;
  const last = vector.rates.length - 1;
  return vector.rates[Math.min(position - 1, last)] ?? 0;
}

/**
 * Monthly rates (SMM for prepayment, MDR for default) for projection months 1..months of loans
 * aged `ageMonths` at cutoff: element t − 1 is month t. Annual rates are converted with
 * 1 − (1 − r)^(1/12); every value lies in [0, 1].
 */
export function monthlyRates(vector: RateVector, months: number, ageMonths = 0): Float64Array {
  assert(vector.rates.length > 0, 'EMPTY_RATE_VECTOR');
  assertMonths(months, 'months');
  assertLoanAge(ageMonths);
  vector.rates.forEach((rate, i) => assertUnitRate(rate, `rates[${i}]`));
  const toMonthly = vector.frequency === 'annual' ? monthlyFromAnnual : (rate: number) => rate;
  const converted = vector.rates.map(toMonthly);
  const last = converted.length - 1;
  const shift = vector.basis === 'age' ? ageMonths : 0;
  const out = new Float64Array(months);
  for (let t = 1; t <= months; t++) out[t - 1] = converted[Math.min(shift + t - 1, last)] ?? 0;
  return out;
}

/**
 * Every rate multiplied by `multiplier` and capped at 100% (a 150% stress of a 6% CPR curve is
 * 9% CPR). The multiplier applies to the rate as quoted: CPR for an annual vector, SMM for a
 * monthly one, which is the market convention for "150% of the curve".
 */
export function scaleRateVector(vector: RateVector, multiplier: number): RateVector {
  assertSpeed(multiplier, 'multiplier');
  return { ...vector, rates: vector.rates.map((rate) => Math.min(1, rate * multiplier)) };
}
