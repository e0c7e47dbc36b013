import type { ResolvedSegment } from './assumptions.ts';
import { BALANCE_STATE_OF } from '../curves/roll-rates.ts';
import { LIVE_STATES, type Accumulators } from './cash-flows.ts';
import { installmentPlan, monthInstallment } from './installment.ts';
import { cappedPenalty, loanPenaltyRate } from './penalty.ts';
import { projectBandedLoanInto } from './kernel-banded.ts';
import type { KernelContext } from './kernel-context.ts';
import type { LoanArrays } from './loans.ts';
import { CHARGED_OFF, STATE_COUNT, TRACE_COLUMNS } from './transitions.ts';

// Offsets within a scratch block: mass, overdue principal, overdue interest, accrued penalty.
const O = STATE_COUNT;
const D = 2 * STATE_COUNT;
const A = 3 * STATE_COUNT;
const BLOCK = 4 * STATE_COUNT;

/**
 * Projects loan i and adds its flows into `acc`. Deterministic Markov expectation: the loan is
 * split into fractions (mass) by delinquency state, starting with mass 1 in its state at cutoff.
 *
 * Every fraction not charged off owes the same contractual installments per unit of mass: u, the
 * not-yet-due principal per unit, follows the loan's schedule re-amortized on u and the remaining
 * term (prepayment removes mass, so it never changes u — re-amortizing the pool balance and the
 * survivors' own schedules agree). Delinquent fractions also carry arrears: overdue principal,
 * overdue interest and accrued penalty interest, which move with the mass (linear, so exact in
 * expectation).
 *
 * Each month, in this order:
 *  1. installment per unit: interest = u × APR × year fraction (flat fee: original principal ×
 *     flat rate), scheduled principal by amortization type on u and the remaining term;
 *  2. penalty interest accrues on each delinquent fraction's overdue principal at
 *     penaltyMultiple × APR × year fraction (so a cure after m months pays m months of it), with
 *     penaltyCompounding also on its overdue interest (复利), cut to the borrowerCostCap (the rest
 *     reported as forgone); nothing on a restructured loan whose segment waives it;
 *  3. roll-rate transitions (transitions.ts says what each move pays; after maturity the matured
 *     plan, where nothing falls due and a delinquent fraction ages a bucket unless it pays arrears);
 *     for the fraction staying current, with defaultsFirst (SIFMA Standard Formulas C.3): the MDR
 *     share defaults on its beginning balance u and pays nothing, the rest pays interest and
 *     scheduled principal, THEN prepays at the SMM on what is left; otherwise ('afterScheduled')
 *     interest and scheduled principal are paid, THEN defaults at the MDR on the balance after
 *     scheduled principal, THEN prepayments at the SMM on what is left;
 *  4. charge-offs and MDR defaults are gross defaults this month; recoveryRate × default arrives
 *     recoveryLagMonths later; the loss (1 − recoveryRate) × default is booked now.
 * After maturity no installment falls due: the current fraction stays current with nothing owed
 * and delinquent fractions keep rolling on their arrears.
 */
