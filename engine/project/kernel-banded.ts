import type { ResolvedSegment } from './assumptions.ts';
import type { Accumulators } from './cash-flows.ts';
import { installmentPlan, monthInstallment, type InstallmentState } from './installment.ts';
import type { KernelContext } from './kernel-context.ts';
import { cappedPenalty, loanPenaltyRate } from './penalty.ts';
import type { LoanArrays } from './loans.ts';
import { TRACE_COLUMNS, type BandedRates } from './transitions.ts';

/** Where projectBandedLoanInto leaves a loan's state at maturity in ctx.scratch: m0…m7, o1…o6, d1…d6, a1…a6. */
const MASS = 0;
const OVERDUE = 8;
const INTEREST = 14;
const PENALTY = 20;

/**
 * projectLoanInto for a banded roll-rate matrix (transitions.ts, BandedRates): the same model and
 * the same order of events, unrolled over named locals instead of a loop over matrix entries —
 * what lets a million loans × 36 months fit DESIGN.md's 2-second budget. Moves and what they pay
 * follow transitionPlan: cure pays the installment, all arrears and penalty; back from bucket s
 * pays the installment and 1/s of the arrears; staying pays the installment; forward and
 * charge-off pay nothing. test/engine/project checks both kernels agree.
 *
 * This function projects the months in which an installment falls due; the months after the
 * loan's maturity (in a 36-month projection of a consumer pool, most loan-months) go to
 * projectMaturedBandedInto, which leaves out every term that is an exact zero there.
 */
