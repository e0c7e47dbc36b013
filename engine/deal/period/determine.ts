import { EngineError } from '../../errors.ts';
import { add, maxMoney, type Money, sub, toYuan, ZERO } from '../money.ts';
import { cumulativeRatioDenominatorOf } from '../schema.ts';
import type { Collections } from '../collections.ts';
import type { RevolvingEnd, TriggerPeriod } from '../result.ts';
import { noteAt, type PeriodState, unreachable } from '../state.ts';
import { compare, metricUnit, metricValue, NO_TRIGGER_HISTORY, type CompiledTrigger, type MetricValues, type TriggerHistory } from '../triggers.ts';
import type { CumulativeRatioDenominator, Deal, RevolvingSpec, TriggerEffect } from '../types.ts';
import type { Accruals } from './accrue.ts';
import type { RunHistory } from './opening.ts';
import type { PaymentSchedule } from './schedule.ts';

/** A payment date as its determination date sees it (step 3). */
export interface DeterminationDate {
  readonly period: number;
  readonly paymentDate: string;
  /** The previous payment date (closing for period 1), ISO: the notes' balances are as it left them. */
  readonly accrualStart: string;
  readonly schedule: Pick<PaymentSchedule, 'frequencyMonths' | 'lastPeriod'>;
  /** The pool's cutoff balance in yuan (the denominator of the pool factor and, by the deal's rule, of the cumulative rates). */
  readonly cutoffBalance: number;
  readonly flows: Collections;
  readonly accruals: Accruals;
}

/** What the determination date decides for its payment date. */
export interface Determination {
  readonly values: MetricValues;
  /** Each trigger's test; a `breached` trigger is in force on this payment date. */
  readonly triggers: readonly TriggerPeriod[];
  /** An accelerate trigger is in force: the acceleration waterfall runs and the reserve is released. */
  readonly accelerated: boolean;
  /** A sequential trigger is in force: every principal step pays sequentially. */
  readonly sequential: boolean;
  /** A trapExcessSpread trigger (and no accelerate trigger) is in force: the residual stays in the reserve. */
  readonly trapping: boolean;
  /** The clean-up call is exercised on this payment date. */
  readonly cleanUp: boolean;
  /** The last period: the clean-up period, or the schedule's last period. */
  readonly final: boolean;
  /** The deal still revolves on this payment date. */
  readonly revolving: boolean;
  /** The run's history with this date recorded (its purchases are added after the waterfall). */
  readonly history: RunHistory;
}

/**
 * Step 3: the trigger metrics of the collection period just ended, the triggers tested and in force
 * for this payment date, the clean-up call tested, the end of revolving (schedule, trigger, or the
 * deal ending) and whether this is the final period. Reads the notes' start-of-period balances and
 * the reserve after its target is set.
 */
