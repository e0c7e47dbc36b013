import { EngineError } from '../../errors.ts';
import type { Collections } from '../collections.ts';
import { add, sub, ZERO } from '../money.ts';
import type { PeriodState } from '../state.ts';
import type { Pot } from '../steps.ts';
import type { Funding } from './fund.ts';

/**
 * Step 7, exact in decimal cents: interest + penalty + recoveries + principal collections + clean-up
 * proceeds + cash carried in the principal account + reserve release + reserve draws + the yield
 * supplement withdrawn = servicing
 * strip + fees + interest + periodic returns + principal + reserve deposits + cash paid for purchases + cash kept in the
 * principal account + residuals (money in is the pool's gross collections, so the strip kept by the
 * servicer is an outflow); the reserve and every note roll forward from their start-of-period
 * balances, none below zero; the principal-cover ledger rolls forward (begin + covered − repaid). Cover
 * moves cash between the pots, not in or out.
 */
export function reconcilePeriod(
  state: Readonly<PeriodState>,
  flows: Pick<Collections, 'interest' | 'penaltyInterest' | 'recoveries'>,
  funding: Pick<Funding, 'principal' | 'release' | 'servicingStrip' | 'yieldSupplement'>,
  period: number,
): void {
  const reserve = state.reserve;
  const draws = reserve?.draws ?? ZERO;
  const collected = add(add(flows.interest, flows.penaltyInterest), flows.recoveries);
  const moneyIn = add(add(add(add(collected, funding.principal), funding.release), draws), funding.yieldSupplement);
  let moneyOut = add(
    add(add(add(funding.servicingStrip, state.purchasesCash), add(state.principalAccount, state.roundingCarried)), add(state.seller, state.excessServicing)),
    reserve?.deposits ?? ZERO,
  );
  for (const fee of state.fees) moneyOut = add(moneyOut, fee.paid);
  for (const note of state.notes) moneyOut = add(add(add(add(moneyOut, note.interestPaid), note.principalPaid), note.residualPaid), note.periodicReturnPaid);
  if (!moneyIn.eq(moneyOut)) reconciliationFailure(period, 'reconcile', { moneyIn: moneyIn.toString(), moneyOut: moneyOut.toString() });
  if (reserve !== undefined) {
    const expected = add(sub(sub(reserve.begin, funding.release), draws), reserve.deposits);
    if (!expected.eq(reserve.balance) || reserve.balance.lt(0)) reconciliationFailure(period, 'reconcile', { reserve: reserve.balance.toString(), expected: expected.toString() });
  }
  const cover = state.principalCover;
  if (cover !== undefined) {
    // The principal-cover ledger rolls forward: begin + covered − repaid.
    const expected = sub(add(cover.begin, cover.drawn), cover.repaid);
    if (!expected.eq(cover.ledger) || cover.ledger.lt(0)) reconciliationFailure(period, 'reconcile', { principalCoverLedger: cover.ledger.toString(), expected: expected.toString() });
  }
  for (const note of state.notes) {
    const expected = add(sub(sub(note.begin, note.principalPaid), note.writeDown), note.reimbursed);
    if (!expected.eq(note.balance) || note.balance.lt(0)) reconciliationFailure(period, 'reconcile', { note: note.id, balance: note.balance.toString(), expected: expected.toString() });
  }
}

/** After each step: no pot, ledger, reserve or note balance below zero. */
export function checkBalances(state: Readonly<PeriodState>, pot: Pot, period: number, step: string): void {
  if (pot.funds.isNegative()) reconciliationFailure(period, step, { funds: pot.funds.toString() });
  if (state.seller.isNegative() || state.purchasesCash.isNegative() || state.principalAccount.isNegative()) {
    reconciliationFailure(period, step, { seller: state.seller.toString(), purchasesCash: state.purchasesCash.toString(), principalAccount: state.principalAccount.toString() });
  }
  if (state.reserve !== undefined && state.reserve.balance.isNegative()) reconciliationFailure(period, step, { reserve: state.reserve.balance.toString() });
  if (state.principalCover !== undefined && state.principalCover.available.isNegative()) reconciliationFailure(period, step, { principalCoverAvailable: state.principalCover.available.toString() });
  for (const note of state.notes) if (note.balance.isNegative()) reconciliationFailure(period, step, { note: note.id, balance: note.balance.toString() });
}

export function reconciliationFailure(period: number, step: string, details: Record<string, unknown>): never {
  throw new EngineError('RECONCILIATION', { period, step, ...details });
}
