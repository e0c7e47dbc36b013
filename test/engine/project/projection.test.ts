import { describe, expect, it } from 'vitest';
import { engineErrorCode } from '../../helpers/engine.ts';
import {
  allocateLoanArrays,
  amortizationCode,
  buildTransitionMatrix,
  roundCentsOfDouble,
  delinquencyCode,
  delinquencyStateFromDaysPastDue,
  evaluateVector,
  flatFeeRateFromApr,
  loanSchedule,
  parseVector,
  projectPassThrough,
  projectPool,
  roundToCents,
  traceLoan,
  type AmortizationType,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
  type ProjectionOptions,
  type RollState,
} from '../../../engine/index.ts';
import { resolveAssumptions } from '../../../engine/project/assumptions.ts';
import { allocateAccumulators, poolCashFlows } from '../../../engine/project/cash-flows.ts';
import { projectLoanInto } from '../../../engine/project/kernel.ts';
import { kernelContext } from '../../../engine/project/kernel-context.ts';

interface LoanRow {
  balance: number;
  rateAnnual: number;
  remainingTerm: number;
  amortization?: AmortizationType;
  originalPrincipal?: number;
  originalTerm?: number;
  ageMonths?: number;
  state?: RollState;
  overduePrincipal?: number;
  overdueInterest?: number;
  segment?: number;
}

/** LoanArrays from readable rows (original principal and term default to the current ones). */
function loanArrays(rows: readonly LoanRow[]): LoanArrays {
  const loans = allocateLoanArrays(rows.length);
  rows.forEach((row, i) => {
    loans.currentPrincipal[i] = row.balance;
    loans.originalPrincipal[i] = row.originalPrincipal ?? row.balance;
    loans.rateAnnual[i] = row.rateAnnual;
    loans.remainingTerm[i] = row.remainingTerm;
    loans.originalTerm[i] = row.originalTerm ?? row.remainingTerm;
    loans.ageMonths[i] = row.ageMonths ?? 0;
    loans.amortization[i] = amortizationCode(row.amortization ?? 'level_payment');
    loans.delinquency[i] = delinquencyCode(row.state ?? 'current');
    loans.overduePrincipal[i] = row.overduePrincipal ?? 0;
    loans.overdueInterest[i] = row.overdueInterest ?? 0;
    loans.segment[i] = row.segment ?? 0;
  });
  return loans;
}

/** The same projection through the general (matrix-entry loop) kernel, bypassing the banded one. */
function projectWithGeneralKernel(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions): PoolCashFlows {
  const count = loans.currentPrincipal.length;
  let maxAge = 0;
  let maxSegment = 0;
  for (let i = 0; i < count; i++) {
    maxAge = Math.max(maxAge, loans.ageMonths[i] ?? 0);
    maxSegment = Math.max(maxSegment, loans.segment[i] ?? 0);
  }
  const fractions = options.yearFractions ?? new Float64Array(options.months).fill(1 / 12);
  const segments = resolveAssumptions(assumptions, maxSegment + 1, options.months, maxAge, () => fractions).map((s) => ({ ...s, banded: null }));
  const maxLag = segments.reduce((lag, s) => Math.max(lag, s.recoveryLagMonths), 0);
  const acc = allocateAccumulators(options.months, maxLag);
  const ctx = kernelContext(options.months);
  let cutoff = 0;
  for (let i = 0; i < count; i++) {
    cutoff += loans.currentPrincipal[i] ?? 0;
    const segment = segments[loans.segment[i] ?? 0];
    if (segment === undefined) throw new Error('no segment');
    projectLoanInto(loans, i, segment, ctx, acc, null);
  }
  return poolCashFlows(
    acc,
    count,
    cutoff,
    segments.every((s) => s.defaultsFirst),
  );
}

const list = (values: Float64Array): number[] => Array.from(values);

const at = (column: Float64Array, month: number): number => column[month - 1] ?? Number.NaN;
const NOTHING: PoolAssumptions = { pool: {} };

