import type { HolidayCalendar } from '../calendar/business-days.ts';
import { formatIsoDate } from '../dates.ts';
import { assert } from '../errors.ts';
import { collect } from './collections.ts';
import { compileDeal } from './compile.ts';
import { legsOf } from './legs.ts';
import { minMoney, type Money, toCents, toYuan, ZERO } from './money.ts';
import {
  accrualDays,
  accrualEndOf,
  accruePeriod,
  allocateLosses,
  carryForward,
  collectionMonthsOf,
  determine,
  fundPeriod,
  openingHistory,
  openingState,
  openWaterfall,
  paymentDateOf,
  paymentSchedule,
  periodRow,
  reconcilePeriod,
  runWaterfall,
} from './period/index.ts';
import type { PoolSource } from './pool-source.ts';
import { cumulativeRatioDenominatorOf } from './schema.ts';
import { openDesk, purchaseTerms, withShares } from './purchases.ts';
import type { DealPeriod, DealResult } from './result.ts';
import type { Deal } from './types.ts';
import { validateDeal } from './validate.ts';

export interface RunOptions {
  /** Skip validateDeal when the caller has just run it (default false: validate). */
  readonly skipValidation?: boolean;
  /**
   * Each purchase profile line's share of the purchases made at the end of pool month `month`, in
   * place of the profile's shares (a scenario's purchase-mix shift); undefined: the profile's.
   */
  readonly purchaseMix?: (month: number) => readonly number[] | undefined;
  /**
   * The business-day calendar named by deal.dates.calendar, as data (the service loads it: service/calendars/),
   * required when the deal rolls its payment dates (dates.businessDayConvention other than none).
   */
  readonly calendar?: HolidayCalendar;
}

/**
 * Runs the deal's priority of payments over the pool, payment date by payment date. Revolving
 * purchases are recorded on `pool`, so give each run a fresh pool source (poolLedger).
 *
 * Each period p (payment date p, rolled by dates.businessDayConvention on options.calendar; accrual from
 * the previous (rolled) payment date, or closing for p = 1), one
 * function per step (period/):
 *  1. Collections (collect): the pool months of the period (collectionMonthsOf: DealDates.paymentFrequencyMonths and firstPeriodCollectionMonths), each
 *     amount rounded half-up to cents as read, then summed. Past the pool horizon nothing is collected.
 *  2. Accruals on start-of-period balances (accruePeriod): coupons (balance × rate × days ÷ basis of the
 *     note's day count, rounded half-up to cents), fees, the reserve target; the servicing strip kept
 *     out of interest collections; the excess spread.
 *  3. Determination date (determine): trigger metrics of the collection period just ended; triggers
 *     tested and in force for this payment date. Revolving ends (schedule or trigger); the clean-up call
 *     is tested. The final period is the legal-final period, the clean-up period or the pool horizon's last period.
 *  4. Funds (fundPeriod, then openWaterfall sets them on the state the steps pay from, with the
 *     date's purchase desk while revolving: openDesk): the cash a refused purchase left in the
 *     principal account on the previous date joins the principal funds; reserve release
 *     (excess over target; everything at the final period or on acceleration) into the interest (or
 *     combined) pot; under PDL allocation the ledger is debited with the period's gross defaults
 *     (recoveries are interest-pot revenue), under write-down allocation the principal due covers the
 *     notes' excess over the collateral.
 *  5. The steps in order (runWaterfall over steps.ts), or the acceleration waterfall once an accelerate
 *     trigger is in force: all funds in one pot → senior fees (waterfall order) → by class: interest,
 *     then principal pro rata within the class → other fees → the deal's excess servicing split (if any) → its last residual recipient.
 *     Acceleration ends revolving and releases the reserve.
 *  6. Loss allocation (allocateLosses, Deal.lossAllocation); at the final period every unpaid balance is
 *     written down.
 *  7. Reconciliation (reconcilePeriod), exact in decimal cents: interest + penalty + recoveries +
 *     principal collections + clean-up proceeds + reserve release + reserve draws = servicing strip +
 *     fees + interest + principal + reserve deposits + cash paid for purchases + cash kept in the
 *     principal account + residuals; no balance below zero after any step. A
 *     failure throws EngineError('RECONCILIATION') naming the period and the step.
 * Then unpaid interest and fees carry forward, the principal bought joins the pool (cash ÷ price by
 * profile line: the pool ledger books principal, the waterfall paid cash), and the period's row is
 * built (periodRow).
 */
