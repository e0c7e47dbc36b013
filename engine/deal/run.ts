import { addMonths, formatIsoDate, parseIsoDate, type CalendarDate } from '../dates.ts';
import { dayCountDays, type DayCount } from '../daycount.ts';
import { EngineError } from '../errors.ts';
import { collect } from './collections.ts';
import { compileDeal, type PathedStep } from './compile.ts';
import { add, maxMoney, minMoney, Money, roundCents, sub, toCents, toYuan, ZERO } from './money.ts';
import type { PoolSource } from './pool-source.ts';
import type { DealPeriod, DealResult, NoteLeg, RevolvingEnd } from './result.ts';
import { noteAt, pdlByNote, unreachable, writeDown, type FeeState, type NoteState, type PeriodState, type ReserveState } from './state.ts';
import { runStep, type Pot } from './steps.ts';
import { compare, metricValue, type CompiledTrigger, type MetricValues } from './triggers.ts';
import type { Deal, FeeSpec, TriggerEffect } from './types.ts';
import { validateDeal } from './validate.ts';

export interface RunOptions {
  /** Skip validateDeal when the caller has just run it (default false: validate). */
  readonly skipValidation?: boolean;
}

/**
 * Runs the deal's priority of payments over the pool, payment date by payment date. Revolving
 * purchases are recorded on `pool`, so give each run a fresh pool source (poolLedger).
 *
 * Each period p (payment date p, accrual from the previous payment date, or closing for p = 1):
 *  1. Collections: the pool months of the period (see DealDates.paymentFrequencyMonths), each
 *     amount rounded half-up to cents as read, then summed. Past the pool horizon nothing is collected.
 *  2. Accruals on start-of-period balances: coupons (balance × rate × days ÷ basis of the note's day
 *     count, rounded half-up to cents), fees, the reserve target; the excess spread.
 *  3. Determination date: trigger metrics of the collection period just ended; triggers tested and in
 *     force for this payment date. Revolving ends (schedule or trigger); the clean-up call is tested.
 *     The final period is the legal-final period, the clean-up period or the pool horizon's last period.
 *  4. Reserve release (excess over target; everything at the final period or on acceleration) into
 *     the interest (or combined) pot; under PDL allocation the ledger is debited with the period's gross
 *     defaults (recoveries are interest-pot revenue).
 *  5. The steps in order (steps.ts), or the acceleration waterfall once an accelerate trigger is in
 *     force: all funds in one pot → senior fees (waterfall order) → by class: interest, then principal
 *     pro rata within the class → other fees → the deal's last residual recipient. Acceleration ends
 *     revolving and releases the reserve.
 *  6. Loss allocation (Deal.lossAllocation); at the final period every unpaid balance is written down.
 *  7. Reconciliation, exact in decimal cents: interest + penalty + recoveries + principal collections
 *     + clean-up proceeds + reserve release + reserve draws = fees + interest + principal + reserve
 *     deposits + purchases + residuals; no balance below zero after any step. A failure throws
 *     EngineError('RECONCILIATION') naming the period and the step.
 */