export function determine(
  date: DeterminationDate,
  deal: Pick<Deal, 'cleanUpCall' | 'revolving' | 'cumulativeRatioDenominator' | 'reserve' | 'defaultDefinition'>,
  triggers: readonly CompiledTrigger[],
  balances: Pick<PeriodState, 'notes' | 'fees' | 'reserve' | 'principalAccount' | 'purchaseOffered'>,
  history: RunHistory,
): Determination {
  const { period, flows } = date;
  const spread = annualisedSpread(date.accruals.excessSpread, flows.beginningBalance, date.schedule.frequencyMonths);
  const recentSpreads = [...history.recentSpreads, spread].slice(-3);
  const cumulativeDefaults = add(history.cumulativeDefaults, flows.defaults);
  const cumulativeRecoveries = add(history.cumulativeRecoveries, flows.recoveries);
  const cumulativeDefinitionDefaults = add(history.cumulativeDefinitionDefaults, definitionDefaultsOf(deal, date));
  const revolvingEndPool = history.revolvingEndPool ?? (revolvingOver(deal.revolving, history.revolvingEnd, period) ? flows.beginningBalance : undefined);
  const denominator = cumulativeDenominator(cumulativeRatioDenominatorOf(deal), date.cutoffBalance, history.cumulativePurchases, revolvingEndPool);
  // With a default definition the cumulative default rate counts by it (和享2017-5 circular p. 120, definition (99)).
  const counted = deal.defaultDefinition === undefined ? cumulativeDefaults : cumulativeDefinitionDefaults;
  const values = metricValues(date, balances, { cumulativeDefaults, counted, cumulativeRecoveries, denominator, recentSpreads });
  const tests = testTriggers(triggers, values, period, history.triggers);
  const inForce = (effect: TriggerEffect): CompiledTrigger | undefined => triggers.find((t, i) => tests.rows[i]?.breached === true && t.effects.has(effect));
  const accelerated = inForce('accelerate') !== undefined;
  const cleanUp = history.cleanUpPeriod === undefined && cleanUpCallExercised(deal, date, history.revolvingEnd, values.poolFactor, balances.reserve?.balance ?? ZERO);
  const final = cleanUp || period === date.schedule.lastPeriod || (deal.reserve?.redeemWhenCovered === true && reserveCoversNotes(date, balances));
  const revolvingEnd = history.revolvingEnd ?? revolvingEndOf(deal.revolving, date, final, inForce('endRevolving') ?? inForce('accelerate'));
  return {
    values,
    triggers: tests.rows,
    accelerated,
    sequential: inForce('sequential') !== undefined,
    trapping: inForce('trapExcessSpread') !== undefined && !accelerated,
    cleanUp,
    final,
    revolving: deal.revolving !== undefined && revolvingEnd === undefined,
    history: {
      cumulativeDefaults,
      cumulativeDefinitionDefaults,
      cumulativeRecoveries,
      cumulativeLosses: add(history.cumulativeLosses, flows.losses),
      cumulativePurchases: history.cumulativePurchases,
      recentSpreads,
      triggers: tests.history,
      revolvingEnd,
      revolvingEndPool,
      cleanUpPeriod: cleanUp ? period : history.cleanUpPeriod,
    },
  };
}

/**
 * The period's defaults by the deal's default definition (zero when it states none); a pool that
 * does not count them (a projection run without the definition) is an error, not a silent zero.
 */
function definitionDefaultsOf(deal: Pick<Deal, 'defaultDefinition'>, date: DeterminationDate): Money {
  if (deal.defaultDefinition === undefined) return ZERO;
  const counted = date.flows.definitionDefaults;
  if (counted !== undefined) return counted;
  if (date.flows.months === 0) return ZERO;
  throw new EngineError('DEFAULT_DEFINITION', { period: date.period, rule: 'the deal states a default definition but its pool flows count no defaults by it' });
}

/**
 * Revolving is over for this collection period: a deal that revolved, past its revolving periods
 * or ended early on an earlier payment date (the date a trigger ends it still tests as revolving).
 */
function revolvingOver(revolving: RevolvingSpec | undefined, revolvingEnd: RevolvingEnd | undefined, period: number): boolean {
  return revolving !== undefined && (revolvingEnd !== undefined || period > revolving.periods);
}

/**
 * The denominator of the cumulative default and net loss rates, in yuan (schema.ts,
 * cumulativeRatioDenominator; sources in docs/deals.md): the cutoff balance; the cutoff balance +
 * purchases on earlier payment dates; or the cutoff balance until revolving is over, then the pool
 * balance when it ended (the beginning balance of the first collection period after it).
 */
function cumulativeDenominator(rule: CumulativeRatioDenominator, cutoffBalance: number, purchases: Money, revolvingEndPool: Money | undefined): number {
  switch (rule) {
    case 'initialPool':
      return cutoffBalance;
    case 'initialPoolPlusPurchases':
      return cutoffBalance + toYuan(purchases);
    case 'initialPoolThenRevolvingEnd':
      return revolvingEndPool === undefined ? cutoffBalance : toYuan(revolvingEndPool);
    default:
      return unreachable(rule);
  }
}