export function runDeal(deal: Deal, pool: PoolSource, options: RunOptions = {}): DealResult {
  if (options.skipValidation !== true) validateDeal(deal);
  const compiled = compileDeal(deal);
  const purchases = purchaseTerms(deal.revolving);
  const schedule = paymentSchedule(deal.dates, pool.months, options.calendar);
  const state = openingState(deal, compiled, toCents(pool.cutoffBalance), toCents(cutoffYieldSupplementOC(deal, pool)));
  const cutoffBalance = toYuan(state.cutoffBalance);
  const lossAllocation = deal.lossAllocation ?? 'writeDown';
  const periods: DealPeriod[] = [];
  const cumulativeDefaultRate: number[] = [];
  const cumulativeNetLoss: number[] = [];
  let history = openingHistory(compiled.triggers.length);
  let accrualStart = schedule.closing;

  for (let p = 1; p <= schedule.lastPeriod; p++) {
    const paymentDate = paymentDateOf(schedule, p);
    const paymentIso = formatIsoDate(paymentDate);
    const months = collectionMonthsOf(schedule, p);
    const flows = collect(pool, months);
    const accrualEnd = accrualEndOf(schedule, p);
    const days = accrualDays(accrualStart, accrualEnd, schedule.legalFinal);
    state.accrualDays = days;
    state.paymentDate = paymentIso;
    const accruals = accruePeriod(deal, compiled, p, flows, days, state.cutoffBalance, state.cutoffYieldSupplementOC, formatIsoDate(accrualStart));
    const determination = determine(
      { period: p, paymentDate: paymentIso, accrualStart: formatIsoDate(accrualStart), schedule, cutoffBalance, flows, accruals },
      deal,
      compiled.triggers,
      state,
      history,
    );
    const funding = fundPeriod(flows, accruals, determination, state.reserve, state.pdl, lossAllocation, state.principalAccount.plus(state.roundingCarried), withdrawYieldSupplement(deal, state, p));
    const lastMonth = Math.min(months.last, pool.months);
    openWaterfall(state, determination, funding, determination.revolving ? openDesk(withShares(purchases, options.purchaseMix?.(lastMonth)), p, pool, lastMonth, funding.poolAfter) : undefined);
    state.yieldSupplementOC = toCents(yieldSupplementOCOf(deal, compiled, p, pool, lastMonth));
    const stepPaid = runWaterfall(state, compiled, funding, determination.accelerated, p);
    allocateLosses(state, compiled.allClasses, lossAllocation);
    reconcilePeriod(state, flows, funding, p);

    // Carry to the next period; the principal bought (not the cash paid) joins the pool after the period's last month.
    carryForward(state);
    if (state.principalPurchased.gt(0) && state.desk !== undefined) pool.purchase(months.last, state.desk.principalByLine);
    history = { ...determination.history, cumulativePurchases: history.cumulativePurchases.plus(state.principalPurchased) };

    const facts = { period: p, accrualStart: formatIsoDate(accrualStart), paymentDate: paymentIso, flows, accruals, determination, funding, stepPaid };
    periods.push(periodRow(facts, state, compiled, lossAllocation));
    cumulativeDefaultRate.push(determination.values.cumulativeDefaultRate);
    cumulativeNetLoss.push(toYuan(history.cumulativeLosses));
    accrualStart = accrualEnd;
    if (state.final) break;
  }

  const { revolvingEnd, cleanUpPeriod } = history;
  return {
    periods,
    stepPaths: compiled.stepPaths,
    cumulativeDefaultRate,
    cumulativeRatioDenominator: cumulativeRatioDenominatorOf(deal),
    cumulativeNetLoss,
    ...(revolvingEnd === undefined ? {} : { revolvingEnd }),
    triggerFirstBreach: Object.fromEntries(compiled.triggers.map((t, i) => [t.id, history.triggers[i]?.firstBreach ?? null])),
    legs: legsOf(deal, periods),
    ...(cleanUpPeriod === undefined ? {} : { cleanUpPeriod }),
  };
}

/**
 * The YSOC amount of payment date p: from a printed schedule, the second once its notes were all paid
 * before the period, else the first; or computed from the pool at the end of the period's last
 * collection month at the required rate then in force (0 without either).
 */
function yieldSupplementOCOf(deal: Deal, compiled: ReturnType<typeof compileDeal>, p: number, pool: PoolSource, lastMonth: number): number {
  const paid = (notes: readonly string[]): boolean => notes.every((id) => compiled.notes.find((n) => n.id === id)?.balance.isZero() ?? false);
  const fromPool = deal.yieldSupplementOCFromPool;
  if (fromPool !== undefined) {
    const after = fromPool.afterNotesPaid;
    return pooledYieldSupplementOC(pool, lastMonth, after !== undefined && paid(after.notes) ? after.requiredRate : fromPool.requiredRate);
  }
  const ysoc = deal.yieldSupplementOC;
  if (ysoc === undefined) return 0;
  const after = ysoc.afterNotesPaid;
  return (after !== undefined && paid(after.notes) ? after.byPeriod[p - 1] : ysoc.byPeriod[p - 1]) ?? 0;
}

/** The YSOC at the cutoff: the schedule's, or the pool's at the (first) required rate. */
function cutoffYieldSupplementOC(deal: Deal, pool: PoolSource): number {
  const fromPool = deal.yieldSupplementOCFromPool;
  return fromPool === undefined ? (deal.yieldSupplementOC?.atCutoff ?? 0) : pooledYieldSupplementOC(pool, 0, fromPool.requiredRate);
}

function pooledYieldSupplementOC(pool: PoolSource, month: number, requiredRate: number): number {
  const amount = pool.yieldSupplementOC(month, requiredRate);
  assert(amount !== undefined, 'YSOC_POOL_LINES', { month, requiredRate });
  return amount;
}

/** The yield supplement amount of payment date p, withdrawn from the account up to its balance (Deal.yieldSupplementAccount). */
function withdrawYieldSupplement(deal: Deal, state: { yieldSupplementAccount: Money | undefined }, p: number): Money {
  const balance = state.yieldSupplementAccount;
  if (balance === undefined) return ZERO;
  const amount = minMoney(toCents(deal.yieldSupplementAccount?.byPeriod[p - 1] ?? 0), balance);
  state.yieldSupplementAccount = balance.minus(amount);
  return amount;
}