export function runDeal(deal: Deal, pool: PoolSource, options: RunOptions = {}): DealResult {
  if (options.skipValidation !== true) validateDeal(deal);
  const compiled = compileDeal(deal);
  const { notes, allClasses, triggers } = compiled;
  const frequency = deal.dates.paymentFrequencyMonths ?? 1;
  const closing = parseIsoDate(deal.dates.closing);
  const firstPayment = parseIsoDate(deal.dates.firstPaymentDate);
  const legalFinal = parseIsoDate(deal.dates.legalFinalMaturity);
  const legalFinalPeriod = lastPeriodOnOrBefore(firstPayment, frequency, legalFinal);
  const lastPeriod = Math.min(Math.ceil(pool.months / frequency), legalFinalPeriod);
  const cutoffBalance = toCents(pool.cutoffBalance);
  const cutoffNumber = toYuan(cutoffBalance);
  const lossAllocation = deal.lossAllocation ?? 'writeDown';
  const reserveState: ReserveState | undefined = compiled.reserve;
  const state: PeriodState = {
    notes,
    fees: compiled.fees,
    reserve: reserveState,
    pdl: ZERO,
    principalDue: ZERO,
    pdlCured: ZERO,
    transfer: ZERO,
    purchases: ZERO,
    seller: ZERO,
    poolAfter: ZERO,
    cutoffBalance,
    revolving: false,
    revolvingShare: new Money(deal.revolving?.excessSpreadShare ?? 0),
    final: false,
    sequential: false,
    trapping: false,
    breached: triggers.map(() => false),
  };
  const everBreached = triggers.map(() => false);
  const firstBreach: Record<string, number | null> = Object.fromEntries(triggers.map((t) => [t.id, null]));
  const spreadHistory: number[] = [];
  const periods: DealPeriod[] = [];
  const cumulativeDefaultRate: number[] = [];
  const cumulativeNetLoss: number[] = [];
  let cumulativeDefaults = ZERO;
  let cumulativeLosses = ZERO;
  let cumulativePurchases = ZERO;
  let revolvingEnd: RevolvingEnd | undefined;
  let cleanUpPeriod: number | undefined;
  let accrualStart = closing;

  for (let p = 1; p <= lastPeriod; p++) {
    const paymentDate = addMonths(firstPayment, (p - 1) * frequency);
    const paymentIso = formatIsoDate(paymentDate);
    const flows = collect(pool, p, frequency);

    // 2. Accruals on start-of-period balances.
    const days = accrualDays(accrualStart, paymentDate);
    let couponAccrued = ZERO;
    let notesBegin = ZERO;
    for (const note of notes) {
      note.begin = note.balance;
      note.couponRate = note.rates[Math.min(p, note.rates.length) - 1] ?? ZERO;
      const accrual = accrue(note.begin, note.couponRate, note.dayCount, days);
      const onShortfall = note.interestOnShortfall ? accrue(note.shortfall, note.couponRate, note.dayCount, days) : ZERO;
      note.accrual = accrual;
      note.interestDue = add(add(accrual, note.shortfall), onShortfall);
      note.interestPaid = ZERO;
      note.principalPaid = ZERO;
      note.writeDown = ZERO;
      note.residualPaid = ZERO;
      note.reimbursed = ZERO;
      couponAccrued = add(couponAccrued, accrual);
      notesBegin = add(notesBegin, note.begin);
    }
    let feesAccrued = ZERO;
    deal.fees?.forEach((spec, i) => {
      const fee = state.fees[i] as FeeState;
      fee.accrual = feeAccrual(spec, compiled.feeRates[i] ?? ZERO, p, flows.beginningBalance, compiled.feeNotes[i] ?? [], notes, days);
      fee.due = add(fee.unpaid, fee.accrual);
      fee.paid = ZERO;
      feesAccrued = add(feesAccrued, fee.accrual);
    });
    if (reserveState !== undefined && deal.reserve !== undefined) {
      const t = deal.reserve.target;
      const basis = t.basis === 'initialNoteBalance' ? compiled.reserveNotesOriginal : sumBegin(notes, compiled.reserveNotes);
      let target = roundCents(basis.times(compiled.reservePercent));
      if (compiled.reserveFloor !== undefined) target = maxMoney(target, compiled.reserveFloor);
      if (compiled.reserveCap !== undefined) target = minMoney(target, compiled.reserveCap);
      reserveState.target = minMoney(target, notesBegin);
      reserveState.begin = reserveState.balance;
      reserveState.release = ZERO;
      reserveState.draws = ZERO;
      reserveState.deposits = ZERO;
    }
    const interestCollections = flows.interest.plus(flows.penaltyInterest);
    const excessSpread = interestCollections.minus(feesAccrued).minus(couponAccrued);
    const poolBegin = toYuan(flows.beginningBalance);
    spreadHistory.push(poolBegin > 0 ? (toYuan(excessSpread) / poolBegin) * (12 / frequency) : 0);

    // 3. Determination date.
    cumulativeDefaults = add(cumulativeDefaults, flows.defaults);
    cumulativeLosses = add(cumulativeLosses, flows.losses);
    const poolEnd = toYuan(flows.endingBalance);
    const cdrBase = cutoffNumber + toYuan(cumulativePurchases);
    const recent = spreadHistory.slice(-3);
    const values: MetricValues = {
      cumulativeDefaultRate: cdrBase > 0 ? toYuan(cumulativeDefaults) / cdrBase : 0,
      delinquency60Plus: poolEnd > 0 ? toYuan(flows.delinquent60Plus) / poolEnd : 0,
      delinquency90Plus: poolEnd > 0 ? toYuan(flows.delinquent90Plus) / poolEnd : 0,
      reserveToTarget: reserveState === undefined || reserveState.target.isZero() ? 1 : toYuan(reserveState.balance) / toYuan(reserveState.target),
      poolFactor: cutoffNumber > 0 ? poolEnd / cutoffNumber : 0,
      excessSpreadAverage: recent.reduce((a, b) => a + b, 0) / recent.length,
      noteBalanceRatio: (indices) => {
        const sum = indices.reduce((a, i) => a + toYuan(noteAt(state, i).begin), 0);
        return poolEnd > 0 ? sum / poolEnd : sum > 0 ? Infinity : 0;
      },
    };
    const triggerRows = triggers.map((trigger, t) => {
      const value = metricValue(trigger, values);
      const threshold = trigger.threshold(p);
      const tested = compare(value, trigger.breachedWhen, threshold);
      const breached = tested || (!trigger.curable && everBreached[t] === true);
      state.breached[t] = breached;
      if (breached && !everBreached[t]) {
        everBreached[t] = true;
        firstBreach[trigger.id] = p;
      }
      return { id: trigger.id, value, threshold, tested, breached };
    });
    const inForce = (effect: TriggerEffect): CompiledTrigger | undefined => triggers.find((t, i) => state.breached[i] === true && t.effects.has(effect));
    const accelerated = inForce('accelerate') !== undefined;
    state.sequential = inForce('sequential') !== undefined;
    state.trapping = inForce('trapExcessSpread') !== undefined && !accelerated;

    const cleanUp =
      deal.cleanUpCall !== undefined &&
      cleanUpPeriod === undefined &&
      !(deal.revolving !== undefined && revolvingEnd === undefined && p <= deal.revolving.periods) &&
      values.poolFactor <= deal.cleanUpCall.poolFactor &&
      notesBegin.gt(0) &&
      // Exercisable only when the sale, this period's principal and the reserve repay every note in full.
      maxMoney(flows.endingBalance.minus(flows.delinquent60Plus), ZERO)
        .plus(flows.scheduledPrincipal)
        .plus(flows.prepayments)
        .plus(reserveState?.balance ?? ZERO)
        .gte(notesBegin);
    if (cleanUp) cleanUpPeriod = p;
    state.final = cleanUp || p === lastPeriod;
    if (deal.revolving !== undefined && revolvingEnd === undefined) {
      const stopper = inForce('endRevolving') ?? inForce('accelerate');
      const reason: RevolvingEnd['reason'] | undefined =
        p > deal.revolving.periods ? 'scheduled' : stopper !== undefined ? 'trigger' : state.final ? 'dealEnded' : undefined;
      if (reason !== undefined) {
        revolvingEnd = { period: p, paymentDate: paymentIso, reason, ...(reason === 'trigger' && stopper ? { trigger: stopper.id } : {}) };
      }
    }
    state.revolving = deal.revolving !== undefined && revolvingEnd === undefined;

    // 4. Funds, reserve release, PDL debit.
    const cleanUpProceeds = cleanUp ? maxMoney(flows.endingBalance.minus(flows.delinquent60Plus), ZERO) : ZERO;
    const interestFunds = interestCollections.plus(flows.recoveries);
    const principalFunds = flows.scheduledPrincipal.plus(flows.prepayments).plus(cleanUpProceeds);
    state.principalDue = state.final ? notesBegin : principalFunds;
    state.poolAfter = cleanUp ? ZERO : flows.endingBalance;
    state.pdlCured = ZERO;
    state.transfer = ZERO;
    state.purchases = ZERO;
    state.seller = ZERO;
    let release = ZERO;
    if (reserveState !== undefined) {
      if (state.final || accelerated) release = reserveState.balance;
      else if (!state.trapping && reserveState.balance.gt(reserveState.target)) release = reserveState.balance.minus(reserveState.target);
      reserveState.balance = reserveState.balance.minus(release);
      reserveState.release = release;
    }
    if (lossAllocation === 'pdl') state.pdl = state.pdl.plus(minMoney(flows.defaults, maxMoney(notesBegin.minus(state.pdl), ZERO)));
    // Write-down mode: the principal due covers the notes' excess over the collateral (pool after the
    // period + reserve), so funds that would otherwise go to the residual pay the notes down (or, while
    // revolving, replace defaulted loans) before anything is written off.
    else if (!state.final) {
      const uncovered = notesBegin.minus(state.poolAfter).minus(reserveState?.balance ?? ZERO);
      if (uncovered.gt(state.principalDue)) state.principalDue = uncovered;
    }

    // 5. Steps.
    const stepPaid = compiled.stepPaths.map(() => 0);
    const run = (steps: readonly PathedStep[], pot: Pot): void => {
      for (const { path, step } of steps) {
        const paid = runStep(state, step, pot);
        if (!paid.isZero()) stepPaid[compiled.stepIndex.get(path) ?? 0] = toYuan(paid);
        checkBalances(state, pot, p, path);
      }
    };
    let pot: Pot;
    if (accelerated) {
      pot = { funds: interestFunds.plus(principalFunds).plus(release), interestOfSeparate: false };
      run(compiled.acceleration, pot);
    } else if (compiled.combined !== undefined) {
      pot = { funds: interestFunds.plus(principalFunds).plus(release), interestOfSeparate: false };
      run(compiled.combined, pot);
    } else {
      const interestPot: Pot = { funds: interestFunds.plus(release), interestOfSeparate: true };
      run(compiled.interest, interestPot);
      pot = { funds: principalFunds.plus(interestPot.funds).plus(state.transfer), interestOfSeparate: false };
      run(compiled.principal, pot);
    }
    if (!pot.funds.isZero()) fail(p, 'end of waterfall', { left: pot.funds.toString() });

    // 6. Loss allocation.
    let notesEnd = sumBalances(notes);
    if (state.final) {
      writeDown(state, allClasses, notesEnd);
      state.pdl = ZERO;
    } else if (lossAllocation === 'writeDown') {
      // The reserve is collateral too: its cash is released to the notes at the final period.
      const excess = notesEnd.minus(state.poolAfter).minus(reserveState?.balance ?? ZERO);
      if (excess.gt(0)) writeDown(state, allClasses, excess);
    } else {
      state.pdl = minMoney(state.pdl, notesEnd);
    }
    notesEnd = sumBalances(notes);

    // 7. Reconciliation.
    const draws = reserveState?.draws ?? ZERO;
    const moneyIn = add(add(add(interestFunds, principalFunds), release), draws);
    let moneyOut = add(add(state.purchases, state.seller), reserveState?.deposits ?? ZERO);
    for (const fee of state.fees) moneyOut = add(moneyOut, fee.paid);
    for (const note of notes) moneyOut = add(add(add(moneyOut, note.interestPaid), note.principalPaid), note.residualPaid);
    if (!moneyIn.eq(moneyOut)) fail(p, 'reconcile', { moneyIn: moneyIn.toString(), moneyOut: moneyOut.toString() });
    if (reserveState !== undefined) {
      const expected = add(sub(sub(reserveState.begin, release), draws), reserveState.deposits);
      if (!expected.eq(reserveState.balance) || reserveState.balance.lt(0)) fail(p, 'reconcile', { reserve: reserveState.balance.toString(), expected: expected.toString() });
    }
    for (const note of notes) {
      const expected = add(sub(sub(note.begin, note.principalPaid), note.writeDown), note.reimbursed);
      if (!expected.eq(note.balance) || note.balance.lt(0)) fail(p, 'reconcile', { note: note.id, balance: note.balance.toString(), expected: expected.toString() });
    }

    // Carry to the next period; purchases join the pool after the period's last month.
    for (const note of notes) note.shortfall = state.final ? ZERO : sub(note.interestDue, note.interestPaid);
    for (const fee of state.fees) fee.unpaid = sub(fee.due, fee.paid);
    if (state.purchases.gt(0)) pool.purchase(p * frequency, toYuan(state.purchases));
    cumulativePurchases = cumulativePurchases.plus(state.purchases);

    const pdlNotes = lossAllocation === 'pdl' ? pdlByNote(state, allClasses) : undefined;
    periods.push({
      period: p,
      accrualStart: formatIsoDate(accrualStart),
      paymentDate: paymentIso,
      pool: {
        beginningBalance: poolBegin,
        interest: toYuan(flows.interest),
        penaltyInterest: toYuan(flows.penaltyInterest),
        scheduledPrincipal: toYuan(flows.scheduledPrincipal),
        prepayments: toYuan(flows.prepayments),
        recoveries: toYuan(flows.recoveries),
        defaults: toYuan(flows.defaults),
        losses: toYuan(flows.losses),
        endingBalance: poolEnd,
        delinquent60Plus: toYuan(flows.delinquent60Plus),
        delinquent90Plus: toYuan(flows.delinquent90Plus),
        servicingFee: toYuan(flows.servicingFee),
        poolFactor: values.poolFactor,
        purchases: toYuan(state.purchases),
        cleanUpProceeds: toYuan(cleanUpProceeds),
      },
      availableFunds: { interest: toYuan(interestFunds), principal: toYuan(principalFunds) },
      fees: state.fees.map((fee) => ({ id: fee.id, due: toYuan(fee.due), paid: toYuan(fee.paid), unpaid: toYuan(fee.unpaid) })),
      notes: compiled.listOrder.map((i) => {
        const note = noteAt(state, i);
        return {
          id: note.id,
          beginningBalance: toYuan(note.begin),
          couponRate: toYuan(note.couponRate),
          interestDue: toYuan(note.interestDue),
          interestPaid: toYuan(note.interestPaid),
          interestShortfall: toYuan(sub(note.interestDue, note.interestPaid)),
          principalPaid: toYuan(note.principalPaid),
          writeDown: toYuan(note.writeDown),
          writeDownReimbursed: toYuan(note.reimbursed),
          endingBalance: toYuan(note.balance),
          pdlBalance: pdlNotes?.[i] === undefined ? 0 : toYuan(pdlNotes[i]),
          residualPaid: toYuan(note.residualPaid),
        };
      }),
      ...(reserveState === undefined
        ? {}
        : {
            reserve: {
              beginningBalance: toYuan(reserveState.begin),
              target: toYuan(reserveState.target),
              release: toYuan(release),
              draws: toYuan(draws),
              deposits: toYuan(reserveState.deposits),
              endingBalance: toYuan(reserveState.balance),
            },
          }),
      triggers: triggerRows,
      excessSpread: toYuan(excessSpread),
      liquidityCoverage: liquidityCoverage(state, compiled.combined !== undefined || accelerated ? interestFunds.plus(principalFunds) : interestFunds),
      revolving: state.revolving,
      accelerated,
      final: state.final,
      pdlCured: toYuan(state.pdlCured),
      residualToSeller: toYuan(state.seller),
      steps: stepPaid,
    });
    cumulativeDefaultRate.push(values.cumulativeDefaultRate);
    cumulativeNetLoss.push(toYuan(cumulativeLosses));
    accrualStart = paymentDate;
    if (state.final) break;
  }

  return {
    periods,
    stepPaths: compiled.stepPaths,
    cumulativeDefaultRate,
    cumulativeNetLoss,
    ...(revolvingEnd === undefined ? {} : { revolvingEnd }),
    triggerFirstBreach: firstBreach,
    legs: legsOf(deal, periods),
    ...(cleanUpPeriod === undefined ? {} : { cleanUpPeriod }),
  };
}