/** Excess spread ÷ pool beginning balance, annualised by periods per year (12 ÷ frequency); 0 for an empty pool. */
function annualisedSpread(excessSpread: Money, poolBeginning: Money, frequencyMonths: number): number {
  const poolBegin = toYuan(poolBeginning);
  return poolBegin > 0 ? (toYuan(excessSpread) / poolBegin) * (12 / frequencyMonths) : 0;
}

/** The metrics of TriggerMetric, as float64 ratios (interestShortfall in yuan); the cumulative rates over `denominator`. */
function metricValues(
  date: DeterminationDate,
  balances: Pick<PeriodState, 'notes' | 'reserve' | 'principalAccount' | 'purchaseOffered'>,
  cumulative: { readonly cumulativeDefaults: Money; readonly counted: Money; readonly cumulativeRecoveries: Money; readonly denominator: number; readonly recentSpreads: readonly number[] },
): MetricValues {
  const { flows, cutoffBalance } = date;
  const reserve = balances.reserve;
  const poolEnd = toYuan(flows.endingBalance);
  const { denominator, recentSpreads: recent } = cumulative;
  const netLoss = sub(cumulative.cumulativeDefaults, cumulative.cumulativeRecoveries);
  const sumNotes = (indices: readonly number[], field: 'begin' | 'shortfall'): Money => indices.reduce((a, i) => add(a, noteAt(balances, i)[field]), ZERO);
  return {
    cumulativeDefaultRate: denominator > 0 ? toYuan(cumulative.counted) / denominator : 0,
    cumulativeNetLossRate: denominator > 0 ? toYuan(netLoss) / denominator : 0,
    delinquency60Plus: poolEnd > 0 ? toYuan(flows.delinquent60Plus) / poolEnd : 0,
    delinquency90Plus: poolEnd > 0 ? toYuan(flows.delinquent90Plus) / poolEnd : 0,
    reserveToTarget: reserve === undefined || reserve.target.isZero() ? 1 : toYuan(reserve.balance) / toYuan(reserve.target),
    poolFactor: cutoffBalance > 0 ? poolEnd / cutoffBalance : 0,
    excessSpreadAverage: recent.reduce((a, b) => a + b, 0) / recent.length,
    noteBalanceRatio: (indices) => {
      const sum = toYuan(sumNotes(indices, 'begin'));
      return poolEnd > 0 ? sum / poolEnd : sum > 0 ? Infinity : 0;
    },
    interestShortfall: (indices) => toYuan(sumNotes(indices, 'shortfall')),
    // The state still holds the previous payment date's purchases: the cash kept ÷ the principal funds offered (循环购买不足).
    purchaseShortfall: balances.purchaseOffered.gt(0) ? toYuan(balances.principalAccount) / toYuan(balances.purchaseOffered) : 0,
    purchaseShortfallAmount: toYuan(balances.principalAccount),
    // 预期到期日: balances left after a payment date on or after the note's expected maturity.
    expectedMaturityShortfall: (indices) =>
      toYuan(
        indices.reduce((a, i) => {
          const note = noteAt(balances, i);
          return note.expectedMaturity !== undefined && note.expectedMaturity <= date.accrualStart ? add(a, note.begin) : a;
        }, ZERO),
      ),
  };
}

/** Tests each trigger (testTrigger). Returns the period's rows and each trigger's history with this date. */
function testTriggers(triggers: readonly CompiledTrigger[], values: MetricValues, period: number, past: readonly TriggerHistory[]): { rows: TriggerPeriod[]; history: TriggerHistory[] } {
  const tests = triggers.map((trigger, t) => testTrigger(trigger, metricValue(trigger, values), period, past[t] ?? NO_TRIGGER_HISTORY));
  return { rows: tests.map((x) => x.row), history: tests.map((x) => x.history) };
}

