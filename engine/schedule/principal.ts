import type { AmortizationType } from './amortization.ts';
import { levelPayment } from './level-payment.ts';

// Scheduled (contractual) principal for one month, before prepayments. Every function takes the
// CURRENT balance and remaining term and re-amortizes on them: after a prepayment the next
// installment is recomputed, the pool-projection market convention (a representative line's
// survivors keep their own contractual installments, which sum to the re-amortized one).
// Results are clamped to [0, balance], and the last installment (remainingTerm ≤ 1) repays the
// whole balance. Hot path: numbers only, no validation, no allocation.

/**
 * Level payment (等额本息): principal = A − interest, where A = levelPayment(balance, APR/12, n) is
 * the installment and `interest` the period's accrued interest: balance × APR/12 on 30/360;
 * balance × APR × days/365 on ACT/365, where the installment is still the APR/12 annuity and the
 * day count only moves the split between interest and principal.
 */
export function levelPaymentPrincipal(balance: number, remainingTerm: number, installment: number, interest: number): number {
  if (remainingTerm <= 1) return balance;
  const principal = installment - interest;
  return principal <= 0 ? 0 : principal >= balance ? balance : principal;
}

/** Equal principal (等额本金) and flat fee (等本等息): balance / remaining term (= P / n unprepaid). */
export function equalPrincipalInstallment(balance: number, remainingTerm: number): number {
  return remainingTerm <= 1 ? balance : balance / remainingTerm;
}

/** Interest-only with bullet (先息后本): nothing until the last month, then the whole balance. */
export function bulletPrincipal(balance: number, remainingTerm: number): number {
  return remainingTerm <= 1 ? balance : 0;
}

/** Scheduled principal by amortization type (see the functions above for each convention). */
export function scheduledPrincipal(amortization: AmortizationType, balance: number, rateMonthly: number, remainingTerm: number, interest: number): number {
  if (amortization === 'level_payment') {
    return levelPaymentPrincipal(balance, remainingTerm, levelPayment(balance, rateMonthly, remainingTerm), interest);
  }
  if (amortization === 'interest_only') return bulletPrincipal(balance, remainingTerm);
  return equalPrincipalInstallment(balance, remainingTerm); // equal_principal and flat_fee
}