export function projectLoanInto(loans: LoanArrays, i: number, segment: ResolvedSegment, ctx: KernelContext, acc: Accumulators, trace: Float64Array | null): void {
  const { months, scratch } = ctx;
  const { yearFractions } = segment;
  const balance0 = loans.currentPrincipal[i] ?? 0;
  const state0 = loans.delinquency[i] ?? 0;
  const recoveryRate = segment.recoveryRate;
  const lag = segment.recoveryLagMonths;

  if (state0 === CHARGED_OFF) {
    // Charged off at cutoff: its whole principal defaults in month 1 and it pays nothing.
    acc.defaults[0] = (acc.defaults[0] ?? 0) + balance0;
    acc.losses[0] = (acc.losses[0] ?? 0) + balance0 * (1 - recoveryRate);
    acc.recoveries[lag] = (acc.recoveries[lag] ?? 0) + balance0 * recoveryRate;
    if (trace !== null) for (let k = 0; k < months; k++) trace[k * TRACE_COLUMNS + CHARGED_OFF] = 1;
    return;
  }

  if (segment.banded !== null) {
    projectBandedLoanInto(loans, i, segment, segment.banded, ctx, acc, trace);
    return;
  }
  // Scratch: two blocks of 24 (this month, next month), each [mass | overdue principal |
  // overdue interest | accrued penalty] × 6 states; `c` and `x` are the blocks' offsets, swapped monthly.
  const st = scratch;
  st.fill(0);
  let c = 0;
  let x = BLOCK;
  const overdue0 = state0 === 0 ? 0 : (loans.overduePrincipal[i] ?? 0);
  st[state0] = 1;
  st[O + state0] = overdue0;
  st[D + state0] = state0 === 0 ? 0 : (loans.overdueInterest[i] ?? 0);
  const plan = installmentPlan(loans, i, balance0 - overdue0, segment.uniform30360);
  const n = plan.remainingTerm;

  const smmRates = segment.smm.rates;
  const mdrRates = segment.mdr.rates;
  const age = loans.ageMonths[i] ?? 0;
  const smmOffset = segment.smm.byAge ? age : 0;
  const mdrOffset = segment.mdr.byAge ? age : 0;
  const defaultsFirst = segment.defaultsFirst;
  const penaltyRate = loanPenaltyRate(loans, i, segment);
  const strip = segment.servicingFeeRate;
  const stateBalance = acc.stateBalance;

  let loanBalance = balance0;
  let prepaidMass = 0;
  for (let k = 0; k < months; k++) {
    const yf = yearFractions[k] ?? 0;
    const due = k < n;
    const moves = due ? segment.plan : segment.maturedPlan;
    const { from, to, probability, paysInstallment, arrearsShare } = moves;
    const entries = probability.length;
    monthInstallment(plan, k, yf);
    const iu = plan.interest;
    const spu = plan.principal;
    const u = plan.balance;

    acc.servicingFee[k] = (acc.servicingFee[k] ?? 0) + strip * yf * loanBalance;
    const live = (st[c] ?? 0) + (st[c + 1] ?? 0) + (st[c + 2] ?? 0) + (st[c + 3] ?? 0) + (st[c + 4] ?? 0);
    acc.scheduledInterest[k] = (acc.scheduledInterest[k] ?? 0) + live * iu;
    let forgone = 0;
    if (penaltyRate > 0) {
      const accrual = penaltyRate * yf;
      if (segment.plainPenalty) {
        for (let s = c + 1; s < c + CHARGED_OFF; s++) st[A + s] = (st[A + s] ?? 0) + accrual * (st[O + s] ?? 0);
      } else {
        forgone = accrueCappedPenalty(st, c, accrual, segment, yf, u, iu);
      }
    }

    let interest = 0;
    let principal = 0;
    let penalty = 0;
    let defaulted = 0;
    let prepaid = 0;
    for (let j = x; j < x + BLOCK; j++) st[j] = 0;

    // current → current: MDR defaults (before or after the installment), then SMM prepayments.
    const stayMass = (st[c] ?? 0) * (due ? moves.stayCurrent : 1);
    if (stayMass > 0) {
      const after = u - spu;
      const defaultMass = stayMass * (mdrRates[mdrOffset + k] ?? 0);
      const payingMass = defaultsFirst ? stayMass - defaultMass : stayMass;
      interest += payingMass * iu;
      principal += payingMass * spu;
      defaulted += defaultMass * (defaultsFirst ? u : after);
      st[x + CHARGED_OFF] = (st[x + CHARGED_OFF] ?? 0) + defaultMass;
      const rest = stayMass - defaultMass;
      const prepayMass = rest * (smmRates[smmOffset + k] ?? 0);
      prepaid += prepayMass * after;
      prepaidMass += prepayMass;
      st[x] = (st[x] ?? 0) + rest - prepayMass;
    }
    for (let e = due ? 0 : moves.firstDelinquentEntry; e < entries; e++) {
      const s = c + (from[e] ?? 0);
      const p = probability[e] ?? 0;
      const mass = (st[s] ?? 0) * p;
      if (mass === 0) continue;
      const target = to[e] ?? 0;
      const owedPrincipal = (st[O + s] ?? 0) * p;
      if (target === CHARGED_OFF) {
        defaulted += mass * u + owedPrincipal;
        st[x + CHARGED_OFF] = (st[x + CHARGED_OFF] ?? 0) + mass;
        continue;
      }
      const owedInterest = (st[D + s] ?? 0) * p;
      const owedPenalty = (st[A + s] ?? 0) * p;
      const pays = paysInstallment[e] ?? 0;
      const share = arrearsShare[e] ?? 0;
      interest += pays * mass * iu + share * owedInterest;
      principal += pays * mass * spu + share * owedPrincipal;
      penalty += share * owedPenalty;
      const t = x + target;
      st[t] = (st[t] ?? 0) + mass;
      st[O + t] = (st[O + t] ?? 0) + (1 - share) * owedPrincipal + (1 - pays) * mass * spu;
      st[D + t] = (st[D + t] ?? 0) + (1 - share) * owedInterest + (1 - pays) * mass * iu;
      st[A + t] = (st[A + t] ?? 0) + (1 - share) * owedPenalty;
    }
    st[x + CHARGED_OFF] = (st[x + CHARGED_OFF] ?? 0) + (st[c + CHARGED_OFF] ?? 0);
    const uEnd = u - spu;
    plan.balance = uEnd;
    const swap = c;
    c = x;
    x = swap;

    let ending = 0;
    let overduePrincipal = 0;
    let overdueInterest = 0;
    for (let s = 0; s < CHARGED_OFF; s++) {
      const owed = st[c + O + s] ?? 0;
      const balance = (st[c + s] ?? 0) * uEnd + owed;
      // Reported by BALANCE_STATES: 91–120, 121–150 and 151–180 sum into 91–180.
      const at = k * LIVE_STATES + (BALANCE_STATE_OF[s] ?? 0);
      stateBalance[at] = (stateBalance[at] ?? 0) + balance;
      ending += balance;
      overduePrincipal += owed;
      overdueInterest += st[c + D + s] ?? 0;
    }
    acc.overduePrincipal[k] = (acc.overduePrincipal[k] ?? 0) + overduePrincipal;
    acc.overdueInterest[k] = (acc.overdueInterest[k] ?? 0) + overdueInterest;
    acc.interestCollected[k] = (acc.interestCollected[k] ?? 0) + interest;
    acc.penaltyInterest[k] = (acc.penaltyInterest[k] ?? 0) + penalty;
    if (forgone > 0) acc.penaltyForgone[k] = (acc.penaltyForgone[k] ?? 0) + forgone;
    acc.scheduledPrincipal[k] = (acc.scheduledPrincipal[k] ?? 0) + principal;
    acc.prepayments[k] = (acc.prepayments[k] ?? 0) + prepaid;
    if (defaulted > 0) {
      acc.defaults[k] = (acc.defaults[k] ?? 0) + defaulted;
      acc.losses[k] = (acc.losses[k] ?? 0) + defaulted * (1 - recoveryRate);
      acc.recoveries[k + lag] = (acc.recoveries[k + lag] ?? 0) + defaulted * recoveryRate;
    }
    loanBalance = ending;

    if (trace !== null) {
      for (let s = 0; s < STATE_COUNT; s++) trace[k * TRACE_COLUMNS + s] = st[c + s] ?? 0;
      trace[k * TRACE_COLUMNS + STATE_COUNT] = prepaidMass;
    } else if (!due && ending === 0 && overdueInterest === 0 && penaltyOwed(st, c) === 0) {
      break; // nothing owed any more: every later month adds zero
    }
  }
}

