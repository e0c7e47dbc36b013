import type { ResolvedSegment } from './assumptions.ts';
import { BALANCE_STATE_OF } from '../curves/roll-rates.ts';
import { LIVE_STATES, type Accumulators } from './cash-flows.ts';
import { installmentPlan, monthInstallment } from './installment.ts';
import { cappedPenalty, loanPenaltyRate } from './penalty.ts';
import { projectBandedLoanInto } from './kernel-banded.ts';
import type { KernelContext } from './kernel-context.ts';
import type { LoanArrays } from './loans.ts';
import { bookDefault, holidayMonth, resumeAccrued, resumeCapitalised, splitOff, traceRow, wholeLoan, type LoanTerms, type Track } from './kernel-events.ts';
import { A, BLOCK, D, O } from './kernel-context.ts';
import { CHARGED_OFF, TRACE_COLUMNS } from './transitions.ts';
import { carryUncounted, clearNext, closeCount, startCount, uncountedShare, type DefinitionCount } from './definition-defaults.ts';

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
 *
 * Event stresses (events.ts) on the loan's segment: a payment holiday or an outage splits a share
 * of the current fraction off into a track of its own, projected on its own schedule after this one
 * (kernel-events.ts, Track); a segment shock scales the roll into 1–30 and the MDR month by month.
 */
export function projectLoanInto(loans: LoanArrays, i: number, segment: ResolvedSegment, ctx: KernelContext, acc: Accumulators, trace: Float64Array | null): void {
  const balance0 = loans.currentPrincipal[i] ?? 0;
  const state0 = loans.delinquency[i] ?? 0;
  const recoveryRate = segment.recoveryRate;
  const lag = segment.recoveryLagMonths;

  if (state0 === CHARGED_OFF) {
    // Charged off at cutoff: its whole principal defaults in month 1 and it pays nothing.
    acc.defaults[0] = (acc.defaults[0] ?? 0) + balance0;
    acc.losses[0] = (acc.losses[0] ?? 0) + balance0 * (1 - recoveryRate);
    acc.recoveries[lag] = (acc.recoveries[lag] ?? 0) + balance0 * recoveryRate;
    if (acc.definitionDefaults !== undefined) acc.definitionDefaults[0] = (acc.definitionDefaults[0] ?? 0) + balance0; // written off: meets any definition
    if (trace !== null) for (let k = 0; k < ctx.months; k++) trace[k * TRACE_COLUMNS + CHARGED_OFF] = 1;
    return;
  }

  // Event stresses split a loan into tracks: they take this kernel (kernel-events.ts), never the
  // banded one; so does a deal's default definition (its count runs beside this kernel's masses).
  if (segment.banded !== null && segment.events === null && ctx.definition === null) {
    projectBandedLoanInto(loans, i, segment, segment.banded, ctx, acc, trace);
    return;
  }
  // Scratch: two blocks of 32 (this month, next month), each [mass | overdue principal |
  // overdue interest | accrued penalty] × 8 states; the track's `c` is this month's block.
  const st = ctx.scratch;
  st.fill(0);
  const overdue0 = state0 === 0 ? 0 : (loans.overduePrincipal[i] ?? 0);
  st[state0] = 1;
  st[O + state0] = overdue0;
  st[D + state0] = state0 === 0 ? 0 : (loans.overdueInterest[i] ?? 0);
  if (ctx.definition !== null) startCount(ctx.definition, state0, loans.restructured[i] ?? 0, balance0);
  const plan = installmentPlan(loans, i, balance0 - overdue0, segment.uniform30360, ctx.annuities);
  const age = loans.ageMonths[i] ?? 0;
  const loan: LoanTerms = { age, penaltyRate: loanPenaltyRate(loans, i, segment), restructured: loans.restructured[i] ?? 0 };
  const pending: Track[] = [];
  const stopAt = ctx.tailTolerance * balance0;
  projectTrack(wholeLoan(st, plan, segment.mdr, balance0), loan, segment, ctx.months, stopAt, acc, trace, pending, ctx.definition);
  // Shares split off by an event (a holiday, an outage), each projected on from its month.
  for (let track = pending.pop(); track !== undefined; track = pending.pop()) projectTrack(track, loan, segment, ctx.months, stopAt, acc, trace, pending);
}

/**
 * Months `track.start` … the horizon of one track (the whole loan, or a share an event split off:
 * kernel-events.ts). Each month: a holiday month (nothing falls due) or, in order, the event splits
 * of the month, the installment, penalty accrual, the roll-rate moves, the month's books.
 */
