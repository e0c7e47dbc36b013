import { allocateProRata } from './allocate.ts';
import { splitExcess } from './excess-servicing.ts';
import { accrue } from './accrual.ts';
import { buyLoans } from './purchases.ts';
import { add, maxMoney, minMoney, type Money, roundedProduct, sub, ZERO } from './money.ts';
import { classesBalance, feeAt, noteAt, paySequential, payProRata, reimburseWriteDowns, unreachable, type CompiledStep, type PeriodState } from './state.ts';

/** The funds a waterfall runs over; steps take from `funds`. */
export interface Pot {
  funds: Money;
  /** True for the interest waterfall of a separate-waterfall deal (PDL cures move cash to the principal pot). */
  readonly interestOfSeparate: boolean;
}

/**
 * Runs one step over the pot and returns what it paid (reserve draws included). Conventions per kind:
 *  - fee / interest: pay what is still due (a fee or note may appear in more than one step); a
 *    shortfall on an item the reserve covers is drawn from the reserve at this step, then (interest
 *    waterfall of a separate deal) from the principal funds when principalCovers names the item.
 *  - interest over several notes: pro rata by amount still due, largest remainder at cents.
 *  - reserveTopUp: up to target − balance; nothing at the final period.
 *  - principal / turbo: see schema.ts (principalAmount); while revolving, principalDue steps buy loans instead
 *    (buyLoans; the cash of a refused purchase moves to the principal account, and the step reports
 *    the cash spent and kept) and other principal steps pay nothing.
 *  - residual: the whole pot; first it reimburses the notes' earlier write-downs (most senior first, as
 *    principal: senior money is not lost while residual money is paid), then, while revolving, the
 *    revolving share (rounded half-up to cents) buys loans (a refused part stays in the residual).
 */
