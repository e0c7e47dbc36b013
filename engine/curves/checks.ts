import { assert, EngineError, type EngineErrorCode } from '../errors.ts';

// Input checks shared by the curve functions. They run once per call (or per vector), never
// inside a projection loop; the message for each code lives in ../errors.ts.

/** A rate as a decimal in [0, 1]: 0.06 = 6% (a rate of "6" is refused, not read as 600%). */
export function assertUnitRate(value: number, field: string): void {
  assert(Number.isFinite(value) && value >= 0 && value <= 1, 'INVALID_RATE', { field, value });
}

/** Loan age in whole months since origination; `minimum` is 1 for ABS speeds (SMM undefined before month 1). */
export function assertLoanAge(ageMonths: number, minimum = 0): void {
  assert(Number.isInteger(ageMonths) && ageMonths >= minimum, 'INVALID_LOAN_AGE', { ageMonths, minimum });
}

/** A PSA/SDA speed, ABS speed in percent, or a multiplier: finite and ≥ 0 (0 switches the curve off). */
export function assertSpeed(value: number, field: string): void {
  assert(Number.isFinite(value) && value >= 0, 'INVALID_SPEED', { field, value });
}

export function assertMonths(value: number, field: string): void {
  assert(Number.isInteger(value) && value >= 0, 'INVALID_MONTHS', { field, value });
}

/**
 * An EngineError whose message is the code's fixed message followed by the specifics
 * (which state, which numbers), so a user reads the reason without opening `details`.
 */
export function curveError(code: EngineErrorCode, details: Record<string, unknown>, specifics: string): EngineError {
  const error = new EngineError(code, details);
  error.message = `${error.message}: ${specifics}`;
  return error;
}

/**
 * A percentage as typed (6, 0.2, 0.5905) to the decimal it denotes (0.06, 0.002, 0.005905).
 * Rounding to 12 places of a percent (1e-14 as a decimal, far below a cent on any pool) and
 * dividing the integer once makes the result the double nearest the exact decimal, so a typed
 * 0.2 gives the same bits as 2/1000 — which is why `0.2 ramp 6 30` equals 100 PSA bit for bit.
 */
export function percentToDecimal(pct: number): number {
  return Math.round(pct * 1e12) / 1e14;
}
