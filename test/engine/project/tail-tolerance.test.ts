import { describe, expect, it } from 'vitest';
import { engineErrorCode } from '../../helpers/engine.ts';
import { allocateLoanArrays, amortizationCode, buildTransitionMatrix, delinquencyCode, DEFAULT_TAIL_TOLERANCE, projectPool, type LoanArrays, type PoolAssumptions } from '../../../engine/index.ts';
import { resolveAssumptions } from '../../../engine/project/assumptions.ts';
import { allocateAccumulators, poolCashFlows } from '../../../engine/project/cash-flows.ts';
import { projectLoanInto } from '../../../engine/project/kernel.ts';
import { kernelContext } from '../../../engine/project/kernel-context.ts';

/**
 * A loan ¥10,000 wholly overdue in 1–30 with its last installment due in month 1 (nothing left
 * to fall due: not-yet-due principal 0), 0 penalty. Roll rates: 1–30 cures 50% and rolls to 31–60
 * 50%; 31–60 cures 50% and rolls back to 1–30 50% (paying 1/2 of its arrears). By hand, the
 * overdue principal at each month end:
 *   month 1: 1–30 → 5,000 cured, 5,000 to 31–60: B/2;
 *   month 2: 31–60's 5,000 → 2,500 cured, 2,500 back of which 1,250 paid, 1,250 carried: B/8;
 * so a factor 1/8 every two months: B × 8^−j after month 2j, B/2 × 8^−j after month 2j + 1. It
 * never reaches 0. With the default tolerance 1e-9 the loan stops after the first month that
 * leaves ≤ 1e-9 × B: month 18 leaves 8^−9 = 7.45e-9 × B, month 19 3.73e-9 × B, month 20
 * 8^−10 = 9.31e-10 × B ≤ 1e-9 × B — so months 21–36 are skipped. What they would have
 * collected is the rest of that balance: B × (8^−10 − 8^−18).
 */
const B = 10_000;
const rollRates = buildTransitionMatrix({
  rollForward: { current: 0, dpd1_30: 0.5, dpd31_60: 0, dpd61_90: 0, dpd91_180: 0 },
  cure: { dpd1_30: 0.5, dpd31_60: 0.5 },
  rollBack: { dpd31_60: 0.5 },
});
const assumptions: PoolAssumptions = { pool: { rollRates, penaltyMultiple: 0 } };

function tailLoan(): LoanArrays {
  const loans = allocateLoanArrays(1);
  loans.currentPrincipal[0] = B;
  loans.originalPrincipal[0] = B;
  loans.rateAnnual[0] = 0.12;
  loans.remainingTerm[0] = 1;
  loans.originalTerm[0] = 12;
  loans.ageMonths[0] = 11;
  loans.amortization[0] = amortizationCode('level_payment');
  loans.delinquency[0] = delinquencyCode('dpd1_30');
  loans.overduePrincipal[0] = B;
  return loans;
}

/** By hand: the overdue principal (= the balance: nothing is left to fall due) after month t. */
const handBalance = (t: number): number => (t % 2 === 0 ? B * 8 ** -(t / 2) : (B / 2) * 8 ** -((t - 1) / 2));

/** Month-end balances and principal collected through the general (matrix-entry) kernel. */
function generalKernel(loans: LoanArrays, months: number, tailTolerance: number): { ending: number[]; principal: number[] } {
  const segments = resolveAssumptions(assumptions, 1, months, 11).map((s) => ({ ...s, banded: null }));
  const segment = segments[0];
  if (segment === undefined) throw new Error('no segment');
  const acc = allocateAccumulators(months, segment.recoveryLagMonths);
  projectLoanInto(loans, 0, segment, kernelContext(months, tailTolerance), acc, null);
  const flows = poolCashFlows(acc, 1, B, segment.defaultsFirst);
  return { ending: Array.from(flows.endingBalance), principal: Array.from(flows.scheduledPrincipal) };
}

describe('tail tolerance: a matured loan stops once what it owes is at or below tolerance × its cutoff balance', () => {
  it('the default is 1e-9', () => {
    expect(DEFAULT_TAIL_TOLERANCE).toBe(1e-9);
  });

  it('tolerance 0 follows the geometric tail to the horizon, as computed by hand', () => {
    const flows = projectPool(tailLoan(), assumptions, { months: 36, tailTolerance: 0 });
    for (let t = 1; t <= 36; t++) expect(flows.endingBalance[t - 1]).toBe(handBalance(t));
    // After month 20 the balance (B × 8^−10) is all in 1–30, which cures half of it in month 21.
    expect(flows.scheduledPrincipal[20]).toBe(handBalance(20) / 2);
  });

  it('the default tolerance stops after month 20: months 21–36 add nothing, and the flows they held are B × (8^−10 − 8^−18) ≤ 1e-9 × B', () => {
    const exact = projectPool(tailLoan(), assumptions, { months: 36, tailTolerance: 0 });
    const stopped = projectPool(tailLoan(), assumptions, { months: 36 });
    for (let t = 1; t <= 20; t++) {
      expect(stopped.endingBalance[t - 1]).toBe(handBalance(t));
      expect(stopped.scheduledPrincipal[t - 1]).toBe(exact.scheduledPrincipal[t - 1]);
    }
    for (let t = 21; t <= 36; t++) {
      expect(stopped.endingBalance[t - 1]).toBe(0);
      expect(stopped.scheduledPrincipal[t - 1]).toBe(0);
    }
    const left = exact.scheduledPrincipal.subarray(20).reduce((sum, x) => sum + x, 0);
    expect(left).toBeCloseTo(B * (8 ** -10 - 8 ** -18), 18);
    expect(left).toBeLessThanOrEqual(DEFAULT_TAIL_TOLERANCE * B);
    // Each later month's ending balance is off by at most the tolerance × B.
    for (let t = 21; t <= 36; t++) expect(Math.abs((exact.endingBalance[t - 1] ?? 0) - (stopped.endingBalance[t - 1] ?? 0))).toBeLessThanOrEqual(DEFAULT_TAIL_TOLERANCE * B);
  });

  it('a looser tolerance stops earlier: 1e-6 stops after month 14 (8^−7 = 4.8e-7 × B; month 13 leaves 1.9e-6 × B)', () => {
    const stopped = projectPool(tailLoan(), assumptions, { months: 36, tailTolerance: 1e-6 });
    expect(stopped.endingBalance[13]).toBe(handBalance(14));
    expect(stopped.endingBalance[14]).toBe(0);
  });

  it('the general kernel stops in the same month as the banded one', () => {
    const general = generalKernel(tailLoan(), 36, DEFAULT_TAIL_TOLERANCE);
    const banded = projectPool(tailLoan(), assumptions, { months: 36 });
    expect(general.ending).toEqual(Array.from(banded.endingBalance));
    expect(general.principal).toEqual(Array.from(banded.scheduledPrincipal));
    expect(generalKernel(tailLoan(), 36, 0).ending[35]).toBe(handBalance(36));
  });

  it('refuses a tolerance below 0, of 1 or more, or not a number', () => {
    for (const tailTolerance of [-1e-9, 1, Number.NaN]) {
      expect(engineErrorCode(() => projectPool(tailLoan(), assumptions, { months: 12, tailTolerance }))).toBe('TAIL_TOLERANCE');
    }
  });
});
