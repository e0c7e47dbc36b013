/**
 * The yield supplement overcollateralization amount computed from the pool at a required rate, as
 * US auto indentures define it (GM Financial Consumer Automobile Receivables Trust 2025-2, 424(h) of
 * 1 May 2025, Summary — "Yield Supplement Overcollateralization Amount", pp. 15–16): "the aggregate
 * amount by which the principal balance as of the last day of the related collection period or the
 * cutoff date, as applicable, of each automobile loan contract with an annual percentage rate … of
 * less than [the Required Rate] …, other than any defaulted automobile loan contract, exceeds the
 * present value (calculated using a discount rate equal to the Required Rate …) of each scheduled
 * payment on such automobile loan contract …, assuming each such scheduled payment is made on the
 * last day of each month and each month has 30 days."
 *
 * For a level-payment receivable with balance B, APR a and n payments left (monthly rates
 * i = a / 12, j = r / 12 at the required rate r), the scheduled payment is B × i / (1 − (1 + i)^−n)
 * (B / n at a = 0) and its present value at j is payment × (1 − (1 + j)^−n) / j, one month per
 * payment; a receivable whose first payment is d months further off (a line that starts later,
 * ProjectionOptions.startMonths) is discounted d months more. The YSOC is
 *   Σ over receivables with a < r of max(0, B − PV).
 * Under the ABS model every surviving receivable of a line has the line's scheduled balance and
 * payments, so the line's amount is its projected balance × (1 − PV per unit of balance).
 */

/** One representative line of level-payment receivables, as the YSOC reads it. */
export interface YieldSupplementLine {
  /** Contract rate (APR), annual decimal. */
  readonly rateAnnual: number;
  /** Scheduled payments not yet due at the line's own cutoff. */
  readonly remainingTerm: number;
  /** Projection month of the line's first scheduled payment (1 = month 1). */
  readonly startMonth: number;
  /** Principal at the cutoff. */
  readonly cutoffBalance: number;
  /** Projected principal at the end of month k at index k − 1 (defaulted receivables excluded); 0 past its end. */
  readonly endingBalance: Float64Array;
}

/** Present value at monthly rate j of the level payments of one unit of balance at monthly rate i over n payments, the first d + 1 months away. */
export function presentValuePerUnit(i: number, j: number, n: number, d: number): number {
  const payment = i === 0 ? 1 / n : i / (1 - (1 + i) ** -n);
  const annuity = j === 0 ? n : (1 - (1 + j) ** -n) / j;
  return (payment * annuity) / (1 + j) ** d;
}

/** The YSOC at the end of pool month `month` (0 = the cutoff) at `requiredRate` (annual decimal), unrounded. */
export function yieldSupplementAmount(lines: readonly YieldSupplementLine[], month: number, requiredRate: number): number {
  let total = 0;
  for (const line of lines) {
    if (!(line.rateAnnual < requiredRate)) continue;
    const balance = month === 0 ? line.cutoffBalance : (line.endingBalance[month - 1] ?? 0);
    if (!(balance > 0)) continue;
    const paid = Math.max(0, month - (line.startMonth - 1));
    const left = line.remainingTerm - paid;
    if (left <= 0) continue;
    const deferred = Math.max(0, line.startMonth - 1 - month);
    const pv = presentValuePerUnit(line.rateAnnual / 12, requiredRate / 12, left, deferred);
    total += balance * Math.max(0, 1 - pv);
  }
  return total;
}