export function runStep(state: PeriodState, step: CompiledStep, pot: Pot): Money {
  switch (step.kind) {
    case 'fee':
      return payFee(state, step, pot);
    case 'interest': {
      // A plain loop, not map(): see checkLeg (analytics/leg.ts).
      const owed: Money[] = [];
      for (const i of step.notes) {
        const note = noteAt(state, i);
        owed.push(sub(note.interestDue, note.interestPaid));
      }
      let total = ZERO;
      for (const o of owed) total = add(total, o);
      const pay = minMoney(pot.funds, total);
      const parts = pay.eq(total) ? owed : allocateProRata(pay, owed);
      pot.funds = sub(pot.funds, pay);
      let paid = pay;
      step.notes.forEach((i, k) => {
        const note = noteAt(state, i);
        note.interestPaid = add(note.interestPaid, parts[k] ?? ZERO);
        const draw = drawReserve(state, state.reserve?.coversNote[i] === true, sub(note.interestDue, note.interestPaid));
        note.interestPaid = add(note.interestPaid, draw);
        const cover = drawPrincipal(state, pot, state.principalCover?.coversNote[i] === true, sub(note.interestDue, note.interestPaid));
        note.interestPaid = add(note.interestPaid, cover);
        paid = add(add(paid, draw), cover);
      });
      return paid;
    }
    case 'reserveTopUp': {
      const reserve = state.reserve;
      if (reserve === undefined || state.final) return ZERO;
      const want = maxMoney(reserve.target.minus(reserve.balance), ZERO);
      const pay = minMoney(pot.funds, want);
      pot.funds = pot.funds.minus(pay);
      reserve.balance = reserve.balance.plus(pay);
      reserve.deposits = reserve.deposits.plus(pay);
      return pay;
    }
    case 'principal': {
      if (state.revolving) {
        if (step.amount !== 'principalDue') return ZERO;
        const offered = minMoney(pot.funds, state.principalDue);
        state.purchaseOffered = state.purchaseOffered.plus(offered);
        // What the purchase refuses stays in the principal account, carried to the next payment date.
        const kept = offered.minus(purchase(state, pot, offered));
        pot.funds = pot.funds.minus(kept);
        state.principalAccount = state.principalAccount.plus(kept);
        state.principalDue = maxMoney(state.principalDue.minus(kept), ZERO);
        return offered;
      }
      const notesOutstanding = classesBalance(state, step.classes);
      let limit = minMoney(pot.funds, notesOutstanding);
      if (step.amount === 'principalDue' || step.amount === 'targetBalance') limit = minMoney(limit, state.principalDue);
      if (step.amount === 'targetBalance' && !state.final) {
        // Controlled amortisation: down to the scheduled balance of the latest date on or before this payment date.
        const scheduled = step.targetBalances.findLast((t) => t.date <= state.paymentDate)?.balance ?? notesOutstanding;
        limit = minMoney(limit, maxMoney(notesOutstanding.minus(scheduled), ZERO));
      } else if (step.amount === 'targetOC' && !state.final) {
        // The adjusted pool (pool − yield supplement OC; the pool itself without one) carries the notes.
        const adjustedPool = maxMoney(state.poolAfter.minus(state.yieldSupplementOC), ZERO);
        const adjustedCutoff = state.cutoffBalance.minus(state.cutoffYieldSupplementOC);
        // OC target = max(x% × current + y% × cutoff, floor% × cutoff), all on adjusted pools (schema.ts, principalAmount).
        const target = roundedProduct(adjustedPool, step.ocPercent).plus(roundedProduct(adjustedCutoff, step.ocInitialPercent));
        const oc = maxMoney(target, roundedProduct(adjustedCutoff, step.ocFloor));
        const targetNotes = maxMoney(adjustedPool.minus(oc), ZERO);
        limit = minMoney(limit, maxMoney(notesOutstanding.minus(targetNotes), ZERO));
      }
      const sequential = step.rule === 'sequential' || state.final || state.sequential || (step.rule === 'proRataThenSequential' && step.triggers.some((t) => state.breached[t] === true));
      const paid = sequential ? paySequential(state, step.classes, limit) : payProRata(state, step.classes, limit);
      pot.funds = pot.funds.minus(paid);
      state.principalDue = maxMoney(state.principalDue.minus(paid), ZERO);
      return paid;
    }
    case 'pdlCure': {
      const cure = minMoney(pot.funds, state.pdl);
      state.pdl = state.pdl.minus(cure);
      state.pdlCured = state.pdlCured.plus(cure);
      state.principalDue = state.principalDue.plus(cure);
      if (pot.interestOfSeparate) {
        pot.funds = pot.funds.minus(cure);
        state.transfer = state.transfer.plus(cure);
      }
      return cure;
    }
    case 'repayPrincipalCover': {
      // 收入账户偿还: the interest pot pays back what principal covered; the cash is paid as principal.
      const cover = state.principalCover;
      if (cover === undefined || !pot.interestOfSeparate) return ZERO;
      const repay = minMoney(pot.funds, cover.ledger);
      cover.ledger = cover.ledger.minus(repay);
      cover.repaid = cover.repaid.plus(repay);
      pot.funds = pot.funds.minus(repay);
      state.transfer = state.transfer.plus(repay);
      state.principalDue = state.principalDue.plus(repay);
      return repay;
    }
    case 'periodicReturn': {
      // 期间收益 (和享 2017-5 def. (107)): this accrual period's return only, never made good later.
      const note = noteAt(state, step.note);
      const seniorsOutstanding = step.whileOutstanding.some((i) => noteAt(state, i).begin.gt(0));
      if (!seniorsOutstanding || state.accrualDays === undefined) return ZERO;
      const pay = minMoney(pot.funds, accrue(note.begin, step.rateAnnual, step.dayCount, state.accrualDays));
      pot.funds = pot.funds.minus(pay);
      note.periodicReturnPaid = note.periodicReturnPaid.plus(pay);
      return pay;
    }
    case 'excessServicing': {
      // Everything left: earlier write-downs first (as the residual step does), then the hurdle split.
      const all = pot.funds;
      pot.funds = pot.funds.minus(reimburseWriteDowns(state, pot.funds));
      const note = noteAt(state, step.note);
      const { toNote, toServicer } = splitExcess(note, step, pot.funds);
      note.residualPaid = note.residualPaid.plus(toNote);
      state.excessServicing = state.excessServicing.plus(toServicer);
      pot.funds = ZERO;
      return all;
    }
    case 'turbo': {
      if (state.revolving) return ZERO;
      const paid = paySequential(state, step.classes, pot.funds);
      pot.funds = pot.funds.minus(paid);
      state.principalDue = maxMoney(state.principalDue.minus(paid), ZERO);
      return paid;
    }
    case 'residual': {
      const all = pot.funds;
      pot.funds = pot.funds.minus(reimburseWriteDowns(state, pot.funds));
      if (state.revolving && state.revolvingShare.gt(0)) purchase(state, pot, roundedProduct(pot.funds, state.revolvingShare));
      const rest = pot.funds;
      pot.funds = ZERO;
      // Trapping excess spread: what would leave the deal as residual stays in the reserve.
      if (state.trapping && state.reserve !== undefined && !state.final) {
        state.reserve.balance = state.reserve.balance.plus(rest);
        state.reserve.deposits = state.reserve.deposits.plus(rest);
      } else if (step.note < 0) state.seller = state.seller.plus(rest);
      else {
        const note = noteAt(state, step.note);
        note.residualPaid = note.residualPaid.plus(rest);
      }
      return all;
    }
    default:
      return unreachable(step);
  }
}

