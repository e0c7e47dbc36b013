import { describe, expect, it } from 'vitest';
import {
  allocateLoanArrays,
  amortizationCode,
  buildTransitionMatrix,
  delinquencyCode,
  projectPool,
  roundToCents,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
  type ProjectionOptions,
  type RollState,
  type SegmentAssumptions,
} from '../../../engine/index.ts';
import { resolveAssumptions } from '../../../engine/project/assumptions.ts';
import { allocateAccumulators, poolCashFlows } from '../../../engine/project/cash-flows.ts';
import { projectLoanInto } from '../../../engine/project/kernel.ts';
import { kernelContext } from '../../../engine/project/kernel-context.ts';

// 罚息 and 复利 per 中国人民银行关于人民币贷款利率有关问题的通知 (银发〔2003〕251号): overdue principal
// accrues interest at the penalty rate (the contract rate plus 30%–50%: penaltyMultiple 1.3–1.5)
// until repaid, and 对不能按时支付的利息，按罚息利率计收复利 — unpaid interest accrues compound
// interest at the same penalty rate. Every case is on 30/360: a month is 1/12 of a year.

interface Loan {
  balance: number;
  rateAnnual: number;
  remainingTerm: number;
  state: RollState;
  overduePrincipal: number;
  overdueInterest: number;
  amortization?: 'level_payment' | 'interest_only';
  restructured?: number;
}

function loanArrays(rows: readonly Loan[]): LoanArrays {
  const loans = allocateLoanArrays(rows.length);
  rows.forEach((row, i) => {
    loans.currentPrincipal[i] = row.balance;
    loans.originalPrincipal[i] = row.balance;
    loans.rateAnnual[i] = row.rateAnnual;
    loans.remainingTerm[i] = row.remainingTerm;
    loans.originalTerm[i] = Math.max(1, row.remainingTerm);
    loans.amortization[i] = amortizationCode(row.amortization ?? 'level_payment');
    loans.delinquency[i] = delinquencyCode(row.state);
    loans.overduePrincipal[i] = row.overduePrincipal;
    loans.overdueInterest[i] = row.overdueInterest;
    loans.restructured[i] = row.restructured ?? 0;
  });
  return loans;
}

/** The same projection through the general (matrix-entry loop) kernel, bypassing the banded one. */
function projectWithGeneralKernel(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions): PoolCashFlows {
  const fractions = new Float64Array(options.months).fill(1 / 12);
  const [segment] = resolveAssumptions(assumptions, 1, options.months, 0, () => fractions).map((s) => ({ ...s, banded: null, maturedBanded: null }));
  if (segment === undefined) throw new Error('no segment');
  const acc = allocateAccumulators(options.months, segment.recoveryLagMonths);
  const ctx = kernelContext(options.months);
  let cutoff = 0;
  for (let i = 0; i < loans.currentPrincipal.length; i++) {
    cutoff += loans.currentPrincipal[i] ?? 0;
    projectLoanInto(loans, i, segment, ctx, acc, null);
  }
  return poolCashFlows(acc, loans.currentPrincipal.length, cutoff, segment.defaultsFirst);
}

/** Both kernels (banded and general), rounded to cents. */
function bothKernels(loans: LoanArrays, assumptions: PoolAssumptions, months: number): PoolCashFlows[] {
  return [projectPool(loans, assumptions, { months }), projectWithGeneralKernel(loans, assumptions, { months })].map(roundToCents);
}

const list = (values: Float64Array): number[] => Array.from(values);

// A loan wholly overdue at cutoff (1–30 DPD: ¥1,000 principal and ¥50 interest due and unpaid, nothing
// left to fall due) that pays nothing in month 1 (rolls to 31–60) and cures in month 2, paying its arrears
// and the penalty accrued over the two months. Contract rate 12%, penalty multiple 1.5: penalty rate 18%,
// 1.5% a month.
const missThenCure = buildTransitionMatrix({
  rollForward: { current: 0, dpd1_30: 1, dpd31_60: 0, dpd61_90: 0, dpd91_180: 1 },
  cure: { dpd31_60: 1 },
});
const overdueLoan: Loan = { balance: 1_000, rateAnnual: 0.12, remainingTerm: 0, state: 'dpd1_30', overduePrincipal: 1_000, overdueInterest: 50 };
const base: SegmentAssumptions = { rollRates: missThenCure, penaltyMultiple: 1.5 };

