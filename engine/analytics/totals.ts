import { checkLeg, type CashFlowLeg } from './leg.ts';

/** Sums over a leg, in the leg's currency unless the name says otherwise. */
export interface LegTotals {
  readonly totalPrincipal: number;
  readonly totalInterest: number;
  /** Principal + interest: all cash paid to the holder. */
  readonly totalCashFlow: number;
  /** Total principal written down (loss allocated to the note). */
  readonly totalLoss: number;
  /** totalLoss / originalBalance, a decimal (0.05 = 5% of the original balance); 0 for a zero-face note. */
  readonly lossRate: number;
  /** Unpaid interest still carried forward after the last period; null when the leg has no interestShortfall column. */
  readonly interestShortfallAtEnd: number | null;
  /**
   * Balance left after the last period: the last endingBalance when given, otherwise
   * balanceAtSettlement − totalPrincipal − totalLoss (which can dip below 0 by float dust only).
   */
  readonly finalBalance: number;
}

function sum(column: ArrayLike<number> | undefined, periods: number): number {
  let total = 0;
  if (column) for (let t = 0; t < periods; t++) total += column[t] ?? 0;
  return total;
}

function last(column: ArrayLike<number> | undefined): number | null {
  return column && column.length > 0 ? (column[column.length - 1] ?? null) : null;
}

/** Totals of a leg: principal, interest, loss and loss rate, interest shortfall and balance at the end. */
export function legTotals(leg: CashFlowLeg): LegTotals {
  const checked = checkLeg(leg);
  const totalPrincipal = sum(checked.principal, checked.periods);
  const totalInterest = sum(checked.interest, checked.periods);
  const totalLoss = sum(checked.writeDown, checked.periods);
  return {
    totalPrincipal,
    totalInterest,
    totalCashFlow: totalPrincipal + totalInterest,
    totalLoss,
    lossRate: checked.originalBalance > 0 ? totalLoss / checked.originalBalance : 0,
    interestShortfallAtEnd: last(checked.interestShortfall),
    finalBalance: last(checked.endingBalance) ?? checked.balanceAtSettlement - totalPrincipal - totalLoss,
  };
}
