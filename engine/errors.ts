/**
 * Engine failures. Every message lives here (as dinero.js keeps its messages in one place),
 * so callers and tests can match on a stable code rather than on prose.
 */
export const ENGINE_MESSAGES = {
  INVALID_DATE: 'Not a valid calendar date (expected YYYY-MM-DD)',
  DATE_ORDER: 'End date is before start date',
  UNKNOWN_DAY_COUNT: 'Unknown day-count convention',
  // Loan schedules and pass-through projection (engine/schedule, engine/passthrough.ts)
  UNKNOWN_AMORTIZATION: 'Unknown amortization type (expected level_payment, equal_principal, interest_only or flat_fee)',
  INVALID_AMOUNT: 'Amount must be a finite number ≥ 0',
  INVALID_RATE: 'Rate must be a finite decimal between 0 and 1 (0.15, not 15)',
  INVALID_TERM: 'Term must be a whole number of months ≥ 1',
  INVALID_SMM: 'Every SMM must be a finite decimal between 0 and 1',
  SMM_VECTOR_SHORT: 'The SMM vector is shorter than the projection',
  MISSING_ACCRUAL_DATES: 'ACT/365 accrual needs the accrual start date and the first payment date',
  // Assumption curves (engine/curves): prepayment, default, delinquency and recovery
  INVALID_LOAN_AGE: 'Loan age must be a whole number of months ≥ 0 (≥ 1 for an ABS speed)',
  INVALID_SPEED: 'A speed or multiplier must be a finite number ≥ 0',
  INVALID_MONTHS: 'A number of months must be a whole number ≥ 0',
  EMPTY_RATE_VECTOR: 'A rate vector needs at least one rate',
  VECTOR_NOTATION: 'Cannot read the vector notation',
  DEFAULT_TIMING: 'Default timing shares must be finite numbers ≥ 0 with a positive total',
  ROLL_RATE_PROBABILITY: 'A roll-rate probability must be a number from 0 to 1',
  ROLL_RATE_OUTFLOW: "A delinquency state's outflow probabilities add up to more than 1",
  ROLL_RATE_UNUSED: 'Probabilities are given for a bucket loans never reach under the charge-off policy',
  ROLL_RATE_STATE: 'Unknown or inapplicable delinquency state in a roll-rate spec',
  TRANSITION_MATRIX: 'Not a 6×6 row-stochastic transition matrix with charged-off absorbing',
  // Loan-level pool projection (engine/project)
  LOAN_ARRAYS: 'Every loan array must hold exactly one value per loan',
  LOAN_CODE: 'Unknown amortization or delinquency-state code in the loan arrays',
  OVERDUE_EXCEEDS_BALANCE: 'Overdue principal exceeds the current principal',
  YEAR_FRACTIONS: 'Accrual year fractions must be finite, ≥ 0 and cover every projected month',
  REP_LINE_OPTIONS: 'Representative-line buckets must be positive (rate bucket ≤ 1, age bucket a whole number of months)',
} as const;

export type EngineErrorCode = keyof typeof ENGINE_MESSAGES;

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: EngineErrorCode, details: Record<string, unknown> = {}) {
    super(ENGINE_MESSAGES[code]);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}

export function assert(condition: unknown, code: EngineErrorCode, details?: Record<string, unknown>): asserts condition {
  if (!condition) throw new EngineError(code, details);
}