describe('contractual schedules (zero speeds, no delinquency)', () => {
  it('a level-payment loan reproduces engine/schedule month by month', () => {
    // ¥12,000 at 18% (30/360: r = 1.5% a month) over 12 months: A = 1,100.1599…, as loanSchedule computes.
    const loans = loanArrays([{ balance: 12_000, rateAnnual: 0.18, remainingTerm: 12 }]);
    const flows = projectPool(loans, NOTHING, { months: 12 });
    const schedule = loanSchedule({ amortization: 'level_payment', balance: 12_000, rateAnnual: 0.18, remainingTerm: 12 });
    for (let t = 0; t < 12; t++) {
      expect(flows.beginningBalance[t]).toBeCloseTo(schedule.beginningBalance[t] ?? Number.NaN, 9);
      expect(flows.scheduledInterest[t]).toBeCloseTo(schedule.interest[t] ?? Number.NaN, 9);
      expect(flows.interestCollected[t]).toBeCloseTo(schedule.interest[t] ?? Number.NaN, 9);
      expect(flows.scheduledPrincipal[t]).toBeCloseTo(schedule.scheduledPrincipal[t] ?? Number.NaN, 9);
      expect(flows.endingBalance[t]).toBeCloseTo(schedule.endingBalance[t] ?? Number.NaN, 9);
      expect(flows.prepayments[t]).toBe(0);
      expect(flows.defaults[t]).toBe(0);
    }
    expect(at(flows.interestCollected, 1)).toBeCloseTo(180, 10); // 12,000 × 0.015
    expect(at(flows.scheduledPrincipal, 1)).toBeCloseTo(920.159_914_874_75, 8);
    expect(at(flows.endingBalance, 12)).toBe(0);
    expect(at(flows.poolFactor, 12)).toBe(0);
  });

  it('equal principal (等额本金): ¥3,000 at 12% over 3 months pays ¥1,000 a month and interest 30, 20, 10', () => {
    // r = 0.12 / 12 = 1%: interest 3,000 × 1% = 30, 2,000 × 1% = 20, 1,000 × 1% = 10.
    const loans = loanArrays([{ balance: 3_000, rateAnnual: 0.12, remainingTerm: 3, amortization: 'equal_principal' }]);
    const flows = roundToCents(projectPool(loans, NOTHING, { months: 3 }));
    expect(list(flows.beginningBalance)).toEqual([3_000, 2_000, 1_000]);
    expect(list(flows.interestCollected)).toEqual([30, 20, 10]);
    expect(list(flows.scheduledPrincipal)).toEqual([1_000, 1_000, 1_000]);
    expect(list(flows.endingBalance)).toEqual([2_000, 1_000, 0]);
    expect(list(flows.poolFactor)).toEqual([2 / 3, 1 / 3, 0]);
  });

  it('flat fee (等本等息): the fee on the original principal, as engine/schedule computes it', () => {
    // ¥12,000 over 12 months at APR 18%, 2 months seasoned (¥10,000 left, 10 installments):
    // flat rate = A/P − 1/n = 0.0916799929… − 1/12 = 0.0083466596…, fee = 12,000 × that = ¥100.16 a month;
    // principal 10,000 / 10 = ¥1,000 a month.
    const loans = loanArrays([{ balance: 10_000, originalPrincipal: 12_000, originalTerm: 12, ageMonths: 2, rateAnnual: 0.18, remainingTerm: 10, amortization: 'flat_fee' }]);
    const flows = projectPool(loans, NOTHING, { months: 10 });
    const schedule = loanSchedule({
      amortization: 'flat_fee',
      balance: 10_000,
      rateAnnual: 0.18,
      remainingTerm: 10,
      flatRateMonthly: flatFeeRateFromApr(0.18, 12),
      originalPrincipal: 12_000,
    });
    for (let t = 0; t < 10; t++) {
      expect(flows.interestCollected[t]).toBeCloseTo(schedule.interest[t] ?? Number.NaN, 9);
      expect(flows.scheduledPrincipal[t]).toBeCloseTo(schedule.scheduledPrincipal[t] ?? Number.NaN, 9);
      expect(roundCentsOfDouble(flows.interestCollected[t] ?? 0)).toBe(100.16);
      expect(flows.scheduledPrincipal[t]).toBeCloseTo(1_000, 9);
    }
  });

  it('interest-only (先息后本): interest every month, the bullet at maturity', () => {
    const loans = loanArrays([{ balance: 10_000, rateAnnual: 0.12, remainingTerm: 3, amortization: 'interest_only' }]);
    const flows = roundToCents(projectPool(loans, NOTHING, { months: 5 }));
    expect(list(flows.interestCollected)).toEqual([100, 100, 100, 0, 0]);
    expect(list(flows.scheduledPrincipal)).toEqual([0, 0, 10_000, 0, 0]);
    expect(list(flows.endingBalance)).toEqual([10_000, 10_000, 0, 0, 0]);
  });
});

describe('prepayments only: the pass-through projection', () => {
  it('matches projectPassThrough principal, interest and servicing for 150 PSA on a 357-month pool', () => {
    // Fabozzi's pool: WAC 8.125%, net 7.5% (servicing strip 0.625%), WAM 357, WALA 3; 150 PSA read by loan age.
    const line = { balance: 400_000_000, grossRate: 0.081_25, netRate: 0.075, remainingTerm: 357, ageMonths: 3 };
    const months = 120;
    const smm = evaluateVector(parseVector('150 PSA'), months, line.ageMonths);
    const expected = projectPassThrough(line, smm, { months });
    const loans = loanArrays([{ balance: line.balance, rateAnnual: line.grossRate, remainingTerm: 357, ageMonths: 3, originalTerm: 360 }]);
    const flows = projectPool(loans, { pool: { prepayment: { kind: 'notation', notation: parseVector('150 PSA') }, servicingFeeRate: 0.006_25 } }, { months });
    for (let t = 0; t < months; t++) {
      expect(Math.abs((flows.scheduledPrincipal[t] ?? 0) - (expected.scheduledPrincipal[t] ?? 0))).toBeLessThan(1e-6);
      expect(Math.abs((flows.prepayments[t] ?? 0) - (expected.prepayment[t] ?? 0))).toBeLessThan(1e-6);
      expect(Math.abs((flows.interestCollected[t] ?? 0) - (expected.grossInterest[t] ?? 0))).toBeLessThan(1e-6);
      expect(Math.abs((flows.servicingFee[t] ?? 0) - (expected.servicingFee[t] ?? 0))).toBeLessThan(1e-6);
      expect(flows.smm[t]).toBeCloseTo(smm[t] ?? Number.NaN, 12);
    }
    // Month 1: age 4 at 150 PSA is CPR 1.2%, SMM = 1 − 0.988^(1/12) = 0.0010055…
    expect(at(flows.smm, 1)).toBeCloseTo(1 - 0.988 ** (1 / 12), 14);
    expect(at(flows.cpr, 1)).toBeCloseTo(0.012, 12);
  });

  it('SMM by projection month from a plain monthly vector, last value held flat', () => {
    // ¥1,000 bullet at 0%: month 1 prepays 10% of 1,000 = 100, month 2 (and after) 20%: 180, 144.
    const loans = loanArrays([{ balance: 1_000, rateAnnual: 0, remainingTerm: 12, amortization: 'interest_only' }]);
    const flows = projectPool(loans, { pool: { prepayment: { kind: 'monthly', rates: [0.1, 0.2] } } }, { months: 3 });
    expect(list(flows.prepayments).map(roundCentsOfDouble)).toEqual([100, 180, 144]);
  });
});

