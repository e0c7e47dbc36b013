import type { ResolvedSegment } from './assumptions.ts';
import type { Accumulators } from './cash-flows.ts';
import { installmentPlan, monthInstallment, type InstallmentState } from './installment.ts';
import type { KernelContext } from './kernel-context.ts';
import type { LoanArrays } from './loans.ts';
import { TRACE_COLUMNS, type BandedRates } from './transitions.ts';

/**
 * projectLoanInto for a banded roll-rate matrix (transitions.ts, BandedRates): the same model and
 * the same order of events, unrolled over named locals instead of a loop over matrix entries —
 * what lets a million loans × 36 months fit DESIGN.md's 2-second budget. Moves and what they pay
 * follow transitionPlan: cure pays the installment, all arrears and penalty; back from bucket s
 * pays the installment and 1/s of the arrears; staying pays the installment in 1–30…61–90 and
 * nothing in 91–180; forward and charge-off pay nothing. test/engine/project checks both kernels agree.
 */
export function projectBandedLoanInto(loans: LoanArrays, i: number, segment: ResolvedSegment, r: BandedRates, ctx: KernelContext, acc: Accumulators, trace: Float64Array | null): void {
  const { months } = ctx;
  const { yearFractions } = segment;
  const balance0 = loans.currentPrincipal[i] ?? 0;
  const state0 = loans.delinquency[i] ?? 0;
  const overdue0 = state0 === 0 ? 0 : (loans.overduePrincipal[i] ?? 0);
  const overdueInterest0 = state0 === 0 ? 0 : (loans.overdueInterest[i] ?? 0);
  let m0 = state0 === 0 ? 1 : 0;
  let m1 = state0 === 1 ? 1 : 0;
  let m2 = state0 === 2 ? 1 : 0;
  let m3 = state0 === 3 ? 1 : 0;
  let m4 = state0 === 4 ? 1 : 0;
  let m5 = 0;
  let o1 = m1 * overdue0;
  let o2 = m2 * overdue0;
  let o3 = m3 * overdue0;
  let o4 = m4 * overdue0;
  let d1 = m1 * overdueInterest0;
  let d2 = m2 * overdueInterest0;
  let d3 = m3 * overdueInterest0;
  let d4 = m4 * overdueInterest0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let a4 = 0;
  const plan: InstallmentState = installmentPlan(loans, i, balance0 - overdue0, segment.uniform30360);
  const rate = loans.rateAnnual[i] ?? 0;
  const n = plan.remainingTerm;

  const smmRates = segment.smm.rates;
  const mdrRates = segment.mdr.rates;
  const age = loans.ageMonths[i] ?? 0;
  const smmOffset = segment.smm.byAge ? age : 0;
  const mdrOffset = segment.mdr.byAge ? age : 0;
  const penaltyRate = segment.penaltyMultiple * rate;
  const strip = segment.servicingFeeRate;
  const recoveryRate = segment.recoveryRate;
  const lag = segment.recoveryLagMonths;
  const { c1, k1, f1, x1, c2, b2, k2, f2, x2, c3, b3, k3, f3, x3, c4, b4, k4, x4 } = r;
  // Share of the arrears a one-bucket roll back pays (1/s) and keeps.
  const h2 = b2 / 2;
  const h3 = b3 / 3;
  const h4 = b4 / 4;
  const stateBalance = acc.stateBalance;

  let loanBalance = balance0;
  let prepaidMass = 0;
  for (let k = 0; k < months; k++) {
    const yf = yearFractions[k] ?? 0;
    const due = k < n;
    monthInstallment(plan, k, yf);
    const iu = plan.interest;
    const spu = plan.principal;
    const u = plan.balance;

    acc.servicingFee[k] = (acc.servicingFee[k] ?? 0) + strip * yf * loanBalance;
    acc.scheduledInterest[k] = (acc.scheduledInterest[k] ?? 0) + (m0 + m1 + m2 + m3 + m4) * iu;
    if (penaltyRate > 0) {
      const accrual = penaltyRate * yf;
      a1 += accrual * o1;
      a2 += accrual * o2;
      a3 += accrual * o3;
      a4 += accrual * o4;
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
    let n5 = m5;
    let no1 = 0;
    let no2 = 0;
    let no3 = 0;
    let no4 = 0;
    let nd1 = 0;
    let nd2 = 0;
    let nd3 = 0;
    let nd4 = 0;
    let na1 = 0;
    let na2 = 0;
    let na3 = 0;
    let na4 = 0;

    // Current: stays (installment, then MDR, then SMM), misses into 1–30, or is charged off.
    // After maturity nothing is due, so it just stays.
    const stay = m0 * (due ? r.p00 : 1);
    if (stay > 0) {
      interest += stay * iu;
      principal += stay * spu;
      const after = u - spu;
      const defaultMass = stay * (mdrRates[mdrOffset + k] ?? 0);
      defaulted += defaultMass * after;
      n5 += defaultMass;
      const rest = stay - defaultMass;
      const prepayMass = rest * (smmRates[smmOffset + k] ?? 0);
      prepaid += prepayMass * after;
      prepaidMass += prepayMass;
      n0 += rest - prepayMass;
    }
    if (due && m0 > 0) {
      const miss = m0 * r.p01;
      n1 += miss;
      no1 += miss * spu;
      nd1 += miss * iu;
      const off = m0 * r.p05;
      n5 += off;
      defaulted += off * u;
    }

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
      const off = m1 * x1;
      n5 += off;
      defaulted += off * u + x1 * o1;
    }

    if (m2 > 0) {
      const cure = m2 * c2;
      interest += cure * iu + c2 * d2;
      principal += cure * spu + c2 * o2;
      penalty += c2 * a2;
      n0 += cure;
      const back = m2 * b2;
      interest += back * iu + h2 * d2;
      principal += back * spu + h2 * o2;
      penalty += h2 * a2;
      n1 += back;
      no1 += (b2 - h2) * o2;
      nd1 += (b2 - h2) * d2;
      na1 += (b2 - h2) * a2;
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
      const off = m2 * x2;
      n5 += off;
      defaulted += off * u + x2 * o2;
    }

    if (m3 > 0) {
      const cure = m3 * c3;
      interest += cure * iu + c3 * d3;
      principal += cure * spu + c3 * o3;
      penalty += c3 * a3;
      n0 += cure;
      const back = m3 * b3;
      interest += back * iu + h3 * d3;
      principal += back * spu + h3 * o3;
      penalty += h3 * a3;
      n2 += back;
      no2 += (b3 - h3) * o3;
      nd2 += (b3 - h3) * d3;
      na2 += (b3 - h3) * a3;
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
      const off = m3 * x3;
      n5 += off;
      defaulted += off * u + x3 * o3;
    }

    if (m4 > 0) {
      const cure = m4 * c4;
      interest += cure * iu + c4 * d4;
      principal += cure * spu + c4 * o4;
      penalty += c4 * a4;
      n0 += cure;
      const back = m4 * b4;
      interest += back * iu + h4 * d4;
      principal += back * spu + h4 * o4;
      penalty += h4 * a4;
      n3 += back;
      no3 += (b4 - h4) * o4;
      nd3 += (b4 - h4) * d4;
      na3 += (b4 - h4) * a4;
      // Staying in 91–180 (a bucket three installments wide) pays nothing.
      const keep = m4 * k4;
      n4 += keep;
      no4 += k4 * o4 + keep * spu;
      nd4 += k4 * d4 + keep * iu;
      na4 += k4 * a4;
      const off = m4 * x4;
      n5 += off;
      defaulted += off * u + x4 * o4;
    }

    m0 = n0;
    m1 = n1;
    m2 = n2;
    m3 = n3;
    m4 = n4;
    m5 = n5;
    o1 = no1;
    o2 = no2;
    o3 = no3;
    o4 = no4;
    d1 = nd1;
    d2 = nd2;
    d3 = nd3;
    d4 = nd4;
    a1 = na1;
    a2 = na2;
    a3 = na3;
    a4 = na4;
    const uEnd = u - spu;
    plan.balance = uEnd;

    const b0 = m0 * uEnd;
    const b1 = m1 * uEnd + o1;
    const b2End = m2 * uEnd + o2;
    const b3End = m3 * uEnd + o3;
    const b4End = m4 * uEnd + o4;
    const row = k * 5;
    stateBalance[row] = (stateBalance[row] ?? 0) + b0;
    stateBalance[row + 1] = (stateBalance[row + 1] ?? 0) + b1;
    stateBalance[row + 2] = (stateBalance[row + 2] ?? 0) + b2End;
    stateBalance[row + 3] = (stateBalance[row + 3] ?? 0) + b3End;
    stateBalance[row + 4] = (stateBalance[row + 4] ?? 0) + b4End;
    const ending = b0 + b1 + b2End + b3End + b4End;
    const overdueInterest = d1 + d2 + d3 + d4;
    acc.overduePrincipal[k] = (acc.overduePrincipal[k] ?? 0) + o1 + o2 + o3 + o4;
    acc.overdueInterest[k] = (acc.overdueInterest[k] ?? 0) + overdueInterest;
    acc.interestCollected[k] = (acc.interestCollected[k] ?? 0) + interest;
    acc.penaltyInterest[k] = (acc.penaltyInterest[k] ?? 0) + penalty;
    acc.scheduledPrincipal[k] = (acc.scheduledPrincipal[k] ?? 0) + principal;
    acc.prepayments[k] = (acc.prepayments[k] ?? 0) + prepaid;
    if (defaulted > 0) {
      acc.defaults[k] = (acc.defaults[k] ?? 0) + defaulted;
      acc.losses[k] = (acc.losses[k] ?? 0) + defaulted * (1 - recoveryRate);
      acc.recoveries[k + lag] = (acc.recoveries[k + lag] ?? 0) + defaulted * recoveryRate;
    }
    loanBalance = ending;

    if (trace !== null) {
      const at = k * TRACE_COLUMNS;
      trace[at] = m0;
      trace[at + 1] = m1;
      trace[at + 2] = m2;
      trace[at + 3] = m3;
      trace[at + 4] = m4;
      trace[at + 5] = m5;
      trace[at + 6] = prepaidMass;
    } else if (!due && ending === 0 && overdueInterest === 0 && a1 + a2 + a3 + a4 === 0) {
      break; // nothing owed any more: every later month adds zero
    }
  }
}
