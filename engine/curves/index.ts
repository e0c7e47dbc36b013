// Assumption curves: prepayment, default and delinquency speeds as data, and pure functions that
// evaluate them to monthly rates. Rates are decimals (0.06 = 6%) except in the typed notation,
// where analysts write percent. Age convention everywhere: projection month t of a loan aged a
// months at cutoff is loan age a + t (month 1 of a new loan is age 1).

// Monthly ↔ annual: SMM/CPR, MDR/CDR
export { annualFromMonthly, cdrFromMdr, cprFromSmm, mdrFromCdr, monthlyFromAnnual, smmFromCpr } from './conversions.ts';
// Benchmark models
export { PSA_RAMP_MONTHS, psaCpr, psaSmm } from './psa.ts';
export { sdaCdr, sdaMdr } from './sda.ts';
export { absFromSmm, absSmm } from './abs-speed.ts';
export { percentToDecimal } from './checks.ts';
// Rate vectors by period or by age
export { monthlyRates, rateAt, rateVector, scaleRateVector } from './rate-vector.ts';
export type { RateFrequency, RateVector, VectorBasis } from './rate-vector.ts';
// Compact vector notation: parse, format, evaluate (docs/vector-notation.md)
export { parseVector } from './notation-parse.ts';
export type { ParseVectorOptions } from './notation-parse.ts';
export { formatVector, plainNumber } from './notation-format.ts';
export { evaluateVector, notationRateVector } from './notation-evaluate.ts';
export { MAX_VECTOR_MONTHS, NOTATION_UNITS, STANDARD_MODELS, vectorPurpose } from './notation-types.ts';
export type { CurveNotation, CurveStep, LevelStep, NotationUnit, RampStep, StandardModel, StandardNotation, VectorNotation, VectorPurpose } from './notation-types.ts';
export { NOTATION_PROBLEMS, VectorNotationError } from './notation-errors.ts';
export { NOTATION_PIECES, NOTATION_REASONS } from './notation-messages.ts';
export type { NotationProblem } from './notation-errors.ts';
// Cumulative default timing and recoveries
export { defaultTimingSchedule, TIMING_TOTAL_TOLERANCE_PCT } from './default-timing.ts';
export type { DefaultTimingCurve, DefaultTimingSchedule } from './default-timing.ts';
export { lossSeverityFromRecoveryRate, recoverySchedule, recoveryRateFromSeverity } from './recovery.ts';
export type { RecoverySchedule } from './recovery.ts';
// Delinquency roll rates
export {
  BALANCE_STATES,
  buildTransitionMatrix,
  COMPACT_BUCKETS,
  COMPACT_STATE,
  DELINQUENT_STATES,
  expandCompactRow,
  ROLL_STATE_LABELS,
  ROLL_STATES,
  rollRateNotes,
  rollStateIndex,
  ROW_SUM_TOLERANCE,
  transitionProbability,
  validateTransitionMatrix,
} from './roll-rates.ts';
export type { BalanceState, DelinquentState, RollBackState, RollRateSpec, RollState } from './roll-rates.ts';
export { longRunDelinquency, stationaryDistribution } from './long-run.ts';
export type { LongRunDelinquency } from './long-run.ts';