describe('复利: compound interest on overdue interest at the penalty rate', () => {
  it('without it (the default) penalty accrues on overdue principal only', () => {
    // 1.5% × 1,000 = 15 a month, two months: 30 collected at the cure.
    for (const r of bothKernels(loanArrays([overdueLoan]), { pool: base }, 2)) {
      expect(list(r.penaltyInterest)).toEqual([0, 30]);
      expect(list(r.interestCollected)).toEqual([0, 50]);
      expect(list(r.scheduledPrincipal)).toEqual([0, 1_000]);
    }
  });

  it('with penaltyCompounding the unpaid interest accrues at the penalty rate too (hand-computed)', () => {
    // Each month 1.5% × (1,000 overdue principal + 50 overdue interest) = 15 + 0.75 = 15.75; two months: 31.50.
    for (const r of bothKernels(loanArrays([overdueLoan]), { pool: { ...base, penaltyCompounding: true } }, 2)) {
      expect(list(r.penaltyInterest)).toEqual([0, 31.5]);
      expect(list(r.interestCollected)).toEqual([0, 50]);
      expect(list(r.penaltyForgone)).toEqual([0, 0]);
    }
  });
});

describe('borrowerCostCap: contract + penalty charges per month within cap × year fraction × unpaid principal', () => {
  it('cuts the penalty of a wholly overdue loan to the cap and reports the penalty forgone (hand-computed)', () => {
    // Cap 15% a year: 15%/12 × 1,000 unpaid principal = 12.50 a month, no contract interest left to charge.
    // Penalty 15 a month → 12.50 granted, 2.50 forgone; with 复利 15.75 → 12.50 granted, 3.25 forgone.
    for (const r of bothKernels(loanArrays([overdueLoan]), { pool: { ...base, borrowerCostCap: 0.15 } }, 2)) {
      expect(list(r.penaltyInterest)).toEqual([0, 25]);
      expect(list(r.penaltyForgone)).toEqual([2.5, 2.5]);
    }
    for (const r of bothKernels(loanArrays([overdueLoan]), { pool: { ...base, penaltyCompounding: true, borrowerCostCap: 0.15 } }, 2)) {
      expect(list(r.penaltyInterest)).toEqual([0, 25]);
      expect(list(r.penaltyForgone)).toEqual([3.25, 3.25]);
    }
  });

  it('counts the contract interest first: at a cap equal to the contract rate only 12% is charged on overdue principal (hand-computed)', () => {
    // ¥2,000 interest-only at 12%, 1–30 DPD with ¥1,000 overdue principal; ¥1,000 not yet due over 2 months.
    // The loan keeps paying each installment but never catches up (stays 1–30; after maturity it ages).
    // Month 1: contract interest 1% × 1,000 = 10; penalty 1.5% × 1,000 = 15; cap 12%/12 × (1,000 + 1,000) = 20
    //          → penalty allowed 20 − 10 = 10, forgone 5. Month 2 the same (the installment repays the 1,000).
    // Month 3 (after maturity): unpaid principal 1,000 overdue, no contract interest: allowed 1% × 1,000 = 10, forgone 5.
    const stays = buildTransitionMatrix({ rollForward: { current: 0, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, dpd91_180: 1 } });
    const loan: Loan = { balance: 2_000, rateAnnual: 0.12, remainingTerm: 2, state: 'dpd1_30', overduePrincipal: 1_000, overdueInterest: 0, amortization: 'interest_only' };
    for (const r of bothKernels(loanArrays([loan]), { pool: { rollRates: stays, penaltyMultiple: 1.5, borrowerCostCap: 0.12 } }, 3)) {
      expect(list(r.penaltyForgone)).toEqual([5, 5, 5]);
      expect(list(r.interestCollected)).toEqual([10, 10, 0]);
      expect(list(r.scheduledPrincipal)).toEqual([0, 1_000, 0]);
    }
  });
});

describe('penaltyWaiver.restructured: restructured loans pay no penalty interest', () => {
  it('a restructured loan pays none, the same loan not restructured pays 30, a line 25% restructured 75% of it', () => {
    const waived: PoolAssumptions = { pool: { ...base, penaltyWaiver: { restructured: true } } };
    for (const r of bothKernels(loanArrays([{ ...overdueLoan, restructured: 1 }]), waived, 2)) expect(list(r.penaltyInterest)).toEqual([0, 0]);
    for (const r of bothKernels(loanArrays([{ ...overdueLoan, restructured: 0 }]), waived, 2)) expect(list(r.penaltyInterest)).toEqual([0, 30]);
    // A representative line of which 25% of the balance is restructured: 0.75 × 30 = 22.50.
    for (const r of bothKernels(loanArrays([{ ...overdueLoan, restructured: 0.25 }]), waived, 2)) expect(list(r.penaltyInterest)).toEqual([0, 22.5]);
    // Without the waiver a restructured loan pays penalty like any other.
    for (const r of bothKernels(loanArrays([{ ...overdueLoan, restructured: 1 }]), { pool: base }, 2)) expect(list(r.penaltyInterest)).toEqual([0, 30]);
  });
});
