// Loan-level pool projection: loans as struct-of-arrays, assumptions by segment, deterministic
// Markov-expectation delinquency, monthly pool cash flows in float64 (roundToCents for the cent table).
export { allocateLoanArrays, amortizationCode, delinquencyCode, delinquencyStateFromDaysPastDue, loanCount, selectLoans, validateLoanArrays } from './loans.ts';
export type { LoanArrays } from './loans.ts';
export { DEFAULT_ORDERS, DEFAULT_SOURCES, rateTable, resolveAssumptions } from './assumptions.ts';
export type { DefaultOrder, DefaultSources, PenaltyWaiver, PoolAssumptions, RateAssumption, RateTable, ResolvedSegment, SegmentAssumptions } from './assumptions.ts';
export { multiplierFactors, stressedCures, stressedEntry } from './stress-multipliers.ts';
export type { StressMultipliers } from './stress-multipliers.ts';
export { transitionPlan } from './transitions.ts';
export type { TransitionPlan } from './transitions.ts';
export { roundToCents } from './cash-flows.ts';
export type { CohortCashFlows, PoolCashFlows } from './cash-flows.ts';
export { addChunks, prepareChunkProjection, projectChunks, projectCohort, projectCohorts, projectionChunkCount, projectPool, PROJECTION_CHUNK_LOANS, traceLoan } from './project-pool.ts';
export { DEFAULT_TAIL_TOLERANCE } from './kernel-context.ts';
export { projectionCache } from './projection-cache.ts';
export type { ProjectionCache } from './projection-cache.ts';
export type { ChunkAccumulators, ChunkProjection, LoanTrace, ProjectionOptions } from './project-pool.ts';
export { DEFINITION_DAYS } from './definition-defaults.ts';
export type { DefaultDefinition } from './definition-defaults.ts';
export { DEFAULT_RATE_BUCKET, groupRepLines } from './rep-lines.ts';
export type { RepLineOptions, RepLines } from './rep-lines.ts';
export { HOLIDAY_INTEREST, RESTRUCTURED_TREATMENTS } from './events.ts';
export type { HolidayInterest, OutageEvent, PaymentHolidayEvent, ProjectionEvent, RestructuredTreatment, SegmentShockEvent } from './events.ts';
