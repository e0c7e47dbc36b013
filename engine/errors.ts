/**
 * Engine failures. Every message lives here (as dinero.js keeps its messages in one place),
 * so callers and tests can match on a stable code rather than on prose.
 */
const ENGINE_MESSAGES = {
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
  TRANSITION_MATRIX: 'Not an 8×8 row-stochastic transition matrix with charged-off absorbing',
  // Pools given as a projected cash-flow schedule (engine/schedule-pool)
  SCHEDULE_POOL: 'Not a usable collection schedule: periods must end in later and later months after the cutoff, with amounts finite and ≥ 0',
  FLAT_FEE_RATE: 'A flat fee rate must be a finite monthly decimal ≥ 0 (0.006 = 0.6% a month) with a term of whole months ≥ 1',
  // Loan-level pool projection (engine/project)
  LOAN_ARRAYS: 'Every loan array must hold exactly one value per loan',
  LOAN_CODE: 'Unknown amortization or delinquency-state code in the loan arrays',
  OVERDUE_EXCEEDS_BALANCE: 'Overdue principal exceeds the current principal',
  YEAR_FRACTIONS: 'Accrual year fractions must be finite, ≥ 0 and cover every projected month',
  TAIL_TOLERANCE: 'The tail tolerance must be ≥ 0 and below 1 (a share of each loan’s balance at cutoff)',
  EVENT: 'An event stress is out of range (an outage lasts 1–31 days; a holiday with restructured "ownCurve" needs restructuredDefault)',
  LINE_START_MONTH: "A loan's (line's) start month must be a whole number from 1 to the projected months, one per loan, and a line that starts after month 1 must be current with nothing overdue",
  DEFAULT_DEFINITION: 'A default definition counts a loan more than 30, 60, 90, 120, 150 or 180 days past due (a roll-rate bucket boundary), and is not combined with event stresses',
  REP_LINE_OPTIONS: 'Representative-line buckets must be positive (rate bucket ≤ 1, age bucket a whole number of months)',
  // Deal waterfall (engine/deal): checks of a deal name the JSON path (details.path) and the rule (details.rule)
  DEAL_FIELD: 'A deal field is missing, of the wrong type or out of range (the deal schema: engine/deal/schema.ts)',
  DEAL_DUPLICATE_ID: 'Two notes, fees or triggers share an id',
  DEAL_UNKNOWN_REFERENCE: 'A step, trigger or account refers to a note, fee or trigger id the deal does not define',
  DEAL_RATE: "A floating coupon's cap must be at least its floor",
  DEAL_RESERVE_TARGET: "A reserve target's cap must be at least its floor",
  DEAL_DATES: 'Deal dates out of order (cutoff ≤ closing < first payment date ≤ legal final maturity)',
  DEAL_THRESHOLD_SCHEDULE: 'A threshold schedule must run from period 1 in contiguous bands, the last open-ended',
  DEAL_WATERFALL: 'The priority of payments breaks a rule (see details.rule)',
  DEAL_NO_PRINCIPAL: 'No principal step ever pays this note',
  POOL_FLOWS: 'Pool cash flows must be finite amounts ≥ 0, one per month in every column',
  ALLOCATION: 'Pro-rata allocation needs a cent total ≥ 0 and weights ≥ 0 with a positive sum',
  YSOC_POOL_LINES: 'A yield supplement OC computed from the pool (yieldSupplementOCFromPool) needs the pool source built with the pool’s lines (LedgerOptions.yieldSupplementLines)',
  RECONCILIATION: 'The waterfall does not reconcile to the cent (or a balance went negative)',
  STEP_NOT_INDEXED: "A waterfall step's path is missing from the compiled deal's step index, so what it pays has no column (an engine fault, not a deal error)",
  // Tranche analytics and root finding (engine/analytics)
  LEG_EMPTY: 'A cash-flow leg needs at least one payment date',
  LEG_COLUMNS: 'Every leg column must hold exactly one value per payment date',
  LEG_DATES: 'Payment dates must be strictly increasing and after the settlement date',
  LEG_FREQUENCY: 'Payments per year must be a whole number ≥ 1 (12 = monthly, 4 = quarterly)',
  LEG_NO_PRINCIPAL: 'The leg repays no principal, so it has no weighted average life',
  TABLE_NO_LEG: 'A prospectus table scenario has no leg for one of the notes',
  LEG_NO_CASH_FLOW: 'The leg pays no cash, so it has no price, yield or duration',
  LEG_NO_FACE: 'A price in percent of par needs a balance at settlement > 0',
  UNKNOWN_TIME_BASIS: "Unknown time basis (expected '30/360', 'ACT/365', 'ACT/360' or 'periods')",
  UNKNOWN_YIELD_CONVENTION: "Unknown yield convention (expected 'nominal', 'bondEquivalent', 'mortgageEquivalent' or 'annualEffective')",
  INTERBANK_PERIOD_START: 'The coupon period start must be on or before the settlement date (the previous payment date, or closing)',
  INVALID_PRICE: 'Price must be a finite number > 0 in percent of par (101.5, not 1.015)',
  YIELD_RANGE: 'Yield must be a finite decimal whose rate per discounting period is above −100%',
  SETTLEMENT_DATE: 'Settlement must be on or after closing and before the note’s last payment (a note with payments left to price)',
  CE_COLUMNS: 'Credit enhancement needs at least one note and every balance column as long as the pool balance column',
  XIRR_SIGNS: 'XIRR needs at least one negative and one positive cash flow',
  ROOT_SEARCH_RANGE: 'A root search needs finite lo < hi inside [min, max], a tolerance > 0 and at least one iteration',
  ROOT_NOT_BRACKETED: 'No sign change found: the function has the same sign across the widest bracket searched',
  ROOT_NOT_FINITE: 'The function is not a number at a trial point of the root search',
  ROOT_NOT_CONVERGED: 'The root search did not converge within its iteration limit',
  STRESS_SEARCH_RANGE: 'A stress search needs a start > 0, a maximum ≥ the start and a tolerance > 0',
  // Monte Carlo loss distribution (engine/mc)
  MC_DISTRIBUTION: 'A default-rate distribution needs a lognormal mean in (0, 1] and cv ≥ 0, or a Vasicek pd in (0, 1) and asset correlation ρ in [0, 1)',
  MC_RATING_TABLE: 'A rating table needs at least one row, ratings in order from best, and expected-loss limits that rise from row to row',
  // Sizing a deal's notes to its pool (engine/deal/sizing.ts)
  SIZING_CLASSES: 'Sizing needs at least two classes (notes of two seniorities): a senior class and a subordinate class to absorb the change',
  SIZING_POOL: 'Sizing needs a pool balance and a stated pool balance, each a finite amount > 0',
  SIZING_FLOOR: 'The subordinate floor must be a decimal share of the pool from 0 to below 1 (0.05, not 5)',
  SIZING_TARGET: 'A sizing target must be a finite number',
  SIZING_SEARCH: 'A senior-size search needs 0 ≤ smallest ≤ largest and a tolerance > 0',
  // Static-pool (vintage) fitting (engine/fit)
  STATIC_POOL_FIT: 'The static pool (vintage) history cannot be fitted',
  // Business-day calendars and payment-date rolls (engine/calendar)
  CALENDAR_YEAR_NOT_COVERED: 'The date falls in a year the business-day calendar does not cover: its holidays are unknown, so the date cannot be rolled (extend the calendar file)',
  CALENDAR_MISSING: 'The deal rolls its payment dates on a business-day calendar, but the run was given no calendar or another one',
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