/**
 * Step 2 with 复利 or a borrower-cost cap: each delinquent fraction accrues penalty at the penalty
 * rate on its overdue principal, plus (penaltyCompounding) on its overdue interest, cut to the cap
 * (cappedPenalty: contract interest m × iu plus penalty within cap × yf × (m × u + overdue
 * principal)). Returns the penalty forgone to the cap.
 */
function accrueCappedPenalty(st: Float64Array, c: number, accrual: number, segment: ResolvedSegment, yf: number, u: number, iu: number): number {
  const compound = segment.penaltyCompounding ? 1 : 0;
  let forgone = 0;
  for (let s = c + 1; s < c + CHARGED_OFF; s++) {
    const mass = st[s] ?? 0;
    const owed = st[O + s] ?? 0;
    const charge = accrual * (owed + compound * (st[D + s] ?? 0));
    const granted = cappedPenalty(charge, mass * u + owed, mass * iu, segment.borrowerCostCap, yf);
    st[A + s] = (st[A + s] ?? 0) + granted;
    forgone += charge - granted;
  }
  return forgone;
}

/** Accrued penalty still owed by the delinquent fractions of the block at `c`. */
function penaltyOwed(st: Float64Array, c: number): number {
  let owed = 0;
  for (let s = 1; s < CHARGED_OFF; s++) owed += st[c + A + s] ?? 0;
  return owed;
}