function projectTrack(
  track: Track,
  loan: LoanTerms,
  segment: ResolvedSegment,
  months: number,
  stopAt: number,
  acc: Accumulators,
  trace: Float64Array | null,
  pending: Track[],
  count: DefinitionCount | null = null,
): void {
  const { st, plan } = track;
  const { yearFractions } = segment;
  const n = plan.remainingTerm;
  const penaltyRate = loan.penaltyRate;
  const flows: MonthFlows = { interest: 0, principal: 0, penalty: 0, defaulted: 0, prepaid: 0, forgone: 0 };
  for (let k = track.start; k < months; k++) {
    const yf = yearFractions[k] ?? 0;
    if (k < track.holidayEnd) {
      holidayMonth(track, k, yf, segment.servicingFeeRate, acc, trace);
      continue;
    }
    const contractMonth = k - track.shift;
    const due = contractMonth < n;
    if (due && segment.events !== null && k >= track.splitsFrom) splitOff(track, k, loan, segment, acc, pending);
    if (k === track.holidayEnd) resumeCapitalised(track, contractMonth, k, acc);
    monthInstallment(plan, contractMonth, yf);
    if (k === track.holidayEnd) resumeAccrued(track);
    const c = track.c;

    acc.servicingFee[k] = (acc.servicingFee[k] ?? 0) + segment.servicingFeeRate * yf * track.loanBalance;
    const live = (st[c] ?? 0) + (st[c + 1] ?? 0) + (st[c + 2] ?? 0) + (st[c + 3] ?? 0) + (st[c + 4] ?? 0);
    acc.scheduledInterest[k] = (acc.scheduledInterest[k] ?? 0) + live * plan.interest;
    let forgone = 0;
    // An outage's waiver: no 罚息 in the month its failed installment is overdue.
    const waived = track.outage !== null && track.outage.waivePenalty && k === track.start + 1;
    if (penaltyRate > 0 && !waived) {
      const accrual = penaltyRate * yf;
      if (segment.plainPenalty) {
        for (let s = c + 1; s < c + CHARGED_OFF; s++) st[A + s] = (st[A + s] ?? 0) + accrual * (st[O + s] ?? 0);
      } else {
        forgone = accrueCappedPenalty(st, c, accrual, segment, yf, plan.balance, plan.interest);
      }
    }
    monthMoves(track, loan, segment, k, due, flows, count);
    if (count !== null) closeCount(count, st, track.c, plan.balance, acc, k);
    flows.forgone = forgone;
    const owed = bookMonth(track, k, flows, segment, acc, trace);
    // After maturity, what the track still owes is at or below the tail tolerance (all of it when
    // that is 0): every later month adds at most that (ProjectionOptions.tailTolerance).
    if (!due && owed <= stopAt && trace === null) break;
  }
}

/** What a month's moves pay and write off (one object per track, refilled each month). */
interface MonthFlows {
  interest: number;
  principal: number;
  penalty: number;
  defaulted: number;
  prepaid: number;
  forgone: number;
}

/**
 * Step 3: the roll-rate moves of the month (transitions.ts says what each pays; an outage's own
 * plans in its two months; a segment shock's roll-in), then for the fraction staying current the
 * MDR defaults (before or after the installment) and the SMM prepayments, into `flows`. Swaps the blocks.
 */