/** Days of the accrual period under each day count (30/360 US; actual days for ACT/365 and ACT/360), as decimals. */
type AccrualDays = Readonly<Record<DayCount, Money>>;

const DAYS_360 = new Money(360);
const DAYS_365 = new Money(365);

function accrualDays(start: CalendarDate, end: CalendarDate): AccrualDays {
  const actual = new Money(dayCountDays('ACT/365', start, end));
  return { '30/360': new Money(dayCountDays('30/360', start, end)), 'ACT/365': actual, 'ACT/360': actual };
}

/** amount × rate × days ÷ basis (360, or 365 for ACT/365), rounded half-up to cents: one rounding, at the end. */
function accrue(amount: Money, rateAnnual: Money, dayCount: DayCount, days: AccrualDays): Money {
  if (amount.isZero() || rateAnnual.isZero()) return ZERO;
  return roundCents(amount.times(rateAnnual).times(days[dayCount]).div(dayCount === 'ACT/365' ? DAYS_365 : DAYS_360));
}

/** This period's accrual of a fee; `rate` is its rateAnnual, or its amount for fixed and one-off fees (read once). */
function feeAccrual(spec: FeeSpec, rate: Money, period: number, poolBegin: Money, feeNotes: readonly number[], notes: readonly NoteState[], days: AccrualDays): Money {
  const basis = spec.basis;
  switch (basis.type) {
    case 'poolBalance':
      return accrue(poolBegin, rate, basis.dayCount ?? 'ACT/365', days);
    case 'noteBalance':
      return accrue(sumBegin(notes, feeNotes), rate, basis.dayCount ?? 'ACT/365', days);
    case 'fixed':
      return rate;
    case 'oneOff':
      return period === (basis.period ?? 1) ? rate : ZERO;
    default:
      return unreachable(basis);
  }
}

