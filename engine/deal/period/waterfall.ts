import { EngineError } from '../../errors.ts';
import type { CompiledDeal, PathedStep } from '../compile.ts';
import { toYuan, ZERO } from '../money.ts';
import type { PurchaseDesk } from '../purchases.ts';
import type { PeriodState } from '../state.ts';
import { runStep, type Pot } from '../steps.ts';
import type { Determination } from './determine.ts';
import type { Funding } from './fund.ts';
import { checkBalances, reconciliationFailure } from './reconcile.ts';

/**
 * Sets the state the steps read and pay from for this payment date: the triggers in force and
 * their effects, the final and revolving flags, the principal due, the collateral after the period,
 * the PDL, nothing yet cured, purchased or paid to the seller, the cash carried in the principal
 * account now in the principal funds, the date's purchase desk (while revolving), and the reserve
 * after its release.
 */
export function openWaterfall(state: PeriodState, determination: Omit<Determination, 'values' | 'history'>, funding: Funding, desk?: PurchaseDesk): void {
  determination.triggers.forEach((row, t) => {
    state.breached[t] = row.breached;
  });
  state.sequential = determination.sequential;
  state.trapping = determination.trapping;
  state.final = determination.final;
  state.revolving = determination.revolving;
  state.principalDue = funding.principalDue;
  state.poolAfter = funding.poolAfter;
  state.pdl = funding.pdl;
  state.pdlCured = ZERO;
  state.transfer = ZERO;
  state.purchasesCash = ZERO;
  state.principalPurchased = ZERO;
  state.principalCarriedIn = funding.principalCarried;
  state.principalAccount = ZERO;
  state.roundingCarried = ZERO;
  state.purchaseOffered = ZERO;
  state.desk = desk;
  state.seller = ZERO;
  state.excessServicing = ZERO;
  if (state.principalCover !== undefined) {
    const cover = state.principalCover;
    cover.available = funding.principal;
    cover.drawn = ZERO;
    cover.repaid = ZERO;
    cover.begin = cover.ledger;
  }
  if (state.reserve !== undefined) {
    state.reserve.balance = state.reserve.balance.minus(funding.release);
    state.reserve.release = funding.release;
  }
}

/**
 * Step 5: the steps in order over one pot (combined waterfall, or the acceleration waterfall once an
 * accelerate trigger is in force), or over the interest pot and then the principal pot, which
 * receives what the interest waterfall left, the PDL cures and principal-cover repayments it moved,
 * less the principal funds that covered interest-waterfall shortfalls. Every pot must end empty.
 * Returns what each step paid, indexed like compiled.stepPaths.
 */
export function runWaterfall(
  state: PeriodState,
  compiled: Pick<CompiledDeal, 'stepPaths' | 'stepIndex' | 'acceleration' | 'combined' | 'interest' | 'principal'>,
  funding: Pick<Funding, 'interest' | 'principal' | 'release'>,
  accelerated: boolean,
  period: number,
): number[] {
  const stepPaid = compiled.stepPaths.map(() => 0);
  const run = (steps: readonly PathedStep[], pot: Pot): void => runSteps(state, steps, pot, compiled.stepIndex, stepPaid, period);
  let pot: Pot;
  if (accelerated) {
    pot = { funds: funding.interest.plus(funding.principal).plus(funding.release), interestOfSeparate: false };
    run(compiled.acceleration, pot);
  } else if (compiled.combined !== undefined) {
    pot = { funds: funding.interest.plus(funding.principal).plus(funding.release), interestOfSeparate: false };
    run(compiled.combined, pot);
  } else {
    const interestPot: Pot = { funds: funding.interest.plus(funding.release), interestOfSeparate: true };
    run(compiled.interest, interestPot);
    // The principal pot less what covered interest-waterfall shortfalls (principalCovers).
    const principalLeft = state.principalCover?.available ?? funding.principal;
    pot = { funds: principalLeft.plus(interestPot.funds).plus(state.transfer), interestOfSeparate: false };
    run(compiled.principal, pot);
  }
  if (!pot.funds.isZero()) reconciliationFailure(period, 'end of waterfall', { left: pot.funds.toString() });
  return stepPaid;
}

/**
 * Runs the steps in order over the pot, recording what each paid in stepPaid at its path's index
 * and checking the balances after each. A path missing from the index is an engine error
 * (STEP_NOT_INDEXED), not a payment booked against another step.
 */
export function runSteps(state: PeriodState, steps: readonly PathedStep[], pot: Pot, stepIndex: ReadonlyMap<string, number>, stepPaid: number[], period: number): void {
  for (const { path, step } of steps) {
    const index = stepIndex.get(path);
    if (index === undefined) throw new EngineError('STEP_NOT_INDEXED', { period, step: path });
    const paid = runStep(state, step, pot);
    if (!paid.isZero()) stepPaid[index] = toYuan(paid);
    checkBalances(state, pot, period, path);
  }
}