export function projectBandedLoanInto(loans: LoanArrays, i: number, segment: ResolvedSegment, rates: BandedRates, ctx: KernelContext, acc: Accumulators, trace: Float64Array | null): void {
  const { months } = ctx;
  const { yearFractions } = segment;
  const cutoffBalance = loans.currentPrincipal[i] ?? 0;
  const state0 = loans.delinquency[i] ?? 0;
  const overdue0 = state0 === 0 ? 0 : (loans.overduePrincipal[i] ?? 0);
  const overdueInterest0 = state0 === 0 ? 0 : (loans.overdueInterest[i] ?? 0);
  // Mass (m), overdue principal (o), overdue interest (d) and accrued penalty (a) by bucket; m7 charged off.
  let m0 = state0 === 0 ? 1 : 0;
  let m1 = state0 === 1 ? 1 : 0;
  let m2 = state0 === 2 ? 1 : 0;
  let m3 = state0 === 3 ? 1 : 0;
  let m4 = state0 === 4 ? 1 : 0;
  let m5 = state0 === 5 ? 1 : 0;
  let m6 = state0 === 6 ? 1 : 0;
  let m7 = 0;
  let o1 = m1 * overdue0;
  let o2 = m2 * overdue0;
  let o3 = m3 * overdue0;
  let o4 = m4 * overdue0;
  let o5 = m5 * overdue0;
  let o6 = m6 * overdue0;
  let d1 = m1 * overdueInterest0;
  let d2 = m2 * overdueInterest0;
  let d3 = m3 * overdueInterest0;
  let d4 = m4 * overdueInterest0;
  let d5 = m5 * overdueInterest0;
  let d6 = m6 * overdueInterest0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let a4 = 0;
  let a5 = 0;
  let a6 = 0;
  const plan: InstallmentState = installmentPlan(loans, i, cutoffBalance - overdue0, segment.uniform30360, ctx.annuities);

  const smmRates = segment.smm.rates;
  const mdrRates = segment.mdr.rates;
  const age = loans.ageMonths[i] ?? 0;
  const smmOffset = segment.smm.byAge ? age : 0;
  const mdrOffset = segment.mdr.byAge ? age : 0;
  const penaltyRate = loanPenaltyRate(loans, i, segment);
  const { plainPenalty, borrowerCostCap: cap } = segment;
  const compound = segment.penaltyCompounding ? 1 : 0;
  const strip = segment.servicingFeeRate;
  const recoveryRate = segment.recoveryRate;
  const lag = segment.recoveryLagMonths;
  const defaultsFirst = segment.defaultsFirst;
  const { p00, p01, p05, c1, k1, f1, x1, c2, b2, bp2, bc2, k2, f2, x2, c3, b3, bp3, bc3, k3, f3, x3 } = rates;
  const { c4, b4, bp4, bc4, k4, f4, x4, c5, b5, bp5, bc5, k5, f5, x5, c6, b6, bp6, bc6, k6, x6 } = rates;
  const stateBalance = acc.stateBalance;

  // The installment falls due in months 0 … remainingTerm − 1.
  const dueMonths = Math.min(plan.remainingTerm, months);
  let loanBalance = cutoffBalance;
  let prepaidMass = 0;
  for (let k = 0; k < dueMonths; k++) {
    const yf = yearFractions[k] ?? 0;
    monthInstallment(plan, k, yf);
    const iu = plan.interest;
    const spu = plan.principal;
    const u = plan.balance;

    acc.servicingFee[k] = (acc.servicingFee[k] ?? 0) + strip * yf * loanBalance;
    acc.scheduledInterest[k] = (acc.scheduledInterest[k] ?? 0) + (m0 + m1 + m2 + m3 + m4 + m5 + m6) * iu;
    let forgone = 0;
    if (penaltyRate > 0) {
      const accrual = penaltyRate * yf;
      if (plainPenalty) {
        a1 += accrual * o1;
        a2 += accrual * o2;
        a3 += accrual * o3;
        a4 += accrual * o4;
        a5 += accrual * o5;
        a6 += accrual * o6;
      } else {
        // 复利 on overdue interest and the borrower-cost cap (kernel.ts step 2, cappedPenalty).
        const q1 = accrual * (o1 + compound * d1);
        const q2 = accrual * (o2 + compound * d2);
        const q3 = accrual * (o3 + compound * d3);
        const q4 = accrual * (o4 + compound * d4);
        const q5 = accrual * (o5 + compound * d5);
        const q6 = accrual * (o6 + compound * d6);
        const g1 = cappedPenalty(q1, m1 * u + o1, m1 * iu, cap, yf);
        const g2 = cappedPenalty(q2, m2 * u + o2, m2 * iu, cap, yf);
        const g3 = cappedPenalty(q3, m3 * u + o3, m3 * iu, cap, yf);
        const g4 = cappedPenalty(q4, m4 * u + o4, m4 * iu, cap, yf);
        const g5 = cappedPenalty(q5, m5 * u + o5, m5 * iu, cap, yf);
        const g6 = cappedPenalty(q6, m6 * u + o6, m6 * iu, cap, yf);
        a1 += g1;
        a2 += g2;
        a3 += g3;
        a4 += g4;
        a5 += g5;
        a6 += g6;
        forgone = q1 - g1 + (q2 - g2) + (q3 - g3) + (q4 - g4) + (q5 - g5) + (q6 - g6);
      }
    }

    let interest = 0;
    let principal = 0;
    let penalty = 0;
    let defaulted = 0;
    let prepaid = 0;
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    let n4 = 0;
    let n5 = 0;
    let n6 = 0;
    let n7 = m7;
    let no1 = 0;
    let no2 = 0;
    let no3 = 0;
    let no4 = 0;
    let no5 = 0;
    let no6 = 0;
    let nd1 = 0;
    let nd2 = 0;
    let nd3 = 0;
    let nd4 = 0;
    let nd5 = 0;
    let nd6 = 0;
    let na1 = 0;
    let na2 = 0;
    let na3 = 0;
    let na4 = 0;
    let na5 = 0;
    let na6 = 0;

    // Current: stays (MDR defaults before or after the installment, then SMM), misses into 1–30,
    // or is charged off.
    const stay = m0 * p00;
    if (stay > 0) {
      const after = u - spu;
      const defaultMass = stay * (mdrRates[mdrOffset + k] ?? 0);
      const paying = defaultsFirst ? stay - defaultMass : stay;
      interest += paying * iu;
      principal += paying * spu;
      defaulted += defaultMass * (defaultsFirst ? u : after);
      n7 += defaultMass;
      const rest = stay - defaultMass;
      const prepayMass = rest * (smmRates[smmOffset + k] ?? 0);
      prepaid += prepayMass * after;
      prepaidMass += prepayMass;
      n0 += rest - prepayMass;
    }
    if (m0 > 0) {
      const miss = m0 * p01;
      n1 += miss;
      no1 += miss * spu;
      nd1 += miss * iu;
      if (p05 > 0) {
        const off = m0 * p05;
        n7 += off;
        defaulted += off * u;
      }
    }

    // Delinquent buckets: cure (installment + all arrears and penalty), back one bucket
    // (installment + bp = b/s of the arrears, the rest bc carried), keep (installment),
    // forward (nothing paid: the installment joins the arrears), charge-off (all principal
    // defaults). A roll back or charge-off of probability 0 (charge-off is only from 151–180 with
    // the default threshold) would add exact zeros: it is skipped, which measurably saves time.
    if (m1 > 0) {
      const cure = m1 * c1;
      interest += cure * iu + c1 * d1;
      principal += cure * spu + c1 * o1;
      penalty += c1 * a1;
      n0 += cure;
      const keep = m1 * k1;
      interest += keep * iu;
      principal += keep * spu;
      n1 += keep;
      no1 += k1 * o1;
      nd1 += k1 * d1;
      na1 += k1 * a1;
      const forward = m1 * f1;
      n2 += forward;
      no2 += f1 * o1 + forward * spu;
      nd2 += f1 * d1 + forward * iu;
      na2 += f1 * a1;
      if (x1 > 0) {
        const off = m1 * x1;
        n7 += off;
        defaulted += off * u + x1 * o1;
      }
    }
    if (m2 > 0) {
      const cure = m2 * c2;
      interest += cure * iu + c2 * d2;
      principal += cure * spu + c2 * o2;
      penalty += c2 * a2;
      n0 += cure;
      if (b2 > 0) {
        const back = m2 * b2;
        interest += back * iu + bp2 * d2;
        principal += back * spu + bp2 * o2;
        penalty += bp2 * a2;
        n1 += back;
        no1 += bc2 * o2;
        nd1 += bc2 * d2;
        na1 += bc2 * a2;
      }
      const keep = m2 * k2;
      interest += keep * iu;
      principal += keep * spu;
      n2 += keep;
      no2 += k2 * o2;
      nd2 += k2 * d2;
      na2 += k2 * a2;
      const forward = m2 * f2;
      n3 += forward;
      no3 += f2 * o2 + forward * spu;
      nd3 += f2 * d2 + forward * iu;
      na3 += f2 * a2;
      if (x2 > 0) {
        const off = m2 * x2;
        n7 += off;
        defaulted += off * u + x2 * o2;
      }
    }
    if (m3 > 0) {
      const cure = m3 * c3;
      interest += cure * iu + c3 * d3;
      principal += cure * spu + c3 * o3;
      penalty += c3 * a3;
      n0 += cure;
      if (b3 > 0) {
        const back = m3 * b3;
        interest += back * iu + bp3 * d3;
        principal += back * spu + bp3 * o3;
        penalty += bp3 * a3;
        n2 += back;
        no2 += bc3 * o3;
        nd2 += bc3 * d3;
        na2 += bc3 * a3;
      }
      const keep = m3 * k3;
      interest += keep * iu;
      principal += keep * spu;
      n3 += keep;
      no3 += k3 * o3;
      nd3 += k3 * d3;
      na3 += k3 * a3;
      const forward = m3 * f3;
      n4 += forward;
      no4 += f3 * o3 + forward * spu;
      nd4 += f3 * d3 + forward * iu;
      na4 += f3 * a3;
      if (x3 > 0) {
        const off = m3 * x3;
        n7 += off;
        defaulted += off * u + x3 * o3;
      }
    }
    if (m4 > 0) {
      const cure = m4 * c4;
      interest += cure * iu + c4 * d4;
      principal += cure * spu + c4 * o4;
      penalty += c4 * a4;
      n0 += cure;
      if (b4 > 0) {
        const back = m4 * b4;
        interest += back * iu + bp4 * d4;
        principal += back * spu + bp4 * o4;
        penalty += bp4 * a4;
        n3 += back;
        no3 += bc4 * o4;
        nd3 += bc4 * d4;
        na3 += bc4 * a4;
      }
      const keep = m4 * k4;
      interest += keep * iu;
      principal += keep * spu;
      n4 += keep;
      no4 += k4 * o4;
      nd4 += k4 * d4;
      na4 += k4 * a4;
      const forward = m4 * f4;
      n5 += forward;
      no5 += f4 * o4 + forward * spu;
      nd5 += f4 * d4 + forward * iu;
      na5 += f4 * a4;
      if (x4 > 0) {
        const off = m4 * x4;
        n7 += off;
        defaulted += off * u + x4 * o4;
      }
    }
    if (m5 > 0) {
      const cure = m5 * c5;
      interest += cure * iu + c5 * d5;
      principal += cure * spu + c5 * o5;
      penalty += c5 * a5;
      n0 += cure;
      if (b5 > 0) {
        const back = m5 * b5;
        interest += back * iu + bp5 * d5;
        principal += back * spu + bp5 * o5;
        penalty += bp5 * a5;
        n4 += back;
        no4 += bc5 * o5;
        nd4 += bc5 * d5;
        na4 += bc5 * a5;
      }
      const keep = m5 * k5;
      interest += keep * iu;
      principal += keep * spu;
      n5 += keep;
      no5 += k5 * o5;
      nd5 += k5 * d5;
      na5 += k5 * a5;
      const forward = m5 * f5;
      n6 += forward;
      no6 += f5 * o5 + forward * spu;
      nd6 += f5 * d5 + forward * iu;
      na6 += f5 * a5;
      if (x5 > 0) {
        const off = m5 * x5;
        n7 += off;
        defaulted += off * u + x5 * o5;
      }
    }
    if (m6 > 0) {
      const cure = m6 * c6;
      interest += cure * iu + c6 * d6;
      principal += cure * spu + c6 * o6;
      penalty += c6 * a6;
      n0 += cure;
      if (b6 > 0) {
        const back = m6 * b6;
        interest += back * iu + bp6 * d6;
        principal += back * spu + bp6 * o6;
        penalty += bp6 * a6;
        n5 += back;
        no5 += bc6 * o6;
        nd5 += bc6 * d6;
        na5 += bc6 * a6;
      }
      const keep = m6 * k6;
      interest += keep * iu;
      principal += keep * spu;
      n6 += keep;
      no6 += k6 * o6;
      nd6 += k6 * d6;
      na6 += k6 * a6;
      if (x6 > 0) {
        const off = m6 * x6;
        n7 += off;
        defaulted += off * u + x6 * o6;
      }
    }

    m0 = n0;
    m1 = n1;
    m2 = n2;
    m3 = n3;
    m4 = n4;
    m5 = n5;
    m6 = n6;
    m7 = n7;
    o1 = no1;
    o2 = no2;
    o3 = no3;
    o4 = no4;
    o5 = no5;
    o6 = no6;
    d1 = nd1;
    d2 = nd2;
    d3 = nd3;
    d4 = nd4;
    d5 = nd5;
    d6 = nd6;
    a1 = na1;
    a2 = na2;
    a3 = na3;
    a4 = na4;
    a5 = na5;
    a6 = na6;
    const uEnd = u - spu;
    plan.balance = uEnd;

    // Reported buckets (BALANCE_STATES): 91–120, 121–150 and 151–180 sum into 91–180.
    const balance0 = m0 * uEnd;
    const balance1 = m1 * uEnd + o1;
    const balance2 = m2 * uEnd + o2;
    const balance3 = m3 * uEnd + o3;
    const balance4 = (m4 + m5 + m6) * uEnd + o4 + o5 + o6;
    const row = k * 5;
    stateBalance[row] = (stateBalance[row] ?? 0) + balance0;
    stateBalance[row + 1] = (stateBalance[row + 1] ?? 0) + balance1;
    stateBalance[row + 2] = (stateBalance[row + 2] ?? 0) + balance2;
    stateBalance[row + 3] = (stateBalance[row + 3] ?? 0) + balance3;
    stateBalance[row + 4] = (stateBalance[row + 4] ?? 0) + balance4;
    const ending = balance0 + balance1 + balance2 + balance3 + balance4;
    acc.overduePrincipal[k] = (acc.overduePrincipal[k] ?? 0) + o1 + o2 + o3 + o4 + o5 + o6;
    acc.overdueInterest[k] = (acc.overdueInterest[k] ?? 0) + (d1 + d2 + d3 + d4 + d5 + d6);
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
    if (trace !== null) traceMonth(trace, k, m0, m1, m2, m3, m4, m5, m6, m7, prepaidMass);
  }
  if (dueMonths === months) return;

  // Hand the state at maturity to the matured months (scratch: no allocation per loan).
  const st = ctx.scratch;
  st[MASS + 0] = m0;
  st[MASS + 1] = m1;
  st[MASS + 2] = m2;
  st[MASS + 3] = m3;
  st[MASS + 4] = m4;
  st[MASS + 5] = m5;
  st[MASS + 6] = m6;
  st[MASS + 7] = m7;
  st[OVERDUE + 0] = o1;
  st[OVERDUE + 1] = o2;
  st[OVERDUE + 2] = o3;
  st[OVERDUE + 3] = o4;
  st[OVERDUE + 4] = o5;
  st[OVERDUE + 5] = o6;
  st[INTEREST + 0] = d1;
  st[INTEREST + 1] = d2;
  st[INTEREST + 2] = d3;
  st[INTEREST + 3] = d4;
  st[INTEREST + 4] = d5;
  st[INTEREST + 5] = d6;
  st[PENALTY + 0] = a1;
  st[PENALTY + 1] = a2;
  st[PENALTY + 2] = a3;
  st[PENALTY + 3] = a4;
  st[PENALTY + 4] = a5;
  st[PENALTY + 5] = a6;
  const matured = segment.maturedBanded ?? rates;
  const stopAt = ctx.tailTolerance * cutoffBalance;
  projectMaturedBandedInto(segment, matured, ctx, acc, trace, dueMonths, loanBalance, prepaidMass, penaltyRate, smmOffset, mdrOffset, stopAt);
}