function sumBegin(notes: readonly NoteState[], indices: readonly number[]): Money {
  let total = ZERO;
  for (const i of indices) total = add(total, notes[i]?.begin ?? ZERO);
  return total;
}

function sumBalances(notes: readonly NoteState[]): Money {
  let total = ZERO;
  for (const note of notes) total = add(total, note.balance);
  return total;
}

/** Available funds ÷ (senior fees due + interest due of the most senior class still owed anything). */
function liquidityCoverage(state: PeriodState, funds: Money): number | null {
  let due = ZERO;
  for (const fee of state.fees) if (fee.senior) due = due.plus(fee.due);
  const seniorRank = state.notes.find((n) => n.begin.gt(0) || n.interestDue.gt(0))?.rank;
  for (const note of state.notes) if (note.rank === seniorRank) due = due.plus(note.interestDue);
  return due.isZero() ? null : toYuan(funds) / toYuan(due);
}

function checkBalances(state: PeriodState, pot: Pot, period: number, step: string): void {
  if (pot.funds.isNegative()) fail(period, step, { funds: pot.funds.toString() });
  if (state.seller.isNegative() || state.purchases.isNegative()) fail(period, step, { seller: state.seller.toString(), purchases: state.purchases.toString() });
  if (state.reserve !== undefined && state.reserve.balance.isNegative()) fail(period, step, { reserve: state.reserve.balance.toString() });
  for (const note of state.notes) if (note.balance.isNegative()) fail(period, step, { note: note.id, balance: note.balance.toString() });
}