/**
 * A fee step pays what is still due; a capped step (a fee with capPerPaymentDate, not beyondCap) at most
 * the cap less what its capped steps paid this date (优先支出上限), and only that part may be drawn from
 * the reserve or covered by principal. A beyondCap step pays the rest, with no draws.
 */
function payFee(state: PeriodState, step: Extract<CompiledStep, { kind: 'fee' }>, pot: Pot): Money {
  const fee = feeAt(state, step.fee);
  const withinCap = step.capped && fee.cap !== undefined;
  const owed = withinCap ? minMoney(sub(fee.due, fee.paid), maxMoney(sub(fee.cap, fee.paidWithinCap), ZERO)) : sub(fee.due, fee.paid);
  const pay = minMoney(pot.funds, owed);
  pot.funds = sub(pot.funds, pay);
  const draws = step.capped || fee.cap === undefined;
  const draw = drawReserve(state, draws && state.reserve?.coversFee[step.fee] === true, sub(owed, pay));
  const cover = drawPrincipal(state, pot, draws && state.principalCover?.coversFee[step.fee] === true, sub(sub(owed, pay), draw));
  const paid = add(add(pay, draw), cover);
  fee.paid = add(fee.paid, paid);
  if (withinCap) fee.paidWithinCap = add(fee.paidWithinCap, paid);
  return paid;
}

/** Buys loans with up to `amount` of the pot's cash (buyLoans: price, cap, eligibility); returns the cash spent. */
function purchase(state: PeriodState, pot: Pot, amount: Money): Money {
  if (state.desk === undefined) throw new RangeError('a revolving purchase needs the payment date’s purchase desk');
  const bought = buyLoans(state.desk, amount);
  pot.funds = pot.funds.minus(bought.cash);
  state.purchasesCash = state.purchasesCash.plus(bought.cash);
  state.principalPurchased = state.principalPurchased.plus(bought.principal);
  state.poolAfter = state.poolAfter.plus(bought.principal);
  state.principalDue = maxMoney(state.principalDue.minus(bought.cash), ZERO);
  return bought.cash;
}

/**
 * 本金账户补足: after any reserve draw, the shortfall of a covered interest-waterfall item is taken from
 * the principal funds not yet used (before the principal waterfall runs) and debited to the ledger.
 */
function drawPrincipal(state: PeriodState, pot: Pot, covered: boolean, shortfall: Money): Money {
  const cover = state.principalCover;
  if (!covered || cover === undefined || !pot.interestOfSeparate || !shortfall.gt(0)) return ZERO;
  const draw = minMoney(cover.available, shortfall);
  cover.available = cover.available.minus(draw);
  cover.drawn = cover.drawn.plus(draw);
  cover.ledger = cover.ledger.plus(draw);
  return draw;
}

function drawReserve(state: PeriodState, covered: boolean, shortfall: Money): Money {
  const reserve = state.reserve;
  if (!covered || reserve === undefined || !shortfall.gt(0)) return ZERO;
  const draw = minMoney(reserve.balance, shortfall);
  reserve.balance = reserve.balance.minus(draw);
  reserve.draws = reserve.draws.plus(draw);
  return draw;
}