/**
 * The months from `start` (the first month after the loan's maturity) to the horizon, for a banded
 * loan whose state at maturity is in ctx.scratch (MASS, OVERDUE, INTEREST, PENALTY). The same model
 * as the due months under the matured rates (maturedMatrix: what stayed in a delinquent bucket
 * ages one bucket) — written apart because most loan-months of a consumer pool's projection come
 * after maturity (the bench's loans have ~10 of 36 months left on average) and much of the due
 * month's arithmetic is an exact zero here:
 *  - no installment falls due, and the last one repaid the whole not-yet-due balance
 *    (engine/schedule/principal.ts: at remaining term 1 the scheduled principal is the balance), so
 *    the installment interest, the scheduled principal and the balance per unit are exactly 0: the
 *    terms they multiply are left out, and so are the moves of probability 0 (keep, with roll
 *    rates; charge-off before the last bucket; a roll back where none is given);
 *  - the current fraction owes nothing, so its mass (and the charged-off mass and the prepaid
 *    mass) is followed only for a trace.
 * The loan stops once what it still owes (balance, overdue interest, accrued penalty) is at or
 * below `stopAt`: tailTolerance × its balance at cutoff (ProjectionOptions.tailTolerance).
 * Each left-out term is an exact +0, and adding +0 to a sum that started at +0 (every sum here
 * does, and its terms are ≥ 0) changes no bit, so the flows are the due-month formulas' to the
 * bit; test/engine/project checks this kernel against the general one.
 */
