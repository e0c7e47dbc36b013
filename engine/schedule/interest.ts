/**
 * Simple interest on the outstanding principal over one accrual period:
 *   interest = balance × APR × year fraction
 * with the year fraction from the accrual convention: 1/12 for a 30/360 month, days/365 on
 * ACT/365 (¥10,000 at 18.25% for 31 days = 10,000 × 0.1825 × 31/365 = ¥155.00).
 */
export function accruedInterest(balance: number, rateAnnual: number, yearFraction: number): number {
  return balance * rateAnnual * yearFraction;
}

/**
 * The fixed monthly fee of a flat-fee (等本等息) installment loan: original principal × monthly
 * flat rate, the same every month whatever the balance (¥12,000 at 0.6% a month = ¥72).
 */
export function flatFee(originalPrincipal: number, flatRateMonthly: number): number {
  return originalPrincipal * flatRateMonthly;
}
