import { minMoney, sub, toCents, toYuan, ZERO } from './money.ts';
import type { DealPeriod, NoteLeg } from './result.ts';
import type { Deal } from './types.ts';

/** One cash-flow leg per note, in the deal's note order, from the period rows (for tranche analytics). */
export function legsOf(deal: Pick<Deal, 'notes'>, periods: readonly DealPeriod[]): NoteLeg[] {
  const dates = periods.map((row) => row.paymentDate);
  return deal.notes.map((spec, j) => {
    const column = (pick: (row: DealPeriod['notes'][number]) => number): number[] => periods.map((row) => (row.notes[j] ? pick(row.notes[j]) : 0));
    return {
      id: spec.id,
      originalBalance: toYuan(toCents(spec.originalBalance)),
      dates,
      principal: column((n) => n.principalPaid),
      interest: column((n) => toYuan(toCents(n.interestPaid).plus(n.periodicReturnPaid ?? 0))),
      writeDown: netOfReimbursements(
        column((n) => n.writeDown),
        column((n) => n.writeDownReimbursed),
      ),
      balance: column((n) => n.endingBalance),
      residual: column((n) => n.residualPaid),
    };
  });
}

/**
 * A leg's write-down column net of reimbursements: each reimbursement cancels the earliest write-downs
 * still standing (first in, first out), so every entry stays ≥ 0 and the column sums to the net loss.
 */
function netOfReimbursements(writeDowns: number[], reimbursed: readonly number[]): number[] {
  const out = writeDowns.map((x) => toCents(x));
  reimbursed.forEach((r, t) => {
    let left = toCents(r);
    for (let k = 0; k <= t && left.gt(0); k++) {
      const take = minMoney(left, out[k] ?? ZERO);
      out[k] = sub(out[k] ?? ZERO, take);
      left = left.minus(take);
    }
  });
  return out.map(toYuan);
}