function projectMaturedBandedInto(
  segment: ResolvedSegment,
  rates: BandedRates,
  ctx: KernelContext,
  acc: Accumulators,
  trace: Float64Array | null,
  start: number,
  balanceAtMaturity: number,
  prepaidAtMaturity: number,
  penaltyRate: number,
  smmOffset: number,
  mdrOffset: number,
  stopAt: number,
): void {
  const { months, scratch: st } = ctx;
  const { yearFractions } = segment;
  let m0 = st[MASS + 0] ?? 0;
  let m1 = st[MASS + 1] ?? 0;
  let m2 = st[MASS + 2] ?? 0;
  let m3 = st[MASS + 3] ?? 0;
  let m4 = st[MASS + 4] ?? 0;
  let m5 = st[MASS + 5] ?? 0;
  let m6 = st[MASS + 6] ?? 0;
  let m7 = st[MASS + 7] ?? 0;
  let o1 = st[OVERDUE + 0] ?? 0;
  let o2 = st[OVERDUE + 1] ?? 0;
  let o3 = st[OVERDUE + 2] ?? 0;
  let o4 = st[OVERDUE + 3] ?? 0;
  let o5 = st[OVERDUE + 4] ?? 0;
  let o6 = st[OVERDUE + 5] ?? 0;
  let d1 = st[INTEREST + 0] ?? 0;
  let d2 = st[INTEREST + 1] ?? 0;
  let d3 = st[INTEREST + 2] ?? 0;
  let d4 = st[INTEREST + 3] ?? 0;
  let d5 = st[INTEREST + 4] ?? 0;
  let d6 = st[INTEREST + 5] ?? 0;
  let a1 = st[PENALTY + 0] ?? 0;
  let a2 = st[PENALTY + 1] ?? 0;
  let a3 = st[PENALTY + 2] ?? 0;
  let a4 = st[PENALTY + 3] ?? 0;
  let a5 = st[PENALTY + 4] ?? 0;
  let a6 = st[PENALTY + 5] ?? 0;
  const smmRates = segment.smm.rates;
  const mdrRates = segment.mdr.rates;
  const { plainPenalty, borrowerCostCap: cap } = segment;
  const compound = segment.penaltyCompounding ? 1 : 0;
  const strip = segment.servicingFeeRate;
  const recoveryRate = segment.recoveryRate;
  const lag = segment.recoveryLagMonths;
  const { c1, k1, f1, x1, c2, b2, bp2, bc2, k2, f2, x2, c3, b3, bp3, bc3, k3, f3, x3 } = rates;
  const { c4, b4, bp4, bc4, k4, f4, x4, c5, b5, bp5, bc5, k5, f5, x5, c6, b6, bp6, bc6, k6, x6 } = rates;
  const stateBalance = acc.stateBalance;

  let loanBalance = balanceAtMaturity;
  let prepaidMass = prepaidAtMaturity;
  for (let k = start; k < months; k++) {
    const yf = yearFractions[k] ?? 0;
    acc.servicingFee[k] = (acc.servicingFee[k] ?? 0) + strip * yf * loanBalance;
    let forgone = 0;
    if (penaltyRate > 0) {
      const accrual = penaltyRate * yf;
      if (plainPenalty) {
        a1 += accrual * o1;
        a2 += accrual * o2;
        a3 += accrual * o3;
        a4 += accrual * o4;
        a5 += accrual * o5;
        a6 += accrual * o6;
      } else {
        // As in the due months, with no installment: the unpaid principal is the overdue principal, no contract charge.
        const q1 = accrual * (o1 + compound * d1);
        const q2 = accrual * (o2 + compound * d2);
        const q3 = accrual * (o3 + compound * d3);
        const q4 = accrual * (o4 + compound * d4);
        const q5 = accrual * (o5 + compound * d5);
        const q6 = accrual * (o6 + compound * d6);
        const g1 = cappedPenalty(q1, o1, 0, cap, yf);
        const g2 = cappedPenalty(q2, o2, 0, cap, yf);
        const g3 = cappedPenalty(q3, o3, 0, cap, yf);
        const g4 = cappedPenalty(q4, o4, 0, cap, yf);
        const g5 = cappedPenalty(q5, o5, 0, cap, yf);
        const g6 = cappedPenalty(q6, o6, 0, cap, yf);
        a1 += g1;
        a2 += g2;
        a3 += g3;
        a4 += g4;
        a5 += g5;
        a6 += g6;
        forgone = q1 - g1 + (q2 - g2) + (q3 - g3) + (q4 - g4) + (q5 - g5) + (q6 - g6);
      }
    }

    let interest = 0;
    let principal = 0;
    let penalty = 0;
    let defaulted = 0;
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    let n4 = 0;
    let n5 = 0;
    let n6 = 0;
    let n7 = m7;
    let no1 = 0;
    let no2 = 0;
    let no3 = 0;
    let no4 = 0;
    let no5 = 0;
    let no6 = 0;
    let nd1 = 0;
    let nd2 = 0;
    let nd3 = 0;
    let nd4 = 0;
    let nd5 = 0;
    let nd6 = 0;
    let na1 = 0;
    let na2 = 0;
    let na3 = 0;
    let na4 = 0;
    let na5 = 0;
    let na6 = 0;

    // Current: nothing is due, so it stays; MDR defaults and SMM prepayments move mass only,
    // which only a trace reads (without one, m0 and m7 are not kept up to date from here on).
    if (trace !== null && m0 > 0) {
      const defaultMass = m0 * (mdrRates[mdrOffset + k] ?? 0);
      n7 += defaultMass;
      const rest = m0 - defaultMass;
      const prepayMass = rest * (smmRates[smmOffset + k] ?? 0);
      prepaidMass += prepayMass;
      n0 += rest - prepayMass;
    }

    // Delinquent buckets: what each move pays of the arrears, as in the due months; moves of
    // probability 0 are skipped (they would add exact zeros).
    if (m1 > 0) {
      interest += c1 * d1;
      principal += c1 * o1;
      penalty += c1 * a1;
      n0 += m1 * c1;
      if (k1 > 0) {
        n1 += m1 * k1;
        no1 += k1 * o1;
        nd1 += k1 * d1;
        na1 += k1 * a1;
      }
      n2 += m1 * f1;
      no2 += f1 * o1;
      nd2 += f1 * d1;
      na2 += f1 * a1;
      if (x1 > 0) {
        n7 += m1 * x1;
        defaulted += x1 * o1;
      }
    }
    if (m2 > 0) {
      interest += c2 * d2;
      principal += c2 * o2;
      penalty += c2 * a2;
      n0 += m2 * c2;
      if (b2 > 0) {
        interest += bp2 * d2;
        principal += bp2 * o2;
        penalty += bp2 * a2;
        n1 += m2 * b2;
        no1 += bc2 * o2;
        nd1 += bc2 * d2;
        na1 += bc2 * a2;
      }
      if (k2 > 0) {
        n2 += m2 * k2;
        no2 += k2 * o2;
        nd2 += k2 * d2;
        na2 += k2 * a2;
      }
      n3 += m2 * f2;
      no3 += f2 * o2;
      nd3 += f2 * d2;
      na3 += f2 * a2;
      if (x2 > 0) {
        n7 += m2 * x2;
        defaulted += x2 * o2;
      }
    }
    if (m3 > 0) {
      interest += c3 * d3;
      principal += c3 * o3;
      penalty += c3 * a3;
      n0 += m3 * c3;
      if (b3 > 0) {
        interest += bp3 * d3;
        principal += bp3 * o3;
        penalty += bp3 * a3;
        n2 += m3 * b3;
        no2 += bc3 * o3;
        nd2 += bc3 * d3;
        na2 += bc3 * a3;
      }
      if (k3 > 0) {
        n3 += m3 * k3;
        no3 += k3 * o3;
        nd3 += k3 * d3;
        na3 += k3 * a3;
      }
      n4 += m3 * f3;
      no4 += f3 * o3;
      nd4 += f3 * d3;
      na4 += f3 * a3;
      if (x3 > 0) {
        n7 += m3 * x3;
        defaulted += x3 * o3;
      }
    }
    if (m4 > 0) {
      interest += c4 * d4;
      principal += c4 * o4;
      penalty += c4 * a4;
      n0 += m4 * c4;
      if (b4 > 0) {
        interest += bp4 * d4;
        principal += bp4 * o4;
        penalty += bp4 * a4;
        n3 += m4 * b4;
        no3 += bc4 * o4;
        nd3 += bc4 * d4;
        na3 += bc4 * a4;
      }
      if (k4 > 0) {
        n4 += m4 * k4;
        no4 += k4 * o4;
        nd4 += k4 * d4;
        na4 += k4 * a4;
      }
      n5 += m4 * f4;
      no5 += f4 * o4;
      nd5 += f4 * d4;
      na5 += f4 * a4;
      if (x4 > 0) {
        n7 += m4 * x4;
        defaulted += x4 * o4;
      }
    }
    if (m5 > 0) {
      interest += c5 * d5;
      principal += c5 * o5;
      penalty += c5 * a5;
      n0 += m5 * c5;
      if (b5 > 0) {
        interest += bp5 * d5;
        principal += bp5 * o5;
        penalty += bp5 * a5;
        n4 += m5 * b5;
        no4 += bc5 * o5;
        nd4 += bc5 * d5;
        na4 += bc5 * a5;
      }
      if (k5 > 0) {
        n5 += m5 * k5;
        no5 += k5 * o5;
        nd5 += k5 * d5;
        na5 += k5 * a5;
      }
      n6 += m5 * f5;
      no6 += f5 * o5;
      nd6 += f5 * d5;
      na6 += f5 * a5;
      if (x5 > 0) {
        n7 += m5 * x5;
        defaulted += x5 * o5;
      }
    }
    if (m6 > 0) {
      interest += c6 * d6;
      principal += c6 * o6;
      penalty += c6 * a6;
      n0 += m6 * c6;
      if (b6 > 0) {
        interest += bp6 * d6;
        principal += bp6 * o6;
        penalty += bp6 * a6;
        n5 += m6 * b6;
        no5 += bc6 * o6;
        nd5 += bc6 * d6;
        na5 += bc6 * a6;
      }
      if (k6 > 0) {
        n6 += m6 * k6;
        no6 += k6 * o6;
        nd6 += k6 * d6;
        na6 += k6 * a6;
      }
      if (x6 > 0) {
        n7 += m6 * x6;
        defaulted += x6 * o6;
      }
    }

    m0 = n0;
    m1 = n1;
    m2 = n2;
    m3 = n3;
    m4 = n4;
    m5 = n5;
    m6 = n6;
    m7 = n7;
    o1 = no1;
    o2 = no2;
    o3 = no3;
    o4 = no4;
    o5 = no5;
    o6 = no6;
    d1 = nd1;
    d2 = nd2;
    d3 = nd3;
    d4 = nd4;
    d5 = nd5;
    d6 = nd6;
    a1 = na1;
    a2 = na2;
    a3 = na3;
    a4 = na4;
    a5 = na5;
    a6 = na6;

    // Only arrears are left: a bucket's balance is its overdue principal.
    const balance4 = o4 + o5 + o6;
    const row = k * 5;
    stateBalance[row + 1] = (stateBalance[row + 1] ?? 0) + o1;
    stateBalance[row + 2] = (stateBalance[row + 2] ?? 0) + o2;
    stateBalance[row + 3] = (stateBalance[row + 3] ?? 0) + o3;
    stateBalance[row + 4] = (stateBalance[row + 4] ?? 0) + balance4;
    const ending = o1 + o2 + o3 + balance4;
    const overdueInterest = d1 + d2 + d3 + d4 + d5 + d6;
    acc.overduePrincipal[k] = (acc.overduePrincipal[k] ?? 0) + o1 + o2 + o3 + o4 + o5 + o6;
    acc.overdueInterest[k] = (acc.overdueInterest[k] ?? 0) + overdueInterest;
    acc.interestCollected[k] = (acc.interestCollected[k] ?? 0) + interest;
    acc.penaltyInterest[k] = (acc.penaltyInterest[k] ?? 0) + penalty;
    if (forgone > 0) acc.penaltyForgone[k] = (acc.penaltyForgone[k] ?? 0) + forgone;
    acc.scheduledPrincipal[k] = (acc.scheduledPrincipal[k] ?? 0) + principal;
    if (defaulted > 0) {
      acc.defaults[k] = (acc.defaults[k] ?? 0) + defaulted;
      acc.losses[k] = (acc.losses[k] ?? 0) + defaulted * (1 - recoveryRate);
      acc.recoveries[k + lag] = (acc.recoveries[k + lag] ?? 0) + defaulted * recoveryRate;
    }
    loanBalance = ending;

    if (trace !== null) traceMonth(trace, k, m0, m1, m2, m3, m4, m5, m6, m7, prepaidMass);
    // What is still owed is at or below the tail tolerance (all of it when that is 0): every later
    // month adds at most that (ProjectionOptions.tailTolerance; docs/assumptions.md).
    else if (ending + overdueInterest + (a1 + a2 + a3 + a4 + a5 + a6) <= stopAt) break;
  }
}

/** Month k's row of a loan trace: the mass in each state, then the mass prepaid so far. */
function traceMonth(trace: Float64Array, k: number, m0: number, m1: number, m2: number, m3: number, m4: number, m5: number, m6: number, m7: number, prepaidMass: number): void {
  const at = k * TRACE_COLUMNS;
  trace[at] = m0;
  trace[at + 1] = m1;
  trace[at + 2] = m2;
  trace[at + 3] = m3;
  trace[at + 4] = m4;
  trace[at + 5] = m5;
  trace[at + 6] = m6;
  trace[at + 7] = m7;
  trace[at + 8] = prepaidMass;
}
