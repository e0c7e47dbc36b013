// One payment date of a deal run, step by step (see runDeal's doc comment for the numbering): each
// step takes what it reads and returns what it decides; the notes', fees' and reserve's states are
// the only state shared with the priority of payments (steps.ts).
export { accrualDays, accruePeriod } from './accrue.ts';
export type { AccrualDays, Accruals } from './accrue.ts';
export { carryForward } from './carry.ts';
export { determine } from './determine.ts';
export type { Determination, DeterminationDate } from './determine.ts';
export { fundPeriod } from './fund.ts';
export type { Funding } from './fund.ts';
export { allocateLosses } from './losses.ts';
export type { LossAllocation } from './losses.ts';
export { openingHistory, openingState } from './opening.ts';
export type { RunHistory } from './opening.ts';
export { reconcilePeriod } from './reconcile.ts';
export { periodRow } from './row.ts';
export type { PeriodFacts } from './row.ts';
export { accrualEndOf, collectionMonthsOf, paymentDateOf, paymentSchedule, scheduledPaymentDate } from './schedule.ts';
export type { PaymentSchedule } from './schedule.ts';
export { openWaterfall, runSteps, runWaterfall } from './waterfall.ts';