describe('defaults (MDR) before prepayments', () => {
  it('a 2-month hand example (defaultOrder afterScheduled): MDR on the balance after scheduled principal, then SMM on what is left', () => {
    // ¥2,000 equal principal at 12% over 2 months, MDR 10%, SMM 20%; the order the engine used before the model review.
    // Month 1: interest 2,000 × 1% = 20; scheduled principal 1,000; defaults 10% × (2,000 − 1,000) = 100;
    //          prepayments 20% × (1,000 − 100) = 180; ending 1,000 − 100 − 180 = 720.
    // Month 2: interest 720 × 1% = 7.20; scheduled principal 720 (last installment); nothing left to default or prepay.
    const loans = loanArrays([{ balance: 2_000, rateAnnual: 0.12, remainingTerm: 2, amortization: 'equal_principal' }]);
    const flows = projectPool(
      loans,
      { pool: { default: { kind: 'monthly', rates: [0.1] }, prepayment: { kind: 'monthly', rates: [0.2] }, recoveryRate: 0.25, recoveryLagMonths: 1, defaultOrder: 'afterScheduled' } },
      { months: 2 },
    );
    const r = roundToCents(flows);
    expect(list(r.interestCollected)).toEqual([20, 7.2]);
    expect(list(r.scheduledPrincipal)).toEqual([1_000, 720]);
    expect(list(r.defaults)).toEqual([100, 0]);
    expect(list(r.prepayments)).toEqual([180, 0]);
    expect(list(r.endingBalance)).toEqual([720, 0]);
    // Loss booked at default: 100 × (1 − 25%) = 75; the recovery 25 arrives a month later.
    expect(list(r.losses)).toEqual([75, 0]);
    expect(list(r.recoveries)).toEqual([0, 25]);
    expect(list(r.cumulativeNetLoss)).toEqual([75, 75]);
    expect(at(flows.mdr, 1)).toBeCloseTo(0.1, 14); // 100 / (2,000 − 1,000)
    expect(at(flows.smm, 1)).toBeCloseTo(0.2, 14); // 180 / (2,000 − 1,000 − 100)
    expect(at(flows.cdr, 1)).toBeCloseTo(1 - 0.9 ** 12, 14);
    expect(at(flows.cumulativeDefaultRate, 2)).toBeCloseTo(100 / 2_000, 14);
  });

  it('the default order (SIFMA Standard Formulas C.3): the defaulting share defaults on its beginning balance and pays nothing', () => {
    // ¥2,000 equal principal at 12% over 2 months, MDR 10%, SMM 20%, both kernels.
    // Month 1: defaults 10% × 2,000 = 200 (no interest, no principal from them). The surviving 90%:
    //          interest 0.9 × 20 = 18; scheduled principal 0.9 × 1,000 = 900;
    //          prepayments 20% × (0.9 × 2,000 − 900) = 180; ending 1,800 − 900 − 180 = 720.
    // Month 2: defaults 10% × 720 = 72; interest 0.9 × 7.20 = 6.48; scheduled principal 0.9 × 720 = 648; ending 0.
    // Reported MDR = defaults ÷ beginning balance: 200 / 2,000 = 10%.
    const loans = loanArrays([{ balance: 2_000, rateAnnual: 0.12, remainingTerm: 2, amortization: 'equal_principal' }]);
    const assumptions: PoolAssumptions = { pool: { default: { kind: 'monthly', rates: [0.1] }, prepayment: { kind: 'monthly', rates: [0.2] } } };
    for (const flows of [projectPool(loans, assumptions, { months: 2 }), projectWithGeneralKernel(loans, assumptions, { months: 2 })]) {
      const r = roundToCents(flows);
      expect(list(r.defaults)).toEqual([200, 72]);
      expect(list(r.interestCollected)).toEqual([18, 6.48]);
      expect(list(r.scheduledPrincipal)).toEqual([900, 648]);
      expect(list(r.prepayments)).toEqual([180, 0]);
      expect(list(r.endingBalance)).toEqual([720, 0]);
      expect(at(flows.mdr, 1)).toBeCloseTo(0.1, 14);
      expect(at(flows.mdr, 2)).toBeCloseTo(0.1, 14);
    }
  });
});

