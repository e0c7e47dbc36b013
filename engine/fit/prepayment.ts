import { curveError } from '../curves/checks.ts';
import { factorAt } from './amortisation.ts';
import type { VintageHistory } from './types.ts';

/** A vintage's month-by-month survival under the balance model below. */
export interface VintagePath {
  /** Surviving (not prepaid, not defaulted) share of loans s_k, k = 0..m. */
  readonly survival: readonly number[];
  /** Pool balance as a share of the original, s_k × a_k, k = 0..m. */
  readonly balance: readonly number[];
}

export interface PrepaymentFit {
  /** Pool SMM by month on book (index k − 1), null where no vintage had a balance that could prepay. */
  readonly smm: readonly (number | null)[];
  /** CPR = 1 − (1 − SMM)^12, same indexing. */
  readonly cpr: readonly (number | null)[];
  /** Each vintage's path (same order as the input). */
  readonly paths: readonly VintagePath[];
  /**
   * Vintage-months whose defaults exceeded the balance the schedule leaves (delinquent loans do not
   * amortise, so late defaults can): their MDR is capped at 100%.
   */
  readonly cappedDefaults: readonly { readonly vintage: string; readonly monthOnBook: number }[];
}

/**
 * Monthly prepayment rates from cumulative prepaid and defaulted shares of the original balance.
 * Per unit of original principal, a surviving loan owes a_{k−1} at the start of month k; defaults
 * come first, on that beginning balance (SIFMA Standard Formulas), then the scheduled principal
 * brings what is left to a_k, and prepayments take a share SMM of it:
 *
 *   MDR_k = d_k / (s_{k−1}·a_{k−1}),   SMM_k = p_k / (s_{k−1}·(1 − MDR_k)·a_k),
 *   s_k = s_{k−1}·(1 − MDR_k)·(1 − SMM_k),
 *
 * with d_k, p_k the month's increments of the cumulative default and prepayment rates. The pool
 * SMM at month on book k is the ratio estimator over the vintages observed at k:
 * Σ B_i·p_{i,k} / Σ B_i·s_{i,k−1}·(1 − MDR_{i,k})·a_k (B_i the original balance). Delinquent loans
 * are counted as amortising on schedule (a static pool gives no loan-level arrears), which
 * overstates the prepayable balance by about the delinquent share.
 */
export function fitPrepayment(vintages: readonly VintageHistory[], factors: Float64Array): PrepaymentFit {
  const months = Math.max(0, ...vintages.map((v) => v.cumulativePrepayment.length));
  const prepaid = new Float64Array(months);
  const eligible = new Float64Array(months);
  const cappedDefaults: { vintage: string; monthOnBook: number }[] = [];
  const paths = vintages.map((v) =>
    vintagePath(v, factors, cappedDefaults, (k, p, base) => {
      prepaid[k - 1] = (prepaid[k - 1] ?? 0) + v.originalBalance * p;
      eligible[k - 1] = (eligible[k - 1] ?? 0) + v.originalBalance * base;
    }),
  );
  const smm = Array.from(prepaid, (p, i) => ((eligible[i] ?? 0) > 0 ? p / (eligible[i] ?? 1) : null));
  return { smm, cpr: smm.map((x) => (x === null ? null : 1 - (1 - x) ** 12)), paths, cappedDefaults };
}

type MonthSink = (k: number, prepaid: number, prepayable: number) => void;

function vintagePath(v: VintageHistory, factors: Float64Array, capped: { vintage: string; monthOnBook: number }[], sink: MonthSink): VintagePath {
  // As far as any metric goes: the roll-rate fit reads the balance at every month a bucket is given.
  const m = Math.max(v.cumulativePrepayment.length, v.cumulativeDefault.length, v.delinquency.dpd1_30.length, v.delinquency.dpd31_60.length, v.delinquency.dpd61_90.length);
  const survival = [1];
  const balance = [1];
  let s = 1;
  for (let k = 1; k <= m; k++) {
    const d = increment(v.cumulativeDefault, k);
    const begin = s * factorAt(factors, k - 1);
    const mdr = begin > 0 ? d / begin : 0;
    if (mdr > 1 + 1e-9) capped.push({ vintage: v.vintage, monthOnBook: k });
    const base = s * (1 - Math.min(1, mdr)) * factorAt(factors, k);
    let smm = 0;
    if (k <= v.cumulativePrepayment.length) {
      const p = increment(v.cumulativePrepayment, k);
      if (p > base + 1e-9) throw notEnoughBalance(v.vintage, k, 'prepaid', p, base);
      smm = base > 0 ? Math.min(1, p / base) : 0;
      if (base > 0) sink(k, p, base);
    }
    s *= (1 - Math.min(1, mdr)) * (1 - smm);
    survival.push(s);
    balance.push(s * factorAt(factors, k));
  }
  return { survival, balance };
}

function increment(cumulative: readonly number[], k: number): number {
  if (k > cumulative.length) return 0;
  return (cumulative[k - 1] ?? 0) - (k >= 2 ? (cumulative[k - 2] ?? 0) : 0);
}

const pct = (x: number): string => `${(x * 100).toFixed(4)}%`;

function notEnoughBalance(vintage: string, k: number, what: string, amount: number, left: number): Error {
  return curveError(
    'STATIC_POOL_FIT',
    { vintage, monthOnBook: k, [what]: amount, balanceLeft: left },
    `vintage ${vintage}, month on book ${k}: ${pct(amount)} of the original balance ${what}, but only ${pct(left)} was left on the loans' schedule — check the term, rate and amortisation given for the fit`,
  );
}
