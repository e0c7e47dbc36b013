// Deal waterfall: a deal as JSON-able data (one schema, its types inferred from it), its validation,
// and the period-by-period priority of payments over pool cash flows in decimal cents (reconciled
// exactly every period).
export type {
  CleanUpCallSpec,
  Comparator,
  Coupon,
  CumulativeRatioDenominator,
  Deal,
  DealDates,
  FeeBasis,
  FeeCollection,
  FeeSpec,
  NoteSpec,
  PrincipalAmount,
  PrincipalRule,
  ReserveSpec,
  ReserveTarget,
  RevolvingSpec,
  Step,
  ThresholdBand,
  TriggerEffect,
  TriggerMetric,
  TriggerSpec,
  WalBasis,
  Waterfall,
} from './types.ts';
export { CUMULATIVE_RATIO_DENOMINATORS, DEAL_SCHEMA, FEE_COLLECTIONS, SELLER, TRIGGER_EFFECTS, TRIGGER_METRICS, WAL_BASES } from './schema.ts';
export { dealIssues, validateDeal } from './validate.ts';
export { DEAL_RULES } from './rule-messages.ts';
export { wholeNumber } from './whole-number.ts';
export { toWholeCents } from './money.ts';
export type { DealIssue } from './validate.ts';
export { allocateProRata } from './allocate.ts';
export { poolColumns, poolLedger } from './pool-source.ts';
export type { CohortColumns, DelinquencyStateBalances, LedgerOptions, PoolColumns, PoolPeriodFlows, PoolSource } from './pool-source.ts';
export { presentValuePerUnit, yieldSupplementAmount } from './yield-supplement-pv.ts';
export type { YieldSupplementLine } from './yield-supplement-pv.ts';
export { runDeal } from './run.ts';
export { scheduledPaymentDate } from './period/index.ts';
export type { RunOptions } from './run.ts';
export type { DealPeriod, DealResult, FeePeriod, NotePeriod, NoteLeg, PoolSummary, PrincipalCoverPeriod, ReservePeriod, RevolvingEnd, TriggerPeriod } from './result.ts';
export {
  largestPassingSeniorSize,
  notesTotalCents,
  scaleToPool,
  seniorSizeForCreditEnhancement,
  sizeWithSenior,
  type NoteSizes,
  type SeniorSearch,
  type SeniorSizing,
  type SizingBasis,
  type SizingNote,
} from './sizing.ts';