function monthMoves(track: Track, loan: LoanTerms, segment: ResolvedSegment, k: number, due: boolean, flows: MonthFlows, count: DefinitionCount | null): void {
  const { st, plan } = track;
  const c = track.c;
  const x = BLOCK - c;
  const outage = track.outage;
  const moves = outage !== null && k === track.start ? outage.missPlan : outage !== null && k === track.start + 1 ? outage.curePlan : due ? segment.plan : segment.maturedPlan;
  const shock = moves === segment.plan ? (segment.events?.shock ?? null) : null;
  const { from, to, probability, paysInstallment, arrearsShare } = moves;
  const entries = probability.length;
  const iu = plan.interest;
  const spu = plan.principal;
  const u = plan.balance;
  flows.interest = 0;
  flows.principal = 0;
  flows.penalty = 0;
  flows.defaulted = 0;
  flows.prepaid = 0;
  for (let j = x; j < x + BLOCK; j++) st[j] = 0;
  if (count !== null) clearNext(count, x);

  // current → current: MDR defaults (before or after the installment), then SMM prepayments.
  const stayCurrent = shock !== null ? (shock.stayCurrent[k] ?? 0) : moves.stayCurrent;
  const stayMass = (st[c] ?? 0) * (due ? stayCurrent : 1);
  if (stayMass > 0) {
    const after = u - spu;
    const mdrTable = track.mdr;
    const mdr = mdrTable.rates[(mdrTable.byAge ? loan.age : 0) + k] ?? 0;
    const defaultMass = stayMass * (segment.events?.shock ? Math.min(1, mdr * (segment.events.shock.defaultMultiplier[k] ?? 1)) : mdr);
    const payingMass = segment.defaultsFirst ? stayMass - defaultMass : stayMass;
    flows.interest += payingMass * iu;
    flows.principal += payingMass * spu;
    flows.defaulted += defaultMass * (segment.defaultsFirst ? u : after);
    st[x + CHARGED_OFF] = (st[x + CHARGED_OFF] ?? 0) + defaultMass;
    const rest = stayMass - defaultMass;
    const smm = segment.smm;
    const prepayMass = rest * (smm.rates[(smm.byAge ? loan.age : 0) + k] ?? 0);
    flows.prepaid += prepayMass * after;
    track.prepaidMass += prepayMass;
    st[x] = (st[x] ?? 0) + rest - prepayMass;
    if (count !== null) {
      // A default-curve default is a write-off: its uncounted share counts at the defaulted balance.
      const share = uncountedShare(count, c, 0, st[c] ?? 0);
      count.counted += share * defaultMass * (segment.defaultsFirst ? u : after);
      carryUncounted(count, x, 0, share * (rest - prepayMass));
    }
  }
  for (let e = due ? 0 : moves.firstDelinquentEntry; e < entries; e++) {
    const source = from[e] ?? 0;
    const s = c + source;
    const target = to[e] ?? 0;
    const p = shock !== null && source === 0 && target === 1 ? (shock.rollIn[k] ?? 0) : (probability[e] ?? 0);
    const mass = (st[s] ?? 0) * p;
    if (mass === 0) continue;
    const owedPrincipal = (st[O + s] ?? 0) * p;
    if (count !== null) {
      // The uncounted share moves with the mass; a charge-off's counts at its defaulted balance.
      const share = uncountedShare(count, c, source, st[s] ?? 0);
      if (target === CHARGED_OFF) count.counted += share * (mass * u + owedPrincipal);
      else carryUncounted(count, x, target, share * mass);
    }
    if (target === CHARGED_OFF) {
      flows.defaulted += mass * u + owedPrincipal;
      st[x + CHARGED_OFF] = (st[x + CHARGED_OFF] ?? 0) + mass;
      continue;
    }
    const owedInterest = (st[D + s] ?? 0) * p;
    const owedPenalty = (st[A + s] ?? 0) * p;
    const pays = paysInstallment[e] ?? 0;
    const share = arrearsShare[e] ?? 0;
    flows.interest += pays * mass * iu + share * owedInterest;
    flows.principal += pays * mass * spu + share * owedPrincipal;
    flows.penalty += share * owedPenalty;
    const t = x + target;
    st[t] = (st[t] ?? 0) + mass;
    st[O + t] = (st[O + t] ?? 0) + (1 - share) * owedPrincipal + (1 - pays) * mass * spu;
    st[D + t] = (st[D + t] ?? 0) + (1 - share) * owedInterest + (1 - pays) * mass * iu;
    st[A + t] = (st[A + t] ?? 0) + (1 - share) * owedPenalty;
  }
  st[x + CHARGED_OFF] = (st[x + CHARGED_OFF] ?? 0) + (st[c + CHARGED_OFF] ?? 0);
  plan.balance = u - spu;
  track.c = x;
}

/**
 * Step 4 and the month's books: month-end balances by bucket, arrears, collections, gross defaults
 * with their losses and recoveries (recoveryLagMonths later); the trace row. Returns what the
 * track still owes: balance plus overdue interest plus accrued penalty.
 */
function bookMonth(track: Track, k: number, flows: MonthFlows, segment: ResolvedSegment, acc: Accumulators, trace: Float64Array | null): number {
  const { st } = track;
  const c = track.c;
  const uEnd = track.plan.balance;
  const stateBalance = acc.stateBalance;
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
  acc.interestCollected[k] = (acc.interestCollected[k] ?? 0) + flows.interest;
  acc.penaltyInterest[k] = (acc.penaltyInterest[k] ?? 0) + flows.penalty;
  if (flows.forgone > 0) acc.penaltyForgone[k] = (acc.penaltyForgone[k] ?? 0) + flows.forgone;
  acc.scheduledPrincipal[k] = (acc.scheduledPrincipal[k] ?? 0) + flows.principal;
  acc.prepayments[k] = (acc.prepayments[k] ?? 0) + flows.prepaid;
  if (flows.defaulted > 0) bookDefault(acc, k, flows.defaulted, segment);
  track.loanBalance = ending;
  if (trace !== null) traceRow(trace, k, st, c, track.prepaidMass);
  return ending + overdueInterest + penaltyOwed(st, c);
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
