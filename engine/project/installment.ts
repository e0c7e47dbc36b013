import { levelPayment } from '../schedule/level-payment.ts';
import { bulletPrincipal, equalPrincipalInstallment, levelPaymentPrincipal } from '../schedule/principal.ts';
import { flatFeeRateFromApr, monthlyRate } from '../schedule/rates.ts';
import { annuityRatios, type AnnuityTables } from './annuity.ts';
import { EQUAL_PRINCIPAL_CODE, FLAT_FEE_CODE, LEVEL_PAYMENT_CODE, type LoanArrays } from './loans.ts';

/**
 * One loan's contractual installment per unit of surviving loan, month by month (mutable, one
 * object per loan: the kernels read `interest` and `principal` after each monthInstallment call
 * and then lower `balance` by the principal).
 */
export interface InstallmentState {
  /** Not-yet-due principal per unit of mass (the whole loan's at cutoff: current − overdue principal). */
  balance: number;
  /** This month's interest (or flat fee) and scheduled principal per unit; 0 after maturity. */
  interest: number;
  principal: number;
  readonly remainingTerm: number;
  readonly rateAnnual: number;
  readonly rateMonthly: number;
  readonly amortization: number;
  /** Flat fee per unit of mass: original principal × flatFeeRateFromApr(APR, original term). */
  readonly feeUnit: number;
  /** Level installment; fixed on 30/360, re-amortized monthly otherwise. */
  installment: number;
  readonly uniform30360: boolean;
  /** A level loan off 30/360 with ANNUITY_TABLE_TERM or more installments left: its installment per unit of balance by installments left (annuity.ts); null otherwise. */
  readonly annuity: Float64Array | null;
}

/**
 * Remaining terms from which a level loan off 30/360 takes its installments from the annuity
 * ratios (annuity.ts) rather than a power each month: measured on 1M loans, a lookup per loan
 * costs about what ten-odd powers do, so a consumer loan with a few months left keeps the power
 * and a mortgage (hundreds of months) the table — the same bits either way.
 */
const ANNUITY_TABLE_TERM = 24;

export function installmentPlan(loans: LoanArrays, i: number, balance: number, uniform30360: boolean, annuities: AnnuityTables): InstallmentState {
  const rateAnnual = loans.rateAnnual[i] ?? 0;
  const amortization = loans.amortization[i] ?? 0;
  const remainingTerm = Math.max(1, loans.remainingTerm[i] ?? 1);
  const rateMonthly = monthlyRate(rateAnnual);
  return {
    balance,
    interest: 0,
    principal: 0,
    remainingTerm,
    rateAnnual,
    rateMonthly,
    amortization,
    // flatFeeRateFromApr is A/P − 1/n, which rounds to −1e-18 at a zero APR: clamp at 0.
    feeUnit: amortization === FLAT_FEE_CODE ? (loans.originalPrincipal[i] ?? 0) * Math.max(0, flatFeeRateFromApr(rateAnnual, loans.originalTerm[i] ?? 1)) : 0,
    installment: amortization === LEVEL_PAYMENT_CODE ? levelPayment(balance, rateMonthly, remainingTerm) : 0,
    uniform30360,
    annuity: amortization === LEVEL_PAYMENT_CODE && !uniform30360 && remainingTerm >= ANNUITY_TABLE_TERM ? annuityRatios(annuities, rateMonthly, remainingTerm) : null,
  };
}

/**
 * Month k's (0-based) installment per unit, re-amortized on the balance and remaining term
 * (engine/schedule's kernels): interest = balance × APR × year fraction, or the flat fee;
 * scheduled principal by amortization type; the last installment repays the balance. On 30/360
 * the level installment is computed once: re-amortizing the contractual balance path gives it back;
 * otherwise it is re-amortized each month from the annuity ratios (annuity.ts: no power per month).
 */
export function monthInstallment(plan: InstallmentState, k: number, yearFraction: number): void {
  const remaining = plan.remainingTerm - k;
  if (remaining < 1) {
    plan.interest = 0;
    plan.principal = 0;
    return;
  }
  const u = plan.balance;
  const type = plan.amortization;
  if (type === FLAT_FEE_CODE) {
    plan.interest = plan.feeUnit;
    plan.principal = equalPrincipalInstallment(u, remaining);
    return;
  }
  const interest = u * plan.rateAnnual * yearFraction;
  plan.interest = interest;
  if (type === LEVEL_PAYMENT_CODE) {
    // Off 30/360, re-amortized: levelPayment(u, r, remaining) to the bit, from the loan's annuity ratios.
    const annuity = plan.annuity;
    if (annuity !== null) {
      const ratio = annuity[remaining] ?? Number.NaN;
      plan.installment = Number.isNaN(ratio) ? u / remaining : u * ratio;
    } else if (!plan.uniform30360) {
      plan.installment = levelPayment(u, plan.rateMonthly, remaining);
    }
    plan.principal = levelPaymentPrincipal(u, remaining, plan.installment, interest);
  } else if (type === EQUAL_PRINCIPAL_CODE) {
    plan.principal = equalPrincipalInstallment(u, remaining);
  } else {
    plan.principal = bulletPrincipal(u, remaining);
  }
}
