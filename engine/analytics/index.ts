// Tranche analytics: stateless functions over one note's cash-flow leg (QuantLib's CashFlows style).
// Float64 throughout: inputs are cent-rounded amounts, outputs are years, decimals (0.05 = 5%) and
// prices in percent of par. Time zero is the leg's settlement (closing) date; WAL defaults to ACT/365,
// yields state their compounding (nominal, bond-equivalent, or annual effective on ACT/365).

// The leg
export { legCashFlows } from './leg.ts';
export type { CashFlowLeg, DateInput, DatedCashFlow } from './leg.ts';
export { DEFAULT_TIME_BASIS, TIME_BASES } from './time-basis.ts';
export type { TimeBasis } from './time-basis.ts';
// Life, window, totals
export { weightedAverageLife } from './wal.ts';
export { expectedFinalPayment, principalWindow } from './window.ts';
export type { LegPeriod, PrincipalWindow } from './window.ts';
export { legTotals } from './totals.ts';
export type { LegTotals } from './totals.ts';
export { creditEnhancement } from './credit-enhancement.ts';
export type { CreditEnhancementInput } from './credit-enhancement.ts';
// Price, yield, duration, IRR
export { convertYield, discountRateFromYield, periodsToFirstPayment, quoteCompoundingPerYear, YIELD_CONVENTIONS, yieldFromDiscountRate } from './discount.ts';
export type { YieldConvention } from './discount.ts';
export { priceAtYield, yieldAtPrice } from './yield.ts';
export { interbankPriceAtYield, interbankYieldAtPrice } from './interbank.ts';
export type { InterbankYieldOptions } from './interbank.ts';
export { yieldQuotesAtPrice } from './quotes.ts';
export { dirtyPriceAtYield, notePriceYield, PRICE_YIELD_CONVENTIONS, settle, yieldAtDirtyPrice } from './price-yield.ts';
export type { NoteSchedule, PriceYield, PriceYieldConvention, Settlement } from './price-yield.ts';
export type { YieldQuotes } from './quotes.ts';
export { durationsAtYield, macaulayDuration, modifiedDuration } from './duration.ts';
export type { Durations } from './duration.ts';
export { xirr, xnpv } from './xirr.ts';
// Solvers: Brent's root finder (yield at price, rate solving) and the largest passing stress (breakevens)
export { bracketRoot, findRoot } from './solve.ts';
export type { Bracket, Root, RootSearch } from './solve.ts';
export { largestPassingStress } from './breakeven.ts';
export type { StressBound, StressSearch } from './breakeven.ts';
// Prospectus tables: decrement tables (percent of initial principal outstanding), WAL by speed and call case
export { DECREMENT_ROWS, decrementTable, PERCENT_PRECISIONS, printedPercent } from './decrement.ts';
export type { DecrementRow, DecrementRows, PercentPrecision } from './decrement.ts';
export { printedYears, prospectusTables } from './prospectus-tables.ts';
export type { ClassColumn, ClassTable, TableOptions, TableScenario } from './prospectus-tables.ts';
// Everything at once
export { trancheSummary } from './summary.ts';
export type { TrancheSummary, TrancheSummaryOptions } from './summary.ts';