function fail(period: number, step: string, details: Record<string, unknown>): never {
  throw new EngineError('RECONCILIATION', { period, step, ...details });
}

/** Index of the last payment date on or before `date` (0 when even the first is after it). */
function lastPeriodOnOrBefore(first: CalendarDate, frequency: number, date: CalendarDate): number {
  const target = formatIsoDate(date);
  let p = 0;
  while (formatIsoDate(addMonths(first, p * frequency)) <= target) p++;
  return p;
}

function legsOf(deal: Deal, periods: readonly DealPeriod[]): NoteLeg[] {
  const dates = periods.map((row) => row.paymentDate);
  return deal.notes.map((spec, j) => {
    const column = (pick: (row: DealPeriod['notes'][number]) => number): number[] => periods.map((row) => (row.notes[j] ? pick(row.notes[j]) : 0));
    return {
      id: spec.id,
      originalBalance: toYuan(toCents(spec.originalBalance)),
      dates,
      principal: column((n) => n.principalPaid),
      interest: column((n) => n.interestPaid),
      writeDown: netOfReimbursements(column((n) => n.writeDown), column((n) => n.writeDownReimbursed)),
      balance: column((n) => n.endingBalance),
      residual: column((n) => n.residualPaid),
    };
  });
}

/**
 * A leg's write-down column net of reimbursements: each reimbursement cancels the earliest write-downs
 * still standing (first in, first out), so every entry stays ≥ 0 and the column sums to the net loss.
 */
function netOfReimbursements(writeDowns: number[], reimbursed: readonly number[]): number[] {
  const out = writeDowns.map((x) => toCents(x));
  reimbursed.forEach((r, t) => {
    let left = toCents(r);
    for (let k = 0; k <= t && left.gt(0); k++) {
      const take = minMoney(left, out[k] ?? ZERO);
      out[k] = sub(out[k] ?? ZERO, take);
      left = left.minus(take);
    }
  });
  return out.map(toYuan);
}