/**
 * One trigger on one determination date: the value tested is the mean of the metric over its last
 * `averageOver` dates (fewer at the start); it is breached once the test has held on
 * `consecutivePeriods` dates in a row, and a non-curable trigger breached before stays breached.
 * The warning level is compared with the same value and comparator and only reported.
 */
function testTrigger(trigger: CompiledTrigger, current: number, period: number, past: TriggerHistory): { row: TriggerPeriod; history: TriggerHistory } {
  const window = [...past.recent, current];
  const value = window.reduce((a, b) => a + b, 0) / window.length;
  const threshold = trigger.threshold(period);
  const tested = compare(value, trigger.breachedWhen, threshold);
  const run = tested ? past.run + 1 : 0;
  const breached = run >= trigger.consecutivePeriods || (!trigger.curable && past.firstBreach !== null);
  const warningThreshold = trigger.warning?.(period);
  const warning = warningThreshold === undefined ? {} : { warningThreshold, warning: compare(value, trigger.breachedWhen, warningThreshold) };
  return {
    row: { id: trigger.id, metric: trigger.metric, value, threshold, unit: metricUnit(trigger.metric), tested, breached, ...warning },
    history: { firstBreach: past.firstBreach ?? (breached ? period : null), recent: window.slice(window.length - trigger.averageOver + 1), run },
  };
}

/**
 * The clean-up call (once, after any revolving period, at or below its pool factor, notes
 * outstanding) is exercisable only when the sale at par of the loans not 60+ days delinquent, this
 * period's principal and the reserve repay every note in full.
 */
function cleanUpCallExercised(deal: Pick<Deal, 'cleanUpCall' | 'revolving'>, date: DeterminationDate, revolvingEnd: RevolvingEnd | undefined, poolFactor: number, reserveBalance: Money): boolean {
  const call = deal.cleanUpCall;
  if (call === undefined) return false;
  const { flows, accruals, period } = date;
  const revolving = deal.revolving !== undefined && revolvingEnd === undefined && period <= deal.revolving.periods;
  return (
    !revolving &&
    poolFactor <= call.poolFactor &&
    accruals.notesBegin.gt(0) &&
    maxMoney(flows.endingBalance.minus(flows.delinquent60Plus), ZERO).plus(flows.scheduledPrincipal).plus(flows.prepayments).plus(reserveBalance).gte(accruals.notesBegin)
  );
}

/**
 * The reserve redemption (Reserve.redeemWhenCovered): the reserve balance + the period's interest
 * collections (net of the strip) + recoveries + scheduled principal + prepayments ≥ Σ fees due +
 * Σ notes' interest due + Σ notes' balances, with notes outstanding.
 */
function reserveCoversNotes(date: DeterminationDate, balances: Pick<PeriodState, 'notes' | 'fees' | 'reserve'>): boolean {
  const { flows, accruals } = date;
  if (!accruals.notesBegin.gt(0)) return false;
  const funds = (balances.reserve?.balance ?? ZERO).plus(accruals.interestCollections).plus(flows.recoveries).plus(flows.scheduledPrincipal).plus(flows.prepayments);
  let owed = accruals.notesBegin;
  for (const fee of balances.fees) owed = owed.plus(fee.due);
  for (const note of balances.notes) owed = owed.plus(note.interestDue);
  return funds.gte(owed);
}

/** The first payment date that does not revolve: past the revolving periods, a trigger stopping it, or the deal ending. */
function revolvingEndOf(revolving: RevolvingSpec | undefined, date: DeterminationDate, final: boolean, stopper: CompiledTrigger | undefined): RevolvingEnd | undefined {
  if (revolving === undefined) return undefined;
  const { period, paymentDate } = date;
  const reason: RevolvingEnd['reason'] | undefined = period > revolving.periods ? 'scheduled' : stopper !== undefined ? 'trigger' : final ? 'dealEnded' : undefined;
  if (reason === undefined) return undefined;
  return { period, paymentDate, reason, ...(reason === 'trigger' && stopper ? { trigger: stopper.id } : {}) };
}