describe('roll-rate delinquency', () => {
  // Half the current loans miss each month; every 1–30 loan cures the next month. Penalty 1.5 × contract rate.
  const halfMiss = buildTransitionMatrix({
    rollForward: { current: 0.5, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, dpd91_180: 0 },
    cure: { dpd1_30: 1 },
  });

  it('a cure pays its arrears, the month installment and penalty interest on overdue principal (hand-computed)', () => {
    // ¥3,000 equal principal at 12% over 3 months: per unit of loan, principal 1,000 a month, interest 30, 20, 10.
    // Month 1: 0.5 pays (interest 15, principal 500); 0.5 misses: overdue principal 500, overdue interest 15.
    //          Balances: current 0.5 × 2,000 = 1,000; 1–30: 0.5 × 2,000 + 500 = 1,500; ending 2,500.
    // Month 2: penalty accrues 1.5 × 12%/12 × 500 = 7.50 on the overdue principal (one month overdue).
    //          Current 0.5: 0.25 pays (interest 5, principal 250), 0.25 misses (overdue 250 and 5).
    //          1–30 0.5 cures: arrears 500 + 15, penalty 7.50, and this month's 0.5 × (1,000 + 20).
    //          Interest 5 + 15 + 10 = 30; principal 250 + 500 + 500 = 1,250; ending 2,500 − 1,250 = 1,250
    //          (current 0.75 × 1,000 = 750; 1–30: 0.25 × 1,000 + 250 = 500).
    // Month 3: penalty 1.5% × 250 = 3.75. Current 0.75: 0.375 pays (3.75, 375), 0.375 misses (375 and 3.75).
    //          1–30 0.25 cures: 250 + 5 + 3.75 penalty + this month's 0.25 × (1,000 + 10).
    //          Interest 3.75 + 5 + 2.5 = 11.25; principal 375 + 250 + 250 = 875; ending 375, all overdue.
    const loans = loanArrays([{ balance: 3_000, rateAnnual: 0.12, remainingTerm: 3, amortization: 'equal_principal' }]);
    const assumptions: PoolAssumptions = { pool: { rollRates: halfMiss, penaltyMultiple: 1.5 } };
    for (const flows of [projectPool(loans, assumptions, { months: 3 }), projectWithGeneralKernel(loans, assumptions, { months: 3 })]) {
      const r = roundToCents(flows);
      expect(list(r.beginningBalance)).toEqual([3_000, 2_500, 1_250]);
      expect(list(r.interestCollected)).toEqual([15, 30, 11.25]);
      expect(list(r.penaltyInterest)).toEqual([0, 7.5, 3.75]);
      expect(list(r.scheduledPrincipal)).toEqual([500, 1_250, 875]);
      expect(list(r.scheduledInterest)).toEqual([30, 20, 10]);
      expect(list(r.endingBalance)).toEqual([2_500, 1_250, 375]);
      expect(list(r.balanceByState.current)).toEqual([1_000, 750, 0]);
      expect(list(r.balanceByState.dpd1_30)).toEqual([1_500, 500, 375]);
      expect(list(r.overduePrincipal)).toEqual([500, 250, 375]);
      expect(list(r.overdueInterest)).toEqual([15, 5, 3.75]);
      expect(list(r.overdueTotal)).toEqual([515, 255, 378.75]);
      expect(list(r.defaults)).toEqual([0, 0, 0]);
    }
    const trace = traceLoan(loans, 0, assumptions, { months: 3 });
    expect(Array.from(trace.stateMass.subarray(0, 8))).toEqual([0.5, 0.5, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(trace.stateMass.subarray(8, 16))).toEqual([0.75, 0.25, 0, 0, 0, 0, 0, 0]);
  });

  it('charge-off after 151–180 is a gross default of all its principal; the recovery arrives after the lag', () => {
    // A loan 160 days late: ¥5,000 unpaid, of which ¥800 overdue; it pays nothing, so it is 181+ days late next month: charged off in month 1.
    // Default 5,000; recovery 40% × 5,000 = 2,000 three months later (month 4); loss 60% = 3,000 booked in month 1.
    const matrix = buildTransitionMatrix({ rollForward: { current: 0, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, dpd91_180: 1 } });
    const loans = loanArrays([{ balance: 5_000, rateAnnual: 0.2, remainingTerm: 6, state: 'dpd151_180', overduePrincipal: 800, overdueInterest: 150 }]);
    const flows = roundToCents(projectPool(loans, { pool: { rollRates: matrix, recoveryRate: 0.4, recoveryLagMonths: 3 } }, { months: 5 }));
    expect(list(flows.defaults)).toEqual([5_000, 0, 0, 0, 0]);
    expect(list(flows.recoveries)).toEqual([0, 0, 0, 2_000, 0]);
    expect(list(flows.losses)).toEqual([3_000, 0, 0, 0, 0]);
    expect(list(flows.endingBalance)).toEqual([0, 0, 0, 0, 0]);
    expect(list(flows.balanceByState.chargedOff)).toEqual([5_000, 5_000, 5_000, 5_000, 5_000]);
    expect(list(flows.cumulativeDefaultRate)).toEqual([1, 1, 1, 1, 1]);
    expect(list(flows.interestCollected)).toEqual([0, 0, 0, 0, 0]);
    // Projected for 2 months only, the recovery lands after the horizon and is reported, not lost.
    const short = projectPool(loans, { pool: { rollRates: matrix, recoveryRate: 0.4, recoveryLagMonths: 3 } }, { months: 2 });
    expect(short.recoveriesAfterHorizon).toBeCloseTo(2_000, 9);
  });

  it('charge-off at 180 days past due is a rule: with the template 91–180 row nothing is left in 91–180 three months later', () => {
    // The template row: rollForward.dpd91_180 0.3, cure.dpd91_180 0.02. Before the review 91–180 was one bucket
    // leaving at 30% + 2% a month, so 0.68³ = 31.4% of a 91–120 loan was still in the pool after three months.
    // Now the range is three monthly buckets: each month 2% cure and the other 98% is a month later
    // (91–120 → 121–150 → 151–180 → charged off). Current loans do not roll here (rollForward.current 0).
    // Mass after month 3: charged off 0.98³ = 0.941192; current 0.02 + 0.98 × 0.02 + 0.98² × 0.02 = 0.058808;
    // 91–120, 121–150, 151–180: 0. The loan: ¥6,000 interest-only at 0% (bullet at month 24) with no overdue
    // principal, so each fraction's balance is its mass × 6,000 and a charge-off defaults mass × 6,000.
    const template = buildTransitionMatrix({
      rollForward: { current: 0, dpd1_30: 0.35, dpd31_60: 0.55, dpd61_90: 0.7, dpd91_180: 0.3 },
      cure: { dpd1_30: 0.45, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_180: 0.02 },
      chargeOffAt: 'dpd91_180',
    });
    const loans = loanArrays([{ balance: 6_000, rateAnnual: 0, remainingTerm: 24, amortization: 'interest_only', state: 'dpd91_120' }]);
    const assumptions: PoolAssumptions = { pool: { rollRates: template } };
    const trace = traceLoan(loans, 0, assumptions, { months: 3 });
    const month3 = Array.from(trace.stateMass.subarray(16, 24));
    expect(month3[4]).toBe(0); // 91–120
    expect(month3[5]).toBe(0); // 121–150
    expect(month3[6]).toBe(0); // 151–180
    expect(month3[7]).toBeCloseTo(0.941192, 14); // charged off
    expect(month3[0]).toBeCloseTo(0.058808, 14); // cured
    for (const flows of [projectPool(loans, assumptions, { months: 3 }), projectWithGeneralKernel(loans, assumptions, { months: 3 })]) {
      const r = roundToCents(flows);
      expect(list(r.balanceByState.dpd91_180)).toEqual([5_880, 5_762.4, 0]); // 0.98 × 6,000; 0.98² × 6,000
      expect(list(r.defaults)).toEqual([0, 0, 5_647.15]); // 0.98³ × 6,000 = 5,647.152
      expect(list(r.endingBalance)).toEqual([6_000, 6_000, 352.85]); // cured 0.058808 × 6,000 = 352.848
    }
  });

  it('after maturity nothing falls due: a delinquent loan that pays nothing ages a bucket a month and is charged off after 180 days', () => {
    // ¥1,500 equal principal at 12%, 1–30 days late: ¥500 overdue principal, ¥1,000 due in its last installment.
    // The matrix keeps every loan in its bucket (no roll, no cure). Month 1 (the installment is due): it stays in
    // 1–30 by paying it (1,000 + 10 interest), ¥500 overdue is carried. From month 2 no installment falls due,
    // so staying is impossible: 31–60 (month 2), 61–90, 91–120, 121–150, 151–180 (month 6), charged off in
    // month 7: a default of the ¥500. Before the review it stayed in 1–30 for ever.
    const stuck = buildTransitionMatrix({
      rollForward: { current: 0, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, dpd91_120: 0, dpd121_150: 0, dpd151_180: 0 },
    });
    const loans = loanArrays([{ balance: 1_500, rateAnnual: 0.12, remainingTerm: 1, amortization: 'equal_principal', state: 'dpd1_30', overduePrincipal: 500 }]);
    const assumptions: PoolAssumptions = { pool: { rollRates: stuck } };
    for (const flows of [projectPool(loans, assumptions, { months: 8 }), projectWithGeneralKernel(loans, assumptions, { months: 8 })]) {
      const r = roundToCents(flows);
      expect(list(r.scheduledPrincipal)).toEqual([1_000, 0, 0, 0, 0, 0, 0, 0]);
      expect(list(r.interestCollected)).toEqual([10, 0, 0, 0, 0, 0, 0, 0]);
      expect(list(r.defaults)).toEqual([0, 0, 0, 0, 0, 0, 500, 0]);
      expect(list(r.endingBalance)).toEqual([500, 500, 500, 500, 500, 500, 0, 0]);
      expect(list(r.balanceByState.dpd31_60)).toEqual([0, 500, 0, 0, 0, 0, 0, 0]);
      expect(list(r.balanceByState.dpd91_180)).toEqual([0, 0, 0, 500, 500, 500, 0, 0]);
    }
  });

  it('one default source by default: with roll rates the MDR curve applies only when defaultSources is both', () => {
    // ¥1,200 interest-only at 0%, 12 months, current; roll rates keep current loans current (rollForward.current 0);
    // a 10% MDR curve. One source (the default): roll-rate charge-offs only, so no default in month 1.
    // Both: 10% × 1,200 = 120 defaults on the beginning balance in month 1.
    const stayCurrent = buildTransitionMatrix({ rollForward: { current: 0, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, dpd91_180: 0 } });
    const loans = loanArrays([{ balance: 1_200, rateAnnual: 0, remainingTerm: 12, amortization: 'interest_only' }]);
    const curve = { kind: 'monthly' as const, rates: [0.1] };
    const one = roundToCents(projectPool(loans, { pool: { rollRates: stayCurrent, default: curve } }, { months: 1 }));
    const both = roundToCents(projectPool(loans, { pool: { rollRates: stayCurrent, default: curve, defaultSources: 'both' } }, { months: 1 }));
    const curveOnly = roundToCents(projectPool(loans, { pool: { default: curve } }, { months: 1 }));
    expect(list(one.defaults)).toEqual([0]);
    expect(list(both.defaults)).toEqual([120]);
    expect(list(curveOnly.defaults)).toEqual([120]);
  });

  it('a loan more than 180 days late at cutoff is charged off at cutoff: a month-1 default paying nothing', () => {
    expect(delinquencyStateFromDaysPastDue(0)).toBe('current');
    expect(delinquencyStateFromDaysPastDue(1)).toBe('dpd1_30');
    expect(delinquencyStateFromDaysPastDue(30)).toBe('dpd1_30');
    expect(delinquencyStateFromDaysPastDue(31)).toBe('dpd31_60');
    expect(delinquencyStateFromDaysPastDue(90)).toBe('dpd61_90');
    expect(delinquencyStateFromDaysPastDue(91)).toBe('dpd91_120');
    expect(delinquencyStateFromDaysPastDue(120)).toBe('dpd91_120');
    expect(delinquencyStateFromDaysPastDue(121)).toBe('dpd121_150');
    expect(delinquencyStateFromDaysPastDue(151)).toBe('dpd151_180');
    expect(delinquencyStateFromDaysPastDue(180)).toBe('dpd151_180');
    expect(delinquencyStateFromDaysPastDue(181)).toBe('chargedOff');
    const loans = loanArrays([
      { balance: 1_000, rateAnnual: 0.1, remainingTerm: 12, state: 'chargedOff', overduePrincipal: 400 },
      { balance: 3_000, rateAnnual: 0.12, remainingTerm: 3, amortization: 'equal_principal' },
    ]);
    const flows = roundToCents(projectPool(loans, { pool: { recoveryRate: 0.3, recoveryLagMonths: 2 } }, { months: 3 }));
    expect(flows.cutoffBalance).toBe(4_000);
    expect(list(flows.defaults)).toEqual([1_000, 0, 0]);
    expect(list(flows.recoveries)).toEqual([0, 0, 300]);
    expect(list(flows.endingBalance)).toEqual([2_000, 1_000, 0]);
    expect(list(flows.cumulativeDefaultRate)).toEqual([0.25, 0.25, 0.25]);
  });

  it('loans delinquent at cutoff start in their bucket with their arrears', () => {
    // ¥3,000 equal principal at 12%, 31–60 days late with ¥2,000 overdue principal and ¥50 overdue interest:
    // ¥1,000 not yet due over 1 remaining installment. Without a matrix it stays in 31–60 (paying the month's
    // installment: 1,000 + 10 interest) and its arrears stay unpaid.
    const loans = loanArrays([{ balance: 3_000, rateAnnual: 0.12, remainingTerm: 1, amortization: 'equal_principal', state: 'dpd31_60', overduePrincipal: 2_000, overdueInterest: 50 }]);
    const flows = roundToCents(projectPool(loans, NOTHING, { months: 2 }));
    expect(list(flows.beginningBalance)).toEqual([3_000, 2_000]);
    expect(list(flows.interestCollected)).toEqual([10, 0]);
    expect(list(flows.scheduledPrincipal)).toEqual([1_000, 0]);
    expect(list(flows.balanceByState.dpd31_60)).toEqual([2_000, 2_000]);
    expect(list(flows.balanceByState.current)).toEqual([0, 0]);
    expect(list(flows.overdueTotal)).toEqual([2_050, 2_050]);
    const trace = traceLoan(loans, 0, NOTHING, { months: 1 });
    expect(Array.from(trace.stateFraction)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);

    // With a matrix: 31–60 cures 50% a month. Month 1: the cured half pays half the arrears (1,000 + 25) and its
    // half of the installment (500 + 5); the half staying in 31–60 pays its half of the installment (500 + 5).
    const matrix = buildTransitionMatrix({ rollForward: { current: 0, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, dpd91_180: 0 }, cure: { dpd31_60: 0.5 } });
    const cured = roundToCents(projectPool(loans, { pool: { rollRates: matrix } }, { months: 1 }));
    expect(list(cured.scheduledPrincipal)).toEqual([1_000 + 500 + 500]);
    expect(list(cured.interestCollected)).toEqual([25 + 10]);
    expect(list(cured.balanceByState.dpd31_60)).toEqual([1_000]);
  });

  it('both kernels agree on a mixed pool with a full roll-rate matrix, recoveries and segments', () => {
    const matrix = buildTransitionMatrix({
      rollForward: { current: 0.03, dpd1_30: 0.4, dpd31_60: 0.6, dpd61_90: 0.8, dpd91_180: 0.9 },
      cure: { dpd1_30: 0.4, dpd31_60: 0.15, dpd61_90: 0.05, dpd91_180: 0.02 },
      rollBack: { dpd31_60: 0.1, dpd61_90: 0.05, dpd91_180: 0.03 },
    });
    const types: AmortizationType[] = ['level_payment', 'equal_principal', 'interest_only', 'flat_fee'];
    const states: RollState[] = ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_120', 'dpd121_150', 'dpd151_180', 'chargedOff'];
    const rows: LoanRow[] = [];
    for (let i = 0; i < 48; i++) {
      const term = 6 + (i % 5) * 6;
      const state = states[i % 8] ?? 'current';
      rows.push({
        balance: 1_000 + 137 * i,
        originalPrincipal: 2_000 + 137 * i,
        originalTerm: term + 3,
        ageMonths: 3,
        rateAnnual: 0.06 + 0.004 * i,
        remainingTerm: term,
        amortization: types[i % 4] ?? 'level_payment',
        state,
        overduePrincipal: state === 'current' ? 0 : 100,
        overdueInterest: state === 'current' ? 0 : 12,
        segment: i % 3,
      });
    }
    const assumptions: PoolAssumptions = {
      pool: { rollRates: matrix, prepayment: { kind: 'notation', notation: parseVector('10 CPR') }, recoveryRate: 0.3, recoveryLagMonths: 4, penaltyMultiple: 1.5, servicingFeeRate: 0.01 },
      segments: [undefined, { default: { kind: 'notation', notation: parseVector('200 SDA') } }, { prepayment: { kind: 'notation', notation: parseVector('2 ABS') }, rollRates: null }],
    };
    const loans = loanArrays(rows);
    const fast = projectPool(loans, assumptions, { months: 40 });
    const general = projectWithGeneralKernel(loans, assumptions, { months: 40 });
    const keys = ['beginningBalance', 'interestCollected', 'penaltyInterest', 'scheduledPrincipal', 'prepayments', 'defaults', 'recoveries', 'endingBalance', 'overdueTotal', 'servicingFee'] as const;
    for (const key of keys) {
      for (let t = 0; t < 40; t++) expect(Math.abs((fast[key][t] ?? 0) - (general[key][t] ?? 0))).toBeLessThan(1e-9);
    }
    expect(at(fast.penaltyInterest, 2)).toBeGreaterThan(0);
  });
});

describe('accrual hook and rounding', () => {
  it('ACT/365 year fractions change the interest and the level split, as engine/schedule does', () => {
    // ¥10,000 equal principal at 18.25% over 2 months with periods of 31 and 28 days:
    // interest 10,000 × 0.1825 × 31/365 = 155.00, then 5,000 × 0.1825 × 28/365 = 70.00.
    const loans = loanArrays([{ balance: 10_000, rateAnnual: 0.1825, remainingTerm: 2, amortization: 'equal_principal' }]);
    const flows = projectPool(loans, NOTHING, { months: 2, yearFractions: Float64Array.of(31 / 365, 28 / 365) });
    expect(list(flows.interestCollected).map(roundCentsOfDouble)).toEqual([155, 70]);
  });

  it('a segment on ACT/365 accrues the actual days of each period from the cutoff; another stays on 30/360', () => {
    // Cutoff 2027-01-31: periods to Feb 28 (28 days), Mar 31 (31), Apr 30 (30) — addMonths from the cutoff, clamped.
    // Segment 0, ACT/365, ¥36,500 equal principal at 20% over 3 months:
    //   36,500 × 0.2 × 28/365 = 560.00; 24,333.33 × 0.2 × 31/365 = 413.33; 12,166.67 × 0.2 × 30/365 = 200.00.
    // Segment 1, pool default (30/360): ¥12,000 at 12%: 120.00, 80.00, 40.00.
    const loans = loanArrays([
      { balance: 36_500, rateAnnual: 0.2, remainingTerm: 3, amortization: 'equal_principal' },
      { balance: 12_000, rateAnnual: 0.12, remainingTerm: 3, amortization: 'equal_principal', segment: 1 },
    ]);
    const assumptions: PoolAssumptions = { pool: {}, segments: [{ dayCount: 'ACT/365' }] };
    const flows = projectPool(loans, assumptions, { months: 3, cutoffDate: '2027-01-31' });
    expect(list(flows.interestCollected).map(roundCentsOfDouble)).toEqual([560 + 120, 413.33 + 80, 200 + 40]);
    // ACT/360 on the same dates: 36,500 × 0.2 × 28/360 = 567.78.
    const act360 = projectPool(loans, { pool: {}, segments: [{ dayCount: 'ACT/360' }] }, { months: 1, cutoffDate: '2027-01-31' });
    expect(roundCentsOfDouble(at(act360.interestCollected, 1))).toBe(roundCentsOfDouble(567.78 + 120));
    // The level installment is re-amortized on ACT/365: the balance still runs off to zero at maturity.
    const level = projectPool(loanArrays([{ balance: 10_000, rateAnnual: 0.18, remainingTerm: 6 }]), { pool: { dayCount: 'ACT/365' } }, { months: 6, cutoffDate: '2027-01-31' });
    expect(at(level.endingBalance, 6)).toBeCloseTo(0, 9);
    expect(engineErrorCode(() => projectPool(loans, assumptions, { months: 3 }))).toBe('MISSING_ACCRUAL_DATES');
  });

  it('startMonth reads period-based curves from a later month (a revolving cohort); age-based curves are unchanged', () => {
    // SMM by projection month: 50%, 50%, 0% (held flat). A ¥1,000 interest-only loan started at month 3 sees 0% from its month 1.
    const loans = loanArrays([{ balance: 1_000, rateAnnual: 0, remainingTerm: 12, amortization: 'interest_only' }]);
    const byPeriod: PoolAssumptions = { pool: { prepayment: { kind: 'monthly', rates: [0.5, 0.5, 0] } } };
    expect(list(projectPool(loans, byPeriod, { months: 2 }).prepayments)).toEqual([500, 250]);
    expect(list(projectPool(loans, byPeriod, { months: 2, startMonth: 2 }).prepayments)).toEqual([500, 0]);
    expect(list(projectPool(loans, byPeriod, { months: 2, startMonth: 3 }).prepayments)).toEqual([0, 0]);
    const byAge: PoolAssumptions = { pool: { prepayment: { kind: 'monthly', rates: [0.5, 0.5, 0], basis: 'age' } } };
    expect(list(projectPool(loans, byAge, { months: 2, startMonth: 3 }).prepayments)).toEqual([500, 250]);
    // The accrual calendar moves with it: from a 2027-01-31 cutoff, month 1 of a start at month 2 runs Feb 28 → Mar 31 (31 days).
    const interest = projectPool(
      loanArrays([{ balance: 36_500, rateAnnual: 0.1, remainingTerm: 12, amortization: 'interest_only' }]),
      { pool: { dayCount: 'ACT/365' } },
      { months: 1, startMonth: 2, cutoffDate: '2027-01-31' },
    );
    expect(roundCentsOfDouble(at(interest.interestCollected, 1))).toBe(310);
  });

  it('defaultMultiplier scales the MDR (capped at 100%) and the roll from current into 1–30 DPD', () => {
    // ¥10,000 interest-only at 0%, MDR 1%: month-1 defaults 100; × 2.5 → 250; × 200 → the whole balance.
    const loans = loanArrays([{ balance: 10_000, rateAnnual: 0, remainingTerm: 12, amortization: 'interest_only' }]);
    const mdr: PoolAssumptions = { pool: { default: { kind: 'monthly', rates: [0.01] } } };
    expect(at(projectPool(loans, mdr, { months: 1 }).defaults, 1)).toBeCloseTo(100, 9);
    expect(at(projectPool(loans, mdr, { months: 1, defaultMultiplier: 2.5 }).defaults, 1)).toBeCloseTo(250, 9);
    expect(at(projectPool(loans, mdr, { months: 1, defaultMultiplier: 200 }).defaults, 1)).toBeCloseTo(10_000, 9);
    // Roll rates: 2% of current loans roll to 1–30 a month; × 3 → 6% of the balance is 1–30 DPD at the end of month 1.
    const roll: PoolAssumptions = { pool: { rollRates: buildTransitionMatrix({ rollForward: { current: 0.02, dpd1_30: 0.5, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 1 } }) } };
    expect(at(projectPool(loans, roll, { months: 1 }).balanceByState.dpd1_30, 1)).toBeCloseTo(200, 9);
    expect(at(projectPool(loans, roll, { months: 1, defaultMultiplier: 3 }).balanceByState.dpd1_30, 1)).toBeCloseTo(600, 9);
    expect(at(projectPool(loans, roll, { months: 1, defaultMultiplier: 100 }).balanceByState.dpd1_30, 1)).toBeCloseTo(10_000, 9);
  });

  it('a cumulative default timing curve: defaults of the cutoff balance month by month, whatever the prepayments', () => {
    // 8% of the cutoff balance: 50% of it in months 1–4, 30% in 5–8, 20% in 9–12 → 1%, 0.6%, 0.4% of cutoff a month.
    const loans = loanArrays(Array.from({ length: 4 }, () => ({ balance: 25_000, rateAnnual: 0.12, remainingTerm: 24 })));
    const timing = { cumulativeDefaultRate: 0.08, timingPct: [50, 30, 20], monthsPerPeriod: 4 };
    for (const prepayment of ['0 CPR', '20 CPR']) {
      const flows = projectPool(loans, { pool: { prepayment: { kind: 'notation', notation: parseVector(prepayment) }, defaultTiming: timing } }, { months: 12 });
      const expected = [...Array<number>(4).fill(1000), ...Array<number>(4).fill(600), ...Array<number>(4).fill(400)];
      list(flows.defaults).forEach((d, k) => expect(d, `${prepayment}, month ${k + 1}`).toBeCloseTo(expected[k] ?? NaN, 4));
      expect(at(flows.cumulativeDefaultRate, 12)).toBeCloseTo(0.08, 9);
    }
    // Per segment: segment 1 follows its own curve on its own cutoff balance; segment 0 has none.
    const mixed = loanArrays([
      { balance: 50_000, rateAnnual: 0.1, remainingTerm: 24 },
      { balance: 50_000, rateAnnual: 0.1, remainingTerm: 24, segment: 1 },
    ]);
    const flows = projectPool(mixed, { pool: {}, segments: [undefined, { defaultTiming: { cumulativeDefaultRate: 0.12, timingPct: [100], monthsPerPeriod: 12 } }] }, { months: 12 });
    expect(at(flows.defaults, 1)).toBeCloseTo(500, 4); // 12% × 50,000 ÷ 12
    // A default multiplier scales the solved rates like any default curve.
    const stressed = projectPool(loans, { pool: { defaultTiming: timing } }, { months: 12, defaultMultiplier: 2 });
    expect(at(stressed.defaults, 1)).toBeCloseTo(2000, 4);
  });

  it('roundToCents rounds money columns only', () => {
    const loans = loanArrays([{ balance: 1_000, rateAnnual: 0.1, remainingTerm: 3 }]);
    const flows = projectPool(loans, NOTHING, { months: 3 });
    const rounded = roundToCents(flows);
    expect(rounded.interestCollected[0]).toBe(8.33); // 1,000 × 0.1 / 12 = 8.333…
    expect(rounded.poolFactor[0]).toBe(flows.poolFactor[0]);
    expect(roundCentsOfDouble(0.125)).toBe(0.13);
  });
});

describe('input checks', () => {
  it('refuses arrays of different lengths, overdue above balance, unknown codes and bad rates', () => {
    const loans: LoanArrays = { ...allocateLoanArrays(2), segment: new Uint8Array(3) };
    expect(engineErrorCode(() => projectPool(loans, NOTHING, { months: 1 }))).toBe('LOAN_ARRAYS');
    expect(engineErrorCode(() => projectPool(loanArrays([{ balance: 100, rateAnnual: 0.1, remainingTerm: 2, state: 'dpd1_30', overduePrincipal: 200 }]), NOTHING, { months: 1 }))).toBe(
      'OVERDUE_EXCEEDS_BALANCE',
    );
    expect(engineErrorCode(() => projectPool(loanArrays([{ balance: 100, rateAnnual: 15, remainingTerm: 2 }]), NOTHING, { months: 1 }))).toBe('INVALID_RATE');
    const badCode = loanArrays([{ balance: 100, rateAnnual: 0.1, remainingTerm: 2 }]);
    badCode.amortization[0] = 9;
    expect(engineErrorCode(() => projectPool(badCode, NOTHING, { months: 1 }))).toBe('LOAN_CODE');
    expect(engineErrorCode(() => projectPool(loanArrays([{ balance: 100, rateAnnual: 0.1, remainingTerm: 2 }]), NOTHING, { months: 0 }))).toBe('INVALID_MONTHS');
    expect(engineErrorCode(() => projectPool(loanArrays([{ balance: 100, rateAnnual: 0.1, remainingTerm: 2 }]), NOTHING, { months: 3, yearFractions: new Float64Array(2) }))).toBe('YEAR_FRACTIONS');
    expect(engineErrorCode(() => projectPool(loanArrays([{ balance: 100, rateAnnual: 0.1, remainingTerm: 2 }]), { pool: { rollRates: new Float64Array(36) } }, { months: 1 }))).toBe(
      'TRANSITION_MATRIX',
    );
    expect(amortizationCode('flat_fee')).toBe(3);
    expect(delinquencyCode('chargedOff')).toBe(7);
  });
});
