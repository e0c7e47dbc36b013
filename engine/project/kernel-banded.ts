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
 * pays the installment and 1/s of the arrears; staying pays the installment; forward and
 * charge-off pay nothing. After maturity the matured rates apply (maturedMatrix: what stayed ages
 * a bucket). test/engine/project checks both kernels agree.
 */
export function projectBandedLoanInto(loans: LoanArrays, i: number, segment: ResolvedSegment, due0: BandedRates, ctx: KernelContext, acc: Accumulators, trace: Float64Array | null): void {
  const { months } = ctx;
  const { yearFractions } = segment;
  const balance0 = loans.currentPrincipal[i] ?? 0;
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
  const defaultsFirst = segment.defaultsFirst;
  const matured = segment.maturedBanded ?? due0;
  const stateBalance = acc.stateBalance;

  let loanBalance = balance0;
  let prepaidMass = 0;
  for (let k = 0; k < months; k++) {
    const yf = yearFractions[k] ?? 0;
    const due = k < n;
    const r = due ? due0 : matured;
    monthInstallment(plan, k, yf);
    const iu = plan.interest;
    const spu = plan.principal;
    const u = plan.balance;

    acc.servicingFee[k] = (acc.servicingFee[k] ?? 0) + strip * yf * loanBalance;
    acc.scheduledInterest[k] = (acc.scheduledInterest[k] ?? 0) + (m0 + m1 + m2 + m3 + m4 + m5 + m6) * iu;
    if (penaltyRate > 0) {
      const accrual = penaltyRate * yf;
      a1 += accrual * o1;
      a2 += accrual * o2;
      a3 += accrual * o3;
      a4 += accrual * o4;
      a5 += accrual * o5;
      a6 += accrual * o6;
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
    // or is charged off. After maturity nothing is due, so it just stays.
    const stay = m0 * (due ? r.p00 : 1);
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
    if (due && m0 > 0) {
      const miss = m0 * r.p01;
      n1 += miss;
      no1 += miss * spu;
      nd1 += miss * iu;
      const off = m0 * r.p05;
      n7 += off;
      defaulted += off * u;
    }

    if (m1 > 0) {
      const cure = m1 * r.c1;
      interest += cure * iu + r.c1 * d1;
      principal += cure * spu + r.c1 * o1;
      penalty += r.c1 * a1;
      n0 += cure;
      const keep = m1 * r.k1;
      interest += keep * iu;
      principal += keep * spu;
      n1 += keep;
      no1 += r.k1 * o1;
      nd1 += r.k1 * d1;
      na1 += r.k1 * a1;
      const forward = m1 * r.f1;
      n2 += forward;
      no2 += r.f1 * o1 + forward * spu;
      nd2 += r.f1 * d1 + forward * iu;
      na2 += r.f1 * a1;
      const off = m1 * r.x1;
      n7 += off;
      defaulted += off * u + r.x1 * o1;
    }
    if (m2 > 0) {
      const cure = m2 * r.c2;
      interest += cure * iu + r.c2 * d2;
      principal += cure * spu + r.c2 * o2;
      penalty += r.c2 * a2;
      n0 += cure;
      // Back one bucket: pays the installment and 1/2 of the arrears.
      const bk2 = r.b2;
      const h2 = bk2 / 2;
      const back = m2 * bk2;
      interest += back * iu + h2 * d2;
      principal += back * spu + h2 * o2;
      penalty += h2 * a2;
      n1 += back;
      no1 += (bk2 - h2) * o2;
      nd1 += (bk2 - h2) * d2;
      na1 += (bk2 - h2) * a2;
      const keep = m2 * r.k2;
      interest += keep * iu;
      principal += keep * spu;
      n2 += keep;
      no2 += r.k2 * o2;
      nd2 += r.k2 * d2;
      na2 += r.k2 * a2;
      const forward = m2 * r.f2;
      n3 += forward;
      no3 += r.f2 * o2 + forward * spu;
      nd3 += r.f2 * d2 + forward * iu;
      na3 += r.f2 * a2;
      const off = m2 * r.x2;
      n7 += off;
      defaulted += off * u + r.x2 * o2;
    }
    if (m3 > 0) {
      const cure = m3 * r.c3;
      interest += cure * iu + r.c3 * d3;
      principal += cure * spu + r.c3 * o3;
      penalty += r.c3 * a3;
      n0 += cure;
      // Back one bucket: pays the installment and 1/3 of the arrears.
      const bk3 = r.b3;
      const h3 = bk3 / 3;
      const back = m3 * bk3;
      interest += back * iu + h3 * d3;
      principal += back * spu + h3 * o3;
      penalty += h3 * a3;
      n2 += back;
      no2 += (bk3 - h3) * o3;
      nd2 += (bk3 - h3) * d3;
      na2 += (bk3 - h3) * a3;
      const keep = m3 * r.k3;
      interest += keep * iu;
      principal += keep * spu;
      n3 += keep;
      no3 += r.k3 * o3;
      nd3 += r.k3 * d3;
      na3 += r.k3 * a3;
      const forward = m3 * r.f3;
      n4 += forward;
      no4 += r.f3 * o3 + forward * spu;
      nd4 += r.f3 * d3 + forward * iu;
      na4 += r.f3 * a3;
      const off = m3 * r.x3;
      n7 += off;
      defaulted += off * u + r.x3 * o3;
    }
    if (m4 > 0) {
      const cure = m4 * r.c4;
      interest += cure * iu + r.c4 * d4;
      principal += cure * spu + r.c4 * o4;
      penalty += r.c4 * a4;
      n0 += cure;
      // Back one bucket: pays the installment and 1/4 of the arrears.
      const bk4 = r.b4;
      const h4 = bk4 / 4;
      const back = m4 * bk4;
      interest += back * iu + h4 * d4;
      principal += back * spu + h4 * o4;
      penalty += h4 * a4;
      n3 += back;
      no3 += (bk4 - h4) * o4;
      nd3 += (bk4 - h4) * d4;
      na3 += (bk4 - h4) * a4;
      const keep = m4 * r.k4;
      interest += keep * iu;
      principal += keep * spu;
      n4 += keep;
      no4 += r.k4 * o4;
      nd4 += r.k4 * d4;
      na4 += r.k4 * a4;
      const forward = m4 * r.f4;
      n5 += forward;
      no5 += r.f4 * o4 + forward * spu;
      nd5 += r.f4 * d4 + forward * iu;
      na5 += r.f4 * a4;
      const off = m4 * r.x4;
      n7 += off;
      defaulted += off * u + r.x4 * o4;
    }
    if (m5 > 0) {
      const cure = m5 * r.c5;
      interest += cure * iu + r.c5 * d5;
      principal += cure * spu + r.c5 * o5;
      penalty += r.c5 * a5;
      n0 += cure;
      // Back one bucket: pays the installment and 1/5 of the arrears.
      const bk5 = r.b5;
      const h5 = bk5 / 5;
      const back = m5 * bk5;
      interest += back * iu + h5 * d5;
      principal += back * spu + h5 * o5;
      penalty += h5 * a5;
      n4 += back;
      no4 += (bk5 - h5) * o5;
      nd4 += (bk5 - h5) * d5;
      na4 += (bk5 - h5) * a5;
      const keep = m5 * r.k5;
      interest += keep * iu;
      principal += keep * spu;
      n5 += keep;
      no5 += r.k5 * o5;
      nd5 += r.k5 * d5;
      na5 += r.k5 * a5;
      const forward = m5 * r.f5;
      n6 += forward;
      no6 += r.f5 * o5 + forward * spu;
      nd6 += r.f5 * d5 + forward * iu;
      na6 += r.f5 * a5;
      const off = m5 * r.x5;
      n7 += off;
      defaulted += off * u + r.x5 * o5;
    }
    if (m6 > 0) {
      const cure = m6 * r.c6;
      interest += cure * iu + r.c6 * d6;
      principal += cure * spu + r.c6 * o6;
      penalty += r.c6 * a6;
      n0 += cure;
      // Back one bucket: pays the installment and 1/6 of the arrears.
      const bk6 = r.b6;
      const h6 = bk6 / 6;
      const back = m6 * bk6;
      interest += back * iu + h6 * d6;
      principal += back * spu + h6 * o6;
      penalty += h6 * a6;
      n5 += back;
      no5 += (bk6 - h6) * o6;
      nd5 += (bk6 - h6) * d6;
      na5 += (bk6 - h6) * a6;
      const keep = m6 * r.k6;
      interest += keep * iu;
      principal += keep * spu;
      n6 += keep;
      no6 += r.k6 * o6;
      nd6 += r.k6 * d6;
      na6 += r.k6 * a6;
      const off = m6 * r.x6;
      n7 += off;
      defaulted += off * u + r.x6 * o6;
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
    const b0 = m0 * uEnd;
    const b1 = m1 * uEnd + o1;
    const b2 = m2 * uEnd + o2;
    const b3 = m3 * uEnd + o3;
    const b4 = (m4 + m5 + m6) * uEnd + o4 + o5 + o6;
    const row = k * 5;
    stateBalance[row] = (stateBalance[row] ?? 0) + b0;
    stateBalance[row + 1] = (stateBalance[row + 1] ?? 0) + b1;
    stateBalance[row + 2] = (stateBalance[row + 2] ?? 0) + b2;
    stateBalance[row + 3] = (stateBalance[row + 3] ?? 0) + b3;
    stateBalance[row + 4] = (stateBalance[row + 4] ?? 0) + b4;
    const ending = b0 + b1 + b2 + b3 + b4;
    const overdueInterest = d1 + d2 + d3 + d4 + d5 + d6;
    acc.overduePrincipal[k] = (acc.overduePrincipal[k] ?? 0) + o1 + o2 + o3 + o4 + o5 + o6;
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
      trace[at + 6] = m6;
      trace[at + 7] = m7;
      trace[at + 8] = prepaidMass;
    } else if (!due && ending === 0 && overdueInterest === 0 && a1 + a2 + a3 + a4 + a5 + a6 === 0) {
      break; // nothing owed any more: every later month adds zero
    }
  }
}
